//! `anonymous-source`: a claim that rests on an unidentified source.

use aho_corasick::AhoCorasick;
use serde::Deserialize;

use super::{Rule, RuleDef, RuleMeta, Sink, options, quoted};
use crate::analysis::Document;
use crate::diagnostic::{Diagnostic, Severity};
use crate::grammar::{Attribution, CueForm, SourceKind};
use crate::lexicon::class;

pub const DEF: RuleDef = RuleDef {
    meta: RuleMeta {
        id: "anonymous-source",
        summary: "a claim attributed to an unidentified source",
        doc: DOC,
    },
    build: |v| Ok(Box::new(AnonymousSource::new(options(v)?)?)),
};

const DOC: &str = r#"# anonymous-source

## What it does
Flags attributions to a source the reader cannot identify: "a US official said",
"sources", "a person familiar with the matter", "US authorities", "Chinese officials have
refuted". The message says how specific the description is: a bare "source" is the least
specific (AP does not accept it), a description with a named institution ("a State
Department official") the most. It also says when the anonymous source is quoted directly,
opens the story, or passes judgement on a named person. Where its sentence, or the next,
says why the source is unnamed ("who spoke on condition of anonymity because …"), the
finding asks only for a more precise description, one severity lower.

## Why is this bad?
Readers cannot weigh a source they cannot identify. AP, Reuters, The New York Times and
The Washington Post allow anonymity only for information that cannot be had on the
record, never for opinion or personal attack, and ask for the most specific description
the source allows.

## Example
```text
Sources said the minister would resign.
```
Use instead:
```text
Two officials in the minister's office, who spoke on condition of anonymity because the
decision had not been announced, said she would resign.
```

## Standard
AP Stylebook, "anonymous sources"; Reuters Handbook of Journalism, "sourcing";
Washington Post policies on sources.

## Options
- `allow`: source descriptions never reported (for example `["a spokesperson for the ministry"]`).
- `institution-softer`: report a description that names an institution ("a State Department
  official", "US officials") one severity lower (default `true`).
- `bare-words`: heads that make a description bare when nothing qualifies them.
- `judgement-words`: words that make a claim a judgement of a person.
- `group-heads`: heads of groups that act and speak as a group ("Democrats", "voters",
  "lawmakers", "the firms"): reported only when a subset word picks out some of them
  ("some Democrats said", "two voters said"), which hides particular people.
- `subset-words`: the words that do so (`some`, `several`, `other`, `two`, …).
- `rank-words`: words that pick out particular people of a group as well ("senior
  Republicans said", "veteran lawmakers"); people of a group who "told reporters" or told
  an outlet are particular people too.
- `survey-respondents`: report a survey's respondents with the question about the survey
  (default `true`; `false` leaves them unreported).
- `on-record-heads`: heads of people who speak on the record for an institution ("a Home
  Office spokesman said", "a club representative"): not reported. Nor is a source that
  speaks "in a statement": the statement is on the record, whoever drafted it.

A survey's respondents ("three in five said", "58 percent of voters said", "1,409
teachers said") are unnamed by method: once the story has named a poll or survey, in
their sentence or before it, they are that survey's and are not reported; before any
is named, the finding asks, one severity lower, whose survey it is, when it ran, how
many were asked and its margin of error.

Not reported: what the grammar takes for a source but an editor would not query — a named
person with a long title ("club director of rugby Ann Bell said"), the object of a
preposition or of a reporting verb ("a letter to platform committee members calls for"), a
headline (its story says it again), a description that repeats a source already reported
("The official added", "That person said"; the same description again in its paragraph), a
description whose head is no person the lexicon lists as an anonymous source ("terrorists
attacked", "a candidate responds"), the subject of a passive cue ("officials who spoke
were criticized"), an appositive of a named person after an age ("Ann Bell, 52, a nurse,
said"), a name set off in the description by commas or dashes ("the finance minister, Ann
Bell,", "a former candidate -- Ann Bell --"), a group whose examples or leader are named
("other agencies, such as the Asian Development Bank,", "the aides, led by campaign
manager Terry Sullivan,"), a group whose very next sentence is spoken by a person the
story names there for the first time, or whose next paragraph opens with such a
person's quotation (news's summary before its named example: "Some experts said … “…,”
said William Gale, a fellow at the Brookings Institution"; not insiders such as officials,
aides or sources), a reporting verb swallowed into the description ("rebuked critics who
say"), a delayed identification in a story's opening paragraphs ("A woman who has accused
the governor said …" ¶ "Juanita Broaddrick, who …"), a headline's or deck's bare singular
noun ("…, official says, …"), people inside a named person's account that a trailing
", she said" or ", according to Ed Buchanan" gives the whole sentence, or that a named
source reports right after its cue ("She added that some Democrats have called her to
say …": the claim rests on her), a description
named after its relative clause ("One of his former supporters who backs Randolph, former
Rep. Pat Schroeder, …"), and a post introduced by "tweeted:" whose embed shows its
author's handle.
The anonymous descriptors themselves are the lexicon's `anonymous-heads`
(`[lexicon] extend-anonymous-heads = [...]`).
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    allow: Vec<String>,
    institution_softer: bool,
    bare_words: Vec<String>,
    judgement_words: Vec<String>,
    group_heads: Vec<String>,
    subset_words: Vec<String>,
    on_record_heads: Vec<String>,
    rank_words: Vec<String>,
    survey_respondents: bool,
}

struct AnonymousSource {
    o: Options,
    /// The judgement words, lowercased once.
    judgement: Vec<String>,
    /// All of them in one automaton: a sentence is read once to see which occur, and
    /// only those are checked for word boundaries.
    judgement_ac: AhoCorasick,
}

impl AnonymousSource {
    fn new(o: Options) -> Result<Self, String> {
        let judgement: Vec<String> = o.judgement_words.iter().map(|w| w.to_lowercase()).collect();
        let judgement_ac =
            AhoCorasick::new(&judgement).map_err(|e| format!("judgement-words: {e}"))?;
        Ok(AnonymousSource {
            o,
            judgement,
            judgement_ac,
        })
    }

    /// Does `sentence` use a judgement word (a whole word, ignoring case)?
    fn judges(&self, sentence: &str) -> bool {
        let sentence = sentence.to_lowercase();
        self.judgement_ac
            .find_overlapping_iter(&sentence)
            .any(|m| contains_word(&sentence, &self.judgement[m.pattern().as_usize()]))
    }
}

/// How specific an anonymous description is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Specificity {
    /// "sources", "a source", "someone".
    Bare,
    /// "a person familiar with the matter", "officials".
    Vague,
    /// "a State Department official", "US authorities".
    Institution,
}

pub fn specificity(
    doc: &Document,
    source: crate::text::Span,
    bare_words: &[String],
) -> Specificity {
    let text = source.text(doc.prose());
    let words: Vec<&str> = text.split_whitespace().collect();
    // a capitalised word names an institution, except the sentence's first word
    // ("Sources said") unless it is itself a place, nationality or acronym
    let institution = words.iter().enumerate().any(|(i, w)| {
        let f = doc.lexicon.flags(w);
        let cap = w.chars().next().is_some_and(char::is_uppercase)
            && f & (class::FUNCTION | class::DET) == 0;
        let named = f & (class::PLACE | class::NATIONALITY | class::ORG | class::OUTLET) != 0
            || w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.');
        cap && (i > 0 || named)
    });
    if institution {
        return Specificity::Institution;
    }
    let content: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| doc.lexicon.flags(w) & class::DET == 0)
        .collect();
    let bare = |w: &str| bare_words.iter().any(|b| b.eq_ignore_ascii_case(w));
    // "Some say", "Many argue": a quantifier alone (the lexicon's determiner)
    let bare_quantifier = content.is_empty() && words.iter().any(|w| bare(w));
    if bare_quantifier || content.len() == 1 && bare(content[0]) {
        Specificity::Bare
    } else {
        Specificity::Vague
    }
}

impl Rule for AnonymousSource {
    fn check(&self, doc: &Document, sink: &mut Sink) {
        let text = doc.prose();
        let first_para = doc.text.paragraphs.iter().position(|p| !p.headline);
        let mut seen = rustc_hash::FxHashSet::default();
        // many unnamed sources in one long sentence read it once, not once each
        let mut judging = super::Memo::default();
        let mut explaining = super::Memo::default();
        let earlier = EarlierSources::new(doc);
        // where the story first speaks of a poll, read only if it counts respondents
        let first_survey = std::cell::OnceCell::new();
        let mut last_src = None;
        // the sources of quoted words, not of a term or a chant in quotation marks ("the
        // so-called “Cadillac tax”", chants of “I'm with her”): four words or more
        let speakers_of_quotes: rustc_hash::FxHashSet<usize> = doc
            .text
            .quotes
            .iter()
            .zip(&doc.quote_speakers)
            .filter(|(q, _)| q.span.text(text).split_whitespace().nth(3).is_some())
            .filter_map(|(_, s)| s.attribution)
            .collect();
        for (i, a) in doc.attributions.iter().enumerate() {
            if a.kind != SourceKind::Anonymous || !a.is_speech() || a.is_sourceless() {
                continue;
            }
            let Some(src) = a.source else { continue };
            // ", accusing …" repeats the same source; "A woman who has accused X said"
            // gives her twice, the second time with her clause (the last source taken is
            // the one a repeat can overlap: attributions come in the order of their cues)
            if seen.contains(&src)
                || last_src.is_some_and(|l: crate::text::Span| l.start == src.start)
            {
                continue;
            }
            seen.insert(src);
            last_src = Some(src);
            let desc = src.text(text);
            if self
                .o
                .allow
                .iter()
                .any(|x| x.eq_ignore_ascii_case(desc.trim()))
                || misread(doc, &earlier, i)
            {
                continue;
            }
            // a survey's respondents are unnamed by method: asked about the survey, once a
            // lower severity, and not subject to the group test ("two in three voters")
            if survey_count(doc, src) {
                let s = &doc.text.sentences[a.sentence];
                let named = first_survey
                    .get_or_init(|| first_survey_mention(doc))
                    .is_some_and(|at| at < s.span.end);
                if self.o.survey_respondents && !named {
                    sink.push(respondents_finding(sink, src, desc));
                }
                continue;
            }
            if self.on_record(doc, a) || self.speaks_as_group(doc, a, src) {
                continue;
            }
            let spec = specificity(doc, src, &self.o.bare_words);
            let mut notes: Vec<&str> = Vec::new();
            if speakers_of_quotes.contains(&i) {
                notes.push("it is quoted directly");
            }
            if Some(a.paragraph) == first_para && !doc.text.sentences[a.sentence].headline {
                notes.push("it opens the story");
            }
            // mentions are in document order: those of this sentence are one slice
            let from = doc
                .people
                .mentions
                .partition_point(|m| m.sentence < a.sentence);
            let names_someone = doc.people.mentions[from..]
                .iter()
                .take_while(|m| m.sentence == a.sentence)
                .any(|m| !src.contains(m.span));
            let sentence = doc.text.sentences[a.sentence].span;
            let judges =
                names_someone && judging.get(a.sentence, || self.judges(sentence.text(text)));
            if judges {
                notes.push("it passes judgement on a named person");
            }
            // the sentence, or the next one of its paragraph ("Officials said … They spoke
            // on condition of anonymity because …"), says why the source is unnamed: what
            // AP and Reuters ask for is there, unless the source is used for a judgement
            let next = doc
                .text
                .sentences
                .get(a.sentence + 1)
                .filter(|n| n.paragraph == a.paragraph)
                .map_or(sentence, |n| n.span);
            let explained = !judges
                && explaining.get(a.sentence, || {
                    explains_anonymity(sentence.cover(next).text(doc.lower()))
                });
            let how = match spec {
                Specificity::Bare => "a bare description, the least specific there is",
                Specificity::Vague => "a description that does not say where the source sits",
                Specificity::Institution => {
                    "a description that names an institution but not the person"
                }
            };
            let mut message = format!("claim rests on an unnamed source: {}", quoted(desc));
            if !notes.is_empty() {
                message.push_str(&format!(", and {}", notes.join(" and ")));
            }
            // where the reason is given, only the description is left to ask about
            let ask = if explained {
                "who, and in which office?"
            } else {
                "who, in which office, and why unnamed?"
            };
            let mut d = sink
                .diag(src, message)
                .label(format!("{how}: {ask}"))
                .note("AP and Reuters ask for the most specific description the source allows, and grant anonymity for information, not opinion")
                .help("name the source, or describe them as precisely as you can and say why they cannot be named");
            if explained
                || spec == Specificity::Institution && self.o.institution_softer && notes.is_empty()
            {
                d = d.severity(lower(sink.severity));
            }
            sink.push(d);
        }
    }
}

impl AnonymousSource {
    /// "a Home Office spokesman said", "officials said in a statement": an institution
    /// speaking on the record through its spokesperson or its statement.
    fn on_record(&self, doc: &Document, a: &Attribution) -> bool {
        let head = a.head.as_deref().unwrap_or("");
        super::said_in_a_statement(doc, a)
            || self
                .o
                .on_record_heads
                .iter()
                .any(|h| h.eq_ignore_ascii_case(head))
    }

    /// "Democrats said", "lawmakers accused each other", "the firms": a group acting and
    /// speaking as itself, not unnamed people; or a head that is no anonymous source
    /// the lexicon knows ("terrorists attacked", "a candidate responds"). Either is still
    /// a source when the description picks out particular people of it: "some of the
    /// women said", "several veterans said", "members who spoke with reporters afterward".
    fn speaks_as_group(&self, doc: &Document, a: &Attribution, src: crate::text::Span) -> bool {
        let head = a.head.as_deref().unwrap_or("");
        let known = doc.lexicon.flags(head) & class::ANON_HEAD != 0
            || self
                .o
                .bare_words
                .iter()
                .any(|b| b.eq_ignore_ascii_case(head));
        let group = self
            .o
            .group_heads
            .iter()
            .any(|g| g.eq_ignore_ascii_case(head));
        if known && !group {
            return false;
        }
        let desc = src.text(doc.prose());
        let first = count_word(desc);
        let subset = self
            .o
            .subset_words
            .iter()
            .any(|w| w.eq_ignore_ascii_case(first));
        // "a candidate", "one voter": one of a group the lexicon does not know as sources
        // is a person in the story, not a source; "some", "several", "two" are sources
        let singular = matches!(first.to_lowercase().as_str(), "a" | "an" | "one");
        let after = doc.prose()[src.end..]
            .split_whitespace()
            .next()
            .unwrap_or("");
        // a group the lexicon lists as sources, with a subset word: as before
        if group && subset {
            return false;
        }
        // "veteran Republicans said", "senior Tories say": a rank picks out particular
        // people; "fans told the BBC": people who spoke to a reporter
        let ranked =
            words(desc).any(|w| self.o.rank_words.iter().any(|r| r.eq_ignore_ascii_case(w)));
        let picks_out = subset && !known && !singular
            || restricted(&format!("{desc} {after}"))
            || ranked && (group || head.ends_with('s'))
            || told_reporter(doc, a);
        // other heads, or groups picked out by a clause, only as the subject of a clause
        // ("tarring a former president who is popular", "embrace activists who have
        // demanded" are objects of the story's verbs) or after its cue ("said some voters")
        !(picks_out && opens_clause(doc, src))
    }
}

/// The first word of a description after the words that approximate a count: "a" in
/// "at least a dozen members", "two" in "more than two aides", "some" in "some aides".
fn count_word(desc: &str) -> &str {
    let mut ws = desc
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .peekable();
    let mut first = ws.next().unwrap_or("");
    loop {
        let pair = |a: &str, b: &[&str], n: Option<&&str>| {
            first.eq_ignore_ascii_case(a)
                && n.is_some_and(|n| b.iter().any(|b| b.eq_ignore_ascii_case(n)))
        };
        let next = ws.peek();
        let two = pair("at", &["least", "most"], next)
            || ["more", "fewer", "less"]
                .iter()
                .any(|m| pair(m, &["than"], next));
        let one = [
            "nearly", "almost", "roughly", "around", "about", "just", "only",
        ]
        .iter()
        .any(|m| first.eq_ignore_ascii_case(m))
            && next.is_some();
        if two {
            ws.next();
        } else if !one {
            return first;
        }
        match ws.next() {
            Some(w) => first = w,
            None => return first,
        }
    }
}

/// "told the BBC", "told reporters", "told me": the source spoke to the press.
fn told_reporter(doc: &Document, a: &Attribution) -> bool {
    if !super::tells(a) {
        return false;
    }
    let text = doc.prose();
    let mut next = next_word(text, a.cue.end);
    if next.eq_ignore_ascii_case("the") {
        // "told the BBC", not "told the committee"
        let at = text[a.cue.end..]
            .find(next)
            .map_or(a.cue.end, |i| a.cue.end + i + next.len());
        next = next_word(text, at);
    } else if matches!(
        next.trim_end_matches([',', '.', ':'])
            .to_lowercase()
            .as_str(),
        "reporters" | "journalists" | "me" | "us"
    ) {
        return true;
    }
    let next = next.trim_end_matches([',', '.', ':', '’', '\'']);
    doc.lexicon.flags(next) & class::OUTLET != 0
        || next.len() >= 2 && next.chars().all(|c| c.is_ascii_uppercase())
}

/// The description starts a clause: it opens its sentence, or follows a comma, "according
/// to", a conjunction or a reporting verb, not another verb, a preposition ("as" a
/// candidate who ...) or an article; and it does not start with a participle ("Rallying
/// hundreds of workers who ...").
fn opens_clause(doc: &Document, src: crate::text::Span) -> bool {
    let k = doc.text.token_at(src.start);
    let first = src
        .text(doc.prose())
        .split_whitespace()
        .next()
        .unwrap_or("");
    if first.len() > 4 && first.ends_with("ing") {
        return false;
    }
    // the description's own sentence (a cue the grammar linked across sentences is in
    // another one)
    let own = doc.text.sentences.partition_point(|s| s.tokens.end <= k);
    if doc
        .text
        .sentences
        .get(own)
        .is_none_or(|s| k <= s.tokens.start)
    {
        return true;
    }
    let prev = doc.text.tokens[k - 1].text(doc.prose()).to_lowercase();
    const OPENERS: &[&str] = &[
        ",", ";", "—", "–", "“", "\"", "to", "that", "and", "but", "while", "even", "because",
        "if", "when", "although", "though", "so", "yet", "where", "whereas",
    ];
    doc.lexicon.flags(&prev) & class::VERB != 0 || OPENERS.contains(&prev.as_str())
}

/// A description restricted by a relative clause or a participle that says which of a
/// group spoke ("members who spoke with reporters", "veterans interviewed at rallies"):
/// particular people, left unnamed; or a share of a particular group ("many of her
/// supporters": "many voters" alone is the group).
fn restricted(desc: &str) -> bool {
    let lower = desc.to_lowercase();
    ["who", "whom", "interviewed", "familiar", "briefed"]
        .iter()
        .any(|w| contains_word(&lower, w))
        || lower.starts_with("many of ")
}

/// The whitespace-separated word that follows `at` in `text` ("" at the end).
fn next_word(text: &str, at: usize) -> &str {
    text[at..].split_whitespace().next().unwrap_or("")
}

/// Words a sentence uses when it says why a source is unnamed (the full list of reasons is
/// `anonymity-unexplained`'s; these are the words every one of them contains).
const ANONYMITY_REASON_WORDS: &[&str] = &[
    "anonymity",
    "anonymously",
    "not authorized",
    "not authorised",
    "n't authorized",
    "n’t authorized",
    "n't authorised",
    "n’t authorised",
    "to be named",
    "to be identified",
    "not be named",
    "not be identified",
    "for fear of",
    "declined to speak on the record",
    "declined to be quoted",
    "refused to be named",
    "refused to be identified",
    "would not be named",
    "would not be identified",
];

/// Does this lowercased sentence say why its source is unnamed?
fn explains_anonymity(lower_sentence: &str) -> bool {
    ANONYMITY_REASON_WORDS
        .iter()
        .any(|w| lower_sentence.contains(w))
}

/// Words before a description that make it the object of a preposition, not the
/// speaker: "a letter to platform committee members calls for", "shared via file-sharing
/// services".
const OBJECT_PREPOSITIONS: &[&str] = &[
    "to",
    "of",
    "about",
    "for",
    "with",
    "via",
    "from",
    "into",
    "onto",
    "on",
    "at",
    "among",
    "against",
    "toward",
    "towards",
    "than",
    "like",
    "over",
    "under",
    "between",
    "through",
    "across",
    "including",
    "without",
    "upon",
];

/// The grammar took for an anonymous source something an editor would not query:
/// attribution `i` of `doc` sits in a headline, counts a survey's respondents, names a
/// person after a long title, is an object rather than a speaker, or repeats a source
/// already described. Shared by the anonymity rules.
pub fn not_a_source(doc: &Document, earlier: &EarlierSources, i: usize) -> bool {
    let a = &doc.attributions[i];
    a.source.is_none_or(|src| survey_count(doc, src)) || misread(doc, earlier, i)
}

/// [`not_a_source`] without the survey test: the grammar's source is no source an editor
/// would query at all (a survey's respondents are asked about, by anonymous-source).
fn misread(doc: &Document, earlier: &EarlierSources, i: usize) -> bool {
    let a = &doc.attributions[i];
    let Some(src) = a.source else { return true };
    in_headline(doc, a.sentence)
        // "Editor’s note: An article on Monday, citing law enforcement officials, …"
        || doc.text.paragraphs[doc.text.sentences[a.sentence].paragraph].note
        // "Insiders: Trump will rebound": a headline's label, whatever ends the line
        || a.form == CueForm::Colon && doc.text.sentences[a.sentence].headline
        || names_a_person(doc, src)
        || coordinates_a_name(doc, src)
        || gives_named_examples(src.text(doc.prose()))
        || denies_speakers(src.text(doc.prose()))
        || illustrated_by_a_name(doc, i)
        || headlinese(doc, a)
        || inside_a_named_account(doc, i)
        || super::reported_by_a_named_source(doc, i)
        || shown_with_its_handle(doc, a)
        || apposed_to_a_name(doc, src, a.sentence)
        || named_after_its_clause(doc, src, a.sentence)
        || a.form == CueForm::Verb && is_object(doc, src, a.sentence) && !absolute(doc, a, src)
        || garbled(doc, src)
        || earlier.repeats(doc, i)
        || repeats_description(doc, i)
        || reports_an_exchange(doc, a)
        || judges_without_a_claim(doc, a)
        || hypothetical(doc, a)
        || passive_cue(doc, a)
        || in_interview_answer(doc, a)
}

/// "A: I came home and a neighbor told me they had been taken away": an interviewee's
/// answer tells their own story; the people in it are no sources of the reporter's.
fn in_interview_answer(doc: &Document, a: &Attribution) -> bool {
    let p = &doc.text.paragraphs[a.paragraph];
    let text = p.span.text(doc.prose());
    text.trim_start().starts_with('A') && super::transcript_turn(text)
}

/// "officials said … officials said": the same description as a source already reported
/// in the paragraph (compared without its article or determiner). The editor queries it
/// once; each repetition is the same query. In another paragraph it may be other people.
fn repeats_description(doc: &Document, i: usize) -> bool {
    let a = &doc.attributions[i];
    let Some(src) = a.source else { return false };
    let key = description_key(src.text(doc.prose()));
    // the attributions before it, back to the paragraph's start and at most REPEAT_WINDOW
    // of them: a repeat sits close by, and a long paragraph of sources stays linear
    let from = i.saturating_sub(REPEAT_WINDOW);
    !key.is_empty()
        && doc.attributions[from..i].iter().any(|e| {
            e.anonymous
                && e.paragraph == a.paragraph
                && !in_headline(doc, e.sentence)
                && e.source
                    .is_some_and(|s| s != src && description_key(s.text(doc.prose())) == key)
        })
}

/// How many attributions back [`repeats_description`] looks.
const REPEAT_WINDOW: usize = 24;

/// "the", "this", "that", "these", "those", in any case: a description that points back.
fn definite(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "the" | "this" | "that" | "these" | "those"
    )
}

/// A description's words, lowercased, without a leading article or determiner.
fn description_key(desc: &str) -> String {
    let ws: Vec<String> = words(desc).map(str::to_lowercase).collect();
    let skip = usize::from(
        ws.first()
            .is_some_and(|w| matches!(w.as_str(), "a" | "an") || definite(w)),
    );
    ws[skip..].join(" ")
}

/// "Officials who made statements … were mocked and criticized": the cue is a passive
/// ("were criticized", "was widely praised", "were mocked and criticized") whose subject
/// is what was criticized, not who criticized it.
fn passive_cue(doc: &Document, a: &Attribution) -> bool {
    // "are saying", "is calling" are progressive; "was hotly criticized by critics" has
    // its source after the cue, as the agent
    let verb = a
        .cue
        .text(doc.prose())
        .split_whitespace()
        .next()
        .unwrap_or("");
    if verb.ends_with("ing") || a.source.is_none_or(|s| s.end > a.cue.start) {
        return false;
    }
    let k = doc.text.token_at(a.cue.start);
    let from = doc.text.sentences[a.sentence].tokens.start;
    let before: Vec<String> = doc.text.tokens[from.max(k.saturating_sub(4))..k]
        .iter()
        .rev()
        .map(|t| t.text(doc.prose()).to_lowercase())
        .collect();
    let is_be = |w: &str| {
        matches!(
            w,
            "was" | "were" | "is" | "are" | "be" | "been" | "being" | "am" | "get" | "got"
        )
    };
    let adverbs = before.iter().take_while(|w| w.ends_with("ly")).count();
    let rest = &before[adverbs..];
    match rest {
        [be, ..] if is_be(be) => true,
        // "were mocked and criticized"
        [and, part, be, ..] if and == "and" && part.ends_with("ed") && is_be(be) => true,
        _ => false,
    }
}

/// "an Iowa voter asked if she would", "people told him he could not": a question asks
/// nothing of the reader and a remark to a person in the story is an event the story
/// reports, not a claim resting on the source ("told me", "told reporters" still are);
/// so are a chant and a retweet.
fn reports_an_exchange(doc: &Document, a: &Attribution) -> bool {
    // a crowd's chant and a forwarded post are events too: "some protesters chanted “…”",
    // "aides retweeted their support"
    if a.verb.starts_with("ask") || a.verb.starts_with("chant") || a.verb.starts_with("retweet") {
        return true;
    }
    if !super::tells(a) {
        return false;
    }
    let k = doc.text.token_at(a.cue.end);
    doc.text.tokens.get(k).is_some_and(|t| {
        t.span().start >= a.cue.end
            && matches!(
                t.text(doc.prose()).to_lowercase().as_str(),
                "him" | "her" | "them" | "you"
            )
    })
}

/// "some might say insignificant", "Some may criticise his talk", "Some may recall":
/// speech that might be, the writer's own aside; no one said anything.
fn hypothetical(doc: &Document, a: &Attribution) -> bool {
    let Some(src) = a.source.filter(|s| s.end <= a.cue.start) else {
        return false;
    };
    let between = &doc.lower()[src.end..a.cue.start];
    let mut words = between
        .split_whitespace()
        .filter(|w| !matches!(*w, "well" | "also" | "even"));
    matches!(words.next(), Some("might" | "may" | "could")) && words.next().is_none()
}

/// "his critics denounced him", "the move was criticized by left-leaning economists",
/// "Republican supporters decried the lack of details": a verb of praise or blame with
/// nothing said after it (no "that", colon or quotation in its sentence, no quotation
/// opening the next) reports how a group reacted, an act the story tells; no claim rests
/// on the group. "Critics said that …" still does, and so does a quantifier's judgement
/// ("some are criticizing it").
fn judges_without_a_claim(doc: &Document, a: &Attribution) -> bool {
    const JUDGES: &[&str] = &[
        "critici", "denounc", "attack", "slam", "blast", "prais", "condemn", "mock", "lambast",
        "rebuk", "decr", "hail", "welcom", "applaud", "cheer", "ridicul", "derid", "jeer",
    ];
    if !JUDGES.iter().any(|j| a.verb.starts_with(j)) {
        return false;
    }
    // "some are criticizing it as a photo op", "criticised by many in his own party": a
    // quantifier's judgement is the weasel an editor asks about, not a group's act
    let first = a
        .source
        .map(|s| s.text(doc.lower()))
        .and_then(|t| t.split_whitespace().next())
        .unwrap_or("");
    if matches!(first, "some" | "many" | "most" | "several" | "few") {
        return false;
    }
    let sentence = &doc.text.sentences[a.sentence];
    let after = crate::text::Span::new(a.cue.end, sentence.span.end.max(a.cue.end));
    let rest = after.text(doc.prose());
    let says = rest.contains(['“', '"', ':'])
        || rest
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w.eq_ignore_ascii_case("that"));
    // "A Republican committee aide blasted the statement. ¶ “Their deceptive announcement
    // …”": a quotation opening the next sentence, here or in the next paragraph, may be
    // the judge's own words
    let quoted_next = doc.text.sentences.get(a.sentence + 1).is_some_and(|n| {
        n.paragraph <= sentence.paragraph + 1
            && n.span
                .text(doc.prose())
                .trim_start()
                .starts_with(['“', '"'])
    });
    !says && !quoted_next
}

/// A headline, as headlines are written: with no full stop (a first line that ends with
/// one is the story's first sentence, whatever the layout). Its story says it again.
fn in_headline(doc: &Document, sentence: usize) -> bool {
    let s = &doc.text.sentences[sentence];
    // (a summary deck's sentences end with stops: "ABSTRACT. Politicians say …")
    s.headline
        && (doc.text.paragraphs[s.paragraph].deck
            || !s
                .span
                .text(doc.prose())
                .trim_end()
                .ends_with(['.', '!', '?', '”', '"']))
}

/// The words of `span`, split on anything but letters, digits and the marks inside
/// numbers and contractions.
fn words(text: &str) -> impl DoubleEndedIterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || matches!(c, ',' | '.' | '\'' | '’')))
        .map(|w| w.trim_matches(|c: char| matches!(c, ',' | '.' | '\'' | '’')))
        .filter(|w| !w.is_empty())
}

fn is_numeral(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit())
}

/// The finding for a survey's respondents: what an editor asks of a poll figure. Where
/// the story has just named a survey (`named`), only what else a poll story owes.
fn respondents_finding(sink: &Sink, src: crate::text::Span, desc: &str) -> Diagnostic {
    let label = "unnamed by method, and no poll or survey is named before them: whose survey is it, when did it run, how many were asked and what is its margin of error?";
    sink.diag(
        src,
        format!("claim rests on a survey's respondents: {}", quoted(desc)),
    )
    .label(label)
    .note(
        "AP and Reuters give a poll's sponsor, dates, sample and margin of error with its figures",
    )
    .help("name the survey where its figures are first given")
    .severity(lower(sink.severity))
}

/// Where the story first speaks of a poll or survey, as a byte offset into its prose:
/// respondents counted after it are that survey's ("In a Pew survey released on Monday,
/// 58 percent of voters said"; "The poll is out. … Two in three said"). `None` when it
/// never does. Read once per document, and only when a count of respondents is found.
fn first_survey_mention(doc: &Document) -> Option<usize> {
    let lower = doc.lower();
    // the nouns: "Of the 1,204 members polled" says a poll was taken, not whose
    ["poll", "polls", "survey", "surveys", "polling"]
        .iter()
        .filter_map(|w| find_word(lower, w))
        .min()
}

/// "three in five said", "6 in 10 voters said", "1,409 teachers said", "58 percent of
/// voters said": a poll's or a count's respondents, whose finding the story sources to
/// the poll, not people who could have been named.
fn survey_count(doc: &Document, src: crate::text::Span) -> bool {
    const PROPORTION: &[&str] = &["majority", "minority", "proportion"];
    let text = doc.prose();
    // the description without its relative clause or its examples: "Republicans, who
    // hold a 54-person majority," and "economists - including a minority of the Fed's
    // committee -" say nothing of how many spoke
    let desc = src.text(text);
    const CUTS: &[&str] = &[
        ", who",
        ", which",
        ", whose",
        ", that",
        ", including",
        "- including",
        "— including",
        "– including",
        ", like",
        ", such as",
    ];
    let core = before_first(desc, CUTS);
    let ws: Vec<&str> = words(core).collect();
    let lower: Vec<String> = ws.iter().map(|w| w.to_lowercase()).collect();
    let count = |w: &str| is_numeral(w) || number_word(w);
    // "one in four", "6 in 10", "three out of five" (not "one man in Manchester")
    let in_ratio = lower.windows(3).any(|t| {
        t[1] == "in" && count(&t[0]) && count(&t[2])
            || t[0] == "out" && t[1] == "of" && count(&t[2])
    });
    // "6 in [10 voters]": the span starts inside the ratio
    // read backwards: collecting every word before the source made a long draft of
    // anonymous sources quadratic
    let before: Vec<&str> = words(&text[..src.start]).rev().take(2).collect();
    let ratio_before = before.first().is_some_and(|w| w.eq_ignore_ascii_case("in"))
        && before
            .get(1)
            .is_some_and(|w| is_numeral(w) || doc.lexicon.flags(w) == 0 && number_word(w));
    // a count too large to be people the reporter spoke to: not a year ("2016 Democrats")
    // nor a number inside a compound ("the 71-year-old diplomat")
    let first_token = core.split_whitespace().next().unwrap_or("");
    let big_count = ws.first().is_some_and(|w| {
        let year = w.len() == 4 && (w.starts_with("19") || w.starts_with("20"));
        is_numeral(w)
            && !year
            && !first_token.contains('-')
            && w.replace(',', "").parse::<u64>().map_or(true, |n| n >= 20)
    });
    // "a majority of voters", not "the committee's minority" (a party)
    let share = lower
        .windows(2)
        .any(|t| PROPORTION.contains(&t[0].as_str()) && t[1] == "of");
    // "three-quarters said the same", "half of voters said": a fraction of people counted
    let first_lower = first_token.to_lowercase();
    let fraction = matches!(
        first_lower.rsplit('-').next().unwrap_or(""),
        "half" | "third" | "thirds" | "quarter" | "quarters" | "fifth" | "fifths"
    );
    in_ratio
        || ratio_before
        || big_count
        || share
        || fraction
        || lower
            .iter()
            .any(|w| w == "percent" || SURVEYED.contains(&w.as_str()))
        || poll_margin_after(doc, src)
}

/// "supporters of Donald Trump say by 55%-41% that …", "…, 76% to 21%": a poll's margin
/// after the source in its sentence counts the group's answers.
fn poll_margin_after(doc: &Document, src: crate::text::Span) -> bool {
    let Some(si) = doc.text.sentence_at(src.start) else {
        return false;
    };
    // a margin follows within a clause or two; a bounded look keeps a sentence of many
    // sources linear
    const REACH: usize = 300;
    let text = doc.prose();
    let end = doc.text.sentences[si].span.end.max(src.end);
    let end = crate::text::line_index::floor_boundary(text, end.min(src.end + REACH));
    has_margin(&text[src.end..end.max(src.end)])
}

/// Does `s` hold two percentages joined as a margin: "55%-41%", "76% to 21%" (not a
/// change, "from 70% to 49%", nor a range, "between 5% and 9%")?
fn has_margin(s: &str) -> bool {
    s.match_indices('%').any(|(at, _)| {
        let number = s[..at].trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
        let digits_before = number.len() < at
            && !number.trim_end().ends_with("from")
            && !number.trim_end().ends_with("between");
        let rest = &s[at + 1..];
        let rest = rest
            .strip_prefix('-')
            .or_else(|| rest.strip_prefix('–'))
            .or_else(|| rest.strip_prefix(" to "));
        let second = rest.is_some_and(|r| {
            let n = r.chars().take_while(char::is_ascii_digit).count();
            n > 0 && r[n..].starts_with('%')
        });
        digits_before && second
    })
}

/// Words that say the people were asked by a survey ("almost half of respondents", "Cuban
/// Americans polled").
const SURVEYED: &[&str] = &["respondents", "polled", "surveyed"];

fn number_word(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
    )
}

/// "former secretary of state Jane Roe", "club director of rugby Ann Bell": a title
/// before a name the document knows as a person's.
fn names_a_person(doc: &Document, src: crate::text::Span) -> bool {
    let text = doc.prose();
    let end = src.start + src.text(text).trim_end_matches([',', ' ']).len();
    doc.people.starting_within(src).iter().any(|m| {
        // "the finance minister, Tom Reid MSP,": the name apposed inside the description
        // ("an official, speaking to the BBC's Paul Adams," ends with a name, not its own)
        // ("a former candidate -- John McCain, who lost in 2008 --": set off by dashes too)
        let before = &text[src.start..m.span.start];
        let trimmed = before.trim_end();
        let set_off = trimmed.ends_with([',', '—', '–'])
            || trimmed.ends_with(" -")
            || trimmed.ends_with("--");
        // "the former top aide to President Ann Bell", "a spokesman for Ann Bell": the
        // name is the object of a preposition, whose aide or spokesman the source is
        let title_start = m.title.map_or(m.span.start, |t| t.start);
        let object = text[src.start..title_start]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "to" | "for" | "of" | "with" | "at" | "from" | "by" | "near"
                )
            });
        if object {
            return false;
        }
        m.span.end == src.end
            || m.span.end == end && !before.contains(',')
            || set_off && m.words.len() >= 2
    })
}

/// "One of Grayson's former supporters who still backs Randolph, former Colorado Rep.
/// Pat Schroeder, lives in …": the description's relative clause ends at a comma, and a
/// name (with its title) set off by commas right after it is who the description is.
fn named_after_its_clause(doc: &Document, src: crate::text::Span, sentence: usize) -> bool {
    use crate::text::line_index::floor_boundary;
    /// How far past the description its clause may run.
    const CLAUSE: usize = 80;
    let text = doc.prose();
    let end = doc.text.sentences[sentence].span.end;
    let rest = &text[src.end..floor_boundary(text, end.min(src.end + CLAUSE)).max(src.end)];
    let Some(clause) = rest.trim_start().strip_prefix("who ").map(|_| rest) else {
        return false;
    };
    let Some(comma) = clause.find(',') else {
        return false;
    };
    if clause[..comma].contains([';', ':', '“', '"', '(']) {
        return false;
    }
    let from = src.end + comma + 1;
    let window = crate::text::Span {
        start: from,
        end: floor_boundary(text, end.min(from + CLAUSE)).max(from),
    };
    doc.people.starting_within(window).iter().any(|m| {
        let title_start = m.title.map_or(m.span.start, |t| t.start);
        let before = &text[from..title_start];
        m.words.len() >= 2
            && before.split_whitespace().count() <= 3
            && !before.contains([',', '.'])
            && text[m.span.end..].trim_start().starts_with(',')
    })
}

/// "Mr. Xi and other leaders", "several candidates, including Ann Bell,": a name
/// coordinated with the description, or given as its members, makes the source named
/// ("aides to Ann Bell" stays anonymous: the name only says whose aides).
fn coordinates_a_name(doc: &Document, src: crate::text::Span) -> bool {
    let text = doc.prose();
    doc.people
        .starting_within(src)
        .iter()
        .take_while(|m| m.span.end <= src.end)
        .any(|m| {
            let k = doc.text.token_at(m.span.start);
            let before = k
                .checked_sub(1)
                .and_then(|p| doc.text.tokens.get(p))
                .filter(|t| t.span().start >= src.start)
                .map(|t| t.text(text).to_lowercase());
            let after = next_word(text, m.span.end).to_lowercase();
            // a person's name, not a capitalised word ("Democratic and independent")
            let person = m.words.len() >= 2
                || doc
                    .people
                    .persons
                    .get(m.person)
                    .is_some_and(|p| p.evidence > 0);
            let title_start = m.title.map_or(m.span.start, |t| t.start);
            // (an item of a list: "Ms. Toretti, Mrs. Rao and other bundlers")
            person && title_start == src.start && matches!(after.as_str(), "and" | "&" | ",")
                || person && matches!(before.as_deref(), Some("including" | "and" | "&" | ","))
                || person && names_an_example(&text[src.start..title_start])
        })
}

/// Does the description end in a marker of an example, the name that follows being one
/// of the people described ("Some observers, including University of North Carolina
/// professor", "Some candidates — for instance, Sen.")? The marker's phrase runs to the
/// name with no comma after it but the marker's own.
fn names_an_example(before_name: &str) -> bool {
    // ("like" only after a comma: "people who like Ann Lee" has its verb)
    const MARKERS: &[&str] = &[
        "including",
        ", like",
        "such as",
        "for instance",
        "for example",
        "among them",
    ];
    let lower = before_name.to_lowercase();
    MARKERS.iter().any(|m| {
        lower.rfind(m).is_some_and(|at| {
            let word_start =
                at == 0 || !lower[..at].ends_with(char::is_alphanumeric) || m.starts_with(',');
            let rest = lower[at + m.len()..].trim_start_matches(',');
            word_start
                && rest.starts_with(char::is_whitespace)
                && !rest.contains([',', ';', '—', '–'])
                && rest.split_whitespace().count() <= 10
        })
    })
}

/// "Few politicians would ever admit this", "few are calling for rollback", "no one
/// said": a quantifier that denies there are speakers; nothing rests on them ("a few
/// aides said" has some).
fn denies_speakers(desc: &str) -> bool {
    let first = desc.split_whitespace().next().unwrap_or("");
    ["few", "fewer", "no", "none", "nobody", "neither"]
        .iter()
        .any(|q| first.eq_ignore_ascii_case(q))
}

/// "Other agencies, such as the Asian Development Bank,", "retailers - including HMV,
/// Monsoon and Tesco -": a group whose examples, set off by a comma or a dash, are named
/// (persons or not) is no anonymous source. An example that is one capitalised plural
/// ("including Muslims, Christians and Jews", "like Democrats") names no one.
fn gives_named_examples(desc: &str) -> bool {
    const SET_OFF: &[&str] = &[
        ", including ",
        "- including ",
        "— including ",
        "– including ",
        ", such as ",
        ", like ",
        ", among them ",
        // "The aides, led by campaign manager Terry Sullivan,": named by their leader
        ", led by ",
        ", headed by ",
    ];
    // (a relative clause's "who, like many of the Democrats interviewed," gives none)
    let desc = before_first(desc, &[", who", ", which"]);
    // "experts like Paul Bauman": a plural's "like" needs no comma ("people who like Ann
    // Lee" has its verb)
    let plural_like = desc.find(" like ").filter(|&at| {
        desc[..at]
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"))
    });
    let Some(after) = SET_OFF
        .iter()
        .filter_map(|m| desc.find(m).map(|at| &desc[at + m.len()..]))
        .chain(plural_like.map(|at| &desc[at + " like ".len()..]))
        .next()
    else {
        return false;
    };
    let after = after.strip_prefix("the ").unwrap_or(after);
    let first = after
        .split([',', '—', '–', '('])
        .next()
        .unwrap_or("")
        .split(" and ")
        .next()
        .unwrap_or("");
    let words: Vec<&str> = first.split_whitespace().collect();
    let capitalised = |w: &str| w.starts_with(char::is_uppercase);
    match words.as_slice() {
        [] => false,
        // ("Reuters" ends in "s" too: a single capitalised plural is taken for a group)
        [one] => capitalised(one) && (!one.ends_with('s') || one.chars().all(|c| c.is_uppercase())),
        // a run of two capitalised words: "campaign manager Terry Sullivan", "Sen. Ted
        // Cruz of Texas", "the Asian Development Bank"
        many => many
            .windows(2)
            .any(|p| capitalised(p[0]) && capitalised(p[1])),
    }
}

/// "Some election experts said the problems were a miscalculation. [¶] “They made some
/// horrendous mistakes,” said Helen Purcell, a professor of law": a group's claim
/// whose very next sentence a named person makes is the summary news writes before its
/// named example, and the group no source an editor would query; so is the quotation
/// that opens the next paragraph ("Critics said … ¶ “…,” screenwriter Cole Haddon
/// wrote"), a paragraph that opens otherwise going on with the story. Not one unnamed person,
/// nor a confidential source's description ("sources", "people familiar with the talks",
/// "officials who spoke on condition of anonymity").
fn illustrated_by_a_name(doc: &Document, i: usize) -> bool {
    const CONFIDENTIAL: &[&str] = &[
        "familiar",
        "close to",
        "briefed",
        "anonymity",
        "authoriz",
        "knowledge",
        "privately",
    ];
    let a = &doc.attributions[i];
    let Some(src) = a.source_full.or(a.source) else {
        return false;
    };
    // the heads of insiders, whose claims are theirs whoever speaks next
    const INSIDERS: &[&str] = &[
        "sources",
        "officials",
        "authorities",
        "aides",
        "advisers",
        "advisors",
        "diplomats",
        "insiders",
        "investigators",
        "people",
        "associates",
        "allies",
        "confidants",
    ];
    let head = a.head.as_deref().unwrap_or("");
    // ("some who advocate free speech", "many in the party": a quantifier heads people)
    let group = head.ends_with('s') && !head.ends_with("ss")
        || matches!(head, "some" | "many" | "most" | "several");
    let lower = src.text(doc.lower());
    if !group || INSIDERS.contains(&head) || CONFIDENTIAL.iter().any(|c| lower.contains(c)) {
        return false;
    }
    // the example is a person the story names there for the first time (not a
    // pronoun, a description resolved to someone, or a person already in the story)
    let introduced = |b: &crate::grammar::Attribution| {
        b.source.is_some_and(|s| {
            doc.people.starting_within(s).iter().any(|m| {
                let first = doc.people.persons[m.person].mentions.first();
                first.is_some_and(|&f| doc.people.mentions[f].sentence == b.sentence)
            })
        })
    };
    let example = |b: &crate::grammar::Attribution| {
        b.is_speech() && b.kind == SourceKind::Person && introduced(b)
    };
    // the next sentence's first few attributions, found by halving (attributions are in
    // text order): a sentence of thousands of sources stays linear
    let next = doc
        .attributions
        .partition_point(|b| b.sentence <= a.sentence);
    let in_next_sentence = doc.attributions[next..]
        .iter()
        .take(4)
        .take_while(|b| b.sentence == a.sentence + 1)
        .any(example);
    // or the quotation that opens the next paragraph, spoken by its first attribution
    // within three sentences: "Critics said … ¶ “…,” screenwriter Cole Haddon wrote."
    // (a paragraph that opens otherwise goes on with the story, not with an example)
    let opens_next_paragraph = || {
        let from = doc
            .attributions
            .partition_point(|b| b.paragraph <= a.paragraph);
        let Some(b) = doc.attributions.get(from) else {
            return false;
        };
        let p = &doc.text.paragraphs[b.paragraph];
        let quoted = p.span.text(doc.prose()).starts_with(['“', '"', '‘', '\'']);
        b.paragraph == a.paragraph + 1 && quoted && b.sentence < p.sentences.start + 3 && example(b)
    };
    in_next_sentence || opens_next_paragraph()
}

/// "…, official says, helped global economy", "British diplomat praises …": a singular
/// noun with no article is how headlines and decks speak (a story's body writes "an
/// official said"), and the story says who it is; whatever ends the line.
fn headlinese(doc: &Document, a: &Attribution) -> bool {
    let Some(src) = a.source else { return false };
    let head = a.head.as_deref().unwrap_or("");
    let words = src.text(doc.lower()).split_whitespace();
    let bare = words.clone().next().is_some_and(|w| {
        !matches!(
            w,
            "a" | "an"
                | "the"
                | "one"
                | "another"
                | "this"
                | "that"
                | "each"
                | "every"
                | "no"
                | "his"
                | "her"
                | "its"
                | "their"
                | "our"
                | "my"
                | "your"
        ) && !w.ends_with("'s")
            && !w.ends_with("’s")
            && !w.starts_with(|c: char| c.is_ascii_digit())
    });
    // a person noun in the singular, as WordNet has it ("official", "analyst"; not
    // "many", "police", "staff", "women")
    let singular = !crate::grammar::plural_word(head)
        && crate::lexicon::heads::head_class(head)
            == Some(crate::lexicon::heads::HeadClass::Person);
    bare && singular && words.count() <= 3 && doc.people.starting_within(src).is_empty()
}

/// "One activist tweeted:" over an embedded post whose author's handle shows
/// ("— DMV Black Lives (@DMVBlackLives)", or its markup's `author="@DMVBlackLives"`):
/// the post names its author.
fn shown_with_its_handle(doc: &Document, a: &Attribution) -> bool {
    let text = doc.prose();
    let introduces = text[a.cue.end..].trim_start().starts_with(':')
        && doc.text.sentences[a.sentence].span.end <= a.cue.end + 2;
    let Some(next) = doc
        .text
        .paragraphs
        .get(a.paragraph + 1)
        .filter(|_| introduces)
    else {
        return false;
    };
    // read in the file as written: an embed's markup (`<tweet author="@…">`) is
    // blanked in the prose, but names the post's author as plainly as its text does
    // (from the colon on: the paragraph's own span starts after the blanked markup)
    let post = &doc.text.source[a.cue.end..next.span.end];
    post.match_indices('@').any(|(at, _)| {
        let handle = post[at + 1..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_');
        // an e-mail address has its name before the "@"
        let alone = post[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        handle && alone
    })
}

/// "Trump supporters ripped them away …, calling her “leftist scum,” she said in an
/// interview": the group's words are part of a named person's account, which a trailing
/// attribution gives the whole sentence; the claim rests on her.
fn inside_a_named_account(doc: &Document, i: usize) -> bool {
    let a = &doc.attributions[i];
    let text = doc.prose();
    let after = doc
        .attributions
        .partition_point(|b| b.sentence <= a.sentence);
    let Some(last) = doc.attributions[i + 1..after].last() else {
        return false;
    };
    let named = last.kind == SourceKind::Person
        || last.kind == SourceKind::Pronoun && last.speaker.is_some();
    let sentence_end = doc.text.sentences[a.sentence].span.end;
    // ", she said in an interview.", ", according to Buchanan.": the account closes the
    // sentence, after a comma
    let trailing = match last.form {
        CueForm::Verb => last.source.filter(|s| s.end <= last.cue.start),
        CueForm::Prepositional => last.source.map(|s| crate::text::Span {
            start: last.cue.start,
            end: s.end,
        }),
        _ => None,
    };
    let closes = |s: crate::text::Span| {
        let before = text[a.cue.end..s.start.max(a.cue.end)]
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '”' | '\'' | '"' | '’'));
        let tail = &text[s.end..sentence_end.max(s.end)];
        // a name or a pronoun ("a point Feinstein acknowledged" is a clause of its own)
        let bare = !["a ", "an ", "the "]
            .iter()
            .any(|d| s.text(doc.lower()).starts_with(d));
        s.start > a.cue.end
            && bare
            && before.ends_with(',')
            && !tail.contains([',', ':', '“', '"'])
            && tail.split_whitespace().count() <= 6
    };
    named && trailing.is_some_and(closes)
}

/// "Jane Roe, a lawyer who represents the club, said": the description is an
/// appositive of the name right before its comma.
fn apposed_to_a_name(doc: &Document, src: crate::text::Span, sentence: usize) -> bool {
    let k = doc.text.token_at(src.start);
    if k < doc.text.sentences[sentence].tokens.start + 2 {
        return false;
    }
    let comma = &doc.text.tokens[k - 1];
    if comma.text(doc.prose()) != "," {
        return false;
    }
    // "Lance Beebe, 49, a Navy veteran": an age between the name and its appositive
    let mut j = k - 2;
    let age = |t: &crate::text::Token| {
        t.text(doc.prose())
            .starts_with(|c: char| c.is_ascii_digit())
    };
    if age(&doc.text.tokens[j])
        && j >= doc.text.sentences[sentence].tokens.start + 2
        && doc.text.tokens[j - 1].text(doc.prose()) == ","
    {
        j -= 2;
    }
    let name_end = doc.text.tokens[j].span().end;
    let from = doc
        .people
        .mentions
        .partition_point(|m| m.span.end < name_end);
    doc.people
        .mentions
        .get(from)
        .is_some_and(|m| m.span.end == name_end)
}

/// The token right before the description is a preposition or a reporting verb: the
/// description is an object ("a letter to [members] calls for", "emphasizes [selling]").
fn is_object(doc: &Document, src: crate::text::Span, sentence: usize) -> bool {
    let k = doc.text.token_at(src.start);
    // the word before, in the same sentence ("0 comment" ending the line before is not)
    if k <= doc.text.sentences[sentence].tokens.start {
        return false;
    }
    let Some(prev) = doc.text.tokens.get(k - 1) else {
        return false;
    };
    let w = prev.text(doc.prose());
    OBJECT_PREPOSITIONS
        .iter()
        .any(|p| w.eq_ignore_ascii_case(p))
        || doc.lexicon.flags(w) & class::VERB != 0 && !w.ends_with(',')
}

/// "with 47 percent of voters saying …": the subject of an absolute clause, whose
/// participle cue follows it, not the object of "with".
fn absolute(doc: &Document, a: &Attribution, src: crate::text::Span) -> bool {
    let k = doc.text.token_at(src.start);
    let with = k
        .checked_sub(1)
        .and_then(|p| doc.text.tokens.get(p))
        .is_some_and(|t| t.text(doc.prose()).eq_ignore_ascii_case("with"));
    with && a.cue.start >= src.end
        && doc.prose()[src.end..a.cue.start].trim().is_empty()
        && a.verb.ends_with("ing")
}

/// A span the grammar cut across a clause: it holds a verb or a contraction ("he’d",
/// "members don’t", "means including people"). Only the description before its first
/// comma counts: a closed appositive or relative clause after it ("an official, who
/// spoke on condition of anonymity,") is part of the source and has verbs of its own.
fn garbled(doc: &Document, src: crate::text::Span) -> bool {
    let text = src.text(doc.prose());
    // the description before its comma and its relative clause ("advisers who have run
    // the numbers" has its own verbs)
    let core = text.split(',').next().unwrap_or(text);
    let core = before_first(core, &[" who ", " whom ", " whose ", " which "]);
    // "Obama [rebuked critics] who say": a reporting verb in the past swallowed into the
    // description ("alleged victims" is a description)
    let first = words(core).next().unwrap_or("");
    if first.starts_with(char::is_lowercase)
        && first != "alleged"
        && doc.lexicon.flags(first) & class::VERB_PAST != 0
        && words(core).nth(1).is_some()
    {
        return true;
    }
    words(core).any(|w| {
        let l = w.to_lowercase();
        let apostrophe = l.contains('\'') || l.contains('’');
        let possessive = crate::text::possessive::is_possessive(&l);
        apostrophe && !possessive
            || doc.lexicon.flags(&l) & class::AUX != 0
            || matches!(l.as_str(), "means" | "meant")
    })
}

/// The anonymous sources of a document, indexed once: which head words they have, from
/// which sentence on, and in which sentences. Asking each source whether an earlier one
/// matches by walking every attribution before it is quadratic in a long document; a
/// unit test holds the index to that plain walk.
pub struct EarlierSources {
    /// The first sentence with an anonymous source of each (singular) head word.
    first_by_head: rustc_hash::FxHashMap<Option<String>, usize>,
    /// The sentences with an anonymous source, in order.
    sentences: Vec<usize>,
}

impl EarlierSources {
    pub fn new(doc: &Document) -> Self {
        let mut first_by_head = rustc_hash::FxHashMap::default();
        let mut sentences = Vec::new();
        for e in doc
            .attributions
            .iter()
            .filter(|e| e.anonymous && e.source.is_some())
        {
            let first = first_by_head
                .entry(e.head.as_deref().map(singular))
                .or_insert(e.sentence);
            *first = (*first).min(e.sentence);
            sentences.push(e.sentence);
        }
        sentences.sort_unstable();
        EarlierSources {
            first_by_head,
            sentences,
        }
    }

    /// "The official added", "the person said": attribution `i` is a definite description
    /// of a source the article described before (with the same head word anywhere before,
    /// or any anonymous source in the three sentences before). That source was reported
    /// there.
    pub fn repeats(&self, doc: &Document, i: usize) -> bool {
        let a = &doc.attributions[i];
        if !definite_source(doc, a) {
            return false;
        }
        let same_head = self
            .first_by_head
            .get(&a.head.as_deref().map(singular))
            .is_some_and(|&s| s < a.sentence);
        let before = self.sentences.partition_point(|&s| s < a.sentence);
        same_head || before > 0 && self.sentences[before - 1] + 3 >= a.sentence
    }
}

/// Whether attribution `a`'s source opens with a definite determiner, or follows one the
/// grammar left out of its span ("That [person] said").
fn definite_source(doc: &Document, a: &Attribution) -> bool {
    let Some(src) = a.source else { return false };
    let first = words(src.text(doc.prose())).next().unwrap_or("");
    let k = doc.text.token_at(src.start);
    let before = if k > doc.text.sentences[a.sentence].tokens.start {
        doc.text.tokens[k - 1].text(doc.prose())
    } else {
        ""
    };
    definite(first) || definite(before)
}

/// The plain walk [`EarlierSources::repeats`] answers for, kept for its test.
#[cfg(test)]
fn repeats_earlier_source(doc: &Document, i: usize) -> bool {
    let a = &doc.attributions[i];
    if !definite_source(doc, a) {
        return false;
    }
    let head = a.head.as_deref().map(singular);
    doc.attributions[..i].iter().any(|e| {
        e.anonymous
            && e.source.is_some()
            && e.sentence < a.sentence
            && (e.head.as_deref().map(singular) == head || e.sentence + 3 >= a.sentence)
    })
}

/// "officials" -> "official", "people" -> "person" (the heads compared as one word).
pub fn singular(head: &str) -> String {
    let h = head.to_lowercase();
    match h.as_str() {
        "people" => "person".into(),
        _ => h
            .strip_suffix('s')
            .filter(|s| !s.ends_with('s'))
            .map(str::to_string)
            .unwrap_or(h),
    }
}

fn lower(s: Severity) -> Severity {
    match s {
        Severity::Error => Severity::Warning,
        _ => Severity::Info,
    }
}

/// `text` up to the first of `markers` in it (all of it when none occurs): a description
/// without its relative clause or its examples.
fn before_first<'a>(text: &'a str, markers: &[&str]) -> &'a str {
    markers
        .iter()
        .filter_map(|m| text.find(m))
        .min()
        .map_or(text, |i| &text[..i])
}

/// Does `hay` contain `w` (both lowercased) as a whole word?
fn contains_word(hay: &str, w: &str) -> bool {
    find_word(hay, w).is_some()
}

/// Where `w` first occurs in `hay` (both lowercased) as a whole word.
fn find_word(hay: &str, w: &str) -> Option<usize> {
    hay.match_indices(w)
        .find(|(i, m)| {
            !hay[..*i].ends_with(|c: char| c.is_alphanumeric())
                && !hay[i + m.len()..].starts_with(|c: char| c.is_alphanumeric())
        })
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{lint, spans};

    #[test]
    fn earlier_sources_index_answers_as_the_plain_walk() {
        let cfg = crate::config::Config::builtin().expect("built-in config");
        let text = "Officials said the plan was late. The official added that costs rose. \
            A source said it would close. Ann Lee said it would not.\n\n\
            Critics say the bridge is unsafe. The critics added more. Mr Obi said so. \
            The person said nothing. This source said the talks stalled. Analysts say \
            rates rise. He said so. She said so. Residents said no. The residents agreed, \
            the analyst said.";
        let doc = crate::analysis::Document::new("draft.txt", text, &cfg);
        let earlier = super::EarlierSources::new(&doc);
        let mut repeats = 0;
        for i in 0..doc.attributions.len() {
            let plain = super::repeats_earlier_source(&doc, i);
            assert_eq!(earlier.repeats(&doc, i), plain, "attribution {i}");
            repeats += usize::from(plain);
        }
        assert!(repeats >= 2, "the text must exercise both answers");
    }

    #[test]
    fn flags_unnamed_sources_with_their_specificity() {
        let text =
            "Sources said the plan was dead. A State Department official said talks would go on.";
        let d = lint("anonymous-source", text);
        assert_eq!(
            spans(text, &d),
            vec!["Sources", "A State Department official"]
        );
        assert!(
            d[0].label
                .as_deref()
                .unwrap_or("")
                .starts_with("a bare description")
        );
        assert!(d[0].message.contains("opens the story"));
    }

    #[test]
    fn a_name_after_a_preposition_says_whose_the_source_is() {
        // the aide is unnamed; the name only says whose aide
        let text = "The river rose overnight.\n\nA former top aide to President Ann Bell said \
                    the dam would hold. People close to Ann Bell said she was calm.";
        let expected = [
            "A former top aide to President Ann Bell",
            "People close to Ann Bell",
        ];
        assert_eq!(spans(text, &lint("anonymous-source", text)), expected);
        // a description right after a named speaker is that speaker
        let text = "The river rose overnight.\n\nOne of the engineers, Tom Reed, said the dam \
                    was sound. \"It will hold,\" said the former chief engineer of the county.";
        assert!(lint("anonymous-source", text).is_empty());
    }

    #[test]
    fn a_request_rests_no_claim_on_its_unnamed_askers() {
        let text = "The river rose overnight.\n\nOfficials asked residents to leave their homes.\n\n\
                    Some have urged Republicans to focus on the general election.";
        let d = lint("anonymous-source", text);
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn named_people_institutions_and_outlets_pass() {
        let text = "The ministry said talks would go on.\n\nLiu Pengyu, the embassy spokesperson, said he was unaware of it. The White House writes that it is concerned. Reuters reported the same.";
        assert!(lint("anonymous-source", text).is_empty());
    }

    #[test]
    fn judgement_of_a_named_person_is_called_out_on_whole_words_only() {
        let said = |judgement: &str| {
            let text = format!(
                "The talks went on.\n\nAn aide said Jake Sullivan was {judgement} in the meeting."
            );
            let d = lint("anonymous-source", &text);
            assert_eq!(d.len(), 1, "{text}");
            d[0].message.contains("passes judgement on a named person")
        };
        assert!(said("incompetent"));
        assert!(said("Out Of His Depth"));
        // the word inside another word is no judgement ("mess" in "messaging")
        assert!(!said("messaging"));
        assert!(!said("calm"));
    }

    #[test]
    fn what_is_no_unnamed_source_passes() {
        for text in [
            // a question from readers
            "The poll is out.\n\nA number of readers have asked about the figure.",
            // a named person after a long title
            "The match ended level.\n\nThe result was fair, said club director of rugby Ann Bell.",
            // a name set off by dashes in the description
            "The talks ended.\n\nA former candidate -- Ann Bell, who lost in 2008 -- said they failed.",
            "The match ended level.\n\nAnn Bell, a lawyer who represents the club, said the result was fair.",
            // the object of a preposition or of a reporting verb
            "The files spread.\n\nThe files were shared via file-sharing services, the court heard.",
            "The letter is out.\n\nA letter to committee members calls for a vote.",
            // groups acting and speaking as themselves
            "The bill failed.\n\nLawmakers accused each other of stalling, and many voters say they are tired of it.",
            "Four firms bid: Arlo, Brant, Cade and Dunmore.\n\nThe firms said the tender was fair.",
            "The attack was at dawn.\n\nGunmen attacked the depot. Terrorists claimed it later.",
            // a question or a remark to a person in the story is an event
            "The meeting was long.\n\nA voter asked whether the mayor would resign. Colleagues told him he could not.",
            // a headline
            "Deal near, officials say\n\nThe talks went on all night.",
            // on the record: a spokesperson, a statement
            "The talks went on.\n\nA ministry spokeswoman said a deal was near. Union officials said in a statement that they would wait.",
            // a named person's appositive after an age
            "The ferry was late.\n\nMara Quill, 52, a nurse who takes it daily, said the delays were getting worse.",
            // the subject of a passive cue
            "The plan failed.\n\nThe directors were widely criticized for the delay.",
        ] {
            assert!(lint("anonymous-source", text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_surveys_respondents_are_asked_about_the_survey() {
        let text = "The vote is near.\n\nTwo in three said they would vote, and nearly three in five said they were sure. Of those asked, 1,204 nurses said they would strike, with 47 percent of voters saying the same. Almost half of respondents said so, and three-quarters said the same of Lee.";
        let d = lint("anonymous-source", text);
        assert_eq!(
            spans(text, &d),
            vec![
                "Two in three",
                "nearly three in five",
                "1,204 nurses",
                "47 percent of voters",
                "Almost half of respondents",
                "three-quarters"
            ]
        );
        for f in &d {
            assert!(
                f.message.contains("a survey's respondents"),
                "{}",
                f.message
            );
            assert!(f.label.as_deref().unwrap_or("").contains("margin of error"));
        }
        // respondents of a survey the story has named, in their sentence or before, are
        // that survey's: sourced, not anonymous
        for named in [
            "The race is open.\n\nIn a Pew survey released on Monday, 58 percent of voters said they were undecided. Some 30 percent said they had decided.",
            "A Pew poll is out.\n\nThe race is open, and voters are tired.\n\nJust 28 percent of voters said they had decided.",
        ] {
            let d = lint("anonymous-source", named);
            assert!(d.is_empty(), "{named}: {d:?}");
        }
        // one the story names only later is not yet named
        let later = "The race is open.\n\nJust 28 percent of voters said they had decided. The Pew poll ran in May.";
        assert_eq!(lint("anonymous-source", later).len(), 1);
        // a year, a compound number and "one man in …" are no survey's figures
        for text in [
            "The race is open.\n\n2016 Democrats said the race was open.",
            "The rally ended.\n\nOne man in Manchester said the rally was too long.",
            "The talks ended.\n\n“It is over,” the 71-year-old diplomat said.",
        ] {
            let d = lint("anonymous-source", text);
            assert!(d.iter().all(|f| !f.message.contains("survey")), "{text}");
        }
        // a newsroom may turn the question off
        assert!(
            crate::rules::testing::lint_with(
                "anonymous-source",
                "[rules.anonymous-source]\nsurvey-respondents = false\n",
                text
            )
            .is_empty()
        );
    }

    #[test]
    fn an_explained_source_is_asked_only_for_its_description() {
        for text in [
            "The talks went on.\n\nA union official, who spoke on condition of anonymity because the talks are private, said a deal was near.",
            "The talks went on.\n\nUnion officials said a deal was near. They spoke anonymously because the talks are private.",
        ] {
            let d = lint("anonymous-source", text);
            assert_eq!(d.len(), 1, "{text}");
            let label = d[0].label.as_deref().unwrap_or("");
            assert!(!label.contains("why unnamed"), "{label}");
            assert_eq!(d[0].severity, crate::diagnostic::Severity::Info);
        }
    }

    #[test]
    fn particular_people_of_a_group_are_sources() {
        for (text, span) in [
            (
                "The convent is old.\n\nSome of the women said they would stay.",
                "Some of the women",
            ),
            (
                "She is popular.\n\nMany of her Republican supporters say she should run.",
                "Many of her Republican supporters",
            ),
            (
                "The meeting was closed.\n\nThe vote was close, according to members who spoke with reporters afterward.",
                "members",
            ),
        ] {
            assert_eq!(
                spans(text, &lint("anonymous-source", text)),
                vec![span],
                "{text}"
            );
        }
        for text in [
            // one of a group the lexicon does not list as sources is a person in the story
            "The debate ended.\n\nA candidate responds that the plan is costly.",
            // the object of the story's verb, whose relative clause holds the cue
            "The row grew.\n\nShe chose to embrace activists who have demanded reform.",
            // a name coordinated with the description, or given as its members
            "The deal was signed.\n\nAnn Bell and other leaders said it was fair.",
            "The deal was signed.\n\nSeveral candidates, including Ann Bell, said it was unfair.",
        ] {
            assert!(lint("anonymous-source", text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_quantifier_alone_is_a_bare_source() {
        let text = "The plan is out.\n\nMany argue it is too late. Some say it will fail.";
        let d = lint("anonymous-source", text);
        assert_eq!(spans(text, &d), vec!["Many", "Some"]);
        for f in &d {
            assert!(
                f.label
                    .as_deref()
                    .unwrap_or("")
                    .starts_with("a bare description")
            );
        }
    }

    #[test]
    fn unnamed_advocates_are_sources() {
        let text = "The wage rises in May.\n\nOpponents say it will cost jobs. Supporters argue it will cut poverty.";
        assert_eq!(
            spans(text, &lint("anonymous-source", text)),
            vec!["Opponents", "Supporters"]
        );
    }

    #[test]
    fn a_source_is_reported_once_and_subsets_of_groups_are_sources() {
        let text = "The talks went on.\n\nA senior union official said a deal was near. The official added that the vote would be close. Some members said they would vote no.";
        let d = lint("anonymous-source", text);
        assert_eq!(
            spans(text, &d),
            vec!["A senior union official", "Some members"]
        );
    }

    #[test]
    fn ranks_and_interviews_pick_out_people_and_repeats_are_reported_once() {
        let text = "The vote was close.\n\nSenior Tories said the leader had lost the room. Residents told reporters the road had flooded twice.\n\nOfficials said the bridge was shut. Divers went down at dawn, officials said.\n\nSome drivers are saying the detour is too long.";
        assert_eq!(
            spans(text, &lint("anonymous-source", text)),
            vec!["Senior Tories", "Residents", "Officials", "Some drivers"]
        );
    }

    #[test]
    fn a_groups_poll_margin_makes_it_a_surveys_respondents() {
        assert!(super::has_margin("say by 55%-41% that"));
        assert!(super::has_margin(", 76% to 21%."));
        assert!(!super::has_margin("rose 5% last year, and 20 voters"));
        assert!(!super::has_margin("55-41"));
        assert!(!super::has_margin("should be cut from 70% to 49%."));
        let text = "The poll is out.\n\nBy a wide margin, supporters of Hillary Clinton say they should use it, 76%-21%.";
        let d = lint("anonymous-source", text);
        assert!(
            d.iter().all(|x| !x.message.contains("unnamed source")),
            "{d:?}"
        );
    }

    #[test]
    fn quoted_anonymous_source_is_called_out() {
        let text = "The talks went on.\n\n“He is a disaster,” an aide said of Jake Sullivan.";
        let d = lint("anonymous-source", text);
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("quoted directly"), "{}", d[0].message);
        // a term in quotation marks is no quotation of the source
        let text = "The talks went on.\n\nAn aide said the “Cadillac tax” would go.";
        let d = lint("anonymous-source", text);
        assert_eq!(d.len(), 1);
        assert!(
            !d[0].message.contains("quoted directly"),
            "{}",
            d[0].message
        );
    }

    #[test]
    fn the_count_word_follows_an_approximation() {
        assert_eq!(
            super::count_word("at least a dozen members of Congress"),
            "a"
        );
        assert_eq!(super::count_word("More than two aides"), "two");
        assert_eq!(super::count_word("nearly 40 percent of voters"), "40");
        assert_eq!(super::count_word("some officials"), "some");
        assert_eq!(super::count_word("about"), "about");
        assert_eq!(super::count_word(""), "");
        let d = lint(
            "anonymous-source",
            "The bill passed.\n\nAt least a dozen members of Congress said they would vote no.",
        );
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn people_in_an_interviewees_answer_are_no_sources() {
        let text = "Q: What did you find?\n\nA: I came home and a neighbor told me they had been taken away.\n\nSome officials said the raids would go on.";
        let d = lint("anonymous-source", text);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(
            spans(text, &d).iter().all(|s| s.contains("officials")),
            "{d:?}"
        );
    }

    #[test]
    fn a_group_whose_examples_are_named_is_no_anonymous_source() {
        use super::gives_named_examples as named;
        assert!(named("Other agencies, such as the Asian Development Bank,"));
        assert!(named(
            "other retailers - including HMV, Monsoon and Tesco -"
        ));
        assert!(named("Certain broadcasters, like Fox,"));
        assert!(named("The aides, led by campaign manager Terry Sullivan,"));
        assert!(named(
            "Intelligence officials — including NSA Director Adm. Michael Rogers —"
        ));
        assert!(!named(
            "Many speakers — including Muslims, Christians, Catholics, Jews —"
        ));
        assert!(!named(
            "some economists - including a minority of the Fed's committee -"
        ));
        assert!(!named("Some analysts, including those at the bank,"));
        assert!(!named("people who like Ann Lee"));
        assert!(named("experts like Paul Bauman, a Canadian geophysicist"));
        assert!(!named("experts like those at the bank"));
        assert!(!named(
            "an adviser, who, like many of the other Democrats interviewed by POLITICO,"
        ));
        let text = "Aid was pledged.\n\nOther agencies, such as the Asian Development Bank, have said that it is too early to comment. Some economists - including a minority of the bank's own committee - warn that it could fail.";
        let d = lint("anonymous-source", text);
        assert_eq!(
            spans(text, &d),
            ["Some economists - including a minority of the bank's own committee -"],
            "{d:?}"
        );
    }

    #[test]
    fn a_denied_speaker_or_a_source_given_twice_is_reported_no_more() {
        let text = "The bill passed.\n\nFew politicians would ever admit this, but the mayor says he was adrift. No one said it was easy.";
        assert!(lint("anonymous-source", text).is_empty());
        assert!(super::denies_speakers("Few politicians"));
        assert!(!super::denies_speakers("A few aides"));
        // once for the verb of her relative clause, once for the sentence's
        let text = "The case reopened.\n\nA woman who has accused the former governor of fraud said on Sunday that he called her.";
        assert_eq!(lint("anonymous-source", text).len(), 1);
    }

    #[test]
    fn a_group_whose_next_sentence_names_a_new_member_is_illustrated() {
        // the summary, then its named example
        let text = "The vote was close.\n\nSome election experts said the problems were a miscalculation.\n\n“They made some horrendous mistakes,” said Helen Purcell, a professor of law.";
        assert!(lint("anonymous-source", text).is_empty(), "{text}");
        // or the quotation that opens the next paragraph; a quantifier heads people too
        for text in [
            "The tweet was deleted.\n\nCritics said the image harked back to old stereotypes. It spread fast.\n\n“I'm impressed by his ability to insult everyone,” screenwriter Cole Haddon wrote on Twitter.",
            "The law passed.\n\nBut some who advocate free speech argue that it puts companies in a difficult spot.\n\n''We don't believe that,'' said David Greene, director for civil liberties at the Electronic Frontier Foundation.",
        ] {
            assert!(lint("anonymous-source", text).is_empty(), "{text}");
        }
        // not insiders, not a person the story already had, not a paragraph that goes on
        // with the story first
        for text in [
            "The vote was close.\n\nOfficials said the problems were a miscalculation.\n\n“We made some mistakes,” Recorder Helen Purcell said.",
            "Helen Purcell spoke first.\n\nSome voters said the lines were long.\n\n“We made some mistakes,” Purcell said.",
            "The vote was close.\n\nSome voters said the lines were long.\n\nThe polls closed late. “We made some mistakes,” Recorder Helen Purcell said.",
        ] {
            assert_eq!(lint("anonymous-source", text).len(), 1, "{text}");
        }
    }

    #[test]
    fn a_description_named_after_its_relative_clause_is_that_person() {
        let text = "The race is close.\n\nOne of Grayson’s former supporters who still backs Randolph, former Colorado Rep. Pat Schroeder, lives in his district and wrote in an email that the campaign was “tragic.”";
        assert!(lint("anonymous-source", text).is_empty(), "{text}");
        // a clause that names no one after it, even with marks of many bytes close by
        let text = "The race is close.\n\nOne of Grayson’s former supporters who still backs Randolph, a lawyer in Orlando, lives in his district and wrote in an email that the campaign was “tragic.”";
        assert_eq!(lint("anonymous-source", text).len(), 1, "{text}");
    }

    #[test]
    fn headline_speech_of_a_bare_singular_noun_is_the_storys_to_name() {
        for text in [
            "China rebuts criticism; Investment, official says, helped global economy.\n\nThe finance minister spoke on Tuesday.",
            "British diplomat praises Obama's presidency.\n\nThe ambassador spoke on Tuesday.",
        ] {
            assert!(lint("anonymous-source", text).is_empty(), "{text}");
        }
        // with an article, a possessive or in the plural it is the body's wording
        for text in [
            "The talks ended.\n\nAn official says the talks helped.",
            "The talks ended.\n\nHis lawyer says the talks helped.",
            "The talks ended.\n\nBritish diplomats say the talks helped.",
        ] {
            assert_eq!(lint("anonymous-source", text).len(), 1, "{text}");
        }
    }

    #[test]
    fn a_post_shown_with_its_authors_handle_names_its_author() {
        let text = "The group turned on Clinton.\n\nOne BLM activist tweeted:\n\nPREACH! She should be spending time convincing Rahm to resign. — DMV Black Lives (@DMVBlackLives) February 16, 2016";
        assert!(lint("anonymous-source", text).is_empty(), "{text}");
        let text = "The group turned on Clinton.\n\nOne BLM activist tweeted:\n\n<tweet tweet-author=\"@DMVBlackLives\">PREACH! She should resign.</tweet>";
        assert!(lint("anonymous-source", text).is_empty(), "{text}");
        // an e-mail address is no handle
        let text = "The group turned on Clinton.\n\nOne BLM activist tweeted:\n\nPREACH! Write to tips@example.com today.";
        assert_eq!(lint("anonymous-source", text).len(), 1, "{text}");
    }

    #[test]
    fn a_group_inside_a_named_persons_account_is_hers() {
        for text in [
            "The rally was loud.\n\nAs Ms. Nwanguma held up her sign, Trump supporters ripped it away, calling her “leftist scum,” she said in an interview.",
            "The gig ended early.\n\nA fan jumped on stage and attacked the singer, spokesman Paul Smernicki said.",
            "The vote ended.\n\nIn the end, the remaining two delegates separately pledged to support the senator, according to Ed Buchanan.",
        ] {
            assert!(lint("anonymous-source", text).is_empty(), "{text}");
        }
        // a colon's quotation, a clause of its own, or an unnamed teller is no account
        for text in [
            "The rally was loud.\n\nAsked whether the business, which friends described as miserable, hurt him, Trump said: “I hope not.”",
            "The rally was loud.\n\nSources told Politico that she did chime in, a point Feinstein also acknowledged.",
        ] {
            assert_eq!(lint("anonymous-source", text).len(), 1, "{text}");
        }
        let text = "The rally was loud.\n\nTrump supporters ripped it away, calling her “leftist scum,” a witness said.";
        let d = lint("anonymous-source", text);
        assert_eq!(spans(text, &d), ["Trump supporters", "a witness"]);
    }

    #[test]
    fn a_lede_whose_next_paragraph_names_its_person_is_delayed_identification() {
        let text = "Woman Steps Forward With Claim\n\nA woman who has accused a former governor of assault said Sunday that he called her weeks later.\n\nJuanita Broaddrick, who said he attacked her in 1978, recounted the incident on the radio.";
        assert!(lint("anonymous-source", text).is_empty(), "{text}");
        // not an insider, not a person the story had named already, not further on
        for text in [
            "Talks Stall\n\nA senior official said Sunday that talks had stalled.\n\nJuanita Broaddrick, the envoy, left the room.",
            "Juanita Broaddrick spoke first.\n\nA woman who worked for him said Sunday that he called her weeks later.\n\nJuanita Broaddrick left the room.",
            "The vote was close.\n\nIt was late.\n\nThe hall was cold.\n\nA woman who worked for him said Sunday that he called her weeks later.\n\nJuanita Broaddrick left the room.",
        ] {
            assert_eq!(lint("anonymous-source", text).len(), 1, "{text}");
        }
    }

    #[test]
    fn unnamed_people_inside_a_named_sources_report_rest_on_that_source() {
        // "Day" is a common word and a surname the census names show after "Kristen"
        let text = "Kristen Day, who leads Democrats for Life, spoke on Monday.\n\nDay said the platform shrinks the party. She added that some Democrats have called her to say they will not vote.";
        assert!(lint("anonymous-source", text).is_empty(), "{text}");
        for text in [
            // no named source reports them
            "The platform shrinks the party. Some Democrats have called her to say they will not vote.",
            // a clause of its own after the named source's words
            "Kristen Day said the platform shrinks the party, but some Democrats say they will vote.",
        ] {
            let d = lint("anonymous-source", text);
            assert_eq!(d.len(), 1, "{text}");
            assert!(
                spans(text, &d)[0].eq_ignore_ascii_case("some Democrats"),
                "{text}"
            );
        }
    }

    #[test]
    fn a_group_with_a_named_example_is_no_anonymous_source() {
        let text = "The bill passed.\n\nSome 2016 presidential candidates — for instance, Sen. Ted Cruz of Texas, who voted against it — have called for ending the department. Some observers, including Chapel Hill professor Zeynep Tufekci, said it was wrong. Some observers said it was right.";
        let d = lint("anonymous-source", text);
        assert_eq!(spans(text, &d), ["Some observers"], "{d:?}");
        assert!(super::names_an_example(
            "Some observers, including Chapel Hill professor "
        ));
        assert!(!super::names_an_example("people who like "));
        assert!(!super::names_an_example(
            "Some observers, including many in Ohio, and "
        ));
    }

    #[test]
    fn a_list_that_opens_with_names_is_named() {
        let text = "The race is close.\n\nAnn Toretti, Mary Rao and other prominent bundlers said the donors were eager.\n\nOther bundlers said the donors were eager.";
        let d = lint("anonymous-source", text);
        assert_eq!(spans(text, &d), ["Other bundlers"], "{d:?}");
    }

    #[test]
    fn a_summary_deck_is_no_story_prose() {
        only_after(
            "Terrorists mock bids\n\nABSTRACT.\n\nSome technologists say it failed.\n\nFULL TEXT.\n\nThe attack came at night. Some technologists say it failed.",
            "FULL",
            "Some technologists",
        );
    }

    /// `text` has one finding, on `source`, after `marker`.
    fn only_after(text: &str, marker: &str, source: &str) {
        let d = lint("anonymous-source", text);
        assert_eq!(spans(text, &d), [source], "{d:?}");
        assert!(d[0].span.start > text.find(marker).unwrap_or(0), "{d:?}");
    }

    #[test]
    fn speech_that_might_be_is_no_source() {
        for text in [
            "Perhaps most compelling - yet some might say insignificant - is the speed.",
            "Some may criticise his talk, but the words are backed up with actions.",
        ] {
            assert_eq!(lint("anonymous-source", text).len(), 0, "{text}");
        }
        assert_eq!(
            lint("anonymous-source", "Some say the talks will fail.").len(),
            1
        );
    }

    #[test]
    fn a_groups_praise_or_blame_is_an_act_unless_words_follow() {
        for text in [
            "The plan passed on Monday. His critics denounced him.",
            "The move was hotly criticized by left-leaning economists.",
            "Republican supporters decried the lack of details about the plan.",
        ] {
            assert_eq!(lint("anonymous-source", text).len(), 0, "{text}");
        }
        for text in [
            // what they said follows, in the sentence or as the next quotation
            "Critics denounced the plan, and critics said that it would fail.",
            "A Republican committee aide blasted the statement.\n\n“Their announcement is a stunt,” the aide added.",
            // a quantifier's judgement is the weasel an editor asks about
            "The plan is being criticised by some analysts.",
        ] {
            assert!(!lint("anonymous-source", text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_crowds_chant_is_no_claim() {
        only_after(
            "The march went on.\n\nSome protesters chanted “Rahm must go!” as they marched.\n\nSome protesters said the police lied.",
            "marched",
            "Some protesters",
        );
    }
}
