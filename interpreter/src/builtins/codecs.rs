//! Text encodings for `str.encode`, `bytes.decode`, `str(b, enc)` and `bytes(s, enc)`:
//! utf-8 (and -sig), utf-16/32 (LE/BE/BOM), ascii, latin-1 and cp1252, with the
//! `strict`, `ignore`, `replace`, `backslashreplace`, `xmlcharrefreplace` and
//! `namereplace` (encode only, as `\N{...}` is unavailable it falls back to escapes)
//! error handlers. Errors are CPython's `UnicodeEncodeError`/`UnicodeDecodeError`
//! with `encoding`, `object`, `start`, `end` and `reason` attributes.

use crate::value::Value;
use crate::vm::{self, Vm};
use crate::{PyErr, PyResult};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Codec {
    Utf8,
    Utf8Sig,
    Ascii,
    Latin1,
    Cp1252,
    Utf16,
    Utf16Le,
    Utf16Be,
    Utf32,
    Utf32Le,
    Utf32Be,
}

impl Codec {
    /// The codec name CPython shows in error messages.
    fn err_name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Utf8Sig => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Cp1252 => "charmap",
            Codec::Utf16 => "utf-16",
            Codec::Utf16Le => "utf-16-le",
            Codec::Utf16Be => "utf-16-be",
            Codec::Utf32 => "utf-32",
            Codec::Utf32Le => "utf-32-le",
            Codec::Utf32Be => "utf-32-be",
        }
    }
}

/// `codecs.lookup`-style normalisation of an encoding name.
pub fn lookup(name: &str) -> Option<Codec> {
    let n: String = name.trim().to_ascii_lowercase().chars().map(|c| if c == '-' || c == ' ' { '_' } else { c }).collect();
    Some(match n.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
        "utf_8_sig" | "utf8_sig" => Codec::Utf8Sig,
        "ascii" | "us_ascii" | "646" | "us" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100" => Codec::Latin1,
        "cp1252" | "windows_1252" | "1252" => Codec::Cp1252,
        "utf_16" | "utf16" | "u16" => Codec::Utf16,
        "utf_16_le" | "utf_16le" | "utf16le" => Codec::Utf16Le,
        "utf_16_be" | "utf_16be" | "utf16be" => Codec::Utf16Be,
        "utf_32" | "utf32" | "u32" => Codec::Utf32,
        "utf_32_le" | "utf_32le" | "utf32le" => Codec::Utf32Le,
        "utf_32_be" | "utf_32be" | "utf32be" => Codec::Utf32Be,
        _ => return None,
    })
}

const CP1252_HIGH: [u32; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0, //
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

fn cp1252_encode_char(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 0x80 || (0xA0..0x100).contains(&u) {
        return Some(u as u8);
    }
    CP1252_HIGH.iter().position(|&x| x == u && x != 0).map(|i| 0x80 + i as u8)
}

fn cp1252_decode_byte(b: u8) -> Option<char> {
    if (0x80..0xA0).contains(&b) {
        let u = CP1252_HIGH[(b - 0x80) as usize];
        if u == 0 {
            None
        } else {
            char::from_u32(u)
        }
    } else {
        Some(b as char)
    }
}

fn encodable(codec: Codec, c: char) -> bool {
    match codec {
        Codec::Ascii => (c as u32) < 0x80,
        Codec::Latin1 => (c as u32) < 0x100,
        Codec::Cp1252 => cp1252_encode_char(c).is_some(),
        _ => true,
    }
}

fn encode_char(codec: Codec, c: char, out: &mut Vec<u8>) {
    match codec {
        Codec::Utf8 | Codec::Utf8Sig => {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
        Codec::Ascii | Codec::Latin1 => out.push(c as u32 as u8),
        Codec::Cp1252 => out.push(cp1252_encode_char(c).unwrap_or(b'?')),
        Codec::Utf16 | Codec::Utf16Le | Codec::Utf16Be => {
            let mut buf = [0u16; 2];
            for u in c.encode_utf16(&mut buf).iter() {
                if codec == Codec::Utf16Be {
                    out.extend_from_slice(&u.to_be_bytes());
                } else {
                    out.extend_from_slice(&u.to_le_bytes());
                }
            }
        }
        Codec::Utf32 | Codec::Utf32Le => out.extend_from_slice(&(c as u32).to_le_bytes()),
        Codec::Utf32Be => out.extend_from_slice(&(c as u32).to_be_bytes()),
    }
}

fn char_escape(c: char) -> String {
    let u = c as u32;
    if u < 0x100 {
        format!("\\x{u:02x}")
    } else if u < 0x10000 {
        format!("\\u{u:04x}")
    } else {
        format!("\\U{u:08x}")
    }
}

fn unknown_handler(vm: &mut Vm, errors: &str) -> PyErr {
    vm.new_error("LookupError", format!("unknown error handler name '{errors}'"))
}

fn unknown_encoding(vm: &mut Vm, name: &str) -> PyErr {
    vm.new_error("LookupError", format!("unknown encoding: {name}"))
}

fn set_attrs(vm: &mut Vm, e: &PyErr, encoding: &str, object: Value, start: usize, end: usize, reason: &str) {
    let items = [("encoding", vm::new_str(encoding)), ("object", object), ("start", vm::new_int(start as i64)), ("end", vm::new_int(end as i64)), ("reason", vm::new_str(reason))];
    for (k, v) in items {
        let kn = vm.intern(k);
        let _ = vm.setattr(&e.0, &kn, v);
    }
}

fn encode_error(vm: &mut Vm, codec: Codec, s: &str, start: usize, end: usize, reason: &str) -> PyErr {
    let enc = codec.err_name();
    let msg = if end - start == 1 {
        let c = s.chars().nth(start).unwrap_or('?');
        format!("'{enc}' codec can't encode character '{}' in position {start}: {reason}", char_escape(c))
    } else {
        format!("'{enc}' codec can't encode characters in position {start}-{}: {reason}", end - 1)
    };
    let e = vm.new_error("UnicodeEncodeError", msg);
    set_attrs(vm, &e, enc, vm::new_str(s), start, end, reason);
    e
}

fn decode_error(vm: &mut Vm, enc: &str, b: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let msg = if end - start == 1 {
        format!("'{enc}' codec can't decode byte 0x{:02x} in position {start}: {reason}", b[start])
    } else {
        format!("'{enc}' codec can't decode bytes in position {start}-{}: {reason}", end - 1)
    };
    let e = vm.new_error("UnicodeDecodeError", msg);
    set_attrs(vm, &e, enc, vm::new_bytes(b.to_vec()), start, end, reason);
    e
}

/// `s.encode(encoding, errors)`.
pub fn encode(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let Some(codec) = lookup(encoding) else {
        return Err(unknown_encoding(vm, encoding));
    };
    let mut out = Vec::with_capacity(s.len());
    match codec {
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::Utf8Sig => {
            out.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
            out.extend_from_slice(s.as_bytes());
            return Ok(out);
        }
        Codec::Utf16 => out.extend_from_slice(&[0xFF, 0xFE]),
        Codec::Utf32 => out.extend_from_slice(&[0xFF, 0xFE, 0, 0]),
        _ => {}
    }
    let chars: Vec<char> = s.chars().collect();
    let reason = match codec {
        Codec::Ascii => "ordinal not in range(128)",
        Codec::Latin1 => "ordinal not in range(256)",
        _ => "character maps to <undefined>",
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if encodable(codec, c) {
            encode_char(codec, c, &mut out);
            i += 1;
            continue;
        }
        // A run of unencodable characters.
        let start = i;
        let mut end = i + 1;
        while end < chars.len() && !encodable(codec, chars[end]) {
            end += 1;
        }
        match errors {
            "strict" => return Err(encode_error(vm, codec, s, start, end, reason)),
            "ignore" => {}
            "replace" => {
                for _ in start..end {
                    encode_char(codec, '?', &mut out);
                }
            }
            "backslashreplace" | "namereplace" => {
                for &c in &chars[start..end] {
                    for e in char_escape(c).chars() {
                        encode_char(codec, e, &mut out);
                    }
                }
            }
            "xmlcharrefreplace" => {
                for &c in &chars[start..end] {
                    for e in format!("&#{};", c as u32).chars() {
                        encode_char(codec, e, &mut out);
                    }
                }
            }
            other => return Err(unknown_handler(vm, other)),
        }
        i = end;
    }
    Ok(out)
}

/// What to do with the undecodable bytes `b[start..end]`: extend `out` or fail.
fn handle_decode_error(vm: &mut Vm, enc: &str, b: &[u8], start: usize, end: usize, reason: &str, errors: &str, out: &mut String) -> PyResult<()> {
    match errors {
        "strict" => Err(decode_error(vm, enc, b, start, end, reason)),
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{FFFD}');
            Ok(())
        }
        "backslashreplace" => {
            for x in &b[start..end] {
                out.push_str(&format!("\\x{x:02x}"));
            }
            Ok(())
        }
        other => Err(unknown_handler(vm, other)),
    }
}

fn decode_utf8(vm: &mut Vm, b: &[u8], errors: &str, out: &mut String) -> PyResult<()> {
    let mut pos = 0;
    while pos < b.len() {
        match std::str::from_utf8(&b[pos..]) {
            Ok(s) => {
                out.push_str(s);
                return Ok(());
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&b[pos..pos + good]).unwrap_or(""));
                let start = pos + good;
                let first = b[start];
                let (end, reason) = match e.error_len() {
                    None => (b.len(), "unexpected end of data"),
                    Some(n) => {
                        let bad_start = first < 0xC2 || first > 0xF4;
                        (start + n, if bad_start { "invalid start byte" } else { "invalid continuation byte" })
                    }
                };
                handle_decode_error(vm, "utf-8", b, start, end, reason, errors, out)?;
                pos = end;
            }
        }
    }
    Ok(())
}

fn decode_utf16(vm: &mut Vm, b: &[u8], errors: &str, mut big: bool, enc: &str, out: &mut String) -> PyResult<()> {
    let mut pos = 0;
    let bom = enc == "utf-16";
    let unit = |p: usize, big: bool| if big { u16::from_be_bytes([b[p], b[p + 1]]) } else { u16::from_le_bytes([b[p], b[p + 1]]) };
    if bom && b.len() >= 2 {
        match (b[0], b[1]) {
            (0xFF, 0xFE) => {
                big = false;
                pos = 2;
            }
            (0xFE, 0xFF) => {
                big = true;
                pos = 2;
            }
            _ => {}
        }
    }
    let enc = if bom { if big { "utf-16-be" } else { "utf-16-le" } } else { enc };
    while pos < b.len() {
        if pos + 1 >= b.len() {
            handle_decode_error(vm, enc, b, pos, b.len(), "truncated data", errors, out)?;
            break;
        }
        let u = unit(pos, big);
        if !(0xD800..0xE000).contains(&u) {
            out.push(char::from_u32(u as u32).unwrap_or('\u{FFFD}'));
            pos += 2;
            continue;
        }
        if u >= 0xDC00 {
            handle_decode_error(vm, enc, b, pos, pos + 2, "illegal encoding", errors, out)?;
            pos += 2;
            continue;
        }
        if pos + 3 >= b.len() {
            let end = b.len();
            handle_decode_error(vm, enc, b, pos, end, "unexpected end of data", errors, out)?;
            break;
        }
        let u2 = unit(pos + 2, big);
        if !(0xDC00..0xE000).contains(&u2) {
            handle_decode_error(vm, enc, b, pos, pos + 2, "illegal UTF-16 surrogate", errors, out)?;
            pos += 2;
            continue;
        }
        let c = 0x10000 + (((u as u32) - 0xD800) << 10) + ((u2 as u32) - 0xDC00);
        out.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
        pos += 4;
    }
    Ok(())
}

fn decode_utf32(vm: &mut Vm, b: &[u8], errors: &str, mut big: bool, enc: &str, out: &mut String) -> PyResult<()> {
    let mut pos = 0;
    let bom = enc == "utf-32";
    if bom && b.len() >= 4 {
        if b[..4] == [0xFF, 0xFE, 0, 0] {
            big = false;
            pos = 4;
        } else if b[..4] == [0, 0, 0xFE, 0xFF] {
            big = true;
            pos = 4;
        }
    }
    let enc = if bom { if big { "utf-32-be" } else { "utf-32-le" } } else { enc };
    while pos < b.len() {
        if pos + 4 > b.len() {
            handle_decode_error(vm, enc, b, pos, b.len(), "truncated data", errors, out)?;
            break;
        }
        let w = [b[pos], b[pos + 1], b[pos + 2], b[pos + 3]];
        let u = if big { u32::from_be_bytes(w) } else { u32::from_le_bytes(w) };
        match char::from_u32(u) {
            Some(c) => out.push(c),
            None => {
                let reason = if u > 0x10FFFF { "code point not in range(0x110000)" } else { "code point in surrogate code point range(0xd800, 0xe000)" };
                handle_decode_error(vm, enc, b, pos, pos + 4, reason, errors, out)?;
            }
        }
        pos += 4;
    }
    Ok(())
}

/// `b.decode(encoding, errors)`.
pub fn decode(vm: &mut Vm, b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let Some(codec) = lookup(encoding) else {
        return Err(unknown_encoding(vm, encoding));
    };
    let mut out = String::with_capacity(b.len());
    match codec {
        Codec::Utf8 => decode_utf8(vm, b, errors, &mut out)?,
        Codec::Utf8Sig => {
            let body = b.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(b);
            decode_utf8(vm, body, errors, &mut out)?
        }
        Codec::Ascii => {
            for (i, &x) in b.iter().enumerate() {
                if x < 0x80 {
                    out.push(x as char);
                } else {
                    handle_decode_error(vm, "ascii", b, i, i + 1, "ordinal not in range(128)", errors, &mut out)?;
                }
            }
        }
        Codec::Latin1 => out.extend(b.iter().map(|&x| x as char)),
        Codec::Cp1252 => {
            for (i, &x) in b.iter().enumerate() {
                match cp1252_decode_byte(x) {
                    Some(c) => out.push(c),
                    None => handle_decode_error(vm, "charmap", b, i, i + 1, "character maps to <undefined>", errors, &mut out)?,
                }
            }
        }
        Codec::Utf16 => decode_utf16(vm, b, errors, false, "utf-16", &mut out)?,
        Codec::Utf16Le => decode_utf16(vm, b, errors, false, "utf-16-le", &mut out)?,
        Codec::Utf16Be => decode_utf16(vm, b, errors, true, "utf-16-be", &mut out)?,
        Codec::Utf32 => decode_utf32(vm, b, errors, false, "utf-32", &mut out)?,
        Codec::Utf32Le => decode_utf32(vm, b, errors, false, "utf-32-le", &mut out)?,
        Codec::Utf32Be => decode_utf32(vm, b, errors, true, "utf-32-be", &mut out)?,
    }
    Ok(out)
}

/// The `encoding`/`errors` argument of an encode/decode call: a str, or a TypeError
/// "`fname`() argument `what` must be str, not T".
pub fn str_param(vm: &mut Vm, v: Option<Value>, default: &str, fname: &str, what: &str) -> PyResult<String> {
    match v {
        None => Ok(default.to_string()),
        Some(v) => match vm::str_of(&crate::vm::ops::base_value(&v)) {
            Some(s) => Ok(s.to_string()),
            None => {
                let tn = vm.type_name(&v);
                Err(vm.type_error(format!("{fname}() argument '{what}' must be str, not {tn}")))
            }
        },
    }
}
