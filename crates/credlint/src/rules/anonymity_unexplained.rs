//! `anonymity-unexplained`: an anonymous source with no reason given for the anonymity.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;

use rustc_hash::FxHashMap;

use super::anonymous_source::{EarlierSources, not_a_source, singular};
use super::{Rule, RuleDef, RuleMeta, Sink, options, quoted};
use crate::analysis::Document;
use crate::diagnostic::Severity;
use crate::grammar::{Attribution, SourceKind};

pub const DEF: RuleDef = RuleDef {
    meta: RuleMeta {
        id: "anonymity-unexplained",
        summary: "an anonymous source with no reason given for the anonymity",
        doc: DOC,
    },
    build: |v| Ok(Box::new(AnonymityUnexplained::new(options(v)?)?)),
};

const DOC: &str = r#"# anonymity-unexplained

## What it does
Reports an anonymous source when the article never says why that source was granted
anonymity ("who spoke on condition of anonymity to discuss sensitive matters", "because
they were not authorized to speak publicly"). One explanation covers the source it
describes (in its own sentence, or in a later sentence that refers back to it: "The
official, who spoke on condition of anonymity, …"), not every anonymous source in the piece.

A rote reason ("was not authorized to speak publicly") satisfies the rule, but can be
reported at a lower severity: The New York Times' standards desk asked reporters to stop
using such formulas and to give the real reason.

## Why is this bad?
Anonymity is a privilege granted for a reason the reader is owed. AP, Reuters and The New
York Times require the story to say why the source could not be named.

## Example
```text
A U.S. official said Russia had asked China for military equipment.
```
Use instead:
```text
A U.S. official, who spoke on condition of anonymity because the intelligence had not been
declassified, said Russia had asked China for military equipment.
```

## Standard
AP Stylebook, "anonymous sources"; Reuters Handbook of Journalism; The New York Times,
"Guidelines on Integrity".

## Options
- `reasons`: phrases that explain anonymity.
- `rote-reasons`: phrases that explain it by formula.
- `rote-severity`: severity for a source whose only reason is a formula: `"off"` (default:
  the formula is accepted), `"info"`, `"warning"` or `"error"`.
- `requires-reason`: the heads of descriptions that hide particular people, as written
  ("official", "officials", "source", "aide", a singular "analyst"); a generic group
  ("Democrats", "critics", "analysts") speaks as a group and needs no reason, though
  `anonymous-source` still reports it, and so do officials joined to such a group
  ("teachers and union officials"). A spokesperson or "the authorities" speak on the
  record for an institution and need no reason either. "people" and "someone" need one
  only where the description places them ("people familiar with the talks", "someone in
  the room"), not in general ("people would say").

Not reported, as for `anonymous-source`: what the grammar takes for a source but is not
one (a survey's respondents, a named person after a title or before an appositive, the
object of a preposition, a headline, a description repeating a source already reported, a
source made the subject of a passive cue ("officials … were criticized")). Nor a statement
("officials said in a statement"): it is on the record.
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    reasons: Vec<String>,
    rote_reasons: Vec<String>,
    rote_severity: String,
    requires_reason: Vec<String>,
}

struct AnonymityUnexplained {
    /// Heads of descriptions that hide a particular person, as written, lowercased.
    requires_reason: Vec<String>,
    matcher: AhoCorasick,
    /// How many of the patterns are rote (they come after the real reasons).
    first_rote: usize,
    rote_severity: Option<Severity>,
}

impl AnonymityUnexplained {
    fn new(o: Options) -> Result<Self, String> {
        let Some(rote_severity) = Severity::parse_setting(&o.rote_severity) else {
            return Err(format!(
                "rote-severity must be \"off\", \"info\", \"warning\" or \"error\", not \"{}\"",
                o.rote_severity
            ));
        };
        // lowercased, to run over the lowercased text (see `Document::lower`)
        let trimmed = |list: &[String]| -> Vec<String> {
            list.iter()
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .map(str::to_ascii_lowercase)
                .collect()
        };
        let mut pats = trimmed(&o.reasons);
        let first_rote = pats.len();
        pats.extend(trimmed(&o.rote_reasons));
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&pats)
            .map_err(|e| e.to_string())?;
        Ok(AnonymityUnexplained {
            requires_reason: o.requires_reason.iter().map(|h| h.to_lowercase()).collect(),
            matcher,
            first_rote,
            rote_severity,
        })
    }
}

/// Words that place "people" or "someone" where a source sits ("people familiar with
/// the talks", "a person close to the player", "someone in attendance").
const PLACED: &[&str] = &[
    "familiar",
    "close to",
    "briefed",
    "knowledge",
    "involved",
    "aware",
    "inside",
    "attendance",
    "who were",
    "who was",
    "with direct",
];

/// An anonymous source said something (not "declined to comment", not "it is said"):
/// the attributions this rule asks a reason for.
fn speaks_anonymously(a: &Attribution) -> bool {
    a.kind == SourceKind::Anonymous && a.is_speech() && !a.is_sourceless()
}

impl AnonymityUnexplained {
    /// The source's description hides a particular person ("an official", not "the
    /// ministry"): its anonymity needs a reason.
    fn hides_person(&self, doc: &Document, a: &Attribution) -> bool {
        // both sides are lowercase already: the head as the grammar records it, the
        // list as the rule was configured
        let head = a.head.as_deref().unwrap_or("");
        if !self.requires_reason.iter().any(|r| r == head) {
            return false;
        }
        // "supporters and administration officials", "teachers and union officials": a
        // group joined to the officials speaks as a group
        if self.joined_to_a_group(doc, a) {
            return false;
        }
        // "people would say", "until someone tells me": people in general, not a
        // source, unless the description places them ("people familiar with the talks")
        if matches!(
            head,
            "people" | "person" | "persons" | "someone" | "somebody"
        ) {
            let full = a
                .source_full
                .or(a.source)
                .map_or("", |s| s.text(doc.prose()));
            let full = full.to_lowercase();
            return PLACED.iter().any(|w| full.contains(w));
        }
        true
    }

    /// The source joins the people it hides to a group of people that speaks as a group
    /// ("supporters", "teachers", "politicians"): a conjunct whose last word is a plural
    /// WordNet knows for people, in neither form in `requires-reason` ("friends and
    /// advisers" hide people both; "current and former officials" joins adjectives).
    fn joined_to_a_group(&self, doc: &Document, a: &Attribution) -> bool {
        let Some(src) = a.source else { return false };
        let text = src.text(doc.prose());
        if !text.contains(" and ") {
            return false;
        }
        let listed = |w: &str| {
            let one = w
                .strip_suffix("ies")
                .map_or_else(|| singular(w), |s| format!("{s}y"));
            self.requires_reason.iter().any(|r| *r == w || *r == one)
        };
        text.split(" and ").any(|part| {
            let w = part
                .trim_end_matches([',', ' '])
                .rsplit([' ', ','])
                .next()
                .unwrap_or("")
                .to_lowercase();
            w.ends_with('s') && !listed(&w) && crate::lexicon::heads::names_people(&w)
        })
    }

    /// The attributions this rule reports when no reason covers them.
    fn asks_reason(&self, doc: &Document, a: &Attribution) -> bool {
        speaks_anonymously(a) && a.source.is_some() && self.hides_person(doc, a)
    }
}

impl Rule for AnonymityUnexplained {
    fn check(&self, doc: &Document, sink: &mut Sink) {
        // most articles have no anonymous source this rule asks a reason for: nothing to
        // report, so nothing to scan
        if !doc.attributions.iter().any(|a| self.asks_reason(doc, a)) {
            return;
        }
        let text = doc.prose();
        // each reason explains the anonymous source of its sentence, or the source an
        // earlier sentence introduced with the same head word ("The official, who …")
        // attribution -> rote, and head -> rote, the first found of each kept (looked up
        // by key: searching lists for each attribution cost N² on a long draft)
        let mut explained: FxHashMap<usize, bool> = FxHashMap::default();
        let mut covered_heads: FxHashMap<String, bool> = FxHashMap::default();
        // the heads of the anonymous sources, singular
        let anonymous_heads: rustc_hash::FxHashSet<String> = doc
            .attributions
            .iter()
            .filter(|a| a.anonymous)
            .filter_map(|a| a.head.as_deref().map(singular))
            .collect();
        // attributions come in sentence order: a sentence's, or those up to one, are a slice
        let atts = &doc.attributions;
        let sentence_range = |si: usize| {
            let a = atts.partition_point(|x| x.sentence < si);
            a..atts.partition_point(|x| x.sentence <= si).max(a)
        };
        for m in self.matcher.find_iter(doc.lower()) {
            let rote = m.pattern().as_usize() >= self.first_rote;
            let Some(si) = doc.text.sentence_at(m.start()) else {
                continue;
            };
            let range = sentence_range(si);
            let in_sentence = atts[range.clone()]
                .iter()
                .zip(range)
                .map(|(a, ai)| (ai, a))
                .filter(|(_, a)| a.anonymous && a.source.is_some())
                .min_by_key(|(_, a)| a.cue.start.abs_diff(m.start()));
            if let Some((ai, a)) = in_sentence {
                let head = singular(a.head.as_deref().unwrap_or(""));
                explained.entry(ai).or_insert(rote);
                covered_heads.entry(head).or_insert(rote);
                continue;
            }
            // "The official, who spoke on condition of anonymity, …" with no cue of its own
            let s = &doc.text.sentences[si];
            let words: Vec<&str> = s
                .span
                .text(text)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .take(6)
                .collect();
            if let Some(h) = words
                .iter()
                .skip(1)
                .find(|w| anonymous_heads.contains(&singular(w)))
            {
                covered_heads.entry(singular(h)).or_insert(rote);
            } else if matches!(
                words.first().map(|w| w.to_lowercase()).as_deref(),
                Some("the" | "they" | "both" | "those" | "these" | "he" | "she")
            ) {
                // "The two, who asked not to be named, …": the latest anonymous source
                // of this or the previous paragraph
                let para = s.paragraph;
                // a cue before the match lies in this sentence or an earlier one
                let upto = sentence_range(si).end;
                if let Some((ai, _)) = atts[..upto].iter().enumerate().rev().find(|(_, a)| {
                    a.anonymous
                        && a.source.is_some()
                        && a.cue.start < m.start()
                        && a.paragraph + 1 >= para
                }) {
                    explained.entry(ai).or_insert(rote);
                }
            }
        }
        let mut seen = rustc_hash::FxHashSet::default();
        let earlier = EarlierSources::new(doc);
        for (i, a) in doc.attributions.iter().enumerate() {
            if !speaks_anonymously(a) {
                continue;
            }
            let Some(src) = a.source else { continue };
            if !seen.insert(src) {
                continue;
            }
            if !self.hides_person(doc, a)
                || not_a_source(doc, &earlier, i)
                || super::said_in_a_statement(doc, a)
            {
                continue;
            }
            let head = singular(a.head.as_deref().unwrap_or(""));
            let reason = explained
                .get(&i)
                .copied()
                .or_else(|| covered_heads.get(&head).copied());
            match reason {
                Some(false) => continue,
                Some(true) => {
                    if let Some(sev) = self.rote_severity {
                        let d = sink
                            .diag(src, format!("anonymity of {} is explained only by a formula", quoted(src.text(text))))
                            .label("why could this source not be named?")
                            .help("give the real reason the source could not be named, not a stock phrase")
                            .severity(sev);
                        sink.push(d);
                    }
                }
                None => {
                    let d = sink
                        .diag(src, format!("no reason is given for the anonymity of {}", quoted(src.text(text))))
                        .label("anonymous here, and the article never says why")
                        .note("AP, Reuters and The New York Times require the story to say why a source was granted anonymity")
                        .help("add the reason, e.g. \"who spoke on condition of anonymity because …\"");
                    sink.push(d);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::lint;

    #[test]
    fn reason_in_a_later_sentence_covers_the_source_it_describes() {
        let text = "A U.S. official said Russia asked China for help. The official, who spoke on condition of anonymity to discuss sensitive matters, gave no details.";
        assert!(lint("anonymity-unexplained", text).is_empty());
    }

    #[test]
    fn one_reason_does_not_cover_every_source() {
        let text = "A U.S. official, who spoke on condition of anonymity, said talks failed. Sources said the deal was dead.";
        let d = lint("anonymity-unexplained", text);
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("Sources"));
    }

    #[test]
    fn people_in_general_need_no_reason_people_placed_as_sources_do() {
        let text = "The fans were angry.\n\nIf he lost, people would say he was finished. Until someone tells me otherwise, I will play. People familiar with the talks said a deal was near.";
        let d = lint("anonymity-unexplained", text);
        assert_eq!(d.len(), 1, "{d:#?}");
        assert!(d[0].message.contains("People familiar"), "{}", d[0].message);
    }

    #[test]
    fn officials_joined_to_a_public_group_speak_as_a_group() {
        let text = "The strike went on.\n\nTeachers and union officials said the deal was unfair.\n\nHer friends and advisers said she would run.\n\nCurrent and former officials said the files were lost.";
        let d = lint("anonymity-unexplained", text);
        assert_eq!(d.len(), 2, "{d:#?}");
        assert!(d.iter().all(|x| !x.message.contains("Teachers")), "{d:#?}");
    }

    #[test]
    fn declining_to_speak_on_the_record_is_a_reason() {
        let text = "The prison is old.\n\nOne employee at the prison declined to speak on the record, saying it could cost him his job.";
        assert!(lint("anonymity-unexplained", text).is_empty());
    }

    #[test]
    fn unexplained_source_is_reported() {
        let d = lint(
            "anonymity-unexplained",
            "American officials claim Moscow asked Beijing for help.",
        );
        assert_eq!(d.len(), 1);
    }

    #[test]
    fn sources_that_hide_no_particular_person_need_no_reason() {
        // anonymous, but "witnesses" and "a senior figure" name no role that hides one
        // person who could have been named
        let text = "Witnesses said the deal was dead. A senior figure said more.";
        let cfg = crate::config::Config::builtin().expect("built-in config");
        let all = crate::check_source("draft.txt", text, &cfg);
        assert_eq!(
            all.iter().filter(|d| d.rule == "anonymous-source").count(),
            2
        );
        assert!(lint("anonymity-unexplained", text).is_empty());
    }
}
