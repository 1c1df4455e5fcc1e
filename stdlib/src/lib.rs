//! Native standard-library modules written in Rust (`math`, `time`). Each module registers
//! itself with the VM's native-module registry; `all()` lists them for the binary.

pub mod math;
pub mod time;

use rpy_interpreter::Vm;

/// Registers every native module with the VM.
pub fn register_all(vm: &mut Vm) {
    vm.register_native_module("math", math::init);
    vm.register_native_module("time", time::init);
}
