//! `ListData`: a list's items plus a summary of what kinds of values they are.
//!
//! The summary (`kinds`, a set of `ElemKinds` bits) is a superset of the kinds present: it
//! never misses one. Typed mutations (`push`, `set`, `insert`) add the new item's kind;
//! removals keep the set (a superset stays a superset); any other mutable access, through
//! `DerefMut` to the `Vec`, marks the summary unknown, and `refresh_kinds` rescans it.
//! Compiled traces read the byte to learn, once per entry, that every item of a list is a
//! float (or an inline int), so their loads need no type guard.

use crate::value::Value;
use std::ops::{Deref, DerefMut};

/// Bits of `ListData::kinds`.
pub struct ElemKinds;

impl ElemKinds {
    /// A float (never allocates).
    pub const FLOAT: u8 = 1;
    /// An inline (48-bit) int.
    pub const INT: u8 = 2;
    /// Anything else: an object, None, a bool.
    pub const OTHER: u8 = 4;
    /// The summary is stale (set with every other bit): `refresh_kinds` rescans.
    pub const UNKNOWN: u8 = 0x80;
    pub const ALL: u8 = ElemKinds::FLOAT | ElemKinds::INT | ElemKinds::OTHER | ElemKinds::UNKNOWN;

    #[inline(always)]
    pub fn of(v: &Value) -> u8 {
        if v.is_float() {
            ElemKinds::FLOAT
        } else if v.is_small_int() {
            ElemKinds::INT
        } else {
            ElemKinds::OTHER
        }
    }

    fn of_all(items: &[Value]) -> u8 {
        items.iter().fold(0, |k, v| k | ElemKinds::of(v))
    }
}

#[derive(Default)]
pub struct ListData {
    items: Vec<Value>,
    kinds: u8,
}

impl ListData {
    pub fn new(items: Vec<Value>) -> ListData {
        let kinds = ElemKinds::of_all(&items);
        ListData { items, kinds }
    }
    /// The kinds summary (a superset of the kinds present, or `UNKNOWN` with every bit).
    #[inline]
    pub fn kinds(&self) -> u8 {
        self.kinds
    }
    /// Byte offset of the kinds summary, for compiled code.
    pub const KINDS_OFFSET: usize = std::mem::offset_of!(ListData, kinds);
    /// Byte offset of the items vector, for compiled code (which finds the vector's own
    /// pointer and length fields by looking at a sample: `Vec`'s layout is not public).
    pub const ITEMS_OFFSET: usize = std::mem::offset_of!(ListData, items);
    /// Adds kinds to the summary (it stays a superset): compiled code, before it stores an
    /// item of those kinds.
    #[inline]
    pub fn add_kinds(&mut self, k: u8) {
        self.kinds |= k;
    }
    /// Rescans a stale summary; returns the summary.
    pub fn refresh_kinds(&mut self) -> u8 {
        if self.kinds & ElemKinds::UNKNOWN != 0 {
            self.kinds = ElemKinds::of_all(&self.items);
        }
        self.kinds
    }
    #[inline]
    pub fn push(&mut self, v: Value) {
        self.kinds |= ElemKinds::of(&v);
        self.items.push(v);
    }
    #[inline]
    pub fn insert(&mut self, i: usize, v: Value) {
        self.kinds |= ElemKinds::of(&v);
        self.items.insert(i, v);
    }
    /// Replaces item `i` (in range) and returns the old item.
    #[inline]
    pub fn set(&mut self, i: usize, v: Value) -> Value {
        self.kinds |= ElemKinds::of(&v);
        std::mem::replace(&mut self.items[i], v)
    }
    #[inline]
    pub fn pop(&mut self) -> Option<Value> {
        self.items.pop()
    }
    pub fn remove(&mut self, i: usize) -> Value {
        self.items.remove(i)
    }
    pub fn truncate(&mut self, n: usize) {
        self.items.truncate(n);
    }
    pub fn clear(&mut self) {
        self.items.clear();
    }
    pub fn extend(&mut self, vs: impl IntoIterator<Item = Value>) {
        let start = self.items.len();
        self.items.extend(vs);
        self.kinds |= ElemKinds::of_all(&self.items[start..]);
    }
    /// Appends copies of `vs`.
    pub fn extend_from_slice(&mut self, vs: &[Value]) {
        self.kinds |= ElemKinds::of_all(vs);
        self.items.extend_from_slice(vs);
    }
    /// Takes the items, leaving the list empty.
    pub fn take(&mut self) -> Vec<Value> {
        self.kinds = 0;
        std::mem::take(&mut self.items)
    }
    /// Replaces all items.
    pub fn replace(&mut self, items: Vec<Value>) -> Vec<Value> {
        self.kinds = ElemKinds::of_all(&items);
        std::mem::replace(&mut self.items, items)
    }
    pub fn into_vec(mut self) -> Vec<Value> {
        std::mem::take(&mut self.items)
    }
    pub fn as_slice(&self) -> &[Value] {
        &self.items
    }
    /// The item array, for compiled code that writes items of kinds the summary already has.
    pub fn as_mut_ptr(&mut self) -> *mut Value {
        self.items.as_mut_ptr()
    }
}

/// A list of floats and inline ints (by its summary) owns nothing through its items: its
/// storage is freed without visiting them.
impl Drop for ListData {
    fn drop(&mut self) {
        if self.kinds & (ElemKinds::OTHER | ElemKinds::UNKNOWN) == 0 {
            // SAFETY: every item is a float or an inline int (the summary is a superset of
            // the kinds present), which has no destructor to run.
            unsafe { self.items.set_len(0) };
        }
    }
}

impl Deref for ListData {
    type Target = Vec<Value>;
    #[inline]
    fn deref(&self) -> &Vec<Value> {
        &self.items
    }
}

/// Untyped mutable access: the summary becomes unknown.
impl DerefMut for ListData {
    #[inline]
    fn deref_mut(&mut self) -> &mut Vec<Value> {
        self.kinds = ElemKinds::ALL;
        &mut self.items
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_is_a_superset() {
        let mut l = ListData::new(vec![Value::float(1.0), Value::float(2.0)]);
        assert_eq!(l.kinds(), ElemKinds::FLOAT);
        l.set(0, Value::small_int(3).unwrap());
        assert_eq!(l.kinds(), ElemKinds::FLOAT | ElemKinds::INT);
        l.push(Value::NONE);
        assert_eq!(l.kinds(), ElemKinds::FLOAT | ElemKinds::INT | ElemKinds::OTHER);
        l.pop();
        assert_eq!(l.kinds() & ElemKinds::OTHER, ElemKinds::OTHER, "removal keeps the superset");
        l.sort_by(|_, _| std::cmp::Ordering::Equal);
        assert_eq!(l.kinds(), ElemKinds::ALL, "untyped access makes it unknown");
        assert_eq!(l.refresh_kinds(), ElemKinds::FLOAT | ElemKinds::INT);
        assert_eq!(l.take().len(), 2);
        assert_eq!(l.kinds(), 0);
    }
}
