//! Sorting for `sorted()` and `list.sort()`: a port of CPython 3.11's list sort (timsort with
//! galloping), so the sequence of `__lt__` calls — and thus errors and partial results — match
//! CPython's; homogeneous int/float/str keys take native fast paths.

use crate::bytecode::opcodes::CmpOp;
use crate::value::{Value, V};
use crate::vm::{self, Vm};
use crate::PyResult;

impl Vm {
    /// Stable sort with Python `<`, an optional key function, and `reverse`.
    pub fn sort_values(&mut self, items: &mut Vec<Value>, key: Option<&Value>, reverse: bool) -> PyResult<()> {
        let keys: Vec<Value> = match key {
            Some(f) => {
                let mut ks = Vec::with_capacity(items.len());
                for it in items.iter() {
                    ks.push(self.call(f, &[it.clone()], &[])?);
                }
                ks
            }
            None => items.clone(),
        };
        let mut idx: Vec<usize> = (0..items.len()).collect();
        if reverse {
            idx.reverse();
        }
        let all_int = keys.iter().all(|k| k.is_small_int());
        let all_float = keys.iter().all(|k| k.is_float() || k.is_small_int());
        let all_str = keys.iter().all(|k| vm::str_of(k).is_some());
        let mut result = Ok(());
        if all_int {
            idx.sort_by_key(|&i| keys[i].as_small_int_unchecked());
        } else if all_float && !keys.iter().any(|k| k.as_f64().map(|f| f.is_nan()).unwrap_or(false)) {
            idx.sort_by(|&a, &b| {
                let x = keys[a].as_f64().unwrap_or_else(|| keys[a].as_small_int_unchecked() as f64);
                let y = keys[b].as_f64().unwrap_or_else(|| keys[b].as_small_int_unchecked() as f64);
                x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal)
            });
        } else if all_str {
            idx.sort_by(|&a, &b| vm::str_of(&keys[a]).unwrap_or("").cmp(vm::str_of(&keys[b]).unwrap_or("")));
        } else {
            // General case: CPython's timsort, so user `__lt__` calls and errors happen in the
            // same order; on error the list is left as the partial permutation CPython leaves.
            let mut ts = TimSort { vm: self, keys: &keys, min_gallop: MIN_GALLOP, pending: Vec::new(), n: idx.len() };
            result = ts.sort(&mut idx);
        }
        if reverse {
            idx.reverse();
        }
        let old = std::mem::take(items);
        *items = idx.into_iter().map(|i| old[i].clone()).collect();
        result
    }
}

const MIN_GALLOP: usize = 7;

/// A port of CPython 3.11's `listsort` (runs, binary insertion, powersort merge order,
/// galloping merges) over indices into `keys`.
struct TimSort<'a> {
    vm: &'a mut Vm,
    keys: &'a [Value],
    min_gallop: usize,
    /// (start, len, power) of pending runs.
    pending: Vec<(usize, usize, u32)>,
    n: usize,
}

impl TimSort<'_> {
    fn lt(&mut self, a: usize, b: usize) -> PyResult<bool> {
        let (x, y) = (&self.keys[a], &self.keys[b]);
        let r = self.vm.compare(CmpOp::Lt, x, y)?;
        match r.view() {
            V::Bool(b) => Ok(b),
            _ => self.vm.truthy(&r),
        }
    }

    fn sort(&mut self, v: &mut [usize]) -> PyResult<()> {
        let total = v.len();
        if total < 2 {
            return Ok(());
        }
        let minrun = {
            let (mut n, mut r) = (total, 0);
            while n >= 64 {
                r |= n & 1;
                n >>= 1;
            }
            n + r
        };
        let mut lo = 0;
        let mut remaining = total;
        while remaining > 0 {
            let (mut n, desc) = self.count_run(v, lo, lo + remaining)?;
            if desc {
                v[lo..lo + n].reverse();
            }
            if n < minrun {
                let force = remaining.min(minrun);
                self.binarysort(v, lo, lo + force, lo + n)?;
                n = force;
            }
            self.found_new_run(v, n)?;
            self.pending.push((lo, n, 0));
            lo += n;
            remaining -= n;
        }
        while self.pending.len() > 1 {
            let mut i = self.pending.len() - 2;
            if i > 0 && self.pending[i - 1].1 < self.pending[i + 1].1 {
                i -= 1;
            }
            self.merge_at(v, i)?;
        }
        Ok(())
    }

    fn count_run(&mut self, v: &[usize], lo: usize, hi: usize) -> PyResult<(usize, bool)> {
        if lo + 1 == hi {
            return Ok((1, false));
        }
        let mut n = 2;
        let mut p = lo + 2;
        if self.lt(v[lo + 1], v[lo])? {
            while p < hi {
                if !self.lt(v[p], v[p - 1])? {
                    break;
                }
                p += 1;
                n += 1;
            }
            Ok((n, true))
        } else {
            while p < hi {
                if self.lt(v[p], v[p - 1])? {
                    break;
                }
                p += 1;
                n += 1;
            }
            Ok((n, false))
        }
    }

    fn binarysort(&mut self, v: &mut [usize], lo: usize, hi: usize, start: usize) -> PyResult<()> {
        let mut start = if lo == start { start + 1 } else { start };
        while start < hi {
            let pivot = v[start];
            let (mut l, mut r) = (lo, start);
            loop {
                let p = l + ((r - l) >> 1);
                if self.lt(pivot, v[p])? {
                    r = p;
                } else {
                    l = p + 1;
                }
                if l >= r {
                    break;
                }
            }
            v.copy_within(l..start, l + 1);
            v[l] = pivot;
            start += 1;
        }
        Ok(())
    }

    fn found_new_run(&mut self, v: &mut [usize], n2: usize) -> PyResult<()> {
        if let Some(&(s1, n1, _)) = self.pending.last() {
            let power = powerloop(s1, n1, n2, self.n);
            while self.pending.len() > 1 && self.pending[self.pending.len() - 2].2 > power {
                let i = self.pending.len() - 2;
                self.merge_at(v, i)?;
            }
            let last = self.pending.len() - 1;
            self.pending[last].2 = power;
        }
        Ok(())
    }

    fn merge_at(&mut self, v: &mut [usize], i: usize) -> PyResult<()> {
        let (sa, na, _) = self.pending[i];
        let (sb, nb, _) = self.pending[i + 1];
        self.pending[i].1 = na + nb;
        self.pending.remove(i + 1);
        let k = self.gallop_right(v[sb], &v[sa..sa + na], 0)?;
        let (sa, na) = (sa + k, na - k);
        if na == 0 {
            return Ok(());
        }
        let nb = self.gallop_left(v[sa + na - 1], &v[sb..sb + nb], nb - 1)?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(v, sa, na, sb, nb)
        } else {
            self.merge_hi(v, sa, na, sb, nb)
        }
    }

    fn gallop_left(&mut self, key: usize, a: &[usize], hint: usize) -> PyResult<usize> {
        let n = a.len();
        let (mut lastofs, mut ofs) = (0usize, 1usize);
        if self.lt(a[hint], key)? {
            let maxofs = n - hint;
            while ofs < maxofs {
                if self.lt(a[hint + ofs], key)? {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            ofs = ofs.min(maxofs);
            lastofs += hint;
            ofs += hint;
        } else {
            let maxofs = hint + 1;
            while ofs < maxofs {
                if self.lt(a[hint - ofs], key)? {
                    break;
                }
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            ofs = ofs.min(maxofs);
            let k = lastofs;
            // `lastofs` may be -1 here in CPython; shift by one to stay unsigned.
            let lo = hint as isize - ofs as isize;
            ofs = hint - k;
            let mut l = (lo + 1) as usize;
            while l < ofs {
                let m = l + ((ofs - l) >> 1);
                if self.lt(a[m], key)? {
                    l = m + 1;
                } else {
                    ofs = m;
                }
            }
            return Ok(ofs);
        }
        let mut l = lastofs + 1;
        while l < ofs {
            let m = l + ((ofs - l) >> 1);
            if self.lt(a[m], key)? {
                l = m + 1;
            } else {
                ofs = m;
            }
        }
        Ok(ofs)
    }

    fn gallop_right(&mut self, key: usize, a: &[usize], hint: usize) -> PyResult<usize> {
        let n = a.len();
        let (mut lastofs, mut ofs) = (0usize, 1usize);
        let lo: isize;
        if self.lt(key, a[hint])? {
            let maxofs = hint + 1;
            while ofs < maxofs {
                if self.lt(key, a[hint - ofs])? {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            ofs = ofs.min(maxofs);
            let k = lastofs;
            lo = hint as isize - ofs as isize;
            ofs = hint - k;
        } else {
            let maxofs = n - hint;
            while ofs < maxofs {
                if self.lt(key, a[hint + ofs])? {
                    break;
                }
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            ofs = ofs.min(maxofs);
            lo = (lastofs + hint) as isize;
            ofs += hint;
        }
        let mut l = (lo + 1) as usize;
        while l < ofs {
            let m = l + ((ofs - l) >> 1);
            if self.lt(key, a[m])? {
                ofs = m;
            } else {
                l = m + 1;
            }
        }
        Ok(ofs)
    }

    fn merge_lo(&mut self, v: &mut [usize], sa: usize, na: usize, sb: usize, nb: usize) -> PyResult<()> {
        let tmp: Vec<usize> = v[sa..sa + na].to_vec();
        let (mut na, mut nb) = (na, nb);
        let mut dest = sa;
        let mut pa = 0usize; // into tmp
        let mut pb = sb; // into v
        let r = self.merge_lo_inner(v, &tmp, &mut dest, &mut pa, &mut pb, &mut na, &mut nb);
        match r {
            Ok(true) => {
                // CopyB: the last element of a belongs at the end of the merge.
                v.copy_within(pb..pb + nb, dest);
                v[dest + nb] = tmp[pa];
                Ok(())
            }
            Ok(false) => {
                v[dest..dest + na].copy_from_slice(&tmp[pa..pa + na]);
                Ok(())
            }
            Err(e) => {
                v[dest..dest + na].copy_from_slice(&tmp[pa..pa + na]);
                Err(e)
            }
        }
    }

    /// Returns Ok(true) for CopyB, Ok(false) for Succeed.
    #[allow(clippy::too_many_arguments)]
    fn merge_lo_inner(&mut self, v: &mut [usize], tmp: &[usize], dest: &mut usize, pa: &mut usize, pb: &mut usize, na: &mut usize, nb: &mut usize) -> PyResult<bool> {
        v[*dest] = v[*pb];
        *dest += 1;
        *pb += 1;
        *nb -= 1;
        if *nb == 0 {
            return Ok(false);
        }
        if *na == 1 {
            return Ok(true);
        }
        let mut min_gallop = self.min_gallop;
        loop {
            let (mut acount, mut bcount) = (0usize, 0usize);
            loop {
                if self.lt(v[*pb], tmp[*pa])? {
                    v[*dest] = v[*pb];
                    *dest += 1;
                    *pb += 1;
                    bcount += 1;
                    acount = 0;
                    *nb -= 1;
                    if *nb == 0 {
                        return Ok(false);
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                } else {
                    v[*dest] = tmp[*pa];
                    *dest += 1;
                    *pa += 1;
                    acount += 1;
                    bcount = 0;
                    *na -= 1;
                    if *na == 1 {
                        return Ok(true);
                    }
                    if acount >= min_gallop {
                        break;
                    }
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= (min_gallop > 1) as usize;
                self.min_gallop = min_gallop;
                let k = self.gallop_right(v[*pb], &tmp[*pa..*pa + *na], 0)?;
                acount = k;
                if k > 0 {
                    v[*dest..*dest + k].copy_from_slice(&tmp[*pa..*pa + k]);
                    *dest += k;
                    *pa += k;
                    *na -= k;
                    if *na == 1 {
                        return Ok(true);
                    }
                    if *na == 0 {
                        return Ok(false);
                    }
                }
                v[*dest] = v[*pb];
                *dest += 1;
                *pb += 1;
                *nb -= 1;
                if *nb == 0 {
                    return Ok(false);
                }
                let key = tmp[*pa];
                let k = self.gallop_left(key, &v[*pb..*pb + *nb], 0)?;
                bcount = k;
                if k > 0 {
                    v.copy_within(*pb..*pb + k, *dest);
                    *dest += k;
                    *pb += k;
                    *nb -= k;
                    if *nb == 0 {
                        return Ok(false);
                    }
                }
                v[*dest] = tmp[*pa];
                *dest += 1;
                *pa += 1;
                *na -= 1;
                if *na == 1 {
                    return Ok(true);
                }
                if !(acount >= MIN_GALLOP || bcount >= MIN_GALLOP) {
                    break;
                }
            }
            min_gallop += 1;
            self.min_gallop = min_gallop;
        }
    }

    fn merge_hi(&mut self, v: &mut [usize], sa: usize, na: usize, sb: usize, nb: usize) -> PyResult<()> {
        let tmp: Vec<usize> = v[sb..sb + nb].to_vec();
        let (mut na, mut nb) = (na, nb);
        // Positions are "one past" the current element so they never go below zero.
        let mut dest = sb + nb; // v[dest-1] is the next slot to fill
        let mut pa = sa + na; // v[pa-1] is the current a element
        let mut pb = nb; // tmp[pb-1] is the current b element
        let r = self.merge_hi_inner(v, &tmp, sa, &mut dest, &mut pa, &mut pb, &mut na, &mut nb);
        match r {
            Ok(true) => {
                // CopyA: the first element of b belongs at the front of the merge.
                let d = dest - na;
                let a0 = pa - na;
                v.copy_within(a0..a0 + na, d);
                v[d - 1] = tmp[pb - 1];
                Ok(())
            }
            Ok(false) => {
                v[dest - nb..dest].copy_from_slice(&tmp[..nb]);
                Ok(())
            }
            Err(e) => {
                v[dest - nb..dest].copy_from_slice(&tmp[..nb]);
                Err(e)
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn merge_hi_inner(&mut self, v: &mut [usize], tmp: &[usize], basea: usize, dest: &mut usize, pa: &mut usize, pb: &mut usize, na: &mut usize, nb: &mut usize) -> PyResult<bool> {
        v[*dest - 1] = v[*pa - 1];
        *dest -= 1;
        *pa -= 1;
        *na -= 1;
        if *na == 0 {
            return Ok(false);
        }
        if *nb == 1 {
            return Ok(true);
        }
        let mut min_gallop = self.min_gallop;
        loop {
            let (mut acount, mut bcount) = (0usize, 0usize);
            loop {
                if self.lt(tmp[*pb - 1], v[*pa - 1])? {
                    v[*dest - 1] = v[*pa - 1];
                    *dest -= 1;
                    *pa -= 1;
                    acount += 1;
                    bcount = 0;
                    *na -= 1;
                    if *na == 0 {
                        return Ok(false);
                    }
                    if acount >= min_gallop {
                        break;
                    }
                } else {
                    v[*dest - 1] = tmp[*pb - 1];
                    *dest -= 1;
                    *pb -= 1;
                    bcount += 1;
                    acount = 0;
                    *nb -= 1;
                    if *nb == 1 {
                        return Ok(true);
                    }
                    if bcount >= min_gallop {
                        break;
                    }
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= (min_gallop > 1) as usize;
                self.min_gallop = min_gallop;
                let key = tmp[*pb - 1];
                let k = self.gallop_right(key, &v[basea..basea + *na], *na - 1)?;
                let k = *na - k;
                acount = k;
                if k > 0 {
                    let src = *pa - k;
                    v.copy_within(src..*pa, *dest - k);
                    *dest -= k;
                    *pa -= k;
                    *na -= k;
                    if *na == 0 {
                        return Ok(false);
                    }
                }
                v[*dest - 1] = tmp[*pb - 1];
                *dest -= 1;
                *pb -= 1;
                *nb -= 1;
                if *nb == 1 {
                    return Ok(true);
                }
                let key = v[*pa - 1];
                let k = self.gallop_left(key, &tmp[..*nb], *nb - 1)?;
                let k = *nb - k;
                bcount = k;
                if k > 0 {
                    let src = *pb - k;
                    v[*dest - k..*dest].copy_from_slice(&tmp[src..*pb]);
                    *dest -= k;
                    *pb -= k;
                    *nb -= k;
                    if *nb == 1 {
                        return Ok(true);
                    }
                    if *nb == 0 {
                        return Ok(false);
                    }
                }
                v[*dest - 1] = v[*pa - 1];
                *dest -= 1;
                *pa -= 1;
                *na -= 1;
                if *na == 0 {
                    return Ok(false);
                }
                if !(acount >= MIN_GALLOP || bcount >= MIN_GALLOP) {
                    break;
                }
            }
            min_gallop += 1;
            self.min_gallop = min_gallop;
        }
    }
}

fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

