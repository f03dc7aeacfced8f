//! Output formats: one file each, every one an [`Emitter`]. The command line chooses the
//! emitter once, from `--format`, and hands it the run's [`Findings`] (sorted, file by
//! file) and the stream to write to.

pub mod concise;
pub mod escape;
pub mod github;
pub mod human;
pub mod json;
pub use credlint::json_write;
pub mod sarif;

use std::collections::HashMap;
use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Summary};
use crate::text::{LineCol, LineIndex};

pub use concise::Concise;
pub use github::Github;
pub use human::Human;
pub use json::Json;
pub use sarif::Sarif;

/// One output format.
pub trait Emitter {
    /// Writes the run's findings to `out`, in this format.
    fn emit(&mut self, run: &Findings<'_>, out: &mut dyn Write) -> io::Result<()>;

    /// Does this format want paths relative to the repository root (code scanning and
    /// pull-request annotations resolve them there), rather than as the user gave them?
    fn repository_paths(&self) -> bool {
        false
    }

    /// Is this format read by people, so that the run's one-line summary follows it (on
    /// standard error)? Machine formats carry their own summary, or none.
    fn for_people(&self) -> bool {
        false
    }
}

/// What every emitter is given: a run's findings, sorted.
pub struct Findings<'a> {
    /// The reported findings, file by file: each group holds one path's, groups in path
    /// order (a run's, see [`credlint::combine_run`]; or one slice of sorted findings).
    pub groups: &'a [&'a [Diagnostic]],
    /// The findings suppression directives silenced (JSON and SARIF list them).
    pub suppressed: &'a [Diagnostic],
    pub summary: &'a Summary,
    /// The files' texts, for positions not computed beforehand (the command line computes
    /// them per file, and gives an empty map).
    pub files: &'a FileMap,
}

impl Findings<'_> {
    /// Every reported finding, in order.
    pub fn reported(&self) -> impl Iterator<Item = &Diagnostic> {
        self.groups.iter().flat_map(|g| g.iter())
    }
}

/// What `emitter` writes, as a string (for tests and examples).
pub fn to_string(emitter: &mut dyn Emitter, run: &Findings<'_>) -> String {
    let mut buf = Vec::new();
    // writing to a Vec fails only when a serializer does, which these types never make it do
    let _ = emitter.emit(run, &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

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
