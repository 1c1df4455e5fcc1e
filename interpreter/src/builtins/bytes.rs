//! `bytes` and `bytearray`: constructors, the shared method set (CPython 3.11 semantics and
//! error messages), the bytearray mutators, and helpers the operator/subscript code can use
//! (`bytes % args`, bytearray slice assignment/deletion, in-place `+=`/`*=`).

use crate::builtins::{add_attr, add_methods, arg};
use crate::object::*;
use crate::value::Value;
use crate::vm::ops::base_value;
use crate::vm::{self, Vm};
use crate::PyResult;
use num_bigint::BigInt;
use std::cell::RefCell;

pub fn register(vm: &mut Vm) {
    let b = vm.types.bytes.clone();
    crate::builtins::numbers::register_common_dunders(vm, &b, false);
    add_methods(vm, &b, &[("__new__", bytes_new), ("__getnewargs__", bytes_getnewargs), ("__bytes__", bytes_bytes)]);
    add_methods(vm, &b, SHARED);
    let ba = vm.types.bytearray.clone();
    add_methods(vm, &ba, &[
        ("__new__", bytearray_new),
        ("__init__", bytearray_init),
        ("append", bytearray_append),
        ("extend", bytearray_extend),
        ("insert", bytearray_insert),
        ("pop", bytearray_pop),
        ("remove", bytearray_remove),
        ("reverse", bytearray_reverse),
        ("clear", bytearray_clear),
        ("copy", bytearray_copy),
        ("__iadd__", bytearray_iadd),
        ("__imul__", bytearray_imul),
        ("__setitem__", bytearray_setitem_m),
        ("__delitem__", bytearray_delitem_m),
        ("__alloc__", bytearray_alloc),
    ]);
    add_methods(vm, &ba, SHARED);
    for ty in [b, ba] {
        let f = vm.new_native_fn("maketrans", bytes_maketrans);
        add_attr(vm, &ty, "maketrans", Value::new_obj(Obj { kind: ObjKind::StaticMethod(f) }));
    }
}

const SHARED: &[(&str, NativeFn)] = &[
    ("__len__", m_len),
    ("__getitem__", m_getitem),
    ("__contains__", m_contains),
    ("__iter__", m_iter),
    ("__add__", m_add),
    ("__mul__", m_mul),
    ("__rmul__", m_mul),
    ("__mod__", m_mod),
    ("__rmod__", m_rmod),
    ("decode", m_decode),
    ("hex", m_hex),
    ("fromhex", m_fromhex),
    ("join", m_join),
    ("split", m_split),
    ("rsplit", m_rsplit),
    ("splitlines", m_splitlines),
    ("strip", m_strip),
    ("lstrip", m_lstrip),
    ("rstrip", m_rstrip),
    ("replace", m_replace),
    ("find", m_find),
    ("rfind", m_rfind),
    ("index", m_index),
    ("rindex", m_rindex),
    ("count", m_count),
    ("startswith", m_startswith),
    ("endswith", m_endswith),
    ("upper", m_upper),
    ("lower", m_lower),
    ("title", m_title),
    ("capitalize", m_capitalize),
    ("swapcase", m_swapcase),
    ("center", m_center),
    ("ljust", m_ljust),
    ("rjust", m_rjust),
    ("zfill", m_zfill),
    ("expandtabs", m_expandtabs),
    ("partition", m_partition),
    ("rpartition", m_rpartition),
    ("isalpha", m_isalpha),
    ("isdigit", m_isdigit),
    ("isalnum", m_isalnum),
    ("isspace", m_isspace),
    ("islower", m_islower),
    ("isupper", m_isupper),
    ("istitle", m_istitle),
    ("isascii", m_isascii),
    ("removeprefix", m_removeprefix),
    ("removesuffix", m_removesuffix),
    ("translate", m_translate),
];

// ---------------------------------------------------------------------------------------
// Helpers

/// A new `bytearray` holding `v`.
pub fn new_bytearray(v: Vec<u8>) -> Value {
    Value::new_obj(Obj { kind: ObjKind::ByteArray(RefCell::new(v)) })
}

fn mk(ba: bool, v: Vec<u8>) -> Value {
    if ba {
        new_bytearray(v)
    } else {
        vm::new_bytes(v)
    }
}

fn is_ba(v: &Value) -> bool {
    matches!(base_value(v).as_obj().map(|o| &o.kind), Some(ObjKind::ByteArray(_)))
}

/// The bytes of a bytes-like value (bytes, bytearray, or a subclass instance of either).
pub fn data_of(v: &Value) -> Option<Vec<u8>> {
    crate::vm::ops::bytes_like(&base_value(v))
}

/// `self` of a bytes/bytearray method: its data and whether it is a bytearray.
fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(Vec<u8>, bool)> {
    let Some(s) = args.first() else {
        return Err(vm.type_error(format!("unbound method {name}() needs an argument")));
    };
    match data_of(s) {
        Some(d) => Ok((d, is_ba(s))),
        None => {
            let tn = vm.type_name(s);
            Err(vm.type_error(format!("descriptor '{name}' for 'bytes' objects doesn't apply to a '{tn}' object")))
        }
    }
}

/// A bytes-like argument, or TypeError "a bytes-like object is required, not 'T'".
fn buf(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match data_of(v) {
        Some(d) => Ok(d),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")))
        }
    }
}

fn byte_value(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let b = vm.index_bigint(v)?;
    use num_traits::ToPrimitive;
    match b.to_i64() {
        Some(x) if (0..256).contains(&x) => Ok(x as u8),
        _ => Err(vm.value_error("byte must be in range(0, 256)".to_string())),
    }
}

/// The `sub` argument of find/count/index: an int in range(256) or a bytes-like object.
fn sub_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(d) = data_of(v) {
        return Ok(d);
    }
    if crate::vm::num::is_int(&base_value(v)) || vm.user_method(&vm.type_of(v), "__index__").is_some() {
        return Ok(vec![byte_value(vm, v)?]);
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("argument should be integer or bytes-like object, not '{tn}'")))
}

fn opt_idx(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None => Ok(None),
        Some(x) if x.is_none() => Ok(None),
        Some(x) => {
            let t = vm.type_of(x);
            if !crate::vm::num::is_int(&base_value(x)) && vm.user_method(&t, "__index__").is_none() {
                return Err(vm.type_error("slice indices must be integers or None or have an __index__ method".to_string()));
            }
            let b = vm.index_bigint(x)?;
            use num_traits::ToPrimitive;
            Ok(Some(b.to_i64().unwrap_or(if b.sign() == num_bigint::Sign::Minus { i64::MIN / 2 } else { i64::MAX / 2 })))
        }
    }
}

/// CPython's `ADJUST_INDICES`.
fn adjust(len: usize, start: Option<i64>, end: Option<i64>) -> (i64, i64) {
    let len = len as i64;
    let mut s = start.unwrap_or(0);
    let mut e = end.unwrap_or(len);
    if e > len {
        e = len;
    } else if e < 0 {
        e += len;
        if e < 0 {
            e = 0;
        }
    }
    if s < 0 {
        s += len;
        if s < 0 {
            s = 0;
        }
    }
    (s, e)
}

fn find_sub(h: &[u8], n: &[u8], s: i64, e: i64, rev: bool) -> i64 {
    if s > h.len() as i64 || e - s < n.len() as i64 {
        return -1;
    }
    let (s, e) = (s as usize, e as usize);
    if n.is_empty() {
        return if rev { e as i64 } else { s as i64 };
    }
    let w = &h[s..e];
    let pos = if rev { w.windows(n.len()).rposition(|x| x == n) } else { w.windows(n.len()).position(|x| x == n) };
    pos.map(|p| (p + s) as i64).unwrap_or(-1)
}

fn count_sub(h: &[u8], n: &[u8], s: i64, e: i64) -> i64 {
    if s > h.len() as i64 || e < s {
        return 0;
    }
    let (s, e) = (s as usize, e as usize);
    if n.is_empty() {
        return (e - s + 1) as i64;
    }
    let w = &h[s..e];
    let (mut c, mut i) = (0, 0);
    while i + n.len() <= w.len() {
        if &w[i..i + n.len()] == n {
            c += 1;
            i += n.len();
        } else {
            i += 1;
        }
    }
    c
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

// ---------------------------------------------------------------------------------------
// Constructors

fn bytes_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let cls = args[0].clone();
    let v = construct(vm, &args[1..], kw, "bytes")?;
    let bt = vm.types.bytes.clone();
    vm.wrap_subclass(&cls, vm::new_bytes(v), &bt)
}

fn bytearray_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let cls = args[0].clone();
    let v = construct(vm, &args[1..], kw, "bytearray")?;
    let bt = vm.types.bytearray.clone();
    vm.wrap_subclass(&cls, new_bytearray(v), &bt)
}

fn bytearray_init(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::NONE)
}

/// The payload of `bytes(source, encoding, errors)` / `bytearray(...)`.
pub fn construct(vm: &mut Vm, args: &[Value], kw: &KwArgs, tname: &str) -> PyResult<Vec<u8>> {
    if args.len() > 3 {
        return Err(vm.type_error(format!("{tname}() takes at most 3 arguments ({} given)", args.len())));
    }
    let src = arg(args, kw, 0, "source");
    let enc = arg(args, kw, 1, "encoding");
    let errors = arg(args, kw, 2, "errors");
    let Some(s) = src else {
        if enc.is_some() || errors.is_some() {
            let what = if enc.is_some() { "encoding" } else { "errors" };
            return Err(vm.type_error(format!("{what} without a string argument")));
        }
        return Ok(Vec::new());
    };
    let sb = base_value(&s);
    if let Some(st) = vm::str_of(&sb) {
        if enc.is_none() {
            let msg = if errors.is_some() { "string argument without an encoding" } else { "string argument without an encoding" };
            return Err(vm.type_error(msg.to_string()));
        }
        let st = st.to_string();
        let e = super::codecs::str_param(vm, enc, "utf-8", tname, "encoding")?;
        let er = super::codecs::str_param(vm, errors, "strict", tname, "errors")?;
        return super::codecs::encode(vm, &st, &e, &er);
    }
    if enc.is_some() || errors.is_some() {
        let what = if enc.is_some() { "encoding" } else { "errors" };
        return Err(vm.type_error(format!("{what} without a string argument")));
    }
    // __bytes__ (bytes() only).
    if tname == "bytes" && crate::vm::ops::is_instance_obj(&s) {
        let t = vm.type_of(&s);
        if let Some(m) = vm.user_method(&t, "__bytes__") {
            let r = vm.call(&m, &[s.clone()], &[])?;
            return match crate::vm::ops::bytes_like(&base_value(&r)).filter(|_| !is_ba(&r)) {
                Some(d) => Ok(d),
                None => {
                    let tn = vm.type_name(&r);
                    Err(vm.type_error(format!("__bytes__ returned non-bytes (type {tn})")))
                }
            };
        }
    }
    if let Some(d) = crate::vm::ops::bytes_like(&sb) {
        return Ok(d);
    }
    let t = vm.type_of(&s);
    if crate::vm::num::is_int(&sb) || vm.user_method(&t, "__index__").is_some() {
        let n = vm.index_value(&s)?;
        if n < 0 {
            return Err(vm.value_error("negative count".to_string()));
        }
        if n > (1 << 34) {
            return Err(vm.new_error("MemoryError", String::new()));
        }
        return Ok(vec![0; n as usize]);
    }
    let it = match vm.get_iter(&s) {
        Ok(it) => it,
        Err(e) if vm.is_instance_of_exc(&e, "TypeError") => {
            let tn = vm.type_name(&s);
            return Err(vm.type_error(format!("cannot convert '{tn}' object to {tname}")));
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(x) = vm.iter_next(&it)? {
        let n = vm.index_bigint(&x)?;
        use num_traits::ToPrimitive;
        match n.to_i64() {
            Some(v) if (0..256).contains(&v) => out.push(v as u8),
            _ => return Err(vm.value_error(format!("{tname} must be in range(0, 256)"))),
        }
    }
    Ok(out)
}

fn bytes_getnewargs(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (d, _) = this(vm, args, "__getnewargs__")?;
    Ok(vm::new_tuple(vec![vm::new_bytes(d)]))
}

fn bytes_bytes(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (d, _) = this(vm, args, "__bytes__")?;
    Ok(vm::new_bytes(d))
}

// ---------------------------------------------------------------------------------------
// Sequence dunders (for explicit calls such as `b.__len__()`)

fn m_len(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (d, _) = this(vm, args, "__len__")?;
    Ok(vm::new_int(d.len() as i64))
}

fn m_getitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("__getitem__", &args[1..], 1, 1)?;
    let b = base_value(&args[0]);
    vm.getitem(&b, &args[1])
}

fn m_contains(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("__contains__", &args[1..], 1, 1)?;
    let (d, _) = this(vm, args, "__contains__")?;
    let n = sub_arg(vm, &args[1]).map_err(|e| e)?;
    Ok(Value::bool(find_sub(&d, &n, 0, d.len() as i64, false) >= 0))
}

fn m_iter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let b = base_value(&args[0]);
    vm.get_iter(&b)
}

fn m_add(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("__add__", &args[1..], 1, 1)?;
    let (a, ba) = this(vm, args, "__add__")?;
    match data_of(&args[1]) {
        Some(b) => {
            let mut v = a;
            v.extend_from_slice(&b);
            Ok(mk(ba, v))
        }
        None => {
            let tn = vm.type_name(&args[1]);
            let me = if ba { "bytearray" } else { "bytes" };
            Err(vm.type_error(format!("can't concat {tn} to {me}")))
        }
    }
}

fn m_mul(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("__mul__", &args[1..], 1, 1)?;
    let (a, ba) = this(vm, args, "__mul__")?;
    let t = vm.type_of(&args[1]);
    if !crate::vm::num::is_int(&base_value(&args[1])) && vm.user_method(&t, "__index__").is_none() {
        return Ok(vm::not_implemented());
    }
    let n = vm.index_value(&args[1])?.max(0) as usize;
    if (a.len() as u128) * (n as u128) > (1u128 << 34) {
        return Err(vm.new_error("MemoryError", String::new()));
    }
    Ok(mk(ba, a.repeat(n)))
}

fn m_mod(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("__mod__", &args[1..], 1, 1)?;
    let (a, ba) = this(vm, args, "__mod__")?;
    let r = bytes_percent(vm, &a, &args[1])?;
    Ok(mk(ba, r))
}

fn m_rmod(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(vm::not_implemented())
}

// ---------------------------------------------------------------------------------------
// Conversions

fn m_decode(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (d, _) = this(vm, args, "decode")?;
    if args.len() > 3 {
        return Err(vm.type_error(format!("decode() takes at most 2 arguments ({} given)", args.len() - 1)));
    }
    let enc = super::codecs::str_param(vm, arg(&args[1..], kw, 0, "encoding"), "utf-8", "decode", "encoding")?;
    let errors = super::codecs::str_param(vm, arg(&args[1..], kw, 1, "errors"), "strict", "decode", "errors")?;
    let s = super::codecs::decode(vm, &d, &enc, &errors)?;
    Ok(vm::new_string(s))
}

/// `bytes.hex(sep, bytes_per_sep)` (also used by bytearray).
fn m_hex(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (d, _) = this(vm, args, "hex")?;
    let sep = arg(&args[1..], kw, 0, "sep").filter(|v| !v.is_none());
    let per = match arg(&args[1..], kw, 1, "bytes_per_sep") {
        Some(v) => vm.index_value(&v)?,
        None => 1,
    };
    let hex: Vec<String> = d.iter().map(|x| format!("{x:02x}")).collect();
    let Some(sep) = sep else {
        return Ok(vm::new_string(hex.concat()));
    };
    let sep_s: String = if let Some(s) = vm::str_of(&base_value(&sep)) {
        s.to_string()
    } else if let Some(b) = data_of(&sep) {
        b.iter().map(|&c| c as char).collect()
    } else {
        let tn = vm.type_name(&sep);
        return Err(vm.type_error(format!("sep must be str or bytes, not {tn}")));
    };
    if sep_s.chars().count() != 1 {
        return Err(vm.value_error("sep must be length 1.".to_string()));
    }
    if !sep_s.is_ascii() {
        return Err(vm.value_error("sep must be ASCII.".to_string()));
    }
    if per == 0 || d.is_empty() {
        return Ok(vm::new_string(hex.concat()));
    }
    let n = per.unsigned_abs() as usize;
    let mut groups: Vec<String> = Vec::new();
    if per > 0 {
        // Groups are counted from the right.
        let first = d.len() % n;
        if first > 0 {
            groups.push(hex[..first].concat());
        }
        for c in hex[first..].chunks(n) {
            groups.push(c.concat());
        }
    } else {
        for c in hex.chunks(n) {
            groups.push(c.concat());
        }
    }
    Ok(vm::new_string(groups.join(&sep_s)))
}

fn m_fromhex(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("fromhex", &args[1..], 1, 1)?;
    let Some(s) = vm::str_of(&base_value(&args[1])).map(|s| s.to_string()) else {
        let tn = vm.type_name(&args[1]);
        return Err(vm.type_error(format!("fromhex() argument must be str, not {tn}")));
    };
    let b = s.as_bytes();
    let mut out = Vec::new();
    let hexval = |c: u8| (c as char).to_digit(16);
    let mut i = 0;
    // Positions in the error message count characters.
    let char_pos = |i: usize| s[..i.min(s.len())].chars().count();
    loop {
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        if i >= b.len() {
            break;
        }
        let Some(top) = hexval(b[i]) else {
            return Err(vm.value_error(format!("non-hexadecimal number found in fromhex() arg at position {}", char_pos(i))));
        };
        let Some(bot) = b.get(i + 1).and_then(|&c| hexval(c)) else {
            return Err(vm.value_error(format!("non-hexadecimal number found in fromhex() arg at position {}", char_pos(i + 1))));
        };
        out.push((top * 16 + bot) as u8);
        i += 2;
    }
    // The class: `bytes.fromhex` / `bytearray.fromhex` (bound to the class), or the
    // type of an instance the method was looked up on.
    let owner = args[0].clone();
    let cls = if matches!(owner.as_obj().map(|o| &o.kind), Some(ObjKind::Type(_))) { owner } else { vm.type_of(&owner) };
    let (bt, bat) = (vm.types.bytes.clone(), vm.types.bytearray.clone());
    if cls.is(&bt) {
        return Ok(vm::new_bytes(out));
    }
    if cls.is(&bat) {
        return Ok(new_bytearray(out));
    }
    let base = if vm.is_subtype(&cls, &bat) { new_bytearray(out) } else { vm::new_bytes(out) };
    vm.call(&cls, &[base], &[])
}

fn m_join(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("join", &args[1..], 1, 1)?;
    let (sep, ba) = this(vm, args, "join")?;
    let items = vm.collect(&args[1])?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match data_of(it) {
            Some(b) => out.extend_from_slice(&b),
            None => {
                let tn = vm.type_name(it);
                return Err(vm.type_error(format!("sequence item {i}: expected a bytes-like object, {tn} found")));
            }
        }
    }
    Ok(mk(ba, out))
}

// ---------------------------------------------------------------------------------------
// Splitting

fn split_ws(s: &[u8], maxsplit: i64) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let n = s.len();
    let mut i = 0;
    let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
    while left > 0 {
        while i < n && is_space(s[i]) {
            i += 1;
        }
        if i == n {
            break;
        }
        let j = i;
        while i < n && !is_space(s[i]) {
            i += 1;
        }
        out.push(&s[j..i]);
        left -= 1;
    }
    if i < n {
        while i < n && is_space(s[i]) {
            i += 1;
        }
        if i != n {
            out.push(&s[i..]);
        }
    }
    out
}

fn rsplit_ws(s: &[u8], maxsplit: i64) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut i = s.len();
    let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
    while left > 0 {
        while i > 0 && is_space(s[i - 1]) {
            i -= 1;
        }
        if i == 0 {
            break;
        }
        let j = i;
        while i > 0 && !is_space(s[i - 1]) {
            i -= 1;
        }
        out.push(&s[i..j]);
        left -= 1;
    }
    if i > 0 {
        while i > 0 && is_space(s[i - 1]) {
            i -= 1;
        }
        if i != 0 {
            out.push(&s[..i]);
        }
    }
    out.reverse();
    out
}

fn split_sep<'a>(s: &'a [u8], sep: &[u8], maxsplit: i64) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
    let (mut start, mut i) = (0, 0);
    while left > 0 && i + sep.len() <= s.len() {
        if &s[i..i + sep.len()] == sep {
            out.push(&s[start..i]);
            i += sep.len();
            start = i;
            left -= 1;
        } else {
            i += 1;
        }
    }
    out.push(&s[start..]);
    out
}

fn rsplit_sep<'a>(s: &'a [u8], sep: &[u8], maxsplit: i64) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
    let mut end = s.len();
    let mut i = s.len();
    while left > 0 && i >= sep.len() {
        if &s[i - sep.len()..i] == sep {
            out.push(&s[i..end]);
            i -= sep.len();
            end = i;
            left -= 1;
        } else {
            i -= 1;
        }
    }
    out.push(&s[..end]);
    out.reverse();
    out
}

fn split_common(vm: &mut Vm, args: &[Value], kw: &KwArgs, right: bool) -> PyResult<Value> {
    let name = if right { "rsplit" } else { "split" };
    let (s, ba) = this(vm, args, name)?;
    if args.len() > 3 {
        return Err(vm.type_error(format!("{name}() takes at most 2 arguments ({} given)", args.len() - 1)));
    }
    let sep = match arg(&args[1..], kw, 0, "sep").filter(|v| !v.is_none()) {
        Some(v) => Some(buf(vm, &v)?),
        None => None,
    };
    let maxsplit = match arg(&args[1..], kw, 1, "maxsplit") {
        Some(m) => vm.index_value(&m)?,
        None => -1,
    };
    let parts = match &sep {
        None => {
            if right {
                rsplit_ws(&s, maxsplit)
            } else {
                split_ws(&s, maxsplit)
            }
        }
        Some(p) if p.is_empty() => return Err(vm.value_error("empty separator".to_string())),
        Some(p) => {
            if right {
                rsplit_sep(&s, p, maxsplit)
            } else {
                split_sep(&s, p, maxsplit)
            }
        }
    };
    Ok(vm::new_list(parts.into_iter().map(|p| mk(ba, p.to_vec())).collect()))
}

fn m_split(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    split_common(vm, args, kw, false)
}
fn m_rsplit(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    split_common(vm, args, kw, true)
}

fn m_splitlines(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (s, ba) = this(vm, args, "splitlines")?;
    let keep = match arg(&args[1..], kw, 0, "keepends") {
        Some(k) => vm.truthy(&k)?,
        None => false,
    };
    let mut out = Vec::new();
    let mut i = 0;
    let n = s.len();
    while i < n {
        let j = i;
        while i < n && s[i] != b'\n' && s[i] != b'\r' {
            i += 1;
        }
        let mut eol = i;
        if i < n {
            if s[i] == b'\r' && i + 1 < n && s[i + 1] == b'\n' {
                i += 2;
            } else {
                i += 1;
            }
            if keep {
                eol = i;
            }
        }
        out.push(mk(ba, s[j..eol].to_vec()));
    }
    Ok(vm::new_list(out))
}

fn part_common(vm: &mut Vm, args: &[Value], right: bool) -> PyResult<Value> {
    let name = if right { "rpartition" } else { "partition" };
    vm.check_arity(name, &args[1..], 1, 1)?;
    let (s, ba) = this(vm, args, name)?;
    let sep = buf(vm, &args[1])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator".to_string()));
    }
    let pos = find_sub(&s, &sep, 0, s.len() as i64, right);
    let parts = if pos < 0 {
        if right {
            (Vec::new(), Vec::new(), s.clone())
        } else {
            (s.clone(), Vec::new(), Vec::new())
        }
    } else {
        let p = pos as usize;
        (s[..p].to_vec(), sep.clone(), s[p + sep.len()..].to_vec())
    };
    Ok(vm::new_tuple(vec![mk(ba, parts.0), mk(ba, parts.1), mk(ba, parts.2)]))
}
fn m_partition(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    part_common(vm, args, false)
}
fn m_rpartition(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    part_common(vm, args, true)
}

// ---------------------------------------------------------------------------------------
// Stripping, replacing

fn strip_common(vm: &mut Vm, args: &[Value], which: u8) -> PyResult<Value> {
    let name = ["strip", "lstrip", "rstrip"][which as usize];
    vm.check_arity(name, &args[1..], 0, 1)?;
    let (s, ba) = this(vm, args, name)?;
    let chars = match args.get(1).filter(|v| !v.is_none()) {
        Some(c) => Some(buf(vm, c)?),
        None => None,
    };
    let strip_it = |c: u8| match &chars {
        Some(cs) => cs.contains(&c),
        None => is_space(c),
    };
    let mut a = 0;
    let mut b = s.len();
    if which != 2 {
        while a < b && strip_it(s[a]) {
            a += 1;
        }
    }
    if which != 1 {
        while b > a && strip_it(s[b - 1]) {
            b -= 1;
        }
    }
    Ok(mk(ba, s[a..b].to_vec()))
}
fn m_strip(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    strip_common(vm, args, 0)
}
fn m_lstrip(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    strip_common(vm, args, 1)
}
fn m_rstrip(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    strip_common(vm, args, 2)
}

fn m_replace(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("replace", &args[1..], 2, 3)?;
    let (s, ba) = this(vm, args, "replace")?;
    let old = buf(vm, &args[1])?;
    let new = buf(vm, &args[2])?;
    let mut left = match args.get(3) {
        Some(c) => vm.index_value(c)?,
        None => -1,
    };
    if left < 0 {
        left = i64::MAX;
    }
    let mut out = Vec::with_capacity(s.len());
    if old.is_empty() {
        for i in 0..=s.len() {
            if left > 0 {
                out.extend_from_slice(&new);
                left -= 1;
            }
            if i < s.len() {
                out.push(s[i]);
            }
        }
        return Ok(mk(ba, out));
    }
    let mut i = 0;
    while i < s.len() {
        if left > 0 && i + old.len() <= s.len() && s[i..i + old.len()] == old[..] {
            out.extend_from_slice(&new);
            i += old.len();
            left -= 1;
        } else {
            out.push(s[i]);
            i += 1;
        }
    }
    Ok(mk(ba, out))
}

fn m_removeprefix(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("removeprefix", &args[1..], 1, 1)?;
    let (s, ba) = this(vm, args, "removeprefix")?;
    let p = buf(vm, &args[1])?;
    Ok(mk(ba, s.strip_prefix(&p[..]).unwrap_or(&s).to_vec()))
}
fn m_removesuffix(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("removesuffix", &args[1..], 1, 1)?;
    let (s, ba) = this(vm, args, "removesuffix")?;
    let p = buf(vm, &args[1])?;
    if p.is_empty() {
        return Ok(mk(ba, s));
    }
    Ok(mk(ba, s.strip_suffix(&p[..]).unwrap_or(&s).to_vec()))
}

fn bytes_maketrans(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("maketrans", args, 2, 2)?;
    let frm = buf(vm, &args[0])?;
    let to = buf(vm, &args[1])?;
    if frm.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length".to_string()));
    }
    let mut t: Vec<u8> = (0..=255u8).collect();
    for (a, b) in frm.iter().zip(to.iter()) {
        t[*a as usize] = *b;
    }
    Ok(vm::new_bytes(t))
}

fn m_translate(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (s, ba) = this(vm, args, "translate")?;
    let Some(table) = args.get(1).cloned() else {
        return Err(vm.type_error("translate() takes at least 1 argument (0 given)".to_string()));
    };
    let table = if table.is_none() { None } else { Some(buf(vm, &table)?) };
    if let Some(t) = &table {
        if t.len() != 256 {
            return Err(vm.value_error("translation table must be 256 characters long".to_string()));
        }
    }
    let del = match arg(&args[1..], kw, 1, "delete") {
        Some(d) => buf(vm, &d)?,
        None => Vec::new(),
    };
    let out: Vec<u8> = s.iter().filter(|c| !del.contains(c)).map(|&c| table.as_ref().map(|t| t[c as usize]).unwrap_or(c)).collect();
    Ok(mk(ba, out))
}

// ---------------------------------------------------------------------------------------
// Searching

fn find_args(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(Vec<u8>, Vec<u8>, i64, i64)> {
    vm.check_arity(name, &args[1..], 1, 3)?;
    let (s, _) = this(vm, args, name)?;
    let sub = sub_arg(vm, &args[1])?;
    let a = opt_idx(vm, args.get(2))?;
    let b = opt_idx(vm, args.get(3))?;
    let (a, b) = adjust(s.len(), a, b);
    Ok((s, sub, a, b))
}

fn m_find(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (s, n, a, b) = find_args(vm, args, "find")?;
    Ok(vm::new_int(find_sub(&s, &n, a, b, false)))
}
fn m_rfind(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (s, n, a, b) = find_args(vm, args, "rfind")?;
    Ok(vm::new_int(find_sub(&s, &n, a, b, true)))
}
fn m_index(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (s, n, a, b) = find_args(vm, args, "index")?;
    match find_sub(&s, &n, a, b, false) {
        -1 => Err(vm.value_error("subsection not found".to_string())),
        i => Ok(vm::new_int(i)),
    }
}
fn m_rindex(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (s, n, a, b) = find_args(vm, args, "rindex")?;
    match find_sub(&s, &n, a, b, true) {
        -1 => Err(vm.value_error("subsection not found".to_string())),
        i => Ok(vm::new_int(i)),
    }
}
fn m_count(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (s, n, a, b) = find_args(vm, args, "count")?;
    Ok(vm::new_int(count_sub(&s, &n, a, b)))
}

fn starts_ends(vm: &mut Vm, args: &[Value], ends: bool) -> PyResult<Value> {
    let name = if ends { "endswith" } else { "startswith" };
    vm.check_arity(name, &args[1..], 1, 3)?;
    let (s, _) = this(vm, args, name)?;
    let a = opt_idx(vm, args.get(2))?;
    let b = opt_idx(vm, args.get(3))?;
    let (a, b) = adjust(s.len(), a, b);
    let cands: Vec<Value> = match base_value(&args[1]).as_obj().map(|o| &o.kind) {
        Some(ObjKind::Tuple(t)) => t.to_vec(),
        _ => vec![args[1].clone()],
    };
    let is_tuple = matches!(base_value(&args[1]).as_obj().map(|o| &o.kind), Some(ObjKind::Tuple(_)));
    for c in cands {
        let Some(p) = data_of(&c) else {
            let tn = vm.type_name(&c);
            if is_tuple {
                return Err(vm.type_error(format!("a bytes-like object is required, not '{tn}'")));
            }
            return Err(vm.type_error(format!("{name} first arg must be bytes or a tuple of bytes, not {tn}")));
        };
        if a > s.len() as i64 {
            continue;
        }
        if b - a < p.len() as i64 {
            continue;
        }
        let (a, b) = (a as usize, b as usize);
        let ok = if ends { s[b - p.len()..b] == p[..] } else { s[a..a + p.len()] == p[..] };
        if ok {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}
fn m_startswith(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    starts_ends(vm, args, false)
}
fn m_endswith(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    starts_ends(vm, args, true)
}

// ---------------------------------------------------------------------------------------
// Case mapping and predicates (ASCII only)

fn title(s: &[u8]) -> Vec<u8> {
    let mut prev = false;
    s.iter()
        .map(|&c| {
            if c.is_ascii_uppercase() {
                let r = if prev { c.to_ascii_lowercase() } else { c };
                prev = true;
                r
            } else if c.is_ascii_lowercase() {
                let r = if prev { c } else { c.to_ascii_uppercase() };
                prev = true;
                r
            } else {
                prev = false;
                c
            }
        })
        .collect()
}

fn capitalize(s: &[u8]) -> Vec<u8> {
    s.iter().enumerate().map(|(i, c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect()
}

fn swapcase(s: &[u8]) -> Vec<u8> {
    s.iter().map(|&c| if c.is_ascii_uppercase() { c.to_ascii_lowercase() } else if c.is_ascii_lowercase() { c.to_ascii_uppercase() } else { c }).collect()
}

macro_rules! bytes_map {
    ($($name:ident, $pyname:expr => $f:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
                vm.check_arity($pyname, &args[1..], 0, 0)?;
                let (s, ba) = this(vm, args, $pyname)?;
                let f: fn(&[u8]) -> Vec<u8> = $f;
                Ok(mk(ba, f(&s)))
            }
        )*
    };
}
bytes_map! {
    m_upper, "upper" => |s| s.to_ascii_uppercase();
    m_lower, "lower" => |s| s.to_ascii_lowercase();
    m_title, "title" => title;
    m_capitalize, "capitalize" => capitalize;
    m_swapcase, "swapcase" => swapcase;
}

fn istitle(s: &[u8]) -> bool {
    if s.len() == 1 {
        return s[0].is_ascii_uppercase();
    }
    let (mut cased, mut prev) = (false, false);
    for &c in s {
        if c.is_ascii_uppercase() {
            if prev {
                return false;
            }
            prev = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !prev {
                return false;
            }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    cased
}

macro_rules! bytes_pred {
    ($($name:ident, $pyname:expr => $f:expr;)*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
                vm.check_arity($pyname, &args[1..], 0, 0)?;
                let (s, _) = this(vm, args, $pyname)?;
                let f: fn(&[u8]) -> bool = $f;
                Ok(Value::bool(f(&s)))
            }
        )*
    };
}
bytes_pred! {
    m_isalpha, "isalpha" => |s| !s.is_empty() && s.iter().all(|c| c.is_ascii_alphabetic());
    m_isdigit, "isdigit" => |s| !s.is_empty() && s.iter().all(|c| c.is_ascii_digit());
    m_isalnum, "isalnum" => |s| !s.is_empty() && s.iter().all(|c| c.is_ascii_alphanumeric());
    m_isspace, "isspace" => |s| !s.is_empty() && s.iter().all(|&c| is_space(c));
    m_islower, "islower" => |s| s.iter().any(|c| c.is_ascii_lowercase()) && !s.iter().any(|c| c.is_ascii_uppercase());
    m_isupper, "isupper" => |s| s.iter().any(|c| c.is_ascii_uppercase()) && !s.iter().any(|c| c.is_ascii_lowercase());
    m_istitle, "istitle" => istitle;
    m_isascii, "isascii" => |s| s.is_ascii();
}

// ---------------------------------------------------------------------------------------
// Padding

fn pad_args(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(Vec<u8>, bool, i64, u8)> {
    vm.check_arity(name, &args[1..], 1, 2)?;
    let (s, ba) = this(vm, args, name)?;
    let w = vm.index_value(&args[1])?;
    let fill = match args.get(2) {
        Some(f) => match data_of(f) {
            Some(d) if d.len() == 1 => d[0],
            _ => {
                let tn = vm.type_name(f);
                return Err(vm.type_error(format!("{name}() argument 2 must be a byte string of length 1, not {tn}")));
            }
        },
        None => b' ',
    };
    Ok((s, ba, w, fill))
}

fn pad(s: &[u8], left: usize, right: usize, fill: u8) -> Vec<u8> {
    let mut out = vec![fill; left];
    out.extend_from_slice(s);
    out.extend(std::iter::repeat(fill).take(right));
    out
}

fn m_center(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (s, ba, w, f) = pad_args(vm, args, "center")?;
    let len = s.len() as i64;
    if len >= w {
        return Ok(mk(ba, s));
    }
    let marg = w - len;
    let left = marg / 2 + (marg & w & 1);
    Ok(mk(ba, pad(&s, left as usize, (marg - left) as usize, f)))
}
fn m_ljust(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (s, ba, w, f) = pad_args(vm, args, "ljust")?;
    let r = (w - s.len() as i64).max(0) as usize;
    Ok(mk(ba, pad(&s, 0, r, f)))
}
fn m_rjust(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (s, ba, w, f) = pad_args(vm, args, "rjust")?;
    let l = (w - s.len() as i64).max(0) as usize;
    Ok(mk(ba, pad(&s, l, 0, f)))
}
fn m_zfill(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("zfill", &args[1..], 1, 1)?;
    let (s, ba) = this(vm, args, "zfill")?;
    let w = vm.index_value(&args[1])?;
    if s.len() as i64 >= w {
        return Ok(mk(ba, s));
    }
    let fill = (w - s.len() as i64) as usize;
    let mut out = pad(&s, fill, 0, b'0');
    if !s.is_empty() && (s[0] == b'+' || s[0] == b'-') {
        out[0] = s[0];
        out[fill] = b'0';
    }
    Ok(mk(ba, out))
}
fn m_expandtabs(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let (s, ba) = this(vm, args, "expandtabs")?;
    let t = match arg(&args[1..], kw, 0, "tabsize") {
        Some(t) => vm.index_value(&t)?,
        None => 8,
    };
    let mut out = Vec::with_capacity(s.len());
    let mut col: i64 = 0;
    for &c in &s {
        if c == b'\t' {
            if t > 0 {
                let n = t - col % t;
                out.extend(std::iter::repeat(b' ').take(n as usize));
                col += n;
            }
        } else {
            out.push(c);
            col += 1;
            if c == b'\n' || c == b'\r' {
                col = 0;
            }
        }
    }
    Ok(mk(ba, out))
}

// ---------------------------------------------------------------------------------------
// bytearray mutators

fn ba_cell(v: &Value) -> Option<&RefCell<Vec<u8>>> {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::ByteArray(b) }) => Some(b),
        _ => None,
    }
}

fn self_ba(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
    let b = args.first().map(base_value).unwrap_or(Value::NONE);
    if ba_cell(&b).is_some() {
        return Ok(b);
    }
    let tn = args.first().map(|a| vm.type_name(a)).unwrap_or_default();
    Err(vm.type_error(format!("descriptor '{name}' for 'bytearray' objects doesn't apply to a '{tn}' object")))
}

fn bytearray_append(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("append", &args[1..], 1, 1)?;
    let me = self_ba(vm, args, "append")?;
    let x = byte_value(vm, &args[1])?;
    ba_cell(&me).expect("checked").borrow_mut().push(x);
    Ok(Value::NONE)
}

/// The items of `bytearray.extend(v)` / `ba += v` / slice assignment: a bytes-like
/// object or an iterable of ints in range(256).
fn byte_items(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(d) = data_of(v) {
        return Ok(d);
    }
    if vm::str_of(&base_value(v)).is_some() {
        return Err(vm.type_error("expected iterable of integers; got: 'str'".to_string()));
    }
    let it = match vm.get_iter(v) {
        Ok(it) => it,
        Err(e) if vm.is_instance_of_exc(&e, "TypeError") => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("can't extend bytearray with {tn}")));
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(x) = vm.iter_next(&it)? {
        out.push(byte_value(vm, &x)?);
    }
    Ok(out)
}

fn bytearray_extend(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("extend", &args[1..], 1, 1)?;
    let me = self_ba(vm, args, "extend")?;
    let data = if vm::str_of(&base_value(&args[1])).is_some() {
        return Err(vm.type_error("expected iterable of integers; got: 'str'".to_string()));
    } else {
        byte_items(vm, &args[1])?
    };
    ba_cell(&me).expect("checked").borrow_mut().extend(data);
    Ok(Value::NONE)
}

fn bytearray_insert(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("insert", &args[1..], 2, 2)?;
    let me = self_ba(vm, args, "insert")?;
    let i = vm.index_value(&args[1])?;
    let x = byte_value(vm, &args[2])?;
    let cell = ba_cell(&me).expect("checked");
    let n = cell.borrow().len() as i64;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) };
    cell.borrow_mut().insert(i as usize, x);
    Ok(Value::NONE)
}

fn bytearray_pop(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("pop", &args[1..], 0, 1)?;
    let me = self_ba(vm, args, "pop")?;
    let cell = ba_cell(&me).expect("checked");
    let n = cell.borrow().len() as i64;
    let i = match args.get(1) {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    if n == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    let x = cell.borrow_mut().remove(j as usize);
    Ok(vm::new_int(x as i64))
}

fn bytearray_remove(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("remove", &args[1..], 1, 1)?;
    let me = self_ba(vm, args, "remove")?;
    let x = byte_value(vm, &args[1])?;
    let cell = ba_cell(&me).expect("checked");
    let pos = cell.borrow().iter().position(|&c| c == x);
    match pos {
        Some(p) => {
            cell.borrow_mut().remove(p);
            Ok(Value::NONE)
        }
        None => Err(vm.value_error("value not found in bytearray".to_string())),
    }
}

fn bytearray_reverse(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let me = self_ba(vm, args, "reverse")?;
    ba_cell(&me).expect("checked").borrow_mut().reverse();
    Ok(Value::NONE)
}

fn bytearray_clear(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let me = self_ba(vm, args, "clear")?;
    ba_cell(&me).expect("checked").borrow_mut().clear();
    Ok(Value::NONE)
}

fn bytearray_copy(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let me = self_ba(vm, args, "copy")?;
    let d = ba_cell(&me).expect("checked").borrow().clone();
    Ok(new_bytearray(d))
}

fn bytearray_alloc(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let me = self_ba(vm, args, "__alloc__")?;
    let n = ba_cell(&me).expect("checked").borrow().capacity();
    Ok(vm::new_int(n as i64 + 1))
}

/// `ba += other` for a bytearray `ba`: extends in place and returns `ba`.
pub fn bytearray_inplace_add(vm: &mut Vm, ba: &Value, other: &Value) -> PyResult<Value> {
    let Some(d) = data_of(other) else {
        let tn = vm.type_name(other);
        return Err(vm.type_error(format!("can't concat {tn} to bytearray")));
    };
    if let Some(c) = ba_cell(&base_value(ba)) {
        c.borrow_mut().extend(d);
    }
    Ok(ba.clone())
}

/// `ba *= n` for a bytearray `ba`: repeats in place and returns `ba`.
pub fn bytearray_inplace_mul(vm: &mut Vm, ba: &Value, n: &Value) -> PyResult<Value> {
    let t = vm.type_of(n);
    if !crate::vm::num::is_int(&base_value(n)) && vm.user_method(&t, "__index__").is_none() {
        let tn = vm.type_name(n);
        return Err(vm.type_error(format!("can't multiply sequence by non-int of type '{tn}'")));
    }
    let k = vm.index_value(n)?.max(0) as usize;
    if let Some(c) = ba_cell(&base_value(ba)) {
        let cur = c.borrow().clone();
        if (cur.len() as u128) * (k as u128) > (1u128 << 34) {
            return Err(vm.new_error("MemoryError", String::new()));
        }
        *c.borrow_mut() = cur.repeat(k);
    }
    Ok(ba.clone())
}

fn bytearray_iadd(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("__iadd__", &args[1..], 1, 1)?;
    let me = self_ba(vm, args, "__iadd__")?;
    bytearray_inplace_add(vm, &me, &args[1])?;
    Ok(args[0].clone())
}

fn bytearray_imul(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("__imul__", &args[1..], 1, 1)?;
    let me = self_ba(vm, args, "__imul__")?;
    bytearray_inplace_mul(vm, &me, &args[1])?;
    Ok(args[0].clone())
}

fn is_slice(v: &Value) -> bool {
    matches!(v.as_obj().map(|o| &o.kind), Some(ObjKind::Slice(..)))
}

fn ba_index(vm: &mut Vm, key: &Value, n: usize) -> PyResult<usize> {
    let t = vm.type_of(key);
    if !crate::vm::num::is_int(&base_value(key)) && vm.user_method(&t, "__index__").is_none() {
        let tn = vm.type_name(key);
        return Err(vm.type_error(format!("bytearray indices must be integers or slices, not {tn}")));
    }
    let i = vm.index_value(key)?;
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 {
        return Err(vm.index_error("bytearray index out of range"));
    }
    Ok(j as usize)
}

/// `ba[key] = v` for a bytearray (index or slice, including extended slices).
pub fn bytearray_setitem(vm: &mut Vm, ba: &RefCell<Vec<u8>>, key: &Value, v: &Value) -> PyResult<()> {
    let n = ba.borrow().len();
    if !is_slice(key) {
        let i = ba_index(vm, key, n)?;
        let t = vm.type_of(v);
        if !crate::vm::num::is_int(&base_value(v)) && vm.user_method(&t, "__index__").is_none() {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
        }
        let x = byte_value(vm, v)?;
        ba.borrow_mut()[i] = x;
        return Ok(());
    }
    let items = if v.is_none() {
        return Err(vm.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)".to_string()));
    } else if let Some(d) = data_of(v) {
        d
    } else if crate::vm::num::is_int(&base_value(v)) || vm::str_of(&base_value(v)).is_some() {
        return Err(vm.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)".to_string()));
    } else {
        byte_items(vm, v)?
    };
    let s = vm.slice_indices(key, n)?;
    let mut data = ba.borrow_mut();
    if s.step == 1 {
        let start = (s.start.max(0) as usize).min(data.len());
        let end = (start + s.len).min(data.len());
        data.splice(start..end, items);
        return Ok(());
    }
    if items.len() != s.len {
        drop(data);
        return Err(vm.value_error(format!("attempt to assign bytes of size {} to extended slice of size {}", items.len(), s.len)));
    }
    for (i, x) in s.indices().zip(items) {
        data[i] = x;
    }
    Ok(())
}

/// `del ba[key]` for a bytearray (index or slice).
pub fn bytearray_delitem(vm: &mut Vm, ba: &RefCell<Vec<u8>>, key: &Value) -> PyResult<()> {
    let n = ba.borrow().len();
    if !is_slice(key) {
        let i = ba_index(vm, key, n)?;
        ba.borrow_mut().remove(i);
        return Ok(());
    }
    let s = vm.slice_indices(key, n)?;
    let mut gone = vec![false; n];
    for i in s.indices() {
        gone[i] = true;
    }
    let mut data = ba.borrow_mut();
    let kept: Vec<u8> = data.iter().enumerate().filter(|(i, _)| !gone[*i]).map(|(_, c)| *c).collect();
    *data = kept;
    Ok(())
}

fn bytearray_setitem_m(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("__setitem__", &args[1..], 2, 2)?;
    let me = self_ba(vm, args, "__setitem__")?;
    bytearray_setitem(vm, ba_cell(&me).expect("checked"), &args[1], &args[2])?;
    Ok(Value::NONE)
}

fn bytearray_delitem_m(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("__delitem__", &args[1..], 1, 1)?;
    let me = self_ba(vm, args, "__delitem__")?;
    bytearray_delitem(vm, ba_cell(&me).expect("checked"), &args[1])?;
    Ok(Value::NONE)
}

// ---------------------------------------------------------------------------------------
// printf-style formatting: `bytes % args`

/// `fmt % args` for bytes/bytearray (PEP 461). Returns the formatted bytes.
pub fn bytes_percent(vm: &mut Vm, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    use crate::format::percent::PercentDirective;
    // Work on a latin-1 view of the format so the shared parser can be used; every
    // char of `out` is one byte.
    let fmt: String = fmt.iter().map(|&c| c as char).collect();
    let args_b = base_value(args);
    let is_tuple = matches!(args_b.as_obj().map(|o| &o.kind), Some(ObjKind::Tuple(_)));
    let is_mapping = !is_tuple
        && data_of(args).is_none()
        && vm::str_of(&args_b).is_none()
        && match args_b.as_obj().map(|o| &o.kind) {
            Some(ObjKind::Dict(_)) => true,
            Some(ObjKind::Instance(_)) => {
                let t = vm.type_of(args);
                vm.user_method(&t, "__getitem__").is_some()
            }
            _ => false,
        };
    let mut src = crate::builtins::percent_args::PercentArgs::new(vm, args, is_mapping, true);
    let mut out: Vec<u8> = Vec::with_capacity(fmt.len());
    let push_str = |out: &mut Vec<u8>, s: &str| out.extend(s.chars().map(|c| c as u32 as u8));
    let mut pos = 0;
    while pos < fmt.len() {
        let Some(off) = fmt[pos..].find('%') else {
            push_str(&mut out, &fmt[pos..]);
            break;
        };
        push_str(&mut out, &fmt[pos..pos + off]);
        pos += off + 1;
        let (dir, next) = src.parse_spec(&fmt, pos)?;
        pos = next;
        let spec = match dir {
            PercentDirective::Percent => {
                out.push(b'%');
                continue;
            }
            PercentDirective::Spec(s) => s,
        };
        let value = src.value_for(spec.key.is_some())?;
        let vm = &mut *src.vm;
        match spec.conv {
            's' | 'b' => {
                let data = match data_of(&value) {
                    Some(d) => d,
                    None => {
                        let t = vm.type_of(&value);
                        match vm.user_method(&t, "__bytes__") {
                            Some(m) => {
                                let r = vm.call(&m, &[value.clone()], &[])?;
                                match data_of(&r) {
                                    Some(d) => d,
                                    None => {
                                        let tn = vm.type_name(&r);
                                        return Err(vm.type_error(format!("__bytes__ returned non-bytes (type {tn})")));
                                    }
                                }
                            }
                            None => {
                                let tn = vm.type_name(&value);
                                return Err(vm.type_error(format!("%b requires a bytes-like object, or an object that implements __bytes__, not '{tn}'")));
                            }
                        }
                    }
                };
                let s: String = data.iter().map(|&c| c as char).collect();
                push_str(&mut out, &crate::format::percent::percent_format_str(&s, &spec));
            }
            'r' | 'a' => {
                let r = vm.repr(&value)?;
                let s = crate::builtins::funcs::to_ascii_escaped(&r);
                push_str(&mut out, &crate::format::percent::percent_format_str(&s, &spec));
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                use crate::vm::num::{num_of, Num};
                let b = match num_of(&base_value(&value)) {
                    Some(Num::Int(i)) => BigInt::from(i),
                    Some(Num::Big(b)) => b.clone(),
                    Some(Num::Float(f)) if matches!(spec.conv, 'd' | 'i' | 'u') => match crate::format::int::float_to_int(f) {
                        Ok(b) => b,
                        Err(e) => return Err(vm.fmt_error(e)),
                    },
                    _ => {
                        let t = vm.type_of(&value);
                        if vm.user_method(&t, "__index__").is_some() {
                            vm.index_bigint(&value)?
                        } else {
                            let tn = vm.type_name(&value);
                            let msg = if matches!(spec.conv, 'd' | 'i' | 'u') { format!("%{} format: a real number is required, not {tn}", spec.conv) } else { format!("%{} format: an integer is required, not {tn}", spec.conv) };
                            return Err(vm.type_error(msg));
                        }
                    }
                };
                match crate::format::percent::percent_format_int(&b, &spec) {
                    Ok(s) => push_str(&mut out, &s),
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
                push_str(&mut out, &crate::format::percent::percent_format_float(f, &spec));
            }
            'c' => {
                let c = if let Some(d) = data_of(&value) {
                    if d.len() != 1 {
                        return Err(vm.type_error("%c requires an integer in range(256) or a single byte".to_string()));
                    }
                    d[0]
                } else if crate::vm::num::is_int(&base_value(&value)) {
                    let b = vm.index_bigint(&value)?;
                    use num_traits::ToPrimitive;
                    match b.to_i64() {
                        Some(x) if (0..256).contains(&x) => x as u8,
                        _ => return Err(vm.overflow_error("%c arg not in range(256)")),
                    }
                } else {
                    return Err(vm.type_error("%c requires an integer in range(256) or a single byte".to_string()));
                };
                let s = crate::format::percent::percent_format_char(c as char, &spec);
                push_str(&mut out, &s);
            }
            _ => return Err(vm.fmt_error(spec.unsupported_error())),
        }
    }
    if src.unused() {
        return Err(src.vm.type_error("not all arguments converted during bytes formatting".to_string()));
    }
    Ok(out)
}
