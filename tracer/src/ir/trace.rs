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

    /// The value of `r` when it is a `const_int`.
    pub fn const_int(&self, r: OpRef) -> Option<i64> {
        let op = self.op(r);
        (op.kind == OpKind::ConstInt).then_some(op.imm as i64)
    }

    /// `r` as `base + k` for a constant `k` with `|k| <= 2**20` (`int_add` / `int_sub`, checked
    /// or not); `base` itself is `k = 0`.
    pub fn offset_of(&self, r: OpRef) -> (OpRef, i64) {
        let op = self.op(r);
        let small = |k: i64| k.unsigned_abs() <= 1 << 20;
        match op.kind {
            OpKind::IntAdd | OpKind::IntAddOvf => match (self.const_int(op.args[1]), self.const_int(op.args[0])) {
                (Some(k), _) if small(k) => (op.args[0], k),
                (_, Some(k)) if small(k) => (op.args[1], k),
                _ => (r, 0),
            },
            OpKind::IntSub | OpKind::IntSubOvf => match self.const_int(op.args[1]) {
                Some(k) if small(k) => (op.args[0], -k),
                _ => (r, 0),
            },
            _ => (r, 0),
        }
    }

    /// Result type of `r`; for a `label` the types of its inputs come from its operands.
    pub fn ty(&self, r: OpRef) -> Ty {
        self.op(r).kind.result()
    }
}
