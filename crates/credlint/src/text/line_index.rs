//! Byte offset to 1-based line and column (columns count Unicode code points, as SARIF's
//! `unicodeCodePoints` and GitHub annotations expect), and to and from an editor's
//! 0-based [`Position`] (columns in UTF-16 code units, the Language Server Protocol's
//! default, or in bytes).

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

/// A place in a file as people and report formats count it: 1-based line and 1-based
/// column in Unicode code points (a leading byte order mark is not counted).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct LineCol {
    /// The line, from 1.
    pub line: usize,
    /// The column in code points, from 1.
    pub column: usize,
}

/// The unit an editor counts a line's characters in (the Language Server Protocol's
/// "position encoding"): editors built on JavaScript or Java count UTF-16 code units, so
/// a character outside the Basic Multilingual Plane (an emoji, "𝄞") is two.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PositionEncoding {
    /// Bytes of UTF-8 (the protocol's `utf-8`).
    Utf8,
    /// UTF-16 code units (the protocol's default, `utf-16`).
    Utf16,
}

/// A place in a file as an editor gives it: 0-based line and 0-based offset within the
/// line, counted in the units of a [`PositionEncoding`]. Unlike [`LineCol`], a byte
/// order mark is a character like any other here, as the protocol has it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Position {
    /// The line, from 0.
    pub line: u32,
    /// The offset within the line, from 0, in the encoding's units.
    pub character: u32,
}

impl PositionEncoding {
    /// How many units `c` counts for.
    fn width(self, c: char) -> usize {
        match self {
            PositionEncoding::Utf8 => c.len_utf8(),
            PositionEncoding::Utf16 => c.len_utf16(),
        }
    }
}

impl LineIndex {
    /// The line starts of `text`, found in one pass.
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

    /// The byte offset at which 0-based `line` starts (the last line's start past it).
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

    /// The number of lines (a text ending in a line break has an empty last line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The editor position of byte offset `offset` into `text` (the text the index was
    /// built from), its column counted in `encoding`'s units. An offset past the end is
    /// the end; one inside a character is that character's start.
    pub fn position(&self, text: &str, offset: usize, encoding: PositionEncoding) -> Position {
        let offset = floor_boundary(text, offset);
        let line = self.line_of(offset);
        let before = &text[self.starts[line]..offset];
        let character = match encoding {
            PositionEncoding::Utf8 => before.len(),
            PositionEncoding::Utf16 => before.chars().map(char::len_utf16).sum(),
        };
        Position {
            line: to_u32(line),
            character: to_u32(character),
        }
    }

    /// The byte offset into `text` of an editor position, its column counted in
    /// `encoding`'s units. As the Language Server Protocol asks, a column past the end of
    /// its line means the line's end (before its line break), a line past the last means
    /// the end of the text, and a column inside a character (half a UTF-16 surrogate
    /// pair) means the character's start.
    pub fn offset(&self, text: &str, position: Position, encoding: PositionEncoding) -> usize {
        let line = position.line as usize;
        let Some(&start) = self.starts.get(line) else {
            return text.len();
        };
        let end = self.starts.get(line + 1).copied().unwrap_or(text.len());
        let content = text[start..end].trim_end_matches(['\n', '\r']);
        let want = position.character as usize;
        let mut count = 0;
        for (i, c) in content.char_indices() {
            count += encoding.width(c);
            if count > want {
                return start + i;
            }
        }
        start + content.len()
    }
}

/// A line or column as the protocol's `u32` (a text of 4 GiB or more is refused before it
/// is linted, so only a larger one given to the index directly saturates).
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// `offset`, moved back to a character boundary of `text` and into it (what
/// `str::floor_char_boundary` does, stable only after this crate's MSRV).
pub fn floor_boundary(text: &str, offset: usize) -> usize {
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

    /// The plain version of [`LineIndex::position`]: the text walked character by
    /// character, `\n`, `\r\n` and a lone `\r` each ending a line.
    fn naive_position(text: &str, offset: usize, encoding: PositionEncoding) -> Position {
        let (mut line, mut character) = (0, 0);
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if i >= offset {
                break;
            }
            let crlf = c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n');
            if c == '\n' || (c == '\r' && !crlf) {
                line += 1;
                character = 0;
            } else {
                character += encoding.width(c) as u32;
            }
        }
        Position { line, character }
    }

    /// The plain version of [`LineIndex::offset`]: the lines split one by one, then the
    /// line's characters counted until the column is passed.
    fn naive_offset(text: &str, position: Position, encoding: PositionEncoding) -> usize {
        let mut start = 0;
        let mut lines = Vec::new();
        let b = text.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'\n' || b[i] == b'\r' {
                let end = i;
                i += if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                lines.push((start, end));
                start = i;
            } else {
                i += 1;
            }
        }
        lines.push((start, text.len()));
        let Some(&(start, end)) = lines.get(position.line as usize) else {
            return text.len();
        };
        let mut count = 0;
        for (i, c) in text[start..end].char_indices() {
            count += encoding.width(c) as u32;
            if count > position.character {
                return start + i;
            }
        }
        end
    }

    /// Texts of any Unicode, weighted towards what makes positions hard: characters
    /// outside the Basic Multilingual Plane (two UTF-16 units), two- and three-byte
    /// characters, a byte order mark and every line break convention.
    fn unicode_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop_oneof![
            any::<char>().prop_map(String::from),
            Just("\r\n".to_string()),
            Just("\r".to_string()),
            Just("\n".to_string()),
            Just("😀".to_string()),
            Just("𝄞".to_string()),
            Just("é".to_string()),
            Just("“".to_string()),
            Just("\u{feff}".to_string()),
            Just("a".to_string()),
        ];
        proptest::collection::vec(piece, 0..48).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #[test]
        fn editor_positions_agree_with_the_plain_walk(
            text in unicode_text(),
            probes in proptest::collection::vec((0u32..12, 0u32..40), 8),
        ) {
            let idx = LineIndex::new(&text);
            let b = text.as_bytes();
            for encoding in [PositionEncoding::Utf8, PositionEncoding::Utf16] {
                for offset in 0..=text.len() + 2 {
                    let got = idx.position(&text, offset, encoding);
                    let at = floor_boundary(&text, offset);
                    // the "\n" of a "\r\n" has no place of its own: it is the end of
                    // the "\r"'s line, one unit past the "\r"
                    if at > 0 && b[at - 1] == b'\r' && b.get(at) == Some(&b'\n') {
                        let cr = naive_position(&text, at - 1, encoding);
                        proptest::prop_assert_eq!(got.line, cr.line);
                        proptest::prop_assert_eq!(got.character, cr.character + 1);
                        continue;
                    }
                    proptest::prop_assert_eq!(got, naive_position(&text, at, encoding));
                    if at == offset {
                        proptest::prop_assert_eq!(idx.offset(&text, got, encoding), offset);
                    }
                }
                for &(line, character) in &probes {
                    let p = Position { line, character };
                    proptest::prop_assert_eq!(
                        idx.offset(&text, p, encoding),
                        naive_offset(&text, p, encoding),
                        "{:?}", p
                    );
                }
            }
        }
    }

    #[test]
    fn utf16_counts_astral_characters_as_two_units() {
        let text = "a😀b\r\nx";
        let idx = LineIndex::new(text);
        let at = |line, character| Position { line, character };
        assert_eq!(idx.position(text, 5, PositionEncoding::Utf16), at(0, 3));
        assert_eq!(idx.position(text, 5, PositionEncoding::Utf8), at(0, 5));
        // inside the surrogate pair: the emoji's start
        assert_eq!(idx.offset(text, at(0, 2), PositionEncoding::Utf16), 1);
        // past the line's end: before its line break; past the last line: the end
        assert_eq!(idx.offset(text, at(0, 99), PositionEncoding::Utf16), 6);
        assert_eq!(idx.offset(text, at(7, 0), PositionEncoding::Utf16), 9);
        assert_eq!(idx.position(text, 99, PositionEncoding::Utf16), at(1, 1));
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
