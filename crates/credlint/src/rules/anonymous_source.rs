//! `anonymous-source`: a claim that rests on an unidentified source.

use aho_corasick::AhoCorasick;
use serde::Deserialize;

use super::{Rule, RuleDef, RuleMeta, Sink, options, quoted};
use crate::analysis::Document;
use crate::diagnostic::Severity;
use crate::grammar::lexicon::class;
use crate::grammar::{CueForm, SourceKind};

pub const DEF: RuleDef = RuleDef {
    meta: RuleMeta {
        id: "anonymous-source",
        summary: "a claim attributed to an unidentified source",
        doc: DOC,
    },
    build: |v| Ok(Box::new(AnonymousSource::new(options(v)?)?)),
};

const DOC: &str = r#"# anonymous-source

## What it does
Flags attributions to a source the reader cannot identify: "a US official said",
"sources", "a person familiar with the matter", "US authorities", "Chinese officials have
refuted". The message says how specific the description is: a bare "source" is the least
specific (AP does not accept it), a description with a named institution ("a State
Department official") the most. It also says when the anonymous source is quoted directly,
opens the story, or passes judgement on a named person.

## Why is this bad?
Readers cannot weigh a source they cannot identify. AP, Reuters, The New York Times and
The Washington Post allow anonymity only for information that cannot be had on the
record, never for opinion or personal attack, and ask for the most specific description
the source allows.

## Example
```text
Sources said the minister would resign.
```
Use instead:
```text
Two officials in the minister's office, who spoke on condition of anonymity because the
decision had not been announced, said she would resign.
```

## Standard
AP Stylebook, "anonymous sources"; Reuters Handbook of Journalism, "sourcing";
Washington Post policies on sources.

## Options
- `allow`: source descriptions never reported (for example `["a spokesperson for the ministry"]`).
- `institution-softer`: report a description that names an institution ("a State Department
  official", "US officials") one severity lower (default `true`).
- `bare-words`: heads that make a description bare when nothing qualifies them.
- `judgement-words`: words that make a claim a judgement of a person.
The anonymous descriptors themselves are the lexicon's `anonymous-heads`
(`[lexicon] extend-anonymous-heads = [...]`).
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    allow: Vec<String>,
    institution_softer: bool,
    bare_words: Vec<String>,
    judgement_words: Vec<String>,
}

struct AnonymousSource {
    o: Options,
    /// The judgement words, lowercased once.
    judgement: Vec<String>,
    /// All of them in one automaton: a sentence is read once to see which occur, and
    /// only those are checked for word boundaries.
    judgement_ac: AhoCorasick,
}

impl AnonymousSource {
    fn new(o: Options) -> Result<Self, String> {
        let judgement: Vec<String> = o.judgement_words.iter().map(|w| w.to_lowercase()).collect();
        let judgement_ac =
            AhoCorasick::new(&judgement).map_err(|e| format!("judgement-words: {e}"))?;
        Ok(AnonymousSource {
            o,
            judgement,
            judgement_ac,
        })
    }

    /// Does `sentence` use a judgement word (a whole word, ignoring case)?
    fn judges(&self, sentence: &str) -> bool {
        let sentence = sentence.to_lowercase();
        self.judgement_ac
            .find_overlapping_iter(&sentence)
            .any(|m| contains_word(&sentence, &self.judgement[m.pattern().as_usize()]))
    }
}

/// How specific an anonymous description is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Specificity {
    /// "sources", "a source", "someone".
    Bare,
    /// "a person familiar with the matter", "officials".
    Vague,
    /// "a State Department official", "US authorities".
    Institution,
}

pub fn specificity(
    doc: &Document,
    source: crate::text::Span,
    bare_words: &[String],
) -> Specificity {
    let text = source.text(doc.prose());
    let words: Vec<&str> = text.split_whitespace().collect();
    // a capitalised word names an institution, except the sentence's first word
    // ("Sources said") unless it is itself a place, nationality or acronym
    let institution = words.iter().enumerate().any(|(i, w)| {
        let f = doc.lexicon.flags(w);
        let cap = w.chars().next().is_some_and(char::is_uppercase)
            && f & (class::FUNCTION | class::DET) == 0;
        let named = f & (class::PLACE | class::NATIONALITY | class::ORG | class::OUTLET) != 0
            || w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.');
        cap && (i > 0 || named)
    });
    if institution {
        return Specificity::Institution;
    }
    let content: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| doc.lexicon.flags(w) & class::DET == 0)
        .collect();
    if content.len() == 1
        && bare_words
            .iter()
            .any(|b| b.eq_ignore_ascii_case(content[0]))
    {
        Specificity::Bare
    } else {
        Specificity::Vague
    }
}

impl Rule for AnonymousSource {
    fn check(&self, doc: &Document, sink: &mut Sink) {
        let text = doc.prose();
        let first_para = doc.text.paragraphs.iter().position(|p| !p.headline);
        let mut seen = rustc_hash::FxHashSet::default();
        let speakers_of_quotes: rustc_hash::FxHashSet<usize> = doc
            .quote_speakers
            .iter()
            .filter_map(|q| q.attribution)
            .collect();
        for (i, a) in doc.attributions.iter().enumerate() {
            if a.kind != SourceKind::Anonymous
                || a.form == CueForm::Nonspeech
                || a.form == CueForm::Agentless
            {
                continue;
            }
            let Some(src) = a.source else { continue };
            if seen.contains(&src) {
                continue; // ", accusing …" repeats the same source
            }
            seen.insert(src);
            let desc = src.text(text);
            if self
                .o
                .allow
                .iter()
                .any(|x| x.eq_ignore_ascii_case(desc.trim()))
            {
                continue;
            }
            let spec = specificity(doc, src, &self.o.bare_words);
            let mut notes: Vec<&str> = Vec::new();
            if speakers_of_quotes.contains(&i) {
                notes.push("it is quoted directly");
            }
            if Some(a.paragraph) == first_para && !doc.text.sentences[a.sentence].headline {
                notes.push("it opens the story");
            }
            // mentions are in document order: those of this sentence are one slice
            let from = doc
                .people
                .mentions
                .partition_point(|m| m.sentence < a.sentence);
            let names_someone = doc.people.mentions[from..]
                .iter()
                .take_while(|m| m.sentence == a.sentence)
                .any(|m| !src.contains(m.span));
            if names_someone && self.judges(doc.text.sentences[a.sentence].span.text(text)) {
                notes.push("it passes judgement on a named person");
            }
            let how = match spec {
                Specificity::Bare => "a bare description, the least specific there is",
                Specificity::Vague => "a description that does not say where the source sits",
                Specificity::Institution => {
                    "a description that names an institution but not the person"
                }
            };
            let mut message = format!("claim rests on an unnamed source: {}", quoted(desc));
            if !notes.is_empty() {
                message.push_str(&format!(", and {}", notes.join(" and ")));
            }
            let mut d = sink
                .diag(src, message)
                .label(format!("{how}: who, in which office, and why unnamed?"))
                .note("AP and Reuters ask for the most specific description the source allows, and grant anonymity for information, not opinion")
                .help("name the source, or describe them as precisely as you can and say why they cannot be named");
            if spec == Specificity::Institution && self.o.institution_softer && notes.is_empty() {
                d = d.severity(lower(sink.severity));
            }
            sink.push(d);
        }
    }
}

fn lower(s: Severity) -> Severity {
    match s {
        Severity::Error => Severity::Warning,
        _ => Severity::Info,
    }
}

/// Does `hay` contain `w` (both lowercased) as a whole word?
fn contains_word(hay: &str, w: &str) -> bool {
    hay.match_indices(w).any(|(i, m)| {
        !hay[..i].ends_with(|c: char| c.is_alphanumeric())
            && !hay[i + m.len()..].starts_with(|c: char| c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{lint, spans};

    #[test]
    fn flags_unnamed_sources_with_their_specificity() {
        let text =
            "Sources said the plan was dead. A State Department official said talks would go on.";
        let d = lint("anonymous-source", text);
        assert_eq!(
            spans(text, &d),
            vec!["Sources", "A State Department official"]
        );
        assert!(
            d[0].label
                .as_deref()
                .unwrap_or("")
                .starts_with("a bare description")
        );
        assert!(d[0].message.contains("opens the story"));
    }

    #[test]
    fn named_people_institutions_and_outlets_pass() {
        let text = "The ministry said talks would go on.\n\nLiu Pengyu, the embassy spokesperson, said he was unaware of it. The White House writes that it is concerned. Reuters reported the same.";
        assert!(lint("anonymous-source", text).is_empty());
    }

    #[test]
    fn judgement_of_a_named_person_is_called_out_on_whole_words_only() {
        let said = |judgement: &str| {
            let text = format!(
                "The talks went on.\n\nAn aide said Jake Sullivan was {judgement} in the meeting."
            );
            let d = lint("anonymous-source", &text);
            assert_eq!(d.len(), 1, "{text}");
            d[0].message.contains("passes judgement on a named person")
        };
        assert!(said("incompetent"));
        assert!(said("Out Of His Depth"));
        // the word inside another word is no judgement ("mess" in "messaging")
        assert!(!said("messaging"));
        assert!(!said("calm"));
    }

    #[test]
    fn quoted_anonymous_source_is_called_out() {
        let text = "The talks went on.\n\n“He is a disaster,” an aide said of Jake Sullivan.";
        let d = lint("anonymous-source", text);
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("quoted directly"), "{}", d[0].message);
    }
}
