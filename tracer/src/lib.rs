//! rpy's tracing JIT (issue 3), under construction. Present today: the trace IR (one op
//! table, `ir/ops.rs`), its text format, the optimizer pass list and Cranelift code generation
//! for traces, each tested from trace text. Not yet present: the recorder (hooked into the
//! eval loop through `JitHooks`), snapshots/deopt into interpreter frames, side traces. The
//! binary does not use this crate yet; `RPY_JIT` is accepted and has no effect.

pub mod codegen;
pub mod ir;
pub mod opt;
