//! Building blocks for JSON written by hand: the fixed keys of an output schema go out as
//! literal bytes, and strings are copied whole when they need no escaping. `credlint
//! extract` uses them: one line per sentence, where serde spent most of its time escaping
//! the fixed keys (39 M of 797 M instructions on the BBC set, BENCHMARKS.md "fifth
//! round"). `check --format json` went back to serde on borrowed structs: measured, the
//! hand-written objects made no difference there on real news (BENCHMARKS.md, "JSON:
//! serde or written by hand"). Tests compare these pieces with serde's output.

/// Appends `s` as a JSON string. Most strings need no escape: that is checked eight
/// bytes at a time and the bytes copied whole; any other string is escaped by serde_json.
pub fn push_str(buf: &mut Vec<u8>, s: &str) {
    if needs_escape(s.as_bytes()) {
        // serde_json escapes C0 controls, quotes and backslashes; DEL and C1 controls (a
        // terminal may read U+009B as CSI) are escaped here too
        let escaped = serde_json::to_string(s).unwrap_or_default();
        buf.extend_from_slice(escape_controls(&escaped).as_bytes());
    } else {
        buf.push(b'"');
        buf.extend_from_slice(s.as_bytes());
        buf.push(b'"');
    }
}

/// JSON text with each DEL and C1 control character (JSON allows them raw) written as a
/// `\u` escape, so that no control character reaches a terminal that shows the output.
/// They can only occur inside strings, where the escape means the same character.
pub fn escape_controls(json: &str) -> std::borrow::Cow<'_, str> {
    let is_control = |c: char| ('\u{7f}'..='\u{9f}').contains(&c);
    if !json.contains(is_control) {
        return std::borrow::Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_control(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Does `b` hold a byte JSON must escape: a control character, '"' or '\\'? DEL and
/// the lead byte 0xC2 of U+0080-U+00BF (C1 controls among them) take the slow path too.
fn needs_escape(b: &[u8]) -> bool {
    use crate::text::swar::{HIGH, ONES, in_range, load8};
    // the high bit of each byte equal to `c` (after the xor it is zero; bytes of 0x80 and
    // above are dropped by `& !x`, as `in_range` asks)
    let eq = |v: u64, c: u8| {
        let x = v ^ (ONES * u64::from(c));
        in_range(x, 0, 0) & !x
    };
    let hit = |v: u64| {
        (in_range(v, 0, 0x1f) & !v) | eq(v, b'"') | eq(v, b'\\') | eq(v, 0x7f) | eq(v, 0xc2)
    };
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        if hit(load8(c)) & HIGH != 0 {
            return true;
        }
    }
    chunks
        .remainder()
        .iter()
        .any(|&c| c < 0x20 || c == b'"' || c == b'\\' || c == 0x7f || c == 0xc2)
}

pub fn push_num(buf: &mut Vec<u8>, n: usize) {
    buf.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

pub fn push_bool(buf: &mut Vec<u8>, b: bool) {
    buf.extend_from_slice(if b { b"true" } else { b"false" });
}

/// `[`, the items written by `each` and separated by commas, `]`.
pub fn push_array<T>(
    buf: &mut Vec<u8>,
    items: impl IntoIterator<Item = T>,
    mut each: impl FnMut(&mut Vec<u8>, T),
) {
    buf.push(b'[');
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        each(buf, item);
    }
    buf.push(b']');
}

pub fn push_opt(buf: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => push_str(buf, s),
        None => buf.extend_from_slice(b"null"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_found_at_every_position() {
        for len in 0..20 {
            for at in 0..len {
                for c in [b'"', b'\\', 0u8, b'\n', 0x1f] {
                    let mut b = vec![b'a'; len];
                    b[at] = c;
                    assert!(needs_escape(&b), "{len} {at} {c}");
                }
            }
            assert!(!needs_escape(&vec![b' '; len]));
            assert!(!needs_escape("é“”—".repeat(len).as_bytes()));
        }
    }

    #[test]
    fn del_and_c1_controls_are_escaped() {
        let mut b = Vec::new();
        push_str(&mut b, "a\u{7f}b\u{9b}31mc £5 \u{1b}");
        assert_eq!(
            String::from_utf8(b).unwrap_or_default(),
            "\"a\\u007fb\\u009b31mc £5 \\u001b\""
        );
        let v: String = serde_json::from_str("\"a\\u007fb\\u009b\"").unwrap_or_default();
        assert_eq!(v, "a\u{7f}b\u{9b}");
    }

    #[test]
    fn strings_numbers_and_nulls() {
        let mut b = Vec::new();
        push_str(&mut b, "plain “curly” text");
        push_str(&mut b, "tab\there \"quoted\" \\");
        push_num(&mut b, 1234567);
        push_opt(&mut b, None);
        push_array(&mut b, [true, false], push_bool);
        push_array(&mut b, std::iter::empty::<u8>(), |_, _| {});
        let want = format!(
            "{}{}1234567null[true,false][]",
            serde_json::to_string("plain “curly” text").unwrap_or_default(),
            serde_json::to_string("tab\there \"quoted\" \\").unwrap_or_default()
        );
        assert_eq!(String::from_utf8(b).unwrap_or_default(), want);
    }
}
