//! Lints a string with a custom configuration, through the library's front door
//! ([`credlint::Linter`]): no files, no terminal. `cargo run -p credlint --example lint_string`
#![allow(clippy::print_stdout)]

use credlint::{Config, Format, Linter, SourceFile};

/// A newsroom's own settings: placeholders are warnings here, not errors, and one more
/// marker counts as a placeholder.
const SETTINGS: &str = r#"
[rules.placeholder-text]
severity = "warning"
extend-placeholders = ["[photo to come]"]
"#;

const DRAFT: &str = "\
The council approved the budget on Monday, officials said. [photo to come]

\"We had no choice,\" a source said.
";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let config = Config::from_toml("credlint.toml", SETTINGS)?;
    let linter = Linter::new(config);
    let file = SourceFile {
        path: "draft.md",
        text: DRAFT,
        format: Format::Markdown,
    };
    for d in linter.check(&file)? {
        let (line, column) = d.position.map_or((0, 0), |(s, _)| (s.line, s.column));
        println!(
            "{}:{line}:{column} {} [{}] {}",
            d.path, d.severity, d.rule, d.message
        );
    }
    Ok(())
}
