//! Built-in functions (`print`, `len`, `sorted`, `min`, `isinstance`, `exec`, ...).

use super::{add_builtin, arg, kwarg};
use crate::bytecode::opcodes::{BinOp, CmpOp};
use crate::dict::Dict;
use crate::object::*;
use crate::value::{Value, V};
use crate::vm::num::{num_of, Num};
use crate::vm::types::type_obj;
use crate::vm::{self, Vm};
use crate::{PyErr, PyResult};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

pub fn register(vm: &mut Vm) {
    let fns: &[(&'static str, NativeFn)] = &[
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("abs", abs),
        ("all", all),
        ("any", any),
        ("bin", bin),
        ("oct", oct),
        ("hex", hex),
        ("callable", callable),
        ("chr", chr),
        ("ord", ord),
        ("divmod", divmod),
        ("pow", pow),
        ("round", round),
        ("sum", sum),
        ("min", min),
        ("max", max),
        ("sorted", sorted),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("hasattr", hasattr),
        ("getattr", getattr),
        ("setattr", setattr),
        ("delattr", delattr),
        ("id", id),
        ("hash", hash),
        ("iter", iter),
        ("next", next),
        ("format", format),
        ("globals", globals),
        ("locals", locals),
        ("vars", vars),
        ("dir", dir),
        ("exec", exec),
        ("eval", eval),
        ("compile", compile),
        ("__import__", import),
        ("__build_class__", build_class),
        ("input", input),
        ("open", open),
    ];
    for (n, f) in fns {
        add_builtin(vm, n, *f);
    }
    vm.register_kernel(len, crate::vm::kernels::Kernel::Len);
    vm.register_kernel(abs, crate::vm::kernels::Kernel::Abs);
    vm.register_kernel(sum, crate::vm::kernels::Kernel::Sum);
}

fn print(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut file = Value::NONE;
    let mut flush = false;
    for (k, v) in kw {
        match vm::str_of(k).unwrap_or("") {
            "sep" => {
                if !v.is_none() {
                    match vm::str_of(v) {
                        Some(s) => sep = s.to_string(),
                        None => {
                            let tn = vm.type_name(v);
                            return Err(vm.type_error(format!("sep must be None or a string, not {tn}")));
                        }
                    }
                }
            }
            "end" => {
                if !v.is_none() {
                    match vm::str_of(v) {
                        Some(s) => end = s.to_string(),
                        None => {
                            let tn = vm.type_name(v);
                            return Err(vm.type_error(format!("end must be None or a string, not {tn}")));
                        }
                    }
                }
            }
            "file" => file = v.clone(),
            "flush" => flush = vm.truthy(v)?,
            other => return Err(vm.type_error(format!("'{other}' is an invalid keyword argument for print()"))),
        }
    }
    let custom = !file.is_none() && sysmod::native_stream_fd(&file).is_none();
    if custom {
        // A Python-level file: one write() per piece, as CPython does.
        let w = vm.getattr_str(&file, "write")?;
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                vm.call(&w, &[vm::new_str(&sep)], &[])?;
            }
            let s = vm.str_value(a)?;
            vm.call(&w, &[s], &[])?;
        }
        vm.call(&w, &[vm::new_str(&end)], &[])?;
        if flush {
            let f = vm.getattr_str(&file, "flush")?;
            vm.call(&f, &[], &[])?;
        }
        return Ok(Value::NONE);
    }
    let mut out = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match a.view() {
            V::Int(n) => {
                out.push_str(itoa_fmt(n).as_str());
            }
            _ => {
                let s = vm.to_str(a)?;
                out.push_str(&s);
            }
        }
    }
    out.push_str(&end);
    vm.write_to_file(&file, &out, flush)?;
    Ok(Value::NONE)
}

fn itoa_fmt(n: i64) -> String {
    n.to_string()
}

impl Vm {
    /// Writes text to a file object (None means sys.stdout).
    pub fn write_to_file(&mut self, file: &Value, s: &str, flush: bool) -> PyResult<()> {
        let target = if file.is_none() {
            let sys = self.sys.clone();
            match self.getattr_str(&sys, "stdout") {
                Ok(v) => v,
                Err(_) => return Err(self.new_error("RuntimeError", "lost sys.stdout".to_string())),
            }
        } else {
            file.clone()
        };
        if let Some(fd) = sysmod::native_stream_fd(&target) {
            let stream = if fd == 2 { &self.stderr } else { &self.stdout };
            let mut st = stream.borrow_mut();
            let _ = st.write_str(s);
            if flush {
                let _ = st.flush();
            }
            return Ok(());
        }
        if target.is_none() {
            return Ok(());
        }
        let w = self.getattr_str(&target, "write")?;
        self.call(&w, &[vm::new_str(s)], &[])?;
        if flush {
            let f = self.getattr_str(&target, "flush")?;
            self.call(&f, &[], &[])?;
        }
        Ok(())
    }
}

use super::sysmod;

fn len(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("len", args, 1, 1)?;
    let n = vm.len(&args[0])?;
    Ok(vm::new_int(n as i64))
}

fn repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("repr", args, 1, 1)?;
    vm.repr_value(&args[0])
}

fn ascii(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("ascii", args, 1, 1)?;
    let r = vm.repr(&args[0])?;
    Ok(vm::new_string(to_ascii_escaped(&r)))
}

pub fn to_ascii_escaped(r: &str) -> String {
    let mut out = String::new();
    for c in r.chars() {
        let u = c as u32;
        if u < 128 {
            out.push(c);
        } else if u < 0x100 {
            out.push_str(&format!("\\x{u:02x}"));
        } else if u < 0x10000 {
            out.push_str(&format!("\\u{u:04x}"));
        } else {
            out.push_str(&format!("\\U{u:08x}"));
        }
    }
    out
}

fn abs(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("abs", args, 1, 1)?;
    let a = &args[0];
    match num_of(a) {
        Some(Num::Int(i)) => Ok(match i.checked_abs() {
            Some(x) => vm::new_int(x),
            None => vm::new_bigint(BigInt::from(i).abs()),
        }),
        Some(Num::Big(b)) => Ok(vm::new_bigint(b.abs())),
        Some(Num::Float(f)) => Ok(Value::float(f.abs())),
        Some(Num::Complex(r, i)) => {
            let h = r.hypot(i);
            if h.is_infinite() && r.is_finite() && i.is_finite() {
                return Err(vm.overflow_error("absolute value too large"));
            }
            Ok(Value::float(h))
        }
        None => {
            let t = vm.type_of(a);
            if let Some(m) = vm.user_method(&t, "__abs__") {
                return vm.call(&m, &[a.clone()], &[]);
            }
            let b = crate::vm::ops::base_value(a);
            if !b.is(a) {
                return abs(vm, &[b], &[]);
            }
            let tn = vm.type_name(a);
            Err(vm.type_error(format!("bad operand type for abs(): '{tn}'")))
        }
    }
}

fn all(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("all", args, 1, 1)?;
    let it = vm.get_iter(&args[0])?;
    while let Some(x) = vm.iter_next(&it)? {
        if !vm.truthy(&x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn any(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("any", args, 1, 1)?;
    let it = vm.get_iter(&args[0])?;
    while let Some(x) = vm.iter_next(&it)? {
        if vm.truthy(&x)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn int_radix(vm: &mut Vm, args: &[Value], name: &str, f: fn(&BigInt) -> String) -> PyResult<Value> {
    vm.check_arity(name, args, 1, 1)?;
    let b = vm.index_bigint(&args[0])?;
    Ok(vm::new_string(f(&b)))
}

fn bin(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    int_radix(vm, args, "bin", crate::format::int::int_bin)
}
fn oct(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    int_radix(vm, args, "oct", crate::format::int::int_oct)
}
fn hex(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    int_radix(vm, args, "hex", crate::format::int::int_hex)
}

fn callable(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("callable", args, 1, 1)?;
    Ok(Value::bool(vm.is_callable(&args[0])))
}

impl Vm {
    pub fn is_callable(&mut self, v: &Value) -> bool {
        match v.as_obj().map(|o| &o.kind) {
            Some(ObjKind::Function(_) | ObjKind::Builtin(_) | ObjKind::BoundMethod(..) | ObjKind::Type(_)) => true,
            Some(ObjKind::Instance(_)) => {
                let t = self.type_of(v);
                let n = self.names.__call__.clone();
                self.lookup_type(&t, &n).is_some()
            }
            _ => false,
        }
    }
}

fn chr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("chr", args, 1, 1)?;
    let i = match vm.index_value(&args[0]) {
        Ok(i) => i,
        Err(e) if vm.is_instance_of_exc(&e, "OverflowError") => return Err(vm.overflow_error("Python int too large to convert to C int")),
        Err(e) => return Err(e),
    };
    if !(0..=0x10FFFF).contains(&i) {
        return Err(vm.value_error("chr() arg not in range(0x110000)".to_string()));
    }
    match char::from_u32(i as u32) {
        Some(c) => Ok(vm::char_str(c)),
        None => Ok(vm::new_string('\u{FFFD}'.to_string())),
    }
}

fn ord(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("ord", args, 1, 1)?;
    let a = crate::vm::ops::base_value(&args[0]);
    if let Some(s) = vm::pystr_of(&a) {
        if s.nchars != 1 {
            return Err(vm.type_error(format!("ord() expected a character, but string of length {} found", s.nchars)));
        }
        return Ok(vm::new_int(s.s.chars().next().map(|c| c as i64).unwrap_or(0)));
    }
    if let Some(b) = crate::vm::ops::bytes_like(&a) {
        if b.len() != 1 {
            return Err(vm.type_error(format!("ord() expected a character, but string of length {} found", b.len())));
        }
        return Ok(vm::new_int(b[0] as i64));
    }
    let tn = vm.type_name(&a);
    Err(vm.type_error(format!("ord() expected string of length 1, but {tn} found")))
}

fn divmod(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("divmod", args, 2, 2)?;
    vm.divmod(&args[0], &args[1])
}

impl Vm {
    pub fn divmod(&mut self, a: &Value, b: &Value) -> PyResult<Value> {
        let both_num = num_of(a).is_some() && num_of(b).is_some();
        if both_num {
            if let (Some(Num::Complex(..)), _) | (_, Some(Num::Complex(..))) = (num_of(a), num_of(b)) {
                return Err(self.type_error("unsupported operand type(s) for divmod(): 'complex' and 'complex'".to_string()));
            }
            let q = self.binary_op(BinOp::FloorDiv, a, b);
            let q = match q {
                Ok(q) => q,
                Err(e) => {
                    if self.is_instance_of_exc(&e, "ZeroDivisionError") {
                        let is_float = a.is_float() || b.is_float();
                        return Err(self.zero_division(if is_float { "float divmod()" } else { "integer division or modulo by zero" }));
                    }
                    return Err(e);
                }
            };
            let r = self.binary_op(BinOp::Mod, a, b)?;
            return Ok(vm::new_tuple(vec![q, r]));
        }
        let (ta, tb) = (self.type_of(a), self.type_of(b));
        if let Some(m) = self.user_method(&ta, "__divmod__") {
            let r = self.call(&m, &[a.clone(), b.clone()], &[])?;
            if !vm::is_not_implemented(&r) {
                return Ok(r);
            }
        }
        if let Some(m) = self.user_method(&tb, "__rdivmod__") {
            let r = self.call(&m, &[b.clone(), a.clone()], &[])?;
            if !vm::is_not_implemented(&r) {
                return Ok(r);
            }
        }
        let (na, nb) = (self.type_name(a), self.type_name(b));
        Err(self.type_error(format!("unsupported operand type(s) for divmod(): '{na}' and '{nb}'")))
    }
}

fn pow(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let base = arg(args, kw, 0, "base");
    let exp = arg(args, kw, 1, "exp");
    let modulo = arg(args, kw, 2, "mod").filter(|m| !m.is_none());
    let (Some(base), Some(exp)) = (base, exp) else {
        return Err(vm.type_error(format!("pow() missing required argument 'exp' (pos 2)")));
    };
    match modulo {
        None => vm.binary_op(BinOp::Pow, &base, &exp),
        Some(m) => {
            let is_int = |v: &Value| matches!(num_of(v), Some(Num::Int(_)) | Some(Num::Big(_)));
            if crate::vm::ops::is_instance_obj(&base) {
                let t = vm.type_of(&base);
                if let Some(f) = vm.user_method(&t, "__pow__") {
                    let r = vm.call(&f, &[base.clone(), exp.clone(), m.clone()], &[])?;
                    if !vm::is_not_implemented(&r) {
                        return Ok(r);
                    }
                }
            }
            if !(is_int(&base) && is_int(&exp) && is_int(&m)) {
                return Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers".to_string()));
            }
            let (b, e, md) = (vm.index_bigint(&base)?, vm.index_bigint(&exp)?, vm.index_bigint(&m)?);
            if md.is_zero() {
                return Err(vm.value_error("pow() 3rd argument cannot be 0".to_string()));
            }
            let mabs = md.abs();
            let mut b = b.mod_floor(&mabs);
            let mut e = e;
            if e.is_negative() {
                // Modular inverse.
                let g = b.extended_gcd(&mabs);
                if !g.gcd.is_one() {
                    return Err(vm.value_error("base is not invertible for the given modulus".to_string()));
                }
                b = g.x.mod_floor(&mabs);
                e = -e;
            }
            let mut r = b.modpow(&e, &mabs);
            if md.is_negative() && !r.is_zero() {
                r += &md;
            }
            Ok(vm::new_bigint(r))
        }
    }
}

fn round(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let Some(x) = arg(args, kw, 0, "number") else {
        return Err(vm.type_error("round() missing required argument 'number' (pos 1)".to_string()));
    };
    let nd = arg(args, kw, 1, "ndigits").filter(|v| !v.is_none());
    match num_of(&x) {
        Some(Num::Float(f)) => match nd {
            None => match crate::format::round::round_float_to_int(f) {
                Ok(b) => Ok(vm::new_bigint(b)),
                Err(e) => Err(vm.fmt_error(e)),
            },
            Some(n) => {
                let n = vm.index_value(&n)?;
                match crate::format::round::round_float(f, n) {
                    Ok(r) => Ok(Value::float(r)),
                    Err(e) => Err(vm.fmt_error(e)),
                }
            }
        },
        Some(Num::Int(_) | Num::Big(_)) => match nd {
            None => Ok(vm::new_bigint(crate::vm::num::to_bigint(&x).unwrap_or_default())),
            Some(n) => {
                let n = vm.index_value(&n)?;
                let b = crate::vm::num::to_bigint(&x).unwrap_or_default();
                Ok(vm::new_bigint(crate::format::round::round_int(&b, n)))
            }
        },
        _ => {
            let t = vm.type_of(&x);
            if let Some(m) = vm.lookup_type_str(&t, "__round__") {
                if !matches!(m.as_obj().map(|o| &o.kind), Some(ObjKind::Builtin(_))) {
                    let mut a = vec![x.clone()];
                    if let Some(n) = nd {
                        a.push(n);
                    }
                    return vm.call(&m, &a, &[]);
                }
            }
            let tn = vm.type_name(&x);
            Err(vm.type_error(format!("type {tn} doesn't define __round__ method")))
        }
    }
}

impl Vm {
    pub fn fmt_error(&mut self, e: crate::format::error::FmtError) -> PyErr {
        use crate::format::error::FmtError;
        match e {
            FmtError::Value(m) => self.value_error(m),
            FmtError::Type(m) => self.type_error(m),
            FmtError::Overflow(m) => self.new_error("OverflowError", m),
        }
    }
}

fn sum(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    if args.is_empty() {
        return Err(vm.type_error("sum() takes at least 1 positional argument (0 given)".to_string()));
    }
    let mut acc = arg(args, kw, 1, "start").unwrap_or(Value::small_int(0).expect("0 fits"));
    if vm::str_of(&acc).is_some() {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]".to_string()));
    }
    if let Some(Obj { kind: ObjKind::Bytes(_) }) = acc.as_obj() {
        return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]".to_string()));
    }
    // Fast paths over lists of floats/ints.
    if let Some(Obj { kind: ObjKind::List(l) }) = args[0].as_obj() {
        let items = l.borrow();
        if acc.is_small_int() || acc.is_float() {
            let mut all_float = acc.is_float() || acc.as_small_int() == Some(0);
            if all_float {
                let mut fsum = acc.as_f64().unwrap_or(0.0);
                let mut saw_float = acc.is_float();
                for x in items.iter() {
                    if let Some(f) = x.as_f64() {
                        fsum += f;
                        saw_float = true;
                    } else {
                        all_float = false;
                        break;
                    }
                }
                if all_float && saw_float {
                    return Ok(Value::float(fsum));
                }
            }
        }
    }
    let it = vm.get_iter(&args[0])?;
    while let Some(x) = vm.iter_next(&it)? {
        acc = vm.binary_op(BinOp::Add, &acc, &x)?;
    }
    Ok(acc)
}

fn min_max(vm: &mut Vm, args: &[Value], kw: &KwArgs, name: &str, op: CmpOp) -> PyResult<Value> {
    let key = kwarg(kw, "key").filter(|k| !k.is_none());
    let default = kwarg(kw, "default");
    for (k, _) in kw {
        let ks = vm::str_of(k).unwrap_or("");
        if ks != "key" && ks != "default" {
            return Err(vm.type_error(format!("'{ks}' is an invalid keyword argument for {name}()")));
        }
    }
    let items: Vec<Value> = if args.len() == 1 {
        vm.collect(&args[0])?
    } else if args.is_empty() {
        return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0")));
    } else {
        if default.is_some() {
            return Err(vm.type_error(format!("Cannot specify a default for {name}() with multiple positional arguments")));
        }
        args.to_vec()
    };
    let mut best: Option<(Value, Value)> = None;
    for it in items {
        let k = match &key {
            Some(f) => vm.call(f, &[it.clone()], &[])?,
            None => it.clone(),
        };
        match &best {
            None => best = Some((k, it)),
            Some((bk, _)) => {
                let r = vm.compare(op, &k, bk)?;
                if vm.truthy(&r)? {
                    best = Some((k, it));
                }
            }
        }
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
        },
    }
}

fn min(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    min_max(vm, args, kw, "min", CmpOp::Lt)
}
fn max(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    min_max(vm, args, kw, "max", CmpOp::Gt)
}

fn sorted(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", args.len())));
    }
    let mut items = vm.collect(&args[0])?;
    let key = kwarg(kw, "key").filter(|k| !k.is_none());
    let reverse = match kwarg(kw, "reverse") {
        Some(r) => vm.truthy(&r)?,
        None => false,
    };
    vm.sort_values(&mut items, key.as_ref(), reverse)?;
    Ok(vm::new_list(items))
}

fn isinstance(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("isinstance", args, 2, 2)?;
    vm.isinstance(&args[0], &args[1]).map(Value::bool)
}

fn issubclass(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("issubclass", args, 2, 2)?;
    vm.issubclass(&args[0], &args[1]).map(Value::bool)
}

fn attr_name(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<Value> {
    match vm::str_of(v) {
        Some(s) => Ok(vm.intern(s)),
        None => {
            let tn = vm.type_name(v);
            let _ = fname;
            Err(vm.type_error(format!("attribute name must be string, not '{tn}'")))
        }
    }
}

fn hasattr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("hasattr", args, 2, 2)?;
    let n = attr_name(vm, &args[1], "hasattr")?;
    Ok(Value::bool(vm.getattr_opt(&args[0], &n)?.is_some()))
}

fn getattr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if args.len() < 2 || args.len() > 3 {
        return Err(vm.type_error(format!("getattr expected at least 2 arguments, got {}", args.len())));
    }
    let n = attr_name(vm, &args[1], "getattr")?;
    if args.len() == 3 {
        return Ok(vm.getattr_opt(&args[0], &n)?.unwrap_or_else(|| args[2].clone()));
    }
    vm.getattr(&args[0], &n)
}

fn setattr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("setattr", args, 3, 3)?;
    let n = attr_name(vm, &args[1], "setattr")?;
    vm.setattr(&args[0], &n, args[2].clone())?;
    Ok(Value::NONE)
}

fn delattr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("delattr", args, 2, 2)?;
    let n = attr_name(vm, &args[1], "delattr")?;
    vm.delattr(&args[0], &n)?;
    Ok(Value::NONE)
}

fn id(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("id", args, 1, 1)?;
    Ok(vm::new_int((args[0].id() & 0x7fff_ffff_ffff) as i64))
}

fn hash(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("hash", args, 1, 1)?;
    let h = vm.hash(&args[0])?;
    Ok(vm::new_int(h))
}

fn iter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    match args.len() {
        1 => vm.get_iter(&args[0]),
        2 => {
            if !vm.is_callable(&args[0]) {
                return Err(vm.type_error("iter(v, w): v must be callable".to_string()));
            }
            Ok(vm::new_iter(Iter::CallIter { func: args[0].clone(), sentinel: args[1].clone() }))
        }
        n => Err(vm.type_error(format!("iter expected at most 2 arguments, got {n}"))),
    }
}

fn next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if args.is_empty() || args.len() > 2 {
        return Err(vm.type_error(format!("next expected at least 1 argument, got {}", args.len())));
    }
    let it = &args[0];
    let is_iter = match it.as_obj().map(|o| &o.kind) {
        Some(ObjKind::Iter(_) | ObjKind::Generator(_)) => true,
        Some(ObjKind::Instance(_)) => {
            let t = vm.type_of(it);
            let n = vm.names.__next__.clone();
            vm.lookup_type(&t, &n).is_some()
        }
        _ => false,
    };
    if !is_iter {
        let tn = vm.type_name(it);
        return Err(vm.type_error(format!("'{tn}' object is not an iterator")));
    }
    if let Some(Obj { kind: ObjKind::Instance(_) }) = it.as_obj() {
        let t = vm.type_of(it);
        let n = vm.names.__next__.clone();
        let m = vm.lookup_type(&t, &n).expect("checked above");
        return match vm.call(&m, &[it.clone()], &[]) {
            Err(e) if args.len() == 2 && vm.is_instance_of_exc(&e, "StopIteration") => Ok(args[1].clone()),
            other => other,
        };
    }
    if let Some(Obj { kind: ObjKind::Generator(_) }) = it.as_obj() {
        return match vm.gen_resume(it, Value::NONE, None)? {
            crate::vm::generator::GenResult::Yield(v) => Ok(v),
            crate::vm::generator::GenResult::Return(r) => {
                if args.len() == 2 {
                    Ok(args[1].clone())
                } else {
                    Err(vm.stop_iteration(r))
                }
            }
        };
    }
    match vm.iter_next(it)? {
        Some(v) => Ok(v),
        None => {
            if args.len() == 2 {
                Ok(args[1].clone())
            } else {
                Err(vm.stop_iteration(Value::NONE))
            }
        }
    }
}

fn format(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("format", args, 1, 2)?;
    let spec = args.get(1).cloned().unwrap_or_else(|| vm::new_str(""));
    vm.format(&args[0], &spec)
}

fn current_frame(vm: &Vm) -> Option<&crate::vm::frame::Frame> {
    // SAFETY: pointers on `vm.frames` refer to frames that are executing (they are pushed on
    // entry to `execute` and popped before it returns).
    vm.frames.last().map(|p| unsafe { &**p })
}

fn globals(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(current_frame(vm).map(|f| f.globals.clone()).unwrap_or(Value::NONE))
}

impl Vm {
    /// `locals()` of the innermost executing frame.
    pub fn current_locals(&mut self) -> Value {
        let Some(f) = current_frame(self) else { return Value::NONE };
        if !f.locals.is_null() {
            return f.locals.clone();
        }
        let code = f.code.clone();
        let fast = f.fast.clone();
        let cells = f.cells.clone();
        let mut d = Dict::new();
        for (i, n) in code.varnames.iter().enumerate() {
            if let Some(v) = fast.get(i) {
                if !v.is_null() {
                    let k = self.intern(n);
                    vm::dict_set_str(&mut d, k, v.clone());
                }
            }
        }
        for (i, c) in cells.iter().enumerate() {
            let v = crate::vm::eval::cell_get(c);
            if !v.is_null() {
                let k = self.intern(code.cell_name(i));
                vm::dict_set_str(&mut d, k, v);
            }
        }
        vm::new_dict(d)
    }
}

fn locals(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(vm.current_locals())
}

fn vars(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if args.is_empty() {
        return Ok(vm.current_locals());
    }
    let d = vm.names.__dict__.clone();
    match vm.getattr_opt(&args[0], &d)? {
        Some(v) => Ok(v),
        None => Err(vm.type_error("vars() argument must have __dict__ attribute".to_string())),
    }
}

fn dir(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let mut names: Vec<String> = Vec::new();
    if args.is_empty() {
        let l = vm.current_locals();
        if let Some(d) = vm::dict_of(&l) {
            names = d.borrow().keys().iter().filter_map(|k| vm::str_of(k).map(|s| s.to_string())).collect();
        }
    } else {
        let o = &args[0];
        let t = vm.type_of(o);
        if let Some(m) = vm.user_method(&t, "__dir__") {
            let r = vm.call(&m, &[o.clone()], &[])?;
            let mut items = vm.collect(&r)?;
            vm.sort_values(&mut items, None, false)?;
            return Ok(vm::new_list(items));
        }
        let mut seen = std::collections::BTreeSet::new();
        let mut add_dict = |d: &Dict| {
            for k in d.keys() {
                if let Some(s) = vm::str_of(&k) {
                    seen.insert(s.to_string());
                }
            }
        };
        match o.as_obj().map(|x| &x.kind) {
            Some(ObjKind::Module(m)) => {
                if let Some(d) = vm::dict_of(&m.dict) {
                    add_dict(&d.borrow());
                }
            }
            Some(ObjKind::Type(tt)) => {
                for c in tt.mro.borrow().iter() {
                    if let Some(ct) = type_obj(c) {
                        add_dict(&ct.dict.borrow());
                    }
                }
            }
            _ => {
                if let Some(Obj { kind: ObjKind::Instance(i) }) = o.as_obj() {
                    if let Some(d) = vm::dict_of(&i.dict) {
                        add_dict(&d.borrow());
                    }
                }
                if let Some(tt) = type_obj(&t) {
                    for c in tt.mro.borrow().iter() {
                        if let Some(ct) = type_obj(c) {
                            add_dict(&ct.dict.borrow());
                        }
                    }
                }
            }
        }
        names = seen.into_iter().collect();
    }
    names.sort();
    Ok(vm::new_list(names.iter().map(|n| vm::new_str(n)).collect()))
}

fn code_arg(vm: &mut Vm, src: &Value, mode: crate::compiler::Mode, filename: &str) -> PyResult<std::rc::Rc<crate::bytecode::Code>> {
    if let Some(Obj { kind: ObjKind::Code(c) }) = src.as_obj() {
        return Ok(c.clone());
    }
    let text = match vm::str_of(src) {
        Some(s) => s.to_string(),
        None => match crate::vm::ops::bytes_like(src) {
            Some(b) => String::from_utf8_lossy(&b).to_string(),
            None => return Err(vm.type_error("exec() arg 1 must be a string, bytes or code object".to_string())),
        },
    };
    vm.compile_source(&text, filename, mode)
}

fn exec_eval(vm: &mut Vm, args: &[Value], kw: &KwArgs, mode: crate::compiler::Mode, name: &str) -> PyResult<Value> {
    let Some(src) = arg(args, kw, 0, "source") else {
        return Err(vm.type_error(format!("{name}() missing required argument 'source' (pos 1)")));
    };
    let globals_arg = arg(args, kw, 1, "globals").filter(|v| !v.is_none());
    let locals_arg = arg(args, kw, 2, "locals").filter(|v| !v.is_none());
    let (globals, locals) = match (globals_arg, locals_arg) {
        (Some(g), l) => {
            if vm::dict_of(&g).is_none() {
                let tn = vm.type_name(&g);
                return Err(vm.type_error(format!("{name}() globals must be a dict, not {tn}")));
            }
            let l = l.unwrap_or_else(|| g.clone());
            (g, l)
        }
        (None, l) => {
            let g = current_frame(vm).map(|f| f.globals.clone()).unwrap_or(Value::NONE);
            let l = match l {
                Some(l) => l,
                None => vm.current_locals(),
            };
            (g, l)
        }
    };
    if let Some(gd) = vm::dict_of(&globals) {
        let bk = vm.names.__builtins__.clone();
        if vm::dict_get_str(&gd.borrow(), &bk).is_none() {
            let b = vm.builtins.clone();
            vm::dict_set_str(&mut gd.borrow_mut(), bk, b);
        }
    }
    let code = code_arg(vm, &src, mode, "<string>")?;
    let b = vm.builtins.clone();
    let frame = crate::vm::frame::Frame::new(code, globals, locals, b);
    vm.run_frame(frame)
}

fn exec(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    exec_eval(vm, args, kw, crate::compiler::Mode::Exec, "exec")?;
    Ok(Value::NONE)
}

fn eval(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    if let Some(s) = args.first().and_then(|a| vm::str_of(a).map(|s| s.trim_start_matches([' ', '\t']).to_string())) {
        let a2: Vec<Value> = std::iter::once(vm::new_string(s)).chain(args[1..].iter().cloned()).collect();
        return exec_eval(vm, &a2, kw, crate::compiler::Mode::Eval, "eval");
    }
    exec_eval(vm, args, kw, crate::compiler::Mode::Eval, "eval")
}

fn compile(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let src = arg(args, kw, 0, "source").unwrap_or(Value::NONE);
    let filename = arg(args, kw, 1, "filename").and_then(|f| vm::str_of(&f).map(|s| s.to_string())).unwrap_or_else(|| "<string>".into());
    let mode = arg(args, kw, 2, "mode").and_then(|f| vm::str_of(&f).map(|s| s.to_string())).unwrap_or_else(|| "exec".into());
    let m = match mode.as_str() {
        "exec" => crate::compiler::Mode::Exec,
        "eval" => crate::compiler::Mode::Eval,
        "single" => crate::compiler::Mode::Single,
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'".to_string())),
    };
    let c = code_arg(vm, &src, m, &filename)?;
    Ok(Value::new_obj(Obj { kind: ObjKind::Code(c) }))
}

fn import(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let Some(name) = arg(args, kw, 0, "name") else {
        return Err(vm.type_error("__import__() missing required argument 'name' (pos 1)".to_string()));
    };
    let fromlist = arg(args, kw, 3, "fromlist").unwrap_or(Value::NONE);
    let n = vm::str_of(&name).unwrap_or("").to_string();
    let m = vm.import_module(&n)?;
    if !fromlist.is_none() && vm.truthy(&fromlist)? {
        return Ok(m);
    }
    let top = n.split('.').next().unwrap_or("").to_string();
    vm.import_module(&top)
}

fn build_class(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    vm.build_class(args, kw)
}

fn input(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if let Some(p) = args.first() {
        let s = vm.to_str(p)?;
        vm.write_to_file(&Value::NONE, &s, true)?;
    }
    vm.flush_std();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(vm.new_error("EOFError", "EOF when reading a line".to_string())),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(vm::new_string(line))
        }
        Err(e) => Err(vm.new_error("OSError", e.to_string())),
    }
}

fn open(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    crate::builtins::sysmod::open_file(vm, args, kw)
}

#[allow(dead_code)]
fn _unused(b: &BigInt) -> Option<i64> {
    b.to_i64()
}
