//! `format(str, spec)` (`str.__format__`): fill, alignment, width and
//! precision (truncation), counted in code points. A port of
//! `format_string_internal` from CPython 3.11's `Python/formatter_unicode.c`.

use super::error::FmtError;
use super::layout::push_fill;
use super::spec::{parse_spec_with, unknown_format_code, Align, Sign, Spec, SpecDefaults};

/// `format(s, spec)` for a str.
///
/// Errors (all `ValueError`): the spec parser's errors, "Unknown format code
/// 'X' for object of type 'str'", "Sign not allowed in string format
/// specifier", "Space not allowed in string format specifier", "Negative
/// zero coercion (z) not allowed in string format specifier", "Alternate
/// form (#) not allowed in string format specifier", "'=' alignment not
/// allowed in string format specifier".
pub fn format_str(s: &str, spec: &str) -> Result<String, FmtError> {
    format_str_typed(s, spec, "str")
}

/// [`format_str`] for a str subclass: `type_name` appears in error messages.
pub fn format_str_typed(s: &str, spec: &str, type_name: &str) -> Result<String, FmtError> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let parsed = parse_spec_with(spec, SpecDefaults { type_name, ..SpecDefaults::STR })?;
    match parsed.ty {
        Some('s') => format_str_spec(s, &parsed),
        Some(t) => Err(unknown_format_code(t, type_name)),
        None => format_str_spec(s, &Spec { ty: Some('s'), ..parsed }),
    }
}

/// `format_string_internal`: lay out `s` with an already parsed spec.
/// Also usable for other objects formatted through their `str()`.
pub fn format_str_spec(s: &str, spec: &Spec) -> Result<String, FmtError> {
    match spec.sign {
        Some(Sign::Space) => {
            return Err(FmtError::value("Space not allowed in string format specifier"))
        }
        Some(_) => return Err(FmtError::value("Sign not allowed in string format specifier")),
        None => {}
    }
    if spec.no_neg_0 {
        return Err(FmtError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(FmtError::value("Alternate form (#) not allowed in string format specifier"));
    }
    if spec.align == Align::AfterSign {
        return Err(FmtError::value("'=' alignment not allowed in string format specifier"));
    }
    let body: &str = match spec.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((i, _)) => &s[..i],
            None => s,
        },
        None => s,
    };
    let len = body.chars().count();
    let total = spec.width.map_or(len, |w| w.max(len));
    let lpad = match spec.align {
        Align::Right => total - len,
        Align::Center => (total - len) / 2,
        Align::Left | Align::AfterSign => 0,
    };
    let rpad = total - len - lpad;
    let mut out = String::with_capacity(body.len() + total - len);
    push_fill(&mut out, spec.fill, lpad as isize);
    out.push_str(body);
    push_fill(&mut out, spec.fill, rpad as isize);
    Ok(out)
}
