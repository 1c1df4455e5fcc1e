//! Writing a loop trace's exit back into the interpreter frame: each snapshot value goes to
//! its home (`ExitMap`), and an exit chained to a called loop's exit (`Chain`) goes on with
//! that exit, so the frame is left as the called loop's trace left it.

use crate::ir::Ty;
use crate::recorder::{set_enumerate_count, set_global, set_iter_index, with_header_iter, zip_iters, Chain, ChainIter, Dest, ExitMap, ExitVal, Home, LoopExits};
use rpy_interpreter::object::{Iter, Obj, ObjKind};
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::frame::{Block, Frame};
use std::rc::Rc;

/// Writes exit `n` of a loop trace into `f` (the loop's stack base at `base`): `buf` holds
/// the exit number and then the snapshot, `x` says where each value goes. Returns the exit's
/// map (a chained exit goes on with `write_chained`), `None` when a value could not be
/// converted. `vals` is scratch space.
// Inlined into the driver's hot path (`Jit::run_trace`): out of line, its exit loop's drops
// and int conversions were no longer inlined (3% more instructions on euler39).
#[inline(always)]
pub fn write_exit<'a>(x: &'a LoopExits, f: &mut Frame, base: usize, n: u32, buf: &[u64], vals: &mut Vec<(Dest, Value)>) -> Option<&'a ExitMap> {
    let map = x.maps.get(n as usize)?;
    let types = x.types.get(n as usize)?;
    let mut first = false;
    if !x.refs.get(n as usize).copied().unwrap_or(true) {
        // No refs in the snapshot: every value is owned already, so each goes straight
        // to its home.
        f.stack.truncate(base);
        for (k, (ev, &ty)) in map.vals.iter().zip(types).enumerate() {
            let v = convert(ev, ty, *buf.get(1 + k)?)?;
            write_exit_value(x, f, base, ev.dest, v, &mut first);
        }
    } else {
        // Own every value first: writing one home may drop the last other reference to an
        // object that another snapshot value borrows.
        vals.clear();
        for (k, (ev, &ty)) in map.vals.iter().zip(types).enumerate() {
            if ev.dest == Dest::Part {
                // The attributes of objects the exit makes: last.
                break;
            }
            let v = convert(ev, ty, *buf.get(1 + k)?)?;
            vals.push((ev.dest, v));
        }
        if !map.virtuals.is_empty() {
            materialise(map, types, buf, vals)?;
        }
        f.stack.truncate(base);
        for (dest, v) in vals.drain(..) {
            write_exit_value(x, f, base, dest, v, &mut first);
        }
    }
    f.blocks.extend(map.blocks.iter().map(|b| Block { level: b.level + base as u32, ..*b }));
    f.pc = map.pc;
    Some(map)
}

/// The rest of a chained exit (`chain`, of the trace whose exits are `caller` and whose
/// exit buffer is `buf`): the frame is at the called loop's header with the state of its
/// iterator on top of the stack. Makes the iterator of it, then writes the exit the called
/// loop's trace took (its buffer is the tail of `buf`), and so on down when that exit is
/// chained too.
#[inline(never)]
pub fn write_chained(chain: Chain, caller: &LoopExits, f: &mut Frame, buf: &[u64], vals: &mut Vec<(Dest, Value)>) -> Option<()> {
    let x: &Rc<LoopExits> = caller.inner.get(chain.inner as usize)?;
    let buf = buf.get(caller.chain_off..)?;
    let second = f.stack.pop()?;
    let first = f.stack.pop()?;
    let it = match chain.iter {
        ChainIter::Range { step } => Iter::Range { cur: first.as_small_int()?, step, remaining: second.as_small_int()? },
        ChainIter::Seq => Iter::Seq { seq: first, idx: usize::try_from(second.as_small_int()?).ok()? },
    };
    f.stack.push(rpy_interpreter::vm::new_iter(it));
    let base = f.stack.len();
    let n = u32::try_from(*buf.first()?).ok()?;
    let map = write_exit(x, f, base, n, buf, vals)?;
    match map.chain {
        Some(next) => write_chained(next, x, f, buf, vals),
        None => Some(()),
    }
}

/// Makes the objects of `map.virtuals` whose slots hold NULL (the trace carried them as
/// their attributes) and puts each, the same object, in all its slots.
#[cold]
#[inline(never)]
fn materialise(map: &ExitMap, types: &[Ty], buf: &[u64], vals: &mut [(Dest, Value)]) -> Option<()> {
    for o in &map.virtuals {
        let first = *o.slots.first()? as usize;
        if !vals.get(first)?.1.is(&Value::NULL) {
            // The object the loop was entered with (its first iteration): the real one.
            continue;
        }
        // SAFETY: `new_inst` returns an owned reference.
        let obj = unsafe { Value::from_raw_bits(crate::runtime::new_inst(o.cls, o.template)) };
        for (k, &s) in o.fields.iter().enumerate() {
            let s = s as usize;
            let v = convert(map.vals.get(s)?, *types.get(s)?, *buf.get(1 + s)?)?;
            crate::runtime::inst_init(obj.bits(), v.bits(), k as u64);
        }
        for &s in &o.slots {
            vals.get_mut(s as usize)?.1 = obj.clone();
        }
    }
    Some(())
}

/// A snapshot value of type `ty` as the trace left it (`bits`), as a value the frame owns.
#[inline(always)]
fn convert(ev: &ExitVal, ty: Ty, bits: u64) -> Option<Value> {
    Some(match ty {
        Ty::Bool => Value::bool((bits != 0) != ev.neg),
        // SAFETY: the trace hands this reference over (a new object it made).
        Ty::Ref if ev.owned => unsafe { Value::from_raw_bits(bits) },
        // SAFETY: a ref in a snapshot is borrowed from the frame, a global or a list the
        // trace read, none of which the trace released.
        Ty::Ref => unsafe { Value::clone_from_bits(bits) },
        Ty::I64 => rpy_interpreter::vm::new_int(bits as i64),
        _ => Value::from_inline_bits(bits)?,
    })
}

/// Writes one value of an exit's snapshot to where it goes in the frame. `first` carries the
/// `Dest::FirstIteration` flag to the `Dest::HomeAfterFirst` values after it.
#[inline(always)]
fn write_exit_value(x: &LoopExits, f: &mut Frame, base: usize, dest: Dest, v: Value, first: &mut bool) {
    let dest = match dest {
        Dest::FirstIteration => {
            // An int flag (1 on entry, 0 after) or a bool comparison.
            *first = v.as_small_int() != Some(0) && !v.is(&Value::FALSE);
            return;
        }
        Dest::HomeAfterFirst(_) if *first => return,
        Dest::HomeAfterFirst(h) => Dest::Home(h),
        d => d,
    };
    match dest {
        Dest::Push => f.stack.push(v),
        Dest::Home(Home::Fast(i)) => f.fast[i as usize] = v,
        Dest::Home(Home::Global(g)) => {
            if let Some(name) = x.names.get(g as usize) {
                set_global(f, name, v);
            }
        }
        Dest::Home(h @ (Home::IterCur | Home::IterRemaining)) => {
            let n = rpy_interpreter::vm::int_i64(&v);
            with_header_iter(&f.stack, base, x.enumerate, |it| {
                if let Some(Obj { kind: ObjKind::Iter(cell) }) = it.as_obj() {
                    if let (Iter::Range { cur, remaining, .. }, Some(n)) = (&mut *cell.borrow_mut(), n) {
                        if h == Home::IterCur {
                            *cur = n;
                        } else {
                            *remaining = n;
                        }
                    }
                }
                Some(())
            });
        }
        Dest::Home(Home::IterIdx | Home::IterDictIdx) => {
            if let Some(i) = rpy_interpreter::vm::int_i64(&v).and_then(|i| usize::try_from(i).ok()) {
                with_header_iter(&f.stack, base, x.enumerate, |it| {
                    set_iter_index(Some(it), i);
                    Some(())
                });
            }
        }
        Dest::Home(Home::IterCount) => set_enumerate_count(base.checked_sub(1).and_then(|b| f.stack.get(b)), v),
        Dest::Home(Home::ZipIdx(k)) => {
            let it = base.checked_sub(1).and_then(|b| f.stack.get(b)).and_then(zip_iters).and_then(|its| its.into_iter().nth(k as usize));
            if let Some(i) = rpy_interpreter::vm::int_i64(&v).and_then(|i| usize::try_from(i).ok()) {
                set_iter_index(it.as_ref(), i);
            }
        }
        Dest::Home(Home::IterStep | Home::Stack(_) | Home::Under(_) | Home::Builtin(_) | Home::IterSeq | Home::IterDict | Home::IterDictLen | Home::Cell(_) | Home::ZipArity | Home::ZipSeq(_)) => {}
        // An old value the trace owned: released here, after the values before it are home.
        Dest::FirstIteration | Dest::HomeAfterFirst(_) | Dest::Drop | Dest::Part => {}
    }
}
