//! Trace IR: a linear SSA list of typed ops over a constant pool.

pub mod ops;
pub mod text;
pub mod trace;

pub use ops::{Op, OpKind, Ty};
pub use trace::{OpRef, Trace};
