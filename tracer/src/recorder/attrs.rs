//! Attributes of plain instances (see `runtime::objects`): `obj.x` loads and stores and
//! `obj.method(...)` calls. Instances of slotted classes (`runtime/slots.rs`) read and write
//! their slots (`slot_get`, `slot_set`) instead of a `__dict__`.
//!
//! The trace relies on how the class behaves as recorded: attribute access through
//! `object.__getattribute__`/`__setattr__`, no descriptor on the class for the name, the
//! same method. Each class along the MRO defined in Python gets one `guard_type_version`
//! (per trace, and again after a call); changing a class changes its version, so those
//! guards fail and the interpreter takes over. The instance's own state is read each time:
//! `inst_getattr` looks in its `__dict__` (trying first the entry the attribute was in when
//! recorded), and a method call first checks that the instance's dict does not shadow it.
//!
//! Within an iteration the recorder remembers attribute values (`Rec::attrs`): a second
//! load of `obj.x`, or a load after `obj.x = v`, takes the known value and reads nothing.
//! A store forgets what it knows of that name on other objects (they may be the same).

use super::{Abort, Kind, Rec, Sym, V};
use crate::ir::OpKind;
use crate::runtime::{slot_index, slotted, versioned_mro, ObjType};
use rpy_interpreter::object::{Obj, ObjKind};
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::frame::Frame;
use rpy_interpreter::vm::{dict_of, str_hash, Vm};

/// The plain instance on top of the symbolic stack, with its class.
fn instance(r: &Rec, depth: usize) -> Result<(V, Value), Abort> {
    match r.top(depth)? {
        // SAFETY: the recorder keeps the classes of the types it guards alive (`keep_type`).
        Sym::Obj(v, ObjType::Inst(cls)) => Ok((v, unsafe { Value::clone_from_bits(cls) })),
        _ => Err("attribute of something other than a module or a plain instance".into()),
    }
}

/// Checks that attribute `name` of `cls`'s instances lives in their `__dict__` only: the
/// class's `__getattribute__` (and for a store `__setattr__`) is `object`'s, and no
/// class along the MRO defines `name` as anything but a plain value or function. Then
/// guards the classes' versions, so it stays so.
pub(super) fn plain_attr(vm: &mut Vm, r: &mut Rec, cls: &Value, name: &Value, store: bool) -> Result<(), Abort> {
    let hooks = [vm.names.__getattribute__.clone(), vm.names.__setattr__.clone()];
    for hook in &hooks[..1 + store as usize] {
        let h = vm.lookup_type(cls, hook);
        if !matches!(h.as_ref().and_then(|h| h.as_obj()).map(|o| &o.kind), Some(ObjKind::Builtin(_))) {
            return Err("class with its own __getattribute__ or __setattr__".into());
        }
    }
    if let Some(a) = vm.lookup_type(cls, name) {
        if matches!(a.as_obj().map(|o| &o.kind), Some(ObjKind::Property(_) | ObjKind::Instance(_) | ObjKind::ClassMethod(_) | ObjKind::StaticMethod(_))) {
            return Err("attribute the class defines as a descriptor".into());
        }
    }
    guard_versions(r, cls);
    Ok(())
}

/// Guards the versions of `cls` and its bases defined in Python, once per trace (and again
/// after a call).
pub(super) fn guard_versions(r: &mut Rec, cls: &Value) {
    for (c, version) in versioned_mro(cls) {
        if r.versions.contains(&c.bits()) {
            continue;
        }
        r.versions.push(c.bits());
        let k = r.emit(OpKind::ConstRef, vec![], c.bits());
        r.emit_guard_imm(OpKind::GuardTypeVersion, vec![k], version);
        if !r.keep.iter().any(|x| x.is(&c)) {
            r.keep.push(c);
        }
    }
}

/// The dict entry of `name` in the instance `obj` (its `__dict__`), with its value.
pub(super) fn dict_entry(obj: &Value, name: &Value) -> Option<(usize, Value)> {
    let Some(Obj { kind: ObjKind::Instance(inst) }) = obj.as_obj() else { return None };
    let d = dict_of(&inst.dict)?.try_borrow().ok()?;
    let i = d.get_str_index(name, str_hash(name))?;
    Some((i, d.value_at(i)?.clone()))
}

/// The slot of attribute `name` of the instances of slotted class `cls` (`runtime/slots.rs`),
/// checked as `plain_attr` checks a `__dict__` attribute: no hook, and nothing of that name
/// on the class; the classes' versions are guarded.
fn slot_attr(vm: &mut Vm, r: &mut Rec, cls: &Value, name: &Value, store: bool) -> Result<usize, Abort> {
    let idx = slot_index(cls, name).ok_or("attribute of a slotted instance that is no slot")?;
    if vm.lookup_type(cls, name).is_some() {
        return Err("slot whose name the class defines too".into());
    }
    plain_attr(vm, r, cls, name, store)?;
    Ok(idx)
}

/// The value of slot `idx` of instance `obj`, when set.
fn slot_value(obj: &Value, idx: usize) -> Option<Value> {
    let Some(Obj { kind: ObjKind::Instance(inst) }) = obj.as_obj() else { return None };
    let s = inst.slots.try_borrow().ok()?;
    s.get(idx).filter(|v| !v.is_null()).cloned()
}

/// `obj.name` for the plain instance on top of the stack: its value from its `__dict__` (or
/// its slot).
pub(super) fn load_attr(vm: &mut Vm, r: &mut Rec, f: &mut Frame, name: &Value) -> Result<(), Abort> {
    if let Sym::Inst(k) = r.top(0)? {
        return super::virtuals::load_attr(vm, r, f, k, name);
    }
    let (o, cls) = instance(r, 0)?;
    let obj = f.stack.last().ok_or("empty stack")?.clone();
    let (read, value) = if slotted(&cls) {
        let idx = slot_attr(vm, r, &cls, name, false)?;
        ((OpKind::SlotGet, idx as u64), slot_value(&obj, idx).ok_or("unset slot")?)
    } else {
        let (hint, value) = dict_entry(&obj, name).ok_or("attribute not in the instance's __dict__")?;
        plain_attr(vm, r, &cls, name, false)?;
        ((OpKind::InstGetAttr, hint as u64), value)
    };
    let s = match r.attrs.iter().find(|(v, n, _)| *v == o && *n == name.bits()) {
        Some(&(_, _, s)) => s,
        None => {
            let kind = Kind::of(&value).ok_or("attribute value of a type the JIT does not handle")?;
            let e = match read {
                (OpKind::SlotGet, idx) => r.emit(OpKind::SlotGet, vec![o], idx),
                (_, hint) => {
                    let n = r.emit(OpKind::ConstRef, vec![], name.bits());
                    r.keep.push(name.clone());
                    r.emit(OpKind::InstGetAttr, vec![o, n], hint)
                }
            };
            let s = r.typed(e, kind)?;
            r.attrs.push((o, name.bits(), s));
            s
        }
    };
    r.pop()?;
    r.stack.push(s);
    f.stack.pop();
    f.stack.push(value);
    Ok(())
}

/// `obj.name = v` for the plain instance on top of the stack, the value under it: replaces
/// the value of an attribute its `__dict__` already has.
pub(super) fn store_attr(vm: &mut Vm, r: &mut Rec, f: &mut Frame, name: &Value) -> Result<(), Abort> {
    if let Sym::Inst(k) = r.top(0)? {
        return super::virtuals::store_attr(vm, r, f, k, name);
    }
    let (o, cls) = instance(r, 0)?;
    // A new object stored here escapes (`virtuals::escape_at`): the store is the effect.
    let escapes = matches!(r.top(1)?, Sym::Inst(_)) && r.calls.is_empty();
    if !escapes {
        r.allow_effect("attribute store")?;
    }
    let n = f.stack.len();
    if n < 2 {
        return Err("empty stack".into());
    }
    let obj = f.stack[n - 1].clone();
    if slotted(&cls) {
        let idx = slot_attr(vm, r, &cls, name, true)? as u64;
        match super::virtuals::escape_at(r, 1)? {
            Some(new) => r.emit_store_of_new(OpKind::SlotSet, vec![o, new], idx, new),
            None => {
                let boxed = r.boxed(r.top(1)?)?;
                r.emit_guard_imm(OpKind::SlotSet, vec![o, boxed], idx);
            }
        }
    } else {
        let (hint, _) = dict_entry(&obj, name).ok_or("attribute store that adds an attribute")?;
        plain_attr(vm, r, &cls, name, true)?;
        let k = r.emit(OpKind::ConstRef, vec![], name.bits());
        r.keep.push(name.clone());
        match super::virtuals::escape_at(r, 1)? {
            Some(new) => r.emit_store_of_new(OpKind::InstSetAttr, vec![o, k, new], hint as u64, new),
            None => {
                let boxed = r.boxed(r.top(1)?)?;
                r.emit_guard_imm(OpKind::InstSetAttr, vec![o, k, boxed], hint as u64);
            }
        }
    }
    let sv = r.top(1)?;
    r.attrs.retain(|(_, nb, _)| *nb != name.bits());
    r.attrs.push((o, name.bits(), sv));
    r.stack.truncate(r.stack.len() - 2);
    let obj = f.stack.pop().ok_or("empty stack")?;
    let v = f.stack.pop().ok_or("empty stack")?;
    vm.setattr(&obj, name, v).map_err(|_| "attribute store raises".to_string())
}

/// `obj.name` before a call (`LoadMethod`) for the plain instance on top of the stack, where
/// `name` is a Python function on the class: pushes the function (a constant) and `obj`.
pub(super) fn load_method(vm: &mut Vm, r: &mut Rec, f: &mut Frame, name: &Value) -> Result<(), Abort> {
    if let Sym::Inst(k) = r.top(0)? {
        return super::virtuals::load_method(vm, r, f, k, name);
    }
    let (o, cls) = instance(r, 0)?;
    let obj = f.stack.last().ok_or("empty stack")?.clone();
    let (m, slf) = vm.load_method(&obj, name).map_err(|_| "method lookup raises".to_string())?;
    if slf.is_null() || !matches!(m.as_obj().map(|o| &o.kind), Some(ObjKind::Function(_))) {
        return Err("method that is not a Python function on the class".into());
    }
    plain_attr(vm, r, &cls, name, false)?;
    if r.attrs.iter().any(|(v, n, _)| *v == o && *n == name.bits()) {
        return Err("method shadowed by an instance attribute".into());
    }
    if slotted(&cls) && slot_index(&cls, name).is_some() {
        return Err("method shadowed by a slot".into());
    }
    // The instance's own dict must not shadow the method: checked, unless the trace made
    // the object and knows all its attributes (or it has no dict).
    let known = slotted(&cls) || r.known_keys.iter().any(|(v, names)| *v == o && !names.contains(&name.bits()));
    if !known {
        let n = r.emit(OpKind::ConstRef, vec![], name.bits());
        r.keep.push(name.clone());
        let e = r.emit(OpKind::InstGetAttr, vec![o, n], u64::MAX);
        r.emit_guard_imm(OpKind::GuardBits, vec![e], Value::NULL.bits());
    }
    r.keep.push(m.clone());
    r.pop()?;
    r.stack.push(Sym::Exact(m.bits()));
    r.stack.push(Sym::Obj(o, ObjType::Inst(cls.bits())));
    f.stack.pop();
    f.stack.push(m);
    f.stack.push(slf);
    Ok(())
}
