//! Noun phrases that can be a source, parsed with nom over the tokens of one sentence.
//!
//! "a top US official cited by CNN broadcaster", "Liu Pengyu, the Chinese embassy
//! spokesperson in Washington,", "Other US officials", "he", "the Financial Times and The
//! Washington Post", "another source familiar with events in Ukraine".

use nom::branch::alt;
use nom::combinator::{opt, verify};
use nom::error::{Error, ErrorKind};
use nom::multi::fold_many0;
use nom::sequence::preceded;
use nom::{IResult, Parser};

use super::W;
use super::lexicon::PhraseKind;
use super::lexicon::class::*;

pub type In<'a> = Toks<'a>;
pub type Res<'a, O> = IResult<In<'a>, O>;

/// The tokens of a sentence as nom input (nom 8 implements `Input` only for bytes and str).
#[derive(Clone, Copy, Debug)]
pub struct Toks<'a>(pub &'a [W<'a>]);

impl<'a> std::ops::Deref for Toks<'a> {
    type Target = [W<'a>];
    fn deref(&self) -> &[W<'a>] {
        self.0
    }
}

impl<'a> Toks<'a> {
    pub fn from(&self, n: usize) -> Toks<'a> {
        Toks(&self.0[n.min(self.0.len())..])
    }
}

impl<'a> nom::Input for Toks<'a> {
    type Item = W<'a>;
    type Iter = std::iter::Copied<std::slice::Iter<'a, W<'a>>>;
    type IterIndices = std::iter::Enumerate<Self::Iter>;
    fn input_len(&self) -> usize {
        self.0.len()
    }
    fn take(&self, index: usize) -> Self {
        Toks(&self.0[..index])
    }
    fn take_from(&self, index: usize) -> Self {
        Toks(&self.0[index..])
    }
    fn take_split(&self, index: usize) -> (Self, Self) {
        let (a, b) = self.0.split_at(index);
        (Toks(b), Toks(a))
    }
    fn position<P: Fn(Self::Item) -> bool>(&self, predicate: P) -> Option<usize> {
        self.0.iter().position(|w| predicate(*w))
    }
    fn iter_elements(&self) -> Self::Iter {
        self.0.iter().copied()
    }
    fn iter_indices(&self) -> Self::IterIndices {
        self.iter_elements().enumerate()
    }
    fn slice_index(&self, count: usize) -> Result<usize, nom::Needed> {
        if self.0.len() >= count {
            Ok(count)
        } else {
            Err(nom::Needed::new(count - self.0.len()))
        }
    }
}

/// A parsed noun phrase, as token indices into the sentence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Np {
    pub start: usize,
    pub end: usize,
    pub head: usize,
    /// End of the phrase that names the source: without a channel ("speaking to CNN",
    /// "cited by CNN") or an appositive.
    pub source_end: usize,
    pub pronoun: bool,
    /// Appositive ("Liu Pengyu, the Chinese embassy spokesperson,"): its first token to its head.
    pub appositive: Option<(usize, usize)>,
    /// A channel participle inside the phrase ("speaking to CNN"): cue start, end.
    pub channel: Option<(usize, usize)>,
    /// A "cited by"/"quoted by" outlet inside the phrase: cue start, phrase end.
    pub cited: Option<(usize, usize, usize)>,
    pub coordinated: bool,
    /// The head word's lexicon classes, where the phrase grammar found its head.
    pub head_f: u32,
    /// The head word is a name ([`names_someone`]).
    pub head_cap: bool,
}

impl Np {
    /// A plain phrase from token `start` to its head, the last token.
    pub(super) fn ending_at(start: usize, head: usize) -> Np {
        Np {
            start,
            end: head + 1,
            head,
            source_end: head + 1,
            ..Default::default()
        }
    }
}

fn fail<'a, O>(i: In<'a>) -> Res<'a, O> {
    Err(nom::Err::Error(Error::new(i, ErrorKind::Verify)))
}

/// Zero or more of `p`, keeping nothing: nom's `many0` without its vector.
fn skip_many0<'a, O>(
    p: impl Parser<In<'a>, Output = O, Error = Error<In<'a>>>,
) -> impl Parser<In<'a>, Output = (), Error = Error<In<'a>>> {
    fold_many0(p, || (), |(), _| ())
}

/// One token satisfying `pred`.
pub fn tok<'a>(pred: impl Fn(&W<'a>) -> bool) -> impl FnMut(In<'a>) -> Res<'a, W<'a>> {
    move |i: In<'a>| match i.split_first() {
        Some((w, _)) if pred(w) => Ok((i.from(1), *w)),
        _ => fail(i),
    }
}

/// One token, compared case-insensitively.
pub fn word<'a>(s: &'static str) -> impl FnMut(In<'a>) -> Res<'a, W<'a>> {
    tok(move |w: &W| w.s.eq_ignore_ascii_case(s))
}

/// Is `s` one of `list` (lowercase entries), ignoring ASCII case? Compares in place:
/// lowercasing a copy first allocated on every token the parsers tried.
pub fn one_of(s: &str, list: &[&str]) -> bool {
    list.iter().any(|c| c.eq_ignore_ascii_case(s))
}

/// "Monday": a time, even capitalised.
pub fn is_weekday(w: &W) -> bool {
    crate::lexicon::is_weekday(w.s)
}

/// A word that names a time ("Friday", "yesterday"), not someone who could speak: "said
/// Friday that …" has no source after its verb.
pub fn is_time_word(w: &W) -> bool {
    w.f & TEMPORAL != 0 && !w.cap() || is_weekday(w)
}

/// Can this word sit inside a noun phrase?
pub fn nounish(w: &W) -> bool {
    if !matches!(
        w.kind,
        crate::text::TokenKind::Word | crate::text::TokenKind::Number
    ) {
        return false;
    }
    if w.f & (FUNCTION | PREP | AUX | PRONOUN) != 0 && !w.cap() {
        return false;
    }
    if w.cap() {
        // capitalised function words ("The", "However", "In") are not names; acronyms
        // that spell one ("US", "IT") are
        let acronym = w.s.len() >= 2 && w.s.chars().all(|c| c.is_uppercase() || c == '.');
        return acronym || w.f & (FUNCTION | PREP | AUX | DET | PRONOUN) == 0;
    }
    if w.f & (VERB | INVERTED) != 0
        && w.f & (DOC_HEAD | ANON_HEAD | ORG_HEAD | OUTLET_HEAD | NOUN_FORM) == 0
    {
        return false;
    }
    if w.f & (TEMPORAL | ADVERB | DET) != 0 {
        return false;
    }
    if w.s.len() > 4 && w.s.ends_with("ly") && w.f & ANON_HEAD == 0 && !lexical_noun(w) {
        return false; // adverbs
    }
    true
}

/// A capitalised word that is a name: any but the sentence's first, which only when
/// WordNet knows no common noun of its spelling ("Veterans interviewed" is no name).
fn names_someone(w: &W) -> bool {
    w.cap() && (w.idx > 0 || !lexical_noun(w))
}

/// A word WordNet knows as a noun: "tally", "rally", "assembly", "weekly" end in "-ly"
/// and are no adverbs.
fn lexical_noun(w: &W) -> bool {
    crate::lexicon::heads::head_class(&crate::text::lowercase(w.s)).is_some()
}

/// A word that can modify the next one though it cannot head a phrase: a verb form that
/// is also a noun ("state broadcaster") or an adverb used as an adjective ("first lady").
fn noun_like_verb(w: &W) -> bool {
    w.kind == crate::text::TokenKind::Word
        && (w.f & VERB_BASE != 0 || w.f & ADVERB != 0 && !w.s.ends_with("ly"))
        && w.f & (FUNCTION | AUX | PREP) == 0
}

/// An adverb or an "-ly" adjective before the noun it modifies, inside a phrase: "a
/// yearly poll", "a newly released email", "early returns", "the most recent data".
/// Never the head: the word after it must be noun-like.
fn premodifier(w: &W) -> bool {
    w.kind == crate::text::TokenKind::Word
        && !w.cap()
        && w.f & (FUNCTION | AUX | PREP | PRONOUN | ANON_HEAD | VERB) == 0
        && !approximates(w)
        && (w.s.len() > 4 && w.s.ends_with("ly") || matches!(w.s, "most" | "more" | "early"))
}

fn is_possessive(w: &W) -> bool {
    crate::text::possessive::is_possessive(w.s)
}

/// A number, in figures or in words ("three", "3").
pub fn is_count(w: &W) -> bool {
    w.kind == crate::text::TokenKind::Number
        || one_of(
            w.s,
            &[
                "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            ],
        )
}

/// "nearly", "about": a word that can open a count ("nearly one in four").
pub fn approximates(w: &W) -> bool {
    one_of(
        w.s,
        &[
            "nearly", "about", "almost", "roughly", "around", "some", "only", "just",
        ],
    )
}

/// "nearly", "more than", "at least", "just over": the words that open an approximate
/// count. The first of them.
fn approximation<'a>(i: In<'a>) -> Res<'a, W<'a>> {
    alt((
        (
            tok(|w: &W| one_of(w.s, &["more", "fewer", "less"])),
            word("than"),
        )
            .map(|(w, _)| w),
        (word("at"), tok(|w: &W| one_of(w.s, &["least", "most"]))).map(|(w, _)| w),
        (
            tok(|w: &W| one_of(w.s, &["just", "well"])),
            tok(|w: &W| one_of(w.s, &["over", "under"])),
        )
            .map(|(w, _)| w),
        tok(approximates),
    ))
    .parse(i)
}

/// "about 40 percent", "at least a dozen members", "more than half": the approximation
/// that opens a count (the count itself is left to parse).
fn approximate_count<'a>(i: In<'a>) -> Res<'a, W<'a>> {
    let count =
        |w: &W| is_count(w) || one_of(w.s, &["a", "half", "dozen", "hundred", "third", "quarter"]);
    let (rest, (first, _)) = (approximation, nom::combinator::peek(tok(count))).parse(i)?;
    Ok((rest, first))
}

/// Do the tokens open with an approximate count ("At least 21,000", "More than half")?
/// Such a phrase may be a subject though its first word is no noun.
pub fn opens_approximate_count(i: In) -> bool {
    approximate_count(i).is_ok()
}

/// "Two in three", "nearly one in four", "more than 4 in 10 voters": people counted out
/// of a number, as polls report them. The head is the last number, or the noun of the
/// people counted.
fn count_in_count<'a>(i: In<'a>) -> Res<'a, Np> {
    let (rest, (approx, first, _, last)) =
        (opt(approximation), tok(is_count), word("in"), tok(is_count)).parse(i)?;
    let start = approx.unwrap_or(first).idx;
    // "Nine in 10 Democratic registered voters": the people counted head the phrase
    if let Ok((after, people)) = verify(np_unit, |n: &Np| !n.pronoun).parse(rest) {
        return Ok((after, Np::ending_at(start, people.head)));
    }
    Ok((rest, Np::ending_at(start, last.idx)))
}

/// The whole of `i` as one plain phrase (no pronoun, nothing after its head): an item
/// of a list ("his family" in "his family, friends and employees").
pub fn list_item(i: In) -> Option<Np> {
    let (rest, np) = np_unit(i).ok()?;
    (rest.is_empty() && !np.pronoun).then_some(np)
}

/// det? (quantifier "of" det)? word+ — the head is the last word.
fn np_unit<'a>(i: In<'a>) -> Res<'a, Np> {
    if let Ok((rest, w)) =
        tok(|w: &W| w.f & PRONOUN != 0 && !w.s.eq_ignore_ascii_case("you")).parse(i)
    {
        return Ok((
            rest,
            Np {
                start: w.idx,
                end: w.idx + 1,
                head: w.idx,
                source_end: w.idx + 1,
                pronoun: true,
                ..Default::default()
            },
        ));
    }
    let start = match i.first() {
        Some(w) => w.idx,
        None => return fail(i),
    };
    if let Ok(found) = count_in_count(i) {
        return Ok(found);
    }
    let (i, _) = opt(approximate_count).parse(i)?;
    // "one of the", "some of his"
    let (i, _) = opt((
        tok(|w: &W| w.f & DET != 0 || w.kind == crate::text::TokenKind::Number),
        word("of"),
    ))
    .parse(i)?;
    // one determiner, or two ("all the experts", "both the candidates")
    let (i, det) = opt(tok(|w: &W| w.f & DET != 0)).parse(i)?;
    let (i, _) = opt(tok(|w: &W| {
        matches!(
            w.s,
            "the" | "his" | "her" | "their" | "its" | "these" | "those"
        )
    }))
    .parse(i)?;
    // a quantifier after the article, which the determiner list also holds: "the other
    // candidate", "his two aides", "the many critics"
    let (i, _) = opt(tok(|w: &W| {
        det.is_some()
            && one_of(
                w.s,
                &[
                    "other", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                    "ten", "many", "few", "several", "various", "numerous",
                ],
            )
    }))
    .parse(i)?;
    let before = i;
    let mut n = 0;
    // a verb form that is also a noun ("state broadcaster", "claims process") can
    // modify the next word, never head the phrase
    // a participle that starts a channel ("speaking to CNN") ends the noun run
    let stops = |w: &W| {
        matches!(
            w.phrase_kind,
            Some(
                PhraseKind::Participial
                    | PhraseKind::Prepositional
                    | PhraseKind::Nonspeech
                    | PhraseKind::Agentless
            )
        )
    };
    // "people close to the inquiry", "a person familiar with the matter": the adjective
    // opens a modifier, it does not end the noun
    let opens_modifier = |k: usize| {
        matches!(
            i[k].s,
            "familiar"
                | "close"
                | "briefed"
                | "knowledgeable"
                | "involved"
                | "privy"
                | "aware"
                | "cited"
                | "quoted"
        ) && i.get(k + 1).is_some_and(|n| n.f & PREP != 0)
            || participle(&i[k]) && i.get(k + 1).is_some_and(|n| n.s == "by")
            // "voters interviewed at the rally", "… this week": a participle and its
            // place or time
            || (i.get(k + 1).is_some_and(opens_adjunct) || reduced_relative_time(i.from(k + 1)).is_ok())
                && reduced_relative(&i[k])
                && !names_someone(&i[k - 1])
            // "the states suing the EPA": a participle with its object
            || i[k].s.ends_with("ing") && i[k].s.len() >= 5 && i.get(k + 1).is_some_and(|n| n.f & DET != 0)
            // "residents living near the site", "voters heading to the polls": people and
            // a participle with its place (not "the office building near the station")
            || i[k].s.ends_with("ing")
                && i[k].s.len() >= 6
                && !i[k].cap()
                && i.get(k + 1).is_some_and(opens_adjunct)
                && (i[k - 1].f & (ANON_HEAD | ROLE) != 0
                    || i[k - 1].s.ends_with('s') && !is_possessive(&i[k - 1]))
    };
    // "Broaddrick Sunday said", "the senator Tuesday night said": a weekday between a
    // noun and its verb is when (AP style), not part of the name; but "Super Tuesday",
    // "Black Friday" are events, "Trump's Tuesday speech" a possessive's noun, and "a
    // memo released Friday" or "a report Tuesday from WKOW" the phrase's own time
    let weekday_adverb = |k: usize| {
        k > 0
            && is_weekday(&i[k])
            && i.get(k + 1).is_none_or(|n| {
                n.f & (TEMPORAL | ADVERB | AUX | VERB) != 0
                    || one_of(n.s, &["night", "morning", "afternoon", "evening"])
            })
            && !is_possessive(&i[k - 1])
            && !participle(&i[k - 1])
            && !one_of(i[k - 1].s, DAY_EVENTS)
    };
    let ends_run = |k: usize| stops(&i[k]) || k > 0 && opens_modifier(k) || weekday_adverb(k);
    // (a modifier needs a noun of the run after it: "remains bitterly divided over" ends
    // the run before "divided")
    while n < i.len()
        && !ends_run(n)
        && (nounish(&i[n])
            || (noun_like_verb(&i[n]) || premodifier(&i[n]))
                && i.get(n + 1).is_some_and(nounish)
                && !ends_run(n + 1))
    {
        n += 1;
    }
    // "Some say", "many argue", "another said": a quantifier standing for unnamed people;
    // "those who back her say": a demonstrative before its relative clause (never an
    // object: see `object_unit`)
    let stands_alone = |d: &W| {
        one_of(d.s, &["some", "many", "most", "few", "several", "another"])
            || d.s.eq_ignore_ascii_case("those") && i.first().is_some_and(|w| w.s == "who")
    };
    if n == 0
        && let Some(d) = det.filter(stands_alone)
    {
        return Ok((i, Np::ending_at(start, d.idx)));
    }
    if n == 0 {
        return fail(before);
    }
    // the head is the last noun-like word that is not a possessive or a number
    while n > 0 && (is_possessive(&i[n - 1]) || i[n - 1].kind == crate::text::TokenKind::Number) {
        n -= 1;
    }
    if n == 0 {
        return fail(before);
    }
    let rest = i.from(n);
    // "a court document filed Thursday": the phrase's own time, and the participle
    // before it, are not its head
    let mut h = n;
    if h > 1 && is_weekday(&i[h - 1]) && !one_of(i[h - 2].s, DAY_EVENTS) {
        h -= 1;
        while h > 1 && !i[h - 1].cap() && participle(&i[h - 1]) {
            h -= 1;
        }
    }
    Ok((
        rest,
        Np {
            head: i[h - 1].idx,
            head_f: i[h - 1].f,
            head_cap: names_someone(&i[h - 1]),
            ..Np::ending_at(start, i[n - 1].idx)
        },
    ))
}

/// Words that make a weekday an event's name: "Super Tuesday", "Black Friday".
const DAY_EVENTS: &[&str] = &[
    "Super", "Good", "Black", "Easter", "Bloody", "Ash", "Palm", "Cyber", "Holy",
];

/// A unit that is not a time expression ("on Monday" is an adverbial, not a place).
fn object_unit<'a>(i: In<'a>) -> Res<'a, Np> {
    // ("a list of those who …": "those" heads a subject only)
    verify(np_unit, |np: &Np| {
        !(np.pronoun || np.start == np.head && i[0].s.eq_ignore_ascii_case("those"))
    })
    .parse(i)
    .and_then(|(rest, np)| {
        // "on Monday", "in a Friday tweet" say when; "the poll released Wednesday"
        // keeps its own time after its head
        // ("the Sunday Telegraph": a weekday inside a name is no time)
        let consumed = &i[..i.len() - rest.len()];
        let named =
            |k: usize| is_weekday(&consumed[k]) && consumed.get(k + 1).is_some_and(|n| n.cap());
        if consumed
            .iter()
            .enumerate()
            .any(|(k, w)| w.idx <= np.head && is_time_word(w) && !named(k))
        {
            fail(i)
        } else {
            Ok((rest, np))
        }
    })
}

/// "in Washington", "of the Office of the Foreign Affairs Commission", and coordinated
/// ones: "in Ohio and across the country".
fn pp<'a>(i: In<'a>) -> Res<'a, usize> {
    let (rest, end) = one_pp(i)?;
    // "observers in Ohio and across the country": "and" joins a second place phrase
    match (alt((word("and"), word("or"))), one_pp).parse(rest) {
        Ok((after, (_, e))) => Ok((after, e)),
        Err(_) => Ok((rest, end)),
    }
}

fn one_pp<'a>(i: In<'a>) -> Res<'a, usize> {
    let (rest, (_, np)) = (
        tok(|w: &W| {
            one_of(
                w.s,
                &[
                    "in",
                    "at",
                    "from",
                    "of",
                    "for",
                    "with",
                    "inside",
                    "within",
                    "close",
                    "near",
                    "on",
                    "across",
                    "around",
                    "throughout",
                    "outside",
                ],
            )
        }),
        // "of that 2013 report": a demonstrative, which the lexicon leaves out of its
        // determiners ("said that" is no phrase)
        preceded(opt(word("that")), object_unit),
    )
        .parse(i)?;
    let (rest, more) = opt((
        tok(|w: &W| matches!(w.s, "of" | "in" | "at" | "for" | "on")),
        object_unit,
    ))
    .parse(rest)?;
    Ok((rest, more.map_or(np.end, |(_, m)| m.end)))
}

/// "aides to Clinton", "an adviser to the president": after a head the lexicon knows for
/// people who serve someone, "to" and a named or determined phrase (never a verb: "to
/// say"). Where the phrase ends.
fn to_someone<'a>(i: In<'a>) -> Res<'a, usize> {
    let (rest, (_, np)) = (word("to"), verify(object_unit, |np: &Np| !np.pronoun)).parse(i)?;
    let first = &i[1];
    if first.cap() || first.f & DET != 0 || is_possessive(first) {
        Ok((rest, np.end))
    } else {
        fail(i)
    }
}

/// "familiar with the matter", "briefed on the talks", "close to the president".
fn familiar<'a>(i: In<'a>) -> Res<'a, usize> {
    let (rest, _) = alt((
        (word("familiar"), word("with")),
        (word("briefed"), word("on")),
        (word("close"), word("to")),
        (word("knowledgeable"), word("about")),
        (word("involved"), word("in")),
        (word("privy"), word("to")),
        (word("aware"), word("of")),
        (word("with"), word("knowledge")),
        (word("with"), word("direct")),
        (word("who"), word("knows")),
    ))
    .parse(i)?;
    let (rest, _) = opt(alt((word("knowledge"), word("of")))).parse(rest)?;
    // "a source close to him": an object pronoun completes the phrase ("her" only when
    // no noun follows it: "close to her husband" is a noun phrase)
    let (rest, end) = alt((
        object_unit.map(|np| np.end),
        tok(|w: &W| one_of(w.s, &["him", "her", "them", "us", "me"])).map(|w| w.idx + 1),
    ))
    .parse(rest)?;
    let (rest, more) = opt(pp).parse(rest)?;
    Ok((rest, more.unwrap_or(end)))
}

/// "speaking to CNN", "speaking on condition of anonymity".
fn channel<'a>(i: In<'a>) -> Res<'a, (usize, usize)> {
    let start = match i.first() {
        Some(w) if w.phrase_kind == Some(super::lexicon::PhraseKind::Participial) => w.idx,
        _ => return fail(i),
    };
    let len = i[0].phrase_len as usize;
    if i.len() < len {
        return fail(i);
    }
    let rest = i.from(len);
    let (rest, np) = object_unit(rest)?;
    let (rest, more) = opt(pp).parse(rest)?;
    Ok((rest, (start, more.unwrap_or(np.end))))
}

/// A past participle that can take "by" and its agent: "-ed" forms and the common
/// irregular ones ("a copy of the memo seen by Reuters").
fn participle(w: &W) -> bool {
    w.s.ends_with("ed")
        || one_of(
            w.s,
            &[
                "seen", "written", "shown", "given", "sent", "taken", "made", "drawn", "held",
                "kept", "found", "brought", "read", "sought", "won",
            ],
        )
}

/// "interviewed", "surveyed", "based": a regular past participle that is no reporting
/// verb and that WordNet does not know as a noun ("need", "speed" end in "-ed" too).
/// After a noun, with a place or time after it, it opens a reduced relative clause
/// ("veterans interviewed at rallies") and is never the phrase's head.
fn reduced_relative(w: &W) -> bool {
    w.kind == crate::text::TokenKind::Word
        && !w.cap()
        && w.s.len() > 4
        && w.s.ends_with("ed")
        && w.f & (VERB | FUNCTION | AUX | PREP) == 0
        && !lexical_noun(w)
}

/// A preposition that opens a phrase of place, time or agent after a participle; not a
/// verb's particle ("started out their debate", "picked up support": a finite verb).
fn opens_adjunct(w: &W) -> bool {
    w.f & PREP != 0 && !one_of(w.s, &["out", "up", "off", "down", "back"])
}

/// "released by the Department of Veterans Affairs", "published by the agency", "seen
/// by Reuters". The agent is not taken for a channel: "obtained by The Post", "seen by
/// Reuters" is most often the outlet's own reporting, said of itself.
fn by_participle<'a>(i: In<'a>) -> Res<'a, usize> {
    let (rest, _) = (
        tok(|w: &W| {
            !w.cap() && participle(w) && w.f & VERB == 0 && w.kind == crate::text::TokenKind::Word
        }),
        word("by"),
    )
        .parse(i)?;
    let (rest, np) = object_unit(rest)?;
    let (rest, more) = opt(pp).parse(rest)?;
    Ok((rest, more.unwrap_or(np.end)))
}

/// "living", "heading": a present participle that is no reporting verb, which with a
/// place after it opens a reduced relative clause ("residents living near the site").
fn place_participle(w: &W) -> bool {
    w.kind == crate::text::TokenKind::Word
        && !w.cap()
        && w.s.len() >= 6
        && w.s.ends_with("ing")
        && w.f & (VERB | FUNCTION | AUX | PREP) == 0
        // "speaking to CNN" is a channel
        && w.phrase_kind.is_none()
}

/// "tallied through Wednesday afternoon", "provided to The Times", "released on Friday
/// by Latino Decisions", "living near the site": a reduced relative clause whose
/// participle takes phrases of place, time or agent (any preposition), up to where the
/// phrases end.
fn reduced_relative_clause<'a>(i: In<'a>) -> Res<'a, usize> {
    fn phrase<'a>(i: In<'a>) -> Res<'a, usize> {
        // ("attempted to mobilize voters": "to" before a verb is no preposition)
        let (rest, p) = tok(opens_adjunct).parse(i)?;
        let object = rest.first().is_some_and(|w| {
            p.s != "to" || w.cap() || w.f & DET != 0 || is_possessive(w) || is_count(w)
        });
        if !object {
            return fail(i);
        }
        verify(np_unit, |np: &Np| !np.pronoun)
            .map(|np| np.end)
            .parse(rest)
    }
    let (rest, _) = tok(|w: &W| reduced_relative(w) || place_participle(w)).parse(i)?;
    let (rest, first) = alt((phrase, reduced_relative_time)).parse(rest)?;
    fold_many0(
        alt((phrase, reduced_relative_time)),
        move || first,
        |_, e| e,
    )
    .parse(rest)
}

/// "this week", "Tuesday", "last month": a bare time phrase, which says when a reduced
/// relative clause's participle happened as a phrase of place does ("interviewed at
/// rallies this week"). Where it ends.
fn reduced_relative_time<'a>(i: In<'a>) -> Res<'a, usize> {
    let (rest, (_, t)) = (
        opt(tok(|w: &W| one_of(w.s, &["this", "last", "next", "that"]))),
        tok(is_time_word),
    )
        .parse(i)?;
    Ok((rest, t.idx + 1))
}

/// "cited by CNN broadcaster", "quoted by Reuters", "quoted in the Times".
fn cited<'a>(i: In<'a>) -> Res<'a, (usize, usize, usize)> {
    let (rest, (c, b)) = (
        alt((word("cited"), word("quoted"))),
        alt((word("by"), word("in"))),
    )
        .parse(i)?;
    let (rest, np) = object_unit(rest)?;
    Ok((rest, (c.idx, b.idx + 1, np.end)))
}

/// ", who ... ," — a relative clause set off by commas.
fn relative<'a>(i: In<'a>) -> Res<'a, usize> {
    let (rest, _) = (word(","), alt((word("who"), word("which"), word("whose")))).parse(i)?;
    let n = rest
        .iter()
        .position(|w| w.s == "," || w.kind == crate::text::TokenKind::Quote || w.s == ";")
        .unwrap_or(rest.len());
    if n == 0 || n >= rest.len() || rest[n].s != "," {
        return fail(i);
    }
    // "Eddie Griffin, who was a member of the AfroSpear, a group of bloggers, said": a
    // description after the clause's first comma is its own appositive, and the clause
    // runs to the comma before the cue
    if rest.get(n + 1).is_some_and(|w| w.f & DET != 0 && !w.cap())
        && let Some(last) = relative_to_final_comma(rest)
        && last > n
    {
        return Ok((rest.from(last + 1), rest[last].idx + 1));
    }
    Ok((rest.from(n + 1), rest[n].idx + 1))
}

/// "(R-Utah)", "(D-Wis.)", "(ANI)": a short parenthesis after a name.
fn parenthetical<'a>(i: In<'a>) -> Res<'a, usize> {
    let (rest, _) = word("(").parse(i)?;
    let n = rest
        .iter()
        .take(8)
        .position(|w| w.s == ")")
        .ok_or_else(|| nom::Err::Error(Error::new(i, ErrorKind::Verify)))?;
    if n == 0
        || rest[..n]
            .iter()
            .any(|w| w.kind == crate::text::TokenKind::Quote)
    {
        return fail(i);
    }
    Ok((rest.from(n + 1), rest[n].idx + 1))
}

/// A dash, or a spaced hyphen standing for one.
fn is_dash(w: &W) -> bool {
    w.kind == crate::text::TokenKind::Dash || w.s == "-"
}

/// A description set off by a pair of dashes: "Jason Sims — a teacher from Mount
/// Pleasant — says", "Joyce - who is listed as an attorney - told". Up to 20 words, no
/// quotation inside, not opened by a conjunction or a place's "where"; a spaced hyphen
/// counts as a dash.
fn dash_parenthetical<'a>(i: In<'a>) -> Res<'a, usize> {
    let (rest, _) = tok(is_dash).parse(i)?;
    let n = rest
        .iter()
        .take(20)
        .position(is_dash)
        .ok_or_else(|| nom::Err::Error(Error::new(i, ErrorKind::Verify)))?;
    // "critics in the US - where it opened -", "retailers - including HMV -": an aside
    // about a place or a list of members, not a description of the source
    if n == 0
        || one_of(
            rest[0].s,
            &["where", "when", "including", "and", "or", "but"],
        )
        || rest[..n]
            .iter()
            .any(|w| w.kind == crate::text::TokenKind::Quote || w.q)
    {
        return fail(i);
    }
    Ok((rest.from(n + 1), rest[n].idx + 1))
}

/// ", including Sen. Ann Bell (D-Ore.) and Rep. Tom Reed,", "— including Muslims,
/// Christians and Jews —", ", like Rubio and Bush,": members of a group named as its
/// examples, set off by commas or by dashes. They belong to the group's phrase, as news
/// annotation takes them (whether they name anyone is the anonymity rules' question).
/// Closed by the mark that opened them, and not before "who" or "which" (", like Pat
/// Robertson, who had condemned" is the example's own clause). Where the aside ends.
fn examples<'a>(i: In<'a>) -> Res<'a, usize> {
    // "experts like Paul Bauman": a named example needs no comma before "like"
    if let Ok((rest, (_, n))) = (word("like"), verify(np_body, |n: &Np| !n.pronoun)).parse(i)
        && i.get(1).is_some_and(|w| w.cap())
    {
        return Ok((rest, n.end));
    }
    let (rest, open) = tok(|w: &W| w.s == "," || is_dash(w)).parse(i)?;
    let (rest, _) = alt((
        word("including"),
        word("like"),
        word("notably"),
        (word("such"), word("as")).map(|(w, _)| w),
        (word("among"), word("them")).map(|(w, _)| w),
    ))
    .parse(rest)?;
    let item = || verify(np_body, |n: &Np| !n.pronoun);
    let (rest, _) = item().parse(rest)?;
    let (rest, ()) = skip_many0((
        alt((word(","), word("and"), word("or"))),
        opt(alt((word("and"), word("or")))),
        item(),
    ))
    .parse(rest)?;
    let close = if is_dash(&open) {
        is_dash
    } else {
        |w: &W| w.s == ","
    };
    let (after, c) = tok(close).parse(rest)?;
    if after
        .first()
        .is_some_and(|w| one_of(w.s, &["who", "which"]))
    {
        return fail(i);
    }
    Ok((after, c.idx + 1))
}

#[derive(Clone, Copy)]
enum Post {
    Plain(usize),
    Channel((usize, usize)),
    Cited((usize, usize, usize)),
    Relative(usize),
}

fn postmod<'a>(i: In<'a>, common_head: bool) -> Res<'a, Post> {
    alt((
        familiar.map(Post::Plain),
        parenthetical.map(Post::Plain),
        examples.map(Post::Plain),
        dash_parenthetical.map(Post::Plain),
        by_participle.map(Post::Plain),
        // after a name an "-ed" word is the name's own verb ("Carson appeared on …")
        (move |i| {
            if common_head {
                reduced_relative_clause(i)
            } else {
                fail(i)
            }
        })
        .map(Post::Plain),
        channel.map(Post::Channel),
        cited.map(Post::Cited),
        pp.map(Post::Plain),
        relative.map(Post::Relative),
    ))
    .parse(i)
}

/// unit ("and" unit)? postmod*
fn np_body<'a>(i: In<'a>) -> Res<'a, Np> {
    let (rest, np) = np_unit(i)?;
    if np.pronoun {
        return Ok((rest, np));
    }
    body_after_unit(rest, np)
}

/// The rest of [`np_body`] once its first unit (not a pronoun) is parsed: what it
/// consumes depends only on where the unit ended.
fn body_after_unit<'a>(rest: In<'a>, mut np: Np) -> Res<'a, Np> {
    let (rest, coord) = opt((
        alt((word("and"), word("&"))),
        verify(np_unit, |n: &Np| !n.pronoun),
    ))
    .parse(rest)?;
    if let Some((_, other)) = coord {
        np.end = other.end;
        np.head = other.head;
        np.head_f = other.head_f;
        np.source_end = other.end;
        np.coordinated = true;
    }
    let (rest, to) = if np.head_f & (ANON_HEAD | ROLE) != 0 {
        opt(to_someone).parse(rest)?
    } else if np.head_f & DOC_HEAD != 0 {
        // "a study by Computeractive Magazine", "a motion by Mr Jackson's lawyers": a
        // document's author
        opt((word("by"), verify(object_unit, |np: &Np| !np.pronoun)).map(|(_, o)| o.end))
            .parse(rest)?
    } else {
        (rest, None)
    };
    if let Some(e) = to {
        np.end = e;
        np.source_end = e;
    }
    // folded as they are parsed: `many0` would allocate a vector on every attempt
    let named_end = np.end;
    let common_head = !np.head_cap;
    let (rest, (mut np, named_end, _)) = fold_many0(
        move |i| postmod(i, common_head),
        move || (np, named_end, false),
        |(mut np, mut named_end, mut in_channel), p| {
            match p {
                Post::Plain(e) => {
                    np.end = e;
                    if !in_channel {
                        named_end = e;
                    }
                }
                // "Chris Cox, who runs the lobby arm,": the clause says who the source
                // is, and belongs to the mention (as news annotation takes it)
                Post::Relative(e) => {
                    np.end = e;
                    if !in_channel {
                        named_end = e;
                    }
                }
                Post::Channel((s, e)) => {
                    np.channel.get_or_insert((s, e));
                    np.end = e;
                    in_channel = true;
                }
                Post::Cited(c) => {
                    np.cited.get_or_insert(c);
                    np.end = c.2;
                    in_channel = true;
                }
            }
            (np, named_end, in_channel)
        },
    )
    .parse(rest)?;
    np.source_end = named_end;
    Ok((rest, np))
}

/// "suing the EPA" after an appositive's noun: any words up to the comma.
fn participial_tail<'a>(i: In<'a>) -> Res<'a, ()> {
    let (rest, first) = tok(|w: &W| {
        w.kind == crate::text::TokenKind::Word && w.s.ends_with("ing") && !w.cap() || w.s == "who"
    })
    .parse(i)?;
    if first.s == "who"
        && let Some(last) = relative_to_final_comma(rest)
    {
        return Ok((rest.from(last), ()));
    }
    let n = rest
        .iter()
        .take(20)
        .position(|w| w.s == "," || w.kind == crate::text::TokenKind::Quote)
        .unwrap_or(usize::MAX);
    if n == usize::MAX || rest[n].s != "," {
        return fail(i);
    }
    Ok((rest.from(n), ()))
}

/// "Geoff Garin, a pollster who is working with Priorities USA, a super PAC, said": a
/// relative clause inside an appositive may hold commas of its own when it runs to the
/// subject's last token, the comma before the cue (subjects are parsed up to their cue).
/// Where that comma is, if the clause has no quotation, no semicolon and at most 40 words.
fn relative_to_final_comma(rest: In<'_>) -> Option<usize> {
    let last = rest.len().checked_sub(1)?;
    let plain = rest.len() <= 40
        && rest[last].s == ","
        && rest[..last]
            .iter()
            .all(|w| w.kind != crate::text::TokenKind::Quote && !w.q && w.s != ";");
    plain.then_some(last)
}

/// ", dedicating the museum on Saturday," — a participle clause closed by a comma
/// (", seen by Reuters,": an irregular participle only with its agent).
fn participial_clause<'a>(i: In<'a>) -> Res<'a, usize> {
    let (rest, _) = tok(|w: &W| {
        w.kind == crate::text::TokenKind::Word
            && !w.cap()
            && (w.s.ends_with("ing") || w.s.ends_with("ed"))
            && w.f & VERB == 0
    })
    .parse(i)
    .or_else(|_: nom::Err<Error<In<'a>>>| {
        let (rest, (p, _)) = (
            tok(|w: &W| !w.cap() && participle(w) && w.f & VERB == 0),
            word("by"),
        )
            .parse(i)?;
        Ok((rest, p))
    })?;
    let n = rest
        .iter()
        .take(20)
        .position(|w| w.s == "," || w.kind == crate::text::TokenKind::Quote || w.s == ";")
        .unwrap_or(usize::MAX);
    if n == usize::MAX || rest[n].s != "," {
        return fail(i);
    }
    Ok((rest.from(n + 1), rest[n].idx + 1))
}

/// The token of sentence index `idx` inside `i` (its tokens are consecutive), if there.
fn token_at<'a>(i: In<'a>, idx: usize) -> Option<W<'a>> {
    let first = i.first()?.idx;
    idx.checked_sub(first).and_then(|k| i.get(k)).copied()
}

/// The rest of a list of phrases after its first: "and Ada Kim", ", Tom Reed and Ada
/// Kim" (the councillors, Maria Lopez, Tom Reed and Ada Kim,). Always closed by "and".
fn list_tail<'a>(i: In<'a>) -> Res<'a, ()> {
    let item = || verify(np_body, |n: &Np| !n.pronoun);
    if let Ok((rest, _)) = (word("and"), item()).parse(i) {
        return Ok((rest, ()));
    }
    // ", Tom Reed and Ada Kim": a list of names (a list of descriptions is more often
    // the sentence going on), the last of which may hold the "and" itself
    let name = || {
        verify(np_body, |n: &Np| {
            !n.pronoun && token_at(i, n.head).is_some_and(|w| w.cap())
        })
    };
    let (rest, last) = fold_many0((word(","), name()), || None, |_, (_, n)| Some(n)).parse(i)?;
    match last {
        Some(n) if n.coordinated => Ok((rest, ())),
        Some(_) => (word("and"), name()).map(|_| ()).parse(rest),
        None => fail(i),
    }
}

/// The comma that closes the appositive `a`, begun in `from` and parsed up to `after`:
/// the next token, or the comma the appositive's own relative clause already took
/// ("Hogan Gidley, a former director of the party, whose roots are in Ohio, said"). Its
/// index. Only a description takes its clause along so: after a name ("In her speech,
/// Merkel, who …,") the clause is the name's, and the phrase before it no source.
fn closing_comma<'a>(from: In<'a>, after: In<'a>, a: &Np) -> Res<'a, usize> {
    if let Ok((rest, c)) = word(",").parse(after) {
        return Ok((rest, c.idx));
    }
    let taken = from.len() - after.len();
    let description = token_at(from, a.head).is_some_and(|w| !w.cap());
    match taken.checked_sub(1).map(|k| &from[k]) {
        Some(last) if taken > 1 && last.s == "," && description => Ok((after, last.idx)),
        _ => fail(after),
    }
}

/// A subject noun phrase, with an optional appositive closed by a comma
/// ("Liu Pengyu, the Chinese embassy spokesperson in Washington,").
pub fn subject<'a>(i: In<'a>) -> Res<'a, Np> {
    let (rest, np) = np_body(i)?;
    if np.pronoun {
        return Ok((rest, np));
    }
    subject_after_body(rest, np)
}

/// The rest of [`subject`] after its noun phrase (not a pronoun): like
/// [`body_after_unit`], what it consumes depends only on where the phrase ended.
fn subject_after_body<'a>(rest: In<'a>, mut np: Np) -> Res<'a, Np> {
    // a reduced relative clause: "all the experts I interviewed", "the officials we spoke to"
    let reduced = (
        tok(|w: &W| matches!(w.s, "I" | "we" | "he" | "she" | "they" | "you")),
        tok(|w: &W| w.kind == crate::text::TokenKind::Word && w.s.ends_with("ed") && !w.cap()),
        opt(tok(|w: &W| matches!(w.s, "to" | "with"))),
    )
        .parse(rest);
    let rest = match reduced {
        Ok((after, (_, v, prep))) => {
            np.end = prep.map_or(v.idx, |p| p.idx) + 1;
            after
        }
        Err(_) => rest,
    };
    // up to two appositives: "Scott Pruitt, the Republican attorney general of Oklahoma,
    // one of the states suing the EPA," — or a participial one: "President Obama,
    // dedicating the museum on Saturday,"
    let mut rest = rest;
    let mut took = false;
    for _ in 0..2 {
        // "director of the Tax Policy Center and a professor at Syracuse University"
        let appos = (
            word(","),
            verify(np_body, |n: &Np| !n.pronoun),
            opt(list_tail),
            opt(participial_tail),
        )
            .parse(rest)
            .and_then(|(after, (c0, a, _, t))| {
                let (after, close) = closing_comma(rest, after, &a)?;
                Ok((after, (c0, a, t, close)))
            });
        let part = (word(","), participial_clause).parse(rest);
        if let Ok((after, (_, a, _, close))) = appos {
            np.appositive.get_or_insert((a.start, a.head + 1));
            np.end = close + 1;
            // "Tom Hale, the president of the local,": the description closed by its
            // comma is part of the mention that names the source
            if np.channel.is_none() && np.cited.is_none() {
                np.source_end = np.end;
            }
            rest = after;
            took = true;
        } else if let Ok((after, (_, e))) = part {
            np.end = e;
            if np.channel.is_none() && np.cited.is_none() {
                np.source_end = np.end;
            }
            rest = after;
            took = true;
        } else {
            break;
        }
    }
    if took {
        return Ok((rest, np));
    }
    // "A U.S. official who spoke on condition of anonymity said": a bare relative runs to
    // the cue (callers parse subjects all-consuming)
    // ("praised those who left but said": a clause ending in "but" leaves the cue to the
    // sentence's own subject)
    if let Ok((after, _)) = alt((word("who"), word("which"))).parse(rest)
        && !after.is_empty()
        && after
            .iter()
            .all(|w| w.kind != crate::text::TokenKind::Quote)
        && !opens_another_clause(after)
        && after.last().is_none_or(|w| w.s != "but")
    {
        // up to a comma that opens an appositive ("who voted against, Jonas Ek and Sara
        // Holm,"), or else to the cue
        if let Some(c) = after.iter().position(|w| w.s == ",")
            && let Ok((after2, (_, a, cl))) =
                (word(","), verify(np_body, |n: &Np| !n.pronoun), word(",")).parse(after.from(c))
        {
            np.appositive = Some((a.start, a.head + 1));
            np.end = cl.idx + 1;
            return Ok((after2, np));
        }
        np.end = after[after.len() - 1].idx + 1;
        // the clause, to its first comma, describes the source ("officials who spoke
        // with The Post"), unless the cue is its own verb ("A woman who has [accused]")
        let clause = &after[..after.iter().position(|w| w.s == ",").unwrap_or(after.len())];
        let own_words = clause.iter().any(|w| w.f & (AUX | ADVERB) == 0);
        if own_words && np.channel.is_none() && np.cited.is_none() {
            np.source_end = clause[clause.len() - 1].idx + 1;
        }
        return Ok((after.from(after.len()), np));
    }
    Ok((rest, np))
}

/// Words that open a clause of their own after a comma: "Someone who left is gone, while
/// Cruz said" ends the relative clause before "while", and its phrase is no subject.
const CLAUSE_OPENERS: &[&str] = &[
    "while", "whereas", "and", "but", "although", "though", "because", "so", "yet",
];

/// A bare relative clause running to the cue crosses into another clause: ", while …",
/// ", but …", or a semicolon.
fn opens_another_clause(after: In) -> bool {
    after.iter().any(|w| w.s == ";")
        || after
            .windows(2)
            .any(|p| p[0].s == "," && one_of(p[1].s, CLAUSE_OPENERS))
}

/// A source after its cue ("said Dmitry Peskov, President Vladimir Putin’s spokesman"):
/// an appositive may run to the end of the sentence.
pub fn object<'a>(i: In<'a>) -> Res<'a, Np> {
    let (rest, mut np) = np_body(i)?;
    if np.pronoun {
        return Ok((rest, np));
    }
    // ", compared with its rate": a participle opens a clause of its own, no appositive
    // (", managing director of …", ", retired general": it modifies a role)
    let role_after = |j: usize| rest.get(j).is_some_and(|w| w.f & (ROLE | ANON_HEAD) != 0);
    let participle_after = rest.get(1).is_some_and(|w| {
        !w.cap() && (w.s.ends_with("ed") || w.s.ends_with("ing")) && w.f & DET == 0
    }) && !role_after(2)
        && !role_after(3);
    if !participle_after
        && let Ok((after, (_, a))) = (word(","), verify(np_body, |n: &Np| !n.pronoun)).parse(rest)
    {
        let ends = after.first().is_none_or(|w| {
            matches!(
                w.s,
                "." | "," | ";" | ":" | ")" | "”" | "!" | "?" | "\"" | "—"
            )
        });
        // "said Leonard Burman, a former official who directs the Tax Policy Center":
        // the description runs on to the sentence's end
        let more = after
            .first()
            .is_some_and(|w| one_of(w.s, &["who", "whose", "which", ",", "and"]))
            .then(|| description_to_end(after, false))
            .flatten();
        if ends || more.is_some() {
            let taken = more.unwrap_or(0);
            np.appositive = Some((a.start, a.head + 1));
            np.end = if taken > 0 {
                after[taken - 1].idx + 1
            } else {
                a.end
            };
            if np.channel.is_none() && np.cited.is_none() {
                np.source_end = np.end;
            }
            return Ok((after.from(taken), np));
        }
    }
    // "according to its lawyer, Ann Lee of Lee and Co, the claim is …": an appositive
    // closed by the next comma, read alone (read on, "Lee and Co, the claim" is a list)
    if let Some((a, close)) = appositive_to_next_comma(rest) {
        np.appositive = Some((a.start, a.head + 1));
        np.end = rest[close].idx;
        if np.channel.is_none() && np.cited.is_none() {
            np.source_end = np.end;
        }
        return Ok((rest.from(close), np));
    }
    // "said Mr. Trump, who is regarded as something of a germaphobe."
    if let Ok((after, _)) = (word(","), alt((word("who"), word("whose")))).parse(rest)
        && let Some(taken) = description_to_end(after, true)
    {
        let clause = rest.len() - after.len() + taken;
        np.end = rest[clause - 1].idx + 1;
        if np.channel.is_none() && np.cited.is_none() {
            np.source_end = np.end;
        }
        return Ok((rest.from(clause), np));
    }
    Ok((rest, np))
}

/// The object of a fronted cue, which leaves its sentence a clause: "According to Jane
/// Doe, a spokeswoman for the agency, the plan failed" keeps the description closed by
/// its comma; "According to the report, Mills, an aide, sent …" keeps the report alone
/// (a name after the comma is the clause's subject, not a description of the report;
/// after a person's role it is the person: "According to its lawyer, Ann Lee, the …").
pub fn fronted_object<'a>(i: In<'a>) -> Res<'a, Np> {
    let (rest, mut np) = np_body(i)?;
    if np.pronoun {
        return Ok((rest, np));
    }
    let object = i.iter().find(|w| w.idx == np.head);
    let clause_after = |t: &[W<'_>]| t.iter().any(|w| w.kind == crate::text::TokenKind::Word);
    // the appositive's phrase and the index in `rest` of the comma that closes it
    let closed = match (word(","), verify(np_body, |n: &Np| !n.pronoun)).parse(rest) {
        Ok((after, (_, a))) if after.first().is_some_and(|w| w.s == ",") => {
            Some((a, rest.len() - after.len()))
        }
        // "its lawyer, Ann Gale of Shearman and Sterling, the claim …": a name with its phrase
        _ => appositive_to_next_comma(rest),
    };
    if let Some((a, close)) = closed
        && describes(object, &rest[1..], a.head)
        && clause_after(&rest[close + 1..])
    {
        np.appositive = Some((a.start, a.head + 1));
        np.end = rest[close].idx;
        if np.channel.is_none() && np.cited.is_none() {
            np.source_end = np.end;
        }
        return Ok((rest.from(close), np));
    }
    Ok((rest, np))
}

/// Whether the phrase at the start of `appositive` (headed by token index `head`) can
/// describe an object headed by `object`: a description ("a spokeswoman for the agency",
/// "Clinton's vote director" after a name), or a name after a person's role ("its lawyer,
/// Ann Lee"); not a name after a thing ("the report, Cheryl Mills").
fn describes(object: Option<&W<'_>>, appositive: &[W<'_>], head: usize) -> bool {
    let Some(object) = object else { return false };
    let starts_named = appositive.first().is_some_and(|w| w.cap());
    let head_named = appositive
        .iter()
        .find(|w| w.idx == head)
        .is_some_and(|w| w.cap());
    !starts_named
        || object.cap() && !head_named
        || !object.cap() && object.f & (ROLE | ANON_HEAD) != 0
}

/// The name set off by commas at the start of `rest` (", Ann Lee of Lee and Co,"), read
/// up to its closing comma only: a name, and after its phrase only words that hold no
/// verb ("of Lee and Co"). The name's phrase, and where the closing comma is in `rest`.
fn appositive_to_next_comma(rest: In<'_>) -> Option<(Np, usize)> {
    if rest.first()?.s != "," || !rest.get(1)?.cap() {
        return None;
    }
    let close = rest.iter().skip(1).take(12).position(|w| w.s == ",")? + 1;
    let (left, a) = np_body(Toks(&rest[1..close])).ok()?;
    let plain = left.iter().all(|w| {
        w.kind == crate::text::TokenKind::Word && w.f & (AUX | VERB | PRONOUN) == 0 && !w.q
    });
    (plain && !a.pronoun).then_some((a, close))
}

/// How many tokens of `rest` a source's description after its cue takes when it runs to
/// the end of the sentence (a full stop, a semicolon, a dash or a quotation mark): at most
/// 40, with no quotation inside and no new clause ("…, and she added"). `None` if it
/// does not end so. `relative`: `rest` is the inside of a relative clause ("who …").
fn description_to_end(rest: In<'_>, relative: bool) -> Option<usize> {
    let end = rest
        .iter()
        .take(41)
        .position(|w| {
            w.q || w.kind == crate::text::TokenKind::Quote
                || matches!(w.s, "." | "!" | "?" | ";" | "—" | "–" | ":" | ")")
        })
        .or((rest.len() <= 40).then_some(rest.len()))?;
    // "…, and she added", "…, he wants": a subject pronoun opens a clause of its own
    let new_clause = rest[..end]
        .iter()
        .any(|w| one_of(w.s, &["he", "she", "they", "i", "we"]))
        || rest[..end]
            .windows(2)
            .any(|p| p[0].s == "and" && one_of(p[1].s, &["it", "then"]));
    // "Weld, who added that …", ", said simply": a cue of its own is no description;
    // nor is a finite verb outside a relative clause ("according to the forecasts, HSBC,
    // the biggest bank, will report …": the sentence's own clause)
    let cue = rest[..end]
        .iter()
        .any(|w| w.f & VERB != 0 && w.f & (VERB_PAST | VERB_S) != 0);
    let clause_at = if relative {
        0
    } else {
        rest[..end]
            .iter()
            .position(|w| one_of(w.s, &["who", "whose", "which", "that", "where", "whom"]))
            .unwrap_or(end)
    };
    let finite = rest[..clause_at]
        .iter()
        .any(|w| w.f & AUX != 0 && !one_of(w.s, &["not", "never", "n't", "being", "having"]));
    let ends_clean = rest
        .get(end)
        .is_none_or(|w| !w.q && w.kind != crate::text::TokenKind::Quote);
    (end > 0 && !new_clause && !cue && !finite && ends_clean).then_some(end)
}

/// Words between a subject and its cue: "on Monday", "also", "has", "in a statement".
pub fn middle<'a>(i: In<'a>) -> Res<'a, usize> {
    let one = alt((
        // "has since said", "have since denied": "since" is an adverb after an auxiliary
        // (tried before the auxiliary alone, which would leave "since" unread)
        (
            tok(|w: &W| w.f & AUX != 0 && w.f & PREP == 0),
            word("since"),
        )
            .map(|(_, w)| w.idx),
        tok(|w: &W| w.f & (AUX | ADVERB) != 0 && w.f & PREP == 0).map(|w| w.idx),
        // "Cruz himself said", "the women themselves say", "officials here say"
        tok(|w: &W| {
            one_of(
                w.s,
                &[
                    "himself",
                    "herself",
                    "themselves",
                    "itself",
                    "here",
                    "there",
                ],
            )
        })
        .map(|w| w.idx),
        tok(|w: &W| w.s.len() > 4 && w.s.ends_with("ly") && !w.cap() && w.f & ANON_HEAD == 0)
            .map(|w| w.idx),
        tok(|w: &W| w.f & TEMPORAL != 0 || is_weekday(w)).map(|w| w.idx),
        (
            tok(|w: &W| {
                matches!(
                    w.s,
                    "on" | "last" | "this" | "late" | "early" | "earlier" | "next" | "in"
                )
            }),
            tok(|w: &W| w.f & TEMPORAL != 0 || w.cap()),
        )
            .map(|(_, w)| w.idx),
        (
            tok(|w: &W| matches!(w.s, "in" | "at" | "during" | "on")),
            opt(tok(|w: &W| w.f & DET != 0)),
            skip_many0(tok(|w: &W| nounish(w) && w.f & DOC_HEAD == 0 && !w.cap())),
            tok(|w: &W| {
                w.f & DOC_HEAD != 0
                    || matches!(
                        w.s,
                        "interview"
                            | "conference"
                            | "briefing"
                            | "call"
                            | "Twitter"
                            | "X"
                            | "Facebook"
                            | "television"
                            | "radio"
                            | "podcast"
                            | "rally"
                            | "event"
                            | "hearing"
                            | "press"
                    )
            }),
        )
            .map(|(_, _, _, w)| w.idx),
        // "in the past", "at the time": when, not where
        (
            tok(|w: &W| matches!(w.s, "in" | "at")),
            word("the"),
            tok(|w: &W| matches!(w.s, "past" | "time" | "moment")),
        )
            .map(|(_, _, w)| w.idx),
        // "have in particular noted", "has of course said", "has so far said": a fixed
        // adverbial phrase between the auxiliary and its verb
        (
            tok(|w: &W| matches!(w.s, "in" | "of" | "so" | "by")),
            tok(|w: &W| {
                matches!(
                    w.s,
                    "particular"
                        | "fact"
                        | "course"
                        | "turn"
                        | "private"
                        | "public"
                        | "far"
                        | "now"
                )
            }),
        )
            .map(|(_, w)| w.idx),
        // "has for years argued", "have in recent weeks said": a span of time
        (
            tok(|w: &W| matches!(w.s, "for" | "in")),
            opt(tok(|w: &W| {
                matches!(w.s, "recent" | "past" | "many" | "several")
            })),
            tok(|w: &W| matches!(w.s, "years" | "months" | "weeks" | "days" | "decades")),
        )
            .map(|(_, _, w)| w.idx),
        (
            word(","),
            skip_many0(tok(|w: &W| {
                w.f & ADVERB != 0 || matches!(w.s, "however" | "though" | "meanwhile" | "too")
            })),
            word(","),
        )
            .map(|(_, _, w)| w.idx),
        // "Snyder, for his part, has denied", "Curbelo, in particular, has slammed": a
        // stance phrase set off by commas belongs to the clause, not to the subject
        (
            word(","),
            alt((
                (word("for"), tok(|w: &W| w.f & DET != 0), word("part")).map(|_| ()),
                (
                    word("in"),
                    tok(|w: &W| matches!(w.s, "particular" | "turn" | "response" | "fact")),
                )
                    .map(|_| ()),
            )),
            word(","),
        )
            .map(|(_, _, w)| w.idx),
    ));
    // the last word's index; folded, so that no vector is allocated per attempt
    fold_many0(one, || 0, |_, idx| idx).parse(i)
}

/// Subject + middle, consuming the whole slice (the cue follows it): what
/// [`subject_before_cue_memo`] answers, parsed in full. The tests' reference.
#[cfg(test)]
pub fn subject_before_cue<'a>(i: In<'a>) -> Option<Np> {
    let (rest, np) = subject(i).ok()?;
    to_cue(rest, np)
}

/// `np` when `middle` takes everything left before the cue.
fn to_cue(rest: In, np: Np) -> Option<Np> {
    let (rest, _) = middle(rest).ok()?;
    rest.is_empty().then_some(np)
}

/// Where the first units of failed subjects ended, as a set of distances to the cue:
/// the caller tries start after start before one cue, and once a unit ending at some
/// place has failed, every later start whose unit ends there fails too (all that follows
/// the unit depends only on where it ends).
#[derive(Default)]
pub struct FailedUnits(u64);

/// Subject + middle, consuming the whole slice (the cue follows it). Answered from
/// `failed` when an earlier start's first unit ended at the same place and the parse
/// failed: the answers of a full parse, with fewer parses.
pub fn subject_before_cue_memo<'a>(i: In<'a>, failed: &mut FailedUnits) -> Option<Np> {
    let (rest, np) = np_unit(i).ok()?;
    if np.pronoun {
        return to_cue(rest, np);
    }
    // distances past 63 are not remembered (callers look at most 40 tokens back)
    let bit = 1u64.checked_shl(rest.len() as u32).unwrap_or(0);
    if failed.0 & bit != 0 {
        return None;
    }
    let found = body_after_unit(rest, np)
        .and_then(|(rest, np)| subject_after_body(rest, np))
        .ok()
        .and_then(|(rest, np)| to_cue(rest, np));
    if found.is_none() {
        failed.0 |= bit;
    }
    found
}
