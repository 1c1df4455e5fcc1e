//! The `builtins` module and the methods of the built-in types. Each file holds one theme;
//! `init` wires everything into a fresh VM.

pub mod containers;
pub mod dicts;
pub mod iterators;
pub mod memview;
pub mod setobj;
pub mod sort;
pub mod funcs;
pub mod numbers;
pub mod object;
mod percent_args;
pub mod repr;
pub mod strings;
pub mod sysmod;
pub mod union;

use crate::dict::Dict;
use crate::object::*;
use crate::value::Value;
use crate::vm::types::type_obj;
use crate::vm::Vm;
use crate::PyResult;

/// Registers native methods on a built-in type.
pub fn add_methods(vm: &mut Vm, ty: &Value, methods: &[(&'static str, NativeFn)]) {
    for (name, f) in methods {
        let key = vm.intern(name);
        let m = Value::new_obj(Obj { kind: ObjKind::Builtin(Builtin { name, func: *f, bound: Value::NULL, owner: ty.clone() }) });
        if let Some(t) = type_obj(ty) {
            crate::vm::dict_set_str(&mut t.dict.borrow_mut(), key, m);
        }
    }
}

/// Stores a plain attribute on a built-in type.
pub fn add_attr(vm: &mut Vm, ty: &Value, name: &str, v: Value) {
    let key = vm.intern(name);
    if let Some(t) = type_obj(ty) {
        crate::vm::dict_set_str(&mut t.dict.borrow_mut(), key, v);
    }
}

/// Looks up a keyword argument by name.
pub fn kwarg(kw: &KwArgs, name: &str) -> Option<Value> {
    kw.iter().find(|(k, _)| crate::vm::str_of(k) == Some(name)).map(|(_, v)| v.clone())
}

/// Positional argument `i`, or keyword `name`.
pub fn arg(args: &[Value], kw: &KwArgs, i: usize, name: &str) -> Option<Value> {
    args.get(i).cloned().or_else(|| kwarg(kw, name))
}

impl Vm {
    /// Checks a native function's positional arity (CPython-style message).
    pub fn check_arity(&mut self, fname: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
        let n = args.len();
        if n >= min && n <= max {
            return Ok(());
        }
        let msg = if min == max {
            match min {
                0 => format!("{fname}() takes no arguments ({n} given)"),
                1 => format!("{fname}() takes exactly one argument ({n} given)"),
                _ => format!("{fname}() takes exactly {min} arguments ({n} given)"),
            }
        } else if n < min {
            format!("{fname} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
        } else {
            format!("{fname} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
        };
        Err(self.type_error(msg))
    }

    pub fn no_kwargs(&mut self, fname: &str, kw: &KwArgs) -> PyResult<()> {
        if kw.is_empty() {
            Ok(())
        } else {
            Err(self.type_error(format!("{fname}() takes no keyword arguments")))
        }
    }

    /// Wraps a native value for a subclass `cls` of its built-in type (or returns it as is).
    pub fn wrap_subclass(&mut self, cls: &Value, native: Value, builtin: &Value) -> PyResult<Value> {
        if cls.is(builtin) {
            return Ok(native);
        }
        let inst = self.new_instance_of_builtin_subclass(cls)?;
        if let Some(Obj { kind: ObjKind::Instance(i) }) = inst.as_obj() {
            *i.base.borrow_mut() = native;
        }
        Ok(inst)
    }

    fn new_instance_of_builtin_subclass(&mut self, cls: &Value) -> PyResult<Value> {
        let Some(t) = type_obj(cls) else {
            return Err(self.type_error("not a type".to_string()));
        };
        let has_dict = t.has_dict;
        Ok(Value::new_obj(Obj {
            kind: ObjKind::Instance(Instance {
                class: std::cell::RefCell::new(cls.clone()),
                dict: if has_dict { crate::vm::new_dict(Dict::new()) } else { Value::NULL },
                slots: std::cell::RefCell::new(Vec::new()),
                base: std::cell::RefCell::new(Value::NULL),
                exc: None,
            }),
        }))
    }
}

pub fn init(vm: &mut Vm) {
    vm.init_exception_types();
    let mut d = Dict::new();
    let types: Vec<(&str, Value)> = {
        let t = &vm.types;
        vec![
            ("object", t.object.clone()),
            ("type", t.type_.clone()),
            ("int", t.int.clone()),
            ("bool", t.bool_.clone()),
            ("float", t.float.clone()),
            ("complex", t.complex.clone()),
            ("str", t.str_.clone()),
            ("bytes", t.bytes.clone()),
            ("bytearray", t.bytearray.clone()),
            ("list", t.list.clone()),
            ("tuple", t.tuple.clone()),
            ("dict", t.dict.clone()),
            ("set", t.set.clone()),
            ("frozenset", t.frozenset.clone()),
            ("range", t.range.clone()),
            ("slice", t.slice.clone()),
            ("property", t.property.clone()),
            ("classmethod", t.classmethod.clone()),
            ("staticmethod", t.staticmethod.clone()),
            ("super", t.super_.clone()),
            ("enumerate", t.enumerate.clone()),
            ("zip", t.zip.clone()),
            ("map", t.map.clone()),
            ("filter", t.filter.clone()),
            ("reversed", t.reversed.clone()),
        ]
    };
    for (n, v) in types {
        let k = vm.intern(n);
        crate::vm::dict_set_str(&mut d, k, v);
    }
    let excs: Vec<(&'static str, Value)> = vm.types.exc.iter().map(|(k, v)| (*k, v.clone())).collect();
    for (n, v) in excs {
        let k = vm.intern(n);
        crate::vm::dict_set_str(&mut d, k, v);
    }
    let k = vm.intern("EnvironmentError");
    crate::vm::dict_set_str(&mut d, k, vm.exc_type("OSError"));
    let k = vm.intern("IOError");
    crate::vm::dict_set_str(&mut d, k, vm.exc_type("OSError"));
    for (n, v) in [("None", Value::NONE), ("True", Value::TRUE), ("False", Value::FALSE), ("Ellipsis", crate::vm::ellipsis()), ("NotImplemented", crate::vm::not_implemented())] {
        let k = vm.intern(n);
        crate::vm::dict_set_str(&mut d, k, v);
    }
    let k = vm.intern("__debug__");
    crate::vm::dict_set_str(&mut d, k, Value::bool(vm.config.optimize == 0));
    let k = vm.intern("__name__");
    crate::vm::dict_set_str(&mut d, k, vm.intern("builtins"));
    vm.builtins = crate::vm::new_dict(d);
    funcs::register(vm);
    object::register(vm);
    numbers::register(vm);
    strings::register(vm);
    containers::register(vm);
    sysmod::register(vm);
    union::register(vm);
    memview::register(vm);
    let bm = vm.new_module("builtins");
    if let Some(Obj { kind: ObjKind::Module(m) }) = bm.as_obj() {
        let bd = vm.builtins.clone();
        if let (Some(src), Some(dst)) = (crate::vm::dict_of(&bd), crate::vm::dict_of(&m.dict)) {
            let items = src.borrow().items();
            for (k, v) in items {
                crate::vm::dict_set_str(&mut dst.borrow_mut(), k, v);
            }
        }
    }
    // `builtins` module shares the builtins dict itself.
    let bmod = Value::new_obj(Obj { kind: ObjKind::Module(Module { name: vm.intern("builtins"), dict: vm.builtins.clone() }) });
    vm.sys_modules_set("builtins", bmod);
}

/// Adds a native function to the builtins namespace.
pub fn add_builtin(vm: &mut Vm, name: &'static str, f: NativeFn) {
    let v = vm.new_native_fn(name, f);
    let k = vm.intern(name);
    if let Some(d) = crate::vm::dict_of(&vm.builtins) {
        crate::vm::dict_set_str(&mut d.borrow_mut(), k, v);
    }
}
