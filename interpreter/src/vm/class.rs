//! Classes: `__build_class__`, `type(name, bases, ns)`, C3 linearisation, instance creation,
//! `isinstance`/`issubclass`, and `super`.

use super::frame::Frame;
use super::types::type_obj;
use super::Vm;
use crate::dict::Dict;
use crate::object::*;
use crate::value::Value;
use crate::PyResult;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

thread_local! {
    /// Subclass registry for `type.__subclasses__()`: base id -> weak references to subclasses.
    static SUBCLASSES: RefCell<HashMap<u64, Vec<Weak<Obj>>>> = RefCell::new(HashMap::new());
}

fn register_subclass(base: &Value, sub: &Value) {
    if !sub.is_obj() {
        return;
    }
    // SAFETY: `sub` owns a strong count of a live `Rc<Obj>`; we borrow it without consuming it.
    let rc = std::mem::ManuallyDrop::new(unsafe { Rc::from_raw(sub.obj_ptr()) });
    let w = Rc::downgrade(&rc);
    SUBCLASSES.with(|m| {
        let mut m = m.borrow_mut();
        let v = m.entry(base.id()).or_default();
        v.retain(|x| x.strong_count() > 0);
        v.push(w);
    });
}

/// The live direct subclasses of `base`, in creation order.
pub fn subclasses_of(base: &Value) -> Vec<Value> {
    let subs: Vec<Rc<Obj>> = SUBCLASSES.with(|m| m.borrow().get(&base.id()).map(|v| v.iter().filter_map(|w| w.upgrade()).collect()).unwrap_or_default());
    subs.into_iter()
        .map(Value::from_obj)
        .filter(|c| type_obj(c).map(|t| t.bases.borrow().iter().any(|b| b.is(base))).unwrap_or(false))
        .collect()
}

impl Vm {
    pub fn is_subtype(&self, sub: &Value, sup: &Value) -> bool {
        if sub.is(sup) {
            return true;
        }
        match type_obj(sub) {
            Some(t) => t.mro.borrow().iter().any(|c| c.is(sup)),
            None => false,
        }
    }

    pub fn isinstance_type(&self, obj: &Value, cls: &Value) -> bool {
        let t = self.type_of(obj);
        self.is_subtype(&t, cls)
    }

    /// `isinstance(obj, cls)` with tuples and `__instancecheck__`.
    pub fn isinstance(&mut self, obj: &Value, cls: &Value) -> PyResult<bool> {
        if let Some(Obj { kind: ObjKind::Tuple(t) }) = cls.as_obj() {
            for c in t.iter() {
                if self.isinstance(obj, c)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if let Some(members) = crate::builtins::union::union_args(self, cls) {
            for c in &members {
                if self.isinstance(obj, c)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if type_obj(cls).is_none() {
            return Err(self.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union".to_string()));
        }
        if self.isinstance_type(obj, cls) {
            return Ok(true);
        }
        let meta = self.type_of(cls);
        if !meta.is(&self.types.type_) {
            if let Some(ic) = self.lookup_type(&meta, &self.names.__instancecheck__.clone()) {
                let r = self.call(&ic, &[cls.clone(), obj.clone()], &[])?;
                return self.truthy(&r);
            }
        }
        Ok(false)
    }

    pub fn issubclass(&mut self, sub: &Value, cls: &Value) -> PyResult<bool> {
        if let Some(Obj { kind: ObjKind::Tuple(t) }) = cls.as_obj() {
            for c in t.iter() {
                if self.issubclass(sub, c)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if let Some(members) = crate::builtins::union::union_args(self, cls) {
            for c in &members {
                if self.issubclass(sub, c)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        if type_obj(sub).is_none() {
            return Err(self.type_error("issubclass() arg 1 must be a class".to_string()));
        }
        if type_obj(cls).is_none() {
            return Err(self.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union".to_string()));
        }
        if self.is_subtype(sub, cls) {
            return Ok(true);
        }
        let meta = self.type_of(cls);
        if !meta.is(&self.types.type_) {
            if let Some(sc) = self.lookup_type(&meta, &self.names.__subclasscheck__.clone()) {
                let r = self.call(&sc, &[cls.clone(), sub.clone()], &[])?;
                return self.truthy(&r);
            }
        }
        Ok(false)
    }

    /// Calling a class: metaclass `__call__`, then `__new__` and `__init__`.
    pub fn call_type(&mut self, cls: &Value, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
        if cls.is(&self.types.type_) && args.len() == 1 && kw.is_empty() {
            return Ok(self.type_of(&args[0]));
        }
        let meta = self.type_of(cls);
        if !meta.is(&self.types.type_) {
            if let Some(c) = self.lookup_type(&meta, &self.names.__call__.clone()) {
                if !matches!(c.as_obj().map(|o| &o.kind), Some(ObjKind::Builtin(_))) {
                    let mut v = vec![cls.clone()];
                    v.extend_from_slice(args);
                    return self.call(&c, &v, kw);
                }
            }
        }
        self.type_call_default(cls, args, kw)
    }

    /// `type.__call__`: `__new__` then `__init__`.
    pub fn type_call_default(&mut self, cls: &Value, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
        let new = self.lookup_type(cls, &self.names.__new__.clone());
        let init = self.lookup_type(cls, &self.names.__init__.clone());
        let object_new = self.lookup_type(&self.types.object.clone(), &self.names.__new__.clone());
        let object_init = self.lookup_type(&self.types.object.clone(), &self.names.__init__.clone());
        let new_is_default = match (&new, &object_new) {
            (Some(a), Some(b)) => a.is(b),
            _ => true,
        };
        let init_is_default = match (&init, &object_init) {
            (Some(a), Some(b)) => a.is(b),
            _ => true,
        };
        let obj = if new_is_default {
            if (!args.is_empty() || !kw.is_empty()) && init_is_default {
                let n = type_obj(cls).map(|t| t.name.borrow().clone()).unwrap_or_default();
                return Err(self.type_error(format!("{n}() takes no arguments")));
            }
            self.new_instance(cls)?
        } else {
            let new = new.expect("checked");
            let f = match new.as_obj().map(|o| &o.kind) {
                Some(ObjKind::StaticMethod(f)) => f.clone(),
                _ => new,
            };
            let mut v = Vec::with_capacity(args.len() + 1);
            v.push(cls.clone());
            v.extend_from_slice(args);
            self.call(&f, &v, kw)?
        };
        if !self.isinstance_type(&obj, cls) {
            return Ok(obj);
        }
        if !init_is_default {
            let init = init.expect("checked");
            let mut v = Vec::with_capacity(args.len() + 1);
            v.push(obj.clone());
            v.extend_from_slice(args);
            let r = self.call(&init, &v, kw)?;
            if !r.is_none() {
                let tn = self.type_name(&r);
                return Err(self.type_error(format!("__init__() should return None, not '{tn}'")));
            }
        } else if new_is_default && (!args.is_empty() || !kw.is_empty()) {
            let n = type_obj(cls).map(|t| t.name.borrow().clone()).unwrap_or_default();
            return Err(self.type_error(format!("{n}() takes no arguments")));
        }
        Ok(obj)
    }

    /// A bare instance of a Python class (object.__new__).
    pub fn new_instance(&mut self, cls: &Value) -> PyResult<Value> {
        let Some(t) = type_obj(cls) else {
            return Err(self.type_error("object.__new__(X): X is not a type object".to_string()));
        };
        if t.is_builtin && t.layout != Layout::Object && t.layout != Layout::Exception {
            let n = t.name.borrow().clone();
            return Err(self.type_error(format!("object.__new__({n}) is not safe, use {n}.__new__()")));
        }
        let abstract_methods = self.lookup_type(cls, &self.names.__abstractmethods__.clone());
        if let Some(am) = abstract_methods {
            if self.len(&am).unwrap_or(0) > 0 {
                let mut names: Vec<String> = self.collect(&am)?.iter().filter_map(|v| super::str_of(v).map(|s| s.to_string())).collect();
                names.sort();
                let n = t.name.borrow().clone();
                let plural = if names.len() == 1 { "" } else { "s" };
                return Err(self.type_error(format!("Can't instantiate abstract class {n} with abstract method{plural} {}", names.join(", "))));
            }
        }
        let has_dict = t.has_dict;
        let exc = if t.layout == Layout::Exception { Some(Box::new(RefCell::new(ExcFields { args: super::new_tuple(vec![]), cause: Value::NONE, context: Value::NONE, ..Default::default() }))) } else { None };
        Ok(Value::new_obj(Obj {
            kind: ObjKind::Instance(Instance {
                class: RefCell::new(cls.clone()),
                dict: if has_dict { super::new_dict(Dict::new()) } else { Value::NULL },
                slots: RefCell::new(Vec::new()),
                base: RefCell::new(Value::NULL),
                exc,
            }),
        }))
    }

    /// The built-in `__build_class__(func, name, *bases, **kwds)`.
    pub fn build_class(&mut self, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
        if args.len() < 2 {
            return Err(self.type_error("__build_class__: not enough arguments".to_string()));
        }
        let func = args[0].clone();
        let name = args[1].clone();
        let mut bases: Vec<Value> = args[2..].to_vec();
        // __mro_entries__ on non-class bases.
        let mut resolved = Vec::new();
        for b in &bases {
            if type_obj(b).is_none() {
                if let Some(me) = self.getattr_opt(b, &self.names.__mro_entries__.clone())? {
                    let t = super::new_tuple(bases.clone());
                    let r = self.call(&me, &[t], &[])?;
                    resolved.extend(self.collect(&r)?);
                    continue;
                }
            }
            resolved.push(b.clone());
        }
        bases = resolved;
        let mut meta: Option<Value> = None;
        let mut kwds = Vec::new();
        for (k, v) in kw {
            if super::str_of(k) == Some("metaclass") {
                meta = Some(v.clone());
            } else {
                kwds.push((k.clone(), v.clone()));
            }
        }
        let meta = match meta {
            Some(m) => m,
            None => match bases.first() {
                Some(b) => {
                    // The most derived metaclass among the bases.
                    let mut winner = self.type_of(b);
                    for b in &bases[1..] {
                        let m = self.type_of(b);
                        if self.is_subtype(&m, &winner) {
                            winner = m;
                        }
                    }
                    winner
                }
                None => self.types.type_.clone(),
            },
        };
        let bases_t = super::new_tuple(bases.clone());
        let ns = match self.getattr_opt(&meta, &self.names.__prepare__.clone())? {
            Some(p) if type_obj(&meta).is_some() => self.call(&p, &[name.clone(), bases_t.clone()], &kwds)?,
            _ => super::new_dict(Dict::new()),
        };
        // Run the class body with `ns` as its namespace.
        let Some(Obj { kind: ObjKind::Function(fun) }) = func.as_obj() else {
            return Err(self.type_error("__build_class__: func must be a function".to_string()));
        };
        let code = fun.code.clone();
        let mut frame = Frame::new(code.clone(), fun.globals.clone(), ns.clone(), self.builtins.clone());
        let mut cells: Vec<Value> = code.cellvars.iter().map(|_| super::new_cell(Value::NULL)).collect();
        if let Some(cl) = &fun.closure {
            cells.extend(cl.iter().cloned());
        }
        frame.cells = cells;
        self.run_frame(frame)?;
        let cls = self.call(&meta, &[name, bases_t, ns.clone()], &kwds)?;
        // Fill the __class__ cell used by zero-argument super().
        let cc = self.names.__classcell__.clone();
        let cell = super::dict_of(&ns).and_then(|d| super::dict_get_str(&d.borrow(), &cc));
        if let Some(cell) = cell {
            super::eval::cell_set(&cell, cls.clone());
        }
        self.type_epoch += 1;
        Ok(cls)
    }

    /// `type.__new__(meta, name, bases, ns, **kwds)`.
    pub fn new_class(&mut self, meta: &Value, name: &Value, bases: &Value, ns: &Value, kwds: &KwArgs) -> PyResult<Value> {
        let mut bases: Vec<Value> = self.collect(bases)?;
        if bases.is_empty() {
            bases.push(self.types.object.clone());
        }
        for b in &bases {
            match type_obj(b) {
                None => return Err(self.type_error("bases must be types".to_string())),
                Some(bt) => {
                    if matches!(bt.name.borrow().as_str(), "bool" | "NoneType" | "range" | "slice" | "function" | "generator") && bt.is_builtin {
                        return Err(self.type_error(format!("type '{}' is not an acceptable base type", bt.name.borrow())));
                    }
                }
            }
        }
        let name_s = super::str_of(name).unwrap_or("?").to_string();
        let mut layout = Layout::Object;
        let mut base_has_dict = false;
        for b in &bases {
            if let Some(bt) = type_obj(b) {
                if bt.layout != Layout::Object {
                    if layout != Layout::Object && layout != bt.layout {
                        return Err(self.type_error("multiple bases have instance lay-out conflict".to_string()));
                    }
                    layout = bt.layout;
                }
                if bt.has_dict {
                    base_has_dict = true;
                }
            }
        }
        let mut dict = Dict::new();
        let ns_items = match super::dict_of(ns) {
            Some(d) => d.borrow().items(),
            None => {
                let keys = self.call_method(ns, "keys", &[])?;
                let mut out = Vec::new();
                for k in self.collect(&keys)? {
                    let v = self.getitem(ns, &k)?;
                    out.push((k, v));
                }
                out
            }
        };
        let mut slots = None;
        for (k, v) in &ns_items {
            let ks = super::str_of(k).unwrap_or("");
            if ks == "__classcell__" {
                continue;
            }
            if ks == "__slots__" {
                let names = if super::str_of(v).is_some() { vec![v.clone()] } else { self.collect(v)? };
                slots = Some(names);
            }
            let v = match ks {
                "__new__" if matches!(v.as_obj().map(|o| &o.kind), Some(ObjKind::Function(_))) => Value::new_obj(Obj { kind: ObjKind::StaticMethod(v.clone()) }),
                "__init_subclass__" | "__class_getitem__" if matches!(v.as_obj().map(|o| &o.kind), Some(ObjKind::Function(_))) => Value::new_obj(Obj { kind: ObjKind::ClassMethod(v.clone()) }),
                _ => v.clone(),
            };
            super::dict_set_str(&mut dict, k.clone(), v);
        }
        if super::dict_get_str(&dict, &self.names.__doc__).is_none() {
            super::dict_set_str(&mut dict, self.names.__doc__.clone(), Value::NONE);
        }
        // Defining __eq__ without __hash__ makes instances unhashable.
        let eq_name = self.intern("__eq__");
        if super::dict_get_str(&dict, &eq_name).is_some() && super::dict_get_str(&dict, &self.names.__hash__).is_none() {
            super::dict_set_str(&mut dict, self.names.__hash__.clone(), Value::NONE);
        }
        let has_dict = match &slots {
            None => true,
            Some(s) => base_has_dict || s.iter().any(|x| super::str_of(x) == Some("__dict__")),
        };
        let slots = slots.map(|s| s.into_iter().filter(|x| !matches!(super::str_of(x), Some("__dict__") | Some("__weakref__"))).collect::<Vec<_>>());
        let qualname = super::dict_get_str(&dict, &self.names.__qualname__).and_then(|q| super::str_of(&q).map(|s| s.to_string())).unwrap_or_else(|| name_s.clone());
        let module = super::dict_get_str(&dict, &self.names.__module__).unwrap_or(Value::NONE);
        let is_type_meta = meta.is(&self.types.type_);
        let cls = Value::new_obj(Obj {
            kind: ObjKind::Type(Box::new(TypeObj {
                name: RefCell::new(name_s.clone()),
                qualname: RefCell::new(qualname),
                module: RefCell::new(module),
                bases: RefCell::new(bases.clone()),
                mro: RefCell::new(Vec::new()),
                dict: RefCell::new(dict),
                layout,
                version: Cell::new(self.next_type_version),
                meta: RefCell::new(if is_type_meta { Value::NULL } else { meta.clone() }),
                slots,
                is_builtin: false,
                has_dict,
            })),
        });
        self.next_type_version += 1;
        let mro = self.c3_mro(&cls, &bases)?;
        if let Some(t) = type_obj(&cls) {
            *t.mro.borrow_mut() = mro;
        }
        for b in &bases {
            register_subclass(b, &cls);
        }
        // __set_name__ on attributes.
        for (k, v) in &ns_items {
            if let Some(Obj { kind: ObjKind::Instance(_) }) = v.as_obj() {
                let t = self.type_of(v);
                if let Some(sn) = self.lookup_type(&t, &self.names.__set_name__.clone()) {
                    self.call(&sn, &[v.clone(), cls.clone(), k.clone()], &[])?;
                }
            }
        }
        // __init_subclass__ of the nearest base.
        let parent_mro: Vec<Value> = type_obj(&cls).map(|t| t.mro.borrow()[1..].to_vec()).unwrap_or_default();
        let isc = self.names.__init_subclass__.clone();
        for c in parent_mro {
            let found = type_obj(&c).and_then(|t| super::dict_get_str(&t.dict.borrow(), &isc));
            if let Some(f) = found {
                let f = match f.as_obj().map(|o| &o.kind) {
                    Some(ObjKind::ClassMethod(f)) => f.clone(),
                    _ => f,
                };
                match f.as_obj().map(|o| &o.kind) {
                    Some(ObjKind::Builtin(_)) => {
                        if !kwds.is_empty() {
                            return Err(self.type_error(format!("{name_s}.__init_subclass__() takes no keyword arguments")));
                        }
                    }
                    _ => {
                        self.call(&f, &[cls.clone()], kwds)?;
                    }
                }
                break;
            }
        }
        self.type_epoch += 1;
        Ok(cls)
    }

    fn c3_mro(&mut self, cls: &Value, bases: &[Value]) -> PyResult<Vec<Value>> {
        let mut seqs: Vec<Vec<Value>> = bases.iter().map(|b| type_obj(b).map(|t| t.mro.borrow().clone()).unwrap_or_default()).collect();
        seqs.push(bases.to_vec());
        let mut out = vec![cls.clone()];
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                return Ok(out);
            }
            let mut cand = None;
            for s in &seqs {
                let head = &s[0];
                if !seqs.iter().any(|o| o[1..].iter().any(|x| x.is(head))) {
                    cand = Some(head.clone());
                    break;
                }
            }
            let Some(c) = cand else {
                // As CPython: the distinct heads of the remaining sequences.
                let mut heads: Vec<Value> = Vec::new();
                for s in &seqs {
                    if !heads.iter().any(|h| h.is(&s[0])) {
                        heads.push(s[0].clone());
                    }
                }
                let names: Vec<String> = heads.iter().filter_map(|b| type_obj(b).map(|t| t.name.borrow().clone())).collect();
                return Err(self.type_error(format!("Cannot create a consistent method resolution\norder (MRO) for bases {}", names.join(", "))));
            };
            for s in seqs.iter_mut() {
                if s[0].is(&c) {
                    s.remove(0);
                }
            }
            out.push(c);
        }
    }

    /// Attribute lookup through `super(cls, obj)`.
    pub fn super_getattr(&mut self, cls: &Value, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        let start_type = if type_obj(obj).is_some() && self.is_subtype(obj, cls) { obj.clone() } else { self.type_of(obj) };
        let mro = type_obj(&start_type).map(|t| t.mro.borrow().clone()).unwrap_or_default();
        let pos = mro.iter().position(|c| c.is(cls)).map(|p| p + 1).unwrap_or(mro.len());
        let h = super::str_hash(name);
        for c in &mro[pos..] {
            let found = type_obj(c).and_then(|t| t.dict.borrow().get_str(name, h).cloned());
            if let Some(a) = found {
                let is_type_obj = type_obj(obj).is_some() && start_type.is(obj);
                return match a.as_obj().map(|o| &o.kind) {
                    Some(ObjKind::Function(_)) if is_type_obj => Ok(Some(a)),
                    Some(ObjKind::Builtin(b)) if is_type_obj && b.name != "__init_subclass__" => Ok(Some(a)),
                    Some(ObjKind::ClassMethod(f)) => Ok(Some(Value::new_obj(Obj { kind: ObjKind::BoundMethod(start_type.clone(), f.clone()) }))),
                    Some(ObjKind::Builtin(b)) if b.name == "__init_subclass__" => Ok(Some(Value::new_obj(Obj { kind: ObjKind::Builtin(Builtin { name: b.name, func: b.func, bound: start_type.clone(), owner: b.owner.clone() }) }))),
                    _ => self.bind_descriptor(a, obj, &start_type).map(Some),
                };
            }
        }
        Ok(None)
    }
}
