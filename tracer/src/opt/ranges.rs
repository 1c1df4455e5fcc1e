//! Integer range analysis: drops the overflow checks of arithmetic whose operands' ranges
//! prove that it cannot overflow 64 bits.
//!
//! Ranges come from constants, from `guard_int_range` (the recorder's speculation, on entry
//! to a loop trace, that an int input stays within `2**k` of zero, `k` chosen from the value
//! it had when recorded) and from counted loops: a phi `i` whose jump operand is `i + s` (a
//! constant step `s`) in a loop with a countdown `r` (jump operand `r - 1`, guarded
//! `r > 0` on each iteration) takes the values `i0 + j*s` for `0 <= j <= r0`, the last one
//! only when the countdown's guard then exits. An `int_add_ovf` / `int_sub_ovf` /
//! `int_mul_ovf` whose result range fits 64 bits becomes the unchecked op.
//!
//! A `guard_int_range` that no dropped check relied on goes too: speculation costs an entry
//! check, and a later entry with a larger value would fail it for nothing.

use super::counted::CountedLoop;
use super::Rewriter;
use crate::ir::{OpKind, OpRef, Trace, Ty};

/// An inclusive range of values, in 128 bits (no overflow while combining 64-bit ranges),
/// and the `guard_int_range`s it relies on (bit `g` for the `g`-th one in the trace).
#[derive(Clone, Copy, Debug)]
struct Range {
    lo: i128,
    hi: i128,
    deps: u64,
}

const FULL: Range = Range { lo: i64::MIN as i128, hi: i64::MAX as i128, deps: 0 };

impl Range {
    fn fits(&self) -> bool {
        self.lo >= i64::MIN as i128 && self.hi <= i64::MAX as i128
    }

    /// The range of `op(a, b)` for `a` in `self` and `b` in `o`, from the corners (exact
    /// bounds for `+`, `-` and `*` of intervals).
    fn combine(&self, o: &Range, op: impl Fn(i128, i128) -> i128) -> Range {
        let c = [op(self.lo, o.lo), op(self.lo, o.hi), op(self.hi, o.lo), op(self.hi, o.hi)];
        let lo = c.iter().copied().min().unwrap_or(i128::MIN);
        let hi = c.iter().copied().max().unwrap_or(i128::MAX);
        Range { lo, hi, deps: self.deps | o.deps }
    }

    fn hull(&self, o: &Range) -> Range {
        Range { lo: self.lo.min(o.lo), hi: self.hi.max(o.hi), deps: self.deps | o.deps }
    }
}

/// A range as an operand: the full range when it does not fit 64 bits (so corner products
/// of operands stay within 128 bits).
fn clamp(r: Range) -> Range {
    if r.fits() {
        r
    } else {
        FULL
    }
}

/// The range of every int op (`None`: not an int), unclamped, with (`spec_on`) or without the
/// speculation guards; and the indices of those guards, in order (their bit numbers in
/// `Range::deps`).
fn compute(src: &Trace, spec_on: bool) -> (Vec<Option<Range>>, Vec<usize>) {
    let n = src.ops.len();
    // The speculation guards, numbered (at most 64 take part).
    let mut spec: Vec<usize> = Vec::new();
    let mut ranges: Vec<Option<Range>> = vec![None; n];
    // Each op's own range, unclamped (whether it fits 64 bits).
    let mut raw: Vec<Option<Range>> = vec![None; n];
    let get = |ranges: &[Option<Range>], r: OpRef| ranges[r.0 as usize].unwrap_or(FULL);

    let counted = CountedLoop::find(src);
    for (i, op) in src.ops.iter().enumerate() {
        if op.kind.result() != Ty::I64 && op.kind != OpKind::GuardIntRange {
            continue;
        }
        let a = |k: usize| get(&ranges, op.args[k]);
        let r = match op.kind {
            OpKind::ConstInt => Range { lo: op.imm as i64 as i128, hi: op.imm as i64 as i128, deps: 0 },
            OpKind::GuardIntRange => {
                if spec.len() < 64 {
                    if spec_on {
                        let bound = 1i128 << op.imm.min(61);
                        let x = op.args[0].0 as usize;
                        let prev = ranges[x].unwrap_or(FULL);
                        ranges[x] = Some(Range { lo: prev.lo.max(-bound), hi: prev.hi.min(bound), deps: prev.deps | 1 << spec.len() });
                    }
                    spec.push(i);
                }
                continue;
            }
            OpKind::PhiInt => {
                let entry = a(0);
                match counted.as_ref().map(|lp| (lp.countdown, lp.step_of(i))) {
                    Some((c, Some(s))) => {
                        let rows = get(&ranges, src.ops[c].args[0]);
                        // `i0 + j*s` for `0 <= j <= r0`.
                        let steps = Range { lo: 0, hi: rows.hi.max(0), deps: rows.deps };
                        let span = steps.combine(&Range { lo: s as i128, hi: s as i128, deps: 0 }, |x, y| x * y);
                        entry.combine(&span, |x, y| x + y)
                    }
                    // The countdown itself: from its entry value down to 0.
                    Some((c, None)) if c == i => entry.hull(&Range { lo: 0, hi: 0, deps: 0 }),
                    _ => FULL,
                }
            }
            OpKind::IntAdd | OpKind::IntAddOvf => a(0).combine(&a(1), |x, y| x + y),
            OpKind::IntSub | OpKind::IntSubOvf => a(0).combine(&a(1), |x, y| x - y),
            OpKind::IntMul | OpKind::IntMulOvf => a(0).combine(&a(1), |x, y| x * y),
            OpKind::IntMod => match src.const_int(op.args[1]) {
                // Python's modulo takes the divisor's sign.
                Some(d) if d > 0 => Range { lo: 0, hi: d as i128 - 1, deps: 0 },
                Some(d) if d < 0 => Range { lo: d as i128 + 1, hi: 0, deps: 0 },
                _ => FULL,
            },
            OpKind::BoolToInt => Range { lo: 0, hi: 1, deps: 0 },
            _ => FULL,
        };
        raw[i] = Some(r);
        // A range wider than 64 bits is an op that may overflow (checked: it exits;
        // unchecked: it wraps): its users see any 64-bit value.
        ranges[i] = Some(clamp(r));
    }
    (raw, spec)
}

pub fn run(src: &Trace) -> Trace {
    let n = src.ops.len();
    let (with, spec) = compute(src, true);
    let (without, _) = compute(src, false);
    let arith = |k: OpKind| matches!(k, OpKind::IntAdd | OpKind::IntSub | OpKind::IntMul | OpKind::IntAddOvf | OpKind::IntSubOvf | OpKind::IntMulOvf);
    // The checks that go, and the speculation that this or any earlier run relied on (an
    // unchecked op that fits only with it).
    let mut drop_check = vec![false; n];
    let mut used: u64 = 0;
    for (i, op) in src.ops.iter().enumerate() {
        let Some(r) = with[i].filter(|r| arith(op.kind) && r.fits()) else { continue };
        if matches!(op.kind, OpKind::IntAddOvf | OpKind::IntSubOvf | OpKind::IntMulOvf) {
            drop_check[i] = true;
            used |= r.deps;
        } else if !without[i].is_some_and(|w| w.fits()) {
            used |= r.deps;
        }
    }
    let unused_spec: Vec<usize> = spec.iter().enumerate().filter(|&(g, _)| used & (1 << g) == 0).map(|(_, &i)| i).collect();
    if !drop_check.contains(&true) && unused_spec.is_empty() {
        return src.clone();
    }
    let mut rw = Rewriter::new(src);
    for (i, op) in src.ops.iter().enumerate() {
        if unused_spec.contains(&i) {
            continue;
        }
        let args = rw.args(op);
        if let Some(kind) = op.kind.unchecked().filter(|_| drop_check[i]) {
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

    /// euler39's inner loop in miniature: `c = p - b; a*a + b*b == c*c` over a counted `b`.
    const LOOP: &str = "\
r0 = load_slot(0)
guard_int(r0) exit=0
i2 = unbox_int(r0)
guard_int_range(16, i2) exit=0
r4 = load_slot(1)
guard_int(r4) exit=0
i6 = unbox_int(r4)
guard_int_range(16, i6) exit=0
r8 = load_slot(2)
guard_int(r8) exit=0
i10 = unbox_int(r8)
guard_int_range(16, i10) exit=0
i12 = const_int(0)
i13 = const_int(1)
label()
i15 = phi_int(i6)
i16 = phi_int(i10)
b17 = int_gt(i16, i12)
guard_true(b17) exit=2 [i15, i16]
i19 = int_sub(i16, i13)
i20 = int_add(i15, i13)
i21 = int_sub_ovf(i2, i15) exit=3 [i15, i16]
i22 = int_mul_ovf(i15, i15) exit=4 [i15, i16]
i23 = int_mul_ovf(i21, i21) exit=5 [i15, i16]
b24 = int_eq(i22, i23)
guard_false(b24) exit=6 [i15, i16]
jump(i20, i19)
";

    #[test]
    fn speculated_ranges_drop_overflow_checks() {
        let out = print(&super::run(&parse(LOOP).unwrap()));
        assert!(!out.contains("_ovf"), "{out}");
        assert!(out.contains("int_mul(i15, i15)"), "{out}");
        assert_eq!(out.matches("guard_int_range").count(), 3, "{out}");
        // A second run (the optimiser repeats its passes) keeps the guards the unchecked ops
        // now rely on.
        let again = print(&super::run(&parse(&out).unwrap()));
        assert_eq!(again, out);
    }

    #[test]
    fn unbounded_inputs_keep_their_checks_and_unused_speculation_goes() {
        // Speculating 2**40 for `p` still proves `p - b`, not `(p - b)**2`: that check stays.
        let src = LOOP.replace("guard_int_range(16, i2)", "guard_int_range(40, i2)");
        let out = print(&super::run(&parse(&src).unwrap()));
        assert!(out.contains("int_mul_ovf(i21, i21)"), "{out}");
        assert!(out.contains("int_sub(i2, i15)") && out.contains("guard_int_range(40, i2)"), "{out}");
        // An accumulator `s += x` is unbounded whatever `x` is: the speculation on `x` goes.
        let acc = "\
r0 = load_slot(0)
guard_int(r0) exit=0
i2 = unbox_int(r0)
guard_int_range(16, i2) exit=0
r4 = load_slot(1)
guard_int(r4) exit=0
i6 = unbox_int(r4)
label()
i8 = phi_int(i6)
i9 = int_add_ovf(i8, i2) exit=1 [i8]
jump(i9)
";
        let out = print(&super::run(&parse(acc).unwrap()));
        assert!(out.contains("int_add_ovf") && !out.contains("guard_int_range"), "{out}");
    }
}
