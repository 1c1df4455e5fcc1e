//! Function traces at run time: calls of a hot function run its compiled trace instead of
//! the interpreter.
//!
//! A function's traces form a tree: the root, recorded from the function's entry, and side
//! traces recorded from its hot exits, each running to the function's `return`. Every trace
//! of the tree is `fn(args, exitbuf, vm) -> u32`: `args` are the call's arguments (borrowed
//! `Value` bits), and the result is either `RETURNED` with the owned result in `exitbuf[1]`,
//! or an exit number, unique in the tree, with that exit's snapshot in the exit buffer. An
//! exit that has a side trace calls it directly (its link word, see
//! `codegen::Placement::links`), so a linked tree returns only through exits that have none.
//!
//! Such an exit is finished in the interpreter (`FnTrace::resume`): a frame is built from the
//! arguments and the snapshot (`ExitMap`), and run from the exit's pc, raising first when the
//! exit is the error path of a call the trace made. Calls come from the interpreter
//! (`run`, the `Vm::jit_fn_runner`) or from compiled code (`call_py` ops, through
//! `runtime::fn_exit` and `runtime::call_py`).
//!
//! A tree is created once per code object and never freed (`Code::jit_fn.trace` points to it
//! for the rest of the process), so compiled callers may keep its address.

use crate::codegen::{CompiledTrace, FN_EXITBUF, RETURNED};
use crate::ir::Ty;
use crate::recorder::{Dest, ExitMap, Home};
use rpy_interpreter::bytecode::Code;
use rpy_interpreter::object::{Obj, ObjKind};
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::frame::Frame;
use rpy_interpreter::vm::Vm;
use rpy_interpreter::PyResult;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Most traces in one function's tree (the root and its side traces).
pub const MAX_TREE: usize = 8;
/// Failed side-trace recordings from one exit before it stops trying.
const MAX_LINK_FAILURES: u32 = 2;
/// Exits taken from an exit that no side trace can continue before the function is left
/// to the interpreter.
const GIVE_UP_AFTER: u64 = 1000;

type TraceFn = unsafe extern "C" fn(*mut u64, *mut u64, *mut u8) -> u32;

/// One compiled trace of a tree.
pub(crate) struct TreeTrace {
    pub compiled: CompiledTrace,
    /// One word per exit of this trace: the side trace it calls (0: none).
    pub links: Box<[Cell<usize>]>,
    /// Objects the code refers to by identity, kept alive.
    pub _keep: Vec<Value>,
}

/// What one exit number of the tree means.
pub(crate) struct TreeExit {
    pub map: ExitMap,
    /// Types of the snapshot values (how they are boxed in the exit buffer).
    pub types: Vec<Ty>,
    /// The trace it belongs to and its number there (its link word).
    pub trace: usize,
    pub local: u32,
    pub taken: Cell<u64>,
    pub failures: Cell<u32>,
}

/// A function's trace tree.
pub struct FnTrace {
    pub(crate) code: Rc<Code>,
    pub(crate) traces: RefCell<Vec<TreeTrace>>,
    pub(crate) exits: RefCell<Vec<TreeExit>>,
    /// Exits taken before a side trace is recorded from one.
    pub(crate) bridge_after: u64,
    /// Some trace of the tree may replace values it still holds (`runtime::release`).
    pub(crate) releases: std::cell::Cell<bool>,
}

impl FnTrace {
    /// Exit `code` of the tree left `buf` (its snapshot) for the frame `f`, which holds the
    /// call's arguments: writes the snapshot into the frame, grows a side trace from the exit
    /// when it is hot, and finishes the call in the interpreter.
    pub(crate) fn resume(&self, vm: &mut Vm, f: &mut Frame, code: u32, buf: &[u64]) -> PyResult<Value> {
        let grow = {
            let exits = self.exits.borrow();
            let Some(e) = exits.get(code as usize) else {
                return Err(vm.new_error("SystemError", format!("compiled code left through unknown exit {code}")));
            };
            apply(f, e, buf);
            e.taken.set(e.taken.get() + 1);
            if e.failures.get() >= MAX_LINK_FAILURES && e.taken.get() >= GIVE_UP_AFTER && code != 0 {
                // A common path no side trace can cover: entering the tree only to leave it
                // costs more than interpreting the call. Calls go back to the interpreter
                // (the tree stays for the compiled calls still running).
                self.code.jit_fn.entry.set(0);
            }
            let linked = self.traces.borrow().get(e.trace).is_some_and(|t| t.links.get(e.local as usize).is_some_and(|l| l.get() != 0));
            e.taken.get() >= self.bridge_after && !linked && e.failures.get() < MAX_LINK_FAILURES && !e.map.raise && code != 0
        };
        if grow && self.traces.borrow().len() < MAX_TREE && vm.depth < vm.recursion_limit {
            if let Some(mut hooks) = vm.jit.take() {
                if let Some(jit) = hooks.as_any_mut().and_then(|a| a.downcast_mut::<crate::Jit>()) {
                    // The frame counts towards the recursion limit while it is recorded.
                    vm.depth += 1;
                    jit.grow_function(vm, self, f, code);
                    vm.depth -= 1;
                }
                vm.jit = Some(hooks);
            }
        }
        let pending = vm.jit_error.take();
        vm.resume_call_frame(f, pending)
    }
}

/// Writes exit `e`'s snapshot (in `buf`) into the function frame `f`, which holds the
/// call's arguments and nothing else, and moves it to the exit's pc.
fn apply(f: &mut Frame, e: &TreeExit, buf: &[u64]) {
    // Own every value first: writing a local may drop the last other reference to an object
    // that another snapshot value borrows.
    let mut vals = Vec::with_capacity(e.map.vals.len());
    for (k, (ev, ty)) in e.map.vals.iter().zip(&e.types).enumerate() {
        let bits = buf[1 + k];
        let v = match ty {
            Ty::Bool => Value::bool((bits != 0) != ev.neg),
            // SAFETY: an owned ref is the result of a call the trace made, handed over once;
            // a borrowed one comes from the arguments or a constant the trace keeps alive.
            Ty::Ref if ev.owned => unsafe { Value::from_raw_bits(bits) },
            Ty::Ref => unsafe { Value::clone_from_bits(bits) },
            Ty::I64 => rpy_interpreter::vm::new_int(bits as i64),
            _ => Value::from_inline_bits(bits).unwrap_or(Value::NONE),
        };
        vals.push((ev.dest, v));
    }
    f.stack.clear();
    for (dest, v) in vals {
        match dest {
            Dest::Push => f.stack.push(v),
            Dest::Home(Home::Fast(i)) => {
                if let Some(slot) = f.fast.get_mut(i as usize) {
                    *slot = v;
                }
            }
            // Loop traces only.
            Dest::Home(_) | Dest::FirstIteration | Dest::HomeAfterFirst(_) | Dest::Drop | Dest::Part => {}
        }
    }
    f.blocks.extend_from_slice(&e.map.blocks);
    f.pc = e.map.pc;
}

/// The tree of the code `f` runs, when it has one.
fn tree_of(code: &Code) -> Option<&'static FnTrace> {
    let p = code.jit_fn.trace.get() as *const FnTrace;
    // SAFETY: a tree, once set, is never freed (module doc).
    (!p.is_null()).then(|| unsafe { &*p })
}

/// `Vm::jit_fn_runner`: runs a plain positional call (the frame holds its arguments, at pc
/// 0) through the function's compiled trace.
pub fn run(vm: &mut Vm, f: &mut Frame) -> PyResult<Value> {
    let entry = f.code.jit_fn.entry.get();
    let Some(tree) = tree_of(&f.code).filter(|_| entry != 0 && vm.depth < vm.recursion_limit) else {
        return vm.resume_call_frame(f, None);
    };
    if !tree.releases.get() {
        return run_tree(vm, f, tree, entry);
    }
    let mark = crate::runtime::deferred_mark();
    let r = run_tree(vm, f, tree, entry);
    // The result and the frame own what they hold now: what the trace replaced may go.
    crate::runtime::release_deferred(mark);
    r
}

fn run_tree(vm: &mut Vm, f: &mut Frame, tree: &FnTrace, entry: usize) -> PyResult<Value> {
    let mut buf = [0u64; FN_EXITBUF];
    // SAFETY: `entry` is the root of `tree`, compiled with this signature; it reads the
    // arguments (the frame's first fast locals), writes at most `FN_EXITBUF` words of `buf`,
    // and calls back into the VM only through `vm`.
    let code = unsafe {
        let func = std::mem::transmute::<usize, TraceFn>(entry);
        vm.depth += 1;
        let code = func(f.fast.as_mut_ptr() as *mut u64, buf.as_mut_ptr(), vm as *mut Vm as *mut u8);
        vm.depth -= 1;
        code
    };
    if code == RETURNED {
        // SAFETY: `return` hands over an owned reference.
        return Ok(unsafe { Value::from_raw_bits(buf[1]) });
    }
    tree.resume(vm, f, code, &buf)
}

/// `runtime::fn_exit`: a compiled call of `func` left its tree through exit `code`; finishes
/// it in the interpreter. The result as owned bits, or NULL's bits with the exception in
/// `Vm::jit_error`.
///
/// # Safety
/// `vm` is the running VM, `func` a live Python function whose code has a tree, `args` its
/// `nargs` arguments (borrowed) and `buf` the exit buffer (`FN_EXITBUF` words).
pub(crate) unsafe fn finish_exit(vm: *mut u8, func: u64, args: *const u64, nargs: u64, buf: *const u64, code: u64) -> u64 {
    // SAFETY: forwarded to the caller.
    let (vm, func, args, buf) = unsafe {
        (&mut *(vm as *mut Vm), Value::borrow_bits(&func).clone(), std::slice::from_raw_parts(args, nargs as usize), std::slice::from_raw_parts(buf, FN_EXITBUF))
    };
    let Some(Obj { kind: ObjKind::Function(fun) }) = func.as_obj() else {
        vm.jit_error = Some(vm.new_error("SystemError", "compiled call of something other than a function".to_string()));
        return Value::NULL.bits();
    };
    let Some(tree) = tree_of(&fun.code) else {
        vm.jit_error = Some(vm.new_error("SystemError", "compiled call of a function without a trace".to_string()));
        return Value::NULL.bits();
    };
    let mut f = vm.pooled_frame(&fun.code, &fun.globals);
    for &a in args {
        // SAFETY: the caller's arguments are alive during the call.
        f.fast.push(unsafe { Value::clone_from_bits(a) });
    }
    for _ in args.len()..fun.code.varnames.len() {
        f.fast.push(Value::NULL);
    }
    let r = tree.resume(vm, &mut f, code as u32, buf);
    vm.recycle_frame(f);
    match r {
        Ok(v) => v.into_raw_bits(),
        Err(e) => {
            vm.jit_error = Some(e);
            Value::NULL.bits()
        }
    }
}

/// `runtime::call_py`: calls `func` with `nargs` arguments in the interpreter (its code has
/// no compiled trace, or the recursion limit is reached and it raises `RecursionError`).
///
/// # Safety
/// As for `finish_exit`.
pub(crate) unsafe fn call_interpreted(vm: *mut u8, func: u64, args: *const u64, nargs: u64) -> u64 {
    // SAFETY: forwarded to the caller.
    let (vm, func, args) = unsafe { (&mut *(vm as *mut Vm), Value::borrow_bits(&func).clone(), std::slice::from_raw_parts(args, nargs as usize)) };
    // SAFETY: as above.
    let args: Vec<Value> = args.iter().map(|&a| unsafe { Value::clone_from_bits(a) }).collect();
    match vm.call(&func, &args, &[]) {
        Ok(v) => v.into_raw_bits(),
        Err(e) => {
            vm.jit_error = Some(e);
            Value::NULL.bits()
        }
    }
}
