//! `match` statements. Convention: `pattern(p, fail)` expects the subject on top of the stack
//! and consumes it on both paths; on failure it jumps to `fail`. Captures are bound as soon as
//! their sub-pattern matches.

use super::{CompileError, Compiler, NameCtx};
use crate::bytecode::opcodes::CmpOp;
use crate::bytecode::{Instr, Label};
use crate::value::Value;
use rustpython_parser::ast::{self, Ranged};

type R = Result<(), CompileError>;

fn irrefutable(p: &ast::Pattern) -> bool {
    match p {
        ast::Pattern::MatchAs(a) => a.pattern.as_deref().map_or(true, irrefutable),
        ast::Pattern::MatchOr(o) => o.patterns.iter().any(irrefutable),
        _ => false,
    }
}

impl<'a> Compiler<'a> {
    pub(super) fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> R {
        self.expr(&m.subject)?;
        let end = self.new_label();
        let n = m.cases.len();
        for (i, c) in m.cases.iter().enumerate() {
            if i + 1 < n && c.guard.is_none() && irrefutable(&c.pattern) {
                let msg = match &c.pattern {
                    ast::Pattern::MatchAs(ast::PatternMatchAs { name: Some(nm), pattern: None, .. }) => format!("name capture '{}' makes remaining patterns unreachable", nm),
                    _ => "wildcard makes remaining patterns unreachable".to_string(),
                };
                return self.err(&msg, c.pattern.range());
            }
            let next = self.new_label();
            self.set_span(c.pattern.range());
            self.emit(Instr::DupTop);
            self.pattern(&c.pattern, next)?;
            if let Some(g) = &c.guard {
                self.cond_jump(g, false, next)?;
            }
            self.emit(Instr::PopTop);
            self.stmts(&c.body)?;
            self.emit(Instr::Jump(end));
            self.bind(next);
        }
        self.emit(Instr::PopTop);
        self.bind(end);
        Ok(())
    }

    /// A failure target that first pops `n` items, then jumps to `fail`.
    fn fail_pop(&mut self, n: u32, fail: Label, pending: &mut Vec<(Label, u32)>) -> Label {
        if n == 0 {
            return fail;
        }
        let l = self.new_label();
        pending.push((l, n));
        l
    }

    fn emit_fail_blocks(&mut self, pending: Vec<(Label, u32)>, fail: Label, after: Label) {
        if pending.is_empty() {
            return;
        }
        self.emit(Instr::Jump(after));
        for (l, n) in pending {
            self.bind(l);
            for _ in 0..n {
                self.emit(Instr::PopTop);
            }
            self.emit(Instr::Jump(fail));
        }
    }

    fn pattern(&mut self, p: &'a ast::Pattern, fail: Label) -> R {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => {
                self.expr(&v.value)?;
                self.emit(Instr::CompareOp(CmpOp::Eq));
                self.emit(Instr::PopJumpIfFalse(fail));
            }
            P::MatchSingleton(s) => {
                let c = self.constant(&s.value);
                self.load_const(c);
                self.emit(Instr::IsOp(0));
                self.emit(Instr::PopJumpIfFalse(fail));
            }
            P::MatchAs(a) => {
                match (&a.pattern, &a.name) {
                    (None, None) => self.emit(Instr::PopTop),
                    (None, Some(n)) => self.name_op(n.as_str(), NameCtx::Store),
                    (Some(sub), name) => {
                        let mut pending = Vec::new();
                        self.emit(Instr::DupTop);
                        let f = self.fail_pop(1, fail, &mut pending);
                        self.pattern(sub, f)?;
                        match name {
                            Some(n) => self.name_op(n.as_str(), NameCtx::Store),
                            None => self.emit(Instr::PopTop),
                        }
                        let after = self.new_label();
                        self.emit_fail_blocks(pending, fail, after);
                        self.bind(after);
                    }
                }
            }
            P::MatchOr(o) => {
                let success = self.new_label();
                for alt in &o.patterns {
                    let next = self.new_label();
                    self.emit(Instr::DupTop);
                    self.pattern(alt, next)?;
                    self.emit(Instr::PopTop);
                    self.emit(Instr::Jump(success));
                    self.bind(next);
                }
                self.emit(Instr::PopTop);
                self.emit(Instr::Jump(fail));
                self.bind(success);
            }
            P::MatchSequence(s) => self.sequence_pattern(&s.patterns, fail)?,
            P::MatchStar(_) => return self.err("can't use starred name here", p.range()),
            P::MatchMapping(m) => self.mapping_pattern(m, fail)?,
            P::MatchClass(c) => {
                let mut pending = Vec::new();
                self.expr(&c.cls)?;
                let names: Vec<Value> = c.kwd_attrs.iter().map(|k| self.str_const(k.as_str())).collect();
                let t = crate::vm::new_tuple(names);
                self.load_const(t);
                self.emit(Instr::MatchClass(c.patterns.len() as u32));
                self.emit(Instr::DupTop);
                let f1 = self.fail_pop(1, fail, &mut pending);
                self.emit(Instr::PopJumpIfNone(f1));
                let total = c.patterns.len() + c.kwd_patterns.len();
                self.emit(Instr::UnpackSequence(total as u32));
                for (k, sub) in c.patterns.iter().chain(&c.kwd_patterns).enumerate() {
                    let f = self.fail_pop((total - k - 1) as u32, fail, &mut pending);
                    self.pattern(sub, f)?;
                }
                let after = self.new_label();
                self.emit_fail_blocks(pending, fail, after);
                self.bind(after);
            }
        }
        Ok(())
    }

    fn sequence_pattern(&mut self, pats: &'a [ast::Pattern], fail: Label) -> R {
        let mut pending = Vec::new();
        let star = pats.iter().position(|p| matches!(p, ast::Pattern::MatchStar(_)));
        self.emit(Instr::MatchSequence);
        let f1 = self.fail_pop(1, fail, &mut pending);
        self.emit(Instr::PopJumpIfFalse(f1));
        self.emit(Instr::GetLen);
        let n = pats.len() as i64;
        match star {
            None => {
                self.load_const(Value::small_int(n).expect("small"));
                self.emit(Instr::CompareOp(CmpOp::Eq));
            }
            Some(_) => {
                self.load_const(Value::small_int(n - 1).expect("small"));
                self.emit(Instr::CompareOp(CmpOp::Ge));
            }
        }
        self.emit(Instr::PopJumpIfFalse(f1));
        match star {
            None => self.emit(Instr::UnpackSequence(n as u32)),
            Some(i) => self.emit(Instr::UnpackEx(i as u32 | (((n as usize - i - 1) as u32) << 8))),
        }
        let total = pats.len();
        for (k, sub) in pats.iter().enumerate() {
            let f = self.fail_pop((total - k - 1) as u32, fail, &mut pending);
            match sub {
                ast::Pattern::MatchStar(s) => match &s.name {
                    Some(nm) => self.name_op(nm.as_str(), NameCtx::Store),
                    None => self.emit(Instr::PopTop),
                },
                _ => self.pattern(sub, f)?,
            }
        }
        let after = self.new_label();
        self.emit_fail_blocks(pending, fail, after);
        self.bind(after);
        Ok(())
    }

    fn mapping_pattern(&mut self, m: &'a ast::PatternMatchMapping, fail: Label) -> R {
        let mut pending = Vec::new();
        self.emit(Instr::MatchMapping);
        let f1 = self.fail_pop(1, fail, &mut pending);
        self.emit(Instr::PopJumpIfFalse(f1));
        if m.keys.is_empty() && m.rest.is_none() {
            self.emit(Instr::PopTop);
            let after = self.new_label();
            self.emit_fail_blocks(pending, fail, after);
            self.bind(after);
            return Ok(());
        }
        self.emit(Instr::GetLen);
        self.load_const(Value::small_int(m.keys.len() as i64).expect("small"));
        self.emit(Instr::CompareOp(CmpOp::Ge));
        self.emit(Instr::PopJumpIfFalse(f1));
        for k in &m.keys {
            self.expr(k)?;
        }
        self.emit(Instr::BuildTuple(m.keys.len() as u32));
        self.emit(Instr::MatchKeys);
        self.emit(Instr::DupTop);
        let f3 = self.fail_pop(3, fail, &mut pending);
        self.emit(Instr::PopJumpIfNone(f3));
        let total = m.keys.len();
        self.emit(Instr::UnpackSequence(total as u32));
        for (k, sub) in m.patterns.iter().enumerate() {
            let f = self.fail_pop((total - k - 1) as u32 + 2, fail, &mut pending);
            self.pattern(sub, f)?;
        }
        match &m.rest {
            Some(r) => {
                self.emit(Instr::CopyDictWithoutKeys);
                self.name_op(r.as_str(), NameCtx::Store);
            }
            None => {
                self.emit(Instr::PopTop);
                self.emit(Instr::PopTop);
            }
        }
        let after = self.new_label();
        self.emit_fail_blocks(pending, fail, after);
        self.bind(after);
        Ok(())
    }
}
