//! Where list and dict objects keep the words compiled code loads itself: byte offsets from
//! the object's address (a `Value`'s payload). `Vec`'s field order is not public, so each is
//! found once by looking at a sample object; `None` when the sample does not tell the words
//! apart (compiled code then calls the helpers instead).

use std::cell::RefCell;

use rpy_interpreter::dict::{Dict, Entry};
use rpy_interpreter::object::{Instance, Obj, ObjKind};
use rpy_interpreter::value::Value;

/// Where a list keeps its element array's address, its length, and (when the sample tells)
/// its capacity and its kinds summary byte (`ListData::kinds`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListLayout {
    pub data: i32,
    pub len: i32,
    pub room: Option<(i32, i32)>,
}

/// Where a dict keeps its live-entry count, its stamp, its index table's and entry array's
/// addresses and lengths, and where an entry keeps its key and value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DictLayout {
    pub used: i32,
    pub stamp: i32,
    pub indices: i32,
    pub indices_len: i32,
    pub entries: i32,
    pub entries_len: i32,
    pub entry_size: i64,
    pub hash: i32,
    pub key: i32,
    pub value: i32,
}

/// The words of the `Vec` at `vec_addr` that hold `ptr` and `len`, as byte offsets from
/// `obj`; `None` unless each value is in exactly one word.
fn vec_words<T>(obj: usize, vec_addr: usize, ptr: usize, len: usize) -> Option<(i32, i32)> {
    const { assert!(std::mem::size_of::<Vec<u8>>() % 8 == 0) };
    let words = std::mem::size_of::<Vec<T>>() / 8;
    // SAFETY: a `Vec` is `words` initialised machine words (asserted above); only plain words
    // are read, while nothing borrows the sample.
    let words: Vec<usize> = (0..words).map(|k| unsafe { std::ptr::read((vec_addr + 8 * k) as *const usize) }).collect();
    let find = |x: usize| {
        let mut at = words.iter().enumerate().filter(|(_, &w)| w == x).map(|(k, _)| k);
        match (at.next(), at.next()) {
            (Some(k), None) => Some(k),
            _ => None,
        }
    };
    let (pk, lk) = (find(ptr)?, find(len)?);
    let base = i32::try_from(vec_addr.checked_sub(obj)?).ok()?;
    Some((base + 8 * pk as i32, base + 8 * lk as i32))
}

/// Where an object keeps its kind's tag byte (`ObjKind` is `repr(u8)`), the tag of each
/// built-in kind `guard_type` checks (by `ObjType::imm`: tuple, str, dict, big int), and
/// where a tuple keeps its element array's address and its length, and where a str keeps
/// its cached hash (-1 until computed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ObjLayout {
    pub tag: i32,
    pub tags: [u8; 4],
    pub tuple_data: i32,
    pub tuple_len: i32,
    pub str_hash: i32,
}

/// The layout of objects in this build.
pub fn obj_layout() -> Option<ObjLayout> {
    static LAYOUT: std::sync::OnceLock<Option<ObjLayout>> = std::sync::OnceLock::new();
    *LAYOUT.get_or_init(|| {
        let tag = i32::try_from(std::mem::offset_of!(Obj, kind)).ok()?;
        let tag_of = |v: &Value| {
            // SAFETY: the tag byte of a live object (`repr(u8)`: the enum's first byte).
            unsafe { *((v.obj_ptr() as usize + tag as usize) as *const u8) }
        };
        let items: Vec<Value> = (0..7).map(|_| Value::NONE).collect();
        let tuple = rpy_interpreter::vm::new_tuple(items);
        let samples = [
            tuple.clone(),
            rpy_interpreter::vm::new_str("sample"),
            rpy_interpreter::vm::new_dict(Dict::default()),
            rpy_interpreter::vm::new_bigint(num_bigint::BigInt::from(1u8) << 100),
        ];
        let tags = [tag_of(&samples[0]), tag_of(&samples[1]), tag_of(&samples[2]), tag_of(&samples[3])];
        if (0..4).any(|i| (0..i).any(|j| tags[i] == tags[j])) || tags.contains(&NOT_AN_OBJECT) {
            return None;
        }
        let Some(ObjKind::Tuple(t)) = tuple.as_obj().map(|o| &o.kind) else { return None };
        // `repr(u8)` lays the `Tuple` variant out as a `repr(C)` struct: the tag, then the
        // boxed slice (two words, address and length, in an order the sample tells).
        const { assert!(std::mem::size_of::<Box<[Value]>>() == 16 && std::mem::align_of::<Box<[Value]>>() == 8) };
        let fat = tag as usize + 8;
        let obj = tuple.obj_ptr() as usize;
        // SAFETY: the tuple variant's boxed slice: two initialised words.
        let w: [usize; 2] = unsafe { [std::ptr::read((obj + fat) as *const usize), std::ptr::read((obj + fat + 8) as *const usize)] };
        let (ptr, len) = (t.as_ptr() as usize, t.len());
        let (data, n) = match w {
            [p, l] if p == ptr && l == len => (fat, fat + 8),
            [l, p] if p == ptr && l == len => (fat + 8, fat),
            _ => return None,
        };
        // The `Str` variant likewise: the tag, then the `PyStr` at its alignment.
        let pystr = tag as usize + std::mem::align_of::<rpy_interpreter::object::PyStr>().max(1);
        let str_hash = pystr + std::mem::offset_of!(rpy_interpreter::object::PyStr, hash);
        let s = &samples[1];
        let h = rpy_interpreter::vm::str_hash(s);
        // SAFETY: the sample str's hash cell, an initialised i64.
        if unsafe { std::ptr::read((s.obj_ptr() as usize + str_hash) as *const i64) } != h {
            return None;
        }
        Some(ObjLayout { tag, tags, tuple_data: i32::try_from(data).ok()?, tuple_len: i32::try_from(n).ok()?, str_hash: i32::try_from(str_hash).ok()? })
    })
}

/// A byte no object kind's tag is: what `guard_type` compares for a value that is no object.
pub const NOT_AN_OBJECT: u8 = 0xFF;

/// The layout of list objects in this build.
pub fn list_layout() -> Option<ListLayout> {
    static LAYOUT: std::sync::OnceLock<Option<ListLayout>> = std::sync::OnceLock::new();
    *LAYOUT.get_or_init(|| {
        let mut items = Vec::with_capacity(5);
        items.push(Value::NONE);
        let sample = rpy_interpreter::vm::new_list(items);
        let obj = sample.obj_ptr() as usize;
        let Some(ObjKind::List(cell)) = sample.as_obj().map(|o| &o.kind) else { return None };
        let ld = cell.as_ptr();
        // SAFETY: only addresses and plain words are read, while nothing borrows the list.
        let (vec_addr, ptr, len, cap) = unsafe { ((ld as usize) + rpy_interpreter::list::ListData::ITEMS_OFFSET, (*ld).as_mut_ptr() as usize, (*ld).len(), (*ld).capacity()) };
        let (data, len) = vec_words::<Value>(obj, vec_addr, ptr, len)?;
        // The capacity: the one word of the `Vec` that holds it (5, which neither the address
        // nor the length is).
        let words = std::mem::size_of::<Vec<Value>>() / 8;
        // SAFETY: as for `vec_words`: plain initialised words of the sample's `Vec`.
        let cap_words: Vec<usize> = (0..words).filter(|&k| unsafe { std::ptr::read((vec_addr + 8 * k) as *const usize) } == cap).collect();
        let base = i32::try_from(vec_addr.checked_sub(obj)?).ok()?;
        let kinds = i32::try_from((ld as usize + rpy_interpreter::list::ListData::KINDS_OFFSET).checked_sub(obj)?).ok()?;
        let room = match cap_words[..] {
            [k] if cap == 5 => Some((base + 8 * k as i32, kinds)),
            _ => None,
        };
        Some(ListLayout { data, len, room })
    })
}

/// The layout of dict objects in this build.
pub fn dict_layout() -> Option<DictLayout> {
    static LAYOUT: std::sync::OnceLock<Option<DictLayout>> = std::sync::OnceLock::new();
    *LAYOUT.get_or_init(|| {
        let mut d = Dict::default();
        // Three entries: the array's length (3) is then neither its address nor, with a
        // power-of-two capacity, its capacity.
        for k in 0..3 {
            rpy_interpreter::vm::dict_set_str(&mut d, rpy_interpreter::vm::new_str(&format!("k{k}")), Value::NONE);
        }
        let sample = rpy_interpreter::vm::new_dict(d);
        let obj = sample.obj_ptr() as usize;
        let Some(ObjKind::Dict(cell)) = sample.as_obj().map(|o| &o.kind) else { return None };
        let dp = cell.as_ptr();
        // SAFETY: only addresses and plain words are read, while nothing borrows the dict.
        let (dict_addr, ptr, len) = unsafe { (dp as usize, (*dp).raw_entries().as_ptr() as usize, (*dp).raw_len()) };
        let (entries, entries_len) = vec_words::<Entry>(obj, dict_addr + Dict::ENTRIES_OFFSET, ptr, len)?;
        let field = |off: usize| i32::try_from(dict_addr.checked_sub(obj)? + off).ok();
        // The index table's words, from a sample `Vec<u32>` whose length is not its capacity.
        let mut sample_indices: Vec<u32> = Vec::with_capacity(8);
        sample_indices.extend([1, 2, 3]);
        let at = &sample_indices as *const Vec<u32> as usize;
        let (ip, il) = vec_words::<u32>(at, at, sample_indices.as_ptr() as usize, sample_indices.len())?;
        let indices = field(Dict::INDICES_OFFSET)?;
        Some(DictLayout {
            used: field(Dict::USED_OFFSET)?,
            stamp: field(std::mem::offset_of!(Dict, stamp))?,
            indices: indices + ip,
            indices_len: indices + il,
            entries,
            entries_len,
            entry_size: std::mem::size_of::<Entry>() as i64,
            hash: std::mem::offset_of!(Entry, hash) as i32,
            key: std::mem::offset_of!(Entry, key) as i32,
            value: std::mem::offset_of!(Entry, value) as i32,
        })
    })
}

/// Where an instance keeps its `__dict__` (the dict object's bits; fixed for the instance's
/// life).
pub fn instance_dict_offset() -> Option<i32> {
    static OFFSET: std::sync::OnceLock<Option<i32>> = std::sync::OnceLock::new();
    *OFFSET.get_or_init(|| {
        let sample = Value::new_obj(Obj {
            kind: ObjKind::Instance(Instance {
                class: RefCell::new(Value::NONE),
                dict: rpy_interpreter::vm::new_dict(Dict::default()),
                slots: RefCell::new(Vec::new()),
                base: RefCell::new(Value::NULL),
                exc: None,
            }),
        });
        let obj = sample.obj_ptr() as usize;
        let Some(ObjKind::Instance(i)) = sample.as_obj().map(|o| &o.kind) else { return None };
        i32::try_from((&i.dict as *const Value as usize).checked_sub(obj)?).ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts_are_found() {
        let l = list_layout().expect("list layout");
        let (cap, kinds) = l.room.expect("list capacity and kinds");
        assert!(cap != l.data && cap != l.len && kinds != cap);
        let d = dict_layout().expect("dict layout");
        assert!(d.entry_size >= 24 && d.key != d.value);
        assert!(instance_dict_offset().is_some());
        let o = obj_layout().expect("object layout");
        assert!(o.tuple_data != o.tuple_len && o.tuple_data > o.tag && o.tuple_len > o.tag);
    }
}
