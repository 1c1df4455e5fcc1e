//! Runtime helpers called from compiled traces (`extern "C"`, addresses baked into the code).
//!
//! Each takes the raw bits of a `Value` that the trace borrows from the interpreter (a
//! frame slot, a global, a list element): the value is alive for the whole call, and the
//! helpers never change reference counts.

use rpy_interpreter::object::ObjKind;
use rpy_interpreter::prims::mathfn::MathResult;
use rpy_interpreter::value::Value;

/// The list behind `bits`, when it is one that nothing holds mutably borrowed: its storage,
/// through the cell's raw pointer (so the trace may write elements through it).
fn list(bits: &u64) -> Option<*mut Vec<Value>> {
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
