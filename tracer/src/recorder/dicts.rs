//! Recording of dict work by `str` key: `d.get(key[, default])` and `d[key] = value`.

use super::{Abort, Kind, Rec, Sym};
use crate::ir::OpKind;
use crate::runtime::{dict_has_str, ObjType};
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::frame::Frame;
use rpy_interpreter::vm::Vm;

/// `d.get(key[, default])` on the symbols `args` (dict, key, default) whose real values are
/// `real`, which returned `result`. The trace follows the path the recording took: a key
/// that was present is looked up and its value type-guarded (an absent one then fails the
/// guard); an absent one is guarded absent and gives the default.
pub(super) fn get(r: &mut Rec, args: &[Sym], real: &[Value], result: &Value) -> Result<Sym, Abort> {
    let (&[Sym::Obj(d, ObjType::Dict), Sym::Obj(k, ObjType::Str), ..], [rd, rk, ..]) = (args, real) else {
        return Err("dict.get with a key other than a str".into());
    };
    match dict_has_str(rd.bits(), rk.bits()) {
        1 => {
            let kind = Kind::of(result).ok_or("dict value of a type the JIT does not handle")?;
            let e = r.emit(OpKind::DictGetStr, vec![d, k], 0);
            if let Kind::Exact(_) | Kind::Bool(_) | Kind::IntValue(_) = kind {
                return Err("dict value that is a constant object or a bool".into());
            }
            r.typed(e, kind)
        }
        0 => {
            let found = r.emit(OpKind::DictHasStr, vec![d, k], 0);
            let z = r.const_int(0);
            let absent = r.emit(OpKind::IntEq, vec![found, z], 0);
            r.guard(OpKind::GuardTrue, absent);
            Ok(args.get(2).copied().unwrap_or(Sym::Exact(Value::NONE.bits())))
        }
        _ => Err("dict lookup that needs Python code".into()),
    }
}

/// `d[key] = value` with the value, the dict and the key on top of `f`'s stack (symbols
/// `sv`, `d`, `k`): recorded, then performed.
pub(super) fn store(vm: &mut Vm, r: &mut Rec, f: &mut Frame, sv: Sym, d: Sym, k: Sym) -> Result<(), Abort> {
    let (Sym::Obj(d, ObjType::Dict), Sym::Obj(k, ObjType::Str)) = (d, k) else {
        return Err("item store into a dict by a key other than a str".into());
    };
    r.allow_effect("item store")?;
    let n = f.stack.len();
    if n < 3 {
        return Err("empty stack".into());
    }
    let (value, dict, key) = (f.stack[n - 3].clone(), f.stack[n - 2].clone(), f.stack[n - 1].clone());
    if dict.is(&f.globals) || dict.is(&f.builtins) || dict_has_str(dict.bits(), key.bits()) < 0 {
        return Err("store into the globals, or one that needs Python code".into());
    }
    let boxed = r.boxed(sv)?;
    r.keep.push(f.globals.clone());
    r.keep.push(f.builtins.clone());
    let g = r.emit(OpKind::ConstRef, vec![], f.globals.bits());
    let b = r.emit(OpKind::ConstRef, vec![], f.builtins.bits());
    r.emit_guard(OpKind::DictSetStr, vec![d, k, boxed, g, b]);
    // A dict may be an instance's `__dict__`: attribute values known so far may change.
    r.attrs.clear();
    r.known_keys.clear();
    r.stack.truncate(r.stack.len() - 3);
    f.stack.truncate(n - 3);
    // The interpreter's own store (the old value is released at once: the frame, not
    // registers, holds what recording read).
    vm.dict_set(&dict, key, value).map_err(|_| "dict store raises".to_string())
}
