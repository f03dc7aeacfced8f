//! What an editor asks about a place in a document: which source an attribution under
//! the cursor rests on (hover), which person named there the names registry does not
//! know yet (a code action), and the names a document contributes to the cross-file
//! check. Each question builds the document afresh from the editor's text; the answers
//! carry spans in the file as written (an HTML page's prose is mapped back).

use crate::SourceFile;
use crate::analysis::{Document, Input};
use crate::config::Config;
use crate::extract::{self, LedgerRow};
use crate::names::index::{Context, DocNames};
use crate::text::{LineIndex, Span};

/// The attribution under a place of a document: where its cue or source is, and the
/// source it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceAt {
    /// The cue ("said") or the source ("a senior official") the place falls in.
    pub span: Span,
    /// The source's row of the document's ledger (`credlint sources`); `None` for an
    /// agentless attribution ("it was revealed"), which rests on no one.
    pub row: Option<LedgerRow>,
}

/// The attribution whose cue or source covers byte `offset` of `file`, and its source.
/// `None` when no attribution is there (or its source has no ledger row).
pub fn source_at(file: &SourceFile<'_>, config: &Config, offset: usize) -> Option<SourceAt> {
    let input = Input::new(file.path, file.text, file.format, config);
    let doc = input.document(config);
    let under = |s: Span| {
        let s = doc.file_span(s);
        (s.start <= offset && offset < s.end).then_some(s)
    };
    let parts = |a: &crate::grammar::Attribution| [Some(a.cue), a.source, a.source_full];
    let (i, a) = doc
        .attributions
        .iter()
        .enumerate()
        .find(|(_, a)| parts(a).into_iter().flatten().any(|s| under(s).is_some()))?;
    let span = parts(a).into_iter().flatten().find_map(under)?;
    if a.is_sourceless() {
        return Some(SourceAt { span, row: None });
    }
    let (key, _, _) = extract::source_key(&doc, &doc.attributions, i)?;
    let want = crate::text::lowercase(&key);
    let row = extract::ledger(&doc)
        .sources
        .into_iter()
        .find(|r| crate::text::lowercase(&r.source) == want)?;
    Some(SourceAt {
        span,
        row: Some(row),
    })
}

/// The full name of the person mentioned at byte `offset` of `file`, when the
/// configuration's names registry does not list it (nor as a variant) and the document
/// gives evidence that it is a person's name of two words or more: what an editor offers
/// to add to the registry.
pub fn unregistered_person_at(
    file: &SourceFile<'_>,
    config: &Config,
    offset: usize,
) -> Option<String> {
    let input = Input::new(file.path, file.text, file.format, config);
    let doc = input.document(config);
    let people = &doc.people;
    let m = people.mentions.iter().find(|m| {
        let s = doc.file_span(m.span);
        s.start <= offset && offset < s.end
    })?;
    let person = &people.persons[m.person];
    let known = config.knows_name(&person.full);
    (person.words.len() >= 2 && person.evidence > 0 && !known).then(|| person.full.clone())
}

/// The names `file` contributes to the cross-file name check, without running the rules
/// (what [`crate::lint_file`] gives with its findings): for a file an editor only reads.
pub fn names_of(file: &SourceFile<'_>, config: &Config) -> DocNames {
    let input = Input::new(file.path, file.text, file.format, config);
    let doc: Document = input.document(config);
    DocNames::from_document(&doc, &LineIndex::new(file.text))
}

impl DocNames {
    /// The names of a document that names no one (a file whose names were not gathered).
    pub fn none(path: &str) -> DocNames {
        DocNames {
            path: path.to_string(),
            people: Vec::new(),
            context: Context::default(),
        }
    }
}

// The names registry stays the configuration's own; an editor asks it two questions.
impl Config {
    /// Whether the names registry lists `full` as a canonical name or as a variant.
    pub fn knows_name(&self, full: &str) -> bool {
        self.names.entry(full).is_some() || self.names.variant_of(full).is_some()
    }

    /// The registry's rewrites: each variant spelling with the canonical name it becomes.
    pub fn name_rewrites(&self) -> impl Iterator<Item = (&str, &str)> {
        self.names.rewrites()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Format;

    fn file(text: &str) -> SourceFile<'_> {
        SourceFile {
            path: "a.txt",
            text,
            format: Format::Text,
        }
    }

    #[test]
    fn the_source_under_a_cue_is_its_ledger_row() {
        let config = Config::builtin().expect("built-in config");
        let text = "Ana Ortiz said the budget would pass. It was revealed on Monday.";
        let said = text.find("said").expect("in the text");
        let at = source_at(&file(text), &config, said + 1).expect("an attribution");
        assert_eq!(at.span.text(text), "said");
        let row = at.row.expect("a named source");
        assert_eq!((row.source.as_str(), row.attributions), ("Ana Ortiz", 1));
        let revealed = text.find("revealed").expect("in the text");
        let agentless = source_at(&file(text), &config, revealed).expect("an attribution");
        assert_eq!(agentless.row, None);
        assert_eq!(
            source_at(&file(text), &config, text.find("budget").expect("")),
            None
        );
    }

    #[test]
    fn a_person_the_registry_knows_is_not_offered() {
        let text = "Ana Ortiz said the budget would pass. Ortiz, the mayor, said so again.";
        let builtin = Config::builtin().expect("built-in config");
        let name = unregistered_person_at(&file(text), &builtin, 2);
        assert_eq!(name.as_deref(), Some("Ana Ortiz"));
        let toml = "[[names]]\ncanonical = \"Ana Ortiz\"\nvariants = []\n";
        let registered = Config::from_toml("credlint.toml", toml).expect("valid registry");
        assert!(registered.knows_name("Ana Ortiz"));
        assert_eq!(unregistered_person_at(&file(text), &registered, 2), None);
        assert_eq!(names_of(&file(text), &builtin).people.len(), 1);
        assert!(DocNames::none("b.txt").people.is_empty());
    }
}
