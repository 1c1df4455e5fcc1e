//! Common subexpression elimination, in one forward walk: an op that is pure, or an
//! overflow-checked int op (deterministic: if the first did not exit, neither would the
//! second), is replaced by an earlier op with the same kind, operands and immediate. Operands
//! of commutative ops are compared unordered. `list_data`/`list_len` are not matched
//! across a `list_append` or `call_loop`, and neither they nor `module_attr` across a `call_py`. Since the walk is forward over SSA, ops before
//! the `label` are only matched against ops before it, and ops after it against ops after it
//! or loop-invariant ones before it, which is sound (nothing before the label uses a phi).

use super::Rewriter;
use crate::ir::{Op, OpKind, OpRef, Trace};
use std::collections::HashMap;

fn cse_able(op: &Op) -> bool {
    op.is_pure() || matches!(op.kind, OpKind::IntAddOvf | OpKind::IntSubOvf | OpKind::IntMulOvf)
}

fn commutative(kind: OpKind) -> bool {
    use OpKind::*;
    matches!(kind, IntAdd | IntAddOvf | IntMulOvf | IntEq | IntNe | FloatAdd | FloatMul | FloatEq)
}

pub fn run(src: &Trace) -> Trace {
    let mut rw = Rewriter::new(src);
    let mut table: HashMap<(OpKind, Vec<OpRef>, u64), OpRef> = HashMap::new();
    for (i, op) in src.ops.iter().enumerate() {
        let args = rw.args(op);
        if matches!(op.kind, OpKind::ListAppend | OpKind::CallLoop) {
            // A list may have grown and moved (a called loop may append too): forget its
            // length and element array.
            table.retain(|k, _| !matches!(k.0, OpKind::ListData | OpKind::ListLen));
        }
        if op.kind == OpKind::CallPy {
            // The callee may have changed any list or module.
            table.retain(|k, _| !matches!(k.0, OpKind::ListData | OpKind::ListLen | OpKind::ModuleAttr));
        }
        if !cse_able(op) {
            rw.keep(i, op, args);
            continue;
        }
        let mut key_args = args.clone();
        if commutative(op.kind) {
            key_args.sort();
        }
        let key = (op.kind, key_args, op.imm);
        match table.get(&key) {
            Some(&r) => rw.bind(i, r),
            None => {
                let r = rw.keep(i, op, args);
                table.insert(key, r);
            }
        }
    }
    rw.finish()
}
