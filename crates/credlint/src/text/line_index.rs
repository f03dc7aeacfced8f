//! Byte offset to 1-based line and column (columns count Unicode code points, as SARIF's
//! `unicodeCodePoints` and GitHub annotations expect).

/// Line starts of one file. `\n`, `\r\n` and a lone `\r` all end a line; the text itself is
/// never rewritten, so offsets stay offsets into the file as read.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// The text is ASCII: a column is a byte count, with no characters to count.
    ascii: bool,
    /// Built the first time a column far from its line's start is asked for.
    checkpoints: std::sync::OnceLock<CharCheckpoints>,
}

/// The number of characters before every `CHUNK`th byte of a text, so that the column
/// of an offset far into a long line is counted from the checkpoint before it, not from
/// the line's start: N findings on one long line of non-ASCII text cost N times the
/// line otherwise (a megabyte line of curly quotation marks took minutes). Eight bytes
/// for every 256 of text.
#[derive(Debug, Clone)]
struct CharCheckpoints {
    /// `counts[k]`: the characters in `text[..k * CHUNK]`.
    counts: Vec<usize>,
}

const CHUNK: usize = 256;

/// The characters that start in `bytes` (those whose first byte is not a continuation
/// byte): the number of characters of any slice between two character boundaries.
fn chars_starting_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

impl CharCheckpoints {
    fn new(text: &str) -> Self {
        let mut counts = Vec::with_capacity(text.len() / CHUNK + 1);
        let mut n = 0;
        counts.push(0);
        for chunk in text.as_bytes().chunks_exact(CHUNK) {
            n += chars_starting_in(chunk);
            counts.push(n);
        }
        CharCheckpoints { counts }
    }

    /// The characters in `text[..offset]` (`offset` a character boundary).
    fn before(&self, text: &str, offset: usize) -> usize {
        let k = offset / CHUNK;
        self.counts[k] + chars_starting_in(&text.as_bytes()[k * CHUNK..offset])
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        // sized for a line every 64 bytes, more than news copy (a paragraph a line) needs:
        // one pass over the text, and rarely a regrowth
        let mut starts = Vec::with_capacity(bytes.len() / 64 + 8);
        starts.push(0);
        // line breaks are rare: jump between them
        let mut after_cr = usize::MAX;
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if bytes[i] == b'\n' && after_cr == i {
                // the \n of a \r\n: its line already started
                if let Some(last) = starts.last_mut() {
                    *last = i + 1;
                }
                continue;
            }
            starts.push(i + 1);
            if bytes[i] == b'\r' {
                after_cr = i + 1;
            }
        }
        LineIndex {
            starts,
            ascii: text.is_ascii(),
            checkpoints: std::sync::OnceLock::new(),
        }
    }

    /// 0-based line number holding `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line.min(self.starts.len() - 1)]
    }

    /// 1-based line and column of a byte offset into `text`, the text the index was
    /// built from. An offset inside a multi-byte character is moved back to that
    /// character's start; a leading BOM is not counted.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let offset = floor_boundary(text, offset);
        let line = self.line_of(offset);
        LineCol {
            line: line + 1,
            column: self.column(text, line, self.starts[line], 1, offset),
        }
    }

    /// [`LineIndex::line_col`] of a span's start and end. An end on its start's line is
    /// counted on from the start, not from the line's beginning again.
    pub fn span(&self, text: &str, span: crate::text::Span) -> (LineCol, LineCol) {
        let from = floor_boundary(text, span.start);
        let end = floor_boundary(text, span.end);
        let start = self.line_col(text, from);
        let line = start.line - 1;
        let same_line = end >= from && self.starts.get(line + 1).is_none_or(|&next| end < next);
        // a leading BOM is skipped only when counting from the start of the text
        if !same_line || from == 0 {
            return (start, self.line_col(text, span.end));
        }
        let end = LineCol {
            line: start.line,
            column: self.column(text, line, from, start.column, end),
        };
        (start, end)
    }

    /// The column of `offset` on `line`, counted on from byte `from` (on that line, a
    /// character boundary) at column `at`.
    fn column(&self, text: &str, line: usize, from: usize, at: usize, offset: usize) -> usize {
        if self.ascii {
            return at + (offset - from);
        }
        let chars = if offset - from <= 2 * CHUNK {
            chars_starting_in(&text.as_bytes()[from..offset])
        } else {
            let c = self.checkpoints.get_or_init(|| CharCheckpoints::new(text));
            c.before(text, offset) - c.before(text, from)
        };
        let mut column = at + chars;
        if line == 0 && from == 0 && text.starts_with('\u{feff}') && offset > 0 {
            column -= 1;
        }
        column
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

/// `offset`, moved back to a character boundary of `text` and into it (what
/// `str::floor_char_boundary` does, stable only after this crate's MSRV).
fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_code_point_columns() {
        let text = "ab\n“Hi,” he said\r\nx\ry";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), LineCol { line: 1, column: 1 });
        let he = text.find("he").unwrap();
        assert_eq!(idx.line_col(text, he), LineCol { line: 2, column: 7 });
        let x = text.find('x').unwrap();
        assert_eq!(idx.line_col(text, x), LineCol { line: 3, column: 1 });
        let y = text.find('y').unwrap();
        assert_eq!(idx.line_col(text, y), LineCol { line: 4, column: 1 });
        assert_eq!(idx.line_count(), 4);
    }

    #[test]
    fn every_line_break_convention_starts_a_line() {
        for (text, starts) in [
            ("a\r\n\r\nb", vec![0, 3, 5]),
            ("a\n\rb", vec![0, 2, 3]),
            ("\r\r\n\n", vec![0, 1, 3, 4]),
            ("no break", vec![0]),
        ] {
            assert_eq!(LineIndex::new(text).starts, starts, "{text:?}");
        }
    }

    #[test]
    fn checkpoints_count_characters_as_chars_does() {
        // multi-byte characters straddling the checkpoints, long lines and short
        let text: String = (0..3000)
            .map(|i| ["a", "é", "“", "😀", " ", "\n"][(i * 7 + i / 13) % 6])
            .collect();
        let c = CharCheckpoints::new(&text);
        let idx = LineIndex::new(&text);
        let one_line = text.replace('\n', " ");
        let one = LineIndex::new(&one_line);
        for offset in (0..=text.len()).filter(|&o| text.is_char_boundary(o)) {
            assert_eq!(c.before(&text, offset), text[..offset].chars().count());
            let line = idx.line_of(offset);
            let start = idx.line_start(line);
            assert_eq!(
                idx.line_col(&text, offset).column,
                1 + text[start..offset].chars().count()
            );
            assert_eq!(
                one.line_col(&one_line, offset).column,
                1 + one_line[..offset].chars().count()
            );
        }
    }

    #[test]
    fn bom_is_not_a_column() {
        let text = "\u{feff}Hello";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 3), LineCol { line: 1, column: 1 });
    }

    #[test]
    fn spans_agree_with_offsets_looked_up_one_by_one() {
        // ASCII and not, a BOM, CRLF, spans within a line, across lines, inside a
        // character, empty, reversed and past the end
        for text in [
            "plain ascii\nsecond line\r\nthird",
            "\u{feff}“Hi,” he said\nnext “line” here\r\n\rx",
            "é\n\nà la carte “quoted”",
            "",
        ] {
            let idx = LineIndex::new(text);
            for s in 0..=text.len() + 2 {
                for e in 0..=text.len() + 2 {
                    let span = crate::text::Span::new(s, e);
                    let want = (idx.line_col(text, s), idx.line_col(text, e));
                    assert_eq!(idx.span(text, span), want, "{text:?} {s}..{e}");
                }
            }
        }
    }
}
