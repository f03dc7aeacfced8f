//! `check --baseline FILE`: hides the findings a JSON report written earlier (`--format
//! json`) already holds, so an archive with old findings can adopt credlint and fail only
//! on new ones. Findings are matched by path, rule and fingerprint (the flagged text,
//! white space normalised), not by offsets or lines, which move when text is added above.
//! Each finding in the report hides one current finding: a second copy of the same
//! sentence added later is still reported.

use std::collections::HashMap;
use std::path::Path;

use credlint::Diagnostic;
use serde::Deserialize;

#[derive(Deserialize)]
struct Report {
    diagnostics: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    path: String,
    rule: String,
    /// Absent in reports written before fingerprints existed.
    fingerprint: Option<String>,
}

/// The findings of a baseline report, counted by (path, rule, fingerprint).
#[derive(Debug, Default)]
pub struct Baseline {
    left: HashMap<(String, String, u64), usize>,
}

/// Paths compared as written, bar a leading `./` and Windows separators.
fn normal(path: &str) -> String {
    let p = path.replace('\\', "/");
    let mut s = p.as_str();
    while let Some(rest) = s.strip_prefix("./") {
        s = rest;
    }
    s.to_string()
}

impl Baseline {
    pub fn read(path: &Path) -> Result<Baseline, String> {
        let shown = path.display();
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{shown}: cannot read the baseline: {e}"))?;
        Self::parse(&text).map_err(|e| format!("{shown}: {e}"))
    }

    pub fn parse(text: &str) -> Result<Baseline, String> {
        let report: Report = serde_json::from_str(text).map_err(|e| {
            format!(
                "not a credlint JSON report (line {}, column {}): {e}",
                e.line(),
                e.column()
            )
        })?;
        let mut left = HashMap::new();
        for (i, e) in report.diagnostics.into_iter().enumerate() {
            let fp = e
                .fingerprint
                .as_deref()
                .and_then(|f| u64::from_str_radix(f, 16).ok())
                .ok_or_else(|| {
                    format!(
                        "finding {} has no fingerprint: write the baseline again with `credlint check --format json`",
                        i + 1
                    )
                })?;
            *left.entry((normal(&e.path), e.rule, fp)).or_insert(0) += 1;
        }
        Ok(Baseline { left })
    }

    /// Is `d` in the baseline? Each baseline finding hides one current finding.
    pub fn hides(&mut self, d: &Diagnostic) -> bool {
        let key = (normal(&d.path), d.rule.to_string(), d.fingerprint);
        match self.left.get_mut(&key) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use credlint::Span;

    #[test]
    fn each_entry_hides_one_finding_by_path_rule_and_fingerprint() {
        let json = r#"{"diagnostics": [
            {"path": "./a.txt", "rule": "anonymous-source", "fingerprint": "00000000000000ff", "span": {"start": 1, "end": 2}},
            {"path": "a.txt", "rule": "quote-marks", "fingerprint": "0000000000000001"}
        ], "suppressed": [], "summary": {}}"#;
        let mut b = Baseline::parse(json).expect("baseline");
        let mut d = Diagnostic::new(
            "a.txt",
            "anonymous-source",
            credlint::Severity::Warning,
            Span::new(500, 510),
            "m",
        );
        d.fingerprint = 0xff;
        assert!(b.hides(&d), "offsets differ, the finding is the same");
        assert!(!b.hides(&d), "one entry hides one finding");
        d.fingerprint = 1;
        assert!(!b.hides(&d), "another rule's fingerprint");
        let old = r#"{"diagnostics": [{"path": "a.txt", "rule": "quote-marks"}]}"#;
        let e = Baseline::parse(old).expect_err("no fingerprint");
        assert!(e.contains("write the baseline again"), "{e}");
        assert!(Baseline::parse("[]").is_err());
    }
}
