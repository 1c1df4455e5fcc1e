//! The recorder: executes one iteration of a hot loop itself, on the real frame, and writes
//! down what each instruction did as typed trace IR.
//!
//! It understands a subset of the bytecode (fast locals holding ints and floats, constants,
//! arithmetic, comparisons, conditional and forward jumps, stack shuffles, `for` over a
//! `range` iterator at the loop header). Before executing an instruction it checks that it can
//! handle it with the values at hand; when it cannot, it stops and leaves that instruction to
//! the interpreter, with the frame exactly as the interpreter would have left it up to there
//! (an abort never needs undoing). Values are computed with the interpreter's own fast paths
//! (`fast_binop`, `fast_compare`), so a recorded iteration cannot differ from an interpreted one.
//!
//! Trace shape: every loop-carried value (a "home": a fast local, or the state of the header's
//! range iterator) is loaded and type-guarded before the `label`, becomes a phi after it, and
//! is passed to `jump`. Nothing is stored back inside the loop: every guard's exit snapshot
//! is the phis at the start of the iteration, which the JIT writes back before the
//! interpreter resumes at the loop header and re-runs that iteration.

use crate::ir::{OpKind, OpRef, Trace, Ty};
use rpy_interpreter::bytecode::opcodes::{BinOp, CmpOp};
use rpy_interpreter::bytecode::{Code, Instr};
use rpy_interpreter::object::{Iter, Obj, ObjKind};
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::eval::{fast_binop, fast_compare};
use rpy_interpreter::vm::frame::Frame;

/// Where a loop-carried value lives in the interpreter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Home {
    /// Fast local `i`.
    Fast(u32),
    /// The range iterator on top of the value stack at the header: next value, step, and
    /// how many values remain.
    IterCur,
    IterStep,
    IterRemaining,
}

impl Home {
    /// Index in the slots buffer handed to the compiled trace: the fast locals, then the
    /// range iterator's three fields.
    pub fn slot(self, nfast: usize) -> usize {
        match self {
            Home::Fast(i) => i as usize,
            Home::IterCur => nfast,
            Home::IterStep => nfast + 1,
            Home::IterRemaining => nfast + 2,
        }
    }
}

/// A recorded loop, ready to optimise and compile.
#[derive(Debug)]
pub struct Recorded {
    pub trace: Trace,
    /// Phi `k` of the trace is written back to `homes[k]` on an exit.
    pub homes: Vec<Home>,
    /// The loop is a `for` over a range iterator (kept on the stack at the header).
    pub range_iter: bool,
    pub nfast: usize,
    /// Bytecode instructions in the recorded iteration.
    pub length: usize,
    /// Exit number of the loop's interrupt poll.
    pub interrupt_exit: u32,
}

/// A value in the body being recorded: a phi (home index) or a body op.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum V {
    Phi(usize),
    Op(usize),
}

/// A symbolic stack entry. `Bool(v, neg)`: the Python bool is `v` xor `neg`.
#[derive(Clone, Copy, Debug)]
enum Sym {
    Int(V),
    Float(V),
    Bool(V, bool),
}

struct BodyOp {
    kind: OpKind,
    args: Vec<V>,
    imm: u64,
}

struct HomeState {
    home: Home,
    /// Type of the phi (decided at the first read, or from the final value when the first
    /// access was a write).
    ty: Option<Ty>,
    cur: Option<Sym>,
}

struct Rec {
    homes: Vec<HomeState>,
    body: Vec<BodyOp>,
    stack: Vec<Sym>,
    range_iter: bool,
}

/// Why recording stopped without a trace.
pub type Abort = String;

impl Rec {
    fn emit(&mut self, kind: OpKind, args: Vec<V>, imm: u64) -> V {
        self.body.push(BodyOp { kind, args, imm });
        V::Op(self.body.len() - 1)
    }

    fn home_index(&mut self, home: Home) -> usize {
        match self.homes.iter().position(|h| h.home == home) {
            Some(k) => k,
            None => {
                self.homes.push(HomeState { home, ty: None, cur: None });
                self.homes.len() - 1
            }
        }
    }

    /// The current value of a home, read from the loop state when not yet written.
    fn read_home(&mut self, home: Home, real: &Value) -> Result<Sym, Abort> {
        let k = self.home_index(home);
        if let Some(s) = self.homes[k].cur {
            return Ok(s);
        }
        let (ty, s) = if real.is_small_int() {
            (Ty::I64, Sym::Int(V::Phi(k)))
        } else if real.is_float() {
            (Ty::F64, Sym::Float(V::Phi(k)))
        } else {
            return Err(format!("{home:?} holds a value that is neither an inline int nor a float"));
        };
        self.homes[k].ty = Some(ty);
        self.homes[k].cur = Some(s);
        Ok(s)
    }

    fn write_home(&mut self, home: Home, s: Sym) {
        let k = self.home_index(home);
        self.homes[k].cur = Some(s);
    }

    fn pop(&mut self) -> Result<Sym, Abort> {
        self.stack.pop().ok_or_else(|| "stack value from before the loop".to_string())
    }

    fn const_int(&mut self, x: i64) -> V {
        self.emit(OpKind::ConstInt, vec![], x as u64)
    }

    fn const_float(&mut self, x: f64) -> V {
        self.emit(OpKind::ConstFloat, vec![], x.to_bits())
    }

    fn as_float(&mut self, s: Sym) -> Result<V, Abort> {
        match s {
            Sym::Float(v) => Ok(v),
            Sym::Int(v) => Ok(self.emit(OpKind::IntToFloat, vec![v], 0)),
            Sym::Bool(..) => Err("bool operand".into()),
        }
    }

    fn guard(&mut self, kind: OpKind, v: V) {
        self.emit(kind, vec![v], 0);
    }

    /// Guards that the recorded truth value of `s` holds again.
    fn guard_truth(&mut self, s: Sym, truth: bool) {
        let (v, neg) = match s {
            Sym::Bool(v, neg) => (v, neg),
            Sym::Int(x) => {
                let z = self.const_int(0);
                (self.emit(OpKind::IntNe, vec![x, z], 0), false)
            }
            Sym::Float(x) => {
                let z = self.const_float(0.0);
                (self.emit(OpKind::FloatEq, vec![x, z], 0), true)
            }
        };
        let want = truth != neg;
        self.guard(if want { OpKind::GuardTrue } else { OpKind::GuardFalse }, v);
    }
}

/// The truth of a value the recorder can branch on, or `None`.
fn truth(v: &Value) -> Option<bool> {
    if v.is_bool() {
        Some(v.is(&Value::TRUE))
    } else if v.is_small_int() {
        Some(v.as_small_int_unchecked() != 0)
    } else if v.is_float() {
        Some(v.as_float_unchecked() != 0.0)
    } else {
        None
    }
}

fn sym_of_result(kind_int: bool, v: V) -> Sym {
    if kind_int {
        Sym::Int(v)
    } else {
        Sym::Float(v)
    }
}

/// The state of a range iterator, when `v` is one whose values are all inline ints.
pub fn range_state(v: &Value) -> Option<(i64, i64, i64)> {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::Iter(cell) }) => match &*cell.try_borrow().ok()? {
            Iter::Range { cur, step, remaining } => {
                let small = |x: i64| Value::small_int(x).is_some();
                (small(*cur) && small(*step) && small(*remaining)).then_some((*cur, *step, *remaining))
            }
            _ => None,
        },
        _ => None,
    }
}

/// Records one iteration of the loop whose header is `header`, starting with the frame at
/// the header. On success the frame is at the loop's back-edge (`f.pc` at the `Jump`); on an
/// abort `f.pc` is at the instruction the interpreter must execute next.
pub fn record(f: &mut Frame, code: &Code, header: usize, limit: usize) -> Result<Recorded, Abort> {
    let mut r = Rec { homes: Vec::new(), body: Vec::new(), stack: Vec::new(), range_iter: false };
    let nfast = f.fast.len();
    f.pc = header;
    let mut length = 0usize;
    loop {
        length += 1;
        if length > limit {
            return Err(format!("trace too long (more than {limit} instructions)"));
        }
        let pc = f.pc;
        let ins = *code.instrs.get(pc).ok_or("pc out of range")?;
        let mut next = pc + 1;
        match ins {
            Instr::Nop => {}
            Instr::LoadFast(i) => {
                let real = f.fast.get(i.idx()).ok_or("bad local")?;
                if real.is_null() {
                    return Err("unbound local".into());
                }
                let s = r.read_home(Home::Fast(i.idx() as u32), real)?;
                r.stack.push(s);
                let real = real.clone();
                f.stack.push(real);
            }
            Instr::StoreFast(i) => {
                let s = *r.stack.last().ok_or("stack value from before the loop")?;
                if matches!(s, Sym::Bool(..)) {
                    return Err("bool stored in a local".into());
                }
                r.pop()?;
                r.write_home(Home::Fast(i.idx() as u32), s);
                let v = f.stack.pop().ok_or("empty stack")?;
                f.fast[i.idx()] = v;
            }
            Instr::LoadConst(c) => {
                let v = code.consts.get(c.idx()).ok_or("bad const")?;
                let s = if v.is_small_int() {
                    Sym::Int(r.const_int(v.as_small_int_unchecked()))
                } else if v.is_float() {
                    Sym::Float(r.const_float(v.as_float_unchecked()))
                } else {
                    return Err("constant is not an inline int or a float".into());
                };
                r.stack.push(s);
                f.stack.push(v.clone());
            }
            Instr::BinaryOp(op) | Instr::InplaceOp(op) => {
                let n = f.stack.len();
                if r.stack.len() < 2 || n < 2 {
                    return Err("stack value from before the loop".into());
                }
                let Some(result) = fast_binop(op, &f.stack[n - 2], &f.stack[n - 1]) else {
                    return Err(format!("binary {} outside the inline fast path", op.symbol()));
                };
                let (sb, sa) = (r.stack[r.stack.len() - 1], r.stack[r.stack.len() - 2]);
                let s = record_binop(&mut r, op, sa, sb, &result)?;
                r.stack.truncate(r.stack.len() - 2);
                r.stack.push(s);
                f.stack.pop();
                f.stack.pop();
                f.stack.push(result);
            }
            Instr::CompareOp(op) => {
                let n = f.stack.len();
                if r.stack.len() < 2 || n < 2 {
                    return Err("stack value from before the loop".into());
                }
                let Some(t) = fast_compare(op, &f.stack[n - 2], &f.stack[n - 1]) else {
                    return Err(format!("comparison {} outside the inline fast path", op.symbol()));
                };
                let (sb, sa) = (r.stack[r.stack.len() - 1], r.stack[r.stack.len() - 2]);
                let s = record_compare(&mut r, op, sa, sb)?;
                r.stack.truncate(r.stack.len() - 2);
                r.stack.push(s);
                f.stack.pop();
                f.stack.pop();
                f.stack.push(Value::bool(t));
            }
            Instr::UnaryNot => {
                let Some(Sym::Bool(v, neg)) = r.stack.last().copied() else {
                    return Err("`not` of a non-bool".into());
                };
                let Some(t) = f.stack.last().and_then(truth) else {
                    return Err("`not` of a non-bool".into());
                };
                r.pop()?;
                r.stack.push(Sym::Bool(v, !neg));
                f.stack.pop();
                f.stack.push(Value::bool(!t));
            }
            Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) => {
                let s = *r.stack.last().ok_or("stack value from before the loop")?;
                let Some(b) = f.stack.last().and_then(truth) else {
                    return Err("branch on a value of another type".into());
                };
                r.pop()?;
                r.guard_truth(s, b);
                f.stack.pop();
                let jump_if = matches!(ins, Instr::PopJumpIfTrue(_));
                if b == jump_if {
                    next = t.0 as usize;
                }
            }
            Instr::JumpIfFalseOrPop(t) | Instr::JumpIfTrueOrPop(t) => {
                // `and`/`or` and chained comparisons: jump keeping the value, or pop it.
                let s = *r.stack.last().ok_or("stack value from before the loop")?;
                let Some(b) = f.stack.last().and_then(truth) else {
                    return Err("branch on a value of another type".into());
                };
                r.guard_truth(s, b);
                let jump_if = matches!(ins, Instr::JumpIfTrueOrPop(_));
                if b == jump_if {
                    next = t.0 as usize;
                } else {
                    r.pop()?;
                    f.stack.pop();
                }
            }
            Instr::UnaryNeg => {
                let s = *r.stack.last().ok_or("stack value from before the loop")?;
                let real = f.stack.last().ok_or("empty stack")?;
                let (sym, v) = match s {
                    Sym::Int(x) if real.is_small_int() => {
                        let Some(v) = Value::small_int(-real.as_small_int_unchecked()) else {
                            return Err("negation leaves the inline int range".into());
                        };
                        let z = r.const_int(0);
                        (Sym::Int(r.emit(OpKind::IntSubOvf, vec![z, x], 0)), v)
                    }
                    Sym::Float(x) if real.is_float() => {
                        // -x as x * -1.0: exact, and it gives -0.0 for 0.0 (0.0 - x would not).
                        let m = r.const_float(-1.0);
                        (Sym::Float(r.emit(OpKind::FloatMul, vec![x, m], 0)), Value::float(-real.as_float_unchecked()))
                    }
                    _ => return Err("negation of a value of another type".into()),
                };
                r.pop()?;
                r.stack.push(sym);
                f.stack.pop();
                f.stack.push(v);
            }
            Instr::Jump(t) => {
                let t = t.0 as usize;
                if t == header {
                    return finish(r, nfast, length);
                }
                if t < pc {
                    return Err("back-edge of an inner loop".into());
                }
                next = t;
            }
            Instr::ForIter(t) => {
                if pc != header {
                    return Err("inner loop".into());
                }
                let Some((cur, step, remaining)) = f.stack.last().and_then(range_state) else {
                    return Err("for loop over something other than a small-int range".into());
                };
                if remaining <= 0 {
                    return Err("loop ends during recording".into());
                }
                let Some(after) = cur.checked_add(step).filter(|x| Value::small_int(*x).is_some()) else {
                    return Err("range value outside the inline int range".into());
                };
                let _ = t;
                r.range_iter = true;
                let small = |x: i64| Value::small_int(x).ok_or("range state");
                let sc = r.read_home(Home::IterCur, &small(cur)?)?;
                let ss = r.read_home(Home::IterStep, &small(step)?)?;
                let sr = r.read_home(Home::IterRemaining, &small(remaining)?)?;
                let (Sym::Int(c), Sym::Int(st), Sym::Int(rem)) = (sc, ss, sr) else {
                    return Err("range state".into());
                };
                let zero = r.const_int(0);
                let more = r.emit(OpKind::IntGt, vec![rem, zero], 0);
                r.guard(OpKind::GuardTrue, more);
                let one = r.const_int(1);
                let rem2 = r.emit(OpKind::IntSub, vec![rem, one], 0);
                let c2 = r.emit(OpKind::IntAddOvf, vec![c, st], 0);
                r.write_home(Home::IterRemaining, Sym::Int(rem2));
                r.write_home(Home::IterCur, Sym::Int(c2));
                r.stack.push(Sym::Int(c));
                // Execute it, as the interpreter's inline range path does.
                if let Some(Obj { kind: ObjKind::Iter(cell) }) = f.stack.last().and_then(|v| v.as_obj()) {
                    if let Iter::Range { cur, remaining, .. } = &mut *cell.borrow_mut() {
                        *cur = after;
                        *remaining -= 1;
                    }
                }
                f.stack.push(small(cur)?);
            }
            Instr::PopTop => {
                r.pop()?;
                f.stack.pop();
            }
            Instr::DupTop => {
                let s = *r.stack.last().ok_or("stack value from before the loop")?;
                r.stack.push(s);
                let v = f.stack.last().cloned().ok_or("empty stack")?;
                f.stack.push(v);
            }
            Instr::RotTwo => {
                let n = r.stack.len();
                if n < 2 || f.stack.len() < 2 {
                    return Err("stack value from before the loop".into());
                }
                r.stack.swap(n - 1, n - 2);
                let m = f.stack.len();
                f.stack.swap(m - 1, m - 2);
            }
            Instr::RotThree => {
                let n = r.stack.len();
                if n < 3 || f.stack.len() < 3 {
                    return Err("stack value from before the loop".into());
                }
                r.stack[n - 3..].rotate_right(1);
                let m = f.stack.len();
                f.stack[m - 3..].rotate_right(1);
            }
            other => return Err(format!("unsupported instruction {}", other.name())),
        }
        f.pc = next;
    }
}

fn record_binop(r: &mut Rec, op: BinOp, a: Sym, b: Sym, result: &Value) -> Result<Sym, Abort> {
    if let (Sym::Int(x), Sym::Int(y)) = (a, b) {
        let kind = match op {
            BinOp::Add => OpKind::IntAddOvf,
            BinOp::Sub => OpKind::IntSubOvf,
            BinOp::Mul => OpKind::IntMulOvf,
            BinOp::FloorDiv | BinOp::Mod => {
                let z = r.const_int(0);
                let nz = r.emit(OpKind::IntNe, vec![y, z], 0);
                r.guard(OpKind::GuardTrue, nz);
                let kind = if op == BinOp::Mod { OpKind::IntMod } else { OpKind::IntFloorDivOvf };
                return Ok(Sym::Int(r.emit(kind, vec![x, y], 0)));
            }
            BinOp::TrueDiv => {
                let z = r.const_int(0);
                let nz = r.emit(OpKind::IntNe, vec![y, z], 0);
                r.guard(OpKind::GuardTrue, nz);
                let fx = r.emit(OpKind::IntToFloat, vec![x], 0);
                let fy = r.emit(OpKind::IntToFloat, vec![y], 0);
                return Ok(Sym::Float(r.emit(OpKind::FloatDiv, vec![fx, fy], 0)));
            }
            _ => return Err(format!("int {} has no trace op", op.symbol())),
        };
        let v = r.emit(kind, vec![x, y], 0);
        return Ok(sym_of_result(result.is_small_int(), v));
    }
    let x = r.as_float(a)?;
    let y = r.as_float(b)?;
    let kind = match op {
        BinOp::Add => OpKind::FloatAdd,
        BinOp::Sub => OpKind::FloatSub,
        BinOp::Mul => OpKind::FloatMul,
        BinOp::TrueDiv => {
            let z = r.const_float(0.0);
            let is_zero = r.emit(OpKind::FloatEq, vec![y, z], 0);
            r.guard(OpKind::GuardFalse, is_zero);
            OpKind::FloatDiv
        }
        _ => return Err(format!("float {} has no trace op", op.symbol())),
    };
    Ok(Sym::Float(r.emit(kind, vec![x, y], 0)))
}

fn record_compare(r: &mut Rec, op: CmpOp, a: Sym, b: Sym) -> Result<Sym, Abort> {
    if let (Sym::Int(x), Sym::Int(y)) = (a, b) {
        let kind = match op {
            CmpOp::Lt => OpKind::IntLt,
            CmpOp::Le => OpKind::IntLe,
            CmpOp::Eq => OpKind::IntEq,
            CmpOp::Ne => OpKind::IntNe,
            CmpOp::Gt => OpKind::IntGt,
            CmpOp::Ge => OpKind::IntGe,
        };
        return Ok(Sym::Bool(r.emit(kind, vec![x, y], 0), false));
    }
    let x = r.as_float(a)?;
    let y = r.as_float(b)?;
    let (kind, neg) = match op {
        CmpOp::Lt => (OpKind::FloatLt, false),
        CmpOp::Le => (OpKind::FloatLe, false),
        CmpOp::Eq => (OpKind::FloatEq, false),
        // NaN != NaN is True: the negation of an ordered equality.
        CmpOp::Ne => (OpKind::FloatEq, true),
        CmpOp::Gt => (OpKind::FloatGt, false),
        CmpOp::Ge => (OpKind::FloatGe, false),
    };
    Ok(Sym::Bool(r.emit(kind, vec![x, y], 0), neg))
}

/// Builds the trace: entry loads and guards, label, phis, the interrupt poll, the body, jump.
fn finish(r: Rec, nfast: usize, length: usize) -> Result<Recorded, Abort> {
    let mut t = Trace::new();
    let mut exit = 0u32;
    let mut next_exit = || {
        exit += 1;
        Some(exit - 1)
    };
    // Phi types: from the first read, else from the value at the back-edge.
    let mut tys = Vec::with_capacity(r.homes.len());
    for h in &r.homes {
        let end = match h.cur {
            Some(Sym::Int(_)) => Ty::I64,
            Some(Sym::Float(_)) => Ty::F64,
            _ => return Err(format!("{:?} is not an int or float at the back-edge", h.home)),
        };
        let ty = h.ty.unwrap_or(end);
        if ty != end {
            return Err(format!("{:?} changes type in the loop", h.home));
        }
        tys.push(ty);
    }
    let mut entry = Vec::with_capacity(r.homes.len());
    for (h, &ty) in r.homes.iter().zip(&tys) {
        let slot = t.push(OpKind::LoadSlot, vec![], h.home.slot(nfast) as u64, None);
        let (g, u) = if ty == Ty::I64 { (OpKind::GuardInt, OpKind::UnboxInt) } else { (OpKind::GuardFloat, OpKind::UnboxFloat) };
        t.push(g, vec![slot], 0, next_exit());
        entry.push(t.push(u, vec![slot], 0, None));
    }
    t.push(OpKind::Label, vec![], 0, None);
    let mut phis = Vec::with_capacity(entry.len());
    for (&e, &ty) in entry.iter().zip(&tys) {
        let k = if ty == Ty::I64 { OpKind::PhiInt } else { OpKind::PhiFloat };
        phis.push(t.push(k, vec![e], 0, None));
    }
    let interrupt_exit = next_exit();
    t.push(OpKind::GuardNoInterrupt, vec![], 0, interrupt_exit);
    let mut ops: Vec<OpRef> = Vec::with_capacity(r.body.len());
    let map = |v: V, ops: &[OpRef]| match v {
        V::Phi(k) => phis[k],
        V::Op(j) => ops[j],
    };
    for op in &r.body {
        let args = op.args.iter().map(|&v| map(v, &ops)).collect();
        let ex = if op.kind.flags() & crate::ir::ops::GUARD != 0 { next_exit() } else { None };
        ops.push(t.push(op.kind, args, op.imm, ex));
    }
    let mut jump_args = Vec::with_capacity(r.homes.len());
    for h in &r.homes {
        let v = match h.cur {
            Some(Sym::Int(v)) | Some(Sym::Float(v)) => v,
            _ => return Err("home without a value".into()),
        };
        jump_args.push(map(v, &ops));
    }
    t.push(OpKind::Jump, jump_args, 0, None);
    let homes = r.homes.iter().map(|h| h.home).collect();
    let interrupt_exit = interrupt_exit.unwrap_or(u32::MAX);
    Ok(Recorded { trace: t, homes, range_iter: r.range_iter, nfast, length, interrupt_exit })
}
