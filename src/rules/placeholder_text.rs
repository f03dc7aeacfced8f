//! `placeholder-text`: text that must never be published.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;

use super::{Rule, RuleDef, RuleMeta, Sink, options, quoted};
use crate::analysis::Document;

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

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Placeholder,
    Furniture,
}

struct PlaceholderText {
    insensitive: AhoCorasick,
    sensitive: AhoCorasick,
    /// Class of each pattern of `insensitive` (placeholders, then furniture).
    classes: Vec<Class>,
}

impl PlaceholderText {
    fn new(o: Options) -> Result<Self, String> {
        let mut pats: Vec<&str> = Vec::new();
        let mut classes = Vec::new();
        for p in o.placeholders.iter().filter(|p| !p.trim().is_empty()) {
            pats.push(p.trim());
            classes.push(Class::Placeholder);
        }
        for p in o.web_furniture.iter().filter(|p| !p.trim().is_empty()) {
            pats.push(p.trim());
            classes.push(Class::Furniture);
        }
        let insensitive = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&pats)
            .map_err(|e| e.to_string())?;
        let markers: Vec<&str> = o
            .markers
            .iter()
            .map(|m| m.trim())
            .filter(|m| !m.is_empty())
            .collect();
        let sensitive = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&markers)
            .map_err(|e| e.to_string())?;
        Ok(PlaceholderText {
            insensitive,
            sensitive,
            classes,
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

impl Rule for PlaceholderText {
    fn check(&self, doc: &Document, sink: &mut Sink) {
        let text = doc.prose();
        for m in self.insensitive.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            let class = self.classes[m.pattern().as_usize()];
            // web copy glues furniture to the next item: "Previous articleNYPD fear …"
            let glued =
                class == Class::Furniture && text[e..].starts_with(|c: char| c.is_uppercase());
            if !on_word_boundaries(text, s, e) && !glued {
                continue;
            }
            let span = crate::text::Span::new(s, e);
            let found = span.text(text);
            let d = if class == Class::Furniture {
                // page furniture stands at the start of its own paragraph
                let Some(p) = doc.text.paragraph_at(s) else {
                    continue;
                };
                if doc.text.paragraphs[p].span.start != s {
                    continue;
                }
                sink.diag(
                    span,
                    format!(
                        "web-page furniture pasted into the draft: {}",
                        quoted(found)
                    ),
                )
                .label("not part of the story")
                .help("delete this line: it came with the web page the text was copied from")
            } else {
                sink.diag(
                    span,
                    format!("placeholder text {} left in the draft", quoted(found)),
                )
                .label("placeholder")
                .help("replace it with the real text before publication")
            };
            sink.push(d);
        }
        for m in self.sensitive.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            if !on_word_boundaries(text, s, e) {
                continue;
            }
            let span = crate::text::Span::new(s, e);
            let d = sink
                .diag(
                    span,
                    format!(
                        "editing marker {} left in the draft",
                        quoted(span.text(text))
                    ),
                )
                .label("to come")
                .help("fill in what the marker stands for, or remove it");
            sink.push(d);
        }
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
