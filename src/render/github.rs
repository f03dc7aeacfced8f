//! `--format github`: GitHub Actions workflow commands, which become annotations on the
//! pull request. Draft text is escaped so it can never start a command of its own.

use std::io::{self, Write};

use super::{Emitter, Findings};
use crate::diagnostic::Severity;

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// The GitHub Actions format.
pub struct Github;

impl Emitter for Github {
    fn emit(&mut self, run: &Findings<'_>, out: &mut dyn Write) -> io::Result<()> {
        for d in run.reported() {
            annotate(d, run, out)?;
        }
        Ok(())
    }

    fn repository_paths(&self) -> bool {
        true
    }
}

/// One finding's workflow command.
fn annotate(
    d: &crate::diagnostic::Diagnostic,
    run: &Findings<'_>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let (a, b) = run.files.span_of(d);
    // GitHub drops col/endColumn when the annotation spans lines
    let position = if a.line == b.line {
        format!(
            "line={},endLine={},col={},endColumn={}",
            a.line, b.line, a.column, b.column
        )
    } else {
        format!("line={},endLine={}", a.line, b.line)
    };
    // control characters are shown escaped; the one line break left (before the
    // help) is then encoded as GitHub expects
    let mut message = super::escape(&d.message).into_owned();
    if let Some(h) = &d.help {
        message.push('\n');
        message.push_str(&super::escape(h));
    }
    writeln!(
        out,
        "::{level} file={},{position},title={}::{}",
        escape_property(&super::escape(&d.path)),
        escape_property(&format!("credlint {}", d.rule)),
        escape_data(&message)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draft_text_cannot_inject_commands() {
        assert_eq!(escape_data("50%\n::error::x"), "50%25%0A::error::x");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
