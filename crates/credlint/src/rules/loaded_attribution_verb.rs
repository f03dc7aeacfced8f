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

Not reported where the verb judges no one: a negation ("did not reveal"), a conceded
contest ("the senator conceded on Tuesday night"), "point out" with an object ("pointing
out where the mill stood"), and "allege" in a legal setting (a suit, a court,
prosecutors) or as an adjective ("alleged schemes").

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
            // "claimed a loss", "claimed responsibility": the tax or legal sense, not speech
            if base == "claim" {
                let next = doc.prose()[a.cue.end..]
                    .split_whitespace()
                    .next()
                    .unwrap_or("");
                if matches!(
                    next,
                    "a" | "an"
                        | "responsibility"
                        | "victory"
                        | "credit"
                        | "asylum"
                        | "benefits"
                        | "damages"
                ) {
                    continue;
                }
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

/// Uses of a listed verb that carry no judgement of the speaker: a negation ("did not
/// reveal"), a conceded contest ("Sanders conceded."), "point out" with an object
/// ("pointing out where the store stood"), and "allege" where the law alleges (a suit,
/// a court, prosecutors) or as an adjective ("alleged schemes").
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
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{lint, spans};

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
