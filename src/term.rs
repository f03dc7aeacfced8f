//! Lines on standard error. A closed or failing standard error is ignored (there is
//! nowhere left to say anything, and `eprintln!` would panic), and text that may come
//! from a draft, a file name or a configuration file goes through
//! [`crate::render::escape`] first, so no control character reaches the terminal and
//! no line can start a GitHub workflow command.

use std::io::Write;

/// Writes one line to standard error, ignoring any failure.
pub fn line(args: std::fmt::Arguments) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_fmt(args).and_then(|()| err.write_all(b"\n"));
}

/// `error: MESSAGE` on standard error, the message escaped.
pub fn error(message: &str) {
    line(format_args!("error: {}", crate::render::escape(message)));
}
