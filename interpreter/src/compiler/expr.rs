//! Expression compilation.

use super::stmt::{binop, FuncBody};
use super::{CompileError, Compiler, NameCtx};
use crate::bytecode::opcodes::CmpOp;
use crate::bytecode::{Instr, Label};
use crate::value::Value;
use rustpython_parser::ast::{self, Ranged};

type R = Result<(), CompileError>;

pub(super) fn expr_kind_name(e: &ast::Expr) -> &'static str {
    use ast::Expr as E;
    match e {
        E::BoolOp(_) | E::BinOp(_) | E::UnaryOp(_) => "expression",
        E::NamedExpr(_) => "named expression",
        E::Lambda(_) => "lambda",
        E::IfExp(_) => "conditional expression",
        E::Dict(_) => "dict literal",
        E::Set(_) => "set display",
        E::ListComp(_) => "list comprehension",
        E::SetComp(_) => "set comprehension",
        E::DictComp(_) => "dict comprehension",
        E::GeneratorExp(_) => "generator expression",
        E::Await(_) => "await expression",
        E::Yield(_) | E::YieldFrom(_) => "yield expression",
        E::Compare(_) => "comparison",
        E::Call(_) => "function call",
        E::FormattedValue(_) | E::JoinedStr(_) => "f-string expression",
        E::Constant(c) => match c.value {
            ast::Constant::None => "None",
            ast::Constant::Bool(true) => "True",
            ast::Constant::Bool(false) => "False",
            ast::Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        E::Attribute(_) => "attribute",
        E::Subscript(_) => "subscript",
        E::Starred(_) => "starred",
        E::Name(_) => "name",
        E::List(_) => "list",
        E::Tuple(_) => "tuple",
        E::Slice(_) => "slice",
    }
}

pub(super) fn cmpop(op: &ast::CmpOp) -> Result<CmpOp, (bool, bool)> {
    use ast::CmpOp as C;
    Ok(match op {
        C::Lt => CmpOp::Lt,
        C::LtE => CmpOp::Le,
        C::Eq => CmpOp::Eq,
        C::NotEq => CmpOp::Ne,
        C::Gt => CmpOp::Gt,
        C::GtE => CmpOp::Ge,
        // (is-family, inverted)
        C::Is => return Err((true, false)),
        C::IsNot => return Err((true, true)),
        C::In => return Err((false, false)),
        C::NotIn => return Err((false, true)),
    })
}

impl<'a> Compiler<'a> {
    pub(super) fn constant(&mut self, c: &ast::Constant) -> Value {
        match c {
            ast::Constant::None => Value::NONE,
            ast::Constant::Bool(b) => Value::bool(*b),
            ast::Constant::Str(s) => self.str_const(s),
            ast::Constant::Bytes(b) => crate::vm::new_bytes(b.clone()),
            ast::Constant::Int(i) => crate::vm::int_from_decimal_str(&i.to_string()),
            ast::Constant::Float(f) => Value::float(*f),
            ast::Constant::Complex { real, imag } => crate::vm::new_complex(*real, *imag),
            ast::Constant::Ellipsis => crate::vm::ellipsis(),
            ast::Constant::Tuple(items) => {
                let v: Vec<Value> = items.iter().map(|x| self.constant(x)).collect();
                crate::vm::new_tuple(v)
            }
        }
    }

    pub(super) fn expr(&mut self, e: &'a ast::Expr) -> R {
        use ast::Expr as E;
        match e {
            E::Constant(c) => {
                let v = self.constant(&c.value);
                self.load_const(v);
            }
            E::Name(n) => {
                self.set_span(n.range);
                self.name_op(n.id.as_str(), NameCtx::Load);
            }
            E::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.set_span(b.range);
                self.emit(Instr::BinaryOp(binop(&b.op)));
            }
            E::UnaryOp(u) => {
                // Fold negative numeric literals so `-5` is one constant.
                if let (ast::UnaryOp::USub, E::Constant(c)) = (&u.op, u.operand.as_ref()) {
                    match &c.value {
                        ast::Constant::Int(i) => {
                            let v = crate::vm::int_from_decimal_str(&format!("-{}", i));
                            self.load_const(v);
                            return Ok(());
                        }
                        ast::Constant::Float(f) => {
                            self.load_const(Value::float(-*f));
                            return Ok(());
                        }
                        _ => {}
                    }
                }
                self.expr(&u.operand)?;
                self.set_span(u.range);
                self.emit(match u.op {
                    ast::UnaryOp::USub => Instr::UnaryNeg,
                    ast::UnaryOp::UAdd => Instr::UnaryPos,
                    ast::UnaryOp::Not => Instr::UnaryNot,
                    ast::UnaryOp::Invert => Instr::UnaryInvert,
                });
            }
            E::BoolOp(b) => {
                let end = self.new_label();
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < n {
                        self.emit(match b.op {
                            ast::BoolOp::And => Instr::JumpIfFalseOrPop(end),
                            ast::BoolOp::Or => Instr::JumpIfTrueOrPop(end),
                        });
                    }
                }
                self.bind(end);
            }
            E::Compare(c) => self.compare(c)?,
            E::IfExp(i) => {
                let else_l = self.new_label();
                let end = self.new_label();
                self.cond_jump(&i.test, false, else_l)?;
                self.expr(&i.body)?;
                self.emit(Instr::Jump(end));
                self.bind(else_l);
                self.expr(&i.orelse)?;
                self.bind(end);
            }
            E::NamedExpr(n) => {
                self.expr(&n.value)?;
                self.emit(Instr::DupTop);
                match n.target.as_ref() {
                    E::Name(t) => self.name_op(t.id.as_str(), NameCtx::Store),
                    other => return self.err(&format!("cannot use assignment expressions with {}", expr_kind_name(other)), other.range()),
                }
            }
            E::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_span(a.range);
                let n = self.name_idx(a.attr.as_str());
                self.emit(Instr::LoadAttr(n));
            }
            E::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_span(s.range);
                self.emit(Instr::BinarySubscr);
            }
            E::Slice(s) => {
                let mut n = 2;
                for x in [&s.lower, &s.upper] {
                    match x {
                        Some(v) => self.expr(v)?,
                        None => self.load_const(Value::NONE),
                    }
                }
                if let Some(st) = &s.step {
                    self.expr(st)?;
                    n = 3;
                }
                self.emit(Instr::BuildSlice(n));
            }
            E::Call(c) => self.call(c)?,
            E::Tuple(t) => {
                if let Some(v) = self.const_tuple(&t.elts) {
                    self.load_const(v);
                } else {
                    self.sequence(&t.elts, Seq::Tuple)?;
                }
            }
            E::List(l) => self.sequence(&l.elts, Seq::List)?,
            E::Set(s) => self.sequence(&s.elts, Seq::Set)?,
            E::Dict(d) => self.dict(d)?,
            E::Lambda(l) => {
                self.set_span(l.range);
                self.make_function("<lambda>", &l.args, FuncBody::Expr(&l.body), l.range, None)?;
            }
            E::ListComp(c) => self.comprehension(c.range, &c.generators, Comp::List(&c.elt), "<listcomp>")?,
            E::SetComp(c) => self.comprehension(c.range, &c.generators, Comp::Set(&c.elt), "<setcomp>")?,
            E::DictComp(c) => self.comprehension(c.range, &c.generators, Comp::Dict(&c.key, &c.value), "<dictcomp>")?,
            E::GeneratorExp(c) => self.comprehension(c.range, &c.generators, Comp::Gen(&c.elt), "<genexpr>")?,
            E::Yield(y) => {
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::NONE),
                }
                self.set_span(y.range);
                self.emit(Instr::YieldValue);
            }
            E::YieldFrom(y) => {
                self.expr(&y.value)?;
                self.set_span(y.range);
                self.emit(Instr::GetYieldFromIter);
                self.load_const(Value::NONE);
                self.emit(Instr::YieldFrom);
            }
            E::JoinedStr(j) => self.joined_str(j)?,
            E::FormattedValue(f) => self.formatted_value(f)?,
            E::Starred(s) => return self.err("can't use starred expression here", s.range),
            E::Await(a) => {
                self.expr(&a.value)?;
                self.set_span(a.range);
                self.emit(Instr::GetAwaitable);
                self.load_const(Value::NONE);
                self.emit(Instr::YieldFrom);
            }
        }
        Ok(())
    }

    fn const_tuple(&mut self, elts: &[ast::Expr]) -> Option<Value> {
        if elts.is_empty() || elts.len() > 64 {
            return if elts.is_empty() { Some(crate::vm::new_tuple(Vec::new())) } else { None };
        }
        let mut out = Vec::new();
        for e in elts {
            match e {
                ast::Expr::Constant(c) if !matches!(c.value, ast::Constant::Tuple(_)) => out.push(self.constant(&c.value)),
                _ => return None,
            }
        }
        Some(crate::vm::new_tuple(out))
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> R {
        self.expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            self.expr(&c.comparators[0])?;
            self.set_span(c.range);
            self.emit_cmp(&c.ops[0]);
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        for (i, (op, rhs)) in c.ops.iter().zip(&c.comparators).enumerate() {
            self.expr(rhs)?;
            self.set_span(c.range);
            if i + 1 < n {
                self.emit(Instr::DupTop);
                self.emit(Instr::RotThree);
                self.emit_cmp(op);
                self.emit(Instr::JumpIfFalseOrPop(cleanup));
            } else {
                self.emit_cmp(op);
            }
        }
        self.emit(Instr::Jump(end));
        self.bind(cleanup);
        self.emit(Instr::RotTwo);
        self.emit(Instr::PopTop);
        self.bind(end);
        Ok(())
    }

    fn emit_cmp(&mut self, op: &ast::CmpOp) {
        match cmpop(op) {
            Ok(c) => self.emit(Instr::CompareOp(c)),
            Err((true, inv)) => self.emit(Instr::IsOp(inv as u32)),
            Err((false, inv)) => self.emit(Instr::ContainsOp(inv as u32)),
        }
    }

    /// Compiles `e` as a condition and jumps to `target` when its truth equals `jump_if`.
    pub(super) fn cond_jump(&mut self, e: &'a ast::Expr, jump_if: bool, target: Label) -> R {
        match e {
            ast::Expr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::Not) => return self.cond_jump(&u.operand, !jump_if, target),
            ast::Expr::BoolOp(b) => {
                let is_and = matches!(b.op, ast::BoolOp::And);
                let n = b.values.len();
                if is_and != jump_if {
                    // and/jump-if-false or or/jump-if-true: every operand can jump directly.
                    for v in &b.values {
                        self.cond_jump(v, jump_if, target)?;
                    }
                } else {
                    let skip = self.new_label();
                    for (i, v) in b.values.iter().enumerate() {
                        if i + 1 < n {
                            self.cond_jump(v, !jump_if, skip)?;
                        } else {
                            self.cond_jump(v, jump_if, target)?;
                        }
                    }
                    self.bind(skip);
                }
                return Ok(());
            }
            _ => {}
        }
        self.expr(e)?;
        self.emit(if jump_if { Instr::PopJumpIfTrue(target) } else { Instr::PopJumpIfFalse(target) });
        Ok(())
    }

    fn sequence(&mut self, elts: &'a [ast::Expr], kind: Seq) -> R {
        let has_star = elts.iter().any(|e| matches!(e, ast::Expr::Starred(_)));
        if !has_star {
            for e in elts {
                self.expr(e)?;
            }
            let n = elts.len() as u32;
            self.emit(match kind {
                Seq::Tuple => Instr::BuildTuple(n),
                Seq::List => Instr::BuildList(n),
                Seq::Set => Instr::BuildSet(n),
            });
            return Ok(());
        }
        // Build incrementally: start empty, append/extend.
        self.emit(match kind {
            Seq::Set => Instr::BuildSet(0),
            _ => Instr::BuildList(0),
        });
        for e in elts {
            match e {
                ast::Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(match kind {
                        Seq::Set => Instr::SetUpdate(1),
                        _ => Instr::ListExtend(1),
                    });
                }
                _ => {
                    self.expr(e)?;
                    self.emit(match kind {
                        Seq::Set => Instr::SetAdd(1),
                        _ => Instr::ListAppend(1),
                    });
                }
            }
        }
        if let Seq::Tuple = kind {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    fn dict(&mut self, d: &'a ast::ExprDict) -> R {
        let has_splat = d.keys.iter().any(|k| k.is_none());
        if !has_splat {
            for (k, v) in d.keys.iter().zip(&d.values) {
                if let Some(k) = k {
                    self.expr(k)?;
                }
                self.expr(v)?;
            }
            self.emit(Instr::BuildMap(d.values.len() as u32));
            return Ok(());
        }
        self.emit(Instr::BuildMap(0));
        for (k, v) in d.keys.iter().zip(&d.values) {
            match k {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Instr::MapAdd(1));
                }
                None => {
                    self.expr(v)?;
                    self.emit(Instr::DictUpdate(1));
                }
            }
        }
        Ok(())
    }

    fn call(&mut self, c: &'a ast::ExprCall) -> R {
        // A generator expression as one of several arguments must be parenthesised.
        if c.args.len() + c.keywords.len() > 1 {
            for a in &c.args {
                if let ast::Expr::GeneratorExp(g) = a {
                    let start: usize = u32::from(g.range.start()) as usize;
                    if self.source.as_bytes().get(start) != Some(&b'(') {
                        return self.err("Generator expression must be parenthesized", g.range);
                    }
                }
            }
        }
        // Zero-argument super(): pass __class__ and the first argument explicitly.
        if let ast::Expr::Name(n) = c.func.as_ref() {
            if n.id.as_str() == "super" && c.args.is_empty() && c.keywords.is_empty() && self.scope().is_function_like() {
                if let Some(ci) = self.cell_idx("__class__") {
                    self.set_span(c.range);
                    self.name_op("super", NameCtx::Load);
                    self.emit(Instr::LoadDeref(ci));
                    let first = self.scope().params.first().cloned();
                    match first {
                        Some(p) => self.name_op(&p, NameCtx::Load),
                        None => {
                            return self.err("super(): no arguments", c.range);
                        }
                    }
                    self.emit(Instr::CallFunction(2));
                    return Ok(());
                }
            }
        }
        let simple = !c.args.iter().any(|a| matches!(a, ast::Expr::Starred(_))) && !c.keywords.iter().any(|k| k.arg.is_none());
        if let ast::Expr::Attribute(a) = c.func.as_ref() {
            if simple && c.keywords.is_empty() {
                self.expr(&a.value)?;
                let n = self.name_idx(a.attr.as_str());
                self.set_span(a.range);
                self.emit(Instr::LoadMethod(n));
                for arg in &c.args {
                    self.expr(arg)?;
                }
                self.set_span(c.range);
                self.emit(Instr::CallMethod(c.args.len() as u32));
                return Ok(());
            }
        }
        self.expr(&c.func)?;
        self.call_args(&c.args, &c.keywords, 0, c.range)
    }

    /// Emits argument evaluation and the call; `extra` positional args are already on the stack.
    pub(super) fn call_args(&mut self, args: &'a [ast::Expr], keywords: &'a [ast::Keyword], extra: u32, range: ast::text_size::TextRange) -> R {
        let simple = !args.iter().any(|a| matches!(a, ast::Expr::Starred(_))) && !keywords.iter().any(|k| k.arg.is_none());
        // Duplicate keyword check (CPython: SyntaxError).
        for (i, k) in keywords.iter().enumerate() {
            if let Some(n) = &k.arg {
                if keywords[..i].iter().any(|o| o.arg.as_ref().map(|x| x.as_str()) == Some(n.as_str())) {
                    return self.err(&format!("keyword argument repeated: {}", n), k.range);
                }
            }
        }
        if simple {
            for a in args {
                self.expr(a)?;
            }
            let argc = extra + args.len() as u32;
            if keywords.is_empty() {
                self.set_span(range);
                self.emit(Instr::CallFunction(argc));
            } else {
                let mut names = Vec::new();
                for k in keywords {
                    self.expr(&k.value)?;
                    names.push(self.str_const(k.arg.as_ref().map(|a| a.as_str()).unwrap_or("")));
                }
                let t = crate::vm::new_tuple(names);
                self.load_const(t);
                self.set_span(range);
                self.emit(Instr::CallFunctionKw(argc + keywords.len() as u32));
            }
            return Ok(());
        }
        // General form: build an args tuple (and a kwargs dict).
        self.emit(Instr::BuildList(extra));
        for a in args {
            match a {
                ast::Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(Instr::ListExtendCall(1));
                }
                _ => {
                    self.expr(a)?;
                    self.emit(Instr::ListAppend(1));
                }
            }
        }
        self.emit(Instr::ListToTuple);
        let mut flags = 0;
        if !keywords.is_empty() {
            flags = 1;
            self.emit(Instr::BuildMap(0));
            for k in keywords {
                match &k.arg {
                    Some(n) => {
                        let key = self.str_const(n.as_str());
                        self.load_const(key);
                        self.expr(&k.value)?;
                        self.emit(Instr::BuildMap(1));
                        self.emit(Instr::DictMerge(1));
                    }
                    None => {
                        self.expr(&k.value)?;
                        self.emit(Instr::DictMerge(1));
                    }
                }
            }
        }
        self.set_span(range);
        self.emit(Instr::CallFunctionEx(flags));
        Ok(())
    }

    fn comprehension(&mut self, range: ast::text_size::TextRange, gens: &'a [ast::Comprehension], kind: Comp<'a>, name: &str) -> R {
        let Some(&scope) = self.st.by_range.get(&super::symtable::range_key(range)) else {
            return self.err("internal error: missing comprehension scope", range);
        };
        let qualname = self.qualname_for(name);
        let first_line = self.lines.line_col(range.start().into()).0;
        self.push_unit(scope, name, &qualname, first_line);
        self.unit().code.argcount = 1;
        self.set_span(range);
        match kind {
            Comp::List(_) => self.emit(Instr::BuildList(0)),
            Comp::Set(_) => self.emit(Instr::BuildSet(0)),
            Comp::Dict(..) => self.emit(Instr::BuildMap(0)),
            Comp::Gen(_) => {}
        }
        self.comp_level(gens, 0, &kind, range)?;
        match kind {
            Comp::Gen(_) => self.load_const(Value::NONE),
            _ => {}
        }
        self.emit(Instr::ReturnValue);
        let code = self.pop_unit();
        self.set_span(range);
        self.emit_closure_and_make(code, &qualname, 0)?;
        self.expr(&gens[0].iter)?;
        self.emit(Instr::GetIter);
        self.set_span(range);
        self.emit(Instr::CallFunction(1));
        Ok(())
    }

    fn comp_level(&mut self, gens: &'a [ast::Comprehension], i: usize, kind: &Comp<'a>, range: ast::text_size::TextRange) -> R {
        let g = &gens[i];
        let top = self.new_label();
        let end = self.new_label();
        if i == 0 {
            let a = self.local_idx(".0");
            self.emit(Instr::LoadFast(a));
        } else {
            self.expr(&g.iter)?;
            self.emit(Instr::GetIter);
        }
        self.bind(top);
        self.emit(Instr::ForIter(end));
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.cond_jump(cond, false, top)?;
        }
        if i + 1 < gens.len() {
            self.comp_level(gens, i + 1, kind, range)?;
        } else {
            // depth: the result container sits below one iterator per level.
            let depth = gens.len() as u32 + 1;
            match kind {
                Comp::List(e) => {
                    self.expr(e)?;
                    self.emit(Instr::ListAppend(depth));
                }
                Comp::Set(e) => {
                    self.expr(e)?;
                    self.emit(Instr::SetAdd(depth));
                }
                Comp::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Instr::MapAdd(depth));
                }
                Comp::Gen(e) => {
                    self.expr(e)?;
                    self.emit(Instr::YieldValue);
                    self.emit(Instr::PopTop);
                }
            }
        }
        self.emit(Instr::Jump(top));
        self.bind(end);
        Ok(())
    }

    fn joined_str(&mut self, j: &'a ast::ExprJoinedStr) -> R {
        let mut n = 0;
        for v in &j.values {
            match v {
                ast::Expr::Constant(c) => {
                    let cv = self.constant(&c.value);
                    self.load_const(cv);
                }
                ast::Expr::FormattedValue(f) => self.formatted_value(f)?,
                other => self.expr(other)?,
            }
            n += 1;
        }
        if n == 1 {
            if let Some(ast::Expr::Constant(_)) = j.values.first() {
                return Ok(());
            }
            return Ok(());
        }
        if n == 0 {
            let e = self.str_const("");
            self.load_const(e);
            return Ok(());
        }
        self.emit(Instr::BuildString(n));
        Ok(())
    }

    fn formatted_value(&mut self, f: &'a ast::ExprFormattedValue) -> R {
        self.expr(&f.value)?;
        let conv = match f.conversion {
            ast::ConversionFlag::None => 0,
            ast::ConversionFlag::Str => 1,
            ast::ConversionFlag::Repr => 2,
            ast::ConversionFlag::Ascii => 3,
        };
        let mut flags = conv;
        if let Some(spec) = &f.format_spec {
            self.expr(spec)?;
            flags |= 4;
        }
        self.set_span(f.range);
        self.emit(Instr::FormatValue(flags));
        Ok(())
    }
}

enum Seq {
    Tuple,
    List,
    Set,
}

pub(super) enum Comp<'a> {
    List(&'a ast::Expr),
    Set(&'a ast::Expr),
    Dict(&'a ast::Expr, &'a ast::Expr),
    Gen(&'a ast::Expr),
}
