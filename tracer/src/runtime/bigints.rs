//! Arithmetic on big ints (`int` objects past 64 bits) for compiled traces: `big_arith` and
//! `big_arith_int` make the result of `+`, `-` or `*` as a new object the trace owns, or
//! give NULL's bits where it fits 64 bits (the trace then exits and the interpreter
//! computes it, so every int a trace holds as an object stays past 64 bits).

use num_bigint::BigInt;
use rpy_interpreter::object::{Obj, ObjKind};
use rpy_interpreter::value::Value;

/// The op of a `big_arith` immediate (its low byte).
pub const BIG_ADD: u64 = 0;
pub const BIG_SUB: u64 = 1;
pub const BIG_MUL: u64 = 2;
/// `big_arith_int`: the int is the left operand (`x - big`).
pub const BIG_SWAP: u64 = 1 << 8;

/// The big int behind `bits` (after `guard_type`), borrowed for the helper call.
fn big(bits: &u64) -> Option<&BigInt> {
    // SAFETY: `bits` is a live value the trace borrows or owns (module doc of `runtime`).
    let v = unsafe { Value::borrow_bits(bits) };
    match v.as_obj().map(|o| &o.kind) {
        Some(ObjKind::Int(b)) => Some(b),
        _ => None,
    }
}

/// `r` as a new int object the caller owns, or NULL's bits when it fits 64 bits.
fn made(r: BigInt) -> u64 {
    if i64::try_from(&r).is_ok() {
        return Value::NULL.bits();
    }
    Value::new_obj(Obj { kind: ObjKind::Int(r) }).into_raw_bits()
}

/// `a op b` for two big ints.
pub extern "C" fn big_arith(a: u64, b: u64, op: u64) -> u64 {
    let (Some(x), Some(y)) = (big(&a), big(&b)) else { return Value::NULL.bits() };
    made(match op & 0xFF {
        BIG_ADD => x + y,
        BIG_SUB => x - y,
        BIG_MUL => x * y,
        _ => return Value::NULL.bits(),
    })
}

/// `a op y` for a big int and an int, or `y op a` with `BIG_SWAP`.
pub extern "C" fn big_arith_int(a: u64, y: i64, op: u64) -> u64 {
    let Some(x) = big(&a) else { return Value::NULL.bits() };
    made(match (op & 0xFF, op & BIG_SWAP != 0) {
        (BIG_ADD, _) => x + y,
        (BIG_SUB, false) => x - y,
        (BIG_SUB, true) => y - x,
        (BIG_MUL, _) => x * y,
        _ => return Value::NULL.bits(),
    })
}

/// -1, 0 or 1 as `x` is below, equal to or above `y`.
fn sign(o: std::cmp::Ordering) -> i64 {
    o as i64
}

/// Big int `a` compared with big int `b`.
pub extern "C" fn big_cmp(a: u64, b: u64) -> i64 {
    match (big(&a), big(&b)) {
        (Some(x), Some(y)) => sign(x.cmp(y)),
        _ => 0,
    }
}

/// Big int `a` compared with int `y`.
pub extern "C" fn big_cmp_int(a: u64, y: i64) -> i64 {
    big(&a).map_or(0, |x| sign(x.cmp(&BigInt::from(y))))
}

/// Big int `a` modulo int `y` (not 0), with the sign of `y` as Python's `%` has it.
pub extern "C" fn big_mod_int(a: u64, y: i64) -> i64 {
    let Some(x) = big(&a) else { return 0 };
    if y == 0 {
        return 0;
    }
    let m = BigInt::from(y);
    let r = ((x % &m) + &m) % &m;
    i64::try_from(&r).unwrap_or(0)
}
