//! `_collections`: `deque`, `defaultdict` and `_count_elements` (Counter's fast path), with
//! CPython 3.11's signatures, errors and reprs.
//!
//! A deque keeps its items in a list held as the instance's built-in payload (`base`), so
//! iterating a deque iterates that list (`iter(d)` is a `list_iterator`; mutating a deque while
//! iterating it does not raise). `popleft`/`appendleft` are O(n) memmoves (fine for the sizes
//! programs use; a ring buffer needs an interpreter-side payload kind).

use crate::native::*;
use rpy_interpreter::bytecode::opcodes::CmpOp;
use rpy_interpreter::dict::Dict;
use rpy_interpreter::object::*;
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::types::type_obj;
use rpy_interpreter::vm::{self, Vm};
use rpy_interpreter::PyResult;
use std::cell::RefCell;

thread_local! {
    static DEQUE: RefCell<Value> = const { RefCell::new(Value::NULL) };
    static DEFAULTDICT: RefCell<Value> = const { RefCell::new(Value::NULL) };
}

fn deque_ty() -> Value {
    DEQUE.with(|d| d.borrow().clone())
}
fn dd_ty() -> Value {
    DEFAULTDICT.with(|d| d.borrow().clone())
}

fn is_index(vm: &mut Vm, v: &Value) -> bool {
    v.as_small_int().is_some() || v.is(&Value::TRUE) || v.is(&Value::FALSE) || matches!(v.as_obj().map(|o| &o.kind), Some(ObjKind::Int(_))) || vm.has_index(v)
}

// ---------------- deque: base = list of items, slot 0 = maxlen (None or int) ----------------

fn dq(vm: &mut Vm, args: &[Value], meth: &str) -> PyResult<(Value, Value)> {
    let s = check_self(vm, args, &deque_ty(), meth)?;
    let l = base_of(&s);
    Ok((s, l))
}

fn with_list<R>(l: &Value, f: impl FnOnce(&mut Vec<Value>) -> R) -> R {
    match l.as_obj() {
        Some(Obj { kind: ObjKind::List(v) }) => f(&mut v.borrow_mut()),
        _ => f(&mut Vec::new()),
    }
}

fn items(l: &Value) -> Vec<Value> {
    with_list(l, |v| v.clone())
}

fn maxlen(s: &Value) -> Option<usize> {
    let m = slot(s, 0);
    m.as_small_int().map(|x| x as usize)
}

fn new_deque(cls: &Value, items: Vec<Value>, maxlen: Value) -> Value {
    new_instance(cls, vec![maxlen], vm::new_list(items))
}

fn deque_new(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(new_deque(&args[0], Vec::new(), Value::NONE))
}

fn deque_init(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (s, l) = dq(vm, args, "__init__")?;
    check_kwargs(vm, "deque", kw, &["iterable", "maxlen"])?;
    if args.len() > 3 {
        return Err(vm.type_error(format!("deque expected at most 2 arguments, got {}", args.len() - 1)));
    }
    let iterable = args.get(1).cloned().or_else(|| kwarg(kw, "iterable"));
    let m = args.get(2).cloned().or_else(|| kwarg(kw, "maxlen")).unwrap_or(Value::NONE);
    let m = if m.is_none() {
        Value::NONE
    } else {
        if !is_index(vm, &m) {
            return Err(vm.type_error("an integer is required".to_string()));
        }
        let n = vm.index_value(&m)?;
        if n < 0 {
            return Err(vm.value_error("maxlen must be non-negative".to_string()));
        }
        int(n)
    };
    set_slot(&s, 0, m);
    let new_items = match iterable {
        Some(it) => vm.collect(&it)?,
        None => Vec::new(),
    };
    with_list(&l, |v| v.clear());
    push_right(&s, &l, new_items);
    Ok(Value::NONE)
}

fn push_right(s: &Value, l: &Value, new: Vec<Value>) {
    let m = maxlen(s);
    with_list(l, |v| {
        v.extend(new);
        if let Some(m) = m {
            if v.len() > m {
                let extra = v.len() - m;
                v.drain(..extra);
            }
        }
    });
}

fn push_left(s: &Value, l: &Value, new: Vec<Value>) {
    let m = maxlen(s);
    with_list(l, |v| {
        let mut front: Vec<Value> = new.into_iter().rev().collect();
        front.append(v);
        *v = front;
        if let Some(m) = m {
            v.truncate(m);
        }
    });
}

fn deque_append(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (s, l) = dq(vm, args, "append")?;
    vm.check_arity("append", &args[1..], 1, 1)?;
    push_right(&s, &l, vec![args[1].clone()]);
    Ok(Value::NONE)
}

fn deque_appendleft(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (s, l) = dq(vm, args, "appendleft")?;
    vm.check_arity("appendleft", &args[1..], 1, 1)?;
    push_left(&s, &l, vec![args[1].clone()]);
    Ok(Value::NONE)
}

fn deque_extend(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (s, l) = dq(vm, args, "extend")?;
    vm.check_arity("extend", &args[1..], 1, 1)?;
    let new = vm.collect(&args[1])?;
    push_right(&s, &l, new);
    Ok(Value::NONE)
}

fn deque_iadd(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    deque_extend(vm, args, kw)?;
    Ok(args[0].clone())
}

fn deque_extendleft(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (s, l) = dq(vm, args, "extendleft")?;
    vm.check_arity("extendleft", &args[1..], 1, 1)?;
    let new = vm.collect(&args[1])?;
    push_left(&s, &l, new);
    Ok(Value::NONE)
}

fn deque_pop(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (_s, l) = dq(vm, args, "pop")?;
    vm.check_arity("pop", &args[1..], 0, 0)?;
    match with_list(&l, |v| v.pop()) {
        Some(x) => Ok(x),
        None => Err(vm.new_error("IndexError", "pop from an empty deque".to_string())),
    }
}

fn deque_popleft(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (_s, l) = dq(vm, args, "popleft")?;
    vm.check_arity("popleft", &args[1..], 0, 0)?;
    match with_list(&l, |v| if v.is_empty() { None } else { Some(v.remove(0)) }) {
        Some(x) => Ok(x),
        None => Err(vm.new_error("IndexError", "pop from an empty deque".to_string())),
    }
}

fn deque_clear(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (_s, l) = dq(vm, args, "clear")?;
    let old = with_list(&l, std::mem::take);
    drop(old);
    Ok(Value::NONE)
}

fn deque_copy(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (s, l) = dq(vm, args, "copy")?;
    let cls = vm.type_of(&s);
    let its = items(&l);
    let m = slot(&s, 0);
    if cls.is(&deque_ty()) {
        return Ok(new_deque(&cls, its, m));
    }
    let lv = vm::new_list(its);
    if m.is_none() {
        vm.call(&cls, &[lv], &[])
    } else {
        vm.call(&cls, &[lv, m], &[])
    }
}

fn deque_count(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (_s, l) = dq(vm, args, "count")?;
    vm.check_arity("count", &args[1..], 1, 1)?;
    let mut n = 0;
    for x in items(&l) {
        if x.is(&args[1]) || vm.eq(&x, &args[1])? {
            n += 1;
        }
    }
    Ok(int(n))
}

fn norm_index(vm: &mut Vm, v: &Value, len: usize) -> PyResult<i64> {
    let i = vm.index_value(v)?;
    Ok(if i < 0 { (i + len as i64).max(0) } else { i.min(len as i64) })
}

fn deque_index(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (_s, l) = dq(vm, args, "index")?;
    vm.check_arity("index", &args[1..], 1, 3)?;
    let its = items(&l);
    let start = match args.get(2) {
        Some(v) => norm_index(vm, v, its.len())?,
        None => 0,
    } as usize;
    let stop = match args.get(3) {
        Some(v) => norm_index(vm, v, its.len())?,
        None => its.len() as i64,
    } as usize;
    for (i, x) in its.iter().enumerate().take(stop).skip(start) {
        if x.is(&args[1]) || vm.eq(x, &args[1])? {
            return Ok(int(i as i64));
        }
    }
    let r = repr(vm, &args[1])?;
    Err(vm.value_error(format!("{r} is not in deque")))
}

fn deque_insert(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (s, l) = dq(vm, args, "insert")?;
    vm.check_arity("insert", &args[1..], 2, 2)?;
    let len = with_list(&l, |v| v.len());
    if maxlen(&s) == Some(len) {
        return Err(vm.new_error("IndexError", "deque already at its maximum size".to_string()));
    }
    let i = norm_index(vm, &args[1], len)? as usize;
    let x = args[2].clone();
    with_list(&l, |v| v.insert(i, x));
    Ok(Value::NONE)
}

fn deque_remove(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (_s, l) = dq(vm, args, "remove")?;
    vm.check_arity("remove", &args[1..], 1, 1)?;
    let its = items(&l);
    for (i, x) in its.iter().enumerate() {
        if x.is(&args[1]) || vm.eq(x, &args[1])? {
            let still = with_list(&l, |v| v.len() == its.len());
            if !still {
                return Err(vm.new_error("IndexError", "deque mutated during remove().".to_string()));
            }
            with_list(&l, |v| v.remove(i));
            return Ok(Value::NONE);
        }
    }
    let r = repr(vm, &args[1])?;
    Err(vm.value_error(format!("{r} is not in deque")))
}

fn deque_reverse(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (_s, l) = dq(vm, args, "reverse")?;
    with_list(&l, |v| v.reverse());
    Ok(Value::NONE)
}

fn deque_rotate(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (_s, l) = dq(vm, args, "rotate")?;
    vm.check_arity("rotate", &args[1..], 0, 1)?;
    let n = match args.get(1) {
        Some(v) => vm.index_value(v)?,
        None => 1,
    };
    with_list(&l, |v| {
        if !v.is_empty() {
            let k = n.rem_euclid(v.len() as i64) as usize;
            v.rotate_right(k);
        }
    });
    Ok(Value::NONE)
}

fn deque_len(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (_s, l) = dq(vm, args, "__len__")?;
    Ok(int(with_list(&l, |v| v.len()) as i64))
}

fn item_index(vm: &mut Vm, key: &Value, len: usize) -> PyResult<usize> {
    if !is_index(vm, key) {
        let tn = vm.type_name(key);
        return Err(vm.type_error(format!("sequence index must be integer, not '{tn}'")));
    }
    let i = vm.index_value(key)?;
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.new_error("IndexError", "deque index out of range".to_string()));
    }
    Ok(j as usize)
}

fn deque_getitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (_s, l) = dq(vm, args, "__getitem__")?;
    let len = with_list(&l, |v| v.len());
    let i = item_index(vm, &args[1], len)?;
    Ok(with_list(&l, |v| v[i].clone()))
}

fn deque_setitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (_s, l) = dq(vm, args, "__setitem__")?;
    let len = with_list(&l, |v| v.len());
    let i = item_index(vm, &args[1], len)?;
    let x = args[2].clone();
    let old = with_list(&l, |v| std::mem::replace(&mut v[i], x));
    drop(old);
    Ok(Value::NONE)
}

fn deque_delitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (_s, l) = dq(vm, args, "__delitem__")?;
    let len = with_list(&l, |v| v.len());
    let i = item_index(vm, &args[1], len)?;
    let old = with_list(&l, |v| v.remove(i));
    drop(old);
    Ok(Value::NONE)
}

fn deque_contains(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (_s, l) = dq(vm, args, "__contains__")?;
    for x in items(&l) {
        if x.is(&args[1]) || vm.eq(&x, &args[1])? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn deque_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (s, l) = dq(vm, args, "__repr__")?;
    if !repr_enter(vm, &s) {
        return Ok(vm::new_str("[...]"));
    }
    let r = vm.repr(&l);
    repr_leave(vm);
    let r = r?;
    let name = vm.type_name(&s);
    Ok(vm::new_string(match maxlen(&s) {
        Some(m) => format!("{name}({r}, maxlen={m})"),
        None => format!("{name}({r})"),
    }))
}

fn deque_cmp(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    let (_s, l) = dq(vm, args, op.dunder())?;
    let other = args.get(1).cloned().unwrap_or(Value::NONE);
    if !is_a(vm, &other, &deque_ty()) {
        return Ok(vm::not_implemented());
    }
    let (a, b) = (items(&l), items(&base_of(&other)));
    if matches!(op, CmpOp::Eq | CmpOp::Ne) && a.len() != b.len() {
        return Ok(Value::bool(op == CmpOp::Ne));
    }
    for (x, y) in a.iter().zip(b.iter()) {
        if !(x.is(y) || vm.eq(x, y)?) {
            return match op {
                CmpOp::Eq => Ok(Value::FALSE),
                CmpOp::Ne => Ok(Value::TRUE),
                _ => vm.compare(op, x, y),
            };
        }
    }
    let (la, lb) = (a.len(), b.len());
    Ok(Value::bool(match op {
        CmpOp::Lt => la < lb,
        CmpOp::Le => la <= lb,
        CmpOp::Eq => la == lb,
        CmpOp::Ne => la != lb,
        CmpOp::Gt => la > lb,
        CmpOp::Ge => la >= lb,
    }))
}

fn deque_lt(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    deque_cmp(vm, a, CmpOp::Lt)
}
fn deque_le(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    deque_cmp(vm, a, CmpOp::Le)
}
fn deque_eq(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    deque_cmp(vm, a, CmpOp::Eq)
}
fn deque_ne(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    deque_cmp(vm, a, CmpOp::Ne)
}
fn deque_gt(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    deque_cmp(vm, a, CmpOp::Gt)
}
fn deque_ge(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    deque_cmp(vm, a, CmpOp::Ge)
}

fn deque_add(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (s, l) = dq(vm, args, "__add__")?;
    let other = args.get(1).cloned().unwrap_or(Value::NONE);
    if !is_a(vm, &other, &deque_ty()) {
        let tn = vm.type_name(&other);
        return Err(vm.type_error(format!("can only concatenate deque (not \"{tn}\") to deque")));
    }
    let mut its = items(&l);
    its.extend(items(&base_of(&other)));
    let d = new_deque(&deque_ty(), Vec::new(), slot(&s, 0));
    let dl = base_of(&d);
    push_right(&d, &dl, its);
    Ok(d)
}

/// `items` repeated `n` times (`deque * n`).
fn repeated(items: &[Value], n: usize) -> Vec<Value> {
    let mut out = Vec::with_capacity(items.len().saturating_mul(n));
    for _ in 0..n {
        out.extend(items.iter().cloned());
    }
    out
}

fn deque_mul(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (s, l) = dq(vm, args, "__mul__")?;
    if !is_index(vm, &args[1]) {
        return Ok(vm::not_implemented());
    }
    let n = vm.index_value(&args[1])?.max(0) as usize;
    let out = repeated(&items(&l), n);
    let d = new_deque(&deque_ty(), Vec::new(), slot(&s, 0));
    let dl = base_of(&d);
    push_right(&d, &dl, out);
    Ok(d)
}

fn deque_imul(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (s, l) = dq(vm, args, "__imul__")?;
    if !is_index(vm, &args[1]) {
        return Ok(vm::not_implemented());
    }
    let n = vm.index_value(&args[1])?.max(0) as usize;
    let out = repeated(&items(&l), n);
    with_list(&l, |v| v.clear());
    push_right(&s, &l, out);
    Ok(s)
}

fn deque_reversed(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (_s, l) = dq(vm, args, "__reversed__")?;
    let mut its = items(&l);
    its.reverse();
    vm.get_iter(&vm::new_list(its))
}

fn deque_reduce(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (s, l) = dq(vm, args, "__reduce__")?;
    let cls = vm.type_of(&s);
    let m = slot(&s, 0);
    let cargs = if m.is_none() { vm::new_tuple(vec![]) } else { vm::new_tuple(vec![vm::new_tuple(vec![]), m]) };
    let state = inst(&s).map(|i| i.dict.clone()).filter(|d| !d.is_null() && vm::dict_of(d).map(|x| x.borrow().len() > 0).unwrap_or(false)).unwrap_or(Value::NONE);
    let it = vm.get_iter(&vm::new_list(items(&l)))?;
    Ok(vm::new_tuple(vec![cls, cargs, state, it]))
}

fn deque_maxlen(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (s, _l) = dq(vm, args, "maxlen")?;
    Ok(slot(&s, 0))
}

fn deque_iter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (_s, l) = dq(vm, args, "__iter__")?;
    vm.get_iter(&l)
}

fn class_getitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let cls = args.first().cloned().unwrap_or(Value::NONE);
    let item = args.get(1).cloned().unwrap_or(Value::NONE);
    let types = vm.import_module("types")?;
    let ga = vm.getattr_str(&types, "GenericAlias")?;
    vm.call(&ga, &[cls, item], &[])
}

// ---------------- defaultdict: base = dict, slot "default_factory" ----------------

fn dd_new(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(new_instance(&args[0], vec![Value::NONE], vm::new_dict(Dict::new())))
}

fn dd_init(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let s = check_self(vm, args, &dd_ty(), "__init__")?;
    let mut rest: Vec<Value> = vec![s.clone()];
    if let Some(f) = args.get(1) {
        if !f.is_none() && !vm.is_callable(f) {
            return Err(vm.type_error("first argument must be callable or None".to_string()));
        }
        set_slot(&s, 0, f.clone());
        rest.extend_from_slice(&args[2..]);
    }
    let init = vm.lookup_type_str(&vm.types.dict.clone(), "__init__").expect("dict.__init__");
    vm.call(&init, &rest, kw)
}

fn dd_missing(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = check_self(vm, args, &dd_ty(), "__missing__")?;
    vm.check_arity("__missing__", &args[1..], 1, 1)?;
    let f = slot(&s, 0);
    if f.is_none() || f.is_null() {
        return Err(vm.key_error(args[1].clone()));
    }
    let v = vm.call(&f, &[], &[])?;
    vm.setitem(&s, args[1].clone(), v.clone())?;
    Ok(v)
}

fn dd_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = check_self(vm, args, &dd_ty(), "__repr__")?;
    let f = slot(&s, 0);
    let fr = if f.is_none() || f.is_null() {
        "None".to_string()
    } else if !repr_enter(vm, &f) {
        "...".to_string()
    } else {
        let r = vm.repr(&f);
        repr_leave(vm);
        r?
    };
    let d = base_of(&s);
    let dr = vm.repr(&d)?;
    let name = vm.type_name(&s);
    Ok(vm::new_string(format!("{name}({fr}, {dr})")))
}

fn dd_copy(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = check_self(vm, args, &dd_ty(), "copy")?;
    let cls = vm.type_of(&s);
    let f = slot(&s, 0);
    vm.call(&cls, &[f, s.clone()], &[])
}

fn dd_reduce(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = check_self(vm, args, &dd_ty(), "__reduce__")?;
    let cls = vm.type_of(&s);
    let f = slot(&s, 0);
    let a = if f.is_none() { vm::new_tuple(vec![]) } else { vm::new_tuple(vec![f]) };
    let items = vm.call_method(&s, "items", &[])?;
    let it = vm.get_iter(&items)?;
    Ok(vm::new_tuple(vec![cls, a, Value::NONE, Value::NONE, it]))
}

fn dd_or(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (a, b) = (args[0].clone(), args[1].clone());
    let dict_t = vm.types.dict.clone();
    if !vm.isinstance_type(&b, &dict_t) {
        return Ok(vm::not_implemented());
    }
    let new = dd_copy(vm, &[a], &[])?;
    vm.call_method(&new, "update", &[b])?;
    Ok(new)
}

fn dd_ror(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (s, other) = (args[0].clone(), args[1].clone());
    let dict_t = vm.types.dict.clone();
    if !vm.isinstance_type(&other, &dict_t) {
        return Ok(vm::not_implemented());
    }
    let cls = vm.type_of(&s);
    let f = slot(&s, 0);
    let new = vm.call(&cls, &[f, other], &[])?;
    vm.call_method(&new, "update", &[s])?;
    Ok(new)
}

// ---------------- _count_elements ----------------

fn count_elements(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("_count_elements", args, 2, 2)?;
    let (mapping, iterable) = (args[0].clone(), args[1].clone());
    let it = vm.get_iter(&iterable)?;
    let one = int(1);
    // Fast path: a dict (or subclass not overriding get/__setitem__) updates its table directly.
    let t = vm.type_of(&mapping);
    let dict_t = vm.types.dict.clone();
    let fast = {
        let g = vm.lookup_type_str(&t, "get");
        let dg = vm.lookup_type_str(&dict_t, "get");
        let si = vm.lookup_type_str(&t, "__setitem__");
        let dsi = vm.lookup_type_str(&dict_t, "__setitem__");
        let b = rpy_interpreter::vm::ops::base_value(&mapping);
        let same = |a: &Option<Value>, b: &Option<Value>| match (a, b) {
            (Some(x), Some(y)) => x.is(y),
            (None, None) => true,
            _ => false,
        };
        same(&g, &dg) && same(&si, &dsi) && vm::dict_of(&b).is_some()
    };
    if fast {
        let d = rpy_interpreter::vm::ops::base_value(&mapping);
        while let Some(x) = vm.iter_next(&it)? {
            let cur = vm.dict_lookup(&d, &x)?;
            let n = match cur {
                Some(c) => vm.binary_op(rpy_interpreter::bytecode::opcodes::BinOp::Add, &c, &one)?,
                None => one.clone(),
            };
            vm.dict_set(&d, x, n)?;
        }
        return Ok(Value::NONE);
    }
    let get = vm.getattr_str(&mapping, "get")?;
    let zero = int(0);
    while let Some(x) = vm.iter_next(&it)? {
        let c = vm.call(&get, &[x.clone(), zero.clone()], &[])?;
        let n = vm.binary_op(rpy_interpreter::bytecode::opcodes::BinOp::Add, &c, &one)?;
        vm.setitem(&mapping, x, n)?;
    }
    Ok(Value::NONE)
}

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let module = vm.new_module("_collections");
    let methods: &[(&'static str, NativeFn)] = &[
        ("__new__", deque_new),
        ("__init__", deque_init),
        ("append", deque_append),
        ("appendleft", deque_appendleft),
        ("pop", deque_pop),
        ("popleft", deque_popleft),
        ("extend", deque_extend),
        ("extendleft", deque_extendleft),
        ("clear", deque_clear),
        ("copy", deque_copy),
        ("__copy__", deque_copy),
        ("count", deque_count),
        ("index", deque_index),
        ("insert", deque_insert),
        ("remove", deque_remove),
        ("reverse", deque_reverse),
        ("rotate", deque_rotate),
        ("__len__", deque_len),
        ("__getitem__", deque_getitem),
        ("__setitem__", deque_setitem),
        ("__delitem__", deque_delitem),
        ("__contains__", deque_contains),
        ("__repr__", deque_repr),
        ("__lt__", deque_lt),
        ("__le__", deque_le),
        ("__eq__", deque_eq),
        ("__ne__", deque_ne),
        ("__gt__", deque_gt),
        ("__ge__", deque_ge),
        ("__add__", deque_add),
        ("__mul__", deque_mul),
        ("__rmul__", deque_mul),
        ("__imul__", deque_imul),
        ("__iadd__", deque_iadd),
        ("__reversed__", deque_reversed),
        ("__reduce__", deque_reduce),
        ("__reduce_ex__", deque_reduce),
    ];
    let d = new_type(vm, "deque", "collections", None, 1, &[], methods);
    DEQUE.with(|x| *x.borrow_mut() = d.clone());
    set_attr(vm, &d, "__hash__", Value::NONE);
    let getter = vm.new_native_fn("maxlen", deque_maxlen);
    set_attr(vm, &d, "maxlen", Value::new_obj(Obj { kind: ObjKind::Property(Property { fget: getter, fset: Value::NONE, fdel: Value::NONE, doc: Value::NONE }) }));
    add_classmethod(vm, &d, "__class_getitem__", class_getitem);
    // `iter(d)`: a Python-level __iter__ (the VM skips native ones) returning the list's iterator.
    let ns = py_namespace(vm, "def __iter__(self):\n    return _it(self)\n")?;
    let it_fn = vm.new_native_fn("_it", deque_iter);
    if let Some(dd) = vm::dict_of(&ns) {
        let k = vm.intern("_it");
        vm::dict_set_str(&mut dd.borrow_mut(), k, it_fn);
    }
    let iter_f = ns_get(vm, &ns, "__iter__");
    set_attr(vm, &d, "__iter__", iter_f);
    vm.module_set(&module, "deque", d);

    let dict_t = vm.types.dict.clone();
    let dmethods: &[(&'static str, NativeFn)] = &[
        ("__new__", dd_new),
        ("__init__", dd_init),
        ("__missing__", dd_missing),
        ("__repr__", dd_repr),
        ("copy", dd_copy),
        ("__copy__", dd_copy),
        ("__reduce__", dd_reduce),
        ("__reduce_ex__", dd_reduce),
        ("__or__", dd_or),
        ("__ror__", dd_ror),
    ];
    let dd = new_type(vm, "defaultdict", "collections", Some(&dict_t), 0, &["default_factory"], dmethods);
    add_classmethod(vm, &dd, "__class_getitem__", class_getitem);
    DEFAULTDICT.with(|x| *x.borrow_mut() = dd.clone());
    vm.module_set(&module, "defaultdict", dd);
    vm.module_add_fn(&module, "_count_elements", count_elements);
    let _ = type_obj;
    Ok(module)
}
