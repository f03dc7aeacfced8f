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

use credlint::names::index::DocNames;
use credlint::{Config, Diagnostic};

use crate::walk;

/// The names of one document: what [`credlint::lint_file`] gives, or the same without
/// running the rules for a file that is only read.
pub fn names_of(path: &str, text: &str, config: &Config) -> DocNames {
    let doc = credlint::Document::new(path, text, config);
    let index = credlint::text::LineIndex::new(text);
    DocNames::from_document(&doc, &index)
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
    root: PathBuf,
    config: Arc<Config>,
    generation: u64,
    done: Sender<Built>,
) {
    thread::spawn(move || {
        let docs = read_folder(&root, &config);
        let _ = done.send(Built { generation, docs });
    });
}

/// The names of every file of the folder the walk selects (the configuration's include
/// and exclude globs apply; unreadable files are left out).
pub fn read_folder(root: &Path, config: &Config) -> Vec<DocNames> {
    let Ok(filters) = walk::Filters::new(&config.files.include, &config.files.exclude, false)
    else {
        return Vec::new();
    };
    let (files, _errors) = walk::walk(&[root.to_path_buf()]).select(&filters);
    files
        .par_iter()
        .filter_map(|p| {
            let text = walk::read(p).ok()?;
            Some(names_of(&walk::shown(p), &text, config))
        })
        .collect()
}

/// Every document's names, by path, in one list the cross-file check takes as it is.
#[derive(Default)]
pub struct NameSet {
    docs: Vec<DocNames>,
    at: FxHashMap<String, usize>,
}

impl NameSet {
    /// Puts `names` in place of the document's earlier names; says whether the names it
    /// uses changed (not only where they are).
    pub fn update(&mut self, names: DocNames) -> bool {
        match self.at.get(&names.path) {
            Some(&i) => {
                let old = &self.docs[i];
                let same = old.people.len() == names.people.len()
                    && old
                        .people
                        .iter()
                        .zip(&names.people)
                        .all(|(a, b)| a.full == b.full);
                self.docs[i] = names;
                !same
            }
            None => {
                let changed = !names.people.is_empty();
                self.at.insert(names.path.clone(), self.docs.len());
                self.docs.push(names);
                changed
            }
        }
    }

    /// Drops a document (a file deleted from the folder).
    pub fn remove(&mut self, path: &str) {
        if let Some(i) = self.at.remove(path) {
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

    /// The findings that compare the documents' names, by path.
    pub fn compare(&self, config: &Config) -> FxHashMap<String, Vec<Diagnostic>> {
        let mut by_path: FxHashMap<String, Vec<Diagnostic>> = FxHashMap::default();
        for d in credlint::corpus_diagnostics(&self.docs, config) {
            by_path.entry(d.path.clone()).or_default().push(d);
        }
        by_path
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn updates_replace_a_document_and_say_when_its_names_changed() {
        let config = Config::builtin().expect("built-in config");
        let a = names_of("a.txt", "Liu Pengyu, a spokesperson, said it.", &config);
        let b = names_of("b.txt", "Liu Pengya, a spokesperson, said it.", &config);
        let mut set = NameSet::default();
        assert!(set.update(a));
        assert!(set.update(b));
        let found = set.compare(&config);
        let total: usize = found.values().map(Vec::len).sum();
        assert_eq!(total, 1, "{found:?}");
        // the same names, moved: not a change of names
        let moved = names_of("b.txt", "\n\nLiu Pengya, a spokesperson, said it.", &config);
        assert!(!set.update(moved));
        let fixed = names_of("b.txt", "Liu Pengyu, a spokesperson, said it.", &config);
        assert!(set.update(fixed));
        assert!(set.compare(&config).is_empty());
        set.remove("a.txt");
        assert_eq!(set.len(), 1);
        assert!(set.get("b.txt").is_some() && set.get("a.txt").is_none());
    }
}
