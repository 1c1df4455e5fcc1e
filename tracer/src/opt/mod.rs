//! Trace optimizer: an ordered list of passes (`PASSES`), one per file, each a function
//! `fn(&Trace) -> Trace` that rebuilds the trace in one forward (or, for DCE, backward) walk,
//! renumbering refs. `optimize` runs them in order.
//!
//! All passes rely on the trace being SSA in execution order: a value defined before the
//! `label` dominates the whole loop body (and is loop-invariant, since phis only appear after
//! the label), and a fact established at op `k` of the body holds for later ops of the same
//! iteration. So forward passes may reuse pre-label values and facts after the label; only
//! `licm` moves ops across it (out of the loop, see there).
//!
//! Passes expect a trace that passes `ir::text::verify` (operand counts and types are relied
//! upon) and return one that does too.

use crate::ir::{Op, OpKind, OpRef, Trace};

pub mod bounds;
pub mod counted;
pub mod cse;
pub mod dce;
pub mod fold;
pub mod guards;
pub mod ivs;
pub mod licm;
pub mod ranges;
pub mod sink;

/// A named optimization pass.
#[derive(Clone, Copy)]
pub struct Pass {
    pub name: &'static str,
    pub run: fn(&Trace) -> Trace,
}

/// The passes, in order. LICM moves invariant work in front of the label after CSE merged
/// duplicates; bounds-check elimination needs the lengths it compares with out of the loop. CSE runs before guard elimination so that guards on equal
/// recomputed conditions (`guard_true(int_lt(a, b))` twice) become guards on the same value;
/// DCE runs last to drop what the others left unused.
pub const PASSES: &[Pass] = &[
    Pass { name: "fold", run: fold::run },
    Pass { name: "cse", run: cse::run },
    Pass { name: "licm", run: licm::run },
    Pass { name: "bounds", run: bounds::run },
    Pass { name: "ranges", run: ranges::run },
    Pass { name: "guards", run: guards::run },
    Pass { name: "dce", run: dce::run },
];

/// Most rounds of `PASSES` that `optimize` runs.
pub const MAX_ROUNDS: usize = 4;

/// Run `PASSES` in order, repeating while a round changes the trace (a later pass can enable
/// an earlier one: CSE turns `x - y` into `x - x`, which folding then turns into `0`), at
/// most `MAX_ROUNDS` times. Each round is linear in the trace length.
pub fn optimize(trace: &Trace) -> Trace {
    let mut t = trace.clone();
    for _ in 0..MAX_ROUNDS {
        let next = PASSES.iter().fold(t.clone(), |cur, p| (p.run)(&cur));
        if next == t {
            break;
        }
        t = next;
    }
    // Once the passes that read counted loops through their countdown are done; then list
    // loads move past the preamble's helper calls.
    sink::run(&dce::run(&ivs::run(&t)))
}

/// Rebuilds a trace op by op: each source op is either re-emitted (with its operands mapped
/// to the output), replaced by an existing output value, or dropped (void ops only).
pub(crate) struct Rewriter {
    pub out: Trace,
    /// Source op index -> output ref; `None` for dropped or not-yet-visited ops.
    map: Vec<Option<OpRef>>,
}

impl Rewriter {
    pub fn new(src: &Trace) -> Rewriter {
        Rewriter { out: Trace::new(), map: vec![None; src.ops.len()] }
    }

    /// The output ref of source value `r`. Operands always refer to earlier value ops, which
    /// every pass maps (only void ops are dropped), so this is an invariant.
    pub fn get(&self, r: OpRef) -> OpRef {
        self.map[r.0 as usize].expect("operand of a visited value op")
    }

    /// `op`'s operands mapped to the output.
    pub fn args(&self, op: &Op) -> Vec<OpRef> {
        op.args.iter().map(|&a| self.get(a)).collect()
    }

    /// Source op `i` now stands for output value `to`.
    pub fn bind(&mut self, i: usize, to: OpRef) {
        self.map[i] = Some(to);
    }

    /// Append an op to the output.
    pub fn emit(&mut self, kind: OpKind, args: Vec<OpRef>, imm: u64, exit: Option<u32>) -> OpRef {
        self.out.push(kind, args, imm, exit)
    }

    /// Re-emit source op `i` (operands already mapped in `args`, its snapshot mapped here)
    /// and bind it.
    pub fn keep(&mut self, i: usize, op: &Op, args: Vec<OpRef>) -> OpRef {
        let snap = op.snap.iter().map(|&a| self.get(a)).collect();
        let r = self.emit(op.kind, args, op.imm, op.exit);
        self.out.ops[r.0 as usize].snap = snap;
        self.bind(i, r);
        r
    }

    pub fn finish(self) -> Trace {
        self.out
    }
}
