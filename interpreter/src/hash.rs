//! Hashing entry points used by the VM: CPython's numeric hashes, and SipHash-1-3 for
//! str/bytes keyed by the process hash secret (`PYTHONHASHSEED`).

use crate::prims::hash as h;
use num_bigint::BigInt;
use std::cell::Cell;

thread_local! {
    static KEY: Cell<(u64, u64)> = const { Cell::new((0, 0)) };
}

/// Sets the str/bytes hash key: `Some(seed)` as `PYTHONHASHSEED=seed`, `None` for random.
pub fn set_hash_seed(seed: Option<u32>) {
    let key = match seed {
        Some(s) => h::hash_secret_from_seed(s),
        None => {
            let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(0);
            let p = std::process::id() as u64;
            (t ^ (p << 32) ^ 0x9E37_79B9_7F4A_7C15, t.rotate_left(17) ^ p.wrapping_mul(0xBF58_476D_1CE4_E5B9))
        }
    };
    KEY.with(|k| k.set(key));
}

pub fn hash_i64(i: i64) -> i64 {
    h::hash_i64(i)
}
pub fn hash_bigint(b: &BigInt) -> i64 {
    h::hash_bigint(b)
}
pub fn hash_f64(f: f64) -> Option<i64> {
    h::hash_f64(f)
}
pub fn hash_complex(re: f64, im: f64) -> i64 {
    h::hash_complex(re, im, 0)
}
pub fn hash_tuple(items: &[i64]) -> i64 {
    h::hash_tuple(items)
}
pub fn hash_frozenset(items: &[i64]) -> i64 {
    h::hash_frozenset(items)
}
pub fn hash_str(s: &str) -> i64 {
    let (k0, k1) = KEY.with(|k| k.get());
    h::hash_str(s, k0, k1)
}
pub fn hash_bytes(b: &[u8]) -> i64 {
    let (k0, k1) = KEY.with(|k| k.get());
    h::hash_bytes(b, k0, k1)
}
