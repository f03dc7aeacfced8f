//! credlint: a source-credibility and attribution linter for news prose.
//!
//! The library does no I/O and prints nothing. Its front door is [`Linter`]: a
//! [`Config`] (built in, or parsed from a `credlint.toml` string), then
//! [`Linter::check`] on a [`SourceFile`] (path, text and format, given explicitly) gives
//! the [`Diagnostic`]s, and [`Linter::check_all`] lints several files together (name
//! spellings are compared across them). A text over 4 GiB is an error ([`TooLarge`]), not
//! linted in part. Walking, reading and rendering live in the command line (the
//! `credlint-cli` package).
//!
//! Beside the front door, what the front ends (the command line and the editor server)
//! need and nothing more: a run in steps ([`lint_file`], [`combine_run`]: progress,
//! `--fix`, an editor's per-document findings), [`mod@diagnostic`] (what a finding is,
//! fixes applied), positions ([`LineIndex`]: 1-based code point columns, and UTF-16 or
//! byte columns for editors), the rule registry ([`rules`]), what `credlint extract` and
//! `credlint sources` print ([`extract`]), and what an editor asks about a place in a
//! document ([`editor`]). The text model, lexicon, grammar, names and rules are private.
#![deny(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

mod analysis;
mod config;
#[doc(hidden)]
pub mod devtools;
pub mod diagnostic;
pub mod editor;
pub mod extract;
#[doc(hidden)]
pub mod fuzzing;
mod grammar;
/// The hand-written JSON writer the `extract` output and the command line's JSON share.
#[doc(hidden)]
pub mod json_write;
mod lexicon;
mod names;
mod par;
pub mod rules;
mod suppress;
mod text;

pub use analysis::{Document, Input};
pub use config::{CONFIG_NAMES, Config, ConfigError, Files, HtmlFiles, init_template, nearest};
pub use diagnostic::{Diagnostic, Edit, Related, Severity, Summary, Suppression};
pub use names::index::{Context, DocNames, DocPerson};
pub use rules::RuleMeta;
pub use text::{Format, LineCol, LineIndex, MAX_TEXT, Position, PositionEncoding, Span};

/// The text of a file with its plain-text suppression directive lines blanked (offsets
/// unchanged), as the rules read it: what `credlint extract` and `credlint sources`
/// analyse, so that a directive's words are not taken for prose.
pub fn mask_directives<'t>(path: &str, text: &'t str) -> std::borrow::Cow<'t, str> {
    suppress::prose(path, text)
}

/// The library's front door: a configuration, and the files to lint with it.
///
/// ```
/// use credlint::{Config, Format, Linter, Severity, SourceFile};
///
/// let toml = "[rules.placeholder-text]\nseverity = \"warning\"\n";
/// let config = Config::from_toml("credlint.toml", toml).expect("a valid configuration");
/// let linter = Linter::new(config);
/// let text = "The mayor said [TK] on Monday.\n";
/// let file = SourceFile { path: "draft.txt", text, format: Format::Text };
/// let found = linter.check(&file).expect("a text under 4 GiB");
/// assert!(found
///     .iter()
///     .any(|d| d.rule == "placeholder-text" && d.severity == Severity::Warning));
/// ```
pub struct Linter {
    config: Config,
}

/// One file to lint: its path (shown in the findings; the format is not guessed from it),
/// its text and its format.
#[derive(Clone, Copy, Debug)]
pub struct SourceFile<'a> {
    /// The path the findings name.
    pub path: &'a str,
    /// The whole file as written.
    pub text: &'a str,
    /// How to read it: plain text, Markdown (prose only) or an HTML page (its article).
    pub format: Format,
}

/// A text longer than [`MAX_TEXT`] (4 GiB less a byte): the text model keeps
/// offsets in 32 bits, so such a file is refused rather than linted in part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLarge {
    /// The file's path.
    pub path: String,
    /// Its length in bytes.
    pub len: usize,
}

impl std::fmt::Display for TooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: {} bytes, more than the {} bytes credlint reads in one file",
            self.path,
            self.len,
            text::MAX_TEXT
        )
    }
}

impl std::error::Error for TooLarge {}

impl Linter {
    /// A linter with `config` (see [`Config::builtin`] and [`Config::from_toml`]).
    pub fn new(config: Config) -> Linter {
        Linter { config }
    }

    /// The configuration in force.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Lints one file: its findings sorted by offset, with lines and columns, those its
    /// suppression directives silence left out.
    pub fn check(&self, file: &SourceFile<'_>) -> Result<Vec<Diagnostic>, TooLarge> {
        fits(file)?;
        Ok(check_source_as(
            file.path,
            file.text,
            file.format,
            &self.config,
        ))
    }

    /// Lints several files together (name spellings are compared across them), in
    /// parallel with the `parallel` feature: sorted by path, then offset.
    pub fn check_all(&self, files: &[SourceFile<'_>]) -> Result<Vec<Diagnostic>, TooLarge> {
        files.iter().try_for_each(fits)?;
        let per_file = par::map(files, |f| {
            lint_file_as(f.path, f.text, f.format, &self.config)
        });
        Ok(combine(per_file, &self.config))
    }

    /// What every rule is: id, summary, documentation (the registry, in order).
    pub fn rules() -> impl Iterator<Item = &'static RuleMeta> {
        rules::REGISTRY.iter().map(|d| &d.meta)
    }
}

impl Config {
    /// The rules this configuration runs, in registry order, each with its severity.
    pub fn enabled_rules(&self) -> impl Iterator<Item = (&'static RuleMeta, Severity)> + '_ {
        self.rules.iter().map(|r| (&r.def.meta, r.severity))
    }
}

fn fits(file: &SourceFile<'_>) -> Result<(), TooLarge> {
    fits_len(file.path, file.text.len())
}

fn fits_len(path: &str, len: usize) -> Result<(), TooLarge> {
    if len > text::MAX_TEXT {
        return Err(TooLarge {
            path: path.to_string(),
            len,
        });
    }
    Ok(())
}

/// Lints one document, its format guessed from `path` ([`Format::from_path`]). No I/O,
/// no printing; diagnostics sorted by offset, with their lines and columns computed.
/// Findings its suppressions silence are left out.
pub fn check_source(path: &str, text: &str, config: &Config) -> Vec<Diagnostic> {
    check_source_as(path, text, Format::from_path(path), config)
}

/// [`check_source`] for a text of the given format.
pub fn check_source_as(path: &str, text: &str, format: Format, config: &Config) -> Vec<Diagnostic> {
    combine(vec![lint_file_as(path, text, format, config)], config)
}

/// What linting one file yields: its diagnostics (lines and columns computed, so the text
/// can be dropped), when the cross-file name check is on the names it uses, and what its
/// suppression directives silenced.
#[derive(Default)]
pub struct FileResult {
    /// The file's own findings, sorted by offset, located and fingerprinted.
    pub diagnostics: Vec<Diagnostic>,
    /// The people the file names, when the cross-file name check is on.
    pub names: Option<names::index::DocNames>,
    /// The findings a directive of the file silenced (each with its suppression).
    pub suppressed: Vec<Diagnostic>,
    /// The file's directives (`None`: it has none), kept until the cross-file findings
    /// have been checked against them and those that silenced nothing reported.
    suppressions: Option<Box<suppress::Suppressions>>,
}

fn cross_file(config: &Config) -> bool {
    config.rules.iter().any(|r| r.id() == "name-inconsistency")
}

/// Lints one file of a run, its format guessed from `path`; [`combine`] then merges the
/// files and compares their names.
pub fn lint_file(path: &str, text: &str, config: &Config) -> FileResult {
    lint_file_as(path, text, Format::from_path(path), config)
}

/// [`lint_file`] for a text of the given format. Every span is in `text` as given (an
/// HTML page's findings are moved back from its prose to the page).
pub fn lint_file_as(path: &str, text: &str, format: Format, config: &Config) -> FileResult {
    let scan = suppress::scan(path, text);
    // plain-text directive lines are blanked for the rules (offsets unchanged)
    let prose = scan
        .as_ref()
        .map_or(std::borrow::Cow::Borrowed(text), |s| s.mask(text));
    let input = Input::new(path, &prose, format, config);
    let doc = input.document(config);
    let mut out = Vec::new();
    run_rules(&doc, config, &mut out);
    doc.to_file(&mut out);
    // one line index serves the diagnostics and the name summary
    let index = text::LineIndex::new(text);
    let names = cross_file(config).then(|| names::index::DocNames::from_document(&doc, &index));
    let (suppressions, suppressed) = match scan {
        Some(scan) => apply_suppressions(path, text, &index, scan, config, &mut out),
        None => (None, Vec::new()),
    };
    diagnostic::locate(&mut out, path, text, &index);
    diagnostic::fingerprint(&mut out, path, Some(text));
    // sorted here, in parallel: the run's final sort then merges sorted runs
    diagnostic::sort(&mut out);
    // kept until the run ends: without the slack of a grown vector
    out.shrink_to_fit();
    FileResult {
        diagnostics: out,
        names,
        suppressed,
        suppressions,
    }
}

/// Reports the file's malformed directives (`invalid-suppression`) and moves the findings
/// its directives silence out of `out`: the file's suppressions (kept for the cross-file
/// findings) and what they silenced, located.
fn apply_suppressions(
    path: &str,
    text: &str,
    index: &text::LineIndex,
    scan: suppress::Scan,
    config: &Config,
    out: &mut Vec<Diagnostic>,
) -> (Option<Box<suppress::Suppressions>>, Vec<Diagnostic>) {
    let (mut sup, problems) = scan.into_suppressions(path, text, index);
    if let Some(r) = config.rule(rules::invalid_suppression::DEF.meta.id) {
        out.extend(problems.iter().map(|p| {
            rules::invalid_suppression::diagnostic(
                path,
                p.span,
                p.message.clone(),
                p.label.clone(),
                r.severity,
            )
        }));
    }
    let mut silenced = sup.apply(out);
    diagnostic::locate(&mut silenced, path, text, index);
    diagnostic::fingerprint(&mut silenced, path, Some(text));
    (Some(Box::new(sup)), silenced)
}

fn run_rules(doc: &Document, config: &Config, out: &mut Vec<Diagnostic>) {
    for r in &config.rules {
        let mut sink = rules::Sink {
            rule: r.id(),
            severity: r.severity,
            path: doc.path,
            out,
        };
        r.rule.check(doc, &mut sink);
    }
}

/// The diagnostics that compare documents with each other (name spellings across files),
/// from the names [`lint_file`] gave for each. The editor server keeps these per document
/// and calls this after an edit, instead of linting every file again.
pub fn corpus_diagnostics(docs: &[names::index::DocNames], config: &Config) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for r in &config.rules {
        let mut sink = rules::Sink {
            rule: r.id(),
            severity: r.severity,
            path: "",
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
    let per_file: Vec<FileResult> = par::map(files, |(path, text)| lint_file(path, text, config));
    combine(per_file, config)
}

/// A run's diagnostics from its files' results, in file order: each file's findings, then
/// those that compare the files' names, sorted and without repeats. Findings silenced by
/// a suppression are left out (see [`combine_run`]).
pub fn combine(per_file: Vec<FileResult>, config: &Config) -> Vec<Diagnostic> {
    combine_grouped(per_file, config)
        .into_iter()
        .flatten()
        .collect()
}

/// [`combine`], with the diagnostics left in groups, one per path (see [`combine_run`]).
pub fn combine_grouped(per_file: Vec<FileResult>, config: &Config) -> Vec<Vec<Diagnostic>> {
    combine_run(per_file, config).groups
}

/// What a run reports: the findings in groups, one per path, in output order, and the
/// findings suppression directives silenced (sorted; each carries its suppression).
#[derive(Debug, Default)]
pub struct Combined {
    /// The findings, one group per path, in output order (each group sorted by offset).
    pub groups: Vec<Vec<Diagnostic>>,
    /// The findings a suppression directive silenced, sorted; each carries its reason.
    pub suppressed: Vec<Diagnostic>,
}

/// The run's findings from its files' results: each file's own findings, the cross-file
/// findings no suppression silences at any place they point to, and the directives that
/// silenced nothing (`unused-suppression`).
pub fn combine_run(per_file: Vec<FileResult>, config: &Config) -> Combined {
    let mut sups: Vec<Box<suppress::Suppressions>> = Vec::new();
    let mut suppressed = Vec::new();
    let per_file: Vec<FileResult> = per_file
        .into_iter()
        .map(|mut r| {
            sups.extend(r.suppressions.take());
            suppressed.append(&mut r.suppressed);
            r
        })
        .collect();
    let mut after = |mut corpus: Vec<Diagnostic>| {
        diagnostic::fingerprint(&mut corpus, "", None);
        let mut corpus = silence_corpus(corpus, &mut sups, &mut suppressed);
        corpus.extend(unused_suppressions(&mut sups, config, &mut suppressed));
        corpus
    };
    let groups = group_findings(per_file, config, &mut after);
    diagnostic::sort(&mut suppressed);
    Combined { groups, suppressed }
}

/// Moves the cross-file findings a suppression silences (at the finding's own place or
/// at any place its related labels point to: either spelling may be the one an editor
/// judged) into `suppressed`.
fn silence_corpus(
    corpus: Vec<Diagnostic>,
    sups: &mut [Box<suppress::Suppressions>],
    suppressed: &mut Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    if sups.is_empty() {
        return corpus;
    }
    let mut kept = Vec::with_capacity(corpus.len());
    for mut d in corpus {
        let places: Vec<(String, text::Span)> = std::iter::once((d.path.clone(), d.span))
            .chain(
                d.related
                    .iter()
                    .map(|r| (r.path.clone().unwrap_or_else(|| d.path.clone()), r.span)),
            )
            .collect();
        let reason = places.iter().find_map(|(p, span)| {
            sups.iter_mut()
                .filter(|s| s.path == *p)
                .find_map(|s| s.silence(d.rule, *span))
        });
        match reason {
            Some(reason) => {
                d.suppression = Some(Box::new(diagnostic::Suppression { reason }));
                suppressed.push(d);
            }
            None => kept.push(d),
        }
    }
    kept
}

/// `unused-suppression` findings: every directive entry that silenced nothing, for
/// rules that ran. A directive naming `unused-suppression` silences them in turn (those
/// go to `suppressed`).
fn unused_suppressions(
    sups: &mut [Box<suppress::Suppressions>],
    config: &Config,
    suppressed: &mut Vec<Diagnostic>,
) -> Vec<Diagnostic> {
    let Some(rule) = config.rule(rules::unused_suppression::DEF.meta.id) else {
        return Vec::new();
    };
    let enabled = |id: &str| config.rule(id).is_some();
    let found: Vec<Diagnostic> = sups
        .iter()
        .flat_map(|s| {
            s.unused(enabled).map(|e| {
                rules::unused_suppression::diagnostic(
                    &s.path,
                    e.rule,
                    e.at,
                    e.position,
                    rule.severity,
                )
            })
        })
        .collect();
    let mut found = found;
    diagnostic::fingerprint(&mut found, "", None);
    silence_corpus(found, sups, suppressed)
}

/// The files' findings in groups, one per path, in output order, with the cross-file
/// findings (passed through `after`, which may drop some and add others) merged in.
///
/// The order is the one sorting everything at once gives: by path first, so paths do
/// not mix and each group is sorted and de-duplicated on its own (a path linted twice
/// has its files' findings merged). The files' findings are sorted and de-duplicated
/// first and everything again after, which is what one pass over all of them gives:
/// the order is total up to equal keys, the sort is stable, and a repeat keeps its first
/// copy.
fn group_findings(
    per_file: Vec<FileResult>,
    config: &Config,
    after: &mut dyn FnMut(Vec<Diagnostic>) -> Vec<Diagnostic>,
) -> Vec<Vec<Diagnostic>> {
    let mut doc_names = Vec::with_capacity(per_file.len());
    let mut groups = Vec::with_capacity(per_file.len());
    for r in per_file {
        if !r.diagnostics.is_empty() {
            groups.push(r.diagnostics);
        }
        doc_names.extend(r.names);
    }
    // a file's findings all carry its path (the sink sets it); were one not to, one list
    // sorted whole still gives the right order
    if groups.iter().any(|g| g.iter().any(|d| d.path != g[0].path)) {
        let mut all: Vec<Diagnostic> = groups.into_iter().flatten().collect();
        finish(&mut all);
        all.extend(after(corpus_diagnostics(&doc_names, config)));
        finish(&mut all);
        return vec![all];
    }
    // the files' findings are grouped while the names are compared across files (the
    // workers are idle by now)
    let (corpus, ()) = par::join(
        || corpus_diagnostics(&doc_names, config),
        || {
            groups.sort_by(|a, b| a[0].path.cmp(&b[0].path));
            merge_same_paths(&mut groups);
            for g in &mut groups {
                finish(g);
            }
        },
    );
    // many small allocations: freed off the critical path
    par::drop_later(doc_names);
    let corpus = after(corpus);
    if corpus.is_empty() {
        return groups;
    }
    // each cross-file finding joins its path's group (in the order found, after every
    // finding already there), or makes one; the groups it joins are sorted and
    // de-duplicated again. One pass over both lists, both sorted by path.
    let mut corpus = corpus;
    corpus.sort_by(|a, b| a.path.cmp(&b.path));
    let mut corpus = corpus.into_iter().peekable();
    let mut out = Vec::with_capacity(groups.len() + corpus.len());
    for mut g in groups {
        push_paths_before(&mut out, &mut corpus, Some(&g[0].path));
        let mut joined = false;
        while let Some(d) = corpus.next_if(|d| d.path == g[0].path) {
            g.push(d);
            joined = true;
        }
        if joined {
            finish(&mut g);
        }
        out.push(g);
    }
    push_paths_before(&mut out, &mut corpus, None);
    out
}

/// Moves the findings of `corpus` whose paths sort before `limit` (all, for `None`) into
/// groups of their own, one per path, each sorted and de-duplicated.
fn push_paths_before(
    out: &mut Vec<Vec<Diagnostic>>,
    corpus: &mut std::iter::Peekable<std::vec::IntoIter<Diagnostic>>,
    limit: Option<&str>,
) {
    while let Some(first) = corpus.next_if(|d| limit.is_none_or(|l| d.path.as_str() < l)) {
        let mut g = vec![first];
        while let Some(d) = corpus.next_if(|d| d.path == g[0].path) {
            g.push(d);
        }
        finish(&mut g);
        out.push(g);
    }
}

/// Joins adjacent groups of one path (a file named twice), keeping their order.
fn merge_same_paths(groups: &mut Vec<Vec<Diagnostic>>) {
    let mut merged: Vec<Vec<Diagnostic>> = Vec::with_capacity(groups.len());
    for g in groups.drain(..) {
        match merged.last_mut() {
            Some(last) if last[0].path == g[0].path => last.extend(g),
            _ => merged.push(g),
        }
    }
    *groups = merged;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::index::{DocNames, DocPerson};
    use crate::text::Span;

    fn diag(path: &str, rule: &'static str, at: usize, message: &str) -> Diagnostic {
        Diagnostic::new(
            path,
            rule,
            Severity::Warning,
            Span::new(at, at + 3),
            message,
        )
    }

    fn names(path: &str, fulls: &[&str]) -> Option<DocNames> {
        Some(DocNames {
            path: path.into(),
            people: fulls
                .iter()
                .enumerate()
                .map(|(i, full)| DocPerson {
                    full: (*full).into(),
                    first: Span::new(40 + 20 * i, 50 + 20 * i),
                    first_position: Default::default(),
                })
                .collect(),
            // drafts of one story: they name the same places
            context: crate::names::index::Context::from_words(["Beijing", "Westminster"]),
        })
    }

    #[test]
    fn the_facade_lints_with_the_format_given_and_refuses_huge_texts() {
        let linter = Linter::new(Config::builtin().expect("built-in config"));
        // a Markdown code span is not prose: read as Markdown, its placeholder is not one
        let text = "The mayor said `[TK]` on Monday.\n";
        let file = |format| SourceFile {
            path: "draft.txt",
            text,
            format,
        };
        let rule = |v: &[Diagnostic]| v.iter().filter(|d| d.rule == "placeholder-text").count();
        let plain = linter.check(&file(Format::Text)).expect("small");
        let markdown = linter.check(&file(Format::Markdown)).expect("small");
        assert!(rule(&plain) > 0);
        assert_eq!(rule(&markdown), 0);
        assert_eq!(
            plain,
            check_source_as("draft.txt", text, Format::Text, linter.config())
        );
        let both = linter
            .check_all(&[file(Format::Text), file(Format::Markdown)])
            .expect("small");
        assert_eq!(rule(&both), rule(&plain));
        assert!(fits_len("a.txt", text::MAX_TEXT).is_ok());
        let e = fits_len("big.txt", text::MAX_TEXT + 1).expect_err("too large");
        assert_eq!(e.len, text::MAX_TEXT + 1);
        assert!(e.to_string().starts_with("big.txt: "));
        assert_eq!(Linter::rules().count(), rules::REGISTRY.len());
    }

    #[test]
    fn groups_hold_what_one_sorted_list_holds() {
        let config = Config::builtin().expect("built-in config");
        // files out of path order, a path named twice (with a repeated finding), a file
        // with no findings of its own, and names that differ across files
        let files = || {
            vec![
                FileResult {
                    diagnostics: vec![
                        diag("c.txt", "quote-marks", 5, "x"),
                        diag("c.txt", "quote-marks", 9, "y"),
                    ],
                    names: names("c.txt", &["Liu Pengyu", "Gordon Brown", "Boris Johnson"]),
                    ..Default::default()
                },
                FileResult {
                    diagnostics: vec![
                        diag("a.txt", "anonymous-source", 1, "m"),
                        diag("a.txt", "single-source", 1, "n"),
                    ],
                    names: names("a.txt", &["Liu Pengya"]),
                    ..Default::default()
                },
                FileResult {
                    diagnostics: Vec::new(),
                    names: names("d.txt", &["Boris Jonson"]),
                    ..Default::default()
                },
                FileResult {
                    diagnostics: Vec::new(),
                    names: names("b.txt", &["Liu Pengyu", "Gordon Brwon"]),
                    ..Default::default()
                },
                FileResult {
                    diagnostics: vec![
                        diag("c.txt", "quote-marks", 5, "x"),
                        diag("c.txt", "agentless-attribution", 2, "z"),
                    ],
                    names: names("c.txt", &["Liu Pengyu", "Gordon Brown", "Boris Johnson"]),
                    ..Default::default()
                },
            ]
        };
        // the reference: everything in one list, sorted and de-duplicated, the cross-file
        // findings appended, and sorted and de-duplicated again
        let mut want: Vec<Diagnostic> = files().into_iter().flat_map(|f| f.diagnostics).collect();
        finish(&mut want);
        let doc_names: Vec<DocNames> = files().into_iter().filter_map(|f| f.names).collect();
        let mut corpus = corpus_diagnostics(&doc_names, &config);
        assert!(!corpus.is_empty(), "the names differ across files");
        diagnostic::fingerprint(&mut corpus, "", None);
        want.extend(corpus);
        finish(&mut want);
        let groups = combine_grouped(files(), &config);
        assert!(groups.iter().all(|g| g.iter().all(|d| d.path == g[0].path)));
        let got: Vec<Diagnostic> = groups.into_iter().flatten().collect();
        assert_eq!(got, want);
        assert_eq!(combine(files(), &config), want);
        // cross-file findings join a.txt's own and make b.txt's and d.txt's only ones
        // (before and after the last group); c.txt's repeat is dropped
        let cross = |p: &str| {
            got.iter()
                .filter(|d| d.path == p && d.rule == "name-inconsistency")
                .count()
        };
        assert_eq!((cross("a.txt"), cross("b.txt"), cross("d.txt")), (1, 1, 1));
        assert_eq!(
            got.iter()
                .filter(|d| d.path == "c.txt" && d.rule == "quote-marks")
                .count(),
            2
        );
    }
}
