//! Runtime helpers called from compiled traces (`extern "C"`, addresses baked into the code).
//!
//! Each takes the raw bits of a `Value` that the trace borrows from the interpreter (a
//! frame slot, a global, a list element): the value is alive for the whole call, and the
//! helpers never change reference counts.

use rpy_interpreter::object::{Obj, ObjKind};
use rpy_interpreter::prims::mathfn::MathResult;
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::int_i64;

mod bigints;
mod dicts;
mod layout;
mod objects;
mod release;
mod sets;
mod slots;
mod strings;
pub use bigints::*;
pub use dicts::*;
pub use layout::*;
pub use objects::*;
pub use sets::*;
pub use slots::*;
pub use strings::*;
pub use release::{deferred_mark, release, release_deferred};

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

/// `guard_list_kinds`'s flag: the kind stored is added to the summary, not required.
pub const KINDS_ADD: u64 = 1 << 16;

/// 1 when `bits` is a list whose kinds summary (rescanned when stale) has no bit of
/// `imm & 0xFF` (`guard_list_kinds`) and every bit of `(imm >> 8) & 0xFF` (the kind of an
/// item the trace is about to store), else 0; with `KINDS_ADD`, those bits are added to the
/// summary instead of required.
pub extern "C" fn list_kinds_ok(bits: u64, imm: u64) -> u8 {
    let (forbid, stored) = (imm as u8, (imm >> 8) as u8);
    // SAFETY: as for `list_data`.
    list(&bits).is_some_and(|l| unsafe {
        let k = (*l).refresh_kinds();
        if k & forbid != 0 {
            return false;
        }
        if imm & KINDS_ADD != 0 {
            (*l).add_kinds(stored);
            return true;
        }
        k & stored == stored
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

/// Appends `v` (borrowed: the list takes its own reference) to the list `list`.
pub extern "C" fn list_append(list: u64, v: u64) -> u8 {
    // SAFETY: `list` is a live list the trace guarded.
    let l = unsafe { Value::borrow_bits(&list) };
    match l.as_obj().map(|o| &o.kind) {
        Some(ObjKind::List(cell)) => match cell.try_borrow_mut() {
            Ok(mut l) => {
                // SAFETY: `v` is live (borrowed by the trace, or owning nothing).
                l.push(unsafe { Value::clone_from_bits(v) });
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

/// Byte offsets of `Vm::depth` and `Vm::recursion_limit` (both `u32`): compiled calls count
/// the recursion depth as the interpreter does.
pub const DEPTH_OFFSET: usize = std::mem::offset_of!(rpy_interpreter::vm::Vm, depth);
pub const LIMIT_OFFSET: usize = std::mem::offset_of!(rpy_interpreter::vm::Vm, recursion_limit);

/// A new reference to a live value: its bits (the result a function trace returns).
pub extern "C" fn inc_ref(bits: u64) -> u64 {
    // SAFETY: a live, borrowed value (module doc); the clone is handed over as raw bits.
    unsafe { Value::clone_from_bits(bits) }.into_raw_bits()
}

/// Gives up a reference the trace owns (`dec_ref`). Returns 1.
pub extern "C" fn dec_ref(bits: u64) -> u8 {
    // SAFETY: the trace owns this reference (an owned loop variable's old value) and gives it
    // up here; nothing the trace still uses borrows from it (`recorder/finish.rs` checks).
    drop(unsafe { Value::from_raw_bits(bits) });
    1
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
