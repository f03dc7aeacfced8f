//! `agentless-attribution`: a claim attributed to no one ("it was revealed", "reportedly").

use serde::Deserialize;

use super::{Rule, RuleDef, RuleMeta, Sink, options, quoted};
use crate::analysis::Document;
use crate::grammar::CueForm;
use crate::lexicon::class::TEMPORAL;
use crate::text::{Span, TokenKind};

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

Not flagged either: a passive whose agent follows its complement ("has been called a
failure by two former ministers"), a claim whose sentence gives its source with
"according to" ("is believed to have been aboard, according to his brother"), "it emerged" meaning appeared ("if a challenger
emerged"), and by default an announcement in the passive ("the deal was announced on
Monday", "she was announced the winner"): who announces a scheduled event is no secret.

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

/// How far after a passive its agent is looked for, in tokens: "was criticized for
/// trading a guilty man for an innocent one, even by conservatives" is one clause.
const AGENT_WINDOW: usize = 16;

/// "has been called “strategic ambiguity” by a professor at Loyola", "was reported in a
/// “hit piece” by the Times": a passive whose agent comes after its complement names who
/// said it. "by" before a gerund ("by shooting them") is a means, not an agent.
fn agent_follows(doc: &Document, cue: Span, sentence: usize) -> bool {
    let text = doc.prose();
    // an adverb ("reportedly") has no agent to look for, nor "is said to" (the agent of
    // "is said to have dismissed claims made by leaders" is another verb's)
    let phrase = cue.text(text);
    if !phrase.contains(' ') || phrase.ends_with(" to") {
        return false;
    }
    let Some(s) = doc.text.sentences.get(sentence) else {
        return false;
    };
    let from = doc.text.token_at(cue.end).max(s.tokens.start);
    let toks = &doc.text.tokens[from.min(s.tokens.end)..s.tokens.end];
    // up to the next participle or "that", which would start a clause of its own
    // ("… made by", "it was reported that the ships would dock by Thursday")
    toks.windows(2)
        .take(AGENT_WINDOW)
        .take_while(|p| {
            let w = p[0].text(text);
            !w.ends_with("ed") && !w.eq_ignore_ascii_case("that")
        })
        .any(|p| {
            let next = p[1].text(text);
            p[0].text(text).eq_ignore_ascii_case("by")
                && p[1].kind == TokenKind::Word
                && !next.ends_with("ing")
                && doc.lexicon.flags(next) & TEMPORAL == 0
        })
}

/// "if it emerged", "until it emerged as the favourite": "emerged" as appeared, with no
/// "that" clause of something revealed.
fn emerged_as_event(doc: &Document, phrase: &str, cue: Span) -> bool {
    if !phrase.to_lowercase().ends_with("emerged") {
        return false;
    }
    let k = doc.text.token_at(cue.end);
    doc.text
        .tokens
        .get(k)
        .is_none_or(|t| !t.text(doc.prose()).eq_ignore_ascii_case("that"))
}

impl Rule for AgentlessAttribution {
    fn check(&self, doc: &Document, sink: &mut Sink) {
        // whether a sentence gives a source with "according to", asked once per sentence
        // (many hedges in one long sentence stay linear)
        let mut sourced = super::Memo::default();
        for a in doc
            .attributions
            .iter()
            .filter(|a| a.form == CueForm::Agentless)
        {
            let phrase = a.cue.text(doc.prose());
            if self.0.ignore.iter().any(|i| i.eq_ignore_ascii_case(phrase))
                || !self.0.legal_hedges && self.0.legal_hedge(doc, phrase, a.sentence)
                || agent_follows(doc, a.cue, a.sentence)
                || emerged_as_event(doc, phrase, a.cue)
                || sourced.get(a.sentence, || sourced_by_according_to(doc, a.sentence))
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

/// "Osman is believed to have been on the flight, according to an interview his brother
/// gave to ITV": the sentence names whose report or belief it is.
fn sourced_by_according_to(doc: &Document, sentence: usize) -> bool {
    let atts = &doc.attributions;
    let from = atts.partition_point(|b| b.sentence < sentence);
    atts[from..]
        .iter()
        .take_while(|b| b.sentence == sentence)
        .any(|b| b.form == CueForm::Prepositional && b.source.is_some())
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{lint, lint_with, spans};

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
    fn a_source_given_by_according_to_in_the_sentence_is_the_agent() {
        let text = "Osman is believed to have been on the flight, according to an interview \
                    his brother gave to ITV. The ferry reportedly sank, according to CNN. \
                    The ferry reportedly sank.";
        let d = lint("agentless-attribution", text);
        assert_eq!(spans(text, &d), vec!["reportedly"]);
        assert_eq!(d.len(), 1);
    }

    #[test]
    fn legal_hedges_pass_unless_asked_for() {
        let text = "The driver was charged with allegedly running a red light. \
                    Prosecutors say he allegedly lied to the court. \
                    The plant was allegedly losing money.";
        let d = lint("agentless-attribution", text);
        assert_eq!(spans(text, &d), vec!["allegedly"]);
        assert_eq!(d.len(), 1);
        let strict = lint_with(
            "agentless-attribution",
            "[rules.agentless-attribution]\nlegal-hedges = true\n",
            text,
        );
        assert_eq!(spans(text, &strict), vec!["allegedly"; 3]);
    }

    #[test]
    fn an_agent_after_the_complement_an_announcement_and_emerged_as_appeared_pass() {
        let text = "The plan has been called a blunder by two former ministers. \
                    The merger was announced on Monday. \
                    She was announced the winner at midnight. \
                    They would back a rival if one emerged. \
                    Later it emerged that the coach had left. \
                    It was reported that the ferry would dock by Thursday.";
        let d = lint("agentless-attribution", text);
        assert_eq!(spans(text, &d), vec!["it emerged", "It was reported"]);
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

    #[test]
    fn a_reporters_question_is_no_anonymous_sourcing() {
        let text = "Asked whether the depot would close, the mayor said it would not. \
                    Ana Ruiz was asked to name one project. \
                    \"No,\" Tom Reed said when asked about the fees.";
        for rule in [
            "agentless-attribution",
            "anonymous-source",
            "anonymity-unexplained",
        ] {
            assert!(lint(rule, text).is_empty(), "{rule}");
        }
    }
}
