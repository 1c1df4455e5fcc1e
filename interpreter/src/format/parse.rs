//! String to number parsing with Python's literal syntax:
//! `float(str)` (`PyFloat_FromString`) and `int(str, base)`
//! (`PyLong_FromUnicodeObject` / `PyLong_FromString`), CPython 3.11.
//!
//! Both first apply `_PyUnicode_TransformDecimalAndSpaceToASCII`, so
//! non-ASCII decimal digits and whitespace are accepted.

use num_bigint::BigInt;
use num_traits::Zero;

use super::unicode::{is_ascii_space, transform_decimal_and_space_to_ascii};

/// `_Py_parse_inf_or_nan`: `[+-](inf|infinity|nan)` (case-insensitive) at
/// the start of `s`. Returns the value and the number of bytes used.
pub(crate) fn parse_inf_or_nan(s: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    let mut negate = false;
    match s.first() {
        Some(b'-') => {
            negate = true;
            i = 1;
        }
        Some(b'+') => i = 1,
        _ => {}
    }
    let starts = |at: usize, word: &[u8]| {
        s.len() >= at + word.len() && s[at..at + word.len()].eq_ignore_ascii_case(word)
    };
    let value;
    if starts(i, b"inf") {
        i += 3;
        if starts(i, b"inity") {
            i += 5;
        }
        value = f64::INFINITY;
    } else if starts(i, b"nan") {
        i += 3;
        value = f64::NAN;
    } else {
        return None;
    }
    Some((if negate { -value } else { value }, i))
}

/// Length of the longest prefix of `s` that `_Py_dg_strtod` accepts:
/// `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`.
fn strtod_prefix_len(s: &[u8]) -> usize {
    let mut i = 0;
    if matches!(s.first(), Some(b'+' | b'-')) {
        i = 1;
    }
    let int_start = i;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
    }
    let mut n_digits = i - int_start;
    if i < s.len() && s[i] == b'.' {
        let frac_start = i + 1;
        let mut j = frac_start;
        while j < s.len() && s[j].is_ascii_digit() {
            j += 1;
        }
        n_digits += j - frac_start;
        if n_digits > 0 {
            i = j;
        }
    }
    if n_digits == 0 {
        return 0;
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        let mut j = i + 1;
        if j < s.len() && (s[j] == b'+' || s[j] == b'-') {
            j += 1;
        }
        let exp_start = j;
        while j < s.len() && s[j].is_ascii_digit() {
            j += 1;
        }
        if j > exp_start {
            i = j;
        }
    }
    i
}

/// `_Py_string_to_number_with_underscores`: drop underscores that sit
/// between two digits; `None` if any other underscore is present.
pub(crate) fn remove_underscores(s: &[u8]) -> Option<Vec<u8>> {
    if !s.contains(&b'_') {
        return Some(s.to_vec());
    }
    let mut out = Vec::with_capacity(s.len());
    let mut prev = 0u8;
    for &c in s {
        if c == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == b'_' && !c.is_ascii_digit() {
                return None;
            }
            out.push(c);
        }
        prev = c;
    }
    if prev == b'_' {
        return None;
    }
    Some(out)
}

fn trim_ascii_space(s: &[u8]) -> &[u8] {
    let start = s.iter().position(|&b| !is_ascii_space(b)).unwrap_or(s.len());
    let end = s.iter().rposition(|&b| !is_ascii_space(b)).map_or(start, |e| e + 1);
    &s[start..end.max(start)]
}

/// `float(s)` for a str: `None` where CPython raises ValueError
/// "could not convert string to float: <repr(s)>".
///
/// Accepts surrounding whitespace, a sign, decimal/exponent notation,
/// underscores between digits, and `inf`/`infinity`/`nan` in any case.
/// Out-of-range values give `inf` / `0.0` as in CPython.
pub fn parse_float(s: &str) -> Option<f64> {
    let ascii = transform_decimal_and_space_to_ascii(s);
    let cleaned = remove_underscores(&ascii)?;
    let body = trim_ascii_space(&cleaned);
    if body.is_empty() {
        return None;
    }
    let n = strtod_prefix_len(body);
    if n > 0 {
        if n != body.len() {
            return None;
        }
        // The prefix is ASCII and in Rust's accepted float syntax; Rust's
        // parser is correctly rounded like `_Py_dg_strtod`.
        return std::str::from_utf8(body).ok()?.parse::<f64>().ok();
    }
    match parse_inf_or_nan(body) {
        Some((v, used)) if used == body.len() => Some(v),
        _ => None,
    }
}

/// Why [`parse_int_checked`] rejected a string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntParseError {
    /// ValueError "int() base must be >= 2 and <= 36, or 0".
    BadBase,
    /// ValueError "invalid literal for int() with base {base}: {repr(s):.200}"
    /// (`base` as passed by the caller, 0 included).
    Invalid,
    /// ValueError "Exceeds the limit ({limit} digits) for integer string
    /// conversion: value has {digits} digits; use sys.set_int_max_str_digits()
    /// to increase the limit".
    TooManyDigits {
        /// The configured limit.
        limit: usize,
        /// Digits in the string.
        digits: usize,
    },
}

/// `int(s, base)` for a str: `None` where CPython raises ValueError.
/// `base` is 0 (auto-detect, Python literal rules) or 2..=36; no digit
/// limit is applied (see [`parse_int_checked`]).
pub fn parse_int(s: &str, base: u32) -> Option<BigInt> {
    parse_int_checked(s, base, 0).ok()
}

fn digit_value(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => (c - b'0') as u32,
        b'a'..=b'z' => (c - b'a') as u32 + 10,
        b'A'..=b'Z' => (c - b'A') as u32 + 10,
        _ => 37,
    }
}

/// Smallest digit count CPython checks against `int_max_str_digits`.
const MAX_STR_DIGITS_THRESHOLD: usize = 640;

/// `int(s, base)` with CPython's full error behaviour. `max_str_digits` is
/// `sys.get_int_max_str_digits()` (4300 by default; 0 = unlimited), applied
/// as CPython does to bases that are not powers of two.
pub fn parse_int_checked(s: &str, base: u32, max_str_digits: usize) -> Result<BigInt, IntParseError> {
    if base == 1 || base > 36 {
        return Err(IntParseError::BadBase);
    }
    let buf = transform_decimal_and_space_to_ascii(s);
    let b = |i: usize| -> u8 { buf.get(i).copied().unwrap_or(0) };
    let mut i = 0;
    while i < buf.len() && is_ascii_space(buf[i]) {
        i += 1;
    }
    let mut negative = false;
    if b(i) == b'+' {
        i += 1;
    } else if b(i) == b'-' {
        i += 1;
        negative = true;
    }
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = if b(i) != b'0' {
            10
        } else {
            match b(i + 1) {
                b'x' | b'X' => 16,
                b'o' | b'O' => 8,
                b'b' | b'B' => 2,
                _ => {
                    error_if_nonzero = true;
                    10
                }
            }
        };
    }
    if b(i) == b'0' {
        let p = b(i + 1).to_ascii_lowercase();
        if (base == 16 && p == b'x') || (base == 8 && p == b'o') || (base == 2 && p == b'b') {
            i += 2;
            if b(i) == b'_' {
                i += 1;
            }
        }
    }
    if b(i) == b'_' {
        return Err(IntParseError::Invalid);
    }
    let start = i;
    let mut digits = 0usize;
    let mut prev = 0u8;
    let mut value = BigInt::zero();
    // Accumulate in machine words, folding into the BigInt in chunks.
    let mut chunk: u64 = 0;
    let mut chunk_mul: u64 = 1;
    while digit_value(b(i)) < base || b(i) == b'_' {
        let c = b(i);
        if c == b'_' {
            if prev == b'_' {
                return Err(IntParseError::Invalid);
            }
        } else {
            digits += 1;
            chunk = chunk * base as u64 + digit_value(c) as u64;
            chunk_mul *= base as u64;
            if chunk_mul > u64::MAX / 64 {
                value = value * BigInt::from(chunk_mul) + BigInt::from(chunk);
                chunk = 0;
                chunk_mul = 1;
            }
        }
        prev = c;
        i += 1;
    }
    if chunk_mul > 1 {
        value = value * BigInt::from(chunk_mul) + BigInt::from(chunk);
    }
    if prev == b'_' {
        return Err(IntParseError::Invalid);
    }
    if !base.is_power_of_two()
        && digits > MAX_STR_DIGITS_THRESHOLD
        && max_str_digits > 0
        && digits > max_str_digits
    {
        return Err(IntParseError::TooManyDigits { limit: max_str_digits, digits });
    }
    if error_if_nonzero && !value.is_zero() {
        return Err(IntParseError::Invalid);
    }
    if i == start {
        return Err(IntParseError::Invalid);
    }
    while i < buf.len() && is_ascii_space(buf[i]) {
        i += 1;
    }
    if i != buf.len() {
        return Err(IntParseError::Invalid);
    }
    Ok(if negative { -value } else { value })
}
