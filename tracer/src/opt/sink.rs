//! Sinking: in a loop trace's preamble, each `list_data` / `list_len` moves down to just
//! before its first use (or the `label`). Code generation loads both from the list itself,
//! while the guards around them call helpers: a value defined before such a call and used in
//! the loop must survive the call, and the register allocator then copies it between
//! registers inside the loop. Defined after the preamble's calls, it stays in one register.
//! Runs once, last. No op that may move or resize a list's storage (`list_append`,
//! `call_py`, `call_loop`) is crossed.
//!
//! The `inc_ref`s a loop trace takes of its owned loop variables' entry values (used only by
//! their phis) move down to the `label` the same way: behind every entry guard, wherever a
//! pass put it (`licm`, `bounds`, `ivs` append exit-0 guards to the preamble), since exit 0
//! hands nothing back and so must own nothing.

use super::Rewriter;
use crate::ir::{OpKind, Trace};

pub fn run(src: &Trace) -> Trace {
    let Some(label) = src.ops.iter().position(|op| op.kind == OpKind::Label) else {
        return src.clone();
    };
    let mut rw = Rewriter::new(src);
    let mut waiting: Vec<usize> = Vec::new();
    for (i, op) in src.ops.iter().enumerate() {
        if i < label && matches!(op.kind, OpKind::ListData | OpKind::ListLen | OpKind::IncRef) {
            waiting.push(i);
            continue;
        }
        let barrier = i == label || matches!(op.kind, OpKind::ListAppend | OpKind::CallPy | OpKind::CallLoop);
        let used = |w: &usize| barrier || op.args.iter().chain(&op.snap).any(|a| a.0 as usize == *w);
        let (now, later): (Vec<usize>, Vec<usize>) = waiting.iter().partition(|w| used(w));
        for w in now {
            let args = rw.args(&src.ops[w]);
            rw.keep(w, &src.ops[w], args);
        }
        waiting = later;
        let args = rw.args(op);
        rw.keep(i, op, args);
    }
    rw.finish()
}

#[cfg(test)]
mod tests {
    use crate::ir::text::{parse, print};

    #[test]
    fn list_loads_move_to_their_first_use_in_the_preamble() {
        let src = parse(
            "r0 = load_slot(0)
             guard_list(r0) exit=0
             r2 = load_slot(1)
             guard_list(r2) exit=0
             i4 = list_len(r0)
             i5 = list_data(r0)
             guard_list_kinds(134, r0) exit=0
             i7 = list_data(r2)
             guard_list_kinds(260, r2) exit=0
             i9 = const_int(0)
             b10 = int_lt(i9, i4)
             guard_true(b10) exit=0
             label()
             i13 = phi_int(i9)
             r14 = load_elem(i5, i13)
             store_elem(i7, i13, r14)
             i16 = const_int(1)
             i17 = int_add_ovf(i13, i16) exit=1 [i13]
             jump(i17)",
        )
        .expect("parses");
        let out = print(&super::run(&src));
        let want = parse(
            "r0 = load_slot(0)
             guard_list(r0) exit=0
             r2 = load_slot(1)
             guard_list(r2) exit=0
             guard_list_kinds(134, r0) exit=0
             guard_list_kinds(260, r2) exit=0
             i6 = const_int(0)
             i7 = list_len(r0)
             b8 = int_lt(i6, i7)
             guard_true(b8) exit=0
             i10 = list_data(r0)
             i11 = list_data(r2)
             label()
             i13 = phi_int(i6)
             r14 = load_elem(i10, i13)
             store_elem(i11, i13, r14)
             i16 = const_int(1)
             i17 = int_add_ovf(i13, i16) exit=1 [i13]
             jump(i17)",
        )
        .expect("parses");
        assert_eq!(out, print(&want));
    }

    #[test]
    fn inc_ref_moves_behind_entry_guards() {
        let src = parse(
            "r0 = load_slot(0)
             guard_type(3, r0) exit=0
             r2 = inc_ref(r0)
             r3 = load_slot(1)
             guard_int(r3) exit=0
             label()
             r6 = phi_ref(r2)
             jump(r6)",
        )
        .expect("parses");
        let want = parse(
            "r0 = load_slot(0)
             guard_type(3, r0) exit=0
             r2 = load_slot(1)
             guard_int(r2) exit=0
             r4 = inc_ref(r0)
             label()
             r6 = phi_ref(r4)
             jump(r6)",
        )
        .expect("parses");
        assert_eq!(print(&super::run(&src)), print(&want));
    }
}
