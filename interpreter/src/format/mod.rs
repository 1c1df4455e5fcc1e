//! CPython 3.11-compatible number and string formatting, in pure Rust.
//!
//! Entry points (errors are [`error::FmtError`]s naming the Python
//! exception class and carrying CPython's exact message):
//!
//! * [`float::float_repr`], [`float::format_float`], [`float::double_to_string`]
//! * [`int::format_int`], [`int::int_bin`] / [`int::int_oct`] / [`int::int_hex`],
//!   [`int::int_to_f64`], [`int::float_to_int`]
//! * [`string::format_str`]
//! * [`spec::parse_spec`] / [`spec::parse_spec_with`]
//! * [`percent::parse_percent_spec`] and the `percent_format_*` renderers,
//!   plus the [`percent::percent_format`] driver
//! * [`round::round_float`], [`round::round_float_to_int`], [`round::round_int`]
//! * [`hex::float_hex`], [`hex::float_fromhex`]
//! * [`parse::parse_float`], [`parse::parse_int`], [`parse::parse_int_checked`]
//!
//! Every module refers to its siblings only through `super::`, so the
//! `src/*.rs` files (minus this one) can be dropped into another crate as a
//! module: declare the same `pub mod` lines in that module's `mod.rs`.
pub mod error;
pub mod unicode;
pub mod spec;
pub mod layout;
pub mod float;
pub mod int;
pub mod string;
pub mod percent;
pub mod parse;
pub mod round;
pub mod hex;

pub use float::float_repr;
