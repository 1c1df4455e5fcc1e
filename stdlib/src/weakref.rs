//! `_weakref`. rpy has no weak-reference support in its object model yet, so a `ref` holds a
//! **strong** reference: the referent stays alive while the ref does, `ref()` never returns
//! `None`, callbacks never run, `getweakrefcount` is 0 and `getweakrefs` is empty. Code built on
//! it (`weakref.WeakValueDictionary`, `WeakSet`, `finalize`, ...) works but never drops entries.
//! `proxy` objects forward attribute reads and calls to the referent.

use crate::native::*;
use rpy_interpreter::object::*;
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::{self, Vm};
use rpy_interpreter::PyResult;
use std::cell::RefCell;

thread_local! {
    static REF: RefCell<Value> = const { RefCell::new(Value::NULL) };
    static PROXY: RefCell<Value> = const { RefCell::new(Value::NULL) };
    static CPROXY: RefCell<Value> = const { RefCell::new(Value::NULL) };
}

fn ref_ty() -> Value {
    REF.with(|r| r.borrow().clone())
}

// ref: slot 0 = referent, slot 1 = callback.

fn ref_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let a = &args[1..];
    if !kw.is_empty() && !is_subclass_call(vm, &args[0]) {
        return Err(vm.type_error("ref() takes no keyword arguments".to_string()));
    }
    if a.is_empty() || (a.len() > 2 && !is_subclass_call(vm, &args[0])) {
        return Err(vm.type_error(format!("__new__ expected at {} 2 arguments, got {}", if a.is_empty() { "least" } else { "most" }, a.len())));
    }
    check_referent(vm, &a[0])?;
    let cb = a.get(1).cloned().unwrap_or(Value::NONE);
    Ok(new_instance(&args[0], vec![a[0].clone(), cb], Value::NULL))
}

fn is_subclass_call(_vm: &mut Vm, cls: &Value) -> bool {
    !cls.is(&ref_ty())
}

fn check_referent(vm: &mut Vm, v: &Value) -> PyResult<()> {
    let weakrefable = match v.as_obj() {
        None => false,
        Some(o) => !matches!(o.kind, ObjKind::Int(_) | ObjKind::Str(_) | ObjKind::Tuple(_) | ObjKind::List(_) | ObjKind::Dict(_) | ObjKind::Bytes(_) | ObjKind::Complex(..) | ObjKind::NotImplemented | ObjKind::Ellipsis),
    };
    if !weakrefable {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("cannot create weak reference to '{tn}' object")));
    }
    Ok(())
}

fn ref_init(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn ref_call(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let s = check_self(vm, args, &ref_ty(), "__call__")?;
    check_kwargs(vm, "weakref", kw, &[])?;
    if args.len() > 1 {
        return Err(vm.type_error(format!("weakref() takes no arguments ({} given)", args.len() - 1)));
    }
    Ok(slot(&s, 0))
}

fn ref_hash(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = check_self(vm, args, &ref_ty(), "__hash__")?;
    let o = slot(&s, 0);
    let h = vm.hash(&o)?;
    Ok(int(h))
}

fn ref_eq(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = check_self(vm, args, &ref_ty(), "__eq__")?;
    let other = args.get(1).cloned().unwrap_or(Value::NONE);
    if !is_a(vm, &other, &ref_ty()) {
        return Ok(vm::not_implemented());
    }
    let r = vm.eq(&slot(&s, 0), &slot(&other, 0))?;
    Ok(Value::bool(r))
}

fn ref_ne(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let r = ref_eq(vm, args, kw)?;
    if vm::is_not_implemented(&r) {
        return Ok(r);
    }
    Ok(Value::bool(!r.is(&Value::TRUE)))
}

fn ref_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = check_self(vm, args, &ref_ty(), "__repr__")?;
    let o = slot(&s, 0);
    let tn = vm.type_name(&o);
    let name = match vm.getattr_str(&o, "__name__") {
        Ok(n) if vm::str_of(&n).is_some() => format!(" ({})", vm.repr(&n)?),
        _ => String::new(),
    };
    let _ = name;
    Ok(vm::new_string(format!("<weakref at {:#x}; to '{tn}' at {:#x}>", s.id(), o.id())))
}

fn ref_callback(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = check_self(vm, args, &ref_ty(), "__callback__")?;
    Ok(slot(&s, 1))
}

fn class_getitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    // `ref[int]`: types.GenericAlias when available, else the class itself.
    let cls = args.first().cloned().unwrap_or(Value::NONE);
    let item = args.get(1).cloned().unwrap_or(Value::NONE);
    match vm.import_module("types") {
        Ok(types) => {
            let ga = vm.getattr_str(&types, "GenericAlias")?;
            vm.call(&ga, &[cls, item], &[])
        }
        Err(_) => Ok(cls),
    }
}

fn getweakrefcount(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("getweakrefcount", args, 1, 1)?;
    Ok(int(0))
}

fn getweakrefs(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("getweakrefs", args, 1, 1)?;
    Ok(vm::new_list(vec![]))
}

fn remove_dead_weakref(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("_remove_dead_weakref", args, 2, 2)?;
    // Refs here never die, so there is never a dead entry to remove.
    Ok(Value::NONE)
}

// proxy: slot 0 = referent, slot 1 = callback.

fn proxy(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("proxy", args, 1, 2)?;
    check_referent(vm, &args[0])?;
    let cb = args.get(1).cloned().unwrap_or(Value::NONE);
    let mut t = PROXY.with(|p| p.borrow().clone());
    if vm.is_callable(&args[0]) {
        t = CPROXY.with(|p| p.borrow().clone());
    }
    Ok(new_instance(&t, vec![args[0].clone(), cb], Value::NULL))
}

fn proxy_target(args: &[Value]) -> Value {
    args.first().map(|s| slot(s, 0)).unwrap_or(Value::NONE)
}

fn proxy_target_fn(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(proxy_target(args))
}

fn proxy_getattr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let o = proxy_target(args);
    let n = args.get(1).cloned().unwrap_or(Value::NONE);
    vm.getattr(&o, &n)
}

fn proxy_call(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let o = proxy_target(args);
    vm.call(&o, &args[1..], kw)
}

fn proxy_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let o = proxy_target(args);
    let tn = vm.type_name(&o);
    Ok(vm::new_string(format!("<weakproxy at {:#x}; to '{tn}' at {:#x}>", args[0].id(), o.id())))
}

fn proxy_str(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let o = proxy_target(args);
    vm.str_value(&o)
}

fn proxy_len(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let o = proxy_target(args);
    Ok(int(vm.len(&o)? as i64))
}

fn proxy_getitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let o = proxy_target(args);
    vm.getitem(&o, &args[1])
}

fn proxy_eq(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let o = proxy_target(args);
    Ok(Value::bool(vm.eq(&o, &args[1])?))
}

fn proxy_bool(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let o = proxy_target(args);
    Ok(Value::bool(vm.truthy(&o)?))
}

fn proxy_new(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Err(vm.type_error("cannot create 'weakproxy' instances".to_string()))
}

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let module = vm.new_module("_weakref");
    let methods: &[(&'static str, NativeFn)] = &[
        ("__new__", ref_new),
        ("__init__", ref_init),
        ("__call__", ref_call),
        ("__hash__", ref_hash),
        ("__eq__", ref_eq),
        ("__ne__", ref_ne),
        ("__repr__", ref_repr),
    ];
    let r = new_type(vm, "ReferenceType", "weakref", None, 2, &[], methods);
    if let Some(t) = rpy_interpreter::vm::types::type_obj(&r) {
        *t.name.borrow_mut() = "ReferenceType".to_string();
    }
    let getter = vm.new_native_fn("__callback__", ref_callback);
    set_attr(vm, &r, "__callback__", Value::new_obj(Obj { kind: ObjKind::Property(Property { fget: getter, fset: Value::NONE, fdel: Value::NONE, doc: Value::NONE }) }));
    add_classmethod(vm, &r, "__class_getitem__", class_getitem);
    REF.with(|x| *x.borrow_mut() = r.clone());
    let pmethods: &[(&'static str, NativeFn)] = &[
        ("__new__", proxy_new),
        ("__getattr__", proxy_getattr),
        ("__repr__", proxy_repr),
        ("__str__", proxy_str),
        ("__len__", proxy_len),
        ("__getitem__", proxy_getitem),
        ("__eq__", proxy_eq),
        ("__bool__", proxy_bool),
    ];
    let p = new_type(vm, "ProxyType", "weakref", None, 2, &[], pmethods);
    // Attribute writes must go through Python-level functions (the VM skips native
    // __setattr__/__delattr__ on instances).
    let ns = py_namespace(vm, "def __setattr__(self, name, value):\n    setattr(_target(self), name, value)\ndef __delattr__(self, name):\n    delattr(_target(self), name)\n")?;
    let tf = vm.new_native_fn("_target", proxy_target_fn);
    if let Some(d) = vm::dict_of(&ns) {
        let k = vm.intern("_target");
        vm::dict_set_str(&mut d.borrow_mut(), k, tf);
    }
    for n in ["__setattr__", "__delattr__"] {
        let f = ns_get(vm, &ns, n);
        set_attr(vm, &p, n, f);
    }
    let cp = new_type(vm, "CallableProxyType", "weakref", Some(&p), 0, &[], &[("__call__", proxy_call)]);
    PROXY.with(|x| *x.borrow_mut() = p.clone());
    CPROXY.with(|x| *x.borrow_mut() = cp.clone());
    vm.module_set(&module, "ref", r.clone());
    vm.module_set(&module, "ReferenceType", r);
    vm.module_set(&module, "ProxyType", p);
    vm.module_set(&module, "CallableProxyType", cp);
    let fns: &[(&'static str, NativeFn)] = &[("getweakrefcount", getweakrefcount), ("getweakrefs", getweakrefs), ("proxy", proxy), ("_remove_dead_weakref", remove_dead_weakref)];
    for (n, f) in fns {
        vm.module_add_fn(&module, n, *f);
    }
    Ok(module)
}
