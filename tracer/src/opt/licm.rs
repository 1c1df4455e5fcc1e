//! Loop-invariant code motion (the loop-peeling effect for traces of this shape): a phi that
//! `jump` passes back unchanged is removed and its entry value used instead (in operands and
//! snapshots), and body ops whose operands are all defined before the `label` (or hoisted
//! themselves) move in front of it, in order. Pure ops and value guards (`int_*_ovf`,
//! `guard_true/false/int/float/list/not_obj/type/type_version`) move, and so do
//! `inst_getattr`s in a loop that writes no instance's dict (`slot_get`s: no slot); effects, the interrupt poll and the
//! variant phis stay, and so do `list_data`/`list_len` in a trace that appends to a list or
//! calls a loop, and a `guard_list_kinds` that forbids a kind the trace appends (or calls a loop).
//!
//! Moving a guard out of the loop is exact: a moved guard becomes an entry guard (exit 0, no
//! snapshot), and nothing before the label writes anything (`sink` moves the `inc_ref`s of
//! owned loop variables behind every entry guard), so failing it leaves the frame as
//! it was at entry and the interpreter runs the loop instead. It may turn away an entry that
//! the body would have accepted (the guard was on a path not taken), never the reverse.

use super::Rewriter;
use crate::ir::{Op, OpKind, OpRef, Trace};
use rpy_interpreter::list::ElemKinds;

/// The exit number of guards in front of the label: leave with the frame as it was entered.
pub const ENTRY_EXIT: u32 = 0;

fn movable(op: &Op, appends: bool, appended: u8, dict_writes: bool, slot_writes: bool) -> bool {
    use OpKind::*;
    let kind = op.kind;
    if kind == InstGetAttr {
        // Reads an instance's dict: invariant while nothing in the loop writes one (an
        // `inst_init` writes only the dict of an object made in the loop).
        return !dict_writes;
    }
    if kind == SlotGet {
        return !slot_writes;
    }
    if appends && matches!(kind, ListData | ListLen) {
        return false;
    }
    if kind == GuardListKinds {
        // True at entry, true throughout unless an append adds a kind it forbids.
        return appended & op.imm as u8 == 0;
    }
    kind.flags() & crate::ir::ops::PURE != 0
        || matches!(
            kind,
            IntAddOvf | IntSubOvf | IntMulOvf | IntFloorDivOvf | GuardTrue | GuardFalse | GuardInt | GuardSmallInt | GuardFloat | GuardList | GuardNotObj | GuardBits | GuardType | GuardTypeVersion
        )
}

/// The `ElemKinds` a `list_append` may add to its list.
pub(super) fn appended_kinds(src: &Trace, append: &Op) -> u8 {
    match append.args.get(1).map(|&v| src.op(v).kind) {
        Some(OpKind::BoxFloat) => ElemKinds::FLOAT,
        // `box_int` follows `guard_small_int`: an inline int.
        Some(OpKind::BoxInt) => ElemKinds::INT,
        _ => ElemKinds::ALL,
    }
}

pub fn run(src: &Trace) -> Trace {
    let n = src.ops.len();
    let Some(label) = src.ops.iter().position(|op| op.kind == OpKind::Label) else {
        return src.clone();
    };
    let Some(jump) = src.ops.last().filter(|op| op.kind == OpKind::Jump) else {
        return src.clone();
    };
    // A loop the trace calls may append (or store) anything to any list.
    let appends = src.ops.iter().any(|op| matches!(op.kind, OpKind::ListAppend | OpKind::CallLoop));
    let dict_writes = src.ops.iter().any(|op| op.kind.writes_dicts());
    let slot_writes = src.ops.iter().any(|op| matches!(op.kind, OpKind::SlotSet | OpKind::CallPy | OpKind::CallLoop));
    let appended = src.ops.iter().fold(0, |k, op| match op.kind {
        OpKind::ListAppend => k | appended_kinds(src, op),
        // The kinds it adds for the items the trace stores next.
        OpKind::GuardListKinds => k | super::guards::added_kinds(src, op),
        OpKind::CallLoop => ElemKinds::ALL,
        _ => k,
    });
    // Invariant phis: the k-th phi whose k-th jump operand is itself.
    let phis: Vec<usize> = (label + 1..n).filter(|&i| src.ops[i].kind.is_phi()).collect();
    // entry[i] = the pre-label value standing for invariant phi i in the body.
    let mut entry: Vec<Option<OpRef>> = vec![None; n];
    for (k, &p) in phis.iter().enumerate() {
        if jump.args.get(k) == Some(&OpRef(p as u32)) {
            entry[p] = Some(src.ops[p].args[0]);
        }
    }
    // Which body ops move: operands all outside the loop.
    let mut outside = vec![false; n];
    outside[..label].iter_mut().for_each(|o| *o = true);
    let mut hoist = vec![false; n];
    for i in label + 1..n - 1 {
        let op = &src.ops[i];
        if op.kind.is_phi() {
            outside[i] = entry[i].is_some();
            continue;
        }
        if movable(op, appends, appended, dict_writes, slot_writes) && op.args.iter().all(|a| outside[a.0 as usize]) {
            hoist[i] = true;
            outside[i] = true;
        }
    }
    if !hoist.iter().any(|&h| h) && !entry.iter().any(|e| e.is_some()) {
        return src.clone();
    }
    let mut rw = Rewriter::new(src);
    for (i, op) in src.ops.iter().enumerate().take(label) {
        let args = rw.args(op);
        rw.keep(i, op, args);
    }
    // Invariant phis disappear: every use (operand or snapshot value) reads the entry value.
    for (i, e) in entry.iter().enumerate() {
        if let Some(e) = e {
            let to = rw.get(*e);
            rw.bind(i, to);
        }
    }
    for i in label + 1..n - 1 {
        if hoist[i] {
            let op = &src.ops[i];
            let args = rw.args(op);
            let exit = op.exit.map(|_| ENTRY_EXIT);
            let r = rw.emit(op.kind, args, op.imm, exit);
            rw.bind(i, r);
        }
    }
    for (i, op) in src.ops.iter().enumerate().skip(label).take(n - 1 - label) {
        if hoist[i] || entry[i].is_some() {
            continue;
        }
        let args = rw.args(op);
        rw.keep(i, op, args);
    }
    // The jump passes the remaining (variant) phis.
    let args = phis.iter().zip(&jump.args).filter(|(p, _)| entry[**p].is_none()).map(|(_, &a)| rw.get(a)).collect();
    rw.keep(n - 1, jump, args);
    rw.finish()
}
