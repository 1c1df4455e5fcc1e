//! `str` and `bytes`: constructors, methods, `format()`/f-strings, `str.format`, and
//! printf-style `%` formatting.

use super::{add_methods, arg, kwarg};
use crate::object::*;
use crate::prims::strmeth as sm;
use crate::value::{Value, V};
use crate::vm::num::{num_of, Num};
use crate::vm::ops::base_value;
use crate::vm::{self, Vm};
use crate::PyResult;
use num_bigint::BigInt;

#[path = "bytes.rs"]
pub mod bytes;
#[path = "codecs.rs"]
pub mod codecs;

pub fn register(vm: &mut Vm) {
    let s = vm.types.str_.clone();
    super::numbers::register_common_dunders(vm, &s, false);
    add_methods(vm, &s, &[
        ("__new__", str_new),
        ("__add__", str_add),
        ("__mul__", str_mul),
        ("__rmul__", str_mul),
        ("__mod__", str_mod),
        ("__len__", str_len),
        ("__getitem__", str_getitem),
        ("__contains__", str_contains),
        ("__iter__", str_iter),
        ("join", str_join),
        ("split", str_split),
        ("rsplit", str_rsplit),
        ("splitlines", str_splitlines),
        ("strip", str_strip),
        ("lstrip", str_lstrip),
        ("rstrip", str_rstrip),
        ("replace", str_replace),
        ("find", str_find),
        ("rfind", str_rfind),
        ("index", str_index),
        ("rindex", str_rindex),
        ("count", str_count),
        ("startswith", str_startswith),
        ("endswith", str_endswith),
        ("upper", str_upper),
        ("lower", str_lower),
        ("title", str_title),
        ("capitalize", str_capitalize),
        ("swapcase", str_swapcase),
        ("casefold", str_casefold),
        ("center", str_center),
        ("ljust", str_ljust),
        ("rjust", str_rjust),
        ("zfill", str_zfill),
        ("expandtabs", str_expandtabs),
        ("partition", str_partition),
        ("rpartition", str_rpartition),
        ("isalpha", str_isalpha),
        ("isdigit", str_isdigit),
        ("isdecimal", str_isdecimal),
        ("isnumeric", str_isnumeric),
        ("isalnum", str_isalnum),
        ("isspace", str_isspace),
        ("islower", str_islower),
        ("isupper", str_isupper),
        ("istitle", str_istitle),
        ("isidentifier", str_isidentifier),
        ("isprintable", str_isprintable),
        ("isascii", str_isascii),
        ("format", str_format),
        ("format_map", str_format_map),
        ("encode", str_encode),
        ("removeprefix", str_removeprefix),
        ("removesuffix", str_removesuffix),
        ("translate", str_translate),
    ]);
    vm.register_kernel(str_split, crate::vm::kernels::Kernel::StrSplit);
    let f = vm.new_native_fn("maketrans", str_maketrans);
    super::add_attr(vm, &s, "maketrans", Value::new_obj(Obj { kind: ObjKind::StaticMethod(f) }));
    bytes::register(vm);
}

fn self_str(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let b = base_value(v);
    match vm::str_of(&b) {
        Some(s) => Ok(s.to_string()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("descriptor requires a 'str' object but received a '{tn}'")))
        }
    }
}

fn str_arg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<String> {
    let b = base_value(v);
    match vm::str_of(&b) {
        Some(s) => Ok(s.to_string()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("{what} must be str, not {tn}")))
        }
    }
}

fn opt_index(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<i64>> {
    match v {
        None => Ok(None),
        Some(x) if x.is_none() => Ok(None),
        Some(x) => {
            let b = vm.index_bigint(&x)?;
            use num_traits::ToPrimitive;
            Ok(Some(b.to_i64().unwrap_or(if b.sign() == num_bigint::Sign::Minus { i64::MIN / 2 } else { i64::MAX / 2 })))
        }
    }
}

fn str_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let cls = args[0].clone();
    let obj = arg(&args[1..], kw, 0, "object");
    if args.len() > 4 {
        return Err(vm.type_error(format!("str() takes at most 3 arguments ({} given)", args.len() - 1)));
    }
    let encoding = arg(&args[1..], kw, 1, "encoding");
    let errors = arg(&args[1..], kw, 2, "errors");
    let v = match obj {
        None => vm::new_str(""),
        Some(o) => {
            if encoding.is_some() || errors.is_some() {
                if vm::str_of(&base_value(&o)).is_some() {
                    return Err(vm.type_error("decoding str is not supported".to_string()));
                }
                match bytes::data_of(&o) {
                    Some(b) => {
                        let enc = codecs::str_param(vm, encoding, "utf-8", "str", "encoding")?;
                        let er = codecs::str_param(vm, errors, "strict", "str", "errors")?;
                        vm::new_string(codecs::decode(vm, &b, &enc, &er)?)
                    }
                    None => {
                        let tn = vm.type_name(&o);
                        return Err(vm.type_error(format!("decoding to str: need a bytes-like object, {tn} found")));
                    }
                }
            } else {
                vm.str_value(&o)?
            }
        }
    };
    let st = vm.types.str_.clone();
    vm.wrap_subclass(&cls, v, &st)
}

fn str_add(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let a = self_str(vm, &args[0])?;
    let b = base_value(&args[1]);
    match vm::str_of(&b) {
        Some(s) => Ok(vm::new_string(a + s)),
        None => Ok(vm::not_implemented()),
    }
}

fn str_mul(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let a = base_value(&args[0]);
    let b = base_value(&args[1]);
    vm.binary_op(crate::bytecode::opcodes::BinOp::Mul, &a, &b)
}

fn str_mod(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let a = base_value(&args[0]);
    vm.str_percent(&a, &args[1])
}

fn str_len(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let b = base_value(&args[0]);
    let n = vm.len(&b)?;
    Ok(vm::new_int(n as i64))
}

fn str_getitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let b = base_value(&args[0]);
    vm.getitem(&b, &args[1])
}

fn str_contains(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let b = base_value(&args[0]);
    vm.contains(&b, &args[1]).map(Value::bool)
}

fn str_iter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let b = base_value(&args[0]);
    vm.get_iter(&b)
}

fn str_join(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("str.join", &args[1..], 1, 1)?;
    let sep = self_str(vm, &args[0])?;
    let items = vm.collect(&args[1])?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        let b = base_value(it);
        match vm::str_of(&b) {
            Some(s) => out.push_str(s),
            None => {
                let tn = vm.type_name(it);
                return Err(vm.type_error(format!("sequence item {i}: expected str instance, {tn} found")));
            }
        }
    }
    Ok(vm::new_string(out))
}

fn list_of_strs(items: Vec<&str>) -> Value {
    vm::new_list(items.into_iter().map(vm::new_str).collect())
}

fn split_common(vm: &mut Vm, args: &[Value], kw: &KwArgs, right: bool) -> PyResult<Value> {
    let s = self_str(vm, &args[0])?;
    let sep = arg(&args[1..], kw, 0, "sep").filter(|v| !v.is_none());
    let sep = match sep {
        Some(v) => Some(str_arg(vm, &v, "must be str or None, not")?),
        None => None,
    };
    let maxsplit = match arg(&args[1..], kw, 1, "maxsplit") {
        Some(m) => vm.index_value(&m)?,
        None => -1,
    };
    let r = if right { sm::rsplit(&s, sep.as_deref(), maxsplit) } else { sm::split(&s, sep.as_deref(), maxsplit) };
    match r {
        Ok(parts) => Ok(list_of_strs(parts)),
        Err(e) => Err(vm.value_error(e.0.to_string())),
    }
}

fn str_split(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    split_common(vm, args, kw, false)
}
fn str_rsplit(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    split_common(vm, args, kw, true)
}

fn str_splitlines(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let s = self_str(vm, &args[0])?;
    let keep = match arg(&args[1..], kw, 0, "keepends") {
        Some(k) => vm.truthy(&k)?,
        None => false,
    };
    Ok(list_of_strs(sm::splitlines(&s, keep)))
}

fn strip_common(vm: &mut Vm, args: &[Value], which: u8) -> PyResult<Value> {
    let s = self_str(vm, &args[0])?;
    let chars = match args.get(1).filter(|v| !v.is_none()) {
        Some(c) => Some(str_arg(vm, c, "strip arg")?),
        None => None,
    };
    let r = match which {
        0 => sm::strip(&s, chars.as_deref()),
        1 => sm::lstrip(&s, chars.as_deref()),
        _ => sm::rstrip(&s, chars.as_deref()),
    };
    Ok(vm::new_str(r))
}

fn str_strip(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    strip_common(vm, args, 0)
}
fn str_lstrip(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    strip_common(vm, args, 1)
}
fn str_rstrip(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    strip_common(vm, args, 2)
}

fn str_replace(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("replace", &args[1..], 2, 3)?;
    let s = self_str(vm, &args[0])?;
    let old = str_arg(vm, &args[1], "replace() argument 1")?;
    let new = str_arg(vm, &args[2], "replace() argument 2")?;
    let count = match args.get(3) {
        Some(c) => vm.index_value(c)?,
        None => -1,
    };
    Ok(vm::new_string(sm::replace(&s, &old, &new, count)))
}

fn find_args(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(String, String, Option<i64>, Option<i64>)> {
    vm.check_arity(name, &args[1..], 1, 3)?;
    let s = self_str(vm, &args[0])?;
    let sub = {
        let b = base_value(&args[1]);
        match vm::str_of(&b) {
            Some(x) => x.to_string(),
            None => {
                let tn = vm.type_name(&args[1]);
                return Err(vm.type_error(format!("must be str, not {tn}")));
            }
        }
    };
    let start = opt_index(vm, args.get(2).cloned())?;
    let end = opt_index(vm, args.get(3).cloned())?;
    Ok((s, sub, start, end))
}

fn str_find(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (s, sub, a, b) = find_args(vm, args, "find")?;
    Ok(vm::new_int(sm::find(&s, &sub, a, b)))
}
fn str_rfind(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (s, sub, a, b) = find_args(vm, args, "rfind")?;
    Ok(vm::new_int(sm::rfind(&s, &sub, a, b)))
}
fn str_index(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (s, sub, a, b) = find_args(vm, args, "index")?;
    match sm::index(&s, &sub, a, b) {
        Ok(i) => Ok(vm::new_int(i)),
        Err(e) => Err(vm.value_error(e.0.to_string())),
    }
}
fn str_rindex(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (s, sub, a, b) = find_args(vm, args, "rindex")?;
    match sm::rindex(&s, &sub, a, b) {
        Ok(i) => Ok(vm::new_int(i)),
        Err(e) => Err(vm.value_error(e.0.to_string())),
    }
}
fn str_count(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (s, sub, a, b) = find_args(vm, args, "count")?;
    Ok(vm::new_int(sm::count(&s, &sub, a, b)))
}

fn starts_ends(vm: &mut Vm, args: &[Value], ends: bool) -> PyResult<Value> {
    let name = if ends { "endswith" } else { "startswith" };
    vm.check_arity(name, &args[1..], 1, 3)?;
    let s = self_str(vm, &args[0])?;
    let start = opt_index(vm, args.get(2).cloned())?;
    let end = opt_index(vm, args.get(3).cloned())?;
    let prefixes: Vec<Value> = match args[1].as_obj() {
        Some(Obj { kind: ObjKind::Tuple(t) }) => t.to_vec(),
        _ => vec![args[1].clone()],
    };
    for p in prefixes {
        let b = base_value(&p);
        let Some(ps) = vm::str_of(&b) else {
            let tn = vm.type_name(&p);
            return Err(vm.type_error(format!("{name} first arg must be str or a tuple of str, not {tn}")));
        };
        let ok = if ends { sm::endswith(&s, ps, start, end) } else { sm::startswith(&s, ps, start, end) };
        if ok {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn str_startswith(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    starts_ends(vm, args, false)
}
fn str_endswith(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    starts_ends(vm, args, true)
}

macro_rules! str_map {
    ($($name:ident => $f:path;)*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
                let s = self_str(vm, &args[0])?;
                Ok(vm::new_string($f(&s)))
            }
        )*
    };
}
str_map! {
    str_upper => sm::upper;
    str_lower => sm::lower;
    str_title => sm::title;
    str_capitalize => sm::capitalize;
    str_swapcase => sm::swapcase;
    str_casefold => sm::casefold;
}

macro_rules! str_pred {
    ($($name:ident => $f:path;)*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
                let s = self_str(vm, &args[0])?;
                Ok(Value::bool($f(&s)))
            }
        )*
    };
}
str_pred! {
    str_isalpha => sm::isalpha;
    str_isdigit => sm::isdigit;
    str_isdecimal => sm::isdecimal;
    str_isnumeric => sm::isnumeric;
    str_isalnum => sm::isalnum;
    str_isspace => sm::isspace;
    str_islower => sm::islower;
    str_isupper => sm::isupper;
    str_istitle => sm::istitle;
    str_isidentifier => sm::isidentifier;
    str_isprintable => sm::isprintable;
    str_isascii => sm::isascii;
}

fn pad_args(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(String, i64, char)> {
    vm.check_arity(name, &args[1..], 1, 2)?;
    let s = self_str(vm, &args[0])?;
    let w = vm.index_value(&args[1])?;
    let fill = match args.get(2) {
        Some(f) => {
            let fs = str_arg(vm, f, "The fill character")?;
            let mut it = fs.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => c,
                _ => return Err(vm.type_error("The fill character must be exactly one character long".to_string())),
            }
        }
        None => ' ',
    };
    Ok((s, w, fill))
}

fn str_center(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (s, w, f) = pad_args(vm, args, "center")?;
    Ok(vm::new_string(sm::center(&s, w, f)))
}
fn str_ljust(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (s, w, f) = pad_args(vm, args, "ljust")?;
    Ok(vm::new_string(sm::ljust(&s, w, f)))
}
fn str_rjust(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (s, w, f) = pad_args(vm, args, "rjust")?;
    Ok(vm::new_string(sm::rjust(&s, w, f)))
}
fn str_zfill(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("zfill", &args[1..], 1, 1)?;
    let s = self_str(vm, &args[0])?;
    let w = vm.index_value(&args[1])?;
    Ok(vm::new_string(sm::zfill(&s, w)))
}
fn str_expandtabs(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let s = self_str(vm, &args[0])?;
    let t = match arg(&args[1..], kw, 0, "tabsize") {
        Some(t) => vm.index_value(&t)?,
        None => 8,
    };
    Ok(vm::new_string(sm::expandtabs(&s, t)))
}

fn part_common(vm: &mut Vm, args: &[Value], right: bool) -> PyResult<Value> {
    vm.check_arity("partition", &args[1..], 1, 1)?;
    let s = self_str(vm, &args[0])?;
    let sep = str_arg(vm, &args[1], "must be")?;
    let r = if right { sm::rpartition(&s, &sep) } else { sm::partition(&s, &sep) };
    match r {
        Ok((a, b, c)) => Ok(vm::new_tuple(vec![vm::new_str(a), vm::new_str(b), vm::new_str(c)])),
        Err(e) => Err(vm.value_error(e.0.to_string())),
    }
}
fn str_partition(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    part_common(vm, args, false)
}
fn str_rpartition(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    part_common(vm, args, true)
}

fn str_removeprefix(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = self_str(vm, &args[0])?;
    let p = str_arg(vm, &args[1], "removeprefix() argument")?;
    Ok(vm::new_str(s.strip_prefix(p.as_str()).unwrap_or(&s)))
}
fn str_removesuffix(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let s = self_str(vm, &args[0])?;
    let p = str_arg(vm, &args[1], "removesuffix() argument")?;
    if p.is_empty() {
        return Ok(vm::new_string(s));
    }
    Ok(vm::new_str(s.strip_suffix(p.as_str()).unwrap_or(&s)))
}

fn str_encode(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let s = self_str(vm, &args[0])?;
    if args.len() > 3 {
        return Err(vm.type_error(format!("encode() takes at most 2 arguments ({} given)", args.len() - 1)));
    }
    let enc = codecs::str_param(vm, arg(&args[1..], kw, 0, "encoding"), "utf-8", "encode", "encoding")?;
    let errors = codecs::str_param(vm, arg(&args[1..], kw, 1, "errors"), "strict", "encode", "errors")?;
    Ok(vm::new_bytes(codecs::encode(vm, &s, &enc, &errors)?))
}

/// `str.maketrans(x[, y[, z]])` (a static method: no `self`).
fn str_maketrans(vm: &mut Vm, a: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("maketrans", a, 1, 3)?;
    let dv = vm::new_dict(crate::dict::Dict::new());
    if a.len() == 1 {
        let a0 = base_value(&a[0]);
        let Some(d) = vm::dict_of(&a0) else {
            return Err(vm.type_error("if you give only one argument to maketrans it must be a dict".to_string()));
        };
        let items = d.borrow().items();
        for (k, v) in items {
            let key = if let Some(s) = vm::str_of(&base_value(&k)) {
                let mut it = s.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => vm::new_int(c as i64),
                    _ => return Err(vm.value_error("string keys in translate table must be of length 1".to_string())),
                }
            } else if crate::vm::num::is_int(&base_value(&k)) || matches!(k.view(), crate::value::V::Bool(_)) {
                k
            } else {
                return Err(vm.type_error("keys in translate table must be strings or integers".to_string()));
            };
            vm.setitem(&dv, key, v)?;
        }
        return Ok(dv);
    }
    let Some(x) = vm::str_of(&base_value(&a[0])).map(|s| s.chars().collect::<Vec<char>>()) else {
        return Err(vm.type_error("first maketrans argument must be a string if there is a second argument".to_string()));
    };
    let y: Vec<char> = str_arg(vm, &a[1], "maketrans() argument 2")?.chars().collect();
    if x.len() != y.len() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length".to_string()));
    }
    for (c, e) in x.iter().zip(y.iter()) {
        vm.setitem(&dv, vm::new_int(*c as i64), vm::new_int(*e as i64))?;
    }
    if let Some(z) = a.get(2) {
        let z = str_arg(vm, z, "maketrans() argument 3")?;
        for c in z.chars() {
            vm.setitem(&dv, vm::new_int(c as i64), Value::NONE)?;
        }
    }
    Ok(dv)
}

fn str_translate(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("translate", &args[1..], 1, 1)?;
    let s = self_str(vm, &args[0])?;
    let table = args[1].clone();
    let mut out = String::new();
    for c in s.chars() {
        let k = vm::new_int(c as i64);
        match vm.getitem(&table, &k) {
            Ok(v) => {
                if v.is_none() {
                    continue;
                }
                if let Some(t) = vm::str_of(&base_value(&v)) {
                    out.push_str(t);
                } else if crate::vm::num::is_int(&base_value(&v)) {
                    let i = vm.index_bigint(&v)?;
                    use num_traits::ToPrimitive;
                    match i.to_u32().filter(|&u| u < 0x110000).and_then(char::from_u32) {
                        Some(ch) => out.push(ch),
                        None => return Err(vm.value_error("character mapping must be in range(0x110000)".to_string())),
                    }
                } else {
                    return Err(vm.type_error("character mapping must return integer, None or str".to_string()));
                }
            }
            Err(e) if vm.is_instance_of_exc(&e, "LookupError") => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(vm::new_string(out))
}

fn str_format(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let s = self_str(vm, &args[0])?;
    let r = vm.str_format_impl(&s, &args[1..], kw, None)?;
    Ok(vm::new_string(r))
}

fn str_format_map(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("format_map", &args[1..], 1, 1)?;
    let s = self_str(vm, &args[0])?;
    let r = vm.str_format_impl(&s, &[], &[], Some(&args[1]))?;
    Ok(vm::new_string(r))
}

/// `complex.__format__` (CPython's `format_complex_internal`).
pub fn format_complex(re: f64, im: f64, spec_s: &str) -> Result<String, crate::format::error::FmtError> {
    use crate::format::error::FmtError;
    use crate::format::float::{double_to_string, DtoaFlags};
    use crate::format::layout::{layout_number, NumberParts};
    use crate::format::spec::{parse_spec_with, Align, Sign, SpecDefaults};
    let spec = parse_spec_with(spec_s, SpecDefaults { ty: None, align: Align::Right, type_name: "complex" })?;
    if spec.fill == '0' {
        return Err(FmtError::value("Zero padding is not allowed in complex format specifier"));
    }
    if spec.align == Align::AfterSign {
        return Err(FmtError::value("'=' alignment flag is not allowed in complex format specifier"));
    }
    let mut ty = match spec.ty {
        None => None,
        Some(c @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n')) => Some(c),
        Some(c) => return Err(crate::format::spec::unknown_format_code(c, "complex")),
    };
    let mut default_precision = 6;
    let mut skip_re = false;
    let mut add_parens = false;
    if ty.is_none() {
        ty = Some('r');
        default_precision = 0;
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            add_parens = true;
        }
    }
    let mut code = ty.unwrap_or('r');
    if code == 'n' {
        code = 'g';
    }
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if p > i32::MAX as usize {
                return Err(FmtError::value("precision too big"));
            }
            if code == 'r' {
                code = 'g';
            }
            p
        }
    };
    let flags = DtoaFlags { alt: spec.alternate, no_neg_0: spec.no_neg_0, ..DtoaFlags::default() };
    let render = |x: f64, sign: Option<Sign>| -> String {
        let body = double_to_string(x, code, precision, flags);
        let (negative, rest) = match body.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, body.as_str()),
        };
        let parts = NumberParts::split_float(rest, negative);
        let mut sub = spec.clone();
        sub.fill = ' ';
        sub.align = Align::Left;
        sub.width = None;
        sub.sign = sign;
        layout_number(&parts, &sub, false)
    };
    let re_s = if skip_re { String::new() } else { render(re, spec.sign) };
    let im_s = render(im, if skip_re { spec.sign } else { Some(Sign::Plus) });
    let mut body = String::new();
    if add_parens {
        body.push('(');
    }
    body.push_str(&re_s);
    body.push_str(&im_s);
    body.push('j');
    if add_parens {
        body.push(')');
    }
    let n = body.chars().count();
    let width = spec.width.unwrap_or(0);
    if n >= width {
        return Ok(body);
    }
    let pad = width - n;
    let (l, r) = match spec.align {
        Align::Left => (0, pad),
        Align::Center => (pad / 2, pad - pad / 2),
        _ => (pad, 0),
    };
    let fill = |k: usize| std::iter::repeat(spec.fill).take(k).collect::<String>();
    Ok(format!("{}{}{}", fill(l), body, fill(r)))
}

impl Vm {
    /// `format(value, spec)`.
    pub fn format(&mut self, v: &Value, spec: &Value) -> PyResult<Value> {
        let spec_s = vm::str_of(spec).unwrap_or("").to_string();
        let r = match v.view() {
            V::Int(i) => crate::format::int::format_int(&BigInt::from(i), &spec_s),
            V::Bool(b) if !spec_s.is_empty() => crate::format::int::format_int(&BigInt::from(b as i64), &spec_s),
            V::Float(f) => crate::format::float::format_float(f, &spec_s),
            V::Obj(o) => match &o.kind {
                ObjKind::Int(b) => crate::format::int::format_int(b, &spec_s),
                ObjKind::Str(s) => crate::format::string::format_str(&s.s, &spec_s),
                ObjKind::Instance(_) => {
                    let t = self.type_of(v);
                    if let Some(m) = self.user_method(&t, "__format__") {
                        let r = self.call(&m, &[v.clone(), spec.clone()], &[])?;
                        if vm::str_of(&r).is_none() {
                            let tn = self.type_name(&r);
                            return Err(self.type_error(format!("__format__ must return a str, not {tn}")));
                        }
                        return Ok(r);
                    }
                    let b = base_value(v);
                    if !b.is(v) {
                        return self.format(&b, spec);
                    }
                    if spec_s.is_empty() {
                        return self.str_value(v);
                    }
                    let tn = self.type_name(v);
                    return Err(self.type_error(format!("unsupported format string passed to {tn}.__format__")));
                }
                ObjKind::Complex(r, i) => {
                    if spec_s.is_empty() {
                        return self.str_value(v);
                    }
                    format_complex(*r, *i, &spec_s)
                }
                _ => {
                    if spec_s.is_empty() {
                        return self.str_value(v);
                    }
                    let tn = self.type_name(v);
                    return Err(self.type_error(format!("unsupported format string passed to {tn}.__format__")));
                }
            },
            _ => {
                if spec_s.is_empty() {
                    return self.str_value(v);
                }
                let tn = self.type_name(v);
                return Err(self.type_error(format!("unsupported format string passed to {tn}.__format__")));
            }
        };
        match r {
            Ok(s) => Ok(vm::new_string(s)),
            Err(e) => Err(self.fmt_error(e)),
        }
    }

    /// f-string field: conversion (0 none, 1 str, 2 repr, 3 ascii) then format spec.
    pub fn format_value(&mut self, v: Value, conv: u32, spec: Option<Value>) -> PyResult<Value> {
        let v = match conv {
            1 => self.str_value(&v)?,
            2 => self.repr_value(&v)?,
            3 => {
                let r = self.repr(&v)?;
                vm::new_string(super::funcs::to_ascii_escaped(&r))
            }
            _ => v,
        };
        match spec {
            None => {
                if vm::str_of(&v).is_some() && !crate::vm::ops::is_instance_obj(&v) {
                    return Ok(v);
                }
                if let V::Int(i) = v.view() {
                    return Ok(vm::new_string(i.to_string()));
                }
                let e = vm::new_str("");
                self.format(&v, &e)
            }
            Some(s) => self.format(&v, &s),
        }
    }

    /// `str.format` / `format_map`.
    pub fn str_format_impl(&mut self, fmt: &str, args: &[Value], kw: &KwArgs, mapping: Option<&Value>) -> PyResult<String> {
        let mut out = String::new();
        let chars: Vec<char> = fmt.chars().collect();
        let mut i = 0;
        let mut auto_idx = 0usize;
        let mut manual = false;
        let mut auto = false;
        while i < chars.len() {
            let c = chars[i];
            if c == '{' {
                if chars.get(i + 1) == Some(&'{') {
                    out.push('{');
                    i += 2;
                    continue;
                }
                if i + 1 >= chars.len() {
                    return Err(self.value_error("Single '{' encountered in format string".to_string()));
                }
                // Find the matching close brace (allowing nested {} in the spec; braces
                // inside `[...]` of the field name do not count).
                let mut depth = 1;
                let mut j = i + 1;
                let mut in_bracket = false;
                let mut in_spec = false;
                while j < chars.len() && depth > 0 {
                    let c = chars[j];
                    if in_bracket {
                        if c == ']' {
                            in_bracket = false;
                        }
                    } else {
                        match c {
                            '[' if !in_spec => in_bracket = true,
                            ':' | '!' if depth == 1 => in_spec = true,
                            '{' => depth += 1,
                            '}' => depth -= 1,
                            _ => {}
                        }
                    }
                    if depth > 0 {
                        j += 1;
                    }
                }
                if j >= chars.len() {
                    let msg = if in_spec { "unmatched '{' in format spec" } else { "expected '}' before end of string" };
                    return Err(self.value_error(msg.to_string()));
                }
                let field: String = chars[i + 1..j].iter().collect();
                i = j + 1;
                // Split field_name[!conv][:spec]
                let (name_part, rest) = split_field(&field);
                let (conv, spec) = match rest.strip_prefix('!') {
                    Some(r) => {
                        let mut it = r.chars();
                        let cv = it.next();
                        let after: String = it.collect();
                        if !after.is_empty() && !after.starts_with(':') {
                            return Err(self.value_error("expected ':' after conversion specifier".to_string()));
                        }
                        (cv, after.strip_prefix(':').unwrap_or("").to_string())
                    }
                    None => (None, rest.strip_prefix(':').unwrap_or("").to_string()),
                };
                // Resolve the first component.
                let (first, tail) = split_first_component(&name_part);
                let mut v = if first.is_empty() {
                    if manual {
                        return Err(self.value_error("cannot switch from manual field specification to automatic field numbering".to_string()));
                    }
                    auto = true;
                    let v = match args.get(auto_idx) {
                        Some(v) => v.clone(),
                        None => return Err(self.index_error(&format!("Replacement index {auto_idx} out of range for positional args tuple"))),
                    };
                    auto_idx += 1;
                    v
                } else if let Ok(n) = first.parse::<usize>() {
                    if auto {
                        return Err(self.value_error("cannot switch from automatic field numbering to manual field specification".to_string()));
                    }
                    manual = true;
                    match args.get(n) {
                        Some(v) => v.clone(),
                        None => return Err(self.index_error(&format!("Replacement index {n} out of range for positional args tuple"))),
                    }
                } else {
                    match mapping {
                        Some(m) => {
                            let k = vm::new_str(&first);
                            self.getitem(m, &k)?
                        }
                        None => match kwarg(kw, &first) {
                            Some(v) => v,
                            None => return Err(self.key_error(vm::new_str(&first))),
                        },
                    }
                };
                // Attribute and index accessors.
                let mut t = tail.as_str();
                while !t.is_empty() {
                    if let Some(r) = t.strip_prefix('.') {
                        let end = r.find(['.', '[']).unwrap_or(r.len());
                        if end == 0 {
                            return Err(self.value_error("Empty attribute in format string".to_string()));
                        }
                        let an = self.intern(&r[..end]);
                        v = self.getattr(&v, &an)?;
                        t = &r[end..];
                    } else if let Some(r) = t.strip_prefix('[') {
                        let end = r.find(']').unwrap_or(r.len());
                        let key = &r[..end];
                        let k = match key.parse::<i64>() {
                            Ok(n) => vm::new_int(n),
                            Err(_) => vm::new_str(key),
                        };
                        v = self.getitem(&v, &k)?;
                        t = r.get(end + 1..).unwrap_or("");
                    } else {
                        return Err(self.value_error("Only '.' or '[' may follow ']' in format field specifier".to_string()));
                    }
                }
                let v = match conv {
                    None => v,
                    Some('s') => self.str_value(&v)?,
                    Some('r') => self.repr_value(&v)?,
                    Some('a') => {
                        let r = self.repr(&v)?;
                        vm::new_string(super::funcs::to_ascii_escaped(&r))
                    }
                    Some(c) => return Err(self.value_error(format!("Unknown conversion specifier {c}"))),
                };
                // Nested fields in the spec.
                let spec = if spec.contains('{') {
                    let mut sub_args = args.to_vec();
                    let _ = &mut sub_args;
                    let expanded = self.str_format_nested(&spec, args, kw, mapping, &mut auto_idx)?;
                    expanded
                } else {
                    spec
                };
                let sv = vm::new_string(spec);
                let r = self.format(&v, &sv)?;
                out.push_str(vm::str_of(&r).unwrap_or(""));
            } else if c == '}' {
                if chars.get(i + 1) == Some(&'}') {
                    out.push('}');
                    i += 2;
                    continue;
                }
                return Err(self.value_error("Single '}' encountered in format string".to_string()));
            } else {
                out.push(c);
                i += 1;
            }
        }
        Ok(out)
    }

    fn str_format_nested(&mut self, spec: &str, args: &[Value], kw: &KwArgs, mapping: Option<&Value>, auto_idx: &mut usize) -> PyResult<String> {
        // Replace `{}` / `{n}` / `{name}` inside a spec.
        let mut out = String::new();
        let mut it = spec.char_indices().peekable();
        while let Some((_, c)) = it.next() {
            if c == '{' {
                let mut name = String::new();
                for (_, d) in it.by_ref() {
                    if d == '}' {
                        break;
                    }
                    name.push(d);
                }
                let v = if name.is_empty() {
                    let v = args.get(*auto_idx).cloned().unwrap_or(Value::NONE);
                    *auto_idx += 1;
                    v
                } else if let Ok(n) = name.parse::<usize>() {
                    args.get(n).cloned().unwrap_or(Value::NONE)
                } else {
                    match mapping {
                        Some(m) => {
                            let k = vm::new_str(&name);
                            self.getitem(m, &k)?
                        }
                        None => kwarg(kw, &name).unwrap_or(Value::NONE),
                    }
                };
                out.push_str(&self.to_str(&v)?);
            } else {
                out.push(c);
            }
        }
        Ok(out)
    }

    /// `fmt % args` for str.
    pub fn str_percent(&mut self, fmt_v: &Value, args: &Value) -> PyResult<Value> {
        use crate::format::percent::PercentDirective;
        let fmt = vm::str_of(fmt_v).unwrap_or("");
        let is_mapping = match args.as_obj().map(|o| &o.kind) {
            Some(ObjKind::Dict(_)) => true,
            Some(ObjKind::Instance(_)) => {
                let t = self.type_of(args);
                self.user_method(&t, "__getitem__").is_some() && !matches!(base_value(args).as_obj().map(|o| &o.kind), Some(ObjKind::Tuple(_)))
            }
            _ => false,
        };
        let mut src = crate::builtins::percent_args::PercentArgs::new(self, args, is_mapping, false);
        let mut out = String::new();
        let mut pos = 0;
        while pos < fmt.len() {
            let Some(off) = fmt[pos..].find('%') else {
                out.push_str(&fmt[pos..]);
                break;
            };
            out.push_str(&fmt[pos..pos + off]);
            pos += off + 1;
            let (dir, next) = src.parse_spec(fmt, pos)?;
            pos = next;
            let spec = match dir {
                PercentDirective::Percent => {
                    out.push('%');
                    continue;
                }
                PercentDirective::Spec(s) => s,
            };
            let value = src.value_for(spec.key.is_some())?;
            if spec.width.is_none() && spec.precision.is_none() && spec.flags == Default::default() {
                // The common plain `%d` of a small int and `%s` of a str, written in place.
                match (spec.conv, value.as_obj()) {
                    ('d' | 'i' | 'u', None) if value.is_small_int() => {
                        use std::fmt::Write;
                        let _ = write!(out, "{}", value.as_small_int_unchecked());
                        continue;
                    }
                    ('s', Some(Obj { kind: ObjKind::Str(s) })) => {
                        out.push_str(&s.s);
                        continue;
                    }
                    _ => {}
                }
            }
            let vm = &mut *src.vm;
            let piece = match spec.conv {
                's' | 'r' | 'a' => {
                    let s = match spec.conv {
                        's' => vm.to_str(&value)?,
                        'r' => vm.repr(&value)?,
                        _ => super::funcs::to_ascii_escaped(&vm.repr(&value)?),
                    };
                    crate::format::percent::percent_format_str(&s, &spec)
                }
                'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                    let b = match num_of(&base_value(&value)) {
                        Some(Num::Int(i)) => BigInt::from(i),
                        Some(Num::Big(b)) => b.clone(),
                        Some(Num::Float(f)) if matches!(spec.conv, 'd' | 'i' | 'u') => match crate::format::int::float_to_int(f) {
                            Ok(b) => b,
                            Err(e) => return Err(vm.fmt_error(e)),
                        },
                        _ => {
                            let tn = vm.type_name(&value);
                            let msg = if matches!(spec.conv, 'd' | 'i' | 'u') { format!("%{} format: a real number is required, not {tn}", spec.conv) } else { format!("%{} format: an integer is required, not {tn}", spec.conv) };
                            return Err(vm.type_error(msg));
                        }
                    };
                    match crate::format::percent::percent_format_int(&b, &spec) {
                        Ok(s) => s,
                        Err(e) => return Err(vm.fmt_error(e)),
                    }
                }
                'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                    let f = match vm.to_float(&value) {
                        Ok(f) => f,
                        Err(_) => {
                            let tn = vm.type_name(&value);
                            return Err(vm.type_error(format!("must be real number, not {tn}")));
                        }
                    };
                    crate::format::percent::percent_format_float(f, &spec)
                }
                'c' => {
                    let c = if let Some(s) = vm::str_of(&value) {
                        let mut it = s.chars();
                        match (it.next(), it.next()) {
                            (Some(c), None) => c,
                            _ => return Err(vm.type_error("%c requires int or char".to_string())),
                        }
                    } else {
                        let b = vm.index_bigint(&value)?;
                        match crate::format::percent::percent_char_from_int(&b) {
                            Ok(u) => char::from_u32(u).unwrap_or('\u{FFFD}'),
                            Err(e) => return Err(vm.fmt_error(e)),
                        }
                    };
                    crate::format::percent::percent_format_char(c, &spec)
                }
                _ => return Err(vm.fmt_error(spec.unsupported_error())),
            };
            out.push_str(&piece);
        }
        if src.unused() {
            return Err(src.vm.type_error("not all arguments converted during string formatting".to_string()));
        }
        Ok(vm::new_string(out))
    }
}

fn split_field(field: &str) -> (String, String) {
    // The field name ends at the first '!' or ':' outside brackets.
    let mut in_bracket = false;
    for (i, c) in field.char_indices() {
        match c {
            '[' => in_bracket = true,
            ']' => in_bracket = false,
            '!' | ':' if !in_bracket => return (field[..i].to_string(), field[i..].to_string()),
            _ => {}
        }
    }
    (field.to_string(), String::new())
}

fn split_first_component(name: &str) -> (String, String) {
    let end = name.find(['.', '[']).unwrap_or(name.len());
    (name[..end].to_string(), name[end..].to_string())
}

