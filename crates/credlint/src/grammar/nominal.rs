//! Nominal reporting cues: a noun of speech whose possessive names the speaker, with what
//! was said after it ("his claim that …", "Obama’s warning that …", "Ada Roe’s earlier
//! statement: “…”"). English reports words with nouns as often as with verbs; a possessive
//! is the one place such a noun says who spoke. Without one ("criticism of the plan",
//! "questions about his health") no one is named, and nothing is read; with a topic only
//! ("their criticism of the plan") no claim is reported.

use super::np::{self, Np};
use super::{CueForm, Sentence, W};
use crate::lexicon::class::*;
use crate::text::TokenKind;

/// How many modifiers may stand between the possessive and its noun ("his recent and
/// repeated calls", "Mr. Trump’s continual attacks").
const MAX_MODIFIERS: usize = 3;

/// How many words a named possessor may span ("Former Gov. Ada Roe’s").
const MAX_POSSESSOR: usize = 5;

/// Words after a speech noun that open what was said as a clause: "claim that …",
/// "warning: …". A topic ("criticism of the plan", "remarks about Israel") reports no
/// claim, and in news is as often an event ("his remarks on Monday") as speech.
const CONTENT_OPENERS: &[&str] = &["that", ":"];

/// The possessive pronouns that name a speaker ("his claim that …").
const POSSESSIVE_PRONOUNS: &[&str] = &["his", "her", "their", "its"];

/// Words with `’s` that are no possessive speaker: "That’s a claim", "Here’s the call".
const NOT_POSSESSORS: &[&str] = &[
    "that",
    "there",
    "what",
    "here",
    "it",
    "this",
    "who",
    "where",
    "how",
    "when",
    "why",
    "everyone",
    "everybody",
    "nobody",
    "somebody",
    "someone",
    "one",
    "let",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "week",
    "year",
    "month",
    "day",
    "nation",
    "world",
    "country",
    "state",
    "city",
];

impl Sentence<'_, '_, '_> {
    /// A speech noun at `k` with a possessive speaker before it and what was said after
    /// it. Emits the attribution (cue: the noun) and answers whether it did.
    pub(super) fn nominal(&mut self, k: usize) -> bool {
        let ws = self.ws;
        if !self.opens_content(k) {
            return false;
        }
        let Some(p) = self.possessive_before(k) else {
            return false;
        };
        let Some(np) = self.possessor_at(p) else {
            return false;
        };
        // "repeated his claim that …", "issued their statement": the verb before it is
        // the cue already read, and the noun its object
        let after_cue = self.out.last().is_some_and(|a| {
            a.sentence == self.si
                && ws[np.start.saturating_sub(3)].span.start <= a.cue.start
                && a.cue.end <= ws[np.start].span.start
        });
        if after_cue {
            return false;
        }
        self.emit((k, k + 1), Some(&np), CueForm::Nominal);
        // the speaker is the person, not the possessive ("Obama", not "Obama’s")
        if let Some(a) = self.out.last_mut()
            && let Some(name) = a.speaker.as_mut()
        {
            let bare = crate::text::possessive::strip(name).len();
            name.truncate(bare);
        }
        true
    }

    /// Does what was said follow the noun at `k`: "that", a colon, or a quotation?
    fn opens_content(&self, k: usize) -> bool {
        self.ws
            .get(k + 1)
            .is_some_and(|n| n.kind == TokenKind::Quote || n.q || np::one_of(n.s, CONTENT_OPENERS))
    }

    /// Where the possessive before the noun at `k` is, over at most [`MAX_MODIFIERS`]
    /// modifiers ("his stern warning", "Obama’s original pledge").
    fn possessive_before(&self, k: usize) -> Option<usize> {
        let ws = self.ws;
        let lo = k.saturating_sub(MAX_MODIFIERS + 1);
        (lo..k).rev().find_map(|j| {
            let w = &ws[j];
            if possessive_word(w) {
                return Some(Some(j));
            }
            // a modifier: an adjective or an adverb, or "and" between two of them; a noun
            // ends the search ("Trump’s campaign claims that …" is a verb's subject)
            let modifier = !w.cap()
                && w.kind == TokenKind::Word
                && !w.q
                && (w.f & (FUNCTION | DET | PREP | PRONOUN | AUX) == 0
                    // a participle is an adjective here: "his repeated claims"
                    && (w.f & VERB == 0 || w.s.ends_with("ed"))
                    && adjective(w.s)
                    || short_adjective(w.s)
                    || w.s == "and");
            (!modifier).then_some(None)
        })?
    }

    /// The possessor ending at the possessive word `p`: a pronoun ("his") or a name
    /// ("Hillary Clinton’s", "Mr. Trump’s").
    fn possessor_at(&self, p: usize) -> Option<Np> {
        let ws = self.ws;
        let w = &ws[p];
        if np::one_of(w.s, POSSESSIVE_PRONOUNS) {
            return Some(Np {
                pronoun: true,
                ..Np::ending_at(p, p)
            });
        }
        let bare = crate::text::possessive::strip(w.s);
        if np::one_of(bare, NOT_POSSESSORS) {
            return None;
        }
        if w.cap() {
            // a name and its title: "Mr. Trump’s", "Former Gov. Ada Roe’s"
            let mut start = p;
            while start > 0 && p - start + 1 < MAX_POSSESSOR {
                let prev = &ws[start - 1];
                let title_stop = prev.s == "." && start >= 2 && ws[start - 2].f & TITLE != 0;
                if title_stop {
                    start -= 2;
                } else if prev.cap() && prev.kind == TokenKind::Word && !prev.q {
                    start -= 1;
                } else {
                    break;
                }
            }
            // the sentence's first word, capitalised by position only: a name only if
            // the lexicon does not know it as a function word
            if start == 0 && p == 0 && w.f & (FUNCTION | PRONOUN | DET) != 0 {
                return None;
            }
            return Some(Np {
                head_cap: true,
                ..Np::ending_at(start, p)
            });
        }
        // "the senator’s claim": a described speaker is left to the verbs that name
        // one, where the grammar reads the whole description (the word with its
        // possessive ending is no lexicon entry, and would be classed blind)
        None
    }
}

/// Adjectives and adverbs as a speech noun's modifiers, by their endings ("repeated",
/// "controversial", "public", "slashing", "frequently"). A plain noun ("campaign",
/// "plan") is none.
fn adjective(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ed", "al", "ic", "ous", "ive", "ent", "ant", "est", "ful", "less", "ary", "ible", "able",
        "ing", "ly", "ial",
    ];
    let w = word.to_ascii_lowercase();
    w.len() > 3 && ENDINGS.iter().any(|e| w.ends_with(e))
}

/// Common short adjectives no ending shows ("new", "stern", "earlier").
fn short_adjective(word: &str) -> bool {
    const SHORT: &[&str] = &[
        "new", "own", "first", "last", "earlier", "later", "late", "early", "harsh", "sharp",
        "stern", "fresh", "strong", "blunt", "bold", "false", "broad", "direct", "latest",
        "recent", "frank", "fierce", "stark", "terse", "vague", "wild", "bogus", "dubious", "firm",
        "full", "grim", "joint", "long", "loud", "odd", "open", "past", "plain", "prior", "rare",
        "rosy", "rude", "tough", "vocal", "whole",
    ];
    np::one_of(word, SHORT)
}

/// "his", "their", "Obama’s", "Republicans’": a possessive determiner or a word with a
/// possessive ending.
fn possessive_word(w: &W) -> bool {
    w.kind == TokenKind::Word
        && !w.q
        && (np::one_of(w.s, POSSESSIVE_PRONOUNS) || crate::text::possessive::is_possessive(w.s))
}

#[cfg(test)]
mod tests {
    use crate::Document;
    use crate::config::Config;
    use crate::grammar::CueForm;

    /// (cue, source) of every nominal attribution in `text`.
    fn nominal(text: &str) -> Vec<(String, String)> {
        let cfg = Config::builtin().expect("config");
        let doc = Document::new("t.txt", text, &cfg);
        doc.attributions
            .iter()
            .filter(|a| a.form == CueForm::Nominal)
            .map(|a| {
                let source = a.source.map(|s| s.text(text).to_string());
                (a.cue.text(text).to_string(), source.unwrap_or_default())
            })
            .collect()
    }

    #[test]
    fn a_possessive_names_who_made_the_claim() {
        for (text, cue, source) in [
            (
                "His claim that the vote was rigged fell flat.",
                "claim",
                "His",
            ),
            (
                "Ada Roe’s claim that she won fell flat.",
                "claim",
                "Ada Roe’s",
            ),
            (
                "How does Obama’s claim that he saved jobs stack up?",
                "claim",
                "Obama’s",
            ),
            (
                "Others were unmoved by their insistence that the plan was fair.",
                "insistence",
                "their",
            ),
            (
                "Mr. Trump’s repeated accusations that the judge was biased drew rebukes.",
                "accusations",
                "Mr. Trump’s",
            ),
            (
                "The standing of the senator rose after his stern warning that rates would rise.",
                "warning",
                "his",
            ),
            (
                "Voters shrugged at Ada Roe’s earlier statement: “We are winning.”",
                "statement",
                "Ada Roe’s",
            ),
        ] {
            assert_eq!(
                nominal(text),
                vec![(cue.to_string(), source.to_string())],
                "{text}"
            );
        }
    }

    #[test]
    fn the_speaker_is_the_person_not_the_possessive() {
        let cfg = Config::builtin().expect("config");
        let text = "Ada Roe spoke first. Mr. Lee’s claim that she lied was false. His claim \
                    that the vote was rigged fell flat.";
        let doc = Document::new("t.txt", text, &cfg);
        let speakers: Vec<_> = doc
            .attributions
            .iter()
            .filter(|a| a.form == CueForm::Nominal)
            .map(|a| a.speaker.as_deref())
            .collect();
        assert_eq!(speakers, vec![Some("Lee"), Some("Lee")]);
    }

    #[test]
    fn a_speech_noun_without_a_speaker_or_content_is_no_cue() {
        for text in [
            // no possessive: no one is named
            "The criticism of the plan grew.",
            // a topic, not a claim
            "Others were unapologetic in their criticism of the plan.",
            "Ada Roe’s remarks about Israel drew applause.",
            "There are questions about his health.",
            // nothing said follows the noun
            "His remarks drew applause.",
            // a possessive of no speaker: a place, a time, a contraction
            "That’s a claim that few believe.",
            "The nation’s call for calm went unheeded.",
            "Today’s announcement that the budget was delayed surprised no one.",
            // a described speaker is left to the verbs
            "The senator’s claim that the vote was rigged fell flat.",
            // the noun is the object of a cue already read
            "Ada Roe repeated her claim that the vote was rigged.",
        ] {
            assert_eq!(nominal(text), vec![], "{text}");
        }
    }
}
