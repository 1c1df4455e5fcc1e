//! The `math` module: CPython-identical results and errors, built on
//! `rpy_interpreter::prims::mathfn` (verified against CPython 3.11).

use num_bigint::BigInt;
use rpy_interpreter::object::{KwArgs, NativeFn};
use rpy_interpreter::prims::mathfn::{self as m, LogArg, MathErr};
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::num::{num_of, Num};
use rpy_interpreter::vm::{self, Vm};
use rpy_interpreter::{PyErr, PyResult};

fn err(vm: &mut Vm, e: MathErr) -> PyErr {
    vm.new_error(e.exc_type(), e.message().to_string())
}

/// A float argument (ints converted exactly, objects via __float__).
fn farg(vm: &mut Vm, args: &[Value], i: usize, fname: &str) -> PyResult<f64> {
    let Some(v) = args.get(i) else {
        return Err(vm.type_error(format!("{fname}() missing required argument (pos {})", i + 1)));
    };
    if let Some(f) = v.as_f64() {
        return Ok(f);
    }
    if let Some(i) = v.as_small_int() {
        return Ok(i as f64);
    }
    match vm.to_float(v) {
        Ok(f) => Ok(f),
        Err(e) => {
            if vm.is_instance_of_exc(&e, "TypeError") {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!("must be real number, not {tn}")));
            }
            Err(e)
        }
    }
}

fn arity(vm: &mut Vm, args: &[Value], n: usize, name: &str) -> PyResult<()> {
    if args.len() != n {
        let msg = if n == 1 {
            format!("math.{name}() takes exactly one argument ({} given)", args.len())
        } else {
            format!("{name} expected {n} arguments, got {}", args.len())
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

macro_rules! unary {
    ($($name:ident => $f:path;)*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
                arity(vm, args, 1, stringify!($name))?;
                let x = farg(vm, args, 0, stringify!($name))?;
                match $f(x) {
                    Ok(r) => Ok(Value::float(r)),
                    Err(e) => Err(err(vm, e)),
                }
            }
        )*
    };
}

unary! {
    acos => m::acos; acosh => m::acosh; asin => m::asin; asinh => m::asinh; atan => m::atan;
    atanh => m::atanh; cbrt => m::cbrt; cos => m::cos; cosh => m::cosh; exp => m::exp;
    exp2 => m::exp2; expm1 => m::expm1; fabs => m::fabs; sin => m::sin; sinh => m::sinh;
    sqrt => m::sqrt; tan => m::tan; tanh => m::tanh; log1p => m::log1p; gamma => m::gamma;
    lgamma => m::lgamma;
}

macro_rules! plain_unary {
    ($($name:ident => $f:path;)*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
                arity(vm, args, 1, stringify!($name))?;
                let x = farg(vm, args, 0, stringify!($name))?;
                Ok(Value::float($f(x)))
            }
        )*
    };
}

plain_unary! { erf => m::erf; erfc => m::erfc; degrees => m::degrees; radians => m::radians; ulp => m::ulp; }

macro_rules! binary {
    ($($name:ident => $f:path;)*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
                arity(vm, args, 2, stringify!($name))?;
                let x = farg(vm, args, 0, stringify!($name))?;
                let y = farg(vm, args, 1, stringify!($name))?;
                match $f(x, y) {
                    Ok(r) => Ok(Value::float(r)),
                    Err(e) => Err(err(vm, e)),
                }
            }
        )*
    };
}

binary! { atan2 => m::atan2; copysign => m::copysign; remainder => m::remainder; fmod => m::fmod; pow => m::pow; }

fn log_arg<'a>(vm: &mut Vm, v: &'a Value, big: &'a mut Option<BigInt>) -> PyResult<LogArg<'a>> {
    match num_of(v) {
        Some(Num::Int(i)) => {
            *big = Some(BigInt::from(i));
            Ok(LogArg::Int(big.as_ref().expect("just set")))
        }
        Some(Num::Big(b)) => Ok(LogArg::Int(b)),
        Some(Num::Float(f)) => Ok(LogArg::Float(f)),
        _ => {
            let f = vm.to_float(v)?;
            Ok(LogArg::Float(f))
        }
    }
}

fn log(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if args.is_empty() || args.len() > 2 {
        return Err(vm.type_error(format!("log expected at least 1 argument, got {}", args.len())));
    }
    let (mut b1, mut b2) = (None, None);
    let x = log_arg(vm, &args[0], &mut b1)?;
    let r = if args.len() == 2 {
        let base = log_arg(vm, &args[1], &mut b2)?;
        m::log_base(x, base)
    } else {
        m::log(x)
    };
    r.map(Value::float).map_err(|e| err(vm, e))
}

fn log2(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    arity(vm, args, 1, "log2")?;
    let mut b = None;
    let x = log_arg(vm, &args[0], &mut b)?;
    m::log2(x).map(Value::float).map_err(|e| err(vm, e))
}

fn log10(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    arity(vm, args, 1, "log10")?;
    let mut b = None;
    let x = log_arg(vm, &args[0], &mut b)?;
    m::log10(x).map(Value::float).map_err(|e| err(vm, e))
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if v.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer".to_string()));
    }
    vm.index_bigint(v)
}

fn to_int_result(vm: &mut Vm, r: Result<BigInt, MathErr>) -> PyResult<Value> {
    match r {
        Ok(b) => Ok(vm::new_bigint(b)),
        Err(e) => Err(err(vm, e)),
    }
}

fn floor(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    arity(vm, args, 1, "floor")?;
    if num_of(&args[0]).map(|n| matches!(n, Num::Int(_) | Num::Big(_))).unwrap_or(false) {
        return vm.to_int(&args[0]);
    }
    let t = vm.type_of(&args[0]);
    if let Some(mth) = vm.user_method(&t, "__floor__") {
        return vm.call(&mth, &[args[0].clone()], &[]);
    }
    let x = farg(vm, args, 0, "floor")?;
    to_int_result(vm, m::floor_to_int(x))
}

fn ceil(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    arity(vm, args, 1, "ceil")?;
    if num_of(&args[0]).map(|n| matches!(n, Num::Int(_) | Num::Big(_))).unwrap_or(false) {
        return vm.to_int(&args[0]);
    }
    let t = vm.type_of(&args[0]);
    if let Some(mth) = vm.user_method(&t, "__ceil__") {
        return vm.call(&mth, &[args[0].clone()], &[]);
    }
    let x = farg(vm, args, 0, "ceil")?;
    to_int_result(vm, m::ceil_to_int(x))
}

fn trunc(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    arity(vm, args, 1, "trunc")?;
    if num_of(&args[0]).map(|n| matches!(n, Num::Int(_) | Num::Big(_))).unwrap_or(false) {
        return vm.to_int(&args[0]);
    }
    let t = vm.type_of(&args[0]);
    if let Some(mth) = vm.user_method(&t, "__trunc__") {
        return vm.call(&mth, &[args[0].clone()], &[]);
    }
    let x = farg(vm, args, 0, "trunc")?;
    to_int_result(vm, m::trunc_to_int(x))
}

fn factorial(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    arity(vm, args, 1, "factorial")?;
    let n = int_arg(vm, &args[0])?;
    to_int_result(vm, m::factorial(&n))
}

fn comb(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    arity(vm, args, 2, "comb")?;
    let (n, k) = (int_arg(vm, &args[0])?, int_arg(vm, &args[1])?);
    to_int_result(vm, m::comb(&n, &k))
}

fn perm(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if args.is_empty() || args.len() > 2 {
        return Err(vm.type_error(format!("perm expected at most 2 arguments, got {}", args.len())));
    }
    let n = int_arg(vm, &args[0])?;
    let k = match args.get(1).filter(|v| !v.is_none()) {
        Some(k) => Some(int_arg(vm, k)?),
        None => None,
    };
    to_int_result(vm, m::perm(&n, k.as_ref()))
}

fn isqrt(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    arity(vm, args, 1, "isqrt")?;
    let n = int_arg(vm, &args[0])?;
    to_int_result(vm, m::isqrt(&n))
}

fn gcd(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let mut v = Vec::new();
    for a in args {
        v.push(int_arg(vm, a)?);
    }
    Ok(vm::new_bigint(m::gcd(&v)))
}

fn lcm(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let mut v = Vec::new();
    for a in args {
        v.push(int_arg(vm, a)?);
    }
    Ok(vm::new_bigint(m::lcm(&v)))
}

fn floats(vm: &mut Vm, v: &Value) -> PyResult<Vec<f64>> {
    let items = vm.collect(v)?;
    let mut out = Vec::with_capacity(items.len());
    for (i, _) in items.iter().enumerate() {
        out.push(farg(vm, &items, i, "math")?);
    }
    Ok(out)
}

fn fsum(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    arity(vm, args, 1, "fsum")?;
    let xs = floats(vm, &args[0])?;
    m::fsum(xs).map(Value::float).map_err(|e| err(vm, e))
}

fn hypot(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let mut xs = Vec::with_capacity(args.len());
    for i in 0..args.len() {
        xs.push(farg(vm, args, i, "hypot")?);
    }
    Ok(Value::float(m::hypot(&xs)))
}

fn dist(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    arity(vm, args, 2, "dist")?;
    let (p, q) = (floats(vm, &args[0])?, floats(vm, &args[1])?);
    m::dist(&p, &q).map(Value::float).map_err(|e| err(vm, e))
}

fn prod(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(vm.type_error(format!("prod() takes exactly 1 positional argument ({} given)", args.len())));
    }
    let mut acc = kw.iter().find(|(k, _)| vm::str_of(k) == Some("start")).map(|(_, v)| v.clone()).unwrap_or(vm::new_int(1));
    for x in vm.collect(&args[0])? {
        acc = vm.binary_op(rpy_interpreter::bytecode::opcodes::BinOp::Mul, &acc, &x)?;
    }
    Ok(acc)
}

fn isclose(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    arity(vm, args, 2, "isclose")?;
    let a = farg(vm, args, 0, "isclose")?;
    let b = farg(vm, args, 1, "isclose")?;
    let mut rel = 1e-9;
    let mut abs = 0.0;
    for (k, v) in kw {
        let f = farg(vm, std::slice::from_ref(v), 0, "isclose")?;
        match vm::str_of(k) {
            Some("rel_tol") => rel = f,
            Some("abs_tol") => abs = f,
            _ => return Err(vm.type_error("isclose() got an unexpected keyword argument".to_string())),
        }
    }
    m::isclose(a, b, rel, abs).map(Value::bool).map_err(|e| err(vm, e))
}

fn isnan(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    arity(vm, args, 1, "isnan")?;
    Ok(Value::bool(farg(vm, args, 0, "isnan")?.is_nan()))
}
fn isinf(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    arity(vm, args, 1, "isinf")?;
    Ok(Value::bool(farg(vm, args, 0, "isinf")?.is_infinite()))
}
fn isfinite(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    arity(vm, args, 1, "isfinite")?;
    Ok(Value::bool(farg(vm, args, 0, "isfinite")?.is_finite()))
}

fn frexp(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    arity(vm, args, 1, "frexp")?;
    let (mm, e) = m::frexp(farg(vm, args, 0, "frexp")?);
    Ok(vm::new_tuple(vec![Value::float(mm), vm::new_int(e as i64)]))
}

fn ldexp(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    arity(vm, args, 2, "ldexp")?;
    let x = farg(vm, args, 0, "ldexp")?;
    let i = int_arg(vm, &args[1])?;
    use num_traits::{Signed, ToPrimitive};
    let i = i.to_i64().unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX });
    m::ldexp(x, i).map(Value::float).map_err(|e| err(vm, e))
}

fn modf(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    arity(vm, args, 1, "modf")?;
    let (a, b) = m::modf(farg(vm, args, 0, "modf")?);
    Ok(vm::new_tuple(vec![Value::float(a), Value::float(b)]))
}

fn nextafter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    arity(vm, args, 2, "nextafter")?;
    let (a, b) = (farg(vm, args, 0, "nextafter")?, farg(vm, args, 1, "nextafter")?);
    Ok(Value::float(m::nextafter(a, b)))
}

/// The functions a compiled trace may compute itself (same kernels, same errors).
fn register_kernels(vm: &mut Vm) {
    use rpy_interpreter::vm::kernels::Kernel::{FloatBinary, FloatUnary};
    let unary: &[(NativeFn, fn(f64) -> m::MathResult<f64>)] = &[
        (sqrt, m::sqrt), (exp, m::exp), (sin, m::sin), (cos, m::cos), (tan, m::tan), (atan, m::atan),
        (fabs, m::fabs), (tanh, m::tanh), (expm1, m::expm1), (log1p, m::log1p),
    ];
    for &(f, k) in unary {
        vm.register_kernel(f, FloatUnary(k));
    }
    let binary: &[(NativeFn, fn(f64, f64) -> m::MathResult<f64>)] = &[(pow, m::pow), (atan2, m::atan2), (copysign, m::copysign), (fmod, m::fmod)];
    for &(f, k) in binary {
        vm.register_kernel(f, FloatBinary(k));
    }
}

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    register_kernels(vm);
    let module = vm.new_module("math");
    let fns: &[(&'static str, NativeFn)] = &[
        ("acos", acos), ("acosh", acosh), ("asin", asin), ("asinh", asinh), ("atan", atan), ("atanh", atanh),
        ("cbrt", cbrt), ("cos", cos), ("cosh", cosh), ("exp", exp), ("exp2", exp2), ("expm1", expm1),
        ("fabs", fabs), ("sin", sin), ("sinh", sinh), ("sqrt", sqrt), ("tan", tan), ("tanh", tanh),
        ("log1p", log1p), ("gamma", gamma), ("lgamma", lgamma), ("erf", erf), ("erfc", erfc),
        ("degrees", degrees), ("radians", radians), ("ulp", ulp), ("atan2", atan2), ("copysign", copysign),
        ("remainder", remainder), ("fmod", fmod), ("pow", pow), ("log", log), ("log2", log2), ("log10", log10),
        ("floor", floor), ("ceil", ceil), ("trunc", trunc), ("factorial", factorial), ("comb", comb),
        ("perm", perm), ("isqrt", isqrt), ("gcd", gcd), ("lcm", lcm), ("fsum", fsum), ("hypot", hypot),
        ("dist", dist), ("prod", prod), ("isclose", isclose), ("isnan", isnan), ("isinf", isinf),
        ("isfinite", isfinite), ("frexp", frexp), ("ldexp", ldexp), ("modf", modf), ("nextafter", nextafter),
    ];
    for (n, f) in fns {
        vm.module_add_fn(&module, n, *f);
    }
    for (n, v) in [("pi", std::f64::consts::PI), ("e", std::f64::consts::E), ("tau", std::f64::consts::TAU), ("inf", f64::INFINITY), ("nan", f64::NAN)] {
        vm.module_set(&module, n, Value::float(v));
    }
    Ok(module)
}
