//! SIGINT → `KeyboardInterrupt`: the handler only sets a flag that the eval loop polls on
//! backward jumps and calls.

use std::sync::atomic::{AtomicBool, Ordering};

static INTERRUPTED: AtomicBool = AtomicBool::new(false);

extern "C" fn on_sigint(_sig: i32) {
    INTERRUPTED.store(true, Ordering::Relaxed);
}

extern "C" {
    fn signal(signum: i32, handler: extern "C" fn(i32)) -> usize;
}

const SIGINT: i32 = 2;

/// Installs the SIGINT handler (call once at start-up).
pub fn install() {
    // SAFETY: `on_sigint` is async-signal-safe (it only stores to an atomic).
    unsafe {
        signal(SIGINT, on_sigint);
    }
}

/// Address of the interrupt flag (one byte, non-zero once SIGINT arrived), for compiled code
/// that polls it.
pub fn interrupt_flag_addr() -> usize {
    &INTERRUPTED as *const AtomicBool as usize
}

#[inline]
pub fn take_interrupt() -> bool {
    INTERRUPTED.load(Ordering::Relaxed) && INTERRUPTED.swap(false, Ordering::Relaxed)
}
