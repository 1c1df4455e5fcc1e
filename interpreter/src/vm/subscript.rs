//! Subscripts: `x[i]`, `x[a:b:c]`, assignment and deletion for built-in containers and
//! `__getitem__`/`__setitem__`/`__delitem__` for Python classes.

use super::ops::base_value;
use super::Vm;
use crate::object::*;
use crate::value::Value;
use crate::{PyErr, PyResult};

/// Resolved slice: start, stop, step and length (PySlice_AdjustIndices).
pub struct SliceIdx {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

impl SliceIdx {
    pub fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).map(move |i| (self.start + i as i64 * self.step) as usize)
    }
}

impl Vm {
    fn slice_part(&mut self, v: &Value) -> PyResult<Option<i64>> {
        if v.is_none() {
            return Ok(None);
        }
        match self.index_value(v) {
            Ok(i) => Ok(Some(i)),
            Err(e) if self.is_instance_of_exc(&e, "OverflowError") => {
                let b = self.index_bigint(v)?;
                Ok(Some(if b.sign() == num_bigint::Sign::Minus { i64::MIN / 2 } else { i64::MAX / 2 }))
            }
            Err(_) => Err(self.type_error("slice indices must be integers or None or have an __index__ method".to_string())),
        }
    }

    pub fn slice_indices(&mut self, slice: &Value, len: usize) -> PyResult<SliceIdx> {
        let Some(Obj { kind: ObjKind::Slice(a, b, c) }) = slice.as_obj() else {
            return Err(self.type_error("expected slice".to_string()));
        };
        let len = len as i64;
        let step = self.slice_part(c)?.unwrap_or(1);
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero".to_string()));
        }
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let adj = |v: Option<i64>, default: i64| -> i64 {
            match v {
                None => default,
                Some(mut i) => {
                    if i < 0 {
                        i += len;
                        if i < lower {
                            i = lower;
                        }
                    } else if i > upper {
                        i = upper;
                    }
                    i
                }
            }
        };
        let start = adj(self.slice_part(a)?, if step < 0 { upper } else { lower });
        let stop = adj(self.slice_part(b)?, if step < 0 { lower } else { upper });
        let n = if step < 0 {
            if stop < start { (start - stop - 1) / (-step) + 1 } else { 0 }
        } else if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        };
        Ok(SliceIdx { start, stop, step, len: n as usize })
    }

    fn seq_index(&mut self, key: &Value, len: usize, what: &str) -> PyResult<usize> {
        let i = match self.index_value(key) {
            Ok(i) => i,
            Err(e) if self.is_instance_of_exc(&e, "OverflowError") => return Err(self.index_error(&format!("cannot fit 'int' into an index-sized integer"))),
            Err(e) if self.is_instance_of_exc(&e, "TypeError") => {
                let tn = self.type_name(key);
                return Err(self.type_error(format!("{what} indices must be integers or slices, not {tn}")));
            }
            Err(e) => return Err(e),
        };
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            return Err(self.index_error(&format!("{what} index out of range")));
        }
        Ok(j as usize)
    }

    #[inline]
    pub fn getitem_fast(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        if let (Some(o), Some(i)) = (obj.as_obj(), key.as_small_int()) {
            match &o.kind {
                ObjKind::List(l) => {
                    let l = l.borrow();
                    let j = if i < 0 { i + l.len() as i64 } else { i };
                    if j >= 0 && (j as usize) < l.len() {
                        return Ok(l[j as usize].clone());
                    }
                }
                ObjKind::Tuple(t) => {
                    let j = if i < 0 { i + t.len() as i64 } else { i };
                    if j >= 0 && (j as usize) < t.len() {
                        return Ok(t[j as usize].clone());
                    }
                }
                _ => {}
            }
        }
        self.getitem(obj, key)
    }

    pub fn getitem(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        let is_slice = matches!(key.as_obj().map(|o| &o.kind), Some(ObjKind::Slice(..)));
        let Some(o) = obj.as_obj() else {
            let tn = self.type_name(obj);
            return Err(self.type_error(format!("'{tn}' object is not subscriptable")));
        };
        match &o.kind {
            ObjKind::List(l) => {
                if is_slice {
                    let items = l.borrow().clone();
                    let s = self.slice_indices(key, items.len())?;
                    return Ok(super::new_list(s.indices().map(|i| items[i].clone()).collect()));
                }
                let n = l.borrow().len();
                let i = self.seq_index(key, n, "list")?;
                let v = l.borrow().get(i).cloned();
                match v {
                    Some(v) => Ok(v),
                    None => Err(self.index_error("list index out of range")),
                }
            }
            ObjKind::Tuple(t) => {
                if is_slice {
                    let s = self.slice_indices(key, t.len())?;
                    if s.step == 1 && s.len == t.len() {
                        return Ok(obj.clone());
                    }
                    return Ok(super::new_tuple(s.indices().map(|i| t[i].clone()).collect()));
                }
                let i = self.seq_index(key, t.len(), "tuple")?;
                Ok(t[i].clone())
            }
            ObjKind::Str(s) => {
                if is_slice {
                    let sl = self.slice_indices(key, s.nchars)?;
                    if s.is_ascii() {
                        let b = s.s.as_bytes();
                        if sl.step == 1 {
                            let st = sl.start.max(0) as usize;
                            return Ok(super::new_str(&s.s[st..st + sl.len]));
                        }
                        let out: String = sl.indices().map(|i| b[i] as char).collect();
                        return Ok(super::new_string(out));
                    }
                    let chars: Vec<char> = s.s.chars().collect();
                    let out: String = sl.indices().map(|i| chars[i]).collect();
                    return Ok(super::new_string(out));
                }
                let i = match self.index_value(key) {
                    Ok(i) => i,
                    Err(_) => {
                        let tn = self.type_name(key);
                        return Err(self.type_error(format!("string indices must be integers, not '{tn}'")));
                    }
                };
                let j = if i < 0 { i + s.nchars as i64 } else { i };
                if j < 0 || j >= s.nchars as i64 {
                    return Err(self.index_error("string index out of range"));
                }
                Ok(super::char_str(s.char_at(j as usize)))
            }
            ObjKind::Bytes(b) => {
                if is_slice {
                    let s = self.slice_indices(key, b.len())?;
                    return Ok(super::new_bytes(s.indices().map(|i| b[i]).collect()));
                }
                let i = self.seq_index(key, b.len(), "index")?;
                Ok(super::new_int(b[i] as i64))
            }
            ObjKind::ByteArray(b) => {
                let data = b.borrow().clone();
                if is_slice {
                    let s = self.slice_indices(key, data.len())?;
                    return Ok(Value::new_obj(Obj { kind: ObjKind::ByteArray(std::cell::RefCell::new(s.indices().map(|i| data[i]).collect())) }));
                }
                let i = self.seq_index(key, data.len(), "bytearray")?;
                Ok(super::new_int(data[i] as i64))
            }
            ObjKind::Range(r) => {
                let r = r.clone();
                if is_slice {
                    let s = self.slice_indices(key, r.len() as usize)?;
                    // CPython: range(r[start], r[stop], r.step * step) with the adjusted indices.
                    let start = r.start + s.start * r.step;
                    let step = r.step * s.step;
                    let stop = r.start + s.stop * r.step;
                    return Ok(Value::new_obj(Obj { kind: ObjKind::Range(Range { start, stop, step }) }));
                }
                let i = self.seq_index(key, r.len() as usize, "range object")?;
                Ok(super::new_int(r.get(i as i64)))
            }
            ObjKind::BigRange(b) => {
                let b = b.clone();
                self.big_range_getitem(&b, key)
            }
            ObjKind::Dict(_) => match self.dict_lookup(obj, key)? {
                Some(v) => Ok(v),
                None => Err(self.key_error(key.clone())),
            },
            ObjKind::MappingProxy(d) => {
                let d = d.clone();
                self.getitem(&d, key)
            }
            ObjKind::Instance(_) => self.instance_getitem(obj, key),
            ObjKind::Type(_) => {
                if let Some(m) = self.getattr_opt(obj, &self.names.__class_getitem__.clone())? {
                    return self.call(&m, &[key.clone()], &[]);
                }
                if obj.is(&self.types.type_) || crate::vm::types::type_obj(obj).map(|t| t.is_builtin).unwrap_or(false) {
                    return crate::builtins::union::make_alias(self, obj, key);
                }
                let tn = crate::vm::types::type_obj(obj).map(|t| t.name.borrow().clone()).unwrap_or_default();
                Err(self.type_error(format!("type '{tn}' is not subscriptable")))
            }
            _ => {
                let tn = self.type_name(obj);
                Err(self.type_error(format!("'{tn}' object is not subscriptable")))
            }
        }
    }

    fn instance_getitem(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        let t = self.type_of(obj);
        if let Some(m) = self.user_method(&t, "__getitem__") {
            return self.call(&m, &[obj.clone(), key.clone()], &[]);
        }
        let b = base_value(obj);
        if !b.is(obj) {
            if matches!(b.as_obj().map(|o| &o.kind), Some(ObjKind::Dict(_))) {
                match self.getitem(&b, key) {
                    Err(e) if self.is_instance_of_exc(&e, "KeyError") => {
                        if let Some(m) = self.user_method(&t, "__missing__") {
                            return self.call(&m, &[obj.clone(), key.clone()], &[]);
                        }
                        return Err(e);
                    }
                    other => return other,
                }
            }
            return self.getitem(&b, key);
        }
        let tn = self.type_name(obj);
        Err(self.type_error(format!("'{tn}' object is not subscriptable")))
    }

    #[inline]
    pub fn setitem_fast(&mut self, obj: &Value, key: Value, v: Value) -> PyResult<()> {
        if let (Some(Obj { kind: ObjKind::List(l) }), Some(i)) = (obj.as_obj(), key.as_small_int()) {
            let mut l = l.borrow_mut();
            let j = if i < 0 { i + l.len() as i64 } else { i };
            if j >= 0 && (j as usize) < l.len() {
                let old = l.set(j as usize, v);
                drop(l);
                drop(old);
                return Ok(());
            }
        }
        self.setitem(obj, key, v)
    }

    pub fn setitem(&mut self, obj: &Value, key: Value, v: Value) -> PyResult<()> {
        let Some(o) = obj.as_obj() else {
            let tn = self.type_name(obj);
            return Err(self.type_error(format!("'{tn}' object does not support item assignment")));
        };
        match &o.kind {
            ObjKind::Dict(_) => self.dict_set(obj, key, v),
            ObjKind::List(l) => {
                if matches!(key.as_obj().map(|o| &o.kind), Some(ObjKind::Slice(..))) {
                    let items = if obj.is(&v) { l.borrow().clone() } else { self.collect(&v)? };
                    let n = l.borrow().len();
                    let s = self.slice_indices(&key, n)?;
                    let mut lst = l.borrow_mut();
                    if s.step == 1 {
                        let start = s.start.max(0) as usize;
                        let end = (start + s.len).min(lst.len());
                        lst.splice(start..end, items);
                        return Ok(());
                    }
                    if items.len() != s.len {
                        drop(lst);
                        return Err(self.value_error(format!("attempt to assign sequence of size {} to extended slice of size {}", items.len(), s.len)));
                    }
                    for (i, it) in s.indices().zip(items) {
                        lst[i] = it;
                    }
                    return Ok(());
                }
                let n = l.borrow().len();
                let i = match self.seq_index(&key, n, "list") {
                    Ok(i) => i,
                    Err(e) if self.is_instance_of_exc(&e, "IndexError") => return Err(self.index_error("list assignment index out of range")),
                    Err(e) => return Err(e),
                };
                let old = l.borrow_mut().set(i, v);
                drop(old);
                Ok(())
            }
            ObjKind::ByteArray(b) => crate::builtins::strings::bytes::bytearray_setitem(self, b, &key, &v),
            ObjKind::Instance(_) => {
                let t = self.type_of(obj);
                if let Some(m) = self.user_method(&t, "__setitem__") {
                    self.call(&m, &[obj.clone(), key, v], &[])?;
                    return Ok(());
                }
                let b = base_value(obj);
                if !b.is(obj) {
                    return self.setitem(&b, key, v);
                }
                let tn = self.type_name(obj);
                Err(self.type_error(format!("'{tn}' object does not support item assignment")))
            }
            _ => {
                let tn = self.type_name(obj);
                Err(self.type_error(format!("'{tn}' object does not support item assignment")))
            }
        }
    }

    pub fn delitem(&mut self, obj: &Value, key: &Value) -> PyResult<()> {
        let Some(o) = obj.as_obj() else {
            let tn = self.type_name(obj);
            return Err(self.type_error(format!("'{tn}' object doesn't support item deletion")));
        };
        match &o.kind {
            ObjKind::Dict(_) => {
                if self.dict_del(obj, key)? {
                    Ok(())
                } else {
                    Err(self.key_error(key.clone()))
                }
            }
            ObjKind::List(l) => {
                if matches!(key.as_obj().map(|o| &o.kind), Some(ObjKind::Slice(..))) {
                    let n = l.borrow().len();
                    let s = self.slice_indices(key, n)?;
                    let mut idx: Vec<usize> = s.indices().collect();
                    idx.sort_unstable();
                    let mut lst = l.borrow_mut();
                    let removed: Vec<Value>;
                    {
                        let mut keep = Vec::with_capacity(lst.len() - idx.len());
                        let mut gone = Vec::with_capacity(idx.len());
                        let mut k = 0;
                        for (i, v) in lst.drain(..).enumerate() {
                            if k < idx.len() && idx[k] == i {
                                k += 1;
                                gone.push(v);
                            } else {
                                keep.push(v);
                            }
                        }
                        lst.replace(keep);
                        removed = gone;
                    }
                    drop(lst);
                    drop(removed);
                    return Ok(());
                }
                let n = l.borrow().len();
                let i = match self.seq_index(key, n, "list") {
                    Ok(i) => i,
                    Err(e) if self.is_instance_of_exc(&e, "IndexError") => return Err(self.index_error("list assignment index out of range")),
                    Err(e) => return Err(e),
                };
                let v = l.borrow_mut().remove(i);
                drop(v);
                Ok(())
            }
            ObjKind::ByteArray(b) => crate::builtins::strings::bytes::bytearray_delitem(self, b, key),
            ObjKind::Instance(_) => {
                let t = self.type_of(obj);
                if let Some(m) = self.user_method(&t, "__delitem__") {
                    self.call(&m, &[obj.clone(), key.clone()], &[])?;
                    return Ok(());
                }
                let b = base_value(obj);
                if !b.is(obj) {
                    return self.delitem(&b, key);
                }
                let tn = self.type_name(obj);
                Err(self.type_error(format!("'{tn}' object doesn't support item deletion")))
            }
            _ => {
                let tn = self.type_name(obj);
                Err(self.type_error(format!("'{tn}' object doesn't support item deletion")))
            }
        }
    }
}

#[allow(dead_code)]
fn _unused(_: PyErr) {}
