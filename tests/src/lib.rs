//! Support code for the differential test runner (`tests/programs.rs`).
//!
//! Only `std` is used.  The runner executes every program under
//! `tests/python/**.py` (names starting with `_` are helper modules and are
//! skipped) with the rpy binary and compares stdout, stderr and the exit code
//! with the files written by `tests/regen.py` from CPython 3.11.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// Most bytes of one stream kept from a run (the rest is drained and dropped).
pub const MAX_CAPTURE: usize = 16 << 20;

/// The workspace root: `CARGO_MANIFEST_DIR/..`.
pub fn workspace_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let root = manifest.join("..");
    root.canonicalize().unwrap_or(root)
}

/// All the spellings of `root` that may show up in a program's output
/// (CPython makes the script path absolute), longest first.
pub fn root_spellings(root: &Path) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    let mut push = |p: &Path| {
        let s = p.to_string_lossy().trim_end_matches('/').to_string();
        if !s.is_empty() && !v.contains(&s) {
            v.push(s);
        }
    };
    push(root);
    if let Ok(c) = root.canonicalize() {
        push(&c);
    }
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    if let Some(parent) = manifest.parent() {
        push(parent);
    }
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v
}

/// Remove every occurrence of `<root>/` (for each spelling) from `data`;
/// regen.py applies the same rewrite to CPython's output.
pub fn normalize(data: &[u8], roots: &[String]) -> Vec<u8> {
    let mut out = data.to_vec();
    for r in roots {
        let needle = format!("{}/", r).into_bytes();
        out = replace_all(&out, &needle, b"");
    }
    out
}

fn replace_all(hay: &[u8], needle: &[u8], with: &[u8]) -> Vec<u8> {
    if needle.is_empty() || hay.len() < needle.len() {
        return hay.to_vec();
    }
    let mut out = Vec::with_capacity(hay.len());
    let mut i = 0;
    while i < hay.len() {
        if hay[i..].starts_with(needle) {
            out.extend_from_slice(with);
            i += needle.len();
        } else {
            out.push(hay[i]);
            i += 1;
        }
    }
    out
}

/// Relative paths (`tests/python/<area>/<name>.py`, forward slashes, sorted)
/// of every test program.
pub fn find_programs(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let base = root.join("tests").join("python");
    walk(&base, &mut out);
    let mut rels: Vec<String> = out
        .into_iter()
        .filter_map(|p| {
            p.strip_prefix(root)
                .ok()
                .map(|r| r.to_string_lossy().replace('\\', "/"))
        })
        .collect();
    rels.sort();
    rels
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(_) => return,
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with('_') || name.starts_with('.') {
            continue;
        }
        let ft = match entry.file_type() {
            Ok(t) => t,
            Err(_) => continue,
        };
        if ft.is_dir() {
            walk(&path, out);
        } else if name.ends_with(".py") {
            out.push(path);
        }
    }
}

/// Arguments from `<name>.args`: one per line (`\n`, `\r\n` or `\r`), like
/// Python's `str.splitlines()` for those separators.
pub fn read_args(root: &Path, rel: &str) -> Vec<String> {
    let path = root.join(format!("{}.args", &rel[..rel.len() - 3]));
    match std::fs::read_to_string(path) {
        Ok(text) => split_lines(&text),
        Err(_) => Vec::new(),
    }
}

pub fn split_lines(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push(std::mem::take(&mut cur)),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push(std::mem::take(&mut cur));
            }
            _ => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// What the expected files say.
pub struct Expected {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub code: i32,
}

pub fn read_expected(root: &Path, rel: &str) -> Result<Expected, String> {
    let stem = root.join(&rel[..rel.len() - 3]);
    let read = |ext: &str| -> Result<Vec<u8>, String> {
        let p = PathBuf::from(format!("{}.{}", stem.display(), ext));
        std::fs::read(&p).map_err(|e| format!("cannot read {}: {} (run tests/regen.py)", p.display(), e))
    };
    let stdout = read("out")?;
    let stderr = read("err")?;
    let code_text = read("code")?;
    let code_str = String::from_utf8_lossy(&code_text).trim().to_string();
    let code = code_str
        .parse::<i32>()
        .map_err(|_| format!("bad exit code {:?} in {}.code", code_str, rel))?;
    Ok(Expected { stdout, stderr, code })
}

/// Result of running one program.
pub struct RunOutput {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// Exit status like Python's `returncode`: the exit code, or `-signal`.
    pub code: i32,
    pub timed_out: bool,
    pub elapsed: Duration,
}

fn drain<R: Read + Send + 'static>(mut r: R) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut kept = Vec::new();
        let mut buf = [0u8; 65536];
        loop {
            match r.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    if kept.len() < MAX_CAPTURE {
                        let take = n.min(MAX_CAPTURE - kept.len());
                        kept.extend_from_slice(&buf[..take]);
                    }
                }
                Err(ref e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            }
        }
        kept
    })
}

/// Kill the process group led by `pid` (std has no killpg; use kill(1)).
#[cfg(unix)]
fn kill_group(pid: u32) {
    let _ = Command::new("kill")
        .arg("-KILL")
        .arg("--")
        .arg(format!("-{}", pid))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
}

#[cfg(not(unix))]
fn kill_group(_pid: u32) {}

#[cfg(unix)]
fn status_code(st: std::process::ExitStatus) -> i32 {
    use std::os::unix::process::ExitStatusExt;
    match st.code() {
        Some(c) => c,
        None => -st.signal().unwrap_or(0),
    }
}

#[cfg(not(unix))]
fn status_code(st: std::process::ExitStatus) -> i32 {
    st.code().unwrap_or(-1)
}

/// Run `bin rel args...` in `root` with `env` (applied on top of the current
/// environment minus `remove`), stdin null, killing it after `timeout`.
pub fn run_program(
    bin: &Path,
    root: &Path,
    rel: &str,
    args: &[String],
    env: &[(String, String)],
    remove: &[String],
    timeout: Duration,
) -> Result<RunOutput, String> {
    let mut cmd = Command::new(bin);
    cmd.arg(rel)
        .args(args)
        .current_dir(root)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for k in remove {
        cmd.env_remove(k);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    #[cfg(unix)]
    {
        // Own process group, so that a timeout kills helpers it started too.
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    let start = Instant::now();
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot start {}: {}", bin.display(), e))?;
    let out_h = drain(child.stdout.take().expect("piped stdout"));
    let err_h = drain(child.stderr.take().expect("piped stderr"));
    let mut timed_out = false;
    let mut sleep = Duration::from_millis(1);
    let status = loop {
        match child.try_wait() {
            Ok(Some(st)) => break st,
            Ok(None) => {
                if start.elapsed() >= timeout {
                    timed_out = true;
                    kill_group(child.id());
                    let _ = child.kill();
                    break child.wait().map_err(|e| e.to_string())?;
                }
                thread::sleep(sleep);
                sleep = (sleep * 2).min(Duration::from_millis(20));
            }
            Err(e) => return Err(format!("wait failed: {}", e)),
        }
    };
    let elapsed = start.elapsed();
    let stdout = out_h.join().unwrap_or_default();
    let stderr = err_h.join().unwrap_or_default();
    Ok(RunOutput {
        stdout,
        stderr,
        code: status_code(status),
        timed_out,
        elapsed,
    })
}

/// Environment for one JIT mode.  Returns (variables to set, variables to remove).
pub fn mode_env(mode: &str) -> (Vec<(String, String)>, Vec<String>) {
    let mut set: Vec<(String, String)> = vec![
        ("PYTHONHASHSEED".into(), "0".into()),
        ("PYTHONDONTWRITEBYTECODE".into(), "1".into()),
        ("PYTHONIOENCODING".into(), "utf-8".into()),
    ];
    // Keep the child environment like regen.py's: no other PYTHON* variables.
    let mut remove: Vec<String> = std::env::vars_os()
        .filter_map(|(k, _)| k.into_string().ok())
        .filter(|k| k.starts_with("PYTHON") && !set.iter().any(|(s, _)| s == k))
        .collect();
    match mode {
        "off" => {
            set.push(("RPY_JIT".into(), "off".into()));
            remove.push("RPY_JIT_PARAMS".into());
        }
        "on" => {
            set.push(("RPY_JIT".into(), "on".into()));
            remove.push("RPY_JIT_PARAMS".into());
        }
        params => {
            set.push(("RPY_JIT".into(), "on".into()));
            set.push(("RPY_JIT_PARAMS".into(), params.into()));
        }
    }
    (set, remove)
}

/// Parse `RPY_TEST_MODES`-style text: comma separated, blanks dropped.
/// Modes may themselves contain commas only if separated by `;` — so a list
/// like `off;threshold=1,bridge=1` is two modes.  Without any `;` the text is
/// split on `,` except that a piece containing `=` is joined to a previous
/// piece that also contains `=` (so `off,threshold=1,bridge=1` is the two
/// modes `off` and `threshold=1,bridge=1`).
pub fn parse_modes(text: &str) -> Vec<String> {
    let text = text.trim();
    if text.is_empty() {
        return vec!["off".to_string()];
    }
    let mut modes: Vec<String> = Vec::new();
    if text.contains(';') {
        for m in text.split(';') {
            let m = m.trim();
            if !m.is_empty() {
                modes.push(m.to_string());
            }
        }
    } else {
        for piece in text.split(',') {
            let piece = piece.trim();
            if piece.is_empty() {
                continue;
            }
            match modes.last_mut() {
                Some(last) if piece.contains('=') && last.contains('=') => {
                    last.push(',');
                    last.push_str(piece);
                }
                _ => modes.push(piece.to_string()),
            }
        }
    }
    if modes.is_empty() {
        modes.push("off".to_string());
    }
    modes
}

/// Entries of `tests/known_failures.txt`: path -> modes (`None` = all modes).
#[derive(Default)]
pub struct KnownFailures {
    entries: HashMap<String, Option<Vec<String>>>,
    pub order: Vec<String>,
}

impl KnownFailures {
    pub fn load(path: &Path) -> KnownFailures {
        match std::fs::read_to_string(path) {
            Ok(text) => KnownFailures::parse(&text),
            Err(_) => KnownFailures::default(),
        }
    }

    pub fn parse(text: &str) -> KnownFailures {
        let mut kf = KnownFailures::default();
        for line in text.lines() {
            let line = match line.find('#') {
                Some(i) => &line[..i],
                None => line,
            };
            let mut parts = line.split_whitespace();
            let path = match parts.next() {
                Some(p) => normalize_rel(p),
                None => continue,
            };
            let mode = parts.next().map(|m| m.to_string());
            if !kf.entries.contains_key(&path) {
                kf.order.push(path.clone());
            }
            let entry = kf.entries.entry(path).or_insert_with(|| Some(Vec::new()));
            match mode {
                None => *entry = None,
                Some(m) => {
                    if let Some(list) = entry {
                        list.push(m);
                    }
                }
            }
        }
        kf
    }

    pub fn contains(&self, rel: &str, mode: &str) -> bool {
        match self.entries.get(rel) {
            None => false,
            Some(None) => true,
            Some(Some(modes)) => modes.iter().any(|m| m == mode),
        }
    }
}

/// `area/x.py`, `python/area/x.py`, `./tests/python/area/x.py` -> `tests/python/area/x.py`.
pub fn normalize_rel(p: &str) -> String {
    let p = p.trim().replace('\\', "/");
    let p = p.trim_start_matches("./");
    if p.starts_with("tests/python/") {
        p.to_string()
    } else if let Some(rest) = p.strip_prefix("python/") {
        format!("tests/python/{}", rest)
    } else {
        format!("tests/python/{}", p)
    }
}

fn clip(line: &str, max: usize) -> String {
    if line.chars().count() <= max {
        line.to_string()
    } else {
        let s: String = line.chars().take(max).collect();
        format!("{}...", s)
    }
}

/// A short unified-style diff of the first difference between two outputs.
pub fn short_diff(label: &str, expected: &[u8], actual: &[u8], max_lines: usize) -> String {
    let exp = String::from_utf8_lossy(expected);
    let act = String::from_utf8_lossy(actual);
    let e: Vec<&str> = exp.split_inclusive('\n').collect();
    let a: Vec<&str> = act.split_inclusive('\n').collect();
    let mut first = 0;
    while first < e.len() && first < a.len() && e[first] == a[first] {
        first += 1;
    }
    let ctx_start = first.saturating_sub(2);
    let show = |l: &str| -> String {
        let (body, nl) = match l.strip_suffix('\n') {
            Some(b) => (b, true),
            None => (l, false),
        };
        let mut s = clip(&format!("{:?}", body).trim_matches('"').replace("\\\"", "\""), 200);
        if !nl {
            s.push_str("  (no newline at end)");
        }
        s
    };
    let mut out = String::new();
    out.push_str(&format!(
        "    --- expected {}  +++ actual {}  @@ line {} (expected {} lines, actual {} lines)\n",
        label,
        label,
        first + 1,
        e.len(),
        a.len()
    ));
    for l in &e[ctx_start..first] {
        out.push_str(&format!("     {}\n", show(l)));
    }
    let e_end = (first + max_lines).min(e.len());
    let a_end = (first + max_lines).min(a.len());
    for l in &e[first..e_end] {
        out.push_str(&format!("    -{}\n", show(l)));
    }
    if e.len() > e_end {
        out.push_str(&format!("    -... ({} more expected lines)\n", e.len() - e_end));
    }
    for l in &a[first..a_end] {
        out.push_str(&format!("    +{}\n", show(l)));
    }
    if a.len() > a_end {
        out.push_str(&format!("    +... ({} more actual lines)\n", a.len() - a_end));
    }
    out
}

/// Compare a run with the expected files; `None` when they match, else a
/// one-line reason plus diff text.
pub fn compare(exp: &Expected, got: &RunOutput, max_lines: usize) -> Option<(String, String)> {
    if got.timed_out {
        return Some((
            format!("timed out after {:.1}s", got.elapsed.as_secs_f64()),
            String::new(),
        ));
    }
    let mut reasons = Vec::new();
    let mut detail = String::new();
    if got.stdout != exp.stdout {
        reasons.push("stdout differs".to_string());
        detail.push_str(&short_diff("stdout", &exp.stdout, &got.stdout, max_lines));
    }
    if got.stderr != exp.stderr {
        reasons.push("stderr differs".to_string());
        detail.push_str(&short_diff("stderr", &exp.stderr, &got.stderr, max_lines));
    }
    if got.code != exp.code {
        reasons.push(format!("exit code {} (expected {})", got.code, exp.code));
    }
    if reasons.is_empty() {
        None
    } else {
        Some((reasons.join(", "), detail))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes() {
        assert_eq!(parse_modes(""), vec!["off"]);
        assert_eq!(parse_modes("off"), vec!["off"]);
        assert_eq!(parse_modes("off,threshold=1,bridge=1"), vec!["off", "threshold=1,bridge=1"]);
        assert_eq!(parse_modes("off;threshold=1,bridge=1;on"), vec!["off", "threshold=1,bridge=1", "on"]);
        assert_eq!(parse_modes("off, on"), vec!["off", "on"]);
    }

    #[test]
    fn known() {
        let kf = KnownFailures::parse("# c\nerrors/a.py\ntests/python/b/c.py threshold=1 # x\n\n");
        assert!(kf.contains("tests/python/errors/a.py", "off"));
        assert!(kf.contains("tests/python/b/c.py", "threshold=1"));
        assert!(!kf.contains("tests/python/b/c.py", "off"));
    }

    #[test]
    fn lines() {
        assert_eq!(split_lines("a\n\nb\r\nc"), vec!["a", "", "b", "c"]);
        assert_eq!(split_lines(""), Vec::<String>::new());
    }

    #[test]
    fn norm() {
        let r = vec!["/x/y".to_string()];
        assert_eq!(normalize(b"File \"/x/y/tests/a.py\"", &r), b"File \"tests/a.py\"".to_vec());
    }
}
