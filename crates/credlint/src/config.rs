//! Configuration: the built-in rule set and lexicon in `rules/` (embedded), with a
//! project's `credlint.toml` on top. Unknown rule ids, unknown keys and wrong types are
//! errors that carry a span into the TOML file.

// A configuration error carries the file's text so it can be rendered with a snippet;
// it is returned once per run, so its size does not matter.
#![allow(clippy::result_large_err)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;
use toml::{Spanned, Value};

use crate::diagnostic::Severity;
use crate::lexicon::Lexicon;
use crate::names::registry::{NameEntry, NameRegistry};
use crate::rules::{self, ConfiguredRule};
use crate::text::Span;

// the built-in data is included by the layers that read it (config is above both)
pub use crate::lexicon::DEFAULT_LEXICON;
pub(crate) use crate::rules::DEFAULT_RULES;
/// File names looked for, in each directory from the current one upwards.
pub const CONFIG_NAMES: &[&str] = &["credlint.toml", ".credlint.toml"];

/// A configuration error, located in the TOML file where possible.
#[derive(Debug, Clone)]
pub struct ConfigError {
    /// The configuration file's path, as shown.
    pub path: String,
    /// The file's text, so that a front end can show the error in place.
    pub src: String,
    /// Where in `src` the error is, when known.
    pub span: Option<Span>,
    /// What is wrong.
    pub message: String,
    /// The label of the span, shown under it.
    pub label: Option<String>,
    /// How to fix it.
    pub help: Option<String>,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for ConfigError {}

/// The `[files]` table: which files a run over directories lints (the command line and
/// the editor server walk; the library reads no file).
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Files {
    /// Glob patterns of the files to lint (empty: the default extensions).
    #[serde(default)]
    pub include: Vec<String>,
    /// Glob patterns of the files to leave out.
    #[serde(default)]
    pub exclude: Vec<String>,
    #[serde(default)]
    pub(crate) html: HtmlFiles,
}

/// `[files.html]`: how HTML pages are read.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct HtmlFiles {
    /// Elements whose text is not the article's (`div.newsletter`, `.promo`, `#comments`).
    #[serde(default)]
    pub skip: Vec<String>,
}

/// How HTML pages are read, made from `[files.html]`.
#[derive(Debug, Default, Clone)]
pub struct HtmlOptions {
    pub skip: Vec<crate::text::html::Selector>,
}

type SpannedTable = BTreeMap<Spanned<String>, Spanned<Value>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct UserFile {
    #[serde(default)]
    files: Option<Files>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<SpannedTable>>,
    #[serde(default)]
    lexicon: SpannedTable,
    #[serde(default)]
    names: Vec<Spanned<NameEntry>>,
}

/// Everything a lint run needs: the enabled rules with their options, the attribution
/// lexicon, the names registry and the file filters.
pub struct Config {
    pub(crate) rules: Vec<ConfiguredRule>,
    pub(crate) lexicon: Lexicon,
    pub(crate) names: NameRegistry,
    /// Which files a walk over directories lints.
    pub files: Files,
    pub(crate) html: HtmlOptions,
    /// The project file this configuration was read from, if any.
    pub source: Option<PathBuf>,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field(
                "rules",
                &self.rules.iter().map(|r| r.id()).collect::<Vec<_>>(),
            )
            .field("source", &self.source)
            .finish()
    }
}

fn builtin_tables() -> (toml::Table, toml::Table) {
    // The embedded files are tested (config::tests); a broken build would fail there.
    let rules: toml::Table = toml::from_str(DEFAULT_RULES).unwrap_or_default();
    let lex: toml::Table = toml::from_str(DEFAULT_LEXICON).unwrap_or_default();
    let rules = rules
        .get("rules")
        .and_then(Value::as_table)
        .cloned()
        .unwrap_or_default();
    let lex = lex
        .get("lexicon")
        .and_then(Value::as_table)
        .cloned()
        .unwrap_or_default();
    (rules, lex)
}

impl crate::analysis::Settings for Config {
    fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }
    fn registry(&self) -> &NameRegistry {
        &self.names
    }
    fn html_skip(&self) -> &[crate::text::html::Selector] {
        &self.html.skip
    }
}

impl Config {
    /// The built-in configuration alone.
    pub fn builtin() -> Result<Config, ConfigError> {
        Self::from_toml("<built-in>", "")
    }

    /// The built-in configuration with the project file `src` (named `path`) on top.
    pub fn from_toml(path: &str, src: &str) -> Result<Config, ConfigError> {
        let err = |span: Option<Span>, message: String| ConfigError {
            path: path.to_string(),
            src: src.to_string(),
            span,
            message,
            label: None,
            help: None,
        };
        let user: UserFile = toml::from_str(src).map_err(|e| {
            err(
                e.span().map(|r| Span::new(r.start, r.end)),
                e.message().to_string(),
            )
        })?;
        if let Some(files) = &user.files {
            for (key, globs) in [("include", &files.include), ("exclude", &files.exclude)] {
                let list = Value::Array(globs.iter().cloned().map(Value::String).collect());
                check_size(&list).map_err(|m| err(None, format!("[files] {key}: {m}")))?;
            }
        }
        let (mut rule_tables, mut lexicon) = builtin_tables();
        let ids: Vec<&str> = rules::REGISTRY.iter().map(|d| d.meta.id).collect();
        let mut user_spans: BTreeMap<String, Span> = BTreeMap::new();
        for (id, table) in user.rules {
            let id_span = span_of(&id);
            let Some(target) = rule_tables
                .get_mut(id.get_ref())
                .and_then(Value::as_table_mut)
            else {
                let mut e = err(Some(id_span), format!("unknown rule `{}`", id.get_ref()));
                e.label = Some(match nearest(id.get_ref(), ids.iter().copied()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => "not a credlint rule".into(),
                });
                e.help = Some("`credlint rules` lists every rule".into());
                return Err(e);
            };
            user_spans.insert(id.get_ref().clone(), id_span);
            merge(target, table.into_inner(), true).map_err(|(span, message, label)| {
                ConfigError {
                    label,
                    ..err(Some(span), message)
                }
            })?;
        }
        merge(&mut lexicon, user.lexicon, false).map_err(|(span, message, label)| ConfigError {
            label,
            ..err(Some(span), message)
        })?;

        let mut configured = Vec::new();
        for def in rules::REGISTRY {
            let mut table = rule_tables
                .get(def.meta.id)
                .and_then(Value::as_table)
                .cloned()
                .unwrap_or_default();
            // checked when the tables were merged: a rule without one is a warning
            let setting = table
                .remove("severity")
                .as_ref()
                .and_then(Value::as_str)
                .and_then(Severity::parse_setting)
                .unwrap_or(Some(Severity::Warning));
            let Some(severity) = setting else { continue };
            let rule = (def.build)(Value::Table(table)).map_err(|m| {
                err(
                    user_spans.get(def.meta.id).copied(),
                    format!("[rules.{}]: {m}", def.meta.id),
                )
            })?;
            configured.push(ConfiguredRule {
                def,
                severity,
                rule,
            });
        }
        let lexicon =
            Lexicon::from_table(lexicon).map_err(|m| err(None, format!("[lexicon]: {m}")))?;
        let mut names = NameRegistry::default();
        for entry in user.names {
            let span = span_of(&entry);
            let e = entry.get_ref();
            let strings = std::iter::once(&e.canonical)
                .chain(&e.variants)
                .chain(&e.family_name)
                .chain(&e.not_same_as);
            let list = Value::Array(strings.cloned().map(Value::String).collect());
            check_size(&list).map_err(|m| err(Some(span), format!("[[names]]: {m}")))?;
            names
                .add(entry.into_inner())
                .map_err(|m| err(Some(span), m))?;
        }
        let files = user.files.unwrap_or_default();
        let skip = files
            .html
            .skip
            .iter()
            .map(|s| crate::text::html::Selector::parse(s))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|m| err(None, format!("[files.html] skip: {m}")))?;
        Ok(Config {
            rules: configured,
            lexicon,
            names,
            files,
            html: HtmlOptions { skip },
            source: None,
        })
    }

    pub(crate) fn rule(&self, id: &str) -> Option<&ConfiguredRule> {
        self.rules.iter().find(|r| r.id() == id)
    }
}

fn span_of<T>(s: &Spanned<T>) -> Span {
    let r = s.span();
    Span::new(r.start, r.end)
}

type MergeError = (Span, String, Option<String>);

/// Lays the user's keys over the built-in table: a key replaces, `extend-KEY` appends to a
/// list. Keys and value types are checked against the built-in table.
/// The longest string a configuration may give (a word, a phrase, a name or a glob).
pub const MAX_PATTERN: usize = 1024;
/// The most items one list may hold.
pub const MAX_ITEMS: usize = 10_000;

/// Every pattern a configuration gives is a literal (matched with aho-corasick or
/// compared as a word) or a glob (globset, which compiles to the `regex` crate's
/// linear-time automata); none reaches a backtracking engine. Their sizes are bounded
/// too, so a configuration cannot make an automaton that is slow to build or too large.
fn check_size(value: &Value) -> Result<(), String> {
    match value {
        Value::String(s) if s.len() > MAX_PATTERN => Err(format!(
            "a string of {} bytes: at most {MAX_PATTERN} are allowed",
            s.len()
        )),
        Value::Array(a) if a.len() > MAX_ITEMS => Err(format!(
            "a list of {} items: at most {MAX_ITEMS} are allowed",
            a.len()
        )),
        Value::Array(a) => a.iter().try_for_each(check_size),
        Value::Table(t) => t.values().try_for_each(check_size),
        _ => Ok(()),
    }
}

fn merge(
    target: &mut toml::Table,
    user: SpannedTable,
    allow_severity: bool,
) -> Result<(), MergeError> {
    for (key, value) in user {
        let key_span = span_of(&key);
        let value_span = span_of(&value);
        let key = key.into_inner();
        let value = value.into_inner();
        check_size(&value).map_err(|m| (value_span, m, None))?;
        if allow_severity && key == "severity" {
            match value.as_str() {
                Some(s) if Severity::parse_setting(s).is_some() => {
                    target.insert(key, value);
                    continue;
                }
                _ => {
                    let shown = value.to_string();
                    let label =
                        nearest(value.as_str().unwrap_or(""), Severity::SETTINGS.into_iter())
                            .map(|s| format!("did you mean \"{s}\"?"));
                    return Err((
                        value_span,
                        format!(
                            "invalid severity {shown}: expected \"error\", \"warning\", \"info\" or \"off\""
                        ),
                        label,
                    ));
                }
            }
        }
        let (base, extend) = match key.strip_prefix("extend-") {
            Some(b) if target.get(b).is_some_and(Value::is_array) => (b.to_string(), true),
            _ => (key.clone(), false),
        };
        let Some(default) = target.get(&base) else {
            let mut candidates: Vec<String> = target.keys().cloned().collect();
            // the built-in table may hold `severity` already: listed once
            if allow_severity && !target.contains_key("severity") {
                candidates.push("severity".into());
            }
            let label = nearest(&key, candidates.iter().map(String::as_str))
                .map(|s| format!("did you mean `{s}`?"));
            let valid = if candidates.is_empty() {
                "none".to_string()
            } else {
                candidates
                    .iter()
                    .map(|c| format!("`{c}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            return Err((
                key_span,
                format!("unknown key `{key}` (valid keys: {valid})"),
                label,
            ));
        };
        if let Err(expected) = same_type(default, &value) {
            return Err((
                value_span,
                format!(
                    "wrong type for `{key}`: expected {expected}, found {}",
                    type_name(&value)
                ),
                None,
            ));
        }
        if extend {
            if let (Some(Value::Array(list)), Value::Array(more)) = (target.get_mut(&base), value) {
                list.extend(more);
            }
        } else {
            let value = match (default, value) {
                (Value::Float(_), Value::Integer(i)) => Value::Float(i as f64),
                (_, v) => v,
            };
            target.insert(base, value);
        }
    }
    Ok(())
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::String(_) => "a string",
        Value::Integer(_) => "an integer",
        Value::Float(_) => "a number",
        Value::Boolean(_) => "true or false",
        Value::Datetime(_) => "a date",
        Value::Array(_) => "a list",
        Value::Table(_) => "a table",
    }
}

fn same_type(default: &Value, v: &Value) -> Result<(), String> {
    match (default, v) {
        (Value::String(_), Value::String(_))
        | (Value::Integer(_), Value::Integer(_))
        | (Value::Float(_), Value::Float(_) | Value::Integer(_))
        | (Value::Boolean(_), Value::Boolean(_))
        | (Value::Table(_), Value::Table(_)) => Ok(()),
        (Value::Array(d), Value::Array(items)) => match d.first() {
            None => Ok(()),
            Some(first) => {
                for item in items {
                    if same_type(first, item).is_err() {
                        return Err(format!("a list of {}", plural(type_name(first))));
                    }
                }
                Ok(())
            }
        },
        (d, _) => Err(type_name(d).to_string()),
    }
}

fn plural(article_type: &str) -> String {
    let bare = article_type
        .trim_start_matches("an ")
        .trim_start_matches("a ");
    format!("{bare}s")
}

/// The candidate nearest to `word`, when it is near enough to be a likely typo.
pub fn nearest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(2);
    candidates
        // a prefix ("warn" for "warning") counts as one edit
        .map(|c| {
            (
                if word.len() >= 3 && c.starts_with(word) {
                    1
                } else {
                    strsim::damerau_levenshtein(word, c)
                },
                c,
            )
        })
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

/// The text `credlint init` writes: every rule and option, commented out, so the file is
/// valid as it stands and each line can be switched on.
pub fn init_template() -> String {
    use std::fmt::Write;
    let (tables, _) = builtin_tables();
    let mut s = String::from(
        "# credlint configuration. Every key below shows its built-in value, commented out.\n\
         # Uncomment a line to change it; `extend-<option> = [...]` adds to a list instead of\n\
         # replacing it. `credlint explain RULE` documents each rule and its options.\n\n\
         [files]\n# include = [\"drafts/**/*.md\"]\n# exclude = [\"drafts/archive/**\"]\n\n\
         # [files.html]\n# skip = [\"div.newsletter\", \"#comments\"]   # elements that are not the article's\n\n",
    );
    for def in rules::REGISTRY {
        let _ = writeln!(s, "# {}: {}", def.meta.id, def.meta.summary);
        let _ = writeln!(s, "[rules.{}]", def.meta.id);
        if let Some(t) = tables.get(def.meta.id).and_then(Value::as_table) {
            for (k, v) in t {
                let _ = writeln!(s, "# {k} = {v}");
            }
        }
        s.push('\n');
    }
    s.push_str(
        "# The attribution lexicon (rules/lexicon.toml in the credlint source) can be extended:\n\
         [lexicon]\n# extend-outlets = [\"The Bugle\"]\n# extend-anonymous-heads = [\"whistleblower\"]\n\n\
         # The names registry decides spellings; `credlint check --fix` rewrites variants.\n\
         # [[names]]\n# canonical = \"Liu Pengyu\"\n# variants = [\"Liu Pengya\"]\n# family-name = \"Liu\"\n# not-same-as = []\n",
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_configuration_loads_and_enables_rules() {
        let cfg = Config::builtin().expect("built-in config");
        assert!(cfg.rule("placeholder-text").is_some());
        assert!(cfg.rule("quote-marks").is_some());
    }

    #[test]
    fn every_registered_rule_has_a_default_table() {
        let (tables, _) = builtin_tables();
        for def in rules::REGISTRY {
            assert!(
                tables.contains_key(def.meta.id),
                "rules/default.toml lacks [rules.{}]",
                def.meta.id
            );
        }
        for id in tables.keys() {
            assert!(
                rules::REGISTRY.iter().any(|d| d.meta.id == id),
                "rules/default.toml has unknown [rules.{id}]"
            );
        }
    }

    #[test]
    fn unknown_rule_suggests_nearest() {
        let e = Config::from_toml(
            "credlint.toml",
            "[rules.placeholder-txt]\nseverity = \"off\"\n",
        )
        .unwrap_err();
        assert_eq!(e.message, "unknown rule `placeholder-txt`");
        assert_eq!(e.label.as_deref(), Some("did you mean `placeholder-text`?"));
        assert_eq!(e.span, Some(Span::new(7, 22)));
    }

    #[test]
    fn unknown_key_and_wrong_type_point_into_the_file() {
        let src = "[rules.quote-marks]\nseverity = \"warning\"\nsevrity = 1\n";
        let e = Config::from_toml("c.toml", src).unwrap_err();
        assert!(
            e.message.starts_with("unknown key `sevrity`"),
            "{}",
            e.message
        );
        assert_eq!(e.span.map(|s| s.text(src)), Some("sevrity"));
        let src = "[rules.placeholder-text]\nplaceholders = \"lorem\"\n";
        let e = Config::from_toml("c.toml", src).unwrap_err();
        assert!(e.message.contains("expected a list"), "{}", e.message);
        let src = "[rules.placeholder-text]\nseverity = \"warn\"\n";
        let e = Config::from_toml("c.toml", src).unwrap_err();
        assert_eq!(e.label.as_deref(), Some("did you mean \"warning\"?"));
    }

    #[test]
    fn severity_off_disables_and_extend_appends() {
        let cfg = Config::from_toml("c.toml", "[rules.quote-marks]\nseverity = \"off\"\n[rules.placeholder-text]\nseverity = \"info\"\nextend-placeholders = [\"INSERT QUOTE\"]\n").unwrap();
        assert!(cfg.rule("quote-marks").is_none());
        assert_eq!(
            cfg.rule("placeholder-text").map(|r| r.severity),
            Some(Severity::Info)
        );
    }

    #[test]
    fn syntax_errors_and_unknown_sections_have_spans() {
        let e = Config::from_toml("c.toml", "[rules\n").unwrap_err();
        assert!(e.span.is_some());
        let e = Config::from_toml("c.toml", "[rule.x]\n").unwrap_err();
        assert!(e.message.contains("unknown field `rule`"), "{}", e.message);
    }
}
