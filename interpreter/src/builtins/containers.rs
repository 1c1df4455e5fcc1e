//! `list` and `tuple`, the sequence dunders shared by the container types, and the
//! registration of every container type's methods (dicts in `dicts.rs`, sets in `setobj.rs`,
//! ranges/slices/iterators in `iterators.rs`).

use super::{add_methods, arg, kwarg};
use crate::bytecode::opcodes::BinOp;
use crate::object::*;
use crate::value::Value;
use crate::vm::ops::base_value;
use crate::vm::{self, Vm};
use crate::PyResult;
use std::cell::RefCell;
use super::dicts::*;
use super::iterators::*;
use super::setobj::*;

pub fn register(vm: &mut Vm) {
    let list = vm.types.list.clone();
    super::numbers::register_common_dunders(vm, &list, false);
    add_methods(vm, &list, &[
        ("__new__", list_new),
        ("__init__", list_init),
        ("__len__", seq_len),
        ("__getitem__", seq_getitem),
        ("__setitem__", seq_setitem),
        ("__delitem__", seq_delitem),
        ("__contains__", seq_contains),
        ("__iter__", seq_iter),
        ("__add__", seq_add),
        ("__iadd__", list_iadd),
        ("__mul__", seq_mul),
        ("__rmul__", seq_mul),
        ("__reversed__", seq_reversed),
        ("append", list_append),
        ("extend", list_extend_m),
        ("insert", list_insert),
        ("pop", list_pop),
        ("remove", list_remove),
        ("index", seq_index),
        ("count", seq_count),
        ("sort", list_sort),
        ("reverse", list_reverse),
        ("clear", list_clear),
        ("copy", list_copy),
    ]);
    let tuple = vm.types.tuple.clone();
    super::numbers::register_common_dunders(vm, &tuple, false);
    add_methods(vm, &tuple, &[("__new__", tuple_new), ("__len__", seq_len), ("__getitem__", seq_getitem), ("__contains__", seq_contains), ("__iter__", seq_iter), ("__add__", seq_add), ("__mul__", seq_mul), ("__rmul__", seq_mul), ("index", seq_index), ("count", seq_count), ("__getnewargs__", tuple_getnewargs)]);
    let dict = vm.types.dict.clone();
    super::numbers::register_common_dunders(vm, &dict, false);
    add_methods(vm, &dict, &[
        ("__new__", dict_new),
        ("__init__", dict_init),
        ("__len__", seq_len),
        ("__getitem__", dict_getitem),
        ("__setitem__", seq_setitem),
        ("__delitem__", seq_delitem),
        ("__contains__", seq_contains),
        ("__iter__", seq_iter),
        ("__or__", dict_or),
        ("__ior__", dict_ior),
        ("keys", dict_keys),
        ("values", dict_values),
        ("items", dict_items),
        ("get", dict_get),
        ("setdefault", dict_setdefault),
        ("pop", dict_pop),
        ("popitem", dict_popitem),
        ("update", dict_update_m),
        ("clear", dict_clear),
        ("copy", dict_copy),
        ("fromkeys", dict_fromkeys),
        ("__reversed__", dict_reversed),
    ]);
    vm.register_kernel(dict_get, crate::vm::kernels::Kernel::DictGet);
    for t in [vm.types.set.clone(), vm.types.frozenset.clone()] {
        super::numbers::register_common_dunders(vm, &t, false);
        add_methods(vm, &t, &[
            ("__len__", seq_len),
            ("__contains__", seq_contains),
            ("__iter__", seq_iter),
            ("union", set_union),
            ("intersection", set_intersection),
            ("difference", set_difference),
            ("symmetric_difference", set_symmetric_difference),
            ("issubset", set_issubset),
            ("issuperset", set_issuperset),
            ("isdisjoint", set_isdisjoint),
            ("copy", set_copy),
            ("__or__", set_or),
            ("__and__", set_and),
            ("__sub__", set_sub),
            ("__xor__", set_xor),
        ]);
    }
    let set = vm.types.set.clone();
    add_methods(vm, &set, &[("__new__", set_new), ("__init__", set_init), ("add", set_add_m), ("discard", set_discard), ("remove", set_remove), ("pop", set_pop), ("clear", set_clear), ("update", set_update_m), ("intersection_update", set_intersection_update), ("difference_update", set_difference_update), ("symmetric_difference_update", set_symmetric_difference_update)]);
    let fs = vm.types.frozenset.clone();
    add_methods(vm, &fs, &[("__new__", frozenset_new)]);
    let range = vm.types.range.clone();
    super::numbers::register_common_dunders(vm, &range, false);
    add_methods(vm, &range, &[("__new__", range_new), ("__len__", seq_len), ("__getitem__", seq_getitem), ("__contains__", seq_contains), ("__iter__", seq_iter), ("index", range_index), ("count", range_count), ("__reversed__", seq_reversed)]);
    let slice = vm.types.slice.clone();
    add_methods(vm, &slice, &[("__new__", slice_new), ("indices", slice_indices_m)]);
    let pairs: Vec<(Value, NativeFn)> = vec![
        (vm.types.enumerate.clone(), enumerate_new),
        (vm.types.zip.clone(), zip_new),
        (vm.types.map.clone(), map_new),
        (vm.types.filter.clone(), filter_new),
        (vm.types.reversed.clone(), reversed_new),
    ];
    for (t, f) in pairs {
        add_methods(vm, &t, &[("__new__", f), ("__iter__", iter_self), ("__next__", iter_next_m)]);
    }
    for t in [vm.types.dict_keys.clone(), vm.types.dict_values.clone(), vm.types.dict_items.clone()] {
        add_methods(vm, &t, &[("__len__", seq_len), ("__iter__", seq_iter), ("__contains__", seq_contains), ("__reversed__", view_reversed), ("isdisjoint", set_isdisjoint)]);
    }
    for t in [vm.types.longrange_iterator.clone(), vm.types.list_iterator.clone(), vm.types.tuple_iterator.clone(), vm.types.range_iterator.clone(), vm.types.str_iterator.clone(), vm.types.dict_keyiterator.clone(), vm.types.dict_valueiterator.clone(), vm.types.dict_itemiterator.clone(), vm.types.set_iterator.clone(), vm.types.callable_iterator.clone(), vm.types.iterator.clone(), vm.types.list_reverseiterator.clone()] {
        add_methods(vm, &t, &[("__iter__", iter_self), ("__next__", iter_next_m), ("__length_hint__", iter_length_hint)]);
    }
    let g = vm.types.generator.clone();
    add_methods(vm, &g, &[("__iter__", iter_self), ("__next__", iter_next_m), ("send", gen_send), ("throw", gen_throw), ("close", gen_close)]);
    let co = vm.types.coroutine.clone();
    add_methods(vm, &co, &[("__await__", iter_self), ("send", gen_send), ("throw", gen_throw), ("close", gen_close)]);
    let ag = vm.types.async_generator.clone();
    add_methods(vm, &ag, &[("__aiter__", iter_self)]);
    let mp = vm.types.mappingproxy.clone();
    add_methods(vm, &mp, &[("__getitem__", mp_getitem), ("keys", mp_keys), ("values", mp_values), ("items", mp_items), ("get", mp_get), ("__contains__", mp_contains), ("__iter__", mp_iter), ("__len__", mp_len)]);
}

pub(super) fn list_of(v: &Value) -> Option<&RefCell<crate::list::ListData>> {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::List(l) }) => Some(l),
        _ => None,
    }
}

pub(super) fn self_list(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let b = base_value(v);
    if list_of(&b).is_some() {
        return Ok(b);
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("descriptor requires a 'list' object but received a '{tn}'")))
}

pub(super) fn with_list<R>(vm: &mut Vm, v: &Value, f: impl FnOnce(&mut crate::list::ListData) -> R) -> PyResult<R> {
    let l = self_list(vm, v)?;
    let cell = list_of(&l).expect("checked by self_list");
    let r = f(&mut cell.borrow_mut());
    Ok(r)
}

pub(super) fn list_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let list = vm.types.list.clone();
    vm.wrap_subclass(&args[0], vm::new_list(Vec::new()), &list)
}

pub(super) fn list_init(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("list", &args[1..], 0, 1)?;
    let items = match args.get(1) {
        Some(it) => vm.collect(it)?,
        None => Vec::new(),
    };
    with_list(vm, &args[0], |l| drop(l.replace(items)))?;
    Ok(Value::NONE)
}

pub(super) fn seq_len(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let b = base_value(&args[0]);
    let n = vm.len(&b)?;
    Ok(vm::new_int(n as i64))
}
pub(super) fn seq_getitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("__getitem__", &args[1..], 1, 1)?;
    let b = base_value(&args[0]);
    vm.getitem(&b, &args[1])
}
pub(super) fn seq_setitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("__setitem__", &args[1..], 2, 2)?;
    let b = base_value(&args[0]);
    vm.setitem(&b, args[1].clone(), args[2].clone())?;
    Ok(Value::NONE)
}
pub(super) fn seq_delitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let b = base_value(&args[0]);
    vm.delitem(&b, &args[1])?;
    Ok(Value::NONE)
}
pub(super) fn seq_contains(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let b = base_value(&args[0]);
    vm.contains(&b, &args[1]).map(Value::bool)
}
pub(super) fn seq_iter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let b = base_value(&args[0]);
    vm.get_iter(&b)
}
pub(super) fn seq_add(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (a, b) = (base_value(&args[0]), base_value(&args[1]));
    match vm.binary_op(BinOp::Add, &a, &b) {
        Err(e) if vm.is_instance_of_exc(&e, "TypeError") => Ok(vm::not_implemented()),
        other => other,
    }
}
pub(super) fn seq_mul(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (a, b) = (base_value(&args[0]), base_value(&args[1]));
    vm.binary_op(BinOp::Mul, &a, &b)
}
pub(super) fn list_iadd(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let items = vm.collect(&args[1])?;
    with_list(vm, &args[0], |l| l.extend(items))?;
    Ok(args[0].clone())
}
pub(super) fn seq_reversed(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let b = base_value(&args[0]);
    reversed_of(vm, &b)
}

pub(super) fn list_append(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!("list.append() takes exactly one argument ({} given)", args.len().saturating_sub(1))));
    }
    if let Some(l) = list_of(&args[0]) {
        l.borrow_mut().push(args[1].clone());
        return Ok(Value::NONE);
    }
    let v = args[1].clone();
    with_list(vm, &args[0], |l| l.push(v))?;
    Ok(Value::NONE)
}

pub(super) fn list_extend_m(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("list.extend", &args[1..], 1, 1)?;
    let l = self_list(vm, &args[0])?;
    vm.list_extend(&l, &args[1])?;
    Ok(Value::NONE)
}

pub(super) fn list_insert(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if args.len() != 3 {
        return Err(vm.type_error(format!("insert expected 2 arguments, got {}", args.len().saturating_sub(1))));
    }
    let i = vm.index_value(&args[1])?;
    let v = args[2].clone();
    with_list(vm, &args[0], |l| {
        let n = l.len() as i64;
        let idx = if i < 0 { (i + n).max(0) } else { i.min(n) };
        l.insert(idx as usize, v);
    })?;
    Ok(Value::NONE)
}

pub(super) fn list_pop(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("pop", &args[1..], 0, 1)?;
    let i = match args.get(1) {
        Some(i) => Some(vm.index_value(i)?),
        None => None,
    };
    let r = with_list(vm, &args[0], |l| {
        if l.is_empty() {
            return Err("pop from empty list");
        }
        let n = l.len() as i64;
        let idx = match i {
            None => n - 1,
            Some(i) if i < 0 => i + n,
            Some(i) => i,
        };
        if idx < 0 || idx >= n {
            return Err("pop index out of range");
        }
        Ok(l.remove(idx as usize))
    })?;
    r.map_err(|m| vm.index_error(m))
}

pub(super) fn list_remove(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("list.remove", &args[1..], 1, 1)?;
    let l = self_list(vm, &args[0])?;
    let items = list_of(&l).map(|c| c.borrow().clone()).unwrap_or_default();
    for (i, x) in items.iter().enumerate() {
        if vm.eq(x, &args[1])? {
            if let Some(c) = list_of(&l) {
                let mut b = c.borrow_mut();
                if i < b.len() {
                    b.remove(i);
                }
            }
            return Ok(Value::NONE);
        }
    }
    Err(vm.value_error("list.remove(x): x not in list".to_string()))
}

pub(super) fn seq_index(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("index", &args[1..], 1, 3)?;
    let b = base_value(&args[0]);
    let is_tuple = matches!(b.as_obj().map(|o| &o.kind), Some(ObjKind::Tuple(_)));
    let items = vm.collect(&b)?;
    let n = items.len() as i64;
    let norm = |i: i64| if i < 0 { (i + n).max(0) } else { i.min(n) };
    let start = match args.get(2) {
        Some(s) => norm(vm.index_value(s)?),
        None => 0,
    };
    let end = match args.get(3) {
        Some(s) => norm(vm.index_value(s)?),
        None => n,
    };
    for i in start..end {
        if vm.eq(&items[i as usize], &args[1])? {
            return Ok(vm::new_int(i));
        }
    }
    if is_tuple {
        Err(vm.value_error("tuple.index(x): x not in tuple".to_string()))
    } else {
        let r = vm.repr(&args[1])?;
        Err(vm.value_error(format!("{r} is not in list")))
    }
}

pub(super) fn seq_count(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("count", &args[1..], 1, 1)?;
    let b = base_value(&args[0]);
    let items = vm.collect(&b)?;
    let mut c = 0;
    for x in &items {
        if vm.eq(x, &args[1])? {
            c += 1;
        }
    }
    Ok(vm::new_int(c))
}

pub(super) fn list_sort(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments".to_string()));
    }
    let key = kwarg(kw, "key").filter(|k| !k.is_none());
    let reverse = match kwarg(kw, "reverse") {
        Some(r) => vm.truthy(&r)?,
        None => false,
    };
    let l = self_list(vm, &args[0])?;
    let cell = list_of(&l).expect("checked");
    let mut items = std::mem::take(&mut *cell.borrow_mut());
    let r = vm.sort_values(&mut items, key.as_ref(), reverse);
    let modified = !cell.borrow().is_empty();
    *cell.borrow_mut() = items;
    r?;
    if modified {
        return Err(vm.value_error("list modified during sort".to_string()));
    }
    Ok(Value::NONE)
}

pub(super) fn list_reverse(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    with_list(vm, &args[0], |l| l.reverse())?;
    Ok(Value::NONE)
}
pub(super) fn list_clear(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let old = with_list(vm, &args[0], std::mem::take)?;
    drop(old);
    Ok(Value::NONE)
}
pub(super) fn list_copy(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let v = with_list(vm, &args[0], |l| l.clone())?;
    Ok(vm::new_list(v))
}

pub(super) fn tuple_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let it = arg(&args[1..], kw, 0, "iterable");
    let v = match it {
        None => vm::new_tuple(Vec::new()),
        Some(x) => {
            if matches!(x.as_obj().map(|o| &o.kind), Some(ObjKind::Tuple(_))) {
                x
            } else {
                let items = vm.collect(&x)?;
                vm::new_tuple(items)
            }
        }
    };
    let tuple = vm.types.tuple.clone();
    vm.wrap_subclass(&args[0], v, &tuple)
}

pub(super) fn tuple_getnewargs(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let b = base_value(&args[0]);
    let _ = vm;
    Ok(vm::new_tuple(vec![b]))
}

