//! Property tests on generated and mutated news text: every diagnostic's span lies inside
//! the text on character boundaries and its line and column lead back to it; the output
//! of a run does not depend on the number of threads or the order of the files; `--fix`
//! applied twice changes nothing more; nothing panics. Case counts stay small: CI has
//! two cores.

mod common;

use credlint::LineIndex;
use proptest::prelude::*;

/// Pieces of news copy and of what breaks it: cue words, names, quotation marks of every
/// kind, abbreviations, multi-byte characters, line endings, Markdown.
const PIECES: &[&str] = &[
    "said",
    "told reporters",
    "according to",
    "reportedly",
    "it was revealed",
    "a source",
    "officials",
    "who spoke on condition of anonymity",
    "Liu Pengyu",
    "Liu Pengya",
    "Pengyu",
    "Jake Sullivan",
    "Jack Sullivan",
    "Sullivan",
    "Mr.",
    "Dr",
    "the ministry",
    "Reuters",
    "he",
    "she",
    "they",
    "claimed",
    "admitted",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "``",
    "''",
    "«",
    "»",
    "„",
    ",",
    ".",
    ":",
    "?",
    "—",
    "(",
    ")",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    " ",
    " ",
    " ",
    "é",
    "日本",
    "🙂",
    "\u{feff}",
    "TK",
    "40 percent",
    "U.S.",
    "# ",
    "> ",
    "- ",
    "`",
    "```\n",
    "*",
    "<b>",
    "http://example.com/a",
    "Anna Kowalczyk",
    "Kowalcyzk",
    "I",
];

fn draft() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|v| v.concat())
}

/// A draft with characters inserted and byte ranges cut (on character boundaries).
fn mutated() -> impl Strategy<Value = String> {
    (
        draft(),
        prop::collection::vec((any::<prop::sample::Index>(), any::<char>()), 0..6),
        prop::collection::vec((any::<prop::sample::Index>(), 0usize..12), 0..3),
    )
        .prop_map(|(mut text, inserts, cuts)| {
            for (at, c) in inserts {
                let i = floor(&text, at.index(text.len() + 1));
                text.insert(i, c);
            }
            for (at, len) in cuts {
                let s = floor(&text, at.index(text.len() + 1));
                let e = floor(&text, (s + len).min(text.len()));
                text.replace_range(s..e, "");
            }
            text
        })
}

fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The byte offset of a 1-based line and code-point column, read off the text directly
/// (`\n`, `\r\n` and `\r` end lines; a leading BOM is not a column).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut at = 0;
    for _ in 1..line {
        let rest = &text[at..];
        let brk = rest.find(['\n', '\r']).expect("the line exists");
        at += brk
            + if rest[brk..].starts_with("\r\n") {
                2
            } else {
                1
            };
    }
    if at == 0 && text.starts_with('\u{feff}') {
        at = 3;
    }
    let mut chars = text[at..].char_indices();
    for _ in 1..column {
        chars.next();
    }
    at + chars.next().map_or(text.len() - at, |(i, _)| i)
}

fn config_with_names() -> credlint::Config {
    credlint::Config::from_toml(
        "credlint.toml",
        "[[names]]\ncanonical = \"Liu Pengyu\"\nvariants = [\"Liu Pengya\", \"Pengyu\"]\nfamily-name = \"Liu\"\n",
    )
    .expect("a valid configuration")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_inside_the_text_and_positions_lead_back(text in mutated(), md in any::<bool>()) {
        let cfg = common::config();
        let path = if md { "draft.md" } else { "draft.txt" };
        let index = LineIndex::new(&text);
        for d in credlint::check_source(path, &text, &cfg) {
            prop_assert!(d.span.start <= d.span.end && d.span.end <= text.len(), "{d:?}");
            prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
            let (start, end) = d.position.expect("a located diagnostic");
            prop_assert_eq!((start, end), index.span(&text, d.span));
            let bom = usize::from(d.span.start == 0 && text.starts_with('\u{feff}')) * 3;
            prop_assert_eq!(offset_of(&text, start.line, start.column), d.span.start.max(bom));
            let end_offset = offset_of(&text, end.line, end.column);
            prop_assert!(end_offset == d.span.end || d.span.end <= bom, "{d:?}");
        }
    }

    #[test]
    fn output_is_the_same_whatever_the_threads_and_file_order(
        texts in prop::collection::vec(draft(), 1..5),
    ) {
        let cfg = common::config();
        let files: Vec<(String, String)> = texts
            .into_iter()
            .enumerate()
            .map(|(i, t)| (format!("d{i}.{}", if i % 2 == 0 { "txt" } else { "md" }), t))
            .collect();
        let run = |threads: usize, files: &[(String, String)]| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("a thread pool")
                .install(|| credlint::check_files(files, &cfg))
        };
        let one = run(1, &files);
        let mut reversed = files.clone();
        reversed.reverse();
        prop_assert_eq!(&one, &run(2, &files));
        prop_assert_eq!(&one, &run(2, &reversed));
        prop_assert_eq!(&one, &run(1, &reversed));
    }

    #[test]
    fn fixing_twice_changes_nothing_more(text in mutated()) {
        let cfg = config_with_names();
        // what --fix does: apply the edits the findings carry
        let fix = |t: &str| {
            let diags = credlint::check_source("draft.txt", t, &cfg);
            credlint::diagnostic::apply_fixes(t, &diags).unwrap_or_else(|| t.to_string())
        };
        let once = fix(&text);
        let twice = fix(&once);
        prop_assert_eq!(&once, &twice);
        // and the fixed draft lints without a panic, its spans still inside it
        for d in credlint::check_source("draft.txt", &once, &cfg) {
            prop_assert!(d.span.end <= once.len() && once.is_char_boundary(d.span.end));
        }
    }
}
