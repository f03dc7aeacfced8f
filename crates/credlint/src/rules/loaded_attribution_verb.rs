//! `loaded-attribution-verb`: a reporting verb that takes sides ("claimed", "admitted").

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Rule, RuleDef, RuleMeta, Sink, options, quoted};
use crate::analysis::Document;
use crate::grammar::CueForm;
use crate::text::Span;

pub const DEF: RuleDef = RuleDef {
    meta: RuleMeta {
        id: "loaded-attribution-verb",
        summary: "a reporting verb that takes sides (\"claimed\", \"admitted\", \"refuted\")",
        doc: DOC,
    },
    build: |v| Ok(Box::new(LoadedVerb::new(options(v)?))),
};

const DOC: &str = r#"# loaded-attribution-verb

## What it does
Flags reporting verbs that judge what they report: "claimed" (casts doubt), "admitted"
and "conceded" (imply a fault), "revealed" (implies a hidden truth), "insisted" (implies
resistance), "pointed out" (endorses the statement as fact), and "refuted", which means
*disproved* and is often misused for "denied". The message suggests the neutral verb.

Only a verb that reports something said is read: its subject is a speaker and it takes
what was said, a "that" clause, a quotation, a clause of its own ("claimed the plan had
failed"), "boasted of" or "about", or it closes or interrupts its sentence ("…, he
insisted."). Not reported, then: the verb with a thing as its object ("claims the vital
first break", "the resort boasts two pools", "claim their pensions", "claimed
responsibility"), "insist on" a thing (a demand, not a statement), "admitted to the
United States" (let in), "make bloggers reveal" (made to, no statement reported), and the
noun "claims" ("amid opposition claims", "Mr Blair derided Tory claims that …").

Not reported either where the verb judges no one: a negation ("did not reveal"), a
conceded contest ("the senator conceded on Tuesday night"), "point out" with an object
("pointing out where the mill stood"), "allege" in a legal setting (a suit, a court,
prosecutors) or as an adjective ("alleged schemes"), and "admit" in a plea or in
testimony, in its sentence or the one before ("pleaded guilty in May … He admitted to …").

"Complained" is not on the built-in list: it names the kind of statement (a grievance),
not its truth, and where the statement is a grievance it is the accurate verb (a reading
of 60 findings found it noisy, never fair: "Sanders complained that the debates were
scheduled to protect Clinton"). AP asks for "said" because it is neutral, and lists no
verb of grievance among those that take sides. "Whined" (which mocks the speaker) and
"boasted" (which judges their pride) stay. Add `complain = "said"` to `verbs` to have it
reported.

## Why is this bad?
"Said" is neutral; these verbs put the writer's judgement into the attribution. AP: "said"
is almost always the right word.

## Example
```text
Chinese officials have refuted the charges.
American officials claim Moscow has requested equipment.
```
Use instead:
```text
Chinese officials have denied the charges.
American officials say Moscow has requested equipment.
```

## Standard
AP Stylebook, "said"; "claim"; "refute".

## Options
- `verbs`: a table of loaded verbs (base form) and the suggestion for each, e.g.
  `verbs = { claim = "said", refute = "denied" }`. Inflected forms are recognised.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    verbs: BTreeMap<String, String>,
}

struct LoadedVerb {
    /// Every inflected form (lowercase) to its base verb and suggestion.
    forms: rustc_hash::FxHashMap<String, (String, String)>,
}

impl LoadedVerb {
    fn new(o: Options) -> Self {
        let mut forms = rustc_hash::FxHashMap::default();
        for (base, suggestion) in o.verbs {
            let words: Vec<&str> = base.split_whitespace().collect();
            let Some((first, rest)) = words.split_first() else {
                continue;
            };
            for (form, _) in crate::lexicon::generate_forms(first) {
                let full = std::iter::once(form.as_str())
                    .chain(rest.iter().copied())
                    .collect::<Vec<_>>()
                    .join(" ");
                forms.insert(full, (base.clone(), suggestion.clone()));
            }
        }
        LoadedVerb { forms }
    }
}

impl Rule for LoadedVerb {
    fn check(&self, doc: &Document, sink: &mut Sink) {
        let mut seen = rustc_hash::FxHashSet::default();
        // the cue's words, single-spaced and lowercased, built in one reused buffer:
        // nearly every cue is a plain "said" that no list holds
        let mut key = String::new();
        for a in &doc.attributions {
            if !matches!(a.form, CueForm::Verb | CueForm::Inverted) || seen.contains(&a.cue) {
                continue;
            }
            seen.insert(a.cue);
            let cue = a.cue.text(doc.prose());
            key.clear();
            for (i, w) in cue.split_whitespace().enumerate() {
                if i > 0 {
                    key.push(' ');
                }
                key.push_str(w);
            }
            if key.is_ascii() {
                key.make_ascii_lowercase();
            } else {
                key = key.to_lowercase();
            }
            let Some((base, suggestion)) = self.forms.get(&key) else {
                continue;
            };
            // a document "reveals" or "notes" without taking sides
            if a.kind == crate::grammar::SourceKind::Document && base != "claim" {
                continue;
            }
            // "claimed the first break", "the red carpet boasted stars", "amid opposition
            // claims": the word is no verb of speech here, and judges no statement
            if !has_speaker(doc, a) || !reports_speech(doc, a, base) {
                continue;
            }
            if neutral_use(doc, a.cue, base) {
                continue;
            }
            let why = match base.as_str() {
                "refute" => "“refute” means to disprove; if the claim was only rejected, the source denied it".to_string(),
                "claim" => "“claim” casts doubt on what the source says".to_string(),
                "admit" | "concede" | "confess" => format!("“{base}” implies the source owned up to a fault"),
                "reveal" | "disclose" => format!("“{base}” presents the statement as a hidden truth"),
                "point out" | "note" => format!("“{base}” endorses the statement as fact"),
                "insist" => "“insist” suggests the source is resisting the facts".to_string(),
                _ => format!("“{base}” carries a judgement that “{suggestion}” does not"),
            };
            let d = sink
                .diag(a.cue, format!("loaded attribution verb {}: consider “{suggestion}”", quoted(cue)))
                .label(why)
                .help(format!("use a neutral verb (“{suggestion}”) unless the judgement is the point and is supported"))
                .suggest(a.cue, suggestion.clone());
            sink.push(d);
        }
    }
}

/// Whether the cue's subject can speak. "Claims" and "claim" are also nouns, and a noun
/// follows a preposition, a determiner or a verb ("amid opposition claims", "denied
/// Conservative claims"), which then stand before the "source"; a gerund ("Following
/// claims that …") or a phrase holding a verb ("Mr Blair derided Tory") is no subject;
/// "make bloggers reveal" is a causative, whose subject is made to speak.
fn has_speaker(doc: &Document, a: &crate::grammar::Attribution) -> bool {
    use crate::lexicon::class;
    let Some(src) = a.source_full.or(a.source) else {
        return true;
    };
    let text = doc.prose();
    let words: Vec<&str> = src.text(text).split_whitespace().collect();
    if words.first().is_some_and(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "make" | "makes" | "made" | "making" | "let" | "lets"
        )
    }) {
        return false;
    }
    let cue = a.cue.text(text).to_ascii_lowercase();
    if !matches!(cue.as_str(), "claims" | "claim") {
        return true;
    }
    let before = text[..src.start]
        .split_whitespace()
        .next_back()
        .unwrap_or("");
    let verb_like = |w: &str| {
        let lower = w.to_ascii_lowercase();
        !crate::text::starts_upper(w) && (lower.ends_with("ed") || lower.ends_with("ing"))
    };
    let object = !before.is_empty()
        && !before.ends_with(['.', '!', '?', '"', '”', ':'])
        // "of" inside a name cut short ("Institute of Economic … Research claims") is no sign
        && before != "of"
        && (doc.lexicon.flags(before) & (class::PREP | class::DET) != 0 || verb_like(before));
    let gerund = words.len() == 1 && words[0].to_ascii_lowercase().ends_with("ing");
    let clause = words.iter().skip(1).any(|w| verb_like(w));
    !(object || gerund || clause)
}

/// Words that open a clause of their own: what follows is not what was said.
const SUBORDINATORS: &[&str] = &[
    "after", "when", "because", "while", "if", "although", "though", "since", "until", "unless",
    "whereas", "as",
];

/// A pronoun that opens a clause, contracted or not ("he", "she’s", "they'd").
fn subject_pronoun(word: &str) -> bool {
    let bare = word.split(['\'', '’']).next().unwrap_or(word);
    matches!(
        bare,
        "he" | "she" | "they" | "we" | "i" | "you" | "there" | "it"
    )
}

/// Whether the verb takes what was said: a "that" clause, a quotation, a colon, a clause of
/// its own (a pronoun subject, an auxiliary or a past tense in its first words: "claimed
/// the plan had failed"), "of" or "about" after a verb of manner ("boasted of"), or the
/// verb closes or interrupts its sentence ("…, he insisted.", "claimed, with some
/// justification, that"). Not a noun phrase alone ("claims the vital first break",
/// "boasted only one paid staffer"), "insist on" a thing, or "admitted to the United States".
fn reports_speech(doc: &Document, a: &crate::grammar::Attribution, base: &str) -> bool {
    // "refuted the charges" is the misuse the rule is for: its object is what was denied
    if base == "refute" {
        return true;
    }
    let tm = &doc.text;
    let Some(si) = tm.sentence_at(a.cue.start) else {
        return true;
    };
    if statement_came_first(doc, a, si) {
        return true;
    }
    let end = tm.sentences[si].tokens.end;
    let first = tm.token_at(a.cue.end);
    if first >= end {
        return true;
    }
    if let Some(speech) = idiom_after_verb(doc, base, first, end) {
        return speech;
    }
    clause_follows(doc, first, end)
}

/// Whether what was said stands before the verb in its sentence: an inversion after a
/// quotation or a comma ("“…,” insisted Mr Sener", "…, claimed Mr Brown.") or a quotation
/// before the subject ("… were “unfounded,” he insisted during the debate").
fn statement_came_first(doc: &Document, a: &crate::grammar::Attribution, si: usize) -> bool {
    let tm = &doc.text;
    let sentence_start = tm.sentences[si].span.start;
    let trimmed_before = |at: usize| doc.prose().get(sentence_start..at).unwrap_or("").trim_end();
    // "Dogged Federer claims Dubai crown" is no inversion, whatever the grammar read
    let cue_first = a.form == CueForm::Inverted || a.source.is_some_and(|s| s.start > a.cue.start);
    if cue_first && trimmed_before(a.cue.start).ends_with([',', ':', '"', '”', '’', '—']) {
        return true;
    }
    let subject_start = a.source.map_or(a.cue.start, |s| s.start.min(a.cue.start));
    trimmed_before(subject_start)
        .trim_end_matches(',')
        .ends_with(['"', '”', '’'])
}

/// What a verb and the word right after it (token `first`) settle by themselves:
/// `Some(true)` for speech ("boasted of", "admitted leaking", "claimed so"),
/// `Some(false)` for another sense ("insist on" a thing, "admitted to the United
/// States", "claimed victory"), `None` when the words after must decide.
fn idiom_after_verb(doc: &Document, base: &str, first: usize, end: usize) -> Option<bool> {
    use crate::lexicon::class;
    let tm = &doc.text;
    let lower = |k: usize| tm.tok(k).to_ascii_lowercase();
    let next_is = |k: usize, f: u32| k + 1 < end && doc.flags[k + 1] & f != 0;
    let first_word = lower(first);
    match (base, first_word.as_str()) {
        ("boast" | "complain" | "whine", "of" | "about") => Some(true),
        ("insist", "on" | "upon") if !next_is(first, class::TEMPORAL) => Some(false),
        // "admitted leaking secrets", "admitted to falsifying the accounts": a confession
        ("admit", w) if w.ends_with("ing") => Some(true),
        ("admit", "to") if first + 1 < end && lower(first + 1).ends_with("ing") => Some(true),
        // "admitted to the United States", "admitted through the programme": let in
        ("admit", "to" | "into" | "through") => {
            let the_or_name =
                first + 1 < end && (lower(first + 1) == "the" || tm.tokens[first + 1].cap);
            the_or_name.then_some(false)
        }
        // "claimed victory", "claiming responsibility for the attack": a thing won or owned
        (
            "claim",
            "responsibility" | "victory" | "credit" | "asylum" | "benefits" | "damages"
            | "ownership",
        ) => Some(false),
        // "admits this", "claimed so": the statement is the one before
        (_, "this" | "so") => Some(true),
        _ => None,
    }
}

/// Whether the words after the verb (from token `first`, at most 16) open what was said:
/// a mark right after the verb (it ends or interrupts the sentence, or quotes), a colon,
/// a quotation after a comma, or a clause (`clause_word`) before any other punctuation or
/// a subordinating word.
fn clause_follows(doc: &Document, first: usize, end: usize) -> bool {
    use crate::text::TokenKind;
    let tm = &doc.text;
    for k in first..end.min(first + 16) {
        let t = &tm.tokens[k];
        let w = tm.tok(k).to_ascii_lowercase();
        if t.kind != TokenKind::Word && t.kind != TokenKind::Number {
            if k == first || t.kind == TokenKind::Quote || w == ":" {
                return true;
            }
            // "revealed Trump, “strongly encouraged me …”": a quotation after the comma
            let quote_next = k + 1 < end && tm.tokens[k + 1].kind == TokenKind::Quote;
            if matches!(w.as_str(), "," | ";" | "." | "?" | "!" | "(") && !quote_next {
                return false;
            }
            continue;
        }
        if clause_word(doc, k, first) {
            return true;
        }
        if k > first && SUBORDINATORS.contains(&w.as_str()) {
            return false;
        }
    }
    false
}

/// Whether token `k`, in the words after the verb that start at `first`, shows a clause:
/// "that", a subject pronoun first, an auxiliary or modal, a past tense ("claimed the
/// plan failed", "the premier went"), or a present tense after a noun ("claims Gülen runs
/// a network").
fn clause_word(doc: &Document, k: usize, first: usize) -> bool {
    use crate::lexicon::class;
    use crate::text::TokenKind;
    let tm = &doc.text;
    let t = &tm.tokens[k];
    let w = tm.tok(k).to_ascii_lowercase();
    let f = doc.flags[k];
    let prev_f = if k > first { doc.flags[k - 1] } else { 0 };
    let after_det = k > first && prev_f & class::DET != 0;
    let after_noun = k > first
        && tm.tokens[k - 1].kind == TokenKind::Word
        && prev_f & (class::DET | class::PREP | class::FUNCTION | class::ADVERB) == 0;
    let next = tm.tokens.get(k + 1).filter(|n| n.kind == TokenKind::Word);
    let object_next = next.is_some_and(|n| {
        n.cap || doc.flags[k + 1] & (class::DET | class::PRONOUN) != 0 || tm.tok(k + 1) == "to"
    });
    let present = after_noun
        && object_next
        && w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("'s")
        && !w.ends_with("’s");
    w == "that"
        || (k == first && subject_pronoun(&w))
        || (f & class::AUX != 0 && !matches!(w.as_str(), "not" | "never" | "n't"))
        || (!t.cap && f & (class::VERB_PAST | class::VERB_S) != 0)
        || (!t.cap && !after_det && k > first && f & class::PAST_TENSE != 0)
        || (!t.cap && !after_det && k > first && w.len() > 4 && w.ends_with("ed"))
        || (!t.cap && present)
}

/// Uses of a listed verb that carry no judgement of the speaker: a negation ("did not
/// reveal"), a conceded contest ("Sanders conceded."), "point out" with an object
/// ("pointing out where the store stood"), "allege" where the law alleges (a suit,
/// a court, prosecutors) or as an adjective ("alleged schemes"), and "admit" in a plea
/// or in testimony.
fn neutral_use(doc: &Document, cue: Span, base: &str) -> bool {
    let text = doc.prose();
    let prev = text[..cue.start]
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_ascii_lowercase();
    let next = text[cue.end..]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if matches!(
        prev.as_str(),
        "not" | "never" | "didn't" | "didn’t" | "doesn't" | "doesn’t"
    ) {
        return true;
    }
    let sentence = doc
        .text
        .sentence_at(cue.start)
        .map_or("", |si| doc.text.sentences[si].span.text(text))
        .to_ascii_lowercase();
    match base {
        "concede" => !(next == "that" || next.starts_with(['“', '"', ','])),
        "point out" => matches!(
            next.as_str(),
            "where" | "the" | "a" | "an" | "his" | "her" | "their" | "its"
        ),
        "allege" => {
            const LAW: &[&str] = &[
                "lawsuit",
                "suit",
                "court",
                "jury",
                "trial",
                "charges",
                "complaint",
                "plaintiffs",
                "prosecutors",
                "indictment",
                "case",
                "sued",
                "suing",
            ];
            next != "that" && !next.starts_with(['“', '"', ','])
                || sentence
                    .split(|c: char| !c.is_alphabetic())
                    .any(|w| LAW.contains(&w))
        }
        // "pleaded guilty in May … Lazar admitted to victimizing about 100 Americans": an
        // admission in a plea or in testimony is the precise word, not a judgement
        "admit" => {
            // (not "court": "on court as rivals" is a tennis court)
            const PLEA: &[&str] = &[
                "guilty",
                "plea",
                "pleaded",
                "pleads",
                "testified",
                "testimony",
                "testifying",
            ];
            let before = doc
                .text
                .sentence_at(cue.start)
                .and_then(|si| si.checked_sub(1))
                .map_or("", |p| doc.text.sentences[p].span.text(text))
                .to_ascii_lowercase();
            [sentence.as_str(), before.as_str()].iter().any(|s| {
                s.split(|c: char| !c.is_alphabetic())
                    .any(|w| PLEA.contains(&w))
            })
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{lint, spans};

    #[test]
    fn an_admission_in_a_plea_is_the_precise_word() {
        let text = "Lazar pleaded guilty in May to identity theft. Lazar admitted to \
                    victimizing about 100 Americans. Later the mayor admitted that the plan \
                    had failed.";
        let d = lint("loaded-attribution-verb", text);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(spans(text, &d), ["admitted"]);
        assert!(d[0].span.start > text.find("Later").unwrap_or(0));
    }

    #[test]
    fn loaded_verbs_get_suggestions() {
        let text = "Chinese officials have refuted the charges. American officials claim Moscow asked. Other officials point out that it ran out.";
        let d = lint("loaded-attribution-verb", text);
        assert_eq!(spans(text, &d), vec!["refuted", "claim", "point out"]);
        assert!(d[0].message.contains("“denied”"));
        let edit = d[0].suggestion.as_ref().expect("a suggested verb");
        assert_eq!(
            (
                &text[edit.span.start..edit.span.end],
                edit.replacement.as_str()
            ),
            ("refuted", "denied")
        );
    }

    #[test]
    fn a_headline_win_is_no_claim() {
        let text = "Dogged Kerr claims Dubai crown\n\nJo Kerr beat Ann Lee in the final on Sunday.";
        assert!(lint("loaded-attribution-verb", text).is_empty());
    }

    #[test]
    fn neutral_verbs_pass() {
        assert!(
            lint(
                "loaded-attribution-verb",
                "Officials said it. She told reporters. He added that it stated nothing."
            )
            .is_empty()
        );
    }
}
