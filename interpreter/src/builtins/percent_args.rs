//! The right operand of `str % args` and `bytes % args`, as the shared percent-format parser
//! sees it: a tuple of positional values, a single value, or a mapping for `%(key)s`.

use num_bigint::BigInt;

use crate::format::error::FmtError;
use crate::format::percent::{parse_percent_spec, PercentArgSource, PercentDirective};
use crate::object::ObjKind;
use crate::value::Value;
use crate::vm::{self, Vm};
use crate::PyResult;

pub(crate) struct PercentArgs<'a> {
    pub vm: &'a mut Vm,
    /// The operand itself (what `%s` formats when it is a mapping).
    operand: Value,
    items: Vec<Value>,
    idx: usize,
    mapping: bool,
    /// Mapping keys are bytes (`b"%(k)s" % {b"k": 1}`) rather than str.
    bytes_keys: bool,
    /// The value selected by the last `%(key)`.
    current: Option<Value>,
    /// The Python exception raised by a mapping lookup, reported instead of the parser's error.
    err: Option<crate::PyErr>,
}

impl<'a> PercentArgs<'a> {
    pub fn new(vm: &'a mut Vm, operand: &Value, mapping: bool, bytes_keys: bool) -> PercentArgs<'a> {
        let items = match vm::ops::base_value(operand).as_obj().map(|o| &o.kind) {
            Some(ObjKind::Tuple(t)) => t.to_vec(),
            _ => vec![operand.clone()],
        };
        PercentArgs { vm, operand: operand.clone(), items, idx: 0, mapping, bytes_keys, current: None, err: None }
    }

    /// The value a conversion formats: the one its `%(key)` selected, the mapping itself, or
    /// the next positional value.
    pub fn value_for(&mut self, has_key: bool) -> PyResult<Value> {
        if has_key {
            return Ok(self.current.take().unwrap_or(Value::NONE));
        }
        if self.mapping {
            return Ok(self.operand.clone());
        }
        match self.next_positional() {
            Some(v) => Ok(v),
            None => Err(self.vm.type_error("not enough arguments for format string".to_string())),
        }
    }

    /// Parses the conversion spec after the `%` at `pos - 1`; a failed `%(key)` lookup reports
    /// the lookup's own exception.
    pub fn parse_spec(&mut self, fmt: &str, pos: usize) -> PyResult<(PercentDirective, usize)> {
        match parse_percent_spec(fmt, pos, self) {
            Ok(r) => Ok(r),
            Err(e) => match self.err.take() {
                Some(err) => Err(err),
                None => Err(self.vm.fmt_error(e)),
            },
        }
    }

    /// Positional values left over once the format is done (`not all arguments converted`).
    pub fn unused(&self) -> bool {
        !self.mapping && self.idx < self.items.len()
    }

    fn next_positional(&mut self) -> Option<Value> {
        let v = self.items.get(self.idx).cloned();
        self.idx += 1;
        v
    }
}

impl PercentArgSource for PercentArgs<'_> {
    type Error = FmtError;

    fn has_mapping(&self) -> bool {
        self.mapping
    }

    fn select_key(&mut self, key: &str) -> Result<(), FmtError> {
        let k = if self.bytes_keys { vm::new_bytes(key.chars().map(|c| c as u32 as u8).collect()) } else { vm::new_str(key) };
        let m = self.operand.clone();
        match self.vm.getitem(&m, &k) {
            Ok(v) => {
                self.current = Some(v);
                Ok(())
            }
            Err(e) => {
                self.err = Some(e);
                Err(FmtError::Value("key".into()))
            }
        }
    }

    fn star_arg(&mut self) -> Result<BigInt, FmtError> {
        match self.next_positional() {
            None => Err(FmtError::Type("not enough arguments for format string".into())),
            Some(v) => crate::vm::num::to_bigint(&v).ok_or_else(|| FmtError::Type("* wants int".into())),
        }
    }
}
