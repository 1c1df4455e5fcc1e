//! Trace-shape tests: each `tests/jit_shapes/NAME.py` has a loop that the JIT must compile to
//! exactly the op sequence in `NAME.shape` (the optimised loop body after the phis, one op
//! name per line). The program runs under `target/release/rpy` (or `RPY_BIN`) with every loop
//! recorded on its first back-edge, and the first recorded trace is read from the JIT log (or,
//! when the `.shape` file starts with `# loop: NAME`, the first recorded loop of function
//! `NAME`; with `# function: NAME`, every op of the first function trace of `NAME`).

use rpy_tests::workspace_root;
use std::path::Path;
use std::process::Command;

/// Which trace a shape is of.
#[derive(Clone, Copy)]
enum Of<'a> {
    /// The first trace recorded.
    First,
    /// The loop body of the first loop trace of this function.
    Loop(&'a str),
    /// The whole first function trace of this function.
    Function(&'a str),
}

/// Op names of the loop body (after `label` and the phis) of the trace `of` in `log`, or of
/// a whole function trace.
fn loop_body(log: &str, of: Of) -> Vec<String> {
    let mut ops = Vec::new();
    let mut in_trace = false;
    let mut in_loop = false;
    for line in log.lines() {
        if !in_trace && line.starts_with("recorded ") {
            in_trace = match of {
                Of::First => true,
                Of::Loop(name) => line.starts_with(&format!("recorded loop {name} line ")),
                Of::Function(name) => line.starts_with(&format!("recorded function {name} line ")),
            };
            in_loop = matches!(of, Of::Function(_));
            continue;
        }
        if !in_trace {
            continue;
        }
        if line.starts_with("label(") {
            in_loop = true;
            continue;
        }
        if !in_loop {
            continue;
        }
        let op = line.split_once(" = ").map_or(line, |(_, rhs)| rhs);
        let name = op.split('(').next().unwrap_or("").trim().to_string();
        if name.starts_with("phi_") {
            continue;
        }
        ops.push(name.clone());
        if name == "jump" || name == "return" {
            break;
        }
    }
    ops
}

fn check(bin: &Path, py: &Path) -> Result<(), String> {
    let dir = std::env::temp_dir().join(format!("rpy-jit-shape-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let log = dir.join(py.file_stem().unwrap_or_default()).with_extension("log");
    let out = Command::new(bin)
        .arg(py)
        .env("RPY_JIT", "on")
        .env("RPY_JIT_PARAMS", "threshold=1")
        .env("RPY_JIT_LOG", &log)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
    if !out.status.success() {
        return Err(format!("{} exited with {}: {}", py.display(), out.status, String::from_utf8_lossy(&out.stderr)));
    }
    let text = std::fs::read_to_string(&log).map_err(|e| format!("no JIT log: {e}"))?;
    let _ = std::fs::remove_file(&log);
    let shape = std::fs::read_to_string(py.with_extension("shape")).map_err(|e| format!("{}: no .shape file: {e}", py.display()))?;
    let first = shape.lines().next().unwrap_or("");
    let of = match (first.strip_prefix("# loop:"), first.strip_prefix("# function:")) {
        (Some(name), _) => Of::Loop(name.trim()),
        (_, Some(name)) => Of::Function(name.trim()),
        _ => Of::First,
    };
    let want: Vec<String> = shape
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let got = loop_body(&text, of);
    if got != want {
        return Err(format!("{}: loop body\n  got:  {}\n  want: {}\nlog:\n{text}", py.display(), got.join(" "), want.join(" ")));
    }
    Ok(())
}

#[test]
fn loops_compile_to_the_expected_shape() {
    let root = workspace_root();
    let bin = std::env::var_os("RPY_BIN").map(std::path::PathBuf::from).unwrap_or_else(|| root.join("target/release/rpy"));
    assert!(bin.exists(), "rpy binary not found at {} (cargo build --release first)", bin.display());
    let dir = root.join("tests/jit_shapes");
    let mut cases: Vec<_> = std::fs::read_dir(&dir).expect("tests/jit_shapes").filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "py")).collect();
    cases.sort();
    assert!(!cases.is_empty(), "no shape cases");
    let failures: Vec<String> = cases.iter().filter_map(|p| check(&bin, p).err()).collect();
    assert!(failures.is_empty(), "{} of {} shape cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
