//! Eight bytes at a time ("SIMD within a register"): the word loads and the byte-range
//! test shared by the tokenizer's word scan and the lexicon's key hash.

pub const ONES: u64 = 0x0101_0101_0101_0101;
pub const HIGH: u64 = 0x8080_8080_8080_8080;

/// The first eight bytes of `b` as a little-endian word.
#[inline]
pub fn load8(b: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[..8]);
    u64::from_le_bytes(a)
}

/// The first four bytes of `b` as a little-endian word.
#[inline]
pub fn load4(b: &[u8]) -> u32 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[..4]);
    u32::from_le_bytes(a)
}

/// Up to eight bytes as a little-endian word padded with zeros, put together from
/// overlapping loads rather than a byte loop.
#[inline]
pub fn padded(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    if n >= 8 {
        load8(bytes)
    } else if n >= 4 {
        // the high load's bytes land on their own places; where it overlaps the low one,
        // both hold the same bytes
        u64::from(load4(&bytes[..4])) | u64::from(load4(&bytes[n - 4..])) << (8 * (n - 4))
    } else if n > 0 {
        u64::from(bytes[0])
            | u64::from(bytes[n / 2]) << (8 * (n / 2))
            | u64::from(bytes[n - 1]) << (8 * (n - 1))
    } else {
        0
    }
}

/// The high bit of each byte of `v` that lies in `lo..=hi`, for bytes below 0x80 (bytes
/// with the high bit set give no answer: callers mask them with `!v`).
#[inline]
pub fn in_range(v: u64, lo: u8, hi: u8) -> u64 {
    let low7 = v & !HIGH;
    let ge_lo = low7 + ONES * u64::from(0x80 - lo);
    let gt_hi = low7 + ONES * u64::from(0x7f - hi);
    ge_lo & !gt_hi & HIGH
}

/// ASCII-lowercases eight bytes at once: sets bit 0x20 of each byte in `A..=Z`; other
/// bytes (including UTF-8 sequences) are unchanged.
#[inline]
pub fn lower8(v: u64) -> u64 {
    v | ((in_range(v, b'A', b'Z') & !v) >> 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_and_lowercase_match_byte_by_byte() {
        for start in (0u16..256).step_by(3) {
            let bytes: Vec<u8> = (0..8).map(|i| ((start + i * 29) % 256) as u8).collect();
            let v = load8(&bytes);
            let digits = in_range(v, b'0', b'9') & !v;
            let lower = lower8(v).to_le_bytes();
            for (i, &b) in bytes.iter().enumerate() {
                assert_eq!(digits >> (8 * i + 7) & 1 == 1, b.is_ascii_digit(), "{b}");
                assert_eq!(lower[i], b.to_ascii_lowercase(), "{b}");
            }
        }
        assert_eq!(
            lower8(u64::from_le_bytes(*b"@AZ[`az{")),
            u64::from_le_bytes(*b"@az[`az{")
        );
    }
}
