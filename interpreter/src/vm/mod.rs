//! The virtual machine: interpreter state, value constructors, and the pieces of the runtime
//! (eval loop, calls, attributes, operators, exceptions, generators, imports).

pub mod attr;
mod attr_cache;
mod ctor;
pub use ctor::new_plain_instance;
pub mod bigrange;
pub mod call;
pub mod class;
pub mod eval;
pub mod exc;
pub mod frame;
pub mod generator;
pub mod import;
pub mod iter;
pub mod kernels;
pub mod ops;
pub mod protocols;
pub mod subscript;
pub mod num;
pub mod types;
pub mod value_stack;

use crate::bytecode::Code;
use crate::dict::Dict;
use crate::object::*;
use crate::value::{Value, V};
use crate::PyResult;
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
pub use types::Types;

/// Interned strings: identifiers and attribute names share one `str` object each.
#[derive(Default)]
pub struct Interner {
    map: HashMap<Box<str>, Value>,
}

impl Interner {
    pub fn intern(&mut self, s: &str) -> Value {
        if let Some(v) = self.map.get(s) {
            return v.clone();
        }
        let v = new_str(s);
        str_hash(&v);
        self.map.insert(s.into(), v.clone());
        v
    }
}

/// Hooks the tracer implements; the interpreter knows the JIT only through this.
///
/// The eval loop counts back-edges down in `Code::loop_heat[header]` and calls
/// `on_back_edge` when the count is 0 or 1 (0 is a counter the JIT has not set yet); the JIT
/// sets the next countdown. The frame is at the back-edge with `f.pc` already at `header`.
/// The hook may record (executing instructions itself), run compiled code or do nothing; it
/// returns with the frame consistent and `f.pc` at the next instruction to execute. It never
/// raises: anything it cannot handle is left for the interpreter to execute.
pub trait JitHooks {
    fn on_back_edge(&mut self, vm: &mut Vm, f: &mut frame::Frame, header: usize);
    /// A `for` loop's header reached from its `GetIter` (the loop's first iteration) while
    /// its heat is 1: the JIT runs the loop's compiled trace, if it has one, and otherwise
    /// does nothing (it never records here). Same frame contract as `on_back_edge`.
    fn on_loop_entry(&mut self, _vm: &mut Vm, _f: &mut frame::Frame, _header: usize) {}
    /// Called once when the program finishes (for logs and summaries).
    fn on_exit(&mut self, _vm: &mut Vm) {}
    /// A plain positional call (see `Vm::run_function`) of a code whose call countdown
    /// (`Code::jit_fn.heat`) reached 0 or 1; the frame is at pc 0 with its arguments. The
    /// JIT sets the next countdown, may record (executing instructions itself) and may set
    /// `Code::jit_fn.trace`; it returns with the frame where the interpreter goes on, and
    /// when what it executed raised, with the exception in `Vm::jit_error`.
    fn on_hot_call(&mut self, _vm: &mut Vm, f: &mut frame::Frame) {
        f.code.jit_fn.heat.set(u32::MAX);
    }
    /// The JIT itself, for its own code that reaches it through `Vm::jit`.
    fn as_any_mut(&mut self) -> Option<&mut dyn std::any::Any> {
        None
    }
}

/// Runs a function call's frame through its compiled trace (`Code::jit_fn.trace` is set):
/// a plain function, not a hook, so compiled functions run while the hooks are in use.
pub type FnRunner = fn(&mut Vm, &mut frame::Frame) -> PyResult<Value>;

pub struct Config {
    pub argv: Vec<String>,
    pub unbuffered: bool,
    pub no_site: bool,
    pub ignore_env: bool,
    pub isolated: bool,
    pub dont_write_bytecode: bool,
    pub optimize: u32,
    pub jit: bool,
    pub path: Vec<String>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            argv: vec![String::new()],
            unbuffered: false,
            no_site: false,
            ignore_env: false,
            isolated: false,
            dont_write_bytecode: false,
            optimize: 0,
            jit: true,
            path: Vec::new(),
        }
    }
}

pub struct Vm {
    pub types: Types,
    pub interner: Interner,
    pub builtins: Value,
    pub modules: Value,
    pub sys: Value,
    /// Exceptions currently being handled (innermost last): `sys.exc_info()`.
    pub handled: Vec<Value>,
    pub depth: u32,
    pub recursion_limit: u32,
    pub config: Config,
    pub native_modules: HashMap<String, fn(&mut Vm) -> PyResult<Value>>,
    pub stdout: RefCell<crate::io::OutStream>,
    pub stderr: RefCell<crate::io::OutStream>,
    pub next_type_version: u64,
    pub hash_key: (u64, u64),
    pub names: Names,
    /// Executing frames, innermost last (for `globals()`, `locals()`).
    pub frames: Vec<*const frame::Frame>,
    /// The type of `sys.stdout` and file objects.
    pub io_type: Value,
    pub jit: Option<Box<dyn JitHooks>>,
    /// An exception raised by code the JIT ran for the interpreter (a call made while
    /// recording, a compiled trace's call), waiting to be raised in the frame it left.
    pub jit_error: Option<crate::PyErr>,
    /// Set with `jit`: how calls of functions with a compiled trace run.
    pub jit_fn_runner: Option<FnRunner>,
    /// Builtins the JIT may compute itself (`kernels`), by native function address.
    pub jit_kernels: Vec<(usize, kernels::Kernel)>,
    pub repr_stack: Vec<u64>,
    /// Finished frames kept for reuse by the next calls.
    pub frame_pool: Vec<Box<frame::Frame>>,
    /// Bumped whenever any type's namespace changes; invalidates `attr_cache`.
    pub type_epoch: u64,
    pub attr_cache: RefCell<Box<[attr::AttrCacheEntry]>>,
    /// Constructor plans of Python classes (see `ctor`), valid at `type_epoch`.
    ctor_cache: RefCell<Box<[ctor::CtorPlan]>>,
}

macro_rules! names {
    ($($f:ident),*) => {
        /// Frequently used interned names.
        pub struct Names { $(pub $f: Value,)* }
        impl Names {
            fn new(i: &mut Interner) -> Names {
                Names { $($f: i.intern(stringify!($f)),)* }
            }
        }
    };
}

names!(
    __init__, __new__, __call__, __getattr__, __getattribute__, __setattr__, __delattr__, __get__, __set__,
    __delete__, __repr__, __str__, __hash__, __eq__, __ne__, __lt__, __le__, __gt__, __ge__, __bool__, __len__,
    __iter__, __next__, __getitem__, __setitem__, __delitem__, __contains__, __enter__, __exit__, __name__,
    __qualname__, __module__, __doc__, __dict__, __class__, __classcell__, __init_subclass__, __set_name__,
    __slots__, __index__, __int__, __float__, __complex__, __format__, __missing__, __neg__, __pos__,
    __invert__, __abs__, __round__, __reversed__, __prepare__, __mro_entries__, __instancecheck__,
    __subclasscheck__, __builtins__, __file__, __main__, __annotations__, __all__, __path__, __package__,
    __spec__, __loader__, __trunc__, __floor__, __ceil__, __length_hint__, __fspath__, __bytes__,
    __match_args__, __class_getitem__, __dir__, __sizeof__, __abstractmethods__, __weakref__, args,
    __notes__, send, throw, close, keys, items, values, __traceback__, __cause__, __context__,
    __suppress_context__, __objclass__, __wrapped__, __divmod__, __rdivmod__, __pow__, __rpow__
);

thread_local! {
    static ELLIPSIS: Value = Value::new_obj(Obj { kind: ObjKind::Ellipsis });
    static NOT_IMPLEMENTED: Value = Value::new_obj(Obj { kind: ObjKind::NotImplemented });
    static EMPTY_TUPLE: Value = Value::new_obj(Obj { kind: ObjKind::Tuple(Box::new([])) });
}

pub fn ellipsis() -> Value {
    ELLIPSIS.with(|v| v.clone())
}
pub fn not_implemented() -> Value {
    NOT_IMPLEMENTED.with(|v| v.clone())
}
pub fn is_not_implemented(v: &Value) -> bool {
    matches!(v.as_obj().map(|o| &o.kind), Some(ObjKind::NotImplemented))
}

pub fn new_str(s: &str) -> Value {
    Value::new_obj(Obj { kind: ObjKind::Str(PyStr::new(s)) })
}
thread_local! {
    /// The one-character strings of code points below 256, shared as CPython shares them.
    static LATIN1: Box<[Value]> = (0..=255u8).map(|b| new_str(char::from(b).encode_utf8(&mut [0u8; 4]))).collect();
}

/// The string of one character (shared for Latin-1, as CPython does).
#[inline]
pub fn char_str(c: char) -> Value {
    if (c as u32) < 256 {
        LATIN1.with(|t| t[c as usize].clone())
    } else {
        new_str(c.encode_utf8(&mut [0u8; 4]))
    }
}
/// This thread's table of the 256 shared one-character strings (`char_str`): stable for
/// the thread's life, so compiled code reads entry `c` (borrowed) at `8 * c` from here.
pub fn latin1_table() -> *const Value {
    LATIN1.with(|t| t.as_ptr())
}
pub fn new_string(s: String) -> Value {
    Value::new_obj(Obj { kind: ObjKind::Str(PyStr::from_string(s)) })
}
pub fn new_tuple(items: Vec<Value>) -> Value {
    if items.is_empty() {
        return EMPTY_TUPLE.with(|v| v.clone());
    }
    Value::new_obj(Obj { kind: ObjKind::Tuple(items.into_boxed_slice()) })
}
pub fn new_list(items: Vec<Value>) -> Value {
    Value::new_obj(Obj { kind: ObjKind::List(RefCell::new(crate::list::ListData::new(items))) })
}
pub fn new_dict(d: Dict) -> Value {
    Value::new_obj(Obj { kind: ObjKind::Dict(RefCell::new(d)) })
}
pub fn new_bytes(b: Vec<u8>) -> Value {
    Value::new_obj(Obj { kind: ObjKind::Bytes(b.into_boxed_slice()) })
}
pub fn new_complex(re: f64, im: f64) -> Value {
    Value::new_obj(Obj { kind: ObjKind::Complex(re, im) })
}
pub fn new_code(c: Code) -> Value {
    Value::new_obj(Obj { kind: ObjKind::Code(Rc::new(c)) })
}
pub fn new_cell(v: Value) -> Value {
    Value::new_obj(Obj { kind: ObjKind::Cell(RefCell::new(v)) })
}
pub fn new_iter(it: Iter) -> Value {
    Value::new_obj(Obj { kind: ObjKind::Iter(RefCell::new(it)) })
}

/// An int value, inline when it fits.
#[inline]
pub fn new_int(i: i64) -> Value {
    match Value::small_int(i) {
        Some(v) => v,
        None => Value::new_obj(Obj { kind: ObjKind::Int(BigInt::from(i)) }),
    }
}
/// The value of an int that fits 64 bits: inline, or a heap int in range (bools are not ints
/// here).
#[inline]
pub fn int_i64(v: &Value) -> Option<i64> {
    if v.is_small_int() {
        return Some(v.as_small_int_unchecked());
    }
    match v.as_obj().map(|o| &o.kind) {
        Some(ObjKind::Int(b)) => b.to_i64(),
        _ => None,
    }
}
pub fn new_bigint(b: BigInt) -> Value {
    match b.to_i64() {
        Some(i) if Value::small_int(i).is_some() => new_int(i),
        _ => Value::new_obj(Obj { kind: ObjKind::Int(b) }),
    }
}
pub fn int_from_decimal_str(s: &str) -> Value {
    if let Ok(i) = s.parse::<i64>() {
        return new_int(i);
    }
    match s.parse::<BigInt>() {
        Ok(b) => new_bigint(b),
        Err(_) => Value::NONE,
    }
}

/// The text of a `str` value (caller knows it is a str).
pub fn str_of(v: &Value) -> Option<&str> {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::Str(s) }) => Some(&s.s),
        _ => None,
    }
}
pub fn pystr_of(v: &Value) -> Option<&PyStr> {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::Str(s) }) => Some(s),
        _ => None,
    }
}

/// Hash of a str value (cached in the object).
pub fn str_hash(v: &Value) -> i64 {
    match pystr_of(v) {
        Some(s) => {
            let h = s.hash.get();
            if h != -1 {
                return h;
            }
            let h = crate::hash::hash_str(&s.s);
            s.hash.set(h);
            h
        }
        None => 0,
    }
}

/// A repr that needs no VM (constants in the disassembler, debugging).
pub fn repr_simple(v: &Value) -> String {
    match v.view() {
        V::Int(i) => i.to_string(),
        V::Float(f) => crate::format::float_repr(f),
        V::None => "None".into(),
        V::Bool(b) => if b { "True".into() } else { "False".into() },
        V::Null => "<NULL>".into(),
        V::Obj(o) => match &o.kind {
            ObjKind::Str(s) => crate::strutil::str_repr(&s.s),
            ObjKind::Int(b) => b.to_string(),
            ObjKind::Tuple(t) => {
                let parts: Vec<String> = t.iter().map(repr_simple).collect();
                if parts.len() == 1 { format!("({},)", parts[0]) } else { format!("({})", parts.join(", ")) }
            }
            ObjKind::Code(c) => format!("<code object {}>", c.name),
            ObjKind::Bytes(b) => crate::strutil::bytes_repr(b),
            _ => format!("<{}>", o.kind_name()),
        },
    }
}

impl Vm {
    pub fn new(config: Config) -> Vm {
        let mut interner = Interner::default();
        let names = Names::new(&mut interner);
        let types = Types::new(&mut interner);
        let hash_key = (0, 0);
        let mut vm = Vm {
            types,
            interner,
            builtins: Value::NONE,
            modules: new_dict(Dict::new()),
            sys: Value::NONE,
            handled: Vec::new(),
            depth: 0,
            recursion_limit: 1000,
            config,
            native_modules: HashMap::new(),
            stdout: RefCell::new(crate::io::OutStream::stdout()),
            stderr: RefCell::new(crate::io::OutStream::stderr()),
            next_type_version: 1,
            hash_key,
            names,
            frames: Vec::new(),
            io_type: Value::NONE,
            jit: None,
            jit_error: None,
            jit_fn_runner: None,
            jit_kernels: Vec::new(),
            repr_stack: Vec::new(),
            frame_pool: Vec::new(),
            type_epoch: 1,
            attr_cache: RefCell::new(vec![attr::AttrCacheEntry::default(); attr::ATTR_CACHE_SIZE].into_boxed_slice()),
            ctor_cache: RefCell::new(vec![ctor::CtorPlan::default(); ctor::CTOR_CACHE_SIZE].into_boxed_slice()),
        };
        vm.stdout.borrow_mut().unbuffered = vm.config.unbuffered;
        crate::builtins::init(&mut vm);
        vm.type_epoch += 1;
        vm
    }

    pub fn intern(&mut self, s: &str) -> Value {
        self.interner.intern(s)
    }

    pub fn none(&self) -> Value {
        Value::NONE
    }

    /// Registers a native module importable by name.
    pub fn register_native_module(&mut self, name: &str, init: fn(&mut Vm) -> PyResult<Value>) {
        self.native_modules.insert(name.to_string(), init);
    }

    pub fn new_module(&mut self, name: &str) -> Value {
        let mut d = Dict::new();
        let n = self.intern(name);
        let key = self.names.__name__.clone();
        dict_set_str(&mut d, key, n.clone());
        let dk = self.names.__doc__.clone();
        dict_set_str(&mut d, dk, Value::NONE);
        let dict = new_dict(d);
        Value::new_obj(Obj { kind: ObjKind::Module(Module { name: n, dict }) })
    }

    pub fn module_dict(&self, m: &Value) -> Option<Value> {
        match m.as_obj() {
            Some(Obj { kind: ObjKind::Module(md) }) => Some(md.dict.clone()),
            _ => None,
        }
    }

    /// Sets `name` in a module's namespace.
    pub fn module_set(&mut self, m: &Value, name: &str, v: Value) {
        let key = self.intern(name);
        if let Some(d) = self.module_dict(m) {
            if let Some(Obj { kind: ObjKind::Dict(d) }) = d.as_obj() {
                dict_set_str(&mut d.borrow_mut(), key, v);
            }
        }
    }

    /// Adds a native function to a module.
    pub fn module_add_fn(&mut self, m: &Value, name: &'static str, f: NativeFn) {
        let func = Value::new_obj(Obj { kind: ObjKind::Builtin(Builtin { name, func: f, bound: Value::NULL, owner: Value::NULL }) });
        self.module_set(m, name, func);
    }

    pub fn new_native_fn(&self, name: &'static str, f: NativeFn) -> Value {
        Value::new_obj(Obj { kind: ObjKind::Builtin(Builtin { name, func: f, bound: Value::NULL, owner: Value::NULL }) })
    }

    pub fn flush_std(&mut self) {
        let _ = self.stdout.borrow_mut().flush();
        let _ = self.stderr.borrow_mut().flush();
    }
}

/// Inserts into a dict known to use `str` keys (never runs Python code).
pub fn dict_set_str(d: &mut Dict, key: Value, v: Value) {
    let h = str_hash(&key);
    let mut never = |_: &Value, _: &Value| -> Result<bool, ()> { Ok(false) };
    let _ = d.insert(key, h, v, &mut never);
}

pub fn dict_get_str(d: &Dict, key: &Value) -> Option<Value> {
    d.get_str(key, str_hash(key)).cloned()
}

pub fn dict_of(v: &Value) -> Option<&RefCell<Dict>> {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::Dict(d) }) => Some(d),
        _ => None,
    }
}
