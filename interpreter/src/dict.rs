//! Compact, insertion-ordered hash table (CPython's dict layout): a sparse index table of
//! `u32` slots pointing into a dense entry vector. Deleted entries leave holes that a resize
//! compacts. Key equality is supplied by the caller because Python `__eq__` may run code and
//! fail; `key_eq_fast` decides the common cases (identity, str, numbers) without the VM.

use crate::object::{Obj, ObjKind};
use crate::value::{Value, V};

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;

#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

#[derive(Clone, Default)]
pub struct Dict {
    indices: Vec<u32>,
    entries: Vec<Entry>,
    used: usize,
    /// Changes (to a process-unique value) on every insertion of a new key or deletion,
    /// i.e. whenever entry indices may change; value replacement keeps it.
    pub version: u64,
    /// Changes (to a process-unique value) on every change at all, value replacement and
    /// any `&mut` access to a value included: a cache of a lookup's result stays valid
    /// while the stamp it was taken at does (compiled traces cache globals this way). 0 only
    /// while the dict was never changed (so it is empty, or a clone of one with that stamp).
    pub stamp: u64,
}

/// Equality without running Python code: `Some(result)` when decidable.
#[inline]
pub fn key_eq_fast(a: &Value, b: &Value) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    if let (Some(Obj { kind: ObjKind::Str(s) }), Some(Obj { kind: ObjKind::Str(t) })) = (a.as_obj(), b.as_obj()) {
        return Some(s.s == t.s);
    }
    match (a.view(), b.view()) {
        (V::Obj(x), V::Obj(y)) => match (&x.kind, &y.kind) {
            (ObjKind::Int(s), ObjKind::Int(t)) => Some(s == t),
            (ObjKind::Tuple(s), ObjKind::Tuple(t)) => {
                if s.len() != t.len() {
                    return Some(false);
                }
                for (x, y) in s.iter().zip(t.iter()) {
                    if !key_eq_fast(x, y)? {
                        return Some(false);
                    }
                }
                Some(true)
            }
            (ObjKind::Bytes(s), ObjKind::Bytes(t)) => Some(s == t),
            (ObjKind::Tuple(_), ObjKind::Int(_)) | (ObjKind::Int(_), ObjKind::Tuple(_)) => Some(false),
            (ObjKind::Str(_), _) | (_, ObjKind::Str(_)) => match (&x.kind, &y.kind) {
                (ObjKind::Instance(_), _) | (_, ObjKind::Instance(_)) => None,
                _ => Some(false),
            },
            _ => None,
        },
        (V::Int(x), V::Int(y)) => Some(x == y),
        (V::Float(x), V::Float(y)) => Some(x == y),
        (V::Int(x), V::Float(y)) | (V::Float(y), V::Int(x)) => Some(x as f64 == y && (y as i64) == x),
        (V::Obj(o), V::Int(_) | V::Float(_) | V::None | V::Bool(_))
        | (V::Int(_) | V::Float(_) | V::None | V::Bool(_), V::Obj(o)) => match &o.kind {
            ObjKind::Str(_) | ObjKind::Tuple(_) | ObjKind::Bytes(_) | ObjKind::FrozenSet(_) => Some(false),
            ObjKind::Int(_) => Some(false),
            _ => None,
        },
        (V::Bool(x), V::Int(y)) | (V::Int(y), V::Bool(x)) => Some(x as i64 == y),
        (V::Bool(x), V::Float(y)) | (V::Float(y), V::Bool(x)) => Some(x as i64 as f64 == y),
        _ => Some(false),
    }
}

thread_local! {
    static NEXT_VERSION: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

/// The address of this thread's version counter (compiled code that changes a dict draws its
/// new stamp from it as `next_version` does).
pub fn version_counter_addr() -> usize {
    NEXT_VERSION.with(|v| v.as_ptr() as usize)
}

/// A process-unique layout version (so caches keyed by version never see ABA reuse).
#[inline]
fn next_version() -> u64 {
    NEXT_VERSION.with(|v| {
        let n = v.get() + 1;
        v.set(n);
        n
    })
}

pub type EqFn<'a, E> = &'a mut dyn FnMut(&Value, &Value) -> Result<bool, E>;

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }
    pub fn with_capacity(n: usize) -> Dict {
        let mut d = Dict::default();
        if n > 0 {
            d.indices = vec![EMPTY; (n * 3 / 2 + 1).next_power_of_two().max(8)];
            d.entries.reserve(n);
        }
        d
    }
    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }
    /// Entries in insertion order, including holes (NULL keys) — use `iter` to skip them.
    pub fn raw_entries(&self) -> &[Entry] {
        &self.entries
    }
    pub fn entry_at(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i).filter(|e| !e.key.is_null())
    }
    pub fn raw_len(&self) -> usize {
        self.entries.len()
    }
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries.iter().filter(|e| !e.key.is_null()).map(|e| (&e.key, &e.value))
    }
    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|(k, _)| k.clone()).collect()
    }
    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|(_, v)| v.clone()).collect()
    }
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    }

    /// Finds the index slot for `key`: Ok((slot, Some(entry_idx))) when found.
    #[inline]
    fn probe<E>(&self, key: &Value, hash: i64, eq: EqFn<E>) -> Result<(usize, Option<usize>), E> {
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut first_dummy: Option<usize> = None;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return Ok((first_dummy.unwrap_or(i), None));
            }
            if ix == DUMMY {
                first_dummy.get_or_insert(i);
            } else {
                let e = &self.entries[ix as usize];
                if e.hash == hash {
                    let same = match key_eq_fast(&e.key, key) {
                        Some(b) => b,
                        None => eq(&e.key, key)?,
                    };
                    if same {
                        return Ok((i, Some(ix as usize)));
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    pub fn lookup_index<E>(&self, key: &Value, hash: i64, eq: EqFn<E>) -> Result<Option<usize>, E> {
        if self.used == 0 {
            return Ok(None);
        }
        Ok(self.probe(key, hash, eq)?.1)
    }

    pub fn get<E>(&self, key: &Value, hash: i64, eq: EqFn<E>) -> Result<Option<Value>, E> {
        Ok(self.lookup_index(key, hash, eq)?.map(|i| self.entries[i].value.clone()))
    }

    /// Lookup by a `str` key whose hash is known: never runs Python code.
    #[inline]
    pub fn get_str(&self, key: &Value, hash: i64) -> Option<&Value> {
        if self.used == 0 {
            return None;
        }
        let mut never = |_: &Value, _: &Value| -> Result<bool, ()> { Ok(false) };
        match self.probe(key, hash, &mut never) {
            Ok((_, Some(i))) => Some(&self.entries[i].value),
            _ => None,
        }
    }

    /// Entry index of a `str` key whose hash is known (never runs Python code).
    #[inline]
    pub fn get_str_index(&self, key: &Value, hash: i64) -> Option<usize> {
        if self.used == 0 {
            return None;
        }
        let mut never = |_: &Value, _: &Value| -> Result<bool, ()> { Ok(false) };
        self.probe(key, hash, &mut never).ok().and_then(|(_, i)| i)
    }

    /// Byte offsets of the entry vector and of the live-entry count, for compiled code (which
    /// finds the vector's own pointer and length fields by looking at a sample).
    pub const ENTRIES_OFFSET: usize = std::mem::offset_of!(Dict, entries);
    pub const USED_OFFSET: usize = std::mem::offset_of!(Dict, used);
    /// Byte offset of the index table (a `Vec<u32>` whose slots hold `u32::MAX` when empty).
    pub const INDICES_OFFSET: usize = std::mem::offset_of!(Dict, indices);
    pub const EMPTY_SLOT: u32 = EMPTY;
    /// The index table's mark of a deleted entry's slot.
    pub const DUMMY_SLOT: u32 = DUMMY;

    /// The value at entry `i` (a valid index from `get_str_index`).
    #[inline]
    pub fn value_at(&self, i: usize) -> Option<&Value> {
        self.entries.get(i).filter(|e| !e.key.is_null()).map(|e| &e.value)
    }

    #[inline]
    pub fn value_at_mut(&mut self, i: usize) -> Option<&mut Value> {
        self.stamp = next_version();
        self.entries.get_mut(i).filter(|e| !e.key.is_null()).map(|e| &mut e.value)
    }

    /// A copy with versions of its own (a new instance's `__dict__` made from a template).
    pub fn fresh_copy(&self) -> Dict {
        let mut d = self.clone();
        d.version = next_version();
        d.stamp = next_version();
        d
    }

    pub fn entry_value_mut(&mut self, i: usize) -> &mut Value {
        self.stamp = next_version();
        &mut self.entries[i].value
    }

    /// A free index slot for `hash` in a table known not to hold the key (after `grow`).
    fn empty_slot(&self, hash: i64) -> usize {
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while self.indices[i] != EMPTY {
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
        i
    }

    /// Rebuilds the table, dropping deleted entries: entry positions change, so the version
    /// does too.
    fn grow(&mut self) {
        self.version = next_version();
        let need = (self.used * 3 + 1).next_power_of_two().max(8);
        let mut entries = Vec::with_capacity(need * 2 / 3 + 1);
        for e in self.entries.drain(..) {
            if !e.key.is_null() {
                entries.push(e);
            }
        }
        self.entries = entries;
        self.indices = vec![EMPTY; need];
        let mask = need - 1;
        for (n, e) in self.entries.iter().enumerate() {
            let mut perturb = e.hash as u64;
            let mut i = (e.hash as u64 as usize) & mask;
            while self.indices[i] != EMPTY {
                perturb >>= 5;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
            }
            self.indices[i] = n as u32;
        }
    }

    /// Inserts or replaces; returns the previous value.
    /// Replacing the value of a present key never resizes (entry positions stay, so caches
    /// keyed by `version` stay valid); a new key may grow the table first, as CPython does.
    pub fn insert<E>(&mut self, key: Value, hash: i64, value: Value, eq: EqFn<E>) -> Result<Option<Value>, E> {
        self.stamp = next_version();
        let mut slot = if self.indices.is_empty() {
            None
        } else {
            let (slot, found) = self.probe(&key, hash, eq)?;
            if let Some(i) = found {
                return Ok(Some(std::mem::replace(&mut self.entries[i].value, value)));
            }
            Some(slot)
        };
        if self.indices.is_empty() || (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            self.grow();
            slot = None;
        }
        let slot = slot.unwrap_or_else(|| self.empty_slot(hash));
        self.indices[slot] = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        self.used += 1;
        self.version = next_version();
        Ok(None)
    }

    pub fn remove<E>(&mut self, key: &Value, hash: i64, eq: EqFn<E>) -> Result<Option<(Value, Value)>, E> {
        self.stamp = next_version();
        if self.used == 0 {
            return Ok(None);
        }
        let (slot, found) = self.probe(key, hash, eq)?;
        Ok(found.map(|i| {
            self.indices[slot] = DUMMY;
            let e = std::mem::replace(
                &mut self.entries[i],
                Entry { hash: 0, key: Value::NULL, value: Value::NULL },
            );
            self.used -= 1;
            self.version = next_version();
            if self.used == 0 {
                self.entries.clear();
                self.indices.iter_mut().for_each(|x| *x = EMPTY);
            }
            (e.key, e.value)
        }))
    }

    /// Removes the entry at index `i` (from `lookup_index`); returns its key and value.
    pub fn remove_index(&mut self, i: usize) -> Option<(Value, Value)> {
        self.stamp = next_version();
        let e = self.entries.get(i)?;
        if e.key.is_null() {
            return None;
        }
        let mask = self.indices.len() - 1;
        let mut perturb = e.hash as u64;
        let mut slot = (e.hash as u64 as usize) & mask;
        while self.indices[slot] != i as u32 {
            if self.indices[slot] == EMPTY {
                return None;
            }
            perturb >>= 5;
            slot = (slot.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
        self.indices[slot] = DUMMY;
        let e = std::mem::replace(&mut self.entries[i], Entry { hash: 0, key: Value::NULL, value: Value::NULL });
        self.used -= 1;
        self.version = next_version();
        Some((e.key, e.value))
    }

    /// Indices of live entries whose hash is `h` (for equality that needs the VM).
    pub fn indices_with_hash(&self, h: i64) -> Vec<usize> {
        self.entries.iter().enumerate().filter(|(_, e)| !e.key.is_null() && e.hash == h).map(|(i, _)| i).collect()
    }

    /// Removes and returns the last inserted item (`dict.popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        self.stamp = next_version();
        while let Some(e) = self.entries.last() {
            if e.key.is_null() {
                self.entries.pop();
                continue;
            }
            let (k, h) = (e.key.clone(), e.hash);
            let mut never = |_: &Value, _: &Value| -> Result<bool, ()> { Ok(false) };
            return self.remove(&k, h, &mut never).ok().flatten();
        }
        None
    }

    pub fn clear(&mut self) {
        *self = Dict { version: next_version(), stamp: next_version(), ..Dict::default() };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(i: i64) -> Value {
        Value::small_int(i).expect("small")
    }

    fn never(_: &Value, _: &Value) -> Result<bool, ()> {
        Ok(false)
    }

    #[test]
    fn insertion_order_survives_deletes_and_resizes() {
        let mut d = Dict::new();
        for i in 0..100 {
            d.insert(k(i), crate::hash::hash_i64(i), k(i * 10), &mut never).unwrap();
        }
        for i in (0..100).step_by(3) {
            assert!(d.remove(&k(i), crate::hash::hash_i64(i), &mut never).unwrap().is_some());
        }
        // Re-inserting a deleted key appends it at the end.
        d.insert(k(0), 0, k(-1), &mut never).unwrap();
        let keys: Vec<i64> = d.keys().iter().map(|v| v.as_small_int().unwrap()).collect();
        let mut expected: Vec<i64> = (0..100).filter(|i| i % 3 != 0).collect();
        expected.push(0);
        assert_eq!(keys, expected);
        assert_eq!(d.len(), expected.len());
        // Replacing a value keeps position and layout version.
        let v = d.version;
        d.insert(k(1), 1, k(7), &mut never).unwrap();
        assert_eq!(d.version, v);
        assert_eq!(d.keys()[0].as_small_int(), Some(1));
    }

    #[test]
    fn stamps_change_on_every_write() {
        let mut d = Dict::new();
        let mut seen = vec![d.stamp];
        let mut changed = |d: &Dict| {
            assert!(!seen.contains(&d.stamp));
            seen.push(d.stamp);
        };
        d.insert(k(1), 1, k(1), &mut never).unwrap();
        changed(&d);
        d.insert(k(1), 1, k(2), &mut never).unwrap();
        changed(&d);
        *d.value_at_mut(0).unwrap() = k(3);
        changed(&d);
        d.remove(&k(1), 1, &mut never).unwrap();
        changed(&d);
        d.clear();
        changed(&d);
    }

    #[test]
    fn versions_are_unique_across_dicts() {
        let mut a = Dict::new();
        let mut b = Dict::new();
        a.insert(k(1), 1, k(1), &mut never).unwrap();
        b.insert(k(1), 1, k(1), &mut never).unwrap();
        assert_ne!(a.version, b.version);
    }

    #[test]
    fn pop_last_and_remove_index() {
        let mut d = Dict::new();
        for i in 0..5 {
            d.insert(k(i), i, k(i), &mut never).unwrap();
        }
        let (key, _) = d.pop_last().unwrap();
        assert_eq!(key.as_small_int(), Some(4));
        let idx = d.lookup_index(&k(2), 2, &mut never).unwrap().unwrap();
        d.remove_index(idx).unwrap();
        let keys: Vec<i64> = d.keys().iter().map(|v| v.as_small_int().unwrap()).collect();
        assert_eq!(keys, vec![0, 1, 3]);
    }
}
