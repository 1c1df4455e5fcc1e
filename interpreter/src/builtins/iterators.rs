//! `range`, `slice`, the iterator types (`enumerate`, `zip`, `map`, `filter`, `reversed`)
//! and generator methods.

use super::{arg, kwarg};
use crate::object::*;
use crate::value::Value;
use crate::vm::ops::base_value;
use crate::vm::types::type_obj;
use crate::vm::{self, Vm};
use crate::PyResult;
use super::dicts::*;

// ---- range / slice ----

pub(super) fn range_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let a = &args[1..];
    if let Some(r) = small_range(a) {
        return Ok(Value::new_obj(Obj { kind: ObjKind::Range(r) }));
    }
    let mut bigs = Vec::new();
    for x in a {
        match vm.index_bigint(x) {
            Ok(b) => bigs.push(b),
            Err(_) => {
                let tn = vm.type_name(x);
                return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
            }
        }
    }
    let fits = bigs.iter().all(|b| num_traits::ToPrimitive::to_i64(b).map(|i| i.unsigned_abs() < (1u64 << 62)).unwrap_or(false));
    if !fits && (1..=3).contains(&bigs.len()) {
        let one = num_bigint::BigInt::from(1);
        let (start, stop, step) = match bigs.len() {
            1 => (num_bigint::BigInt::from(0), bigs[0].clone(), one),
            2 => (bigs[0].clone(), bigs[1].clone(), one),
            _ => (bigs[0].clone(), bigs[1].clone(), bigs[2].clone()),
        };
        if num_traits::Zero::is_zero(&step) {
            return Err(vm.value_error("range() arg 3 must not be zero".to_string()));
        }
        return Ok(Value::new_obj(Obj { kind: ObjKind::BigRange(Box::new([start, stop, step])) }));
    }
    let ints: Vec<i64> = bigs.iter().map(|b| num_traits::ToPrimitive::to_i64(b).unwrap_or(0)).collect();
    let (start, stop, step) = match ints.len() {
        1 => (0, ints[0], 1),
        2 => (ints[0], ints[1], 1),
        3 => (ints[0], ints[1], ints[2]),
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0".to_string())),
        n => return Err(vm.type_error(format!("range expected at most 3 arguments, got {n}"))),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero".to_string()));
    }
    Ok(Value::new_obj(Obj { kind: ObjKind::Range(Range { start, stop, step }) }))
}

/// `range(...)` of one to three inline ints with a non-zero step (the common case, no bigint
/// conversions); `None` for anything else.
pub fn small_range(a: &[Value]) -> Option<Range> {
    let int = |i: usize| a[i].as_small_int();
    let (start, stop, step) = match a.len() {
        1 => (0, int(0)?, 1),
        2 => (int(0)?, int(1)?, 1),
        3 => (int(0)?, int(1)?, int(2)?),
        _ => return None,
    };
    (step != 0).then_some(Range { start, stop, step })
}

pub(super) fn range_of(v: &Value) -> Option<Range> {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::Range(r) }) => Some(r.clone()),
        _ => None,
    }
}

pub(super) fn range_index(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let r = range_of(&args[0]).unwrap_or(Range { start: 0, stop: 0, step: 1 });
    if vm.contains(&args[0], &args[1])? {
        let i = vm.index_value(&args[1])?;
        return Ok(vm::new_int((i - r.start) / r.step));
    }
    let s = vm.repr(&args[1])?;
    Err(vm.value_error(format!("{s} is not in range")))
}

pub(super) fn range_count(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(vm::new_int(vm.contains(&args[0], &args[1])? as i64))
}

pub(super) fn slice_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let a = &args[1..];
    let (s, e, st) = match a.len() {
        1 => (Value::NONE, a[0].clone(), Value::NONE),
        2 => (a[0].clone(), a[1].clone(), Value::NONE),
        3 => (a[0].clone(), a[1].clone(), a[2].clone()),
        n => return Err(vm.type_error(format!("slice expected at least 1 argument, got {n}"))),
    };
    Ok(Value::new_obj(Obj { kind: ObjKind::Slice(s, e, st) }))
}

pub(super) fn slice_indices_m(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let n = vm.index_value(&args[1])?;
    let s = vm.slice_indices(&args[0], n.max(0) as usize)?;
    Ok(vm::new_tuple(vec![vm::new_int(s.start), vm::new_int(s.stop), vm::new_int(s.step)]))
}

// ---- iterator types ----

pub(super) fn enumerate_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let Some(it) = arg(&args[1..], kw, 0, "iterable") else {
        return Err(vm.type_error("enumerate() missing required argument 'iterable' (pos 1)".to_string()));
    };
    let start = arg(&args[1..], kw, 1, "start").unwrap_or(Value::small_int(0).expect("0 fits"));
    let it = vm.get_iter(&it)?;
    Ok(vm::new_iter(Iter::Enumerate { it, n: start }))
}

pub(super) fn zip_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let strict = match kwarg(kw, "strict") {
        Some(s) => vm.truthy(&s)?,
        None => false,
    };
    let mut its = Vec::new();
    for (i, a) in args[1..].iter().enumerate() {
        match vm.get_iter(a) {
            Ok(it) => its.push(it),
            Err(e) if vm.is_instance_of_exc(&e, "TypeError") => {
                
                return Err(vm.type_error(format!("zip argument #{} must support iteration", i + 1)));
            }
            Err(e) => return Err(e),
        }
    }
    Ok(vm::new_iter(Iter::Zip { its, strict }))
}

pub(super) fn map_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if args.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments.".to_string()));
    }
    let mut its = Vec::new();
    for a in &args[2..] {
        its.push(vm.get_iter(a)?);
    }
    Ok(vm::new_iter(Iter::Map { func: args[1].clone(), its }))
}

pub(super) fn filter_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if args.len() != 3 {
        return Err(vm.type_error(format!("filter expected 2 arguments, got {}", args.len() - 1)));
    }
    let it = vm.get_iter(&args[2])?;
    Ok(vm::new_iter(Iter::Filter { func: args[1].clone(), it }))
}

pub(super) fn reversed_of(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.as_obj().map(|o| &o.kind) {
        Some(ObjKind::List(l)) => {
            let n = l.borrow().len() as isize;
            Ok(vm::new_iter(Iter::Reversed { seq: v.clone(), idx: n - 1 }))
        }
        Some(ObjKind::Tuple(t)) => Ok(vm::new_iter(Iter::Reversed { seq: v.clone(), idx: t.len() as isize - 1 })),
        Some(ObjKind::Range(r)) => {
            let n = r.len();
            let last = r.start + (n - 1) * r.step;
            Ok(vm::new_iter(Iter::Range { cur: last, step: -r.step, remaining: n }))
        }
        Some(ObjKind::Str(s)) => {
            let chars: Vec<Value> = s.s.chars().rev().map(|c| vm::new_string(c.to_string())).collect();
            Ok(vm::new_iter(Iter::Seq { seq: vm::new_list(chars), idx: 0 }))
        }
        Some(ObjKind::Dict(d)) => {
            let mut keys = d.borrow().keys();
            keys.reverse();
            Ok(vm::new_iter(Iter::Seq { seq: vm::new_list(keys), idx: 0 }))
        }
        Some(ObjKind::DictView(..)) => view_reversed(vm, &[v.clone()], &[]),
        _ => {
            let t = vm.type_of(v);
            if let Some(m) = vm.user_method(&t, "__reversed__") {
                return vm.call(&m, &[v.clone()], &[]);
            }
            let b = base_value(v);
            if !b.is(v) {
                return reversed_of(vm, &b);
            }
            if vm.user_method(&t, "__getitem__").is_some() && vm.user_method(&t, "__len__").is_some() {
                let n = vm.len(v)? as isize;
                return Ok(vm::new_iter(Iter::Reversed { seq: v.clone(), idx: n - 1 }));
            }
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{tn}' object is not reversible")))
        }
    }
}

pub(super) fn reversed_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("reversed", &args[1..], 1, 1)?;
    reversed_of(vm, &args[1])
}

pub(super) fn iter_self(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(args[0].clone())
}

pub(super) fn iter_next_m(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if let Some(Obj { kind: ObjKind::Generator(_) }) = args[0].as_obj() {
        return vm.gen_send(&args[0], Value::NONE);
    }
    match vm.iter_next(&args[0])? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::NONE)),
    }
}

pub(super) fn iter_length_hint(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let n = match args[0].as_obj().map(|o| &o.kind) {
        Some(ObjKind::Iter(it)) => match &*it.borrow() {
            Iter::Range { remaining, .. } => *remaining,
            Iter::Seq { seq, idx } => {
                let s = seq.clone();
                let i = *idx as i64;
                (vm.len(&s).unwrap_or(0) as i64 - i).max(0)
            }
            _ => 0,
        },
        _ => 0,
    };
    Ok(vm::new_int(n))
}

pub(super) fn gen_send(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("send", &args[1..], 1, 1)?;
    vm.gen_send(&args[0], args[1].clone())
}

pub(super) fn gen_throw(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(vm.type_error("throw expected at least 1 argument, got 0".to_string()));
    }
    let t = &args[1];
    let exc = if type_obj(t).is_some() {
        let a: Vec<Value> = args.get(2).filter(|v| !v.is_none()).into_iter().cloned().collect();
        vm.call(t, &a, &[])?
    } else {
        t.clone()
    };
    let base = vm.exc_type("BaseException");
    if !vm.isinstance_type(&exc, &base) {
        return Err(vm.type_error("exceptions must be classes or instances deriving from BaseException, not str".to_string()));
    }
    vm.gen_throw(&args[0], crate::PyErr(exc))
}

pub(super) fn gen_close(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.gen_close(&args[0])?;
    Ok(Value::NONE)
}

