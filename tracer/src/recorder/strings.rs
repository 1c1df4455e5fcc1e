//! Recording of `str` work: comparisons of two strs, `in` on strs and dicts, and `is`
//! against a constant.

use super::{Abort, Rec, Sym, V};
use crate::ir::OpKind;
use crate::runtime::ObjType;
use rpy_interpreter::bytecode::opcodes::{BinOp, CmpOp};
use rpy_interpreter::vm::Vm;
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::int_i64;

/// `fmt % args` (real operands `fa`, `fb`) for a str `fmt` and ints, floats and strs (one,
/// or a tuple of them): a new str the trace owns (`Rec::fresh`) until it goes into a list
/// or a variable. `None` for anything else.
pub(super) fn percent(vm: &mut Vm, r: &mut Rec, op: BinOp, a: Sym, b: Sym, fa: &Value, fb: &Value) -> Result<Option<(Sym, Value)>, Abort> {
    let Sym::Obj(fmt, ObjType::Str) = a else { return Ok(None) };
    if op != BinOp::Mod {
        return Ok(None);
    }
    if !r.calls.is_empty() {
        return Err("str formatting in an inlined call".into());
    }
    let (items, tuple) = match b {
        Sym::Tuple(t) => (r.tuples.get(t as usize).ok_or("tuple")?.clone(), true),
        s => (vec![s], false),
    };
    let mut args = vec![fmt];
    for s in items {
        if !matches!(s, Sym::Int(_) | Sym::Float(_) | Sym::Obj(_, ObjType::Str)) || super::rec::owned_by(&r.fresh, s) {
            return Err("str formatting of values other than ints, floats and strs".into());
        }
        args.push(r.boxed(s)?);
    }
    let result = vm.str_percent(fa, fb).map_err(|_| "str formatting that raises")?;
    // Exits before it resume before it: it has made nothing then.
    let v = r.emit_guard_imm(OpKind::StrFormat, args, tuple as u64);
    r.fresh.push(v);
    Ok(Some((Sym::Obj(v, ObjType::Str), result)))
}

/// `a + b` of two strs and `a * b` of a str and an int (real operands `fa`, `fb`, which gave
/// `result`): a new str the trace owns, as `percent`'s; operands the trace owned are given
/// up after it. `None` for anything else.
pub(super) fn concat(vm: &mut Vm, r: &mut Rec, op: BinOp, a: Sym, b: Sym, fa: &Value, fb: &Value) -> Result<Option<(Sym, Value)>, Abort> {
    let (kind, args) = match (op, a, b) {
        (BinOp::Add, Sym::Obj(x, ObjType::Str), Sym::Obj(y, ObjType::Str)) => (OpKind::StrConcat, vec![x, y]),
        (BinOp::Mul, Sym::Obj(x, ObjType::Str), Sym::Int(n)) | (BinOp::Mul, Sym::Int(n), Sym::Obj(x, ObjType::Str)) => (OpKind::StrRepeat, vec![x, n]),
        _ => return Ok(None),
    };
    if !r.calls.is_empty() {
        return Err("str concatenation in an inlined call".into());
    }
    let result = vm.binary_op(op, fa, fb).map_err(|_| "str concatenation that raises")?;
    if !matches!(ObjType::of(&result), Some(ObjType::Str)) {
        return Err("str concatenation whose result is not a str".into());
    }
    let v = r.emit_guard(kind, args);
    super::bigints::give_up(r, [a, b]);
    r.fresh.push(v);
    Ok(Some((Sym::Obj(v, ObjType::Str), result)))
}

/// `int(s)` of the str on top of the stack, which gave `result`: an inline int. Where it
/// raises or gives a big int, the interpreter computes it.
pub(super) fn int_of(r: &mut Rec, result: &Value) -> Result<Sym, Abort> {
    let Sym::Obj(s, ObjType::Str) = r.top(0)? else { return Err("int of something other than a str".into()) };
    int_i64(result).filter(|&x| Value::small_int(x).is_some()).ok_or("int of a str past the inline range")?;
    let boxed = r.emit(OpKind::StrToInt, vec![s], 0);
    r.guard(OpKind::GuardInt, boxed);
    Ok(Sym::Int(r.emit(OpKind::UnboxInt, vec![boxed], 0)))
}

/// The code operand of `v` when it is a shared one-character str (`char_str`).
fn char_code(r: &Rec, v: V) -> Option<V> {
    let V::Op(j) = v else { return None };
    let op = r.body.get(j)?;
    (op.kind == OpKind::CharStr).then(|| op.args[0])
}

/// The code of `v` when it is a constant str of one character below U+0100.
fn const_char(r: &Rec, v: V) -> Option<i64> {
    let V::Op(j) = v else { return None };
    let op = r.body.get(j)?;
    (op.kind == OpKind::ConstRef).then(|| crate::runtime::single_char(op.imm)).flatten()
}

/// `x op y` for two strs. A character of an iterated str against a one-character constant
/// compares their codes (code point order is str order).
pub(super) fn compare(r: &mut Rec, op: CmpOp, x: V, y: V) -> Sym {
    let codes = match (char_code(r, x), const_char(r, y), const_char(r, x), char_code(r, y)) {
        (Some(c), Some(k), _, _) => Some((c, k, false)),
        (_, _, Some(k), Some(c)) => Some((c, k, true)),
        _ => None,
    };
    if let Some((c, k, swapped)) = codes {
        let k = r.const_int(k);
        let (a, b) = if swapped { (k, c) } else { (c, k) };
        let (kind, neg) = match op {
            CmpOp::Eq => (OpKind::IntEq, false),
            CmpOp::Ne => (OpKind::IntEq, true),
            CmpOp::Lt => (OpKind::IntLt, false),
            CmpOp::Le => (OpKind::IntLe, false),
            CmpOp::Gt => (OpKind::IntGt, false),
            CmpOp::Ge => (OpKind::IntGe, false),
        };
        return Sym::Bool(r.emit(kind, vec![a, b], 0), neg);
    }
    if let CmpOp::Eq | CmpOp::Ne = op {
        return Sym::Bool(r.emit(OpKind::StrEq, vec![x, y], 0), op == CmpOp::Ne);
    }
    let c = r.emit(OpKind::StrCmp, vec![x, y], 0);
    sign_compare(r, op, c)
}

/// `op` applied to an ordering `c` (-1, 0 or 1) against 0.
pub(super) fn sign_compare(r: &mut Rec, op: CmpOp, c: V) -> Sym {
    let z = r.const_int(0);
    let kind = match op {
        CmpOp::Lt => OpKind::IntLt,
        CmpOp::Le => OpKind::IntLe,
        CmpOp::Eq => OpKind::IntEq,
        CmpOp::Ne => OpKind::IntNe,
        CmpOp::Gt => OpKind::IntGt,
        CmpOp::Ge => OpKind::IntGe,
    };
    Sym::Bool(r.emit(kind, vec![c, z], 0), false)
}

/// `item in container` (`invert`: `not in`) for a str in a str or a str or int key in a dict, whose
/// real values are `real_item` and `real_container`.
pub(super) fn contains(r: &mut Rec, item: Sym, container: Sym, real_item: &Value, real_container: &Value, invert: bool) -> Result<Sym, Abort> {
    match (item, container) {
        (Sym::Obj(n, ObjType::Str), Sym::Obj(h, ObjType::Str)) => Ok(Sym::Bool(r.emit(OpKind::StrContains, vec![h, n], 0), invert)),
        (Sym::Obj(_, ObjType::Str) | Sym::Int(_), Sym::Obj(d, ObjType::Dict)) => {
            let (found, op, k) = match item {
                Sym::Obj(k, _) => (crate::runtime::dict_has_str(real_container.bits(), real_item.bits()), OpKind::DictHasStr, k),
                Sym::Int(k) => (crate::runtime::dict_has_int(real_container.bits(), int_i64(real_item).ok_or("int key")?), OpKind::DictHasInt, k),
                _ => return Err("dict key other than a str or an int".into()),
            };
            if found < 0 {
                return Err("dict lookup that needs Python code".into());
            }
            let found = r.emit(op, vec![d, k], 0);
            let z = r.const_int(0);
            let decided = r.emit(OpKind::IntGe, vec![found, z], 0);
            r.guard(OpKind::GuardTrue, decided);
            Ok(Sym::Bool(r.emit(OpKind::IntNe, vec![found, z], 0), invert))
        }
        (Sym::Obj(_, ObjType::Str) | Sym::Int(_), Sym::Obj(s, ObjType::Set)) => {
            if crate::runtime::set_has(real_container.bits(), real_item.bits()) < 0 {
                return Err("set lookup that needs Python code".into());
            }
            let k = r.boxed(item)?;
            let found = r.emit(OpKind::SetHas, vec![s, k], 0);
            let z = r.const_int(0);
            let decided = r.emit(OpKind::IntGe, vec![found, z], 0);
            r.guard(OpKind::GuardTrue, decided);
            Ok(Sym::Bool(r.emit(OpKind::IntNe, vec![found, z], 0), invert))
        }
        _ => Err("`in` of something other than a str in a str or a str or int in a dict or a set".into()),
    }
}

/// `a is b` (`invert`: `is not`) where one side is a constant object or immediate (`None`, a
/// module, a function) and the other a value of a known type that is never that constant:
/// the answer is known. `real` is the answer the interpreter gives.
pub(super) fn is(r: &mut Rec, a: Sym, b: Sym, real: bool, invert: bool) -> Result<Sym, Abort> {
    let typed = |s: Sym| matches!(s, Sym::Int(_) | Sym::Float(_) | Sym::List(_) | Sym::Obj(..));
    let same = match (a, b) {
        (Sym::Exact(x), Sym::Exact(y)) => x == y,
        (Sym::Exact(_), s) | (s, Sym::Exact(_)) if typed(s) => false,
        _ => return Err("`is` of values the JIT cannot tell apart".into()),
    };
    if same != real {
        return Err("`is` decided otherwise than recorded".into());
    }
    let one = r.const_int((same != invert) as i64);
    let z = r.const_int(0);
    Ok(Sym::Bool(r.emit(OpKind::IntNe, vec![one, z], 0), false))
}
