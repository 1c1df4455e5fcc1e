//! `round()` for floats and ints, as in CPython 3.11
//! (`float.__round__` / `double_round` and `int.__round__`).
//!
//! Rounding is exact: the binary value is scaled by a power of ten with big
//! integers, rounded half-to-even, and converted back with a correctly
//! rounded decimal-to-float parse — the same result as CPython's
//! `_Py_dg_dtoa(x, 3, ndigits)` followed by `_Py_dg_strtod`.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Pow, Signed, Zero};

use super::error::FmtError;
use super::float::decompose;
use super::int::float_to_int;

/// `round(x)` / `round(x, None)` for a float: nearest integer, ties to
/// even, as a Python int. ValueError "cannot convert float NaN to integer",
/// OverflowError "cannot convert float infinity to integer".
pub fn round_float_to_int(x: f64) -> Result<BigInt, FmtError> {
    let mut rounded = x.round();
    if (x - rounded).abs() == 0.5 {
        rounded = 2.0 * (x / 2.0).round();
    }
    float_to_int(rounded)
}

/// Largest `ndigits` that can change a double: `(53 + 1021) * log10(2)`.
const NDIGITS_MAX: i64 = 323;
/// Smallest `ndigits` that can leave a nonzero double: `-(1025 * log10(2))`.
const NDIGITS_MIN: i64 = -308;

/// `num / den` rounded to the nearest integer, ties to even (`num`, `den`
/// non-negative, `den` positive).
fn div_round_half_even(num: &BigInt, den: &BigInt) -> BigInt {
    let (q, r) = num.div_rem(den);
    let twice: BigInt = r << 1usize;
    if twice > *den || (twice == *den && q.is_odd()) {
        q + 1
    } else {
        q
    }
}

/// `round(x, ndigits)` for a float. `ndigits` is the Python int clipped to
/// the `i64` range (CPython clips to `Py_ssize_t`). NaN and infinities are
/// returned unchanged. OverflowError "rounded value too large to
/// represent" when the result overflows (e.g. `round(1.7e308, -308)`).
pub fn round_float(x: f64, ndigits: i64) -> Result<f64, FmtError> {
    if !x.is_finite() {
        return Ok(x);
    }
    if ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    if x == 0.0 {
        return Ok(x);
    }
    let (mant, exp) = decompose(x);
    // |x| * 10**ndigits = num / den exactly.
    let mut num = BigInt::from(mant);
    let mut den = BigInt::one();
    if exp >= 0 {
        num <<= exp as usize;
    } else {
        den <<= (-exp) as usize;
    }
    let ten = BigInt::from(10u32);
    if ndigits >= 0 {
        num *= Pow::pow(&ten, ndigits as u32);
    } else {
        den *= Pow::pow(&ten, (-ndigits) as u32);
    }
    let q = div_round_half_even(&num, &den);
    let text = format!("{}{}e{}", if x < 0.0 { "-" } else { "" }, q, -ndigits);
    let rounded: f64 = text
        .parse()
        .map_err(|_| FmtError::value("internal error: unparsable rounded value"))?;
    if rounded.is_infinite() {
        return Err(FmtError::overflow("rounded value too large to represent"));
    }
    Ok(rounded)
}

/// `round(x, ndigits)` for an int. Non-negative `ndigits` return `x`;
/// negative ones round to a multiple of `10**-ndigits`, ties to even.
/// `ndigits` is the Python int clipped to the `i64` range; a huge negative
/// value gives 0 (CPython computes the same, only slower).
pub fn round_int(x: &BigInt, ndigits: i64) -> BigInt {
    if ndigits >= 0 || x.is_zero() {
        return x.clone();
    }
    let k = ndigits.unsigned_abs();
    // 10**k > |x| once k exceeds the digit count, so the result is 0
    // (a tie is impossible since |x| < 10**k / 2 as well).
    let bits = x.magnitude().bits();
    if k > bits / 3 + 2 {
        return BigInt::zero();
    }
    let pow: BigInt = Pow::pow(&BigInt::from(10u32), k as u32);
    let q = div_round_half_even(&x.abs(), &pow) * pow;
    if x.is_negative() {
        -q
    } else {
        q
    }
}
