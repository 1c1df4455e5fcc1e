//! Helpers shared by the native modules that define their own types (`itertools`,
//! `_collections`, `_thread`, `_weakref`, ...).
//!
//! Native types are ordinary `TypeObj`s with `is_builtin: false`, so the VM's protocol paths
//! (`len`, `repr`, `==`, `[]`, `__next__`, ...) find their native dunders the way they find a
//! Python class's methods. Per-instance state lives in the instance's slot vector: each type
//! declares hidden slot names, so a Python subclass with `__slots__` gets indices after them.
//! `__iter__` must be a Python function (the VM ignores native `__iter__`s of instances), so
//! `iter_self()` gives a tiny compiled `def __iter__(self): return self`.

use rpy_interpreter::dict::Dict;
use rpy_interpreter::object::*;
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::types::type_obj;
use rpy_interpreter::vm::{self, Vm};
use rpy_interpreter::PyResult;
use std::cell::{Cell, RefCell};

/// Creates a type `module.name` deriving from `base` (default `object`), whose instances carry
/// `nslots` hidden state slots (plus those of the base). `public_slots` names real slots
/// (readable/writable attributes) that come after the hidden ones.
pub fn new_type(vm: &mut Vm, name: &str, module: &str, base: Option<&Value>, nslots: usize, public_slots: &[&str], methods: &[(&'static str, NativeFn)]) -> Value {
    let base = base.cloned().unwrap_or_else(|| vm.types.object.clone());
    let layout = type_obj(&base).map(|t| t.layout).unwrap_or(Layout::Object);
    let mut slots: Vec<Value> = (0..nslots).map(|i| vm.intern(&format!("\0{name}_{i}"))).collect();
    for s in public_slots {
        slots.push(vm.intern(s));
    }
    let t = Value::new_obj(Obj {
        kind: ObjKind::Type(Box::new(TypeObj {
            name: RefCell::new(name.to_string()),
            qualname: RefCell::new(name.to_string()),
            module: RefCell::new(vm.intern(module)),
            bases: RefCell::new(vec![base.clone()]),
            mro: RefCell::new(Vec::new()),
            dict: RefCell::new(Dict::new()),
            layout,
            version: Cell::new(vm.next_type_version),
            meta: RefCell::new(Value::NULL),
            slots: Some(slots),
            is_builtin: false,
            has_dict: false,
        })),
    });
    vm.next_type_version += 1;
    let mut mro = vec![t.clone()];
    if let Some(bt) = type_obj(&base) {
        mro.extend(bt.mro.borrow().iter().cloned());
    }
    if let Some(tt) = type_obj(&t) {
        *tt.mro.borrow_mut() = mro;
    }
    add_methods(vm, &t, methods);
    let doc = vm.names.__doc__.clone();
    set_attr(vm, &t, "__module__", vm::new_str(module));
    if let Some(tt) = type_obj(&t) {
        vm::dict_set_str(&mut tt.dict.borrow_mut(), doc, Value::NONE);
    }
    vm.type_epoch += 1;
    t
}

pub fn add_methods(vm: &mut Vm, ty: &Value, methods: &[(&'static str, NativeFn)]) {
    rpy_interpreter::builtins::add_methods(vm, ty, methods);
    vm.type_epoch += 1;
}

pub fn set_attr(vm: &mut Vm, ty: &Value, name: &str, v: Value) {
    rpy_interpreter::builtins::add_attr(vm, ty, name, v);
    vm.type_epoch += 1;
}

/// Stores a classmethod implemented natively (called with the class first).
pub fn add_classmethod(vm: &mut Vm, ty: &Value, name: &'static str, f: NativeFn) {
    let func = vm.new_native_fn(name, f);
    set_attr(vm, ty, name, Value::new_obj(Obj { kind: ObjKind::ClassMethod(func) }));
}

/// Stores a staticmethod implemented natively.
pub fn add_staticmethod(vm: &mut Vm, ty: &Value, name: &'static str, f: NativeFn) {
    let func = vm.new_native_fn(name, f);
    set_attr(vm, ty, name, Value::new_obj(Obj { kind: ObjKind::StaticMethod(func) }));
}

/// A new instance of `cls` (a native type or a Python subclass of one) with its state slots.
pub fn new_instance(cls: &Value, slots: Vec<Value>, base: Value) -> Value {
    let has_dict = type_obj(cls).map(|t| t.has_dict).unwrap_or(false);
    Value::new_obj(Obj {
        kind: ObjKind::Instance(Instance {
            class: RefCell::new(cls.clone()),
            dict: if has_dict { vm::new_dict(Dict::new()) } else { Value::NULL },
            slots: RefCell::new(slots),
            base: RefCell::new(base),
            exc: None,
        }),
    })
}

pub fn inst(v: &Value) -> Option<&Instance> {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::Instance(i) }) => Some(i),
        _ => None,
    }
}

/// State slot `i` of a native instance (NULL when absent).
pub fn slot(v: &Value, i: usize) -> Value {
    inst(v).and_then(|x| x.slots.borrow().get(i).cloned()).unwrap_or(Value::NULL)
}

pub fn set_slot(v: &Value, i: usize, x: Value) {
    if let Some(ins) = inst(v) {
        let mut s = ins.slots.borrow_mut();
        if s.len() <= i {
            s.resize(i + 1, Value::NULL);
        }
        s[i] = x;
    }
}

pub fn base_of(v: &Value) -> Value {
    inst(v).map(|i| i.base.borrow().clone()).unwrap_or(Value::NULL)
}

/// Whether `v` is an instance of the native type `ty` (or of a subclass).
pub fn is_a(vm: &Vm, v: &Value, ty: &Value) -> bool {
    inst(v).is_some() && vm.isinstance_type(v, ty)
}

/// Checks `self` (args[0]) is an instance of `ty`; CPython's descriptor error otherwise.
pub fn check_self(vm: &mut Vm, args: &[Value], ty: &Value, meth: &str) -> PyResult<Value> {
    match args.first() {
        Some(s) if is_a(vm, s, ty) => Ok(s.clone()),
        Some(s) => {
            let tn = vm.type_name(s);
            let n = type_obj(ty).map(|t| t.name.borrow().clone()).unwrap_or_default();
            Err(vm.type_error(format!("descriptor '{meth}' requires a '{n}' object but received a '{tn}'")))
        }
        None => {
            let n = type_obj(ty).map(|t| t.name.borrow().clone()).unwrap_or_default();
            Err(vm.type_error(format!("descriptor '{meth}' of '{n}' object needs an argument")))
        }
    }
}

/// Runs Python source in a module's namespace (for the few pieces that must be Python
/// functions, e.g. `__iter__`).
pub fn run_py(vm: &mut Vm, module: &Value, src: &str, filename: &str) -> PyResult<()> {
    let code = vm.compile_source(src, filename, rpy_interpreter::compiler::Mode::Exec)?;
    let globals = vm.module_dict(module).expect("module has a dict");
    if let Some(d) = vm::dict_of(&globals) {
        let k = vm.intern("__builtins__");
        let has = vm::dict_get_str(&d.borrow(), &k).is_some();
        if !has {
            let b = vm.builtins.clone();
            vm::dict_set_str(&mut d.borrow_mut(), k, b);
        }
    }
    vm.run_code(code, globals)?;
    Ok(())
}

/// Reads a module-level value (e.g. a function defined by `run_py`).
pub fn module_get(vm: &mut Vm, module: &Value, name: &str) -> Value {
    let k = vm.intern(name);
    vm.module_dict(module).and_then(|d| vm::dict_of(&d).and_then(|d| vm::dict_get_str(&d.borrow(), &k))).unwrap_or(Value::NULL)
}

/// Runs Python source in a fresh namespace and returns that namespace (a dict).
pub fn py_namespace(vm: &mut Vm, src: &str) -> PyResult<Value> {
    let code = vm.compile_source(src, "<native>", rpy_interpreter::compiler::Mode::Exec)?;
    let mut d = Dict::new();
    let k = vm.intern("__builtins__");
    vm::dict_set_str(&mut d, k, vm.builtins.clone());
    let globals = vm::new_dict(d);
    vm.run_code(code, globals.clone())?;
    Ok(globals)
}

pub fn ns_get(vm: &mut Vm, ns: &Value, name: &str) -> Value {
    let k = vm.intern(name);
    vm::dict_of(ns).and_then(|d| vm::dict_get_str(&d.borrow(), &k)).unwrap_or(Value::NULL)
}

/// `def __iter__(self): return self`.
pub fn iter_self(vm: &mut Vm) -> PyResult<Value> {
    let ns = py_namespace(vm, "def __iter__(self):\n    return self\n")?;
    Ok(ns_get(vm, &ns, "__iter__"))
}

pub fn kwarg(kw: &KwArgs, name: &str) -> Option<Value> {
    rpy_interpreter::builtins::kwarg(kw, name)
}

/// Rejects keyword arguments other than `allowed`.
pub fn check_kwargs(vm: &mut Vm, fname: &str, kw: &KwArgs, allowed: &[&str]) -> PyResult<()> {
    for (k, _) in kw {
        let ks = vm::str_of(k).unwrap_or("");
        if !allowed.contains(&ks) {
            if allowed.is_empty() {
                return Err(vm.type_error(format!("{fname}() takes no keyword arguments")));
            }
            return Err(vm.type_error(format!("{fname}() got an unexpected keyword argument '{ks}'")));
        }
    }
    Ok(())
}

pub fn int(i: i64) -> Value {
    vm::new_int(i)
}

pub fn as_int(v: &Value) -> i64 {
    v.as_small_int().unwrap_or(0)
}

/// `repr()` as a Rust string.
pub fn repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    vm.repr(v)
}

/// Guards a recursive repr: `Ok(None)` when `v` is already being printed.
pub fn repr_enter(vm: &mut Vm, v: &Value) -> bool {
    let id = v.id();
    if vm.repr_stack.contains(&id) {
        return false;
    }
    vm.repr_stack.push(id);
    true
}

pub fn repr_leave(vm: &mut Vm) {
    vm.repr_stack.pop();
}

pub fn type_name_of(ty: &Value) -> String {
    type_obj(ty).map(|t| t.name.borrow().clone()).unwrap_or_default()
}
