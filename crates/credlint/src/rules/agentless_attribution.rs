//! `agentless-attribution`: a claim attributed to no one ("it was revealed", "reportedly").

use serde::Deserialize;

use super::{Rule, RuleDef, RuleMeta, Sink, options, quoted};
use crate::analysis::Document;
use crate::grammar::CueForm;

pub const DEF: RuleDef = RuleDef {
    meta: RuleMeta {
        id: "agentless-attribution",
        summary: "a claim attributed to no one (\"it was revealed\", \"reportedly\")",
        doc: DOC,
    },
    build: |v| Ok(Box::new(AgentlessAttribution(options(v)?))),
};

const DOC: &str = r#"# agentless-attribution

## What it does
Flags attribution with no one behind it: "it was revealed", "it is understood",
"reportedly", "allegedly", "is said to", "is believed to", "was considered". The passive
or the adverb hides who revealed, reported, said or believed it.

## Why is this bad?
The reader cannot tell whether the claim comes from an official, a rival outlet, a rumour
or the reporter. If the newsroom knows who said it, it should say so; if it does not, the
claim may not be ready to publish.

## Example
```text
The report comes days after it was revealed that Xi refused Putin's request.
```
Use instead:
```text
The report comes days after the Financial Times reported that Xi refused Putin's request.
```

## Standard
AP Stylebook, "reportedly": use it only with the source of the report; Reuters Handbook,
"attribution".

Not flagged by default: a legal hedge, "allegedly" or "alleged" in a sentence about a
charge, an arrest, a suit or a trial ("was charged with allegedly sending threats"). That
is the care a reporter owes a person not yet convicted, and the charge itself names who
alleges it. "The sector was reportedly squeezed" is still flagged.

## Options
- `ignore`: phrases of the lexicon's `agentless` list not to report here (for example
  `["is considered"]`). The phrases themselves are `[lexicon] agentless`.
- `legal-hedges` (default `false`): `true` flags legal hedges too, for newsrooms that want
  every "allegedly" sourced.
- `legal-words`: the words that make a sentence legal (stems: "charge" covers "charged").
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    ignore: Vec<String>,
    legal_hedges: bool,
    legal_words: Vec<String>,
}

impl Options {
    /// "allegedly" in a sentence whose words include a legal one ("charged with
    /// allegedly sending threats", "accused of allegedly hacking").
    fn legal_hedge(&self, doc: &Document, phrase: &str, sentence: usize) -> bool {
        if !(phrase.eq_ignore_ascii_case("allegedly") || phrase.eq_ignore_ascii_case("alleged")) {
            return false;
        }
        let Some(s) = doc.text.sentences.get(sentence) else {
            return false;
        };
        let lower = doc.lower();
        let text = lower.get(s.span.start..s.span.end).unwrap_or("");
        text.split(|c: char| !c.is_alphanumeric())
            .any(|w| self.legal_words.iter().any(|l| w.starts_with(l.as_str())))
    }
}

struct AgentlessAttribution(Options);

impl Rule for AgentlessAttribution {
    fn check(&self, doc: &Document, sink: &mut Sink) {
        for a in doc
            .attributions
            .iter()
            .filter(|a| a.form == CueForm::Agentless)
        {
            let phrase = a.cue.text(doc.prose());
            if self.0.ignore.iter().any(|i| i.eq_ignore_ascii_case(phrase))
                || !self.0.legal_hedges && self.0.legal_hedge(doc, phrase, a.sentence)
            {
                continue;
            }
            let d = sink
                .diag(a.cue, format!("{} attributes the claim to no one", quoted(phrase)))
                .label("by whom?")
                .help("say who revealed, reported or believes it, or drop the claim until someone can be named");
            sink.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{lint, spans};

    #[test]
    fn finds_passives_and_adverbs() {
        let text = "It was revealed that Xi refused. The sector was reportedly squeezed. Peskov is said to have dismissed it.";
        let d = lint("agentless-attribution", text);
        assert_eq!(
            spans(text, &d),
            vec!["It was revealed", "reportedly", "is said to"]
        );
    }

    #[test]
    fn legal_hedges_pass_unless_asked_for() {
        let text = "The driver was charged with allegedly running a red light. \
                    Prosecutors say he allegedly lied to the court. \
                    The plant was allegedly losing money.";
        let d = lint("agentless-attribution", text);
        assert_eq!(spans(text, &d), vec!["allegedly"]);
        assert_eq!(d.len(), 1);
        let cfg = crate::config::Config::from_toml(
            "credlint.toml",
            "[rules.agentless-attribution]\nlegal-hedges = true\n",
        )
        .expect("config");
        let strict: Vec<_> = crate::check_source("draft.txt", text, &cfg)
            .into_iter()
            .filter(|d| d.rule == "agentless-attribution")
            .collect();
        assert_eq!(spans(text, &strict), vec!["allegedly"; 3]);
    }

    #[test]
    fn attributed_claims_pass() {
        assert!(
            lint(
                "agentless-attribution",
                "The Financial Times reported that Xi refused. He was considered for the job."
            )
            .is_empty()
        );
    }
}
