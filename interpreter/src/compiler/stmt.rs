//! Statement compilation.

use super::{docstring, has_annotations, CompileError, Compiler, FBlock, NameCtx};
use crate::bytecode::opcodes::BinOp;
use crate::bytecode::Instr;
use crate::value::Value;
use rustpython_parser::ast::{self, Ranged};

type R = Result<(), CompileError>;

impl<'a> Compiler<'a> {
    pub(super) fn stmts(&mut self, body: &'a [ast::Stmt]) -> R {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub(super) fn stmt(&mut self, s: &'a ast::Stmt) -> R {
        self.set_span(s.range());
        use ast::Stmt as S;
        match s {
            S::Expr(e) => {
                self.expr(&e.value)?;
                self.emit(Instr::PopTop);
            }
            S::Assign(a) => {
                if self.swap_assign(a)? {
                    return Ok(());
                }
                self.expr(&a.value)?;
                for (i, t) in a.targets.iter().enumerate() {
                    if i == 0 {
                        if let Some((bad, kind)) = invalid_assign_target(t) {
                            let msg = if matches!(kind, "None" | "True" | "False") { format!("cannot assign to {kind}") } else { format!("cannot assign to {kind} here. Maybe you meant '==' instead of '='?") };
                            return self.err(&msg, bad.range());
                        }
                    }
                    if i + 1 < a.targets.len() {
                        self.emit(Instr::DupTop);
                    }
                    self.store_target(t)?;
                }
            }
            S::AugAssign(a) => self.aug_assign(a)?,
            S::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                    self.store_target(&a.target)?;
                }
                if a.simple && !self.scope().is_function_like() {
                    if let ast::Expr::Name(n) = a.target.as_ref() {
                        self.expr(&a.annotation)?;
                        let ann = self.name_idx("__annotations__");
                        self.emit(Instr::LoadName(ann));
                        let key = self.str_const(n.id.as_str());
                        self.load_const(key);
                        self.emit(Instr::StoreSubscr);
                    }
                }
            }
            S::Pass(_) => self.emit(Instr::Nop),
            S::If(i) => {
                let else_l = self.new_label();
                let end = self.new_label();
                self.cond_jump(&i.test, false, else_l)?;
                self.stmts(&i.body)?;
                if !i.orelse.is_empty() {
                    self.emit(Instr::Jump(end));
                }
                self.bind(else_l);
                self.stmts(&i.orelse)?;
                self.bind(end);
            }
            S::While(w) => {
                let top = self.new_label();
                let brk = self.new_label();
                let orelse = self.new_label();
                self.bind(top);
                self.cond_jump(&w.test, false, orelse)?;
                self.unit().fblocks.push(FBlock::WhileLoop { cont: top, brk });
                self.stmts(&w.body)?;
                self.unit().fblocks.pop();
                self.set_span(w.range);
                self.emit(Instr::Jump(top));
                self.bind(orelse);
                self.stmts(&w.orelse)?;
                self.bind(brk);
            }
            S::For(f) => {
                let top = self.new_label();
                let exit = self.new_label();
                let brk = self.new_label();
                self.expr(&f.iter)?;
                self.set_span(f.iter.range());
                self.emit(Instr::GetIter);
                self.bind(top);
                self.set_span(f.range);
                self.emit(Instr::ForIter(exit));
                self.store_target(&f.target)?;
                self.unit().fblocks.push(FBlock::ForLoop { cont: top, brk });
                self.stmts(&f.body)?;
                self.unit().fblocks.pop();
                self.emit(Instr::Jump(top));
                self.bind(exit);
                self.stmts(&f.orelse)?;
                self.bind(brk);
            }
            S::Break(b) => {
                let (brk, is_for) = self.unwind_loop(b.range, false)?;
                if is_for {
                    self.emit(Instr::PopTop);
                }
                self.emit(Instr::Jump(brk));
            }
            S::Continue(c) => {
                let (cont, _) = self.unwind_loop(c.range, true)?;
                self.emit(Instr::Jump(cont));
            }
            S::Return(r) => {
                if !self.scope().is_function_like() {
                    return self.err("'return' outside function", r.range);
                }
                match &r.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::NONE),
                }
                self.unwind_all(true)?;
                self.set_span(r.range);
                self.emit(Instr::ReturnValue);
            }
            S::Delete(d) => {
                for t in &d.targets {
                    self.delete_target(t)?;
                }
            }
            S::FunctionDef(f) => self.function_def(f)?,
            S::ClassDef(c) => self.class_def(c)?,
            S::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.set_span(r.range);
                self.emit(Instr::Raise(n));
            }
            S::Try(t) => self.try_stmt(&t.body, &t.handlers, &t.orelse, &t.finalbody, false)?,
            S::TryStar(t) => self.try_stmt(&t.body, &t.handlers, &t.orelse, &t.finalbody, true)?,
            S::Assert(a) => {
                if self.optimize == 0 {
                    let end = self.new_label();
                    self.cond_jump(&a.test, true, end)?;
                    self.set_span(a.test.range());
                    self.emit(Instr::LoadAssertionError);
                    if let Some(m) = &a.msg {
                        self.expr(m)?;
                        self.emit(Instr::CallFunction(1));
                    }
                    self.emit(Instr::Raise(1));
                    self.bind(end);
                }
            }
            S::With(w) => self.with_stmt(&w.items, &w.body)?,
            S::Import(i) => {
                for a in &i.names {
                    self.load_const(Value::small_int(0).expect("small"));
                    self.load_const(Value::NONE);
                    let n = self.name_idx(a.name.as_str());
                    self.emit(Instr::ImportName(n));
                    match &a.asname {
                        Some(asname) => {
                            let parts: Vec<&str> = a.name.split('.').collect();
                            for p in &parts[1..] {
                                let pn = self.name_idx(p);
                                self.emit(Instr::LoadAttr(pn));
                            }
                            self.name_op(asname.as_str(), NameCtx::Store);
                        }
                        None => {
                            let first = a.name.split('.').next().unwrap_or("");
                            self.name_op(first, NameCtx::Store);
                        }
                    }
                }
            }
            S::ImportFrom(i) => {
                let level = i.level.map(|l| l.to_u32()).unwrap_or(0);
                self.load_const(Value::small_int(level as i64).expect("small"));
                let names: Vec<Value> = i.names.iter().map(|a| self.str_const(a.name.as_str())).collect();
                let t = self.interner_tuple(names);
                self.load_const(t);
                let module = i.module.as_ref().map(|m| m.to_string()).unwrap_or_default();
                let n = self.name_idx(&module);
                self.emit(Instr::ImportName(n));
                if i.names.len() == 1 && i.names[0].name.as_str() == "*" {
                    if self.scope().is_function_like() {
                        return self.err("import * only allowed at module level", i.range);
                    }
                    self.emit(Instr::ImportStar);
                } else {
                    for a in &i.names {
                        let n = self.name_idx(a.name.as_str());
                        self.emit(Instr::ImportFrom(n));
                        let target = a.asname.as_ref().unwrap_or(&a.name);
                        self.name_op(target.as_str(), NameCtx::Store);
                    }
                    self.emit(Instr::PopTop);
                }
            }
            S::Global(_) | S::Nonlocal(_) => {}
            S::Match(m) => self.match_stmt(m)?,
            S::AsyncFunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(d)?;
                }
                self.set_span(f.range);
                self.make_function(f.name.as_str(), &f.args, FuncBody::Stmts(&f.body), f.range, f.returns.as_deref())?;
                for _ in &f.decorator_list {
                    self.emit(Instr::CallFunction(1));
                }
                self.name_op(f.name.as_str(), NameCtx::Store);
            }
            // Coroutines compile and run under `await`, but no event-loop protocol exists yet:
            // `async for` / `async with` raise NotImplementedError when executed.
            S::AsyncFor(x) => self.raise_not_implemented("async for is not supported yet", x.range)?,
            S::AsyncWith(x) => self.raise_not_implemented("async with is not supported yet", x.range)?,
            S::TypeAlias(x) => return self.err("invalid syntax", x.range),
        }
        Ok(())
    }

    /// `a, b = x, y` (2 or 3 plain targets, same-length plain tuple): evaluate the values,
    /// rotate, store — no tuple is built (as CPython does).
    fn swap_assign(&mut self, a: &'a ast::StmtAssign) -> Result<bool, CompileError> {
        let [target] = &a.targets[..] else { return Ok(false) };
        let (ast::Expr::Tuple(ast::ExprTuple { elts: t, .. }), ast::Expr::Tuple(ast::ExprTuple { elts: v, .. })) = (target, a.value.as_ref()) else {
            return Ok(false);
        };
        if t.len() != v.len() || !(2..=3).contains(&t.len()) {
            return Ok(false);
        }
        if t.iter().chain(v.iter()).any(|e| matches!(e, ast::Expr::Starred(_))) || !t.iter().all(|e| matches!(e, ast::Expr::Name(_))) {
            return Ok(false);
        }
        for e in v {
            self.expr(e)?;
        }
        self.set_span(a.range);
        if t.len() == 2 {
            self.emit(Instr::RotTwo);
        } else {
            self.emit(Instr::RotThree);
            self.emit(Instr::RotTwo);
        }
        for e in t {
            self.store_target(e)?;
        }
        Ok(true)
    }

    /// Emits `raise NotImplementedError(msg)` at `range`.
    fn raise_not_implemented(&mut self, msg: &str, range: ast::text_size::TextRange) -> R {
        self.set_span(range);
        self.name_op("NotImplementedError", NameCtx::Load);
        let m = self.str_const(msg);
        self.load_const(m);
        self.emit(Instr::CallFunction(1));
        self.emit(Instr::Raise(1));
        Ok(())
    }

    fn interner_tuple(&mut self, items: Vec<Value>) -> Value {
        crate::vm::new_tuple(items)
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> R {
        let op = binop(&a.op);
        match a.target.as_ref() {
            ast::Expr::Name(n) => {
                self.set_span(n.range);
                self.name_op(n.id.as_str(), NameCtx::Load);
                self.expr(&a.value)?;
                self.set_span(a.range);
                self.emit(Instr::InplaceOp(op));
                self.name_op(n.id.as_str(), NameCtx::Store);
            }
            ast::Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.emit(Instr::DupTop);
                let n = self.name_idx(at.attr.as_str());
                self.set_span(at.range);
                self.emit(Instr::LoadAttr(n));
                self.expr(&a.value)?;
                self.set_span(a.range);
                self.emit(Instr::InplaceOp(op));
                self.emit(Instr::RotTwo);
                self.emit(Instr::StoreAttr(n));
            }
            ast::Expr::Subscript(sub) => {
                self.expr(&sub.value)?;
                self.expr(&sub.slice)?;
                self.emit(Instr::DupTop2);
                self.set_span(sub.range);
                self.emit(Instr::BinarySubscr);
                self.expr(&a.value)?;
                self.set_span(a.range);
                self.emit(Instr::InplaceOp(op));
                self.emit(Instr::RotThree);
                self.emit(Instr::StoreSubscr);
            }
            other => {
                let kind = match other {
                    ast::Expr::Tuple(_) => "tuple".to_string(),
                    ast::Expr::List(_) => "list".to_string(),
                    e => super::expr::expr_kind_name(e).to_string(),
                };
                return self.err(&format!("'{kind}' is an illegal expression for augmented assignment"), other.range());
            }
        }
        Ok(())
    }

    pub(super) fn store_target(&mut self, t: &'a ast::Expr) -> R {
        match t {
            ast::Expr::Name(n) if n.id.as_str() == "__debug__" => return self.err("cannot assign to __debug__", n.range),
            ast::Expr::Name(n) => self.name_op(n.id.as_str(), NameCtx::Store),
            ast::Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let n = self.name_idx(a.attr.as_str());
                self.set_span(a.range);
                self.emit(Instr::StoreAttr(n));
            }
            ast::Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_span(s.range);
                self.emit(Instr::StoreSubscr);
            }
            ast::Expr::Tuple(ast::ExprTuple { elts, range, .. }) | ast::Expr::List(ast::ExprList { elts, range, .. }) => {
                self.set_span(*range);
                let star = elts.iter().position(|e| matches!(e, ast::Expr::Starred(_)));
                match star {
                    None => self.emit(Instr::UnpackSequence(elts.len() as u32)),
                    Some(i) => {
                        if elts.iter().filter(|e| matches!(e, ast::Expr::Starred(_))).count() > 1 {
                            return self.err("multiple starred expressions in assignment", *range);
                        }
                        let after = elts.len() - i - 1;
                        if i > 255 || after > 255 {
                            return self.err("too many expressions in star-unpacking assignment", *range);
                        }
                        self.emit(Instr::UnpackEx(i as u32 | ((after as u32) << 8)));
                    }
                }
                for e in elts {
                    match e {
                        ast::Expr::Starred(s) => self.store_target(&s.value)?,
                        _ => self.store_target(e)?,
                    }
                }
            }
            ast::Expr::Starred(s) => return self.err("starred assignment target must be in a list or tuple", s.range),
            other => return self.err(&format!("cannot assign to {}", super::expr::expr_kind_name(other)), other.range()),
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a ast::Expr) -> R {
        match t {
            ast::Expr::Name(n) => self.name_op(n.id.as_str(), NameCtx::Del),
            ast::Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let n = self.name_idx(a.attr.as_str());
                self.set_span(a.range);
                self.emit(Instr::DeleteAttr(n));
            }
            ast::Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_span(s.range);
                self.emit(Instr::DeleteSubscr);
            }
            ast::Expr::Tuple(x) => {
                for e in &x.elts {
                    self.delete_target(e)?;
                }
            }
            ast::Expr::List(x) => {
                for e in &x.elts {
                    self.delete_target(e)?;
                }
            }
            other => return self.err(&format!("cannot delete {}", super::expr::expr_kind_name(other)), other.range()),
        }
        Ok(())
    }

    /// Unwinds blocks to the innermost loop; `cont` selects the continue target.
    fn unwind_loop(&mut self, r: ast::text_size::TextRange, cont: bool) -> Result<(crate::bytecode::Label, bool), CompileError> {
        let blocks = self.unit().fblocks.clone();
        for b in blocks.iter().rev() {
            match b {
                FBlock::ForLoop { cont: c, brk } => return Ok((if cont { *c } else { *brk }, true)),
                FBlock::WhileLoop { cont: c, brk } => return Ok((if cont { *c } else { *brk }, false)),
                other => self.unwind_one(other, false)?,
            }
        }
        if cont {
            self.err("'continue' not properly in loop", r)
        } else {
            self.err("'break' outside loop", r)
        }
    }

    /// Emits the exit code of every enclosing block (for `return`; value on top when `has_value`).
    fn unwind_all(&mut self, has_value: bool) -> R {
        let blocks = self.unit().fblocks.clone();
        for b in blocks.iter().rev() {
            match b {
                FBlock::ForLoop { .. } => {
                    if has_value {
                        self.emit(Instr::RotTwo);
                    }
                    self.emit(Instr::PopTop);
                }
                FBlock::WhileLoop { .. } => {}
                other => self.unwind_one(other, has_value)?,
            }
        }
        Ok(())
    }

    fn unwind_one(&mut self, b: &FBlock<'a>, has_value: bool) -> R {
        match b {
            FBlock::TryExcept => self.emit(Instr::PopBlock),
            FBlock::Finally(body) => {
                self.emit(Instr::PopBlock);
                // The finally body runs outside this block: compile it with the outer blocks only.
                let saved = self.unit().fblocks.clone();
                let pos = saved.iter().rposition(|x| matches!(x, FBlock::Finally(p) if std::ptr::eq(*p, *body))).unwrap_or(0);
                self.unit().fblocks.truncate(pos);
                self.stmts(body)?;
                self.unit().fblocks = saved;
            }
            FBlock::Handler(name) => {
                self.emit(Instr::PopExcept);
                if let Some(n) = name {
                    self.load_const(Value::NONE);
                    self.name_op(n, NameCtx::Store);
                    self.name_op(n, NameCtx::Del);
                }
            }
            FBlock::FinallyExc => {
                if has_value {
                    self.emit(Instr::RotTwo);
                }
                self.emit(Instr::PopTop);
                self.emit(Instr::PopExcept);
            }
            FBlock::With => {
                self.emit(Instr::PopBlock);
                if has_value {
                    self.emit(Instr::RotTwo);
                }
                self.emit(Instr::WithExitNormal);
                self.emit(Instr::PopTop);
            }
            FBlock::MatchSubject => {
                if has_value {
                    self.emit(Instr::RotTwo);
                }
                self.emit(Instr::PopTop);
            }
            FBlock::ForLoop { .. } | FBlock::WhileLoop { .. } => {}
        }
        Ok(())
    }

    fn try_stmt(&mut self, body: &'a [ast::Stmt], handlers: &'a [ast::ExceptHandler], orelse: &'a [ast::Stmt], fin: &'a [ast::Stmt], star: bool) -> R {
        if fin.is_empty() {
            return self.try_except(body, handlers, orelse, star);
        }
        let fin_exc = self.new_label();
        let end = self.new_label();
        self.emit(Instr::SetupFinally(fin_exc));
        self.unit().fblocks.push(FBlock::Finally(fin));
        if handlers.is_empty() {
            self.stmts(body)?;
        } else {
            self.try_except(body, handlers, orelse, star)?;
        }
        self.unit().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.stmts(fin)?;
        self.emit(Instr::Jump(end));
        // Exceptional path: exception on the stack, handled-exception state set.
        self.bind(fin_exc);
        self.unit().fblocks.push(FBlock::FinallyExc);
        self.stmts(fin)?;
        self.unit().fblocks.pop();
        self.emit(Instr::Reraise);
        self.bind(end);
        Ok(())
    }

    fn try_except(&mut self, body: &'a [ast::Stmt], handlers: &'a [ast::ExceptHandler], orelse: &'a [ast::Stmt], star: bool) -> R {
        let handler_l = self.new_label();
        let end = self.new_label();
        self.emit(Instr::SetupExcept(handler_l));
        self.unit().fblocks.push(FBlock::TryExcept);
        self.stmts(body)?;
        self.unit().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.stmts(orelse)?;
        self.emit(Instr::Jump(end));
        self.bind(handler_l);
        if star {
            return self.except_star(handlers, end);
        }
        // Stack: exc. Each clause tests and either runs or falls to the next.
        for (i, h) in handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_span(h.range);
            let next = self.new_label();
            match &h.type_ {
                Some(t) => {
                    self.expr(t)?;
                    self.emit(Instr::CheckExcMatch);
                    self.emit(Instr::PopJumpIfFalse(next));
                }
                None => {
                    if i + 1 != handlers.len() {
                        return self.err("default 'except:' must be last", h.range);
                    }
                }
            }
            let name = h.name.as_ref().map(|n| n.as_str());
            match name {
                Some(n) => self.name_op(n, NameCtx::Store),
                None => self.emit(Instr::PopTop),
            }
            self.unit().fblocks.push(FBlock::Handler(name));
            self.stmts(&h.body)?;
            self.unit().fblocks.pop();
            self.emit(Instr::PopExcept);
            if let Some(n) = name {
                self.load_const(Value::NONE);
                self.name_op(n, NameCtx::Store);
                self.name_op(n, NameCtx::Del);
            }
            self.emit(Instr::Jump(end));
            self.bind(next);
        }
        self.emit(Instr::Reraise);
        self.bind(end);
        Ok(())
    }

    /// `except*`: each clause splits the remaining group; what is left is re-raised.
    fn except_star(&mut self, handlers: &'a [ast::ExceptHandler], end: crate::bytecode::Label) -> R {
        // Stack: orig. Keep [orig, rest] while testing clauses.
        self.emit(Instr::DupTop);
        for h in handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_span(h.range);
            let next = self.new_label();
            let Some(t) = &h.type_ else {
                return self.err("expected one or more exception types", h.range);
            };
            self.expr(t)?;
            self.emit(Instr::CheckEgMatch);
            // Stack: orig rest match|None
            self.emit(Instr::DupTop);
            self.emit(Instr::PopJumpIfNone(next));
            let name = h.name.as_ref().map(|n| n.as_str());
            match name {
                Some(n) => self.name_op(n, NameCtx::Store),
                None => self.emit(Instr::PopTop),
            }
            // Run the body; an exception escaping it propagates (chained), as in CPython.
            self.unit().fblocks.push(FBlock::MatchSubject);
            self.unit().fblocks.push(FBlock::MatchSubject);
            self.stmts(&h.body)?;
            self.unit().fblocks.pop();
            self.unit().fblocks.pop();
            if let Some(n) = name {
                self.load_const(Value::NONE);
                self.name_op(n, NameCtx::Store);
                self.name_op(n, NameCtx::Del);
            }
            let after = self.new_label();
            self.emit(Instr::Jump(after));
            self.bind(next);
            self.emit(Instr::PopTop);
            self.bind(after);
        }
        // Stack: orig rest
        self.emit(Instr::ReraiseStar);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Jump(end));
        self.bind(end);
        Ok(())
    }

    fn with_stmt(&mut self, items: &'a [ast::WithItem], body: &'a [ast::Stmt]) -> R {
        let Some((first, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        let exc_l = self.new_label();
        let end = self.new_label();
        self.expr(&first.context_expr)?;
        self.emit(Instr::BeforeWith);
        self.emit(Instr::SetupFinally(exc_l));
        match &first.optional_vars {
            Some(v) => self.store_target(v)?,
            None => self.emit(Instr::PopTop),
        }
        self.unit().fblocks.push(FBlock::With);
        if rest.is_empty() {
            self.stmts(body)?;
        } else {
            self.with_stmt(rest, body)?;
        }
        self.unit().fblocks.pop();
        self.emit(Instr::PopBlock);
        self.emit(Instr::WithExitNormal);
        self.emit(Instr::PopTop);
        self.emit(Instr::Jump(end));
        self.bind(exc_l);
        self.emit(Instr::WithExitExc);
        self.bind(end);
        Ok(())
    }

    fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> R {
        if let Some(tp) = f.type_params.first() {
            // PEP 695 generics are 3.12 syntax.
            let start: u32 = tp.range().start().into();
            return Err(CompileError { msg: "expected '('".to_string(), offset: start.saturating_sub(1), end_offset: None, indentation: false });
        }
        for d in &f.decorator_list {
            self.expr(d)?;
        }
        let first_line = if let Some(d) = f.decorator_list.first() { self.lines.line_col(d.range().start().into()).0 } else { self.lines.line_col(f.range.start().into()).0 };
        let _ = first_line;
        self.set_span(f.range);
        self.make_function(f.name.as_str(), &f.args, FuncBody::Stmts(&f.body), f.range, f.returns.as_deref())?;
        for _ in &f.decorator_list {
            self.emit(Instr::CallFunction(1));
        }
        self.name_op(f.name.as_str(), NameCtx::Store);
        Ok(())
    }

    pub(super) fn qualname_for(&self, name: &str) -> String {
        let u = self.unit_ref();
        let sc = &self.st.scopes[u.scope];
        match sc.kind {
            super::symtable::ScopeKind::Module => name.to_string(),
            super::symtable::ScopeKind::Class => format!("{}.{}", u.code.qualname, name),
            _ => format!("{}.<locals>.{}", u.code.qualname, name),
        }
    }

    /// Compiles a function body into a code object and emits MakeFunction.
    pub(super) fn make_function(&mut self, name: &str, args: &'a ast::Arguments, body: FuncBody<'a>, range: ast::text_size::TextRange, returns: Option<&'a ast::Expr>) -> R {
        let mut flags = 0;
        // Defaults.
        let defaults: Vec<&ast::Expr> = args.posonlyargs.iter().chain(&args.args).filter_map(|a| a.default.as_deref()).collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.emit(Instr::BuildTuple(defaults.len() as u32));
            flags |= 1;
        }
        let kwdefaults: Vec<(&str, &ast::Expr)> = args.kwonlyargs.iter().filter_map(|a| a.default.as_deref().map(|d| (a.def.arg.as_str(), d))).collect();
        if !kwdefaults.is_empty() {
            for (n, d) in &kwdefaults {
                let k = self.str_const(n);
                self.load_const(k);
                self.expr(d)?;
            }
            self.emit(Instr::BuildMap(kwdefaults.len() as u32));
            flags |= 2;
        }
        // Annotations.
        let mut anns: Vec<(&str, &ast::Expr)> = Vec::new();
        for a in args.posonlyargs.iter().chain(&args.args) {
            if let Some(an) = &a.def.annotation {
                anns.push((a.def.arg.as_str(), an));
            }
        }
        if let Some(a) = &args.vararg {
            if let Some(an) = &a.annotation {
                anns.push((a.arg.as_str(), an));
            }
        }
        for a in &args.kwonlyargs {
            if let Some(an) = &a.def.annotation {
                anns.push((a.def.arg.as_str(), an));
            }
        }
        if let Some(a) = &args.kwarg {
            if let Some(an) = &a.annotation {
                anns.push((a.arg.as_str(), an));
            }
        }
        if let Some(r) = returns {
            anns.push(("return", r));
        }
        if !anns.is_empty() {
            for (n, e) in &anns {
                let k = self.str_const(n);
                self.load_const(k);
                self.expr(e)?;
            }
            self.emit(Instr::BuildMap(anns.len() as u32));
            flags |= 4;
        }
        let Some(&scope) = self.st.by_range.get(&super::symtable::range_key(range)) else {
            return self.err("internal error: missing scope", range);
        };
        let qualname = self.qualname_for(name);
        let first_line = self.lines.line_col(range.start().into()).0;
        self.push_unit(scope, name, &qualname, first_line);
        {
            let u = self.unit();
            u.code.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
            u.code.posonlyargcount = args.posonlyargs.len() as u32;
            u.code.kwonlyargcount = args.kwonlyargs.len() as u32;
            u.code.flags.varargs = args.vararg.is_some();
            u.code.flags.varkw = args.kwarg.is_some();
        }
        match body {
            FuncBody::Stmts(stmts) => {
                if let Some(doc) = docstring(stmts) {
                    self.unit().code.docstring = Some(doc);
                }
                self.stmts(stmts)?;
                self.load_const(Value::NONE);
                self.emit(Instr::ReturnValue);
            }
            FuncBody::Expr(e) => {
                self.expr(e)?;
                self.emit(Instr::ReturnValue);
            }
        }
        let code = self.pop_unit();
        self.emit_closure_and_make(code, &qualname, flags)
    }

    pub(super) fn emit_closure_and_make(&mut self, code: crate::bytecode::Code, qualname: &str, mut flags: u32) -> R {
        if !code.freevars.is_empty() {
            for fv in code.freevars.clone() {
                match self.cell_idx(&fv) {
                    Some(i) => self.emit(Instr::LoadClosure(i)),
                    None => return Err(CompileError::new(&format!("internal error: no cell for free variable '{fv}'"), 0)),
                }
            }
            self.emit(Instr::BuildTuple(code.freevars.len() as u32));
            flags |= 8;
        }
        let cv = crate::vm::new_code(code);
        self.load_const(cv);
        let q = self.str_const(qualname);
        self.load_const(q);
        self.emit(Instr::MakeFunction(flags));
        Ok(())
    }

    fn class_def(&mut self, c: &'a ast::StmtClassDef) -> R {
        if let Some(tp) = c.type_params.first() {
            let start: u32 = tp.range().start().into();
            return Err(CompileError::new("invalid syntax", start.saturating_sub(1)));
        }
        for d in &c.decorator_list {
            self.expr(d)?;
        }
        self.set_span(c.range);
        self.emit(Instr::LoadBuildClass);
        let Some(&scope) = self.st.by_range.get(&super::symtable::range_key(c.range)) else {
            return self.err("internal error: missing class scope", c.range);
        };
        let qualname = self.qualname_for(c.name.as_str());
        let first_line = self.lines.line_col(c.range.start().into()).0;
        self.push_unit(scope, c.name.as_str(), &qualname, first_line);
        self.unit().code.flags.namespace = true;
        // __module__, __qualname__, docstring
        let mn = self.name_idx("__name__");
        self.emit(Instr::LoadGlobal(mn));
        let m = self.name_idx("__module__");
        self.emit(Instr::StoreName(m));
        let qv = self.str_const(&qualname);
        self.load_const(qv);
        let q = self.name_idx("__qualname__");
        self.emit(Instr::StoreName(q));
        if let Some(doc) = docstring(&c.body) {
            let d = self.str_const(&doc);
            self.load_const(d);
            let dn = self.name_idx("__doc__");
            self.emit(Instr::StoreName(dn));
        }
        if has_annotations(&c.body) {
            self.emit(Instr::SetupAnnotations);
        }
        self.stmts(&c.body)?;
        if self.st.scopes[scope].needs_class_cell {
            let ci = self.cell_idx("__class__").expect("class cell allocated by symtable");
            self.emit(Instr::LoadClosure(ci));
            let cc = self.name_idx("__classcell__");
            self.emit(Instr::StoreName(cc));
        }
        self.load_const(Value::NONE);
        self.emit(Instr::ReturnValue);
        let code = self.pop_unit();
        self.set_span(c.range);
        self.emit_closure_and_make(code, &qualname, 0)?;
        let nm = self.str_const(c.name.as_str());
        self.load_const(nm);
        self.call_args(&c.bases, &c.keywords, 2, c.range)?;
        for _ in &c.decorator_list {
            self.emit(Instr::CallFunction(1));
        }
        self.name_op(c.name.as_str(), NameCtx::Store);
        Ok(())
    }
}

/// For the first target of `target = value`: the first sub-target that can never be assigned,
/// and its kind as CPython names it.
fn invalid_assign_target(t: &ast::Expr) -> Option<(&ast::Expr, &'static str)> {
    match t {
        ast::Expr::Name(_) | ast::Expr::Attribute(_) | ast::Expr::Subscript(_) => None,
        ast::Expr::Tuple(ast::ExprTuple { elts, .. }) | ast::Expr::List(ast::ExprList { elts, .. }) => elts.iter().find_map(invalid_assign_target),
        ast::Expr::Starred(s) => invalid_assign_target(&s.value),
        ast::Expr::Constant(c) => Some((t, match c.value {
            ast::Constant::None => "None",
            ast::Constant::Bool(true) => "True",
            ast::Constant::Bool(false) => "False",
            ast::Constant::Ellipsis => "ellipsis",
            _ => "literal",
        })),
        other => Some((t, super::expr::expr_kind_name(other))),
    }
}

pub(super) enum FuncBody<'a> {
    Stmts(&'a [ast::Stmt]),
    Expr(&'a ast::Expr),
}

pub(super) fn binop(op: &ast::Operator) -> BinOp {
    use ast::Operator as O;
    match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::MatMult => BinOp::MatMul,
        O::Div => BinOp::TrueDiv,
        O::FloorDiv => BinOp::FloorDiv,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitAnd => BinOp::And,
        O::BitXor => BinOp::Xor,
        O::BitOr => BinOp::Or,
    }
}
