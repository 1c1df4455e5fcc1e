//! printf-style `%` formatting (`str.__mod__`), as in CPython 3.11's
//! `PyUnicode_Format` (`Objects/unicodeobject.c`).
//!
//! Building blocks, for an interpreter that owns the argument objects:
//!
//! 1. [`parse_percent_spec`] parses one directive starting just after a
//!    `%`, pulling `%(key)` lookups and `*` width/precision arguments from
//!    the caller through [`PercentArgSource`] in exactly CPython's order.
//! 2. The caller then takes the next argument (`getnextarg`; TypeError
//!    "not enough arguments for format string" when none is left) and
//!    renders it by conversion:
//!    * `d i u o x X`: [`percent_format_int`] (a non-int must first go
//!      through `int()` for `d i u`, or `__index__` for `o x X`; TypeErrors
//!      "%d format: a real number is required, not T" /
//!      "%x format: an integer is required, not T"),
//!    * `e E f F g G`: [`percent_format_float`] (after `float()`; TypeError
//!      "must be real number, not T"),
//!    * `c`: [`percent_char_from_int`] or a 1-char str, then
//!      [`percent_format_char`] (TypeError "%c requires int or char"),
//!    * `s r a`: `str()`/`repr()`/`ascii()` of the value, then
//!      [`percent_format_str`],
//!    * anything else: [`PercentSpec::unsupported_error`] (raised after
//!      the argument is taken, as CPython does).
//! 3. With a mapping argument, after each directive, TypeError "not all
//!    arguments converted during string formatting" if the directive did
//!    not consume its value; without a mapping the same error is raised at
//!    the end if arguments are left over.
//!
//! [`percent_format`] wires all of this together for plain int/float/str
//! values.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::error::FmtError;
use super::float::{double_to_string, float_repr, DtoaFlags};
use super::int::{float_to_int, int_to_f64, int_to_str_radix};

/// The flag characters `-+ #0`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PercentFlags {
    /// `-` (or a negative `*` width): left-justify.
    pub ljust: bool,
    /// `+`: always show a sign.
    pub sign: bool,
    /// ` `: a space before positive numbers.
    pub blank: bool,
    /// `#`: alternate form.
    pub alt: bool,
    /// `0`: zero padding (numeric conversions only).
    pub zero: bool,
}

/// One parsed `%` conversion.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PercentSpec {
    /// The `(key)` of `%(key)s`, already passed to
    /// [`PercentArgSource::select_key`].
    pub key: Option<String>,
    /// Flags.
    pub flags: PercentFlags,
    /// Field width (from digits or a `*` argument).
    pub width: Option<usize>,
    /// Precision (from digits or a `*` argument; a negative `*` is 0).
    pub precision: Option<usize>,
    /// The conversion character (`h`, `l`, `L` length modifiers skipped).
    pub conv: char,
    /// Code-point index of `conv` in the format string (for the
    /// "unsupported format character" message).
    pub conv_index: usize,
}

/// Result of [`parse_percent_spec`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PercentDirective {
    /// `%%`: a literal `%`, consumes no argument.
    Percent,
    /// A conversion that consumes one argument.
    Spec(PercentSpec),
}

/// What the parser needs from the caller's argument list.
pub trait PercentArgSource {
    /// The caller's error type (must carry [`FmtError`]s too).
    type Error: From<FmtError>;
    /// Whether the right operand is a mapping (CPython: a mapping that is
    /// not a tuple or str). Without one, `%(` raises TypeError "format
    /// requires a mapping".
    fn has_mapping(&self) -> bool;
    /// `%(key)`: make `mapping[key]` the current argument (KeyError is the
    /// caller's to raise).
    fn select_key(&mut self, key: &str) -> Result<(), Self::Error>;
    /// `*`: take the next argument, which must be an int (TypeError
    /// "not enough arguments for format string" / "* wants int").
    fn star_arg(&mut self) -> Result<BigInt, Self::Error>;
}

impl PercentSpec {
    /// ValueError "unsupported format character 'c' (0xNN) at index N".
    pub fn unsupported_error(&self) -> FmtError {
        let cp = self.conv as u32;
        let shown = if (31..=126).contains(&cp) { self.conv } else { '?' };
        FmtError::value(format!(
            "unsupported format character '{}' (0x{:x}) at index {}",
            shown, cp, self.conv_index
        ))
    }
}

/// Emulates CPython's `fmtpos`/`fmtcnt` walk over the format string.
struct Cursor<'a> {
    s: &'a str,
    /// Byte offset of the next unread char.
    pos: usize,
    /// Code-point offset of the next unread char, relative to the start.
    cpos: usize,
    /// `arg->ch`: the last char read.
    ch: char,
    /// `fmtcnt < 0`: a read was attempted past the end.
    exhausted: bool,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.s[self.pos..].chars().next()
    }

    /// `if (--fmtcnt >= 0) { ch = READ(fmtpos); fmtpos++; }`
    fn next(&mut self) -> bool {
        if self.exhausted {
            return false;
        }
        match self.peek() {
            Some(c) => {
                self.ch = c;
                self.pos += c.len_utf8();
                self.cpos += 1;
                true
            }
            None => {
                self.exhausted = true;
                false
            }
        }
    }
}

/// Parse one directive of `fmt`; `pos` is the byte offset just after the
/// `%` (a char boundary; `pos == fmt.len()` is allowed and gives
/// "incomplete format"). Returns the directive and the byte offset after it.
///
/// Errors, in CPython's order: TypeError "format requires a mapping";
/// ValueError "incomplete format key"; the caller's `select_key` and
/// `star_arg` errors; OverflowError "Python int too large to convert to C
/// ssize_t" (`*` width) / "Python int too large to convert to C int" (`*`
/// precision); ValueError "width too big", "precision too big",
/// "incomplete format".
pub fn parse_percent_spec<A: PercentArgSource + ?Sized>(
    fmt: &str,
    pos: usize,
    args: &mut A,
) -> Result<(PercentDirective, usize), A::Error> {
    let mut cur = Cursor { s: fmt, pos, cpos: 0, ch: '\0', exhausted: false };
    match cur.peek() {
        Some('%') => return Ok((PercentDirective::Percent, pos + 1)),
        Some(c) => cur.ch = c,
        None => {}
    }
    let mut spec = PercentSpec::default();

    if cur.ch == '(' {
        if !args.has_mapping() {
            return Err(FmtError::type_error("format requires a mapping").into());
        }
        // Consume the '(' itself.
        cur.pos += 1;
        cur.cpos += 1;
        let keystart = cur.pos;
        let mut pcount = 1;
        while pcount > 0 && cur.next() {
            match cur.ch {
                ')' => pcount -= 1,
                '(' => pcount += 1,
                _ => {}
            }
        }
        if cur.exhausted || pcount > 0 {
            return Err(FmtError::value("incomplete format key").into());
        }
        let key = &fmt[keystart..cur.pos - 1];
        args.select_key(key)?;
        spec.key = Some(key.to_string());
    }

    while cur.next() {
        match cur.ch {
            '-' => spec.flags.ljust = true,
            '+' => spec.flags.sign = true,
            ' ' => spec.flags.blank = true,
            '#' => spec.flags.alt = true,
            '0' => spec.flags.zero = true,
            _ => break,
        }
    }

    if cur.ch == '*' {
        let v = args.star_arg()?;
        let w = v
            .to_i64()
            .ok_or_else(|| FmtError::overflow("Python int too large to convert to C ssize_t"))?;
        if w < 0 {
            spec.flags.ljust = true;
        }
        spec.width = Some(w.unsigned_abs() as usize);
        cur.next();
    } else if cur.ch.is_ascii_digit() {
        let mut w = digit(cur.ch);
        while cur.next() {
            if !cur.ch.is_ascii_digit() {
                break;
            }
            let d = digit(cur.ch);
            if w > (isize::MAX as usize - d) / 10 {
                return Err(FmtError::value("width too big").into());
            }
            w = w * 10 + d;
        }
        spec.width = Some(w);
    }

    if cur.ch == '.' {
        let mut p = 0usize;
        cur.next();
        if cur.ch == '*' {
            let v = args.star_arg()?;
            let pv = v
                .to_i32()
                .ok_or_else(|| FmtError::overflow("Python int too large to convert to C int"))?;
            p = pv.max(0) as usize;
            cur.next();
        } else if cur.ch.is_ascii_digit() {
            p = digit(cur.ch);
            while cur.next() {
                if !cur.ch.is_ascii_digit() {
                    break;
                }
                let d = digit(cur.ch);
                if p > (i32::MAX as usize - d) / 10 {
                    return Err(FmtError::value("precision too big").into());
                }
                p = p * 10 + d;
            }
        }
        spec.precision = Some(p);
    }

    if !cur.exhausted && matches!(cur.ch, 'h' | 'l' | 'L') {
        cur.next();
    }
    if cur.exhausted {
        return Err(FmtError::value("incomplete format").into());
    }
    spec.conv = cur.ch;
    // `fmtpos - 1`: the index of the conversion char in the whole string.
    spec.conv_index = fmt[..pos].chars().count() + cur.cpos - 1;
    Ok((PercentDirective::Spec(spec), cur.pos))
}

fn digit(c: char) -> usize {
    (c as u32 - '0' as u32) as usize
}

/// `unicode_format_arg_output`: pad `s` into the field. `numeric` is
/// CPython's `arg->sign` (set for the int and float conversions): it
/// enables sign handling and `0` padding.
fn percent_output(s: &str, spec: &PercentSpec, numeric: bool) -> String {
    let flags = spec.flags;
    let fill = if numeric && flags.zero { '0' } else { ' ' };
    let mut width: isize = spec.width.map_or(-1, |w| w as isize);
    let prec: isize = spec.precision.map_or(-1, |p| p as isize);
    let mut len = s.chars().count() as isize;
    if (width == -1 || width <= len) && (prec == -1 || prec >= len) && !(flags.sign || flags.blank) {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    if matches!(spec.conv, 's' | 'r' | 'a') && prec >= 0 && len > prec {
        len = prec;
    }

    let mut sign = numeric;
    let mut pindex = 0usize;
    let mut signchar = '\0';
    if sign {
        match chars.first() {
            Some(&c) if c == '-' || c == '+' => {
                signchar = c;
                len -= 1;
                pindex += 1;
            }
            _ => {
                if flags.sign {
                    signchar = '+';
                } else if flags.blank {
                    signchar = ' ';
                } else {
                    sign = false;
                }
            }
        }
    }
    if width < len {
        width = len;
    }

    let mut out = String::with_capacity(width.max(0) as usize + 1);
    if sign {
        if fill != ' ' {
            out.push(signchar);
        }
        if width > len {
            width -= 1;
        }
    }
    let alt_prefix = flags.alt && matches!(spec.conv, 'x' | 'X' | 'o');
    if alt_prefix {
        if fill != ' ' {
            out.push('0');
            out.push(spec.conv);
            pindex += 2;
        }
        width = (width - 2).max(0);
        len -= 2;
    }
    if width > len && !flags.ljust {
        for _ in 0..(width - len) {
            out.push(fill);
        }
        width = len;
    }
    if fill == ' ' {
        if sign {
            out.push(signchar);
        }
        if alt_prefix {
            out.push('0');
            out.push(spec.conv);
            pindex += 2;
        }
    }
    if len > 0 {
        out.extend(chars.iter().skip(pindex).take(len as usize));
    }
    for _ in 0..(width - len).max(0) {
        out.push(' ');
    }
    out
}

/// `%d %i %u %o %x %X` of an int (`_PyUnicode_FormatLong` + output).
/// OverflowError "precision too large" only for precisions beyond
/// `INT_MAX - 3`.
pub fn percent_format_int(x: &BigInt, spec: &PercentSpec) -> Result<String, FmtError> {
    if let Some(p) = spec.precision {
        if p > (i32::MAX - 3) as usize {
            return Err(FmtError::overflow("precision too large"));
        }
    }
    let (base, prefix) = match spec.conv {
        'o' => (8, "0o"),
        'x' | 'X' => (16, "0x"),
        _ => (10, ""),
    };
    let digits = int_to_str_radix(x, base);
    let mut s = String::with_capacity(digits.len() + 4);
    if x.is_negative() {
        s.push('-');
    }
    if spec.flags.alt {
        s.push_str(prefix);
    }
    if let Some(p) = spec.precision {
        for _ in digits.len()..p {
            s.push('0');
        }
    }
    s.push_str(&digits);
    if spec.conv == 'X' {
        s = s.to_ascii_uppercase();
    }
    Ok(percent_output(&s, spec, true))
}

/// `%e %E %f %F %g %G` of a float (`formatfloat` + output). Default
/// precision 6; `#` keeps the point and trailing zeros.
pub fn percent_format_float(x: f64, spec: &PercentSpec) -> String {
    let prec = spec.precision.unwrap_or(6);
    let flags = DtoaFlags { alt: spec.flags.alt, ..DtoaFlags::default() };
    let s = double_to_string(x, spec.conv, prec, flags);
    percent_output(&s, spec, true)
}

/// `%c` of an int argument (`formatchar`): OverflowError
/// "%c arg not in range(0x110000)" outside `0..=0x10ffff` (including ints
/// too large for a C long). Returns the code point, which may be a
/// surrogate.
pub fn percent_char_from_int(x: &BigInt) -> Result<u32, FmtError> {
    match x.to_i64() {
        Some(v) if (0..=0x10ffff).contains(&v) => Ok(v as u32),
        _ => Err(FmtError::overflow("%c arg not in range(0x110000)")),
    }
}

/// `%c` output: width and `-` apply, precision and `0` do not.
pub fn percent_format_char(c: char, spec: &PercentSpec) -> String {
    percent_output(c.encode_utf8(&mut [0u8; 4]), spec, false)
}

/// `%s %r %a` output, given the already converted text: precision
/// truncates (in code points), width pads with spaces.
pub fn percent_format_str(s: &str, spec: &PercentSpec) -> String {
    percent_output(s, spec, false)
}

/// A plain value for [`percent_format`].
#[derive(Debug, Clone, PartialEq)]
pub enum PercentValue {
    /// A Python int.
    Int(BigInt),
    /// A Python float.
    Float(f64),
    /// A Python str.
    Str(String),
}

impl PercentValue {
    fn type_name(&self) -> &'static str {
        match self {
            PercentValue::Int(_) => "int",
            PercentValue::Float(_) => "float",
            PercentValue::Str(_) => "str",
        }
    }
}

/// The right operand of `%` for [`percent_format`].
#[derive(Debug, Clone, Copy)]
pub enum PercentArgs<'a> {
    /// `fmt % (a, b, ...)`
    Tuple(&'a [PercentValue]),
    /// `fmt % value` with a single non-tuple, non-mapping value.
    Single(&'a PercentValue),
    /// `fmt % {"key": value, ...}`
    Mapping(&'a [(String, PercentValue)]),
}

/// CPython's `unicode_formatter_t` argument cursor.
struct ArgCursor<'a> {
    args: PercentArgs<'a>,
    /// The current argument list: `None` = the tuple itself.
    current: Option<&'a PercentValue>,
    arglen: isize,
    argidx: isize,
}

impl<'a> ArgCursor<'a> {
    fn next_arg(&mut self) -> Result<&'a PercentValue, FmtError> {
        if self.argidx < self.arglen {
            let idx = self.argidx;
            self.argidx += 1;
            if self.arglen < 0 {
                if let Some(v) = self.current {
                    return Ok(v);
                }
                return Err(FmtError::type_error(
                    "percent_format: a mapping cannot itself be formatted",
                ));
            }
            if let PercentArgs::Tuple(t) = self.args {
                if let Some(v) = t.get(idx as usize) {
                    return Ok(v);
                }
            }
        }
        Err(FmtError::type_error("not enough arguments for format string"))
    }
}

impl PercentArgSource for ArgCursor<'_> {
    type Error = FmtError;

    fn has_mapping(&self) -> bool {
        matches!(self.args, PercentArgs::Mapping(_))
    }

    fn select_key(&mut self, key: &str) -> Result<(), FmtError> {
        if let PercentArgs::Mapping(m) = self.args {
            match m.iter().find(|(k, _)| k == key) {
                Some((_, v)) => {
                    self.current = Some(v);
                    self.arglen = -1;
                    self.argidx = -2;
                    return Ok(());
                }
                None => {
                    return Err(FmtError::type_error(format!(
                        "percent_format: missing key '{}' (KeyError)",
                        key
                    )))
                }
            }
        }
        Err(FmtError::type_error("format requires a mapping"))
    }

    fn star_arg(&mut self) -> Result<BigInt, FmtError> {
        match self.next_arg()? {
            PercentValue::Int(i) => Ok(i.clone()),
            _ => Err(FmtError::type_error("* wants int")),
        }
    }
}

/// Render one argument for a parsed conversion.
fn render_arg(v: &PercentValue, spec: &PercentSpec) -> Result<String, FmtError> {
    let conv = spec.conv;
    match conv {
        's' | 'r' | 'a' => {
            let text = match v {
                PercentValue::Int(i) => i.to_str_radix(10),
                PercentValue::Float(f) => float_repr(*f),
                PercentValue::Str(s) if conv == 's' => s.clone(),
                PercentValue::Str(_) => {
                    return Err(FmtError::type_error(
                        "percent_format: repr() of str is the caller's to compute",
                    ))
                }
            };
            Ok(percent_format_str(&text, spec))
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let i = match v {
                PercentValue::Int(i) => i.clone(),
                PercentValue::Float(f) if matches!(conv, 'd' | 'i' | 'u') => float_to_int(*f)?,
                other => {
                    let what = if matches!(conv, 'o' | 'x' | 'X') {
                        "an integer"
                    } else {
                        "a real number"
                    };
                    return Err(FmtError::type_error(format!(
                        "%{} format: {} is required, not {}",
                        conv,
                        what,
                        other.type_name()
                    )));
                }
            };
            percent_format_int(&i, spec)
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let f = match v {
                PercentValue::Int(i) => int_to_f64(i)?,
                PercentValue::Float(f) => *f,
                PercentValue::Str(_) => {
                    return Err(FmtError::type_error("must be real number, not str"))
                }
            };
            Ok(percent_format_float(f, spec))
        }
        'c' => {
            let c = match v {
                PercentValue::Int(i) => {
                    let cp = percent_char_from_int(i)?;
                    char::from_u32(cp).unwrap_or('\u{FFFD}')
                }
                PercentValue::Str(s) if s.chars().count() == 1 => s.chars().next().unwrap_or(' '),
                _ => return Err(FmtError::type_error("%c requires int or char")),
            };
            Ok(percent_format_char(c, spec))
        }
        _ => Err(spec.unsupported_error()),
    }
}

/// `fmt % args` for plain int/float/str values, with CPython's errors.
///
/// Limits of this convenience driver (an interpreter should drive the
/// building blocks itself): `%r`/`%a` of a str and formatting a whole
/// mapping are reported as TypeErrors prefixed `percent_format:`, and a
/// missing mapping key (CPython: KeyError) likewise.
pub fn percent_format(fmt: &str, args: PercentArgs<'_>) -> Result<String, FmtError> {
    let (arglen, argidx, current) = match args {
        PercentArgs::Tuple(t) => (t.len() as isize, 0, None),
        PercentArgs::Single(v) => (-1, -2, Some(v)),
        PercentArgs::Mapping(_) => (-1, -2, None),
    };
    let mut cur = ArgCursor { args, current, arglen, argidx };
    let is_mapping = matches!(args, PercentArgs::Mapping(_));
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut pos = 0;
    while let Some(off) = fmt[pos..].find('%') {
        out.push_str(&fmt[pos..pos + off]);
        let (directive, next) = parse_percent_spec(fmt, pos + off + 1, &mut cur)?;
        pos = next;
        match directive {
            PercentDirective::Percent => out.push('%'),
            PercentDirective::Spec(spec) => {
                let v = cur.next_arg()?;
                out.push_str(&render_arg(v, &spec)?);
                if is_mapping && cur.argidx < cur.arglen {
                    return Err(not_all_converted());
                }
            }
        }
    }
    out.push_str(&fmt[pos..]);
    if cur.argidx < cur.arglen && !is_mapping {
        return Err(not_all_converted());
    }
    Ok(out)
}

fn not_all_converted() -> FmtError {
    FmtError::type_error("not all arguments converted during string formatting")
}
