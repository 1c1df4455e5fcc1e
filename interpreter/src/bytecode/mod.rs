//! Our bytecode: the one opcode table, code objects, and the disassembler.

pub mod cache;
pub mod code;
pub mod disasm;
pub mod opcodes;

pub use code::{Code, CodeFlags, ConstIdx, Label, LocalIdx, NameIdx};
pub use opcodes::Instr;
