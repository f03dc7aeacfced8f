//! `unattributed-claim`: a checkable factual claim with no attribution near it.

use serde::Deserialize;

use super::{Rule, RuleDef, RuleMeta, Sink, options, transcript_turn};

use crate::analysis::Document;
use crate::grammar::np::one_of;
use crate::lexicon::WordSet;
use crate::text::{Span, TokenKind};

pub const DEF: RuleDef = RuleDef {
    meta: RuleMeta {
        id: "unattributed-claim",
        summary: "a checkable factual claim with no attribution in its sentence or paragraph",
        doc: DOC,
    },
    build: |v| Ok(Box::new(UnattributedClaim::new(options(v)?))),
};

const DOC: &str = r#"# unattributed-claim

## What it does
Points at sentences that state a checkable fact (a figure with a unit, casualties or
losses, a superlative or a record, a cause) with no attribution in the sentence or its
paragraph. It prefers silence to noise: it never reports a headline or a title-case
line, a question, a sentence inside or containing a quotation, or a figure whose
paragraph attributes anything or says where it comes from ("records show", "data show",
"a poll found"), or that follows such a paragraph in an unbroken run of figure paragraphs
("according to U.S. lobbying records"; the figures that follow go on with it). A
superlative or a record ("the worst week any campaign has had",
"a four-decade low") is the writer's judgement: only its own sentence can source it, and only when something measures it (a number that is no year,
or "ever", "since", "any" after it); one that names rather than judges, an award's
category ("won best actor") or an athlete's mark ("a personal best of 10.04 seconds"), is
no claim. A bare "200m" is a distance ("the 200m race"), not money.

## Why is this bad?
Figures, tolls, records and causes are what readers repeat and what corrections are made
of. An editor should see at a glance which of them the story asserts on its own authority.

## Example
```text
The Russians have seen significant losses of tanks and helicopters since the war began.
```
Use instead:
```text
The Russians have lost hundreds of tanks since the war began, according to Oryx, which
counts losses from photographs.
```

## Standard
Reuters Handbook, "attribution": attribute facts that are not common knowledge.

## Options
- `unit-words`: words that make a number a checkable figure ("percent", "million", "troops").
- `claim-words`: words that make a sentence a checkable claim on their own ("killed",
  "losses", "record", "largest").
- `superlatives`: words that make a claim only with a measure in the sentence (a number,
  "ever", "on record": "the largest protest since 1989").
- `causal-phrases`: phrases that assert a cause ("led to", "because of").
- `sourcing-words`: words that show a paragraph is sourced even where the grammar finds no
  attribution ("poll", "shows", "according"); such paragraphs are skipped. Any reporting
  verb in the paragraph skips it too.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    unit_words: Vec<String>,
    claim_words: Vec<String>,
    superlatives: Vec<String>,
    causal_phrases: Vec<String>,
    sourcing_words: Vec<String>,
}

struct UnattributedClaim {
    units: WordSet,
    claims: WordSet,
    superlatives: WordSet,
    sourcing: WordSet,
    /// Lowercased causal phrases, each with a searcher built once (not per sentence).
    causal: Vec<memchr::memmem::Finder<'static>>,
    /// What makes a superlative measured: " ever", " on record", …
    measures: Vec<memchr::memmem::Finder<'static>>,
}

/// How many paragraphs back [`UnattributedClaim::in_data_run`] looks for the data a
/// run of figure paragraphs goes on with.
const DATA_RUN: usize = 8;

const MEASURES: [&str; 9] = [
    " ever",
    " on record",
    " in history",
    " since ",
    " of all time",
    " in decades",
    "-decade ",
    "-year ",
    " any ",
];

/// What made a sentence a claim, which decides how near its sourcing must be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Claim {
    /// A figure or a causal link: a source anywhere in the paragraph usually covers it.
    Figure,
    /// A superlative or record ("the worst fortnight any candidate has had", "deadliest"):
    /// the writer's own judgement unless its own sentence attributes it.
    Judgement,
}

impl UnattributedClaim {
    fn new(o: Options) -> Self {
        UnattributedClaim {
            units: WordSet::new(&o.unit_words),
            claims: WordSet::new(&o.claim_words),
            superlatives: WordSet::new(&o.superlatives),
            sourcing: WordSet::new(&o.sourcing_words),
            causal: o
                .causal_phrases
                .iter()
                .map(|c| memchr::memmem::Finder::new(c.to_lowercase().as_bytes()).into_owned())
                .collect(),
            measures: MEASURES
                .iter()
                .map(|m| memchr::memmem::Finder::new(m.as_bytes()).into_owned())
                .collect(),
        }
    }

    /// The word or figure that makes the sentence a checkable claim, and which kind.
    fn trigger(&self, doc: &Document, si: usize) -> Option<(Span, Claim)> {
        let s = &doc.text.sentences[si];
        let toks = &doc.text.tokens[s.tokens.clone()];
        let text = doc.prose();
        for (k, t) in toks.iter().enumerate() {
            let w = t.text(text);
            if t.kind == TokenKind::Number {
                if self.figure_at(text, toks, k) {
                    return Some((t.span(), Claim::Figure));
                }
            } else if t.kind == TokenKind::Word
                && self.claims.contains(w)
                && !describes_the_dead(text, toks, k)
                && !one_hurt(text, toks, k)
                && !lost_contests(text, toks, k)
            {
                return Some((t.span(), Claim::Judgement));
            }
        }
        // an ASCII sentence is read from the document's lowercased copy; otherwise
        // lowercased here
        let sentence = s.span.text(text);
        let lower: std::borrow::Cow<str> = if sentence.is_ascii() {
            s.span.text(doc.lower()).into()
        } else {
            sentence.to_lowercase().into()
        };
        // "the highest office" is no claim; "the highest level ever recorded" is: a
        // measure after the superlative ("the worst week any campaign has had"), or a
        // number that is no year ("the largest merger, in 1999" measures nothing)
        let superlative = toks.iter().enumerate().find(|&(k, t)| {
            self.superlatives.contains(t.text(text))
                && !record_as_noun(text, toks, k)
                && !undetermined_superlative(text, toks, k)
        });
        if let Some((k, t)) = superlative {
            let after = t.span().end - s.span.start;
            // "a record high", "a record number": the record is itself a measure
            let record_measure = one_of(t.text(text), &["record"])
                && one_of(
                    word_at(text, toks, k + 1),
                    &[
                        "high", "highs", "low", "lows", "number", "level", "levels", "turnout",
                    ],
                );
            let measured = record_measure
                || toks
                    .iter()
                    .any(|n| n.kind == TokenKind::Number && !is_year(n.text(text)))
                || self.measures.iter().any(|m| {
                    lower
                        .get(after..)
                        .is_some_and(|l| m.find(l.as_bytes()).is_some())
                });
            if measured {
                return Some((t.span(), Claim::Judgement));
            }
        }
        for p in &self.causal {
            if let Some(at) = p.find(lower.as_bytes()) {
                let len = p.needle().len();
                if scheduled(&lower[at + len..]) {
                    continue;
                }
                let span = Span::new(s.span.start + at, s.span.start + at + len);
                return Some((span, Claim::Figure));
            }
        }
        None
    }
}

impl UnattributedClaim {
    /// Whether tokens `range` hold a reporting verb or a sourcing word ("records show",
    /// "according to", "a poll found"): sourced, even where the grammar found no
    /// attribution.
    fn sourced(&self, doc: &Document, range: std::ops::Range<usize>) -> bool {
        use crate::lexicon::class;
        let text = doc.prose();
        range.into_iter().any(|ti| {
            let t = &doc.text.tokens[ti];
            t.kind == TokenKind::Word
                && (doc.flags[ti] & (class::VERB | class::INVERTED) != 0 && !t.cap
                    || self.sourcing.contains(t.text(text)))
        })
    }

    /// Whether tokens `range` name where figures come from: a sourcing word ("according",
    /// "poll", "data", "records"), not a reporting verb (a quoted remark does not source
    /// the next paragraph's figures).
    fn sources_data(&self, doc: &Document, range: std::ops::Range<usize>) -> bool {
        let text = doc.prose();
        range.into_iter().any(|ti| {
            let t = &doc.text.tokens[ti];
            t.kind == TokenKind::Word && self.sourcing.contains(t.text(text))
        })
    }

    /// Whether paragraph `pi` goes on with data an earlier paragraph named: the
    /// paragraphs before it, back to one with a sourcing word ("according to a POLITICO
    /// analysis of FEC records", "the poll found"), all hold figures. News paragraphs run
    /// on with their data so (a poll's results over several paragraphs). Looks back at
    /// most [`DATA_RUN`] paragraphs, which keeps the rule linear in the document.
    fn in_data_run(&self, doc: &Document, pi: usize) -> bool {
        for prev in (pi.saturating_sub(DATA_RUN)..pi).rev() {
            let pp = &doc.text.paragraphs[prev];
            if pp.headline || title_case(doc, pp) {
                return false;
            }
            if self.sources_data(doc, pp.tokens.clone()) {
                return true;
            }
            if !self.has_figure(doc, pp.tokens.clone()) {
                return false;
            }
        }
        false
    }

    /// Whether the number at `k` is a figure: with a unit or a percent sign ("40
    /// percent", "$2bn" as "2bn" after "$"), or after a currency sign. "£40m" and "$2bn"
    /// are money; a bare "200m" is a distance ("the 200m race"); "63 years old" is an
    /// age, not a figure anyone would source.
    fn figure_at(&self, text: &str, toks: &[crate::text::Token], k: usize) -> bool {
        let next = word_at(text, toks, k + 1);
        let age = matches!(next, "years" | "year") && word_at(text, toks, k + 2) == "old";
        let unit = !age && (next == "%" || self.units.contains(next));
        let currency = k
            .checked_sub(1)
            .is_some_and(|p| matches!(toks[p].text(text), "$" | "£" | "€" | "¥"));
        unit || currency
    }

    /// Whether tokens `range` hold a figure (see [`UnattributedClaim::figure_at`]).
    fn has_figure(&self, doc: &Document, range: std::ops::Range<usize>) -> bool {
        let text = doc.prose();
        let toks = &doc.text.tokens[range];
        (0..toks.len()).any(|k| toks[k].kind == TokenKind::Number && self.figure_at(text, toks, k))
    }

    /// Whether sentence `si` carries its own source: an attribution, a quotation, or a
    /// reporting or sourcing word.
    fn sentence_sourced(&self, doc: &Document, si: usize) -> bool {
        let s = &doc.text.sentences[si];
        doc.attributions
            .iter()
            .any(|a| a.is_speech() && a.sentence == si)
            || doc
                .text
                .quotes
                .iter()
                .any(|q| !q.single && q.span.overlaps(s.span))
            || self.sourced(doc, s.tokens.clone())
    }
}

/// The text of token `i`, or "" past either end: the word tests below look a few
/// tokens either side of a claim word.
fn word_at<'t>(text: &'t str, toks: &[crate::text::Token], i: usize) -> &'t str {
    toks.get(i).map_or("", |t| t.text(text))
}

/// When token `k` is a casualty word ("killed", "wounded", "injured") with a word before
/// it: the index of the word before it, past adverbs ("were accidentally killed", "a
/// temporarily injured Chris Latham").
fn before_casualty_word(text: &str, toks: &[crate::text::Token], k: usize) -> Option<usize> {
    let word = |i: usize| word_at(text, toks, i);
    if k == 0 || !one_of(word(k), &["killed", "wounded", "injured"]) {
        return None;
    }
    let mut p = k - 1;
    while p > 0 && word(p).len() > 4 && word(p).to_ascii_lowercase().ends_with("ly") {
        p -= 1;
    }
    Some(p)
}

/// "families of victims killed by …", "a first-grader killed at Sandy Hook", "people who
/// were killed in police shootings", "relatives of those killed": a casualty word that
/// describes people already dead (a reduced or full relative clause) tells the story's
/// background, not a new toll. A main clause ("Two Americans were killed", "attackers
/// killed 32 people") is still a claim.
fn describes_the_dead(text: &str, toks: &[crate::text::Token], k: usize) -> bool {
    let word = |i: usize| word_at(text, toks, i);
    let Some(p) = before_casualty_word(text, toks, k) else {
        return false;
    };
    const AUX: &[&str] = &[
        "was", "were", "been", "be", "being", "is", "are", "get", "got",
    ];
    let prev = word(p);
    // "who were killed", "who have been killed", "that was killed"
    let relative = one_of(prev, AUX)
        && (1..=3).any(|back| {
            p.checked_sub(back)
                .is_some_and(|i| one_of(word(i), &["who", "that", "which"]))
        });
    // "victims killed by", "students killed at", "those killed remained": a participle
    // right after its noun, with no auxiliary and no object after it ("the flood killed
    // at least 12" has one)
    let object = one_of(word(k + 2), &["least", "most"]);
    let reduced = !object
        && !one_of(prev, AUX)
        && !one_of(prev, &[",", "and", "or", "had", "has", "have"])
        && toks[p].kind == TokenKind::Word
        && (k + 1 >= toks.len()
            || one_of(
                word(k + 1),
                &["by", "at", "in", "on", "as", "during", ",", ".", "remained"],
            ));
    relative || reduced
}

/// "he has killed himself", "injured it again", "replaced the injured Sutton", "for
/// injured flanker Jason White": one person's death or injury told as narrative, or
/// "injured" describing a player, is no toll to source.
fn one_hurt(text: &str, toks: &[crate::text::Token], k: usize) -> bool {
    let word = |i: usize| word_at(text, toks, i);
    let Some(p) = before_casualty_word(text, toks, k) else {
        return false;
    };
    let next = word(k + 1);
    if one_of(next, &["himself", "herself", "themselves", "itself", "it"]) {
        return true;
    }
    let prev = word(p);
    let determined = crate::text::possessive::is_possessive(prev)
        || one_of(
            prev,
            &["the", "a", "an", "his", "her", "their", "its", "for", "of"],
        );
    // "the injured were taken to hospital" counts casualties: a verb follows
    let noun_follows = toks.get(k + 1).is_some_and(|t| t.kind == TokenKind::Word)
        && !one_of(
            next,
            &[
                "were", "was", "are", "is", "had", "have", "being", "by", "in", "at", "on",
                "during", "and", "or", "when", "after",
            ],
        );
    determined && noun_follows
}

/// What follows a causal phrase is a verb, as in "is due to open on Friday" and "due to
/// be introduced": a schedule, not a cause. `rest` is the lowercased text after the
/// phrase. The common verbs of timetables, since a bare word could be a noun ("due to
/// injury").
fn scheduled(rest: &str) -> bool {
    const VERBS: &[&str] = &[
        "be", "start", "begin", "take", "launch", "go", "stand", "meet", "visit", "speak", "make",
        "end", "come", "announce", "welcome", "run", "open", "close", "merge", "have", "follow",
        "face", "expire", "attend", "vote", "unveil", "set", "see", "screen", "say", "reveal",
        "retire", "resume", "return", "leave", "arrive", "hold", "play", "lead", "name", "publish",
        "release", "sign", "appear", "give", "deliver", "present", "outline", "report", "testify",
        "step", "finish", "complete", "hear", "decide", "rule", "host", "join", "travel", "fly",
        "receive", "become", "get", "move", "kick", "sit",
    ];
    let next = rest
        .trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    VERBS.contains(&next)
}

/// "five losses last week", "losses in all but three contests", "early losses among
/// nonwhite voters": defeats in a race or a season, not casualties or material losses.
fn lost_contests(text: &str, toks: &[crate::text::Token], k: usize) -> bool {
    const CONTESTS: &[&str] = &[
        "contest",
        "contests",
        "primary",
        "primaries",
        "caucus",
        "caucuses",
        "nomination",
        "election",
        "elections",
        "voters",
        "votes",
        "race",
        "races",
        "delegates",
        "counties",
        "states",
        "candidate",
        "candidates",
        "campaign",
        "season",
        "games",
        "matches",
        "league",
        "streak",
        "winning",
        "won",
        "nominate",
        "strategy",
    ];
    one_of(word_at(text, toks, k), &["losses", "loss"])
        && toks.iter().any(|t| one_of(t.text(text), CONTESTS))
}

/// "a fairly centrist record of deciding cases", "his voting record": "record" as the
/// noun for what someone has done, not a record broken.
fn record_as_noun(text: &str, toks: &[crate::text::Token], k: usize) -> bool {
    let word = |i: usize| word_at(text, toks, i);
    // "the world record of 6.39 seconds" is a record all the same
    let of_what = one_of(word(k + 1), &["of"])
        && toks.get(k + 2).is_some_and(|t| t.kind != TokenKind::Number);
    let before = k.checked_sub(1).map_or("", word);
    one_of(word(k), &["record"])
        && (of_what
            || one_of(
                before,
                &[
                    "his",
                    "her",
                    "their",
                    "its",
                    "whose",
                    "track",
                    "voting",
                    "criminal",
                    "service",
                    "centrist",
                    "liberal",
                    "conservative",
                    "legislative",
                ],
            ))
}

/// A superlative that judges takes "the" or a possessive ("the best song", "Spain's
/// biggest merger"). Without one it names something: an award's category ("won best
/// actor", "a best new artist Grammy") or an athlete's mark ("a personal best of 10.04
/// seconds", "a season's best"), facts of the results, not the writer's judgement.
fn undetermined_superlative(text: &str, toks: &[crate::text::Token], k: usize) -> bool {
    // "a record 40 percent" claims a record whatever comes before it
    let w = word_at(text, toks, k);
    if !(w.ends_with("est") || one_of(w, &["best", "worst"])) {
        return false;
    }
    let before = k.checked_sub(1).map_or("", |p| word_at(text, toks, p));
    if one_of(
        before,
        &[
            "personal",
            "season's",
            "season’s",
            "season",
            "career",
            "lifetime",
        ],
    ) {
        return true;
    }
    let determined = crate::text::possessive::is_possessive(before)
        || one_of(
            before,
            &[
                "the", "its", "his", "her", "their", "our", "my", "your", "whose", "this", "that",
                "these", "those",
            ],
        );
    // "the city's second-biggest", "the very best", "the single largest": a word
    // between the determiner and the superlative
    let two_back = k.checked_sub(2).map_or("", |p| word_at(text, toks, p));
    // "third fastest in the world": a rank is as determined as "the"
    let ranked = one_of(
        before,
        &["second", "third", "fourth", "fifth", "sixth", "tenth"],
    );
    let near = ranked
        || one_of(two_back, &["the", "its", "his", "her", "their", "our"])
        || crate::text::possessive::is_possessive(two_back);
    // a number or a sentence's start before it ("Best of all, …") is no category ("" is
    // the word before the first)
    !(determined || near || before.is_empty()) && toks[k - 1].kind == TokenKind::Word
}

/// A year ("1999", "2016"), which dates a superlative without measuring it.
fn is_year(w: &str) -> bool {
    w.len() == 4
        && w.bytes().all(|b| b.is_ascii_digit())
        && (w.starts_with("19") || w.starts_with("20") || w.starts_with("18"))
}

/// A line in title case ("Trump Just Responded To Rubio With 1 Line") is a headline or a
/// caption, whatever the segmenter decided.
fn title_case(doc: &Document, p: &crate::text::Paragraph) -> bool {
    let text = doc.prose();
    let words: Vec<&str> = doc.text.tokens[p.tokens.clone()]
        .iter()
        .filter(|t| t.kind == TokenKind::Word && t.text(text).len() > 3)
        .map(|t| t.text(text))
        .collect();
    words.len() >= 3 && words.iter().all(|w| crate::text::starts_upper(w))
}

impl Rule for UnattributedClaim {
    fn check(&self, doc: &Document, sink: &mut Sink) {
        let text = doc.prose();
        let mut attributed = vec![false; doc.text.paragraphs.len()];
        for a in doc.attributions.iter().filter(|a| a.is_speech()) {
            attributed[a.paragraph] = true;
        }
        let mut quoted = vec![false; doc.text.paragraphs.len()];
        for q in doc.text.quotes.iter().filter(|q| !q.single) {
            quoted[q.paragraph] = true;
        }
        for (pi, p) in doc.text.paragraphs.iter().enumerate() {
            // an interview's "A: …" turn is the interviewee's words to its end
            if p.headline || title_case(doc, p) || transcript_turn(p.span.text(text)) {
                continue;
            }
            // an attributed or quoting paragraph sources its figures, and so does a run of
            // figure paragraphs after one that names its data (see `in_data_run`); a
            // judgement ("the worst week any campaign has had") needs a source in its own
            // sentence. Asked only once a figure is found: most paragraphs have none
            let mut para_sourced: Option<bool> = None;
            let mut figure_sourced = || {
                *para_sourced.get_or_insert_with(|| {
                    attributed[pi]
                        || quoted[pi]
                        || self.sourced(doc, p.tokens.clone())
                        || self.in_data_run(doc, pi)
                })
            };
            for si in p.sentences.clone() {
                let s = &doc.text.sentences[si];
                let st = s.span.text(text).trim_end();
                // fewer than six words: reads at most six, not the whole sentence; a turn
                // of a transcript run into one paragraph is someone's words too
                if st.ends_with('?')
                    || st.split_whitespace().nth(5).is_none()
                    || transcript_turn(st)
                {
                    continue;
                }
                let Some((trigger, claim)) = self.trigger(doc, si) else {
                    continue;
                };
                let sourced = match claim {
                    Claim::Figure => figure_sourced(),
                    Claim::Judgement => self.sentence_sourced(doc, si),
                };
                if sourced {
                    continue;
                }
                let d = sink
                    .diag(s.span, "checkable claim with no attribution in its sentence or paragraph")
                    .label(format!("{} is stated on the story's own authority", super::quoted(trigger.text(text))))
                    .help("say where the figure or claim comes from, or confirm the newsroom stands behind it");
                sink.push(d);
                break; // one per paragraph is enough to send the editor there
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lint;

    #[test]
    fn unsourced_losses_and_figures_are_reported() {
        let d = lint(
            "unattributed-claim",
            "Losses mount\n\nThe Russians have seen significant losses of tanks since the war began.\n\nThe budget grew by 40 percent last year in every region.",
        );
        assert_eq!(d.len(), 2);
    }

    #[test]
    fn figures_after_a_paragraph_that_names_its_data_go_on_with_it() {
        let sourced = "Lobbying\n\nThe group paid $1.1 million to lobby Congress, according to lobbying records.\n\nThe group also paid $1.07 million over the same period to a second firm.";
        assert!(lint("unattributed-claim", sourced).is_empty());
        // a remark in the paragraph before sources nothing, and a record needs its own
        // sentence's source
        let remark = "Budget\n\nThe mayor told reporters the budget was sound.\n\nThe budget grew by 40 percent last year in every region.";
        assert_eq!(lint("unattributed-claim", remark).len(), 1);
        let record = "Turnout\n\nTurnout was 60 percent, according to county records.\n\nIt was the highest turnout ever seen in the county, by far.";
        assert_eq!(lint("unattributed-claim", record).len(), 1);
    }

    /// `quiet` draws no finding; `claims` draws one per paragraph after its title.
    fn no_claims_then_claims(quiet: &str, claims: &str) {
        let d = lint("unattributed-claim", quiet);
        assert!(d.is_empty(), "{d:?}");
        let d = lint("unattributed-claim", claims);
        assert_eq!(d.len(), claims.matches("\n\n").count(), "{d:?}");
    }

    #[test]
    fn schedules_and_one_players_injury_are_no_claims() {
        // a cause, and the injured counted, still are
        no_claims_then_claims(
            "Rugby\n\nThe coach is due to name his side on Thursday in Edinburgh.\n\nMaloney replaced the injured Sutton at half time and scored twice.\n\nShe injured herself while performing in Chicago last week.",
            "Storm\n\nThe match was abandoned due to a bomb scare at the ground.\n\nThe injured were taken to three hospitals across the city.",
        );
    }

    #[test]
    fn award_categories_athletes_marks_and_dated_superlatives_are_no_judgements() {
        // a determined superlative measured after it, a rank, and a record high still are
        no_claims_then_claims(
            "Awards\n\nThe band won best pop act and best album at the 2004 awards in London.\n\nShe ran a personal best of 53.45 seconds to win her first indoor title.\n\nThe two executives helped him orchestrate Spain's biggest bank merger in 1999.\n\nThe key to any successful bid will be winning over the club's largest shareholders.",
            "Claims\n\nIt was the worst week any campaign has had this year, by far.\n\nHis time makes him third fastest over 800m in the world this year.\n\nShares in the group rose to a record high on Wednesday morning.",
        );
    }

    #[test]
    fn the_dead_described_and_lost_contests_are_no_claims() {
        assert!(
            lint(
                "unattributed-claim",
                "Hunt\n\nSome 270 hunts met on Saturday and only four foxes were accidentally killed by hounds."
            )
            .len()
                == 1
        );
        let background = "Vigil\n\nRelatives of victims killed by the gunman held a vigil on the town square.\n\nDozens held signs with the names of children who were killed in shootings.\n\nAfter five losses in the state contests last week, the senator won two primaries.";
        assert!(lint("unattributed-claim", background).is_empty());
        // a toll in a main clause is still a claim, and so are losses of tanks
        let tolls = "Attack\n\nTwo Americans were killed at each location on Tuesday night.\n\nAttackers killed 32 people in suicide bombings at the airport.\n\nThe Russians have seen significant losses of tanks since the war began.";
        assert_eq!(lint("unattributed-claim", tolls).len(), 3);
    }

    #[test]
    fn a_run_of_figure_paragraphs_goes_on_with_its_data_until_one_has_none() {
        let text = "Poll\n\nThe poll found 40 percent of voters backed the plan.\n\nAmong women, 52 percent backed it.\n\nAmong men, 31 percent did.\n\nThe mayor's office is on Main Street, near the old mill.\n\nThe budget grew by 40 percent last year in every region.";
        let d = lint("unattributed-claim", text);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(
            text[d[0].span.start..].starts_with("The budget grew"),
            "{d:?}"
        );
    }

    #[test]
    fn ages_and_interview_turns_are_no_claims() {
        let text = "Judge\n\nGarland is 63 years old and has a fairly centrist record on the bench.\n\nQ: Bernie says everything is working for the 1 percent and nobody gets ahead.\n\nA: Well, I think he has people afraid. I don't know how you round up 11 million people.";
        assert!(lint("unattributed-claim", text).is_empty());
        assert!(super::super::transcript_turn(
            "A: It has been about a month."
        ));
        assert!(!super::super::transcript_turn(
            "A.J. Lee raised 40 percent more."
        ));
        // "record" as what someone has done is no record broken
        let text = "Vote\n\nHer voting record of 20 years is long and mostly centrist in tone.\n\nTurnout hit a record 60 percent in the county this year.\n\nJones clocked a new UK record of 7.98 seconds at a meeting in Norway.";
        assert_eq!(lint("unattributed-claim", text).len(), 2);
    }

    #[test]
    fn attributed_questions_and_quoted_claims_pass() {
        let text = "The budget grew by 40 percent, the ministry said.\n\nDid the budget grow by 40 percent last year?\n\n“Losses were huge across the whole front,” he said.";
        assert!(lint("unattributed-claim", text).is_empty());
    }
}
