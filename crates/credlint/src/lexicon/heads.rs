//! What a source's head noun denotes, from WordNet's noun hierarchy: a person, a group
//! of people, an organisation, a document, an artifact, a place, or something else
//! ("floods", "harvests"). The table `rules/wordnet_heads.txt` is compiled from
//! WordNet 3.0 by `scripts/build_wordnet_heads.py` (licence: `rules/WORDNET-LICENSE`)
//! and embedded in the binary. The lexicon's own head lists (and a project's
//! `[lexicon]`) are asked first; this table decides the heads they do not list.

/// The coarse class of a noun, as the source classifier needs it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HeadClass {
    Person,
    Group,
    Organization,
    Document,
    Artifact,
    Place,
    Other,
}

/// One noun a line, `word<TAB>class`, sorted by bytes.
const TABLE: &str = include_str!("../../../../rules/wordnet_heads.txt");

/// The class of a lowercase noun, singular or plural (regular plurals are reduced as
/// WordNet's own lemmatiser does; irregular ones are in the table).
pub fn head_class(lower: &str) -> Option<HeadClass> {
    if let Some(c) = lookup(TABLE, lower) {
        return Some(c);
    }
    // WordNet's detachment rules for nouns, in its order
    const RULES: [(&str, &str); 8] = [
        ("men", "man"),
        ("ies", "y"),
        ("ches", "ch"),
        ("shes", "sh"),
        ("xes", "x"),
        ("zes", "z"),
        ("ses", "s"),
        ("s", ""),
    ];
    RULES.iter().find_map(|(suffix, with)| {
        let stem = lower.strip_suffix(suffix)?;
        if stem.is_empty() || lower.ends_with("ss") {
            return None;
        }
        lookup(TABLE, &format!("{stem}{with}"))
    })
}

/// A noun WordNet files under people or social groups ("voters", "critics"), in any case.
pub fn names_people(word: &str) -> bool {
    matches!(
        head_class(&crate::text::lowercase(word)),
        Some(HeadClass::Person | HeadClass::Group)
    )
}

/// A binary search of the sorted table's lines, in place: the table is read as it is
/// embedded, with no index to build. Tested against a plain scan below.
fn lookup(table: &str, word: &str) -> Option<HeadClass> {
    let bytes = table.as_bytes();
    let (mut lo, mut hi) = (0usize, bytes.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        // the line holding byte `mid`
        let start = bytes[..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        let end = bytes[mid..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |p| mid + p);
        let (key, class) = parse_line(&table[start..end])?;
        match key.as_bytes().cmp(word.as_bytes()) {
            std::cmp::Ordering::Equal => return Some(class),
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    None
}

fn parse_line(line: &str) -> Option<(&str, HeadClass)> {
    let (word, class) = line.split_once('\t')?;
    let class = match class {
        "p" => HeadClass::Person,
        "g" => HeadClass::Group,
        "o" => HeadClass::Organization,
        "d" => HeadClass::Document,
        "a" => HeadClass::Artifact,
        "l" => HeadClass::Place,
        _ => HeadClass::Other,
    };
    Some((word, class))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_and_groups_in_any_case() {
        for w in ["voters", "Critics", "women"] {
            assert!(names_people(w), "{w}");
        }
        for w in ["floods", "Report"] {
            assert!(!names_people(w), "{w}");
        }
    }

    fn scan(table: &str, word: &str) -> Option<HeadClass> {
        table
            .lines()
            .filter_map(parse_line)
            .find(|(w, _)| *w == word)
            .map(|(_, c)| c)
    }

    #[test]
    fn table_is_sorted_and_well_formed() {
        let words: Vec<&str> = TABLE
            .lines()
            .map(|l| parse_line(l).expect("word<TAB>class").0)
            .collect();
        assert!(words.len() > 10_000);
        assert!(words.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes()));
    }

    #[test]
    fn binary_search_agrees_with_a_scan() {
        // every 97th entry, its neighbours' misspellings, and words before and after all
        let mut probes: Vec<String> = TABLE
            .lines()
            .step_by(97)
            .filter_map(|l| parse_line(l).map(|(w, _)| w.to_string()))
            .collect();
        let more: Vec<String> = probes.iter().map(|w| format!("{w}q")).collect();
        probes.extend(more);
        probes.extend(["", "a", "zzzzzz", "~"].map(String::from));
        for w in &probes {
            assert_eq!(lookup(TABLE, w), scan(TABLE, w), "{w:?}");
        }
        let tiny = "bee\tp\ncat\tx\n";
        assert_eq!(lookup(tiny, "bee"), Some(HeadClass::Person));
        assert_eq!(lookup(tiny, "cat"), Some(HeadClass::Other));
        assert_eq!(lookup(tiny, "cow"), None);
    }

    #[test]
    fn heads_of_news_sources() {
        use HeadClass::*;
        for (w, c) in [
            ("syllabus", Document),
            ("affidavits", Document),
            ("transcripts", Document),
            ("footage", Artifact),
            ("lawmakers", Person),
            ("witnesses", Person),
            ("agency", Organization),
            ("crowd", Group),
            ("women", Person),
        ] {
            assert_eq!(head_class(w), Some(c), "{w}");
        }
        // names are not common nouns
        assert_eq!(head_class("paris"), None);
    }
}
