//! The `itertools` module (CPython 3.11's `Modules/itertoolsmodule.c`): every iterator type
//! with CPython's argument checking, error messages and reprs.
//!
//! Known differences: `tee` objects share one buffer that is never trimmed (memory grows with
//! the distance travelled by the leading copy, CPython frees consumed links); no
//! `__reduce__`/`__setstate__` (pickling of iterators, deprecated in 3.12).

use crate::native::*;
use rpy_interpreter::bytecode::opcodes::BinOp;
use rpy_interpreter::object::*;
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::{self, Vm};
use rpy_interpreter::{PyErr, PyResult};
use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    static TYPES: RefCell<HashMap<&'static str, Value>> = RefCell::new(HashMap::new());
}

fn ty(name: &'static str) -> Value {
    TYPES.with(|t| t.borrow().get(name).cloned().expect("itertools type registered"))
}

fn stop(vm: &mut Vm) -> PyErr {
    vm.stop_iteration(Value::NONE)
}

fn this(vm: &mut Vm, args: &[Value], name: &'static str) -> PyResult<Value> {
    let t = ty(name);
    check_self(vm, args, &t, "__next__")
}

/// Positional-or-keyword argument `i` of a `__new__` (args[0] is the class).
fn narg(args: &[Value], kw: &KwArgs, i: usize, name: &str) -> Option<Value> {
    args.get(i + 1).cloned().or_else(|| kwarg(kw, name))
}

fn next_of(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    if it.is_null() || it.is_none() {
        return Ok(None);
    }
    vm.iter_next(it)
}

fn cls_name(vm: &Vm, v: &Value) -> String {
    vm.type_name(v)
}

// ---- count ----

fn count_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    check_kwargs(vm, "count", kw, &["start", "step"])?;
    if args.len() > 3 {
        return Err(vm.type_error(format!("count() takes at most 2 arguments ({} given)", args.len() - 1)));
    }
    let start = narg(args, kw, 0, "start").unwrap_or_else(|| int(0));
    let step = narg(args, kw, 1, "step").unwrap_or_else(|| int(1));
    for v in [&start, &step] {
        if !is_number(vm, v) {
            return Err(vm.type_error("a number is required".to_string()));
        }
    }
    Ok(new_instance(&args[0], vec![start, step], Value::NULL))
}

fn is_number(vm: &mut Vm, v: &Value) -> bool {
    if v.as_f64().is_some() || v.as_small_int().is_some() || matches!(v.as_obj().map(|o| &o.kind), Some(ObjKind::Int(_) | ObjKind::Complex(..))) {
        return true;
    }
    let t = vm.type_of(v);
    ["__add__", "__index__", "__float__", "__int__"].iter().any(|m| vm.lookup_type_str(&t, m).is_some()) && vm::str_of(v).is_none() && !matches!(v.as_obj().map(|o| &o.kind), Some(ObjKind::List(_) | ObjKind::Tuple(_) | ObjKind::Bytes(_)))
}

fn count_next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "count")?;
    let cur = slot(&s, 0);
    let step = slot(&s, 1);
    let nxt = vm.binary_op(BinOp::Add, &cur, &step)?;
    set_slot(&s, 0, nxt);
    Ok(cur)
}

fn count_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let t = ty("count");
    let s = check_self(vm, args, &t, "__repr__")?;
    let name = cls_name(vm, &s);
    let start = repr(vm, &slot(&s, 0))?;
    let step = slot(&s, 1);
    if step.as_small_int() == Some(1) {
        return Ok(vm::new_string(format!("{name}({start})")));
    }
    let st = repr(vm, &step)?;
    Ok(vm::new_string(format!("{name}({start}, {st})")))
}

// ---- cycle ----

fn cycle_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    check_kwargs(vm, "cycle", kw, &[])?;
    vm.check_arity("cycle", &args[1..], 1, 1)?;
    let it = vm.get_iter(&args[1])?;
    Ok(new_instance(&args[0], vec![it, vm::new_list(vec![]), int(0), Value::TRUE], Value::NULL))
}

fn cycle_next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "cycle")?;
    let saved = slot(&s, 1);
    if slot(&s, 3).is(&Value::TRUE) {
        let it = slot(&s, 0);
        if let Some(v) = next_of(vm, &it)? {
            if let Some(Obj { kind: ObjKind::List(l) }) = saved.as_obj() {
                l.borrow_mut().push(v.clone());
            }
            return Ok(v);
        }
        set_slot(&s, 3, Value::FALSE);
        set_slot(&s, 0, Value::NONE);
    }
    let Some(Obj { kind: ObjKind::List(l) }) = saved.as_obj() else { return Err(stop(vm)) };
    let l = l.borrow();
    if l.is_empty() {
        drop(l);
        return Err(stop(vm));
    }
    let i = as_int(&slot(&s, 2)) as usize % l.len();
    let v = l[i].clone();
    let n = (i + 1) % l.len();
    drop(l);
    set_slot(&s, 2, int(n as i64));
    Ok(v)
}

// ---- repeat ----

fn repeat_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    check_kwargs(vm, "repeat", kw, &["object", "times"])?;
    let Some(obj) = narg(args, kw, 0, "object") else {
        return Err(vm.type_error("repeat() missing required argument 'object' (pos 1)".to_string()));
    };
    if args.len() > 3 {
        return Err(vm.type_error(format!("repeat() takes at most 2 arguments ({} given)", args.len() - 1)));
    }
    let times = match narg(args, kw, 1, "times") {
        None => Value::NONE,
        Some(t) => {
            let n = vm.index_value(&t)?;
            int(n.max(0))
        }
    };
    Ok(new_instance(&args[0], vec![obj, times], Value::NULL))
}

fn repeat_next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "repeat")?;
    let t = slot(&s, 1);
    if t.is_none() {
        return Ok(slot(&s, 0));
    }
    let n = as_int(&t);
    if n <= 0 {
        return Err(stop(vm));
    }
    set_slot(&s, 1, int(n - 1));
    Ok(slot(&s, 0))
}

fn repeat_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let t = ty("repeat");
    let s = check_self(vm, args, &t, "__repr__")?;
    let name = cls_name(vm, &s);
    let o = repr(vm, &slot(&s, 0))?;
    let t = slot(&s, 1);
    if t.is_none() {
        Ok(vm::new_string(format!("{name}({o})")))
    } else {
        Ok(vm::new_string(format!("{name}({o}, {})", as_int(&t))))
    }
}

fn repeat_length_hint(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let t = ty("repeat");
    let s = check_self(vm, args, &t, "__length_hint__")?;
    let t = slot(&s, 1);
    if t.is_none() {
        return Err(vm.type_error("len() of unsized object".to_string()));
    }
    Ok(t)
}

// ---- accumulate ----

fn accumulate_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    check_kwargs(vm, "accumulate", kw, &["iterable", "func", "initial"])?;
    let Some(iterable) = narg(args, kw, 0, "iterable") else {
        return Err(vm.type_error("accumulate() missing required argument 'iterable' (pos 1)".to_string()));
    };
    if args.len() > 3 {
        return Err(vm.type_error(format!("accumulate() takes at most 2 positional arguments ({} given)", args.len() - 1)));
    }
    let func = narg(args, kw, 1, "func").unwrap_or(Value::NONE);
    let initial = kwarg(kw, "initial").unwrap_or(Value::NONE);
    let it = vm.get_iter(&iterable)?;
    Ok(new_instance(&args[0], vec![it, func, Value::NULL, initial], Value::NULL))
}

fn accumulate_next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "accumulate")?;
    let initial = slot(&s, 3);
    if !initial.is_none() && !initial.is_null() {
        set_slot(&s, 2, initial.clone());
        set_slot(&s, 3, Value::NONE);
        return Ok(initial);
    }
    let it = slot(&s, 0);
    let Some(v) = next_of(vm, &it)? else { return Err(stop(vm)) };
    let total = slot(&s, 2);
    let r = if total.is_null() {
        v
    } else {
        let f = slot(&s, 1);
        if f.is_none() {
            vm.binary_op(BinOp::Add, &total, &v)?
        } else {
            vm.call(&f, &[total, v], &[])?
        }
    };
    set_slot(&s, 2, r.clone());
    Ok(r)
}

// ---- chain ----

fn chain_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    check_kwargs(vm, "chain", kw, &[])?;
    let src = vm.get_iter(&vm::new_tuple(args[1..].to_vec()))?;
    Ok(new_instance(&args[0], vec![src, Value::NULL], Value::NULL))
}

fn chain_from_iterable(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!("chain.from_iterable() takes exactly one argument ({} given)", args.len().saturating_sub(1))));
    }
    let src = vm.get_iter(&args[1])?;
    Ok(new_instance(&args[0], vec![src, Value::NULL], Value::NULL))
}

fn chain_next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "chain")?;
    loop {
        let mut active = slot(&s, 1);
        if active.is_null() {
            let src = slot(&s, 0);
            let Some(n) = next_of(vm, &src)? else {
                set_slot(&s, 0, Value::NONE);
                return Err(stop(vm));
            };
            active = vm.get_iter(&n)?;
            set_slot(&s, 1, active.clone());
        }
        if let Some(v) = vm.iter_next(&active)? {
            return Ok(v);
        }
        set_slot(&s, 1, Value::NULL);
    }
}

// ---- compress / dropwhile / takewhile / filterfalse / starmap ----

fn compress_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    check_kwargs(vm, "compress", kw, &["data", "selectors"])?;
    let (Some(d), Some(sel)) = (narg(args, kw, 0, "data"), narg(args, kw, 1, "selectors")) else {
        let which = if narg(args, kw, 0, "data").is_none() { "'data' (pos 1)" } else { "'selectors' (pos 2)" };
        return Err(vm.type_error(format!("compress() missing required argument {which}")));
    };
    let d = vm.get_iter(&d)?;
    let sel = vm.get_iter(&sel)?;
    Ok(new_instance(&args[0], vec![d, sel], Value::NULL))
}

fn compress_next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "compress")?;
    let (d, sel) = (slot(&s, 0), slot(&s, 1));
    loop {
        let Some(v) = next_of(vm, &d)? else { return Err(stop(vm)) };
        let Some(k) = next_of(vm, &sel)? else { return Err(stop(vm)) };
        if vm.truthy(&k)? {
            return Ok(v);
        }
    }
}

fn two_arg_new(vm: &mut Vm, args: &[Value], kw: &KwArgs, name: &str, extra: Value) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    if args.len() != 3 {
        return Err(vm.type_error(format!("{name} expected 2 arguments, got {}", args.len() - 1)));
    }
    let it = vm.get_iter(&args[2])?;
    Ok(new_instance(&args[0], vec![args[1].clone(), it, extra], Value::NULL))
}

fn dropwhile_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    two_arg_new(vm, args, kw, "dropwhile", Value::FALSE)
}

fn dropwhile_next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "dropwhile")?;
    let (f, it) = (slot(&s, 0), slot(&s, 1));
    loop {
        let Some(v) = next_of(vm, &it)? else { return Err(stop(vm)) };
        if slot(&s, 2).is(&Value::TRUE) {
            return Ok(v);
        }
        let r = vm.call(&f, &[v.clone()], &[])?;
        if !vm.truthy(&r)? {
            set_slot(&s, 2, Value::TRUE);
            return Ok(v);
        }
    }
}

fn takewhile_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    two_arg_new(vm, args, kw, "takewhile", Value::FALSE)
}

fn takewhile_next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "takewhile")?;
    if slot(&s, 2).is(&Value::TRUE) {
        return Err(stop(vm));
    }
    let (f, it) = (slot(&s, 0), slot(&s, 1));
    let Some(v) = next_of(vm, &it)? else { return Err(stop(vm)) };
    let r = vm.call(&f, &[v.clone()], &[])?;
    if vm.truthy(&r)? {
        return Ok(v);
    }
    set_slot(&s, 2, Value::TRUE);
    Err(stop(vm))
}

fn filterfalse_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    two_arg_new(vm, args, kw, "filterfalse", Value::NONE)
}

fn filterfalse_next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "filterfalse")?;
    let (f, it) = (slot(&s, 0), slot(&s, 1));
    loop {
        let Some(v) = next_of(vm, &it)? else { return Err(stop(vm)) };
        let keep = if f.is_none() {
            !vm.truthy(&v)?
        } else {
            let r = vm.call(&f, &[v.clone()], &[])?;
            !vm.truthy(&r)?
        };
        if keep {
            return Ok(v);
        }
    }
}

fn starmap_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    two_arg_new(vm, args, kw, "starmap", Value::NONE)
}

fn starmap_next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "starmap")?;
    let (f, it) = (slot(&s, 0), slot(&s, 1));
    let Some(v) = next_of(vm, &it)? else { return Err(stop(vm)) };
    let a = vm.collect(&v)?;
    vm.call(&f, &a, &[])
}

// ---- groupby ----

fn groupby_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    check_kwargs(vm, "groupby", kw, &["iterable", "key"])?;
    let Some(iterable) = narg(args, kw, 0, "iterable") else {
        return Err(vm.type_error("groupby() missing required argument 'iterable' (pos 1)".to_string()));
    };
    let key = narg(args, kw, 1, "key").unwrap_or(Value::NONE);
    let it = vm.get_iter(&iterable)?;
    // it, keyfunc, tgtkey, currkey, currvalue, current grouper generation
    Ok(new_instance(&args[0], vec![it, key, Value::NULL, Value::NULL, Value::NULL, int(0)], Value::NULL))
}

/// Advances the groupby: sets currkey/currvalue; false when exhausted.
fn groupby_step(vm: &mut Vm, g: &Value) -> PyResult<bool> {
    let it = slot(g, 0);
    let Some(v) = next_of(vm, &it)? else { return Ok(false) };
    let kf = slot(g, 1);
    let k = if kf.is_none() { v.clone() } else { vm.call(&kf, &[v.clone()], &[])? };
    set_slot(g, 4, v);
    set_slot(g, 3, k);
    Ok(true)
}

fn groupby_next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let g = this(vm, args, "groupby")?;
    let gen = as_int(&slot(&g, 5)) + 1;
    set_slot(&g, 5, int(gen));
    loop {
        let curr = slot(&g, 3);
        if !curr.is_null() {
            let tgt = slot(&g, 2);
            if tgt.is_null() {
                break;
            }
            if !vm.eq(&tgt, &curr)? {
                break;
            }
        }
        if !groupby_step(vm, &g)? {
            return Err(stop(vm));
        }
    }
    let curr = slot(&g, 3);
    set_slot(&g, 2, curr.clone());
    let grouper = new_instance(&ty("_grouper"), vec![g.clone(), curr.clone(), int(gen)], Value::NULL);
    Ok(vm::new_tuple(vec![curr, grouper]))
}

fn grouper_next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "_grouper")?;
    let g = slot(&s, 0);
    if as_int(&slot(&g, 5)) != as_int(&slot(&s, 2)) {
        return Err(stop(vm));
    }
    if slot(&g, 4).is_null() && !groupby_step(vm, &g)? {
        return Err(stop(vm));
    }
    let tgt = slot(&s, 1);
    let curr = slot(&g, 3);
    if !vm.eq(&tgt, &curr)? {
        return Err(stop(vm));
    }
    let v = slot(&g, 4);
    set_slot(&g, 4, Value::NULL);
    Ok(v)
}

// ---- islice ----

fn islice_arg(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<Option<i64>> {
    if v.is_none() {
        return Ok(None);
    }
    let n = match vm.index_bigint(v) {
        Ok(n) => n,
        Err(_) => return Err(vm.value_error(msg.to_string())),
    };
    use num_traits::{Signed, ToPrimitive};
    if n.is_negative() {
        return Err(vm.value_error(msg.to_string()));
    }
    Ok(Some(n.to_i64().unwrap_or(i64::MAX)))
}

fn islice_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("islice() takes no keyword arguments".to_string()));
    }
    let a = &args[1..];
    vm.check_arity("islice", a, 2, 4)?;
    let stop_msg = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let idx_msg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let (start, stop, step) = if a.len() == 2 {
        (0, islice_arg(vm, &a[1], stop_msg)?, 1)
    } else {
        let stop = islice_arg(vm, &a[2], stop_msg)?;
        let start = islice_arg(vm, &a[1], idx_msg)?.unwrap_or(0);
        let step = if a.len() == 4 && !a[3].is_none() {
            match vm.index_value(&a[3]) {
                Ok(s) if s >= 1 => s,
                _ => return Err(vm.value_error("Step for islice() must be a positive integer or None.".to_string())),
            }
        } else {
            1
        };
        (start, stop, step)
    };
    let it = vm.get_iter(&a[0])?;
    // it, next, stop (-1: None), step, cnt
    Ok(new_instance(&args[0], vec![it, int(start), int(stop.map(|s| s.min(1 << 46)).unwrap_or(-1)), int(step), int(0)], Value::NULL))
}

fn islice_next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "islice")?;
    let it = slot(&s, 0);
    if it.is_none() {
        return Err(stop(vm));
    }
    let stopv = as_int(&slot(&s, 2));
    let next = as_int(&slot(&s, 1));
    let mut cnt = as_int(&slot(&s, 4));
    let empty = |vm: &mut Vm, s: &Value| {
        set_slot(s, 0, Value::NONE);
        Err(stop(vm))
    };
    while cnt < next {
        if vm.iter_next(&it)?.is_none() {
            return empty(vm, &s);
        }
        cnt += 1;
        set_slot(&s, 4, int(cnt));
    }
    if stopv != -1 && cnt >= stopv {
        return empty(vm, &s);
    }
    let Some(v) = vm.iter_next(&it)? else { return empty(vm, &s) };
    cnt += 1;
    set_slot(&s, 4, int(cnt));
    let mut nn = next + as_int(&slot(&s, 3));
    if stopv != -1 && nn > stopv {
        nn = stopv;
    }
    set_slot(&s, 1, int(nn));
    Ok(v)
}

// ---- pairwise ----

fn pairwise_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    check_kwargs(vm, "pairwise", kw, &[])?;
    vm.check_arity("pairwise", &args[1..], 1, 1)?;
    let it = vm.get_iter(&args[1])?;
    Ok(new_instance(&args[0], vec![it, Value::NULL], Value::NULL))
}

fn pairwise_next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "pairwise")?;
    let it = slot(&s, 0);
    if it.is_none() {
        return Err(stop(vm));
    }
    let mut old = slot(&s, 1);
    if old.is_null() {
        match vm.iter_next(&it)? {
            Some(v) => old = v,
            None => {
                set_slot(&s, 0, Value::NONE);
                return Err(stop(vm));
            }
        }
        set_slot(&s, 1, old.clone());
    }
    let Some(new) = vm.iter_next(&it)? else {
        set_slot(&s, 0, Value::NONE);
        set_slot(&s, 1, Value::NULL);
        return Err(stop(vm));
    };
    set_slot(&s, 1, new.clone());
    Ok(vm::new_tuple(vec![old, new]))
}

// ---- tee ----

fn tee(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    check_kwargs(vm, "tee", kw, &[])?;
    vm.check_arity("tee", args, 1, 2)?;
    let n = if args.len() == 2 { vm.index_value(&args[1])? } else { 2 };
    if n < 0 {
        return Err(vm.value_error("n must be >= 0".to_string()));
    }
    if n == 0 {
        return Ok(vm::new_tuple(vec![]));
    }
    let it = vm.get_iter(&args[0])?;
    let first = if is_a(vm, &it, &ty("_tee")) {
        tee_copy_of(&it)
    } else {
        let data = new_instance(&ty("_tee_dataobject"), vec![it, vm::new_list(vec![])], Value::NULL);
        new_instance(&ty("_tee"), vec![data, int(0)], Value::NULL)
    };
    let mut out = vec![first.clone()];
    for _ in 1..n {
        out.push(tee_copy_of(&first));
    }
    Ok(vm::new_tuple(out))
}

fn tee_copy_of(t: &Value) -> Value {
    new_instance(&ty("_tee"), vec![slot(t, 0), slot(t, 1)], Value::NULL)
}

fn tee_copy(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let t = ty("_tee");
    let s = check_self(vm, args, &t, "__copy__")?;
    Ok(tee_copy_of(&s))
}

fn tee_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    check_kwargs(vm, "_tee", kw, &[])?;
    vm.check_arity("_tee", &args[1..], 1, 1)?;
    let it = vm.get_iter(&args[1])?;
    if is_a(vm, &it, &ty("_tee")) {
        return Ok(tee_copy_of(&it));
    }
    let data = new_instance(&ty("_tee_dataobject"), vec![it, vm::new_list(vec![])], Value::NULL);
    Ok(new_instance(&ty("_tee"), vec![data, int(0)], Value::NULL))
}

fn tee_next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "_tee")?;
    let data = slot(&s, 0);
    let i = as_int(&slot(&s, 1)) as usize;
    let buf = slot(&data, 1);
    let Some(Obj { kind: ObjKind::List(l) }) = buf.as_obj() else { return Err(stop(vm)) };
    let have = l.borrow().get(i).cloned();
    let v = match have {
        Some(v) => v,
        None => {
            let it = slot(&data, 0);
            let Some(v) = next_of(vm, &it)? else { return Err(stop(vm)) };
            l.borrow_mut().push(v.clone());
            v
        }
    };
    set_slot(&s, 1, int(i as i64 + 1));
    Ok(v)
}

// ---- zip_longest ----

fn zip_longest_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let mut fill = Value::NONE;
    for (k, v) in kw {
        if vm::str_of(k) == Some("fillvalue") {
            fill = v.clone();
        } else {
            return Err(vm.type_error("zip_longest() got an unexpected keyword argument".to_string()));
        }
    }
    let mut its = Vec::new();
    for a in &args[1..] {
        its.push(vm.get_iter(a)?);
    }
    let n = its.len() as i64;
    Ok(new_instance(&args[0], vec![vm::new_list(its), int(n), fill], Value::NULL))
}

fn zip_longest_next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "zip_longest")?;
    let its = slot(&s, 0);
    let Some(Obj { kind: ObjKind::List(l) }) = its.as_obj() else { return Err(stop(vm)) };
    let n = l.borrow().len();
    let mut active = as_int(&slot(&s, 1));
    if n == 0 || active == 0 {
        return Err(stop(vm));
    }
    let fill = slot(&s, 2);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let it = l.borrow()[i].clone();
        if it.is_none() {
            out.push(fill.clone());
            continue;
        }
        match vm.iter_next(&it)? {
            Some(v) => out.push(v),
            None => {
                active -= 1;
                set_slot(&s, 1, int(active));
                if active == 0 {
                    return Err(stop(vm));
                }
                l.borrow_mut()[i] = Value::NONE;
                out.push(fill.clone());
            }
        }
    }
    Ok(vm::new_tuple(out))
}

// ---- combinatorics: state is a pool tuple plus index lists ----

fn ints_of(v: &Value) -> Vec<usize> {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::List(l) }) => l.borrow().iter().map(|x| as_int(x) as usize).collect(),
        _ => Vec::new(),
    }
}

fn ints_list(v: &[usize]) -> Value {
    vm::new_list(v.iter().map(|&x| int(x as i64)).collect())
}

fn pool_items(v: &Value) -> Vec<Value> {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::Tuple(t)}) => t.to_vec(),
        _ => Vec::new(),
    }
}

fn product_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let mut repeat = 1;
    for (k, v) in kw {
        if vm::str_of(k) == Some("repeat") {
            repeat = vm.index_value(v)?;
        } else {
            return Err(vm.type_error("product() got an unexpected keyword argument".to_string()));
        }
    }
    if repeat < 0 {
        return Err(vm.value_error("repeat argument cannot be negative".to_string()));
    }
    let mut pools = Vec::new();
    for a in &args[1..] {
        let items = vm.collect(a)?;
        pools.push(vm::new_tuple(items));
    }
    let mut all = Vec::new();
    for _ in 0..repeat {
        all.extend(pools.iter().cloned());
    }
    if args.len() == 1 && repeat == 0 {
        all.clear();
    }
    // pools, indices (NULL before the first result), stopped
    Ok(new_instance(&args[0], vec![vm::new_tuple(all), Value::NULL, Value::FALSE], Value::NULL))
}

fn product_next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "product")?;
    if slot(&s, 2).is(&Value::TRUE) {
        return Err(stop(vm));
    }
    let pools: Vec<Vec<Value>> = pool_items(&slot(&s, 0)).iter().map(pool_items).collect();
    let idx = slot(&s, 1);
    let mut indices = if idx.is_null() {
        if pools.iter().any(|p| p.is_empty()) {
            set_slot(&s, 2, Value::TRUE);
            return Err(stop(vm));
        }
        vec![0; pools.len()]
    } else {
        let mut ind = ints_of(&idx);
        let mut i = pools.len();
        loop {
            if i == 0 {
                set_slot(&s, 2, Value::TRUE);
                return Err(stop(vm));
            }
            i -= 1;
            ind[i] += 1;
            if ind[i] < pools[i].len() {
                break;
            }
            ind[i] = 0;
        }
        ind
    };
    let out: Vec<Value> = pools.iter().zip(indices.iter()).map(|(p, &i)| p[i].clone()).collect();
    indices.truncate(pools.len());
    set_slot(&s, 1, ints_list(&indices));
    Ok(vm::new_tuple(out))
}

fn r_arg(vm: &mut Vm, v: Option<Value>, n: usize) -> PyResult<usize> {
    match v {
        None => Ok(n),
        Some(x) if x.is_none() => Ok(n),
        Some(x) => {
            let r = vm.index_value(&x)?;
            if r < 0 {
                return Err(vm.value_error("r must be non-negative".to_string()));
            }
            Ok(r as usize)
        }
    }
}

fn permutations_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    check_kwargs(vm, "permutations", kw, &["iterable", "r"])?;
    let Some(iterable) = narg(args, kw, 0, "iterable") else {
        return Err(vm.type_error("permutations() missing required argument 'iterable' (pos 1)".to_string()));
    };
    let pool = vm.collect(&iterable)?;
    let n = pool.len();
    let r = r_arg(vm, narg(args, kw, 1, "r"), n)?;
    // pool, r, indices (NULL: first), cycles, stopped
    Ok(new_instance(&args[0], vec![vm::new_tuple(pool), int(r as i64), Value::NULL, Value::NULL, Value::bool(r > n)], Value::NULL))
}

fn permutations_next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "permutations")?;
    if slot(&s, 4).is(&Value::TRUE) {
        return Err(stop(vm));
    }
    let pool = pool_items(&slot(&s, 0));
    let n = pool.len();
    let r = as_int(&slot(&s, 1)) as usize;
    let (indices, cycles) = if slot(&s, 2).is_null() {
        ((0..n).collect::<Vec<_>>(), (0..r).map(|i| n - i).collect::<Vec<_>>())
    } else {
        let mut indices = ints_of(&slot(&s, 2));
        let mut cycles = ints_of(&slot(&s, 3));
        if n == 0 || r == 0 {
            set_slot(&s, 4, Value::TRUE);
            return Err(stop(vm));
        }
        let mut i = r;
        loop {
            if i == 0 {
                set_slot(&s, 4, Value::TRUE);
                return Err(stop(vm));
            }
            i -= 1;
            cycles[i] -= 1;
            if cycles[i] == 0 {
                let x = indices.remove(i);
                indices.push(x);
                cycles[i] = n - i;
            } else {
                let j = cycles[i];
                indices.swap(i, n - j);
                break;
            }
        }
        (indices, cycles)
    };
    let out: Vec<Value> = indices[..r].iter().map(|&i| pool[i].clone()).collect();
    set_slot(&s, 2, ints_list(&indices));
    set_slot(&s, 3, ints_list(&cycles));
    Ok(vm::new_tuple(out))
}

fn comb_new(vm: &mut Vm, args: &[Value], kw: &KwArgs, name: &str) -> PyResult<Value> {
    check_kwargs(vm, name, kw, &["iterable", "r"])?;
    let Some(iterable) = narg(args, kw, 0, "iterable") else {
        return Err(vm.type_error(format!("{name}() missing required argument 'iterable' (pos 1)")));
    };
    let Some(rv) = narg(args, kw, 1, "r") else {
        return Err(vm.type_error(format!("{name}() missing required argument 'r' (pos 2)")));
    };
    let r = vm.index_value(&rv)?;
    if r < 0 {
        return Err(vm.value_error("r must be non-negative".to_string()));
    }
    let pool = vm.collect(&iterable)?;
    Ok(new_instance(&args[0], vec![vm::new_tuple(pool), int(r), Value::NULL, Value::FALSE], Value::NULL))
}

fn combinations_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    comb_new(vm, args, kw, "combinations")
}

fn cwr_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    comb_new(vm, args, kw, "combinations_with_replacement")
}

fn combinations_next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "combinations")?;
    comb_next(vm, &s, false)
}

fn cwr_next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "combinations_with_replacement")?;
    comb_next(vm, &s, true)
}

fn comb_next(vm: &mut Vm, s: &Value, repl: bool) -> PyResult<Value> {
    if slot(s, 3).is(&Value::TRUE) {
        return Err(stop(vm));
    }
    let pool = pool_items(&slot(s, 0));
    let n = pool.len();
    let r = as_int(&slot(s, 1)) as usize;
    let done = |vm: &mut Vm| {
        set_slot(s, 3, Value::TRUE);
        Err(stop(vm))
    };
    let indices = if slot(s, 2).is_null() {
        if (!repl && r > n) || (repl && n == 0 && r > 0) {
            return done(vm);
        }
        if repl {
            vec![0; r]
        } else {
            (0..r).collect()
        }
    } else {
        let mut ind = ints_of(&slot(s, 2));
        let mut i = r;
        loop {
            if i == 0 {
                return done(vm);
            }
            i -= 1;
            let limit = if repl { n - 1 } else { i + n - r };
            if ind[i] != limit {
                break;
            }
        }
        if repl {
            let v = ind[i] + 1;
            for x in ind[i..].iter_mut() {
                *x = v;
            }
        } else {
            ind[i] += 1;
            for j in i + 1..r {
                ind[j] = ind[j - 1] + 1;
            }
        }
        ind
    };
    let out: Vec<Value> = indices.iter().map(|&i| pool[i].clone()).collect();
    set_slot(s, 2, ints_list(&indices));
    Ok(vm::new_tuple(out))
}

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let module = vm.new_module("itertools");
    let iter_self = iter_self(vm)?;
    type Def = (&'static str, usize, NativeFn, NativeFn);
    let defs: &[Def] = &[
        ("count", 2, count_new, count_next),
        ("cycle", 4, cycle_new, cycle_next),
        ("repeat", 2, repeat_new, repeat_next),
        ("accumulate", 4, accumulate_new, accumulate_next),
        ("chain", 2, chain_new, chain_next),
        ("compress", 2, compress_new, compress_next),
        ("dropwhile", 3, dropwhile_new, dropwhile_next),
        ("takewhile", 3, takewhile_new, takewhile_next),
        ("filterfalse", 3, filterfalse_new, filterfalse_next),
        ("starmap", 3, starmap_new, starmap_next),
        ("groupby", 6, groupby_new, groupby_next),
        ("_grouper", 3, grouper_new, grouper_next),
        ("islice", 5, islice_new, islice_next),
        ("pairwise", 2, pairwise_new, pairwise_next),
        ("_tee", 2, tee_new, tee_next),
        ("_tee_dataobject", 2, no_new, no_next),
        ("zip_longest", 3, zip_longest_new, zip_longest_next),
        ("product", 3, product_new, product_next),
        ("permutations", 5, permutations_new, permutations_next),
        ("combinations", 4, combinations_new, combinations_next),
        ("combinations_with_replacement", 4, cwr_new, cwr_next),
    ];
    for (name, nslots, new, next) in defs {
        let t = new_type(vm, name, "itertools", None, *nslots, &[], &[("__new__", *new), ("__next__", *next)]);
        if *name != "_tee_dataobject" {
            set_attr(vm, &t, "__iter__", iter_self.clone());
        }
        TYPES.with(|m| m.borrow_mut().insert(name, t.clone()));
        vm.module_set(&module, name, t);
    }
    add_methods(vm, &ty("count"), &[("__repr__", count_repr)]);
    add_methods(vm, &ty("repeat"), &[("__repr__", repeat_repr), ("__length_hint__", repeat_length_hint)]);
    add_methods(vm, &ty("_tee"), &[("__copy__", tee_copy)]);
    add_classmethod(vm, &ty("chain"), "from_iterable", chain_from_iterable);
    vm.module_add_fn(&module, "tee", tee);
    Ok(module)
}

fn grouper_new(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Err(vm.type_error("cannot create 'itertools._grouper' instances".to_string()))
}

fn no_new(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Err(vm.type_error("cannot create 'itertools._tee_dataobject' instances".to_string()))
}

fn no_next(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Err(stop(vm))
}
