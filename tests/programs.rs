//! Differential test runner: runs every `tests/python/**/*.py` program with
//! rpy and compares stdout, stderr and the exit code with the expected files
//! generated from CPython 3.11 by `tests/regen.py`.
//!
//!   cargo build --release                       # builds target/release/rpy
//!   cargo test --release -p rpy-tests --test programs
//!
//! Environment:
//!   RPY_BIN             binary to test (default <workspace>/target/release/rpy);
//!                       RPY_BIN=/usr/bin/python3 checks the runner and the
//!                       expected files against CPython itself
//!   RPY_TEST_MODES      JIT modes, default `off`.  `off` runs with RPY_JIT=off,
//!                       `on` with RPY_JIT=on, anything else with RPY_JIT=on and
//!                       RPY_JIT_PARAMS=<mode>.  Comma separated; `key=value`
//!                       pieces that follow each other form one mode, so
//!                       `off,threshold=1,bridge=1` is the two modes `off` and
//!                       `threshold=1,bridge=1`.  Use `;` to separate modes
//!                       explicitly: `threshold=1;bridge=1`.
//!   RPY_TEST_FILTER     only programs whose path contains this substring
//!                       (extra filters may also be given as arguments:
//!                       `cargo test ... --test programs -- errors strings`)
//!   RPY_TEST_THREADS    worker threads (default available_parallelism * 2)
//!   RPY_TEST_TIMEOUT    seconds per program (default 10)
//!   RPY_TEST_MAX_DIFFS  failures shown with a diff (default 40; others get one line)
//!   RPY_TEST_SHOW_XFAIL set to 1 to also show diffs of known failures
//!
//! `tests/known_failures.txt` lists programs (one per line, `#` comments,
//! optionally followed by a mode) whose failure does not fail the run;
//! a listed program that passes is reported as `XPASS` so the list can be
//! trimmed.

use rpy_tests::*;
use std::collections::VecDeque;
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

enum Outcome {
    Pass,
    Fail { reason: String, detail: String },
}

struct JobResult {
    rel: String,
    mode: String,
    outcome: Outcome,
    elapsed: Duration,
}

fn env_usize(name: &str) -> Option<usize> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

fn resolve_bin(root: &std::path::Path) -> PathBuf {
    match std::env::var_os("RPY_BIN") {
        Some(v) if !v.is_empty() => {
            let p = PathBuf::from(&v);
            if p.is_absolute() || !v.to_string_lossy().contains('/') {
                // absolute, or a bare name looked up on PATH
                p
            } else if p.exists() {
                std::env::current_dir().map(|d| d.join(&p)).unwrap_or(p)
            } else {
                root.join(p)
            }
        }
        _ => root.join("target").join("release").join("rpy"),
    }
}

fn main() {
    let root = workspace_root();
    let roots = root_spellings(&root);
    let bin = resolve_bin(&root);
    if bin.components().count() > 1 && !bin.exists() {
        eprintln!(
            "rpy binary not found at {} (build it with `cargo build --release`, or set RPY_BIN)",
            bin.display()
        );
        std::process::exit(1);
    }

    let modes = parse_modes(&std::env::var("RPY_TEST_MODES").unwrap_or_default());
    let mut filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    if let Ok(f) = std::env::var("RPY_TEST_FILTER") {
        if !f.is_empty() {
            filters.push(f);
        }
    }
    let timeout = Duration::from_secs_f64(
        std::env::var("RPY_TEST_TIMEOUT")
            .ok()
            .and_then(|v| v.trim().parse::<f64>().ok())
            .unwrap_or(10.0),
    );
    let max_diffs = env_usize("RPY_TEST_MAX_DIFFS").unwrap_or(40);
    let show_xfail = std::env::var("RPY_TEST_SHOW_XFAIL").map(|v| v == "1").unwrap_or(false);
    let threads = env_usize("RPY_TEST_THREADS").filter(|&n| n > 0).unwrap_or_else(|| {
        thread::available_parallelism().map(|n| n.get()).unwrap_or(2) * 2
    });

    let known_path = root.join("tests").join("known_failures.txt");
    let known = KnownFailures::load(&known_path);

    let all = find_programs(&root);
    for k in &known.order {
        if !all.contains(k) {
            println!("warning: known_failures.txt lists {} which does not exist", k);
        }
    }
    let programs: Vec<String> = all
        .into_iter()
        .filter(|p| filters.is_empty() || filters.iter().any(|f| p.contains(f.as_str())))
        .collect();
    if programs.is_empty() {
        eprintln!("no test programs matched (filters: {:?})", filters);
        std::process::exit(1);
    }

    let mut queue = VecDeque::new();
    for mode in &modes {
        for p in &programs {
            queue.push_back((p.clone(), mode.clone()));
        }
    }
    let total = queue.len();
    println!(
        "running {} programs x {} mode(s) [{}] with {} on {} threads",
        programs.len(),
        modes.len(),
        modes.join(" | "),
        bin.display(),
        threads
    );
    let start = Instant::now();
    let queue = Arc::new(Mutex::new(queue));
    let done = Arc::new(AtomicUsize::new(0));
    let (tx, rx) = mpsc::channel::<JobResult>();
    let mut handles = Vec::new();
    for _ in 0..threads.min(total) {
        let queue = Arc::clone(&queue);
        let tx = tx.clone();
        let root = root.clone();
        let roots = roots.clone();
        let bin = bin.clone();
        let done = Arc::clone(&done);
        handles.push(thread::spawn(move || loop {
            let job = queue.lock().unwrap().pop_front();
            let (rel, mode) = match job {
                Some(j) => j,
                None => break,
            };
            let (set, remove) = mode_env(&mode);
            let args = read_args(&root, &rel);
            let t0 = Instant::now();
            let outcome = match read_expected(&root, &rel) {
                Err(e) => Outcome::Fail { reason: e, detail: String::new() },
                Ok(exp) => match run_program(&bin, &root, &rel, &args, &set, &remove, timeout) {
                    Err(e) => Outcome::Fail { reason: e, detail: String::new() },
                    Ok(mut got) => {
                        got.stdout = normalize(&got.stdout, &roots);
                        got.stderr = normalize(&got.stderr, &roots);
                        match compare(&exp, &got, 6) {
                            None => Outcome::Pass,
                            Some((reason, detail)) => Outcome::Fail { reason, detail },
                        }
                    }
                },
            };
            done.fetch_add(1, Ordering::Relaxed);
            let _ = tx.send(JobResult { rel, mode, outcome, elapsed: t0.elapsed() });
        }));
    }
    drop(tx);

    let mut results: Vec<JobResult> = Vec::with_capacity(total);
    for r in rx {
        results.push(r);
    }
    for h in handles {
        let _ = h.join();
    }
    results.sort_by(|a, b| (&a.mode, &a.rel).cmp(&(&b.mode, &b.rel)));

    let multi = modes.len() > 1;
    let label = |r: &JobResult| {
        if multi {
            format!("[{}] {}", r.mode, r.rel)
        } else {
            r.rel.clone()
        }
    };
    let mut passed = 0usize;
    let mut failed = 0usize;
    let mut xfail = 0usize;
    let mut xpass = 0usize;
    let mut diffs_shown = 0usize;
    let mut failed_names = Vec::new();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for r in &results {
        let is_known = known.contains(&r.rel, &r.mode);
        match &r.outcome {
            Outcome::Pass => {
                if is_known {
                    xpass += 1;
                    let _ = writeln!(out, "XPASS {}", label(r));
                } else {
                    passed += 1;
                }
            }
            Outcome::Fail { reason, detail } => {
                if is_known {
                    xfail += 1;
                    if show_xfail {
                        let _ = writeln!(out, "XFAIL {}: {}", label(r), reason);
                        let _ = write!(out, "{}", detail);
                    }
                } else {
                    failed += 1;
                    failed_names.push(label(r));
                    let _ = writeln!(out, "FAIL {}: {} [{:.2}s]", label(r), reason, r.elapsed.as_secs_f64());
                    if diffs_shown < max_diffs {
                        diffs_shown += 1;
                        let _ = write!(out, "{}", detail);
                    }
                }
            }
        }
    }
    let mut slow: Vec<&JobResult> = results.iter().filter(|r| r.elapsed.as_secs_f64() > 2.0).collect();
    slow.sort_by(|a, b| b.elapsed.cmp(&a.elapsed));
    for r in slow.iter().take(5) {
        let _ = writeln!(out, "slow: {} took {:.2}s", label(r), r.elapsed.as_secs_f64());
    }
    if failed > 0 && diffs_shown > 0 {
        let _ = writeln!(out, "\nfailed programs:");
        for n in failed_names.iter().take(60) {
            let _ = writeln!(out, "    {}", n);
        }
        if failed_names.len() > 60 {
            let _ = writeln!(out, "    ... and {} more", failed_names.len() - 60);
        }
    }
    let _ = writeln!(
        out,
        "\n{} passed, {} failed, {} known failures, {} xpass ({} runs in {:.1}s)",
        passed,
        failed,
        xfail,
        xpass,
        total,
        start.elapsed().as_secs_f64()
    );
    let _ = out.flush();
    drop(out);
    if failed > 0 {
        std::process::exit(1);
    }
}
