//! Attributes of instances whose class has `__slots__` all along its MRO (no `__dict__`):
//! the instance keeps them in `Instance::slots`, at an index the class fixes
//! (`slot_index`). Traces read and write them with `slot_get` and `slot_set`.

use super::RELEASE_NOW;
use rpy_interpreter::object::ObjKind;
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::str_of;
use rpy_interpreter::vm::types::type_obj;
use std::cell::RefCell;

/// Where slot `name` is in the instances of `cls` when they keep their attributes in slots
/// only: the slots of the classes along the MRO, the most basic first (as the interpreter
/// numbers them).
pub fn slot_index(cls: &Value, name: &Value) -> Option<usize> {
    let t = type_obj(cls).filter(|t| !t.has_dict)?;
    let n = str_of(name)?;
    let mut base = 0;
    for c in t.mro.try_borrow().ok()?.iter().rev() {
        if let Some(s) = type_obj(c).and_then(|ct| ct.slots.as_ref()) {
            if let Some(i) = s.iter().position(|x| str_of(x) == Some(n)) {
                return Some(base + i);
            }
            base += s.len();
        }
    }
    None
}

/// Whether the instances of `cls` keep their attributes in slots only.
pub fn slotted(cls: &Value) -> bool {
    type_obj(cls).is_some_and(|t| !t.has_dict)
}

/// The slots of the instance `bits` (a live value the trace borrows).
fn slots_of(bits: &u64) -> Option<&RefCell<Vec<Value>>> {
    // SAFETY: a live, borrowed value (module doc of `runtime`).
    let v = unsafe { Value::borrow_bits(bits) };
    match v.as_obj().map(|o| &o.kind) {
        Some(ObjKind::Instance(i)) => Some(&i.slots),
        _ => None,
    }
}

/// Slot `idx` of instance `obj` (after `guard_type` of a slotted class): borrowed bits, or
/// NULL's bits when it is unset (reading it raises `AttributeError`).
pub extern "C" fn slot_get(obj: u64, idx: u64) -> u64 {
    let Some(s) = slots_of(&obj).and_then(|c| c.try_borrow().ok()) else { return Value::NULL.bits() };
    s.get(idx as usize).map_or(Value::NULL.bits(), |v| v.bits())
}

/// Sets slot `idx` (with `RELEASE_NOW` as for `inst_setattr`) of instance `obj` to `value`
/// (borrowed bits: the instance takes a new reference). 0, having done nothing, when the
/// slots are in use.
pub extern "C" fn slot_set(obj: u64, value: u64, idx: u64) -> u8 {
    let Some(mut s) = slots_of(&obj).and_then(|c| c.try_borrow_mut().ok()) else { return 0 };
    let i = (idx & !RELEASE_NOW) as usize;
    if s.len() <= i {
        s.resize(i + 1, Value::NULL);
    }
    // SAFETY: `value` is live: the clone is the instance's own reference.
    let v = unsafe { Value::clone_from_bits(value) };
    let old = std::mem::replace(&mut s[i], v);
    drop(s);
    // Released after the borrow: freeing it may free other objects.
    if idx & RELEASE_NOW != 0 {
        drop(old);
    } else {
        super::release(old);
    }
    1
}
