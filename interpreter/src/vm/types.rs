//! The built-in type objects, created once per VM.

use super::Interner;
use crate::dict::Dict;
use crate::object::*;
use crate::value::Value;
use std::cell::{Cell, RefCell};

macro_rules! types {
    ($( $field:ident : $name:literal, $base:ident, $layout:ident; )*) => {
        pub struct Types {
            pub object: Value,
            $( pub $field: Value, )*
            /// Exception classes by name.
            pub exc: std::collections::HashMap<&'static str, Value>,
        }
        impl Types {
            pub fn new(i: &mut Interner) -> Types {
                let object = make_type(i, "object", None, Layout::Object);
                $( let $field = make_type(i, $name, Some(types!(@base object $base)), Layout::$layout); )*
                Types { object, $( $field, )* exc: Default::default() }
            }
        }
    };
    (@base $object:ident object) => { &$object };
    (@base $object:ident $b:ident) => { &$b };
}

types! {
    type_: "type", object, Type;
    int: "int", object, Int;
    bool_: "bool", int, Int;
    float: "float", object, Float;
    complex: "complex", object, Other;
    str_: "str", object, Str;
    bytes: "bytes", object, Other;
    bytearray: "bytearray", object, Other;
    list: "list", object, List;
    tuple: "tuple", object, Tuple;
    dict: "dict", object, Dict;
    set: "set", object, Set;
    frozenset: "frozenset", object, Other;
    range: "range", object, Other;
    slice: "slice", object, Other;
    function: "function", object, Other;
    builtin_function: "builtin_function_or_method", object, Other;
    method: "method", object, Other;
    module: "module", object, Other;
    none: "NoneType", object, Other;
    not_implemented: "NotImplementedType", object, Other;
    ellipsis: "ellipsis", object, Other;
    generator: "generator", object, Other;
    coroutine: "coroutine", object, Other;
    async_generator: "async_generator", object, Other;
    cell: "cell", object, Other;
    code: "code", object, Other;
    property: "property", object, Other;
    classmethod: "classmethod", object, Other;
    staticmethod: "staticmethod", object, Other;
    super_: "super", object, Other;
    traceback: "traceback", object, Other;
    frame: "frame", object, Other;
    mappingproxy: "mappingproxy", object, Other;
    list_iterator: "list_iterator", object, Other;
    tuple_iterator: "tuple_iterator", object, Other;
    range_iterator: "range_iterator", object, Other;
    longrange_iterator: "longrange_iterator", object, Other;
    str_iterator: "str_ascii_iterator", object, Other;
    dict_keyiterator: "dict_keyiterator", object, Other;
    dict_valueiterator: "dict_valueiterator", object, Other;
    dict_itemiterator: "dict_itemiterator", object, Other;
    set_iterator: "set_iterator", object, Other;
    reversed: "reversed", object, Other;
    list_reverseiterator: "list_reverseiterator", object, Other;
    method_descriptor: "method_descriptor", object, Other;
    union_type: "UnionType", object, Other;
    generic_alias: "GenericAlias", object, Other;
    memoryview: "memoryview", object, Other;
    getset_descriptor: "getset_descriptor", object, Other;
    member_descriptor: "member_descriptor", object, Other;
    enumerate: "enumerate", object, Other;
    zip: "zip", object, Other;
    map: "map", object, Other;
    filter: "filter", object, Other;
    callable_iterator: "callable_iterator", object, Other;
    iterator: "iterator", object, Other;
    dict_keys: "dict_keys", object, Other;
    dict_values: "dict_values", object, Other;
    dict_items: "dict_items", object, Other;
}

/// Creates a built-in type object with an empty namespace.
pub fn make_type(i: &mut Interner, name: &str, base: Option<&Value>, layout: Layout) -> Value {
    let bases: Vec<Value> = base.into_iter().cloned().collect();
    let t = Value::new_obj(Obj {
        kind: ObjKind::Type(Box::new(TypeObj {
            name: RefCell::new(name.to_string()),
            qualname: RefCell::new(name.to_string()),
            module: RefCell::new(i.intern("builtins")),
            bases: RefCell::new(bases.clone()),
            mro: RefCell::new(Vec::new()),
            dict: RefCell::new(Dict::new()),
            layout,
            version: Cell::new(1),
            meta: RefCell::new(Value::NULL),
            slots: None,
            is_builtin: true,
            has_dict: layout == Layout::Exception,
        })),
    });
    let mut mro = vec![t.clone()];
    if let Some(b) = base {
        if let Some(bt) = type_obj(b) {
            mro.extend(bt.mro.borrow().iter().cloned());
        }
    }
    if let Some(tt) = type_obj(&t) {
        *tt.mro.borrow_mut() = mro;
    }
    t
}

pub fn type_obj(v: &Value) -> Option<&TypeObj> {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::Type(t) }) => Some(t),
        _ => None,
    }
}
