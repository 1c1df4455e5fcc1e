//! Exceptions: the built-in hierarchy, raising helpers, matching, chaining, and CPython-format
//! traceback printing (with 3.11 caret lines).

use super::types::{make_type, type_obj};
use super::Vm;
use crate::object::*;
use crate::value::Value;
use crate::{PyErr, PyResult};
use std::cell::RefCell;

/// (name, base) in definition order; bases precede subclasses.
const HIERARCHY: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("BaseExceptionGroup", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
    ("Exception", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ExceptionGroup", "BaseExceptionGroup"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("StopAsyncIteration", "Exception"),
    ("StopIteration", "Exception"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Exception"),
    ("BytesWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("EncodingWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("UserWarning", "Warning"),
];

pub fn exc_fields(v: &Value) -> Option<&RefCell<ExcFields>> {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::Instance(i) }) => i.exc.as_deref(),
        _ => None,
    }
}

impl Vm {
    pub fn init_exception_types(&mut self) {
        for (name, base) in HIERARCHY {
            let b = if base.is_empty() { self.types.object.clone() } else { self.types.exc[base].clone() };
            let t = make_type(&mut self.interner, name, Some(&b), Layout::Exception);
            self.types.exc.insert(name, t);
        }
        // ExceptionGroup also derives from Exception.
        let eg = self.types.exc["ExceptionGroup"].clone();
        let exc = self.types.exc["Exception"].clone();
        if let Some(t) = type_obj(&eg) {
            t.bases.borrow_mut().push(exc.clone());
            let mut mro = vec![eg.clone(), self.types.exc["BaseExceptionGroup"].clone(), exc, self.types.exc["BaseException"].clone(), self.types.object.clone()];
            mro.dedup_by(|a, b| a.is(b));
            *t.mro.borrow_mut() = mro;
        }
    }

    pub fn exc_type(&self, name: &str) -> Value {
        self.types.exc.get(name).cloned().unwrap_or_else(|| self.types.exc["Exception"].clone())
    }

    /// A new exception instance of built-in type `name` with one message argument.
    pub fn new_error(&mut self, name: &str, msg: String) -> PyErr {
        let ty = self.exc_type(name);
        let m = super::new_string(msg);
        PyErr(self.new_exception(&ty, vec![m]))
    }

    pub fn new_exception(&mut self, ty: &Value, args: Vec<Value>) -> Value {
        let inst = match self.new_instance(ty) {
            Ok(v) => v,
            Err(e) => return e.0,
        };
        if let Some(f) = exc_fields(&inst) {
            f.borrow_mut().args = super::new_tuple(args);
        }
        inst
    }

    pub fn type_error(&mut self, msg: String) -> PyErr {
        self.new_error("TypeError", msg)
    }
    pub fn value_error(&mut self, msg: String) -> PyErr {
        self.new_error("ValueError", msg)
    }
    pub fn attribute_error(&mut self, msg: String) -> PyErr {
        self.new_error("AttributeError", msg)
    }
    pub fn index_error(&mut self, msg: &str) -> PyErr {
        self.new_error("IndexError", msg.to_string())
    }
    pub fn overflow_error(&mut self, msg: &str) -> PyErr {
        self.new_error("OverflowError", msg.to_string())
    }
    pub fn zero_division(&mut self, msg: &str) -> PyErr {
        self.new_error("ZeroDivisionError", msg.to_string())
    }
    pub fn key_error(&mut self, key: Value) -> PyErr {
        let ty = self.exc_type("KeyError");
        PyErr(self.new_exception(&ty, vec![key]))
    }
    pub fn stop_iteration(&mut self, value: Value) -> PyErr {
        let ty = self.exc_type("StopIteration");
        let args = if value.is_none() { vec![] } else { vec![value] };
        PyErr(self.new_exception(&ty, args))
    }
    pub fn name_error(&mut self, name: &Value) -> PyErr {
        let n = super::str_of(name).unwrap_or("?").to_string();
        let e = self.new_error("NameError", format!("name '{n}' is not defined"));
        if let Some(Obj { kind: ObjKind::Instance(i) }) = e.0.as_obj() {
            if let Some(d) = super::dict_of(&i.dict) {
                let k = self.intern("name");
                super::dict_set_str(&mut d.borrow_mut(), k, name.clone());
            }
        }
        e
    }
    pub fn unbound_local(&mut self, name: &str) -> PyErr {
        self.new_error("UnboundLocalError", format!("cannot access local variable '{name}' where it is not associated with a value"))
    }
    pub fn unbound_deref(&mut self, code: &crate::bytecode::Code, i: usize) -> PyErr {
        let name = code.cell_name(i).to_string();
        if i < code.cellvars.len() {
            self.unbound_local(&name)
        } else {
            self.new_error("NameError", format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"))
        }
    }

    pub fn set_attr_error_context(&mut self, e: &PyErr, obj: &Value, name: &Value) {
        if let Some(Obj { kind: ObjKind::Instance(i) }) = e.0.as_obj() {
            if let Some(d) = super::dict_of(&i.dict) {
                let k = self.intern("name");
                super::dict_set_str(&mut d.borrow_mut(), k, name.clone());
                let k = self.intern("obj");
                super::dict_set_str(&mut d.borrow_mut(), k, obj.clone());
            }
        }
    }

    pub fn is_instance_of_exc(&self, e: &PyErr, name: &str) -> bool {
        let ty = self.exc_type(name);
        self.isinstance_type(&e.0, &ty)
    }

    pub fn add_traceback(&mut self, exc: &Value, code: &std::rc::Rc<crate::bytecode::Code>, pc: usize) {
        if let Some(f) = exc_fields(exc) {
            f.borrow_mut().traceback.push(TbEntry { code: code.clone(), pc: pc as u32 });
        }
    }

    /// Implicit chaining: the exception being handled becomes `__context__`.
    pub fn set_context(&mut self, exc: &Value) {
        let Some(cur) = self.handled.last().cloned() else { return };
        if cur.is(exc) {
            return;
        }
        if let Some(f) = exc_fields(exc) {
            if !f.borrow().context.is_none() && !f.borrow().context.is_null() {
                return;
            }
            // Avoid cycles: cut the chain if `exc` already appears in cur's context chain.
            let mut c = cur.clone();
            loop {
                let next = match exc_fields(&c) {
                    Some(cf) => cf.borrow().context.clone(),
                    None => break,
                };
                if next.is(exc) {
                    if let Some(cf) = exc_fields(&c) {
                        cf.borrow_mut().context = Value::NONE;
                    }
                    break;
                }
                if next.is_none() || next.is_null() {
                    break;
                }
                c = next;
            }
            f.borrow_mut().context = cur;
        }
    }

    /// The bare `raise` statement.
    pub fn reraise_current(&mut self) -> PyErr {
        match self.handled.last().cloned() {
            Some(e) => {
                if let Some(f) = exc_fields(&e) {
                    f.borrow_mut().reraising = true;
                }
                PyErr(e)
            }
            None => self.new_error("RuntimeError", "No active exception to reraise".to_string()),
        }
    }

    /// `raise exc [from cause]`: instantiate classes, validate, attach the cause.
    pub fn make_raise(&mut self, e: Value, cause: Option<Value>) -> PyErr {
        let exc = match self.to_exception_instance(&e) {
            Ok(v) => v,
            Err(err) => return err,
        };
        if let Some(c) = cause {
            let cause_v = if c.is_none() {
                Value::NONE
            } else {
                match self.to_exception_instance(&c) {
                    Ok(v) => v,
                    Err(_) => return self.type_error("exception causes must derive from BaseException".to_string()),
                }
            };
            if let Some(f) = exc_fields(&exc) {
                let mut f = f.borrow_mut();
                f.cause = cause_v;
                f.suppress_context = true;
            }
        }
        PyErr(exc)
    }

    fn to_exception_instance(&mut self, e: &Value) -> PyResult<Value> {
        let base = self.exc_type("BaseException");
        if type_obj(e).is_some() {
            if self.is_subtype(e, &base) {
                let inst = self.call(e, &[], &[])?;
                if !self.isinstance_type(&inst, &base) {
                    return Err(self.type_error("calling exception class did not return an exception instance".to_string()));
                }
                return Ok(inst);
            }
        } else if self.isinstance_type(e, &base) {
            return Ok(e.clone());
        }
        Err(self.type_error("exceptions must derive from BaseException".to_string()))
    }

    pub fn exception_matches(&mut self, exc: &Value, ty: &Value) -> PyResult<bool> {
        let base = self.exc_type("BaseException");
        let check = |vm: &mut Vm, t: &Value| -> PyResult<bool> {
            if type_obj(t).is_none() || !vm.is_subtype(t, &base) {
                return Err(vm.type_error("catching classes that do not inherit from BaseException is not allowed".to_string()));
            }
            Ok(vm.isinstance_type(exc, t))
        };
        if let Some(Obj { kind: ObjKind::Tuple(ts) }) = ty.as_obj() {
            let ts = ts.to_vec();
            for t in &ts {
                if check(self, t)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        check(self, ty)
    }

    /// `except* T`: split an exception (group) into (rest, matched); None where empty.
    pub fn exception_group_split(&mut self, eg: &Value, ty: &Value) -> PyResult<(Value, Value)> {
        let beg = self.exc_type("BaseExceptionGroup");
        if !self.isinstance_type(eg, &beg) {
            // A naked exception: wrap it when it matches.
            if self.exception_matches(eg, ty)? {
                let egt = self.exc_type("ExceptionGroup");
                let msg = super::new_str("");
                let lst = super::new_list(vec![eg.clone()]);
                let wrapped = self.call(&egt, &[msg, lst], &[])?;
                return Ok((Value::NONE, wrapped));
            }
            return Ok((eg.clone(), Value::NONE));
        }
        let split = self.getattr_str(eg, "split")?;
        let r = self.call(&split, &[ty.clone()], &[])?;
        let parts = self.collect(&r)?;
        Ok((parts[1].clone(), parts[0].clone()))
    }

    pub fn get_exc_special(&mut self, obj: &Value, name: &str) -> PyResult<Option<Value>> {
        let Some(f) = exc_fields(obj) else { return Ok(None) };
        let f = f.borrow();
        Ok(match name {
            "args" => Some(f.args.clone()),
            "__cause__" => Some(if f.cause.is_null() { Value::NONE } else { f.cause.clone() }),
            "__context__" => Some(if f.context.is_null() { Value::NONE } else { f.context.clone() }),
            "__suppress_context__" => Some(Value::bool(f.suppress_context)),
            "__traceback__" => {
                if f.traceback.is_empty() {
                    Some(Value::NONE)
                } else {
                    Some(Value::new_obj(Obj { kind: ObjKind::Traceback(f.traceback.clone()) }))
                }
            }
            _ => None,
        })
    }

    pub fn set_exc_special(&mut self, obj: &Value, name: &Value, v: &Value) -> PyResult<bool> {
        let Some(f) = exc_fields(obj) else { return Ok(false) };
        match super::str_of(name).unwrap_or("") {
            "args" => {
                let items = self.collect(v)?;
                f.borrow_mut().args = super::new_tuple(items);
            }
            "__cause__" => {
                let mut b = f.borrow_mut();
                b.cause = v.clone();
                b.suppress_context = true;
            }
            "__context__" => f.borrow_mut().context = v.clone(),
            "__suppress_context__" => {
                let t = self.truthy(v)?;
                f.borrow_mut().suppress_context = t;
            }
            "__traceback__" => {
                let tb = match v.as_obj() {
                    Some(Obj { kind: ObjKind::Traceback(t) }) => t.clone(),
                    _ => Vec::new(),
                };
                f.borrow_mut().traceback = tb;
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    pub fn traceback_value(&mut self, exc: &Value) -> Value {
        self.get_exc_special(exc, "__traceback__").ok().flatten().unwrap_or(Value::NONE)
    }

    /// The qualified exception type name as tracebacks print it.
    pub fn exc_type_display_name(&mut self, exc: &Value) -> String {
        let t = self.type_of(exc);
        let Some(to) = type_obj(&t) else { return "?".into() };
        let q = to.qualname.borrow().clone();
        let m = to.module.borrow().clone();
        match super::str_of(&m) {
            Some("builtins") | Some("__main__") | None => q,
            Some(module) => format!("{module}.{q}"),
        }
    }

    /// `str(exc)`, falling back as CPython does when `__str__` fails.
    fn exc_message(&mut self, exc: &Value) -> String {
        match self.to_str(exc) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_string(),
        }
    }

    /// Formats an exception with its chain, as `sys.excepthook` would.
    pub fn format_exception(&mut self, exc: &Value) -> String {
        let mut out = String::new();
        let mut seen = Vec::new();
        self.format_exception_chain(exc, &mut out, &mut seen);
        out
    }

    fn format_exception_chain(&mut self, exc: &Value, out: &mut String, seen: &mut Vec<u64>) {
        seen.push(exc.id());
        if let Some(f) = exc_fields(exc) {
            let (cause, context, suppress) = {
                let f = f.borrow();
                (f.cause.clone(), f.context.clone(), f.suppress_context)
            };
            if !cause.is_none() && !cause.is_null() && !seen.contains(&cause.id()) {
                self.format_exception_chain(&cause, out, seen);
                out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
            } else if !suppress && !context.is_none() && !context.is_null() && !seen.contains(&context.id()) {
                self.format_exception_chain(&context, out, seen);
                out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
            }
        }
        self.format_single(exc, out);
    }

    fn format_single(&mut self, exc: &Value, out: &mut String) {
        let tb: Vec<TbEntry> = exc_fields(exc).map(|f| f.borrow().traceback.clone()).unwrap_or_default();
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            let mut last: Option<(String, u32, String)> = None;
            let mut repeat = 0;
            for e in tb.iter().rev() {
                let span = e.code.spans.get(e.pc as usize).copied().unwrap_or_default();
                let key = (e.code.filename.to_string(), span.line, e.code.name.clone());
                if last.as_ref() == Some(&key) {
                    repeat += 1;
                    if repeat >= 3 {
                        continue;
                    }
                } else {
                    if repeat >= 3 {
                        let n = repeat - 2;
                        out.push_str(&format!("  [Previous line repeated {} more time{}]\n", n, if n == 1 { "" } else { "s" }));
                    }
                    repeat = 0;
                    last = Some(key);
                }
                out.push_str(&format!("  File \"{}\", line {}, in {}\n", e.code.filename, span.line, e.code.name));
                crate::traceback_lines::append_source_line(self, &e.code.filename, span, out);
            }
            if repeat >= 3 {
                let n = repeat - 2;
                out.push_str(&format!("  [Previous line repeated {} more time{}]\n", n, if n == 1 { "" } else { "s" }));
            }
        }
        let name = self.exc_type_display_name(exc);
        let syntax = self.exc_type("SyntaxError");
        if self.isinstance_type(exc, &syntax) {
            crate::traceback_lines::append_syntax_error(self, exc, &name, out);
            return;
        }
        let msg = self.exc_message(exc);
        if msg.is_empty() {
            out.push_str(&name);
        } else {
            out.push_str(&format!("{name}: {msg}"));
        }
        out.push('\n');
        if let Some(Obj { kind: ObjKind::Instance(i) }) = exc.as_obj() {
            let notes = super::dict_of(&i.dict).and_then(|d| super::dict_get_str(&d.borrow(), &self.names.__notes__.clone()));
            if let Some(n) = notes {
                if let Ok(items) = self.collect(&n) {
                    for it in items {
                        let s = self.to_str(&it).unwrap_or_default();
                        out.push_str(&s);
                        out.push('\n');
                    }
                }
            }
        }
    }
}
