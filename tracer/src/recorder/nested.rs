//! Nested loops: a trace that reaches a loop the JIT has compiled calls the loop's root trace
//! (`call_loop`) instead of stopping there.
//!
//! The loop must be a `for` over an iterator made in the trace: a range (`range(...)`, in
//! any trace) or, at the root of a loop trace, a list or a tuple (`GetIter`); or, in a loop
//! trace's body, a `while` loop without effects on memory, called at its header (its guards
//! resume there; an exit at the loop condition's branch ends the loop, and the driver takes
//! the branch: `InnerExit::branched`). Its root trace runs to the loop's end, through the
//! same exit, as when recorded; whether the loop ends in its first iteration is a select (or
//! a guard) on the exit's first-iteration flag.
//!
//! When the call does not end as recorded, the guard after it leaves the trace:
//! - In a function trace, the called loop must have no effect on memory (no list stores or
//!   appends): all it changes are its homes, which it hands back at its exit. So the guard
//!   resumes *before* the loop, at the snapshot taken where the iterator was made
//!   (`Rec::resume`), and the interpreter runs the loop again, discarding what the call
//!   computed.
//! - In a loop trace, the called loop may also store into and append to lists, and call
//!   loops itself (nothing else: no attribute or dict stores, no new objects, no calls). The guard's exit chains
//!   to the called loop's exit (`Chain`, written by `deopt.rs`): the frame is left at the
//!   loop's header with its iterator rebuilt as the trace made it, then as the called trace
//!   left it, so its effects stand and the interpreter goes on inside the loop.
//!
//! While recording, the loop runs for real through the same root trace (`Loops::run_inner`,
//! with the driver's entry and exit glue on the real frame), and the recorder goes on after
//! the loop with the values its exit left: the homes it wrote become loads from the call's
//! exit buffer.

use super::inline::VIter;
use super::{function, Abort, Chain, ChainIter, Dest, ExitMap, Home, Rec, Sym, V};
use crate::ir::{OpKind, Ty};
use crate::recorder::{global_value, range_state};
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::frame::Frame;

/// A compiled loop's root trace, as a trace calls it.
pub struct InnerLoop {
    /// Its code: `fn(slots, exitbuf, vm) -> exit`.
    pub entry: usize,
    /// The words of exit buffer it needs.
    pub exitbuf_len: usize,
    /// Slot `k` is filled from `homes[k]`.
    pub homes: Vec<Home>,
    /// The names its global homes refer to.
    pub names: Vec<Value>,
    /// Objects its code refers to by identity, which the calling trace keeps alive too.
    pub keep: Vec<Value>,
    /// It changes memory (stores into or appends to lists): only a loop trace may call it,
    /// with exits chained to the loop's.
    pub effects: bool,
    /// A loop trace may call it: no effects beyond list stores and appends (none that
    /// replaces or frees an object, makes one, or calls code).
    pub chainable: bool,
    /// How to write its exits, for a caller's chained exits.
    pub exits: std::rc::Rc<super::LoopExits>,
    /// A `for` loop over a range, list, tuple or dict items (else a `while` loop, whose
    /// homes are variables only).
    pub iterates: bool,
}

/// How a run of an inner loop ended: its exit, that exit's map and snapshot types, and whether
/// it left in the loop's first iteration.
pub struct InnerExit {
    pub exit: u32,
    pub map: ExitMap,
    pub types: Vec<Ty>,
    pub first: bool,
    /// A `while` loop's exit left the frame at the loop condition's branch, its one pushed
    /// value the condition (the exit decides which way it goes): the driver took it.
    pub branched: bool,
}

/// The driver's compiled loops, as the recorder sees them.
pub trait Loops {
    /// The root trace of the compiled loop whose header is at `f.pc` (its iterator on
    /// top of `f`'s stack), when it has one a trace can call.
    fn find_inner(&mut self, f: &Frame) -> Result<InnerLoop, Abort>;
    /// Runs that loop's root trace on `f`. `Ok` when it ran to the loop's end: the frame is
    /// at the header with the iterator exhausted. On an error the frame is where the
    /// interpreter goes on.
    fn run_inner(&mut self, f: &mut Frame) -> Result<InnerExit, Abort>;
}

/// No compiled loops.
pub struct NoLoops;

impl Loops for NoLoops {
    fn find_inner(&mut self, _f: &Frame) -> Result<InnerLoop, Abort> {
        Err("inner loop not compiled yet".into())
    }
    fn run_inner(&mut self, _f: &mut Frame) -> Result<InnerExit, Abort> {
        Err("inner loop not compiled yet".into())
    }
}

/// The `ForIter` of a loop over the virtual iterator on top of the stack (`target`: the pc
/// after the loop), at the root of a function trace (`func`) or in a loop trace's body; or
/// (`target` `None`) the header of a `while` loop at `f.pc` in a loop trace's body: calls the
/// loop's compiled root trace, and returns the pc after the loop (for a `while` loop, where
/// its exit went on).
pub(super) fn call_loop(r: &mut Rec, f: &mut Frame, loops: &mut dyn Loops, func: bool, target: Option<usize>) -> Result<usize, Abort> {
    let it = match target {
        Some(_) => {
            let Sym::Iter(k) = r.top(0)? else {
                return Err("inner loop over something other than a range, list or tuple iterator made in the trace".into());
            };
            Some(r.iters[k as usize])
        }
        None => {
            // Its guards resume at the header, before the loop, which must have no effects.
            if func || !r.calls.is_empty() || !r.stack.is_empty() || !r.fresh.is_empty() || r.resume.is_some() {
                return Err("while loop reached with values of the trace's own".into());
            }
            r.resume = Some(r.snapshot());
            None
        }
    };
    if r.resume.is_none() {
        return Err("inner loop without a state to resume at".into());
    }
    let inner = loops.find_inner(f)?;
    if inner.iterates != it.is_some() {
        return Err("inner loop of another kind".into());
    }
    // In a loop trace, the exits after the call of a `for` loop chain to the loop's exit; a
    // function trace, a call inlined into a loop trace, or a `while` loop resumes before the
    // loop (or the call), which must then have no effects.
    let inlined = !r.calls.is_empty();
    // A dict items loop resumes before the loop too (its iterator is not rebuilt at exits).
    let dict_items = matches!(it, Some(VIter::DictItems { .. }));
    let chained = !func && !inlined && !dict_items && it.is_some();
    if chained {
        if !inner.chainable {
            return Err("inner loop with effects other than list stores".into());
        }
        if !r.calls.is_empty() || r.stack[..r.stack.len() - 1].iter().any(|s| s.is_virtual()) || !r.fresh.is_empty() {
            return Err("inner loop while the trace holds a virtual or new object".into());
        }
    } else if inner.effects {
        return Err("inner loop with effects on memory".into());
    } else if inner.exitbuf_len > crate::codegen::LOOP_EXITBUF {
        return Err("inner loop with too many values".into());
    }
    let remaining = match it {
        Some(VIter::Range(_)) => f.stack.last().and_then(range_state).ok_or("range iterator state")?.2,
        _ => 0,
    };
    let mut rem = None;
    let mut args = Vec::with_capacity(inner.homes.len());
    for &home in &inner.homes {
        let v = match (home, it) {
            (Home::IterCur, Some(VIter::Range(it))) => r.box_int(it.cur),
            (Home::IterStep, Some(VIter::Range(it))) => r.emit(OpKind::ConstRef, vec![], Value::small_int(it.step).ok_or("range step")?.bits()),
            (Home::IterRemaining, Some(VIter::Range(it))) => {
                let n = *rem.get_or_insert_with(|| remaining_of(r, it.cur, it.stop, it.step, remaining > 0));
                r.box_int(n)
            }
            (Home::IterSeq, Some(VIter::Seq { seq: Sym::List(v) | Sym::Obj(v, _), .. })) => v,
            (Home::IterIdx, Some(VIter::Seq { idx, .. })) => r.box_int(idx),
            (Home::IterDict, Some(VIter::DictItems { dict })) => dict,
            (Home::IterDictIdx, Some(VIter::DictItems { .. })) => {
                let zero = r.const_int(0);
                r.box_int(zero)
            }
            (Home::IterDictLen, Some(VIter::DictItems { dict })) => {
                let n = r.emit(OpKind::DictLen, vec![dict], 0);
                r.box_int(n)
            }
            (Home::Fast(i), _) if inlined => match local(r, i)? {
                Some(s) => r.boxed(s)?,
                // Unbound in the callee: the loop writes it first.
                None => r.emit(OpKind::ConstRef, vec![], Value::NULL.bits()),
            },
            (Home::Fast(i), _) => {
                let real = f.fast.get(i as usize).ok_or("bad local")?.clone();
                let known = r.homes.iter().any(|h| h.home == home && h.cur.is_some());
                if real.is_null() && !known {
                    // Unbound here on every run of this path: the loop writes it first.
                    r.emit(OpKind::ConstRef, vec![], Value::NULL.bits())
                } else {
                    let s = r.read_home(home, &real)?;
                    r.boxed(s)?
                }
            }
            (Home::Cell(i), _) => {
                // Read only, by both loops.
                let real = crate::recorder::cell_value(f, i as usize).ok_or("unbound cell")?;
                let s = r.read_home(home, &real)?;
                r.boxed(s)?
            }
            (Home::Global(g) | Home::Builtin(g), _) => {
                let name = inner.names.get(g as usize).ok_or("bad name")?.clone();
                let s = if func {
                    function::load_global(r, f, &name)?.0
                } else {
                    let (home, real) = match global_value(f, &name) {
                        Some(v) => (Home::Global(r.name_index(&name)), v),
                        None => (Home::Builtin(r.name_index(&name)), crate::recorder::builtin_value(f, &name).ok_or("name is not defined")?),
                    };
                    r.read_home(home, &real)?
                };
                r.boxed(s)?
            }
            _ => return Err(format!("inner loop reads {home:?}")),
        };
        args.push(v);
    }
    // For a chained call: the iterator's state as a chained exit hands it over (two values,
    // and how the driver makes the iterator of them).
    let state = match (chained, it) {
        (false, _) => None,
        (true, Some(VIter::Range(it))) => {
            let rem = match rem {
                Some(n) => n,
                None => remaining_of(r, it.cur, it.stop, it.step, remaining > 0),
            };
            Some(([Sym::Int(it.cur), Sym::Int(rem)], ChainIter::Range { step: it.step }))
        }
        (true, Some(VIter::Seq { seq, idx })) => Some(([seq, Sym::Int(idx)], ChainIter::Seq)),
        (true, Some(VIter::DictItems { .. }) | None) => return Err("chained call of a dict items or while loop".into()),
    };
    // The values of the homes the loop writes lazily (`Dest::HomeAfterFirst`), as they are
    // before it runs.
    let mut pre = Vec::new();
    for ev in inner.exits.maps.iter().flat_map(|m| &m.vals) {
        if let Dest::HomeAfterFirst(h) = ev.dest {
            let v = match h {
                Home::Fast(i) => f.fast.get(i as usize).cloned(),
                Home::Global(g) if !func => inner.names.get(g as usize).and_then(|name| global_value(f, name)),
                _ => None,
            };
            if let Some(v) = v.filter(|v| !v.is_null()) {
                pre.push((h, v));
            }
        }
    }
    let done = loops.run_inner(f)?;
    r.keep.extend(inner.keep);
    let call = r.emit(OpKind::CallLoop, args, crate::codegen::call_loop_imm(inner.entry, inner.exitbuf_len));
    if let Some((state, iter)) = state {
        // From here on the loop has run: guards resume after it, with its exit.
        r.inner.push(inner.exits);
        let chain = Chain { iter, inner: (r.inner.len() - 1) as u32 };
        let si = r.snapshot();
        let snap = &mut r.snaps[si];
        snap.stack.pop();
        snap.stack.extend(state);
        snap.chain = Some(chain);
        r.resume = Some(si);
    }
    let want = r.const_int(done.exit as i64);
    let same = r.emit(OpKind::IntEq, vec![call, want], 0);
    r.guard(OpKind::GuardTrue, same);
    // The homes the loop writes, as this trace names them (`None`: not written back).
    let mut homes = Vec::with_capacity(done.map.vals.len());
    for ev in &done.map.vals {
        let h = match ev.dest {
            Dest::Home(h) | Dest::HomeAfterFirst(h) => h,
            Dest::FirstIteration => {
                homes.push(None);
                continue;
            }
            Dest::Push if done.branched => {
                homes.push(None);
                continue;
            }
            Dest::Push | Dest::Drop | Dest::Part => return Err("inner loop leaves values on the stack or owns values".into()),
        };
        homes.push(match h {
            Home::Fast(_) => Some(h),
            Home::Global(g) if !func => {
                let name = inner.names.get(g as usize).ok_or("bad name")?.clone();
                Some(Home::Global(r.name_index(&name)))
            }
            // The iterator is exhausted and goes away.
            Home::IterCur | Home::IterRemaining | Home::IterIdx | Home::IterDictIdx => None,
            _ => return Err(format!("inner loop writes {home:?}", home = h)),
        });
    }
    // A home the loop writes after its first iteration keeps its value when the loop ends in
    // its first iteration: when each such home holds an int or a float here, the value after
    // the call is a select on the loop's first-iteration flag, else that flag is guarded.
    let mut olds = vec![None; homes.len()];
    for (k, ev) in done.map.vals.iter().enumerate() {
        let (Dest::HomeAfterFirst(h), Some(home)) = (ev.dest, homes[k]) else { continue };
        let cur = match home {
            Home::Fast(i) if inlined => local(r, i)?,
            _ => r.homes.iter().find(|s| s.home == home).and_then(|s| s.cur),
        };
        let cur = match cur {
            Some(cur) => Some(cur),
            None if inlined => None,
            None => match pre.iter().find(|(p, _)| *p == h) {
                Some((_, v)) => Some(r.read_home(home, v)?),
                None => None,
            },
        };
        olds[k] = cur.filter(|c| matches!((c, done.types[k]), (Sym::Int(_), Ty::I64) | (Sym::Float(_), Ty::F64)));
    }
    let is_lazy = |k: usize| matches!(done.map.vals[k].dest, Dest::HomeAfterFirst(_));
    let select = (0..homes.len()).filter(|&k| is_lazy(k)).all(|k| olds[k].is_some());
    let mut first = None;
    let mut writes = Vec::new();
    for (j, (ev, &ty)) in done.map.vals.iter().zip(&done.types).enumerate() {
        if ev.dest == Dest::FirstIteration {
            let x = r.emit(OpKind::LoadLoopExitInt, vec![call], j as u64);
            let zero = r.const_int(0);
            let b = r.emit(OpKind::IntNe, vec![x, zero], 0);
            if select {
                first = Some((b, ev.neg));
            } else {
                r.guard_truth(Sym::Bool(b, ev.neg), done.first)?;
            }
            continue;
        }
        let lazy = is_lazy(j);
        if lazy && done.first && !select {
            continue;
        }
        let Some(home) = homes[j] else { continue };
        let s = match ty {
            Ty::I64 => Sym::Int(r.emit(OpKind::LoadLoopExitInt, vec![call], j as u64)),
            Ty::F64 => {
                let bits = r.emit(OpKind::LoadLoopExitRef, vec![call], j as u64);
                Sym::Float(r.emit(OpKind::UnboxFloat, vec![bits], 0))
            }
            // A borrowed object (a list the loop read from another): guarded as it is now.
            Ty::Ref if !ev.owned => {
                let real = match home {
                    Home::Fast(i) => f.fast.get(i as usize).cloned(),
                    Home::Global(g) => r.names.get(g as usize).cloned().and_then(|name| global_value(f, &name)),
                    _ => None,
                };
                let kind = real.as_ref().and_then(super::Kind::of).ok_or("inner loop leaves a value of a type the JIT does not handle")?;
                let e = r.emit(OpKind::LoadLoopExitRef, vec![call], j as u64);
                r.typed(e, kind)?
            }
            _ => return Err("inner loop leaves a value other than an int, a float or a borrowed object".into()),
        };
        let s = match (lazy, first, olds[j]) {
            (true, Some((b, neg)), Some(old)) => {
                let (Sym::Int(o) | Sym::Float(o), Sym::Int(n) | Sym::Float(n)) = (old, s) else {
                    return Err("select of something other than an int or a float".into());
                };
                let (kind, wrap): (OpKind, fn(V) -> Sym) = if ty == Ty::I64 { (OpKind::SelectInt, Sym::Int) } else { (OpKind::SelectFloat, Sym::Float) };
                let (if_true, if_false) = if neg { (n, o) } else { (o, n) };
                wrap(r.emit(kind, vec![b, if_true, if_false], 0))
            }
            (true, None, _) if select => return Err("first-iteration flag missing".into()),
            _ => s,
        };
        writes.push((home, s));
    }
    // After the loop: the iterator is popped, and once no virtual object is left on the
    // stack, guards snapshot again.
    if it.is_some() {
        r.pop()?;
        f.stack.pop();
    }
    if r.calls.is_empty() && !r.stack.iter().any(|s| s.is_virtual()) {
        r.resume = None;
    }
    for (home, s) in writes {
        match (home, r.calls.last_mut()) {
            (Home::Fast(i), Some(c)) => *c.locals.get_mut(i as usize).ok_or("bad local")? = Some(s),
            _ => r.write_home(home, s)?,
        }
    }
    Ok(target.unwrap_or(f.pc))
}

/// Local `i` of the call being inlined (`None`: unbound).
fn local(r: &Rec, i: u32) -> Result<Option<Sym>, Abort> {
    let c = r.calls.last().ok_or("no inlined call")?;
    c.locals.get(i as usize).copied().ok_or_else(|| "bad local".to_string())
}

/// Whether the `ForIter` at `f.pc` in an inlined call is unrolled (`Ok(false)`: a range of
/// at most `UNROLL` values between constants, whose iterations fold) or starts a loop whose
/// compiled trace the trace calls (`Ok(true)`: no effects on memory, so its guards may
/// resume before the call). Any other loop stops the recording: unrolled, it would tie the
/// trace to one trip count.
pub(super) fn callable_in_call(r: &mut Rec, f: &Frame, loops: &mut dyn Loops) -> Result<bool, Abort> {
    let Sym::Iter(k) = r.top(0)? else { return Ok(false) };
    if r.unrolled.contains(&k) {
        return Ok(false);
    }
    if let Some(VIter::Range(it)) = r.iters.get(k as usize) {
        if let (Some(a), Some(b)) = (r.known_number(Sym::Int(it.cur)), r.known_number(Sym::Int(it.stop))) {
            if ((b - a) / it.step as f64).ceil() <= UNROLL {
                r.unrolled.push(k);
                return Ok(false);
            }
        }
    }
    let inner = loops.find_inner(f)?;
    if inner.effects || inner.exitbuf_len > crate::codegen::LOOP_EXITBUF {
        return Err("loop with effects on memory in an inlined call".into());
    }
    Ok(true)
}

/// Most values of a range between constants that a loop in an inlined call unrolls.
const UNROLL: f64 = 16.0;

/// How many values a range from `cur` to `stop` by `step` (a constant) yields: guarded to be
/// none or some, as `some` says.
fn remaining_of(r: &mut Rec, cur: V, stop: V, step: i64, some: bool) -> V {
    let (lo, hi) = if step > 0 { (cur, stop) } else { (stop, cur) };
    let more = r.emit(OpKind::IntLt, vec![lo, hi], 0);
    if !some {
        r.guard(OpKind::GuardFalse, more);
        return r.const_int(0);
    }
    r.guard(OpKind::GuardTrue, more);
    // (hi - lo - 1) // |step| + 1, with hi - lo > 0.
    let span = r.emit_guard(OpKind::IntSubOvf, vec![hi, lo]);
    if step.unsigned_abs() == 1 {
        return span;
    }
    let one = r.const_int(1);
    let less = r.emit(OpKind::IntSub, vec![span, one], 0);
    let by = r.const_int(step.abs());
    let q = r.emit_guard(OpKind::IntFloorDivOvf, vec![less, by]);
    r.emit(OpKind::IntAdd, vec![q, one], 0)
}
