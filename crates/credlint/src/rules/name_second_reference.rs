//! `name-second-reference`: a later reference to a person by the wrong part of the name.

use serde::Deserialize;

use super::{Rule, RuleDef, RuleMeta, Sink, options};
use crate::analysis::Document;

pub const DEF: RuleDef = RuleDef {
    meta: RuleMeta {
        id: "name-second-reference",
        summary: "a later reference by a part of the name that is not the family name",
        doc: DOC,
    },
    build: |v| {
        let o: Options = options(v)?;
        let family_first = o.family_name_first.iter().cloned().collect();
        Ok(Box::new(SecondReference(o, family_first)))
    },
};

const DOC: &str = r#"# name-second-reference

## What it does
After a person is introduced by full name, news style refers to them by family name
("Sullivan said"). This rule reports a later reference that uses another part of the name.
The common case is a name written family name first (Chinese, Korean, Vietnamese and
Hungarian conventions): after "Liu Pengyu", the second reference is "Liu", not "Pengyu".
Family-name-first order is recognised from a configurable list of family names and from
the names registry (`family-name = "Liu"`), which decides when it has an entry.

## Why is this bad?
Calling Liu Pengyu "Pengyu" is like calling Jake Sullivan "Jake" in a news story: it reads
as familiarity at best and as not knowing which part is the family name at worst.

## Example
```text
Liu Pengyu, the embassy spokesperson, said he was unaware of it. Pengyu said China …
```
Use instead:
```text
Liu Pengyu, the embassy spokesperson, said he was unaware of it. Liu said China …
```

## Standard
AP Stylebook, "Chinese names", "Korean names", "Vietnamese names": the family name comes
first and is used on second reference.

## Options
- `family-name-first`: family names that come first in a full name.
- `given-name-references`: also report a given name used alone for a person whose family
  name comes last ("Jake said" after "Jake Sullivan"), when no one else in the story shares
  the family name (default `false`: features and sport use given names on purpose).
"#;

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Options {
    family_name_first: Vec<String>,
    given_name_references: bool,
}

/// The options, and `family-name-first` as a set (it is asked about every full name).
struct SecondReference(Options, rustc_hash::FxHashSet<String>);

impl Rule for SecondReference {
    fn check(&self, doc: &Document, sink: &mut Sink) {
        let text = doc.prose();
        for p in doc.people.persons.iter().filter(|p| p.words.len() >= 2) {
            // the person's words joined by spaces, kept with them (no copies per person)
            let full = p.full.as_str();
            let registry_family = doc.registry.family_name(full);
            let family_first = registry_family.is_some_and(|f| f == p.words[0])
                || registry_family.is_none()
                    && p.words.len() <= 3
                    && self.1.contains(&p.words[0])
                    && p.words[1..].iter().all(|w| romanised_given_name(w))
                    && !western_order(doc, p);
            let family: &str = match registry_family {
                Some(f) => f,
                None if family_first => &p.words[0],
                None => &p.words[p.words.len() - 1],
            };
            if !family_first && !self.0.given_name_references {
                continue;
            }
            let shared_family = doc
                .people
                .persons
                .iter()
                .filter(|q| q.words.iter().any(|w| w == family))
                .count()
                > 1;
            if !family_first && shared_family {
                continue;
            }
            let Some(first_full) = p
                .mentions
                .iter()
                .map(|&m| &doc.people.mentions[m])
                .find(|m| m.words.len() == p.words.len())
            else {
                continue;
            };
            for &mi in &p.mentions {
                let m = &doc.people.mentions[mi];
                if m.words.len() != 1 || m.span.start < first_full.span.start {
                    continue;
                }
                let word = m.span.text(text);
                if word == family || !p.words.iter().any(|w| w == word) {
                    continue;
                }
                let why = if family_first {
                    format!("{full} is written family name first: the family name is “{family}”")
                } else {
                    format!("“{word}” is {full}'s given name")
                };
                let d = sink
                    .diag(
                        m.span,
                        format!("second reference “{word}” is not the family name of {full}"),
                    )
                    .label(why)
                    .related(None, first_full.span, "introduced here")
                    .help(format!("refer to them as “{family}”"));
                sink.push(d);
            }
        }
    }
}

/// Whether `word` can be a romanised Chinese, Korean or Vietnamese given name ("Pengyu",
/// "Jinping", "Jae-myung", "Hsien"): syllables of one initial (or zh, ch, sh, hs, ts, or a
/// consonant and y or w: "myung", "kwon") and a vowel, ending in a vowel or n, ng, r, k,
/// l, m, p, t. "Kim Clijsters",
/// "Lee Stranahan" and "Lee Bowyer" fail it ("Cl", "St", "wy"), so Kim and Lee come first
/// there as given names.
fn romanised_given_name(word: &str) -> bool {
    const INITIAL_PAIRS: &[&str] = &["zh", "ch", "sh", "hs", "ts", "ph", "th", "kh", "ng", "nh"];
    const FINALS: &[char] = &['n', 'g', 'r', 'k', 'l', 'm', 'p', 't', 'h'];
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'ü');
    let initial = |r: &str| {
        r.chars().count() <= 1
            || INITIAL_PAIRS.contains(&r)
            || r.chars().count() == 2 && r.ends_with(['y', 'w'])
    };
    word.to_lowercase().split(['-', '’', '\'']).all(|part| {
        let chars: Vec<char> = part.chars().collect();
        if chars.is_empty() || !chars.iter().all(|c| c.is_alphabetic()) {
            return false;
        }
        // a syllable boundary may hold a final and an initial (or an initial pair)
        let mut run = String::new();
        let mut start = true;
        for (i, &c) in chars.iter().enumerate() {
            if !vowel(c) {
                run.push(c);
                if i + 1 < chars.len() {
                    continue;
                }
            }
            let n = run.chars().count();
            let end = i + 1 == chars.len() && !vowel(c);
            let ok = match (start, end) {
                (_, true) => {
                    n == 1 && FINALS.contains(&c) || run == "ng" || run == "nh" || run == "ch"
                }
                (true, false) => initial(&run),
                (false, false) => {
                    n <= 1
                        || n == 2
                            && (run.starts_with(FINALS) || INITIAL_PAIRS.contains(&run.as_str()))
                        || n == 3
                            && (run.starts_with("ng")
                                || initial(&run.chars().skip(1).collect::<String>()))
                }
            };
            if !ok {
                return false;
            }
            run.clear();
            start = false;
        }
        true
    })
}

/// A first word that is both a family name written first and a Western given name ("Lee
/// Marston") is read by how the story goes on: a person
/// later called by the last word alone, and never by the first, is written given name
/// first.
fn western_order(doc: &Document, p: &crate::names::Person) -> bool {
    use crate::lexicon::class;
    if doc.lexicon.flags(&p.words[0]) & class::GIVEN == 0 {
        return false;
    }
    let text = doc.prose();
    let alone = |w: &str| {
        p.mentions.iter().any(|&mi| {
            let m = &doc.people.mentions[mi];
            m.words.len() == 1 && m.span.text(text) == w
        })
    };
    alone(&p.words[p.words.len() - 1]) && !alone(&p.words[0])
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{lint, spans};

    #[test]
    fn given_name_of_a_family_first_name_is_reported() {
        let text = "Liu Pengyu, the spokesperson, said he was unaware of it. “Never,” Pengyu said. Liu added more.";
        let d = lint("name-second-reference", text);
        assert_eq!(spans(text, &d), vec!["Pengyu"]);
    }

    #[test]
    fn romanised_given_names_are_told_from_western_family_names() {
        for w in [
            "Pengyu",
            "Jinping",
            "Jae-myung",
            "Wei",
            "Yi",
            "Hsien",
            "Zhongxian",
        ] {
            assert!(super::romanised_given_name(w), "{w}");
        }
        for w in ["Clijsters", "Stranahan", "Bowyer", "Epstein", "Marston"] {
            assert!(!super::romanised_given_name(w), "{w}");
        }
    }

    #[test]
    fn a_given_name_that_is_also_a_family_name_passes() {
        let text = "Lee Marston scored twice. Marston said the pitch was heavy.";
        assert!(lint("name-second-reference", text).is_empty());
    }

    #[test]
    fn western_names_and_family_names_pass() {
        let text = "Jake Sullivan said it would pass. Sullivan added more. Xi Jinping met him. Xi said little.";
        assert!(lint("name-second-reference", text).is_empty());
    }
}
