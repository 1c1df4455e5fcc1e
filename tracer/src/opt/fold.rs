//! Constant folding and algebraic simplification, in one forward walk.
//!
//! - Pure int/float arithmetic on constants becomes a constant. `int_*_ovf` on constants
//!   folds only when the result lies in the inline int range `[-2**47, 2**47)`; otherwise the
//!   op (and its overflow exit) stays.
//! - Int identities: `x+0`, `0+x`, `x-0`, `x*1`, `1*x` → `x`; `x*0`, `0*x`, `x-x` → `0`
//!   (also for the `_ovf` forms: none of these can overflow).
//! - Float identities only where IEEE-exact: `x*1.0`, `1.0*x`, `x/1.0`, `x-0.0`,
//!   `x+(-0.0)`, `(-0.0)+x` → `x`. Never `x+0.0` (wrong for `x = -0.0`) nor `x*0.0` (NaN, inf,
//!   sign).
//! - `unbox_int(box_int(i))` → `i`, `unbox_float(box_float(f))` → `f`; `box_int(unbox_int(r))`
//!   → `r` only after a `guard_int(r)` (same for floats).
//! - `bool_to_int` of a condition with a known value is that constant.
//! - Comparisons with constant operands (or `x == x` style int comparisons) are evaluated.
//!   There is no boolean constant op, so the comparison itself stays (DCE drops it when
//!   unused); its known value decides guards on it: `guard_true` of a known-true condition
//!   (and `guard_false` of a known-false one) is removed, while a guard that is known to fail
//!   is kept (it always exits).

use super::Rewriter;
use crate::ir::{Op, OpKind, OpRef, Trace};
use rpy_interpreter::value::{SMALL_INT_MAX, SMALL_INT_MIN};
use std::collections::{HashMap, HashSet};

/// What to do with one source op.
enum Action {
    /// Re-emit it (operands mapped).
    Keep,
    /// It equals this existing output value.
    Replace(OpRef),
    /// It is this int constant.
    Int(i64),
    /// It is this float constant.
    Float(f64),
    /// Drop it (a guard that cannot fail).
    Drop,
}

/// Facts gathered so far about output values.
#[derive(Default)]
struct Facts {
    /// Conditions with a known value.
    bools: HashMap<OpRef, bool>,
    /// Refs checked by a `guard_int` / `guard_float`.
    guarded_int: HashSet<OpRef>,
    guarded_float: HashSet<OpRef>,
}

pub fn run(src: &Trace) -> Trace {
    let mut rw = Rewriter::new(src);
    let mut facts = Facts::default();
    for (i, op) in src.ops.iter().enumerate() {
        let args = rw.args(op);
        match simplify(&rw.out, &facts, op, &args) {
            Action::Keep => {
                let r = rw.keep(i, op, args.clone());
                if let Some(b) = known_condition(&rw.out, op.kind, &args) {
                    facts.bools.insert(r, b);
                }
                match op.kind {
                    OpKind::GuardInt => {
                        facts.guarded_int.insert(args[0]);
                    }
                    OpKind::GuardFloat => {
                        facts.guarded_float.insert(args[0]);
                    }
                    _ => {}
                }
            }
            Action::Replace(r) => rw.bind(i, r),
            Action::Int(v) => {
                let r = rw.emit(OpKind::ConstInt, Vec::new(), v as u64, None);
                rw.bind(i, r);
            }
            Action::Float(v) => {
                let r = rw.emit(OpKind::ConstFloat, Vec::new(), v.to_bits(), None);
                rw.bind(i, r);
            }
            Action::Drop => {}
        }
    }
    rw.finish()
}

fn const_float(t: &Trace, r: OpRef) -> Option<f64> {
    let op = t.op(r);
    (op.kind == OpKind::ConstFloat).then(|| f64::from_bits(op.imm))
}

/// `r` is the float constant with exactly these bits (so `-0.0` and `0.0` differ).
fn is_float_bits(t: &Trace, r: OpRef, x: f64) -> bool {
    const_float(t, r).is_some_and(|c| c.to_bits() == x.to_bits())
}

/// If `r` is `kind(x)` in the output, `x`.
fn operand_of(t: &Trace, r: OpRef, kind: OpKind) -> Option<OpRef> {
    let op = t.op(r);
    (op.kind == kind).then(|| op.args[0])
}

fn in_inline_range(v: i64) -> bool {
    (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&v)
}

/// The value of comparison `kind(args)` when it is known at compile time.
fn known_condition(t: &Trace, kind: OpKind, args: &[OpRef]) -> Option<bool> {
    use OpKind::*;
    match kind {
        IntLt | IntLe | IntEq | IntNe | IntGt | IntGe => {
            let (a, b) = (args[0], args[1]);
            if let (Some(x), Some(y)) = (t.const_int(a), t.const_int(b)) {
                return Some(match kind {
                    IntLt => x < y,
                    IntLe => x <= y,
                    IntEq => x == y,
                    IntNe => x != y,
                    IntGt => x > y,
                    _ => x >= y,
                });
            }
            // Same value on both sides (ints have no NaN).
            (a == b).then_some(matches!(kind, IntLe | IntEq | IntGe))
        }
        IntUlt => {
            let (x, y) = (t.const_int(args[0])?, t.const_int(args[1])?);
            Some((x as u64) < (y as u64))
        }
        FloatLt | FloatLe | FloatEq | FloatGt | FloatGe => {
            let x = const_float(t, args[0])?;
            let y = const_float(t, args[1])?;
            Some(match kind {
                FloatLt => x < y,
                FloatLe => x <= y,
                FloatEq => x == y,
                FloatGt => x > y,
                _ => x >= y,
            })
        }
        _ => None,
    }
}

fn simplify(t: &Trace, facts: &Facts, op: &Op, args: &[OpRef]) -> Action {
    use Action::*;
    use OpKind::*;
    let ci = |k: usize| t.const_int(args[k]);
    let cf = |k: usize| const_float(t, args[k]);
    // A checked op folds when its result fits 64 bits; otherwise it stays, and exits.
    let int_const = |v: Option<i64>| v.map_or(Keep, Int);
    match op.kind {
        IntAdd | IntAddOvf => match (ci(0), ci(1)) {
            (Some(x), Some(y)) => int_const(x.checked_add(y)),
            (_, Some(0)) => Replace(args[0]),
            (Some(0), _) => Replace(args[1]),
            _ => Keep,
        },
        IntSub | IntSubOvf => match (ci(0), ci(1)) {
            (Some(x), Some(y)) => int_const(x.checked_sub(y)),
            (_, Some(0)) => Replace(args[0]),
            _ if args[0] == args[1] => Int(0),
            _ => Keep,
        },
        IntMul | IntMulOvf => match (ci(0), ci(1)) {
            (Some(x), Some(y)) => int_const(x.checked_mul(y)),
            (_, Some(1)) => Replace(args[0]),
            (Some(1), _) => Replace(args[1]),
            (_, Some(0)) | (Some(0), _) => Int(0),
            _ => Keep,
        },
        FloatAdd | FloatSub | FloatMul | FloatDiv => {
            if let (Some(x), Some(y)) = (cf(0), cf(1)) {
                return Float(match op.kind {
                    FloatAdd => x + y,
                    FloatSub => x - y,
                    FloatMul => x * y,
                    _ => x / y,
                });
            }
            let (a, b) = (args[0], args[1]);
            match op.kind {
                FloatAdd if is_float_bits(t, b, -0.0) => Replace(a),
                FloatAdd if is_float_bits(t, a, -0.0) => Replace(b),
                FloatSub if is_float_bits(t, b, 0.0) => Replace(a),
                FloatMul if is_float_bits(t, b, 1.0) => Replace(a),
                FloatMul if is_float_bits(t, a, 1.0) => Replace(b),
                FloatDiv if is_float_bits(t, b, 1.0) => Replace(a),
                _ => Keep,
            }
        }
        IntAnd | IntOr | IntXor => match (ci(0), ci(1)) {
            (Some(x), Some(y)) => Int(match op.kind {
                IntAnd => x & y,
                IntOr => x | y,
                _ => x ^ y,
            }),
            _ => Keep,
        },
        IntRshift => match (ci(0), ci(1)) {
            (Some(x), Some(y)) if y >= 0 => Int(x >> y.min(63)),
            (_, Some(0)) => Replace(args[0]),
            _ => Keep,
        },
        IntLshiftOvf => match (ci(0), ci(1)) {
            (Some(x), Some(y)) if (0..64).contains(&y) && (x << y) >> y == x => Int(x << y),
            (_, Some(0)) => Replace(args[0]),
            _ => Keep,
        },
        BoolToInt => facts.bools.get(&args[0]).map_or(Keep, |&b| Int(b as i64)),
        IntToFloat => match ci(0) {
            Some(x) => Float(x as f64),
            None => Keep,
        },
        UnboxInt => operand_of(t, args[0], BoxInt).map_or(Keep, Replace),
        UnboxFloat => operand_of(t, args[0], BoxFloat).map_or(Keep, Replace),
        BoxInt => match operand_of(t, args[0], UnboxInt) {
            Some(r) if facts.guarded_int.contains(&r) => Replace(r),
            _ => Keep,
        },
        BoxFloat => match operand_of(t, args[0], UnboxFloat) {
            Some(r) if facts.guarded_float.contains(&r) => Replace(r),
            _ => Keep,
        },
        // A value the trace boxed itself (an attribute a loop carries, `carried.rs`).
        GuardFloat if operand_of(t, args[0], BoxFloat).is_some() => Drop,
        GuardInt if operand_of(t, args[0], BoxInt).is_some() => Drop,
        GuardBits if t.op(args[0]).kind == ConstRef && t.op(args[0]).imm == op.imm => Drop,
        // The length of a constant str.
        StrLen if t.op(args[0]).kind == ConstRef => Int(crate::runtime::str_len(t.op(args[0]).imm)),
        GuardSmallInt => match ci(0) {
            Some(x) if in_inline_range(x) => Drop,
            _ => Keep,
        },
        GuardIntRange => match ci(0) {
            Some(x) if x.unsigned_abs() <= 1u64 << op.imm.min(61) => Drop,
            _ => Keep,
        },
        SelectInt | SelectFloat => match facts.bools.get(&args[0]) {
            Some(true) => Replace(args[1]),
            Some(false) => Replace(args[2]),
            None if args[1] == args[2] => Replace(args[1]),
            None => Keep,
        },
        GuardTrue | GuardFalse => {
            let want = op.kind == GuardTrue;
            match facts.bools.get(&args[0]) {
                Some(&b) if b == want => Drop,
                _ => Keep,
            }
        }
        Label | PhiInt | PhiFloat | PhiRef | Jump | ConstInt | ConstFloat | LoadSlot | StoreSlot
        | GuardInt | GuardFloat | IntLt | IntLe | IntEq | IntNe | IntGt | IntGe | FloatLt
        | FloatLe | FloatEq | FloatGt | FloatGe | GuardNoInterrupt | IntFloorDivOvf | IntMod | Exit | Side | IntUlt
        | GuardList | ListData | ListLen | LoadElem | StoreElem | GuardNotObj | GuardListKinds | UnboxSmallInt | GuardBits | ConstRef | FloatSqrt
        | FloatAbs | FloatNeg | CallFloat1 | CallFloat2 | ModuleAttr | ListAppend | GuardType | TupleData | TupleLen | DictNext | DictLen
        | DictKey | DictValue | DictGetStr | DictGetInt | LoadExitSlot | LoadExitInt | BoxBool | IncRef | CallPy | Return | CallLoop | LoadLoopExitInt | LoadLoopExitRef | BoxIntOwned
        | GuardTypeVersion | InstGetAttr | InstSetAttr | SlotGet | SlotSet | SetHas | SetAdd | StrEq | StrCmp | StrContains | StrByte | StrCode | StrLen | StrFormat | StrSplit | StrConcat | StrRepeat | StrToInt | CharStr | DictHasStr | DictHasInt | DictSetStr | DictSetInt | NewInst | InstInit | DecRef | BigArith | BigArithInt | BigCmp | BigCmpInt | BigModInt => Keep,
    }
}
