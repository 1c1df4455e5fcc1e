//! Inline caches of attribute sites on instances of Python classes (`Code::attr_cache`).
//!
//! The generic paths (`getattr`, `setattr`, `load_method`) look the name up along the type's
//! MRO on every access to rule out a data descriptor, a custom `__getattribute__` or
//! `__setattr__`, and a slot. A site remembers that those checks passed for one class at one
//! type epoch, plus where the name sat in the last instance dict, so a repeated access is a
//! type compare and one dict entry. Any miss takes the generic path, which refills the site.

use super::{dict_of, str_hash, Vm};
use crate::bytecode::code::{AttrSite, AttrSiteKind};
use crate::bytecode::Code;
use crate::object::{Instance, Layout, Obj, ObjKind};
use crate::value::Value;

/// The instance and its class's address, when `obj` is an instance of a Python class.
#[inline]
fn instance(obj: &Value) -> Option<(&Instance, u64)> {
    match obj.as_obj() {
        Some(Obj { kind: ObjKind::Instance(inst) }) => Some((inst, inst.class.borrow().id())),
        _ => None,
    }
}

impl Vm {
    /// `obj.name` through the site cache: `None` when the site does not apply.
    #[inline]
    pub(super) fn load_attr_cached(&self, obj: &Value, code: &Code, n: usize) -> Option<Value> {
        let (inst, ty) = instance(obj)?;
        let site = code.attr_cache[n].borrow();
        if !site.holds(AttrSiteKind::Load, ty, self.type_epoch) {
            return None;
        }
        let d = dict_of(&inst.dict)?.borrow();
        let name = &code.names[n];
        if let Some(e) = d.entry_at(site.idx as usize) {
            if e.key.is(name) {
                return Some(e.value.clone());
            }
        }
        match d.get_str_index(name, str_hash(name)) {
            Some(i) => {
                let v = d.value_at(i).cloned();
                drop(site);
                code.attr_cache[n].borrow_mut().idx = i as u32;
                v
            }
            None if !site.value.is_null() => Some(site.value.clone()),
            None => None,
        }
    }

    /// `obj.name = v` through the site cache; gives `v` back when the site does not apply.
    #[inline]
    pub(super) fn store_attr_cached(&self, obj: &Value, code: &Code, n: usize, v: Value) -> Result<(), Value> {
        let Some((inst, ty)) = instance(obj) else { return Err(v) };
        let site = code.attr_cache[n].borrow();
        if !site.holds(AttrSiteKind::Store, ty, self.type_epoch) {
            return Err(v);
        }
        let Some(d) = dict_of(&inst.dict) else { return Err(v) };
        let mut d = d.borrow_mut();
        let name = &code.names[n];
        let i = site.idx as usize;
        if d.entry_at(i).is_some_and(|e| e.key.is(name)) {
            *d.entry_value_mut(i) = v;
            return Ok(());
        }
        super::dict_set_str(&mut d, name.clone(), v);
        let i = d.get_str_index(name, str_hash(name));
        drop(d);
        drop(site);
        if let Some(i) = i {
            code.attr_cache[n].borrow_mut().idx = i as u32;
        }
        Ok(())
    }

    /// The function `obj.name(...)` calls, through the site cache (the caller passes `obj`
    /// as the first argument): `None` when the site does not apply.
    #[inline]
    pub(super) fn load_method_cached(&self, obj: &Value, code: &Code, n: usize) -> Option<Value> {
        let (inst, ty) = instance(obj)?;
        let site = code.attr_cache[n].borrow();
        if !site.holds(AttrSiteKind::Method, ty, self.type_epoch) {
            return None;
        }
        if let Some(d) = dict_of(&inst.dict) {
            let d = d.borrow();
            let name = &code.names[n];
            if !d.is_empty() && d.get_str_index(name, str_hash(name)).is_some() {
                return None;
            }
        }
        Some(site.value.clone())
    }

    /// The method descriptor `obj.name(...)` calls on a built-in object, through the site
    /// cache: `None` when the site does not apply.
    #[inline]
    pub(super) fn load_builtin_method_cached(&self, obj: &Obj, code: &Code, n: usize) -> Option<Value> {
        let key = builtin_key(obj)?;
        let site = code.attr_cache[n].borrow();
        if !site.holds(AttrSiteKind::BuiltinMethod, key, self.type_epoch) {
            return None;
        }
        Some(site.value.clone())
    }

    /// Refills site `n` of `code` after `load_method` found method descriptor `m` for the
    /// built-in object `obj` (methods of built-in types change only with the type epoch).
    pub(super) fn fill_builtin_method_site(&self, obj: &Value, code: &Code, n: usize, m: &Value) {
        let Some(key) = obj.as_obj().and_then(builtin_key) else { return };
        if !matches!(m.as_obj(), Some(Obj { kind: ObjKind::Builtin(_) })) {
            return;
        }
        *code.attr_cache[n].borrow_mut() = AttrSite { kind: AttrSiteKind::BuiltinMethod, ty: key, epoch: self.type_epoch, idx: 0, value: m.clone() };
    }

    /// Refills site `n` of `code` after a generic access of kind `kind` on `obj`, when the
    /// checks the generic path makes come out the same for every instance of the class until
    /// the type epoch moves.
    pub(super) fn fill_attr_site(&mut self, obj: &Value, code: &Code, n: usize, kind: AttrSiteKind) {
        let Some((inst, ty_id)) = instance(obj) else { return };
        // Exceptions keep some attributes outside the dict; `__class__` and `__dict__` are
        // the instance's own descriptors.
        if inst.exc.is_some() {
            return;
        }
        let name = &code.names[n];
        if name.is(&self.names.__class__) || name.is(&self.names.__dict__) {
            return;
        }
        let ty = inst.class.borrow().clone();
        let hook = if kind == AttrSiteKind::Store { self.names.__setattr__.clone() } else { self.names.__getattribute__.clone() };
        if let Some(h) = self.lookup_type(&ty, &hook) {
            if !matches!(h.as_obj().map(|o| &o.kind), Some(ObjKind::Builtin(_))) {
                return;
            }
        }
        if self.slot_index(&ty, name).is_some() {
            return;
        }
        let cls_attr = self.lookup_type(&ty, name);
        let value = match (kind, &cls_attr) {
            (AttrSiteKind::Method, Some(a)) if matches!(a.as_obj().map(|o| &o.kind), Some(ObjKind::Function(_))) => a.clone(),
            (AttrSiteKind::Method, _) => return,
            (_, Some(a)) if self.is_data_descriptor(a) => return,
            // A class value read through the instance is returned as is when binding cannot
            // change it and nothing instance-specific comes before it.
            (AttrSiteKind::Load, Some(a)) if plain_class_value(a) && super::types::type_obj(&ty).is_some_and(|t| t.layout == Layout::Object) => a.clone(),
            (AttrSiteKind::Load, Some(_)) => return,
            _ => Value::NULL,
        };
        let idx = dict_of(&inst.dict).and_then(|d| d.borrow().get_str_index(name, str_hash(name))).unwrap_or(u32::MAX as usize);
        *code.attr_cache[n].borrow_mut() = AttrSite { kind, ty: ty_id, epoch: self.type_epoch, idx: idx as u32, value };
    }
}

/// A class attribute that `bind_descriptor` returns unchanged for an instance.
fn plain_class_value(a: &Value) -> bool {
    match a.as_obj() {
        None => true,
        Some(o) => matches!(o.kind, ObjKind::Str(_) | ObjKind::Int(_) | ObjKind::Tuple(_) | ObjKind::FrozenSet(_) | ObjKind::Complex(..) | ObjKind::Bytes(_)),
    }
}

/// A key for the exact built-in type of `o`, for the kinds whose type is fixed by the kind
/// (subclass instances are `Instance`s).
#[inline]
fn builtin_key(o: &Obj) -> Option<u64> {
    Some(match o.kind {
        ObjKind::Str(_) => 1,
        ObjKind::List(_) => 2,
        ObjKind::Dict(_) => 3,
        ObjKind::Set(_) => 4,
        ObjKind::Tuple(_) => 5,
        ObjKind::Bytes(_) => 6,
        ObjKind::ByteArray(_) => 7,
        ObjKind::FrozenSet(_) => 8,
        _ => return None,
    })
}
