//! Cranelift code generation for traces.
//!
//! [`JitModule::compile`] turns a [`Trace`] into one native function
//! `extern "C" fn(slots: *mut u64, exitbuf: *mut u64) -> u32`, wrapped in a [`CompiledTrace`].
//!
//! # Calling contract
//!
//! * `slots` is the interpreter frame's values as raw `Value` bits. `load_slot(k)` reads
//!   `slots[k]`, `store_slot(k, r)` writes it. The code neither increments nor decrements
//!   reference counts: a `Ref` read from a slot is borrowed from the frame. List ops call the
//!   helpers in [`crate::runtime`] or access list storage directly; they never free anything.
//! * The function returns an *exit number*:
//!   - `n` (the `exit` of the guard that failed, or of the final `exit` op): `exitbuf[0] = n`
//!     and `exitbuf[1..1 + k]` hold the values of the op's snapshot (`Op::snap`), in order,
//!     described by [`CompiledTrace::exit_info`]: ints unboxed (64 bits: the exit code boxes
//!     them, as heap ints when they leave the inline range), floats boxed with NaN
//!     canonicalised, bools as 0 or 1, refs as they are (borrowed). What they mean (which
//!     local or stack entry, where to resume) is the recorder's business.
//!   - [`FINISHED`] (`u32::MAX`, `exitbuf[0] = u32::MAX`, nothing else written): a trace without
//!     `label`/`jump` ran off its end. A loop trace (ending in `jump`) only ever leaves through a
//!     guard.
//! * A guard op must carry `exit: Some(n)` with `n != u32::MAX`. Several guards may share `n`;
//!   each gets its own cold exit block.
//!
//! # Code shape
//!
//! Ops before the `label` go into the entry block; `label` starts the loop block whose block
//! parameters are the phis (entry values = the phi operands, which must be defined before the
//! label); `jump` branches back with the next values. Every guard is a `brif` to its own cold
//! block (no traps). The trace is checked (operand order, types, arities, label/phi/jump
//! structure) before any IR is built, so a malformed trace is an `Err`, never a panic or an
//! invalid Cranelift function.
//!
//! # Memory
//!
//! All traces compiled by one [`JitModule`] share its Cranelift `JITModule`; the machine code is
//! freed when the `JitModule` *and* every `CompiledTrace` it produced have been dropped (each
//! `CompiledTrace` keeps the code alive through a shared handle). Freeing individual traces needs
//! one `JitModule` per trace tree.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{types, AbiParam, Block, BlockArg, InstBuilder, MemFlagsData, StackSlotData, StackSlotKind, Type, Value};
use cranelift_codegen::settings::{self, Configurable};
use cranelift_codegen::Context;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_jit::{JITBuilder, JITModule};
use cranelift_module::{default_libcall_names, Module};

use crate::ir::{OpKind, OpRef, Trace, Ty};
use crate::runtime as rt;

mod calls;
mod dicts;
mod exits;
mod helpers;
mod objects;
mod values;
use values::{box_float, box_int, is_heap_bits, join_heap_int, sext_payload, split_inline_int};
use dicts::{cached_str_lookup, dict_entry_addr, dict_next_inline, inst_absent_inline, inst_getattr_inline, inst_setattr_inline, str_lookup_inline};
use calls::{chain_offset, LoopBuf};
pub use calls::{call_loop_imm, call_loop_parts, LOOP_EXITBUF, MAX_CALLED_EXITBUF};
use exits::{guard, write_exit, Io};

/// Exit number returned when a straight-line trace runs off its end.
pub const FINISHED: u32 = u32::MAX;
/// Returned by a function trace's `return`: `exitbuf[1]` holds the result (owned).
pub const RETURNED: u32 = u32::MAX - 1;
/// Words of the exit buffer a compiled caller gives a function trace it calls: function
/// traces with a longer snapshot are not compiled.
pub const FN_EXITBUF: usize = 48;
const TAG_SHIFT: i64 = 48;
const PAYLOAD_MASK: i64 = (1 << TAG_SHIFT) - 1;
const PTR_TAG: i64 = (0xFFF9u64 << TAG_SHIFT) as i64;
const INT_TAG: i64 = (0xFFFAu64 << TAG_SHIFT) as i64;

/// Cranelift optimisation level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptLevel {
    None,
    Speed,
    SpeedAndSize,
}

/// Code generator options.
#[derive(Clone, Copy, Debug)]
pub struct JitOptions {
    pub opt_level: OptLevel,
    /// Run Cranelift's IR verifier on every function (costs ~50% compile time).
    pub verifier: bool,
    /// Keep the CLIF text of each trace in [`CompiledTrace::clif`] (for logs and tests).
    pub keep_clif: bool,
    /// Address of the interrupt flag byte polled by `guard_no_interrupt` (0: the guard never
    /// fails).
    pub interrupt_flag: usize,
}

impl Default for JitOptions {
    fn default() -> Self {
        JitOptions { opt_level: OptLevel::Speed, verifier: cfg!(debug_assertions), keep_clif: false, interrupt_flag: 0 }
    }
}

/// Owns the Cranelift module; freed (with all its code) when the last user drops it.
struct CodeOwner {
    module: RefCell<Option<JITModule>>,
}

impl Drop for CodeOwner {
    fn drop(&mut self) {
        if let Some(m) = self.module.get_mut().take() {
            // SAFETY: `CodeOwner` is shared by the `JitModule` and every `CompiledTrace` made
            // from it, so no function pointer into this module survives this drop.
            unsafe { m.free_memory() };
        }
    }
}

/// The JIT: a Cranelift module for the host ISA plus reusable compilation contexts.
pub struct JitModule {
    owner: Rc<CodeOwner>,
    ctx: Context,
    fctx: FunctionBuilderContext,
    options: JitOptions,
    /// Holds `options.interrupt_flag`: compiled code reads the flag's address from here with
    /// a load Cranelift hoists out of loops, so the address stays in a register there.
    interrupt_cell: Box<usize>,
    compiled: usize,
}

/// What an exit writes: `exitbuf[1 + i]` holds the boxed value of `snapshot[i]`.
#[derive(Clone, Debug, PartialEq)]
pub struct ExitInfo {
    /// The exit number (`exitbuf[0]` and the return value).
    pub exit: u32,
    /// The guard op.
    pub guard: OpRef,
    /// The ops whose boxed values are stored (v1: all phis, for guards after the label).
    pub snapshot: Vec<(OpRef, Ty)>,
}

type TraceFn = unsafe extern "C" fn(*mut u64, *mut u64, *mut u8) -> u32;

/// A compiled trace. Keeps its machine code alive.
pub struct CompiledTrace {
    func: TraceFn,
    slots_len: usize,
    exitbuf_len: usize,
    /// Where the exit buffer of the loops a loop trace calls starts in its own (0: none).
    chain_off: usize,
    exits: Vec<ExitInfo>,
    /// Index in `exits` of the first guard with each exit number (`u32::MAX`: none).
    first_exit: Vec<u32>,
    code_size: usize,
    clif: Option<String>,
    /// The lookup caches the code reads and its helpers fill (freed with the code).
    _caches: Vec<Box<rt::DictCache>>,
    _owner: Rc<CodeOwner>,
}

impl std::fmt::Debug for CompiledTrace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CompiledTrace")
            .field("slots_len", &self.slots_len)
            .field("exitbuf_len", &self.exitbuf_len)
            .field("exits", &self.exits)
            .field("code_size", &self.code_size)
            .finish()
    }
}

impl CompiledTrace {
    /// Runs the trace on `slots` (raw `Value` bits of the frame) and returns the exit number
    /// (see the module docs); `exitbuf` receives the exit number and the exit's snapshot.
    ///
    /// Panics if `slots` is shorter than [`Self::slots_len`] or `exitbuf` shorter than
    /// [`Self::exitbuf_len`] (the code does no bounds checks).
    pub fn run(&self, slots: &mut [u64], exitbuf: &mut [u64]) -> u32 {
        assert!(slots.len() >= self.slots_len, "trace needs {} slots, got {}", self.slots_len, slots.len());
        assert!(
            exitbuf.len() >= self.exitbuf_len,
            "trace needs an exit buffer of {} words, got {}",
            self.exitbuf_len,
            exitbuf.len()
        );
        // SAFETY: the buffers are large enough for every slot index and snapshot the code
        // touches (checked above); a trace run this way has no `call_py` (it would need the
        // VM) and no other side effects.
        unsafe { (self.func)(slots.as_mut_ptr(), exitbuf.as_mut_ptr(), std::ptr::null_mut()) }
    }

    /// The raw entry point `fn(slots, exitbuf, vm) -> exit`, for callers that manage
    /// buffers themselves.
    ///
    /// # Safety
    /// `slots` must point to `slots_len()` readable words, `exitbuf` to `exitbuf_len()`
    /// writable ones, and `vm` to the running `Vm` when the trace has `call_py` ops.
    pub unsafe fn entry(&self) -> unsafe extern "C" fn(*mut u64, *mut u64, *mut u8) -> u32 {
        self.func
    }

    /// Minimum `slots` length: 1 + the highest slot index loaded or stored.
    pub fn slots_len(&self) -> usize {
        self.slots_len
    }

    /// Minimum `exitbuf` length: 1 + the longest snapshot.
    pub fn exitbuf_len(&self) -> usize {
        self.exitbuf_len
    }

    /// The word of the exit buffer where the exit buffer of a loop the trace calls
    /// (`call_loop`) starts, in a loop trace that calls one (else 0): an exit chained to
    /// the called loop's exit reads that exit there.
    pub fn chain_offset(&self) -> usize {
        self.chain_off
    }

    /// One entry per guard, in trace order.
    pub fn exits(&self) -> &[ExitInfo] {
        &self.exits
    }

    /// The first guard with exit number `n`.
    pub fn exit_info(&self, n: u32) -> Option<&ExitInfo> {
        let i = *self.first_exit.get(n as usize)?;
        self.exits.get(i as usize)
    }

    /// Machine code size in bytes.
    pub fn code_size(&self) -> usize {
        self.code_size
    }

    /// The CLIF text, when [`JitOptions::keep_clif`] was set.
    pub fn clif(&self) -> Option<&str> {
        self.clif.as_deref()
    }
}

/// Result of checking a trace: structure needed to build it.
struct Shape {
    /// Phi ops in order.
    phis: Vec<usize>,
    slots_len: usize,
}

fn cl_type(ty: Ty) -> Option<Type> {
    match ty {
        Ty::I64 | Ty::Ref => Some(types::I64),
        Ty::F64 => Some(types::F64),
        Ty::Bool => Some(types::I8),
        Ty::Void => None,
    }
}

fn phi_ty(kind: OpKind) -> Option<Ty> {
    match kind {
        OpKind::PhiInt => Some(Ty::I64),
        OpKind::PhiFloat => Some(Ty::F64),
        OpKind::PhiRef => Some(Ty::Ref),
        _ => None,
    }
}

/// Validates `trace` so that building its IR cannot fail.
fn check(trace: &Trace) -> Result<Shape, String> {
    let n = trace.ops.len();
    if n > u32::MAX as usize {
        return Err("trace too long".into());
    }
    let mut label = None;
    let mut phis = Vec::new();
    let mut slots_len = 0usize;
    let mut jumped = false;
    for (i, op) in trace.ops.iter().enumerate() {
        let name = op.kind.name();
        if jumped {
            // After the loop's jump: side regions (`link.rs`), each from `side` to a `jump`.
            let guard = trace.ops.get(op.imm as usize);
            if op.kind != OpKind::Side || !guard.is_some_and(|g| g.is_guard()) || op.imm as usize >= i {
                return Err(format!("op {i} ({name}) after jump"));
            }
            jumped = false;
            continue;
        }
        for (k, a) in op.args.iter().enumerate() {
            let ai = a.0 as usize;
            if ai >= i {
                return Err(format!("op {i} ({name}): operand {k} refers to op {ai}, not defined before it"));
            }
            if trace.ops[ai].kind.result() == Ty::Void {
                return Err(format!("op {i} ({name}): operand {k} refers to op {ai} which has no value"));
            }
        }
        for (k, a) in op.snap.iter().enumerate() {
            let ai = a.0 as usize;
            if ai >= i || trace.ops[ai].kind.result() == Ty::Void {
                return Err(format!("op {i} ({name}): snapshot value {k} (op {ai}) is not a value defined before it"));
            }
        }
        if !op.snap.is_empty() && !op.is_guard() {
            return Err(format!("op {i} ({name}): snapshot on a non-guard"));
        }
        if matches!(op.kind, OpKind::Exit | OpKind::Return) {
            if i + 1 != n {
                return Err(format!("op {i}: {name} is not the last op"));
            }
            jumped = true;
        }
        if op.is_guard() {
            match op.exit {
                None => return Err(format!("op {i} ({name}): guard without exit")),
                Some(e) if e >= RETURNED => return Err(format!("op {i} ({name}): exit number {e} is reserved")),
                Some(_) => {}
            }
        }
        match op.kind {
            OpKind::Side => return Err(format!("op {i}: side region before the loop's jump")),
            OpKind::Label => {
                if label.is_some() {
                    return Err(format!("op {i}: second label"));
                }
                if !op.args.is_empty() {
                    return Err(format!("op {i}: label takes no operands"));
                }
                label = Some(i);
            }
            OpKind::PhiInt | OpKind::PhiFloat | OpKind::PhiRef => {
                let Some(l) = label else {
                    return Err(format!("op {i} ({name}) before label"));
                };
                if op.args.len() != 1 {
                    return Err(format!("op {i} ({name}): expected 1 operand, got {}", op.args.len()));
                }
                let a = op.args[0];
                if a.0 as usize >= l {
                    return Err(format!("op {i} ({name}): entry value op {} is not defined before the label", a.0));
                }
                let want = phi_ty(op.kind).ok_or("phi kind")?;
                let got = trace.ty(a);
                if got != want {
                    return Err(format!("op {i} ({name}): entry value has type {got:?}, expected {want:?}"));
                }
                phis.push(i);
            }
            OpKind::Jump => {
                if label.is_none() {
                    return Err(format!("op {i}: jump without label"));
                }
                jumped = true;
            }
            OpKind::CallLoop => {
                if op.args.iter().any(|a| trace.ty(*a) != Ty::Ref) || op.args.len() > 256 {
                    return Err(format!("op {i} ({name}): operands must be at most 256 refs"));
                }
            }
            OpKind::CallPy | OpKind::StrFormat => {
                if op.args.is_empty() || op.args.iter().any(|a| trace.ty(*a) != Ty::Ref) {
                    return Err(format!("op {i} ({name}): operands must be a function and its arguments, all refs"));
                }
                if op.args.len() > 64 {
                    return Err(format!("op {i} ({name}): too many arguments"));
                }
            }
            kind => {
                let want = crate::ir::text::operand_types(kind).ok_or_else(|| format!("op {i} ({name}): no operand table"))?;
                if op.args.len() != want.len() {
                    return Err(format!("op {i} ({name}): expected {} operands, got {}", want.len(), op.args.len()));
                }
                for (k, (a, w)) in op.args.iter().zip(want).enumerate() {
                    let got = trace.ty(*a);
                    if got != *w {
                        return Err(format!("op {i} ({name}): operand {k} has type {got:?}, expected {w:?}"));
                    }
                }
                if matches!(kind, OpKind::LoadExitSlot | OpKind::LoadExitInt) && op.imm as usize + 1 >= FN_EXITBUF {
                    return Err(format!("op {i} ({name}): exit slot {} too large", op.imm));
                }
                if matches!(kind, OpKind::LoadLoopExitInt | OpKind::LoadLoopExitRef) {
                    let call = &trace.ops[op.args[0].0 as usize];
                    if call.kind != OpKind::CallLoop {
                        return Err(format!("op {i} ({name}): operand is not a call_loop"));
                    }
                    if op.imm as usize + 1 >= call_loop_parts(call.imm).1 {
                        return Err(format!("op {i} ({name}): exit slot {} too large", op.imm));
                    }
                }
                if matches!(kind, OpKind::LoadSlot | OpKind::StoreSlot) {
                    // Offsets are byte offsets in an i32.
                    if op.imm >= (i32::MAX as u64) / 8 {
                        return Err(format!("op {i} ({name}): slot index {} too large", op.imm));
                    }
                    slots_len = slots_len.max(op.imm as usize + 1);
                }
            }
        }
    }
    // Jump operands, now that all phis are known.
    if let Some(last) = trace.ops.last().filter(|op| op.kind == OpKind::Jump) {
        let i = n - 1;
        if last.args.len() != phis.len() {
            return Err(format!("op {i} (jump): {} operands for {} phis", last.args.len(), phis.len()));
        }
        for (k, (a, &p)) in last.args.iter().zip(&phis).enumerate() {
            let want = phi_ty(trace.ops[p].kind).ok_or("phi kind")?;
            let got = trace.ty(*a);
            if got != want {
                return Err(format!("op {i} (jump): operand {k} has type {got:?}, phi op {p} has {want:?}"));
            }
        }
    }
    Ok(Shape { phis, slots_len })
}

impl JitModule {
    /// A JIT for the host with default options.
    pub fn new() -> Result<JitModule, String> {
        JitModule::with_options(JitOptions::default())
    }

    pub fn with_options(options: JitOptions) -> Result<JitModule, String> {
        let mut flags = settings::builder();
        let opt = match options.opt_level {
            OptLevel::None => "none",
            OptLevel::Speed => "speed",
            OptLevel::SpeedAndSize => "speed_and_size",
        };
        let set = |f: &mut settings::Builder, k: &str, v: &str| f.set(k, v).map_err(|e| format!("cranelift setting {k}={v}: {e}"));
        set(&mut flags, "opt_level", opt)?;
        set(&mut flags, "enable_verifier", if options.verifier { "true" } else { "false" })?;
        set(&mut flags, "is_pic", "false")?;
        let isa_builder = cranelift_native::builder().map_err(|e| format!("host ISA: {e}"))?;
        let isa = isa_builder.finish(settings::Flags::new(flags)).map_err(|e| format!("host ISA: {e}"))?;
        let module = JITModule::new(JITBuilder::with_isa(isa, default_libcall_names()));
        let ctx = module.make_context();
        Ok(JitModule {
            owner: Rc::new(CodeOwner { module: RefCell::new(Some(module)) }),
            ctx,
            fctx: FunctionBuilderContext::new(),
            interrupt_cell: Box::new(options.interrupt_flag),
            options,
            compiled: 0,
        })
    }

    pub fn options(&self) -> JitOptions {
        self.options
    }

    /// Number of traces compiled successfully.
    pub fn compiled_count(&self) -> usize {
        self.compiled
    }

    /// Compiles `trace`. Malformed traces and Cranelift failures are `Err`.
    pub fn compile(&mut self, trace: &Trace) -> Result<CompiledTrace, String> {
        self.compile_placed(trace, Placement::default())
    }

    /// `compile` for a trace that is part of a function's trace tree (see [`Placement`]).
    pub fn compile_placed(&mut self, trace: &Trace, place: Placement) -> Result<CompiledTrace, String> {
        let shape = check(trace)?;
        if place.function {
            let longest = trace.ops.iter().map(|op| op.snap.len()).max().unwrap_or(0);
            if longest + 1 > FN_EXITBUF {
                return Err(format!("a snapshot of {longest} values is too long for a function trace"));
            }
        }
        let owner = self.owner.clone();
        let mut guard = owner.module.try_borrow_mut().map_err(|_| "JIT module busy".to_string())?;
        let module = guard.as_mut().ok_or("JIT module already freed")?;
        self.ctx.clear();
        let ptr = module.target_config().pointer_type();
        if ptr != types::I64 {
            return Err(format!("unsupported pointer type {ptr}"));
        }
        let mut sig = module.make_signature();
        sig.params.push(AbiParam::new(types::I64));
        sig.params.push(AbiParam::new(types::I64));
        sig.params.push(AbiParam::new(types::I64));
        sig.returns.push(AbiParam::new(types::I32));
        self.ctx.func.signature = sig.clone();

        let mut caches = Vec::new();
        let cell = if self.options.interrupt_flag != 0 { &*self.interrupt_cell as *const usize as usize } else { 0 };
        let built = build(&mut self.ctx, &mut self.fctx, trace, &shape, module.target_config(), cell, place, &mut caches);
        let exits = match built {
            Ok(exits) => exits,
            Err(e) => {
                // A builder dropped half-way leaves its context dirty.
                self.fctx = FunctionBuilderContext::new();
                module.clear_context(&mut self.ctx);
                return Err(e);
            }
        };
        let mut clif = self.options.keep_clif.then(|| self.ctx.func.display().to_string());
        self.ctx.set_disasm(self.options.keep_clif);
        let result = (|| -> Result<_, String> {
            let id = module.declare_anonymous_function(&sig).map_err(|e| format!("declare: {e}"))?;
            module.define_function(id, &mut self.ctx).map_err(|e| format!("cranelift: {e:?}"))?;
            let compiled = self.ctx.compiled_code();
            let code_size = compiled.map_or(0, |c| c.code_buffer().len());
            // With the CLIF, the CLIF after Cranelift's optimisations and the machine code it
            // became (Cranelift's listing).
            let listing = compiled.and_then(|c| c.vcode.clone()).map(|l| format!("{}\nmachine code:\n{l}", self.ctx.func.display()));
            module.finalize_definitions().map_err(|e| format!("finalize: {e}"))?;
            Ok((id, code_size, listing))
        })();
        // A fresh context for the next compile: a reused one keeps the capacity of every
        // buffer the largest compile so far needed (about 60 bytes per byte of machine code).
        self.ctx = module.make_context();
        self.fctx = FunctionBuilderContext::new();
        let (id, code_size, listing) = result?;
        if let (Some(c), Some(l)) = (clif.as_mut(), listing) {
            c.push_str("\noptimised CLIF:\n");
            c.push_str(&l);
        }
        let code = module.get_finalized_function(id);
        if code.is_null() {
            return Err("no code for compiled trace".into());
        }
        // SAFETY: the function was defined with the matching signature
        // (i64, i64, i64) -> i32 in the host's default (C) calling convention.
        let func = unsafe { std::mem::transmute::<*const u8, TraceFn>(code) };
        drop(guard);
        self.compiled += 1;
        // The largest exit buffer a loop this loop trace calls needs, at its tail.
        let called = trace.ops.iter().filter(|op| op.kind == OpKind::CallLoop && !place.function).map(|op| call_loop_parts(op.imm).1).max();
        let chain_off = if called.is_some() { chain_offset(trace) } else { 0 };
        let exitbuf_len = (1 + exits.iter().map(|e| e.snapshot.len()).max().unwrap_or(0)).max(chain_off + called.unwrap_or(0));
        let mut first_exit = vec![u32::MAX; exits.iter().map(|e| e.exit as usize + 1).max().unwrap_or(0)];
        for (i, e) in exits.iter().enumerate().rev() {
            first_exit[e.exit as usize] = i as u32;
        }
        Ok(CompiledTrace { func, slots_len: shape.slots_len, exitbuf_len, chain_off, exits, first_exit, code_size, clif, _caches: caches, _owner: owner })
    }
}

/// Where a trace sits: alone (a loop trace or its bridge), or in a function's trace tree,
/// whose exits share one numbering and may be linked to the side traces that continue them.
#[derive(Clone, Copy, Debug, Default)]
pub struct Placement {
    /// A function trace: its snapshots must fit [`FN_EXITBUF`].
    pub function: bool,
    /// Added to every exit number the code returns (`ExitInfo::exit` stays unshifted).
    pub exit_offset: u32,
    /// When non-zero, the address of one word per exit number (unshifted): an exit whose
    /// word is non-zero, after writing its snapshot, calls the trace at that address with
    /// the same `(slots, exitbuf, vm)` and returns what it returns.
    pub links: usize,
}

/// Builds the Cranelift function for a checked trace; returns the exits in guard order.
fn build(
    ctx: &mut Context,
    fctx: &mut FunctionBuilderContext,
    trace: &Trace,
    shape: &Shape,
    target: cranelift_codegen::isa::TargetFrontendConfig,
    interrupt_cell: usize,
    place: Placement,
    caches: &mut Vec<Box<rt::DictCache>>,
) -> Result<Vec<ExitInfo>, String> {
    let mut b = FunctionBuilder::new(&mut ctx.func, fctx);
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    b.switch_to_block(entry);
    let (slots, exitbuf, vm) = match b.block_params(entry) {
        &[s, e, v] => (s, e, v),
        _ => return Err("entry block params".into()),
    };
    let stored_slots = trace.ops.iter().filter(|op| op.kind == OpKind::StoreSlot).map(|op| op.imm).collect();
    // The parameters, saved for the exits: reloaded there, they need no register in a loop.
    let saved = b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, 24, 3));
    for (k, &p) in [slots, exitbuf, vm].iter().enumerate() {
        b.ins().stack_store(types::I64, p, saved, 8 * k as i32);
    }
    let sides = trace.ops.iter().filter(|op| op.kind == OpKind::Side).map(|op| (op.imm as usize, None)).collect();
    let io = Io { vm, saved, place, target, stored_slots, sides: std::cell::RefCell::new(sides) };
    let mem = MemFlagsData::trusted();
    let mut vals: Vec<Option<Value>> = vec![None; trace.ops.len()];
    let float_loads = float_only_loads(trace);
    // The displacement each `load_elem` folded into its address (`elem_addr`).
    let mut elem_disp = vec![0i32; trace.ops.len()];
    let mut exits = Vec::new();
    let mut loop_block: Option<Block> = None;
    // The unboxed value of each ref a `guard_int` checked.
    let mut unboxed_ints: HashMap<OpRef, Value> = HashMap::new();
    // The exit buffer of each `call_loop`: in a loop trace the tail of its own exit buffer,
    // from word `chain_off` on (so an exit chained to the loop's exit finds it there: see
    // `deopt.rs`), in a function trace a stack slot.
    let mut loop_bufs: HashMap<OpRef, LoopBuf> = HashMap::new();
    let chain_off = chain_offset(trace);

    let get = |vals: &[Option<Value>], r: OpRef| -> Result<Value, String> {
        vals.get(r.0 as usize).copied().flatten().ok_or_else(|| format!("op {} has no value", r.0))
    };

    for (i, op) in trace.ops.iter().enumerate() {
        let arg = |k: usize| -> Result<Value, String> {
            let r = *op.args.get(k).ok_or_else(|| format!("op {i}: missing operand {k}"))?;
            get(&vals, r)
        };
        // Guard helper: `ok` true continues; otherwise exit.
        let v: Option<Value> = match op.kind {
            OpKind::Label => {
                let lb = b.create_block();
                let mut entry_args = Vec::with_capacity(shape.phis.len());
                for &p in &shape.phis {
                    let pop = &trace.ops[p];
                    let ty = phi_ty(pop.kind).and_then(cl_type).ok_or("phi type")?;
                    let param = b.append_block_param(lb, ty);
                    entry_args.push(BlockArg::Value(get(&vals, pop.args[0])?));
                    vals[p] = Some(param);
                }
                b.ins().jump(lb, &entry_args);
                b.switch_to_block(lb);
                loop_block = Some(lb);
                None
            }
            OpKind::PhiInt | OpKind::PhiFloat | OpKind::PhiRef => {
                // Defined as a block parameter at the label.
                vals[i]
            }
            OpKind::Jump => {
                let lb = loop_block.ok_or("jump without label")?;
                let args = op.args.iter().map(|&r| get(&vals, r).map(BlockArg::Value)).collect::<Result<Vec<_>, _>>()?;
                b.ins().jump(lb, &args);
                None
            }
            OpKind::ConstInt => Some(b.ins().iconst(types::I64, op.imm as i64)),
            // Through an integer constant: Cranelift rematerialises an `f64const` at every use
            // (in a loop, a move through a general register each iteration), while the bitcast
            // is hoisted out of the loop and keeps the float in a register.
            OpKind::ConstFloat => {
                let bits = b.ins().iconst(types::I64, op.imm as i64);
                Some(b.ins().bitcast(types::F64, MemFlagsData::new(), bits))
            }
            OpKind::LoadSlot => Some(b.ins().load(types::I64, mem, slots, (op.imm * 8) as i32)),
            OpKind::StoreSlot => {
                let x = arg(0)?;
                b.ins().store(mem, x, slots, (op.imm * 8) as i32);
                None
            }
            OpKind::GuardInt => {
                // Inline ints pass on the fast path; a heap int passes when it fits 64 bits
                // (cold: a helper call). Both paths also unbox it, for the `unbox_int`s of it.
                let x = arg(0)?;
                let (cont, value) = split_inline_int(&mut b, x);
                let ok = call_helper(&mut b, &target, rt::is_heap_i64 as *const () as usize, &[x], types::I8);
                guard(&mut b, ok, true, op, i, &vals, trace, &io, &mut exits)?;
                join_heap_int(&mut b, &target, x, cont);
                unboxed_ints.insert(op.args[0], value);
                None
            }
            OpKind::GuardSmallInt => {
                let x = arg(0)?;
                let ext = sext_payload(&mut b, x);
                let out = b.ins().icmp(IntCC::NotEqual, ext, x);
                guard(&mut b, out, false, op, i, &vals, trace, &io, &mut exits)?;
                None
            }
            OpKind::GuardFloat => {
                let x = arg(0)?;
                let ok = b.ins().icmp_imm_s(IntCC::UnsignedLessThan, x, PTR_TAG);
                guard(&mut b, ok, true, op, i, &vals, trace, &io, &mut exits)?;
                None
            }
            OpKind::GuardIntRange => {
                // `-2**k <= x <= 2**k` as one unsigned compare of `x + 2**k`.
                let bound = 1i64 << op.imm.min(61);
                let shifted = b.ins().iadd_imm_s(arg(0)?, bound);
                let ok = b.ins().icmp_imm_u(IntCC::UnsignedLessThanOrEqual, shifted, 2 * bound);
                guard(&mut b, ok, true, op, i, &vals, trace, &io, &mut exits)?;
                None
            }
            OpKind::GuardNoInterrupt => {
                if interrupt_cell != 0 {
                    let cell = b.ins().iconst(types::I64, interrupt_cell as i64);
                    let addr = b.ins().load(types::I64, MemFlagsData::trusted().with_readonly().with_can_move(), cell, 0);
                    let flag = b.ins().load(types::I8, MemFlagsData::new(), addr, 0);
                    let ok = b.ins().icmp_imm_s(IntCC::Equal, flag, 0);
                    guard(&mut b, ok, true, op, i, &vals, trace, &io, &mut exits)?;
                }
                None
            }
            OpKind::GuardTrue | OpKind::GuardFalse => {
                let c = arg(0)?;
                let want = op.kind == OpKind::GuardTrue;
                guard(&mut b, c, want, op, i, &vals, trace, &io, &mut exits)?;
                None
            }
            OpKind::UnboxInt => match unboxed_ints.get(&op.args[0]) {
                Some(&v) => Some(v),
                None => {
                    // No `guard_int` of it came first in this trace (it was guarded where
                    // the value was made, or is loop-invariant): both paths again.
                    let x = arg(0)?;
                    let (cont, value) = split_inline_int(&mut b, x);
                    join_heap_int(&mut b, &target, x, cont);
                    Some(value)
                }
            },
            OpKind::UnboxSmallInt => Some(sext_payload(&mut b, arg(0)?)),
            OpKind::UnboxFloat => {
                let x = arg(0)?;
                Some(match float_loads[op.args[0].0 as usize] {
                    true => b.ins().load(types::F64, MemFlagsData::new(), x, elem_disp[op.args[0].0 as usize]),
                    false => b.ins().bitcast(types::F64, MemFlagsData::new(), x),
                })
            }
            OpKind::BoxInt => Some(box_int(&mut b, arg(0)?)),
            OpKind::BoxFloat => Some(box_float(&mut b, arg(0)?)),
            OpKind::IntAddOvf | OpKind::IntSubOvf | OpKind::IntMulOvf => {
                let (x, y) = (arg(0)?, arg(1)?);
                let (r, of) = match op.kind {
                    OpKind::IntAddOvf => b.ins().sadd_overflow(x, y),
                    OpKind::IntSubOvf => b.ins().ssub_overflow(x, y),
                    _ => b.ins().smul_overflow(x, y),
                };
                guard(&mut b, of, false, op, i, &vals, trace, &io, &mut exits)?;
                Some(r)
            }
            OpKind::IntAdd => {
                let (x, y) = (arg(0)?, arg(1)?);
                Some(b.ins().iadd(x, y))
            }
            OpKind::IntAnd => Some(b.ins().band(arg(0)?, arg(1)?)),
            OpKind::IntOr => Some(b.ins().bor(arg(0)?, arg(1)?)),
            OpKind::IntXor => Some(b.ins().bxor(arg(0)?, arg(1)?)),
            OpKind::IntRshift => {
                // Cranelift takes shift counts modulo 64: counts past 63 shift by 63 (0 or -1).
                let y = arg(1)?;
                let big = b.ins().icmp_imm_u(IntCC::UnsignedGreaterThan, y, 63);
                let max = b.ins().iconst(types::I64, 63);
                let n = b.ins().select(big, max, y);
                Some(b.ins().sshr(arg(0)?, n))
            }
            OpKind::IntLshiftOvf => {
                // Exits when the count is past 63 or shifting back loses bits.
                let (x, y) = (arg(0)?, arg(1)?);
                let r = b.ins().ishl(x, y);
                let back = b.ins().sshr(r, y);
                let lost = b.ins().icmp(IntCC::NotEqual, back, x);
                let big = b.ins().icmp_imm_u(IntCC::UnsignedGreaterThan, y, 63);
                let out = b.ins().bor(lost, big);
                guard(&mut b, out, false, op, i, &vals, trace, &io, &mut exits)?;
                Some(r)
            }
            OpKind::CharStr => {
                // An entry of the thread's table of shared one-character strs (the mask keeps
                // the read inside it whatever the operand).
                let c = b.ins().band_imm_s(arg(0)?, 255);
                let off = b.ins().ishl_imm_u(c, 3);
                let table = b.ins().iconst(types::I64, rpy_interpreter::vm::latin1_table() as i64);
                let addr = b.ins().iadd(table, off);
                Some(b.ins().load(types::I64, MemFlagsData::trusted().with_readonly(), addr, 0))
            }
            OpKind::DictHasStr if rt::dict_layout().is_some() && rt::obj_layout().is_some() => {
                let (l, o) = (rt::dict_layout().ok_or("dict layout")?, rt::obj_layout().ok_or("object layout")?);
                Some(str_lookup_inline(&mut b, &target, &l, o.str_hash, arg(0)?, arg(1)?, true))
            }
            OpKind::StrEq | OpKind::StrCmp | OpKind::StrContains | OpKind::StrByte | OpKind::StrLen | OpKind::StrCode | OpKind::StrToInt | OpKind::SetHas | OpKind::DictHasStr | OpKind::DictHasInt | OpKind::DictGetInt | OpKind::BigCmp | OpKind::BigCmpInt | OpKind::BigModInt => {
                let (addr, ty) = helpers::helper(op.kind).ok_or("op without a helper")?;
                let args = (0..op.args.len()).map(arg).collect::<Result<Vec<_>, _>>()?;
                Some(call_helper(&mut b, &target, addr, &args, ty))
            }
            OpKind::DecRef => {
                objects::dec_ref(&mut b, &target, arg(0)?);
                None
            }
            OpKind::InstInit => {
                let idx = b.ins().iconst(types::I64, op.imm as i64);
                call_helper(&mut b, &target, rt::inst_init as *const () as usize, &[arg(0)?, arg(1)?, idx], types::I8);
                None
            }
            OpKind::NewInst => Some(call_helper(&mut b, &target, rt::new_inst as *const () as usize, &[arg(0)?, arg(1)?], types::I64)),
            OpKind::StrSplit | OpKind::StrConcat | OpKind::StrRepeat | OpKind::BigArith | OpKind::BigArithInt => {
                let (addr, ty) = helpers::helper(op.kind).ok_or("op without a helper")?;
                let mut args = (0..op.args.len()).map(arg).collect::<Result<Vec<_>, _>>()?;
                if matches!(op.kind, OpKind::BigArith | OpKind::BigArithInt) {
                    args.push(b.ins().iconst(types::I64, op.imm as i64));
                }
                let res = call_helper(&mut b, &target, addr, &args, ty);
                // NULL: nothing made (a big int result that fits 64 bits, a split that
                // raises), and the interpreter computes it.
                let made = b.ins().icmp_imm_u(IntCC::NotEqual, res, rpy_interpreter::value::Value::NULL.bits() as i64);
                guard(&mut b, made, true, op, i, &vals, trace, &io, &mut exits)?;
                Some(res)
            }
            OpKind::SlotGet | OpKind::SlotSet => {
                let (addr, ty) = helpers::helper(op.kind).ok_or("op without a helper")?;
                let mut args = (0..op.args.len()).map(arg).collect::<Result<Vec<_>, _>>()?;
                args.push(b.ins().iconst(types::I64, op.imm as i64));
                let res = call_helper(&mut b, &target, addr, &args, ty);
                if op.kind == OpKind::SlotSet {
                    guard(&mut b, res, true, op, i, &vals, trace, &io, &mut exits)?;
                    None
                } else {
                    Some(res)
                }
            }
            OpKind::DictSetStr | OpKind::DictSetInt | OpKind::SetAdd => {
                let (addr, ty) = helpers::helper(op.kind).ok_or("op without a helper")?;
                let args = (0..op.args.len()).map(arg).collect::<Result<Vec<_>, _>>()?;
                let ok = call_helper(&mut b, &target, addr, &args, ty);
                guard(&mut b, ok, true, op, i, &vals, trace, &io, &mut exits)?;
                None
            }
            OpKind::IntFloorDivOvf | OpKind::IntMod => {
                let (x, y) = (arg(0)?, arg(1)?);
                // The recorder guards y != 0 first; a zero here still must not trap, nor may
                // `i64::MIN / -1` (its quotient overflows: the floor division exits; the
                // remainder is 0, as `x % 1` gives).
                let zero = b.ins().icmp_imm_s(IntCC::Equal, y, 0);
                let min = b.ins().icmp_imm_s(IntCC::Equal, x, i64::MIN);
                let minus_one = b.ins().icmp_imm_s(IntCC::Equal, y, -1);
                let overflow = b.ins().band(min, minus_one);
                let trap = b.ins().bor(zero, overflow);
                let one = b.ins().iconst(types::I64, 1);
                let d = b.ins().select(trap, one, y);
                let q = b.ins().sdiv(x, d);
                let r = b.ins().srem(x, d);
                // Floor semantics: when the remainder is non-zero and its sign differs from
                // the divisor's, step the quotient down and the remainder by the divisor.
                let rnz = b.ins().icmp_imm_s(IntCC::NotEqual, r, 0);
                let sx = b.ins().bxor(r, d);
                let neg = b.ins().icmp_imm_s(IntCC::SignedLessThan, sx, 0);
                let adj = b.ins().band(rnz, neg);
                if op.kind == OpKind::IntMod {
                    let r2 = b.ins().iadd(r, d);
                    Some(b.ins().select(adj, r2, r))
                } else {
                    let q2 = b.ins().iadd_imm_s(q, -1);
                    let q = b.ins().select(adj, q2, q);
                    guard(&mut b, overflow, false, op, i, &vals, trace, &io, &mut exits)?;
                    Some(q)
                }
            }
            OpKind::IntSub => {
                let (x, y) = (arg(0)?, arg(1)?);
                Some(b.ins().isub(x, y))
            }
            OpKind::IntMul => {
                let (x, y) = (arg(0)?, arg(1)?);
                Some(b.ins().imul(x, y))
            }
            OpKind::IntLt | OpKind::IntLe | OpKind::IntEq | OpKind::IntNe | OpKind::IntGt | OpKind::IntGe => {
                let cc = match op.kind {
                    OpKind::IntLt => IntCC::SignedLessThan,
                    OpKind::IntLe => IntCC::SignedLessThanOrEqual,
                    OpKind::IntEq => IntCC::Equal,
                    OpKind::IntNe => IntCC::NotEqual,
                    OpKind::IntGt => IntCC::SignedGreaterThan,
                    _ => IntCC::SignedGreaterThanOrEqual,
                };
                let (x, y) = (arg(0)?, arg(1)?);
                Some(b.ins().icmp(cc, x, y))
            }
            OpKind::FloatAdd | OpKind::FloatSub | OpKind::FloatMul | OpKind::FloatDiv => {
                let (x, y) = (arg(0)?, arg(1)?);
                Some(match op.kind {
                    OpKind::FloatAdd => b.ins().fadd(x, y),
                    OpKind::FloatSub => b.ins().fsub(x, y),
                    OpKind::FloatMul => b.ins().fmul(x, y),
                    _ => b.ins().fdiv(x, y),
                })
            }
            OpKind::FloatLt | OpKind::FloatLe | OpKind::FloatEq | OpKind::FloatGt | OpKind::FloatGe => {
                // Ordered comparisons: false when either side is NaN, as in Python.
                let cc = match op.kind {
                    OpKind::FloatLt => FloatCC::LessThan,
                    OpKind::FloatLe => FloatCC::LessThanOrEqual,
                    OpKind::FloatEq => FloatCC::Equal,
                    OpKind::FloatGt => FloatCC::GreaterThan,
                    _ => FloatCC::GreaterThanOrEqual,
                };
                let (x, y) = (arg(0)?, arg(1)?);
                Some(b.ins().fcmp(cc, x, y))
            }
            OpKind::BoolToInt => Some(b.ins().uextend(types::I64, arg(0)?)),
            OpKind::IntToFloat => {
                let x = arg(0)?;
                Some(b.ins().fcvt_from_sint(types::F64, x))
            }
            OpKind::GuardBits => {
                let x = arg(0)?;
                let ok = b.ins().icmp_imm_s(IntCC::Equal, x, op.imm as i64);
                guard(&mut b, ok, true, op, i, &vals, trace, &io, &mut exits)?;
                None
            }
            OpKind::ConstRef => Some(b.ins().iconst(types::I64, op.imm as i64)),
            OpKind::FloatSqrt => Some(b.ins().sqrt(arg(0)?)),
            OpKind::FloatAbs => Some(b.ins().fabs(arg(0)?)),
            OpKind::FloatNeg => Some(b.ins().fneg(arg(0)?)),
            OpKind::CallFloat1 => {
                let f = b.ins().iconst(types::I64, op.imm as i64);
                Some(call_helper(&mut b, &target, rt::float_unary as *const () as usize, &[f, arg(0)?], types::I64))
            }
            OpKind::CallFloat2 => {
                let f = b.ins().iconst(types::I64, op.imm as i64);
                Some(call_helper(&mut b, &target, rt::float_binary as *const () as usize, &[f, arg(0)?, arg(1)?], types::I64))
            }
            OpKind::ModuleAttr => {
                let (m, name) = (arg(0)?, arg(1)?);
                let module = trace.op(op.args[0]);
                // A known module (the usual case: `math.sqrt`): a cache on its dict.
                let dict = (module.kind == OpKind::ConstRef).then(|| rt::module_dict(module.imm)).flatten();
                let cached = dict.and_then(|d| cached_str_lookup(&mut b, &target, caches, d, name));
                Some(cached.unwrap_or_else(|| call_helper(&mut b, &target, rt::module_attr as *const () as usize, &[m, name], types::I64)))
            }
            OpKind::ListAppend => {
                let (l, v) = (arg(0)?, arg(1)?);
                let join = objects::append_in_place(&mut b, trace.op(op.args[1]).kind, l, v);
                let ok = call_helper(&mut b, &target, rt::list_append as *const () as usize, &[l, v], types::I8);
                guard(&mut b, ok, true, op, i, &vals, trace, &io, &mut exits)?;
                if let Some(join) = join {
                    b.ins().jump(join, &[]);
                    b.switch_to_block(join);
                }
                None
            }
            OpKind::IntUlt => {
                let (x, y) = (arg(0)?, arg(1)?);
                Some(b.ins().icmp(IntCC::UnsignedLessThan, x, y))
            }
            OpKind::GuardList => {
                let x = arg(0)?;
                let r = call_helper(&mut b, &target, rt::is_list as *const () as usize, &[x], types::I8);
                guard(&mut b, r, true, op, i, &vals, trace, &io, &mut exits)?;
                None
            }
            OpKind::GuardListKinds => {
                let (x, imm) = (arg(0)?, b.ins().iconst(types::I64, op.imm as i64));
                let r = call_helper(&mut b, &target, rt::list_kinds_ok as *const () as usize, &[x, imm], types::I8);
                guard(&mut b, r, true, op, i, &vals, trace, &io, &mut exits)?;
                None
            }
            OpKind::GuardType => {
                let r = objects::is_type(&mut b, &target, arg(0)?, op.imm);
                guard(&mut b, r, true, op, i, &vals, trace, &io, &mut exits)?;
                None
            }
            OpKind::GuardTypeVersion => {
                // The class is a constant: its version word is read where it lives.
                let cls = trace.op(op.args[0]);
                let addr = (cls.kind == OpKind::ConstRef).then(|| rt::type_version_addr(cls.imm)).flatten().ok_or("guard_type_version of something other than a known class")?;
                let a = b.ins().iconst(types::I64, addr as i64);
                let version = b.ins().load(types::I64, MemFlagsData::new(), a, 0);
                let want = b.ins().iconst(types::I64, op.imm as i64);
                let same = b.ins().icmp(IntCC::Equal, version, want);
                guard(&mut b, same, true, op, i, &vals, trace, &io, &mut exits)?;
                None
            }
            OpKind::InstGetAttr => {
                let (obj, name) = (arg(0)?, arg(1)?);
                // The hint `u64::MAX`: the attribute was absent (a method's shadow check).
                let absent = op.imm == u64::MAX;
                let name_op = trace.op(op.args[1]);
                let name_hash = (name_op.kind == OpKind::ConstRef).then(|| rt::str_hash_bits(name_op.imm)).flatten();
                Some(match (rt::dict_layout().zip(rt::instance_dict_offset()), name_hash) {
                    (Some((l, at)), Some(h)) if absent => inst_absent_inline(&mut b, &target, &l, at, obj, name, h),
                    (Some((l, at)), _) if !absent => inst_getattr_inline(&mut b, &target, &l, at, obj, name, op.imm),
                    _ => {
                        let hint = b.ins().iconst(types::I64, op.imm as i64);
                        call_helper(&mut b, &target, rt::inst_getattr as *const () as usize, &[obj, name, hint], types::I64)
                    }
                })
            }
            OpKind::InstSetAttr => {
                let (obj, name, value) = (arg(0)?, arg(1)?, arg(2)?);
                let ok = match rt::dict_layout().zip(rt::instance_dict_offset()) {
                    Some((l, at)) if op.imm != u64::MAX => inst_setattr_inline(&mut b, &target, &l, at, obj, name, value, op.imm),
                    _ => {
                        let hint = b.ins().iconst(types::I64, op.imm as i64);
                        call_helper(&mut b, &target, rt::inst_setattr as *const () as usize, &[obj, name, value, hint], types::I8)
                    }
                };
                guard(&mut b, ok, true, op, i, &vals, trace, &io, &mut exits)?;
                None
            }
            // A word of a list, tuple or dict object (after its type guard).
            OpKind::ListData | OpKind::ListLen | OpKind::TupleData | OpKind::TupleLen | OpKind::DictLen => Some(objects::word(&mut b, &target, op.kind, arg(0)?)),
            OpKind::DictNext => {
                let (d, i, n) = (arg(0)?, arg(1)?, arg(2)?);
                Some(match rt::dict_layout() {
                    Some(l) => dict_next_inline(&mut b, &target, &l, d, i, n),
                    None => call_helper(&mut b, &target, rt::dict_next as *const () as usize, &[d, i, n], types::I64),
                })
            }
            // Entry `at` is live: `dict_next` found it, and its guard comes first.
            OpKind::DictKey | OpKind::DictValue => {
                let (d, at) = (arg(0)?, arg(1)?);
                Some(match rt::dict_layout() {
                    Some(l) => {
                        let field = if op.kind == OpKind::DictKey { l.key } else { l.value };
                        let e = dict_entry_addr(&mut b, &l, d, at);
                        b.ins().load(types::I64, mem, e, field)
                    }
                    None if op.kind == OpKind::DictKey => call_helper(&mut b, &target, rt::dict_key as *const () as usize, &[d, at], types::I64),
                    None => call_helper(&mut b, &target, rt::dict_value as *const () as usize, &[d, at], types::I64),
                })
            }
            OpKind::DictGetStr => {
                let (d, key) = (arg(0)?, arg(1)?);
                let dict = trace.op(op.args[0]);
                // A known dict (globals, builtins): a cache of the last result.
                let cached = (dict.kind == OpKind::ConstRef).then(|| cached_str_lookup(&mut b, &target, caches, dict.imm, key)).flatten();
                // Any other: its first probe, where both layouts are known.
                let inline = || Some((rt::dict_layout()?, rt::obj_layout()?.str_hash));
                Some(match (cached, inline()) {
                    (Some(v), _) => v,
                    (None, Some((l, str_hash))) => str_lookup_inline(&mut b, &target, &l, str_hash, d, key, false),
                    (None, None) => call_helper(&mut b, &target, rt::dict_get_str as *const () as usize, &[d, key], types::I64),
                })
            }
            // Loads from the list object itself (after `guard_list`), where its layout is known.
            OpKind::LoadElem => {
                let (addr, disp) = elem_addr(&mut b, trace, &vals, op.args[0], op.args[1])?;
                elem_disp[i] = disp;
                Some(match float_loads[i] {
                    // Its `unbox_float`s load the float themselves.
                    true => addr,
                    false => b.ins().load(types::I64, MemFlagsData::new(), addr, disp),
                })
            }
            OpKind::StoreElem => {
                // A boxed float is its bits: store it from the float register.
                let boxed = trace.op(op.args[2]);
                let x = match boxed.kind {
                    OpKind::BoxFloat => get(&vals, boxed.args[0])?,
                    _ => arg(2)?,
                };
                let (addr, disp) = elem_addr(&mut b, trace, &vals, op.args[0], op.args[1])?;
                b.ins().store(MemFlagsData::new(), x, addr, disp);
                None
            }
            OpKind::GuardNotObj => {
                let heap = is_heap_bits(&mut b, arg(0)?);
                guard(&mut b, heap, false, op, i, &vals, trace, &io, &mut exits)?;
                None
            }
            OpKind::Side => {
                let block = io.sides.borrow().get(&(op.imm as usize)).copied().flatten();
                let block = block.ok_or_else(|| format!("op {i}: side region of op {} before its guard", op.imm))?;
                b.switch_to_block(block);
                None
            }
            OpKind::Exit => {
                let n = op.exit.ok_or_else(|| format!("op {i}: exit without number"))?;
                let snapshot = write_exit(&mut b, n, op, &vals, trace, &io)?;
                exits.push(ExitInfo { exit: n, guard: OpRef(i as u32), snapshot });
                None
            }
            OpKind::LoadExitSlot | OpKind::LoadExitInt => Some(b.ins().load(types::I64, mem, exitbuf, (8 * (op.imm + 1)) as i32)),
            OpKind::BoxBool => {
                let c = arg(0)?;
                let t = b.ins().iconst(types::I64, rpy_interpreter::value::Value::TRUE.bits() as i64);
                let f = b.ins().iconst(types::I64, rpy_interpreter::value::Value::FALSE.bits() as i64);
                Some(b.ins().select(c, t, f))
            }
            OpKind::IncRef => Some(call_helper(&mut b, &target, rt::inc_ref as *const () as usize, &[arg(0)?], types::I64)),
            OpKind::Return => {
                let x = arg(0)?;
                b.ins().store(mem, x, exitbuf, 8);
                let code = b.ins().iconst(types::I32, RETURNED as i64);
                b.ins().return_(&[code]);
                None
            }
            OpKind::BoxIntOwned => {
                let x = arg(0)?;
                let ext = sext_payload(&mut b, x);
                let fits = b.ins().icmp(IntCC::Equal, ext, x);
                let heap = b.create_block();
                let join = b.create_block();
                let res = b.append_block_param(join, types::I64);
                b.set_cold_block(heap);
                let inline = box_int(&mut b, x);
                b.ins().brif(fits, join, &[BlockArg::Value(inline)], heap, &[]);
                b.switch_to_block(heap);
                let r = call_helper(&mut b, &target, rt::new_heap_int as *const () as usize, &[x], types::I64);
                b.ins().jump(join, &[BlockArg::Value(r)]);
                b.switch_to_block(join);
                Some(res)
            }
            OpKind::CallLoop => {
                let args = (0..op.args.len()).map(arg).collect::<Result<Vec<_>, _>>()?;
                let (buf, code) = calls::call_loop(&mut b, &io, chain_off, op.imm, &args).map_err(|e| format!("op {i}: {e}"))?;
                loop_bufs.insert(OpRef(i as u32), buf);
                Some(code)
            }
            OpKind::SelectInt | OpKind::SelectFloat => Some(b.ins().select(arg(0)?, arg(1)?, arg(2)?)),
            OpKind::LoadLoopExitInt | OpKind::LoadLoopExitRef => {
                let buf = *loop_bufs.get(&op.args[0]).ok_or("load_loop_exit of something other than a call_loop")?;
                Some(calls::load_loop_exit(&mut b, buf, op.imm))
            }
            OpKind::StrFormat => {
                let args = (0..op.args.len()).map(arg).collect::<Result<Vec<_>, _>>()?;
                let r = calls::str_format(&mut b, &io, op.imm, &args);
                let ok = b.ins().icmp_imm_s(IntCC::NotEqual, r, rpy_interpreter::value::Value::NULL.bits() as i64);
                guard(&mut b, ok, true, op, i, &vals, trace, &io, &mut exits)?;
                Some(r)
            }
            OpKind::CallPy => {
                let args = (0..op.args.len()).map(arg).collect::<Result<Vec<_>, _>>()?;
                let r = calls::call_py(&mut b, &io, op.imm, &args);
                let ok = b.ins().icmp_imm_s(IntCC::NotEqual, r, rpy_interpreter::value::Value::NULL.bits() as i64);
                guard(&mut b, ok, true, op, i, &vals, trace, &io, &mut exits)?;
                Some(r)
            }
        };
        if op.kind.result() != Ty::Void && !matches!(op.kind, OpKind::PhiInt | OpKind::PhiFloat | OpKind::PhiRef) {
            vals[i] = Some(v.ok_or_else(|| format!("op {i}: no value produced"))?);
        }
    }
    if trace.ops.last().is_none_or(|op| !matches!(op.kind, OpKind::Jump | OpKind::Exit | OpKind::Return)) {
        let done = b.ins().iconst(types::I32, FINISHED as i64);
        let done64 = b.ins().iconst(types::I64, FINISHED as i64);
        b.ins().store(mem, done64, exitbuf, 0);
        b.ins().return_(&[done]);
    }
    b.seal_all_blocks();
    b.finalize(target);
    Ok(exits)
}

/// `load_elem`s whose every use (operand or snapshot value) is an `unbox_float`: those load
/// the element as a float themselves, and the `load_elem` stands for the element's address.
fn float_only_loads(trace: &Trace) -> Vec<bool> {
    let mut only = trace.ops.iter().map(|op| op.kind == OpKind::LoadElem).collect::<Vec<_>>();
    for op in &trace.ops {
        let by_unbox = op.kind == OpKind::UnboxFloat;
        for (k, a) in op.args.iter().enumerate() {
            if !(by_unbox && k == 0) {
                only[a.0 as usize] = false;
            }
        }
        for a in &op.snap {
            only[a.0 as usize] = false;
        }
    }
    only
}

/// Calls the runtime helper at `addr`, `extern "C" fn(args...) -> ret`.
fn call_helper(b: &mut FunctionBuilder, target: &cranelift_codegen::isa::TargetFrontendConfig, addr: usize, args: &[Value], ret: Type) -> Value {
    let mut sig = cranelift_codegen::ir::Signature::new(target.default_call_conv);
    for &a in args {
        sig.params.push(AbiParam::new(b.func.dfg.value_type(a)));
    }
    sig.returns.push(AbiParam::new(ret));
    let sigref = b.import_signature(sig);
    let callee = b.ins().iconst(types::I64, addr as i64);
    let call = b.ins().call_indirect(sigref, callee, args);
    b.inst_results(call)[0]
}

/// The address of item `idx` of the element array `data`, as a base and a displacement: an
/// index `i + k` (a constant `k`) becomes the displacement `8k` from `i`'s item, which x86
/// folds into the load or store (`8k(data, i, 8)`) instead of computing `i + k` first.
fn elem_addr(b: &mut FunctionBuilder, trace: &Trace, vals: &[Option<Value>], data: OpRef, idx: OpRef) -> Result<(Value, i32), String> {
    let get = |r: OpRef| vals.get(r.0 as usize).copied().flatten().ok_or_else(|| format!("op {} has no value", r.0));
    // A checked `i + k` that did not exit computed the same value.
    let (base, k) = trace.offset_of(idx);
    let off = b.ins().ishl_imm_s(get(base)?, 3);
    Ok((b.ins().iadd(get(data)?, off), (k * 8) as i32))
}

