#!/usr/bin/env bash
# The whole test suite: release build once, unit tests (value encoding, CPython-verified
# formatting/hash/math/str/set tables), JIT trace shapes, then every program under tests/python
# against its CPython 3.11 expected output in three JIT modes. Programs listed in
# tests/known_failures.txt may fail.
set -euo pipefail
cd "$(dirname "$0")"
cargo build --release
cargo test --release --workspace --exclude rpy-tests
cargo test --release -p rpy-tests --test jit_shapes --test jit_policies
RPY_TEST_MODES="${RPY_TEST_MODES:-off;threshold=1,bridge=1;threshold=7,bridge=3}" cargo test --release -p rpy-tests --test programs
