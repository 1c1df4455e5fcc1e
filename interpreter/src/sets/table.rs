//! The CPython 3.11 set hash table (`Objects/setobject.c`), ported slot for slot.
//!
//! Python prints a set in the order of its hash-table slots, so this module
//! reproduces CPython's table algorithm exactly: the same table sizes (minimum
//! 8, always a power of two), the same probe sequence (a run of
//! [`LINEAR_PROBES`] neighbouring slots, then `i = i*5 + 1 + perturb` with
//! `perturb >>= PERTURB_SHIFT`), the same `fill`/`used` accounting with dummy
//! slots left behind by deletions, the same growth policy
//! (`fill*5 >= mask*3` after filling a never-used slot triggers a resize to
//! `used*4`, or `used*2` once `used > 50000`), the same fast paths in
//! `set_merge`, and `set.pop()`'s `finger`.
//!
//! Keys are generic.  Hashes are CPython's `Py_hash_t` values as `i64`; they
//! are never `-1` (CPython maps a `-1` hash to `-2`, and `-1` marks dummy
//! slots).  The table assumes a 64-bit `size_t` when it turns a hash into a
//! slot index and a perturbation, as CPython does on 64-bit platforms.
//!
//! Equality is supplied by the caller through [`KeyEq`], because Python's
//! `__eq__` can run arbitrary code and raise.  It is called only when a stored
//! entry's hash equals the probe hash and the keys are not the same object
//! ([`SetKey::same`], CPython's pointer comparison).  Because the table is
//! borrowed while the callback runs, the callback cannot mutate the table; the
//! "table changed during comparison, restart" paths of CPython therefore have
//! no counterpart here (an interpreter must raise instead of mutating a set
//! that is being probed).

use std::mem;

/// Size of a fresh table (`PySet_MINSIZE`).
pub const MIN_SIZE: usize = 8;
/// Number of neighbouring slots inspected after each hashed probe position.
pub const LINEAR_PROBES: usize = 9;
/// Right shift applied to `perturb` between probe runs.
pub const PERTURB_SHIFT: u32 = 5;

/// Identity test for keys: CPython compares the object pointers
/// (`startkey == key`) before it calls `__eq__`.
pub trait SetKey: Clone {
    /// True when `self` and `other` are the very same object.
    fn same(&self, other: &Self) -> bool;
}

/// Python-level equality (`PyObject_RichCompareBool(stored, probe, Py_EQ)`).
///
/// `stored` is the key already in the table and `probe` the key being looked
/// up, matching CPython's argument order (so `stored.__eq__(probe)` runs
/// first).  Returning `Err` aborts the operation in progress, leaving the
/// tables in the state CPython leaves them in when `__eq__` raises.
pub trait KeyEq<K: ?Sized> {
    /// The error raised by a failing comparison.
    type Error;
    /// Compares a stored key with a probe key of equal hash.
    fn key_eq(&mut self, stored: &K, probe: &K) -> Result<bool, Self::Error>;
}

/// Adapts a closure `FnMut(&K, &K) -> Result<bool, E>` into a [`KeyEq`].
pub struct EqFn<F>(pub F);

impl<K: ?Sized, E, F> KeyEq<K> for EqFn<F>
where
    F: FnMut(&K, &K) -> Result<bool, E>,
{
    type Error = E;
    fn key_eq(&mut self, stored: &K, probe: &K) -> Result<bool, E> {
        (self.0)(stored, probe)
    }
}

/// One slot of the table.
#[derive(Clone, Debug, Default)]
enum Slot<K> {
    /// Never used since the table was (re)built: terminates probe sequences.
    #[default]
    Empty,
    /// Held a key that was removed: probes continue past it, inserts may reuse it.
    Dummy,
    /// Holds a key and its hash.
    Active { hash: i64, key: K },
}

/// A CPython-compatible set hash table.
///
/// `Clone` duplicates the table verbatim (same slots, same `finger`); that is
/// *not* `set.copy()`, which rebuilds the table — use
/// [`copy`](super::ops::copy) for that.
#[derive(Clone, Debug)]
pub struct SetTable<K> {
    slots: Vec<Slot<K>>,
    /// Active plus dummy slots.
    fill: usize,
    /// Active slots (the set's length).
    used: usize,
    /// Table size minus one.
    mask: usize,
    /// Where `pop` starts searching.
    finger: usize,
}

impl<K> Default for SetTable<K> {
    fn default() -> Self {
        Self::new()
    }
}

/// Slot index where probing for `hash` starts: `(size_t)hash & mask`.
fn start_index(hash: i64, mask: usize) -> usize {
    (hash as u64 as usize) & mask
}

/// Next probe run position: `(i * 5 + 1 + perturb) & mask`.
fn next_index(i: usize, perturb: u64, mask: usize) -> usize {
    (i.wrapping_mul(5)
        .wrapping_add(1)
        .wrapping_add(perturb as usize))
        & mask
}

/// Last slot of the run that starts at `i`: the run covers `LINEAR_PROBES`
/// extra slots when they fit below the end of the table, otherwise just `i`.
fn run_end(i: usize, mask: usize) -> usize {
    if i + LINEAR_PROBES <= mask {
        i + LINEAR_PROBES
    } else {
        i
    }
}

/// `set_insert_clean`: puts a key known to be absent into the first empty
/// slot of its probe sequence.  Does not touch `fill`/`used`.
fn insert_clean<K>(slots: &mut [Slot<K>], mask: usize, key: K, hash: i64) {
    let mut perturb = hash as u64;
    let mut i = start_index(hash, mask);
    loop {
        let run = &mut slots[i..=run_end(i, mask)];
        if let Some(slot) = run.iter_mut().find(|s| matches!(s, Slot::Empty)) {
            *slot = Slot::Active { hash, key };
            return;
        }
        perturb >>= PERTURB_SHIFT;
        i = next_index(i, perturb, mask);
    }
}

fn empty_slots<K>(size: usize) -> Vec<Slot<K>> {
    let mut v = Vec::with_capacity(size);
    v.resize_with(size, || Slot::Empty);
    v
}

impl<K> SetTable<K> {
    /// An empty set with an 8-slot table (`make_new_set`, `finger = 0`).
    pub fn new() -> Self {
        SetTable {
            slots: empty_slots(MIN_SIZE),
            fill: 0,
            used: 0,
            mask: MIN_SIZE - 1,
            finger: 0,
        }
    }

    /// Number of elements (`so->used`).
    pub fn len(&self) -> usize {
        self.used
    }

    /// True when the set has no elements.
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Active plus dummy slots (`so->fill`).
    pub fn fill(&self) -> usize {
        self.fill
    }

    /// Table size minus one (`so->mask`).
    pub fn mask(&self) -> usize {
        self.mask
    }

    /// Number of slots (`so->mask + 1`); `sys.getsizeof` reveals it in CPython.
    pub fn table_size(&self) -> usize {
        self.mask + 1
    }

    /// Current `pop` search start (`so->finger`).
    pub fn finger(&self) -> usize {
        self.finger
    }

    /// Elements and their hashes in slot order, which is Python's iteration
    /// (and printing) order.
    pub fn iter(&self) -> Iter<'_, K> {
        Iter {
            slots: self.slots.iter(),
            left: self.used,
        }
    }

    /// `set_next` / set-iterator step: the first active slot at index `>= pos`,
    /// as `(index, key, hash)`.  Resume with `pos = index + 1`.  A Python set
    /// iterator stores `pos` and the length it started with (to raise
    /// "Set changed size during iteration").
    pub fn next_entry(&self, pos: usize) -> Option<(usize, &K, i64)> {
        self.slots
            .iter()
            .enumerate()
            .skip(pos)
            .find_map(|(i, s)| match s {
                Slot::Active { hash, key } => Some((i, key, *hash)),
                _ => None,
            })
    }

    /// `set_clear_internal`: back to an empty 8-slot table.  `finger` is kept,
    /// as in CPython.  Returns the removed keys (slot order) so that an
    /// interpreter can drop them after releasing its borrow of the set.
    pub fn clear(&mut self) -> Vec<K> {
        let old = mem::replace(&mut self.slots, empty_slots(MIN_SIZE));
        self.fill = 0;
        self.used = 0;
        self.mask = MIN_SIZE - 1;
        old.into_iter()
            .filter_map(|s| match s {
                Slot::Active { key, .. } => Some(key),
                _ => None,
            })
            .collect()
    }

    /// `set.pop()`: removes and returns the first active entry at or after
    /// `finger` (wrapping around), leaving a dummy, and moves `finger` just
    /// past it.  `None` means CPython raises `KeyError('pop from an empty set')`.
    pub fn pop(&mut self) -> Option<K> {
        self.pop_entry().map(|(key, _)| key)
    }

    /// Like [`pop`](Self::pop) but also returns the stored hash.
    pub fn pop_entry(&mut self) -> Option<(K, i64)> {
        if self.used == 0 {
            return None;
        }
        let mut i = self.finger & self.mask;
        while !matches!(self.slots[i], Slot::Active { .. }) {
            i += 1;
            if i > self.mask {
                i = 0;
            }
        }
        let slot = mem::replace(&mut self.slots[i], Slot::Dummy);
        self.used -= 1;
        self.finger = i + 1;
        match slot {
            Slot::Active { key, hash } => Some((key, hash)),
            // The loop above stops only on an active slot.
            _ => unreachable!("pop stopped on a non-active slot"),
        }
    }

    /// `set_swap_bodies`: exchanges the tables (slots, `fill`, `used`, `mask`)
    /// of two sets.  `finger` stays with each set, as in CPython.  (CPython
    /// also swaps cached frozenset hashes when both are frozensets and resets
    /// them otherwise; that cache lives in the interpreter.)
    pub fn swap_bodies(&mut self, other: &mut SetTable<K>) {
        mem::swap(&mut self.slots, &mut other.slots);
        mem::swap(&mut self.fill, &mut other.fill);
        mem::swap(&mut self.used, &mut other.used);
        mem::swap(&mut self.mask, &mut other.mask);
    }

    /// `frozenset_hash` (without the caching, which belongs to the
    /// frozenset object).  Depends only on the hashes of the elements.
    pub fn frozenset_hash(&self) -> i64 {
        fn shuffle_bits(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let mut hash: u64 = 0;
        for (_, h) in self.iter() {
            hash ^= shuffle_bits(h as u64);
        }
        hash ^= (self.used as u64 + 1).wrapping_mul(1927868237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        if hash == u64::MAX {
            hash = 590923713;
        }
        hash as i64
    }

    /// `set_table_resize`: rebuilds the table with the smallest power-of-two
    /// size (at least 8) greater than `minused`, dropping dummies and
    /// re-inserting active entries in old slot order.
    pub(crate) fn resize(&mut self, minused: usize) {
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        // CPython keeps an 8-slot table without dummies as it is.
        if newsize == MIN_SIZE && self.mask == MIN_SIZE - 1 && self.fill == self.used {
            return;
        }
        let old = mem::replace(&mut self.slots, empty_slots(newsize));
        self.mask = newsize - 1;
        self.fill = self.used;
        for slot in old {
            if let Slot::Active { hash, key } = slot {
                insert_clean(&mut self.slots, self.mask, key, hash);
            }
        }
    }

    /// The resize CPython performs when an insertion or a bulk removal
    /// leaves the table too full or too dirty.
    pub(crate) fn grow_or_clean(&mut self) {
        let minused = if self.used > 50000 {
            self.used * 2
        } else {
            self.used * 4
        };
        self.resize(minused);
    }

    /// `set_difference_update_internal`'s final step: if more than a quarter
    /// of the slots are dummies, rebuild the table.
    pub(crate) fn purge_dummies_if_dirty(&mut self) {
        if self.fill - self.used > self.mask / 4 {
            self.grow_or_clean();
        }
    }

    /// The one-big-resize step at the start of `set_merge` and of the dict
    /// path of `set_update_internal`, for `incoming` new keys.
    pub(crate) fn presize_for(&mut self, incoming: usize) {
        if (self.fill + incoming) * 5 >= self.mask * 3 {
            self.resize((self.used + incoming) * 2);
        }
    }
}

impl<K: Clone> SetTable<K> {
    /// `set_merge` up to (and including) its two fast paths, which apply when
    /// this table is empty after the initial resize.  Returns `false` when the
    /// caller must still insert `other`'s entries one by one.
    pub(crate) fn merge_prefix(&mut self, other: &SetTable<K>) -> bool {
        if other.used == 0 {
            return true;
        }
        self.presize_for(other.used);
        if self.fill != 0 {
            return false;
        }
        if self.mask == other.mask && other.fill == other.used {
            // Same size, no dummies in `other`: copy slot for slot.
            self.slots.clone_from(&other.slots);
        } else {
            for slot in &other.slots {
                if let Slot::Active { hash, key } = slot {
                    insert_clean(&mut self.slots, self.mask, key.clone(), *hash);
                }
            }
        }
        self.fill = other.used;
        self.used = other.used;
        true
    }
}

impl<K: SetKey> SetTable<K> {
    /// `set_lookkey`: index of the active slot holding a key equal to `key`.
    fn lookup<X>(&self, key: &K, hash: i64, cx: &mut X) -> Result<Option<usize>, X::Error>
    where
        X: KeyEq<K> + ?Sized,
    {
        let mask = self.mask;
        let mut perturb = hash as u64;
        let mut i = start_index(hash, mask);
        loop {
            for j in i..=run_end(i, mask) {
                match &self.slots[j] {
                    Slot::Empty => return Ok(None),
                    Slot::Active {
                        hash: h,
                        key: stored,
                    } if *h == hash && (stored.same(key) || cx.key_eq(stored, key)?) => {
                        return Ok(Some(j));
                    }
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = next_index(i, perturb, mask);
        }
    }

    /// `set_contains_entry`: membership test.
    pub fn contains<X>(&self, key: &K, hash: i64, cx: &mut X) -> Result<bool, X::Error>
    where
        X: KeyEq<K> + ?Sized,
    {
        Ok(self.lookup(key, hash, cx)?.is_some())
    }

    /// The stored key equal to `key`, if any (the object a set keeps is the
    /// one inserted first).
    pub fn get<X>(&self, key: &K, hash: i64, cx: &mut X) -> Result<Option<&K>, X::Error>
    where
        X: KeyEq<K> + ?Sized,
    {
        Ok(self.lookup(key, hash, cx)?.map(|i| match &self.slots[i] {
            Slot::Active { key, .. } => key,
            // `lookup` only returns indices of active slots.
            _ => unreachable!("lookup returned a non-active slot"),
        }))
    }

    /// `set_add_entry`: inserts `key` unless an equal key is present (then
    /// the stored key is kept and `key` is dropped).  Returns whether it was
    /// inserted.  The key goes into the last dummy slot seen on the probe
    /// path if there was one, otherwise into the empty slot that ended the
    /// search; only the latter counts towards `fill` and can trigger a resize.
    pub fn add<X>(&mut self, key: K, hash: i64, cx: &mut X) -> Result<bool, X::Error>
    where
        X: KeyEq<K> + ?Sized,
    {
        debug_assert!(hash != -1, "-1 is not a valid Python hash");
        let mask = self.mask;
        let mut perturb = hash as u64;
        let mut i = start_index(hash, mask);
        let mut freeslot = None;
        let empty = 'search: loop {
            for j in i..=run_end(i, mask) {
                match &self.slots[j] {
                    Slot::Empty => break 'search j,
                    Slot::Active {
                        hash: h,
                        key: stored,
                    } if *h == hash => {
                        if stored.same(&key) || cx.key_eq(stored, &key)? {
                            return Ok(false);
                        }
                    }
                    Slot::Dummy => freeslot = Some(j),
                    Slot::Active { .. } => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = next_index(i, perturb, mask);
        };
        self.used += 1;
        if let Some(j) = freeslot {
            self.slots[j] = Slot::Active { hash, key };
            return Ok(true);
        }
        self.slots[empty] = Slot::Active { hash, key };
        self.fill += 1;
        if self.fill * 5 >= mask * 3 {
            self.grow_or_clean();
        }
        Ok(true)
    }

    /// `set_discard_entry`: removes the key equal to `key`, leaving a dummy
    /// slot, and returns the stored key (CPython's `DISCARD_FOUND`), or
    /// `None` when absent (`DISCARD_NOTFOUND`; `set.remove` then raises
    /// `KeyError`).  Never resizes.
    pub fn discard<X>(&mut self, key: &K, hash: i64, cx: &mut X) -> Result<Option<K>, X::Error>
    where
        X: KeyEq<K> + ?Sized,
    {
        let Some(i) = self.lookup(key, hash, cx)? else {
            return Ok(None);
        };
        self.used -= 1;
        match mem::replace(&mut self.slots[i], Slot::Dummy) {
            Slot::Active { key, .. } => Ok(Some(key)),
            // `lookup` only returns indices of active slots.
            _ => unreachable!("lookup returned a non-active slot"),
        }
    }

    /// `set_merge(self, other)` for two *different* set objects (when they
    /// are the same object CPython does nothing; see
    /// [`ops::update`](super::ops::update)).  Presizes once, then either
    /// copies `other` slot for slot (this table empty, same size, no dummies
    /// in `other`), or clean-inserts its entries in slot order (this table
    /// empty), or adds them one by one.
    pub fn merge<X>(&mut self, other: &SetTable<K>, cx: &mut X) -> Result<(), X::Error>
    where
        X: KeyEq<K> + ?Sized,
    {
        if self.merge_prefix(other) {
            return Ok(());
        }
        for (key, hash) in other.iter() {
            self.add(key.clone(), hash, cx)?;
        }
        Ok(())
    }
}

/// Iterator over `(key, hash)` in slot order; see [`SetTable::iter`].
pub struct Iter<'a, K> {
    slots: std::slice::Iter<'a, Slot<K>>,
    left: usize,
}

impl<'a, K> Iterator for Iter<'a, K> {
    type Item = (&'a K, i64);

    fn next(&mut self) -> Option<Self::Item> {
        if self.left == 0 {
            return None;
        }
        for slot in self.slots.by_ref() {
            if let Slot::Active { hash, key } = slot {
                self.left -= 1;
                return Some((key, *hash));
            }
        }
        None
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl<K> ExactSizeIterator for Iter<'_, K> {}

impl<'a, K> IntoIterator for &'a SetTable<K> {
    type Item = (&'a K, i64);
    type IntoIter = Iter<'a, K>;
    fn into_iter(self) -> Iter<'a, K> {
        self.iter()
    }
}
