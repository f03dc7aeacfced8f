//! Quotations: curly and straight, double and single, and the news convention of a quote
//! continued across paragraphs (each continued paragraph reopens, only the last closes).

use super::{Paragraph, Span, Token, TokenKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark through the closing mark (or the paragraph's end when the
    /// quote is continued or never closed).
    pub span: Span,
    pub paragraph: usize,
    pub single: bool,
    pub closed: bool,
    /// The quote of an earlier paragraph that this one continues, and the one that
    /// continues this: indices in 32 bits (8 bytes each, not 16), as a flood of marks
    /// makes one quote a mark (see [`Quote::continues`] and the size test below).
    continues: Option<u32>,
    continued_by: Option<u32>,
}

impl Quote {
    /// The index of the quote of an earlier paragraph that this one continues.
    pub fn continues(&self) -> Option<usize> {
        self.continues.map(|i| i as usize)
    }

    /// The index of the quote of a later paragraph that continues this one.
    pub fn continued_by(&self) -> Option<usize> {
        self.continued_by.map(|i| i as usize)
    }

    /// The quoted words without the marks.
    pub fn inner(&self, text: &str) -> Span {
        let s = &text[self.span.start..self.span.end];
        let mut start = self.span.start;
        let mut end = self.span.end;
        let open_len = if s.starts_with("''") || s.starts_with("``") {
            2
        } else {
            s.chars()
                .next()
                .filter(|c| is_mark(*c))
                .map_or(0, char::len_utf8)
        };
        start += open_len;
        if self.closed {
            end -= if s.len() >= open_len + 2 && s.ends_with("''") {
                2
            } else {
                s.chars()
                    .next_back()
                    .filter(|c| is_mark(*c))
                    .map_or(0, char::len_utf8)
            };
        }
        Span::new(start, end.max(start))
    }
}

fn is_mark(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '‘' | '’' | '"' | '\'' | '«' | '»' | '„' | '`'
    )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteIssueKind {
    /// An opening mark whose quote never closes (and is not continued).
    NeverClosed,
    /// A closing mark with no quote open.
    StrayClose,
    /// An opening mark where the quote should close ("… sanctions “Sullivan explained.").
    OpeningUsedAsClose,
    /// A closing mark where a quote opens ("”Yes,” he said").
    ClosingUsedAsOpen,
    /// A paragraph that goes on with an open quote without reopening it.
    NotReopened,
}

/// A problem with a mark. Offsets in 32 bits, as in [`Token`] (the text model caps a text
/// at [`super::MAX_TEXT`]): a flood of marks makes one of these a mark, and 24 bytes
/// each instead of 48 halves what they hold (see the size test below).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteIssue {
    pub kind: QuoteIssueKind,
    span: [u32; 2],
    related: Option<[u32; 2]>,
}

impl QuoteIssue {
    fn new(kind: QuoteIssueKind, span: Span, related: Option<Span>) -> Self {
        let pack = |s: Span| [offset(s.start), offset(s.end)];
        QuoteIssue {
            kind,
            span: pack(span),
            related: related.map(pack),
        }
    }

    /// The mark (or the first word of a paragraph not reopened).
    pub fn span(&self) -> Span {
        Span::new(self.span[0] as usize, self.span[1] as usize)
    }

    /// The opening mark of the quote concerned, where there is one.
    pub fn related(&self) -> Option<Span> {
        self.related.map(|[s, e]| Span::new(s as usize, e as usize))
    }
}

/// A byte offset of the text model, which holds at most [`super::MAX_TEXT`] bytes (and
/// so as many marks and quotes at most: an index of a quote fits too).
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mark {
    Open(bool),
    Close(bool),
    Apostrophe,
}

fn classify(text: &str, t: &Token) -> Mark {
    let glyph = t.text(text);
    let c = match glyph {
        "''" => '"',
        "``" => '“',
        _ => glyph.chars().next().unwrap_or(' '),
    };
    let span = t.span();
    let prev = text[..span.start].chars().next_back();
    let next = text[span.end..].chars().next();
    let prev_space =
        prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | '/'));
    let next_space = next.is_none_or(|n| n.is_whitespace());
    match c {
        '“' | '„' | '«' => Mark::Open(false),
        '”' | '»' => {
            if prev_space && !next_space && next.is_some_and(|n| n.is_alphanumeric()) {
                Mark::Open(false) // flagged as ClosingUsedAsOpen by the caller
            } else {
                Mark::Close(false)
            }
        }
        '"' => {
            // "Gowdy:"I have not heard …": a colon set tight against the opening mark
            let after_colon = prev == Some(':') && next.is_some_and(char::is_alphanumeric);
            if (prev_space || after_colon) && !next_space {
                Mark::Open(false)
            } else {
                Mark::Close(false)
            }
        }
        '‘' => {
            if next.is_some_and(|n| n.is_ascii_digit()) {
                Mark::Apostrophe // ‘90s
            } else {
                Mark::Open(true)
            }
        }
        _ => {
            // ’ or '
            let prev_alnum = prev.is_some_and(|p| p.is_alphanumeric());
            let next_alnum = next.is_some_and(|n| n.is_alphanumeric());
            if prev_space && next_alnum {
                if next.is_some_and(|n| n.is_ascii_digit()) {
                    Mark::Apostrophe
                } else {
                    Mark::Open(true)
                }
            } else if prev_alnum && next_alnum {
                Mark::Apostrophe
            } else {
                Mark::Close(true)
            }
        }
    }
}

/// What [`looks_like_misused_close`] asks about the rest of a paragraph after a mark,
/// answered without reading that rest: built once per paragraph, in one pass, the first
/// time a mark there needs it. Reading the rest of the paragraph for each mark made a
/// paragraph of N marks cost N² (a megabyte of quotation marks took minutes).
struct ParagraphTail {
    end: usize,
    /// Where each whitespace-separated word of the paragraph starts, ascending.
    word_starts: Vec<usize>,
    /// Where the paragraph's last double quotation mark (“ ” ") starts.
    last_double: Option<usize>,
    /// The paragraph, without its trailing whitespace, ends with a full stop.
    ends_with_stop: bool,
}

impl ParagraphTail {
    fn new(text: &str, start: usize, end: usize) -> Self {
        let para = &text[start..end];
        let mut word_starts = Vec::new();
        let mut last_double = None;
        let mut prev_space = true;
        for (i, c) in para.char_indices() {
            let space = c.is_whitespace();
            if !space && prev_space {
                word_starts.push(start + i);
            }
            if matches!(c, '“' | '”' | '"') {
                last_double = Some(start + i);
            }
            prev_space = space;
        }
        ParagraphTail {
            end,
            word_starts,
            last_double,
            ends_with_stop: para.trim_end().ends_with('.'),
        }
    }

    /// `text[from..end].split_whitespace().count()`, at most `max`: a word that begins
    /// at `from` itself, then those that begin after it.
    fn words_after(&self, text: &str, from: usize, max: usize) -> usize {
        let first = text[from..self.end]
            .chars()
            .next()
            .is_some_and(|c| !c.is_whitespace());
        let later = self.word_starts.len() - self.word_starts.partition_point(|&w| w <= from);
        (usize::from(first) + later).min(max)
    }

    /// `text[from..end]` holds a double quotation mark.
    fn double_mark_after(&self, from: usize) -> bool {
        self.last_double.is_some_and(|d| d >= from)
    }
}

/// A lone opening mark followed by a few words and the paragraph's end, as in
/// "… sanctions “Sullivan explained.": the writer meant a closing mark.
fn looks_like_misused_close(text: &str, mark: Span, tail: &ParagraphTail) -> bool {
    // only the first few words matter
    let words = tail.words_after(text, mark.end, 7);
    // with a word after the mark, the rest of the paragraph ends where the paragraph does
    let ends = tail.ends_with_stop;
    let glued = glued_to_text(text, mark);
    (1..=5).contains(&words) && ends && !tail.double_mark_after(mark.end) || glued && words <= 5
}

/// The mark follows a letter, a digit or a stop with no space between ("review“",
/// "now,“"), where a closing mark stands.
fn glued_to_text(text: &str, mark: Span) -> bool {
    text[..mark.start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | ',' | '?' | '!'))
}

/// The quotations of a text and the problems with their marks, paragraph by paragraph: a
/// double quotation left open at a paragraph's end is carried into the next (news style
/// reopens it there), and each paragraph's marks then open and close quotations in turn.
pub fn find(
    text: &str,
    paragraphs: &[Paragraph],
    tokens: &[Token],
) -> (Vec<Quote>, Vec<QuoteIssue>) {
    let mut finder = Finder {
        text,
        quotes: Vec::new(),
        issues: Vec::new(),
        carry: None,
    };
    for (pi, p) in paragraphs.iter().enumerate() {
        finder.paragraph(pi, p, &tokens[p.tokens.clone()]);
    }
    finder.finish()
}

/// A paragraph's quotation marks, classified as they are read. Collecting them cost 24
/// bytes a mark, the largest share of the peak memory of a flood of marks; classifying
/// is cheap and reads only the mark's neighbours, so a second pass reads them again.
#[derive(Clone, Copy)]
struct Marks<'t> {
    text: &'t str,
    toks: &'t [Token],
}

impl<'t> Marks<'t> {
    fn iter(self) -> impl Iterator<Item = (Span, Mark)> + 't {
        self.toks
            .iter()
            .filter(|t| t.kind == TokenKind::Quote)
            .map(move |t| (t.span(), classify(self.text, t)))
    }
}

/// What [`find`] has found so far.
struct Finder<'t> {
    text: &'t str,
    quotes: Vec<Quote>,
    issues: Vec<QuoteIssue>,
    /// The index of a double quotation left open by the previous paragraph.
    carry: Option<usize>,
}

/// The quotations open while a paragraph's marks are read.
#[derive(Default)]
struct Open {
    /// A double quotation's start, and the quotation of an earlier paragraph it continues.
    double: Option<(usize, Option<usize>)>,
    /// A single quotation's start (only outside a double one).
    single: Option<usize>,
    /// A double quotation in the other style of marks inside the open one (`"… about
    /// “law and order” now …"`): web copy quotes an extract in straight marks and keeps
    /// the extract's own curly ones. Its marks pair with each other, not with the outer.
    nested: bool,
}

/// Whether the mark at `at` is straight (`"`, `''`) or curly (`“`, `”`, two backticks),
/// if it is a double mark.
fn straight_mark(text: &str, at: usize) -> Option<bool> {
    match text[at..].chars().next()? {
        '"' | '\'' => Some(true),
        '“' | '”' | '`' => Some(false),
        _ => None,
    }
}

/// Asks [`looks_like_misused_close`] about a paragraph's marks, building the paragraph's
/// summary the first time it is needed.
struct Tail {
    para: Span,
    summary: Option<ParagraphTail>,
}

impl Tail {
    fn misused_close(&mut self, text: &str, mark: Span) -> bool {
        let para = self.para;
        let tail = self
            .summary
            .get_or_insert_with(|| ParagraphTail::new(text, para.start, para.end));
        looks_like_misused_close(text, mark, tail)
    }
}

impl Finder<'_> {
    /// One paragraph: the quotation carried into it, then its marks in order; a double
    /// quotation still open at its end is carried on.
    fn paragraph(&mut self, pi: usize, p: &Paragraph, toks: &[Token]) {
        // classified on the fly, not collected: a paragraph that is one flood of marks
        // held 24 bytes a mark here (about a third of its peak memory)
        let text = self.text;
        let marks = Marks { text, toks };
        let mut open = Open::default();
        let mut tail = Tail {
            para: p.span,
            summary: None,
        };
        let skip = match self.carry {
            Some(prev) => match self.carried(pi, p, toks, marks, prev, &mut open, &mut tail) {
                Some(skip) => skip,
                // page furniture: the quotation is carried past it
                None => return,
            },
            None => 0,
        };
        for (span, m) in marks.iter().skip(skip) {
            self.mark(pi, span, m, &mut open, &mut tail);
        }
        if let Some((s, cont)) = open.double {
            let idx = push_open_ended(&mut self.quotes, s, p.span.end, pi, cont);
            self.carry = Some(idx);
        }
    }

    /// The quotation `prev`, left open by an earlier paragraph, meets paragraph `pi`: it is
    /// reopened by its first mark, carried past a headline with no double mark, or goes on
    /// unopened up to the paragraph's first double mark (or is never closed). Returns how
    /// many of the paragraph's marks that used, or `None` to skip the paragraph.
    #[allow(clippy::too_many_arguments)]
    fn carried(
        &mut self,
        pi: usize,
        p: &Paragraph,
        toks: &[Token],
        marks: Marks<'_>,
        prev: usize,
        open: &mut Open,
        tail: &mut Tail,
    ) -> Option<usize> {
        let is_double = |m: Mark| matches!(m, Mark::Open(false) | Mark::Close(false));
        let first_is_open = toks.first().is_some_and(|t| t.kind == TokenKind::Quote)
            && matches!(marks.iter().next(), Some((_, Mark::Open(false))));
        if first_is_open {
            open.double = Some((p.span.start, Some(prev)));
            self.carry = None;
            return Some(1);
        }
        if p.headline && !marks.iter().any(|(_, m)| is_double(m)) {
            // page furniture between continued paragraphs ("READ MORE: …")
            return None;
        }
        self.carry = None;
        // the quote goes on without a reopening mark: up to the first double mark
        let first_double = marks.iter().enumerate().find(|&(_, (_, m))| is_double(m));
        let close_at = first_double.and_then(|(k, (span, m))| match m {
            Mark::Close(false) => Some((k, span, false)),
            Mark::Open(false) if tail.misused_close(self.text, span) => Some((k, span, true)),
            _ => None,
        });
        let Some((k, span, misused)) = close_at else {
            let start = chain_start(self.text, &self.quotes, prev);
            self.issue(QuoteIssueKind::NeverClosed, start, None);
            return Some(0);
        };
        let idx = self.quotes.len();
        self.quotes.push(Quote {
            span: Span::new(p.span.start, span.end),
            paragraph: pi,
            single: false,
            closed: true,
            continues: Some(offset(prev)),
            continued_by: None,
        });
        self.quotes[prev].continued_by = Some(offset(idx));
        let opened = chain_start(self.text, &self.quotes, prev);
        let first = Span::new(p.span.start, first_token_end(toks, p));
        self.issue(QuoteIssueKind::NotReopened, first, Some(opened));
        if misused {
            self.issue(QuoteIssueKind::OpeningUsedAsClose, span, Some(opened));
        }
        Some(k + 1)
    }

    /// One mark of paragraph `pi`, with the quotations open before it.
    fn mark(&mut self, pi: usize, span: Span, m: Mark, open: &mut Open, tail: &mut Tail) {
        match m {
            Mark::Apostrophe => {}
            Mark::Open(true) => {
                if open.double.is_none() && open.single.is_none() {
                    open.single = Some(span.start);
                }
            }
            Mark::Close(true) => {
                if let Some(s) = open.single.take() {
                    self.quotes.push(Quote {
                        span: Span::new(s, span.end),
                        paragraph: pi,
                        single: true,
                        closed: true,
                        continues: None,
                        continued_by: None,
                    });
                }
            }
            Mark::Open(false) => self.double_open(pi, span, open, tail),
            Mark::Close(false)
                if open.nested
                    && open.double.is_some_and(|(s, _)| {
                        straight_mark(self.text, s) != straight_mark(self.text, span.start)
                    }) =>
            {
                open.nested = false;
            }
            Mark::Close(false) => match open.double.take() {
                Some((s, cont)) => push_closed(&mut self.quotes, s, span.end, pi, cont),
                None => self.issue(QuoteIssueKind::StrayClose, span, None),
            },
        }
    }

    /// An opening double mark: it may be a closing glyph turned round, close the open
    /// quotation (a misused mark), end one never closed, or stand for a closing mark.
    fn double_open(&mut self, pi: usize, span: Span, open: &mut Open, tail: &mut Tail) {
        let text = self.text;
        if matches!(&text[span.start..span.end], "”" | "»") {
            self.issue(QuoteIssueKind::ClosingUsedAsOpen, span, None);
        }
        if let Some((s, cont)) = open.double {
            // with a quotation open, a mark glued to the word or stop before it ("now,“
            // she said") closes it: an opening mark follows a space
            if glued_to_text(text, span) || tail.misused_close(text, span) {
                self.issue(
                    QuoteIssueKind::OpeningUsedAsClose,
                    span,
                    Some(mark_at(text, s)),
                );
                push_closed(&mut self.quotes, s, span.end, pi, cont);
                open.double = None;
                return;
            }
            let other_style = straight_mark(text, s)
                .zip(straight_mark(text, span.start))
                .is_some_and(|(outer, inner)| outer != inner);
            // two marks together (`"“You …`) are a doubled mark, not a quotation inside
            let words_between = text[s..span.start].chars().any(char::is_alphanumeric);
            if other_style && words_between && !open.nested {
                open.nested = true;
                return;
            }
            // a new quote opens while one is open: the first never closed
            self.issue(QuoteIssueKind::NeverClosed, mark_at(text, s), None);
            push_open_ended(&mut self.quotes, s, span.start, pi, cont);
        } else if tail.misused_close(text, span)
            && text[..span.start]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '.')
        {
            self.issue(QuoteIssueKind::OpeningUsedAsClose, span, None);
            return;
        }
        open.single = None;
        open.nested = false;
        open.double = Some((span.start, None));
    }

    fn issue(&mut self, kind: QuoteIssueKind, span: Span, related: Option<Span>) {
        self.issues.push(QuoteIssue::new(kind, span, related));
    }

    /// A quotation still carried at the end of the text was never closed.
    fn finish(mut self) -> (Vec<Quote>, Vec<QuoteIssue>) {
        if let Some(prev) = self.carry {
            let start = chain_start(self.text, &self.quotes, prev);
            self.issue(QuoteIssueKind::NeverClosed, start, None);
        }
        self.issues.sort_by_key(|i| i.span);
        (self.quotes, self.issues)
    }
}

fn first_token_end(toks: &[Token], p: &Paragraph) -> usize {
    toks.first().map_or(p.span.end, |t| t.span().end)
}

fn mark_at(text: &str, start: usize) -> Span {
    let len = text[start..].chars().next().map_or(1, char::len_utf8);
    Span::new(start, start + len)
}

/// The opening mark of the first quote of a continued chain.
fn chain_start(text: &str, quotes: &[Quote], mut idx: usize) -> Span {
    while let Some(prev) = quotes[idx].continues() {
        idx = prev;
    }
    let s = quotes[idx].span.start;
    // the mark itself: one character, whatever its width in bytes ("''" is two)
    let mark = if text[s..].starts_with("''") || text[s..].starts_with("``") {
        Span::new(s, s + 2)
    } else {
        mark_at(text, s)
    };
    Span::new(s, mark.end.min(quotes[idx].span.end.max(s)))
}

fn push_closed(
    quotes: &mut Vec<Quote>,
    start: usize,
    end: usize,
    paragraph: usize,
    cont: Option<usize>,
) {
    let idx = quotes.len();
    quotes.push(Quote {
        span: Span::new(start, end),
        paragraph,
        single: false,
        closed: true,
        continues: cont.map(offset),
        continued_by: None,
    });
    if let Some(c) = cont {
        quotes[c].continued_by = Some(offset(idx));
    }
}

fn push_open_ended(
    quotes: &mut Vec<Quote>,
    start: usize,
    end: usize,
    paragraph: usize,
    cont: Option<usize>,
) -> usize {
    let idx = quotes.len();
    quotes.push(Quote {
        span: Span::new(start, end),
        paragraph,
        single: false,
        closed: false,
        continues: cont.map(offset),
        continued_by: None,
    });
    if let Some(c) = cont {
        quotes[c].continued_by = Some(offset(idx));
    }
    idx
}

#[cfg(test)]
mod tests {
    use super::{ParagraphTail, Span};

    /// A flood of marks makes one quote and one issue a mark: their sizes are most of
    /// its memory (issue 18), so a field that widens them should be a decision.
    #[test]
    fn a_quote_and_an_issue_stay_small() {
        assert!(std::mem::size_of::<super::Quote>() <= 48);
        assert!(std::mem::size_of::<super::QuoteIssue>() <= 24);
    }

    /// The plain reading of the rest of the paragraph that [`ParagraphTail`] stands for.
    fn plain(text: &str, mark: Span, para_end: usize) -> bool {
        let tail = &text[mark.end..para_end];
        let words = tail.split_whitespace().take(7).count();
        let ends = tail.trim_end().ends_with('.');
        let glued = text[..mark.start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | ',' | '?' | '!'));
        (1..=5).contains(&words) && ends && !tail.contains(['“', '”', '"']) || glued && words <= 5
    }

    #[test]
    fn paragraph_tail_answers_as_reading_the_rest_does() {
        for s in [
            "",
            "   ",
            "one",
            " one two  three\tfour\nfive\u{0b}six\x0cseven eight",
            "Élysée\u{a0}said\u{2003}no — “quite” so",
            "\u{a0}\u{a0}x",
            "a b c d e f g h i j",
            "naïve café résumé",
            "We are watching.",
            "Sullivan explained.",
            "one “two” three.",
            "\"x\" y",
        ] {
            for prefix in ["", "He said ", "x", "“", "a. "] {
                let text = format!("{prefix}“{s}”.  \n");
                let tail = ParagraphTail::new(&text, 0, text.len());
                for (i, c) in text.char_indices().filter(|(_, c)| super::is_mark(*c)) {
                    let mark = Span::new(i, i + c.len_utf8());
                    assert_eq!(
                        super::looks_like_misused_close(&text, mark, &tail),
                        plain(&text, mark, text.len()),
                        "{text:?} at {i}"
                    );
                    for max in [0, 1, 5, 7, 20] {
                        assert_eq!(
                            tail.words_after(&text, mark.end, max),
                            text[mark.end..].split_whitespace().take(max).count(),
                            "{text:?} {i} {max}"
                        );
                    }
                }
            }
        }
    }

    use super::QuoteIssueKind::*;
    use crate::text::TextModel;

    fn issues(text: &str) -> Vec<super::QuoteIssueKind> {
        TextModel::new(text, false)
            .quote_issues
            .iter()
            .map(|i| i.kind)
            .collect()
    }

    #[test]
    fn balanced_quotes_and_apostrophes_are_fine() {
        let text = "“It’s done,” he said. Russia’s ‘red line’ held. \"Yes,\" she said. The officials’ view.";
        let m = TextModel::new(text, false);
        assert_eq!(m.quotes.len(), 3);
        assert!(m.quote_issues.is_empty(), "{:?}", m.quote_issues);
    }

    #[test]
    fn continued_quote_across_paragraphs() {
        let text = "He said: “First part.\n\n“Second part.”\n\nAfter.";
        let m = TextModel::new(text, false);
        assert_eq!(m.quotes.len(), 2);
        assert!(!m.quotes[0].closed);
        assert_eq!(m.quotes[0].span.end, text.find("\n").unwrap());
        assert_eq!(m.quotes[1].continues(), Some(0));
        assert!(m.quote_issues.is_empty());
    }

    #[test]
    fn continued_quote_skips_promo_line() {
        let text = "He said: “First part.\n\nREAD MORE: Something else entirely\n\n“Second part.”";
        let m = TextModel::new(text, false);
        assert_eq!(m.quotes[1].continues(), Some(0));
        assert!(m.quote_issues.is_empty());
    }

    #[test]
    fn an_opening_mark_glued_to_a_stop_closes_the_open_quotation() {
        use super::QuoteIssueKind::OpeningUsedAsClose;
        let text = "“We need help now,“ she said. “The water is poisoned.”";
        let m = TextModel::new(text, false);
        assert_eq!(issues(text), vec![OpeningUsedAsClose]);
        let spans: Vec<&str> = m
            .quotes
            .iter()
            .map(|q| &text[q.span.start..q.span.end])
            .collect();
        assert_eq!(spans, ["“We need help now,“", "“The water is poisoned.”"]);
    }

    #[test]
    fn misused_opening_mark_and_missing_reopen() {
        let text = "He said: “We are watching.\n\nIt is a concern “Sullivan explained.";
        assert_eq!(issues(text), vec![NotReopened, OpeningUsedAsClose]);
    }

    #[test]
    fn never_closed_and_stray_close() {
        assert_eq!(
            issues("He said “this never ends.\n\nNext paragraph."),
            vec![NeverClosed]
        );
        assert_eq!(issues("This is wrong” here."), vec![StrayClose]);
    }

    #[test]
    fn a_straight_mark_tight_after_a_colon_opens() {
        // a transcript's "Gowdy:"I have …"" is balanced; a closing mark after a colon
        // inside a quotation still closes
        let text = "Rep. Ada Roe:\"I have not heard that figure.\" Then she left.";
        assert!(issues(text).is_empty(), "{:?}", issues(text));
        let tm = TextModel::new(text, false);
        assert_eq!(tm.quotes.len(), 1);
        assert!(issues("The sign read \"Warning:\" and nothing else.").is_empty());
    }
}
