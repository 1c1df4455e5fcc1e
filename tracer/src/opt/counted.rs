//! Counted loops, as the passes that reason about them (`bounds`, `ranges`, `ivs`) find them.
//!
//! A `for` loop over a range carries a countdown `r` (values remaining): its jump operand is
//! `int_sub(r, 1)` and the body guards `int_gt(r, 0)` (the loop test). Other phis count with
//! a constant step `s` when their jump operand is `p + s`.

use crate::ir::{OpKind, OpRef, Trace};

pub(crate) struct CountedLoop<'a> {
    trace: &'a Trace,
    pub label: usize,
    /// The phis, in order (phi `k` takes the jump's operand `k`).
    pub phis: Vec<usize>,
    /// The countdown phi, and its position among the phis.
    pub countdown: usize,
    pub countdown_pos: usize,
    /// The `guard_true(int_gt(r, 0))` testing the countdown.
    pub test: usize,
}

impl<'a> CountedLoop<'a> {
    /// The trace's loop, when it is a counted one.
    pub fn find(trace: &'a Trace) -> Option<CountedLoop<'a>> {
        let n = trace.ops.len();
        let label = trace.ops.iter().position(|op| op.kind == OpKind::Label)?;
        let jump = trace.ops.last().filter(|op| op.kind == OpKind::Jump)?;
        let phis: Vec<usize> = (label + 1..n).take_while(|&i| trace.ops[i].kind.is_phi()).collect();
        if phis.len() != jump.args.len() {
            return None;
        }
        let (countdown_pos, test) = phis.iter().enumerate().find_map(|(k, &p)| {
            let nx = trace.op(jump.args[k]);
            let p_ref = OpRef(p as u32);
            if trace.ops[p].kind != OpKind::PhiInt || nx.kind != OpKind::IntSub || nx.args[0] != p_ref || trace.const_int(nx.args[1]) != Some(1) {
                return None;
            }
            let test = (label + 1..n).find(|&i| {
                let op = &trace.ops[i];
                op.kind == OpKind::GuardTrue && {
                    let c = trace.op(op.args[0]);
                    c.kind == OpKind::IntGt && c.args[0] == p_ref && trace.const_int(c.args[1]) == Some(0)
                }
            })?;
            Some((k, test))
        })?;
        Some(CountedLoop { trace, label, countdown: phis[countdown_pos], countdown_pos, phis, test })
    }

    /// The jump operand of phi `p` (its value in the next iteration).
    pub fn next_of(&self, p: usize) -> Option<OpRef> {
        let k = self.phis.iter().position(|&q| q == p)?;
        self.trace.ops.last().and_then(|j| j.args.get(k).copied())
    }

    /// The step `s` of an int phi `p` other than the countdown whose jump operand is `p + s`.
    pub fn step_of(&self, p: usize) -> Option<i64> {
        if p == self.countdown || self.trace.ops[p].kind != OpKind::PhiInt {
            return None;
        }
        let (base, s) = self.trace.offset_of(self.next_of(p)?);
        (base == OpRef(p as u32) && s != 0).then_some(s)
    }
}

/// Test fixture: a counted loop over two int slots, counter `i9` (from `i2`) and countdown
/// `i10` (from `i5`), up to the countdown's next value `i13`; tests add the counter's
/// increment (`i14`) and the rest of the body.
#[cfg(test)]
pub(crate) const COUNTED_LOOP_HEAD: &str = "\
r0 = load_slot(0)
guard_int(r0) exit=0
i2 = unbox_int(r0)
r3 = load_slot(1)
guard_int(r3) exit=0
i5 = unbox_int(r3)
i6 = const_int(0)
i7 = const_int(1)
label()
i9 = phi_int(i2)
i10 = phi_int(i5)
b11 = int_gt(i10, i6)
guard_true(b11) exit=2 [i9, i10]
i13 = int_sub(i10, i7)
";
