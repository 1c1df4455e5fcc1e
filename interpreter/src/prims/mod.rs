//! CPython-exact primitives with no VM dependency: hashing, `math` functions, `str` methods
//! and the Unicode tables they need. Verified against CPython 3.11 by `tests/prims_cases.rs`.

pub mod hash;
pub mod mathfn;
pub mod strmeth;
pub mod unidata;
