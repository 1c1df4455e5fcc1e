//! `dict`, dict views and `mappingproxy`, and the VM's dict helpers (lookup with Python
//! `__eq__` outside the borrow, update/merge, kwargs merging).

use crate::bytecode::opcodes::BinOp;
use crate::dict::Dict;
use crate::object::*;
use crate::value::Value;
use crate::vm::ops::base_value;
use crate::vm::types::type_obj;
use crate::vm::{self, Vm};
use crate::PyResult;
use super::containers::*;

// ---- dict ----

pub(super) fn self_dict(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let b = base_value(v);
    if vm::dict_of(&b).is_some() {
        return Ok(b);
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("descriptor requires a 'dict' object but received a '{tn}'")))
}

pub(super) fn dict_new(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let dict = vm.types.dict.clone();
    vm.wrap_subclass(&args[0], vm::new_dict(Dict::new()), &dict)
}

pub(super) fn dict_init(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(vm.type_error(format!("dict expected at most 1 argument, got {}", args.len() - 1)));
    }
    dict_update_m(vm, args, kw)
}

pub(super) fn dict_getitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let d = self_dict(vm, &args[0])?;
    vm.getitem(&d, &args[1])
}

pub(super) fn dict_view(vm: &mut Vm, args: &[Value], kind: u8) -> PyResult<Value> {
    let d = self_dict(vm, &args[0])?;
    Ok(Value::new_obj(Obj { kind: ObjKind::DictView(kind, d) }))
}

pub(super) fn view_reversed(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (k, d) = match args[0].as_obj() {
        Some(Obj { kind: ObjKind::DictView(k, d) }) => (*k, d.clone()),
        _ => return Err(vm.type_error("expected a dict view".to_string())),
    };
    let mut items = vm.dict_view_items(k, &d);
    items.reverse();
    Ok(vm::new_iter(Iter::Seq { seq: vm::new_list(items), idx: 0 }))
}

pub(super) fn dict_keys(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    dict_view(vm, args, 0)
}
pub(super) fn dict_values(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    dict_view(vm, args, 1)
}
pub(super) fn dict_items(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    dict_view(vm, args, 2)
}

pub(super) fn dict_get(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("get", &args[1..], 1, 2)?;
    let d = self_dict(vm, &args[0])?;
    match vm.dict_lookup(&d, &args[1])? {
        Some(v) => Ok(v),
        None => Ok(args.get(2).cloned().unwrap_or(Value::NONE)),
    }
}

pub(super) fn dict_setdefault(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("setdefault", &args[1..], 1, 2)?;
    let d = self_dict(vm, &args[0])?;
    match vm.dict_lookup(&d, &args[1])? {
        Some(v) => Ok(v),
        None => {
            let v = args.get(2).cloned().unwrap_or(Value::NONE);
            vm.setitem(&d, args[1].clone(), v.clone())?;
            Ok(v)
        }
    }
}

pub(super) fn dict_pop(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("pop", &args[1..], 1, 2)?;
    let d = self_dict(vm, &args[0])?;
    match vm.dict_lookup(&d, &args[1])? {
        Some(v) => {
            vm.delitem(&d, &args[1])?;
            Ok(v)
        }
        None => match args.get(2) {
            Some(def) => Ok(def.clone()),
            None => Err(vm.key_error(args[1].clone())),
        },
    }
}

pub(super) fn dict_popitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let d = self_dict(vm, &args[0])?;
    let r = vm::dict_of(&d).expect("checked").borrow_mut().pop_last();
    match r {
        Some((k, v)) => Ok(vm::new_tuple(vec![k, v])),
        None => Err(vm.new_error("KeyError", "popitem(): dictionary is empty".to_string())),
    }
}

pub(super) fn dict_update_m(vm: &mut Vm, args: &[Value], kw: &KwArgs) -> PyResult<Value> {
    let d = self_dict(vm, &args[0])?;
    if let Some(src) = args.get(1) {
        vm.dict_update(&d, src, true)?;
    }
    for (k, v) in kw {
        vm.setitem(&d, k.clone(), v.clone())?;
    }
    Ok(Value::NONE)
}

pub(super) fn dict_clear(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let d = self_dict(vm, &args[0])?;
    let old = std::mem::take(&mut *vm::dict_of(&d).expect("checked").borrow_mut());
    drop(old);
    Ok(Value::NONE)
}

pub(super) fn dict_copy(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let d = self_dict(vm, &args[0])?;
    let c = vm::dict_of(&d).expect("checked").borrow().clone();
    Ok(vm::new_dict(c))
}

pub(super) fn dict_fromkeys(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.check_arity("fromkeys", &args[1..], 1, 2)?;
    let cls = args[0].clone();
    let d = vm.call(&cls, &[], &[])?;
    let v = args.get(2).cloned().unwrap_or(Value::NONE);
    for k in vm.collect(&args[1])? {
        vm.setitem(&d, k, v.clone())?;
    }
    Ok(d)
}

pub(super) fn dict_or(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let (a, b) = (base_value(&args[0]), base_value(&args[1]));
    if vm::dict_of(&b).is_none() {
        return Ok(vm::not_implemented());
    }
    vm.binary_op(BinOp::Or, &a, &b)
}

pub(super) fn dict_ior(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let d = self_dict(vm, &args[0])?;
    vm.dict_update(&d, &args[1], true)?;
    Ok(args[0].clone())
}

pub(super) fn dict_reversed(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let d = self_dict(vm, &args[0])?;
    let mut keys = vm::dict_of(&d).expect("checked").borrow().keys();
    keys.reverse();
    Ok(vm::new_iter(Iter::Seq { seq: vm::new_list(keys), idx: 0 }))
}

impl Vm {
    /// A dict view object (keys/values/items) over a snapshot of the dict.
    pub fn new_dict_view(&mut self, ty: &Value, dict: Value, items: Vec<Value>) -> PyResult<Value> {
        let inst = self.wrap_subclass(ty, vm::new_list(items), &Value::NULL)?;
        if let Some(Obj { kind: ObjKind::Instance(i) }) = inst.as_obj() {
            if let Some(d) = vm::dict_of(&i.dict) {
                let k = self.intern("_mapping");
                vm::dict_set_str(&mut d.borrow_mut(), k, dict);
            }
        }
        Ok(inst)
    }

    /// Entry index of `key` in dict `d` (hash `h`): identity/str/number/tuple keys compare
    /// without the VM; other keys fall back to Python `__eq__` outside the dict borrow.
    pub fn dict_find_index(&mut self, d: &Value, key: &Value, h: i64) -> PyResult<Option<usize>> {
        let Some(dd) = vm::dict_of(d) else { return Ok(None) };
        let mut needs_vm = false;
        let r = {
            let mut eq = |a: &Value, b: &Value| -> Result<bool, ()> {
                Ok(match crate::dict::key_eq_fast(a, b) {
                    Some(r) => r,
                    None => {
                        needs_vm = true;
                        false
                    }
                })
            };
            dd.borrow().lookup_index(key, h, &mut eq).unwrap_or(None)
        };
        if r.is_some() || !needs_vm {
            return Ok(r);
        }
        for i in dd.borrow().indices_with_hash(h) {
            let k = match dd.borrow().entry_at(i) {
                Some(e) => e.key.clone(),
                None => continue,
            };
            if self.eq(&k, key)? {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    pub fn dict_lookup(&mut self, d: &Value, key: &Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        let Some(i) = self.dict_find_index(d, key, h)? else { return Ok(None) };
        Ok(vm::dict_of(d).and_then(|dd| dd.borrow().value_at(i).cloned()))
    }

    /// `d[key] = v` for a dict object.
    pub fn dict_set(&mut self, d: &Value, key: Value, v: Value) -> PyResult<()> {
        let h = self.hash(&key)?;
        let found = self.dict_find_index(d, &key, h)?;
        let Some(dd) = vm::dict_of(d) else { return Ok(()) };
        match found {
            Some(i) => {
                let old = dd.borrow_mut().value_at_mut(i).map(|slot| std::mem::replace(slot, v));
                drop(old);
            }
            None => {
                let mut ident = |a: &Value, b: &Value| -> Result<bool, ()> { Ok(a.is(b)) };
                let _ = dd.borrow_mut().insert(key, h, v, &mut ident);
            }
        }
        Ok(())
    }

    /// `del d[key]`; false when absent.
    pub fn dict_del(&mut self, d: &Value, key: &Value) -> PyResult<bool> {
        let h = self.hash(key)?;
        let Some(i) = self.dict_find_index(d, key, h)? else { return Ok(false) };
        let removed = vm::dict_of(d).and_then(|dd| dd.borrow_mut().remove_index(i));
        Ok(removed.is_some())
    }

    pub fn dict_contains(&mut self, d: &Value, key: &Value) -> PyResult<bool> {
        Ok(self.dict_lookup(d, key)?.is_some())
    }

    pub fn dict_eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        let (Some(x), Some(y)) = (vm::dict_of(a), vm::dict_of(b)) else { return Ok(false) };
        if x.borrow().len() != y.borrow().len() {
            return Ok(false);
        }
        let items = x.borrow().items();
        for (k, v) in items {
            match self.dict_lookup(b, &k)? {
                Some(w) => {
                    if !self.eq(&v, &w)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    pub fn new_dict_from_pairs(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let d = vm::new_dict(Dict::with_capacity(items.len() / 2));
        let mut it = items.into_iter();
        while let (Some(k), Some(v)) = (it.next(), it.next()) {
            self.setitem(&d, k, v)?;
        }
        Ok(d)
    }

    /// `d.update(src)`: a mapping (keys()/[]) or an iterable of pairs.
    pub fn dict_update(&mut self, d: &Value, src: &Value, allow_pairs: bool) -> PyResult<()> {
        let srcb = base_value(src);
        if let Some(sd) = vm::dict_of(&srcb) {
            let items = sd.borrow().items();
            for (k, v) in items {
                self.setitem(d, k, v)?;
            }
            return Ok(());
        }
        let keys_name = self.names.keys.clone();
        if let Some(keys) = self.getattr_opt(src, &keys_name)? {
            let ks = self.call(&keys, &[], &[])?;
            for k in self.collect(&ks)? {
                let v = self.getitem(src, &k)?;
                self.setitem(d, k, v)?;
            }
            return Ok(());
        }
        if !allow_pairs {
            let tn = self.type_name(src);
            return Err(self.type_error(format!("'{tn}' object is not a mapping")));
        }
        let it = self.get_iter(src)?;
        let mut i = 0;
        while let Some(pair) = self.iter_next(&it)? {
            let kv = match self.collect(&pair) {
                Ok(kv) => kv,
                Err(_) => {
                    
                    return Err(self.type_error(format!("cannot convert dictionary update sequence element #{i} to a sequence")));
                }
            };
            if kv.len() != 2 {
                return Err(self.value_error(format!("dictionary update sequence element #{i} has length {}; 2 is required", kv.len())));
            }
            let mut kv = kv.into_iter();
            let (k, v) = (kv.next().expect("len 2"), kv.next().expect("len 2"));
            self.setitem(d, k, v)?;
            i += 1;
        }
        Ok(())
    }

    /// `f(**m)` merging: duplicate keyword names are a TypeError.
    pub fn dict_merge_kwargs(&mut self, d: &Value, m: &Value, func: &Value) -> PyResult<()> {
        let items: Vec<(Value, Value)> = match vm::dict_of(&base_value(m)) {
            Some(sd) => sd.borrow().items(),
            None => {
                let keys_name = self.names.keys.clone();
                match self.getattr_opt(m, &keys_name)? {
                    Some(keys) => {
                        let ks = self.call(&keys, &[], &[])?;
                        let mut out = Vec::new();
                        for k in self.collect(&ks)? {
                            let v = self.getitem(m, &k)?;
                            out.push((k, v));
                        }
                        out
                    }
                    None => {
                        let tn = self.type_name(m);
                        let fname = self.func_display_name(func);
                        return Err(self.type_error(format!("{fname} argument after ** must be a mapping, not {tn}")));
                    }
                }
            }
        };
        for (k, v) in items {
            if vm::str_of(&k).is_none() {
                return Err(self.type_error("keywords must be strings".to_string()));
            }
            if self.dict_contains(d, &k)? {
                let fname = self.func_display_name(func);
                let ks = vm::str_of(&k).unwrap_or("").to_string();
                return Err(self.type_error(format!("{fname} got multiple values for keyword argument '{ks}'")));
            }
            self.setitem(d, k, v)?;
        }
        Ok(())
    }

    /// CPython's `_PyObject_FunctionStr`: `module.qualname()`, without the module for builtins.
    pub fn func_display_name(&mut self, f: &Value) -> String {
        let with_module = |module: Option<&str>, qual: &str| -> String {
            match module {
                Some(m) if m != "builtins" => format!("{m}.{qual}()"),
                _ => format!("{qual}()"),
            }
        };
        match f.as_obj().map(|o| &o.kind) {
            Some(ObjKind::Function(fun)) => {
                let q = vm::str_of(&fun.qualname.borrow()).unwrap_or("?").to_string();
                with_module(vm::str_of(&fun.module), &q)
            }
            Some(ObjKind::Builtin(b)) => match type_obj(&b.owner) {
                Some(t) => format!("{}.{}()", t.name.borrow(), b.name),
                None => format!("{}()", b.name),
            },
            Some(ObjKind::Type(t)) => {
                let q = t.qualname.borrow().clone();
                let m = t.module.borrow().clone();
                with_module(vm::str_of(&m), &q)
            }
            Some(ObjKind::BoundMethod(_, func)) => {
                let func = func.clone();
                self.func_display_name(&func)
            }
            _ => {
                let tn = self.type_name(f);
                format!("{tn} object")
            }
        }
    }

    pub fn list_extend(&mut self, l: &Value, it: &Value) -> PyResult<()> {
        let items = if l.is(it) { list_of(l).map(|c| c.borrow().clone()).unwrap_or_default() } else { self.collect(it)? };
        if let Some(c) = list_of(l) {
            c.borrow_mut().extend(items);
        }
        Ok(())
    }
}


pub(super) fn mp_inner(v: &Value) -> Value {
    match v.as_obj() {
        Some(Obj { kind: ObjKind::MappingProxy(d) }) => d.clone(),
        _ => Value::NONE,
    }
}
pub(super) fn mp_getitem(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.getitem(&mp_inner(&args[0]), &args[1])
}
pub(super) fn mp_keys(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    dict_keys(vm, &[mp_inner(&args[0])], &[])
}
pub(super) fn mp_values(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    dict_values(vm, &[mp_inner(&args[0])], &[])
}
pub(super) fn mp_items(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    dict_items(vm, &[mp_inner(&args[0])], &[])
}
pub(super) fn mp_get(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let mut a = vec![mp_inner(&args[0])];
    a.extend_from_slice(&args[1..]);
    dict_get(vm, &a, &[])
}
pub(super) fn mp_contains(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.contains(&mp_inner(&args[0]), &args[1]).map(Value::bool)
}
pub(super) fn mp_iter(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    vm.get_iter(&mp_inner(&args[0]))
}
pub(super) fn mp_len(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let n = vm.len(&mp_inner(&args[0]))?;
    Ok(vm::new_int(n as i64))
}

