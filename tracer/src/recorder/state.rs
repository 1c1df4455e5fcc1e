//! What the recorder and the driver share: where values live in the interpreter (`Home`),
//! what a compiled trace's exits mean (`ExitMap`), the recorded result, and the accessors for
//! frame state both read (iterators, globals, builtins, list items).

use crate::ir::Trace;
use rpy_interpreter::object::{Iter, Obj, ObjKind};
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::frame::{Block, Frame};

use super::is_list;

/// Where a value lives in the interpreter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Home {
    /// Fast local `i`.
    Fast(u32),
    /// The module global named `names[i]` of the trace's name table ([`Recorded::names`]),
    /// in the frame's globals dict.
    Global(u32),
    /// The builtin named `names[i]` of the trace's name table, while no module global of that
    /// name hides it (read only).
    Builtin(u32),
    /// The range iterator just below the loop's stack base: next value, step, and how many
    /// values remain.
    IterCur,
    IterStep,
    IterRemaining,
    /// The list iterator just below the loop's stack base: the list, and the next index.
    IterSeq,
    IterIdx,
    /// The dict items iterator just below the loop's stack base: the dict, the next raw
    /// entry index, and the size the dict must keep (read only).
    IterDict,
    IterDictIdx,
    IterDictLen,
    /// For a loop over `enumerate(...)` (of a list or a range): the next count. The list or
    /// range homes above then describe the iterator the `enumerate` wraps (see
    /// `with_header_iter`).
    IterCount,
    /// For a loop over `zip(...)` of list or tuple iterators: how many it zips (read only, a
    /// constant checked on entry), and the sequence and next index of the `k`-th.
    ZipArity,
    ZipSeq(u32),
    ZipIdx(u32),
    /// The contents of the frame's cell `i` (a variable a nested function uses), read only.
    Cell(u32),
    /// Value stack entry `base + i`, present when a bridge starts.
    Stack(u32),
    /// Value stack entry `base - i` (`i >= 1`), below the loop: the list a comprehension
    /// appends to.
    Under(u32),
}

/// Where an exit puts one snapshot value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dest {
    Home(Home),
    /// Pushed on the value stack (after it is cut back to the loop's base), in order.
    Push,
    /// Not a value: non-zero (an int flag) or true (a comparison) when the exit is in a loop
    /// trace's first iteration, so the `HomeAfterFirst` values after it are not written.
    FirstIteration,
    /// The home, unless the exit is in the first iteration (the frame then holds the home's
    /// value already: a loop variable the loop writes before it reads it).
    HomeAfterFirst(Home),
    /// Not a value for the frame: a reference the trace owned (the old value of a loop
    /// variable it stored a new object in), given up once the values before it are home.
    Drop,
    /// Not a value for the frame: an attribute of an object the trace did not make
    /// (`ExitMap::virtuals`). These come last.
    Part,
}

/// An instance a loop trace carries from one iteration to the next as its attributes
/// (`carried.rs`): where the snapshot values in `slots` are NULL's bits, the exit makes it,
/// a `new_inst` of class `cls` with dict template `template` (both kept alive by the trace)
/// whose entry `k` is snapshot value `fields[k]` (a `Dest::Part`), once for all its slots.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Virtual {
    pub slots: Vec<u32>,
    pub cls: u64,
    pub template: u64,
    pub fields: Vec<u32>,
}

/// One snapshot value of an exit: where it goes, for a bool whether it is negated, and for
/// a ref whether the exit owns it (the result of a call the trace made) rather than borrows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExitVal {
    pub dest: Dest,
    pub neg: bool,
    pub owned: bool,
}

/// What exit `n` of a trace means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExitMap {
    /// The pc the interpreter resumes at.
    pub pc: usize,
    /// `snapshot[k]` goes to `vals[k]`.
    pub vals: Vec<ExitVal>,
    /// The end of a bridge: the iteration is complete and the loop trace can run again.
    pub end: bool,
    /// The call before `pc` raised (function traces): the exception waiting in
    /// `Vm::jit_error` is raised there.
    pub raise: bool,
    /// A `call_loop` did not end as recorded: the exit goes on into the called loop's exit.
    pub chain: Option<Chain>,
    /// The `try` blocks the trace entered and had not left at the exit, outermost first,
    /// their stack levels relative to the loop's stack base: pushed onto the frame's block
    /// stack, which holds the header's (a static property of the code) while traces run.
    pub blocks: Vec<Block>,
    /// The objects the exit makes (`Virtual`).
    pub virtuals: Vec<Virtual>,
}

/// An exit after a `call_loop` that did not end as recorded (`recorder/nested.rs`). Its
/// snapshot leaves the frame at the called loop's header, as the interpreter enters it, and
/// ends with the state of the loop's iterator (`ChainIter`): the driver makes the iterator
/// from it, then writes the exit the called loop's trace took (its exit buffer is the
/// tail of this trace's, from `CompiledTrace::chain_offset`). So the loop's effects stand,
/// and the interpreter goes on where the loop's trace left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chain {
    pub iter: ChainIter,
    /// Which of the trace's called loops (`Recorded::inner`).
    pub inner: u32,
}

/// The iterator of the loop a chained exit goes on in, made from the last two snapshot
/// values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChainIter {
    /// A range with this step, from its next value and how many remain.
    Range { step: i64 },
    /// A list or tuple iterator, from the sequence and the next index.
    Seq,
}

/// What a chained exit needs of a called loop's trace: how to write each of its exits.
#[derive(Debug)]
pub struct LoopExits {
    /// By exit number.
    pub maps: Vec<ExitMap>,
    /// The types of each exit's snapshot values.
    pub types: Vec<Vec<crate::ir::Ty>>,
    /// Whether each exit's snapshot holds a ref.
    pub refs: Vec<bool>,
    /// The names its global homes refer to.
    pub names: Vec<Value>,
    /// A loop over `enumerate(...)` (see `with_header_iter`).
    pub enumerate: bool,
    /// The loops its trace calls, whose exits its own may chain to, and where their exit
    /// buffer starts in its own (`CompiledTrace::chain_offset`).
    pub inner: Vec<std::rc::Rc<LoopExits>>,
    pub chain_off: usize,
}

/// A recorded loop or bridge, ready to optimise and compile.
#[derive(Debug)]
pub struct Recorded {
    pub trace: Trace,
    /// `load_slot(k)` reads `homes[k]`: the driver fills the slots in this order.
    pub homes: Vec<Home>,
    /// Exit maps by exit number; exit 0 (`ENTRY_EXIT`) leaves the frame as it was entered.
    pub exits: Vec<ExitMap>,
    /// The pc the trace starts at (the header for a loop trace).
    pub start: usize,
    /// Value stack depth at the loop header.
    pub base: usize,
    /// Stack entries above `base` when the trace starts (bridges only).
    pub stack_in: usize,
    pub nfast: usize,
    /// Bytecode instructions in the recorded iteration.
    pub length: usize,
    /// Exit number of the loop's interrupt poll (`u32::MAX` for a bridge).
    pub interrupt_exit: u32,
    /// Objects the trace refers to by identity (keep them alive while it exists).
    pub keep: Vec<Value>,
    /// The names `Home::Global` and `Home::Builtin` refer to (interned `str`s): the loop's
    /// own and those of the functions inlined into it.
    pub names: Vec<Value>,
    /// The loops the trace calls whose exits may chain (`Chain::inner`).
    pub inner: Vec<std::rc::Rc<LoopExits>>,
}

/// The truth of a value the recorder can branch on, or `None`.
pub(super) fn truth(v: &Value) -> Option<bool> {
    if v.is_bool() {
        Some(v.is(&Value::TRUE))
    } else if let Some(x) = rpy_interpreter::vm::int_i64(v) {
        Some(x != 0)
    } else if v.is_float() {
        Some(v.as_float_unchecked() != 0.0)
    } else {
        None
    }
}

/// The state of a range iterator, when `v` is one whose values are all inline ints.
pub fn range_state(v: &Value) -> Option<(i64, i64, i64)> {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::Iter(cell) }) => match &*cell.try_borrow().ok()? {
            Iter::Range { cur, step, remaining } => {
                let small = |x: i64| Value::small_int(x).is_some();
                (small(*cur) && small(*step) && small(*remaining)).then_some((*cur, *step, *remaining))
            }
            _ => None,
        },
        _ => None,
    }
}

/// The state of a list, tuple or str iterator (`for x in some_list`): the sequence and the
/// next index (for a str, a byte offset).
pub fn seq_state(v: &Value) -> Option<(Value, i64)> {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::Iter(cell) }) => match &*cell.try_borrow().ok()? {
            Iter::Seq { seq, idx } if is_list(seq) || matches!(seq.as_obj(), Some(Obj { kind: ObjKind::Tuple(_) })) => Some((seq.clone(), i64::try_from(*idx).ok().filter(|i| Value::small_int(*i).is_some())?)),
            Iter::Str { s, byte } => Some((s.clone(), i64::try_from(*byte).ok().filter(|i| Value::small_int(*i).is_some())?)),
            _ => None,
        },
        _ => None,
    }
}

/// The state of a dict items iterator (`for k, v in d.items()`): the dict, the next raw
/// entry index and the size it had when iteration started.
pub fn dict_items_state(v: &Value) -> Option<(Value, i64, i64)> {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::Iter(cell) }) => match &*cell.try_borrow().ok()? {
            Iter::DictItems { dict, idx, len, left } => {
                // Traces do not count the items left: only an iterator that expects exactly
                // the live entries after its index (no keys were deleted and others added)
                // is theirs.
                let d = rpy_interpreter::vm::dict_of(dict)?.try_borrow().ok()?;
                if live_from(&d, *idx) != *left {
                    return None;
                }
                let small = |x: usize| i64::try_from(x).ok().filter(|i| Value::small_int(*i).is_some());
                Some((dict.clone(), small(*idx)?, small(*len)?))
            }
            _ => None,
        },
        _ => None,
    }
}

/// How many items a dict items iterator has left to give.
pub fn dict_items_left(v: &Value) -> Option<usize> {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::Iter(cell) }) => match &*cell.try_borrow().ok()? {
            Iter::DictItems { left, .. } => Some(*left),
            _ => None,
        },
        _ => None,
    }
}

/// Runs `f` on the iterator the loop at `base` takes its items from: the one just below its
/// stack base, or, for a trace of a loop over `enumerate(...)` (`enumerate`: its homes
/// include `IterCount`), the iterator that one wraps. `None` when the frame has no such
/// iterator.
pub fn with_header_iter<R>(stack: &[Value], base: usize, enumerate: bool, f: impl FnOnce(&Value) -> Option<R>) -> Option<R> {
    let it = stack.get(base.checked_sub(1)?)?;
    if !enumerate {
        return f(it);
    }
    match it.as_obj() {
        Some(Obj { kind: ObjKind::Iter(cell) }) => match &*cell.try_borrow().ok()? {
            Iter::Enumerate { it, .. } => f(it),
            _ => None,
        },
        _ => None,
    }
}

/// The iterators a `zip` iterator zips.
pub fn zip_iters(v: &Value) -> Option<Vec<Value>> {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::Iter(cell) }) => match &*cell.try_borrow().ok()? {
            Iter::Zip { its, .. } => Some(its.clone()),
            _ => None,
        },
        _ => None,
    }
}

/// The next count of an `enumerate` iterator, when it is an inline int.
pub fn enumerate_count(v: &Value) -> Option<i64> {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::Iter(cell) }) => match &*cell.try_borrow().ok()? {
            Iter::Enumerate { n, .. } => n.as_small_int(),
            _ => None,
        },
        _ => None,
    }
}

/// Sets the next count of an `enumerate` iterator (`IterCount`).
pub fn set_enumerate_count(it: Option<&Value>, x: Value) {
    if let Some(Obj { kind: ObjKind::Iter(cell) }) = it.and_then(|v| v.as_obj()) {
        if let Iter::Enumerate { n, .. } = &mut *cell.borrow_mut() {
            *n = x;
        }
    }
}

/// Sets the next index of a list or dict items iterator (`IterIdx`, `IterDictIdx`). A dict
/// iterator then expects the live entries after it (a trace changes no dict's keys).
pub fn set_iter_index(it: Option<&Value>, x: usize) {
    if let Some(Obj { kind: ObjKind::Iter(cell) }) = it.and_then(|v| v.as_obj()) {
        match &mut *cell.borrow_mut() {
            Iter::Seq { idx, .. } => *idx = x,
            Iter::Str { byte, .. } => *byte = x,
            Iter::DictItems { dict, idx, left, .. } => {
                *idx = x;
                if let Some(d) = rpy_interpreter::vm::dict_of(dict).and_then(|d| d.try_borrow().ok()) {
                    *left = live_from(&d, x);
                }
            }
            _ => {}
        }
    }
}

/// The number of live entries of `d` at index `idx` or after.
fn live_from(d: &rpy_interpreter::dict::Dict, idx: usize) -> usize {
    if d.raw_len() == d.len() {
        // No holes.
        return d.raw_len().saturating_sub(idx);
    }
    (idx..d.raw_len()).filter(|&i| d.entry_at(i).is_some()).count()
}

/// The value of module global `name` in the frame's globals, borrowed.
pub fn global_value(f: &Frame, name: &Value) -> Option<Value> {
    namespace_get(&f.globals, name)
}

/// The builtin `name` (whether or not a global hides it).
pub fn builtin_value(f: &Frame, name: &Value) -> Option<Value> {
    namespace_get(&f.builtins, name)
}

/// `ns[name]` for a namespace dict (globals, builtins, a module's dict) with `str` keys.
pub fn namespace_get(ns: &Value, name: &Value) -> Option<Value> {
    let d = rpy_interpreter::vm::dict_of(ns)?.try_borrow().ok()?;
    rpy_interpreter::vm::dict_get_str(&d, name)
}

pub fn set_global(f: &Frame, name: &Value, v: Value) -> bool {
    let Some(d) = rpy_interpreter::vm::dict_of(&f.globals) else { return false };
    let Ok(mut d) = d.try_borrow_mut() else { return false };
    rpy_interpreter::vm::dict_set_str(&mut d, name.clone(), v);
    true
}

/// The list element at Python index `i`, and the non-negative index.
pub(super) fn list_item(list: &Value, i: i64) -> Option<(Value, usize)> {
    let Some(Obj { kind: ObjKind::List(cell) }) = list.as_obj() else { return None };
    let l = cell.try_borrow().ok()?;
    let j = if i < 0 { i + l.len() as i64 } else { i };
    (j >= 0 && (j as usize) < l.len()).then(|| (l[j as usize].clone(), j as usize))
}

/// The list's kinds summary (`ListData::kinds`), rescanned when stale.
pub(super) fn list_kinds(list: &Value) -> Option<u8> {
    let Some(Obj { kind: ObjKind::List(cell) }) = list.as_obj() else { return None };
    Some(cell.try_borrow_mut().ok()?.refresh_kinds())
}

/// The length of a list or a tuple.
pub fn seq_len(v: &Value) -> Option<usize> {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::List(cell) }) => Some(cell.try_borrow().ok()?.len()),
        Some(Obj { kind: ObjKind::Tuple(t) }) => Some(t.len()),
        _ => None,
    }
}

/// The tuple element at Python index `i`.
pub(super) fn tuple_item(tuple: &Value, i: i64) -> Option<Value> {
    let Some(Obj { kind: ObjKind::Tuple(t) }) = tuple.as_obj() else { return None };
    let j = if i < 0 { i + t.len() as i64 } else { i };
    usize::try_from(j).ok().and_then(|j| t.get(j)).cloned()
}

/// The contents of the frame's cell `i`, when bound.
pub fn cell_value(f: &Frame, i: usize) -> Option<Value> {
    Some(rpy_interpreter::vm::eval::cell_get(f.cells.get(i)?)).filter(|v| !v.is_null())
}
