//! Smaller protocols the eval loop needs: `with`, `match` helpers, interactive echo,
//! compilation entry points and the signal check.

use super::ops::base_value;
use super::types::type_obj;
use super::Vm;
use crate::object::*;
use crate::value::Value;
use crate::PyResult;
use std::rc::Rc;

/// Points a cached code object (and its nested code) at the path it was imported from.
fn retarget_filename(c: &mut crate::bytecode::Code, f: &Rc<str>) {
    c.filename = f.clone();
    for k in c.consts.iter_mut() {
        if let Some(Obj { kind: ObjKind::Code(inner) }) = k.as_obj() {
            let mut copy = clone_code(inner);
            retarget_filename(&mut copy, f);
            *k = super::new_code(copy);
        }
    }
}

fn clone_code(c: &crate::bytecode::Code) -> crate::bytecode::Code {
    crate::bytecode::Code {
        name: c.name.clone(),
        qualname: c.qualname.clone(),
        filename: c.filename.clone(),
        first_line: c.first_line,
        instrs: c.instrs.clone(),
        spans: c.spans.clone(),
        consts: c.consts.clone(),
        names: c.names.clone(),
        varnames: c.varnames.clone(),
        cellvars: c.cellvars.clone(),
        freevars: c.freevars.clone(),
        cell_args: c.cell_args.clone(),
        argcount: c.argcount,
        posonlyargcount: c.posonlyargcount,
        kwonlyargcount: c.kwonlyargcount,
        flags: c.flags,
        docstring: c.docstring.clone(),
        global_cache: (0..c.names.len()).map(|_| std::cell::Cell::new(Default::default())).collect(),
        attr_cache: crate::bytecode::code::new_attr_cache(c.names.len()),
        loop_heat: crate::bytecode::code::new_loop_heat(c.instrs.len()),
        jit_fn: Default::default(),
        max_stack: c.max_stack,
    }
}

impl Vm {
    /// `with mgr`: returns (bound __exit__, result of __enter__()).
    pub fn with_enter(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let t = self.type_of(mgr);
        let enter = self.lookup_type(&t, &self.names.__enter__.clone());
        let exit = self.lookup_type(&t, &self.names.__exit__.clone());
        let (Some(enter), Some(exit)) = (enter, exit) else {
            let tn = self.type_name(mgr);
            let has_enter = self.lookup_type(&t, &self.names.__enter__.clone()).is_some();
            let suffix = if has_enter { " (missed __exit__ method)" } else { "" };
            return Err(self.type_error(format!("'{tn}' object does not support the context manager protocol{suffix}")));
        };
        let exit_b = self.bind_descriptor(exit, mgr, &t)?;
        let enter_b = self.bind_descriptor(enter, mgr, &t)?;
        let v = self.call(&enter_b, &[], &[])?;
        Ok((exit_b, v))
    }

    pub fn print_expr(&mut self, v: Value) -> PyResult<()> {
        if v.is_none() {
            return Ok(());
        }
        let r = self.repr(&v)?;
        self.write_to_file(&Value::NONE, &format!("{r}\n"), false)?;
        let k = self.intern("_");
        if let Some(d) = super::dict_of(&self.builtins) {
            super::dict_set_str(&mut d.borrow_mut(), k, v);
        }
        Ok(())
    }

    pub fn is_mapping_for_match(&mut self, v: &Value) -> bool {
        let b = base_value(v);
        if matches!(b.as_obj().map(|o| &o.kind), Some(ObjKind::Dict(_) | ObjKind::MappingProxy(_))) {
            return true;
        }
        false
    }

    pub fn is_sequence_for_match(&mut self, v: &Value) -> bool {
        let b = base_value(v);
        matches!(b.as_obj().map(|o| &o.kind), Some(ObjKind::List(_) | ObjKind::Tuple(_) | ObjKind::Range(_)))
    }

    /// Values for `keys` from a mapping subject, or None if any is missing.
    pub fn match_keys(&mut self, subj: &Value, keys: &Value) -> PyResult<Value> {
        let keys = self.collect(keys)?;
        let mut out = Vec::with_capacity(keys.len());
        let get = self.getattr_str(subj, "get")?;
        let sentinel = Value::new_obj(Obj { kind: ObjKind::Cell(std::cell::RefCell::new(Value::NULL)) });
        for (i, k) in keys.iter().enumerate() {
            if keys[..i].iter().any(|p| crate::dict::key_eq_fast(p, k) == Some(true)) {
                let r = self.repr(k)?;
                return Err(self.value_error(format!("mapping pattern checks duplicate key ({r})")));
            }
            let v = self.call(&get, &[k.clone(), sentinel.clone()], &[])?;
            if v.is(&sentinel) {
                return Ok(Value::NONE);
            }
            out.push(v);
        }
        Ok(super::new_tuple(out))
    }

    pub fn copy_dict_without_keys(&mut self, subj: &Value, keys: &Value) -> PyResult<Value> {
        let d = super::new_dict(crate::dict::Dict::new());
        self.dict_update(&d, subj, false)?;
        for k in self.collect(keys)? {
            let _ = self.delitem(&d, &k);
        }
        Ok(d)
    }

    /// Class pattern: attribute values (positional via `__match_args__`, then keywords).
    pub fn match_class(&mut self, subj: &Value, cls: &Value, npos: usize, names: &Value) -> PyResult<Value> {
        if type_obj(cls).is_none() {
            return Err(self.type_error("called match pattern must be a class".to_string()));
        }
        if !self.isinstance(subj, cls)? {
            return Ok(Value::NONE);
        }
        let mut out = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        if npos > 0 {
            let match_args = self.getattr_opt(cls, &self.names.__match_args__.clone())?;
            let self_match = type_obj(cls).map(|t| {
                t.is_builtin && matches!(t.layout, Layout::Int | Layout::Float | Layout::Str | Layout::Tuple | Layout::List | Layout::Dict | Layout::Set) || ["bool", "bytes", "bytearray", "frozenset"].contains(&t.name.borrow().as_str())
            }).unwrap_or(false);
            match match_args {
                Some(ma) => {
                    let items = self.collect(&ma)?;
                    if npos > items.len() {
                        let cn = type_obj(cls).map(|t| t.name.borrow().clone()).unwrap_or_default();
                        return Err(self.type_error(format!("{cn}() accepts {} positional sub-pattern{} ({npos} given)", items.len(), if items.len() == 1 { "" } else { "s" })));
                    }
                    for n in &items[..npos] {
                        let ns = super::str_of(n).unwrap_or("").to_string();
                        seen.push(ns);
                        match self.getattr_opt(subj, n)? {
                            Some(v) => out.push(v),
                            None => return Ok(Value::NONE),
                        }
                    }
                }
                None if self_match => {
                    if npos > 1 {
                        let cn = type_obj(cls).map(|t| t.name.borrow().clone()).unwrap_or_default();
                        return Err(self.type_error(format!("{cn}() accepts 1 positional sub-pattern ({npos} given)")));
                    }
                    out.push(subj.clone());
                }
                None => {
                    let cn = type_obj(cls).map(|t| t.name.borrow().clone()).unwrap_or_default();
                    return Err(self.type_error(format!("{cn}() accepts 0 positional sub-patterns ({npos} given)")));
                }
            }
        }
        for n in self.collect(names)? {
            let ns = super::str_of(&n).unwrap_or("").to_string();
            if seen.contains(&ns) {
                let cn = type_obj(cls).map(|t| t.name.borrow().clone()).unwrap_or_default();
                return Err(self.type_error(format!("{cn}() got multiple sub-patterns for attribute '{ns}'")));
            }
            seen.push(ns);
            match self.getattr_opt(subj, &n)? {
                Some(v) => out.push(v),
                None => return Ok(Value::NONE),
            }
        }
        Ok(super::new_tuple(out))
    }

    /// Periodic check for pending signals (KeyboardInterrupt).
    #[inline]
    pub fn check_signals(&mut self) -> PyResult<()> {
        if crate::signals::take_interrupt() {
            return Err(self.new_error("KeyboardInterrupt", String::new()));
        }
        Ok(())
    }

    /// Compiles source text; syntax errors become `SyntaxError` exceptions.
    pub fn compile_source(&mut self, src: &str, filename: &str, mode: crate::compiler::Mode) -> PyResult<Rc<crate::bytecode::Code>> {
        let opt = self.config.optimize;
        match crate::compiler::compile(src, filename, mode, &mut self.interner, opt) {
            Ok(c) => Ok(c),
            Err(e) => Err(self.syntax_error_from(&e, src, filename)),
        }
    }

    pub fn syntax_error_from(&mut self, e: &crate::compiler::CompileError, src: &str, filename: &str) -> crate::PyErr {
        let idx = crate::compiler::LineIndex::new(src);
        let (line, col) = idx.line_col(e.offset.min(src.len() as u32));
        let text = src.lines().nth(line as usize - 1).unwrap_or("").to_string();
        let col_chars = text.get(..col as usize).map(|s| s.chars().count()).unwrap_or(col as usize) + 1;
        let end = e.end_offset.map(|eo| {
            let (l2, c2) = idx.line_col(eo.min(src.len() as u32));
            if l2 == line {
                text.get(..c2 as usize).map(|s| s.chars().count()).unwrap_or(c2 as usize) + 1
            } else {
                col_chars + 1
            }
        });
        let name = if e.indentation { "IndentationError" } else { "SyntaxError" };
        let ty = self.exc_type(name);
        let details = super::new_tuple(vec![
            super::new_str(filename),
            super::new_int(line as i64),
            super::new_int(col_chars as i64),
            super::new_string(format!("{text}\n")),
            super::new_int(line as i64),
            super::new_int(end.unwrap_or(col_chars) as i64),
        ]);
        match self.call(&ty, &[super::new_str(&e.msg), details], &[]) {
            Ok(v) => crate::PyErr(v),
            Err(err) => err,
        }
    }

    /// Compiles a source file, using the bytecode cache when it is fresh.
    pub fn compile_file_cached(&mut self, path: &str) -> PyResult<Rc<crate::bytecode::Code>> {
        use crate::bytecode::cache;
        let src_path = std::path::Path::new(path);
        let cpath = cache::cache_path_for(src_path);
        // The stamp is taken before reading, so an edit during compilation leaves a stale
        // (rejected) cache rather than a wrong one.
        let stamp = cache::source_stamp(src_path);
        if let Some(mut c) = cache::read_cached(&cpath, src_path, &mut self.interner) {
            if *c.filename != *path {
                let f: Rc<str> = path.into();
                retarget_filename(&mut c, &f);
            }
            return Ok(Rc::new(c));
        }
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => return Err(self.new_error("OSError", format!("[Errno 2] {e}: '{path}'"))),
        };
        let src = String::from_utf8_lossy(&bytes).to_string();
        let code = self.compile_source(&src, path, crate::compiler::Mode::Exec)?;
        let no_write = self.config.dont_write_bytecode || (!self.config.ignore_env && std::env::var_os("PYTHONDONTWRITEBYTECODE").map(|v| !v.is_empty()).unwrap_or(false));
        if !no_write {
            if let Some((m, l)) = stamp {
                cache::write_cached_stamped(&cpath, m, l, &code);
            }
        }
        Ok(code)
    }
}
