//! Allocation removal for instances: `cls(args)` of a plain class (`Vm::plain_init`) inside
//! a trace makes a *virtual* instance (`Sym::Inst`), whose attributes are symbols the
//! recorder holds. `__init__` is inlined with the virtual as `self`; attribute loads and
//! stores on it and method lookups on it cost nothing in the trace, and a virtual that only
//! lives within the iteration (the temporary of `a.add(b).scale(k)`) is never allocated.
//!
//! Like a virtual tuple, a virtual never appears in a snapshot: while one is on the loop's
//! stack or in an inlined call, guards resume before it was made (`Rec::resume`), and the
//! interpreter makes it again.
//!
//! A virtual escapes when it is stored in a variable of the loop: then the trace
//! materialises it there (`new_inst`, `inst_init` per attribute), and the variable owns the
//! new object (`HomeState::owned`, see `ownership.rs`). Stored into an attribute of an object
//! or appended to a list, it is materialised too, and the container takes it over
//! (`Rec::emit_store_of_new`); returned by a function trace, it is its result. Any other
//! escape (a call the trace makes, a function trace's variables) stops the recording.

use super::attrs::{dict_entry, plain_attr};
use super::inline::{enter_args, Args};
use super::{Abort, Rec, Sym};
use crate::ir::OpKind;
use crate::runtime::ObjType;
use rpy_interpreter::object::{Obj, ObjKind};
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::frame::Frame;
use rpy_interpreter::dict::Dict;
use rpy_interpreter::vm::{dict_set_str, new_dict, new_plain_instance, Vm};

/// A virtual instance: its class, its attributes in the order its `__dict__` has them, and
/// the real instance the recorder runs the code on.
pub(super) struct VInst {
    cls: Value,
    pub(super) fields: Vec<(Value, Sym)>,
    real: Value,
}

/// `cls(args)` with the `argc` arguments on top of `f`'s stack (`pops` entries with the
/// class), where `cls` is a plain class: makes the virtual instance and enters its inlined
/// `__init__`.
pub(super) fn construct(vm: &mut Vm, r: &mut Rec, f: &Frame, cls: &Value, argc: usize, pops: usize, globals: &Value) -> Result<Box<Frame>, Abort> {
    let init = vm.plain_init(cls).ok_or("call of a class whose construction the JIT does not compute")?;
    let Some(Obj { kind: ObjKind::Function(fun) }) = init.as_obj() else {
        return Err("class whose __init__ is not a Python function".into());
    };
    let real = new_plain_instance(cls, Dict::new());
    if ObjType::of(&real) != Some(ObjType::Inst(cls.bits())) {
        return Err("class whose instances are not plain".into());
    }
    // `__new__`, `__init__` and the class's attributes stay as recorded.
    super::attrs::guard_versions(r, cls);
    let n = f.stack.len();
    if n < argc {
        return Err("empty stack".into());
    }
    let k = r.insts.len() as u32;
    let mut syms = vec![Sym::Inst(k)];
    for d in (0..argc).rev() {
        syms.push(r.top(d)?);
    }
    let mut vals = vec![real.clone()];
    vals.extend_from_slice(&f.stack[n - argc..]);
    r.insts.push(VInst { cls: cls.clone(), fields: Vec::new(), real });
    enter_args(vm, r, fun, Args { syms, vals, pops, ctor: Some(k) }, globals)
}

/// What an inlined `__init__` of virtual `k` returned (`ret`): the instance itself, as
/// `cls(...)` gives it.
pub(super) fn constructed(r: &Rec, k: u32, ret: &Value) -> Result<(Sym, Value), Abort> {
    if !ret.is_none() {
        return Err("__init__ returns something other than None".into());
    }
    let inst = r.insts.get(k as usize).ok_or("virtual instance")?;
    Ok((Sym::Inst(k), inst.real.clone()))
}

/// `obj.name` for virtual `k` on top of the stack: the attribute's symbol.
pub(super) fn load_attr(vm: &mut Vm, r: &mut Rec, f: &mut Frame, k: u32, name: &Value) -> Result<(), Abort> {
    let cls = r.insts[k as usize].cls.clone();
    plain_attr(vm, r, &cls, name, false)?;
    let s = r.insts[k as usize].fields.iter().find(|(n, _)| n.is(name)).map(|&(_, s)| s).ok_or("attribute a new object does not have")?;
    let obj = f.stack.last().ok_or("empty stack")?.clone();
    let (_, value) = dict_entry(&obj, name).ok_or("attribute not in the instance's __dict__")?;
    r.pop()?;
    r.stack.push(s);
    f.stack.pop();
    f.stack.push(value);
    Ok(())
}

/// `obj.name = v` for virtual `k` on top of the stack, the value under it: sets the
/// attribute's symbol (a new attribute goes last, as in the dict).
pub(super) fn store_attr(vm: &mut Vm, r: &mut Rec, f: &mut Frame, k: u32, name: &Value) -> Result<(), Abort> {
    let sv = r.top(1)?;
    if sv.is_virtual() || matches!(sv, Sym::Boxed(_)) {
        return Err("a new object or a call's result stored in a new object's attribute".into());
    }
    let cls = r.insts[k as usize].cls.clone();
    plain_attr(vm, r, &cls, name, true)?;
    let fields = &mut r.insts[k as usize].fields;
    match fields.iter_mut().find(|(n, _)| n.is(name)) {
        Some(slot) => slot.1 = sv,
        None => fields.push((name.clone(), sv)),
    }
    r.stack.truncate(r.stack.len() - 2);
    let obj = f.stack.pop().ok_or("empty stack")?;
    let v = f.stack.pop().ok_or("empty stack")?;
    vm.setattr(&obj, name, v).map_err(|_| "attribute store raises".to_string())
}

/// `obj.name` before a call (`LoadMethod`) for virtual `k` on top of the stack, where `name`
/// is a Python function on the class that no attribute of the instance shadows.
pub(super) fn load_method(vm: &mut Vm, r: &mut Rec, f: &mut Frame, k: u32, name: &Value) -> Result<(), Abort> {
    let obj = f.stack.last().ok_or("empty stack")?.clone();
    let (m, slf) = vm.load_method(&obj, name).map_err(|_| "method lookup raises".to_string())?;
    if slf.is_null() || !matches!(m.as_obj().map(|o| &o.kind), Some(ObjKind::Function(_))) {
        return Err("method that is not a Python function on the class".into());
    }
    let cls = r.insts[k as usize].cls.clone();
    plain_attr(vm, r, &cls, name, false)?;
    if r.insts[k as usize].fields.iter().any(|(n, _)| n.is(name)) {
        return Err("method shadowed by an instance attribute".into());
    }
    r.keep.push(m.clone());
    r.pop()?;
    r.stack.push(Sym::Exact(m.bits()));
    r.stack.push(Sym::Inst(k));
    f.stack.pop();
    f.stack.push(m);
    f.stack.push(slf);
    Ok(())
}

/// Allocates virtual `k` in the trace: its attributes boxed first (their guards resume
/// before the virtual was made), then `new_inst` from a template dict of its attribute
/// names and one `inst_init` per attribute. The
/// result is a new object the trace owns (`Rec::fresh`), whose attributes the recorder
/// knows.
pub(super) fn materialize(r: &mut Rec, k: u32) -> Result<Sym, Abort> {
    let VInst { cls, fields, .. } = r.insts.get(k as usize).ok_or("virtual instance")?;
    let (cls, fields) = (cls.clone(), fields.clone());
    let mut boxed = Vec::with_capacity(fields.len());
    for &(_, s) in &fields {
        boxed.push(r.boxed(s)?);
    }
    // The new object's dict starts as a copy of a template with its keys.
    let mut template = Dict::with_capacity(fields.len());
    for (name, _) in &fields {
        dict_set_str(&mut template, name.clone(), Value::NONE);
    }
    let template = new_dict(template);
    let c = r.emit(OpKind::ConstRef, vec![], cls.bits());
    let t = r.emit(OpKind::ConstRef, vec![], template.bits());
    r.keep.push(template);
    let o = r.emit(OpKind::NewInst, vec![c, t], 0);
    for (i, ((name, s), b)) in fields.iter().zip(boxed).enumerate() {
        r.emit(OpKind::InstInit, vec![o, b], i as u64);
        r.attrs.push((o, name.bits(), *s));
    }
    r.fresh.push(o);
    r.known_keys.push((o, fields.iter().map(|(n, _)| n.bits()).collect()));
    Ok(Sym::Obj(o, ObjType::Inst(cls.bits())))
}

/// Before a store of the value on top of the loop's stack into a variable of the loop: a
/// virtual there escapes, so it is allocated now. The store ends the instruction, so guards
/// after it snapshot again (none of the store's own may resume before it).
pub(super) fn escape_to_home(r: &mut Rec, func: bool) -> Result<(), Abort> {
    let Sym::Inst(k) = r.top(0)? else { return Ok(()) };
    if func {
        return Err("new object stored in a variable of a function trace".into());
    }
    let s = materialize(r, k)?;
    r.pop()?;
    if r.stack.iter().any(|s| s.is_virtual()) {
        return Err("new object stored in a variable while another is live".into());
    }
    r.stack.push(s);
    r.resume = None;
    Ok(())
}

/// Before a store of the stack entry `depth` down into a container (an attribute of an
/// object, a list): a virtual there escapes, so it is allocated now, and the stack entry
/// becomes the new object. Returns it (the trace's reference, for `Rec::emit_store_of_new`),
/// or `None` when the entry is no virtual.
pub(super) fn escape_at(r: &mut Rec, depth: usize) -> Result<Option<super::V>, Abort> {
    let Sym::Inst(k) = r.top(depth)? else { return Ok(None) };
    if !r.calls.is_empty() {
        return Err("new object stored in a container inside an inlined call".into());
    }
    let s = materialize(r, k)?;
    let n = r.stack.len();
    r.stack[n - 1 - depth] = s;
    if r.stack.iter().any(|s| s.is_virtual()) {
        return Err("new object stored while another is live".into());
    }
    // Not in `fresh`: the store hands the reference over.
    let Sym::Obj(o, _) = s else { return Err("new object".into()) };
    r.fresh.retain(|&v| v != o);
    Ok(Some(o))
}
