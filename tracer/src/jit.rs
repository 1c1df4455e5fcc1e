//! The JIT driver: implements the interpreter's `JitHooks`. Per loop header it counts, records
//! (`recorder`), optimises (`opt`), compiles (`codegen`), and runs the compiled trace,
//! writing the exit snapshot back into the frame (entry and exit glue live here).
//!
//! Loop state is keyed by (code object, header pc); the entry keeps its code object alive, so
//! a key can never be reused by another code object at the same address.

use crate::codegen::{CompiledTrace, JitModule, JitOptions, Placement};
use crate::functions::{FnTrace, TreeExit, TreeTrace};
use crate::opt::licm::ENTRY_EXIT;
use crate::params::Params;
use crate::ir::{OpKind, Trace};
use crate::deopt;
use crate::recorder::{LOOP_ENDS, builtin_value, cell_value, dict_items_state, enumerate_count, global_value, with_header_iter, zip_iters, range_state, record, record_function, seq_state, Parent, Dest, ExitMap, Home, InnerExit, InnerLoop, LoopExits, Loops, Recorded, Start};
use rpy_interpreter::bytecode::opcodes::Instr;
use rpy_interpreter::bytecode::Code;
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::frame::Frame;
use rpy_interpreter::vm::{JitHooks, Vm};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Write;
use std::rc::Rc;

/// Countdown value meaning "call the hook on every back-edge" (a compiled loop).
const EVERY_TIME: u32 = 1;
/// Countdown for a loop left to the interpreter (4 billion back-edges before it is asked again).
const NEVER: u32 = u32::MAX;
/// Most traces per loop (the root and its side traces).
const MAX_TRACES: usize = 8;
/// Most trace-to-trace switches per back-edge; then the interpreter runs an iteration, so
/// traces that keep exiting into each other without finishing an iteration cannot spin.
const MAX_HOPS: u32 = 64;
/// Recordings of a loop that may start on its last iteration without counting as aborts.
const MAX_LATE_STARTS: u32 = 64;
/// Failed side-trace recordings from one exit before it stops trying.
const MAX_LINK_FAILURES: u32 = 2;
/// The abort once the machine code compiled reaches `Params::code_limit`: nothing more is
/// recorded, and what tried is left to the interpreter for good.
pub const CODE_FULL: &str = "machine code limit reached";
/// Entries of a `range` loop after which its traces are judged: fewer than
/// `MIN_ITERATIONS_PER_ENTRY` iterations per entry on average do not pay for the entry and
/// exit glue, and the loop goes back to the interpreter for good.
const JUDGE_AFTER_ENTRIES: u64 = 1000;
const MIN_ITERATIONS_PER_ENTRY: u64 = 4;

/// What an exit leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Link {
    /// Not linked yet: back to the interpreter.
    None,
    /// Switch to this trace of the same loop.
    Trace(usize),
    /// Side-trace recording from here failed this many times.
    Failed(u32),
}

struct Compiled {
    trace: CompiledTrace,
    /// The trace `trace` is compiled from (optimised; with the bridges linked into it).
    ir: Trace,
    /// Code this trace's replaced when bridges were linked into it: loops that call it may
    /// still call that code.
    old_code: Vec<CompiledTrace>,
    /// Slot `k` is filled from `homes[k]`.
    homes: Vec<Home>,
    /// How each exit is written into the frame; also the names `Home::Global` and
    /// `Home::Builtin` refer to, and whether the loop is over `enumerate(...)` (its iterator
    /// homes are then those of the wrapped iterator: `recorder::with_header_iter`).
    table: Rc<LoopExits>,
    /// Where it starts: the loop header, or the resume pc of the exit a bridge grew from.
    start: usize,
    /// Stack entries above the loop's base when it starts (bridges).
    stack_in: usize,
    /// A `for` loop over a range iterator.
    range_iter: bool,
    /// Has an effect on memory (list stores or appends): function traces may not call it
    /// (`recorder/nested.rs`).
    effects: bool,
    /// Has no effects beyond list stores and appends: loop traces may call it.
    chainable: bool,
    /// Objects the code refers to by identity, kept alive (so no other object can take
    /// their address while the trace exists).
    _keep: Vec<Value>,
    nfast: usize,
    interrupt_exit: u32,
    entries: u64,
    /// Iterations run, counted for `range` loops (from the iterator's remaining count).
    iterations: u64,
    /// Exits taken, and where each leads, per exit number.
    exits: Vec<u64>,
    links: Vec<Link>,
    /// The bits of the global and builtin homes, as last read (`bits[k]` for `homes[k]`),
    /// valid while the namespaces are those of `key`.
    names_cache: NamesCache,
}

/// The last values read of a trace's global and builtin homes, and the namespaces (identity and
/// stamp of the globals and of the builtins) they were read from: unchanged namespaces hold
/// the same values, alive, so trace entry reads them from here, not by name.
#[derive(Default)]
struct NamesCache {
    key: Option<[u64; 4]>,
    bits: Vec<u64>,
}

/// Identity and stamp of the frame's globals and builtins (`None` when either is no dict or
/// is being changed).
fn namespaces_key(f: &Frame) -> Option<[u64; 4]> {
    let stamp = |ns: &Value| Some(rpy_interpreter::vm::dict_of(ns)?.try_borrow().ok()?.stamp);
    Some([f.globals.bits(), stamp(&f.globals)?, f.builtins.bits(), stamp(&f.builtins)?])
}

enum State {
    Counting,
    /// The root trace first, then side traces recorded from hot exits.
    Compiled(Vec<Compiled>),
    Blacklisted,
}

struct Loop {
    code: Rc<Code>,
    header: usize,
    /// Value stack depth at the header (set when the loop is first recorded).
    base: usize,
    aborts: u32,
    /// Recordings that started on the loop's last iteration (`LOOP_ENDS`).
    late_starts: u32,
    state: State,
}

#[derive(Default)]
struct Stats {
    recorded: u64,
    aborted: u64,
    compiled: u64,
    side_traces: u64,
    functions: u64,
    compile_errors: u64,
    blacklisted: u64,
    entries: u64,
    switches: u64,
    code_bytes: usize,
}

/// Hashes loop keys (a code object's address and a pc) with a multiply per word: the map is
/// probed on every entry of a compiled loop, where SipHash stood out in profiles.
#[derive(Default)]
struct LoopKeyHasher(u64);

impl Hasher for LoopKeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type LoopMap = HashMap<(usize, usize), Loop, BuildHasherDefault<LoopKeyHasher>>;

/// A function seen by `on_hot_call`.
struct FnState {
    code: Rc<Code>,
    aborts: u32,
    /// Its tree once compiled (never freed: see `functions`).
    tree: Option<&'static FnTrace>,
}

pub struct Jit {
    params: Params,
    fns: HashMap<usize, FnState, BuildHasherDefault<LoopKeyHasher>>,
    log: Option<Box<dyn Write>>,
    module: Option<JitModule>,
    module_failed: bool,
    loops: LoopMap,
    slots: Vec<u64>,
    /// Traces of loops given back to the interpreter: kept, since traces that call a loop
    /// (`call_loop`) hold its code's address.
    retired: Vec<Compiled>,
    /// Reused buffer for the values an exit writes back.
    vals: Vec<(Dest, Value)>,
    exitbuf: Vec<u64>,
    stats: Stats,
}

impl Jit {
    pub fn new(params: Params, log: Option<Box<dyn Write>>) -> Jit {
        Jit { params, fns: HashMap::default(), log, module: None, module_failed: false, loops: LoopMap::default(), slots: Vec::new(), retired: Vec::new(), vals: Vec::new(), exitbuf: Vec::new(), stats: Stats::default() }
    }

    /// A JIT configured from `RPY_JIT_PARAMS` and `RPY_JIT_LOG`; a bad setting is reported
    /// on stderr and the defaults are used.
    pub fn from_env() -> Jit {
        let params = match std::env::var("RPY_JIT_PARAMS") {
            Ok(s) => Params::parse(&s).unwrap_or_else(|e| {
                eprintln!("rpy: ignoring RPY_JIT_PARAMS: {e}");
                Params::default()
            }),
            Err(_) => Params::default(),
        };
        let log: Option<Box<dyn Write>> = match std::env::var("RPY_JIT_LOG").ok().as_deref() {
            None | Some("") => None,
            Some("-") | Some("stderr") => Some(Box::new(std::io::stderr())),
            Some(path) => match std::fs::File::create(path) {
                Ok(f) => Some(Box::new(std::io::BufWriter::new(f))),
                Err(e) => {
                    eprintln!("rpy: cannot open RPY_JIT_LOG file {path}: {e}");
                    None
                }
            },
        };
        Jit::new(params, log)
    }

    fn log(&mut self, s: std::fmt::Arguments) {
        if let Some(l) = &mut self.log {
            let _ = writeln!(l, "{s}");
        }
    }

    fn module(&mut self) -> Option<&mut JitModule> {
        if self.module.is_none() && !self.module_failed {
            let keep_clif = self.log.is_some() && std::env::var_os("RPY_JIT_LOG_CLIF").is_some();
            let opts = JitOptions { interrupt_flag: rpy_interpreter::signals::interrupt_flag_addr(), keep_clif, ..JitOptions::default() };
            match JitModule::with_options(opts) {
                Ok(m) => self.module = Some(m),
                Err(e) => {
                    self.module_failed = true;
                    self.log(format_args!("jit unavailable: {e}"));
                }
            }
        }
        self.module.as_mut()
    }

    /// Verifies, optimises and compiles a recorded trace placed at `place`, logging each step
    /// under the name `what`.
    /// A loop trace's exit maps (`exits`) change where it carries an instance as its
    /// attributes (`carried.rs`).
    fn compile_recorded(&mut self, rec: &Recorded, exits: Option<&mut Vec<ExitMap>>, what: &str, place: Placement) -> Result<(CompiledTrace, Trace), String> {
        self.stats.recorded += 1;
        crate::ir::text::verify(&rec.trace).map_err(|e| format!("recorder produced an invalid trace: {e}"))?;
        let mut opt = crate::opt::optimize(&rec.trace);
        if let Some((carried, maps)) = exits.as_deref().and_then(|maps| crate::carried::run(&opt, maps)) {
            crate::ir::text::verify(&carried).map_err(|e| format!("carried instances made an invalid trace: {e}"))?;
            opt = crate::opt::dce::run(&crate::opt::fold::run(&carried));
            let made = maps.iter().filter(|m| !m.virtuals.is_empty()).count();
            self.log(format_args!("carried instances in {what}: {made} exits make them"));
            if let Some(exits) = exits {
                *exits = maps;
            }
        }
        if self.log.is_some() {
            let text = crate::ir::text::print(&opt);
            self.log(format_args!("recorded {what}: {} instructions, {} ops, {} after optimisation\n{text}", rec.length, rec.trace.ops.len(), opt.ops.len()));
        }
        let module = self.module().ok_or("no code generator")?;
        let trace = module.compile_placed(&opt, place).map_err(|e| {
            self.stats.compile_errors += 1;
            format!("compile: {e}")
        })?;
        self.stats.compiled += 1;
        self.stats.code_bytes += trace.code_size();
        self.log(format_args!("compiled {what}: {} bytes of machine code", trace.code_size()));
        if let Some(clif) = trace.clif() {
            let clif = clif.to_string();
            self.log(format_args!("{clif}"));
        }
        Ok((trace, opt))
    }

    /// `Err(CODE_FULL)` once the machine code compiled so far reaches `Params::code_limit`.
    fn code_room(&self) -> Result<(), String> {
        match self.stats.code_bytes >= self.params.code_limit {
            true => Err(CODE_FULL.into()),
            false => Ok(()),
        }
    }

    /// Records, optimises and compiles a loop trace (`start.pc == start.header`) or a bridge
    /// from the frame's current state; on success the frame is back at the header, one
    /// iteration later.
    fn try_compile(&mut self, vm: &mut Vm, f: &mut Frame, start: Start, what: &str) -> Result<Compiled, String> {
        let code = f.code.clone();
        let header = start.header;
        let where_ = loop_name(&code, header);
        self.code_room()?;
        self.log(format_args!("record {what} {where_}"));
        let limit = self.params.trace_limit;
        let mut rec = record(vm, f, &code, start, limit, self)?;
        // The recorder left the frame at the back-edge: resume at the header.
        f.pc = header;
        let mut maps = std::mem::take(&mut rec.exits);
        let (trace, ir) = self.compile_recorded(&rec, Some(&mut maps), &format!("{what} {where_}"), Placement::default())?;
        let nexits = maps.len();
        let (types, refs) = exit_types(&trace, nexits);
        let enumerate = rec.homes.contains(&Home::IterCount);
        let table = Rc::new(LoopExits { maps, types, refs, names: rec.names, enumerate, inner: rec.inner, chain_off: trace.chain_offset() });
        Ok(Compiled {
            trace,
            ir,
            old_code: Vec::new(),
            range_iter: rec.homes.contains(&Home::IterRemaining) && !rec.homes.contains(&Home::IterCount),
            effects: has_effects(&rec.trace),
            chainable: chainable(&rec.trace),
            homes: rec.homes,
            table,
            _keep: rec.keep,
            start: rec.start,
            stack_in: rec.stack_in,
            nfast: rec.nfast,
            interrupt_exit: rec.interrupt_exit,
            entries: 0,
            iterations: 0,
            exits: vec![0; nexits],
            links: vec![Link::None; nexits],
            names_cache: NamesCache::default(),
        })
    }

    /// Runs one compiled trace from its start and writes the exit's snapshot back into the
    /// frame; `None` when the frame does not fit the trace (it was not entered).
    // Inlined into both callers (`run_loop`, `run_inner`): out of line, its exit loop's drops
    // and int conversions were no longer inlined (3% more instructions on euler39).
    #[inline(always)]
    fn run_trace(&mut self, c: &mut Compiled, f: &mut Frame, base: usize) -> Option<(u32, bool)> {
        if f.fast.len() != c.nfast || f.stack.len() != base + c.stack_in || f.pc != c.start {
            return None;
        }
        self.slots.clear();
        let names = &c.table.names;
        let key = if names.is_empty() { None } else { namespaces_key(f) };
        let names_cached = key.is_some() && key == c.names_cache.key;
        if !names_cached && !names.is_empty() {
            c.names_cache.key = None;
            c.names_cache.bits.clear();
            c.names_cache.bits.resize(c.homes.len(), 0);
        }
        // The header iterator's state, read once for all the homes that take a part of it.
        let (mut range, mut seq, mut dict) = (None, None, None);
        for (k, home) in c.homes.iter().enumerate() {
            let bits = match *home {
                Home::Fast(i) => f.fast.get(i as usize)?.bits(),
                Home::Builtin(_) | Home::Global(_) if names_cached => c.names_cache.bits[k],
                Home::Builtin(n) => {
                    // Only while no global hides it (nothing in a trace creates globals).
                    let name = names.get(n as usize)?;
                    if global_value(f, name).is_some() {
                        return None;
                    }
                    let bits = builtin_value(f, name)?.bits();
                    c.names_cache.bits[k] = bits;
                    bits
                }
                Home::Global(n) => {
                    // The dict keeps the value alive; only its bits go into the slot.
                    let bits = global_value(f, names.get(n as usize)?)?.bits();
                    c.names_cache.bits[k] = bits;
                    bits
                }
                Home::IterCur | Home::IterStep | Home::IterRemaining => {
                    if range.is_none() {
                        range = with_header_iter(&f.stack, base, c.table.enumerate, range_state);
                    }
                    let (cur, step, remaining) = range?;
                    let x = match *home {
                        Home::IterCur => cur,
                        Home::IterStep => step,
                        _ => remaining,
                    };
                    Value::small_int(x)?.bits()
                }
                Home::IterSeq | Home::IterIdx => {
                    if seq.is_none() {
                        // The iterator keeps the list alive; only its bits go into the slot.
                        seq = with_header_iter(&f.stack, base, c.table.enumerate, seq_state).map(|(s, i)| (s.bits(), i));
                    }
                    let (seq, idx) = seq?;
                    if *home == Home::IterSeq { seq } else { Value::small_int(idx)?.bits() }
                }
                Home::IterDict | Home::IterDictIdx | Home::IterDictLen => {
                    if dict.is_none() {
                        // The iterator keeps the dict alive; only its bits go into the slot.
                        dict = f.stack.get(base.checked_sub(1)?).and_then(dict_items_state).map(|(d, i, n)| (d.bits(), i, n));
                    }
                    let (dict, idx, len) = dict?;
                    match *home {
                        Home::IterDict => dict,
                        Home::IterDictIdx => Value::small_int(idx)?.bits(),
                        _ => Value::small_int(len)?.bits(),
                    }
                }
                Home::IterCount => Value::small_int(enumerate_count(f.stack.get(base.checked_sub(1)?)?)?)?.bits(),
                Home::ZipArity => Value::small_int(zip_iters(f.stack.get(base.checked_sub(1)?)?)?.len() as i64)?.bits(),
                Home::ZipSeq(k) | Home::ZipIdx(k) => {
                    // The zip keeps its iterators, and they their sequences, alive.
                    let it = zip_iters(f.stack.get(base.checked_sub(1)?)?)?.into_iter().nth(k as usize)?;
                    let (seq, idx) = seq_state(&it)?;
                    if matches!(home, Home::ZipSeq(_)) { seq.bits() } else { Value::small_int(idx)?.bits() }
                }
                // The cell keeps its contents alive; only the bits go into the slot.
                Home::Cell(i) => cell_value(f, i as usize)?.bits(),
                Home::Stack(k) => f.stack.get(base + k as usize)?.bits(),
                Home::Under(d) => f.stack.get(base.checked_sub(d as usize)?)?.bits(),
            };
            self.slots.push(bits);
        }
        if self.slots.len() < c.trace.slots_len() {
            return None;
        }
        if !names_cached {
            c.names_cache.key = key;
        }
        if self.exitbuf.len() < c.trace.exitbuf_len() {
            self.exitbuf.resize(c.trace.exitbuf_len(), 0);
        }
        c.entries += 1;
        self.stats.entries += 1;
        let n = c.trace.run(&mut self.slots, &mut self.exitbuf);
        if let Some(k) = c.exits.get_mut(n as usize) {
            *k += 1;
        }
        if n == ENTRY_EXIT {
            return Some((n, false));
        }
        let map = deopt::write_exit(&c.table, f, base, n, &self.exitbuf, &mut self.vals)?;
        if !c.table.inner.is_empty() {
            if let Some(chain) = map.chain {
                deopt::write_chained(chain, &c.table, f, &self.exitbuf, &mut self.vals)?;
            }
        }
        Some((n, map.end))
    }

    /// Runs the loop's traces from the header: the root first, then the bridges that hot
    /// exits link to, recording a bridge from an exit once it is hot. Returns with the frame
    /// where the interpreter goes on.
    fn run_loop(&mut self, vm: &mut Vm, traces: &mut Vec<Compiled>, f: &mut Frame, header: usize, base: usize) {
        // Unconditional: a trace grown during the run may replace values too.
        let mark = crate::runtime::deferred_mark();
        self.run_traces(vm, traces, f, header, base);
        // The frame owns the values of the last exit now: what the traces replaced may go.
        crate::runtime::release_deferred(mark);
    }

    /// `run_loop` itself.
    fn run_traces(&mut self, vm: &mut Vm, traces: &mut Vec<Compiled>, f: &mut Frame, header: usize, base: usize) {
        // When most entries fail the root's entry guards (a variable that holds an int on
        // entry and a float after the first iteration), they start in the entry bridge; one
        // it rejects goes to the root.
        let (mut i, mut bridge_first) = match entry_bridge(&traces[0]) {
            Some(j) => (j, true),
            None => (0, false),
        };
        for _ in 0..MAX_HOPS {
            let ran = self.run_trace(&mut traces[i], f, base);
            if std::mem::take(&mut bridge_first) && matches!(ran, None | Some((ENTRY_EXIT, _))) {
                i = 0;
                continue;
            }
            let Some((n, end)) = ran else { return };
            if n == ENTRY_EXIT && i == 0 {
                // The loop trace's entry guards reject the frame (a variable that holds an
                // int on entry and a float after the first iteration): an entry bridge
                // runs that iteration, then the loop trace goes on.
                if let Link::Trace(j) = traces[0].links[0] {
                    i = j;
                    continue;
                }
                let what = || "entry bridge of".to_string();
                match self.grow(vm, traces, 0, 0, f, Start { header, pc: header, base, bridge: true, blocks: f.blocks.len() }, &what) {
                    Grown::Linked(_) => continue,
                    Grown::Cold | Grown::Aborted => return,
                }
            }
            if n == ENTRY_EXIT || n == traces[i].interrupt_exit {
                return;
            }
            let n = n as usize;
            if !traces[i].table.inner.is_empty() && traces[i].table.maps[n].chain.is_some() {
                // The frame is where a called loop's trace left it, inside that loop: the
                // interpreter goes on there (and enters that loop's traces at its next
                // back-edge).
                return;
            }
            if let Link::Trace(j) = traces[i].links[n] {
                self.stats.switches += 1;
                i = j;
                continue;
            }
            if end {
                // A bridge completed the iteration. The next one runs in the root, until this
                // end is hot: then in a loop trace recorded from here (the loop's other
                // common path).
                self.stats.switches += 1;
                let what = || format!("loop trace after bridge {i} of");
                match self.grow(vm, traces, i, n, f, Start { header, pc: header, base, bridge: false, blocks: f.blocks.len() }, &what) {
                    Grown::Linked(j) => {
                        let what = || format!("loop trace after bridge {i} of {}", loop_name(&f.code, header));
                        self.fuse_after_bridge(traces, i, j, &what);
                        i = j
                    }
                    Grown::Cold => i = 0,
                    Grown::Aborted => return,
                }
            } else {
                if f.pc == header {
                    // Leaving at the header (the loop ends, or the header test changed).
                    return;
                }
                let what = || format!("bridge from exit {n} of trace {i} of");
                let blocks = f.blocks.len().saturating_sub(traces[i].table.maps[n].blocks.len());
                match self.grow(vm, traces, i, n, f, Start { header, pc: f.pc, base, bridge: true, blocks }, &what) {
                    // The recording finished the iteration: back to the root.
                    Grown::Linked(j) => {
                        if i == 0 {
                            let what = || format!("bridge from exit {n} of trace 0 of {}", loop_name(&f.code, header));
                            self.link_bridge(traces, n, j, &what);
                        }
                        i = 0
                    }
                    Grown::Cold | Grown::Aborted => return,
                }
            }
        }
    }

    /// Links bridge `j`, grown from exit `n` of the root, into the root's code (`link.rs`),
    /// when it can be.
    fn link_bridge(&mut self, traces: &mut [Compiled], n: usize, j: usize, what: &dyn Fn() -> String) {
        if self.code_room().is_err() {
            return;
        }
        let (root, bridge) = (&traces[0], &traces[j]);
        // The globals the bridge reads, numbered as the loop's names.
        let mut names = root.table.names.clone();
        let mut renamed = |g: u32| -> Option<u32> {
            let name = bridge.table.names.get(g as usize)?;
            Some(match names.iter().position(|x| x.is(name)) {
                Some(k) => k as u32,
                None => {
                    names.push(name.clone());
                    (names.len() - 1) as u32
                }
            })
        };
        let bridge_homes: Option<Vec<Home>> = bridge.homes.iter().map(|&h| match h {
            Home::Global(g) => renamed(g).map(Home::Global),
            Home::Builtin(g) => renamed(g).map(Home::Builtin),
            h => Some(h),
        }).collect();
        let Some(bridge_homes) = bridge_homes else { return };
        let fused = crate::link::fuse(
            crate::link::Part { trace: &root.ir, homes: &root.homes, maps: &root.table.maps },
            root.interrupt_exit,
            crate::link::Part { trace: &bridge.ir, homes: &bridge_homes, maps: &bridge.table.maps },
            n as u32,
        );
        let (ir, maps, homes) = match fused {
            Ok(f) => f,
            Err(why) => {
                self.log(format_args!("not linked: {} {why}", what()));
                return;
            }
        };
        let Some(module) = self.module() else { return };
        let code = match module.compile_placed(&ir, Placement::default()) {
            Ok(c) => c,
            Err(e) => {
                self.stats.compile_errors += 1;
                self.log(format_args!("not linked: {} compile: {e}", what()));
                return;
            }
        };
        self.stats.code_bytes += code.code_size();
        self.log(format_args!("linked {} into trace 0: {} bytes of machine code", what(), code.code_size()));
        let nexits = maps.len();
        let (types, refs) = exit_types(&code, nexits);
        let root = &mut traces[0];
        let old = &root.table;
        let table = LoopExits { maps, types, refs, names, enumerate: old.enumerate, inner: old.inner.clone(), chain_off: code.chain_offset() };
        root.table = Rc::new(table);
        root.old_code.push(std::mem::replace(&mut root.trace, code));
        root.ir = ir;
        if root.homes != homes {
            root.homes = homes;
            root.names_cache = NamesCache::default();
        }
        root.exits.resize(nexits, 0);
        root.links.resize(nexits, Link::None);
    }

    /// Compiles bridge `i` again with loop trace `j`, recorded from its end, after it
    /// (`peel.rs`), when it can be.
    fn fuse_after_bridge(&mut self, traces: &mut [Compiled], i: usize, j: usize, what: &dyn Fn() -> String) {
        if self.code_room().is_err() || i == 0 {
            return;
        }
        fn part(c: &Compiled) -> crate::peel::Part<'_> {
            crate::peel::Part { trace: &c.ir, homes: &c.homes, maps: &c.table.maps, names: &c.table.names, interrupt_exit: c.interrupt_exit, inner: &c.table.inner }
        }
        let fused = match crate::peel::fuse(part(&traces[i]), part(&traces[j])) {
            Ok(f) => f,
            Err(why) => {
                self.log(format_args!("not fused: {} {why}", what()));
                return;
            }
        };
        let Some(module) = self.module() else { return };
        let code = match module.compile_placed(&fused.trace, Placement::default()) {
            Ok(c) => c,
            Err(e) => {
                self.stats.compile_errors += 1;
                self.log(format_args!("not fused: {} compile: {e}", what()));
                return;
            }
        };
        self.stats.code_bytes += code.code_size();
        self.log(format_args!("fused {} into trace {i}: {} bytes of machine code", what(), code.code_size()));
        let nexits = fused.maps.len();
        let (types, refs) = exit_types(&code, nexits);
        let keep = traces[j]._keep.clone();
        let b = &mut traces[i];
        let table = LoopExits { maps: fused.maps, types, refs, names: fused.names, enumerate: b.table.enumerate, inner: fused.inner, chain_off: code.chain_offset() };
        b.table = Rc::new(table);
        b.old_code.push(std::mem::replace(&mut b.trace, code));
        b.ir = fused.trace;
        b.homes = fused.homes;
        b.interrupt_exit = fused.interrupt_exit;
        b._keep.extend(keep);
        b.names_cache = NamesCache::default();
        b.effects = has_effects(&b.ir);
        b.chainable = chainable(&b.ir);
        b.exits.resize(nexits, 0);
        b.links.resize(nexits, Link::None);
    }

    /// Exit `n` of trace `i` is not linked: once it is hot, records the trace it leads to
    /// (from `start`, with the frame where the exit left it) and links it.
    #[allow(clippy::too_many_arguments)]
    fn grow(&mut self, vm: &mut Vm, traces: &mut Vec<Compiled>, i: usize, n: usize, f: &mut Frame, start: Start, what: &dyn Fn() -> String) -> Grown {
        let failures = match traces[i].links[n] {
            Link::Failed(k) => k,
            _ => 0,
        };
        let hot = traces[i].exits[n] >= self.params.bridge as u64;
        if !hot || failures >= MAX_LINK_FAILURES || traces.len() >= MAX_TRACES {
            return Grown::Cold;
        }
        // Named only here: exits that stay cold (most of them) format nothing.
        let what = what();
        match self.try_compile(vm, f, start, &what) {
            Ok(c) => {
                self.stats.side_traces += 1;
                traces.push(c);
                let j = traces.len() - 1;
                traces[i].links[n] = Link::Trace(j);
                Grown::Linked(j)
            }
            Err(reason) => {
                self.stats.aborted += 1;
                traces[i].links[n] = Link::Failed(if reason == CODE_FULL { MAX_LINK_FAILURES } else { failures + 1 });
                self.log(format_args!("abort {what} {}: {reason}", loop_name(&f.code, start.header)));
                Grown::Aborted
            }
        }
    }

    /// Runs a compiled loop from its header and puts its traces back, or blacklists it when
    /// its entries run too few iterations to pay.
    fn run_compiled(&mut self, vm: &mut Vm, f: &mut Frame, code: &Rc<Code>, header: usize, base: usize, mut traces: Vec<Compiled>) {
        let key = (Rc::as_ptr(code) as usize, header);
        let heat = &code.loop_heat[header];
        let remaining = |f: &Frame| base.checked_sub(1).and_then(|b| f.stack.get(b)).and_then(range_state).map_or(0, |s| s.2);
        let before = remaining(f);
        self.run_loop(vm, &mut traces, f, header, base);
        if traces[0].range_iter {
            traces[0].iterations += before.saturating_sub(remaining(f)) as u64;
        }
        let root = &traces[0];
        let unprofitable = root.range_iter && root.entries == JUDGE_AFTER_ENTRIES && {
            root.iterations < MIN_ITERATIONS_PER_ENTRY * root.entries
        };
        if unprofitable {
            self.stats.blacklisted += 1;
            let where_ = loop_name(code, header);
            self.log(format_args!("blacklist {where_}: fewer than {MIN_ITERATIONS_PER_ENTRY} iterations per entry"));
            if let Some(lp) = self.loops.get_mut(&key) {
                lp.state = State::Blacklisted;
            }
            self.retired.append(&mut traces);
            heat.set(NEVER);
            return;
        }
        if let Some(lp) = self.loops.get_mut(&key) {
            lp.state = State::Compiled(traces);
        }
        heat.set(EVERY_TIME);
    }
}

/// Function traces (see `functions`).
impl Jit {
    /// Compiles a recorded function trace for a tree whose exit numbers so far end at
    /// `exit_offset`, with a link word per exit; the types of each exit's snapshot values.
    fn compile_function(&mut self, rec: &Recorded, what: &str, exit_offset: u32) -> Result<(TreeTrace, Vec<Vec<crate::ir::Ty>>), String> {
        let links: Box<[std::cell::Cell<usize>]> = (0..rec.exits.len()).map(|_| std::cell::Cell::new(0)).collect();
        let place = Placement { function: true, exit_offset, links: links.as_ptr() as usize };
        let (compiled, _) = self.compile_recorded(rec, None, what, place)?;
        let (types, _) = exit_types(&compiled, rec.exits.len());
        Ok((TreeTrace { compiled, links, _keep: rec.keep.clone() }, types))
    }

    /// Records and compiles the root trace of the function `f` is a call of (at pc 0).
    fn function_tree(&mut self, vm: &mut Vm, f: &mut Frame) -> Result<&'static FnTrace, String> {
        let code = f.code.clone();
        let what = format!("function {}", fn_name(&code));
        self.code_room()?;
        self.log(format_args!("record {what}"));
        let limit = self.params.trace_limit;
        let rec = record_function(vm, f, &code, None, limit, self)?;
        let (root, types) = self.compile_function(&rec, &what, 0)?;
        let exits = rec.exits.into_iter().zip(types).enumerate().map(|(n, (map, types))| TreeExit { map, types, trace: 0, local: n as u32, taken: Default::default(), failures: Default::default() }).collect();
        // SAFETY: the root was compiled with the function-trace signature.
        let entry = unsafe { root.compiled.entry() } as usize;
        let tree: &'static FnTrace = Box::leak(Box::new(FnTrace { code: code.clone(), traces: std::cell::RefCell::new(vec![root]), exits: std::cell::RefCell::new(exits), bridge_after: self.params.bridge as u64, releases: std::cell::Cell::new(may_release(&rec.trace)) }));
        code.jit_fn.entry.set(entry);
        code.jit_fn.trace.set(tree as *const FnTrace as usize);
        self.stats.functions += 1;
        Ok(tree)
    }

    /// Exit `exit` of `tree` is hot and `f` is in the state it left: records a side trace
    /// from there to the function's return and links the exit to it. The frame is left
    /// where the interpreter goes on.
    pub(crate) fn grow_function(&mut self, vm: &mut Vm, tree: &FnTrace, f: &mut Frame, exit: u32) {
        let what = format!("side trace from exit {exit} of function {}", fn_name(&tree.code));
        if self.code_room().is_err() {
            // Never again from this exit.
            if let Some(e) = tree.exits.borrow().get(exit as usize) {
                e.failures.set(u32::MAX);
            }
            return;
        }
        self.log(format_args!("record {what}"));
        let parent = match tree.exits.borrow().get(exit as usize) {
            Some(e) => (e.map.clone(), e.types.clone(), e.trace, e.local),
            None => return,
        };
        let offset = tree.exits.borrow().len() as u32;
        let code = tree.code.clone();
        let limit = self.params.trace_limit;
        let result = record_function(vm, f, &code, Some(Parent { map: &parent.0, types: &parent.1 }), limit, self).and_then(|rec| {
            let (t, types) = self.compile_function(&rec, &what, offset)?;
            Ok((rec, t, types))
        });
        match result {
            Ok((rec, t, types)) => {
                self.stats.side_traces += 1;
                if may_release(&rec.trace) {
                    tree.releases.set(true);
                }
                // SAFETY: compiled with the function-trace signature.
                let entry = unsafe { t.compiled.entry() } as usize;
                let mut traces = tree.traces.borrow_mut();
                let index = traces.len();
                let mut exits = tree.exits.borrow_mut();
                for (n, (map, types)) in rec.exits.into_iter().zip(types).enumerate() {
                    // Its exit 0 (an input guard failed) leaves the parent exit's state.
                    let (map, types) = if n == 0 { (parent.0.clone(), parent.1.clone()) } else { (map, types) };
                    exits.push(TreeExit { map, types, trace: index, local: n as u32, taken: Default::default(), failures: Default::default() });
                }
                traces.push(t);
                if let Some(l) = traces.get(parent.2).and_then(|p| p.links.get(parent.3 as usize)) {
                    l.set(entry);
                }
            }
            Err(reason) => {
                self.stats.aborted += 1;
                if let Some(e) = tree.exits.borrow().get(exit as usize) {
                    e.failures.set(e.failures.get() + 1);
                }
                self.log(format_args!("abort {what}: {reason}"));
            }
        }
    }
}

/// Compiled loops that traces call (`recorder/nested.rs`).
impl Loops for Jit {
    fn find_inner(&mut self, f: &Frame) -> Result<InnerLoop, String> {
        let key = (Rc::as_ptr(&f.code) as usize, f.pc);
        let lp = self.loops.get(&key).ok_or("inner loop not compiled yet")?;
        let root = match &lp.state {
            State::Compiled(traces) if !traces.is_empty() => &traces[called_trace(traces)],
            State::Compiled(_) => return Err("inner loop without traces".into()),
            State::Counting => return Err("inner loop not compiled yet".into()),
            State::Blacklisted => return Err("inner loop left to the interpreter".into()),
        };
        if f.stack.len() != lp.base || root.start != f.pc || root.stack_in != 0 || root.nfast != f.fast.len() {
            return Err("inner loop whose trace does not fit the frame".into());
        }
        let seq_iter = (root.homes.contains(&Home::IterSeq) || root.homes.contains(&Home::IterDict)) && !root.table.enumerate;
        let range_iter = root.homes.contains(&Home::IterRemaining) && !root.homes.contains(&Home::IterCount);
        let variables = root.homes.iter().all(|h| matches!(h, Home::Fast(_) | Home::Global(_) | Home::Builtin(_) | Home::Cell(_)));
        if !range_iter && !seq_iter && !variables {
            return Err("inner loop over something other than a range, a list, a tuple or dict items".into());
        }
        if root.trace.exitbuf_len() > crate::codegen::MAX_CALLED_EXITBUF || root.trace.slots_len() > root.homes.len() {
            return Err("inner loop with too many values".into());
        }
        // SAFETY: a loop trace's code, never freed while the JIT module lives (and its
        // `Compiled` is kept: see `retired`).
        let entry = unsafe { root.trace.entry() } as usize;
        Ok(InnerLoop { entry, exitbuf_len: root.trace.exitbuf_len(), homes: root.homes.clone(), names: root.table.names.clone(), keep: root._keep.clone(), effects: root.effects, chainable: root.chainable, exits: root.table.clone(), iterates: range_iter || seq_iter })
    }

    fn run_inner(&mut self, f: &mut Frame) -> Result<InnerExit, String> {
        let header = f.pc;
        let key = (Rc::as_ptr(&f.code) as usize, header);
        let lp = self.loops.get_mut(&key).ok_or("inner loop not compiled yet")?;
        let base = lp.base;
        if !matches!(lp.state, State::Compiled(_)) {
            return Err("inner loop not compiled yet".into());
        }
        let State::Compiled(mut traces) = std::mem::replace(&mut lp.state, State::Counting) else {
            return Err("inner loop not compiled yet".into());
        };
        let called = called_trace(&traces);
        let ran = self.run_trace(&mut traces[called], f, base);
        let root = &traces[called];
        let result = match ran {
            None => Err("inner loop whose trace does not fit the frame".to_string()),
            Some((n, _)) if n == ENTRY_EXIT || n == root.interrupt_exit => Err("inner loop's trace did not run to the loop's end".to_string()),
            Some((n, _)) => {
                let exhausted = |it: &Value| match range_state(it) {
                    Some(s) => s.2 == 0,
                    None => seq_state(it).is_some_and(|(seq, i)| crate::recorder::seq_len(&seq).is_some_and(|n| i as usize >= n)) || crate::recorder::dict_items_left(it) == Some(0),
                };
                // A `for` loop ends at its header with its iterator exhausted, a `while` loop
                // outside its body (after its condition's branch, taken here).
                let for_loop = root.homes.iter().any(|h| matches!(h, Home::IterRemaining | Home::IterSeq | Home::IterDict));
                let branched = !for_loop && root.table.maps.get(n as usize).is_some_and(|m| take_branch(f, m));
                let ended = match for_loop {
                    true => f.pc == header && f.stack.last().is_some_and(exhausted),
                    false => !(header..=loop_end(&f.code, header)).contains(&f.pc) && f.stack.len() == base,
                };
                match (root.table.maps.get(n as usize), root.table.types.get(n as usize)) {
                    (Some(map), Some(types)) if ended && !map.raise && !map.end && map.chain.is_none() => {
                        let first = map.vals.iter().enumerate().find(|(_, v)| v.dest == Dest::FirstIteration).is_some_and(|(k, v)| (self.exitbuf[1 + k] != 0) != v.neg);
                        Ok(InnerExit { exit: n, map: map.clone(), types: types.clone(), first, branched })
                    }
                    _ => Err(format!("inner loop's trace did not run to the loop's end (exit {n} at pc {})", f.pc)),
                }
            }
        };
        if let Some(lp) = self.loops.get_mut(&key) {
            lp.state = State::Compiled(traces);
        }
        result
    }
}

/// Whether a loop trace changes memory (so a trace that calls it must chain its exits).
fn has_effects(t: &Trace) -> bool {
    use OpKind::*;
    t.ops.iter().any(|op| matches!(op.kind, StoreElem | ListAppend | SetAdd | InstSetAttr | SlotSet | DictSetStr | DictSetInt | CallPy | CallLoop | NewInst | DecRef | BigArith | BigArithInt | StrFormat | StrSplit | StrConcat | StrRepeat))
}

/// Whether a loop trace may be called with its exits chained: it changes memory only by
/// list stores and appends (a loop it calls is chainable itself: `recorder/nested.rs`).
fn chainable(t: &Trace) -> bool {
    use OpKind::*;
    !t.ops.iter().any(|op| matches!(op.kind, InstSetAttr | SlotSet | DictSetStr | DictSetInt | CallPy | NewInst | DecRef | IncRef | BigArith | BigArithInt | StrFormat | StrSplit | StrConcat | StrRepeat))
}

/// The trace that loops calling this one run (`recorder/nested.rs`): its root, or, where
/// most entries fail the root's entry guards, the entry bridge once it is fused with the
/// loop trace after it (`peel.rs`).
fn called_trace(traces: &[Compiled]) -> usize {
    match entry_bridge(&traces[0]) {
        Some(j) if traces[j].ir.ops.iter().any(|op| op.kind == OpKind::Label) => j,
        _ => 0,
    }
}

/// The entry bridge of a loop whose root trace rejects most entries (a variable that holds an
/// int on entry and a float after the first iteration): where its entries start.
fn entry_bridge(root: &Compiled) -> Option<usize> {
    match root.links[ENTRY_EXIT as usize] {
        Link::Trace(j) if root.exits[ENTRY_EXIT as usize] * 2 > root.entries => Some(j),
        _ => None,
    }
}

/// The types of each exit's snapshot values, and whether it holds a ref (an exit no guard
/// has may, as far as anyone knows).
fn exit_types(trace: &CompiledTrace, nexits: usize) -> (Vec<Vec<crate::ir::Ty>>, Vec<bool>) {
    let types = (0..nexits).map(|n| trace.exit_info(n as u32).map_or_else(Vec::new, |i| i.snapshot.iter().map(|&(_, ty)| ty).collect())).collect();
    let refs = (0..nexits).map(|n| trace.exit_info(n as u32).is_none_or(|i| i.snapshot.iter().any(|&(_, ty)| ty == crate::ir::Ty::Ref))).collect();
    (types, refs)
}

/// Whether a trace may replace values in memory that it still holds, itself or in the
/// compiled code it calls (`runtime::release`).
fn may_release(t: &crate::ir::Trace) -> bool {
    t.ops.iter().any(|op| op.kind.writes_dicts())
}

/// How logs name a function: its qualified name and first line.
fn fn_name(code: &Code) -> String {
    format!("{} line {}", code.qualname, code.first_line)
}

/// What `Jit::grow` did.
enum Grown {
    /// Recorded and linked trace `j`; the frame is back at the header.
    Linked(usize),
    /// Not hot yet, given up on, or no room: nothing happened.
    Cold,
    /// Recording stopped: the frame is where the interpreter goes on.
    Aborted,
}

/// How logs name a loop: function, source line and header pc.
/// A `while` loop's exit `m` left the frame at a conditional branch with the condition (a
/// bool or an int, its one pushed value) on the stack: takes the branch, as the interpreter would.
fn take_branch(f: &mut Frame, m: &crate::recorder::ExitMap) -> bool {
    if m.vals.iter().filter(|v| v.dest == Dest::Push).count() != 1 || m.vals.last().is_none_or(|v| v.dest != Dest::Push) {
        return false;
    }
    let (jump_if, target) = match f.code.instrs.get(f.pc) {
        Some(&Instr::PopJumpIfFalse(t)) => (false, t.0 as usize),
        Some(&Instr::PopJumpIfTrue(t)) => (true, t.0 as usize),
        _ => return false,
    };
    // A bool, or an int tested for truth (`while n:`).
    let truth = |v: &Value| if v.is_bool() { Some(v.is(&Value::TRUE)) } else { rpy_interpreter::vm::int_i64(v).map(|x| x != 0) };
    let Some(cond) = f.stack.last().and_then(truth) else { return false };
    f.stack.pop();
    f.pc = if cond == jump_if { target } else { f.pc + 1 };
    true
}

/// The pc of the last back-edge of the loop at `header` (its body ends there).
fn loop_end(code: &Code, header: usize) -> usize {
    let back = |(pc, ins): (usize, &Instr)| matches!(ins, Instr::Jump(t) if t.0 as usize == header && pc > header).then_some(pc);
    code.instrs.iter().enumerate().filter_map(back).max().unwrap_or(header)
}

fn loop_name(code: &Code, header: usize) -> String {
    let line = code.spans.get(header).map_or(code.first_line, |s| s.line);
    format!("{} line {line} pc {header}", code.qualname)
}

impl JitHooks for Jit {
    fn on_back_edge(&mut self, vm: &mut Vm, f: &mut Frame, header: usize) {
        let code = f.code.clone();
        let key = (Rc::as_ptr(&code) as usize, header);
        let threshold = self.params.threshold;
        let heat = &code.loop_heat[header];
        let lp = self.loops.entry(key).or_insert_with(|| Loop { code: code.clone(), header, base: 0, aborts: 0, late_starts: 0, state: State::Counting });
        match std::mem::replace(&mut lp.state, State::Counting) {
            State::Blacklisted => {
                lp.state = State::Blacklisted;
                heat.set(NEVER);
            }
            State::Compiled(traces) => {
                let base = lp.base;
                self.run_compiled(vm, f, &code, header, base, traces);
            }
            State::Counting => {
                if heat.get() == 0 && threshold > 1 {
                    // First back-edge: start the countdown.
                    heat.set(threshold - 1);
                    return;
                }
                let base = f.stack.len();
                lp.base = base;
                match self.try_compile(vm, f, Start { header, pc: header, base, bridge: false, blocks: f.blocks.len() }, "loop") {
                    Ok(c) => {
                        let mut traces = vec![c];
                        self.run_loop(vm, &mut traces, f, header, base);
                        if let Some(lp) = self.loops.get_mut(&key) {
                            lp.state = State::Compiled(traces);
                        }
                        heat.set(EVERY_TIME);
                    }
                    Err(reason) => {
                        self.stats.aborted += 1;
                        let attempts = self.params.attempts;
                        let Some(lp) = self.loops.get_mut(&key) else { return };
                        if reason == LOOP_ENDS && lp.late_starts < MAX_LATE_STARTS {
                            // Try again at the next back-edge (the loop's next run).
                            lp.late_starts += 1;
                            heat.set(EVERY_TIME);
                            return;
                        }
                        lp.aborts += 1;
                        let give_up = lp.aborts >= attempts || reason == CODE_FULL;
                        if give_up {
                            lp.state = State::Blacklisted;
                            heat.set(NEVER);
                            self.stats.blacklisted += 1;
                        } else {
                            // Exponential back-off before the next try.
                            heat.set(threshold.saturating_mul(1 << lp.aborts.min(16)).max(2));
                        }
                        let where_ = loop_name(&code, header);
                        self.log(format_args!("abort {where_}: {reason}{}", if give_up { " (blacklisted)" } else { "" }));
                    }
                }
            }
        }
    }

    fn on_loop_entry(&mut self, vm: &mut Vm, f: &mut Frame, header: usize) {
        let code = f.code.clone();
        let key = (Rc::as_ptr(&code) as usize, header);
        let Some(lp) = self.loops.get_mut(&key) else { return };
        if !matches!(lp.state, State::Compiled(_)) || f.stack.len() != lp.base {
            return;
        }
        let base = lp.base;
        if let State::Compiled(traces) = std::mem::replace(&mut lp.state, State::Counting) {
            self.run_compiled(vm, f, &code, header, base, traces);
        }
    }

    fn on_hot_call(&mut self, vm: &mut Vm, f: &mut Frame) {
        let code = f.code.clone();
        let heat = &code.jit_fn.heat;
        let threshold = self.params.threshold;
        let key = Rc::as_ptr(&code) as usize;
        let st = self.fns.entry(key).or_insert_with(|| FnState { code: code.clone(), aborts: 0, tree: None });
        if st.tree.is_some() || st.aborts >= self.params.attempts {
            heat.set(NEVER);
            return;
        }
        if heat.get() == 0 && threshold > 1 {
            // First call: start the countdown.
            heat.set(threshold - 1);
            return;
        }
        match self.function_tree(vm, f) {
            Ok(tree) => {
                if let Some(st) = self.fns.get_mut(&key) {
                    st.tree = Some(tree);
                }
                heat.set(NEVER);
            }
            Err(reason) => {
                self.stats.aborted += 1;
                let attempts = self.params.attempts;
                let Some(st) = self.fns.get_mut(&key) else { return };
                // A loop never goes away: such functions are left to loop traces (unless the
                // loop is compiled later, and can then be called).
                let for_now = reason.contains("not compiled yet") || reason.contains("did not run to the loop's end");
                let for_good = reason == CODE_FULL || reason.starts_with("loop in a function") || reason.starts_with("inner loop") && !for_now;
                st.aborts = if for_good { attempts } else { st.aborts + 1 };
                let give_up = st.aborts >= attempts;
                if give_up {
                    heat.set(NEVER);
                    self.stats.blacklisted += 1;
                } else {
                    heat.set(threshold.saturating_mul(1 << st.aborts.min(16)).max(2));
                }
                self.log(format_args!("abort function {}: {reason}{}", fn_name(&code), if give_up { " (blacklisted)" } else { "" }));
            }
        }
    }

    fn as_any_mut(&mut self) -> Option<&mut dyn std::any::Any> {
        Some(self)
    }

    fn on_exit(&mut self, _vm: &mut Vm) {
        if self.log.is_none() {
            return;
        }
        let s = &self.stats;
        let summary = format!(
            "summary: {} loops seen, {} functions compiled, {} recorded, {} compiled ({} side traces, {} bytes), {} aborts, {} compile errors, {} blacklisted, {} trace entries, {} trace switches",
            self.loops.len(),
            s.functions,
            s.recorded,
            s.compiled,
            s.side_traces,
            s.code_bytes,
            s.aborted,
            s.compile_errors,
            s.blacklisted,
            s.entries,
            s.switches
        );
        let mut lines = vec![summary];
        let mut loops: Vec<&Loop> = self.loops.values().collect();
        loops.sort_by_key(|l| (l.code.qualname.clone(), l.header));
        for l in loops {
            if let State::Compiled(traces) = &l.state {
                for (i, c) in traces.iter().enumerate() {
                    let exits: Vec<String> = c
                        .exits
                        .iter()
                        .enumerate()
                        .filter(|(_, n)| **n > 0)
                        .map(|(e, n)| {
                            let chained = if c.table.maps[e].chain.is_some() { " (chained)" } else { "" };
                            match c.links[e] {
                                Link::Trace(j) => format!("exit {e}{chained}: {n} -> trace {j}"),
                                _ => format!("exit {e}{chained}: {n}"),
                            }
                        })
                        .collect();
                    lines.push(format!("  {} trace {i}: {} entries; {}", loop_name(&l.code, l.header), c.entries, exits.join(", ")));
                }
            }
        }
        let mut fns: Vec<&FnState> = self.fns.values().filter(|f| f.tree.is_some()).collect();
        fns.sort_by_key(|f| (f.code.qualname.clone(), f.code.first_line));
        for st in fns {
            let Some(tree) = st.tree else { continue };
            let exits: Vec<String> = tree.exits.borrow().iter().enumerate().filter(|(_, e)| e.taken.get() > 0).map(|(n, e)| format!("exit {n}: {}", e.taken.get())).collect();
            lines.push(format!("  function {}: {} traces; {}", fn_name(&st.code), tree.traces.borrow().len(), exits.join(", ")));
        }
        for line in lines {
            self.log(format_args!("{line}"));
        }
        if let Some(l) = &mut self.log {
            let _ = l.flush();
        }
    }
}
