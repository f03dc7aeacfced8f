//! The workspace folder's names: what the cross-file name check compares an open
//! document with. Built once in the background (a thread, the files read and analysed in
//! parallel), then updated one document at a time as documents are edited, saved, closed
//! or changed on disk; never rebuilt on a keystroke.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread;

use crossbeam_channel::Sender;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use credlint::{Config, Diagnostic, DocNames, LineCol, Span};

use crate::Host;

/// The names of one document: what [`credlint::lint_file`] gives, or the same without
/// running the rules for a file that is only read.
pub fn names_of(path: &str, text: &str, config: &Config) -> DocNames {
    // the format from the name, as the CLI does: an HTML page's names are its prose's
    let format = credlint::Format::from_path(path);
    credlint::editor::names_of(&credlint::SourceFile { path, text, format }, config)
}

/// What the background build sends when it is done: the generation it was started for
/// (a configuration change starts a new one and the older result is dropped) and the
/// names of every file of the folder.
pub struct Built {
    pub generation: u64,
    pub docs: Vec<DocNames>,
}

/// Starts the build of `root`'s names on a thread of its own.
pub fn build_in_background(
    host: Host,
    root: PathBuf,
    config: Arc<Config>,
    generation: u64,
    done: Sender<Built>,
) {
    thread::spawn(move || {
        let docs = read_folder(host, &root, &config);
        let _ = done.send(Built { generation, docs });
    });
}

/// The names of every file of the folder the walk selects (the configuration's include
/// and exclude globs apply; unreadable files are left out).
pub fn read_folder(host: Host, root: &Path, config: &Config) -> Vec<DocNames> {
    let files = (host.folder_files)(root, config);
    files
        .par_iter()
        .filter_map(|p| {
            let text = (host.read)(p).ok()?;
            Some(names_of(&(host.shown)(p), &text, config))
        })
        .collect()
}

/// Every document's names, by path, and the findings that compare them.
///
/// Comparing the names builds an index of every document's names, which grows with the
/// folder; most edits do not change which names a document uses, only where they are.
/// Such an update moves the findings' spans to the names' new places instead of
/// comparing again: `moved_findings_are_those_a_comparison_gives` checks the two agree.
#[derive(Default)]
pub struct NameSet {
    docs: Vec<DocNames>,
    at: FxHashMap<String, usize>,
    findings: FxHashMap<String, Vec<Diagnostic>>,
    /// The names changed since the findings were computed.
    stale: bool,
}

impl NameSet {
    /// Puts `names` in place of the document's earlier names.
    pub fn update(&mut self, names: DocNames) {
        let Some(&i) = self.at.get(&names.path) else {
            self.stale |= !names.people.is_empty();
            self.at.insert(names.path.clone(), self.docs.len());
            self.docs.push(names);
            return;
        };
        let old = std::mem::replace(&mut self.docs[i], names);
        let new = &self.docs[i];
        // the context decides whether two documents' names are compared at all
        let same_names = old.context == new.context
            && old.people.len() == new.people.len()
            && old
                .people
                .iter()
                .zip(&new.people)
                .all(|(a, b)| a.full == b.full);
        if !same_names {
            self.stale = true;
        } else if !self.stale {
            move_findings(&mut self.findings, &old, new);
        }
    }

    /// Drops a document (a file deleted from the folder).
    pub fn remove(&mut self, path: &str) {
        if let Some(i) = self.at.remove(path) {
            self.stale |= !self.docs[i].people.is_empty();
            self.docs.swap_remove(i);
            if let Some(moved) = self.docs.get(i) {
                self.at.insert(moved.path.clone(), i);
            }
        }
    }

    pub fn get(&self, path: &str) -> Option<&DocNames> {
        self.at.get(path).map(|&i| &self.docs[i])
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Compares the documents' names again if they changed since the last comparison.
    pub fn refresh(&mut self, config: &Config) {
        if !self.stale {
            return;
        }
        self.findings.clear();
        for d in credlint::corpus_diagnostics(&self.docs, config) {
            self.findings.entry(d.path.clone()).or_default().push(d);
        }
        self.stale = false;
    }

    /// The findings comparing `path`'s names with the other documents' (as of the last
    /// [`NameSet::refresh`]).
    pub fn findings(&self, path: &str) -> &[Diagnostic] {
        self.findings.get(path).map_or(&[], Vec::as_slice)
    }
}

/// Moves the spans of `findings` that point at `old`'s names to where `new` (the same
/// names, in the same order) has them.
fn move_findings(
    findings: &mut FxHashMap<String, Vec<Diagnostic>>,
    old: &DocNames,
    new: &DocNames,
) {
    let moves: FxHashMap<Span, (Span, (LineCol, LineCol))> = old
        .people
        .iter()
        .zip(&new.people)
        .filter(|(a, b)| a.first != b.first)
        .map(|(a, b)| (a.first, (b.first, b.first_position)))
        .collect();
    if moves.is_empty() {
        return;
    }
    let path = new.path.as_str();
    for d in findings.values_mut().flatten() {
        let own = d.path == path;
        if own && let Some(&(span, position)) = moves.get(&d.span) {
            d.span = span;
            d.position = Some(position);
        }
        for r in &mut d.related {
            let here = r.path.as_deref().map_or(own, |p| p == path);
            if here && let Some(&(span, position)) = moves.get(&r.span) {
                r.span = span;
                r.position = Some(position);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(set: &NameSet) -> Vec<Diagnostic> {
        let mut v: Vec<Diagnostic> = set.findings.values().flatten().cloned().collect();
        credlint::diagnostic::sort(&mut v);
        v
    }

    #[test]
    fn moved_findings_are_those_a_comparison_gives() {
        let config = Config::builtin().expect("built-in config");
        let text = |lead: &str, name: &str| {
            format!(
                "{lead}{name}, a spokesperson, said it.\n\nLater Ana Ortiz, the mayor, said it again.\n"
            )
        };
        let mut set = NameSet::default();
        set.update(names_of("a.txt", &text("", "Liu Pengyu"), &config));
        set.update(names_of("b.txt", &text("", "Liu Pengyu"), &config));
        set.update(names_of("c.txt", &text("", "Liu Pengya"), &config));
        set.refresh(&config);
        assert_eq!(set.findings("c.txt").len(), 1);
        // the same names further down each document: moved, not compared again
        for path in ["c.txt", "a.txt"] {
            let lead = "A new first line.\n\n";
            let name = if path == "c.txt" {
                "Liu Pengya"
            } else {
                "Liu Pengyu"
            };
            set.update(names_of(path, &text(lead, name), &config));
            assert!(!set.stale);
            let moved = all(&set);
            set.stale = true;
            set.refresh(&config);
            assert_eq!(moved, all(&set), "after moving {path}");
        }
        // another name: compared again
        set.update(names_of("c.txt", &text("", "Liu Pengyu"), &config));
        assert!(set.stale);
        set.refresh(&config);
        assert!(all(&set).is_empty());
        set.remove("a.txt");
        assert_eq!(set.len(), 2);
        assert!(set.get("b.txt").is_some() && set.get("a.txt").is_none());
    }
}
