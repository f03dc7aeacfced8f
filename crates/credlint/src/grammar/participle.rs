//! Participial reporting clauses: ", saying …", "by calling …", "with the union urging …",
//! "issued a statement warning …". A participle has no subject of its own: its speaker is
//! the subject of the clause it hangs on (or, in an absolute clause, the phrase right
//! before it), classified like any other source.

use super::np::{self, Np};
use super::{CueForm, Sentence, W, heads, is_ly_adverb};
use crate::lexicon::class::*;
use crate::text::TokenKind;

/// Prepositions whose gerund shares the subject of its clause: "responded by saying",
/// "erred in saying", "while adding", "after noting".
const SHARED_SUBJECT_PREPOSITIONS: &[&str] = &["by", "while", "after", "before", "in"];

/// Words that open a subordinate clause: the subject right after one is not the subject
/// of the main clause ("When the council met, the mayor left, saying …").
const SUBORDINATORS: &[&str] = &[
    "when", "after", "while", "although", "though", "because", "if", "as", "since", "before",
    "once", "unless", "until", "whether", "whereas",
];

/// Participles that report words without help ("Saying he was tired, …", ", Ryan saying
/// …"), unlike "calling" (a telephone call) or "continuing" (an activity going on); what
/// could still make one a sum or a motion ("adding 300 votes") `speech_participle` asks.
const WORDS_ONLY: &[&str] = &[
    "saying",
    "telling",
    "asking",
    "noting",
    "arguing",
    "insisting",
    "claiming",
    "warning",
    "adding",
    "explaining",
    "stressing",
    "suggesting",
    "repeating",
    "acknowledging",
    "recalling",
    "citing",
];

/// How far back from "as saying" its "quoted" is looked for, in tokens ("quoted Wassim
/// Bouhlel, a Nice native, as saying").
const MAX_QUOTED_AS: usize = 16;

/// How far back from a participle a clause's start is looked for, in tokens: bounds the
/// work per cue (each start tries a few parses of a short phrase).
const MAX_CLAUSE_BACK: usize = 40;

/// How long a clause's subject may be, in tokens ("The other candidate on the stage,
/// former governor Ada Roe,").
const MAX_CLAUSE_SUBJECT: usize = 24;

/// Irregular past forms and participles of common verbs of action, beyond the lexicon's
/// `past-tenses`: they end a subject as "-ed" does ("Lee hit back", "Roe has drawn").
const MORE_IRREGULAR_PAST: &[&str] = &[
    "hit",
    "shot",
    "cut",
    "let",
    "fled",
    "withdrew",
    "rode",
    "wore",
    "swore",
    "laid",
    "quit",
    "taken",
    "given",
    "drawn",
    "shown",
    "done",
    "gone",
    "seen",
    "known",
    "written",
    "spoken",
    "chosen",
    "broken",
    "thrown",
    "grown",
    "risen",
    "fallen",
    "forgotten",
    "stolen",
    "beaten",
];

/// Can the word at `e` be the first word of a clause's predicate, so that the words
/// before it are the subject? A past form, an auxiliary, an adverb ("Ann Lee opposed",
/// "the council has", "She also", "Lee didn't"), a reporting verb, an -s form that is not
/// a plural of people ("Ann Lee takes", not "Ann Lee citizens"), or any open-class word
/// after a plural or a personal pronoun ("Democrats see", "They want").
fn predicate_starts(ws: &[W], e: usize) -> bool {
    let Some(v) = ws.get(e) else {
        return false;
    };
    let negated = v.s.ends_with("n't") || v.s.ends_with("n’t");
    let closed = v.f & (PREP | DET) != 0 || v.f & FUNCTION != 0 && v.f & (AUX | ADVERB) == 0;
    if v.kind != TokenKind::Word || v.cap() || closed && !negated {
        return false;
    }
    let s = v.s;
    // cheap tests first: the WordNet lookups run only for -s words
    let third_person = || {
        s.ends_with('s')
            && !s.ends_with("ss")
            && !matches!(
                heads::head_class(s),
                Some(heads::HeadClass::Person | heads::HeadClass::Group)
            )
    };
    // a plural rarely modifies the noun after it: "Democrats see", not "Democrats leaders"
    let after_plural = || {
        e > 0 && !s.ends_with('s') && {
            let p = &ws[e - 1];
            np::one_of(p.s, &["they", "we", "i"])
                || p.kind == TokenKind::Word
                    && p.f & (FUNCTION | VERB) == 0
                    && p.s.ends_with('s')
                    && !p.s.ends_with("ss")
                    && (p.cap()
                        || p.f & (ANON_HEAD | ORG_HEAD | ROLE) != 0
                        || heads::names_people(p.s))
        }
    };
    negated
        || s.ends_with("ed")
        || s.ends_with("ly")
        || v.f & (AUX | ADVERB | VERB) != 0
        || v.f & PAST_TENSE != 0
        || MORE_IRREGULAR_PAST.contains(&s)
        || third_person()
        || after_plural()
}

/// Is the phrase `np` found after the comma before `s` the end of a serial list ("67
/// artists, writers, actors and scientists"): coordinated, with a plain noun before the
/// comma? Its comma joins the list and opens no clause.
fn ends_serial_list(ws: &[W], s: usize, np: &Np) -> bool {
    s >= 2
        && ws[s - 1].s == ","
        && np.coordinated
        && np.start == s
        && np::nounish(&ws[s - 2])
        && !ws[s - 2].cap()
        && ws[s - 2].f & (VERB | AUX | PAST_TENSE) == 0
}

/// [`predicate_starts`] for the window of tokens `lo..lo + 64` before a cue, computed once:
/// a cue tries several clause starts whose predicate windows overlap, and a sentence of
/// many participles would otherwise test each word again for every start. Answers
/// outside the window are computed as asked.
struct PredicateStarts {
    lo: usize,
    mask: u64,
}

impl PredicateStarts {
    fn new(ws: &[W], lo: usize, hi: usize) -> PredicateStarts {
        let mask = (lo..hi.min(lo + 64))
            .filter(|&e| predicate_starts(ws, e))
            .fold(0u64, |m, e| m | 1 << (e - lo));
        PredicateStarts { lo, mask }
    }

    fn at(&self, ws: &[W], e: usize) -> bool {
        if e >= self.lo && e - self.lo < 64 {
            self.mask & 1 << (e - self.lo) != 0
        } else {
            predicate_starts(ws, e)
        }
    }
}

impl Sentence<'_, '_, '_> {
    /// A present participle that reports speech (`k..end`, not after "be"): ", saying …",
    /// "by calling …", "with the union urging …", "a statement warning …". Emits the
    /// attribution and answers whether it did.
    pub(super) fn participle(
        &mut self,
        k: usize,
        end: usize,
        limit: &mut usize,
        first_in_sentence: usize,
    ) -> bool {
        let ws = self.ws;
        if !self.speech_participle(k, end) {
            return false;
        }
        if k > 0 && ws[k - 1].s == "as" {
            return self.quoted_as(k, end, *limit);
        }
        // "Noting that …, Tester added", "While saying that …, he continued": the
        // participle opens the sentence and shares the main clause's subject
        if self.opens_sentence(k) {
            if !self.opening_reports_words(k, end) {
                return false;
            }
            return match self.main_subject_after(end) {
                Some(np) => {
                    self.emit((k, end), Some(&np), CueForm::Verb);
                    true
                }
                None => false,
            };
        }
        if k == 0 {
            return false;
        }
        if self.opens_adjunct(k) {
            return self.adjunct_participle(k, k, end, first_in_sentence);
        }
        // ", falsely suggesting that …", "and later adding …": an adverb before the
        // participle belongs to it
        let at = k - 1;
        if is_ly_adverb(&ws[at]) && at > 0 && self.opens_adjunct(at) {
            return self.adjunct_participle(at, k, end, first_in_sentence);
        }
        // "responded by saying …", "erred in saying …": the gerund's subject is the
        // clause's, the nearest one ("after the council met by calling …")
        if np::one_of(ws[k - 1].s, SHARED_SUBJECT_PREPOSITIONS) {
            let subject = self
                .subordinate_subject(k - 1)
                .or_else(|| self.shared_subject(k - 1));
            return match subject {
                Some(np) => {
                    self.emit((k, end), Some(&np), CueForm::Verb);
                    true
                }
                None => false,
            };
        }
        if self.participle_after_phrase(k, end, *limit) {
            *limit = end;
            return true;
        }
        false
    }

    /// "CNN quoted a witness as saying …", "Roe was quoted by Reuters as saying …": the
    /// person quoted speaks, the object of an active "quoted" or the subject of a passive
    /// one. Any other "as saying" is left unread.
    fn quoted_as(&mut self, k: usize, end: usize, limit: usize) -> bool {
        let ws = self.ws;
        let lo = k.saturating_sub(MAX_QUOTED_AS);
        let Some(q) = (lo..k - 1)
            .rev()
            .find(|&j| np::one_of(ws[j].s, &["quoted", "quotes", "quote"]) && !ws[j].q)
        else {
            return false;
        };
        let passive = q > 0 && super::is_be(&ws[q - 1]);
        if passive {
            return match self.subject_before(limit, q - 1) {
                Some(np) => {
                    self.emit((k, end), Some(&np), CueForm::Verb);
                    true
                }
                None => false,
            };
        }
        // active: the quoting outlet or person reports, and the one quoted speaks: the
        // object up to "as", its appositive with it ("Wassim Bouhlel, a Nice native,").
        // ("quote" is no reporting verb alone: "quoted scripture", "quoted a price")
        let Some(quoted) = np::object(np::Toks(&ws[q + 1..k - 1]))
            .ok()
            .map(|(_, np)| np)
            .filter(|np| np.end == k - 1 || ws[np.end].s == "," && ws[k - 2].s == ",")
        else {
            return false;
        };
        if let Some(quoting) = self
            .subject_before(limit, q)
            .or_else(|| self.shared_subject(q))
        {
            self.emit((q, q + 1), Some(&quoting), CueForm::Verb);
        }
        self.emit((k, end), Some(&quoted), CueForm::Verb);
        true
    }

    /// Does the participle at `k` open the sentence, alone or after a preposition that
    /// makes it a gerund ("Noting that …", "After suggesting …")? ("Instead of
    /// condemning …" says what was not said.)
    fn opens_sentence(&self, k: usize) -> bool {
        let ws = self.ws;
        let opener = |w: &W| np::one_of(w.s, &["after", "while", "before", "by", "in", "upon"]);
        k == 0 || k == 1 && opener(&ws[0])
    }

    /// Does an opening participle report words, not an act ("By declaring their assets,
    /// people would …")? Its content follows it ("that", a quotation, a colon, a question
    /// word, a preposition: "Commenting on …", "Responding to …"), or it is a verb that
    /// only ever reports words ("Saying he was tired, …", "Citing a report, …").
    fn opening_reports_words(&self, k: usize, end: usize) -> bool {
        let ws = self.ws;
        let content = ws.get(end).is_some_and(|n| {
            n.q || n.kind == TokenKind::Quote
                || n.f & PREP != 0
                || np::one_of(
                    n.s,
                    &[
                        "that", ":", "whether", "what", "why", "how", "who", "when", "if",
                    ],
                )
        });
        content || np::one_of(ws[k].s, WORDS_ONLY)
    }

    /// The subject of the main clause after an opening phrase that ends at a comma after
    /// `from`: the first comma (outside quotations) whose next words are a subject and
    /// its verb ("Noting that Kirk, a Republican, voted no, Tester added").
    fn main_subject_after(&self, from: usize) -> Option<Np> {
        let ws = self.ws;
        let n = ws.len();
        let starts = PredicateStarts::new(ws, from, n);
        (from..n)
            .filter(|&c| ws[c].s == "," && !ws[c].q)
            .find_map(|c| self.clause_subject_at(c + 1, n, &starts))
    }

    /// Does the participle at `k` open an adjunct of the clause before it: after a
    /// comma, "and" or "but" ("saying it was sound but warning that …"), or a quotation
    /// closed by its comma (", calling it “grim,” saying …")? Not after a dash: "— calling
    /// it “grim” —" is an aside.
    pub(super) fn opens_adjunct(&self, k: usize) -> bool {
        let ws = self.ws;
        match k.checked_sub(1).map(|p| &ws[p]) {
            Some(p) if matches!(p.s, "," | "and" | "but") => true,
            Some(p) if p.kind == TokenKind::Quote => k >= 2 && ws[k - 2].s == "," && ws[k - 2].q,
            _ => false,
        }
    }

    /// ", saying …": the subject of the nearest clause before the participle, unless the
    /// sentence's latest speech cue lies in that clause ("Lee said …, adding …"), whose
    /// source then speaks again. The adjunct opens at `at` (the participle `k`, or an
    /// adverb before it).
    fn adjunct_participle(
        &mut self,
        at: usize,
        k: usize,
        end: usize,
        first_in_sentence: usize,
    ) -> bool {
        let subject = self.shared_subject(at);
        // the predicate's start: a cue inside the subject ("Lee, who endorsed Roe and
        // criticized Ames, spoke Monday, stressing …") is not the clause's
        let predicate_start = subject
            .as_ref()
            .map_or(0, |np| self.ws[np.end.min(k)].span.start);
        let latest_in_clause = self.out[first_in_sentence..]
            .last()
            .is_some_and(|a| a.cue.start >= predicate_start);
        if (subject.is_none() || latest_in_clause) && self.repeat_source(k, end, first_in_sentence)
        {
            return true;
        }
        if let Some(np) = subject.or_else(|| self.subject_set_off(at)) {
            self.emit((k, end), Some(&np), CueForm::Verb);
            return true;
        }
        false
    }

    /// "Ada Roe, citing a report, said …": a participle set off by commas right after a
    /// subject at the start of a clause (the sentence's, or after a comma) speaks for it.
    fn subject_set_off(&self, k: usize) -> Option<Np> {
        let ws = self.ws;
        if k < 2 || ws[k - 1].s != "," {
            return None;
        }
        let np = self.subject_before(0, k - 1)?;
        let clause_start = np.start == 0 || ws[np.start - 1].s == ",";
        // "Roe's aide rallied supporters, saying": a verb read into the phrase
        let verb_inside = (np.start + 1..np.end).any(|j| predicate_starts(ws, j));
        (clause_start && np.end == k - 1 && !verb_inside && self.speaks(&np)).then_some(np)
    }

    /// A participle right after a noun phrase: an absolute clause with its own subject
    /// ("with the union urging …", "— Lee saying …", "with 40 percent saying …"), or a
    /// document's content ("issued a statement saying …", "a petition calling on …"),
    /// spoken by whoever issued it when the clause names them.
    fn participle_after_phrase(&mut self, k: usize, end: usize, limit: usize) -> bool {
        let ws = self.ws;
        // "with gestures and private pleading.": a noun, nothing said after it
        if ws
            .get(end)
            .is_none_or(|n| matches!(n.s, "." | "!" | "?" | ";" | ")"))
        {
            return false;
        }
        // a verb before the phrase is no part of it: "have left 62 percent saying"
        let verb_first = |np: &Np| {
            let w = &ws[np.start];
            !w.cap() && (w.s.ends_with("ed") || w.f & PAST_TENSE != 0)
        };
        // "issued a statement Monday saying": the time is no part of the phrase
        let mut before = k;
        while before > limit + 1
            && (ws[before - 1].f & TEMPORAL != 0
                || np::one_of(ws[before - 1].s, &["this", "last", "on", "late", "early"]))
        {
            before -= 1;
        }
        let Some(np) = self.subject_before(limit, before).and_then(|np| {
            if verb_first(&np) {
                self.subject_before(np.start + 1, before)
            } else {
                Some(np)
            }
        }) else {
            return false;
        };
        if np.pronoun && !np::one_of(ws[np.head].s, &["he", "she", "they", "we", "i"]) {
            return false;
        }
        let head = &ws[np.head];
        // a poll's count is the subject of its own participle: "left three in 10 voters
        // saying …"
        if !np.pronoun
            && (super::classify::counts_people(&crate::text::lowercase(head.s))
                || np::is_count(head))
        {
            self.emit((k, end), Some(&np), CueForm::Verb);
            return true;
        }
        // the document's noun right before the participle, determined or plural ("a
        // statement", "his ads"; not "does not think continuing …", nor "an account of
        // Lee telling …", where Lee speaks)
        let document = (head.f & DOC_HEAD != 0
            || heads::head_class(&crate::text::lowercase(head.s))
                == Some(heads::HeadClass::Document))
            && np.head + 1 == np.end
            && (ws[np.start].f & DET != 0
                || ws[np.start].cap()
                || head.s.ends_with('s')
                || ws[np.start..np.head]
                    .iter()
                    .any(|w| crate::text::possessive::has_s(w.s)));
        if document {
            let issuer = self
                .shared_subject(np.start)
                .filter(|s| s.start < np.start && s.end <= np.start);
            self.emit(
                (k, end),
                Some(issuer.as_ref().unwrap_or(&np)),
                CueForm::Verb,
            );
            return true;
        }
        // an absolute clause: "with X saying", "— X saying" (after a comma the phrase is
        // more often a subject with its own participle: ", taxpayers reporting gains pay",
        // unless it is a name: ", Ryan saying he was encouraged and Trump calling it a
        // great meeting")
        let opens = np.start > 0 && matches!(ws[np.start - 1].s, "with" | "—" | "–");
        let named = np.start > 0
            && matches!(ws[np.start - 1].s, "," | "and")
            && np.head_cap
            && ws[np.start].cap()
            && ws[np.start].f & DET == 0;
        if (opens || named) && self.speaks(&np) {
            self.emit((k, end), Some(&np), CueForm::Verb);
            return true;
        }
        false
    }

    /// Is the participle at `k..end` speech? Not "adding to the lead" (a sum) nor
    /// "calling the office" (a telephone call: "calling" speaks only with a complement
    /// after its object, "calling him a liar", "calling it “grim”").
    fn speech_participle(&self, k: usize, end: usize) -> bool {
        let ws = self.ws;
        let next = ws.get(end);
        // "adding 1.2 million to the fund" adds money, not words
        if next.is_some_and(|n| n.kind == TokenKind::Number || matches!(n.s, "$" | "£" | "€" | "¥"))
        {
            return false;
        }
        let verb = ws[k].s;
        // "clapping, singing, chanting and waving balloons": a participle joined to the
        // next one by "and" reports no words
        let listed = next.is_some_and(|n| n.s == ",")
            && ws.get(end + 1).is_some_and(|w| {
                w.kind == TokenKind::Word && w.s.len() > 4 && w.s.ends_with("ing")
            });
        if listed || next.is_some_and(|n| np::one_of(n.s, &["and", "or"])) {
            return false;
        }
        // "telling few people about their situations": what is told about is a topic,
        // not words that were said
        if verb.eq_ignore_ascii_case("telling")
            && let Some(obj) = self.object_after(end)
            && ws.get(obj.end).is_some_and(|n| n.s == "about")
        {
            return false;
        }
        // "continuing education", "continuing to grow": "continue" reports speech only
        // when the words follow ("…, continuing: “…”")
        if verb
            .get(..7)
            .is_some_and(|p| p.eq_ignore_ascii_case("continu"))
            && verb.len() > 7
        {
            return next
                .is_some_and(|n| n.kind == TokenKind::Quote || matches!(n.s, "," | ":" | "that"));
        }
        // "adding to the lead", "slamming into the crowd": a motion or a sum, not words
        // ("calling into question" is a judgement)
        let moves = |n: &W| {
            n.s == "into" && !verb.eq_ignore_ascii_case("calling")
                || n.s == "to" && verb.eq_ignore_ascii_case("adding")
        };
        if next.is_some_and(moves) {
            return false;
        }
        if verb.eq_ignore_ascii_case("calling") && end == k + 1 {
            return match self.object_after(end) {
                Some(obj) => ws.get(obj.end).is_some_and(|n| {
                    n.kind == TokenKind::Quote
                        || n.kind == TokenKind::Word && n.f & (PREP | FUNCTION) == 0
                        || n.f & DET != 0
                }),
                None => true,
            };
        }
        true
    }

    /// Can the phrase speak: a name, a pronoun, a person's, a group's, an institution's
    /// or a document's noun?
    pub(super) fn speaks(&self, np: &Np) -> bool {
        let h = &self.ws[np.head];
        if np.pronoun {
            return !np::one_of(h.s, &["that", "there", "whom"]);
        }
        // "greeted 2,000 supporters": a verb, not the start of a phrase
        let first = &self.ws[np.start];
        if !first.cap() && first.f & DET == 0 && first.s.ends_with("ed") {
            return false;
        }
        // "the nurse", "residents", "critics": a person WordNet knows, or a plural of a
        // group (a singular such as "the market" is rarely a speaker)
        let class = heads::head_class(&crate::text::lowercase(h.s));
        h.cap()
            || h.f & (ANON_HEAD | ORG_HEAD | OUTLET_HEAD | DOC_HEAD | ROLE) != 0
            || class == Some(heads::HeadClass::Person)
            || h.s.ends_with('s') && class == Some(heads::HeadClass::Group)
    }

    /// The subject of a subordinate clause that holds the word at `k` ("… after the
    /// council met by calling …", "evidence that she had a role in denying …"): after the
    /// nearest subordinating conjunction or "that" before `k`, with no comma between.
    fn subordinate_subject(&self, k: usize) -> Option<Np> {
        let ws = self.ws;
        let lo = k.saturating_sub(MAX_CLAUSE_BACK);
        let sub = (lo + 1..k)
            .rev()
            .take_while(|&j| !matches!(ws[j].s, "," | ";" | "—" | "–") && !ws[j].q)
            .find(|&j| np::one_of(ws[j].s, SUBORDINATORS) || ws[j].s == "that")?;
        self.clause_subject_at(sub + 1, k, &PredicateStarts::new(ws, sub + 1, k))
    }

    /// The subject of the clause that a cue at `k` shares it with ("The mayor defended
    /// the route and said …", "She backed the plan, saying …"): the nearest clause start
    /// before `k` whose phrase is followed by its own verb — after a comma, a dash (a
    /// dateline: "LONDON — …") or at the sentence's start, after an opening conjunction
    /// ("But …"). Only a phrase that can speak, never a relative pronoun.
    pub(super) fn shared_subject(&self, k: usize) -> Option<Np> {
        let ws = self.ws;
        let lo = k.saturating_sub(MAX_CLAUSE_BACK);
        let breaks = (lo..k.saturating_sub(1))
            .rev()
            .filter(|&c| !ws[c].q && matches!(ws[c].s, "," | "—" | "–" | ";"))
            .map(|c| c + 1);
        let opener = ws.first().is_some_and(|w| {
            w.cap()
                && w.f & (FUNCTION | ADVERB) != 0
                && w.f & (PRONOUN | DET) == 0
                && !np::one_of(w.s, SUBORDINATORS)
        });
        let starts = PredicateStarts::new(ws, lo, k);
        breaks
            .chain([opener.then_some(1), Some(0)].into_iter().flatten())
            .find_map(|s| {
                self.clause_subject_at(s, k, &starts)
                    .filter(|np| !ends_serial_list(ws, s, np))
            })
    }

    /// The subject of a clause starting at `s` (after an "and" or "but" there), whose
    /// verb comes before `k`: each place the predicate can start is tried, nearest first
    /// (the noun grammar alone would read "Ann Lee opposed" as one phrase).
    fn clause_subject_at(&self, s: usize, k: usize, starts: &PredicateStarts) -> Option<Np> {
        let ws = self.ws;
        // "and the council …", "but even Obama …": the conjunction and a focusing adverb
        // open the clause, they are not its subject
        let mut s = s;
        if ws.get(s).is_some_and(|w| np::one_of(w.s, &["and", "but"])) {
            s += 1;
        }
        if ws
            .get(s)
            .is_some_and(|w| w.f & ADVERB != 0 && w.f & FUNCTION != 0 && w.f & AUX == 0)
        {
            s += 1;
        }
        if ws.get(s).is_none_or(|w| w.q || w.kind == TokenKind::Quote) {
            return None;
        }
        (s + 1..k.min(s + MAX_CLAUSE_SUBJECT))
            .filter(|&e| starts.at(ws, e))
            .find_map(|e| {
                let np = np::subject_before_cue_memo(
                    np::Toks(&ws[s..e]),
                    &mut np::FailedUnits::default(),
                )?;
                (np.start == s && self.speaks(&np) && !self.closed_relative(&np, k)).then_some(np)
            })
    }

    /// A relative pronoun whose clause a comma closes before `k` ("The mayor, who took
    /// office in May, vetoed it, saying …", "… the manager, who hit a reporter, calling
    /// it …"): the cue belongs to the main clause. Open, it carries on ("Lee, who endorsed
    /// Roe and said …").
    fn closed_relative(&self, np: &Np, k: usize) -> bool {
        let ws = self.ws;
        np.pronoun
            && np::one_of(ws[np.head].s, &["who", "which"])
            && ws[np.end..k].iter().any(|w| w.s == "," && !w.q)
    }
}

#[cfg(test)]
mod tests {
    use crate::Document;
    use crate::config::Config;

    /// (cue, source) of every attribution in `text`.
    fn atts(text: &str) -> Vec<(String, Option<String>)> {
        let cfg = Config::builtin().expect("config");
        let doc = Document::new("t.txt", text, &cfg);
        doc.attributions
            .iter()
            .map(|a| {
                let source = a.source.map(|s| s.text(text).to_string());
                (a.cue.text(text).to_string(), source)
            })
            .collect()
    }

    /// Each text holds one attribution with this cue and source.
    fn assert_each(cases: &[(&str, &str, &str)]) {
        for &(text, cue, source) in cases {
            let got = atts(text);
            let want = vec![(cue.to_string(), Some(source.to_string()))];
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn a_participle_after_a_comma_speaks_for_its_clause_subject() {
        assert_each(&[
            // an auxiliary, an adverb or a negation ends the subject
            (
                "Ada Roe has taken a swipe at the council, saying the plan would hurt families.",
                "saying",
                "Ada Roe",
            ),
            (
                "She also compared the mayor to his rival, calling them both timid.",
                "calling",
                "She",
            ),
            (
                "Lund didn’t seem impressed with the budget, telling reporters it was thin.",
                "telling",
                "Lund",
            ),
            // a dateline, and an opening phrase with commas of its own
            (
                "OSLO — Sen. Ivo Berg (D-Ore.) defended his vote, saying the cuts were modest.",
                "saying",
                "Sen. Ivo Berg (D-Ore.)",
            ),
            (
                "At a rally in Dayton, Ohio, on Monday, Governor Ada Roe endorsed Ames, noting his record.",
                "noting",
                "Governor Ada Roe",
            ),
            // the participle after a quotation closed by its comma
            (
                "The mayor backed the “bold and fair” plan as “overdue,” adding that it would pass.",
                "adding",
                "The mayor",
            ),
            // the subject of the main clause, not of an opening subordinate clause
            (
                "When the council met, the mayor resigned, citing a report by the auditor.",
                "citing",
                "the mayor",
            ),
            // a relative clause closed by a comma belongs to the subject
            (
                "The mayor, who took office in May, vetoed the bill, warning it was costly.",
                "warning",
                "The mayor, who took office in May,",
            ),
            // a participle set off right after the subject
            (
                "Ada Roe, citing a study by the university, backed the plan.",
                "citing",
                "Ada Roe",
            ),
        ]);
    }

    #[test]
    fn a_later_clause_or_an_earlier_cue_decides_who_speaks_again() {
        // a plural subject ends at its verb, whatever the verb
        let got = atts("Residents fear the plan is unfair, arguing that rents will rise.");
        assert_eq!(got, vec![("arguing".into(), Some("Residents".into()))]);
        // the sentence's latest speech cue is in the clause: its source speaks again
        let got = atts("Ada Roe said the plan was fair, adding that it would pass.");
        assert_eq!(got.len(), 2);
        assert_eq!(got[1], ("adding".into(), Some("Ada Roe".into())));
        // a cue in an earlier clause is not the participle's
        let got = atts("After Lee said the plan failed, the mayor resigned, citing costs.");
        assert_eq!(
            got.last(),
            Some(&("citing".into(), Some("the mayor".into())))
        );
    }

    #[test]
    fn a_gerund_after_by_or_while_shares_its_clause_subject() {
        assert_each(&[
            (
                "The mayor ended the meeting by saying the plan was sound.",
                "saying",
                "The mayor",
            ),
            (
                "Critics left early because the chair angered them by suggesting they were paid.",
                "suggesting",
                "the chair",
            ),
        ]);
    }

    #[test]
    fn absolute_clauses_and_documents_have_their_own_speaker() {
        assert_each(&[
            (
                "The talks ended at noon, with the union urging members to stay calm.",
                "urging",
                "the union",
            ),
            (
                "The council issued a statement Monday saying the vote would go ahead.",
                "saying",
                "The council",
            ),
            (
                "A petition calling for a recount drew 500 signatures.",
                "calling for",
                "A petition",
            ),
        ]);
    }

    #[test]
    fn a_participle_after_but_or_a_named_absolute_clause_speaks() {
        // joined by "but" to a participle of the same clause
        let got = atts("Ada Roe praised the plan, calling it sound but warning that it was late.");
        assert_eq!(
            got.last(),
            Some(&("warning".to_string(), Some("Ada Roe".to_string())))
        );
        // a name with its own participle after a comma or "and"
        let got = atts(
            "Both men issued a statement, Ryan saying he was encouraged and Trump calling it a great meeting.",
        );
        assert!(
            got.contains(&("saying".to_string(), Some("Ryan".to_string()))),
            "{got:?}"
        );
        assert!(
            got.contains(&("calling".to_string(), Some("Trump".to_string()))),
            "{got:?}"
        );
        // an adverb before the participle belongs to it
        let got = atts(
            "Trump raised questions about the birthplace, falsely suggesting that it was abroad.",
        );
        assert_eq!(
            got.last(),
            Some(&("suggesting".to_string(), Some("Trump".to_string())))
        );
        // a described phrase after a comma is a subject with a participle of its own
        assert_eq!(
            atts("Under the plan, taxpayers reporting gains would pay less."),
            vec![]
        );
    }

    #[test]
    fn quoted_as_saying_gives_the_quoting_and_the_quoted() {
        assert_eq!(
            atts(
                "The Associated Press quoted Wassim Bouhlel, a Nice native, as saying the truck stopped."
            ),
            vec![
                (
                    "quoted".to_string(),
                    Some("The Associated Press".to_string())
                ),
                (
                    "saying".to_string(),
                    Some("Wassim Bouhlel, a Nice native,".to_string())
                ),
            ]
        );
        assert_each(&[
            (
                "Roe was quoted as saying the plan was dead.",
                "saying",
                "Roe",
            ),
            ("“It is dead,” Roe was quoted as saying.", "saying", "Roe"),
        ]);
        // a channel of the source, and "quote" with no one quoted, are no cues
        assert_each(&[(
            "Ada Roe, quoted in the Times, said it was dead.",
            "said",
            "Ada Roe, quoted in the Times,",
        )]);
        assert_eq!(atts("He quoted a price of $40."), vec![]);
    }

    #[test]
    fn remembered_predicate_starts_equal_the_plain_test() {
        let text = "But the other candidate, Ada Roe, has also drawn critics who say they \
                    didn’t vote, and residents fear it, noting that Lee hit back on Monday \
                    and the councils wrote letters, saying the plan was late.";
        let cfg = Config::builtin().expect("config");
        let tm = crate::text::TextModel::new(text, false);
        let flags = cfg.lexicon.token_flags(&tm);
        let ws = super::super::tests::marked_words(&tm, &flags, 0..tm.tokens.len(), &cfg);
        assert!(ws.len() > 40);
        for lo in [0, 3, 17] {
            let starts = super::PredicateStarts::new(&ws, lo, ws.len());
            for e in 0..ws.len() + 2 {
                assert_eq!(
                    starts.at(&ws, e),
                    super::predicate_starts(&ws, e),
                    "{lo} {e}"
                );
            }
        }
    }

    #[test]
    fn common_word_labels_before_a_colon_are_no_speakers() {
        for text in [
            "Q: Will you run again?\n\nA: No.\n",
            "CORRECTION: An earlier version misspelled a name.\n",
            "Breaking: Council Votes To Close The Pool\n\nThe vote was close.\n",
            "Contributing: Ada Roe and Tom Lee.\n",
        ] {
            let colons: Vec<_> = atts(text).into_iter().filter(|(c, _)| c == ":").collect();
            assert_eq!(colons, vec![], "{text}");
        }
        let text = "Ada Roe spoke on Monday.\n\nROE: “We will reopen the pool.”\n";
        let colons: Vec<_> = atts(text).into_iter().filter(|(c, _)| c == ":").collect();
        assert_eq!(
            colons,
            vec![(":".to_string(), Some("ROE".to_string()))],
            "{text}"
        );
    }

    #[test]
    fn participles_that_are_not_speech() {
        for text in [
            "She left the meeting, calling the office on her way home.",
            "Roe won the county, adding to her lead in the state.",
            "The driver lost control, slamming into a wall.",
            "Under the plan, taxpayers reporting gains would pay less.",
            "Ada Roe enrolled in continuing education classes.",
            "Ada Roe kept the job, continuing to work nights.",
            "Roe won the county, adding 300 votes.",
            "The market was quiet, suggesting little change.",
        ] {
            assert_eq!(atts(text), vec![], "{text}");
        }
        // nouns joined by "and", not verbs sharing a subject (only the non-comment cue)
        let text = "Others did not return calls and emails seeking comment.";
        let cues: Vec<String> = atts(text).into_iter().map(|(c, _)| c).collect();
        assert_eq!(cues, vec!["did not return".to_string()], "{text}");
    }

    #[test]
    fn a_participle_opening_the_sentence_shares_the_main_subject() {
        assert_each(&[
            (
                "Noting that both leaders battled the press, Schlafly put her finger on it.",
                "Noting",
                "Schlafly",
            ),
            (
                "After suggesting on Wednesday that he regretted the insults, Mr. Rubio held back.",
                "suggesting",
                "Mr. Rubio",
            ),
        ]);
        // the opening phrase's own commas are passed over to the main clause's subject
        let v = atts("Noting that Kirk, a Republican, voted no, Tester added: “That is sad.”");
        assert!(
            v.contains(&("Noting".to_string(), Some("Tester".to_string()))),
            "{v:?}"
        );
        // an act, not words: the participle's object is no content
        assert_eq!(
            atts("By declaring their assets and paying the tax, people would keep them."),
            vec![]
        );
        // what was not said is no attribution
        let v = atts("Instead of condemning the invasion, Beijing urged a settlement.");
        assert!(v.iter().all(|a| a.0 != "condemning"), "{v:?}");
    }

    #[test]
    fn the_last_items_of_a_serial_list_are_no_clause_subject() {
        let v = atts(
            "A group of 67 artists, writers, actors and scientists this week published a letter and called on people to remember.",
        );
        assert!(
            v.iter()
                .all(|a| a.1.as_deref() != Some("actors and scientists")),
            "{v:?}"
        );
    }
}
