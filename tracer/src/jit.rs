//! The JIT driver: implements the interpreter's `JitHooks`. Per loop header it counts, records
//! (`recorder`), optimises (`opt`), compiles (`codegen`), and runs the compiled trace,
//! writing the exit snapshot back into the frame (entry and exit glue live here).
//!
//! Loop state is keyed by (code object, header pc); the entry keeps its code object alive, so
//! a key can never be reused by another code object at the same address.

use crate::codegen::{CompiledTrace, JitModule, JitOptions};
use crate::params::Params;
use crate::recorder::{range_state, record, Home};
use rpy_interpreter::bytecode::Code;
use rpy_interpreter::object::{Iter, Obj, ObjKind};
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::frame::Frame;
use rpy_interpreter::vm::{JitHooks, Vm};
use std::collections::HashMap;
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
/// Failed side-trace recordings from one exit before it stops trying.
const MAX_LINK_FAILURES: u32 = 2;
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
    homes: Vec<Home>,
    range_iter: bool,
    nfast: usize,
    interrupt_exit: u32,
    entries: u64,
    /// Iterations run, counted for `range` loops (from the iterator's remaining count).
    iterations: u64,
    /// Exits taken, and where each leads, per exit number.
    exits: Vec<u64>,
    links: Vec<Link>,
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
    aborts: u32,
    state: State,
}

#[derive(Default)]
struct Stats {
    recorded: u64,
    aborted: u64,
    compiled: u64,
    side_traces: u64,
    compile_errors: u64,
    blacklisted: u64,
    entries: u64,
    switches: u64,
    code_bytes: usize,
}

pub struct Jit {
    params: Params,
    log: Option<Box<dyn Write>>,
    module: Option<JitModule>,
    module_failed: bool,
    loops: HashMap<(usize, usize), Loop>,
    slots: Vec<u64>,
    exitbuf: Vec<u64>,
    stats: Stats,
}

/// How a run of one trace ended.
struct Exit {
    n: u32,
    /// Left from inside the loop body (the frame now holds the iteration-start state).
    in_loop: bool,
}

impl Jit {
    pub fn new(params: Params, log: Option<Box<dyn Write>>) -> Jit {
        Jit { params, log, module: None, module_failed: false, loops: HashMap::new(), slots: Vec::new(), exitbuf: Vec::new(), stats: Stats::default() }
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
            let opts = JitOptions { interrupt_flag: rpy_interpreter::signals::interrupt_flag_addr(), ..JitOptions::default() };
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

    /// Records, optimises and compiles the loop at `header` from the frame's current state
    /// (at the header); on success the frame is back at the header, one iteration later.
    fn try_compile(&mut self, f: &mut Frame, header: usize, what: &str) -> Result<Compiled, String> {
        let code = f.code.clone();
        let where_ = loop_name(&code, header);
        self.log(format_args!("record {what} {where_}"));
        let limit = self.params.trace_limit;
        let rec = record(f, &code, header, limit)?;
        self.stats.recorded += 1;
        crate::ir::text::verify(&rec.trace).map_err(|e| format!("recorder produced an invalid trace: {e}"))?;
        let opt = crate::opt::optimize(&rec.trace);
        if self.log.is_some() {
            let text = crate::ir::text::print(&opt);
            self.log(format_args!(
                "recorded {what} {where_}: {} instructions, {} ops, {} after optimisation\n{text}",
                rec.length,
                rec.trace.ops.len(),
                opt.ops.len()
            ));
        }
        // The recorder left the frame at the back-edge: resume at the header.
        f.pc = header;
        let module = self.module().ok_or("no code generator")?;
        let trace = module.compile(&opt).map_err(|e| {
            self.stats.compile_errors += 1;
            format!("compile: {e}")
        })?;
        self.stats.compiled += 1;
        self.stats.code_bytes += trace.code_size();
        self.log(format_args!("compiled {what} {where_}: {} bytes of machine code", trace.code_size()));
        let nexits = trace.exits().iter().map(|e| e.exit as usize + 1).max().unwrap_or(0);
        Ok(Compiled {
            trace,
            homes: rec.homes,
            range_iter: rec.range_iter,
            nfast: rec.nfast,
            interrupt_exit: rec.interrupt_exit,
            entries: 0,
            iterations: 0,
            exits: vec![0; nexits],
            links: vec![Link::None; nexits],
        })
    }

    /// Runs one compiled trace from the loop header and writes the exit state back into the
    /// frame; `None` when the frame does not fit the trace (it was not entered).
    fn run_trace(&mut self, c: &mut Compiled, f: &mut Frame, header: usize) -> Option<Exit> {
        f.pc = header;
        if f.fast.len() != c.nfast {
            return None;
        }
        self.slots.clear();
        self.slots.extend(f.fast.iter().map(|v| v.bits()));
        let mut remaining_at_entry = 0;
        if c.range_iter {
            let (cur, step, remaining) = f.stack.last().and_then(range_state)?;
            remaining_at_entry = remaining;
            for x in [cur, step, remaining] {
                self.slots.push(Value::small_int(x).map_or(Value::NONE.bits(), |v| v.bits()));
            }
        }
        if self.slots.len() < c.trace.slots_len() {
            return None;
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
        let info = c.trace.exit_info(n)?;
        if info.snapshot.is_empty() {
            return Some(Exit { n, in_loop: false });
        }
        let mut iter_cur = None;
        let mut iter_rem = None;
        for (k, home) in c.homes.iter().enumerate() {
            let bits = self.exitbuf[1 + k];
            match *home {
                Home::Fast(i) => {
                    // Phis are ints and floats: their boxed bits own nothing.
                    if let Some(v) = Value::from_inline_bits(bits) {
                        f.fast[i as usize] = v;
                    }
                }
                Home::IterCur => iter_cur = Value::from_inline_bits(bits).and_then(|v| v.as_small_int()),
                Home::IterRemaining => iter_rem = Value::from_inline_bits(bits).and_then(|v| v.as_small_int()),
                Home::IterStep => {}
            }
        }
        if let Some(Obj { kind: ObjKind::Iter(cell) }) = f.stack.last().and_then(|v| v.as_obj()) {
            if let Iter::Range { cur, remaining, .. } = &mut *cell.borrow_mut() {
                if let Some(x) = iter_cur {
                    *cur = x;
                }
                if let Some(r) = iter_rem {
                    *remaining = r;
                    c.iterations += remaining_at_entry.saturating_sub(r) as u64;
                }
            }
        }
        Some(Exit { n, in_loop: true })
    }

    /// Runs the loop's traces from the header: the root first, then wherever exits link,
    /// recording a side trace from an exit once it is hot. Returns with the frame at the
    /// header for the interpreter.
    fn run_loop(&mut self, traces: &mut Vec<Compiled>, f: &mut Frame, header: usize) {
        let mut i = 0;
        for _ in 0..MAX_HOPS {
            let Some(exit) = self.run_trace(&mut traces[i], f, header) else { return };
            if !exit.in_loop || exit.n == traces[i].interrupt_exit {
                return;
            }
            let n = exit.n as usize;
            match traces[i].links[n] {
                Link::Trace(j) => {
                    self.stats.switches += 1;
                    i = j;
                }
                Link::None | Link::Failed(_) => {
                    let failures = match traces[i].links[n] {
                        Link::Failed(k) => k,
                        _ => 0,
                    };
                    let hot = traces[i].exits[n] >= self.params.bridge as u64;
                    if !hot || failures >= MAX_LINK_FAILURES {
                        return;
                    }
                    if traces.len() >= MAX_TRACES {
                        // No room for more: hand hot exits of side traces back to the root.
                        if i == 0 {
                            traces[i].links[n] = Link::Failed(MAX_LINK_FAILURES);
                            return;
                        }
                        traces[i].links[n] = Link::Trace(0);
                        i = 0;
                        continue;
                    }
                    let what = format!("side trace from exit {n} of trace {i} of");
                    match self.try_compile(f, header, &what) {
                        Ok(c) => {
                            self.stats.side_traces += 1;
                            traces.push(c);
                            let j = traces.len() - 1;
                            traces[i].links[n] = Link::Trace(j);
                            i = j;
                        }
                        Err(reason) => {
                            self.stats.aborted += 1;
                            traces[i].links[n] = Link::Failed(failures + 1);
                            self.log(format_args!("abort side trace from exit {n} of trace {i}: {reason}"));
                            return;
                        }
                    }
                }
            }
        }
    }
}

/// How logs name a loop: function, source line and header pc.
fn loop_name(code: &Code, header: usize) -> String {
    let line = code.spans.get(header).map_or(code.first_line, |s| s.line);
    format!("{} line {line} pc {header}", code.qualname)
}

impl JitHooks for Jit {
    fn on_back_edge(&mut self, _vm: &mut Vm, f: &mut Frame, header: usize) {
        let code = f.code.clone();
        let key = (Rc::as_ptr(&code) as usize, header);
        let threshold = self.params.threshold;
        let heat = &code.loop_heat[header];
        let lp = self.loops.entry(key).or_insert_with(|| Loop { code: code.clone(), header, aborts: 0, state: State::Counting });
        match std::mem::replace(&mut lp.state, State::Counting) {
            State::Blacklisted => {
                lp.state = State::Blacklisted;
                heat.set(NEVER);
            }
            State::Compiled(mut traces) => {
                self.run_loop(&mut traces, f, header);
                let root = &traces[0];
                let unprofitable = root.range_iter && root.entries == JUDGE_AFTER_ENTRIES && {
                    let iterations: u64 = traces.iter().map(|c| c.iterations).sum();
                    iterations < MIN_ITERATIONS_PER_ENTRY * root.entries
                };
                if unprofitable {
                    self.stats.blacklisted += 1;
                    let where_ = loop_name(&code, header);
                    self.log(format_args!("blacklist {where_}: fewer than {MIN_ITERATIONS_PER_ENTRY} iterations per entry"));
                    if let Some(lp) = self.loops.get_mut(&key) {
                        lp.state = State::Blacklisted;
                    }
                    heat.set(NEVER);
                    return;
                }
                if let Some(lp) = self.loops.get_mut(&key) {
                    lp.state = State::Compiled(traces);
                }
                heat.set(EVERY_TIME);
            }
            State::Counting => {
                if heat.get() == 0 && threshold > 1 {
                    // First back-edge: start the countdown.
                    heat.set(threshold - 1);
                    return;
                }
                match self.try_compile(f, header, "loop") {
                    Ok(c) => {
                        let mut traces = vec![c];
                        self.run_loop(&mut traces, f, header);
                        if let Some(lp) = self.loops.get_mut(&key) {
                            lp.state = State::Compiled(traces);
                        }
                        heat.set(EVERY_TIME);
                    }
                    Err(reason) => {
                        self.stats.aborted += 1;
                        let attempts = self.params.attempts;
                        let Some(lp) = self.loops.get_mut(&key) else { return };
                        lp.aborts += 1;
                        let give_up = lp.aborts >= attempts;
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

    fn on_exit(&mut self, _vm: &mut Vm) {
        if self.log.is_none() {
            return;
        }
        let s = &self.stats;
        let summary = format!(
            "summary: {} loops seen, {} recorded, {} compiled ({} side traces, {} bytes), {} aborts, {} compile errors, {} blacklisted, {} trace entries, {} trace switches",
            self.loops.len(),
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
                        .map(|(e, n)| match c.links[e] {
                            Link::Trace(j) => format!("exit {e}: {n} -> trace {j}"),
                            _ => format!("exit {e}: {n}"),
                        })
                        .collect();
                    lines.push(format!("  {} trace {i}: {} entries; {}", loop_name(&l.code, l.header), c.entries, exits.join(", ")));
                }
            }
        }
        for line in lines {
            self.log(format_args!("{line}"));
        }
        if let Some(l) = &mut self.log {
            let _ = l.flush();
        }
    }
}
