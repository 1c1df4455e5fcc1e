//! Heap objects: the `Obj` header and the payload of every built-in kind.
//!
//! Objects are reference counted (`Rc`, non-atomic: one interpreter thread) and mutable parts use
//! field-level `Cell`/`RefCell`. Code must never hold a `RefCell` borrow across a call back into
//! Python; clone the values out first.

use crate::bytecode::Code;
use crate::dict::Dict;
use crate::sets::SetObj;
use crate::value::Value;
use num_bigint::BigInt;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

pub struct Obj {
    pub kind: ObjKind,
}

pub type NativeFn = fn(&mut crate::vm::Vm, &[Value], &KwArgs) -> crate::PyResult<Value>;

/// Keyword arguments of a native call: (name, value) pairs in call order.
pub type KwArgs = [(Value, Value)];

/// `repr(u8)`: a tag byte first, which compiled code reads to check an object's kind.
#[repr(u8)]
pub enum ObjKind {
    Str(PyStr),
    Int(BigInt),
    Complex(f64, f64),
    Bytes(Box<[u8]>),
    ByteArray(RefCell<Vec<u8>>),
    List(RefCell<crate::list::ListData>),
    Tuple(Box<[Value]>),
    Dict(RefCell<Dict>),
    Set(RefCell<SetObj>),
    FrozenSet(SetObj),
    Range(Range),
    /// A `range` whose bounds do not fit in i64: [start, stop, step].
    BigRange(Box<[num_bigint::BigInt; 3]>),
    Slice(Value, Value, Value),
    Function(Box<Function>),
    Builtin(Builtin),
    BoundMethod(Value, Value),
    Type(Box<TypeObj>),
    Instance(Instance),
    Module(Module),
    Code(Rc<Code>),
    Cell(RefCell<Value>),
    Generator(RefCell<crate::vm::generator::GenState>),
    Iter(RefCell<Iter>),
    Property(Property),
    ClassMethod(Value),
    StaticMethod(Value),
    Super(Value, Value),
    NotImplemented,
    Ellipsis,
    Traceback(Vec<TbEntry>),
    MappingProxy(Value),
    /// `dict.keys()` (0), `.values()` (1), `.items()` (2): a live view of the dict.
    DictView(u8, Value),
}

impl Obj {
    pub fn kind_name(&self) -> &'static str {
        match &self.kind {
            ObjKind::Str(_) => "str",
            ObjKind::Int(_) => "int",
            ObjKind::Complex(..) => "complex",
            ObjKind::Bytes(_) => "bytes",
            ObjKind::ByteArray(_) => "bytearray",
            ObjKind::List(_) => "list",
            ObjKind::Tuple(_) => "tuple",
            ObjKind::Dict(_) => "dict",
            ObjKind::Set(_) => "set",
            ObjKind::FrozenSet(_) => "frozenset",
            ObjKind::Range(_) | ObjKind::BigRange(_) => "range",
            ObjKind::Slice(..) => "slice",
            ObjKind::Function(_) => "function",
            ObjKind::Builtin(_) => "builtin_function_or_method",
            ObjKind::BoundMethod(..) => "method",
            ObjKind::Type(_) => "type",
            ObjKind::Instance(_) => "instance",
            ObjKind::Module(_) => "module",
            ObjKind::Code(_) => "code",
            ObjKind::Cell(_) => "cell",
            ObjKind::Generator(_) => "generator",
            ObjKind::Iter(_) => "iterator",
            ObjKind::Property(_) => "property",
            ObjKind::ClassMethod(_) => "classmethod",
            ObjKind::StaticMethod(_) => "staticmethod",
            ObjKind::Super(..) => "super",
            ObjKind::NotImplemented => "NotImplementedType",
            ObjKind::Ellipsis => "ellipsis",
            ObjKind::Traceback(_) => "traceback",
            ObjKind::MappingProxy(_) => "mappingproxy",
            ObjKind::DictView(..) => "dict_view",
        }
    }
}

/// A `str`: UTF-8 text plus its length in code points; `ascii` strings index in O(1).
pub struct PyStr {
    pub s: Box<str>,
    pub nchars: usize,
    pub hash: Cell<i64>,
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        let nchars = if s.is_ascii() { s.len() } else { s.chars().count() };
        PyStr { s: s.into(), nchars, hash: Cell::new(-1) }
    }
    pub fn from_string(s: String) -> PyStr {
        let nchars = if s.is_ascii() { s.len() } else { s.chars().count() };
        PyStr { s: s.into_boxed_str(), nchars, hash: Cell::new(-1) }
    }
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.nchars == self.s.len()
    }
    /// Byte offset of code point `i` (i <= nchars).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i
        } else {
            self.s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(self.s.len())
        }
    }
    pub fn char_at(&self, i: usize) -> char {
        if self.is_ascii() {
            self.s.as_bytes()[i] as char
        } else {
            self.s.chars().nth(i).unwrap_or('\0')
        }
    }
}

#[derive(Clone)]
pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    pub fn len(&self) -> i64 {
        // The common case in i64 (no 128-bit division): a positive step with no overflow.
        if self.step > 0 {
            if self.start >= self.stop {
                return 0;
            }
            if let Some(d) = self.stop.checked_sub(self.start) {
                return if self.step == 1 { d } else { (d - 1) / self.step + 1 };
            }
        }
        let (lo, hi, st) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if st > 0 && lo < hi {
            (hi - lo - 1) / st + 1
        } else if st < 0 && lo > hi {
            (lo - hi - 1) / (-st) + 1
        } else {
            0
        };
        n as i64
    }
    pub fn get(&self, i: i64) -> i64 {
        self.start + i * self.step
    }
}

pub struct Function {
    pub code: Rc<Code>,
    pub globals: Value,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    pub defaults: RefCell<Value>,
    pub kwdefaults: RefCell<Value>,
    pub closure: Option<Box<[Value]>>,
    pub dict: RefCell<Option<Value>>,
    pub doc: RefCell<Value>,
    pub module: Value,
    pub annotations: RefCell<Value>,
}

pub struct Builtin {
    pub name: &'static str,
    pub func: NativeFn,
    /// Bound receiver (a method of a specific object, e.g. `[].append`), or NULL.
    pub bound: Value,
    /// The type that defines it (for method reprs), or NULL.
    pub owner: Value,
}

/// Layout a class inherits from its built-in base: decides what payload instances carry.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Layout {
    Object,
    Int,
    Float,
    Str,
    Tuple,
    List,
    Dict,
    Set,
    Exception,
    Type,
    Other,
}

pub struct TypeObj {
    pub name: RefCell<String>,
    pub qualname: RefCell<String>,
    pub module: RefCell<Value>,
    pub bases: RefCell<Vec<Value>>,
    pub mro: RefCell<Vec<Value>>,
    pub dict: RefCell<Dict>,
    pub layout: Layout,
    /// Changes whenever the type or a base is mutated (method caches, trace invalidation).
    pub version: Cell<u64>,
    /// The metaclass; NULL means `type`.
    pub meta: RefCell<Value>,
    pub slots: Option<Vec<Value>>,
    pub is_builtin: bool,
    pub has_dict: bool,
}

pub struct Instance {
    pub class: RefCell<Value>,
    /// The instance `__dict__` (a dict object), or NULL for `__slots__`-only instances.
    pub dict: Value,
    pub slots: RefCell<Vec<Value>>,
    /// Built-in base value for subclasses of int/str/list/dict/... ; NULL otherwise.
    pub base: RefCell<Value>,
    pub exc: Option<Box<RefCell<ExcFields>>>,
}

#[derive(Default)]
pub struct ExcFields {
    pub args: Value,
    pub traceback: Vec<TbEntry>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
    pub notes: Value,
    /// Set while a bare `raise`/end-of-handler re-raise propagates out of its frame.
    pub reraising: bool,
}

#[derive(Clone)]
pub struct TbEntry {
    pub code: Rc<Code>,
    pub pc: u32,
}

pub struct Module {
    pub name: Value,
    pub dict: Value,
}

pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
}

/// Iterators over built-in containers.
pub enum Iter {
    Seq { seq: Value, idx: usize },
    Range { cur: i64, step: i64, remaining: i64 },
    /// Iterator over a big-int range: next value, step, remaining count.
    BigRange { cur: BigInt, step: BigInt, remaining: BigInt },
    Str { s: Value, byte: usize },
    /// Over a dict's keys, values or items: the next entry index, the dict's size when the
    /// iterator was made (a different size is an error), and how many items are still expected
    /// (one more is an error too: keys were deleted and others added).
    DictKeys { dict: Value, idx: usize, len: usize, left: usize },
    DictValues { dict: Value, idx: usize, len: usize, left: usize },
    DictItems { dict: Value, idx: usize, len: usize, left: usize },
    Set { items: Vec<Value>, idx: usize },
    Reversed { seq: Value, idx: isize },
    Enumerate { it: Value, n: Value },
    Zip { its: Vec<Value>, strict: bool },
    Map { func: Value, its: Vec<Value> },
    Filter { func: Value, it: Value },
    CallIter { func: Value, sentinel: Value },
    SeqIter { obj: Value, idx: i64 },
    Done,
}
