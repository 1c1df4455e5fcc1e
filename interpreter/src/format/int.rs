//! Integer to string conversion: `format(int, spec)`, `bin()`, `oct()`,
//! `hex()`, and the correctly rounded int -> float conversion that
//! `float(int)` and the float presentation types need.
//!
//! A port of `format_long_internal` / `_PyLong_FormatAdvancedWriter` from
//! CPython 3.11's `Python/formatter_unicode.c`.
//!
//! Not reproduced: CPython's `sys.set_int_max_str_digits` limit on decimal
//! conversion of huge ints (a `ValueError` for more than 4300 digits by
//! default) is interpreter policy; check it before calling in here.

use num_bigint::{BigInt, Sign as BigSign};
use num_traits::{Signed, ToPrimitive, Zero};

use super::error::FmtError;
use super::float::format_float_spec;
use super::layout::{layout_number, NumberParts};
use super::spec::{parse_spec_with, unknown_format_code, Spec, SpecDefaults};

/// Digits of `|x|` in `base` (2..=36), lowercase, no sign or prefix.
pub fn int_to_str_radix(x: &BigInt, base: u32) -> String {
    x.magnitude().to_str_radix(base)
}

/// `_PyLong_Format` / `PyNumber_ToBase`: sign, `0b`/`0o`/`0x` prefix for
/// bases 2, 8, 16, then lowercase digits (e.g. `-0x1f`).
pub fn int_to_base_string(x: &BigInt, base: u32) -> String {
    let prefix = match base {
        2 => "0b",
        8 => "0o",
        16 => "0x",
        _ => "",
    };
    let sign = if x.is_negative() { "-" } else { "" };
    format!("{}{}{}", sign, prefix, int_to_str_radix(x, base))
}

/// `bin(x)`, e.g. `-0b101`.
pub fn int_bin(x: &BigInt) -> String {
    int_to_base_string(x, 2)
}

/// `oct(x)`, e.g. `0o17`.
pub fn int_oct(x: &BigInt) -> String {
    int_to_base_string(x, 8)
}

/// `hex(x)`, e.g. `-0x1f`.
pub fn int_hex(x: &BigInt) -> String {
    int_to_base_string(x, 16)
}

/// `float(x)` for an int (`PyLong_AsDouble`): correctly rounded, ties to
/// even. `OverflowError` "int too large to convert to float" when the
/// rounded value does not fit in a double.
pub fn int_to_f64(x: &BigInt) -> Result<f64, FmtError> {
    let mag = x.magnitude();
    let bits = mag.bits();
    let value = if bits <= 64 {
        // u64 -> f64 casts round to nearest, ties to even.
        mag.to_u64().map_or(f64::INFINITY, |v| v as f64)
    } else if bits > 1024 {
        f64::INFINITY
    } else {
        let shift = bits - 64;
        let top = (mag >> shift).to_u64().unwrap_or(u64::MAX);
        // Sticky bit: any nonzero bit shifted out. With 64 >= 53 + 2 kept
        // bits, folding it into the lowest bit keeps the rounding exact.
        let low_nonzero = mag.trailing_zeros().is_some_and(|tz| tz < shift);
        let m = (top | low_nonzero as u64) as f64;
        m * 2f64.powi(shift as i32)
    };
    if value.is_infinite() {
        return Err(FmtError::overflow("int too large to convert to float"));
    }
    Ok(if x.sign() == BigSign::Minus { -value } else { value })
}

/// `format(x, spec)` for an int (`int.__format__`).
///
/// Errors: `ValueError` for the spec parser's errors, "Unknown format code
/// 'X' for object of type 'int'", "Precision not allowed in integer format
/// specifier", "Negative zero coercion (z) not allowed in integer format
/// specifier", "Sign not allowed with integer format specifier 'c'",
/// "Alternate form (#) not allowed with integer format specifier 'c'";
/// `OverflowError` for "%c arg not in range(0x110000)", "Python int too
/// large to convert to C long" (type `c`) and "int too large to convert to
/// float" (float types).
///
/// Type `c` with a surrogate code point (U+D800..U+DFFF) cannot be
/// represented in a Rust `String`; it yields U+FFFD.
pub fn format_int(x: &BigInt, spec: &str) -> Result<String, FmtError> {
    format_int_typed(x, spec, "int")
}

/// [`format_int`] for an int subclass: `type_name` appears in error
/// messages. (For `bool`, an empty spec gives `str(b)`, i.e. `True`; the
/// caller handles that case since only it knows the object is a bool.)
pub fn format_int_typed(x: &BigInt, spec: &str, type_name: &str) -> Result<String, FmtError> {
    if spec.is_empty() {
        return Ok(x.to_str_radix(10));
    }
    let parsed = parse_spec_with(spec, SpecDefaults { type_name, ..SpecDefaults::INT })?;
    match parsed.ty {
        Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => format_int_spec(x, &parsed),
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => format_float_spec(int_to_f64(x)?, &parsed),
        Some(t) => Err(unknown_format_code(t, type_name)),
        None => format_int_spec(x, &Spec { ty: Some('d'), ..parsed }),
    }
}

/// `format_long_internal`: `spec.ty` is one of `b c d o x X n`.
pub fn format_int_spec(x: &BigInt, spec: &Spec) -> Result<String, FmtError> {
    if spec.precision.is_some() {
        return Err(FmtError::value("Precision not allowed in integer format specifier"));
    }
    if spec.no_neg_0 {
        return Err(FmtError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let ty = spec.ty.unwrap_or('d');
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(FmtError::value("Sign not allowed with integer format specifier 'c'"));
        }
        if spec.alternate {
            return Err(FmtError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let v = x
            .to_i64()
            .ok_or_else(|| FmtError::overflow("Python int too large to convert to C long"))?;
        if !(0..=0x10ffff).contains(&v) {
            return Err(FmtError::overflow("%c arg not in range(0x110000)"));
        }
        let c = char::from_u32(v as u32).unwrap_or('\u{FFFD}');
        let s = c.to_string();
        let parts = NumberParts { negative: false, prefix: "", digits: "", has_decimal: false, remainder: &s };
        return Ok(layout_number(&parts, spec, false));
    }
    let (base, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' | 'X' => (16, "0x"),
        _ => (10, ""),
    };
    let digits = int_to_str_radix(x, base);
    let parts = NumberParts {
        negative: x.is_negative(),
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        has_decimal: false,
        remainder: "",
    };
    Ok(layout_number(&parts, spec, ty == 'X'))
}

/// `int(x)` for a finite float: truncation toward zero.
/// `ValueError` "cannot convert float NaN to integer", `OverflowError`
/// "cannot convert float infinity to integer".
pub fn float_to_int(x: f64) -> Result<BigInt, FmtError> {
    if x.is_nan() {
        return Err(FmtError::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(FmtError::overflow("cannot convert float infinity to integer"));
    }
    let t = x.trunc();
    if t == 0.0 {
        return Ok(BigInt::zero());
    }
    let bits = t.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let mag = if exp >= 0 { BigInt::from(mant) << exp as usize } else { BigInt::from(mant >> (-exp) as u32) };
    Ok(if t < 0.0 { -mag } else { mag })
}
