//! Text helpers shared by reprs and the str methods.

pub use crate::prims::strmeth::{ascii_repr, bytes_repr, str_repr};
