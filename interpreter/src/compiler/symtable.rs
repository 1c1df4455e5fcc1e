//! Scope analysis: decides for every name in every scope whether it is a fast local, a cell,
//! a free variable, a global, or a namespace name (module and class bodies).

use super::CompileError;
use rustpython_parser::ast::{self, Ranged};
use std::collections::{HashMap, HashSet};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

#[derive(Clone, Copy, Debug, Default)]
pub struct SymFlags {
    pub assigned: bool,
    pub param: bool,
    pub used: bool,
    pub global: bool,
    pub nonlocal: bool,
    /// Assigned by a walrus inside a comprehension (binds in this enclosing scope).
    pub walrus: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolved {
    Local,
    Cell,
    Free,
    GlobalExplicit,
    GlobalImplicit,
    /// Module/class namespace name.
    Name,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    pub symbols: HashMap<String, SymFlags>,
    pub order: Vec<String>,
    pub params: Vec<String>,
    pub children: Vec<usize>,
    pub resolved: HashMap<String, Resolved>,
    /// Names passed through a class scope to its methods' closures.
    pub class_free: HashSet<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub is_generator: bool,
    /// `async def`: calling it makes a coroutine (or an async generator if it yields).
    pub is_coroutine: bool,
    pub needs_class_cell: bool,
    pub uses_super: bool,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            symbols: HashMap::new(),
            order: Vec::new(),
            params: Vec::new(),
            children: Vec::new(),
            resolved: HashMap::new(),
            class_free: HashSet::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            needs_class_cell: false,
            uses_super: false,
        }
    }
    pub fn is_function_like(&self) -> bool {
        matches!(self.kind, ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension)
    }
    pub fn lookup(&self, name: &str) -> Resolved {
        match self.resolved.get(name) {
            Some(r) => *r,
            None if self.is_function_like() => Resolved::GlobalImplicit,
            None => Resolved::Name,
        }
    }
}

pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    /// AST node (start, end) -> scope index.
    pub by_range: HashMap<(u32, u32), usize>,
}

struct Builder {
    scopes: Vec<Scope>,
    stack: Vec<usize>,
    by_range: HashMap<(u32, u32), usize>,
    source_err: Option<CompileError>,
}

fn key(r: ast::text_size::TextRange) -> (u32, u32) {
    (r.start().into(), r.end().into())
}

pub fn build(body: &[ast::Stmt]) -> Result<SymbolTable, CompileError> {
    let mut b = Builder { scopes: vec![Scope::new(ScopeKind::Module, "<module>")], stack: vec![0], by_range: HashMap::new(), source_err: None };
    for s in body {
        b.stmt(s)?;
    }
    if let Some(e) = b.source_err {
        return Err(e);
    }
    let mut t = SymbolTable { scopes: b.scopes, by_range: b.by_range };
    analyze(&mut t, 0, &HashSet::new())?;
    Ok(t)
}

fn analyze(t: &mut SymbolTable, id: usize, visible: &HashSet<String>) -> Result<HashSet<String>, CompileError> {
    let func_like = t.scopes[id].is_function_like();
    let kind = t.scopes[id].kind;
    let mut resolved = HashMap::new();
    let mut free = HashSet::new();
    {
        let sc = &t.scopes[id];
        for name in &sc.order {
            let f = sc.symbols[name];
            let r = if f.global {
                Resolved::GlobalExplicit
            } else if f.nonlocal {
                free.insert(name.clone());
                Resolved::Free
            } else if f.assigned || f.param {
                if func_like { Resolved::Local } else { Resolved::Name }
            } else if visible.contains(name) && kind != ScopeKind::Module {
                free.insert(name.clone());
                Resolved::Free
            } else if func_like {
                Resolved::GlobalImplicit
            } else {
                Resolved::Name
            };
            resolved.insert(name.clone(), r);
        }
    }
    let mut child_visible = visible.clone();
    if func_like {
        for (n, r) in &resolved {
            if matches!(r, Resolved::Local | Resolved::Free) {
                child_visible.insert(n.clone());
            }
        }
    }
    if kind == ScopeKind::Class {
        child_visible.insert("__class__".to_string());
    }
    let children = t.scopes[id].children.clone();
    let mut child_free = HashSet::new();
    for c in children {
        child_free.extend(analyze(t, c, &child_visible)?);
    }
    let sc = &mut t.scopes[id];
    let mut cells: Vec<String> = Vec::new();
    let mut child_free: Vec<String> = child_free.into_iter().collect();
    child_free.sort();
    for name in child_free {
        match resolved.get(&name).copied() {
            Some(Resolved::Local) | Some(Resolved::Cell) if func_like => {
                resolved.insert(name.clone(), Resolved::Cell);
                if !cells.contains(&name) {
                    cells.push(name);
                }
            }
            _ if kind == ScopeKind::Class && name == "__class__" => {
                sc.needs_class_cell = true;
            }
            Some(Resolved::Free) => {}
            _ if kind == ScopeKind::Module => {}
            _ => {
                if kind == ScopeKind::Class {
                    sc.class_free.insert(name.clone());
                } else if !resolved.contains_key(&name) || matches!(resolved.get(&name), Some(Resolved::GlobalImplicit)) {
                    resolved.insert(name.clone(), Resolved::Free);
                }
                free.insert(name);
            }
        }
    }
    if sc.needs_class_cell {
        cells.push("__class__".to_string());
    }
    // Cells in parameter order first, then by first appearance, for stable layouts.
    let order = sc.order.clone();
    cells.sort_by_key(|n| order.iter().position(|o| o == n).unwrap_or(usize::MAX));
    sc.cellvars = cells;
    let mut fv: Vec<String> = free.iter().cloned().collect();
    fv.sort_by_key(|n| order.iter().position(|o| o == n).unwrap_or(usize::MAX));
    fv.dedup();
    sc.freevars = fv;
    sc.resolved = resolved;
    Ok(free)
}

impl Builder {
    fn cur(&mut self) -> &mut Scope {
        let id = *self.stack.last().expect("scope stack never empty");
        &mut self.scopes[id]
    }
    fn flags(&mut self, name: &str) -> &mut SymFlags {
        let sc = self.cur();
        if !sc.symbols.contains_key(name) {
            sc.order.push(name.to_string());
        }
        sc.symbols.entry(name.to_string()).or_default()
    }
    fn def(&mut self, name: &str) {
        self.flags(name).assigned = true;
    }
    fn use_name(&mut self, name: &str) {
        self.flags(name).used = true;
    }
    fn push(&mut self, kind: ScopeKind, name: &str, range: ast::text_size::TextRange) -> usize {
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, name));
        let parent = *self.stack.last().expect("scope stack never empty");
        self.scopes[parent].children.push(id);
        self.by_range.insert(key(range), id);
        self.stack.push(id);
        id
    }
    fn pop(&mut self) {
        self.stack.pop();
    }

    fn stmts(&mut self, body: &[ast::Stmt]) -> Result<(), CompileError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn args_defaults(&mut self, args: &ast::Arguments) -> Result<(), CompileError> {
        for a in args.posonlyargs.iter().chain(&args.args).chain(&args.kwonlyargs) {
            if let Some(d) = &a.default {
                self.expr(d)?;
            }
            if let Some(an) = &a.def.annotation {
                self.expr(an)?;
            }
        }
        for a in args.vararg.iter().chain(args.kwarg.iter()) {
            if let Some(an) = &a.annotation {
                self.expr(an)?;
            }
        }
        Ok(())
    }

    fn params(&mut self, args: &ast::Arguments) {
        let mut names = Vec::new();
        for a in args.posonlyargs.iter().chain(&args.args) {
            names.push(a.def.arg.to_string());
        }
        for a in &args.kwonlyargs {
            names.push(a.def.arg.to_string());
        }
        if let Some(a) = &args.vararg {
            names.push(a.arg.to_string());
        }
        if let Some(a) = &args.kwarg {
            names.push(a.arg.to_string());
        }
        for n in &names {
            self.flags(n).param = true;
        }
        self.cur().params = names;
    }

    fn stmt(&mut self, s: &ast::Stmt) -> Result<(), CompileError> {
        use ast::Stmt as S;
        match s {
            S::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(d)?;
                }
                self.args_defaults(&f.args)?;
                if let Some(r) = &f.returns {
                    self.expr(r)?;
                }
                self.def(f.name.as_str());
                self.push(ScopeKind::Function, f.name.as_str(), f.range);
                self.params(&f.args);
                self.stmts(&f.body)?;
                self.pop();
            }
            S::AsyncFunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(d)?;
                }
                self.args_defaults(&f.args)?;
                if let Some(r) = &f.returns {
                    self.expr(r)?;
                }
                self.def(f.name.as_str());
                let id = self.push(ScopeKind::Function, f.name.as_str(), f.range);
                self.scopes[id].is_coroutine = true;
                self.params(&f.args);
                self.stmts(&f.body)?;
                self.pop();
            }
            S::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(d)?;
                }
                for b in &c.bases {
                    self.expr(b)?;
                }
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                self.def(c.name.as_str());
                self.push(ScopeKind::Class, c.name.as_str(), c.range);
                self.stmts(&c.body)?;
                self.pop();
            }
            S::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v)?;
                }
            }
            S::Delete(d) => {
                for t in &d.targets {
                    self.target(t)?;
                }
            }
            S::Assign(a) => {
                self.expr(&a.value)?;
                for t in &a.targets {
                    self.target(t)?;
                }
            }
            S::AugAssign(a) => {
                self.expr(&a.value)?;
                if let ast::Expr::Name(n) = a.target.as_ref() {
                    self.use_name(n.id.as_str());
                }
                self.target(&a.target)?;
            }
            S::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                    self.target(&a.target)?;
                } else if let ast::Expr::Name(n) = a.target.as_ref() {
                    // A bare annotation still makes the name local in a function.
                    if self.cur().is_function_like() {
                        self.def(n.id.as_str());
                    }
                } else {
                    self.target_subexprs(&a.target)?;
                }
                if !self.cur().is_function_like() {
                    self.expr(&a.annotation)?;
                }
            }
            S::For(f) => {
                self.expr(&f.iter)?;
                self.target(&f.target)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            S::While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
                self.stmts(&w.orelse)?;
            }
            S::If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                self.stmts(&i.orelse)?;
            }
            S::With(w) => {
                for it in &w.items {
                    self.expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.target(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            S::Match(m) => {
                self.expr(&m.subject)?;
                for c in &m.cases {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            S::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(e) = &r.cause {
                    self.expr(e)?;
                }
            }
            S::Try(t) => self.try_like(&t.body, &t.handlers, &t.orelse, &t.finalbody)?,
            S::TryStar(t) => self.try_like(&t.body, &t.handlers, &t.orelse, &t.finalbody)?,
            S::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            S::Import(i) => {
                for a in &i.names {
                    let n = match &a.asname {
                        Some(x) => x.to_string(),
                        None => a.name.split('.').next().unwrap_or("").to_string(),
                    };
                    self.def(&n);
                }
            }
            S::ImportFrom(i) => {
                for a in &i.names {
                    if a.name.as_str() == "*" {
                        continue;
                    }
                    let n = a.asname.as_ref().unwrap_or(&a.name).to_string();
                    self.def(&n);
                }
            }
            S::Global(g) => {
                for n in &g.names {
                    let pos: u32 = g.range.start().into();
                    let f = *self.flags(n.as_str());
                    if f.param {
                        return Err(CompileError::new(&format!("name '{}' is parameter and global", n), pos));
                    }
                    if f.used || f.assigned {
                        let what = if f.assigned { "assigned to" } else { "used" };
                        return Err(CompileError::new(&format!("name '{}' is {} before global declaration", n, what), pos));
                    }
                    self.flags(n.as_str()).global = true;
                }
            }
            S::Nonlocal(g) => {
                let pos: u32 = g.range.start().into();
                if !self.cur().is_function_like() {
                    return Err(CompileError::new("nonlocal declaration not allowed at module level", pos));
                }
                for n in &g.names {
                    let f = *self.flags(n.as_str());
                    if f.param {
                        return Err(CompileError::new(&format!("name '{}' is parameter and nonlocal", n), pos));
                    }
                    if f.used || f.assigned {
                        let what = if f.assigned { "assigned to" } else { "used" };
                        return Err(CompileError::new(&format!("name '{}' is {} before nonlocal declaration", n, what), pos));
                    }
                    self.flags(n.as_str()).nonlocal = true;
                }
            }
            S::Expr(e) => self.expr(&e.value)?,
            S::Pass(_) | S::Break(_) | S::Continue(_) => {}
            S::AsyncFor(f) => {
                self.require_async(f.range.start().into(), "'async for' outside async function")?;
                self.expr(&f.iter)?;
                self.target(&f.target)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            S::AsyncWith(w) => {
                self.require_async(w.range.start().into(), "'async with' outside async function")?;
                for it in &w.items {
                    self.expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.target(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            S::TypeAlias(x) => return Err(CompileError::new("invalid syntax", x.range.start().into())),
        }
        Ok(())
    }

    fn try_like(&mut self, body: &[ast::Stmt], handlers: &[ast::ExceptHandler], orelse: &[ast::Stmt], fin: &[ast::Stmt]) -> Result<(), CompileError> {
        self.stmts(body)?;
        for h in handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            if let Some(t) = &h.type_ {
                self.expr(t)?;
            }
            if let Some(n) = &h.name {
                self.def(n.as_str());
            }
            self.stmts(&h.body)?;
        }
        self.stmts(orelse)?;
        self.stmts(fin)
    }

    fn pattern(&mut self, p: &ast::Pattern) -> Result<(), CompileError> {
        use ast::Pattern as P;
        match p {
            P::MatchValue(v) => self.expr(&v.value)?,
            P::MatchSingleton(_) => {}
            P::MatchSequence(s) => {
                for x in &s.patterns {
                    self.pattern(x)?;
                }
            }
            P::MatchMapping(m) => {
                for k in &m.keys {
                    self.expr(k)?;
                }
                for x in &m.patterns {
                    self.pattern(x)?;
                }
                if let Some(r) = &m.rest {
                    self.def(r.as_str());
                }
            }
            P::MatchClass(c) => {
                self.expr(&c.cls)?;
                for x in c.patterns.iter().chain(&c.kwd_patterns) {
                    self.pattern(x)?;
                }
            }
            P::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.def(n.as_str());
                }
            }
            P::MatchAs(a) => {
                if let Some(x) = &a.pattern {
                    self.pattern(x)?;
                }
                if let Some(n) = &a.name {
                    self.def(n.as_str());
                }
            }
            P::MatchOr(o) => {
                for x in &o.patterns {
                    self.pattern(x)?;
                }
            }
        }
        Ok(())
    }

    fn target_subexprs(&mut self, t: &ast::Expr) -> Result<(), CompileError> {
        match t {
            ast::Expr::Attribute(a) => self.expr(&a.value),
            ast::Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)
            }
            _ => Ok(()),
        }
    }

    fn target(&mut self, t: &ast::Expr) -> Result<(), CompileError> {
        match t {
            ast::Expr::Name(n) => {
                self.def(n.id.as_str());
                Ok(())
            }
            ast::Expr::Tuple(x) => x.elts.iter().try_for_each(|e| self.target(e)),
            ast::Expr::List(x) => x.elts.iter().try_for_each(|e| self.target(e)),
            ast::Expr::Starred(s) => self.target(&s.value),
            other => self.target_subexprs(other),
        }
    }

    fn comprehension(&mut self, range: ast::text_size::TextRange, gens: &[ast::Comprehension], elts: &[&ast::Expr], is_gen: bool) -> Result<(), CompileError> {
        if gens.iter().any(|g| g.is_async) {
            return Err(CompileError { msg: "asynchronous comprehension outside of an asynchronous function".to_string(), offset: range.start().into(), end_offset: Some(range.end().into()), indentation: false });
        }
        // The first iterable is evaluated in the enclosing scope.
        self.expr(&gens[0].iter)?;
        let id = self.push(ScopeKind::Comprehension, if is_gen { "<genexpr>" } else { "<listcomp>" }, range);
        self.scopes[id].is_generator = is_gen;
        self.flags(".0").param = true;
        self.scopes[id].params = vec![".0".to_string()];
        for (i, g) in gens.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            for c in &g.ifs {
                self.expr(c)?;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        self.pop();
        Ok(())
    }

    fn expr(&mut self, e: &ast::Expr) -> Result<(), CompileError> {
        use ast::Expr as E;
        match e {
            E::BoolOp(b) => b.values.iter().try_for_each(|v| self.expr(v))?,
            E::NamedExpr(n) => {
                self.expr(&n.value)?;
                if let E::Name(t) = n.target.as_ref() {
                    // Walrus in a comprehension binds in the nearest non-comprehension scope.
                    let mut depth = self.stack.len() - 1;
                    while self.scopes[self.stack[depth]].kind == ScopeKind::Comprehension && depth > 0 {
                        depth -= 1;
                    }
                    let target_scope = self.stack[depth];
                    let name = t.id.to_string();
                    if target_scope != *self.stack.last().unwrap_or(&0) {
                        if self.scopes[target_scope].kind == ScopeKind::Class {
                            return Err(CompileError::new("assignment expression within a comprehension cannot be used in a class body", n.range.start().into()));
                        }
                        let sc = &mut self.scopes[target_scope];
                        if !sc.symbols.contains_key(&name) {
                            sc.order.push(name.clone());
                        }
                        let f = sc.symbols.entry(name.clone()).or_default();
                        f.walrus = true;
                        if sc.kind == ScopeKind::Module {
                            f.global = false;
                            f.assigned = true;
                        } else {
                            f.assigned = true;
                        }
                        let is_module = sc.kind == ScopeKind::Module;
                        // Inner comprehension scopes refer to it as nonlocal (or global at module level).
                        for d in depth + 1..self.stack.len() {
                            let sid = self.stack[d];
                            let sc = &mut self.scopes[sid];
                            if !sc.symbols.contains_key(&name) {
                                sc.order.push(name.clone());
                            }
                            let f = sc.symbols.entry(name.clone()).or_default();
                            if is_module { f.global = true } else { f.nonlocal = true }
                        }
                    } else {
                        self.def(&name);
                    }
                }
            }
            E::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
            }
            E::UnaryOp(u) => self.expr(&u.operand)?,
            E::Lambda(l) => {
                self.args_defaults(&l.args)?;
                self.push(ScopeKind::Lambda, "<lambda>", l.range);
                self.params(&l.args);
                self.expr(&l.body)?;
                self.pop();
            }
            E::IfExp(i) => {
                self.expr(&i.test)?;
                self.expr(&i.body)?;
                self.expr(&i.orelse)?;
            }
            E::Dict(d) => {
                for k in d.keys.iter().flatten() {
                    self.expr(k)?;
                }
                d.values.iter().try_for_each(|v| self.expr(v))?;
            }
            E::Set(s) => s.elts.iter().try_for_each(|v| self.expr(v))?,
            E::ListComp(c) => self.comprehension(c.range, &c.generators, &[&c.elt], false)?,
            E::SetComp(c) => self.comprehension(c.range, &c.generators, &[&c.elt], false)?,
            E::DictComp(c) => self.comprehension(c.range, &c.generators, &[&c.key, &c.value], false)?,
            E::GeneratorExp(c) => self.comprehension(c.range, &c.generators, &[&c.elt], true)?,
            E::Await(a) => {
                let msg = if self.cur().is_function_like() { "'await' outside async function" } else { "'await' outside function" };
                self.require_async(a.range.start().into(), msg)?;
                self.expr(&a.value)?;
            }
            E::Yield(y) => {
                self.mark_generator(y.range.start().into())?;
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
            }
            E::YieldFrom(y) => {
                self.mark_generator(y.range.start().into())?;
                self.expr(&y.value)?;
            }
            E::Compare(c) => {
                self.expr(&c.left)?;
                c.comparators.iter().try_for_each(|v| self.expr(v))?;
            }
            E::Call(c) => {
                self.expr(&c.func)?;
                if let E::Name(n) = c.func.as_ref() {
                    if n.id.as_str() == "super" && c.args.is_empty() && c.keywords.is_empty() {
                        self.cur().uses_super = true;
                        self.use_name("__class__");
                    }
                }
                c.args.iter().try_for_each(|v| self.expr(v))?;
                c.keywords.iter().try_for_each(|k| self.expr(&k.value))?;
            }
            E::FormattedValue(f) => {
                self.expr(&f.value)?;
                if let Some(s) = &f.format_spec {
                    self.expr(s)?;
                }
            }
            E::JoinedStr(j) => j.values.iter().try_for_each(|v| self.expr(v))?,
            E::Constant(_) => {}
            E::Attribute(a) => self.expr(&a.value)?,
            E::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
            }
            E::Starred(s) => self.expr(&s.value)?,
            E::Name(n) => match n.ctx {
                ast::ExprContext::Load => {
                    if n.id.as_str() == "__class__" {
                        self.use_name("__class__");
                    } else {
                        self.use_name(n.id.as_str())
                    }
                }
                _ => self.def(n.id.as_str()),
            },
            E::List(l) => l.elts.iter().try_for_each(|v| self.expr(v))?,
            E::Tuple(l) => l.elts.iter().try_for_each(|v| self.expr(v))?,
            E::Slice(s) => {
                for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
        }
        Ok(())
    }

    /// `await`, `async for` and `async with` need an enclosing coroutine function.
    fn require_async(&mut self, pos: u32, msg: &str) -> Result<(), CompileError> {
        if self.cur().is_coroutine {
            Ok(())
        } else {
            Err(CompileError::new(msg, pos))
        }
    }

    fn mark_generator(&mut self, pos: u32) -> Result<(), CompileError> {
        let sc = self.cur();
        match sc.kind {
            ScopeKind::Function | ScopeKind::Lambda => {
                sc.is_generator = true;
                Ok(())
            }
            ScopeKind::Comprehension => Err(CompileError::new("'yield' inside list comprehension", pos)),
            _ => Err(CompileError::new("'yield' outside function", pos)),
        }
    }
}

pub fn range_key(r: ast::text_size::TextRange) -> (u32, u32) {
    key(r)
}

#[allow(dead_code)]
fn _unused(e: &ast::Expr) -> ast::text_size::TextRange {
    e.range()
}
