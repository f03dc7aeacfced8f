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

/// Lints one document. No I/O, no printing; diagnostics sorted by offset.
pub fn check_source(path: &str, text: &str, config: &Config) -> Vec<Diagnostic> {
    let doc = Document::new(path, text, config);
    let mut out = Vec::new();
    run_rules(&doc, config, &mut out);
    diagnostic::sort(&mut out);
    out
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

/// Lints several documents together, in parallel, with results identical to a serial
/// run: sorted by path, then offset.
pub fn check_files(files: &[(String, String)], config: &Config) -> Vec<Diagnostic> {
    let cross = config.rules.iter().any(|r| r.id() == "name-inconsistency");
    // per file, in parallel: diagnostics, and the names the cross-file index needs
    let per_file: Vec<(Vec<Diagnostic>, Option<names::index::DocNames>)> = files
        .par_iter()
        .map(|(path, text)| {
            let doc = Document::new(path, text, config);
            let mut out = Vec::new();
            run_rules(&doc, config, &mut out);
            let names = cross.then(|| names::index::DocNames::from_document(&doc));
            (out, names)
        })
        .collect();
    let mut out = Vec::new();
    let mut doc_names = Vec::new();
    for (d, n) in per_file {
        out.extend(d);
        doc_names.extend(n);
    }
    for r in &config.rules {
        let mut sink = rules::Sink {
            rule: r.id(),
            severity: r.severity,
            path: String::new(),
            out: &mut out,
        };
        r.rule.check_corpus(&doc_names, &mut sink);
    }
    diagnostic::sort(&mut out);
    out.dedup_by(|a, b| a.path == b.path && a.rule == b.rule && a.span == b.span);
    out
}
