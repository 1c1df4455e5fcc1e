//! The `ForIter` at a loop trace's header: the next item of the loop's iterator (a list, a
//! dict's items or a range), read from the iterator state the trace carries as homes, and
//! executed on the real iterator as the interpreter would.

use super::{list_item, Abort, Home, Kind, Rec, Sym, LOOP_ENDS};
use super::{dict_items_state, range_state, seq_state, set_iter_index};
use crate::ir::OpKind;
use crate::runtime::ObjType;
use rpy_interpreter::bytecode::{Code, Instr};
use rpy_interpreter::object::{Iter, Obj, ObjKind};
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::frame::Frame;

/// Records the header's `ForIter` at `pc` in frame `f` and performs it; the pc to go on at
/// (for `d.items()`, past the `UnpackSequence` it stands for). Ends the recording with
/// `LOOP_ENDS` when the iterator is exhausted.
pub(super) fn for_iter(r: &mut Rec, f: &mut Frame, code: &Code, pc: usize) -> Result<usize, Abort> {
    if let Some((seq, idx)) = f.stack.last().and_then(seq_state) {
        let Some((item, _)) = list_item(&seq, idx) else {
            return Err(LOOP_ENDS.into());
        };
        let kind = Kind::of(&item).ok_or("list item of a type the JIT does not handle")?;
        let sl = r.read_home(Home::IterSeq, &seq)?;
        let si = r.read_home(Home::IterIdx, &Value::small_int(idx).ok_or("index")?)?;
        let (Sym::List(l), Sym::Int(i)) = (sl, si) else {
            return Err("list iterator state".into());
        };
        let len = r.emit(OpKind::ListLen, vec![l], 0);
        let more = r.emit(OpKind::IntLt, vec![i, len], 0);
        r.guard(OpKind::GuardTrue, more);
        let data = r.emit(OpKind::ListData, vec![l], 0);
        let s = r.list_load(&seq, l, data, i, kind)?;
        let one = r.const_int(1);
        let i2 = r.emit(OpKind::IntAdd, vec![i, one], 0);
        r.write_home(Home::IterIdx, Sym::Int(i2))?;
        r.stack.push(s);
        set_iter_index(f.stack.last(), idx as usize + 1);
        f.stack.push(item);
        return Ok(pc + 1);
    }
    if let Some((dict, idx, len)) = f.stack.last().and_then(dict_items_state) {
        // `for k, v in d.items()`: the pair goes straight to the two names (the
        // item tuple is never built).
        if !matches!(code.instrs.get(pc + 1), Some(Instr::UnpackSequence(2))) {
            return Err("dict items not unpacked into two targets".into());
        }
        let small = |x: i64| Value::small_int(x).ok_or("dict iterator state");
        let j = crate::runtime::dict_next(dict.bits(), idx, len);
        if j < 0 {
            return Err(LOOP_ENDS.into());
        }
        let (kb, vb) = (crate::runtime::dict_key(dict.bits(), j), crate::runtime::dict_value(dict.bits(), j));
        // SAFETY: live entry `j` of the dict holds both.
        let (key, value) = unsafe { (Value::clone_from_bits(kb), Value::clone_from_bits(vb)) };
        let kk = Kind::of(&key).ok_or("dict key of a type the JIT does not handle")?;
        let vk = Kind::of(&value).ok_or("dict value of a type the JIT does not handle")?;
        let sd = r.read_home(Home::IterDict, &dict)?;
        let si = r.read_home(Home::IterDictIdx, &small(idx)?)?;
        let sn = r.read_home(Home::IterDictLen, &small(len)?)?;
        let (Sym::Obj(d, ObjType::Dict), Sym::Int(i), Sym::Int(n)) = (sd, si, sn) else {
            return Err("dict iterator state".into());
        };
        let at = r.emit(OpKind::DictNext, vec![d, i, n], 0);
        let zero = r.const_int(0);
        let found = r.emit(OpKind::IntGe, vec![at, zero], 0);
        r.guard(OpKind::GuardTrue, found);
        let ke = r.emit(OpKind::DictKey, vec![d, at], 0);
        let ks = r.typed(ke, kk)?;
        let ve = r.emit(OpKind::DictValue, vec![d, at], 0);
        let vs = r.typed(ve, vk)?;
        let one = r.const_int(1);
        let i2 = r.emit(OpKind::IntAdd, vec![at, one], 0);
        r.write_home(Home::IterDictIdx, Sym::Int(i2))?;
        r.stack.push(vs);
        r.stack.push(ks);
        set_iter_index(f.stack.last(), j as usize + 1);
        f.stack.push(value);
        f.stack.push(key);
        return Ok(pc + 2);
    }
    let Some((cur, step, remaining)) = f.stack.last().and_then(range_state) else {
        return Err("for loop over something other than a small-int range, a list or dict items".into());
    };
    if remaining <= 0 {
        return Err(LOOP_ENDS.into());
    }
    let Some(after) = cur.checked_add(step).filter(|x| Value::small_int(*x).is_some()) else {
        return Err("range value outside the inline int range".into());
    };
    let small = |x: i64| Value::small_int(x).ok_or("range state");
    let sc = r.read_home(Home::IterCur, &small(cur)?)?;
    let ss = r.read_home_value(Home::IterStep, step);
    let sr = r.read_home(Home::IterRemaining, &small(remaining)?)?;
    let (Sym::Int(c), Sym::Int(st), Sym::Int(rem)) = (sc, ss, sr) else {
        return Err("range state".into());
    };
    let zero = r.const_int(0);
    let more = r.emit(OpKind::IntGt, vec![rem, zero], 0);
    r.guard(OpKind::GuardTrue, more);
    let one = r.const_int(1);
    let rem2 = r.emit(OpKind::IntSub, vec![rem, one], 0);
    let c2 = r.emit_guard(OpKind::IntAddOvf, vec![c, st]);
    r.write_home(Home::IterRemaining, Sym::Int(rem2))?;
    r.write_home(Home::IterCur, Sym::Int(c2))?;
    r.stack.push(Sym::Int(c));
    // Execute it, as the interpreter's inline range path does.
    if let Some(Obj { kind: ObjKind::Iter(cell) }) = f.stack.last().and_then(|v| v.as_obj()) {
        if let Iter::Range { cur, remaining, .. } = &mut *cell.borrow_mut() {
            *cur = after;
            *remaining -= 1;
        }
    }
    f.stack.push(small(cur)?);
    Ok(pc + 1)
}
