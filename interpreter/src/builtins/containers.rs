//! `list`, `tuple`, `dict`, `set`/`frozenset`, `range`, `slice` and the iterator types
//! (`enumerate`, `zip`, `map`, `filter`, `reversed`), plus the VM helpers the eval loop uses
//! to build and update them.

use super::{add_methods, arg, kwarg};
use crate::bytecode::opcodes::{BinOp, CmpOp};
use crate::dict::Dict;
use crate::object::*;
use crate::sets::{ops as setops, SetObj, VmEq};
use crate::value::Value;
use crate::vm::ops::base_value;
use crate::vm::types::type_obj;
use crate::vm::{self, Vm};
use crate::PyResult;
use std::cell::RefCell;

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
    for t in [vm.types.list_iterator.clone(), vm.types.tuple_iterator.clone(), vm.types.range_iterator.clone(), vm.types.str_iterator.clone(), vm.types.dict_keyiterator.clone(), vm.types.dict_valueiterator.clone(), vm.types.dict_itemiterator.clone(), vm.types.set_iterator.clone(), vm.types.callable_iterator.clone(), vm.types.iterator.clone(), vm.types.list_reverseiterator.clone()] {
        add_methods(vm, &t, &[("__iter__", iter_self), ("__next__", iter_next_m), ("__length_hint__", iter_length_hint)]);
    }
    let g = vm.types.generator.clone();
    add_methods(vm, &g, &[("__iter__", iter_self), ("__next__", iter_next_m), ("send", gen_send), ("throw", gen_throw), ("close", gen_close)]);
    let mp = vm.types.mappingproxy.clone();
    add_methods(vm, &mp, &[("__getitem__", mp_getitem), ("keys", mp_keys), ("values", mp_values), ("items", mp_items), ("get", mp_get), ("__contains__", mp_contains), ("__iter__", mp_iter), ("__len__", mp_len)]);
}

fn list_of(v: &Value) -> Option<&RefCell<Vec<Value>>> {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::List(l) }) => Some(l),
        _ => None,
    }
}

fn self_list(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let b = base_value(v);
    if list_of(&b).is_some() {
        return Ok(b);
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("descriptor requires a 'list' object but received a '{tn}'")))
}

fn with_list<R>(vm: &mut Vm, v: &Value, f: impl FnOnce(&mut Vec<Value>) -> R) -> PyResult<R> {
    let l = self_list(vm, v)?;
    let cell = list_of(&l).expect("checked by self_list");
    let r = f(&mut cell.borrow_mut());
    Ok(r)
}

fn list_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let list = vm.types.list.clone();
    vm.wrap_subclass(&args[0], vm::new_list(Vec::new()), &list)
}

fn list_init(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("list", &args[1..], 0, 1)?;
    let items = match args.get(1) {
        Some(it) => vm.collect(it)?,
        None => Vec::new(),
    };
    with_list(vm, &args[0], |l| *l = items)?;
    Ok(Value::NONE)
}

fn seq_len(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let b = base_value(&args[0]);
    let n = vm.len(&b)?;
    Ok(vm::new_int(n as i64))
}
fn seq_getitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("__getitem__", &args[1..], 1, 1)?;
    let b = base_value(&args[0]);
    vm.getitem(&b, &args[1])
}
fn seq_setitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("__setitem__", &args[1..], 2, 2)?;
    let b = base_value(&args[0]);
    vm.setitem(&b, args[1].clone(), args[2].clone())?;
    Ok(Value::NONE)
}
fn seq_delitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let b = base_value(&args[0]);
    vm.delitem(&b, &args[1])?;
    Ok(Value::NONE)
}
fn seq_contains(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let b = base_value(&args[0]);
    vm.contains(&b, &args[1]).map(Value::bool)
}
fn seq_iter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let b = base_value(&args[0]);
    vm.get_iter(&b)
}
fn seq_add(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (a, b) = (base_value(&args[0]), base_value(&args[1]));
    match vm.binary_op(BinOp::Add, &a, &b) {
        Err(e) if vm.is_instance_of_exc(&e, "TypeError") => Ok(vm::not_implemented()),
        other => other,
    }
}
fn seq_mul(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (a, b) = (base_value(&args[0]), base_value(&args[1]));
    vm.binary_op(BinOp::Mul, &a, &b)
}
fn list_iadd(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let items = vm.collect(&args[1])?;
    with_list(vm, &args[0], |l| l.extend(items))?;
    Ok(args[0].clone())
}
fn seq_reversed(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let b = base_value(&args[0]);
    reversed_of(vm, &b)
}

fn list_append(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
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

fn list_extend_m(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("list.extend", &args[1..], 1, 1)?;
    let l = self_list(vm, &args[0])?;
    vm.list_extend(&l, &args[1])?;
    Ok(Value::NONE)
}

fn list_insert(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
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

fn list_pop(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
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

fn list_remove(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
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

fn seq_index(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
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

fn seq_count(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
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

fn list_sort(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
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

fn list_reverse(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    with_list(vm, &args[0], |l| l.reverse())?;
    Ok(Value::NONE)
}
fn list_clear(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let old = with_list(vm, &args[0], std::mem::take)?;
    drop(old);
    Ok(Value::NONE)
}
fn list_copy(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let v = with_list(vm, &args[0], |l| l.clone())?;
    Ok(vm::new_list(v))
}

fn tuple_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
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

fn tuple_getnewargs(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let b = base_value(&args[0]);
    let _ = vm;
    Ok(vm::new_tuple(vec![b]))
}

// ---- dict ----

fn self_dict(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let b = base_value(v);
    if vm::dict_of(&b).is_some() {
        return Ok(b);
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("descriptor requires a 'dict' object but received a '{tn}'")))
}

fn dict_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let dict = vm.types.dict.clone();
    vm.wrap_subclass(&args[0], vm::new_dict(Dict::new()), &dict)
}

fn dict_init(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(vm.type_error(format!("dict expected at most 1 argument, got {}", args.len() - 1)));
    }
    let d = self_dict(vm, &args[0])?;
    if let Some(src) = args.get(1) {
        vm.dict_update(&d, src, true)?;
    }
    for (k, v) in kw {
        vm.setitem(&d, k.clone(), v.clone())?;
    }
    Ok(Value::NONE)
}

fn dict_getitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let d = self_dict(vm, &args[0])?;
    vm.getitem(&d, &args[1])
}

fn dict_view(vm: &mut Vm, args: &[Value], kind: u8) -> PyResult<Value> {
    let d = self_dict(vm, &args[0])?;
    Ok(Value::new_obj(Obj { kind: ObjKind::DictView(kind, d) }))
}

fn view_reversed(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (k, d) = match args[0].as_obj() {
        Some(Obj { kind: ObjKind::DictView(k, d) }) => (*k, d.clone()),
        _ => return Err(vm.type_error("expected a dict view".to_string())),
    };
    let mut items = vm.dict_view_items(k, &d);
    items.reverse();
    Ok(vm::new_iter(Iter::Seq { seq: vm::new_list(items), idx: 0 }))
}

fn dict_keys(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    dict_view(vm, args, 0)
}
fn dict_values(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    dict_view(vm, args, 1)
}
fn dict_items(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    dict_view(vm, args, 2)
}

fn dict_get(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("get", &args[1..], 1, 2)?;
    let d = self_dict(vm, &args[0])?;
    match vm.dict_lookup(&d, &args[1])? {
        Some(v) => Ok(v),
        None => Ok(args.get(2).cloned().unwrap_or(Value::NONE)),
    }
}

fn dict_setdefault(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("setdefault", &args[1..], 1, 2)?;
    let d = self_dict(vm, &args[0])?;
    match vm.dict_lookup(&d, &args[1])? {
        Some(v) => Ok(v),
        None => {
            let v = args.get(2).cloned().unwrap_or(Value::NONE);
            vm.setitem(&d, args[1].clone(), v.clone())?;
            Ok(v)
        }
    }
}

fn dict_pop(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("pop", &args[1..], 1, 2)?;
    let d = self_dict(vm, &args[0])?;
    match vm.dict_lookup(&d, &args[1])? {
        Some(v) => {
            vm.delitem(&d, &args[1])?;
            Ok(v)
        }
        None => match args.get(2) {
            Some(def) => Ok(def.clone()),
            None => Err(vm.key_error(args[1].clone())),
        },
    }
}

fn dict_popitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let d = self_dict(vm, &args[0])?;
    let r = vm::dict_of(&d).expect("checked").borrow_mut().pop_last();
    match r {
        Some((k, v)) => Ok(vm::new_tuple(vec![k, v])),
        None => Err(vm.new_error("KeyError", "popitem(): dictionary is empty".to_string())),
    }
}

fn dict_update_m(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let d = self_dict(vm, &args[0])?;
    if let Some(src) = args.get(1) {
        vm.dict_update(&d, src, true)?;
    }
    for (k, v) in kw {
        vm.setitem(&d, k.clone(), v.clone())?;
    }
    Ok(Value::NONE)
}

fn dict_clear(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let d = self_dict(vm, &args[0])?;
    let old = std::mem::take(&mut *vm::dict_of(&d).expect("checked").borrow_mut());
    drop(old);
    Ok(Value::NONE)
}

fn dict_copy(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let d = self_dict(vm, &args[0])?;
    let c = vm::dict_of(&d).expect("checked").borrow().clone();
    Ok(vm::new_dict(c))
}

fn dict_fromkeys(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("fromkeys", &args[1..], 1, 2)?;
    let cls = args[0].clone();
    let d = vm.call(&cls, &[], &[])?;
    let v = args.get(2).cloned().unwrap_or(Value::NONE);
    for k in vm.collect(&args[1])? {
        vm.setitem(&d, k, v.clone())?;
    }
    Ok(d)
}

fn dict_or(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (a, b) = (base_value(&args[0]), base_value(&args[1]));
    if vm::dict_of(&b).is_none() {
        return Ok(vm::not_implemented());
    }
    vm.binary_op(BinOp::Or, &a, &b)
}

fn dict_ior(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let d = self_dict(vm, &args[0])?;
    vm.dict_update(&d, &args[1], true)?;
    Ok(args[0].clone())
}

fn dict_reversed(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let d = self_dict(vm, &args[0])?;
    let mut keys = vm::dict_of(&d).expect("checked").borrow().keys();
    keys.reverse();
    Ok(vm::new_iter(Iter::Seq { seq: vm::new_list(keys), idx: 0 }))
}

impl Vm {
    /// A dict view object (keys/values/items) over a snapshot of the dict.
    pub fn new_dict_view(&mut self, ty: &Value, dict: Value, items: Vec<Value>) -> PyResult<Value> {
        let inst = self.wrap_subclass(ty, vm::new_list(items), &Value::NULL)?;
        if let Some(Obj { kind: ObjKind::Instance(i) }) = inst.as_obj() {
            if let Some(d) = vm::dict_of(&i.dict) {
                let k = self.intern("_mapping");
                vm::dict_set_str(&mut d.borrow_mut(), k, dict);
            }
        }
        Ok(inst)
    }

    /// Entry index of `key` in dict `d` (hash `h`): identity/str/number/tuple keys compare
    /// without the VM; other keys fall back to Python `__eq__` outside the dict borrow.
    pub fn dict_find_index(&mut self, d: &Value, key: &Value, h: i64) -> PyResult<Option<usize>> {
        let Some(dd) = vm::dict_of(d) else { return Ok(None) };
        let mut needs_vm = false;
        let r = {
            let mut eq = |a: &Value, b: &Value| -> Result<bool, ()> {
                Ok(match crate::dict::key_eq_fast(a, b) {
                    Some(r) => r,
                    None => {
                        needs_vm = true;
                        false
                    }
                })
            };
            dd.borrow().lookup_index(key, h, &mut eq).unwrap_or(None)
        };
        if r.is_some() || !needs_vm {
            return Ok(r);
        }
        for i in dd.borrow().indices_with_hash(h) {
            let k = match dd.borrow().entry_at(i) {
                Some(e) => e.key.clone(),
                None => continue,
            };
            if self.eq(&k, key)? {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    pub fn dict_lookup(&mut self, d: &Value, key: &Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        let Some(i) = self.dict_find_index(d, key, h)? else { return Ok(None) };
        Ok(vm::dict_of(d).and_then(|dd| dd.borrow().value_at(i).cloned()))
    }

    /// `d[key] = v` for a dict object.
    pub fn dict_set(&mut self, d: &Value, key: Value, v: Value) -> PyResult<()> {
        let h = self.hash(&key)?;
        let found = self.dict_find_index(d, &key, h)?;
        let Some(dd) = vm::dict_of(d) else { return Ok(()) };
        match found {
            Some(i) => {
                let old = dd.borrow_mut().value_at_mut(i).map(|slot| std::mem::replace(slot, v));
                drop(old);
            }
            None => {
                let mut ident = |a: &Value, b: &Value| -> Result<bool, ()> { Ok(a.is(b)) };
                let _ = dd.borrow_mut().insert(key, h, v, &mut ident);
            }
        }
        Ok(())
    }

    /// `del d[key]`; false when absent.
    pub fn dict_del(&mut self, d: &Value, key: &Value) -> PyResult<bool> {
        let h = self.hash(key)?;
        let Some(i) = self.dict_find_index(d, key, h)? else { return Ok(false) };
        let removed = vm::dict_of(d).and_then(|dd| dd.borrow_mut().remove_index(i));
        Ok(removed.is_some())
    }

    pub fn dict_contains(&mut self, d: &Value, key: &Value) -> PyResult<bool> {
        Ok(self.dict_lookup(d, key)?.is_some())
    }

    pub fn dict_eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        let (Some(x), Some(y)) = (vm::dict_of(a), vm::dict_of(b)) else { return Ok(false) };
        if x.borrow().len() != y.borrow().len() {
            return Ok(false);
        }
        let items = x.borrow().items();
        for (k, v) in items {
            match self.dict_lookup(b, &k)? {
                Some(w) => {
                    if !self.eq(&v, &w)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    pub fn new_dict_from_pairs(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let d = vm::new_dict(Dict::with_capacity(items.len() / 2));
        let mut it = items.into_iter();
        while let (Some(k), Some(v)) = (it.next(), it.next()) {
            self.setitem(&d, k, v)?;
        }
        Ok(d)
    }

    /// `d.update(src)`: a mapping (keys()/[]) or an iterable of pairs.
    pub fn dict_update(&mut self, d: &Value, src: &Value, allow_pairs: bool) -> PyResult<()> {
        let srcb = base_value(src);
        if let Some(sd) = vm::dict_of(&srcb) {
            let items = sd.borrow().items();
            for (k, v) in items {
                self.setitem(d, k, v)?;
            }
            return Ok(());
        }
        let keys_name = self.names.keys.clone();
        if let Some(keys) = self.getattr_opt(src, &keys_name)? {
            let ks = self.call(&keys, &[], &[])?;
            for k in self.collect(&ks)? {
                let v = self.getitem(src, &k)?;
                self.setitem(d, k, v)?;
            }
            return Ok(());
        }
        if !allow_pairs {
            let tn = self.type_name(src);
            return Err(self.type_error(format!("'{tn}' object is not a mapping")));
        }
        let it = self.get_iter(src)?;
        let mut i = 0;
        while let Some(pair) = self.iter_next(&it)? {
            let kv = match self.collect(&pair) {
                Ok(kv) => kv,
                Err(_) => {
                    let tn = self.type_name(&pair);
                    return Err(self.type_error(format!("cannot convert dictionary update sequence element #{i} to a sequence")).with_type_name(&tn));
                }
            };
            if kv.len() != 2 {
                return Err(self.value_error(format!("dictionary update sequence element #{i} has length {}; 2 is required", kv.len())));
            }
            let mut kv = kv.into_iter();
            let (k, v) = (kv.next().expect("len 2"), kv.next().expect("len 2"));
            self.setitem(d, k, v)?;
            i += 1;
        }
        Ok(())
    }

    /// `f(**m)` merging: duplicate keyword names are a TypeError.
    pub fn dict_merge_kwargs(&mut self, d: &Value, m: &Value, func: &Value) -> PyResult<()> {
        let items: Vec<(Value, Value)> = match vm::dict_of(&base_value(m)) {
            Some(sd) => sd.borrow().items(),
            None => {
                let keys_name = self.names.keys.clone();
                match self.getattr_opt(m, &keys_name)? {
                    Some(keys) => {
                        let ks = self.call(&keys, &[], &[])?;
                        let mut out = Vec::new();
                        for k in self.collect(&ks)? {
                            let v = self.getitem(m, &k)?;
                            out.push((k, v));
                        }
                        out
                    }
                    None => {
                        let tn = self.type_name(m);
                        let fname = self.func_display_name(func);
                        return Err(self.type_error(format!("{fname} argument after ** must be a mapping, not {tn}")));
                    }
                }
            }
        };
        for (k, v) in items {
            if vm::str_of(&k).is_none() {
                return Err(self.type_error("keywords must be strings".to_string()));
            }
            if self.dict_contains(d, &k)? {
                let fname = self.func_display_name(func);
                let ks = vm::str_of(&k).unwrap_or("").to_string();
                return Err(self.type_error(format!("{fname} got multiple values for keyword argument '{ks}'")));
            }
            self.setitem(d, k, v)?;
        }
        Ok(())
    }

    /// CPython's `_PyObject_FunctionStr`: `module.qualname()`, without the module for builtins.
    pub fn func_display_name(&mut self, f: &Value) -> String {
        let with_module = |module: Option<&str>, qual: &str| -> String {
            match module {
                Some(m) if m != "builtins" => format!("{m}.{qual}()"),
                _ => format!("{qual}()"),
            }
        };
        match f.as_obj().map(|o| &o.kind) {
            Some(ObjKind::Function(fun)) => {
                let q = vm::str_of(&fun.qualname.borrow()).unwrap_or("?").to_string();
                with_module(vm::str_of(&fun.module), &q)
            }
            Some(ObjKind::Builtin(b)) => match type_obj(&b.owner) {
                Some(t) => format!("{}.{}()", t.name.borrow(), b.name),
                None => format!("{}()", b.name),
            },
            Some(ObjKind::Type(t)) => {
                let q = t.qualname.borrow().clone();
                let m = t.module.borrow().clone();
                with_module(vm::str_of(&m), &q)
            }
            Some(ObjKind::BoundMethod(_, func)) => {
                let func = func.clone();
                self.func_display_name(&func)
            }
            _ => {
                let tn = self.type_name(f);
                format!("{tn} object")
            }
        }
    }

    pub fn list_extend(&mut self, l: &Value, it: &Value) -> PyResult<()> {
        let items = if l.is(it) { list_of(l).map(|c| c.borrow().clone()).unwrap_or_default() } else { self.collect(it)? };
        if let Some(c) = list_of(l) {
            c.borrow_mut().extend(items);
        }
        Ok(())
    }
}

trait WithTypeName {
    fn with_type_name(self, _t: &str) -> Self;
}
impl WithTypeName for crate::PyErr {
    fn with_type_name(self, _t: &str) -> Self {
        self
    }
}

// ---- sets ----

pub fn set_of(v: &Value) -> Option<std::cell::Ref<'_, SetObj>> {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::Set(s) }) => Some(s.borrow()),
        _ => None,
    }
}

/// Runs `f` with the table of a set or frozenset.
fn with_table<R>(v: &Value, f: impl FnOnce(&SetObj) -> R) -> Option<R> {
    match v.as_obj().map(|o| &o.kind) {
        Some(ObjKind::Set(s)) => Some(f(&s.borrow())),
        Some(ObjKind::FrozenSet(s)) => Some(f(s)),
        _ => None,
    }
}

fn table_clone(v: &Value) -> Option<SetObj> {
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

fn set_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let set = vm.types.set.clone();
    let v = Value::new_obj(Obj { kind: ObjKind::Set(RefCell::new(SetObj::new())) });
    vm.wrap_subclass(&args[0], v, &set)
}

fn set_init(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
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

fn frozenset_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
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

fn set_multi(vm: &mut Vm, args: &[Value], op: BinOp) -> PyResult<Value> {
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

fn set_union(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    set_multi(vm, args, BinOp::Or)
}
fn set_intersection(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    set_multi(vm, args, BinOp::And)
}
fn set_difference(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    set_multi(vm, args, BinOp::Sub)
}
fn set_symmetric_difference(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("symmetric_difference", &args[1..], 1, 1)?;
    set_multi(vm, args, BinOp::Xor)
}

fn set_op_dunder(vm: &mut Vm, args: &[Value], op: BinOp) -> PyResult<Value> {
    if !vm.is_set_like(&args[1]) {
        return Ok(vm::not_implemented());
    }
    vm.set_binop(op, &args[0], &args[1])
}
fn set_or(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    set_op_dunder(vm, args, BinOp::Or)
}
fn set_and(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    set_op_dunder(vm, args, BinOp::And)
}
fn set_sub(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    set_op_dunder(vm, args, BinOp::Sub)
}
fn set_xor(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    set_op_dunder(vm, args, BinOp::Xor)
}

fn set_update_inplace(vm: &mut Vm, args: &[Value], op: BinOp) -> PyResult<Value> {
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

fn set_update_m(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
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
fn set_intersection_update(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    set_update_inplace(vm, args, BinOp::And)
}
fn set_difference_update(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
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
fn set_symmetric_difference_update(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    set_update_inplace(vm, args, BinOp::Xor)
}

fn set_issubset(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let o = if vm.is_set_like(&args[1]) { base_value(&args[1]) } else { Value::new_obj(Obj { kind: ObjKind::Set(RefCell::new(vm.set_table_from(&args[1])?)) }) };
    vm.set_compare(CmpOp::Le, &base_value(&args[0]), &o).map(Value::bool)
}
fn set_issuperset(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let o = if vm.is_set_like(&args[1]) { base_value(&args[1]) } else { Value::new_obj(Obj { kind: ObjKind::Set(RefCell::new(vm.set_table_from(&args[1])?)) }) };
    vm.set_compare(CmpOp::Ge, &base_value(&args[0]), &o).map(Value::bool)
}
fn set_isdisjoint(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let items = vm.collect(&args[1])?;
    for x in items {
        if vm.set_contains(&args[0], &x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}
fn set_copy(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if matches!(args[0].as_obj().map(|o| &o.kind), Some(ObjKind::FrozenSet(_))) {
        return Ok(args[0].clone());
    }
    set_multi(vm, &args[..1], BinOp::Or)
}

fn with_set_mut<R>(vm: &mut Vm, v: &Value, f: impl FnOnce(&mut Vm, &mut SetObj) -> PyResult<R>) -> PyResult<R> {
    let b = base_value(v);
    let Some(Obj { kind: ObjKind::Set(cell) }) = b.as_obj() else {
        return Err(vm.type_error("descriptor requires a 'set' object".to_string()));
    };
    let mut t = std::mem::take(&mut *cell.borrow_mut());
    let r = f(vm, &mut t);
    *cell.borrow_mut() = t;
    r
}

fn set_add_m(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("set.add", &args[1..], 1, 1)?;
    let x = args[1].clone();
    let h = vm.hash(&x)?;
    with_set_mut(vm, &args[0], |vm, t| t.add(x, h, &mut VmEq(vm)).map(|_| ()))?;
    Ok(Value::NONE)
}
fn set_discard(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let x = args[1].clone();
    let h = vm.hash(&x)?;
    with_set_mut(vm, &args[0], |vm, t| t.discard(&x, h, &mut VmEq(vm)).map(|_| ()))?;
    Ok(Value::NONE)
}
fn set_remove(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let x = args[1].clone();
    let h = vm.hash(&x)?;
    let r = with_set_mut(vm, &args[0], |vm, t| t.discard(&x, h, &mut VmEq(vm)))?;
    match r {
        Some(_) => Ok(Value::NONE),
        None => Err(vm.key_error(x)),
    }
}
fn set_pop(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let r = with_set_mut(vm, &args[0], |_, t| Ok(t.pop()))?;
    match r {
        Some(v) => Ok(v),
        None => Err(vm.new_error("KeyError", "pop from an empty set".to_string())),
    }
}
fn set_clear(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let old = with_set_mut(vm, &args[0], |_, t| Ok(t.clear()))?;
    drop(old);
    Ok(Value::NONE)
}

// ---- range / slice ----

fn range_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let a = &args[1..];
    let ints: Vec<i64> = {
        let mut v = Vec::new();
        for x in a {
            match vm.index_value(x) {
                Ok(i) => v.push(i),
                Err(e) if vm.is_instance_of_exc(&e, "OverflowError") => return Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
                Err(_) => {
                    let tn = vm.type_name(x);
                    return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
                }
            }
        }
        v
    };
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

fn range_of(v: &Value) -> Option<Range> {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::Range(r) }) => Some(r.clone()),
        _ => None,
    }
}

fn range_index(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let r = range_of(&args[0]).unwrap_or(Range { start: 0, stop: 0, step: 1 });
    if vm.contains(&args[0], &args[1])? {
        let i = vm.index_value(&args[1])?;
        return Ok(vm::new_int((i - r.start) / r.step));
    }
    let s = vm.repr(&args[1])?;
    Err(vm.value_error(format!("{s} is not in range")))
}

fn range_count(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(vm::new_int(vm.contains(&args[0], &args[1])? as i64))
}

fn slice_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let a = &args[1..];
    let (s, e, st) = match a.len() {
        1 => (Value::NONE, a[0].clone(), Value::NONE),
        2 => (a[0].clone(), a[1].clone(), Value::NONE),
        3 => (a[0].clone(), a[1].clone(), a[2].clone()),
        n => return Err(vm.type_error(format!("slice expected at least 1 argument, got {n}"))),
    };
    Ok(Value::new_obj(Obj { kind: ObjKind::Slice(s, e, st) }))
}

fn slice_indices_m(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let n = vm.index_value(&args[1])?;
    let s = vm.slice_indices(&args[0], n.max(0) as usize)?;
    Ok(vm::new_tuple(vec![vm::new_int(s.start), vm::new_int(s.stop), vm::new_int(s.step)]))
}

// ---- iterator types ----

fn enumerate_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let Some(it) = arg(&args[1..], kw, 0, "iterable") else {
        return Err(vm.type_error("enumerate() missing required argument 'iterable' (pos 1)".to_string()));
    };
    let start = arg(&args[1..], kw, 1, "start").unwrap_or(Value::small_int(0).expect("0 fits"));
    let it = vm.get_iter(&it)?;
    Ok(vm::new_iter(Iter::Enumerate { it, n: start }))
}

fn zip_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let strict = match kwarg(kw, "strict") {
        Some(s) => vm.truthy(&s)?,
        None => false,
    };
    let mut its = Vec::new();
    for (i, a) in args[1..].iter().enumerate() {
        match vm.get_iter(a) {
            Ok(it) => its.push(it),
            Err(e) if vm.is_instance_of_exc(&e, "TypeError") => {
                let tn = vm.type_name(a);
                return Err(vm.type_error(format!("zip argument #{} must support iteration", i + 1)).with_type_name(&tn));
            }
            Err(e) => return Err(e),
        }
    }
    Ok(vm::new_iter(Iter::Zip { its, strict }))
}

fn map_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if args.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments.".to_string()));
    }
    let mut its = Vec::new();
    for a in &args[2..] {
        its.push(vm.get_iter(a)?);
    }
    Ok(vm::new_iter(Iter::Map { func: args[1].clone(), its }))
}

fn filter_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if args.len() != 3 {
        return Err(vm.type_error(format!("filter expected 2 arguments, got {}", args.len() - 1)));
    }
    let it = vm.get_iter(&args[2])?;
    Ok(vm::new_iter(Iter::Filter { func: args[1].clone(), it }))
}

fn reversed_of(vm: &mut Vm, v: &Value) -> PyResult<Value> {
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

fn reversed_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("reversed", &args[1..], 1, 1)?;
    reversed_of(vm, &args[1])
}

fn iter_self(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn iter_next_m(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if let Some(Obj { kind: ObjKind::Generator(_) }) = args[0].as_obj() {
        return vm.gen_send(&args[0], Value::NONE);
    }
    match vm.iter_next(&args[0])? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::NONE)),
    }
}

fn iter_length_hint(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
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

fn gen_send(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("send", &args[1..], 1, 1)?;
    vm.gen_send(&args[0], args[1].clone())
}

fn gen_throw(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
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

fn gen_close(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.gen_close(&args[0])?;
    Ok(Value::NONE)
}

fn mp_inner(v: &Value) -> Value {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::MappingProxy(d) }) => d.clone(),
        _ => Value::NONE,
    }
}
fn mp_getitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.getitem(&mp_inner(&args[0]), &args[1])
}
fn mp_keys(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    dict_keys(vm, &[mp_inner(&args[0])], &[])
}
fn mp_values(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    dict_values(vm, &[mp_inner(&args[0])], &[])
}
fn mp_items(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    dict_items(vm, &[mp_inner(&args[0])], &[])
}
fn mp_get(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let mut a = vec![mp_inner(&args[0])];
    a.extend_from_slice(&args[1..]);
    dict_get(vm, &a, &[])
}
fn mp_contains(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.contains(&mp_inner(&args[0]), &args[1]).map(Value::bool)
}
fn mp_iter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.get_iter(&mp_inner(&args[0]))
}
fn mp_len(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let n = vm.len(&mp_inner(&args[0]))?;
    Ok(vm::new_int(n as i64))
}
