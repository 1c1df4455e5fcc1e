//! Dict and instance accesses that compiled code makes itself, at the offsets `runtime/layout.rs`
//! found: lookups through a stamp-checked cache, dict iteration, attribute loads and stores of
//! plain instances, the shadow check of a method call. Each falls back to its helper when the
//! fast case does not hold.

use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, Block, BlockArg, InstBuilder, MemFlagsData, Value};
use cranelift_frontend::FunctionBuilder;

use super::{call_helper, is_heap_bits, PAYLOAD_MASK};
use crate::runtime as rt;

/// `d[key]` for a `str` key in the known dict whose bits are `dict` (alive as long as the
/// trace), through a cache of the last result: valid while the dict's stamp (a hit) or layout
/// version (a miss) is the one it was taken at. `None` when `dict` is no dict.
pub(super) fn cached_str_lookup(b: &mut FunctionBuilder, target: &cranelift_codegen::isa::TargetFrontendConfig, caches: &mut Vec<Box<rt::DictCache>>, dict: u64, key: Value) -> Option<Value> {
    let (stamp_addr, version_addr) = rt::dict_stamp_addr(dict).zip(rt::dict_version_addr(dict))?;
    let cache = Box::new(rt::DictCache::new());
    let cache_addr = &*cache as *const rt::DictCache as i64;
    caches.push(cache);
    let flags = MemFlagsData::new();
    let sa = b.ins().iconst(types::I64, stamp_addr as i64);
    let stamp = b.ins().load(types::I64, flags, sa, 0);
    let va = b.ins().iconst(types::I64, version_addr as i64);
    let version = b.ins().load(types::I64, flags, va, 0);
    let ca = b.ins().iconst(types::I64, cache_addr);
    let cached = b.ins().load(types::I64, flags, ca, 0);
    let same_stamp = b.ins().icmp(IntCC::Equal, stamp, cached);
    let same_version = b.ins().icmp(IntCC::Equal, version, cached);
    let hit = b.ins().bor(same_stamp, same_version);
    let (cont, slow, fast) = (b.create_block(), b.create_block(), b.create_block());
    b.set_cold_block(slow);
    let value = b.append_block_param(cont, types::I64);
    b.ins().brif(hit, fast, &[], slow, &[]);
    b.switch_to_block(fast);
    let v = b.ins().load(types::I64, flags, ca, 8);
    b.ins().jump(cont, &[BlockArg::Value(v)]);
    b.switch_to_block(slow);
    let d = b.ins().iconst(types::I64, dict as i64);
    let v = call_helper(b, target, rt::dict_get_str_cached as *const () as usize, &[d, key, ca], types::I64);
    b.ins().jump(cont, &[BlockArg::Value(v)]);
    b.switch_to_block(cont);
    Some(value)
}

/// `d[key]` for a `str` key (`DictGetStr`: the value's bits) or `key in d` (`DictHasStr`:
/// one) inline when the key's hash is cached and the first slot its hash probes holds an
/// entry with this very key (dicts built from the same str objects); the helper otherwise.
pub(super) fn str_lookup_inline(b: &mut FunctionBuilder, target: &cranelift_codegen::isa::TargetFrontendConfig, l: &rt::DictLayout, str_hash: i32, d: Value, key: Value, has: bool) -> Value {
    use rpy_interpreter::dict::Dict;
    let flags = MemFlagsData::trusted();
    let (slow, cont, probe, check, found) = (b.create_block(), b.create_block(), b.create_block(), b.create_block(), b.create_block());
    b.set_cold_block(slow);
    let result = b.append_block_param(cont, types::I64);
    let kp = b.ins().band_imm_s(key, PAYLOAD_MASK);
    let h = b.ins().load(types::I64, flags, kp, str_hash);
    let dp = b.ins().band_imm_s(d, PAYLOAD_MASK);
    let used = b.ins().load(types::I64, flags, dp, l.used);
    let cached = b.ins().icmp_imm_s(IntCC::NotEqual, h, -1);
    let some = b.ins().icmp_imm_s(IntCC::NotEqual, used, 0);
    let go = b.ins().band(cached, some);
    b.ins().brif(go, probe, &[], slow, &[]);
    b.switch_to_block(probe);
    let indices = b.ins().load(types::I64, flags, dp, l.indices);
    let n = b.ins().load(types::I64, flags, dp, l.indices_len);
    let mask = b.ins().iadd_imm_s(n, -1);
    let slot = b.ins().band(h, mask);
    let off = b.ins().ishl_imm_u(slot, 2);
    let at = b.ins().iadd(indices, off);
    let ix = b.ins().uload32(flags, at, 0);
    let live = b.ins().icmp_imm_u(IntCC::UnsignedLessThan, ix, Dict::DUMMY_SLOT.min(Dict::EMPTY_SLOT) as i64);
    b.ins().brif(live, check, &[], slow, &[]);
    b.switch_to_block(check);
    let e = dict_entry_addr(b, l, d, ix);
    let k = b.ins().load(types::I64, flags, e, l.key);
    let same = b.ins().icmp(IntCC::Equal, k, key);
    b.ins().brif(same, found, &[], slow, &[]);
    b.switch_to_block(found);
    let v = match has {
        true => b.ins().iconst(types::I64, 1),
        false => b.ins().load(types::I64, flags, e, l.value),
    };
    b.ins().jump(cont, &[BlockArg::Value(v)]);
    b.switch_to_block(slow);
    let helper = if has { rt::dict_has_str as *const () as usize } else { rt::dict_get_str as *const () as usize };
    let r = call_helper(b, target, helper, &[d, key], types::I64);
    b.ins().jump(cont, &[BlockArg::Value(r)]);
    b.switch_to_block(cont);
    result
}

/// The address of entry `at` of dict `d`.
pub(super) fn dict_entry_addr(b: &mut FunctionBuilder, l: &rt::DictLayout, d: Value, at: Value) -> Value {
    let p = b.ins().band_imm_s(d, PAYLOAD_MASK);
    let entries = b.ins().load(types::I64, MemFlagsData::trusted(), p, l.entries);
    let off = b.ins().imul_imm_s(at, l.entry_size);
    b.ins().iadd(entries, off)
}

/// `dict_next(d, i, n)` inline when entry `i` is live and the dict still has `n` entries (a
/// dict without deletions); the helper otherwise.
pub(super) fn dict_next_inline(b: &mut FunctionBuilder, target: &cranelift_codegen::isa::TargetFrontendConfig, l: &rt::DictLayout, d: Value, i: Value, n: Value) -> Value {
    let flags = MemFlagsData::trusted();
    let p = b.ins().band_imm_s(d, PAYLOAD_MASK);
    let used = b.ins().load(types::I64, flags, p, l.used);
    let raw_len = b.ins().load(types::I64, flags, p, l.entries_len);
    let same = b.ins().icmp(IntCC::Equal, used, n);
    // Unsigned: a negative `i` is out of range too.
    let inside = b.ins().icmp(IntCC::UnsignedLessThan, i, raw_len);
    let ok = b.ins().band(same, inside);
    let (look, slow, cont) = (b.create_block(), b.create_block(), b.create_block());
    b.set_cold_block(slow);
    let result = b.append_block_param(cont, types::I64);
    b.ins().brif(ok, look, &[], slow, &[]);
    b.switch_to_block(look);
    let e = dict_entry_addr(b, l, d, i);
    let key = b.ins().load(types::I64, flags, e, l.key);
    let live = b.ins().icmp_imm_s(IntCC::NotEqual, key, rpy_interpreter::value::Value::NULL.bits() as i64);
    b.ins().brif(live, cont, &[BlockArg::Value(i)], slow, &[]);
    b.switch_to_block(slow);
    let r = call_helper(b, target, rt::dict_next as *const () as usize, &[d, i, n], types::I64);
    b.ins().jump(cont, &[BlockArg::Value(r)]);
    b.switch_to_block(cont);
    result
}

/// The `__dict__` of the plain instance `obj` (kept at byte `dict_at` of the object): its bits
/// and its object's address.
fn instance_dict(b: &mut FunctionBuilder, dict_at: i32, obj: Value) -> (Value, Value) {
    let p = b.ins().band_imm_s(obj, PAYLOAD_MASK);
    let d = b.ins().load(types::I64, MemFlagsData::trusted(), p, dict_at);
    (d, b.ins().band_imm_s(d, PAYLOAD_MASK))
}

/// The instance's dict (its object's address), and the address of its entry `hint` when that entry has the
/// very key `name` (names are interned); branches to `slow` otherwise.
fn hinted_entry(b: &mut FunctionBuilder, l: &rt::DictLayout, dict_at: i32, obj: Value, name: Value, hint: u64, slow: Block) -> (Value, Value) {
    let flags = MemFlagsData::trusted();
    let (d, dp) = instance_dict(b, dict_at, obj);
    let raw_len = b.ins().load(types::I64, flags, dp, l.entries_len);
    let at = b.ins().iconst(types::I64, hint as i64);
    let inside = b.ins().icmp(IntCC::UnsignedLessThan, at, raw_len);
    let (look, found) = (b.create_block(), b.create_block());
    b.ins().brif(inside, look, &[], slow, &[]);
    b.switch_to_block(look);
    let e = dict_entry_addr(b, l, d, at);
    let key = b.ins().load(types::I64, flags, e, l.key);
    let same = b.ins().icmp(IntCC::Equal, key, name);
    b.ins().brif(same, found, &[], slow, &[]);
    b.switch_to_block(found);
    (dp, e)
}

/// `inst_getattr(obj, name, hint)` inline when entry `hint` of the instance's dict has the
/// very key `name`: a load of the value; the helper otherwise.
#[allow(clippy::too_many_arguments)]
pub(super) fn inst_getattr_inline(b: &mut FunctionBuilder, target: &cranelift_codegen::isa::TargetFrontendConfig, l: &rt::DictLayout, dict_at: i32, obj: Value, name: Value, hint: u64) -> Value {
    let (slow, cont) = (b.create_block(), b.create_block());
    b.set_cold_block(slow);
    let result = b.append_block_param(cont, types::I64);
    let (_, e) = hinted_entry(b, l, dict_at, obj, name, hint, slow);
    let v = b.ins().load(types::I64, MemFlagsData::trusted(), e, l.value);
    b.ins().jump(cont, &[BlockArg::Value(v)]);
    b.switch_to_block(slow);
    let h = b.ins().iconst(types::I64, hint as i64);
    let r = call_helper(b, target, rt::inst_getattr as *const () as usize, &[obj, name, h], types::I64);
    b.ins().jump(cont, &[BlockArg::Value(r)]);
    b.switch_to_block(cont);
    result
}

/// `inst_getattr(obj, name, absent)` (the check that the instance does not shadow a method):
/// NULL inline when probing the dict's index table for `name`'s hash `hash` (the dict's own
/// probe sequence) reaches an empty slot before any entry with that hash; the helper
/// otherwise (an entry with that hash may hold the name).
#[allow(clippy::too_many_arguments)]
pub(super) fn inst_absent_inline(b: &mut FunctionBuilder, target: &cranelift_codegen::isa::TargetFrontendConfig, l: &rt::DictLayout, dict_at: i32, obj: Value, name: Value, hash: i64) -> Value {
    use rpy_interpreter::dict::Dict;
    let flags = MemFlagsData::trusted();
    let (slow, cont, probe, live, next) = (b.create_block(), b.create_block(), b.create_block(), b.create_block(), b.create_block());
    b.set_cold_block(slow);
    let result = b.append_block_param(cont, types::I64);
    let (_, dp) = instance_dict(b, dict_at, obj);
    let len = b.ins().load(types::I64, flags, dp, l.indices_len);
    let table = b.ins().load(types::I64, flags, dp, l.indices);
    let entries = b.ins().load(types::I64, flags, dp, l.entries);
    // The table's length is a power of two (0 for a dict never written), and it always has
    // an empty slot, so the probe ends.
    let mask = b.ins().iadd_imm_s(len, -1);
    let h = b.ins().iconst(types::I64, hash);
    let first = b.ins().band(h, mask);
    let nonempty = b.ins().icmp_imm_s(IntCC::NotEqual, len, 0);
    let (slot, perturb) = (b.append_block_param(probe, types::I64), b.append_block_param(probe, types::I64));
    b.ins().brif(nonempty, probe, &[BlockArg::Value(first), BlockArg::Value(h)], slow, &[]);
    b.switch_to_block(probe);
    let off = b.ins().imul_imm_s(slot, 4);
    let at = b.ins().iadd(table, off);
    let ix = b.ins().uload32(flags, at, 0);
    let empty = b.ins().icmp_imm_s(IntCC::Equal, ix, Dict::EMPTY_SLOT as i64);
    let null = b.ins().iconst(types::I64, rpy_interpreter::value::Value::NULL.bits() as i64);
    let check = b.create_block();
    b.ins().brif(empty, cont, &[BlockArg::Value(null)], check, &[]);
    b.switch_to_block(check);
    let dummy = b.ins().icmp_imm_s(IntCC::Equal, ix, Dict::DUMMY_SLOT as i64);
    b.ins().brif(dummy, next, &[], live, &[]);
    b.switch_to_block(live);
    let eoff = b.ins().imul_imm_s(ix, l.entry_size);
    let e = b.ins().iadd(entries, eoff);
    let eh = b.ins().load(types::I64, flags, e, l.hash);
    let same_hash = b.ins().icmp(IntCC::Equal, eh, h);
    b.ins().brif(same_hash, slow, &[], next, &[]);
    b.switch_to_block(next);
    let perturb = b.ins().ushr_imm_s(perturb, 5);
    let i5 = b.ins().imul_imm_s(slot, 5);
    let i5 = b.ins().iadd_imm_s(i5, 1);
    let i5 = b.ins().iadd(i5, perturb);
    let i5 = b.ins().band(i5, mask);
    b.ins().jump(probe, &[BlockArg::Value(i5), BlockArg::Value(perturb)]);
    b.switch_to_block(slow);
    let h = b.ins().iconst(types::I64, u64::MAX as i64);
    let r = call_helper(b, target, rt::inst_getattr as *const () as usize, &[obj, name, h], types::I64);
    b.ins().jump(cont, &[BlockArg::Value(r)]);
    b.switch_to_block(cont);
    result
}

/// `inst_setattr(obj, name, value, hint)` inline when entry `hint` of the instance's dict has
/// the very key `name` and neither its value nor `value` is a heap object (no reference counts
/// change): the value is replaced and the dict gets a new stamp; the helper otherwise. 1 (done).
#[allow(clippy::too_many_arguments)]
pub(super) fn inst_setattr_inline(b: &mut FunctionBuilder, target: &cranelift_codegen::isa::TargetFrontendConfig, l: &rt::DictLayout, dict_at: i32, obj: Value, name: Value, value: Value, hint: u64) -> Value {
    let flags = MemFlagsData::trusted();
    let (slow, cont, store) = (b.create_block(), b.create_block(), b.create_block());
    b.set_cold_block(slow);
    let result = b.append_block_param(cont, types::I8);
    let (dp, e) = hinted_entry(b, l, dict_at, obj, name, hint & !rt::RELEASE_NOW, slow);
    let old = b.ins().load(types::I64, flags, e, l.value);
    let heap_old = is_heap_bits(b, old);
    let heap_new = is_heap_bits(b, value);
    let heap = b.ins().bor(heap_old, heap_new);
    b.ins().brif(heap, slow, &[], store, &[]);
    b.switch_to_block(store);
    b.ins().store(flags, value, e, l.value);
    let counter = b.ins().iconst(types::I64, rpy_interpreter::dict::version_counter_addr() as i64);
    let n = b.ins().load(types::I64, flags, counter, 0);
    let n = b.ins().iadd_imm_s(n, 1);
    b.ins().store(flags, n, counter, 0);
    b.ins().store(flags, n, dp, l.stamp);
    let one = b.ins().iconst(types::I8, 1);
    b.ins().jump(cont, &[BlockArg::Value(one)]);
    b.switch_to_block(slow);
    let h = b.ins().iconst(types::I64, hint as i64);
    let r = call_helper(b, target, rt::inst_setattr as *const () as usize, &[obj, name, value, h], types::I8);
    b.ins().jump(cont, &[BlockArg::Value(r)]);
    b.switch_to_block(cont);
    result
}
