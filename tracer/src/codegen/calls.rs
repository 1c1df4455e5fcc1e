//! Calls of other compiled traces from a trace: `call_py` (a Python function's trace tree)
//! and `call_loop` (a loop's root trace, whose exit buffer is the tail of a loop trace's own,
//! so exits chained to the loop's find it there: `deopt.rs`).

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, BlockArg, InstBuilder, MemFlagsData, StackSlotData, StackSlotKind, Value};
use cranelift_frontend::FunctionBuilder;

use super::exits::{call_trace, Io};
use super::{call_helper, FN_EXITBUF, RETURNED};
use crate::ir::Trace;
use crate::runtime as rt;

/// Words of the exit buffer a `call_loop` in a function trace gives the loop trace it calls:
/// loops with a longer snapshot are not called.
pub const LOOP_EXITBUF: usize = 64;
/// Most words of exit buffer a loop trace may need to be called (`call_loop`) by a loop
/// trace, which gives it the tail of its own exit buffer.
pub const MAX_CALLED_EXITBUF: usize = 4096;

/// A `call_loop`'s immediate: the called trace's entry address (below 2**48) and, above,
/// the words of exit buffer it needs.
pub fn call_loop_imm(entry: usize, exitbuf_len: usize) -> u64 {
    debug_assert!(entry >> 48 == 0 && exitbuf_len <= MAX_CALLED_EXITBUF);
    entry as u64 | (exitbuf_len as u64) << 48
}

/// The entry address and the exit buffer words of a `call_loop`'s immediate.
pub fn call_loop_parts(imm: u64) -> (u64, usize) {
    (imm & ((1 << 48) - 1), (imm >> 48) as usize)
}

/// Where a `call_loop` put the called loop's exit buffer.
#[derive(Clone, Copy)]
pub(super) enum LoopBuf {
    Slot(cranelift_codegen::ir::StackSlot),
    /// This address: the tail of the trace's own exit buffer.
    Tail(Value),
}

/// The word of a loop trace's exit buffer where the exit buffer of the loops it calls
/// (`call_loop`) starts: after the longest snapshot of its own.
pub(super) fn chain_offset(trace: &Trace) -> usize {
    1 + trace.ops.iter().map(|op| op.snap.len()).max().unwrap_or(0)
}

/// `call_loop` with immediate `imm` and the boxed `args`: the buffer the called loop's exit
/// goes to, and its exit number (an i64).
pub(super) fn call_loop(b: &mut FunctionBuilder, io: &Io, chain_off: usize, imm: u64, args: &[Value]) -> Result<(LoopBuf, Value), String> {
    let slotslot = b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, (8 * args.len().max(1)) as u32, 3));
    for (k, &a) in args.iter().enumerate() {
        b.ins().stack_store(types::I64, a, slotslot, (8 * k) as i32);
    }
    let slotsp = b.ins().stack_addr(types::I64, slotslot, 0);
    let (entry, words) = call_loop_parts(imm);
    let (buf, bufp) = if io.place.function {
        if words > LOOP_EXITBUF {
            return Err(format!("the loop called needs {words} words of exit buffer"));
        }
        let bufslot = b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, (8 * LOOP_EXITBUF) as u32, 3));
        (LoopBuf::Slot(bufslot), b.ins().stack_addr(types::I64, bufslot, 0))
    } else {
        let own = b.ins().stack_load(types::I64, types::I64, io.saved, 8);
        let p = b.ins().iadd_imm_s(own, 8 * chain_off as i64);
        (LoopBuf::Tail(p), p)
    };
    let fp = b.ins().iconst(types::I64, entry as i64);
    let code = call_trace(b, &io.target, fp, &[slotsp, bufp, io.vm]);
    Ok((buf, b.ins().uextend(types::I64, code)))
}

/// Word `1 + k` of a called loop's exit buffer `buf`.
pub(super) fn load_loop_exit(b: &mut FunctionBuilder, buf: LoopBuf, k: u64) -> Value {
    let at = 8 * (1 + k as i32);
    match buf {
        LoopBuf::Slot(slot) => b.ins().stack_load(types::I64, types::I64, slot, at),
        LoopBuf::Tail(p) => b.ins().load(types::I64, MemFlagsData::trusted(), p, at),
    }
}

/// `call_py`: the callee's compiled trace when its code has one and the recursion limit
/// leaves room (`vm.depth` counts the call, as the interpreter would), with its exits
/// finished by `runtime::fn_exit`; otherwise `runtime::call_py`. The result: an owned
/// reference, or NULL's bits when the call raised.
/// `str_format` of the boxed `args` (the format, then the values): the new str's bits, or
/// NULL's.
pub(super) fn str_format(b: &mut FunctionBuilder, io: &Io, tuple: u64, args: &[Value]) -> Value {
    let (fmt, rest) = (args[0], &args[1..]);
    let slot = b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, (8 * rest.len().max(1)) as u32, 3));
    for (k, &a) in rest.iter().enumerate() {
        b.ins().stack_store(types::I64, a, slot, (8 * k) as i32);
    }
    let argp = b.ins().stack_addr(types::I64, slot, 0);
    let n = b.ins().iconst(types::I64, rest.len() as i64);
    let t = b.ins().iconst(types::I64, tuple as i64);
    call_helper(b, &io.target, rt::str_format as *const () as usize, &[io.vm, fmt, argp, n, t], types::I64)
}

pub(super) fn call_py(b: &mut FunctionBuilder, io: &Io, entry_cell: u64, args: &[Value]) -> Value {
    let target = &io.target;
    use cranelift_codegen::ir::{StackSlotData, StackSlotKind};
    let (func, rest) = (args[0], &args[1..]);
    let nargs = b.ins().iconst(types::I64, rest.len() as i64);
    let argslot = b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, (8 * rest.len().max(1)) as u32, 3));
    for (k, &a) in rest.iter().enumerate() {
        b.ins().stack_store(types::I64, a, argslot, (8 * k) as i32);
    }
    let argp = b.ins().stack_addr(types::I64, argslot, 0);
    let bufslot = b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, (8 * FN_EXITBUF) as u32, 3));
    let bufp = b.ins().stack_addr(types::I64, bufslot, 0);
    let cell = b.ins().iconst(types::I64, entry_cell as i64);
    let fp = b.ins().load(types::I64, MemFlagsData::new(), cell, 0);
    let vmflags = MemFlagsData::new();
    let depth = b.ins().load(types::I32, vmflags, io.vm, rt::DEPTH_OFFSET as i32);
    let limit = b.ins().load(types::I32, vmflags, io.vm, rt::LIMIT_OFFSET as i32);
    let room = b.ins().icmp(IntCC::UnsignedLessThan, depth, limit);
    let compiled = b.ins().icmp_imm_s(IntCC::NotEqual, fp, 0);
    let fast = b.ins().band(room, compiled);
    let direct = b.create_block();
    let slow = b.create_block();
    let returned = b.create_block();
    let exited = b.create_block();
    let join = b.create_block();
    let res = b.append_block_param(join, types::I64);
    b.set_cold_block(slow);
    b.set_cold_block(exited);
    b.ins().brif(fast, direct, &[], slow, &[]);

    b.switch_to_block(direct);
    let deeper = b.ins().iadd_imm_s(depth, 1);
    b.ins().store(vmflags, deeper, io.vm, rt::DEPTH_OFFSET as i32);
    let code = call_trace(b, target, fp, &[argp, bufp, io.vm]);
    b.ins().store(vmflags, depth, io.vm, rt::DEPTH_OFFSET as i32);
    let done = b.ins().icmp_imm_s(IntCC::Equal, code, RETURNED as i64);
    b.ins().brif(done, returned, &[], exited, &[]);

    b.switch_to_block(returned);
    let r = b.ins().load(types::I64, MemFlagsData::new(), bufp, 8);
    b.ins().jump(join, &[BlockArg::Value(r)]);

    b.switch_to_block(exited);
    let code64 = b.ins().uextend(types::I64, code);
    let r = call_helper(b, target, rt::fn_exit as *const () as usize, &[io.vm, func, argp, nargs, bufp, code64], types::I64);
    b.ins().jump(join, &[BlockArg::Value(r)]);

    b.switch_to_block(slow);
    let r = call_helper(b, target, rt::call_py as *const () as usize, &[io.vm, func, argp, nargs], types::I64);
    b.ins().jump(join, &[BlockArg::Value(r)]);

    b.switch_to_block(join);
    res
}
