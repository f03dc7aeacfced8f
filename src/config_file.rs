//! The project's configuration file: finding it and reading it. The core library parses
//! the text ([`Config::from_toml`]); the file system is the command line's (and, through
//! its host, the editor server's).
// as in the core's config: the error carries the file's text, to be rendered with a snippet
#![allow(clippy::result_large_err)]

use std::path::{Path, PathBuf};

use credlint::{CONFIG_NAMES, Config, ConfigError};

/// Reads the project file at `path`.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let shown = path.display().to_string();
    let src = std::fs::read_to_string(path).map_err(|e| ConfigError {
        path: shown.clone(),
        src: String::new(),
        span: None,
        message: format!("cannot read the configuration: {e}"),
        label: None,
        help: None,
    })?;
    let mut cfg = Config::from_toml(&shown, &src)?;
    cfg.source = Some(path.to_path_buf());
    Ok(cfg)
}

/// Finds `credlint.toml` (or `.credlint.toml`) in `start` or the nearest parent,
/// stopping at the repository root (the first directory holding `.git`): a file in a
/// directory above the repository is not the project's. Outside a repository every
/// parent is searched.
pub fn discover(start: &Path) -> Option<PathBuf> {
    for d in start.ancestors() {
        for name in CONFIG_NAMES {
            let p = d.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
        if d.join(".git").exists() {
            return None;
        }
    }
    None
}
