//! `Value`: one 64-bit word, NaN-boxed.
//!
//! ```text
//!  bits 63..48   meaning
//!  < 0xFFF9      an f64, stored as-is (a NaN whose bits would reach the tags becomes
//!                0x7FF8_0000_0000_0000; IEEE arithmetic on valid values never makes one)
//!  0xFFF9        pointer to a reference-counted heap `Obj` (48-bit address from `Rc::into_raw`)
//!  0xFFFA        small int, 48-bit two's complement payload
//!  0xFFFB        immediates: None, False, True, NULL (an unbound slot, never visible to Python)
//! ```
//! Floats never allocate; ints in [-2**47, 2**47) never allocate; larger ints are `ObjKind::Int`
//! (arbitrary precision) and are normalised back to the inline form whenever they fit, so Python
//! sees one `int` type.

use crate::object::Obj;
use std::rc::Rc;

#[repr(transparent)]
pub struct Value(u64);

const _: () = assert!(std::mem::size_of::<Value>() == 8);

const TAG_SHIFT: u32 = 48;
const PAYLOAD_MASK: u64 = (1 << TAG_SHIFT) - 1;
const PTR_TAG: u64 = 0xFFF9 << TAG_SHIFT;
const INT_TAG: u64 = 0xFFFA << TAG_SHIFT;
const IMM_TAG: u64 = 0xFFFB << TAG_SHIFT;
const CANON_NAN: u64 = 0x7FF8_0000_0000_0000;

/// Smallest and largest int stored inline.
pub const SMALL_INT_MIN: i64 = -(1 << 47);
pub const SMALL_INT_MAX: i64 = (1 << 47) - 1;

/// A borrowed, pattern-matchable view of a value.
pub enum V<'a> {
    Float(f64),
    Int(i64),
    None,
    Bool(bool),
    Null,
    Obj(&'a Obj),
}

impl Value {
    pub const NONE: Value = Value(IMM_TAG);
    pub const FALSE: Value = Value(IMM_TAG | 2);
    pub const TRUE: Value = Value(IMM_TAG | 3);
    /// Marks an unbound local or an absent optional; never escapes to Python code.
    pub const NULL: Value = Value(IMM_TAG | 4);

    #[inline(always)]
    pub fn float(f: f64) -> Value {
        let b = f.to_bits();
        if b >= PTR_TAG {
            Value(CANON_NAN)
        } else {
            Value(b)
        }
    }
    /// An inline int, or `None` when `i` does not fit in 48 bits.
    #[inline(always)]
    pub fn small_int(i: i64) -> Option<Value> {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i) {
            Some(Value(INT_TAG | (i as u64 & PAYLOAD_MASK)))
        } else {
            None
        }
    }
    #[inline(always)]
    pub fn bool(b: bool) -> Value {
        if b {
            Value::TRUE
        } else {
            Value::FALSE
        }
    }
    pub fn from_obj(o: Rc<Obj>) -> Value {
        let p = Rc::into_raw(o) as u64;
        debug_assert!(p & !PAYLOAD_MASK == 0, "heap address above 48 bits");
        Value(PTR_TAG | p)
    }
    pub fn new_obj(o: Obj) -> Value {
        Value::from_obj(Rc::new(o))
    }

    #[inline(always)]
    pub fn bits(&self) -> u64 {
        self.0
    }
    /// The value with raw bits `b`, when they encode a value that owns nothing (a float, an
    /// inline int or an immediate); `None` for object pointers.
    #[inline]
    pub fn from_inline_bits(b: u64) -> Option<Value> {
        let v = Value(b);
        if v.is_obj() {
            std::mem::forget(v);
            None
        } else {
            Some(v)
        }
    }
    /// The raw bits `b` seen as a borrowed value.
    ///
    /// # Safety
    /// `b` must be the bits of a value that stays alive (owned elsewhere) while the borrow is
    /// used.
    #[inline]
    pub unsafe fn borrow_bits(b: &u64) -> &Value {
        // SAFETY: `Value` is `repr(transparent)` over `u64`.
        unsafe { &*(b as *const u64 as *const Value) }
    }
    /// A new reference to the value with raw bits `b` (an object gains a reference).
    ///
    /// # Safety
    /// As for `borrow_bits`.
    #[inline]
    pub unsafe fn clone_from_bits(b: u64) -> Value {
        // SAFETY: forwarded to the caller.
        unsafe { Value::borrow_bits(&b).clone() }
    }
    /// Gives up this reference as raw bits (for compiled code; `from_raw_bits` takes it back).
    #[inline]
    pub fn into_raw_bits(self) -> u64 {
        let b = self.0;
        std::mem::forget(self);
        b
    }
    /// Takes over the reference that raw bits `b` stand for.
    ///
    /// # Safety
    /// `b` must come from `into_raw_bits` (or be bits that own nothing), and be taken once.
    #[inline]
    pub unsafe fn from_raw_bits(b: u64) -> Value {
        Value(b)
    }
    #[inline(always)]
    pub fn is_float(&self) -> bool {
        self.0 < PTR_TAG
    }
    #[inline(always)]
    pub fn is_small_int(&self) -> bool {
        self.0 >> TAG_SHIFT == INT_TAG >> TAG_SHIFT
    }
    #[inline(always)]
    pub fn is_obj(&self) -> bool {
        self.0 >> TAG_SHIFT == PTR_TAG >> TAG_SHIFT
    }
    #[inline(always)]
    pub fn is_none(&self) -> bool {
        self.0 == IMM_TAG
    }
    #[inline(always)]
    pub fn is_null(&self) -> bool {
        self.0 == Value::NULL.0
    }
    #[inline(always)]
    pub fn is_bool(&self) -> bool {
        self.0 == Value::TRUE.0 || self.0 == Value::FALSE.0
    }
    #[inline(always)]
    pub fn as_float_unchecked(&self) -> f64 {
        f64::from_bits(self.0)
    }
    #[inline(always)]
    pub fn as_small_int_unchecked(&self) -> i64 {
        ((self.0 << 16) as i64) >> 16
    }
    #[inline(always)]
    pub fn as_small_int(&self) -> Option<i64> {
        if self.is_small_int() {
            Some(self.as_small_int_unchecked())
        } else {
            None
        }
    }
    #[inline(always)]
    pub fn as_f64(&self) -> Option<f64> {
        if self.is_float() {
            Some(self.as_float_unchecked())
        } else {
            None
        }
    }
    #[inline(always)]
    pub fn as_obj(&self) -> Option<&Obj> {
        if self.is_obj() {
            // SAFETY: a PTR-tagged value owns one strong count of a live `Rc<Obj>`.
            Some(unsafe { &*((self.0 & PAYLOAD_MASK) as *const Obj) })
        } else {
            None
        }
    }
    #[inline(always)]
    pub fn view(&self) -> V<'_> {
        if self.is_float() {
            V::Float(self.as_float_unchecked())
        } else if self.is_small_int() {
            V::Int(self.as_small_int_unchecked())
        } else if let Some(o) = self.as_obj() {
            V::Obj(o)
        } else {
            match self.0 & 7 {
                0 => V::None,
                2 => V::Bool(false),
                3 => V::Bool(true),
                _ => V::Null,
            }
        }
    }
    /// Identity (`is`): same word. Floats and small ints compare by value, as CPython's
    /// caches of small ints would suggest; no program may rely on float identity.
    #[inline(always)]
    pub fn is(&self, other: &Value) -> bool {
        self.0 == other.0
    }
    /// A stable identity number for `id()`.
    pub fn id(&self) -> u64 {
        if self.is_obj() {
            self.0 & PAYLOAD_MASK
        } else {
            self.0
        }
    }
    pub fn obj_ptr(&self) -> *const Obj {
        (self.0 & PAYLOAD_MASK) as *const Obj
    }
}

impl Value {
    /// Whether another reference to this object exists besides this one (false for values
    /// that own nothing): dropping this one then frees nothing.
    pub fn is_shared(&self) -> bool {
        if !self.is_obj() {
            return true;
        }
        // SAFETY: see `as_obj`; the count is read without taking a reference.
        let rc = std::mem::ManuallyDrop::new(unsafe { Rc::from_raw(self.obj_ptr()) });
        Rc::strong_count(&rc) > 1
    }
}

impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        if self.is_obj() {
            // SAFETY: see `as_obj`.
            unsafe { Rc::increment_strong_count(self.obj_ptr()) }
        }
        Value(self.0)
    }
}

impl Drop for Value {
    #[inline(always)]
    fn drop(&mut self) {
        if self.is_obj() {
            // SAFETY: this value owns one strong count.
            let rc = unsafe { Rc::from_raw(self.obj_ptr()) };
            if Rc::strong_count(&rc) > 1 {
                drop(rc);
            } else {
                drop_last(rc);
            }
        }
    }
}

/// Nesting depth of object deallocations before further ones are deferred.
const MAX_DROP_DEPTH: u32 = 1000;

thread_local! {
    static DROP_DEPTH: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    static DEFERRED: std::cell::RefCell<Vec<Rc<Obj>>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Frees an object whose last reference is going away. Deeply nested containers (a list of a
/// list of ... millions deep) would recurse once per level; past `MAX_DROP_DEPTH` the object is
/// queued and the outermost drop frees the queue iteratively (CPython's "trashcan").
#[inline(never)]
fn drop_last(rc: Rc<Obj>) {
    // During thread teardown the thread-locals may already be gone: drop directly then.
    let Ok(depth) = DROP_DEPTH.try_with(|d| {
        let v = d.get() + 1;
        d.set(v);
        v
    }) else {
        drop(rc);
        return;
    };
    if depth > MAX_DROP_DEPTH {
        // If the queue is gone (thread teardown) the closure, and `rc` with it, is dropped.
        let _ = DEFERRED.try_with(move |q| q.borrow_mut().push(rc));
    } else {
        drop(rc);
        if depth == 1 {
            while let Some(o) = DEFERRED.try_with(|q| q.borrow_mut().pop()).ok().flatten() {
                drop(o);
            }
        }
    }
    let _ = DROP_DEPTH.try_with(|d| d.set(d.get() - 1));
}

impl Default for Value {
    fn default() -> Value {
        Value::NULL
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.view() {
            V::Float(x) => write!(f, "{x:?}"),
            V::Int(i) => write!(f, "{i}"),
            V::None => write!(f, "None"),
            V::Bool(b) => write!(f, "{b}"),
            V::Null => write!(f, "<null>"),
            V::Obj(o) => write!(f, "<obj {}>", o.kind_name()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn ints_roundtrip() {
        for i in [0, 1, -1, SMALL_INT_MAX, SMALL_INT_MIN, 12345, -98765] {
            let v = Value::small_int(i).unwrap();
            assert!(v.is_small_int() && !v.is_float() && !v.is_obj());
            assert_eq!(v.as_small_int_unchecked(), i);
        }
        assert!(Value::small_int(SMALL_INT_MAX + 1).is_none());
    }
    #[test]
    fn floats_roundtrip() {
        for f in [0.0, -0.0, 1.5, f64::INFINITY, f64::NEG_INFINITY, f64::MIN_POSITIVE, -1e308] {
            let v = Value::float(f);
            assert!(v.is_float());
            assert_eq!(v.as_float_unchecked().to_bits(), f.to_bits());
        }
        let n = Value::float(-f64::NAN);
        assert!(n.is_float() && n.as_float_unchecked().is_nan());
    }
    #[test]
    fn immediates() {
        assert!(matches!(Value::NONE.view(), V::None));
        assert!(matches!(Value::TRUE.view(), V::Bool(true)));
        assert!(matches!(Value::FALSE.view(), V::Bool(false)));
        assert!(matches!(Value::NULL.view(), V::Null));
    }
}
