//! Who owns the references a loop trace holds.
//!
//! A trace borrows what it reads: values of the frame's variables (the frame owns them; a
//! loop trace writes nothing back while it runs), items and attributes it loads (their
//! container owns them), constants (the trace keeps them alive). Two kinds of reference are
//! the trace's own:
//!
//! - A new object (`new_inst`) stored in a variable of the loop (an *owned home*). The loop
//!   trace owns a reference to that variable's value throughout: it takes one on entry
//!   (`inc_ref`, after the entry guards), every exit hands it to the frame (`ExitVal::owned`)
//!   and gives up the old value when the iteration stored a new one (`Dest::Drop`), and the
//!   jump gives up the old value (`dec_ref`). `check_owned` makes sure nothing carried into
//!   the next iteration borrows from an object the jump may free. A variable that takes
//!   over such a variable's old value (`a, b = b, a + b`) owns it from then on (`moved_values`).
//! - A new object stored into a container: the container takes its own reference, and the
//!   trace gives its one up right after the store (`Rec::emit_store_of_new`).
//!
//! A store into an attribute replaces a value the trace may still borrow (an earlier load of
//! it). Such a value is released only once the loop's traces have left
//! (`runtime::release`), unless `release_now` shows that nothing borrowed from memory before
//! the store is used after it: then the store frees it at once, so a long loop that keeps
//! replacing an attribute does not keep every old value alive.

use super::{Abort, Rec, Sym, V};
use crate::ir::OpKind;

/// For each body op: an `inst_setattr` whose replaced value may be freed at once, as no
/// reference the trace borrowed from memory before the store is used after it (in an op, an
/// exit, or carried into the next iteration). Otherwise the store `release`s the value,
/// which defers freeing it until the loop's traces have left.
pub(super) fn release_now(r: &Rec) -> Vec<bool> {
    let n = r.body.len();
    let mut out = vec![false; n];
    let stores: Vec<usize> = (0..n).filter(|&j| matches!(r.body[j].kind, OpKind::InstSetAttr | OpKind::SlotSet) && r.body[j].imm != u64::MAX).collect();
    if stores.is_empty() {
        return out;
    }
    // Borrowed from memory: a load's result, a new object the trace stored into a container
    // (and gave its reference up: `dec_ref`), or a reference derived from one; a home whose
    // value at the end of the iteration is one (carried into the next).
    let given_up: Vec<V> = r.body.iter().filter(|op| op.kind == OpKind::DecRef).flat_map(|op| op.args.iter().copied()).collect();
    let mut borrowed = vec![false; n];
    let mut phi = vec![false; r.homes.len()];
    let is_b = |v: V, borrowed: &[bool], phi: &[bool]| match v {
        V::Op(j) => borrowed[j],
        V::Phi(k) => phi[k],
    };
    for _ in 0..2 {
        for (j, op) in r.body.iter().enumerate() {
            use OpKind::*;
            borrowed[j] = match op.kind {
                InstGetAttr | SlotGet | LoadElem | DictGetStr | DictGetInt | DictValue | DictKey | ModuleAttr | LoadLoopExitRef => true,
                NewInst => given_up.contains(&V::Op(j)),
                IncRef | ConstRef | BoxInt | BoxFloat | BoxBool | BoxIntOwned | CharStr | CallPy | BigArith | BigArithInt | StrFormat | StrSplit | StrConcat | StrRepeat | StrToInt => false,
                k if k.result() == crate::ir::Ty::Ref || matches!(k, ListData | TupleData) => op.args.iter().any(|&a| is_b(a, &borrowed, &phi)),
                _ => false,
            };
        }
        for (k, h) in r.homes.iter().enumerate() {
            if let (true, Some(Sym::List(v) | Sym::Obj(v, _))) = (h.written, h.cur) {
                phi[k] = is_b(v, &borrowed, &phi);
            }
        }
    }
    let syms_of = |s: &Sym| match *s {
        Sym::Int(v) | Sym::Float(v) | Sym::List(v) | Sym::Obj(v, _) | Sym::Bool(v, _) | Sym::Boxed(v) => Some(v),
        _ => None,
    };
    for j in stores {
        // A borrowed reference from before the store, used after it.
        let old = |v: V| is_b(v, &borrowed, &phi) && !matches!(v, V::Op(i) if i >= j);
        // (A `dec_ref` after the store gives up the new value of a store, or the old value of
        // an owned home, neither of which the store can free.)
        let later_ops = r.body[j + 1..].iter().filter(|op| op.kind != OpKind::DecRef).any(|op| {
            op.args.iter().any(|&a| old(a))
                || op.snap.is_some_and(|si| {
                    let s = &r.snaps[si];
                    s.written.iter().map(|(_, s)| s).chain(&s.stack).filter_map(syms_of).chain(s.drops.iter().copied()).any(old)
                })
        });
        let carried = r.homes.iter().filter(|h| h.written).filter_map(|h| h.cur.as_ref().and_then(syms_of)).any(old);
        out[j] = !later_ops && !carried;
    }
    out
}

/// Owned homes whose old value another written home takes over (`a, b = b, a + b` with big
/// ints): `moved[k2] = Some(k1)` when home `k1`'s new value is owned home `k2`'s old one and
/// `k2` gets a new value. `k1` becomes an owned home; the jump does not give `k2`'s old value
/// up.
/// Rotations (`a, b, c = b, c, a + b + c`) chain: a home that takes over a value owns it,
/// so the home that takes its old value over owns that in turn.
pub(super) fn moved_values(r: &mut Rec) -> Result<Vec<Option<usize>>, Abort> {
    let mut moved: Vec<Option<usize>> = vec![None; r.homes.len()];
    loop {
        let mut changed = false;
        for k1 in 0..r.homes.len() {
            if !r.homes[k1].written {
                continue;
            }
            let Some(Sym::Obj(V::Phi(k2), _) | Sym::List(V::Phi(k2))) = r.homes[k1].cur else { continue };
            let replaced = r.homes.get(k2).is_some_and(|h| h.owned && h.written && !matches!(h.cur, Some(Sym::Obj(V::Phi(x), _) | Sym::List(V::Phi(x))) if x == k2));
            if k2 == k1 || !replaced || moved[k2] == Some(k1) {
                continue;
            }
            if moved[k2].replace(k1).is_some() {
                return Err("two variables take over one old value".into());
            }
            r.homes[k1].owned = true;
            changed = true;
        }
        if !changed {
            return Ok(moved);
        }
    }
}

/// Checks that the jump may give up the old values of the owned homes: no value another
/// home carries into the next iteration borrows from an owned home's old value (unless
/// another home took that value over: `moved`) or from its new one (which is the old one in
/// the next iteration).
pub(super) fn check_owned(r: &Rec, owned: &[usize], boxed_next: &[Option<V>], moved: &[Option<usize>]) -> Result<(), Abort> {
    for &k in owned {
        let new = match r.homes[k].cur {
            Some(Sym::Obj(v, _)) => v,
            _ => return Err("owned home without a new object".into()),
        };
        let freed = moved[k].is_none();
        // tainted[j]: body op j is (or may be) a reference borrowed from those objects.
        let mut tainted = vec![false; r.body.len()];
        let hit = |v: V, tainted: &[bool]| v == new || (freed && v == V::Phi(k)) || matches!(v, V::Op(j) if tainted[j]);
        for (j, op) in r.body.iter().enumerate() {
            let carries = (op.kind.result() == crate::ir::Ty::Ref && !matches!(op.kind, OpKind::NewInst | OpKind::BigArith | OpKind::BigArithInt)) || matches!(op.kind, OpKind::ListData | OpKind::TupleData);
            tainted[j] = carries && op.args.iter().any(|&a| hit(a, &tainted));
        }
        for (j, h) in r.homes.iter().enumerate() {
            if j == k {
                continue;
            }
            let v = match (boxed_next[j], h.cur) {
                (Some(v), _) => v,
                (None, Some(Sym::List(v) | Sym::Obj(v, _))) => v,
                _ => continue,
            };
            if hit(v, &tainted) {
                return Err(format!("{:?} keeps a reference into the object a loop variable replaces", h.home));
            }
        }
    }
    Ok(())
}
