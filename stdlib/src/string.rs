//! `_string`: the format-string parsers behind `string.Formatter` (CPython's
//! `Objects/stringlib/unicode_format.h`). Both return iterators over eagerly parsed lists, so a
//! malformed string raises when the iterator is created rather than when it reaches the error.

use rpy_interpreter::object::*;
use rpy_interpreter::value::Value;
use rpy_interpreter::vm::{self, Vm};
use rpy_interpreter::PyResult;

fn str_arg(vm: &mut Vm, args: &[Value], fname: &str) -> PyResult<Vec<char>> {
    vm.check_arity(fname, args, 1, 1)?;
    match vm::str_of(&rpy_interpreter::vm::ops::base_value(&args[0])) {
        Some(s) => Ok(s.chars().collect()),
        None => {
            let tn = vm.type_name(&args[0]);
            Err(vm.type_error(format!("{fname}() argument must be str, not {tn}")))
        }
    }
}

fn s(c: &[char]) -> Value {
    vm::new_string(c.iter().collect())
}

/// `formatter_parser(str)`: (literal, field_name, format_spec, conversion) tuples.
fn formatter_parser(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let c = str_arg(vm, args, "formatter_parser")?;
    let mut out = Vec::new();
    let mut pos = 0;
    let n = c.len();
    while pos < n {
        let start = pos;
        let mut ch = '\0';
        let mut markup = false;
        while pos < n {
            ch = c[pos];
            pos += 1;
            if ch == '{' || ch == '}' {
                markup = true;
                break;
            }
        }
        let at_end = pos >= n;
        let mut len = pos - start;
        if ch == '}' && markup && (at_end || c[pos] != '}') {
            return Err(vm.value_error("Single '}' encountered in format string".to_string()));
        }
        if at_end && ch == '{' && markup {
            return Err(vm.value_error("Single '{' encountered in format string".to_string()));
        }
        if !at_end && markup {
            if c[pos] == ch {
                pos += 1;
                markup = false;
            } else {
                len -= 1;
            }
        }
        let literal = s(&c[start..start + len]);
        if !markup {
            out.push(vm::new_tuple(vec![literal, Value::NONE, Value::NONE, Value::NONE]));
            continue;
        }
        // The field: up to the matching '}', counting nested braces.
        let fstart = pos;
        let mut count = 1;
        while pos < n {
            let d = c[pos];
            pos += 1;
            if d == '{' {
                count += 1;
            } else if d == '}' {
                count -= 1;
                if count == 0 {
                    break;
                }
            }
        }
        if count > 0 {
            return Err(vm.value_error("expected '}' before end of string".to_string()));
        }
        let field = &c[fstart..pos - 1];
        // field_name[!conversion][:format_spec]; brackets protect ':' and '!'.
        let mut i = 0;
        let mut bracket = false;
        while i < field.len() {
            let d = field[i];
            if d == '[' {
                bracket = true;
            } else if d == ']' {
                bracket = false;
            } else if !bracket && (d == ':' || d == '!') {
                break;
            }
            i += 1;
        }
        let name = s(&field[..i]);
        let mut conv = Value::NONE;
        let mut spec = vm::new_str("");
        if i < field.len() {
            if field[i] == '!' {
                if i + 1 >= field.len() {
                    return Err(vm.value_error("end of string while looking for conversion specifier".to_string()));
                }
                conv = s(&field[i + 1..i + 2]);
                i += 2;
                if i < field.len() {
                    if field[i] != ':' {
                        return Err(vm.value_error("expected ':' after conversion specifier".to_string()));
                    }
                    spec = s(&field[i + 1..]);
                }
            } else {
                spec = s(&field[i + 1..]);
            }
        }
        out.push(vm::new_tuple(vec![literal, name, spec, conv]));
    }
    vm.get_iter(&vm::new_list(out))
}

fn key_value(part: &[char]) -> Value {
    if !part.is_empty() && part.iter().all(|c| c.is_ascii_digit()) {
        let t: String = part.iter().collect();
        if let Ok(n) = t.parse::<i64>() {
            return vm::new_int(n);
        }
        return vm::int_from_decimal_str(&t);
    }
    s(part)
}

/// `formatter_field_name_split(name)`: (first, iterator of (is_attribute, key)).
fn formatter_field_name_split(vm: &mut Vm, args: &[Value], _kw: &KwArgs) -> PyResult<Value> {
    let c = str_arg(vm, args, "formatter_field_name_split")?;
    let mut i = 0;
    while i < c.len() && c[i] != '.' && c[i] != '[' {
        i += 1;
    }
    let first = key_value(&c[..i]);
    let mut rest = Vec::new();
    while i < c.len() {
        let d = c[i];
        i += 1;
        if d == '.' {
            let st = i;
            while i < c.len() && c[i] != '.' && c[i] != '[' {
                i += 1;
            }
            if i == st {
                return Err(vm.value_error("Empty attribute in format string".to_string()));
            }
            rest.push(vm::new_tuple(vec![Value::TRUE, s(&c[st..i])]));
        } else if d == '[' {
            let st = i;
            while i < c.len() && c[i] != ']' {
                i += 1;
            }
            if i >= c.len() {
                return Err(vm.value_error("Missing ']' in format string".to_string()));
            }
            if i == st {
                return Err(vm.value_error("Empty attribute in format string".to_string()));
            }
            rest.push(vm::new_tuple(vec![Value::FALSE, key_value(&c[st..i])]));
            i += 1;
            if i < c.len() && c[i] != '.' && c[i] != '[' {
                return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier".to_string()));
            }
        } else {
            return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier".to_string()));
        }
    }
    let it = vm.get_iter(&vm::new_list(rest))?;
    Ok(vm::new_tuple(vec![first, it]))
}

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let module = vm.new_module("_string");
    vm.module_add_fn(&module, "formatter_parser", formatter_parser);
    vm.module_add_fn(&module, "formatter_field_name_split", formatter_field_name_split);
    Ok(module)
}
