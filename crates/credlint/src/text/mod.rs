//! The text model: what the file says, cut into paragraphs, sentences, tokens and
//! quotations, every piece a byte span into the file as read.

pub mod furniture;
pub mod html;
pub mod line_index;
pub mod markdown;
pub mod packed;
pub mod possessive;
pub mod quotes;
pub mod segment;
pub mod swar;

use std::borrow::Cow;
use std::ops::Range;

pub use line_index::{LineCol, LineIndex, Position, PositionEncoding};
pub use quotes::{Quote, QuoteIssue, QuoteIssueKind};

/// A byte range into the file, end exclusive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub struct Span {
    /// The first byte.
    pub start: usize,
    /// The byte after the last.
    pub end: usize,
}

impl Span {
    /// The bytes `start..end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    /// Its length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    /// Whether it holds no byte.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// Whether `other` lies within it.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    /// Whether it and `other` share a byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The smallest span holding both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
    /// Its text in `src` (empty when it is not a range of `src`).
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        src.get(self.start..self.end).unwrap_or("")
    }
    /// As a range, to index a string.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Does `word` start with an uppercase letter? Reads the first byte when it is ASCII
/// (nearly always), and decodes only otherwise.
#[inline]
pub fn starts_upper(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => word.chars().next().is_some_and(char::is_uppercase),
        None => false,
    }
}

/// `s` lowercased, as `str::to_lowercase` does it. An ASCII text (nearly every word and
/// name asked about) is lowercased byte by byte in one copy, without the Unicode tables.
pub fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// The longest text the model holds (4 GiB less a byte): a token's offsets are kept in
/// 32 bits, which halves the token list. Files are refused above it when read; a longer
/// text given to the text model is segmented up to the last paragraph ending within it.
pub const MAX_TEXT: usize = u32::MAX as usize;

/// How a file's text is read: Markdown and HTML lint prose only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text: every line is prose.
    Text,
    /// Markdown: code, front matter and markup are not prose.
    Markdown,
    /// An HTML page: the article's prose, decoded (see the `[html]` configuration).
    Html,
}

impl Format {
    /// The format a file's extension says (`.md`, `.markdown`, `.mdx`, `.html`, `.htm`;
    /// anything else is plain text). Front ends guess with it; the library takes the
    /// format it is given.
    pub fn from_path(path: &str) -> Format {
        let ext = path.rsplit_once('.').map_or("", |(_, e)| e);
        let is = |e: &str| ext.eq_ignore_ascii_case(e) && !ext.contains(['/', '\\']);
        if is("md") || is("markdown") || is("mdx") {
            Format::Markdown
        } else if is("html") || is("htm") {
            Format::Html
        } else {
            Format::Text
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    Quote,
    Dash,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offsets into the file, in 32 bits (see [`MAX_TEXT`]): twelve bytes a token,
    /// not twenty-four, so that the list the name finder, the grammar and the rules all
    /// walk stays in the cache. [`Token::span`] gives them as a [`Span`].
    pub start: u32,
    pub end: u32,
    pub kind: TokenKind,
    /// The first character is uppercase (read once here: the name finder, the grammar
    /// and the rules all ask).
    pub cap: bool,
}

impl Token {
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.start as usize..self.end as usize]
    }
    /// Where the token is in the file.
    #[inline]
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

#[derive(Clone, Debug)]
pub struct Paragraph {
    pub span: Span,
    pub sentences: Range<usize>,
    pub tokens: Range<usize>,
    /// A heading, or a one-line paragraph without terminal punctuation.
    pub headline: bool,
    /// A database export's summary deck ([`SummaryDeck`]): a headline whose sentences end
    /// with full stops.
    pub deck: bool,
    /// An editor's note, a correction or an update ([`is_note`]): the publication
    /// speaking about its story, not the story.
    pub note: bool,
}

#[derive(Clone, Debug)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Range<usize>,
    pub paragraph: usize,
    pub headline: bool,
}

/// The segmented text of one file.
pub struct TextModel<'a> {
    /// The file as read.
    pub source: &'a str,
    /// The prose view: same length and offsets as `source`, with non-prose blanked out.
    pub prose: Cow<'a, str>,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub quotes: Vec<Quote>,
    pub quote_issues: Vec<QuoteIssue>,
    /// Indices of the word tokens that start with a capital, in order.
    pub capitalised: Vec<u32>,
    /// Page navigation (breadcrumbs, comment counters, menu links; see [`furniture`]),
    /// blanked out of `prose` so that no rule reads it.
    pub debris: Vec<Span>,
}

/// The headings a page marks, asked whether one holds a paragraph: sorted once, so each
/// question is a binary search rather than a pass over every heading (a Markdown file of
/// nothing but headings was quadratic: 400 KB took 0.6 s).
struct Headings(Vec<(usize, usize)>);

impl Headings {
    /// Headings never nest (Markdown and HTML both close one before the next opens), so
    /// the only one that can hold a span is the last to start at or before it.
    fn new(spans: &[(usize, usize)]) -> Self {
        let mut v = spans.to_vec();
        v.sort_unstable();
        Headings(v)
    }

    fn contains(&self, span: Span) -> bool {
        let i = self.0.partition_point(|&(s, _)| s <= span.start);
        i > 0 && span.end <= self.0[i - 1].1
    }
}

impl<'a> TextModel<'a> {
    pub fn new(source: &'a str, markdown: bool) -> Self {
        if markdown {
            let md = markdown::prose(source);
            Self::from_prose(
                source,
                Cow::Owned(md.prose),
                true,
                &md.block_ends,
                &md.headings,
            )
        } else {
            Self::from_prose(source, Cow::Borrowed(source), false, &[], &[])
        }
    }

    /// The model of an HTML page's prose (see [`html::prose`]): its text is the source,
    /// one paragraph a line, headings as the page marks them.
    pub fn html(page: &'a html::HtmlProse) -> Self {
        Self::from_prose(
            &page.text,
            Cow::Borrowed(&page.text),
            true,
            &[],
            &page.headings,
        )
    }

    /// The model of `source` read through its prose view: `prose` has the source's length
    /// and offsets; with `blocks`, only blank lines and `block_ends` end a paragraph.
    fn from_prose(
        source: &'a str,
        prose: Cow<'a, str>,
        blocks: bool,
        block_ends: &[usize],
        headings: &[(usize, usize)],
    ) -> Self {
        let markdown = blocks;
        let prose = mask_urls(prose);
        let debris = furniture::debris(&prose);
        let prose = if debris.is_empty() {
            prose
        } else {
            Cow::Owned(furniture::blank(prose.into_owned(), &debris))
        };
        let mut para_spans = segment::paragraphs(&prose, markdown, block_ends);
        if prose.len() > MAX_TEXT {
            para_spans.retain(|p| p.end <= MAX_TEXT);
        }
        // news prose runs about one token per 4.5 bytes: sized so that it is not regrown
        let mut tokens = Vec::with_capacity(source.len() / 4 + 8);
        let mut sentences = Vec::with_capacity(tokens.capacity() / 16 + 1);
        let mut paragraphs = Vec::with_capacity(para_spans.len());
        // the paragraph's tokens off the tokenizer's fast path, the only ones that can
        // end a sentence early
        let mut slow = Vec::new();
        for (pi, span) in para_spans.into_iter().enumerate() {
            let t0 = tokens.len();
            slow.clear();
            segment::tokenize(&prose, span, &mut tokens, &mut slow);
            let s0 = sentences.len();
            if tokens.len() > t0 {
                let range = t0..tokens.len();
                segment::sentences(&prose, &tokens, range, &slow, pi, &mut sentences);
            }
            paragraphs.push(Paragraph {
                span,
                sentences: s0..sentences.len(),
                tokens: t0..tokens.len(),
                headline: false,
                deck: false,
                note: false,
            });
        }
        let n_paragraphs = paragraphs.len();
        let headings = Headings::new(headings);
        let mut summary = SummaryDeck::default();
        for (pi, p) in paragraphs.iter_mut().enumerate() {
            p.deck = summary.holds(pi, p.span.text(&prose));
            p.note = is_note(p.span.text(&prose));
            let heading = headings.contains(p.span) || p.deck;
            // a story's first line is its headline, even with a full stop after it
            // ("Former DNC chairman calls for Clinton contingency plan.")
            // (the words are counted only for the first paragraph, the only one asked)
            let title_line = pi == 0
                && n_paragraphs > 1
                && p.sentences.len() == 1
                && tokens[p.tokens.clone()]
                    .iter()
                    .filter(|t| t.kind == TokenKind::Word)
                    .count()
                    <= 12
                && !tokens[p.tokens.clone()]
                    .last()
                    .is_some_and(|t| t.kind == TokenKind::Quote);
            p.headline =
                heading || title_line || segment::is_headline(&prose, p, &sentences, &tokens);
            for s in &mut sentences[p.sentences.clone()] {
                s.headline = p.headline;
            }
            // a headline with a full stop, alone or run into the story's first paragraph
            // ("Clinton Wins Nevada. LAS VEGAS — …"): a first sentence in title case
            if pi == 0 && !p.headline && n_paragraphs > 1 {
                let first = &mut sentences[p.sentences.start];
                first.headline = segment::title_case(&tokens[first.tokens.clone()]);
            }
        }
        let (quotes, quote_issues) = quotes::find(&prose, &paragraphs, &tokens);
        // written without a branch per token: every index is stored, and the cursor moves
        // on only past a capitalised word (a branch would be mispredicted about one time
        // in seven)
        let mut capitalised = vec![0u32; tokens.len()];
        let mut n = 0;
        for (i, t) in tokens.iter().enumerate() {
            capitalised[n] = i as u32;
            n += usize::from(t.cap & (t.kind == TokenKind::Word));
        }
        capitalised.truncate(n);
        TextModel {
            source,
            prose,
            paragraphs,
            sentences,
            tokens,
            quotes,
            quote_issues,
            capitalised,
            debris,
        }
    }

    pub fn tok(&self, i: usize) -> &str {
        self.tokens[i].text(&self.prose)
    }

    /// Index of the sentence holding byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }

    /// Index of the paragraph holding byte `offset`, if any.
    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.span.end <= offset);
        (i < self.paragraphs.len() && self.paragraphs[i].span.start <= offset).then_some(i)
    }

    /// Index of the first token starting at or after `offset`.
    pub fn token_at(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| t.span().start < offset)
    }

    /// The spans of the double-mark quotations, sorted by start.
    pub fn double_quote_spans(&self) -> Vec<Span> {
        let mut v: Vec<Span> = self
            .quotes
            .iter()
            .filter(|q| !q.single)
            .map(|q| q.span)
            .collect();
        v.sort();
        v
    }
}

/// Blanks bare URLs (http://, https://, www.) and markup tags (`<tweet author="…">`) so
/// they are never read as prose.
fn mask_urls(prose: Cow<'_, str>) -> Cow<'_, str> {
    // memchr's searchers: `str::contains` took about one instruction a byte
    let bytes = prose.as_bytes();
    let tags = memchr::memchr(b'<', bytes).is_some() && memchr::memchr(b'>', bytes).is_some();
    // searchers built once per run: a one-off search builds its searcher every time
    static HTTP: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"http"));
    static WWW: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"www."));
    let has = |finder: &memchr::memmem::Finder| finder.find(bytes).is_some();
    if !has(&HTTP) && !has(&WWW) && !tags {
        return prose;
    }
    let mut bytes = prose.into_owned().into_bytes();
    if tags {
        let mut i = 0;
        while i < bytes.len() {
            let tag_start = bytes[i] == b'<'
                && bytes
                    .get(i + 1)
                    .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/' || *b == b'!');
            if tag_start
                && let Some(len) = bytes[i..]
                    .iter()
                    .take(2000)
                    .position(|&b| b == b'>' || b == b'\n')
                && bytes[i + len] == b'>'
            {
                // the tag opens and closes on ASCII marks, so it holds whole characters:
                // every byte is blanked, curly marks in attributes too (`href=”…”`)
                for b in &mut bytes[i..=i + len] {
                    if *b != b'\n' {
                        *b = b' ';
                    }
                }
                i += len + 1;
                continue;
            }
            i += 1;
        }
    }
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        let at_word_start = i == 0
            || bytes[i - 1].is_ascii_whitespace()
            || matches!(bytes[i - 1], b'(' | b'<' | b'[');
        if at_word_start
            && (rest.starts_with(b"http://")
                || rest.starts_with(b"https://")
                || rest.starts_with(b"www."))
        {
            let mut j = i;
            while j < bytes.len()
                && !bytes[j].is_ascii_whitespace()
                && !matches!(bytes[j], b')' | b'>' | b']')
            {
                j += 1;
            }
            // keep a trailing full stop: it ends the sentence
            let end = if j > i && matches!(bytes[j - 1], b'.' | b',') {
                j - 1
            } else {
                j
            };
            for b in &mut bytes[i..end] {
                // only ASCII bytes are blanked; non-ASCII URL bytes are kept so the
                // buffer stays valid UTF-8
                if b.is_ascii() {
                    *b = b' ';
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
    Cow::Owned(String::from_utf8(bytes).unwrap_or_default())
}

/// Does a paragraph open as an editor's note, a correction or an update ("Editor’s note:
/// …", "CORRECTION: An earlier version …", "UPDATE: 5/12 — …", "Correction appended",
/// "This story has been updated …")? Such a paragraph is the publication speaking about
/// its story: what it says an earlier version reported is no sourcing of this one.
fn is_note(text: &str) -> bool {
    const LABELS: &[&str] = &[
        "editor's note",
        "editor’s note",
        "editors' note",
        "editors’ note",
        "correction",
        "clarification",
        "update",
    ];
    const OPENINGS: &[&str] = &[
        "an earlier version of this",
        "this story has been updated",
        "this article has been updated",
        "this post has been updated",
        "this story was updated",
        "this article was updated",
    ];
    let t = text.trim_start();
    // compared in place on a short prefix: every paragraph of every file is asked
    let starts = |p: &str| {
        t.get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p))
    };
    let labelled = LABELS.iter().any(|l| {
        let rest = || t[l.len()..].trim_start();
        starts(l)
            && (rest().is_empty()
                || rest().starts_with([':', '.', '—', '–', '-'])
                || rest()
                    .get(..8)
                    .is_some_and(|w| w.eq_ignore_ascii_case("appended")))
    });
    labelled || OPENINGS.iter().any(|o| starts(o))
}

/// A database export's summary before the story: "ABSTRACT." (or "SUMMARY:") on a line of
/// its own, the abstract, then "FULL TEXT." (LexisNexis and ProQuest copy look so). The
/// labels and the abstract are page furniture, as a headline's deck is: the story says
/// it all again, with its sources.
#[derive(Default)]
struct SummaryDeck {
    /// The paragraph of the opening label, while the deck is open.
    open: Option<usize>,
}

impl SummaryDeck {
    /// How many paragraphs a deck with no closing label may hold.
    const MAX: usize = 3;

    /// Whether paragraph `pi`, whose text is `text`, belongs to the deck (label or abstract).
    fn holds(&mut self, pi: usize, text: &str) -> bool {
        // compared in place: every paragraph of every file is asked
        let label = text.trim().trim_end_matches(['.', ':']);
        let is = |l: &str| label.eq_ignore_ascii_case(l);
        if pi < 4 && (is("ABSTRACT") || is("SUMMARY")) {
            self.open = Some(pi);
            return true;
        }
        let Some(from) = self.open else {
            return false;
        };
        let closes = is("FULL TEXT") || is("TEXT");
        if closes || pi > from + Self::MAX {
            self.open = None;
            return closes;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn headings_answer_as_a_scan_of_every_heading() {
        // disjoint headings, given out of order, and spans around, inside and across them
        let spans = [(40, 52), (0, 10), (20, 30), (30, 35)];
        let h = super::Headings::new(&spans);
        for start in 0..60 {
            for end in start..60 {
                let span = super::Span::new(start, end);
                let plain = spans.iter().any(|&(s, e)| s <= start && end <= e);
                assert_eq!(h.contains(span), plain, "{start}..{end}");
            }
        }
        assert!(!super::Headings::new(&[]).contains(super::Span::new(0, 0)));
    }

    #[test]
    fn editors_notes_corrections_and_updates_are_notes() {
        for text in [
            "Editor’s note: Ada Roe is a former adviser to the mayor.",
            "CORRECTION: An earlier version misstated the vote.",
            "Correction appended",
            "UPDATE: 5/12 — The website has removed the listing.",
            "Clarification. The council has two members from Ward 3.",
            "An earlier version of this article misspelled a name.",
            "This story has been updated to include the mayor’s comments.",
        ] {
            assert!(super::is_note(text), "{text}");
        }
        for text in [
            "Corrections officers said the jail was full.",
            "The update to the app arrived on Monday.",
            "Updated figures show a rise in rents.",
            "Editor and publisher Ada Roe said the paper would close.",
        ] {
            assert!(!super::is_note(text), "{text}");
        }
    }

    #[test]
    fn a_database_exports_summary_deck_is_furniture() {
        let text = "Terrorists mock bids\n\nABSTRACT.\n\nSome technologists say it failed.\n\n\
                    FULL TEXT.\n\nSome technologists say it failed.\n\nIt went on.";
        let tm = super::TextModel::new(text, false);
        let decks: Vec<bool> = tm.paragraphs.iter().map(|p| p.deck).collect();
        assert_eq!(decks, [false, true, true, true, false, false]);
        assert!(tm.paragraphs[1..4].iter().all(|p| p.headline));
        // with no closing label the deck ends after three paragraphs; a label late in the
        // story opens none
        let mut deck = super::SummaryDeck::default();
        let held: Vec<bool> = (0..6)
            .map(|i| deck.holds(i, if i == 1 { "Summary:" } else { "Prose." }))
            .collect();
        assert_eq!(held, [false, true, true, true, true, false]);
        assert!(!super::SummaryDeck::default().holds(9, "ABSTRACT."));
    }

    #[test]
    fn lowercase_is_to_lowercase() {
        for s in [
            "",
            "Said",
            "U.S. OFFICIAL",
            "Orbán",
            "ΣΑΣ",
            "İstanbul",
            "\u{212A}elvin",
            "a1-B2",
        ] {
            assert_eq!(super::lowercase(s), s.to_lowercase(), "{s}");
        }
    }
}
