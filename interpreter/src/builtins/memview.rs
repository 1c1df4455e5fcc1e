//! `memoryview` over `bytes`/`bytearray` (format 'B', one dimension). The view keeps a
//! reference to its object and reads it at each access, so a view of a bytearray sees later
//! changes; writes go through to a bytearray. Slicing copies (no shared sub-views yet).

use super::add_methods;
use crate::object::*;
use crate::value::Value;
use crate::vm::ops::bytes_like;
use crate::vm::types::type_obj;
use crate::vm::{self, Vm};
use crate::PyResult;

pub fn register(vm: &mut Vm) {
    let t = vm.types.memoryview.clone();
    add_methods(vm, &t, &[
        ("__new__", mv_new),
        ("__len__", mv_len),
        ("__getitem__", mv_getitem),
        ("__setitem__", mv_setitem),
        ("__iter__", mv_iter),
        ("__eq__", mv_eq),
        ("__enter__", mv_enter),
        ("__exit__", mv_exit),
        ("__repr__", mv_repr),
        ("tobytes", mv_tobytes),
        ("tolist", mv_tolist),
        ("hex", mv_hex),
        ("release", mv_release),
    ]);
    let k = vm.intern("memoryview");
    if let Some(d) = vm::dict_of(&vm.builtins) {
        vm::dict_set_str(&mut d.borrow_mut(), k, t.clone());
    }
    let _ = type_obj(&t);
}

fn target(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Some(Obj { kind: ObjKind::Instance(i) }) = v.as_obj() {
        let b = i.base.borrow().clone();
        if b.is_none() {
            return Err(vm.value_error("operation forbidden on released memoryview object".to_string()));
        }
        return Ok(b);
    }
    Err(vm.type_error("descriptor requires a 'memoryview' object".to_string()))
}

fn data(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    let t = target(vm, v)?;
    Ok(bytes_like(&t).unwrap_or_default())
}

fn mv_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("memoryview", &args[1..], 1, 1)?;
    let obj = &args[1];
    let src = match obj.as_obj().map(|o| &o.kind) {
        Some(ObjKind::Bytes(_) | ObjKind::ByteArray(_)) => obj.clone(),
        Some(ObjKind::Instance(_)) if vm.isinstance_type(obj, &vm.types.memoryview.clone()) => target(vm, obj)?,
        _ => {
            let tn = vm.type_name(obj);
            return Err(vm.type_error(format!("memoryview: a bytes-like object is required, not '{tn}'")));
        }
    };
    let ty = vm.types.memoryview.clone();
    let mv = vm.wrap_subclass(&ty, src.clone(), &Value::NULL)?;
    if let Some(Obj { kind: ObjKind::Instance(i) }) = mv.as_obj() {
        *i.base.borrow_mut() = src;
    }
    Ok(mv)
}

fn mv_len(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let d = data(vm, &args[0])?;
    Ok(vm::new_int(d.len() as i64))
}

fn mv_getitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let t = target(vm, &args[0])?;
    let r = vm.getitem(&t, &args[1])?;
    if bytes_like(&r).is_some() {
        // A slice of a view is a view (of the copied bytes).
        let b = vm::new_bytes(bytes_like(&r).unwrap_or_default());
        let ty = vm.types.memoryview.clone();
        return mv_new(vm, &[ty, b], &[]);
    }
    Ok(r)
}

fn mv_setitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let t = target(vm, &args[0])?;
    if !matches!(t.as_obj().map(|o| &o.kind), Some(ObjKind::ByteArray(_))) {
        return Err(vm.type_error("cannot modify read-only memory".to_string()));
    }
    vm.setitem(&t, args[1].clone(), args[2].clone())?;
    Ok(Value::NONE)
}

fn mv_iter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let d = data(vm, &args[0])?;
    let items: Vec<Value> = d.iter().map(|b| vm::new_int(*b as i64)).collect();
    vm.get_iter(&vm::new_list(items))
}

fn mv_eq(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let a = data(vm, &args[0])?;
    let other = &args[1];
    let b = if vm.isinstance_type(other, &vm.types.memoryview.clone()) { data(vm, other)? } else {
        match bytes_like(other) {
            Some(b) => b,
            None => return Ok(vm::not_implemented()),
        }
    };
    Ok(Value::bool(a == b))
}

fn mv_enter(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn mv_exit(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    mv_release(vm, &args[..1], &[])?;
    Ok(Value::FALSE)
}

fn mv_release(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if let Some(Obj { kind: ObjKind::Instance(i) }) = args[0].as_obj() {
        *i.base.borrow_mut() = Value::NONE;
    }
    Ok(Value::NONE)
}

fn mv_repr(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let released = matches!(args[0].as_obj(), Some(Obj { kind: ObjKind::Instance(i) }) if i.base.borrow().is_none());
    let what = if released { "released memory" } else { "memory" };
    Ok(vm::new_string(format!("<{what} at {:#x}>", args[0].id())))
}

fn mv_tobytes(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let d = data(vm, &args[0])?;
    Ok(vm::new_bytes(d))
}

fn mv_tolist(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let d = data(vm, &args[0])?;
    Ok(vm::new_list(d.iter().map(|b| vm::new_int(*b as i64)).collect()))
}

fn mv_hex(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let d = data(vm, &args[0])?;
    Ok(vm::new_string(d.iter().map(|b| format!("{b:02x}")).collect()))
}
