//! Float to string conversion: `repr(float)`, `format(float, spec)` and the
//! shared `PyOS_double_to_string` engine used by `%`-formatting too.
//!
//! Digit generation reproduces David Gay's `_Py_dg_dtoa` in the three modes
//! CPython uses, on top of Rust's float formatting (which is exact and
//! correctly rounded, ties to even, like dtoa):
//!
//! * mode 0: shortest digit string that round-trips (`{:e}`),
//! * mode 2: `n` significant digits (`{:.*e}`),
//! * mode 3: `n` digits after the decimal point (`{:.*}`).
//!
//! The placement of the digits (`format_float_short` in `pystrtod.c`) is
//! ported line by line.

use num_bigint::BigUint;
use num_traits::{Pow, Zero};

use super::error::FmtError;
use super::layout::{layout_number, NumberParts};
use super::spec::{parse_spec_with, unknown_format_code, Spec, SpecDefaults};

/// Digits from dtoa: `0.d1d2d3... * 10**decpt`, trailing zeros stripped.
/// Zero is `"0"` with `decpt == 1`; a mode-3 result that rounds to zero
/// is `""` with `decpt == -ndigits`.
struct Digits {
    digits: Vec<u8>,
    decpt: i64,
}

/// Split Rust's `{:e}` output (`d.ddde-5`) into digits and exponent.
fn split_exp(s: &str) -> (Vec<u8>, i64) {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let digits: Vec<u8> = mant.bytes().filter(|b| b.is_ascii_digit()).collect();
    // Rust always prints a valid i64 exponent here.
    let exp: i64 = exp.parse().unwrap_or(0);
    (digits, exp)
}

fn strip_trailing_zeros(d: &mut Vec<u8>) {
    while d.last() == Some(&b'0') {
        d.pop();
    }
}

/// Exact value of a finite, nonzero `|x|` as `mantissa * 2**exp`.
pub(crate) fn decompose(x: f64) -> (u64, i64) {
    let bits = x.abs().to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), biased - 1075)
    }
}

/// Whether the positive double `x` is exactly `digits * 10**pow10`.
fn equals_decimal(x: f64, digits: &[u8], pow10: i64) -> bool {
    let (m, e) = decompose(x);
    let t = digits.iter().fold(BigUint::zero(), |acc, &d| acc * 10u32 + (d - b'0') as u32);
    let ten = BigUint::from(10u32);
    let mut lhs = BigUint::from(m);
    let mut rhs = t;
    if e >= 0 {
        lhs <<= e as usize;
    } else {
        rhs <<= (-e) as usize;
    }
    if pow10 >= 0 {
        rhs *= ten.pow(pow10 as u32);
    } else {
        lhs *= ten.pow((-pow10) as u32);
    }
    lhs == rhs
}

/// Add one unit in the last place to a decimal digit string, returning
/// the new digits and how much the decimal exponent grew (0 or 1).
fn increment_digits(d: &[u8]) -> (Vec<u8>, i64) {
    let mut v = d.to_vec();
    for i in (0..v.len()).rev() {
        if v[i] == b'9' {
            v[i] = b'0';
        } else {
            v[i] += 1;
            return (v, 0);
        }
    }
    v.insert(0, b'1');
    v.pop();
    (v, 1)
}

/// dtoa mode 0: shortest round-tripping digits. `x` finite, non-negative.
///
/// Rust's shortest formatting agrees with dtoa except when two shortest
/// candidates are exactly equidistant from `x`: dtoa then takes the one
/// with an even last digit, so that case is detected and corrected.
fn dtoa_shortest(x: f64) -> Digits {
    if x == 0.0 {
        return Digits { digits: b"0".to_vec(), decpt: 1 };
    }
    let (mut digits, exp) = split_exp(&format!("{:e}", x));
    strip_trailing_zeros(&mut digits);
    let n = digits.len();
    if digits.last().is_some_and(|d| d % 2 == 1) {
        // One more significant digit than the shortest: a tie shows as a
        // trailing 5 that is exact.
        let (t, t_exp) = split_exp(&format!("{:.*e}", n, x));
        if t.len() == n + 1 && t[n] == b'5' && equals_decimal(x, &t, t_exp - n as i64) {
            let low = &t[..n];
            let (other, other_exp) = if low == &digits[..] {
                let (inc, grew) = increment_digits(low);
                (inc, t_exp + grew)
            } else {
                (low.to_vec(), t_exp)
            };
            let text = format!("{}e{}", digits_text(&other), other_exp - (n as i64 - 1));
            if other.last().is_some_and(|d| d % 2 == 0) && text.parse::<f64>().ok() == Some(x) {
                let mut other = other;
                strip_trailing_zeros(&mut other);
                return Digits { digits: other, decpt: other_exp + 1 };
            }
        }
    }
    Digits { digits, decpt: exp + 1 }
}

fn digits_text(d: &[u8]) -> String {
    d.iter().map(|&c| c as char).collect()
}

/// dtoa mode 2: `ndigits` (>= 1) significant digits, correctly rounded.
fn dtoa_significant(x: f64, ndigits: usize) -> Digits {
    if x == 0.0 {
        return Digits { digits: b"0".to_vec(), decpt: 1 };
    }
    let (mut digits, exp) = split_exp(&format!("{:.*e}", ndigits.max(1) - 1, x));
    strip_trailing_zeros(&mut digits);
    Digits { digits, decpt: exp + 1 }
}

/// dtoa mode 3: `ndigits` digits after the decimal point, correctly rounded.
fn dtoa_fixed(x: f64, ndigits: usize) -> Digits {
    if x == 0.0 {
        return Digits { digits: b"0".to_vec(), decpt: 1 };
    }
    let s = format!("{:.*}", ndigits, x);
    let int_len = s.find('.').unwrap_or(s.len());
    let all: Vec<u8> = s.bytes().filter(|b| b.is_ascii_digit()).collect();
    let lead = all.iter().take_while(|&&b| b == b'0').count();
    let mut digits = all[lead..].to_vec();
    strip_trailing_zeros(&mut digits);
    if digits.is_empty() {
        return Digits { digits, decpt: -(ndigits as i64) };
    }
    Digits { digits, decpt: int_len as i64 - lead as i64 }
}

/// Options of [`double_to_string`] (`Py_DTSF_*` flags).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DtoaFlags {
    /// `Py_DTSF_SIGN`: always emit a sign.
    pub sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: integral values get `.0` (repr style).
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: alternate form (keep the point and trailing zeros).
    pub alt: bool,
    /// `Py_DTSF_NO_NEG_0`: render negative zero as positive zero.
    pub no_neg_0: bool,
}

/// `PyOS_double_to_string(x, code, precision, flags)`.
///
/// `code` is one of `e E f F g G r` (`r` = repr: shortest digits, ignores
/// `precision`). For `g`/`G` a precision of 0 means 1. Any other code is
/// treated as `r`.
pub fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let mut neg = x.is_sign_negative();
    let mut out = String::new();

    if !x.is_finite() {
        if x.is_nan() {
            neg = false;
        }
        if neg {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        let word = if x.is_nan() { "nan" } else { "inf" };
        out.push_str(&if upper { word.to_ascii_uppercase() } else { word.to_string() });
        return out;
    }

    let ax = x.abs();
    // Precision after mode adjustment, as an i64 for the layout arithmetic.
    let (d, prec): (Digits, i64) = match code {
        'e' => (dtoa_significant(ax, precision + 1), precision as i64 + 1),
        'f' => (dtoa_fixed(ax, precision), precision as i64),
        'g' => {
            let p = precision.max(1);
            (dtoa_significant(ax, p), p as i64)
        }
        _ => (dtoa_shortest(ax), 0),
    };
    let digits = d.digits;
    let mut decpt = d.decpt;
    let digits_len = digits.len() as i64;

    if flags.no_neg_0 && neg && (digits.is_empty() || digits == b"0") {
        neg = false;
    }

    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = prec;
        }
        'f' => vdigits_end = decpt + prec,
        'g' => {
            let limit = if flags.add_dot_0 { prec - 1 } else { prec };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = prec;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }

    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && flags.add_dot_0 {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };

    if neg {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    let text = |out: &mut String, b: &[u8]| {
        // dtoa digits are ASCII.
        out.extend(b.iter().map(|&c| c as char));
    };

    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }

    if 0 < decpt && decpt <= digits_len {
        let split = decpt as usize;
        text(&mut out, &digits[..split]);
        out.push('.');
        text(&mut out, &digits[split..]);
    } else {
        text(&mut out, &digits);
    }

    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }

    if out.ends_with('.') && !flags.alt {
        out.pop();
    }

    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

/// `repr(x)` (and `str(x)`) for a Python float.
pub fn float_repr(x: f64) -> String {
    double_to_string(x, 'r', 0, DtoaFlags { add_dot_0: true, ..DtoaFlags::default() })
}

/// `format(x, spec)` for a float (`float.__format__`).
///
/// Errors (all `ValueError` except where noted): the spec parser's errors,
/// "Unknown format code 'X' for object of type 'float'",
/// "precision too big".
pub fn format_float(x: f64, spec: &str) -> Result<String, FmtError> {
    format_float_typed(x, spec, "float")
}

/// [`format_float`] for a float subclass: `type_name` appears in error
/// messages.
pub fn format_float_typed(x: f64, spec: &str, type_name: &str) -> Result<String, FmtError> {
    if spec.is_empty() {
        return Ok(float_repr(x));
    }
    let parsed = parse_spec_with(spec, SpecDefaults { type_name, ..SpecDefaults::FLOAT })?;
    match parsed.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => format_float_spec(x, &parsed),
        Some(t) => Err(unknown_format_code(t, type_name)),
    }
}

/// `format_float_internal`: format `x` with an already parsed spec whose
/// type is one of `e E f F g G n %` or none. Also used for ints formatted
/// with a float presentation type.
pub fn format_float_spec(x: f64, spec: &Spec) -> Result<String, FmtError> {
    if let Some(p) = spec.precision {
        if p > i32::MAX as usize {
            return Err(FmtError::value("precision too big"));
        }
    }
    let mut flags = DtoaFlags { alt: spec.alternate, no_neg_0: spec.no_neg_0, ..DtoaFlags::default() };
    let mut default_precision = 6;
    let mut code = spec.ty.unwrap_or('r');
    if spec.ty.is_none() {
        flags.add_dot_0 = true;
        default_precision = 0;
    }
    if code == 'n' {
        code = 'g';
    }
    let mut val = x;
    let mut add_pct = false;
    if code == '%' {
        code = 'f';
        val *= 100.0;
        add_pct = true;
    }
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
    };
    let mut body = double_to_string(val, code, precision, flags);
    if add_pct {
        body.push('%');
    }
    let (negative, rest) = match body.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, body.as_str()),
    };
    let parts = NumberParts::split_float(rest, negative);
    Ok(layout_number(&parts, spec, false))
}
