//! The recorder: executes one iteration of a hot loop itself, on the real frame, and writes
//! down what each instruction did as typed trace IR.
//!
//! It understands a subset of the bytecode: locals, cell variables (read) and module globals
//! holding ints, floats, lists, tuples, strs and dicts; constants; arithmetic (`arith.rs`);
//! comparisons; conditional and forward jumps; stack shuffles; `list[int]` loads and stores,
//! appends; `tuple[int]`, unpacking of tuples and lists, `dict[str]`; module attributes and
//! builtin calls with a kernel; `for` over a `range`, list, dict items or `enumerate`
//! iterator at the loop header (`header.rs`); attributes and method calls of plain instances
//! (`attrs.rs`); calls of plain Python functions, inlined (`inline.rs`), and tuples built in
//! the trace (virtual); instances of plain classes made in the trace, virtual until they
//! escape (`virtuals.rs`), with the references the trace then owns (`ownership.rs`).
//! `rec.rs` holds the recorder's state and emit helpers, `finish.rs` builds the trace,
//! `state.rs` holds what the driver shares (homes, exit maps, frame accessors). The same
//! recorder records function traces, from a function's entry to its return (`function.rs`).
//! Before executing an instruction it checks that it can handle it with the values at hand;
//! when it cannot, it stops and leaves that instruction to the interpreter, with the frame
//! exactly as the interpreter would have left it up to there (an abort never needs undoing).
//! Values are computed with the interpreter's own fast paths (`fast_binop`, `fast_compare`),
//! so a recorded iteration cannot differ from an interpreted one.
//!
//! # Homes and snapshots
//!
//! A *home* is a place in the interpreter that the iteration reads or writes: a fast local, a
//! module global, the state of the header's range iterator, or (for a bridge) a value stack
//! entry that was already there when recording started. Each home read before it is written
//! is loaded and type-guarded once on entry (exit 0: nothing has happened yet, the frame is
//! untouched). Homes are kept in registers: a loop trace carries them as phis and writes
//! nothing back while it runs.
//!
//! Every guard carries a snapshot: the interpreter state just before the instruction that
//! emitted it. That is the value of every home written in the loop (its current value, or its
//! phi when not yet written in this iteration), plus the symbolic value stack. The exit map
//! ([`ExitMap`]) says where each snapshot value goes and at which pc the interpreter resumes.
//! Stores into lists happen as the trace runs, so resuming mid-iteration is exact.
//!
//! # Loops and bridges
//!
//! A *loop* trace starts at the header and ends at the back-edge with `jump`. A *bridge*
//! starts where a hot exit of a loop trace resumes, runs to the back-edge and ends with an
//! `exit` op whose snapshot writes the homes back; the driver then re-enters the loop trace.


mod arith;
mod attrs;
mod bigints;
mod dicts;
mod finish;
mod function;
mod header;
mod inline;
mod items;
mod nested;
mod ownership;
mod rec;
mod state;
mod strings;
mod virtuals;

pub use nested::{InnerExit, InnerLoop, Loops, NoLoops};
pub use rec::{Abort, LOOP_ENDS};
pub use state::*;
use rec::{is_list, BodyOp, Kind, Rec, Sym, V};
use arith::{arith_operand, record_binop, record_compare, record_kernel};
use finish::finish;
use state::{list_item, truth, tuple_item};

use crate::ir::OpKind;
use crate::runtime::ObjType;
use rpy_interpreter::bytecode::{Code, Instr};
use rpy_interpreter::list::ElemKinds;
use rpy_interpreter::object::{Obj, ObjKind};
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::eval::{fast_binop, fast_compare};
use rpy_interpreter::vm::frame::{Block, BlockKind, Frame};
use rpy_interpreter::vm::{int_i64, new_int, Vm};

/// Where recording starts.
#[derive(Clone, Copy, Debug)]
pub struct Start {
    /// The loop header.
    pub header: usize,
    /// The pc to start at: the header for a loop trace, an exit's resume pc for a bridge.
    pub pc: usize,
    /// Value stack depth at the header.
    pub base: usize,
    /// A bridge (one iteration, then back to the loop's traces) rather than a loop trace:
    /// every recording that starts off the header, and an entry bridge, which starts at the
    /// header for an entry state the loop trace's entry guards reject.
    pub bridge: bool,
    /// Depth of the frame's block stack at the header: the blocks above it are the trace's
    /// (a bridge starts with those its exit left).
    pub blocks: usize,
}

/// Records one iteration (a loop trace when `start.pc == start.header`, else a bridge from
/// `start.pc` to the back-edge) from the frame's current state. On success the frame is at
/// the loop's back-edge (`f.pc` at the `Jump`); on an abort `f.pc` is at the instruction the
/// interpreter must execute next.
pub fn record(vm: &mut Vm, f: &mut Frame, code: &Code, start: Start, limit: usize, loops: &mut dyn Loops) -> Result<Recorded, Abort> {
    record_mode(vm, f, code, start, limit, Mode::Loop, loops)
}

/// Records a function trace (`parent: None`, the frame at pc 0 with its arguments) or a
/// side trace of one from the state `parent` (the exit it grows from) left the frame in, up
/// to the function's return. On success the frame is at its `ReturnValue`; on an abort at
/// the instruction the interpreter must execute next, with an exception a call made while
/// recording raised in `Vm::jit_error`.
pub fn record_function(vm: &mut Vm, f: &mut Frame, code: &Code, parent: Option<Parent>, limit: usize, loops: &mut dyn Loops) -> Result<Recorded, Abort> {
    let start = Start { header: usize::MAX, pc: f.pc, base: 0, bridge: false, blocks: 0 };
    record_mode(vm, f, code, start, limit, Mode::Function { parent }, loops)
}

/// What is being recorded.
#[derive(Clone, Copy)]
enum Mode<'a> {
    /// A loop trace or a bridge of one.
    Loop,
    /// A function trace, or a side trace of one (growing from exit `parent`).
    Function { parent: Option<Parent<'a>> },
}

/// The exit a side trace of a function trace grows from: its map, and the types of the
/// values its snapshot wrote.
#[derive(Clone, Copy)]
pub struct Parent<'a> {
    pub map: &'a ExitMap,
    pub types: &'a [crate::ir::Ty],
}

fn record_mode(vm: &mut Vm, f: &mut Frame, code: &Code, start: Start, limit: usize, mode: Mode, loops: &mut dyn Loops) -> Result<Recorded, Abort> {
    let mut callees = Vec::new();
    let result = record_frames(vm, f, code, start, limit, mode, &mut callees, loops);
    // Stopped inside an inlined call: nothing the calls did can be seen (they had no
    // effects), and the loop's frame is still at the outermost call, which the interpreter
    // now makes itself.
    for c in callees.into_iter().rev() {
        vm.recycle_frame(c);
    }
    result
}

fn mode_parent(mode: Mode<'_>) -> Option<Parent<'_>> {
    match mode {
        Mode::Loop => None,
        Mode::Function { parent } => parent,
    }
}

/// What an instruction did to the frames.
enum Flow {
    /// Go on at `next` in the same frame.
    Next,
    /// Enter this inlined call's frame.
    Enter(Box<Frame>),
    /// Return this value from the inlined call, whose caller pops this many stack entries
    /// (the callee and its arguments).
    Leave(Value, usize),
}

/// `record` with the frames of the calls being inlined (innermost last), the recorder
/// executes them as it does the loop's frame. (Boxed: they come from and go back to the VM's
/// frame pool.)
#[allow(clippy::vec_box, clippy::too_many_arguments)]
fn record_frames(vm: &mut Vm, root: &mut Frame, root_code: &Code, start: Start, limit: usize, mode: Mode, callees: &mut Vec<Box<Frame>>, loops: &mut dyn Loops) -> Result<Recorded, Abort> {
    let header = start.header;
    let func = matches!(mode, Mode::Function { .. });
    let bridge = match mode {
        Mode::Loop => start.bridge,
        Mode::Function { parent } => parent.is_some(),
    };
    let mut r = Rec {
        homes: Vec::new(),
        body: Vec::new(),
        snaps: Vec::new(),
        stack: Vec::new(),
        pc: start.pc,
        keep: Vec::new(),
        names: Vec::new(),
        tuples: Vec::new(),
        iters: Vec::new(),
        insts: Vec::new(),
        fresh: Vec::new(),
        unrolled: Vec::new(),
        known_keys: Vec::new(),
        calls: Vec::new(),
        resume: None,
        from_exit: Vec::new(),
        kinds_guards: !func && !bridge,
        attrs: Vec::new(),
        versions: Vec::new(),
        inner: Vec::new(),
        blocks: Vec::new(),
    };
    let nfast = root.fast.len();
    if root.stack.len() < start.base {
        return Err("stack below the loop's base".into());
    }
    for b in root.blocks.get(start.blocks..).ok_or("block stack below the header's")? {
        let level = (b.level as usize).checked_sub(start.base).ok_or("block below the loop's stack base")?;
        r.blocks.push(Block { level: level as u32, ..*b });
    }
    let stack_in = root.stack.len() - start.base;
    if !bridge && stack_in != 0 {
        return Err("stack not at the loop's base".into());
    }
    for k in 0..stack_in {
        let real = root.stack[start.base + k].clone();
        let s = r.read_home(Home::Stack(k as u32), &real)?;
        r.stack.push(s);
    }
    if let Mode::Function { parent: Some(p) } = mode {
        function::inputs(&mut r, root, p.map)?;
    }
    root.pc = start.pc;
    let root_globals = root.globals.clone();
    // The headers of `while` loops (targets of back-edges other than a `for`'s `ForIter`):
    // one the JIT compiled is called (`nested::call_loop`).
    let while_headers: Vec<usize> = if func {
        Vec::new()
    } else {
        let back = |(p, i): (usize, &Instr)| match *i {
            Instr::Jump(t) if (t.0 as usize) < p && !matches!(root_code.instrs.get(t.0 as usize), Some(Instr::ForIter(_))) => Some(t.0 as usize),
            _ => None,
        };
        root_code.instrs.iter().enumerate().filter_map(back).collect()
    };
    let mut length = 0usize;
    loop {
        length += 1;
        if length > limit {
            return Err(format!("trace too long (more than {limit} instructions)"));
        }
        let at_root = callees.is_empty();
        if !r.fresh.is_empty() {
            bigints::check_fresh(&r)?;
        }
        if at_root && r.resume.is_some() && !r.stack.iter().any(|s| s.is_virtual()) {
            // Back in the loop with no virtual object left: guards snapshot again.
            r.resume = None;
        }
        let f: &mut Frame = match callees.last_mut() {
            Some(c) => c,
            None => &mut *root,
        };
        let callee_code;
        let code: &Code = if at_root {
            root_code
        } else {
            callee_code = f.code.clone();
            &callee_code
        };
        let module_names = f.locals.is(&f.globals);
        let pc = f.pc;
        if at_root {
            r.pc = pc;
        }
        if at_root && pc != header && while_headers.contains(&pc) && loops.find_inner(f).is_ok_and(|l| !l.iterates) {
            f.pc = nested::call_loop(&mut r, f, loops, false, None)?;
            continue;
        }
        let ins = *code.instrs.get(pc).ok_or("pc out of range")?;
        let mut next = pc + 1;
        let mut flow = Flow::Next;
        match ins {
            Instr::Nop => {}
            Instr::SetupExcept(t) | Instr::SetupFinally(t) => {
                let kind = if matches!(ins, Instr::SetupExcept(_)) { BlockKind::Except } else { BlockKind::Finally };
                let level = f.stack.len();
                if at_root {
                    // An exception raised in the block leaves the trace at a guard before the
                    // instruction that raises: the exit puts the block back (`ExitMap::blocks`),
                    // and the interpreter raises and handles it.
                    let rel = level.checked_sub(start.base).ok_or("try block below the loop's stack base")?;
                    r.blocks.push(Block { kind, handler: t.0, level: rel as u32 });
                }
                f.blocks.push(Block { kind, handler: t.0, level: level as u32 });
            }
            Instr::PopBlock => {
                if at_root && r.blocks.pop().is_none() {
                    return Err("leaves a try block entered before the loop".into());
                }
                f.blocks.pop().ok_or("no block to leave")?;
            }
            Instr::LoadFast(i) => {
                let real = f.fast.get(i.idx()).ok_or("bad local")?;
                if real.is_null() {
                    return Err("unbound local".into());
                }
                let s = match r.calls.last() {
                    None => r.read_home(Home::Fast(i.idx() as u32), real)?,
                    Some(c) => c.locals.get(i.idx()).copied().flatten().ok_or("local of an inlined call without a value")?,
                };
                r.stack.push(s);
                let real = real.clone();
                f.stack.push(real);
            }
            Instr::LoadDeref(i) => {
                if !at_root {
                    return Err("cell variable in an inlined call".into());
                }
                let real = cell_value(f, i.0 as usize).ok_or("unbound or missing cell")?;
                let s = r.read_home(Home::Cell(i.0), &real)?;
                r.stack.push(s);
                f.stack.push(real);
            }
            Instr::StoreFast(i) => {
                if func && matches!(r.top(0)?, Sym::Obj(v, _) if r.fresh.contains(&v)) {
                    return Err("new big int stored in a variable of a function trace".into());
                }
                if r.calls.is_empty() {
                    virtuals::escape_to_home(&mut r, func)?;
                }
                let s = r.top(0)?;
                match r.calls.last_mut() {
                    None => r.write_home(Home::Fast(i.idx() as u32), s)?,
                    Some(c) => *c.locals.get_mut(i.idx()).ok_or("bad local")? = Some(s),
                }
                r.pop()?;
                let v = f.stack.pop().ok_or("empty stack")?;
                f.fast[i.idx()] = v;
            }
            Instr::LoadGlobal(n) | Instr::LoadName(n) => {
                if matches!(ins, Instr::LoadName(_)) && !module_names {
                    return Err("name lookup outside module code".into());
                }
                if func {
                    let name = code.names.get(n.idx()).ok_or("bad name")?;
                    let (s, real) = function::load_global(&mut r, f, name)?;
                    r.stack.push(s);
                    f.stack.push(real);
                    f.pc = next;
                    continue;
                }
                // An inlined function shares the loop's globals (see `inline::enter`).
                let name = code.names.get(n.idx()).ok_or("bad name")?;
                let (home, real) = match global_value(f, name) {
                    Some(v) => (Home::Global(r.name_index(name)), v),
                    None => (Home::Builtin(r.name_index(name)), builtin_value(f, name).ok_or("name is not defined")?),
                };
                let s = r.read_home(home, &real)?;
                r.stack.push(s);
                f.stack.push(real);
            }
            Instr::StoreGlobal(n) | Instr::StoreName(n) => {
                if matches!(ins, Instr::StoreName(_)) && !module_names {
                    return Err("name store outside module code".into());
                }
                if func {
                    return Err("global store in a function trace".into());
                }
                if r.calls.is_empty() {
                    virtuals::escape_to_home(&mut r, func)?;
                }
                r.allow_effect("global store")?;
                // Only stores to existing globals: so no global appears in a trace, and a name
                // read as a builtin stays one (the entry glue checks that on every entry).
                let name = code.names.get(n.idx()).ok_or("bad name")?;
                if global_value(f, name).is_none() {
                    return Err("store creates a new global".into());
                }
                let s = r.top(0)?;
                let home = Home::Global(r.name_index(name));
                r.write_home(home, s)?;
                r.pop()?;
                let v = f.stack.pop().ok_or("empty stack")?;
                if !set_global(f, name, v) {
                    return Err("globals are not a dict".into());
                }
            }
            Instr::LoadConst(c) => {
                let v = code.consts.get(c.idx()).ok_or("bad const")?;
                let s = if let Some(x) = int_i64(v) {
                    Sym::Int(r.const_int(x))
                } else if v.is_float() {
                    Sym::Float(r.const_float(v.as_float_unchecked()))
                } else if v.is_bool() {
                    let one = r.const_int(v.is(&Value::TRUE) as i64);
                    let zero = r.const_int(0);
                    Sym::Bool(r.emit(OpKind::IntNe, vec![one, zero], 0), false)
                } else if v.is_none() {
                    Sym::Exact(v.bits())
                } else if let Some(t @ (ObjType::Str | ObjType::BigInt)) = ObjType::of(v) {
                    // The code object keeps its constants alive; so does the trace.
                    r.keep.push(v.clone());
                    Sym::Obj(r.emit(OpKind::ConstRef, vec![], v.bits()), t)
                } else {
                    return Err("constant is not an int, a float, a bool, None, a str or a big int".into());
                };
                r.stack.push(s);
                f.stack.push(v.clone());
            }
            Instr::BinaryOp(op) | Instr::InplaceOp(op) => {
                let n = f.stack.len();
                let (sb, sa) = (r.top(0)?, r.top(1)?);
                if n < 2 {
                    return Err("empty stack".into());
                }
                let (fa, fb) = (arith_operand(op, &f.stack[n - 2]), arith_operand(op, &f.stack[n - 1]));
                let (fa, fb) = (&fa, &fb);
                let made = match strings::percent(vm, &mut r, op, sa, sb, fa, fb)? {
                    Some(m) => Some(m),
                    None => match strings::concat(vm, &mut r, op, sa, sb, fa, fb)? {
                        Some(m) => Some(m),
                        None => bigints::binop(&mut r, op, sa, sb, fa, fb)?,
                    },
                };
                if let Some((s, result)) = made {
                    r.stack.truncate(r.stack.len() - 2);
                    r.stack.push(s);
                    f.stack.pop();
                    f.stack.pop();
                    f.stack.push(result);
                    f.pc = next;
                    continue;
                }
                let y_is_two = fb.as_small_int() == Some(2);
                let ints = int_i64(fa).zip(int_i64(fb));
                let result = match ints {
                    Some((x, y)) => arith::i64_binop(op, x, y),
                    None if op == rpy_interpreter::bytecode::opcodes::BinOp::Pow => arith::positive_float_pow(vm, fa, fb),
                    None => fast_binop(op, fa, fb),
                };
                let Some(result) = result else {
                    return Err(format!("binary {} outside the inline fast path", op.symbol()));
                };
                let s = record_binop(&mut r, op, sa, sb, &result, y_is_two)?;
                r.stack.truncate(r.stack.len() - 2);
                r.stack.push(s);
                f.stack.pop();
                f.stack.pop();
                f.stack.push(result);
            }
            Instr::CompareOp(op) => {
                let n = f.stack.len();
                let (sb, sa) = (r.top(0)?, r.top(1)?);
                if n < 2 {
                    return Err("empty stack".into());
                }
                let (fa, fb) = (&f.stack[n - 2], &f.stack[n - 1]);
                if let Some((s, t)) = bigints::compare(&mut r, op, sa, sb, fa, fb)? {
                    r.stack.truncate(r.stack.len() - 2);
                    r.stack.push(s);
                    f.stack.pop();
                    f.stack.pop();
                    f.stack.push(Value::bool(t));
                    f.pc = next;
                    continue;
                }
                let t = match int_i64(fa).zip(int_i64(fb)) {
                    Some((x, y)) => Some(rpy_interpreter::vm::ops::apply_ord(op, Some(x.cmp(&y)))),
                    None => fast_compare(op, fa, fb),
                };
                let Some(t) = t else {
                    return Err(format!("comparison {} outside the inline fast path", op.symbol()));
                };
                let s = record_compare(&mut r, op, sa, sb)?;
                r.stack.truncate(r.stack.len() - 2);
                r.stack.push(s);
                f.stack.pop();
                f.stack.pop();
                f.stack.push(Value::bool(t));
            }
            Instr::ContainsOp(inv) | Instr::IsOp(inv) => {
                let (sb, sa) = (r.top(0)?, r.top(1)?);
                let n = f.stack.len();
                if n < 2 {
                    return Err("empty stack".into());
                }
                let (a, b) = (f.stack[n - 2].clone(), f.stack[n - 1].clone());
                let (s, t) = if let Instr::IsOp(_) = ins {
                    let same = a.is(&b);
                    (strings::is(&mut r, sa, sb, same, inv != 0)?, same != (inv != 0))
                } else {
                    let s = strings::contains(&mut r, sa, sb, &a, &b, inv != 0)?;
                    let t = vm.contains(&b, &a).map_err(|_| "`in` raises".to_string())?;
                    (s, t != (inv != 0))
                };
                r.stack.truncate(r.stack.len() - 2);
                r.stack.push(s);
                f.stack.truncate(n - 2);
                f.stack.push(Value::bool(t));
            }
            Instr::BinarySubscr => {
                let (sk, sl) = (r.top(0)?, r.top(1)?);
                let n = f.stack.len();
                if n < 2 {
                    return Err("empty stack".into());
                }
                let (container, key) = (&f.stack[n - 2], &f.stack[n - 1]);
                let (item, s) = match (sl, sk) {
                    (Sym::List(l), Sym::Int(k)) => {
                        let key = key.as_small_int().ok_or("index")?;
                        let (item, _) = list_item(container, key).ok_or("list index out of range")?;
                        let kind = Kind::of(&item).ok_or("list item of a type the JIT does not handle")?;
                        let (data, idx) = r.list_index(l, k, key);
                        (item, r.list_load(container, l, data, idx, kind)?)
                    }
                    (Sym::Tuple(t), Sym::Int(k)) => {
                        // An item of a tuple built in the trace: the item's own symbol, for
                        // this very index.
                        let key = key.as_small_int().ok_or("index")?;
                        let item = tuple_item(container, key).ok_or("tuple index out of range")?;
                        let items = &r.tuples[t as usize];
                        let j = if key < 0 { key + items.len() as i64 } else { key };
                        let s = *items.get(j as usize).ok_or("tuple index out of range")?;
                        let want = r.const_int(key);
                        let same = r.emit(OpKind::IntEq, vec![k, want], 0);
                        r.guard(OpKind::GuardTrue, same);
                        (item, s)
                    }
                    (Sym::Obj(t, ObjType::Tuple), Sym::Int(k)) => {
                        let key = key.as_small_int().ok_or("index")?;
                        let item = tuple_item(container, key).ok_or("tuple index out of range")?;
                        let kind = Kind::of(&item).ok_or("tuple item of a type the JIT does not handle")?;
                        let (data, idx) = r.tuple_index(t, k, key);
                        (item, r.load_elem(data, idx, kind)?)
                    }
                    (Sym::Obj(d, ObjType::Dict), k @ (Sym::Obj(_, ObjType::Str) | Sym::Int(_))) => dicts::subscr(&mut r, d, k, container, key)?,
                    (Sym::Obj(s, ObjType::Str), Sym::Int(k)) => {
                        // A character below U+0100: a str the interpreter shares (`char_str`),
                        // compared by its code. Out of range or past U+00FF, the interpreter
                        // raises or makes the str.
                        let c = crate::runtime::str_code(container.bits(), int_i64(key).ok_or("index past 64 bits")?);
                        let ch = char::from_u32(u32::try_from(c).map_err(|_| "str index out of range, or of a character past U+00FF")?).ok_or("character")?;
                        let code = r.emit(OpKind::StrCode, vec![s, k], 0);
                        let zero = r.const_int(0);
                        let found = r.emit(OpKind::IntGe, vec![code, zero], 0);
                        r.guard(OpKind::GuardTrue, found);
                        (rpy_interpreter::vm::char_str(ch), Sym::Obj(r.emit(OpKind::CharStr, vec![code], 0), ObjType::Str))
                    }
                    _ => return Err("subscript of something other than a list, tuple or str by an int, or a dict by a str or an int".into()),
                };
                r.stack.truncate(r.stack.len() - 2);
                r.stack.push(s);
                f.stack.pop();
                f.stack.pop();
                f.stack.push(item);
            }
            Instr::StoreSubscr => {
                r.allow_effect("item store")?;
                let (sk, sl, sv) = (r.top(0)?, r.top(1)?, r.top(2)?);
                let n = f.stack.len();
                if let Sym::Obj(_, ObjType::Dict) = sl {
                    dicts::store(vm, &mut r, f, sv, sl, sk)?;
                    f.pc = next;
                    continue;
                }
                let (Sym::List(l), Sym::Int(k)) = (sl, sk) else {
                    return Err("item store into something other than a list by an int".into());
                };
                let boxed = r.boxed_number(sv, "item store")?;
                let stored = if matches!(sv, Sym::Float(_)) { ElemKinds::FLOAT } else { ElemKinds::INT };
                let key = f.stack[n - 1].as_small_int().ok_or("index")?;
                let (old, j) = list_item(&f.stack[n - 2], key).ok_or("list index out of range")?;
                if old.is_obj() {
                    return Err("item store replaces an object".into());
                }
                let (data, idx) = r.list_index(l, k, key);
                // The list's kinds summary must keep covering its items: it must have the
                // stored kind already or, where the list recorded lacks it (a loop storing a
                // new kind into each of many lists), the guard adds it. In a loop trace, a
                // list with no objects also needs no check of the item replaced.
                let had = state::list_kinds(&f.stack[n - 2]).unwrap_or(ElemKinds::ALL);
                let add = if had & stored == 0 { crate::runtime::KINDS_ADD } else { 0 };
                let kinds = had | stored;
                let no_objects = r.kinds_guards && kinds & ElemKinds::OTHER == 0;
                let forbid = if no_objects { ElemKinds::OTHER } else { 0 };
                r.emit_guard_imm(OpKind::GuardListKinds, vec![l], forbid as u64 | (stored as u64) << 8 | add);
                if !no_objects {
                    let e = r.emit(OpKind::LoadElem, vec![data, idx], 0);
                    r.guard(OpKind::GuardNotObj, e);
                }
                r.emit(OpKind::StoreElem, vec![data, idx, boxed], 0);
                r.stack.truncate(r.stack.len() - 3);
                let _key = f.stack.pop();
                let list = f.stack.pop().ok_or("empty stack")?;
                let v = f.stack.pop().ok_or("empty stack")?;
                if let Some(Obj { kind: ObjKind::List(cell) }) = list.as_obj() {
                    let old = cell.borrow_mut().set(j, v);
                    drop(old);
                }
            }
            Instr::LoadMethod(n) if at_root && matches!(r.top(0)?, Sym::Obj(_, ObjType::Dict)) && code.names.get(n.idx()).and_then(rpy_interpreter::vm::str_of) == Some("items") => {
                // `for k, v in d.items()`: a loop the trace calls.
                next = inline::dict_items_iter(vm, &mut r, f, code)?;
            }
            Instr::LoadMethod(n) if matches!(r.top(0)?, Sym::List(_) | Sym::Obj(_, ObjType::Dict | ObjType::Str | ObjType::Set)) => {
                // A method of a built-in type that the trace computes: `lst.append` (see
                // `CallMethod`) or one with a kernel (`d.get`). Built-in types never change,
                // so the method is a constant.
                let name = code.names.get(n.idx()).ok_or("bad name")?;
                let obj = f.stack.last().ok_or("empty stack")?.clone();
                let (m, slf) = vm.load_method(&obj, name).map_err(|_| "method lookup raises".to_string())?;
                let known = match r.top(0)? {
                    Sym::List(_) => rpy_interpreter::vm::str_of(name) == Some("append"),
                    Sym::Obj(_, ObjType::Set) => rpy_interpreter::vm::str_of(name) == Some("add"),
                    _ => !slf.is_null() && vm.kernel_of(&m).is_some(),
                };
                if !known {
                    return Err("method of a list, dict or str that the JIT does not compute".into());
                }
                let o = r.pop()?;
                r.keep.push(m.clone());
                r.stack.push(Sym::Exact(m.bits()));
                r.stack.push(o);
                f.stack.pop();
                f.stack.push(m);
                f.stack.push(slf);
            }
            Instr::CallMethod(1) if matches!(r.top(1)?, Sym::Obj(_, ObjType::Set)) => {
                // `s.add(x)` (see `LoadMethod`) of a str or an int.
                let n = f.stack.len();
                let (m, set, key) = (f.stack[n - 3].clone(), f.stack[n - 2].clone(), f.stack[n - 1].clone());
                let name = vm.intern("add");
                let add = vm.load_method(&set, &name).map_err(|_| "method lookup raises".to_string())?.0;
                let (Sym::Obj(s, _), k @ (Sym::Obj(_, ObjType::Str) | Sym::Int(_))) = (r.top(1)?, r.top(0)?) else {
                    return Err("set.add of something other than a str or an int".into());
                };
                if !m.is(&add) || crate::runtime::set_has(set.bits(), key.bits()) < 0 {
                    return Err("set.add that needs Python code".into());
                }
                r.allow_effect("set.add")?;
                let boxed = r.boxed(k)?;
                r.emit_guard(OpKind::SetAdd, vec![s, boxed]);
                if crate::runtime::set_add(set.bits(), key.bits()) == 0 {
                    return Err("set.add failed".into());
                }
                r.stack.truncate(r.stack.len() - 3);
                r.stack.push(Sym::Exact(Value::NONE.bits()));
                f.stack.truncate(n - 3);
                f.stack.push(Value::NONE);
            }
            Instr::CallMethod(1) if matches!(r.top(1)?, Sym::List(_)) => {
                // `lst.append(x)` (see `LoadMethod`): the append a comprehension does.
                let n = f.stack.len();
                let (m, list) = (f.stack[n - 3].clone(), f.stack[n - 2].clone());
                let name = vm.intern("append");
                let append = vm.load_method(&list, &name).map_err(|_| "method lookup raises".to_string())?.0;
                if !m.is(&append) || !is_list(&list) {
                    return Err("method call on a list other than append".into());
                }
                let Sym::List(l) = r.top(1)? else { return Err("append to something other than a list".into()) };
                record_append(&mut r, l)?;
                r.stack.truncate(r.stack.len() - 3);
                r.stack.push(Sym::Exact(Value::NONE.bits()));
                let v = f.stack.pop().ok_or("empty stack")?;
                f.stack.truncate(n - 3);
                if let Some(Obj { kind: ObjKind::List(cell) }) = list.as_obj() {
                    cell.try_borrow_mut().map_err(|_| "list in use")?.push(v);
                }
                f.stack.push(Value::NONE);
            }
            Instr::LoadAttr(n) | Instr::LoadMethod(n) if matches!(r.top(0)?, Sym::Obj(_, ObjType::Inst(_)) | Sym::Inst(_)) => {
                let name = code.names.get(n.idx()).ok_or("bad name")?.clone();
                match ins {
                    Instr::LoadAttr(_) => attrs::load_attr(vm, &mut r, f, &name)?,
                    _ => attrs::load_method(vm, &mut r, f, &name)?,
                }
            }
            Instr::StoreAttr(n) => {
                let name = code.names.get(n.idx()).ok_or("bad name")?.clone();
                attrs::store_attr(vm, &mut r, f, &name)?;
            }
            Instr::LoadAttr(n) | Instr::LoadMethod(n) => {
                let Sym::Exact(mbits) = r.top(0)? else {
                    return Err("attribute of something other than a module".into());
                };
                let real_mod = f.stack.last().ok_or("empty stack")?;
                let Some(Obj { kind: ObjKind::Module(m) }) = real_mod.as_obj() else {
                    return Err("attribute of something other than a module".into());
                };
                let name = code.names.get(n.idx()).ok_or("bad name")?;
                let attr = namespace_get(&m.dict, name).ok_or("module attribute not in the module's dict")?;
                if !matches!(Kind::of(&attr), Some(Kind::Exact(_))) {
                    return Err("module attribute is not a module or builtin function".into());
                }
                let mo = r.emit(OpKind::ConstRef, vec![], mbits);
                let no = r.emit(OpKind::ConstRef, vec![], name.bits());
                let a = r.emit(OpKind::ModuleAttr, vec![mo, no], 0);
                r.emit_guard_imm(OpKind::GuardBits, vec![a], attr.bits());
                r.keep.push(attr.clone());
                r.pop()?;
                r.stack.push(Sym::Exact(attr.bits()));
                f.stack.pop();
                f.stack.push(attr);
                if matches!(ins, Instr::LoadMethod(_)) {
                    r.stack.push(Sym::Exact(Value::NULL.bits()));
                    f.stack.push(Value::NULL);
                }
            }
            Instr::CallFunction(argc) | Instr::CallMethod(argc) => {
                let argc = argc as usize;
                let method = matches!(ins, Instr::CallMethod(_));
                let callee_depth = argc + method as usize;
                // `obj.method(...)` (see `attrs::load_method`): `obj` is the first argument.
                let with_self = method && r.top(argc)? != Sym::Exact(Value::NULL.bits());
                let argc = argc + with_self as usize;
                let Sym::Exact(_) = r.top(callee_depth)? else {
                    return Err("call of an unknown callee".into());
                };
                let n = f.stack.len();
                if n < callee_depth + 1 {
                    return Err("empty stack".into());
                }
                let callee = f.stack[n - 1 - callee_depth].clone();
                let recursive = match callee.as_obj() {
                    Some(Obj { kind: ObjKind::Function(fun) }) => std::ptr::eq(&*fun.code, root_code),
                    _ => false,
                };
                if func && at_root && recursive {
                    // Recursion: a call the trace makes (to this very trace, once compiled).
                    function::residual_call(vm, &mut r, f, &callee, argc, callee_depth + 1)?;
                    f.pc = next;
                    continue;
                }
                if let Some(Obj { kind: ObjKind::Function(fun) }) = callee.as_obj() {
                    // The caller stays at the call until the callee returns.
                    flow = Flow::Enter(inline::enter(vm, &mut r, f, fun, argc, callee_depth + 1, &root_globals)?);
                } else if matches!(callee.as_obj(), Some(Obj { kind: ObjKind::Type(_) })) && !method && vm.plain_init(&callee).is_some() {
                    flow = Flow::Enter(virtuals::construct(vm, &mut r, f, &callee, argc, callee_depth + 1, &root_globals)?);
                } else if callee.is(&vm.types.range) && !method {
                    next = inline::range_iter(&mut r, f, code, argc)?;
                } else if callee.is(&vm.types.int) && !method && argc == 1 && matches!(r.top(0)?, Sym::Obj(_, ObjType::Str)) {
                    let result = vm.call(&callee, &f.stack[n - 1..], &[]).map_err(|_| "the call raises".to_string())?;
                    let x = strings::int_of(&mut r, &result)?;
                    r.stack.truncate(r.stack.len() - callee_depth - 1);
                    r.stack.push(x);
                    f.stack.truncate(n - callee_depth - 1);
                    f.stack.push(result);
                } else {
                    let kernel = vm.kernel_of(&callee).ok_or("call of a function the JIT cannot compute")?;
                    let args: Vec<Value> = f.stack[n - argc..].to_vec();
                    let syms: Vec<Sym> = (0..argc).map(|k| r.top(argc - 1 - k)).collect::<Result<_, _>>()?;
                    let result = vm.call(&callee, &args, &[]).map_err(|_| "the call raises".to_string())?;
                    let s = record_kernel(&mut r, kernel, &syms, &args, &result)?;
                    r.stack.truncate(r.stack.len() - callee_depth - 1);
                    r.stack.push(s);
                    f.stack.truncate(n - callee_depth - 1);
                    f.stack.push(result);
                }
            }
            Instr::MapAdd(d) => {
                // A dict comprehension's store: the dict is `d` entries under the key and value.
                let n = f.stack.len();
                let di = n.checked_sub(2 + d as usize).ok_or("empty stack")?;
                let dict = f.stack[di].clone();
                let sd = if di >= start.base {
                    r.top(n - 1 - di)?
                } else {
                    r.read_home(Home::Under((start.base - di) as u32), &dict)?
                };
                dicts::map_add(vm, &mut r, f, sd, dict)?;
            }
            Instr::ListAppend(d) => {
                let d = d as usize;
                let n = f.stack.len();
                // After popping the value, the list is `d` entries down.
                let li = (n - 1).checked_sub(d).ok_or("empty stack")?;
                let list = f.stack[li].clone();
                if !is_list(&list) {
                    return Err("append to something other than a list".into());
                }
                let sl = if li >= start.base {
                    r.top(n - 1 - li)?
                } else {
                    r.read_home(Home::Under((start.base - li) as u32), &list)?
                };
                let Sym::List(l) = sl else { return Err("append to something other than a list".into()) };
                record_append(&mut r, l)?;
                r.pop()?;
                let v = f.stack.pop().ok_or("empty stack")?;
                if let Some(Obj { kind: ObjKind::List(cell) }) = list.as_obj() {
                    cell.try_borrow_mut().map_err(|_| "list in use")?.push(v);
                }
            }
            Instr::UnpackSequence(count) => {
                let count = count as usize;
                let s = r.top(0)?;
                let seq = f.stack.last().ok_or("empty stack")?.clone();
                if let Sym::Tuple(t) = s {
                    // A tuple built in the trace (`a, b = b, a + b`, a returned pair): its
                    // items' symbols, no loads and no guards.
                    let Some(Obj { kind: ObjKind::Tuple(items) }) = seq.as_obj() else {
                        return Err("unpacking of a changed value".into());
                    };
                    let syms = r.tuples[t as usize].clone();
                    if items.len() != count || syms.len() != count {
                        return Err("unpacking raises".into());
                    }
                    r.pop()?;
                    f.stack.pop();
                    for (s, v) in syms.into_iter().zip(items.iter()).rev() {
                        r.stack.push(s);
                        f.stack.push(v.clone());
                    }
                    f.pc = next;
                    continue;
                }
                let (items, (len, data)): (Vec<Value>, (V, V)) = match s {
                    Sym::Obj(t, ObjType::Tuple) => match seq.as_obj() {
                        Some(Obj { kind: ObjKind::Tuple(items) }) => {
                            (items.to_vec(), (r.emit(OpKind::TupleLen, vec![t], 0), r.emit(OpKind::TupleData, vec![t], 0)))
                        }
                        _ => return Err("unpacking of a changed value".into()),
                    },
                    Sym::List(l) => match seq.as_obj() {
                        Some(Obj { kind: ObjKind::List(items) }) => {
                            let items = items.try_borrow().map_err(|_| "list in use")?.clone();
                            (items, (r.emit(OpKind::ListLen, vec![l], 0), r.emit(OpKind::ListData, vec![l], 0)))
                        }
                        _ => return Err("unpacking of a changed value".into()),
                    },
                    _ => return Err("unpacking of something other than a tuple or list".into()),
                };
                if items.len() != count {
                    return Err("unpacking raises".into());
                }
                let want = r.const_int(count as i64);
                let same = r.emit(OpKind::IntEq, vec![len, want], 0);
                r.guard(OpKind::GuardTrue, same);
                let mut syms = Vec::with_capacity(count);
                for (k, item) in items.iter().enumerate() {
                    let kind = Kind::of(item).ok_or("unpacked item of a type the JIT does not handle")?;
                    let idx = r.const_int(k as i64);
                    syms.push(r.load_elem(data, idx, kind)?);
                }
                if let Sym::List(l) = s {
                    if r.fresh.contains(&l) {
                        // A new list the trace owns (`str_split`): its items become the
                        // trace's own, and the list is given up.
                        for sym in syms.iter_mut() {
                            match *sym {
                                Sym::Obj(x, t) => {
                                    let own = r.emit(OpKind::IncRef, vec![x], 0);
                                    r.fresh.push(own);
                                    *sym = Sym::Obj(own, t);
                                }
                                Sym::Int(_) | Sym::Float(_) => {}
                                _ => return Err("unpacked item of a new list that is not an object or a number".into()),
                            }
                        }
                        r.fresh.retain(|&v| v != l);
                        r.emit(OpKind::DecRef, vec![l], 0);
                    }
                }
                // The first item ends on top.
                r.pop()?;
                f.stack.pop();
                for (s, v) in syms.into_iter().zip(items).rev() {
                    r.stack.push(s);
                    f.stack.push(v);
                }
            }
            Instr::UnaryNot => {
                let s = r.top(0)?;
                let Some(t) = f.stack.last().and_then(truth) else {
                    return Err("`not` of a value of another type".into());
                };
                let b = match s {
                    Sym::Bool(v, neg) => Sym::Bool(v, !neg),
                    Sym::Int(x) => {
                        let z = r.const_int(0);
                        Sym::Bool(r.emit(OpKind::IntEq, vec![x, z], 0), false)
                    }
                    Sym::Float(x) => {
                        let z = r.const_float(0.0);
                        Sym::Bool(r.emit(OpKind::FloatEq, vec![x, z], 0), false)
                    }
                    Sym::List(_) | Sym::Obj(..) | Sym::Exact(_) | Sym::Tuple(_) | Sym::Iter(_) | Sym::Inst(_) | Sym::Boxed(_) => return Err("`not` of an object".into()),
                };
                r.pop()?;
                r.stack.push(b);
                f.stack.pop();
                f.stack.push(Value::bool(!t));
            }
            Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) => {
                let s = r.top(0)?;
                let Some(b) = f.stack.last().and_then(truth) else {
                    return Err("branch on a value of another type".into());
                };
                r.guard_truth(s, b)?;
                r.pop()?;
                f.stack.pop();
                let jump_if = matches!(ins, Instr::PopJumpIfTrue(_));
                if b == jump_if {
                    next = t.0 as usize;
                }
            }
            Instr::JumpIfFalseOrPop(t) | Instr::JumpIfTrueOrPop(t) => {
                // `and`/`or` and chained comparisons: jump keeping the value, or pop it.
                let s = r.top(0)?;
                let Some(b) = f.stack.last().and_then(truth) else {
                    return Err("branch on a value of another type".into());
                };
                r.guard_truth(s, b)?;
                let jump_if = matches!(ins, Instr::JumpIfTrueOrPop(_));
                if b == jump_if {
                    next = t.0 as usize;
                } else {
                    r.pop()?;
                    f.stack.pop();
                }
            }
            Instr::UnaryNeg => {
                let s = r.top(0)?;
                let real = f.stack.last().ok_or("empty stack")?;
                let (sym, v) = match s {
                    Sym::Int(x) if int_i64(real).is_some() => {
                        let Some(v) = int_i64(real).and_then(i64::checked_neg).map(new_int) else {
                            return Err("negation leaves 64 bits".into());
                        };
                        let z = r.const_int(0);
                        (Sym::Int(r.emit_guard(OpKind::IntSubOvf, vec![z, x])), v)
                    }
                    Sym::Float(x) if real.is_float() => {
                        (Sym::Float(r.emit(OpKind::FloatNeg, vec![x], 0)), Value::float(-real.as_float_unchecked()))
                    }
                    _ => return Err("negation of a value of another type".into()),
                };
                r.pop()?;
                r.stack.push(sym);
                f.stack.pop();
                f.stack.push(v);
            }
            Instr::Jump(t) => {
                let t = t.0 as usize;
                if !at_root {
                    // Loops in inlined calls are unrolled (the trace length limit bounds them).
                    next = t;
                } else if func {
                    if t < pc {
                        return Err("loop in a function trace".into());
                    }
                    next = t;
                } else if t == header {
                    if !r.stack.is_empty() || f.stack.len() != start.base {
                        return Err("stack not back at the loop's base at the back-edge".into());
                    }
                    if !r.blocks.is_empty() {
                        return Err("try block still open at the back-edge".into());
                    }
                    return finish(r, &start, nfast, stack_in, length);
                } else if t < pc {
                    return Err("back-edge of an inner loop".into());
                } else {
                    next = t;
                }
            }
            Instr::ForIter(target) => {
                if !at_root && nested::callable_in_call(&mut r, f, loops)? {
                    // A loop the JIT compiled: called (its guards resume before the call).
                    next = nested::call_loop(&mut r, f, loops, func, Some(target.0 as usize))?;
                    f.pc = next;
                    continue;
                }
                if !at_root {
                    if inline::for_range(&mut r, f)? {
                        next = target.0 as usize;
                    }
                    f.pc = next;
                    continue;
                }
                if func || pc != header {
                    // A loop inside the trace: its compiled trace is called.
                    next = nested::call_loop(&mut r, f, loops, func, Some(target.0 as usize))?;
                    f.pc = next;
                    continue;
                }
                next = header::for_iter(&mut r, f, code, pc)?;
            }
            Instr::ReturnValue => {
                if at_root && func {
                    if r.stack.len() != 1 || f.stack.len() != 1 {
                        return Err("stack not empty at the return".into());
                    }
                    return function::finish(r, &start, mode_parent(mode), root.fast.len(), stack_in, length, root_code);
                }
                if at_root {
                    return Err("return from the loop's function".into());
                }
                let s = r.pop()?;
                let v = f.stack.pop().ok_or("empty stack")?;
                let call = r.calls.pop().ok_or("return outside an inlined call")?;
                let (s, v) = match call.ctor {
                    Some(k) => virtuals::constructed(&r, k, &v)?,
                    None => (s, v),
                };
                r.stack = call.caller_stack;
                let n = r.stack.len();
                r.stack.truncate(n.checked_sub(call.pops).ok_or("caller stack")?);
                r.stack.push(s);
                flow = Flow::Leave(v, call.pops);
            }
            Instr::BuildTuple(count) => {
                let count = count as usize;
                let n = f.stack.len();
                if r.stack.len() < count || n < count {
                    return Err("stack value from before the loop".into());
                }
                if at_root && r.resume.is_none() {
                    // Exits resume here and build the tuple in the interpreter.
                    r.resume = Some(r.snapshot());
                }
                let items = r.stack.split_off(r.stack.len() - count);
                r.tuples.push(items);
                r.stack.push(Sym::Tuple((r.tuples.len() - 1) as u32));
                let real = rpy_interpreter::vm::new_tuple(f.stack[n - count..].to_vec());
                f.stack.truncate(n - count);
                f.stack.push(real);
            }
            Instr::GetIter => {
                next = inline::seq_iter(vm, &mut r, f, code, header)?;
            }
            Instr::PopTop => {
                r.pop()?;
                f.stack.pop();
            }
            Instr::DupTop => {
                let s = r.top(0)?;
                r.stack.push(s);
                let v = f.stack.last().cloned().ok_or("empty stack")?;
                f.stack.push(v);
            }
            Instr::DupTop2 => {
                let (a, b) = (r.top(1)?, r.top(0)?);
                r.stack.extend([a, b]);
                let m = f.stack.len();
                if m < 2 {
                    return Err("empty stack".into());
                }
                let (a, b) = (f.stack[m - 2].clone(), f.stack[m - 1].clone());
                f.stack.push(a);
                f.stack.push(b);
            }
            Instr::RotTwo => {
                let n = r.stack.len();
                if n < 2 || f.stack.len() < 2 {
                    return Err("stack value from before the loop".into());
                }
                r.stack.swap(n - 1, n - 2);
                let m = f.stack.len();
                f.stack.swap(m - 1, m - 2);
            }
            Instr::RotThree => {
                let n = r.stack.len();
                if n < 3 || f.stack.len() < 3 {
                    return Err("stack value from before the loop".into());
                }
                r.stack[n - 3..].rotate_right(1);
                let m = f.stack.len();
                f.stack[m - 3..].rotate_right(1);
            }
            other => return Err(format!("unsupported instruction {}", other.name())),
        }
        match flow {
            Flow::Next => f.pc = next,
            Flow::Enter(callee) => callees.push(callee),
            Flow::Leave(value, pops) => {
                if let Some(done) = callees.pop() {
                    vm.recycle_frame(done);
                }
                let caller: &mut Frame = match callees.last_mut() {
                    Some(c) => c,
                    None => &mut *root,
                };
                let n = caller.stack.len();
                caller.stack.truncate(n.checked_sub(pops).ok_or("caller stack")?);
                caller.stack.push(value);
                caller.pc += 1;
            }
        }
    }
}

/// Appends the value on top of the stack to list `l`; a new object there escapes into the
/// list (`virtuals::escape_at`).
fn record_append(r: &mut Rec, l: V) -> Result<(), Abort> {
    if let Sym::Obj(o, _) = r.top(0)? {
        if r.fresh.contains(&o) {
            // A new object the trace owns: the list takes it over.
            r.allow_effect("append")?;
            r.fresh.retain(|&v| v != o);
            r.emit_store_of_new(OpKind::ListAppend, vec![l, o], 0, o);
            return Ok(());
        }
    }
    let escapes = matches!(r.top(0)?, Sym::Inst(_)) && r.calls.is_empty();
    if !escapes {
        r.allow_effect("append")?;
    }
    match virtuals::escape_at(r, 0)? {
        Some(new) => r.emit_store_of_new(OpKind::ListAppend, vec![l, new], 0, new),
        None => {
            let boxed = r.boxed(r.top(0)?)?;
            r.emit_guard(OpKind::ListAppend, vec![l, boxed]);
        }
    }
    Ok(())
}
