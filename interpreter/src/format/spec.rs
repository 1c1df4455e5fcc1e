//! Parser for the format-spec mini-language used by `format()`,
//! `str.format()` and f-strings:
//!
//! `[[fill]align][sign][z][#][0][width][grouping_option][.precision][type]`
//!
//! A port of `parse_internal_render_format_spec` from CPython 3.11's
//! `Python/formatter_unicode.c`, with the same error messages (all of them
//! `ValueError`s).

use super::error::FmtError;
use super::unicode::decimal_value;

/// Horizontal alignment of the formatted value inside the field width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// `<`
    Left,
    /// `>`
    Right,
    /// `^`
    Center,
    /// `=`: padding goes between the sign/prefix and the digits.
    AfterSign,
}

impl Align {
    fn from_char(c: char) -> Option<Align> {
        match c {
            '<' => Some(Align::Left),
            '>' => Some(Align::Right),
            '^' => Some(Align::Center),
            '=' => Some(Align::AfterSign),
            _ => None,
        }
    }
}

/// The sign option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    /// `+`: sign for both positive and negative numbers.
    Plus,
    /// `-`: sign for negative numbers only (given explicitly).
    Minus,
    /// ` `: a space for positive numbers, `-` for negative ones.
    Space,
}

/// The thousands-separator option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    /// No separator.
    None,
    /// `,` every three digits.
    Comma,
    /// `_` every three digits (decimal presentation types).
    Underscore,
    /// `_` every four digits (types `b`, `o`, `x`, `X`).
    UnderscoreFour,
}

/// A parsed format spec (`InternalFormatSpec`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    /// Fill character (default `' '`, or `'0'` from the `0` flag).
    pub fill: char,
    /// Alignment: the explicit one, the `0` flag's `=`, or the default.
    pub align: Align,
    /// Sign option, if given.
    pub sign: Option<Sign>,
    /// `z`: coerce negative zero to positive zero (floats only).
    pub no_neg_0: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// Minimum field width.
    pub width: Option<usize>,
    /// Thousands separator.
    pub grouping: Grouping,
    /// Precision.
    pub precision: Option<usize>,
    /// Presentation type: the explicit one or the default passed to the
    /// parser (`None` only when the default is "no type", as for float).
    pub ty: Option<char>,
}

/// Per-type defaults for [`parse_spec_with`]: CPython's `default_type`,
/// `default_align`, and the type name used in error messages.
#[derive(Debug, Clone, Copy)]
pub struct SpecDefaults<'a> {
    /// Presentation type when none is given (`Some('d')` for int,
    /// `Some('s')` for str, `None` for float).
    pub ty: Option<char>,
    /// Alignment when none is given (`Right` for numbers, `Left` for str).
    pub align: Align,
    /// `type(obj).__name__`, for "Invalid format specifier ... for object of
    /// type '...'".
    pub type_name: &'a str,
}

impl SpecDefaults<'_> {
    /// Defaults of `float.__format__`.
    pub const FLOAT: SpecDefaults<'static> =
        SpecDefaults { ty: None, align: Align::Right, type_name: "float" };
    /// Defaults of `int.__format__`.
    pub const INT: SpecDefaults<'static> =
        SpecDefaults { ty: Some('d'), align: Align::Right, type_name: "int" };
    /// Defaults of `str.__format__`.
    pub const STR: SpecDefaults<'static> =
        SpecDefaults { ty: Some('s'), align: Align::Left, type_name: "str" };
}

/// Parse a spec with the float defaults (no default type, right aligned,
/// type name `float`). Use [`parse_spec_with`] for other types.
pub fn parse_spec(spec: &str) -> Result<Spec, FmtError> {
    parse_spec_with(spec, SpecDefaults::FLOAT)
}

/// Render a presentation-type character the way CPython's error messages do:
/// the character itself when printable ASCII, else `\x` + lowercase hex.
pub(crate) fn type_char_for_message(c: char) -> String {
    let cp = c as u32;
    if cp > 32 && cp < 128 {
        c.to_string()
    } else {
        format!("\\x{:x}", cp)
    }
}

/// `ValueError`: "Unknown format code 'X' for object of type 'T'".
pub fn unknown_format_code(ty: char, type_name: &str) -> FmtError {
    FmtError::value(format!(
        "Unknown format code '{}' for object of type '{}'",
        type_char_for_message(ty),
        truncate_chars(type_name, 200)
    ))
}

/// `%.200s`-style truncation.
pub(crate) fn truncate_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// `get_integer`: read a run of (Unicode) decimal digits starting at
/// `chars[*pos]`. Returns `Ok(None)` when there were none.
fn get_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, FmtError> {
    let mut acc: usize = 0;
    let mut consumed = 0;
    let max = isize::MAX as usize;
    while *pos < chars.len() {
        let d = match decimal_value(chars[*pos]) {
            Some(d) => d as usize,
            None => break,
        };
        if acc > (max - d) / 10 {
            return Err(FmtError::value("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d;
        *pos += 1;
        consumed += 1;
    }
    Ok(if consumed == 0 { None } else { Some(acc) })
}

/// Parse `spec` with the given defaults. All errors are `ValueError`s:
///
/// * `Invalid format specifier '{spec}' for object of type '{type}'`
/// * "Format specifier missing precision"
/// * "Too many decimal digits in format string"
/// * "Cannot specify both ',' and '_'."
/// * "Cannot specify ',' with 'X'." (and the `'_'` variant)
///
/// The presentation type is not checked against the object's type here;
/// the `format_*` functions do that.
pub fn parse_spec_with(spec: &str, defaults: SpecDefaults<'_>) -> Result<Spec, FmtError> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let mut pos = 0;
    let mut out = Spec {
        fill: ' ',
        align: defaults.align,
        sign: None,
        no_neg_0: false,
        alternate: false,
        width: None,
        grouping: Grouping::None,
        precision: None,
        ty: defaults.ty,
    };
    let mut align_specified = false;
    let mut fill_specified = false;

    if let Some(a) = chars.get(1).copied().and_then(Align::from_char) {
        out.align = a;
        out.fill = chars[0];
        fill_specified = true;
        align_specified = true;
        pos = 2;
    } else if let Some(a) = chars.first().copied().and_then(Align::from_char) {
        out.align = a;
        align_specified = true;
        pos = 1;
    }

    if pos < end {
        let sign = match chars[pos] {
            '+' => Some(Sign::Plus),
            '-' => Some(Sign::Minus),
            ' ' => Some(Sign::Space),
            _ => None,
        };
        if sign.is_some() {
            out.sign = sign;
            pos += 1;
        }
    }

    if pos < end && chars[pos] == 'z' {
        out.no_neg_0 = true;
        pos += 1;
    }

    if pos < end && chars[pos] == '#' {
        out.alternate = true;
        pos += 1;
    }

    if !fill_specified && pos < end && chars[pos] == '0' {
        out.fill = '0';
        if !align_specified && defaults.align == Align::Right {
            out.align = Align::AfterSign;
        }
        pos += 1;
    }

    out.width = get_integer(&chars, &mut pos)?;

    if pos < end && chars[pos] == ',' {
        out.grouping = Grouping::Comma;
        pos += 1;
    }
    if pos < end && chars[pos] == '_' {
        if out.grouping != Grouping::None {
            return Err(comma_and_underscore());
        }
        out.grouping = Grouping::Underscore;
        pos += 1;
    }
    if pos < end && chars[pos] == ',' && out.grouping == Grouping::Underscore {
        return Err(comma_and_underscore());
    }

    if pos < end && chars[pos] == '.' {
        pos += 1;
        match get_integer(&chars, &mut pos)? {
            Some(p) => out.precision = Some(p),
            None => return Err(FmtError::value("Format specifier missing precision")),
        }
    }

    if end - pos > 1 {
        return Err(FmtError::value(format!(
            "Invalid format specifier '{}' for object of type '{}'",
            spec,
            truncate_chars(defaults.type_name, 200)
        )));
    }
    if end - pos == 1 {
        out.ty = Some(chars[pos]);
    }

    if out.grouping != Grouping::None {
        let sep = if out.grouping == Grouping::Comma { ',' } else { '_' };
        match out.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if out.grouping == Grouping::Underscore => {
                out.grouping = Grouping::UnderscoreFour;
            }
            Some(t) => {
                return Err(FmtError::value(format!(
                    "Cannot specify '{}' with '{}'.",
                    sep,
                    type_char_for_message(t)
                )));
            }
        }
    }
    Ok(out)
}

fn comma_and_underscore() -> FmtError {
    FmtError::value("Cannot specify both ',' and '_'.")
}
