//! The `sys` module, the standard stream objects, and `open()` file objects.

use super::{add_methods, arg, kwarg};
use crate::dict::Dict;
use crate::object::*;
use crate::value::Value;
use crate::vm::types::{make_type, type_obj};
use crate::vm::{self, Vm};
use crate::PyResult;
use std::cell::RefCell;

pub const VERSION: &str = "3.11.7 (rpy 0.1.0)";

pub fn register(vm: &mut Vm) {
    let sys = vm.new_module("sys");
    // Stream type shared by stdout/stderr/stdin and text files.
    let io_t = make_type(&mut vm.interner, "TextIOWrapper", Some(&vm.types.object.clone()), Layout::Object);
    if let Some(t) = type_obj(&io_t) {
        *t.module.borrow_mut() = vm.intern("_io");
    }
    add_methods(vm, &io_t, &[
        ("write", file_write),
        ("flush", file_flush),
        ("read", file_read),
        ("readline", file_readline),
        ("readlines", file_readlines),
        ("close", file_close),
        ("__enter__", file_enter),
        ("__exit__", file_exit),
        ("__iter__", file_iter),
        ("__next__", file_next),
        ("fileno", file_fileno),
        ("isatty", file_isatty),
        ("writelines", file_writelines),
    ]);
    vm.io_type = io_t.clone();
    let out = new_stream(vm, &io_t, 1, "<stdout>", "w");
    let err = new_stream(vm, &io_t, 2, "<stderr>", "w");
    let inp = new_stream(vm, &io_t, 0, "<stdin>", "r");
    for (n, v) in [("stdout", out.clone()), ("stderr", err.clone()), ("stdin", inp.clone()), ("__stdout__", out), ("__stderr__", err), ("__stdin__", inp)] {
        vm.module_set(&sys, n, v);
    }
    let argv: Vec<Value> = vm.config.argv.iter().map(|a| vm::new_str(a)).collect();
    vm.module_set(&sys, "argv", vm::new_list(argv));
    let path: Vec<Value> = vm.config.path.iter().map(|p| vm::new_str(p)).collect();
    vm.module_set(&sys, "path", vm::new_list(path));
    let modules = vm.modules.clone();
    vm.module_set(&sys, "modules", modules);
    vm.module_set(&sys, "version", vm::new_str(VERSION));
    vm.module_set(&sys, "platform", vm::new_str("linux"));
    vm.module_set(&sys, "byteorder", vm::new_str("little"));
    vm.module_set(&sys, "maxsize", vm::new_int(i64::MAX));
    vm.module_set(&sys, "maxunicode", vm::new_int(0x10FFFF));
    vm.module_set(&sys, "executable", vm::new_string(std::env::current_exe().map(|p| p.to_string_lossy().to_string()).unwrap_or_default()));
    vm.module_set(&sys, "prefix", vm::new_str("/usr"));
    vm.module_set(&sys, "dont_write_bytecode", Value::bool(vm.config.dont_write_bytecode));
    vm.module_set(&sys, "api_version", vm::new_int(1013));
    let vi = struct_seq(
        vm,
        "version_info",
        &[("major", vm::new_int(3)), ("minor", vm::new_int(11)), ("micro", vm::new_int(7)), ("releaselevel", vm::new_str("final")), ("serial", vm::new_int(0))],
    );
    vm.module_set(&sys, "version_info", vi);
    vm.module_set(&sys, "hexversion", vm::new_int(0x030B07F0));
    let imp = vm.new_module("implementation");
    vm.module_set(&imp, "name", vm::new_str("rpy"));
    vm.module_set(&imp, "cache_tag", vm::new_str("rpy-011"));
    let iv = vm::new_tuple(vec![vm::new_int(0), vm::new_int(1), vm::new_int(0), vm::new_str("alpha"), vm::new_int(0)]);
    vm.module_set(&imp, "version", iv);
    vm.module_set(&sys, "implementation", imp);
    let flags = vm.new_module("flags");
    for (n, v) in [("optimize", vm.config.optimize as i64), ("dont_write_bytecode", vm.config.dont_write_bytecode as i64), ("no_site", vm.config.no_site as i64), ("ignore_environment", vm.config.ignore_env as i64), ("isolated", vm.config.isolated as i64), ("verbose", 0), ("interactive", 0), ("quiet", 0), ("utf8_mode", 1), ("int_max_str_digits", 4300)] {
        vm.module_set(&flags, n, vm::new_int(v));
    }
    vm.module_set(&sys, "flags", flags);
    let fi = vm.new_module("float_info");
    for (n, v) in [("max", Value::float(f64::MAX)), ("min", Value::float(f64::MIN_POSITIVE)), ("epsilon", Value::float(f64::EPSILON)), ("dig", vm::new_int(15)), ("mant_dig", vm::new_int(53)), ("max_exp", vm::new_int(1024)), ("min_exp", vm::new_int(-1021)), ("radix", vm::new_int(2))] {
        vm.module_set(&fi, n, v);
    }
    vm.module_set(&sys, "float_info", fi);
    let ii = struct_seq(
        vm,
        "int_info",
        &[("bits_per_digit", vm::new_int(30)), ("sizeof_digit", vm::new_int(4)), ("default_max_str_digits", vm::new_int(4300)), ("str_digits_check_threshold", vm::new_int(640))],
    );
    vm.module_set(&sys, "int_info", ii);
    let hi = vm.new_module("hash_info");
    for (n, v) in [("width", 64), ("modulus", (1i64 << 61) - 1), ("inf", 314159), ("nan", 0), ("imag", 1000003)] {
        vm.module_set(&hi, n, vm::new_int(v));
    }
    vm.module_set(&hi, "algorithm", vm::new_str("siphash13"));
    vm.module_set(&sys, "hash_info", hi);
    for (n, f) in [
        ("exit", sys_exit as NativeFn),
        ("getrecursionlimit", sys_getrecursionlimit),
        ("setrecursionlimit", sys_setrecursionlimit),
        ("exc_info", sys_exc_info),
        ("exception", sys_exception),
        ("getsizeof", sys_getsizeof),
        ("intern", sys_intern),
        ("_getframe", sys_getframe),
        ("getdefaultencoding", sys_getdefaultencoding),
        ("getfilesystemencoding", sys_getdefaultencoding),
        ("set_int_max_str_digits", sys_set_int_max_str_digits),
        ("get_int_max_str_digits", sys_get_int_max_str_digits),
        ("getrefcount", sys_getrefcount),
    ] {
        vm.module_add_fn(&sys, n, f);
    }
    vm.sys = sys.clone();
    vm.sys_modules_set("sys", sys);
}

fn new_stream(vm: &mut Vm, ty: &Value, fd: i64, name: &str, mode: &str) -> Value {
    let inst = Value::new_obj(Obj {
        kind: ObjKind::Instance(Instance {
            class: RefCell::new(ty.clone()),
            dict: vm::new_dict(Dict::new()),
            slots: RefCell::new(Vec::new()),
            base: RefCell::new(vm::new_int(fd)),
            exc: None,
        }),
    });
    let _ = vm.setattr_raw(&inst, "name", vm::new_str(name));
    let _ = vm.setattr_raw(&inst, "mode", vm::new_str(mode));
    let _ = vm.setattr_raw(&inst, "encoding", vm::new_str("utf-8"));
    inst
}

/// The fd of a standard stream object (1 or 2 for output), if `v` is one.
pub fn native_stream_fd(v: &Value) -> Option<i64> {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::Instance(i) }) => {
            let b = i.base.borrow();
            match b.as_small_int() {
                Some(fd @ (1 | 2)) => Some(fd),
                _ => None,
            }
        }
        _ => None,
    }
}

impl Vm {
    /// Sets an instance attribute directly in its dict.
    pub fn setattr_raw(&mut self, obj: &Value, name: &str, v: Value) -> PyResult<()> {
        if let Some(Obj { kind: ObjKind::Instance(i) }) = obj.as_obj() {
            if let Some(d) = vm::dict_of(&i.dict) {
                let k = self.intern(name);
                vm::dict_set_str(&mut d.borrow_mut(), k, v);
            }
        }
        Ok(())
    }

    fn getattr_raw(&mut self, obj: &Value, name: &str) -> Value {
        if let Some(Obj { kind: ObjKind::Instance(i) }) = obj.as_obj() {
            if let Some(d) = vm::dict_of(&i.dict) {
                let k = self.intern(name);
                return vm::dict_get_str(&d.borrow(), &k).unwrap_or(Value::NONE);
            }
        }
        Value::NONE
    }
}

fn sys_exit(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let t = vm.exc_type("SystemExit");
    let e = vm.call(&t, args, &[])?;
    Err(crate::PyErr(e))
}

fn sys_getrecursionlimit(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(vm::new_int(vm.recursion_limit as i64))
}

fn sys_setrecursionlimit(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("setrecursionlimit", args, 1, 1)?;
    let n = vm.index_value(&args[0])?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1".to_string()));
    }
    vm.recursion_limit = n.min(200_000) as u32;
    Ok(Value::NONE)
}

fn sys_exc_info(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    match vm.handled.last().cloned() {
        Some(e) => {
            let t = vm.type_of(&e);
            let tb = vm.traceback_value(&e);
            Ok(vm::new_tuple(vec![t, e, tb]))
        }
        None => Ok(vm::new_tuple(vec![Value::NONE, Value::NONE, Value::NONE])),
    }
}

fn sys_exception(vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(vm.handled.last().cloned().unwrap_or(Value::NONE))
}

fn sys_getsizeof(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("getsizeof", args, 1, 2)?;
    Ok(vm::new_int(64))
}

fn sys_intern(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("intern", args, 1, 1)?;
    match vm::str_of(&args[0]) {
        Some(s) => {
            let s = s.to_string();
            Ok(vm.intern(&s))
        }
        None => Err(vm.type_error("intern() argument must be str".to_string())),
    }
}

fn sys_getframe(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("_getframe", args, 0, 1)?;
    let depth = match args.first() {
        Some(d) => vm.index_value(d)?,
        None => 0,
    };
    let n = vm.frames.len() as i64;
    if depth < 0 || depth >= n {
        return Err(vm.value_error("call stack is not deep enough".to_string()));
    }
    frame_object(vm, (n - 1 - depth) as usize)
}

/// A snapshot of executing frame `i` (index into `vm.frames`) as a Python frame object:
/// `f_code`, `f_globals`, `f_locals`, `f_lineno`, `f_lasti`, `f_back` (built eagerly).
pub fn frame_object(vm: &mut Vm, i: usize) -> PyResult<Value> {
    let back = if i > 0 { frame_object(vm, i - 1)? } else { Value::NONE };
    // SAFETY: `vm.frames` holds pointers to frames that are executing right now.
    let f = unsafe { &*vm.frames[i] };
    let code = f.code.clone();
    let globals = f.globals.clone();
    let pc = f.pc.saturating_sub(1);
    let locals = if f.locals.is_null() {
        let save = std::mem::take(&mut vm.frames);
        vm.frames = save[..=i].to_vec();
        let l = vm.current_locals();
        vm.frames = save;
        l
    } else {
        f.locals.clone()
    };
    let ty = vm.types.frame.clone();
    let obj = Value::new_obj(Obj {
        kind: ObjKind::Instance(Instance {
            class: RefCell::new(ty),
            dict: vm::new_dict(Dict::new()),
            slots: RefCell::new(Vec::new()),
            base: RefCell::new(Value::NULL),
            exc: None,
        }),
    });
    vm.setattr_raw(&obj, "f_code", Value::new_obj(Obj { kind: ObjKind::Code(code.clone()) }))?;
    vm.setattr_raw(&obj, "f_globals", globals)?;
    vm.setattr_raw(&obj, "f_locals", locals)?;
    vm.setattr_raw(&obj, "f_lineno", vm::new_int(code.line_at(pc) as i64))?;
    vm.setattr_raw(&obj, "f_lasti", vm::new_int(pc as i64 * 2))?;
    vm.setattr_raw(&obj, "f_back", back)?;
    let b = vm.builtins.clone();
    vm.setattr_raw(&obj, "f_builtins", b)?;
    Ok(obj)
}

fn sys_getdefaultencoding(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(vm::new_str("utf-8"))
}

thread_local! {
    static INT_MAX_STR_DIGITS: std::cell::Cell<usize> = std::cell::Cell::new(4300);
}

/// `sys.get_int_max_str_digits()`: the limit on decimal int <-> str conversions (0 = none).
pub fn int_max_str_digits() -> usize {
    INT_MAX_STR_DIGITS.with(|c| c.get())
}

fn sys_set_int_max_str_digits(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let Some(v) = arg(args, kw, 0, "maxdigits") else {
        return Err(vm.type_error("set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)".to_string()));
    };
    let n = vm.index_value(&v)?;
    if n != 0 && n < 640 {
        return Err(vm.value_error("maxdigits must be 0 or larger than 640".to_string()));
    }
    INT_MAX_STR_DIGITS.with(|c| c.set(n.max(0) as usize));
    Ok(Value::NONE)
}

fn sys_get_int_max_str_digits(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(vm::new_int(int_max_str_digits() as i64))
}

/// A `sys` struct sequence (`sys.version_info`, `sys.int_info`): a tuple subclass instance
/// whose fields are also attributes, with the `sys.name(field=value, ...)` repr.
fn struct_seq(vm: &mut Vm, name: &str, fields: &[(&str, Value)]) -> Value {
    let tuple_t = vm.types.tuple.clone();
    let object_t = vm.types.object.clone();
    let mut tdict = Dict::new();
    let names: Vec<Value> = fields.iter().map(|(n, _)| vm::new_str(n)).collect();
    let k = vm.intern("_fields");
    vm::dict_set_str(&mut tdict, k, vm::new_tuple(names));
    let k = vm.intern("n_fields");
    vm::dict_set_str(&mut tdict, k, vm::new_int(fields.len() as i64));
    let k = vm.intern("n_sequence_fields");
    vm::dict_set_str(&mut tdict, k, vm::new_int(fields.len() as i64));
    let ty = Value::new_obj(Obj {
        kind: ObjKind::Type(Box::new(TypeObj {
            name: RefCell::new(name.to_string()),
            qualname: RefCell::new(name.to_string()),
            module: RefCell::new(vm.intern("sys")),
            bases: RefCell::new(vec![tuple_t.clone()]),
            mro: RefCell::new(Vec::new()),
            dict: RefCell::new(tdict),
            layout: Layout::Tuple,
            version: std::cell::Cell::new(1),
            meta: RefCell::new(Value::NULL),
            slots: None,
            is_builtin: false,
            has_dict: false,
        })),
    });
    if let Some(t) = type_obj(&ty) {
        *t.mro.borrow_mut() = vec![ty.clone(), tuple_t, object_t];
    }
    add_methods(vm, &ty, &[("__repr__", struct_seq_repr), ("__str__", struct_seq_repr)]);
    let mut d = Dict::new();
    for (n, v) in fields {
        let k = vm.intern(n);
        vm::dict_set_str(&mut d, k, v.clone());
    }
    let items: Vec<Value> = fields.iter().map(|(_, v)| v.clone()).collect();
    Value::new_obj(Obj {
        kind: ObjKind::Instance(Instance {
            class: RefCell::new(ty),
            dict: vm::new_dict(d),
            slots: RefCell::new(Vec::new()),
            base: RefCell::new(vm::new_tuple(items)),
            exc: None,
        }),
    })
}

fn struct_seq_repr(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let slf = &args[0];
    let ty = vm.type_of(slf);
    let (name, fields) = match type_obj(&ty) {
        Some(t) => {
            let f = t.dict.borrow().get_str(&vm.intern("_fields"), vm::str_hash(&vm.intern("_fields"))).cloned();
            (t.name.borrow().clone(), f)
        }
        None => return vm.repr_value(&crate::vm::ops::base_value(slf)),
    };
    let items = match crate::vm::ops::base_value(slf).as_obj() {
        Some(Obj { kind: ObjKind::Tuple(t) }) => t.to_vec(),
        _ => Vec::new(),
    };
    let names: Vec<Value> = match fields.as_ref().and_then(|f| f.as_obj()) {
        Some(Obj { kind: ObjKind::Tuple(t) }) => t.to_vec(),
        _ => Vec::new(),
    };
    let mut parts = Vec::new();
    for (i, v) in items.iter().enumerate() {
        let n = names.get(i).and_then(|n| vm::str_of(n)).unwrap_or("?").to_string();
        let r = vm.repr(v)?;
        parts.push(format!("{n}={r}"));
    }
    Ok(vm::new_string(format!("sys.{name}({})", parts.join(", "))))
}

fn sys_getrefcount(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(vm::new_int(2))
}

// ---- file objects ----
// A file object keeps: base = fd for std streams, or NONE for regular files; dict entries
// `_data` (whole text/bytes read at open), `_pos`, `_out` (pending writes), `_path`, `_binary`.

pub fn open_file(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let Some(file) = arg(args, kw, 0, "file") else {
        return Err(vm.type_error("open() missing required argument 'file' (pos 1)".to_string()));
    };
    let mode = arg(args, kw, 1, "mode").and_then(|m| vm::str_of(&m).map(|s| s.to_string())).unwrap_or_else(|| "r".into());
    let _ = kwarg(kw, "encoding");
    let path = match vm::str_of(&file) {
        Some(p) => p.to_string(),
        None => {
            let tn = vm.type_name(&file);
            return Err(vm.type_error(format!("expected str, bytes or os.PathLike object, not {tn}")));
        }
    };
    let binary = mode.contains('b');
    let ty = vm.io_type.clone();
    let f = new_stream(vm, &ty, -1, &path, &mode);
    if let Some(Obj { kind: ObjKind::Instance(i) }) = f.as_obj() {
        *i.base.borrow_mut() = Value::NONE;
    }
    let io_err = |vm: &mut Vm, e: std::io::Error| -> crate::PyErr {
        let (name, errno, msg) = match e.kind() {
            std::io::ErrorKind::NotFound => ("FileNotFoundError", 2, "No such file or directory"),
            std::io::ErrorKind::PermissionDenied => ("PermissionError", 13, "Permission denied"),
            _ => ("OSError", 5, "Input/output error"),
        };
        let t = vm.exc_type(name);
        let args = vec![vm::new_int(errno), vm::new_str(msg), vm::new_str(&path)];
        match vm.call(&t, &args, &[]) {
            Ok(ex) => crate::PyErr(ex),
            Err(err) => err,
        }
    };
    if mode.contains('r') {
        let data = match std::fs::read(&path) {
            Ok(d) => d,
            Err(e) => {
                if std::path::Path::new(&path).is_dir() {
                    let t = vm.exc_type("IsADirectoryError");
                    let ex = vm.call(&t, &[vm::new_int(21), vm::new_str("Is a directory"), vm::new_str(&path)], &[])?;
                    return Err(crate::PyErr(ex));
                }
                return Err(io_err(vm, e));
            }
        };
        let d = if binary { vm::new_bytes(data) } else { vm::new_string(String::from_utf8_lossy(&data).replace("\r\n", "\n")) };
        vm.setattr_raw(&f, "_data", d)?;
    } else {
        let r = if mode.contains('a') { std::fs::OpenOptions::new().append(true).create(true).open(&path) } else { std::fs::File::create(&path) };
        if let Err(e) = r {
            return Err(io_err(vm, e));
        }
    }
    vm.setattr_raw(&f, "_pos", vm::new_int(0))?;
    vm.setattr_raw(&f, "_path", vm::new_str(&path))?;
    vm.setattr_raw(&f, "_binary", Value::bool(binary))?;
    vm.setattr_raw(&f, "_out", vm::new_list(Vec::new()))?;
    vm.setattr_raw(&f, "closed", Value::FALSE)?;
    Ok(f)
}

fn file_fd(v: &Value) -> Option<i64> {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::Instance(i) }) => i.base.borrow().as_small_int(),
        _ => None,
    }
}

fn check_open(vm: &mut Vm, f: &Value) -> PyResult<()> {
    if vm.getattr_raw(f, "closed").is(&Value::TRUE) {
        return Err(vm.value_error("I/O operation on closed file.".to_string()));
    }
    Ok(())
}

fn file_write(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("write", &args[1..], 1, 1)?;
    let f = &args[0];
    if let Some(fd) = file_fd(f) {
        let s = match vm::str_of(&args[1]) {
            Some(s) => s.to_string(),
            None => {
                let tn = vm.type_name(&args[1]);
                return Err(vm.type_error(format!("write() argument must be str, not {tn}")));
            }
        };
        let n = s.chars().count();
        let stream = if fd == 2 { &vm.stderr } else { &vm.stdout };
        let _ = stream.borrow_mut().write_str(&s);
        return Ok(vm::new_int(n as i64));
    }
    check_open(vm, f)?;
    let binary = vm.getattr_raw(f, "_binary").is(&Value::TRUE);
    let n = if binary {
        match crate::vm::ops::bytes_like(&args[1]) {
            Some(b) => b.len(),
            None => return Err(vm.type_error("a bytes-like object is required".to_string())),
        }
    } else {
        match vm::str_of(&args[1]) {
            Some(s) => s.chars().count(),
            None => {
                let tn = vm.type_name(&args[1]);
                return Err(vm.type_error(format!("write() argument must be str, not {tn}")));
            }
        }
    };
    let out = vm.getattr_raw(f, "_out");
    vm.call_method(&out, "append", &[args[1].clone()])?;
    Ok(vm::new_int(n as i64))
}

fn flush_file(vm: &mut Vm, f: &Value) -> PyResult<()> {
    let out = vm.getattr_raw(f, "_out");
    let items = vm.collect(&out)?;
    if items.is_empty() {
        return Ok(());
    }
    let path = vm::str_of(&vm.getattr_raw(f, "_path")).unwrap_or("").to_string();
    let mut buf: Vec<u8> = Vec::new();
    for it in &items {
        match vm::str_of(it) {
            Some(s) => buf.extend_from_slice(s.as_bytes()),
            None => buf.extend(crate::vm::ops::bytes_like(it).unwrap_or_default()),
        }
    }
    use std::io::Write;
    let r = std::fs::OpenOptions::new().append(true).create(true).open(&path).and_then(|mut fh| fh.write_all(&buf));
    if let Err(e) = r {
        return Err(vm.new_error("OSError", e.to_string()));
    }
    vm.call_method(&out, "clear", &[])?;
    Ok(())
}

fn file_flush(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if let Some(fd) = file_fd(&args[0]) {
        let stream = if fd == 2 { &vm.stderr } else { &vm.stdout };
        let _ = stream.borrow_mut().flush();
        return Ok(Value::NONE);
    }
    flush_file(vm, &args[0])?;
    Ok(Value::NONE)
}

fn file_close(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    if file_fd(&args[0]).is_some() {
        return Ok(Value::NONE);
    }
    flush_file(vm, &args[0])?;
    vm.setattr_raw(&args[0], "closed", Value::TRUE)?;
    Ok(Value::NONE)
}

fn file_enter(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn file_exit(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    file_close(vm, &args[..1], &[])?;
    Ok(Value::FALSE)
}

fn remaining(vm: &mut Vm, f: &Value) -> PyResult<(Value, usize)> {
    if file_fd(f) == Some(0) {
        let mut s = String::new();
        use std::io::Read;
        let _ = std::io::stdin().read_to_string(&mut s);
        return Ok((vm::new_string(s), 0));
    }
    check_open(vm, f)?;
    let data = vm.getattr_raw(f, "_data");
    let pos = vm.getattr_raw(f, "_pos").as_small_int().unwrap_or(0) as usize;
    Ok((data, pos))
}

fn file_read(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let f = &args[0];
    let (data, pos) = remaining(vm, f)?;
    let n = match args.get(1) {
        Some(v) if !v.is_none() => vm.index_value(v)?,
        _ => -1,
    };
    if let Some(s) = vm::str_of(&data) {
        let rest: Vec<char> = s[pos.min(s.len())..].chars().collect();
        let take = if n < 0 { rest.len() } else { (n as usize).min(rest.len()) };
        let out: String = rest[..take].iter().collect();
        vm.setattr_raw(f, "_pos", vm::new_int((pos + out.len()) as i64))?;
        return Ok(vm::new_string(out));
    }
    let b = crate::vm::ops::bytes_like(&data).unwrap_or_default();
    let rest = &b[pos.min(b.len())..];
    let take = if n < 0 { rest.len() } else { (n as usize).min(rest.len()) };
    vm.setattr_raw(f, "_pos", vm::new_int((pos + take) as i64))?;
    Ok(vm::new_bytes(rest[..take].to_vec()))
}

fn file_readline(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let f = &args[0];
    if file_fd(f) == Some(0) {
        let mut line = String::new();
        let _ = std::io::stdin().read_line(&mut line);
        return Ok(vm::new_string(line));
    }
    let (data, pos) = remaining(vm, f)?;
    if let Some(s) = vm::str_of(&data) {
        let rest = &s[pos.min(s.len())..];
        let end = rest.find('\n').map(|i| i + 1).unwrap_or(rest.len());
        let line = rest[..end].to_string();
        vm.setattr_raw(f, "_pos", vm::new_int((pos + end) as i64))?;
        return Ok(vm::new_string(line));
    }
    let b = crate::vm::ops::bytes_like(&data).unwrap_or_default();
    let rest = &b[pos.min(b.len())..];
    let end = rest.iter().position(|&c| c == b'\n').map(|i| i + 1).unwrap_or(rest.len());
    vm.setattr_raw(f, "_pos", vm::new_int((pos + end) as i64))?;
    Ok(vm::new_bytes(rest[..end].to_vec()))
}

fn file_readlines(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let mut out = Vec::new();
    loop {
        let l = file_readline(vm, &args[..1], &[])?;
        if vm.len(&l)? == 0 {
            break;
        }
        out.push(l);
    }
    Ok(vm::new_list(out))
}

fn file_writelines(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    for it in vm.collect(&args[1])? {
        file_write(vm, &[args[0].clone(), it], &[])?;
    }
    Ok(Value::NONE)
}

fn file_iter(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn file_next(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let l = file_readline(vm, &args[..1], &[])?;
    if vm.len(&l)? == 0 {
        return Err(vm.stop_iteration(Value::NONE));
    }
    Ok(l)
}

fn file_fileno(_vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    match file_fd(&args[0]) {
        Some(fd) if fd >= 0 => Ok(vm::new_int(fd)),
        _ => Ok(vm::new_int(3)),
    }
}

fn file_isatty(_vm: &mut Vm, _args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    Ok(Value::FALSE)
}
