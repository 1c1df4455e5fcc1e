//! `repr()` of every built-in kind, with recursion guards for self-containing containers.

use crate::object::*;
use crate::value::{Value, V};
use crate::vm::types::type_obj;
use crate::vm::{self, Vm};
use crate::PyResult;

impl Vm {
    pub fn repr_value(&mut self, v: &Value) -> PyResult<Value> {
        let s = match v.view() {
            V::Int(i) => i.to_string(),
            V::Float(f) => crate::format::float_repr(f),
            V::None => "None".into(),
            V::Bool(b) => (if b { "True" } else { "False" }).into(),
            V::Null => "<NULL>".into(),
            V::Obj(o) => match &o.kind {
                ObjKind::Str(s) => crate::strutil::str_repr(&s.s),
                ObjKind::Int(b) => {
                    let limit = crate::builtins::sysmod::int_max_str_digits();
                    let digits = b.bits() as f64 * std::f64::consts::LOG10_2;
                    if limit > 0 && digits > limit as f64 {
                        let s = b.to_string();
                        let n = s.trim_start_matches('-').len();
                        if n > limit {
                            return Err(self.value_error(format!("Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")));
                        }
                        s
                    } else {
                        b.to_string()
                    }
                }
                ObjKind::Complex(r, i) => complex_repr(*r, *i),
                ObjKind::Bytes(b) => crate::strutil::bytes_repr(b),
                ObjKind::ByteArray(b) => format!("bytearray({})", crate::strutil::bytes_repr(&b.borrow())),
                ObjKind::List(l) => {
                    let items = l.borrow().clone();
                    return self.guarded(v, "[...]", |vm| vm.seq_repr(&items, "[", "]", false));
                }
                ObjKind::Tuple(t) => {
                    let items = t.to_vec();
                    return self.guarded(v, "(...)", |vm| vm.seq_repr(&items, "(", ")", true));
                }
                ObjKind::Dict(d) => {
                    let items = d.borrow().items();
                    return self.guarded(v, "{...}", |vm| vm.dict_repr(&items));
                }
                ObjKind::Set(s) => {
                    let items: Vec<Value> = s.borrow().iter().map(|(k, _)| k.clone()).collect();
                    if items.is_empty() {
                        "set()".into()
                    } else {
                        return self.guarded(v, "{...}", |vm| vm.seq_repr(&items, "{", "}", false));
                    }
                }
                ObjKind::FrozenSet(s) => {
                    let items: Vec<Value> = s.iter().map(|(k, _)| k.clone()).collect();
                    if items.is_empty() {
                        "frozenset()".into()
                    } else {
                        let inner = self.seq_repr(&items, "{", "}", false)?;
                        format!("frozenset({})", vm::str_of(&inner).unwrap_or(""))
                    }
                }
                ObjKind::BigRange(b) => {
                    if b[2] == num_bigint::BigInt::from(1) {
                        format!("range({}, {})", b[0], b[1])
                    } else {
                        format!("range({}, {}, {})", b[0], b[1], b[2])
                    }
                }
                ObjKind::Range(r) => {
                    if r.step == 1 {
                        format!("range({}, {})", r.start, r.stop)
                    } else {
                        format!("range({}, {}, {})", r.start, r.stop, r.step)
                    }
                }
                ObjKind::Slice(a, b, c) => {
                    let (a, b, c) = (self.repr(a)?, self.repr(b)?, self.repr(c)?);
                    format!("slice({a}, {b}, {c})")
                }
                ObjKind::Function(f) => format!("<function {} at {:#x}>", vm::str_of(&f.qualname.borrow()).unwrap_or("?"), v.id()),
                ObjKind::Builtin(b) => {
                    if b.bound.is_null() || matches!(b.bound.as_obj().map(|o| &o.kind), Some(ObjKind::Module(_))) {
                        format!("<built-in function {}>", b.name)
                    } else {
                        let tn = self.type_name(&b.bound);
                        format!("<built-in method {} of {} object at {:#x}>", b.name, tn, b.bound.id())
                    }
                }
                ObjKind::BoundMethod(s, f) => {
                    let fname = match f.as_obj().map(|o| &o.kind) {
                        Some(ObjKind::Function(fun)) => vm::str_of(&fun.qualname.borrow()).unwrap_or("?").to_string(),
                        _ => "?".to_string(),
                    };
                    let sr = self.repr(s)?;
                    format!("<bound method {fname} of {sr}>")
                }
                ObjKind::Type(t) => {
                    let meta = self.type_of(v);
                    if !meta.is(&self.types.type_) {
                        if let Some(r) = self.user_method(&meta, "__repr__") {
                            return self.call(&r, &[v.clone()], &[]);
                        }
                    }
                    let m = t.module.borrow().clone();
                    let q = t.qualname.borrow().clone();
                    match vm::str_of(&m) {
                        Some("builtins") | None => format!("<class '{q}'>"),
                        Some(module) => format!("<class '{module}.{q}'>"),
                    }
                }
                ObjKind::Module(m) => {
                    let n = vm::str_of(&m.name).unwrap_or("?").to_string();
                    let file = vm::dict_of(&m.dict).and_then(|d| vm::dict_get_str(&d.borrow(), &self.names.__file__));
                    match file.as_ref().and_then(|f| vm::str_of(f)) {
                        Some(f) => format!("<module '{n}' from '{f}'>"),
                        None => format!("<module '{n}' (built-in)>"),
                    }
                }
                ObjKind::Code(c) => format!("<code object {} at {:#x}, file \"{}\", line {}>", c.name, v.id(), c.filename, c.first_line),
                ObjKind::Cell(_) => format!("<cell at {:#x}>", v.id()),
                ObjKind::Generator(g) => {
                    let what = match g.borrow().kind {
                        crate::vm::generator::GenKind::Generator => "generator",
                        crate::vm::generator::GenKind::Coroutine => "coroutine",
                        crate::vm::generator::GenKind::AsyncGenerator => "async_generator",
                    };
                    format!("<{what} object {} at {:#x}>", vm::str_of(&g.borrow().qualname).unwrap_or("?"), v.id())
                }
                ObjKind::Iter(_) => {
                    let tn = self.type_name(v);
                    format!("<{tn} object at {:#x}>", v.id())
                }
                ObjKind::Property(_) => format!("<property object at {:#x}>", v.id()),
                ObjKind::ClassMethod(_) => format!("<classmethod object at {:#x}>", v.id()),
                ObjKind::StaticMethod(_) => format!("<staticmethod object at {:#x}>", v.id()),
                ObjKind::Super(c, _) => format!("<super: <class '{}'>, <object>>", type_obj(c).map(|t| t.name.borrow().clone()).unwrap_or_default()),
                ObjKind::NotImplemented => "NotImplemented".into(),
                ObjKind::Ellipsis => "Ellipsis".into(),
                ObjKind::Traceback(_) => format!("<traceback object at {:#x}>", v.id()),
                ObjKind::MappingProxy(d) => {
                    let d = d.clone();
                    let r = self.repr(&d)?;
                    format!("mappingproxy({r})")
                }
                ObjKind::DictView(k, d) => {
                    let tn = ["dict_keys", "dict_values", "dict_items"][(*k as usize).min(2)];
                    let items = self.dict_view_items(*k, d);
                    let inner = self.guarded(v, "...", |vm| vm.seq_repr(&items, "[", "]", false))?;
                    format!("{tn}({})", vm::str_of(&inner).unwrap_or(""))
                }
                ObjKind::Instance(_) => return self.instance_repr(v),
            },
        };
        Ok(vm::new_string(s))
    }

    fn instance_repr(&mut self, v: &Value) -> PyResult<Value> {
        let t = self.type_of(v);
        if let Some(m) = self.user_method(&t, "__repr__") {
            let r = self.call(&m, &[v.clone()], &[])?;
            if vm::str_of(&crate::vm::ops::base_value(&r)).is_none() {
                let tn = self.type_name(&r);
                return Err(self.type_error(format!("__repr__ returned non-string (type {tn})")));
            }
            return Ok(crate::vm::ops::base_value(&r));
        }
        // Dict views print as `dict_keys([...])`.
        let tn = self.type_name(v);
        let b = crate::vm::ops::base_value(v);
        if matches!(tn.as_str(), "dict_keys" | "dict_values" | "dict_items") {
            let inner = self.repr(&b)?;
            return Ok(vm::new_string(format!("{tn}({inner})")));
        }
        if let Some(r) = self.lookup_type_str(&t, "__repr__") {
            if matches!(r.as_obj().map(|o| &o.kind), Some(ObjKind::Builtin(bf)) if bf.name == "__repr__" && !bf.owner.is(&t)) && !b.is(v) {
                // Subclass of a built-in: the built-in repr of the payload, except for
                // containers whose CPython repr shows the payload too.
                return self.repr_value(&b);
            }
            return self.call(&r, &[v.clone()], &[]);
        }
        let f = self.lookup_type_str(&self.types.object.clone(), "__repr__").expect("object.__repr__ registered");
        self.call(&f, &[v.clone()], &[])
    }

    fn guarded(&mut self, v: &Value, placeholder: &str, f: impl FnOnce(&mut Vm) -> PyResult<Value>) -> PyResult<Value> {
        let id = v.id();
        if self.repr_stack.contains(&id) {
            return Ok(vm::new_str(placeholder));
        }
        if self.repr_stack.len() > 900 {
            return Err(self.new_error("RecursionError", "maximum recursion depth exceeded while getting the repr of an object".to_string()));
        }
        self.repr_stack.push(id);
        let r = f(self);
        self.repr_stack.pop();
        r
    }

    fn seq_repr(&mut self, items: &[Value], open: &str, close: &str, tuple: bool) -> PyResult<Value> {
        let mut s = String::from(open);
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            let r = self.repr_value(it)?;
            s.push_str(vm::str_of(&r).unwrap_or(""));
        }
        if tuple && items.len() == 1 {
            s.push(',');
        }
        s.push_str(close);
        Ok(vm::new_string(s))
    }

    fn dict_repr(&mut self, items: &[(Value, Value)]) -> PyResult<Value> {
        let mut s = String::from("{");
        for (i, (k, v)) in items.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            let kr = self.repr_value(k)?;
            s.push_str(vm::str_of(&kr).unwrap_or(""));
            s.push_str(": ");
            let vr = self.repr_value(v)?;
            s.push_str(vm::str_of(&vr).unwrap_or(""));
        }
        s.push('}');
        Ok(vm::new_string(s))
    }
}

fn complex_part(x: f64) -> String {
    let r = crate::format::float_repr(x);
    r.strip_suffix(".0").map(|s| s.to_string()).unwrap_or(r)
}

pub fn complex_repr(re: f64, im: f64) -> String {
    let imag = complex_part(im);
    if re == 0.0 && re.is_sign_positive() {
        return format!("{imag}j");
    }
    let real = complex_part(re);
    let sign = if im.is_sign_negative() || im.is_nan() && imag.starts_with('-') { "" } else { "+" };
    let imag = if im.is_nan() { "nan".to_string() } else { imag };
    format!("({real}{sign}{imag}j)")
}
