//! Mutation fuzzing of the parse + compile + bytecode-cache path.
//!
//! Every program under `tests/python` is mutated many times (bytes deleted, duplicated,
//! replaced, Python tokens spliced in, truncated) and the result is compiled. Whatever the
//! input, compilation must give either code or a `SyntaxError`/`IndentationError` exception
//! (never a panic); code that compiles must survive the bytecode cache unchanged; and a
//! corrupted cache file must be rejected without a panic. The generator is seeded, so a
//! failure names an input that reproduces.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use rpy_interpreter::bytecode::cache;
use rpy_interpreter::compiler::Mode;
use rpy_interpreter::vm::{Config, Vm};

/// xorshift64*: small, deterministic, good enough to pick mutation sites.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const TOKENS: &[&str] = &[
    "(", ")", "[", "]", "{", "}", ":", ",", "\n", "    ", "\t", "\\\n", "lambda", "yield", "await", "async ",
    "return", "def f(", "class C", "*", "**", "=", ":=", "->", "@", "\"", "'", "\"\"\"", "f\"{", "}\"", "#", "nonlocal x",
    "global x", "del ", "match x:\n case ", "try:\n", "except* E:", "finally:", "else:", "elif", "if", "for x in ",
    "while ", "with a as b:", "import ", "from . import ", "...", "0x", "1e", "1_", "9" , "é", "\u{0}", "\u{feff}",
];

fn python_sources() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/python");
    let mut out = Vec::new();
    let mut dirs = vec![root];
    while let Some(d) = dirs.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "py") {
                if let Ok(s) = std::fs::read_to_string(&p) {
                    out.push((p, s));
                }
            }
        }
    }
    out.sort();
    out
}

/// Cuts at a char boundary at or before `i`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn mutate(src: &str, rng: &mut Rng) -> String {
    let mut s = src.to_string();
    for _ in 0..1 + rng.below(3) {
        let a = floor_boundary(&s, rng.below(s.len() + 1));
        let b = floor_boundary(&s, a + rng.below(40));
        match rng.below(5) {
            0 => s.replace_range(a..b, ""),
            1 => {
                let piece = s[a..b].to_string();
                s.insert_str(b, &piece);
            }
            2 => s.insert_str(a, TOKENS[rng.below(TOKENS.len())]),
            3 => {
                let c = char::from(b' ' + (rng.below(95)) as u8);
                s.replace_range(a..floor_boundary(&s, a + 1).max(a), &c.to_string());
            }
            _ => s.truncate(a),
        }
    }
    s
}

/// `Ok(true)` when the input compiled (and survived the cache), `Ok(false)` for a syntax error.
fn check_one(vm: &mut Vm, src: &str) -> Result<bool, String> {
    match vm.compile_source(src, "<fuzz>", Mode::Exec) {
        Ok(code) => {
            let bytes = cache::serialize(&code);
            let back = cache::deserialize(&bytes, &mut vm.interner).ok_or("cache rejected its own output")?;
            if cache::serialize(&back) != bytes {
                return Err("bytecode cache round trip changed the code".into());
            }
            Ok(true)
        }
        Err(e) => {
            let name = vm.type_name(&e.0);
            if name == "SyntaxError" || name == "IndentationError" || name == "TabError" {
                Ok(false)
            } else {
                Err(format!("compile raised {name}, not SyntaxError"))
            }
        }
    }
}

fn run_all() -> Vec<String> {
    let sources = python_sources();
    assert!(sources.len() >= 300, "expected the program tests under tests/python, found {}", sources.len());
    let mut vm = Vm::new(Config::default());
    let mut failures = Vec::new();
    // RPY_FUZZ_ROUNDS raises the mutations per program for a longer local run.
    let rounds: usize = std::env::var("RPY_FUZZ_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(24);
    let seed: u64 = std::env::var("RPY_FUZZ_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0x9E37_79B9_7F4A_7C15);
    let mut rng = Rng(seed | 1);
    let (mut compiled, mut rejected) = (0usize, 0usize);
    for (path, src) in &sources {
        for round in 0..rounds {
            let mutated = mutate(src, &mut rng);
            let outcome = catch_unwind(AssertUnwindSafe(|| check_one(&mut vm, &mutated)));
            let problem = match outcome {
                Ok(Ok(true)) => {
                    compiled += 1;
                    continue;
                }
                Ok(Ok(false)) => {
                    rejected += 1;
                    continue;
                }
                Ok(Err(msg)) => msg,
                Err(_) => "panic".to_string(),
            };
            failures.push(format!("{} round {round}: {problem}\n--- input ---\n{mutated}", path.display()));
            if failures.len() >= 5 {
                return failures;
            }
        }
        // A corrupted cache file must be rejected (or decode to something) without panicking.
        if let Ok(code) = vm.compile_source(src, "<fuzz>", Mode::Exec) {
            let good = cache::serialize(&code);
            for _ in 0..8 {
                let mut bad = good.clone();
                let i = rng.below(bad.len());
                match rng.below(3) {
                    0 => bad.truncate(i),
                    1 => bad[i] ^= 1 << rng.below(8),
                    _ => bad.insert(i, rng.below(256) as u8),
                }
                let interner = &mut vm.interner;
                if catch_unwind(AssertUnwindSafe(|| cache::deserialize(&bad, interner).is_some())).is_err() {
                    failures.push(format!("{}: cache deserialize panicked on a corrupted file", path.display()));
                }
            }
        }
    }
    // Both outcomes must be common, or the mutations are not exercising the compiler.
    let total = compiled + rejected;
    if compiled * 20 < total || rejected * 20 < total {
        failures.push(format!("mutation mix is off: {compiled} compiled, {rejected} rejected"));
    }
    eprintln!("{compiled} mutated programs compiled, {rejected} rejected with a syntax error");
    failures
}

#[test]
fn mutated_programs_compile_or_raise_syntax_error() {
    // The parser recurses; give it the same deep stack the `rpy` binary runs on.
    let failures = std::thread::Builder::new()
        .stack_size(1 << 28)
        .spawn(run_all)
        .expect("spawn fuzz thread")
        .join()
        .expect("fuzz thread");
    assert!(failures.is_empty(), "{} failing inputs:\n{}", failures.len(), failures.join("\n\n"));
}
