//! Values a running trace replaces in memory (the old value of an instance attribute or a
//! dict entry). The trace may still hold the old value's bits in a register: it borrows
//! values it read, and the interpreter's frame does not own what the trace keeps in
//! registers. So a replaced value whose reference was the last one is not freed at once:
//! it waits here until the loop's traces have left and the frame owns their exit values
//! (`Jit::run_loop`, `functions::run`). An object with `__del__` is finalised then, not at
//! the store.

use rpy_interpreter::value::Value;
use std::cell::RefCell;

thread_local! {
    static DEFERRED: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

/// Releases a value a trace replaced: at once when another reference keeps the object
/// alive anyway, else once the running trace has left (`release_deferred`). A value waits
/// here at most once at a time: while it waits, this list holds a reference to it, so a
/// later replacement of the same object releases that one at once. So the list stays as
/// short as the number of distinct objects a run replaced.
pub fn release(v: Value) {
    if v.is_shared() {
        drop(v);
    } else {
        DEFERRED.with(|d| d.borrow_mut().push(v));
    }
}

/// How many values wait now: a trace run takes this mark on entry, and releases what waits
/// above it when it has left.
pub fn deferred_mark() -> usize {
    DEFERRED.with(|d| d.borrow().len())
}

/// Frees the values deferred since `mark`, one at a time (freeing one may run Python code,
/// which may run traces that defer and release values of their own).
pub fn release_deferred(mark: usize) {
    loop {
        let v = DEFERRED.with(|d| {
            let mut d = d.borrow_mut();
            if d.len() > mark { d.pop() } else { None }
        });
        match v {
            Some(v) => drop(v),
            None => return,
        }
    }
}
