//! The cross-file name index: every full name each document uses, merged, and the pairs
//! of spellings that are likely one person. Candidate pairs come from deletion
//! neighbourhoods (names that share a form with one or two letters removed), so the
//! index never compares every name with every other: its size and its work grow with
//! the number of distinct names.

use rustc_hash::{FxHashMap, FxHashSet};

use super::similarity::{self, Thresholds, fold};
use crate::text::Span;

/// A person as one document names them: the full name, and where it is mentioned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocPerson {
    pub words: Vec<String>,
    /// Every mention of this person in the document (full name and short forms).
    pub spans: Vec<Span>,
    /// The first mention that spells the full name (or the first mention).
    pub first: Span,
}

/// The names of one document, as the cross-file check needs them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocNames {
    pub path: String,
    pub people: Vec<DocPerson>,
}

impl DocNames {
    /// The people of a linted document that have evidence of being people and a full name.
    pub fn from_document(doc: &crate::Document) -> DocNames {
        let mut people = Vec::new();
        for p in &doc.people.persons {
            if p.words.len() < 2 || p.evidence == 0 {
                continue;
            }
            let spans: Vec<Span> = p
                .mentions
                .iter()
                .map(|&m| doc.people.mentions[m].span)
                .collect();
            let first = p
                .mentions
                .iter()
                .map(|&m| &doc.people.mentions[m])
                .find(|m| m.words.len() == p.words.len())
                .map_or(spans[0], |m| m.span);
            people.push(DocPerson {
                words: p.words.clone(),
                spans,
                first,
            });
        }
        DocNames {
            path: doc.path.to_string(),
            people,
        }
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
                let full = person.words.join(" ");
                let f = *idx.by_full.entry(full).or_insert_with(|| {
                    idx.forms.push(Form {
                        words: person.words.clone(),
                        uses: Vec::new(),
                    });
                    (idx.forms.len() - 1) as u32
                });
                idx.forms[f as usize].uses.push((d as u32, p as u32));
            }
        }
        idx
    }

    /// Pairs of forms (a, b) that are likely one person spelled two ways.
    pub fn similar_pairs(
        &self,
        last: Thresholds,
        first_max_distance: usize,
    ) -> Vec<(usize, usize, Differs)> {
        let mut pairs = FxHashSet::default();
        // same words but the last, last words within `last`
        let mut buckets: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, f) in self.forms.iter().enumerate() {
            let (init, tail) = f.words.split_at(f.words.len() - 1);
            let prefix = init.iter().map(|w| fold(w)).collect::<Vec<_>>().join(" ");
            for d in similarity::deletions(
                &fold(&tail[0]),
                last.long_max_distance.max(last.max_distance).min(2),
            ) {
                buckets
                    .entry(format!("L|{prefix}|{d}"))
                    .or_default()
                    .push(i);
            }
            // same last word, first words within `first_max_distance`
            let rest = f.words[1..]
                .iter()
                .map(|w| fold(w))
                .collect::<Vec<_>>()
                .join(" ");
            for d in similarity::deletions(&fold(&f.words[0]), first_max_distance.min(2)) {
                buckets.entry(format!("F|{rest}|{d}")).or_default().push(i);
            }
        }
        for (key, list) in buckets {
            if list.len() < 2 {
                continue;
            }
            let last_part = key.starts_with("L|");
            for (x, &a) in list.iter().enumerate() {
                for &b in &list[x + 1..] {
                    if a == b {
                        continue;
                    }
                    let (fa, fb) = (&self.forms[a], &self.forms[b]);
                    if fa.words.len() != fb.words.len() {
                        continue;
                    }
                    let ok = if last_part {
                        similarity::similar(
                            fa.words.last().map_or("", |s| s),
                            fb.words.last().map_or("", |s| s),
                            last,
                        )
                    } else {
                        let (wa, wb) = (&fa.words[0], &fb.words[0]);
                        wa != wb
                            && wa.chars().next() == wb.chars().next()
                            && wa.chars().count().min(wb.chars().count()) >= 3
                            && similarity::distance(wa, wb) <= first_max_distance
                    };
                    if ok {
                        pairs.insert((
                            a.min(b),
                            a.max(b),
                            if last_part {
                                Differs::Last
                            } else {
                                Differs::First
                            },
                        ));
                    }
                }
            }
        }
        let mut v: Vec<_> = pairs.into_iter().collect();
        v.sort();
        v
    }
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
                    words: n.split(' ').map(String::from).collect(),
                    spans: vec![Span::new(0, 1)],
                    first: Span::new(0, 1),
                })
                .collect(),
        }
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
}
