//! A cache of constructor plans for `Cls(args)` on plain Python classes.
//!
//! `type.__call__` looks up `__new__`, `__init__` and `__abstractmethods__` along the MRO and
//! calls `__init__` through the generic call path with a fresh argument vector. For a class
//! with the default `type` metaclass, `object.__new__`, and an `__init__` that is a plain
//! positional Python function, a plan remembers that (per class, per type epoch), and a call
//! becomes: allocate the instance, move the arguments into `__init__`'s frame, run it.

use super::frame::Frame;
use super::types::type_obj;
use super::Vm;
use crate::dict::Dict;
use crate::object::{Instance, Layout, Obj, ObjKind};
use crate::value::Value;
use crate::PyResult;
use std::cell::RefCell;

pub const CTOR_CACHE_SIZE: usize = 256;

#[derive(Clone, Default)]
pub struct CtorPlan {
    /// Address of the class and the type epoch the plan was made at (0: empty).
    ty: u64,
    epoch: u64,
    /// The class's `__init__` (a plain Python function).
    init: Value,
    /// Entries of the last instance's dict after `__init__`: the next one is sized for them.
    dict_size: usize,
}

fn slot_of(cls: &Value) -> usize {
    (cls.id() >> 4) as usize & (CTOR_CACHE_SIZE - 1)
}

impl Vm {
    /// `Cls(args)` with the class and `argc` arguments on top of `f`'s stack, through a plan;
    /// `None` (stack untouched) when there is no valid plan for this class and argument count.
    #[inline]
    pub(super) fn construct_cached(&mut self, f: &mut Frame, argc: usize) -> Option<PyResult<Value>> {
        let base = f.stack.len() - argc - 1;
        let cls = &f.stack[base];
        let slot = slot_of(cls);
        let (init, size) = {
            let c = self.ctor_cache.borrow();
            let p = &c[slot];
            if p.ty != cls.id() || p.epoch != self.type_epoch {
                return None;
            }
            (p.init.clone(), p.dict_size)
        };
        let Some(Obj { kind: ObjKind::Function(fun) }) = init.as_obj() else { return None };
        let code = &fun.code;
        if code.argcount as usize != argc + 1 {
            return None;
        }
        let obj = new_plain_instance(cls, Dict::with_capacity(size));
        let r = self.call_simple(f, Some(obj.clone()), argc, code, &fun.globals);
        Some(match r {
            Ok(v) if v.is_none() => {
                if let Some(Obj { kind: ObjKind::Instance(inst) }) = obj.as_obj() {
                    if let Some(d) = super::dict_of(&inst.dict) {
                        self.ctor_cache.borrow_mut()[slot].dict_size = d.borrow().len();
                    }
                }
                Ok(obj)
            }
            Ok(v) => {
                let tn = self.type_name(&v);
                Err(self.type_error(format!("__init__() should return None, not '{tn}'")))
            }
            Err(e) => Err(e),
        })
    }

    /// Makes a plan for calls of `cls` after a generic call, when one applies.
    pub(super) fn fill_ctor_plan(&mut self, cls: &Value) {
        {
            let c = self.ctor_cache.borrow();
            let p = &c[slot_of(cls)];
            if p.ty == cls.id() && p.epoch == self.type_epoch {
                return;
            }
        }
        let Some(init) = self.plain_init(cls) else { return };
        let plan = CtorPlan { ty: cls.id(), epoch: self.type_epoch, init, dict_size: 0 };
        self.ctor_cache.borrow_mut()[slot_of(cls)] = plan;
    }

    /// The `__init__` of `cls` when `cls(args)` is plain: a class defined in Python with the
    /// default `type` metaclass, `object.__new__`, no abstract methods, instances with a
    /// `__dict__`, and an `__init__` that is a plain positional Python function (no
    /// `*args`, `**kwargs`, keyword-only parameters or cells). Then the call is
    /// `new_plain_instance` followed by `__init__(instance, *args)`, which must return
    /// `None`. That stays so while the class and its bases keep their versions.
    pub fn plain_init(&mut self, cls: &Value) -> Option<Value> {
        let t = type_obj(cls)?;
        if t.is_builtin || t.layout != Layout::Object || !t.has_dict || !self.type_of(cls).is(&self.types.type_) {
            return None;
        }
        let object = self.types.object.clone();
        let new = self.lookup_type(cls, &self.names.__new__.clone());
        let object_new = self.lookup_type(&object, &self.names.__new__.clone());
        if !matches!((&new, &object_new), (Some(a), Some(b)) if a.is(b)) {
            return None;
        }
        if self.lookup_type(cls, &self.names.__abstractmethods__.clone()).is_some() {
            return None;
        }
        let init = self.lookup_type(cls, &self.names.__init__.clone())?;
        let Some(Obj { kind: ObjKind::Function(fun) }) = init.as_obj() else { return None };
        let c = &fun.code;
        if c.flags.varargs || c.flags.varkw || c.kwonlyargcount != 0 || c.flags.generator || c.flags.coroutine || c.ncells() != 0 {
            return None;
        }
        Some(init)
    }
}

/// A new instance of the plain class `cls` (see `Vm::plain_init`) with `dict` as its
/// `__dict__` (empty, before `__init__`).
pub fn new_plain_instance(cls: &Value, dict: Dict) -> Value {
    Value::new_obj(Obj {
        kind: ObjKind::Instance(Instance {
            class: RefCell::new(cls.clone()),
            dict: super::new_dict(dict),
            slots: RefCell::new(Vec::new()),
            base: RefCell::new(Value::NULL),
            exc: None,
        }),
    })
}
