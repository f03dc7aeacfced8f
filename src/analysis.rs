//! The document every rule reads: the text model, the people it names and the
//! attributions, built once per file.

use crate::config::Config;
use crate::grammar::lexicon::Lexicon;
use crate::grammar::{self, Attribution, QuoteSpeaker};
use crate::names::People;
use crate::names::registry::NameRegistry;
use crate::text::{Format, TextModel};

pub struct Document<'a> {
    pub path: &'a str,
    pub text: TextModel<'a>,
    /// The lexicon class flags of each token (0 for tokens that are not words).
    pub flags: Vec<u32>,
    pub people: People,
    pub attributions: Vec<Attribution>,
    /// One per `text.quotes` entry.
    pub quote_speakers: Vec<QuoteSpeaker>,
    pub lexicon: &'a Lexicon,
    pub registry: &'a NameRegistry,
    /// The prose with ASCII letters lowercased, built on first use (see [`Document::lower`]).
    lower: std::cell::OnceCell<String>,
}

impl<'a> Document<'a> {
    pub fn new(path: &'a str, source: &'a str, config: &'a Config) -> Self {
        let markdown = Format::from_path(path) == Format::Markdown;
        let text = TextModel::new(source, markdown);
        let flags = config.lexicon.token_flags(&text);
        let mut people = People::find(&text, &config.lexicon, &flags);
        let ex = grammar::extract(&text, &config.lexicon, &people, &flags);
        // a person the grammar found speaking is a person, whatever the name looks like
        people.mark_speakers(ex.attributions.iter().filter_map(|a| a.speaker.as_deref()));
        Document {
            path,
            text,
            flags,
            people,
            attributions: ex.attributions,
            quote_speakers: ex.quotes,
            lexicon: &config.lexicon,
            registry: &config.names,
            lower: std::cell::OnceCell::new(),
        }
    }

    /// The prose view of the file (same offsets as the file).
    pub fn prose(&self) -> &str {
        &self.text.prose
    }

    /// The prose with ASCII letters lowercased: same length and offsets. Rules that match
    /// word lists ignoring case search this with a case-sensitive automaton, which can use
    /// a vectorised prefilter (a case-insensitive one reads every byte through its states).
    pub fn lower(&self) -> &str {
        self.lower
            .get_or_init(|| self.text.prose.to_ascii_lowercase())
    }
}
