//! `types.UnionType`: the result of `int | str` (PEP 604), accepted by `isinstance` and
//! `issubclass`, printed as `int | str`.

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
