//! Bytecode cache: a compact binary serialisation of `Code` objects, and the `__pycache__`
//! files that let a second import of a module skip parsing and compiling.
//!
//! Code format (`serialize` / `deserialize`), all integers little-endian; "varint" is unsigned
//! LEB128 and "svarint" a zigzag-encoded signed LEB128:
//!
//! ```text
//! b"RPYC"  u32 FORMAT_VERSION  u64 opcode-table fingerprint
//! varint nstrings, then each string: varint byte length + UTF-8 bytes   (a deduplicated table)
//! code record (the module), which must end exactly at the end of the data
//!
//! code record:
//!   varint name, varint qualname, varint filename          (string-table indexes)
//!   varint first_line
//!   varint ninstrs, then per instruction: u8 opcode + varint operand   (`Instr::encode`)
//!   varint nspans, varint nruns, then per run of equal spans:
//!       varint count, svarint (line - previous line), svarint (end_line - line),
//!       varint col, svarint (end_col - col)
//!   varint nconsts, then each constant (below)
//!   varint count + string indexes, for: names, varnames, cellvars, freevars
//!   varint ncell_args, then each: varint 0 for None, n + 1 for Some(n)
//!   varint argcount, varint posonlyargcount, varint kwonlyargcount
//!   u8 flags (bit 0 varargs, 1 varkw, 2 generator, 3 namespace, 4 coroutine)
//!   u8 0 (no docstring) | u8 1 + varint string index
//!
//! constant: u8 tag, then
//!   0 None | 1 False | 2 True | 3 Ellipsis
//!   4 small int: svarint          5 big int: varint length + `to_signed_bytes_le`
//!   6 float: u64 bits             7 complex: u64 bits (real), u64 bits (imag)
//!   8 str: varint string index    9 bytes: varint length + bytes
//!   10 tuple: varint n + n constants          11 code: code record
//! ```
//!
//! The opcode fingerprint (a hash of `Instr::NAMES`) makes a cache written by a build with a
//! different opcode table unreadable rather than wrong. `deserialize` never panics: truncated,
//! corrupt or inconsistent input (an operand indexing past its table, a jump past the end, ...)
//! gives `None`.
//!
//! Cache file format (`write_cached` / `read_cached`): `cache_header(mtime, size)` (magic
//! `b"RPYH"`, format version, the rpy version, the source's mtime in ns and size in bytes), then
//! u64 payload length, u64 FNV-1a hash of the payload, and the payload (`serialize` output).

use super::code::{Code, CodeFlags, GlobalCache, Span};
use super::opcodes::{Instr, Operand};
use crate::object::{Obj, ObjKind};
use crate::value::{Value, V};
use num_bigint::BigInt;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// Magic at the start of `serialize` output.
pub const MAGIC: &[u8; 4] = b"RPYC";
/// Magic at the start of a cache file (`cache_header`).
pub const FILE_MAGIC: &[u8; 4] = b"RPYH";
/// Bump whenever the layout written by `serialize` or `cache_header` changes.
pub const FORMAT_VERSION: u32 = 1;
/// `sys.implementation.cache_tag`.
pub const CACHE_TAG: &str = "rpy-011";
/// Deepest nesting of code objects / tuples written or read (bounds recursion).
const MAX_DEPTH: u32 = 200;

const C_NONE: u8 = 0;
const C_FALSE: u8 = 1;
const C_TRUE: u8 = 2;
const C_ELLIPSIS: u8 = 3;
const C_SMALLINT: u8 = 4;
const C_BIGINT: u8 = 5;
const C_FLOAT: u8 = 6;
const C_COMPLEX: u8 = 7;
const C_STR: u8 = 8;
const C_BYTES: u8 = 9;
const C_TUPLE: u8 = 10;
const C_CODE: u8 = 11;

fn fnv1a(data: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in data {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Hash of the opcode table: caches from a build with other opcode numbers are rejected.
pub fn opcode_fingerprint() -> u64 {
    let mut buf = Vec::new();
    for n in Instr::NAMES {
        buf.extend_from_slice(n.as_bytes());
        buf.push(0);
    }
    fnv1a(&buf)
}

// ---------------------------------------------------------------------------------------------
// Writing

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn put_svarint(out: &mut Vec<u8>, v: i64) {
    put_varint(out, ((v << 1) ^ (v >> 63)) as u64);
}

struct Writer<'a> {
    strings: Vec<&'a str>,
    string_idx: HashMap<&'a str, u32>,
    out: Vec<u8>,
}

impl<'a> Writer<'a> {
    fn string(&mut self, s: &'a str) {
        let i = match self.string_idx.get(s) {
            Some(&i) => i,
            None => {
                let i = self.strings.len() as u32;
                self.strings.push(s);
                self.string_idx.insert(s, i);
                i
            }
        };
        put_varint(&mut self.out, i as u64);
    }

    fn strings(&mut self, v: &'a [String]) {
        put_varint(&mut self.out, v.len() as u64);
        for s in v {
            self.string(s);
        }
    }

    fn code(&mut self, c: &'a Code, depth: u32) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.string(&c.name);
        self.string(&c.qualname);
        self.string(&c.filename);
        put_varint(&mut self.out, c.first_line as u64);

        put_varint(&mut self.out, c.instrs.len() as u64);
        for ins in &c.instrs {
            let (op, raw) = ins.encode();
            self.out.push(op);
            put_varint(&mut self.out, raw as u64);
        }

        // Spans: run-length encoded (consecutive instructions mostly share one), lines as deltas.
        let mut runs: Vec<(u64, Span)> = Vec::new();
        for s in &c.spans {
            match runs.last_mut() {
                Some((n, last)) if last == s => *n += 1,
                _ => runs.push((1, *s)),
            }
        }
        put_varint(&mut self.out, c.spans.len() as u64);
        put_varint(&mut self.out, runs.len() as u64);
        let mut prev_line = c.first_line as i64;
        for (n, s) in runs {
            put_varint(&mut self.out, n);
            put_svarint(&mut self.out, s.line as i64 - prev_line);
            put_svarint(&mut self.out, s.end_line as i64 - s.line as i64);
            put_varint(&mut self.out, s.col as u64);
            put_svarint(&mut self.out, s.end_col as i64 - s.col as i64);
            prev_line = s.line as i64;
        }

        put_varint(&mut self.out, c.consts.len() as u64);
        for v in &c.consts {
            self.constant(v, depth)?;
        }

        put_varint(&mut self.out, c.names.len() as u64);
        for n in &c.names {
            let s = crate::vm::str_of(n)?;
            self.string(s);
        }
        self.strings(&c.varnames);
        self.strings(&c.cellvars);
        self.strings(&c.freevars);

        put_varint(&mut self.out, c.cell_args.len() as u64);
        for a in &c.cell_args {
            put_varint(&mut self.out, a.map_or(0, |i| i as u64 + 1));
        }
        put_varint(&mut self.out, c.argcount as u64);
        put_varint(&mut self.out, c.posonlyargcount as u64);
        put_varint(&mut self.out, c.kwonlyargcount as u64);
        let f = &c.flags;
        self.out.push(f.varargs as u8 | (f.varkw as u8) << 1 | (f.generator as u8) << 2 | (f.namespace as u8) << 3 | (f.coroutine as u8) << 4);
        match &c.docstring {
            None => self.out.push(0),
            Some(d) => {
                self.out.push(1);
                self.string(d);
            }
        }
        Some(())
    }

    fn constant(&mut self, v: &'a Value, depth: u32) -> Option<()> {
        match v.view() {
            V::None => self.out.push(C_NONE),
            V::Bool(false) => self.out.push(C_FALSE),
            V::Bool(true) => self.out.push(C_TRUE),
            V::Int(i) => {
                self.out.push(C_SMALLINT);
                put_svarint(&mut self.out, i);
            }
            V::Float(f) => {
                self.out.push(C_FLOAT);
                self.out.extend_from_slice(&f.to_bits().to_le_bytes());
            }
            V::Null => return None,
            V::Obj(o) => self.object(o, depth)?,
        }
        Some(())
    }

    fn object(&mut self, o: &'a Obj, depth: u32) -> Option<()> {
        match &o.kind {
            ObjKind::Ellipsis => self.out.push(C_ELLIPSIS),
            ObjKind::Int(b) => {
                self.out.push(C_BIGINT);
                let bytes = b.to_signed_bytes_le();
                put_varint(&mut self.out, bytes.len() as u64);
                self.out.extend_from_slice(&bytes);
            }
            ObjKind::Complex(re, im) => {
                self.out.push(C_COMPLEX);
                self.out.extend_from_slice(&re.to_bits().to_le_bytes());
                self.out.extend_from_slice(&im.to_bits().to_le_bytes());
            }
            ObjKind::Str(s) => {
                self.out.push(C_STR);
                self.string(&s.s);
            }
            ObjKind::Bytes(b) => {
                self.out.push(C_BYTES);
                put_varint(&mut self.out, b.len() as u64);
                self.out.extend_from_slice(b);
            }
            ObjKind::Tuple(items) => {
                if depth >= MAX_DEPTH {
                    return None;
                }
                self.out.push(C_TUPLE);
                put_varint(&mut self.out, items.len() as u64);
                for it in items.iter() {
                    self.constant(it, depth + 1)?;
                }
            }
            ObjKind::Code(c) => {
                self.out.push(C_CODE);
                self.code(c, depth + 1)?;
            }
            _ => return None,
        }
        Some(())
    }
}

/// Serialises a code object (and everything it contains). Returns an empty Vec when some
/// constant has no serialised form (the caller then skips caching).
pub fn serialize(code: &Code) -> Vec<u8> {
    let mut w = Writer { strings: Vec::new(), string_idx: HashMap::new(), out: Vec::new() };
    if w.code(code, 0).is_none() {
        return Vec::new();
    }
    let mut out = Vec::with_capacity(w.out.len() + 16 + w.strings.iter().map(|s| s.len() + 2).sum::<usize>());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&opcode_fingerprint().to_le_bytes());
    put_varint(&mut out, w.strings.len() as u64);
    for s in &w.strings {
        put_varint(&mut out, s.len() as u64);
        out.extend_from_slice(s.as_bytes());
    }
    out.extend_from_slice(&w.out);
    out
}

// ---------------------------------------------------------------------------------------------
// Reading

struct Reader<'a, 'i> {
    data: &'a [u8],
    pos: usize,
    strings: Vec<&'a str>,
    /// `Rc<str>` per string index, so nested code objects share one filename allocation.
    rc_strings: Vec<Option<Rc<str>>>,
    interner: &'i mut crate::vm::Interner,
}

impl<'a, 'i> Reader<'a, 'i> {
    fn remaining(&self) -> usize {
        self.data.len() - self.pos
    }
    fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        if n > self.remaining() {
            return None;
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Some(s)
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.bytes(1)?[0])
    }
    fn u32_le(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.bytes(4)?.try_into().ok()?))
    }
    fn u64_le(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.bytes(8)?.try_into().ok()?))
    }
    fn varint(&mut self) -> Option<u64> {
        let mut v: u64 = 0;
        let mut shift = 0u32;
        loop {
            let b = self.u8()?;
            if shift == 63 && b > 1 {
                return None; // overflows u64
            }
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
            shift += 7;
            if shift > 63 {
                return None;
            }
        }
    }
    fn svarint(&mut self) -> Option<i64> {
        let u = self.varint()?;
        Some(((u >> 1) as i64) ^ -((u & 1) as i64))
    }
    fn u32v(&mut self) -> Option<u32> {
        u32::try_from(self.varint()?).ok()
    }
    /// A count of items that each take at least one byte: bounded by what is left, so corrupt
    /// counts cannot cause huge allocations.
    fn count(&mut self) -> Option<usize> {
        let n = usize::try_from(self.varint()?).ok()?;
        if n > self.remaining() {
            return None;
        }
        Some(n)
    }
    fn str_ref(&mut self) -> Option<&'a str> {
        let i = usize::try_from(self.varint()?).ok()?;
        self.strings.get(i).copied()
    }
    fn string(&mut self) -> Option<String> {
        Some(self.str_ref()?.to_string())
    }
    fn rc_str(&mut self) -> Option<Rc<str>> {
        let i = usize::try_from(self.varint()?).ok()?;
        let s = *self.strings.get(i)?;
        Some(self.rc_strings[i].get_or_insert_with(|| Rc::from(s)).clone())
    }
    fn strings(&mut self) -> Option<Vec<String>> {
        let n = self.count()?;
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(self.string()?);
        }
        Some(v)
    }

    fn code(&mut self, depth: u32) -> Option<Code> {
        if depth > MAX_DEPTH {
            return None;
        }
        let name = self.string()?;
        let qualname = self.string()?;
        let filename = self.rc_str()?;
        let first_line = self.u32v()?;

        let n = self.count()?;
        let mut instrs = Vec::with_capacity(n);
        for _ in 0..n {
            let op = self.u8()?;
            let raw = self.u32v()?;
            instrs.push(Instr::decode(op, raw)?);
        }

        let nspans = self.varint()?;
        // Each span run takes at least 5 bytes; nspans is bounded by the instruction count.
        if nspans > instrs.len() as u64 {
            return None;
        }
        let nruns = self.count()?;
        let mut spans = Vec::with_capacity(nspans as usize);
        let mut prev_line = first_line as i64;
        for _ in 0..nruns {
            let count = self.varint()?;
            let line = prev_line.checked_add(self.svarint()?)?;
            let end_line = line.checked_add(self.svarint()?)?;
            let col = self.u32v()?;
            let end_col = (col as i64).checked_add(self.svarint()?)?;
            let span = Span {
                line: u32::try_from(line).ok()?,
                end_line: u32::try_from(end_line).ok()?,
                col,
                end_col: u32::try_from(end_col).ok()?,
            };
            if count == 0 || count > nspans - spans.len() as u64 {
                return None;
            }
            spans.extend(std::iter::repeat(span).take(count as usize));
            prev_line = line;
        }
        if spans.len() as u64 != nspans {
            return None;
        }

        let n = self.count()?;
        let mut consts = Vec::with_capacity(n);
        for _ in 0..n {
            consts.push(self.constant(depth)?);
        }

        let n = self.count()?;
        let mut names = Vec::with_capacity(n);
        for _ in 0..n {
            let s = self.str_ref()?;
            names.push(self.interner.intern(s));
        }
        let varnames = self.strings()?;
        let cellvars = self.strings()?;
        let freevars = self.strings()?;

        let n = self.count()?;
        let mut cell_args = Vec::with_capacity(n);
        for _ in 0..n {
            cell_args.push(match self.varint()? {
                0 => None,
                i => Some(u32::try_from(i - 1).ok()?),
            });
        }
        let argcount = self.u32v()?;
        let posonlyargcount = self.u32v()?;
        let kwonlyargcount = self.u32v()?;
        let fl = self.u8()?;
        if fl & !0x1f != 0 {
            return None;
        }
        let flags = CodeFlags { varargs: fl & 1 != 0, varkw: fl & 2 != 0, generator: fl & 4 != 0, namespace: fl & 8 != 0, coroutine: fl & 16 != 0 };
        let docstring = match self.u8()? {
            0 => None,
            1 => Some(self.string()?),
            _ => return None,
        };
        let global_cache = (0..names.len()).map(|_| std::cell::Cell::new(GlobalCache::default())).collect();
        let instrs_len_for_heat = instrs.len();
        let nnames = names.len();
        let code = Code {
            name,
            qualname,
            filename,
            first_line,
            instrs,
            spans,
            consts,
            names,
            varnames,
            cellvars,
            freevars,
            cell_args,
            argcount,
            posonlyargcount,
            kwonlyargcount,
            flags,
            docstring,
            global_cache,
            attr_cache: super::code::new_attr_cache(nnames),
            loop_heat: super::code::new_loop_heat(instrs_len_for_heat),
            jit_fn: Default::default(),
            max_stack: 0,
        };
        if !consistent(&code) {
            return None;
        }
        let mut code = code;
        code.max_stack = code.compute_max_stack();
        Some(code)
    }

    fn f64(&mut self) -> Option<f64> {
        Some(f64::from_bits(self.u64_le()?))
    }

    fn constant(&mut self, depth: u32) -> Option<Value> {
        Some(match self.u8()? {
            C_NONE => Value::NONE,
            C_FALSE => Value::FALSE,
            C_TRUE => Value::TRUE,
            C_ELLIPSIS => crate::vm::ellipsis(),
            C_SMALLINT => crate::vm::new_int(self.svarint()?),
            C_BIGINT => {
                let n = self.count()?;
                crate::vm::new_bigint(BigInt::from_signed_bytes_le(self.bytes(n)?))
            }
            C_FLOAT => Value::float(self.f64()?),
            C_COMPLEX => {
                let re = self.f64()?;
                let im = self.f64()?;
                crate::vm::new_complex(re, im)
            }
            // String constants are interned, as the compiler does.
            C_STR => {
                let s = self.str_ref()?;
                self.interner.intern(s)
            }
            C_BYTES => {
                let n = self.count()?;
                crate::vm::new_bytes(self.bytes(n)?.to_vec())
            }
            C_TUPLE => {
                if depth >= MAX_DEPTH {
                    return None;
                }
                let n = self.count()?;
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(self.constant(depth + 1)?);
                }
                crate::vm::new_tuple(items)
            }
            C_CODE => crate::vm::new_code(self.code(depth + 1)?),
            _ => return None,
        })
    }
}

/// Checks that every operand indexes inside its table, so running a code object read from a
/// corrupt cache cannot index out of bounds.
fn consistent(c: &Code) -> bool {
    let ncells = c.ncells();
    for ins in &c.instrs {
        let ok = match ins.operand() {
            Operand::Const(i) => i.idx() < c.consts.len(),
            Operand::Name(i) => i.idx() < c.names.len(),
            Operand::Local(i) => i.idx() < c.varnames.len(),
            Operand::Cell(i) => (i as usize) < ncells,
            Operand::Jump(l) => l.idx() < c.instrs.len(),
            Operand::None | Operand::Count(_) | Operand::BinOp(_) | Operand::CmpOp(_) => true,
        };
        if !ok {
            return false;
        }
    }
    let nargs = c.argcount as u64 + c.kwonlyargcount as u64 + c.flags.varargs as u64 + c.flags.varkw as u64;
    c.cell_args.len() == c.cellvars.len()
        && c.cell_args.iter().all(|a| a.map_or(true, |i| (i as usize) < c.varnames.len()))
        && c.posonlyargcount <= c.argcount
        && nargs <= c.varnames.len() as u64
}

/// Inverse of `serialize`. Names and string constants are interned in `interner`; the global
/// caches start empty. `None` for anything malformed (never panics).
pub fn deserialize(data: &[u8], interner: &mut crate::vm::Interner) -> Option<Code> {
    let mut r = Reader { data, pos: 0, strings: Vec::new(), rc_strings: Vec::new(), interner };
    if r.bytes(4)? != MAGIC || r.u32_le()? != FORMAT_VERSION || r.u64_le()? != opcode_fingerprint() {
        return None;
    }
    let n = r.count()?;
    let mut strings = Vec::with_capacity(n);
    for _ in 0..n {
        let len = r.count()?;
        strings.push(std::str::from_utf8(r.bytes(len)?).ok()?);
    }
    r.rc_strings = vec![None; n];
    r.strings = strings;
    let code = r.code(0)?;
    if r.pos != data.len() {
        return None;
    }
    Some(code)
}

// ---------------------------------------------------------------------------------------------
// Cache files

/// Header of a cache file: it matches only for the same format, rpy version and source stamp.
pub fn cache_header(source_mtime_ns: u128, source_len: u64) -> Vec<u8> {
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    let mut h = Vec::with_capacity(4 + 4 + 1 + version.len() + 16 + 8);
    h.extend_from_slice(FILE_MAGIC);
    h.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    h.push(version.len().min(255) as u8);
    h.extend_from_slice(&version[..version.len().min(255)]);
    h.extend_from_slice(&source_mtime_ns.to_le_bytes());
    h.extend_from_slice(&source_len.to_le_bytes());
    h
}

/// (mtime in ns since the epoch, size in bytes) of a source file, as the cache header records.
pub fn source_stamp(source: &Path) -> Option<(u128, u64)> {
    let md = std::fs::metadata(source).ok()?;
    let mtime = md.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?.as_nanos();
    Some((mtime, md.len()))
}

/// `<dir>/__pycache__/<stem>.rpy-011.rpyc` for `<dir>/<stem>.py`.
pub fn cache_path_for(source: &Path) -> PathBuf {
    let dir = source.parent().unwrap_or(Path::new(""));
    let stem = source.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    dir.join("__pycache__").join(format!("{stem}.{CACHE_TAG}.rpyc"))
}

/// A whole cache file's bytes: header, payload length, payload hash, payload.
pub fn cache_file_bytes(source_mtime_ns: u128, source_len: u64, code: &Code) -> Option<Vec<u8>> {
    let payload = serialize(code);
    if payload.is_empty() {
        return None;
    }
    let mut out = cache_header(source_mtime_ns, source_len);
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&fnv1a(&payload).to_le_bytes());
    out.extend_from_slice(&payload);
    Some(out)
}

/// Decodes a whole cache file if its header matches the given source stamp.
pub fn parse_cache_file(
    data: &[u8],
    source_mtime_ns: u128,
    source_len: u64,
    interner: &mut crate::vm::Interner,
) -> Option<Code> {
    let header = cache_header(source_mtime_ns, source_len);
    let rest = data.strip_prefix(header.as_slice())?;
    if rest.len() < 16 {
        return None;
    }
    let len = u64::from_le_bytes(rest[..8].try_into().ok()?);
    let hash = u64::from_le_bytes(rest[8..16].try_into().ok()?);
    let payload = &rest[16..];
    if payload.len() as u64 != len || fnv1a(payload) != hash {
        return None;
    }
    deserialize(payload, interner)
}

/// The cached code for `source`, if `path_to_cache` exists and was written for the source's
/// current mtime and size by this rpy version; `None` otherwise (stale, corrupt, unreadable).
pub fn read_cached(path_to_cache: &Path, source: &Path, interner: &mut crate::vm::Interner) -> Option<Code> {
    let (mtime, len) = source_stamp(source)?;
    let data = std::fs::read(path_to_cache).ok()?;
    parse_cache_file(&data, mtime, len, interner)
}

/// Writes the cache for `source` (stamped with its current mtime and size). Atomic: a temp file
/// in the same directory, then a rename. Errors are ignored; nothing is written when the code
/// has an unserialisable constant.
pub fn write_cached(path_to_cache: &Path, source: &Path, code: &Code) {
    if let Some((mtime, len)) = source_stamp(source) {
        write_cached_stamped(path_to_cache, mtime, len, code);
    }
}

/// `write_cached` with a stamp taken by the caller (ideally before reading the source, so a
/// source edited during compilation leaves a cache that is already stale).
pub fn write_cached_stamped(path_to_cache: &Path, source_mtime_ns: u128, source_len: u64, code: &Code) {
    let Some(bytes) = cache_file_bytes(source_mtime_ns, source_len, code) else { return };
    if let Some(dir) = path_to_cache.parent() {
        if !dir.as_os_str().is_empty() && std::fs::create_dir_all(dir).is_err() {
            return;
        }
    }
    let mut tmp = path_to_cache.as_os_str().to_owned();
    tmp.push(format!(".{}.tmp", std::process::id()));
    let tmp = PathBuf::from(tmp);
    if std::fs::write(&tmp, &bytes).is_err() || std::fs::rename(&tmp, path_to_cache).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compiler::{compile, Mode};
    use crate::vm::Interner;

    fn const_eq(a: &Value, b: &Value, path: &str) -> Result<(), String> {
        let err = || Err(format!("{path}: {a:?} != {b:?}"));
        match (a.view(), b.view()) {
            (V::None, V::None) | (V::Null, V::Null) => Ok(()),
            (V::Bool(x), V::Bool(y)) if x == y => Ok(()),
            (V::Int(x), V::Int(y)) if x == y => Ok(()),
            (V::Float(x), V::Float(y)) if x.to_bits() == y.to_bits() => Ok(()),
            (V::Obj(x), V::Obj(y)) => match (&x.kind, &y.kind) {
                (ObjKind::Ellipsis, ObjKind::Ellipsis) => Ok(()),
                (ObjKind::Int(p), ObjKind::Int(q)) if p == q => Ok(()),
                (ObjKind::Complex(r1, i1), ObjKind::Complex(r2, i2))
                    if r1.to_bits() == r2.to_bits() && i1.to_bits() == i2.to_bits() =>
                {
                    Ok(())
                }
                (ObjKind::Str(p), ObjKind::Str(q)) if p.s == q.s && p.nchars == q.nchars => Ok(()),
                (ObjKind::Bytes(p), ObjKind::Bytes(q)) if p == q => Ok(()),
                (ObjKind::Tuple(p), ObjKind::Tuple(q)) if p.len() == q.len() => {
                    for (i, (x, y)) in p.iter().zip(q.iter()).enumerate() {
                        const_eq(x, y, &format!("{path}[{i}]"))?;
                    }
                    Ok(())
                }
                (ObjKind::Code(p), ObjKind::Code(q)) => code_eq(p, q, path),
                _ => err(),
            },
            _ => err(),
        }
    }

    /// Compares two code objects field by field (constants structurally).
    fn code_eq(a: &Code, b: &Code, path: &str) -> Result<(), String> {
        let path = format!("{path}/{}", a.qualname);
        macro_rules! field {
            ($f:ident) => {
                if a.$f != b.$f {
                    return Err(format!("{path}: {} differs: {:?} != {:?}", stringify!($f), a.$f, b.$f));
                }
            };
        }
        field!(name);
        field!(qualname);
        field!(filename);
        field!(first_line);
        field!(instrs);
        field!(spans);
        field!(varnames);
        field!(cellvars);
        field!(freevars);
        field!(cell_args);
        field!(argcount);
        field!(posonlyargcount);
        field!(kwonlyargcount);
        field!(flags);
        field!(docstring);
        if a.names.len() != b.names.len() {
            return Err(format!("{path}: names length differs"));
        }
        for (i, (x, y)) in a.names.iter().zip(&b.names).enumerate() {
            if crate::vm::str_of(x) != crate::vm::str_of(y) || crate::vm::str_of(y).is_none() {
                return Err(format!("{path}: names[{i}] differs"));
            }
        }
        if b.global_cache.len() != b.names.len() || b.global_cache.iter().any(|c| c.get().gver != 0) {
            return Err(format!("{path}: global_cache not fresh"));
        }
        if a.consts.len() != b.consts.len() {
            return Err(format!("{path}: consts length {} != {}", a.consts.len(), b.consts.len()));
        }
        for (i, (x, y)) in a.consts.iter().zip(&b.consts).enumerate() {
            const_eq(x, y, &format!("{path} const {i}"))?;
        }
        Ok(())
    }

    fn count_codes(c: &Code) -> usize {
        1 + c
            .consts
            .iter()
            .map(|v| match v.as_obj().map(|o| &o.kind) {
                Some(ObjKind::Code(c)) => count_codes(c),
                _ => 0,
            })
            .sum::<usize>()
    }

    const SAMPLES: &[&str] = &[
        "x = 1\n",
        "",
        r#""""Module docstring."""
import os, sys as system
from collections import OrderedDict as OD
CONSTS = (None, True, False, ..., 0, 140737488355327, 140737488355328, 123456789012345678901234567890,
          0.0, 1.5, 1e400, 1e308, 5e-324, 3j, 0j, 'str', '', 'ünïcødé ☃ 𝄞', b'bytes', b'\x00\xff',
          0xffffffffffffffffffffffffffffffffffffffff, 1e-400)
MORE = (-1, -0.0, -140737488355328, -140737488355329, -98765432109876543210987654321, (1, (2, ('deep',))),
        ((), ((),)), 1.5+2j, -0j, -1e400)
INF = 1e400
NEGINF = -1e400
BIG = 0xffffffffffffffffffffffffffffffffffffffff
NEG = -0xffffffffffffffffffffffffffffffffffffffff
E = ...
def outer(a, b=2, /, c=3, *args, d, e=5, **kw):
    """Outer docstring."""
    x = a + b
    def inner(y):
        nonlocal x
        x += y
        return lambda z: x + y + z
    return inner
class C(object, metaclass=type):
    """Class doc."""
    attr: int = 3
    def method(self, v):
        return super().method(v) + __class__.__name__
    @property
    def p(self):
        return [i * i for i in range(10) if i % 2]
    @staticmethod
    def s(*a, **k):
        yield from a
def gen_fn():
    x = yield 1
    return x
squares = {k: v for k, v in zip('abc', range(3))}
gen = (i for i in range(5))
sets = {x for x in 'hello'}
try:
    pass
except (ValueError, TypeError) as e:
    raise RuntimeError('x') from e
finally:
    del squares
with open(__file__) as f, open(__file__) as g:
    pass
match CONSTS:
    case (None, True, *rest):
        pass
    case {'k': 1, **rest}:
        pass
    case C(attr=3) | [1, 2]:
        pass
    case _:
        pass
f"{x!r:>{10}} {CONSTS[0]=}"
global_var = 1
def uses_global():
    global global_var
    global_var += 1
    assert global_var, 'msg'
    for i in range(3):
        while i:
            break
        else:
            continue
"#,
        "def f():\n    'only doc'\n",
        "def g(x):\n    return x\n\n\n\nclass K:\n    def __init__(self):\n        self.x = [1,\n   2,\n 3]\n",
    ];

    fn roundtrip(src: &str) {
        let mut interner = Interner::default();
        let code = compile(src, "<test>", Mode::Exec, &mut interner, 0).unwrap_or_else(|e| panic!("compile: {}", e.msg));
        let bytes = serialize(&code);
        assert!(!bytes.is_empty(), "serialize gave nothing for {src:?}");
        assert_eq!(&bytes[..4], MAGIC);
        // Same interner: names come back as the very same interned objects.
        let back = deserialize(&bytes, &mut interner).expect("deserialize");
        code_eq(&code, &back, "").unwrap();
        for (x, y) in code.names.iter().zip(&back.names) {
            assert!(x.is(y), "name not interned");
        }
        // A fresh interner: structurally equal, and re-serialising is byte-identical.
        let mut fresh = Interner::default();
        let back2 = deserialize(&bytes, &mut fresh).expect("deserialize (fresh interner)");
        code_eq(&code, &back2, "").unwrap();
        assert_eq!(serialize(&back2), bytes);
        let n = back2.names.first().cloned();
        if let Some(n) = n {
            assert!(fresh.intern(crate::vm::str_of(&n).unwrap()).is(&n), "names interned in the given interner");
        }
    }

    #[test]
    fn roundtrip_samples() {
        for s in SAMPLES {
            roundtrip(s);
        }
    }

    #[test]
    fn roundtrip_kitchen_sink_has_everything() {
        let mut interner = Interner::default();
        let code = compile(SAMPLES[2], "<test>", Mode::Exec, &mut interner, 0).unwrap();
        assert!(count_codes(&code) > 10);
        let back = deserialize(&serialize(&code), &mut interner).unwrap();
        let outer = back
            .consts
            .iter()
            .find_map(|v| match v.as_obj().map(|o| &o.kind) {
                Some(ObjKind::Code(c)) if c.name == "outer" => Some(c.clone()),
                _ => None,
            })
            .unwrap();
        assert_eq!(outer.docstring.as_deref(), Some("Outer docstring."));
        assert!(outer.flags.varargs && outer.flags.varkw);
        assert_eq!((outer.argcount, outer.posonlyargcount, outer.kwonlyargcount), (3, 2, 2));
        assert!(!outer.cellvars.is_empty());
        // Spot checks on the constants that are easy to get wrong.
        let find = |pred: &dyn Fn(&Value) -> bool| back.consts.iter().any(|v| pred(v));
        assert!(find(&|v| matches!(v.as_obj().map(|o| &o.kind), Some(ObjKind::Int(_)))));
        assert!(find(&|v| v.as_f64() == Some(f64::INFINITY)));
        assert!(find(&|v| v.as_f64() == Some(f64::NEG_INFINITY)));
        assert!(find(&|v| matches!(v.as_obj().map(|o| &o.kind), Some(ObjKind::Tuple(t)) if t.len() > 20)));
    }

    #[test]
    fn roundtrip_other_modes() {
        let mut interner = Interner::default();
        for (src, mode) in [("1 + 2j", Mode::Eval), ("x = 3\nx\n", Mode::Single), ("lambda: (yield)", Mode::Eval)] {
            let code = compile(src, "<m>", mode, &mut interner, 0).unwrap();
            let back = deserialize(&serialize(&code), &mut interner).unwrap();
            code_eq(&code, &back, "").unwrap();
        }
    }

    #[test]
    fn every_constant_kind_directly() {
        let mut interner = Interner::default();
        let mut code = Rc::try_unwrap(compile("pass", "<k>", Mode::Exec, &mut interner, 0).unwrap()).ok().unwrap();
        let inner = Rc::try_unwrap(compile("def f(): return 1", "<k>", Mode::Exec, &mut interner, 0).unwrap()).ok().unwrap();
        code.consts = vec![
            Value::NONE,
            Value::TRUE,
            Value::FALSE,
            crate::vm::ellipsis(),
            crate::vm::new_int(0),
            crate::vm::new_int(crate::value::SMALL_INT_MAX),
            crate::vm::new_int(crate::value::SMALL_INT_MIN),
            crate::vm::new_int(i64::MAX),
            crate::vm::new_int(i64::MIN),
            crate::vm::new_bigint(BigInt::from(1u8) << 300usize),
            crate::vm::new_bigint(-(BigInt::from(1u8) << 300usize)),
            Value::float(-0.0),
            Value::float(f64::NAN),
            Value::float(f64::INFINITY),
            Value::float(f64::MIN_POSITIVE),
            crate::vm::new_complex(-0.0, f64::NEG_INFINITY),
            interner.intern("s"),
            crate::vm::new_str("not interned"),
            crate::vm::new_bytes(vec![]),
            crate::vm::new_bytes((0..=255).collect()),
            crate::vm::new_tuple(vec![]),
            crate::vm::new_tuple(vec![crate::vm::new_tuple(vec![Value::NONE]), crate::vm::new_str("x")]),
            crate::vm::new_code(inner),
        ];
        let bytes = serialize(&code);
        let back = deserialize(&bytes, &mut interner).unwrap();
        code_eq(&code, &back, "").unwrap();
        // Big ints stay big, small stay small.
        assert!(back.consts[5].is_small_int() && back.consts[6].is_small_int());
        assert!(back.consts[7].is_obj() && back.consts[9].is_obj());
        // A non-constant kind (a list) is not serialisable.
        code.consts.push(crate::vm::new_list(vec![]));
        assert!(serialize(&code).is_empty());
        code.consts.pop();
        code.consts.push(Value::NULL);
        assert!(serialize(&code).is_empty());
    }

    #[test]
    fn too_deep_tuple_is_not_serialised() {
        let mut interner = Interner::default();
        let mut code = Rc::try_unwrap(compile("pass", "<k>", Mode::Exec, &mut interner, 0).unwrap()).ok().unwrap();
        let mut t = crate::vm::new_tuple(vec![Value::NONE]);
        for _ in 0..MAX_DEPTH + 5 {
            t = crate::vm::new_tuple(vec![t]);
        }
        code.consts.push(t);
        assert!(serialize(&code).is_empty());
    }

    fn sample_bytes() -> Vec<u8> {
        let mut interner = Interner::default();
        let code = compile(SAMPLES[2], "<test>", Mode::Exec, &mut interner, 0).unwrap();
        serialize(&code)
    }

    #[test]
    fn truncations_return_none() {
        let bytes = sample_bytes();
        let mut interner = Interner::default();
        for n in 0..bytes.len() {
            assert!(deserialize(&bytes[..n], &mut interner).is_none(), "prefix {n} of {} decoded", bytes.len());
        }
        // Trailing garbage is rejected too.
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(deserialize(&longer, &mut interner).is_none());
        assert!(deserialize(&bytes, &mut interner).is_some());
    }

    #[test]
    fn corruptions_do_not_panic() {
        let bytes = sample_bytes();
        let mut interner = Interner::default();
        let mut rng: u64 = 0x1234_5678_9abc_def0;
        let mut next = || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng
        };
        // Every byte set to a few interesting values, plus random multi-byte damage.
        for i in 0..bytes.len() {
            for v in [0u8, 0x7f, 0x80, 0xff, bytes[i] ^ 1] {
                let mut b = bytes.clone();
                b[i] = v;
                if let Some(c) = deserialize(&b, &mut interner) {
                    assert!(consistent(&c));
                }
            }
        }
        for _ in 0..3000 {
            let mut b = bytes.clone();
            for _ in 0..1 + next() % 8 {
                let i = (next() % b.len() as u64) as usize;
                b[i] = next() as u8;
            }
            let _ = deserialize(&b, &mut interner);
            let cut = (next() % b.len() as u64) as usize;
            let _ = deserialize(&b[cut..], &mut interner);
        }
        // Huge counts and over-long varints.
        let mut b = bytes[..16].to_vec();
        b.extend_from_slice(&[0xff; 12]);
        assert!(deserialize(&b, &mut interner).is_none());
        assert!(deserialize(b"", &mut interner).is_none());
        assert!(deserialize(b"RPYC", &mut interner).is_none());
    }

    #[test]
    fn wrong_header_rejected() {
        let bytes = sample_bytes();
        let mut interner = Interner::default();
        for i in 0..16 {
            let mut b = bytes.clone();
            b[i] ^= 0x10;
            assert!(deserialize(&b, &mut interner).is_none(), "header byte {i}");
        }
    }

    #[test]
    fn out_of_range_operands_rejected() {
        let mut interner = Interner::default();
        let mut code = Rc::try_unwrap(compile("x = 1\ny = x", "<k>", Mode::Exec, &mut interner, 0).unwrap()).ok().unwrap();
        assert!(deserialize(&serialize(&code), &mut interner).is_some());
        let i = code.instrs.iter().position(|i| matches!(i, Instr::LoadConst(_))).unwrap();
        code.instrs[i] = Instr::LoadConst(crate::bytecode::ConstIdx(code.consts.len() as u32));
        assert!(deserialize(&serialize(&code), &mut interner).is_none());
        code.instrs[i] = Instr::LoadName(crate::bytecode::NameIdx(99));
        assert!(deserialize(&serialize(&code), &mut interner).is_none());
        code.instrs[i] = Instr::Jump(crate::bytecode::Label(code.instrs.len() as u32));
        assert!(deserialize(&serialize(&code), &mut interner).is_none());
        code.instrs[i] = Instr::StoreFast(crate::bytecode::LocalIdx(0));
        assert!(deserialize(&serialize(&code), &mut interner).is_none());
    }

    fn temp_dir(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("rpy-cache-test-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn cache_path() {
        assert_eq!(cache_path_for(Path::new("/a/b/mod.py")), PathBuf::from("/a/b/__pycache__/mod.rpy-011.rpyc"));
        assert_eq!(cache_path_for(Path::new("pkg/__init__.py")), PathBuf::from("pkg/__pycache__/__init__.rpy-011.rpyc"));
        assert_eq!(cache_path_for(Path::new("m.py")), PathBuf::from("__pycache__/m.rpy-011.rpyc"));
    }

    #[test]
    fn header_depends_on_stamp() {
        let h = cache_header(123, 456);
        assert!(h.starts_with(FILE_MAGIC));
        assert_ne!(h, cache_header(124, 456));
        assert_ne!(h, cache_header(123, 457));
        assert_eq!(h, cache_header(123, 456));
    }

    #[test]
    fn write_then_read_and_staleness() {
        let dir = temp_dir("rw");
        let src = dir.join("mod.py");
        let text = "def f(a):\n    return a * 2\nX = f(21)\n";
        std::fs::write(&src, text).unwrap();
        let mut interner = Interner::default();
        let code = compile(text, src.to_str().unwrap(), Mode::Exec, &mut interner, 0).unwrap();
        let cpath = cache_path_for(&src);
        assert!(read_cached(&cpath, &src, &mut interner).is_none(), "no cache yet");
        write_cached(&cpath, &src, &code);
        assert!(cpath.exists());
        // No temp files left behind.
        let entries: Vec<_> = std::fs::read_dir(cpath.parent().unwrap()).unwrap().collect();
        assert_eq!(entries.len(), 1);
        let back = read_cached(&cpath, &src, &mut interner).expect("cache hit");
        code_eq(&code, &back, "").unwrap();

        // Corrupt payload (hash mismatch) -> miss.
        let good = std::fs::read(&cpath).unwrap();
        let mut bad = good.clone();
        let last = bad.len() - 1;
        bad[last] ^= 0x55;
        std::fs::write(&cpath, &bad).unwrap();
        assert!(read_cached(&cpath, &src, &mut interner).is_none());
        for n in [0, 10, good.len() / 2, good.len() - 1] {
            std::fs::write(&cpath, &good[..n]).unwrap();
            assert!(read_cached(&cpath, &src, &mut interner).is_none());
        }
        std::fs::write(&cpath, &good).unwrap();
        assert!(read_cached(&cpath, &src, &mut interner).is_some());

        // Source changed (size differs) -> stale.
        std::fs::write(&src, format!("{text}Y = 1\n")).unwrap();
        assert!(read_cached(&cpath, &src, &mut interner).is_none());
        // Source mtime differs with the same size -> stale.
        std::fs::write(&src, text).unwrap();
        let f = std::fs::File::options().write(true).open(&src).unwrap();
        f.set_modified(std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000)).unwrap();
        drop(f);
        assert!(read_cached(&cpath, &src, &mut interner).is_none());
        // Rewriting refreshes it.
        write_cached(&cpath, &src, &code);
        assert!(read_cached(&cpath, &src, &mut interner).is_some());
        // Missing source -> miss.
        assert!(read_cached(&cpath, &dir.join("nope.py"), &mut interner).is_none());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn write_errors_are_ignored() {
        let dir = temp_dir("err");
        let src = dir.join("m.py");
        std::fs::write(&src, "x = 1\n").unwrap();
        let mut interner = Interner::default();
        let code = compile("x = 1\n", "m.py", Mode::Exec, &mut interner, 0).unwrap();
        // The cache "directory" is a file: create_dir_all fails, nothing panics.
        let blocker = dir.join("__pycache__");
        std::fs::write(&blocker, "").unwrap();
        write_cached(&blocker.join("m.rpy-011.rpyc"), &src, &code);
        assert!(read_cached(&blocker.join("m.rpy-011.rpyc"), &src, &mut interner).is_none());
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// Every Python file in the repository that compiles must round-trip exactly (this also
    /// checks that `consistent` accepts all real compiler output).
    #[test]
    fn roundtrip_repository_python_files() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut stack = vec![root.join("tests"), root.join("benchmarks"), root.join("examples"), root.join("interpreter/tests")];
        let mut files = Vec::new();
        while let Some(d) = stack.pop() {
            let Ok(rd) = std::fs::read_dir(&d) else { continue };
            for e in rd.flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "py") {
                    files.push(p);
                }
            }
        }
        files.sort();
        let (mut ok, mut src_bytes, mut cache_bytes) = (0usize, 0usize, 0usize);
        let (mut t_compile, mut t_load) = (std::time::Duration::ZERO, std::time::Duration::ZERO);
        for f in &files {
            let Ok(text) = std::fs::read_to_string(f) else { continue };
            let mut interner = Interner::default();
            let t0 = std::time::Instant::now();
            let Ok(code) = compile(&text, &f.to_string_lossy(), Mode::Exec, &mut interner, 0) else { continue };
            t_compile += t0.elapsed();
            let bytes = serialize(&code);
            assert!(!bytes.is_empty(), "{}: not serialisable", f.display());
            let mut fresh = Interner::default();
            let t0 = std::time::Instant::now();
            let back = deserialize(&bytes, &mut fresh).unwrap_or_else(|| panic!("{}: deserialize failed", f.display()));
            t_load += t0.elapsed();
            if let Err(e) = code_eq(&code, &back, "") {
                panic!("{}: {e}", f.display());
            }
            ok += 1;
            src_bytes += text.len();
            cache_bytes += bytes.len();
        }
        eprintln!(
            "round-tripped {ok}/{} files: {src_bytes} source bytes -> {cache_bytes} cache bytes; compile {:?}, load {:?}",
            files.len(),
            t_compile,
            t_load
        );
    }

    #[test]
    fn compact() {
        let mut interner = Interner::default();
        let code = compile(SAMPLES[2], "<test>", Mode::Exec, &mut interner, 0).unwrap();
        let bytes = serialize(&code);
        fn ninstrs(c: &Code) -> usize {
            c.instrs.len()
                + c.consts
                    .iter()
                    .map(|v| match v.as_obj().map(|o| &o.kind) {
                        Some(ObjKind::Code(c)) => ninstrs(c),
                        _ => 0,
                    })
                    .sum::<usize>()
        }
        let n = ninstrs(&code);
        // In-memory: 8 bytes per instruction plus 16 per span; the cache should be far smaller.
        assert!(bytes.len() < n * 8, "{} bytes for {n} instructions", bytes.len());
    }
}
