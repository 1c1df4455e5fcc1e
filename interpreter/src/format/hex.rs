//! `float.hex()` and `float.fromhex()`, ported from CPython 3.11's
//! `Objects/floatobject.c`.

use super::error::FmtError;
use super::float::float_repr;
use super::parse::parse_inf_or_nan;
use super::unicode::is_ascii_space;

/// `x.hex()`: `[-]0x<h>.<13 hex digits>p<sign><exp>`; `inf`, `-inf`, `nan`
/// for non-finite values.
pub fn float_hex(x: f64) -> String {
    if !x.is_finite() {
        return float_repr(x);
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{}0x0.0p+0", sign);
    }
    let bits = x.abs().to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if biased == 0 { (0, -1022) } else { (1, biased - 1023) };
    format!("{}0x{}.{:013x}p{}{}", sign, lead, frac, if exp < 0 { '-' } else { '+' }, exp.abs())
}

fn hex_value(c: u8) -> Option<u32> {
    (c as char).to_digit(16)
}

const DBL_MANT_DIG: i64 = 53;
const DBL_MIN_EXP: i64 = -1021;
const DBL_MAX_EXP: i64 = 1024;

fn overflow() -> FmtError {
    FmtError::overflow("hexadecimal value too large to represent as a float")
}

fn parse_error() -> FmtError {
    FmtError::value("invalid hexadecimal floating-point string")
}

/// `float.fromhex(s)`.
///
/// Errors: ValueError "invalid hexadecimal floating-point string",
/// ValueError "hexadecimal string too long to convert", OverflowError
/// "hexadecimal value too large to represent as a float".
pub fn float_fromhex(s: &str) -> Result<f64, FmtError> {
    let b = s.as_bytes();
    let at = |i: usize| -> u8 { b.get(i).copied().unwrap_or(0) };
    let mut i = 0;
    while is_ascii_space(at(i)) {
        i += 1;
    }
    let mut negate = false;
    let value;
    if let Some((v, used)) = parse_inf_or_nan(&b[i..]) {
        i += used;
        value = v;
    } else {
        if at(i) == b'-' {
            negate = true;
            i += 1;
        } else if at(i) == b'+' {
            i += 1;
        }
        if at(i) == b'0' && (at(i + 1) == b'x' || at(i + 1) == b'X') {
            i += 2;
        }
        // Coefficient digits, most significant first, and the number of
        // them after the point.
        let mut coeff: Vec<u32> = Vec::new();
        while let Some(d) = hex_value(at(i)) {
            coeff.push(d);
            i += 1;
        }
        let mut fdigits: i64 = 0;
        if at(i) == b'.' {
            i += 1;
            while let Some(d) = hex_value(at(i)) {
                coeff.push(d);
                fdigits += 1;
                i += 1;
            }
        }
        if coeff.is_empty() {
            return Err(parse_error());
        }
        // min(DBL_MIN_EXP - DBL_MANT_DIG - LONG_MIN/2, LONG_MAX/2 + 1 - DBL_MAX_EXP) / 4
        let max_digits = ((i64::MAX / 2 + 1 - DBL_MAX_EXP).min(DBL_MIN_EXP - DBL_MANT_DIG - i64::MIN / 2)) / 4;
        if coeff.len() as i64 > max_digits {
            return Err(FmtError::value("hexadecimal string too long to convert"));
        }
        let mut exp: i64 = 0;
        if at(i) == b'p' || at(i) == b'P' {
            i += 1;
            let exp_start = i;
            if at(i) == b'-' || at(i) == b'+' {
                i += 1;
            }
            if !at(i).is_ascii_digit() {
                return Err(parse_error());
            }
            while at(i).is_ascii_digit() {
                i += 1;
            }
            // strtol saturates on overflow.
            let text = std::str::from_utf8(&b[exp_start..i]).unwrap_or("0");
            exp = text.parse::<i64>().unwrap_or(if text.starts_with('-') { i64::MIN } else { i64::MAX });
        }
        value = hex_coefficient_value(&coeff, fdigits, exp)?;
    }
    while is_ascii_space(at(i)) {
        i += 1;
    }
    if i != b.len() {
        return Err(parse_error());
    }
    Ok(if negate { -value } else { value })
}

/// Round `0x<coeff> * 2**(exp - 4*fdigits)` to a double (round-half-even).
fn hex_coefficient_value(coeff: &[u32], fdigits: i64, exp: i64) -> Result<f64, FmtError> {
    // Strip leading zeros; `digit(j)` is the j-th least significant digit.
    let first = coeff.iter().position(|&d| d != 0).unwrap_or(coeff.len());
    let coeff = &coeff[first..];
    let ndigits = coeff.len() as i64;
    let digit = |j: i64| -> u32 { coeff[(ndigits - 1 - j) as usize] };
    if ndigits == 0 || exp < i64::MIN / 2 {
        return Ok(0.0);
    }
    if exp > i64::MAX / 2 {
        return Err(overflow());
    }
    let exp = exp - 4 * fdigits;
    let mut top_exp = exp + 4 * (ndigits - 1);
    let mut d = digit(ndigits - 1);
    while d != 0 {
        top_exp += 1;
        d /= 2;
    }
    if top_exp < DBL_MIN_EXP - DBL_MANT_DIG {
        return Ok(0.0);
    }
    if top_exp > DBL_MAX_EXP {
        return Err(overflow());
    }
    let lsb = top_exp.max(DBL_MIN_EXP) - DBL_MANT_DIG;
    let mut x = 0.0f64;
    if exp >= lsb {
        for j in (0..ndigits).rev() {
            x = 16.0 * x + digit(j) as f64;
        }
        return Ok(ldexp(x, exp));
    }
    let half_eps: u32 = 1 << ((lsb - exp - 1) % 4);
    let key_digit = (lsb - exp - 1) / 4;
    for j in ((key_digit + 1)..ndigits).rev() {
        x = 16.0 * x + digit(j) as f64;
    }
    let kd = digit(key_digit);
    x = 16.0 * x + (kd & (16 - 2 * half_eps)) as f64;
    if kd & half_eps != 0 {
        let mut round_up = (kd & (3 * half_eps - 1)) != 0
            || (half_eps == 8 && key_digit + 1 < ndigits && (digit(key_digit + 1) & 1) != 0);
        if !round_up {
            round_up = (0..key_digit).any(|j| digit(j) != 0);
        }
        if round_up {
            x += (2 * half_eps) as f64;
            if top_exp == DBL_MAX_EXP && x == ldexp((2 * half_eps) as f64, DBL_MANT_DIG) {
                return Err(overflow());
            }
        }
    }
    Ok(ldexp(x, exp + 4 * key_digit))
}

/// `ldexp(x, e)` for an integral `x` below 2**60: exact unless the result
/// over- or underflows (then rounded like C's `ldexp`).
fn ldexp(x: f64, e: i64) -> f64 {
    let mut x = x;
    let mut e = e;
    // Scale in steps that keep every intermediate exact and in range.
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
        if x.is_infinite() {
            return x;
        }
    }
    while e < -1000 {
        // Only the last step can be inexact: keep the value normal until
        // the final multiplication.
        if e >= -2000 && x != 0.0 {
            let half = e / 2;
            return x * 2f64.powi(half as i32) * 2f64.powi((e - half) as i32);
        }
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e as i32)
}
