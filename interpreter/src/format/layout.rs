//! Field layout for formatted numbers: sign, prefix, padding, thousands
//! grouping (with zero padding inside the grouping), decimal point and
//! remainder. A port of `calc_number_widths`, `fill_number` and
//! `_PyUnicode_InsertThousandsGrouping` from CPython 3.11.
//!
//! Output layout:
//! `<lpadding><sign><prefix><spadding><grouped digits><decimal><remainder><rpadding>`

use super::spec::{Align, Grouping, Sign, Spec};

/// A number already rendered to ASCII, split into the parts the layout
/// needs. `digits` is the integer-part digit run that may be grouped.
pub(crate) struct NumberParts<'a> {
    /// The number is negative (a `-` must be shown).
    pub negative: bool,
    /// Base prefix such as `0x` (empty when none).
    pub prefix: &'a str,
    /// Integer digits to group and zero-pad (may be empty, e.g. `inf`).
    pub digits: &'a str,
    /// Whether a decimal point follows the digits.
    pub has_decimal: bool,
    /// Everything after the decimal point (or after the digits when there
    /// is none): fraction, exponent, `%`, `inf`, ...
    pub remainder: &'a str,
}

impl<'a> NumberParts<'a> {
    /// `parse_number`: split an unsigned rendered float such as `1234.5e+07`
    /// into leading digits, optional decimal point and the remainder.
    pub fn split_float(body: &'a str, negative: bool) -> NumberParts<'a> {
        let n = body.bytes().take_while(|b| b.is_ascii_digit()).count();
        let (digits, rest) = body.split_at(n);
        let (has_decimal, remainder) = match rest.strip_prefix('.') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        NumberParts { negative, prefix: "", digits, has_decimal, remainder }
    }
}

/// Group size and separator for a grouping option (decimal point is always
/// `.`: the `n` type runs in the C locale, which has no grouping).
fn grouping_params(g: Grouping) -> (usize, &'static str) {
    match g {
        Grouping::None => (0, ""),
        Grouping::Comma => (3, ","),
        Grouping::Underscore => (3, "_"),
        Grouping::UnderscoreFour => (4, "_"),
    }
}

/// `_PyUnicode_InsertThousandsGrouping`: insert `sep` every `group` digits
/// (0 = never) and left-pad with zeros (grouped too) up to `min_width`.
fn insert_grouping(digits: &str, min_width: isize, group: usize, sep: &str) -> String {
    let sep_len = sep.chars().count() as isize;
    let mut min_width = min_width.max(0);
    let mut remaining = digits.len() as isize;
    // Chunks are produced right to left.
    let mut chunks: Vec<String> = Vec::new();
    let mut use_separator = false;
    let mut loop_broken = false;
    let emit = |chunks: &mut Vec<String>, n_zeros: isize, n_chars: isize, remaining: isize, use_sep: bool| {
        let mut s = String::new();
        for _ in 0..n_zeros {
            s.push('0');
        }
        let end = remaining as usize;
        let start = end - n_chars as usize;
        // `digits` is ASCII, so byte offsets are char offsets.
        s.push_str(&digits[start..end]);
        if use_sep {
            s.push_str(sep);
        }
        chunks.push(s);
    };
    if group > 0 {
        loop {
            let len = (group as isize).min(remaining.max(min_width).max(1));
            let n_zeros = (len - remaining).max(0);
            let n_chars = remaining.min(len).max(0);
            emit(&mut chunks, n_zeros, n_chars, remaining, use_separator);
            use_separator = true;
            remaining -= n_chars;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                loop_broken = true;
                break;
            }
            min_width -= sep_len;
        }
    }
    if !loop_broken {
        let len = remaining.max(min_width).max(1);
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        emit(&mut chunks, n_zeros, n_chars, remaining, use_separator);
    }
    chunks.reverse();
    chunks.concat()
}

/// `calc_number_widths` + `fill_number`: lay the number out in the field
/// described by `spec`. `upper` upper-cases prefix and digits (type `X`).
pub(crate) fn layout_number(parts: &NumberParts<'_>, spec: &Spec, upper: bool) -> String {
    let sign: Option<char> = match spec.sign {
        Some(Sign::Plus) => Some(if parts.negative { '-' } else { '+' }),
        Some(Sign::Space) => Some(if parts.negative { '-' } else { ' ' }),
        _ => {
            if parts.negative {
                Some('-')
            } else {
                None
            }
        }
    };
    let n_sign = sign.is_some() as isize;
    let n_prefix = parts.prefix.len() as isize;
    let n_decimal = parts.has_decimal as isize;
    let n_remainder = parts.remainder.chars().count() as isize;
    let width: isize = spec.width.map_or(-1, |w| w as isize);
    let n_non_digit = n_sign + n_prefix + n_decimal + n_remainder;

    let n_min_width = if spec.fill == '0' && spec.align == Align::AfterSign {
        width - n_non_digit
    } else {
        0
    };
    let (group, sep) = grouping_params(spec.grouping);
    let grouped = if parts.digits.is_empty() {
        String::new()
    } else {
        insert_grouping(parts.digits, n_min_width, group, sep)
    };
    let n_grouped = grouped.chars().count() as isize;

    let n_padding = width - (n_non_digit + n_grouped);
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    if n_padding > 0 {
        match spec.align {
            Align::Left => rpad = n_padding,
            Align::Center => {
                lpad = n_padding / 2;
                rpad = n_padding - lpad;
            }
            Align::AfterSign => spad = n_padding,
            Align::Right => lpad = n_padding,
        }
    }

    let mut out = String::with_capacity((n_padding.max(0) + n_non_digit + n_grouped) as usize);
    push_fill(&mut out, spec.fill, lpad);
    if let Some(c) = sign {
        out.push(c);
    }
    if upper {
        out.push_str(&parts.prefix.to_ascii_uppercase());
    } else {
        out.push_str(parts.prefix);
    }
    push_fill(&mut out, spec.fill, spad);
    if upper {
        out.push_str(&grouped.to_ascii_uppercase());
    } else {
        out.push_str(&grouped);
    }
    if parts.has_decimal {
        out.push('.');
    }
    out.push_str(parts.remainder);
    push_fill(&mut out, spec.fill, rpad);
    out
}

/// Append `n` copies of `fill`.
pub(crate) fn push_fill(out: &mut String, fill: char, n: isize) {
    for _ in 0..n.max(0) {
        out.push(fill);
    }
}
