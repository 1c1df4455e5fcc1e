//! Iteration: `iter()`, `next()`, collecting, unpacking and `len()`.

use super::ops::base_value;
use super::Vm;
use crate::object::*;
use crate::value::Value;
use crate::PyResult;

impl Vm {
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(o) = v.as_obj() {
            let it = match &o.kind {
                ObjKind::List(_) | ObjKind::Tuple(_) | ObjKind::Bytes(_) | ObjKind::ByteArray(_) => Iter::Seq { seq: v.clone(), idx: 0 },
                ObjKind::Range(r) => Iter::Range { cur: r.start, step: r.step, remaining: r.len() },
                ObjKind::BigRange(b) => Iter::BigRange { cur: b[0].clone(), step: b[2].clone(), remaining: big_range_len(b) },
                ObjKind::Str(_) => Iter::Str { s: v.clone(), byte: 0 },
                ObjKind::Dict(d) => {
                    let len = d.borrow().len();
                    Iter::DictKeys { dict: v.clone(), idx: 0, len, left: len }
                }
                ObjKind::Set(s) => Iter::Set { items: s.borrow().iter().map(|(k, _)| k.clone()).collect(), idx: 0 },
                ObjKind::FrozenSet(s) => Iter::Set { items: s.iter().map(|(k, _)| k.clone()).collect(), idx: 0 },
                ObjKind::DictView(k, d) => {
                    let len = super::dict_of(d).map(|x| x.borrow().len()).unwrap_or(0);
                    let d = d.clone();
                    match k {
                        0 => Iter::DictKeys { dict: d, idx: 0, len, left: len },
                        1 => Iter::DictValues { dict: d, idx: 0, len, left: len },
                        _ => Iter::DictItems { dict: d, idx: 0, len, left: len },
                    }
                }
                ObjKind::Iter(_) | ObjKind::Generator(_) => return Ok(v.clone()),
                ObjKind::Instance(_) => return self.instance_iter(v),
                ObjKind::MappingProxy(inner) => {
                    let inner = inner.clone();
                    return self.get_iter(&inner);
                }
                _ => {
                    let tn = self.type_name(v);
                    return Err(self.type_error(format!("'{tn}' object is not iterable")));
                }
            };
            return Ok(super::new_iter(it));
        }
        let tn = self.type_name(v);
        Err(self.type_error(format!("'{tn}' object is not iterable")))
    }

    fn instance_iter(&mut self, v: &Value) -> PyResult<Value> {
        let t = self.type_of(v);
        if let Some(m) = self.lookup_type(&t, &self.names.__iter__.clone()) {
            if m.is_none() {
                let tn = self.type_name(v);
                return Err(self.type_error(format!("'{tn}' object is not iterable")));
            }
            // A native __iter__ of a built-in container is served by iterating the payload
            // directly (below); any other __iter__ (Python, or native types like files and
            // deques) is called.
            let payload_container = matches!(
                base_value(v).as_obj().map(|o| &o.kind),
                Some(ObjKind::List(_) | ObjKind::Tuple(_) | ObjKind::Dict(_) | ObjKind::Set(_) | ObjKind::FrozenSet(_) | ObjKind::Str(_) | ObjKind::Bytes(_) | ObjKind::ByteArray(_) | ObjKind::Range(_) | ObjKind::DictView(..))
            );
            if !(matches!(m.as_obj().map(|o| &o.kind), Some(ObjKind::Builtin(_))) && payload_container) {
                let it = self.call(&m, &[v.clone()], &[])?;
                let it_t = self.type_of(&it);
                if self.lookup_type(&it_t, &self.names.__next__.clone()).is_none() && !matches!(it.as_obj().map(|o| &o.kind), Some(ObjKind::Iter(_) | ObjKind::Generator(_))) {
                    let tn = self.type_name(&it);
                    return Err(self.type_error(format!("iter() returned non-iterator of type '{tn}'")));
                }
                return Ok(it);
            }
        }
        let b = base_value(v);
        if !b.is(v) {
            return self.get_iter(&b);
        }
        if self.user_method(&t, "__getitem__").is_some() {
            return Ok(super::new_iter(Iter::SeqIter { obj: v.clone(), idx: 0 }));
        }
        let tn = self.type_name(v);
        Err(self.type_error(format!("'{tn}' object is not iterable")))
    }

    /// Advances an iterator: `Ok(None)` when exhausted.
    pub fn iter_next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        let Some(o) = it.as_obj() else {
            let tn = self.type_name(it);
            return Err(self.type_error(format!("'{tn}' object is not an iterator")));
        };
        match &o.kind {
            ObjKind::Iter(cell) => self.builtin_iter_next(cell),
            ObjKind::Generator(_) => self.generator_next(it),
            _ => {
                let t = self.type_of(it);
                let Some(m) = self.lookup_type(&t, &self.names.__next__.clone()) else {
                    let tn = self.type_name(it);
                    return Err(self.type_error(format!("'{tn}' object is not an iterator")));
                };
                match self.call(&m, &[it.clone()], &[]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.is_instance_of_exc(&e, "StopIteration") => Ok(None),
                    Err(e) => Err(e),
                }
            }
        }
    }

    fn builtin_iter_next(&mut self, cell: &std::cell::RefCell<Iter>) -> PyResult<Option<Value>> {
        let mut st = cell.borrow_mut();
        let dict_kind = match &*st {
            Iter::DictKeys { .. } => 0,
            Iter::DictValues { .. } => 1,
            _ => 2,
        };
        match &mut *st {
            Iter::Range { cur, step, remaining } => {
                if *remaining <= 0 {
                    return Ok(None);
                }
                let v = *cur;
                *remaining -= 1;
                *cur = cur.wrapping_add(*step);
                Ok(Some(super::new_int(v)))
            }
            Iter::BigRange { cur, step, remaining } => {
                use num_traits::Signed;
                if !remaining.is_positive() {
                    return Ok(None);
                }
                let v = cur.clone();
                *cur += &*step;
                *remaining -= 1;
                Ok(Some(super::new_bigint(v)))
            }
            Iter::Seq { seq, idx } => {
                let r = match seq.as_obj().map(|o| &o.kind) {
                    Some(ObjKind::List(l)) => l.borrow().get(*idx).cloned(),
                    Some(ObjKind::Tuple(t)) => t.get(*idx).cloned(),
                    Some(ObjKind::Bytes(b)) => b.get(*idx).map(|x| super::new_int(*x as i64)),
                    Some(ObjKind::ByteArray(b)) => b.borrow().get(*idx).map(|x| super::new_int(*x as i64)),
                    _ => None,
                };
                if r.is_some() {
                    *idx += 1;
                } else {
                    *st = Iter::Done;
                }
                Ok(r)
            }
            Iter::Str { s, byte } => {
                let text = super::str_of(s).unwrap_or("");
                match text[*byte..].chars().next() {
                    Some(c) => {
                        *byte += c.len_utf8();
                        Ok(Some(super::char_str(c)))
                    }
                    None => Ok(None),
                }
            }
            Iter::DictKeys { dict, idx, len, left } | Iter::DictValues { dict, idx, len, left } | Iter::DictItems { dict, idx, len, left } => {
                let Some(d) = super::dict_of(dict) else { return Ok(None) };
                let d = d.borrow();
                if d.len() != *len {
                    *len = usize::MAX;
                    drop(d);
                    drop(st);
                    return Err(self.new_error("RuntimeError", "dictionary changed size during iteration".to_string()));
                }
                while *idx < d.raw_len() {
                    let i = *idx;
                    *idx += 1;
                    if let Some(e) = d.entry_at(i) {
                        if *left == 0 {
                            // More items than the dict had: keys were deleted and others
                            // added. The iterator is exhausted from here on.
                            *idx = usize::MAX;
                            drop(d);
                            drop(st);
                            return Err(self.new_error("RuntimeError", "dictionary keys changed during iteration".to_string()));
                        }
                        *left -= 1;
                        let (k, v) = (e.key.clone(), e.value.clone());
                        return Ok(Some(match dict_kind {
                            0 => k,
                            1 => v,
                            _ => super::new_tuple(vec![k, v]),
                        }));
                    }
                }
                Ok(None)
            }
            Iter::Set { items, idx } => {
                let r = items.get(*idx).cloned();
                *idx += 1;
                Ok(r)
            }
            Iter::Reversed { seq, idx } => {
                if *idx < 0 {
                    return Ok(None);
                }
                let i = *idx as usize;
                *idx -= 1;
                let seq = seq.clone();
                drop(st);
                match seq.as_obj().map(|o| &o.kind) {
                    Some(ObjKind::List(l)) => {
                        let l = l.borrow();
                        Ok(if i < l.len() { Some(l[i].clone()) } else { None })
                    }
                    Some(ObjKind::Tuple(t)) => Ok(t.get(i).cloned()),
                    _ => {
                        let idx = super::new_int(i as i64);
                        self.getitem(&seq, &idx).map(Some)
                    }
                }
            }
            Iter::Enumerate { it, n } => {
                let (it, n0) = (it.clone(), n.clone());
                drop(st);
                match self.iter_next(&it)? {
                    Some(v) => {
                        let next = self.binary_op(crate::bytecode::opcodes::BinOp::Add, &n0, &Value::small_int(1).expect("1 fits"))?;
                        if let Iter::Enumerate { n, .. } = &mut *cell.borrow_mut() {
                            *n = next;
                        }
                        Ok(Some(super::new_tuple(vec![n0, v])))
                    }
                    None => Ok(None),
                }
            }
            Iter::Zip { its, strict } => {
                let (its, strict) = (its.clone(), *strict);
                drop(st);
                if its.is_empty() {
                    return Ok(None);
                }
                let mut out = Vec::with_capacity(its.len());
                for (i, it) in its.iter().enumerate() {
                    match self.iter_next(it)? {
                        Some(v) => out.push(v),
                        None => {
                            if strict {
                                if i > 0 {
                                    return Err(self.value_error(format!("zip() argument {} is shorter than argument{} 1{}", i + 1, if i > 1 { "s" } else { "" }, if i > 1 { format!("-{}", i) } else { String::new() })));
                                }
                                for (j, other) in its.iter().enumerate().skip(1) {
                                    if self.iter_next(other)?.is_some() {
                                        return Err(self.value_error(format!("zip() argument {} is longer than argument{} 1{}", j + 1, if j > 1 { "s" } else { "" }, if j > 1 { format!("-{}", j) } else { String::new() })));
                                    }
                                }
                            }
                            *cell.borrow_mut() = Iter::Done;
                            return Ok(None);
                        }
                    }
                }
                Ok(Some(super::new_tuple(out)))
            }
            Iter::Map { func, its } => {
                let (func, its) = (func.clone(), its.clone());
                drop(st);
                let mut args = Vec::with_capacity(its.len());
                for it in &its {
                    match self.iter_next(it)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                self.call(&func, &args, &[]).map(Some)
            }
            Iter::Filter { func, it } => {
                let (func, it) = (func.clone(), it.clone());
                drop(st);
                loop {
                    let Some(v) = self.iter_next(&it)? else { return Ok(None) };
                    let keep = if func.is_none() {
                        self.truthy(&v)?
                    } else {
                        let r = self.call(&func, &[v.clone()], &[])?;
                        self.truthy(&r)?
                    };
                    if keep {
                        return Ok(Some(v));
                    }
                }
            }
            Iter::CallIter { func, sentinel } => {
                let (func, sentinel) = (func.clone(), sentinel.clone());
                drop(st);
                let v = self.call(&func, &[], &[])?;
                if self.eq(&v, &sentinel)? {
                    *cell.borrow_mut() = Iter::Done;
                    return Ok(None);
                }
                Ok(Some(v))
            }
            Iter::SeqIter { obj, idx } => {
                let (obj, i) = (obj.clone(), *idx);
                *idx += 1;
                drop(st);
                let key = super::new_int(i);
                match self.getitem(&obj, &key) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.is_instance_of_exc(&e, "IndexError") || self.is_instance_of_exc(&e, "StopIteration") => {
                        *cell.borrow_mut() = Iter::Done;
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
            Iter::Done => Ok(None),
        }
    }

    /// Collects any iterable into a Vec.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        if let Some(o) = v.as_obj() {
            match &o.kind {
                ObjKind::List(l) => return Ok(l.borrow().clone()),
                ObjKind::Tuple(t) => return Ok(t.to_vec()),
                _ => {}
            }
        }
        let it = self.get_iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.iter_next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    pub fn unpack_into(&mut self, seq: &Value, n: usize, stack: &mut super::value_stack::ValueStack) -> PyResult<()> {
        let items = match seq.as_obj().map(|o| &o.kind) {
            Some(ObjKind::Tuple(t)) => {
                if t.len() == n {
                    stack.extend(t.iter().rev().cloned());
                    return Ok(());
                }
                t.to_vec()
            }
            Some(ObjKind::List(l)) => l.borrow().clone(),
            _ => {
                // Iterate, but stop after n+1 items (for the error message).
                let it = match self.get_iter(seq) {
                    Ok(it) => it,
                    Err(e) if self.is_instance_of_exc(&e, "TypeError") => {
                        let tn = self.type_name(seq);
                        return Err(self.type_error(format!("cannot unpack non-iterable {tn} object")));
                    }
                    Err(e) => return Err(e),
                };
                let mut out = Vec::new();
                while let Some(x) = self.iter_next(&it)? {
                    out.push(x);
                    if out.len() > n {
                        return Err(self.value_error(format!("too many values to unpack (expected {n})")));
                    }
                }
                out
            }
        };
        if items.len() > n {
            return Err(self.value_error(format!("too many values to unpack (expected {n})")));
        }
        if items.len() < n {
            return Err(self.value_error(format!("not enough values to unpack (expected {n}, got {})", items.len())));
        }
        stack.extend(items.into_iter().rev());
        Ok(())
    }

    pub fn unpack_ex_into(&mut self, seq: &Value, before: usize, after: usize, stack: &mut super::value_stack::ValueStack) -> PyResult<()> {
        let items = match self.collect(seq) {
            Ok(v) => v,
            Err(e) if self.is_instance_of_exc(&e, "TypeError") && self.get_iter(seq).is_err() => {
                let tn = self.type_name(seq);
                return Err(self.type_error(format!("cannot unpack non-iterable {tn} object")));
            }
            Err(e) => return Err(e),
        };
        if items.len() < before + after {
            return Err(self.value_error(format!("not enough values to unpack (expected at least {}, got {})", before + after, items.len())));
        }
        let mid_end = items.len() - after;
        for v in items[mid_end..].iter().rev() {
            stack.push(v.clone());
        }
        stack.push(super::new_list(items[before..mid_end].to_vec()));
        for v in items[..before].iter().rev() {
            stack.push(v.clone());
        }
        Ok(())
    }

    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        if let Some(o) = v.as_obj() {
            let n = match &o.kind {
                ObjKind::Str(s) => s.nchars,
                ObjKind::List(l) => l.borrow().len(),
                ObjKind::Tuple(t) => t.len(),
                ObjKind::Dict(d) => d.borrow().len(),
                ObjKind::Set(s) => s.borrow().len(),
                ObjKind::FrozenSet(s) => s.len(),
                ObjKind::Bytes(b) => b.len(),
                ObjKind::ByteArray(b) => b.borrow().len(),
                ObjKind::Range(r) => r.len() as usize,
                ObjKind::BigRange(b) => {
                    use num_traits::ToPrimitive;
                    match big_range_len(b).to_i64() {
                        Some(n) => n as usize,
                        None => return Err(self.overflow_error("Python int too large to convert to C ssize_t")),
                    }
                }
                ObjKind::MappingProxy(d) | ObjKind::DictView(_, d) => {
                    let d = d.clone();
                    return self.len(&d);
                }
                ObjKind::Instance(_) => {
                    let t = self.type_of(v);
                    if let Some(m) = self.user_method(&t, "__len__") {
                        let r = self.call(&m, &[v.clone()], &[])?;
                        let n = self.index_value(&r)?;
                        if n < 0 {
                            return Err(self.value_error("__len__() should return >= 0".into()));
                        }
                        return Ok(n as usize);
                    }
                    let b = base_value(v);
                    if !b.is(v) {
                        return self.len(&b);
                    }
                    let tn = self.type_name(v);
                    return Err(self.type_error(format!("object of type '{tn}' has no len()")));
                }
                _ => {
                    let tn = self.type_name(v);
                    return Err(self.type_error(format!("object of type '{tn}' has no len()")));
                }
            };
            return Ok(n);
        }
        let tn = self.type_name(v);
        Err(self.type_error(format!("object of type '{tn}' has no len()")))
    }
}

/// Number of items of a big-int range [start, stop, step].
pub fn big_range_len(b: &[num_bigint::BigInt; 3]) -> num_bigint::BigInt {
    use num_integer::Integer;
    use num_traits::{Signed, Zero};
    let (lo, hi, st) = (&b[0], &b[1], &b[2]);
    if st.is_positive() && lo < hi {
        (hi - lo - 1u32).div_floor(st) + 1u32
    } else if st.is_negative() && lo > hi {
        (lo - hi - 1u32).div_floor(&(-st)) + 1u32
    } else {
        num_bigint::BigInt::zero()
    }
}
