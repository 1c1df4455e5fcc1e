//! The small slice of CPython's Unicode database that number parsing and
//! format-spec parsing need (Unicode 14.0, as shipped with CPython 3.11):
//! decimal digit values (`Py_UNICODE_TODECIMAL`), whitespace
//! (`Py_UNICODE_ISSPACE` / `Py_ISSPACE`) and
//! `_PyUnicode_TransformDecimalAndSpaceToASCII`.

/// Code points of every Unicode `Nd` character whose decimal value is 0.
/// Each is followed by the digits 1..=9 at consecutive code points.
const DECIMAL_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
    0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0,
    0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// Non-ASCII code points for which `str.isspace()` is true.
const NON_ASCII_SPACES: [u32; 19] = [
    0x85, 0xA0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008,
    0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
];

/// `Py_UNICODE_TODECIMAL`: the decimal value of a Unicode decimal digit.
pub fn decimal_value(c: char) -> Option<u32> {
    let cp = c as u32;
    let idx = match DECIMAL_ZEROS.binary_search(&cp) {
        Ok(i) => i,
        Err(0) => return None,
        Err(i) => i - 1,
    };
    let off = cp - DECIMAL_ZEROS[idx];
    if off < 10 {
        Some(off)
    } else {
        None
    }
}

/// `Py_ISSPACE`: the C-locale ASCII whitespace test used by the number
/// parsers (space, `\t`, `\n`, `\v`, `\f`, `\r`; *not* `\x1c`..`\x1f`).
pub fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// `Py_UNICODE_ISSPACE`: the same test as `str.isspace()` for one char.
pub fn is_space(c: char) -> bool {
    let cp = c as u32;
    if cp < 128 {
        matches!(cp, 0x09..=0x0d | 0x1c..=0x1f | 0x20)
    } else {
        NON_ASCII_SPACES.binary_search(&cp).is_ok()
    }
}

/// `_PyUnicode_TransformDecimalAndSpaceToASCII`: ASCII characters (below
/// 127) are kept, other whitespace becomes `' '`, other decimal digits
/// become their ASCII digit; at the first other character the output
/// ends with `'?'` (which no number parser accepts).
pub fn transform_decimal_and_space_to_ascii(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let cp = c as u32;
        if cp < 127 {
            out.push(cp as u8);
        } else if is_space(c) {
            out.push(b' ');
        } else if let Some(d) = decimal_value(c) {
            out.push(b'0' + d as u8);
        } else {
            out.push(b'?');
            break;
        }
    }
    out
}
