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
        let args = if value.is_none() { vec![] } else { vec![value.clone()] };
        let e = self.new_exception(&ty, args);
        if let Some(Obj { kind: ObjKind::Instance(i) }) = e.as_obj() {
            if let Some(d) = super::dict_of(&i.dict) {
                let k = self.intern("value");
                super::dict_set_str(&mut d.borrow_mut(), k, value);
            }
        }
        PyErr(e)
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
        self.record_name_error_scope(&e.0);
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
                let lst = super::new_tuple(vec![eg.clone()]);
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

    /// `str(exc)` through the type's `__str__` (built-in ones included), falling back as CPython
    /// does when it fails.
    fn exc_message(&mut self, exc: &Value) -> String {
        let t = self.type_of(exc);
        let r = match self.lookup_type(&t, &self.names.__str__.clone()) {
            Some(m) => self.call(&m, &[exc.clone()], &[]),
            None => self.str_value(exc),
        };
        match r {
            Ok(v) => match super::str_of(&v) {
                Some(s) => s.to_string(),
                None => match self.to_str(&v) {
                    Ok(s) if matches!(v.as_obj(), Some(Obj { kind: ObjKind::Instance(_) })) => s,
                    _ => "<exception str() failed>".to_string(),
                },
            },
            Err(_) => "<exception str() failed>".to_string(),
        }
    }

    /// Formats an exception with its chain, as `sys.excepthook` would.
    pub fn format_exception(&mut self, exc: &Value) -> String {
        let mut ctx = PrintCtx { out: String::new(), seen: Vec::new(), depth: 0, need_close: false };
        self.print_exception_recursive(&mut ctx, exc);
        ctx.out
    }

    fn print_exception_recursive(&mut self, ctx: &mut PrintCtx, exc: &Value) {
        if ctx.seen.len() > 1000 {
            return;
        }
        self.print_cause_and_context(ctx, exc);
        let beg = self.exc_type("BaseExceptionGroup");
        if self.isinstance_type(exc, &beg) {
            self.print_exception_group(ctx, exc);
        } else {
            self.print_exception_single(ctx, exc);
        }
    }

    fn print_cause_and_context(&mut self, ctx: &mut PrintCtx, exc: &Value) {
        ctx.seen.push(exc.id());
        let Some(f) = exc_fields(exc) else { return };
        let (cause, context, suppress) = {
            let f = f.borrow();
            (f.cause.clone(), f.context.clone(), f.suppress_context)
        };
        if !cause.is_none() && !cause.is_null() {
            if !ctx.seen.contains(&cause.id()) {
                self.print_chained(ctx, &cause, "The above exception was the direct cause of the following exception:\n");
            }
            return;
        }
        if suppress {
            return;
        }
        if !context.is_none() && !context.is_null() && !ctx.seen.contains(&context.id()) {
            self.print_chained(ctx, &context, "During handling of the above exception, another exception occurred:\n");
        }
    }

    fn print_chained(&mut self, ctx: &mut PrintCtx, exc: &Value, message: &str) {
        let need_close = ctx.need_close;
        self.print_exception_recursive(ctx, exc);
        ctx.need_close = need_close;
        let m = ctx.margin();
        ctx.out.push_str(&m);
        ctx.out.push('\n');
        ctx.out.push_str(&m);
        ctx.out.push_str(message);
        ctx.out.push_str(&m);
        ctx.out.push('\n');
    }

    fn print_exception_group(&mut self, ctx: &mut PrintCtx, exc: &Value) {
        const MAX_WIDTH: usize = 15;
        const MAX_DEPTH: usize = 10;
        if ctx.depth > MAX_DEPTH {
            let m = ctx.margin();
            ctx.out.push_str(&format!("{m}... (max_group_depth is {MAX_DEPTH})\n"));
            return;
        }
        if ctx.depth == 0 {
            ctx.depth += 1;
        }
        self.print_exception_single(ctx, exc);
        let excs = match self.getattr_str(exc, "exceptions").and_then(|e| self.collect(&e)) {
            Ok(v) => v,
            Err(_) => Vec::new(),
        };
        let num = excs.len();
        let n = if num <= MAX_WIDTH { num } else { MAX_WIDTH + 1 };
        ctx.need_close = false;
        for (i, sub) in excs.iter().take(n).enumerate() {
            let last = i == n - 1;
            if last {
                ctx.need_close = true;
            }
            let indent = " ".repeat(2 * ctx.depth);
            let truncated = i >= MAX_WIDTH;
            let lead = if i == 0 { "+-" } else { "  " };
            if truncated {
                ctx.out.push_str(&format!("{indent}{lead}+---------------- ... ----------------\n"));
            } else {
                ctx.out.push_str(&format!("{indent}{lead}+---------------- {} ----------------\n", i + 1));
            }
            ctx.depth += 1;
            if !truncated {
                self.print_exception_recursive(ctx, sub);
            } else {
                let rem = num - MAX_WIDTH;
                let m = ctx.margin();
                ctx.out.push_str(&format!("{m}and {rem} more exception{}\n", if rem > 1 { "s" } else { "" }));
            }
            if last && ctx.need_close {
                let indent = " ".repeat(2 * ctx.depth);
                ctx.out.push_str(&format!("{indent}+------------------------------------\n"));
                ctx.need_close = false;
            }
            ctx.depth -= 1;
        }
        if ctx.depth == 1 {
            ctx.depth -= 1;
        }
    }

    fn print_exception_single(&mut self, ctx: &mut PrintCtx, exc: &Value) {
        let margin = ctx.margin();
        let tb: Vec<TbEntry> = exc_fields(exc).map(|f| f.borrow().traceback.clone()).unwrap_or_default();
        let beg = self.exc_type("BaseExceptionGroup");
        let is_group = self.isinstance_type(exc, &beg);
        if !tb.is_empty() {
            let indent = " ".repeat(2 * ctx.depth);
            let (header, header_margin) = if is_group {
                ("Exception Group Traceback (most recent call last):", if ctx.depth == 1 { "+ " } else { ctx.margin_str() })
            } else {
                ("Traceback (most recent call last):", ctx.margin_str())
            };
            ctx.out.push_str(&format!("{indent}{header_margin}{header}\n"));
            let mut last: Option<(String, u32, String)> = None;
            let mut repeat = 0;
            let repeated = |out: &mut String, repeat: usize| {
                if repeat >= 3 {
                    let n = repeat - 2;
                    out.push_str(&format!("  [Previous line repeated {} more time{}]\n", n, if n == 1 { "" } else { "s" }));
                }
            };
            for e in tb.iter().rev() {
                let span = e.code.spans.get(e.pc as usize).copied().unwrap_or_default();
                let key = (e.code.filename.to_string(), span.line, e.code.name.clone());
                if last.as_ref() == Some(&key) {
                    repeat += 1;
                    if repeat >= 3 {
                        continue;
                    }
                } else {
                    repeated(&mut ctx.out, repeat);
                    repeat = 0;
                    last = Some(key);
                }
                let mut entry = format!("  File \"{}\", line {}, in {}\n", e.code.filename, span.line, e.code.name);
                crate::traceback_lines::append_source_line(self, &e.code.filename, span, &mut entry);
                push_with_margin(&mut ctx.out, &margin, &entry);
            }
            repeated(&mut ctx.out, repeat);
        }
        let name = self.exc_type_display_name(exc);
        let syntax = self.exc_type("SyntaxError");
        if self.isinstance_type(exc, &syntax) {
            let mut body = String::new();
            crate::traceback_lines::append_syntax_error(self, exc, &name, &mut body);
            push_with_margin(&mut ctx.out, &margin, &body);
        } else {
            let msg = self.exc_message(exc);
            ctx.out.push_str(&margin);
            if msg.is_empty() {
                ctx.out.push_str(&name);
            } else {
                ctx.out.push_str(&format!("{name}: {msg}"));
            }
            if let Some(s) = self.offer_suggestion(exc) {
                ctx.out.push_str(&format!(". Did you mean: '{s}'?"));
            }
            ctx.out.push('\n');
        }
        self.print_exception_notes(ctx, exc);
    }

    fn print_exception_notes(&mut self, ctx: &mut PrintCtx, exc: &Value) {
        let Some(Obj { kind: ObjKind::Instance(i) }) = exc.as_obj() else { return };
        let notes = super::dict_of(&i.dict).and_then(|d| super::dict_get_str(&d.borrow(), &self.names.__notes__.clone()));
        let Some(n) = notes else { return };
        let margin = ctx.margin();
        // PySequence_Check: str/list/tuple/... or a class with __getitem__ (dicts excepted).
        let is_seq = match n.as_obj().map(|o| &o.kind) {
            Some(ObjKind::List(_) | ObjKind::Tuple(_) | ObjKind::Str(_) | ObjKind::Bytes(_) | ObjKind::ByteArray(_) | ObjKind::Range(_)) => true,
            Some(ObjKind::Instance(_)) => {
                let t = self.type_of(&n);
                let dict_t = self.types.dict.clone();
                !self.is_subtype(&t, &dict_t) && self.lookup_type_str(&t, "__getitem__").is_some()
            }
            _ => false,
        };
        if !is_seq {
            let r = self.repr(&n).unwrap_or_else(|_| "<__notes__ repr() failed>".to_string());
            ctx.out.push_str(&format!("{margin}{r}\n"));
            return;
        }
        let items = self.collect(&n).unwrap_or_default();
        for it in items {
            let s = match self.to_str(&it) {
                Ok(s) => s,
                Err(_) => "<note str() failed>".to_string(),
            };
            for line in split_lines_keepends(&s) {
                ctx.out.push_str(&margin);
                ctx.out.push_str(line);
            }
            ctx.out.push('\n');
        }
    }

    /// Remembers where a NameError was raised (for "Did you mean" when it is printed).
    pub fn record_name_error_scope(&mut self, exc: &Value) {
        let Some(&fp) = self.frames.last() else { return };
        // SAFETY: frames on `vm.frames` are alive while they execute.
        let f = unsafe { &*fp };
        let entry = NameScope { code: f.code.clone(), globals: f.globals.clone(), builtins: f.builtins.clone() };
        if !exc.is_obj() {
            return;
        }
        // SAFETY: `exc` owns a strong count of a live `Rc<Obj>`; we do not consume it.
        let rc = std::mem::ManuallyDrop::new(unsafe { std::rc::Rc::from_raw(exc.obj_ptr()) });
        let w = std::rc::Rc::downgrade(&rc);
        NAME_SCOPES.with(|m| {
            let mut m = m.borrow_mut();
            if m.len() >= 64 {
                m.retain(|_, (w, _)| w.strong_count() > 0);
            }
            m.insert(exc.id(), (w, entry));
        });
    }

    /// CPython's `_Py_Offer_Suggestions` for NameError and AttributeError.
    fn offer_suggestion(&mut self, exc: &Value) -> Option<String> {
        let name_k = self.intern("name");
        let Some(Obj { kind: ObjKind::Instance(i) }) = exc.as_obj() else { return None };
        let attr_t = self.exc_type("AttributeError");
        let name_t = self.exc_type("NameError");
        let d = super::dict_of(&i.dict)?;
        let name = super::dict_get_str(&d.borrow(), &name_k)?;
        let name_s = super::str_of(&name)?.to_string();
        if self.isinstance_type(exc, &attr_t) {
            let obj_k = self.intern("obj");
            let obj = super::dict_get_str(&d.borrow(), &obj_k)?;
            let dir = self.builtin_value("dir").ok()?;
            let r = self.call(&dir, &[obj], &[]).ok()?;
            let items = self.collect(&r).ok()?;
            let cands: Vec<String> = items.iter().filter_map(|v| super::str_of(v).map(|s| s.to_string())).collect();
            return calculate_suggestion(&cands, &name_s);
        }
        if self.isinstance_type(exc, &name_t) {
            let scope = NAME_SCOPES.with(|m| {
                m.borrow().get(&exc.id()).and_then(|(w, s)| if w.strong_count() > 0 { Some((s.code.clone(), s.globals.clone(), s.builtins.clone())) } else { None })
            })?;
            let (code, globals, builtins) = scope;
            let locals: Vec<String> = code.varnames.iter().map(|s| s.to_string()).collect();
            if let Some(s) = calculate_suggestion(&locals, &name_s) {
                return Some(s);
            }
            for ns in [globals, builtins] {
                let keys: Vec<String> = match super::dict_of(&ns) {
                    Some(d) => d.borrow().items().iter().filter_map(|(k, _)| super::str_of(k).map(|s| s.to_string())).collect(),
                    None => continue,
                };
                if let Some(s) = calculate_suggestion(&keys, &name_s) {
                    return Some(s);
                }
            }
        }
        None
    }
}

struct NameScope {
    code: std::rc::Rc<crate::bytecode::Code>,
    globals: Value,
    builtins: Value,
}

thread_local! {
    static NAME_SCOPES: RefCell<std::collections::HashMap<u64, (std::rc::Weak<Obj>, NameScope)>> = RefCell::new(std::collections::HashMap::new());
}

struct PrintCtx {
    out: String,
    seen: Vec<u64>,
    depth: usize,
    need_close: bool,
}

impl PrintCtx {
    fn margin_str(&self) -> &'static str {
        if self.depth > 0 { "| " } else { "" }
    }
    fn margin(&self) -> String {
        format!("{}{}", " ".repeat(2 * self.depth), self.margin_str())
    }
}

/// Appends `text` with `margin` before each of its lines.
fn push_with_margin(out: &mut String, margin: &str, text: &str) {
    if margin.is_empty() {
        out.push_str(text);
        return;
    }
    for line in split_lines_keepends(text) {
        out.push_str(margin);
        out.push_str(line);
    }
}

fn split_lines_keepends(s: &str) -> Vec<&str> {
    let mut v = Vec::new();
    let mut start = 0;
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\n' || b[i] == b'\r' {
            let mut end = i + 1;
            if b[i] == b'\r' && i + 1 < b.len() && b[i + 1] == b'\n' {
                end += 1;
            }
            v.push(&s[start..end]);
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < s.len() {
        v.push(&s[start..]);
    }
    v
}

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
const MAX_STRING_SIZE: usize = 40;
const MAX_CANDIDATE_ITEMS: usize = 750;

fn substitution_cost(a: u8, b: u8) -> usize {
    if (a & 31) != (b & 31) {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.to_ascii_lowercase() == b.to_ascii_lowercase() {
        return CASE_COST;
    }
    MOVE_COST
}

/// CPython's `levenshtein_distance` from Python/suggestions.c (byte-wise, on UTF-8).
fn levenshtein_distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let (mut a, mut b) = (a, b);
    while !a.is_empty() && !b.is_empty() && a[0] == b[0] {
        a = &a[1..];
        b = &b[1..];
    }
    while !a.is_empty() && !b.is_empty() && a[a.len() - 1] == b[b.len() - 1] {
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut buffer = [0usize; MAX_STRING_SIZE];
    let mut tmp = MOVE_COST;
    for slot in buffer.iter_mut().take(a.len()) {
        *slot = tmp;
        tmp += MOVE_COST;
    }
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        let mut distance = b_index * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(code, ac);
            distance = buffer[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            buffer[index] = result;
            if result < minimum {
                minimum = result;
            }
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

fn calculate_suggestion(dir: &[String], name: &str) -> Option<String> {
    if dir.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<&String> = None;
    let mut best_dist = usize::MAX;
    for item in dir {
        if item == name {
            continue;
        }
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        max_distance = max_distance.min(best_dist.saturating_sub(1));
        let d = levenshtein_distance(name.as_bytes(), item.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none() || d < best_dist {
            best = Some(item);
            best_dist = d;
        }
    }
    best.cloned()
}
