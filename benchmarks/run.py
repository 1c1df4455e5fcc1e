#!/usr/bin/env python3
"""Benchmark runner for rpy: times each benchmark under rpy, CPython, PyPy (if installed) and, optionally, C.

    python3 benchmarks/run.py                        # eight core benchmarks, default sizes, 3 repeats
    python3 benchmarks/run.py --size large --jit both --c --json results.json
    python3 benchmarks/run.py --rpy python3 --repeat 1 --only fib_recursive,fib_iterative   # self-test

Every interpreter must print the same stdout as CPython (the reference); a difference is flagged with `!`
and the time is left out of the ratios. A non-zero exit or a timeout is shown as FAIL / TIMEOUT, never as a
time. Wall time is the median over the repeats of the whole process (start-up included); memory is the peak
RSS (ru_maxrss from os.wait4) over the repeats. Ratios are other-time / rpy-time, so > 1 means rpy is faster.

Standard library only. See benchmarks/README.md.
"""

import argparse
import json
import math
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PROGRAMS = os.path.join(HERE, "programs")
CSRC = os.path.join(HERE, "c")
BUILD = os.path.join(HERE, "build")
SIZES = os.path.join(HERE, "sizes.txt")
DEFAULT_RPY = os.path.join(ROOT, "target", "release", "rpy")

CORE = [
    "diffusion1d",
    "euler39",
    "fib_iterative",
    "fib_recursive",
    "jacobi2d",
    "listcomp_sqrt",
    "locate_events",
    "pythran_examples",
]


def log(msg, quiet=False):
    if not quiet:
        print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------------------------
# Benchmarks and sizes


def load_sizes(path=SIZES):
    """name -> {"default": [args], "large": [args] or None}, in file order."""
    sizes = {}
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            cols = [c.strip() for c in line.split("|")]
            if len(cols) < 2:
                raise SystemExit(f"{path}:{lineno}: expected 'name | default args | large args'")
            name = cols[0]
            default = cols[1].split() if len(cols) > 1 else []
            large = cols[2].split() if len(cols) > 2 and cols[2] else None
            sizes[name] = {"default": default, "large": large}
    return sizes


def all_benchmarks(sizes):
    names = [n for n in sizes if os.path.exists(os.path.join(PROGRAMS, n + ".py"))]
    extra = sorted(f[:-3] for f in os.listdir(PROGRAMS) if f.endswith(".py") and f[:-3] not in sizes)
    return names + extra


def bench_args(name, sizes, size):
    entry = sizes.get(name, {"default": [], "large": None})
    if size == "large":
        if entry["large"] is not None:
            return entry["large"], False
        return entry["default"], True  # no large size recorded: fell back to default
    return entry["default"], False


# ---------------------------------------------------------------------------------------------------------------
# Interpreters


class Runner:
    """One column of the table: how to run a benchmark (prefix + script + args) and with which environment."""

    def __init__(self, column, kind, exe, env_extra=None, label=None):
        self.column = column  # "rpy", "rpy-jit", "cpython", "pypy", "c"
        self.kind = kind  # "rpy", "python" or "c"
        self.exe = exe  # resolved executable (None for c)
        self.env_extra = env_extra or {}
        self.label = label or exe
        self.missing = None  # reason this runner cannot run at all
        self.version = None

    def env(self):
        env = dict(os.environ)
        env.update(self.env_extra)
        return env


def resolve_exe(spec):
    """A path (containing '/') is taken as is; a bare name is looked up on PATH."""
    if os.sep in spec or (os.altsep and os.altsep in spec):
        path = os.path.abspath(spec)
        return path if os.path.isfile(path) and os.access(path, os.X_OK) else None
    return shutil.which(spec)


def real_python(spec):
    """Resolve a Python to its real executable (skips pyenv-style shims, whose start-up costs tens of ms)."""
    exe = resolve_exe(spec)
    if exe is None:
        return None, None
    try:
        out = subprocess.run(
            [exe, "-c", "import sys, platform; print(sys.executable); print(platform.python_implementation(), "
                        "platform.python_version(), sys.version.replace(chr(10), ' '))"],
            capture_output=True, text=True, timeout=60,
        )
        lines = out.stdout.splitlines()
        if out.returncode == 0 and len(lines) >= 2 and lines[0] and os.path.isfile(lines[0]):
            return lines[0], lines[1]
    except (OSError, subprocess.SubprocessError):
        pass
    return exe, None


def version_of(exe, arg="--version"):
    try:
        out = subprocess.run([exe, arg], capture_output=True, text=True, timeout=30)
        text = (out.stdout or out.stderr).strip().splitlines()
        return text[0] if text and out.returncode == 0 else None
    except (OSError, subprocess.SubprocessError):
        return None


# ---------------------------------------------------------------------------------------------------------------
# Running one process


def run_once(argv, env, cwd, timeout, helper=None):
    """Run argv to completion; return wall seconds, peak RSS (KiB), exit code, timeout flag, stdout, stderr.

    With `helper` (the compiled tools/maxrss.c) the command runs as the helper's child and the helper reports
    the child's ru_maxrss; otherwise ru_maxrss comes straight from os.wait4 (then it has the runner's own RSS as
    a floor, see tools/maxrss.c)."""
    rss_file = None
    if helper:
        fd, rss_file = tempfile.mkstemp(prefix="rpy-bench-rss-")
        os.close(fd)
        argv = [helper, rss_file] + list(argv)
    try:
        return _run_once(argv, env, cwd, timeout, rss_file)
    finally:
        if rss_file:
            try:
                os.unlink(rss_file)
            except OSError:
                pass


def _run_once(argv, env, cwd, timeout, rss_file):
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        try:
            proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env, cwd=cwd,
                                    start_new_session=True)
        except OSError as e:
            return {"wall": None, "maxrss_kib": None, "rc": None, "timed_out": False, "stdout": "",
                    "stderr": f"cannot start {argv[0]}: {e}"}
        timed_out = []
        lock = threading.Lock()
        reaped = []

        def kill():
            with lock:
                if reaped:
                    return
                timed_out.append(True)
                try:
                    os.killpg(proc.pid, signal.SIGKILL)  # the whole group: worker processes/threads too
                except (ProcessLookupError, PermissionError):
                    pass

        timer = threading.Timer(timeout, kill)
        timer.daemon = True
        timer.start()
        try:
            while True:
                try:
                    _, status, rusage = os.wait4(proc.pid, 0)
                    break
                except InterruptedError:
                    continue
        except BaseException:  # e.g. Ctrl-C: don't leave the benchmark running
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            raise
        t1 = time.perf_counter()
        with lock:
            reaped.append(True)
        timer.cancel()
        rc = os.waitstatus_to_exitcode(status)
        proc.returncode = rc  # we reaped it ourselves; keep Popen from trying again
        maxrss = rusage.ru_maxrss  # Linux: KiB
        if rss_file and not timed_out:
            try:
                with open(rss_file) as f:
                    kib, code = f.read().split()
                maxrss, rc = int(kib), int(code)
            except (OSError, ValueError):
                pass  # helper could not report (e.g. it could not start): keep wait4's figures
        out.seek(0)
        err.seek(0)
        return {
            "wall": t1 - t0,
            "maxrss_kib": maxrss,
            "rc": rc,
            "timed_out": bool(timed_out),
            "stdout": out.read().decode("utf-8", "replace"),
            "stderr": err.read().decode("utf-8", "replace"),
        }


def stderr_summary(text):
    """First non-empty stderr line; for a Python traceback also the final (exception) line."""
    lines = [l.rstrip() for l in text.splitlines() if l.strip()]
    if not lines:
        return "(no stderr)"
    first = lines[0]
    if first.startswith("Traceback") and len(lines) > 1:
        return f"{first} ... {lines[-1].strip()}"
    return first


def first_diff(expected, got):
    if not got.strip():
        return f"no output (expected {expected.splitlines()[0][:100]!r}...)" if expected.strip() else "no output"
    e, g = expected.splitlines(), got.splitlines()
    for i in range(max(len(e), len(g))):
        a = e[i] if i < len(e) else "<missing line>"
        b = g[i] if i < len(g) else "<missing line>"
        if a != b:
            return f"line {i + 1}: expected {a[:100]!r}, got {b[:100]!r}"
    return "trailing whitespace/newline differs"


# ---------------------------------------------------------------------------------------------------------------
# C references


def build_c(name, cc, quiet):
    """Compile benchmarks/c/<name>.c into benchmarks/build/<name>; return (path or None, error or None)."""
    src = os.path.join(CSRC, name + ".c")
    if not os.path.exists(src):
        return None, None
    os.makedirs(BUILD, exist_ok=True)
    exe = os.path.join(BUILD, name)
    if os.path.exists(exe) and os.path.getmtime(exe) >= os.path.getmtime(src):
        return exe, None
    cmd = [cc, "-O2", "-o", exe, src, "-lm"]
    log("  build: " + " ".join(cmd), quiet)
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        return None, "C build failed: " + stderr_summary(res.stderr)
    return exe, None


def build_rss_helper(cc, quiet):
    """Compile tools/maxrss.c into build/maxrss (once); return its path, or None with a reason."""
    src = os.path.join(HERE, "tools", "maxrss.c")
    if cc is None:
        return None, "no C compiler"
    if not os.path.exists(src):
        return None, f"{src} missing"
    os.makedirs(BUILD, exist_ok=True)
    exe = os.path.join(BUILD, "maxrss")
    if os.path.exists(exe) and os.path.getmtime(exe) >= os.path.getmtime(src):
        return exe, None
    cmd = [cc, "-O2", "-o", exe, src]
    log("  build: " + " ".join(cmd), quiet)
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        return None, "build failed: " + stderr_summary(res.stderr)
    return exe, None


# ---------------------------------------------------------------------------------------------------------------
# Formatting


def fmt_time(cell):
    st = cell["status"]
    if st == "ok":
        return f"{cell['median']:.3f}"
    if st == "mismatch":
        return f"{cell['median']:.3f}!"
    if st == "fail":
        return "FAIL"
    if st == "timeout":
        return "TIMEOUT"
    return "-"


def fmt_mem(cell):
    if cell["status"] in ("ok", "mismatch") and cell.get("peak_rss_mib") is not None:
        return f"{cell['peak_rss_mib']:.1f}"
    return "-"


def fmt_ratio(r):
    if r is None:
        return "-"
    return f"{r:.2f}" if r < 100 else f"{r:.0f}"


def geomean(xs):
    xs = [x for x in xs if x is not None and x > 0]
    if not xs:
        return None
    return math.exp(sum(math.log(x) for x in xs) / len(xs))


def render_table(header, rows, right_from=1):
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    def line(r):
        parts = []
        for i, v in enumerate(r):
            v = str(v)
            parts.append(v.ljust(widths[i]) if i < right_from else v.rjust(widths[i]))
        return "  ".join(parts).rstrip()
    sep = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), sep] + [line(r) for r in rows])


# ---------------------------------------------------------------------------------------------------------------
# Main


def parse_args(argv):
    p = argparse.ArgumentParser(
        description="Run the rpy benchmark suite against CPython, PyPy and C.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter,
    )
    p.add_argument("--rpy", default=DEFAULT_RPY, help="rpy executable (path, or a name looked up on PATH)")
    p.add_argument("--cpython", default="python3", help="CPython executable (the reference output)")
    p.add_argument("--pypy", default="pypy3", help="PyPy executable; its columns are omitted when not found")
    p.add_argument("--no-pypy", action="store_true", help="do not run PyPy even when installed")
    p.add_argument("--cc", default="gcc", help="C compiler for --c")
    p.add_argument("--size", choices=["default", "large"], default="default",
                   help="default: the programs' built-in sizes; large: the 'large' column of sizes.txt")
    p.add_argument("--repeat", type=int, default=3, help="runs per benchmark and interpreter (median reported)")
    p.add_argument("--only", default=None, help="comma-separated benchmark names (any in programs/)")
    p.add_argument("--all", action="store_true", help="all benchmarks (np_*, gauss_count, mp_euler39 too)")
    p.add_argument("--jit", choices=["off", "on", "both"], default="off",
                   help="run rpy with RPY_JIT=off (column rpy), RPY_JIT=on (column rpy-jit), or both")
    p.add_argument("--c", action="store_true", help="also build (gcc -O2 -lm into benchmarks/build/) and time "
                                                    "the C references in benchmarks/c/")
    p.add_argument("--timeout", type=float, default=300.0, help="per-run timeout in seconds")
    p.add_argument("--json", metavar="FILE", default=None, help="write the raw results as JSON to FILE")
    p.add_argument("--no-rss-helper", action="store_true",
                   help="take ru_maxrss straight from os.wait4 instead of via the small tools/maxrss.c launcher "
                        "(then every figure includes the runner's own ~16 MiB as a floor)")
    p.add_argument("--quiet", action="store_true", help="no per-run progress on stderr")
    p.add_argument("--list", action="store_true", help="list the benchmarks and their sizes, then exit")
    args = p.parse_args(argv)
    if args.repeat < 1:
        p.error("--repeat must be >= 1")
    return args


def main(argv=None):
    args = parse_args(argv)
    sizes = load_sizes()
    available = all_benchmarks(sizes)

    if args.list:
        for n in available:
            s = sizes.get(n, {"default": [], "large": None})
            c = " (C reference)" if os.path.exists(os.path.join(CSRC, n + ".c")) else ""
            core = " [core]" if n in CORE else ""
            print(f"{n:20} default: {' '.join(s['default']) or '(built-in)':12} "
                  f"large: {' '.join(s['large']) if s['large'] else '-'}{core}{c}")
        return 0

    if args.only:
        selected = [n.strip() for n in args.only.split(",") if n.strip()]
        unknown = [n for n in selected if n not in available]
        if unknown:
            print(f"unknown benchmark(s): {', '.join(unknown)}; available: {', '.join(available)}", file=sys.stderr)
            return 2
    elif args.all:
        selected = available
    else:
        selected = [n for n in CORE if n in available]

    # ---- runners
    runners = []
    notes = []
    rpy_exe = resolve_exe(args.rpy)
    jit_modes = {"off": ["off"], "on": ["on"], "both": ["off", "on"]}[args.jit]
    for mode in jit_modes:
        col = "rpy" if mode == "off" else "rpy-jit"
        r = Runner(col, "rpy", rpy_exe or args.rpy, {"RPY_JIT": mode})
        if rpy_exe is None:
            r.missing = f"rpy not found at {args.rpy} (build it: cargo build --release, or pass --rpy PATH)"
        runners.append(r)
    rpy_version = version_of(rpy_exe) if rpy_exe else None
    for r in runners:
        r.version = rpy_version

    cpy_exe, cpy_ver = real_python(args.cpython)
    cpy = Runner("cpython", "python", cpy_exe or args.cpython)
    cpy.version = cpy_ver
    if cpy_exe is None:
        cpy.missing = f"CPython not found: {args.cpython}"
    runners.append(cpy)

    pypy = None
    if not args.no_pypy:
        pypy_exe, pypy_ver = real_python(args.pypy)
        if pypy_exe is None:
            notes.append(f"note: PyPy ({args.pypy}) not installed; PyPy columns omitted")
        else:
            pypy = Runner("pypy", "python", pypy_exe)
            pypy.version = pypy_ver
            runners.append(pypy)

    cc_runner = None
    if args.c:
        cc = shutil.which(args.cc)
        cc_runner = Runner("c", "c", None, label=f"{args.cc} -O2 -lm")
        if cc is None:
            cc_runner.missing = f"C compiler {args.cc} not found"
        else:
            cc_runner.version = version_of(cc)
            cc_runner.label = f"{cc} -O2 -lm"
        runners.append(cc_runner)

    for r in runners:
        if r.missing and r.kind != "rpy":  # a missing rpy is listed as FAIL below the table
            notes.append(f"note: {r.missing}")

    helper = None
    if args.no_rss_helper:
        notes.append("note: peak RSS taken directly from os.wait4 (--no-rss-helper): it includes the runner's "
                     "own RSS as a floor")
    else:
        helper, why = build_rss_helper(shutil.which(args.cc), args.quiet)
        if helper is None:
            notes.append(f"note: RSS helper unavailable ({why}); peak RSS taken directly from os.wait4 and "
                         "includes the runner's own RSS as a floor")

    rpy_cols = [r.column for r in runners if r.kind == "rpy"]
    log(f"benchmarks: {', '.join(selected)}; size={args.size}; repeat={args.repeat}; jit={args.jit}", args.quiet)
    for r in runners:
        log(f"  {r.column:8} {r.label if r.kind == 'c' else r.exe}"
            f"{'  [' + r.version + ']' if r.version else ''}{'  (' + r.missing + ')' if r.missing else ''}",
            args.quiet)

    results = {}
    for bi, name in enumerate(selected, 1):
        bargs, fell_back = bench_args(name, sizes, args.size)
        if fell_back:
            notes.append(f"note: {name}: no large size in sizes.txt; ran at default size")
        script = os.path.join(PROGRAMS, name + ".py")
        cells = {}
        argvs = {}
        for r in runners:
            cell = {"status": "pending", "runs": [], "error": None}
            cells[r.column] = cell
            if r.missing:
                cell["status"] = "fail" if r.kind in ("rpy",) else "n/a"
                cell["error"] = r.missing
                continue
            if r.kind == "c":
                exe, err = build_c(name, shutil.which(args.cc), args.quiet)
                if err:
                    cell["status"], cell["error"] = "fail", err
                    continue
                if exe is None:
                    cell["status"] = "n/a"  # no C reference for this benchmark
                    continue
                argvs[r.column] = [exe] + bargs
            else:
                argvs[r.column] = [r.exe, script] + bargs
            cell["argv"] = argvs[r.column]

        log(f"[{bi}/{len(selected)}] {name} {' '.join(bargs)}", args.quiet)
        # Interleave interpreters within each repeat so that machine-load drift hits all of them alike.
        for rep in range(args.repeat):
            for r in runners:
                cell = cells[r.column]
                if cell["status"] not in ("pending", "running"):
                    continue
                cell["status"] = "running"
                res = run_once(argvs[r.column], r.env(), PROGRAMS, args.timeout, helper)
                cell["runs"].append({k: res[k] for k in ("wall", "maxrss_kib", "rc", "timed_out")})
                if res["timed_out"]:
                    cell["status"] = "timeout"
                    cell["error"] = f"timed out after {args.timeout:g} s"
                elif res["rc"] != 0:
                    cell["status"] = "fail"
                    what = f"exit {res['rc']}" if res["rc"] is not None and res["rc"] >= 0 else \
                        (f"signal {-res['rc']}" if res["rc"] is not None else "could not start")
                    cell["error"] = f"{what}: {stderr_summary(res['stderr'])}"
                    cell["stderr"] = res["stderr"][-4000:]
                elif "stdout" not in cell:
                    cell["stdout"] = res["stdout"]
                elif res["stdout"] != cell["stdout"]:
                    cell["unstable"] = f"stdout changed between repeats ({first_diff(cell['stdout'], res['stdout'])})"
                if cell["status"] == "running":
                    log(f"    rep {rep + 1}/{args.repeat} {r.column:8} {res['wall']:8.3f} s "
                        f"{res['maxrss_kib'] / 1024:8.1f} MiB", args.quiet)
                else:
                    log(f"    rep {rep + 1}/{args.repeat} {r.column:8} {cell['status'].upper()}: {cell['error']}",
                        args.quiet)

        for r in runners:
            cell = cells[r.column]
            if cell["status"] == "running":
                cell["status"] = "ok"
                walls = [x["wall"] for x in cell["runs"]]
                cell["median"] = statistics.median(walls)
                cell["peak_rss_mib"] = max(x["maxrss_kib"] for x in cell["runs"]) / 1024.0

        # Reference output: CPython's, else the first interpreter that ran cleanly.
        ref_col = "cpython" if cells["cpython"]["status"] == "ok" else \
            next((r.column for r in runners if cells[r.column]["status"] == "ok"), None)
        for r in runners:
            cell = cells[r.column]
            if cell["status"] != "ok":
                continue
            if cell.get("unstable"):
                cell["status"] = "mismatch"
                cell["error"] = cell["unstable"]
            elif ref_col and r.column != ref_col and cell["stdout"] != cells[ref_col]["stdout"]:
                cell["status"] = "mismatch"
                cell["error"] = f"stdout differs from {ref_col}: {first_diff(cells[ref_col]['stdout'], cell['stdout'])}"
        if ref_col is None:
            notes.append(f"note: {name}: no interpreter ran it cleanly; outputs not checked")
        elif ref_col != "cpython":
            notes.append(f"note: {name}: CPython did not run cleanly; outputs checked against {ref_col}")

        # Ratios other/rpy (> 1: rpy faster). Only clean, matching runs count.
        ratios = {}
        for rc in rpy_cols:
            rcell = cells[rc]
            for other in ("cpython", "pypy", "c"):
                if other not in cells:
                    continue
                ocell = cells[other]
                key = f"{other}/{rc}"
                if rcell["status"] == "ok" and ocell["status"] == "ok" and rcell["median"] > 0:
                    ratios[key] = ocell["median"] / rcell["median"]
                else:
                    ratios[key] = None
        results[name] = {"args": bargs, "cells": cells, "ratios": ratios, "reference": ref_col}

    # ---- table
    col_names = {"rpy": "rpy", "rpy-jit": "rpy-jit", "cpython": "CPython", "pypy": "PyPy", "c": "C"}
    header = ["benchmark", "args"]
    for r in runners:
        header += [f"{col_names[r.column]} s", "MiB"]
    ratio_keys = []
    for other in ("cpython", "pypy", "c"):
        if any(r.column == other for r in runners):
            for rc in rpy_cols:
                ratio_keys.append(f"{other}/{rc}")
                header.append(f"{col_names[other]}/{rc}")
    rows = []
    for name in selected:
        res = results[name]
        row = [name, " ".join(res["args"]) or "-"]
        for r in runners:
            cell = res["cells"][r.column]
            row += [fmt_time(cell), fmt_mem(cell)]
        row += [fmt_ratio(res["ratios"].get(k)) for k in ratio_keys]
        rows.append(row)

    # geometric means over the core benchmarks (only where both sides ran cleanly)
    core_sel = [n for n in CORE if n in results]
    summary = {}
    gm_row = ["geomean (core)", ""] + [""] * (2 * len(runners))
    for k in ratio_keys:
        vals = [results[n]["ratios"].get(k) for n in core_sel]
        vals = [v for v in vals if v is not None]
        g = geomean(vals)
        summary[k] = {"geomean_core": g, "n": len(vals), "of": len(CORE)}
        gm_row.append(fmt_ratio(g) if g is not None else "-")
    rows.append(gm_row)

    print()
    print(f"rpy benchmarks — size={args.size}, repeat={args.repeat} (median wall s, peak RSS MiB), "
          f"{time.strftime('%Y-%m-%d %H:%M')}, {platform.node()} ({os.cpu_count()} cpus)")
    print(render_table(header, rows, right_from=2))
    print("ratios are other-time / rpy-time (> 1: rpy faster); '!' = stdout differs from CPython "
          "(excluded from ratios)")
    for k in ratio_keys:
        s = summary[k]
        other, rc = k.split("/")
        g = f"{s['geomean_core']:.3f}" if s["geomean_core"] is not None else "n/a"
        inv = f"  (i.e. {rc}/C = {1 / s['geomean_core']:.1f})" if other == "c" and s["geomean_core"] else ""
        print(f"geomean {col_names[other]}/{rc} over core benchmarks: {g} ({s['n']}/{s['of']} benchmarks){inv}")

    problems = []
    for name in selected:
        for r in runners:
            cell = results[name]["cells"][r.column]
            if cell["status"] in ("fail", "timeout", "mismatch") and not r.missing:
                problems.append(f"{cell['status'].upper():8} {name} [{r.column}]: {cell['error']}")
    missing_once = []
    for r in runners:
        if r.missing and r.kind == "rpy":
            missing_once.append(f"FAIL     all [{r.column}]: {r.missing}")
    if problems or missing_once or notes:
        print()
    for line in missing_once + problems:
        print(line)
    for n in dict.fromkeys(notes):
        print(n)

    if args.json:
        out = {
            "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "host": {"node": platform.node(), "cpus": os.cpu_count(), "platform": platform.platform()},
            "options": {"size": args.size, "repeat": args.repeat, "jit": args.jit, "c": args.c,
                        "timeout": args.timeout, "selected": selected},
            "interpreters": {r.column: {"exe": r.exe, "label": r.label, "version": r.version, "env": r.env_extra,
                                        "missing": r.missing} for r in runners},
            "benchmarks": results,
            "geomean_core": summary,
            "rss_method": "tools/maxrss.c launcher" if helper else "os.wait4 directly",
            "notes": list(dict.fromkeys(notes)),
        }
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(out, f, indent=2)
        print(f"\nraw results written to {args.json}")

    bad = bool(problems or missing_once)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
