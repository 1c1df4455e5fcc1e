//! `rpy --dis`: prints code objects, driven entirely by the opcode table.

use super::code::Code;
use super::opcodes::Operand;
use crate::object::ObjKind;
use std::fmt::Write;

pub fn disassemble(code: &Code, out: &mut String) {
    let _ = writeln!(out, "Disassembly of <code {}> ({}:{}):", code.qualname, code.filename, code.first_line);
    let mut last_line = 0;
    for (pc, ins) in code.instrs.iter().enumerate() {
        let line = code.spans.get(pc).map(|s| s.line).unwrap_or(0);
        let lcol = if line != last_line { format!("{line:>4}") } else { "    ".to_string() };
        last_line = line;
        let arg = match ins.operand() {
            Operand::None => String::new(),
            Operand::Const(c) => format!("{} ({})", c.0, const_repr(&code.consts[c.idx()])),
            Operand::Name(n) => format!("{} ({})", n.0, const_repr(&code.names[n.idx()])),
            Operand::Local(l) => format!("{} ({})", l.0, code.varnames.get(l.idx()).map(|s| s.as_str()).unwrap_or("?")),
            Operand::Cell(c) => format!("{} ({})", c, code.cell_name(c as usize)),
            Operand::Jump(t) => format!("to {}", t.0),
            Operand::Count(n) => n.to_string(),
            Operand::BinOp(b) => b.symbol().to_string(),
            Operand::CmpOp(c) => c.symbol().to_string(),
        };
        let _ = writeln!(out, "{lcol} {pc:>6} {:<20} {arg}", ins.name());
    }
    for c in &code.consts {
        if let Some(o) = c.as_obj() {
            if let ObjKind::Code(inner) = &o.kind {
                out.push('\n');
                disassemble(inner, out);
            }
        }
    }
}

fn const_repr(v: &crate::value::Value) -> String {
    crate::vm::repr_simple(v)
}
