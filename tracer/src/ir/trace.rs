//! A trace: ops in execution order; `OpRef` indexes them (typed index).

use super::ops::{Op, OpKind, Ty};

/// Index of an op in a trace (its SSA value).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OpRef(pub u32);

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trace {
    pub ops: Vec<Op>,
}

impl Trace {
    pub fn new() -> Trace {
        Trace::default()
    }

    pub fn push(&mut self, kind: OpKind, args: Vec<OpRef>, imm: u64, exit: Option<u32>) -> OpRef {
        self.ops.push(Op { kind, args, imm, exit, snap: Vec::new() });
        OpRef(self.ops.len() as u32 - 1)
    }

    /// `push` for a guard with a snapshot.
    pub fn push_guard(&mut self, kind: OpKind, args: Vec<OpRef>, imm: u64, exit: u32, snap: Vec<OpRef>) -> OpRef {
        self.ops.push(Op { kind, args, imm, exit: Some(exit), snap });
        OpRef(self.ops.len() as u32 - 1)
    }

    pub fn op(&self, r: OpRef) -> &Op {
        &self.ops[r.0 as usize]
    }

    /// Result type of `r`; for a `label` the types of its inputs come from its operands.
    pub fn ty(&self, r: OpRef) -> Ty {
        self.op(r).kind.result()
    }
}
