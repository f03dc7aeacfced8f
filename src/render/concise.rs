//! `--format concise`: `path:line:col: severity[rule] message`, one line each.

use std::io::{self, Write};

use super::{Emitter, Findings};

/// The concise format.
pub struct Concise;

impl Emitter for Concise {
    fn emit(&mut self, run: &Findings<'_>, out: &mut dyn Write) -> io::Result<()> {
        for d in run.reported() {
            let lc = run.files.span_of(d).0;
            // the path and the message may come from a draft: shown escaped, on one line
            writeln!(
                out,
                "{}:{}:{}: {}[{}] {}",
                super::escape(&d.path),
                lc.line,
                lc.column,
                d.severity,
                d.rule,
                super::escape(&d.message.replace(['\n', '\r'], " "))
            )?;
        }
        Ok(())
    }

    fn for_people(&self) -> bool {
        true
    }
}
