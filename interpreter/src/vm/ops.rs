//! Operators: binary/in-place/unary dispatch (native fast paths, then dunders with reflected
//! operands), rich comparison, truthiness, hashing, containment and conversions to text.

use super::num::{self, num_of, Num};
use super::types::type_obj;
use super::Vm;
use crate::bytecode::opcodes::{BinOp, CmpOp};
use crate::object::*;
use crate::value::{Value, V};
use crate::{PyErr, PyResult};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

pub fn is_instance_obj(v: &Value) -> bool {
    matches!(v.as_obj().map(|o| &o.kind), Some(ObjKind::Instance(_)))
}

/// For instances of subclasses of built-in types: the built-in value inside.
pub fn base_value(v: &Value) -> Value {
    if let Some(Obj { kind: ObjKind::Instance(i) }) = v.as_obj() {
        let b = i.base.borrow();
        if !b.is_null() {
            return b.clone();
        }
    }
    v.clone()
}

impl Vm {
    /// A Python-level (non-native) method `name` on type `ty`, if one is defined.
    pub fn user_method(&self, ty: &Value, name: &str) -> Option<Value> {
        let t = type_obj(ty)?;
        for c in t.mro.borrow().iter() {
            let ct = type_obj(c)?;
            if ct.is_builtin {
                return None;
            }
            let d = ct.dict.borrow();
            for (k, v) in d.iter() {
                if super::str_of(k) == Some(name) {
                    return Some(v.clone());
                }
            }
        }
        None
    }

    fn unsupported(&mut self, op: BinOp, a: &Value, b: &Value, inplace: bool) -> PyErr {
        let (ta, tb) = (self.type_name(a), self.type_name(b));
        if op == BinOp::Add {
            for (kind, is_kind) in [("str", super::str_of(a).is_some()), ("list", matches!(a.as_obj().map(|o| &o.kind), Some(ObjKind::List(_)))), ("tuple", matches!(a.as_obj().map(|o| &o.kind), Some(ObjKind::Tuple(_))))] {
                if is_kind && !is_instance_obj(b) {
                    return self.type_error(format!("can only concatenate {kind} (not \"{tb}\") to {kind}"));
                }
            }
        }
        if op == BinOp::Add && matches!(a.as_obj().map(|o| &o.kind), Some(ObjKind::Bytes(_) | ObjKind::ByteArray(_))) && !is_instance_obj(b) {
            return self.type_error(format!("can't concat {tb} to {ta}"));
        }
        if op == BinOp::Mul && (is_sequence_native(a) || is_sequence_native(b)) {
            let other = if is_sequence_native(a) { tb } else { ta };
            return self.type_error(format!("can't multiply sequence by non-int of type '{other}'"));
        }
        let sym = match (op, inplace) {
            (_, true) => format!("{}=", op.symbol()),
            (BinOp::Pow, false) => "** or pow()".to_string(),
            _ => op.symbol().to_string(),
        };
        self.type_error(format!("unsupported operand type(s) for {sym}: '{ta}' and '{tb}'"))
    }

    pub fn binary_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        self.binary_op_as(op, a, b, false)
    }

    /// `a op b`; `inplace` only changes the operator named in a TypeError (`+=`).
    fn binary_op_as(&mut self, op: BinOp, a: &Value, b: &Value, inplace: bool) -> PyResult<Value> {
        let (ai, bi) = (is_instance_obj(a), is_instance_obj(b));
        if !ai && !bi {
            if let Some(r) = self.native_binop(op, a, b)? {
                return Ok(r);
            }
            return Err(self.unsupported(op, a, b, inplace));
        }
        let (ta, tb) = (self.type_of(a), self.type_of(b));
        let am = if ai { self.user_method(&ta, op.dunder()) } else { None };
        let bm = if bi && !ta.is(&tb) { self.user_method(&tb, op.rdunder()) } else { None };
        let mut tried_b = false;
        if let Some(m) = &bm {
            if self.is_subtype(&tb, &ta) {
                tried_b = true;
                let r = self.call(m, &[b.clone(), a.clone()], &[])?;
                if !super::is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        match am {
            Some(m) => {
                let r = self.call(&m, &[a.clone(), b.clone()], &[])?;
                if !super::is_not_implemented(&r) {
                    return Ok(r);
                }
            }
            None => {
                let (ab, bb) = (base_value(a), base_value(b));
                if !is_instance_obj(&ab) && !is_instance_obj(&bb) {
                    if let Some(r) = self.native_binop(op, &ab, &bb)? {
                        return Ok(r);
                    }
                }
            }
        }
        if let (Some(m), false) = (&bm, tried_b) {
            let r = self.call(m, &[b.clone(), a.clone()], &[])?;
            if !super::is_not_implemented(&r) {
                return Ok(r);
            }
        }
        // A built-in left operand may still accept the instance (`"%s" % obj`, `"ab" * n`
        // through `__index__`).
        if !ai {
            if let Some(r) = self.native_binop(op, a, b)? {
                return Ok(r);
            }
        }
        Err(self.unsupported(op, a, b, inplace))
    }

    pub fn inplace_op(&mut self, op: BinOp, a: Value, b: &Value) -> PyResult<Value> {
        if let Some(Obj { kind: ObjKind::List(l) }) = a.as_obj() {
            match op {
                BinOp::Add => {
                    let items = self.collect(b)?;
                    l.borrow_mut().extend(items);
                    return Ok(a);
                }
                BinOp::Mul => {
                    let n = self.index_value(b)?;
                    let mut v = l.borrow_mut();
                    if n <= 0 {
                        v.clear();
                    } else {
                        let orig = v.clone();
                        for _ in 1..n {
                            v.extend(orig.iter().cloned());
                        }
                    }
                    drop(v);
                    return Ok(a);
                }
                _ => {}
            }
        }
        if matches!(a.as_obj().map(|o| &o.kind), Some(ObjKind::Set(_))) && matches!(op, BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor) && self.is_set_like(b) {
            self.set_inplace_op(op, &a, b)?;
            return Ok(a);
        }
        if let Some(Obj { kind: ObjKind::ByteArray(_) }) = a.as_obj() {
            match op {
                BinOp::Add => return crate::builtins::strings::bytes::bytearray_inplace_add(self, &a, b),
                BinOp::Mul => return crate::builtins::strings::bytes::bytearray_inplace_mul(self, &a, b),
                _ => {}
            }
        }
        if let Some(Obj { kind: ObjKind::Dict(_) }) = a.as_obj() {
            if op == BinOp::Or {
                self.dict_update(&a, b, false)?;
                return Ok(a);
            }
        }
        if is_instance_obj(&a) {
            let ta = self.type_of(&a);
            if let Some(m) = self.user_method(&ta, op.idunder()) {
                let r = self.call(&m, &[a.clone(), b.clone()], &[])?;
                if !super::is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        self.binary_op_as(op, &a, b, true)
    }

    fn native_binop(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        if let Some(r) = self.num_binop(op, a, b)? {
            return Ok(Some(r));
        }
        if op == BinOp::Or && (type_obj(a).is_some() || type_obj(b).is_some()) {
            if let Some(u) = self.make_union(a, b)? {
                return Ok(Some(u));
            }
        }
        if matches!(op, BinOp::And | BinOp::Or | BinOp::Sub | BinOp::Xor) && (is_set_view(a) || is_set_view(b)) {
            let sa = if is_set_view(a) || self.is_set_like(a) { self.view_to_set(a)? } else { return Ok(None) };
            let sb = match b.as_obj().map(|o| &o.kind) {
                Some(ObjKind::Set(_) | ObjKind::FrozenSet(_)) => b.clone(),
                _ => match self.collect(b) {
                    Ok(items) => self.new_set_from(items)?,
                    Err(_) => return Ok(None),
                },
            };
            return self.set_binop(op, &sa, &sb).map(Some);
        }
        let (Some(ao), bo) = (a.as_obj(), b.as_obj()) else {
            // a is a number/None and b is a sequence: int * seq
            if op == BinOp::Mul && (num::is_int(a) || self.has_index(a)) && is_sequence_native(b) {
                return self.native_binop(op, b, a);
            }
            return Ok(None);
        };
        match (&ao.kind, op) {
            (ObjKind::Str(x), BinOp::Add) => {
                if let Some(y) = super::str_of(b) {
                    let mut s = String::with_capacity(x.s.len() + y.len());
                    s.push_str(&x.s);
                    s.push_str(y);
                    return Ok(Some(super::new_string(s)));
                }
            }
            (ObjKind::Str(x), BinOp::Mul) => {
                if num::is_int(b) || self.has_index(b) {
                    let n = self.index_value(b)?;
                    if n <= 0 {
                        return Ok(Some(super::new_str("")));
                    }
                    if (x.s.len() as u128) * (n as u128) > (1u128 << 34) {
                        return Err(self.new_error("MemoryError", String::new()));
                    }
                    return Ok(Some(super::new_string(x.s.repeat(n as usize))));
                }
            }
            (ObjKind::Str(_), BinOp::Mod) => return self.str_percent(a, b).map(Some),
            (ObjKind::Bytes(_) | ObjKind::ByteArray(_), BinOp::Mod) => {
                let fmt = bytes_like(a).unwrap_or_default();
                let r = crate::builtins::strings::bytes::bytes_percent(self, &fmt, b)?;
                return Ok(Some(if matches!(ao.kind, ObjKind::ByteArray(_)) { crate::builtins::strings::bytes::new_bytearray(r) } else { super::new_bytes(r) }));
            }
            (ObjKind::ByteArray(x), BinOp::Mul) => {
                if num::is_int(b) || self.has_index(b) {
                    let n = self.index_value(b)?.max(0) as usize;
                    let v = x.borrow().repeat(n);
                    return Ok(Some(crate::builtins::strings::bytes::new_bytearray(v)));
                }
            }
            (ObjKind::Bytes(x), BinOp::Add) => {
                if let Some(y) = bytes_like(b) {
                    let mut v = x.to_vec();
                    v.extend_from_slice(&y);
                    return Ok(Some(super::new_bytes(v)));
                }
            }
            (ObjKind::Bytes(x), BinOp::Mul) => {
                if num::is_int(b) || self.has_index(b) {
                    let n = self.index_value(b)?.max(0) as usize;
                    return Ok(Some(super::new_bytes(x.repeat(n))));
                }
            }
            (ObjKind::ByteArray(x), BinOp::Add) => {
                if let Some(y) = bytes_like(b) {
                    let mut v = x.borrow().clone();
                    v.extend_from_slice(&y);
                    return Ok(Some(Value::new_obj(Obj { kind: ObjKind::ByteArray(std::cell::RefCell::new(v)) })));
                }
            }
            (ObjKind::List(x), BinOp::Add) => {
                if let Some(Obj { kind: ObjKind::List(y) }) = bo {
                    let mut v = x.borrow().clone();
                    v.extend(y.borrow().iter().cloned());
                    return Ok(Some(super::new_list(v)));
                }
            }
            (ObjKind::List(x), BinOp::Mul) => {
                if num::is_int(b) || self.has_index(b) {
                    let n = self.index_value(b)?.max(0) as usize;
                    let src = x.borrow();
                    if (src.len() as u128) * (n as u128) > (1u128 << 31) {
                        return Err(self.new_error("MemoryError", String::new()));
                    }
                    let mut v = Vec::with_capacity(src.len() * n);
                    for _ in 0..n {
                        v.extend(src.iter().cloned());
                    }
                    return Ok(Some(super::new_list(v)));
                }
            }
            (ObjKind::Tuple(x), BinOp::Add) => {
                if let Some(Obj { kind: ObjKind::Tuple(y) }) = bo {
                    let mut v = x.to_vec();
                    v.extend(y.iter().cloned());
                    return Ok(Some(super::new_tuple(v)));
                }
            }
            (ObjKind::Tuple(x), BinOp::Mul) => {
                if num::is_int(b) || self.has_index(b) {
                    let n = self.index_value(b)?.max(0) as usize;
                    if (x.len() as u128) * (n as u128) > (1u128 << 31) {
                        return Err(self.new_error("MemoryError", String::new()));
                    }
                    let mut v = Vec::with_capacity(x.len() * n);
                    for _ in 0..n {
                        v.extend(x.iter().cloned());
                    }
                    return Ok(Some(super::new_tuple(v)));
                }
            }
            (ObjKind::Set(_) | ObjKind::FrozenSet(_), BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor) => {
                if self.is_set_like(b) {
                    return self.set_binop(op, a, b).map(Some);
                }
            }
            (ObjKind::Dict(x), BinOp::Or) => {
                if let Some(Obj { kind: ObjKind::Dict(_) }) = bo {
                    let d = super::new_dict(x.borrow().clone());
                    self.dict_update(&d, b, false)?;
                    return Ok(Some(d));
                }
            }
            _ => {}
        }
        Ok(None)
    }

    pub fn neg(&mut self, a: &Value) -> PyResult<Value> {
        match num_of(a) {
            Some(Num::Int(i)) => Ok(match i.checked_neg() {
                Some(n) => super::new_int(n),
                None => super::new_bigint(-BigInt::from(i)),
            }),
            Some(Num::Big(b)) => Ok(super::new_bigint(-b.clone())),
            Some(Num::Float(f)) => Ok(Value::float(-f)),
            Some(Num::Complex(r, i)) => Ok(super::new_complex(-r, -i)),
            None => self.unary_dunder(a, "__neg__", "-"),
        }
    }

    pub fn pos(&mut self, a: &Value) -> PyResult<Value> {
        match num_of(a) {
            Some(Num::Int(i)) => Ok(super::new_int(i)),
            Some(_) => Ok(a.clone()),
            None => self.unary_dunder(a, "__pos__", "+"),
        }
    }

    pub fn invert(&mut self, a: &Value) -> PyResult<Value> {
        match num_of(a) {
            Some(Num::Int(i)) => Ok(super::new_int(!i)),
            Some(Num::Big(b)) => Ok(super::new_bigint(-b.clone() - 1)),
            _ => self.unary_dunder(a, "__invert__", "~"),
        }
    }

    fn unary_dunder(&mut self, a: &Value, name: &str, sym: &str) -> PyResult<Value> {
        let t = self.type_of(a);
        if let Some(m) = self.user_method(&t, name) {
            return self.call(&m, &[a.clone()], &[]);
        }
        let b = base_value(a);
        if !b.is(a) {
            return match sym {
                "-" => self.neg(&b),
                "+" => self.pos(&b),
                _ => self.invert(&b),
            };
        }
        let tn = self.type_name(a);
        Err(self.type_error(format!("bad operand type for unary {sym}: '{tn}'")))
    }

    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v.view() {
            V::Bool(b) => b,
            V::None | V::Null => false,
            V::Int(i) => i != 0,
            V::Float(f) => f != 0.0,
            V::Obj(o) => match &o.kind {
                ObjKind::Str(s) => !s.s.is_empty(),
                ObjKind::List(l) => !l.borrow().is_empty(),
                ObjKind::Tuple(t) => !t.is_empty(),
                ObjKind::Dict(d) => !d.borrow().is_empty(),
                ObjKind::Set(s) => s.borrow().len() > 0,
                ObjKind::FrozenSet(s) => s.len() > 0,
                ObjKind::Int(b) => !b.is_zero(),
                ObjKind::Complex(r, i) => *r != 0.0 || *i != 0.0,
                ObjKind::Bytes(b) => !b.is_empty(),
                ObjKind::ByteArray(b) => !b.borrow().is_empty(),
                ObjKind::Range(r) => r.len() > 0,
                ObjKind::BigRange(b) => !super::iter::big_range_len(b).is_zero(),
                ObjKind::Instance(_) => return self.instance_truthy(v),
                _ => true,
            },
        })
    }

    fn instance_truthy(&mut self, v: &Value) -> PyResult<bool> {
        let t = self.type_of(v);
        if let Some(m) = self.user_method(&t, "__bool__") {
            let r = self.call(&m, &[v.clone()], &[])?;
            if !r.is_bool() {
                let tn = self.type_name(&r);
                return Err(self.type_error(format!("__bool__ should return bool, returned {tn}")));
            }
            return Ok(r.is(&Value::TRUE));
        }
        if let Some(m) = self.user_method(&t, "__len__") {
            let r = self.call(&m, &[v.clone()], &[])?;
            let n = self.index_value(&r)?;
            if n < 0 {
                return Err(self.value_error("__len__() should return >= 0".into()));
            }
            return Ok(n != 0);
        }
        let b = base_value(v);
        if !b.is(v) {
            return self.truthy(&b);
        }
        Ok(true)
    }

    /// `a op b` for comparisons, returning the Python result object.
    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        let (ai, bi) = (is_instance_obj(a), is_instance_obj(b));
        if ai || bi {
            return self.rich_compare_dunder(op, a, b);
        }
        match self.native_compare(op, a, b)? {
            Some(r) => Ok(Value::bool(r)),
            None => match op {
                CmpOp::Eq => Ok(Value::bool(a.is(b))),
                CmpOp::Ne => Ok(Value::bool(!a.is(b))),
                _ => Err(self.compare_error(op, a, b)),
            },
        }
    }

    fn compare_error(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyErr {
        let (ta, tb) = (self.type_name(a), self.type_name(b));
        self.type_error(format!("'{}' not supported between instances of '{ta}' and '{tb}'", op.symbol()))
    }

    fn rich_compare_dunder(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        let (ta, tb) = (self.type_of(a), self.type_of(b));
        let swapped = op.swapped();
        let am = self.user_method(&ta, op.dunder());
        let bm = self.user_method(&tb, swapped.dunder());
        let mut tried_b = false;
        if let Some(m) = &bm {
            if !ta.is(&tb) && self.is_subtype(&tb, &ta) {
                tried_b = true;
                let r = self.call(m, &[b.clone(), a.clone()], &[])?;
                if !super::is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
        if let Some(m) = am {
            let r = self.call(&m, &[a.clone(), b.clone()], &[])?;
            if !super::is_not_implemented(&r) {
                return Ok(r);
            }
        } else {
            let (ab, bb) = (base_value(a), base_value(b));
            if (!ab.is(a) || !is_instance_obj(a)) && (!bb.is(b) || !is_instance_obj(b)) && !is_instance_obj(&ab) && !is_instance_obj(&bb) {
                if let Some(r) = self.native_compare(op, &ab, &bb)? {
                    return Ok(Value::bool(r));
                }
            }
        }
        if let (Some(m), false) = (&bm, tried_b) {
            let r = self.call(m, &[b.clone(), a.clone()], &[])?;
            if !super::is_not_implemented(&r) {
                return Ok(r);
            }
        }
        // `!=` defaults to the inverse of `__eq__`.
        if op == CmpOp::Ne {
            if let Some(m) = self.user_method(&ta, "__eq__") {
                let r = self.call(&m, &[a.clone(), b.clone()], &[])?;
                if !super::is_not_implemented(&r) {
                    let t = self.truthy(&r)?;
                    return Ok(Value::bool(!t));
                }
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::bool(a.is(b))),
            CmpOp::Ne => Ok(Value::bool(!a.is(b))),
            _ => Err(self.compare_error(op, a, b)),
        }
    }

    /// Equality as containers use it (identity first).
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = crate::dict::key_eq_fast(a, b) {
            return Ok(r);
        }
        let r = self.compare(CmpOp::Eq, a, b)?;
        self.truthy(&r)
    }

    fn native_compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Option<bool>> {
        if let (Some(x), Some(y)) = (num_of(a), num_of(b)) {
            if let (Num::Complex(..), _) | (_, Num::Complex(..)) = (&x, &y) {
                let c = |n: &Num| match n {
                    Num::Complex(r, i) => Some((*r, *i)),
                    other => num::int_to_f64(other).map(|f| (f, 0.0)),
                };
                return Ok(match op {
                    CmpOp::Eq => Some(c(&x) == c(&y)),
                    CmpOp::Ne => Some(c(&x) != c(&y)),
                    _ => None,
                });
            }
            let ord = num_cmp(&x, &y);
            return Ok(Some(apply_ord(op, ord)));
        }
        let (Some(ao), Some(bo)) = (a.as_obj(), b.as_obj()) else {
            if a.is_none() && b.is_none() {
                return Ok(match op {
                    CmpOp::Eq => Some(true),
                    CmpOp::Ne => Some(false),
                    _ => None,
                });
            }
            return Ok(None);
        };
        match (&ao.kind, &bo.kind) {
            (ObjKind::Str(x), ObjKind::Str(y)) => Ok(Some(apply_ord(op, Some(x.s.as_bytes().cmp(y.s.as_bytes()))))),
            (ObjKind::Bytes(x), ObjKind::Bytes(y)) => Ok(Some(apply_ord(op, Some(x.cmp(y))))),
            (ObjKind::ByteArray(_) | ObjKind::Bytes(_), ObjKind::ByteArray(_) | ObjKind::Bytes(_)) => {
                let (x, y) = (bytes_like(a).unwrap_or_default(), bytes_like(b).unwrap_or_default());
                Ok(Some(apply_ord(op, Some(x.cmp(&y)))))
            }
            (ObjKind::Tuple(x), ObjKind::Tuple(y)) => {
                let (x, y) = (x.to_vec(), y.to_vec());
                self.seq_compare(op, &x, &y).map(Some)
            }
            (ObjKind::List(x), ObjKind::List(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                self.seq_compare(op, &x, &y).map(Some)
            }
            (ObjKind::Dict(_), ObjKind::Dict(_)) => match op {
                CmpOp::Eq | CmpOp::Ne => {
                    let e = self.dict_eq(a, b)?;
                    Ok(Some(if op == CmpOp::Eq { e } else { !e }))
                }
                _ => Ok(None),
            },
            (ObjKind::Set(_) | ObjKind::FrozenSet(_), ObjKind::Set(_) | ObjKind::FrozenSet(_)) => self.set_compare(op, a, b).map(Some),
            (ObjKind::DictView(0 | 2, _), ObjKind::Set(_) | ObjKind::FrozenSet(_) | ObjKind::DictView(0 | 2, _)) | (ObjKind::Set(_) | ObjKind::FrozenSet(_), ObjKind::DictView(0 | 2, _)) => {
                let (sa, sb) = (self.view_to_set(a)?, self.view_to_set(b)?);
                self.set_compare(op, &sa, &sb).map(Some)
            }
            (ObjKind::Range(x), ObjKind::Range(y)) => match op {
                CmpOp::Eq | CmpOp::Ne => {
                    let (lx, ly) = (x.len(), y.len());
                    let e = lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step)));
                    Ok(Some(if op == CmpOp::Eq { e } else { !e }))
                }
                _ => Ok(None),
            },
            (ObjKind::Slice(a1, b1, c1), ObjKind::Slice(a2, b2, c2)) => {
                let x = vec![a1.clone(), b1.clone(), c1.clone()];
                let y = vec![a2.clone(), b2.clone(), c2.clone()];
                self.seq_compare(op, &x, &y).map(Some)
            }
            _ => Ok(None),
        }
    }

    fn seq_compare(&mut self, op: CmpOp, x: &[Value], y: &[Value]) -> PyResult<bool> {
        if self.depth >= self.recursion_limit {
            return Err(self.new_error("RecursionError", "maximum recursion depth exceeded in comparison".to_string()));
        }
        self.depth += 1;
        let r = self.seq_compare_inner(op, x, y);
        self.depth -= 1;
        r
    }

    fn seq_compare_inner(&mut self, op: CmpOp, x: &[Value], y: &[Value]) -> PyResult<bool> {
        if matches!(op, CmpOp::Eq | CmpOp::Ne) && x.len() != y.len() {
            return Ok(op == CmpOp::Ne);
        }
        for (a, b) in x.iter().zip(y.iter()) {
            if !self.eq(a, b)? {
                return match op {
                    CmpOp::Eq => Ok(false),
                    CmpOp::Ne => Ok(true),
                    _ => {
                        let r = self.compare(op, a, b)?;
                        self.truthy(&r)
                    }
                };
            }
        }
        Ok(apply_ord(op, Some(x.len().cmp(&y.len()))))
    }

    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        Ok(match v.view() {
            V::Int(i) => crate::hash::hash_i64(i),
            V::Bool(b) => b as i64,
            V::Float(f) => crate::hash::hash_f64(f).unwrap_or((v.id() >> 4) as i64),
            V::None => 0xFCA86420,
            V::Null => 0,
            V::Obj(o) => match &o.kind {
                ObjKind::Str(_) => super::str_hash(v),
                ObjKind::Int(b) => crate::hash::hash_bigint(b),
                ObjKind::Tuple(t) => {
                    let items = t.to_vec();
                    let mut hs = Vec::with_capacity(items.len());
                    for it in &items {
                        hs.push(self.hash(it)?);
                    }
                    crate::hash::hash_tuple(&hs)
                }
                ObjKind::Bytes(b) => crate::hash::hash_bytes(b),
                ObjKind::Complex(r, i) => crate::hash::hash_complex(*r, *i),
                ObjKind::FrozenSet(s) => {
                    let hs: Vec<i64> = s.iter().map(|(_, h)| h).collect();
                    crate::hash::hash_frozenset(&hs)
                }
                ObjKind::Range(r) => {
                    let t = super::new_tuple(vec![super::new_int(r.len()), super::new_int(r.start), super::new_int(r.step)]);
                    self.hash(&t)?
                }
                ObjKind::List(_) | ObjKind::Dict(_) | ObjKind::Set(_) | ObjKind::ByteArray(_) | ObjKind::Slice(..) => {
                    let tn = self.type_name(v);
                    return Err(self.type_error(format!("unhashable type: '{tn}'")));
                }
                ObjKind::Instance(_) => return self.instance_hash(v),
                _ => (v.id() >> 4) as i64,
            },
        })
    }

    fn instance_hash(&mut self, v: &Value) -> PyResult<i64> {
        let t = self.type_of(v);
        let hname = self.names.__hash__.clone();
        // __hash__ = None (set implicitly when __eq__ is defined without __hash__).
        if let Some(tt) = type_obj(&t) {
            for c in tt.mro.borrow().iter() {
                let Some(ct) = type_obj(c) else { continue };
                if ct.is_builtin {
                    break;
                }
                let d = ct.dict.borrow();
                if let Some(h) = d.get_str(&hname, super::str_hash(&hname)) {
                    if h.is_none() {
                        drop(d);
                        let tn = self.type_name(v);
                        return Err(self.type_error(format!("unhashable type: '{tn}'")));
                    }
                    let h = h.clone();
                    drop(d);
                    let r = self.call(&h, &[v.clone()], &[])?;
                    return match num_of(&r) {
                        Some(Num::Int(i)) => Ok(if i == -1 { -2 } else { i }),
                        // A result that fits 64 bits is the hash itself (as CPython takes
                        // it when it fits a `Py_ssize_t`); a larger one is hashed as an int.
                        Some(Num::Big(b)) => Ok(match b.to_i64() {
                            Some(-1) => -2,
                            Some(i) => i,
                            None => crate::hash::hash_bigint(b),
                        }),
                        _ => Err(self.type_error("__hash__ method should return an integer".to_string())),
                    };
                }
                let eqn = self.names.__eq__.clone();
                if d.get_str(&eqn, super::str_hash(&eqn)).is_some() {
                    drop(d);
                    let tn = self.type_name(v);
                    return Err(self.type_error(format!("unhashable type: '{tn}'")));
                }
            }
        }
        let b = base_value(v);
        if !b.is(v) {
            return self.hash(&b);
        }
        Ok((v.id() >> 4) as i64)
    }

    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if let Some(o) = container.as_obj() {
            match &o.kind {
                ObjKind::Str(s) => {
                    return match super::str_of(item) {
                        Some(sub) => Ok(s.s.contains(sub)),
                        None => {
                            let tn = self.type_name(item);
                            Err(self.type_error(format!("'in <string>' requires string as left operand, not {tn}")))
                        }
                    }
                }
                ObjKind::List(l) => {
                    let items = l.borrow().clone();
                    for x in &items {
                        if self.eq(x, item)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
                ObjKind::Tuple(t) => {
                    for x in t.iter() {
                        if self.eq(x, item)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
                ObjKind::Dict(_) => return self.dict_contains(container, item),
                ObjKind::DictView(0, d) => {
                    let d = d.clone();
                    return self.dict_contains(&d, item);
                }
                ObjKind::DictView(2, d) => {
                    let d = d.clone();
                    let Some(Obj { kind: ObjKind::Tuple(t) }) = item.as_obj() else { return Ok(false) };
                    if t.len() != 2 {
                        return Ok(false);
                    }
                    return match self.dict_lookup(&d, &t[0])? {
                        Some(v) => self.eq(&v, &t[1]),
                        None => Ok(false),
                    };
                }
                ObjKind::Set(_) | ObjKind::FrozenSet(_) => return self.set_contains(container, item),
                ObjKind::Range(r) => {
                    if let Some(i) = item.as_small_int().or_else(|| if item.is_bool() { Some(item.is(&Value::TRUE) as i64) } else { None }) {
                        let r = r.clone();
                        if r.step > 0 && (i < r.start || i >= r.stop) || r.step < 0 && (i > r.start || i <= r.stop) {
                            return Ok(false);
                        }
                        return Ok((i - r.start) % r.step == 0);
                    }
                }
                ObjKind::BigRange(b) => {
                    let b = b.clone();
                    if let Some(found) = self.big_range_contains(&b, item) {
                        return Ok(found);
                    }
                }
                ObjKind::Bytes(_) | ObjKind::ByteArray(_) => {
                    let hay = bytes_like(container).unwrap_or_default();
                    if let Some(i) = item.as_small_int() {
                        return Ok(hay.contains(&(i as u8)));
                    }
                    if let Some(n) = bytes_like(item) {
                        return Ok(n.is_empty() || hay.windows(n.len()).any(|w| w == &n[..]));
                    }
                }
                ObjKind::Instance(_) => {
                    let t = self.type_of(container);
                    if let Some(m) = self.user_method(&t, "__contains__") {
                        let r = self.call(&m, &[container.clone(), item.clone()], &[])?;
                        return self.truthy(&r);
                    }
                    let b = base_value(container);
                    if !b.is(container) {
                        return self.contains(&b, item);
                    }
                }
                _ => {}
            }
        }
        // Fall back to iteration (or __getitem__ iteration).
        let it = match self.get_iter(container) {
            Ok(it) => it,
            Err(e) if self.is_instance_of_exc(&e, "TypeError") => {
                let tn = self.type_name(container);
                return Err(self.type_error(format!("argument of type '{tn}' is not iterable")));
            }
            Err(e) => return Err(e),
        };
        while let Some(x) = self.iter_next(&it)? {
            if self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `str(v)` as a Rust string.
    pub fn to_str(&mut self, v: &Value) -> PyResult<String> {
        if let Some(s) = super::str_of(v) {
            return Ok(s.to_string());
        }
        let r = self.str_value(v)?;
        Ok(super::str_of(&r).unwrap_or("").to_string())
    }

    /// `str(v)` as a value.
    pub fn str_value(&mut self, v: &Value) -> PyResult<Value> {
        if super::str_of(v).is_some() {
            return Ok(v.clone());
        }
        if let Some(Obj { kind: ObjKind::Instance(inst) }) = v.as_obj() {
            let t = self.type_of(v);
            if let Some(m) = self.user_method(&t, "__str__") {
                let r = self.call(&m, &[v.clone()], &[])?;
                if super::str_of(&r).is_none() && !matches!(r.as_obj().map(|o| &o.kind), Some(ObjKind::Instance(_))) {
                    let tn = self.type_name(&r);
                    return Err(self.type_error(format!("__str__ returned non-string (type {tn})")));
                }
                return Ok(base_value(&r));
            }
            if inst.exc.is_some() {
                // The exception type's own (native) __str__, e.g. KeyError, OSError, groups.
                if let Some(m) = self.lookup_type(&t, &self.names.__str__.clone()) {
                    let r = self.call(&m, &[v.clone()], &[])?;
                    if super::str_of(&r).is_none() {
                        let tn = self.type_name(&r);
                        return Err(self.type_error(format!("__str__ returned non-string (type {tn})")));
                    }
                    return Ok(r);
                }
                return self.exception_str(v);
            }
            // Subclasses of built-ins print their payload, unless the class itself defines the
            // representation (a Python __repr__, or a native one of its own like UnionType).
            let own_native_repr = matches!(self.lookup_type(&t, &self.names.__repr__.clone()).as_ref().and_then(|r| r.as_obj()).map(|o| &o.kind), Some(ObjKind::Builtin(bf)) if bf.owner.is(&t));
            if self.user_method(&t, "__repr__").is_none() && !own_native_repr {
                let b = base_value(v);
                if !b.is(v) {
                    return self.str_value(&b);
                }
            }
            return self.repr_value(v);
        }
        match v.view() {
            V::Float(f) => Ok(super::new_string(crate::format::float_repr(f))),
            _ => self.repr_value(v),
        }
    }

    pub fn exception_str(&mut self, v: &Value) -> PyResult<Value> {
        let args = super::exc::exc_fields(v).map(|f| f.borrow().args.clone()).unwrap_or(Value::NONE);
        let items: Vec<Value> = match args.as_obj() {
            Some(Obj { kind: ObjKind::Tuple(t) }) => t.to_vec(),
            _ => Vec::new(),
        };
        let key_error = self.exc_type("KeyError");
        match items.len() {
            0 => Ok(super::new_str("")),
            1 => {
                if self.isinstance_type(v, &key_error) {
                    self.repr_value(&items[0])
                } else {
                    self.str_value(&items[0])
                }
            }
            _ => self.repr_value(&args),
        }
    }

    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        let r = self.repr_value(v)?;
        Ok(super::str_of(&r).unwrap_or("").to_string())
    }

    pub fn index_value(&mut self, v: &Value) -> PyResult<i64> {
        match num_of(v) {
            Some(Num::Int(i)) => Ok(i),
            Some(Num::Big(b)) => match b.to_i64() {
                Some(i) => Ok(i),
                None => {
                    let tn = self.type_name(v);
                    Err(self.new_error("OverflowError", format!("cannot fit '{tn}' into an index-sized integer")))
                }
            },
            _ => {
                let t = self.type_of(v);
                if let Some(m) = self.user_method(&t, "__index__") {
                    let r = self.call(&m, &[v.clone()], &[])?;
                    return self.index_value(&r);
                }
                let b = base_value(v);
                if !b.is(v) {
                    return self.index_value(&b);
                }
                let tn = self.type_name(v);
                Err(self.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
            }
        }
    }

    /// `operator.index(v)` keeping big ints.
    pub fn index_bigint(&mut self, v: &Value) -> PyResult<BigInt> {
        match num_of(v) {
            Some(Num::Int(i)) => Ok(BigInt::from(i)),
            Some(Num::Big(b)) => Ok(b.clone()),
            _ => {
                let t = self.type_of(v);
                if let Some(m) = self.user_method(&t, "__index__") {
                    let r = self.call(&m, &[v.clone()], &[])?;
                    return self.index_bigint(&r);
                }
                let b = base_value(v);
                if !b.is(v) {
                    return self.index_bigint(&b);
                }
                let tn = self.type_name(v);
                Err(self.type_error(format!("'{tn}' object cannot be interpreted as an integer")))
            }
        }
    }
}

impl Vm {
    /// An instance whose class defines `__index__` (usable as a sequence count/index).
    pub fn has_index(&self, v: &Value) -> bool {
        if !is_instance_obj(v) {
            return false;
        }
        let t = self.type_of(v);
        self.user_method(&t, "__index__").is_some()
    }
}

fn is_set_view(v: &Value) -> bool {
    matches!(v.as_obj().map(|o| &o.kind), Some(ObjKind::DictView(0 | 2, _)))
}

impl Vm {
    /// Items of a dict view: keys, values, or (key, value) tuples.
    pub fn dict_view_items(&self, kind: u8, d: &Value) -> Vec<Value> {
        let Some(dd) = super::dict_of(d) else { return Vec::new() };
        let dd = dd.borrow();
        match kind {
            0 => dd.keys(),
            1 => dd.values(),
            _ => dd.items().into_iter().map(|(k, v)| super::new_tuple(vec![k, v])).collect(),
        }
    }

    /// A set with the contents of a keys/items view (or the set itself).
    pub fn view_to_set(&mut self, v: &Value) -> PyResult<Value> {
        match v.as_obj().map(|o| &o.kind) {
            Some(ObjKind::DictView(k, d)) => {
                let items = self.dict_view_items(*k, &d.clone());
                self.new_set_from(items)
            }
            _ => Ok(v.clone()),
        }
    }
}

fn is_sequence_native(v: &Value) -> bool {
    matches!(v.as_obj().map(|o| &o.kind), Some(ObjKind::Str(_) | ObjKind::List(_) | ObjKind::Tuple(_) | ObjKind::Bytes(_) | ObjKind::ByteArray(_)))
}

pub fn bytes_like(v: &Value) -> Option<Vec<u8>> {
    match v.as_obj().map(|o| &o.kind) {
        Some(ObjKind::Bytes(b)) => Some(b.to_vec()),
        Some(ObjKind::ByteArray(b)) => Some(b.borrow().clone()),
        _ => None,
    }
}

pub fn apply_ord(op: CmpOp, ord: Option<Ordering>) -> bool {
    match ord {
        None => op == CmpOp::Ne,
        Some(o) => match op {
            CmpOp::Lt => o == Ordering::Less,
            CmpOp::Le => o != Ordering::Greater,
            CmpOp::Eq => o == Ordering::Equal,
            CmpOp::Ne => o != Ordering::Equal,
            CmpOp::Gt => o == Ordering::Greater,
            CmpOp::Ge => o != Ordering::Less,
        },
    }
}

/// Exact comparison of ints and floats (None if a NaN is involved).
pub fn num_cmp(x: &Num, y: &Num) -> Option<Ordering> {
    match (x, y) {
        (Num::Int(a), Num::Int(b)) => Some(a.cmp(b)),
        (Num::Float(a), Num::Float(b)) => a.partial_cmp(b),
        (Num::Big(a), Num::Big(b)) => Some((*a).cmp(*b)),
        (Num::Int(a), Num::Big(b)) => Some(BigInt::from(*a).cmp(b)),
        (Num::Big(a), Num::Int(b)) => Some((*a).cmp(&BigInt::from(*b))),
        (Num::Float(f), i) => num_cmp(i, &Num::Float(*f)).map(|o| o.reverse()),
        (i, Num::Float(f)) => {
            if f.is_nan() {
                return None;
            }
            if f.is_infinite() {
                return Some(if *f > 0.0 { Ordering::Less } else { Ordering::Greater });
            }
            let ib = match i {
                Num::Int(a) => {
                    if a.unsigned_abs() < (1 << 53) {
                        return (*a as f64).partial_cmp(f);
                    }
                    BigInt::from(*a)
                }
                Num::Big(b) => (*b).clone(),
                _ => return None,
            };
            let fl = f.floor();
            let fb = BigInt::from(fl as i128);
            let fb = if fl.abs() < 1e38 { fb } else { float_to_bigint(fl) };
            match ib.cmp(&fb) {
                Ordering::Equal => {
                    if fl == *f { Some(Ordering::Equal) } else { Some(Ordering::Less) }
                }
                o => Some(o),
            }
        }
        _ => None,
    }
}

pub fn float_to_bigint(f: f64) -> BigInt {
    if f.abs() < 9.0e18 {
        return BigInt::from(f as i64);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1 << 52) - 1)) | (1 << 52);
    let m = BigInt::from(mant);
    let r = if exp >= 0 { m << exp as u64 } else { m >> (-exp) as u64 };
    if f < 0.0 { -r } else { r }
}

#[allow(dead_code)]
fn _sign(b: &BigInt) -> bool {
    b.is_negative()
}
