//! How alike two spellings of a name are.

/// Lowercase, with common Latin diacritics removed ("Orbán" -> "orban").
pub fn fold(s: &str) -> String {
    // most names are ASCII: one copy, lowercased in place, no per-character pushes
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    out.extend(s.chars().flat_map(char::to_lowercase).map(|c| match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' | 'ą' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' | 'ő' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ç' | 'ć' | 'č' => 'c',
        'ñ' | 'ń' | 'ň' => 'n',
        'ś' | 'š' | 'ş' => 's',
        'ź' | 'ž' | 'ż' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        'ý' | 'ÿ' => 'y',
        'ğ' => 'g',
        'đ' | 'ď' => 'd',
        'ť' => 't',
        '’' => '\'',
        c => c,
    }));
    out
}

/// Edit distance with transpositions (optimal string alignment), on folded forms.
pub fn distance(a: &str, b: &str) -> usize {
    strsim::osa_distance(&fold(a), &fold(b))
}

/// Thresholds for calling two spellings one name.
#[derive(Clone, Copy, Debug)]
pub struct Thresholds {
    pub min_length: usize,
    pub max_distance: usize,
    pub long_length: usize,
    pub long_max_distance: usize,
}

impl Thresholds {
    /// The edit distance allowed between names whose shorter one has `len` characters.
    pub fn allowed(&self, len: usize) -> usize {
        if len >= self.long_length {
            self.long_max_distance
        } else {
            self.max_distance
        }
    }
}

/// Two different spellings that are likely one name misspelled: same first letter,
/// within the edit distance allowed for their length. Identical folded forms
/// ("Orban"/"Orbán") are variants too.
pub fn similar(a: &str, b: &str, t: Thresholds) -> bool {
    if a == b {
        return false;
    }
    // cheap rejections before any allocation: lengths too far apart, different initials
    // (an ASCII word's length is its byte count: no characters to count)
    let ascii = a.is_ascii() && b.is_ascii();
    let (la, lb) = if ascii {
        (a.len(), b.len())
    } else {
        (a.chars().count(), b.chars().count())
    };
    if la.abs_diff(lb) > t.long_max_distance.max(t.max_distance) || la.min(lb) < t.min_length {
        return false;
    }
    if ascii {
        if !a.as_bytes()[0].eq_ignore_ascii_case(&b.as_bytes()[0]) {
            return false;
        }
        if a.eq_ignore_ascii_case(b) {
            return true;
        }
        // ASCII names: compare case-insensitively without folding through a String
        let allowed = t.allowed(la.min(lb));
        return osa_ascii(a.as_bytes(), b.as_bytes(), allowed) <= allowed;
    }
    let (fa, fb) = (fold(a), fold(b));
    if fa == fb {
        return true;
    }
    let len = fa.chars().count().min(fb.chars().count());
    if len < t.min_length || fa.chars().next() != fb.chars().next() {
        return false;
    }
    strsim::osa_distance(&fa, &fb) <= t.allowed(len)
}

/// Optimal string alignment distance of two ASCII words, ignoring case, on the stack
/// for words of up to 31 letters. Exact when it is at most `limit`; otherwise some
/// value above `limit`: callers only ask "within `limit`?", and most pairs compared are
/// far apart. So only the band of cells within `limit` of the diagonal is computed
/// (a cell further out costs more than `limit` to reach), and the work stops once two
/// rows are above the limit.
fn osa_ascii(a: &[u8], b: &[u8], limit: usize) -> usize {
    const MAX: usize = 32;
    if a.len() >= MAX || b.len() >= MAX {
        return strsim::osa_distance(
            &String::from_utf8_lossy(a).to_ascii_lowercase(),
            &String::from_utf8_lossy(b).to_ascii_lowercase(),
        );
    }
    let (n, m) = (a.len(), b.len());
    // no distance here exceeds 31: a larger limit is no limit
    let limit = limit.min(MAX);
    if n.abs_diff(m) > limit {
        return limit + 1;
    }
    // the letters each word has and the other lacks: an edit adds or removes at most
    // one letter of each word's set (a swap none), so the distance is at least half the
    // letters not shared. Most pairs compared share too few letters to be near.
    if (letter_set(a) ^ letter_set(b)).count_ones() as usize > 2 * limit {
        return limit + 1;
    }
    // cells outside the band hold `above`: no more than their true value (which is
    // above the limit), so a cell computed at or under the limit is exact
    let above = (limit + 1) as u8;
    // rows of bytes: copying one is a single 32-byte move
    let mut prev2 = [above; MAX];
    let mut prev = [above; MAX];
    for (j, v) in prev.iter_mut().enumerate().take(m.min(limit) + 1) {
        *v = j as u8;
    }
    let mut prev_min = 0usize;
    for i in 1..=n {
        let mut cur = [above; MAX];
        cur[0] = if i <= limit { i as u8 } else { above };
        let mut row_min = usize::from(cur[0]);
        for j in i.saturating_sub(limit).max(1)..=(i + limit).min(m) {
            let cost = u8::from(!a[i - 1].eq_ignore_ascii_case(&b[j - 1]));
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1
                && j > 1
                && a[i - 1].eq_ignore_ascii_case(&b[j - 2])
                && a[i - 2].eq_ignore_ascii_case(&b[j - 1])
            {
                v = v.min(prev2[j - 2] + 1);
            }
            let v = v.min(above);
            cur[j] = v;
            row_min = row_min.min(usize::from(v));
        }
        // every cell of the next row builds on this row or the one before it (plus one):
        // once both are above the limit, so is the answer
        if row_min > limit && prev_min > limit {
            return limit + 1;
        }
        prev_min = row_min;
        prev2 = prev;
        prev = cur;
    }
    usize::from(prev[m])
}

/// The bytes of an ASCII word as a set, ignoring case: bit `b & 63` of `b | 0x20`. Other
/// bytes may share a bit with a letter, which only makes the sets look more alike (the
/// bound [`osa_ascii`] draws from them stays a lower bound).
fn letter_set(w: &[u8]) -> u64 {
    w.iter().fold(0, |set, &b| set | 1 << ((b | 0x20) & 63))
}

/// The deletion neighbourhood of a folded word (the word and every form with up to `k`
/// characters removed, `k` at most 2), as hashes mixed with `seed`: two words within
/// distance `k` share at least one entry, which lets an index find candidates without
/// comparing every pair. Hashes rather than strings: the index makes tens per name.
/// Forms shorter than two characters are left out (they would put unrelated short names
/// in one bucket); a hash may repeat.
pub fn deletion_hashes(word: &str, k: usize, seed: u64, out: &mut Vec<u64>) {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    let step =
        |h: u64, c: char| (h.rotate_left(5) ^ u64::from(c)).wrapping_mul(0x517c_c1b7_2722_0a95);
    let finish = |mut h: u64| {
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^ (h >> 33)
    };
    // the hash of a form is the word's characters stepped in order, skipping the removed
    // ones: the state after each prefix is computed once and each form goes on from the
    // state before its first removal, not from the start
    let rest = |mut h: u64, from: usize| {
        for &c in &chars[from.min(n)..] {
            h = step(h, c);
        }
        finish(h)
    };
    let mut prefix = Vec::with_capacity(n + 1);
    prefix.push(seed);
    for (i, &c) in chars.iter().enumerate() {
        prefix.push(step(prefix[i], c));
    }
    if n >= 2 {
        out.push(finish(prefix[n]));
    }
    if k >= 1 && n >= 3 {
        for (i, &before) in prefix[..n].iter().enumerate() {
            out.push(rest(before, i + 1));
        }
    }
    if k >= 2 && n >= 4 {
        for (i, &before) in prefix[..n].iter().enumerate() {
            // the state after the characters between the two removals
            let mut mid = before;
            for (j, &c) in chars.iter().enumerate().skip(i + 1) {
                out.push(rest(mid, j + 1));
                mid = step(mid, c);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: Thresholds = Thresholds {
        min_length: 4,
        max_distance: 1,
        long_length: 9,
        long_max_distance: 2,
    };

    #[test]
    fn fold_lowercases_and_drops_diacritics() {
        assert_eq!(fold("McDONALD O'Neill"), "mcdonald o'neill");
        assert_eq!(
            fold("Orbán Łukasz O’Neill ŞAHİN"),
            "orban lukasz o'neill sahi\u{307}n"
        );
        assert_eq!(fold(""), "");
    }

    #[test]
    fn typos_are_similar_different_names_are_not() {
        assert!(similar("Pengyu", "Pengya", T));
        assert!(similar("Brown", "Brwon", T));
        assert!(similar("Orbán", "Orban", T));
        assert!(!similar("Brown", "Crown", T));
        assert!(!similar("Bill", "Hillary", T));
        assert!(!similar("Lee", "Leo", T));
        assert!(!similar("Johnson", "Jackson", T));
    }

    #[test]
    fn ascii_osa_matches_strsim() {
        for (a, b) in [
            ("Brown", "Brwon"),
            ("Pengyu", "Pengya"),
            ("Johnson", "Jackson"),
            ("abc", "ABD"),
            ("Sullivan", "Sulivan"),
            ("", "x"),
        ] {
            let d = strsim::osa_distance(&a.to_lowercase(), &b.to_lowercase());
            assert_eq!(
                super::osa_ascii(a.as_bytes(), b.as_bytes(), 99),
                d,
                "{a} {b}"
            );
            agrees_at_every_limit(a, b);
        }
    }

    /// With a limit, `osa_ascii` is exact within it and above it otherwise (strsim's
    /// distance, on lowercased words, is the reference).
    fn agrees_at_every_limit(a: &str, b: &str) {
        let d = strsim::osa_distance(&a.to_lowercase(), &b.to_lowercase());
        for limit in 0..4 {
            let got = super::osa_ascii(a.as_bytes(), b.as_bytes(), limit);
            assert_eq!(got <= limit, d <= limit, "{a} {b} {limit}");
            if d <= limit {
                assert_eq!(got, d, "{a} {b} {limit}");
            }
        }
    }

    #[test]
    fn ascii_osa_with_a_limit_agrees_on_generated_words() {
        // pairs of words over a three-letter alphabet up to length 6, tens of thousands
        let mut words = vec![String::new()];
        for _ in 0..6 {
            let more: Vec<String> = words
                .iter()
                .filter(|w| w.len() < 6)
                .flat_map(|w| ["a", "b", "C"].map(|c| format!("{w}{c}")))
                .collect();
            words.extend(more);
            words.sort();
            words.dedup();
        }
        for a in words.iter().step_by(3) {
            for b in words.iter().step_by(7) {
                agrees_at_every_limit(a, b);
            }
        }
    }

    fn hashes(w: &str, k: usize) -> Vec<u64> {
        let mut v = Vec::new();
        deletion_hashes(w, k, 7, &mut v);
        v
    }

    #[test]
    fn deletion_neighbourhoods_meet_within_distance() {
        let meet = |a: &str, b: &str, k| hashes(a, k).iter().any(|x| hashes(b, k).contains(x));
        assert!(meet("jack", "jake", 2));
        assert!(meet("brown", "brwon", 1));
        assert!(meet("pengya", "pengyu", 1));
        assert!(!meet("brown", "green", 1));
        assert!(!meet("jack", "mary", 2));
        // the word itself, 4 one-letter deletions, 6 two-letter ones
        assert_eq!(hashes("jack", 2).len(), 11);
        // one-letter forms are left out
        assert_eq!(hashes("ab", 2).len(), 1);
        assert!(hashes("a", 2).is_empty());
    }

    #[test]
    fn deletion_hashes_are_the_hashes_of_the_shortened_words() {
        // the definition: each form's characters hashed from the seed, in the order the
        // forms are listed (the word, one removal, two removals)
        fn form_hash(chars: &[char], skip: [usize; 2], seed: u64) -> u64 {
            let mut h = seed;
            for (i, &c) in chars.iter().enumerate() {
                if i != skip[0] && i != skip[1] {
                    h = (h.rotate_left(5) ^ u64::from(c)).wrapping_mul(0x517c_c1b7_2722_0a95);
                }
            }
            h ^= h >> 33;
            h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
            h ^ (h >> 33)
        }
        for w in [
            "",
            "a",
            "ab",
            "abc",
            "jack",
            "pengyu",
            "orbán",
            "sullivanova",
        ] {
            let chars: Vec<char> = w.chars().collect();
            let n = chars.len();
            for k in 0..=2 {
                let mut want = Vec::new();
                if n >= 2 {
                    want.push(form_hash(&chars, [n, n], 7));
                }
                if k >= 1 && n >= 3 {
                    want.extend((0..n).map(|i| form_hash(&chars, [i, n], 7)));
                }
                if k >= 2 && n >= 4 {
                    for i in 0..n {
                        want.extend((i + 1..n).map(|j| form_hash(&chars, [i, j], 7)));
                    }
                }
                assert_eq!(hashes(w, k), want, "{w} {k}");
            }
        }
    }
}
