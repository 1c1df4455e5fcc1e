//! Ops that compiled code computes with one call of a runtime helper on its operands, in
//! order: the helper's address and result type.

use cranelift_codegen::ir::{types, Type};

use crate::ir::OpKind;
use crate::runtime as rt;

/// The helper that computes `kind`, when one call does.
pub(super) fn helper(kind: OpKind) -> Option<(usize, Type)> {
    Some(match kind {
        OpKind::StrEq => (rt::str_eq as *const () as usize, types::I8),
        OpKind::StrCmp => (rt::str_cmp as *const () as usize, types::I64),
        OpKind::StrContains => (rt::str_contains as *const () as usize, types::I8),
        OpKind::StrByte => (rt::str_byte as *const () as usize, types::I64),
        OpKind::SetHas => (rt::set_has as *const () as usize, types::I64),
        OpKind::SetAdd => (rt::set_add as *const () as usize, types::I8),
        OpKind::SlotGet => (rt::slot_get as *const () as usize, types::I64),
        OpKind::SlotSet => (rt::slot_set as *const () as usize, types::I8),
        OpKind::StrConcat => (rt::str_concat as *const () as usize, types::I64),
        OpKind::StrRepeat => (rt::str_repeat as *const () as usize, types::I64),
        OpKind::StrSplit => (rt::str_split as *const () as usize, types::I64),
        OpKind::StrToInt => (rt::str_to_int as *const () as usize, types::I64),
        OpKind::StrLen => (rt::str_len as *const () as usize, types::I64),
        OpKind::StrCode => (rt::str_code as *const () as usize, types::I64),
        OpKind::DictHasStr => (rt::dict_has_str as *const () as usize, types::I64),
        OpKind::DictHasInt => (rt::dict_has_int as *const () as usize, types::I64),
        OpKind::DictSetStr => (rt::dict_set_str as *const () as usize, types::I8),
        OpKind::DictSetInt => (rt::dict_set_int as *const () as usize, types::I8),
        OpKind::DictGetInt => (rt::dict_get_int as *const () as usize, types::I64),
        OpKind::BigArith => (rt::big_arith as *const () as usize, types::I64),
        OpKind::BigCmp => (rt::big_cmp as *const () as usize, types::I64),
        OpKind::BigCmpInt => (rt::big_cmp_int as *const () as usize, types::I64),
        OpKind::BigModInt => (rt::big_mod_int as *const () as usize, types::I64),
        OpKind::BigArithInt => (rt::big_arith_int as *const () as usize, types::I64),
        _ => return None,
    })
}
