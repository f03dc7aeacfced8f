//! HTML drafts: only the prose of the article is linted. The page is tokenized by
//! html5gum, a tokenizer that follows the WHATWG specification (it passes html5lib's
//! tokenizer tests) and gives the byte span of every token; html5ever's own tokenizer
//! gives no offsets, and `tl` is not a conforming parser. Elements are tracked on a
//! stack of open elements, enough to tell article from navigation: no tree is built.
//!
//! The prose is the text of the `<article>` elements if there is one, else of `<main>`,
//! else of the whole body, less `script`, `style`, `nav`, `footer`, `aside`, forms, the
//! page's `header` (an article's own header is kept) and the elements the configuration
//! names (`[files.html] skip`). Entities are decoded, every block ends a paragraph,
//! figure captions are paragraphs of their own. Unlike Markdown's prose view, the text
//! is not the file's length (`&rsquo;` is one character): a [`SpanMap`] takes every span
//! of it back to the bytes of the file as written.

use std::ops::Range;

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::Span;

/// The prose of an HTML page, the spans of its headings in that prose, and the map from
/// the prose back to the file.
#[derive(Debug, Default)]
pub struct HtmlProse {
    pub text: String,
    pub headings: Vec<(usize, usize)>,
    pub map: SpanMap,
}

/// Elements skipped wherever they are: never an article's prose (code is not, as in
/// Markdown).
const SKIPPED: &[&str] = &[
    "head", "title", "script", "style", "template", "noscript", "nav", "footer", "aside", "pre",
    "code", "form", "button", "select", "textarea", "svg", "math", "iframe", "object", "canvas",
    "video", "audio",
];

/// Elements with no content and no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose start and end end a paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// A simple selector of elements to skip, as `[files.html] skip` lists them: a tag name,
/// `.class`, `#id`, or a tag with either (`div.newsletter`, `section#comments`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selector {
    tag: Option<String>,
    class: Option<String>,
    id: Option<String>,
}

impl Selector {
    pub fn parse(s: &str) -> Result<Selector, String> {
        let t = s.trim();
        let ok = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
        let split = t.find(['.', '#']).unwrap_or(t.len());
        let (tag, rest) = t.split_at(split);
        let mut sel = Selector {
            tag: (!tag.is_empty()).then(|| tag.to_ascii_lowercase()),
            class: None,
            id: None,
        };
        if let Some(class) = rest.strip_prefix('.') {
            sel.class = Some(class.to_string());
        } else if let Some(id) = rest.strip_prefix('#') {
            sel.id = Some(id.to_string());
        }
        let parts = [&sel.tag, &sel.class, &sel.id];
        let valid = parts.iter().any(|p| p.is_some())
            && parts.iter().all(|p| {
                p.as_ref()
                    .is_none_or(|p| !p.is_empty() && p.chars().all(ok))
            });
        if valid {
            Ok(sel)
        } else {
            Err(format!(
                "`{s}` is not a selector credlint reads (a tag, .class, #id, or tag.class, tag#id)"
            ))
        }
    }

    fn matches(&self, tag: &str, attrs: &Attrs) -> bool {
        self.tag.as_deref().is_none_or(|t| t == tag)
            && self
                .class
                .as_deref()
                .is_none_or(|c| attrs.class.split_ascii_whitespace().any(|x| x == c))
            && self.id.as_deref().is_none_or(|i| attrs.id == i)
    }
}

#[derive(Default)]
struct Attrs {
    class: String,
    id: String,
}

/// Maps offsets of a prose text back to the file it was read from: pieces of the text,
/// each either copied from the file byte for byte (offsets inside it map one to one) or
/// made from a run of the file (an entity, a CR LF, a paragraph break), whose inside maps
/// to the run's ends.
#[derive(Clone, Debug, Default)]
pub struct SpanMap {
    pieces: Vec<Piece>,
    file_len: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Piece {
    /// Where the piece starts in the text, and its length there.
    text: usize,
    text_len: usize,
    /// Where it comes from in the file, and that run's length.
    file: usize,
    file_len: usize,
    /// Copied byte for byte.
    exact: bool,
}

impl SpanMap {
    /// The file's bytes that `span` of the text was made from: a span's start inside an
    /// entity moves to the entity's start, its end to the entity's end.
    pub fn to_file(&self, span: Span) -> Span {
        let start = self.start(span.start);
        Span::new(start, self.end(span.end).max(start))
    }

    fn start(&self, pos: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.text + p.text_len <= pos);
        match self.pieces.get(i) {
            Some(p) if p.exact => p.file + pos.saturating_sub(p.text),
            Some(p) => p.file,
            None => self.pieces.last().map_or(0, |p| p.file + p.file_len),
        }
    }

    fn end(&self, pos: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.text + p.text_len < pos);
        match self.pieces.get(i) {
            Some(p) if p.exact => p.file + pos.saturating_sub(p.text).min(p.file_len),
            Some(p) if pos <= p.text => p.file,
            Some(p) => p.file + p.file_len,
            None => self.pieces.last().map_or(0, |p| p.file + p.file_len),
        }
        .min(self.file_len)
    }
}

/// Builds the text and its map piece by piece.
#[derive(Default)]
struct Builder {
    text: String,
    pieces: Vec<Piece>,
    headings: Vec<(usize, usize)>,
    heading_start: Option<usize>,
}

impl Builder {
    fn piece(&mut self, file: Range<usize>, text: &str, exact: bool) {
        let at = self.text.len();
        // whitespace of any kind is one space: a paragraph's lines are joined, and the
        // byte count stays the file's
        self.text.extend(text.chars().map(|c| {
            if matches!(c, '\n' | '\r' | '\t' | '\x0c') {
                ' '
            } else {
                c
            }
        }));
        let text_len = self.text.len() - at;
        if let Some(last) = self.pieces.last_mut()
            && exact
            && last.exact
            && last.text + last.text_len == at
            && last.file + last.file_len == file.start
        {
            last.text_len += text_len;
            last.file_len += file.len();
            return;
        }
        self.pieces.push(Piece {
            text: at,
            text_len,
            file: file.start,
            file_len: file.len(),
            exact,
        });
    }

    /// Ends the paragraph at file offset `at` (a blank line in the text).
    fn paragraph_break(&mut self, at: usize) {
        if self.text.is_empty() || self.text.ends_with("\n\n") {
            return;
        }
        let sep = if self.text.ends_with('\n') {
            "\n"
        } else {
            "\n\n"
        };
        let start = self.text.len();
        self.text.push_str(sep);
        self.pieces.push(Piece {
            text: start,
            text_len: sep.len(),
            file: at,
            file_len: 0,
            exact: false,
        });
    }

    /// A run of text: `raw` is the file's bytes from `file_start`, `decoded` what the
    /// tokenizer made of them. The two are aligned: equal bytes are copied, an entity or
    /// a CR LF becomes a piece of its own; should they not align (never seen), the rest
    /// is one piece.
    fn text_run(&mut self, raw: &str, file_start: usize, decoded: &str) {
        let (r, d) = (raw.as_bytes(), decoded.as_bytes());
        let (mut i, mut j) = (0, 0);
        let mut exact_from = (0, 0);
        while i < r.len() && j < d.len() {
            let special = match r[i] {
                b'&' => entity_at(r, i, d, j),
                // the tokenizer makes CR LF and a lone CR one LF
                b'\r' if d[j] == b'\n' => Some((1 + usize::from(r.get(i + 1) == Some(&b'\n')), 1)),
                _ => None,
            };
            if let Some((m, k)) = special {
                self.exact_run(raw, decoded, file_start, exact_from, (i, j));
                self.piece(
                    file_start + i..file_start + i + m,
                    &decoded[j..j + k],
                    false,
                );
                i += m;
                j += k;
                exact_from = (i, j);
            } else if r[i] == d[j] {
                i += 1;
                j += 1;
            } else {
                break;
            }
        }
        self.exact_run(raw, decoded, file_start, exact_from, (i, j));
        if i < r.len() || j < d.len() {
            // not aligned: the rest maps to the rest as a whole
            let rest = decoded.get(j..).unwrap_or("");
            self.piece(file_start + i..file_start + r.len(), rest, false);
        }
    }

    fn exact_run(
        &mut self,
        raw: &str,
        decoded: &str,
        file_start: usize,
        from: (usize, usize),
        to: (usize, usize),
    ) {
        if to.0 > from.0
            && let Some(text) = decoded.get(from.1..to.1)
        {
            debug_assert_eq!(raw.get(from.0..to.0), Some(text));
            self.piece(file_start + from.0..file_start + to.0, text, true);
        }
    }
}

/// The character reference at `r[i]` (an `&`) that the tokenizer decoded to `d[j..]`, as
/// (bytes in the file, bytes decoded), or `None` for a literal `&`. Of the ways to read
/// it, the one after which the file and the text agree the longest is taken: a legacy
/// name without its semicolon (`&notit;` is `¬it;`) is shorter than its run of letters.
fn entity_at(r: &[u8], i: usize, d: &[u8], j: usize) -> Option<(usize, usize)> {
    let run = r[i + 1..]
        .iter()
        .take(40)
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'#')
        .count();
    // a literal `&` where the file reads on as the text does ("&#;", "x&y")
    if run == 0 || d[j] == b'&' && agreement(&r[i + 1..], &d[j + 1..]).is_some_and(|n| n > 0) {
        return None;
    }
    let longest = 1 + run + usize::from(r.get(i + 1 + run) == Some(&b';'));
    // a reference decodes to one character, or two for a few names
    let one = utf8_len(d[j]);
    let two = d.get(j + one).map_or(0, |&b| one + utf8_len(b));
    [one, two]
        .into_iter()
        .filter(|&k| k > 0 && j + k <= d.len())
        .flat_map(|k| {
            (2..=longest).filter_map(move |m| {
                // longest agreement, then one character rather than two, then longest
                agreement(&r[i + m..], &d[j + k..]).map(|n| ((n, k == one, m), (m, k)))
            })
        })
        .max_by_key(|&(key, _)| key)
        .map(|(_, mk)| mk)
}

fn utf8_len(first: u8) -> usize {
    match first {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

/// How far the file's bytes `r` and the text's `d` agree, up to the next reference or
/// CR or 16 bytes (`None` if they disagree before). Both ending together counts as the
/// most agreement.
fn agreement(r: &[u8], d: &[u8]) -> Option<usize> {
    for (k, &b) in r.iter().enumerate().take(16) {
        match (b, d.get(k)) {
            // a reference decodes to anything; a CR to a LF
            (b'&', Some(_)) | (b'\r', Some(b'\n')) => return Some(k),
            (b, Some(&c)) if b == c => {}
            _ => return None,
        }
    }
    if r.len() >= 16 {
        Some(16)
    } else {
        (d.len() == r.len()).then_some(17)
    }
}

/// What the walk over the tokens records, before the article is chosen.
enum Event {
    Text { file: Range<usize>, decoded: String },
    Break(usize),
    HeadingStart,
    HeadingEnd,
}

const IN_ARTICLE: u8 = 1;
const IN_MAIN: u8 = 2;

struct Open {
    name: String,
    /// Inside an element that is skipped (this one or an ancestor).
    skipped: bool,
    /// `IN_ARTICLE` and `IN_MAIN` of this element and its ancestors.
    scope: u8,
}

/// The prose of the HTML page `src`, less the elements `skip` selects.
pub fn prose(src: &str, skip: &[Selector]) -> HtmlProse {
    let events = events(src, skip);
    // the article if there is one, else the main element, else the body
    let has = |bit: u8| {
        events
            .iter()
            .any(|(s, e)| s & bit != 0 && matches!(e, Event::Text { .. }))
    };
    let want = if has(IN_ARTICLE) {
        IN_ARTICLE
    } else if has(IN_MAIN) {
        IN_MAIN
    } else {
        0
    };
    let mut b = Builder::default();
    for (scope, event) in events {
        if want != 0 && scope & want == 0 {
            continue;
        }
        match event {
            Event::Text { file, decoded } => match src.get(file.clone()) {
                Some(raw) => b.text_run(raw, file.start, &decoded),
                None => b.piece(file, &decoded, false),
            },
            Event::Break(at) => b.paragraph_break(at),
            Event::HeadingStart => b.heading_start = Some(b.text.len()),
            Event::HeadingEnd => {
                if let Some(s) = b.heading_start.take() {
                    b.headings.push((s, b.text.len()));
                }
            }
        }
    }
    HtmlProse {
        text: b.text,
        headings: b.headings,
        map: SpanMap {
            pieces: b.pieces,
            file_len: src.len(),
        },
    }
}

/// The page's text runs, paragraph breaks and headings outside skipped elements, each
/// with the scope it is in.
fn events(src: &str, skip: &[Selector]) -> Vec<(u8, Event)> {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // script, style, title and textarea hold raw text: the tokenizer must know
    emitter.naively_switch_states(true);
    let mut stack: Vec<Open> = Vec::new();
    let mut out = Vec::new();
    for token in Tokenizer::new_with_emitter(src, emitter) {
        let Ok(token) = token;
        let (skipped, scope) = stack.last().map_or((false, 0), |o| (o.skipped, o.scope));
        match token {
            Token::String(s) if !skipped => out.push((
                scope,
                Event::Text {
                    file: s.span.start..s.span.end,
                    decoded: String::from_utf8_lossy(&s.value).into_owned(),
                },
            )),
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                let attr = |k: &[u8]| {
                    tag.attributes
                        .get(k)
                        .map(|v| String::from_utf8_lossy(v).into_owned())
                        .unwrap_or_default()
                };
                let attrs = Attrs {
                    class: attr(b"class"),
                    id: attr(b"id"),
                };
                let own_scope = match name.as_str() {
                    "article" => IN_ARTICLE,
                    "main" => IN_MAIN,
                    _ => 0,
                };
                // a page's header is its masthead; an article's header is its own
                let skip_here = SKIPPED.contains(&name.as_str())
                    || (name == "header" && scope == 0)
                    || skip.iter().any(|s| s.matches(&name, &attrs));
                let block = BLOCKS.contains(&name.as_str());
                if block && !skipped {
                    out.push((scope, Event::Break(tag.span.start)));
                }
                if is_heading(&name) && !skipped && !skip_here {
                    out.push((scope, Event::HeadingStart));
                }
                if !(VOID.contains(&name.as_str()) || tag.self_closing) {
                    stack.push(Open {
                        name,
                        skipped: skipped || skip_here,
                        scope: scope | own_scope,
                    });
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name);
                // an end tag closes its element and any left open inside it; a stray
                // one is ignored, as browsers do
                if let Some(at) = stack.iter().rposition(|o| o.name == name) {
                    let was_skipped = stack[at].skipped;
                    let scope = stack[at].scope;
                    stack.truncate(at);
                    if !was_skipped {
                        if is_heading(&name) {
                            out.push((scope, Event::HeadingEnd));
                        }
                        if BLOCKS.contains(&&*name) {
                            out.push((scope, Event::Break(tag.span.start)));
                        }
                    }
                } else if name == "br" && !skipped {
                    out.push((scope, Event::Break(tag.span.start)));
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(src: &str) -> String {
        prose(src, &[]).text
    }

    #[test]
    fn entities_are_decoded_and_map_back_to_the_file() {
        let src = "<p>AT&amp;T didn&#8217;t say &ldquo;no&rdquo; &notit; x&amp\r\ny &copy</p>";
        let p = prose(src, &[]);
        assert_eq!(p.text, "AT&T didn’t say “no” ¬it; x& y ©\n\n");
        // every word maps to the bytes it was read from
        for (word, raw) in [
            ("AT&T", "AT&amp;T"),
            ("didn’t", "didn&#8217;t"),
            ("“no”", "&ldquo;no&rdquo;"),
            ("¬it;", "&notit;"),
            ("¬", "&not"),
            ("x& y", "x&amp\r\ny"),
            ("©", "&copy"),
            ("say", "say"),
        ] {
            let at = p.text.find(word).expect(word);
            let s = p.map.to_file(Span::new(at, at + word.len()));
            assert_eq!(&src[s.start..s.end], raw, "{word}");
        }
        // inside an entity: the whole entity
        let at = p.text.find('’').expect("apostrophe") + 1;
        assert_eq!(p.map.to_file(Span::new(at, at + 1)).text(src), "&#8217;");
    }

    #[test]
    fn only_the_article_is_prose() {
        let src = "<html><head><title>Site &amp; news</title><style>p{x}</style></head>\
            <body><header>Masthead</header><nav>Home | World</nav>\
            <main><article><header><h1>The headline</h1></header><p>First <b>bold</b> para.</p>\
            <script>var said = 1;</script><figure><img src=x><figcaption>A caption.</figcaption></figure>\
            <aside>Read more</aside><div class=newsletter>Sign up</div><p>Last.</p></article>\
            <article><p>Second article.</p></article></main>\
            <footer>Copyright</footer></body></html>";
        assert_eq!(
            text(src),
            "The headline\n\nFirst bold para.\n\nA caption.\n\nSign up\n\nLast.\n\nSecond article.\n\n"
        );
        let newsletter = Selector::parse("div.newsletter").expect("selector");
        let p = prose(src, &[newsletter]);
        assert!(!p.text.contains("Sign up"));
        assert_eq!(p.headings, [(0, 12)]);
        // no article: the main element; neither: the body less what is skipped
        assert_eq!(
            text("<nav>Menu</nav><main><p>Main text.</p></main><p>Outside.</p>"),
            "Main text.\n\n"
        );
        assert_eq!(
            text("<header>Top</header><p>One.</p><aside>Ad</aside>Two<br>three"),
            "One.\n\nTwo\n\nthree"
        );
        // code is not prose, inline or in a block
        assert_eq!(
            text("<p>Run <code>said()</code> now.</p><pre>officials said</pre>"),
            "Run  now.\n\n"
        );
    }

    #[test]
    fn selectors_parse_or_say_why_not() {
        for ok in [
            "div.newsletter",
            ".promo",
            "#comments",
            "aside",
            "section#x-1",
        ] {
            assert!(Selector::parse(ok).is_ok(), "{ok}");
        }
        for bad in ["", "div.", "div > p", ".a.b", "#"] {
            assert!(Selector::parse(bad).is_err(), "{bad}");
        }
        let a = Attrs {
            class: "box newsletter".into(),
            id: "n1".into(),
        };
        let sel = |s| Selector::parse(s).expect("selector");
        assert!(sel("div.newsletter").matches("div", &a));
        assert!(sel(".box").matches("section", &a));
        assert!(sel("#n1").matches("div", &a));
        assert!(!sel("p.newsletter").matches("div", &a));
        assert!(!sel("#n").matches("div", &a));
    }

    #[test]
    fn unclosed_and_stray_tags_do_not_lose_the_text() {
        assert_eq!(
            text("<p>One<p>Two</span></div><li>Three"),
            "One\n\nTwo\n\nThree"
        );
        // a skipped element left open skips the rest, as a browser would show it
        assert_eq!(text("<p>Kept.</p><aside>Ad<p>lost"), "Kept.\n\n");
    }

    #[test]
    fn every_token_maps_into_the_file_on_character_boundaries() {
        // pieces of pages, entities among them, combined in many orders
        let parts = [
            "<p>",
            "</p>",
            "Mayor &amp; aides",
            " said ",
            "&ldquo;",
            "&rdquo;",
            "don&#8217;t",
            "&#x1F600;",
            "caf\u{e9}",
            "&nbsp;",
            "\r\n",
            "<br>",
            "&notin;",
            "&not",
            "x&y",
            "<script>a<b</script>",
            "<!-- c -->",
            "<h2>Head</h2>",
            "&",
            "&#;",
            "&#99999999;",
            "<nav>menu</nav>",
            "\u{2014}",
            "<article>",
            "</article>",
            "<div class=x>",
        ];
        let mut seed = 7u64;
        for _ in 0..300 {
            let mut src = String::new();
            for _ in 0..12 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                src.push_str(parts[(seed >> 33) as usize % parts.len()]);
            }
            let page = prose(&src, &[]);
            let model = crate::text::TextModel::html(&page);
            for t in &model.tokens {
                let f = page.map.to_file(t.span());
                assert!(f.start <= f.end && f.end <= src.len(), "{src:?} {t:?}");
                assert!(src.get(f.start..f.end).is_some(), "{src:?} {f:?}");
                // a token copied as it is is found as it is (one with markup or an
                // entity inside covers them)
                let text = t.text(&page.text);
                let raw = &src[f.start..f.end];
                if !raw.contains(['&', '<', '\r']) {
                    assert_eq!(&src[f.start..f.end], text, "{src:?}");
                }
            }
        }
    }
}
