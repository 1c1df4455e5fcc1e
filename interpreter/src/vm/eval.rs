//! The eval loop: one exhaustive `match` over `Instr`, arms kept short; the work is in the
//! `Vm` methods of the sibling modules. Fast paths for small ints and floats are inline.

use super::frame::{Block, BlockKind, Frame, FrameExit};
use super::Vm;
use crate::bytecode::opcodes::{BinOp, CmpOp};
use crate::bytecode::Instr;
use crate::bytecode::code::AttrSiteKind;
use crate::object::*;
use crate::value::Value;
use crate::PyErr;

macro_rules! pop {
    ($f:expr) => {
        match $f.stack.pop() {
            Some(v) => v,
            None => Value::NULL,
        }
    };
}

static NULL_VALUE: Value = Value::NULL;

macro_rules! top {
    ($f:expr) => {
        match $f.stack.last() {
            Some(v) => v,
            None => &NULL_VALUE,
        }
    };
}

/// Fast arithmetic on inline ints and floats; `None` means take the general path.
#[inline(always)]
pub fn fast_binop(op: BinOp, a: &Value, b: &Value) -> Option<Value> {
    if a.is_small_int() && b.is_small_int() {
        let (x, y) = (a.as_small_int_unchecked(), b.as_small_int_unchecked());
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x.checked_mul(y)?,
            BinOp::FloorDiv if y != 0 => x.div_euclid(y) - if (x.rem_euclid(y) != 0) && (y < 0) { 1 } else { 0 },
            BinOp::Mod if y != 0 => {
                let m = x % y;
                if m != 0 && ((m < 0) != (y < 0)) { m + y } else { m }
            }
            BinOp::And => x & y,
            BinOp::Or => x | y,
            BinOp::Xor => x ^ y,
            BinOp::TrueDiv if y != 0 => {
                if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                    return Some(Value::float(x as f64 / y as f64));
                }
                return None;
            }
            BinOp::LShift if (0..32).contains(&y) && x.unsigned_abs() < (1 << 31) => x << y,
            BinOp::RShift if (0..64).contains(&y) => x >> y,
            _ => return None,
        };
        return Value::small_int(r);
    }
    let (x, y) = if a.is_float() && b.is_float() {
        (a.as_float_unchecked(), b.as_float_unchecked())
    } else if a.is_float() && b.is_small_int() {
        (a.as_float_unchecked(), b.as_small_int_unchecked() as f64)
    } else if a.is_small_int() && b.is_float() {
        (a.as_small_int_unchecked() as f64, b.as_float_unchecked())
    } else {
        return None;
    };
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::TrueDiv if y != 0.0 => x / y,
        _ => return None,
    };
    Some(Value::float(r))
}

/// Comparison of two `str`s (UTF-8 byte order is code point order).
#[inline(never)]
fn str_compare(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    let (Some(Obj { kind: ObjKind::Str(x) }), Some(Obj { kind: ObjKind::Str(y) })) = (a.as_obj(), b.as_obj()) else { return None };
    let eq = || a.is(b) || x.s == y.s;
    Some(match op {
        CmpOp::Eq => eq(),
        CmpOp::Ne => !eq(),
        CmpOp::Lt => x.s < y.s,
        CmpOp::Le => x.s <= y.s,
        CmpOp::Gt => x.s > y.s,
        CmpOp::Ge => x.s >= y.s,
    })
}

#[inline(always)]
pub fn fast_compare(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    if a.is_small_int() && b.is_small_int() {
        let (x, y) = (a.as_small_int_unchecked(), b.as_small_int_unchecked());
        return Some(match op {
            CmpOp::Lt => x < y,
            CmpOp::Le => x <= y,
            CmpOp::Eq => x == y,
            CmpOp::Ne => x != y,
            CmpOp::Gt => x > y,
            CmpOp::Ge => x >= y,
        });
    }
    let (x, y) = if a.is_float() && b.is_float() {
        (a.as_float_unchecked(), b.as_float_unchecked())
    } else if a.is_float() && b.is_small_int() {
        (a.as_float_unchecked(), b.as_small_int_unchecked() as f64)
    } else if a.is_small_int() && b.is_float() {
        (a.as_small_int_unchecked() as f64, b.as_float_unchecked())
    } else {
        return str_compare(op, a, b);
    };
    Some(match op {
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Eq => x == y,
        CmpOp::Ne => x != y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
    })
}

impl Vm {
    /// Runs a frame until it returns or yields. A pending exception (from `gen.throw`) is
    /// raised at the current instruction before anything executes.
    #[inline]
    pub fn execute(&mut self, f: &mut Frame, pending: Option<PyErr>) -> Result<FrameExit, PyErr> {
        f.handled_base = self.handled.len();
        // `Code::max_stack` bounds the frame's stack depth: pushes in the eval loop never grow.
        let need = f.code.max_stack;
        if f.stack.capacity() - f.stack.len() < need {
            f.stack.reserve(need);
        }
        self.frames.push(f as *const Frame);
        let r = match pending {
            None => {
                // SAFETY: `f.code` is never reassigned while the frame runs, and the frame
                // keeps its Rc alive, so this borrow outlives the call (saves an Rc clone).
                let code: *const crate::bytecode::Code = &*f.code;
                match self.run(f, unsafe { &*code }) {
                    Ok(exit) => {
                        if self.handled.len() > f.handled_base {
                            self.handled.truncate(f.handled_base);
                        }
                        Ok(exit)
                    }
                    Err(e) => {
                        let code = f.code.clone();
                        self.execute_inner(f, &code, Some(e))
                    }
                }
            }
            Some(e) => {
                let code = f.code.clone();
                self.execute_inner(f, &code, Some(e))
            }
        };
        self.frames.pop();
        r
    }

    fn execute_inner(&mut self, f: &mut Frame, code: &std::rc::Rc<crate::bytecode::Code>, mut pending: Option<PyErr>) -> Result<FrameExit, PyErr> {
        loop {
            let err = match pending.take() {
                Some(e) => e,
                None => match self.run(f, code) {
                    Ok(exit) => {
                        self.handled.truncate(f.handled_base);
                        return Ok(exit);
                    }
                    Err(e) => e,
                },
            };
            // Unwind to the innermost handler block of this frame.
            let exc = err.0;
            if !err_is_reraise(&exc) {
                self.add_traceback(&exc, code, f.pc.saturating_sub(1));
                self.set_context(&exc);
            }
            clear_reraise(&exc);
            let mut caught = false;
            while let Some(b) = f.blocks.pop() {
                match b.kind {
                    BlockKind::Handler => {
                        self.handled.pop();
                    }
                    BlockKind::Except | BlockKind::Finally => {
                        f.stack.truncate(b.level as usize);
                        f.blocks.push(Block { kind: BlockKind::Handler, handler: 0, level: b.level });
                        self.handled.push(exc.clone());
                        f.stack.push(exc.clone());
                        f.pc = b.handler as usize;
                        caught = true;
                        break;
                    }
                }
            }
            if !caught {
                self.handled.truncate(f.handled_base);
                f.stack.clear();
                return Err(PyErr(exc));
            }
        }
    }

    /// Calls a plain Python function whose `nargs` arguments sit on top of `f`'s stack, above
    /// the callable: the arguments move into a pooled frame in one copy (after `receiver`, a
    /// first argument from elsewhere, when there is one), the callable slot is popped.
    #[inline(always)]
    pub(super) fn call_simple(&mut self, f: &mut Frame, receiver: Option<Value>, nargs: usize, code: &std::rc::Rc<crate::bytecode::Code>, globals: &Value) -> Result<Value, PyErr> {
        let mut nf = self.pooled_frame(code, globals);
        let filled = nargs + receiver.is_some() as usize;
        if let Some(r) = receiver {
            nf.fast.push(r);
        }
        f.stack.move_top_into(nargs, &mut nf.fast);
        for _ in filled..code.varnames.len() {
            nf.fast.push(Value::NULL);
        }
        f.stack.pop();
        let r = self.run_function(&mut nf);
        self.recycle_frame(nf);
        r
    }

    /// Runs the frame of a plain positional call (fast locals: the arguments, then unbound):
    /// through the function's compiled trace when the JIT has one, else interpreted, counting
    /// the call towards the JIT's threshold.
    #[inline(always)]
    pub(super) fn run_function(&mut self, nf: &mut Frame) -> Result<Value, PyErr> {
        let fj = &nf.code.jit_fn;
        if fj.trace.get() != 0 {
            if let Some(run) = self.jit_fn_runner {
                return run(self, nf);
            }
        }
        if self.jit.is_some() {
            let h = fj.heat.get();
            if h > 1 {
                fj.heat.set(h - 1);
            } else {
                return self.jit_hot_call(nf);
            }
        }
        self.run_call_frame(nf)
    }

    /// Hands a hot function's call to the JIT (see `JitHooks::on_hot_call`), then finishes
    /// the call in the interpreter from where the hook left the frame.
    #[cold]
    #[inline(never)]
    fn jit_hot_call(&mut self, nf: &mut Frame) -> Result<Value, PyErr> {
        if self.depth < self.recursion_limit {
            if let Some(mut jit) = self.jit.take() {
                // The frame counts towards the recursion limit while the JIT executes it.
                self.depth += 1;
                jit.on_hot_call(self, nf);
                self.depth -= 1;
                self.jit = Some(jit);
            }
        }
        let pending = self.jit_error.take();
        self.resume_call_frame(nf, pending)
    }

    /// Runs a function frame to its return, enforcing the recursion limit: `execute` with its
    /// return path folded in (the hot path of every Python-to-Python call).
    #[inline(always)]
    pub(super) fn run_call_frame(&mut self, f: &mut Frame) -> Result<Value, PyErr> {
        self.resume_call_frame(f, None)
    }

    /// `run_call_frame` for a function frame stopped part-way (a compiled trace left it at
    /// `f.pc`); `pending` is raised there first, as if the instruction before `f.pc` raised.
    #[inline(always)]
    pub fn resume_call_frame(&mut self, f: &mut Frame, pending: Option<PyErr>) -> Result<Value, PyErr> {
        if self.depth >= self.recursion_limit {
            return Err(self.new_error("RecursionError", "maximum recursion depth exceeded".to_string()));
        }
        let base = self.handled.len();
        f.handled_base = base;
        f.stack.reserve(f.code.max_stack);
        self.depth += 1;
        self.frames.push(f as *const Frame);
        // SAFETY: as in `execute`, the frame keeps its code alive and never reassigns it.
        let code: *const crate::bytecode::Code = &*f.code;
        let first = match pending {
            None => self.run(f, unsafe { &*code }),
            Some(e) => Err(e),
        };
        let r = match first {
            Ok(FrameExit::Return(v)) => {
                if self.handled.len() > base {
                    self.handled.truncate(base);
                }
                Ok(v)
            }
            Ok(FrameExit::Yield(_)) => Err(self.new_error("SystemError", "yield outside generator".to_string())),
            Err(e) => {
                let code = f.code.clone();
                match self.execute_inner(f, &code, Some(e)) {
                    Ok(FrameExit::Return(v)) => Ok(v),
                    Ok(FrameExit::Yield(_)) => Err(self.new_error("SystemError", "yield outside generator".to_string())),
                    Err(e) => Err(e),
                }
            }
        };
        self.frames.pop();
        self.depth -= 1;
        r
    }

    /// At a `for` loop's header, reached from its `GetIter`: a loop the JIT has compiled
    /// (heat `1`, "every time") runs its trace from the first iteration instead of waiting
    /// for the first back-edge.
    #[inline(always)]
    fn enter_compiled_loop(&mut self, f: &mut Frame, code: &crate::bytecode::Code) {
        if self.jit.is_some() && code.loop_heat.get(f.pc).is_some_and(|h| h.get() == 1) && matches!(code.instrs.get(f.pc), Some(Instr::ForIter(_))) {
            self.jit_loop_entry(f);
        }
    }

    #[cold]
    #[inline(never)]
    fn jit_loop_entry(&mut self, f: &mut Frame) {
        if let Some(mut jit) = self.jit.take() {
            let header = f.pc;
            jit.on_loop_entry(self, f, header);
            self.jit = Some(jit);
        }
    }

    /// Hands a hot back-edge to the JIT (see `JitHooks`).
    #[cold]
    #[inline(never)]
    fn jit_back_edge(&mut self, f: &mut Frame, header: usize) {
        if let Some(mut jit) = self.jit.take() {
            jit.on_back_edge(self, f, header);
            self.jit = Some(jit);
        }
    }

    /// Runs instructions until the frame returns, yields or raises. `f.pc` is kept current
    /// (frame introspection and tracebacks of callers read it while calls are in progress).
    #[inline(never)]
    fn run(&mut self, f: &mut Frame, code: &crate::bytecode::Code) -> Result<FrameExit, PyErr> {
        let instrs = &code.instrs[..];
        loop {
            debug_assert!(f.pc < instrs.len());
            // SAFETY: every code object ends in ReturnValue and every jump target is inside
            // the instruction list (compiler invariant; the bytecode cache verifies it).
            let ins = unsafe { *instrs.get_unchecked(f.pc) };
            f.pc += 1;
            match ins {
                Instr::Nop => {}
                Instr::PopTop => {
                    f.stack.pop();
                }
                Instr::DupTop => {
                    let v = top!(f).clone();
                    f.stack.push(v);
                }
                Instr::DupTop2 => {
                    let n = f.stack.len();
                    let a = f.stack[n - 2].clone();
                    let b = f.stack[n - 1].clone();
                    f.stack.push(a);
                    f.stack.push(b);
                }
                Instr::RotTwo => {
                    let n = f.stack.len();
                    f.stack.swap(n - 1, n - 2);
                }
                Instr::RotThree => {
                    let v = pop!(f);
                    let n = f.stack.len();
                    f.stack.insert(n - 2, v);
                }
                Instr::RotFour => {
                    let v = pop!(f);
                    let n = f.stack.len();
                    f.stack.insert(n - 3, v);
                }
                Instr::LoadConst(c) => f.stack.push(code.consts[c.idx()].clone()),
                Instr::LoadFast(i) => {
                    let v = &f.fast[i.idx()];
                    if v.is_null() {
                        return Err(self.unbound_local(&code.varnames[i.idx()]));
                    }
                    f.stack.push(v.clone());
                }
                Instr::StoreFast(i) => {
                    let v = pop!(f);
                    f.fast[i.idx()] = v;
                }
                Instr::DeleteFast(i) => {
                    if f.fast[i.idx()].is_null() {
                        return Err(self.unbound_local(&code.varnames[i.idx()]));
                    }
                    f.fast[i.idx()] = Value::NULL;
                }
                Instr::LoadDeref(i) => {
                    let v = cell_get(&f.cells[i.0 as usize]);
                    if v.is_null() {
                        return Err(self.unbound_deref(code, i.0 as usize));
                    }
                    f.stack.push(v);
                }
                Instr::StoreDeref(i) => {
                    let v = pop!(f);
                    cell_set(&f.cells[i.0 as usize], v);
                }
                Instr::DeleteDeref(i) => {
                    if cell_get(&f.cells[i.0 as usize]).is_null() {
                        return Err(self.unbound_deref(code, i.0 as usize));
                    }
                    cell_set(&f.cells[i.0 as usize], Value::NULL);
                }
                Instr::LoadClosure(i) => f.stack.push(f.cells[i.0 as usize].clone()),
                Instr::LoadClassDeref(i) => {
                    let name = code.cell_name(i.0 as usize).to_string();
                    let key = self.intern(&name);
                    let found = super::dict_of(&f.locals).and_then(|d| super::dict_get_str(&d.borrow(), &key));
                    match found {
                        Some(v) => f.stack.push(v),
                        None => {
                            let v = cell_get(&f.cells[i.0 as usize]);
                            if v.is_null() {
                                return Err(self.unbound_deref(code, i.0 as usize));
                            }
                            f.stack.push(v);
                        }
                    }
                }
                Instr::LoadName(n) => {
                    // Module code: the namespace is the globals dict, so the global cache applies.
                    let v = if f.locals.is(&f.globals) { self.load_global_cached(f, code, n.idx())? } else { self.load_name(f, &code.names[n.idx()])? };
                    f.stack.push(v);
                }
                Instr::StoreName(n) => {
                    let v = pop!(f);
                    if f.locals.is(&f.globals) {
                        self.store_global_cached(f, code, n.idx(), v);
                    } else {
                        self.store_name(f, &code.names[n.idx()], v)?;
                    }
                }
                Instr::DeleteName(n) => self.delete_name(f, &code.names[n.idx()])?,
                Instr::LoadGlobal(n) => {
                    let v = self.load_global_cached(f, code, n.idx())?;
                    f.stack.push(v);
                }
                Instr::StoreGlobal(n) => {
                    let v = pop!(f);
                    self.store_global_cached(f, code, n.idx(), v);
                }
                Instr::DeleteGlobal(n) => {
                    let key = &code.names[n.idx()];
                    let removed = match super::dict_of(&f.globals) {
                        Some(d) => {
                            let mut never = |_: &Value, _: &Value| -> Result<bool, ()> { Ok(false) };
                            d.borrow_mut().remove(key, super::str_hash(key), &mut never).ok().flatten().is_some()
                        }
                        None => false,
                    };
                    if !removed {
                        return Err(self.name_error(key));
                    }
                }
                Instr::LoadAttr(n) => {
                    let cached = match top!(f).as_obj() {
                        Some(Obj { kind: ObjKind::Instance(_) }) => self.load_attr_cached(top!(f), code, n.idx()),
                        Some(Obj { kind: ObjKind::Module(_) }) => module_attr_cached(top!(f), code, n.idx()),
                        _ => None,
                    };
                    if let Some(v) = cached {
                        f.stack.pop();
                        f.stack.push(v);
                        continue;
                    }
                    let obj = pop!(f);
                    let v = self.getattr(&obj, &code.names[n.idx()])?;
                    self.fill_attr_site(&obj, code, n.idx(), AttrSiteKind::Load);
                    f.stack.push(v);
                }
                Instr::StoreAttr(n) => {
                    let obj = pop!(f);
                    let v = pop!(f);
                    if let Err(v) = self.store_attr_cached(&obj, code, n.idx(), v) {
                        self.setattr(&obj, &code.names[n.idx()], v)?;
                        self.fill_attr_site(&obj, code, n.idx(), AttrSiteKind::Store);
                    }
                }
                Instr::DeleteAttr(n) => {
                    let obj = pop!(f);
                    self.delattr(&obj, &code.names[n.idx()])?;
                }
                Instr::LoadMethod(n) => {
                    match top!(f).as_obj() {
                        Some(Obj { kind: ObjKind::Instance(_) }) => {
                            if let Some(m) = self.load_method_cached(top!(f), code, n.idx()) {
                                let obj = pop!(f);
                                f.stack.push(m);
                                f.stack.push(obj);
                                continue;
                            }
                        }
                        Some(Obj { kind: ObjKind::Module(_) }) => {
                            if let Some(v) = module_attr_cached(top!(f), code, n.idx()) {
                                f.stack.pop();
                                f.stack.push(v);
                                f.stack.push(Value::NULL);
                                continue;
                            }
                        }
                        Some(o) => {
                            if let Some(m) = self.load_builtin_method_cached(o, code, n.idx()) {
                                let obj = pop!(f);
                                f.stack.push(m);
                                f.stack.push(obj);
                                continue;
                            }
                        }
                        None => {}
                    }
                    let obj = pop!(f);
                    let (m, slf) = self.load_method(&obj, &code.names[n.idx()])?;
                    if !slf.is_null() {
                        match obj.as_obj() {
                            Some(Obj { kind: ObjKind::Instance(_) }) => self.fill_attr_site(&obj, code, n.idx(), AttrSiteKind::Method),
                            _ => self.fill_builtin_method_site(&obj, code, n.idx(), &m),
                        }
                    }
                    f.stack.push(m);
                    f.stack.push(slf);
                }
                Instr::CallMethod(argc) => {
                    let argc = argc as usize;
                    let base = f.stack.len() - argc - 2;
                    if !f.stack[base + 1].is_null() {
                        let simple = match f.stack[base].as_obj() {
                            Some(Obj { kind: ObjKind::Function(fun) }) => {
                                let c = &fun.code;
                                if c.argcount as usize == argc + 1 && !c.flags.varargs && !c.flags.varkw && c.kwonlyargcount == 0 && !c.flags.generator && !c.flags.coroutine && c.ncells() == 0 {
                                    Some((c as *const std::rc::Rc<crate::bytecode::Code>, &fun.globals as *const Value))
                                } else {
                                    None
                                }
                            }
                            _ => None,
                        };
                        if let Some((c, g)) = simple {
                            // Fast path: self and the arguments move into the new frame.
                            // SAFETY: as for CallFunction, the function stays in its stack slot
                            // until `call_simple` is done with these references.
                            let r = self.call_simple(f, None, argc + 1, unsafe { &*c }, unsafe { &*g })?;
                            f.stack.push(r);
                            continue;
                        }
                    }
                    let result = if f.stack[base + 1].is_null() {
                        let func = f.stack[base].clone();
                        self.call(&func, &f.stack[base + 2..], &[])
                    } else {
                        let func = f.stack[base].clone();
                        self.call(&func, &f.stack[base + 1..], &[])
                    };
                    f.stack.truncate(base);
                    f.stack.push(result?);
                }
                Instr::BinarySubscr => {
                    let key = pop!(f);
                    let obj = pop!(f);
                    let v = self.getitem_fast(&obj, &key)?;
                    f.stack.push(v);
                }
                Instr::StoreSubscr => {
                    let key = pop!(f);
                    let obj = pop!(f);
                    let v = pop!(f);
                    self.setitem_fast(&obj, key, v)?;
                }
                Instr::DeleteSubscr => {
                    let key = pop!(f);
                    let obj = pop!(f);
                    self.delitem(&obj, &key)?;
                }
                Instr::BuildSlice(n) => {
                    let step = if n == 3 { pop!(f) } else { Value::NONE };
                    let stop = pop!(f);
                    let start = pop!(f);
                    f.stack.push(Value::new_obj(Obj { kind: ObjKind::Slice(start, stop, step) }));
                }
                Instr::BinaryOp(op) => {
                    let b = pop!(f);
                    let a = pop!(f);
                    let r = match fast_binop(op, &a, &b) {
                        Some(v) => v,
                        None => self.binary_op(op, &a, &b)?,
                    };
                    f.stack.push(r);
                }
                Instr::InplaceOp(op) => {
                    let b = pop!(f);
                    let a = pop!(f);
                    let r = match fast_binop(op, &a, &b) {
                        Some(v) => v,
                        None => self.inplace_op(op, a, &b)?,
                    };
                    f.stack.push(r);
                }
                Instr::UnaryNeg => {
                    let a = pop!(f);
                    let r = self.neg(&a)?;
                    f.stack.push(r);
                }
                Instr::UnaryPos => {
                    let a = pop!(f);
                    let r = self.pos(&a)?;
                    f.stack.push(r);
                }
                Instr::UnaryNot => {
                    let a = pop!(f);
                    let t = self.truthy(&a)?;
                    f.stack.push(Value::bool(!t));
                }
                Instr::UnaryInvert => {
                    let a = pop!(f);
                    let r = self.invert(&a)?;
                    f.stack.push(r);
                }
                Instr::CompareOp(op) => {
                    let b = pop!(f);
                    let a = pop!(f);
                    let r = match fast_compare(op, &a, &b) {
                        Some(t) => {
                            // Fused with a following conditional jump: no bool is materialised.
                            match instrs.get(f.pc) {
                                Some(Instr::PopJumpIfFalse(l)) => {
                                    f.pc = if t { f.pc + 1 } else { l.0 as usize };
                                    continue;
                                }
                                Some(Instr::PopJumpIfTrue(l)) => {
                                    f.pc = if t { l.0 as usize } else { f.pc + 1 };
                                    continue;
                                }
                                _ => Value::bool(t),
                            }
                        }
                        None => self.compare(op, &a, &b)?,
                    };
                    f.stack.push(r);
                }
                Instr::IsOp(inv) => {
                    let b = pop!(f);
                    let a = pop!(f);
                    f.stack.push(Value::bool(a.is(&b) != (inv != 0)));
                }
                Instr::ContainsOp(inv) => {
                    let container = pop!(f);
                    let item = pop!(f);
                    let r = self.contains(&container, &item)?;
                    f.stack.push(Value::bool(r != (inv != 0)));
                }
                Instr::BuildTuple(n) => {
                    let items = f.stack.split_off(f.stack.len() - n as usize);
                    f.stack.push(super::new_tuple(items));
                }
                Instr::BuildList(n) => {
                    let items = f.stack.split_off(f.stack.len() - n as usize);
                    f.stack.push(super::new_list(items));
                }
                Instr::BuildSet(n) => {
                    let items = f.stack.split_off(f.stack.len() - n as usize);
                    let s = self.new_set_from(items)?;
                    f.stack.push(s);
                }
                Instr::BuildMap(n) => {
                    let items = f.stack.split_off(f.stack.len() - 2 * n as usize);
                    let d = self.new_dict_from_pairs(items)?;
                    f.stack.push(d);
                }
                Instr::BuildString(n) => {
                    let items = f.stack.split_off(f.stack.len() - n as usize);
                    let mut s = String::new();
                    for it in &items {
                        s.push_str(super::str_of(it).unwrap_or(""));
                    }
                    f.stack.push(super::new_string(s));
                }
                Instr::ListAppend(d) => {
                    let v = pop!(f);
                    let l = &f.stack[f.stack.len() - d as usize];
                    if let Some(Obj { kind: ObjKind::List(l) }) = l.as_obj() {
                        l.borrow_mut().push(v);
                    }
                }
                Instr::SetAdd(d) => {
                    let v = pop!(f);
                    let s = f.stack[f.stack.len() - d as usize].clone();
                    self.set_add(&s, v)?;
                }
                Instr::MapAdd(d) => {
                    let v = pop!(f);
                    let k = pop!(f);
                    let m = f.stack[f.stack.len() - d as usize].clone();
                    self.setitem(&m, k, v)?;
                }
                Instr::ListExtend(d) => {
                    let it = pop!(f);
                    let l = f.stack[f.stack.len() - d as usize].clone();
                    self.list_extend(&l, &it)?;
                }
                Instr::ListExtendCall(d) => {
                    let it = pop!(f);
                    let n = f.stack.len();
                    let l = f.stack[n - d as usize].clone();
                    if let Err(e) = self.list_extend(&l, &it) {
                        if self.is_instance_of_exc(&e, "TypeError") && self.get_iter(&it).is_err() {
                            let func = f.stack[n - d as usize - 1].clone();
                            let name = self.func_display_name(&func);
                            let tn = self.type_name(&it);
                            return Err(self.type_error(format!("{name} argument after * must be an iterable, not {tn}")));
                        }
                        return Err(e);
                    }
                }
                Instr::SetUpdate(d) => {
                    let it = pop!(f);
                    let s = f.stack[f.stack.len() - d as usize].clone();
                    let items = self.collect(&it)?;
                    for x in items {
                        self.set_add(&s, x)?;
                    }
                }
                Instr::DictUpdate(d) => {
                    let m = pop!(f);
                    let target = f.stack[f.stack.len() - d as usize].clone();
                    self.dict_update(&target, &m, false)?;
                }
                Instr::DictMerge(d) => {
                    let m = pop!(f);
                    let target = f.stack[f.stack.len() - d as usize].clone();
                    let func = f.stack.get(f.stack.len().wrapping_sub(d as usize + 2)).cloned().unwrap_or(Value::NONE);
                    self.dict_merge_kwargs(&target, &m, &func)?;
                }
                Instr::ListToTuple => {
                    let l = pop!(f);
                    let items = match l.as_obj() {
                        Some(Obj { kind: ObjKind::List(l) }) => l.borrow_mut().take(),
                        _ => Vec::new(),
                    };
                    f.stack.push(super::new_tuple(items));
                }
                Instr::FormatValue(flags) => {
                    let spec = if flags & 4 != 0 { Some(pop!(f)) } else { None };
                    let v = pop!(f);
                    let r = self.format_value(v, flags & 3, spec)?;
                    f.stack.push(r);
                }
                Instr::UnpackSequence(n) => {
                    let seq = pop!(f);
                    self.unpack_into(&seq, n as usize, &mut f.stack)?;
                }
                Instr::UnpackEx(counts) => {
                    let seq = pop!(f);
                    self.unpack_ex_into(&seq, (counts & 0xff) as usize, (counts >> 8) as usize, &mut f.stack)?;
                }
                Instr::Jump(t) => {
                    let t = t.0 as usize;
                    let back = t < f.pc;
                    f.pc = t;
                    if back {
                        self.check_signals()?;
                        if self.jit.is_some() {
                            let heat = &code.loop_heat[t];
                            let h = heat.get();
                            if h > 1 {
                                heat.set(h - 1);
                            } else {
                                self.jit_back_edge(f, t);
                            }
                        }
                    }
                }
                Instr::PopJumpIfFalse(t) => {
                    let v = pop!(f);
                    let b = if v.is_bool() { v.is(&Value::TRUE) } else { self.truthy(&v)? };
                    if !b {
                        f.pc = t.0 as usize;
                    }
                }
                Instr::PopJumpIfTrue(t) => {
                    let v = pop!(f);
                    let b = if v.is_bool() { v.is(&Value::TRUE) } else { self.truthy(&v)? };
                    if b {
                        f.pc = t.0 as usize;
                    }
                }
                Instr::JumpIfFalseOrPop(t) => {
                    let b = self.truthy(top!(f))?;
                    if !b {
                        f.pc = t.0 as usize;
                    } else {
                        f.stack.pop();
                    }
                }
                Instr::JumpIfTrueOrPop(t) => {
                    let b = self.truthy(top!(f))?;
                    if b {
                        f.pc = t.0 as usize;
                    } else {
                        f.stack.pop();
                    }
                }
                Instr::PopJumpIfNotNone(t) => {
                    if !pop!(f).is_none() {
                        f.pc = t.0 as usize;
                    }
                }
                Instr::PopJumpIfNone(t) => {
                    if pop!(f).is_none() {
                        f.pc = t.0 as usize;
                    }
                }
                Instr::GetIter => {
                    let v = pop!(f);
                    let it = self.get_iter(&v)?;
                    f.stack.push(it);
                    self.enter_compiled_loop(f, code);
                }
                Instr::ForIter(t) => {
                    // Inline fast paths: range and list iterators.
                    if let Some(Obj { kind: ObjKind::Iter(cell) }) = top!(f).as_obj() {
                        let mut st = cell.borrow_mut();
                        match &mut *st {
                            Iter::Range { cur, step, remaining } => {
                                if *remaining > 0 {
                                    let v = *cur;
                                    *remaining -= 1;
                                    *cur = cur.wrapping_add(*step);
                                    drop(st);
                                    f.stack.push(super::new_int(v));
                                } else {
                                    drop(st);
                                    f.stack.pop();
                                    f.pc = t.0 as usize;
                                }
                                continue;
                            }
                            Iter::Seq { seq, idx } => {
                                if let Some(Obj { kind: ObjKind::List(l) }) = seq.as_obj() {
                                    let item = l.borrow().get(*idx).cloned();
                                    match item {
                                        Some(v) => {
                                            *idx += 1;
                                            drop(st);
                                            f.stack.push(v);
                                        }
                                        None => {
                                            *st = Iter::Done;
                                            drop(st);
                                            f.stack.pop();
                                            f.pc = t.0 as usize;
                                        }
                                    }
                                    continue;
                                }
                            }
                            _ => {}
                        }
                    }
                    let it = top!(f).clone();
                    match self.iter_next(&it)? {
                        Some(v) => f.stack.push(v),
                        None => {
                            f.stack.pop();
                            f.pc = t.0 as usize;
                        }
                    }
                }
                Instr::CallFunction(argc) => {
                    let base = f.stack.len() - argc as usize - 1;
                    // Fast path for plain Python functions: peek (no clone of the function),
                    // move the arguments straight into a pooled frame.
                    let simple = match f.stack[base].as_obj() {
                        Some(Obj { kind: ObjKind::Function(fun) }) => {
                            let c = &fun.code;
                            if c.argcount == argc && !c.flags.varargs && !c.flags.varkw && c.kwonlyargcount == 0 && !c.flags.generator && !c.flags.coroutine && c.ncells() == 0 {
                                Some((c as *const std::rc::Rc<crate::bytecode::Code>, &fun.globals as *const Value))
                            } else {
                                None
                            }
                        }
                        _ => None,
                    };
                    if let Some((c, g)) = simple {
                        // SAFETY: the function object sits in the callable slot of `f.stack`
                        // until `call_simple` has copied what it needs from these references
                        // (it pops that slot only after cloning code and globals).
                        let r = self.call_simple(f, None, argc as usize, unsafe { &*c }, unsafe { &*g })?;
                        f.stack.push(r);
                        continue;
                    }
                    if f.stack[base].is(&self.types.range) {
                        if let Some(r) = crate::builtins::iterators::small_range(&f.stack[base + 1..]) {
                            f.stack.truncate(base);
                            // `for ... in range(...)`: the iterator directly, no range object.
                            if matches!(instrs.get(f.pc), Some(Instr::GetIter)) {
                                f.pc += 1;
                                f.stack.push(super::new_iter(Iter::Range { cur: r.start, step: r.step, remaining: r.len() }));
                                self.enter_compiled_loop(f, code);
                            } else {
                                f.stack.push(Value::new_obj(Obj { kind: ObjKind::Range(r) }));
                            }
                            continue;
                        }
                    }
                    let is_type = matches!(f.stack[base].as_obj(), Some(Obj { kind: ObjKind::Type(_) }));
                    if is_type {
                        if let Some(r) = self.construct_cached(f, argc as usize) {
                            f.stack.push(r?);
                            continue;
                        }
                    }
                    let func = f.stack[base].clone();
                    let r = self.call(&func, &f.stack[base + 1..], &[]);
                    f.stack.truncate(base);
                    if is_type && r.is_ok() {
                        self.fill_ctor_plan(&func);
                    }
                    f.stack.push(r?);
                }
                Instr::CallFunctionKw(argc) => {
                    let names = pop!(f);
                    let base = f.stack.len() - argc as usize - 1;
                    let func = f.stack[base].clone();
                    let names: &[Value] = match names.as_obj() {
                        Some(Obj { kind: ObjKind::Tuple(t) }) => t,
                        _ => &[],
                    };
                    let npos = argc as usize - names.len();
                    let kw: Vec<(Value, Value)> = names.iter().cloned().zip(f.stack[base + 1 + npos..].iter().cloned()).collect();
                    let r = self.call(&func, &f.stack[base + 1..base + 1 + npos], &kw);
                    f.stack.truncate(base);
                    f.stack.push(r?);
                }
                Instr::CallFunctionEx(flags) => {
                    let kwargs = if flags & 1 != 0 { Some(pop!(f)) } else { None };
                    let args = pop!(f);
                    let func = pop!(f);
                    let r = self.call_ex(&func, &args, kwargs.as_ref())?;
                    f.stack.push(r);
                }
                Instr::MakeFunction(flags) => {
                    let qualname = pop!(f);
                    let codev = pop!(f);
                    let closure = if flags & 8 != 0 { Some(pop!(f)) } else { None };
                    let annotations = if flags & 4 != 0 { pop!(f) } else { Value::NULL };
                    let kwdefaults = if flags & 2 != 0 { pop!(f) } else { Value::NONE };
                    let defaults = if flags & 1 != 0 { pop!(f) } else { Value::NONE };
                    let func = self.make_function(f, codev, qualname, defaults, kwdefaults, annotations, closure);
                    f.stack.push(func);
                }
                Instr::ReturnValue => {
                    let v = pop!(f);
                    return Ok(FrameExit::Return(v));
                }
                Instr::LoadBuildClass => {
                    let v = self.builtin_value("__build_class__")?;
                    f.stack.push(v);
                }
                Instr::ImportName(n) => {
                    let fromlist = pop!(f);
                    let level = pop!(f);
                    let m = self.import_name(f, &code.names[n.idx()], &fromlist, &level)?;
                    f.stack.push(m);
                }
                Instr::ImportFrom(n) => {
                    let m = top!(f).clone();
                    let v = self.import_from(&m, &code.names[n.idx()])?;
                    f.stack.push(v);
                }
                Instr::ImportStar => {
                    let m = pop!(f);
                    self.import_star(f, &m)?;
                }
                Instr::Raise(n) => {
                    return Err(match n {
                        0 => self.reraise_current(),
                        1 => {
                            let e = pop!(f);
                            self.make_raise(e, None)
                        }
                        _ => {
                            let cause = pop!(f);
                            let e = pop!(f);
                            self.make_raise(e, Some(cause))
                        }
                    });
                }
                Instr::Reraise => {
                    let e = pop!(f);
                    mark_reraise(&e);
                    return Err(PyErr(e));
                }
                Instr::SetupExcept(t) => f.blocks.push(Block { kind: BlockKind::Except, handler: t.0, level: f.stack.len() as u32 }),
                Instr::SetupFinally(t) => f.blocks.push(Block { kind: BlockKind::Finally, handler: t.0, level: f.stack.len() as u32 }),
                Instr::PopBlock => {
                    f.blocks.pop();
                }
                Instr::PushExcInfo => {}
                Instr::PopExcept => {
                    if let Some(b) = f.blocks.pop() {
                        debug_assert_eq!(b.kind, BlockKind::Handler);
                    }
                    self.handled.pop();
                }
                Instr::CheckExcMatch => {
                    let ty = pop!(f);
                    let exc = top!(f).clone();
                    let m = self.exception_matches(&exc, &ty)?;
                    f.stack.push(Value::bool(m));
                }
                Instr::CheckEgMatch => {
                    let ty = pop!(f);
                    let eg = pop!(f);
                    let (rest, matched) = self.exception_group_split(&eg, &ty)?;
                    f.stack.push(rest);
                    f.stack.push(matched);
                }
                Instr::ReraiseStar => {
                    let rest = pop!(f);
                    let orig = pop!(f);
                    if !rest.is_none() {
                        if rest.is(&orig) {
                            mark_reraise(&rest);
                        }
                        return Err(PyErr(rest));
                    }
                }
                Instr::BeforeWith => {
                    let mgr = pop!(f);
                    let (exit, value) = self.with_enter(&mgr)?;
                    f.stack.push(exit);
                    f.stack.push(value);
                }
                Instr::WithExitNormal => {
                    let exit = pop!(f);
                    let r = self.call(&exit, &[Value::NONE, Value::NONE, Value::NONE], &[])?;
                    f.stack.push(r);
                }
                Instr::WithExitExc => {
                    let exc = pop!(f);
                    let exit = pop!(f);
                    let ty = self.type_of(&exc);
                    let tb = self.traceback_value(&exc);
                    let r = self.call(&exit, &[ty, exc.clone(), tb], &[])?;
                    if self.truthy(&r)? {
                        // Swallowed: leave the handler state.
                        f.blocks.pop();
                        self.handled.pop();
                    } else {
                        mark_reraise(&exc);
                        return Err(PyErr(exc));
                    }
                }
                Instr::YieldValue => {
                    let v = pop!(f);
                    return Ok(FrameExit::Yield(v));
                }
                Instr::YieldFrom => {
                    let sent = pop!(f);
                    let it = top!(f).clone();
                    match self.yield_from_step(&it, sent)? {
                        Ok(y) => {
                            // Re-execute YieldFrom when resumed with the next sent value.
                            f.pc -= 1;
                            return Ok(FrameExit::Yield(y));
                        }
                        Err(result) => {
                            f.stack.pop();
                            f.stack.push(result);
                        }
                    }
                }
                Instr::GetAwaitable => {
                    let v = pop!(f);
                    let it = self.get_awaitable(&v)?;
                    f.stack.push(it);
                }
                Instr::GetYieldFromIter => {
                    let v = pop!(f);
                    let it = if matches!(v.as_obj().map(|o| &o.kind), Some(ObjKind::Generator(_))) { v } else { self.get_iter(&v)? };
                    f.stack.push(it);
                }
                Instr::LoadAssertionError => f.stack.push(self.exc_type("AssertionError")),
                Instr::SetupAnnotations => self.setup_annotations(f)?,
                Instr::PrintExpr => {
                    let v = pop!(f);
                    self.print_expr(v)?;
                }
                Instr::GetLen => {
                    let n = self.len(top!(f))?;
                    f.stack.push(super::new_int(n as i64));
                }
                Instr::MatchMapping => {
                    let b = self.is_mapping_for_match(top!(f));
                    f.stack.push(Value::bool(b));
                }
                Instr::MatchSequence => {
                    let b = self.is_sequence_for_match(top!(f));
                    f.stack.push(Value::bool(b));
                }
                Instr::MatchKeys => {
                    let n = f.stack.len();
                    let (subj, keys) = (f.stack[n - 2].clone(), f.stack[n - 1].clone());
                    let r = self.match_keys(&subj, &keys)?;
                    f.stack.push(r);
                }
                Instr::MatchClass(npos) => {
                    let names = pop!(f);
                    let cls = pop!(f);
                    let subj = pop!(f);
                    let r = self.match_class(&subj, &cls, npos as usize, &names)?;
                    f.stack.push(r);
                }
                Instr::CopyDictWithoutKeys => {
                    let keys = pop!(f);
                    let subj = pop!(f);
                    let r = self.copy_dict_without_keys(&subj, &keys)?;
                    f.stack.push(r);
                }
                Instr::CopyN(n) => {
                    let v = f.stack[f.stack.len() - n as usize].clone();
                    f.stack.push(v);
                }
            }
        }
    }
}

/// `module.name` through the code object's name cache (dict versions are process-unique,
/// so a hit can only come from this very module dict).
#[inline]
fn module_attr_cached(obj: &Value, code: &crate::bytecode::Code, n: usize) -> Option<Value> {
    let Some(Obj { kind: ObjKind::Module(m) }) = obj.as_obj() else { return None };
    let d = super::dict_of(&m.dict)?;
    let d = d.borrow();
    let cache = &code.global_cache[n];
    let c = cache.get();
    if c.gver == d.version && !c.in_builtins {
        if let Some(v) = d.value_at(c.idx as usize) {
            return Some(v.clone());
        }
    }
    let name = &code.names[n];
    let i = d.get_str_index(name, super::str_hash(name))?;
    cache.set(crate::bytecode::code::GlobalCache { gver: d.version, bver: 0, idx: i as u32, in_builtins: false });
    d.value_at(i).cloned()
}

pub fn cell_get(c: &Value) -> Value {
    match c.as_obj() {
        Some(Obj { kind: ObjKind::Cell(v) }) => v.borrow().clone(),
        _ => Value::NULL,
    }
}

pub fn cell_set(c: &Value, v: Value) {
    if let Some(Obj { kind: ObjKind::Cell(cell) }) = c.as_obj() {
        *cell.borrow_mut() = v;
    }
}

/// Marks an exception as being re-raised (no new traceback entry, context kept).
fn mark_reraise(e: &Value) {
    if let Some(ex) = super::exc::exc_fields(e) {
        ex.borrow_mut().reraising = true;
    }
}
fn err_is_reraise(e: &Value) -> bool {
    super::exc::exc_fields(e).map(|x| x.borrow().reraising).unwrap_or(false)
}
fn clear_reraise(e: &Value) {
    if let Some(ex) = super::exc::exc_fields(e) {
        ex.borrow_mut().reraising = false;
    }
}
