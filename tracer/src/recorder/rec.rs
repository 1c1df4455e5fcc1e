//! The recorder's state while it records: symbolic values (`Sym`), the kinds a home can
//! hold (`Kind`), the body being written (`BodyOp`), snapshots (`Snap`), and the helpers
//! that emit ops and guards (`Rec`).

use super::inline;
use super::Home;
use crate::ir::OpKind;
use crate::runtime::ObjType;
use rpy_interpreter::object::{Obj, ObjKind};
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::frame::Block;
use rpy_interpreter::vm::int_i64;

/// A value in the body being recorded: a home's entry value (phi) or a body op.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum V {
    Phi(usize),
    Op(usize),
}

/// A symbolic value. `Bool(v, neg)`: the Python bool is `v` xor `neg`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Sym {
    Int(V),
    Float(V),
    Bool(V, bool),
    /// A `list` (guarded), as a borrowed reference.
    List(V),
    /// An object of an exact built-in type (guarded), as a borrowed reference.
    Obj(V, ObjType),
    /// This very object or immediate (a module, a builtin function, NULL): a constant.
    Exact(u64),
    /// A tuple built in the trace, with these items (`Rec::tuples[i]`): virtual, it exists
    /// only while recording and never reaches an exit.
    Tuple(u32),
    /// A range iterator made in the trace, or a list or tuple iterator made at the root of a
    /// trace for a loop it calls (`Rec::iters[i]`), virtual like `Tuple`.
    Iter(u32),
    /// A plain instance made in the trace (`Rec::insts[i]`), virtual like `Tuple` until it
    /// escapes (`virtuals.rs`).
    Inst(u32),
    /// The result of a call the trace makes (`call_py`) before its type is guarded: an owned
    /// reference to a value of any type.
    Boxed(V),
}

impl Sym {
    /// A virtual object: it has no trace value, so no snapshot may hold it.
    pub(super) fn is_virtual(self) -> bool {
        matches!(self, Sym::Tuple(_) | Sym::Iter(_) | Sym::Inst(_))
    }
}

/// The kinds of value a home can hold in a trace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Int,
    Float,
    List,
    /// An object of this exact type (`guard_type`).
    Obj(ObjType),
    /// A bool with this value (the stack entry a bridge starts with after a failed branch
    /// guard: always the same value for that exit).
    Bool(bool),
    /// This very object (a module, function, builtin function or type), guarded by identity.
    Exact(u64),
    /// This very int (a range's step): guarded on entry, a constant in the trace.
    IntValue(i64),
}

impl Kind {
    pub(super) fn of(v: &Value) -> Option<Kind> {
        if int_i64(v).is_some() {
            Some(Kind::Int)
        } else if v.is_float() {
            Some(Kind::Float)
        } else if is_list(v) {
            Some(Kind::List)
        } else if let Some(t) = ObjType::of(v) {
            Some(Kind::Obj(t))
        } else if v.is_bool() {
            Some(Kind::Bool(v.is(&Value::TRUE)))
        } else if matches!(v.as_obj(), Some(Obj { kind: ObjKind::Module(_) | ObjKind::Builtin(_) | ObjKind::Function(_) | ObjKind::Type(_) })) {
            Some(Kind::Exact(v.bits()))
        } else {
            None
        }
    }

    pub(super) fn of_sym(s: Sym) -> Option<Kind> {
        match s {
            Sym::Int(_) => Some(Kind::Int),
            Sym::Float(_) => Some(Kind::Float),
            Sym::List(_) => Some(Kind::List),
            Sym::Obj(_, t) => Some(Kind::Obj(t)),
            Sym::Exact(b) => Some(Kind::Exact(b)),
            Sym::Bool(..) | Sym::Tuple(_) | Sym::Iter(_) | Sym::Inst(_) | Sym::Boxed(_) => None,
        }
    }

    pub(super) fn sym(self, v: V) -> Sym {
        match self {
            Kind::Int => Sym::Int(v),
            Kind::Float => Sym::Float(v),
            Kind::List => Sym::List(v),
            Kind::Obj(t) => Sym::Obj(v, t),
            Kind::Bool(_) => Sym::Bool(v, false),
            Kind::Exact(b) => Sym::Exact(b),
            Kind::IntValue(_) => Sym::Int(v),
        }
    }

}

pub(super) fn is_list(v: &Value) -> bool {
    matches!(v.as_obj(), Some(Obj { kind: ObjKind::List(_) }))
}

pub(super) struct BodyOp {
    pub(super) kind: OpKind,
    pub(super) args: Vec<V>,
    pub(super) imm: u64,
    /// For guards: the snapshot (index into `Rec::snaps`).
    pub(super) snap: Option<usize>,
}

/// The state at a guard: resume pc, homes written so far in this iteration, the stack.
pub(super) struct Snap {
    pub(super) pc: usize,
    pub(super) written: Vec<(usize, Sym)>,
    pub(super) stack: Vec<Sym>,
    /// The instruction before `pc` (a call) raised: see `ExitMap::raise`.
    pub(super) raise: bool,
    /// New objects the trace owns that the exit gives up (`Dest::Drop`): one being stored
    /// into a container by the guarded op.
    pub(super) drops: Vec<V>,
    /// An exit chained to a called loop's exit (`nested.rs`): `stack` ends with the range's
    /// start and length.
    pub(super) chain: Option<super::Chain>,
    /// The `try` blocks entered in the loop's frame (`ExitMap::blocks`).
    pub(super) blocks: Vec<Block>,
    /// New objects the trace owned then (`Rec::fresh`): on the stack, the exit hands them
    /// over.
    pub(super) fresh: Vec<V>,
}

impl Snap {
    /// Whether stack entry `s` is a reference the exit hands over (owned).
    pub(super) fn owns(&self, s: Sym) -> bool {
        owned_by(&self.fresh, s)
    }
}

/// Whether `s` is one of the new objects `fresh` (which the trace owns).
pub(super) fn owned_by(fresh: &[V], s: Sym) -> bool {
    matches!(s, Sym::Obj(v, _) | Sym::List(v) if fresh.contains(&v))
}

/// The `k` of the range `[-2**k, 2**k]` a loop trace speculates an int input recorded as `x`
/// stays within: room for values 4096 times larger, and at least `2**16`. None past `2**31`,
/// where products would no longer fit 64 bits and the speculation would buy little.
pub(super) fn speculated_range_bits(x: i64) -> Option<u8> {
    let bits = (64 - x.unsigned_abs().leading_zeros() + 12).max(16);
    (bits <= 31).then_some(bits as u8)
}

pub(super) struct HomeState {
    pub(super) home: Home,
    /// Kind of the entry value, when the home is read before it is written.
    pub(super) entry: Option<Kind>,
    pub(super) cur: Option<Sym>,
    pub(super) written: bool,
    /// The home holds a new object the trace made (`Rec::fresh`): a loop trace owns a
    /// reference to its value throughout (see `ownership.rs`).
    pub(super) owned: bool,
    /// For an int entry value: the `k` of the range `[-2**k, 2**k]` a loop trace speculates
    /// it stays within (`guard_int_range`), from the value it had when recorded.
    pub(super) range_bits: Option<u8>,
}

pub(super) struct Rec {
    pub(super) homes: Vec<HomeState>,
    pub(super) body: Vec<BodyOp>,
    pub(super) snaps: Vec<Snap>,
    pub(super) stack: Vec<Sym>,
    /// Pc of the instruction being recorded (where its guards resume).
    pub(super) pc: usize,
    /// Objects the trace refers to by identity: kept alive as long as it exists.
    pub(super) keep: Vec<Value>,
    /// The names of `Home::Global` and `Home::Builtin`.
    pub(super) names: Vec<Value>,
    /// Items of the virtual tuples (`Sym::Tuple`) and state of the virtual iterators
    /// (`Sym::Iter`).
    pub(super) tuples: Vec<Vec<Sym>>,
    pub(super) iters: Vec<inline::VIter>,
    /// The virtual range iterators of loops in inlined calls that are being unrolled.
    pub(super) unrolled: Vec<u32>,
    /// The virtual instances (`Sym::Inst`).
    pub(super) insts: Vec<super::virtuals::VInst>,
    /// Objects the trace made (`new_inst`) and owns, not yet stored in a home.
    pub(super) fresh: Vec<V>,
    /// The complete attribute names of objects the trace made, while no call or dict store
    /// since could have changed them: a method lookup on them needs no shadowing check.
    pub(super) known_keys: Vec<(V, Vec<u64>)>,
    /// The symbolic state of the calls being inlined, innermost last.
    pub(super) calls: Vec<inline::Call>,
    /// While set, the snapshot every guard uses: the loop's state before the outermost call
    /// being inlined (or before a virtual object appeared on the loop's stack); always set
    /// while a call is being inlined. Nothing with an effect may happen while it is set
    /// (`allow_effect`), so resuming there and executing the call again in the interpreter
    /// is exact.
    pub(super) resume: Option<usize>,
    /// Homes a side trace of a function trace reads from its parent's exit buffer.
    pub(super) from_exit: Vec<usize>,
    /// A loop trace (not a bridge or a function trace): list kinds guards pay off, as the
    /// loop checks them once per entry.
    pub(super) kinds_guards: bool,
    /// Attribute values known in this iteration: (instance, name bits, value), from the
    /// loads and stores recorded since the last call (`attrs.rs`).
    pub(super) attrs: Vec<(V, u64, Sym)>,
    /// Classes whose version the trace guarded since the last call.
    pub(super) versions: Vec<u64>,
    /// The loops the trace calls whose exits its own may chain to (`Chain::inner`).
    pub(super) inner: Vec<std::rc::Rc<super::LoopExits>>,
    /// The `try` blocks the loop's frame entered since the header (a bridge starts with
    /// those of its exit), levels relative to the loop's stack base.
    pub(super) blocks: Vec<Block>,
}

/// Why recording stopped without a trace.
pub type Abort = String;

/// The abort when the header's iterator is exhausted as recording starts (the loop's last
/// iteration): a matter of timing, not of the loop, so the driver retries at the next
/// back-edge without counting it.
pub const LOOP_ENDS: &str = "loop ends during recording";

impl Rec {
    pub(super) fn emit(&mut self, kind: OpKind, args: Vec<V>, imm: u64) -> V {
        self.body.push(BodyOp { kind, args, imm, snap: None });
        V::Op(self.body.len() - 1)
    }

    /// Emits a guard (or overflow-checked op) whose exit resumes at the current instruction
    /// with the current state.
    pub(super) fn emit_guard(&mut self, kind: OpKind, args: Vec<V>) -> V {
        self.emit_guard_imm(kind, args, 0)
    }

    /// `emit_guard` for a guard with an immediate.
    pub(super) fn emit_guard_imm(&mut self, kind: OpKind, args: Vec<V>, imm: u64) -> V {
        let snap = match self.resume {
            Some(si) => si,
            None => self.snapshot(),
        };
        self.body.push(BodyOp { kind, args, imm, snap: Some(snap) });
        V::Op(self.body.len() - 1)
    }

    /// Emits a guarded store of new object `o` (the trace's reference) into a container, which
    /// takes a reference of its own: its exit is the current one, and gives `o` up. Then the
    /// trace gives its reference up too. The store ends the instruction (so guards after it
    /// snapshot again: see `virtuals::escape_at`).
    pub(super) fn emit_store_of_new(&mut self, kind: OpKind, args: Vec<V>, imm: u64, o: V) {
        let si = match self.resume {
            Some(si) => si,
            None => self.snapshot(),
        };
        let s = &self.snaps[si];
        let snap = Snap { pc: s.pc, written: s.written.clone(), stack: s.stack.clone(), raise: s.raise, drops: vec![o], chain: s.chain, blocks: s.blocks.clone(), fresh: s.fresh.clone() };
        self.snaps.push(snap);
        self.body.push(BodyOp { kind, args, imm, snap: Some(self.snaps.len() - 1) });
        self.resume = None;
        self.emit(OpKind::DecRef, vec![o], 0);
    }

    /// Takes a snapshot of the loop's state at the current instruction.
    pub(super) fn snapshot(&mut self) -> usize {
        let written = self.homes.iter().enumerate().filter(|(_, h)| h.written).filter_map(|(k, h)| h.cur.map(|s| (k, s))).collect();
        self.snaps.push(Snap { pc: self.pc, written, stack: self.stack.clone(), raise: false, drops: Vec::new(), chain: None, blocks: self.blocks.clone(), fresh: self.fresh.clone() });
        self.snaps.len() - 1
    }

    /// The index of `name` in the trace's name table.
    pub(super) fn name_index(&mut self, name: &Value) -> u32 {
        match self.names.iter().position(|n| n.is(name)) {
            Some(k) => k as u32,
            None => {
                self.names.push(name.clone());
                (self.names.len() - 1) as u32
            }
        }
    }

    pub(super) fn guard(&mut self, kind: OpKind, v: V) {
        self.emit_guard(kind, vec![v]);
    }

    pub(super) fn guard_type(&mut self, v: V, t: ObjType) {
        self.keep_type(t);
        self.emit_guard_imm(OpKind::GuardType, vec![v], t.imm());
    }

    /// Keeps the class of a plain instance type alive while the trace guards on it.
    pub(super) fn keep_type(&mut self, t: ObjType) {
        if let ObjType::Inst(cls) = t {
            if !self.keep.iter().any(|k| k.bits() == cls) {
                // SAFETY: an instance of the class is at hand while recording: it is alive.
                self.keep.push(unsafe { Value::clone_from_bits(cls) });
            }
        }
    }

    /// Forgets what the trace knows about memory a call may change.
    pub(super) fn forget_heap(&mut self) {
        self.attrs.clear();
        self.known_keys.clear();
        self.versions.clear();
    }

    pub(super) fn home_index(&mut self, home: Home) -> usize {
        match self.homes.iter().position(|h| h.home == home) {
            Some(k) => k,
            None => {
                self.homes.push(HomeState { home, entry: None, cur: None, written: false, owned: false, range_bits: None });
                self.homes.len() - 1
            }
        }
    }

    /// The current value of a home, read from the loop state when not yet written.
    pub(super) fn read_home(&mut self, home: Home, real: &Value) -> Result<Sym, Abort> {
        let k = self.home_index(home);
        if let Some(s) = self.homes[k].cur {
            return Ok(s);
        }
        let kind = Kind::of(real).ok_or_else(|| format!("{home:?} holds a value of a type the JIT does not handle"))?;
        let s = kind.sym(V::Phi(k));
        match kind {
            Kind::Exact(_) => self.keep.push(real.clone()),
            Kind::Obj(t) => self.keep_type(t),
            _ => {}
        }
        self.homes[k].entry = Some(kind);
        self.homes[k].cur = Some(s);
        if kind == Kind::Int {
            self.homes[k].range_bits = rpy_interpreter::vm::int_i64(real).and_then(speculated_range_bits);
        }
        Ok(s)
    }

    /// Stops before an effect while guards resume at `resume` (inside an inlined call, or
    /// with a virtual tuple on the loop's stack): resuming there must be able to redo
    /// everything since.
    pub(super) fn allow_effect(&self, what: &str) -> Result<(), Abort> {
        match self.resume {
            Some(_) => Err(format!("{what} in an inlined call or while a tuple built in the loop is live")),
            None => Ok(()),
        }
    }

    /// `read_home` for a home that holds the int `x` on every entry (checked there): a
    /// constant in the trace.
    pub(super) fn read_home_value(&mut self, home: Home, x: i64) -> Sym {
        let k = self.home_index(home);
        if let Some(s) = self.homes[k].cur {
            return s;
        }
        let s = Sym::Int(V::Phi(k));
        self.homes[k].entry = Some(Kind::IntValue(x));
        self.homes[k].cur = Some(s);
        s
    }

    pub(super) fn write_home(&mut self, home: Home, s: Sym) -> Result<(), Abort> {
        if s.is_virtual() {
            return Err("tuple built in the loop stored in a variable".into());
        }
        self.allow_effect("variable store")?;
        let k = self.home_index(home);
        if self.homes[k].owned {
            return super::bigints::store_again(self, k, s);
        }
        // A new object the trace made: the home takes over its reference.
        if let Sym::Obj(v, _) | Sym::List(v) = s {
            if let Some(j) = self.fresh.iter().position(|&x| x == v) {
                self.fresh.swap_remove(j);
                self.homes[k].owned = true;
            }
        }
        self.homes[k].cur = Some(s);
        self.homes[k].written = true;
        Ok(())
    }

    pub(super) fn pop(&mut self) -> Result<Sym, Abort> {
        self.stack.pop().ok_or_else(|| "stack value from before the loop".to_string())
    }

    pub(super) fn top(&self, depth: usize) -> Result<Sym, Abort> {
        let n = self.stack.len();
        if n <= depth {
            return Err("stack value from before the loop".into());
        }
        Ok(self.stack[n - 1 - depth])
    }

    /// `v` boxed as an inline int (owning nothing); the guard before it leaves the trace
    /// where the int is too big for that, before the instruction that stores it.
    pub(super) fn box_int(&mut self, v: V) -> V {
        self.emit_guard(OpKind::GuardSmallInt, vec![v]);
        self.emit(OpKind::BoxInt, vec![v], 0)
    }

    /// `s` boxed for a store into a list (`what`), which takes only values that own nothing:
    /// ints and floats.
    pub(super) fn boxed_number(&mut self, s: Sym, what: &str) -> Result<V, Abort> {
        match s {
            Sym::Int(v) => Ok(self.box_int(v)),
            Sym::Float(v) => Ok(self.emit(OpKind::BoxFloat, vec![v], 0)),
            _ => Err(format!("{what} of a value other than an int or a float")),
        }
    }

    /// The boxed value of `s` (borrowed, or owning nothing): a call's argument, a function's
    /// result, the next value of a home a loop carries boxed.
    pub(super) fn boxed(&mut self, s: Sym) -> Result<V, Abort> {
        Ok(match s {
            Sym::Int(v) => self.box_int(v),
            Sym::Float(v) => self.emit(OpKind::BoxFloat, vec![v], 0),
            Sym::Bool(v, neg) => {
                let b = if neg {
                    let i = self.emit(OpKind::BoolToInt, vec![v], 0);
                    let z = self.const_int(0);
                    self.emit(OpKind::IntEq, vec![i, z], 0)
                } else {
                    v
                };
                self.emit(OpKind::BoxBool, vec![b], 0)
            }
            Sym::List(v) | Sym::Obj(v, _) => v,
            Sym::Exact(b) => self.emit(OpKind::ConstRef, vec![], b),
            Sym::Tuple(_) | Sym::Iter(_) | Sym::Inst(_) | Sym::Boxed(_) => return Err("a tuple built in the trace or a call's result boxed".into()),
        })
    }

    pub(super) fn const_int(&mut self, x: i64) -> V {
        self.emit(OpKind::ConstInt, vec![], x as u64)
    }

    pub(super) fn const_float(&mut self, x: f64) -> V {
        self.emit(OpKind::ConstFloat, vec![], x.to_bits())
    }

    /// The int `v` is when it is a constant of the trace.
    pub(super) fn known_int(&self, v: V) -> Option<i64> {
        match v {
            V::Op(j) => self.body.get(j).filter(|o| o.kind == OpKind::ConstInt).map(|o| o.imm as i64),
            V::Phi(_) => None,
        }
    }

    /// The number `s` is when it is a constant of the trace (an int or a float), as a float.
    pub(super) fn known_number(&self, s: Sym) -> Option<f64> {
        let op = |v: V| match v {
            V::Op(j) => self.body.get(j),
            V::Phi(_) => None,
        };
        match s {
            Sym::Int(v) => op(v).filter(|o| o.kind == OpKind::ConstInt).map(|o| o.imm as i64 as f64),
            Sym::Float(v) => op(v).filter(|o| o.kind == OpKind::ConstFloat).map(|o| f64::from_bits(o.imm)),
            _ => None,
        }
    }

    /// `s` as a float that equals it exactly: an int is guarded to lie within 2**53.
    pub(super) fn exact_float(&mut self, s: Sym) -> Result<V, Abort> {
        if let Sym::Int(v) = s {
            let limit = super::arith::EXACT_FLOAT as i64;
            let (hi, lo) = (self.const_int(limit), self.const_int(-limit));
            let below = self.emit(OpKind::IntLe, vec![v, hi], 0);
            self.guard(OpKind::GuardTrue, below);
            let above = self.emit(OpKind::IntGe, vec![v, lo], 0);
            self.guard(OpKind::GuardTrue, above);
        }
        self.as_float(s)
    }

    pub(super) fn as_float(&mut self, s: Sym) -> Result<V, Abort> {
        match s {
            Sym::Float(v) => Ok(v),
            Sym::Int(v) => Ok(self.emit(OpKind::IntToFloat, vec![v], 0)),
            _ => Err("operand is neither an int nor a float".into()),
        }
    }

    /// Guards that the recorded truth value of `s` holds again.
    pub(super) fn guard_truth(&mut self, s: Sym, truth: bool) -> Result<(), Abort> {
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
            Sym::List(_) | Sym::Obj(..) | Sym::Exact(_) | Sym::Tuple(_) | Sym::Iter(_) | Sym::Inst(_) | Sym::Boxed(_) => return Err("truth of an object".into()),
        };
        let want = truth != neg;
        self.guard(if want { OpKind::GuardTrue } else { OpKind::GuardFalse }, v);
        Ok(())
    }
}
