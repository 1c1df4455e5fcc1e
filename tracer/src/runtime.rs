//! Runtime helpers called from compiled traces (`extern "C"`, addresses baked into the code).
//!
//! Each takes the raw bits of a `Value` that the trace borrows from the interpreter (a
//! frame slot, a global, a list element): the value is alive for the whole call, and the
//! helpers never change reference counts.

use rpy_interpreter::object::ObjKind;
use rpy_interpreter::value::Value;

/// The list behind `bits`, when it is one that nothing holds mutably borrowed.
fn list(bits: &u64) -> Option<&Vec<Value>> {
    // SAFETY: `bits` is a live, borrowed value (module doc).
    let v = unsafe { Value::borrow_bits(bits) };
    match v.as_obj().map(|o| &o.kind) {
        // SAFETY: compiled traces run bytecode-free stretches: no Rust code holds a mutable
        // borrow of this list while the trace uses the returned reference.
        Some(ObjKind::List(cell)) => unsafe { cell.try_borrow_unguarded().ok() },
        _ => None,
    }
}

/// 1 when `bits` is a list that can be read and written in place, else 0.
pub extern "C" fn is_list(bits: u64) -> u8 {
    list(&bits).is_some() as u8
}

/// Address of the list's first element (after `is_list`); traces read and write elements
/// through it.
pub extern "C" fn list_data(bits: u64) -> u64 {
    // SAFETY: as in `list`; the pointer is taken through the cell's raw pointer so writes
    // through it are allowed.
    let v = unsafe { Value::borrow_bits(&bits) };
    match v.as_obj().map(|o| &o.kind) {
        Some(ObjKind::List(cell)) if list(&bits).is_some() => unsafe { (*cell.as_ptr()).as_mut_ptr() as u64 },
        _ => 0,
    }
}

/// The list's length (after `is_list`); 0 when `bits` is not a list.
pub extern "C" fn list_len(bits: u64) -> i64 {
    list(&bits).map_or(0, |l| l.len() as i64)
}
