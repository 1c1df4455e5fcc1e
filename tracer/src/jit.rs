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

struct Compiled {
    trace: CompiledTrace,
    homes: Vec<Home>,
    range_iter: bool,
    nfast: usize,
    entries: u64,
    /// Exits taken, per exit number.
    exits: Vec<u64>,
}

enum State {
    Counting,
    Compiled(Box<Compiled>),
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
    compile_errors: u64,
    blacklisted: u64,
    entries: u64,
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

    /// Records, optimises and compiles the loop at `header`; the frame is at the header.
    fn try_compile(&mut self, f: &mut Frame, header: usize) -> Result<Box<Compiled>, String> {
        let code = f.code.clone();
        let where_ = format!("{} line {} pc {header}", code.qualname, line_of(&code, header));
        self.log(format_args!("record {where_}"));
        let limit = self.params.trace_limit;
        let rec = record(f, &code, header, limit)?;
        self.stats.recorded += 1;
        crate::ir::text::verify(&rec.trace).map_err(|e| format!("recorder produced an invalid trace: {e}"))?;
        let opt = crate::opt::optimize(&rec.trace);
        if self.log.is_some() {
            let text = crate::ir::text::print(&opt);
            self.log(format_args!(
                "recorded {where_}: {} instructions, {} ops, {} after optimisation\n{text}",
                rec.length,
                rec.trace.ops.len(),
                opt.ops.len()
            ));
        }
        let module = self.module().ok_or("no code generator")?;
        let trace = module.compile(&opt).map_err(|e| {
            self.stats.compile_errors += 1;
            format!("compile: {e}")
        })?;
        // The recorder left the frame at the back-edge: resume at the header.
        f.pc = header;
        self.stats.compiled += 1;
        self.stats.code_bytes += trace.code_size();
        self.log(format_args!("compiled {where_}: {} bytes of machine code", trace.code_size()));
        let nexits = trace.exits().iter().map(|e| e.exit as usize + 1).max().unwrap_or(0);
        Ok(Box::new(Compiled { trace, homes: rec.homes, range_iter: rec.range_iter, nfast: rec.nfast, entries: 0, exits: vec![0; nexits] }))
    }

    /// Runs a compiled loop from its header and writes the exit state back into the frame.
    fn enter(&mut self, c: &mut Compiled, f: &mut Frame, header: usize) {
        f.pc = header;
        if f.fast.len() != c.nfast {
            return;
        }
        self.slots.clear();
        self.slots.extend(f.fast.iter().map(|v| v.bits()));
        if c.range_iter {
            let Some((cur, step, remaining)) = f.stack.last().and_then(range_state) else {
                return;
            };
            for x in [cur, step, remaining] {
                self.slots.push(Value::small_int(x).map_or(Value::NONE.bits(), |v| v.bits()));
            }
        }
        if self.slots.len() < c.trace.slots_len() {
            return;
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
        let Some(info) = c.trace.exit_info(n) else {
            return;
        };
        if info.snapshot.is_empty() {
            return;
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
                if let Some(c) = iter_cur {
                    *cur = c;
                }
                if let Some(r) = iter_rem {
                    *remaining = r;
                }
            }
        }
    }
}

fn line_of(code: &Code, pc: usize) -> u32 {
    code.spans.get(pc).map_or(code.first_line, |s| s.line)
}

impl JitHooks for Jit {
    fn on_back_edge(&mut self, _vm: &mut Vm, f: &mut Frame, header: usize) {
        let code = f.code.clone();
        let key = (Rc::as_ptr(&code) as usize, header);
        let threshold = self.params.threshold;
        let heat = &code.loop_heat[header];
        let lp = self.loops.entry(key).or_insert_with(|| Loop { code: code.clone(), header, aborts: 0, state: State::Counting });
        match &mut lp.state {
            State::Blacklisted => {
                heat.set(NEVER);
            }
            State::Compiled(_) => {
                let State::Compiled(mut c) = std::mem::replace(&mut lp.state, State::Counting) else {
                    unreachable!("matched Compiled above")
                };
                self.enter(&mut c, f, header);
                if let Some(lp) = self.loops.get_mut(&key) {
                    lp.state = State::Compiled(c);
                }
                heat.set(EVERY_TIME);
            }
            State::Counting => {
                if heat.get() == 0 && threshold > 1 {
                    // First back-edge: start the countdown.
                    heat.set(threshold - 1);
                    return;
                }
                match self.try_compile(f, header) {
                    Ok(mut c) => {
                        self.enter(&mut c, f, header);
                        if let Some(lp) = self.loops.get_mut(&key) {
                            lp.state = State::Compiled(c);
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
                        let where_ = format!("{} line {} pc {header}", code.qualname, line_of(&code, header));
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
            "summary: {} loops seen, {} recorded, {} compiled ({} bytes), {} aborts, {} compile errors, {} blacklisted, {} trace entries",
            self.loops.len(),
            s.recorded,
            s.compiled,
            s.code_bytes,
            s.aborted,
            s.compile_errors,
            s.blacklisted,
            s.entries
        );
        let mut lines = vec![summary];
        let mut loops: Vec<&Loop> = self.loops.values().collect();
        loops.sort_by_key(|l| (l.code.qualname.clone(), l.header));
        for l in loops {
            if let State::Compiled(c) = &l.state {
                let exits: Vec<String> = c.exits.iter().enumerate().filter(|(_, n)| **n > 0).map(|(e, n)| format!("exit {e}: {n}")).collect();
                lines.push(format!("  {} line {} pc {}: {} entries; {}", l.code.qualname, line_of(&l.code, l.header), l.header, c.entries, exits.join(", ")));
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
