//! Hooks for the developer tools in `examples/` (`phases`, `debug_doc`, `bench_names`),
//! which time or print the steps inside the linter. Hidden and not API: they reach the
//! private layers so that those layers need not be public for three tools. The core does
//! no I/O here either; the tools read the files and print.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use crate::config::Config;
use crate::names::index::{DocNames, NameIndex};
use crate::names::similarity::Thresholds;
use crate::text::{LineIndex, TextModel};

/// The time each phase of linting takes over `files` (path, text), in order: the text
/// model, the lexicon flags, the people, the grammar, the whole document (those four
/// again), each rule of `config`, and locating the findings with the name summary.
pub fn phase_times(files: &[(String, String)], config: &Config) -> Vec<(String, Duration)> {
    let mut fixed = [Duration::ZERO; 6];
    let mut per_rule = vec![Duration::ZERO; config.rules.len()];
    let timed = |slot: &mut Duration, t: Instant| *slot += t.elapsed();
    for (path, text) in files {
        let t = Instant::now();
        let tm = TextModel::new(text, false);
        timed(&mut fixed[0], t);
        let t = Instant::now();
        let flags = config.lexicon.token_flags(&tm);
        timed(&mut fixed[1], t);
        let t = Instant::now();
        let people = crate::names::People::find(&tm, &config.lexicon, &flags);
        timed(&mut fixed[2], t);
        let t = Instant::now();
        drop(crate::grammar::extract(
            &tm,
            &config.lexicon,
            &people,
            &flags,
        ));
        timed(&mut fixed[3], t);
        let t = Instant::now();
        let doc = crate::analysis::Document::new(path, text, config);
        timed(&mut fixed[4], t);
        let mut out = Vec::new();
        for (i, r) in config.rules.iter().enumerate() {
            let t = Instant::now();
            let mut sink = crate::rules::Sink {
                rule: r.id(),
                severity: r.severity,
                path,
                out: &mut out,
            };
            r.rule.check(&doc, &mut sink);
            timed(&mut per_rule[i], t);
        }
        let t = Instant::now();
        let index = LineIndex::new(text);
        crate::diagnostic::locate(&mut out, path, text, &index);
        drop(DocNames::from_document(&doc, &index));
        timed(&mut fixed[5], t);
    }
    let names = ["text model", "lexicon flags", "people", "grammar"];
    let mut out: Vec<(String, Duration)> = names.iter().map(|n| n.to_string()).zip(fixed).collect();
    out.push(("document (model+names+grammar)".into(), fixed[4]));
    let rules = config.rules.iter().map(|r| r.id().to_string());
    out.extend(rules.zip(per_rule));
    out.push(("locate + name summary".into(), fixed[5]));
    out
}

/// How the linter reads `text`: its sentences, quotations (with their speakers),
/// attributions and person mentions, one per line.
pub fn describe(path: &str, text: &str, config: &Config) -> String {
    let doc = crate::analysis::Document::new(path, text, config);
    let mut s = String::new();
    for (i, st) in doc.text.sentences.iter().enumerate() {
        let headline = if st.headline { "H " } else { "" };
        let _ = writeln!(
            s,
            "S{i} p{} {headline}{:?}",
            st.paragraph,
            st.span.text(text)
        );
    }
    for (i, q) in doc.text.quotes.iter().enumerate() {
        let start: String = q.span.text(text).chars().take(50).collect();
        let _ = writeln!(s, "Q{i} {start:?} {:?}", doc.quote_speakers[i]);
    }
    for a in &doc.attributions {
        let _ = writeln!(
            s,
            "A s{} {:?} {:?} src={:?} {:?} anon={} speaker={:?}",
            a.sentence,
            a.form,
            a.cue.text(text),
            a.source.map(|s| s.text(text)),
            a.kind,
            a.anonymous,
            a.speaker
        );
    }
    for m in &doc.people.mentions {
        let person = &doc.people.persons[m.person];
        let _ = writeln!(
            s,
            "M {:?} -> {} ev={}",
            m.span.text(text),
            person.full,
            m.evidence
        );
    }
    s
}

/// What indexing the names of many documents costs: the distinct spellings, the variant
/// pairs found (the name check's own thresholds), and the time to index and to search.
pub fn index_names(docs: &[DocNames]) -> (usize, usize, Duration, Duration) {
    let t = Instant::now();
    let idx = NameIndex::build(docs);
    let built = t.elapsed();
    let t = Instant::now();
    let last = Thresholds {
        min_length: 4,
        max_distance: 1,
        long_length: 9,
        long_max_distance: 2,
    };
    let pairs = idx.similar_pairs(last, 2);
    (idx.forms.len(), pairs.len(), built, t.elapsed())
}

/// Builds the text model of `text` (plain text) and drops it: what the memory test
/// (`tests/memory.rs`) measures the text model's peak heap with.
pub fn build_text_model(text: &str) {
    drop(TextModel::new(text, false));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tools_see_what_the_linter_sees() {
        let config = Config::builtin().expect("built-in config");
        let text = "Ana Ortiz said the budget would pass. “No,” said Ana Ortiz.\n";
        let files = vec![("a.txt".to_string(), text.to_string())];
        let phases = phase_times(&files, &config);
        assert_eq!(phases.len(), 6 + config.rules.len());
        let shown = describe("a.txt", text, &config);
        assert!(shown.contains("S1 p0"), "{shown}");
        assert!(shown.contains("M \"Ana Ortiz\" -> Ana Ortiz"), "{shown}");
        let docs = [
            crate::editor::names_of(
                &crate::SourceFile {
                    path: "a.txt",
                    text,
                    format: crate::Format::Text,
                },
                &config,
            ),
            crate::editor::names_of(
                &crate::SourceFile {
                    path: "b.txt",
                    text: "Ana Ortis said so. Ana Ortis, the mayor, agreed.",
                    format: crate::Format::Text,
                },
                &config,
            ),
        ];
        let (forms, pairs, _, _) = index_names(&docs);
        assert_eq!((forms, pairs), (2, 1));
    }
}
