//! `--format github`: GitHub Actions workflow commands, which become annotations on the
//! pull request. Draft text is escaped so it can never start a command of its own.

use super::FileMap;
use crate::diagnostic::{Diagnostic, Severity};

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(diags: &[Diagnostic], files: &FileMap) -> String {
    let mut s = String::new();
    for d in diags {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        let (a, b) = files.span_of(d);
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
        s.push_str(&format!(
            "::{level} file={},{position},title={}::{}\n",
            escape_property(&super::escape(&d.path)),
            escape_property(&format!("credlint {}", d.rule)),
            escape_data(&message)
        ));
    }
    s
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
