//! Attribute access: `type(x)`, MRO lookup, descriptors, instance dicts, `__getattr__`.

use super::types::type_obj;
use super::Vm;
use crate::object::*;
use crate::value::{Value, V};
use crate::{PyErr, PyResult};

/// Entries in the global method cache (a power of two).
pub const ATTR_CACHE_SIZE: usize = 4096;

/// One method-cache entry: `lookup_type(ty, name)` as of `epoch` (NULL = not found).
#[derive(Clone, Default)]
pub struct AttrCacheEntry {
    pub epoch: u64,
    pub ty: u64,
    pub name: Value,
    pub value: Value,
}

impl Vm {
    /// `type(v)`.
    pub fn type_of(&self, v: &Value) -> Value {
        let t = &self.types;
        match v.view() {
            V::Int(_) => t.int.clone(),
            V::Float(_) => t.float.clone(),
            V::None | V::Null => t.none.clone(),
            V::Bool(_) => t.bool_.clone(),
            V::Obj(o) => match &o.kind {
                ObjKind::Str(_) => t.str_.clone(),
                ObjKind::Int(_) => t.int.clone(),
                ObjKind::Complex(..) => t.complex.clone(),
                ObjKind::Bytes(_) => t.bytes.clone(),
                ObjKind::ByteArray(_) => t.bytearray.clone(),
                ObjKind::List(_) => t.list.clone(),
                ObjKind::Tuple(_) => t.tuple.clone(),
                ObjKind::Dict(_) => t.dict.clone(),
                ObjKind::Set(_) => t.set.clone(),
                ObjKind::FrozenSet(_) => t.frozenset.clone(),
                ObjKind::Range(_) | ObjKind::BigRange(_) => t.range.clone(),
                ObjKind::Slice(..) => t.slice.clone(),
                ObjKind::Function(_) => t.function.clone(),
                ObjKind::Builtin(b) => {
                    if b.bound.is_null() && !b.owner.is_null() {
                        t.method_descriptor.clone()
                    } else {
                        t.builtin_function.clone()
                    }
                }
                ObjKind::BoundMethod(..) => t.method.clone(),
                ObjKind::Type(ty) => {
                    let m = ty.meta.borrow();
                    if m.is_null() { t.type_.clone() } else { m.clone() }
                }
                ObjKind::Instance(i) => i.class.borrow().clone(),
                ObjKind::Module(_) => t.module.clone(),
                ObjKind::Code(_) => t.code.clone(),
                ObjKind::Cell(_) => t.cell.clone(),
                ObjKind::Generator(g) => match g.borrow().kind {
                    super::generator::GenKind::Generator => t.generator.clone(),
                    super::generator::GenKind::Coroutine => t.coroutine.clone(),
                    super::generator::GenKind::AsyncGenerator => t.async_generator.clone(),
                },
                ObjKind::Iter(it) => match &*it.borrow() {
                    Iter::Seq { seq, .. } => match seq.as_obj().map(|o| &o.kind) {
                        Some(ObjKind::Tuple(_)) => t.tuple_iterator.clone(),
                        _ => t.list_iterator.clone(),
                    },
                    Iter::Range { .. } => t.range_iterator.clone(),
                    Iter::BigRange { .. } => t.longrange_iterator.clone(),
                    Iter::Str { .. } => t.str_iterator.clone(),
                    Iter::DictKeys { .. } => t.dict_keyiterator.clone(),
                    Iter::DictValues { .. } => t.dict_valueiterator.clone(),
                    Iter::DictItems { .. } => t.dict_itemiterator.clone(),
                    Iter::Set { .. } => t.set_iterator.clone(),
                    Iter::Reversed { seq, .. } => match seq.as_obj().map(|o| &o.kind) {
                        Some(ObjKind::List(_)) => t.list_reverseiterator.clone(),
                        _ => t.reversed.clone(),
                    },
                    Iter::Enumerate { .. } => t.enumerate.clone(),
                    Iter::Zip { .. } => t.zip.clone(),
                    Iter::Map { .. } => t.map.clone(),
                    Iter::Filter { .. } => t.filter.clone(),
                    Iter::CallIter { .. } => t.callable_iterator.clone(),
                    Iter::SeqIter { .. } | Iter::Done => t.iterator.clone(),
                },
                ObjKind::Property(_) => t.property.clone(),
                ObjKind::ClassMethod(_) => t.classmethod.clone(),
                ObjKind::StaticMethod(_) => t.staticmethod.clone(),
                ObjKind::Super(..) => t.super_.clone(),
                ObjKind::NotImplemented => t.not_implemented.clone(),
                ObjKind::Ellipsis => t.ellipsis.clone(),
                ObjKind::Traceback(_) => t.traceback.clone(),
                ObjKind::MappingProxy(_) => t.mappingproxy.clone(),
                ObjKind::DictView(k, _) => match k {
                    0 => t.dict_keys.clone(),
                    1 => t.dict_values.clone(),
                    _ => t.dict_items.clone(),
                },
            },
        }
    }

    pub fn type_name(&self, v: &Value) -> String {
        let t = self.type_of(v);
        type_obj(&t).map(|t| t.name.borrow().clone()).unwrap_or_default()
    }

    /// Finds `name` along the MRO of type `ty`.
    pub fn lookup_type(&self, ty: &Value, name: &Value) -> Option<Value> {
        let t = type_obj(ty)?;
        // Method cache: valid while no type has been mutated since it was filled (epoch).
        let slot = ((ty.id() >> 4) ^ (name.id() >> 3).wrapping_mul(0x9E37_79B9)) as usize & (ATTR_CACHE_SIZE - 1);
        {
            let cache = self.attr_cache.borrow();
            let e = &cache[slot];
            if e.epoch == self.type_epoch && e.ty == ty.id() && e.name.is(name) {
                return if e.value.is_null() { None } else { Some(e.value.clone()) };
            }
        }
        let h = super::str_hash(name);
        let mut found = None;
        for c in t.mro.borrow().iter() {
            if let Some(ct) = type_obj(c) {
                if let Some(v) = ct.dict.borrow().get_str(name, h) {
                    found = Some(v.clone());
                    break;
                }
            }
        }
        let mut cache = self.attr_cache.borrow_mut();
        cache[slot] = AttrCacheEntry { epoch: self.type_epoch, ty: ty.id(), name: name.clone(), value: found.clone().unwrap_or(Value::NULL) };
        found
    }

    pub fn lookup_type_str(&mut self, ty: &Value, name: &str) -> Option<Value> {
        let n = self.intern(name);
        self.lookup_type(ty, &n)
    }

    /// Whether `v`'s type has a `__get__`/`__set__` (a descriptor defined in Python).
    fn user_descriptor(&self, attr: &Value, want_set: bool) -> Option<Value> {
        if let Some(Obj { kind: ObjKind::Instance(_) }) = attr.as_obj() {
            let t = self.type_of(attr);
            if want_set {
                if self.lookup_type(&t, &self.names.__set__).is_some() || self.lookup_type(&t, &self.names.__delete__).is_some() {
                    return Some(t);
                }
                return None;
            }
            if self.lookup_type(&t, &self.names.__get__).is_some() {
                return Some(t);
            }
        }
        None
    }

    /// Binds a class attribute found for instance `obj` (functions become methods, etc.).
    pub fn bind_descriptor(&mut self, attr: Value, obj: &Value, ty: &Value) -> PyResult<Value> {
        let Some(o) = attr.as_obj() else { return Ok(attr) };
        match &o.kind {
            ObjKind::Function(_) => Ok(Value::new_obj(Obj { kind: ObjKind::BoundMethod(obj.clone(), attr.clone()) })),
            ObjKind::Builtin(b) if b.bound.is_null() && !b.owner.is_null() => Ok(Value::new_obj(Obj {
                kind: ObjKind::Builtin(Builtin { name: b.name, func: b.func, bound: obj.clone(), owner: b.owner.clone() }),
            })),
            ObjKind::ClassMethod(f) => Ok(Value::new_obj(Obj { kind: ObjKind::BoundMethod(ty.clone(), f.clone()) })),
            ObjKind::StaticMethod(f) => Ok(f.clone()),
            ObjKind::Property(p) => {
                if p.fget.is_none() || p.fget.is_null() {
                    let n = "?";
                    return Err(self.attribute_error(format!("property '{n}' of '{}' object has no getter", self.type_name(obj))));
                }
                let g = p.fget.clone();
                self.call(&g, &[obj.clone()], &[])
            }
            ObjKind::Instance(_) => {
                if let Some(t) = self.user_descriptor(&attr, false) {
                    let get = self.lookup_type(&t, &self.names.__get__.clone()).expect("checked");
                    return self.call(&get, &[attr.clone(), obj.clone(), ty.clone()], &[]);
                }
                Ok(attr)
            }
            _ => Ok(attr),
        }
    }

    pub(super) fn is_data_descriptor(&self, attr: &Value) -> bool {
        match attr.as_obj().map(|o| &o.kind) {
            Some(ObjKind::Property(_)) => true,
            Some(ObjKind::Instance(_)) => self.user_descriptor(attr, true).is_some(),
            _ => false,
        }
    }

    pub fn getattr(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        let ty = self.type_of(obj);
        // A user-defined __getattribute__ takes over entirely.
        if let Some(Obj { kind: ObjKind::Instance(_) }) = obj.as_obj() {
            if let Some(ga) = self.lookup_type(&ty, &self.names.__getattribute__.clone()) {
                if !matches!(ga.as_obj().map(|o| &o.kind), Some(ObjKind::Builtin(_))) {
                    let r = self.call(&ga, &[obj.clone(), name.clone()], &[]);
                    return match r {
                        Err(e) if self.is_instance_of_exc(&e, "AttributeError") => self.getattr_fallback(obj, &ty, name, e),
                        other => other,
                    };
                }
            }
        }
        match self.generic_getattr(obj, &ty, name) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => {
                let e = self.no_attribute(obj, name);
                self.getattr_fallback(obj, &ty, name, e)
            }
            Err(e) if self.is_instance_of_exc(&e, "AttributeError") => self.getattr_fallback(obj, &ty, name, e),
            Err(e) => Err(e),
        }
    }

    fn getattr_fallback(&mut self, obj: &Value, ty: &Value, name: &Value, e: PyErr) -> PyResult<Value> {
        if let Some(Obj { kind: ObjKind::Instance(_) }) = obj.as_obj() {
            if let Some(ga) = self.lookup_type(ty, &self.names.__getattr__.clone()) {
                return self.call(&ga, &[obj.clone(), name.clone()], &[]);
            }
        }
        Err(e)
    }

    /// `getattr` that returns `None` instead of raising AttributeError.
    pub fn getattr_opt(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        match self.getattr(obj, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.is_instance_of_exc(&e, "AttributeError") => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub fn getattr_str(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        let n = self.intern(name);
        self.getattr(obj, &n)
    }

    /// object.__getattribute__: Ok(None) when not found.
    pub fn generic_getattr(&mut self, obj: &Value, ty: &Value, name: &Value) -> PyResult<Option<Value>> {
        if let Some(Obj { kind: ObjKind::Type(_) }) = obj.as_obj() {
            return self.type_getattr(obj, name);
        }
        let cls_attr = self.lookup_type(ty, name);
        if let Some(a) = &cls_attr {
            if self.is_data_descriptor(a) {
                return self.bind_descriptor(a.clone(), obj, ty).map(Some);
            }
        }
        if let Some(o) = obj.as_obj() {
            match &o.kind {
                ObjKind::Instance(inst) => {
                    if let Some(d) = super::dict_of(&inst.dict) {
                        let h = super::str_hash(name);
                        if let Some(v) = d.borrow().get_str(name, h) {
                            return Ok(Some(v.clone()));
                        }
                    }
                    if let Some(v) = self.instance_special_attr(obj, inst, name)? {
                        return Ok(Some(v));
                    }
                }
                ObjKind::Module(m) => {
                    if let Some(d) = super::dict_of(&m.dict) {
                        let h = super::str_hash(name);
                        if let Some(v) = d.borrow().get_str(name, h) {
                            return Ok(Some(v.clone()));
                        }
                    }
                    if super::str_of(name) == Some("__dict__") {
                        return Ok(Some(m.dict.clone()));
                    }
                }
                ObjKind::Function(f) => {
                    if let Some(d) = &*f.dict.borrow() {
                        if let Some(dd) = super::dict_of(d) {
                            if let Some(v) = dd.borrow().get_str(name, super::str_hash(name)) {
                                return Ok(Some(v.clone()));
                            }
                        }
                    }
                }
                _ => {}
            }
            if let Some(v) = self.builtin_special_attr(obj, name)? {
                return Ok(Some(v));
            }
        } else if let Some(v) = self.builtin_special_attr(obj, name)? {
            return Ok(Some(v));
        }
        match cls_attr {
            Some(a) => self.bind_descriptor(a, obj, ty).map(Some),
            None => {
                if super::str_of(name) == Some("__class__") {
                    return Ok(Some(ty.clone()));
                }
                Ok(None)
            }
        }
    }

    fn type_getattr(&mut self, cls: &Value, name: &Value) -> PyResult<Option<Value>> {
        let meta = self.type_of(cls);
        let meta_attr = self.lookup_type(&meta, name);
        if let Some(a) = &meta_attr {
            if self.is_data_descriptor(a) {
                return self.bind_descriptor(a.clone(), cls, &meta).map(Some);
            }
        }
        if let Some(a) = self.lookup_type(cls, name) {
            let Some(o) = a.as_obj() else { return Ok(Some(a)) };
            return match &o.kind {
                ObjKind::ClassMethod(f) => Ok(Some(Value::new_obj(Obj { kind: ObjKind::BoundMethod(cls.clone(), f.clone()) }))),
                ObjKind::StaticMethod(f) => Ok(Some(f.clone())),
                ObjKind::Instance(_) => {
                    if let Some(t) = self.user_descriptor(&a, false) {
                        let get = self.lookup_type(&t, &self.names.__get__.clone()).expect("checked");
                        return self.call(&get, &[a.clone(), Value::NONE, cls.clone()], &[]).map(Some);
                    }
                    Ok(Some(a))
                }
                ObjKind::Builtin(b) if b.name == "__new__" || b.name == "__init_subclass__" || b.name == "fromkeys" || b.name == "maketrans" || b.name == "fromhex" || b.name == "from_bytes" => {
                    if b.name == "__init_subclass__" || b.name == "fromkeys" || b.name == "fromhex" || b.name == "from_bytes" {
                        return Ok(Some(Value::new_obj(Obj { kind: ObjKind::Builtin(Builtin { name: b.name, func: b.func, bound: cls.clone(), owner: b.owner.clone() }) })));
                    }
                    Ok(Some(a))
                }
                _ => Ok(Some(a)),
            };
        }
        if let Some(v) = self.type_special_attr(cls, name)? {
            return Ok(Some(v));
        }
        // Slots read through the class give their member descriptors.
        if let Some(owner) = self.slot_owner(cls, name) {
            return Ok(Some(crate::builtins::object::member_descriptor(self, name, &owner)));
        }
        match meta_attr {
            Some(a) => self.bind_descriptor(a, cls, &meta).map(Some),
            None => Ok(None),
        }
    }

    pub fn no_attribute(&mut self, obj: &Value, name: &Value) -> PyErr {
        let n = super::str_of(name).unwrap_or("?").to_string();
        let msg = match obj.as_obj().map(|o| &o.kind) {
            Some(ObjKind::Module(m)) => format!("module '{}' has no attribute '{n}'", super::str_of(&m.name).unwrap_or("?")),
            Some(ObjKind::Type(t)) => format!("type object '{}' has no attribute '{n}'", t.name.borrow()),
            _ => format!("'{}' object has no attribute '{n}'", self.type_name(obj)),
        };
        let e = self.attribute_error(msg);
        self.set_attr_error_context(&e, obj, name);
        e
    }

    pub fn setattr(&mut self, obj: &Value, name: &Value, v: Value) -> PyResult<()> {
        let ty = self.type_of(obj);
        if let Some(Obj { kind: ObjKind::Instance(_) }) = obj.as_obj() {
            if let Some(sa) = self.lookup_type(&ty, &self.names.__setattr__.clone()) {
                if !matches!(sa.as_obj().map(|o| &o.kind), Some(ObjKind::Builtin(_))) {
                    self.call(&sa, &[obj.clone(), name.clone(), v], &[])?;
                    return Ok(());
                }
            }
        }
        self.generic_setattr(obj, name, v)
    }

    pub fn generic_setattr(&mut self, obj: &Value, name: &Value, v: Value) -> PyResult<()> {
        let ty = self.type_of(obj);
        if let Some(a) = self.lookup_type(&ty, name) {
            match a.as_obj().map(|o| &o.kind) {
                Some(ObjKind::Property(p)) => {
                    if p.fset.is_none() || p.fset.is_null() {
                        let n = super::str_of(name).unwrap_or("?").to_string();
                        return Err(self.attribute_error(format!("property '{n}' of '{}' object has no setter", self.type_name(obj))));
                    }
                    let s = p.fset.clone();
                    self.call(&s, &[obj.clone(), v], &[])?;
                    return Ok(());
                }
                Some(ObjKind::Instance(_)) => {
                    if let Some(t) = self.user_descriptor(&a, true) {
                        if let Some(set) = self.lookup_type(&t, &self.names.__set__.clone()) {
                            self.call(&set, &[a.clone(), obj.clone(), v], &[])?;
                            return Ok(());
                        }
                    }
                }
                _ => {}
            }
        }
        match obj.as_obj().map(|o| &o.kind) {
            Some(ObjKind::Instance(inst)) => {
                if super::str_of(name) == Some("__class__") {
                    return self.set_class(inst, &ty, v);
                }
                if let Some(idx) = self.slot_index(&ty, name) {
                    let mut s = inst.slots.borrow_mut();
                    if s.len() <= idx {
                        s.resize(idx + 1, Value::NULL);
                    }
                    s[idx] = v;
                    return Ok(());
                }
                if inst.exc.is_some() && self.set_exc_special(obj, name, &v)? {
                    return Ok(());
                }
                match super::dict_of(&inst.dict) {
                    Some(d) => {
                        super::dict_set_str(&mut d.borrow_mut(), name.clone(), v);
                        Ok(())
                    }
                    None => {
                        let n = super::str_of(name).unwrap_or("?").to_string();
                        Err(self.attribute_error(format!("'{}' object has no attribute '{n}'", self.type_name(obj))))
                    }
                }
            }
            Some(ObjKind::Type(t)) => {
                if t.is_builtin {
                    let n = super::str_of(name).unwrap_or("?").to_string();
                    return Err(self.type_error(format!("cannot set '{n}' attribute of immutable type '{}'", t.name.borrow())));
                }
                match super::str_of(name) {
                    Some("__name__") => *t.name.borrow_mut() = super::str_of(&v).unwrap_or("").to_string(),
                    Some("__qualname__") => *t.qualname.borrow_mut() = super::str_of(&v).unwrap_or("").to_string(),
                    _ => {}
                }
                super::dict_set_str(&mut t.dict.borrow_mut(), name.clone(), v);
                self.bump_type_version(obj);
                Ok(())
            }
            Some(ObjKind::Module(m)) => {
                if let Some(d) = super::dict_of(&m.dict) {
                    super::dict_set_str(&mut d.borrow_mut(), name.clone(), v);
                }
                Ok(())
            }
            Some(ObjKind::Function(f)) => {
                match super::str_of(name) {
                    Some("__name__") => *f.name.borrow_mut() = v,
                    Some("__qualname__") => *f.qualname.borrow_mut() = v,
                    Some("__doc__") => *f.doc.borrow_mut() = v,
                    Some("__defaults__") => *f.defaults.borrow_mut() = v,
                    Some("__kwdefaults__") => *f.kwdefaults.borrow_mut() = v,
                    Some("__annotations__") => *f.annotations.borrow_mut() = v,
                    _ => {
                        let mut d = f.dict.borrow_mut();
                        let dv = d.get_or_insert_with(|| super::new_dict(crate::dict::Dict::new()));
                        if let Some(dd) = super::dict_of(dv) {
                            super::dict_set_str(&mut dd.borrow_mut(), name.clone(), v);
                        }
                    }
                }
                Ok(())
            }
            _ => {
                let n = super::str_of(name).unwrap_or("?").to_string();
                let tn = self.type_name(obj);
                if self.lookup_type(&ty, name).is_some() {
                    Err(self.attribute_error(format!("'{tn}' object attribute '{n}' is read-only")))
                } else {
                    Err(self.attribute_error(format!("'{tn}' object has no attribute '{n}'")))
                }
            }
        }
    }

    pub fn delattr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        let ty = self.type_of(obj);
        if let Some(Obj { kind: ObjKind::Instance(_) }) = obj.as_obj() {
            if let Some(da) = self.lookup_type(&ty, &self.names.__delattr__.clone()) {
                if !matches!(da.as_obj().map(|o| &o.kind), Some(ObjKind::Builtin(_))) {
                    self.call(&da, &[obj.clone(), name.clone()], &[])?;
                    return Ok(());
                }
            }
        }
        self.generic_delattr(obj, name)
    }

    pub fn generic_delattr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        let ty = self.type_of(obj);
        if let Some(a) = self.lookup_type(&ty, name) {
            match a.as_obj().map(|o| &o.kind) {
                Some(ObjKind::Property(p)) => {
                    if p.fdel.is_none() || p.fdel.is_null() {
                        let n = super::str_of(name).unwrap_or("?").to_string();
                        return Err(self.attribute_error(format!("property '{n}' of '{}' object has no deleter", self.type_name(obj))));
                    }
                    let d = p.fdel.clone();
                    self.call(&d, &[obj.clone()], &[])?;
                    return Ok(());
                }
                Some(ObjKind::Instance(_)) => {
                    if let Some(t) = self.user_descriptor(&a, true) {
                        if let Some(del) = self.lookup_type(&t, &self.names.__delete__.clone()) {
                            self.call(&del, &[a.clone(), obj.clone()], &[])?;
                            return Ok(());
                        }
                    }
                }
                _ => {}
            }
        }
        let mut never = |_: &Value, _: &Value| -> Result<bool, ()> { Ok(false) };
        let removed = match obj.as_obj().map(|o| &o.kind) {
            Some(ObjKind::Instance(inst)) => {
                if let Some(idx) = self.slot_index(&ty, name) {
                    let mut s = inst.slots.borrow_mut();
                    if idx < s.len() && !s[idx].is_null() {
                        s[idx] = Value::NULL;
                        true
                    } else {
                        false
                    }
                } else {
                    super::dict_of(&inst.dict).map(|d| d.borrow_mut().remove(name, super::str_hash(name), &mut never).ok().flatten().is_some()).unwrap_or(false)
                }
            }
            Some(ObjKind::Type(t)) if !t.is_builtin => {
                let r = t.dict.borrow_mut().remove(name, super::str_hash(name), &mut never).ok().flatten().is_some();
                self.bump_type_version(obj);
                r
            }
            Some(ObjKind::Module(m)) => super::dict_of(&m.dict).map(|d| d.borrow_mut().remove(name, super::str_hash(name), &mut never).ok().flatten().is_some()).unwrap_or(false),
            Some(ObjKind::Function(f)) => f.dict.borrow().as_ref().and_then(|d| super::dict_of(d).map(|dd| dd.borrow_mut().remove(name, super::str_hash(name), &mut never).ok().flatten().is_some())).unwrap_or(false),
            _ => false,
        };
        if removed {
            Ok(())
        } else {
            Err(self.no_attribute(obj, name))
        }
    }

    /// Method lookup for `obj.name(...)`: (function, self) when the attribute is a plain
    /// function or native method on the type, else (bound attribute, NULL).
    pub fn load_method(&mut self, obj: &Value, name: &Value) -> PyResult<(Value, Value)> {
        // `module.func(...)`: the module namespace answers directly.
        if let Some(Obj { kind: ObjKind::Module(m) }) = obj.as_obj() {
            if let Some(d) = super::dict_of(&m.dict) {
                if let Some(v) = d.borrow().get_str(name, super::str_hash(name)) {
                    return Ok((v.clone(), Value::NULL));
                }
            }
        }
        let ty = self.type_of(obj);
        let plain_instance = match obj.as_obj().map(|o| &o.kind) {
            Some(ObjKind::Instance(_)) => {
                let ga = self.lookup_type(&ty, &self.names.__getattribute__.clone());
                matches!(ga.as_ref().and_then(|g| g.as_obj()).map(|o| &o.kind), Some(ObjKind::Builtin(_)) | None)
            }
            Some(ObjKind::Type(_)) | Some(ObjKind::Module(_)) | Some(ObjKind::Super(..)) => false,
            _ => true,
        };
        if plain_instance {
            if let Some(a) = self.lookup_type(&ty, name) {
                let is_method = match a.as_obj().map(|o| &o.kind) {
                    Some(ObjKind::Function(_)) => true,
                    Some(ObjKind::Builtin(b)) => b.bound.is_null() && !b.owner.is_null(),
                    _ => false,
                };
                if is_method {
                    let shadowed = match obj.as_obj().map(|o| &o.kind) {
                        Some(ObjKind::Instance(inst)) => super::dict_of(&inst.dict).map(|d| d.borrow().get_str(name, super::str_hash(name)).is_some()).unwrap_or(false),
                        _ => false,
                    };
                    if !shadowed {
                        return Ok((a, obj.clone()));
                    }
                }
            }
        }
        let v = self.getattr(obj, name)?;
        Ok((v, Value::NULL))
    }

    pub fn bump_type_version(&mut self, ty: &Value) {
        self.next_type_version += 1;
        self.type_epoch += 1;
        if let Some(t) = type_obj(ty) {
            t.version.set(self.next_type_version);
        }
    }

    /// The class along `cls`'s MRO whose `__slots__` declares `name`.
    fn slot_owner(&self, cls: &Value, name: &Value) -> Option<Value> {
        let t = type_obj(cls)?;
        let n = super::str_of(name)?;
        let mro = t.mro.borrow();
        mro.iter().find(|c| type_obj(c).and_then(|ct| ct.slots.as_ref()).map(|s| s.iter().any(|x| super::str_of(x) == Some(n))).unwrap_or(false)).cloned()
    }

    pub(super) fn slot_index(&self, ty: &Value, name: &Value) -> Option<usize> {
        let t = type_obj(ty)?;
        let mut base = 0;
        // Slots of all classes in the MRO, most basic first.
        let mro = t.mro.borrow();
        for c in mro.iter().rev() {
            if let Some(ct) = type_obj(c) {
                if let Some(s) = &ct.slots {
                    for (i, sn) in s.iter().enumerate() {
                        if super::str_of(sn) == super::str_of(name) {
                            return Some(base + i);
                        }
                    }
                    base += s.len();
                }
            }
        }
        None
    }

    fn instance_special_attr(&mut self, obj: &Value, inst: &Instance, name: &Value) -> PyResult<Option<Value>> {
        let ty = inst.class.borrow().clone();
        if let Some(idx) = self.slot_index(&ty, name) {
            let s = inst.slots.borrow();
            if idx < s.len() && !s[idx].is_null() {
                return Ok(Some(s[idx].clone()));
            }
            return Ok(None);
        }
        let n = super::str_of(name).unwrap_or("");
        if n == "__dict__" && !inst.dict.is_null() {
            return Ok(Some(inst.dict.clone()));
        }
        if inst.exc.is_some() {
            return self.get_exc_special(obj, n);
        }
        Ok(None)
    }
}

impl Vm {
    /// `obj.__class__ = cls` for an instance whose class is `old`: allowed between classes
    /// defined in Python whose instances have the same layout, as in CPython.
    fn set_class(&mut self, inst: &Instance, old: &Value, cls: Value) -> PyResult<()> {
        let Some(new_t) = type_obj(&cls) else {
            return Err(self.type_error(format!("__class__ must be set to a class, not '{}' object", self.type_name(&cls))));
        };
        let Some(old_t) = type_obj(old) else { return Err(self.type_error("__class__ assignment: bad class".to_string())) };
        if new_t.is_builtin || old_t.is_builtin {
            return Err(self.type_error("__class__ assignment only supported for mutable types or ModuleType subclasses".to_string()));
        }
        let slots = |t: &TypeObj| t.mro.borrow().iter().filter_map(|c| type_obj(c).and_then(|ct| ct.slots.as_ref().map(|s| s.len()))).collect::<Vec<_>>();
        if new_t.layout != old_t.layout || new_t.has_dict != old_t.has_dict || slots(new_t) != slots(old_t) {
            let (n, o) = (new_t.name.borrow().clone(), old_t.name.borrow().clone());
            return Err(self.type_error(format!("__class__ assignment: '{n}' object layout differs from '{o}'")));
        }
        *inst.class.borrow_mut() = cls;
        Ok(())
    }
}
