//! A frame's value stack: a growable array addressed by a `top` pointer, so push and pop are
//! one pointer bump with no length bookkeeping (the eval loop does several per instruction).
//! Reads as a slice (`Deref`), so indexing and sub-slices work as on a `Vec`.

use crate::value::Value;
use std::alloc::{self, Layout};
use std::ptr::{self, NonNull};

pub struct ValueStack {
    base: *mut Value,
    top: *mut Value,
    end: *mut Value,
}

impl Default for ValueStack {
    fn default() -> Self {
        ValueStack::new()
    }
}

impl ValueStack {
    pub const fn new() -> ValueStack {
        let p = NonNull::<Value>::dangling().as_ptr();
        ValueStack { base: p, top: p, end: p }
    }

    pub fn with_capacity(n: usize) -> ValueStack {
        let mut s = ValueStack::new();
        s.reserve(n);
        s
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        // SAFETY: base and top point into (or one past) the same allocation, top >= base.
        unsafe { self.top.offset_from(self.base) as usize }
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.top == self.base
    }

    #[inline(always)]
    pub fn capacity(&self) -> usize {
        // SAFETY: as in `len`.
        unsafe { self.end.offset_from(self.base) as usize }
    }

    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        if self.top == self.end {
            self.grow(1);
        }
        // SAFETY: top < end after the check, so the slot is allocated and unused.
        unsafe {
            self.top.write(v);
            self.top = self.top.add(1);
        }
    }

    #[inline(always)]
    pub fn pop(&mut self) -> Option<Value> {
        if self.top == self.base {
            return None;
        }
        // SAFETY: the stack is not empty, so top-1 holds a live value, which moves out.
        unsafe {
            self.top = self.top.sub(1);
            Some(self.top.read())
        }
    }

    #[inline(always)]
    pub fn last(&self) -> Option<&Value> {
        if self.top == self.base {
            None
        } else {
            // SAFETY: non-empty, top-1 is live.
            unsafe { Some(&*self.top.sub(1)) }
        }
    }

    pub fn truncate(&mut self, n: usize) {
        while self.len() > n {
            drop(self.pop());
        }
    }

    pub fn clear(&mut self) {
        self.truncate(0);
    }

    /// Inserts `v` at `idx`, shifting the values above it up by one.
    pub fn insert(&mut self, idx: usize, v: Value) {
        let len = self.len();
        assert!(idx <= len, "insert index out of range");
        self.push(v);
        self[idx..].rotate_right(1);
    }

    /// Moves the values from `at` up into a new vector.
    pub fn split_off(&mut self, at: usize) -> Vec<Value> {
        let len = self.len();
        assert!(at <= len, "split_off index out of range");
        let n = len - at;
        let mut out = Vec::with_capacity(n);
        // SAFETY: slots at..len are live; they are moved (bit-copied) into `out` and the stack
        // forgets them by lowering top.
        unsafe {
            ptr::copy_nonoverlapping(self.base.add(at), out.as_mut_ptr(), n);
            out.set_len(n);
            self.top = self.base.add(at);
        }
        out
    }

    /// Moves the top `n` values, in order, onto the end of `dst`.
    #[inline(always)]
    pub fn move_top_into(&mut self, n: usize, dst: &mut Vec<Value>) {
        let len = self.len();
        assert!(n <= len, "move_top_into: not enough values");
        dst.reserve(n);
        // SAFETY: the top n slots are live; they are bit-moved into reserved space of `dst`
        // and the stack forgets them by lowering top.
        unsafe {
            let at = self.base.add(len - n);
            // One and two arguments are the common cases; a memcpy call costs more than that.
            let out = dst.as_mut_ptr().add(dst.len());
            match n {
                0 => {}
                1 => out.write(at.read()),
                2 => {
                    out.write(at.read());
                    out.add(1).write(at.add(1).read());
                }
                _ => ptr::copy_nonoverlapping(at, out, n),
            }
            dst.set_len(dst.len() + n);
            self.top = at;
        }
    }

    pub fn extend<I: IntoIterator<Item = Value>>(&mut self, it: I) {
        for v in it {
            self.push(v);
        }
    }

    /// Makes room for `additional` more values without reallocating.
    pub fn reserve(&mut self, additional: usize) {
        if self.capacity() - self.len() < additional {
            self.grow(additional);
        }
    }

    #[cold]
    #[inline(never)]
    fn grow(&mut self, additional: usize) {
        let len = self.len();
        let old_cap = self.capacity();
        let need = len.checked_add(additional).expect("value stack size overflow");
        let cap = need.max(old_cap * 2).max(8);
        let layout = Layout::array::<Value>(cap).expect("value stack size overflow");
        // SAFETY: the layout is non-zero-sized; an existing block was allocated by us with
        // the layout of `old_cap` values.
        let p = unsafe {
            if old_cap == 0 {
                alloc::alloc(layout)
            } else {
                let old = Layout::array::<Value>(old_cap).expect("value stack layout");
                alloc::realloc(self.base as *mut u8, old, layout.size())
            }
        } as *mut Value;
        if p.is_null() {
            alloc::handle_alloc_error(layout);
        }
        self.base = p;
        // SAFETY: len <= cap values fit in the new block.
        unsafe {
            self.top = p.add(len);
            self.end = p.add(cap);
        }
    }
}

impl Drop for ValueStack {
    fn drop(&mut self) {
        self.clear();
        let cap = self.capacity();
        if cap > 0 {
            let layout = Layout::array::<Value>(cap).expect("value stack layout");
            // SAFETY: allocated by `grow` with this layout.
            unsafe { alloc::dealloc(self.base as *mut u8, layout) };
        }
    }
}

impl std::ops::Deref for ValueStack {
    type Target = [Value];
    #[inline(always)]
    fn deref(&self) -> &[Value] {
        // SAFETY: base..top are live, initialised values.
        unsafe { std::slice::from_raw_parts(self.base, self.len()) }
    }
}

impl std::ops::DerefMut for ValueStack {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut [Value] {
        // SAFETY: as in `deref`, and `&mut self` gives unique access.
        unsafe { std::slice::from_raw_parts_mut(self.base, self.len()) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn push_pop_grow_split_insert() {
        let mut s = ValueStack::new();
        assert!(s.pop().is_none());
        for i in 0..100 {
            s.push(Value::small_int(i).unwrap());
        }
        assert_eq!(s.len(), 100);
        assert_eq!(s.last().and_then(|v| v.as_small_int()), Some(99));
        let tail = s.split_off(90);
        assert_eq!(tail.len(), 10);
        assert_eq!(s.len(), 90);
        s.insert(88, Value::NONE);
        assert!(s[88].is(&Value::NONE));
        assert_eq!(s[89].as_small_int(), Some(88));
        s.truncate(3);
        assert_eq!(s.len(), 3);
        s.extend(tail);
        assert_eq!(s.len(), 13);
        s.clear();
        assert!(s.is_empty());
    }
}
