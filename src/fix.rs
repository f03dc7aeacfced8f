//! `--fix`: rewrites name variants to the canonical form of the names registry, and only
//! from the registry (never from a guess). Each changed file is replaced atomically: a
//! temporary file in the same directory, then a rename, keeping the file's permissions.

use std::io::Write;
use std::path::Path;

use credlint::Config;

/// Applies the registry's rewrites to one file's text; a changed file is written
/// atomically. Returns the text to lint (the fixed one).
pub fn apply(path: &str, text: String, config: &Config) -> Result<String, String> {
    if config.names.is_empty() {
        return Ok(text);
    }
    let fixed = credlint::names::fix::rewrite(&text, &config.names);
    if fixed == text || path == "<stdin>" {
        return Ok(text);
    }
    write_atomically(Path::new(path), &fixed)
        .map_err(|e| format!("{path}: cannot write the fix: {e}"))?;
    Ok(fixed)
}

pub fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let perms = std::fs::metadata(path)?.permissions();
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(text.as_bytes())?;
    tmp.as_file().sync_all()?;
    std::fs::set_permissions(tmp.path(), perms)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
