//! `str` helpers called from compiled traces (module doc of `runtime` for the contract on
//! bits). Strs never change, so each result depends on its operands alone.

use rpy_interpreter::object::PyStr;
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::pystr_of;

/// The str behind `bits` (after a type guard; the trace keeps it alive).
fn pystr(bits: &u64) -> Option<&PyStr> {
    // SAFETY: a live, borrowed value (module doc of `runtime`).
    pystr_of(unsafe { Value::borrow_bits(bits) })
}

/// 1 when the strs `a` and `b` are equal, else 0.
pub extern "C" fn str_eq(a: u64, b: u64) -> u8 {
    if a == b {
        return 1;
    }
    match (pystr(&a), pystr(&b)) {
        (Some(x), Some(y)) => (x.s == y.s) as u8,
        _ => 0,
    }
}

/// -1, 0 or 1 as str `a` sorts before, equal to or after str `b` (by code points, which is
/// UTF-8 byte order).
pub extern "C" fn str_cmp(a: u64, b: u64) -> i64 {
    match (pystr(&a), pystr(&b)) {
        (Some(x), Some(y)) => x.s.cmp(&y.s) as i64,
        _ => 0,
    }
}

/// 1 when str `needle` occurs in str `hay`, else 0.
pub extern "C" fn str_contains(hay: u64, needle: u64) -> u8 {
    match (pystr(&hay), pystr(&needle)) {
        (Some(h), Some(n)) => h.s.contains(&*n.s) as u8,
        _ => 0,
    }
}

/// The byte at byte offset `b` of str `s` when it is a whole (ASCII) character, else -1.
pub extern "C" fn str_byte(s: u64, b: i64) -> i64 {
    let Some(s) = pystr(&s) else { return -1 };
    match usize::try_from(b).ok().and_then(|b| s.s.as_bytes().get(b)) {
        Some(&c) if c < 0x80 => c as i64,
        _ => -1,
    }
}

/// `fmt % args` with the `n` values at `args` (borrowed bits of ints, floats and strs): a
/// tuple of them when `tuple` is 1, else the one value. The new str's owned bits, or NULL's
/// bits when the formatting raises (the exception is dropped: the interpreter formats again
/// and raises it).
///
/// # Safety
/// `vm` is the running `Vm` (a trace's third argument) and `args` points to `n` live values.
pub unsafe extern "C" fn str_format(vm: *mut u8, fmt: u64, args: *const u64, n: u64, tuple: u64) -> u64 {
    // SAFETY: as the caller promises.
    let (vm, fmt) = unsafe { (&mut *(vm as *mut rpy_interpreter::vm::Vm), Value::borrow_bits(&fmt)) };
    // SAFETY: as the caller promises.
    let items: Vec<Value> = (0..n as usize).map(|k| unsafe { Value::clone_from_bits(*args.add(k)) }).collect();
    let arg = match (tuple, items.first()) {
        (0, Some(v)) => v.clone(),
        _ => rpy_interpreter::vm::new_tuple(items),
    };
    vm.str_percent(fmt, &arg).map_or(Value::NULL.bits(), |s| s.into_raw_bits())
}

/// `a + b` of two strs: the new str's owned bits (NULL's for anything else).
pub extern "C" fn str_concat(a: u64, b: u64) -> u64 {
    let (Some(a), Some(b)) = (pystr(&a), pystr(&b)) else { return Value::NULL.bits() };
    let mut s = String::with_capacity(a.s.len() + b.s.len());
    s.push_str(&a.s);
    s.push_str(&b.s);
    rpy_interpreter::vm::new_string(s).into_raw_bits()
}

/// Most bytes `str_repeat` makes; past it the interpreter repeats (and may raise).
const MAX_REPEAT: usize = 1 << 32;

/// `s * n` of a str and an int: the new str's owned bits, or NULL's past `MAX_REPEAT` bytes.
pub extern "C" fn str_repeat(s: u64, n: i64) -> u64 {
    let Some(p) = pystr(&s) else { return Value::NULL.bits() };
    let n = n.max(0) as usize;
    match p.s.len().checked_mul(n) {
        Some(len) if len <= MAX_REPEAT => rpy_interpreter::vm::new_string(p.s.repeat(n)).into_raw_bits(),
        _ => Value::NULL.bits(),
    }
}

/// `s.split(sep)` of two strs: a new list's owned bits, or NULL's bits for an empty `sep`
/// (which raises).
pub extern "C" fn str_split(s: u64, sep: u64) -> u64 {
    let (Some(s), Some(sep)) = (pystr(&s), pystr(&sep)) else { return Value::NULL.bits() };
    match rpy_interpreter::prims::strmeth::split(&s.s, Some(&sep.s), -1) {
        Ok(parts) => rpy_interpreter::vm::new_list(parts.into_iter().map(rpy_interpreter::vm::new_str).collect()).into_raw_bits(),
        Err(_) => Value::NULL.bits(),
    }
}

/// `int(s)` of a str as an inline int's bits, or NULL's bits where it raises or the int is
/// past the inline range.
pub extern "C" fn str_to_int(s: u64) -> u64 {
    let Some(s) = pystr(&s) else { return Value::NULL.bits() };
    let n = rpy_interpreter::format::parse::parse_int(&s.s, 10).and_then(|b| i64::try_from(b).ok());
    n.and_then(Value::small_int).map_or(Value::NULL.bits(), |v| v.bits())
}

/// `len(s)` of the str `s`.
pub extern "C" fn str_len(s: u64) -> i64 {
    pystr(&s).map_or(0, |p| p.nchars as i64)
}

/// The code of character `s[i]` (a negative `i` counts from the end) when it is below
/// U+0100, else -1 (also for an `i` out of range).
pub extern "C" fn str_code(s: u64, i: i64) -> i64 {
    let null = -1;
    let Some(p) = pystr(&s) else { return null };
    let n = p.nchars as i64;
    let j = if i < 0 { i.wrapping_add(n) } else { i };
    if j < 0 || j >= n {
        return null;
    }
    let c = if p.nchars == p.s.len() {
        p.s.as_bytes()[j as usize] as u32
    } else {
        match p.s.chars().nth(j as usize) {
            Some(c) => c as u32,
            None => return null,
        }
    };
    if c >= 256 {
        return null;
    }
    c as i64
}

/// The code of the str behind `bits` when it is one character below U+0100 (a constant the
/// recorder compares with a character of a str it iterates).
pub fn single_char(bits: u64) -> Option<i64> {
    let s = pystr(&bits)?;
    let mut chars = s.s.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if (c as u32) < 256 => Some(c as i64),
        _ => None,
    }
}
