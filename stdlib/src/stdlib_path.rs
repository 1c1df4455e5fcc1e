//! Locating CPython 3.11's pure-Python standard library (`Lib/`) on this machine.
//!
//! Order: `$RPY_STDLIB` (a directory, or several joined by ':'); the cached probe result in
//! `$XDG_CACHE_HOME/rpy/stdlib-path` (default `~/.cache/rpy/stdlib-path`) if it still holds a
//! valid Lib; `python3.11` on `PATH`, resolved through its symlinks to `<prefix>/lib/python3.11`
//! (no process is spawned); then well-known locations (`/usr/lib/python3.11`,
//! `/usr/local/lib/python3.11`, `~/.pyenv/versions/3.11*/lib/python3.11`). A found directory is
//! written to the cache. Only a 3.11 Lib is accepted; when none is found the result is empty and
//! nothing is printed. Cost when the cache is warm: one small file read plus a few `stat`s.

use std::path::{Path, PathBuf};

/// Whether `dir` looks like CPython 3.11's Lib: it has `os.py`, and 3.11-only markers
/// (`tomllib/` and `re/_constants.py` with MAGIC 20220615 appear in 3.11; 3.12 removed
/// `distutils/` and `asynchat.py`, which 3.11 still has).
pub fn is_311_lib(dir: &Path) -> bool {
    if !dir.join("os.py").is_file() || !dir.join("tomllib").is_dir() {
        return false;
    }
    if !dir.join("asynchat.py").is_file() {
        return false;
    }
    match std::fs::read_to_string(dir.join("re").join("_constants.py")) {
        Ok(s) => s.contains("MAGIC = 20220615"),
        Err(_) => false,
    }
}

fn cache_file() -> Option<PathBuf> {
    let base = match std::env::var_os("XDG_CACHE_HOME") {
        Some(x) if !x.is_empty() => PathBuf::from(x),
        _ => PathBuf::from(std::env::var_os("HOME")?).join(".cache"),
    };
    Some(base.join("rpy").join("stdlib-path"))
}

fn read_cache() -> Option<PathBuf> {
    let s = std::fs::read_to_string(cache_file()?).ok()?;
    let p = PathBuf::from(s.trim());
    if is_311_lib(&p) {
        Some(p)
    } else {
        None
    }
}

fn write_cache(p: &Path) {
    if let Some(f) = cache_file() {
        if let Some(d) = f.parent() {
            let _ = std::fs::create_dir_all(d);
        }
        let tmp = f.with_extension(format!("tmp{}", std::process::id()));
        if std::fs::write(&tmp, format!("{}\n", p.display())).is_ok() {
            let _ = std::fs::rename(&tmp, &f);
        }
    }
}

/// `<prefix>/lib/python3.11` for the `python3.11` found on PATH (following symlinks, and
/// looking through pyenv's shims to the version directories).
fn probe_path() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        let exe = dir.join("python3.11");
        if !exe.is_file() {
            continue;
        }
        let mut candidates = vec![exe.clone()];
        if let Ok(real) = std::fs::canonicalize(&exe) {
            candidates.push(real);
        }
        for c in candidates {
            if let Some(prefix) = c.parent().and_then(|b| b.parent()) {
                let lib = prefix.join("lib").join("python3.11");
                if is_311_lib(&lib) {
                    return Some(lib);
                }
            }
        }
    }
    None
}

fn well_known() -> Option<PathBuf> {
    let mut c: Vec<PathBuf> = vec!["/usr/lib/python3.11".into(), "/usr/local/lib/python3.11".into()];
    let pyenv_root = std::env::var_os("PYENV_ROOT").map(PathBuf::from).or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".pyenv")));
    if let Some(root) = pyenv_root {
        if let Ok(rd) = std::fs::read_dir(root.join("versions")) {
            let mut vs: Vec<PathBuf> = rd
                .filter_map(|e| e.ok())
                .filter(|e| e.file_name().to_string_lossy().starts_with("3.11"))
                .map(|e| e.path().join("lib").join("python3.11"))
                .collect();
            vs.sort();
            vs.reverse();
            c.extend(vs);
        }
    }
    c.into_iter().find(|p| is_311_lib(p))
}

/// The directories to append to `sys.path` (after the script directory and `PYTHONPATH`):
/// CPython 3.11's Lib, or nothing when no 3.11 Lib is found.
pub fn stdlib_paths() -> Vec<String> {
    if let Some(v) = std::env::var_os("RPY_STDLIB") {
        return std::env::split_paths(&v).filter(|p| !p.as_os_str().is_empty()).map(|p| p.to_string_lossy().into_owned()).collect();
    }
    if let Some(p) = read_cache() {
        return vec![p.to_string_lossy().into_owned()];
    }
    if let Some(p) = probe_path().or_else(well_known) {
        write_cache(&p);
        return vec![p.to_string_lossy().into_owned()];
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_311_lib_or_nothing() {
        for p in stdlib_paths() {
            if std::env::var_os("RPY_STDLIB").is_none() {
                assert!(is_311_lib(Path::new(&p)), "{p}");
            }
        }
    }
}
