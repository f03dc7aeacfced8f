//! `secondary-source`: a claim that rests on another outlet's report.

use serde::Deserialize;

use super::{Memo, Rule, RuleDef, RuleMeta, Sink, options, quoted};
use crate::analysis::Document;
use crate::grammar::{Attribution, CueForm, SourceKind};
use crate::lexicon::class;
use crate::text::Span;

pub const DEF: RuleDef = RuleDef {
    meta: RuleMeta {
        id: "secondary-source",
        summary: "a claim resting on another outlet's report",
        doc: DOC,
    },
    build: |v| Ok(Box::new(SecondarySource(options(v)?))),
};

const DOC: &str = r#"# secondary-source

## What it does
Points at claims that rest on another news organisation's reporting: "according to the
Financial Times", "The Financial Times reported", "as per CNN", "cited by CNN broadcaster",
"first reported by The Washington Post", "According to Russia's TASS state-run news agency".

Not reported: an outlet the story is about (its headline names it), promotion and notice
boxes ("READERS: …"), an outlet asking a question or announcing its own business, a host,
columnist or reporter named as speaking for themselves ("Fox News host Jo Roe said") or
an unnamed one arguing or accusing, and names that are not news outlets here: a
company's or campaign's website ("its website"), an agency that is no news agency ("the
agency said", "a former senior agency official"), a person who shares an outlet's name or
whose title holds one ("Mayor Don Guardian", "Dr Liam Fox", "CNN President Jo Roe"),
social media and the advertising trade ("media trackers", "media buying sources").
Not reported either: an outlet that is a party, acting or giving its own opinion ("the
newspaper urged the mayor to resign", "what the media then called", "accused by a reporter",
"The Post responded with a second editorial", "the AP declared her the winner"), an outlet
speaking of its own business ("CBS said it was cancelling the show", "the network said
that its editors had reviewed the complaint") or in a statement ("Fox News said in a
statement": a party's on-record word, not its reporting), a named poll an outlet paid for
("according to a CNN/ORC poll", "those polled for the Sunday Times"), and a named
source's on-record interview ("Jo Hale told Fox News that …"; an unnamed one, "an
official told CNN", rests on the outlet and is reported). An outlet is the story's
subject when its headline holds every word of its name but the generic ones ("Telegraph
to cut jobs" for "The Telegraph Group"); an acronym after a name ("the International
Energy Agency (IEA)") is not its head.

## Why is this bad?
The newsroom has not confirmed the claim itself; it repeats it. That is often fine, but an
editor should know which claims are second-hand, confirm them where they can, and make
sure the story says plainly whose reporting it is.

## Example
```text
Russia has asked China for drones, a top US official cited by CNN said.
```
Use instead: confirm with the official's office, or keep the credit and make the
second-hand nature explicit ("CNN reported, citing a US official, …").

## Standard
Reuters Handbook, "sourcing": identify reports from other media and confirm them where
possible; AP: credit other outlets' exclusive reporting.

## Options
- `own-outlets`: the newsroom's own names, never reported (for example `["Reuters"]`).
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    own_outlets: Vec<String>,
}

struct SecondarySource(Options);

impl Rule for SecondarySource {
    fn check(&self, doc: &Document, sink: &mut Sink) {
        let text = doc.prose();
        let mut seen: Vec<Span> = Vec::new();
        // one-word names of a person ("Guardian" after "Mayor Don Guardian"), looked up
        // once each, not once per outlet
        let mut people = Memo::default();
        for (i, a) in doc.attributions.iter().enumerate() {
            if !a.is_speech() {
                continue;
            }
            // the outlet itself, or the outlet a source reached the writer through
            let outlet = match (a.kind, a.source, a.via) {
                (SourceKind::Outlet, Some(s), _) => s,
                (_, _, Some(v)) => v,
                _ => continue,
            };
            let name = outlet.text(text);
            if not_a_second_hand_claim(doc, i, outlet, &mut people) {
                continue;
            }
            if self
                .0
                .own_outlets
                .iter()
                .any(|o| name.to_lowercase().contains(&o.to_lowercase()))
                || seen.iter().any(|s| s.overlaps(outlet))
            {
                continue;
            }
            seen.push(outlet);
            let span = if a.cue.start < outlet.start && outlet.start - a.cue.end < 3 {
                a.cue.cover(outlet)
            } else {
                outlet
            };
            let d = sink
                .diag(
                    span,
                    format!("claim rests on another outlet's report: {}", quoted(name)),
                )
                .label("second-hand: not confirmed by this newsroom")
                .help("confirm it independently where you can, and keep the credit explicit");
            sink.push(d);
        }
    }
}

/// Outlets named in a sentence that does not rest a claim on their report: the outlet the
/// story is about, a promotion box, an outlet's journalist asking a question or speaking
/// for themselves, an outlet's own act, opinion or statement, an outlet inside what a
/// named source reports ("He said CNN had tweeted …": the claim is the speaker's).
/// `people` remembers which one-word names the story uses for a person.
fn not_a_second_hand_claim<'d>(
    doc: &'d Document,
    i: usize,
    outlet: Span,
    people: &mut Memo<&'d str>,
) -> bool {
    let text = doc.prose();
    let a = &doc.attributions[i];
    outlet_in_headline(doc, outlet.text(text))
        || promo_paragraph(doc, a.paragraph)
        || matches!(
            a.verb.as_str(),
            "asked" | "asks" | "ask" | "asking" | "questioned" | "pressed" | "interviewed"
                // an outlet announcing its own business ("NBC announced on Tuesday")
                | "announced" | "announces"
                // an outlet's own opinion or act, which is the news ("the newspaper urged
                // the mayor to resign", "what the media then called a scandal")
                | "urged" | "urges" | "called" | "calls" | "argued" | "argues" | "admitted"
                | "endorsed" | "endorses" | "praised" | "criticized" | "criticised"
                | "condemned" | "demanded" | "accused" | "intervened" | "sued"
                // a party's reply, and a race called ("The Post responded with a second
                // critical piece", "the AP declared Clinton the presumptive nominee")
                | "responded" | "responds" | "declared" | "declares" | "projected" | "projects"
                | "apologized" | "apologised" | "retracted"
                // (and the same acts in a participle: "…, arguing he is unmoored")
                | "urging" | "calling" | "arguing" | "endorsing" | "praising" | "criticizing"
                | "criticising" | "condemning" | "demanding" | "accusing" | "responding"
        )
        || super::reported_by_a_named_source(doc, i)
        || on_record_interview(a)
        // "Fox News said in a statement": the outlet speaks as a party, on the record
        || a.kind == SourceKind::Outlet && super::said_in_a_statement(doc, a)
        || speaks_of_itself(doc, a)
        || outlet_poll(doc, outlet)
        || journalist_speaking(doc, a)
        || not_an_outlet(doc, outlet, people)
}

/// Names the outlet lists read as outlets but that are not news outlets here: a
/// website of a company or a campaign ("its website", "the company website"), an
/// agency that is not a news agency ("the World Anti-Doping Agency"), and a person
/// whose name is an outlet's ("Mayor Don Guardian" … "Guardian said").
fn not_an_outlet<'d>(doc: &'d Document, outlet: Span, people: &mut Memo<&'d str>) -> bool {
    let name = outlet.text(doc.prose());
    let mut words: Vec<&str> = name.split_whitespace().collect();
    // "the International Energy Agency (IEA)": the acronym after a name is not its head
    if words.len() > 1
        && words
            .last()
            .is_some_and(|w| w.starts_with('(') && w.ends_with(')'))
    {
        words.pop();
    }
    let Some(&last) = words.last() else {
        return false;
    };
    let named = words[1..]
        .iter()
        .any(|w| crate::text::starts_upper(w) && !matches!(*w, "The" | "Its"));
    let website = matches!(
        last.to_ascii_lowercase().as_str(),
        "website" | "site" | "page"
    ) && !named;
    let lower_last = last.to_ascii_lowercase();
    let agency = lower_last == "agency"
        && !words
            .iter()
            .any(|w| matches!(w.to_ascii_lowercase().as_str(), "news" | "press"));
    // "a former senior agency official", "Atlantic City Mayor Don Guardian", "CNN
    // President On Trump": a person, named or not, whose title holds an outlet's word
    // (a journalist reporting, "a Reuters reporter found", still rests on the outlet)
    let journalist = JOURNALISTS.contains(&lower_last.as_str());
    let titled = words.len() > 1
        && !journalist
        && (doc.lexicon.flags(last) & (class::ROLE | class::ANON_HEAD) != 0
            || words[..words.len() - 1]
                .iter()
                .any(|w| doc.lexicon.flags(w) & (class::TITLE | class::GIVEN) != 0));
    // "social media", "media trackers", "media buying sources": platforms and the trade
    // in advertising time, not newsrooms
    let media_word = words.iter().position(|w| w.eq_ignore_ascii_case("media"));
    let not_media = media_word.is_some_and(|i| {
        i > 0 && words[i - 1].eq_ignore_ascii_case("social")
            || i + 1 < words.len()
                && !matches!(
                    words[i + 1].to_ascii_lowercase().as_str(),
                    "outlets" | "outlet" | "reports" | "organizations" | "organisations"
                )
    });
    let person = words.len() == 1
        && people.get(last, || {
            doc.people
                .persons
                .iter()
                .any(|p| p.words.len() >= 2 && p.words.last().is_some_and(|l| l == last))
                || given_name_before(doc, last)
        });
    website || agency || titled || not_media || person
}

/// "Jo Hale told Fox News that …": a named source on the record, who gave the interview;
/// the outlet is only where it was given. An unnamed one ("an official told CNN") rests
/// on the outlet, and is reported.
fn on_record_interview(a: &Attribution) -> bool {
    a.kind != SourceKind::Outlet && !a.anonymous && a.via.is_some() && super::tells(a)
}

/// An outlet speaking of its own business: what it said is about itself ("CBS said it was
/// cancelling the show", "the network said that its editors had reviewed the complaint").
/// What it reported it had obtained ("reported it obtained 72 emails") is still its
/// reporting.
fn speaks_of_itself(doc: &Document, a: &Attribution) -> bool {
    use crate::lexicon::class;
    if a.verb.starts_with("report") || a.form != CueForm::Verb {
        return false;
    }
    // past a time ("said last week it was offering", "said on Tuesday that its")
    let mut after = doc.prose()[a.cue.end..]
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .skip_while(|w| {
            matches!(*w, "on" | "last" | "this" | "that" | "earlier" | "later")
                || doc.lexicon.flags(w) & class::TEMPORAL != 0
        });
    let first = after.next().unwrap_or("");
    let second = after.next().unwrap_or("").to_ascii_lowercase();
    // "it was cancelling", "it would close": its own plans. "It had been handed a
    // dossier", "it has obtained": its newsgathering, still a report
    first.eq_ignore_ascii_case("its")
        || first.eq_ignore_ascii_case("it")
            && matches!(
                second.as_str(),
                "is" | "was" | "will" | "would" | "plans" | "planned" | "intends" | "could"
            )
}

/// "according to a CNN/ORC poll", "a New York Times/CBS News survey": the claim rests on a
/// named poll, which the outlet paid for, not on its reporting.
fn outlet_poll(doc: &Document, outlet: Span) -> bool {
    let text = doc.prose();
    let is_poll = |w: &str| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase();
        w.ends_with("poll") || w == "polling" || w == "survey" || w == "polled"
    };
    // "a CNN/ORC poll" after the name; "those polled for the Sunday Times" before it
    text[outlet.end..].split_whitespace().take(4).any(is_poll)
        || text[..outlet.start]
            .split_whitespace()
            .rev()
            .take(3)
            .any(is_poll)
}

/// The outlet is the story's subject when its headline names it ("Post assembles a
/// team to investigate …"), and not as the credit for the story ("Financial Times: …",
/// "… the Post reports").
fn outlet_in_headline(doc: &Document, name: &str) -> bool {
    let name = name
        .trim_start_matches("the ")
        .trim_start_matches("The ")
        .trim();
    let text = doc.prose();
    !name.is_empty()
        && doc
            .text
            .paragraphs
            .iter()
            .take(2)
            .filter(|p| p.headline)
            .any(|p| {
                let headline = p.span.text(text);
                // "Financial Times: Russia seeks …", "… Post reports" credit the outlet
                let lower = headline.to_lowercase();
                let credit = headline.contains(&format!("{name}:"))
                    || ["report", "says", "said", "according"]
                        .iter()
                        .any(|w| lower.contains(w));
                distinctive_words_in(name, headline) && !credit
            })
}

/// Whether `headline` holds every word of an outlet's name but the generic ones: "The
/// Telegraph Group" is in "Telegraph to cut 90 jobs"; "New York Times" needs all three,
/// and "China Daily" both ("China tobacco sales rise" is not about the paper).
fn distinctive_words_in(name: &str, headline: &str) -> bool {
    const GENERIC: &[&str] = &[
        "The",
        "Group",
        "Newspaper",
        "Newspapers",
        "Magazine",
        "Agency",
    ];
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| !GENERIC.contains(w))
        .collect();
    if words.is_empty() {
        return headline.contains(name);
    }
    words.iter().all(|w| {
        headline
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .any(|h| h == *w)
    })
}

/// A promotion or notice box: a paragraph opening with a capitalised label and a colon
/// ("READERS: …", "EDITOR’S NOTE: …").
fn promo_paragraph(doc: &Document, paragraph: usize) -> bool {
    let Some(p) = doc.text.paragraphs.get(paragraph) else {
        return false;
    };
    let para = p.span.text(doc.prose());
    // the label is at most 20 bytes: its colon is among the first 21 (a long paragraph
    // is not read to its end for every outlet in it)
    let head = (0..=21.min(para.len()))
        .rev()
        .find(|&i| para.is_char_boundary(i))
        .map_or("", |i| &para[..i]);
    head.split_once(':').is_some_and(|(label, _)| {
        label.len() <= 20
            && label.chars().any(char::is_alphabetic)
            && label
                .chars()
                .all(|c| c.is_uppercase() || c == ' ' || c == '\'' || c == '’')
    })
}

/// Whether `name` is written somewhere after a given name ("Mayor Don Guardian").
/// Or after a title and a capitalised word ("Mayor Don Guardian").
fn given_name_before(doc: &Document, name: &str) -> bool {
    let text = doc.prose();
    text.match_indices(name).any(|(at, _)| {
        let Some(before) = text[..at].strip_suffix(' ') else {
            return false;
        };
        let mut back = before.split_whitespace().rev();
        let w1 = back.next().unwrap_or("");
        let w2 = back.next().unwrap_or("");
        doc.lexicon.flags(w1) & (class::GIVEN | class::TITLE) != 0
            || crate::text::starts_upper(w1) && doc.lexicon.flags(w2) & class::TITLE != 0
    })
}

/// Words for the people of a newsroom.
const JOURNALISTS: &[&str] = &[
    "host",
    "anchor",
    "columnist",
    "commentator",
    "correspondent",
    "reporter",
    "editor",
    "contributor",
    "writer",
    "pundit",
    "presenter",
    "analyst",
    "journalist",
];

/// "Fox News host Jo Roe said …": the host speaks for herself, and is the source. A
/// journalist *reporting* ("Post reporter Jo Roe reported") still rests on the outlet.
fn journalist_speaking(doc: &Document, a: &Attribution) -> bool {
    let Some(full) = a.source_full.or(a.source) else {
        return false;
    };
    let words: Vec<&str> = full.text(doc.prose()).split_whitespace().collect();
    let journalist = |w: &str| JOURNALISTS.contains(&w.to_lowercase().as_str());
    let named = words
        .windows(2)
        .any(|w| journalist(w[0]) && crate::text::starts_upper(w[1]));
    let reporting = a.verb.starts_with("report") || a.verb.contains("according");
    // an unnamed journalist arguing or accusing is a party too ("my editor at the
    // paper argued"); one who said, wrote or revealed something is reporting it
    let party = !matches!(
        a.verb.as_str(),
        "said" | "says" | "say" | "wrote" | "writes" | "revealed" | "disclosed"
    );
    (named || party && words.iter().any(|w| journalist(w))) && !reporting
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{lint, spans};

    #[test]
    fn outlet_reports_are_reported() {
        let text = "Moscow asked Beijing for help, according to the Financial Times. The request was first reported by The Washington Post.";
        let d = lint("secondary-source", text);
        assert_eq!(
            spans(text, &d),
            vec![
                "according to the Financial Times",
                "first reported by The Washington Post"
            ]
        );
    }

    #[test]
    fn an_outlets_reply_or_call_of_a_race_is_its_own_act() {
        let text = "The fight escalated.\n\nThe Post responded with a second critical piece. \
                    The Associated Press declared Clinton the winner on Monday.";
        assert!(lint("secondary-source", text).is_empty());
    }

    #[test]
    fn an_outlets_stance_or_an_outlet_in_a_named_account_is_no_second_hand_claim() {
        let text = "The party went on.\n\nThe conservative magazine has been outspoken, arguing \
                    that he is an opportunist. Cruz said CNN had tweeted that Carson quit. \
                    The race was close, CNN reported.";
        assert_eq!(spans(text, &lint("secondary-source", text)), ["CNN"]);
        let d = lint("secondary-source", text);
        assert!(d[0].span.start > text.find("quit").unwrap_or(0), "{d:?}");
    }

    #[test]
    fn an_outlets_statement_as_a_party_passes() {
        let text = "The debate went ahead.\n\n“There were no calls,” Fox News said in a statement. \
                    The calls were many, Fox News reported.";
        let d = lint("secondary-source", text);
        assert_eq!(d.len(), 1, "{d:?}");
    }

    #[test]
    fn the_outlet_the_story_is_about_passes() {
        let text = "Bloomberg to close its Paris bureau\n\nBloomberg said on Tuesday it would close the bureau in March.";
        assert!(lint("secondary-source", text).is_empty());
    }

    #[test]
    fn an_outlet_named_in_part_by_the_headline_passes() {
        let text =
            "Telegraph to cut 90 jobs\n\nThe Telegraph Group says the cuts will fund new presses.";
        assert!(lint("secondary-source", text).is_empty());
        let text = "China tobacco sales rise\n\nChina Daily said the market was growing.";
        assert_eq!(lint("secondary-source", text).len(), 1);
    }

    #[test]
    fn officials_and_people_pass() {
        assert!(
            lint(
                "secondary-source",
                "The ministry said talks would go on. Jake Sullivan told reporters it was over."
            )
            .is_empty()
        );
    }
}
