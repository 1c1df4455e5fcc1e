//! Dead code elimination: pure ops whose results no kept op uses (as an operand or in a
//! guard's snapshot) are removed. Guards (including value-producing ones like `int_add_ovf`),
//! effects, memory loads, `label`, phis and `jump` are always kept. One backward liveness
//! walk, then a forward rebuild.

use super::Rewriter;
use crate::ir::Trace;

pub fn run(src: &Trace) -> Trace {
    let mut live = vec![false; src.ops.len()];
    for (i, op) in src.ops.iter().enumerate().rev() {
        if !op.is_pure() {
            live[i] = true;
        }
        if live[i] {
            for a in op.args.iter().chain(&op.snap) {
                live[a.0 as usize] = true;
            }
        }
    }
    let mut rw = Rewriter::new(src);
    for (i, op) in src.ops.iter().enumerate() {
        if live[i] {
            let args = rw.args(op);
            rw.keep(i, op, args);
        }
    }
    rw.finish()
}
