//! AST (rustpython-parser) to our bytecode. One `Unit` per code object being built; scope
//! decisions come from `symtable`. Statements are in `stmt.rs`, expressions in `expr.rs`,
//! `match` patterns in `pattern.rs`.

mod expr;
mod pattern;
mod stmt;
pub mod symtable;

use crate::bytecode::code::Span;
use crate::bytecode::opcodes::CellIdx;
use crate::bytecode::{Code, CodeFlags, ConstIdx, Instr, Label, LocalIdx, NameIdx};
use crate::value::Value;
use rustpython_parser::ast;
use std::collections::HashMap;
use std::rc::Rc;
use symtable::{Resolved, ScopeKind, SymbolTable};

/// A compile-time error, reported as `SyntaxError` at a byte offset of the source.
#[derive(Debug, Clone)]
pub struct CompileError {
    pub msg: String,
    pub offset: u32,
    pub end_offset: Option<u32>,
    pub indentation: bool,
}

impl CompileError {
    pub fn new(msg: &str, offset: u32) -> CompileError {
        CompileError { msg: msg.to_string(), offset, end_offset: None, indentation: false }
    }
}

/// Maps byte offsets to 1-based lines and 0-based columns.
pub struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    pub fn new(src: &str) -> LineIndex {
        let mut starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i as u32 + 1);
            }
        }
        LineIndex { starts }
    }
    pub fn line_col(&self, off: u32) -> (u32, u32) {
        let line = match self.starts.binary_search(&off) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        (line as u32 + 1, off - self.starts[line])
    }
}

/// What `return`/`break`/`continue` must undo when leaving a block early.
#[derive(Clone)]
enum FBlock<'a> {
    /// A `for` loop: its iterator is on the stack.
    ForLoop { cont: Label, brk: Label },
    WhileLoop { cont: Label, brk: Label },
    /// Inside `try:` with handlers: one handler block pushed.
    TryExcept,
    /// Inside `try:` of try/finally: the finally body runs on the way out.
    Finally(&'a [ast::Stmt]),
    /// Inside an `except` body: an ExcHandler block and the handled exception (when unnamed
    /// it is not on the stack); `name` is unbound on exit.
    Handler(Option<&'a str>),
    /// Inside a `finally` body run because of an exception: exc on the stack.
    FinallyExc,
    /// Inside `with`: exit function on the stack, a finally block pushed.
    With,
    /// Inside a `match` case that keeps the subject on the stack.
    MatchSubject,
}

struct Unit<'a> {
    scope: usize,
    code: Code,
    labels: Vec<u32>,
    const_map: HashMap<ConstKey, u32>,
    name_map: HashMap<String, u32>,
    local_map: HashMap<String, u32>,
    cell_map: HashMap<String, u32>,
    fblocks: Vec<FBlock<'a>>,
    span: Span,
}

#[derive(Hash, PartialEq, Eq)]
enum ConstKey {
    Int(i64),
    Float(u64),
    Str(String),
    None,
    Bool(bool),
}

pub struct Compiler<'a> {
    st: SymbolTable,
    units: Vec<Unit<'a>>,
    filename: Rc<str>,
    lines: LineIndex,
    interner: &'a mut crate::vm::Interner,
    /// 1 with `-O`: asserts are dropped.
    pub optimize: u32,
    /// The source text (for checks that need the original spelling).
    source: &'a str,
}

pub enum Mode {
    Exec,
    Eval,
    Single,
}

/// Parse and compile a module/expression/statement.
pub fn compile(
    source: &str,
    filename: &str,
    mode: Mode,
    interner: &mut crate::vm::Interner,
    optimize: u32,
) -> Result<Rc<Code>, CompileError> {
    let pmode = match mode {
        Mode::Exec => rustpython_parser::Mode::Module,
        Mode::Eval => rustpython_parser::Mode::Expression,
        Mode::Single => rustpython_parser::Mode::Interactive,
    };
    // Nesting deeper than CPython's tokenizer allows is rejected before the (recursive) parser runs.
    crate::syntax::check_brackets(source, true)?;
    let parsed = match rustpython_parser::parse(source, pmode, filename) {
        Ok(p) => p,
        Err(e) => {
            // A tokenizer bracket error wins when the tokenizer would reach it first: an
            // unmatched closer before the parse error, or a bracket left open at EOF.
            let at_eof = matches!(e.error, rustpython_parser::ParseErrorType::Eof) || u32::from(e.offset) as usize >= source.trim_end().len();
            let pe = crate::syntax::parse_error_to_compile_error(e);
            if let Err(be) = crate::syntax::check_brackets(source, false) {
                let never_closed = be.msg.ends_with("was never closed");
                let li = LineIndex::new(source);
                let later_line = li.line_col(pe.offset.min(source.len() as u32)).0 > li.line_col(be.offset).0;
                // After a generic "invalid syntax", CPython tokenizes the rest of the source and a
                // tokenizer error found there (not a bracket open at EOF) replaces the message.
                let generic = pe.msg == "invalid syntax" || pe.msg == "unterminated string literal";
                if (never_closed && (at_eof || later_line)) || (!never_closed && (generic || be.offset <= pe.offset)) {
                    return Err(be);
                }
            }
            return Err(pe);
        }
    };
    let body: Vec<ast::Stmt> = match &parsed {
        ast::Mod::Module(m) => m.body.clone(),
        ast::Mod::Interactive(m) => m.body.clone(),
        ast::Mod::Expression(e) => vec![ast::Stmt::Expr(ast::StmtExpr { range: e.body.range(), value: e.body.clone() })],
        ast::Mod::FunctionType(_) => Vec::new(),
    };
    crate::syntax::check_module(&body)?;
    let st = symtable::build(&body)?;
    let mut c = Compiler { st, units: Vec::new(), filename: filename.into(), lines: LineIndex::new(source), interner, optimize, source };
    c.push_unit(0, "<module>", "<module>", 1);
    c.unit().code.flags.namespace = true;
    match mode {
        Mode::Eval => {
            if let Some(ast::Stmt::Expr(e)) = body.first() {
                c.set_span(e.range);
                c.expr(&e.value)?;
            }
            c.emit(Instr::ReturnValue);
        }
        Mode::Single => {
            for s in &body {
                if let ast::Stmt::Expr(e) = s {
                    c.set_span(e.range);
                    c.expr(&e.value)?;
                    c.emit(Instr::PrintExpr);
                } else {
                    c.stmt(s)?;
                }
            }
            c.load_const(Value::NONE);
            c.emit(Instr::ReturnValue);
        }
        Mode::Exec => {
            c.module_body(&body)?;
        }
    }
    let code = c.pop_unit();
    Ok(Rc::new(code))
}

impl<'a> Compiler<'a> {
    fn unit(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("compiler unit stack never empty")
    }
    fn unit_ref(&self) -> &Unit<'a> {
        self.units.last().expect("compiler unit stack never empty")
    }
    fn scope(&self) -> &symtable::Scope {
        &self.st.scopes[self.unit_ref().scope]
    }

    fn push_unit(&mut self, scope: usize, name: &str, qualname: &str, first_line: u32) {
        let sc = &self.st.scopes[scope];
        let mut local_map = HashMap::new();
        let mut varnames = Vec::new();
        if sc.is_function_like() {
            for p in &sc.params {
                if !local_map.contains_key(p) {
                    local_map.insert(p.clone(), varnames.len() as u32);
                    varnames.push(p.clone());
                }
            }
            for n in &sc.order {
                if sc.lookup(n) == Resolved::Local && !local_map.contains_key(n) {
                    local_map.insert(n.clone(), varnames.len() as u32);
                    varnames.push(n.clone());
                }
            }
        }
        let mut cell_map = HashMap::new();
        for (i, n) in sc.cellvars.iter().chain(sc.freevars.iter()).enumerate() {
            cell_map.entry(n.clone()).or_insert(i as u32);
        }
        let mut freevars = sc.freevars.clone();
        if sc.kind == ScopeKind::Class {
            let mut extra: Vec<String> = sc.class_free.iter().filter(|n| !freevars.contains(n)).cloned().collect();
            extra.sort();
            for n in extra {
                cell_map.insert(n.clone(), (sc.cellvars.len() + freevars.len()) as u32);
                freevars.push(n);
            }
        }
        let cell_args = sc.cellvars.iter().map(|c| sc.params.iter().position(|p| p == c).map(|i| i as u32)).collect();
        let code = Code {
            name: name.to_string(),
            qualname: qualname.to_string(),
            filename: self.filename.clone(),
            first_line,
            instrs: Vec::new(),
            spans: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            varnames,
            cellvars: sc.cellvars.clone(),
            freevars,
            cell_args,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: CodeFlags { generator: sc.is_generator, coroutine: sc.is_coroutine, ..CodeFlags::default() },
            docstring: None,
            global_cache: Box::new([]),
            attr_cache: Box::new([]),
            loop_heat: Box::new([]),
            jit_fn: Default::default(),
            max_stack: 0,
        };
        self.units.push(Unit {
            scope,
            code,
            labels: Vec::new(),
            const_map: HashMap::new(),
            name_map: HashMap::new(),
            local_map,
            cell_map,
            fblocks: Vec::new(),
            span: Span { line: first_line, end_line: first_line, col: 0, end_col: 0 },
        });
    }

    fn pop_unit(&mut self) -> Code {
        let mut u = self.units.pop().expect("compiler unit stack never empty");
        let labels = std::mem::take(&mut u.labels);
        for ins in u.code.instrs.iter_mut() {
            if let Some(l) = ins.label_mut() {
                *l = Label(labels[l.0 as usize]);
            }
        }
        // Peephole: a jump to a `return` is the return itself.
        for i in 0..u.code.instrs.len() {
            if let Instr::Jump(t) = u.code.instrs[i] {
                if matches!(u.code.instrs.get(t.0 as usize), Some(Instr::ReturnValue)) {
                    u.code.instrs[i] = Instr::ReturnValue;
                }
            }
        }
        u.code.global_cache = (0..u.code.names.len()).map(|_| std::cell::Cell::new(Default::default())).collect();
        u.code.attr_cache = crate::bytecode::code::new_attr_cache(u.code.names.len());
        u.code.loop_heat = crate::bytecode::code::new_loop_heat(u.code.instrs.len());
        u.code.max_stack = u.code.compute_max_stack();
        u.code
    }

    // ---- emission helpers ----

    fn set_span(&mut self, r: ast::text_size::TextRange) {
        let (line, col) = self.lines.line_col(r.start().into());
        let (end_line, end_col) = self.lines.line_col(r.end().into());
        self.unit().span = Span { line, end_line, col, end_col };
    }
    fn emit(&mut self, i: Instr) {
        let u = self.unit();
        u.code.instrs.push(i);
        let sp = u.span;
        u.code.spans.push(sp);
    }
    fn new_label(&mut self) -> Label {
        let u = self.unit();
        u.labels.push(u32::MAX);
        Label(u.labels.len() as u32 - 1)
    }
    fn bind(&mut self, l: Label) {
        let u = self.unit();
        u.labels[l.0 as usize] = u.code.instrs.len() as u32;
    }
    fn add_const(&mut self, v: Value) -> ConstIdx {
        let key = match v.view() {
            crate::value::V::Int(i) => Some(ConstKey::Int(i)),
            crate::value::V::Float(f) => Some(ConstKey::Float(f.to_bits())),
            crate::value::V::None => Some(ConstKey::None),
            crate::value::V::Bool(b) => Some(ConstKey::Bool(b)),
            crate::value::V::Obj(o) => match &o.kind {
                crate::object::ObjKind::Str(s) => Some(ConstKey::Str(s.s.to_string())),
                _ => None,
            },
            _ => None,
        };
        let u = self.unit();
        if let Some(k) = &key {
            if let Some(&i) = u.const_map.get(k) {
                return ConstIdx(i);
            }
        }
        u.code.consts.push(v);
        let i = u.code.consts.len() as u32 - 1;
        if let Some(k) = key {
            u.const_map.insert(k, i);
        }
        ConstIdx(i)
    }
    fn load_const(&mut self, v: Value) {
        let c = self.add_const(v);
        self.emit(Instr::LoadConst(c));
    }
    fn str_const(&mut self, s: &str) -> Value {
        self.interner.intern(s)
    }
    fn name_idx(&mut self, name: &str) -> NameIdx {
        if let Some(&i) = self.unit_ref().name_map.get(name) {
            return NameIdx(i);
        }
        let v = self.interner.intern(name);
        let u = self.unit();
        u.code.names.push(v);
        let i = u.code.names.len() as u32 - 1;
        u.name_map.insert(name.to_string(), i);
        NameIdx(i)
    }
    fn local_idx(&mut self, name: &str) -> LocalIdx {
        if let Some(&i) = self.unit_ref().local_map.get(name) {
            return LocalIdx(i);
        }
        let u = self.unit();
        u.code.varnames.push(name.to_string());
        let i = u.code.varnames.len() as u32 - 1;
        u.local_map.insert(name.to_string(), i);
        LocalIdx(i)
    }
    fn cell_idx(&self, name: &str) -> Option<CellIdx> {
        self.unit_ref().cell_map.get(name).map(|&i| CellIdx(i))
    }

    /// Emits a load/store/delete of `name` according to its scope.
    fn name_op(&mut self, name: &str, ctx: NameCtx) {
        let sc = self.scope();
        let kind = sc.kind;
        let mut r = sc.lookup(name);
        if name == "__class__" && kind != ScopeKind::Class && self.cell_idx(name).is_some() {
            r = Resolved::Free;
        }
        if kind == ScopeKind::Class && self.st.scopes[self.unit_ref().scope].class_free.contains(name) && r == Resolved::Name {
            // Assigned in the class body but also passed through to methods: namespace op.
        }
        match r {
            Resolved::Local => {
                let i = self.local_idx(name);
                self.emit(match ctx {
                    NameCtx::Load => Instr::LoadFast(i),
                    NameCtx::Store => Instr::StoreFast(i),
                    NameCtx::Del => Instr::DeleteFast(i),
                });
            }
            Resolved::Cell | Resolved::Free => {
                let Some(i) = self.cell_idx(name) else {
                    let n = self.name_idx(name);
                    self.emit(Instr::LoadGlobal(n));
                    return;
                };
                self.emit(match ctx {
                    NameCtx::Load if kind == ScopeKind::Class => Instr::LoadClassDeref(i),
                    NameCtx::Load => Instr::LoadDeref(i),
                    NameCtx::Store => Instr::StoreDeref(i),
                    NameCtx::Del => Instr::DeleteDeref(i),
                });
            }
            Resolved::GlobalExplicit => {
                let n = self.name_idx(name);
                self.emit(match ctx {
                    NameCtx::Load => Instr::LoadGlobal(n),
                    NameCtx::Store => Instr::StoreGlobal(n),
                    NameCtx::Del => Instr::DeleteGlobal(n),
                });
            }
            Resolved::GlobalImplicit => {
                let n = self.name_idx(name);
                self.emit(match ctx {
                    NameCtx::Load => Instr::LoadGlobal(n),
                    NameCtx::Store => Instr::StoreGlobal(n),
                    NameCtx::Del => Instr::DeleteGlobal(n),
                });
            }
            Resolved::Name => {
                let n = self.name_idx(name);
                self.emit(match ctx {
                    NameCtx::Load => Instr::LoadName(n),
                    NameCtx::Store => Instr::StoreName(n),
                    NameCtx::Del => Instr::DeleteName(n),
                });
            }
        }
    }

    fn err<T>(&self, msg: &str, r: ast::text_size::TextRange) -> Result<T, CompileError> {
        Err(CompileError { msg: msg.to_string(), offset: r.start().into(), end_offset: Some(r.end().into()), indentation: false })
    }

    fn module_body(&mut self, body: &'a [ast::Stmt]) -> Result<(), CompileError> {
        if let Some(doc) = docstring(body) {
            let v = self.str_const(&doc);
            self.set_span(body[0].range());
            self.load_const(v);
            let n = self.name_idx("__doc__");
            self.emit(Instr::StoreName(n));
        }
        if has_annotations(body) {
            self.emit(Instr::SetupAnnotations);
        }
        for s in body {
            self.stmt(s)?;
        }
        self.load_const(Value::NONE);
        self.emit(Instr::ReturnValue);
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum NameCtx {
    Load,
    Store,
    Del,
}

use rustpython_parser::ast::Ranged;

fn docstring(body: &[ast::Stmt]) -> Option<String> {
    if let Some(ast::Stmt::Expr(e)) = body.first() {
        if let ast::Expr::Constant(c) = e.value.as_ref() {
            if let ast::Constant::Str(s) = &c.value {
                return Some(s.clone());
            }
        }
    }
    None
}

fn has_annotations(body: &[ast::Stmt]) -> bool {
    body.iter().any(|s| match s {
        ast::Stmt::AnnAssign(a) => a.simple,
        ast::Stmt::If(i) => has_annotations(&i.body) || has_annotations(&i.orelse),
        ast::Stmt::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        ast::Stmt::While(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        ast::Stmt::With(w) => has_annotations(&w.body),
        ast::Stmt::Try(t) => has_annotations(&t.body) || has_annotations(&t.orelse) || has_annotations(&t.finalbody),
        _ => false,
    })
}
