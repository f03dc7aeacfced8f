//! Code actions on a document's findings: the names registry's spelling for a variant
//! (the finding's fix, the one `--fix` applies), another offered edit (a neutral verb for
//! a loaded one), a suppression comment for the finding's line, and a names registry
//! entry for a name spelled two ways (an edit to `credlint.toml`).

use std::collections::HashMap;

use lsp_types::{self as lt, Url};
use rustc_hash::FxHashMap;

use credlint::Diagnostic;
use credlint::Span;

use super::{OpenDoc, Server};

pub fn code_actions(server: &Server, p: &lt::CodeActionParams) -> Vec<lt::CodeActionOrCommand> {
    let uri = &p.text_document.uri;
    let Some(doc) = server.docs.get(uri) else {
        return Vec::new();
    };
    let mut actions = Vec::new();
    let mut files = FxHashMap::default();
    // two findings of one rule on one line, or one name reported twice: one action each
    let mut seen = rustc_hash::FxHashSet::default();
    for d in server.findings(doc) {
        let range = server.range(doc, d.span);
        if !overlaps(range, p.range) {
            continue;
        }
        let shown = server.to_lsp(uri, doc, d, &mut files);
        let mut push = |title: String, edit: lt::WorkspaceEdit, preferred: bool| {
            let key = (
                title.clone(),
                serde_json::to_string(&edit).unwrap_or_default(),
            );
            if !seen.insert(key) {
                return;
            }
            actions.push(lt::CodeActionOrCommand::CodeAction(lt::CodeAction {
                title,
                kind: Some(lt::CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![shown.clone()]),
                edit: Some(edit),
                is_preferred: preferred.then_some(true),
                ..Default::default()
            }));
        };
        for (edit, preferred) in [(&d.fix, true), (&d.suggestion, false)] {
            if let Some(e) = edit {
                let old = &doc.text[e.span.start..e.span.end];
                let title = format!("Replace “{old}” with “{}”", e.replacement);
                let text_edit = lt::TextEdit::new(server.range(doc, e.span), e.replacement.clone());
                push(title, edit_here(uri, text_edit), preferred);
            }
        }
        if d.rule == "name-inconsistency" && d.fix.is_none() {
            for (canonical, variant) in registry_pairs(server, doc, d) {
                let title = format!(
                    "Add “{canonical}” to the names registry, with “{variant}” as a variant"
                );
                if let Some(edit) = registry_edit(server, &canonical, Some(&variant)) {
                    push(title, edit, false);
                }
            }
        }
        let comment = suppression(doc, d, server);
        push(
            format!("Suppress {} on this line", d.rule),
            edit_here(uri, comment),
            false,
        );
    }
    if let Some(name) = unregistered_name_at(server, doc, p.range.start)
        && let Some(edit) = registry_edit(server, &name, None)
    {
        actions.push(lt::CodeActionOrCommand::CodeAction(lt::CodeAction {
            title: format!("Add “{name}” to the names registry"),
            kind: Some(lt::CodeActionKind::REFACTOR),
            edit: Some(edit),
            ..Default::default()
        }));
    }
    actions
}

/// The full name of the person mentioned at `at`, when the names registry does not list
/// it yet (and the document gives evidence that it is a person's name).
fn unregistered_name_at(server: &Server, doc: &OpenDoc, at: lt::Position) -> Option<String> {
    let offset = doc.lines.offset(&doc.text, at, server.encoding);
    let file = credlint::SourceFile {
        path: &doc.path,
        text: &doc.text,
        format: credlint::Format::from_path(&doc.path),
    };
    credlint::editor::unregistered_person_at(&file, &server.settings.config, offset)
}

fn overlaps(a: lt::Range, b: lt::Range) -> bool {
    let key = |p: lt::Position| (p.line, p.character);
    key(a.start) <= key(b.end) && key(b.start) <= key(a.end)
}

fn edit_here(uri: &Url, edit: lt::TextEdit) -> lt::WorkspaceEdit {
    lt::WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
        ..Default::default()
    }
}

/// Does the document take HTML comments (Markdown and HTML) or a plain-text line?
fn takes_html_comments(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    [".md", ".markdown", ".mdx", ".html", ".htm"]
        .iter()
        .any(|e| lower.ends_with(e))
}

/// The comment that suppresses `rule` on the line after it, as `path`'s format writes it.
pub fn suppression_comment(path: &str, rule: &str) -> String {
    if takes_html_comments(path) {
        format!("<!-- credlint-disable-next-line {rule} -- reason -->")
    } else {
        format!("credlint: disable-next-line {rule} -- reason")
    }
}

/// Inserts the suppression comment on a line of its own before the finding's line, with
/// that line's indentation and the document's line ending.
fn suppression(doc: &OpenDoc, d: &Diagnostic, server: &Server) -> lt::TextEdit {
    let at = server.range(doc, d.span).start;
    let line_start = doc
        .lines
        .offset(&doc.text, lt::Position::new(at.line, 0), server.encoding);
    let indent: String = doc.text[line_start..]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let eol = if doc.text.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let line = format!("{indent}{}{eol}", suppression_comment(&doc.path, d.rule));
    let start = lt::Position::new(at.line, 0);
    lt::TextEdit::new(lt::Range::new(start, start), line)
}

/// The registry entries that would settle a name spelled two ways: (canonical, variant).
/// When the finding suggests a spelling, that one; otherwise either way round, for the
/// writer to choose.
fn registry_pairs(server: &Server, doc: &OpenDoc, d: &Diagnostic) -> Vec<(String, String)> {
    let here = spelling(server, doc, &doc.path, d.span);
    let Some(r) = d.related.first() else {
        return Vec::new();
    };
    let there = spelling(server, doc, r.path.as_deref().unwrap_or(&doc.path), r.span);
    let (Some(here), Some(there)) = (here, there) else {
        return Vec::new();
    };
    if here == there {
        return Vec::new();
    }
    match &d.suggestion {
        Some(s) => vec![(s.replacement.clone(), here)],
        None => vec![(there.clone(), here.clone()), (here, there)],
    }
}

/// The name at `span` of `path`: the full name the index holds for the person first
/// spelled there, or the text at the span in the open document.
fn spelling(server: &Server, doc: &OpenDoc, path: &str, span: Span) -> Option<String> {
    let person = server
        .names
        .get(path)
        .and_then(|n| n.people.iter().find(|p| p.first == span));
    if let Some(p) = person {
        return Some(p.full.to_string());
    }
    (path == doc.path)
        .then(|| doc.text.get(span.start..span.end))
        .flatten()
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The edit that appends a `[[names]]` entry to the project file, or creates the file in
/// the workspace folder when there is none.
fn registry_edit(
    server: &Server,
    canonical: &str,
    variant: Option<&str>,
) -> Option<lt::WorkspaceEdit> {
    let entry = registry_entry(canonical, variant);
    let existing = server.settings.file.clone();
    let path = existing
        .clone()
        .or_else(|| server.root.as_ref().map(|r| r.join("credlint.toml")))?;
    let uri = Url::from_file_path(&path).ok()?;
    let Some(_) = existing else {
        let create = lt::DocumentChangeOperation::Op(lt::ResourceOp::Create(lt::CreateFile {
            uri: uri.clone(),
            options: Some(lt::CreateFileOptions {
                overwrite: Some(false),
                ignore_if_exists: Some(true),
            }),
            annotation_id: None,
        }));
        let insert = text_document_edit(&uri, lt::Position::new(0, 0), entry.trim_start());
        return Some(lt::WorkspaceEdit {
            document_changes: Some(lt::DocumentChanges::Operations(vec![create, insert])),
            ..Default::default()
        });
    };
    // the file as the editor has it, when it is open
    let text = match server.docs.get(&uri) {
        Some(open) => open.text.clone(),
        None => std::fs::read_to_string(&path).ok()?,
    };
    let lines = super::LineMap::new(&text);
    let end = lines.position(&text, text.len(), server.encoding);
    let sep = if text.is_empty() || text.ends_with('\n') {
        ""
    } else {
        "\n"
    };
    let edit = lt::TextEdit::new(lt::Range::new(end, end), format!("{sep}{entry}"));
    Some(edit_here(&uri, edit))
}

fn text_document_edit(uri: &Url, at: lt::Position, text: &str) -> lt::DocumentChangeOperation {
    lt::DocumentChangeOperation::Edit(lt::TextDocumentEdit {
        text_document: lt::OptionalVersionedTextDocumentIdentifier {
            uri: uri.clone(),
            version: None,
        },
        edits: vec![lt::OneOf::Left(lt::TextEdit::new(
            lt::Range::new(at, at),
            text.to_string(),
        ))],
    })
}

/// A `[[names]]` table, its strings quoted as TOML quotes them.
pub fn registry_entry(canonical: &str, variant: Option<&str>) -> String {
    let q = |s: &str| toml::Value::String(s.to_string()).to_string();
    format!(
        "\n[[names]]\ncanonical = {}\nvariants = [{}]\n",
        q(canonical),
        variant.map(q).unwrap_or_default()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suppression_comments_follow_the_format() {
        assert_eq!(
            suppression_comment("/d/a.md", "anonymous-source"),
            "<!-- credlint-disable-next-line anonymous-source -- reason -->"
        );
        assert_eq!(
            suppression_comment("/d/a.HTML", "quote-marks"),
            "<!-- credlint-disable-next-line quote-marks -- reason -->"
        );
        assert_eq!(
            suppression_comment("/d/a.txt", "quote-marks"),
            "credlint: disable-next-line quote-marks -- reason"
        );
    }

    #[test]
    fn registry_entries_parse_as_the_configuration_reads_them() {
        let entry = registry_entry("Liu Pengyu", Some("Liu \"Pengya\""));
        let config = credlint::Config::from_toml("credlint.toml", &entry).expect("valid entry");
        let rewrites: Vec<(&str, &str)> = config.name_rewrites().collect();
        assert_eq!(rewrites, vec![("Liu \"Pengya\"", "Liu Pengyu")]);
        let alone = registry_entry("Ana Ortiz", None);
        let config = credlint::Config::from_toml("credlint.toml", &alone).expect("valid entry");
        assert!(config.knows_name("Ana Ortiz"));
    }
}
