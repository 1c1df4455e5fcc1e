//! Induction variable elimination for counted loops: a `range` loop carries its current
//! value `i` (jump operand `i + s`, `s` = 1 or -1) and a countdown `r` (jump operand `r - 1`,
//! tested `r > 0` on each iteration). The countdown is `(end - i) * s` with `end = i0 + r0*s`
//! fixed on entry, so the loop tests `i < end` (`i > end` going down) and carries `i` alone;
//! exits that hand the countdown back compute it from `i` in the exit block.
//!
//! Runs once, after the other passes: `bounds` and `ranges` read counted loops through the
//! countdown.

use super::licm::ENTRY_EXIT;
use super::counted::CountedLoop;
use super::Rewriter;
use crate::ir::{OpKind, OpRef, Trace};

pub fn run(src: &Trace) -> Trace {
    let Some(lp) = CountedLoop::find(src) else {
        return src.clone();
    };
    let (label, phis, rk, test) = (lp.label, &lp.phis, lp.countdown_pos, lp.test);
    // A counter stepping by one either way.
    let Some((ik, step)) = phis.iter().enumerate().find_map(|(k, &p)| lp.step_of(p).filter(|s| s.abs() == 1).map(|s| (k, s))) else {
        return src.clone();
    };
    let (rphi, iphi) = (phis[rk], phis[ik]);
    let cond = src.ops[test].args[0].0 as usize;
    let mut rw = Rewriter::new(src);
    for (i, op) in src.ops.iter().enumerate().take(label) {
        let args = rw.args(op);
        rw.keep(i, op, args);
    }
    // `end = i0 + r0 * s`, checked (exit 0: the interpreter runs the loop).
    let (i0, r0) = (rw.get(src.ops[iphi].args[0]), rw.get(src.ops[rphi].args[0]));
    let end_kind = if step == 1 { OpKind::IntAddOvf } else { OpKind::IntSubOvf };
    let end = rw.emit(end_kind, vec![i0, r0], 0, Some(ENTRY_EXIT));
    let last_phi = *phis.last().unwrap_or(&label);
    for (i, op) in src.ops.iter().enumerate().skip(label) {
        if i == cond {
            let kind = if step == 1 { OpKind::IntLt } else { OpKind::IntGt };
            let r = rw.emit(kind, vec![rw.get(OpRef(iphi as u32)), end], 0, None);
            rw.bind(i, r);
        } else if op.kind == OpKind::Jump {
            let args: Vec<OpRef> = op.args.iter().enumerate().filter(|&(k, _)| k != rk).map(|(_, &a)| rw.get(a)).collect();
            rw.keep(i, op, args);
        } else if i != rphi {
            let args = rw.args(op);
            rw.keep(i, op, args);
        }
        if i == last_phi {
            // The countdown, for the exits (and the jump operand, now dead).
            let cur = rw.get(OpRef(iphi as u32));
            let args = if step == 1 { vec![end, cur] } else { vec![cur, end] };
            let r = rw.emit(OpKind::IntSub, args, 0, None);
            rw.bind(rphi, r);
        }
    }
    rw.finish()
}

#[cfg(test)]
mod tests {
    use crate::ir::text::{parse, print};

    #[test]
    fn a_counted_loop_carries_its_counter_alone() {
        let src = format!("{}i14 = int_add(i9, i7)\nguard_true(b11) exit=3 [i14, i13]\njump(i14, i13)\n", crate::opt::counted::COUNTED_LOOP_HEAD);
        let out = print(&crate::opt::dce::run(&super::run(&parse(&src).unwrap())));
        let label = out.find("label").unwrap();
        assert!(out[..label].contains("int_add_ovf(i2, i5) exit=0"), "{out}");
        assert_eq!(out.matches("phi_int").count(), 1, "{out}");
        assert!(out.contains("int_lt(") && !out.contains("int_gt("), "{out}");
        assert!(out.trim_end().ends_with("jump(i14)") || out.contains("jump(i1"), "{out}");
        // The exits hand back `end - i` and `end - i - 1`.
        assert_eq!(out.matches("int_sub(").count(), 2, "{out}");
    }
}
