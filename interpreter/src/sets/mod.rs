//! Storage behind `set` and `frozenset`: a table that reproduces CPython 3.11's
//! `setobject.c` slot order exactly (so printed sets match), and the set algebra built the
//! way CPython builds each result. Verified by `tests/set_cases.rs`.

pub mod ops;
pub mod table;

use crate::value::Value;
use crate::vm::Vm;
use crate::PyErr;

pub type SetObj = table::SetTable<Value>;

impl table::SetKey for Value {
    fn same(&self, other: &Self) -> bool {
        self.is(other)
    }
}

/// Key equality through the VM (Python `__eq__` may run).
pub struct VmEq<'a>(pub &'a mut Vm);

impl table::KeyEq<Value> for VmEq<'_> {
    type Error = PyErr;
    fn key_eq(&mut self, stored: &Value, probe: &Value) -> Result<bool, PyErr> {
        match crate::dict::key_eq_fast(stored, probe) {
            Some(r) => Ok(r),
            None => self.0.eq(stored, probe),
        }
    }
}
