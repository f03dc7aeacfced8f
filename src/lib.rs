//! credlint: a source-credibility and attribution linter for news prose.
//!
//! The library does no I/O and prints nothing: [`check_source`] maps (path, text,
//! configuration) to diagnostics. Walking, reading and rendering live in the CLI.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod text;
