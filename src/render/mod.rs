//! Output formats: one file each. Renderers receive every diagnostic of the run (sorted)
//! and the texts of the files they point into.

pub mod concise;
pub mod escape;
pub mod github;
pub mod human;
pub mod json;
pub use credlint::json_write;
pub mod sarif;

use std::collections::HashMap;

use crate::text::{LineCol, LineIndex};

/// The text of each file a run read, and its line index.
#[derive(Default)]
pub struct FileMap {
    files: HashMap<String, (String, LineIndex)>,
}

impl FileMap {
    pub fn insert(&mut self, path: &str, text: &str) {
        self.insert_owned(path, text.to_string());
    }
    /// [`FileMap::insert`], taking the text without copying it.
    pub fn insert_owned(&mut self, path: &str, text: String) {
        let index = LineIndex::new(&text);
        self.files.insert(path.to_string(), (text, index));
    }
    pub fn text(&self, path: &str) -> &str {
        self.files.get(path).map_or("", |(t, _)| t.as_str())
    }
    /// Start and end of a diagnostic: precomputed, or from the file's text.
    pub fn span_of(&self, d: &crate::diagnostic::Diagnostic) -> (LineCol, LineCol) {
        d.position.unwrap_or_else(|| {
            (
                self.line_col(&d.path, d.span.start),
                self.line_col(&d.path, d.span.end),
            )
        })
    }

    /// Start and end of a related label.
    pub fn related_of(
        &self,
        d: &crate::diagnostic::Diagnostic,
        r: &crate::diagnostic::Related,
    ) -> (LineCol, LineCol) {
        let p = r.path.as_deref().unwrap_or(&d.path);
        r.position
            .unwrap_or_else(|| (self.line_col(p, r.span.start), self.line_col(p, r.span.end)))
    }

    /// The byte range of the 1-based line `line` of `path`, without its line end.
    pub fn line_bytes(&self, path: &str, line: usize) -> std::ops::Range<usize> {
        let Some((t, idx)) = self.files.get(path) else {
            return 0..0;
        };
        let i = line
            .saturating_sub(1)
            .min(idx.line_count().saturating_sub(1));
        let start = idx.line_start(i).min(t.len());
        let next = if i + 1 < idx.line_count() {
            idx.line_start(i + 1).min(t.len())
        } else {
            t.len()
        };
        let body = t[start..next].trim_end_matches(['\n', '\r']);
        start..start + body.len()
    }

    pub fn line_col(&self, path: &str, offset: usize) -> LineCol {
        match self.files.get(path) {
            Some((t, idx)) => idx.line_col(t, offset),
            None => LineCol { line: 1, column: 1 },
        }
    }
}

pub use escape::{escape, neutralise};
