//! The command line: argument parsing, configuration loading, reading files, and
//! choosing a renderer. Everything here does I/O; the linting itself is the library's.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use crate::render::{self, Emitter, FileMap};
use credlint::diagnostic::{Severity, Summary};
use credlint::{Config, ConfigError};
use credlint::{Input, rules};

use crate::{term, walk};

const AFTER_HELP: &str = "Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 on a usage, \
configuration or I/O error.\nConfiguration: credlint.toml (or .credlint.toml) in the current directory or a parent, \
up to the repository root, or --config FILE; --verbose says which file is used. `credlint init` writes one with every rule and option.";

/// `0.1.0 (1a2b3c4d5 2026-12-04)`: the commit comes from build.rs, when built from a git checkout.
const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), env!("CREDLINT_BUILD_INFO"));

#[derive(Parser)]
#[command(name = "credlint", version = VERSION, about = "Source-credibility and attribution linter for news prose", after_help = AFTER_HELP)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    /// Compiler-style diagnostics with the source underlined.
    Human,
    /// One line per finding: path:line:col: severity[rule] message.
    Concise,
    /// One JSON document (schema in the README).
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions annotations.
    Github,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ExtractFormat {
    /// One JSON object per document, one per line.
    Jsonl,
    /// One JSON array of documents.
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum LedgerFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum FailOn {
    Error,
    Warning,
    Info,
}

#[derive(clap::Args)]
struct Inputs {
    /// Files or directories to read; `-` reads standard input. Default: the current directory.
    paths: Vec<PathBuf>,
    /// Configuration file (default: credlint.toml found from the current directory up).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Ignore any credlint.toml: built-in rules only.
    #[arg(long, conflicts_with = "config")]
    isolated: bool,
    /// Only lint walked files matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    include: Vec<String>,
    /// Skip walked files matching this glob (repeatable).
    #[arg(long, value_name = "GLOB")]
    exclude: Vec<String>,
    /// Apply excludes to files named explicitly too (for pre-commit).
    #[arg(long)]
    force_exclude: bool,
    /// Name to report for text read from standard input.
    #[arg(long, value_name = "NAME", default_value = "<stdin>")]
    stdin_filename: String,
    /// Worker threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    threads: Option<usize>,
    /// Follow symbolic links when walking directories (loops are reported, not entered).
    #[arg(long)]
    follow: bool,
    /// Refuse files larger than this (bytes, or with K, M, G).
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = walk::parse_size)]
    max_file_size: u64,
    /// Say on standard error which configuration file is used.
    #[arg(short, long)]
    verbose: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Lint files and directories.
    Check {
        #[command(flatten)]
        inputs: Inputs,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Lowest severity that makes the run fail (exit 1).
        #[arg(long, value_enum, default_value = "warning")]
        fail_on: FailOn,
        #[arg(long, value_enum, default_value = "auto")]
        color: ColorChoice,
        /// Rewrite name variants to the names registry's canonical form (atomically).
        #[arg(long)]
        fix: bool,
        /// Print only the findings, not the summary line.
        #[arg(short, long)]
        quiet: bool,
        /// Report only findings on lines added or changed since this git revision
        /// (committed, staged or not; untracked files count as new). Every file is still
        /// read for the cross-file name check.
        #[arg(long, value_name = "REV")]
        diff: Option<String>,
        /// Hide the findings already in this JSON report (written earlier with
        /// `--format json`), matched by path, rule and flagged text.
        #[arg(long, value_name = "FILE")]
        baseline: Option<PathBuf>,
        /// Human format: findings of one rule shown per file (0: all); the rest are
        /// counted. Machine formats list every finding.
        #[arg(long, value_name = "N", default_value_t = render::human::DEFAULT_MAX_PER_FILE)]
        max_per_file: usize,
    },
    /// Print the attributions and quotes credlint finds, as JSON.
    Extract {
        #[command(flatten)]
        inputs: Inputs,
        #[arg(long, value_enum, default_value = "jsonl")]
        format: ExtractFormat,
    },
    /// Print each document's source ledger: who is cited, how, and how often.
    Sources {
        #[command(flatten)]
        inputs: Inputs,
        #[arg(long, value_enum, default_value = "human")]
        format: LedgerFormat,
    },
    /// List the rules with their default severity.
    Rules,
    /// Show a rule's documentation.
    Explain {
        /// Rule id, as listed by `credlint rules`.
        rule: String,
    },
    /// Run the language server (Language Server Protocol over standard input and output).
    Lsp,
    /// Write a commented credlint.toml with every rule and option.
    Init {
        /// Where to write it.
        #[arg(default_value = "credlint.toml")]
        path: PathBuf,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            term::error(&e.to_string());
            ExitCode::from(2)
        }
    }
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal()
        }
    }
}

fn report_config_error(e: &ConfigError) {
    use ariadne::{Config as AConfig, IndexType, Label, Report, ReportKind, Source};
    let color = std::env::var_os("NO_COLOR").is_none() && io::stderr().is_terminal();
    match e.span {
        Some(span) if !e.src.is_empty() => {
            let end = span
                .end
                .max(span.start + 1)
                .min(e.src.len().max(span.start));
            let range = span.start.min(e.src.len())..end.min(e.src.len());
            // in characters: the shown text has its control characters replaced by
            // visible ones, one character each (their UTF-8 lengths differ)
            let range = chars_of(&e.src, range);
            let path = render::escape(&e.path).into_owned();
            let mut b = Report::build(ReportKind::Error, (path.clone(), range.clone()))
                .with_code("config")
                .with_message(render::escape(&e.message))
                .with_config(
                    AConfig::new()
                        .with_index_type(IndexType::Char)
                        .with_color(color),
                )
                .with_label(
                    Label::new((path.clone(), range))
                        .with_message(render::escape(e.label.as_deref().unwrap_or("here"))),
                );
            if let Some(h) = &e.help {
                b = b.with_help(render::escape(h));
            }
            let _ = b
                .finish()
                .eprint((path, Source::from(render::neutralise(&e.src))));
        }
        _ => term::line(format_args!(
            "error[config]: {}: {}",
            render::escape(&e.path),
            render::escape(&e.message)
        )),
    }
}

/// A byte range of `text` as a range of character offsets (the ends moved back onto
/// character boundaries).
fn chars_of(text: &str, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (s, e) = (floor(r.start), floor(r.end));
    let start = text[..s].chars().count();
    start..start + text[s..e.max(s)].chars().count()
}

fn load_config(inputs: &Inputs) -> Result<Config, ()> {
    let result = if let Some(p) = &inputs.config {
        crate::config_file::load(p)
    } else if inputs.isolated {
        Config::builtin()
    } else {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        match crate::config_file::discover(&cwd) {
            // shown relative to the current directory, as the user would type it
            Some(p) => crate::config_file::load(p.strip_prefix(&cwd).unwrap_or(&p)),
            None => Config::builtin(),
        }
    };
    if inputs.verbose
        && let Ok(c) = &result
    {
        let which = match (&c.source, inputs.isolated) {
            (Some(p), _) => render::escape(&p.display().to_string()).into_owned(),
            (None, true) => "built-in rules only (--isolated)".into(),
            (None, false) => "built-in rules only (no credlint.toml or .credlint.toml here or in a parent, up to the repository root)".into(),
        };
        term::line(format_args!("credlint: configuration: {which}"));
    }
    result.map_err(|e| report_config_error(&e))
}

/// "-" among the paths: standard input.
fn is_stdin(p: &Path) -> bool {
    p == Path::new("-")
}

/// The paths on disk the inputs name: the current directory when none is named.
fn disk_paths(inputs: &Inputs) -> Vec<PathBuf> {
    if inputs.paths.is_empty() {
        return vec![PathBuf::from(".")];
    }
    inputs
        .paths
        .iter()
        .filter(|p| !is_stdin(p))
        .cloned()
        .collect()
}

/// Loads the configuration while another thread walks the inputs: the walk needs none
/// of it (globs are applied to what it found afterwards), and both come before any file
/// is linted, so on a large tree this shortens the serial start of a run.
fn load_and_walk(inputs: &Inputs) -> Result<(Config, walk::Walked), ()> {
    let disk = disk_paths(inputs);
    std::thread::scope(|s| {
        let options = walk::WalkOptions {
            follow: inputs.follow,
        };
        let walking = s.spawn(move || walk::walk(&disk, options));
        let config = load_config(inputs);
        let walked = walking
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        Ok((config?, walked))
    })
}

/// Files per batch when `extract` writes its lines as it goes (see [`process_each`]):
/// enough to keep both threads busy, few enough that a batch's lines stay small.
const EXTRACT_BATCH: usize = 512;

/// What a run read: the result of `f` for each readable input, in order, and the errors
/// met (each already a full message naming the file).
struct Processed<T> {
    results: Vec<T>,
    errors: Vec<String>,
    /// The texts that cannot be read twice (standard input, FIFOs), by name.
    kept: Vec<(String, String)>,
}

/// Walks and reads the inputs and applies `f` to each file in parallel. A file's text
/// lives only while `f` runs on it, so memory does not grow with the corpus.
fn process<T: Send>(
    inputs: &Inputs,
    config: &Config,
    walked: walk::Walked,
    f: impl Fn(&str, String) -> Result<T, String> + Sync,
) -> Result<Processed<T>, String> {
    let mut results = Vec::new();
    let run = process_each(inputs, config, walked, usize::MAX, f, |r| results.push(r))?;
    Ok(Processed {
        results,
        errors: run.errors,
        kept: run.kept,
    })
}

/// What [`process_each`] leaves after handing its results on: the errors met and the
/// texts that cannot be read twice (standard input, FIFOs).
struct Unkept {
    errors: Vec<String>,
    kept: Vec<(String, String)>,
}

/// [`process`], handing each result to `keep` in input order as soon as its batch of
/// `batch` files is done (batches run in parallel, one after another), so that a caller
/// that writes results out holds only a batch of them.
fn process_each<T: Send>(
    inputs: &Inputs,
    config: &Config,
    walked: walk::Walked,
    batch: usize,
    f: impl Fn(&str, String) -> Result<T, String> + Sync,
    mut keep: impl FnMut(T),
) -> Result<Unkept, String> {
    if let Some(n) = inputs.threads {
        // a second call (tests in one process) keeps the first pool: not an error
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build_global();
    }
    let mut include = config.files.include.clone();
    include.extend(inputs.include.iter().cloned());
    let mut exclude = config.files.exclude.clone();
    exclude.extend(inputs.exclude.iter().cloned());
    let filters = walk::Filters::new(&include, &exclude, inputs.force_exclude)?;
    let mut errors = Vec::new();
    let mut kept = Vec::new();
    if inputs.paths.iter().any(|p| is_stdin(p)) {
        let mut bytes = Vec::new();
        let max = inputs.max_file_size;
        match walk::read_stream(io::stdin().lock(), &mut bytes, max) {
            Ok(false) => errors.push(walk::too_large(&inputs.stdin_filename, 0, max)),
            Ok(true) => match walk::decode(&inputs.stdin_filename, bytes) {
                Ok(t) => {
                    match f(&inputs.stdin_filename, t.clone()) {
                        Ok(r) => keep(r),
                        Err(e) => errors.push(e),
                    }
                    kept.push((inputs.stdin_filename.clone(), t));
                }
                Err(e) => errors.push(e),
            },
            Err(e) => errors.push(format!("<stdin>: cannot read: {e}")),
        }
    }
    let selection = walked.select(&filters);
    errors.extend(selection.errors.iter().cloned());
    for n in &selection.notes {
        term::line(format_args!("warning: {}", crate::render::escape(n)));
    }
    let dirs = selection.dirs(inputs.max_file_size);
    let found = &selection.files;
    let progress = walk::progress(found.len());
    let streams = std::sync::Mutex::new(Vec::new());
    for (b, files) in found.chunks(batch.max(1)).enumerate() {
        let first = b * batch.max(1);
        let done: Vec<Result<T, String>> = files
            .par_iter()
            .enumerate()
            .map(|(i, p)| {
                if let Some(bar) = &progress {
                    bar.inc(1);
                }
                let shown = walk::shown(p);
                let text = walk::read_in(&dirs, first + i, p)?;
                if dirs.is_stream(first + i) {
                    let mut s = streams.lock().unwrap_or_else(|e| e.into_inner());
                    s.push((shown.clone(), text.clone()));
                }
                f(&shown, text)
            })
            .collect();
        for r in done {
            match r {
                Ok(x) => keep(x),
                Err(e) => errors.push(e),
            }
        }
    }
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    kept.extend(streams.into_inner().unwrap_or_else(|e| e.into_inner()));
    Ok(Unkept { errors, kept })
}

/// A file's text for human output, read again while its findings are drawn: standard
/// input's or a FIFO's from what the run kept (it would not be read again: it would
/// block), any other from disk.
fn reread(kept: &[(String, String)], path: &str) -> String {
    match kept.iter().find(|(name, _)| name == path) {
        Some((_, t)) => t.clone(),
        None => walk::read(Path::new(path)).unwrap_or_default(),
    }
}

/// The emitter `--format` names. Human output reads each file again (and the files its
/// related labels point into) only while its findings are drawn, through `reread`.
fn emitter<'a>(
    format: Format,
    color: ColorChoice,
    max_per_file: usize,
    reread: &'a (dyn Fn(&str) -> String + Sync),
) -> Box<dyn Emitter + 'a> {
    match format {
        Format::Human => Box::new(render::Human {
            color: use_color(color),
            max_per_file,
            load: Some(reread),
        }),
        Format::Concise => Box::new(render::Concise),
        Format::Json => Box::new(render::Json),
        Format::Sarif => Box::new(render::Sarif { root: sarif_root() }),
        Format::Github => Box::new(render::Github),
    }
}

fn run(cli: Cli) -> io::Result<u8> {
    match cli.command {
        Command::Lsp => credlint_lsp::run(crate::lsp_host::HOST),
        Command::Rules => {
            let mut out = io::stdout().lock();
            writeln!(
                out,
                "{:<26} {:<8} {:<14} summary",
                "rule", "default", "precision"
            )?;
            for d in rules::REGISTRY {
                let read = rules::MEASURED
                    .iter()
                    .find(|m| m.0 == d.meta.id)
                    .map_or(0, |m| m.2);
                let precision = match rules::measured_precision(d.meta.id) {
                    Some((fair, read)) => {
                        let (fair, read) = (u32::from(fair), u32::from(read));
                        format!("{}% of {read}", (fair * 100 + read / 2) / read)
                    }
                    None if read > 0 => format!("{read} read: few"),
                    None => "not measured".to_string(),
                };
                writeln!(
                    out,
                    "{:<26} {:<8} {:<14} {}",
                    d.meta.id,
                    rules::default_severity(d.meta.id),
                    precision,
                    d.meta.summary
                )?;
            }
            writeln!(
                out,
                "\nprecision: the share of sampled findings a standards editor judged fair, on \
                 articles no rule was tuned on (EVALUATION.md). A rule below {}% stays `info` \
                 by default, which does not fail CI, until it reaches it; a rule with fewer \
                 than {} findings to read is not measured.",
                rules::MIN_PRECISION_PERCENT,
                rules::MIN_READ
            )?;
            Ok(0)
        }
        Command::Explain { rule } => match rules::find(&rule) {
            Some(d) => {
                let mut out = io::stdout().lock();
                writeln!(out, "{}", d.meta.doc.trim_end())?;
                writeln!(
                    out,
                    "\nDefault severity: {}",
                    rules::default_severity(d.meta.id)
                )?;
                Ok(0)
            }
            None => {
                let hint = credlint::nearest(&rule, rules::REGISTRY.iter().map(|d| d.meta.id))
                    .map(|s| format!(" (did you mean `{s}`?)"))
                    .unwrap_or_default();
                term::error(&format!(
                    "unknown rule `{rule}`{hint}; `credlint rules` lists them"
                ));
                Ok(2)
            }
        },
        Command::Init { path, force } => init(&path, force),
        Command::Check {
            inputs,
            format,
            fail_on,
            color,
            fix,
            quiet,
            diff,
            baseline,
            max_per_file,
        } => {
            let fixing_stdin = fix && inputs.paths.iter().any(|p| is_stdin(p));
            if fixing_stdin && inputs.paths.len() > 1 {
                term::error(
                    "--fix reads standard input alone (its fixed text goes to standard output); name `-` without other paths",
                );
                return Ok(2);
            }
            // checked before any file is read: a wrong revision or baseline fails fast
            let mut narrow = match Narrow::new(diff.as_deref(), baseline.as_deref()) {
                Ok(n) => n,
                Err(e) => {
                    term::error(&e.to_string());
                    return Ok(2);
                }
            };
            let Ok((config, walked)) = load_and_walk(&inputs) else {
                return Ok(2);
            };
            let fixer =
                (fix && !fixing_stdin).then(|| crate::fix::Fixer::new(&disk_paths(&inputs)));
            let run = process(&inputs, &config, walked, |path, text| {
                Ok(match &fixer {
                    Some(fixer) => fixer.fix_file(path, text, &config),
                    None => credlint::lint_file(path, &text, &config),
                })
            });
            let mut run = match run {
                Ok(r) => r,
                Err(e) => {
                    term::error(&e);
                    return Ok(2);
                }
            };
            if let Some(fixer) = fixer {
                run.errors.extend(fixer.finish());
            }
            // standard input is never written: its fixed text is the output, and the
            // findings left go to standard error
            // (with --fix, `-` is the only path: the one text kept is standard input's)
            let mut out: Box<dyn Write> = match run.kept.first_mut() {
                Some((name, text)) if fixing_stdin => {
                    crate::fix::print_fixed(name, text, &mut run.results, &config)?;
                    Box::new(io::stderr().lock())
                }
                _ => Box::new(stdout_buffer()),
            };
            let kept = std::mem::take(&mut run.kept);
            let reread = |path: &str| reread(&kept, path);
            let mut emitter = emitter(format, color, max_per_file, &reread);
            let files = run.results.len();
            let credlint::Combined {
                mut groups,
                mut suppressed,
            } = credlint::combine_run(run.results, &config);
            narrow.apply(&mut groups, &mut suppressed);
            if emitter.repository_paths() {
                // repository-relative, as code scanning and annotations need them
                let paths = walk::MachinePaths::discover();
                groups.iter_mut().for_each(|g| paths.apply(g));
                paths.apply(&mut suppressed);
            }
            let summary = Summary::of_groups(files, &groups);
            let worst = groups.iter().flatten().map(|d| d.severity).max();
            // the run's findings stay in their groups: never moved into one list
            let refs: Vec<&[credlint::Diagnostic]> = groups.iter().map(Vec::as_slice).collect();
            let findings = render::Findings {
                groups: &refs,
                suppressed: &suppressed,
                summary: &summary,
                // positions were computed per file
                files: &FileMap::default(),
            };
            emitter.emit(&findings, &mut out)?;
            // the process ends soon: the findings of an archive (hundreds of thousands of
            // strings) are left to the exit rather than freed one by one, serially
            std::mem::forget(groups);
            out.flush()?;
            for e in &run.errors {
                term::error(e);
            }
            if !quiet && emitter.for_people() {
                term::line(format_args!("{}", render::human::summary_line(&summary)));
            }
            let threshold = match fail_on {
                FailOn::Error => Severity::Error,
                FailOn::Warning => Severity::Warning,
                FailOn::Info => Severity::Info,
            };
            Ok(if !run.errors.is_empty() {
                2
            } else if worst.is_some_and(|w| w >= threshold) {
                1
            } else {
                0
            })
        }
        Command::Extract { inputs, format } => {
            let Ok((config, walked)) = load_and_walk(&inputs) else {
                return Ok(2);
            };
            let mut out = stdout_buffer();
            // lines are written batch by batch as they are made, in input order: memory
            // holds one batch of them, not the corpus's
            let json = matches!(format, ExtractFormat::Json);
            let mut written = 0usize;
            let mut failed: Option<io::Error> = None;
            let run = process_each(
                &inputs,
                &config,
                walked,
                EXTRACT_BATCH,
                |p, t| {
                    // directive lines are not prose (offsets unchanged)
                    let prose = credlint::mask_directives(p, &t);
                    let input = Input::new(p, &prose, credlint::Format::from_path(p), &config);
                    let doc = input.document(&config);
                    // the JSON line is about as long as the text: one allocation, no regrowth
                    let mut line = Vec::with_capacity(t.len() + 256);
                    // kept as bytes: the writer copies valid UTF-8, nothing to check again
                    credlint::extract::write_jsonl(&doc, &mut line);
                    Ok(line)
                },
                |line| {
                    if failed.is_some() {
                        return;
                    }
                    let sep: &[u8] = match (json, written) {
                        (true, 0) => b"[",
                        (true, _) => b",\n",
                        (false, _) => b"",
                    };
                    let r = out
                        .write_all(sep)
                        .and_then(|()| out.write_all(&line))
                        .and_then(|()| if json { Ok(()) } else { out.write_all(b"\n") });
                    if let Err(e) = r {
                        failed = Some(e);
                    }
                    written += 1;
                },
            );
            if let Some(e) = failed {
                return Err(e);
            }
            let run = match run {
                Ok(r) => r,
                Err(e) => {
                    term::error(&e);
                    return Ok(2);
                }
            };
            if json {
                out.write_all(if written == 0 { b"[]\n" } else { b"]\n" })?;
            }
            out.flush()?;
            for e in &run.errors {
                term::error(e);
            }
            Ok(if run.errors.is_empty() { 0 } else { 2 })
        }
        Command::Sources { inputs, format } => {
            let Ok((config, walked)) = load_and_walk(&inputs) else {
                return Ok(2);
            };
            let run = process(&inputs, &config, walked, |p, t| {
                let prose = credlint::mask_directives(p, &t);
                let input = Input::new(p, &prose, credlint::Format::from_path(p), &config);
                Ok(credlint::extract::ledger(&input.document(&config)))
            });
            let run = match run {
                Ok(r) => r,
                Err(e) => {
                    term::error(&e);
                    return Ok(2);
                }
            };
            let mut out = io::stdout().lock();
            match format {
                LedgerFormat::Human => {
                    for (i, l) in run.results.iter().enumerate() {
                        if i > 0 {
                            writeln!(out)?;
                        }
                        // names and cues come from the draft: escaped, line by line
                        for line in credlint::extract::render_ledger(l).split_inclusive('\n') {
                            let body = line.strip_suffix('\n');
                            write!(out, "{}", render::escape(body.unwrap_or(line)))?;
                            if body.is_some() {
                                writeln!(out)?;
                            }
                        }
                    }
                }
                LedgerFormat::Json => writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&run.results).unwrap_or_default()
                )?,
            }
            for e in &run.errors {
                term::error(e);
            }
            Ok(if run.errors.is_empty() { 0 } else { 2 })
        }
    }
}

/// `credlint init`: every rule and option, commented out, written atomically.
fn init(path: &Path, force: bool) -> io::Result<u8> {
    if path.exists() && !force {
        term::error(&format!(
            "{} already exists (use --force to overwrite)",
            path.display()
        ));
        return Ok(2);
    }
    let text = credlint::init_template();
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.persist(path).map_err(|e| e.error)?;
    term::line(format_args!(
        "wrote {}",
        render::escape(&path.display().to_string())
    ));
    Ok(0)
}

/// What `--diff` and `--baseline` leave out of a run's findings.
struct Narrow {
    changed: Option<crate::diff::Changed>,
    baseline: Option<crate::baseline::Baseline>,
}

impl Narrow {
    fn new(diff: Option<&str>, baseline: Option<&Path>) -> Result<Narrow, String> {
        Ok(Narrow {
            changed: diff.map(crate::diff::Changed::since).transpose()?,
            baseline: baseline.map(crate::baseline::Baseline::read).transpose()?,
        })
    }

    /// Keeps the findings on changed lines (all, without `--diff`) that the baseline
    /// does not hold; silenced findings are narrowed to changed lines only.
    fn apply(
        &mut self,
        groups: &mut Vec<Vec<credlint::Diagnostic>>,
        suppressed: &mut Vec<credlint::Diagnostic>,
    ) {
        if let Some(c) = &self.changed {
            for g in groups.iter_mut() {
                g.retain(|d| c.touches(d));
            }
            suppressed.retain(|d| c.touches(d));
        }
        if let Some(b) = &mut self.baseline {
            for g in groups.iter_mut() {
                g.retain(|d| !b.hides(d));
            }
        }
        groups.retain(|g| !g.is_empty());
    }
}

/// The `file://` URI of the directory relative paths start from (SARIF's `%SRCROOT%`).
fn sarif_root() -> Option<String> {
    // the directory machine paths are relative to (the repository root, or GITHUB_WORKSPACE)
    let paths = walk::MachinePaths::discover();
    let mut dir = paths.root().to_str()?.to_string();
    if !dir.ends_with('/') {
        dir.push('/');
    }
    Some(render::sarif::file_uri(&dir))
}

/// Standard output with a large buffer: a run over an archive prints megabytes, and each
/// flush is a system call.
fn stdout_buffer() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::with_capacity(1 << 20, io::stdout().lock())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_keep_input_order() {
        // results come out in walk order whatever the batch size, unreadable files as errors
        let tmp = tempfile::tempdir().expect("temp dir");
        for i in 0..7 {
            std::fs::write(tmp.path().join(format!("f{i}.txt")), format!("text {i}"))
                .expect("write");
        }
        std::fs::write(tmp.path().join("f3b.txt"), b"bad \xff byte").expect("write");
        let inputs = Inputs {
            paths: vec![tmp.path().to_path_buf()],
            config: None,
            isolated: true,
            include: Vec::new(),
            exclude: Vec::new(),
            force_exclude: false,
            stdin_filename: "<stdin>".into(),
            threads: None,
            follow: false,
            max_file_size: walk::DEFAULT_MAX_FILE_SIZE,
            verbose: false,
        };
        let config = Config::builtin().expect("built-in config");
        let run_with = |batch: usize| {
            let mut seen = Vec::new();
            let run = process_each(
                &inputs,
                &config,
                walk::walk(&inputs.paths, walk::WalkOptions::default()),
                batch,
                |_, text| Ok(text),
                |t| seen.push(t),
            )
            .expect("run");
            (seen, run.errors)
        };
        let (all, errors) = run_with(usize::MAX);
        let want: Vec<String> = (0..7).map(|i| format!("text {i}")).collect();
        assert_eq!(all, want);
        assert_eq!(errors.len(), 1, "{errors:?}");
        for batch in [1, 2, 3, 100] {
            assert_eq!(
                run_with(batch),
                (want.clone(), errors.clone()),
                "batch {batch}"
            );
        }
    }
}
