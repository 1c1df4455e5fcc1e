//! CPython 3.11 `math` module functions and float arithmetic helpers with
//! CPython-identical results and exceptions.
//!
//! Error handling follows `Modules/mathmodule.c`:
//! * `math_1` functions: a NaN result from a non-NaN argument raises
//!   `ValueError("math domain error")`; an infinite result from a finite
//!   argument raises `OverflowError("math range error")` for functions that
//!   can overflow (exp, cosh, ...) and `ValueError` otherwise (singularities
//!   such as atanh(1), log1p(-1)).
//! * `math_2`/`pow`/`fmod`/`ldexp`/`gamma`/`lgamma` follow their own CPython
//!   rules, reproduced below.
//!
//! Elementary functions (exp, log, sin, pow, asinh, ...) call the
//! platform C math library directly (see the private `libm` module), exactly
//! as CPython does, so on a given platform the results are CPython's bits.
//! Only correctly rounded operations (sqrt, fabs, floor, fmod, ...) use Rust's
//! own `f64` methods.  `erf`/`erfc`/`cbrt` are pure-Rust ports of glibc's
//! implementations (which CPython 3.11 uses on Linux), and `gamma`/`lgamma`
//! are ports of CPython's own Lanczos code (they call libm exp/pow/log/sin).
//!
//! Integer arguments are `num_bigint::BigInt`; where CPython converts an
//! `int` to `float` the caller should use [`int_to_f64`] (which raises the
//! same OverflowError as `PyLong_AsDouble`).

#![allow(clippy::excessive_precision)] // constants are copied verbatim from C sources

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// A Python exception raised by a math helper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MathErr {
    /// `ValueError("math domain error")`.
    Domain,
    /// `OverflowError("math range error")`.
    Range,
    /// `ValueError(msg)`.
    Value(&'static str),
    /// `OverflowError(msg)`.
    Overflow(&'static str),
    /// `ZeroDivisionError(msg)`.
    ZeroDivision(&'static str),
    /// `OverflowError(34, 'Numerical result out of range')` (from
    /// `PyErr_SetFromErrno(ERANGE)`, raised by float `**`).
    OverflowErrno,
}

impl MathErr {
    /// The Python exception class name.
    pub fn exc_type(&self) -> &'static str {
        match self {
            MathErr::Domain | MathErr::Value(_) => "ValueError",
            MathErr::Range | MathErr::Overflow(_) | MathErr::OverflowErrno => "OverflowError",
            MathErr::ZeroDivision(_) => "ZeroDivisionError",
        }
    }

    /// `str(exception)`.
    pub fn message(&self) -> &'static str {
        match self {
            MathErr::Domain => "math domain error",
            MathErr::Range => "math range error",
            MathErr::Value(m) | MathErr::Overflow(m) | MathErr::ZeroDivision(m) => m,
            MathErr::OverflowErrno => "(34, 'Numerical result out of range')",
        }
    }
}

impl std::fmt::Display for MathErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.exc_type(), self.message())
    }
}

/// Result type of the math helpers.
pub type MathResult<T> = Result<T, MathErr>;

const PI: f64 = std::f64::consts::PI;

/// The platform C math library, called directly -- exactly as CPython calls
/// it -- so that results are bit-identical to CPython built on the same
/// platform.  Rust's `f64` methods are deliberately not used: several of them
/// (asinh, acosh, atanh, cbrt, ...) are implemented inside Rust's standard
/// library instead of delegating to the C library, and give different bits.
mod libm {
    mod ffi {
        #[cfg_attr(unix, link(name = "m"))]
        unsafe extern "C" {
            pub fn acos(x: f64) -> f64;
            pub fn acosh(x: f64) -> f64;
            pub fn asin(x: f64) -> f64;
            pub fn asinh(x: f64) -> f64;
            pub fn atan(x: f64) -> f64;
            pub fn atanh(x: f64) -> f64;
            pub fn cos(x: f64) -> f64;
            pub fn cosh(x: f64) -> f64;
            pub fn exp(x: f64) -> f64;
            pub fn exp2(x: f64) -> f64;
            pub fn expm1(x: f64) -> f64;
            pub fn log(x: f64) -> f64;
            pub fn log1p(x: f64) -> f64;
            pub fn log2(x: f64) -> f64;
            pub fn log10(x: f64) -> f64;
            pub fn sin(x: f64) -> f64;
            pub fn sinh(x: f64) -> f64;
            pub fn tan(x: f64) -> f64;
            pub fn tanh(x: f64) -> f64;
            pub fn atan2(y: f64, x: f64) -> f64;
            pub fn pow(x: f64, y: f64) -> f64;
        }
    }

    macro_rules! wrap1 {
        ($($name:ident),*) => {$(
            pub(super) fn $name(x: f64) -> f64 {
                // SAFETY: a pure C math function; any f64 is a valid argument.
                unsafe { ffi::$name(x) }
            }
        )*};
    }
    wrap1!(
        acos, acosh, asin, asinh, atan, atanh, cos, cosh, exp, exp2, expm1, log, log1p, log2,
        log10, sin, sinh, tan, tanh
    );

    pub(super) fn atan2(y: f64, x: f64) -> f64 {
        // SAFETY: a pure C math function; any f64 is a valid argument.
        unsafe { ffi::atan2(y, x) }
    }

    pub(super) fn pow(x: f64, y: f64) -> f64 {
        // SAFETY: a pure C math function; any f64 is a valid argument.
        unsafe { ffi::pow(x, y) }
    }
}

// ---------------------------------------------------------------------------
// Wrappers reproducing math_1 / math_2
// ---------------------------------------------------------------------------

/// CPython's `math_1`: apply `f` and translate special results to errors.
fn math_1(x: f64, f: impl Fn(f64) -> f64, can_overflow: bool) -> MathResult<f64> {
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(MathErr::Domain);
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            MathErr::Range
        } else {
            MathErr::Domain
        });
    }
    Ok(r)
}

/// CPython's `math_2` error rules.
fn math_2(x: f64, y: f64, f: impl Fn(f64, f64) -> f64) -> MathResult<f64> {
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(MathErr::Domain);
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(MathErr::Range);
    }
    Ok(r)
}

macro_rules! math1_fns {
    ($($(#[$doc:meta])* $name:ident => $f:expr, $ovf:expr;)*) => {
        $(
            $(#[$doc])*
            pub fn $name(x: f64) -> MathResult<f64> {
                math_1(x, $f, $ovf)
            }
        )*
    };
}

math1_fns! {
    /// `math.acos(x)`.
    acos => libm::acos, false;
    /// `math.acosh(x)`.
    acosh => libm::acosh, false;
    /// `math.asin(x)`.
    asin => libm::asin, false;
    /// `math.asinh(x)`.
    asinh => libm::asinh, false;
    /// `math.atan(x)`.
    atan => libm::atan, false;
    /// `math.atanh(x)`.
    atanh => libm::atanh, false;
    /// `math.cbrt(x)` (new in 3.11).
    cbrt => cbrt_glibc, false;
    /// `math.cos(x)`.
    cos => libm::cos, false;
    /// `math.cosh(x)`.
    cosh => libm::cosh, true;
    /// `math.exp(x)`.
    exp => libm::exp, true;
    /// `math.exp2(x)` (new in 3.11).
    exp2 => libm::exp2, true;
    /// `math.expm1(x)`.
    expm1 => libm::expm1, true;
    /// `math.fabs(x)`.
    fabs => f64::abs, false;
    /// `math.sin(x)`.
    sin => libm::sin, false;
    /// `math.sinh(x)`.
    sinh => libm::sinh, true;
    /// `math.sqrt(x)`.
    sqrt => f64::sqrt, false;
    /// `math.tan(x)`.
    tan => libm::tan, false;
    /// `math.tanh(x)`.
    tanh => libm::tanh, false;
    /// `math.log1p(x)`.
    log1p => |x: f64| if x == 0.0 { x } else { libm::log1p(x) }, false;
}

/// glibc's `cbrt` (sysdeps/ieee754/dbl-64/s_cbrt.c), ported because the
/// `cbrt` symbol in a Rust binary resolves to Rust's own implementation,
/// which rounds differently.
fn cbrt_glibc(x: f64) -> f64 {
    const CBRT2: f64 = 1.259_921_049_894_873_164_8; // 2^(1/3)
    const SQR_CBRT2: f64 = 1.587_401_051_968_199_474_8; // 2^(2/3)
    const FACTOR: [f64; 5] = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];
    if x == 0.0 || !x.is_finite() {
        return x + x;
    }
    let (xm, xe) = frexp(x.abs());
    let u = 0.354_895_765_043_919_860
        + ((1.508_191_937_815_848_96
            + ((-2.114_994_941_673_712_87
                + ((2.446_931_225_635_344_30
                    + ((-1.834_692_774_836_130_86
                        + (0.784_932_344_976_639_262 - 0.145_263_899_385_486_377 * xm) * xm)
                        * xm))
                    * xm))
                * xm))
            * xm);
    let t2 = u * u * u;
    let ym = u * (t2 + 2.0 * xm) / (2.0 * t2 + xm) * FACTOR[(2 + xe % 3) as usize];
    ldexp_raw(if x > 0.0 { ym } else { -ym }, xe / 3)
}

/// `math.degrees(x)`.
pub fn degrees(x: f64) -> f64 {
    x * (180.0 / PI)
}

/// `math.radians(x)`.
pub fn radians(x: f64) -> f64 {
    x * (PI / 180.0)
}

/// `math.copysign(x, y)`.
pub fn copysign(x: f64, y: f64) -> MathResult<f64> {
    math_2(x, y, f64::copysign)
}

/// CPython's `m_atan2` (C99 special cases handled explicitly).
fn m_atan2(y: f64, x: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        if x.is_infinite() {
            return if x.is_sign_positive() {
                (0.25 * PI).copysign(y)
            } else {
                (0.75 * PI).copysign(y)
            };
        }
        return (0.5 * PI).copysign(y);
    }
    if x.is_infinite() || y == 0.0 {
        return if x.is_sign_positive() {
            0.0f64.copysign(y)
        } else {
            PI.copysign(y)
        };
    }
    libm::atan2(y, x)
}

/// `math.atan2(y, x)`.
pub fn atan2(y: f64, x: f64) -> MathResult<f64> {
    math_2(y, x, m_atan2)
}

/// CPython's `m_remainder` (exact IEEE remainder).
fn m_remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let absx = x.abs();
        let absy = y.abs();
        let m = absx % absy;
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

/// `math.remainder(x, y)`.
pub fn remainder(x: f64, y: f64) -> MathResult<f64> {
    math_2(x, y, m_remainder)
}

/// `math.fmod(x, y)`.
pub fn fmod(x: f64, y: f64) -> MathResult<f64> {
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(MathErr::Domain);
    }
    Ok(r)
}

/// `math.pow(x, y)`.
pub fn pow(x: f64, y: f64) -> MathResult<f64> {
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            -y
        } else {
            0.0
        };
        return Ok(r);
    }
    let r = libm::pow(x, y);
    if r.is_nan() {
        return Err(MathErr::Domain);
    }
    if r.is_infinite() {
        return Err(if x == 0.0 {
            MathErr::Domain
        } else {
            MathErr::Range
        });
    }
    Ok(r)
}

// ---------------------------------------------------------------------------
// Logarithms (with arbitrary-size int support)
// ---------------------------------------------------------------------------

/// A `math.log*` argument: CPython treats `int` (and `bool`) specially.
#[derive(Debug, Clone, Copy)]
pub enum LogArg<'a> {
    /// A float (or anything converted with `__float__`).
    Float(f64),
    /// An int of any size.
    Int(&'a BigInt),
}

fn m_log(x: f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            libm::log(x)
        } else if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        }
    } else if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

fn m_log2(x: f64) -> f64 {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            x
        } else {
            f64::NAN
        }
    } else if x > 0.0 {
        libm::log2(x)
    } else if x == 0.0 {
        f64::NEG_INFINITY
    } else {
        f64::NAN
    }
}

fn m_log10(x: f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            libm::log10(x)
        } else if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        }
    } else if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

/// CPython's `loghelper`.
fn loghelper(arg: LogArg<'_>, func: fn(f64) -> f64) -> MathResult<f64> {
    match arg {
        LogArg::Int(v) => {
            if v.sign() != Sign::Plus {
                return Err(MathErr::Domain);
            }
            match int_to_f64(v) {
                Ok(x) => Ok(func(x)),
                Err(_) => {
                    let (x, e) = int_frexp(v);
                    Ok(func(x) + func(2.0) * e as f64)
                }
            }
        }
        LogArg::Float(x) => math_1(x, func, false),
    }
}

/// `math.log(x)` (natural logarithm); works for ints beyond float range.
pub fn log(x: LogArg<'_>) -> MathResult<f64> {
    loghelper(x, m_log)
}

/// `math.log(x, base)`: `log(x) / log(base)`, with float division's
/// `ZeroDivisionError("float division by zero")` when `base == 1`.
pub fn log_base(x: LogArg<'_>, base: LogArg<'_>) -> MathResult<f64> {
    let num = loghelper(x, m_log)?;
    let den = loghelper(base, m_log)?;
    if den == 0.0 {
        return Err(MathErr::ZeroDivision("float division by zero"));
    }
    Ok(num / den)
}

/// `math.log2(x)`.
pub fn log2(x: LogArg<'_>) -> MathResult<f64> {
    loghelper(x, m_log2)
}

/// `math.log10(x)`.
pub fn log10(x: LogArg<'_>) -> MathResult<f64> {
    loghelper(x, m_log10)
}

// ---------------------------------------------------------------------------
// int <-> float conversions
// ---------------------------------------------------------------------------

/// CPython's `_PyLong_Frexp`: `|v| ~= x * 2**e` with `0.5 <= x < 1`, the
/// mantissa correctly rounded (half-even) to 53 bits.  For `v == 0` returns
/// `(0.0, 0)`.  The sign of `v` is applied to `x`.
pub fn int_frexp(v: &BigInt) -> (f64, u64) {
    let mag = v.magnitude();
    let nbits = mag.bits();
    if nbits == 0 {
        return (0.0, 0);
    }
    let (mant, e) = if nbits <= 53 {
        // Exact: mant < 2**53.
        (mag.to_u64().unwrap_or(0), nbits)
    } else {
        let shift = nbits - 54;
        let top: BigUint = mag >> shift; // 54 bits
        let top = top.to_u64().unwrap_or(0);
        let sticky = mag.trailing_zeros().is_some_and(|tz| tz < shift);
        let mut m = top >> 1;
        let half = top & 1 == 1;
        if half && (sticky || m & 1 == 1) {
            m += 1;
        }
        let mut e = nbits;
        if m == 1u64 << 53 {
            m >>= 1;
            e += 1;
        }
        (m, e)
    };
    // mant < 2**53 is exact as f64; scale into [0.5, 1).
    let bits_in_mant = 64 - u64::from(mant.leading_zeros());
    let x = mant as f64 / f64::powi(2.0, bits_in_mant as i32);
    let x = if v.sign() == Sign::Minus { -x } else { x };
    (x, e)
}

/// `float(v)` for an int (`PyLong_AsDouble`): correctly rounded, or
/// `OverflowError("int too large to convert to float")`.
pub fn int_to_f64(v: &BigInt) -> MathResult<f64> {
    if let Some(small) = v.to_i64() {
        if small.unsigned_abs() < (1u64 << 53) {
            return Ok(small as f64);
        }
    }
    let (x, e) = int_frexp(v);
    if e > 1024 {
        return Err(MathErr::Overflow("int too large to convert to float"));
    }
    Ok(ldexp_raw(x, e as i32))
}

/// Exact conversion of an integral (or truncated) float to an int, as
/// `PyLong_FromDouble`; errors for infinities and NaN.
pub fn f64_to_int(x: f64) -> MathResult<BigInt> {
    if x.is_infinite() {
        return Err(MathErr::Overflow(
            "cannot convert float infinity to integer",
        ));
    }
    if x.is_nan() {
        return Err(MathErr::Value("cannot convert float NaN to integer"));
    }
    let t = x.trunc();
    if t.abs() < 9.0e18 {
        return Ok(BigInt::from(t as i64));
    }
    let bits = t.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    // |t| >= 9e18 > 2**53, so exp > 0.
    let mag = BigInt::from(mant) << (exp as usize);
    Ok(if t < 0.0 { -mag } else { mag })
}

/// `math.trunc(x)` / `int(x)` for a float.
pub fn trunc_to_int(x: f64) -> MathResult<BigInt> {
    f64_to_int(x)
}

/// `math.floor(x)` for a float.
pub fn floor_to_int(x: f64) -> MathResult<BigInt> {
    f64_to_int(x.floor())
}

/// `math.ceil(x)` for a float.
pub fn ceil_to_int(x: f64) -> MathResult<BigInt> {
    f64_to_int(x.ceil())
}

// ---------------------------------------------------------------------------
// frexp / ldexp / modf / nextafter / ulp / isclose
// ---------------------------------------------------------------------------

/// `math.frexp(x)`: (m, e) with `0.5 <= |m| < 1`; zero, inf and NaN give e = 0.
pub fn frexp(x: f64) -> (f64, i32) {
    super::hash::frexp(x)
}

/// C `scalbn`/`ldexp` with a single, correct rounding (musl's algorithm).
fn ldexp_raw(x: f64, n: i32) -> f64 {
    let x1p1023 = f64::from_bits(0x7fe0_0000_0000_0000); // 2**1023
    let x1p53 = f64::from_bits(0x4340_0000_0000_0000); // 2**53
    let x1p_1022 = f64::from_bits(0x0010_0000_0000_0000); // 2**-1022
    let mut y = x;
    let mut n = n;
    if n > 1023 {
        y *= x1p1023;
        n -= 1023;
        if n > 1023 {
            y *= x1p1023;
            n -= 1023;
            if n > 1023 {
                n = 1023;
            }
        }
    } else if n < -1022 {
        // Keep the final n < -53 to avoid double rounding in the subnormal range.
        y *= x1p_1022 * x1p53;
        n += 1022 - 53;
        if n < -1022 {
            y *= x1p_1022 * x1p53;
            n += 1022 - 53;
            if n < -1022 {
                n = -1022;
            }
        }
    }
    y * f64::from_bits(((0x3ff + n) as u64) << 52)
}

/// `math.ldexp(x, i)`.  CPython clamps a huge `i` to the C `long` range, so
/// callers should saturate big ints to `i64::MIN`/`i64::MAX`.
pub fn ldexp(x: f64, i: i64) -> MathResult<f64> {
    if x == 0.0 || !x.is_finite() {
        return Ok(x);
    }
    if i > i64::from(i32::MAX) {
        return Err(MathErr::Range);
    }
    if i < i64::from(i32::MIN) {
        return Ok(0.0f64.copysign(x));
    }
    let r = ldexp_raw(x, i as i32);
    if r.is_infinite() {
        return Err(MathErr::Range);
    }
    Ok(r)
}

/// `math.modf(x)`: (fractional part, integer part), both with the sign of x.
pub fn modf(x: f64) -> (f64, f64) {
    if x.is_infinite() {
        return (0.0f64.copysign(x), x);
    }
    if x.is_nan() {
        return (x, x);
    }
    let int_part = x.trunc();
    ((x - int_part).copysign(x), int_part)
}

/// `math.nextafter(x, y)`.
pub fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

/// `math.ulp(x)`.
pub fn ulp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    let x = x.abs();
    if x.is_infinite() {
        return x;
    }
    let x2 = nextafter(x, f64::INFINITY);
    if x2.is_infinite() {
        return x - nextafter(x, f64::NEG_INFINITY);
    }
    x2 - x
}

/// `math.isclose(a, b, rel_tol=..., abs_tol=...)` (defaults 1e-09 and 0.0).
pub fn isclose(a: f64, b: f64, rel_tol: f64, abs_tol: f64) -> MathResult<bool> {
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(MathErr::Value("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(true);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(false);
    }
    let diff = (b - a).abs();
    Ok(diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol)
}

// ---------------------------------------------------------------------------
// hypot / dist / fsum
// ---------------------------------------------------------------------------

/// CPython's `vector_norm` (scaled, compensated sum of squares with a
/// differential correction of the square root).  `vec` holds absolute values.
fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134_217_729.0; // 2**27 + 1
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp(max);
    let mut csum = 1.0f64;
    let mut frac1 = 0.0f64;
    let mut frac2 = 0.0f64;
    let mut frac3 = 0.0f64;
    if max_e >= -1023 {
        let scale = ldexp_raw(1.0, -max_e);
        for &v in vec {
            let x = v * scale;
            let t = x * T27;
            let hi = t - (t - x);
            let lo = x - hi;

            let x = hi * hi;
            let oldcsum = csum;
            csum += x;
            frac1 += (oldcsum - csum) + x;

            let x = 2.0 * hi * lo;
            let oldcsum = csum;
            csum += x;
            frac2 += (oldcsum - csum) + x;

            frac3 += lo * lo;
        }
        let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();

        let x = h;
        let t = x * T27;
        let hi = t - (t - x);
        let lo = x - hi;

        let x = -hi * hi;
        let oldcsum = csum;
        csum += x;
        frac1 += (oldcsum - csum) + x;

        let x = -2.0 * hi * lo;
        let oldcsum = csum;
        csum += x;
        frac2 += (oldcsum - csum) + x;

        let x = -lo * lo;
        let oldcsum = csum;
        csum += x;
        frac3 += (oldcsum - csum) + x;

        let x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    // max is subnormal: ldexp(1.0, -max_e) would overflow, divide by max instead.
    for &v in vec {
        let x = v / max;
        let x = x * x;
        let oldcsum = csum;
        csum += x;
        frac1 += (oldcsum - csum) + x;
    }
    max * (csum - 1.0 + frac1).sqrt()
}

/// `math.hypot(*coordinates)`.
pub fn hypot(coords: &[f64]) -> f64 {
    let mut max = 0.0f64;
    let mut found_nan = false;
    let abs: Vec<f64> = coords
        .iter()
        .map(|&c| {
            let x = c.abs();
            found_nan |= x.is_nan();
            if x > max {
                max = x;
            }
            x
        })
        .collect();
    vector_norm(&abs, max, found_nan)
}

/// `math.dist(p, q)`; ValueError if the dimensions differ.
pub fn dist(p: &[f64], q: &[f64]) -> MathResult<f64> {
    if p.len() != q.len() {
        return Err(MathErr::Value(
            "both points must have the same number of dimensions",
        ));
    }
    let mut max = 0.0f64;
    let mut found_nan = false;
    let diffs: Vec<f64> = p
        .iter()
        .zip(q)
        .map(|(&px, &qx)| {
            let x = (px - qx).abs();
            found_nan |= x.is_nan();
            if x > max {
                max = x;
            }
            x
        })
        .collect();
    Ok(vector_norm(&diffs, max, found_nan))
}

/// `math.fsum(iterable)`: exactly rounded sum (Shewchuk / msum), with
/// CPython's OverflowError("intermediate overflow in fsum") and
/// ValueError("-inf + inf in fsum").
pub fn fsum<I: IntoIterator<Item = f64>>(items: I) -> MathResult<f64> {
    let mut p: Vec<f64> = Vec::with_capacity(32);
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    for item in items {
        let mut x = item;
        let xsave = x;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // Nonfinite from intermediate overflow or from an inf/nan summand.
                if xsave.is_finite() {
                    return Err(MathErr::Overflow("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(MathErr::Value("-inf + inf in fsum"));
        }
        return Ok(special_sum);
    }
    let mut hi = 0.0f64;
    let mut n = p.len();
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0f64;
        // Sum from the top, stopping when the sum becomes inexact.
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Make half-even rounding work across multiple partials.
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}

// ---------------------------------------------------------------------------
// gamma / lgamma (CPython's Lanczos implementation)
// ---------------------------------------------------------------------------

const LOGPI: f64 = 1.144_729_885_849_400_174_143_427_351_353_058_711_647;
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
const LANCZOS_NUM_COEFFS: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN_COEFFS: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];

/// sin(pi * x) for finite x, accurate near integers (CPython's `m_sinpi`).
fn m_sinpi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => libm::sin(PI * y),
        1 => libm::cos(PI * (y - 0.5)),
        2 => libm::sin(PI * (1.0 - y)),
        3 => -libm::cos(PI * (y - 1.5)),
        _ => libm::sin(PI * (y - 2.0)),
    };
    1.0f64.copysign(x) * r
}

fn lanczos_sum(x: f64) -> f64 {
    let mut num = 0.0;
    let mut den = 0.0;
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM_COEFFS[i];
            den = den * x + LANCZOS_DEN_COEFFS[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM_COEFFS[i];
            den = den / x + LANCZOS_DEN_COEFFS[i];
        }
    }
    num / den
}

/// `math.gamma(x)`.
pub fn gamma(x: f64) -> MathResult<f64> {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return Ok(x);
        }
        return Err(MathErr::Domain);
    }
    if x == 0.0 {
        return Err(MathErr::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(MathErr::Domain);
        }
        if x <= GAMMA_INTEGRAL.len() as f64 {
            return Ok(GAMMA_INTEGRAL[x as usize - 1]);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() {
            Err(MathErr::Range)
        } else {
            Ok(r)
        };
    }
    if absx > 200.0 {
        if x < 0.0 {
            return Ok(0.0 / m_sinpi(x));
        }
        return Err(MathErr::Range);
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / m_sinpi(absx) / absx * libm::exp(y) / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= libm::pow(y, absx - 0.5);
        } else {
            let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / libm::exp(y);
        r += z * r;
        if absx < 140.0 {
            r *= libm::pow(y, absx - 0.5);
        } else {
            let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if r.is_infinite() {
        return Err(MathErr::Range);
    }
    Ok(r)
}

/// `math.lgamma(x)`.
pub fn lgamma(x: f64) -> MathResult<f64> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return Err(MathErr::Domain);
        }
        return Ok(0.0);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-libm::log(absx));
    }
    let mut r = libm::log(lanczos_sum(absx)) - LANCZOS_G;
    r += (absx - 0.5) * (libm::log(absx + LANCZOS_G - 0.5) - 1.0);
    if x < 0.0 {
        r = LOGPI - libm::log(m_sinpi(absx).abs()) - libm::log(absx) - r;
    }
    if r.is_infinite() {
        return Err(MathErr::Range);
    }
    Ok(r)
}

// ---------------------------------------------------------------------------
// erf / erfc (port of glibc's sysdeps/ieee754/dbl-64/s_erf.c)
// ---------------------------------------------------------------------------

const TINY: f64 = 1e-300;
const ERX: f64 = 8.45062911510467529297e-01;
const EFX: f64 = 1.28379167095512586316e-01;
const PP: [f64; 5] = [
    1.28379167095512558561e-01,
    -3.25042107247001499370e-01,
    -2.84817495755985104766e-02,
    -5.77027029648944159157e-03,
    -2.37630166566501626084e-05,
];
const QQ: [f64; 6] = [
    0.0,
    3.97917223959155352819e-01,
    6.50222499887672944485e-02,
    5.08130628187576562776e-03,
    1.32494738004321644526e-04,
    -3.96022827877536812320e-06,
];
const PA: [f64; 7] = [
    -2.36211856075265944077e-03,
    4.14856118683748331666e-01,
    -3.72207876035701323847e-01,
    3.18346619901161753674e-01,
    -1.10894694282396677476e-01,
    3.54783043256182359371e-02,
    -2.16637559486879084300e-03,
];
const QA: [f64; 7] = [
    0.0,
    1.06420880400844228286e-01,
    5.40397917702171048937e-01,
    7.18286544141962662868e-02,
    1.26171219808761642112e-01,
    1.36370839120290507362e-02,
    1.19844998467991074170e-02,
];
const RA: [f64; 8] = [
    -9.86494403484714822705e-03,
    -6.93858572707181764372e-01,
    -1.05586262253232909814e+01,
    -6.23753324503260060396e+01,
    -1.62396669462573470355e+02,
    -1.84605092906711035994e+02,
    -8.12874355063065934246e+01,
    -9.81432934416914548592e+00,
];
const SA: [f64; 9] = [
    0.0,
    1.96512716674392571292e+01,
    1.37657754143519042600e+02,
    4.34565877475229228821e+02,
    6.45387271733267880336e+02,
    4.29008140027567833386e+02,
    1.08635005541779435134e+02,
    6.57024977031928170135e+00,
    -6.04244152148580987438e-02,
];
const RB: [f64; 7] = [
    -9.86494292470009928597e-03,
    -7.99283237680523006574e-01,
    -1.77579549177547519889e+01,
    -1.60636384855821916062e+02,
    -6.37566443368389627722e+02,
    -1.02509513161107724954e+03,
    -4.83519191608651397019e+02,
];
const SB: [f64; 8] = [
    0.0,
    3.03380607434824582924e+01,
    3.25792512996573918826e+02,
    1.53672958608443695994e+03,
    3.19985821950859553908e+03,
    2.55305040643316442583e+03,
    4.74528541206955367215e+02,
    -2.24409524465858183362e+01,
];

fn high_word(x: f64) -> i32 {
    (x.to_bits() >> 32) as u32 as i32
}

/// erf on |x| < 0.84375: the rational correction y with erf(x) = x + x*y.
fn erf_small_y(x: f64) -> f64 {
    let z = x * x;
    let r1 = PP[0] + z * PP[1];
    let z2 = z * z;
    let r2 = PP[2] + z * PP[3];
    let z4 = z2 * z2;
    let s1 = 1.0 + z * QQ[1];
    let s2 = QQ[2] + z * QQ[3];
    let s3 = QQ[4] + z * QQ[5];
    let r = r1 + z2 * r2 + z4 * PP[4];
    let s = s1 + z2 * s2 + z4 * s3;
    r / s
}

/// P/Q on 0.84375 <= |x| < 1.25 (s = |x| - 1).
fn erf_mid_pq(x: f64) -> f64 {
    let s = x.abs() - 1.0;
    let p1 = PA[0] + s * PA[1];
    let s2 = s * s;
    let q1 = 1.0 + s * QA[1];
    let s4 = s2 * s2;
    let p2 = PA[2] + s * PA[3];
    let s6 = s4 * s2;
    let q2 = QA[2] + s * QA[3];
    let p3 = PA[4] + s * PA[5];
    let q3 = QA[4] + s * QA[5];
    let p = p1 + s2 * p2 + s4 * p3 + s6 * PA[6];
    let q = q1 + s2 * q2 + s4 * q3 + s6 * QA[6];
    p / q
}

/// R/S for the tail; `x = |x|`, `ra_branch` selects [1.25, 1/0.35).
fn erf_tail_r(x: f64, ra_branch: bool) -> f64 {
    let s = 1.0 / (x * x);
    let (r, big_s) = if ra_branch {
        let r1 = RA[0] + s * RA[1];
        let s2 = s * s;
        let s1 = 1.0 + s * SA[1];
        let s4 = s2 * s2;
        let r2 = RA[2] + s * RA[3];
        let s6 = s4 * s2;
        let ss2 = SA[2] + s * SA[3];
        let s8 = s4 * s4;
        let r3 = RA[4] + s * RA[5];
        let ss3 = SA[4] + s * SA[5];
        let r4 = RA[6] + s * RA[7];
        let ss4 = SA[6] + s * SA[7];
        (
            r1 + s2 * r2 + s4 * r3 + s6 * r4,
            s1 + s2 * ss2 + s4 * ss3 + s6 * ss4 + s8 * SA[8],
        )
    } else {
        let r1 = RB[0] + s * RB[1];
        let s2 = s * s;
        let s1 = 1.0 + s * SB[1];
        let s4 = s2 * s2;
        let r2 = RB[2] + s * RB[3];
        let s6 = s4 * s2;
        let ss2 = SB[2] + s * SB[3];
        let r3 = RB[4] + s * RB[5];
        let ss3 = SB[4] + s * SB[5];
        let ss4 = SB[6] + s * SB[7];
        (
            r1 + s2 * r2 + s4 * r3 + s6 * RB[6],
            s1 + s2 * ss2 + s4 * ss3 + s6 * ss4,
        )
    };
    let z = f64::from_bits(x.to_bits() & 0xffff_ffff_0000_0000);
    libm::exp(-z * z - 0.5625) * libm::exp((z - x) * (z + x) + r / big_s)
}

/// `math.erf(x)` (never raises).
pub fn erf(x: f64) -> f64 {
    let hx = high_word(x);
    let ix = hx & 0x7fff_ffff;
    if ix >= 0x7ff0_0000 {
        let i = if hx < 0 { 2.0 } else { 0.0 };
        return (1.0 - i) + 1.0 / x;
    }
    if ix < 0x3feb_0000 {
        if ix < 0x3e30_0000 {
            if ix < 0x0080_0000 {
                return 0.0625 * (16.0 * x + (16.0 * EFX) * x);
            }
            return x + EFX * x;
        }
        return x + x * erf_small_y(x);
    }
    if ix < 0x3ff4_0000 {
        let pq = erf_mid_pq(x);
        return if hx >= 0 { ERX + pq } else { -ERX - pq };
    }
    if ix >= 0x4018_0000 {
        return if hx >= 0 { 1.0 - TINY } else { TINY - 1.0 };
    }
    let ax = x.abs();
    let r = erf_tail_r(ax, ix < 0x4006_DB6E);
    if hx >= 0 {
        1.0 - r / ax
    } else {
        r / ax - 1.0
    }
}

/// `math.erfc(x)` (never raises; underflow to 0 is not an error).
pub fn erfc(x: f64) -> f64 {
    let hx = high_word(x);
    let ix = hx & 0x7fff_ffff;
    if ix >= 0x7ff0_0000 {
        let i = if hx < 0 { 2.0 } else { 0.0 };
        return i + 1.0 / x;
    }
    if ix < 0x3feb_0000 {
        if ix < 0x3c70_0000 {
            return 1.0 - x;
        }
        let y = erf_small_y(x);
        if hx < 0x3fd0_0000 {
            return 1.0 - (x + x * y);
        }
        let mut r = x * y;
        r += x - 0.5;
        return 0.5 - r;
    }
    if ix < 0x3ff4_0000 {
        let pq = erf_mid_pq(x);
        return if hx >= 0 {
            let z = 1.0 - ERX;
            z - pq
        } else {
            let z = ERX + pq;
            1.0 + z
        };
    }
    if ix < 0x403c_0000 {
        let ra_branch = ix < 0x4006_DB6D;
        if !ra_branch && hx < 0 && ix >= 0x4018_0000 {
            return 2.0 - TINY;
        }
        let ax = x.abs();
        let r = erf_tail_r(ax, ra_branch);
        return if hx > 0 { r / ax } else { 2.0 - r / ax };
    }
    if hx > 0 {
        TINY * TINY
    } else {
        2.0 - TINY
    }
}

// ---------------------------------------------------------------------------
// Integer functions
// ---------------------------------------------------------------------------

/// Product of the integers in [lo, hi) by binary splitting.
fn range_product(lo: u64, hi: u64) -> BigInt {
    if hi <= lo {
        return BigInt::one();
    }
    if hi - lo <= 16 {
        let mut acc = BigInt::one();
        let mut small: u64 = 1;
        for v in lo..hi {
            match small.checked_mul(v) {
                Some(p) => small = p,
                None => {
                    acc *= small;
                    small = v;
                }
            }
        }
        return acc * small;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid, hi)
}

const LLONG_MAX_MSG_FACT: &str = "factorial() argument should not exceed 9223372036854775807";

/// `math.factorial(n)`.
pub fn factorial(n: &BigInt) -> MathResult<BigInt> {
    if n.is_negative() {
        return Err(MathErr::Value(
            "factorial() not defined for negative values",
        ));
    }
    let n = n.to_i64().ok_or(MathErr::Overflow(LLONG_MAX_MSG_FACT))?;
    Ok(range_product(2, n as u64 + 1))
}

/// P(n, k) or C(n, k) for k <= n by binary splitting (CPython's `perm_comb`).
fn perm_comb(n: &BigInt, k: u64, iscomb: bool) -> BigInt {
    if k == 0 {
        return BigInt::one();
    }
    if k == 1 {
        return n.clone();
    }
    let j = k / 2;
    let a = perm_comb(n, j, iscomb);
    let b = perm_comb(&(n - BigInt::from(j)), k - j, iscomb);
    let prod = a * b;
    if iscomb {
        prod / perm_comb(&BigInt::from(k), j, true)
    } else {
        prod
    }
}

/// `math.perm(n, k)`; `k = None` gives `factorial(n)`.
pub fn perm(n: &BigInt, k: Option<&BigInt>) -> MathResult<BigInt> {
    let k = match k {
        None => return factorial(n),
        Some(k) => k,
    };
    if n.is_negative() {
        return Err(MathErr::Value("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(MathErr::Value("k must be a non-negative integer"));
    }
    if n < k {
        return Ok(BigInt::zero());
    }
    let ki = k
        .to_i64()
        .ok_or(MathErr::Overflow("k must not exceed 9223372036854775807"))?;
    Ok(perm_comb(n, ki as u64, false))
}

/// `math.comb(n, k)`.
pub fn comb(n: &BigInt, k: &BigInt) -> MathResult<BigInt> {
    if n.is_negative() {
        return Err(MathErr::Value("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(MathErr::Value("k must be a non-negative integer"));
    }
    let temp = n - k;
    if temp.is_negative() {
        return Ok(BigInt::zero());
    }
    let kk = if temp < *k { &temp } else { k };
    let ki = match kk.to_i64() {
        Some(v) => v,
        None => {
            // Only reachable when n itself exceeds the C long long range.
            return Err(MathErr::Overflow(
                "min(n - k, k) must not exceed 9223372036854775807",
            ));
        }
    };
    Ok(perm_comb(n, ki as u64, true))
}

/// `math.isqrt(n)`.
pub fn isqrt(n: &BigInt) -> MathResult<BigInt> {
    if n.is_negative() {
        return Err(MathErr::Value("isqrt() argument must be nonnegative"));
    }
    Ok(n.sqrt())
}

/// `math.gcd(*integers)`.
pub fn gcd(args: &[BigInt]) -> BigInt {
    let mut res = match args.first() {
        None => return BigInt::zero(),
        Some(a) => a.abs(),
    };
    for x in &args[1..] {
        if res.is_one() {
            break;
        }
        res = res.gcd(x);
    }
    res
}

/// `math.lcm(*integers)`.
pub fn lcm(args: &[BigInt]) -> BigInt {
    let mut res = match args.first() {
        None => return BigInt::one(),
        Some(a) => a.abs(),
    };
    for x in &args[1..] {
        if res.is_zero() {
            break;
        }
        if x.is_zero() {
            res = BigInt::zero();
            continue;
        }
        let g = res.gcd(x);
        res = (&res / &g * x).abs();
    }
    res
}

// ---------------------------------------------------------------------------
// float arithmetic with Python semantics
// ---------------------------------------------------------------------------

/// CPython's `_float_div_mod` (wx != 0): (floordiv, mod).
fn float_div_mod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `divmod(a, b)` for floats.
pub fn float_divmod(a: f64, b: f64) -> MathResult<(f64, f64)> {
    if b == 0.0 {
        return Err(MathErr::ZeroDivision("float divmod()"));
    }
    Ok(float_div_mod(a, b))
}

/// `a // b` for floats.
pub fn float_floordiv(a: f64, b: f64) -> MathResult<f64> {
    if b == 0.0 {
        return Err(MathErr::ZeroDivision("float floor division by zero"));
    }
    Ok(float_div_mod(a, b).0)
}

/// `a % b` for floats (result has the sign of `b`).
pub fn float_mod(a: f64, b: f64) -> MathResult<f64> {
    if b == 0.0 {
        return Err(MathErr::ZeroDivision("float modulo"));
    }
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    Ok(m)
}

/// `a / b` for floats.
pub fn float_truediv(a: f64, b: f64) -> MathResult<f64> {
    if b == 0.0 {
        return Err(MathErr::ZeroDivision("float division by zero"));
    }
    Ok(a / b)
}

fn is_odd_integer(x: f64) -> bool {
    x.abs() % 2.0 == 1.0
}

/// `a ** b` for floats (CPython's `float_pow`).  `Ok(None)` means a negative
/// base with a non-integer exponent: the caller must compute the complex
/// result (`complex(a) ** complex(b)`).
pub fn float_pow(a: f64, b: f64) -> MathResult<Option<f64>> {
    let (mut iv, iw) = (a, b);
    if iw == 0.0 {
        return Ok(Some(1.0));
    }
    if iv.is_nan() {
        return Ok(Some(iv));
    }
    if iw.is_nan() {
        return Ok(Some(if iv == 1.0 { 1.0 } else { iw }));
    }
    if iw.is_infinite() {
        iv = iv.abs();
        return Ok(Some(if iv == 1.0 {
            1.0
        } else if (iw > 0.0) == (iv > 1.0) {
            iw.abs()
        } else {
            0.0
        }));
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(Some(if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        }));
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(MathErr::ZeroDivision(
                "0.0 cannot be raised to a negative power",
            ));
        }
        return Ok(Some(if is_odd_integer(iw) { iv } else { 0.0 }));
    }
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            return Ok(None);
        }
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if iv == 1.0 {
        return Ok(Some(if negate { -1.0 } else { 1.0 }));
    }
    let ix = libm::pow(iv, iw);
    if ix.is_infinite() {
        return Err(MathErr::OverflowErrno);
    }
    Ok(Some(if negate { -ix } else { ix }))
}
