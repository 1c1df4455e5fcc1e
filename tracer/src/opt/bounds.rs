//! Bounds-check elimination for counted loops.
//!
//! A `for` loop over a range carries a countdown `r` (values remaining): its jump operand is
//! `int_sub(r, 1)` and the body starts by guarding `int_gt(r, 0)`. So iteration `k` (from 0)
//! runs only while `k < r0`, `r0` being the countdown's entry value. Any phi `i` whose jump
//! operand is `i + 1` then stays within `[i0, i0 + r0 - 1]` in every iteration that reaches
//! its uses (`i0` its entry value).
//!
//! A bounds check `guard_true(int_ult(i + k, n))` after the countdown's guard, with `n` a
//! loop-invariant list or tuple length and `k` a small constant, therefore holds in every
//! iteration iff `i0 + k >= 0` and `i0 + r0 - 1 + k < n`. Those two checks move in front of
//! the label (entry guards, exit 0: the interpreter then runs the loop, as for any guard
//! `licm` moves), and the check in the body goes. The index `i + k` and the increment `i + 1`
//! then lie within a list's length of 0, so their overflow checks go too.
//!
//! A `guard_small_int(i + k)` (before boxing the loop variable) moves the same way: it holds
//! in every iteration iff `i0 + k` and `i0 + r0 - 1 + k` are inline ints. And the increment
//! `i + 1` of any such counter, after the countdown's guard, overflows in no iteration iff
//! `i0 + r0` does not: that one check moves in front of the label.

use super::licm::ENTRY_EXIT;
use super::counted::CountedLoop;
use super::Rewriter;
use crate::ir::{OpKind, OpRef, Trace};

/// A check that moves: the guard, the index op (`None` when the index is the phi), the phi,
/// the offset and the length it must stay below (`None`: the inline int range).
struct Check {
    guard: usize,
    index: Option<usize>,
    phi: OpRef,
    k: i64,
    len: Option<OpRef>,
}

pub fn run(src: &Trace) -> Trace {
    let n = src.ops.len();
    let Some(lp) = CountedLoop::find(src) else {
        return src.clone();
    };
    let (label, phis, countdown, test) = (lp.label, &lp.phis, lp.countdown, lp.test);
    let next_of = |p: usize| lp.next_of(p);
    // Phis that count up by one.
    let counts_up = |p: OpRef| lp.step_of(p.0 as usize) == Some(1);
    let mut checks = Vec::new();
    for i in test + 1..n - 1 {
        let op = &src.ops[i];
        if op.kind == OpKind::GuardSmallInt {
            let (phi, k) = src.offset_of(op.args[0]);
            if counts_up(phi) {
                let index = (k != 0 || op.args[0] != phi).then_some(op.args[0].0 as usize);
                checks.push(Check { guard: i, index, phi, k, len: None });
            }
            continue;
        }
        if op.kind != OpKind::GuardTrue {
            continue;
        }
        let cond = src.op(op.args[0]);
        if cond.kind != OpKind::IntUlt || (cond.args[1].0 as usize) >= label || !matches!(src.op(cond.args[1]).kind, OpKind::ListLen | OpKind::TupleLen) {
            continue;
        }
        let (phi, k) = src.offset_of(cond.args[0]);
        if !counts_up(phi) {
            continue;
        }
        let index = (k != 0 || cond.args[0] != phi).then_some(cond.args[0].0 as usize);
        checks.push(Check { guard: i, index, phi, k, len: Some(cond.args[1]) });
    }
    // Counters no check covers whose increment, after the countdown's guard, checks for
    // overflow: `i + 1 <= i0 + r0` in every iteration, so one check of `i0 + r0` on entry
    // covers them.
    let counters: Vec<usize> = phis
        .iter()
        .copied()
        .filter(|&p| counts_up(OpRef(p as u32)) && !checks.iter().any(|c| c.phi.0 as usize == p))
        .filter(|&p| next_of(p).is_some_and(|nx| nx.0 as usize > test && src.op(nx).kind == OpKind::IntAddOvf))
        .collect();
    if checks.is_empty() && counters.is_empty() {
        return src.clone();
    }
    // Ops whose overflow checks go: the moved indices and the increments of their phis.
    let mut no_overflow = vec![false; n];
    for &p in &counters {
        if let Some(nx) = next_of(p) {
            no_overflow[nx.0 as usize] = true;
        }
    }
    for c in &checks {
        if let Some(x) = c.index {
            no_overflow[x] = true;
        }
        if let Some(nx) = next_of(c.phi.0 as usize) {
            no_overflow[nx.0 as usize] = true;
        }
    }
    let mut dropped = vec![false; n];
    checks.iter().for_each(|c| dropped[c.guard] = true);
    let mut rw = Rewriter::new(src);
    for (i, op) in src.ops.iter().enumerate().take(label) {
        let args = rw.args(op);
        rw.keep(i, op, args);
    }
    let rows = rw.get(src.ops[countdown].args[0]);
    for &p in &counters {
        let first = rw.get(src.ops[p].args[0]);
        rw.emit(OpKind::IntAddOvf, vec![first, rows], 0, Some(ENTRY_EXIT));
    }
    for c in &checks {
        // `first + rows` cannot wrap into range when `first + k` is in it: `rows < 2**63`.
        let first = rw.get(src.op(c.phi).args[0]);
        let zero = c.len.map(|_| rw.emit(OpKind::ConstInt, vec![], 0, None));
        let k = rw.emit(OpKind::ConstInt, vec![], c.k as u64, None);
        let lo = rw.emit(OpKind::IntAdd, vec![first, k], 0, None);
        match zero {
            Some(zero) => {
                let ok = rw.emit(OpKind::IntGe, vec![lo, zero], 0, None);
                rw.emit(OpKind::GuardTrue, vec![ok], 0, Some(ENTRY_EXIT));
            }
            None => {
                rw.emit(OpKind::GuardSmallInt, vec![lo], 0, Some(ENTRY_EXIT));
            }
        }
        let end = rw.emit(OpKind::IntAdd, vec![first, rows], 0, None);
        let k1 = rw.emit(OpKind::ConstInt, vec![], (c.k - 1) as u64, None);
        let hi = rw.emit(OpKind::IntAdd, vec![end, k1], 0, None);
        match c.len {
            Some(len) => {
                let len = rw.get(len);
                let ok = rw.emit(OpKind::IntLt, vec![hi, len], 0, None);
                rw.emit(OpKind::GuardTrue, vec![ok], 0, Some(ENTRY_EXIT));
            }
            None => {
                rw.emit(OpKind::GuardSmallInt, vec![hi], 0, Some(ENTRY_EXIT));
            }
        }
    }
    for (i, op) in src.ops.iter().enumerate().skip(label) {
        if dropped[i] {
            continue;
        }
        let args = rw.args(op);
        if let Some(kind) = op.kind.unchecked().filter(|_| no_overflow[i] && op.kind != OpKind::IntMulOvf) {
            let r = rw.emit(kind, args, 0, None);
            rw.bind(i, r);
            continue;
        }
        rw.keep(i, op, args);
    }
    rw.finish()
}

#[cfg(test)]
mod tests {
    use crate::ir::text::{parse, print};

    #[test]
    fn moves_the_checks_of_a_counted_loop_in_front_of_it() {
        let src = "\
r0 = load_slot(0)
guard_list(r0) exit=0
i2 = list_len(r0)
i3 = list_data(r0)
i4 = const_int(0)
i5 = const_int(1)
i6 = const_int(5)
i7 = const_int(10)
label()
i9 = phi_int(i6)
i10 = phi_int(i7)
b11 = int_gt(i10, i4)
guard_true(b11) exit=2 [i9, i10]
i13 = int_sub(i10, i5)
i14 = int_add_ovf(i9, i5) exit=3 [i9, i10]
b15 = int_ult(i14, i2)
guard_true(b15) exit=4 [i14, i13]
r17 = load_elem(i3, i14)
jump(i14, i13)
";
        // DCE drops the condition the removed guard tested.
        let out = print(&crate::opt::dce::run(&super::run(&parse(src).unwrap())));
        assert!(!out.contains("int_ult"), "{out}");
        assert!(!out.contains("int_add_ovf"), "{out}");
        assert!(out.contains("guard_true") && out.contains("int_lt") && out.contains("int_ge"), "{out}");
        let label = out.find("label").unwrap();
        assert!(out.find("int_lt").unwrap() < label, "{out}");
    }

    /// The shared counted loop, up to the counter's (checked) increment.
    fn counted_loop() -> String {
        format!("{}i14 = int_add_ovf(i9, i7) exit=3 [i9, i10]\n", crate::opt::counted::COUNTED_LOOP_HEAD)
    }

    #[test]
    fn moves_the_inline_range_check_of_a_boxed_counter() {
        // `for i in range(...)` carrying `i` boxed: its `guard_small_int` before `box_int`.
        let src = format!("{}guard_small_int(i9) exit=4 [i9, i10]\nr16 = box_int(i9)\njump(i14, i13)\n", counted_loop());
        let out = print(&crate::opt::dce::run(&super::run(&parse(&src).unwrap())));
        let label = out.find("label").unwrap();
        assert!(!out.contains("int_add_ovf"), "{out}");
        assert_eq!(out.matches("guard_small_int").count(), 2, "{out}");
        assert!(out.rfind("guard_small_int").unwrap() < label, "{out}");
    }

    #[test]
    fn checks_a_counters_overflow_once_on_entry() {
        let src = format!("{}jump(i14, i13)\n", counted_loop());
        let out = print(&super::run(&parse(&src).unwrap()));
        let label = out.find("label").unwrap();
        assert_eq!(out.matches("int_add_ovf").count(), 1, "{out}");
        assert!(out.find("int_add_ovf(i2, i5) exit=0").is_some_and(|p| p < label), "{out}");
        assert!(out[label..].contains("int_add("), "{out}");
    }

    #[test]
    fn leaves_a_loop_without_a_countdown_alone() {
        let src = "\
r0 = load_slot(0)
guard_list(r0) exit=0
i2 = list_len(r0)
i3 = const_int(1)
i4 = const_int(0)
label()
i6 = phi_int(i4)
i7 = int_add_ovf(i6, i3) exit=1 [i6]
b8 = int_ult(i7, i2)
guard_true(b8) exit=2 [i7]
jump(i7)
";
        let t = parse(src).unwrap();
        assert_eq!(super::run(&t), t);
    }
}
