//! Compares the crate against reference results recorded from CPython 3.11
//! by `gen_cases.py` (files in `tests/data/`).  See that script for the
//! line format.

use num_bigint::BigInt;
use rpy_interpreter::prims::{hash, mathfn, strmeth};
use std::fmt::Write as _;

#[derive(Debug, Clone)]
enum Val {
    F(f64),
    I(BigInt),
    S(String),
    Y(Vec<u8>),
    N,
    B(bool),
    L(Vec<Val>),
    E(String, String),
}

impl PartialEq for Val {
    fn eq(&self, other: &Val) -> bool {
        match (self, other) {
            (Val::F(a), Val::F(b)) => a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
            (Val::I(a), Val::I(b)) => a == b,
            (Val::S(a), Val::S(b)) => a == b,
            (Val::Y(a), Val::Y(b)) => a == b,
            (Val::N, Val::N) => true,
            (Val::B(a), Val::B(b)) => a == b,
            (Val::L(a), Val::L(b)) => a == b,
            (Val::E(a, b), Val::E(c, d)) => a == c && b == d,
            _ => false,
        }
    }
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).expect("hex"))
        .collect()
}

fn parse(tok: &str) -> Val {
    let (tag, rest) = tok.split_at(1);
    match tag {
        "f" => Val::F(f64::from_bits(
            u64::from_str_radix(rest, 16).expect("float bits"),
        )),
        "i" => Val::I(rest.parse().expect("int")),
        "s" => Val::S(String::from_utf8(unhex(rest)).expect("utf8")),
        "y" => Val::Y(unhex(rest)),
        "N" => Val::N,
        "T" => Val::B(true),
        "F" => Val::B(false),
        "[" => {
            let inner = &rest[..rest.len() - 1];
            if inner.is_empty() {
                Val::L(vec![])
            } else {
                Val::L(inner.split(';').map(parse).collect())
            }
        }
        "E" => {
            let (ty, msg) = rest.split_once(':').expect("error token");
            Val::E(ty.to_string(), String::from_utf8(unhex(msg)).expect("utf8"))
        }
        _ => panic!("bad token {tok}"),
    }
}

// ----- argument accessors -----

fn f(v: &Val) -> f64 {
    match v {
        Val::F(x) => *x,
        _ => panic!("expected float, got {v:?}"),
    }
}
fn int(v: &Val) -> &BigInt {
    match v {
        Val::I(x) => x,
        _ => panic!("expected int, got {v:?}"),
    }
}
fn i64v(v: &Val) -> i64 {
    i64::try_from(int(v)).expect("i64")
}
fn opt_i64(v: &Val) -> Option<i64> {
    match v {
        Val::N => None,
        _ => Some(i64v(v)),
    }
}
fn s(v: &Val) -> &str {
    match v {
        Val::S(x) => x,
        _ => panic!("expected str, got {v:?}"),
    }
}
fn opt_s(v: &Val) -> Option<&str> {
    match v {
        Val::N => None,
        _ => Some(s(v)),
    }
}
fn b(v: &Val) -> bool {
    match v {
        Val::B(x) => *x,
        _ => panic!("expected bool, got {v:?}"),
    }
}
fn list(v: &Val) -> &[Val] {
    match v {
        Val::L(x) => x,
        _ => panic!("expected list, got {v:?}"),
    }
}
fn floats(v: &Val) -> Vec<f64> {
    list(v).iter().map(f).collect()
}
fn ints_i64(v: &Val) -> Vec<i64> {
    list(v).iter().map(i64v).collect()
}
fn one_char(v: &Val) -> char {
    let st = s(v);
    let mut it = st.chars();
    let c = it.next().expect("fill char");
    assert!(it.next().is_none());
    c
}

// ----- result constructors -----

fn vs(x: impl Into<String>) -> Val {
    Val::S(x.into())
}
fn vstrs(xs: &[&str]) -> Val {
    Val::L(xs.iter().map(|x| vs(*x)).collect())
}
fn vi(x: i64) -> Val {
    Val::I(BigInt::from(x))
}
fn str_err(r: Result<Val, strmeth::ValueError>) -> Val {
    r.unwrap_or_else(|e| Val::E("ValueError".into(), e.0.into()))
}
fn math_err(e: mathfn::MathErr) -> Val {
    Val::E(e.exc_type().into(), e.message().into())
}
fn mf(r: mathfn::MathResult<f64>) -> Val {
    r.map_or_else(math_err, Val::F)
}
fn mi(r: mathfn::MathResult<BigInt>) -> Val {
    r.map_or_else(math_err, Val::I)
}

// ----- runner -----

fn run_file(name: &str, eval: fn(&str, &[Val]) -> Option<Val>) {
    // PYPRIMS_CASES_DIR points at an alternative (e.g. larger, throw-away)
    // set of case files; files missing there are skipped.
    let (path, optional) = match std::env::var("PYPRIMS_CASES_DIR") {
        Ok(dir) => (format!("{dir}/{name}"), true),
        Err(_) => (
            format!("{}/tests/data/prims/{}", env!("CARGO_MANIFEST_DIR"), name),
            false,
        ),
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(_) if optional => {
            println!("{path}: not present, skipped");
            return;
        }
        Err(e) => panic!("cannot read {path}: {e}"),
    };
    let mut total = 0usize;
    let mut failures = Vec::new();
    let mut unknown = std::collections::BTreeSet::new();
    for line in text.lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let toks: Vec<&str> = line.split('\t').collect();
        let eq = toks.iter().position(|t| *t == "=").expect("=");
        let func = toks[0];
        let args: Vec<Val> = toks[1..eq].iter().map(|t| parse(t)).collect();
        let expected = parse(toks[eq + 1]);
        total += 1;
        match eval(func, &args) {
            None => {
                unknown.insert(func.to_string());
            }
            Some(got) => {
                if got != expected {
                    failures.push((
                        func.to_string(),
                        format!("{func}{args:?}\n    expected {expected:?}\n    got      {got:?}"),
                    ));
                }
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "{name}: unhandled case kinds {unknown:?}"
    );
    let mut per_kind: std::collections::BTreeMap<&str, Vec<&String>> = Default::default();
    for (func, fl) in &failures {
        per_kind.entry(func.as_str()).or_default().push(fl);
    }
    let mut msg = String::new();
    for (func, fls) in &per_kind {
        let _ = writeln!(msg, "== {func}: {} failures", fls.len());
        for fl in fls.iter().take(4) {
            let _ = writeln!(msg, "{fl}");
        }
    }
    println!("{name}: {} cases, {} failures", total, failures.len());
    assert!(
        failures.is_empty(),
        "{name}: {} of {} cases failed:\n{msg}",
        failures.len(),
        total
    );
}

fn eval_str(func: &str, a: &[Val]) -> Option<Val> {
    use strmeth as m;
    Some(match func {
        "lower" => vs(m::lower(s(&a[0]))),
        "upper" => vs(m::upper(s(&a[0]))),
        "title" => vs(m::title(s(&a[0]))),
        "capitalize" => vs(m::capitalize(s(&a[0]))),
        "swapcase" => vs(m::swapcase(s(&a[0]))),
        "casefold" => vs(m::casefold(s(&a[0]))),
        "isalpha" => Val::B(m::isalpha(s(&a[0]))),
        "isdigit" => Val::B(m::isdigit(s(&a[0]))),
        "isdecimal" => Val::B(m::isdecimal(s(&a[0]))),
        "isnumeric" => Val::B(m::isnumeric(s(&a[0]))),
        "isalnum" => Val::B(m::isalnum(s(&a[0]))),
        "isspace" => Val::B(m::isspace(s(&a[0]))),
        "islower" => Val::B(m::islower(s(&a[0]))),
        "isupper" => Val::B(m::isupper(s(&a[0]))),
        "istitle" => Val::B(m::istitle(s(&a[0]))),
        "isidentifier" => Val::B(m::isidentifier(s(&a[0]))),
        "isprintable" => Val::B(m::isprintable(s(&a[0]))),
        "isascii" => Val::B(m::isascii(s(&a[0]))),
        "repr" => vs(m::str_repr(s(&a[0]))),
        "ascii" => vs(m::ascii_repr(s(&a[0]))),
        "bytes_repr" => match &a[0] {
            Val::Y(bytes) => vs(m::bytes_repr(bytes)),
            _ => panic!("bytes expected"),
        },
        "splitlines" => vstrs(&m::splitlines(s(&a[0]), b(&a[1]))),
        "split" => str_err(m::split(s(&a[0]), opt_s(&a[1]), i64v(&a[2])).map(|v| vstrs(&v))),
        "rsplit" => str_err(m::rsplit(s(&a[0]), opt_s(&a[1]), i64v(&a[2])).map(|v| vstrs(&v))),
        "partition" => str_err(m::partition(s(&a[0]), s(&a[1])).map(|(x, y, z)| vstrs(&[x, y, z]))),
        "rpartition" => {
            str_err(m::rpartition(s(&a[0]), s(&a[1])).map(|(x, y, z)| vstrs(&[x, y, z])))
        }
        "strip" => vs(m::strip(s(&a[0]), opt_s(&a[1]))),
        "lstrip" => vs(m::lstrip(s(&a[0]), opt_s(&a[1]))),
        "rstrip" => vs(m::rstrip(s(&a[0]), opt_s(&a[1]))),
        "center" => vs(m::center(s(&a[0]), i64v(&a[1]), one_char(&a[2]))),
        "ljust" => vs(m::ljust(s(&a[0]), i64v(&a[1]), one_char(&a[2]))),
        "rjust" => vs(m::rjust(s(&a[0]), i64v(&a[1]), one_char(&a[2]))),
        "zfill" => vs(m::zfill(s(&a[0]), i64v(&a[1]))),
        "expandtabs" => vs(m::expandtabs(s(&a[0]), i64v(&a[1]))),
        "find" | "rfind" | "count" | "index" | "rindex" | "startswith" | "endswith" => {
            let (st, sub, start, end) = (s(&a[0]), s(&a[1]), opt_i64(&a[2]), opt_i64(&a[3]));
            match func {
                "find" => vi(m::find(st, sub, start, end)),
                "rfind" => vi(m::rfind(st, sub, start, end)),
                "count" => vi(m::count(st, sub, start, end)),
                "index" => str_err(m::index(st, sub, start, end).map(vi)),
                "rindex" => str_err(m::rindex(st, sub, start, end).map(vi)),
                "startswith" => Val::B(m::startswith(st, sub, start, end)),
                _ => Val::B(m::endswith(st, sub, start, end)),
            }
        }
        "replace" => vs(m::replace(s(&a[0]), s(&a[1]), s(&a[2]), i64v(&a[3]))),
        "char" => {
            let c = char::from_u32(i64v(&a[0]) as u32).expect("char");
            let one = c.to_string();
            let st = one.as_str();
            let breaks = {
                let t = format!("a{c}b");
                m::splitlines(&t, false).len() as i64
            };
            Val::L(vec![
                Val::B(m::isalpha(st)),
                Val::B(m::isdecimal(st)),
                Val::B(m::isdigit(st)),
                Val::B(m::isnumeric(st)),
                Val::B(m::isalnum(st)),
                Val::B(m::isspace(st)),
                Val::B(m::islower(st)),
                Val::B(m::isupper(st)),
                Val::B(m::istitle(st)),
                Val::B(m::isidentifier(st)),
                Val::B(m::isprintable(st)),
                vs(m::lower(st)),
                vs(m::upper(st)),
                vs(m::title(st)),
                vs(m::casefold(st)),
                vs(m::str_repr(st)),
                vs(m::ascii_repr(st)),
                vi(breaks),
            ])
        }
        _ => return None,
    })
}

fn eval_hash(func: &str, a: &[Val]) -> Option<Val> {
    Some(match func {
        "hash_int" => vi(hash::hash_bigint(int(&a[0]))),
        "hash_float" => vi(hash::hash_f64(f(&a[0])).expect("finite or inf")),
        "hash_complex" => vi(hash::hash_complex(f(&a[0]), f(&a[1]), 0)),
        "hash_nan" => vi(hash::hash_f64_or_identity(f64::NAN, i64v(&a[0]) as u64)),
        "hash_complex_nan" => vi(hash::hash_complex(f(&a[0]), f(&a[1]), i64v(&a[2]) as u64)),
        "hash_tuple" => vi(hash::hash_tuple(&ints_i64(&a[0]))),
        "hash_frozenset" => vi(hash::hash_frozenset(&ints_i64(&a[0]))),
        "hash_str" => vi(hash::hash_str(s(&a[0]), 0, 0)),
        "hash_bytes" => match &a[0] {
            Val::Y(bytes) => vi(hash::hash_bytes(bytes, 0, 0)),
            _ => panic!("bytes expected"),
        },
        "hash_str_seed" | "hash_bytes_seed" => {
            let (k0, k1) = hash::hash_secret_from_seed(i64v(&a[0]) as u32);
            match &a[1] {
                Val::S(st) => vi(hash::hash_str(st, k0, k1)),
                Val::Y(bytes) => vi(hash::hash_bytes(bytes, k0, k1)),
                _ => panic!("str/bytes expected"),
            }
        }
        _ => return None,
    })
}

fn eval_math(func: &str, a: &[Val]) -> Option<Val> {
    use mathfn as m;
    use mathfn::LogArg;
    let one = |g: fn(f64) -> m::MathResult<f64>| mf(g(f(&a[0])));
    let two = |g: fn(f64, f64) -> m::MathResult<f64>| mf(g(f(&a[0]), f(&a[1])));
    let pair = |(x, y): (f64, f64)| Val::L(vec![Val::F(x), Val::F(y)]);
    Some(match func {
        "math.acos" => one(m::acos),
        "math.acosh" => one(m::acosh),
        "math.asin" => one(m::asin),
        "math.asinh" => one(m::asinh),
        "math.atan" => one(m::atan),
        "math.atanh" => one(m::atanh),
        "math.cbrt" => one(m::cbrt),
        "math.cos" => one(m::cos),
        "math.cosh" => one(m::cosh),
        "math.exp" => one(m::exp),
        "math.exp2" => one(m::exp2),
        "math.expm1" => one(m::expm1),
        "math.fabs" => one(m::fabs),
        "math.sin" => one(m::sin),
        "math.sinh" => one(m::sinh),
        "math.sqrt" => one(m::sqrt),
        "math.tan" => one(m::tan),
        "math.tanh" => one(m::tanh),
        "math.log1p" => one(m::log1p),
        "math.erf" => Val::F(m::erf(f(&a[0]))),
        "math.erfc" => Val::F(m::erfc(f(&a[0]))),
        "math.gamma" => one(m::gamma),
        "math.lgamma" => one(m::lgamma),
        "math.degrees" => Val::F(m::degrees(f(&a[0]))),
        "math.radians" => Val::F(m::radians(f(&a[0]))),
        "math.log" => mf(m::log(LogArg::Float(f(&a[0])))),
        "math.log2" => mf(m::log2(LogArg::Float(f(&a[0])))),
        "math.log10" => mf(m::log10(LogArg::Float(f(&a[0])))),
        "math.frexp" => {
            let (x, e) = m::frexp(f(&a[0]));
            Val::L(vec![Val::F(x), vi(i64::from(e))])
        }
        "math.modf" => pair(m::modf(f(&a[0]))),
        "math.ulp" => Val::F(m::ulp(f(&a[0]))),
        "math.trunc" => mi(m::trunc_to_int(f(&a[0]))),
        "math.floor" => mi(m::floor_to_int(f(&a[0]))),
        "math.ceil" => mi(m::ceil_to_int(f(&a[0]))),
        "math.atan2" => two(m::atan2),
        "math.copysign" => two(m::copysign),
        "math.remainder" => two(m::remainder),
        "math.fmod" => two(m::fmod),
        "math.pow" => two(m::pow),
        "math.hypot" => Val::F(m::hypot(&[f(&a[0]), f(&a[1])])),
        "math.nextafter" => Val::F(m::nextafter(f(&a[0]), f(&a[1]))),
        "float_divmod" => m::float_divmod(f(&a[0]), f(&a[1])).map_or_else(math_err, pair),
        "float_floordiv" => two(m::float_floordiv),
        "float_mod" => two(m::float_mod),
        "float_truediv" => two(m::float_truediv),
        "float_pow" => match m::float_pow(f(&a[0]), f(&a[1])) {
            Ok(Some(x)) => Val::F(x),
            Ok(None) => Val::N,
            Err(e) => math_err(e),
        },
        "isclose" => m::isclose(f(&a[0]), f(&a[1]), 1e-9, 0.0).map_or_else(math_err, Val::B),
        "isclose_tol" => {
            m::isclose(f(&a[0]), f(&a[1]), f(&a[2]), f(&a[3])).map_or_else(math_err, Val::B)
        }
        "log_base" => mf(m::log_base(
            LogArg::Float(f(&a[0])),
            LogArg::Float(f(&a[1])),
        )),
        "hypot_n" => Val::F(m::hypot(&floats(&a[0]))),
        "dist" => mf(m::dist(&floats(&a[0]), &floats(&a[1]))),
        "fsum" => mf(m::fsum(floats(&a[0]))),
        "math.ldexp" => {
            let i = i64::try_from(int(&a[1])).unwrap_or(
                if int(&a[1]).sign() == num_bigint::Sign::Minus {
                    i64::MIN
                } else {
                    i64::MAX
                },
            );
            mf(m::ldexp(f(&a[0]), i))
        }
        "math.factorial" => mi(m::factorial(int(&a[0]))),
        "math.isqrt" => mi(m::isqrt(int(&a[0]))),
        "math.comb" => mi(m::comb(int(&a[0]), int(&a[1]))),
        "math.perm" => match &a[1] {
            Val::N => mi(m::perm(int(&a[0]), None)),
            k => mi(m::perm(int(&a[0]), Some(int(k)))),
        },
        "math.gcd" => {
            let v: Vec<BigInt> = list(&a[0]).iter().map(|x| int(x).clone()).collect();
            Val::I(m::gcd(&v))
        }
        "math.lcm" => {
            let v: Vec<BigInt> = list(&a[0]).iter().map(|x| int(x).clone()).collect();
            Val::I(m::lcm(&v))
        }
        "log_int" => mf(m::log(LogArg::Int(int(&a[0])))),
        "log2_int" => mf(m::log2(LogArg::Int(int(&a[0])))),
        "log10_int" => mf(m::log10(LogArg::Int(int(&a[0])))),
        "int_to_float" => mf(m::int_to_f64(int(&a[0]))),
        "log_int_base" => mf(m::log_base(
            LogArg::Int(int(&a[0])),
            LogArg::Int(int(&a[1])),
        )),
        "log_int_base_float" => mf(m::log_base(
            LogArg::Int(int(&a[0])),
            LogArg::Float(f(&a[1])),
        )),
        _ => return None,
    })
}

#[test]
fn str_methods_match_cpython() {
    run_file("str_cases.txt", eval_str);
}

#[test]
fn hashes_match_cpython() {
    run_file("hash_cases.txt", eval_hash);
}

#[test]
fn math_matches_cpython() {
    run_file("math_cases.txt", eval_math);
}
