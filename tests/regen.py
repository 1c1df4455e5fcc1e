#!/usr/bin/env python3
"""Regenerate the expected results of the differential test programs.

For every ``tests/python/**/*.py`` (files whose name starts with ``_`` are
helper modules and are skipped) this runs

    python3 -X utf8=0 tests/python/<area>/<name>.py [args from <name>.args]

with the working directory set to the repository root and writes, next to
the program:

    <name>.out   captured stdout (bytes, exactly)
    <name>.err   captured stderr (bytes, exactly)
    <name>.code  the exit code as decimal text (no trailing newline)

Occurrences of the absolute repository root followed by "/" are removed from
stdout and stderr (CPython shows the script path made absolute; the runner
does the same rewrite on rpy's output), so expected files hold paths like
``tests/python/errors/x.py``.

Must be run with CPython 3.11 (the reference implementation).  Usage:

    python3.11 tests/regen.py                 # regenerate everything
    python3.11 tests/regen.py errors strings  # only paths containing a filter
    python3.11 tests/regen.py tests/python/classes/mro.py
    python3.11 tests/regen.py --check         # additionally re-run every program
                                              # with other hash seeds and report
                                              # output that is not deterministic
    python3.11 tests/regen.py --clean         # delete expected files whose
                                              # program no longer exists

Never hand-edit the expected files; change the program and rerun this.
"""

import os
import subprocess
import sys

TIMEOUT = 10.0
CHECK_SEEDS = ("1", "12345")


def repo_root():
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def find_programs(root):
    base = os.path.join(root, "tests", "python")
    progs = []
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(("_", ".")))
        for fn in sorted(filenames):
            if fn.endswith(".py") and not fn.startswith("_"):
                full = os.path.join(dirpath, fn)
                progs.append(os.path.relpath(full, root).replace(os.sep, "/"))
    return sorted(progs)


def read_args(root, rel):
    args_path = os.path.join(root, rel[:-3] + ".args")
    if not os.path.exists(args_path):
        return []
    with open(args_path, "r", encoding="utf-8") as f:
        return f.read().splitlines()


def make_env(seed="0"):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = seed
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def run_program(root, rel, seed="0"):
    cmd = [sys.executable, "-X", "utf8=0", rel] + read_args(root, rel)
    try:
        p = subprocess.run(
            cmd,
            cwd=root,
            env=make_env(seed),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        return None
    return normalize(p.stdout, root), normalize(p.stderr, root), p.returncode


def normalize(data, root):
    """CPython makes the script path absolute (``__file__`` and tracebacks show
    ``/abs/repo/tests/python/...``).  Strip the repository root so expected
    files hold the relative path given on the command line and do not depend
    on where the checkout lives.  The Rust runner applies the same rewrite to
    the output of the implementation under test."""
    for r in {os.path.realpath(root), os.path.abspath(root)}:
        data = data.replace((r.rstrip("/") + "/").encode("utf-8"), b"")
    return data


def matches(rel, root, filters):
    if not filters:
        return True
    for flt in filters:
        absf = os.path.abspath(flt)
        if os.path.exists(absf):
            relf = os.path.relpath(absf, root).replace(os.sep, "/")
            if rel == relf or rel.startswith(relf.rstrip("/") + "/"):
                return True
        elif flt in rel:
            return True
    return False


def main(argv):
    if sys.version_info[:2] != (3, 11) or sys.implementation.name != "cpython":
        sys.stderr.write(
            "regen.py must be run with CPython 3.11 (running %s %s)\n"
            % (sys.implementation.name, sys.version.split()[0])
        )
        return 2
    check = "--check" in argv
    clean = "--clean" in argv
    filters = [a for a in argv if not a.startswith("--")]
    root = repo_root()
    progs = find_programs(root)
    selected = [p for p in progs if matches(p, root, filters)]
    if not selected:
        sys.stderr.write("no programs matched\n")
        return 1
    problems = 0
    for rel in selected:
        res = run_program(root, rel)
        if res is None:
            print("TIMEOUT %s (expected files not written)" % rel)
            problems += 1
            continue
        out, err, code = res
        stem = os.path.join(root, rel[:-3])
        with open(stem + ".out", "wb") as f:
            f.write(out)
        with open(stem + ".err", "wb") as f:
            f.write(err)
        with open(stem + ".code", "w") as f:
            f.write(str(code))
        flag = "" if code == 0 else "  (exit %d)" % code
        print("%s%s" % (rel, flag))
        if check:
            for seed in CHECK_SEEDS:
                again = run_program(root, rel, seed)
                if again != res:
                    print("  NONDETERMINISTIC with PYTHONHASHSEED=%s: %s" % (seed, rel))
                    problems += 1
                    break
    # expected files whose program disappeared
    base = os.path.join(root, "tests", "python")
    live = set(p[:-3] for p in progs)
    for dirpath, _dirs, filenames in os.walk(base):
        for fn in filenames:
            stem, ext = os.path.splitext(fn)
            if ext in (".out", ".err", ".code"):
                rel = os.path.relpath(os.path.join(dirpath, stem), root).replace(os.sep, "/")
                if rel not in live:
                    if clean:
                        os.remove(os.path.join(dirpath, fn))
                        print("removed stale %s%s" % (rel, ext))
                    else:
                        print("stale expected file %s%s (use --clean)" % (rel, ext))
    print("%d programs regenerated, %d problems" % (len(selected), problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
