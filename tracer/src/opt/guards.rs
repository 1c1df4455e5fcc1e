//! Redundant guard elimination, in one forward walk: a `guard_int(r)` / `guard_float(r)` is
//! dropped when `r` was already guarded the same way or is produced by `box_int` /
//! `box_float`; a `guard_true(b)` / `guard_false(b)` is dropped when the same guard on the
//! same `b` came earlier, and so is a `guard_list(r)` / `guard_type(r)` after the same guard
//! (a `guard_list_kinds` too, while nothing since could have added a kind it forbids: an
//! append, a kinds guard before a store, a called loop). Guards before the `label` also
//! cover the loop body (their operands are loop-invariant; a kinds guard only when nothing
//! in the body adds a kind it forbids); guards in the body only cover later ops of the body.

use super::Rewriter;
use crate::ir::{Op, OpKind, OpRef, Trace};
use rpy_interpreter::list::ElemKinds;
use std::collections::HashSet;

/// The kinds an op may add to a list's kinds summary.
pub(super) fn added_kinds(src: &Trace, op: &Op) -> u8 {
    match op.kind {
        OpKind::ListAppend => super::licm::appended_kinds(src, op),
        OpKind::GuardListKinds if op.imm & crate::runtime::KINDS_ADD != 0 => (op.imm >> 8) as u8,
        OpKind::CallLoop => ElemKinds::ALL,
        _ => 0,
    }
}

pub fn run(src: &Trace) -> Trace {
    let mut rw = Rewriter::new(src);
    // (guard kind, operand) pairs already checked.
    let mut seen: HashSet<(OpKind, OpRef, u64)> = HashSet::new();
    let label = src.ops.iter().position(|op| op.kind == OpKind::Label);
    let in_body = label.map_or(0, |l| src.ops[l..].iter().fold(0, |k, op| k | added_kinds(src, op)));
    // Forgets the kinds guards that forbid one of `kinds`.
    let forget = |seen: &mut HashSet<(OpKind, OpRef, u64)>, kinds: u8| {
        if kinds != 0 {
            seen.retain(|&(k, _, imm)| k != OpKind::GuardListKinds || imm as u8 & kinds == 0);
        }
    };
    for (i, op) in src.ops.iter().enumerate() {
        if Some(i) == label {
            forget(&mut seen, in_body);
        }
        let args = rw.args(op);
        let redundant = match op.kind {
            OpKind::GuardInt | OpKind::GuardSmallInt | OpKind::GuardFloat | OpKind::GuardTrue | OpKind::GuardFalse => {
                let r = args[0];
                let boxed = match op.kind {
                    OpKind::GuardInt => rw.out.op(r).kind == OpKind::BoxInt,
                    OpKind::GuardFloat => rw.out.op(r).kind == OpKind::BoxFloat,
                    _ => false,
                };
                boxed || !seen.insert((op.kind, r, 0))
            }
            OpKind::GuardList | OpKind::GuardType => !seen.insert((op.kind, args[0], op.imm)),
            OpKind::GuardListKinds => !seen.insert((op.kind, args[0], op.imm)),
            _ => false,
        };
        if !redundant {
            rw.keep(i, op, args);
        }
        forget(&mut seen, added_kinds(src, op));
    }
    rw.finish()
}
