//! JIT policies that the differential modes do not reach: the cap on machine code. A
//! program run under the policy must print what CPython printed (the `.out` file
//! `tests/regen.py` wrote) and the JIT log must show the policy acting.

use rpy_tests::workspace_root;
use std::process::Command;

/// Runs `tests/python/<rel>` with `RPY_JIT_PARAMS=params`; checks its output against the
/// expected one and returns the JIT log.
fn run_logged(rel: &str, params: &str, tag: &str) -> String {
    let root = workspace_root();
    let bin = std::env::var_os("RPY_BIN").map(std::path::PathBuf::from).unwrap_or_else(|| root.join("target/release/rpy"));
    assert!(bin.exists(), "rpy binary not found at {} (cargo build --release first)", bin.display());
    let py = root.join("tests/python").join(rel);
    let want = std::fs::read_to_string(py.with_extension("out")).expect("expected output");
    let log = std::env::temp_dir().join(format!("rpy-jit-policy-{tag}-{}.log", std::process::id()));
    let out = Command::new(&bin).arg(&py).env("RPY_JIT", "on").env("RPY_JIT_PARAMS", params).env("RPY_JIT_LOG", &log).output().expect("run rpy");
    let text = std::fs::read_to_string(&log).unwrap_or_default();
    let _ = std::fs::remove_file(&log);
    assert_eq!(String::from_utf8_lossy(&out.stdout), want, "output differs; log:\n{text}");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    text
}

#[test]
fn code_limit_stops_compiling_and_keeps_output() {
    // The first trace fits under the cap (nothing is compiled in advance); every recording
    // after it is refused.
    let text = run_logged("jit/nested_loops_inner_hot.py", "threshold=1,bridge=1,code_limit=1", "limit");
    assert!(text.contains("machine code limit reached"), "no code-limit abort in the log:\n{text}");
    let compiled = text.lines().filter(|l| l.starts_with("compiled ")).count();
    assert_eq!(compiled, 1, "only the first trace may be compiled:\n{text}");
}

#[test]
fn outer_loop_calls_inner_loop_and_chains_its_exit() {
    // The outer loop's trace calls the inner loop's (which stores into the row); the row
    // where an item turns into a float leaves through a chained exit, once.
    let text = run_logged("jit/nested_rows_chained_exit.py", "threshold=200,bridge=100", "chained");
    let outer = text.split("recorded loop <module> line 8 ").nth(1).expect("outer loop recorded");
    let outer = outer.split("compiled loop").next().unwrap_or_default();
    assert!(outer.contains("call_loop("), "the outer trace does not call the inner loop:\n{text}");
    let chained: Vec<&str> = text.lines().filter(|l| l.contains("line 8 pc") && l.contains("(chained): 1")).collect();
    assert_eq!(chained.len(), 1, "no chained exit taken once:\n{text}");
}

#[test]
fn branch_bridge_is_linked_into_the_loop_trace() {
    // Collatz's inner loop goes each way about half the time: the bridge of its other branch
    // is linked into the loop's code, so after that each call of the loop is one trace
    // entry that runs to the loop's end, never switching traces through the frame.
    let text = run_logged("jit/linked_bridges.py", "threshold=200,bridge=100", "linked");
    assert!(text.lines().any(|l| l.starts_with("linked bridge from exit") && l.contains("collatz line 12")), "no bridge linked:\n{text}");
    let bridge = text.lines().find(|l| l.starts_with("  collatz line 12 ") && l.contains("trace 1:")).expect("collatz bridge summary");
    assert!(bridge.contains("trace 1: 0 entries"), "the bridge still runs on its own: {bridge}\n{text}");
}

#[test]
fn entry_bridge_is_fused_with_the_loop_after_it() {
    // `accumulate` starts each call with an int accumulator that its first iteration makes a
    // float: its entry bridge and the loop trace after it become one trace, which the
    // module loop calling `accumulate` calls too; the loop trace after the bridge no longer
    // runs on its own.
    let text = run_logged("jit/entry_bridge_fusion.py", "threshold=200,bridge=100", "fused");
    assert!(text.lines().any(|l| l.starts_with("fused loop trace after bridge 1 of accumulate")), "not fused:\n{text}");
    let after = text.lines().find(|l| l.starts_with("  accumulate line 12 ") && l.contains("trace 2:")).expect("accumulate loop summary");
    let entries = after.split(" entries").next().and_then(|s| s.rsplit(' ').next()).and_then(|n| n.parse::<u64>().ok()).expect("entry count");
    assert!(entries <= 101, "the loop trace still runs after the bridge: {after}\n{text}");
}

#[test]
fn module_loop_with_a_big_int_total_compiles() {
    // `total += fib(i % 92)`: `total` grows past 64 bits, `fib` has a loop of its own. The
    // module loop compiles (calling fib's loop) and records no abort.
    let text = run_logged("jit/big_int_module_total.py", "threshold=200,bridge=100", "bigmod");
    assert!(text.lines().any(|l| l.starts_with("compiled loop <module> line 14")), "module loop not compiled:\n{text}");
    assert!(!text.lines().any(|l| l.starts_with("abort <module> line 14")), "module loop aborted:\n{text}");
    assert!(text.contains("big_arith_int"), "no big int op in the traces:\n{text}");
}

#[test]
fn outer_loop_calls_a_compiled_while_loop() {
    // `collatz_max`: the `for` loop's trace calls the inner `while` loop's trace (which has
    // no effects on memory) instead of stopping at its back-edge.
    let text = run_logged("jit/inner_while_loops.py", "threshold=200,bridge=100", "while");
    let outer = text.split("recorded loop collatz_max line 8 ").nth(1).unwrap_or_else(|| panic!("outer loop not recorded:\n{text}"));
    let body = outer.split("compiled loop").next().unwrap_or("");
    assert!(body.contains("call_loop("), "outer trace does not call the while loop:\n{text}");
    assert!(text.lines().any(|l| l.starts_with("compiled loop collatz_max line 8 ")), "outer loop not compiled:\n{text}");
}

#[test]
fn loop_carried_instance_is_not_allocated() {
    // `acc = acc.add(d).scale(k)`: the loop carries acc's attributes; its trace makes no
    // instance, and exits make it (the log says how many exits can).
    let text = run_logged("jit/carried_instances.py", "threshold=200,bridge=100", "carried");
    assert!(text.lines().any(|l| l.starts_with("carried instances in loop run line 28 ")), "not carried:\n{text}");
    let body = text.split("recorded loop run line 28 ").nth(1).and_then(|t| t.split("compiled loop").next()).unwrap_or_else(|| panic!("loop not recorded:\n{text}"));
    assert!(!body.contains("new_inst("), "the loop still makes an instance:\n{text}");
}
