//! `x in s` and `s.add(x)` for a `set` and a `str` or int key, where telling keys apart runs
//! no Python code (else the helpers say so, and the trace leaves).

use rpy_interpreter::object::ObjKind;
use rpy_interpreter::sets::table::KeyEq;
use rpy_interpreter::sets::SetObj;
use rpy_interpreter::value::Value;
use std::cell::RefCell;

/// Key equality that never runs Python code: `Err` where it would have to.
struct NoPython;

impl KeyEq<Value> for NoPython {
    type Error = ();
    fn key_eq(&mut self, stored: &Value, probe: &Value) -> Result<bool, ()> {
        rpy_interpreter::dict::key_eq_fast(stored, probe).ok_or(())
    }
}

/// The set behind `bits` (a live value the trace borrows).
fn set_of(bits: &u64) -> Option<&RefCell<SetObj>> {
    // SAFETY: a live, borrowed value (module doc of `runtime`).
    let v = unsafe { Value::borrow_bits(bits) };
    match v.as_obj().map(|o| &o.kind) {
        Some(ObjKind::Set(s)) => Some(s),
        _ => None,
    }
}

/// The hash of key `k` when it is a `str` or an int (the keys traces look up in sets).
fn key_hash(k: &Value) -> Option<i64> {
    if let Some(i) = rpy_interpreter::vm::int_i64(k) {
        return Some(rpy_interpreter::hash::hash_i64(i));
    }
    rpy_interpreter::vm::str_of(k).is_some().then(|| rpy_interpreter::vm::str_hash(k))
}

/// `key in s`: 1 or 0, or -1 when telling keys apart would run Python code.
pub extern "C" fn set_has(s: u64, key: u64) -> i64 {
    // SAFETY: a live, borrowed value (module doc of `runtime`).
    let k = unsafe { Value::borrow_bits(&key) };
    let (Some(set), Some(h)) = (set_of(&s).and_then(|c| c.try_borrow().ok()), key_hash(k)) else { return -1 };
    match set.contains(k, h, &mut NoPython) {
        Ok(found) => found as i64,
        Err(()) => -1,
    }
}

/// `s.add(key)` (`key` borrowed: the set takes a reference when it adds it). 0, having done
/// nothing, when telling keys apart would run Python code or the set is in use.
pub extern "C" fn set_add(s: u64, key: u64) -> u8 {
    // SAFETY: a live, borrowed value (module doc of `runtime`).
    let k = unsafe { Value::borrow_bits(&key) };
    let (Some(mut set), Some(h)) = (set_of(&s).and_then(|c| c.try_borrow_mut().ok()), key_hash(k)) else { return 0 };
    if set.contains(k, h, &mut NoPython).is_err() {
        return 0;
    }
    set.add(k.clone(), h, &mut NoPython).is_ok() as u8
}
