//! What `credlint extract` and `credlint sources` print: the attributions and quotes of a
//! document, and its source ledger.
//!
//! Public for the command line's `extract` and `sources` and the editor server's hover;
//! the types are read-only views of a [`Document`], which stays opaque.

use serde::Serialize;

use crate::analysis::Document;
use crate::grammar::Attribution;
pub use crate::grammar::{CueForm, SourceKind};
use crate::text::Span;

/// A piece of the document: its byte offsets in the file as written and its text as
/// the linter read it (an HTML page's decoded prose).
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct SpanText<'a> {
    /// Where it starts, in the file.
    pub start: usize,
    /// Where it ends, in the file (exclusive).
    pub end: usize,
    /// Its text.
    pub text: &'a str,
}

impl<'a> SpanText<'a> {
    fn new(doc: &Document<'a>, s: Span) -> Self {
        let f = doc.file_span(s);
        SpanText {
            start: f.start,
            end: f.end,
            text: s.text(doc.text.source),
        }
    }
}

/// One attribution of `credlint extract`: a cue ("said") and the source it names.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct ExtractedAttribution<'a> {
    /// The cue: "said", "according to", "reportedly".
    pub cue: SpanText<'a>,
    /// The source as written ("a senior official"), if it names one.
    pub source: Option<SpanText<'a>>,
    /// What kind of source it is; none when no source is written ("reportedly", a
    /// reporter's question): a kind describes a source phrase, and `anonymous` already
    /// says that no one is named.
    pub kind: Option<SourceKind>,
    /// Whether the source is unnamed.
    pub anonymous: bool,
    /// The person it is, by full name, when known (a pronoun resolved).
    pub speaker: Option<String>,
    /// How the attribution is made (verb, inverted, prepositional, agentless, …).
    pub form: CueForm,
    /// False for reported silence ("declined to comment").
    pub speech: bool,
}

/// One quotation of `credlint extract` and who said it.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct ExtractedQuote<'a> {
    /// Where it starts, in the file (its opening mark).
    pub start: usize,
    /// Where it ends, in the file (after its closing mark).
    pub end: usize,
    /// The speaker's full name, when the quotation is attributed to a person.
    pub speaker: Option<String>,
    /// The source phrase it is attributed to, if any.
    pub source: Option<SpanText<'a>>,
}

/// One line of `credlint extract --format jsonl`.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct Extracted<'a> {
    /// The file.
    pub path: String,
    /// Its attributions, in order.
    pub attributions: Vec<ExtractedAttribution<'a>>,
    /// Its quotations, in order.
    pub quotes: Vec<ExtractedQuote<'a>>,
}

/// The attributions and quotations of `doc`: one line of `credlint extract`.
pub fn extracted<'a>(doc: &Document<'a>) -> Extracted<'a> {
    let attributions = doc
        .attributions
        .iter()
        .map(|a| ExtractedAttribution {
            cue: SpanText::new(doc, a.cue),
            source: a.source.map(|s| SpanText::new(doc, s)),
            kind: printed_kind(a),
            anonymous: a.anonymous,
            speaker: a.speaker.clone(),
            form: a.form,
            speech: a.is_speech(),
        })
        .collect();
    let quotes = doc
        .text
        .quotes
        .iter()
        .zip(&doc.quote_speakers)
        .map(|(q, s)| ExtractedQuote {
            start: doc.file_span(q.span).start,
            end: doc.file_span(q.span).end,
            speaker: s.speaker.clone(),
            source: s.source.map(|x| SpanText::new(doc, x)),
        })
        .collect();
    Extracted {
        path: doc.path.to_string(),
        attributions,
        quotes,
    }
}

/// The kind `extract` prints: none when no source is written, since a kind describes a
/// source phrase.
fn printed_kind(a: &crate::grammar::Attribution) -> Option<SourceKind> {
    a.source.map(|_| a.kind)
}

/// Appends the line `credlint extract` prints for `doc` (without its newline): what
/// serde makes of [`extracted`], written field by field with the keys as literal bytes.
pub fn write_jsonl(doc: &Document, buf: &mut Vec<u8>) {
    use crate::json_write::{push_array, push_bool, push_num, push_opt, push_str};
    let source = doc.text.source;
    let span_text = |buf: &mut Vec<u8>, s: Option<Span>| match s {
        Some(s) => {
            let f = doc.file_span(s);
            buf.extend_from_slice(b"{\"start\":");
            push_num(buf, f.start);
            buf.extend_from_slice(b",\"end\":");
            push_num(buf, f.end);
            buf.extend_from_slice(b",\"text\":");
            push_str(buf, s.text(source));
            buf.push(b'}');
        }
        None => buf.extend_from_slice(b"null"),
    };
    buf.extend_from_slice(b"{\"path\":");
    push_str(buf, doc.path);
    buf.extend_from_slice(b",\"attributions\":");
    push_array(buf, &doc.attributions, |buf, a| {
        buf.extend_from_slice(b"{\"cue\":");
        span_text(buf, Some(a.cue));
        buf.extend_from_slice(b",\"source\":");
        span_text(buf, a.source);
        buf.extend_from_slice(b",\"kind\":");
        push_opt(buf, printed_kind(a).map(SourceKind::as_str));
        buf.extend_from_slice(b",\"anonymous\":");
        push_bool(buf, a.anonymous);
        buf.extend_from_slice(b",\"speaker\":");
        push_opt(buf, a.speaker.as_deref());
        buf.extend_from_slice(b",\"form\":");
        push_str(buf, a.form.as_str());
        buf.extend_from_slice(b",\"speech\":");
        push_bool(buf, a.is_speech());
        buf.push(b'}');
    });
    buf.extend_from_slice(b",\"quotes\":");
    push_array(
        buf,
        doc.text.quotes.iter().zip(&doc.quote_speakers),
        |buf, (q, s)| {
            let f = doc.file_span(q.span);
            buf.extend_from_slice(b"{\"start\":");
            push_num(buf, f.start);
            buf.extend_from_slice(b",\"end\":");
            push_num(buf, f.end);
            buf.extend_from_slice(b",\"speaker\":");
            push_opt(buf, s.speaker.as_deref());
            buf.extend_from_slice(b",\"source\":");
            span_text(buf, s.source);
            buf.push(b'}');
        },
    );
    buf.push(b'}');
}

/// One source of a document, with what rests on it.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct LedgerRow {
    /// The source: a person's full name, or the phrase without its article.
    pub source: String,
    /// What kind of source it is.
    pub kind: SourceKind,
    /// Whether it is unnamed.
    pub anonymous: bool,
    /// Outlets the source reached the writer through ("CNN" for "cited by CNN").
    pub via: Vec<String>,
    /// The attributions (claims) that rest on it.
    pub attributions: usize,
    /// The quotations attributed to it.
    pub quotes: usize,
}

/// What `credlint sources` shows for one document: who the story rests on.
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct Ledger {
    /// The file.
    pub path: String,
    /// Its sources, most relied on first.
    pub sources: Vec<LedgerRow>,
    /// Claims attributed to no one ("it was revealed").
    pub agentless: usize,
    /// All its quotations.
    pub quotes: usize,
    /// Quotations attributed to no one.
    pub unattributed_quotes: usize,
}

/// The key a source is counted under: a person's full name, or the phrase without its
/// article. A pronoun counts for what it refers to.
pub(crate) fn source_key(
    doc: &Document,
    atts: &[Attribution],
    i: usize,
) -> Option<(String, SourceKind, bool)> {
    let a = &atts[i];
    if a.kind == SourceKind::Pronoun {
        if let Some(name) = &a.speaker {
            return Some((name.clone(), SourceKind::Person, false));
        }
        return match a.referent {
            Some(r) if r != i => source_key(doc, atts, r),
            _ => None,
        };
    }
    if let (SourceKind::Person, Some(name)) = (a.kind, &a.speaker) {
        return Some((name.clone(), a.kind, false));
    }
    let text = a.source?.text(doc.text.source);
    // words joined by single spaces: most phrases are so already, and are not rebuilt
    let text: std::borrow::Cow<str> = if single_spaced(text) {
        text.into()
    } else {
        text.split_whitespace().collect::<Vec<_>>().join(" ").into()
    };
    let trimmed = ["the ", "The "]
        .iter()
        .fold(text.as_ref(), |t, p| t.strip_prefix(p).unwrap_or(t))
        .to_string();
    Some((trimmed, a.kind, a.anonymous))
}

/// Is `s` its words joined by single spaces (what `split_whitespace` and `join(" ")`
/// would make of it)?
fn single_spaced(s: &str) -> bool {
    let mut prev_space = true;
    for c in s.chars() {
        if c.is_whitespace() {
            if prev_space || c != ' ' {
                return false;
            }
            prev_space = true;
        } else {
            prev_space = false;
        }
    }
    !prev_space || s.is_empty()
}

/// The sources of a document, one row per source in order of first attribution, with
/// its attributions counted (quotes not yet); and the index of each row by its
/// lowercased key.
struct Rows {
    rows: Vec<LedgerRow>,
    index: rustc_hash::FxHashMap<String, usize>,
    agentless: usize,
}

fn rows(doc: &Document) -> Rows {
    let mut r = Rows {
        rows: Vec::new(),
        index: Default::default(),
        agentless: 0,
    };
    for (i, a) in doc.attributions.iter().enumerate() {
        if a.form == CueForm::Agentless {
            r.agentless += 1;
            continue;
        }
        // a reporter's question rests on no source, and a request carries no claim
        if matches!(a.form, CueForm::Question | CueForm::Request) {
            continue;
        }
        let Some((key, kind, anonymous)) = source_key(doc, &doc.attributions, i) else {
            continue;
        };
        let at = *r
            .index
            .entry(crate::text::lowercase(&key))
            .or_insert_with(|| {
                r.rows.push(LedgerRow {
                    source: key,
                    kind,
                    anonymous,
                    via: vec![],
                    attributions: 0,
                    quotes: 0,
                });
                r.rows.len() - 1
            });
        let row = &mut r.rows[at];
        row.attributions += 1;
        if let Some(v) = a.via {
            let v = v.text(doc.text.source).to_string();
            if !row.via.contains(&v) {
                row.via.push(v);
            }
        }
    }
    r
}

/// The ledger's sources without their quotes counted: what single-source judges.
pub(crate) fn sources(doc: &Document) -> Vec<LedgerRow> {
    rows(doc).rows
}

/// The source ledger of `doc`.
pub fn ledger(doc: &Document) -> Ledger {
    let Rows {
        rows: mut sources,
        index,
        agentless,
    } = rows(doc);
    let mut unattributed = 0;
    for (q, s) in doc.text.quotes.iter().zip(&doc.quote_speakers) {
        // a continued quote counts once, with the quote it continues
        if q.continues().is_some() {
            continue;
        }
        match s
            .attribution
            .and_then(|ai| source_key(doc, &doc.attributions, ai))
        {
            Some((key, _, _)) => {
                if let Some(&at) = index.get(&crate::text::lowercase(&key)) {
                    sources[at].quotes += 1;
                }
            }
            // scare quotes ("the “no limits” partnership") are not quotations of speech
            None if !q.single
                && q.inner(doc.text.source)
                    .text(doc.text.source)
                    .split_whitespace()
                    .count()
                    > 3 =>
            {
                unattributed += 1
            }
            None => {}
        }
    }
    let quotes = doc
        .text
        .quotes
        .iter()
        .filter(|q| q.continues().is_none() && !q.single)
        .count();
    Ledger {
        path: doc.path.to_string(),
        sources,
        agentless,
        quotes,
        unattributed_quotes: unattributed,
    }
}

/// The ledger as a table for people.
pub fn render_ledger(l: &Ledger) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let n_att: usize = l.sources.iter().map(|r| r.attributions).sum();
    let plural = |n: usize, w: &str| {
        if n == 1 {
            format!("{n} {w}")
        } else {
            format!("{n} {w}s")
        }
    };
    let _ = writeln!(
        s,
        "{} — {}, {}, {}",
        l.path,
        plural(l.sources.len(), "source"),
        plural(n_att, "attribution"),
        plural(l.quotes, "quote")
    );
    if l.sources.is_empty() {
        let _ = writeln!(s, "  (no attributed sources)");
    } else {
        let _ = writeln!(
            s,
            "  {:<44} {:<13} {:>12} {:>7}",
            "source", "kind", "attributions", "quotes"
        );
        for r in &l.sources {
            let mut name = r.source.clone();
            if !r.via.is_empty() {
                name = format!("{name} (via {})", r.via.join(", "));
            }
            if name.chars().count() > 44 {
                name = name.chars().take(43).collect::<String>() + "…";
            }
            let _ = writeln!(
                s,
                "  {:<44} {:<13} {:>12} {:>7}",
                name,
                r.kind.as_str(),
                r.attributions,
                r.quotes
            );
        }
    }
    let count = |k: SourceKind| l.sources.iter().filter(|r| r.kind == k).count();
    let named = count(SourceKind::Person) + count(SourceKind::Organization);
    let _ = writeln!(
        s,
        "  named {} · anonymous {} · outlets {} · documents {} · agentless {} · unattributed quotes {}",
        named,
        count(SourceKind::Anonymous),
        count(SourceKind::Outlet),
        count(SourceKind::Document),
        l.agentless,
        l.unattributed_quotes
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_spacing_is_recognised() {
        for s in [
            "",
            " ",
            "a",
            "a b",
            " a",
            "a ",
            "a  b",
            "a\tb",
            "a\u{a0}b",
            "Liu Pengyu",
            "x y z",
            "a \n b",
            "é ü",
        ] {
            let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(single_spaced(s), joined == s, "{s:?}");
        }
    }

    #[test]
    fn jsonl_lines_match_serde() {
        let config = crate::Config::builtin().expect("built-in config");
        let text = "Officials reportedly met on Monday.\n\n\
            “We will not back down,” said Dmitry Peskov, President Vladimir Putin's spokesman.\n\n\
            According to the Financial Times, a US official said the talks failed. \
            \"They \\ never\tstarted,\" he said. A source familiar with the matter declined to comment.\n\n\
            “Nobody knows,” one analyst told CNN. “Not even them.”";
        let doc = Document::new("drafts/“a”\\b.txt", text, &config);
        assert!(doc.attributions.len() >= 5 && doc.text.quotes.len() >= 3);
        let mut line = Vec::new();
        write_jsonl(&doc, &mut line);
        let want = serde_json::to_string(&extracted(&doc)).unwrap_or_default();
        assert_eq!(String::from_utf8(line).unwrap_or_default(), want);
        let empty = Document::new("e.txt", "", &config);
        let mut line = Vec::new();
        write_jsonl(&empty, &mut line);
        assert_eq!(line, br#"{"path":"e.txt","attributions":[],"quotes":[]}"#);
    }
}
