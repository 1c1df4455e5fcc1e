//! Recording of dict work by `str` or int key: `d[key]`, `d.get(key[, default])` and
//! `d[key] = value`.

use super::{Abort, Kind, Rec, Sym, V};
use crate::ir::OpKind;
use crate::runtime::{dict_has_str, ObjType};
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::frame::Frame;
use rpy_interpreter::vm::{int_i64, Vm};

/// The compiled lookup of `key` (symbol `k`, a str or an int) in `dict` (symbol `d`): run
/// here too, so recording and running agree. Returns the item and its symbol.
fn lookup(r: &mut Rec, d: V, k: Sym, dict: &Value, key: &Value) -> Result<Option<(Value, V)>, Abort> {
    let (bits, op) = match k {
        Sym::Obj(k, ObjType::Str) => (crate::runtime::dict_get_str(dict.bits(), key.bits()), (OpKind::DictGetStr, k)),
        Sym::Int(k) => (crate::runtime::dict_get_int(dict.bits(), int_i64(key).ok_or("int key")?), (OpKind::DictGetInt, k)),
        _ => return Err("dict key other than a str or an int".into()),
    };
    if bits == Value::NULL.bits() {
        return Ok(None);
    }
    // SAFETY: the dict holds the value: these are live bits.
    let item = unsafe { Value::clone_from_bits(bits) };
    Ok(Some((item, r.emit(op.0, vec![d, op.1], 0))))
}

/// `d[key]` (symbols `d`, `k`; real values `dict`, `key`) for a key that is present: the
/// value, type-guarded (an absent key fails the guard, and the interpreter raises).
pub(super) fn subscr(r: &mut Rec, d: V, k: Sym, dict: &Value, key: &Value) -> Result<(Value, Sym), Abort> {
    let (item, e) = lookup(r, d, k, dict, key)?.ok_or("dict lookup that misses or needs Python code")?;
    let kind = Kind::of(&item).ok_or("dict value of a type the JIT does not handle")?;
    Ok((item, r.typed(e, kind)?))
}

/// `d.get(key[, default])` on the symbols `args` (dict, key, default) whose real values are
/// `real`, which returned `result`. The trace follows the path the recording took: a key
/// that was present is looked up and its value type-guarded (an absent one then fails the
/// guard); an absent one is guarded absent and gives the default.
pub(super) fn get(r: &mut Rec, args: &[Sym], real: &[Value], result: &Value) -> Result<Sym, Abort> {
    let (&[Sym::Obj(d, ObjType::Dict), k, ..], [rd, rk, ..]) = (args, real) else {
        return Err("dict.get of something other than a dict".into());
    };
    if let Some((item, e)) = lookup(r, d, k, rd, rk)? {
        if !item.is(result) {
            return Err("dict.get disagrees with the lookup".into());
        }
        let kind = Kind::of(result).ok_or("dict value of a type the JIT does not handle")?;
        if let Kind::Exact(_) | Kind::Bool(_) | Kind::IntValue(_) = kind {
            return Err("dict value that is a constant object or a bool".into());
        }
        return r.typed(e, kind);
    }
    // Absent, or telling keys apart needs Python code: a str or int key is guarded absent.
    let (has, k, found) = match k {
        Sym::Obj(k, ObjType::Str) => (OpKind::DictHasStr, k, dict_has_str(rd.bits(), rk.bits())),
        Sym::Int(k) => (OpKind::DictHasInt, k, int_i64(rk).map_or(-1, |i| crate::runtime::dict_has_int(rd.bits(), i))),
        _ => return Err("dict.get by a key other than a str or an int".into()),
    };
    if found != 0 {
        return Err("dict lookup that needs Python code".into());
    }
    let found = r.emit(has, vec![d, k], 0);
    let z = r.const_int(0);
    let absent = r.emit(OpKind::IntEq, vec![found, z], 0);
    r.guard(OpKind::GuardTrue, absent);
    Ok(args.get(2).copied().unwrap_or(Sym::Exact(Value::NONE.bits())))
}

/// `d[key] = value` with the value, the dict and the key on top of `f`'s stack (symbols
/// `sv`, `d`, `k`): recorded, then performed.
pub(super) fn store(vm: &mut Vm, r: &mut Rec, f: &mut Frame, sv: Sym, d: Sym, k: Sym) -> Result<(), Abort> {
    let n = f.stack.len();
    if n < 3 {
        return Err("empty stack".into());
    }
    let (value, dict, key) = (f.stack[n - 3].clone(), f.stack[n - 2].clone(), f.stack[n - 1].clone());
    store_item(vm, r, f, (sv, d, k), (value, dict, key))?;
    r.stack.truncate(r.stack.len() - 3);
    f.stack.truncate(n - 3);
    Ok(())
}

/// `d[k] = v` of a dict comprehension (`MapAdd`): the key and value on top of the stack, the
/// dict `depth` entries under them (`sd` its symbol).
pub(super) fn map_add(vm: &mut Vm, r: &mut Rec, f: &mut Frame, sd: Sym, dict: Value) -> Result<(), Abort> {
    let n = f.stack.len();
    if n < 2 {
        return Err("empty stack".into());
    }
    let (sk, sv) = (r.top(1)?, r.top(0)?);
    let (key, value) = (f.stack[n - 2].clone(), f.stack[n - 1].clone());
    store_item(vm, r, f, (sv, sd, sk), (value, dict, key))?;
    r.stack.truncate(r.stack.len() - 2);
    f.stack.truncate(n - 2);
    Ok(())
}

/// The store of `store` and `map_add` (symbols and values of the value, the dict and the
/// key), the stacks as they are before the instruction.
fn store_item(vm: &mut Vm, r: &mut Rec, f: &Frame, (sv, d, k): (Sym, Sym, Sym), (value, dict, key): (Value, Value, Value)) -> Result<(), Abort> {
    let (Sym::Obj(d, ObjType::Dict), (op, k)) = (d, match k {
        Sym::Obj(k, ObjType::Str) => (OpKind::DictSetStr, k),
        Sym::Int(k) => (OpKind::DictSetInt, k),
        _ => return Err("item store into a dict by a key other than a str or an int".into()),
    }) else {
        return Err("item store into something other than a dict".into());
    };
    r.allow_effect("item store")?;
    let python = match int_i64(&key) {
        Some(i) => crate::runtime::dict_has_int(dict.bits(), i) < 0,
        None => dict_has_str(dict.bits(), key.bits()) < 0,
    };
    if dict.is(&f.globals) || dict.is(&f.builtins) || python {
        return Err("store into the globals, or one that needs Python code".into());
    }
    let boxed = r.boxed(sv)?;
    r.keep.push(f.globals.clone());
    r.keep.push(f.builtins.clone());
    let g = r.emit(OpKind::ConstRef, vec![], f.globals.bits());
    let b = r.emit(OpKind::ConstRef, vec![], f.builtins.bits());
    r.emit_guard(op, vec![d, k, boxed, g, b]);
    // A dict may be an instance's `__dict__`: attribute values known so far may change.
    r.attrs.clear();
    r.known_keys.clear();
    // The interpreter's own store (the old value is released at once: the frame, not
    // registers, holds what recording read).
    vm.dict_set(&dict, key, value).map_err(|_| "dict store raises".to_string())
}
