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
                || registry_family.is_none() && p.words.len() <= 3 && self.1.contains(&p.words[0]);
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
    fn western_names_and_family_names_pass() {
        let text = "Jake Sullivan said it would pass. Sullivan added more. Xi Jinping met him. Xi said little.";
        assert!(lint("name-second-reference", text).is_empty());
    }
}
