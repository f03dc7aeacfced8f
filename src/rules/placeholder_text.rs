//! `placeholder-text`: text that must never be published.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};
use serde::Deserialize;

use super::{Rule, RuleDef, RuleMeta, Sink, options, quoted};
use crate::analysis::Document;
use crate::text::Span;

pub const DEF: RuleDef = RuleDef {
    meta: RuleMeta {
        id: "placeholder-text",
        summary: "placeholder text, editing markers or web-page furniture left in a draft",
        doc: DOC,
    },
    build: |v| Ok(Box::new(PlaceholderText::new(options(v)?)?)),
};

const DOC: &str = r#"# placeholder-text

## What it does
Finds text that must never reach readers: filler (`Lorem ipsum`, `[citation needed]`),
editing markers (`TK`, `XXX`, `TODO`), and web-page furniture pasted into a draft along
with the story (`Leave a Reply`, `Please enter your comment!`, cookie and ad-blocker
notices, `READ MORE:` and `JUST IN:` promos, `Previous article`).

## Why is this bad?
A placeholder that ships is a correction waiting to happen, and pasted page furniture
tells readers the copy was lifted from a web page rather than reported. Every wire
service's final read exists to catch these; a linter catches them before the desk does.

## Example
```text
Lorem ipsum dolor sit amet, consectetur adipiscing elit.
The minister said the budget would rise by TK per cent.
READ MORE: Expert warns of infighting in the Kremlin
```
Use instead: the real sentence, the real figure, and no promo lines.

## Standard
AP and Reuters copy-desk practice: `TK` ("to come") marks must be resolved before filing.

## Options
- `placeholders`: phrases matched anywhere, ignoring case (`lorem ipsum`, `[citation needed]`).
- `markers`: editing markers matched as whole words, case-sensitive (`TK`, `XXX`).
- `web-furniture`: phrases matched at the start of a paragraph, ignoring case
  (`Leave a Reply`, `READ MORE:`).
Each list can be extended with `extend-<option>`.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    placeholders: Vec<String>,
    markers: Vec<String>,
    web_furniture: Vec<String>,
}

struct PlaceholderText {
    /// Filler, matched anywhere, ignoring case (lowercased, run over the lowercased text).
    placeholders: AhoCorasick,
    /// Page furniture, matched only where a paragraph starts (anchored), ignoring case
    /// (lowercased, like `placeholders`).
    furniture: AhoCorasick,
    /// Editing markers, matched anywhere, case-sensitive.
    markers: AhoCorasick,
}

/// Builds a leftmost-longest automaton. `lowercase` patterns are lowercased, to be run
/// over [`Document::lower`]: a case-sensitive automaton keeps its fast prefilter.
fn automaton(patterns: &[String], lowercase: bool, anchored: bool) -> Result<AhoCorasick, String> {
    let pats: Vec<String> = patterns
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .map(|p| {
            if lowercase {
                p.to_ascii_lowercase()
            } else {
                p.to_string()
            }
        })
        .collect();
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(if anchored {
            StartKind::Anchored
        } else {
            StartKind::Unanchored
        })
        .build(&pats)
        .map_err(|e| e.to_string())
}

impl PlaceholderText {
    fn new(o: Options) -> Result<Self, String> {
        Ok(PlaceholderText {
            placeholders: automaton(&o.placeholders, true, false)?,
            furniture: automaton(&o.web_furniture, true, true)?,
            markers: automaton(&o.markers, false, false)?,
        })
    }
}

/// A match must not start or end inside a word ("TK" in "TKO", "XXX" in "XXXL").
fn on_word_boundaries(text: &str, s: usize, e: usize) -> bool {
    let m = &text[s..e];
    let before_ok = !m.starts_with(|c: char| c.is_alphanumeric())
        || !text[..s].ends_with(|c: char| c.is_alphanumeric());
    let after_ok = !m.ends_with(|c: char| c.is_alphanumeric())
        || !text[e..].starts_with(|c: char| c.is_alphanumeric());
    before_ok && after_ok
}

/// Reports `span` with the class's message, label and help.
fn report(sink: &mut Sink, text: &str, span: Span, what: (&str, &str, &str)) {
    let (message, label, help) = what;
    let d = sink
        .diag(span, format!("{message} {}", quoted(span.text(text))))
        .label(label)
        .help(help);
    sink.push(d);
}

/// Reports every match of `ac` in `haystack` (the text, or its lowercased copy: same
/// offsets) that stands on word boundaries of `text`.
fn report_all(
    sink: &mut Sink,
    text: &str,
    ac: &AhoCorasick,
    haystack: &str,
    what: (&str, &str, &str),
) {
    for m in ac.find_iter(haystack) {
        let (s, e) = (m.start(), m.end());
        if on_word_boundaries(text, s, e) {
            report(sink, text, Span::new(s, e), what);
        }
    }
}

const PLACEHOLDER: (&str, &str, &str) = (
    "placeholder text left in the draft:",
    "placeholder",
    "replace it with the real text before publication",
);
const FURNITURE: (&str, &str, &str) = (
    "web-page furniture pasted into the draft:",
    "not part of the story",
    "delete this line: it came with the web page the text was copied from",
);
const MARKER: (&str, &str, &str) = (
    "editing marker left in the draft:",
    "to come",
    "fill in what the marker stands for, or remove it",
);

impl Rule for PlaceholderText {
    fn check(&self, doc: &Document, sink: &mut Sink) {
        let text = doc.prose();
        // the ignoring-case lists run over the lowercased text: same offsets
        let lower = doc.lower();
        report_all(sink, text, &self.placeholders, lower, PLACEHOLDER);
        // page furniture stands at the start of its own paragraph
        for p in &doc.text.paragraphs {
            let input = Input::new(lower)
                .range(p.span.start..p.span.end)
                .anchored(Anchored::Yes);
            let Some(m) = self.furniture.find(input) else {
                continue;
            };
            let (s, e) = (m.start(), m.end());
            // web copy glues furniture to the next item: "Previous articleNYPD fear …"
            let glued = text[e..].starts_with(|c: char| c.is_uppercase());
            if !on_word_boundaries(text, s, e) && !glued {
                continue;
            }
            let span = Span::new(s, e);
            report(sink, text, span, FURNITURE);
        }
        report_all(sink, text, &self.markers, text, MARKER);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{lint, spans};

    #[test]
    fn finds_filler_markers_and_furniture() {
        let text = "Lorem ipsum dolor sit amet.\n\nThe deficit rose by TK per cent.\n\nREAD MORE: Another story\n\nLeave a Reply";
        let d = lint("placeholder-text", text);
        assert_eq!(
            spans(text, &d),
            vec!["Lorem ipsum", "TK", "READ MORE:", "Leave a Reply"]
        );
    }

    #[test]
    fn no_false_alarms_inside_words_or_mid_paragraph() {
        let text = "The TKO came in round three. Readers can leave a reply below, she joked. He wore XXXL.";
        assert!(lint("placeholder-text", text).is_empty());
    }
}
