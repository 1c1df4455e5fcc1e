//! Big ints in traces: an `int` past 64 bits is an object (`Sym::Obj` of `ObjType::BigInt`,
//! guarded by type where the trace reads one). `+`, `-` and `*` of big ints with each other
//! or with ints make a new big int (`big_arith`, `big_arith_int`), which the trace owns
//! (`Rec::fresh`) until it stores it in a variable of the loop (which then owns it, see
//! `ownership.rs`) or uses it as an operand of the next such op (which gives it up after).
//! While one is on the stack, exits hand it to the interpreter (`Snap::fresh`). Anything else
//! done with one stops the recording (`check_fresh`). A result that fits 64 bits leaves the
//! trace at the op, and the interpreter computes it. Comparisons and `% int` give ints and
//! bools; `**` of two constant ints is folded while recording.
//!
//! New strs and lists (`fmt % args`, `s.split(sep)`: `strings.rs`, `arith.rs`) are owned the
//! same way; a list append takes a new object over, and unpacking a new list takes its
//! items over and gives the list up.

use super::{Abort, Rec, Sym};
use crate::ir::OpKind;
use crate::runtime::{self as rt, ObjType};
use rpy_interpreter::bytecode::opcodes::{BinOp, CmpOp};
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::int_i64;

/// `a op b` (real operands `fa` and `fb`) when one is a big int and the other an int or a big
/// int, and `op` is `+`, `-` or `*`: the result's symbol and value. `None` for anything else.
pub(super) fn binop(r: &mut Rec, op: BinOp, a: Sym, b: Sym, fa: &Value, fb: &Value) -> Result<Option<(Sym, Value)>, Abort> {
    if op == BinOp::Mod {
        return modulo(r, a, b, fa, fb);
    }
    if op == BinOp::Pow {
        return Ok(constant_power(r, a, b));
    }
    let code = match op {
        BinOp::Add => rt::BIG_ADD,
        BinOp::Sub => rt::BIG_SUB,
        BinOp::Mul => rt::BIG_MUL,
        _ => return Ok(None),
    };
    const BIG: ObjType = ObjType::BigInt;
    let (kind, args, imm, bits) = match (a, b) {
        (Sym::Obj(x, BIG), Sym::Obj(y, BIG)) => (OpKind::BigArith, vec![x, y], code, rt::big_arith(fa.bits(), fb.bits(), code)),
        (Sym::Obj(x, BIG), Sym::Int(y)) => {
            let yv = int_i64(fb).ok_or("int operand past 64 bits")?;
            (OpKind::BigArithInt, vec![x, y], code, rt::big_arith_int(fa.bits(), yv, code))
        }
        (Sym::Int(x), Sym::Obj(y, BIG)) => {
            let xv = int_i64(fa).ok_or("int operand past 64 bits")?;
            let imm = code | rt::BIG_SWAP;
            (OpKind::BigArithInt, vec![y, x], imm, rt::big_arith_int(fb.bits(), xv, imm))
        }
        _ => return Ok(None),
    };
    if bits == Value::NULL.bits() {
        return Err("big int arithmetic whose result fits 64 bits".into());
    }
    // SAFETY: the helper made a new object and gave its reference up as these bits.
    let real = unsafe { Value::from_raw_bits(bits) };
    // Its snapshot is the state before the op: nothing made yet.
    r.allow_effect("big int arithmetic")?;
    let v = r.emit_guard_imm(kind, args, imm);
    give_up(r, [a, b]);
    r.fresh.push(v);
    Ok(Some((Sym::Obj(v, BIG), real)))
}

/// `a op b` compared (real operands `fa`, `fb`) when one is a big int and the other an int or
/// a big int: the result's symbol and value. `None` for anything else.
pub(super) fn compare(r: &mut Rec, op: CmpOp, a: Sym, b: Sym, fa: &Value, fb: &Value) -> Result<Option<(Sym, bool)>, Abort> {
    const BIG: ObjType = ObjType::BigInt;
    let (c, real, op) = match (a, b) {
        (Sym::Obj(x, BIG), Sym::Obj(y, BIG)) => (r.emit(OpKind::BigCmp, vec![x, y], 0), rt::big_cmp(fa.bits(), fb.bits()), op),
        (Sym::Obj(x, BIG), Sym::Int(y)) => {
            let yv = int_i64(fb).ok_or("int operand past 64 bits")?;
            (r.emit(OpKind::BigCmpInt, vec![x, y], 0), rt::big_cmp_int(fa.bits(), yv), op)
        }
        (Sym::Int(x), Sym::Obj(y, BIG)) => {
            let xv = int_i64(fa).ok_or("int operand past 64 bits")?;
            (r.emit(OpKind::BigCmpInt, vec![y, x], 0), rt::big_cmp_int(fb.bits(), xv), op.swapped())
        }
        _ => return Ok(None),
    };
    let t = rpy_interpreter::vm::ops::apply_ord(op, Some(real.cmp(&0)));
    give_up(r, [a, b]);
    Ok(Some((super::strings::sign_compare(r, op, c), t)))
}

/// `x ** y` of two constant ints (`10**21` in a loop: CPython folds it when compiling), folded
/// here: an int constant, or a big int one the trace keeps.
fn constant_power(r: &mut Rec, a: Sym, b: Sym) -> Option<(Sym, Value)> {
    let (Sym::Int(x), Sym::Int(y)) = (a, b) else { return None };
    let (x, y) = (r.known_int(x)?, r.known_int(y)?);
    // Small enough to be worth a constant (and not run away while recording).
    let y = u32::try_from(y).ok().filter(|&y| y <= 4096)?;
    let v = rpy_interpreter::vm::new_bigint(num_bigint::BigInt::from(x).pow(y));
    if let Some(i) = int_i64(&v) {
        return Some((Sym::Int(r.const_int(i)), v));
    }
    let c = r.emit(OpKind::ConstRef, vec![], v.bits());
    r.keep.push(v.clone());
    Some((Sym::Obj(c, ObjType::BigInt), v))
}

/// `a % b` for a big int `a` and an int `b` (real operands `fa`, `fb`): the int result.
pub(super) fn modulo(r: &mut Rec, a: Sym, b: Sym, fa: &Value, fb: &Value) -> Result<Option<(Sym, Value)>, Abort> {
    let (Sym::Obj(x, ObjType::BigInt), Sym::Int(y)) = (a, b) else { return Ok(None) };
    let yv = int_i64(fb).ok_or("int operand past 64 bits")?;
    if yv == 0 {
        return Err("big int modulo zero".into());
    }
    let z = r.const_int(0);
    let nz = r.emit(OpKind::IntNe, vec![y, z], 0);
    r.guard(OpKind::GuardTrue, nz);
    let real = rpy_interpreter::vm::new_int(rt::big_mod_int(fa.bits(), yv));
    let m = r.emit(OpKind::BigModInt, vec![x, y], 0);
    give_up(r, [a, b]);
    Ok(Some((Sym::Int(m), real)))
}

/// Operands the trace made (`Rec::fresh`) are given up once an op has used them.
pub(super) fn give_up(r: &mut Rec, operands: [Sym; 2]) {
    for s in operands {
        if let Sym::Obj(o, _) = s {
            if let Some(j) = r.fresh.iter().position(|&x| x == o) {
                r.fresh.swap_remove(j);
                r.emit(OpKind::DecRef, vec![o], 0);
            }
        }
    }
}

/// Before an instruction: each new object the trace owns and has not stored is on the stack
/// once (an operand of what comes next). Otherwise it went somewhere its reference would be
/// lost (popped, passed to a call, stored into a container).
pub(super) fn check_fresh(r: &Rec) -> Result<(), Abort> {
    for &v in &r.fresh {
        if r.stack.iter().filter(|s| matches!(s, Sym::Obj(o, _) | Sym::List(o) if *o == v)).count() != 1 {
            return Err("a new object (a big int, a str) used other than in arithmetic, a store to a variable or an append".into());
        }
    }
    Ok(())
}

/// A store of `s` into home `k`, which holds a new object (a big int, a str) the trace made
/// in this iteration already: `s` must be a new object of the same type, and the old one,
/// which nothing else the recorder knows of holds, is given up after the store.
pub(super) fn store_again(r: &mut Rec, k: usize, s: Sym) -> Result<(), Abort> {
    let (Some(Sym::Obj(old, t)), Sym::Obj(new, u)) = (r.homes[k].cur, s) else {
        return Err("a variable that got a new object is stored again".into());
    };
    let Some(j) = r.fresh.iter().position(|&x| x == new).filter(|_| t == u) else {
        return Err("a variable that got a new object is stored again with another value".into());
    };
    let holds = |x: &Sym| matches!(x, Sym::Obj(v, _) if *v == old);
    let elsewhere = r.homes.iter().enumerate().any(|(h, st)| h != k && st.cur.as_ref().is_some_and(holds))
        || r.stack.iter().any(holds)
        || r.calls.iter().any(|c| c.locals.iter().flatten().chain(&c.caller_stack).any(holds))
        || r.tuples.iter().flatten().any(holds)
        || r.insts.iter().flat_map(|i| &i.fields).any(|(_, x)| holds(x))
        || r.attrs.iter().any(|(_, _, x)| holds(x));
    if elsewhere {
        return Err("a new object a variable replaces is still used".into());
    }
    r.fresh.swap_remove(j);
    r.homes[k].cur = Some(s);
    r.emit(OpKind::DecRef, vec![old], 0);
    Ok(())
}
