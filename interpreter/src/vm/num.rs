//! Numbers: int (inline or BigInt), float and complex arithmetic with Python semantics.

use super::Vm;
use crate::bytecode::opcodes::BinOp;
use crate::object::*;
use crate::value::{Value, V};
use crate::PyResult;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// A borrowed numeric view.
pub enum Num<'a> {
    Int(i64),
    Big(&'a BigInt),
    Float(f64),
    Complex(f64, f64),
}

pub fn num_of(v: &Value) -> Option<Num<'_>> {
    match v.view() {
        V::Int(i) => Some(Num::Int(i)),
        V::Bool(b) => Some(Num::Int(b as i64)),
        V::Float(f) => Some(Num::Float(f)),
        V::Obj(o) => match &o.kind {
            ObjKind::Int(b) => Some(Num::Big(b)),
            ObjKind::Complex(r, i) => Some(Num::Complex(*r, *i)),
            _ => None,
        },
        _ => None,
    }
}

/// Whether `v` is an int (including bool).
pub fn is_int(v: &Value) -> bool {
    v.is_small_int() || v.is_bool() || matches!(v.as_obj().map(|o| &o.kind), Some(ObjKind::Int(_)))
}

pub fn to_bigint(v: &Value) -> Option<BigInt> {
    match num_of(v)? {
        Num::Int(i) => Some(BigInt::from(i)),
        Num::Big(b) => Some(b.clone()),
        _ => None,
    }
}

pub fn int_to_f64(n: &Num) -> Option<f64> {
    match n {
        Num::Int(i) => Some(*i as f64),
        Num::Big(b) => {
            let f = b.to_f64()?;
            if f.is_finite() { Some(f) } else { None }
        }
        Num::Float(f) => Some(*f),
        Num::Complex(..) => None,
    }
}

fn floor_div_i64(a: i64, b: i64) -> i64 {
    let q = a / b;
    if (a % b != 0) && ((a < 0) != (b < 0)) { q - 1 } else { q }
}

fn mod_i64(a: i64, b: i64) -> i64 {
    let m = a % b;
    if m != 0 && ((m < 0) != (b < 0)) { m + b } else { m }
}

pub fn py_float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) { m + b } else { m }
    } else {
        0.0f64.copysign(b)
    }
}

pub fn py_float_floordiv(a: f64, b: f64) -> f64 {
    let m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 && ((b < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div != 0.0 {
        let fl = div.floor();
        if div - fl > 0.5 { fl + 1.0 } else { fl }
    } else {
        0.0f64.copysign(a / b)
    }
}

impl Vm {
    /// Arithmetic on two numbers; `Ok(None)` when the types don't support `op`.
    pub fn num_binop(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        if a.is_bool() && b.is_bool() && matches!(op, BinOp::And | BinOp::Or | BinOp::Xor) {
            let (p, q) = (a.is(&Value::TRUE), b.is(&Value::TRUE));
            return Ok(Some(Value::bool(match op {
                BinOp::And => p & q,
                BinOp::Or => p | q,
                _ => p ^ q,
            })));
        }
        let (Some(x), Some(y)) = (num_of(a), num_of(b)) else { return Ok(None) };
        match (&x, &y) {
            (Num::Complex(..), _) | (_, Num::Complex(..)) => {
                if matches!(op, BinOp::FloorDiv | BinOp::Mod) {
                    let (ta, tb) = (self.type_name(a), self.type_name(b));
                    return Err(self.type_error(format!("unsupported operand type(s) for {}: '{ta}' and '{tb}'", op.symbol())));
                }
                self.complex_binop(op, &x, &y)
            }
            (Num::Float(_), _) | (_, Num::Float(_)) => {
                if matches!(op, BinOp::LShift | BinOp::RShift | BinOp::And | BinOp::Or | BinOp::Xor | BinOp::MatMul) {
                    return Ok(None);
                }
                let fx = match int_to_f64(&x) {
                    Some(f) => f,
                    None => return Err(self.overflow_error("int too large to convert to float")),
                };
                let fy = match int_to_f64(&y) {
                    Some(f) => f,
                    None => return Err(self.overflow_error("int too large to convert to float")),
                };
                self.float_binop(op, fx, fy).map(Some)
            }
            _ => self.int_binop(op, &x, &y),
        }
    }

    pub fn float_binop(&mut self, op: BinOp, x: f64, y: f64) -> PyResult<Value> {
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::TrueDiv => {
                if y == 0.0 {
                    return Err(self.zero_division("float division by zero"));
                }
                x / y
            }
            BinOp::FloorDiv => {
                if y == 0.0 {
                    return Err(self.zero_division("float floor division by zero"));
                }
                py_float_floordiv(x, y)
            }
            BinOp::Mod => {
                if y == 0.0 {
                    return Err(self.zero_division("float modulo"));
                }
                py_float_mod(x, y)
            }
            BinOp::Pow => return self.float_pow(x, y),
            _ => return Err(self.type_error("unsupported float operation".into())),
        };
        if r.is_infinite() && x.is_finite() && y.is_finite() && matches!(op, BinOp::Mul | BinOp::Add | BinOp::Sub) {
            return Ok(Value::float(r));
        }
        Ok(Value::float(r))
    }

    pub fn float_pow(&mut self, x: f64, y: f64) -> PyResult<Value> {
        if x == 0.0 && y < 0.0 {
            return Err(self.zero_division("0.0 cannot be raised to a negative power"));
        }
        if x < 0.0 && y.is_finite() && y.fract() != 0.0 {
            // Negative base, fractional exponent: complex result.
            let (r, i) = complex_pow((x, 0.0), (y, 0.0));
            return Ok(super::new_complex(r, i));
        }
        let r = x.powf(y);
        if r.is_infinite() && x.is_finite() && y.is_finite() {
            return Err(self.new_error("OverflowError", "(34, 'Numerical result out of range')".to_string()));
        }
        Ok(Value::float(r))
    }

    fn int_binop(&mut self, op: BinOp, x: &Num, y: &Num) -> PyResult<Option<Value>> {
        if let (Num::Int(a), Num::Int(b)) = (x, y) {
            let (a, b) = (*a, *b);
            let r: Option<i64> = match op {
                BinOp::Add => a.checked_add(b),
                BinOp::Sub => a.checked_sub(b),
                BinOp::Mul => a.checked_mul(b),
                BinOp::FloorDiv => {
                    if b == 0 {
                        return Err(self.zero_division("integer division or modulo by zero"));
                    }
                    if a == i64::MIN && b == -1 { None } else { Some(floor_div_i64(a, b)) }
                }
                BinOp::Mod => {
                    if b == 0 {
                        return Err(self.zero_division("integer modulo by zero"));
                    }
                    if b == -1 { Some(0) } else { Some(mod_i64(a, b)) }
                }
                BinOp::And => Some(a & b),
                BinOp::Or => Some(a | b),
                BinOp::Xor => Some(a ^ b),
                BinOp::TrueDiv => {
                    if b == 0 {
                        return Err(self.zero_division("division by zero"));
                    }
                    return Ok(Some(Value::float(int_true_div(&BigInt::from(a), &BigInt::from(b)))));
                }
                BinOp::LShift => {
                    if b < 0 {
                        return Err(self.value_error("negative shift count".into()));
                    }
                    if b < 63 && (a.unsigned_abs() >> (63 - b)) == 0 { Some(a << b) } else { None }
                }
                BinOp::RShift => {
                    if b < 0 {
                        return Err(self.value_error("negative shift count".into()));
                    }
                    Some(if b >= 64 { if a < 0 { -1 } else { 0 } } else { a >> b })
                }
                BinOp::Pow => {
                    if b < 0 {
                        return self.float_pow(a as f64, b as f64).map(Some);
                    }
                    if b <= u32::MAX as i64 {
                        a.checked_pow(b as u32)
                    } else {
                        None
                    }
                }
                BinOp::MatMul => return Ok(None),
            };
            if let Some(r) = r {
                return Ok(Some(super::new_int(r)));
            }
        }
        // A heap int with an inline one, added or subtracted: one new digit vector (the
        // heap int's, cloned), no temporary for the inline int.
        match (op, x, y) {
            (BinOp::Add, Num::Big(a), Num::Int(i)) | (BinOp::Add, Num::Int(i), Num::Big(a)) => return Ok(Some(super::new_bigint(*a + *i))),
            (BinOp::Sub, Num::Big(a), Num::Int(i)) => return Ok(Some(super::new_bigint(*a - *i))),
            (BinOp::Add, Num::Big(a), Num::Big(b)) => return Ok(Some(super::new_bigint(*a + *b))),
            (BinOp::Sub, Num::Big(a), Num::Big(b)) => return Ok(Some(super::new_bigint(*a - *b))),
            _ => {}
        }
        let a = match x {
            Num::Int(i) => BigInt::from(*i),
            Num::Big(b) => (*b).clone(),
            _ => return Ok(None),
        };
        let b = match y {
            Num::Int(i) => BigInt::from(*i),
            Num::Big(b) => (*b).clone(),
            _ => return Ok(None),
        };
        let r = match op {
            BinOp::Add => a + b,
            BinOp::Sub => a - b,
            BinOp::Mul => {
                let bits = a.bits() + b.bits();
                if bits > 1 << 34 {
                    return Err(self.new_error("MemoryError", String::new()));
                }
                a * b
            }
            BinOp::FloorDiv => {
                if b.is_zero() {
                    return Err(self.zero_division("integer division or modulo by zero"));
                }
                a.div_floor(&b)
            }
            BinOp::Mod => {
                if b.is_zero() {
                    return Err(self.zero_division("integer modulo by zero"));
                }
                a.mod_floor(&b)
            }
            BinOp::And => a & b,
            BinOp::Or => a | b,
            BinOp::Xor => a ^ b,
            BinOp::TrueDiv => {
                if b.is_zero() {
                    return Err(self.zero_division("division by zero"));
                }
                let r = int_true_div(&a, &b);
                if r.is_infinite() {
                    return Err(self.overflow_error("integer division result too large for a float"));
                }
                return Ok(Some(Value::float(r)));
            }
            BinOp::LShift => {
                if b.is_negative() {
                    return Err(self.value_error("negative shift count".into()));
                }
                let Some(s) = b.to_u64() else { return Err(self.overflow_error("too many digits in integer")) };
                if a.is_zero() {
                    return Ok(Some(super::new_int(0)));
                }
                if s + a.bits() > 1 << 34 {
                    return Err(self.new_error("MemoryError", String::new()));
                }
                a << s
            }
            BinOp::RShift => {
                if b.is_negative() {
                    return Err(self.value_error("negative shift count".into()));
                }
                match b.to_u64() {
                    Some(s) => {
                        if a.is_negative() {
                            // floor semantics
                            let one = BigInt::one();
                            -(((-a) - &one) >> s) - one
                        } else {
                            a >> s
                        }
                    }
                    None => BigInt::from(if a.is_negative() { -1 } else { 0 }),
                }
            }
            BinOp::Pow => {
                if b.is_negative() {
                    let fa = a.to_f64().unwrap_or(f64::INFINITY);
                    let fb = b.to_f64().unwrap_or(f64::NEG_INFINITY);
                    return self.float_pow(fa, fb).map(Some);
                }
                let Some(e) = b.to_u64() else {
                    if a.is_zero() || a.is_one() {
                        return Ok(Some(super::new_bigint(a)));
                    }
                    return Err(self.new_error("MemoryError", String::new()));
                };
                if a.bits() as u128 * e as u128 > 1 << 34 && !(a.is_zero() || a.is_one() || a == BigInt::from(-1)) {
                    return Err(self.new_error("MemoryError", String::new()));
                }
                num_traits::Pow::pow(a, e)
            }
            BinOp::MatMul => return Ok(None),
        };
        Ok(Some(super::new_bigint(r)))
    }

    fn complex_binop(&mut self, op: BinOp, x: &Num, y: &Num) -> PyResult<Option<Value>> {
        let c = |n: &Num| -> Option<(f64, f64)> {
            match n {
                Num::Complex(r, i) => Some((*r, *i)),
                other => int_to_f64(other).map(|f| (f, 0.0)),
            }
        };
        let (Some((a, b)), Some((c2, d))) = (c(x), c(y)) else {
            return Err(self.overflow_error("int too large to convert to float"));
        };
        let (r, i) = match op {
            BinOp::Add => (a + c2, b + d),
            BinOp::Sub => (a - c2, b - d),
            BinOp::Mul => (a * c2 - b * d, a * d + b * c2),
            BinOp::TrueDiv => {
                if c2 == 0.0 && d == 0.0 {
                    return Err(self.zero_division("complex division by zero"));
                }
                complex_div((a, b), (c2, d))
            }
            BinOp::Pow => {
                // CPython's complex_pow: small integral exponents by repeated multiplication.
                let r = if d == 0.0 && c2 == c2.floor() && c2.abs() <= 100.0 {
                    let n = c2 as i64;
                    if n > 0 {
                        complex_powu((a, b), n as u64)
                    } else {
                        let den = complex_powu((a, b), n.unsigned_abs());
                        if den.0 == 0.0 && den.1 == 0.0 {
                            return Err(self.zero_division("0.0 to a negative or complex power"));
                        }
                        complex_div((1.0, 0.0), den)
                    }
                } else if c2 == 0.0 && d == 0.0 {
                    (1.0, 0.0)
                } else if a == 0.0 && b == 0.0 {
                    if d != 0.0 || c2 < 0.0 {
                        return Err(self.zero_division("0.0 to a negative or complex power"));
                    }
                    (0.0, 0.0)
                } else {
                    complex_pow((a, b), (c2, d))
                };
                if r.0.is_infinite() || r.1.is_infinite() {
                    return Err(self.overflow_error("complex exponentiation"));
                }
                r
            }
            BinOp::FloorDiv | BinOp::Mod => return Err(self.type_error(format!("unsupported operand type(s) for {}: 'complex' and 'complex'", op.symbol()))),
            _ => return Ok(None),
        };
        Ok(Some(super::new_complex(r, i)))
    }
}

/// Correctly rounded int / int.
pub fn int_true_div(a: &BigInt, b: &BigInt) -> f64 {
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
            return x as f64 / y as f64;
        }
    }
    // Scale so the quotient has 55+ significant bits, then round once.
    let neg = a.is_negative() != b.is_negative();
    let (a, b) = (a.abs(), b.abs());
    let shift = b.bits() as i64 - a.bits() as i64 + 55;
    let (n, d) = if shift > 0 { (a << shift as u64, b) } else { (a, b << (-shift) as u64) };
    let (q, r) = n.div_rem(&d);
    // q has 55 or 56 bits; fold the remainder into a sticky bit.
    let mut q = q;
    if !r.is_zero() {
        q = (q << 1u32) | BigInt::one();
    } else {
        q <<= 1u32;
    }
    let qf = q.to_u64().map(|u| u as f64).unwrap_or(f64::INFINITY);
    let res = qf * 2f64.powi(-(shift as i32) - 1);
    let res = if res.is_nan() { f64::INFINITY } else { res };
    if neg { -res } else { res }
}

pub fn complex_div(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    let (ar, ai) = a;
    let (br, bi) = b;
    let abs_br = br.abs();
    let abs_bi = bi.abs();
    if abs_br >= abs_bi {
        let ratio = bi / br;
        let denom = br + bi * ratio;
        ((ar + ai * ratio) / denom, (ai - ar * ratio) / denom)
    } else {
        let ratio = br / bi;
        let denom = br * ratio + bi;
        ((ar * ratio + ai) / denom, (ai * ratio - ar) / denom)
    }
}

/// CPython's `c_powu`: binary exponentiation by a non-negative integer.
pub fn complex_powu(x: (f64, f64), n: u64) -> (f64, f64) {
    let prod = |p: (f64, f64), q: (f64, f64)| (p.0 * q.0 - p.1 * q.1, p.0 * q.1 + p.1 * q.0);
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: u64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask <<= 1;
        p = prod(p, p);
    }
    r
}

pub fn complex_pow(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    let vabs = a.0.hypot(a.1);
    let len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    let mut len = len;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    (len * phase.cos(), len * phase.sin())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn true_division_is_correctly_rounded() {
        let big = |s: &str| s.parse::<BigInt>().unwrap();
        assert_eq!(int_true_div(&BigInt::from(1), &BigInt::from(3)), 1.0 / 3.0);
        assert_eq!(int_true_div(&BigInt::from(-7), &BigInt::from(2)), -3.5);
        // 2**64 + 1 over 2: exact halves must round to even.
        assert_eq!(int_true_div(&big("18446744073709551617"), &BigInt::from(2)), 9223372036854775808.0);
        // Expected values printed by CPython 3.11: 10**29/3 and (2**64+1)/2.
        assert_eq!(int_true_div(&big("100000000000000000000000000000"), &big("3")), 3.3333333333333333e28);
        assert!(int_true_div(&(BigInt::from(1) << 2000u32), &BigInt::from(1)).is_infinite());
    }

    #[test]
    fn float_floor_division_and_modulo_follow_python_signs() {
        assert_eq!(py_float_mod(-7.0, 2.0), 1.0);
        assert_eq!(py_float_mod(7.0, -2.0), -1.0);
        assert!(py_float_mod(-0.0, 2.0) == 0.0 && py_float_mod(-0.0, 2.0).is_sign_positive());
        assert!(py_float_mod(0.0, -2.0).is_sign_negative());
        assert_eq!(py_float_floordiv(-7.0, 2.0), -4.0);
        assert_eq!(py_float_floordiv(7.5, -2.0), -4.0);
    }

    #[test]
    fn small_int_helpers() {
        assert_eq!(floor_div_i64(-7, 2), -4);
        assert_eq!(mod_i64(-7, 2), 1);
        assert_eq!(mod_i64(7, -2), -1);
        assert_eq!(floor_div_i64(i64::MAX, -1), -i64::MAX);
    }
}
