//! List and object accesses that compiled code makes itself, at the offsets `runtime/layout.rs`
//! found: an append where the list has room, the kind check of `guard_type`; `dec_ref` of
//! what is no object.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, Block, InstBuilder, MemFlagsData, Value};
use cranelift_frontend::FunctionBuilder;

use super::{call_helper, is_heap_bits, PAYLOAD_MASK};
use crate::ir::OpKind;
use crate::runtime as rt;

/// `dec_ref(x)`: only objects have counts (a carried instance's phi holds NULL after the
/// first iteration, `carried.rs`), so the helper is called for those only.
pub(super) fn dec_ref(b: &mut FunctionBuilder, target: &cranelift_codegen::isa::TargetFrontendConfig, x: Value) {
    let heap = is_heap_bits(b, x);
    let (call, join) = (b.create_block(), b.create_block());
    b.ins().brif(heap, call, &[], join, &[]);
    b.switch_to_block(call);
    // The helper's result (always 1) means nothing.
    call_helper(b, target, rt::dec_ref as *const () as usize, &[x], types::I8);
    b.ins().jump(join, &[]);
    b.switch_to_block(join);
}

/// The start of `list_append(l, v)` when `v` (made by `boxer`, a `box_float` or `box_int`)
/// owns nothing: where the list has room, `v` is stored, the length and kinds summary
/// updated, and the code goes on at the returned block; otherwise it continues in the
/// current (cold) block, where the caller calls the helper and then jumps to that block.
/// `None` when this build's list layout or the item's kind is not known.
pub(super) fn append_in_place(b: &mut FunctionBuilder, boxer: OpKind, l: Value, v: Value) -> Option<Block> {
    let bit = match boxer {
        OpKind::BoxFloat => rpy_interpreter::list::ElemKinds::FLOAT,
        OpKind::BoxInt => rpy_interpreter::list::ElemKinds::INT,
        _ => return None,
    };
    let lay = rt::list_layout()?;
    let (cap_at, kinds_at) = lay.room?;
    let mem = MemFlagsData::trusted();
    let p = b.ins().band_imm_s(l, PAYLOAD_MASK);
    let len = b.ins().load(types::I64, mem, p, lay.len);
    let cap = b.ins().load(types::I64, mem, p, cap_at);
    let room = b.ins().icmp(IntCC::UnsignedLessThan, len, cap);
    let (fast, slow, join) = (b.create_block(), b.create_block(), b.create_block());
    b.set_cold_block(slow);
    b.ins().brif(room, fast, &[], slow, &[]);
    b.switch_to_block(fast);
    let data = b.ins().load(types::I64, mem, p, lay.data);
    let off = b.ins().ishl_imm_u(len, 3);
    let at = b.ins().iadd(data, off);
    b.ins().store(mem, v, at, 0);
    let len1 = b.ins().iadd_imm_s(len, 1);
    b.ins().store(mem, len1, p, lay.len);
    let k = b.ins().load(types::I8, mem, p, kinds_at);
    let k = b.ins().bor_imm_s(k, bit as i64);
    b.ins().store(mem, k, p, kinds_at);
    b.ins().jump(join, &[]);
    b.switch_to_block(slow);
    Some(join)
}

/// Whether `x` is an object of the exact type `imm` (a `runtime::ObjType::imm`): for a
/// built-in kind its tag byte, read where `x` is an object (else from a byte no tag is); the
/// helper for a class.
pub(super) fn is_type(b: &mut FunctionBuilder, target: &cranelift_codegen::isa::TargetFrontendConfig, x: Value, imm: u64) -> Value {
    let want = rt::obj_layout().and_then(|l| Some((l, *l.tags.get((imm as usize).checked_sub(1)?)?)));
    let Some((l, want)) = want else {
        let ty = b.ins().iconst(types::I64, imm as i64);
        return call_helper(b, target, rt::is_type as *const () as usize, &[x, ty], types::I8);
    };
    static NOT_AN_OBJECT: u8 = rt::NOT_AN_OBJECT;
    let heap = is_heap_bits(b, x);
    let p = b.ins().band_imm_s(x, PAYLOAD_MASK);
    let at = b.ins().iadd_imm_s(p, l.tag as i64);
    let dummy = b.ins().iconst(types::I64, &NOT_AN_OBJECT as *const u8 as i64);
    let addr = b.ins().select(heap, at, dummy);
    let tag = b.ins().load(types::I8, MemFlagsData::trusted(), addr, 0);
    b.ins().icmp_imm_u(IntCC::Equal, tag, want as i64)
}

/// `list_data`, `list_len`, `tuple_data`, `tuple_len` or `dict_len` of `x` (after its type
/// guard): a load from the object where this build's layout is known, else the helper.
pub(super) fn word(b: &mut FunctionBuilder, target: &cranelift_codegen::isa::TargetFrontendConfig, kind: OpKind, x: Value) -> Value {
    let (at, flags, helper) = match kind {
        OpKind::ListData => (rt::list_layout().map(|l| l.data), MemFlagsData::trusted(), rt::list_data as *const () as usize),
        OpKind::ListLen => (rt::list_layout().map(|l| l.len), MemFlagsData::trusted(), rt::list_len as *const () as usize),
        // Tuples never change.
        OpKind::TupleData => (rt::obj_layout().map(|l| l.tuple_data), MemFlagsData::trusted().with_readonly(), rt::tuple_data as *const () as usize),
        OpKind::TupleLen => (rt::obj_layout().map(|l| l.tuple_len), MemFlagsData::trusted().with_readonly(), rt::tuple_len as *const () as usize),
        _ => (rt::dict_layout().map(|l| l.used), MemFlagsData::trusted(), rt::dict_len as *const () as usize),
    };
    match at {
        Some(off) => {
            let p = b.ins().band_imm_s(x, PAYLOAD_MASK);
            b.ins().load(types::I64, flags, p, off)
        }
        None => call_helper(b, target, helper, &[x], types::I64),
    }
}
