//! credlint: a source-credibility and attribution linter for news prose.
//!
//! The library does no I/O and prints nothing: [`check_source`] maps (path, text,
//! configuration) to diagnostics, and [`check_files`] lints a set of documents together
//! (name spellings are compared across them). Walking, reading and rendering live in the
//! CLI (`cli`, `walk`, `render`).
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod analysis;
pub mod config;
pub mod diagnostic;
pub mod extract;
pub mod grammar;
pub mod names;
pub mod render;
pub mod rules;
pub mod text;

use rayon::prelude::*;

pub use analysis::Document;
pub use config::{Config, ConfigError};
pub use diagnostic::{Diagnostic, Related, Severity, Summary};

/// Lints one document. No I/O, no printing; diagnostics sorted by offset, with their
/// lines and columns computed.
pub fn check_source(path: &str, text: &str, config: &Config) -> Vec<Diagnostic> {
    lint_file(path, text, config).diagnostics
}

/// What linting one file yields: its diagnostics (lines and columns computed, so the text
/// can be dropped) and, when the cross-file name check is on, the names it uses.
pub struct FileResult {
    pub diagnostics: Vec<Diagnostic>,
    pub names: Option<names::index::DocNames>,
}

fn cross_file(config: &Config) -> bool {
    config.rules.iter().any(|r| r.id() == "name-inconsistency")
}

/// Lints one file of a run; [`combine`] then merges the files and compares their names.
pub fn lint_file(path: &str, text: &str, config: &Config) -> FileResult {
    let doc = Document::new(path, text, config);
    let mut out = Vec::new();
    run_rules(&doc, config, &mut out);
    // one line index serves the diagnostics and the name summary
    let index = text::LineIndex::new(text);
    diagnostic::locate(&mut out, path, text, &index);
    let names = cross_file(config).then(|| names::index::DocNames::from_document(&doc, &index));
    // sorted here, in parallel: the run's final sort then merges sorted runs
    diagnostic::sort(&mut out);
    // kept until the run ends: without the slack of a grown vector
    out.shrink_to_fit();
    FileResult {
        diagnostics: out,
        names,
    }
}

fn run_rules(doc: &Document, config: &Config, out: &mut Vec<Diagnostic>) {
    for r in &config.rules {
        let mut sink = rules::Sink {
            rule: r.id(),
            severity: r.severity,
            path: doc.path.to_string(),
            out,
        };
        r.rule.check(doc, &mut sink);
    }
}

/// The diagnostics that compare documents with each other (name spellings across files).
fn corpus_diagnostics(docs: &[names::index::DocNames], config: &Config) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for r in &config.rules {
        let mut sink = rules::Sink {
            rule: r.id(),
            severity: r.severity,
            path: String::new(),
            out: &mut out,
        };
        r.rule.check_corpus(docs, &mut sink);
    }
    out
}

/// Sorts a run's diagnostics (path, then offset) and drops repeats of one finding.
fn finish(out: &mut Vec<Diagnostic>) {
    diagnostic::sort(out);
    out.dedup_by(|a, b| a.path == b.path && a.rule == b.rule && a.span == b.span);
}

/// Lints several documents together, in parallel, with results identical to a serial
/// run: sorted by path, then offset.
pub fn check_files(files: &[(String, String)], config: &Config) -> Vec<Diagnostic> {
    let per_file: Vec<FileResult> = files
        .par_iter()
        .map(|(path, text)| lint_file(path, text, config))
        .collect();
    combine(per_file, config)
}

/// A run's diagnostics from its files' results, in file order: each file's findings, then
/// those that compare the files' names, sorted and without repeats.
pub fn combine(per_file: Vec<FileResult>, config: &Config) -> Vec<Diagnostic> {
    // sized once, with room for the cross-file findings added at the end: growing a
    // run's worth of diagnostics copies all of them into fresh memory (capacity that is
    // never written is never touched)
    let total: usize = per_file.iter().map(|r| r.diagnostics.len()).sum();
    let mut out = Vec::with_capacity(total + total / 8 + 64);
    let mut doc_names = Vec::with_capacity(per_file.len());
    let mut diagnostics = Vec::with_capacity(per_file.len());
    for r in per_file {
        diagnostics.push(r.diagnostics);
        doc_names.extend(r.names);
    }
    // the files' findings are merged and sorted while the names are compared across files
    // (the workers are idle by now). Sorting and de-duplicating the files' findings first
    // and everything again after gives what one pass over all of them gives: the order is
    // total up to equal keys, the sort is stable, and a repeat keeps its first copy.
    let (corpus, ()) = rayon::join(
        || corpus_diagnostics(&doc_names, config),
        || {
            for d in diagnostics {
                out.extend(d);
            }
            finish(&mut out);
        },
    );
    // many small allocations: freed off the critical path
    rayon::spawn(move || drop(doc_names));
    if !corpus.is_empty() {
        out.extend(corpus);
        finish(&mut out);
    }
    out
}
