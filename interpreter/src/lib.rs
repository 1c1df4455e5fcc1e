//! rpy interpreter: object model, compiler (AST to our bytecode), eval loop, builtins and
//! the import system. See ARCHITECTURE.md at the repository root.

pub mod builtins;
pub mod bytecode;
pub mod compiler;
pub mod dict;
pub mod format;
pub mod hash;
pub mod io;
pub mod list;
pub mod object;
pub mod prims;
pub mod sets;
pub mod signals;
pub mod strutil;
pub mod syntax;
pub mod traceback_lines;
pub mod value;
pub mod vm;

pub use value::Value;
pub use vm::Vm;

/// A raised Python exception (an exception instance).
#[derive(Debug)]
pub struct PyErr(pub Value);

pub type PyResult<T> = Result<T, PyErr>;
