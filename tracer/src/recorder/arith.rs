//! Recording of arithmetic, comparisons and builtin calls whose operands are known symbols.

use super::{Abort, Rec, Sym, V};
use crate::ir::OpKind;
use crate::runtime::ObjType;
use rpy_interpreter::bytecode::opcodes::{BinOp, CmpOp};
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::{int_i64, new_int};
use rpy_interpreter::vm::kernels::Kernel;

/// Records a call of builtin `kernel` on `args` that returned `result`.
pub(super) fn record_kernel(r: &mut Rec, kernel: Kernel, args: &[Sym], real: &[Value], result: &Value) -> Result<Sym, Abort> {
    let float_result = |r: &mut Rec, c: V| {
        r.guard(OpKind::GuardFloat, c);
        Sym::Float(r.emit(OpKind::UnboxFloat, vec![c], 0))
    };
    match (kernel, args) {
        (Kernel::FloatUnary(f), &[a]) if result.is_float() => {
            let x = r.as_float(a)?;
            if f as usize == rpy_interpreter::prims::mathfn::sqrt as *const () as usize {
                // Negative arguments raise; NaN and -0.0 go through as IEEE sqrt does.
                let z = r.const_float(0.0);
                let neg = r.emit(OpKind::FloatLt, vec![x, z], 0);
                r.guard(OpKind::GuardFalse, neg);
                return Ok(Sym::Float(r.emit(OpKind::FloatSqrt, vec![x], 0)));
            }
            let c = r.emit(OpKind::CallFloat1, vec![x], f as usize as u64);
            Ok(float_result(r, c))
        }
        (Kernel::FloatBinary(f), &[a, b]) if result.is_float() && f as usize == rpy_interpreter::prims::mathfn::pow as *const () as usize && r.known_number(b) == Some(2.0) => {
            // `math.pow(x, 2)`.
            let x = r.as_float(a)?;
            Ok(finite_square(r, x))
        }
        (Kernel::FloatBinary(f), &[a, b]) if result.is_float() => {
            let x = r.as_float(a)?;
            let y = r.as_float(b)?;
            let c = r.emit(OpKind::CallFloat2, vec![x, y], f as usize as u64);
            Ok(float_result(r, c))
        }
        (Kernel::DictGet, _) => super::dicts::get(r, args, real, result),
        (Kernel::StrSplit, &[Sym::Obj(s, ObjType::Str), Sym::Obj(sep, ObjType::Str)]) if super::rec::is_list(result) => {
            // A new list of new strs, the trace's own until it is unpacked.
            if !r.calls.is_empty() {
                return Err("str split in an inlined call".into());
            }
            let v = r.emit_guard(OpKind::StrSplit, vec![s, sep]);
            // New strs it split (a formatted one) are given up after it.
            super::bigints::give_up(r, [args[0], args[1]]);
            r.fresh.push(v);
            Ok(Sym::List(v))
        }
        (Kernel::Len, &[Sym::List(l)]) if int_i64(result).is_some() => Ok(Sym::Int(r.emit(OpKind::ListLen, vec![l], 0))),
        (Kernel::Len, &[a @ Sym::Obj(s, ObjType::Str)]) => {
            let n = r.emit(OpKind::StrLen, vec![s], 0);
            // A new str (`len("ab" * k)`) is given up after it.
            super::bigints::give_up(r, [a, Sym::Int(n)]);
            Ok(Sym::Int(n))
        }
        (Kernel::Abs, &[Sym::Float(x)]) if result.is_float() => Ok(Sym::Float(r.emit(OpKind::FloatAbs, vec![x], 0))),
        (Kernel::Sum, &[Sym::Tuple(t)]) if int_i64(result).is_some() => {
            // `sum` of a tuple built in the trace: the items' sum, as `sum` adds them.
            let items = r.tuples[t as usize].clone();
            let mut acc = r.const_int(0);
            for s in items {
                let Sym::Int(x) = s else { return Err("sum of a tuple with items other than ints".into()) };
                acc = r.emit_guard(OpKind::IntAddOvf, vec![acc, x]);
            }
            Ok(Sym::Int(acc))
        }
        _ => Err("builtin call with arguments the JIT does not handle".into()),
    }
}

/// `x * x`, the same correctly rounded square as `pow(x, 2)`. Where it is not finite (an
/// overflow raises; a NaN or infinite x) the interpreter computes it.
fn finite_square(r: &mut Rec, x: V) -> Sym {
    let sq = r.emit(OpKind::FloatMul, vec![x, x], 0);
    let mag = r.emit(OpKind::FloatAbs, vec![sq], 0);
    let inf = r.const_float(f64::INFINITY);
    let finite = r.emit(OpKind::FloatLt, vec![mag, inf], 0);
    r.guard(OpKind::GuardTrue, finite);
    Sym::Float(sq)
}

/// `x ** y` of floats (or a float and an int): for a positive `x`, C's `pow`, as the
/// interpreter computes it (no zero division, no complex result); an overflow leaves the
/// trace (`math.pow`'s kernel reports it) and the interpreter raises. `y == 2` (a constant)
/// is a square.
fn float_pow(r: &mut Rec, b: Sym, x: V, y: V) -> Sym {
    if r.known_number(b) == Some(2.0) {
        return finite_square(r, x);
    }
    let z = r.const_float(0.0);
    let pos = r.emit(OpKind::FloatGt, vec![x, z], 0);
    r.guard(OpKind::GuardTrue, pos);
    let f = rpy_interpreter::prims::mathfn::pow as fn(f64, f64) -> rpy_interpreter::prims::mathfn::MathResult<f64>;
    let c = r.emit(OpKind::CallFloat2, vec![x, y], f as usize as u64);
    r.guard(OpKind::GuardFloat, c);
    Sym::Float(r.emit(OpKind::UnboxFloat, vec![c], 0))
}

pub(super) fn record_binop(r: &mut Rec, op: BinOp, a: Sym, b: Sym, result: &Value, y_is_two: bool) -> Result<Sym, Abort> {
    // A bool in arithmetic is the int 0 or 1 (the caller passes only arithmetic ops here with
    // bool operands, see `arith_operand`).
    let (a, b) = (int_of_bool(r, a), int_of_bool(r, b));
    if let (Sym::Int(x), Sym::Int(y)) = (a, b) {
        let kind = match op {
            BinOp::Add => OpKind::IntAddOvf,
            BinOp::Sub => OpKind::IntSubOvf,
            BinOp::Mul => OpKind::IntMulOvf,
            BinOp::FloorDiv | BinOp::Mod => {
                let z = r.const_int(0);
                let nz = r.emit(OpKind::IntNe, vec![y, z], 0);
                r.guard(OpKind::GuardTrue, nz);
                if op == BinOp::Mod {
                    return Ok(Sym::Int(r.emit(OpKind::IntMod, vec![x, y], 0)));
                }
                return Ok(Sym::Int(r.emit_guard(OpKind::IntFloorDivOvf, vec![x, y])));
            }
            BinOp::Pow if int_i64(result).is_some() && y_is_two => {
                let two = r.const_int(2);
                let is_two = r.emit(OpKind::IntEq, vec![y, two], 0);
                r.guard(OpKind::GuardTrue, is_two);
                return Ok(Sym::Int(r.emit_guard(OpKind::IntMulOvf, vec![x, x])));
            }
            BinOp::And | BinOp::Or | BinOp::Xor if int_i64(result).is_some() => {
                let kind = match op {
                    BinOp::And => OpKind::IntAnd,
                    BinOp::Or => OpKind::IntOr,
                    _ => OpKind::IntXor,
                };
                return Ok(Sym::Int(r.emit(kind, vec![x, y], 0)));
            }
            BinOp::LShift | BinOp::RShift if int_i64(result).is_some() => {
                // A negative count raises: the interpreter does that.
                let z = r.const_int(0);
                let nonneg = r.emit(OpKind::IntGe, vec![y, z], 0);
                r.guard(OpKind::GuardTrue, nonneg);
                if op == BinOp::RShift {
                    return Ok(Sym::Int(r.emit(OpKind::IntRshift, vec![x, y], 0)));
                }
                return Ok(Sym::Int(r.emit_guard(OpKind::IntLshiftOvf, vec![x, y])));
            }
            BinOp::TrueDiv => {
                let z = r.const_int(0);
                let nz = r.emit(OpKind::IntNe, vec![y, z], 0);
                r.guard(OpKind::GuardTrue, nz);
                // Exact as floats, so one rounding, as `int / int` rounds.
                let fx = r.exact_float(a)?;
                let fy = r.exact_float(b)?;
                return Ok(Sym::Float(r.emit(OpKind::FloatDiv, vec![fx, fy], 0)));
            }
            _ => return Err(format!("int {} has no trace op", op.symbol())),
        };
        if int_i64(result).is_none() {
            return Err("int result outside 64 bits".into());
        }
        return Ok(Sym::Int(r.emit_guard(kind, vec![x, y])));
    }
    let x = r.as_float(a)?;
    let y = r.as_float(b)?;
    let kind = match op {
        BinOp::Add => OpKind::FloatAdd,
        BinOp::Sub => OpKind::FloatSub,
        BinOp::Mul => OpKind::FloatMul,
        BinOp::Pow => return Ok(float_pow(r, b, x, y)),
        BinOp::TrueDiv => {
            let z = r.const_float(0.0);
            let is_zero = r.emit(OpKind::FloatEq, vec![y, z], 0);
            r.guard(OpKind::GuardFalse, is_zero);
            OpKind::FloatDiv
        }
        _ => return Err(format!("float {} has no trace op", op.symbol())),
    };
    Ok(Sym::Float(r.emit(kind, vec![x, y], 0)))
}

pub(super) fn record_compare(r: &mut Rec, op: CmpOp, a: Sym, b: Sym) -> Result<Sym, Abort> {
    if let (Sym::Obj(x, ObjType::Str), Sym::Obj(y, ObjType::Str)) = (a, b) {
        return Ok(super::strings::compare(r, op, x, y));
    }
    if let (Sym::Int(x), Sym::Int(y)) = (a, b) {
        let kind = match op {
            CmpOp::Lt => OpKind::IntLt,
            CmpOp::Le => OpKind::IntLe,
            CmpOp::Eq => OpKind::IntEq,
            CmpOp::Ne => OpKind::IntNe,
            CmpOp::Gt => OpKind::IntGt,
            CmpOp::Ge => OpKind::IntGe,
        };
        return Ok(Sym::Bool(r.emit(kind, vec![x, y], 0), false));
    }
    // Python compares an int with a float exactly.
    let x = r.exact_float(a)?;
    let y = r.exact_float(b)?;
    let (kind, neg) = match op {
        CmpOp::Lt => (OpKind::FloatLt, false),
        CmpOp::Le => (OpKind::FloatLe, false),
        CmpOp::Eq => (OpKind::FloatEq, false),
        // NaN != NaN is True: the negation of an ordered equality.
        CmpOp::Ne => (OpKind::FloatEq, true),
        CmpOp::Gt => (OpKind::FloatGt, false),
        CmpOp::Ge => (OpKind::FloatGe, false),
    };
    Ok(Sym::Bool(r.emit(kind, vec![x, y], 0), neg))
}

/// `a op b` for ints that fit 64 bits, as the trace ops for `op` compute it; `None` where
/// the result leaves 64 bits or no trace op computes it (the recorder then aborts).
/// `a ** b` as the interpreter computes it, for a positive float (or int) `a` (any `a` for
/// `b == 2`) and a float (or int) `b`, one of them a float, when the result is a finite float
/// (else `None`: the trace does not record it).
pub(super) fn positive_float_pow(vm: &mut rpy_interpreter::vm::Vm, a: &Value, b: &Value) -> Option<Value> {
    let num = |v: &Value| if v.is_float() { Some(v.as_float_unchecked()) } else { int_i64(v).map(|x| x as f64) };
    if !(a.is_float() || b.is_float()) {
        return None;
    }
    let (x, y) = (num(a)?, num(b)?);
    // A square (`** 2`) takes any base (`float_pow`).
    if !(x > 0.0 || y == 2.0) {
        return None;
    }
    let r = vm.float_pow(x, y).ok()?;
    (r.is_float() && r.as_float_unchecked().is_finite()).then_some(r)
}

pub(super) fn i64_binop(op: BinOp, x: i64, y: i64) -> Option<Value> {
    Some(new_int(match op {
        BinOp::Add => x.checked_add(y)?,
        BinOp::Sub => x.checked_sub(y)?,
        BinOp::Mul => x.checked_mul(y)?,
        BinOp::Pow if y == 2 => x.checked_mul(x)?,
        BinOp::FloorDiv | BinOp::Mod if y != 0 => {
            let q = x.checked_div(y)?;
            let m = x - q * y;
            let adjust = m != 0 && (m < 0) != (y < 0);
            match op {
                BinOp::FloorDiv => q - adjust as i64,
                _ => m + if adjust { y } else { 0 },
            }
        }
        BinOp::And => x & y,
        BinOp::Or => x | y,
        BinOp::Xor => x ^ y,
        BinOp::RShift if y >= 0 => x >> y.min(63),
        BinOp::LShift if (0..64).contains(&y) && (x << y) >> y == x => x << y,
        BinOp::TrueDiv if y != 0 && x.unsigned_abs() <= EXACT_FLOAT && y.unsigned_abs() <= EXACT_FLOAT => {
            return Some(Value::float(x as f64 / y as f64));
        }
        _ => return None,
    }))
}

/// Largest magnitude up to which every int converts to a float exactly (2**53).
pub(super) const EXACT_FLOAT: u64 = 1 << 53;

/// `s` as an int when it is a bool.
fn int_of_bool(r: &mut Rec, s: Sym) -> Sym {
    let Sym::Bool(v, neg) = s else { return s };
    let i = r.emit(OpKind::BoolToInt, vec![v], 0);
    if !neg {
        return Sym::Int(i);
    }
    let one = r.const_int(1);
    Sym::Int(r.emit(OpKind::IntSub, vec![one, i], 0))
}

/// The value an arithmetic operator sees for operand `v`: a bool as the int it equals (for
/// the operators whose result does not depend on bool-ness: not `&`, `|`, `^`).
pub(super) fn arith_operand(op: BinOp, v: &Value) -> Value {
    let arithmetic = matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::TrueDiv | BinOp::FloorDiv | BinOp::Mod | BinOp::Pow);
    if arithmetic && v.is_bool() {
        Value::small_int(v.is(&Value::TRUE) as i64).unwrap_or_else(|| v.clone())
    } else {
        v.clone()
    }
}
