//! Syntax errors: converting parser errors to CPython's messages, and checks the parser
//! leaves to the compiler.

use crate::compiler::CompileError;
use rustpython_parser::ast;
use rustpython_parser::lexer::LexicalErrorType;
use rustpython_parser::{ParseError, ParseErrorType, Tok};

pub fn parse_error_to_compile_error(e: ParseError) -> CompileError {
    let offset: u32 = e.offset.into();
    let mut indentation = false;
    let msg = match &e.error {
        ParseErrorType::Eof => "unexpected EOF while parsing".to_string(),
        ParseErrorType::ExtraToken(_) | ParseErrorType::InvalidToken => "invalid syntax".to_string(),
        ParseErrorType::UnrecognizedToken(tok, _) => match tok {
            Tok::Indent => {
                indentation = true;
                "unexpected indent".to_string()
            }
            Tok::Dedent => {
                indentation = true;
                "unindent does not match any outer indentation level".to_string()
            }
            _ => "invalid syntax".to_string(),
        },
        ParseErrorType::Lexical(l) => match l {
            LexicalErrorType::IndentationError => {
                indentation = true;
                "unindent does not match any outer indentation level".to_string()
            }
            LexicalErrorType::TabError | LexicalErrorType::TabsAfterSpaces => "inconsistent use of tabs and spaces in indentation".to_string(),
            LexicalErrorType::DefaultArgumentError => "non-default argument follows default argument".to_string(),
            LexicalErrorType::DuplicateArgumentError(n) => format!("duplicate argument '{n}' in function definition"),
            LexicalErrorType::PositionalArgumentError => "positional argument follows keyword argument".to_string(),
            LexicalErrorType::UnpackedArgumentError => "iterable argument unpacking follows keyword argument unpacking".to_string(),
            LexicalErrorType::DuplicateKeywordArgumentError(n) => format!("keyword argument repeated: {n}"),
            LexicalErrorType::UnrecognizedToken { tok } => format!("invalid character '{tok}' (U+{:04X})", *tok as u32),
            LexicalErrorType::LineContinuationError => "unexpected character after line continuation character".to_string(),
            LexicalErrorType::Eof => "unexpected EOF while parsing".to_string(),
            LexicalErrorType::NestingError => "unmatched bracket".to_string(),
            LexicalErrorType::StringError => "unterminated string literal".to_string(),
            LexicalErrorType::UnicodeError => "(unicode error) malformed \\N character escape".to_string(),
            LexicalErrorType::FStringError(f) => match f {
                rustpython_parser::FStringErrorType::InvalidConversionFlag => "f-string: invalid conversion character: expected 's', 'r', or 'a'".to_string(),
                rustpython_parser::FStringErrorType::UnclosedLbrace => "f-string: expecting '}'".to_string(),
                rustpython_parser::FStringErrorType::SingleRbrace | rustpython_parser::FStringErrorType::UnopenedRbrace => "f-string: single '}' is not allowed".to_string(),
                rustpython_parser::FStringErrorType::EmptyExpression => "f-string: empty expression not allowed".to_string(),
                other => format!("f-string: {other}"),
            },
            LexicalErrorType::OtherError(s) => s.clone(),
        },
    };
    CompileError { msg, offset, end_offset: None, indentation }
}

/// CPython's tokenizer bracket checks, run before parsing: nesting deeper than 200, a bracket
/// never closed, an unmatched or mismatched closing bracket. Strings and comments are skipped.
pub fn check_brackets(src: &str, depth_only: bool) -> Result<(), CompileError> {
    let b = src.as_bytes();
    let mut stack: Vec<(u8, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\'' | b'"' => {
                // Triple or single quoted string; prefixes were consumed as identifier chars.
                let start = string_token_start(b, i);
                let line_of = |pos: usize| 1 + b[..pos.min(b.len())].iter().filter(|&&x| x == b'\n').count();
                let unterminated = |triple: bool| {
                    let msg = if triple {
                        format!("unterminated triple-quoted string literal (detected at line {})", src.lines().count().max(1))
                    } else {
                        format!("unterminated string literal (detected at line {})", line_of(start))
                    };
                    CompileError::new(&msg, start as u32)
                };
                let triple = i + 2 < b.len() && b[i + 1] == c && b[i + 2] == c;
                let raw = i > 0 && matches!(b[i - 1], b'r' | b'R') || i > 1 && matches!(b[i - 2], b'r' | b'R') && b[i - 1].is_ascii_alphabetic();
                i += if triple { 3 } else { 1 };
                loop {
                    if i >= b.len() {
                        return if depth_only { Ok(()) } else { Err(unterminated(triple)) };
                    }
                    if b[i] == b'\\' && !raw {
                        i += 2;
                        continue;
                    }
                    if b[i] == b'\\' && raw {
                        i += 2;
                        continue;
                    }
                    if !triple && b[i] == b'\n' {
                        return if depth_only { Ok(()) } else { Err(unterminated(false)) };
                    }
                    if b[i] == c && (!triple || (i + 2 < b.len() && b[i + 1] == c && b[i + 2] == c)) {
                        i += if triple { 3 } else { 1 };
                        break;
                    }
                    i += 1;
                }
                continue;
            }
            b'(' | b'[' | b'{' => {
                stack.push((c, i));
                if stack.len() > 200 {
                    return Err(CompileError::new("too many nested parentheses", i as u32));
                }
            }
            b')' | b']' | b'}' if depth_only => {
                stack.pop();
            }
            b')' | b']' | b'}' => {
                let open = match c {
                    b')' => b'(',
                    b']' => b'[',
                    _ => b'{',
                };
                match stack.pop() {
                    None => return Err(CompileError::new(&format!("unmatched '{}'", c as char), i as u32)),
                    Some((o, at)) if o != open => {
                        let line = |pos: usize| 1 + b[..pos].iter().filter(|&&x| x == b'\n').count();
                        let mut msg = format!("closing parenthesis '{}' does not match opening parenthesis '{}'", c as char, o as char);
                        if line(at) != line(i) {
                            msg += &format!(" on line {}", line(at));
                        }
                        return Err(CompileError::new(&msg, i as u32));
                    }
                    Some(_) => {}
                }
            }
            _ => {}
        }
        i += 1;
    }
    if depth_only {
        return Ok(());
    }
    // At end of input the tokenizer names the innermost bracket still open.
    if let Some((o, pos)) = stack.last() {
        return Err(CompileError::new(&format!("'{}' was never closed", *o as char), *pos as u32));
    }
    Ok(())
}

/// Start of the string token whose quote is at `quote`: back over a prefix such as `br` or `f`.
fn string_token_start(b: &[u8], quote: usize) -> usize {
    let mut s = quote;
    while s > 0 && quote - s < 2 && matches!(b[s - 1], b'r' | b'R' | b'b' | b'B' | b'f' | b'F' | b'u' | b'U') {
        s -= 1;
    }
    let part_of_name = s > 0 && (b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b'_' || b[s - 1] >= 0x80);
    if part_of_name {
        quote
    } else {
        s
    }
}

/// Checks CPython performs in its parser that rustpython-parser does not.
pub fn check_module(body: &[ast::Stmt]) -> Result<(), CompileError> {
    let _ = body;
    Ok(())
}
