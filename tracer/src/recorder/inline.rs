//! Inlining: calls of Python functions recorded into the loop's trace, and `range` loops
//! inside them.
//!
//! A call of a plain Python function (positional parameters only, no cells, the loop's own
//! globals, not already being inlined) is recorded by entering the callee's frame: the
//! recorder executes its bytecode as it does the loop's, with the callee's locals held as
//! symbols. Nothing with an effect may happen in a callee (the recorder stops at stores into
//! lists or globals), so every guard in it exits to the loop's state before the outermost
//! call (`Rec::resume`) and the interpreter makes the call again: frames of inlined calls
//! never have to be rebuilt. For the same reason, when recording stops inside a call, the
//! loop's frame is simply left at that call.
//!
//! Loops in a callee are unrolled: `for x in range(...)` uses a virtual range iterator,
//! whose exhaustion test is guarded on every step.

use super::{Abort, Rec, Sym, V};
use crate::ir::OpKind;
use crate::recorder::range_state;
use rpy_interpreter::builtins::iterators::small_range;
use rpy_interpreter::bytecode::{Code, Instr};
use rpy_interpreter::object::{Function, Iter, Obj, ObjKind};
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::frame::Frame;
use rpy_interpreter::vm::Vm;
use std::rc::Rc;

/// The symbolic state of a call being inlined.
pub(super) struct Call {
    pub code: Rc<Code>,
    /// The callee's fast locals.
    pub locals: Vec<Option<Sym>>,
    /// The caller's symbolic stack, the callee and its arguments still on it.
    pub caller_stack: Vec<Sym>,
    /// Entries the caller pops when the call returns (the callee and its arguments).
    pub pops: usize,
    /// For an `__init__` called by `cls(...)`: the virtual instance (`Rec::insts`) the call
    /// gives the caller when `__init__` returns `None`.
    pub ctor: Option<u32>,
}

/// A virtual range iterator: the next value and the bound it is compared with.
#[derive(Clone, Copy, Debug)]
pub(super) struct RangeIter {
    pub cur: V,
    pub stop: V,
    pub step: i64,
}

/// A virtual iterator (`Sym::Iter`).
#[derive(Clone, Copy, Debug)]
pub(super) enum VIter {
    Range(RangeIter),
    /// Over a list or a tuple (`Sym::List` or a tuple `Sym::Obj`), from index `idx`.
    Seq { seq: Sym, idx: V },
    /// Over the items of a dict (`d.items()`), from its start.
    DictItems { dict: V },
}

/// Most calls inlined into one another.
const MAX_DEPTH: usize = 8;

/// Starts inlining a call of `fun` with the `argc` arguments on top of `f`'s stack (`pops`
/// entries with the callee): returns the callee's frame, ready to run.
pub(super) fn enter(vm: &mut Vm, r: &mut Rec, f: &Frame, fun: &Function, argc: usize, pops: usize, globals: &Value) -> Result<Box<Frame>, Abort> {
    let n = f.stack.len();
    let syms: Vec<Sym> = (0..argc).map(|k| r.top(argc - 1 - k)).collect::<Result<_, _>>()?;
    let vals = f.stack.get(n - argc..).ok_or("empty stack")?.to_vec();
    enter_args(vm, r, fun, Args { syms, vals, pops, ctor: None }, globals)
}

/// The arguments of an inlined call: symbols and values, how many stack entries the caller
/// pops when it returns, and for an `__init__` the virtual instance it initialises.
pub(super) struct Args {
    pub syms: Vec<Sym>,
    pub vals: Vec<Value>,
    pub pops: usize,
    pub ctor: Option<u32>,
}

/// `enter` with the arguments given.
pub(super) fn enter_args(vm: &mut Vm, r: &mut Rec, fun: &Function, args: Args, globals: &Value) -> Result<Box<Frame>, Abort> {
    let code = &fun.code;
    let fl = &code.flags;
    let argc = args.syms.len();
    if fl.varargs || fl.varkw || fl.generator || fl.coroutine || code.kwonlyargcount != 0 || code.argcount as usize != argc {
        return Err("call of a function with defaults, *args, **kwargs or keyword-only parameters".into());
    }
    if code.ncells() > 0 || fun.closure.is_some() {
        return Err("call of a closure or of a function with cell variables".into());
    }
    if !fun.globals.is(globals) {
        return Err("call of a function of another module".into());
    }
    if r.calls.len() >= MAX_DEPTH {
        return Err("calls nested too deeply to inline".into());
    }
    if r.calls.iter().any(|c| Rc::ptr_eq(&c.code, code)) {
        return Err("recursive call".into());
    }
    if r.calls.is_empty() && r.resume.is_none() {
        r.resume = Some(r.snapshot());
    }
    let mut frame = vm.new_frame(code.clone(), fun.globals.clone(), Value::NULL);
    for (i, a) in args.vals.into_iter().enumerate() {
        frame.fast[i] = a;
    }
    let mut locals = vec![None; code.varnames.len()];
    for (i, s) in args.syms.into_iter().enumerate() {
        locals[i] = Some(s);
    }
    let caller_stack = std::mem::take(&mut r.stack);
    r.calls.push(Call { code: code.clone(), locals, caller_stack, pops: args.pops, ctor: args.ctor });
    Ok(frame)
}

/// `range(...)` followed by `GetIter` in an inlined call, or at the root of a trace (a loop the
/// trace calls; fused, as the interpreter does): a virtual range iterator. Returns the pc after
/// the `GetIter`.
pub(super) fn range_iter(r: &mut Rec, f: &mut Frame, code: &Code, argc: usize) -> Result<usize, Abort> {
    let pc = f.pc;
    if !matches!(code.instrs.get(pc + 1), Some(Instr::GetIter)) {
        return Err("range() not iterated at once".into());
    }
    let n = f.stack.len();
    let range = small_range(&f.stack[n - argc..]).ok_or("range() of values other than inline ints")?;
    let mut ints = Vec::with_capacity(argc);
    for k in 0..argc {
        match r.top(argc - 1 - k)? {
            Sym::Int(v) => ints.push(v),
            _ => return Err("range() of values other than ints".into()),
        }
    }
    let (start, stop) = match argc {
        1 => (r.const_int(0), ints[0]),
        _ => (ints[0], ints[1]),
    };
    if argc == 3 {
        // The step's sign decides the exhaustion test: guard the step itself.
        let want = r.const_int(range.step);
        let same = r.emit(OpKind::IntEq, vec![ints[2], want], 0);
        r.guard(OpKind::GuardTrue, same);
    }
    if r.calls.is_empty() && r.resume.is_none() {
        // At the root of a trace, for a loop the trace calls (`nested.rs`): guards resume
        // here until the loop runs, and the interpreter makes the range again.
        r.resume = Some(r.snapshot());
    }
    r.iters.push(VIter::Range(RangeIter { cur: start, stop, step: range.step }));
    let k = r.iters.len() - 1;
    r.stack.truncate(r.stack.len() - argc - 1);
    r.stack.push(Sym::Iter(k as u32));
    f.stack.truncate(n - argc - 1);
    f.stack.push(rpy_interpreter::vm::new_iter(Iter::Range { cur: range.start, step: range.step, remaining: range.len() }));
    Ok(pc + 2)
}

/// `GetIter` of a list or a tuple at the root of a trace, followed by the `ForIter` of a loop
/// the trace calls (`nested.rs`): a virtual iterator. Returns the pc after the `GetIter`.
pub(super) fn seq_iter(vm: &mut Vm, r: &mut Rec, f: &mut Frame, code: &Code, header: usize) -> Result<usize, Abort> {
    let pc = f.pc;
    if !r.calls.is_empty() || pc + 1 == header || !matches!(code.instrs.get(pc + 1), Some(Instr::ForIter(_))) {
        return Err("unsupported instruction GetIter".into());
    }
    let seq = r.top(0)?;
    if !matches!(seq, Sym::List(_) | Sym::Obj(_, crate::runtime::ObjType::Tuple)) {
        return Err("inner loop over something other than a list or a tuple".into());
    }
    if r.resume.is_none() {
        // Guards resume at the `GetIter` until the loop runs.
        r.resume = Some(r.snapshot());
    }
    let real = f.stack.pop().ok_or("empty stack")?;
    let it = vm.get_iter(&real).map_err(|_| "iter() raises".to_string())?;
    f.stack.push(it);
    let idx = r.const_int(0);
    r.iters.push(VIter::Seq { seq, idx });
    r.pop()?;
    r.stack.push(Sym::Iter((r.iters.len() - 1) as u32));
    Ok(pc + 1)
}

/// `d.items()` followed by `GetIter` at the root of a trace, for a loop the trace calls
/// (`nested.rs`): a virtual dict items iterator. `f.pc` is at the `LoadMethod`; returns the
/// pc after the `GetIter`.
pub(super) fn dict_items_iter(vm: &mut Vm, r: &mut Rec, f: &mut Frame, code: &Code) -> Result<usize, Abort> {
    let pc = f.pc;
    let fused = matches!(code.instrs.get(pc + 1), Some(Instr::CallMethod(0))) && matches!(code.instrs.get(pc + 2), Some(Instr::GetIter)) && matches!(code.instrs.get(pc + 3), Some(Instr::ForIter(_)));
    let Sym::Obj(d, crate::runtime::ObjType::Dict) = r.top(0)? else {
        return Err("items() of something other than a dict".into());
    };
    if !fused || !r.calls.is_empty() {
        return Err("dict items other than those a loop the trace calls iterates".into());
    }
    if r.resume.is_none() {
        // Guards resume at the `LoadMethod` until the loop runs.
        r.resume = Some(r.snapshot());
    }
    let dict = f.stack.pop().ok_or("empty stack")?;
    let items = vm.call_method(&dict, "items", &[]).map_err(|_| "items() raises".to_string())?;
    let it = vm.get_iter(&items).map_err(|_| "iter() raises".to_string())?;
    f.stack.push(it);
    r.iters.push(VIter::DictItems { dict: d });
    r.pop()?;
    r.stack.push(Sym::Iter((r.iters.len() - 1) as u32));
    Ok(pc + 3)
}

/// `ForIter` in an inlined call, over a virtual range iterator: guards that the loop goes on
/// (or ends) as it does now. Returns whether it ended (then the iterator is popped and the
/// interpreter would jump to the loop's exit).
pub(super) fn for_range(r: &mut Rec, f: &mut Frame) -> Result<bool, Abort> {
    let Sym::Iter(k) = r.top(0)? else {
        return Err("loop in an inlined call over something other than a range".into());
    };
    let (cur, step, remaining) = f.stack.last().and_then(range_state).ok_or("range iterator state")?;
    let VIter::Range(it) = r.iters[k as usize] else {
        return Err("loop in an inlined call over something other than a range".into());
    };
    let test = if it.step > 0 { OpKind::IntLt } else { OpKind::IntGt };
    let more = r.emit(test, vec![it.cur, it.stop], 0);
    if remaining <= 0 {
        r.guard(OpKind::GuardFalse, more);
        r.pop()?;
        f.stack.pop();
        return Ok(true);
    }
    r.guard(OpKind::GuardTrue, more);
    // Checked: `stop` may lie near the end of the i64 range, and `cur + step` beyond it.
    let st = r.const_int(it.step);
    let next = r.emit_guard(OpKind::IntAddOvf, vec![it.cur, st]);
    r.iters[k as usize] = VIter::Range(RangeIter { cur: next, ..it });
    r.stack.push(Sym::Int(it.cur));
    if let Some(Obj { kind: ObjKind::Iter(cell) }) = f.stack.last().and_then(|v| v.as_obj()) {
        if let Iter::Range { cur, remaining, .. } = &mut *cell.borrow_mut() {
            *cur += step;
            *remaining -= 1;
        }
    }
    f.stack.push(Value::small_int(cur).ok_or("range value outside the inline int range")?);
    Ok(false)
}
