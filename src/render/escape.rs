//! Text from a draft, or a file name, made safe to print on a terminal.
//!
//! A draft is untrusted: an escape sequence in it (a CSI colour change, an OSC window
//! title or OSC 8 hyperlink), a bidi override that reorders what the reader sees, or a
//! zero-width character must not reach the terminal as itself. Two forms:
//! - [`escape`], for messages, labels and paths: each such character becomes a visible
//!   `\u{1b}`-style escape (a backslash is left as it is: the escapes only say what was
//!   there, they are never read back);
//! - [`neutralise`], for the source lines under a finding: each such character becomes
//!   one visible character, so that columns and underlines stay aligned.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal as itself: C0 and C1 controls and DEL, bidi
/// controls, zero-width and other invisible format characters, line and paragraph
/// separators.
pub fn is_unsafe(c: char) -> bool {
    // most characters are printable ASCII or ordinary letters: two comparisons
    let u = c as u32;
    if u < 0xa0 {
        return !(0x20..0x7f).contains(&u);
    }
    if u < 0x200b {
        return matches!(u, 0xad | 0x61c | 0x180e);
    }
    matches!(c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        // soft hyphen, Arabic letter mark, Mongolian vowel separator
        | '\u{ad}' | '\u{61c}' | '\u{180e}'
        // zero-width space, joiners, LRM/RLM, line and paragraph separators,
        // LRE/RLE/PDF/LRO/RLO
        | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}'
        // word joiner, invisible operators, LRI/RLI/FSI/PDI, deprecated format controls
        | '\u{2060}'..='\u{206f}'
        // byte order mark / zero-width no-break space, interlinear annotations
        | '\u{feff}' | '\u{fff9}'..='\u{fffb}'
        // tag characters (invisible)
        | '\u{e0000}'..='\u{e007f}'
    )
}

/// `s` with every unsafe character (see [`is_unsafe`]) written as `\u{…}`. Borrowed when
/// there is none (the common case).
pub fn escape(s: &str) -> Cow<'_, str> {
    let plain_ascii = s.bytes().all(|b| (0x20..0x7f).contains(&b));
    if plain_ascii || !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Source text for display: tabs and line ends kept, every other unsafe character replaced
/// by one visible character (a C0 control by its control picture, `␛` for ESC, anything
/// else by `�`), so that each character still takes one column.
pub fn neutralise(text: &str) -> String {
    // most text has nothing to replace: ASCII without controls is copied at once
    let plain_ascii = text
        .bytes()
        .all(|b| (0x20..0x7f).contains(&b) || matches!(b, b'\n' | b'\t' | b'\r'));
    if plain_ascii {
        return text.to_string();
    }
    text.chars()
        .map(|c| match c {
            '\n' | '\t' | '\r' => c,
            '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
            '\u{7f}' => '\u{2421}',
            c if is_unsafe(c) => '\u{fffd}',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_bidi_and_invisible_characters() {
        assert!(matches!(escape("plain “text”"), Cow::Borrowed(_)));
        assert_eq!(
            escape("a\u{1b}[31mred\u{1b}]8;;http://x\u{7}b"),
            "a\\u{1b}[31mred\\u{1b}]8;;http://x\\u{7}b"
        );
        assert_eq!(escape("x\n::error::y\r"), "x\\u{a}::error::y\\u{d}");
        assert_eq!(escape("\u{202e}cod.exe"), "\\u{202e}cod.exe");
        assert_eq!(
            escape("a\u{200b}b\u{feff}\u{9b}"),
            "a\\u{200b}b\\u{feff}\\u{9b}"
        );
    }

    #[test]
    fn the_fast_test_agrees_with_the_ranges() {
        let listed = |c: char| {
            matches!(c,
                '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{ad}' | '\u{61c}' | '\u{180e}'
                | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}'
                | '\u{feff}' | '\u{fff9}'..='\u{fffb}' | '\u{e0000}'..='\u{e007f}')
        };
        for u in (0..0x3_0000).chain(0xe_0000..0xe_0100) {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(is_unsafe(c), listed(c), "U+{u:04X}");
            }
        }
    }

    #[test]
    fn neutralised_text_keeps_one_character_per_character() {
        let hostile = "a\u{1b}[2J\tb\u{202e}c\u{200d}d\u{9b}e\u{2028}f\r\ng\u{7f}";
        let shown = neutralise(hostile);
        assert_eq!(shown.chars().count(), hostile.chars().count());
        assert_eq!(shown, "a␛[2J\tb�c�d�e�f\r\ng␡");
        assert!(
            !shown
                .chars()
                .any(|c| is_unsafe(c) && !matches!(c, '\n' | '\t' | '\r'))
        );
    }
}
