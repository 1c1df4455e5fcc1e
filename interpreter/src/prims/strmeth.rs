//! Python 3.11 `str` methods as pure functions on Rust strings.
//!
//! All indices and lengths are in *code points* (Python semantics), never in
//! UTF-8 bytes.  Character properties and case mappings come from the tables
//! in `super::unidata`, which are generated from CPython 3.11 itself
//! (Unicode 14.0.0), so `isalpha`, `isspace`, `isprintable`, `lower`,
//! `upper`, `title`, `casefold`, ... agree with CPython for every code point.
//!
//! Known, unavoidable deviation: Rust strings cannot hold lone surrogates
//! (U+D800..U+DFFF), so such Python strings are not representable here.
//!
//! Start/end arguments are `Option<i64>` (`None` = Python's `None`/omitted)
//! and are clamped exactly like CPython's `ADJUST_INDICES`.  The caller is
//! expected to have clamped huge Python ints into the `i64` range (as
//! CPython's `_PyEval_SliceIndex` does).

use super::unidata as ud;

/// A Python `ValueError` raised by a str method; the field is the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueError(pub &'static str);

// ---------------------------------------------------------------------------
// Character database access
// ---------------------------------------------------------------------------

/// Property flags of `c` (bitset of the `unidata` constants).
fn props(c: char) -> u16 {
    let cp = c as u32;
    // PROPS[0].0 == 0, so partition_point is always >= 1.
    let idx = ud::PROPS.partition_point(|&(start, _)| start <= cp);
    ud::PROPS[idx - 1].1
}

fn has(c: char, flag: u16) -> bool {
    props(c) & flag != 0
}

/// CPython `Py_UNICODE_ISSPACE`.
pub fn char_isspace(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\t'..='\r' | '\x1c'..='\x1f' | ' ');
    }
    has(c, ud::SPACE)
}
/// CPython `Py_UNICODE_ISALPHA` (general categories Lu, Ll, Lt, Lm, Lo).
pub fn char_isalpha(c: char) -> bool {
    has(c, ud::ALPHA)
}
/// CPython `Py_UNICODE_ISDECIMAL`.
pub fn char_isdecimal(c: char) -> bool {
    has(c, ud::DECIMAL)
}
/// CPython `Py_UNICODE_ISDIGIT`.
pub fn char_isdigit(c: char) -> bool {
    has(c, ud::DIGIT)
}
/// CPython `Py_UNICODE_ISNUMERIC`.
pub fn char_isnumeric(c: char) -> bool {
    has(c, ud::NUMERIC)
}
/// CPython `Py_UNICODE_ISALNUM`.
pub fn char_isalnum(c: char) -> bool {
    has(c, ud::ALPHA | ud::DECIMAL | ud::DIGIT | ud::NUMERIC)
}
/// CPython `Py_UNICODE_ISLOWER` (derived property Lowercase).
pub fn char_islower(c: char) -> bool {
    has(c, ud::LOWER)
}
/// CPython `Py_UNICODE_ISUPPER` (derived property Uppercase).
pub fn char_isupper(c: char) -> bool {
    has(c, ud::UPPER)
}
/// CPython `Py_UNICODE_ISTITLE` (general category Lt).
pub fn char_istitle(c: char) -> bool {
    has(c, ud::TITLE)
}
/// CPython `_PyUnicode_IsCased`.
pub fn char_iscased(c: char) -> bool {
    has(c, ud::CASED)
}
/// CPython `_PyUnicode_IsCaseIgnorable`.
pub fn char_iscaseignorable(c: char) -> bool {
    has(c, ud::CASE_IGNORABLE)
}
/// CPython `Py_UNICODE_ISPRINTABLE`.
pub fn char_isprintable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    has(c, ud::PRINTABLE)
}
/// CPython `_PyUnicode_IsXidStart`.
pub fn char_isxidstart(c: char) -> bool {
    has(c, ud::XID_START)
}
/// CPython `_PyUnicode_IsXidContinue`.
pub fn char_isxidcontinue(c: char) -> bool {
    has(c, ud::XID_CONTINUE)
}
/// CPython `Py_UNICODE_ISLINEBREAK` (\n \v \f \r \x1c \x1d \x1e \x85 U+2028 U+2029).
pub fn char_islinebreak(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\n' | '\x0b' | '\x0c' | '\r' | '\x1c' | '\x1d' | '\x1e');
    }
    has(c, ud::LINEBREAK)
}

enum Mapped {
    One(char),
    Many(&'static str),
}

fn lookup(runs: &[(u32, u16, u8, i32)], multi: &[(u32, &'static str)], c: char) -> Option<Mapped> {
    let cp = c as u32;
    if let Ok(i) = multi.binary_search_by_key(&cp, |&(k, _)| k) {
        return Some(Mapped::Many(multi[i].1));
    }
    let idx = runs.partition_point(|&(start, _, _, _)| start <= cp);
    if idx == 0 {
        return None;
    }
    let (start, count, stride, delta) = runs[idx - 1];
    let off = cp - start;
    let stride = u32::from(stride);
    if off.is_multiple_of(stride) && off / stride < u32::from(count) {
        // Generated tables only map to valid scalar values.
        let target = (cp as i64 + i64::from(delta)) as u32;
        return char::from_u32(target).map(Mapped::One);
    }
    None
}

fn push_mapped(out: &mut String, c: char, m: Option<Mapped>) {
    match m {
        None => out.push(c),
        Some(Mapped::One(ch)) => out.push(ch),
        Some(Mapped::Many(s)) => out.push_str(s),
    }
}

/// Full lowercase mapping of one character (`_PyUnicode_ToLowerFull`),
/// without the Final_Sigma context rule.
pub fn push_lower_full(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    push_mapped(out, c, lookup(ud::LOWER_RUNS, ud::LOWER_MULTI, c));
}
/// Full uppercase mapping of one character (`_PyUnicode_ToUpperFull`).
pub fn push_upper_full(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
        return;
    }
    push_mapped(out, c, lookup(ud::UPPER_RUNS, ud::UPPER_MULTI, c));
}
/// Full titlecase mapping of one character (`_PyUnicode_ToTitleFull`).
pub fn push_title_full(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
        return;
    }
    match lookup(ud::TITLE_RUNS, ud::TITLE_MULTI, c) {
        Some(m) => push_mapped(out, c, Some(m)),
        None => push_upper_full(out, c),
    }
}
/// Full case folding of one character (`_PyUnicode_ToFoldedFull`).
pub fn push_fold_full(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match lookup(ud::FOLD_RUNS, ud::FOLD_MULTI, c) {
        Some(m) => push_mapped(out, c, Some(m)),
        None => push_lower_full(out, c),
    }
}

/// CPython's `handle_capital_sigma`: lowercase of U+03A3 at index `i`.
fn capital_sigma(chars: &[char], i: usize) -> char {
    let mut j = i;
    let mut before = None;
    while j > 0 {
        j -= 1;
        if !char_iscaseignorable(chars[j]) {
            before = Some(chars[j]);
            break;
        }
    }
    let mut final_sigma = before.is_some_and(char_iscased);
    if final_sigma {
        let after = chars[i + 1..]
            .iter()
            .copied()
            .find(|&c| !char_iscaseignorable(c));
        final_sigma = after.is_none_or(|c| !char_iscased(c));
    }
    if final_sigma {
        '\u{3c2}'
    } else {
        '\u{3c3}'
    }
}

/// CPython's `lower_ucs4`: lowercase with the Final_Sigma rule.
fn push_lower_ctx(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c == '\u{3a3}' {
        out.push(capital_sigma(chars, i));
    } else {
        push_lower_full(out, c);
    }
}

// ---------------------------------------------------------------------------
// Index helpers
// ---------------------------------------------------------------------------

/// Length of `s` in code points (`len(s)`).
pub fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Byte offset of code point index `idx` (`idx <= char_len(s)`); returns
/// `s.len()` for indices at or past the end.
pub fn byte_offset(s: &str, idx: usize) -> usize {
    if s.is_ascii() {
        return idx.min(s.len());
    }
    s.char_indices().nth(idx).map_or(s.len(), |(b, _)| b)
}

/// CPython's `ADJUST_INDICES(start, end, len)`.
pub fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut start = start.unwrap_or(0);
    let mut end = end.unwrap_or(i64::MAX);
    if end > len {
        end = len;
    } else if end < 0 {
        end += len;
        if end < 0 {
            end = 0;
        }
    }
    if start < 0 {
        start += len;
        if start < 0 {
            start = 0;
        }
    }
    (start, end)
}

/// The code-point slice `s[start:end]` (assumes 0 <= start <= end <= len).
fn cp_slice(s: &str, start: i64, end: i64) -> &str {
    if s.is_ascii() {
        return &s[start as usize..end as usize];
    }
    let b0 = byte_offset(s, start as usize);
    let rest = &s[b0..];
    let b1 = byte_offset(rest, (end - start) as usize);
    &rest[..b1]
}

// ---------------------------------------------------------------------------
// Searching
// ---------------------------------------------------------------------------

/// Shared implementation of find/rfind: returns a code-point index or -1.
fn find_impl(s: &str, sub: &str, start: Option<i64>, end: Option<i64>, reverse: bool) -> i64 {
    let (start, end) = adjust_indices(start, end, char_len(s));
    let sub_len = char_len(sub) as i64;
    if end - start < sub_len {
        return -1;
    }
    let hay = cp_slice(s, start, end);
    if sub.is_empty() {
        return if reverse { end } else { start };
    }
    let pos = if reverse {
        hay.rfind(sub)
    } else {
        hay.find(sub)
    };
    match pos {
        Some(b) => start + char_len(&hay[..b]) as i64,
        None => -1,
    }
}

/// `s.find(sub, start, end)`.
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    find_impl(s, sub, start, end, false)
}

/// `s.rfind(sub, start, end)`.
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    find_impl(s, sub, start, end, true)
}

/// `s.index(sub, start, end)`; ValueError "substring not found".
pub fn index(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> Result<i64, ValueError> {
    match find(s, sub, start, end) {
        -1 => Err(ValueError("substring not found")),
        i => Ok(i),
    }
}

/// `s.rindex(sub, start, end)`; ValueError "substring not found".
pub fn rindex(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> Result<i64, ValueError> {
    match rfind(s, sub, start, end) {
        -1 => Err(ValueError("substring not found")),
        i => Ok(i),
    }
}

/// `s.count(sub, start, end)` (non-overlapping occurrences).
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let (start, end) = adjust_indices(start, end, char_len(s));
    let sub_len = char_len(sub) as i64;
    if end - start < sub_len {
        return 0;
    }
    if sub.is_empty() {
        return end - start + 1;
    }
    cp_slice(s, start, end).matches(sub).count() as i64
}

/// CPython's `tailmatch`: shared by startswith/endswith.
fn tailmatch(s: &str, sub: &str, start: Option<i64>, end: Option<i64>, at_end: bool) -> bool {
    let (start, mut end) = adjust_indices(start, end, char_len(s));
    let sub_len = char_len(sub) as i64;
    end -= sub_len;
    if end < start {
        return false;
    }
    if sub.is_empty() {
        return true;
    }
    let at = if at_end { end } else { start };
    cp_slice(s, at, at + sub_len) == sub
}

/// `s.startswith(prefix, start, end)` for one prefix (iterate for tuples).
pub fn startswith(s: &str, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    tailmatch(s, prefix, start, end, false)
}

/// `s.endswith(suffix, start, end)` for one suffix (iterate for tuples).
pub fn endswith(s: &str, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    tailmatch(s, suffix, start, end, true)
}

/// `s.replace(old, new, count)`; a negative `count` means "all".
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> String {
    let maxcount = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    if maxcount == 0 || char_len(s) < char_len(old) {
        return s.to_string();
    }
    if old.is_empty() {
        // Insert `new` before each of the first `maxcount` positions
        // (there are len(s) + 1 positions).
        let n = maxcount.min(char_len(s) + 1);
        let mut out = String::with_capacity(s.len() + n * new.len());
        let mut inserted = 0;
        for (i, c) in s.chars().enumerate() {
            if i < n {
                out.push_str(new);
                inserted += 1;
            }
            out.push(c);
        }
        if inserted < n {
            out.push_str(new);
        }
        return out;
    }
    s.replacen(old, new, maxcount)
}

// ---------------------------------------------------------------------------
// Splitting and partitioning
// ---------------------------------------------------------------------------

fn maxcount(maxsplit: i64) -> usize {
    if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    }
}

/// The one char of `sep`, if it is one: searched for as a char (a byte search for ASCII)
/// instead of as a string, whose searcher costs more to set up than short fields take.
fn one_char(sep: &str) -> Option<char> {
    let mut cs = sep.chars();
    match (cs.next(), cs.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// `s` cut at the separator matches starting at `at` (left to right, not overlapping, each
/// `len` bytes), at most `left` times.
fn cut_left(s: &str, at: impl Iterator<Item = usize>, len: usize, left: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for p in at.take(left) {
        out.push(&s[start..p]);
        start = p + len;
    }
    out.push(&s[start..]);
    out
}

/// `cut_left` from the right: matches right to left, pieces in reverse order.
fn cut_right(s: &str, at: impl Iterator<Item = usize>, len: usize, left: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut end = s.len();
    for p in at.take(left) {
        out.push(&s[p + len..end]);
        end = p;
    }
    out.push(&s[..end]);
    out
}

/// `s.split(sep, maxsplit)`; `sep = None` splits on runs of whitespace.
/// ValueError "empty separator" for `sep == Some("")`.
pub fn split<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> Result<Vec<&'a str>, ValueError> {
    let mut left = maxcount(maxsplit);
    let mut out = Vec::new();
    match sep {
        Some("") => Err(ValueError("empty separator")),
        Some(sep) => Ok(match one_char(sep) {
            Some(c) => cut_left(s, s.match_indices(c).map(|(p, _)| p), sep.len(), left),
            None => cut_left(s, s.match_indices(sep).map(|(p, _)| p), sep.len(), left),
        }),
        None => {
            let mut rest = s;
            while left > 0 {
                rest = rest.trim_start_matches(char_isspace);
                if rest.is_empty() {
                    break;
                }
                let end = rest.find(char_isspace).unwrap_or(rest.len());
                out.push(&rest[..end]);
                rest = &rest[end..];
                left -= 1;
            }
            let tail = rest.trim_start_matches(char_isspace);
            if !tail.is_empty() {
                out.push(tail);
            }
            Ok(out)
        }
    }
}

/// `s.rsplit(sep, maxsplit)`; `sep = None` splits on runs of whitespace.
/// ValueError "empty separator" for `sep == Some("")`.
pub fn rsplit<'a>(
    s: &'a str,
    sep: Option<&str>,
    maxsplit: i64,
) -> Result<Vec<&'a str>, ValueError> {
    let mut left = maxcount(maxsplit);
    let mut out = Vec::new();
    match sep {
        Some("") => return Err(ValueError("empty separator")),
        Some(sep) => {
            out = match one_char(sep) {
                Some(c) => cut_right(s, s.rmatch_indices(c).map(|(p, _)| p), sep.len(), left),
                None => cut_right(s, s.rmatch_indices(sep).map(|(p, _)| p), sep.len(), left),
            };
        }
        None => {
            let mut rest = s;
            while left > 0 {
                rest = rest.trim_end_matches(char_isspace);
                if rest.is_empty() {
                    break;
                }
                let start = rest
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| char_isspace(c))
                    .map_or(0, |(b, c)| b + c.len_utf8());
                out.push(&rest[start..]);
                rest = &rest[..start];
                left -= 1;
            }
            let head = rest.trim_end_matches(char_isspace);
            if !head.is_empty() {
                out.push(head);
            }
        }
    }
    out.reverse();
    Ok(out)
}

/// `s.splitlines(keepends)` with Python's line boundaries
/// (\n \r \r\n \v \f \x1c \x1d \x1e \x85 U+2028 U+2029).
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = s.as_bytes();
    let mut line_start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((b, c)) = iter.next() {
        if !char_islinebreak(c) {
            continue;
        }
        let mut next = b + c.len_utf8();
        if c == '\r' && bytes.get(next) == Some(&b'\n') {
            iter.next();
            next += 1;
        }
        out.push(&s[line_start..if keepends { next } else { b }]);
        line_start = next;
    }
    if line_start < s.len() {
        out.push(&s[line_start..]);
    }
    out
}

/// `s.partition(sep)`; ValueError "empty separator".
pub fn partition<'a>(s: &'a str, sep: &str) -> Result<(&'a str, &'a str, &'a str), ValueError> {
    if sep.is_empty() {
        return Err(ValueError("empty separator"));
    }
    Ok(match s.find(sep) {
        Some(p) => (&s[..p], &s[p..p + sep.len()], &s[p + sep.len()..]),
        None => (s, "", ""),
    })
}

/// `s.rpartition(sep)`; ValueError "empty separator".
pub fn rpartition<'a>(s: &'a str, sep: &str) -> Result<(&'a str, &'a str, &'a str), ValueError> {
    if sep.is_empty() {
        return Err(ValueError("empty separator"));
    }
    Ok(match s.rfind(sep) {
        Some(p) => (&s[..p], &s[p..p + sep.len()], &s[p + sep.len()..]),
        None => ("", "", s),
    })
}

// ---------------------------------------------------------------------------
// Stripping
// ---------------------------------------------------------------------------

/// `s.strip(chars)`; `None` strips Python whitespace.
pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    rstrip(lstrip(s, chars), chars)
}

/// `s.lstrip(chars)`; `None` strips Python whitespace.
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_start_matches(char_isspace),
        Some(set) => s.trim_start_matches(|c: char| set.contains(c)),
    }
}

/// `s.rstrip(chars)`; `None` strips Python whitespace.
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    match chars {
        None => s.trim_end_matches(char_isspace),
        Some(set) => s.trim_end_matches(|c: char| set.contains(c)),
    }
}

// ---------------------------------------------------------------------------
// Padding
// ---------------------------------------------------------------------------

fn pad(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// `s.center(width, fill)` (CPython's left/right split rule).
pub fn center(s: &str, width: i64, fill: char) -> String {
    let len = char_len(s) as i64;
    if len >= width {
        return s.to_string();
    }
    let marg = width - len;
    let left = marg / 2 + (marg & width & 1);
    pad(s, left as usize, (marg - left) as usize, fill)
}

/// `s.ljust(width, fill)`.
pub fn ljust(s: &str, width: i64, fill: char) -> String {
    let len = char_len(s) as i64;
    if len >= width {
        return s.to_string();
    }
    pad(s, 0, (width - len) as usize, fill)
}

/// `s.rjust(width, fill)`.
pub fn rjust(s: &str, width: i64, fill: char) -> String {
    let len = char_len(s) as i64;
    if len >= width {
        return s.to_string();
    }
    pad(s, (width - len) as usize, 0, fill)
}

/// `s.zfill(width)`: pad with '0' after a leading sign.
pub fn zfill(s: &str, width: i64) -> String {
    let len = char_len(s) as i64;
    if len >= width {
        return s.to_string();
    }
    let fill = (width - len) as usize;
    let mut out = String::with_capacity(fill + s.len());
    let body = match s.as_bytes().first() {
        Some(&b) if b == b'+' || b == b'-' => {
            out.push(b as char);
            &s[1..]
        }
        _ => s,
    };
    out.extend(std::iter::repeat_n('0', fill));
    out.push_str(body);
    out
}

/// `s.expandtabs(tabsize)`; a tabsize <= 0 removes tabs.
pub fn expandtabs(s: &str, tabsize: i64) -> String {
    let mut out = String::with_capacity(s.len());
    let mut line_pos: i64 = 0;
    for c in s.chars() {
        if c == '\t' {
            if tabsize > 0 {
                let incr = tabsize - line_pos % tabsize;
                line_pos += incr;
                out.extend(std::iter::repeat_n(' ', incr as usize));
            }
        } else {
            line_pos += 1;
            out.push(c);
            if c == '\n' || c == '\r' {
                line_pos = 0;
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Case conversion
// ---------------------------------------------------------------------------

/// `s.lower()` (full mappings plus the Final_Sigma rule).
pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        push_lower_ctx(&mut out, &chars, i);
    }
    out
}

/// `s.upper()` (full mappings, e.g. 'ß' -> 'SS').
pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_upper_full(&mut out, c);
    }
    out
}

/// `s.casefold()`.
pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_fold_full(&mut out, c);
    }
    out
}

/// `s.swapcase()`.
pub fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if char_isupper(c) {
            push_lower_ctx(&mut out, &chars, i);
        } else if char_islower(c) {
            push_upper_full(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

/// `s.capitalize()` (3.8+: first character titlecased, rest lowercased).
pub fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        if i == 0 {
            push_title_full(&mut out, chars[0]);
        } else {
            push_lower_ctx(&mut out, &chars, i);
        }
    }
    out
}

/// `s.title()`.
pub fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut previous_is_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if previous_is_cased {
            push_lower_ctx(&mut out, &chars, i);
        } else {
            push_title_full(&mut out, c);
        }
        previous_is_cased = char_iscased(c);
    }
    out
}

// ---------------------------------------------------------------------------
// Predicates
// ---------------------------------------------------------------------------

fn all_nonempty(s: &str, f: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

/// `s.isalpha()`.
pub fn isalpha(s: &str) -> bool {
    all_nonempty(s, char_isalpha)
}
/// `s.isdecimal()`.
pub fn isdecimal(s: &str) -> bool {
    all_nonempty(s, char_isdecimal)
}
/// `s.isdigit()`.
pub fn isdigit(s: &str) -> bool {
    all_nonempty(s, char_isdigit)
}
/// `s.isnumeric()`.
pub fn isnumeric(s: &str) -> bool {
    all_nonempty(s, char_isnumeric)
}
/// `s.isalnum()`.
pub fn isalnum(s: &str) -> bool {
    all_nonempty(s, char_isalnum)
}
/// `s.isspace()`.
pub fn isspace(s: &str) -> bool {
    all_nonempty(s, char_isspace)
}
/// `s.isascii()` (true for the empty string).
pub fn isascii(s: &str) -> bool {
    s.is_ascii()
}
/// `s.isprintable()` (true for the empty string).
pub fn isprintable(s: &str) -> bool {
    s.chars().all(char_isprintable)
}

/// `s.islower()`.
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if char_isupper(c) || char_istitle(c) {
            return false;
        }
        if !cased && char_islower(c) {
            cased = true;
        }
    }
    cased
}

/// `s.isupper()`.
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if char_islower(c) || char_istitle(c) {
            return false;
        }
        if !cased && char_isupper(c) {
            cased = true;
        }
    }
    cased
}

/// `s.istitle()`.
pub fn istitle(s: &str) -> bool {
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in s.chars() {
        if char_isupper(c) || char_istitle(c) {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if char_islower(c) {
            if !previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}

/// `s.isidentifier()` (XID_Start or '_' followed by XID_Continue).
pub fn isidentifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if c == '_' || char_isxidstart(c) => it.all(char_isxidcontinue),
        _ => false,
    }
}

// ---------------------------------------------------------------------------
// repr
// ---------------------------------------------------------------------------

const HEX: &[u8; 16] = b"0123456789abcdef";

fn push_hex(out: &mut String, prefix: &str, v: u32, digits: u32) {
    out.push_str(prefix);
    for i in (0..digits).rev() {
        out.push(HEX[((v >> (4 * i)) & 0xf) as usize] as char);
    }
}

fn push_escaped_codepoint(out: &mut String, cp: u32) {
    if cp <= 0xff {
        push_hex(out, "\\x", cp, 2);
    } else if cp <= 0xffff {
        push_hex(out, "\\u", cp, 4);
    } else {
        push_hex(out, "\\U", cp, 8);
    }
}

fn repr_impl(s: &str, ascii_only: bool) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ if c == quote => {
                out.push('\\');
                out.push(c);
            }
            _ if c < ' ' || c == '\x7f' => push_hex(&mut out, "\\x", c as u32, 2),
            _ if c.is_ascii() => out.push(c),
            _ if !ascii_only && char_isprintable(c) => out.push(c),
            _ => push_escaped_codepoint(&mut out, c as u32),
        }
    }
    out.push(quote);
    out
}

/// CPython's `repr(str)`.
pub fn str_repr(s: &str) -> String {
    repr_impl(s, false)
}

/// CPython's `ascii(str)`: like `repr` but every non-ASCII character is
/// escaped as \xNN, \uNNNN or \UNNNNNNNN.
pub fn ascii_repr(s: &str) -> String {
    repr_impl(s, true)
}

/// CPython's `repr(bytes)`, e.g. `b'a\x00\'"'`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            _ if !(b' '..0x7f).contains(&c) => push_hex(&mut out, "\\x", u32::from(c), 2),
            _ => out.push(c as char),
        }
    }
    out.push(quote as char);
    out
}
