//! The cross-file name index: every full name each document uses, merged, and the pairs
//! of spellings that are likely one person. Candidate pairs come from deletion
//! neighbourhoods (names that share a form with one or two letters removed), so the
//! index never compares every name with every other: its size and its work grow with
//! the number of distinct names.

use rustc_hash::FxHashMap;

use super::similarity::{self, Thresholds, fold};
use crate::text::Span;

/// A person as one document names them: the full name, and where it is first spelled
/// out. Kept for every document of a run until the names are compared, so it is small:
/// one string, no list of mentions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocPerson {
    /// The name's words joined by single spaces (words never contain spaces).
    pub full: Box<str>,
    /// The first mention that spells the full name (or the first mention).
    pub first: Span,
    /// Line and column of `first`'s start and end.
    pub first_position: (crate::text::LineCol, crate::text::LineCol),
}

impl DocPerson {
    /// The name's words.
    pub(crate) fn words(&self) -> impl Iterator<Item = &str> {
        self.full.split(' ')
    }
}

/// The names of one document, as the cross-file check needs them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocNames {
    /// The document's path.
    pub path: String,
    /// The people it names with a full name and evidence of being people.
    pub people: Vec<DocPerson>,
    /// What the document is about, to tell drafts of one story from unrelated stories.
    pub context: Context,
}

/// The distinctive capitalised words of a document (names of people, places,
/// organisations, events; not sentence openers, function words, days, titles or
/// acronyms), folded and hashed, sorted. Two drafts of one story share many of them; two
/// unrelated stories that each name a Williams share few. At most [`Context::MAX`] are
/// kept (the smallest hashes: a fixed sample of the words, so two long documents still
/// keep the same sample of the words they share), which bounds what the cross-file check
/// holds per document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context(Box<[u64]>);

impl Context {
    /// The most words kept per document.
    pub const MAX: usize = 256;

    /// The hash a word is kept as (folded, possessive removed).
    pub(crate) fn hash(word: &str) -> u64 {
        let w = crate::text::possessive::strip_s(word);
        hash_words(&[fold(w).as_str()])
    }

    /// The context of these words (any order, repeats allowed).
    #[cfg(test)]
    pub(crate) fn from_words<'w>(words: impl IntoIterator<Item = &'w str>) -> Context {
        Context::from_hashes(words.into_iter().map(Context::hash).collect())
    }

    /// The context of these word hashes (any order, repeats allowed).
    pub(crate) fn from_hashes(mut hashes: Vec<u64>) -> Context {
        hashes.sort_unstable();
        hashes.dedup();
        hashes.truncate(Context::MAX);
        Context(hashes.into_boxed_slice())
    }

    /// How many words the two contexts share, leaving out `except` (the hashes of the
    /// name being compared), and the size of the smaller context without them.
    pub(crate) fn overlap(&self, other: &Context, except: &[u64]) -> (usize, usize) {
        let size = |c: &Context| c.0.iter().filter(|h| !except.contains(h)).count();
        let (mut i, mut j, mut shared) = (0, 0, 0);
        let (a, b) = (&self.0, &other.0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += usize::from(!except.contains(&a[i]));
                    i += 1;
                    j += 1;
                }
            }
        }
        (shared, size(self).min(size(other)))
    }
}

/// One spelling of a full name and the documents that use it.
#[derive(Debug, Default)]
pub struct Form {
    pub words: Vec<String>,
    /// (document, person) pairs.
    pub uses: Vec<(u32, u32)>,
}

impl Form {
    pub fn full(&self) -> String {
        self.words.join(" ")
    }
    pub fn doc_count(&self) -> usize {
        let mut docs: Vec<u32> = self.uses.iter().map(|u| u.0).collect();
        docs.dedup();
        docs.len()
    }
}

#[derive(Debug, Default)]
pub struct NameIndex {
    pub forms: Vec<Form>,
    by_full: FxHashMap<String, u32>,
}

/// Which part of two full names differs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Differs {
    /// "Liu Pengya" / "Liu Pengyu", "Gordon Brown" / "Gordon Brwon".
    Last,
    /// "Jack Sullivan" / "Jake Sullivan".
    First,
}

impl NameIndex {
    /// Merges the per-document results (documents are linted in parallel first).
    pub fn build(docs: &[DocNames]) -> NameIndex {
        let mut idx = NameIndex::default();
        for (d, doc) in docs.iter().enumerate() {
            for (p, person) in doc.people.iter().enumerate() {
                // looked up by `&str`: only a new form allocates its key
                let f = match idx.by_full.get(&*person.full) {
                    Some(&f) => f,
                    None => {
                        let f = idx.forms.len() as u32;
                        idx.forms.push(Form {
                            words: person.words().map(String::from).collect(),
                            uses: Vec::new(),
                        });
                        idx.by_full.insert(person.full.to_string(), f);
                        f
                    }
                };
                idx.forms[f as usize].uses.push((d as u32, p as u32));
            }
        }
        idx
    }

    /// Pairs of forms (a, b) that are likely one person spelled two ways.
    ///
    /// Candidates share a key: for a differing last word, a hash of the other words and
    /// of one entry of the last word's deletion neighbourhood; for a differing first word,
    /// a hash of the other words. Keys are sorted, not kept in a map, so memory stays a
    /// few words per key and the work grows with the number of distinct names.
    pub fn similar_pairs(
        &self,
        last: Thresholds,
        first_max_distance: usize,
    ) -> Vec<(usize, usize, Differs)> {
        // the two searches are independent: on two threads they shorten the serial end
        // of a run (this pass starts only when every file is read)
        let (mut pairs, first) = crate::par::join(
            || self.last_word_pairs(last),
            || self.first_word_pairs(first_max_distance),
        );
        pairs.extend(first);
        pairs.sort_unstable();
        pairs.dedup();
        pairs
    }

    /// Pairs of forms whose last words are similar and whose other words are the same.
    fn last_word_pairs(&self, last: Thresholds) -> Vec<(usize, usize, Differs)> {
        let mut pairs = Vec::new();
        // each key is one integer: the hash's high bits above the form's index, so that
        // sorting (most of this pass) compares single words. A hash cut short can only
        // make two forms share a key by chance, and every candidate is compared below.
        let index_bits = (usize::BITS - self.forms.len().leading_zeros()).max(1);
        let index_mask = (1u64 << index_bits) - 1;
        let mut keys: Vec<u64> = Vec::with_capacity(self.forms.len() * 8);
        let mut hashes = Vec::new();
        for (i, f) in self.forms.iter().enumerate() {
            let folded: Vec<String> = f.words.iter().map(|w| fold(w)).collect();
            let (init, tail) = folded.split_at(folded.len() - 1);
            let init_refs: Vec<&str> = init.iter().map(String::as_str).collect();
            let prefix = hash_words(&init_refs);
            let len = tail[0].chars().count();
            let k = last.allowed(len).min(2);
            hashes.clear();
            similarity::deletion_hashes(&tail[0], k, prefix, &mut hashes);
            keys.extend(hashes.iter().map(|&h| h & !index_mask | i as u64));
        }
        keys.sort_unstable();
        keys.dedup();
        for run in keys.chunk_by(|a, b| a & !index_mask == b & !index_mask) {
            for (x, &a) in run.iter().enumerate() {
                let a = (a & index_mask) as usize;
                for &b in &run[x + 1..] {
                    let b = (b & index_mask) as usize;
                    let (fa, fb) = (&self.forms[a], &self.forms[b]);
                    if fa.words.len() == fb.words.len()
                        && fa.words[..fa.words.len() - 1] == fb.words[..fb.words.len() - 1]
                        && similarity::similar(
                            fa.words.last().map_or("", |s| s),
                            fb.words.last().map_or("", |s| s),
                            last,
                        )
                    {
                        pairs.push((a.min(b), a.max(b), Differs::Last));
                    }
                }
            }
        }
        pairs
    }

    /// Pairs of forms whose first words are similar and whose other words are the same:
    /// forms are grouped by the rest of the name and compared within a group.
    fn first_word_pairs(&self, first_max_distance: usize) -> Vec<(usize, usize, Differs)> {
        let mut pairs = Vec::new();
        let mut groups: Vec<(u64, u32)> = self
            .forms
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let rest: Vec<String> = f.words[1..].iter().map(|w| fold(w)).collect();
                let refs: Vec<&str> = rest.iter().map(String::as_str).collect();
                (hash_words(&refs), i as u32)
            })
            .collect();
        groups.sort_unstable();
        for run in groups.chunk_by(|a, b| a.0 == b.0) {
            if run.len() < 2 {
                continue;
            }
            // within a group only first words with the same initial can pair
            let mut members: Vec<(char, u32)> = run
                .iter()
                .map(|&(_, i)| {
                    (
                        self.forms[i as usize].words[0]
                            .chars()
                            .next()
                            .unwrap_or(' '),
                        i,
                    )
                })
                .collect();
            members.sort_unstable();
            for same in members.chunk_by(|a, b| a.0 == b.0) {
                for (x, &(_, a)) in same.iter().enumerate() {
                    for &(_, b) in &same[x + 1..] {
                        let (fa, fb) = (&self.forms[a as usize], &self.forms[b as usize]);
                        let (wa, wb) = (&fa.words[0], &fb.words[0]);
                        if fa.words.len() == fb.words.len()
                            && fa.words[1..] == fb.words[1..]
                            && wa != wb
                            && wa.chars().count().min(wb.chars().count()) >= 3
                            && similarity::distance(wa, wb) <= first_max_distance
                        {
                            pairs.push((a.min(b) as usize, a.max(b) as usize, Differs::First));
                        }
                    }
                }
            }
        }
        pairs
    }
}

/// One hash of several words (the name index's grouping keys).
fn hash_words(parts: &[&str]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    for p in parts {
        p.hash(&mut h);
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(path: &str, names: &[&str]) -> DocNames {
        DocNames {
            path: path.into(),
            people: names
                .iter()
                .map(|n| DocPerson {
                    full: (*n).into(),
                    first: Span::new(0, 1),
                    first_position: Default::default(),
                })
                .collect(),
            context: Context::default(),
        }
    }

    #[test]
    fn contexts_share_the_distinctive_words_of_a_story() {
        let cfg = crate::Config::builtin().expect("built-in config");
        let context = |text: &str| {
            let doc = crate::Document::new("d.txt", text, &cfg);
            Context::of_document(&doc)
        };
        let a = context(
            "On Monday the minister met Liu Pengyu in Rome. Officials from Beijing and \
             the White House said the talks with Yang Jiechi went on. The BBC reported it.",
        );
        let b = context(
            "Yang Jiechi flew to Rome on Tuesday. The talks, said Liu Pengyu of the \
             embassy, were with Washington. Mr Sullivan said so to CNN.",
        );
        let except: Vec<u64> = ["Liu", "Pengyu"].map(Context::hash).to_vec();
        // Rome and Jiechi: not sentence openers ("Yang" opens one in b), days, titles,
        // acronyms or the name compared
        assert_eq!(a.overlap(&b, &except).0, 2);
        assert_eq!(a.overlap(&b, &[]).0, 4);
        assert_eq!(Context::from_words(["Rome", "Rome’s", "rome"]).0.len(), 1);
    }

    #[test]
    fn finds_spelling_pairs_without_false_friends() {
        let docs = vec![
            doc("a", &["Liu Pengya", "Jack Sullivan", "Bill Clinton"]),
            doc("b", &["Liu Pengyu", "Jake Sullivan", "Hillary Clinton"]),
            doc("c", &["Jake Sullivan", "Donald Trump", "Ivanka Trump"]),
        ];
        let idx = NameIndex::build(&docs);
        let t = Thresholds {
            min_length: 4,
            max_distance: 1,
            long_length: 9,
            long_max_distance: 2,
        };
        let pairs: Vec<(String, String)> = idx
            .similar_pairs(t, 2)
            .into_iter()
            .map(|(a, b, _)| (idx.forms[a].full(), idx.forms[b].full()))
            .collect();
        assert_eq!(pairs.len(), 2, "{pairs:?}");
        assert!(pairs.contains(&("Liu Pengya".into(), "Liu Pengyu".into())));
        assert!(pairs.contains(&("Jack Sullivan".into(), "Jake Sullivan".into())));
    }

    #[test]
    fn last_word_pairs_are_every_similar_pair() {
        // a few thousand generated names, so that the forms' index takes a dozen bits of
        // each key: the index must find exactly the pairs a comparison of all finds
        let t = Thresholds {
            min_length: 4,
            max_distance: 1,
            long_length: 9,
            long_max_distance: 2,
        };
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) % n
        };
        let names: Vec<String> = (0..3000)
            .map(|_| {
                let given = ["Ana", "Li", "Omar"][next(3) as usize];
                let len = 4 + next(8) as usize;
                let last: String = (0..len)
                    .map(|i| {
                        let c = (b'a' + next(4) as u8) as char;
                        if i == 0 { c.to_ascii_uppercase() } else { c }
                    })
                    .collect();
                format!("{given} {last}")
            })
            .collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let idx = NameIndex::build(&[doc("a", &refs)]);
        let mut want = Vec::new();
        for a in 0..idx.forms.len() {
            for b in a + 1..idx.forms.len() {
                let (fa, fb) = (&idx.forms[a].words, &idx.forms[b].words);
                if fa[0] == fb[0] && similarity::similar(&fa[1], &fb[1], t) {
                    want.push((a, b));
                }
            }
        }
        let mut got: Vec<(usize, usize)> = idx
            .last_word_pairs(t)
            .into_iter()
            .map(|(a, b, _)| (a, b))
            .collect();
        got.sort_unstable();
        got.dedup();
        assert!(want.len() > 50, "{}", want.len());
        assert_eq!(got, want);
    }
}
