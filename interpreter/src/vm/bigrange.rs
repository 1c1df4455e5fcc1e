//! `range` objects whose bounds do not fit the inline-int `Range`: indexing, slicing and
//! membership with arbitrary-precision arithmetic, following CPython's `rangeobject.c`.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

use super::iter::big_range_len;
use super::{PyResult, Vm};
use crate::object::{Obj, ObjKind};
use crate::value::Value;

/// A range with big bounds, or an inline one when everything fits.
pub fn new_range_value(start: BigInt, stop: BigInt, step: BigInt) -> Value {
    use num_traits::ToPrimitive;
    let small = |b: &BigInt| b.to_i64().filter(|i| Value::small_int(*i).is_some());
    if let (Some(a), Some(b), Some(c)) = (small(&start), small(&stop), small(&step)) {
        return Value::new_obj(Obj { kind: ObjKind::Range(crate::object::Range { start: a, stop: b, step: c }) });
    }
    Value::new_obj(Obj { kind: ObjKind::BigRange(Box::new([start, stop, step])) })
}

impl Vm {
    pub(crate) fn big_range_getitem(&mut self, b: &[BigInt; 3], key: &Value) -> PyResult<Value> {
        let len = big_range_len(b);
        if let Some(Obj { kind: ObjKind::Slice(lo, hi, st) }) = key.as_obj() {
            let (lo, hi, st) = (lo.clone(), hi.clone(), st.clone());
            let step = if st.is_none() { BigInt::one() } else { self.index_bigint(&st)? };
            if step.is_zero() {
                return Err(self.value_error("slice step cannot be zero".to_string()));
            }
            let (lower, upper) = if step.is_negative() { (-BigInt::one(), &len - 1u32) } else { (BigInt::zero(), len.clone()) };
            let adjust = |vm: &mut Vm, v: &Value, default: &BigInt| -> PyResult<BigInt> {
                if v.is_none() {
                    return Ok(default.clone());
                }
                let mut i = vm.index_bigint(v)?;
                if i.is_negative() {
                    i += &len;
                    if i < lower {
                        i = lower.clone();
                    }
                } else if i > upper {
                    i = upper.clone();
                }
                Ok(i)
            };
            let (d_start, d_stop) = if step.is_negative() { (upper.clone(), lower.clone()) } else { (lower.clone(), upper.clone()) };
            let start = adjust(self, &lo, &d_start)?;
            let stop = adjust(self, &hi, &d_stop)?;
            let new_start = &b[0] + &start * &b[2];
            let new_stop = &b[0] + &stop * &b[2];
            let new_step = &b[2] * &step;
            return Ok(new_range_value(new_start, new_stop, new_step));
        }
        if !super::num::is_int(key) && !self.has_index(key) {
            let tn = self.type_name(key);
            return Err(self.type_error(format!("range indices must be integers or slices, not {tn}")));
        }
        let mut i = self.index_bigint(key)?;
        if i.is_negative() {
            i += &len;
        }
        if i.is_negative() || i >= len {
            return Err(self.index_error("range object index out of range"));
        }
        Ok(super::new_bigint(&b[0] + i * &b[2]))
    }

    /// `item in range` for an int item; `None` when the item is not an int and
    /// membership has to fall back to comparing element by element.
    pub(crate) fn big_range_contains(&mut self, b: &[BigInt; 3], item: &Value) -> Option<bool> {
        let i = super::num::to_bigint(item)?;
        let (start, stop, step) = (&b[0], &b[1], &b[2]);
        let inside = if step.is_positive() { start <= &i && &i < stop } else { stop < &i && &i <= start };
        Some(inside && (&i - start).mod_floor(step).is_zero())
    }
}
