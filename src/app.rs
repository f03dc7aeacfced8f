//! The `credlint` command line, over the core library (`credlint`) and the editor server
//! (`credlint-lsp`): arguments, walking and reading files, configuration discovery,
//! rendering, `--fix`. A library so that the integration tests and examples reach the
//! renderers; the binary (`src/main.rs`) only calls [`main`].
#![warn(clippy::print_stdout, clippy::print_stderr)]

mod baseline;
mod cli;
mod config_file;
mod diff;
mod fix;
mod lsp_host;
pub mod render;
mod term;
mod walk;

// The core's modules under the names this crate's files use (`crate::text::Span`).
pub(crate) use credlint::{diagnostic, rules, text};

pub use cli::main;
