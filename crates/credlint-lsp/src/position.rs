//! Between the library's byte offsets and the protocol's positions: a line and a
//! character offset counted in UTF-16 code units (the protocol's default) or in bytes
//! (when the client offers `utf-8`). The counting is the core's
//! ([`credlint::LineIndex::position`] and [`credlint::LineIndex::offset`], tested there
//! against a character-by-character walk); this module only converts the types.

use lsp_types::Position;

/// How the client counts characters within a line.
pub use credlint::PositionEncoding as Encoding;

/// The line starts of one document's text, for converting positions.
pub struct LineMap {
    index: credlint::LineIndex,
}

impl LineMap {
    pub fn new(text: &str) -> LineMap {
        LineMap {
            index: credlint::LineIndex::new(text),
        }
    }

    /// The position of byte offset `offset` (clamped to the text, moved back to a
    /// character boundary).
    pub fn position(&self, text: &str, offset: usize, enc: Encoding) -> Position {
        let p = self.index.position(text, offset, enc);
        Position::new(p.line, p.character)
    }

    /// The byte offset of `pos`. As the protocol asks, a character past the end of its
    /// line means the line's end, and a line past the last means the end of the text; a
    /// position inside a character (half a surrogate pair) means the character's start.
    pub fn offset(&self, text: &str, pos: Position, enc: Encoding) -> usize {
        let p = credlint::Position {
            line: pos.line,
            character: pos.character,
        };
        self.index.offset(text, p, enc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_round_trip_in_both_encodings() {
        let text = "Ré said “no”.\r\nThe 😀 emoji\rthird\n\nlast 𝄞 line";
        let map = LineMap::new(text);
        let emoji = text.find('😀').expect("in the text");
        assert_eq!(
            map.position(text, emoji, Encoding::Utf16),
            Position::new(1, 4)
        );
        let after = emoji + '😀'.len_utf8();
        assert_eq!(
            map.position(text, after, Encoding::Utf16),
            Position::new(1, 6)
        );
        assert_eq!(
            map.position(text, after, Encoding::Utf8),
            Position::new(1, 8)
        );
        for enc in [Encoding::Utf8, Encoding::Utf16] {
            for (offset, _) in text.char_indices() {
                let b = text.as_bytes();
                // the "\n" of "\r\n" has no position of its own
                if !(offset > 0 && b[offset - 1] == b'\r' && b[offset] == b'\n') {
                    let pos = map.position(text, offset, enc);
                    assert_eq!(map.offset(text, pos, enc), offset, "{offset} {enc:?}");
                }
            }
        }
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
