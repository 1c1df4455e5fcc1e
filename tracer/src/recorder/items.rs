//! Items of lists and tuples, and the type guards of boxed values: bounds checks, loads with
//! their type guards (or, in a loop trace, one `guard_list_kinds` for a list whose items all
//! have the loaded kind).

use super::{state, Abort, Kind, Rec, Sym, V};
use crate::ir::OpKind;
use rpy_interpreter::list::ElemKinds;
use rpy_interpreter::value::Value;

impl Rec {
    /// Loads element `idx` of the array at `data` and guards that it has `kind`.
    pub(super) fn load_elem(&mut self, data: V, idx: V, kind: Kind) -> Result<Sym, Abort> {
        let e = self.emit(OpKind::LoadElem, vec![data, idx], 0);
        self.typed(e, kind)
    }

    /// Loads item `idx` of list `l` (the real list `list`, its element array `data`), of
    /// `kind`: in a loop trace, when every item of the list has that kind, under a
    /// `guard_list_kinds` (which the loop checks once, at entry) instead of a type guard.
    pub(super) fn list_load(&mut self, list: &Value, l: V, data: V, idx: V, kind: Kind) -> Result<Sym, Abort> {
        let only = match kind {
            Kind::Float => ElemKinds::FLOAT,
            Kind::Int => ElemKinds::INT,
            _ => 0,
        };
        if only != 0 && self.kinds_guards && state::list_kinds(list).is_some_and(|k| k & !only == 0) {
            self.emit_guard_imm(OpKind::GuardListKinds, vec![l], (ElemKinds::ALL & !only) as u64);
            let e = self.emit(OpKind::LoadElem, vec![data, idx], 0);
            return Ok(match kind {
                Kind::Float => Sym::Float(self.emit(OpKind::UnboxFloat, vec![e], 0)),
                _ => Sym::Int(self.emit(OpKind::UnboxSmallInt, vec![e], 0)),
            });
        }
        self.load_elem(data, idx, kind)
    }

    /// Guards that the boxed value `e` has `kind` and returns it as that kind.
    pub(super) fn typed(&mut self, e: V, kind: Kind) -> Result<Sym, Abort> {
        Ok(match kind {
            Kind::Int => {
                self.guard(OpKind::GuardInt, e);
                Sym::Int(self.emit(OpKind::UnboxInt, vec![e], 0))
            }
            Kind::Float => {
                self.guard(OpKind::GuardFloat, e);
                Sym::Float(self.emit(OpKind::UnboxFloat, vec![e], 0))
            }
            Kind::List => {
                self.guard(OpKind::GuardList, e);
                Sym::List(e)
            }
            Kind::Obj(t) => {
                self.guard_type(e, t);
                Sym::Obj(e, t)
            }
            Kind::Exact(b) => {
                // SAFETY: the value was just read from a live container: it is alive.
                self.keep.push(unsafe { Value::clone_from_bits(b) });
                self.emit_guard_imm(OpKind::GuardBits, vec![e], b);
                Sym::Exact(b)
            }
            Kind::Bool(_) | Kind::IntValue(_) => return Err("item is a bool".into()),
        })
    }

    /// Guards `0 <= key (+ len) < len` as recorded and returns the list's element array and
    /// the non-negative index.
    pub(super) fn list_index(&mut self, list: V, key: V, real_key: i64) -> (V, V) {
        let len = self.emit(OpKind::ListLen, vec![list], 0);
        let data = self.emit(OpKind::ListData, vec![list], 0);
        self.seq_index(len, data, key, real_key)
    }

    /// `list_index` for a tuple.
    pub(super) fn tuple_index(&mut self, tuple: V, key: V, real_key: i64) -> (V, V) {
        let len = self.emit(OpKind::TupleLen, vec![tuple], 0);
        let data = self.emit(OpKind::TupleData, vec![tuple], 0);
        self.seq_index(len, data, key, real_key)
    }

    pub(super) fn seq_index(&mut self, len: V, data: V, key: V, real_key: i64) -> (V, V) {
        let idx = if real_key >= 0 {
            key
        } else {
            let z = self.const_int(0);
            let neg = self.emit(OpKind::IntLt, vec![key, z], 0);
            self.guard(OpKind::GuardTrue, neg);
            self.emit(OpKind::IntAdd, vec![key, len], 0)
        };
        let ok = self.emit(OpKind::IntUlt, vec![idx, len], 0);
        self.guard(OpKind::GuardTrue, ok);
        (data, idx)
    }
}
