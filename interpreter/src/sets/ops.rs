//! Python's set algebra on [`SetTable`]s, built exactly the way CPython 3.11
//! builds each result, so that results print in CPython's order.
//!
//! Every function mirrors one C function of `Objects/setobject.c`.  The
//! `other` operand of a set-with-set operation is an [`Operand`], because
//! CPython special-cases `other is self` (e.g. `a -= a` clears `a`, while
//! `a - a` and `a ^ a` go the long way).  Functions that take an arbitrary
//! iterable receive it as a `next` callback returning `Ok(Some((key, hash)))`
//! per item (the interpreter calls `__next__` and `__hash__` inside it),
//! `Ok(None)` at the end, or `Err` to abort; it receives the same context as
//! the equality callback so both can use the interpreter.
//!
//! Mapping from Python to this module (`s`, `t` sets or frozensets, `it` any
//! other iterable, `d` an exact dict; "same" means `Operand::Itself`):
//!
//! | Python | here |
//! |---|---|
//! | `set()` / `frozenset()` | `SetTable::new()` |
//! | `set(t)`, `frozenset(t)`, `s.copy()` | [`copy`] (`frozenset(f)` and `f.copy()` return `f` itself for an exact frozenset `f`) |
//! | `set(it)`, `frozenset(it)` | [`from_iter`] |
//! | `set(d)`, `frozenset(d)` | `SetTable::new()` then [`update_from_dict`] |
//! | `s.__init__(x)` | [`SetTable::clear`] if `fill() > 0` (as CPython does), then the `update` for `x` (`s.__init__(s)` leaves `s` empty) |
//! | `s.add(x)` / `s.discard(x)` / `s.remove(x)` / `s.pop()` / `s.clear()` | [`SetTable::add`] / [`SetTable::discard`] / same + `KeyError` on `None` / [`SetTable::pop`] / [`SetTable::clear`] |
//! | `s.update(t)`, `s \|= t` | [`update`] |
//! | `s.update(it)` / `s.update(d)` | [`update_from_iter`] / [`update_from_dict`] |
//! | `s.update(a, b, ...)` | each argument in turn |
//! | `s \| t`, `s.union(t)` | [`union`] |
//! | `s.union(a, b, ...)` | `copy(s)`, then for each argument that is not `s` itself, its `update` |
//! | `s & t`, `s.intersection(t)` | [`intersection`] |
//! | `s.intersection(it)` | [`intersection_iter`] |
//! | `s.intersection(a, b, ...)` | `r = intersection(s, a)`, then `r = intersection(r, b)`, ... (`a` may be `s` itself, later arguments never are `r`); no arguments: [`copy`] |
//! | `s &= t`, `s.intersection_update(...)` | compute the `intersection` result, then [`SetTable::swap_bodies`] ([`intersection_update`] / [`intersection_update_iter`] for one argument) |
//! | `s - t`, `s.difference(t)` | [`difference`] |
//! | `s.difference(it)` | `r = copy(s)`, then [`difference_update_iter`] on `r` |
//! | `s.difference(d)` | if `len(s) >> 2 > len(d)`: `r = copy(s)` then [`difference_update_iter`] over `d`'s keys; else [`difference_filter`] with the dict lookup |
//! | `s.difference(a, b, ...)` | first argument as above, the rest as `difference_update` on the result |
//! | `s -= t`, `s.difference_update(t)` | [`difference_update`] |
//! | `s.difference_update(it)` (also a dict) | [`difference_update_iter`] |
//! | `s ^ t`, `s.symmetric_difference(t)` | [`symmetric_difference`] |
//! | `s.symmetric_difference(it)` | `r = from_iter(it)` (a dict: `update_from_dict`), then `symmetric_difference_update(r, Operand::Set(s))` |
//! | `s ^= t`, `s.symmetric_difference_update(t)` | [`symmetric_difference_update`] |
//! | `s.symmetric_difference_update(d)` | [`symmetric_difference_update_entries`] over the dict's `(key, hash)` |
//! | `s.symmetric_difference_update(it)` | [`symmetric_difference_update_iter`] |
//! | `s.issubset(t)` / `(it)` | [`is_subset`] / [`is_subset_iter`] |
//! | `s.issuperset(t)` / `(it)` | [`is_superset`] / [`is_superset_iter`] |
//! | `s.isdisjoint(t)` (exact set or frozenset `t`) / anything else, including set subclasses | [`is_disjoint`] / [`is_disjoint_iter`] |
//! | `s == t`, `<`, `<=`, `>`, `>=`, `!=` | [`rich_compare`] |
//! | `hash(f)` | [`SetTable::frozenset_hash`] (cache it in the frozenset) |

use super::table::{KeyEq, SetKey, SetTable};

/// The second operand of a set-with-set operation.
#[derive(Debug)]
pub enum Operand<'a, K> {
    /// The second operand is the same Python object as the first.
    Itself,
    /// The second operand is a different set or frozenset object.
    Set(&'a SetTable<K>),
}

impl<K> Clone for Operand<'_, K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K> Copy for Operand<'_, K> {}

impl<'a, K> Operand<'a, K> {
    /// The table this operand denotes, given the first operand's table.
    pub fn resolve(&self, first: &'a SetTable<K>) -> &'a SetTable<K> {
        match self {
            Operand::Itself => first,
            Operand::Set(t) => t,
        }
    }

    /// True for [`Operand::Itself`].
    pub fn is_itself(&self) -> bool {
        matches!(self, Operand::Itself)
    }
}

/// Rich comparison operators for [`rich_compare`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

/// `set_copy` / `make_new_set(type, so)`: a new table filled by `set_merge`
/// into an empty set.  Never compares keys, so it cannot fail.
pub fn copy<K: Clone>(so: &SetTable<K>) -> SetTable<K> {
    let mut result = SetTable::new();
    let done = result.merge_prefix(so);
    // Merging into an empty table always takes one of the fast paths.
    debug_assert!(done, "merge into an empty table took the slow path");
    result
}

/// `set_update_internal(so, iterable)` for a non-set, non-dict iterable:
/// `add` each item in iteration order (also `set(list)`).
pub fn update_from_iter<K, X, N>(
    so: &mut SetTable<K>,
    cx: &mut X,
    mut next: N,
) -> Result<(), X::Error>
where
    K: SetKey,
    X: KeyEq<K> + ?Sized,
    N: FnMut(&mut X) -> Result<Option<(K, i64)>, X::Error>,
{
    while let Some((key, hash)) = next(cx)? {
        so.add(key, hash, cx)?;
    }
    Ok(())
}

/// `make_new_set(type, iterable)` for a non-set, non-dict iterable.
pub fn from_iter<K, X, N>(cx: &mut X, next: N) -> Result<SetTable<K>, X::Error>
where
    K: SetKey,
    X: KeyEq<K> + ?Sized,
    N: FnMut(&mut X) -> Result<Option<(K, i64)>, X::Error>,
{
    let mut result = SetTable::new();
    update_from_iter(&mut result, cx, next)?;
    Ok(result)
}

/// `set_update_internal(so, dict)` for an exact dict: one resize up front for
/// `dict_len` keys, then `add` each `(key, stored hash)` in dict order.
pub fn update_from_dict<K, X, I>(
    so: &mut SetTable<K>,
    dict_len: usize,
    entries: I,
    cx: &mut X,
) -> Result<(), X::Error>
where
    K: SetKey,
    X: KeyEq<K> + ?Sized,
    I: IntoIterator<Item = (K, i64)>,
{
    so.presize_for(dict_len);
    for (key, hash) in entries {
        so.add(key, hash, cx)?;
    }
    Ok(())
}

/// `set_update_internal(so, other)` for a set or frozenset (`set_merge`):
/// `s.update(t)`, `s |= t`.  Does nothing when `other` is `so` itself.
pub fn update<K, X>(so: &mut SetTable<K>, other: Operand<'_, K>, cx: &mut X) -> Result<(), X::Error>
where
    K: SetKey,
    X: KeyEq<K> + ?Sized,
{
    match other {
        Operand::Itself => Ok(()),
        Operand::Set(t) => so.merge(t, cx),
    }
}

/// `set_or` / `set_union` with one set argument: a copy of `so`, then
/// `set_merge` of `other` unless it is `so` itself.
pub fn union<K, X>(
    so: &SetTable<K>,
    other: Operand<'_, K>,
    cx: &mut X,
) -> Result<SetTable<K>, X::Error>
where
    K: SetKey,
    X: KeyEq<K> + ?Sized,
{
    let mut result = copy(so);
    update(&mut result, other, cx)?;
    Ok(result)
}

/// `set_intersection` with a set argument.  `other is so` gives a copy.
/// Otherwise it walks the smaller operand in slot order (the argument
/// `other` when the sizes are equal), keeps the entries found in the larger
/// one, and adds them one by one to a new table — so the result holds the
/// *walked* operand's key objects.
pub fn intersection<K, X>(
    so: &SetTable<K>,
    other: Operand<'_, K>,
    cx: &mut X,
) -> Result<SetTable<K>, X::Error>
where
    K: SetKey,
    X: KeyEq<K> + ?Sized,
{
    let Operand::Set(other) = other else {
        return Ok(copy(so));
    };
    let (big, small) = if other.len() > so.len() {
        (other, so)
    } else {
        (so, other)
    };
    let mut result = SetTable::new();
    for (key, hash) in small.iter() {
        if big.contains(key, hash, cx)? {
            result.add(key.clone(), hash, cx)?;
        }
    }
    Ok(result)
}

/// `set_intersection` with an arbitrary iterable: keeps the iterable's items
/// (its key objects) that are in `so`, in iteration order, and stops reading
/// the iterable as soon as the result is as large as `so`.
pub fn intersection_iter<K, X, N>(
    so: &SetTable<K>,
    cx: &mut X,
    mut next: N,
) -> Result<SetTable<K>, X::Error>
where
    K: SetKey,
    X: KeyEq<K> + ?Sized,
    N: FnMut(&mut X) -> Result<Option<(K, i64)>, X::Error>,
{
    let mut result = SetTable::new();
    while let Some((key, hash)) = next(cx)? {
        if so.contains(&key, hash, cx)? {
            result.add(key, hash, cx)?;
            if result.len() >= so.len() {
                break;
            }
        }
    }
    Ok(result)
}

/// `set_intersection_update` with a set argument (`s &= t`): computes
/// [`intersection`] and swaps it into `so` (keeping `so`'s `finger`).  On
/// error `so` is unchanged.
pub fn intersection_update<K, X>(
    so: &mut SetTable<K>,
    other: Operand<'_, K>,
    cx: &mut X,
) -> Result<(), X::Error>
where
    K: SetKey,
    X: KeyEq<K> + ?Sized,
{
    let mut tmp = intersection(so, other, cx)?;
    so.swap_bodies(&mut tmp);
    Ok(())
}

/// `set_intersection_update` with an arbitrary iterable.
pub fn intersection_update_iter<K, X, N>(
    so: &mut SetTable<K>,
    cx: &mut X,
    next: N,
) -> Result<(), X::Error>
where
    K: SetKey,
    X: KeyEq<K> + ?Sized,
    N: FnMut(&mut X) -> Result<Option<(K, i64)>, X::Error>,
{
    let mut tmp = intersection_iter(so, cx, next)?;
    so.swap_bodies(&mut tmp);
    Ok(())
}

/// `set_difference_update_internal` with a set argument (`s -= t`).
/// `other is so` clears the set.  If `other` is more than 8 times larger, it
/// is first replaced by `intersection(so, other)`.  The entries of `other`
/// are discarded from `so` in slot order; afterwards, if more than a quarter
/// of the slots are dummies, the table is rebuilt.  On error the discards
/// done so far remain (and no rebuild happens).
pub fn difference_update<K, X>(
    so: &mut SetTable<K>,
    other: Operand<'_, K>,
    cx: &mut X,
) -> Result<(), X::Error>
where
    K: SetKey,
    X: KeyEq<K> + ?Sized,
{
    let Operand::Set(other) = other else {
        so.clear();
        return Ok(());
    };
    if (other.len() >> 3) > so.len() {
        let tmp = intersection(so, Operand::Set(other), cx)?;
        discard_all(so, &tmp, cx)?;
    } else {
        discard_all(so, other, cx)?;
    }
    so.purge_dummies_if_dirty();
    Ok(())
}

fn discard_all<K, X>(so: &mut SetTable<K>, other: &SetTable<K>, cx: &mut X) -> Result<(), X::Error>
where
    K: SetKey,
    X: KeyEq<K> + ?Sized,
{
    for (key, hash) in other.iter() {
        so.discard(key, hash, cx)?;
    }
    Ok(())
}

/// `set_difference_update_internal` with any other iterable (a dict
/// included: pass its keys): discard each item, then rebuild the table if
/// more than a quarter of its slots are dummies.
pub fn difference_update_iter<K, X, N>(
    so: &mut SetTable<K>,
    cx: &mut X,
    mut next: N,
) -> Result<(), X::Error>
where
    K: SetKey,
    X: KeyEq<K> + ?Sized,
    N: FnMut(&mut X) -> Result<Option<(K, i64)>, X::Error>,
{
    while let Some((key, hash)) = next(cx)? {
        so.discard(&key, hash, cx)?;
    }
    so.purge_dummies_if_dirty();
    Ok(())
}

/// `set_difference` with a set argument (`s - t`).  When
/// `len(so) >> 2 > len(other)` the result is a copy of `so` with `other`'s
/// entries discarded ([`difference_update`]); otherwise `so` is walked in
/// slot order and the entries not in `other` are added to a new table.
/// (`other is so` is not special-cased by CPython here: the walk finds
/// every entry and the result is empty.)
pub fn difference<K, X>(
    so: &SetTable<K>,
    other: Operand<'_, K>,
    cx: &mut X,
) -> Result<SetTable<K>, X::Error>
where
    K: SetKey,
    X: KeyEq<K> + ?Sized,
{
    let other_t = other.resolve(so);
    if (so.len() >> 2) > other_t.len() {
        // Only reachable for a different object (a set is never 4x itself).
        let mut result = copy(so);
        difference_update(&mut result, Operand::Set(other_t), cx)?;
        return Ok(result);
    }
    difference_filter(so, cx, |cx, key, hash| other_t.contains(key, hash, cx))
}

/// The walking half of `set_difference`: a new table with the entries of
/// `so` (slot order) for which `in_other(key, hash)` is false.  Used with a
/// set lookup by [`difference`], and with `_PyDict_Contains_KnownHash` for
/// `s.difference(d)` when `len(s) >> 2 <= len(d)`.
pub fn difference_filter<K, X, F>(
    so: &SetTable<K>,
    cx: &mut X,
    mut in_other: F,
) -> Result<SetTable<K>, X::Error>
where
    K: SetKey,
    X: KeyEq<K> + ?Sized,
    F: FnMut(&mut X, &K, i64) -> Result<bool, X::Error>,
{
    let mut result = SetTable::new();
    for (key, hash) in so.iter() {
        if !in_other(cx, key, hash)? {
            result.add(key.clone(), hash, cx)?;
        }
    }
    Ok(result)
}

/// `set_symmetric_difference_update` with a set argument (`s ^= t`).
/// `other is so` clears the set.  Otherwise, for each entry of `other` in
/// slot order: discard it from `so`, or add it if it was absent (dummies
/// left by the discards are reused by later adds).
pub fn symmetric_difference_update<K, X>(
    so: &mut SetTable<K>,
    other: Operand<'_, K>,
    cx: &mut X,
) -> Result<(), X::Error>
where
    K: SetKey,
    X: KeyEq<K> + ?Sized,
{
    match other {
        Operand::Itself => {
            so.clear();
            Ok(())
        }
        Operand::Set(t) => {
            symmetric_difference_update_entries(so, t.iter().map(|(k, h)| (k.clone(), h)), cx)
        }
    }
}

/// The discard-or-add loop of `set_symmetric_difference_update` over
/// `(key, hash)` pairs: used directly for an exact dict (its keys and stored
/// hashes in dict order).
pub fn symmetric_difference_update_entries<K, X, I>(
    so: &mut SetTable<K>,
    entries: I,
    cx: &mut X,
) -> Result<(), X::Error>
where
    K: SetKey,
    X: KeyEq<K> + ?Sized,
    I: IntoIterator<Item = (K, i64)>,
{
    for (key, hash) in entries {
        if so.discard(&key, hash, cx)?.is_none() {
            so.add(key, hash, cx)?;
        }
    }
    Ok(())
}

/// `set_symmetric_difference_update` with a non-set, non-dict iterable: the
/// iterable is first turned into a new set ([`from_iter`]), whose slot order
/// then drives the discard-or-add loop.
pub fn symmetric_difference_update_iter<K, X, N>(
    so: &mut SetTable<K>,
    cx: &mut X,
    next: N,
) -> Result<(), X::Error>
where
    K: SetKey,
    X: KeyEq<K> + ?Sized,
    N: FnMut(&mut X) -> Result<Option<(K, i64)>, X::Error>,
{
    let tmp = from_iter(cx, next)?;
    symmetric_difference_update(so, Operand::Set(&tmp), cx)
}

/// `set_symmetric_difference` with a set argument (`s ^ t`): a copy of
/// `other`, then the discard-or-add loop over `so`'s entries.  Even
/// `s ^ s` goes this way (leaving a table of dummies).
pub fn symmetric_difference<K, X>(
    so: &SetTable<K>,
    other: Operand<'_, K>,
    cx: &mut X,
) -> Result<SetTable<K>, X::Error>
where
    K: SetKey,
    X: KeyEq<K> + ?Sized,
{
    let mut result = copy(other.resolve(so));
    symmetric_difference_update(&mut result, Operand::Set(so), cx)?;
    Ok(result)
}

/// `set_issubset` with a set argument: `len(so) <= len(other)` and every
/// entry of `so` (slot order) is in `other`.
pub fn is_subset<K, X>(
    so: &SetTable<K>,
    other: Operand<'_, K>,
    cx: &mut X,
) -> Result<bool, X::Error>
where
    K: SetKey,
    X: KeyEq<K> + ?Sized,
{
    let other = other.resolve(so);
    if so.len() > other.len() {
        return Ok(false);
    }
    for (key, hash) in so.iter() {
        if !other.contains(key, hash, cx)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `set_issubset` with a non-set iterable (CPython 3.11 builds a temporary
/// set from it first).
pub fn is_subset_iter<K, X, N>(so: &SetTable<K>, cx: &mut X, next: N) -> Result<bool, X::Error>
where
    K: SetKey,
    X: KeyEq<K> + ?Sized,
    N: FnMut(&mut X) -> Result<Option<(K, i64)>, X::Error>,
{
    let tmp = from_iter(cx, next)?;
    is_subset(so, Operand::Set(&tmp), cx)
}

/// `set_issuperset` with a set argument: `is_subset(other, so)`.
pub fn is_superset<K, X>(
    so: &SetTable<K>,
    other: Operand<'_, K>,
    cx: &mut X,
) -> Result<bool, X::Error>
where
    K: SetKey,
    X: KeyEq<K> + ?Sized,
{
    let other = other.resolve(so);
    is_subset(other, Operand::Set(so), cx)
}

/// `set_issuperset` with a non-set iterable: every item must be in `so`;
/// stops at the first one that is not.
pub fn is_superset_iter<K, X, N>(
    so: &SetTable<K>,
    cx: &mut X,
    mut next: N,
) -> Result<bool, X::Error>
where
    K: SetKey,
    X: KeyEq<K> + ?Sized,
    N: FnMut(&mut X) -> Result<Option<(K, i64)>, X::Error>,
{
    while let Some((key, hash)) = next(cx)? {
        if !so.contains(&key, hash, cx)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `set_isdisjoint` with an exact set or frozenset argument: `other is so`
/// is disjoint only when empty; otherwise the smaller operand (the argument
/// when sizes are equal) is walked and looked up in the larger one.
pub fn is_disjoint<K, X>(
    so: &SetTable<K>,
    other: Operand<'_, K>,
    cx: &mut X,
) -> Result<bool, X::Error>
where
    K: SetKey,
    X: KeyEq<K> + ?Sized,
{
    let Operand::Set(other) = other else {
        return Ok(so.is_empty());
    };
    let (big, small) = if other.len() > so.len() {
        (other, so)
    } else {
        (so, other)
    };
    for (key, hash) in small.iter() {
        if big.contains(key, hash, cx)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `set_isdisjoint` with any other iterable (set subclasses included):
/// false at the first item found in `so`.
pub fn is_disjoint_iter<K, X, N>(
    so: &SetTable<K>,
    cx: &mut X,
    mut next: N,
) -> Result<bool, X::Error>
where
    K: SetKey,
    X: KeyEq<K> + ?Sized,
    N: FnMut(&mut X) -> Result<Option<(K, i64)>, X::Error>,
{
    while let Some((key, hash)) = next(cx)? {
        if so.contains(&key, hash, cx)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `set_richcompare(v, w, op)` for two sets/frozensets.  `v_hash`/`w_hash`
/// are the cached frozenset hashes (`so->hash`, `None` when not computed or
/// for a set): for `==`/`!=` two known, different hashes decide without
/// comparing elements.
pub fn rich_compare<K, X>(
    v: &SetTable<K>,
    v_hash: Option<i64>,
    w: Operand<'_, K>,
    w_hash: Option<i64>,
    op: CompareOp,
    cx: &mut X,
) -> Result<bool, X::Error>
where
    K: SetKey,
    X: KeyEq<K> + ?Sized,
{
    let wt = w.resolve(v);
    match op {
        CompareOp::Eq | CompareOp::Ne => {
            let known_unequal =
                v.len() != wt.len() || matches!((v_hash, w_hash), (Some(a), Some(b)) if a != b);
            let equal = !known_unequal && is_subset(v, w, cx)?;
            Ok(equal == (op == CompareOp::Eq))
        }
        CompareOp::Le => is_subset(v, w, cx),
        CompareOp::Ge => is_superset(v, w, cx),
        CompareOp::Lt => Ok(v.len() < wt.len() && is_subset(v, w, cx)?),
        CompareOp::Gt => Ok(v.len() > wt.len() && is_superset(v, w, cx)?),
    }
}
