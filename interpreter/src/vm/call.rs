//! Calling: Python functions (argument binding into a new frame), native functions, bound
//! methods, classes, and objects with `__call__`.

use super::frame::Frame;
use super::Vm;
use crate::dict::Dict;
use crate::object::*;
use crate::value::Value;
use crate::{PyErr, PyResult};
use std::cell::RefCell;
use std::rc::Rc;

impl Vm {
    pub fn call(&mut self, func: &Value, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
        let Some(o) = func.as_obj() else {
            return Err(self.not_callable(func));
        };
        match &o.kind {
            ObjKind::Function(fun) => self.call_function(func, fun, args, kw),
            ObjKind::Builtin(b) => {
                if b.bound.is_null() {
                    (b.func)(self, args, kw)
                } else {
                    let mut v = Vec::with_capacity(args.len() + 1);
                    v.push(b.bound.clone());
                    v.extend_from_slice(args);
                    (b.func)(self, &v, kw)
                }
            }
            ObjKind::BoundMethod(slf, f) => {
                let mut v = Vec::with_capacity(args.len() + 1);
                v.push(slf.clone());
                v.extend_from_slice(args);
                let f = f.clone();
                self.call(&f, &v, kw)
            }
            ObjKind::Type(t) => {
                // Built-in types construct through their own native __new__/__init__
                // without the generic MRO walk.
                if t.is_builtin && !func.is(&self.types.type_) {
                    let (new, init) = {
                        let d = t.dict.borrow();
                        let nn = &self.names.__new__;
                        let ni = &self.names.__init__;
                        (d.get_str(nn, super::str_hash(nn)).cloned(), d.get_str(ni, super::str_hash(ni)).cloned())
                    };
                    if let Some(new) = new {
                        let mut v = Vec::with_capacity(args.len() + 1);
                        v.push(func.clone());
                        v.extend_from_slice(args);
                        let obj = self.call(&new, &v, kw)?;
                        if let Some(init) = init {
                            v[0] = obj.clone();
                            self.call(&init, &v, kw)?;
                        }
                        return Ok(obj);
                    }
                }
                self.call_type(func, args, kw)
            }
            _ => {
                let ty = self.type_of(func);
                let name = self.names.__call__.clone();
                match self.lookup_type(&ty, &name) {
                    Some(c) => {
                        let mut v = Vec::with_capacity(args.len() + 1);
                        v.push(func.clone());
                        v.extend_from_slice(args);
                        self.call(&c, &v, kw)
                    }
                    None => Err(self.not_callable(func)),
                }
            }
        }
    }

    fn not_callable(&mut self, v: &Value) -> PyErr {
        let t = self.type_name(v);
        self.type_error(format!("'{t}' object is not callable"))
    }

    /// `f(*args, **kwargs)`.
    pub fn call_ex(&mut self, func: &Value, args: &Value, kwargs: Option<&Value>) -> PyResult<Value> {
        let args: Vec<Value> = match args.as_obj() {
            Some(Obj { kind: ObjKind::Tuple(t) }) => t.to_vec(),
            _ => self.collect(args)?,
        };
        let mut kw = Vec::new();
        if let Some(k) = kwargs {
            if let Some(d) = super::dict_of(k) {
                kw = d.borrow().items();
            }
        }
        self.call(func, &args, &kw)
    }

    pub fn call_method(&mut self, obj: &Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let n = self.intern(name);
        let (m, slf) = self.load_method(obj, &n)?;
        if slf.is_null() {
            self.call(&m, args, &[])
        } else {
            let mut v = Vec::with_capacity(args.len() + 1);
            v.push(slf);
            v.extend_from_slice(args);
            self.call(&m, &v, &[])
        }
    }

    pub fn make_function(&mut self, f: &Frame, codev: Value, qualname: Value, defaults: Value, kwdefaults: Value, annotations: Value, closure: Option<Value>) -> Value {
        let code = match codev.as_obj() {
            Some(Obj { kind: ObjKind::Code(c) }) => c.clone(),
            _ => unreachable!("MakeFunction operand is always a code constant"),
        };
        let closure = closure.map(|c| match c.as_obj() {
            Some(Obj { kind: ObjKind::Tuple(t) }) => t.clone(),
            _ => Box::new([]) as Box<[Value]>,
        });
        let name = self.intern(&code.name);
        let doc = match &code.docstring {
            Some(d) => super::new_str(d),
            None => Value::NONE,
        };
        let module = super::dict_of(&f.globals).and_then(|d| super::dict_get_str(&d.borrow(), &self.names.__name__)).unwrap_or(Value::NONE);
        Value::new_obj(Obj {
            kind: ObjKind::Function(Box::new(Function {
                code,
                globals: f.globals.clone(),
                name: RefCell::new(name),
                qualname: RefCell::new(qualname),
                defaults: RefCell::new(defaults),
                kwdefaults: RefCell::new(kwdefaults),
                closure,
                dict: RefCell::new(None),
                doc: RefCell::new(doc),
                module,
                annotations: RefCell::new(annotations),
            })),
        })
    }

    pub fn call_function(&mut self, fval: &Value, fun: &Function, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
        let code = fun.code.clone();
        let mut frame = self.new_frame(code.clone(), fun.globals.clone(), Value::NULL);
        // Fast path: exact positional arity, no keywords.
        let simple = kw.is_empty() && !code.flags.varargs && !code.flags.varkw && code.kwonlyargcount == 0 && args.len() == code.argcount as usize;
        if simple {
            for (i, a) in args.iter().enumerate() {
                frame.fast[i] = a.clone();
            }
        } else {
            self.bind_args(fun, &code, &mut frame.fast, args, kw)?;
        }
        if code.ncells() > 0 {
            let mut cells = Vec::with_capacity(code.ncells());
            for (i, _) in code.cellvars.iter().enumerate() {
                let init = match code.cell_args[i] {
                    Some(a) => std::mem::replace(&mut frame.fast[a as usize], Value::NULL),
                    None => Value::NULL,
                };
                cells.push(super::new_cell(init));
            }
            if let Some(cl) = &fun.closure {
                cells.extend(cl.iter().cloned());
            }
            frame.cells = cells;
        }
        if code.flags.generator || code.flags.coroutine {
            let _ = fval;
            return Ok(self.new_generator(frame, fun));
        }
        if simple && code.ncells() == 0 {
            let r = self.run_function(&mut frame);
            self.recycle_frame(frame);
            return r;
        }
        self.run_boxed_frame(frame)
    }

    /// A frame with every fast local unbound, from the VM's pool (see `pooled_frame`).
    #[inline(always)]
    pub fn new_frame(&mut self, code: Rc<crate::bytecode::Code>, globals: Value, locals: Value) -> Box<Frame> {
        let mut f = self.pooled_frame(&code, &globals);
        f.locals = locals;
        f.fast.resize(code.varnames.len(), Value::NULL);
        f
    }

    /// A frame for `code` with no fast locals yet, from the VM's pool: frames are reused whole
    /// (buffers and all), so a call neither allocates nor builds and drops a frame struct in
    /// steady state. A pooled frame that last ran the same code keeps its code and globals
    /// references (no reference-count traffic on recursive and repeated calls).
    #[inline(always)]
    pub fn pooled_frame(&mut self, code: &Rc<crate::bytecode::Code>, globals: &Value) -> Box<Frame> {
        match self.frame_pool.pop() {
            Some(mut f) => {
                if !Rc::ptr_eq(&f.code, code) {
                    f.code = code.clone();
                }
                if !f.globals.is(globals) {
                    f.globals = globals.clone();
                }
                f.pc = 0;
                f
            }
            None => Box::new(Frame::new_empty(code.clone(), globals.clone(), self.builtins.clone())),
        }
    }

    /// Returns a finished frame to the pool (its values are released now).
    #[inline(always)]
    pub fn recycle_frame(&mut self, mut frame: Box<Frame>) {
        if self.frame_pool.len() < 256 {
            // Pop-and-drop keeps the (inlined) Value drop instead of a slice-drop call.
            while let Some(v) = frame.fast.pop() {
                drop(v);
            }
            while let Some(v) = frame.stack.pop() {
                drop(v);
            }
            frame.blocks.clear();
            if !frame.cells.is_empty() {
                frame.cells.clear();
            }
            if !frame.locals.is_null() {
                frame.locals = Value::NULL;
            }
            self.frame_pool.push(frame);
        }
    }

    /// Runs a fresh frame to completion, enforcing the recursion limit.
    pub fn run_frame(&mut self, frame: Frame) -> PyResult<Value> {
        self.run_boxed_frame(Box::new(frame))
    }

    /// Runs a pooled frame to completion and returns it to the pool.
    pub fn run_boxed_frame(&mut self, mut frame: Box<Frame>) -> PyResult<Value> {
        let r = self.run_frame_in_place(&mut frame);
        self.recycle_frame(frame);
        r
    }

    /// Runs a frame the caller owns (no moves of the frame on the hot call path).
    #[inline]
    pub fn run_frame_in_place(&mut self, frame: &mut Frame) -> PyResult<Value> {
        self.run_call_frame(frame)
    }

    fn bind_args(&mut self, fun: &Function, code: &Rc<crate::bytecode::Code>, fast: &mut [Value], args: &[Value], kw: &KwArgs) -> PyResult<()> {
        let argcount = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let posonly = code.posonlyargcount as usize;
        let fname = super::str_of(&fun.qualname.borrow()).unwrap_or("?").to_string();
        let npos = args.len().min(argcount);
        for i in 0..npos {
            fast[i] = args[i].clone();
        }
        let mut slot = argcount + kwonly;
        if code.flags.varargs {
            let extra = if args.len() > argcount { args[argcount..].to_vec() } else { Vec::new() };
            fast[slot] = super::new_tuple(extra);
            slot += 1;
        } else if args.len() > argcount {
            let defaults_n = tuple_len(&fun.defaults.borrow());
            let given_kwonly = kw.iter().filter(|(k, _)| code.varnames[argcount..argcount + kwonly].iter().any(|n| Some(n.as_str()) == super::str_of(k))).count();
            let takes = if defaults_n > 0 {
                format!("from {} to {} positional arguments", argcount - defaults_n, argcount)
            } else {
                format!("{} positional argument{}", argcount, if argcount == 1 { "" } else { "s" })
            };
            let given = if given_kwonly > 0 {
                format!("{} positional argument{} (and {} keyword-only argument{})", args.len(), if args.len() == 1 { "" } else { "s" }, given_kwonly, if given_kwonly == 1 { "" } else { "s" })
            } else {
                format!("{}", args.len())
            };
            let verb = if args.len() == 1 && given_kwonly == 0 { "was" } else { "were" };
            return Err(self.type_error(format!("{fname}() takes {takes} but {given} {verb} given")));
        }
        let kwargs_dict = if code.flags.varkw {
            let d = super::new_dict(Dict::new());
            fast[slot] = d.clone();
            Some(d)
        } else {
            None
        };
        let mut posonly_as_kw = Vec::new();
        for (k, v) in kw {
            let kname = super::str_of(k).unwrap_or("");
            let pos = code.varnames[..argcount + kwonly].iter().position(|n| n == kname);
            match pos {
                Some(i) if i >= posonly => {
                    if !fast[i].is_null() {
                        return Err(self.type_error(format!("{fname}() got multiple values for argument '{kname}'")));
                    }
                    fast[i] = v.clone();
                }
                other => match &kwargs_dict {
                    Some(d) => {
                        self.setitem(d, k.clone(), v.clone())?;
                    }
                    None => {
                        if other.is_some() {
                            posonly_as_kw.push(kname.to_string());
                        } else {
                            return Err(self.type_error(format!("{fname}() got an unexpected keyword argument '{kname}'")));
                        }
                    }
                },
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(self.type_error(format!("{fname}() got some positional-only arguments passed as keyword arguments: '{}'", posonly_as_kw.join(", "))));
        }
        // Defaults for positional parameters.
        let defaults = fun.defaults.borrow().clone();
        let defs: Vec<Value> = match defaults.as_obj() {
            Some(Obj { kind: ObjKind::Tuple(t) }) => t.to_vec(),
            _ => Vec::new(),
        };
        let first_def = argcount - defs.len();
        let mut missing = Vec::new();
        for i in 0..argcount {
            if fast[i].is_null() {
                if i >= first_def {
                    fast[i] = defs[i - first_def].clone();
                } else {
                    missing.push(code.varnames[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!("{fname}() missing {} required positional argument{}: {}", missing.len(), if missing.len() == 1 { "" } else { "s" }, name_list(&missing))));
        }
        let kwdefaults = fun.kwdefaults.borrow().clone();
        for i in argcount..argcount + kwonly {
            if fast[i].is_null() {
                let key = self.intern(&code.varnames[i]);
                let d = super::dict_of(&kwdefaults).and_then(|d| super::dict_get_str(&d.borrow(), &key));
                match d {
                    Some(v) => fast[i] = v,
                    None => missing.push(code.varnames[i].clone()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!("{fname}() missing {} required keyword-only argument{}: {}", missing.len(), if missing.len() == 1 { "" } else { "s" }, name_list(&missing))));
        }
        Ok(())
    }

    pub fn builtin_value(&mut self, name: &str) -> PyResult<Value> {
        let key = self.intern(name);
        let found = super::dict_of(&self.builtins).and_then(|d| super::dict_get_str(&d.borrow(), &key));
        match found {
            Some(v) => Ok(v),
            None => Err(self.new_error("NameError", format!("name '{name}' is not defined"))),
        }
    }
}

fn tuple_len(v: &Value) -> usize {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::Tuple(t) }) => t.len(),
        _ => 0,
    }
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'` as CPython lists missing arguments.
fn name_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}
