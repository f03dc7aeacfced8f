//! What `credlint lsp` gets from the command line: its configuration discovery and its
//! walk, so the editor server reads the project file and the folder's drafts as `credlint
//! check` would.

use std::path::{Path, PathBuf};

use credlint::Config;
use credlint_lsp::Host;

use crate::{config_file, walk};

/// The command line's walk and reading, for the editor server.
pub const HOST: Host = Host {
    discover: config_file::discover,
    load: config_file::load,
    extensions: walk::EXTENSIONS,
    folder_files,
    read: |p| walk::read(p),
    shown: |p| walk::shown(p),
};

/// The files of `root` the walk selects under the configuration's include and exclude
/// globs (none when a glob is invalid: the server reports the configuration's error).
fn folder_files(root: &Path, config: &Config) -> Vec<PathBuf> {
    let Ok(filters) = walk::Filters::new(&config.files.include, &config.files.exclude, false)
    else {
        return Vec::new();
    };
    walk::walk(&[root.to_path_buf()], walk::WalkOptions::default())
        .select(&filters)
        .files
}
