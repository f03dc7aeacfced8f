//! Hover on an attribution (its cue, "said", or its source, "a senior official"): the
//! source's entry in the document's ledger (`credlint sources`), that is who the source
//! is, of which kind, and how many claims and quotes rest on it in this document.

use lsp_types as lt;

use credlint::extract::LedgerRow;

use super::Server;

pub fn hover(server: &Server, p: &lt::HoverParams) -> Option<lt::Hover> {
    let at = &p.text_document_position_params;
    let doc = server.docs.get(&at.text_document.uri)?;
    let offset = doc.lines.offset(&doc.text, at.position, server.encoding);
    let file = credlint::SourceFile {
        path: &doc.path,
        text: &doc.text,
        format: credlint::Format::from_path(&doc.path),
    };
    let found = credlint::editor::source_at(&file, &server.settings.config, offset)?;
    let text = match &found.row {
        None => "**No source**: the claim is attributed to no one.".to_string(),
        Some(row) => describe(row),
    };
    Some(lt::Hover {
        contents: lt::HoverContents::Markup(lt::MarkupContent {
            kind: lt::MarkupKind::Markdown,
            value: text,
        }),
        range: Some(server.range(doc, found.span)),
    })
}

/// A ledger row for people: "**Liu Pengyu** (person): 2 claims and 1 quote rest on this
/// source in this document."
pub fn describe(row: &LedgerRow) -> String {
    let plural = |n: usize, w: &str| {
        if n == 1 {
            format!("{n} {w}")
        } else {
            format!("{n} {w}s")
        }
    };
    let mut kind = row.kind.as_str().to_string();
    if row.anonymous && kind != "anonymous" {
        kind.push_str(", anonymous");
    }
    let mut s = format!(
        "**{}** ({kind}): {} and {} rest on this source in this document.",
        row.source,
        plural(row.attributions, "claim"),
        plural(row.quotes, "quote"),
    );
    if !row.via.is_empty() {
        s.push_str(&format!("\n\nReported through: {}.", row.via.join(", ")));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_reads_as_a_sentence() {
        let config = credlint::Config::builtin().expect("built-in config");
        let text = "“We will not move,” said Ana Ortiz, the mayor. Ana Ortiz said the budget would pass. A senior official said it would not.";
        let doc = credlint::Document::new("a.txt", text, &config);
        let ledger = credlint::extract::ledger(&doc);
        let ortiz = ledger
            .sources
            .iter()
            .find(|r| r.source == "Ana Ortiz")
            .expect("a row for the mayor");
        assert_eq!(
            describe(ortiz),
            "**Ana Ortiz** (person): 2 claims and 1 quote rest on this source in this document."
        );
    }
}
