//! Page navigation copied along with a story: breadcrumb trails ("Home News …"),
//! comment counters ("0 comment") and menu or footer links standing alone on a line
//! ("Newsletter", "Our Company"). The text model blanks them out of the prose view, so no
//! rule reads them (a breadcrumb before a headline made "Home News Harbour" a person), and
//! keeps their spans for `placeholder-text` to report.

use super::Span;

/// Menu and footer links, lowercased, found only when one is a whole line.
const MENU_LINKS: &[&str] = &[
    "newsletter",
    "newsletters",
    "our company",
    "about us",
    "contact us",
    "contact",
    "privacy policy",
    "terms of use",
    "terms of service",
    "terms and conditions",
    "cookie settings",
    "latest news",
    "top stories",
    "popular posts",
    "categories",
    "advertise",
    "advertise with us",
    "careers",
    "sign in",
    "log in",
    "subscribe",
    "home",
    "menu",
    "search",
    "site map",
    "sitemap",
    "archives",
];

/// Section names that, after "Home" and before a capitalised word, make a breadcrumb.
const SECTIONS: &[&str] = &[
    "News",
    "Headlines",
    "Politics",
    "World",
    "Business",
    "Sport",
    "Sports",
    "Tech",
    "Technology",
    "Opinion",
    "Entertainment",
    "Health",
    "Science",
    "Local",
    "National",
    "International",
    "US",
    "UK",
    "Europe",
    "Asia",
    "Economy",
    "Markets",
    "Culture",
    "Lifestyle",
    "Latest",
];

/// The marks that separate the steps of a breadcrumb trail ("Home » Politics").
pub(crate) const SEPARATORS: &[&str] = &["»", ">", "/", "›", "|"];

/// The longest line asked whether it is a menu link or a comment counter.
const SHORT_LINE: usize = 32;

/// The spans of page navigation in `prose`, in order: a breadcrumb trail at the start of a
/// line (up to its last separator, or "Home" and its section), and a whole line that is
/// a comment counter or a menu link.
pub fn debris(prose: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in prose.split_inclusive('\n') {
        let body = line.trim_end();
        let trimmed = body.trim_start();
        let start = line_start + (body.len() - trimmed.len());
        line_start += line.len();
        if trimmed.is_empty() {
            continue;
        }
        let whole = Span::new(start, start + trimmed.len());
        if trimmed.len() <= SHORT_LINE && (is_menu_link(trimmed) || is_comment_counter(trimmed)) {
            out.push(whole);
        } else if let Some(len) = trimmed
            .starts_with("Home ")
            .then(|| breadcrumb(trimmed))
            .flatten()
        {
            out.push(Span::new(start, start + len));
        }
    }
    out
}

fn is_menu_link(line: &str) -> bool {
    MENU_LINKS.iter().any(|m| line.eq_ignore_ascii_case(m))
}

/// "0 comment", "12 Comments": a count and the word alone.
pub(crate) fn is_comment_counter(line: &str) -> bool {
    line.split_once(' ').is_some_and(|(n, w)| {
        !n.is_empty()
            && n.bytes().all(|b| b.is_ascii_digit())
            && (w.eq_ignore_ascii_case("comment") || w.eq_ignore_ascii_case("comments"))
    })
}

/// The length of the breadcrumb trail that opens `line`: "Home" and a separator, up to
/// the last separator of the trail ("Home » Politics »"), or "Home" and a section name
/// before a capitalised word ("Home News Putin …" gives "Home News").
fn breadcrumb(line: &str) -> Option<usize> {
    let mut words = word_ends(line);
    if words.next()?.0 != "Home" {
        return None;
    }
    let (second, second_end) = words.next()?;
    if SEPARATORS.contains(&second) {
        // the trail runs while every other word is a separator
        let mut end = second_end;
        let mut expect_separator = false;
        for (w, e) in words {
            if expect_separator {
                if !SEPARATORS.contains(&w) {
                    break;
                }
                end = e;
            }
            expect_separator = !expect_separator;
        }
        return Some(end);
    }
    let third = words.next()?.0;
    (SECTIONS.contains(&second) && super::starts_upper(third)).then_some(second_end)
}

/// The words of `line` split at spaces, each with the offset of its end.
fn word_ends(line: &str) -> impl Iterator<Item = (&str, usize)> {
    let mut at = 0;
    line.split(' ').filter_map(move |w| {
        let end = at + w.len();
        at = end + 1;
        (!w.is_empty()).then_some((w, end))
    })
}

/// `prose` with every span of `spans` blanked: each character becomes as many spaces as it
/// has bytes, so offsets hold and the text stays UTF-8.
pub fn blank(prose: String, spans: &[Span]) -> String {
    if spans.is_empty() {
        return prose;
    }
    let mut bytes = prose.into_bytes();
    for s in spans {
        for b in &mut bytes[s.start..s.end] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    }
    // whole characters were blanked (spans start and end on character boundaries)
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        debris(text).iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn breadcrumbs_counters_and_menu_links_are_debris() {
        let page = "Home Sport Rovers sign a new keeper\n\n\
                    Rovers sign a new keeper\n\
                    3 Comments\n\n\
                    The club said the fee was undisclosed.\n\n\
                    About Us\n\
                    Newsletters\n";
        assert_eq!(
            found(page),
            vec!["Home Sport", "3 Comments", "About Us", "Newsletters"]
        );
        assert_eq!(
            found("Home » Money › Pensions » Savers wait for the new rules"),
            vec!["Home » Money › Pensions »"]
        );
        assert_eq!(found("  Home / Weather\n"), vec!["Home /"]);
    }

    #[test]
    fn prose_is_not_debris() {
        for line in [
            "Home News",                                         // no headline after it
            "Home Secretary Ann Bell said the bill would pass.", // not a section
            "Home sales fell in March.",
            "The newsletter goes out on Fridays.",
            "Contact the council on Monday, she said.",
            "10 comments were deleted overnight, the site said.",
            "Comments 5",
            "A comment",
        ] {
            assert!(found(line).is_empty(), "{line}");
        }
    }

    #[test]
    fn blanking_keeps_offsets_and_utf8() {
        let text = "Home » Sport\nFans queue.\n";
        let spans = debris(text);
        let blanked = blank(text.to_string(), &spans);
        assert_eq!(blanked.len(), text.len());
        // "Home »" is seven bytes ("»" takes two)
        assert_eq!(blanked, format!("{}Sport\nFans queue.\n", " ".repeat(8)));
    }
}
