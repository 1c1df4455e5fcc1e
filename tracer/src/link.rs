//! Bridges linked into their loop's trace in machine code.
//!
//! A bridge is compiled on its own first: it starts from the frame its parent exit wrote,
//! and ends by writing the loop's variables back and resuming at the header, where the
//! driver enters the loop's trace again. When the bridge's path is common (a branch taken
//! half the time), those two trips through the frame cost more than the loop body itself.
//! So the loop's trace is compiled again with the bridge as a *side region* of the guard
//! it grew from (`OpKind::Side`): the guard's failure branch runs the bridge's ops on the
//! values of the guard's snapshot and jumps back to the loop header with the loop's
//! variables. Nothing is written to the frame on that path.
//!
//! The frame holds the values of the trace's entry while it runs, so every exit writes all
//! the homes the loop writes. An exit of the side region therefore writes the bridge's
//! snapshot and, for the homes the bridge did not write, the parent exit's values. The jump
//! back passes, for each of the loop's phis, the bridge's final value of that home or the
//! parent exit's; which home a phi carries is read off the loop's interrupt guard, whose
//! snapshot (at the top of the body) holds every written home's phi.
//!
//! A bridge is linked only when this is exact: the references the loop carries are handed
//! only to exits or owned by the loop (variables holding new objects it made: the region's
//! jump passes their values on and gives up the old values the exit would have given up;
//! the bridge writes none of them), the bridge writes no home the loop does not carry in a
//! phi, has no effect the loop itself does not have (so nothing the loop hoisted out of its
//! body goes stale), and writes no global (the globals and builtins it reads become slots of
//! the loop's).

use crate::ir::{Op, OpKind, OpRef, Trace, Ty};
use crate::opt::licm::ENTRY_EXIT;
use crate::recorder::{Dest, ExitMap, ExitVal, Home};
use rpy_interpreter::value::Value;
use std::collections::HashMap;

/// A compiled trace's IR and how its slots and exits map to the frame.
#[derive(Clone, Copy)]
pub(crate) struct Part<'a> {
    pub trace: &'a Trace,
    /// Slot `k` holds `homes[k]`.
    pub homes: &'a [Home],
    pub maps: &'a [ExitMap],
}

/// Ops a linked bridge may not have: they own or hand over references, call code, or read
/// inputs other than slots.
fn unlinkable(kind: OpKind) -> bool {
    use OpKind::*;
    matches!(kind, Label | Jump | PhiInt | PhiFloat | PhiRef | CallLoop | CallPy | IncRef | DecRef | NewInst | InstInit | LoadExitSlot | LoadExitInt | StoreSlot | Return | Side | BoxIntOwned | LoadLoopExitInt | LoadLoopExitRef | BigArith | BigArithInt | StrFormat | StrSplit | StrConcat | StrRepeat)
}

/// `root` (a loop trace, with the side regions linked so far) with `bridge`, recorded from
/// exit `at` of it, linked in as a side region of the guard with that exit. Returns the
/// new trace, its exit maps (the root's, then the bridge's exits `1..`: exit `k` becomes
/// `root.maps.len() + k - 1`; the bridge's entry guards leave through exit `at` itself) and
/// its slots' homes. Homes the bridge writes that the loop neither reads nor writes are
/// carried by the loop from then on (`link_carry.rs`).
pub(crate) fn fuse(root: Part, interrupt_exit: u32, bridge: Part, at: u32) -> Result<(Trace, Vec<ExitMap>, Vec<Home>), String> {
    if root.maps.iter().chain(bridge.maps).any(|m| !m.virtuals.is_empty()) {
        return Err("exits that make objects (carried instances)".into());
    }
    let end = bridge.trace.ops.last().filter(|op| op.kind == OpKind::Exit).ok_or("bridge without an end")?;
    let em = bridge.maps.get(end.exit.ok_or("end without exit")? as usize).ok_or("no map for the bridge's end")?;
    let touched = |h: Home| root.homes.contains(&h) || root.maps.iter().flat_map(|m| &m.vals).any(|v| matches!(v.dest, Dest::Home(x) | Dest::HomeAfterFirst(x) if x == h));
    let extra: Vec<(Home, Ty)> = em.vals.iter().zip(&end.snap).filter_map(|(v, &r)| match v.dest {
        Dest::Home(h) if !touched(h) => Some((h, bridge.trace.ty(r))),
        _ => None,
    }).collect();
    if extra.is_empty() {
        return fuse_into(root, interrupt_exit, bridge, at);
    }
    let (trace, maps, homes) = crate::link_carry::carry(root.trace, root.homes, root.maps, &extra)?;
    fuse_into(Part { trace: &trace, homes: &homes, maps: &maps }, interrupt_exit, bridge, at)
}

/// `fuse` for a root that carries every home the bridge writes.
fn fuse_into(root: Part, interrupt_exit: u32, bridge: Part, at: u32) -> Result<(Trace, Vec<ExitMap>, Vec<Home>), String> {
    let ops = &root.trace.ops;
    let label = ops.iter().position(|op| op.kind == OpKind::Label).ok_or("no label")?;
    // A loop that owns references (owned homes, `recorder/ownership.rs`) hands the ones at
    // the guard over to the region: the region's jump passes the owned homes' values to
    // their phis and gives up the old values the exit would have given up (`Dest::Drop`).
    // The bridge itself owns nothing (`unlinkable`) and writes no owned home.
    let owned_phis: Vec<usize> = (label + 1..ops.len()).take_while(|&i| ops[i].kind.is_phi()).filter(|&i| ops[i].kind == OpKind::PhiRef && ops[ops[i].args[0].0 as usize].kind == OpKind::IncRef).collect();
    let owns = ops.iter().any(|op| matches!(op.kind, OpKind::IncRef | OpKind::DecRef));
    // A reference the loop carries is only handed to exits (a variable each iteration
    // writes before it reads it) unless the loop guarded its type on entry: then the
    // bridge's value of it would need the same guard.
    for op in &ops[label..] {
        if op.kind == OpKind::PhiRef && ops[..label].iter().any(|o| o.is_guard() && o.args.contains(&op.args[0])) {
            return Err("the loop relies on the type of a reference it carries".into());
        }
    }
    if at == ENTRY_EXIT {
        return Err("entry bridge".into());
    }
    let mut guards = ops.iter().enumerate().filter(|(i, op)| *i > label && op.is_guard() && op.exit == Some(at));
    let (g, gop) = guards.next().ok_or("no guard with the exit")?;
    if guards.next().is_some() {
        return Err("several guards share the exit".into());
    }
    let pm = root.maps.get(at as usize).ok_or("no map for the exit")?;
    if pm.chain.is_some() || pm.raise || pm.end || pm.vals.len() != gop.snap.len() {
        return Err("the exit is not a plain one".into());
    }
    let owned_at_exit = |v: &ExitVal| v.owned && matches!(v.dest, Dest::Home(_) | Dest::Drop);
    if pm.vals.iter().any(|v| v.owned && !owned_at_exit(v)) || (!owns && pm.vals.iter().any(|v| v.owned)) {
        return Err("the exit hands over a new object on the stack".into());
    }
    let phis: Vec<usize> = (label + 1..ops.len()).take_while(|&i| ops[i].kind.is_phi()).collect();
    let ig = ops.iter().skip(label).find(|op| op.kind == OpKind::GuardNoInterrupt && op.exit == Some(interrupt_exit)).ok_or("no interrupt guard")?;
    let im = root.maps.get(interrupt_exit as usize).ok_or("no map for the interrupt exit")?;
    // The homes (or the first-iteration flag) each phi carries.
    let carried: Vec<Vec<Dest>> = phis.iter().map(|&p| ig.snap.iter().zip(&im.vals).filter(|(r, _)| r.0 as usize == p).map(|(_, v)| v.dest).collect()).collect();
    if carried.iter().any(|d| d.is_empty()) {
        return Err("a phi that carries no home".into());
    }
    let owned_home = |h: Home| phis.iter().zip(&carried).any(|(p, ds)| owned_phis.contains(p) && ds.iter().any(|d| matches!(*d, Dest::Home(x) | Dest::HomeAfterFirst(x) if x == h)));
    let bops = &bridge.trace.ops;
    let end = bops.last().filter(|op| op.kind == OpKind::Exit).ok_or("bridge without an end")?;
    let em = bridge.maps.get(end.exit.ok_or("end without exit")? as usize).ok_or("no map for the bridge's end")?;
    if em.vals.iter().any(|v| matches!(v.dest, Dest::Home(h) if owned_home(h))) {
        return Err("bridge writes a variable the loop owns".into());
    }
    for op in bops {
        if unlinkable(op.kind) {
            return Err(format!("bridge has {}", op.kind.name()));
        }
        let effect = op.kind.flags() & crate::ir::ops::EFFECT != 0 && !matches!(op.kind, OpKind::LoadSlot | OpKind::Exit);
        if effect && !ops.iter().any(|o| o.kind == op.kind) {
            return Err(format!("bridge has {}, the loop does not", op.kind.name()));
        }
    }
    // A global or builtin the bridge reads (its names numbered as the loop's: the caller's
    // job) is a slot of the loop's too, loaded where the region needs it: a trace never
    // changes a global while it runs. One it writes is not linked.
    let global = |h: &Home| matches!(h, Home::Global(_) | Home::Builtin(_));
    if bridge.maps.iter().flat_map(|m| &m.vals).any(|v| matches!(v.dest, Dest::Home(h) | Dest::HomeAfterFirst(h) if global(&h))) {
        return Err("bridge writes globals".into());
    }
    // A home the loop writes before it reads it may be carried as a function of the range's
    // position (the loop variable, or a value computed from it: `finish.rs`), which holds
    // only while each iteration writes it the loop's way: the iteration must have written it
    // before the guard, and the bridge may not write it again.
    for (r, v) in ig.snap.iter().zip(&im.vals) {
        if let Dest::HomeAfterFirst(h) = v.dest {
            let derived = !phis.contains(&(r.0 as usize));
            if derived && (!pm.vals.iter().any(|w| w.dest == Dest::Home(h)) || em.vals.iter().any(|w| w.dest == Dest::Home(h))) {
                return Err("bridge around a value the loop derives from its range".into());
            }
        }
    }
    // Every home the bridge writes is carried in a phi.
    for v in &em.vals {
        match v.dest {
            Dest::Home(h) if carried.iter().any(|ds| ds.iter().any(|d| matches!(*d, Dest::Home(x) | Dest::HomeAfterFirst(x) if x == h))) => {}
            _ => return Err("bridge writes a home the loop does not carry".into()),
        }
    }

    let mut f = Fuser { out: root.trace.clone(), map: vec![None; bops.len()], inputs: HashMap::new(), boxed: HashMap::new(), gop, pm, zero: None, homes: root.homes.to_vec() };
    f.out.ops.push(Op { kind: OpKind::Side, args: vec![], imm: g as u64, exit: None, snap: vec![] });
    let base = root.maps.len() as u32;
    for (bi, op) in bops.iter().enumerate() {
        match op.kind {
            OpKind::LoadSlot => f.load_slot(bi, op, &bridge, &root, label)?,
            OpKind::Exit => {
                let mut args = Vec::with_capacity(phis.len());
                for (&p, dests) in phis.iter().zip(&carried) {
                    let mut value = None;
                    for d in dests {
                        let v = match *d {
                            // Still the first iteration while a home the loop writes
                            // before it reads it has not been written yet: the parent's flag
                            // when the bridge leaves one such home unwritten.
                            Dest::FirstIteration => {
                                let unwritten = pm.vals.iter().any(|v| matches!(v.dest, Dest::HomeAfterFirst(h) if !em.vals.iter().any(|w| w.dest == Dest::Home(h))));
                                match pm.vals.iter().position(|v| v.dest == Dest::FirstIteration) {
                                    Some(k) if unwritten => gop.snap[k],
                                    _ => f.zero(),
                                }
                            }
                            Dest::Home(h) | Dest::HomeAfterFirst(h) => match em.vals.iter().position(|v| v.dest == Dest::Home(h)) {
                                Some(k) => f.arg(end.snap[k])?,
                                None => {
                                    let k = pm.vals.iter().position(|v| matches!(v.dest, Dest::Home(x) | Dest::HomeAfterFirst(x) if x == h)).ok_or("a carried home not in the exit")?;
                                    gop.snap[k]
                                }
                            },
                            _ => return Err("a phi carries something other than a home".into()),
                        };
                        if value.is_some_and(|x| x != v) {
                            return Err("a phi carries two homes that part".into());
                        }
                        value = Some(v);
                    }
                    let v = value.ok_or("phi without a value")?;
                    if f.out.ty(v) != f.out.ty(OpRef(p as u32)) {
                        return Err("the bridge leaves a home with another type".into());
                    }
                    args.push(v);
                }
                // The old values the exit would have given up.
                for (k, v) in pm.vals.iter().enumerate() {
                    if v.dest == Dest::Drop {
                        f.push(OpKind::DecRef, vec![gop.snap[k]], 0, None, vec![]);
                    }
                }
                f.out.ops.push(Op { kind: OpKind::Jump, args, imm: 0, exit: None, snap: vec![] });
            }
            _ => f.op(bi, op, base, &bridge)?,
        }
    }
    let mut maps = root.maps.to_vec();
    for m in bridge.maps.iter().skip(1) {
        let mut linked = m.clone();
        linked.vals.extend(parent_extras(pm, m).map(|(_, v)| *v));
        maps.push(linked);
    }
    Ok((f.out, maps, f.homes))
}

/// The parent exit's values an exit of the bridge (`m`) writes too: the homes it does not
/// write itself (with the first-iteration flag) and the old values it gives up, with their
/// positions in the parent's map.
fn parent_extras<'a>(pm: &'a ExitMap, m: &'a ExitMap) -> impl Iterator<Item = (usize, &'a ExitVal)> {
    pm.vals.iter().enumerate().filter(move |(_, v)| match v.dest {
        Dest::Home(h) | Dest::HomeAfterFirst(h) => !m.vals.iter().any(|w| w.dest == Dest::Home(h)),
        // Old values of owned homes, given up by the bridge's exits as by the parent's.
        Dest::FirstIteration | Dest::Drop => true,
        Dest::Push | Dest::Part => false,
    })
}

/// The side region being built.
struct Fuser<'a> {
    out: Trace,
    /// The op standing for each bridge op (none for guards and void ops).
    map: Vec<Option<OpRef>>,
    /// Bridge slots whose value the parent exit has unboxed: the value, its type, and for a
    /// bool whether the exit negates it.
    inputs: HashMap<usize, (OpRef, Ty, bool)>,
    /// Those inputs boxed, where something needs them boxed.
    boxed: HashMap<usize, OpRef>,
    /// The guard the region continues, and its exit's map.
    gop: &'a Op,
    pm: &'a ExitMap,
    zero: Option<OpRef>,
    /// The loop's slots' homes, with the globals the bridge reads that the loop does not.
    homes: Vec<Home>,
}

impl Fuser<'_> {
    fn push(&mut self, kind: OpKind, args: Vec<OpRef>, imm: u64, exit: Option<u32>, snap: Vec<OpRef>) -> OpRef {
        self.out.ops.push(Op { kind, args, imm, exit, snap });
        OpRef((self.out.ops.len() - 1) as u32)
    }

    fn zero(&mut self) -> OpRef {
        match self.zero {
            Some(z) => z,
            None => {
                let z = self.push(OpKind::ConstInt, vec![], 0, None, vec![]);
                self.zero = Some(z);
                z
            }
        }
    }

    /// Bridge slot load `bi` of home `bridge.homes[op.imm]`: the value the parent exit has
    /// for it, or, for a home the loop does not write, the loop's own load of it.
    fn load_slot(&mut self, bi: usize, op: &Op, bridge: &Part, root: &Part, label: usize) -> Result<(), String> {
        let home = *bridge.homes.get(op.imm as usize).ok_or("bridge slot without a home")?;
        let k = match home {
            Home::Stack(q) => self.pm.vals.iter().enumerate().filter(|(_, v)| v.dest == Dest::Push).nth(q as usize).map(|(k, _)| k),
            h => {
                if self.pm.vals.iter().any(|v| v.dest == Dest::HomeAfterFirst(h)) {
                    return Err("bridge reads a home the loop may not have written yet".into());
                }
                self.pm.vals.iter().position(|v| v.dest == Dest::Home(h))
            }
        };
        match k {
            Some(k) => {
                let r = self.gop.snap[k];
                match self.out.ty(r) {
                    Ty::Ref => self.map[bi] = Some(r),
                    ty => {
                        self.inputs.insert(bi, (r, ty, self.pm.vals[k].neg));
                    }
                }
            }
            None => {
                if matches!(home, Home::Stack(_)) {
                    return Err("bridge stack entry not in the exit".into());
                }
                if matches!(home, Home::Global(_) | Home::Builtin(_)) {
                    // The loop's load of it, or one here (of a new slot of the loop's).
                    let slot = match self.homes.iter().position(|h| *h == home) {
                        Some(s) => s,
                        None => {
                            self.homes.push(home);
                            self.homes.len() - 1
                        }
                    };
                    let pre = root.trace.ops[..label].iter().position(|o| o.kind == OpKind::LoadSlot && o.imm == slot as u64);
                    self.map[bi] = Some(match pre {
                        Some(p) => OpRef(p as u32),
                        None => self.push(OpKind::LoadSlot, vec![], slot as u64, None, vec![]),
                    });
                    return Ok(());
                }
                let slot = root.homes.iter().position(|h| *h == home).ok_or("bridge reads a home the loop does not")?;
                let load = root.trace.ops[..label].iter().position(|o| o.kind == OpKind::LoadSlot && o.imm == slot as u64).ok_or("the loop does not load the home")?;
                self.map[bi] = Some(OpRef(load as u32));
            }
        }
        Ok(())
    }

    /// The op standing for bridge value `r`, boxing an unboxed input where needed.
    fn arg(&mut self, r: OpRef) -> Result<OpRef, String> {
        let i = r.0 as usize;
        if let Some(v) = self.map.get(i).copied().flatten() {
            return Ok(v);
        }
        if let Some(&b) = self.boxed.get(&i) {
            return Ok(b);
        }
        let &(v, ty, _) = self.inputs.get(&i).ok_or_else(|| format!("bridge op {i} has no value"))?;
        let b = match ty {
            Ty::I64 => {
                let (exit, snap) = (self.gop.exit, self.gop.snap.clone());
                self.push(OpKind::GuardSmallInt, vec![v], 0, exit, snap);
                self.push(OpKind::BoxInt, vec![v], 0, None, vec![])
            }
            Ty::F64 => self.push(OpKind::BoxFloat, vec![v], 0, None, vec![]),
            _ => return Err("a bool input used boxed".into()),
        };
        self.boxed.insert(i, b);
        Ok(b)
    }

    /// Any other bridge op: guards and unboxing of unboxed inputs fold away; guards leave
    /// through the parent's exit (entry guards) or their own, which also writes the parent
    /// exit's values for the homes the bridge did not write.
    fn op(&mut self, bi: usize, op: &Op, base: u32, bridge: &Part) -> Result<(), String> {
        if let Some(&a) = op.args.first() {
            if let Some(&(v, ty, neg)) = self.inputs.get(&(a.0 as usize)) {
                match (op.kind, ty) {
                    (OpKind::GuardInt, Ty::I64) | (OpKind::GuardFloat, Ty::F64) => return Ok(()),
                    (OpKind::UnboxInt, Ty::I64) | (OpKind::UnboxFloat, Ty::F64) => {
                        self.map[bi] = Some(v);
                        return Ok(());
                    }
                    (OpKind::GuardBits, Ty::Bool) => {
                        // The bool a failed branch guard left: known at its exit.
                        let failed = match self.gop.kind {
                            OpKind::GuardTrue | OpKind::GuardFalse if self.gop.args.first() == Some(&v) => (self.gop.kind == OpKind::GuardFalse) != neg,
                            _ => return Err("a bool input other than the guard's condition".into()),
                        };
                        if Value::bool(failed).bits() != op.imm {
                            return Err("the bridge expects the other bool".into());
                        }
                        self.map[bi] = Some(self.push(OpKind::ConstRef, vec![], op.imm, None, vec![]));
                        self.inputs.remove(&(a.0 as usize));
                        return Ok(());
                    }
                    _ => {}
                }
            }
        }
        let args = op.args.iter().map(|&a| self.arg(a)).collect::<Result<Vec<_>, _>>()?;
        let (exit, snap) = match op.exit {
            None => (None, vec![]),
            Some(ENTRY_EXIT) => (self.gop.exit, self.gop.snap.clone()),
            Some(e) => {
                let m = bridge.maps.get(e as usize).ok_or("bridge exit without a map")?;
                let mut snap = op.snap.iter().map(|&r| self.arg(r)).collect::<Result<Vec<_>, _>>()?;
                snap.extend(parent_extras(self.pm, m).map(|(k, _)| self.gop.snap[k]));
                (Some(base + e - 1), snap)
            }
        };
        let r = self.push(op.kind, args, op.imm, exit, snap);
        if op.kind.result() != Ty::Void {
            self.map[bi] = Some(r);
        }
        Ok(())
    }
}
