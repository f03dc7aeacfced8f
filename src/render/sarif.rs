//! `--format sarif`: SARIF 2.1.0 through the typed `serde-sarif` model, for GitHub code
//! scanning and other tools. Columns count Unicode code points; paths are relative to
//! `%SRCROOT%` (the directory the run's paths are relative to); each result carries a
//! fingerprint of its rule, path and flagged text (not its line, so a finding keeps its
//! identity when lines are added above it); findings silenced in the draft are listed
//! with an `inSource` suppression and the directive's reason as its justification.

use std::collections::BTreeMap;

use serde_sarif::sarif::{
    ArtifactLocation, Location, Message, MultiformatMessageString, PhysicalLocation, Region,
    ReportingConfiguration, ReportingDescriptor, Result as SarifResult, ResultLevel, Run,
    Sarif as SarifLog, Suppression, Tool, ToolComponent,
};

use super::json_write::escape_controls;
use super::{Emitter, FileMap, Findings};
use crate::diagnostic::{Diagnostic, Severity, fingerprint_with_path};
use crate::rules::{REGISTRY, RuleDef};
use crate::text::LineCol;

/// The base every relative artifact URI is resolved against.
pub const SRCROOT: &str = "%SRCROOT%";

/// The key of our fingerprint in `partialFingerprints` (versioned: a change to how it is
/// computed must change the key, or code scanning would see every finding as new).
pub const FINGERPRINT_KEY: &str = "credlint/v1";

/// The repository the crate is published from (`repository` in Cargo.toml), where each
/// rule's documentation lives beside its code; empty when not set.
const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

/// The SARIF format.
pub struct Sarif {
    /// The `file://` URI of the directory relative paths start from, when known.
    pub root: Option<String>,
}

impl Emitter for Sarif {
    fn emit(&mut self, run: &Findings<'_>, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        write(
            run.reported().chain(run.suppressed),
            run.files,
            self.root.as_deref(),
            out,
        )
    }

    fn repository_paths(&self) -> bool {
        true
    }
}

/// The SARIF log of a run's findings, the reported ones then the silenced ones (each
/// list sorted), written one result at a time: the log is the same text as the whole log
/// serialized at once (a test compares them), but memory holds one result's value and
/// text at a time, not every result's (3-5 KB each as serde values). `root` is the
/// `file://` URI of the directory relative paths start from, when known.
fn write<'d>(
    results: impl Iterator<Item = &'d Diagnostic>,
    files: &FileMap,
    root: Option<&str>,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let frame = serde_json::to_string_pretty(&sarif_log(&[], &[], files, root, REPOSITORY))?;
    let frame = ResultsFrame::split(&frame)?;
    out.write_all(escape_controls(frame.head).as_bytes())?;
    let mut first = true;
    for d in results {
        let text = serde_json::to_string_pretty(&result(d, files))?;
        out.write_all(if first { b"\n" } else { b",\n" })?;
        first = false;
        out.write_all(frame.item_indent.as_bytes())?;
        // a JSON string holds no raw line break: every one is the layout's, indented
        let text = text.replace('\n', &format!("\n{}", frame.item_indent));
        out.write_all(escape_controls(&text).as_bytes())?;
    }
    if !first {
        out.write_all(b"\n")?;
        out.write_all(frame.indent.as_bytes())?;
    }
    out.write_all(escape_controls(frame.tail).as_bytes())?;
    out.write_all(b"\n")
}

/// A log with no results, pretty-printed, cut around its empty `"results": []` list, and
/// the indentation the results written into it take, as serde_json would indent them.
struct ResultsFrame<'a> {
    /// Up to and including the list's `[`.
    head: &'a str,
    /// From the list's `]` to the end.
    tail: &'a str,
    /// The indentation of the `"results"` key (and of the closing `]`).
    indent: &'a str,
    /// One level deeper: each result's.
    item_indent: String,
}

impl<'a> ResultsFrame<'a> {
    const KEY: &'static str = "\"results\": []";

    /// Keys are written unescaped and strings escaped, so only the key can match.
    fn split(frame: &'a str) -> std::io::Result<Self> {
        let at = frame
            .find(Self::KEY)
            .ok_or_else(|| std::io::Error::other("SARIF: the log has no results list"))?;
        let line_start = frame[..at].rfind('\n').map_or(0, |i| i + 1);
        let indent = &frame[line_start..at];
        let open = at + Self::KEY.len() - 1;
        Ok(ResultsFrame {
            head: &frame[..open],
            tail: &frame[open..],
            indent,
            item_indent: format!("{indent}  "),
        })
    }
}

/// The log as a typed value (what [`write`] prints), with rule links under `repository`.
pub fn sarif_log(
    diags: &[Diagnostic],
    suppressed: &[Diagnostic],
    files: &FileMap,
    root: Option<&str>,
    repository: &str,
) -> SarifLog {
    let mut results: Vec<SarifResult> = diags.iter().map(|d| result(d, files)).collect();
    results.extend(suppressed.iter().map(|d| result(d, files)));
    let mut driver = ToolComponent::builder()
        .name("credlint".to_string())
        .version(env!("CARGO_PKG_VERSION").to_string())
        .rules(
            REGISTRY
                .iter()
                .map(|r| rule(r, repository))
                .collect::<Vec<_>>(),
        )
        .build();
    if !repository.is_empty() {
        driver.information_uri = Some(repository.to_string());
    }
    let base = ArtifactLocation::builder()
        .description(text_message(
            "the directory the run's relative paths start from (the repository root in CI)",
        ))
        .build();
    let base = match root {
        Some(uri) => ArtifactLocation {
            uri: Some(uri.to_string()),
            ..base
        },
        None => base,
    };
    let run = Run::builder()
        .tool(Tool::from(driver))
        .column_kind(serde_json::json!("unicodeCodePoints"))
        .original_uri_base_ids(BTreeMap::from([(SRCROOT.to_string(), base)]))
        .results(results)
        .build();
    SarifLog::builder()
        .schema(
            "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
                .to_string(),
        )
        .version(serde_json::json!("2.1.0"))
        .runs(vec![run])
        .build()
}

/// A rule's descriptor: its id and name, summary, documentation as help, default level
/// and, when the repository is known, a link to its documentation.
fn rule(r: &RuleDef, repository: &str) -> ReportingDescriptor {
    let level = sarif_default_level(crate::rules::default_setting(r.meta.id));
    let mut d = ReportingDescriptor::builder()
        .id(r.meta.id.to_string())
        .name(rule_name(r.meta.id))
        .short_description(
            MultiformatMessageString::builder()
                .text(r.meta.summary.to_string())
                .build(),
        )
        .full_description(
            MultiformatMessageString::builder()
                .text(r.meta.summary.to_string())
                .build(),
        )
        .help(
            MultiformatMessageString::builder()
                .text(r.meta.doc.to_string())
                .markdown(r.meta.doc.to_string())
                .build(),
        )
        .default_configuration(
            ReportingConfiguration::builder()
                .level(serde_json::json!(level))
                .build(),
        )
        .build();
    if !repository.is_empty() {
        d.help_uri = Some(help_uri(repository, r.meta.id));
    }
    d
}

/// SARIF's `name` is an identifier in PascalCase ("AnonymousSource"), as its examples and
/// GitHub's rule list show it.
fn rule_name(id: &str) -> String {
    id.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// Where a rule's documentation is read: its source file, whose `DOC` text is what
/// `credlint explain` prints.
pub fn help_uri(repository: &str, id: &str) -> String {
    format!(
        "{}/blob/main/src/rules/{}.rs",
        repository.trim_end_matches('/'),
        id.replace('-', "_")
    )
}

fn text_message(s: &str) -> Message {
    Message::builder().text(s.to_string()).build()
}

fn result(d: &Diagnostic, files: &FileMap) -> SarifResult {
    let (a, b) = files.span_of(d);
    let message = match &d.help {
        Some(h) => format!("{} ({h})", d.message),
        None => d.message.clone(),
    };
    let related: Vec<Location> = d
        .related
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let p = r.path.as_deref().unwrap_or(&d.path);
            let (s, e) = files.related_of(d, r);
            Location::builder()
                .id(i as i64)
                .message(text_message(&r.message))
                .physical_location(location(p, s, e, r.span.start, r.span.end))
                .build()
        })
        .collect();
    let fingerprint = format!("{:016x}", fingerprint_with_path(d));
    let mut out = SarifResult::builder()
        .rule_id(d.rule.to_string())
        .level(sarif_level(d.severity))
        .message(text_message(&message))
        .locations(vec![
            Location::builder()
                .physical_location(location(&d.path, a, b, d.span.start, d.span.end))
                .build(),
        ])
        .partial_fingerprints(BTreeMap::from([(FINGERPRINT_KEY.to_string(), fingerprint)]))
        .build();
    if !related.is_empty() {
        out.related_locations = Some(related);
    }
    if let Some(s) = &d.suppression {
        let mut sup = Suppression::builder()
            .kind(serde_json::json!("inSource"))
            .build();
        sup.justification = s.reason.clone();
        out.suppressions = Some(vec![sup]);
    }
    out
}

fn location(path: &str, a: LineCol, b: LineCol, start: usize, end: usize) -> PhysicalLocation {
    PhysicalLocation::builder()
        .artifact_location(artifact(path))
        .region(
            Region::builder()
                .start_line(a.line as i64)
                .start_column(a.column as i64)
                .end_line(b.line as i64)
                .end_column(b.column as i64)
                .byte_offset(start as i64)
                .byte_length(end.saturating_sub(start) as i64)
                .build(),
        )
        .build()
}

/// A relative path is a URI relative to `%SRCROOT%` (without a leading `./`, which
/// code scanning does not match to the pull request's files); an absolute one is a
/// `file://` URI of its own.
fn artifact(path: &str) -> ArtifactLocation {
    let path = path.replace('\\', "/");
    if path.starts_with('/') {
        return ArtifactLocation::builder().uri(file_uri(&path)).build();
    }
    let mut rel = path.as_str();
    while let Some(r) = rel.strip_prefix("./") {
        rel = r;
    }
    ArtifactLocation::builder()
        .uri(percent_encode(rel))
        .uri_base_id(SRCROOT.to_string())
        .build()
}

/// `file://` URI of an absolute path (a directory's ends in `/` when `path` does).
pub fn file_uri(path: &str) -> String {
    format!("file://{}", percent_encode(&path.replace('\\', "/")))
}

/// Escapes what a URI path may not hold as it is (space, `%`, `#`, `?`, `:`, non-ASCII…).
/// Hand-written: eight lines, where the `percent-encoding` crate would be a new
/// dependency for one call.
fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn sarif_level(s: Severity) -> ResultLevel {
    match s {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
        Severity::Info => ResultLevel::Note,
    }
}

/// A rule's default level: its severity's, or `none` when it is off.
fn sarif_default_level(setting: Option<Severity>) -> &'static str {
    match setting {
        Some(Severity::Error) => "error",
        Some(Severity::Warning) => "warning",
        Some(Severity::Info) => "note",
        None => "none",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Span;

    /// The log as serde writes it whole: what [`write`] streams must be the same text.
    fn render_whole(
        diags: &[Diagnostic],
        suppressed: &[Diagnostic],
        files: &FileMap,
        root: Option<&str>,
    ) -> String {
        let log = sarif_log(diags, suppressed, files, root, REPOSITORY);
        let s = serde_json::to_string_pretty(&log).expect("json");
        format!("{}\n", escape_controls(&s))
    }

    #[test]
    fn streamed_log_is_the_whole_log() {
        let mut files = FileMap::default();
        files.insert("a.txt", "Line one.\nA \u{9b}31m said \"x\".\n");
        let d = |start, end, rule: &'static str| {
            let mut d = Diagnostic::new(
                "a.txt",
                rule,
                Severity::Warning,
                Span::new(start, end),
                "m \u{1b}[2J",
            );
            d.help = Some("help \u{85} text".into());
            d
        };
        let mut rel = d(10, 14, "name-inconsistency");
        rel.related.push(crate::diagnostic::Related {
            path: Some("b.txt".into()),
            span: Span::new(0, 3),
            message: "other\nspelling".into(),
            position: None,
        });
        let mut s = d(0, 4, "anonymous-source");
        s.suppression = Some(Box::new(crate::diagnostic::Suppression {
            reason: Some("why".into()),
        }));
        let diags = [d(0, 4, "anonymous-source"), rel, d(20, 24, "quote-marks")];
        for (diags, suppressed) in [
            (&diags[..], &[s][..]),
            (&diags[..1], &[][..]),
            (&[][..], &[][..]),
        ] {
            for root in [None, Some("file:///repo/")] {
                let summary = crate::diagnostic::Summary::new(1, diags);
                let run = Findings {
                    groups: &[diags],
                    suppressed,
                    summary: &summary,
                    files: &files,
                };
                let mut emitter = Sarif {
                    root: root.map(String::from),
                };
                let streamed = super::super::to_string(&mut emitter, &run);
                assert_eq!(streamed, render_whole(diags, suppressed, &files, root));
                assert!(!streamed.contains(['\u{1b}', '\u{9b}', '\u{85}']));
            }
        }
    }

    #[test]
    fn paths_names_links_and_suppressions() {
        let mut d = Diagnostic::new(
            "./drafts/a b.md",
            "anonymous-source",
            Severity::Warning,
            Span::new(3, 9),
            "m",
        );
        d.fingerprint = 7;
        let mut s = d.clone();
        s.suppression = Some(Box::new(crate::diagnostic::Suppression {
            reason: Some("named in the sidebar".into()),
        }));
        let log = sarif_log(
            &[d],
            &[s],
            &FileMap::default(),
            Some("file:///repo/"),
            "https://example.org/credlint",
        );
        let v = serde_json::to_value(&log).expect("json");
        let run = &v["runs"][0];
        let loc = &run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(loc["uri"], "drafts/a%20b.md");
        assert_eq!(loc["uriBaseId"], SRCROOT);
        assert_eq!(run["originalUriBaseIds"][SRCROOT]["uri"], "file:///repo/");
        let rule = &run["tool"]["driver"]["rules"][2];
        assert_eq!(rule["id"], "anonymous-source");
        assert_eq!(rule["name"], "AnonymousSource");
        assert_eq!(
            rule["helpUri"],
            "https://example.org/credlint/blob/main/src/rules/anonymous_source.rs"
        );
        assert!(
            rule["help"]["markdown"]
                .as_str()
                .unwrap_or("")
                .contains("## Why")
        );
        assert!(run["results"][0]["suppressions"].is_null());
        let sup = &run["results"][1]["suppressions"][0];
        assert_eq!(sup["kind"], "inSource");
        assert_eq!(sup["justification"], "named in the sidebar");
        // one finding, one fingerprint, whether silenced or not
        let fp = |i: usize| run["results"][i]["partialFingerprints"][FINGERPRINT_KEY].clone();
        assert_eq!(fp(0), fp(1));
        assert_eq!(fp(0).as_str().map(str::len), Some(16));
        assert_eq!(file_uri("/tmp/x y/"), "file:///tmp/x%20y/");
    }
}
