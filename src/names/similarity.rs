//! How alike two spellings of a name are.

/// Lowercase, with common Latin diacritics removed ("Orbán" -> "orban").
pub fn fold(s: &str) -> String {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
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
        })
        .collect()
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

/// Two different spellings that are likely one name misspelled: same first letter,
/// within the edit distance allowed for their length. Identical folded forms
/// ("Orban"/"Orbán") are variants too.
pub fn similar(a: &str, b: &str, t: Thresholds) -> bool {
    if a == b {
        return false;
    }
    // cheap rejections before any allocation: lengths too far apart, different initials
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.abs_diff(lb) > t.long_max_distance.max(t.max_distance) || la.min(lb) < t.min_length {
        return false;
    }
    if a.is_ascii() && b.is_ascii() {
        if !a.as_bytes()[0].eq_ignore_ascii_case(&b.as_bytes()[0]) {
            return false;
        }
        let allowed = if la.min(lb) >= t.long_length {
            t.long_max_distance
        } else {
            t.max_distance
        };
        if a.eq_ignore_ascii_case(b) {
            return true;
        }
        // ASCII names: compare case-insensitively without folding through a String
        return osa_ascii(a.as_bytes(), b.as_bytes()) <= allowed;
    }
    let (fa, fb) = (fold(a), fold(b));
    if fa == fb {
        return true;
    }
    let len = fa.chars().count().min(fb.chars().count());
    if len < t.min_length || fa.chars().next() != fb.chars().next() {
        return false;
    }
    let allowed = if len >= t.long_length {
        t.long_max_distance
    } else {
        t.max_distance
    };
    strsim::osa_distance(&fa, &fb) <= allowed
}

/// Optimal string alignment distance of two ASCII words, ignoring case, on the stack
/// for words of up to 31 letters.
fn osa_ascii(a: &[u8], b: &[u8]) -> usize {
    const MAX: usize = 32;
    if a.len() >= MAX || b.len() >= MAX {
        return strsim::osa_distance(
            &String::from_utf8_lossy(a).to_ascii_lowercase(),
            &String::from_utf8_lossy(b).to_ascii_lowercase(),
        );
    }
    let (n, m) = (a.len(), b.len());
    let mut prev2 = [0usize; MAX];
    let mut prev = [0usize; MAX];
    let mut cur = [0usize; MAX];
    for (j, v) in prev.iter_mut().enumerate().take(m + 1) {
        *v = j;
    }
    for i in 1..=n {
        cur[0] = i;
        for j in 1..=m {
            let cost = usize::from(!a[i - 1].eq_ignore_ascii_case(&b[j - 1]));
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1
                && j > 1
                && a[i - 1].eq_ignore_ascii_case(&b[j - 2])
                && a[i - 2].eq_ignore_ascii_case(&b[j - 1])
            {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
        }
        prev2 = prev;
        prev = cur;
    }
    prev[m]
}

/// The deletion neighbourhood of a folded word (the word and every form with up to `k`
/// characters removed): two words within distance `k` share at least one entry, which
/// lets an index find candidates without comparing every pair.
pub fn deletions(word: &str, k: usize) -> Vec<String> {
    let mut out = vec![word.to_string()];
    let mut frontier = vec![word.to_string()];
    for _ in 0..k {
        let mut next = Vec::new();
        for w in &frontier {
            let chars: Vec<char> = w.chars().collect();
            if chars.len() <= 1 {
                continue;
            }
            for i in 0..chars.len() {
                let d: String = chars
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != i)
                    .map(|(_, c)| c)
                    .collect();
                next.push(d);
            }
        }
        next.sort();
        next.dedup();
        out.extend(next.iter().cloned());
        frontier = next;
    }
    // a form of one letter or none would put unrelated short names in one bucket
    out.retain(|w| w.chars().count() >= 2);
    out.sort();
    out.dedup();
    out
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
            assert_eq!(
                super::osa_ascii(a.as_bytes(), b.as_bytes()),
                strsim::osa_distance(&a.to_lowercase(), &b.to_lowercase()),
                "{a} {b}"
            );
        }
    }

    #[test]
    fn deletion_neighbourhoods_meet_within_distance() {
        let a = deletions("jack", 2);
        let b = deletions("jake", 2);
        assert!(a.iter().any(|x| b.contains(x)));
        assert!(
            deletions("brown", 1)
                .iter()
                .any(|x| deletions("brwon", 1).contains(x))
        );
    }
}
