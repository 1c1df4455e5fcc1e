//! Loop-carried instances without allocation.
//!
//! `acc = acc.add(d)` in a loop makes a new instance every iteration. The recorder removes
//! the temporaries (`recorder/virtuals.rs`), but the instance stored in the loop variable
//! escapes: the trace makes it (`new_inst`, an `inst_init` per attribute), the next
//! iteration reads its attributes back and gives it up (`dec_ref`).
//!
//! Here such a loop variable's attributes become loop-carried values of their own (phis of
//! the unboxed floats or ints), and the variable's phi holds the object the loop was entered
//! with during the first iteration, NULL after it. The entry reads that object's attributes
//! (guards on the entry exit), so every iteration reads them from the phis. No instance is
//! made in the loop any more: an exit whose snapshot holds the variable (or the new instance)
//! makes it there from the attributes when the phi holds NULL (`ExitMap::virtuals`,
//! `deopt.rs`), else it hands back the entry object itself.
//!
//! It applies to a `phi_ref` whose jump operand is a `new_inst` of the loop body whose every
//! entry is set from a `box_float` or `box_int` (or to an attribute of the phi the body
//! unboxed); the phi used only by `inst_getattr`,
//! `guard_type` of the class, `dec_ref` and snapshots, and the `new_inst` only by its
//! `inst_init`s, the jump and snapshots; in a body that writes no dict (so nothing changes
//! the entry object's attributes during the first iteration). Attributes the body reads
//! that the instance does not have (a method name checked for shadowing) must be absent
//! from the entry object too.

use crate::ir::{OpKind, OpRef, Trace};
use crate::opt::licm::ENTRY_EXIT;
use crate::recorder::{Dest, ExitMap, ExitVal, Virtual};
use crate::runtime::{template_index, template_names};
use rpy_interpreter::value::Value;
use std::collections::HashSet;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Field {
    Float,
    Int,
}

impl Field {
    fn phi(self) -> OpKind {
        match self {
            Field::Float => OpKind::PhiFloat,
            Field::Int => OpKind::PhiInt,
        }
    }
    fn boxed(self) -> OpKind {
        match self {
            Field::Float => OpKind::BoxFloat,
            Field::Int => OpKind::BoxInt,
        }
    }
}

/// A loop variable carried as its attributes.
struct Carried {
    /// The `phi_ref` and the `new_inst` the jump passes it.
    phi: usize,
    new: usize,
    /// The object the loop is entered with (what the phi's `inc_ref` takes).
    entry: OpRef,
    cls: u64,
    template: u64,
    /// The template's attribute names, in entry order.
    names: Vec<u64>,
    /// Per entry: its kind and the unboxed value the iteration sets it to.
    fields: Vec<(Field, OpRef)>,
    /// Names the body looks up on the phi that are not entries.
    absent: Vec<u64>,
}

/// The loop trace `t` with its carried instances' attributes as phis, and its exit maps
/// (`maps`) with the objects the exits make; `None` when no loop variable qualifies.
pub(crate) fn run(t: &Trace, maps: &[ExitMap]) -> Option<(Trace, Vec<ExitMap>)> {
    let label = t.ops.iter().position(|op| op.kind == OpKind::Label)?;
    let jump = t.ops.last().filter(|op| op.kind == OpKind::Jump)?;
    let phis: Vec<usize> = (label + 1..t.ops.len()).take_while(|&i| t.ops[i].kind.is_phi()).collect();
    if jump.args.len() != phis.len() || t.ops[label + 1..].iter().any(|op| op.kind.writes_dicts()) {
        return None;
    }
    let cands: Vec<Carried> = (0..phis.len()).filter_map(|k| candidate(t, label, phis[k], jump.args[k])).collect();
    if cands.is_empty() {
        return None;
    }
    let mut maps = maps.to_vec();
    let mut out = Trace::new();
    let mut map: Vec<Option<OpRef>> = vec![None; t.ops.len()];
    let mut null = None;
    // Per candidate: the attribute phis.
    let mut attrs: Vec<Vec<OpRef>> = Vec::new();
    let mut entry_vals: Vec<Vec<OpRef>> = Vec::new();
    let mut exits_seen = HashSet::new();
    let reads_at = t.ops[..label].iter().position(|op| op.kind == OpKind::IncRef).unwrap_or(label);
    let last_phi = *phis.last()?;
    for (i, op) in t.ops.iter().enumerate() {
        if i == reads_at {
            null = Some(out.push(OpKind::ConstRef, Vec::new(), Value::NULL.bits(), None));
            for c in &cands {
                entry_vals.push(entry_reads(&mut out, c, map[c.entry.0 as usize]?));
            }
        }
        let null = null.unwrap_or(OpRef(u32::MAX));
        if cands.iter().any(|c| c.new == i) {
            map[i] = Some(null);
            continue;
        }
        let mut args = Vec::with_capacity(op.args.len());
        for &a in &op.args {
            args.push(map[a.0 as usize]?);
        }
        let first_is = |k: usize| op.args.first().is_some_and(|a| a.0 as usize == k);
        match op.kind {
            OpKind::InstInit if cands.iter().any(|c| first_is(c.new)) => continue,
            OpKind::GuardType if cands.iter().any(|c| first_is(c.phi)) => continue,
            OpKind::InstGetAttr => {
                if let Some(c) = cands.iter().position(|c| first_is(c.phi)) {
                    map[i] = Some(match template_index(&cands[c].names, t.op(op.args[1]).imm) {
                        Some(k) => out.push(cands[c].fields[k].0.boxed(), vec![attrs[c][k]], 0, None),
                        None => null,
                    });
                    continue;
                }
            }
            OpKind::Jump => {
                for &(_, v) in cands.iter().flat_map(|c| &c.fields) {
                    args.push(map[v.0 as usize]?);
                }
            }
            _ => {}
        }
        let mut snap = Vec::with_capacity(op.snap.len());
        for &a in &op.snap {
            snap.push(map[a.0 as usize]?);
        }
        let r = out.push(op.kind, args, op.imm, op.exit);
        map[i] = Some(r);
        if cands.iter().any(|c| op.snap.iter().any(|a| a.0 as usize == c.phi || a.0 as usize == c.new)) {
            let exit = op.exit?;
            let m = maps.get_mut(exit as usize)?;
            if !exits_seen.insert(exit) || m.vals.len() != op.snap.len() {
                return None;
            }
            for (c, cand) in cands.iter().enumerate() {
                for which in [cand.phi, cand.new] {
                    let slots: Vec<u32> = (0..op.snap.len()).filter(|&j| op.snap[j].0 as usize == which && m.vals[j].dest != Dest::Drop).map(|j| j as u32).collect();
                    if slots.is_empty() {
                        continue;
                    }
                    let mut fields = Vec::new();
                    for (k, &(_, v)) in cand.fields.iter().enumerate() {
                        fields.push(snap.len() as u32);
                        // The phi's attributes, or those the iteration gave the new instance.
                        snap.push(if which == cand.phi { attrs[c][k] } else { map[v.0 as usize]? });
                        m.vals.push(ExitVal { dest: Dest::Part, neg: false, owned: false });
                    }
                    m.virtuals.push(Virtual { slots, cls: cand.cls, template: cand.template, fields });
                }
            }
        }
        out.ops[r.0 as usize].snap = snap;
        if i == last_phi {
            for (c, cand) in cands.iter().enumerate() {
                let phis = cand.fields.iter().zip(&entry_vals[c]).map(|(&(f, _), &e)| out.push(f.phi(), vec![e], 0, None)).collect();
                attrs.push(phis);
            }
        }
    }
    Some((out, maps))
}

/// `phi` (the phi of jump operand `next`) as a carried instance, when it is one.
fn candidate(t: &Trace, label: usize, phi: usize, next: OpRef) -> Option<Carried> {
    let ops = &t.ops;
    let new = next.0 as usize;
    let nop = &ops[new];
    if ops[phi].kind != OpKind::PhiRef || nop.kind != OpKind::NewInst || new <= label {
        return None;
    }
    let (cls, template) = (t.op(nop.args[0]), t.op(nop.args[1]));
    if cls.kind != OpKind::ConstRef || template.kind != OpKind::ConstRef {
        return None;
    }
    let names = template_names(template.imm)?;
    let init = t.op(ops[phi].args[0]);
    if init.kind != OpKind::IncRef {
        return None;
    }
    let entry = init.args[0];
    if !ops[..label].iter().any(|op| op.kind == OpKind::GuardType && op.args[0] == entry && op.imm == cls.imm) {
        return None;
    }
    let (p, v) = (OpRef(phi as u32), next);
    let mut fields: Vec<Option<(Field, OpRef)>> = vec![None; names.len()];
    let mut absent = Vec::new();
    for (i, op) in ops.iter().enumerate().skip(label + 1) {
        let (uses_p, uses_v) = (op.args.contains(&p), op.args.contains(&v));
        if i == phi || i == new || !(uses_p || uses_v) {
            continue;
        }
        match op.kind {
            OpKind::Jump if !uses_p && op.args.iter().filter(|&&a| a == v).count() == 1 => {}
            OpKind::InstInit if !uses_p && op.args[0] == v && op.args[1] != v => {
                let x = t.op(op.args[1]);
                let f = match x.kind {
                    OpKind::BoxFloat => (Field::Float, x.args[0]),
                    OpKind::BoxInt => (Field::Int, x.args[0]),
                    // An attribute passed on unchanged, as the body unboxed it.
                    OpKind::InstGetAttr if x.args[0] == p => {
                        let unboxed = |kind: OpKind| ops.iter().position(|u| u.kind == kind && u.args[0] == op.args[1]).map(|u| OpRef(u as u32));
                        match (unboxed(OpKind::UnboxFloat), unboxed(OpKind::UnboxInt)) {
                            (Some(u), None) => (Field::Float, u),
                            (None, Some(u)) => (Field::Int, u),
                            _ => return None,
                        }
                    }
                    _ => return None,
                };
                if fields.get_mut(op.imm as usize)?.replace(f).is_some() {
                    return None;
                }
            }
            OpKind::InstGetAttr if !uses_v && op.args[0] == p && op.args[1] != p => {
                let name = t.op(op.args[1]);
                if name.kind != OpKind::ConstRef {
                    return None;
                }
                if template_index(&names, name.imm).is_none() && !absent.contains(&name.imm) {
                    absent.push(name.imm);
                }
            }
            OpKind::GuardType if !uses_v && op.imm == cls.imm => {}
            OpKind::DecRef if !uses_v => {}
            _ => return None,
        }
    }
    let fields = fields.into_iter().collect::<Option<Vec<_>>>()?;
    Some(Carried { phi, new, entry, cls: cls.imm, template: template.imm, names, fields, absent })
}

/// The entry object's attributes, read and guarded on the entry exit (with the names it
/// must not have), unboxed.
fn entry_reads(out: &mut Trace, c: &Carried, obj: OpRef) -> Vec<OpRef> {
    let mut vals = Vec::new();
    for (k, (&name, &(f, _))) in c.names.iter().zip(&c.fields).enumerate() {
        let n = out.push(OpKind::ConstRef, Vec::new(), name, None);
        let g = out.push(OpKind::InstGetAttr, vec![obj, n], k as u64, None);
        let v = match f {
            Field::Float => {
                out.push(OpKind::GuardFloat, vec![g], 0, Some(ENTRY_EXIT));
                out.push(OpKind::UnboxFloat, vec![g], 0, None)
            }
            Field::Int => {
                out.push(OpKind::GuardInt, vec![g], 0, Some(ENTRY_EXIT));
                let x = out.push(OpKind::UnboxInt, vec![g], 0, None);
                out.push(OpKind::GuardSmallInt, vec![x], 0, Some(ENTRY_EXIT));
                x
            }
        };
        vals.push(v);
    }
    for &name in &c.absent {
        let n = out.push(OpKind::ConstRef, Vec::new(), name, None);
        let g = out.push(OpKind::InstGetAttr, vec![obj, n], u64::MAX, None);
        out.push(OpKind::GuardBits, vec![g], Value::NULL.bits(), Some(ENTRY_EXIT));
    }
    vals
}
