//! The document every rule reads: the text model, the people it names and the
//! attributions, built once per file.

use crate::grammar::{self, Attribution, QuoteSpeaker};
use crate::lexicon::Lexicon;
use crate::names::People;
use crate::names::index::{Context, DocNames, DocPerson};
use crate::names::registry::NameRegistry;
use crate::text::html::{HtmlProse, Selector, SpanMap};
use crate::text::{Format, Span, TextModel};

/// What building a document needs of the configuration: the lexicon, the names registry
/// and which parts of an HTML page to skip. [`crate::config::Config`] gives them; the trait
/// keeps the document a layer below the configuration (which knows every rule).
pub trait Settings {
    /// The attribution lexicon.
    fn lexicon(&self) -> &Lexicon;
    /// The newsroom's names registry.
    fn registry(&self) -> &NameRegistry;
    /// The selectors of the parts of an HTML page that are not the article's prose.
    fn html_skip(&self) -> &[Selector];
}

/// A file analysed: its text model, the people it names and its attributions, built
/// once and read by every rule (and by [`crate::extract`]). Opaque outside the library.
pub struct Document<'a> {
    pub(crate) path: &'a str,
    /// The file as read. The text model's source is the file itself, except for HTML,
    /// whose model reads the article's decoded prose (see [`Document::file_span`]).
    pub(crate) file: &'a str,
    /// For HTML: the map from the prose's offsets back to the file's.
    map: Option<&'a SpanMap>,
    pub(crate) text: TextModel<'a>,
    /// The lexicon class flags of each token (0 for tokens that are not words).
    pub(crate) flags: Vec<u32>,
    pub(crate) people: People,
    pub(crate) attributions: Vec<Attribution>,
    /// One per `text.quotes` entry.
    pub(crate) quote_speakers: Vec<QuoteSpeaker>,
    pub(crate) lexicon: &'a Lexicon,
    pub(crate) registry: &'a NameRegistry,
    /// The prose with ASCII letters lowercased, built on first use (see [`Document::lower`]).
    lower: std::cell::OnceCell<String>,
}

/// A file made ready for its [`Document`]: an HTML page's prose is extracted here, and
/// lives as long as the documents built on it.
pub struct Input<'a> {
    path: &'a str,
    file: &'a str,
    format: Format,
    html: Option<HtmlProse>,
}

impl<'a> Input<'a> {
    /// `file` read as `format` (the format is the caller's to say; [`Format::from_path`]
    /// guesses it from a name). `config` is a [`crate::Config`].
    pub fn new(path: &'a str, file: &'a str, format: Format, config: &dyn Settings) -> Self {
        let html =
            (format == Format::Html).then(|| crate::text::html::prose(file, config.html_skip()));
        Input {
            path,
            file,
            format,
            html,
        }
    }

    /// The document of this file (what [`Document::new`] builds, for a format given
    /// explicitly).
    pub fn document<'b>(&'b self, config: &'b dyn Settings) -> Document<'b>
    where
        'a: 'b,
    {
        match &self.html {
            Some(page) => Document::build(
                self.path,
                self.file,
                Some(&page.map),
                TextModel::html(page),
                config,
            ),
            None => {
                let markdown = self.format == Format::Markdown;
                let text = TextModel::new(self.file, markdown);
                Document::build(self.path, self.file, None, text, config)
            }
        }
    }
}

impl<'a> Document<'a> {
    /// The document of a plain-text or Markdown file, the format guessed from `path`
    /// (an HTML page needs its prose extracted first: see [`Input`]). `config` is a
    /// [`crate::Config`].
    pub fn new(path: &'a str, source: &'a str, config: &'a dyn Settings) -> Self {
        let markdown = Format::from_path(path) == Format::Markdown;
        Document::build(path, source, None, TextModel::new(source, markdown), config)
    }

    fn build(
        path: &'a str,
        file: &'a str,
        map: Option<&'a SpanMap>,
        text: TextModel<'a>,
        config: &'a dyn Settings,
    ) -> Self {
        let flags = config.lexicon().token_flags(&text);
        let mut people = People::find(&text, config.lexicon(), &flags);
        let ex = grammar::extract(&text, config.lexicon(), &people, &flags);
        // a person the grammar found speaking is a person, whatever the name looks like
        people.mark_speakers(ex.attributions.iter().filter_map(|a| a.speaker.as_deref()));
        Document {
            path,
            file,
            map,
            text,
            flags,
            people,
            attributions: ex.attributions,
            quote_speakers: ex.quotes,
            lexicon: config.lexicon(),
            registry: config.registry(),
            lower: std::cell::OnceCell::new(),
        }
    }

    /// Where `span` of the text model is in the file as written: itself, except in an
    /// HTML page, whose prose is mapped back through its entities and markup.
    pub(crate) fn file_span(&self, span: Span) -> Span {
        self.map.map_or(span, |m| m.to_file(span))
    }

    /// Moves the spans of `diags`, found in this document, to the file's offsets.
    pub(crate) fn to_file(&self, diags: &mut [crate::diagnostic::Diagnostic]) {
        if self.map.is_none() {
            return;
        }
        for d in diags {
            d.span = self.file_span(d.span);
            for r in d.related.iter_mut().filter(|r| r.path.is_none()) {
                r.span = self.file_span(r.span);
            }
            for edit in [&mut d.fix, &mut d.suggestion].into_iter().flatten() {
                edit.span = self.file_span(edit.span);
            }
        }
    }

    /// The prose view of the file (same offsets as the file).
    pub(crate) fn prose(&self) -> &str {
        &self.text.prose
    }

    /// The prose with ASCII letters lowercased: same length and offsets. Rules that match
    /// word lists ignoring case search this with a case-sensitive automaton, which can use
    /// a vectorised prefilter (a case-insensitive one reads every byte through its states).
    pub(crate) fn lower(&self) -> &str {
        self.lower
            .get_or_init(|| self.text.prose.to_ascii_lowercase())
    }
}

// Defined here, beside the document it reads: `names` is a layer below the document.
impl DocNames {
    /// The people of a linted document that have evidence of being people and a full name.
    /// `index` is the line index of the document's text.
    pub(crate) fn from_document(doc: &Document, index: &crate::text::LineIndex) -> DocNames {
        let mut people = Vec::new();
        for p in &doc.people.persons {
            if p.words.len() < 2 || p.evidence == 0 {
                continue;
            }
            let mentions = p.mentions.iter().map(|&m| &doc.people.mentions[m]);
            let Some(first) = mentions
                .clone()
                .find(|m| m.words.len() == p.words.len())
                .or_else(|| mentions.clone().next())
                .map(|m| m.span)
            else {
                continue;
            };
            // in the file as written (an HTML page's prose is not the file)
            let first = doc.file_span(first);
            let first_position = index.span(doc.file, first);
            people.push(DocPerson {
                full: p.words.join(" ").into_boxed_str(),
                first,
                first_position,
            });
        }
        DocNames {
            path: doc.path.to_string(),
            people,
            context: Context::of_document(doc),
        }
    }
}

// Defined here for the same reason as `DocNames::from_document`.
impl Context {
    /// The context of a linted document: its capitalised words that do not open a
    /// sentence or a quotation, are not acronyms, and that the lexicon does not know as
    /// function words, days and months, or titles.
    pub(crate) fn of_document(doc: &Document) -> Context {
        use crate::lexicon::class::*;
        let tm = &doc.text;
        let text = doc.prose();
        let mut hashes = Vec::new();
        let mut si = 0;
        for &ti in &tm.capitalised {
            let ti = ti as usize;
            while si < tm.sentences.len() && tm.sentences[si].tokens.end <= ti {
                si += 1;
            }
            let opens_sentence = tm.sentences.get(si).is_some_and(|s| s.tokens.start == ti);
            let after_opening_mark = ti
                .checked_sub(1)
                .is_some_and(|p| matches!(tm.tokens[p].text(text), "“" | "\"" | "‘" | "(" | "—"));
            let w = tm.tokens[ti].text(text);
            let acronym = w
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
            let common = doc.flags[ti] & (FUNCTION | DET | PREP | PRONOUN | AUX | TEMPORAL | TITLE);
            if opens_sentence
                || after_opening_mark
                || acronym
                || common != 0
                || w.chars().count() < 3
            {
                continue;
            }
            hashes.push(Context::hash(w));
        }
        Context::from_hashes(hashes)
    }
}
