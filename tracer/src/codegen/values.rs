//! How compiled code tests, boxes and unboxes values: the tag of a boxed value, inline ints
//! (48-bit payloads) and heap ints, floats as their own bits.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, Block, BlockArg, InstBuilder, MemFlagsData, Value};
use cranelift_frontend::FunctionBuilder;

use super::{call_helper, rt, INT_TAG, PAYLOAD_MASK, PTR_TAG, TAG_SHIFT};

/// Whether the bits `x` are those of a heap object (a pointer-tagged value).
pub(super) fn is_heap_bits(b: &mut FunctionBuilder, x: Value) -> Value {
    let tag = b.ins().ushr_imm_s(x, TAG_SHIFT);
    b.ins().icmp_imm_s(IntCC::Equal, tag, (PTR_TAG as u64 >> TAG_SHIFT) as i64)
}

/// Whether the boxed `x` is an inline int.
pub(super) fn is_inline_int(b: &mut FunctionBuilder, x: Value) -> Value {
    let tag = b.ins().ushr_imm_s(x, TAG_SHIFT);
    b.ins().icmp_imm_s(IntCC::Equal, tag, (INT_TAG as u64 >> TAG_SHIFT) as i64)
}

/// Unboxing the int `x`: an inline int goes straight to the returned block with its value
/// (the block's parameter, also returned); the builder is left in a cold block for the heap
/// int case, which `join_heap_int` finishes.
pub(super) fn split_inline_int(b: &mut FunctionBuilder, x: Value) -> (Block, Value) {
    let small = is_inline_int(b, x);
    let (cont, slow) = (b.create_block(), b.create_block());
    b.set_cold_block(slow);
    let value = b.append_block_param(cont, types::I64);
    let unboxed = sext_payload(b, x);
    b.ins().brif(small, cont, &[BlockArg::Value(unboxed)], slow, &[]);
    b.switch_to_block(slow);
    (cont, value)
}

/// The heap-int end of `split_inline_int`: its value (a helper call), then on at `cont`.
pub(super) fn join_heap_int(b: &mut FunctionBuilder, target: &cranelift_codegen::isa::TargetFrontendConfig, x: Value, cont: Block) {
    let big = call_helper(b, target, rt::heap_i64 as *const () as usize, &[x], types::I64);
    b.ins().jump(cont, &[BlockArg::Value(big)]);
    b.switch_to_block(cont);
}

/// The low 48 bits of `x`, sign-extended: an inline int's value.
pub(super) fn sext_payload(b: &mut FunctionBuilder, x: Value) -> Value {
    let s = b.ins().ishl_imm_s(x, 64 - TAG_SHIFT);
    b.ins().sshr_imm_s(s, 64 - TAG_SHIFT)
}

pub(super) fn box_int(b: &mut FunctionBuilder, x: Value) -> Value {
    let p = b.ins().band_imm_s(x, PAYLOAD_MASK);
    b.ins().bor_imm_s(p, INT_TAG)
}

/// A float as a value: its bits. Every float in a trace is a valid value already: floats come
/// from values, ints and constants, and IEEE arithmetic on them makes either one of its
/// operands' NaNs, quieted (which stays below the tags), or the default NaN (0xFFF8... on
/// x86-64, 0x7FF8... on AArch64).
pub(super) fn box_float(b: &mut FunctionBuilder, x: Value) -> Value {
    b.ins().bitcast(types::I64, MemFlagsData::new(), x)
}
