//! The entry points of the fuzz targets (`fuzz/`), here so that the main crate's tests
//! replay the fuzz corpus through exactly the same code (`tests/fuzz_corpus.rs`) on
//! stable Rust. Each takes arbitrary bytes, runs one layer, and panics if an invariant
//! breaks: every span inside the text and on character boundaries, the prose view as
//! long as the file. Not part of the supported API.
//!

use std::sync::OnceLock;

use crate::text::{Span, TextModel};
use crate::{Config, Document};

/// A fuzz target: arbitrary bytes in, a panic when an invariant breaks.
pub type Target = fn(&[u8]);

/// The targets, by the name of their file in `fuzz/fuzz_targets/` and of their corpus
/// directory in `fuzz/corpus/`.
pub const TARGETS: &[(&str, Target)] = &[
    ("text_model", text_model),
    ("markdown", markdown),
    ("grammar", grammar),
    ("check", check),
    ("config", config),
    ("html", html),
    ("suppress", suppress),
];

fn builtin() -> &'static Config {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    CONFIG.get_or_init(|| Config::builtin().expect("the built-in configuration loads"))
}

fn assert_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} outside a text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on character boundaries"
    );
}

fn assert_model(tm: &TextModel) {
    assert_eq!(
        tm.prose.len(),
        tm.source.len(),
        "the prose view keeps offsets"
    );
    for p in &tm.paragraphs {
        assert_span(&tm.prose, p.span, "paragraph");
    }
    for s in &tm.sentences {
        assert_span(&tm.prose, s.span, "sentence");
    }
    for t in &tm.tokens {
        assert_span(&tm.prose, t.span(), "token");
    }
    for q in &tm.quotes {
        assert_span(&tm.prose, q.span, "quote");
        assert_span(&tm.prose, q.inner(&tm.prose), "quote's inner text");
    }
    for i in &tm.quote_issues {
        assert_span(&tm.prose, i.span(), "quote issue");
    }
}

/// The text model of plain text: paragraphs, sentences, tokens, quotations.
pub fn text_model(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        assert_model(&TextModel::new(text, false));
    }
}

/// The text model of Markdown: the prose view pulldown-cmark leaves, then as plain text.
pub fn markdown(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        assert_model(&TextModel::new(text, true));
    }
}

/// The attribution grammar and name finding over the text model.
pub fn grammar(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let doc = Document::new("fuzz.txt", text, builtin());
    for a in &doc.attributions {
        assert_span(text, a.cue, "cue");
        for s in [a.source, a.source_full, a.via].into_iter().flatten() {
            assert_span(text, s, "source");
        }
    }
    for m in &doc.people.mentions {
        assert_span(text, m.span, "mention");
    }
    for q in &doc.quote_speakers {
        if let Some(s) = q.source {
            assert_span(text, s, "quote's source");
        }
    }
}

/// Every rule, as plain text and as Markdown: diagnostics inside the text, their lines
/// and columns those of their offsets.
pub fn check(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let index = crate::text::LineIndex::new(text);
    for path in ["fuzz.txt", "fuzz.md"] {
        for d in crate::check_source(path, text, builtin()) {
            assert_span(text, d.span, d.rule);
            assert_eq!(d.position, Some(index.span(text, d.span)), "{}", d.rule);
            if let Some(fix) = &d.fix {
                assert_span(text, fix.span, "fix");
            }
        }
    }
}

/// The configuration loader: any file loads or is refused with an error pointing into it.
pub fn config(data: &[u8]) {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(e) = Config::from_toml("fuzz.toml", src)
        && let Some(span) = e.span
    {
        assert_span(src, span, "configuration error");
    }
}

/// Diagnostics of `path`'s text: inside the text, lines and columns those of their offsets.
fn assert_diagnostics(path: &str, text: &str) {
    let index = crate::text::LineIndex::new(text);
    for d in crate::check_source(path, text, builtin()) {
        assert_span(text, d.span, d.rule);
        assert_eq!(d.position, Some(index.span(text, d.span)), "{}", d.rule);
        if let Some(fix) = &d.fix {
            assert_span(text, fix.span, "fix");
        }
    }
}

/// HTML pages: the prose html5gum's tokens leave (its text model), then every rule on
/// the page, whose findings point into the page itself.
pub fn html(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let page = crate::text::html::prose(text, &[]);
    for &(s, e) in &page.headings {
        assert_span(&page.text, Span::new(s, e), "heading");
    }
    assert_model(&TextModel::html(&page));
    assert_diagnostics("fuzz.html", text);
}

/// Suppression directives in each of their syntaxes: spans inside the text, the masked
/// prose as long as the text, and a full check that honours them.
pub fn suppress(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for path in ["fuzz.txt", "fuzz.md", "fuzz.html"] {
        if let Some(scan) = crate::suppress::scan(path, text) {
            for d in &scan.directives {
                assert_span(text, d.span, "directive");
                for &(_, span) in &d.rules {
                    assert_span(text, span, "directive's rule");
                }
            }
            for p in &scan.problems {
                assert_span(text, p.span, "directive problem");
            }
        }
        assert_eq!(
            crate::suppress::prose(path, text).len(),
            text.len(),
            "the masked prose keeps offsets"
        );
        assert_diagnostics(path, text);
    }
}
