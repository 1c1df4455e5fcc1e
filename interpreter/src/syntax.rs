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
            LexicalErrorType::FStringError(f) => format!("f-string: {f}"),
            LexicalErrorType::OtherError(s) => s.clone(),
        },
    };
    CompileError { msg, offset, end_offset: None, indentation }
}

/// Checks CPython performs in its parser that rustpython-parser does not.
pub fn check_module(body: &[ast::Stmt]) -> Result<(), CompileError> {
    let _ = body;
    Ok(())
}
