//! `set` and `frozenset` methods and the VM's set helpers, built on the CPython-faithful
//! table in `crate::sets`.

use crate::bytecode::opcodes::{BinOp, CmpOp};
use crate::object::*;
use crate::sets::{ops as setops, SetObj, VmEq};
use crate::value::Value;
use crate::vm::ops::base_value;
use crate::vm::{self, Vm};
use crate::PyResult;
use std::cell::RefCell;

// ---- sets ----

pub fn set_of(v: &Value) -> Option<std::cell::Ref<'_, SetObj>> {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::Set(s) }) => Some(s.borrow()),
        _ => None,
    }
}

/// Runs `f` with the table of a set or frozenset.
pub(super) fn with_table<R>(v: &Value, f: impl FnOnce(&SetObj) -> R) -> Option<R> {
    match v.as_obj().map(|o| &o.kind) {
        Some(ObjKind::Set(s)) => Some(f(&s.borrow())),
        Some(ObjKind::FrozenSet(s)) => Some(f(s)),
        _ => None,
    }
}

pub(super) fn table_clone(v: &Value) -> Option<SetObj> {
    with_table(v, |t| t.clone())
}

impl Vm {
    pub fn is_set_like(&self, v: &Value) -> bool {
        matches!(base_value(v).as_obj().map(|o| &o.kind), Some(ObjKind::Set(_) | ObjKind::FrozenSet(_)))
    }

    pub fn new_set_from(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let mut t = SetObj::new();
        for it in items {
            let h = self.hash(&it)?;
            t.add(it, h, &mut VmEq(self))?;
        }
        Ok(Value::new_obj(Obj { kind: ObjKind::Set(RefCell::new(t)) }))
    }

    /// A set table from any iterable (set/frozenset copied the CPython way).
    pub fn set_table_from(&mut self, src: &Value) -> PyResult<SetObj> {
        let b = base_value(src);
        if let Some(t) = with_table(&b, setops::copy) {
            return Ok(t);
        }
        if let Some(d) = vm::dict_of(&b) {
            let entries: Vec<(Value, i64)> = d.borrow().raw_entries().iter().filter(|e| !e.key.is_null()).map(|e| (e.key.clone(), e.hash)).collect();
            let mut t = SetObj::new();
            let n = entries.len();
            setops::update_from_dict(&mut t, n, entries.into_iter(), &mut VmEq(self))?;
            return Ok(t);
        }
        let it = self.get_iter(src)?;
        let mut t = SetObj::new();
        while let Some(x) = self.iter_next(&it)? {
            let h = self.hash(&x)?;
            t.add(x, h, &mut VmEq(self))?;
        }
        Ok(t)
    }

    pub fn set_add(&mut self, s: &Value, v: Value) -> PyResult<()> {
        let h = self.hash(&v)?;
        let b = base_value(s);
        if let Some(Obj { kind: ObjKind::Set(cell) }) = b.as_obj() {
            let mut t = std::mem::take(&mut *cell.borrow_mut());
            let r = t.add(v, h, &mut VmEq(self));
            *cell.borrow_mut() = t;
            r?;
        }
        Ok(())
    }

    pub fn set_contains(&mut self, s: &Value, v: &Value) -> PyResult<bool> {
        let h = match self.hash(v) {
            Ok(h) => h,
            Err(e) => {
                // A set is looked up as the equal frozenset.
                if let Some(t) = set_of(v).map(|t| t.clone()) {
                    let fh = t.frozenset_hash();
                    let fz = Value::new_obj(Obj { kind: ObjKind::FrozenSet(t) });
                    let table = table_clone(&base_value(s)).unwrap_or_default();
                    return table.contains(&fz, fh, &mut VmEq(self));
                }
                return Err(e);
            }
        };
        let table = table_clone(&base_value(s)).unwrap_or_default();
        table.contains(v, h, &mut VmEq(self))
    }

    /// `a op b` for two sets/frozensets: the result has `a`'s type.
    pub fn set_binop(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        let (ab, bb) = (base_value(a), base_value(b));
        let ta = table_clone(&ab).unwrap_or_default();
        let same = ab.is(&bb);
        let tb = if same { None } else { table_clone(&bb) };
        let other = match &tb {
            Some(t) => setops::Operand::Set(t),
            None => setops::Operand::Itself,
        };
        let r = match op {
            BinOp::Or => setops::union(&ta, other, &mut VmEq(self))?,
            BinOp::And => setops::intersection(&ta, other, &mut VmEq(self))?,
            BinOp::Sub => setops::difference(&ta, other, &mut VmEq(self))?,
            _ => setops::symmetric_difference(&ta, other, &mut VmEq(self))?,
        };
        let frozen = matches!(ab.as_obj().map(|o| &o.kind), Some(ObjKind::FrozenSet(_)));
        Ok(Value::new_obj(Obj { kind: if frozen { ObjKind::FrozenSet(r) } else { ObjKind::Set(RefCell::new(r)) } }))
    }

    /// In-place set operators: replace `s`'s contents with those of `r`.
    pub fn set_replace_contents(&mut self, s: &Value, r: &Value) {
        if let (Some(Obj { kind: ObjKind::Set(cell) }), Some(t)) = (s.as_obj(), table_clone(r)) {
            let mut t = t;
            cell.borrow_mut().swap_bodies(&mut t);
        }
    }

    /// In-place `a |= b`, `a &= b`, `a -= b`, `a ^= b` for a set `a` and a set/frozenset `b`,
    /// mutating `a`'s table the way CPython does (so iteration order matches).
    pub fn set_inplace_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<()> {
        let sa = base_value(a);
        let sb = base_value(b);
        let same = sa.is(&sb);
        match op {
            BinOp::Or | BinOp::And => {
                set_update_inplace(self, &[sa, sb], op)?;
            }
            BinOp::Sub | BinOp::Xor => {
                let tb = if same { None } else { table_clone(&sb) };
                with_set_mut(self, &sa, |vm, t| {
                    let other = match &tb {
                        Some(x) => setops::Operand::Set(x),
                        None => setops::Operand::Itself,
                    };
                    if op == BinOp::Sub {
                        setops::difference_update(t, other, &mut VmEq(vm))
                    } else {
                        setops::symmetric_difference_update(t, other, &mut VmEq(vm))
                    }
                })?;
            }
            _ => {}
        }
        Ok(())
    }

    pub fn set_compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<bool> {
        let ta = table_clone(a).unwrap_or_default();
        let same = a.is(b);
        let tb = if same { None } else { table_clone(b) };
        let other = match &tb {
            Some(t) => setops::Operand::Set(t),
            None => setops::Operand::Itself,
        };
        let op2 = match op {
            CmpOp::Lt => setops::CompareOp::Lt,
            CmpOp::Le => setops::CompareOp::Le,
            CmpOp::Eq => setops::CompareOp::Eq,
            CmpOp::Ne => setops::CompareOp::Ne,
            CmpOp::Gt => setops::CompareOp::Gt,
            CmpOp::Ge => setops::CompareOp::Ge,
        };
        setops::rich_compare(&ta, None, other, None, op2, &mut VmEq(self))
    }
}

pub(super) fn set_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let set = vm.types.set.clone();
    let v = Value::new_obj(Obj { kind: ObjKind::Set(RefCell::new(SetObj::new())) });
    vm.wrap_subclass(&args[0], v, &set)
}

pub(super) fn set_init(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("set", &args[1..], 0, 1)?;
    let b = base_value(&args[0]);
    let t = match args.get(1) {
        Some(src) => vm.set_table_from(src)?,
        None => SetObj::new(),
    };
    if let Some(Obj { kind: ObjKind::Set(cell) }) = b.as_obj() {
        *cell.borrow_mut() = t;
    }
    Ok(Value::NONE)
}

pub(super) fn frozenset_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("frozenset", &args[1..], 0, 1)?;
    if let Some(src) = args.get(1) {
        if matches!(src.as_obj().map(|o| &o.kind), Some(ObjKind::FrozenSet(_))) && args[0].is(&vm.types.frozenset) {
            return Ok(src.clone());
        }
    }
    let t = match args.get(1) {
        Some(src) => vm.set_table_from(src)?,
        None => SetObj::new(),
    };
    let fs = vm.types.frozenset.clone();
    let v = Value::new_obj(Obj { kind: ObjKind::FrozenSet(t) });
    vm.wrap_subclass(&args[0], v, &fs)
}

pub(super) fn set_multi(vm: &mut Vm, args: &[Value], op: BinOp) -> PyResult<Value> {
    let mut acc = base_value(&args[0]);
    if args.len() == 1 {
        let t = table_clone(&acc).unwrap_or_default();
        let t = setops::copy(&t);
        let frozen = matches!(acc.as_obj().map(|o| &o.kind), Some(ObjKind::FrozenSet(_)));
        return Ok(Value::new_obj(Obj { kind: if frozen { ObjKind::FrozenSet(t) } else { ObjKind::Set(RefCell::new(t)) } }));
    }
    for other in &args[1..] {
        let o = if vm.is_set_like(other) {
            base_value(other)
        } else {
            let t = vm.set_table_from(other)?;
            Value::new_obj(Obj { kind: ObjKind::Set(RefCell::new(t)) })
        };
        acc = vm.set_binop(op, &acc, &o)?;
    }
    Ok(acc)
}

pub(super) fn set_union(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    set_multi(vm, args, BinOp::Or)
}
pub(super) fn set_intersection(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    set_multi(vm, args, BinOp::And)
}
pub(super) fn set_difference(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    set_multi(vm, args, BinOp::Sub)
}
pub(super) fn set_symmetric_difference(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("symmetric_difference", &args[1..], 1, 1)?;
    set_multi(vm, args, BinOp::Xor)
}

pub(super) fn set_op_dunder(vm: &mut Vm, args: &[Value], op: BinOp) -> PyResult<Value> {
    if !vm.is_set_like(&args[1]) {
        return Ok(vm::not_implemented());
    }
    vm.set_binop(op, &args[0], &args[1])
}
pub(super) fn set_or(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    set_op_dunder(vm, args, BinOp::Or)
}
pub(super) fn set_and(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    set_op_dunder(vm, args, BinOp::And)
}
pub(super) fn set_sub(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    set_op_dunder(vm, args, BinOp::Sub)
}
pub(super) fn set_xor(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    set_op_dunder(vm, args, BinOp::Xor)
}

pub(super) fn set_update_inplace(vm: &mut Vm, args: &[Value], op: BinOp) -> PyResult<Value> {
    let s = base_value(&args[0]);
    for other in &args[1..] {
        let o = if vm.is_set_like(other) {
            base_value(other)
        } else {
            let t = vm.set_table_from(other)?;
            Value::new_obj(Obj { kind: ObjKind::Set(RefCell::new(t)) })
        };
        if op == BinOp::Or {
            // update(): merge in place, keeping existing slots.
            let ot = table_clone(&o).unwrap_or_default();
            if let Some(Obj { kind: ObjKind::Set(cell) }) = s.as_obj() {
                let mut t = std::mem::take(&mut *cell.borrow_mut());
                let r = t.merge(&ot, &mut VmEq(vm));
                *cell.borrow_mut() = t;
                r?;
            }
        } else if op == BinOp::And {
            let r = vm.set_binop(op, &s, &o)?;
            vm.set_replace_contents(&s, &r);
        } else {
            vm.set_inplace_op(op, &s, &o)?;
        }
    }
    Ok(Value::NONE)
}

pub(super) fn set_update_m(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = base_value(&args[0]);
    for other in &args[1..] {
        if vm.is_set_like(other) {
            set_update_inplace(vm, &[s.clone(), other.clone()], BinOp::Or)?;
        } else {
            for x in vm.collect(other)? {
                vm.set_add(&s, x)?;
            }
        }
    }
    Ok(Value::NONE)
}
pub(super) fn set_intersection_update(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    set_update_inplace(vm, args, BinOp::And)
}
pub(super) fn set_difference_update(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = base_value(&args[0]);
    for other in &args[1..] {
        if vm.is_set_like(other) {
            vm.set_inplace_op(BinOp::Sub, &s, other)?;
            continue;
        }
        for x in vm.collect(other)? {
            let h = vm.hash(&x)?;
            if let Some(Obj { kind: ObjKind::Set(cell) }) = s.as_obj() {
                let mut t = std::mem::take(&mut *cell.borrow_mut());
                let r = t.discard(&x, h, &mut VmEq(vm));
                *cell.borrow_mut() = t;
                r?;
            }
        }
    }
    Ok(Value::NONE)
}
pub(super) fn set_symmetric_difference_update(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    set_update_inplace(vm, args, BinOp::Xor)
}

pub(super) fn set_issubset(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let o = if vm.is_set_like(&args[1]) { base_value(&args[1]) } else { Value::new_obj(Obj { kind: ObjKind::Set(RefCell::new(vm.set_table_from(&args[1])?)) }) };
    vm.set_compare(CmpOp::Le, &base_value(&args[0]), &o).map(Value::bool)
}
pub(super) fn set_issuperset(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let o = if vm.is_set_like(&args[1]) { base_value(&args[1]) } else { Value::new_obj(Obj { kind: ObjKind::Set(RefCell::new(vm.set_table_from(&args[1])?)) }) };
    vm.set_compare(CmpOp::Ge, &base_value(&args[0]), &o).map(Value::bool)
}
pub(super) fn set_isdisjoint(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let items = vm.collect(&args[1])?;
    for x in items {
        if vm.set_contains(&args[0], &x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}
pub(super) fn set_copy(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if matches!(args[0].as_obj().map(|o| &o.kind), Some(ObjKind::FrozenSet(_))) {
        return Ok(args[0].clone());
    }
    set_multi(vm, &args[..1], BinOp::Or)
}

pub(super) fn with_set_mut<R>(vm: &mut Vm, v: &Value, f: impl FnOnce(&mut Vm, &mut SetObj) -> PyResult<R>) -> PyResult<R> {
    let b = base_value(v);
    let Some(Obj { kind: ObjKind::Set(cell) }) = b.as_obj() else {
        return Err(vm.type_error("descriptor requires a 'set' object".to_string()));
    };
    let mut t = std::mem::take(&mut *cell.borrow_mut());
    let r = f(vm, &mut t);
    *cell.borrow_mut() = t;
    r
}

pub(super) fn set_add_m(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("set.add", &args[1..], 1, 1)?;
    let x = args[1].clone();
    let h = vm.hash(&x)?;
    with_set_mut(vm, &args[0], |vm, t| t.add(x, h, &mut VmEq(vm)).map(|_| ()))?;
    Ok(Value::NONE)
}
pub(super) fn set_discard(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let x = args[1].clone();
    let h = vm.hash(&x)?;
    with_set_mut(vm, &args[0], |vm, t| t.discard(&x, h, &mut VmEq(vm)).map(|_| ()))?;
    Ok(Value::NONE)
}
pub(super) fn set_remove(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let x = args[1].clone();
    let h = vm.hash(&x)?;
    let r = with_set_mut(vm, &args[0], |vm, t| t.discard(&x, h, &mut VmEq(vm)))?;
    match r {
        Some(_) => Ok(Value::NONE),
        None => Err(vm.key_error(x)),
    }
}
pub(super) fn set_pop(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let r = with_set_mut(vm, &args[0], |_, t| Ok(t.pop()))?;
    match r {
        Some(v) => Ok(v),
        None => Err(vm.new_error("KeyError", "pop from an empty set".to_string())),
    }
}
pub(super) fn set_clear(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let old = with_set_mut(vm, &args[0], |_, t| Ok(t.clear()))?;
    drop(old);
    Ok(Value::NONE)
}

