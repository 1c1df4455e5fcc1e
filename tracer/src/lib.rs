//! rpy's tracing JIT (issue 3). The interpreter knows it only through `JitHooks`
//! (`jit::Jit` implements them): hot loops are recorded by `recorder` into the trace IR
//! (`ir`, one op table in `ir/ops.rs`, with a text format), optimised by `opt` and compiled
//! by `codegen` with Cranelift (calling the helpers in `runtime`); guard exits write their
//! snapshot back into the interpreter frame, and hot exits grow bridges, which `link` links
//! into their loop's trace. Hot functions get
//! function traces (`functions`), whose recursive calls call the compiled code itself.

mod carried;
pub mod codegen;
pub mod deopt;
pub mod functions;
pub mod ir;
pub mod jit;
mod link;
mod link_carry;
pub mod opt;
pub mod params;
mod peel;
pub mod recorder;
pub mod runtime;

pub use jit::Jit;
