//! `secondary-source`: a claim that rests on another outlet's report.

use serde::Deserialize;

use super::{Rule, RuleDef, RuleMeta, Sink, options, quoted};
use crate::analysis::Document;
use crate::grammar::{CueForm, SourceKind};

pub const DEF: RuleDef = RuleDef {
    meta: RuleMeta {
        id: "secondary-source",
        summary: "a claim resting on another outlet's report",
        doc: DOC,
    },
    build: |v| Ok(Box::new(SecondarySource(options(v)?))),
};

const DOC: &str = r#"# secondary-source

## What it does
Points at claims that rest on another news organisation's reporting: "according to the
Financial Times", "The Financial Times reported", "as per CNN", "cited by CNN broadcaster",
"first reported by The Washington Post", "According to Russia's TASS state-run news agency".

## Why is this bad?
The newsroom has not confirmed the claim itself; it repeats it. That is often fine, but an
editor should know which claims are second-hand, confirm them where they can, and make
sure the story says plainly whose reporting it is.

## Example
```text
Russia has asked China for drones, a top US official cited by CNN said.
```
Use instead: confirm with the official's office, or keep the credit and make the
second-hand nature explicit ("CNN reported, citing a US official, …").

## Standard
Reuters Handbook, "sourcing": identify reports from other media and confirm them where
possible; AP: credit other outlets' exclusive reporting.

## Options
- `own-outlets`: the newsroom's own names, never reported (for example `["Reuters"]`).
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    own_outlets: Vec<String>,
}

struct SecondarySource(Options);

impl Rule for SecondarySource {
    fn check(&self, doc: &Document, sink: &mut Sink) {
        let text = doc.prose();
        let mut seen: Vec<crate::text::Span> = Vec::new();
        for a in &doc.attributions {
            if a.form == CueForm::Nonspeech {
                continue;
            }
            // the outlet itself, or the outlet a source reached the writer through
            let outlet = match (a.kind, a.source, a.via) {
                (SourceKind::Outlet, Some(s), _) => s,
                (_, _, Some(v)) => v,
                _ => continue,
            };
            let name = outlet.text(text);
            if self
                .0
                .own_outlets
                .iter()
                .any(|o| name.to_lowercase().contains(&o.to_lowercase()))
                || seen.iter().any(|s| s.overlaps(outlet))
            {
                continue;
            }
            seen.push(outlet);
            let span = if a.cue.start < outlet.start && outlet.start - a.cue.end < 3 {
                a.cue.cover(outlet)
            } else {
                outlet
            };
            let d = sink
                .diag(
                    span,
                    format!("claim rests on another outlet's report: {}", quoted(name)),
                )
                .label("second-hand: not confirmed by this newsroom")
                .help("confirm it independently where you can, and keep the credit explicit");
            sink.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{lint, spans};

    #[test]
    fn outlet_reports_are_reported() {
        let text = "Moscow asked Beijing for help, according to the Financial Times. The request was first reported by The Washington Post.";
        let d = lint("secondary-source", text);
        assert_eq!(
            spans(text, &d),
            vec![
                "according to the Financial Times",
                "first reported by The Washington Post"
            ]
        );
    }

    #[test]
    fn officials_and_people_pass() {
        assert!(
            lint(
                "secondary-source",
                "The ministry said talks would go on. Jake Sullivan told reporters it was over."
            )
            .is_empty()
        );
    }
}
