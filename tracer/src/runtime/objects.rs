//! Object types traces guard on, and the helpers for attributes of plain instances.
//!
//! A *plain* instance is one of a class defined in Python whose instances keep their
//! attributes in a `__dict__` only: no built-in base with a payload (int, list, exception,
//! ...) and no `__slots__` anywhere along the MRO; or (`slots.rs`) in slots only, every class
//! along the MRO having `__slots__`. That much is fixed when the class is made.
//! What can change later (a `__getattribute__` or a descriptor added to a class) the
//! recorder checks while recording and the trace guards through the classes' versions
//! (`guard_type_version`).

use rpy_interpreter::dict::Dict;
use rpy_interpreter::object::{Instance, Layout, ObjKind};
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::types::type_obj;
use rpy_interpreter::vm::{dict_of, str_hash};
use std::cell::RefCell;

/// The exact types `guard_type` checks (its immediate is `ObjType::imm`): three built-in
/// types, and plain instances of one class, identified by the class object's bits (object
/// addresses are never as small as the built-in codes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ObjType {
    Tuple,
    Str,
    Dict,
    /// An int object (`int` past the inline range: in traces, one past 64 bits).
    BigInt,
    /// A `set` (not a `frozenset`, nor a subclass).
    Set,
    /// A plain instance of exactly the class with these bits.
    Inst(u64),
}

const TUPLE: u64 = 1;
const STR: u64 = 2;
const DICT: u64 = 3;
const BIGINT: u64 = 4;
const SET: u64 = 5;

impl ObjType {
    pub fn of(v: &Value) -> Option<ObjType> {
        match v.as_obj().map(|o| &o.kind) {
            Some(ObjKind::Tuple(_)) => Some(ObjType::Tuple),
            Some(ObjKind::Str(_)) => Some(ObjType::Str),
            Some(ObjKind::Dict(_)) => Some(ObjType::Dict),
            Some(ObjKind::Int(_)) => Some(ObjType::BigInt),
            Some(ObjKind::Set(_)) => Some(ObjType::Set),
            Some(ObjKind::Instance(i)) => plain_class(i).map(ObjType::Inst),
            _ => None,
        }
    }

    /// The `guard_type` immediate.
    pub fn imm(self) -> u64 {
        match self {
            ObjType::Tuple => TUPLE,
            ObjType::Str => STR,
            ObjType::Dict => DICT,
            ObjType::BigInt => BIGINT,
            ObjType::Set => SET,
            ObjType::Inst(cls) => cls,
        }
    }
}

/// The bits of the class of `inst` when it is a plain instance (module doc), or one whose
/// class keeps its instances' attributes in `__slots__` only (`slots.rs`).
fn plain_class(inst: &Instance) -> Option<u64> {
    if inst.exc.is_some() {
        return None;
    }
    let cls = inst.class.try_borrow().ok()?;
    let t = type_obj(&cls)?;
    let mro = t.mro.try_borrow().ok()?;
    let object_layout = !t.is_builtin && mro.iter().all(|c| type_obj(c).is_some_and(|ct| ct.layout == Layout::Object));
    let dict_only = !inst.dict.is_null() && mro.iter().all(|c| type_obj(c).is_some_and(|ct| ct.slots.is_none()));
    let slots_only = inst.dict.is_null() && !t.has_dict;
    (object_layout && (dict_only || slots_only)).then(|| cls.bits())
}

/// The class of a plain instance (to keep it alive while a trace guards on it).
pub fn class_of(v: &Value) -> Option<Value> {
    match v.as_obj().map(|o| &o.kind) {
        Some(ObjKind::Instance(i)) => i.class.try_borrow().ok().map(|c| c.clone()),
        _ => None,
    }
}

/// 1 when `bits` is an object of exact type `ty` (an `ObjType::imm`), else 0.
pub extern "C" fn is_type(bits: u64, ty: u64) -> u8 {
    // SAFETY: `bits` is a live, borrowed value (module doc of `runtime`).
    let v = unsafe { Value::borrow_bits(&bits) };
    let ok = match (v.as_obj().map(|o| &o.kind), ty) {
        (Some(ObjKind::Tuple(_)), TUPLE) | (Some(ObjKind::Str(_)), STR) | (Some(ObjKind::Dict(_)), DICT) | (Some(ObjKind::Int(_)), BIGINT) | (Some(ObjKind::Set(_)), SET) => true,
        // The class was plain when recorded, and plainness never changes for a class.
        (Some(ObjKind::Instance(i)), cls) if cls > SET => i.class.try_borrow().is_ok_and(|c| c.bits() == cls),
        _ => false,
    };
    ok as u8
}

/// The dict of the plain instance `bits` (after `guard_type`).
fn inst_dict(bits: &u64) -> Option<&RefCell<Dict>> {
    // SAFETY: a live, borrowed value (module doc of `runtime`), alive for the helper call
    // that got `bits`.
    let v = unsafe { Value::borrow_bits(bits) };
    match v.as_obj().map(|o| &o.kind) {
        Some(ObjKind::Instance(i)) => dict_of(&i.dict),
        _ => None,
    }
}

/// The entry of `name` in `d`: `hint` when that entry has this very key (attribute names
/// are interned, and instances made by the same code insert their keys in the same order),
/// else a lookup.
fn attr_index(d: &Dict, name: &Value, hint: u64) -> Option<usize> {
    match d.entry_at(hint as usize) {
        Some(e) if e.key.is(name) => Some(hint as usize),
        _ => d.get_str_index(name, str_hash(name)),
    }
}

/// Attribute `name` (a `str`) from the `__dict__` of the plain instance `obj` (borrowed
/// bits), or NULL's bits when absent. `hint`: the entry it was in when recorded.
pub extern "C" fn inst_getattr(obj: u64, name: u64, hint: u64) -> u64 {
    // SAFETY: the trace keeps the name alive (a constant) and borrows `obj`.
    let n = unsafe { Value::borrow_bits(&name) };
    let Some(d) = inst_dict(&obj).and_then(|c| c.try_borrow().ok()) else { return Value::NULL.bits() };
    attr_index(&d, &n, hint).and_then(|i| d.value_at(i)).map_or(Value::NULL.bits(), |v| v.bits())
}

/// The bit of an `inst_setattr` hint that says the value it replaces may be freed at once:
/// nothing the trace still uses borrows from it (`recorder/finish.rs`). Without it the
/// value is `release`d.
pub const RELEASE_NOW: u64 = 1 << 62;

/// Replaces the value of attribute `name` in the `__dict__` of the plain instance `obj` with
/// `value` (borrowed bits: the dict takes a new reference). 0, having done nothing, when the
/// attribute is absent (a store would add a key) or the dict is in use.
pub extern "C" fn inst_setattr(obj: u64, name: u64, value: u64, hint: u64) -> u8 {
    // SAFETY: as for `inst_getattr`.
    let n = unsafe { Value::borrow_bits(&name) };
    let Some(mut d) = inst_dict(&obj).and_then(|c| c.try_borrow_mut().ok()) else { return 0 };
    let Some(i) = attr_index(&d, &n, hint & !RELEASE_NOW) else { return 0 };
    // SAFETY: `value` is live (borrowed by the trace, or owning nothing): the clone is the
    // dict's own reference.
    let v = unsafe { Value::clone_from_bits(value) };
    let old = std::mem::replace(d.entry_value_mut(i), v);
    drop(d);
    // Released after the dict's borrow: freeing it may free other objects.
    if hint & RELEASE_NOW != 0 {
        drop(old);
    } else {
        super::release(old);
    }
    1
}

/// The address of the version of class `cls` (changes whenever the class itself is
/// changed), or `None` when `cls` is no class. Stable while the class lives.
pub fn type_version_addr(cls: u64) -> Option<usize> {
    // SAFETY: a live value the trace keeps alive.
    let v = unsafe { Value::borrow_bits(&cls) };
    type_obj(&v).map(|t| t.version.as_ptr() as usize)
}

/// The version of class `cls` now, and the classes whose versions a trace that relies on
/// how `cls`'s instances behave must guard: `cls` and its bases defined in Python (built-in
/// classes never change).
pub fn versioned_mro(cls: &Value) -> Vec<(Value, u64)> {
    let Some(t) = type_obj(cls) else { return Vec::new() };
    let mro = t.mro.borrow();
    mro.iter().filter_map(|c| type_obj(c).filter(|ct| !ct.is_builtin).map(|ct| (c.clone(), ct.version.get()))).collect()
}

/// The attribute names of dict template `template` (a `new_inst` operand, a live value the
/// trace keeps alive), in entry order, as the bits of the `str`s (the template keeps them
/// alive); `None` for anything but a dict without deleted entries.
pub fn template_names(template: u64) -> Option<Vec<u64>> {
    // SAFETY: a live value the trace keeps alive.
    let t = unsafe { Value::borrow_bits(&template) };
    let d = dict_of(t)?.try_borrow().ok()?;
    (0..d.raw_len()).map(|i| d.entry_at(i).map(|e| e.key.bits())).collect()
}

/// Where attribute `name` (a live `str`) is in `names` (`template_names`): by identity, as
/// attribute names are interned, else by contents.
pub fn template_index(names: &[u64], name: u64) -> Option<usize> {
    // SAFETY: live values (see `template_names`).
    let n = unsafe { Value::borrow_bits(&name) };
    names.iter().position(|&k| k == name).or_else(|| names.iter().position(|k| rpy_interpreter::dict::key_eq_fast(unsafe { Value::borrow_bits(k) }, n) == Some(true)))
}

/// A new plain instance of class `cls` whose `__dict__` is a copy of `template` (a dict of
/// the attribute names, in order, with `None` values), both borrowed bits the trace keeps
/// alive: owned bits.
pub extern "C" fn new_inst(cls: u64, template: u64) -> u64 {
    // SAFETY: live values the trace keeps alive.
    let (cls, template) = unsafe { (Value::borrow_bits(&cls), Value::borrow_bits(&template)) };
    let dict = match dict_of(template).and_then(|d| d.try_borrow().ok()) {
        Some(d) => d.fresh_copy(),
        None => Dict::new(),
    };
    rpy_interpreter::vm::new_plain_instance(&cls, dict).into_raw_bits()
}

/// Sets the value of entry `idx` of the dict of `obj`, a `new_inst` result whose template
/// has that entry, to `value` (borrowed bits: the dict takes a reference). Returns 1.
pub extern "C" fn inst_init(obj: u64, value: u64, idx: u64) -> u8 {
    // SAFETY: the trace owns `obj` and borrows `value`.
    let v = unsafe { Value::clone_from_bits(value) };
    if let Some(mut d) = inst_dict(&obj).and_then(|c| c.try_borrow_mut().ok()) {
        if (idx as usize) < d.raw_len() {
            *d.entry_value_mut(idx as usize) = v;
        }
    }
    1
}
