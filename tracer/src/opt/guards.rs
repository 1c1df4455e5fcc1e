//! Redundant guard elimination, in one forward walk: a `guard_int(r)` / `guard_float(r)` is
//! dropped when `r` was already guarded the same way or is produced by `box_int` /
//! `box_float`; a `guard_true(b)` / `guard_false(b)` is dropped when the same guard on the
//! same `b` came earlier, and so is a `guard_list(r)` / `guard_type(r)` after the same guard
//! (a `guard_list_kinds` too, in a trace that appends to no list and calls no loop). Guards before the `label` also cover the loop body (their operands
//! are loop-invariant); guards in the body only cover later ops of the body.

use super::Rewriter;
use crate::ir::{OpKind, OpRef, Trace};
use std::collections::HashSet;

pub fn run(src: &Trace) -> Trace {
    let mut rw = Rewriter::new(src);
    // (guard kind, operand) pairs already checked.
    let mut seen: HashSet<(OpKind, OpRef, u64)> = HashSet::new();
    // A loop the trace calls may append too.
    let appends = src.ops.iter().any(|op| matches!(op.kind, OpKind::ListAppend | OpKind::CallLoop));
    for (i, op) in src.ops.iter().enumerate() {
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
            // Only an append can make a kinds guard false later on (in this iteration or, for
            // a guard in front of the label, in an earlier one).
            OpKind::GuardListKinds => !appends && !seen.insert((op.kind, args[0], op.imm)),
            _ => false,
        };
        if !redundant {
            rw.keep(i, op, args);
        }
    }
    rw.finish()
}
