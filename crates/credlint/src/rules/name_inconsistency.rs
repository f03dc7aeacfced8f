//! `name-inconsistency`: one person's name spelled two ways, in one document or across a
//! directory of drafts.

use rustc_hash::FxHashMap;
use serde::Deserialize;

use super::{Rule, RuleDef, RuleMeta, Sink, options};
use crate::analysis::Document;
use crate::diagnostic::{Diagnostic, Edit};
use crate::lexicon::class;
use crate::names::index::{Context, Differs, DocNames, Form, NameIndex};
use crate::names::similarity::{self, Thresholds};
use crate::text::Span;
use crate::text::possessive::strip as strip_possessive;

pub const DEF: RuleDef = RuleDef {
    meta: RuleMeta {
        id: "name-inconsistency",
        summary: "one person's name spelled two ways, in a document or across documents",
        doc: DOC,
    },
    build: |v| Ok(Box::new(NameInconsistency(options(v)?))),
};

const DOC: &str = r#"# name-inconsistency

## What it does
Finds one person's name spelled two ways: within a document ("Gordon Brown … Mr Brwon
said"), and across every document of a run ("Liu Pengya" in one draft, "Liu Pengyu" in
another; "Jack Sullivan" in one, "Jake Sullivan" in four others). Across files it points
at the spelling that differs from the one the other documents use, with those places as
related labels and the majority form as the suggestion; when the evidence is one document
against one, it says so instead of guessing.

Precision comes first. Short forms of one name are not variants (Vladimir Putin / Putin,
Xi Jinping / Xi, Chris Johnson / Mr Johnson); different people who share a name part are
not reported (Bill and Hillary Clinton, Donald Trump and Ivanka Trump); a spelling must
keep the first letter and stay within the edit distance for its length; and a capitalised
word that also appears in lower case, or names a place or an institution, is not a name.

A names registry in `credlint.toml` decides when it has an entry: its variants are
always reported (and `credlint check --fix` rewrites them), and `not-same-as` pairs never are.

## Why is this bad?
A misspelled name is the most common correction newspapers print, and the most
embarrassing: it tells the person named, and every reader who knows them, that the story
was not checked.

## Example
```text
drafts/a.md: Liu Pengya, the Chinese embassy spokesperson, said …
drafts/b.md: Liu Pengyu, the Chinese embassy spokesperson, said …
```
Use instead: one spelling, checked against an authoritative source, and a registry entry:
```toml
[[names]]
canonical = "Liu Pengyu"
variants = ["Liu Pengya"]
family-name = "Liu"
```

## Standard
AP and Reuters: verify the spelling of every name; use the same spelling throughout.

## Options
- `min-length`: shortest name part compared (default 4).
- `max-edit-distance`: edits allowed between two spellings (default 1).
- `long-name-length`, `long-name-edit-distance`: parts at least this long may differ by
  this many edits (defaults 9 and 2).
- `given-name-edit-distance`: edits allowed between two given names with one surname
  ("Jack"/"Jake Sullivan", default 2).
- `cross-file`: compare the documents of a run with each other (default `true`).
- `cross-file-shared-words`: two documents' spellings are compared only when the
  documents share at least this many distinctive capitalised words besides the name
  (other people, places, organisations; default 0: every pair of files). Set it to 1 or
  more where a run holds unrelated stories (an archive).
- `cross-file-given-name-overlap`: when the given names differ by two edits or more
  ("Jack"/"Jake Sullivan"), the share of the smaller document's distinctive words the
  other must also hold (default 0.3). Two people of one family name with near given
  names ("Rhys"/"Roy Williams") in unrelated stories are common; drafts of one story
  share a third or more of those words. `0` turns the requirement off.

## Across files: what counts as one story
A newsroom runs credlint on the drafts of one story (a pre-commit hook, a pull request)
or over a whole folder or archive. Across unrelated stories, two spellings one edit apart
are as often two people ("David Davis" and "David Davies", "Adam" and "Alan Smith") as
one person misspelled, so a spelling in one file is compared with a spelling in another
only when the two files can tell one story. A differing surname with the same given name
("Ingrid Solberg" / "Ingrid Solbreg") is asked about in any two files by default: short
drafts of one story may share no other name, and the same given name is already shared
context. A given name two edits away ("Ali" / "Alan Brennan"), which names a different
person more often than not, needs the files to share `cross-file-given-name-overlap` of
their distinctive capitalised words (other people, places, organisations); drafts of one
story share a third or more, unrelated stories a few percent. A desk that lints an
archive of unrelated stories can also ask for `cross-file-shared-words = 1` (measured on
BBC articles: it drops two of three surname pairs such as "David Kelly" / "David Kelley"
and also some real misspellings); one that wants every pair sets both to 0; one that
wants none sets `cross-file = false`.

Within a document, a capitalised word is not read as a respelling of a surname when every
use of it opens a sentence without a speech verb after it ("Rates rose" beside "Bates",
"Come on." beside "Comey"), when an article comes before it ("the Board"), or when the
writer marked it "[sic]".
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    min_length: usize,
    max_edit_distance: usize,
    long_name_length: usize,
    long_name_edit_distance: usize,
    given_name_edit_distance: usize,
    cross_file: bool,
    cross_file_shared_words: usize,
    cross_file_given_name_overlap: f64,
}

struct NameInconsistency(Options);

impl NameInconsistency {
    fn thresholds(&self) -> Thresholds {
        Thresholds {
            min_length: self.0.min_length,
            max_distance: self.0.max_edit_distance,
            long_length: self.0.long_name_length,
            long_max_distance: self.0.long_name_edit_distance,
        }
    }
}

/// The words the document writes in lower case: a capitalised word among them is a
/// common word, not a name.
struct LowercaseWords<'d> {
    doc: &'d Document<'d>,
    asked: std::cell::Cell<usize>,
    set: std::cell::OnceCell<rustc_hash::FxHashSet<&'d str>>,
}

impl<'d> LowercaseWords<'d> {
    /// Lookups answered by reading the tokens before a set is built: most documents ask
    /// once or twice, and building the set hashes every token.
    const SCANS: usize = 8;

    fn new(doc: &'d Document<'d>) -> Self {
        LowercaseWords {
            doc,
            asked: std::cell::Cell::new(0),
            set: std::cell::OnceCell::new(),
        }
    }

    fn contains(&self, w: &str) -> bool {
        let text = self.doc.prose();
        let lowercase = |t: &str| t.starts_with(|c: char| c.is_lowercase());
        let asked = self.asked.get();
        if asked < Self::SCANS && self.set.get().is_none() {
            self.asked.set(asked + 1);
            return lowercase(w)
                && self
                    .doc
                    .text
                    .tokens
                    .iter()
                    .any(|t| t.span().len() == w.len() && t.text(text) == w);
        }
        self.set
            .get_or_init(|| {
                let tokens = self.doc.text.tokens.iter().map(|t| t.text(text));
                tokens.filter(|t| lowercase(t)).collect()
            })
            .contains(w)
    }
}

/// The capitalised words of a document (as written, possessive removed) that look like
/// misspellings of the given surnames. Each distinct capitalised word meets only the
/// surnames with its initial and a length within two before the edit distance, so the
/// work stays near linear on long documents; almost every document has no candidate.
struct CapWords<'d> {
    /// (surname, candidate), sorted by surname, then candidate length and spelling.
    pairs: Vec<(&'d str, usize, &'d str)>,
    /// Where the surnames and candidates of `pairs` occur (a second pass, only when there
    /// is a pair: one pass per document, never one per name).
    occurrences: FxHashMap<&'d str, Occurrences>,
}

/// How often a capitalised word occurs, its first span, and what its uses say about it.
#[derive(Clone, Copy, Default)]
struct Occurrences {
    count: usize,
    first: Span,
    /// Uses that open a sentence with no speech verb after them ("Rates rose").
    unproven_openings: usize,
    /// A use after an article ("the Board"): no person's surname.
    after_article: bool,
    /// A use the writer marked "[sic]": the spelling is the quoted source's.
    sic: bool,
    /// A use with a title before it or a speech verb after it ("Mr Gate's", "Brwon said").
    named: bool,
    /// A use after a lowercase name particle ("D dal Maso"): part of another name.
    after_particle: bool,
    /// A use right after a capitalised word that is no given name, title or initial,
    /// Uses that are a whole item of a list, alone between commas ("Replacements:
    /// Sheahan, Horan, O'Callaghan."): a roster names different people one by one.
    list_items: usize,
}

impl<'d> CapWords<'d> {
    fn new(doc: &'d Document<'d>, surnames: &[&'d str], t: Thresholds) -> Self {
        let text = doc.prose();
        // surnames by initial, then length: a word meets only the surnames it could be a
        // misspelling of (long documents have thousands of both)
        let mut names: Vec<(char, usize, &str)> = surnames
            .iter()
            .filter_map(|s| s.chars().next().map(|c| (c, s.chars().count(), *s)))
            .collect();
        names.sort_unstable();
        names.dedup();
        // the surnames of each ASCII initial, as a range of `names`: most capitalised
        // words share no initial with any surname and are dropped on their first byte
        let mut by_initial = [(0usize, 0usize); 128];
        for (i, n) in names.iter().enumerate() {
            if n.0.is_ascii() {
                let r = &mut by_initial[n.0 as usize];
                if r.0 == r.1 {
                    r.0 = i;
                }
                r.1 = i + 1;
            }
        }
        // each remaining word is placed against the surnames of its initial (a binary
        // search); only a word that has surnames of its initial and length is
        // remembered, so that it is compared once however often it occurs
        let mut compared: rustc_hash::FxHashSet<&str> = Default::default();
        let mut pairs = Vec::new();
        for &ti in &doc.text.capitalised {
            let raw = doc.text.tokens[ti as usize].text(text);
            let (from, to) = match raw.as_bytes().first() {
                Some(&b) if b.is_ascii() => by_initial[b as usize],
                Some(_) => (0, names.len()),
                None => continue,
            };
            if from == to {
                continue;
            }
            let w = strip_possessive(raw);
            let Some(c) = w.chars().next() else { continue };
            let len = if w.is_ascii() {
                w.len()
            } else {
                w.chars().count()
            };
            let within = &names[from..to];
            let lo = from + within.partition_point(|n| (n.0, n.1) < (c, len.saturating_sub(2)));
            let hi = from + within.partition_point(|n| (n.0, n.1) <= (c, len + 2));
            // most capitalised words are a surname with no other of its initial and length
            // near: nothing to compare, and no need to remember them
            if names[lo..hi].iter().all(|n| n.2 == w) || !compared.insert(w) {
                continue;
            }
            for &(_, _, surname) in &names[lo..hi] {
                if w != surname && similarity::similar(w, surname, t) {
                    pairs.push((surname, len, w));
                }
            }
        }
        pairs.sort_unstable();
        let mut occurrences: FxHashMap<&str, Occurrences> = FxHashMap::default();
        if !pairs.is_empty() {
            for &(surname, _, cand) in &pairs {
                for w in [surname, cand] {
                    occurrences.insert(w, Occurrences::default());
                }
            }
            // the words of `pairs` are capitalised: only capitalised tokens can match
            for &ti in &doc.text.capitalised {
                let tok = &doc.text.tokens[ti as usize];
                let w = strip_possessive(tok.text(text));
                if let Some(o) = occurrences.get_mut(w) {
                    let start = tok.span().start;
                    let at = Span::new(start, start + w.len());
                    if o.count == 0 {
                        o.first = at;
                    }
                    o.count += 1;
                    let raw = Span::new(start, tok.span().end);
                    o.unproven_openings +=
                        usize::from(opens_sentence(text, at) && !speaks_after(doc, raw));
                    o.after_article |= article_before(text, at);
                    o.sic |= sic_after(text, raw);
                    let previous = previous_word(text, at);
                    o.named |= speaks_after(doc, raw)
                        || doc.lexicon.flags(previous.trim_end_matches('.')) & class::TITLE != 0;
                    o.after_particle |= crate::names::is_particle(previous);
                    o.list_items += usize::from(list_item(text, raw));
                }
            }
        }
        CapWords { pairs, occurrences }
    }

    /// The candidates for one surname, shortest first.
    fn candidates<'s>(&'s self, surname: &'s str) -> impl Iterator<Item = &'d str> + 's {
        let lo = self.pairs.partition_point(|p| p.0 < surname);
        self.pairs[lo..]
            .iter()
            .take_while(move |p| p.0 == surname)
            .map(|p| p.2)
    }

    /// Where `word` (a surname or candidate of some pair) occurs capitalised; `None` if
    /// it never does.
    fn get(&self, word: &str) -> Option<Occurrences> {
        self.occurrences.get(word).copied().filter(|o| o.count > 0)
    }
}

fn registry_note() -> String {
    "add the person to the names registry in credlint.toml to settle it: [[names]] canonical = \"…\", variants = [\"…\"]".to_string()
}

/// Every use of a registry variant: always wrong, and `--fix` rewrites it.
fn report_registry_variants(doc: &Document, sink: &mut Sink) {
    let text = doc.prose();
    for (variant, canonical) in doc.registry.rewrites() {
        if variant.is_empty() || variant == canonical {
            continue;
        }
        // where the variant sits inside the canonical form ("Pengyu" in "Liu Pengyu"):
        // an occurrence there is the canonical form, not a variant
        let inside: Vec<usize> = canonical.match_indices(variant).map(|(k, _)| k).collect();
        for (s, m) in text.match_indices(variant) {
            let e = s + m.len();
            let bounded = !text[..s].ends_with(|c: char| c.is_alphanumeric())
                && !text[e..].starts_with(|c: char| c.is_alphanumeric());
            let in_canonical = inside
                .iter()
                .any(|&k| s >= k && text.get(s - k..s - k + canonical.len()) == Some(canonical));
            if !bounded || in_canonical {
                continue;
            }
            let mut d = sink
                .diag(
                    Span::new(s, e),
                    format!(
                        "“{variant}” is listed in the names registry as a variant of “{canonical}”"
                    ),
                )
                .label(format!("write “{canonical}”"))
                .help("`credlint check --fix` rewrites registry variants");
            d.fix = Some(Edit {
                span: Span::new(s, e),
                replacement: canonical.to_string(),
            });
            sink.push(d);
        }
    }
}

/// The people whose names are compared: people with a full name, and people named by
/// surname alone who are clearly people ("Mr Brown", "Gref told") and mentioned more than
/// once. A name the registry lists as a variant is left to the registry's finding, which
/// rewrites it to the canonical spelling.
fn compared_people<'d>(doc: &'d Document) -> Vec<&'d crate::names::Person> {
    let strong = crate::names::evidence::TITLE | crate::names::evidence::SPEECH;
    doc.people
        .persons
        .iter()
        .filter(|p| {
            p.evidence != 0
                && (p.words.len() >= 2 || p.evidence & strong != 0 && p.mentions.len() >= 2)
                && doc.registry.variant_of(&p.full).is_none()
        })
        .collect()
}

/// Why a capitalised word near `p`'s surname is no respelling of it: a real word, a
/// place, an institution, someone else's name, an acronym, a word that is not used as a
/// surname there (see [`not_a_surname_use`]), or an inflection of a one-word name.
fn not_a_respelling(
    doc: &Document,
    persons: &[&crate::names::Person],
    p: &crate::names::Person,
    cand: &str,
    spans: Occurrences,
    lower_words: &LowercaseWords,
) -> bool {
    let surname = p.words.last().map_or("", |s| s.as_str());
    lower_words.contains(cand.to_lowercase().as_str())
        || doc.lexicon.flags(cand)
            & (class::PLACE
                | class::ORG
                | class::OUTLET
                | class::NATIONALITY
                | class::TITLE
                | class::ROLE
                | class::FUNCTION
                | class::GIVEN)
            != 0
        // someone else's full name ("Sylvia Larsen" beside "Chuck Larson"); a person known
        // by surname alone ("Mr Brown") may have been introduced misspelled ("Gordon Brwon")
        || p.words.len() >= 2 && doc.people.persons.iter().any(|q| {
            q.words.len() >= 2
                && q.words.last().is_some_and(|l| l == cand)
                && q.words[0] != p.words[0]
        })
        || doc.registry.different(cand, surname)
        // the registry settles it: its variants are reported, and rewritten, as such
        || doc.registry.variant_of(cand).is_some()
        || cand.chars().all(|c| c.is_uppercase())
        || not_a_surname_use(doc, persons, cand, spans)
        || p.words.len() >= 2 && another_given_name_before(doc, p, spans.first)
        || (p.words.len() == 1 || surname.ends_with("ic") || cand.ends_with("ic"))
            && inflection_of(cand, surname)
}

impl NameInconsistency {
    /// A capitalised word that is one edit from a person's surname and rarer than it: the
    /// first use of each is reported once, unless it is no use of a surname at all.
    fn report_respelled_surnames(
        &self,
        doc: &Document,
        persons: &[&crate::names::Person],
        sink: &mut Sink,
    ) {
        let t = self.thresholds();
        let surnames: Vec<&str> = persons
            .iter()
            .filter_map(|p| p.words.last().map(String::as_str))
            .collect();
        let caps = CapWords::new(doc, &surnames, t);
        let mut reported: rustc_hash::FxHashSet<&str> = Default::default();
        let lower_words = LowercaseWords::new(doc);
        for p in persons {
            let surname = p.words.last().map_or("", |s| s.as_str());
            let mut cands = caps.candidates(surname).peekable();
            if cands.peek().is_none() {
                continue;
            }
            let Some(canon_spans) = caps.get(surname) else {
                continue;
            };
            for cand in cands {
                let Some(spans) = caps.get(cand) else {
                    continue;
                };
                // rarer than the name; "the Clintons" is the family, not a misspelling
                if cand.strip_suffix('s') == Some(surname)
                    || spans.count > canon_spans.count
                    || reported.contains(cand)
                {
                    continue;
                }
                if canon_spans.sic || not_a_respelling(doc, persons, p, cand, spans, &lower_words) {
                    continue;
                }
                // a tie is broken by the full name: the spelling the person was introduced with
                if spans.count == canon_spans.count && spans.first.start < canon_spans.first.start {
                    continue;
                }
                reported.insert(cand);
                let full = p.words.join(" ");
                let d = sink
                    .diag(
                        spans.first,
                        format!(
                            "“{cand}” here, but “{surname}” elsewhere in this document ({full})"
                        ),
                    )
                    .label(format!("spelled “{cand}” here"))
                    .related(None, canon_spans.first, format!("spelled “{surname}” here"))
                    .note(format!(
                        "“{surname}” is used {} time(s), “{cand}” {} time(s)",
                        canon_spans.count, spans.count
                    ))
                    .help(format!(
                        "if this is {full}, write “{surname}”; {}",
                        registry_note()
                    ))
                    .suggest(spans.first, surname.to_string());
                sink.push(d);
            }
        }
    }

    /// Two people of one surname whose given names are near ("Jack" / "Jake Sullivan"),
    /// unless the story says they are relatives.
    fn report_near_given_names(
        &self,
        doc: &Document,
        persons: &[&crate::names::Person],
        sink: &mut Sink,
    ) {
        // people grouped by everything but the first word: only they can pair
        // (sorted into runs, not collected into a map of lists: a stable sort keeps each
        // group in the persons' order)
        let mut multi: Vec<&crate::names::Person> = persons
            .iter()
            .copied()
            .filter(|p| p.words.len() >= 2)
            .collect();
        multi.sort_by(|a, b| a.words[1..].cmp(&b.words[1..]));
        let mut groups: Vec<&[&crate::names::Person]> = multi
            .chunk_by(|a, b| a.words[1..] == b.words[1..])
            .filter(|g| g.len() > 1)
            .collect();
        groups.sort_by_key(|g| g[0].mentions.first().copied());
        for group in groups {
            for (i, a) in group.iter().enumerate() {
                // a group shares everything but the first word
                for b in &group[i + 1..] {
                    if a.words[0] == b.words[0] {
                        continue;
                    }
                    let (ga, gb) = (&a.words[0], &b.words[0]);
                    if ga.chars().next() != gb.chars().next()
                        || similarity::distance(ga, gb) > self.0.given_name_edit_distance
                        || ga.chars().count().min(gb.chars().count()) < 3
                        || doc.registry.different(&a.full, &b.full)
                        || relatives(doc, a)
                        || relatives(doc, b)
                    {
                        continue;
                    }
                    let (major, minor) = if a.mentions.len() >= b.mentions.len() {
                        (a, b)
                    } else {
                        (b, a)
                    };
                    let m0 = doc.people.mentions[minor.mentions[0]].span;
                    let j0 = doc.people.mentions[major.mentions[0]].span;
                    let spelled_out =
                        doc.people.mentions[minor.mentions[0]].words.len() == minor.words.len();
                    let mut d = sink
                        .diag(
                            m0,
                            format!(
                                "“{}” here, but “{}” elsewhere in this document",
                                minor.full, major.full
                            ),
                        )
                        .label(format!("spelled “{}” here", minor.full))
                        .related(None, j0, format!("spelled “{}” here", major.full))
                        .help(format!(
                            "if they are one person, use one spelling; {}",
                            registry_note()
                        ));
                    // the first mention spells the whole name: offer the other spelling
                    if spelled_out {
                        d = d.suggest(m0, major.full.clone());
                    }
                    sink.push(d);
                }
            }
        }
    }
}

impl NameInconsistency {
    /// Whether a document using one spelling and a document using the other tell a
    /// related story (see "Across files" in the rule's documentation): they share
    /// `cross-file-shared-words` distinctive words besides the name, and for given names
    /// two edits or more apart, `cross-file-given-name-overlap` of the smaller document's.
    /// The first [`ONE_STORY_USES`] documents of each spelling are compared, which bounds
    /// the work for spellings used everywhere.
    fn one_story(&self, docs: &[DocNames], fa: &Form, fb: &Form, differs: Differs) -> bool {
        let shared_words = self.0.cross_file_shared_words;
        let far_given_names =
            differs == Differs::First && similarity::distance(&fa.words[0], &fb.words[0]) >= 2;
        let overlap = if far_given_names {
            self.0.cross_file_given_name_overlap
        } else {
            0.0
        };
        if shared_words == 0 && overlap <= 0.0 {
            return true;
        }
        let except: Vec<u64> = fa
            .words
            .iter()
            .chain(&fb.words)
            .map(|w| Context::hash(w))
            .collect();
        let context = |u: &(u32, u32)| &docs[u.0 as usize].context;
        fa.uses.iter().take(ONE_STORY_USES).any(|ua| {
            fb.uses.iter().take(ONE_STORY_USES).any(|ub| {
                let (shared, smaller) = context(ua).overlap(context(ub), &except);
                shared >= shared_words && shared as f64 >= overlap * smaller as f64
            })
        })
    }
}

/// How many documents of each spelling [`NameInconsistency::one_story`] compares.
const ONE_STORY_USES: usize = 16;

impl Rule for NameInconsistency {
    /// Three steps: registry variants, surnames respelled ("Brown" / "Brwon"), and one
    /// surname with two near given names ("Jack" / "Jake Sullivan").
    fn check(&self, doc: &Document, sink: &mut Sink) {
        report_registry_variants(doc, sink);
        let persons = compared_people(doc);
        if persons.is_empty() {
            return;
        }
        self.report_respelled_surnames(doc, &persons, sink);
        self.report_near_given_names(doc, &persons, sink);
    }

    fn check_corpus(&self, docs: &[DocNames], sink: &mut Sink) {
        if !self.0.cross_file || docs.len() < 2 {
            return;
        }
        let first_new = sink.out.len();
        let idx = NameIndex::build(docs);
        let doc_counts: Vec<usize> = idx.forms.iter().map(|f| f.doc_count()).collect();
        // each spelling's uses by path (a stable sort: document order among equal paths)
        let sorted_uses: Vec<Vec<(u32, u32)>> = idx
            .forms
            .iter()
            .map(|f| {
                let mut u = f.uses.clone();
                u.sort_by(|x, y| docs[x.0 as usize].path.cmp(&docs[y.0 as usize].path));
                u
            })
            .collect();
        // the spelling most documents use, for each spelling fewer documents use: chosen
        // before any diagnostic is written (see `MajorChoice`)
        let mut majors = MajorChoice::new(idx.forms.len());
        for (a, b, differs) in idx.similar_pairs(self.thresholds(), self.0.given_name_edit_distance)
        {
            let (fa, fb) = (&idx.forms[a], &idx.forms[b]);
            // both spellings in one document: the in-document check reports it
            if share_a_document(fa, fb) || !self.one_story(docs, fa, fb, differs) {
                continue;
            }
            let (na, nb) = (doc_counts[a], doc_counts[b]);
            // "Roman Catholic" / "Roman Catholics", "Academy Award" / "Academy Awards": a
            // plural, not a respelling
            if plural_of(
                fa.words.last().map_or("", |w| w),
                fb.words.last().map_or("", |w| w),
            ) {
                continue;
            }
            // "O'Malley" / "O’Malley" is typography, not spelling; two spellings each
            // written by several documents are two people ("Ron" and "Rand Paul")
            if na >= 2 && nb >= 2 || fa.full().replace('’', "'") == fb.full().replace('’', "'")
            {
                continue;
            }
            if na != nb {
                let (major, minor) = if na > nb { (a, b) } else { (b, a) };
                majors.offer(minor, major, doc_counts[major], &idx.forms[major].full());
                continue;
            }
            let (full_a, full_b) = (fa.full(), fb.full());
            // where a document uses a spelling: its path and the first full mention
            let place = |u: &(u32, u32)| {
                let d = &docs[u.0 as usize];
                (d.path.clone(), d.people[u.1 as usize].first)
            };
            // one against one (or n against n): say so, do not guess. The first five
            // uses by path of both spellings, merged from each spelling's sorted uses
            // (sorting both spellings' uses again for each pair made pairs × uses)
            let by_path = |u: &&(u32, u32)| docs[u.0 as usize].path.as_str();
            let uses: Vec<(String, Span, &String)> = merge_by(
                sorted_uses[a].iter().map(|u| (u, &full_a)),
                sorted_uses[b].iter().map(|u| (u, &full_b)),
                |x, y| by_path(&x.0) <= by_path(&y.0),
            )
            .take(5)
            .map(|(u, n)| {
                let (p, f) = place(u);
                (p, f, n)
            })
            .collect();
            let (p0, f0, n0) = uses[0].clone();
            let other = if *n0 == full_a { &full_b } else { &full_a };
            let mut d = Diagnostic::new(
                &p0,
                sink.rule,
                sink.severity,
                f0,
                format!("“{n0}” here, “{other}” in another draft of the story"),
            )
            .label(format!("spelled “{n0}” here"))
            .note(format!(
                "{na} document(s) each way: credlint cannot tell which spelling is right"
            ))
            .help(registry_note());
            for (p, f, n) in uses.iter().skip(1).take(4) {
                d = d.related(Some(p.clone()), *f, format!("spelled “{n}” here"));
            }
            sink.push(d);
        }
        for (m, choice) in majors.best.iter().enumerate() {
            let Some((nmaj, maj_full, j)) = choice else {
                continue;
            };
            let minor = &idx.forms[m];
            let place = |u: &(u32, u32)| {
                let d = &docs[u.0 as usize];
                (d.path.clone(), d.people[u.1 as usize].first)
            };
            let min_full = minor.full();
            for u in &minor.uses {
                let (path, first) = place(u);
                let mut d = Diagnostic::new(
                    &path,
                    sink.rule,
                    sink.severity,
                    first,
                    format!("“{min_full}” here, but {nmaj} other document(s) write “{maj_full}”"),
                )
                .label(format!("spelled “{min_full}” here"))
                .help(format!(
                    "write “{maj_full}” if this is the same person; {}",
                    registry_note()
                ));
                // by path, so that the order the files came in does not show
                for mu in sorted_uses[*j].iter().take(3) {
                    let (mp, mf) = place(mu);
                    d = d.related(Some(mp), mf, format!("spelled “{maj_full}” here"));
                }
                sink.push(d);
            }
        }
        // lines and columns from the summaries: the texts are gone by now
        // a path's last document (a path linted twice), and in it the first person with
        // that span: what searching the document's people for each diagnostic found
        let last_doc: FxHashMap<&str, usize> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| (d.path.as_str(), i))
            .collect();
        let mut positions = FxHashMap::default();
        for (i, d) in docs.iter().enumerate() {
            if last_doc.get(d.path.as_str()) != Some(&i) {
                continue;
            }
            for p in d.people.iter().rev() {
                positions.insert((d.path.as_str(), p.first), p.first_position);
            }
        }
        let find = |path: &str, span: Span| positions.get(&(path, span)).copied();
        for d in &mut sink.out[first_new..] {
            d.position = find(&d.path, d.span);
            let own = d.path.clone();
            for r in &mut d.related {
                r.position = find(r.path.as_deref().unwrap_or(&own), r.span);
            }
        }
    }
}

/// A capitalised word that is no use of a surname: the given name of someone else in the
/// story ("Corey Lewandowski" beside "Comey", "Osama bin Laden" beside "Obama"), a common
/// word that only ever opens a sentence without speaking ("Come on." or "Rates rose …"
/// beside "Comey" or "Bates"), a word after an article ("the Board"), or a spelling the
/// writer marked "[sic]".
fn not_a_surname_use(
    doc: &Document,
    persons: &[&crate::names::Person],
    cand: &str,
    at: Occurrences,
) -> bool {
    let text = doc.prose();
    // the next word, past a particle ("Osama bin Laden", "Juan de la Cruz")
    let mut after = text[at.first.end..].split_whitespace();
    let next_word_capitalised = after.next().is_some_and(|w| {
        crate::text::starts_upper(w)
            || matches!(
                w,
                "bin" | "al" | "de" | "la" | "van" | "von" | "da" | "del" | "ibn"
            ) && after.next().is_some_and(crate::text::starts_upper)
    }) && text[at.first.end..].starts_with(' ');
    persons
        .iter()
        .any(|q| q.words.len() >= 2 && q.words[0] == cand)
        || next_word_capitalised
        || at.unproven_openings == at.count
        || at.after_article
        || at.sic
        || at.after_particle
        || !at.named && (common_noun(cand) || at.list_items == at.count)
}

/// Is the word at `at` a whole item of a comma list: a comma, colon or bracket before it
/// and a comma, full stop or bracket after it ("…, Horan, …")?
fn list_item(text: &str, at: Span) -> bool {
    let before = text[..at.start].trim_end_matches(' ').chars().next_back();
    let after = text[at.end..].chars().next();
    matches!(before, Some(',' | ':' | '(' | ';')) && matches!(after, Some(',' | '.' | ')' | ';'))
}

/// "Board", "Dead": a word WordNet knows as a noun is no respelling of a surname unless a
/// use of it is clearly a name (a title before it, a speech verb after it). Misspelled
/// names are rarely English nouns.
fn common_noun(word: &str) -> bool {
    crate::lexicon::heads::head_class(&word.to_lowercase()).is_some()
}

/// The word just before `at` (with a full stop it ends with: "Mr."), or "".
fn previous_word(text: &str, at: Span) -> &str {
    let before = text[..at.start].strip_suffix(' ').unwrap_or("");
    before
        .rsplit(|c: char| !(c.is_alphabetic() || c == '.'))
        .next()
        .unwrap_or("")
}

/// Whether the word at `at` opens a sentence (or a quotation, which opens one: "said,
/// ‘Well, he is …’").
fn opens_sentence(text: &str, at: Span) -> bool {
    let raw = text[..at.start].trim_end_matches(' ');
    let before = raw.trim_end_matches(['“', '"', '‘', '\'', '(', ' ']);
    before.is_empty()
        || before.len() < raw.len()
        || before.ends_with(['.', '?', '!', ':', '\n', '—'])
}

/// "Solbreg said": a speech verb after the word makes it a use of a name, wherever it
/// stands. `at` is the word as written (with any possessive ending).
fn speaks_after(doc: &Document, at: Span) -> bool {
    doc.prose()[at.end..]
        .split_whitespace()
        .next()
        .is_some_and(|w| doc.lexicon.flags(w) & (class::VERB | class::INVERTED) != 0)
}

/// "the Board", "a Dead end": an article before a capitalised word makes it a common
/// noun or an institution, not a person's surname.
fn article_before(text: &str, at: Span) -> bool {
    let before = text[..at.start].strip_suffix(' ').unwrap_or("");
    matches!(
        before.rsplit(|c: char| !c.is_alphabetic()).next(),
        Some("the" | "a" | "an")
    )
}

/// "Corry [sic]", "Corry (sic)": the writer keeps a quoted source's spelling on purpose.
fn sic_after(text: &str, at: Span) -> bool {
    let rest = text[at.end..].trim_start_matches(' ');
    ["[sic]", "(sic)", "[Sic]", "[SIC]"]
        .iter()
        .any(|m| rest.starts_with(m))
}

/// One word the other with an "s" added: "the Clintons", "Academy Awards".
fn plural_of(a: &str, b: &str) -> bool {
    a.strip_suffix('s') == Some(b) || b.strip_suffix('s') == Some(a)
}

/// "Sylvia Larsen" beside "Chuck Larson": the word after another given name (a
/// capitalised word that is neither a title nor this person's given name) is someone
/// else's family name.
fn another_given_name_before(doc: &Document, p: &crate::names::Person, at: Span) -> bool {
    let text = doc.prose();
    let Some(before) = text[..at.start].strip_suffix(' ') else {
        return false;
    };
    let before = before.trim_end();
    let Some(word) = before.split_whitespace().next_back() else {
        return false;
    };
    let own = p.words.len() >= 2 && p.words[0] == word;
    // "A Masi" inside a sentence is an initial, not the article
    let initial = word.len() == 1;
    crate::text::starts_upper(word)
        && word.chars().all(char::is_alphabetic)
        && (initial
            || doc.lexicon.flags(word)
                & (class::TITLE | class::ROLE | class::FUNCTION | class::DET)
                == 0)
        && !own
        && !before[..before.len() - word.len()]
            .trim_end()
            .ends_with(['.', '?', '!', '“', '"'])
}

/// "Latino" / "Latinos", "Democratic" / "Democrats": one word inflected, for a group named
/// by one word, is no misspelling.
fn inflection_of(a: &str, b: &str) -> bool {
    const ENDINGS: &[&str] = &["s", "ic", "ics", "ts", "n", "ns", "an", "ans", "es"];
    let stem = |w: &'_ str| -> String {
        let mut w = w.to_string();
        for e in ENDINGS {
            if let Some(x) = w.strip_suffix(e)
                && x.chars().count() >= 4
            {
                w = x.to_string();
                break;
            }
        }
        w
    };
    let (sa, sb) = (stem(a), stem(b));
    sa == sb || sa.starts_with(&sb) || sb.starts_with(&sa)
}

/// Whether a sentence naming this person also names a relation ("her father", "his
/// daughter"): relatives share a family name and often near given names.
fn relatives(doc: &Document, p: &crate::names::Person) -> bool {
    const KIN: &[&str] = &[
        "father",
        "mother",
        "son",
        "daughter",
        "brother",
        "sister",
        "wife",
        "husband",
        "uncle",
        "aunt",
        "nephew",
        "niece",
        "cousin",
        "grandson",
        "granddaughter",
        "grandfather",
        "grandmother",
        "dad",
        "mum",
        "mom",
        "twin",
        "sons",
        "daughters",
        "brothers",
        "sisters",
        "parents",
        "siblings",
        "family",
    ];
    let text = doc.prose();
    p.mentions.iter().any(|&mi| {
        let at = doc.people.mentions[mi].span.start;
        doc.text.sentence_at(at).is_some_and(|si| {
            doc.text.sentences[si]
                .span
                .text(text)
                .split(|c: char| !c.is_alphabetic())
                .any(|w| KIN.contains(&w.to_lowercase().as_str()))
        })
    })
}

/// Two spellings used in one document. Uses are listed in document order.
fn share_a_document(a: &Form, b: &Form) -> bool {
    let (mut i, mut j) = (a.uses.iter().peekable(), b.uses.iter().peekable());
    while let (Some(x), Some(y)) = (i.peek(), j.peek()) {
        match x.0.cmp(&y.0) {
            std::cmp::Ordering::Less => _ = i.next(),
            std::cmp::Ordering::Greater => _ = j.next(),
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// The items of two sorted sequences in order, `a`'s first among equals (`first(x, y)`:
/// `x` from `a` goes before `y` from `b`): what a stable sort of `a` then `b` gives.
fn merge_by<T>(
    a: impl Iterator<Item = T>,
    b: impl Iterator<Item = T>,
    first: impl Fn(&T, &T) -> bool,
) -> impl Iterator<Item = T> {
    let (mut a, mut b) = (a.peekable(), b.peekable());
    std::iter::from_fn(move || match (a.peek(), b.peek()) {
        (Some(x), Some(y)) => {
            if first(x, y) {
                a.next()
            } else {
                b.next()
            }
        }
        (Some(_), None) => a.next(),
        (None, _) => b.next(),
    })
}

/// For each spelling, the similar spelling used by more documents that its diagnostics
/// name. Of the diagnostics several such spellings would give at one place, the run
/// keeps one (the first by message, see `crate::finish`); choosing it here first writes
/// one diagnostic for each use instead of one for each use and each similar spelling
/// (2,000 spellings one edit apart made millions).
struct MajorChoice {
    /// (documents, full name, form) of the chosen spelling, by form.
    best: Vec<Option<(usize, String, usize)>>,
}

impl MajorChoice {
    fn new(forms: usize) -> Self {
        MajorChoice {
            best: vec![None; forms],
        }
    }

    /// `major`, used by `docs` documents, as the spelling `minor`'s diagnostics name, if
    /// its message comes first: "… but {docs} other document(s) write “{full}”".
    fn offer(&mut self, minor: usize, major: usize, docs: usize, full: &str) {
        let tail = |n: usize, f: &str| format!("{n} other document(s) write “{f}”");
        let better = match &self.best[minor] {
            None => true,
            Some((n, f, _)) => tail(docs, full) < tail(*n, f),
        };
        if better {
            self.best[minor] = Some((docs, full.to_string(), major));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lint;

    /// A size bound, not a time one: spellings all one edit from each other across many
    /// documents give at most one diagnostic for each use of a spelling (it was one for
    /// each use and each similar spelling, which grew with the square of the names).
    #[test]
    fn cross_file_findings_grow_with_the_uses_not_the_pairs() {
        use crate::names::index::{DocNames, DocPerson};
        use crate::text::Span;
        let cfg = crate::Config::builtin().expect("built-in config");
        let letters = "abcdefghijklmnopqrstuvwxyz";
        let mut docs = Vec::new();
        // spelling k is used by k + 1 documents: every pair has unequal counts but a few
        for k in 0..40usize {
            let c = &letters[k % 26..k % 26 + 1];
            let full = format!("Anna Ko{c}alczyk{}", if k >= 26 { "a" } else { "" });
            for copy in 0..=k {
                docs.push(DocNames {
                    path: format!("d{k:02}-{copy:02}.txt"),
                    people: vec![DocPerson {
                        full: full.clone().into_boxed_str(),
                        first: Span::new(0, full.len()),
                        first_position: Default::default(),
                    }],
                    // drafts of one story: they share the places it names
                    context: crate::names::index::Context::from_words(["Gdansk", "Vistula"]),
                });
            }
        }
        let uses = docs.len();
        let rule = cfg
            .rules
            .iter()
            .find(|r| r.id() == "name-inconsistency")
            .expect("the rule is on by default");
        let mut out = Vec::new();
        let mut sink = crate::rules::Sink {
            rule: rule.id(),
            severity: rule.severity,
            path: "",
            out: &mut out,
        };
        rule.rule.check_corpus(&docs, &mut sink);
        // two spellings each written by several documents are two people: only the
        // spelling of one document is reported, against the 39 more common ones it is
        // near: one diagnostic for its one use, not one for each similar spelling
        assert_eq!(out.len(), 1, "{} diagnostics for {uses} uses", out.len());
    }

    #[test]
    fn lowercase_words_answer_the_same_before_and_after_the_set_is_built() {
        let cfg = crate::Config::builtin().expect("built-in config");
        let text = "The brown dog met Brown. A reed, a Reed, the élan of Élan.";
        let doc = crate::Document::new("draft.txt", text, &cfg);
        let words = super::LowercaseWords::new(&doc);
        let asks = [
            "brown", "reed", "élan", "Brown", "dog", "cat", "the", "Reed", "a",
        ];
        let want = [true, true, true, false, true, false, true, false, true];
        // the first rounds read the tokens, the later ones the set
        for round in 0..3 {
            for (w, &expect) in asks.iter().zip(&want) {
                assert_eq!(words.contains(w), expect, "{w} in round {round}");
            }
        }
        assert!(words.set.get().is_some());
    }

    #[test]
    fn respelled_surname_in_one_document() {
        let text = "Gordon Brown met aides on Monday. Mr Brown said the plan was sound.\n\nLater, Mr Brwon said it would pass.";
        let d = lint("name-inconsistency", text);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.starts_with("“Brwon” here"));
        assert_eq!(d[0].related.len(), 1);
    }

    #[test]
    fn short_forms_and_relatives_are_not_variants() {
        let text = "Vladimir Putin met Xi Jinping. Putin said Xi agreed. Chris Johnson, an analyst, said so. Mr Johnson added more. Bill Clinton and Hillary Clinton spoke. Donald Trump and Ivanka Trump said nothing. Trump said it was fine.";
        assert!(
            lint("name-inconsistency", text).is_empty(),
            "{:?}",
            lint("name-inconsistency", text)
        );
    }

    fn lint_files(files: &[(&str, &str)]) -> Vec<crate::Diagnostic> {
        lint_files_with("", files)
    }

    /// Lints `files` together with `toml` as the project's configuration.
    fn lint_files_with(toml: &str, files: &[(&str, &str)]) -> Vec<crate::Diagnostic> {
        let cfg = crate::Config::from_toml("credlint.toml", toml).expect("valid configuration");
        let files: Vec<(String, String)> = files
            .iter()
            .map(|(p, t)| (p.to_string(), t.to_string()))
            .collect();
        crate::check_files(&files, &cfg)
            .into_iter()
            .filter(|d| d.rule == "name-inconsistency")
            .collect()
    }

    const CRICKET: &str = "Ali Brennan took four wickets at Headingley on Saturday as \
        Yorkshire beat Durham. “The ball swung all day,” Brennan said. Captain Joe Farrow \
        praised the Yorkshire attack.";
    const BAKERY: &str = "Alan Brennan has baked bread in Harrogate for forty years. \
        Brennan said the price of flour had doubled since the spring. His shop on Station \
        Parade opens at six.";

    #[test]
    fn near_given_names_in_unrelated_stories_are_two_people() {
        let d = lint_files(&[("a.txt", CRICKET), ("b.txt", BAKERY)]);
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn near_given_names_in_drafts_of_one_story_are_reported() {
        let draft = "Alan Brennan took four wickets at Headingley on Saturday as Yorkshire \
            beat Durham. Brennan said the ball swung. Captain Joe Farrow praised the \
            Yorkshire attack.";
        let d = lint_files(&[("a.txt", CRICKET), ("b.txt", draft)]);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("Ali Brennan") && d[0].message.contains("Alan Brennan"));
    }

    #[test]
    fn a_respelled_surname_across_files_can_require_a_shared_name() {
        let harbour = "Tom Hardwick, the harbour master at Whitby, said the pier would \
            close. Hardwick said repairs would take a month.";
        let draft = "Tom Hardwicke, the harbour master at Whitby, said the pier would \
            shut. Hardwicke said repairs would take weeks.";
        let concert = "Tom Hardwicke played cello with the Halle in Manchester. \
            Hardwicke said the hall was full.";
        // by default the same given name with a surname one edit away is asked about in
        // any two files (short drafts of one story may share no other name)
        let d = lint_files(&[("a.txt", harbour), ("c.txt", concert)]);
        assert_eq!(d.len(), 1, "{d:?}");
        // a desk linting an archive asks for a shared name
        let strict = "[rules.name-inconsistency]\ncross-file-shared-words = 1\n";
        let d = lint_files_with(strict, &[("a.txt", harbour), ("b.txt", draft)]);
        assert_eq!(d.len(), 1, "{d:?}");
        let d = lint_files_with(strict, &[("a.txt", harbour), ("c.txt", concert)]);
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn common_words_opening_sentences_are_not_respelled_surnames() {
        // "Bases" opens two sentences and never speaks: a common word, not "Bates"
        let text = "Ruth Bates, the port director, said trade was slowing. Bates said the \
            harbour needed dredging.\n\nBases along the coast reported delays on Monday. \
            Bases inland did not. Bates said more work was due.";
        let d = lint("name-inconsistency", text);
        assert!(d.is_empty(), "{d:?}");
        // the same word used as a name mid-sentence is still reported
        let text = "Ruth Bates, the port director, said trade was slowing. Bates said the \
            harbour needed dredging. Later, Mr Bases said it again. Bates said more work \
            was due.";
        let d = lint("name-inconsistency", text);
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn institutions_after_an_article_and_sic_spellings_are_not_respelled_surnames() {
        let text = "Nina Boarde, a governor, said the vote was close. Boarde said it \
            passed. Later the Board met again. Boarde said the Board agreed.";
        assert!(lint("name-inconsistency", text).is_empty());
        let text = "Ana Correy, the prosecutor, filed the case. A post by the defendant \
            mocked “Ana Corey [sic]” and her office. Correy said nothing.";
        assert!(lint("name-inconsistency", text).is_empty());
    }

    #[test]
    fn a_misspelled_introduction_of_a_person_known_by_surname_is_reported() {
        let text = "Gordon Brwon opened the budget debate on Tuesday. Mr Brown said taxes \
            would stay. Later Mr Brown told MPs the plan was fair.";
        let d = lint("name-inconsistency", text);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.starts_with("“Brwon” here"), "{}", d[0].message);
    }

    #[test]
    fn nouns_particles_and_plurals_are_not_respelled_names() {
        // a noun with no title or speech verb by it, a word of another name after "dal"
        let text = "Dana Bovard, a columnist, said the tax was unfair. Bovard said so again. \
            She sits on the paper's Board of Contributors.";
        assert!(lint("name-inconsistency", text).is_empty());
        let text = "Andrea Masi scored twice. Masi said the pitch was heavy. Replacements: \
            D dal Maso, P Griffen. Masi said more.";
        assert!(lint("name-inconsistency", text).is_empty());
        // a team list: "A Masi" is another player (an initial), not a respelling of Maso
        let text = "David dal Maso led the pack. Maso said the scrum held. Team: R Lacey, \
            A Masi, T Ruel, D dal Maso.";
        assert!(lint("name-inconsistency", text).is_empty());
        // a roster's bare surname is another player, not a respelling of Horgan's
        let text = "Shane Horgan threw the pass. Horgan said it was luck. Replacements: \
            Sheahan, Horan, O'Callaghan, Miller.";
        assert!(lint("name-inconsistency", text).is_empty());
        // across files: a plural is not a respelling
        let a = "The Nobel Prize went to Ines Okonjo of Lagos. Okonjo said she was moved.";
        let b = "Two Nobel Prizes went to Lagos this year, and Okonjo said so.";
        assert!(lint_files(&[("a.txt", a), ("b.txt", b)]).is_empty());
        // the same noun with a title before it is a name, and reported
        let text = "Bill Gates spoke first. Gates said the show was busy. Later Mr Gate said \
            the demo failed. Gates said he would return.";
        assert_eq!(lint("name-inconsistency", text).len(), 1);
    }

    #[test]
    fn registry_variants_are_reported_by_the_registry_alone_and_fixed_in_one_pass() {
        let toml = "[[names]]\ncanonical = \"Liu Pengyu\"\nvariants = [\"Liu Pengya\", \"Pengyu\"]\nfamily-name = \"Liu\"\n";
        let text = "Liu Pengya, a spokesman, told reporters the talks went well. \
            “We are hopeful,” Pengyu said.";
        let d = lint_files_with(toml, &[("a.txt", text)]);
        assert_eq!(d.len(), 2, "{d:?}");
        assert!(
            d.iter().all(|d| d.message.contains("names registry")),
            "{d:?}"
        );
        let fixed = crate::diagnostic::apply_fixes(text, &d).expect("edits");
        assert_eq!(fixed.matches("Liu Pengyu").count(), 2, "{fixed}");
        assert!(lint_files_with(toml, &[("a.txt", &fixed)]).is_empty());
    }
}
