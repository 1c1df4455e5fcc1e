//! Runtime helpers called from compiled traces (`extern "C"`, addresses baked into the code).
//!
//! Each takes the raw bits of a `Value` that the trace borrows from the interpreter (a
//! frame slot, a global, a list element): the value is alive for the whole call, and the
//! helpers never change reference counts.

use rpy_interpreter::object::{Obj, ObjKind};
use rpy_interpreter::prims::mathfn::MathResult;
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::int_i64;

mod layout;
mod objects;
pub use layout::*;
pub use objects::*;

/// The list behind `bits`, when it is one that nothing holds mutably borrowed: its storage,
/// through the cell's raw pointer (so the trace may write elements through it).
fn list(bits: &u64) -> Option<*mut rpy_interpreter::list::ListData> {
    // SAFETY: `bits` is a live, borrowed value (module doc).
    let v = unsafe { Value::borrow_bits(bits) };
    match v.as_obj().map(|o| &o.kind) {
        // SAFETY: only the borrow flag is read here.
        Some(ObjKind::List(cell)) if unsafe { cell.try_borrow_unguarded() }.is_ok() => Some(cell.as_ptr()),
        _ => None,
    }
}

/// 1 when `bits` is a list that can be read and written in place, else 0.
pub extern "C" fn is_list(bits: u64) -> u8 {
    list(&bits).is_some() as u8
}

/// Address of the list's first element (after `is_list`), 0 for anything else.
pub extern "C" fn list_data(bits: u64) -> u64 {
    // SAFETY: compiled traces run bytecode-free stretches: no Rust code holds a borrow of
    // the list while the trace uses its storage.
    list(&bits).map_or(0, |l| unsafe { (*l).as_mut_ptr() as u64 })
}

/// The list's length (after `is_list`), 0 for anything else.
pub extern "C" fn list_len(bits: u64) -> i64 {
    // SAFETY: as for `list_data`.
    list(&bits).map_or(0, |l| unsafe { (*l).len() as i64 })
}

/// 1 when `bits` is a list whose kinds summary (rescanned when stale) has no bit of
/// `imm & 0xFF` and every bit of `(imm >> 8) & 0xFF` (`guard_list_kinds`), else 0.
pub extern "C" fn list_kinds_ok(bits: u64, imm: u64) -> u8 {
    let (forbid, need) = (imm as u8, (imm >> 8) as u8);
    // SAFETY: as for `list_data`.
    list(&bits).is_some_and(|l| {
        let k = unsafe { (*l).refresh_kinds() };
        k & forbid == 0 && k & need == need
    }) as u8
}

/// 1 when `bits` (not an inline int) is a heap int that fits 64 bits, else 0.
pub extern "C" fn is_heap_i64(bits: u64) -> u8 {
    // SAFETY: a live, borrowed value (module doc).
    int_i64(unsafe { Value::borrow_bits(&bits) }).is_some() as u8
}

/// The value of a heap int that fits 64 bits (after `is_heap_i64`), 0 for anything else.
pub extern "C" fn heap_i64(bits: u64) -> i64 {
    // SAFETY: a live, borrowed value (module doc).
    int_i64(unsafe { Value::borrow_bits(&bits) }).unwrap_or(0)
}

/// Boxed result of a float kernel: the float, or `None`'s bits where the builtin raises.
fn float_result(r: MathResult<f64>) -> u64 {
    match r {
        Ok(x) => Value::float(x).bits(),
        Err(_) => Value::NONE.bits(),
    }
}

/// Calls the kernel `fn(f64) -> MathResult<f64>` at address `f`.
pub extern "C" fn float_unary(f: usize, x: f64) -> u64 {
    // SAFETY: the recorder only emits `call_float1` with the address of such a function
    // (`Kernel::FloatUnary`).
    let f: fn(f64) -> MathResult<f64> = unsafe { std::mem::transmute::<usize, fn(f64) -> MathResult<f64>>(f) };
    float_result(f(x))
}

/// Calls the kernel `fn(f64, f64) -> MathResult<f64>` at address `f`.
pub extern "C" fn float_binary(f: usize, x: f64, y: f64) -> u64 {
    // SAFETY: as for `float_unary` (`Kernel::FloatBinary`).
    let f: fn(f64, f64) -> MathResult<f64> = unsafe { std::mem::transmute::<usize, fn(f64, f64) -> MathResult<f64>>(f) };
    float_result(f(x, y))
}

/// Attribute `name` of module `module` from its dict (borrowed bits), or NULL's bits.
pub extern "C" fn module_attr(module: u64, name: u64) -> u64 {
    // SAFETY: both are live values the trace keeps alive (module doc).
    let (m, n) = unsafe { (Value::borrow_bits(&module), Value::borrow_bits(&name)) };
    let Some(rpy_interpreter::object::Obj { kind: ObjKind::Module(m) }) = m.as_obj() else { return Value::NULL.bits() };
    // The dict keeps the value alive; only its bits are returned.
    crate::recorder::namespace_get(&m.dict, n).map_or(Value::NULL.bits(), |v| v.bits())
}

/// The hash of the `str` whose bits are `bits` (a live constant), or `None` for anything else.
pub fn str_hash_bits(bits: u64) -> Option<i64> {
    // SAFETY: a live, borrowed value (module doc).
    let v = unsafe { Value::borrow_bits(&bits) };
    rpy_interpreter::vm::str_of(&v).map(|_| rpy_interpreter::vm::str_hash(&v))
}

/// The bits of module `module`'s dict (which the module keeps alive, and never replaces), or
/// `None` when `module` is no module.
pub fn module_dict(module: u64) -> Option<u64> {
    // SAFETY: a live, borrowed value (module doc).
    let m = unsafe { Value::borrow_bits(&module) };
    match m.as_obj() {
        Some(rpy_interpreter::object::Obj { kind: ObjKind::Module(m) }) => Some(m.dict.bits()),
        _ => None,
    }
}

/// Appends `v` (which owns nothing: an int, float or immediate) to the list `list`.
pub extern "C" fn list_append(list: u64, v: u64) -> u8 {
    // SAFETY: `list` is a live list the trace guarded; `v` owns nothing, so copying its bits
    // is a complete copy.
    let l = unsafe { Value::borrow_bits(&list) };
    match (l.as_obj().map(|o| &o.kind), Value::from_inline_bits(v)) {
        (Some(ObjKind::List(cell)), Some(v)) => match cell.try_borrow_mut() {
            Ok(mut l) => {
                l.push(v);
                1
            }
            Err(_) => 0,
        },
        _ => 0,
    }
}

/// Element array and length of the tuple behind `bits` (null and 0 for anything else).
fn tuple_raw(bits: u64) -> (*const Value, usize) {
    // SAFETY: `bits` is a live value the trace borrows (module doc); tuples never change.
    let v = unsafe { Value::borrow_bits(&bits) };
    match v.as_obj() {
        Some(Obj { kind: ObjKind::Tuple(t) }) => (t.as_ptr(), t.len()),
        _ => (std::ptr::null(), 0),
    }
}

/// Address of a tuple's first element (after `guard_type`).
pub extern "C" fn tuple_data(bits: u64) -> u64 {
    tuple_raw(bits).0 as u64
}

/// A tuple's length (after `guard_type`), 0 for anything else.
pub extern "C" fn tuple_len(bits: u64) -> i64 {
    tuple_raw(bits).1 as i64
}

/// Runs `f` on the dict behind `bits` when nothing holds it mutably borrowed.
fn with_dict<R>(bits: &u64, f: impl FnOnce(&rpy_interpreter::dict::Dict) -> R) -> Option<R> {
    // SAFETY: `bits` is a live, borrowed value (module doc).
    let v = unsafe { Value::borrow_bits(bits) };
    let d = rpy_interpreter::vm::dict_of(&v)?.try_borrow().ok()?;
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
    let hash = rpy_interpreter::vm::str_hash(&k);
    let mut python = |_: &Value, _: &Value| -> Result<bool, ()> { Err(()) };
    with_dict(&d, |d| match d.lookup_index(&k, hash, &mut python) {
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
    let cell = rpy_interpreter::vm::dict_of(&v)?;
    // Only the field's address is taken: no reference to the dict is made.
    Some(unsafe { std::ptr::addr_of!((*cell.as_ptr()).stamp) } as usize)
}

/// The address of dict `d`'s layout `version` (see `dict_stamp_addr`).
pub fn dict_version_addr(d: u64) -> Option<usize> {
    // SAFETY: a live, borrowed value (module doc).
    let v = unsafe { Value::borrow_bits(&d) };
    let cell = rpy_interpreter::vm::dict_of(&v)?;
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

/// Byte offsets of `Vm::depth` and `Vm::recursion_limit` (both `u32`): compiled calls count
/// the recursion depth as the interpreter does.
pub const DEPTH_OFFSET: usize = std::mem::offset_of!(rpy_interpreter::vm::Vm, depth);
pub const LIMIT_OFFSET: usize = std::mem::offset_of!(rpy_interpreter::vm::Vm, recursion_limit);

/// A new reference to a live value: its bits (the result a function trace returns).
pub extern "C" fn inc_ref(bits: u64) -> u64 {
    // SAFETY: a live, borrowed value (module doc); the clone is handed over as raw bits.
    unsafe { Value::clone_from_bits(bits) }.into_raw_bits()
}

/// An int too large to be inline, as a new heap int: its owned bits (a function trace's
/// result).
pub extern "C" fn new_heap_int(x: i64) -> u64 {
    rpy_interpreter::vm::new_int(x).into_raw_bits()
}

/// A compiled call's callee left its trace through exit `code`: finishes the call in the
/// interpreter (see `functions::finish_exit`).
///
/// # Safety
/// As for `functions::finish_exit` (only `call_py` code calls it).
pub unsafe extern "C" fn fn_exit(vm: *mut u8, func: u64, args: *const u64, nargs: u64, buf: *const u64, code: u64) -> u64 {
    // SAFETY: `call_py` code passes the running VM, the identity-guarded function, its
    // arguments and the exit buffer the callee wrote.
    unsafe { crate::functions::finish_exit(vm, func, args, nargs, buf, code) }
}

/// A compiled call made by the interpreter (see `functions::call_interpreted`).
///
/// # Safety
/// As for `functions::call_interpreted` (only `call_py` code calls it).
pub unsafe extern "C" fn call_py(vm: *mut u8, func: u64, args: *const u64, nargs: u64) -> u64 {
    // SAFETY: as for `fn_exit`.
    unsafe { crate::functions::call_interpreted(vm, func, args, nargs) }
}
