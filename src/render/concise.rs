//! `--format concise`: `path:line:col: severity[rule] message`, one line each.

use super::FileMap;
use crate::diagnostic::Diagnostic;

pub fn render(diags: &[Diagnostic], files: &FileMap) -> String {
    let mut s = String::new();
    for d in diags {
        let lc = files.span_of(d).0;
        // the path and the message may come from a draft: shown escaped, on one line
        s.push_str(&format!(
            "{}:{}:{}: {}[{}] {}\n",
            super::escape(&d.path),
            lc.line,
            lc.column,
            d.severity,
            d.rule,
            super::escape(&d.message.replace(['\n', '\r'], " "))
        ));
    }
    s
}
