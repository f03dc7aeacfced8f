//! `unattributed-claim`: a checkable factual claim with no attribution near it.

use serde::Deserialize;

use super::{Rule, RuleDef, RuleMeta, Sink, options};

use crate::analysis::Document;
use crate::grammar::lexicon::WordSet;
use crate::text::{Span, TokenKind};

pub const DEF: RuleDef = RuleDef {
    meta: RuleMeta {
        id: "unattributed-claim",
        summary: "a checkable factual claim with no attribution in its sentence or paragraph",
        doc: DOC,
    },
    build: |v| Ok(Box::new(UnattributedClaim::new(options(v)?))),
};

const DOC: &str = r#"# unattributed-claim

## What it does
Points at sentences that state a checkable fact (a figure with a unit, casualties or
losses, a superlative or a record, a cause) with no attribution in the sentence or its
paragraph. It prefers silence to noise: it never reports a headline, a question, a
sentence inside or containing a quotation, or a sentence whose paragraph attributes
anything.

## Why is this bad?
Figures, tolls, records and causes are what readers repeat and what corrections are made
of. An editor should see at a glance which of them the story asserts on its own authority.

## Example
```text
The Russians have seen significant losses of tanks and helicopters since the war began.
```
Use instead:
```text
The Russians have lost hundreds of tanks since the war began, according to Oryx, which
counts losses from photographs.
```

## Standard
Reuters Handbook, "attribution": attribute facts that are not common knowledge.

## Options
- `unit-words`: words that make a number a checkable figure ("percent", "million", "troops").
- `claim-words`: words that make a sentence a checkable claim on their own ("killed",
  "losses", "record", "largest").
- `superlatives`: words that make a claim only with a measure in the sentence (a number,
  "ever", "on record": "the largest protest since 1989").
- `causal-phrases`: phrases that assert a cause ("led to", "because of").
- `sourcing-words`: words that show a paragraph is sourced even where the grammar finds no
  attribution ("poll", "shows", "according"); such paragraphs are skipped. Any reporting
  verb in the paragraph skips it too.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    unit_words: Vec<String>,
    claim_words: Vec<String>,
    superlatives: Vec<String>,
    causal_phrases: Vec<String>,
    sourcing_words: Vec<String>,
}

struct UnattributedClaim {
    units: WordSet,
    claims: WordSet,
    superlatives: WordSet,
    sourcing: WordSet,
    /// Lowercased causal phrases, each with a searcher built once (not per sentence).
    causal: Vec<memchr::memmem::Finder<'static>>,
    /// What makes a superlative measured: " ever", " on record", …
    measures: Vec<memchr::memmem::Finder<'static>>,
}

const MEASURES: [&str; 4] = [" ever", " on record", " in history", " since "];

impl UnattributedClaim {
    fn new(o: Options) -> Self {
        UnattributedClaim {
            units: WordSet::new(&o.unit_words),
            claims: WordSet::new(&o.claim_words),
            superlatives: WordSet::new(&o.superlatives),
            sourcing: WordSet::new(&o.sourcing_words),
            causal: o
                .causal_phrases
                .iter()
                .map(|c| memchr::memmem::Finder::new(c.to_lowercase().as_bytes()).into_owned())
                .collect(),
            measures: MEASURES
                .iter()
                .map(|m| memchr::memmem::Finder::new(m.as_bytes()).into_owned())
                .collect(),
        }
    }

    /// The word or figure that makes the sentence a checkable claim.
    fn trigger(&self, doc: &Document, si: usize) -> Option<Span> {
        let s = &doc.text.sentences[si];
        let toks = &doc.text.tokens[s.tokens.clone()];
        let text = doc.prose();
        for (k, t) in toks.iter().enumerate() {
            let w = t.text(text);
            if t.kind == TokenKind::Number {
                let next = toks.get(k + 1).map(|n| n.text(text));
                let prev = k.checked_sub(1).map(|p| toks[p].text(text));
                let unit = next.is_some_and(|n| n == "%" || self.units.contains(n));
                let currency = prev.is_some_and(|p| matches!(p, "$" | "£" | "€" | "¥"))
                    || w.ends_with("bn")
                    || w.ends_with('m') && w.len() > 1;
                if unit || currency {
                    return Some(t.span());
                }
            } else if t.kind == TokenKind::Word && self.claims.contains(w) {
                return Some(t.span());
            }
        }
        // an ASCII sentence is read from the document's lowercased copy; otherwise
        // lowercased here
        let sentence = s.span.text(text);
        let lower: std::borrow::Cow<str> = if sentence.is_ascii() {
            s.span.text(doc.lower()).into()
        } else {
            sentence.to_lowercase().into()
        };
        // "the highest office" is no claim; "the highest level ever recorded" is
        let measured = toks.iter().any(|t| t.kind == TokenKind::Number)
            || self
                .measures
                .iter()
                .any(|m| m.find(lower.as_bytes()).is_some());
        if measured
            && let Some(t) = toks
                .iter()
                .find(|t| self.superlatives.contains(t.text(text)))
        {
            return Some(t.span());
        }
        for p in &self.causal {
            if let Some(at) = p.find(lower.as_bytes()) {
                let len = p.needle().len();
                return Some(Span::new(s.span.start + at, s.span.start + at + len));
            }
        }
        None
    }
}

impl Rule for UnattributedClaim {
    fn check(&self, doc: &Document, sink: &mut Sink) {
        let text = doc.prose();
        let mut attributed = vec![false; doc.text.paragraphs.len()];
        for a in doc.attributions.iter().filter(|a| a.is_speech()) {
            attributed[a.paragraph] = true;
        }
        let mut quoted = vec![false; doc.text.paragraphs.len()];
        for q in doc.text.quotes.iter().filter(|q| !q.single) {
            quoted[q.paragraph] = true;
        }
        for (pi, p) in doc.text.paragraphs.iter().enumerate() {
            // a headline, an attributed paragraph, or quoted speech (or its continuation)
            if p.headline || attributed[pi] || quoted[pi] {
                continue;
            }
            // precision first: a reporting verb or a sourcing word anywhere in the paragraph
            // means it is sourced, even where the grammar found no attribution
            let sourced = p.tokens.clone().any(|ti| {
                let t = &doc.text.tokens[ti];
                let w = t.text(text);
                t.kind == TokenKind::Word
                    && (doc.flags[ti]
                        & (crate::grammar::lexicon::class::VERB
                            | crate::grammar::lexicon::class::INVERTED)
                        != 0
                        && !t.cap
                        || self.sourcing.contains(w))
            });
            if sourced {
                continue;
            }

            for si in p.sentences.clone() {
                let s = &doc.text.sentences[si];
                let st = s.span.text(text).trim_end();
                // fewer than six words: reads at most six, not the whole sentence
                if st.ends_with('?') || st.split_whitespace().nth(5).is_none() {
                    continue;
                }
                if let Some(trigger) = self.trigger(doc, si) {
                    let d = sink
                        .diag(s.span, "checkable claim with no attribution in its sentence or paragraph")
                        .label(format!("{} is stated on the story's own authority", super::quoted(trigger.text(text))))
                        .help("say where the figure or claim comes from, or confirm the newsroom stands behind it");
                    sink.push(d);
                    break; // one per paragraph is enough to send the editor there
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lint;

    #[test]
    fn unsourced_losses_and_figures_are_reported() {
        let d = lint(
            "unattributed-claim",
            "Losses mount\n\nThe Russians have seen significant losses of tanks since the war began.\n\nThe budget grew by 40 percent last year in every region.",
        );
        assert_eq!(d.len(), 2);
    }

    #[test]
    fn attributed_questions_and_quoted_claims_pass() {
        let text = "The budget grew by 40 percent, the ministry said.\n\nDid the budget grow by 40 percent last year?\n\n“Losses were huge across the whole front,” he said.";
        assert!(lint("unattributed-claim", text).is_empty());
    }
}
