//! Guards and exits of compiled traces: the cold block each guard branches to, which writes
//! the exit number and the guard's snapshot into the exit buffer (and, in a function's
//! trace tree, calls the side trace linked to the exit).

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, AbiParam, InstBuilder, MemFlagsData, StackSlot, Value};
use cranelift_frontend::FunctionBuilder;

use super::{box_float, ExitInfo, Placement, RETURNED};
use crate::ir::{OpKind, OpRef, Trace, Ty};

/// The function's parameters, where it sits and the target, for exits and calls.
#[derive(Clone)]
pub(super) struct Io {
    /// The slots some `store_slot` writes (their `load_slot`s are not reloaded at exits).
    pub(super) stored_slots: Vec<u64>,
    /// The running `Vm` (for calls).
    pub(super) vm: Value,
    /// Where `slots`, `exitbuf` and `vm` are saved on entry.
    pub(super) saved: StackSlot,
    pub(super) place: Placement,
    pub(super) target: cranelift_codegen::isa::TargetFrontendConfig,
    /// The guards (op indices) whose failure continues in a side region (`OpKind::Side`),
    /// and the block each branches to once emitted.
    pub(super) sides: std::cell::RefCell<std::collections::HashMap<usize, Option<cranelift_codegen::ir::Block>>>,
}

impl Io {
    /// `(slots, exitbuf, vm)` loaded from where the entry saved them (for exit blocks).
    fn saved(&self, b: &mut FunctionBuilder) -> (Value, Value, Value) {
        let load = |b: &mut FunctionBuilder, k: i32| b.ins().stack_load(types::I64, types::I64, self.saved, 8 * k);
        (load(b, 0), load(b, 1), load(b, 2))
    }
}

/// The negation of the boolean `cond`: the inverse comparison when `cond` is one, else a test
/// against zero.
fn negate(b: &mut FunctionBuilder, cond: Value) -> Value {
    use cranelift_codegen::ir::condcodes::CondCode;
    use cranelift_codegen::ir::{InstructionData, ValueDef};
    if let ValueDef::Result(inst, 0) = b.func.dfg.value_def(cond) {
        match b.func.dfg.insts[inst] {
            InstructionData::IntCompare { cond: cc, args, .. } => return b.ins().icmp(cc.complement(), args[0], args[1]),
            InstructionData::FloatCompare { cond: cc, args, .. } => return b.ins().fcmp(cc.complement(), args[0], args[1]),
            _ => {}
        }
    }
    b.ins().icmp_imm_u(IntCC::Equal, cond, 0)
}

/// Emits a guard on `cond` (an i8/bool): continue when `cond != 0` equals `want`, otherwise
/// branch to a fresh cold exit block that writes the exit number and the guard's snapshot.
#[allow(clippy::too_many_arguments)]
pub(super) fn guard(
    b: &mut FunctionBuilder,
    cond: Value,
    want: bool,
    op: &crate::ir::Op,
    i: usize,
    vals: &[Option<Value>],
    trace: &Trace,
    io: &Io,
    exits: &mut Vec<ExitInfo>,
) -> Result<(), String> {
    let n = op.exit.ok_or_else(|| format!("op {i}: guard without exit"))?;
    let cont = b.create_block();
    let out = b.create_block();
    b.set_cold_block(out);
    // The exit is always the branch's first target. Cranelift's LICM walks the dominator tree
    // children in reverse post-order, and its loop stack forgets the loop when it visits a
    // child outside it first; with the exit first in the successors, the loop body is visited
    // first and invariant pure values (the bitcasts of unboxed floats) leave the loop.
    let failed = if want { negate(b, cond) } else { cond };
    b.ins().brif(failed, out, &[], cont, &[]);
    if let Some(side) = io.sides.borrow_mut().get_mut(&i) {
        // Filled by the side region (`OpKind::Side`).
        *side = Some(out);
        b.switch_to_block(cont);
        return Ok(());
    }
    b.switch_to_block(out);
    let snapshot = write_exit(b, n, op, vals, trace, io)?;
    b.switch_to_block(cont);
    exits.push(ExitInfo { exit: n, guard: OpRef(i as u32), snapshot });
    Ok(())
}

/// In the current block: store exit number `n` (shifted by the placement's offset) and
/// `op`'s snapshot (ints unboxed, floats NaN-canonicalised, bools as 0/1, refs
/// as they are) into `exitbuf`, and return the number, or call the trace the exit is linked
/// to and return what it returns.
pub(super) fn write_exit(
    b: &mut FunctionBuilder,
    n: u32,
    op: &crate::ir::Op,
    vals: &[Option<Value>],
    trace: &Trace,
    io: &Io,
) -> Result<Vec<(OpRef, Ty)>, String> {
    let mem = MemFlagsData::trusted();
    let (slots, exitbuf, vm) = io.saved(b);
    let mut snapshot = Vec::with_capacity(op.snap.len());
    for (k, &r) in op.snap.iter().enumerate() {
        let src = trace.op(r);
        let v = if src.kind == OpKind::LoadSlot && !io.stored_slots.contains(&src.imm) {
            // Loaded again here rather than kept in a register through the whole trace (a
            // list or object the interpreter's stack holds, needed only by exits).
            b.ins().load(types::I64, mem, slots, (src.imm * 8) as i32)
        } else {
            vals.get(r.0 as usize).copied().flatten().ok_or_else(|| format!("snapshot value op {} has no value", r.0))?
        };
        let ty = trace.ty(r);
        let boxed = match ty {
            // Ints go out unboxed: the exit code boxes them (heap ints when they are big).
            Ty::I64 => v,
            Ty::F64 => box_float(b, v),
            // The condition a `guard_true` / `guard_false` exits on is known in its exit: a
            // constant there, so the loop never materialises the bool for the snapshot.
            Ty::Bool if op.args.first() == Some(&r) && matches!(op.kind, OpKind::GuardTrue | OpKind::GuardFalse) => {
                b.ins().iconst(types::I64, (op.kind == OpKind::GuardFalse) as i64)
            }
            Ty::Bool => b.ins().uextend(types::I64, v),
            Ty::Ref => v,
            Ty::Void => return Err(format!("void snapshot value op {}", r.0)),
        };
        let off = i32::try_from(8 * (k + 1)).map_err(|_| "snapshot too large".to_string())?;
        b.ins().store(mem, boxed, exitbuf, off);
        snapshot.push((r, ty));
    }
    let code = n.checked_add(io.place.exit_offset).filter(|c| *c < RETURNED).ok_or("exit number out of range")?;
    let num = b.ins().iconst(types::I32, code as i64);
    let num64 = b.ins().iconst(types::I64, code as i64);
    b.ins().store(mem, num64, exitbuf, 0);
    if io.place.links != 0 {
        let cell = b.ins().iconst(types::I64, (io.place.links + 8 * n as usize) as i64);
        let next = b.ins().load(types::I64, MemFlagsData::new(), cell, 0);
        let linked = b.create_block();
        let plain = b.create_block();
        b.set_cold_block(linked);
        b.set_cold_block(plain);
        b.ins().brif(next, linked, &[], plain, &[]);
        b.switch_to_block(linked);
        let r = call_trace(b, &io.target, next, &[slots, exitbuf, vm]);
        b.ins().return_(&[r]);
        b.switch_to_block(plain);
    }
    b.ins().return_(&[num]);
    Ok(snapshot)
}

/// Calls the trace at `f` with `(slots, exitbuf, vm)`; its exit number.
pub(super) fn call_trace(b: &mut FunctionBuilder, target: &cranelift_codegen::isa::TargetFrontendConfig, f: Value, args: &[Value]) -> Value {
    let mut sig = cranelift_codegen::ir::Signature::new(target.default_call_conv);
    for _ in 0..3 {
        sig.params.push(AbiParam::new(types::I64));
    }
    sig.returns.push(AbiParam::new(types::I32));
    let sigref = b.import_signature(sig);
    let call = b.ins().call_indirect(sigref, f, args);
    b.inst_results(call)[0]
}

