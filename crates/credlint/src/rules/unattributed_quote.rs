//! `unattributed-quote`: a direct quotation with no speaker in reach.

use serde::Deserialize;

use super::{Rule, RuleDef, RuleMeta, Sink, options, quoted};
use crate::analysis::Document;
use crate::text::Span;

pub const DEF: RuleDef = RuleDef {
    meta: RuleMeta {
        id: "unattributed-quote",
        summary: "a direct quotation with no speaker",
        doc: DOC,
    },
    build: |v| Ok(Box::new(UnattributedQuote(options(v)?))),
};

const DOC: &str = r#"# unattributed-quote

## What it does
Reports a direct quotation that has no speaker in reach: no attribution in the sentences
it spans or in its paragraph, no "X said:" introducing it, and no speaker for the quote it
continues. A quotation continued over several paragraphs (each reopened, only the last
closed) keeps the speaker of its first paragraph.

A speaker is in reach when the attribution grammar linked one to the quotation, with or
without a cue (a credit line "- Clinton." in the paragraph after it, as `credlint
extract` shows it). It is also in reach when the quotation's sentence has a reporting verb the
attribution grammar could not tie to it ("he asked voters to help him “fix the roads”",
"joked that it would be “my pension plan”", "the daily wrote"); when it sits inside the
writer's sentence after a person, an organisation or a pronoun ("Hoover estimated that
there are “…”", "as the prosecutor put it, “…”"); when a colon in its paragraph
introduces it ("put it this way: “…”"); when an earlier quotation in the same paragraph
has a speaker, or it opens the paragraph after one of attributed speech or of a
quotation left open; when a pronoun or a name follows it, whatever the verb ("“…,” he
surmised"); and when a byline, a bracketed credit or the speaker's name follows it
("“A quiet revolution,” by Jo Roe", "“…” Jo Roe, of the port union", "… [Gazette]").
A quotation whose marks are broken is left to `quote-marks`.

Scare quotes and titles are not quotations of speech and are not reported: by default a
quotation of one to three words, and a quotation whose words are all capitalised like a
title ("“American Skin”").

## Why is this bad?
A quotation is the strongest claim a story makes about what someone said. Without a
speaker the reader cannot tell whose words they are, and an editor cannot check them.

## Example
```text
“We will not allow that to go forward.”
```
Use instead:
```text
“We will not allow that to go forward,” Sullivan said.
```

## Standard
AP Stylebook, "quotations in the news": identify the speaker of every quotation.

## Options
- `max-scare-words`: quotations of this many words or fewer are scare quotes (default 3).
- `ignore-titles`: skip quotations written in title case (default `true`).
- `single-quotes`: also check quotations in single marks (default `false`: British style
  and headlines use them for paraphrase).
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    max_scare_words: usize,
    ignore_titles: bool,
    single_quotes: bool,
}

struct UnattributedQuote(Options);

/// The attributions of sentence `si`.
fn sentence_slice(
    atts: &[crate::grammar::Attribution],
    si: usize,
) -> &[crate::grammar::Attribution] {
    let a = atts.partition_point(|x| x.sentence < si);
    let b = atts.partition_point(|x| x.sentence <= si);
    &atts[a..b.max(a)]
}

/// For each quote, whether another quote with a different span contains it: one sort and
/// one sweep, where asking each quote about every other cost N² on a draft of N quotes.
/// Sorted by start, longest first, a span is inside another exactly when a span before
/// its group of equal spans reaches as far as it does.
fn inside_another(quotes: &[crate::text::quotes::Quote]) -> Vec<bool> {
    let mut order: Vec<usize> = (0..quotes.len()).collect();
    order.sort_by_key(|&i| (quotes[i].span.start, std::cmp::Reverse(quotes[i].span.end)));
    let mut nested = vec![false; quotes.len()];
    let mut reach: Option<usize> = None; // the furthest end before the current group
    for group in order.chunk_by(|&a, &b| quotes[a].span == quotes[b].span) {
        let span = quotes[group[0]].span;
        let inside = reach.is_some_and(|r| r >= span.end);
        for &i in group {
            nested[i] = inside;
        }
        reach = Some(reach.map_or(span.end, |r| r.max(span.end)));
    }
    nested
}

impl Rule for UnattributedQuote {
    fn check(&self, doc: &Document, sink: &mut Sink) {
        let text = doc.prose();
        let nested = inside_another(&doc.text.quotes);
        for (i, q) in doc.text.quotes.iter().enumerate() {
            // a speaker the linking found without a cue ("“…” ¶ - Clinton.", "“…” she
            // shouted") is one the reader can tell
            let linked = &doc.quote_speakers[i];
            if linked.attribution.is_some()
                || linked.speaker.is_some() && linked.source.is_some()
                || q.single && !self.0.single_quotes
            {
                continue;
            }
            // report a continued quotation once, at its first paragraph
            if q.continues().is_some() {
                continue;
            }
            let inner = q.inner(text).text(text);
            let words: Vec<&str> = inner.split_whitespace().collect();
            if words.len() <= self.0.max_scare_words {
                continue;
            }
            let title = words
                .iter()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .all(|w| {
                    w.chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
                        || w.len() <= 3
                });
            if self.0.ignore_titles && title {
                continue;
            }
            if doc
                .text
                .paragraph_at(q.span.start)
                .is_some_and(|p| doc.text.paragraphs[p].headline)
            {
                continue;
            }
            // "… is being criticized as a “use it or lose it” approach": attributed to no one,
            // which agentless-attribution reports
            // (attributions come in sentence order: the sentence's are a slice)
            if let Some(si) = doc.text.sentence_at(q.span.start)
                && sentence_slice(&doc.attributions, si).iter().any(|a| {
                    a.form == crate::grammar::CueForm::Agentless && a.cue.end <= q.span.start
                })
            {
                continue;
            }
            if speaker_in_reach(doc, i, nested[i]) {
                continue;
            }
            let first_line_end = text[q.span.start..q.span.end]
                .find('\n')
                .map_or(q.span.end, |n| q.span.start + n);
            let span = Span::new(q.span.start, first_line_end);
            let d = sink
                .diag(span, format!("quotation with no speaker: {}", quoted(inner)))
                .label("who said this?")
                .help("attribute the quotation (\"…,” she said\"), or paraphrase it if the speaker cannot be named");
            sink.push(d);
        }
    }
}

/// Whether the quotation `qi` has a speaker the grammar's attribution missed: a reporting
/// verb in its sentence, a colon introducing it, a quotation with a speaker before it in
/// the paragraph, a byline or bracketed credit after it, or an enclosing quotation
/// (`nested`).
fn speaker_in_reach(doc: &Document, qi: usize, nested: bool) -> bool {
    let q = &doc.text.quotes[qi];
    speaker_near(doc, q.span)
        || attributed_quote_before(doc, qi)
        || follows_attributed_paragraph(doc, q.span)
        || continues_open_quote(doc, q.span)
        || marks_broken(doc, q.span)
        // a quotation inside another quotation is the speaker quoting someone (found for
        // every quotation at once: `inside_another`)
        || nested
}

/// The checks that read only the quotation's own sentence and paragraph.
fn speaker_near(doc: &Document, quote: Span) -> bool {
    introduced_by_colon(doc, quote)
        || reporting_verb_in_sentence(doc, quote)
        || speaker_before_in_sentence(doc, quote)
        || speaker_right_after(doc, quote)
        || credited_after(doc, quote)
}

/// "“…,” he surmised.", "“…?” reacted Trump.", "“…,” it recommended.": a pronoun or a
/// name right after the closing mark (or after one word) is the speaker, whatever verb
/// stands with it.
fn speaker_right_after(doc: &Document, quote: Span) -> bool {
    let text = doc.prose();
    let after = &text[quote.end..];
    let rest = after.trim_start_matches([' ', ',', '\u{a0}']);
    let at = quote.end + (after.len() - rest.len());
    let mut words = rest.split_whitespace();
    let first = words.next().unwrap_or("");
    let pronoun = matches!(
        first.trim_end_matches([',', '.']),
        "he" | "she" | "they" | "it" | "we" | "I"
    );
    let name_at = |offset: usize| doc.people.mentions.iter().any(|m| m.span.start == offset);
    let second_at = at + first.len() + 1;
    let verb_then_name = first.chars().next().is_some_and(char::is_lowercase)
        && first.chars().all(char::is_alphabetic)
        && rest.strip_prefix(first).is_some_and(|r| r.starts_with(' '))
        && name_at(second_at);
    pronoun || name_at(at) || verb_then_name
}

/// A quotation opening a paragraph after a paragraph whose quotation is still open: the
/// quotation runs on, whatever the marks say.
fn continues_open_quote(doc: &Document, quote: Span) -> bool {
    let Some(pi) = doc.text.paragraph_at(quote.start) else {
        return false;
    };
    pi > 0
        && doc
            .text
            .quotes
            .iter()
            .rev()
            .find(|q| q.paragraph == pi - 1)
            .is_some_and(|q| !q.closed)
}

/// A quotation whose marks are broken (a mark turned the wrong way, one left open): the
/// quote-marks rule reports that, and where the quotation ends, and so its speaker, is
/// anyone's guess.
fn marks_broken(doc: &Document, quote: Span) -> bool {
    doc.text
        .quote_issues
        .iter()
        .any(|i| quote.start <= i.span().start && i.span().start < quote.end + 2)
}

/// "Sanders made the following comment:" (the paragraph before) or "put it this way:"
/// / "Jane Roe:" (the same paragraph) introduces the quotation.
fn introduced_by_colon(doc: &Document, quote: Span) -> bool {
    let text = doc.prose();
    let Some(pi) = doc.text.paragraph_at(quote.start) else {
        return false;
    };
    let para = doc.text.paragraphs[pi].span;
    let before = text[para.start..quote.start].trim_end();
    // the paragraph before ends "… the message he felt he had been given:": what follows
    // is the speaker's
    let introduced = pi > 0
        && doc.text.paragraphs[pi - 1]
            .span
            .text(text)
            .trim_end()
            .ends_with(':');
    introduced || before.ends_with(':')
}

/// A reporting verb outside any quotation, in the sentences the quotation spans, gives
/// it a speaker the grammar could not parse: "he asked voters to help him “fix the
/// roads”", "joked that it would be “my pension plan”", "“…,” Jo Roe, R-Ky., said". A
/// quotation ending in a comma runs on into the next sentence, which is read too.
fn reporting_verb_in_sentence(doc: &Document, quote: Span) -> bool {
    use crate::lexicon::class;
    const SPEECH: u32 =
        class::VERB | class::VERB_ING | class::VERB_S | class::VERB_PAST | class::INVERTED;
    let tm = &doc.text;
    let (Some(first), Some(mut last)) = (
        tm.sentence_at(quote.start),
        tm.sentence_at(quote.end.saturating_sub(1)),
    ) else {
        return false;
    };
    if doc.prose()[..quote.end]
        .trim_end_matches(['”', '"', '’', '\''])
        .ends_with([',', '?', '!'])
        && last + 1 < tm.sentences.len()
        && tm.sentences[last + 1].paragraph == tm.sentences[last].paragraph
    {
        last += 1;
    }
    let tokens = tm.sentences[first].tokens.start..tm.sentences[last].tokens.end;
    tokens.into_iter().any(|t| {
        let at = tm.tokens[t].span();
        doc.flags[t] & SPEECH != 0
            && !tm.quotes.iter().any(|q| q.span.contains(at))
            && !speech_word_used_otherwise(tm.tokens[t].text(doc.prose()))
    })
}

/// Reporting-verb forms that, alone, mostly mean something else in a sentence with a
/// quotation ("the “no limits” approach continued", "a “state” post").
fn speech_word_used_otherwise(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "continued"
            | "continue"
            | "continues"
            | "post"
            | "posts"
            | "read"
            | "reads"
            | "rule"
            | "rules"
            | "ruled"
            | "question"
            | "questions"
            | "state"
    )
}

/// A quotation inside the writer's sentence, after someone the sentence is about: a
/// person, an organisation, a document or a pronoun before it is who the words belong to ("Hoover
/// estimated that there are “…”", "he mocks", "as the prosecutor put it, “…”").
fn speaker_before_in_sentence(doc: &Document, quote: Span) -> bool {
    use crate::lexicon::class;
    let tm = &doc.text;
    let Some(si) = tm.sentence_at(quote.start) else {
        return false;
    };
    let before = Span::new(tm.sentences[si].span.start, quote.start);
    let outside = |at: Span| !tm.quotes.iter().any(|q| q.span.contains(at));
    let person = doc
        .people
        .mentions
        .iter()
        .any(|m| before.contains(m.span) && outside(m.span));
    let text = doc.prose();
    let other = tm.tokens[tm.sentences[si].tokens.clone()]
        .iter()
        .enumerate()
        .filter(|(_, t)| before.contains(t.span()) && outside(t.span()))
        .any(|(k, t)| {
            let flags = doc.flags[tm.sentences[si].tokens.start + k];
            flags & (class::ORG | class::OUTLET | class::DOC_HEAD) != 0
                || flags & class::PRONOUN != 0
                    && matches!(
                        t.text(text).to_ascii_lowercase().as_str(),
                        "he" | "she" | "they" | "who"
                    )
        });
    person || other
}

/// A quotation opening its paragraph right after a paragraph of attributed speech: the
/// same speaker goes on ("“…,” Roe said.¶“…”").
fn follows_attributed_paragraph(doc: &Document, quote: Span) -> bool {
    let Some(pi) = doc.text.paragraph_at(quote.start) else {
        return false;
    };
    let opens = doc.prose()[doc.text.paragraphs[pi].span.start..quote.start]
        .trim()
        .is_empty();
    opens
        && pi > 0
        && doc
            .attributions
            .iter()
            .any(|a| a.paragraph == pi - 1 && a.is_speech())
}

/// An earlier quotation in the same paragraph has a speaker: one attribution carries a
/// paragraph of quoted speech ("“…,” Roe said. “…”"), and so does the speaker of a
/// paragraph that goes on quoting the paragraph before (`"…," he said: "…" ¶ "…war.
/// "In the case of my show …"`: a run of quotations whose paragraph breaks were lost).
fn attributed_quote_before(doc: &Document, qi: usize) -> bool {
    let q = &doc.text.quotes[qi];
    let before = &doc.text.quotes[..qi];
    let spoken = before.iter().zip(&doc.quote_speakers).any(|(o, s)| {
        o.paragraph == q.paragraph && (s.attribution.is_some() || speaker_near(doc, o.span))
    });
    // only the paragraph's first quotation can open it: the paragraph tests are asked of
    // that one alone (each reads the attributions, and a flood of quotations in one
    // paragraph would ask them of every pair)
    spoken
        || before
            .iter()
            .find(|o| o.paragraph == q.paragraph)
            .is_some_and(|o| {
                follows_attributed_paragraph(doc, o.span) || continues_open_quote(doc, o.span)
            })
}

/// A title with its byline, a bracketed credit, or the speaker's name right after it:
/// "“A quiet revolution,” by Jo Roe", "“…” [Gallup]", "“…” Jo Roe, of the port union".
fn credited_after(doc: &Document, quote: Span) -> bool {
    let after = doc.prose()[quote.end..].trim_start_matches([' ', '\t']);
    let name_at = quote.end + (doc.prose().len() - quote.end - after.len());
    let para_end = doc
        .text
        .paragraph_at(quote.start)
        .map_or(quote.end, |p| doc.text.paragraphs[p].span.end);
    let rest = doc.prose()[quote.end..para_end.max(quote.end)].trim_end();
    after.starts_with("by ")
        || after.starts_with('[')
        || after.starts_with("(via ")
        || doc.people.mentions.iter().any(|m| m.span.start == name_at)
        // a credit closing the paragraph: "… [WSJ]", "… (Party leaflets.)"
        || rest.ends_with(']') && rest.contains('[')
        || rest.ends_with(".)") && rest.contains('(')
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_speaker_linked_without_a_cue_is_in_reach() {
        // a fact-check's credit line in the paragraph after the quotation
        let text = "Hillary Clinton spoke at the debate. The silence has been deafening.\n\n\
                    \"I went to Wall Street before the crash. I was the one saying so.\"\n\n\
                    - Clinton.\n\nClinton tends to overstate it.";
        assert!(lint("unattributed-quote", text).is_empty(), "{text}");
    }

    #[test]
    fn inside_another_agrees_with_asking_every_quote() {
        use crate::text::TextModel;
        for text in [
            "“He said ‘no’ twice,” she said. “Fine.” ‘One’ and ‘two’.",
            "“A “B” C” and “D\n\n“E” ”F“ \"G 'h' i\" ``J'' k",
            "“Open.\n\n“Continued.” Then ‘single “double” inside’.",
        ] {
            let tm = TextModel::new(text, false);
            let plain: Vec<bool> = tm
                .quotes
                .iter()
                .map(|q| {
                    tm.quotes
                        .iter()
                        .any(|o| o.span != q.span && o.span.contains(q.span))
                })
                .collect();
            assert_eq!(super::inside_another(&tm.quotes), plain, "{text:?}");
        }
    }

    use crate::rules::testing::lint;

    #[test]
    fn unattributed_quotation_is_reported() {
        let d = lint(
            "unattributed-quote",
            "The talks ended.\n\n“We will not allow that to go forward.”",
        );
        assert_eq!(d.len(), 1);
    }

    #[test]
    fn a_run_of_quotations_after_an_attributed_paragraph_keeps_its_speaker() {
        // paragraph breaks lost: each sentence reopens the quotation, none closes it
        let text = "“We are on course,” Mike Newton said.\n\n\"We have the numbers. \
                    \"Once the software is installed, nothing stops it.\" The survey ends.";
        assert!(lint("unattributed-quote", text).is_empty(), "{text}");
        // after a paragraph with no speaker, the run's sentences are no one's
        let text = "The talks ended.\n\n\"We have the numbers and we will win.\" The end. \
                    \"Nothing stops it now, and nothing will.\"";
        assert_eq!(lint("unattributed-quote", text).len(), 2, "{text}");
    }

    #[test]
    fn attributed_continued_scare_and_title_quotes_pass() {
        let text = "Mr Johnson said: “It is over.\n\n“It will not come back.”\n\nThe pact had “no limits”. She sang “American Skin Is Here” on stage. “We will go on,” he said.";
        assert!(
            lint("unattributed-quote", text).is_empty(),
            "{:?}",
            lint("unattributed-quote", text)
        );
    }
}
