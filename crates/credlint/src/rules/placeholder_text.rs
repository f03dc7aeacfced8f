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
notices, `READ MORE:` and `JUST IN:` promos, `Previous article`), and the page's
navigation: breadcrumbs (`Home News …`), comment counters (`0 comment`), and menu and
footer links standing alone (`Newsletter`, `Our Company`).

The page's navigation is dropped from the prose by the text model, so no other rule
reads it (a breadcrumb before a headline once made "Home News Harbour" a person); this
rule reports it. Words inside an embed left in the text (`<tweet …>WATCH: …`) are the
embed's, not the page's, and an `XXX` among titles ("They are: XXX, Vertigo and
Brazil") is a film, not a marker.

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
- `menu-links`: a site's own menu and footer links, reported when one is a whole
  paragraph, ignoring case (empty by default).
- `breadcrumb-sections`: a site's own section names that, after `Home` and before a
  capitalised word, open a breadcrumb trail (empty by default).
The built-in links (`Newsletter`, `Our Company`, `Privacy Policy` …), sections (`Home
News Putin visits …`), trails (`Home »`, `Home >`, `Home /`) and comment counters
standing alone (`0 comment`, `12 Comments`) are the text model's: every rule skips them
and this rule always reports them. Links and sections added here are reported by this
rule only (other rules still read them as prose).
Each list can be extended with `extend-<option>`.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    placeholders: Vec<String>,
    markers: Vec<String>,
    web_furniture: Vec<String>,
    menu_links: Vec<String>,
    breadcrumb_sections: Vec<String>,
}

struct PlaceholderText {
    /// Filler, matched anywhere, ignoring case (lowercased, run over the lowercased text).
    placeholders: AhoCorasick,
    /// Page furniture, matched only where a paragraph starts (anchored), ignoring case
    /// (lowercased, like `placeholders`).
    furniture: AhoCorasick,
    /// Editing markers, matched anywhere, case-sensitive.
    markers: AhoCorasick,
    /// Lowercased link texts reported when they are a whole paragraph ("Newsletter").
    menu_links: rustc_hash::FxHashSet<String>,
    /// Lowercased section names that follow "Home" in a breadcrumb ("Home News").
    sections: rustc_hash::FxHashSet<String>,
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
            menu_links: o
                .menu_links
                .iter()
                .map(|m| m.trim().to_lowercase())
                .collect(),
            sections: o
                .breadcrumb_sections
                .iter()
                .map(|m| m.trim().to_lowercase())
                .collect(),
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
            if !on_word_boundaries(text, s, e) && !glued || inside_markup(doc.text.source, s) {
                continue;
            }
            let span = Span::new(s, e);
            report(sink, text, span, FURNITURE);
        }
        for m in self.markers.find_iter(text) {
            let (s, e) = (m.start(), m.end());
            if on_word_boundaries(text, s, e)
                && !punctuation_in_prose(text, s, e)
                && !list_item(text, s, e)
            {
                report(sink, text, Span::new(s, e), MARKER);
            }
        }
        // page navigation the text model dropped from the prose: read in the file
        for &span in &doc.text.debris {
            report(sink, doc.text.source, span, FURNITURE);
        }
        for p in &doc.text.paragraphs {
            if let Some(span) = self.page_debris(text, p.span) {
                report(sink, text, span, FURNITURE);
            }
        }
    }
}

/// A marker made of punctuation ("??", "###") that is only emphatic punctuation: it
/// follows a word or more of the same marks ("the best song ever??", "come from????"). A
/// marker stands apart: "the deficit rose by ?? per cent".
fn punctuation_in_prose(text: &str, s: usize, e: usize) -> bool {
    let mark = &text[s..e];
    if mark.chars().any(char::is_alphanumeric) {
        return false;
    }
    let before = text[..s].chars().next_back();
    let after = text[e..].chars().next();
    let repeated = |c: Option<char>| c.is_some_and(|c| mark.contains(c));
    before.is_some_and(|c| !c.is_whitespace()) || repeated(after)
}

/// Does the line of the file holding `at` open with markup before it (`<tweet …>WATCH:
/// …`)? Then the text is an embed's own words (a quoted tweet), not the page's furniture.
fn inside_markup(source: &str, at: usize) -> bool {
    let line_start = source[..at].rfind('\n').map_or(0, |i| i + 1);
    let before = &source[line_start..at];
    before.trim_start().starts_with('<') && before.contains('>')
}

/// A letter marker that is one item of a list of names or titles: after a colon that
/// opens the list, or between two capitalised items ("They are: XXX, Hellboy and …",
/// "Hellboy, XXX and Blade"). A film called "XXX" is no marker; a marker stands in for a
/// figure or words in a sentence ("rose by XXX per cent").
fn list_item(text: &str, s: usize, e: usize) -> bool {
    if !text[s..e].chars().all(char::is_alphabetic) {
        return false;
    }
    let before = text[..s].trim_end();
    let after = text[e..].trim_start();
    let next_item = after
        .strip_prefix(',')
        .or_else(|| after.strip_prefix("and "))
        .is_some_and(|rest| crate::text::starts_upper(rest.trim_start()));
    let after_colon = before.ends_with(':');
    let prev_item = before.strip_suffix(',').is_some_and(|rest| {
        rest.rsplit(char::is_whitespace)
            .next()
            .is_some_and(crate::text::starts_upper)
    });
    next_item && (after_colon || prev_item)
}

impl PlaceholderText {
    /// A paragraph that is navigation a project listed, not prose: one of its menu links
    /// standing alone, or a breadcrumb through one of its sections ("Home Metro Ann …").
    /// The built-in navigation never reaches here: the text model took it out of the prose
    /// (`doc.text.debris`).
    fn page_debris(&self, text: &str, para: Span) -> Option<Span> {
        let whole = para.text(text);
        let line = whole.trim();
        let start = para.start + (whole.len() - whole.trim_start().len());
        if self.menu_links.contains(&line.to_lowercase()) {
            return Some(Span::new(start, start + line.len()));
        }
        let mut words = line.split_whitespace();
        if words.next() != Some("Home") {
            return None;
        }
        let second = words.next()?;
        let crumb = self.sections.contains(&second.to_lowercase())
            && words.next().is_some_and(crate::text::starts_upper);
        let second_end = line["Home".len()..]
            .find(second)
            .map_or(line.len(), |at| "Home".len() + at + second.len());
        crumb.then(|| Span::new(start, start + second_end))
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{lint, lint_with, spans};

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
    fn page_navigation_is_reported_from_the_file() {
        let text = "Home Sport Rovers sign a new keeper\n\n2 comments\n\nThe fee was not disclosed, the club said.\n\nOur Company\n";
        let d = lint("placeholder-text", text);
        assert_eq!(
            spans(text, &d),
            vec!["Home Sport", "2 comments", "Our Company"]
        );
        assert!(d[0].message.contains("“Home Sport”"), "{}", d[0].message);
    }

    #[test]
    fn a_project_adds_its_own_menu_links_and_sections() {
        let text = "Home Metro Harbour bridge reopens\n\nThe work took a year, the council said.\n\nReader Offers\n";
        assert!(lint("placeholder-text", text).is_empty());
        let d = lint_with(
            "placeholder-text",
            "[rules.placeholder-text]\nextend-menu-links = [\"Reader offers\"]\nextend-breadcrumb-sections = [\"Metro\"]\n",
            text,
        );
        assert_eq!(spans(text, &d), vec!["Home Metro", "Reader Offers"]);
    }

    #[test]
    fn a_film_in_a_list_and_a_tweet_are_no_placeholders() {
        let good = "Three films open this week. They are: XXX, Vertigo and Brazil.\n\nShe ranked Vertigo, XXX and Brazil.\n\n<tweet author=\"@channel\">WATCH: the final minutes of the match<tweet/>\n";
        assert!(lint("placeholder-text", good).is_empty());
        let bad = "The deal is worth XXX, a source said.\n\nThe minister, XXX, said the panel met.\n\nWATCH: the final minutes of the match\n";
        assert_eq!(
            spans(bad, &lint("placeholder-text", bad)),
            vec!["XXX", "XXX", "WATCH:"]
        );
    }

    #[test]
    fn no_false_alarms_inside_words_or_mid_paragraph() {
        let text = "The TKO came in round three. Readers can leave a reply below, she joked. He wore XXXL.";
        assert!(lint("placeholder-text", text).is_empty());
    }
}
