//! Generators: a suspended `Frame` kept in the generator object, resumed by `next`, `send`,
//! `throw` and `close`; `yield from` delegation.

use super::frame::{Frame, FrameExit};
use super::Vm;
use crate::bytecode::Instr;
use crate::object::*;
use crate::value::Value;
use crate::{PyErr, PyResult};
use std::cell::RefCell;

/// What kind of suspendable frame this is (from the code flags).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

pub struct GenState {
    pub kind: GenKind,
    pub frame: Option<Box<Frame>>,
    pub started: bool,
    pub running: bool,
    pub finished: bool,
    pub name: Value,
    pub qualname: Value,
}

pub enum GenResult {
    Yield(Value),
    Return(Value),
}

fn gen_state(v: &Value) -> Option<&RefCell<GenState>> {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::Generator(g) }) => Some(g),
        _ => None,
    }
}

impl Vm {
    pub fn new_generator(&mut self, frame: Box<Frame>, fun: &Function) -> Value {
        let kind = match (frame.code.flags.coroutine, frame.code.flags.generator) {
            (true, true) => GenKind::AsyncGenerator,
            (true, false) => GenKind::Coroutine,
            _ => GenKind::Generator,
        };
        Value::new_obj(Obj {
            kind: ObjKind::Generator(RefCell::new(GenState {
                kind,
                frame: Some(frame),
                started: false,
                running: false,
                finished: false,
                name: fun.name.borrow().clone(),
                qualname: fun.qualname.borrow().clone(),
            })),
        })
    }

    /// Resumes a generator with a sent value or a thrown exception.
    pub fn gen_resume(&mut self, gen: &Value, sent: Value, exc: Option<PyErr>) -> PyResult<GenResult> {
        let Some(st) = gen_state(gen) else {
            return Err(self.type_error("not a generator".to_string()));
        };
        let mut frame = {
            let mut s = st.borrow_mut();
            if s.running {
                drop(s);
                return Err(self.value_error("generator already executing".to_string()));
            }
            match s.frame.take() {
                Some(f) => f,
                None => {
                    drop(s);
                    return match exc {
                        Some(e) => Err(e),
                        None => Ok(GenResult::Return(Value::NONE)),
                    };
                }
            }
        };
        let started = st.borrow().started;
        if exc.is_none() {
            if !started && !sent.is_none() {
                st.borrow_mut().frame = Some(frame);
                return Err(self.type_error("can't send non-None value to a just-started generator".to_string()));
            }
            if started {
                frame.stack.push(sent);
            }
        }
        let mut pending = exc;
        // Delegate a throw to the sub-iterator of a suspended `yield from`.
        if let Some(e) = pending.take() {
            let at_yield_from = started && matches!(frame.code.instrs.get(frame.pc), Some(Instr::YieldFrom));
            if at_yield_from {
                let sub = frame.stack.last().cloned().unwrap_or(Value::NONE);
                st.borrow_mut().running = true;
                let r = self.throw_into_subiterator(&sub, e);
                st.borrow_mut().running = false;
                match r {
                    Ok(Ok(y)) => {
                        st.borrow_mut().frame = Some(frame);
                        return Ok(GenResult::Yield(y));
                    }
                    Ok(Err(result)) => {
                        frame.stack.pop();
                        frame.stack.push(result);
                        frame.pc += 1;
                    }
                    Err(e2) => {
                        frame.stack.pop();
                        frame.pc += 1;
                        pending = Some(e2);
                    }
                }
            } else if !started {
                // Throwing into an unstarted generator raises at its first line.
                let mut s = st.borrow_mut();
                s.started = true;
                s.finished = true;
                drop(s);
                return Err(e);
            } else {
                pending = Some(e);
            }
        }
        {
            let mut s = st.borrow_mut();
            s.started = true;
            s.running = true;
        }
        if self.depth >= self.recursion_limit {
            st.borrow_mut().running = false;
            st.borrow_mut().frame = Some(frame);
            return Err(self.new_error("RecursionError", "maximum recursion depth exceeded".to_string()));
        }
        self.depth += 1;
        let r = self.execute(&mut frame, pending);
        self.depth -= 1;
        let mut s = st.borrow_mut();
        s.running = false;
        match r {
            Ok(FrameExit::Yield(v)) => {
                s.frame = Some(frame);
                Ok(GenResult::Yield(v))
            }
            Ok(FrameExit::Return(v)) => {
                s.finished = true;
                Ok(GenResult::Return(v))
            }
            Err(e) => {
                s.finished = true;
                drop(s);
                if self.is_instance_of_exc(&e, "StopIteration") {
                    let re = self.new_error("RuntimeError", "generator raised StopIteration".to_string());
                    if let Some(f) = super::exc::exc_fields(&re.0) {
                        let mut f = f.borrow_mut();
                        f.cause = e.0.clone();
                        f.context = e.0.clone();
                        f.suppress_context = true;
                    }
                    return Err(re);
                }
                Err(e)
            }
        }
    }

    fn throw_into_subiterator(&mut self, sub: &Value, e: PyErr) -> PyResult<Result<Value, Value>> {
        let is_exit = self.is_instance_of_exc(&e, "GeneratorExit");
        if gen_state(sub).is_some() {
            if is_exit {
                self.gen_close(sub)?;
                return Err(e);
            }
            return match self.gen_resume(sub, Value::NONE, Some(e))? {
                GenResult::Yield(y) => Ok(Ok(y)),
                GenResult::Return(v) => Ok(Err(v)),
            };
        }
        if is_exit {
            if let Some(close) = self.getattr_opt(sub, &self.names.close.clone())? {
                self.call(&close, &[], &[])?;
            }
            return Err(e);
        }
        match self.getattr_opt(sub, &self.names.throw.clone())? {
            Some(throw) => match self.call(&throw, &[e.0.clone()], &[]) {
                Ok(y) => Ok(Ok(y)),
                Err(err) if self.is_instance_of_exc(&err, "StopIteration") => Ok(Err(self.stop_iteration_value(&err))),
                Err(err) => Err(err),
            },
            None => Err(e),
        }
    }

    pub fn stop_iteration_value(&mut self, e: &PyErr) -> Value {
        let args = super::exc::exc_fields(&e.0).map(|f| f.borrow().args.clone()).unwrap_or(Value::NONE);
        match args.as_obj() {
            Some(Obj { kind: ObjKind::Tuple(t) }) if !t.is_empty() => t[0].clone(),
            _ => Value::NONE,
        }
    }

    /// `await x`: a coroutine is awaited directly; anything else through `__await__`.
    pub fn get_awaitable(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(st) = gen_state(v) {
            if st.borrow().kind == GenKind::Coroutine {
                return Ok(v.clone());
            }
        }
        let t = self.type_of(v);
        let Some(m) = self.lookup_type_str(&t, "__await__") else {
            let tn = self.type_name(v);
            return Err(self.type_error(format!("object {tn} can't be used in 'await' expression")));
        };
        let it = self.call(&m, &[v.clone()], &[])?;
        if let Some(st) = gen_state(&it) {
            if st.borrow().kind == GenKind::Coroutine {
                return Err(self.type_error("__await__() returned a coroutine".to_string()));
            }
        }
        Ok(it)
    }

    pub fn generator_next(&mut self, gen: &Value) -> PyResult<Option<Value>> {
        match self.gen_resume(gen, Value::NONE, None)? {
            GenResult::Yield(v) => Ok(Some(v)),
            GenResult::Return(_) => Ok(None),
        }
    }

    /// `gen.send(v)`: raises StopIteration(value) at the end.
    pub fn gen_send(&mut self, gen: &Value, v: Value) -> PyResult<Value> {
        match self.gen_resume(gen, v, None)? {
            GenResult::Yield(y) => Ok(y),
            GenResult::Return(r) => Err(self.stop_iteration(r)),
        }
    }

    pub fn gen_throw(&mut self, gen: &Value, exc: PyErr) -> PyResult<Value> {
        match self.gen_resume(gen, Value::NONE, Some(exc))? {
            GenResult::Yield(y) => Ok(y),
            GenResult::Return(r) => Err(self.stop_iteration(r)),
        }
    }

    pub fn gen_close(&mut self, gen: &Value) -> PyResult<()> {
        let Some(st) = gen_state(gen) else { return Ok(()) };
        {
            let s = st.borrow();
            if s.frame.is_none() || !s.started {
                drop(s);
                let mut s = st.borrow_mut();
                s.frame = None;
                s.finished = true;
                return Ok(());
            }
        }
        let ge = self.exc_type("GeneratorExit");
        let exc = PyErr(self.new_exception(&ge, vec![]));
        match self.gen_resume(gen, Value::NONE, Some(exc)) {
            Ok(GenResult::Yield(_)) => Err(self.new_error("RuntimeError", "generator ignored GeneratorExit".to_string())),
            Ok(GenResult::Return(_)) => Ok(()),
            Err(e) if self.is_instance_of_exc(&e, "GeneratorExit") || self.is_instance_of_exc(&e, "StopIteration") => Ok(()),
            Err(e) => Err(e),
        }
    }

    /// One step of `yield from`: Ok(Ok(yielded)) or Ok(Err(final result)).
    pub fn yield_from_step(&mut self, it: &Value, sent: Value) -> PyResult<Result<Value, Value>> {
        if gen_state(it).is_some() {
            return match self.gen_resume(it, sent, None)? {
                GenResult::Yield(y) => Ok(Ok(y)),
                GenResult::Return(v) => Ok(Err(v)),
            };
        }
        if sent.is_none() {
            if let Some(Obj { kind: ObjKind::Iter(_) }) = it.as_obj() {
                return Ok(match self.iter_next(it)? {
                    Some(y) => Ok(y),
                    None => Err(Value::NONE),
                });
            }
            let t = self.type_of(it);
            let Some(m) = self.lookup_type(&t, &self.names.__next__.clone()) else {
                let tn = self.type_name(it);
                return Err(self.type_error(format!("'{tn}' object is not an iterator")));
            };
            return match self.call(&m, &[it.clone()], &[]) {
                Ok(y) => Ok(Ok(y)),
                Err(e) if self.is_instance_of_exc(&e, "StopIteration") => Ok(Err(self.stop_iteration_value(&e))),
                Err(e) => Err(e),
            };
        }
        let send = self.getattr(it, &self.names.send.clone())?;
        match self.call(&send, &[sent], &[]) {
            Ok(y) => Ok(Ok(y)),
            Err(e) if self.is_instance_of_exc(&e, "StopIteration") => Ok(Err(self.stop_iteration_value(&e))),
            Err(e) => Err(e),
        }
    }
}
