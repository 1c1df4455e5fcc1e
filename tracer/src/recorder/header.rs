//! The `ForIter` at a loop trace's header: the next item of the loop's iterator (a list, a
//! dict's items, a range, a tuple, `enumerate` of a list, tuple or range, or `zip` of lists and tuples), read from the iterator state the trace carries as homes, and
//! executed on the real iterator as the interpreter would.

use super::{list_item, tuple_item, Abort, Home, Kind, Rec, Sym, V, LOOP_ENDS};
use super::{dict_items_state, enumerate_count, with_header_iter, range_state, seq_state, set_enumerate_count, set_iter_index, zip_iters};
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
    let top = f.stack.last().ok_or("no iterator")?.clone();
    if let Some(n) = enumerate_count(&top) {
        return enumerate(r, f, code, pc, &top, n);
    }
    if let Some(its) = zip_iters(&top) {
        return zip(r, f, code, pc, &its);
    }
    if seq_state(&top).is_some() {
        let (s, item) = list_next(r, &top)?;
        r.stack.push(s);
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
    if range_state(&top).is_none() {
        return Err("for loop over something other than a small-int range, a list, dict items or enumerate".into());
    }
    let (s, item) = range_next(r, &top)?;
    r.stack.push(s);
    f.stack.push(item);
    Ok(pc + 1)
}

/// `for i, x in enumerate(it)` where `it` is a list or a range iterator: the pair goes
/// straight to the two names (the tuple is never built). The count is an int home
/// (`IterCount`); the wrapped iterator's state is kept as for a loop over it.
fn enumerate(r: &mut Rec, f: &mut Frame, code: &Code, pc: usize, it: &Value, n: i64) -> Result<usize, Abort> {
    if !matches!(code.instrs.get(pc + 1), Some(Instr::UnpackSequence(2))) {
        return Err("enumerate items not unpacked into two targets".into());
    }
    let inner = with_header_iter(&f.stack, f.stack.len(), true, |it| Some(it.clone())).ok_or("enumerate state")?;
    let next = n.checked_add(1).filter(|x| Value::small_int(*x).is_some()).ok_or("enumerate count outside the inline int range")?;
    let Sym::Int(c) = r.read_home(Home::IterCount, &Value::small_int(n).ok_or("enumerate count")?)? else {
        return Err("enumerate count".into());
    };
    // Every guard before any home is written: exits resume at the `ForIter`, which redoes
    // the whole step.
    let one = r.const_int(1);
    let c2 = r.emit_guard(OpKind::IntAddOvf, vec![c, one]);
    let (s, item) = if seq_state(&inner).is_some() {
        list_next(r, &inner)?
    } else if range_state(&inner).is_some() {
        range_next(r, &inner)?
    } else {
        return Err("enumerate of something other than a list or a small-int range".into());
    };
    r.write_home(Home::IterCount, Sym::Int(c2))?;
    set_enumerate_count(Some(it), Value::small_int(next).ok_or("enumerate count")?);
    r.stack.push(s);
    r.stack.push(Sym::Int(c));
    f.stack.push(item);
    f.stack.push(Value::small_int(n).ok_or("enumerate count")?);
    Ok(pc + 2)
}

/// Most iterators a traced `zip` loop zips.
const MAX_ZIP: usize = 4;

/// `for a, b in zip(xs, ys)` over list or tuple iterators: the items go straight to the
/// names (the tuple is never built). Every iterator's guards come before any index is
/// written: an exit resumes at the `ForIter`, and the interpreter's `zip` then decides what
/// an exhausted iterator means (stop, or raise for `strict=True`).
fn zip(r: &mut Rec, f: &mut Frame, code: &Code, pc: usize, its: &[Value]) -> Result<usize, Abort> {
    let n = its.len();
    if n == 0 || n > MAX_ZIP || !matches!(code.instrs.get(pc + 1), Some(Instr::UnpackSequence(c)) if *c as usize == n) {
        return Err("zip of more than four iterators, or its items not unpacked into names".into());
    }
    if !its.iter().all(|it| seq_state(it).is_some()) {
        return Err("zip of something other than lists and tuples".into());
    }
    r.read_home_value(Home::ZipArity, n as i64);
    let steps = its.iter().enumerate().map(|(k, it)| seq_step(r, it, Home::ZipSeq(k as u32), Home::ZipIdx(k as u32))).collect::<Result<Vec<_>, _>>()?;
    for (it, step) in its.iter().zip(&steps) {
        step.commit(r, it)?;
    }
    for step in steps.into_iter().rev() {
        r.stack.push(step.sym);
        f.stack.push(step.item);
    }
    Ok(pc + 2)
}

/// One step of a list or tuple iterator, recorded up to its guards and loads; `commit`
/// writes its index home and advances the real iterator.
struct SeqStep {
    sym: Sym,
    item: Value,
    next: V,
    idx: i64,
    idx_home: Home,
}

impl SeqStep {
    fn commit(&self, r: &mut Rec, it: &Value) -> Result<(), Abort> {
        r.write_home(self.idx_home, Sym::Int(self.next))?;
        set_iter_index(Some(it), self.idx as usize + 1);
        Ok(())
    }
}

/// The next item of the list or tuple iterator `it` (the state homes `IterSeq`, `IterIdx`):
/// recorded (its guards, then the index written), and advanced for real.
fn list_next(r: &mut Rec, it: &Value) -> Result<(Sym, Value), Abort> {
    let step = seq_step(r, it, Home::IterSeq, Home::IterIdx)?;
    step.commit(r, it)?;
    Ok((step.sym, step.item))
}

/// The guards and loads of a step of list or tuple iterator `it`, whose state is in homes
/// `seq_home` and `idx_home`.
fn seq_step(r: &mut Rec, it: &Value, seq_home: Home, idx_home: Home) -> Result<SeqStep, Abort> {
    let (seq, idx) = seq_state(it).ok_or("list iterator state")?;
    if ObjType::of(&seq) == Some(ObjType::Str) {
        return str_step(r, &seq, idx, seq_home, idx_home);
    }
    let item = match list_item(&seq, idx) {
        Some((item, _)) => Some(item),
        None => tuple_item(&seq, idx).filter(|_| idx >= 0),
    };
    let Some(item) = item else {
        return Err(LOOP_ENDS.into());
    };
    let kind = Kind::of(&item).ok_or("list item of a type the JIT does not handle")?;
    let sl = r.read_home(seq_home, &seq)?;
    let si = r.read_home(idx_home, &Value::small_int(idx).ok_or("index")?)?;
    let (len, data) = match sl {
        Sym::List(_) => (OpKind::ListLen, OpKind::ListData),
        Sym::Obj(_, ObjType::Tuple) => (OpKind::TupleLen, OpKind::TupleData),
        _ => return Err("sequence iterator state".into()),
    };
    let (Sym::List(l) | Sym::Obj(l, _), Sym::Int(i)) = (sl, si) else {
        return Err("sequence iterator state".into());
    };
    let len = r.emit(len, vec![l], 0);
    let more = r.emit(OpKind::IntLt, vec![i, len], 0);
    r.guard(OpKind::GuardTrue, more);
    let data = r.emit(data, vec![l], 0);
    let s = match sl {
        Sym::List(_) => r.list_load(&seq, l, data, i, kind)?,
        _ => r.load_elem(data, i, kind)?,
    };
    let one = r.const_int(1);
    let next = r.emit(OpKind::IntAdd, vec![i, one], 0);
    Ok(SeqStep { sym: s, item, next, idx, idx_home })
}

/// One step of a str iterator (state: the str and a byte offset) at an ASCII character:
/// the character is one of the interpreter's shared one-character strs. At any other
/// character, as at the end, the guard leaves the trace and the interpreter takes the step.
fn str_step(r: &mut Rec, s: &Value, byte: i64, seq_home: Home, idx_home: Home) -> Result<SeqStep, Abort> {
    let c = crate::runtime::str_byte(s.bits(), byte);
    if c < 0 {
        let at_end = rpy_interpreter::vm::str_of(s).is_some_and(|t| byte as usize >= t.len());
        return Err(if at_end { LOOP_ENDS.into() } else { "str iteration at a non-ASCII character".into() });
    }
    let item = rpy_interpreter::vm::char_str(c as u8 as char);
    let sl = r.read_home(seq_home, s)?;
    let si = r.read_home(idx_home, &Value::small_int(byte).ok_or("index")?)?;
    let (Sym::Obj(sv, ObjType::Str), Sym::Int(i)) = (sl, si) else {
        return Err("str iterator state".into());
    };
    let b = r.emit(OpKind::StrByte, vec![sv, i], 0);
    let z = r.const_int(0);
    let ascii = r.emit(OpKind::IntGe, vec![b, z], 0);
    r.guard(OpKind::GuardTrue, ascii);
    let ch = r.emit(OpKind::CharStr, vec![b], 0);
    let one = r.const_int(1);
    let next = r.emit(OpKind::IntAdd, vec![i, one], 0);
    Ok(SeqStep { sym: Sym::Obj(ch, ObjType::Str), item, next, idx: byte, idx_home })
}

/// The next value of the small-int range iterator `it` (the state homes `IterCur`,
/// `IterStep`, `IterRemaining`): recorded and advanced for real.
fn range_next(r: &mut Rec, it: &Value) -> Result<(Sym, Value), Abort> {
    let (cur, step, remaining) = range_state(it).ok_or("range state")?;
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
    // Execute it, as the interpreter's inline range path does.
    if let Some(Obj { kind: ObjKind::Iter(cell) }) = it.as_obj() {
        if let Iter::Range { cur, remaining, .. } = &mut *cell.borrow_mut() {
            *cur = after;
            *remaining -= 1;
        }
    }
    Ok((Sym::Int(c), small(cur)?))
}
