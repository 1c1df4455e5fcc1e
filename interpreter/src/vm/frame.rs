//! Interpreter frames and their block stack.

use crate::bytecode::Code;
use crate::value::Value;
use std::rc::Rc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// `try` with except clauses: the handler gets the exception.
    Except,
    /// `try`/`with` with a finally part: the handler gets the exception.
    Finally,
    /// Running an except/finally body because of an exception (`vm.handled` has it).
    Handler,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub handler: u32,
    pub level: u32,
}

pub struct Frame {
    pub code: Rc<Code>,
    pub pc: usize,
    pub stack: super::value_stack::ValueStack,
    pub fast: Vec<Value>,
    pub cells: Vec<Value>,
    pub globals: Value,
    /// The namespace dict of module and class bodies; NULL in functions.
    pub locals: Value,
    pub builtins: Value,
    pub blocks: Vec<Block>,
    pub handled_base: usize,
}

/// Minimal per-frame record kept on `Vm::frames` (for `sys._getframe` and debugging).
pub struct FrameInfo {
    pub code: Rc<Code>,
}

impl Frame {
    pub fn new(code: Rc<Code>, globals: Value, locals: Value, builtins: Value) -> Frame {
        let n = code.varnames.len();
        let mut f = Frame::new_empty(code, globals, builtins);
        f.locals = locals;
        f.fast.resize(n, Value::NULL);
        f
    }

    /// A function frame whose fast locals the caller fills in.
    pub fn new_empty(code: Rc<Code>, globals: Value, builtins: Value) -> Frame {
        Frame {
            pc: 0,
            stack: super::value_stack::ValueStack::with_capacity(16),
            fast: Vec::with_capacity(8),
            cells: Vec::new(),
            globals,
            locals: Value::NULL,
            builtins,
            blocks: Vec::new(),
            handled_base: 0,
            code,
        }
    }
}

/// How a frame's execution stopped.
pub enum FrameExit {
    Return(Value),
    Yield(Value),
}
