//! Code objects: instructions plus the tables they index (constants, names, locals, cells)
//! and the source positions used by tracebacks.

use super::opcodes::Instr;
use crate::value::Value;

macro_rules! index_type {
    ($(#[doc = $doc:literal])* $name:ident) => {
        $(#[doc = $doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u32);
        impl $name {
            pub fn idx(self) -> usize { self.0 as usize }
        }
    };
}

index_type!(/// Index into `Code::consts`.
    ConstIdx);
index_type!(/// Index into `Code::names`.
    NameIdx);
index_type!(/// Index into the frame's fast locals (`Code::varnames`).
    LocalIdx);
index_type!(/// Instruction index that a jump goes to.
    Label);

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CodeFlags {
    pub varargs: bool,
    pub varkw: bool,
    pub generator: bool,
    /// `async def` (a coroutine, or an async generator together with `generator`).
    pub coroutine: bool,
    /// Uses a locals namespace (module or class body) rather than fast locals only.
    pub namespace: bool,
}

/// Source span of an instruction: 1-based lines, 0-based character columns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

/// Inline cache for one global name of a code object: where the name was last found.
#[derive(Clone, Copy, Debug, Default)]
pub struct GlobalCache {
    /// Layout version of the globals dict when cached (0 = empty cache).
    pub gver: u64,
    /// Layout version of the builtins dict (only when found in builtins).
    pub bver: u64,
    pub idx: u32,
    pub in_builtins: bool,
}

/// What an attribute site's cache entry (`AttrSite`) was filled for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AttrSiteKind {
    #[default]
    Empty,
    /// `obj.name` read from the instance dict (else the plain class value in `value`).
    Load,
    /// `obj.name = v` written to the instance dict.
    Store,
    /// `obj.name(...)`: the Python function `value` found on the type, not shadowed.
    Method,
    /// `obj.name(...)` on a built-in object (`ty` is `attr_cache::builtin_key`): the
    /// method descriptor `value`.
    BuiltinMethod,
}

/// Inline cache for one attribute name of a code object, on instances of Python classes:
/// valid for instances whose class has address `ty` while the VM's type epoch is `epoch`
/// (every type creation and every type mutation moves the epoch, so an entry never outlives
/// its type's dict contents, and a new type at an old address never matches).
#[derive(Clone, Default)]
pub struct AttrSite {
    pub kind: AttrSiteKind,
    pub ty: u64,
    pub epoch: u64,
    /// Entry index in the instance dict where the name was last found (a hint).
    pub idx: u32,
    /// `Load`: the class attribute to return when the dict lacks the name (NULL: none);
    /// `Method`: the function.
    pub value: crate::value::Value,
}

impl AttrSite {
    /// Filled for `kind` on class (or built-in key) `ty` at type epoch `epoch`.
    #[inline]
    pub fn holds(&self, kind: AttrSiteKind, ty: u64, epoch: u64) -> bool {
        self.kind == kind && self.ty == ty && self.epoch == epoch
    }
}

pub fn new_attr_cache(n: usize) -> Box<[std::cell::RefCell<AttrSite>]> {
    (0..n).map(|_| std::cell::RefCell::new(AttrSite::default())).collect()
}

pub struct Code {
    pub name: String,
    pub qualname: String,
    pub filename: std::rc::Rc<str>,
    pub first_line: u32,
    pub instrs: Vec<Instr>,
    pub spans: Vec<Span>,
    pub consts: Vec<Value>,
    /// Interned `str` values for attribute/global names.
    pub names: Vec<Value>,
    pub varnames: Vec<String>,
    /// Cell variables (owned by this frame) then free variables (from the closure).
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    /// For each cellvar that is also an argument, the argument's local index.
    pub cell_args: Vec<Option<u32>>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: CodeFlags,
    pub docstring: Option<String>,
    /// One inline cache per entry of `names` (LoadGlobal).
    pub global_cache: Box<[std::cell::Cell<GlobalCache>]>,
    /// One instance-attribute cache per entry of `names` (LoadAttr, StoreAttr, LoadMethod).
    pub attr_cache: Box<[std::cell::RefCell<AttrSite>]>,
    /// Upper bound of the value-stack depth (see `compute_max_stack`).
    pub max_stack: usize,
    /// Back-edge countdown per instruction index, read at loop headers by the eval loop when
    /// a JIT is installed (0 = not started; the JIT owns the values, see `JitHooks`).
    pub loop_heat: Box<[std::cell::Cell<u32>]>,
    /// The JIT's state for calls of this code (function traces).
    pub jit_fn: FnJit,
}

/// Per-code state of function traces, shared by the interpreter and the JIT.
#[derive(Default)]
pub struct FnJit {
    /// Call countdown, read by `Vm::run_function` when a JIT is installed (0 = not started;
    /// the JIT owns the values, see `JitHooks::on_hot_call`).
    pub heat: std::cell::Cell<u32>,
    /// The JIT's compiled function trace for this code (an opaque address; 0 = none). Once
    /// set it stays valid for the rest of the process.
    pub trace: std::cell::Cell<usize>,
    /// The trace's native entry point (0 = none), read by compiled callers.
    pub entry: std::cell::Cell<usize>,
}

/// Fresh loop-heat counters for `n` instructions.
pub fn new_loop_heat(n: usize) -> Box<[std::cell::Cell<u32>]> {
    (0..n).map(|_| std::cell::Cell::new(0)).collect()
}

impl Code {
    /// An upper bound of the value stack's depth: the pushes of every instruction (a loop
    /// body returns to its entry depth, so no path can exceed the sum) plus one per handler
    /// entry and a little slack. The eval loop reserves this once per frame, so pushes never
    /// reallocate.
    pub fn compute_max_stack(&self) -> usize {
        let pushes: usize = self.instrs.iter().map(|i| i.stack_effect().1 as usize).sum();
        let handlers = self.instrs.iter().filter(|i| matches!(i, Instr::SetupExcept(_) | Instr::SetupFinally(_))).count();
        pushes + handlers + 8
    }

    pub fn ncells(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }
    pub fn cell_name(&self, i: usize) -> &str {
        if i < self.cellvars.len() {
            &self.cellvars[i]
        } else {
            &self.freevars[i - self.cellvars.len()]
        }
    }
    pub fn line_at(&self, pc: usize) -> u32 {
        self.spans.get(pc).map(|s| s.line).unwrap_or(self.first_line)
    }
}
