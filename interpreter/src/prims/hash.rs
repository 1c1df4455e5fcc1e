//! CPython 3.11 hash functions, bit-for-bit (64-bit build).
//!
//! * numeric hashes (`int`, `float`, `complex`) reduce modulo the Mersenne
//!   prime 2**61 - 1 (`sys.hash_info.modulus`), so equal numbers of
//!   different types hash equal;
//! * `tuple` uses the xxHash-based combiner of 3.8+;
//! * `frozenset` uses the shuffle-and-xor combiner of `setobject.c`;
//! * `str`/`bytes` use SipHash-1-3 (`sys.hash_info.algorithm == 'siphash13'`)
//!   over CPython's internal representation, with the 128-bit key (k0, k1).
//!   `PYTHONHASHSEED=0` means the all-zero key; `PYTHONHASHSEED=n` derives the
//!   key with CPython's LCG (`hash_secret_from_seed`).
//!
//! Every function returns the value `hash()` would return, so -1 never
//! appears (CPython maps it to -2, or to a function-specific constant).

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::ToPrimitive;

/// Number of bits of the numeric hash modulus (`_PyHASH_BITS`).
pub const HASH_BITS: u32 = 61;
/// The numeric hash modulus 2**61 - 1 (`sys.hash_info.modulus`).
pub const HASH_MODULUS: u64 = (1u64 << HASH_BITS) - 1;
/// Hash of `float('inf')` (`sys.hash_info.inf`).
pub const HASH_INF: i64 = 314_159;
/// Multiplier of the imaginary part in complex hashes (`sys.hash_info.imag`).
pub const HASH_IMAG: u64 = 1_000_003;

fn fix_minus_one(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(n)` for an `int` that fits in an `i64`.
pub fn hash_i64(v: i64) -> i64 {
    let m = (v.unsigned_abs() % HASH_MODULUS) as i64;
    fix_minus_one(if v < 0 { -m } else { m })
}

/// `hash(n)` for an arbitrary `int`.
pub fn hash_bigint(v: &BigInt) -> i64 {
    if let Some(small) = v.to_i64() {
        return hash_i64(small);
    }
    let acc = (v.magnitude() % BigUint::from(HASH_MODULUS))
        .to_u64()
        .unwrap_or(0); // always < 2**61
    let m = acc as i64;
    fix_minus_one(if v.sign() == Sign::Minus { -m } else { m })
}

/// `_Py_HashPointer`: hash of an object identity (e.g. `id(obj)`); also what
/// CPython 3.10+ uses for a NaN (hashed by the identity of the float object).
pub fn hash_pointer(p: u64) -> i64 {
    fix_minus_one(p.rotate_right(4) as i64)
}

/// Decompose a finite nonzero `x` as `m * 2**e` with `0.5 <= |m| < 1` (C `frexp`).
/// Zero, infinities and NaN are returned unchanged with exponent 0.
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * f64::from_bits(0x4350_0000_0000_0000)); // 2**54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

/// `hash(x)` for a float.  Returns `None` for NaN: CPython then hashes the
/// float *object's identity* (`hash_pointer(id(x))`), which only the caller
/// knows.  See also [`hash_f64_or_identity`].
pub fn hash_f64(v: f64) -> Option<i64> {
    if !v.is_finite() {
        if v.is_infinite() {
            return Some(if v > 0.0 { HASH_INF } else { -HASH_INF });
        }
        return None;
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    // Process 28 bits at a time (same order of operations as CPython).
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268_435_456.0; // 2**28
        e -= 28;
        let y = m as u64; // integer part
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    // Adjust for the exponent; first reduce it modulo HASH_BITS.
    let bits = HASH_BITS as i32;
    let e = if e >= 0 {
        e % bits
    } else {
        bits - 1 - ((-1 - e) % bits)
    } as u32;
    x = ((x << e) & HASH_MODULUS) | (x >> (HASH_BITS - e));
    let h = (x as i64).wrapping_mul(sign);
    Some(fix_minus_one(h))
}

/// `hash(x)` for a float, with `nan_identity` (the object's address / id)
/// used for NaN exactly as CPython does.
pub fn hash_f64_or_identity(v: f64, nan_identity: u64) -> i64 {
    hash_f64(v).unwrap_or_else(|| hash_pointer(nan_identity))
}

/// Combine the hashes of the real and imaginary parts as `complex.__hash__`.
pub fn hash_complex_parts(hash_real: i64, hash_imag: i64) -> i64 {
    let combined = (hash_real as u64).wrapping_add(HASH_IMAG.wrapping_mul(hash_imag as u64));
    fix_minus_one(combined as i64)
}

/// `hash(complex(re, im))`; `nan_identity` is the complex object's identity,
/// used for a NaN component (CPython passes the complex object itself).
pub fn hash_complex(re: f64, im: f64, nan_identity: u64) -> i64 {
    hash_complex_parts(
        hash_f64_or_identity(re, nan_identity),
        hash_f64_or_identity(im, nan_identity),
    )
}

const XXPRIME_1: u64 = 11_400_714_785_074_694_791;
const XXPRIME_2: u64 = 14_029_467_366_897_019_727;
const XXPRIME_5: u64 = 2_870_177_450_012_600_261;

/// `hash(tuple)` given the hashes of its items (CPython 3.8+ xxHash variant).
pub fn hash_tuple(item_hashes: &[i64]) -> i64 {
    let mut acc = XXPRIME_5;
    for &h in item_hashes {
        let lane = h as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add((item_hashes.len() as u64) ^ (XXPRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        return 1_546_275_796;
    }
    acc as i64
}

fn shuffle_bits(h: u64) -> u64 {
    ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
}

/// `hash(frozenset)` given the hashes of its (distinct) elements, in any order.
pub fn hash_frozenset(element_hashes: &[i64]) -> i64 {
    let mut hash: u64 = 0;
    for &h in element_hashes {
        hash ^= shuffle_bits(h as u64);
    }
    hash ^= (element_hashes.len() as u64 + 1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
    if hash == u64::MAX {
        hash = 590_923_713;
    }
    hash as i64
}

/// SipHash-1-3 with key (k0, k1), as in CPython's `Python/pyhash.c`.
pub fn siphash13(k0: u64, k1: u64, src: &[u8]) -> u64 {
    let mut v0 = k0 ^ 0x736f_6d65_7073_6575;
    let mut v1 = k1 ^ 0x646f_7261_6e64_6f6d;
    let mut v2 = k0 ^ 0x6c79_6765_6e65_7261;
    let mut v3 = k1 ^ 0x7465_6462_7974_6573;

    #[inline(always)]
    fn round(v0: &mut u64, v1: &mut u64, v2: &mut u64, v3: &mut u64) {
        *v0 = v0.wrapping_add(*v1);
        *v2 = v2.wrapping_add(*v3);
        *v1 = v1.rotate_left(13) ^ *v0;
        *v3 = v3.rotate_left(16) ^ *v2;
        *v0 = v0.rotate_left(32);
        *v2 = v2.wrapping_add(*v1);
        *v0 = v0.wrapping_add(*v3);
        *v1 = v1.rotate_left(17) ^ *v2;
        *v3 = v3.rotate_left(21) ^ *v0;
        *v2 = v2.rotate_left(32);
    }

    let mut chunks = src.chunks_exact(8);
    for chunk in &mut chunks {
        let mut buf = [0u8; 8];
        buf.copy_from_slice(chunk);
        let mi = u64::from_le_bytes(buf);
        v3 ^= mi;
        round(&mut v0, &mut v1, &mut v2, &mut v3);
        v0 ^= mi;
    }
    let mut t = [0u8; 8];
    let tail = chunks.remainder();
    t[..tail.len()].copy_from_slice(tail);
    let b = ((src.len() as u64) << 56) | u64::from_le_bytes(t);

    v3 ^= b;
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    v0 ^= b;
    v2 ^= 0xff;
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    (v0 ^ v1) ^ (v2 ^ v3)
}

/// CPython's `_Py_HashBytes`: `hash(bytes)` (also memoryview/bytearray-free
/// buffers).  The empty buffer hashes to 0.
pub fn hash_bytes(b: &[u8], k0: u64, k1: u64) -> i64 {
    if b.is_empty() {
        return 0;
    }
    fix_minus_one(siphash13(k0, k1, b) as i64)
}

/// `hash(str)`: SipHash-1-3 over CPython's compact representation
/// (1 byte per code point if all < 256, UCS-2 LE if all < 65536, else UCS-4 LE).
pub fn hash_str(s: &str, k0: u64, k1: u64) -> i64 {
    if s.is_empty() {
        return 0;
    }
    if s.is_ascii() {
        return hash_bytes(s.as_bytes(), k0, k1);
    }
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let mut buf: Vec<u8> = Vec::with_capacity(s.len() * 2);
    if max < 0x100 {
        buf.extend(s.chars().map(|c| c as u32 as u8));
    } else if max < 0x10000 {
        for c in s.chars() {
            buf.extend_from_slice(&(c as u32 as u16).to_le_bytes());
        }
    } else {
        for c in s.chars() {
            buf.extend_from_slice(&(c as u32).to_le_bytes());
        }
    }
    hash_bytes(&buf, k0, k1)
}

/// The SipHash key (k0, k1) CPython uses for `PYTHONHASHSEED=seed`.
/// Seed 0 disables randomization and gives the all-zero key; other seeds fill
/// the 24-byte `_Py_HashSecret` with CPython's LCG (`lcg_urandom`) of which
/// the first 16 bytes are the little-endian k0 and k1.
pub fn hash_secret_from_seed(seed: u32) -> (u64, u64) {
    if seed == 0 {
        return (0, 0);
    }
    let mut x = seed;
    let mut bytes = [0u8; 16];
    for b in bytes.iter_mut() {
        x = x.wrapping_mul(214_013).wrapping_add(2_531_011);
        *b = ((x >> 16) & 0xff) as u8;
    }
    let mut k0 = [0u8; 8];
    let mut k1 = [0u8; 8];
    k0.copy_from_slice(&bytes[..8]);
    k1.copy_from_slice(&bytes[8..]);
    (u64::from_le_bytes(k0), u64::from_le_bytes(k1))
}
