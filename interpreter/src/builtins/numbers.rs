//! `int`, `bool`, `float` and `complex`: constructors, methods, attributes, and the native
//! operator dunders that subclasses reach through `super()` or `int.__add__(a, b)`.

use super::{add_methods, arg};
use crate::bytecode::opcodes::{BinOp, CmpOp};
use crate::object::*;
use crate::value::{Value, V};
use crate::vm::num::{num_of, Num};
use crate::vm::ops::base_value;
use crate::vm::{self, Vm};
use crate::PyResult;
use num_bigint::{BigInt, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};

macro_rules! binop_dunders {
    ($( $name:ident, $rname:ident, $dn:literal, $rdn:literal => $op:expr; )*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
                vm.check_arity(stringify!($name), args, 2, 2)?;
                if !operand_ok(&args[0], &args[1]) {
                    return Ok(vm::not_implemented());
                }
                native_binop_or_ni(vm, $op, &args[0], &args[1])
            }
            fn $rname(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
                vm.check_arity(stringify!($rname), args, 2, 2)?;
                if !operand_ok(&args[0], &args[1]) {
                    return Ok(vm::not_implemented());
                }
                native_binop_or_ni(vm, $op, &args[1], &args[0])
            }
        )*
        /// (dunder, reflected dunder, function pairs) for registration.
        pub const BINOP_DUNDERS: &[(&str, NativeFn, &str, NativeFn)] = &[
            $( ($dn, $name, $rdn, $rname), )*
        ];
    };
}

/// Rank of a numeric kind in the tower (int 0, float 1, complex 2).
fn num_rank(v: &Value) -> Option<u8> {
    match num_of(&base_value(v))? {
        Num::Int(_) | Num::Big(_) => Some(0),
        Num::Float(_) => Some(1),
        Num::Complex(..) => Some(2),
    }
}

/// Whether a native numeric dunder of `slf`'s type accepts `other` (else NotImplemented):
/// `int.__add__(1, 1.0)` is NotImplemented, `float.__radd__(1.0, 1)` is not.
fn operand_ok(slf: &Value, other: &Value) -> bool {
    match (num_rank(slf), num_rank(other)) {
        (Some(a), Some(b)) => b <= a,
        _ => true,
    }
}

fn native_binop_or_ni(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    let (a, b) = (base_value(a), base_value(b));
    if crate::vm::ops::is_instance_obj(&a) || crate::vm::ops::is_instance_obj(&b) {
        return Ok(vm::not_implemented());
    }
    match vm.binary_op(op, &a, &b) {
        Ok(v) => Ok(v),
        Err(e) if vm.is_instance_of_exc(&e, "TypeError") => Ok(vm::not_implemented()),
        Err(e) => Err(e),
    }
}

binop_dunders! {
    d_add, d_radd, "__add__", "__radd__" => BinOp::Add;
    d_sub, d_rsub, "__sub__", "__rsub__" => BinOp::Sub;
    d_mul, d_rmul, "__mul__", "__rmul__" => BinOp::Mul;
    d_truediv, d_rtruediv, "__truediv__", "__rtruediv__" => BinOp::TrueDiv;
    d_floordiv, d_rfloordiv, "__floordiv__", "__rfloordiv__" => BinOp::FloorDiv;
    d_mod, d_rmod, "__mod__", "__rmod__" => BinOp::Mod;
    d_pow, d_rpow, "__pow__", "__rpow__" => BinOp::Pow;
    d_lshift, d_rlshift, "__lshift__", "__rlshift__" => BinOp::LShift;
    d_rshift, d_rrshift, "__rshift__", "__rrshift__" => BinOp::RShift;
    d_and, d_rand, "__and__", "__rand__" => BinOp::And;
    d_xor, d_rxor, "__xor__", "__rxor__" => BinOp::Xor;
    d_or, d_ror, "__or__", "__ror__" => BinOp::Or;
}

macro_rules! cmp_dunders {
    ($( $name:ident => $op:expr; )*) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
                vm.check_arity(stringify!($name), args, 2, 2)?;
                let (a, b) = (base_value(&args[0]), base_value(&args[1]));
                if crate::vm::ops::is_instance_obj(&a) || crate::vm::ops::is_instance_obj(&b) {
                    return Ok(vm::not_implemented());
                }
                if !same_family(&a, &b) {
                    return Ok(vm::not_implemented());
                }
                vm.compare($op, &a, &b)
            }
        )*
        pub const CMP_DUNDERS: &[(&str, NativeFn)] = &[ $( (concat!("__", stringify!($name), "__"), $name), )* ];
    };
}

/// Whether a native comparison between these kinds is defined (else NotImplemented).
fn same_family(a: &Value, b: &Value) -> bool {
    if num_of(a).is_some() && num_of(b).is_some() {
        return true;
    }
    match (a.as_obj(), b.as_obj()) {
        (Some(x), Some(y)) => std::mem::discriminant(&x.kind) == std::mem::discriminant(&y.kind),
        _ => a.is_none() && b.is_none(),
    }
}

cmp_dunders! {
    lt => CmpOp::Lt;
    le => CmpOp::Le;
    eq => CmpOp::Eq;
    ne => CmpOp::Ne;
    gt => CmpOp::Gt;
    ge => CmpOp::Ge;
}

fn native_hash(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let b = base_value(&args[0]);
    let h = vm.hash(&b)?;
    Ok(vm::new_int(h))
}

fn native_neg(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.neg(&base_value(&args[0]))
}
fn native_pos(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.pos(&base_value(&args[0]))
}
fn native_invert(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.invert(&base_value(&args[0]))
}
fn native_abs(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let f = vm.builtin_value("abs")?;
    vm.call(&f, &[base_value(&args[0])], &[])
}
fn native_bool(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let b = base_value(&args[0]);
    vm.truthy(&b).map(Value::bool)
}
fn native_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let b = base_value(&args[0]);
    vm.repr_value(&b)
}
fn native_str(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let b = base_value(&args[0]);
    vm.str_value(&b)
}
fn native_format(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let b = base_value(&args[0]);
    let spec = args.get(1).cloned().unwrap_or_else(|| vm::new_str(""));
    vm.format(&b, &spec)
}

/// Registers the operator dunders shared by built-in types.
fn d_divmod(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("__divmod__", args, 2, 2)?;
    divmod_or_ni(vm, &args[0], &args[1], false)
}
fn d_rdivmod(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("__rdivmod__", args, 2, 2)?;
    divmod_or_ni(vm, &args[0], &args[1], true)
}
fn divmod_or_ni(vm: &mut Vm, slf: &Value, other: &Value, reflected: bool) -> PyResult<Value> {
    let (a, b) = (base_value(slf), base_value(other));
    if !operand_ok(&a, &b) || num_of(&b).is_none() || matches!(num_of(&a), Some(Num::Complex(..)) | None) {
        return Ok(vm::not_implemented());
    }
    if reflected { vm.divmod(&b, &a) } else { vm.divmod(&a, &b) }
}

pub fn register_common_dunders(vm: &mut Vm, ty: &Value, arith: bool) {
    if arith {
        if !ty.is(&vm.types.complex) {
            add_methods(vm, ty, &[("__divmod__", d_divmod), ("__rdivmod__", d_rdivmod)]);
        }
        for (n, f, rn, rf) in BINOP_DUNDERS {
            add_methods(vm, ty, &[(n, *f), (rn, *rf)]);
        }
    }
    add_methods(vm, ty, CMP_DUNDERS);
    add_methods(vm, ty, &[("__hash__", native_hash), ("__repr__", native_repr), ("__str__", native_str), ("__format__", native_format)]);
}

pub fn register(vm: &mut Vm) {
    let int = vm.types.int.clone();
    register_common_dunders(vm, &int, true);
    add_methods(vm, &int, &[
        ("__new__", int_new),
        ("__neg__", native_neg),
        ("__pos__", native_pos),
        ("__invert__", native_invert),
        ("__abs__", native_abs),
        ("__bool__", native_bool),
        ("__index__", int_int),
        ("__int__", int_int),
        ("__float__", int_float),
        ("__trunc__", int_int),
        ("__floor__", int_int),
        ("__ceil__", int_int),
        ("__round__", int_round),
        ("bit_length", int_bit_length),
        ("bit_count", int_bit_count),
        ("to_bytes", int_to_bytes),
        ("from_bytes", int_from_bytes),
        ("conjugate", int_int),
        ("as_integer_ratio", int_as_integer_ratio),
        ("__getnewargs__", int_getnewargs),
    ]);
    let b = vm.types.bool_.clone();
    add_methods(vm, &b, &[("__new__", bool_new), ("__repr__", bool_repr), ("__str__", bool_repr), ("__and__", bool_and), ("__or__", bool_or), ("__xor__", bool_xor), ("__rand__", bool_and), ("__ror__", bool_or), ("__rxor__", bool_xor)]);
    let float = vm.types.float.clone();
    register_common_dunders(vm, &float, true);
    add_methods(vm, &float, &[
        ("__new__", float_new),
        ("__neg__", native_neg),
        ("__pos__", native_pos),
        ("__abs__", native_abs),
        ("__bool__", native_bool),
        ("__int__", float_int),
        ("__trunc__", float_int),
        ("__float__", float_float),
        ("__floor__", float_floor),
        ("__ceil__", float_ceil),
        ("__round__", float_round),
        ("is_integer", float_is_integer),
        ("as_integer_ratio", float_as_integer_ratio),
        ("hex", float_hex),
        ("fromhex", float_fromhex),
        ("conjugate", float_float),
    ]);
    let complex = vm.types.complex.clone();
    register_common_dunders(vm, &complex, true);
    add_methods(vm, &complex, &[("__new__", complex_new), ("conjugate", complex_conjugate), ("__neg__", native_neg), ("__pos__", native_pos), ("__abs__", native_abs), ("__bool__", native_bool)]);
}

impl Vm {
    /// Whether `bytes(v)`-style conversion could iterate `v` (it is iterable at all).
    fn is_iterable_for_bytes(&mut self, v: &Value) -> bool {
        match v.as_obj().map(|o| &o.kind) {
            Some(ObjKind::Instance(_)) => {
                let t = self.type_of(v);
                self.user_method(&t, "__iter__").is_some() || self.user_method(&t, "__getitem__").is_some() || !base_value(v).is(v)
            }
            Some(_) => self.get_iter(v).is_ok(),
            None => false,
        }
    }
}

/// `.real`, `.imag`, `.numerator`, `.denominator` of numbers.
pub fn number_attr(vm: &mut Vm, obj: &Value, n: &str) -> Option<Value> {
    let b = base_value(obj);
    let num = num_of(&b)?;
    let _ = vm;
    match (num, n) {
        (Num::Int(i), "real" | "numerator") => Some(vm::new_int(i)),
        (Num::Big(x), "real" | "numerator") => Some(vm::new_bigint(x.clone())),
        (Num::Int(_) | Num::Big(_), "imag") => Some(vm::new_int(0)),
        (Num::Int(_) | Num::Big(_), "denominator") => Some(vm::new_int(1)),
        (Num::Float(f), "real") => Some(Value::float(f)),
        (Num::Float(_), "imag") => Some(Value::float(0.0)),
        (Num::Complex(r, _), "real") => Some(Value::float(r)),
        (Num::Complex(_, i), "imag") => Some(Value::float(i)),
        _ => None,
    }
}

impl Vm {
    /// `int(x)` conversion of any object.
    pub fn to_int(&mut self, x: &Value) -> PyResult<Value> {
        let x = &base_value(x);
        match num_of(x) {
            Some(Num::Int(i)) => return Ok(vm::new_int(i)),
            Some(Num::Big(b)) => return Ok(vm::new_bigint(b.clone())),
            Some(Num::Float(f)) => {
                return match crate::format::int::float_to_int(f) {
                    Ok(b) => Ok(vm::new_bigint(b)),
                    Err(e) => Err(self.fmt_error(e)),
                }
            }
            Some(Num::Complex(..)) => {
                return Err(self.type_error("int() argument must be a string, a bytes-like object or a real number, not 'complex'".to_string()));
            }
            None => {}
        }
        if let Some(s) = vm::str_of(x) {
            return self.parse_int_str(s, 10, x);
        }
        if let Some(b) = crate::vm::ops::bytes_like(x) {
            let s = String::from_utf8_lossy(&b).to_string();
            return self.parse_int_str(&s, 10, x);
        }
        let t = self.type_of(x);
        for m in ["__int__", "__index__", "__trunc__"] {
            if let Some(f) = self.user_method(&t, m) {
                let r = self.call(&f, &[x.clone()], &[])?;
                if num_of(&r).is_none() && m != "__trunc__" {
                    let tn = self.type_name(&r);
                    return Err(self.type_error(format!("{m} returned non-int (type {tn})")));
                }
                return self.to_int(&r);
            }
        }
        let tn = self.type_name(x);
        Err(self.type_error(format!("int() argument must be a string, a bytes-like object or a real number, not '{tn}'")))
    }

    fn parse_int_str(&mut self, s: &str, base: u32, orig: &Value) -> PyResult<Value> {
        if base == 10 {
            if let Some(v) = plain_decimal(s) {
                return Ok(vm::new_int(v));
            }
        }
        match crate::format::parse::parse_int_checked(s, base, super::sysmod::int_max_str_digits()) {
            Ok(b) => Ok(vm::new_bigint(b)),
            Err(crate::format::parse::IntParseError::TooManyDigits { limit, digits }) => Err(self.value_error(format!("Exceeds the limit ({limit} digits) for integer string conversion: value has {digits} digits; use sys.set_int_max_str_digits() to increase the limit"))),
            Err(crate::format::parse::IntParseError::BadBase) => Err(self.value_error("int() base must be >= 2 and <= 36, or 0".to_string())),
            Err(_) => {
                let r = self.repr(orig)?;
                Err(self.value_error(format!("invalid literal for int() with base {base}: {r}")))
            }
        }
    }

    /// `float(x)`.
    pub fn to_float(&mut self, x: &Value) -> PyResult<f64> {
        let x = &base_value(x);
        match num_of(x) {
            Some(Num::Float(f)) => return Ok(f),
            Some(Num::Int(i)) => return Ok(i as f64),
            Some(Num::Big(b)) => {
                return match crate::format::int::int_to_f64(b) {
                    Ok(f) => Ok(f),
                    Err(e) => Err(self.fmt_error(e)),
                }
            }
            Some(Num::Complex(..)) => return Err(self.type_error("float() argument must be a string or a real number, not 'complex'".to_string())),
            None => {}
        }
        if let Some(s) = vm::str_of(x) {
            return match crate::format::parse::parse_float(s) {
                Some(f) => Ok(f),
                None => {
                    let r = self.repr(x)?;
                    Err(self.value_error(format!("could not convert string to float: {r}")))
                }
            };
        }
        let t = self.type_of(x);
        for m in ["__float__", "__index__"] {
            if let Some(f) = self.user_method(&t, m) {
                let r = self.call(&f, &[x.clone()], &[])?;
                return self.to_float(&r);
            }
        }
        let tn = self.type_name(x);
        Err(self.type_error(format!("must be real number, not {tn}")))
    }
}

fn int_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let cls = args[0].clone();
    let x = arg(&args[1..], kw, 0, "x");
    let base = arg(&args[1..], kw, 1, "base");
    let v = match (x, base) {
        (None, None) => vm::new_int(0),
        (None, Some(_)) => return Err(vm.type_error("int() missing string argument".to_string())),
        (Some(x), None) => vm.to_int(&x)?,
        (Some(x), Some(b)) => {
            let base = vm.index_value(&b)?;
            if base != 0 && !(2..=36).contains(&base) {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0".to_string()));
            }
            let xs = base_value(&x);
            let s = match vm::str_of(&xs) {
                Some(s) => s.to_string(),
                None => match crate::vm::ops::bytes_like(&xs) {
                    Some(b) => String::from_utf8_lossy(&b).to_string(),
                    None => return Err(vm.type_error("int() can't convert non-string with explicit base".to_string())),
                },
            };
            vm.parse_int_str(&s, base as u32, &xs)?
        }
    };
    let int = vm.types.int.clone();
    vm.wrap_subclass(&cls, v, &int)
}

fn bool_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("bool", &args[1..], 0, 1)?;
    match args.get(1) {
        Some(x) => vm.truthy(x).map(Value::bool),
        None => Ok(Value::FALSE),
    }
}

fn bool_repr(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(vm::new_str(if args[0].is(&Value::TRUE) { "True" } else { "False" }))
}

fn bool_bitop(vm: &mut Vm, args: &[Value], op: BinOp) -> PyResult<Value> {
    vm.check_arity("bool op", args, 2, 2)?;
    if args[0].is_bool() && args[1].is_bool() {
        let (a, b) = (args[0].is(&Value::TRUE), args[1].is(&Value::TRUE));
        return Ok(Value::bool(match op {
            BinOp::And => a & b,
            BinOp::Or => a | b,
            _ => a ^ b,
        }));
    }
    native_binop_or_ni(vm, op, &args[0], &args[1])
}
fn bool_and(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    bool_bitop(vm, args, BinOp::And)
}
fn bool_or(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    bool_bitop(vm, args, BinOp::Or)
}
fn bool_xor(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    bool_bitop(vm, args, BinOp::Xor)
}

fn self_bigint(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    let b = base_value(v);
    match crate::vm::num::to_bigint(&b) {
        Some(x) => Ok(x),
        None => Err(vm.type_error("descriptor requires an 'int' object".to_string())),
    }
}

fn int_int(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let b = self_bigint(vm, &args[0])?;
    Ok(vm::new_bigint(b))
}

fn int_float(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let f = vm.to_float(&args[0])?;
    Ok(Value::float(f))
}

fn int_round(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let b = self_bigint(vm, &args[0])?;
    match args.get(1).filter(|v| !v.is_none()) {
        None => Ok(vm::new_bigint(b)),
        Some(n) => {
            let n = vm.index_value(n)?;
            Ok(vm::new_bigint(crate::format::round::round_int(&b, n)))
        }
    }
}

fn int_bit_length(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let b = self_bigint(vm, &args[0])?;
    Ok(vm::new_int(b.bits() as i64))
}

fn int_bit_count(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let b = self_bigint(vm, &args[0])?;
    let (_, digits) = b.to_u32_digits();
    Ok(vm::new_int(digits.iter().map(|d| d.count_ones() as i64).sum()))
}

fn int_as_integer_ratio(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let b = self_bigint(vm, &args[0])?;
    Ok(vm::new_tuple(vec![vm::new_bigint(b), vm::new_int(1)]))
}

fn int_getnewargs(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let b = self_bigint(vm, &args[0])?;
    Ok(vm::new_tuple(vec![vm::new_bigint(b)]))
}

fn int_to_bytes(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let b = self_bigint(vm, &args[0])?;
    let length = match arg(&args[1..], kw, 0, "length") {
        Some(l) => vm.index_value(&l)?,
        None => 1,
    };
    let order = arg(&args[1..], kw, 1, "byteorder").and_then(|o| vm::str_of(&o).map(|s| s.to_string())).unwrap_or_else(|| "big".to_string());
    let signed = match super::kwarg(kw, "signed") {
        Some(s) => vm.truthy(&s)?,
        None => false,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative".to_string()));
    }
    if b.is_negative() && !signed {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed { b.to_signed_bytes_le() } else { b.to_bytes_le().1 };
    if b.is_zero() {
        bytes = vec![];
    }
    if bytes.len() > length as usize {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let pad = if b.is_negative() { 0xff } else { 0 };
    bytes.resize(length as usize, pad);
    match order.as_str() {
        "big" => bytes.reverse(),
        "little" => {}
        _ => return Err(vm.value_error("byteorder must be either 'little' or 'big'".to_string())),
    }
    Ok(vm::new_bytes(bytes))
}

fn int_from_bytes(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let cls = args[0].clone();
    let Some(data) = arg(&args[1..], kw, 0, "bytes") else {
        return Err(vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)".to_string()));
    };
    let mut bytes = match crate::vm::ops::bytes_like(&data) {
        Some(b) => b,
        None if vm::str_of(&base_value(&data)).is_some() || !vm.is_iterable_for_bytes(&data) => {
            let tn = vm.type_name(&data);
            return Err(vm.type_error(format!("cannot convert '{tn}' object to bytes")));
        }
        None => {
            let items = vm.collect(&data)?;
            let mut out = Vec::new();
            for i in items {
                out.push(vm.index_value(&i)? as u8);
            }
            out
        }
    };
    let order = arg(&args[1..], kw, 1, "byteorder").and_then(|o| vm::str_of(&o).map(|s| s.to_string())).unwrap_or_else(|| "big".to_string());
    let signed = match super::kwarg(kw, "signed") {
        Some(s) => vm.truthy(&s)?,
        None => false,
    };
    if order == "big" {
        bytes.reverse();
    } else if order != "little" {
        return Err(vm.value_error("byteorder must be either 'little' or 'big'".to_string()));
    }
    let v = if signed { BigInt::from_signed_bytes_le(&bytes) } else { BigInt::from_bytes_le(Sign::Plus, &bytes) };
    let int = vm.types.int.clone();
    vm.wrap_subclass(&cls, vm::new_bigint(v), &int)
}

fn float_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let cls = args[0].clone();
    vm.check_arity("float", &args[1..], 0, 1)?;
    let v = match args.get(1) {
        None => Value::float(0.0),
        Some(x) => {
            let b = base_value(x);
            if num_of(&b).is_none() && vm::str_of(&b).is_none() {
                if let Some(bytes) = crate::vm::ops::bytes_like(&b) {
                    let s = String::from_utf8_lossy(&bytes).to_string();
                    return match crate::format::parse::parse_float(&s) {
                        Some(f) => {
                            let float = vm.types.float.clone();
                            vm.wrap_subclass(&cls, Value::float(f), &float)
                        }
                        None => {
                            let r = vm.repr(x)?;
                            Err(vm.value_error(format!("could not convert string to float: {r}")))
                        }
                    };
                }
                let t = vm.type_of(&b);
                if vm.user_method(&t, "__float__").is_none() && vm.user_method(&t, "__index__").is_none() {
                    let tn = vm.type_name(x);
                    return Err(vm.type_error(format!("float() argument must be a string or a real number, not '{tn}'")));
                }
            }
            Value::float(vm.to_float(x)?)
        }
    };
    let float = vm.types.float.clone();
    vm.wrap_subclass(&cls, v, &float)
}

fn self_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match base_value(v).view() {
        V::Float(f) => Ok(f),
        _ => Err(vm.type_error("descriptor requires a 'float' object".to_string())),
    }
}

fn float_int(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let f = self_f64(vm, &args[0])?;
    match crate::format::int::float_to_int(f) {
        Ok(b) => Ok(vm::new_bigint(b)),
        Err(e) => Err(vm.fmt_error(e)),
    }
}

fn float_float(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::float(self_f64(vm, &args[0])?))
}

fn float_floor(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let f = self_f64(vm, &args[0])?;
    match crate::format::int::float_to_int(f.floor()) {
        Ok(b) => Ok(vm::new_bigint(b)),
        Err(e) => Err(vm.fmt_error(e)),
    }
}

fn float_ceil(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let f = self_f64(vm, &args[0])?;
    match crate::format::int::float_to_int(f.ceil()) {
        Ok(b) => Ok(vm::new_bigint(b)),
        Err(e) => Err(vm.fmt_error(e)),
    }
}

fn float_round(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let f = vm.builtin_value("round")?;
    let mut a = vec![base_value(&args[0])];
    a.extend_from_slice(&args[1..]);
    vm.call(&f, &a, &[])
}

fn float_is_integer(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let f = self_f64(vm, &args[0])?;
    Ok(Value::bool(f.is_finite() && f.fract() == 0.0))
}

fn float_as_integer_ratio(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let f = self_f64(vm, &args[0])?;
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio".to_string()));
    }
    let (m, e) = crate::prims::mathfn::frexp(f);
    let mut mant = m;
    let mut exp = e as i64;
    for _ in 0..300 {
        if mant == mant.floor() {
            break;
        }
        mant *= 2.0;
        exp -= 1;
    }
    let mut num = crate::vm::ops::float_to_bigint(mant);
    let mut den = BigInt::one();
    if exp > 0 {
        num <<= exp as u64;
    } else {
        den <<= (-exp) as u64;
    }
    Ok(vm::new_tuple(vec![vm::new_bigint(num), vm::new_bigint(den)]))
}

fn float_hex(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let f = self_f64(vm, &args[0])?;
    Ok(vm::new_string(crate::format::hex::float_hex(f)))
}

fn float_fromhex(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("fromhex", args, 2, 2)?;
    let s = vm::str_of(&args[1]).unwrap_or("").to_string();
    match crate::format::hex::float_fromhex(&s) {
        Ok(f) => {
            let float = vm.types.float.clone();
            let cls = args[0].clone();
            if cls.is(&float) {
                Ok(Value::float(f))
            } else {
                vm.call(&cls, &[Value::float(f)], &[])
            }
        }
        Err(e) => Err(vm.fmt_error(e)),
    }
}

fn complex_new(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let real = arg(&args[1..], kw, 0, "real");
    let imag = arg(&args[1..], kw, 1, "imag");
    let to_c = |vm: &mut Vm, v: &Value| -> PyResult<(f64, f64)> {
        match num_of(v) {
            Some(Num::Complex(r, i)) => Ok((r, i)),
            Some(_) => Ok((vm.to_float(v)?, 0.0)),
            None => {
                if let Some(s) = vm::str_of(v) {
                    return parse_complex(s).ok_or_else(|| vm.value_error("complex() arg is a malformed string".to_string()));
                }
                let t = vm.type_of(v);
                if let Some(m) = vm.user_method(&t, "__complex__") {
                    let r = vm.call(&m, &[v.clone()], &[])?;
                    if let Some(Num::Complex(a, b)) = num_of(&r) {
                        return Ok((a, b));
                    }
                }
                Ok((vm.to_float(v)?, 0.0))
            }
        }
    };
    if let (Some(re), Some(_)) = (&real, &imag) {
        if vm::str_of(&base_value(re)).is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string".to_string()));
        }
    }
    if let Some(im) = &imag {
        if vm::str_of(&base_value(im)).is_some() {
            return Err(vm.type_error("complex() second arg can't be a string".to_string()));
        }
    }
    let is_complex = |v: &Value| matches!(num_of(&base_value(v)), Some(Num::Complex(..)));
    let cr_is_complex = real.as_ref().map(is_complex).unwrap_or(false);
    let (mut cr_re, cr_im) = match &real {
        Some(v) => to_c(vm, v)?,
        None => (0.0, 0.0),
    };
    // CPython's complex_new: combine exactly as (real + imag*1j) without touching zero signs.
    let mut ci_re = match &imag {
        None => cr_im,
        Some(im) => {
            let (a, b) = to_c(vm, im)?;
            if is_complex(im) {
                cr_re -= b;
            }
            a
        }
    };
    if cr_is_complex && imag.is_some() {
        ci_re += cr_im;
    }
    Ok(vm::new_complex(cr_re, ci_re))
}

fn parse_complex(s: &str) -> Option<(f64, f64)> {
    let s = s.trim();
    let s = s.strip_prefix('(').and_then(|x| x.strip_suffix(')')).unwrap_or(s).trim();
    if let Some(body) = s.strip_suffix(['j', 'J']) {
        // Find the split between real and imaginary parts.
        let bytes = body.as_bytes();
        let mut split = None;
        for i in (1..bytes.len()).rev() {
            if (bytes[i] == b'+' || bytes[i] == b'-') && !matches!(bytes[i - 1], b'e' | b'E') {
                split = Some(i);
                break;
            }
        }
        let (re, im) = match split {
            Some(i) => (crate::format::parse::parse_float(&body[..i])?, &body[i..]),
            None => (0.0, body),
        };
        let im = match im {
            "" | "+" => 1.0,
            "-" => -1.0,
            x => crate::format::parse::parse_float(x)?,
        };
        return Some((re, im));
    }
    crate::format::parse::parse_float(s).map(|f| (f, 0.0))
}

fn complex_conjugate(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    match num_of(&base_value(&args[0])) {
        Some(Num::Complex(r, i)) => Ok(vm::new_complex(r, -i)),
        _ => Err(vm.type_error("descriptor 'conjugate' requires a 'complex' object".to_string())),
    }
}

#[allow(dead_code)]
fn _unused(b: &BigInt) -> Option<i64> {
    b.to_i64()
}

/// A sign and at most 18 ASCII digits, nothing else (no spaces or underscores): the common
/// `int(s)`, which fits an `i64` and needs none of the general parser's rules.
fn plain_decimal(s: &str) -> Option<i64> {
    let b = s.as_bytes();
    let (neg, digits) = match b.first()? {
        b'-' => (true, &b[1..]),
        b'+' => (false, &b[1..]),
        _ => (false, b),
    };
    if digits.is_empty() || digits.len() > 18 {
        return None;
    }
    let mut v: i64 = 0;
    for &c in digits {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + (c - b'0') as i64;
    }
    Some(if neg { -v } else { v })
}
