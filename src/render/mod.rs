//! Output formats: one file each. Renderers receive every diagnostic of the run (sorted)
//! and the texts of the files they point into.

pub mod concise;
pub mod escape;
pub mod github;
pub mod human;
pub mod json;
pub mod json_write;
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
        self.files
            .insert(path.to_string(), (text.to_string(), LineIndex::new(text)));
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

    pub fn line_col(&self, path: &str, offset: usize) -> LineCol {
        match self.files.get(path) {
            Some((t, idx)) => idx.line_col(t, offset),
            None => LineCol { line: 1, column: 1 },
        }
    }
}

pub use escape::{escape, neutralise};
