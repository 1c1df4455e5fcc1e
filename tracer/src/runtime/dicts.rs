//! Dict helpers called from compiled traces: iteration over a dict's entries, lookups and
//! stores by `str` key, and the lookup cache of a known dict (module doc of `runtime` for the
//! contract on bits).

use rpy_interpreter::value::Value;

/// Runs `f` on the dict behind `bits` when nothing holds it mutably borrowed.
fn with_dict<R>(bits: &u64, f: impl FnOnce(&rpy_interpreter::dict::Dict) -> R) -> Option<R> {
    // SAFETY: `bits` is a live, borrowed value (module doc).
    let v = unsafe { Value::borrow_bits(bits) };
    let d = rpy_interpreter::vm::dict_of(v)?.try_borrow().ok()?;
    Some(f(&d))
}

/// The first live entry at or after `i` of dict `d` while it still has `n` entries, else -1.
pub extern "C" fn dict_next(d: u64, i: i64, n: i64) -> i64 {
    with_dict(&d, |d| {
        if d.len() as i64 != n || i < 0 {
            return -1;
        }
        (i as usize..d.raw_len()).find(|&j| d.entry_at(j).is_some()).map_or(-1, |j| j as i64)
    })
    .unwrap_or(-1)
}

/// The number of live entries of dict `d` (0 for anything else).
pub extern "C" fn dict_len(d: u64) -> i64 {
    with_dict(&d, |d| d.len() as i64).unwrap_or(0)
}

/// Key of live entry `i` of dict `d` (after `dict_next`), borrowed; NULL's bits otherwise.
pub extern "C" fn dict_key(d: u64, i: i64) -> u64 {
    with_dict(&d, |d| d.entry_at(i as usize).map(|e| e.key.bits())).flatten().unwrap_or(Value::NULL.bits())
}

/// Value of live entry `i` of dict `d` (after `dict_next`), borrowed; NULL's bits otherwise.
pub extern "C" fn dict_value(d: u64, i: i64) -> u64 {
    with_dict(&d, |d| d.entry_at(i as usize).map(|e| e.value.bits())).flatten().unwrap_or(Value::NULL.bits())
}

/// `d[key]` for a `str` key (borrowed bits), or NULL's bits when absent or when telling keys
/// apart would run Python code.
pub extern "C" fn dict_get_str(d: u64, key: u64) -> u64 {
    // SAFETY: a live, borrowed value (module doc).
    let k = unsafe { Value::borrow_bits(&key) };
    dict_get(d, k, rpy_interpreter::vm::str_hash(k))
}

/// `d[i]` for an int key, as `dict_get_str`.
pub extern "C" fn dict_get_int(d: u64, i: i64) -> u64 {
    dict_get(d, &rpy_interpreter::vm::new_int(i), rpy_interpreter::hash::hash_i64(i))
}

/// The value of key `k` (hash `hash`) in dict `d`, borrowed, or NULL's bits.
#[inline(always)]
fn dict_get(d: u64, k: &Value, hash: i64) -> u64 {
    let mut python = |_: &Value, _: &Value| -> Result<bool, ()> { Err(()) };
    with_dict(&d, |d| match d.lookup_index(k, hash, &mut python) {
        Ok(Some(i)) => d.value_at(i).map(|v| v.bits()),
        _ => None,
    })
    .flatten()
    .unwrap_or(Value::NULL.bits())
}

/// The address of dict `d`'s `stamp` (stable while the dict object lives), or `None` when
/// `d` is no dict.
pub fn dict_stamp_addr(d: u64) -> Option<usize> {
    // SAFETY: a live, borrowed value (module doc).
    let v = unsafe { Value::borrow_bits(&d) };
    let cell = rpy_interpreter::vm::dict_of(v)?;
    // Only the field's address is taken: no reference to the dict is made.
    Some(unsafe { std::ptr::addr_of!((*cell.as_ptr()).stamp) } as usize)
}

/// The address of dict `d`'s layout `version` (see `dict_stamp_addr`).
pub fn dict_version_addr(d: u64) -> Option<usize> {
    // SAFETY: a live, borrowed value (module doc).
    let v = unsafe { Value::borrow_bits(&d) };
    let cell = rpy_interpreter::vm::dict_of(v)?;
    // Only the field's address is taken: no reference to the dict is made.
    Some(unsafe { std::ptr::addr_of!((*cell.as_ptr()).version) } as usize)
}

/// A lookup cache of `dict_get_str` on a known dict (`u64::MAX`: empty): for a hit, the
/// dict's stamp when `value` was looked up; for a miss (`value` NULL's bits), its layout
/// version then, as a miss stays one until a key is added or removed. Stamps and versions
/// are drawn from one process-wide counter, so neither can be mistaken for the other.
/// Compiled code reads both words and writes none.
#[repr(C)]
pub struct DictCache {
    pub stamp: std::cell::Cell<u64>,
    pub value: std::cell::Cell<u64>,
}

impl DictCache {
    pub fn new() -> DictCache {
        DictCache { stamp: std::cell::Cell::new(u64::MAX), value: std::cell::Cell::new(0) }
    }
}

impl Default for DictCache {
    fn default() -> Self {
        DictCache::new()
    }
}

/// `dict_get_str`, filling `cache` with a hit: while the dict's stamp stays the one
/// recorded, the dict still holds that value (alive), and the compiled code takes it from
/// the cache without a lookup.
///
/// # Safety
/// `cache` points to a live `DictCache` (the compiled trace owns it).
pub unsafe extern "C" fn dict_get_str_cached(d: u64, key: u64, cache: *const DictCache) -> u64 {
    let bits = dict_get_str(d, key);
    let hit = bits != Value::NULL.bits();
    let key = with_dict(&d, |d| if hit { d.stamp } else { d.version }).unwrap_or(u64::MAX);
    // SAFETY: the caller's contract.
    let c = unsafe { &*cache };
    c.stamp.set(key);
    c.value.set(bits);
    bits
}

/// `key in d` for a `str` key: 1 or 0, or -1 when telling keys apart would run Python code
/// or the dict is in use.
pub extern "C" fn dict_has_str(d: u64, key: u64) -> i64 {
    // SAFETY: a live, borrowed value (module doc).
    let k = unsafe { Value::borrow_bits(&key) };
    dict_has(d, k, rpy_interpreter::vm::str_hash(k))
}

/// `i in d` for an int key, as `dict_has_str`.
pub extern "C" fn dict_has_int(d: u64, i: i64) -> i64 {
    dict_has(d, &rpy_interpreter::vm::new_int(i), rpy_interpreter::hash::hash_i64(i))
}

#[inline(always)]
fn dict_has(d: u64, k: &Value, hash: i64) -> i64 {
    let mut python = |_: &Value, _: &Value| -> Result<bool, ()> { Err(()) };
    with_dict(&d, |d| match d.lookup_index(k, hash, &mut python) {
        Ok(found) => found.is_some() as i64,
        Err(()) => -1,
    })
    .unwrap_or(-1)
}

/// `d[key] = value` for a `str` key (`value` borrowed: the dict takes its own reference). 0,
/// having done nothing, when telling keys apart would run Python code, the dict is in use,
/// or it is `globals` or `builtins` (a trace keeps the names it uses in registers).
pub extern "C" fn dict_set_str(d: u64, key: u64, value: u64, globals: u64, builtins: u64) -> u8 {
    // SAFETY: a live, borrowed value (module doc).
    let (kv, hash) = unsafe { (Value::borrow_bits(&key), rpy_interpreter::vm::str_hash(Value::borrow_bits(&key))) };
    if d != globals && d != builtins {
        // A key the dict has (the usual case of `d[k] = d.get(k, 0) + 1`): one probe, and
        // the value replaced.
        // SAFETY: a live, borrowed value (module doc).
        let dv = unsafe { Value::borrow_bits(&d) };
        if let Some(mut dict) = rpy_interpreter::vm::dict_of(dv).and_then(|c| c.try_borrow_mut().ok()) {
            if let Some(i) = dict.get_str_index(kv, hash) {
                // SAFETY: as above; the clone is the dict's own reference.
                let v = unsafe { Value::clone_from_bits(value) };
                let old = dict.value_at_mut(i).map(|slot| std::mem::replace(slot, v));
                drop(dict);
                // Released after the dict's borrow: freeing it may free other objects.
                if let Some(old) = old {
                    super::release(old);
                }
                return 1;
            }
        }
    }
    // SAFETY: the clone is the dict's own reference.
    dict_set(d, unsafe { Value::clone_from_bits(key) }, hash, value, globals, builtins)
}

/// `d[i] = value` for an int key, as `dict_set_str`.
pub extern "C" fn dict_set_int(d: u64, i: i64, value: u64, globals: u64, builtins: u64) -> u8 {
    dict_set(d, rpy_interpreter::vm::new_int(i), rpy_interpreter::hash::hash_i64(i), value, globals, builtins)
}

/// Stores `value` (borrowed bits) under key `k` (hash `hash`) into dict `d`: 1, or 0 having
/// done nothing (see `dict_set_str`).
#[inline(always)]
fn dict_set(d: u64, k: Value, hash: i64, value: u64, globals: u64, builtins: u64) -> u8 {
    if d == globals || d == builtins {
        return 0;
    }
    // SAFETY: a live, borrowed value (module doc).
    let dv = unsafe { Value::borrow_bits(&d) };
    let Some(mut dict) = rpy_interpreter::vm::dict_of(dv).and_then(|c| c.try_borrow_mut().ok()) else { return 0 };
    let mut python = |_: &Value, _: &Value| -> Result<bool, ()> { Err(()) };
    if dict.lookup_index(&k, hash, &mut python).is_err() {
        return 0;
    }
    // SAFETY: as above; the clone is the dict's own reference.
    let v = unsafe { Value::clone_from_bits(value) };
    let old = dict.insert(k, hash, v, &mut python);
    drop(dict);
    // Released after the dict's borrow: freeing it may free other objects.
    if let Ok(Some(old)) = old {
        super::release(old);
    }
    1
}
