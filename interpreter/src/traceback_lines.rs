//! Source lines in tracebacks: the indented line, and CPython 3.11's caret line (`^^^^`, or
//! `~~~^~~~` anchors for binary operators and subscripts), plus SyntaxError display.

use crate::bytecode::code::Span;
use crate::vm::Vm;
use crate::value::Value;
use rustpython_parser::ast;
use std::collections::HashMap;

thread_local! {
    static SOURCES: std::cell::RefCell<HashMap<String, Option<Vec<String>>>> = std::cell::RefCell::new(HashMap::new());
}

/// The text of line `line` of a source file, read once per file. Pseudo-files such as
/// `<string>` and `<stdin>` have none, as in CPython.
pub fn source_line(filename: &str, line: u32) -> Option<String> {
    SOURCES.with(|s| {
        let mut s = s.borrow_mut();
        let entry = s.entry(filename.to_string()).or_insert_with(|| {
            if filename.starts_with('<') {
                return None;
            }
            std::fs::read(filename).ok().map(|b| String::from_utf8_lossy(&b).lines().map(|l| l.to_string()).collect())
        });
        entry.as_ref().and_then(|lines| lines.get(line.checked_sub(1)? as usize).cloned())
    })
}

fn byte_to_char(s: &str, b: usize) -> usize {
    let b = b.min(s.len());
    let mut b2 = b;
    while !s.is_char_boundary(b2) {
        b2 -= 1;
    }
    s[..b2].chars().count()
}

pub fn append_source_line(_vm: &mut Vm, filename: &str, span: Span, out: &mut String) {
    let Some(line) = source_line(filename, span.line) else { return };
    let stripped = line.trim_start_matches([' ', '\t', '\x0c']);
    if stripped.trim_end().is_empty() {
        return;
    }
    let stripped_chars = line.chars().count() - stripped.chars().count();
    // CPython keeps trailing whitespace (only the newline is dropped).
    let stripped_line = stripped;
    out.push_str("    ");
    out.push_str(stripped_line);
    out.push('\n');
    if span.end_col == 0 && span.col == 0 && span.end_line == span.line {
        return;
    }
    let start = byte_to_char(&line, span.col as usize);
    let mut end = if span.end_line == span.line { byte_to_char(&line, span.end_col as usize) } else { stripped_chars + stripped_line.chars().count() };
    if end <= start {
        end = start + 1;
    }
    let mut anchors = None;
    if span.end_line == span.line {
        let seg_start = span.col as usize;
        let seg_end = (span.end_col as usize).min(line.len());
        if seg_start < seg_end && line.is_char_boundary(seg_start) && line.is_char_boundary(seg_end) {
            anchors = caret_anchors(&line[seg_start..seg_end]);
        }
    }
    let full = stripped_line.chars().count();
    let show = end - start < full || anchors.map(|(l, r)| r > l).unwrap_or(false);
    if !show {
        return;
    }
    out.push_str("    ");
    out.push_str(&" ".repeat(start.saturating_sub(stripped_chars)));
    match anchors {
        Some((l, r)) => {
            let width = end - start;
            out.push_str(&"~".repeat(l.min(width)));
            out.push_str(&"^".repeat(r.saturating_sub(l).min(width.saturating_sub(l))));
            out.push_str(&"~".repeat(width.saturating_sub(r)));
        }
        None => out.push_str(&"^".repeat(end - start)),
    }
    out.push('\n');
}

/// Anchor columns (chars) within a segment that parses as a binary operation or subscript.
fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    let expr = rustpython_parser::parse(segment, rustpython_parser::Mode::Expression, "<segment>").ok()?;
    let ast::Mod::Expression(e) = expr else { return None };
    let norm = |b: u32| byte_to_char(segment, b as usize);
    match e.body.as_ref() {
        ast::Expr::BinOp(b) => {
            use rustpython_parser::ast::Ranged;
            let left_end: u32 = b.left.range().end().into();
            let right_start: u32 = b.right.range().start().into();
            let op_str = &segment[left_end as usize..right_start as usize];
            // Skip whitespace and closing parens to reach the operator.
            let offset = op_str.find(|c: char| !c.is_whitespace() && c != ')').unwrap_or(0);
            let left = left_end as usize + offset;
            let mut right = left + 1;
            let rest: Vec<char> = op_str[offset..].chars().collect();
            if rest.len() > 1 && !rest[1].is_whitespace() {
                right += 1;
            }
            Some((norm(left as u32), norm(right as u32)))
        }
        ast::Expr::Subscript(s) => {
            use rustpython_parser::ast::Ranged;
            // As CPython 3.11.7: move the anchors onto the brackets.
            let b = segment.as_bytes();
            let mut left: usize = u32::from(s.value.range().end()) as usize;
            let mut right: usize = u32::from(s.slice.range().end()) as usize + 1;
            while left < b.len() && b[left] != b'[' {
                left += 1;
            }
            while right < b.len() && b[right] != b']' {
                right += 1;
            }
            if right < b.len() {
                right += 1;
            }
            Some((norm(left as u32), norm(right as u32)))
        }
        _ => None,
    }
}

/// The body of a SyntaxError report: location, line, caret, message.
pub fn append_syntax_error(vm: &mut Vm, exc: &Value, name: &str, out: &mut String) {
    let get = |vm: &mut Vm, n: &str| -> Value {
        let k = vm.intern(n);
        vm.getattr(exc, &k).unwrap_or(Value::NONE)
    };
    let filename = get(vm, "filename");
    let lineno = get(vm, "lineno");
    let offset = get(vm, "offset");
    let end_offset = get(vm, "end_offset");
    let text = get(vm, "text");
    let msg = get(vm, "msg");
    let msg_s = match crate::vm::str_of(&msg) {
        Some(s) => s.to_string(),
        None => vm.to_str(exc).unwrap_or_default(),
    };
    let filename_s = if filename.is_none() { Some("<string>") } else { crate::vm::str_of(&filename) };
    if let (Some(f), Some(l)) = (filename_s, lineno.as_small_int()) {
        out.push_str(&format!("  File \"{f}\", line {l}\n"));
    }
    if let Some(t) = crate::vm::str_of(&text) {
        // CPython's print_exception_file_and_line + print_error_text (3.11), on characters.
        let line_size = t.len() as i64;
        let mut offset = offset.as_small_int().unwrap_or(-1);
        let mut end_offset = end_offset.as_small_int().unwrap_or(-1);
        let end_lineno = get(vm, "end_lineno").as_small_int();
        if let (Some(el), Some(l)) = (end_lineno, lineno.as_small_int()) {
            if el > l {
                end_offset = line_size;
            }
        }
        if end_offset > line_size + 1 {
            end_offset = line_size + 1;
        }
        let caret_repetitions = if end_offset > 0 && end_offset > offset { (end_offset - offset) as usize } else { 1 };
        let chars: Vec<char> = t.chars().collect();
        let mut text: &[char] = &chars;
        offset -= 1;
        while let Some(&c) = text.first() {
            if c == ' ' || c == '\t' || c == '\x0c' {
                text = &text[1..];
                offset -= 1;
            } else {
                break;
            }
        }
        let mut len = text.len() as i64;
        if len > 0 && text[len as usize - 1] == '\n' {
            len -= 1;
        }
        if offset > len {
            offset = len;
        }
        loop {
            let Some(inl) = text.iter().position(|&c| c == '\n') else { break };
            if inl as i64 >= offset {
                break;
            }
            let inl = inl + 1;
            text = &text[inl..];
            len -= inl as i64;
            offset -= inl as i64;
        }
        out.push_str("    ");
        let printed: String = text.iter().collect();
        out.push_str(&printed);
        if text.get(len.max(0) as usize) != Some(&'\n') {
            out.push('\n');
        }
        if offset >= 0 {
            out.push_str("    ");
            out.push_str(&" ".repeat(offset as usize));
            out.push_str(&"^".repeat(caret_repetitions));
            out.push('\n');
        }
    }
    out.push_str(&format!("{name}: {msg_s}\n"));
}
