//! Turning a recorded iteration into a trace: entry loads and guards, phis, the body with
//! each guard's snapshot, and the closing `jump` (loop) or `exit` (bridge).

use super::{Abort, Dest, ExitMap, ExitVal, Kind, Rec, Recorded, Start, Sym, V};
use crate::ir::{OpKind, OpRef, Trace};
use crate::opt::licm::ENTRY_EXIT;
use rpy_interpreter::value::Value;

/// Builds the trace. A loop: entry loads and guards, label, phis, the interrupt poll, the
/// body, jump. A bridge: entry loads and guards, the body, and an `exit` that writes the
/// homes back and resumes at the header.
pub(super) fn finish(mut r: Rec, start: &Start, nfast: usize, stack_in: usize, length: usize) -> Result<Recorded, Abort> {
    let bridge = start.bridge;
    let mut t = Trace::new();
    // Kind of each home's entry value, as first read. A home a loop writes before it reads
    // it has no entry value the trace uses: the frame holds whatever it held (unbound, on a
    // loop's first iteration in a fresh frame), which exits before the first write must
    // leave alone. An int or float such home (`lazy[k]`) is carried unboxed with the value
    // the previous iteration wrote, and exits before the write in the first iteration skip
    // it (a `first` flag in the snapshot says which iteration it is). Any other one is
    // carried boxed (`boxed[k]`), entering with the frame's value.
    let mut kinds = Vec::with_capacity(r.homes.len());
    let mut boxed = vec![false; r.homes.len()];
    let mut lazy = vec![false; r.homes.len()];
    for (k, h) in r.homes.iter().enumerate() {
        let end = h.cur.and_then(Kind::of_sym);
        let kind = match (h.entry, end) {
            (Some(k), Some(e)) if !bridge && h.written && k != e => return Err(format!("{:?} changes type in the loop", h.home)),
            (Some(k), _) => Some(k),
            (None, Some(e)) if !bridge => {
                if matches!(e, Kind::Int | Kind::Float) {
                    lazy[k] = true;
                    Some(e)
                } else {
                    boxed[k] = true;
                    None
                }
            }
            // A bool the loop writes before it reads it (a flag): carried boxed.
            (None, None) if !bridge && h.written && matches!(h.cur, Some(Sym::Bool(..))) => {
                boxed[k] = true;
                None
            }
            (None, _) => None,
        };
        kinds.push(kind);
    }
    // The boxed next values of the homes carried boxed, computed at the end of the body.
    let mut boxed_next: Vec<Option<V>> = vec![None; r.homes.len()];
    if !bridge {
        for k in (0..r.homes.len()).filter(|&k| boxed[k]) {
            let s = r.homes[k].cur.ok_or("home without a value")?;
            boxed_next[k] = Some(r.boxed(s)?);
        }
    }
    // Slots: one per home with an entry value.
    let mut homes = Vec::new();
    let mut entry: Vec<Option<OpRef>> = vec![None; r.homes.len()];
    for (k, h) in r.homes.iter().enumerate() {
        if boxed[k] {
            entry[k] = Some(t.push(OpKind::LoadSlot, vec![], homes.len() as u64, None));
            homes.push(h.home);
            continue;
        }
        if lazy[k] {
            // No entry value: a placeholder, which no exit hands back.
            entry[k] = Some(match kinds[k] {
                Some(Kind::Float) => t.push(OpKind::ConstFloat, vec![], 0f64.to_bits(), None),
                _ => t.push(OpKind::ConstInt, vec![], 0, None),
            });
            continue;
        }
        let Some(kind) = kinds[k] else { continue };
        let slot = t.push(OpKind::LoadSlot, vec![], homes.len() as u64, None);
        homes.push(h.home);
        if matches!(kind, Kind::Bool(_)) && !bridge {
            return Err("bool carried around a loop".into());
        }
        let bool_bits = match kind {
            Kind::Bool(b) => Some(Value::bool(b).bits()),
            _ => None,
        };
        entry[k] = Some(guarded_entry(&mut t, slot, kind, bool_bits)?);
        // A loop trace speculates that an int input stays near the value it was recorded
        // with (`opt/ranges.rs` drops the speculation where it proves nothing).
        if let (false, Kind::Int, Some(bits)) = (bridge, kind, h.range_bits) {
            t.push(OpKind::GuardIntRange, vec![entry[k].ok_or("int entry")?], bits as u64, Some(ENTRY_EXIT));
        }
    }
    // A loop trace owns a reference to the value of each owned home throughout: taken here,
    // after every entry guard (exit 0 hands nothing back), handed to the frame by every exit,
    // and given up at the jump for the old value (see `check_owned`).
    let moved = if bridge { vec![None; r.homes.len()] } else { super::ownership::moved_values(&mut r)? };
    let owned: Vec<usize> = if bridge { Vec::new() } else { (0..r.homes.len()).filter(|&k| r.homes[k].owned).collect() };
    if !owned.is_empty() {
        super::ownership::check_owned(&r, &owned, &boxed_next, &moved)?;
    }
    for &k in &owned {
        let e = entry[k].ok_or("owned home without an entry value")?;
        entry[k] = Some(t.push(OpKind::IncRef, vec![e], 0, None));
    }
    let mut exits = vec![ExitMap { pc: start.pc, vals: Vec::new(), end: false, raise: false, chain: None, blocks: Vec::new(), virtuals: Vec::new() }];
    // Phi k: the phi op (loop) or entry value (bridge) standing for home k's value at the
    // start of the iteration.
    let mut phis: Vec<Option<OpRef>> = entry.clone();
    let mut interrupt_exit = u32::MAX;
    // The first-iteration flag (1 on entry, 0 after), when a home is lazy.
    let mut first = None;
    // When every lazy home is a `range` loop's variable, nothing is carried for them: their
    // previous value is the range's current value less its step, and the first iteration is
    // the one whose current value is the entry one.
    let derived = range_loop_variables(&r, &kinds, &lazy);
    if !bridge {
        let one = (lazy.contains(&true) && derived.is_none()).then(|| t.push(OpKind::ConstInt, vec![], 1, None));
        let step = derived.map(|(_, step)| t.push(OpKind::ConstInt, vec![], step as u64, None));
        t.push(OpKind::Label, vec![], 0, None);
        first = one.map(|one| t.push(OpKind::PhiInt, vec![one], 0, None));
        for (k, kind) in kinds.iter().enumerate() {
            if lazy[k] && derived.is_some() {
                continue;
            }
            if boxed[k] {
                let e = entry[k].ok_or("boxed home without an entry value")?;
                phis[k] = Some(t.push(OpKind::PhiRef, vec![e], 0, None));
                continue;
            }
            if let (Some(kind), Some(e)) = (kind, entry[k]) {
                let pk = match kind {
                    Kind::Int => OpKind::PhiInt,
                    Kind::Float => OpKind::PhiFloat,
                    Kind::List | Kind::Obj(_) => OpKind::PhiRef,
                    Kind::Bool(_) => return Err("bool carried around a loop".into()),
                    // A constant: no phi.
                    Kind::Exact(_) | Kind::IntValue(_) => continue,
                };
                phis[k] = Some(t.push(pk, vec![e], 0, None));
            }
        }
        if let (Some((cur, _)), Some(step)) = (derived, step) {
            let (c, c0) = (phis[cur].ok_or("range without a phi")?, entry[cur].ok_or("range without an entry value")?);
            first = Some(t.push(OpKind::IntEq, vec![c, c0], 0, None));
            let prev = t.push(OpKind::IntSub, vec![c, step], 0, None);
            for k in (0..lazy.len()).filter(|&k| lazy[k]) {
                let v = match r.homes[k].cur {
                    Some(Sym::Int(v) | Sym::Float(v)) => v,
                    _ => return Err("lazy home without a value".into()),
                };
                phis[k] = Some(recompute(&mut t, &r, v, cur, prev, &phis)?);
            }
        }
    }
    let mut ops: Vec<OpRef> = Vec::with_capacity(r.body.len());
    let map = |v: V, ops: &[OpRef]| -> Result<OpRef, Abort> {
        match v {
            V::Phi(k) => phis.get(k).copied().flatten().ok_or_else(|| "value of a home without an entry value".to_string()),
            V::Op(j) => ops.get(j).copied().ok_or_else(|| "forward reference".to_string()),
        }
    };
    // The homes a loop writes: every snapshot of a loop trace carries all of them (the frame
    // holds their values from trace entry, not from this iteration).
    let written: Vec<usize> = (0..r.homes.len()).filter(|&k| r.homes[k].written).collect();
    let snapshot = |t: &mut Trace, pc: usize, w: &[(usize, Sym)], stack: &[Sym], fresh: &[V], dropped: &[V], ops: &[OpRef], end: bool, chain: Option<super::Chain>| -> Result<(ExitMap, Vec<OpRef>), Abort> {
        let mut vals = Vec::new();
        let mut refs = Vec::new();
        let mut flagged = false;
        // A symbol, or (`Err`) a boxed value already in the trace.
        let mut add = |dest: Dest, s: Result<Sym, OpRef>, owned: bool, ops: &[OpRef]| -> Result<(), Abort> {
            let s = match s {
                Ok(s) => s,
                Err(boxed) => {
                    refs.push(boxed);
                    vals.push(ExitVal { dest, neg: false, owned });
                    return Ok(());
                }
            };
            let (r, neg) = match s {
                Sym::Int(v) | Sym::Float(v) | Sym::List(v) | Sym::Obj(v, _) => (map(v, ops)?, false),
                Sym::Bool(v, neg) => (map(v, ops)?, neg),
                Sym::Exact(b) => (t.push(OpKind::ConstRef, vec![], b, None), false),
                Sym::Tuple(_) | Sym::Iter(_) | Sym::Inst(_) | Sym::Boxed(_) => return Err("virtual object or call result at an exit of a loop".into()),
            };
            refs.push(r);
            vals.push(ExitVal { dest, neg, owned });
            Ok(())
        };
        // Old values of owned homes written in this iteration: given up last, unless another
        // home written by now holds one (`a, b = b, a + b`): that home owns it once the owned
        // home has another value, and borrows it before.
        let mut drops = Vec::new();
        let old_of = |s: &Sym| match *s {
            Sym::Obj(V::Phi(x), _) | Sym::List(V::Phi(x)) => Some(x),
            _ => None,
        };
        let held = |k: usize| w.iter().any(|(j, s)| *j != k && old_of(s) == Some(k));
        let replaced = |k: usize| w.iter().any(|(j, s)| *j == k && old_of(s) != Some(k));
        for &k in &written {
            let mut owned = r.homes[k].owned;
            let s = match w.iter().find(|(j, _)| *j == k) {
                Some(&(_, s)) => {
                    if owned && !bridge && !held(k) {
                        drops.push(k);
                    }
                    if let Some(k2) = old_of(&s).filter(|&k2| k2 != k && r.homes[k2].owned && !bridge) {
                        owned = replaced(k2);
                    }
                    s
                }
                None if bridge => continue,
                None if boxed[k] => {
                    // Not written yet in this iteration: the boxed value it came in with.
                    add(Dest::Home(r.homes[k].home), Err(phis[k].ok_or("boxed home without a phi")?), owned, ops)?;
                    continue;
                }
                None if lazy[k] => {
                    // Not written yet in this iteration: the previous iteration's value,
                    // unless this is the first iteration.
                    let flag = first.ok_or("lazy home without the first-iteration flag")?;
                    if !flagged {
                        add(Dest::FirstIteration, Err(flag), false, ops)?;
                        flagged = true;
                    }
                    let s = kinds[k].ok_or("home without a kind")?.sym(V::Phi(k));
                    add(Dest::HomeAfterFirst(r.homes[k].home), Ok(s), false, ops)?;
                    continue;
                }
                None => kinds[k].ok_or("home without a kind")?.sym(V::Phi(k)),
            };
            add(Dest::Home(r.homes[k].home), Ok(s), owned, ops)?;
        }
        for &s in stack {
            add(Dest::Push, Ok(s), super::rec::owned_by(fresh, s), ops)?;
        }
        for k in drops {
            add(Dest::Drop, Err(phis[k].ok_or("owned home without a phi")?), true, ops)?;
        }
        for &v in dropped {
            add(Dest::Drop, Err(map(v, ops)?), true, ops)?;
        }
        Ok((ExitMap { pc, vals, end, raise: false, chain, blocks: Vec::new(), virtuals: Vec::new() }, refs))
    };
    if !bridge {
        let (m, refs) = snapshot(&mut t, start.header, &[], &[], &[], &[], &ops, false, None)?;
        interrupt_exit = exits.len() as u32;
        exits.push(m);
        t.push_guard(OpKind::GuardNoInterrupt, vec![], 0, interrupt_exit, refs);
    }
    let free_now = super::ownership::release_now(&r);
    for (j, op) in r.body.iter().enumerate() {
        let args = op.args.iter().map(|&v| map(v, &ops)).collect::<Result<Vec<_>, _>>()?;
        let imm = if free_now[j] { op.imm | crate::runtime::RELEASE_NOW } else { op.imm };
        let o = match op.snap {
            Some(si) => {
                let s = &r.snaps[si];
                let (mut m, refs) = snapshot(&mut t, s.pc, &s.written, &s.stack, &s.fresh, &s.drops, &ops, false, s.chain)?;
                m.blocks = s.blocks.clone();
                let n = exits.len() as u32;
                exits.push(m);
                t.push_guard(op.kind, args, imm, n, refs)
            }
            None => t.push(op.kind, args, op.imm, None),
        };
        ops.push(o);
    }
    let finals: Vec<(usize, Sym)> = written.iter().filter_map(|&k| r.homes[k].cur.map(|s| (k, s))).collect();
    if bridge {
        let (m, refs) = snapshot(&mut t, start.header, &finals, &[], &[], &[], &ops, true, None)?;
        let n = exits.len() as u32;
        exits.push(m);
        t.push_guard(OpKind::Exit, vec![], 0, n, refs);
    } else {
        let mut jump_args = Vec::new();
        if first.is_some() && derived.is_none() {
            jump_args.push(t.push(OpKind::ConstInt, vec![], 0, None));
        }
        for (k, h) in r.homes.iter().enumerate() {
            if let Some(v) = boxed_next[k] {
                jump_args.push(map(v, &ops)?);
                continue;
            }
            if lazy[k] && derived.is_some() {
                continue;
            }
            if phis[k].is_none() || kinds[k].is_none_or(|k| matches!(k, Kind::Exact(_) | Kind::IntValue(_))) {
                continue;
            }
            let s = h.cur.ok_or("home without a value")?;
            let v = match s {
                Sym::Int(v) | Sym::Float(v) | Sym::List(v) | Sym::Obj(v, _) => v,
                Sym::Bool(..) | Sym::Exact(_) | Sym::Tuple(_) | Sym::Iter(_) | Sym::Inst(_) | Sym::Boxed(_) => return Err("bool or object in a variable".into()),
            };
            jump_args.push(map(v, &ops)?);
        }
        for &k in owned.iter().filter(|&&k| moved[k].is_none()) {
            t.push(OpKind::DecRef, vec![phis[k].ok_or("owned home without a phi")?], 0, None);
        }
        t.push(OpKind::Jump, jump_args, 0, None);
    }
    Ok(Recorded { trace: t, homes, exits, start: start.pc, base: start.base, stack_in, nfast, length, interrupt_exit, keep: r.keep, names: r.names, inner: r.inner })
}

/// When every lazy home (there is one) ends the iteration holding the value a `range` loop's
/// header read as the current value (the loop variable), or a value computed from it by
/// `recomputable` arithmetic, the home of that current value and the (constant) step.
fn range_loop_variables(r: &Rec, kinds: &[Option<Kind>], lazy: &[bool]) -> Option<(usize, i64)> {
    let home = |h: super::Home| r.homes.iter().position(|s| s.home == h);
    let (cur, step) = (home(super::Home::IterCur)?, home(super::Home::IterStep)?);
    let Some(Kind::IntValue(step)) = kinds[step] else { return None };
    let all = (0..lazy.len()).filter(|&k| lazy[k]).all(|k| match r.homes[k].cur {
        Some(Sym::Int(v) | Sym::Float(v)) => recomputable(r, v, cur, MAX_RECOMPUTE),
        _ => false,
    });
    (lazy.contains(&true) && all && kinds[cur] == Some(Kind::Int)).then_some((cur, step))
}

/// Most ops a lazy home's previous value is recomputed with in an exit.
const MAX_RECOMPUTE: usize = 8;

/// The unchecked op that recomputes a body op's value, when it is arithmetic without effects
/// (a checked op did not overflow when the previous iteration computed it).
fn recompute_kind(kind: OpKind) -> Option<OpKind> {
    use OpKind::*;
    if let Some(k) = kind.unchecked() {
        return Some(k);
    }
    Some(match kind {
        IntAdd | IntSub | IntMul | FloatAdd | FloatSub | FloatMul | FloatNeg | IntToFloat | ConstInt | ConstFloat => kind,
        _ => return None,
    })
}

/// Whether `v` is computed from the loop variable (home `cur`), homes the loop never writes
/// and constants, by at most `budget` `recompute_kind` ops: then the previous iteration's
/// value can be computed again from the previous loop variable.
fn recomputable(r: &Rec, v: V, cur: usize, budget: usize) -> bool {
    match v {
        V::Phi(k) => k == cur || !r.homes[k].written,
        V::Op(j) => {
            let Some(op) = r.body.get(j) else { return false };
            budget > 0 && recompute_kind(op.kind).is_some() && op.args.iter().all(|&a| recomputable(r, a, cur, budget - 1))
        }
    }
}

/// Emits ops computing `v` again with the loop variable (home `cur`) standing for `prev`.
fn recompute(t: &mut Trace, r: &Rec, v: V, cur: usize, prev: OpRef, phis: &[Option<OpRef>]) -> Result<OpRef, Abort> {
    match v {
        V::Phi(k) if k == cur => Ok(prev),
        V::Phi(k) => phis.get(k).copied().flatten().ok_or_else(|| "recomputed value of a home without a phi".to_string()),
        V::Op(j) => {
            let op = r.body.get(j).ok_or("recomputed op")?;
            let kind = recompute_kind(op.kind).ok_or("op that cannot be recomputed")?;
            let args = op.args.iter().map(|&a| recompute(t, r, a, cur, prev, phis)).collect::<Result<Vec<_>, _>>()?;
            Ok(t.push(kind, args, op.imm, None))
        }
    }
}

/// The entry value of an input of kind `kind` loaded as `slot`: guarded (exit 0) and
/// unboxed. A bool input must hold `bool_bits` (how the slot encodes the bool it had when
/// recorded); it becomes that constant.
pub(super) fn guarded_entry(t: &mut Trace, slot: OpRef, kind: Kind, bool_bits: Option<u64>) -> Result<OpRef, Abort> {
    Ok(match kind {
        Kind::Int => {
            t.push(OpKind::GuardInt, vec![slot], 0, Some(ENTRY_EXIT));
            t.push(OpKind::UnboxInt, vec![slot], 0, None)
        }
        Kind::Float => {
            t.push(OpKind::GuardFloat, vec![slot], 0, Some(ENTRY_EXIT));
            t.push(OpKind::UnboxFloat, vec![slot], 0, None)
        }
        Kind::List => {
            t.push(OpKind::GuardList, vec![slot], 0, Some(ENTRY_EXIT));
            slot
        }
        Kind::Obj(ty) => {
            t.push(OpKind::GuardType, vec![slot], ty.imm(), Some(ENTRY_EXIT));
            slot
        }
        Kind::Bool(b) => {
            t.push(OpKind::GuardBits, vec![slot], bool_bits.ok_or("bool input")?, Some(ENTRY_EXIT));
            let truth = t.push(OpKind::ConstInt, vec![], b as u64, None);
            let zero = t.push(OpKind::ConstInt, vec![], 0, None);
            t.push(OpKind::IntNe, vec![truth, zero], 0, None)
        }
        Kind::Exact(b) => {
            t.push(OpKind::GuardBits, vec![slot], b, Some(ENTRY_EXIT));
            slot
        }
        Kind::IntValue(x) => {
            let bits = Value::small_int(x).ok_or("int value outside the inline range")?.bits();
            t.push(OpKind::GuardBits, vec![slot], bits, Some(ENTRY_EXIT));
            t.push(OpKind::ConstInt, vec![], x as u64, None)
        }
    })
}
