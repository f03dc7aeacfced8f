//! Markdown: only prose is linted. The prose view keeps every byte offset of the file:
//! code, HTML, front matter, link targets and markup become spaces, newlines stay.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

/// The prose of a Markdown file, as a string of the same length as the file, plus the
/// offsets where a block ends (a paragraph break the segmenter must respect) and the
/// spans of headings.
pub struct MarkdownProse {
    pub prose: String,
    pub block_ends: Vec<usize>,
    pub headings: Vec<(usize, usize)>,
}

pub fn prose(src: &str) -> MarkdownProse {
    let mut buf: Vec<u8> = src
        .bytes()
        .map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' })
        .collect();
    let mut block_ends = Vec::new();
    let mut headings = Vec::new();
    let opts = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES;
    // Depth counters: text inside these is not prose.
    let mut skip = 0usize;
    let mut autolink = 0usize;
    for (event, range) in Parser::new_ext(src, opts).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) | Event::Start(Tag::MetadataBlock(_)) => skip += 1,
            Event::End(TagEnd::CodeBlock) | Event::End(TagEnd::MetadataBlock(_)) => {
                skip = skip.saturating_sub(1);
                block_ends.push(range.end);
            }
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => autolink += 1,
            Event::End(TagEnd::Link) => autolink = autolink.saturating_sub(1),
            Event::Start(Tag::Heading { .. }) => headings.push((range.start, range.end)),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::TableCell
                | TagEnd::HtmlBlock,
            ) => block_ends.push(range.end),
            Event::Text(_) if skip == 0 && autolink == 0 => {
                // Escapes and entities make the event text differ from the source; the
                // source bytes are kept either way so offsets never move.
                let (s, e) = (range.start, range.end.min(src.len()));
                buf[s..e].copy_from_slice(&src.as_bytes()[s..e]);
                // A backslash escape is markup, not prose.
                for b in &mut buf[s..e] {
                    if *b == b'\\' {
                        *b = b' ';
                    }
                }
            }
            _ => {}
        }
    }
    block_ends.sort_unstable();
    block_ends.dedup();
    // Only whole source ranges (char-aligned) were copied over ASCII spaces, so the
    // buffer is valid UTF-8; fall back to a lossy copy rather than panic if not.
    let prose = String::from_utf8(buf)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    MarkdownProse {
        prose,
        block_ends,
        headings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_front_matter_and_urls_are_masked() {
        let src = "---\ntitle: x said\n---\n# Head\n\nText `code said` and [link](http://a.b) here.\n\n```\nofficials said\n```\n<https://x.y>\n";
        let p = prose(src);
        assert_eq!(p.prose.len(), src.len());
        assert!(!p.prose.contains("x said"));
        assert!(!p.prose.contains("code said"));
        assert!(!p.prose.contains("officials"));
        assert!(!p.prose.contains("http"));
        assert!(p.prose.contains("Text "));
        assert!(p.prose.contains("link"));
        assert!(p.prose.contains("Head"));
        assert_eq!(p.headings.len(), 1);
        // offsets are the file's
        let at = src.find("Text").unwrap();
        assert_eq!(&p.prose[at..at + 4], "Text");
    }
}
