//! English possessives, the one place their spellings live: `’s` or `'s` after a
//! singular ("the minister's"), a bare `’` or `'` after a plural's `s` ("the ministers'").

/// Does `word` end in `’s` or `'s`?
pub fn has_s(word: &str) -> bool {
    word.ends_with("’s") || word.ends_with("'s")
}

/// Is `word` possessive: `’s` or `'s`, or `s’` or `s'`?
pub fn is_possessive(word: &str) -> bool {
    has_s(word) || word.ends_with("s’") || word.ends_with("s'")
}

/// `word` without `’s` or `'s` (a bare apostrophe kept).
pub fn strip_s(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word)
}

/// `word` without its possessive ending: `’s`, `'s`, or a final bare apostrophe.
pub fn strip(word: &str) -> &str {
    let w = strip_s(word);
    if w.len() < word.len() {
        return w;
    }
    word.strip_suffix('’')
        .or_else(|| word.strip_suffix('\''))
        .unwrap_or(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endings() {
        for (w, s, stem) in [
            ("Smith's", true, "Smith"),
            ("Smith’s", true, "Smith"),
            ("ministers'", false, "ministers"),
            ("ministers’", false, "ministers"),
            ("Smith", false, "Smith"),
            ("'s", true, ""),
        ] {
            assert_eq!(has_s(w), s, "{w}");
            assert_eq!(strip(w), stem, "{w}");
            assert_eq!(is_possessive(w), w != "Smith", "{w}");
        }
        assert_eq!(strip_s("ministers'"), "ministers'");
        assert_eq!(strip_s("Lee’s"), "Lee");
    }
}
