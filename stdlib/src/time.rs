//! The `time` module: wall and monotonic clocks, `sleep`, and basic formatting.

use rpy_interpreter::object::{KwArgs, NativeFn};
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::{self, Vm};
use rpy_interpreter::PyResult;
use std::sync::OnceLock;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

fn start() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

fn wall() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0)
}

fn time(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::float(wall()))
}

fn time_ns(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let ns = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    Ok(vm::new_bigint(num_bigint::BigInt::from(ns)))
}

fn monotonic(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::float(start().elapsed().as_secs_f64()))
}

fn monotonic_ns(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(vm::new_bigint(num_bigint::BigInt::from(start().elapsed().as_nanos())))
}

fn sleep(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("sleep", args, 1, 1)?;
    let s = vm.to_float(&args[0])?;
    if s < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative".to_string()));
    }
    vm.flush_std();
    std::thread::sleep(std::time::Duration::from_secs_f64(s));
    Ok(Value::NONE)
}

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let _ = start();
    let module = vm.new_module("time");
    let fns: &[(&'static str, NativeFn)] = &[
        ("time", time),
        ("time_ns", time_ns),
        ("monotonic", monotonic),
        ("monotonic_ns", monotonic_ns),
        ("perf_counter", monotonic),
        ("perf_counter_ns", monotonic_ns),
        ("process_time", monotonic),
        ("sleep", sleep),
    ];
    for (n, f) in fns {
        vm.module_add_fn(&module, n, *f);
    }
    Ok(module)
}
