//! `_thread` for a single-threaded VM: locks are flags (an `RLock` also counts), `get_ident`
//! is constant, and `start_new_thread` raises `RuntimeError` (no threads yet).
//!
//! A blocking `acquire()` of a lock that is already held can never succeed in a
//! single-threaded process (CPython would hang forever): with a timeout it sleeps for the
//! timeout and returns `False`; without one it raises `RuntimeError` instead of hanging.

use crate::native::*;
use rpy_interpreter::object::*;
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::{self, Vm};
use rpy_interpreter::PyResult;
use std::cell::RefCell;

thread_local! {
    static LOCK: RefCell<Value> = const { RefCell::new(Value::NULL) };
    static RLOCK: RefCell<Value> = const { RefCell::new(Value::NULL) };
}

fn lock_ty() -> Value {
    LOCK.with(|l| l.borrow().clone())
}
fn rlock_ty() -> Value {
    RLOCK.with(|l| l.borrow().clone())
}

const IDENT: i64 = 1;

fn new_lock() -> Value {
    new_instance(&lock_ty(), vec![Value::FALSE], Value::NULL)
}

fn allocate_lock(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    check_kwargs(vm, "allocate_lock", kw, &[])?;
    vm.check_arity("allocate_lock", args, 0, 0)?;
    Ok(new_lock())
}

fn lock_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    check_kwargs(vm, "lock", kw, &[])?;
    vm.check_arity("lock", &args[1..], 0, 0)?;
    Ok(new_instance(&args[0], vec![Value::FALSE], Value::NULL))
}

/// (blocking, timeout) of acquire(blocking=True, timeout=-1), with CPython's checks.
fn acquire_args(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<(bool, f64)> {
    check_kwargs(vm, "acquire", kw, &["blocking", "timeout"])?;
    if args.len() > 3 {
        return Err(vm.type_error(format!("acquire() takes at most 2 arguments ({} given)", args.len() - 1)));
    }
    let blocking = match args.get(1).cloned().or_else(|| kwarg(kw, "blocking")) {
        Some(b) => vm.truthy(&b)?,
        None => true,
    };
    let timeout = match args.get(2).cloned().or_else(|| kwarg(kw, "timeout")) {
        Some(t) => vm.to_float(&t)?,
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call".to_string()));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.value_error("timeout value must be a non-negative number".to_string()));
    }
    Ok((blocking, timeout))
}

fn lock_acquire(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let s = check_self(vm, args, &lock_ty(), "acquire")?;
    let (blocking, timeout) = acquire_args(vm, args, kw)?;
    if slot(&s, 0).is(&Value::TRUE) {
        if blocking && timeout == -1.0 {
            return Err(vm.new_error("RuntimeError", "deadlock: acquiring a lock that is already held (rpy has no threads)".to_string()));
        }
        if timeout > 0.0 {
            vm.flush_std();
            std::thread::sleep(std::time::Duration::from_secs_f64(timeout.min(1e6)));
        }
        return Ok(Value::FALSE);
    }
    set_slot(&s, 0, Value::TRUE);
    Ok(Value::TRUE)
}

fn lock_enter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    lock_acquire(vm, &args[..1.min(args.len())], &[])
}

fn lock_release(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = check_self(vm, args, &lock_ty(), "release")?;
    if !slot(&s, 0).is(&Value::TRUE) {
        return Err(vm.new_error("RuntimeError", "release unlocked lock".to_string()));
    }
    set_slot(&s, 0, Value::FALSE);
    Ok(Value::NONE)
}

fn lock_locked(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = check_self(vm, args, &lock_ty(), "locked")?;
    Ok(Value::bool(slot(&s, 0).is(&Value::TRUE)))
}

fn lock_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = check_self(vm, args, &lock_ty(), "__repr__")?;
    let st = if slot(&s, 0).is(&Value::TRUE) { "locked" } else { "unlocked" };
    let t = vm.type_of(&s);
    let (m, q) = (vm::str_of(&rpy_interpreter::vm::types::type_obj(&t).map(|t| t.module.borrow().clone()).unwrap_or(Value::NONE)).unwrap_or("_thread").to_string(), type_name_of(&t));
    Ok(vm::new_string(format!("<{st} {m}.{q} object at {:#x}>", s.id())))
}

fn at_fork_reinit(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = args.first().cloned().unwrap_or(Value::NONE);
    if is_a(vm, &s, &rlock_ty()) {
        set_slot(&s, 0, int(0));
        set_slot(&s, 1, int(0));
    } else {
        set_slot(&s, 0, Value::FALSE);
    }
    Ok(Value::NONE)
}

// RLock: slot 0 = owner ident (0: none), slot 1 = count.

fn rlock_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let _ = vm;
    Ok(new_instance(&args[0], vec![int(0), int(0)], Value::NULL))
}

fn rlock_acquire(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let s = check_self(vm, args, &rlock_ty(), "acquire")?;
    let _ = acquire_args(vm, args, kw)?;
    let c = as_int(&slot(&s, 1));
    set_slot(&s, 0, int(IDENT));
    set_slot(&s, 1, int(c + 1));
    Ok(Value::TRUE)
}

fn rlock_enter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    rlock_acquire(vm, &args[..1.min(args.len())], &[])
}

fn rlock_release(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = check_self(vm, args, &rlock_ty(), "release")?;
    let c = as_int(&slot(&s, 1));
    if c == 0 {
        return Err(vm.new_error("RuntimeError", "cannot release un-acquired lock".to_string()));
    }
    set_slot(&s, 1, int(c - 1));
    if c == 1 {
        set_slot(&s, 0, int(0));
    }
    Ok(Value::NONE)
}

fn rlock_is_owned(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = check_self(vm, args, &rlock_ty(), "_is_owned")?;
    Ok(Value::bool(as_int(&slot(&s, 1)) > 0))
}

fn rlock_release_save(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = check_self(vm, args, &rlock_ty(), "_release_save")?;
    let c = as_int(&slot(&s, 1));
    if c == 0 {
        return Err(vm.new_error("RuntimeError", "cannot release un-acquired lock".to_string()));
    }
    let owner = slot(&s, 0);
    set_slot(&s, 0, int(0));
    set_slot(&s, 1, int(0));
    Ok(vm::new_tuple(vec![int(c), owner]))
}

fn rlock_acquire_restore(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = check_self(vm, args, &rlock_ty(), "_acquire_restore")?;
    let st = args.get(1).cloned().unwrap_or(Value::NONE);
    let items = vm.collect(&st)?;
    if items.len() != 2 {
        return Err(vm.type_error("_acquire_restore() argument must be a (count, owner) tuple".to_string()));
    }
    set_slot(&s, 1, items[0].clone());
    set_slot(&s, 0, items[1].clone());
    Ok(Value::NONE)
}

fn rlock_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = check_self(vm, args, &rlock_ty(), "__repr__")?;
    let c = as_int(&slot(&s, 1));
    let st = if c > 0 { "locked" } else { "unlocked" };
    let t = vm.type_of(&s);
    let m = vm::str_of(&rpy_interpreter::vm::types::type_obj(&t).map(|t| t.module.borrow().clone()).unwrap_or(Value::NONE)).unwrap_or("_thread").to_string();
    let q = type_name_of(&t);
    Ok(vm::new_string(format!("<{st} {m}.{q} object owner={} count={c} at {:#x}>", as_int(&slot(&s, 0)), s.id())))
}

fn exit_release(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = args.first().cloned().unwrap_or(Value::NONE);
    if is_a(vm, &s, &rlock_ty()) {
        rlock_release(vm, &[s], &[])
    } else {
        lock_release(vm, &[s], &[])
    }
}

fn get_ident(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(int(IDENT))
}

fn get_native_id(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(int(std::process::id() as i64))
}

fn count(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(int(0))
}

fn stack_size(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if let Some(a) = args.first() {
        let n = vm.index_value(a)?;
        if n != 0 && n < 32768 {
            return Err(vm.value_error("size not valid: 32768 bytes".to_string()));
        }
    }
    Ok(int(0))
}

fn start_new_thread(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Err(vm.new_error("RuntimeError", "can't start new thread (rpy does not support threads yet)".to_string()))
}

fn daemon_threads_allowed(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::TRUE)
}

fn set_sentinel(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(new_lock())
}

fn interrupt_main(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Err(vm.new_error("KeyboardInterrupt", String::new()))
}

fn exit_thread(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Err(vm.new_error("SystemExit", String::new()))
}

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let module = vm.new_module("_thread");
    let lock_methods: &[(&'static str, NativeFn)] = &[
        ("__new__", lock_new),
        ("acquire", lock_acquire),
        ("acquire_lock", lock_acquire),
        ("release", lock_release),
        ("release_lock", lock_release),
        ("locked", lock_locked),
        ("locked_lock", lock_locked),
        ("__enter__", lock_enter),
        ("__exit__", exit_release),
        ("__repr__", lock_repr),
        ("_at_fork_reinit", at_fork_reinit),
    ];
    let lock = new_type(vm, "lock", "_thread", None, 1, &[], lock_methods);
    LOCK.with(|l| *l.borrow_mut() = lock.clone());
    let rlock_methods: &[(&'static str, NativeFn)] = &[
        ("__new__", rlock_new),
        ("acquire", rlock_acquire),
        ("release", rlock_release),
        ("__enter__", rlock_enter),
        ("__exit__", exit_release),
        ("_is_owned", rlock_is_owned),
        ("_release_save", rlock_release_save),
        ("_acquire_restore", rlock_acquire_restore),
        ("__repr__", rlock_repr),
        ("_at_fork_reinit", at_fork_reinit),
    ];
    let rlock = new_type(vm, "RLock", "_thread", None, 2, &[], rlock_methods);
    RLOCK.with(|l| *l.borrow_mut() = rlock.clone());
    vm.module_set(&module, "LockType", lock.clone());
    vm.module_set(&module, "lock", lock);
    vm.module_set(&module, "RLock", rlock);
    let fns: &[(&'static str, NativeFn)] = &[
        ("allocate_lock", allocate_lock),
        ("allocate", allocate_lock),
        ("get_ident", get_ident),
        ("get_native_id", get_native_id),
        ("_count", count),
        ("stack_size", stack_size),
        ("start_new_thread", start_new_thread),
        ("start_new", start_new_thread),
        ("daemon_threads_allowed", daemon_threads_allowed),
        ("_set_sentinel", set_sentinel),
        ("interrupt_main", interrupt_main),
        ("exit", exit_thread),
        ("exit_thread", exit_thread),
    ];
    for (n, f) in fns {
        vm.module_add_fn(&module, n, *f);
    }
    let re = vm.exc_type("RuntimeError");
    vm.module_set(&module, "error", re);
    vm.module_set(&module, "TIMEOUT_MAX", Value::float(9223372036.0));
    Ok(module)
}
