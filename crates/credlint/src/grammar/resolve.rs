//! Linking: pronoun sources to the people they stand for, and quotations to speakers.

use super::{Attribution, CueForm, QuoteSpeaker, SourceKind};
use crate::names::People;
use crate::text::{Span, TextModel, TokenKind};

fn pronoun_word(tm: &TextModel, a: &Attribution) -> String {
    a.source
        .map(|s| s.text(&tm.prose).to_ascii_lowercase())
        .unwrap_or_default()
}

/// "A woman who has accused the former president of assault said Sunday … ¶ Juanita
/// Broaddrick, who …": the delayed identification of a story's opening paragraphs, one
/// person described first and named at the start of the next paragraph, whom the story
/// has not named before, is that person. Not an insider ("a senior official", whose
/// anonymity is the point) or a confidential source.
pub fn delayed_identification(tm: &TextModel, people: &People, atts: &mut [Attribution]) {
    const INSIDER: &[&str] = &[
        "official",
        "source",
        "aide",
        "adviser",
        "advisor",
        "insider",
        "investigator",
        "person",
        "associate",
        "ally",
        "confidant",
        "diplomat",
        "officer",
    ];
    // the story's first two paragraphs (a headline the layout did not mark is one)
    let Some(opening) = tm.paragraphs.iter().position(|p| !p.headline) else {
        return;
    };
    let mut identified: Vec<(String, String)> = Vec::new();
    for a in atts.iter_mut().take_while(|a| a.paragraph <= opening + 1) {
        let Some(src) = a.source else { continue };
        let head = a.head.as_deref().unwrap_or("");
        let lower = crate::text::lowercase(src.text(&tm.prose));
        // one person, as the classifier found ("a woman", "a leading industry figure"; not
        // "a number of writers", "a group of lawyers")
        let of_many = lower
            .split(" of ")
            .nth(1)
            .and_then(|after| {
                after
                    .split_whitespace()
                    .find(|w| !matches!(*w, "the" | "his" | "her" | "its" | "their"))
            })
            .is_some_and(|w| w.ends_with('s') && !w.ends_with("ss"));
        let described = a.kind == SourceKind::Anonymous
            && !of_many
            && (lower.starts_with("a ") || lower.starts_with("an "))
            && !INSIDER.contains(&head)
            && !super::plural_word(head)
            && !lower.contains("anonymity")
            && !lower.contains("familiar");
        let Some(next) = tm.paragraphs.get(a.paragraph + 1).filter(|_| described) else {
            continue;
        };
        let opens = Span {
            start: next.span.start,
            end: next.span.start + 1,
        };
        let named = people
            .starting_within(opens)
            .iter()
            .find(|m| people.introduces(m));
        if let Some(m) = named {
            a.kind = SourceKind::Person;
            a.anonymous = false;
            a.speaker = Some(people.full_name(m));
            identified.push((head.to_string(), people.full_name(m)));
        }
    }
    if identified.is_empty() {
        return;
    }
    // "“No,” replied the witness": the same description again, definite, is the person
    for a in atts.iter_mut().filter(|a| a.kind == SourceKind::Anonymous) {
        let head = a.head.as_deref().unwrap_or("");
        let definite = a.source.is_some_and(|s| {
            s.text(&tm.prose)
                .get(..4)
                .is_some_and(|p| p.eq_ignore_ascii_case("the "))
        });
        if let Some((_, name)) = identified.iter().find(|(h, _)| definite && h == head) {
            a.kind = SourceKind::Person;
            a.anonymous = false;
            a.speaker = Some(name.clone());
        }
    }
}

/// "In a speech, a top adviser for President Obama explained why … Jason Furman, who leads
/// Mr. Obama's Council of Economic Advisers, said …": one person described, and in the
/// next sentence a person the story names there for the first time speaks, described
/// with the same noun. The description was that person's, told first and named after
/// (not "another adviser", and never a source whose anonymity the story marks).
pub fn identified_in_next_sentence(tm: &TextModel, people: &People, atts: &mut [Attribution]) {
    // the next sentence, lowercased once for all the descriptions before it (a sentence
    // of many sources stays linear)
    let mut lowered: Option<(usize, String)> = None;
    for i in 0..atts.len() {
        let a = &atts[i];
        let Some(src) = a
            .source
            .filter(|_| a.kind == SourceKind::Anonymous && a.is_speech())
        else {
            continue;
        };
        let head = a.head.as_deref().unwrap_or("");
        let lower = crate::text::lowercase(src.text(&tm.prose));
        let one = (lower.starts_with("a ") || lower.starts_with("an "))
            && !head.is_empty()
            && !super::plural_word(head)
            && !lower.contains(" of ")
            && !["anonymity", "familiar", "authoriz", "authoris", "not to be"]
                .iter()
                .any(|m| lower.contains(m));
        let Some(next) = tm.sentences.get(a.sentence + 1).filter(|_| one) else {
            continue;
        };
        if next.paragraph > a.paragraph + 1 {
            continue;
        }
        // the next sentence's first speakers, found by halving (attributions are in text
        // order), one of them a person named there for the first time
        let from = atts.partition_point(|b| b.sentence <= a.sentence);
        let speaker = atts[from..]
            .iter()
            .take(4)
            .take_while(|b| b.sentence == a.sentence + 1)
            .filter(|b| b.is_speech() && b.kind == SourceKind::Person)
            .find_map(|b| {
                let s = b.source?;
                people
                    .starting_within(s)
                    .iter()
                    .find(|m| people.introduces(m))
            });
        let Some(m) = speaker else { continue };
        let n = a.sentence + 1;
        if lowered.as_ref().is_none_or(|(k, _)| *k != n) {
            lowered = Some((n, crate::text::lowercase(next.span.text(&tm.prose))));
        }
        let said = lowered.as_ref().map_or("", |(_, t)| t.as_str());
        if same_noun_again(said, head) {
            let name = people.full_name(m);
            let a = &mut atts[i];
            a.kind = SourceKind::Person;
            a.anonymous = false;
            a.speaker = Some(name);
        }
    }
}

/// Does lowercase `sentence` use `head` (or its plural) as a whole word, not after
/// "another" or "other" ("another adviser" is someone else)?
pub(super) fn same_noun_again(sentence: &str, head: &str) -> bool {
    let words: Vec<&str> = sentence
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let plural = format!("{head}s");
    words.iter().enumerate().any(|(k, w)| {
        (*w == head || *w == plural) && !(k > 0 && matches!(words[k - 1], "another" | "other"))
    })
}

/// Resolves "he said" to the most recent named person before it, and "they said" to the
/// most recent group or institution; the pronoun takes its referent's anonymity.
pub fn pronouns(tm: &TextModel, people: &People, atts: &mut [Attribution]) {
    // "the president said": the person the article last named
    for a in atts.iter_mut() {
        if a.kind == SourceKind::Person
            && a.speaker.is_none()
            && let Some(src) = a.source
            && let Some(m) = people.last_before(src.start)
        {
            a.speaker = Some(people.full_name(m));
        }
    }
    let mut recent = Recent::new(atts);
    for i in 0..atts.len() {
        recent.advance(atts, i);
        if atts[i].kind != SourceKind::Pronoun {
            continue;
        }
        let Some(src) = atts[i].source else { continue };
        if atts[i].referent == Some(usize::MAX) {
            // resolved in the grammar ("X, who said")
            atts[i].referent = None;
            continue;
        }
        let word = pronoun_word(tm, &atts[i]);
        let para = atts[i].paragraph;
        match word.as_str() {
            // "I" outside a quotation is the writer
            "i" => atts[i].anonymous = false,
            "he" | "she" | "who" | "his" | "her" => {
                let mention = people.last_before(src.start);
                // a person source since that mention is the better antecedent
                let prior = recent.named_person_before(atts, src.start);
                let from_mention = mention.map(|m| (m.span.start, people.full_name(m)));
                let from_prior = prior.map(|p| {
                    (
                        atts[p].source.map_or(0, |s| s.start),
                        atts[p].speaker.clone().unwrap_or_default(),
                    )
                });
                // a name later in the prior speaker's own sentence is what they spoke of
                // ("Biden said of Hillary Clinton. He says …"): a subject pronoun takes
                // the subject before it
                let in_prior_sentence = |pos: usize| {
                    prior.is_some_and(|p| tm.sentence_at(pos) == Some(atts[p].sentence))
                };
                let best = match (from_mention, from_prior) {
                    (Some(m), Some(p)) => Some(if m.0 > p.0 && !in_prior_sentence(m.0) {
                        m
                    } else {
                        p
                    }),
                    (m, p) => m.or(p),
                };
                // too far back to be safe: more than a few paragraphs
                if let Some((pos, name)) = best {
                    let far = tm.paragraph_at(pos).is_some_and(|pp| para > pp + 3);
                    if !far && !name.is_empty() {
                        atts[i].speaker = Some(name);
                        atts[i].anonymous = false;
                        atts[i].referent = prior;
                    }
                }
                if atts[i].speaker.is_none() {
                    // an earlier anonymous source is the likeliest antecedent
                    if let Some(p) = recent.source.filter(|&p| atts[p].paragraph + 2 >= para) {
                        atts[i].anonymous = atts[p].anonymous;
                        atts[i].referent = Some(p);
                    } else {
                        atts[i].anonymous = false;
                    }
                }
            }
            _ => {
                // they / we: the latest non-person source nearby
                let p = recent.group.filter(|&p| atts[p].paragraph + 2 >= para);
                match p {
                    Some(p) => {
                        atts[i].anonymous = atts[p].anonymous;
                        atts[i].referent = Some(p);
                    }
                    None => atts[i].anonymous = false,
                }
            }
        }
    }
}

/// The antecedents [`pronouns`] looks back for, kept up to date as it walks the
/// attributions in order, instead of searching all the earlier ones for each pronoun (a
/// draft of N pronouns with no antecedent cost N²). Attributions come in paragraph order,
/// so the latest candidate before a pronoun is the only one that can be near enough.
struct Recent {
    /// The attributions to a named person (kinds and speakers are settled before the
    /// walk and pronouns never become persons), in order.
    named: Vec<usize>,
    /// How many of `named` come before the attribution being resolved.
    named_before: usize,
    /// The latest attribution with a source that is not a pronoun.
    source: Option<usize>,
    /// The latest with a source that is neither a pronoun nor a person.
    group: Option<usize>,
}

impl Recent {
    fn new(atts: &[Attribution]) -> Self {
        let named = (0..atts.len())
            .filter(|&i| {
                let a = &atts[i];
                a.kind == SourceKind::Person && a.speaker.is_some() && a.source.is_some()
            })
            .collect();
        Recent {
            named,
            named_before: 0,
            source: None,
            group: None,
        }
    }

    /// Moves to attribution `i`: everything before it is a candidate.
    fn advance(&mut self, atts: &[Attribution], i: usize) {
        if let Some(prev) = i.checked_sub(1) {
            let a = &atts[prev];
            if a.source.is_some() && a.kind != SourceKind::Pronoun {
                self.source = Some(prev);
                if a.kind != SourceKind::Person {
                    self.group = Some(prev);
                }
            }
        }
        while self.named.get(self.named_before).is_some_and(|&n| n < i) {
            self.named_before += 1;
        }
    }

    /// The latest attribution to a named person whose source ends by `start`. Sources
    /// come in order, so the search stops at once but for overlapping sources.
    fn named_person_before(&self, atts: &[Attribution], start: usize) -> Option<usize> {
        self.named[..self.named_before]
            .iter()
            .rev()
            .copied()
            .find(|&p| atts[p].source.is_some_and(|s| s.end <= start))
    }
}

/// The speaker of each quotation: an attribution in the sentences the quote spans,
/// "X said:" before it, and the speaker of the quote it continues. `double` holds the
/// spans of the double quotations, sorted ([`TextModel::double_quote_spans`]).
pub fn quotes(
    tm: &TextModel,
    atts: &[Attribution],
    people: &People,
    flags: &[u32],
    double: &[Span],
) -> Vec<QuoteSpeaker> {
    let mut out: Vec<QuoteSpeaker> = Vec::with_capacity(tm.quotes.len());
    // attributions come in sentence order: a sentence or paragraph range is a slice
    let in_sentences = |s0: usize, s1: usize| {
        let a = atts.partition_point(|x| x.sentence < s0);
        let b = atts.partition_point(|x| x.sentence <= s1);
        a..b.max(a)
    };
    // `double`: the double quotations in order, to tell whether a cue sits inside another
    let inside_other = |cue: Span, own: Span| {
        let i = double.partition_point(|s| s.start <= cue.start);
        i > 0 && double[i - 1] != own && double[i - 1].contains(cue)
    };
    let mut subjects = SentenceSubjects::new(tm, people, flags, double);
    let cues = CuesByPosition::new(atts);
    for q in &tm.quotes {
        let s0 = tm.sentence_at(q.span.start);
        let mut s1 = tm.sentence_at(q.span.end.saturating_sub(1)).or(s0);
        // "“Does anybody know?” Graham asked.": the quote ends its sentence and the cue
        // opens the next
        if let Some(e) = s1
            && let Some(next) = tm.sentences.get(e + 1)
            && next.paragraph == tm.sentences[e].paragraph
            && tm.sentences[e].span.end == q.span.end
            && next.span.len() < 80
        {
            s1 = Some(e + 1);
        }
        let mut best: Option<(usize, usize)> = None; // (distance, attribution)
        if let (Some(s0), Some(s1)) = (s0, s1) {
            // the nearest cue of the quotation's sentences
            best = cues.best(atts, q.span, s0, s1, |ai| {
                let a = &atts[ai];
                if !a.is_speech() || a.form == CueForm::Agentless || a.source.is_none() {
                    return None;
                }
                // "“WALLACE: …": a label opening the quotation says who speaks it
                let label = a.form == CueForm::Colon
                    && q.span.contains(a.cue)
                    && a.cue.start - q.span.start < 40;
                if !label && q.span.overlaps(a.cue) || inside_other(a.cue, q.span) {
                    return None;
                }
                let mut d = if a.cue.start >= q.span.end {
                    // "“…,” and he said": a cue after the quote speaks it only when the
                    // source or the verb comes right after the closing mark
                    let near = a.source.map_or(a.cue.start, |s| s.start.min(a.cue.start));
                    let words_between = tm
                        .prose
                        .get(q.span.end..near.max(q.span.end))
                        .is_some_and(|gap| gap.contains(char::is_alphabetic));
                    a.cue.start - q.span.end + if words_between { 2_000 } else { 0 }
                } else {
                    q.span.start.saturating_sub(a.cue.end)
                };
                // "as per CNN" names the channel; a speech verb names the speaker
                if a.form == CueForm::Prepositional {
                    d += 10_000;
                }
                Some(d)
            });
            // "Cruz railed against what he calls “the cartel”": the words are named by the
            // pronoun, and quoted as the sentence's subject's
            if let Some((_, ai)) = best
                && what_they_call(tm, &atts[ai])
                && let Some(found) = subjects.of(q.span)
                && found
                    .source
                    .zip(atts[ai].source)
                    .is_some_and(|(f, a)| f.end <= a.start)
            {
                out.push(found);
                continue;
            }
            if best.is_none()
                && q.continues().is_none()
                && let Some(found) = subjects
                    .of(q.span)
                    .or_else(|| named_right_after(tm, people, flags, q.span))
            {
                out.push(found);
                continue;
            }
            // "“…,” Reid said. “More of the quote.”": the paragraph's speaker
            if best.is_none() {
                let p = &tm.paragraphs[tm.sentences[s0].paragraph];
                let (p0, p1) = (p.sentences.start, p.sentences.end.saturating_sub(1));
                best = cues.best(atts, q.span, p0, p1, |ai| {
                    let a = &atts[ai];
                    let usable = a.is_speech()
                        && a.form != CueForm::Agentless
                        && a.source.is_some()
                        && !q.span.overlaps(a.cue)
                        && !inside_other(a.cue, crate::text::Span::default());
                    usable.then(|| {
                        if a.cue.end <= q.span.start {
                            q.span.start - a.cue.end
                        } else {
                            5_000 + a.cue.start - q.span.end
                        }
                    })
                });
            }
            // "He said:" closing the previous paragraph
            if best.is_none() {
                let p = tm.sentences[s0].paragraph;
                let first_in_para = tm.paragraphs[p].span.start == q.span.start;
                if first_in_para && p > 0 {
                    let prev = &tm.paragraphs[p - 1];
                    if tm.prose[prev.span.start..prev.span.end]
                        .trim_end()
                        .ends_with(':')
                    {
                        let last_sentence = prev.sentences.end.saturating_sub(1);
                        let range = in_sentences(last_sentence, last_sentence);
                        best = range
                            .rev()
                            .find(|&ai| atts[ai].is_speech() && atts[ai].source.is_some())
                            .map(|ai| (0, ai));
                    }
                }
            }
        }
        out.push(match best {
            Some((_, ai)) => QuoteSpeaker {
                attribution: Some(ai),
                speaker: speaker_of(tm, &atts[ai]),
                source: atts[ai].source,
            },
            None => QuoteSpeaker::default(),
        });
    }
    carry_continued(tm, &mut out);
    // "“…,” Roe said.¶“More.”": a paragraph that opens with a quotation after a paragraph
    // of attributed speech goes on in the same voice
    for (i, q) in tm.quotes.iter().enumerate() {
        // a quotation left open is anyone's guess (quote-marks reports it)
        if out[i].source.is_none() && q.closed && opens_paragraph(tm, q.span) {
            let pi = tm.sentences[tm.sentence_at(q.span.start).unwrap_or(0)].paragraph;
            if let Some(ai) = pi
                .checked_sub(1)
                .and_then(|prev| last_speaker_of(atts, prev))
            {
                out[i] = QuoteSpeaker {
                    attribution: Some(ai),
                    speaker: speaker_of(tm, &atts[ai]),
                    source: atts[ai].source,
                };
            }
        }
    }
    carry_continued(tm, &mut out);
    out
}

/// The attributions ordered by where their cues start. A quotation's speaker is the
/// cue of least score among those of a few sentences; weighing every cue of those
/// sentences for every quotation is quadratic on a sentence of thousands of both. Walked
/// outward from the quotation, nearest first, the search stops once no farther cue can
/// win, since a cue's score is never below its distance from the quotation. A unit test
/// holds it to the plain search over every cue.
struct CuesByPosition {
    /// Attribution indices by cue start (then index).
    order: Vec<usize>,
    /// The cue start of each entry of `order`.
    starts: Vec<usize>,
    /// The longest cue, in bytes: how far before its start a cue can still end.
    longest: usize,
}

impl CuesByPosition {
    fn new(atts: &[Attribution]) -> Self {
        let mut order: Vec<usize> = (0..atts.len()).collect();
        order.sort_by_key(|&i| (atts[i].cue.start, i));
        let starts = order.iter().map(|&i| atts[i].cue.start).collect();
        let longest = atts.iter().map(|a| a.cue.len()).max().unwrap_or(0);
        CuesByPosition {
            order,
            starts,
            longest,
        }
    }

    /// The (score, attribution) of least score among the attributions of sentences
    /// `s0..=s1` that `score` accepts, the lower index on a tie: what a plain loop over
    /// them in order keeps. `score` must never be below the cue's distance from `q`
    /// (0 for a cue inside it).
    fn best(
        &self,
        atts: &[Attribution],
        q: Span,
        s0: usize,
        s1: usize,
        mut score: impl FnMut(usize) -> Option<usize>,
    ) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        let mut consider = |ai: usize, best: &mut Option<(usize, usize)>| {
            if let Some(d) = score(ai)
                && best.is_none_or(|(bd, bi)| d < bd || d == bd && ai < bi)
            {
                *best = Some((d, ai));
            }
        };
        let mid = self.starts.partition_point(|&s| s < q.start);
        // cues inside the quotation or after it, nearest first
        for &ai in &self.order[mid..] {
            let a = &atts[ai];
            let distance = a.cue.start.saturating_sub(q.end);
            if a.sentence > s1 || best.is_some_and(|(bd, _)| distance > bd) {
                break;
            }
            if a.sentence >= s0 {
                consider(ai, &mut best);
            }
        }
        // cues before it, nearest start first: a cue ends at most `longest` after it starts
        for &ai in self.order[..mid].iter().rev() {
            let a = &atts[ai];
            let least = q.start.saturating_sub(a.cue.start + self.longest);
            if a.sentence < s0 || best.is_some_and(|(bd, _)| least > bd) {
                break;
            }
            if a.sentence <= s1 {
                consider(ai, &mut best);
            }
        }
        best
    }
}

/// "what he calls", "what they described as": an attribution whose source is a pronoun
/// right after "what".
fn what_they_call(tm: &TextModel, a: &Attribution) -> bool {
    a.kind == SourceKind::Pronoun
        && a.source.is_some_and(|s| {
            tm.prose[..s.start]
                .trim_end()
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .is_some_and(|w| w.eq_ignore_ascii_case("what"))
        })
}

/// Whether nothing but blanks comes before `q` in its paragraph.
fn opens_paragraph(tm: &TextModel, q: Span) -> bool {
    tm.paragraph_at(q.start).is_some_and(|p| {
        tm.prose[tm.paragraphs[p].span.start..q.start]
            .trim()
            .is_empty()
    })
}

/// The last attribution of speech with a source in paragraph `p`.
fn last_speaker_of(atts: &[Attribution], p: usize) -> Option<usize> {
    let a = atts.partition_point(|x| x.paragraph < p);
    let b = atts.partition_point(|x| x.paragraph <= p);
    (a..b.max(a)).rev().find(|&ai| {
        let x = &atts[ai];
        x.is_speech() && x.form != CueForm::Agentless && x.source.is_some()
    })
}

/// A continued quote keeps its speaker, in both directions along the chain.
fn carry_continued(tm: &TextModel, out: &mut [QuoteSpeaker]) {
    for _ in 0..2 {
        for i in 0..tm.quotes.len() {
            if out[i].source.is_some() {
                continue;
            }
            let linked = [tm.quotes[i].continues(), tm.quotes[i].continued_by()];
            if let Some(j) = linked
                .into_iter()
                .flatten()
                .find(|&j| out[j].source.is_some())
            {
                out[i] = out[j].clone();
            }
        }
    }
}

/// A speaker found with no attribution: the mention `source`, and who it is if known.
fn unattributed(speaker: Option<String>, source: Span) -> QuoteSpeaker {
    QuoteSpeaker {
        attribution: None,
        speaker,
        source: Some(source),
    }
}

/// The person whose name starts within `span`, as a speaker.
fn person_at(people: &People, span: Span) -> Option<QuoteSpeaker> {
    let m = people.starting_within(span).first()?;
    Some(unattributed(Some(people.full_name(m)), m.span))
}

/// The personal pronouns that can speak a quotation, lowercased.
const SPEAKING_PRONOUNS: &[&str] = &["he", "she", "they", "we", "i"];

/// The speaker the lowercased pronoun `lower` at `span` names: "he" and "she" the
/// person named last before it, "they", "we" and "I" someone unnamed.
fn pronoun_speaker(people: &People, lower: &str, span: Span) -> Option<QuoteSpeaker> {
    match lower {
        "he" | "she" => Some(unattributed(
            people.last_before(span.start).map(|m| people.full_name(m)),
            span,
        )),
        "they" | "we" | "i" => Some(unattributed(None, span)),
        _ => None,
    }
}

/// "“…,” Oliver barked.", "“…” she shouted": a name or a personal pronoun right after the
/// closing mark is the speaker, whatever verb (if any) the lexicon knows.
fn named_right_after(
    tm: &TextModel,
    people: &People,
    flags: &[u32],
    q: Span,
) -> Option<QuoteSpeaker> {
    let after = &tm.prose[q.end..];
    let rest = after.trim_start_matches([' ', ',', '\u{a0}']);
    // a pull quote's credit, on its line or the next: "“…” -Michelle Marks,
    // Philadelphia.", "“…”\n\n— Ada Roe"
    let rest = after
        .trim_start()
        .strip_prefix(['-', '—', '–'])
        .map_or(rest, |r| r.trim_start_matches([' ', '\u{a0}']));
    let at = q.end + (after.len() - rest.len());
    if let Some(found) = person_at(people, Span::new(at, at + 1)) {
        return Some(found);
    }
    let word_len = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    let source = Span::new(at, at + word_len);
    match &rest[..word_len] {
        // lowercase but "I": a capitalised pronoun starts another sentence
        w @ ("he" | "she" | "they" | "we" | "I") => {
            pronoun_speaker(people, &w.to_ascii_lowercase(), source)
        }
        _ => described_right_after(tm, people, flags, at),
    }
}

/// "“…!” some protesters chanted", "“…,” an angry Hollande retorted", "“…,” scoffed Ada
/// Roe": a short noun phrase ending in a name or a source's head noun, or a verb and a
/// name, right after the quotation.
fn described_right_after(
    tm: &TextModel,
    people: &People,
    flags: &[u32],
    at: usize,
) -> Option<QuoteSpeaker> {
    use crate::lexicon::class;
    let first = tm.token_at(at);
    let para_end = tm
        .paragraph_at(at)
        .map_or(first, |p| tm.paragraphs[p].tokens.end);
    let end = para_end.min(first + 4).max(first);
    for (t, (tok, &flag)) in (first..).zip(tm.tokens[first..end].iter().zip(&flags[first..end])) {
        if tok.kind != TokenKind::Word {
            return None;
        }
        let span = tok.span();
        if let Some(found) = person_at(people, span) {
            return Some(found);
        }
        if flag & HEADS != 0 && flag & class::FUNCTION == 0 && (t > first || !tok.cap) {
            return Some(unattributed(None, Span::new(at, span.end)));
        }
        // only a determiner, or lowercase words, before the head
        if tok.cap && t > first {
            return None;
        }
    }
    None
}

/// "Netanyahu rallied supporters by warning that “…”", "Politifact rated it “True”": a
/// quotation inside the writer's sentence that no attribution reaches belongs to whom
/// the sentence is about, the first person, pronoun or organisation before it outside
/// any quotation. No attribution is recorded: the sentence has no reporting verb.
///
/// The plain version, one scan of the sentence per quotation: [`SentenceSubjects`] gives
/// the same answers in one scan per sentence (a sentence of thousands of quotations made
/// this quadratic); the tests hold the two equal.
#[cfg(test)]
fn sentence_subject(
    tm: &TextModel,
    people: &People,
    flags: &[u32],
    double: &[Span],
    q: Span,
) -> Option<QuoteSpeaker> {
    let si = tm.sentence_at(q.start)?;
    let toks = tm.sentences[si].tokens.clone();
    let before_quote = toks.start..tm.token_at(q.start).clamp(toks.start, toks.end);
    // "After the debate, Roe mocked …": the subject follows an opening phrase
    let main_clause = intro_end(tm, flags, before_quote.clone()).unwrap_or(before_quote.start);
    let after_intro = main_clause..before_quote.end;
    after_intro
        .chain(before_quote.start..main_clause)
        .find(|&t| names_subject(tm, people, flags, double, t))
        .map(|t| subject_at(tm, people, flags, main_clause, t))
}

/// [`sentence_subject`] for the quotations of a text in order, remembering per sentence
/// where its main clause starts and the first token that can name a subject from the
/// sentence's start and from the main clause's, so each sentence is scanned once.
struct SentenceSubjects<'a, 't> {
    tm: &'a TextModel<'t>,
    people: &'a People,
    flags: &'a [u32],
    double: &'a [Span],
    /// The sentence the cache holds, and what it knows of it.
    sentence: Option<usize>,
    /// The token after the opening phrase's comma, when the sentence opens with one.
    intro: Option<usize>,
    /// The first subject token at or after the sentence's start, and after `intro`.
    from_start: Option<usize>,
    from_intro: Option<usize>,
}

impl<'a, 't> SentenceSubjects<'a, 't> {
    fn new(
        tm: &'a TextModel<'t>,
        people: &'a People,
        flags: &'a [u32],
        double: &'a [Span],
    ) -> Self {
        SentenceSubjects {
            tm,
            people,
            flags,
            double,
            sentence: None,
            intro: None,
            from_start: None,
            from_intro: None,
        }
    }

    /// The first token of `range` that can name the subject.
    fn first_subject(&self, range: std::ops::Range<usize>) -> Option<usize> {
        range
            .into_iter()
            .find(|&t| names_subject(self.tm, self.people, self.flags, self.double, t))
    }

    /// The subject of the sentence holding quotation `q`, as [`sentence_subject`] finds it.
    fn of(&mut self, q: Span) -> Option<QuoteSpeaker> {
        let tm = self.tm;
        let si = tm.sentence_at(q.start)?;
        let toks = tm.sentences[si].tokens.clone();
        if self.sentence != Some(si) {
            self.sentence = Some(si);
            self.intro = intro_end(tm, self.flags, toks.clone());
            self.from_start = self.first_subject(toks.clone());
            self.from_intro = self
                .intro
                .and_then(|i| self.first_subject(i.min(toks.end)..toks.end));
        }
        let quote_tok = tm.token_at(q.start).clamp(toks.start, toks.end);
        // the opening phrase counts only if its comma comes before the quotation
        let main_clause = self.intro.filter(|&i| i <= quote_tok).unwrap_or(toks.start);
        let after_intro = if main_clause == toks.start {
            self.from_start
        } else {
            self.from_intro
        };
        let found = after_intro
            .filter(|&t| t < quote_tok)
            .or(self.from_start.filter(|&t| t < main_clause))?;
        Some(subject_at(tm, self.people, self.flags, main_clause, found))
    }
}

/// Token `t` can name a sentence's subject: outside any quotation, a person's name, a
/// personal pronoun, an organisation or outlet, or a source's head noun.
fn names_subject(
    tm: &TextModel,
    people: &People,
    flags: &[u32],
    double: &[Span],
    t: usize,
) -> bool {
    use crate::lexicon::class;
    let span = tm.tokens[t].span();
    let i = double.partition_point(|s| s.start <= span.start);
    if i > 0 && double[i - 1].contains(span) {
        return false;
    }
    if !people.starting_within(span).is_empty() {
        return true;
    }
    let word = span.text(&tm.prose);
    flags[t] & class::PRONOUN != 0
        && SPEAKING_PRONOUNS.contains(&word.to_ascii_lowercase().as_str())
        || flags[t] & (class::ORG | class::OUTLET) != 0
        || flags[t] & HEADS != 0 && flags[t] & class::FUNCTION == 0
}

/// The speaker named by subject token `t` (see [`names_subject`]), the main clause
/// starting at token `main_clause`.
fn subject_at(
    tm: &TextModel,
    people: &People,
    flags: &[u32],
    main_clause: usize,
    t: usize,
) -> QuoteSpeaker {
    use crate::lexicon::class;
    let span = tm.tokens[t].span();
    if let Some(found) = person_at(people, span) {
        return found;
    }
    let word = span.text(&tm.prose);
    if flags[t] & class::PRONOUN != 0
        && let Some(found) = pronoun_speaker(people, &word.to_ascii_lowercase(), span)
    {
        return found;
    }
    if flags[t] & (class::ORG | class::OUTLET) != 0 {
        return unattributed(Some(word.to_string()), span);
    }
    // "The email went on to say: “…”", "Many reporters noted “…”": a noun phrase
    // whose head names a source
    let np = head_phrase(tm, flags, main_clause, t);
    let definite_role =
        flags[t] & class::ROLE != 0 && np.text(&tm.prose).to_ascii_lowercase().starts_with("the ");
    // "the candidate": the person the article last named
    let name = definite_role
        .then(|| people.last_before(span.start).map(|m| people.full_name(m)))
        .flatten();
    unattributed(name, np)
}

/// The lexicon's classes of source head nouns: people's roles, groups, organisations,
/// outlets and documents.
const HEADS: u32 = crate::lexicon::class::ANON_HEAD
    | crate::lexicon::class::ORG_HEAD
    | crate::lexicon::class::OUTLET_HEAD
    | crate::lexicon::class::DOC_HEAD
    | crate::lexicon::class::ROLE;

/// The noun phrase ending at head token `head`: from the main clause's start when only
/// a few words, none of them punctuation or a function word but a determiner, stand
/// between ("The GOP presidential candidate"), else the head alone.
fn head_phrase(tm: &TextModel, flags: &[u32], clause: usize, head: usize) -> Span {
    use crate::lexicon::class;
    let own = tm.tokens[head].span();
    let plain = |t: usize| {
        tm.tokens[t].kind == TokenKind::Word
            && (flags[t] & class::FUNCTION == 0 || flags[t] & class::DET != 0)
    };
    if clause <= head && head - clause < 6 && (clause..head).all(plain) {
        Span::new(tm.tokens[clause].span().start, own.end)
    } else {
        own
    }
}

/// Where the main clause starts, after an opening adverbial phrase that ends in a comma
/// ("In a letter on Monday, …", "Speaking to donors, …", "When the vote failed, …"): the
/// token after the first comma, if the sentence opens with a preposition, a
/// subordinating word or a participle.
fn intro_end(tm: &TextModel, flags: &[u32], toks: std::ops::Range<usize>) -> Option<usize> {
    use crate::lexicon::class;
    let first = tm.tokens.get(toks.start)?;
    let word = first.text(&tm.prose).to_ascii_lowercase();
    let opener = flags[toks.start] & class::PREP != 0
        || word.ends_with("ing")
        || word.ends_with("ed")
        || matches!(
            word.as_str(),
            "as" | "when"
                | "while"
                | "after"
                | "before"
                | "although"
                | "though"
                | "if"
                | "since"
                | "because"
                | "once"
                | "unlike"
                | "even"
                | "asked"
                | "later"
                | "earlier"
        );
    if !opener {
        return None;
    }
    toks.clone()
        .find(|&t| tm.tokens[t].kind == TokenKind::Punct && tm.tokens[t].text(&tm.prose) == ",")
        .map(|t| t + 1)
}

/// The name a quote's speaker goes by: the person's full name, or for an institution,
/// outlet or document, the capitalised name inside its phrase ("the White House release"
/// -> "White House").
fn speaker_of(tm: &TextModel, a: &Attribution) -> Option<String> {
    if a.speaker.is_some() {
        return a.speaker.clone();
    }
    match a.kind {
        SourceKind::Organization | SourceKind::Outlet | SourceKind::Document => {
            let text = a.source?.text(&tm.prose);
            let caps: Vec<&str> = text
                .split_whitespace()
                .filter(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && !matches!(*w, "The" | "A" | "An")
                })
                .collect();
            Some(if caps.is_empty() {
                text.to_string()
            } else {
                caps.join(" ")
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::Document;
    use crate::config::Config;

    /// Each quotation's speaker and the words of the mention that names it.
    fn speakers(text: &str) -> Vec<(Option<String>, Option<String>)> {
        let cfg = Config::builtin().expect("config");
        let doc = Document::new("t.txt", text, &cfg);
        doc.quote_speakers
            .iter()
            .map(|q| {
                (
                    q.speaker.clone(),
                    q.source.map(|s| s.text(&doc.text.prose).to_string()),
                )
            })
            .collect()
    }

    /// The cached subject finder answers as the plain one does, for every quotation:
    /// several quotations to a sentence, opening phrases before and after them, names,
    /// pronouns, heads and quotations with none.
    #[test]
    fn cached_sentence_subjects_match_the_plain_scan() {
        let texts = [
            "At the fair, Marta Oyelaran praised “the volunteers” and “the weather” and “the pies”.",
            "“First,” “second” and “third” were the words Ada Roe used on stage, and “fourth”.",
            "When the vote failed, he called it “a farce”, “a sham” and, later, “a disgrace”.",
            "Speaking “off the cuff”, the council leader, in Leeds, said the plan was “dead”.",
            "The email, sent “to all staff”, went on to promise “a fresh start”. It said “no more”.",
            "Several reporters noted “the silence”. They called it “eerie”. “Odd,” one said.",
            "In “the long run”, it is “unclear”, critics of the Harbour Trust wrote in “a letter”.",
            "Nothing here. “Alone” and “apart”, without anyone, “unsaid”.",
        ];
        let cfg = Config::builtin().expect("config");
        let mut compared = 0;
        for text in texts {
            let doc = Document::new("t.txt", text, &cfg);
            let double = doc.text.double_quote_spans();
            let mut cached =
                super::SentenceSubjects::new(&doc.text, &doc.people, &doc.flags, &double);
            for q in &doc.text.quotes {
                let plain =
                    super::sentence_subject(&doc.text, &doc.people, &doc.flags, &double, q.span);
                let fast = cached.of(q.span);
                assert_eq!(
                    plain.as_ref().map(|p| (&p.speaker, p.source)),
                    fast.as_ref().map(|p| (&p.speaker, p.source)),
                    "{text}: {}",
                    q.span.text(&doc.text.prose)
                );
                compared += usize::from(plain.is_some());
            }
        }
        assert!(compared >= 10, "only {compared} quotations had a subject");
    }

    fn named(speaker: &str, source: &str) -> (Option<String>, Option<String>) {
        (Some(speaker.to_string()), Some(source.to_string()))
    }

    #[test]
    fn a_quote_without_reporting_verb_belongs_to_the_sentences_subject() {
        // no reporting verb: the quotation is what the sentence's subject did with words
        let got = speakers(
            "At the county fair on Sunday, Marta Oyelaran thanked her volunteers for \
             “the longest summer of our lives” and left early.",
        );
        assert_eq!(got, vec![named("Marta Oyelaran", "Marta Oyelaran")]);
        // a pronoun subject names the person the article last named
        let got = speakers(
            "Dariusz Kell runs the ferry. He waved at the dock crew, promising them \
             “a calmer crossing next spring.”",
        );
        assert_eq!(got, vec![named("Dariusz Kell", "He")]);
    }

    #[test]
    fn the_sentences_subject_comes_before_the_paragraphs_other_speaker() {
        // the attribution in the paragraph's first sentence is someone else's
        let got = speakers(
            "Pia Lund said the vote would pass. Ravi Osei mocked the plan as \
             “a bridge to nowhere, built twice.”",
        );
        assert_eq!(got, vec![named("Ravi Osei", "Ravi Osei")]);
    }

    #[test]
    fn a_name_or_pronoun_right_after_the_quote_is_its_speaker() {
        // "growled" and "hollered" are no reporting verbs of the lexicon
        let got = speakers(
            "The tide rose fast.\n\n“Get the boats up the slip,” Ines Varga growled.\n\n\
             Ines Varga ran the yard. “Not tomorrow, now!” she hollered.",
        );
        assert_eq!(
            got,
            vec![
                named("Ines Varga", "Ines Varga"),
                named("Ines Varga", "she")
            ]
        );
    }

    #[test]
    fn a_pull_quotes_credit_after_a_dash_is_its_speaker() {
        // on the quotation's line or on the next, as notebooks and pull quotes print it
        let got = speakers(
            "Ines Varga ran the yard for years.\n\n“Get the boats up the slip.” -Ines Varga, \
             Portsmouth.\n\n“Not tomorrow, now!”\n\n— Tomas Reyes, the harbour engineer.",
        );
        assert_eq!(
            got,
            vec![
                named("Ines Varga", "Ines Varga"),
                named("Tomas Reyes", "Tomas Reyes")
            ]
        );
    }

    #[test]
    fn a_quotation_paragraph_goes_on_in_the_voice_of_the_paragraph_before() {
        let got = speakers(
            "“The pumps held all night,” said Tomas Reyes, the harbour engineer.\n\n\
             “We will know more once the water drops below the quay.”\n\n\
             The quay reopened on Friday.",
        );
        assert_eq!(
            got,
            vec![
                named("Tomas Reyes", "Tomas Reyes, the harbour engineer"),
                named("Tomas Reyes", "Tomas Reyes, the harbour engineer")
            ]
        );
    }

    #[test]
    fn the_subject_follows_an_opening_phrase() {
        let got = speakers(
            "After a long night with Lena Brandt, Otto Fenn praised the count as \
             “careful, slow and right.”",
        );
        assert_eq!(got, vec![named("Otto Fenn", "Otto Fenn")]);
    }

    #[test]
    fn a_noun_phrase_naming_a_source_is_the_subject() {
        let got =
            speakers("The council met at noon. The memo put the shortfall at “a third at least.”");
        assert_eq!(got, vec![(None, Some("The memo".to_string()))]);
        // a definite role is the person the article last named
        let got = speakers(
            "Nadia Petrov opened her campaign in Leeds. The candidate promised the crowd \
             “a bus every ten minutes.”",
        );
        assert_eq!(got, vec![named("Nadia Petrov", "The candidate")]);
    }

    #[test]
    fn a_cue_after_the_quote_speaks_it_only_right_after_the_closing_mark() {
        // "and he said" is a second statement; the quote is Arne Holm's
        let got = speakers(
            "Arne Holm said on Monday he “signed the letter himself,” and he said the \
             reply came late.",
        );
        assert_eq!(got, vec![named("Arne Holm", "Arne Holm")]);
    }

    #[test]
    fn what_he_calls_quotes_the_sentences_subject() {
        let got = speakers(
            "Lotte Brink campaigned against what she calls “the parking cartel” all year.",
        );
        assert_eq!(got, vec![named("Lotte Brink", "Lotte Brink")]);
    }

    #[test]
    fn a_short_description_right_after_the_quote_is_its_speaker() {
        let got = speakers(
            "The gates opened at ten.\n\n“Open the depot now!” some workers chanted at dawn.",
        );
        assert_eq!(got, vec![(None, Some("some workers".to_string()))]);
    }

    #[test]
    fn a_quote_in_a_sentence_about_no_one_has_no_speaker() {
        let got =
            speakers("The sign by the road read like a warning: “Bridge out ahead, turn back.”");
        assert_eq!(got, vec![(None, None)]);
    }
}
