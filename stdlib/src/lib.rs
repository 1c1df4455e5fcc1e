//! Native standard-library modules written in Rust. Each module registers itself with the
//! VM's native-module registry; `register_all` lists them for the binary.
//! `stdlib_path::stdlib_paths()` locates CPython 3.11's pure-Python `Lib/` for `sys.path`.

pub mod collections;
pub mod itertools;
pub mod math;
pub mod native;
pub mod stdlib_path;
pub mod string;
pub mod thread;
pub mod time;
pub mod weakref;

use rpy_interpreter::Vm;

/// Registers every native module with the VM.
pub fn register_all(vm: &mut Vm) {
    vm.register_native_module("math", math::init);
    vm.register_native_module("time", time::init);
    vm.register_native_module("itertools", itertools::init);
    vm.register_native_module("_collections", collections::init);
    vm.register_native_module("_string", string::init);
    vm.register_native_module("_thread", thread::init);
    vm.register_native_module("_weakref", weakref::init);
}
