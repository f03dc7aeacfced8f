//! Paragraphs, tokens and sentences, all as byte spans into the file.

use super::packed::PackedWords;
use super::{Paragraph, Sentence, Span, Token, TokenKind};

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt",
    "cmdr", "adm", "maj", "st", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "no", "nos", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft",
    "rev", "hon", "pres", "supt", "insp", "det", "cpl", "pvt", "messrs", "mme", "mlle", "approx",
    "est", "dept", "univ", "fig", "vol", "pp", "ca", "cf", "al", "etc", "ie", "eg", "mx",
    // "Roe v. Wade": the case name's "versus"
    "v",
];

/// Capitalised words that start a new sentence after an abbreviation such as "U.S." or
/// "a.m." ("... in the U.S. The talks ...").
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "This",
    "That",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "On",
    "At",
    "As",
    "After",
    "Before",
    "However",
    "Meanwhile",
    "Earlier",
    "Later",
    "When",
    "While",
    "If",
    "Some",
    "Many",
    "Officials",
];

/// Titles written with a full stop before a name.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt", "Capt",
    "Cmdr", "Adm", "Maj", "St", "Rev", "Hon", "Pres", "Supt", "Insp", "Det", "Cpl", "Pvt",
    "Messrs", "Fr", "Sr", "Jr", "Sens", "Reps", "Govs", "Drs", "Gens",
];

static ABBREVIATION_LIST: std::sync::LazyLock<PackedWords> =
    std::sync::LazyLock::new(|| PackedWords::new(ABBREVIATIONS, true));
static TITLE_LIST: std::sync::LazyLock<PackedWords> =
    std::sync::LazyLock::new(|| PackedWords::new(TITLE_ABBREVIATIONS, false));

/// Asked at every full stop: searched as packed integers, not string by string.
fn is_abbreviation(word: &str) -> bool {
    ABBREVIATION_LIST.contains(word)
}

fn is_title_abbreviation(word: &str) -> bool {
    TITLE_LIST.contains(word)
}

/// Splits the prose into paragraphs. A blank line always ends one; in Markdown, so does
/// every block end. In plain text a single newline ends a paragraph too (web copy puts one
/// paragraph on each line), unless the line is visibly hard-wrapped mid-sentence.
pub fn paragraphs(prose: &str, markdown: bool, block_ends: &[usize]) -> Vec<Span> {
    let mut out = Vec::new();
    let bytes = prose.as_bytes();
    let mut para_start: Option<usize> = None;
    let mut last_content_end = 0usize;
    let mut line_start = 0usize;
    let mut breaks = block_ends.iter().peekable();
    let flush = |out: &mut Vec<Span>, start: Option<usize>, end: usize| {
        if let Some(s) = start
            && end > s
        {
            out.push(Span::new(s, end));
        }
    };
    while line_start < bytes.len() {
        let line_end = memchr_newline(bytes, line_start);
        let line = &prose[line_start..line_end];
        let trimmed = line.trim();
        // a block end inside or before this line closes the open paragraph
        let mut block_break = false;
        while let Some(&&b) = breaks.peek() {
            if b <= line_start {
                block_break = true;
                breaks.next();
            } else {
                break;
            }
        }
        if block_break {
            flush(&mut out, para_start.take(), last_content_end);
        }
        if trimmed.is_empty() {
            flush(&mut out, para_start.take(), last_content_end);
        } else {
            let lead = line.len() - line.trim_start().len();
            let content_start = line_start + lead;
            let content_end = line_start + line.trim_end().len();
            if para_start.is_some() && !markdown {
                let prev = prose[..last_content_end].chars().next_back();
                let first = trimmed.chars().next();
                let wrapped = matches!(prev, Some(c) if c.is_alphanumeric() || c == ',')
                    && matches!(first, Some(c) if c.is_lowercase());
                if !wrapped {
                    flush(&mut out, para_start.take(), last_content_end);
                }
            }
            if para_start.is_none() {
                para_start = Some(content_start);
            }
            last_content_end = content_end;
        }
        line_start = next_line(bytes, line_end);
    }
    flush(&mut out, para_start.take(), last_content_end);
    out
}

fn memchr_newline(bytes: &[u8], from: usize) -> usize {
    memchr::memchr2(b'\n', b'\r', &bytes[from..]).map_or(bytes.len(), |p| from + p)
}

fn next_line(bytes: &[u8], line_end: usize) -> usize {
    if line_end >= bytes.len() {
        return bytes.len();
    }
    if bytes[line_end] == b'\r' && bytes.get(line_end + 1) == Some(&b'\n') {
        line_end + 2
    } else {
        line_end + 1
    }
}

/// Where a glued word splits: after a capitalised word of four or more lowercase letters,
/// before a capitalised word of three or more.
#[inline]
fn glued_split(word: &str) -> Option<usize> {
    // almost every word fails this cheap test: no capital after the first letter
    let b = word.as_bytes();
    if b.len() < 7 || !b[0].is_ascii_uppercase() || !b[1..].iter().any(u8::is_ascii_uppercase) {
        return None;
    }
    glued_split_at(word)
}

#[inline(never)]
fn glued_split_at(word: &str) -> Option<usize> {
    if word.contains(['-', '\'', '’', '.']) {
        return None;
    }
    let mut chars = word.char_indices();
    let first_upper = chars.next().is_some_and(|(_, c)| c.is_uppercase());
    // the first inner capital, and whether every letter before it is lowercase
    let mut left = 1;
    let mut at = None;
    for (i, c) in chars.by_ref() {
        if c.is_uppercase() {
            at = Some(i);
            break;
        }
        if !c.is_lowercase() {
            return None;
        }
        left += 1;
    }
    let at = at?;
    let mut right = 1;
    for (_, c) in chars {
        if !c.is_lowercase() {
            return None;
        }
        right += 1;
    }
    (first_upper && left + right >= 7 && left >= 4 && right >= 3).then_some(at)
}

fn is_quote_char(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’' | '"' | '\'' | '«' | '»' | '„')
}

const ALNUM: u8 = 1;
const PLAIN_STOP: u8 = 2;

/// Byte classes for the tokenizer's fast path: one table load per byte instead of range
/// tests. `PLAIN_STOP` bytes end a word and can never join it to what follows.
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = ALNUM;
        } else if matches!(
            c,
            b' ' | b'\t'..=b'\r' | b',' | b';' | b':' | b')' | b'?' | b'!' | b'"'
        ) {
            t[b] = PLAIN_STOP;
        }
        b += 1;
    }
    t
};

/// How many bytes at the start of `bytes` are ASCII letters or digits. Eight bytes are
/// classified at once: a word usually ends inside the first eight, so the scan does not
/// take (and mispredict) a branch per letter.
#[inline]
fn alnum_run(bytes: &[u8]) -> usize {
    use super::swar::{HIGH, ONES, in_range, load8};
    let mut i = 0;
    while i + 8 <= bytes.len() {
        let v = load8(&bytes[i..]);
        // ASCII letters fold to lowercase with bit 0x20
        let alnum = (in_range(v, b'0', b'9') | in_range(v | (ONES * 0x20), b'a', b'z')) & !v;
        let other = !alnum & HIGH;
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i + bytes[i..]
        .iter()
        .position(|&b| BYTE_CLASS[b as usize] != ALNUM)
        .unwrap_or(bytes.len() - i)
}

/// The character at byte `i` of `text` (a character boundary) and its width in bytes.
#[inline(always)]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (b as char, 1)
    } else {
        decode_at(text, i)
    }
}

/// The slow path of [`char_at`], kept out of line so the ASCII path stays small.
#[inline(never)]
fn decode_at(text: &str, i: usize) -> (char, usize) {
    let c = text[i..].chars().next().unwrap_or(' ');
    (c, c.len_utf8())
}

/// Appends one token of `text` (which starts at `base` in the prose).
#[inline(always)]
fn push_token(text: &str, base: usize, s: usize, e: usize, kind: TokenKind, out: &mut Vec<Token>) {
    let b = text.as_bytes()[s];
    out.push(Token {
        // offsets fit in 32 bits: the model segments no text beyond `MAX_TEXT`
        start: (base + s) as u32,
        end: (base + e) as u32,
        kind,
        // `starts_upper` on the byte in hand: through `char` it costs 11 M more
        // instructions on the 5 MB benchmark corpus
        cap: if b < 0x80 {
            b.is_ascii_uppercase()
        } else {
            decode_at(text, s).0.is_uppercase()
        },
    })
}

/// Appends the tokens of `span` to `out`. Words keep inner apostrophes and hyphens
/// ("Russia’s", "state-run") and dotted abbreviations ("U.S.", "a.m."). The index of
/// every token not taken by the fast path (punctuation, numbers, quotation marks, words
/// with a stop) is appended to `slow`: only those can end a sentence before the last.
pub fn tokenize(prose: &str, span: Span, out: &mut Vec<Token>, slow: &mut Vec<u32>) {
    let text = &prose[span.start..span.end];
    let bytes = text.as_bytes();
    let n = bytes.len();
    let base = span.start;
    let mut i = 0;
    while i < n {
        // spaces are a sixth of news text: skip them without decoding
        if matches!(bytes[i], b' ' | b'\t'..=b'\r') {
            i += 1;
            continue;
        }
        // most tokens are plain ASCII words ended by a space or a comma: take them whole
        // here; anything that could join, split or abbreviate goes the long way below
        if bytes[i].is_ascii_alphabetic() {
            let end = i + 1 + alnum_run(&bytes[i + 1..]);
            let plain_stop = end == n
                || BYTE_CLASS[bytes[end] as usize] == PLAIN_STOP
                || bytes[end] == b'.' && plain_before_stop(bytes, i, end);
            if plain_stop && glued_split(&text[i..end]).is_none() {
                push_token(text, base, i, end, TokenKind::Word, out);
                // the space after a word, taken here rather than by another turn of the loop
                i = end + usize::from(bytes.get(end) == Some(&b' '));
                continue;
            }
        }
        let before = out.len();
        i = slow_token(text, base, i, out);
        slow.extend(before as u32..out.len() as u32);
    }
}

/// A word at `i..end` followed by a full stop that the long way would end before the
/// stop, as it ends most sentences: a word of two or more letters starting lowercase (not
/// an initial, a title such as "Mr." or a dotted abbreviation, which keep their stop),
/// with no letter or digit after the stop to join ("tv.com").
#[inline]
fn plain_before_stop(bytes: &[u8], i: usize, end: usize) -> bool {
    end - i >= 2
        && bytes[i].is_ascii_lowercase()
        && bytes
            .get(end + 1)
            .is_none_or(|b| b.is_ascii() && !b.is_ascii_alphanumeric())
}

/// Every token the fast path of [`tokenize`] does not take: punctuation, numbers,
/// quotation marks, and words that join, split or abbreviate. Returns where the next
/// token starts. Kept out of line, so that the fast path stays small.
#[inline(never)]
fn slow_token(text: &str, base: usize, mut i: usize, out: &mut Vec<Token>) -> usize {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let at = |i: usize| -> (char, usize) { char_at(text, i) };
    let next_char = |i: usize| if i < n { Some(at(i).0) } else { None };
    let mut push = |s: usize, e: usize, kind: TokenKind| push_token(text, base, s, e, kind, out);
    let (c, w) = at(i);
    if c.is_whitespace() {
        i += w;
        return i;
    }
    let start = i;
    if c.is_alphabetic() {
        let mut end = i + w;
        // dotted abbreviation: single letters each followed by '.'
        if bytes.get(end) == Some(&b'.') {
            let mut j = end + 1;
            let mut letters = 1;
            loop {
                let mut cs = text[j..].chars();
                match (cs.next(), cs.next()) {
                    (Some(l), Some('.')) if l.is_alphabetic() => {
                        j += l.len_utf8() + 1;
                        letters += 1;
                    }
                    _ => break,
                }
            }
            if letters >= 2 && !next_char(j).is_some_and(char::is_alphabetic) {
                push(start, j, TokenKind::Word);
                i = j;
                return i;
            }
        }
        loop {
            // ASCII letters and digits in one step; then what stopped them
            end += alnum_run(&bytes[end..]);
            if end >= n {
                break;
            }
            let (d, dw) = at(end);
            if d == '.'
                && let Some(j) = dotted_after_hyphen(text, start, end)
            {
                end = j;
                break;
            }
            if d.is_alphanumeric() {
                end += dw;
            } else if matches!(d, '\'' | '’' | '-' | '‐' | '.' | '&') {
                // joiner only when a letter or digit follows (and for '.', a letter,
                // to keep "U.S.-China" and web-style "tv.com" whole; a plain full stop
                // is punctuation)
                let after = next_char(end + dw);
                let joins = match d {
                    '.' => {
                        after.is_some_and(char::is_lowercase)
                            && text[start..end].chars().all(char::is_lowercase)
                    }
                    '&' => {
                        after.is_some_and(char::is_uppercase)
                            && text[start..end].chars().all(char::is_uppercase)
                    }
                    _ => after.is_some_and(char::is_alphanumeric),
                };
                if joins {
                    end += dw;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        // web copy glues words together when it drops markup: "Jack SullivanThe White
        // House", "Yang JiechiChinese official". Split before an inner capital when
        // both halves look like words (not "McDonald", "YouTube", "LinkedIn").
        let word = &text[start..end];
        if let Some(split) = glued_split(word) {
            push(start, start + split, TokenKind::Word);
            push(start + split, end, TokenKind::Word);
            i = end;
            return i;
        }
        // "Mr." / "Sen." / an initial "E." keep their full stop when a name follows:
        // the stop is part of the word, not the end of a sentence
        if bytes.get(end) == Some(&b'.') {
            let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            let after = text[end + 1..].trim_start_matches(' ');
            let name_follows = text[end + 1..].starts_with(' ')
                && after.chars().next().is_some_and(char::is_uppercase);
            if name_follows && (initial || is_title_abbreviation(word)) {
                end += 1;
            }
        }
        push(start, end, TokenKind::Word);
        i = end;
    } else if c.is_ascii_digit() {
        let mut end = i + 1;
        while end < n {
            let (d, dw) = at(end);
            if d.is_alphanumeric() {
                end += dw;
            } else if matches!(d, '.' | ',' | ':')
                && next_char(end + 1).is_some_and(|a| a.is_ascii_digit())
                || d == '-' && next_char(end + 1).is_some_and(char::is_alphanumeric)
            {
                // "5,000", "1.5", "11:50", "2-1"
                end += 1;
            } else {
                break;
            }
        }
        push(start, end, TokenKind::Number);
        i = end;
    } else if (c == '\'' && bytes.get(i + 1) == Some(&b'\''))
        || (c == '`' && bytes.get(i + 1) == Some(&b'`'))
    {
        // NYT style ''quote'' and TeX style ``quote'': one double mark
        push(i, i + 2, TokenKind::Quote);
        i += 2;
    } else if is_quote_char(c) {
        push(i, i + w, TokenKind::Quote);
        i += w;
    } else if c == '-' && bytes.get(i + 1) == Some(&b'-') {
        push(i, i + 2, TokenKind::Dash);
        i += 2;
    } else if matches!(c, '—' | '–' | '―') {
        push(i, i + w, TokenKind::Dash);
        i += w;
    } else if c == '.' && text[i..].starts_with("...") {
        push(i, i + 3, TokenKind::Punct);
        i += 3;
    } else {
        push(i, i + w, TokenKind::Punct);
        i += w;
    }
    i
}

/// Where a dotted abbreviation after a hyphen ends: a party and state tag, "D-N.Y.",
/// "R-S.C.", is one word, so that its inner stops end no sentence. `end` is at a full
/// stop; the word so far must end in a hyphen and one capital letter. The run is single
/// letters each followed by a stop, the last one's stop optional ("D-N.Y)").
fn dotted_after_hyphen(text: &str, start: usize, end: usize) -> Option<usize> {
    let word = &text.as_bytes()[start..end];
    let n = word.len();
    if n < 3 || word[n - 2] != b'-' || !word[n - 1].is_ascii_uppercase() {
        return None;
    }
    let rest = &text.as_bytes()[end..];
    let mut j = 0; // bytes of `rest` taken: ".Y." or ".Y"
    let mut letters = 1;
    while rest.get(j) == Some(&b'.') && rest.get(j + 1).is_some_and(u8::is_ascii_uppercase) {
        j += 2;
        letters += 1;
    }
    if rest.get(j) == Some(&b'.') {
        j += 1;
    }
    let after = text[end + j..].chars().next();
    (letters >= 2 && !after.is_some_and(char::is_alphanumeric)).then_some(end + j)
}

/// Splits a paragraph's tokens into sentences. `slow` lists, in order, the tokens of
/// the paragraph that [`tokenize`] did not take by its fast path: a plain word does not
/// end a sentence (unless it is the paragraph's last token), so only these are read.
pub fn sentences(
    prose: &str,
    tokens: &[Token],
    tok_range: std::ops::Range<usize>,
    slow: &[u32],
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let mut start = tok_range.start;
    let end = tok_range.end;
    let push = |start: usize, last: usize, out: &mut Vec<Sentence>| {
        out.push(Sentence {
            span: Span::new(tokens[start].span().start, tokens[last].span().end),
            tokens: start..last + 1,
            paragraph,
            headline: false,
        })
    };
    for &i in slow {
        let i = i as usize;
        // a closing mark taken into the sentence before
        if i < start {
            continue;
        }
        let t = &tokens[i];
        let s = t.text(prose);
        let mut boundary = false;
        let mut last = i;
        if t.kind == TokenKind::Punct && matches!(s, "." | "!" | "?" | "…" | "...") {
            // absorb closing quotes and brackets
            while last + 1 < end {
                let n = tokens[last + 1].text(prose);
                if matches!(n, "”" | "’" | "\"" | "'" | ")" | "]" | "»") {
                    last += 1;
                } else {
                    break;
                }
            }
            let next = tokens.get(last + 1).filter(|_| last + 1 < end);
            let starts_sentence = match next {
                None => true,
                Some(n) => {
                    let nt = n.text(prose);
                    let first = nt.chars().next().unwrap_or(' ');
                    first.is_uppercase()
                        || n.kind == TokenKind::Number
                        || matches!(nt, "“" | "‘" | "\"" | "'" | "(" | "[" | "«" | "—" | "-")
                }
            };
            boundary = starts_sentence;
            if boundary && s == "." && i > start {
                let prev = &tokens[i - 1];
                let pt = prev.text(prose);
                // "Mr." / "Feb." / an initial "J." do not end a sentence before a name
                let initial = pt.chars().count() == 1 && pt.chars().all(|c| c.is_uppercase());
                if prev.kind == TokenKind::Word
                    && prev.end == t.start
                    && (is_abbreviation(pt) || initial)
                {
                    boundary = next.is_none();
                }
            }
            // "!" or "?" inside a quote followed by an attribution: “Why?” he asked.
            if boundary
                && matches!(s, "!" | "?")
                && last > i
                && let Some(n) = next
                && n.text(prose)
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_lowercase())
            {
                boundary = false;
            }
        } else if t.kind == TokenKind::Word && s.ends_with('.') && s.contains('.') && s.len() > 2 {
            // dotted abbreviation: "U.S." ends a sentence only before a typical opener
            if let Some(n) = tokens.get(i + 1).filter(|_| i + 1 < end) {
                boundary = SENTENCE_STARTERS.contains(&n.text(prose));
            }
        }
        if boundary {
            push(start, last, out);
            start = last + 1;
        }
    }
    // the rest of the paragraph, whatever its last token
    if start < end {
        push(start, end - 1, out);
    }
}

/// Most words capitalised, as headlines often are ("Russia Is Reportedly Seeking Military
/// Aid"): at least four words, seven in ten of them capitalised. Read from the tokens'
/// kinds and capitals: every word token starts with a letter, so every one counts.
pub fn title_case(tokens: &[Token]) -> bool {
    let (mut n, mut caps) = (0usize, 0usize);
    for t in tokens {
        if t.kind == TokenKind::Word {
            n += 1;
            caps += usize::from(t.cap);
        }
    }
    n >= 4 && caps * 10 >= n * 7
}

/// A paragraph is headline-like when it is one sentence that does not end in terminal
/// punctuation ("Russia seeking military aid from China says US official").
pub fn is_headline(prose: &str, p: &Paragraph, sentences: &[Sentence], tokens: &[Token]) -> bool {
    if p.sentences.len() != 1 {
        return false;
    }
    let s = &sentences[p.sentences.start];
    let toks = &tokens[s.tokens.clone()];
    let Some(last) = toks
        .iter()
        .rev()
        .find(|t| !matches!(t.text(prose), "”" | "’" | "\"" | "'" | ")"))
    else {
        return false;
    };
    !matches!(last.text(prose), "." | "!" | "?" | "…" | "..." | ":" | ",")
        && !last.text(prose).ends_with('.')
        && toks.len() <= 30
}

#[cfg(test)]
mod tests {
    use super::{slow_token, tokenize};
    use crate::text::{Span, TextModel, Token};

    #[test]
    fn title_case_counts_capitalised_words() {
        // the tokens' capitals against the definition on the words' text: words with a
        // letter, counted when their first character is uppercase
        let by_text = |words: &[&str]| {
            let lettered: Vec<&&str> = words
                .iter()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .collect();
            let caps = lettered
                .iter()
                .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                .count();
            lettered.len() >= 4 && caps * 10 >= lettered.len() * 7
        };
        for text in [
            "Russia Is Reportedly Seeking Military Aid From China",
            "Russia is reportedly seeking military aid",
            "Élysée Says Ümit Ödegaard And Co. Won 3-1 In U.S. Cup",
            "ÉLYSÉE éclair über Über Ünal",
            "US, UK And EU",
            "Three Big Words",
            "SullivanThe White House said 5,000 it's “Fine”",
        ] {
            let tm = TextModel::new(text, false);
            let words: Vec<&str> = tm
                .tokens
                .iter()
                .filter(|t| t.kind == crate::text::TokenKind::Word)
                .map(|t| t.text(&tm.prose))
                .collect();
            assert!(
                words
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_alphabetic))
            );
            assert_eq!(super::title_case(&tm.tokens), by_text(&words), "{text}");
        }
    }

    #[test]
    fn glued_words_split_before_an_inner_capital() {
        use super::glued_split;
        assert_eq!(glued_split("SullivanThe"), Some(8));
        assert_eq!(glued_split("JiechiChinese"), Some(6));
        assert_eq!(glued_split("SéverineDupont"), Some(9));
        for whole in [
            "McDonald",
            "YouTube",
            "LinkedIn",
            "SULLIVANThe",
            "Sullivan2The",
            "SullivanTHE",
            "sullivanThe",
            "O'NeillThe",
            "Sullivan",
            "",
        ] {
            assert_eq!(glued_split(whole), None, "{whole}");
        }
    }

    fn sents(text: &str) -> Vec<String> {
        let m = TextModel::new(text, false);
        m.sentences
            .iter()
            .map(|s| text[s.span.start..s.span.end].to_string())
            .collect()
    }

    #[test]
    fn alnum_runs_match_a_byte_by_byte_scan() {
        let bytes: Vec<u8> = (0u8..=255).chain(b"ab9Z".iter().copied()).collect();
        for start in 0..bytes.len() {
            for len in [0, 1, 7, 8, 9, 17] {
                let s = &bytes[start..(start + len).min(bytes.len())];
                let want = s
                    .iter()
                    .position(|b| !b.is_ascii_alphanumeric())
                    .unwrap_or(s.len());
                assert_eq!(super::alnum_run(s), want, "{s:?}");
            }
        }
        assert_eq!(super::alnum_run(b"Internationalisation2024 and"), 24);
    }

    #[test]
    fn a_case_name_is_one_sentence() {
        assert_eq!(
            sents("Trump will reverse Roe v. Wade. The court ruled."),
            ["Trump will reverse Roe v. Wade.", "The court ruled."]
        );
    }

    #[test]
    fn capitalised_words_are_listed_in_order() {
        let m = TextModel::new("The US said “Élysée” and 12 Downing St. rose.", false);
        let words: Vec<&str> = m.capitalised.iter().map(|&i| m.tok(i as usize)).collect();
        assert_eq!(words, ["The", "US", "Élysée", "Downing", "St"]);
    }

    #[test]
    fn packed_word_lists_match_the_lists() {
        use super::{ABBREVIATIONS, TITLE_ABBREVIATIONS, is_abbreviation, is_title_abbreviation};
        for a in ABBREVIATIONS {
            assert!(
                is_abbreviation(a) && is_abbreviation(&a.to_uppercase()),
                "{a}"
            );
        }
        for t in TITLE_ABBREVIATIONS {
            assert!(is_title_abbreviation(t), "{t}");
            assert!(!is_title_abbreviation(&t.to_lowercase()), "{t}");
        }
        for w in [
            "",
            "m",
            "mrs.",
            "Mrx",
            "messrsx",
            "internationally",
            "Dé",
            "said",
        ] {
            assert!(!is_abbreviation(w) && !is_title_abbreviation(w), "{w}");
        }
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            sents("Mr. Smith met Dr. Jones in Feb. at 9 a.m. on Monday. They talked."),
            vec![
                "Mr. Smith met Dr. Jones in Feb. at 9 a.m. on Monday.",
                "They talked."
            ]
        );
    }

    #[test]
    fn us_abbreviation_and_initials() {
        assert_eq!(
            sents("A U.S. official said it. J. K. Rowling agreed with the U.S. The end."),
            vec![
                "A U.S. official said it.",
                "J. K. Rowling agreed with the U.S.",
                "The end."
            ]
        );
    }

    #[test]
    fn quote_ending_a_sentence() {
        assert_eq!(
            sents("He said: “It is over.” Then he left. “Why?” she asked."),
            vec![
                "He said: “It is over.”",
                "Then he left.",
                "“Why?” she asked."
            ]
        );
    }

    #[test]
    fn one_paragraph_per_line_in_text_but_wrapped_lines_join() {
        let m = TextModel::new(
            "Headline here\nFirst para.\nSecond para, which\nwraps here.\n\nThird.",
            false,
        );
        assert_eq!(m.paragraphs.len(), 4);
        assert!(m.paragraphs[0].headline);
        assert!(!m.paragraphs[1].headline);
    }

    #[test]
    fn a_title_case_first_sentence_is_a_headline_even_with_a_full_stop() {
        let text = "Democrats Call For Action While Republicans Tweet Prayers After The Shooting.  WASHINGTON — Officials said so. More came.\n\nThe end.";
        let m = TextModel::new(text, false);
        assert!(!m.paragraphs[0].headline);
        let heads: Vec<bool> = m.sentences.iter().map(|s| s.headline).collect();
        assert_eq!(heads, vec![true, false, false, false]);
        // a first sentence in ordinary case stays the story's
        let m = TextModel::new(
            "Officials said the talks had failed. More came.\n\nThe end.",
            false,
        );
        assert!(m.sentences.iter().all(|s| !s.headline));
    }

    #[test]
    fn fast_paths_tokenize_as_the_long_way_does() {
        // every token taken by `slow_token` alone: what the fast paths must agree with
        fn slow_only(text: &str) -> Vec<Token> {
            let mut out = Vec::new();
            let mut i = 0;
            while i < text.len() {
                i = slow_token(text, 0, i, &mut out);
            }
            out
        }
        let texts = [
            "He said. She said.\nThey said... It was said.. Mr. Smith met Dr. Jones.",
            "the end. a. b. e.g. i.e. a.m. tv.com said.com said.5 said.é etc. Sen. Warren",
            "Liu said.“Quote” said.’ said.) said.- said.\u{a0}x the U.S. The vote.",
            "Jack SullivanThe White House said; Yang JiechiChinese official, 5,000 words.",
            "“Why?” he asked. ''NYT'' ``TeX'' -- — – state-run Russia’s ex-CIA AT&T said.",
            "last word.",
            "x.",
        ];
        for text in texts {
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            tokenize(text, Span::new(0, text.len()), &mut fast, &mut slow);
            assert_eq!(fast, slow_only(text), "{text:?}");
            // what the sentence splitter skips: a token left off `slow` is a word
            // without a stop
            for (i, t) in fast.iter().enumerate() {
                if !slow.contains(&(i as u32)) {
                    assert_eq!(t.kind, super::TokenKind::Word, "{text:?} {i}");
                    assert!(!t.text(text).ends_with('.'), "{text:?} {i}");
                }
            }
            assert!(slow.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn a_party_and_state_tag_is_one_word() {
        let text = "Rep. Gregory Meeks (D-N.Y.) said. Meeks, D-N.Y., said. Steve Israel (D-N.Y) said. A-B.C is here.";
        let m = TextModel::new(text, false);
        let toks: Vec<&str> = m.tokens.iter().map(|t| t.text(text)).collect();
        assert!(toks.contains(&"D-N.Y."), "{toks:?}");
        assert!(toks.contains(&"D-N.Y"), "{toks:?}");
        assert_eq!(m.sentences.len(), 4, "{toks:?}");
        // one capital after the hyphen, then a word: no tag
        assert_eq!(super::dotted_after_hyphen("A-B.Cd", 0, 3), None);
        assert_eq!(super::dotted_after_hyphen("D-N.Y.) said", 0, 3), Some(6));
    }

    #[test]
    fn tokens_keep_apostrophes_hyphens_and_dotted_abbreviations() {
        let text = "Russia’s state-run U.S.-based ex-CIA analyst, 5,000 words.";
        let m = TextModel::new(text, false);
        let toks: Vec<&str> = m.tokens.iter().map(|t| t.text(text)).collect();
        assert_eq!(
            toks,
            vec![
                "Russia’s",
                "state-run",
                "U.S.",
                "-",
                "based",
                "ex-CIA",
                "analyst",
                ",",
                "5,000",
                "words",
                "."
            ]
        );
    }
}
