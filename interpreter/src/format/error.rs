//! Error type shared by every formatting routine.
//!
//! Each variant carries the exact message text CPython 3.11 uses; the variant
//! names the Python exception class the caller should raise
//! (`ValueError`, `TypeError` or `OverflowError`).

use std::fmt;

/// A formatting failure: the Python exception class and its message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FmtError {
    /// Raise `ValueError(msg)`.
    Value(String),
    /// Raise `TypeError(msg)`.
    Type(String),
    /// Raise `OverflowError(msg)`.
    Overflow(String),
}

impl FmtError {
    /// `ValueError` with the given message.
    pub fn value(msg: impl Into<String>) -> Self {
        FmtError::Value(msg.into())
    }

    /// `TypeError` with the given message.
    pub fn type_error(msg: impl Into<String>) -> Self {
        FmtError::Type(msg.into())
    }

    /// `OverflowError` with the given message.
    pub fn overflow(msg: impl Into<String>) -> Self {
        FmtError::Overflow(msg.into())
    }

    /// The Python exception class name: `"ValueError"`, `"TypeError"` or
    /// `"OverflowError"`.
    pub fn kind(&self) -> &'static str {
        match self {
            FmtError::Value(_) => "ValueError",
            FmtError::Type(_) => "TypeError",
            FmtError::Overflow(_) => "OverflowError",
        }
    }

    /// The exception message.
    pub fn message(&self) -> &str {
        match self {
            FmtError::Value(m) | FmtError::Type(m) | FmtError::Overflow(m) => m,
        }
    }
}

impl fmt::Display for FmtError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind(), self.message())
    }
}

impl std::error::Error for FmtError {}
