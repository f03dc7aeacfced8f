//! Short word lists searched as integers: a word of up to eight ASCII bytes is packed
//! into a `u64`, and a list is a sorted vector of such keys. The tokenizer, the sentence
//! splitter and the name finder ask about nearly every word, and a binary search over
//! integers costs a fraction of comparing the word with each entry in turn.

use super::swar;

/// A word of up to eight ASCII bytes packed into an integer (lowercased when `lower`);
/// `None` for any other word, which no list entry can equal.
pub fn key(word: &str, lower: bool) -> Option<u64> {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > 8 {
        return None;
    }
    // the bytes as a little-endian integer, first byte lowest, read by a few loads
    let v = swar::padded(b);
    if v & swar::HIGH != 0 {
        return None;
    }
    Some(if lower { swar::lower8(v) } else { v })
}

/// A fixed list of short ASCII words, compared exactly or ignoring ASCII case.
#[derive(Debug)]
pub struct PackedWords {
    keys: Vec<u64>,
    lower: bool,
}

impl PackedWords {
    /// Entries longer than eight bytes or not ASCII are left out. The built-in lists have
    /// none: segment's tests find every abbreviation and title, and the name particles
    /// are two to five ASCII letters.
    pub fn new(words: &[&str], ignore_case: bool) -> Self {
        let mut keys: Vec<u64> = words.iter().filter_map(|w| key(w, ignore_case)).collect();
        keys.sort_unstable();
        keys.dedup();
        PackedWords {
            keys,
            lower: ignore_case,
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        key(word, self.lower).is_some_and(|k| self.keys.binary_search(&k).is_ok())
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.keys.len()
    }
}

#[cfg(test)]
mod tests {
    use super::PackedWords;

    #[test]
    fn exact_and_case_insensitive_lists() {
        let exact = PackedWords::new(&["Mr", "Messrs", "St"], false);
        assert!(exact.contains("Mr") && exact.contains("Messrs") && exact.contains("St"));
        assert!(!exact.contains("mr") && !exact.contains("M") && !exact.contains("Mrs"));
        let folded = PackedWords::new(&["mr", "a"], true);
        assert!(folded.contains("MR") && folded.contains("mR") && folded.contains("A"));
        assert!(!folded.contains("") && !folded.contains("mrs") && !folded.contains("mé"));
        // nine bytes never match, whatever the first eight are
        let long = PackedWords::new(&["abcdefgh"], false);
        assert!(long.contains("abcdefgh") && !long.contains("abcdefghi"));
        assert_eq!(long.len(), 1);
    }

    #[test]
    fn keys_pack_bytes_first_lowest() {
        // the definition: each byte in its place, the first lowest, lowercased on request
        for w in [
            "", "a", "Mr", "Sen", "Sept", "Messrs", "abcdefg", "ABCDEFGH", "a-b.c", "é",
        ] {
            for lower in [false, true] {
                let want = (!w.is_empty() && w.len() <= 8 && w.is_ascii()).then(|| {
                    w.bytes().rev().fold(0u64, |k, c| {
                        (k << 8) | u64::from(if lower { c.to_ascii_lowercase() } else { c })
                    })
                });
                assert_eq!(super::key(w, lower), want, "{w:?} {lower}");
            }
        }
    }
}
