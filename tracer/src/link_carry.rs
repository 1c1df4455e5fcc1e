//! Homes a loop trace takes on so that a bridge writing them can be linked into it
//! (`link.rs`): a counter that only a rare branch updates (`if ch == ",": commas += 1`) is
//! not a variable of the loop's trace, which neither reads nor writes it, so the bridge that
//! updates it could not jump back to the loop with its new value.
//!
//! The loop trace is rebuilt carrying each such home in a new phi: its entry value is a new
//! slot, guarded and unboxed before the label (an entry guard: nothing has happened yet when
//! it fails); its own path passes the phi on unchanged; and every exit after the label writes
//! the phi's value to the home, since the frame holds the value from the trace's entry.

use crate::ir::{Op, OpKind, OpRef, Trace, Ty};
use crate::opt::licm::ENTRY_EXIT;
use crate::recorder::{Dest, ExitMap, ExitVal, Home};
use std::collections::HashSet;

/// `trace` (whose slots hold `homes`, whose exits `maps` describe) carrying the homes of
/// `extra` (each an int or a float) in new phis: the new trace, maps and slot homes.
pub(crate) fn carry(trace: &Trace, homes: &[Home], maps: &[ExitMap], extra: &[(Home, Ty)]) -> Result<(Trace, Vec<ExitMap>, Vec<Home>), String> {
    let ops = &trace.ops;
    let label = ops.iter().position(|op| op.kind == OpKind::Label).ok_or("no label")?;
    let last_phi = (label + 1..ops.len()).take_while(|&i| ops[i].kind.is_phi()).last().unwrap_or(label);
    // The exits of guards after the label write the new homes; none may be shared with one
    // before it.
    let after: HashSet<u32> = ops[label..].iter().filter_map(|op| op.exit).collect();
    if ops[..label].iter().filter_map(|op| op.exit).any(|e| e != ENTRY_EXIT && after.contains(&e)) || after.contains(&ENTRY_EXIT) {
        return Err("an exit shared by the entry and the loop".into());
    }
    let mut out = Trace::new();
    let mut remap: Vec<OpRef> = Vec::with_capacity(ops.len());
    let mut new_homes = homes.to_vec();
    let mut entries = Vec::with_capacity(extra.len());
    let mut phis: Vec<OpRef> = Vec::with_capacity(extra.len());
    let push = |out: &mut Trace, kind: OpKind, args: Vec<OpRef>, imm: u64, exit: Option<u32>| -> OpRef {
        out.ops.push(Op { kind, args, imm, exit, snap: vec![] });
        OpRef((out.ops.len() - 1) as u32)
    };
    for (i, op) in ops.iter().enumerate() {
        if i == label {
            for &(home, ty) in extra {
                let (guard, unbox) = match ty {
                    Ty::I64 => (OpKind::GuardInt, OpKind::UnboxInt),
                    Ty::F64 => (OpKind::GuardFloat, OpKind::UnboxFloat),
                    _ => return Err("a carried home that is neither an int nor a float".into()),
                };
                new_homes.push(home);
                let slot = push(&mut out, OpKind::LoadSlot, vec![], (new_homes.len() - 1) as u64, None);
                push(&mut out, guard, vec![slot], 0, Some(ENTRY_EXIT));
                entries.push((push(&mut out, unbox, vec![slot], 0, None), ty));
            }
        }
        let mut new = op.clone();
        new.args = op.args.iter().map(|a| remap[a.0 as usize]).collect();
        new.snap = op.snap.iter().map(|a| remap[a.0 as usize]).collect();
        if op.kind == OpKind::Side {
            new.imm = remap.get(op.imm as usize).ok_or("side region of a later op")?.0 as u64;
        }
        if i > label && op.exit.is_some() {
            new.snap.splice(0..0, phis.iter().copied());
        }
        if op.kind == OpKind::Jump {
            new.args.extend(phis.iter().copied());
        }
        out.ops.push(new);
        remap.push(OpRef((out.ops.len() - 1) as u32));
        if i == last_phi {
            for &(e, ty) in &entries {
                let kind = if ty == Ty::I64 { OpKind::PhiInt } else { OpKind::PhiFloat };
                phis.push(push(&mut out, kind, vec![e], 0, None));
            }
        }
    }
    let vals: Vec<ExitVal> = extra.iter().map(|&(h, _)| ExitVal { dest: Dest::Home(h), neg: false, owned: false }).collect();
    let maps = maps
        .iter()
        .enumerate()
        .map(|(e, m)| {
            let mut m = m.clone();
            if after.contains(&(e as u32)) {
                m.vals.splice(0..0, vals.iter().copied());
            }
            m
        })
        .collect();
    Ok((out, maps, new_homes))
}
