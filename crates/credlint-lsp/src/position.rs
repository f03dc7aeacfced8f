//! Between the library's byte offsets and the protocol's positions: a line and a
//! character offset counted in UTF-16 code units (the protocol's default) or in bytes
//! (when the client offers `utf-8`).
//!
//! Written here rather than taken from a crate: the protocol ends lines at `\n`, `\r\n`
//! and `\r` alike (as the library's own line index does), which the line-index crates
//! built for source code do not, and the whole of it is two small functions.

use lsp_types::Position;

/// How the client counts characters within a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

/// The byte offset at which each line of a text starts.
pub struct LineMap {
    starts: Vec<usize>,
}

impl LineMap {
    pub fn new(text: &str) -> LineMap {
        let mut starts = vec![0];
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(n) = memchr::memchr2(b'\n', b'\r', &bytes[i..]) {
            let at = i + n;
            // "\r\n" is one line end
            i = if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') {
                at + 2
            } else {
                at + 1
            };
            starts.push(i);
        }
        LineMap { starts }
    }

    /// The text of line `line` without its line end (empty past the last line).
    fn line<'t>(&self, text: &'t str, line: usize) -> &'t str {
        let Some(&start) = self.starts.get(line) else {
            return "";
        };
        let end = self.starts.get(line + 1).copied().unwrap_or(text.len());
        text[start..end].trim_end_matches(['\n', '\r'])
    }

    /// The position of byte offset `offset` (clamped to the text, moved back to a
    /// character boundary).
    pub fn position(&self, text: &str, offset: usize, enc: Encoding) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let before = &text[start..offset];
        let character = match enc {
            Encoding::Utf8 => before.len(),
            Encoding::Utf16 => before.chars().map(char::len_utf16).sum(),
        };
        Position::new(line as u32, character as u32)
    }

    /// The byte offset of `pos`. As the protocol asks, a character past the end of its
    /// line means the line's end, and a line past the last means the end of the text; a
    /// position inside a character (half a surrogate pair) means the character's start.
    pub fn offset(&self, text: &str, pos: Position, enc: Encoding) -> usize {
        let line = pos.line as usize;
        let Some(&start) = self.starts.get(line) else {
            return text.len();
        };
        let content = self.line(text, line);
        let want = pos.character as usize;
        let mut count = 0;
        for (i, c) in content.char_indices() {
            let width = match enc {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
            if count + width > want {
                return start + i;
            }
            count += width;
        }
        start + content.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain version: walk the text character by character.
    fn naive(text: &str, offset: usize, enc: Encoding) -> Position {
        let (mut line, mut ch) = (0u32, 0u32);
        let mut it = text.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if i >= offset {
                break;
            }
            if c == '\n' || (c == '\r' && it.peek().map(|p| p.1) != Some('\n')) {
                line += 1;
                ch = 0;
            } else if c == '\r' {
                // the "\r" of "\r\n": the "\n" ends the line
            } else {
                ch += match enc {
                    Encoding::Utf8 => c.len_utf8(),
                    Encoding::Utf16 => c.len_utf16(),
                } as u32;
            }
        }
        Position::new(line, ch)
    }

    #[test]
    fn positions_round_trip_in_both_encodings() {
        let text = "Ré said “no”.\r\nThe 😀 emoji\rthird\n\nlast 𝄞 line";
        let map = LineMap::new(text);
        for enc in [Encoding::Utf8, Encoding::Utf16] {
            for (offset, _) in text.char_indices() {
                let pos = map.position(text, offset, enc);
                // the "\n" of "\r\n" has no position of its own
                let b = text.as_bytes();
                if !(offset > 0 && b[offset - 1] == b'\r' && b[offset] == b'\n') {
                    assert_eq!(pos, naive(text, offset, enc), "{offset} {enc:?}");
                    assert_eq!(map.offset(text, pos, enc), offset, "{offset} {enc:?}");
                }
            }
        }
    }

    #[test]
    fn utf16_counts_surrogate_pairs_as_two() {
        let text = "a😀b\nx";
        let map = LineMap::new(text);
        assert_eq!(map.position(text, 5, Encoding::Utf16), Position::new(0, 3));
        assert_eq!(map.position(text, 5, Encoding::Utf8), Position::new(0, 5));
        // inside the pair: the emoji's start
        assert_eq!(map.offset(text, Position::new(0, 2), Encoding::Utf16), 1);
    }

    #[test]
    fn positions_past_the_end_are_clamped() {
        let text = "ab\r\ncd";
        let map = LineMap::new(text);
        assert_eq!(map.offset(text, Position::new(0, 99), Encoding::Utf16), 2);
        assert_eq!(map.offset(text, Position::new(7, 0), Encoding::Utf16), 6);
        assert_eq!(map.position(text, 99, Encoding::Utf16), Position::new(1, 2));
    }
}
