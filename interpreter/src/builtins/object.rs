//! `object`, `type`, descriptors (`property`, `classmethod`, `staticmethod`), `super`,
//! functions/methods, exceptions, and the read-only special attributes of built-in objects.

use super::{add_attr, add_methods, arg};
use crate::object::*;
use crate::value::Value;
use crate::vm::types::type_obj;
use crate::vm::{self, Vm};
use crate::PyResult;

pub fn register(vm: &mut Vm) {
    let object = vm.types.object.clone();
    add_methods(vm, &object, &[
        ("__new__", object_new),
        ("__init__", object_init),
        ("__repr__", object_repr),
        ("__str__", object_str),
        ("__eq__", object_eq),
        ("__ne__", object_ne),
        ("__hash__", object_hash),
        ("__getattribute__", object_getattribute),
        ("__setattr__", object_setattr),
        ("__delattr__", object_delattr),
        ("__init_subclass__", object_init_subclass),
        ("__format__", object_format),
        ("__dir__", object_dir),
        ("__reduce_ex__", object_reduce_ex),
        ("__sizeof__", object_sizeof),
    ]);
    let ty = vm.types.type_.clone();
    add_methods(vm, &ty, &[("__new__", type_new), ("__init__", type_init), ("mro", type_mro), ("__subclasses__", type_subclasses), ("__call__", type_call), ("__instancecheck__", type_instancecheck), ("__subclasscheck__", type_subclasscheck)]);
    let p = vm.types.property.clone();
    add_methods(vm, &p, &[("__new__", property_new), ("getter", property_getter), ("setter", property_setter), ("deleter", property_deleter), ("__get__", property_get), ("__set__", property_set)]);
    let cm = vm.types.classmethod.clone();
    add_methods(vm, &cm, &[("__new__", classmethod_new), ("__get__", classmethod_get)]);
    let sm = vm.types.staticmethod.clone();
    add_methods(vm, &sm, &[("__new__", staticmethod_new), ("__get__", staticmethod_get)]);
    let su = vm.types.super_.clone();
    add_methods(vm, &su, &[("__new__", super_new)]);
    let f = vm.types.function.clone();
    add_methods(vm, &f, &[("__get__", function_get)]);
    let md = vm.types.method_descriptor.clone();
    add_methods(vm, &md, &[("__get__", method_descriptor_get)]);
    let be = vm.exc_type("BaseException");
    add_methods(vm, &be, &[("__new__", exc_new), ("__init__", exc_init), ("__repr__", exc_repr), ("__str__", exc_str), ("with_traceback", exc_with_traceback), ("add_note", exc_add_note)]);
    let eg = vm.exc_type("BaseExceptionGroup");
    add_methods(vm, &eg, &[("__new__", eg_new), ("__init__", eg_init), ("split", eg_split), ("subgroup", eg_subgroup), ("derive", eg_derive), ("__str__", eg_str)]);
    let se = vm.exc_type("SyntaxError");
    add_methods(vm, &se, &[("__init__", syntax_error_init), ("__str__", syntax_error_str)]);
    let si = vm.exc_type("StopIteration");
    add_methods(vm, &si, &[("__init__", stop_iteration_init)]);
    let sx = vm.exc_type("SystemExit");
    add_methods(vm, &sx, &[("__init__", system_exit_init)]);
    let ke = vm.exc_type("KeyError");
    add_methods(vm, &ke, &[("__str__", key_error_str)]);
    let os = vm.exc_type("OSError");
    add_methods(vm, &os, &[("__new__", os_error_new), ("__init__", os_error_init), ("__str__", os_error_str)]);
    let ie = vm.exc_type("ImportError");
    add_methods(vm, &ie, &[("__init__", import_error_init)]);
    let ude = vm.exc_type("UnicodeDecodeError");
    add_methods(vm, &ude, &[("__init__", unicode_decode_init), ("__str__", unicode_decode_str)]);
    let uee = vm.exc_type("UnicodeEncodeError");
    add_methods(vm, &uee, &[("__init__", unicode_encode_init), ("__str__", unicode_encode_str)]);
    let ute = vm.exc_type("UnicodeTranslateError");
    add_methods(vm, &ute, &[("__init__", unicode_translate_init), ("__str__", unicode_translate_str)]);
    let none = vm.types.none.clone();
    add_methods(vm, &none, &[("__new__", none_new)]);
    add_attr(vm, &object, "__doc__", vm::new_str("The base class of the class hierarchy."));
}

thread_local! {
    static MEMBER_TYPE: std::cell::RefCell<Option<Value>> = const { std::cell::RefCell::new(None) };
}

/// A `member_descriptor` for slot `name` of class `owner` (what `Cls.slot` evaluates to).
pub fn member_descriptor(vm: &mut Vm, name: &Value, owner: &Value) -> Value {
    let ty = match MEMBER_TYPE.with(|m| m.borrow().clone()) {
        Some(t) => t,
        None => {
            let object = vm.types.object.clone();
            let t = crate::vm::types::make_type(&mut vm.interner, "member_descriptor", Some(&object), Layout::Other);
            add_methods(vm, &t, &[("__get__", member_get), ("__set__", member_set), ("__delete__", member_delete), ("__repr__", member_repr)]);
            MEMBER_TYPE.with(|m| *m.borrow_mut() = Some(t.clone()));
            t
        }
    };
    Value::new_obj(Obj {
        kind: ObjKind::Instance(Instance {
            class: std::cell::RefCell::new(ty),
            dict: Value::NULL,
            slots: std::cell::RefCell::new(vec![name.clone(), owner.clone()]),
            base: std::cell::RefCell::new(Value::NULL),
            exc: None,
        }),
    })
}

thread_local! {
    static FRAME_TYPE: std::cell::RefCell<Option<Value>> = const { std::cell::RefCell::new(None) };
}

/// A read-only stand-in for the frame of a traceback entry: `f_code`, `f_lineno`, `f_lasti`.
fn traceback_frame(vm: &mut Vm, e: &TbEntry) -> Value {
    let ty = match FRAME_TYPE.with(|m| m.borrow().clone()) {
        Some(t) => t,
        None => {
            let object = vm.types.object.clone();
            let t = crate::vm::types::make_type(&mut vm.interner, "frame", Some(&object), Layout::Other);
            FRAME_TYPE.with(|m| *m.borrow_mut() = Some(t.clone()));
            t
        }
    };
    let mut d = crate::dict::Dict::new();
    let code = Value::new_obj(Obj { kind: ObjKind::Code(e.code.clone()) });
    let line = vm::new_int(e.code.line_at(e.pc as usize) as i64);
    for (k, v) in [("f_code", code), ("f_lineno", line), ("f_lasti", vm::new_int(e.pc as i64 * 2))] {
        let k = vm.intern(k);
        vm::dict_set_str(&mut d, k, v);
    }
    Value::new_obj(Obj {
        kind: ObjKind::Instance(Instance {
            class: std::cell::RefCell::new(ty),
            dict: vm::new_dict(d),
            slots: std::cell::RefCell::new(Vec::new()),
            base: std::cell::RefCell::new(Value::NULL),
            exc: None,
        }),
    })
}

fn member_parts(v: &Value) -> (Value, Value) {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::Instance(i) }) => {
            let s = i.slots.borrow();
            (s.first().cloned().unwrap_or(Value::NONE), s.get(1).cloned().unwrap_or(Value::NONE))
        }
        _ => (Value::NONE, Value::NONE),
    }
}

fn member_get(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("__get__", args, 2, 3)?;
    if args[1].is_none() {
        return Ok(args[0].clone());
    }
    let (name, _) = member_parts(&args[0]);
    let t = vm.type_of(&args[1]);
    match vm.generic_getattr(&args[1], &t, &name)? {
        Some(v) => Ok(v),
        None => Err(vm.no_attribute(&args[1], &name)),
    }
}

fn member_set(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("__set__", args, 3, 3)?;
    let (name, _) = member_parts(&args[0]);
    vm.generic_setattr(&args[1], &name, args[2].clone())?;
    Ok(Value::NONE)
}

fn member_delete(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("__delete__", args, 2, 2)?;
    let (name, _) = member_parts(&args[0]);
    vm.generic_delattr(&args[1], &name)?;
    Ok(Value::NONE)
}

fn member_repr(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (name, owner) = member_parts(&args[0]);
    let n = vm::str_of(&name).unwrap_or("?").to_string();
    let o = type_obj(&owner).map(|t| t.name.borrow().clone()).unwrap_or_default();
    Ok(vm::new_string(format!("<member '{n}' of '{o}' objects>")))
}

fn object_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let Some(cls) = args.first() else {
        return Err(vm.type_error("object.__new__(): not enough arguments".to_string()));
    };
    if args.len() > 1 {
        let init = vm.lookup_type_str(cls, "__init__");
        let oinit = vm.lookup_type_str(&vm.types.object.clone(), "__init__");
        let new = vm.lookup_type_str(cls, "__new__");
        let onew = vm.lookup_type_str(&vm.types.object.clone(), "__new__");
        let init_overridden = !matches!((&init, &oinit), (Some(a), Some(b)) if a.is(b));
        let new_overridden = !matches!((&new, &onew), (Some(a), Some(b)) if a.is(b));
        if new_overridden || !init_overridden {
            let n = type_obj(cls).map(|t| t.name.borrow().clone()).unwrap_or_default();
            return Err(vm.type_error(format!("{n}() takes no arguments")));
        }
    }
    vm.new_instance(cls)
}

fn object_init(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    if args.len() > 1 || !kw.is_empty() {
        let t = vm.type_of(&args[0]);
        let init = vm.lookup_type_str(&t, "__init__");
        let oinit = vm.lookup_type_str(&vm.types.object.clone(), "__init__");
        let new = vm.lookup_type_str(&t, "__new__");
        let onew = vm.lookup_type_str(&vm.types.object.clone(), "__new__");
        let init_overridden = !matches!((&init, &oinit), (Some(a), Some(b)) if a.is(b));
        let new_overridden = !matches!((&new, &onew), (Some(a), Some(b)) if a.is(b));
        if init_overridden || !new_overridden {
            return Err(vm.type_error("object.__init__() takes exactly one argument (the instance to initialize)".to_string()));
        }
    }
    Ok(Value::NONE)
}

fn object_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let o = &args[0];
    let t = vm.type_of(o);
    let (m, q) = type_obj(&t).map(|t| (t.module.borrow().clone(), t.qualname.borrow().clone())).unwrap_or((Value::NONE, String::new()));
    let module = vm::str_of(&m).unwrap_or("builtins").to_string();
    let name = if module == "builtins" { q } else { format!("{module}.{q}") };
    Ok(vm::new_string(format!("<{name} object at {:#x}>", o.id())))
}

fn object_str(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.repr_value(&args[0])
}

fn object_eq(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if args.len() == 2 && args[0].is(&args[1]) {
        return Ok(Value::TRUE);
    }
    Ok(vm::not_implemented())
}

fn object_ne(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if args.len() != 2 {
        return Ok(vm::not_implemented());
    }
    let r = vm.compare(crate::bytecode::opcodes::CmpOp::Eq, &args[0], &args[1])?;
    if vm::is_not_implemented(&r) {
        return Ok(r);
    }
    let t = vm.truthy(&r)?;
    Ok(Value::bool(!t))
}

fn object_hash(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(vm::new_int((args[0].id() >> 4) as i64))
}

fn object_getattribute(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("__getattribute__", args, 2, 2)?;
    let t = vm.type_of(&args[0]);
    match vm.generic_getattr(&args[0], &t, &args[1])? {
        Some(v) => Ok(v),
        None => Err(vm.no_attribute(&args[0], &args[1])),
    }
}

fn object_setattr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("__setattr__", args, 3, 3)?;
    vm.generic_setattr(&args[0], &args[1], args[2].clone())?;
    Ok(Value::NONE)
}

fn object_delattr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("__delattr__", args, 2, 2)?;
    vm.generic_delattr(&args[0], &args[1])?;
    Ok(Value::NONE)
}

fn object_init_subclass(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        let n = args.first().and_then(|c| type_obj(c).map(|t| t.name.borrow().clone())).unwrap_or_else(|| "object".to_string());
        return Err(vm.type_error(format!("{n}.__init_subclass__() takes no keyword arguments")));
    }
    Ok(Value::NONE)
}

fn object_format(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let spec = args.get(1).and_then(|s| vm::str_of(s).map(|x| x.to_string())).unwrap_or_default();
    if !spec.is_empty() {
        let tn = vm.type_name(&args[0]);
        return Err(vm.type_error(format!("unsupported format string passed to {tn}.__format__")));
    }
    vm.str_value(&args[0])
}

fn object_dir(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let f = vm.builtin_value("dir")?;
    vm.call(&f, &args[..1], &[])
}

fn object_reduce_ex(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Err(vm.type_error("pickling is not supported".to_string()))
}

fn object_sizeof(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let _ = vm;
    Ok(vm::new_int(16))
}

fn type_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    match args.len() {
        2 => Ok(vm.type_of(&args[1])),
        4 => vm.new_class(&args[0], &args[1], &args[2], &args[3], kw),
        _ => Err(vm.type_error("type() takes 1 or 3 arguments".to_string())),
    }
}

fn type_init(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn type_call(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let Some((cls, rest)) = args.split_first() else {
        return Err(vm.type_error("descriptor '__call__' of 'type' object needs an argument".to_string()));
    };
    vm.type_call_default(cls, rest, kw)
}

fn type_mro(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let mro = type_obj(&args[0]).map(|t| t.mro.borrow().clone()).unwrap_or_default();
    let _ = vm;
    Ok(vm::new_list(mro))
}

fn type_subclasses(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(vm::new_list(args.first().map(crate::vm::class::subclasses_of).unwrap_or_default()))
}

fn type_instancecheck(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("__instancecheck__", args, 2, 2)?;
    Ok(Value::bool(vm.isinstance_type(&args[1], &args[0])))
}

fn type_subclasscheck(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("__subclasscheck__", args, 2, 2)?;
    Ok(Value::bool(vm.is_subtype(&args[1], &args[0])))
}

fn property_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let g = |i: usize, n: &str| arg(&args[1..], kw, i, n).unwrap_or(Value::NONE);
    let fget = g(0, "fget");
    let mut doc = g(3, "doc");
    if doc.is_none() && !fget.is_none() {
        doc = vm.getattr_opt(&fget, &vm.names.__doc__.clone())?.unwrap_or(Value::NONE);
    }
    let p = Value::new_obj(Obj { kind: ObjKind::Property(Property { fget, fset: g(1, "fset"), fdel: g(2, "fdel"), doc }) });
    let _ = vm;
    Ok(p)
}

fn prop_of(v: &Value) -> Option<&Property> {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::Property(p) }) => Some(p),
        _ => None,
    }
}

fn property_copy(vm: &mut Vm, args: &[Value], which: usize) -> PyResult<Value> {
    vm.check_arity("property copy", args, 2, 2)?;
    let Some(p) = prop_of(&args[0]) else { return Err(vm.type_error("not a property".to_string())) };
    let mut parts = [p.fget.clone(), p.fset.clone(), p.fdel.clone()];
    parts[which] = args[1].clone();
    let mut doc = p.doc.clone();
    if which == 0 && (doc.is_none()) {
        doc = vm.getattr_opt(&args[1], &vm.names.__doc__.clone())?.unwrap_or(Value::NONE);
    }
    let [fget, fset, fdel] = parts;
    Ok(Value::new_obj(Obj { kind: ObjKind::Property(Property { fget, fset, fdel, doc }) }))
}

fn property_getter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    property_copy(vm, args, 0)
}
fn property_setter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    property_copy(vm, args, 1)
}
fn property_deleter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    property_copy(vm, args, 2)
}

fn property_get(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let p = prop_of(&args[0]).map(|p| p.fget.clone()).unwrap_or(Value::NONE);
    if args.len() < 2 || args[1].is_none() {
        return Ok(args[0].clone());
    }
    vm.call(&p, &args[1..2], &[])
}

fn property_set(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let p = prop_of(&args[0]).map(|p| p.fset.clone()).unwrap_or(Value::NONE);
    if p.is_none() {
        return Err(vm.attribute_error("can't set attribute".to_string()));
    }
    vm.call(&p, &args[1..3], &[])?;
    Ok(Value::NONE)
}

fn classmethod_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("classmethod", &args[1..], 1, 1)?;
    Ok(Value::new_obj(Obj { kind: ObjKind::ClassMethod(args[1].clone()) }))
}

fn classmethod_get(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let f = match args[0].as_obj() {
        Some(Obj { kind: ObjKind::ClassMethod(f) }) => f.clone(),
        _ => Value::NONE,
    };
    let owner = args.get(2).cloned().unwrap_or(Value::NONE);
    Ok(Value::new_obj(Obj { kind: ObjKind::BoundMethod(owner, f) }))
}

fn staticmethod_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("staticmethod", &args[1..], 1, 1)?;
    Ok(Value::new_obj(Obj { kind: ObjKind::StaticMethod(args[1].clone()) }))
}

fn staticmethod_get(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(match args[0].as_obj() {
        Some(Obj { kind: ObjKind::StaticMethod(f) }) => f.clone(),
        _ => Value::NONE,
    })
}

fn super_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    match args.len() {
        3 => {
            if type_obj(&args[1]).is_none() {
                let tn = vm.type_name(&args[1]);
                return Err(vm.type_error(format!("super() argument 1 must be a type, not {tn}")));
            }
            let ok = vm.isinstance_type(&args[2], &args[1]) || (type_obj(&args[2]).is_some() && vm.is_subtype(&args[2], &args[1]));
            if !ok {
                return Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type".to_string()));
            }
            Ok(Value::new_obj(Obj { kind: ObjKind::Super(args[1].clone(), args[2].clone()) }))
        }
        1 => Err(vm.new_error("RuntimeError", "super(): no arguments".to_string())),
        _ => Err(vm.type_error("super() takes 0 or 2 arguments".to_string())),
    }
}

fn function_get(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if args.len() < 2 || args[1].is_none() {
        return Ok(args[0].clone());
    }
    Ok(Value::new_obj(Obj { kind: ObjKind::BoundMethod(args[1].clone(), args[0].clone()) }))
}

fn method_descriptor_get(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let Some(Obj { kind: ObjKind::Builtin(b) }) = args[0].as_obj() else { return Ok(args[0].clone()) };
    if args.len() < 2 || args[1].is_none() {
        return Ok(args[0].clone());
    }
    Ok(Value::new_obj(Obj { kind: ObjKind::Builtin(Builtin { name: b.name, func: b.func, bound: args[1].clone(), owner: b.owner.clone() }) }))
}

fn exc_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let cls = &args[0];
    let inst = vm.new_instance(cls)?;
    if let Some(f) = crate::vm::exc::exc_fields(&inst) {
        f.borrow_mut().args = vm::new_tuple(args[1..].to_vec());
    }
    Ok(inst)
}

fn exc_init(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        let tn = vm.type_name(&args[0]);
        return Err(vm.type_error(format!("{tn}() takes no keyword arguments")));
    }
    if let Some(f) = crate::vm::exc::exc_fields(&args[0]) {
        f.borrow_mut().args = vm::new_tuple(args[1..].to_vec());
    }
    Ok(Value::NONE)
}

fn exc_args(v: &Value) -> Vec<Value> {
    let a = crate::vm::exc::exc_fields(v).map(|f| f.borrow().args.clone()).unwrap_or(Value::NONE);
    match a.as_obj() {
        Some(Obj { kind: ObjKind::Tuple(t) }) => t.to_vec(),
        _ => Vec::new(),
    }
}

fn exc_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let t = vm.type_of(&args[0]);
    let name = type_obj(&t).map(|t| t.name.borrow().clone()).unwrap_or_default();
    let a = exc_args(&args[0]);
    let inner = if a.len() == 1 {
        vm.repr(&a[0])?
    } else {
        let r = vm.repr(&vm::new_tuple(a.clone()))?;
        if a.is_empty() { String::new() } else { r[1..r.len() - 1].to_string() }
    };
    Ok(vm::new_string(format!("{name}({inner})")))
}

fn exc_str(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.exception_str(&args[0])
}

fn key_error_str(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.exception_str(&args[0])
}

fn exc_with_traceback(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("with_traceback", args, 2, 2)?;
    let k = vm.names.__traceback__.clone();
    vm.set_exc_special(&args[0], &k, &args[1])?;
    Ok(args[0].clone())
}

fn exc_add_note(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("add_note", args, 2, 2)?;
    if vm::str_of(&args[1]).is_none() {
        let tn = vm.type_name(&args[1]);
        return Err(vm.type_error(format!("note must be a str, not '{tn}'")));
    }
    let k = vm.names.__notes__.clone();
    let notes = match vm.getattr_opt(&args[0], &k)? {
        Some(n) => n,
        None => {
            let l = vm::new_list(Vec::new());
            vm.setattr(&args[0], &k, l.clone())?;
            l
        }
    };
    vm.call_method(&notes, "append", &[args[1].clone()])?;
    Ok(Value::NONE)
}

fn set_inst_attr(vm: &mut Vm, obj: &Value, name: &str, v: Value) {
    if let Some(Obj { kind: ObjKind::Instance(i) }) = obj.as_obj() {
        if let Some(d) = vm::dict_of(&i.dict) {
            let k = vm.intern(name);
            vm::dict_set_str(&mut d.borrow_mut(), k, v);
        }
    }
}

fn stop_iteration_init(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    exc_init(vm, args, kw)?;
    let v = args.get(1).cloned().unwrap_or(Value::NONE);
    set_inst_attr(vm, &args[0], "value", v);
    Ok(Value::NONE)
}

fn system_exit_init(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    exc_init(vm, args, kw)?;
    let v = match args.len() {
        1 => Value::NONE,
        2 => args[1].clone(),
        _ => vm::new_tuple(args[1..].to_vec()),
    };
    set_inst_attr(vm, &args[0], "code", v);
    Ok(Value::NONE)
}

fn import_error_init(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    if let Some(f) = crate::vm::exc::exc_fields(&args[0]) {
        f.borrow_mut().args = vm::new_tuple(args[1..].to_vec());
    }
    let name = super::kwarg(kw, "name").unwrap_or(Value::NONE);
    let path = super::kwarg(kw, "path").unwrap_or(Value::NONE);
    set_inst_attr(vm, &args[0], "name", name);
    set_inst_attr(vm, &args[0], "path", path);
    let msg = args.get(1).cloned().unwrap_or(Value::NONE);
    set_inst_attr(vm, &args[0], "msg", msg);
    Ok(Value::NONE)
}

/// The OSError subclass CPython picks for an errno (Linux values).
fn os_error_subclass(errno: i64) -> Option<&'static str> {
    Some(match errno {
        11 | 114 | 115 => "BlockingIOError",
        10 => "ChildProcessError",
        32 | 108 => "BrokenPipeError",
        103 => "ConnectionAbortedError",
        111 => "ConnectionRefusedError",
        104 => "ConnectionResetError",
        17 => "FileExistsError",
        2 => "FileNotFoundError",
        21 => "IsADirectoryError",
        20 => "NotADirectoryError",
        4 => "InterruptedError",
        1 | 13 => "PermissionError",
        3 => "ProcessLookupError",
        110 => "TimeoutError",
        _ => return None,
    })
}

fn os_error_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let mut cls = args[0].clone();
    let n = args.len() - 1;
    if cls.is(&vm.exc_type("OSError")) && (2..=5).contains(&n) {
        if let Some(name) = args[1].as_small_int().and_then(os_error_subclass) {
            cls = vm.exc_type(name);
        }
    }
    let mut v = vec![cls];
    v.extend_from_slice(&args[1..]);
    let inst = exc_new(vm, &v, kw)?;
    os_error_fill(vm, &inst, &args[1..]);
    Ok(inst)
}

fn os_error_fill(vm: &mut Vm, inst: &Value, a: &[Value]) {
    let (mut errno, mut strerror, mut filename, mut filename2) = (Value::NONE, Value::NONE, Value::NONE, Value::NONE);
    if (2..=5).contains(&a.len()) {
        errno = a[0].clone();
        strerror = a[1].clone();
        if a.len() >= 3 {
            filename = a[2].clone();
        }
        if a.len() >= 5 {
            filename2 = a[4].clone();
        }
        if a.len() >= 3 && !filename.is_none() {
            if let Some(f) = crate::vm::exc::exc_fields(inst) {
                f.borrow_mut().args = vm::new_tuple(a[..2].to_vec());
            }
        }
    }
    set_inst_attr(vm, inst, "errno", errno);
    set_inst_attr(vm, inst, "strerror", strerror);
    set_inst_attr(vm, inst, "filename", filename);
    set_inst_attr(vm, inst, "filename2", filename2);
}

fn os_error_init(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    exc_init(vm, args, kw)?;
    os_error_fill(vm, &args[0], &args[1..]);
    Ok(Value::NONE)
}

fn os_error_str(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let get = |vm: &mut Vm, n: &str| vm.getattr_str(&args[0], n).unwrap_or(Value::NONE);
    let (errno, strerror, fname, fname2) = (get(vm, "errno"), get(vm, "strerror"), get(vm, "filename"), get(vm, "filename2"));
    if !fname.is_none() {
        let e = vm.to_str(&errno)?;
        let s = vm.to_str(&strerror)?;
        let f = vm.repr(&fname)?;
        if !fname2.is_none() {
            let f2 = vm.repr(&fname2)?;
            return Ok(vm::new_string(format!("[Errno {e}] {s}: {f} -> {f2}")));
        }
        return Ok(vm::new_string(format!("[Errno {e}] {s}: {f}")));
    }
    if !errno.is_none() || !strerror.is_none() {
        let e = vm.to_str(&errno)?;
        let s = vm.to_str(&strerror)?;
        return Ok(vm::new_string(format!("[Errno {e}] {s}")));
    }
    vm.exception_str(&args[0])
}

fn unicode_error_init(vm: &mut Vm, args: &[Value], kw: &KwArgs, fname: &str, with_encoding: bool) -> PyResult<Value> {
    exc_init(vm, args, kw)?;
    let a = &args[1..];
    let want = if with_encoding { 5 } else { 4 };
    if a.len() != want {
        return Err(vm.type_error(format!("function takes exactly {want} arguments ({} given)", a.len())));
    }
    let mut i = 0;
    if with_encoding {
        if vm::str_of(&a[0]).is_none() {
            let tn = vm.type_name(&a[0]);
            return Err(vm.type_error(format!("argument 1 must be str, not {tn}")));
        }
        set_inst_attr(vm, &args[0], "encoding", a[0].clone());
        i = 1;
    }
    let obj = a[i].clone();
    if fname == "decode" {
        if !matches!(obj.as_obj().map(|o| &o.kind), Some(ObjKind::Bytes(_) | ObjKind::ByteArray(_))) {
            let tn = vm.type_name(&obj);
            return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
        }
    } else if vm::str_of(&obj).is_none() {
        let tn = vm.type_name(&obj);
        return Err(vm.type_error(format!("argument {} must be str, not {tn}", i + 1)));
    }
    set_inst_attr(vm, &args[0], "object", obj);
    let start = vm.index_value(&a[i + 1])?;
    let end = vm.index_value(&a[i + 2])?;
    set_inst_attr(vm, &args[0], "start", vm::new_int(start));
    set_inst_attr(vm, &args[0], "end", vm::new_int(end));
    if vm::str_of(&a[i + 3]).is_none() {
        let tn = vm.type_name(&a[i + 3]);
        return Err(vm.type_error(format!("argument {} must be str, not {tn}", i + 4)));
    }
    set_inst_attr(vm, &args[0], "reason", a[i + 3].clone());
    Ok(Value::NONE)
}

fn unicode_decode_init(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    unicode_error_init(vm, args, kw, "decode", true)
}
fn unicode_encode_init(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    unicode_error_init(vm, args, kw, "encode", true)
}
fn unicode_translate_init(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    unicode_error_init(vm, args, kw, "translate", false)
}

/// (encoding, object, start, end, reason) of a Unicode error; None when its init never ran.
fn unicode_error_parts(vm: &mut Vm, e: &Value) -> Option<(String, Value, i64, i64, String)> {
    let mut get = |n: &str| vm.getattr_str(e, n).ok();
    let enc = get("encoding");
    let obj = get("object")?;
    let start = get("start")?.as_small_int()?;
    let end = get("end")?.as_small_int()?;
    let reason = get("reason")?;
    let enc_s = enc.as_ref().and_then(|v| vm::str_of(v).map(|s| s.to_string())).unwrap_or_default();
    let reason_s = vm::str_of(&reason).unwrap_or("").to_string();
    Some((enc_s, obj, start, end, reason_s))
}

fn unicode_decode_str(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let Some((enc, obj, start, end, reason)) = unicode_error_parts(vm, &args[0]) else { return vm.exception_str(&args[0]) };
    let bytes: Vec<u8> = match obj.as_obj().map(|o| &o.kind) {
        Some(ObjKind::Bytes(b)) => b.to_vec(),
        Some(ObjKind::ByteArray(b)) => b.borrow().clone(),
        _ => Vec::new(),
    };
    if start >= 0 && (start as usize) < bytes.len() && end == start + 1 {
        return Ok(vm::new_string(format!("'{enc}' codec can't decode byte 0x{:02x} in position {start}: {reason}", bytes[start as usize])));
    }
    Ok(vm::new_string(format!("'{enc}' codec can't decode bytes in position {start}-{}: {reason}", end - 1)))
}

fn char_escape(c: char) -> String {
    let c = c as u32;
    if c <= 0xff {
        format!("\\x{c:02x}")
    } else if c <= 0xffff {
        format!("\\u{c:04x}")
    } else {
        format!("\\U{c:08x}")
    }
}

fn unicode_char_at(obj: &Value, start: i64, end: i64) -> Option<char> {
    let s = vm::str_of(obj)?;
    if start < 0 || end != start + 1 {
        return None;
    }
    s.chars().nth(start as usize)
}

fn unicode_encode_str(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let Some((enc, obj, start, end, reason)) = unicode_error_parts(vm, &args[0]) else { return vm.exception_str(&args[0]) };
    if let Some(c) = unicode_char_at(&obj, start, end) {
        return Ok(vm::new_string(format!("'{enc}' codec can't encode character '{}' in position {start}: {reason}", char_escape(c))));
    }
    Ok(vm::new_string(format!("'{enc}' codec can't encode characters in position {start}-{}: {reason}", end - 1)))
}

fn unicode_translate_str(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let Some((_, obj, start, end, reason)) = unicode_error_parts(vm, &args[0]) else { return vm.exception_str(&args[0]) };
    if let Some(c) = unicode_char_at(&obj, start, end) {
        return Ok(vm::new_string(format!("can't translate character '{}' in position {start}: {reason}", char_escape(c))));
    }
    Ok(vm::new_string(format!("can't translate characters in position {start}-{}: {reason}", end - 1)))
}

fn syntax_error_init(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    exc_init(vm, args, kw)?;
    let msg = args.get(1).cloned().unwrap_or(Value::NONE);
    set_inst_attr(vm, &args[0], "msg", msg);
    let mut details = vec![Value::NONE; 6];
    if let Some(d) = args.get(2) {
        if let Ok(items) = vm.collect(d) {
            for (i, it) in items.into_iter().take(6).enumerate() {
                details[i] = it;
            }
        }
    }
    for (i, n) in ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"].iter().enumerate() {
        set_inst_attr(vm, &args[0], n, details[i].clone());
    }
    set_inst_attr(vm, &args[0], "print_file_and_line", Value::NONE);
    Ok(Value::NONE)
}

fn syntax_error_str(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let msg = vm.getattr_str(&args[0], "msg").unwrap_or(Value::NONE);
    let m = if msg.is_none() { String::new() } else { vm.to_str(&msg)? };
    let fname = vm.getattr_str(&args[0], "filename").unwrap_or(Value::NONE);
    let line = vm.getattr_str(&args[0], "lineno").unwrap_or(Value::NONE);
    let f = vm::str_of(&fname).map(|s| s.rsplit('/').next().unwrap_or(s).to_string());
    Ok(vm::new_string(match (f, line.as_small_int()) {
        (Some(f), Some(l)) => format!("{m} ({f}, line {l})"),
        (Some(f), None) => format!("{m} ({f})"),
        (None, Some(l)) => format!("{m} (line {l})"),
        _ => m,
    }))
}

fn eg_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if args.len() != 3 {
        return Err(vm.type_error(format!("BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)", args.len() - 1)));
    }
    if vm::str_of(&args[1]).is_none() {
        return Err(vm.type_error("argument 1 must be str".to_string()));
    }
    let excs = vm.collect(&args[2])?;
    if excs.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence".to_string()));
    }
    let exc_t = vm.exc_type("Exception");
    let base_t = vm.exc_type("BaseException");
    for (i, e) in excs.iter().enumerate() {
        if !vm.isinstance_type(e, &base_t) {
            return Err(vm.value_error(format!("Item {i} of second argument (exceptions) is not an exception")));
        }
    }
    let all_exc = excs.iter().all(|e| vm.isinstance_type(e, &exc_t));
    let mut cls = args[0].clone();
    let beg = vm.exc_type("BaseExceptionGroup");
    if cls.is(&beg) && all_exc {
        cls = vm.exc_type("ExceptionGroup");
    } else if !all_exc && vm.is_subtype(&cls, &exc_t) {
        return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup".to_string()));
    }
    let inst = vm.new_instance(&cls)?;
    if let Some(f) = crate::vm::exc::exc_fields(&inst) {
        f.borrow_mut().args = vm::new_tuple(vec![args[1].clone(), args[2].clone()]);
    }
    set_inst_attr(vm, &inst, "message", args[1].clone());
    set_inst_attr(vm, &inst, "exceptions", vm::new_tuple(excs));
    Ok(inst)
}

fn eg_init(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn eg_str(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let msg = vm.getattr_str(&args[0], "message")?;
    let excs = vm.getattr_str(&args[0], "exceptions")?;
    let n = vm.len(&excs)?;
    let m = vm.to_str(&msg)?;
    Ok(vm::new_string(format!("{m} ({n} sub-exception{})", if n == 1 { "" } else { "s" })))
}

fn eg_derive(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let msg = vm.getattr_str(&args[0], "message")?;
    let t = vm.exc_type("BaseExceptionGroup");
    vm.call(&t, &[msg, args[1].clone()], &[])
}

/// Splits a group by a predicate on leaf exceptions: (matching, rest) groups or None.
fn eg_split_impl(vm: &mut Vm, eg: &Value, cond: &Value) -> PyResult<(Value, Value)> {
    let is_type = type_obj(cond).is_some() || matches!(cond.as_obj().map(|o| &o.kind), Some(ObjKind::Tuple(_)));
    let matches = |vm: &mut Vm, e: &Value| -> PyResult<bool> {
        if is_type {
            vm.exception_matches(e, cond)
        } else {
            let r = vm.call(cond, &[e.clone()], &[])?;
            vm.truthy(&r)
        }
    };
    if matches(vm, eg)? {
        return Ok((eg.clone(), Value::NONE));
    }
    let beg = vm.exc_type("BaseExceptionGroup");
    if !vm.isinstance_type(eg, &beg) {
        return Ok((Value::NONE, eg.clone()));
    }
    let excs = vm.getattr_str(eg, "exceptions")?;
    let items = vm.collect(&excs)?;
    let (mut m, mut r) = (Vec::new(), Vec::new());
    for e in items {
        let (a, b) = eg_split_impl(vm, &e, cond)?;
        if !a.is_none() {
            m.push(a);
        }
        if !b.is_none() {
            r.push(b);
        }
    }
    let derive = |vm: &mut Vm, parts: Vec<Value>| -> PyResult<Value> {
        if parts.is_empty() {
            return Ok(Value::NONE);
        }
        let d = vm.call_method(eg, "derive", &[vm::new_list(parts)])?;
        // Copy traceback, cause, context and notes.
        if let (Some(src), Some(dst)) = (crate::vm::exc::exc_fields(eg), crate::vm::exc::exc_fields(&d)) {
            let s = src.borrow();
            let mut t = dst.borrow_mut();
            t.traceback = s.traceback.clone();
            t.cause = s.cause.clone();
            t.context = s.context.clone();
            // CPython sets the cause via PyException_SetCause, which always suppresses the context.
            t.suppress_context = true;
        }
        if let Some(n) = vm.getattr_opt(eg, &vm.names.__notes__.clone())? {
            let k = vm.names.__notes__.clone();
            vm.setattr(&d, &k, n)?;
        }
        Ok(d)
    };
    let mv = derive(vm, m)?;
    let rv = derive(vm, r)?;
    Ok((mv, rv))
}

fn eg_split(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("split", args, 2, 2)?;
    let (m, r) = eg_split_impl(vm, &args[0], &args[1])?;
    Ok(vm::new_tuple(vec![m, r]))
}

fn eg_subgroup(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("subgroup", args, 2, 2)?;
    let (m, _) = eg_split_impl(vm, &args[0], &args[1])?;
    Ok(m)
}

fn none_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(vm.type_error("NoneType takes no arguments".to_string()));
    }
    Ok(Value::NONE)
}

impl Vm {
    /// Read-only attributes of built-in objects (`f.__name__`, `x.real`, `s.start`, ...).
    pub fn builtin_special_attr(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        let n = vm::str_of(name).unwrap_or("");
        if n == "__class__" {
            return Ok(Some(self.type_of(obj)));
        }
        if let Some(v) = crate::builtins::numbers::number_attr(self, obj, n) {
            return Ok(Some(v));
        }
        let Some(o) = obj.as_obj() else { return Ok(None) };
        Ok(match (&o.kind, n) {
            (ObjKind::Function(f), _) => match n {
                "__name__" => Some(f.name.borrow().clone()),
                "__qualname__" => Some(f.qualname.borrow().clone()),
                "__doc__" => Some(f.doc.borrow().clone()),
                "__module__" => Some(f.module.clone()),
                "__defaults__" => Some(f.defaults.borrow().clone()),
                "__kwdefaults__" => Some(f.kwdefaults.borrow().clone()),
                "__globals__" => Some(f.globals.clone()),
                "__code__" => Some(Value::new_obj(Obj { kind: ObjKind::Code(f.code.clone()) })),
                "__closure__" => Some(match &f.closure {
                    Some(c) => vm::new_tuple(c.to_vec()),
                    None => Value::NONE,
                }),
                "__dict__" => {
                    let mut d = f.dict.borrow_mut();
                    Some(d.get_or_insert_with(|| vm::new_dict(crate::dict::Dict::new())).clone())
                }
                "__annotations__" => {
                    let mut a = f.annotations.borrow_mut();
                    if a.is_null() || a.is_none() {
                        *a = vm::new_dict(crate::dict::Dict::new());
                    }
                    Some(a.clone())
                }
                _ => None,
            },
            (ObjKind::BoundMethod(s, f), _) => match n {
                "__self__" => Some(s.clone()),
                "__func__" => Some(f.clone()),
                "__name__" | "__qualname__" | "__doc__" | "__module__" => {
                    let f = f.clone();
                    self.getattr_opt(&f, name)?
                }
                _ => None,
            },
            (ObjKind::Builtin(b), _) => match n {
                "__name__" => Some(vm::new_str(b.name)),
                "__qualname__" => {
                    let q = match type_obj(&b.owner) {
                        Some(t) => format!("{}.{}", t.name.borrow(), b.name),
                        None => b.name.to_string(),
                    };
                    Some(vm::new_string(q))
                }
                "__self__" => Some(if b.bound.is_null() { Value::NONE } else { b.bound.clone() }),
                "__doc__" => Some(Value::NONE),
                "__module__" => Some(if b.owner.is_null() { vm::new_str("builtins") } else { Value::NONE }),
                _ => None,
            },
            (ObjKind::Code(c), _) => match n {
                "co_name" => Some(vm::new_str(&c.name)),
                "co_qualname" => Some(vm::new_str(&c.qualname)),
                "co_filename" => Some(vm::new_str(&c.filename)),
                "co_firstlineno" => Some(vm::new_int(c.first_line as i64)),
                "co_argcount" => Some(vm::new_int(c.argcount as i64)),
                "co_posonlyargcount" => Some(vm::new_int(c.posonlyargcount as i64)),
                "co_kwonlyargcount" => Some(vm::new_int(c.kwonlyargcount as i64)),
                "co_nlocals" => Some(vm::new_int(c.varnames.len() as i64)),
                "co_varnames" => Some(vm::new_tuple(c.varnames.iter().map(|s| vm::new_str(s)).collect())),
                "co_cellvars" => Some(vm::new_tuple(c.cellvars.iter().map(|s| vm::new_str(s)).collect())),
                "co_freevars" => Some(vm::new_tuple(c.freevars.iter().map(|s| vm::new_str(s)).collect())),
                "co_flags" => {
                    let mut fl = 0;
                    if c.flags.varargs {
                        fl |= 4;
                    }
                    if c.flags.varkw {
                        fl |= 8;
                    }
                    if c.flags.generator {
                        fl |= 32;
                    }
                    Some(vm::new_int(fl))
                }
                _ => None,
            },
            (ObjKind::Slice(a, b, c), _) => match n {
                "start" => Some(a.clone()),
                "stop" => Some(b.clone()),
                "step" => Some(c.clone()),
                _ => None,
            },
            (ObjKind::Range(r), _) => match n {
                "start" => Some(vm::new_int(r.start)),
                "stop" => Some(vm::new_int(r.stop)),
                "step" => Some(vm::new_int(r.step)),
                _ => None,
            },
            (ObjKind::BigRange(b), _) => match n {
                "start" => Some(vm::new_bigint(b[0].clone())),
                "stop" => Some(vm::new_bigint(b[1].clone())),
                "step" => Some(vm::new_bigint(b[2].clone())),
                _ => None,
            },
            (ObjKind::Property(p), _) => match n {
                "fget" => Some(p.fget.clone()),
                "fset" => Some(p.fset.clone()),
                "fdel" => Some(p.fdel.clone()),
                "__doc__" => Some(p.doc.clone()),
                "__isabstractmethod__" => Some(Value::FALSE),
                _ => None,
            },
            (ObjKind::ClassMethod(f) | ObjKind::StaticMethod(f), _) => match n {
                "__func__" | "__wrapped__" => Some(f.clone()),
                "__isabstractmethod__" => Some(Value::FALSE),
                _ => {
                    let f = f.clone();
                    if matches!(n, "__name__" | "__qualname__" | "__doc__") {
                        self.getattr_opt(&f, name)?
                    } else {
                        None
                    }
                }
            },
            (ObjKind::Super(cls, obj2), _) => {
                let (cls, obj2) = (cls.clone(), obj2.clone());
                match n {
                    "__thisclass__" => Some(cls),
                    "__self__" => Some(obj2),
                    _ => self.super_getattr(&cls, &obj2, name)?,
                }
            }
            (ObjKind::Generator(g), _) => match n {
                "__name__" => Some(g.borrow().name.clone()),
                "__qualname__" => Some(g.borrow().qualname.clone()),
                "gi_running" => Some(Value::bool(g.borrow().running)),
                "gi_frame" => Some(if g.borrow().finished { Value::NONE } else { Value::TRUE }),
                _ => None,
            },
            (ObjKind::Module(m), "__name__") => Some(m.name.clone()),
            (ObjKind::Cell(c), "cell_contents") => {
                let v = c.borrow().clone();
                if v.is_null() {
                    return Err(self.value_error("Cell is empty".to_string()));
                }
                Some(v)
            }
            (ObjKind::Traceback(t), _) => match n {
                "tb_frame" => t.last().map(|e| traceback_frame(self, e)),
                "tb_lasti" => t.last().map(|e| vm::new_int(e.pc as i64 * 2)),
                "tb_lineno" => t.last().map(|e| vm::new_int(e.code.line_at(e.pc as usize) as i64)),
                "tb_next" => {
                    if t.len() > 1 {
                        Some(Value::new_obj(Obj { kind: ObjKind::Traceback(t[..t.len() - 1].to_vec()) }))
                    } else {
                        Some(Value::NONE)
                    }
                }
                _ => None,
            },
            _ => None,
        })
    }

    /// Special attributes of classes (`__name__`, `__mro__`, `__dict__`, ...).
    pub fn type_special_attr(&mut self, cls: &Value, name: &Value) -> PyResult<Option<Value>> {
        let Some(t) = type_obj(cls) else { return Ok(None) };
        let n = vm::str_of(name).unwrap_or("");
        Ok(match n {
            "__name__" => Some(vm::new_string(t.name.borrow().clone())),
            "__qualname__" => Some(vm::new_string(t.qualname.borrow().clone())),
            "__module__" => Some(t.module.borrow().clone()),
            "__mro__" => Some(vm::new_tuple(t.mro.borrow().clone())),
            "__bases__" => Some(vm::new_tuple(t.bases.borrow().clone())),
            "__base__" => Some(t.bases.borrow().first().cloned().unwrap_or(Value::NONE)),
            "__dict__" => Some(Value::new_obj(Obj { kind: ObjKind::MappingProxy(vm::new_dict(t.dict.borrow().clone())) })),
            "__doc__" => Some(Value::NONE),
            "__class__" => Some(self.type_of(cls)),
            "__annotations__" => Some(vm::new_dict(crate::dict::Dict::new())),
            _ => None,
        })
    }
}
