//! Name resolution (locals/globals/builtins) and the import system: `sys.modules`, native
//! modules, and source modules/packages found on `sys.path`.

use super::frame::Frame;
use super::Vm;
use crate::dict::Dict;
use crate::object::*;
use crate::value::Value;
use crate::PyResult;
use std::path::{Path, PathBuf};

impl Vm {
    pub fn load_name(&mut self, f: &Frame, name: &Value) -> PyResult<Value> {
        let h = super::str_hash(name);
        if let Some(d) = super::dict_of(&f.locals) {
            if let Some(v) = d.borrow().get_str(name, h) {
                return Ok(v.clone());
            }
        } else if !f.locals.is_null() {
            // A non-dict mapping namespace (from __prepare__).
            match self.getitem(&f.locals, name) {
                Ok(v) => return Ok(v),
                Err(e) if self.is_instance_of_exc(&e, "KeyError") => {}
                Err(e) => return Err(e),
            }
        }
        self.load_global(f, name)
    }

    /// LoadGlobal with the per-code inline cache (globals and builtins layout versions):
    /// the hit path is inlined into the eval loop, the rest is out of line.
    #[inline(always)]
    pub fn load_global_cached(&mut self, f: &Frame, code: &crate::bytecode::Code, n: usize) -> PyResult<Value> {
        let c = code.global_cache[n].get();
        if let Some(gd) = super::dict_of(&f.globals) {
            // SAFETY: no mutable borrow of a namespace dict is held while bytecode runs.
            if let Ok(g) = unsafe { gd.try_borrow_unguarded() } {
                if c.gver == g.version {
                    if !c.in_builtins {
                        if let Some(v) = g.value_at(c.idx as usize) {
                            return Ok(v.clone());
                        }
                    } else if let Some(bd) = super::dict_of(&f.builtins) {
                        if let Ok(b) = unsafe { bd.try_borrow_unguarded() } {
                            if b.version == c.bver {
                                if let Some(v) = b.value_at(c.idx as usize) {
                                    return Ok(v.clone());
                                }
                            }
                        }
                    }
                }
            }
        }
        self.load_global_fill(f, code, n)
    }

    /// Cache miss: look the name up and refill the cache entry.
    #[inline(never)]
    fn load_global_fill(&mut self, f: &Frame, code: &crate::bytecode::Code, n: usize) -> PyResult<Value> {
        let cache = &code.global_cache[n];
        if let Some(gd) = super::dict_of(&f.globals) {
            let g = gd.borrow();
            let name = &code.names[n];
            let h = super::str_hash(name);
            if let Some(i) = g.get_str_index(name, h) {
                cache.set(crate::bytecode::code::GlobalCache { gver: g.version, bver: 0, idx: i as u32, in_builtins: false });
                return Ok(g.value_at(i).cloned().unwrap_or(Value::NONE));
            }
            if let Some(bd) = super::dict_of(&f.builtins) {
                let b = bd.borrow();
                if let Some(i) = b.get_str_index(name, h) {
                    cache.set(crate::bytecode::code::GlobalCache { gver: g.version, bver: b.version, idx: i as u32, in_builtins: true });
                    return Ok(b.value_at(i).cloned().unwrap_or(Value::NONE));
                }
            }
        }
        let name = code.names[n].clone();
        self.load_global(f, &name)
    }

    /// StoreGlobal (and module-level StoreName): overwrite in place when the cache is valid.
    #[inline]
    pub fn store_global_cached(&mut self, f: &Frame, code: &crate::bytecode::Code, n: usize, v: Value) {
        let Some(gd) = super::dict_of(&f.globals) else { return };
        let cache = &code.global_cache[n];
        let c = cache.get();
        let mut g = gd.borrow_mut();
        if c.gver == g.version && !c.in_builtins {
            if let Some(slot) = g.value_at_mut(c.idx as usize) {
                let old = std::mem::replace(slot, v);
                drop(g);
                drop(old);
                return;
            }
        }
        let key = code.names[n].clone();
        super::dict_set_str(&mut g, key.clone(), v);
        if let Some(i) = g.get_str_index(&key, super::str_hash(&key)) {
            cache.set(crate::bytecode::code::GlobalCache { gver: g.version, bver: 0, idx: i as u32, in_builtins: false });
        }
    }

    #[inline]
    pub fn load_global(&mut self, f: &Frame, name: &Value) -> PyResult<Value> {
        let h = super::str_hash(name);
        if let Some(d) = super::dict_of(&f.globals) {
            if let Some(v) = d.borrow().get_str(name, h) {
                return Ok(v.clone());
            }
        }
        if let Some(d) = super::dict_of(&f.builtins) {
            if let Some(v) = d.borrow().get_str(name, h) {
                return Ok(v.clone());
            }
        }
        Err(self.name_error(name))
    }

    pub fn store_name(&mut self, f: &Frame, name: &Value, v: Value) -> PyResult<()> {
        if let Some(d) = super::dict_of(&f.locals) {
            super::dict_set_str(&mut d.borrow_mut(), name.clone(), v);
            return Ok(());
        }
        if !f.locals.is_null() {
            return self.setitem(&f.locals, name.clone(), v);
        }
        if let Some(d) = super::dict_of(&f.globals) {
            super::dict_set_str(&mut d.borrow_mut(), name.clone(), v);
        }
        Ok(())
    }

    pub fn delete_name(&mut self, f: &Frame, name: &Value) -> PyResult<()> {
        let target = if f.locals.is_null() { &f.globals } else { &f.locals };
        if let Some(d) = super::dict_of(target) {
            let mut never = |_: &Value, _: &Value| -> Result<bool, ()> { Ok(false) };
            if d.borrow_mut().remove(name, super::str_hash(name), &mut never).ok().flatten().is_some() {
                return Ok(());
            }
        }
        Err(self.name_error(name))
    }

    pub fn setup_annotations(&mut self, f: &Frame) -> PyResult<()> {
        let key = self.names.__annotations__.clone();
        let target = if f.locals.is_null() { f.globals.clone() } else { f.locals.clone() };
        if let Some(d) = super::dict_of(&target) {
            if super::dict_get_str(&d.borrow(), &key).is_none() {
                super::dict_set_str(&mut d.borrow_mut(), key, super::new_dict(Dict::new()));
            }
        }
        Ok(())
    }

    fn sys_path(&mut self) -> Vec<String> {
        let sys = self.sys.clone();
        let mut out = Vec::new();
        if let Ok(p) = self.getattr_str(&sys, "path") {
            if let Ok(items) = self.collect(&p) {
                for it in items {
                    if let Some(s) = super::str_of(&it) {
                        out.push(s.to_string());
                    }
                }
            }
        }
        out
    }

    /// The `import` statement.
    pub fn import_name(&mut self, f: &Frame, name: &Value, fromlist: &Value, level: &Value) -> PyResult<Value> {
        let name = super::str_of(name).unwrap_or("").to_string();
        let level = level.as_small_int().unwrap_or(0);
        let full = if level > 0 {
            let package = self.current_package(f)?;
            let mut parts: Vec<&str> = package.split('.').collect();
            if package.is_empty() || (level as usize) > parts.len() + 0 && level > 1 && (level as usize - 1) > parts.len() {
                return Err(self.new_error("ImportError", "attempted relative import with no known parent package".to_string()));
            }
            if package.is_empty() {
                return Err(self.new_error("ImportError", "attempted relative import with no known parent package".to_string()));
            }
            for _ in 1..level {
                if parts.pop().is_none() {
                    return Err(self.new_error("ImportError", "attempted relative import beyond top-level package".to_string()));
                }
            }
            let base = parts.join(".");
            if name.is_empty() { base } else { format!("{base}.{name}") }
        } else {
            name.clone()
        };
        let leaf = self.import_module(&full)?;
        let has_fromlist = !fromlist.is_none() && self.truthy(fromlist)?;
        if has_fromlist || level > 0 && name.is_empty() {
            return Ok(leaf);
        }
        if level > 0 {
            return Ok(leaf);
        }
        let top = full.split('.').next().unwrap_or("").to_string();
        self.import_module(&top)
    }

    fn current_package(&mut self, f: &Frame) -> PyResult<String> {
        let g = super::dict_of(&f.globals).map(|d| d.borrow().clone()).unwrap_or_default();
        let pkg_key = self.names.__package__.clone();
        if let Some(p) = super::dict_get_str(&g, &pkg_key) {
            if let Some(s) = super::str_of(&p) {
                return Ok(s.to_string());
            }
        }
        let name = super::dict_get_str(&g, &self.names.__name__).and_then(|n| super::str_of(&n).map(|s| s.to_string())).unwrap_or_default();
        let is_pkg = super::dict_get_str(&g, &self.names.__path__).is_some();
        if is_pkg {
            return Ok(name);
        }
        Ok(name.rsplit_once('.').map(|(a, _)| a.to_string()).unwrap_or_default())
    }

    /// Imports a dotted module name, importing parents first; returns the leaf.
    pub fn import_module(&mut self, full: &str) -> PyResult<Value> {
        if let Some(m) = self.sys_modules_get(full) {
            return Ok(m);
        }
        let (parent, short) = match full.rsplit_once('.') {
            Some((p, s)) => (Some(p.to_string()), s.to_string()),
            None => (None, full.to_string()),
        };
        let search: Vec<String> = match &parent {
            Some(p) => {
                let pm = self.import_module(p)?;
                if let Some(m) = self.sys_modules_get(full) {
                    return Ok(m);
                }
                let path = self.getattr_opt(&pm, &self.names.__path__.clone())?;
                match path {
                    Some(pv) => self.collect(&pv)?.iter().filter_map(|x| super::str_of(x).map(|s| s.to_string())).collect(),
                    None => {
                        return Err(self.module_not_found(full, Some(p)));
                    }
                }
            }
            None => {
                if let Some(init) = self.native_modules.get(full).copied() {
                    let m = init(self)?;
                    self.sys_modules_set(full, m.clone());
                    return Ok(m);
                }
                self.sys_path()
            }
        };
        let Some((file, is_pkg)) = find_source(&search, &short) else {
            return Err(self.module_not_found(full, parent.as_deref()));
        };
        let m = self.load_source_module(full, &file, is_pkg)?;
        if let Some(p) = parent {
            if let Some(pm) = self.sys_modules_get(&p) {
                let k = self.intern(&short);
                self.setattr(&pm, &k, m.clone())?;
            }
        }
        Ok(m)
    }

    fn module_not_found(&mut self, full: &str, parent: Option<&str>) -> crate::PyErr {
        let _ = parent;
        let e = self.new_error("ModuleNotFoundError", format!("No module named '{full}'"));
        if let Some(Obj { kind: ObjKind::Instance(i) }) = e.0.as_obj() {
            if let Some(d) = super::dict_of(&i.dict) {
                let k = self.intern("name");
                super::dict_set_str(&mut d.borrow_mut(), k, super::new_str(full));
            }
        }
        e
    }

    pub fn sys_modules_get(&mut self, name: &str) -> Option<Value> {
        let k = self.intern(name);
        super::dict_of(&self.modules).and_then(|d| super::dict_get_str(&d.borrow(), &k))
    }

    pub fn sys_modules_set(&mut self, name: &str, m: Value) {
        let k = self.intern(name);
        if let Some(d) = super::dict_of(&self.modules) {
            super::dict_set_str(&mut d.borrow_mut(), k, m);
        }
    }

    fn load_source_module(&mut self, full: &str, file: &Path, is_pkg: bool) -> PyResult<Value> {
        let fname = file.to_string_lossy().to_string();
        let code = self.compile_file_cached(&fname)?;
        let m = self.new_module(full);
        self.module_set(&m, "__file__", super::new_str(&fname));
        let pkg = if is_pkg { full.to_string() } else { full.rsplit_once('.').map(|(a, _)| a.to_string()).unwrap_or_default() };
        let pv = super::new_str(&pkg);
        self.module_set(&m, "__package__", pv);
        if is_pkg {
            let dir = file.parent().map(|p| p.to_string_lossy().to_string()).unwrap_or_default();
            let l = super::new_list(vec![super::new_str(&dir)]);
            self.module_set(&m, "__path__", l);
        }
        let b = self.builtins.clone();
        self.module_set(&m, "__builtins__", b);
        self.sys_modules_set(full, m.clone());
        let globals = self.module_dict(&m).unwrap_or(Value::NONE);
        let r = self.run_code(code, globals);
        if let Err(e) = r {
            // A failed import leaves no half-initialised module behind.
            let k = self.intern(full);
            if let Some(d) = super::dict_of(&self.modules) {
                let mut never = |_: &Value, _: &Value| -> Result<bool, ()> { Ok(false) };
                let _ = d.borrow_mut().remove(&k, super::str_hash(&k), &mut never);
            }
            return Err(e);
        }
        Ok(m)
    }

    /// Runs a module-level code object with `globals` as both namespaces.
    pub fn run_code(&mut self, code: std::rc::Rc<crate::bytecode::Code>, globals: Value) -> PyResult<Value> {
        let b = self.builtins.clone();
        let frame = Frame::new(code, globals.clone(), globals, b);
        self.run_frame(frame)
    }

    pub fn import_from(&mut self, m: &Value, name: &Value) -> PyResult<Value> {
        if let Some(v) = self.getattr_opt(m, name)? {
            return Ok(v);
        }
        let mname = self.getattr_opt(m, &self.names.__name__.clone())?.and_then(|n| super::str_of(&n).map(|s| s.to_string())).unwrap_or_default();
        let n = super::str_of(name).unwrap_or("").to_string();
        let full = format!("{mname}.{n}");
        if self.getattr_opt(m, &self.names.__path__.clone())?.is_some() {
            if let Ok(sub) = self.import_module(&full) {
                return Ok(sub);
            }
        }
        let file = self.getattr_opt(m, &self.names.__file__.clone())?.and_then(|n| super::str_of(&n).map(|s| s.to_string()));
        let loc = match file {
            Some(f) => format!(" ({f})"),
            None => " (unknown location)".to_string(),
        };
        Err(self.new_error("ImportError", format!("cannot import name '{n}' from '{mname}'{loc}")))
    }

    pub fn import_star(&mut self, f: &Frame, m: &Value) -> PyResult<()> {
        let all = self.getattr_opt(m, &self.names.__all__.clone())?;
        let names: Vec<Value> = match all {
            Some(a) => self.collect(&a)?,
            None => {
                let d = self.module_dict(m).unwrap_or(Value::NONE);
                super::dict_of(&d).map(|d| d.borrow().keys()).unwrap_or_default().into_iter().filter(|k| !super::str_of(k).unwrap_or("_").starts_with('_')).collect()
            }
        };
        for n in names {
            let v = self.getattr(m, &n)?;
            self.store_name(f, &n, v)?;
        }
        Ok(())
    }
}

fn find_source(dirs: &[String], name: &str) -> Option<(PathBuf, bool)> {
    for d in dirs {
        let base = if d.is_empty() { PathBuf::from(".") } else { PathBuf::from(d) };
        let pkg = base.join(name).join("__init__.py");
        if pkg.is_file() {
            return Some((pkg, true));
        }
        let file = base.join(format!("{name}.py"));
        if file.is_file() {
            return Some((file, false));
        }
    }
    None
}
