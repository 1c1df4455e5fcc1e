//! Function traces: a hot function recorded from its entry (or, for a side trace, from an
//! exit of its trace) to its `return`.
//!
//! The trace's inputs are the call's arguments (`load_slot(i)` reads argument `i`) and, in a
//! side trace, the values the exit it grows from left in the exit buffer
//! (`load_exit_slot(j)`). Globals are read where they are used (`dict_get_str` on the
//! function's globals, then its builtins), since a call may rebind them. A recursive call
//! is a `call_py`: the callee runs through this very trace once it is compiled. The trace
//! ends with `return` of the boxed result.
//!
//! A call may run any code, so nothing the trace borrows from memory (a list item, a
//! global's object) may be live across it: only the arguments (the caller owns them),
//! constants, and ints, floats and bools. An exit after a call resumes after it, with the
//! call's result owned by the exit when it is on the stack.

use super::{Abort, BodyOp, Dest, ExitMap, ExitVal, Home, Kind, Parent, Rec, Recorded, Start, Sym, V};
use crate::ir::{OpKind, OpRef, Trace, Ty};
use super::finish::guarded_entry;
use crate::recorder::{builtin_value, global_value};
use rpy_interpreter::bytecode::Code;
use rpy_interpreter::object::{Obj, ObjKind};
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::frame::Frame;
use rpy_interpreter::vm::Vm;

/// A word that is always 0: the "compiled entry" of calls that must not take a compiled
/// trace's fast path (their arguments do not match the code's plain positional ones).
static NO_ENTRY: usize = 0;

/// A side trace starts with the locals its parent exit wrote as its values: they are read
/// from the exit buffer and count as written (every exit of the side trace carries them,
/// since the frame is rebuilt from the arguments and that exit's snapshot).
pub(super) fn inputs(r: &mut Rec, f: &Frame, parent: &ExitMap) -> Result<(), Abort> {
    if parent.vals.iter().any(|v| v.owned) || parent.raise {
        return Err("side trace from an exit that owns a call's result or raises".into());
    }
    for v in &parent.vals {
        if let Dest::Home(Home::Fast(i)) = v.dest {
            let real = f.fast.get(i as usize).ok_or("bad local")?.clone();
            let s = r.read_home(Home::Fast(i), &real)?;
            let k = r.home_index(Home::Fast(i));
            r.homes[k].cur = Some(s);
            r.homes[k].written = true;
            r.from_exit.push(k);
        }
    }
    for (k, h) in r.homes.iter().enumerate() {
        if matches!(h.home, Home::Stack(_)) {
            r.from_exit.push(k);
        }
    }
    Ok(())
}

/// `LoadGlobal` in a function trace: looked up where it is used, then guarded as the value
/// it is now (by identity for functions, modules and types).
pub(super) fn load_global(r: &mut Rec, f: &Frame, name: &Value) -> Result<(Sym, Value), Abort> {
    r.keep.push(f.globals.clone());
    r.keep.push(name.clone());
    let g = r.emit(OpKind::ConstRef, vec![], f.globals.bits());
    let nm = r.emit(OpKind::ConstRef, vec![], name.bits());
    let e = r.emit(OpKind::DictGetStr, vec![g, nm], 0);
    let real = match global_value(f, name) {
        Some(v) => v,
        None => {
            r.emit_guard_imm(OpKind::GuardBits, vec![e], Value::NULL.bits());
            let real = builtin_value(f, name).ok_or("name is not defined")?;
            r.keep.push(f.builtins.clone());
            let b = r.emit(OpKind::ConstRef, vec![], f.builtins.bits());
            let e = r.emit(OpKind::DictGetStr, vec![b, nm], 0);
            return Ok((typed_value(r, e, &real)?, real));
        }
    };
    Ok((typed_value(r, e, &real)?, real))
}

/// Guards that the boxed value `e` is like `real`: its type, or for a function, module,
/// builtin or type this very object.
fn typed_value(r: &mut Rec, e: V, real: &Value) -> Result<Sym, Abort> {
    match Kind::of(real).ok_or("global of a type the JIT does not handle")? {
        Kind::Exact(b) => {
            r.emit_guard_imm(OpKind::GuardBits, vec![e], b);
            r.keep.push(real.clone());
            Ok(Sym::Exact(b))
        }
        Kind::Bool(_) => Err("global holds a bool".into()),
        kind => r.typed(e, kind),
    }
}

/// A ref that stays valid across a call: an argument (its caller owns it) or a constant.
fn survives_call(r: &Rec, s: Sym) -> bool {
    match s {
        Sym::List(v) | Sym::Obj(v, _) => match v {
            V::Phi(k) => !r.from_exit.contains(&k),
            V::Op(_) => false,
        },
        Sym::Int(_) | Sym::Float(_) | Sym::Bool(..) | Sym::Exact(_) => true,
        Sym::Tuple(_) | Sym::Iter(_) | Sym::Inst(_) | Sym::Boxed(_) => false,
    }
}

/// A call of `callee` (a Python function) with the `argc` arguments on top of `f`'s stack
/// (`pops` entries with the callee) that the trace makes itself. It is made now, for real;
/// then the frame is after the call, with its result (or, when it raised, with the
/// exception in `Vm::jit_error` and recording stopped).
pub(super) fn residual_call(vm: &mut Vm, r: &mut Rec, f: &mut Frame, callee: &Value, argc: usize, pops: usize) -> Result<(), Abort> {
    r.allow_effect("call")?;
    let Some(Obj { kind: ObjKind::Function(fun) }) = callee.as_obj() else {
        return Err("call of something other than a Python function".into());
    };
    let n = f.stack.len();
    let depth = r.stack.len();
    if n < pops || depth < pops {
        return Err("stack value from before the trace".into());
    }
    let live = r.stack[..depth - pops].iter().copied().chain(r.homes.iter().filter(|h| h.written).filter_map(|h| h.cur));
    let args: Vec<Sym> = r.stack[depth - argc..].to_vec();
    if !live.chain(args.iter().copied()).all(|s| survives_call(r, s)) {
        return Err("an object read in the trace is live across a call".into());
    }
    let mut ops = vec![r.emit(OpKind::ConstRef, vec![], callee.bits())];
    for s in args {
        ops.push(r.boxed(s)?);
    }
    let code = &fun.code;
    let plain = code.argcount as usize == argc && !code.flags.varargs && !code.flags.varkw && code.kwonlyargcount == 0 && code.ncells() == 0 && !code.flags.generator && !code.flags.coroutine;
    let entry = if plain { &code.jit_fn.entry as *const _ as u64 } else { &NO_ENTRY as *const usize as u64 };
    r.keep.push(callee.clone());
    let real_args: Vec<Value> = f.stack[n - argc..].to_vec();
    // The interpreter's state once the call is made: operands popped, pc after the call.
    f.stack.truncate(n - pops);
    r.stack.truncate(depth - pops);
    f.pc += 1;
    r.pc = f.pc;
    let result = match vm.call(callee, &real_args, &[]) {
        Ok(v) => v,
        Err(e) => {
            vm.jit_error = Some(e);
            return Err("a call made while recording raised".into());
        }
    };
    let kind = Kind::of(&result);
    f.stack.push(result);
    let kind = match kind {
        Some(k @ (Kind::Int | Kind::Float)) => k,
        _ => return Err("a call returned something other than an int or a float".into()),
    };
    let snap = r.snapshot();
    r.snaps[snap].raise = true;
    r.forget_heap();
    r.body.push(BodyOp { kind: OpKind::CallPy, args: ops, imm: entry, snap: Some(snap) });
    let res = V::Op(r.body.len() - 1);
    r.stack.push(Sym::Boxed(res));
    let s = r.typed(res, kind)?;
    r.stack.pop();
    r.stack.push(s);
    Ok(())
}

/// Builds the function trace: input loads and guards (exit 0: nothing has happened yet),
/// the body with each guard's snapshot, and `return` of the boxed result (an owned
/// reference).
pub(super) fn finish(mut r: Rec, start: &Start, parent: Option<Parent>, nfast: usize, stack_in: usize, length: usize, code: &Code) -> Result<Recorded, Abort> {
    // Boxed while the result is still on the stack. The result is owned: an int too big to
    // be inline becomes a new heap int.
    let result = r.top(0)?;
    let ret = match result {
        Sym::Inst(k) => {
            // A new object the function returns: allocated here, and the reference the trace
            // owns is the result.
            let Sym::Obj(v, _) = super::virtuals::materialize(&mut r, k)? else {
                return Err("new object".into());
            };
            v
        }
        // A new big int: the trace's reference is the result.
        Sym::Obj(v, _) if r.fresh.contains(&v) => {
            r.fresh.retain(|&x| x != v);
            v
        }
        Sym::List(_) | Sym::Obj(..) | Sym::Exact(_) => {
            let v = r.boxed(result)?;
            r.emit(OpKind::IncRef, vec![v], 0)
        }
        Sym::Int(v) => r.emit(OpKind::BoxIntOwned, vec![v], 0),
        _ => r.boxed(result)?,
    };
    r.pop()?;
    let mut t = Trace::new();
    let mut entry: Vec<Option<OpRef>> = vec![None; r.homes.len()];
    for (k, h) in r.homes.iter().enumerate() {
        let Some(kind) = h.entry else { continue };
        // Where the input is, and for a bool from an exit, whether the exit negated it.
        let (slot, neg) = match (h.home, parent) {
            (Home::Fast(i), None) => (t.push(OpKind::LoadSlot, vec![], i as u64, None), None),
            (Home::Fast(i), Some(p)) => match p.map.vals.iter().position(|v| v.dest == Dest::Home(Home::Fast(i))) {
                Some(j) if p.types.get(j) == Some(&Ty::I64) => {
                    // Exits write ints unboxed: this input is that int, no guard needed.
                    entry[k] = Some(t.push(OpKind::LoadExitInt, vec![], j as u64, None));
                    continue;
                }
                Some(j) => (t.push(OpKind::LoadExitSlot, vec![], j as u64, None), Some(p.map.vals[j].neg)),
                None if i < code.argcount => (t.push(OpKind::LoadSlot, vec![], i as u64, None), None),
                None => return Err("a local the side trace reads is not in its exit".into()),
            },
            (Home::Stack(q), Some(p)) => {
                let j = p.map.vals.iter().enumerate().filter(|(_, v)| v.dest == Dest::Push).nth(q as usize).map(|(j, _)| j).ok_or("stack entry not in the exit")?;
                if p.types.get(j) == Some(&Ty::I64) {
                    entry[k] = Some(t.push(OpKind::LoadExitInt, vec![], j as u64, None));
                    continue;
                }
                (t.push(OpKind::LoadExitSlot, vec![], j as u64, None), Some(p.map.vals[j].neg))
            }
            (home, _) => return Err(format!("{home:?} in a function trace")),
        };
        if let Kind::IntValue(_) = kind {
            return Err("constant input in a function trace".into());
        }
        // An exit stores a bool as 0 or 1, negated or not.
        let bool_bits = match (kind, neg) {
            (Kind::Bool(b), Some(neg)) => Some((b != neg) as u64),
            _ => None,
        };
        entry[k] = Some(guarded_entry(&mut t, slot, kind, bool_bits)?);
    }
    let mut exits = vec![ExitMap { pc: start.pc, vals: Vec::new(), end: false, raise: false, chain: None, blocks: Vec::new(), virtuals: Vec::new() }];
    let mut ops: Vec<OpRef> = Vec::with_capacity(r.body.len());
    let map = |v: V, ops: &[OpRef]| -> Result<OpRef, Abort> {
        match v {
            V::Phi(k) => entry.get(k).copied().flatten().ok_or_else(|| "value of an input without an entry value".to_string()),
            V::Op(j) => ops.get(j).copied().ok_or_else(|| "forward reference".to_string()),
        }
    };
    for op in &r.body {
        let args = op.args.iter().map(|&v| map(v, &ops)).collect::<Result<Vec<_>, _>>()?;
        let o = match op.snap {
            Some(si) => {
                let s = &r.snaps[si];
                if s.chain.is_some() {
                    return Err("exit chained to a called loop's in a function trace".into());
                }
                let mut vals = Vec::new();
                let mut refs = Vec::new();
                let entries = s.written.iter().map(|&(k, sym)| (Dest::Home(r.homes[k].home), sym)).chain(s.stack.iter().map(|&sym| (Dest::Push, sym)));
                for (dest, sym) in entries {
                    let (v, neg, owned) = match sym {
                        Sym::Obj(v, _) if dest == Dest::Push && s.owns(sym) => (map(v, &ops)?, false, true),
                        Sym::Int(v) | Sym::Float(v) | Sym::List(v) | Sym::Obj(v, _) => (map(v, &ops)?, false, false),
                        Sym::Bool(v, neg) => (map(v, &ops)?, neg, false),
                        Sym::Boxed(v) => (map(v, &ops)?, false, true),
                        Sym::Exact(b) => (t.push(OpKind::ConstRef, vec![], b, None), false, false),
                        Sym::Tuple(_) | Sym::Iter(_) | Sym::Inst(_) => return Err("virtual object at an exit".into()),
                    };
                    refs.push(v);
                    vals.push(ExitVal { dest, neg, owned });
                }
                for &d in &s.drops {
                    refs.push(map(d, &ops)?);
                    vals.push(ExitVal { dest: Dest::Drop, neg: false, owned: true });
                }
                let n = exits.len() as u32;
                exits.push(ExitMap { pc: s.pc, vals, end: false, raise: s.raise, chain: None, blocks: s.blocks.clone(), virtuals: Vec::new() });
                t.push_guard(op.kind, args, op.imm, n, refs)
            }
            None => t.push(op.kind, args, op.imm, None),
        };
        ops.push(o);
    }
    let ret = map(ret, &ops)?;
    t.push(OpKind::Return, vec![ret], 0, None);
    Ok(Recorded { trace: t, homes: Vec::new(), exits, start: start.pc, base: 0, stack_in, nfast, length, interrupt_exit: u32::MAX, keep: r.keep, names: r.names, inner: Vec::new() })
}
