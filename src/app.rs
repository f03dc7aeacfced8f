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

// The core's public modules under the names this crate's files use
// (`crate::diagnostic::Diagnostic`).
pub(crate) use credlint::{diagnostic, rules};

/// The core's positions under the path this crate's files use (`crate::text::Span`): the
/// core keeps its text model private and exports these from its root.
pub(crate) mod text {
    pub(crate) use credlint::{LineCol, LineIndex, Span};
}

pub use cli::main;
