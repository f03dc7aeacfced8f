//! The command line: argument parsing, configuration loading, reading files, and
//! choosing a renderer. Everything here does I/O; the linting itself is the library's.

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use credlint::config::{Config, ConfigError};
use credlint::diagnostic::{Severity, Summary};
use credlint::render::{self, FileMap};
use credlint::{Document, rules};

use crate::walk;

const AFTER_HELP: &str = "Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 on a usage, \
configuration or I/O error.\nConfiguration: credlint.toml (or .credlint.toml) in the current directory or a parent, \
or --config FILE. `credlint init` writes one with every rule and option.";

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
            eprintln!("error: {e}");
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
            let mut b = Report::build(ReportKind::Error, (e.path.clone(), range.clone()))
                .with_code("config")
                .with_message(&e.message)
                .with_config(
                    AConfig::new()
                        .with_index_type(IndexType::Byte)
                        .with_color(color),
                )
                .with_label(
                    Label::new((e.path.clone(), range))
                        .with_message(e.label.clone().unwrap_or_else(|| "here".into())),
                );
            if let Some(h) = &e.help {
                b = b.with_help(h);
            }
            let _ = b
                .finish()
                .eprint((e.path.clone(), Source::from(render::neutralise(&e.src))));
        }
        _ => eprintln!("error[config]: {}: {}", e.path, e.message),
    }
}

fn load_config(inputs: &Inputs) -> Result<Config, ()> {
    let result = if let Some(p) = &inputs.config {
        Config::from_file(p)
    } else if inputs.isolated {
        Config::builtin()
    } else {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        match Config::discover(&cwd) {
            // shown relative to the current directory, as the user would type it
            Some(p) => Config::from_file(p.strip_prefix(&cwd).unwrap_or(&p)),
            None => Config::builtin(),
        }
    };
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
        let walking = s.spawn(|| walk::walk(&disk));
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
    /// Standard input's text, kept because it cannot be read twice.
    stdin: Option<(String, String)>,
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
        stdin: run.stdin,
    })
}

/// What [`process_each`] leaves after handing its results on: the errors met and standard
/// input's text.
struct Unkept {
    errors: Vec<String>,
    stdin: Option<(String, String)>,
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
    let mut stdin = None;
    if inputs.paths.iter().any(|p| is_stdin(p)) {
        let mut bytes = Vec::new();
        match io::stdin().read_to_end(&mut bytes) {
            Ok(_) => match walk::decode(&inputs.stdin_filename, bytes) {
                Ok(t) => {
                    match f(&inputs.stdin_filename, t.clone()) {
                        Ok(r) => keep(r),
                        Err(e) => errors.push(e),
                    }
                    stdin = Some((inputs.stdin_filename.clone(), t));
                }
                Err(e) => errors.push(e),
            },
            Err(e) => errors.push(format!("<stdin>: cannot read: {e}")),
        }
    }
    let (found, walk_errors) = walked.select(&filters);
    errors.extend(walk_errors);
    let dirs = walk::Dirs::open(&found);
    for (b, files) in found.chunks(batch.max(1)).enumerate() {
        let first = b * batch.max(1);
        let done: Vec<Result<T, String>> = files
            .par_iter()
            .enumerate()
            .map(|(i, p)| {
                let shown = walk::shown(p);
                let text = walk::read_in(&dirs, first + i, p)?;
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
    Ok(Unkept { errors, stdin })
}

/// Renders human output file by file, reading each file again (and the files its
/// related labels point into) only while its findings are printed.
fn render_human(
    diags: &[credlint::Diagnostic],
    stdin: &Option<(String, String)>,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let load = |p: &str| -> String {
        match stdin {
            Some((name, t)) if name == p => t.clone(),
            _ => walk::read(Path::new(p)).unwrap_or_default(),
        }
    };
    let mut i = 0;
    while i < diags.len() {
        let path = &diags[i].path;
        let j = i + diags[i..].iter().take_while(|d| d.path == *path).count();
        let group = &diags[i..j];
        let mut map = FileMap::default();
        map.insert(path, &load(path));
        for r in group.iter().flat_map(|d| &d.related) {
            if let Some(rp) = &r.path
                && map.text(rp).is_empty()
            {
                map.insert(rp, &load(rp));
            }
        }
        let mut buf = Vec::new();
        render::human::render(group, &map, color, &mut buf)?;
        out.write_all(&buf)?;
        i = j;
    }
    Ok(())
}

fn run(cli: Cli) -> io::Result<u8> {
    match cli.command {
        Command::Rules => {
            let mut out = io::stdout().lock();
            writeln!(out, "{:<26} {:<8} summary", "rule", "default")?;
            for d in rules::REGISTRY {
                writeln!(
                    out,
                    "{:<26} {:<8} {}",
                    d.meta.id,
                    rules::default_severity(d.meta.id),
                    d.meta.summary
                )?;
            }
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
                let hint =
                    credlint::config::nearest(&rule, rules::REGISTRY.iter().map(|d| d.meta.id))
                        .map(|s| format!(" (did you mean `{s}`?)"))
                        .unwrap_or_default();
                eprintln!("error: unknown rule `{rule}`{hint}; `credlint rules` lists them");
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
        } => {
            let Ok((config, walked)) = load_and_walk(&inputs) else {
                return Ok(2);
            };
            let run = process(&inputs, &config, walked, |path, text| {
                let text = if fix {
                    crate::fix::apply(path, text, &config)?
                } else {
                    text
                };
                Ok(credlint::lint_file(path, &text, &config))
            });
            let run = match run {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("error: {e}");
                    return Ok(2);
                }
            };
            let files = run.results.len();
            let groups = credlint::combine_grouped(run.results, &config);
            let summary = Summary::of_groups(files, &groups);
            let worst = groups.iter().flatten().map(|d| d.severity).max();
            let none = FileMap::default();
            let mut out = stdout_buffer();
            if let Format::Json = format {
                // written group by group: the run's findings are never moved into one list
                let refs: Vec<&[credlint::Diagnostic]> = groups.iter().map(Vec::as_slice).collect();
                render::json::write_groups(&refs, &none, &summary, &mut out)?;
                // the process ends soon: the findings of an archive (hundreds of thousands
                // of strings) are left to the exit rather than freed one by one, serially
                std::mem::forget(groups);
            } else {
                let diags: Vec<credlint::Diagnostic> = groups.into_iter().flatten().collect();
                match format {
                    Format::Human => render_human(&diags, &run.stdin, use_color(color), &mut out)?,
                    Format::Concise => {
                        out.write_all(render::concise::render(&diags, &none).as_bytes())?
                    }
                    Format::Sarif => {
                        out.write_all(render::sarif::render(&diags, &none).as_bytes())?
                    }
                    Format::Github => {
                        out.write_all(render::github::render(&diags, &none).as_bytes())?
                    }
                    // written above
                    Format::Json => {}
                }
                std::mem::forget(diags);
            }
            out.flush()?;
            for e in &run.errors {
                eprintln!("error: {e}");
            }
            if !quiet && matches!(format, Format::Human | Format::Concise) {
                eprintln!("{}", render::human::summary_line(&summary));
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
                    let doc = Document::new(p, &t, &config);
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
                    eprintln!("error: {e}");
                    return Ok(2);
                }
            };
            if json {
                out.write_all(if written == 0 { b"[]\n" } else { b"]\n" })?;
            }
            out.flush()?;
            for e in &run.errors {
                eprintln!("error: {e}");
            }
            Ok(if run.errors.is_empty() { 0 } else { 2 })
        }
        Command::Sources { inputs, format } => {
            let Ok((config, walked)) = load_and_walk(&inputs) else {
                return Ok(2);
            };
            let run = process(&inputs, &config, walked, |p, t| {
                Ok(credlint::extract::ledger(&Document::new(p, &t, &config)))
            });
            let run = match run {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("error: {e}");
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
                        write!(out, "{}", credlint::extract::render_ledger(l))?;
                    }
                }
                LedgerFormat::Json => writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&run.results).unwrap_or_default()
                )?,
            }
            for e in &run.errors {
                eprintln!("error: {e}");
            }
            Ok(if run.errors.is_empty() { 0 } else { 2 })
        }
    }
}

/// `credlint init`: every rule and option, commented out, written atomically.
fn init(path: &Path, force: bool) -> io::Result<u8> {
    if path.exists() && !force {
        eprintln!(
            "error: {} already exists (use --force to overwrite)",
            path.display()
        );
        return Ok(2);
    }
    let text = credlint::config::init_template();
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.persist(path).map_err(|e| e.error)?;
    eprintln!("wrote {}", path.display());
    Ok(0)
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
        };
        let config = Config::builtin().expect("built-in config");
        let run_with = |batch: usize| {
            let mut seen = Vec::new();
            let run = process_each(
                &inputs,
                &config,
                walk::walk(&inputs.paths),
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
