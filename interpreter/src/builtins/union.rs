//! `types.UnionType` (`int | str`, PEP 604, accepted by `isinstance`/`issubclass`) and
//! `types.GenericAlias` (`list[int]`, PEP 585: `__origin__`, `__args__`, calls the origin),
//! plus the descriptor objects `types.py` inspects on the function type.

use super::add_methods;
use crate::object::*;
use crate::value::Value;
use crate::vm::types::type_obj;
use crate::vm::{self, Vm};
use crate::PyResult;

pub fn register(vm: &mut Vm) {
    let t = vm.types.union_type.clone();
    if let Some(to) = type_obj(&t) {
        *to.module.borrow_mut() = vm.intern("types");
    }
    add_methods(vm, &t, &[("__repr__", union_repr), ("__or__", union_or), ("__ror__", union_ror)]);
    let ga = vm.types.generic_alias.clone();
    if let Some(to) = type_obj(&ga) {
        *to.module.borrow_mut() = vm.intern("types");
    }
    add_methods(vm, &ga, &[("__new__", alias_new), ("__repr__", alias_repr), ("__call__", alias_call), ("__or__", union_or), ("__ror__", union_ror)]);
    // `FunctionType.__code__` is a getset descriptor and `__globals__` a member descriptor in
    // CPython; the values themselves are served by the function object's special attributes.
    let func = vm.types.function.clone();
    for (name, ty) in [("__code__", vm.types.getset_descriptor.clone()), ("__globals__", vm.types.member_descriptor.clone())] {
        if let Ok(d) = vm.wrap_subclass(&ty, Value::NONE, &Value::NULL) {
            super::add_attr(vm, &func, name, d);
        }
    }
}

/// `origin[args]` for a built-in class: a `types.GenericAlias`.
pub fn make_alias(vm: &mut Vm, origin: &Value, args: &Value) -> PyResult<Value> {
    let items = match args.as_obj() {
        Some(Obj { kind: ObjKind::Tuple(t) }) => t.to_vec(),
        _ => vec![args.clone()],
    };
    let ty = vm.types.generic_alias.clone();
    let a = vm.wrap_subclass(&ty, origin.clone(), &Value::NULL)?;
    let holder = Value::new_obj(Obj {
        kind: ObjKind::Instance(Instance {
            class: std::cell::RefCell::new(ty),
            dict: vm::new_dict(crate::dict::Dict::new()),
            slots: std::cell::RefCell::new(Vec::new()),
            base: std::cell::RefCell::new(origin.clone()),
            exc: None,
        }),
    });
    drop(a);
    vm.setattr_raw(&holder, "__origin__", origin.clone())?;
    vm.setattr_raw(&holder, "__args__", vm::new_tuple(items))?;
    vm.setattr_raw(&holder, "__parameters__", vm::new_tuple(Vec::new()))?;
    Ok(holder)
}

fn alias_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("GenericAlias", &args[1..], 2, 2)?;
    make_alias(vm, &args[1], &args[2])
}

fn alias_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let origin = vm.getattr_str(&args[0], "__origin__")?;
    let a = vm.getattr_str(&args[0], "__args__")?;
    let name = |vm: &mut Vm, t: &Value| -> PyResult<String> {
        match type_obj(t) {
            Some(to) => {
                let m = to.module.borrow().clone();
                let q = to.qualname.borrow().clone();
                Ok(match vm::str_of(&m) {
                    Some("builtins") | None => q,
                    Some(module) => format!("{module}.{q}"),
                })
            }
            None => {
                if crate::vm::is_not_implemented(t) {
                    return Ok("...".into());
                }
                match t.as_obj().map(|o| &o.kind) {
                    Some(ObjKind::Ellipsis) => Ok("...".into()),
                    _ => vm.repr(t),
                }
            }
        }
    };
    let o = name(vm, &origin)?;
    let mut parts = Vec::new();
    for x in vm.collect(&a)? {
        parts.push(name(vm, &x)?);
    }
    Ok(vm::new_string(format!("{o}[{}]", parts.join(", "))))
}

fn alias_call(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let origin = vm.getattr_str(&args[0], "__origin__")?;
    vm.call(&origin, &args[1..], kw)
}

/// The member types of a union value, if `v` is one.
pub fn union_args(vm: &Vm, v: &Value) -> Option<Vec<Value>> {
    let Some(Obj { kind: ObjKind::Instance(i) }) = v.as_obj() else { return None };
    if !i.class.borrow().is(&vm.types.union_type) {
        return None;
    }
    match i.base.borrow().as_obj() {
        Some(Obj { kind: ObjKind::Tuple(t) }) => Some(t.to_vec()),
        _ => None,
    }
}

impl Vm {
    /// `a | b` where both sides are types, None or unions; None when not applicable.
    pub fn make_union(&mut self, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        let mut args = Vec::new();
        for side in [a, b] {
            if let Some(inner) = union_args(self, side) {
                args.extend(inner);
            } else if side.is_none() {
                args.push(self.types.none.clone());
            } else if type_obj(side).is_some() {
                args.push(side.clone());
            } else {
                return Ok(None);
            }
        }
        let mut uniq: Vec<Value> = Vec::new();
        for a in args {
            if !uniq.iter().any(|u| u.is(&a)) {
                uniq.push(a);
            }
        }
        if uniq.len() == 1 {
            return Ok(uniq.pop());
        }
        let ty = self.types.union_type.clone();
        let tuple = vm::new_tuple(uniq);
        let u = self.wrap_subclass(&ty, tuple.clone(), &Value::NULL)?;
        self.setattr_raw(&u, "__args__", tuple)?;
        Ok(Some(u))
    }
}

fn union_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let items = union_args(vm, &args[0]).unwrap_or_default();
    let mut parts = Vec::new();
    for t in &items {
        if t.is(&vm.types.none) {
            parts.push("None".to_string());
            continue;
        }
        let s = match type_obj(t) {
            Some(to) => {
                let m = to.module.borrow().clone();
                let q = to.qualname.borrow().clone();
                match vm::str_of(&m) {
                    Some("builtins") | None => q,
                    Some(module) => format!("{module}.{q}"),
                }
            }
            None => vm.repr(t)?,
        };
        parts.push(s);
    }
    Ok(vm::new_string(parts.join(" | ")))
}

fn union_or(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(vm.make_union(&args[0], &args[1])?.unwrap_or_else(vm::not_implemented))
}

fn union_ror(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(vm.make_union(&args[1], &args[0])?.unwrap_or_else(vm::not_implemented))
}
