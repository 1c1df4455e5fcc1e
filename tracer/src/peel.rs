//! A bridge that completes an iteration fused with the loop trace that runs after it.
//!
//! When a bridge's end (the loop header, one iteration done) is hot, the driver records a
//! loop trace from there ("loop trace after bridge"): the usual case is an entry bridge,
//! taken because a variable holds an int when the loop starts and a float after its first
//! iteration. Every entry then runs the bridge, writes the frame at its end, and enters the
//! loop trace, which reads the frame again and guards what the bridge just computed.
//!
//! So the bridge is compiled again with the loop trace after it, as one trace: the bridge's
//! ops, then the loop trace's, whose slot loads become the values the bridge's end would
//! have written (or the bridge's own loads of the homes it did not write). The loop's entry
//! guards and unboxing of those values fold away; the ones left leave through the bridge's
//! end exit, which puts the frame where the driver went on before. The loop trace's other
//! exits also write the bridge's values of the homes they do not write, as the frame holds
//! the values from before the bridge while the fused trace runs.

use crate::ir::{Op, OpKind, OpRef, Trace, Ty};
use crate::opt::licm::ENTRY_EXIT;
use crate::recorder::{Dest, ExitMap, ExitVal, Home, LoopExits};
use rpy_interpreter::value::Value;
use std::collections::HashMap;

/// A compiled trace's IR, how its slots and exits map to the frame, and its name table.
pub(crate) struct Part<'a> {
    pub trace: &'a Trace,
    pub homes: &'a [Home],
    pub maps: &'a [ExitMap],
    pub names: &'a [Value],
    pub interrupt_exit: u32,
    /// The loops it calls, whose exits its own may chain to.
    pub inner: &'a [std::rc::Rc<LoopExits>],
}

/// The fused trace: its IR, its slots' homes, its exit maps, its name table and its
/// interrupt exit.
pub(crate) struct Fused {
    pub trace: Trace,
    pub homes: Vec<Home>,
    pub maps: Vec<ExitMap>,
    pub names: Vec<Value>,
    pub interrupt_exit: u32,
    pub inner: Vec<std::rc::Rc<LoopExits>>,
}

/// `bridge` (ending with `exit` at the loop header) followed by loop trace `lp`, recorded
/// from that end. The bridge's exits keep their numbers; the loop's exit `k >= 1` becomes
/// `bridge.maps.len() + k - 1`.
pub(crate) fn fuse(bridge: Part, lp: Part) -> Result<Fused, String> {
    if bridge.maps.iter().chain(lp.maps).any(|m| !m.virtuals.is_empty()) {
        return Err("exits that make objects (carried instances)".into());
    }
    let bops = &bridge.trace.ops;
    let end = bops.last().filter(|op| op.kind == OpKind::Exit).ok_or("bridge without an end")?;
    let end_exit = end.exit.ok_or("end without an exit")?;
    let em = bridge.maps.get(end_exit as usize).ok_or("no map for the bridge's end")?;
    if !em.end || em.vals.len() != end.snap.len() || em.vals.iter().any(|v| v.owned || !matches!(v.dest, Dest::Home(_))) {
        return Err("the bridge's end is not a plain one".into());
    }
    let unusual = |t: &Trace| t.ops.iter().any(|op| matches!(op.kind, OpKind::LoadExitSlot | OpKind::LoadExitInt | OpKind::StoreSlot | OpKind::Side));
    if unusual(bridge.trace) || unusual(lp.trace) {
        return Err("an unusual input".into());
    }
    if !lp.trace.ops.iter().any(|op| op.kind == OpKind::Label) {
        return Err("no loop after the bridge".into());
    }
    let mut names = bridge.names.to_vec();
    let mut rename = |h: Home| -> Result<Home, String> {
        let index = |n: u32, names: &mut Vec<Value>| -> Result<u32, String> {
            let name = lp.names.get(n as usize).ok_or("bad name")?;
            Ok(match names.iter().position(|x| x.is(name)) {
                Some(k) => k as u32,
                None => {
                    names.push(name.clone());
                    (names.len() - 1) as u32
                }
            })
        };
        Ok(match h {
            Home::Global(n) => Home::Global(index(n, &mut names)?),
            Home::Builtin(n) => Home::Builtin(index(n, &mut names)?),
            h => h,
        })
    };
    let lhomes = lp.homes.iter().map(|&h| rename(h)).collect::<Result<Vec<_>, _>>()?;
    let mut lmaps = Vec::with_capacity(lp.maps.len());
    // The loop's chained exits name its called loops after the bridge's.
    let shift = bridge.inner.len() as u32;
    for m in lp.maps {
        let mut m = m.clone();
        if let Some(c) = &mut m.chain {
            c.inner += shift;
        }
        for v in &mut m.vals {
            v.dest = match v.dest {
                Dest::Home(h) => Dest::Home(rename(h)?),
                Dest::HomeAfterFirst(h) => Dest::HomeAfterFirst(rename(h)?),
                d => d,
            };
        }
        lmaps.push(m);
    }

    let mut out = Trace::new();
    out.ops.extend(bops[..bops.len() - 1].iter().cloned());
    let mut f = Fuser { out, homes: bridge.homes.to_vec(), map: vec![None; lp.trace.ops.len()], inputs: HashMap::new(), boxed: HashMap::new(), end, end_exit };
    let base = bridge.maps.len() as u32;
    // The bridge's values of the homes it writes, which the loop's exits write too unless
    // they write those homes themselves (first: a later write of a home wins).
    let extras = |m: &ExitMap| -> Vec<usize> { (0..em.vals.len()).filter(|&p| !m.vals.iter().any(|v| v.dest == em.vals[p].dest)).collect() };
    for (li, op) in lp.trace.ops.iter().enumerate() {
        if op.kind == OpKind::LoadSlot {
            let home = *lhomes.get(op.imm as usize).ok_or("loop slot without a home")?;
            match em.vals.iter().position(|v| v.dest == Dest::Home(home)) {
                Some(p) => {
                    let v = end.snap[p];
                    match f.out.ty(v) {
                        Ty::Ref => f.map[li] = Some(v),
                        Ty::Bool | Ty::Void => return Err("the bridge leaves a bool the loop reads".into()),
                        ty => {
                            f.inputs.insert(li, (v, ty));
                        }
                    }
                }
                None => f.map[li] = Some(f.slot(home, bops)),
            }
            continue;
        }
        if let Some(&a) = op.args.first() {
            if let Some(&(v, ty)) = f.inputs.get(&(a.0 as usize)) {
                match (op.kind, ty) {
                    (OpKind::GuardInt, Ty::I64) | (OpKind::GuardFloat, Ty::F64) => continue,
                    (OpKind::UnboxInt, Ty::I64) | (OpKind::UnboxFloat, Ty::F64) => {
                        f.map[li] = Some(v);
                        continue;
                    }
                    (OpKind::GuardInt | OpKind::UnboxInt, _) | (OpKind::GuardFloat | OpKind::UnboxFloat, _) => {
                        return Err("the bridge leaves a value of another type than the loop's".into());
                    }
                    _ => {}
                }
            }
        }
        let args = op.args.iter().map(|&a| f.arg(a)).collect::<Result<Vec<_>, _>>()?;
        let (exit, snap) = match op.exit {
            None => (None, vec![]),
            Some(ENTRY_EXIT) => (Some(end_exit), end.snap.clone()),
            Some(e) => {
                let m = lmaps.get(e as usize).ok_or("loop exit without a map")?;
                let mut snap: Vec<OpRef> = extras(m).into_iter().map(|p| end.snap[p]).collect();
                for &r in &op.snap {
                    snap.push(f.arg(r)?);
                }
                (Some(base + e - 1), snap)
            }
        };
        f.out.ops.push(Op { kind: op.kind, args, imm: op.imm, exit, snap });
        if op.kind.result() != Ty::Void {
            f.map[li] = Some(OpRef((f.out.ops.len() - 1) as u32));
        }
    }
    let mut maps = bridge.maps.to_vec();
    for m in lmaps.iter().skip(1) {
        let mut vals: Vec<ExitVal> = extras(m).into_iter().map(|p| em.vals[p]).collect();
        vals.extend(m.vals.iter().copied());
        maps.push(ExitMap { vals, ..m.clone() });
    }
    let interrupt_exit = match lp.interrupt_exit {
        u32::MAX => u32::MAX,
        e => base + e - 1,
    };
    let inner = bridge.inner.iter().chain(lp.inner).cloned().collect();
    Ok(Fused { trace: f.out, homes: f.homes, maps, names, interrupt_exit, inner })
}

/// The fused trace being built.
struct Fuser<'a> {
    out: Trace,
    /// Its slots' homes: the bridge's, then homes only the loop reads.
    homes: Vec<Home>,
    /// The op standing for each loop op (none for folded guards and void ops).
    map: Vec<Option<OpRef>>,
    /// Loop slot loads whose value the bridge has unboxed: the value and its type.
    inputs: HashMap<usize, (OpRef, Ty)>,
    /// Those inputs boxed, where something needs them boxed.
    boxed: HashMap<usize, OpRef>,
    /// The bridge's end, and its exit.
    end: &'a Op,
    end_exit: u32,
}

impl Fuser<'_> {
    /// The slot load of `home` the bridge made, or a new one.
    fn slot(&mut self, home: Home, bops: &[Op]) -> OpRef {
        if let Some(k) = self.homes.iter().position(|&h| h == home) {
            if let Some(i) = bops.iter().position(|o| o.kind == OpKind::LoadSlot && o.imm == k as u64) {
                return OpRef(i as u32);
            }
            self.out.ops.push(Op { kind: OpKind::LoadSlot, args: vec![], imm: k as u64, exit: None, snap: vec![] });
            return OpRef((self.out.ops.len() - 1) as u32);
        }
        self.homes.push(home);
        self.out.ops.push(Op { kind: OpKind::LoadSlot, args: vec![], imm: (self.homes.len() - 1) as u64, exit: None, snap: vec![] });
        OpRef((self.out.ops.len() - 1) as u32)
    }

    /// The op standing for loop value `r`, boxing an unboxed input where needed (leaving
    /// through the bridge's end where an int is too big to box inline).
    fn arg(&mut self, r: OpRef) -> Result<OpRef, String> {
        let i = r.0 as usize;
        if let Some(v) = self.map.get(i).copied().flatten() {
            return Ok(v);
        }
        if let Some(&b) = self.boxed.get(&i) {
            return Ok(b);
        }
        let &(v, ty) = self.inputs.get(&i).ok_or_else(|| format!("loop op {i} has no value"))?;
        let b = match ty {
            Ty::I64 => {
                self.out.ops.push(Op { kind: OpKind::GuardSmallInt, args: vec![v], imm: 0, exit: Some(self.end_exit), snap: self.end.snap.clone() });
                self.out.ops.push(Op { kind: OpKind::BoxInt, args: vec![v], imm: 0, exit: None, snap: vec![] });
                OpRef((self.out.ops.len() - 1) as u32)
            }
            Ty::F64 => {
                self.out.ops.push(Op { kind: OpKind::BoxFloat, args: vec![v], imm: 0, exit: None, snap: vec![] });
                OpRef((self.out.ops.len() - 1) as u32)
            }
            _ => return Err("a bool input used boxed".into()),
        };
        self.boxed.insert(i, b);
        Ok(b)
    }
}
