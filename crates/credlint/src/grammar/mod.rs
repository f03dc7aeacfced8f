//! The attribution grammar: who said what, and how. Runs nom parsers (`np`) over the
//! tokens of each sentence, starting only where the lexicon says a cue can be.

pub mod classify;
mod nominal;
pub mod np;
mod participle;
pub mod resolve;

use serde::Serialize;

// the lexicon is a layer below the grammar (and below `names`); these keep its old paths
pub(crate) use crate::lexicon::{self, heads};

use crate::names::People;
use crate::text::{Span, TextModel, TokenKind};
use lexicon::{Lexicon, PhraseKind, class::*};
use np::Np;

/// One token of a sentence, with its lexicon classes.
#[derive(Clone, Copy, Debug)]
pub struct W<'a> {
    pub s: &'a str,
    pub span: Span,
    pub kind: TokenKind,
    pub f: u32,
    /// Index within the sentence.
    pub idx: usize,
    /// Inside a double-quoted quotation.
    pub q: bool,
    /// The longest multi-word lexicon entry starting here, and its length in tokens.
    pub phrase_kind: Option<PhraseKind>,
    pub phrase_len: u8,
    /// The first character is uppercase (the token's [`Token::cap`](crate::text::Token)).
    pub upper: bool,
}

impl W<'_> {
    pub fn cap(&self) -> bool {
        self.upper
    }
}

/// What kind of source an attribution names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceKind {
    /// A named person ("Ana Ortiz").
    Person,
    /// An organisation ("the ministry").
    Organization,
    /// A news outlet ("CNN").
    Outlet,
    /// A document ("a report").
    Document,
    /// An unnamed source ("a senior official").
    Anonymous,
    /// A pronoun ("she"), counted for what it refers to.
    Pronoun,
}

/// Nouns that take a relative clause with no "that" ("one reason voters say", "the way
/// officials describe it", "something aides say", "the place Pentagon officials say the
/// United States might take a stand"): never the head of the subject after.
const CONTACT_HEADS: &[&str] = &[
    "reason",
    "reasons",
    "way",
    "something",
    "anything",
    "everything",
    "nothing",
    "thing",
    "things",
    "place",
    "moment",
    "point",
];

/// What "declare" performs rather than reports: "declared war", "declared bankruptcy".
const PERFORMED_BY_DECLARING: &[&str] = &[
    "war",
    "bankruptcy",
    "independence",
    "martial",
    "emergency",
    "ceasefire",
    "cease-fire",
    "truce",
    "disaster",
    "moratorium",
    "holiday",
];

/// Verbs that make their object act ("led her to declare", "prompted Cooper to accuse",
/// "allows users to tell"): the object is the source of the infinitive's words.
const CAUSATIVES: &[&str] = &[
    "led",
    "lead",
    "leads",
    "leading",
    "prompted",
    "prompt",
    "prompts",
    "prompting",
    "forced",
    "force",
    "forces",
    "forcing",
    "drove",
    "drive",
    "drives",
    "driving",
    "allowed",
    "allow",
    "allows",
    "allowing",
    "permitted",
    "permit",
    "permits",
    "enabled",
    "enable",
    "enables",
    "spurred",
    "spur",
    "spurs",
    "caused",
    "cause",
    "causes",
    "causing",
    "compelled",
    "compel",
    "inspired",
    "inspire",
    "left",
    "leave",
    "leaving",
];
/// The most words between a causative verb and the "to" of its infinitive.
const MAX_CAUSED_OBJECT: usize = 12;

/// Directive verbs (by stem): with an infinitive after their object they ask someone to
/// act ("urged voters to stay home"); "ask" has its own reading in `verb`.
const DIRECTIVE_STEMS: &[&str] = &[
    "urg", "implor", "exhort", "encourag", "beg", "challeng", "press",
];

/// Participles whose passive, with no agent, reports speech by no one: the subject is the
/// thing said or judged ("was announced", "were blamed for", "was branded a failure").
/// Not "told" or "asked", whose subject is the listener.
const PASSIVE_AGENTLESS: &[&str] = &[
    "announced",
    "reported",
    "criticized",
    "criticised",
    "denounced",
    "blamed",
    "described",
    "touted",
    "hailed",
    "condemned",
    "estimated",
    "predicted",
    "rumored",
    "rumoured",
    "dubbed",
    "labeled",
    "labelled",
    "branded",
    "disputed",
];

impl SourceKind {
    /// The kind's name in output (`person`, `organization`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Person => "person",
            SourceKind::Organization => "organization",
            SourceKind::Outlet => "outlet",
            SourceKind::Document => "document",
            SourceKind::Anonymous => "anonymous",
            SourceKind::Pronoun => "pronoun",
        }
    }
}

/// How the attribution is made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CueForm {
    /// SOURCE CUE: "a US official said".
    Verb,
    /// CUE SOURCE: "said Dmitry Peskov", "…, says US official".
    Inverted,
    /// "according to the Financial Times", "as per CNN".
    Prepositional,
    /// No source: "it was revealed", "reportedly".
    Agentless,
    /// Reported silence: "declined to comment".
    Nonspeech,
    /// A channel: "a US official speaking to CNN".
    Participial,
    /// "Financial Times: Russia seeks …", "Mr Johnson: “…”".
    Colon,
    /// A question put by someone unnamed, usually the reporter: "Asked whether …",
    /// "when asked about …", "was asked to name …". Not anonymous sourcing.
    Question,
    /// A request: "Trump asked the network to donate the profits". Speech reported, but
    /// no claim to weigh: no rule reads it as a source.
    Request,
    /// A noun of speech whose possessive names the speaker, with what was said after it:
    /// "his claim that …", "Obama’s warning: “…”".
    Nominal,
}

impl CueForm {
    /// The name JSON output uses.
    pub fn as_str(self) -> &'static str {
        match self {
            CueForm::Verb => "verb",
            CueForm::Inverted => "inverted",
            CueForm::Prepositional => "prepositional",
            CueForm::Agentless => "agentless",
            CueForm::Nonspeech => "nonspeech",
            CueForm::Participial => "participial",
            CueForm::Colon => "colon",
            CueForm::Question => "question",
            CueForm::Request => "request",
            CueForm::Nominal => "nominal",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    pub cue: Span,
    /// The mention that names the source, without channel or appositive.
    pub source: Option<Span>,
    /// The whole source phrase, with appositive and channel ("a top US official cited by
    /// CNN broadcaster").
    pub source_full: Option<Span>,
    pub kind: SourceKind,
    pub anonymous: bool,
    /// Full name of the person speaking, where known.
    pub speaker: Option<String>,
    pub form: CueForm,
    pub sentence: usize,
    pub paragraph: usize,
    /// The cue as written, lowercased ("claimed", "according to").
    pub verb: String,
    /// An outlet the source reached the writer through ("cited by CNN").
    pub via: Option<Span>,
    /// For a pronoun: the attribution it refers back to.
    pub referent: Option<usize>,
    /// The source's head word, lowercased ("official", "sources").
    pub head: Option<String>,
}

impl Attribution {
    /// Reports what someone said, which a reader may weigh: not silence ("declined to
    /// comment") and not a request ("asked the network to donate").
    pub fn is_speech(&self) -> bool {
        !matches!(self.form, CueForm::Nonspeech | CueForm::Request)
    }

    /// No one is named or described as saying it: "reportedly", or a reporter's
    /// question ("Asked whether …").
    pub fn is_sourceless(&self) -> bool {
        matches!(self.form, CueForm::Agentless | CueForm::Question)
    }
}

/// Who said a quotation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QuoteSpeaker {
    pub attribution: Option<usize>,
    pub speaker: Option<String>,
    pub source: Option<Span>,
}

#[derive(Clone, Debug, Default)]
pub struct Extraction {
    pub attributions: Vec<Attribution>,
    pub quotes: Vec<QuoteSpeaker>,
}

/// Finds the attributions of a document and the speaker of each quotation.
/// `flags` holds the lexicon classes of every token of `tm`.
pub fn extract(tm: &TextModel, lex: &Lexicon, people: &People, flags: &[u32]) -> Extraction {
    // about one attribution in three sentences: sized once, not regrown per document
    let mut out = Vec::with_capacity(tm.sentences.len() / 3 + 4);
    let double = tm.double_quote_spans();
    let mut ws: Vec<W> = Vec::with_capacity(64);
    for (si, s) in tm.sentences.iter().enumerate() {
        ws.clear();
        // cheap path: nothing in this sentence can start an attribution. The sentence
        // loop acts only on a speech verb, an inverted verb, a colon or a whole cue
        // phrase; the first words of cue phrases ("it", "as", "was") are too common to
        // decide alone, so those phrases are matched through
        let toks = &tm.tokens[s.tokens.clone()];
        let fl = &flags[s.tokens.clone()];
        // a colon is looked for in the sentence's bytes before its tokens: most
        // sentences have none, and their tokens (long out of the cache) are not read
        let any_cue = fl.iter().any(|f| f & (VERB | INVERTED | SPEECH_NOUN) != 0)
            || memchr::memchr(b':', s.span.text(&tm.prose).as_bytes()).is_some()
                && toks
                    .iter()
                    .any(|t| t.kind == TokenKind::Punct && t.text(&tm.prose) == ":")
            || (0..toks.len())
                .any(|k| fl[k] & CUE_PHRASE != 0 && cue_phrase_at(tm, toks, fl, k, lex));
        if !any_cue {
            continue;
        }
        let mut single_open = false;
        for (k, t) in toks.iter().enumerate() {
            let text = t.text(&tm.prose);
            if t.kind == TokenKind::Quote
                && joins_plural_possessive(&tm.prose, toks, k, &mut single_open, &mut ws)
            {
                continue;
            }
            // "Donald Trump Jr. said", "Harris Corp. said": the full stop of a name's
            // suffix inside the sentence belongs to the name (its span takes it), and
            // would end the subject
            if text == "."
                && k + 1 < toks.len()
                && let Some(w) = ws.last_mut().filter(|w| {
                    w.span.end == t.span().start
                        && matches!(w.s, "Jr" | "Sr" | "Inc" | "Corp" | "Co" | "Ltd")
                })
            {
                w.span.end = t.span().end;
                continue;
            }
            // "he’s said", "they've called": a pronoun and its auxiliary are two words
            if let Some(at) = contraction_split(text) {
                let span = t.span();
                let (pronoun, aux) = (
                    Span {
                        start: span.start,
                        end: span.start + at,
                    },
                    Span {
                        start: span.start + at,
                        end: span.end,
                    },
                );
                for (part, f) in [(pronoun, lex.flags(&text[..at])), (aux, AUX | FUNCTION)] {
                    ws.push(W {
                        s: part.text(&tm.prose),
                        span: part,
                        kind: t.kind,
                        f,
                        idx: ws.len(),
                        q: false,
                        phrase_kind: None,
                        phrase_len: 0,
                        upper: t.cap && part == pronoun,
                    });
                }
                continue;
            }
            let f = fl[k];
            ws.push(W {
                s: text,
                span: t.span(),
                kind: t.kind,
                f,
                idx: ws.len(),
                q: false,
                phrase_kind: None,
                phrase_len: 0,
                upper: t.cap,
            });
        }
        if s.headline && is_furniture(&ws) {
            continue;
        }
        mark_quoted(&mut ws, &double);
        mark_phrases(&mut ws, lex);
        let titlecase = crate::text::segment::title_case(toks);
        if !titlecase && !s.headline {
            mark_modal_given_names(&mut ws);
        }
        let after_quote = si > 0
            && tm.sentences[si - 1].paragraph == s.paragraph
            && tm
                .tokens
                .get(tm.sentences[si - 1].tokens.end.wrapping_sub(1))
                .is_some_and(|t| t.kind == TokenKind::Quote);
        Sentence {
            ws: &ws,
            titlecase,
            after_quote,
            people,
            si,
            paragraph: s.paragraph,
            headline: s.headline,
            out: &mut out,
            tm,
        }
        .run();
    }
    resolve::delayed_identification(tm, people, &mut out);
    resolve::identified_in_next_sentence(tm, people, &mut out);
    resolve::pronouns(tm, people, &mut out);
    let quotes = resolve::quotes(tm, &out, people, flags, &double);
    Extraction {
        attributions: out,
        quotes,
    }
}

/// "the Police Officers' spokesman": the quotation mark token `k` of `toks` is a plural
/// possessive's, so it joins the word before it (the last of `ws`), which then holds no
/// verb ("the states' lawyers"). Not while a single quotation is open ("called it 'fake
/// news' on Friday"), which `single_open` follows.
/// Where a subject pronoun's contracted auxiliary starts: "he’s" (is, has), "they've",
/// "I'd", "we're", "she'll", "I'm". After a personal pronoun the ending is never a
/// possessive, so the split is safe; after a name ("Trump's said") it usually is one.
/// Not "it’s": it speaks for no one, and split it would be taken for the subject of a
/// participle far along its sentence ("It's another riposte to the candidate who launched
/// his campaign by declaring …").
fn contraction_split(word: &str) -> Option<usize> {
    // the longest is "they’re" (nine bytes); most words are longer or have no apostrophe
    if word.len() > 9 {
        return None;
    }
    let at = word.find(['’', '\''])?;
    let (pronoun, ending) = word.split_at(at);
    let ending = &ending[ending.chars().next().map_or(0, char::len_utf8)..];
    let pronoun_ok = np::one_of(pronoun, &["he", "she", "they", "we", "i", "you", "who"]);
    let aux_ok = matches!(ending, "s" | "ve" | "d" | "re" | "ll" | "m");
    (pronoun_ok && aux_ok).then_some(at)
}

fn joins_plural_possessive<'a>(
    prose: &'a str,
    toks: &[crate::text::Token],
    k: usize,
    single_open: &mut bool,
    ws: &mut [W<'a>],
) -> bool {
    let t = &toks[k];
    match single_mark(prose, t.span()) {
        SingleMark::Opens => *single_open = true,
        SingleMark::AfterS
            if !*single_open
                && let Some(last) = ws.last_mut()
                && last.span.end == t.span().start
                && toks.get(k + 1).is_some_and(|n| n.kind == TokenKind::Word) =>
        {
            last.span.end = t.span().end;
            last.s = last.span.text(prose);
            last.f &= !(VERB
                | VERB_ING
                | VERB_BASE
                | VERB_S
                | VERB_PAST
                | INVERTED
                | NOUN_FORM
                | CUE_PHRASE
                | PAST_TENSE);
            return true;
        }
        _ => {}
    }
    false
}

/// What a single quotation mark token might be, by the characters around it.
enum SingleMark {
    /// After a space and before a letter: "called it 'fake news'".
    Opens,
    /// Right after a word ending in "s", before a space: "Officers' spokesman", or
    /// "'fake news' on Friday".
    AfterS,
    Other,
}

fn single_mark(prose: &str, span: Span) -> SingleMark {
    let glyph = span.text(prose);
    if !matches!(glyph, "'" | "‘" | "’") {
        return SingleMark::Other;
    }
    let before = prose[..span.start].chars().next_back();
    let after = prose[span.end..].chars().next();
    if before.is_none_or(char::is_whitespace) && after.is_some_and(char::is_alphabetic) {
        return SingleMark::Opens;
    }
    if glyph != "‘" && matches!(before, Some('s' | 'S')) && after == Some(' ') {
        return SingleMark::AfterS;
    }
    SingleMark::Other
}

/// Can a subject before the cue at `cue` start at token `start`? Asked before the phrase
/// grammar, cheapest first.
fn opens_subject(ws: &[W], start: usize, cue: usize) -> bool {
    let w = &ws[start];
    if !(np::nounish(w)
        || w.f & (DET | PRONOUN) != 0
        || np::approximates(w)
        || np::opens_approximate_count(np::Toks(&ws[start..cue])))
    {
        return false;
    }
    if let Some(prev) = start.checked_sub(1).map(|p| &ws[p]) {
        // "the minimum $20 million experts say": an amount, not a source
        if matches!(prev.s, "$" | "£" | "€" | "¥") || prev.kind == TokenKind::Number {
            return false;
        }
        // "Mr Jackson's lawyers": a possessive opens the phrase it belongs to
        if crate::text::possessive::is_possessive(prev.s) {
            return false;
        }
        // "that 2013 report": a number after a determiner is inside its phrase
        if w.kind == TokenKind::Number && prev.f & DET != 0 {
            return false;
        }
        // "those who back her say" opens a clause ("But those", "Even those", "Those"),
        // never after a verb or a preposition ("praised those who", "of those who")
        let opens_clause = prev.kind == TokenKind::Quote
            || prev.f & ADVERB != 0
            || np::one_of(prev.s, &[",", "but", "and", "yet", "even", "while", "so"]);
        if w.s.eq_ignore_ascii_case("those") && !opens_clause {
            return false;
        }
    }
    // "driving onto a sidewalk along the Las Vegas Strip told police": a phrase after a
    // preposition is its object, never the subject of the verb; but a participle's
    // subject may follow "with" ("with 40 percent saying"), a relative clause has its own
    // ("to the businessman who has attacked"), and so may the antecedent a relative
    // pronoun looks for ("Democrats on Capitol Hill, who have argued")
    let exempt = ws[cue].s.ends_with("ing")
        || np::one_of(ws[cue].s, &["who", "which", "that", ","])
        || ws[start..cue]
            .iter()
            .any(|x| np::one_of(x.s, &["who", "which", "that"]));
    exempt || !object_of_preposition(ws, start)
}

/// "On Tuesday", "In Washington", "After the vote": words before a comma that open the
/// sentence with a phrase of time or place, holding no verb and no quotation.
fn opening_adverbial(ws: &[W]) -> bool {
    ws.first()
        .is_some_and(|w| w.f & PREP != 0 && !w.s.eq_ignore_ascii_case("according"))
        && ws.iter().all(|w| {
            w.kind == TokenKind::Word
                && !w.q
                && w.f & (VERB | AUX | PAST_TENSE) == 0
                && !w.s.ends_with("ed")
        })
}

/// Prepositions that also open clauses ("after officials said", "as Sanders claims",
/// "like Trump said") or counts ("about 40 percent", "over half"): their next phrase may be
/// a subject. The lexicon's other prepositions never take one.
const CLAUSE_PREPOSITIONS: &[&str] = &[
    "after", "before", "since", "until", "than", "like", "despite", "per", "off", "out", "about",
    "over", "for",
];

/// Is token `start` inside the object of a preposition: after it, or after it and words
/// of the same phrase ("driving onto a sidewalk along the Las Vegas Strip told police",
/// "on their way into the polls saying")? Such a phrase is never a verb's subject.
fn object_of_preposition(ws: &[W], start: usize) -> bool {
    /// How far back the phrase's own words are read.
    const REACH: usize = 6;
    // "one of the women who said": a pronoun opens a clause of its own
    if ws[start].f & PRONOUN != 0 {
        return false;
    }
    let mut j = start;
    while j > 0 && start - j < REACH {
        let p = &ws[j - 1];
        // "at least a dozen members said": an approximate count, not a place
        let count = p.s == "at" && np::one_of(ws[j].s, &["least", "most"]);
        // "84% of net users say", "most of the voters said": a count's "of" picks out
        // the people who speak
        let partitive = p.s == "of"
            && j >= 2
            && (matches!(ws[j - 2].s, "%" | "percent")
                || ws[j - 2].kind == TokenKind::Number
                || ws[j - 2].f & DET != 0
                || classify::counts_people(&crate::text::lowercase(ws[j - 2].s)));
        // (a capitalised one is part of a name: "the League Against Cruel Sports"; after
        // a determiner one is an adjective: "an inside source")
        let adjective = j >= 2 && ws[j - 2].f & DET != 0;
        // ("along the Strip": a preposition the lexicon leaves out for "along with")
        let preposition = (p.f & PREP != 0 || p.s == "along" && ws[j].s != "with")
            && !np::one_of(p.s, CLAUSE_PREPOSITIONS);
        if !p.cap() && preposition && !count && !partitive && !adjective {
            return true;
        }
        // a determiner opens its phrase: a noun before it ends another one ("surprised by
        // the announcement many analysts had said")
        if ws[j].f & DET != 0 && p.f & DET == 0 {
            return false;
        }
        let in_phrase = p.kind == TokenKind::Word
            && !p.q
            && (p.f & DET != 0 || np::nounish(p))
            && !crate::text::possessive::is_possessive(p.s);
        if !in_phrase {
            return false;
        }
        j -= 1;
    }
    false
}

/// Does a whole cue phrase (a kind the sentence loop acts on) start at token `k`? The
/// same matching as [`mark_phrases`]; a superset of where it finds a cue, since it does
/// not let a longer non-cue entry win.
fn cue_phrase_at(
    tm: &TextModel,
    toks: &[crate::text::Token],
    fl: &[u32],
    k: usize,
    lex: &Lexicon,
) -> bool {
    let text = |j: usize| toks[j].text(&tm.prose);
    let next = toks.get(k + 1).map(|t| t.text(&tm.prose));
    lex.phrases_before(text(k), next).any(|p| {
        p.kind.is_cue()
            && k + p.rest.len() < toks.len()
            && p.rest
                .iter()
                .enumerate()
                .all(|(j, r)| text(k + 1 + j).eq_ignore_ascii_case(r))
    }) || k + 2 < toks.len() && gapped_phrasal(lex, text(k), text(k + 1), fl[k + 1], text(k + 2))
}

/// Page furniture that reads like a headline: very short lines ("Facebook Comments") and
/// promos ("JUST IN: …", "READ MORE: …").
fn is_furniture(ws: &[W]) -> bool {
    let words = ws.iter().filter(|w| w.kind == TokenKind::Word).count();
    // "BREAKING: …", "WATCH: …" promote; "AP: …" names its source
    let promo = ws.len() > 2
        && ws[0].s.chars().all(|c| c.is_uppercase())
        && ws[0].s.len() > 1
        && ws[0].f & OUTLET == 0
        && ws.iter().take(4).any(|w| w.s == ":");
    words < 4 || promo
}

fn mark_quoted(ws: &mut [W], double: &[Span]) {
    if double.is_empty() {
        return;
    }
    // tokens come in order: one cursor over the quotations, no search per token
    let mut i = double.partition_point(|q| q.start <= ws.first().map_or(0, |w| w.span.start));
    for w in ws.iter_mut() {
        while i < double.len() && double[i].start <= w.span.start {
            i += 1;
        }
        w.q = i > 0 && w.span.start < double[i - 1].end && w.kind != TokenKind::Quote;
    }
}

/// "said Will Doyle, a professor": inside a sentence a capitalised "Will" before a
/// capitalised word is a given name, not the modal (the sentence's first word and a
/// headline's capitals are left alone: "Will Trump win?", "Trump Will Win").
fn mark_modal_given_names(ws: &mut [W]) {
    for k in 1..ws.len().saturating_sub(1) {
        let name = ws[k].s == "Will"
            && ws[k + 1].cap()
            && ws[k + 1].kind == TokenKind::Word
            && ws[k - 1].kind != TokenKind::Quote
            && !matches!(ws[k - 1].s, ":" | "(" | "—" | "–" | "-");
        if name {
            ws[k].f = (ws[k].f & !(AUX | FUNCTION)) | GIVEN;
        }
    }
}

fn mark_phrases(ws: &mut [W], lex: &Lexicon) {
    for k in 0..ws.len() {
        if ws[k].f & PHRASE == 0 {
            continue;
        }
        let next = ws.get(k + 1).map(|w| w.s);
        for p in lex.phrases_before(ws[k].s, next) {
            let cased = matches!(
                p.kind,
                PhraseKind::Outlet
                    | PhraseKind::Organization
                    | PhraseKind::Place
                    | PhraseKind::Title
            );
            if cased && ws[k].s != &*p.first {
                continue;
            }
            let n = p.rest.len();
            if k + n >= ws.len() {
                continue;
            }
            let ok = p.rest.iter().enumerate().all(|(j, r)| {
                let w = &ws[k + 1 + j];
                if cased {
                    w.s == &**r
                } else {
                    w.s.eq_ignore_ascii_case(r)
                }
            });
            if ok {
                ws[k].phrase_kind = Some(p.kind);
                ws[k].phrase_len = (n + 1) as u8;
                break;
            }
        }
        if ws[k].phrase_kind.is_none()
            && let [_, gap, particle, ..] = &ws[k..]
            && !gap.q
            && gapped_phrasal(lex, ws[k].s, gap.s, gap.f, particle.s)
        {
            ws[k].phrase_kind = Some(PhraseKind::Phrasal);
            ws[k].phrase_len = 3;
        }
    }
}

/// "spoke favorably of", "called again for", "talked briefly about": a two-word verb of
/// the lexicon whose particle an adverb parts from it (a manner adverb in -ly or one of
/// the lexicon's adverbs; `gap_flags` are the gap word's classes).
fn gapped_phrasal(lex: &Lexicon, verb: &str, gap: &str, gap_flags: u32, particle: &str) -> bool {
    let adverb = gap_flags & ADVERB != 0 && gap_flags & AUX == 0
        || gap.len() > 4 && gap.ends_with("ly") && gap.chars().all(char::is_alphabetic);
    adverb
        && lex.phrases(verb).iter().any(|p| {
            p.kind == PhraseKind::Phrasal
                && matches!(p.rest.as_slice(), [r] if r.eq_ignore_ascii_case(particle))
        })
}

struct Sentence<'w, 'a, 'o> {
    ws: &'w [W<'a>],
    /// Most words capitalised, as headlines often are.
    titlecase: bool,
    /// The previous sentence of the paragraph ends with a closing quotation mark.
    after_quote: bool,
    people: &'w People,
    si: usize,
    paragraph: usize,
    headline: bool,
    out: &'o mut Vec<Attribution>,
    tm: &'w TextModel<'a>,
}

/// How far back a main verb looks for the ", who" of a clause that interrupts its subject.
const RELATIVE_CLAUSE_REACH: usize = 48;
/// The most words a quoted title inside a description holds ("“Going Viral”").
const MAX_QUOTED_TITLE: usize = 6;
const MAX_SUBJECT: usize = 40;

/// Whether a phrase at a headline's end can be its source: its head is a person, a
/// group, an organisation, an outlet or a document ("… says US official", "… Says
/// Watchdog"), or it opens with a given name ("… Trevor Noah Says"). Title case makes
/// every word capitalised, so the capital says nothing.
fn headline_source(ws: &[W], np: &Np) -> bool {
    let h = &ws[np.head];
    h.f & (ANON_HEAD | ORG_HEAD | OUTLET_HEAD | DOC_HEAD | ROLE | OUTLET | ORG | GIVEN) != 0
        || ws[np.start].f & GIVEN != 0
        || matches!(
            heads::head_class(&h.s.to_ascii_lowercase()),
            Some(
                heads::HeadClass::Person
                    | heads::HeadClass::Group
                    | heads::HeadClass::Organization
                    | heads::HeadClass::Document
            )
        )
}

/// Where the noun phrase before a restrictive "who" at `end` can start: its run of
/// noun-like words, extended over one "of", "in", "at" or "from" phrase to the noun
/// before it. `None` when no noun stands right before "who".
fn restrictive_antecedent_start(ws: &[W], end: usize) -> Option<usize> {
    let unit_start = |to: usize| {
        let mut k = to;
        while k > 0 {
            let w = &ws[k - 1];
            let participle = !w.cap() && w.s.ends_with("ed");
            if (np::nounish(w) && !participle) || w.f & DET != 0 || w.kind == TokenKind::Number {
                k -= 1;
            } else {
                break;
            }
        }
        k
    };
    let start = unit_start(end);
    if start == end || !np::nounish(&ws[end - 1]) {
        return None;
    }
    let extended = (start >= 2 && np::one_of(ws[start - 1].s, &["of", "in", "at", "from"]))
        .then(|| unit_start(start - 1))
        .filter(|&s| s < start - 1);
    Some(extended.unwrap_or(start))
}

/// Does `s` begin with `prefix`, in any ASCII case ("Declared" and "declar")?
fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
}

/// A noun that takes a plural verb: a regular plural, a collective of people, or a count
/// of people ("percent", "a majority", "two-thirds").
pub(crate) fn plural_word(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    lower.ends_with('s') && !lower.ends_with("ss")
        || matches!(lower.as_str(), "police" | "staff" | "media" | "us")
        || classify::irregular_plural(&lower)
        || classify::counts_people(&lower)
}

/// A headline's "Poll: …", "IG report: …", "WSJ editorial: …": a document that
/// speaks, where a bare "Analysis:" or "Video:" labels the section. One word is a source
/// only when it names evidence a story rests on.
fn evidence_label(ws: &[W], np: &Np) -> bool {
    const EVIDENCE: &[&str] = &[
        "poll",
        "polls",
        "survey",
        "surveys",
        "study",
        "studies",
        "report",
        "reports",
        "memo",
        "records",
        "documents",
        "emails",
        "data",
        "editorial",
    ];
    np::one_of(ws[np.head].s, EVIDENCE)
}

/// A one-word label before a colon that is a common word, not a name nor an outlet:
/// "CORRECTION:", "UPDATE:", "Breaking:", "Look:", "Contributing:", and the interviewer's
/// "Q:" of a transcript. A word WordNet knows as no person, a verb or adverb form, or a
/// single letter; a surname of a person the story names ("ROE:" after "Ada Roe") stays.
fn common_word_label(ws: &[W], np: &Np, c: &classify::Class, people: &People) -> bool {
    // ("PREVIOUSLY:" is an organisation only because it is capitalised)
    let listed_org = ws[np.head].f & (ORG | ORG_HEAD) != 0 || ws[np.head].phrase_kind.is_some();
    if np.start != np.head
        || c.kind == SourceKind::Outlet
        || c.kind == SourceKind::Organization && listed_org
    {
        return false;
    }
    if c.speaker.as_deref().is_some_and(|s| s.contains(' ')) {
        return false;
    }
    let lower = crate::text::lowercase(ws[np.head].s);
    // "ROE:" in a transcript of a story that names Ada Roe
    let mut chars = lower.chars();
    let cased: String = chars
        .next()
        .map(|f| f.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    if people.is_known_word(&cased) {
        return false;
    }
    lower.chars().count() == 1
        || lower.ends_with("ing")
        || lower.ends_with("ly")
        || lower.ends_with("ed")
        || matches!(heads::head_class(&lower), Some(h) if h != heads::HeadClass::Person)
}

/// Do the tokens after a colon list names and nothing else ("Tim Albrecht, Brad
/// Anderson, Rob Barron")? Two commas at least, and only capitalised words, commas,
/// "and" and a closing full stop.
fn names_list_follows(after: &[W]) -> bool {
    let commas = after.iter().filter(|w| w.s == ",").count();
    commas >= 2
        && after.iter().all(|w| {
            w.kind == TokenKind::Word && (w.cap() || w.s == "and") || matches!(w.s, "," | ".")
        })
}

/// A form of "be", as a passive or a predicate takes it.
/// An adverb in "-ly" ("falsely", "repeatedly"), not a verb or a noun that ends so
/// ("rally", "tally", "apply").
pub(super) fn is_ly_adverb(w: &W) -> bool {
    w.kind == TokenKind::Word
        && w.s.len() > 4
        && w.s.ends_with("ly")
        && w.f & (VERB | NOUN_FORM) == 0
        && !matches!(
            w.s,
            "rally" | "tally" | "supply" | "apply" | "reply" | "family"
        )
}

fn is_be(w: &W) -> bool {
    // and the contracted "’re", "’m" ("they’re written"); "’s" may be "has" ("he’s said")
    np::one_of(
        w.s,
        &[
            "is", "am", "are", "was", "were", "been", "being", "be", "’re", "'re", "’m", "'m",
        ],
    )
}

/// Stems of reporting verbs whose object is a person or a thing, never a clause: after
/// them in a restrictive relative clause, the phrase before the next verb is their
/// object ("a lawmaker who criticized the plan said"), not that verb's subject.
const OBJECT_CUES: &[&str] = &[
    "accus", "attack", "blam", "blast", "condemn", "critici", "decr", "denounc", "mock", "prais",
    "rebuk", "slam", "thank", "lambast", "dismiss", "cite", "cited", "describ", "deni", "deny",
    "refut", "rebut", "disput",
];

/// What "claim" takes when it takes or wins something, not words: "claims more
/// territory", "claimed the lives of", "the damages claimed".
const CLAIMED_THINGS: &[&str] = &[
    "territory",
    "ground",
    "lives",
    "life",
    "land",
    "seats",
    "title",
    "titles",
    "medal",
    "medals",
    "gold",
    "silver",
    "bronze",
    "trophy",
    "championship",
    "crown",
    "prize",
    "prizes",
    "asylum",
    "benefits",
    "expenses",
    "refund",
    "refunds",
    "compensation",
    "damages",
    "taxes",
    "payments",
];

/// Verbs that put their source last in a headline ("…, says US official").
const HEADLINE_INVERTED: &[&str] = &[
    "say", "said", "claim", "warn", "report", "tell", "told", "insist", "admit", "reveal",
    "confirm", "den", "announc", "add", "suggest",
];

impl Sentence<'_, '_, '_> {
    fn run(&mut self) {
        let ws = self.ws;
        let n = ws.len();
        let mut limit = 0usize;
        let mut k = 0usize;
        let first_in_sentence = self.out.len();
        while k < n {
            let w = &ws[k];
            if w.q || w.kind == TokenKind::Quote {
                k += 1;
                continue;
            }
            // a cue word capitalised mid-sentence is a name or a title, not a cue
            let case_ok = !w.cap()
                || k == 0
                || self.headline
                || ws[k - 1].kind == TokenKind::Quote
                || ws[k - 1].s == ":";
            if let (Some(pk), true) = (w.phrase_kind, case_ok) {
                let len = w.phrase_len as usize;
                let handled = match pk {
                    PhraseKind::Prepositional => self.prepositional(k, len),
                    PhraseKind::Agentless => self.agentless(k, len),
                    PhraseKind::Nonspeech => self.nonspeech(k, len, limit),
                    PhraseKind::Phrasal => self.verb(k, k + len, &mut limit, first_in_sentence),
                    PhraseKind::InvertedOnly => self.inverted(k, k + len, &mut limit),
                    _ => false,
                };
                if handled {
                    if matches!(pk, PhraseKind::Nonspeech) {
                        limit = k + len;
                    }
                    k += len;
                    continue;
                }
            }
            if case_ok && w.f & VERB != 0 {
                if self.verb(k, k + 1, &mut limit, first_in_sentence) {
                    k += 1;
                    continue;
                }
                if w.f & SPEECH_NOUN != 0 && self.nominal(k) {
                    k += 1;
                    continue;
                }
            } else if case_ok && w.f & SPEECH_NOUN != 0 {
                if self.nominal(k) {
                    k += 1;
                    continue;
                }
            } else if case_ok && w.f & INVERTED != 0 {
                if self.inverted(k, k + 1, &mut limit) {
                    k += 1;
                    continue;
                }
            } else if w.s == ":" && k > 0 {
                self.colon(k, limit);
            }
            k += 1;
        }
    }

    fn span(&self, from: usize, to: usize) -> Span {
        Span::new(self.ws[from].span.start, self.ws[to - 1].span.end)
    }

    /// The subject ending right before token `cue`, never reaching before `limit` or into a quote.
    fn subject_before(&self, limit: usize, cue: usize) -> Option<Np> {
        let ws = self.ws;
        let mut lo = limit.max(cue.saturating_sub(MAX_SUBJECT));
        if lo >= cue {
            return None;
        }
        if let Some(q) = ws[lo..cue]
            .iter()
            .rposition(|w| w.q || w.kind == TokenKind::Quote)
        {
            lo += q + 1;
        }
        let mut failed = np::FailedUnits::default();
        (lo..cue).find_map(|start| {
            if !opens_subject(ws, start, cue) {
                return None;
            }
            np::subject_before_cue_memo(np::Toks(&ws[start..cue]), &mut failed)
        })
    }

    /// "his wife, Jane,", "the director of the FBI, James B. Comey,": a description whose
    /// own appositive is a name (capitalised from its first word, and no place: "a
    /// salesman from Sumter, South Carolina," names no one).
    fn ends_in_name(&self, np: &Np) -> bool {
        let ws = self.ws;
        np.appositive.is_some_and(|(a, b)| {
            ws[a].cap()
                && ws[a].f & (DET | PLACE) == 0
                && ws[a..b]
                    .iter()
                    .all(|w| w.phrase_kind != Some(PhraseKind::Place))
        })
    }

    /// "One reason Democrats and civil rights groups say …", "something Sanders aides
    /// say …", "the way officials describe it": a noun that takes a relative clause with
    /// no "that" is not part of the subject that follows it.
    fn after_contact_head(&self, mut np: Np) -> Np {
        let ws = self.ws;
        let opens_subject = |w: &W<'_>| {
            w.cap()
                || w.f & (DET | ANON_HEAD | ROLE | ORG_HEAD) != 0
                || plural_word(w.s) && w.f & (VERB | PREP | FUNCTION) == 0
        };
        if let Some(j) = (np.start..np.head).find(|&j| {
            np::one_of(ws[j].s, CONTACT_HEADS) && ws.get(j + 1).is_some_and(opens_subject)
        }) {
            np.start = j + 1;
        }
        np
    }

    /// "they will not attend the convention and others have said …", "She met the
    /// governor and aides said …": a phrase right after a verb is its object, and the
    /// "and" after it joins a clause, whose subject is the last conjunct alone.
    fn after_object_coordination(&self, mut np: Np) -> Np {
        let ws = self.ws;
        let Some(prev) = np.start.checked_sub(1).map(|p| &ws[p]) else {
            return np;
        };
        let after_verb = prev.kind == TokenKind::Word
            && !prev.cap()
            && prev.f & (DET | PREP | PRONOUN | FUNCTION | AUX | ADVERB | CUE_PHRASE) == 0
            && !prev.s.ends_with("ly")
            && !np::one_of(
                prev.s,
                &["and", "or", "but", "while", "as", "because", "when", "if"],
            )
            && !np::one_of(prev.s, CONTACT_HEADS);
        // ("seven Iranian and Iranian-American men": modifiers joined, one phrase)
        if np.coordinated
            && after_verb
            && let Some(j) = (np.start + 1..np.head).rev().find(|&j| ws[j].s == "and")
            && ws[j - 1].f & (NATIONALITY | PLACE) == 0
        {
            np.start = j + 1;
        }
        np
    }

    /// "His family, friends and employees said", "Teachers, parents, and students say":
    /// the items of a list before the coordinated phrase (or before its ", and") belong
    /// to the subject. Each item is a plain phrase back to a comma or the clause's start,
    /// never a time, an adverb or a pronoun, so a fronted phrase is no item ("In Ohio,
    /// voters and activists said": "In Ohio" is none; "Throughout the night," neither).
    fn with_serial_list(&self, mut np: Np, limit: usize) -> Np {
        let ws = self.ws;
        // the comma before the last item: right before the phrase when it holds its own
        // "and", or before the ", and" that opens it
        let mut comma = if np.coordinated {
            np.start.checked_sub(1)
        } else if np.start >= 2 && ws[np.start - 1].s == "and" {
            Some(np.start - 2)
        } else {
            None
        };
        // as far back as a subject is looked for (a sentence-long list stays linear)
        let limit = limit.max(np.start.saturating_sub(MAX_SUBJECT));
        let (mut start, mut items) = (np.start, 0);
        while let Some(c) = comma.filter(|&c| c > limit && ws[c].s == ",") {
            let from = (limit..c)
                .rev()
                .find(|&j| ws[j].s == ",")
                .map_or(limit, |j| j + 1);
            let item = np::list_item(np::Toks(&ws[from..c])).filter(|item| {
                let head = &ws[item.head];
                ws[from..c].iter().all(|w| !w.q)
                    && head.f & (TEMPORAL | ADVERB | FUNCTION | PREP | AUX) == 0
                    && !np::is_weekday(head)
            });
            if item.is_none() {
                break;
            }
            start = from;
            items += 1;
            comma = from.checked_sub(1);
        }
        // before ", and" one item is no list ("Mr. Smith, a lawyer, and …" is apposed),
        // nor is a name before a role with no article ("Brent Bozell, PTC president and
        // conservative activist, said": the roles are his)
        let apposed_roles = ws[start].cap()
            && ws[np.start].f & DET == 0
            && ws[np.start..np.end].iter().any(|w| w.f & ROLE != 0);
        if items >= 2 || items == 1 && np.coordinated && !apposed_roles {
            np.start = start;
        }
        np
    }

    /// "Superdelegates who back him would be going against the voters, Mook said": a
    /// subject read across a comma whose last part, right before the cue, is a name or a
    /// personal pronoun on its own is that name's; what comes before it is what was said.
    fn named_after_last_comma(&self, np: Np, cue: usize) -> Np {
        let ws = self.ws;
        let Some(c) = (np.start + 1..cue).rev().find(|&j| ws[j].s == ",") else {
            return np;
        };
        // ", who is chairman of Our Principles PAC said": the relative clause describes
        // the subject before it
        if c + 1 >= cue || np::one_of(ws[c + 1].s, &["who", "whose", "which", "that"]) {
            return np;
        }
        // what comes before must hold a clause ("who back him would be going …"), not a
        // list ("Officials in Moscow, Washington and Kyiv")
        let clause = ws[np.start..c]
            .iter()
            .any(|w| w.f & (VERB_PAST | VERB_S | AUX) != 0 || np::one_of(w.s, &["who", "which"]));
        if !clause {
            return np;
        }
        let mut failed = np::FailedUnits::default();
        match np::subject_before_cue_memo(np::Toks(&ws[c + 1..cue]), &mut failed) {
            // a name, a pronoun, or a head the lexicon knows for a source ("…, legal
            // experts say")
            Some(tail)
                if tail.start == c + 1
                    && !tail.coordinated
                    && (tail.pronoun
                        || ws[tail.head].cap()
                        || ws[tail.head].f & (ANON_HEAD | ROLE | ORG_HEAD | OUTLET_HEAD) != 0) =>
            {
                tail
            }
            _ => np,
        }
    }

    /// The noun phrase "who" at `who` stands for: "Ann Lee, who said", and without the
    /// comma "critics who say", "the 30 percent who say" (a restrictive clause picks its
    /// speakers out of the phrase before it).
    fn antecedent_of_who(&self, who: usize) -> Option<Np> {
        let ws = self.ws;
        let comma = ws[who - 1].s == ",";
        let end = if comma { who - 1 } else { who };
        // a restrictive clause follows its noun: the phrase is the noun's own words, with
        // at most one prepositional phrase ("officials in the mayor's office who"), never a
        // verb before them ("rebuked critics who", "compared with 64 percent who")
        let lo = if comma {
            0
        } else {
            restrictive_antecedent_start(ws, end)?
        };
        let ante = self.subject_before(lo, end)?;
        if ante.pronoun {
            return None;
        }
        // "Zeke Ames, an oncologist who advised …": the description is apposed to a
        // name, and the name is who
        if let Some(name) = self.name_apposed_to(&ante) {
            return Some(name);
        }
        // a group ("critics who say", "the 30 percent who say") is a source; one unnamed
        // person picked out ("an architect who said he was unpaid") is a person in the
        // story, left to the document's resolution
        if !comma && !plural_word(ws[ante.head].s) {
            return None;
        }
        Some(ante)
    }

    /// "Zeke Ames, an oncologist": the name that the description `desc`, set off by the
    /// comma before it, is apposed to.
    fn name_apposed_to(&self, desc: &Np) -> Option<Np> {
        let ws = self.ws;
        if desc.start < 2 || ws[desc.start - 1].s != "," {
            return None;
        }
        self.subject_before(0, desc.start - 1).filter(|name| {
            !name.pronoun
                && name.end == desc.start - 1
                && classify::name_in(ws, name.start, name.head).is_some()
        })
    }

    fn object_after(&self, at: usize) -> Option<Np> {
        let ws = self.ws;
        if at >= ws.len() || ws[at].q {
            return None;
        }
        np::object(np::Toks(&ws[at..])).ok().map(|(_, np)| np)
    }

    fn emit(&mut self, cue: (usize, usize), np: Option<&Np>, form: CueForm) {
        let ws = self.ws;
        let cue_span = self.span(cue.0, cue.1);
        let verb = crate::text::lowercase(cue_span.text(&self.tm.prose));
        let mut a = Attribution {
            cue: cue_span,
            source: None,
            source_full: None,
            kind: SourceKind::Anonymous,
            anonymous: true,
            speaker: None,
            form,
            sentence: self.si,
            paragraph: self.paragraph,
            verb,
            via: None,
            referent: None,
            head: None,
        };
        if let Some(np) = np {
            a.source = Some(self.span(np.start, np.source_end.max(np.start + 1)));
            a.source_full = Some(self.span(np.start, np.end.max(np.start + 1)));
            a.head = Some(crate::text::lowercase(ws[np.head].s));
            if let Some((_, b, e)) = np.cited {
                a.via = Some(self.span(b, e));
            }
            let mut c = classify::classify(ws, np, self.people, self.headline || self.titlecase);
            let head = a.head.as_deref().unwrap_or("");
            // "The official, who spoke on condition of anonymity" is the official met
            // earlier: a definite description takes the kind of an earlier source with
            // the same head word; "all three councillors", "both lawmakers" are the group
            // the story named ("the councillors, Maria Lopez, Tom Reed and Ada Kim")
            let definite = ws[np.start].s.eq_ignore_ascii_case("the");
            let whole_group = np::one_of(ws[np.start].s, &["all", "both", "these", "those"]);
            // the latest earlier source with the same head word, looked up once
            let same_head = (definite || whole_group)
                .then(|| {
                    self.out.iter().rposition(|p| {
                        p.head.as_deref() == Some(head) && p.kind != SourceKind::Pronoun
                    })
                })
                .flatten();
            if let Some(prev) = same_head.map(|i| &self.out[i])
                && (definite || prev.kind == SourceKind::Person)
            {
                c.kind = prev.kind;
                c.speaker = prev.speaker.clone().or(c.speaker);
            }
            // "Ann Lee said … “…,” said the former top aide to the governor": a definite
            // description with words of its own, right after a named speaker of its
            // paragraph and naming no one else the speaker is, is that speaker
            if definite
                && c.kind == SourceKind::Anonymous
                && np.end > np.start + 2
                && !plural_word(ws[np.head].s)
                && same_head.is_none()
                && let Some(name) = self.last_named_speaker_nearby()
                && !ws[np.start..np.end]
                    .iter()
                    .any(|w| w.cap() && name.split(' ').any(|n| n == w.s))
            {
                c.kind = SourceKind::Person;
                c.speaker = Some(name);
            }
            // "wrote a man calling himself Paul Paul", "a woman who identified herself as
            // Ann Lee": the source gives a name for itself
            if c.kind == SourceKind::Anonymous
                && let Some(name) = self.self_given_name(np)
            {
                c.kind = SourceKind::Person;
                c.speaker = Some(name);
            }
            // "Mr. Coleman said … Mr. Pawlenty said … these supporters acknowledge": a
            // demonstrative group is the people the story has just named
            if c.kind == SourceKind::Anonymous
                && ws[np.start].s.eq_ignore_ascii_case("these")
                && plural_word(ws[np.head].s)
                && same_head.is_none()
                && self.named_speakers_nearby() >= 2
            {
                c.kind = SourceKind::Person;
                c.speaker = None;
            }
            // "X, who said", "critics who say": who is X
            if np.pronoun
                && head == "who"
                && np.start >= 1
                && let Some(ante) = self.antecedent_of_who(np.start)
            {
                let ac = classify::classify(ws, &ante, self.people, false);
                a.anonymous = ac.kind == SourceKind::Anonymous;
                a.speaker = ac.speaker.clone();
                a.referent = Some(usize::MAX);
            }
            // "I'm told", "we heard": the reporter passes on what someone unnamed said
            if matches!(head, "i" | "we")
                && matches!(
                    a.verb.as_str(),
                    "told" | "learned" | "learnt" | "heard" | "understand"
                )
            {
                c.kind = SourceKind::Anonymous;
                c.speaker = None;
            }
            // "Cuban said" after "Mark Cuban said": a place or nationality word standing
            // alone is the surname of a person the story already quoted
            if c.kind == SourceKind::Organization
                && np.start == np.head
                && ws[np.head].f & (NATIONALITY | PLACE) != 0
                && let Some(name) = self.earlier_speaker_with_surname(ws[np.head].s)
            {
                c.kind = SourceKind::Person;
                c.speaker = Some(name);
            }
            a.kind = c.kind;
            if !np.pronoun || c.kind == SourceKind::Anonymous {
                a.anonymous = c.kind == SourceKind::Anonymous;
                a.speaker = c.speaker;
            }
        }
        self.out.push(a);
    }

    /// The named person who spoke last, if that was in this paragraph or the one before
    /// and at most two sentences back.
    fn last_named_speaker_nearby(&self) -> Option<String> {
        let last = self.out.last()?;
        // the paragraph before counts too: "Feinberg said, “…” ¶ “…,” the Gawker
        // employee wrote" is the second reference of a feature's next paragraph
        (last.paragraph + 1 >= self.paragraph
            && last.sentence + 2 >= self.si
            && last.kind == SourceKind::Person)
            .then(|| last.speaker.clone())
            .flatten()
    }

    /// The name a source gives itself in its own words or right after them: "a man
    /// calling himself Paul Paul", "a woman who identified herself as Ann Lee" (a verb of
    /// naming, a reflexive, an optional "as", then capitalised words).
    fn self_given_name(&self, np: &Np) -> Option<String> {
        let ws = self.ws;
        let to = (np.end + 4).min(ws.len());
        // after a verb of naming ("describing himself as Republican" names a party)
        let r = (np.start + 1..to).find(|&j| {
            np::one_of(ws[j].s, &["himself", "herself"])
                && ["call", "identif", "introduc", "nam"]
                    .iter()
                    .any(|v| starts_with_ci(ws[j - 1].s, v))
        })?;
        let from = r + 1 + usize::from(ws.get(r + 1).is_some_and(|w| w.s == "as"));
        let name: Vec<&str> = ws[from.min(ws.len())..]
            .iter()
            .take(4)
            .take_while(|w| w.kind == TokenKind::Word && w.cap())
            .map(|w| w.s)
            .collect();
        (!name.is_empty()).then(|| name.join(" "))
    }

    /// How many different named people spoke in this paragraph and the three before it,
    /// after the last unnamed source there (looking back at most eight attributions).
    fn named_speakers_nearby(&self) -> usize {
        let near = self
            .out
            .iter()
            .rev()
            .take(8)
            .take_while(|a| a.paragraph + 3 >= self.paragraph);
        let mut names: Vec<&str> = Vec::new();
        // back to the nearest unnamed source: "these" points back to the people after it
        for a in near {
            if a.kind == SourceKind::Anonymous {
                break;
            }
            if let Some(name) = a
                .speaker
                .as_deref()
                .filter(|_| a.kind == SourceKind::Person)
                && !names.contains(&name)
            {
                names.push(name);
            }
        }
        names.len()
    }

    /// The full name of a person quoted earlier in the document whose surname is
    /// `word`. Looks at the latest attributions only, which bounds the work per source.
    fn earlier_speaker_with_surname(&self, word: &str) -> Option<String> {
        self.out
            .iter()
            .rev()
            .take(64)
            .filter(|p| p.kind == SourceKind::Person)
            .filter_map(|p| p.speaker.as_deref())
            .find(|name| name.contains(' ') && name.rsplit(' ').next() == Some(word))
            .map(str::to_string)
    }

    fn prepositional(&mut self, k: usize, len: usize) -> bool {
        // "per cent" is not "as per"
        let Some(mut np) = self.object_after(k + len) else {
            return false;
        };
        if np.pronoun {
            return false;
        }
        // "According to the report, Mills, an aide, sent an email": a fronted cue's
        // object leaves the sentence its clause, whose subject may follow a comma
        if k == 0
            && np.appositive.is_some()
            && let Ok((_, fronted)) = np::fronted_object(np::Toks(&self.ws[k + len..]))
        {
            np = fronted;
        }
        // "via email", "via a private server" name a medium; "Ann Lee via Getty Images"
        // credits a photograph
        if self.ws[k].s.eq_ignore_ascii_case("via")
            && (!self.ws[np.head].cap() || k > 0 && self.ws[k - 1].cap())
        {
            return false;
        }
        self.emit((k, k + len), Some(&np), CueForm::Prepositional);
        true
    }

    fn agentless(&mut self, k: usize, len: usize) -> bool {
        let ws = self.ws;
        // "was considered for the job" is not a judgement attributed to anyone
        if ws[k + len - 1].s.eq_ignore_ascii_case("considered") {
            match ws.get(k + len) {
                Some(n) if n.f & PREP != 0 && !matches!(n.s, "to" | "as") => return false,
                None => return false,
                _ => {}
            }
        }
        self.emit((k, k + len), None, CueForm::Agentless);
        true
    }

    fn nonspeech(&mut self, k: usize, len: usize, limit: usize) -> bool {
        let Some(np) = self.subject_before(limit, k) else {
            return false;
        };
        if let Some((cs, ce)) = np.channel {
            // "A US official speaking to CNN did not comment …, other than to say …": the
            // official did speak, to CNN
            self.emit((cs, ce), Some(&np), CueForm::Participial);
        } else {
            self.emit((k, k + len), Some(&np), CueForm::Nonspeech);
        }
        true
    }

    fn inverted(&mut self, k: usize, end: usize, limit: &mut usize) -> bool {
        let ws = self.ws;
        if k == 0 {
            return self.sentence_initial_said(end, limit);
        }
        let prev = &ws[k - 1];
        let after_quote_or_comma =
            prev.s == "," || (prev.kind == TokenKind::Quote && ws[..k - 1].iter().any(|w| w.q));
        if !after_quote_or_comma {
            // "“Does anybody know?” Graham asked." — the source stands between the quote
            // (in this sentence or the one before) and the cue
            let ends = ws
                .get(end)
                .is_none_or(|n| n.kind == TokenKind::Punct || n.kind == TokenKind::Quote);
            // or "Zero Hedge asked, “…”"
            let quote_follows = ws.get(end).is_some_and(|n| matches!(n.s, "," | ":"))
                && ws.get(end + 1).is_some_and(|n| n.kind == TokenKind::Quote);
            if ends
                && let Some(np) = self.subject_before(*limit, k)
                && (np.start > 0 && ws[np.start - 1].kind == TokenKind::Quote
                    || np.start == 0 && self.after_quote
                    || quote_follows)
            {
                self.emit((k, end), Some(&np), CueForm::Verb);
                *limit = end;
                return true;
            }
            return false;
        }
        // "…, told POLITICO": who is told is the listener, never the speaker
        if np::one_of(ws[k].s, &["told", "tell", "tells", "telling"]) {
            return false;
        }
        // "On Tuesday, state health officials discovered …": after an opening phrase of
        // time or place a bare verb form is a noun opening the subject ("In other words,
        // explained Ann Lee:" inverts a past tense)
        let bare = ws[k].f & (VERB_PAST | VERB_S) == 0;
        if bare && prev.s == "," && opening_adverbial(&ws[..k - 1]) {
            return false;
        }
        let Some(np) = self.object_after(end) else {
            return false;
        };
        // "…, said it." is the object of the verb, not its speaker
        if np.pronoun && !np::one_of(ws[np.start].s, &["he", "she"]) {
            return false;
        }
        // "…, said Friday that …": a time after the verb, not its speaker
        if np::is_time_word(&ws[np.head]) {
            return false;
        }
        if self.opens_content_clause(&np) {
            return false;
        }
        self.emit((k, end), Some(&np), CueForm::Inverted);
        *limit = np.end;
        true
    }

    /// "…, said the bill would pass", "…, said Obamacare so far has been a success": the
    /// phrase after the verb is the subject of what was said when a finite verb follows
    /// it within a few words (before any punctuation, relative word or subordinator), not
    /// the speaker ("…, said Ann Lee, who has", "said Lee in a statement that was", "said
    /// Dan Cole when asked" are speakers).
    fn opens_content_clause(&self, np: &Np) -> bool {
        const CLAUSE_WORDS: &[&str] = &[
            "who", "whose", "which", "that", "when", "while", "after", "before", "as", "because",
            "if",
        ];
        self.ws[np.end..]
            .iter()
            .take(3)
            .take_while(|w| w.kind == TokenKind::Word && !np::one_of(w.s, CLAUSE_WORDS))
            .any(|w| {
                w.f & (VERB_PAST | VERB_S) != 0
                    || w.f & AUX != 0 && !np::one_of(w.s, &["not", "never", "n't"])
            })
    }

    /// "Said Ada Roe, who grew up nearby: “…”": a sentence opened by "Said" or "Says",
    /// its speaker named next and set off by a comma or a colon.
    fn sentence_initial_said(&mut self, end: usize, limit: &mut usize) -> bool {
        let ws = self.ws;
        if !matches!(ws[0].s, "Said" | "Says") {
            return false;
        }
        let Some(np) = self.object_after(end) else {
            return false;
        };
        let set_off = ws
            .get(np.head + 1)
            .is_some_and(|n| matches!(n.s, "," | ":"));
        if np.pronoun || !ws[np.head].cap() || !set_off {
            return false;
        }
        self.emit((0, end), Some(&np), CueForm::Inverted);
        *limit = np.end;
        true
    }

    /// "He went on to say …", "Lee goes on to note …", "Trump continued to question …",
    /// "Cruz seemed to blame …": the cue runs from the aspect or hedging verb ("go on",
    /// "continue", "seem", "appear") to the verb at `k..end`, and its subject comes
    /// before it, over an auxiliary and an adverb ("Trump has also continued to").
    fn went_on_to(&mut self, k: usize, end: usize, limit: &mut usize) -> bool {
        let ws = self.ws;
        let went_on = k.checked_sub(3).filter(|&g| {
            np::one_of(ws[g].s, &["went", "goes", "go", "going", "gone"])
                && ws[g + 1].s.eq_ignore_ascii_case("on")
        });
        // "continued to question", and the hedges "seemed to blame", "appears to confirm":
        // the subject still says it
        let continued_or_seemed = k.checked_sub(2).filter(|&g| {
            np::one_of(
                ws[g].s,
                &[
                    "continued",
                    "continues",
                    "continue",
                    "seemed",
                    "seems",
                    "seem",
                    "appeared",
                    "appears",
                    "appear",
                ],
            ) && *limit <= g
        });
        let Some(g) = went_on.or(continued_or_seemed) else {
            return false;
        };
        // the subject ends before the auxiliaries and adverbs of the aspect verb
        let mut before = g;
        while before > *limit
            && (ws[before - 1].f & AUX != 0
                || np::one_of(ws[before - 1].s, &["also", "still", "again"])
                || is_ly_adverb(&ws[before - 1]))
        {
            before -= 1;
        }
        // "… joked that it was Brooklyn, but went on to say": the clause's subject
        let subject = || {
            self.subject_before(*limit, before)
                .or_else(|| self.shared_subject(g))
        };
        let Some(np) = subject() else {
            return false;
        };
        self.emit((g, end), Some(&np), CueForm::Verb);
        *limit = end;
        true
    }

    /// "led her to declare", "prompted Anderson Cooper to accuse", "leaving some to
    /// question": a causative verb's object does what the infinitive says, and is its
    /// source. The object runs from the causative to the "to" before the cue at `k`.
    fn caused_to(&mut self, k: usize, end: usize, limit: &mut usize) -> bool {
        let ws = self.ws;
        let to = k - 1;
        let from = (*limit).max(to.saturating_sub(MAX_CAUSED_OBJECT + 1));
        let Some(c) = (from..to)
            .rev()
            .find(|&c| CAUSATIVES.iter().any(|v| v.eq_ignore_ascii_case(ws[c].s)))
        else {
            return false;
        };
        // a participle acts opening its clause (", leading officials to question") or
        // after "be" ("is leading"); after a noun it describes what may happen
        // ("language forcing the recipients to answer"); "to continue" goes on doing
        let participle = ws[c].s.ends_with("ing");
        let acts = c > 0 && (ws[c - 1].s == "," || is_be(&ws[c - 1]));
        if participle && !acts || ws[k].s.eq_ignore_ascii_case("continue") {
            return false;
        }
        let Some(np) = np::object(np::Toks(&ws[c + 1..to]))
            .ok()
            .filter(|(rest, np)| rest.is_empty() && np.start == c + 1)
            .map(|(_, np)| np)
        else {
            return false;
        };
        self.emit((k, end), Some(&np), CueForm::Verb);
        *limit = end;
        true
    }

    /// Whether the cue at `k..end` is a directive verb whose object is asked to act:
    /// "urged lawmakers to reject", "encouraging his critics to pipe down". An
    /// infinitive marker followed by a base verb within a few words, before any "that"
    /// clause or punctuation ("urged caution", "urged that …" report words).
    fn directs_to_act(&self, k: usize, end: usize) -> bool {
        let ws = self.ws;
        DIRECTIVE_STEMS.iter().any(|d| starts_with_ci(ws[k].s, d))
            && ws[end..]
                .iter()
                .take(6)
                .take_while(|x| x.kind == TokenKind::Word && !x.s.eq_ignore_ascii_case("that"))
                .position(|x| x.s.eq_ignore_ascii_case("to"))
                .and_then(|i| ws.get(end + i + 1))
                .is_some_and(|v| {
                    // a verb, not a noun phrase ("pressed the case to the court"); the
                    // tagger marks closed classes and cases, not open verbs
                    v.kind == TokenKind::Word
                        && !v.cap()
                        && v.f & (DET | PRONOUN | PREP) == 0
                        && !v.s.starts_with(|c: char| c.is_ascii_digit())
                })
    }

    /// "he's", "they’re" at `i`: a personal pronoun with its verb contracted onto it (two
    /// words here, see [`contraction_split`]).
    fn contracted_pronoun_at(&self, i: usize) -> bool {
        let ws = self.ws;
        ws.get(i + 1).is_some_and(|c| {
            c.span.start == ws[i].span.end && c.s.starts_with(['\'', '’']) && c.f & AUX != 0
        })
    }

    fn verb(&mut self, k: usize, end: usize, limit: &mut usize, first_in_sentence: usize) -> bool {
        let ws = self.ws;
        let w = ws[k];
        let prev = k.checked_sub(1).map(|p| ws[p]);
        let next = ws.get(end);
        // an infinitive ("to say") or a noun ("media reports said") is not a cue here, but
        // "went on to say" reports speech as "said" does
        if prev.is_some_and(|p| p.s.eq_ignore_ascii_case("to")) {
            return self.went_on_to(k, end, limit) || self.caused_to(k, end, limit);
        }
        if self.question(k, end) {
            return true;
        }

        // "was any mention of", "the claim that", "his call for": after an article or a
        // possessive determiner the word is a noun ("some say", "two said" are subjects)
        if prev.is_some_and(|p| {
            np::one_of(
                p.s,
                &[
                    "a", "an", "the", "any", "no", "every", "his", "its", "their", "my", "our",
                    "your",
                ],
            )
        }) {
            return false;
        }
        // "Trump asked the network to donate" is a request: speech, but no claim;
        // "Putin asks China for military help" asks for a thing and is not read (and
        // "…, asking voters to stay home" reports what the clause's subject said, and
        // "asked workers if they planned to attend" a question)
        // what a form of "ask" asks: "for" a thing or "to" act, read once
        let asked = (starts_with_ci(w.s, "ask")
            && !(w.s.ends_with("ing") && self.opens_adjunct(k)))
        .then(|| {
            ws[end..]
                .iter()
                .take(6)
                .take_while(|x| !np::one_of(x.s, &["if", "whether", "why", "how", "what"]))
                .find(|x| matches!(x.s, "for" | "to"))
                .map(|x| x.s)
        })
        .flatten();
        // "who asked not to be named", "asked to remain anonymous": a source's own
        // condition, no one asked to act
        let own_condition = next.is_some_and(|n| np::one_of(n.s, &["not", "to", "that"]));
        match asked {
            Some("for") => return false,
            Some(_) if own_condition => return false,
            _ => {}
        }
        let request = asked == Some("to");
        // "urged Congress to act", "challenged Trump to release his returns": a
        // directive verb with an infinitive after its object asks someone to act; the
        // attribution stands (PolNeAR counts it), but no claim rests on its source
        let directs = !request && self.directs_to_act(k, end);
        let form = if request || directs {
            CueForm::Request
        } else {
            CueForm::Verb
        };
        if w.f & (DOC_HEAD | ANON_HEAD | ORG_HEAD) != 0
            && next.is_some_and(|n| n.f & (VERB | AUX) != 0)
        {
            return false;
        }
        if self.sense_reports_no_speech(k, end) {
            return false;
        }
        // a passive ("was told", "is reported") is a cue only with its agent: "reported by X"
        let mut p = k;
        while p > 0
            && (ws[p - 1].f & ADVERB != 0 && ws[p - 1].f & AUX == 0
                || ws[p - 1].s.len() > 4 && ws[p - 1].s.ends_with("ly"))
        {
            p -= 1;
        }
        // where the passive's cue starts: its "be", or the participle itself when it is
        // joined to the predicate of a "be" ("is bleak and seldom told", "was praised and
        // widely reported")
        let passive_from = if p > 0 && is_be(&ws[p - 1]) {
            Some(p - 1)
        } else {
            self.joined_to_be(k).then_some(k)
        };
        // "I'm told", "we are told": the reporter passes on what someone unnamed said, an
        // attribution (read as the reporter's conduit where the subject is classified)
        let conduit = passive_from.is_some_and(|b| {
            b > 0 && np::one_of(ws[b - 1].s, &["i", "we"]) && w.s.eq_ignore_ascii_case("told")
        });
        let be_before = passive_from.is_some() && !conduit;
        let ing = w.f & VERB_ING != 0 && w.f & (VERB_PAST | VERB_S | VERB_BASE) == 0
            || w.phrase_kind == Some(PhraseKind::Phrasal) && w.s.ends_with("ing");
        if be_before && !ing {
            if next.is_some_and(|n| n.s == "by")
                && let Some(np) = self.object_after(end + 1)
            {
                self.emit((k, end + 1), Some(&np), CueForm::Verb);
                *limit = np.end;
                return true;
            }
            // "the plan was announced", "the deal was criticised as a risk": a passive
            // whose subject is what was said, with no agent, attributes it to no one
            if next.is_none_or(|n| n.s != "by")
                && PASSIVE_AGENTLESS
                    .iter()
                    .any(|v| w.s.eq_ignore_ascii_case(v))
            {
                self.emit((passive_from.unwrap_or(k), end), None, CueForm::Agentless);
                return true;
            }
            return false;
        }
        // headlines put the source last: "Russia seeking military aid from China says US
        // official"; a phrase after the verb that cannot speak is what was said ("Clinton
        // Says Russians Hacked DNC")
        if self.headline
            && w.f & (VERB_S | VERB_PAST) != 0
            && HEADLINE_INVERTED
                .iter()
                .any(|v| w.s.to_ascii_lowercase().starts_with(v))
            && let Some(np) = self.object_after(end)
            && ws[np.end..].iter().all(|x| x.kind != TokenKind::Word)
            && !np.pronoun
            && headline_source(ws, &np)
        {
            self.emit((k, end), Some(&np), CueForm::Inverted);
            *limit = np.end;
            return true;
        }
        if ing && !be_before {
            // ", saying …", "by calling …", "with 40 percent saying …" (participle.rs); a
            // request in a participle ("asking for help") is left unread
            if request || !self.participle(k, end, limit, first_in_sentence) {
                return false;
            }
            if directs && let Some(last) = self.out.last_mut() {
                last.form = CueForm::Request;
            }
            return true;
        }
        let found = match self
            .subject_before(*limit, k)
            .map(|np| self.named_after_last_comma(np, k))
            .map(|np| self.after_contact_head(np))
            .map(|np| self.after_object_coordination(np))
            .map(|np| self.with_serial_list(np, *limit))
        {
            // "Rabbi Rick Jacobs, president of the union which represents 900
            // congregations, said": a description after a comma that names no one is the
            // appositive of the name before it, when that name takes it whole
            // (a capitalised word or an age before the comma, as a name ends, is asked
            // first: the long appositive's search is the dearer test)
            Some(np)
                if np.start > 1
                    && ws[np.start - 1].s == ","
                    && (ws[np.start - 2].cap()
                        || ws[np.start - 2].kind == TokenKind::Number
                        || ws[np.start - 2].s == ")")
                    && !ws[np.head].cap()
                    && !np.pronoun
                    && !self.ends_in_name(&np) =>
            {
                self.long_appositive_subject(*limit, k)
                    .filter(|a| a.start < np.start)
                    .or_else(|| self.unclosed_appositive_subject(&np, *limit, k))
                    .or(Some(np))
            }
            found @ Some(_) => found,
            None => self.long_appositive_subject(*limit, k),
        };
        let found = found.map(|np| self.subject_over_relative_object(np, k, first_in_sentence));
        if let Some(np) = found {
            if !self.agrees(&np, k, w.f) {
                return false;
            }
            // "any criminal charges", "his remarks": noun-like forms need a clear subject
            // "… of Democratic claims – a 3 to 1 margin": a noun-like form needs an object
            // its object is a clause ("claims that"), a quote, or a named or determined phrase
            // a phrasal verb may also end its clause or take a bare clause ("Mr Hadi points
            // out.", "points out costs rose"), not a number or "of" ("3 points out of 10")
            let phrasal = end > k + 1;
            // after a personal pronoun the form is a verb ("who he claims has been unfair");
            // so it is before an infinitive or a pronoun's contraction ("claims to desire",
            // "claims he's worth")
            let personal = np.pronoun
                && np::one_of(ws[np.head].s, &["he", "she", "they", "we", "i", "you"])
                && w.f & (VERB_S | VERB_PAST) != 0;
            // (a named subject right before the form: "campaign pledges he's been" and
            // "enough states to have" are nouns)
            let named_subject = np.end == k && (personal || ws[np.head].cap());
            let verb_next = named_subject
                && next.is_some_and(|n| {
                    n.s == "to"
                        && ws
                            .get(end + 1)
                            .is_some_and(|v| !v.cap() && v.f & (DET | PRONOUN | PREP) == 0)
                        || self.contracted_pronoun_at(end)
                });
            if w.f & NOUN_FORM != 0
                && !personal
                && !verb_next
                && next.is_none_or(|n| {
                    !(n.s == "that"
                        || n.s == ":"
                        || n.kind == TokenKind::Quote
                        || n.f & DET != 0
                        || n.f & PRONOUN != 0 && !self.contracted_pronoun_at(end)
                        || n.cap()
                        || phrasal && n.kind == TokenKind::Word && n.s != "of"
                        || phrasal && matches!(n.s, "." | "," | ";"))
                })
            {
                return false;
            }
            if w.f & NOUN_FORM != 0 {
                let h = &ws[np.head];
                let strong = np.pronoun
                    || h.cap()
                    || h.f & (ANON_HEAD | ORG_HEAD | OUTLET_HEAD | DOC_HEAD | ROLE) != 0;
                let noun_next = next.is_some_and(|n| {
                    matches!(
                        n.s,
                        "of" | "about"
                            | "over"
                            | "from"
                            | "against"
                            | "were"
                            | "was"
                            | "are"
                            | "is"
                    )
                });
                if !strong || noun_next {
                    return false;
                }
            }
            // "… misogynist and birther who has pledged": a bare lowercase word of no known
            // kind, with no determiner, is not a source
            let h = &ws[np.head];
            // "respondents said", "voters say": a plural WordNet knows for people
            let people_plural = h.s.ends_with('s')
                && matches!(
                    heads::head_class(h.s),
                    Some(heads::HeadClass::Person | heads::HeadClass::Group)
                );
            let known = np.pronoun
                || h.cap()
                || h.f & (ANON_HEAD | ORG_HEAD | OUTLET_HEAD | DOC_HEAD | ROLE) != 0
                || people_plural
                || h.f & DET != 0;
            // "47 percent said": a count opens the phrase as a determiner would
            let determined = ws[np.start].f & DET != 0
                || ws[np.start].cap()
                || np::approximates(&ws[np.start])
                || np::opens_approximate_count(np::Toks(&ws[np.start..]))
                || np::is_count(&ws[np.start])
                || classify::counts_people(&crate::text::lowercase(ws[np.start].s))
                || ws[np.start..np.head]
                    .iter()
                    .any(|x| crate::text::possessive::has_s(x.s));
            if !known && !determined {
                return false;
            }
            // "X did respond." reports no content: nothing was said that a reader could weigh
            let bare = next.is_none_or(|n| matches!(n.s, "." | "!" | ";"))
                && np.start == 0
                && !self.after_quote
                && !ws.iter().any(|x| x.kind == TokenKind::Quote);
            if bare {
                return false;
            }
            self.emit((k, end), Some(&np), form);
            *limit = end;
            return true;
        }
        // "pointed to the crowds", "talked about the plan": a verb whose particle takes an
        // object never has its source after it ("…, pointed out the minister" may)
        let object_particle =
            end > k + 1 && np::one_of(ws[end - 1].s, &["to", "about", "for", "on", "of", "with"]);
        // "Juanita Broaddrick, who said …, recounted the incident": the comma closes a
        // relative clause, and the verb after it is the sentence's own, never inverted
        if let Some(np) = self.relative_clause_subject(k, *limit) {
            self.emit((k, end), Some(&np), form);
            *limit = end;
            return true;
        }
        if !request && !object_particle && self.inverted(k, end, limit) {
            return true;
        }
        // "Mr. Manafort, citing ''the unique magic of Trump,'' said": the aside's cue took
        // the subject, which the main verb shares
        if !request && self.after_participial_aside(k, first_in_sentence) {
            let done = self.repeat_source(k, end, first_in_sentence);
            if done {
                *limit = end;
            }
            return done;
        }
        // "Democrats described the showdown as ominous, and said …", "… and then said":
        // the subject of the sentence's earlier cue
        let conjunction =
            |p: &W| p.s.eq_ignore_ascii_case("and") || p.s.eq_ignore_ascii_case("but");
        // (between the conjunction and the verb: an auxiliary, a few adverbs and a time,
        // "but has since said", "and has also promised", "and then said", "but on
        // Tuesday wrote")
        // (any of the lexicon's adverbs or a manner adverb: "but now says", "and
        // angrily denied")
        let between = |x: &W| {
            let negation = np::one_of(x.s, &["not", "never", "n't"]);
            x.f & (AUX | ADVERB) != 0 && !negation
                || x.s.len() > 4 && x.s.ends_with("ly") && x.f & (VERB | NOUN_FORM) == 0
                || x.f & TEMPORAL != 0
                || np::is_weekday(x)
                || np::one_of(x.s, &["since", "on", "this"])
        };
        let back = ws[..k]
            .iter()
            .rev()
            .take(4)
            .take_while(|x| between(x))
            .count();
        let joined = k > back && conjunction(&ws[k - back - 1]);
        if joined {
            if !request && self.repeat_source(k, end, first_in_sentence) {
                *limit = end;
                return true;
            }
            // "The mayor defended the route and said …": the verbs share the subject ("did
            // not return calls and emails" joins nouns: a noun-like form needs its words)
            let noun_like = w.f & NOUN_FORM != 0
                && next.is_none_or(|n| !(n.s == "that" || n.kind == TokenKind::Quote));
            if w.f & (VERB_PAST | VERB_S) != 0
                && !noun_like
                && let Some(np) = self.shared_subject(k)
            {
                self.emit((k, end), Some(&np), form);
                *limit = end;
                return true;
            }
        }
        false
    }

    /// "A woman who has accused Bill Clinton of rape said": `np`, found before the verb at
    /// `k`, is the object of a verb of blame or praise ([`OBJECT_CUES`]) whose source is a
    /// restrictive "who" or "that". The verb's subject is then the noun phrase before
    /// "who" with its whole clause; otherwise `np` stays.
    fn subject_over_relative_object(&self, np: Np, k: usize, first_in_sentence: usize) -> Np {
        let ws = self.ws;
        let Some(before) = np.start.checked_sub(1) else {
            return np;
        };
        // (the clause's verb is the sentence's latest cue: asking only it keeps a
        // sentence of many cues linear)
        let inner = self.out[first_in_sentence..]
            .last()
            .filter(|a| a.cue.end == ws[before].span.end);
        // the relative pronoun, as the inner verb's source ("who") or inside it ("A
        // woman who has"), and where its antecedent may start
        let relative = inner.and_then(|a| {
            let full = a.source_full?;
            // tokens are in text order: found by halving, not by a walk from the start
            let s0 = ws.partition_point(|w| w.span.start < full.start);
            if ws.get(s0).is_none_or(|w| w.span.start != full.start) {
                return None;
            }
            let r = (s0..k).find(|&r| {
                ws[r].span.end <= full.end
                    && r >= 1
                    && np::one_of(ws[r].s, &["who", "that"])
                    && ws[r - 1].s != ","
            })?;
            let lo = if r == s0 {
                restrictive_antecedent_start(ws, r)?
            } else {
                s0
            };
            OBJECT_CUES
                .iter()
                .any(|c| a.verb.starts_with(c))
                .then_some((lo, r))
        });
        let Some((lo, r)) = relative else { return np };
        self.subject_before(lo, r)
            .filter(|ante| !ante.pronoun)
            .map_or(np, |ante| Np {
                end: k,
                source_end: k,
                appositive: None,
                channel: None,
                cited: None,
                ..ante
            })
    }

    /// "Asked whether …, he said", "Ruiz, when asked about the fees, said", "Lee was
    /// asked to name one": a question put by someone the story does not name, usually
    /// the reporter. PolNeAR counts it as an attribution to the unnamed asker; its own
    /// form keeps the anonymity rules from reading a reporter's question as anonymous
    /// sourcing. The answer keeps its own cue and speaker. "Asked by Ann Lee whether"
    /// names the asker, who is then the source.
    fn question(&mut self, k: usize, end: usize) -> bool {
        let ws = self.ws;
        if end != k + 1 || !np::one_of(ws[k].s, &["asked", "questioned"]) {
            return false;
        }
        // a passive or a participle opening a clause, past adverbs ("was also asked")
        let mut p = k;
        while p > 0 && (ws[p - 1].f & ADVERB != 0 && ws[p - 1].f & AUX == 0) {
            p -= 1;
        }
        let opens = p == 0
            || np::one_of(
                ws[p - 1].s,
                &[
                    "is", "are", "was", "were", "been", "being", "be", "when", "whenever", "if",
                    "after", "once", "while", ",", "(",
                ],
            );
        let complement_at = |at: usize| {
            ws.get(at).is_some_and(|n| {
                np::one_of(
                    n.s,
                    &[
                        "whether",
                        "if",
                        "about",
                        "what",
                        "why",
                        "how",
                        "who",
                        "whom",
                        "which",
                        "when",
                        "where",
                        "to",
                        "on",
                        "in",
                        "during",
                        "at",
                        "for",
                        "a",
                        "an",
                        "again",
                        "later",
                        "directly",
                        "specifically",
                        "repeatedly",
                        ",",
                    ],
                )
            })
        };
        if !opens {
            return false;
        }
        // "Asked by Stephanopoulos whether …": a named interviewer is the question's
        // source ("when asked by CNN" is the outlet's reporter, unnamed)
        if ws.get(end).is_some_and(|n| n.s == "by") {
            let Some(np) = self.object_after(end + 1) else {
                return false;
            };
            if np.pronoun
                || !ws[np.head].cap()
                || !complement_at(np.end)
                || classify::classify(ws, &np, self.people, false).kind != SourceKind::Person
            {
                return false;
            }
            self.emit((k, end), Some(&np), CueForm::Inverted);
            return true;
        }
        if !complement_at(end) {
            return false;
        }
        self.emit((k, end), None, CueForm::Question);
        true
    }

    /// The subject a relative clause set off by commas interrupts: "Ann Fry, who
    /// questioned whether the plan was wise, said …". A cue inside the clause ("questioned")
    /// took "who" and closed the sentence to the left, so the main verb looks past the
    /// clause to the phrase before ", who". Only a clause with no comma of its own.
    fn relative_clause_subject(&self, k: usize, limit: usize) -> Option<Np> {
        let ws = self.ws;
        if k < 2 || ws[k - 1].s != "," {
            return None;
        }
        let who = (0..k - 1)
            .rev()
            // a bounded look back: a long clause is read no further than a subject is
            .take(RELATIVE_CLAUSE_REACH)
            .take_while(|&j| ws[j].s != "," || ws.get(j + 1).is_some_and(|n| n.s == "who"))
            .find(|&j| ws[j].s == "who")?;
        if who < 2 {
            return None;
        }
        if ws[who - 1].s == "," {
            let mut np = self.subject_before(0, who - 1)?;
            if np.end != who - 1 {
                return None;
            }
            // a clause with no cue of its own describes the speaker and is part of the
            // source, as the phrase grammar takes shorter ones
            if limit <= who {
                np.end = k;
                np.source_end = k;
            }
            return Some(np);
        }
        // "Ann Fry, a senator who told reporters …, said": the name and its description,
        // up to the clause (the cue inside the clause keeps it, as in the form above)
        let desc = self.subject_before(restrictive_antecedent_start(ws, who)?, who)?;
        let mut name = self.name_apposed_to(&desc)?;
        name.appositive = Some((desc.start, desc.end));
        name.end = desc.end;
        name.source_end = desc.end;
        Some(name)
    }

    /// "Ruth Ames, a former adviser to the governor and a friend of the family, said": a
    /// name whose description, closed by the comma before the cue, is longer or freer
    /// than the appositive grammar parses. The description runs from the first comma
    /// after a name to the cue; it holds no quotation, no clause break and no speech verb.
    fn long_appositive_subject(&self, limit: usize, k: usize) -> Option<Np> {
        let ws = self.ws;
        if k < 3 || ws[k - 1].s != "," {
            return None;
        }
        let lo = limit.max(k.saturating_sub(MAX_SUBJECT));
        let clean = |w: &W| !matches!(w.s, ";" | ":" | "(" | ")" | "—" | "–");
        // a verb belongs to the description only inside its relative clause ("president
        // of the union which represents 900 congregations")
        let verbs_relative = |desc: &[W]| {
            let rel = desc
                .iter()
                .position(|w| np::one_of(w.s, &["who", "which", "that", "whose"]));
            desc.iter()
                .enumerate()
                .all(|(j, w)| w.f & (VERB_PAST | VERB_S) == 0 || rel.is_some_and(|r| j > r))
        };
        // a title in quotation marks ("the co-author of “Going Viral,”") is part of a
        // description; a longer quotation is someone's words
        let title_only = |desc: &[W]| {
            let marks = desc.iter().filter(|w| w.kind == TokenKind::Quote).count();
            let quoted = desc.iter().filter(|w| w.q).count();
            marks == 0 && quoted == 0 || marks == 2 && quoted <= MAX_QUOTED_TITLE
        };
        (lo + 1..k - 1).filter(|&c| ws[c].s == ",").find_map(|c| {
            let desc = &ws[c + 1..k - 1];
            // ", and the council, …" opens a clause, not a description
            let clause = desc
                .first()
                .is_some_and(|w| np::one_of(w.s, &["and", "but", "or", "so", "while"]));
            if desc.is_empty()
                || desc.len() > 30
                || clause
                || !desc.iter().all(clean)
                || !verbs_relative(desc)
                || !title_only(desc)
            {
                return None;
            }
            let mut np = self.subject_before(limit, c)?;
            let h = &ws[np.head];
            // "Wednesday, however, the director …": a time opens the sentence, no one
            // speaks
            if np.pronoun
                || !h.cap()
                || np::is_time_word(h)
                || np::is_time_word(&ws[c - 1])
                || np.channel.is_some()
                || np.cited.is_some()
            {
                return None;
            }
            np.appositive.get_or_insert((c + 1, k - 1));
            np.end = k;
            np.source_end = k;
            Some(np)
        })
    }

    /// Is the participle at `k` the second of a predicate joined by "and" or "or" after a
    /// form of "be" ("is bleak and seldom told", "was praised and widely reported"), with
    /// at most an adverb before it, one word between "be" and the conjunction, and no
    /// object after it?
    fn joined_to_be(&self, k: usize) -> bool {
        let ws = self.ws;
        let conj = |j: usize| np::one_of(ws[j].s, &["and", "or"]);
        let adverb = |w: &W| {
            w.f & ADVERB != 0
                || w.s.ends_with("ly")
                || np::one_of(w.s, &["seldom", "rarely", "often", "never", "little"])
        };
        let j = match k.checked_sub(1) {
            Some(j) if conj(j) => j,
            Some(j) if j >= 1 && conj(j - 1) && adverb(&ws[j]) => j - 1,
            _ => return false,
        };
        // (a passive takes no object: "She was tired and said she would go" is active)
        let no_object = ws
            .get(k + 1)
            .is_none_or(|n| np::one_of(n.s, &[".", ",", ";", "by", "as"]));
        no_object
            && j >= 2
            && is_be(&ws[j - 2])
            && !ws[j - 1].cap()
            && ws[j - 1].kind == TokenKind::Word
    }

    /// "Sen. Kristen Gillibrand (D-NY), a supporter of Clinton's bid told": an indefinite
    /// description after a named person's comma, its own closing comma left out, is that
    /// person's appositive; the person, with it, is the subject of the verb at `k`.
    fn unclosed_appositive_subject(&self, desc: &Np, limit: usize, k: usize) -> Option<Np> {
        let ws = self.ws;
        // ("Clinton, a top aide said, “is very confident”": the aside's own subject)
        if !np::one_of(ws[desc.start].s, &["a", "an"]) || ws.get(k + 1).is_some_and(|w| w.s == ",")
        {
            return None;
        }
        let name = self.subject_before(limit, desc.start - 1)?;
        // the name opens its clause, alone: not "released Alan Gross", "with Clinton" or
        // "Millis and Harold Doley"
        let opens = name.start == 0
            || ws[name.start - 1].kind == TokenKind::Quote
            || np::one_of(ws[name.start - 1].s, &[",", "and", "but", "so", "then"]);
        if !opens || !ws[name.start].cap() || name.pronoun || name.coordinated {
            return None;
        }
        let c = classify::classify(ws, &name, self.people, false);
        (c.kind == SourceKind::Person).then_some(Np {
            end: desc.end,
            source_end: desc.source_end,
            appositive: Some((desc.start, desc.head + 1)),
            ..name
        })
    }

    /// Is the cue word at `k` used in a sense that reports no speech: "continue" as an
    /// activity, a reporter's credit line ("reported from"), "called" as a telephone call,
    /// a phrasal verb or naming?
    fn sense_reports_no_speech(&self, k: usize, end: usize) -> bool {
        let ws = self.ws;
        let w = &ws[k];
        let next = ws.get(end);
        // "support continues to grow", "Blocher continued as a member", "the borrowing
        // continued.": "continue" reports words only when they follow it ("Issa
        // continued, “Yes.”", "she continued: …") or came before it ("…,” she continued.")
        if starts_with_ci(w.s, "continue") && !self.continues_speaking(k) {
            return true;
        }
        // "Clinton maintains a commanding lead", "Rubio maintained his silence": a verb
        // with a sense that is no speech reports words only when a clause or a quotation
        // follows ("maintained that …", "maintains he …")
        if starts_with_ci(w.s, "maintain") && !self.clause_or_quote_follows(k, end) {
            return true;
        }
        // "Sanders posted an overwhelming victory", "the firm posted a $3bn loss", "has
        // posted more than 5,000 times": a result or a count posted, not words
        if starts_with_ci(w.s, "post") && w.s.len() <= 7 && self.posts_a_result(end) {
            return true;
        }
        if starts_with_ci(w.s, "claim") && self.claims_a_prize(k, end) {
            return true;
        }
        // "Costa reported from Washington.", "Phillip reported from Oakland, Calif.;
        // Gearan, from Washington.": a reporter's credit line closing the story (its words
        // are places, and nothing is reported: "reported from Iowa that …" is speech)
        if w.s == "reported"
            && next.is_some_and(|n| n.s == "from")
            && ws.get(k + 2).is_some_and(|p| p.cap())
            && ws[k + 2..]
                .iter()
                .all(|x| x.cap() || x.kind == TokenKind::Punct || np::one_of(x.s, &["from", "and"]))
        {
            return true;
        }
        // "Obama called both candidates Tuesday night", "she called Sanders to congratulate
        // him", "called off the deal": a telephone call or a phrasal verb, not speech
        if w.s == "called" && self.telephoned(k) {
            return true;
        }
        if w.s == "called" && end == k + 1 && self.names_a_thing(k) {
            return true;
        }
        // "a company called Cambridge Analytica", "a new group called Black Votes Matter",
        // "a move called the boneless": a thing introduced by an indefinite article is
        // being named ("the company called the report false" may be speech)
        if w.s == "called" && self.names_an_indefinite(k) {
            return true;
        }
        // "declared war on the enclave", "declared a state of emergency", "declared
        // bankruptcy": the declaration is the act itself, nothing said is reported
        if w.s.len() > 6
            && starts_with_ci(w.s, "declar")
            && ws[end..]
                .iter()
                .take(5)
                .take_while(|x| x.kind == TokenKind::Word)
                .find(|x| {
                    !np::one_of(
                        x.s,
                        &[
                            "a", "an", "the", "state", "of", "national", "public", "health",
                        ],
                    )
                })
                .is_some_and(|x| np::one_of(x.s, PERFORMED_BY_DECLARING))
        {
            return true;
        }
        false
    }

    /// Is the object of a "post" ending at `end` a result or a count ("posted an
    /// overwhelming victory", "a $3bn loss", "more than 5,000 times", "posted bail")?
    fn posts_a_result(&self, end: usize) -> bool {
        const RESULTS: &[&str] = &[
            "victory",
            "victories",
            "win",
            "wins",
            "loss",
            "losses",
            "gain",
            "gains",
            "lead",
            "record",
            "profit",
            "profits",
            "deficit",
            "surplus",
            "growth",
            "bail",
            "times",
            "score",
            "decline",
            "increase",
            "rise",
            "drop",
            "best",
            "defeat",
            "results",
            "revenue",
            "earnings",
            "returns",
        ];
        self.object_names(end, RESULTS, true)
    }

    /// Is the "claim" at `k..end` something taken or won, not words: its object ("claims
    /// more territory", "claimed the lives of", "claimed the title", "claimed expenses"),
    /// or the noun it follows as a participle ("the damages claimed in 2004", "the taxes
    /// claimed")? Not with a clause after it ("claims the asylum system is abused"), and
    /// not a victory or a nomination, which are claimed by saying so.
    fn claims_a_prize(&self, k: usize, end: usize) -> bool {
        let ws = self.ws;
        if k > 0 && !ws[k - 1].cap() && np::one_of(ws[k - 1].s, CLAIMED_THINGS) {
            return true;
        }
        !self.auxiliary_within(end, 10) && self.object_names(end, CLAIMED_THINGS, false)
    }

    /// Does the object after a verb ending at `end`, before any preposition or
    /// punctuation, hold one of `nouns` (or, with `counts`, a number or a sum)?
    fn object_names(&self, end: usize, nouns: &[&str], counts: bool) -> bool {
        let currency = |x: &W| matches!(x.s, "$" | "£" | "€" | "¥");
        self.ws[end..]
            .iter()
            .take(6)
            // (a clause is no object: "claims that taxes need to rise")
            .take_while(|x| {
                (x.kind != TokenKind::Punct || counts && currency(x))
                    && (x.f & PREP == 0 || x.s == "than")
                    && !np::one_of(x.s, &["that", "whether", "if"])
                    && !x.q
            })
            .any(|x| {
                counts && (x.kind == TokenKind::Number || currency(x)) || np::one_of(x.s, nouns)
            })
    }

    /// Does what was said go with the verb at `k..end`: a quotation before it in the
    /// sentence, or after it "that", a quotation, a colon, a comma, or a clause's
    /// pronoun or name ("maintained he was innocent")?
    fn clause_or_quote_follows(&self, k: usize, end: usize) -> bool {
        let ws = self.ws;
        let opens = |n: &W| n.kind == TokenKind::Quote || n.q || matches!(n.s, "that" | ":" | ",");
        // "“It is fair,” she maintained.": the verb tags a quotation before it
        if ws[..k].iter().any(|w| w.q || w.kind == TokenKind::Quote) {
            return true;
        }
        let Some(next) = ws.get(end) else {
            return false;
        };
        if opens(next) {
            return true;
        }
        // "maintained he was innocent", "maintains Trump will lose", "maintain the US is
        // secretly happy": a clause without "that", its verb an auxiliary
        next.f & PRONOUN != 0 && np::one_of(next.s, &["he", "she", "they", "we", "i", "it"])
            || next.cap() && next.f & (DET | FUNCTION) == 0
            || self.auxiliary_within(end, 6)
    }

    /// Is there an auxiliary among the `n` words from `from`, before any punctuation or
    /// quotation: the verb of a clause ("maintain the US is …", "claims the asylum system
    /// is abused")?
    fn auxiliary_within(&self, from: usize, n: usize) -> bool {
        self.ws[from..]
            .iter()
            .take(n)
            .take_while(|x| x.kind != TokenKind::Punct && !x.q)
            .any(|x| x.f & AUX != 0)
    }

    /// Is the "called" at `k` a thing's name given ("a group called Open Doors", "a class
    /// called “Perception”", "the tax loophole called an “inversion”", "the procedure
    /// sometimes called partial-birth abortion", "elected officials, called superdelegates,")
    /// rather than someone's words ("the senator called the plan weak")?
    fn names_a_thing(&self, k: usize) -> bool {
        let ws = self.ws;
        let next = ws.get(k + 1);
        let after_next = ws.get(k + 2);
        let quote = |x: &W| x.q || x.kind == TokenKind::Quote;
        // "…, called superdelegates,": a bare term set off after a comma
        if k > 0
            && ws[k - 1].s == ","
            && next.is_some_and(|n| {
                n.kind == TokenKind::Word
                    && !n.cap()
                    && n.f & (DET | PRONOUN | PREP | FUNCTION) == 0
            })
            && after_next.is_some_and(|x| matches!(x.s, "," | "." | ")" | ";"))
        {
            return true;
        }
        // the noun before, past an adverb ("sometimes called", "also called")
        let mut p = k;
        let adverb_at = |x: &W| {
            x.f & (ADVERB | TEMPORAL) != 0 && x.f & AUX == 0
                || x.s.ends_with("ly") && x.s.len() > 4
                || np::one_of(
                    x.s,
                    &["sometimes", "often", "also", "now", "once", "formerly"],
                )
        };
        while p > 0 && k - p < 2 && adverb_at(&ws[p - 1]) {
            p -= 1;
        }
        let adverb = p < k;
        let Some(noun) = p.checked_sub(1).map(|i| &ws[i]) else {
            return false;
        };
        let thing = noun.kind == TokenKind::Word
            && !noun.cap()
            && noun.f & (PRONOUN | ANON_HEAD | ROLE | ORG_HEAD | AUX | VERB | FUNCTION) == 0;
        // a name, a quoted term, or an article and a quoted term follow
        let term = next.is_some_and(|n| n.cap() || quote(n))
            || next.is_some_and(|n| np::one_of(n.s, &["a", "an", "the"]))
                && after_next.is_some_and(quote);
        thing && (term || adverb)
    }

    /// Does the "continue" at `k` report words: with a quotation, a colon or "that"
    /// right after it, or ending its clause after a quotation earlier in the sentence?
    fn continues_speaking(&self, k: usize) -> bool {
        let ws = self.ws;
        let quote_at = |j: usize| ws.get(j).is_some_and(|n| n.q || n.kind == TokenKind::Quote);
        // "Howard continued his scathing remarks.": words named by a noun of speech
        let remarks = ws.get(k + 1).is_some_and(|n| n.f & DET != 0)
            && ws[k + 2..(k + 4).min(ws.len())]
                .iter()
                .any(|w| w.f & NOUN_FORM != 0);
        if remarks {
            return true;
        }
        match ws.get(k + 1).map(|n| n.s) {
            Some(":" | "that") => true,
            Some(",") => quote_at(k + 2),
            None | Some(".") => ws[..k].iter().any(|w| w.q || w.kind == TokenKind::Quote),
            _ => quote_at(k + 1),
        }
    }

    /// Is the "called" at `k` a telephone call ("Obama called both candidates Tuesday
    /// night", "she called Sanders to congratulate him", "Mr. Obama called Ann Lee.") or a
    /// phrasal verb ("called off", "called up")? Speech names what the object was called:
    /// "called the president “weak”", "called Trump a liar", "called for a ban".
    fn telephoned(&self, k: usize) -> bool {
        let ws = self.ws;
        let Some(next) = ws.get(k + 1) else {
            return false;
        };
        if np::one_of(next.s, &["off", "up", "back", "in"]) {
            return true;
        }
        // the one called is a person or a body, named or described ("the company"), with
        // no description after it; not what was named ("what he called unilateral
        // actions", "called Clinton's remarks a “new low”")
        let end = if np::one_of(next.s, &["him", "her", "them", "me", "us"])
            && ws.get(k + 2).is_none_or(|n| n.f & DET == 0 && !n.cap())
        {
            k + 2
        } else {
            match self.object_after(k + 1) {
                Some(np)
                    if !np.pronoun
                        && np.appositive.is_none()
                        && !np::is_time_word(&ws[np.head])
                        && (ws[np.head].cap()
                            || ws[np.head].f & (ANON_HEAD | ROLE | ORG_HEAD) != 0) =>
                {
                    np.end
                }
                _ => return false,
            }
        };
        let Some(after) = ws.get(end) else {
            return true;
        };
        // a call is followed by its time, its purpose or the sentence's end ("called her
        // to say …" reports what was said: the call is speech)
        let purpose = after.s == "to"
            && ws
                .get(end + 1)
                .is_some_and(|v| !v.cap() && v.f & (DET | PRONOUN | VERB) == 0);
        purpose
            || np::one_of(
                after.s,
                &[".", ";", "after", "before", "only", "last", "this"],
            )
            || after.f & TEMPORAL != 0
            || np::is_weekday(after)
    }

    /// Does the phrase right before the "called" at `k` open with an indefinite article
    /// ("a company called …", "a new group called …")?
    fn names_an_indefinite(&self, k: usize) -> bool {
        let ws = self.ws;
        // a lowercase head that names no person right before "called" lets a capitalised
        // modifier stand before it ("a Facebook group called Occupy DNC"; "a Trump aide
        // called it false" is speech)
        let thing_head = k > 0
            && !ws[k - 1].cap()
            && ws[k - 1].f & (PRONOUN | ANON_HEAD | ROLE) == 0
            && heads::head_class(&crate::text::lowercase(ws[k - 1].s))
                != Some(heads::HeadClass::Person);
        let mut j = k;
        while j > 0 && k - j < 5 {
            let p = &ws[j - 1];
            if np::one_of(p.s, &["a", "an", "another"]) {
                return j < k;
            }
            if p.kind != TokenKind::Word
                || p.f & (PRONOUN | AUX | PREP | FUNCTION | ANON_HEAD) != 0
                || p.cap() && j < k && !thing_head
            {
                return false;
            }
            j -= 1;
        }
        false
    }

    /// Does a participial aside set off by commas end right before the cue at `k`, its
    /// own cue having taken the subject before it ("Ann Lee, citing the report, said")?
    fn after_participial_aside(&self, k: usize, first_in_sentence: usize) -> bool {
        let ws = self.ws;
        let Some(last) = self.out[first_in_sentence..].last() else {
            return false;
        };
        let Some(src) = last.source else {
            return false;
        };
        // the aside ends with its comma, inside a closing quotation mark or not ("citing
        // ''the magic of Trump,'' said")
        let closed = |j: usize| ws[j].s == ",";
        let ends_aside = k >= 2
            && (closed(k - 1) || ws[k - 1].kind == TokenKind::Quote && k >= 3 && closed(k - 2));
        if !ends_aside || !last.verb.ends_with("ing") {
            return false;
        }
        // the aside's cue opens right after the comma that ends its source
        let Ok(c) = ws.binary_search_by_key(&last.cue.start, |w| w.span.start) else {
            return false;
        };
        c >= 2 && c < k && ws[c - 1].s == "," && ws[c - 2].span.end == src.end
    }

    /// Attributes the cue at `k..end` to the source of the sentence's latest speech cue
    /// (", saying …", "… and said …").
    fn repeat_source(&mut self, k: usize, end: usize, first_in_sentence: usize) -> bool {
        let Some(mut b) = self.out[first_in_sentence..]
            .last()
            .cloned()
            .filter(|a| a.is_speech() && a.source.is_some())
        else {
            return false;
        };
        b.cue = self.span(k, end);
        b.verb = crate::text::lowercase(b.cue.text(&self.tm.prose));
        b.form = CueForm::Verb;
        self.out.push(b);
        true
    }

    /// A bare base form ("claim", "say") needs a plural or first-person subject, or an
    /// auxiliary ("will say"): "the claim" is not a cue.
    fn agrees(&self, np: &Np, k: usize, f: u32) -> bool {
        if f & (VERB_PAST | VERB_S | VERB_ING) != 0 || f & VERB_BASE == 0 {
            return true;
        }
        let ws = self.ws;
        if ws[np.end..k].iter().any(|w| w.f & AUX != 0) {
            return true;
        }
        let head = ws[np.head].s.to_ascii_lowercase();
        if np.pronoun {
            // "critics who say", "the 30 percent who say": "who" is as plural as the
            // noun before it
            if head == "who" {
                return np.start > 0 && plural_word(ws[np.start - 1].s);
            }
            return matches!(head.as_str(), "they" | "we" | "i" | "you");
        }
        // "Some say", "two in three say", "half of voters say": quantifiers and counts of
        // people are plural
        np.coordinated
            || ws[np.head].f & DET != 0
            || np::is_count(&ws[np.head])
            || plural_word(&head)
    }

    /// "Financial Times: Russia seeks …" (headline), "Mr Johnson: “…”", and transcript
    /// labels ("WALLACE: …").
    /// The source a colon at `k` gives words to: the whole label from `from` ("Clinton
    /// camp:"), or in a headline the speaker before "to" and an addressee ("Clinton to
    /// Planned Parenthood: …", "Obama to Congress: …").
    fn colon_label(&self, from: usize, k: usize) -> Option<Np> {
        let ws = self.ws;
        let whole = |end: usize| {
            np::subject(np::Toks(&ws[from..end]))
                .ok()
                .filter(|(rest, np)| rest.is_empty() && !np.pronoun)
                .map(|(_, np)| np)
        };
        if let Some(np) = whole(k) {
            return Some(np);
        }
        if !self.headline {
            return None;
        }
        let to = (from + 1..k).find(|&j| ws[j].s == "to")?;
        let addressee = ws.get(to + 1).is_some_and(|w| w.cap() || w.f & DET != 0);
        whole(to).filter(|np| addressee && ws[np.head].cap())
    }

    fn colon(&mut self, k: usize, limit: usize) {
        /// The most tokens a source before a colon holds ("Mark Blumenthal and Jon Cohen").
        const MAX_LABEL: usize = 5;
        const MAX_QUOTE_LABEL: usize = 10;
        let ws = self.ws;
        let quote_follows = ws.get(k + 1).is_some_and(|n| n.kind == TokenKind::Quote);
        // a digest's item: "POLLS NOT WRONG, JUST EARLY - Mark Blumenthal: “…”": the
        // source opens after the dash, as it would open the sentence
        let after_dash = quote_follows
            .then(|| {
                (k.saturating_sub(MAX_LABEL + 1)..k)
                    .rev()
                    .find(|&d| matches!(ws[d].s, "-" | "—" | "–"))
                    .map(|d| d + 1)
            })
            .flatten();
        let mut from = after_dash.unwrap_or(usize::from(ws[0].kind == TokenKind::Quote));
        // "More from Blumenthal and Cohen: “…”", "From the report: “…”": a quotation's
        // source introduced by "from"
        if quote_follows {
            let more = ws[from].s.eq_ignore_ascii_case("more");
            if ws
                .get(from + usize::from(more))
                .is_some_and(|w| w.s.eq_ignore_ascii_case("from"))
                && from + usize::from(more) + 1 < k
            {
                from += usize::from(more) + 1;
            }
        }
        // before a quotation a label may carry a title and a party tag ("Former
        // secretary of state Hillary Rodham Clinton:", "Rep. Trey Gowdy (R-S.C.):")
        let max = if quote_follows {
            MAX_QUOTE_LABEL
        } else {
            MAX_LABEL
        };
        if k <= from || k - from > max || limit > k {
            return;
        }
        let label = ws[from..k]
            .iter()
            .all(|w| w.kind == TokenKind::Word && !w.s.chars().any(char::is_lowercase));
        if !(quote_follows || self.headline || self.titlecase || label) {
            return;
        }
        let Some(np) = self.colon_label(from, k) else {
            return;
        };
        // "Iowa: Tim Albrecht, Brad Anderson, Rob Barron, …": a label over a list of names
        if names_list_follows(&ws[k + 1..]) {
            return;
        }
        let c = classify::classify(ws, &np, self.people, true);
        // a long label names a person ("Rep. Trey Gowdy (R-S.C.):"); a long phrase that
        // names no one is a headline's clause ("Warren Hammers Wells Fargo CEO: …")
        if k - from > MAX_LABEL && c.speaker.is_none() {
            return;
        }
        let evidence = self.headline && evidence_label(ws, &np);
        if !evidence && common_word_label(ws, &np, &c, self.people) {
            return;
        }
        // a headline's "The Latest: …", "Delegate Update: …" is a section label; only an
        // outlet or a named person is a speaker there
        // "The Latest: …", "The Daily: …": a column's title, no one's name
        if ws[np.start].s.eq_ignore_ascii_case("the")
            && c.speaker.as_deref().is_some_and(|n| !n.contains(' '))
        {
            return;
        }
        let headline_only = !(quote_follows || label);
        // ("Clinton camp: …", "Pentagon: …": an institution speaks in a headline too,
        // when its head says so; a capitalised title "The Ninth Circle: …" does not)
        let h = &ws[np.head];
        let institution = c.kind == SourceKind::Organization
            && (!h.cap()
                || h.f & (ORG | ORG_HEAD) != 0
                || matches!(
                    h.phrase_kind,
                    Some(PhraseKind::Organization | PhraseKind::OrgHead)
                ));
        let named = c.kind == SourceKind::Outlet || institution || c.speaker.is_some() || evidence;
        // "Insiders: Trump will rebound", "Economists: …": a headline gives unnamed
        // people of a short label the words after its colon (the anonymity rules leave
        // headlines to their stories)
        // ("Khans: …" names the Khan family the story names)
        let unnamed_label = self.headline && c.kind == SourceKind::Anonymous;
        let head = ws[np.head].s;
        let family = unnamed_label
            && head
                .strip_suffix('s')
                .is_some_and(|stem| self.people.is_known_word(stem));
        let people = unnamed_label
            && np.end - np.start <= 3
            && !family
            && (ws[np.head].f & ANON_HEAD != 0 || plural_word(head) && heads::names_people(head));
        if c.kind != SourceKind::Anonymous && (named || !headline_only) || people || family {
            self.emit((k, k + 1), Some(&np), CueForm::Colon);
        }
        if family && let Some(a) = self.out.last_mut() {
            a.kind = SourceKind::Person;
            a.anonymous = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{CueForm, SourceKind};
    use crate::Document;
    use crate::config::Config;

    /// (cue, source, kind, anonymous) of every attribution in `text`.
    fn atts(text: &str) -> Vec<(String, Option<String>, SourceKind, bool)> {
        let cfg = Config::builtin().expect("config");
        let doc = Document::new("t.txt", text, &cfg);
        doc.attributions
            .iter()
            .map(|a| {
                (
                    a.cue.text(text).to_string(),
                    a.source.map(|s| s.text(text).to_string()),
                    a.kind,
                    a.anonymous,
                )
            })
            .collect()
    }

    fn one(text: &str) -> (String, Option<String>, SourceKind, bool) {
        let v = atts(text);
        assert_eq!(v.len(), 1, "{text}: {v:?}");
        v.into_iter().next().unwrap_or_else(|| unreachable!())
    }

    /// `text` holds one attribution, whose source is `source`, of `kind`, `anonymous` or
    /// not; its cue is returned.
    fn assert_source(text: &str, source: &str, kind: SourceKind, anonymous: bool) -> String {
        let (cue, s, k, anon) = one(text);
        assert_eq!(s.as_deref(), Some(source), "{text}");
        assert_eq!((k, anon), (kind, anonymous), "{text}");
        cue
    }

    fn src(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn a_weekday_between_subject_and_verb_is_when() {
        use SourceKind::*;
        assert_source(
            "Ann Broaddrick Sunday night recounted the call.",
            "Ann Broaddrick",
            Person,
            false,
        );
        assert_source(
            "Gov. Ada Kim Tuesday said the plan failed.",
            "Gov. Ada Kim",
            Person,
            false,
        );
        // an event's name, and a phrase's own time after its head
        assert_source(
            "Super Tuesday voters said the plan failed.",
            "Super Tuesday voters",
            Anonymous,
            true,
        );
        assert_source(
            "A court document filed Thursday says the plan failed.",
            "A court document filed Thursday",
            Document,
            false,
        );
        assert_source(
            "Turnout rose, according to the results of a poll released Wednesday.",
            "the results of a poll released Wednesday",
            Document,
            false,
        );
    }

    #[test]
    fn close_to_him_and_party_state_tags() {
        use SourceKind::*;
        assert_source(
            "The deal will hold, a source close to him said.",
            "a source close to him",
            Anonymous,
            true,
        );
        assert_source(
            "The deal will hold, said a source close to her.",
            "a source close to her",
            Anonymous,
            true,
        );
        assert_source(
            "Rep. Gregory Meeks (D-N.Y.) said the deal will hold.",
            "Rep. Gregory Meeks (D-N.Y.)",
            Person,
            false,
        );
        assert_source(
            "Meeks, D-N.Y., said the deal will hold.",
            "Meeks, D-N.Y.,",
            Person,
            false,
        );
    }

    #[test]
    fn a_document_seen_by_an_outlet_is_the_source() {
        use SourceKind::*;
        assert_source(
            "A redacted copy of the memo seen by Reuters said the files were lost.",
            "A redacted copy of the memo seen by Reuters",
            Document,
            false,
        );
        assert_source(
            "The memo, seen by Reuters, said the files were lost.",
            "The memo, seen by Reuters,",
            Document,
            false,
        );
        assert_source(
            "The news service pointed to the board's finding.",
            "The news service",
            Outlet,
            false,
        );
        assert_source(
            "Turnout fell, according to a CNN tally.",
            "a CNN tally",
            Document,
            false,
        );
    }

    #[test]
    fn a_question_is_its_unnamed_askers_and_the_answer_its_speakers() {
        for text in [
            "Asked whether the bridge would reopen, Ana Ruiz said it would.",
            "Ana Ruiz said it would reopen when asked about the bridge.",
            "When asked about the bridge, Ana Ruiz said it would reopen.",
        ] {
            let v = atts(text);
            assert_eq!(v.len(), 2, "{text}: {v:?}");
            let q = v.iter().find(|a| a.0.eq_ignore_ascii_case("asked"));
            assert_eq!(
                q.map(|a| (a.1.clone(), a.2, a.3)),
                Some((None, SourceKind::Anonymous, true)),
                "{text}: {v:?}"
            );
            assert!(
                v.iter()
                    .any(|a| a.0 == "said" && a.1.as_deref() == Some("Ana Ruiz")),
                "{text}: {v:?}"
            );
        }
        let cfg = Config::builtin().expect("config");
        let doc = Document::new("t.txt", "The mayor was asked to name one project.", &cfg);
        let forms: Vec<_> = doc.attributions.iter().map(|a| a.form).collect();
        assert_eq!(forms, [CueForm::Question]);
        // a request with its asker is no question; a question put to someone is one
        let doc = Document::new("t.txt", "Tom Reed asked the council to vote.", &cfg);
        let forms: Vec<_> = doc.attributions.iter().map(|a| a.form).collect();
        assert_eq!(forms, [CueForm::Request]);
        let v = atts("Tom Reed asked workers if they planned to attend the vote.");
        assert!(
            v.iter()
                .any(|a| a.0 == "asked" && a.1.as_deref() == Some("Tom Reed")),
            "{v:?}"
        );
        // an interviewer named by "by" is the question's source; an outlet is not named
        let v = atts("Asked by Tom Reed about the fees, Ana Ruiz said no.");
        assert!(
            v.iter().any(|a| a.0 == "Asked"
                && a.1.as_deref() == Some("Tom Reed")
                && a.2 == SourceKind::Person),
            "{v:?}"
        );
        let v = atts("Ana Ruiz said no when asked by CNN about the fees.");
        assert!(v.iter().all(|a| a.0 != "asked"), "{v:?}");
    }

    #[test]
    fn an_appositive_keeps_its_relative_clause_and_its_name() {
        // the description's own ", whose …," closes it: the name before it is the source
        assert_source(
            "Hogan Gidley, a former director of the state party, whose roots are in the \
             evangelical community, said the base was angry.",
            "Hogan Gidley, a former director of the state party, whose roots are in the \
             evangelical community,",
            SourceKind::Person,
            false,
        );
        // after a name the clause is the name's: the phrase before is no part of the source
        assert_source(
            "In her New Year speech, Merkel, who has taken in refugees, said the country \
             would cope.",
            "Merkel, who has taken in refugees,",
            SourceKind::Person,
            false,
        );
    }

    #[test]
    fn a_relative_clause_in_an_appositive_may_hold_commas_up_to_the_cue() {
        assert_source(
            "Geoff Garin, a Democratic pollster who is working with Priorities USA, a \
             pro-Clinton super PAC, said the primaries hurt.",
            "Geoff Garin, a Democratic pollster who is working with Priorities USA, a \
             pro-Clinton super PAC,",
            SourceKind::Person,
            false,
        );
    }

    #[test]
    fn a_source_after_its_cue_keeps_its_description_to_the_sentence_end() {
        for (text, source) in [
            (
                "“It will pass,” said Leonard Burman, a former official who directs the \
                 Tax Policy Center.",
                "Leonard Burman, a former official who directs the Tax Policy Center",
            ),
            (
                "“It is bad,” said Mr. Trump, who is regarded as something of a germaphobe.",
                "Mr. Trump, who is regarded as something of a germaphobe",
            ),
            (
                "“It will pass,” said Roger Altman, founder of Evercore Partners, a \
                 publicly traded boutique.",
                "Roger Altman, founder of Evercore Partners, a publicly traded boutique",
            ),
        ] {
            assert_source(text, source, SourceKind::Person, false);
        }
        // a cue of its own in the clause is a second attribution, not a description
        let v = atts("“It is bad,” said Ann Weld, who added that the emails gave her pause.");
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[0].1.as_deref(), Some("Ann Weld"), "{v:?}");
    }

    #[test]
    fn a_group_the_story_names_is_no_anonymous_source_later() {
        // the issue's example: the councillors are named once, then described
        for first in [
            "The councillors, Maria Lopez, Tom Reed and Ada Kim, said the plan was fair.",
            "Three councillors backed the plan, said the councillors, Maria Lopez, Tom Reed \
             and Ada Kim.",
        ] {
            let text = format!(
                "{first}\n\nLater, all three councillors said the vote was fair.\n\n\
                 The councillors said they would meet again."
            );
            let v = atts(&text);
            assert_eq!(v.len(), 3, "{v:?}");
            assert!(
                v[0].1
                    .as_deref()
                    .is_some_and(|s| s.contains("Maria Lopez, Tom Reed"))
            );
            for a in &v {
                assert_eq!((a.2, a.3), (SourceKind::Person, false), "{text}: {v:?}");
            }
        }
        // a group never named stays unnamed
        let v = atts("Officials said the plan was fair.\n\nAll three officials said so again.");
        assert!(v.iter().all(|a| a.3), "{v:?}");
    }

    #[test]
    fn a_name_never_shortened_is_an_institutions() {
        // news style shortens a person to the surname; an institution keeps its name
        let v = atts(
            "Judicial Watch said the ruling was a victory.\n\nJudicial Watch noted the \
             emails were recovered.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert!(v.iter().all(|a| a.2 == SourceKind::Organization), "{v:?}");
        // a person met by surname too, or with an initial, stays a person
        for text in [
            "Zorvan Marsh said the ruling was wrong.\n\nZorvan Marsh noted it. Marsh left.",
            "Roy M. Neel said the ruling was wrong.\n\nRoy M. Neel noted it.",
        ] {
            let v = atts(text);
            assert!(v.iter().all(|a| a.2 == SourceKind::Person), "{text}: {v:?}");
        }
    }

    #[test]
    fn went_on_to_say_reports_speech_and_other_infinitives_do_not() {
        let (cue, s, _, _) = one("He went on to say the plan was “very different.”");
        assert_eq!((cue.as_str(), s.as_deref()), ("went on to say", Some("He")));
        let v = atts("Trump joked that it was Brooklyn, but went on to say, “There are places.”");
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(
            (v[1].0.as_str(), v[1].1.as_deref()),
            ("went on to say", Some("Trump"))
        );
        // an infinitive that reports no speech stays out
        assert!(atts("Officials want to say more about the plan.").is_empty());
        // "continue to" is an aspect as "go on to" is, over an auxiliary and an adverb
        let (cue, s, _, _) = one("Trump has also continued to question whether Cruz was eligible.");
        assert_eq!(
            (cue.as_str(), s.as_deref()),
            ("continued to question", Some("Trump"))
        );
        assert!(atts("Support continued to grow.").is_empty());
        let (cue, s, _, _) = one("Mr. Cruz seemed to mock his vague tough talk.");
        assert_eq!(
            (cue.as_str(), s.as_deref()),
            ("seemed to mock", Some("Mr. Cruz"))
        );
    }

    #[test]
    fn nouns_ending_in_ly_are_no_adverbs() {
        // "tally", "rally" end the phrase as nouns; "recently" still ends it as an adverb
        let (_, s, _, _) = one("Trump leads, according to a CNN tally.");
        assert_eq!(s.as_deref(), Some("a CNN tally"));
        let (_, s, _, _) = one("Ana Ruiz, the organizer of a rally, said it went well.");
        assert_eq!(s.as_deref(), Some("Ana Ruiz, the organizer of a rally,"));
        let (_, s, _, _) = one("Officials recently said the road would close.");
        assert_eq!(s.as_deref(), Some("Officials"));
    }

    #[test]
    fn a_description_after_the_opening_name_is_that_persons() {
        // the cue is the relative clause's verb; the description is Ted Cruz's
        let v = atts(
            "Ted Cruz spoke on Monday.\n\nCruz, a graduate of Harvard Law School who has \
             argued cases before the Supreme Court, is a skilled debater.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!((v[0].2, v[0].3), (SourceKind::Person, false), "{v:?}");
        // a name the document does not know as a person's leaves the description unnamed
        let v = atts(
            "In New Hampshire, a young woman who has argued with the campaign asked about it.",
        );
        assert!(v.iter().all(|a| a.2 != SourceKind::Person), "{v:?}");
    }

    #[test]
    fn a_place_after_a_given_name_is_a_surname() {
        // "Mark Cuban" met without a speech verb still makes the later "Cuban" a person
        let v = atts(
            "Mark Cuban is once again sizing up the field.\n\nLater, Cuban said he would \
             back Cruz.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(
            (v[0].1.as_deref(), v[0].2),
            (Some("Cuban"), SourceKind::Person)
        );
        // with no such person, the country is no one's name
        let v = atts("Israel said the talks were over.");
        assert_ne!(v.first().map(|a| a.2), Some(SourceKind::Person), "{v:?}");
    }

    #[test]
    fn heads_outside_the_lexicon_are_classed_by_wordnet() {
        // a document, an artifact and an act are no anonymous people
        for (text, source) in [
            (
                "An old syllabus says attendance is optional.",
                "An old syllabus",
            ),
            (
                "Court affidavits say the wall was unsafe.",
                "Court affidavits",
            ),
        ] {
            assert_source(text, source, SourceKind::Document, false);
        }
        // people WordNet knows, and the lexicon does not list, stay anonymous
        let (_, _, kind, anonymous) = one("Several lifeguards said the beach was closed.");
        assert_eq!((kind, anonymous), (SourceKind::Anonymous, true));
        let (_, _, kind, anonymous) = one("Respondents said the bridge was unsafe.");
        assert_eq!((kind, anonymous), (SourceKind::Anonymous, true));
    }

    #[test]
    fn poll_counts_take_a_plural_verb() {
        // a count of people is plural, with or without "of": "half of X say"
        for (text, source) in [
            (
                "Forty percent of renters say the rules are unfair.",
                "Forty percent of renters",
            ),
            (
                "A clear majority of the nurses say the shifts are too long.",
                "A clear majority of the nurses",
            ),
            (
                "Two-thirds of farmers say the drought is worse.",
                "Two-thirds of farmers",
            ),
            (
                "A mere 8 percent say they cycle to work.",
                "A mere 8 percent",
            ),
            (
                "Most back the plan, with 40 percent of renters saying it is fair.",
                "40 percent of renters",
            ),
            // "N in M" with the people counted, and a two-word approximation before it
            (
                "Nine in 10 registered voters say the party is right.",
                "Nine in 10 registered voters",
            ),
            (
                "More than six in 10 say the economy is weak.",
                "More than six in 10",
            ),
            (
                "Just over a quarter say they will vote for someone else.",
                "Just over a quarter",
            ),
        ] {
            let cue = assert_source(text, source, SourceKind::Anonymous, true);
            assert!(cue.starts_with("say"), "{text}: {cue}");
        }
        // "the 20 percent" is counted people, not a person the story named
        let v = atts("Ana Ruiz won the vote. The 20 percent say the count was wrong.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!((v[0].2, v[0].3), (SourceKind::Anonymous, true));
    }

    #[test]
    fn newspaper_names_and_call_signs_are_outlets() {
        for (text, source) in [
            (
                "The Millbrook Sun-Times reported the vote on Friday.",
                "The Millbrook Sun-Times",
            ),
            ("KQRT-TV reported the fire.", "KQRT-TV"),
            (
                "The Harbor Courier reported the closure.",
                "The Harbor Courier",
            ),
        ] {
            let (_, s, kind, _) = one(text);
            assert_eq!(s.as_deref(), Some(source), "{text}");
            assert_eq!(kind, SourceKind::Outlet, "{text}");
        }
    }

    #[test]
    fn a_place_word_after_a_given_name_is_a_surname() {
        let v = atts("Walter Jordan said the roof leaked. Later, Jordan said it was fixed.");
        assert_eq!(v.len(), 2, "{v:?}");
        assert!(v.iter().all(|a| a.2 == SourceKind::Person), "{v:?}");
        let v = atts("Maria Israel said the dam held. \"It held,\" Israel said.");
        assert_eq!(v.len(), 2, "{v:?}");
        assert!(v.iter().all(|a| a.2 == SourceKind::Person), "{v:?}");
        // with no such person in the story, the place is the place
        let (_, _, kind, _) = one("Israel said the talks would resume.");
        assert_eq!(kind, SourceKind::Organization);
    }

    #[test]
    fn unnamed_people_of_the_press_and_time_adverbials() {
        // a press modifier does not make unnamed people an outlet
        for text in [
            "The talks stalled, according to newspaper sources.",
            "One former agency official said the file was lost.",
        ] {
            let (_, _, kind, anonymous) = one(text);
            assert_eq!((kind, anonymous), (SourceKind::Anonymous, true), "{text}");
        }
        // "in the past" stands between the source and its cue
        let (_, s, kind, _) = one("His old teammates have in the past said he was shy.");
        assert_eq!(s.as_deref(), Some("His old teammates"));
        assert_eq!(kind, SourceKind::Anonymous);
    }

    #[test]
    fn group_sources_with_long_or_coordinated_modifiers() {
        for (text, source) in [
            (
                "Farmers in Kansas and across the plains say the harvest is late.",
                "Farmers in Kansas and across the plains",
            ),
            (
                "Teachers throughout the district say the cuts go too deep.",
                "Teachers throughout the district",
            ),
            (
                "Nearly 300 residents of the valley said the water smelled.",
                "Nearly 300 residents of the valley",
            ),
            // a present participle with its place: the people are the head, not the
            // place ("site" made them a document)
            (
                "Residents living near the site said the water was brown.",
                "Residents living near the site",
            ),
            (
                "Voters heading to the polls on Tuesday said they favored Clinton.",
                "Voters heading to the polls on Tuesday",
            ),
        ] {
            assert_source(text, source, SourceKind::Anonymous, true);
        }
        // a channel stays a channel: "speaking to CNN" is how the officials spoke
        assert_source(
            "Officials speaking to CNN said the deal was close.",
            "Officials",
            SourceKind::Anonymous,
            true,
        );
    }

    #[test]
    fn restrictive_who_takes_its_noun_phrase() {
        // "who" is as anonymous as the unnamed people the clause picks out
        for text in [
            "The mayor answered local critics who say the bridge is unsafe.",
            "Most renters back the plan, against 30 percent who say it is unfair.",
            "Clerks in the county office who warned that files were lost were ignored.",
        ] {
            let v = atts(text);
            let who = v
                .iter()
                .find(|a| a.1.as_deref() == Some("who"))
                .unwrap_or_else(|| panic!("{text}: {v:?}"));
            assert_eq!((who.2, who.3), (SourceKind::Pronoun, true), "{text}: {v:?}");
        }
        // a description apposed to a name, and a name, are not anonymous
        for text in [
            "Ana Ruiz, a nurse who said the shifts were long, left the ward.",
            "Ana Ruiz, who said the shifts were long, left the ward.",
        ] {
            let v = atts(text);
            let who = v
                .iter()
                .find(|a| a.1.as_deref() == Some("who"))
                .unwrap_or_else(|| panic!("{text}: {v:?}"));
            assert!(!who.3, "{text}: {v:?}");
        }
    }

    #[test]
    fn a_headline_colon_names_a_poll_or_an_outlet_not_a_column() {
        let first = |headline: &str| {
            let text = format!("{headline}\n\nThe council met on Monday.\n");
            atts(&text)
                .into_iter()
                .find(|a| a.0 == ":")
                .map(|a| (a.1.unwrap_or_default(), a.2))
        };
        // the layout makes the first line a headline, whatever ends it
        for (headline, source, kind) in [
            (
                "Poll: Voters sour on the bridge plan.",
                "Poll",
                SourceKind::Document,
            ),
            (
                "AP: Harbour chief routed money to lobbyists",
                "AP",
                SourceKind::Outlet,
            ),
            (
                "Reuters: Harbour chief quits.",
                "Reuters",
                SourceKind::Outlet,
            ),
            (
                "Gazette editorial: Scrap the toll.",
                "Gazette editorial",
                SourceKind::Document,
            ),
            // unnamed people of a short label
            (
                "Economists: Toll plan would add to debt",
                "Economists",
                SourceKind::Anonymous,
            ),
        ] {
            assert_eq!(
                first(headline),
                Some((source.to_string(), kind)),
                "{headline}"
            );
        }
        // a column's title, a section and a promotion speak for no one
        for headline in [
            "The Latest: Council votes on the bridge.",
            "Analysis: Council votes on the bridge.",
            "BREAKING: Council votes on the bridge.",
        ] {
            assert_eq!(first(headline), None, "{headline}");
        }
        // a family the story names is no unnamed group
        let v = atts("Khans: Trump stirs ugliness\n\nKhizr Khan said the attacks hurt.\n");
        assert_eq!(
            (v[0].1.as_deref(), v[0].2),
            (Some("Khans"), SourceKind::Person),
            "{v:?}"
        );
    }

    #[test]
    fn the_holder_of_an_office_named_with_of_is_a_person() {
        for (text, name) in [
            (
                "Secretary of State John Kerry said the talks would go on.",
                "John Kerry",
            ),
            (
                "Former secretary of state Hillary Rodham Clinton said she agreed.",
                "Hillary Rodham Clinton",
            ),
            (
                "Director of National Intelligence James Clapper told reporters it was so.",
                "James Clapper",
            ),
        ] {
            let v = atts(text);
            let kind = v.first().map(|a| a.2);
            assert_eq!(kind, Some(SourceKind::Person), "{text}: {v:?}");
            let cfg = Config::builtin().expect("config");
            let doc = Document::new("t.txt", text, &cfg);
            let speaker = doc.attributions.first().and_then(|a| a.speaker.clone());
            assert_eq!(speaker.as_deref(), Some(name), "{text}");
        }
        // a transcript's long label names its speaker; a headline clause names no one
        let v = atts("Rep. Trey Gowdy (R-S.C.):\"I have not heard that figure.\"");
        assert_eq!(v.first().map(|a| a.0.as_str()), Some(":"), "{v:?}");
        no_cue(
            "Senator Hammers Harbour Bank Chief Over Fees: 'You Should Resign'",
            ":",
        );
    }

    #[test]
    fn a_request_to_act_is_speech_that_carries_no_claim() {
        let cfg = Config::builtin().expect("config");
        let text = "In a letter, the mayor asked the council to delay the vote.\n\n\
                    Officials asked residents to leave their homes.\n\n\
                    One dealer, who asked not to be named, told Reuters sales were weak.";
        let doc = Document::new("t.txt", text, &cfg);
        let forms: Vec<(&str, CueForm, bool)> = doc
            .attributions
            .iter()
            .map(|a| (a.cue.text(text), a.form, a.is_speech()))
            .collect();
        assert_eq!(
            forms,
            [
                ("asked", CueForm::Request, false),
                ("asked", CueForm::Request, false),
                ("told", CueForm::Verb, true)
            ],
            "{:?}",
            doc.attributions
        );
        // the dealer's own condition is no request, and the dealer told Reuters
        assert!(doc.attributions[2].anonymous);
    }

    #[test]
    fn a_definite_description_after_a_named_speaker_is_that_speaker() {
        let cfg = Config::builtin().expect("config");
        let text = "In her post, Ashley Feinberg said the bot had worked.\n\n\
                    “It is hard to blame him,” the Gawker employee wrote.";
        let doc = Document::new("t.txt", text, &cfg);
        let wrote = doc.attributions.iter().find(|a| a.verb == "wrote");
        assert_eq!(
            wrote.map(|a| (a.kind, a.speaker.as_deref())),
            Some((SourceKind::Person, Some("Ashley Feinberg"))),
            "{:?}",
            doc.attributions
        );
        // three sentences on, the description may be someone else
        let text = "Ashley Feinberg said the bot had worked. It ran for a year. \
                    Nobody noticed.\n\nThe Gawker employee wrote that it was over.";
        let doc = Document::new("t.txt", text, &cfg);
        let wrote = doc.attributions.iter().find(|a| a.verb == "wrote");
        assert_eq!(
            wrote.map(|a| a.anonymous),
            Some(true),
            "{:?}",
            doc.attributions
        );
    }

    #[test]
    fn a_ledes_description_named_next_is_that_person() {
        let cfg = Config::builtin().expect("config");
        let text = "Woman Steps Forward\n\nA woman who has accused a former governor of assault \
                    said Sunday that he called her.\n\nJuanita Broaddrick, who said he attacked \
                    her in 1978, recounted the incident. “No,” replied the woman.";
        let doc = Document::new("t.txt", text, &cfg);
        let people: Vec<(&str, SourceKind, Option<&str>)> = doc
            .attributions
            .iter()
            .filter(|a| (a.verb == "said" || a.verb == "replied") && a.kind != SourceKind::Pronoun)
            .map(|a| (a.verb.as_str(), a.kind, a.speaker.as_deref()))
            .collect();
        assert_eq!(
            people,
            [
                ("said", SourceKind::Person, Some("Juanita Broaddrick")),
                ("replied", SourceKind::Person, Some("Juanita Broaddrick"))
            ],
            "{:?}",
            doc.attributions
        );
        // an insider stays unnamed; so does a number of people
        for text in [
            "Talks Stall\n\nA senior official said Sunday that talks had stalled.\n\n\
             Juanita Broaddrick, the envoy, left the room.",
            "Talks Stall\n\nA number of writers said Sunday that talks had stalled.\n\n\
             Juanita Broaddrick, the envoy, left the room.",
        ] {
            let v = atts(text);
            assert_eq!(v.first().map(|a| a.3), Some(true), "{text}: {v:?}");
        }
    }

    #[test]
    fn a_source_that_names_itself_is_that_person() {
        assert_source(
            "“Get out!” wrote a man calling himself Paul Paul.",
            "a man",
            SourceKind::Person,
            false,
        );
        assert_source(
            "A man who identified himself as John Smith said the road was closed.",
            "A man who identified himself as John Smith",
            SourceKind::Person,
            false,
        );
        // a reflexive after another verb names no one
        assert_source(
            "A voter who counts himself as Republican said the road was closed.",
            "A voter who counts himself as Republican",
            SourceKind::Anonymous,
            true,
        );
    }

    #[test]
    fn these_people_after_named_speakers_are_those_speakers() {
        let named = "“He can win,” Tim Pawlenty said.\n\n\
                     “I would chastise them,” Norm Coleman said.\n\n\
                     But these supporters acknowledge that the case is harder to make.";
        let v = atts(named);
        let last = v.last().map(|a| (a.1.as_deref(), a.2, a.3));
        assert_eq!(
            last,
            Some((Some("these supporters"), SourceKind::Person, false)),
            "{v:?}"
        );
        // after unnamed sources, "these" points back to people no one named
        let unnamed = "Two officials said the talks failed.\n\n\
                       “He can win,” Tim Pawlenty said.\n\n\
                       But these supporters acknowledge that the case is harder to make.";
        let v = atts(unnamed);
        assert_eq!(v.last().map(|a| a.3), Some(true), "{v:?}");
        // two named after the unnamed ones are the people "these" points back to
        let v = atts(&format!("Party leaders speak well of him. {named}"));
        assert_eq!(v.last().map(|a| a.3), Some(false), "{v:?}");
    }

    #[test]
    fn a_fronted_according_to_leaves_its_sentence_a_clause() {
        // a name after a thing's comma is the clause's subject, not the thing
        assert_source(
            "According to the report, Cheryl Mills, an aide, sent an email.",
            "the report",
            SourceKind::Document,
            false,
        );
        assert_source(
            "According to an FBI summary of its investigation, Cheryl Mills, a top aide, \
             sent the employee an email.",
            "an FBI summary of its investigation",
            SourceKind::Document,
            false,
        );
        // a description closed by its comma, or a name after a person's role, is the
        // source's; the clause after it is not
        assert_source(
            "According to Jane Doe, a spokeswoman for the agency, the plan failed.",
            "Jane Doe, a spokeswoman for the agency",
            SourceKind::Person,
            false,
        );
        assert_source(
            "According to its lawyer, Ann Lee, the claim is false.",
            "its lawyer, Ann Lee",
            SourceKind::Person,
            false,
        );
        assert_source(
            "According to Lorella Praeli, Clinton's Latino vote director, the campaign grew.",
            "Lorella Praeli, Clinton's Latino vote director",
            SourceKind::Person,
            false,
        );
    }

    #[test]
    fn an_object_and_the_next_clauses_subject_are_not_one_phrase() {
        let v = atts(
            "Many Republicans have said they will not attend the convention and others have \
             said they are not interested.",
        );
        assert_eq!(
            v.last().and_then(|a| a.1.as_deref()),
            Some("others"),
            "{v:?}"
        );
        said_by(
            "She met the governor and aides said the talks went well.",
            "aides",
        );
        // a subject of its own, or modifiers joined inside one phrase, stay whole
        said_by(
            "Republicans and Democrats said the bill failed.",
            "Republicans and Democrats",
        );
        said_by(
            "The deal freed seven Iranian and Iranian-American men said to be held.",
            "seven Iranian and Iranian-American men",
        );
    }

    #[test]
    fn a_participle_after_the_comma_is_no_appositive_unless_it_modifies_a_role() {
        assert_source(
            "The firm pays 12 percent, according to company leaders, compared with its \
             effective 25 percent rate.",
            "company leaders",
            SourceKind::Anonymous,
            true,
        );
        assert_source(
            "“We will pay,” said Ann Lee, acting director of the agency.",
            "Ann Lee, acting director of the agency",
            SourceKind::Person,
            false,
        );
    }

    #[test]
    fn a_relative_clause_holds_its_own_appositive() {
        assert_source(
            "Ms. Arnold, who helped found EDGE, an environmental justice group based in \
             Philadelphia, said the platform fell short.",
            "Ms. Arnold, who helped found EDGE, an environmental justice group based in \
             Philadelphia,",
            SourceKind::Person,
            false,
        );
    }

    #[test]
    fn a_noun_before_a_clause_without_that_is_no_part_of_its_subject() {
        said_by_cue(
            "One reason Democrats and civil rights groups say they came to the table was fear.",
            "say",
            "Democrats and civil rights groups",
        );
        said_by_cue(
            "It was something Sanders aides say they expected.",
            "say",
            "Sanders aides",
        );
        said_by_cue(
            "The way officials describe it, the plan failed.",
            "describe",
            "officials",
        );
        // a plain subject keeps its words
        said_by("Some voters said the lines were long.", "Some voters");
    }

    #[test]
    fn maintaining_a_lead_or_posting_a_result_is_no_speech() {
        for (text, cue) in [
            (
                "Clinton maintains a commanding lead over Sanders.",
                "maintains",
            ),
            ("Rubio maintained his silence on the race.", "maintained"),
            (
                "Sanders posted an overwhelming victory in New Hampshire.",
                "posted",
            ),
            ("The bank posted a $3bn loss in the quarter.", "posted"),
            (
                "Trump has posted more than 5,000 times since June.",
                "posted",
            ),
            ("The group claims more territory each week.", "claims"),
            ("The crash claimed the lives of four people.", "claimed"),
            (
                "The damages claimed in 2004 eclipsed previous years.",
                "claimed",
            ),
        ] {
            no_cue(text, cue);
        }
        for text in [
            "They maintained that the vote was fair.",
            "He maintained he was innocent.",
            "Some analysts maintain the US is secretly happy with a lower dollar.",
            "“It is fair,” she maintained.",
            "He posted the picture to his Twitter page.",
            "“I won,” Trump posted.",
            "Trump claimed that the election was rigged.",
            "He claims the current asylum system is being abused.",
            "The institute claims that taxes need to rise by about £10bn.",
            "Sanders claimed victory in New Hampshire.",
        ] {
            assert_eq!(atts(text).len(), 1, "{text}");
        }
    }

    #[test]
    fn declaring_war_or_an_emergency_is_an_act_not_speech() {
        for text in [
            "The Azerbaijani authorities declared war on the enclave.",
            "The governor declared a state of emergency on Monday.",
            "The firm declared bankruptcy in 2009.",
        ] {
            assert!(atts(text).is_empty(), "{text}: {:?}", atts(text));
        }
        said_by_cue(
            "The governor declared that the war was over.",
            "declared",
            "The governor",
        );
    }

    #[test]
    fn a_directive_verb_with_an_infinitive_asks_someone_to_act() {
        let cfg = Config::builtin().expect("config");
        let text = "Officials urged residents to leave.\n\n\
                    His allies worked the phones, while urging his critics to pipe down.\n\n\
                    Critics urged caution.\n\n\
                    Officials urged that residents stay indoors.";
        let doc = Document::new("t.txt", text, &cfg);
        let forms: Vec<(&str, CueForm)> = doc
            .attributions
            .iter()
            .map(|a| (a.cue.text(text), a.form))
            .collect();
        // the attribution stands (its source is still read) in every form
        assert_eq!(
            forms,
            [
                ("urged", CueForm::Request),
                ("urging", CueForm::Request),
                ("urged", CueForm::Verb),
                ("urged", CueForm::Verb)
            ],
            "{:?}",
            doc.attributions
        );
        assert_eq!(
            doc.attributions[1].source.map(|s| s.text(text)),
            Some("His allies")
        );
    }

    #[test]
    fn a_name_takes_its_whole_description_even_a_nested_one() {
        // the description's own appositive and relative clause stay inside it
        said_by(
            "Ada Roe, chief executive of Cloudline, a Leeds company, said the attacks grew.",
            "Ada Roe, chief executive of Cloudline, a Leeds company,",
        );
        said_by(
            "Rick Jacobs, president of the Union for Reform Judaism which represents 900 \
             congregations, said he would skip the speech.",
            "Rick Jacobs, president of the Union for Reform Judaism which represents 900 \
             congregations,",
        );
        // a description that names its own person keeps it, and a time is no one
        said_by(
            "On Tuesday, his wife, Jane, said she would stay.",
            "his wife, Jane,",
        );
        said_by(
            "Wednesday, however, the director of the bureau, Ana Ruiz, said the files were \
             lost.",
            "the director of the bureau, Ana Ruiz,",
        );
    }

    #[test]
    fn a_name_after_the_last_comma_is_the_paraphrases_source() {
        // the clause before the comma is what was said, however it parses as a subject
        said_by(
            "Members who back the plan would be going against the voters, Reyes said.",
            "Reyes",
        );
        said_by(
            "Costs -- which make the price go up faster than inflation, she said.",
            "she",
        );
        said_by(
            "The deals hold because they scare workers who signed them into silence, \
             legal experts said.",
            "legal experts",
        );
        // a title in quotation marks belongs to the description it sits in
        assert_eq!(
            one("Ada Hemsley, the co-author of \"Going Viral,\" about rumours, said the days were gone.")
                .1
                .as_deref(),
            Some("Ada Hemsley, the co-author of \"Going Viral,\" about rumours,")
        );
    }

    #[test]
    fn a_bare_relative_clause_ends_where_another_clause_opens() {
        // "…, while Pat Reyes said": the relative clause of "someone" ends before the
        // comma, so its phrase is no subject of the later clause's cue
        said_by(
            "Someone who skips the hearings can't lead, while Pat Reyes said that the stakes \
             were high.",
            "Pat Reyes",
        );
        said_by(
            "Tenants who left are gone, but the landlord said the rent was fair.",
            "the landlord",
        );
        said_by(
            "Tenants who left are gone; the landlord said the rent was fair.",
            "the landlord",
        );
        // a relative clause still runs to its cue when no clause breaks it
        said_by(
            "A clerk who asked not to be named, citing the inquiry, said files were lost.",
            "A clerk who asked not to be named",
        );
    }

    #[test]
    fn a_relative_clause_with_a_cue_leaves_the_subject_to_the_main_verb() {
        // the clause's cue closed the sentence to its left: the main verb's subject is the
        // name before the clause, not the subject of what was said after it
        said_by(
            "John Ruiz, who told reporters he was tired, said the bill would pass.",
            "John Ruiz",
        );
        said_by(
            "John Ruiz, a senator who told reporters he was tired, said the bill would pass.",
            "John Ruiz, a senator",
        );
        // a clause with no cue is part of the source
        said_by(
            "Rita Cole, who runs the clinic in Leeds, said the rent was fair.",
            "Rita Cole, who runs the clinic in Leeds,",
        );
        // after its cue, a phrase that a finite verb follows is what was said
        not_from(
            "Ann Lee, an aide who advised the mayor, said the bill so far has failed.",
            "the bill",
        );
        // and one that a subordinate clause follows is the speaker
        said_by(
            "\"The law is clear,\" said Dan Cole when asked about the case.",
            "Dan Cole",
        );
    }

    #[test]
    fn a_plural_possessive_mark_belongs_to_its_word() {
        // "Officers'" is one possessive word, not a word and a quotation mark
        said_by(
            "Ann Bell, the Association of Chief Police Officers' spokesman, said the law stood.",
            "Ann Bell, the Association of Chief Police Officers' spokesman,",
        );
        said_by("Sanders’ aides said the vote was close.", "Sanders’ aides");
        // a possessive is no reporting verb ("states" is one)
        assert!(
            atts("The states’ lawyers filed the papers.").is_empty(),
            "{:?}",
            atts("The states’ lawyers filed the papers.")
        );
        // a single quotation stays one: its closing mark is not a possessive
        let v = atts("He called it 'fake news' and said the poll was wrong.");
        assert!(
            v.iter().all(|a| a.1.as_deref() != Some("fake news'")),
            "{v:?}"
        );
    }

    #[test]
    fn a_source_after_its_cue_stops_where_the_sentences_clause_starts() {
        // the phrase after "according to" and its appositive end at the clause
        assert_source(
            "According to its lawyer, Ann Gale of Shearman and Sterling, the claim is based \
             on that figure.",
            "its lawyer, Ann Gale of Shearman and Sterling",
            SourceKind::Person,
            false,
        );
        assert_source(
            "According to Ann Lee, the campaign's director, the campaign has spent more.",
            "Ann Lee, the campaign's director",
            SourceKind::Person,
            false,
        );
        // an appositive that is an institution's proper name names the source
        assert_source(
            "According to technology analysts, TDG Research, sales will double.",
            "technology analysts, TDG Research",
            SourceKind::Organization,
            false,
        );
        // letters after a name are no part of it
        assert_source(
            "\"We will pay,\" said the finance minister, Tom Hale MSP.",
            "the finance minister, Tom Hale MSP",
            SourceKind::Person,
            false,
        );
    }

    #[test]
    fn fractions_reflexives_irregular_plurals_and_aides_to_someone_are_subjects() {
        said_by(
            "But half of the voters said they were worried.",
            "half of the voters",
        );
        said_by(
            "Even so, three-quarters of the voters said they were worried.",
            "three-quarters of the voters",
        );
        said_by("Cruz himself said the only way to win is to ask.", "Cruz");
        let v = atts("Aides to Clinton say she is shifting her tack.");
        assert_eq!(v[0].1.as_deref(), Some("Aides to Clinton"), "{v:?}");
        assert_eq!(v[0].2, SourceKind::Anonymous);
        let v = atts("The women say officers still watch the park.");
        assert_eq!(
            (v[0].1.as_deref(), v[0].2),
            (Some("The women"), SourceKind::Anonymous),
            "{v:?}"
        );
        // "to" takes a phrase only after a head that serves someone
        said_by(
            "She cited her years as a senator in contrast to the businessman who has said \
             little.",
            "the businessman",
        );
        // a demonstrative inside a phrase
        said_by(
            "One of the authors of that 2013 report, Ari Fleischer, said it failed.",
            "One of the authors of that 2013 report, Ari Fleischer,",
        );
    }

    #[test]
    fn a_cue_word_used_as_a_noun_or_for_naming_is_no_cue() {
        // after an article or a possessive determiner a cue word is a noun
        for text in [
            "The 718 leaders who have a say at the convention backed her.",
            "Absent from the talks was any mention of the probe.",
        ] {
            assert!(atts(text).is_empty(), "{text}: {:?}", atts(text));
        }
        // a thing an indefinite article introduces is being named, not quoted
        for text in [
            "A company called Harmony Enterprises gave $5,000 to the fund.",
            "She joined a resistance movement called the People's Party.",
        ] {
            assert!(atts(text).is_empty(), "{text}: {:?}", atts(text));
        }
        let v =
            atts("Trump had backed a single-payer health system and called himself pro-choice.");
        assert!(v.iter().any(|a| a.0 == "called"), "{v:?}");
    }

    #[test]
    fn the_object_of_a_preposition_is_no_subject() {
        // the phrase after "along" is where, not who told
        not_from(
            "The woman accused of driving onto a sidewalk along the Las Vegas Strip told \
             police she was stressed.",
            "the Las Vegas Strip",
        );
        // "…, told POLITICO": the listener is never the speaker
        not_from(
            "\"We will win,\" said Jim Bopp, a delegate, told POLITICO last month.",
            "POLITICO",
        );
        // a count's "of", an adjective "inside", a capitalised name word, a relative
        // clause and a participle's "with" keep their subjects
        said_by(
            "The report said 84% of net users say they use Google.",
            "The report",
        );
        let v = atts("The report shows that 84% of net users say they use Google.");
        assert!(v.iter().any(|a| a.0 == "say"), "{v:?}");
        said_by(
            "The plan, an inside source said, is to print reprints.",
            "source",
        );
        said_by(
            "A report in the Sunday Telegraph said the minister would quit.",
            "A report in the Sunday Telegraph",
        );
        said_by(
            "A study by the firm said prices rose.",
            "A study by the firm",
        );
    }

    #[test]
    fn a_participle_of_an_activity_or_a_topic_reports_no_words() {
        for text in [
            "Supporters gathered in front of the office, clapping, singing, chanting and \
             waving balloons.",
            "Many adoptees stay under the radar, telling few people about their situations.",
        ] {
            assert!(atts(text).is_empty(), "{text}: {:?}", atts(text));
        }
        // words that follow still make a participle speech
        let v = atts("Supporters gathered, saying the vote was fair.");
        assert_eq!(v[0].1.as_deref(), Some("Supporters"), "{v:?}");
    }

    #[test]
    fn a_verb_after_an_aside_or_an_adverb_shares_the_subject() {
        said_by(
            "The judge rubbed his chin, and then said something odd.",
            "The judge",
        );
        // the participial aside's cue took the subject; the main verb shares it
        said_by(
            "Mr. Hale, citing \"the unique magic of the race,\" said the candidate could win.",
            "Mr. Hale",
        );
    }

    /// The kind and anonymity of the first attribution of `text`.
    fn first_kind(text: &str) -> Option<(SourceKind, bool)> {
        atts(text).first().map(|a| (a.2, a.3))
    }

    /// No attribution in `text` is cued by `cue`.
    fn no_cue(text: &str, cue: &str) {
        let v = atts(text);
        assert!(v.iter().all(|a| a.0 != cue), "{text}: {v:?}");
    }

    /// No attribution in `text` has `source` for its source.
    fn not_from(text: &str, source: &str) {
        let v = atts(text);
        assert!(
            v.iter().all(|a| a.1.as_deref() != Some(source)),
            "{text}: {v:?}"
        );
    }

    /// The source of the first "said" in `text` is `source`.
    /// `text` has an attribution cued by `cue` whose source is `source`.
    fn said_by_cue(text: &str, cue: &str, source: &str) {
        let v = atts(text);
        let found = v.iter().find(|a| a.0 == cue).map(|a| a.1.clone());
        assert_eq!(found, Some(Some(source.to_string())), "{text}: {v:?}");
    }

    fn said_by(text: &str, source: &str) {
        said_by_cue(text, "said", source);
    }

    #[test]
    fn called_names_a_thing_and_reports_no_words() {
        for text in [
            "They slammed the tax loophole called an “inversion,” in which a company moves abroad.",
            "Trump supports the procedure sometimes called partial-birth abortion.",
            "Clinton leads among elected officials, called superdelegates, and is on track.",
            "Laurie Cestnick founded a Facebook group called Occupy DNC Convention last year.",
        ] {
            let v = atts(text);
            assert!(v.iter().all(|a| a.0 != "called"), "{text}: {v:?}");
        }
        // a person's words: the senator, a capitalised subject, an adverb after a name
        said_by_cue("The senator called the plan weak.", "called", "The senator");
        said_by_cue("Trump often called Clinton crooked.", "called", "Trump");
        said_by_cue(
            "A Trump aide called the report false.",
            "called",
            "A Trump aide",
        );
    }

    #[test]
    fn a_description_the_next_sentence_names_with_the_same_noun_is_that_person() {
        assert_eq!(
            first_kind(
                "In a speech, a top adviser for President Obama explained why: it is costly. \
                 Jason Furman, who leads the Council of Economic Advisers, said a commission agreed.",
            ),
            Some((SourceKind::Person, false))
        );
        // another adviser is someone else; a marked anonymity stays anonymous
        for text in [
            "A White House adviser said it was fine. Another adviser, John Smith, said it was not.",
            "An adviser who requested anonymity said it was fine. Adviser John Smith said so too.",
        ] {
            let v = atts(text);
            assert_eq!(v.first().map(|a| a.3), Some(true), "{text}: {v:?}");
        }
        assert!(super::resolve::same_noun_again(
            "the economic advisers said",
            "adviser"
        ));
        assert!(!super::resolve::same_noun_again(
            "another adviser said",
            "adviser"
        ));
    }

    #[test]
    fn a_demonym_with_a_determiner_is_one_person_and_no_part_of_a_name() {
        assert_eq!(
            first_kind("One New Hampshire Republican said it was fine."),
            Some((SourceKind::Anonymous, true))
        );
        let v = atts("An American said it was fine.");
        assert_eq!(v.first().map(|a| a.2), Some(SourceKind::Anonymous));
        let v = atts("The American Enterprise Institute said so.");
        assert_eq!(v.first().map(|a| a.2), Some(SourceKind::Organization));
        // a party word before a name describes the person
        let cfg = Config::builtin().expect("config");
        let doc = crate::Document::new("t.txt", "Republican Thomas Massie said it was fine.", &cfg);
        let speaker = doc.attributions.first().and_then(|a| a.speaker.clone());
        assert_eq!(speaker.as_deref(), Some("Thomas Massie"));
    }

    #[test]
    fn touting_speculating_and_chanting_report_words() {
        said_by_cue("Sanders is touting his recent wins.", "touting", "Sanders");
        said_by_cue("Many speculated that he might fail.", "speculated", "Many");
        said_by_cue(
            "Some protesters chanted “Rahm must go!”",
            "chanted",
            "Some protesters",
        );
        // the noun ("ticket touts") is no verb
        no_cue(
            "Fans will get ID cards to beat touts, it has been confirmed.",
            "touts",
        );
    }

    #[test]
    fn a_causative_verbs_object_is_the_source_of_its_infinitive() {
        said_by_cue(
            "That prompted Anderson Cooper to accuse Bondi of hypocrisy.",
            "accuse",
            "Anderson Cooper",
        );
        said_by_cue(
            "The silence is leading law enforcement authorities to question whether it was isolated.",
            "question",
            "law enforcement authorities",
        );
        // (a noun compound of a document word is no document: they are people)
        let v = atts("It left law enforcement authorities to question whether it was isolated.");
        assert_eq!(v.first().map(|a| a.2), Some(SourceKind::Anonymous), "{v:?}");
        // a participle after a noun says what may happen; "continue" reports nothing
        for text in [
            "Such deals include language forcing the recipients to answer other inquiries.",
            "The lull allowed the group to continue its attacks.",
        ] {
            assert!(atts(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn an_adverb_may_part_a_two_word_verb_from_its_particle() {
        said_by_cue(
            "Mr. Trump spoke favorably of Mr. Putin's leadership.",
            "spoke favorably of",
            "Mr. Trump",
        );
        said_by_cue("Trump called again for a ban.", "called again for", "Trump");
        // "spoke" with no particle reports no words
        assert!(atts("She spoke only in bromides.").is_empty());
    }

    #[test]
    fn a_list_before_a_coordinated_subject_belongs_to_it() {
        said_by(
            "His family, friends and employees said he was kind.",
            "His family, friends and employees",
        );
        said_by(
            "Teachers, parents, and students said the plan failed.",
            "Teachers, parents, and students",
        );
        // a fronted phrase, a time or an adverb is no item of the list
        for fronted in ["In Ohio", "On Tuesday", "Still"] {
            said_by(
                &format!("{fronted}, voters and activists said no."),
                "voters and activists",
            );
        }
        // a name before roles with no article is described by them
        said_by(
            "Brent Bozell, PTC president and conservative activist said no.",
            "PTC president and conservative activist",
        );
    }

    #[test]
    fn a_contracted_auxiliary_leaves_its_pronoun_the_subject() {
        said_by("He’s said the same thing at every stop.", "He");
        said_by_cue("They've called it a hoax.", "called", "They");
        said_by_cue(
            "He's pointing out the progress he made.",
            "pointing out",
            "He",
        );
        // "’re" is a form of "be": a passive with no agent is no one's words
        not_from("It is not worth the paper they’re written on.", "they");
        // "it’s" is left whole: it speaks for no one
        not_from(
            "It's another riposte to the man who began by declaring war.",
            "It",
        );
        assert_eq!(super::contraction_split("she’ll"), Some(3));
        assert_eq!(super::contraction_split("Trump's"), None);
        assert_eq!(super::contraction_split("it's"), None);
    }

    #[test]
    fn words_between_subject_and_verb_belong_to_neither() {
        // "since" after an auxiliary; a stance phrase set off by commas
        said_by("She has since said that she attended.", "She");
        said_by_cue(
            "Snyder, for his part, has denied that the visit mattered.",
            "denied",
            "Snyder",
        );
        said_by_cue(
            "Curbelo, in particular, has slammed the remarks.",
            "slammed",
            "Curbelo",
        );
        // "since" opening a clause is no adverb of the subject's verb
        said_by("He has been quiet since officials said it.", "officials");
    }

    #[test]
    fn a_names_suffix_keeps_its_full_stop_inside_the_sentence() {
        said_by(
            "Vice President Joseph R. Biden Jr. said that the rules would help.",
            "Vice President Joseph R. Biden Jr.",
        );
        said_by("Harris Corp. said that sales rose.", "Harris Corp.");
        // at the sentence's end the stop still ends it
        said_by_cue("“We won,” said Donald Trump Jr.", "said", "Donald Trump Jr");
    }

    #[test]
    fn irregular_phrasal_verbs_report_speech_in_every_tense() {
        said_by_cue(
            "Senior officials spoke about the plan on condition of anonymity.",
            "spoke about",
            "Senior officials",
        );
        said_by_cue("O'Malley spoke of a recent visit.", "spoke of", "O'Malley");
        said_by_cue("She has spoken out against the law.", "spoken out", "She");
        // "spoke" alone reports no content
        assert!(atts("He spoke to reporters on Monday.").is_empty());
    }

    #[test]
    fn agentless_passives_of_reporting_verbs() {
        let v = atts("The closure was announced on Monday.");
        assert_eq!(v.len(), 1);
        assert_eq!(
            (v[0].0.as_str(), v[0].1.as_deref()),
            ("was announced", None)
        );
        let v = atts("The closure was announced by the mayor on Monday.");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].1.as_deref(), Some("the mayor"));
        // the listener of "told" is no content
        assert!(atts("She was told to wait outside.").is_empty());
    }

    #[test]
    fn a_time_after_the_verb_is_no_source_and_a_relative_clause_does_not_hide_the_subject() {
        // "said Friday that …": Friday spoke to no one; the speaker is the phrase before
        // the relative clause, even when a cue inside the clause took its "who"
        let v = atts(
            "Ann Fry, who questioned whether the depot was safe, said Friday that it \
             \"will close soon.\"",
        );
        let said = v.iter().find(|a| a.0 == "said").map(|a| a.1.clone());
        assert_eq!(said, Some(Some("Ann Fry".to_string())), "{v:?}");
        assert!(v.iter().all(|a| a.1.as_deref() != Some("Friday")), "{v:?}");
        // an inverted source is still read after a comma
        assert_eq!(
            one("The depot will close, said Ann Fry.").1.as_deref(),
            Some("Ann Fry")
        );
    }

    #[test]
    fn verbs_of_blame_denunciation_discussion_and_pointing_report() {
        // PolNeAR annotates them as cues; "blamed for the rise" with no one named is the
        // agentless attribution an editor asks "by whom?" about
        assert_eq!(
            atts("Wet weather was blamed for the slump in sales."),
            vec![("was blamed".to_string(), None, SourceKind::Anonymous, true)]
        );
        for (text, source, kind, cue) in [
            (
                "The union denounced the pay offer as an insult.",
                "The union",
                SourceKind::Organization,
                "denounced",
            ),
            (
                "Ms Okafor discussed the budget with councillors.",
                "Ms Okafor",
                SourceKind::Person,
                "discussed",
            ),
        ] {
            assert_eq!(assert_source(text, source, kind, false), cue);
        }
        for (text, source, kind, cue) in [
            (
                "Analysts point to the weak pound.",
                "Analysts",
                SourceKind::Anonymous,
                "point to",
            ),
            (
                "The rise is temporary, Ms Ruiz points out.",
                "Ms Ruiz",
                SourceKind::Person,
                "points out",
            ),
        ] {
            let anonymous = kind == SourceKind::Anonymous;
            assert_eq!(assert_source(text, source, kind, anonymous), cue);
        }
        // a unit, not a verb: "points" needs a clear subject and a clause or phrase after
        assert!(atts("Growth rose by 0.2 percentage points to 3 percent.").is_empty());
        // the object of "pointed to" is no source, whatever stands before the verb
        assert!(
            atts("He, like his rival, pointed to the thousands of marchers.")
                .iter()
                .all(|a| a.1.as_deref() != Some("the thousands of marchers"))
        );
    }

    #[test]
    fn bare_quantifiers_and_people_plurals_are_anonymous_sources() {
        for (text, source) in [
            ("Some say the bridge is unsafe.", "Some"),
            ("Many argue that the bridge is old.", "Many"),
            (
                "The main issue, respondents said, was housing.",
                "respondents",
            ),
        ] {
            assert_source(text, source, SourceKind::Anonymous, true);
        }
    }

    #[test]
    fn a_place_word_of_a_name_in_the_story_is_that_person() {
        let cfg = Config::builtin().expect("config");
        let text =
            "Nina Jordan runs the clinic in the city.\n\nJordan said the clinic would close.";
        let doc = Document::new("t.txt", text, &cfg);
        let a = &doc.attributions[0];
        assert_eq!(doc.attributions.len(), 1);
        assert_eq!(a.source.map(|s| s.text(text)), Some("Jordan"));
        assert_eq!(
            (a.kind, a.speaker.as_deref()),
            (SourceKind::Person, Some("Nina Jordan"))
        );
    }

    #[test]
    fn the_reporter_as_conduit_is_an_anonymous_source() {
        let (_, _, kind, anonymous) = one("I'm told the council will meet again next week.");
        assert_eq!((kind, anonymous), (SourceKind::Anonymous, true));
        // the writer saying something is no unnamed source
        let (_, _, kind, _) = one("I said the plan was shelved.");
        assert_eq!(kind, SourceKind::Pronoun);
    }

    #[test]
    fn poll_counts_are_anonymous_sources() {
        let v =
            atts("Two in three said the tax was unfair. But nearly one in four said it should go.");
        let sources: Vec<_> = v.iter().map(|a| (a.1.clone(), a.2, a.3)).collect();
        assert_eq!(
            sources,
            vec![
                (src("Two in three"), SourceKind::Anonymous, true),
                (src("nearly one in four"), SourceKind::Anonymous, true),
            ]
        );
    }

    #[test]
    fn counts_in_figures_are_poll_sources() {
        let v = atts("In June, 47 percent said the levy was fair, and 12 percent said it was not.");
        let sources: Vec<_> = v.iter().map(|a| (a.1.clone(), a.3)).collect();
        assert_eq!(
            sources,
            vec![(src("47 percent"), true), (src("12 percent"), true)]
        );
    }

    #[test]
    fn long_descriptions_between_a_name_and_its_cue() {
        for (text, source) in [
            (
                "Ruth Ames, a former adviser to the governor and a friend of the family, said the plan was doomed.",
                "Ruth Ames, a former adviser to the governor and a friend of the family,",
            ),
            (
                "Mr. Okafor, now 81 and retired in Tulsa, said by telephone that he was surprised.",
                "Mr. Okafor, now 81 and retired in Tulsa,",
            ),
        ] {
            let (cue, s, kind, anonymous) = one(text);
            assert_eq!(
                (cue.as_str(), s.as_deref(), kind, anonymous),
                ("said", Some(source), SourceKind::Person, false),
                "{text}"
            );
        }
    }

    #[test]
    fn coordinated_verbs_share_the_subject() {
        for (text, cue, source) in [
            (
                "Councillor Vera Lind opposed the budget and said the cuts went too far.",
                "said",
                "Councillor Vera Lind",
            ),
            (
                "She backed the plan on Tuesday, saying it was overdue.",
                "saying",
                "She",
            ),
            (
                "But Dr. Ilse Brandt stayed calm, saying nothing else would help.",
                "saying",
                "Dr. Ilse Brandt",
            ),
            // an auxiliary and adverbs between the conjunction and the verb
            (
                "Lind has voiced concerns but has since said the cuts can stay.",
                "said",
                "Lind",
            ),
            (
                "Mayor Ruth Okafor takes credit for the route, and has promised that more will follow.",
                "promised",
                "Mayor Ruth Okafor",
            ),
            // or a time
            (
                "Columnist Ruth Marcus has been critical of the plan but on Tuesday wrote that she backed it.",
                "wrote",
                "Columnist Ruth Marcus",
            ),
            (
                "Thomas Massie used to support Rand Paul, but now says Trump has a chance.",
                "says",
                "Thomas Massie",
            ),
        ] {
            let (c, s, _, _) = one(text);
            assert_eq!((c.as_str(), s.as_deref()), (cue, Some(source)), "{text}");
        }
    }

    /// The words of tokens `range` as the sentence loop builds them, phrases marked.
    pub(super) fn marked_words<'a>(
        tm: &'a crate::text::TextModel,
        flags: &[u32],
        range: std::ops::Range<usize>,
        cfg: &Config,
    ) -> Vec<super::W<'a>> {
        let start = range.start;
        let mut ws: Vec<super::W> = tm.tokens[range]
            .iter()
            .enumerate()
            .map(|(k, t)| super::W {
                s: t.text(&tm.prose),
                span: t.span(),
                kind: t.kind,
                f: flags[start + k],
                idx: k,
                q: false,
                phrase_kind: None,
                phrase_len: 0,
                upper: t.cap,
            })
            .collect();
        super::mark_phrases(&mut ws, &cfg.lexicon);
        ws
    }

    #[test]
    fn phrases_are_marked_whatever_the_case_of_their_later_words() {
        // the second word is matched by its key first: every case of it must still match,
        // and a word only alike in its first letters must not
        let cfg = Config::builtin().expect("config");
        let text = "It Was Revealed that IT IS UNDERSTOOD, it is believed to, it isn't, \
            according To the Financial Times and As Per CNN, per cent, it was rEPORTED. \
            It is thought é, it émerged.";
        let tm = crate::text::TextModel::new(text, false);
        let flags = cfg.lexicon.token_flags(&tm);
        let ws = marked_words(&tm, &flags, 0..tm.tokens.len(), &cfg);
        let marked: Vec<(String, u8)> = ws
            .iter()
            .filter(|w| w.phrase_kind.is_some())
            .map(|w| (w.s.to_string(), w.phrase_len))
            .collect();
        let want: Vec<(String, u8)> = [
            ("It", 3),
            ("IT", 3),
            ("it", 3),
            ("is", 3),
            ("according", 2),
            ("Financial", 2),
            ("As", 2),
            ("it", 3),
            ("It", 3),
        ]
        .iter()
        .map(|&(w, n)| (w.to_string(), n))
        .collect();
        assert_eq!(marked, want);
    }

    #[test]
    fn remembered_unit_failures_give_the_same_subjects() {
        // every start before every token of a few sentences: the memo must answer exactly
        // as a full parse does, start after start, as `subject_before` asks
        let text = "The top US official who spoke on condition of anonymity said on Monday \
            that talks had stalled. Liu Pengyu, the Chinese embassy spokesperson in \
            Washington, told reporters the claims were false. Other US officials, citing \
            intelligence, and a person familiar with the matter also said the report, which \
            was published by the agency, was wrong. Mr Johnson’s aides and the minister \
            reportedly denied it. All the experts I interviewed in a statement on Friday said no. \
            Shares in the bank ended just above their previous record close on Tuesday.";
        let cfg = Config::builtin().expect("config");
        let tm = crate::text::TextModel::new(text, false);
        let flags = cfg.lexicon.token_flags(&tm);
        let mut compared = 0;
        let mut found = 0;
        for s in &tm.sentences {
            let ws = marked_words(&tm, &flags, s.tokens.clone(), &cfg);
            for cue in 1..=ws.len() {
                let mut failed = super::np::FailedUnits::default();
                for start in 0..cue {
                    let toks = super::np::Toks(&ws[start..cue]);
                    let plain = super::np::subject_before_cue(toks);
                    assert_eq!(
                        super::np::subject_before_cue_memo(toks, &mut failed),
                        plain,
                        "{start}..{cue}"
                    );
                    compared += 1;
                    found += usize::from(plain.is_some());
                }
            }
        }
        assert!(compared > 500 && found > 20, "{compared} {found}");
    }

    #[test]
    fn source_cue_content() {
        assert_eq!(
            one("A U.S. official said Russia asked China for help."),
            (
                "said".into(),
                src("A U.S. official"),
                SourceKind::Anonymous,
                true
            )
        );
        assert_eq!(
            one("Russia on Monday denied it needed help."),
            (
                "denied".into(),
                src("Russia"),
                SourceKind::Organization,
                false
            )
        );
        assert_eq!(
            one("Chinese officials have refuted the charges."),
            (
                "refuted".into(),
                src("Chinese officials"),
                SourceKind::Anonymous,
                true
            )
        );
        assert_eq!(
            one("Other US officials point out that the war drags on.").0,
            "point out"
        );
    }

    #[test]
    fn inverted_and_headline_forms() {
        let (cue, s, kind, _) =
            one("“No,” said Dmitry Peskov, President Vladimir Putin’s spokesman.");
        assert_eq!(
            (cue.as_str(), s.as_deref(), kind),
            (
                "said",
                Some("Dmitry Peskov, President Vladimir Putin’s spokesman"),
                SourceKind::Person
            )
        );
        assert_eq!(
            one("Russia seeking military aid from China says US official\n\nThe story.").1,
            src("US official")
        );
        assert_eq!(
            one("Putin asks China for help, claims US\n\nThe story.").1,
            src("US")
        );
        // what cannot speak after the verb is what was said: the subject comes first
        assert_eq!(
            atts("Mayor Says Russians Hacked City Hall\n\nThe story.")
                .first()
                .and_then(|a| a.1.clone()),
            src("Mayor")
        );
        assert_eq!(
            one("“It is final,” read the White House release.").2,
            SourceKind::Document
        );
    }

    #[test]
    fn a_description_between_dashes_belongs_to_its_source() {
        for (text, source) in [
            (
                "Ann Fry — a teacher from Leeds — says she changed her mind.",
                "Ann Fry — a teacher from Leeds —",
            ),
            (
                "Mr Obi - who runs the depot - told us it was closing.",
                "Mr Obi - who runs the depot -",
            ),
        ] {
            assert_source(text, source, SourceKind::Person, false);
        }
        // an aside about a place is no description of the source
        let v = atts("It was panned by critics in Spain - where it opened - and in Italy.");
        assert!(
            v.iter().all(|a| a.1.as_deref() == Some("critics in Spain")),
            "{v:?}"
        );
    }

    #[test]
    fn prepositional_cues() {
        assert_eq!(
            one("Moscow asked Beijing for help, according to the Financial Times."),
            (
                "according to".into(),
                src("the Financial Times"),
                SourceKind::Outlet,
                false
            )
        );
        // an adverb or "-ly" adjective inside the phrase modifies its noun
        for (text, source) in [
            (
                "Crime rose, according to a yearly Gallup poll.",
                "a yearly Gallup poll",
            ),
            ("Ms Lee won, according to early returns.", "early returns"),
            (
                "Forces were ready, according to a newly released email.",
                "a newly released email",
            ),
        ] {
            assert_source(text, source, SourceKind::Document, false);
        }
        // "calls for restraint" is China's own call; "as per" names the outlet
        let v = atts("China calls for restraint, as per CNN.");
        assert!(
            v.iter()
                .any(|a| a.0 == "as per" && a.2 == SourceKind::Outlet),
            "{v:?}"
        );
        let v = atts("Russia asked for drones, a top US official cited by CNN broadcaster said.");
        assert!(
            v.iter()
                .any(|a| a.0 == "cited by" && a.2 == SourceKind::Outlet),
            "{v:?}"
        );
        assert!(
            v.iter()
                .any(|a| a.0 == "said" && a.1.as_deref() == Some("a top US official") && a.3),
            "{v:?}"
        );
    }

    #[test]
    fn appositives_relatives_and_colons() {
        // the description closed by its comma belongs to the mention of the source
        assert_eq!(
            one("Liu Pengyu, the Chinese embassy spokesperson in Washington, said he was unaware of it.").1,
            src("Liu Pengyu, the Chinese embassy spokesperson in Washington,")
        );
        assert_eq!(
            one("He came late, said Ana Ruiz, the club's treasurer.").1,
            src("Ana Ruiz, the club's treasurer")
        );
        assert_eq!(
            one("Yang Jiechi, who served as ambassador, said talks went well.").2,
            SourceKind::Person
        );
        let (cue, s, _, _) = one("Mr Johnson said: “It is over.”");
        assert_eq!((cue.as_str(), s.as_deref()), ("said", Some("Mr Johnson")));
        assert_eq!(
            one("Financial Times: Russia seeks military aid\n\nThe story.").0,
            ":"
        );
        // a digest's item: the source opens after the dash before its colon
        let (cue, s, kind, _) =
            one("POLLS NOT WRONG, JUST EARLY - Ann Bell and Tom Reed: “The polls were early.”");
        assert_eq!(
            (cue.as_str(), s.as_deref(), kind),
            (":", Some("Ann Bell and Tom Reed"), SourceKind::Person)
        );
        // with no quotation after the colon, a dash opens no source
        assert!(atts("Rates rose - Ann Bell: the bank acted.").is_empty());
    }

    #[test]
    fn agentless_nonspeech_and_channels() {
        assert_eq!(
            one("It was revealed that Xi refused."),
            ("It was revealed".into(), None, SourceKind::Anonymous, true)
        );
        assert_eq!(one("The sector was reportedly squeezed.").0, "reportedly");
        assert_eq!(
            one("Peskov is said to have dismissed the claims.").0,
            "is said to"
        );
        let v = atts("The White House did not immediately respond to a request for comment.");
        assert_eq!(v.len(), 1);
        let cfg = Config::builtin().expect("config");
        let doc = Document::new(
            "t.txt",
            "The White House did not immediately respond to a request for comment.",
            &cfg,
        );
        assert_eq!(doc.attributions[0].form, CueForm::Nonspeech);
        assert_eq!(
            one("A US official speaking to CNN did not comment on the request.").0,
            "speaking to CNN"
        );
    }

    #[test]
    fn what_is_not_an_attribution() {
        for text in [
            "The claim was false.",
            "He wanted to say nothing.",
            "He was told to leave.",
            "“We have said it before,” he noted nothing.",
            "Putin asks China for military assistance.",
            "Media reports said little.",
            "The report comes days after the vote.",
            "Edward Said wrote books.",
        ] {
            let v = atts(text);
            assert!(
                v.iter().all(|a| !matches!(
                    a.0.as_str(),
                    "claim" | "say" | "told" | "asks" | "reports" | "report" | "Said"
                )),
                "{text}: {v:?}"
            );
        }
        // a cue inside a quotation is the speaker's, not the article's
        let v = atts("“As we have stated, it will be completed,” he continued.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "continued");
    }

    #[test]
    fn pronouns_take_their_referent() {
        let cfg = Config::builtin().expect("config");
        let text = "Kremlin spokesman Dmitry Peskov said, “Russia has the capacity.” “It is proceeding as planned,” he continued.";
        let doc = Document::new("t.txt", text, &cfg);
        let he = doc
            .attributions
            .iter()
            .find(|a| a.verb == "continued")
            .expect("continued");
        assert_eq!(he.kind, SourceKind::Pronoun);
        assert_eq!(he.speaker.as_deref(), Some("Dmitry Peskov"));
        assert!(!he.anonymous);
        let text = "Officials said the plan was dead. They added that talks would not resume.";
        let doc = Document::new("t.txt", text, &cfg);
        assert!(
            doc.attributions[1].anonymous,
            "they = the anonymous officials"
        );
        // a name the prior speaker spoke of, in the prior speaker's own sentence, is not
        // the next sentence's "he": the subject is
        let text = "Vice President Joe Biden spoke on Thursday. “You have a good candidate,” Biden said of Hillary Clinton. He says he respects Clinton.";
        let doc = Document::new("t.txt", text, &cfg);
        let he = doc
            .attributions
            .iter()
            .find(|a| a.verb == "says")
            .expect("says");
        assert_eq!(he.speaker.as_deref(), Some("Joe Biden"));
    }

    #[test]
    fn quote_speakers() {
        let cfg = Config::builtin().expect("config");
        let text = "Ex-CIA analyst Chris Johnson warned of risks.\n\nMr Johnson said: “But it also highlights China’s position.\n\n“Moreover, it speaks volumes.”\n\n“Why?” Graham asked.\n\nHe said:\n\n“We are ready.”";
        let doc = Document::new("t.txt", text, &cfg);
        let speakers: Vec<Option<&str>> = doc
            .quote_speakers
            .iter()
            .map(|q| q.speaker.as_deref())
            .collect();
        // "He said:" after Graham is Graham: the most recent person named
        assert_eq!(
            speakers,
            vec![
                Some("Chris Johnson"),
                Some("Chris Johnson"),
                Some("Graham"),
                Some("Graham")
            ]
        );
    }

    #[test]
    fn a_sentence_opened_by_said_and_a_bare_another() {
        let text = "The hall was full. Said Dora Pike, who grew up nearby, “We were proud.”";
        let v = atts(text);
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, "Said");
        assert_eq!(v[0].1.as_deref(), Some("Dora Pike, who grew up nearby,"));
        // "Said" as a past form after a capital is no inverted cue without a name
        assert_eq!(
            atts("The hall was full. Said otherwise, it sounds odd."),
            vec![]
        );
        let (cue, s, kind, anon) = one("One voter left early. Another said he would stay.");
        assert_eq!((cue.as_str(), s.as_deref()), ("said", Some("Another")));
        assert_eq!((kind, anon), (SourceKind::Anonymous, true));
    }

    #[test]
    fn a_participle_with_its_place_or_time_describes_the_noun_before_it() {
        use SourceKind::*;
        // the reduced relative clause is part of the source, never its head
        assert_source(
            "Veterans interviewed at rallies in Ohio said they had no problem.",
            "Veterans interviewed at rallies in Ohio",
            Anonymous,
            true,
        );
        assert_source(
            "The plant will close, according to audio provided to The Times.",
            "audio provided to The Times",
            Document,
            false,
        );
        // a name's "-ed" word is its verb, and a particle is no place
        not_from(
            "Carson appeared on Sunday shows amid reports that he lied.",
            "Carson appeared on Sunday shows amid",
        );
        let v = atts("Sanders started out the debate saying Clinton is qualified.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].1.as_deref(), Some("Sanders"));
        // "to" before a verb opens no phrase of the participle
        not_from(
            "Trump forces attempted to mobilize delegates, a campaign email said.",
            "Trump forces attempted to mobilize delegates",
        );
    }

    #[test]
    fn an_approximate_count_opens_its_subject() {
        use SourceKind::*;
        assert_source(
            "At least half of the voters say the plan is right.",
            "At least half of the voters",
            Anonymous,
            true,
        );
        said_by(
            "At least a dozen members of Congress said she was right.",
            "At least a dozen members of Congress",
        );
    }

    #[test]
    fn a_bare_verb_form_after_an_opening_phrase_is_a_noun() {
        // "state" opens the subject; a past tense after the same phrase is inverted
        assert_eq!(
            atts("On Tuesday, state health officials discovered one case in Tampa."),
            vec![]
        );
        let (cue, s, _, _) =
            one("In other words, explained moderator Nancy Cordes: “What does that matter?”");
        assert_eq!(
            (cue.as_str(), s.as_deref()),
            ("explained", Some("moderator Nancy Cordes"))
        );
    }

    #[test]
    fn the_verb_after_a_closed_relative_clause_is_the_sentences_own() {
        for (text, cue, source) in [
            (
                "Ann Broad, who said the senator lied in 1978, recounted the incident on a radio show.",
                "recounted",
                "Ann Broad",
            ),
            (
                "Barkley, who said he votes for Democrats, said one candidate he likes is Kasich.",
                "said",
                "Barkley",
            ),
        ] {
            let v = atts(text);
            let last = v.last().map(|a| (a.0.as_str(), a.1.as_deref()));
            assert_eq!(last, Some((cue, Some(source))), "{text}: {v:?}");
        }
    }

    #[test]
    fn a_name_ending_in_an_organisation_noun_is_an_institution() {
        use SourceKind::*;
        for text in [
            "The Democratic National Convention released a statement, saying the party was united.",
            "The Smithsonian Institution said the exhibit would open.",
            "the Eagle Forum said the plank was weak.",
        ] {
            let v = atts(text);
            assert!(
                !v.is_empty() && v.iter().all(|a| a.2 == Organization),
                "{text}: {v:?}"
            );
        }
        // one group of people a proper name modifies is that body
        assert_eq!(
            one("The Sanders delegation said it would walk out.").2,
            Organization
        );
        // a group noun after a given name, or with no "the", may be a surname
        assert_source(
            "Grant Young, an Iowa strategist, said the race was close.",
            "Grant Young, an Iowa strategist,",
            Person,
            false,
        );
    }

    #[test]
    fn a_headline_label_may_be_an_institution_or_a_speaker_with_an_addressee() {
        use SourceKind::*;
        let body = "\n\nWASHINGTON — Hillary Clinton spoke on Monday. Barack Obama did too.";
        let colon = |headline: &str| {
            atts(&format!("{headline}{body}"))
                .into_iter()
                .find(|a| a.0 == ":")
                .map(|a| (a.1, a.2))
        };
        assert_eq!(
            colon("Clinton camp: Trump threatens national security."),
            Some((src("Clinton camp"), Organization))
        );
        assert_eq!(
            colon("Clinton to Planned Parenthood: Trump will reverse Roe v. Wade."),
            Some((src("Clinton"), Person))
        );
        assert_eq!(
            colon("Obama to Congress: Pass the bill"),
            Some((src("Obama"), Person))
        );
        // a capitalised title is no institution
        assert_eq!(
            colon("The Ninth Circle: The Hellish View From Inside"),
            None
        );
    }

    #[test]
    fn a_telephone_call_and_a_continued_activity_report_no_words() {
        for text in [
            "Mr. Obama called Ann Abedini.",
            "She called Sanders to congratulate him.",
            "He called the company only to be told to wait.",
            "Two firms called off a $54 billion deal.",
            "Blocher continued as a member of parliament until 2014.",
            "The borrowing continued.",
            "The battle will continue until the convention.",
        ] {
            assert_eq!(atts(text), vec![], "{text}");
        }
        for (text, cue) in [
            ("He called the president “weak” on Monday.", "called"),
            ("Trump called Clinton a liar.", "called"),
            ("Ada Roe called Clinton's remarks a “new low.”", "called"),
            (
                "Some Democrats have called her to say they will not vote.",
                "called",
            ),
            ("Trump called Wednesday for the judge to resign.", "called"),
            ("“No one should feel this,” she continued.", "continued"),
            ("Issa continued, “Yes, that is right.”", "continued"),
            ("She continued that the plan had failed.", "continued"),
            ("Howard continued his scathing remarks.", "continued"),
        ] {
            let v = atts(text);
            assert!(v.iter().any(|a| a.0 == cue), "{text}: {v:?}");
        }
    }

    #[test]
    fn a_reporters_credit_line_is_no_attribution() {
        assert_eq!(atts("Costa reported from Washington."), vec![]);
        assert_eq!(
            atts("Phillip reported from Oakland, Calif.; Gearan, from Washington."),
            vec![]
        );
        let v = atts("Costa reported from Iowa that the campaign was in trouble.");
        assert_eq!(v.len(), 1, "{v:?}");
    }

    #[test]
    fn a_label_over_a_list_of_names_or_a_capitalised_adverb_is_no_source() {
        assert_eq!(
            atts(
                "These are the members. Iowa: Tim Albrecht, Brad Anderson, Rob Barron, Jeff Boeyink."
            ),
            vec![]
        );
        assert_eq!(
            atts("The gun was sold. PREVIOUSLY: George Zimmerman is selling the gun he used."),
            vec![]
        );
    }

    #[test]
    fn whenever_opens_a_question_as_when_does() {
        let v = atts("Whenever asked about her weaknesses, they shifted topics.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!((v[0].0.as_str(), v[0].1.as_deref()), ("asked", None));
    }

    #[test]
    fn a_word_after_an_outlets_capitalised_word_continues_its_name() {
        use SourceKind::*;
        assert_eq!(one("The Daily Caller reported that it was over.").2, Outlet);
        // a name after the institution's words is a person's
        assert_eq!(
            one("Heritage Foundation President Kay James said it was over.").2,
            Person
        );
    }

    #[test]
    fn a_capitalised_will_before_a_name_is_a_given_name() {
        let (cue, s, kind, _) =
            one("“It is expensive,” said Will Doyle, a professor in Nashville.");
        assert_eq!(
            (cue.as_str(), s.as_deref(), kind),
            (
                "said",
                Some("Will Doyle, a professor in Nashville"),
                SourceKind::Person
            )
        );
        // a headline's capitals keep the modal: what Ann Lee says is "Trump Will Win"
        let v = atts("Trump Will Win, Says Ann Lee\n\nThe story goes on.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].1.as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn a_noun_like_form_is_a_verb_after_a_pronoun_or_before_an_infinitive() {
        for (text, source) in [
            ("Trump claims he's worth $10 billion.", "Trump"),
            (
                "It was aimed at Kelly, who he claims has been unfair to him.",
                "he",
            ),
            (
                "If there were none, as Sanders claims to desire, she would have won.",
                "Sanders",
            ),
        ] {
            let v = atts(text);
            assert!(
                v.iter()
                    .any(|a| a.0 == "claims" && a.1.as_deref() == Some(source)),
                "{text}: {v:?}"
            );
        }
        // nouns still: a campaign's pledges, states in a count
        for text in [
            "Many of the campaign pledges he's been making are vague.",
            "She needs enough states to have a majority.",
        ] {
            let v = atts(text);
            assert!(
                v.iter().all(|a| a.0 != "pledges" && a.0 != "states"),
                "{text}: {v:?}"
            );
        }
    }

    #[test]
    fn a_groups_examples_set_off_by_commas_or_dashes_belong_to_it() {
        for (text, source) in [
            (
                "Many speakers at the service — including Muslims, Christians and Jews — said the death was painful.",
                "Many speakers at the service — including Muslims, Christians and Jews —",
            ),
            (
                "Some economists - including a minority of the bank's own committee - warn that it could fail.",
                "Some economists - including a minority of the bank's own committee -",
            ),
            (
                "Even the field's biggest hawks, like Rubio and Bush, say ground troops should be Arab.",
                "the field's biggest hawks, like Rubio and Bush,",
            ),
            (
                "Several Republican leaders, including Sens. Ann Bell (Ariz.) and Tom Reed (Iowa), said the deal was bad.",
                "Several Republican leaders, including Sens. Ann Bell (Ariz.) and Tom Reed (Iowa),",
            ),
            (
                "Veterans interviewed at rallies this week, including Mr. Jebens, said they had no problem.",
                "Veterans interviewed at rallies this week, including Mr. Jebens,",
            ),
        ] {
            let v = atts(text);
            assert!(
                v.iter().any(|a| a.1.as_deref() == Some(source)),
                "{text}: {v:?}"
            );
        }
        // the example's own clause: "who" is the example, not the group
        let v = atts("He would not rebuke politicians, like Pat Robertson, who had condemned it.");
        assert!(
            v.iter()
                .all(|a| a.1.as_deref() != Some("politicians, like Pat Robertson,")),
            "{v:?}"
        );
    }

    #[test]
    fn a_participle_with_a_bare_time_describes_the_noun_before_it() {
        assert_source(
            "Veterans interviewed this week said they had no problem.",
            "Veterans interviewed this week",
            SourceKind::Anonymous,
            true,
        );
        assert_source(
            "Some voters surveyed last month said the economy was weak.",
            "Some voters surveyed last month",
            SourceKind::Anonymous,
            true,
        );
    }

    #[test]
    fn the_object_of_a_relative_clauses_verb_of_blame_is_no_subject() {
        for (text, source) in [
            (
                "A woman who has accused the former governor of fraud said on Sunday that he called her.",
                "A woman who has accused the former governor of fraud",
            ),
            (
                "A lawmaker who criticized the plan said it would fail.",
                "A lawmaker who criticized the plan",
            ),
        ] {
            said_by(text, source);
        }
        // a verb of saying takes a clause, whose subject stays its own
        let v = atts("A man who said his brother told police the truth was arrested.");
        assert!(
            v.iter()
                .any(|a| a.0 == "told" && a.1.as_deref() == Some("his brother")),
            "{v:?}"
        );
    }

    #[test]
    fn an_office_of_common_words_or_with_an_appositive_keeps_its_holder() {
        for (text, speaker) in [
            (
                "“Thanks,” said master of ceremonies Asab Al-Tabchi, a Syrian engineer.",
                Some("Asab Al-Tabchi"),
            ),
            (
                "Secretary of State John Kerry, a former senator, said it was fine.",
                Some("John Kerry"),
            ),
            (
                "RNC Chief of Staff Katie Walsh explained it. Walsh left.",
                Some("Katie Walsh"),
            ),
            // the office's own name is no holder
            (
                "A member of the Anti-Defamation League said it was over.",
                None,
            ),
        ] {
            let cfg = Config::builtin().expect("config");
            let doc = Document::new("t.txt", text, &cfg);
            let a = doc.attributions.first().expect("an attribution");
            assert_eq!(a.speaker.as_deref(), speaker, "{text}");
        }
    }

    #[test]
    fn a_fixed_adverbial_may_stand_between_the_auxiliary_and_its_verb() {
        for (text, source) in [
            (
                "Critics have in particular noted the campaign material.",
                "Critics",
            ),
            (
                "Democrats have for years argued that the tax is unfair.",
                "Democrats",
            ),
            (
                "Officials have in recent weeks said the plan is dead.",
                "Officials",
            ),
        ] {
            let v = atts(text);
            assert!(
                v.iter().any(|a| a.1.as_deref() == Some(source)),
                "{text}: {v:?}"
            );
        }
        // "of weeks" ends a time phrase, not a subject's adverbial
        let v = atts("People I've spoken with over the last couple of weeks said he called.");
        assert!(
            v.iter().all(|a| a.1.as_deref() != Some("the last couple")),
            "{v:?}"
        );
    }

    #[test]
    fn restrictive_clauses_unclosed_appositives_and_joined_passives() {
        // the clause describes its source, up to its first comma
        said_by(
            "Officials who spoke with the paper said the party was a shell.",
            "Officials who spoke with the paper",
        );
        // "those who …" opens a clause; never a preposition's or a verb's object
        let v = atts("But those who back her opponents say the damage is done.");
        assert!(
            v.iter()
                .any(|a| a.1.as_deref() == Some("those who back her opponents")),
            "{v:?}"
        );
        let v = atts("He praised those who left but said the work goes on.");
        assert!(
            v.iter()
                .any(|a| a.0 == "said" && a.1.as_deref() == Some("He")),
            "{v:?}"
        );
        // a named person's indefinite appositive without its closing comma
        let v = atts("Sen. Ann Bell (D-NY), a supporter of the bill told reporters it would pass.");
        assert!(
            v.iter()
                .any(|a| a.1.as_deref() == Some("Sen. Ann Bell (D-NY), a supporter of the bill")),
            "{v:?}"
        );
        // ("Bell, a top aide said, …" is the aide's aside)
        let v = atts("Bell, a top aide said, “is very confident.”");
        assert!(
            v.iter().any(|a| a.1.as_deref() == Some("a top aide")),
            "{v:?}"
        );
        // a participle joined to "is … and": a passive, not a verb with a subject
        assert!(
            atts("The story of the man, a gregarious figure, is bleak and seldom told.").is_empty()
        );
        let v = atts("She was tired and said she would leave.");
        assert!(
            v.iter()
                .any(|a| a.0 == "said" && a.1.as_deref() == Some("She")),
            "{v:?}"
        );
    }
}
