//! Builtins a compiled trace may compute itself instead of calling them: each registered
//! native function is paired with a `Kernel` that gives the same result (and fails exactly
//! when the builtin raises), so the JIT can recognise `math.sqrt`, `len`, ... by their
//! function pointer without knowing the modules that define them.

use super::Vm;
use crate::object::{NativeFn, Obj, ObjKind};
use crate::prims::mathfn::MathResult;
use crate::value::Value;

/// What a builtin computes, for the JIT.
#[derive(Clone, Copy, Debug)]
pub enum Kernel {
    /// One float argument (ints are converted), a float result; `Err` where it raises.
    FloatUnary(fn(f64) -> MathResult<f64>),
    /// Two float arguments, a float result.
    FloatBinary(fn(f64, f64) -> MathResult<f64>),
    /// `len(x)`.
    Len,
    /// `abs(x)`.
    Abs,
    /// `sum(x)` with no start value.
    Sum,
    /// `d.get(key[, default])` of a dict.
    DictGet,
    /// `s.split(...)` of a str.
    StrSplit,
}

impl Vm {
    /// Declares that calling native `f` (unbound) computes `k`.
    pub fn register_kernel(&mut self, f: NativeFn, k: Kernel) {
        self.jit_kernels.push((f as usize, k));
    }

    /// The kernel of `v` when it is an unbound builtin with one.
    pub fn kernel_of(&self, v: &Value) -> Option<Kernel> {
        match v.as_obj() {
            Some(Obj { kind: ObjKind::Builtin(b) }) if b.bound.is_null() => {
                let f = b.func as usize;
                self.jit_kernels.iter().find(|(g, _)| *g == f).map(|(_, k)| *k)
            }
            _ => None,
        }
    }
}
