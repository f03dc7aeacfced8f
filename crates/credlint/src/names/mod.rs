//! People named in a document: every mention of a person's name, grouped into people
//! ("Chris Johnson", "Mr Johnson" and "Johnson" are one person), with their spans.

pub mod index;
pub mod registry;
pub mod similarity;

use rustc_hash::FxHashMap;

use crate::lexicon::{Lexicon, PhraseKind, class::*};
use crate::text::packed::PackedWords;
use crate::text::{Span, TextModel, TokenKind};

/// Why we believe a capitalised run is a person's name.
pub mod evidence {
    pub const GIVEN: u8 = 1; // a known given name
    pub const TITLE: u8 = 2; // Mr, President, Dr
    pub const ROLE: u8 = 4; // spokesperson Zhao Lijian
    pub const SPEECH: u8 = 8; // Brown said, said Brown
}

/// The words of one name mention (at most four), kept inline: the name finder makes one
/// for every capitalised run of every document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NameWords {
    spans: [Span; NameWords::MAX],
    len: u8,
}

impl NameWords {
    pub const MAX: usize = 4;

    /// Adds a word; words past the fourth are not kept.
    fn push(&mut self, s: Span) {
        if let Some(slot) = self.spans.get_mut(self.len as usize) {
            *slot = s;
            self.len += 1;
        }
    }
}

impl std::ops::Deref for NameWords {
    type Target = [Span];
    fn deref(&self) -> &[Span] {
        &self.spans[..self.len as usize]
    }
}

impl std::ops::DerefMut for NameWords {
    fn deref_mut(&mut self) -> &mut [Span] {
        &mut self.spans[..self.len as usize]
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The name's words, without title or possessive ending.
    pub span: Span,
    pub words: NameWords,
    pub title: Option<Span>,
    pub person: usize,
    pub evidence: u8,
    pub sentence: usize,
    /// The first word of its sentence (and so capitalised anyway).
    pub sentence_initial: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Person {
    /// The fullest form of the name the document uses, word by word.
    pub words: Vec<String>,
    /// The words joined by spaces.
    pub full: String,
    pub mentions: Vec<usize>,
    pub evidence: u8,
    /// Named as institutions are, never shortened ([`People::styled_as_institution`]).
    pub institution_style: bool,
}

impl Person {
    fn new(words: Vec<String>) -> Person {
        let full = words.join(" ");
        Person {
            words,
            full,
            mentions: vec![],
            evidence: 0,
            institution_style: false,
        }
    }
    pub fn full(&self) -> String {
        self.full.clone()
    }
}

#[derive(Clone, Debug, Default)]
pub struct People {
    pub persons: Vec<Person>,
    /// In document order.
    pub mentions: Vec<Mention>,
    by_word: FxHashMap<String, Vec<usize>>,
    /// Each person by their full name (their words joined by spaces).
    by_full: FxHashMap<String, usize>,
}

/// Lowercase particles that may sit inside a name: "Ursula von der Leyen".
const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "bin", "ibn", "al", "da", "di", "du", "la", "le", "del",
    "della", "dos", "das", "ter", "ten", "el", "y", "dal",
];

static PARTICLE_LIST: std::sync::LazyLock<PackedWords> =
    std::sync::LazyLock::new(|| PackedWords::new(PARTICLES, false));

/// Is `w` one of [`PARTICLES`]? They are all short and lowercase, which rules out most
/// words before the list is searched.
pub(crate) fn is_particle(w: &str) -> bool {
    w.len() <= 5
        && w.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
        && PARTICLE_LIST.contains(w)
}

/// Of an ASCII word: how many letters, how many uppercase, whether it has a full stop,
/// whether it has a digit. Eight bytes at a time (zero padding is none of these).
fn ascii_classes(bytes: &[u8]) -> (usize, usize, bool, bool) {
    use crate::text::swar::{in_range, padded};
    let (mut letters, mut upper, mut dot, mut digit) = (0, 0, false, false);
    for chunk in bytes.chunks(8) {
        let v = padded(chunk);
        let up = in_range(v, b'A', b'Z');
        letters += (up | in_range(v, b'a', b'z')).count_ones() as usize;
        upper += up.count_ones() as usize;
        dot |= in_range(v, b'.', b'.') != 0;
        digit |= in_range(v, b'0', b'9') != 0;
    }
    (letters, upper, dot, digit)
}

/// Is this capitalised word a possible part of a person's name?
fn name_word(w: &str, f: u32, phrase: Option<PhraseKind>) -> bool {
    // an ASCII word (nearly all) is read once, eight bytes at a time, for everything asked
    // of it below; any other word character by character
    let (letters, upper, dot, digit) = if w.is_ascii() {
        ascii_classes(w.as_bytes())
    } else {
        (
            w.chars().filter(|c| c.is_alphabetic()).count(),
            w.chars().filter(|c| c.is_uppercase()).count(),
            w.contains('.'),
            w.chars().any(|c| c.is_ascii_digit()),
        )
    };
    let initial = letters == 1 && w.len() == 2 && w.ends_with('.');
    (letters >= 2 || initial)
        && !(upper == letters && letters >= 2) // acronyms
        // a known given name is a name even when it is also a word ("Bill", "Mark", "Will")
        && (f & GIVEN != 0 && f & (ROLE | TITLE | FUNCTION | DET | PREP | PRONOUN) == 0
            || f & (ROLE | TITLE | ORG | PLACE | NATIONALITY | OUTLET | ANON_HEAD | ORG_HEAD | OUTLET_HEAD | DOC_HEAD | TEMPORAL | FUNCTION | DET | PREP | AUX | PRONOUN | VERB | ADVERB) == 0)
        && !matches!(phrase, Some(PhraseKind::Outlet | PhraseKind::Organization | PhraseKind::Place | PhraseKind::Title))
        && (!dot || w.len() == 2)
        && !digit
}

fn strip_possessive(text: &str, span: Span) -> Span {
    let stem = crate::text::possessive::strip(span.text(text));
    Span::new(span.start, span.start + stem.len())
}

/// Capitalised words that look like names at the start of a sentence but are not.
fn is_title_case_headline(tm: &TextModel, p: usize) -> bool {
    let para = &tm.paragraphs[p];
    if !para.headline {
        return false;
    }
    crate::text::segment::title_case(&tm.tokens[para.tokens.clone()])
}

/// A capitalised run that may name a person, before it is tied to one.
struct Cand {
    words: NameWords,
    title: Option<Span>,
    evidence: u8,
    sentence: usize,
    initial: bool,
}

/// One sentence's tokens and their lexicon flags, as the name finder reads them.
struct SentenceView<'t> {
    text: &'t str,
    toks: &'t [crate::text::Token],
    fl: &'t [u32],
}

impl SentenceView<'_> {
    /// The end of the run of capitalised words starting at `start` (with particles and
    /// "Mr." full stops inside; a capitalised function word starts a new run).
    fn run_end(&self, start: usize) -> usize {
        let (text, toks, fl) = (self.text, self.toks, self.fl);
        let mut end = start + 1;
        while end < toks.len() {
            let n = &toks[end];
            let nw = n.text(text);
            let ncap = n.kind == TokenKind::Word && n.cap;
            let particle = n.kind == TokenKind::Word
                && toks.get(end + 1).is_some_and(|m| m.cap)
                && is_particle(nw);
            let title_dot = nw == "." && fl[end - 1] & TITLE != 0 && n.start == toks[end - 1].end;
            let prev_possessive = crate::text::possessive::has_s(toks[end - 1].text(text));
            // "Jack Sullivan The White House …": a capitalised function word starts a new run
            let function = ncap
                && fl[end] & (FUNCTION | DET | PREP | AUX | PRONOUN) != 0
                && !nw.chars().all(char::is_uppercase);
            if (ncap || particle || title_dot) && !prev_possessive && !function {
                end += 1;
            } else {
                break;
            }
        }
        end
    }

    /// The multi-word lexicon phrase (institution, place, title …) that starts at token
    /// `j`, if any.
    fn phrase_at<'l>(&self, lex: &'l Lexicon, j: usize) -> Option<&'l crate::lexicon::Phrase> {
        let (text, toks) = (self.text, self.toks);
        if self.fl[j] & PHRASE == 0 {
            return None;
        }
        let jw = toks[j].text(text);
        let next = toks.get(j + 1).map(|t| t.text(text));
        lex.phrases_before(jw, next).find(|p| {
            p.rest
                .iter()
                .enumerate()
                .all(|(x, r)| toks.get(j + 1 + x).is_some_and(|t| t.text(text) == &**r))
                && jw == &*p.first
        })
    }

    /// Where the name starts in the run `start..end`: after the last word that cannot be
    /// part of a name. Titles and roles among the words dropped are kept as evidence.
    fn name_start(&self, lex: &Lexicon, start: usize, end: usize) -> (usize, Option<Span>, u8) {
        let (text, toks, fl) = (self.text, self.toks, self.fl);
        let mut name_start = start;
        let mut title = None;
        let mut evidence = 0u8;
        for j in start..end {
            let jw = toks[j].text(text);
            if jw == "." {
                continue;
            }
            let f = fl[j];
            let phrase = self.phrase_at(lex, j);
            let phrase_kind = phrase.map(|p| p.kind);
            let particle = j > start && is_particle(jw);
            if !particle && !name_word(jw, f, phrase_kind) && !self.surname_after_given(j, start) {
                name_start = j + 1;
                if f & TITLE != 0 || phrase_kind == Some(PhraseKind::Title) {
                    title = Some(toks[j].span());
                    evidence |= evidence::TITLE;
                } else if f & ROLE != 0 {
                    evidence |= evidence::ROLE;
                } else {
                    evidence &= !(evidence::TITLE | evidence::ROLE);
                    title = None;
                }
                if let Some(p) = phrase {
                    // skip over the rest of a multi-word institution or place
                    name_start = name_start.max(j + 1 + p.rest.len());
                }
            }
        }
        (name_start, title, evidence)
    }

    /// "Mark Cuban", "Steve Israel", "Rosa English", "Matthew Prince", "Larry King": a
    /// place, a nationality or a role word right after a given name in the same run is
    /// that person's surname (a role or title is written before a name, not after it), as
    /// the grammar reads it too.
    fn surname_after_given(&self, j: usize, start: usize) -> bool {
        let (text, fl) = (self.text, self.fl);
        // "Kristen Day", "Theresa May": a word of time too, but never a weekday
        let time_word =
            fl[j] & TEMPORAL != 0 && !crate::lexicon::is_weekday(self.toks[j].text(text));
        j > start
            && (fl[j] & (PLACE | NATIONALITY | ROLE | TITLE) != 0 || time_word)
            && fl[j] & (ORG | OUTLET | ORG_HEAD | OUTLET_HEAD | FUNCTION | DET | PREP) == 0
            && fl[j - 1] & GIVEN != 0
            && name_word(self.toks[j - 1].text(text), fl[j - 1], None)
    }

    /// The candidate a run of capitalised words gives, if its name part has one to four
    /// words: the words, with the evidence around them that it names a person.
    fn candidate(&self, lex: &Lexicon, si: usize, start: usize, end: usize) -> Option<Cand> {
        let (text, toks, fl) = (self.text, self.toks, self.fl);
        let (name_start, title, mut evidence) = self.name_start(lex, start, end);
        let mut words = NameWords::default();
        let mut count = 0;
        let mut first_flags = 0;
        for j in (name_start.min(end)..end)
            .filter(|&j| toks[j].kind == TokenKind::Word && toks[j].text(text) != ".")
        {
            if count == 0 {
                first_flags = fl[j];
            }
            count += 1;
            words.push(toks[j].span());
        }
        if count == 0 || count > NameWords::MAX {
            return None;
        }
        if let Some(last) = words.last_mut() {
            *last = strip_possessive(text, *last);
        }
        if first_flags & GIVEN != 0 && words.len() >= 2 {
            evidence |= evidence::GIVEN;
        }
        // a role word just before the run: "spokesperson Zhao Lijian"
        if name_start == start && start > 0 && fl[start - 1] & ROLE != 0 {
            evidence |= evidence::ROLE;
        }
        // a speech verb next to the name: "Brown said", "said Brown"
        let after = fl.get(end).copied().unwrap_or(0);
        let before = start.checked_sub(1).map(|p| fl[p]).unwrap_or(0);
        if after & VERB != 0 && after & (VERB_PAST | VERB_S) != 0
            || before & (VERB_PAST | VERB_S) != 0 && before & VERB != 0
        {
            evidence |= evidence::SPEECH;
        }
        Some(Cand {
            words,
            title,
            evidence,
            sentence: si,
            initial: name_start == 0 && start == 0,
        })
    }
}

/// Every run of capitalised words of the document that may name a person, in document
/// order. Runs start only at capitalised words: the text model lists them, so the other
/// tokens are never visited.
fn candidates(tm: &TextModel, lex: &Lexicon, flags: &[u32]) -> Vec<Cand> {
    // at most one run starts at each capitalised word: sized once, never regrown
    let mut cands: Vec<Cand> = Vec::with_capacity(tm.capitalised.len());
    let caps = &tm.capitalised;
    let mut ci = 0;
    for (si, s) in tm.sentences.iter().enumerate() {
        // the capitalised words of this sentence are caps[ci..]
        while ci < caps.len() && (caps[ci] as usize) < s.tokens.start {
            ci += 1;
        }
        if is_title_case_headline(tm, s.paragraph) {
            continue;
        }
        let view = SentenceView {
            text: &tm.prose,
            toks: &tm.tokens[s.tokens.clone()],
            fl: &flags[s.tokens.clone()],
        };
        // the first token not yet in a run
        let mut k = 0;
        while ci < caps.len() && (caps[ci] as usize) < s.tokens.end {
            let at = caps[ci] as usize - s.tokens.start;
            ci += 1;
            if at < k {
                continue;
            }
            let end = view.run_end(at);
            cands.extend(view.candidate(lex, si, at, end));
            k = end;
        }
    }
    cands
}

/// A name's key: its words joined by spaces, built in a reused buffer (most mentions
/// repeat a name already met, and allocate nothing).
fn join_words(key: &mut String, text: &str, words: &NameWords) {
    key.clear();
    for (i, s) in words.iter().enumerate() {
        if i > 0 {
            key.push(' ');
        }
        key.push_str(s.text(text));
    }
}

impl People {
    /// `flags` holds the lexicon classes of every token of `tm` (see [`Lexicon::flags`]).
    /// Three steps: the candidate runs, a person for each distinct multi-word name, then
    /// each candidate tied to a person (a single word to the nearest person with it).
    pub fn find(tm: &TextModel, lex: &Lexicon, flags: &[u32]) -> People {
        let text: &str = &tm.prose;
        let cands = candidates(tm, lex, flags);
        let mut people = People::with_full_names(text, &cands);
        people.add_mentions(text, cands);
        people.mark_institution_styles();
        people
    }

    /// A person for each distinct name of two words or more, in order of first mention.
    fn with_full_names(text: &str, cands: &[Cand]) -> People {
        let mut people = People {
            // sized once: growing a hash table rehashes it
            by_full: FxHashMap::with_capacity_and_hasher(cands.len(), Default::default()),
            ..People::default()
        };
        let mut key = String::new();
        for c in cands.iter().filter(|c| c.words.len() >= 2) {
            join_words(&mut key, text, &c.words);
            if !people.by_full.contains_key(key.as_str()) {
                people.by_full.insert(key.clone(), people.persons.len());
                let words = c.words.iter().map(|s| s.text(text).to_string()).collect();
                people.persons.push(Person::new(words));
            }
        }
        people.by_word.reserve(people.persons.len() * 2);
        for (p, person) in people.persons.iter().enumerate() {
            for w in &person.words {
                people.by_word.entry(w.clone()).or_default().push(p);
            }
        }
        people
    }

    /// Ties each candidate to its person (creating one for a single word with evidence of
    /// being a person's name) and records the mentions.
    fn add_mentions(&mut self, text: &str, cands: Vec<Cand>) {
        let mut mentions = Vec::with_capacity(cands.len());
        // where each person was last mentioned, to resolve "Clinton" to the nearest Clinton
        let mut last_seen: Vec<Option<usize>> = Vec::new();
        let mut key = String::new();
        for c in cands {
            let person = if c.words.len() >= 2 {
                join_words(&mut key, text, &c.words);
                self.by_full.get(key.as_str()).copied()
            } else {
                self.single_word_person(text, &c, &last_seen)
            };
            let Some(person) = person else { continue };
            let span = Span::new(c.words[0].start, c.words[c.words.len() - 1].end);
            self.persons[person].evidence |= c.evidence;
            if last_seen.len() <= person {
                last_seen.resize(person + 1, None);
            }
            last_seen[person] = Some(c.words[0].start);
            mentions.push(Mention {
                span,
                words: c.words,
                title: c.title,
                person,
                evidence: c.evidence,
                sentence: c.sentence,
                sentence_initial: c.initial,
            });
        }
        for (i, m) in mentions.iter().enumerate() {
            self.persons[m.person].mentions.push(i);
        }
        self.mentions = mentions;
    }

    /// The person a one-word candidate names: the person with this word in their name
    /// mentioned most recently (or else the first), or a new person when the word has
    /// evidence of being someone's name ("Mr Brown", "Okafor said"). Most single
    /// capitalised words name no one, and nothing is allocated for them.
    fn single_word_person(
        &mut self,
        text: &str,
        c: &Cand,
        last_seen: &[Option<usize>],
    ) -> Option<usize> {
        let w = c.words[0].text(text);
        if let Some(list) = self.by_word.get(w) {
            let before = list
                .iter()
                .copied()
                .filter_map(|p| last_seen.get(p).copied().flatten().map(|at| (at, p)))
                .max()
                .map(|(_, p)| p);
            return Some(before.unwrap_or(list[0]));
        }
        let evident = c.evidence & (evidence::TITLE | evidence::SPEECH | evidence::ROLE) != 0;
        // a word opening its sentence needs a title or a speech verb, and a plural common
        // noun there names no one ("Protesters said")
        let opening_unproven = c.initial && c.evidence & (evidence::TITLE | evidence::SPEECH) == 0;
        if !evident || opening_unproven || c.initial && common_plural_of_people(w) {
            return None;
        }
        let idx = self.persons.len();
        self.persons.push(Person::new(vec![w.to_string()]));
        self.by_word.entry(w.to_string()).or_default().push(idx);
        self.by_full.insert(w.to_string(), idx);
        Some(idx)
    }

    /// The full name of the person a (possibly partial) name refers to: "Johnson" ->
    /// "Chris Johnson". `None` when the document names no such person.
    #[cfg(test)]
    pub fn resolve(&self, name: &str) -> Option<&str> {
        self.resolve_words(name.split_whitespace())
    }

    /// [`People::resolve`] for a name given word by word.
    pub fn resolve_words<'w>(&self, words: impl Iterator<Item = &'w str> + Clone) -> Option<&str> {
        let last = words.clone().last()?;
        let candidates = self.by_word.get(last)?;
        let best = candidates
            .iter()
            .map(|&p| &self.persons[p])
            .filter(|p| words.clone().all(|w| p.words.iter().any(|x| x == w)))
            .max_by_key(|p| (p.words.len(), p.mentions.len()))?;
        Some(best.full.as_str())
    }

    /// The most recent person mention that starts before `offset`.
    pub fn last_before(&self, offset: usize) -> Option<&Mention> {
        let i = self.mentions.partition_point(|m| m.span.start < offset);
        i.checked_sub(1).map(|i| &self.mentions[i])
    }

    /// The person mentions that start inside `span`, in document order.
    pub fn starting_within(&self, span: Span) -> &[Mention] {
        let from = self.mentions.partition_point(|m| m.span.start < span.start);
        let to = self.mentions.partition_point(|m| m.span.start < span.end);
        &self.mentions[from..to.max(from)]
    }

    /// Whether `m` is its person's first mention in the document: where the story
    /// introduces them.
    pub fn introduces(&self, m: &Mention) -> bool {
        let first = self.persons[m.person].mentions.first();
        first.is_some_and(|&f| self.mentions[f].span == m.span)
    }

    pub fn full_name(&self, m: &Mention) -> String {
        self.persons[m.person].full()
    }

    /// Records speech evidence for the people named as speakers: one lookup by full name
    /// for each speaker (searching every person for each speaker made long documents
    /// quadratic).
    pub fn mark_speakers<'s>(&mut self, speakers: impl Iterator<Item = &'s str>) {
        for s in speakers {
            #[cfg(test)]
            probes::count();
            if let Some(&p) = self.by_full.get(s) {
                self.persons[p].evidence |= evidence::SPEECH;
            }
        }
    }

    /// Is the name `full` styled as an institution's rather than a person's? News style
    /// shortens a person to the surname on second reference ("Judicial Watch said …
    /// Judicial Watch noted" is never "Watch noted"). Decided once per person by
    /// [`People::mark_institution_styles`]; asked once per source.
    pub fn styled_as_institution(&self, full: &str) -> bool {
        self.by_full
            .get(full)
            .is_some_and(|&p| self.persons[p].institution_style)
    }

    /// Sets each person's `institution_style`: a name of two words or more, met in full at
    /// least twice, never shortened, with no given name, title, role word or initial and
    /// no person noun last. One pass over the mentions (asking it per source walked every
    /// mention of the person for every attribution: quadratic on a name repeated).
    fn mark_institution_styles(&mut self) {
        let mut full = vec![0usize; self.persons.len()];
        let mut shortened = vec![false; self.persons.len()];
        for m in &self.mentions {
            let n = self.persons[m.person].words.len();
            if m.words.len() == n {
                full[m.person] += 1;
            } else if m.words.len() < n {
                shortened[m.person] = true;
            }
        }
        for (p, person) in self.persons.iter_mut().enumerate() {
            // an initial ("Roy M. Neel") or a last word naming a person ("a New Hampshire
            // Democrat") is a person's still
            let initial = person
                .words
                .iter()
                .any(|w| w.len() == 2 && w.ends_with('.'));
            let person_noun = person.words.last().is_some_and(|w| {
                crate::lexicon::heads::head_class(&w.to_lowercase())
                    == Some(crate::lexicon::heads::HeadClass::Person)
            });
            person.institution_style = person.words.len() >= 2
                && !initial
                && !person_noun
                && person.evidence & (evidence::GIVEN | evidence::TITLE | evidence::ROLE) == 0
                && full[p] >= 2
                && !shortened[p];
        }
    }

    /// Is `word` part of some person's name in this document?
    pub fn is_known_word(&self, word: &str) -> bool {
        self.by_word.contains_key(word)
    }
}

/// "Respondents said", "Protesters say": a plural common noun for people (WordNet's),
/// capitalised only because it opens the sentence, names no one.
fn common_plural_of_people(word: &str) -> bool {
    use crate::lexicon::heads::{HeadClass, head_class};
    word.ends_with('s')
        && word.chars().skip(1).all(|c| c.is_ascii_lowercase())
        && matches!(
            head_class(&word.to_ascii_lowercase()),
            Some(HeadClass::Person | HeadClass::Group)
        )
}

/// Counts the persons looked at by [`People::mark_speakers`] in tests: the work it does,
/// which a test bounds (a timed assertion would not be reliable).
#[cfg(test)]
mod probes {
    use std::cell::Cell;
    thread_local!(static PROBES: Cell<usize> = const { Cell::new(0) });
    pub fn count() {
        PROBES.with(|p| p.set(p.get() + 1));
    }
    pub fn take() -> usize {
        PROBES.with(|p| p.replace(0))
    }
}

#[cfg(test)]
mod tests {
    use super::People;

    #[test]
    fn ascii_classes_count_as_the_bytes_do() {
        for w in [
            "",
            "A",
            "Mr.",
            "McDonald",
            "U.S.",
            "B52",
            "ABCDEFGHIJ",
            "e.g.",
            "Zz09.-'az",
        ] {
            let b = w.as_bytes();
            let want = (
                b.iter().filter(|c| c.is_ascii_alphabetic()).count(),
                b.iter().filter(|c| c.is_ascii_uppercase()).count(),
                b.contains(&b'.'),
                b.iter().any(u8::is_ascii_digit),
            );
            assert_eq!(super::ascii_classes(b), want, "{w}");
        }
    }
    use crate::lexicon::Lexicon;
    use crate::text::TextModel;

    fn people(text: &str) -> People {
        let lex = Lexicon::builtin();
        let tm = TextModel::new(text, false);
        let flags: Vec<u32> = tm
            .tokens
            .iter()
            .map(|t| lex.flags(t.text(&tm.prose)))
            .collect();
        People::find(&tm, &lex, &flags)
    }

    fn cluster(p: &People, text: &str) -> Vec<(String, String)> {
        p.mentions
            .iter()
            .map(|m| (m.span.text(text).to_string(), p.full_name(m)))
            .collect()
    }

    #[test]
    fn short_forms_join_their_full_name() {
        let text =
            "Ex-CIA analyst Chris Johnson warned of risks. Mr Johnson said more. Johnson left.";
        let p = people(text);
        assert_eq!(
            cluster(&p, text),
            vec![
                ("Chris Johnson".into(), "Chris Johnson".into()),
                ("Johnson".into(), "Chris Johnson".into()),
                ("Johnson".into(), "Chris Johnson".into())
            ]
        );
        assert_eq!(p.resolve("Johnson"), Some("Chris Johnson"));
    }

    #[test]
    fn relatives_stay_apart_and_surnames_go_to_the_latest() {
        let text =
            "Bill Clinton spoke first. Hillary Clinton spoke next. Clinton said it was over.";
        let p = people(text);
        assert_eq!(p.persons.len(), 2);
        let last = p.mentions.last().map(|m| p.full_name(m));
        assert_eq!(last.as_deref(), Some("Hillary Clinton"));
    }

    #[test]
    fn titles_roles_and_places_are_not_names() {
        let text = "White House national security adviser Jake Sullivan met President Vladimir Putin’s envoy in Rome.";
        let p = people(text);
        let names: Vec<&str> = p.persons.iter().map(|x| x.full.as_str()).collect();
        assert_eq!(names, vec!["Jake Sullivan", "Vladimir Putin"]);
    }

    #[test]
    fn a_role_word_after_a_given_name_is_a_surname() {
        let text = "Matthew Prince, chief executive of the firm, met Larry King and Prince Harry.";
        let p = people(text);
        let names: Vec<&str> = p.persons.iter().map(|x| x.full.as_str()).collect();
        assert_eq!(names, vec!["Matthew Prince", "Larry King", "Harry"]);
    }

    #[test]
    fn plural_common_nouns_opening_a_sentence_are_not_names() {
        let text = "Respondents said the bridge was unsafe. Protesters say they will return. \
                    Okafor said the vote was close.";
        let p = people(text);
        let names: Vec<&str> = p.persons.iter().map(|x| x.full.as_str()).collect();
        assert_eq!(names, vec!["Okafor"]);
    }

    #[test]
    fn marking_speakers_looks_at_one_person_per_speaker() {
        // 3,000 people and 3,000 speakers: searching every person for each speaker was
        // 9 million comparisons; the work now grows with the speakers alone
        // distinct surnames from the letters of i in base 26
        let letters = |mut i: usize| {
            let mut w = String::new();
            for _ in 0..3 {
                w.push((b'a' + (i % 26) as u8) as char);
                i /= 26;
            }
            w
        };
        let text: String = (0..3000)
            .map(|i| format!("Anna Kowal{0}ski met Ben Oduya{0}. ", letters(i)))
            .collect();
        let mut p = people(&text);
        let names: Vec<String> = p.persons.iter().map(|x| x.full.clone()).collect();
        assert!(names.len() >= 3000, "{}", names.len());
        let speakers: Vec<&str> = names
            .iter()
            .map(String::as_str)
            .chain(["Nobody Here"])
            .collect();
        super::probes::take();
        p.mark_speakers(speakers.iter().copied());
        assert!(super::probes::take() <= speakers.len());
        assert!(
            p.persons
                .iter()
                .all(|x| x.evidence & super::evidence::SPEECH != 0)
        );
    }

    #[test]
    fn marking_speakers_agrees_with_searching_every_person() {
        let text = "Gordon Brown met Liu Pengyu. Mr Okafor said so. Brown left.";
        let speakers = [
            "Gordon Brown",
            "Okafor",
            "Pengyu",
            "Someone Else",
            "Liu Pengyu",
        ];
        let mut fast = people(text);
        let mut plain = fast.clone();
        fast.mark_speakers(speakers.iter().copied());
        for s in speakers {
            if let Some(q) = plain.persons.iter_mut().find(|q| q.full == s) {
                q.evidence |= super::evidence::SPEECH;
            }
        }
        assert_eq!(fast.persons, plain.persons);
    }
}
