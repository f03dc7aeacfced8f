//! What kind of source a noun phrase names: a person, an organisation, an outlet, a
//! document, an anonymous source, or a pronoun.

use super::heads::HeadClass;
use super::lexicon::{PhraseKind, class::*};
use super::np::Np;
use super::{SourceKind, W};
use crate::names::People;
use crate::text::TokenKind;

pub struct Class {
    pub kind: SourceKind,
    /// For a person: the full name (resolved against the document's other mentions).
    pub speaker: Option<String>,
}

/// Words that end an institution's or an outlet's name, never a person's. A `match`,
/// which the compiler sorts out by length first; a list was compared entry by entry.
#[rustfmt::skip]
fn is_org_suffix(w: &str) -> bool {
    matches!(w,
        "House" | "Ministry" | "Department" | "Party" | "Bank" | "Group" | "Inc" | "Corp" |
        "Company" | "Council" | "Office" | "Agency" | "Commission" | "Union" |
        "Association" | "Institute" | "University" | "Court" | "Committee" | "Service" |
        "Services" | "Times" | "Post" | "News" | "Journal" | "Herald" | "Tribune" |
        "Gazette" | "Telegraph" | "Chronicle" | "Foundation" | "Fund" | "Board" |
        "Authority" | "Police" | "Army" | "Navy" | "Force" | "Forces" | "Assembly" |
        "Parliament" | "Government" | "Administration" | "Senate" | "Congress" |
        "Federation" | "Organisation" | "Organization" | "Network" | "Corporation" | "Ltd" |
        "Plc" | "LLC" | "Club" | "FC" | "Airways" | "Airlines" | "Motors" | "Systems" |
        "Labs" | "Media" | "Press" | "Review" | "Magazine" | "Weekly" | "Daily" |
        "Express" | "Mail" | "Mirror" | "Guardian" | "Independent" | "Observer" |
        "Standard" | "Republicans" | "Democrats" | "Campaign" | "Center" | "Centre" |
        "Hospital" | "School" | "College" | "Church" | "Secretariat"
    )
}

/// Words that end a newspaper's name ("The Springfield Sun-Times", "the Daily
/// Courier"), and a broadcaster's call sign ("KXAN-TV"): an outlet the lexicon need not
/// list. Only after another word of the name, never alone ("Post said" is a surname).
fn outlet_name(ws: &[W], np: &Np) -> bool {
    let h = &ws[np.head];
    if !h.cap() || np.head == np.start && !h.s.contains('-') {
        return false;
    }
    let last = h.s.rsplit('-').next().unwrap_or(h.s);
    let call_sign = h.s.len() > 3
        && matches!(last, "TV" | "FM" | "AM")
        && h.s[..h.s.len() - 3].chars().all(|c| c.is_ascii_uppercase());
    #[rustfmt::skip]
    let paper = matches!(last,
        "Times" | "Post" | "Journal" | "Herald" | "Tribune" | "Gazette" | "Telegraph" |
        "Chronicle" | "Examiner" | "Inquirer" | "Enquirer" | "Courier" | "Dispatch" |
        "Bulletin" | "Sentinel" | "Sun" | "Star" | "Globe" | "Register" | "Ledger" |
        "Courant" | "Picayune" | "Statesman" | "Tennessean" | "Oklahoman" | "Advocate"
    );
    call_sign || paper && np.head > np.start
}

fn is_acronym(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// A token that cannot be part of a person's name.
fn not_name_word(w: &W) -> bool {
    w.f & (ROLE
        | TITLE
        | ORG
        | PLACE
        | NATIONALITY
        | OUTLET
        | ANON_HEAD
        | ORG_HEAD
        | OUTLET_HEAD
        | DOC_HEAD
        | TEMPORAL
        | FUNCTION
        | DET)
        != 0
        || matches!(
            w.phrase_kind,
            Some(
                PhraseKind::Outlet
                    | PhraseKind::Organization
                    | PhraseKind::Place
                    | PhraseKind::Title
                    | PhraseKind::OrgHead
                    | PhraseKind::Role
            )
        )
        || is_acronym(w.s) && !is_initial(w.s)
        || is_org_suffix(w.s)
        || w.s.contains('.') && !is_initial(w.s)
}

/// "E." in "Leonard E. Burman".
fn is_initial(s: &str) -> bool {
    s.len() == 2 && s.ends_with('.') && s.starts_with(|c: char| c.is_uppercase())
}

/// The person's name inside `ws[from..=head]`: the capitalised run ending at the head,
/// after titles, roles and institutions ("White House national security adviser Jake
/// Sullivan" -> "Jake Sullivan", "Mr Johnson" -> "Johnson").
pub fn name_in(ws: &[W], from: usize, head: usize) -> Option<(usize, usize)> {
    let h = &ws[head];
    if !h.cap() || h.kind != TokenKind::Word || not_name_word(h) {
        return None;
    }
    let mut start = head;
    while start > from {
        let p = &ws[start - 1];
        if p.kind == TokenKind::Word
            && p.cap()
            && !not_name_word(p)
            && !crate::text::possessive::has_s(p.s)
        {
            start -= 1;
        } else {
            break;
        }
    }
    // a name never includes an institution or place that starts a phrase inside it
    for (j, w) in ws.iter().enumerate().take(head + 1).skip(start) {
        if let Some(PhraseKind::Outlet | PhraseKind::Organization | PhraseKind::Place) =
            w.phrase_kind
            && j + w.phrase_len as usize > head
        {
            return None;
        }
    }
    Some((start, head + 1))
}

/// "The Democratic National Convention", "Liberty Alumni Association": a capitalised
/// name of two words or more, with no given name or title in it, whose last word WordNet
/// knows for an organisation (or, after "the", a group of people) names an institution,
/// not a person (the lexicon's organisation heads list only the commonest such words).
fn institution_by_head(ws: &[W], np: &Np, class: Option<HeadClass>) -> bool {
    let Some((s, e)) = name_in(ws, np.start, np.head) else {
        return false;
    };
    // a group noun may be a surname ("Grant Young", "Laurence Tribe"): only after "the"
    let definite = s > 0 && ws[s - 1].s.eq_ignore_ascii_case("the");
    e - s >= 2
        && e == np.head + 1
        && ws[s..e].iter().all(|w| w.f & (GIVEN | TITLE) == 0)
        && match class {
            Some(HeadClass::Organization) => true,
            Some(HeadClass::Group) => definite,
            _ => false,
        }
}

fn name_string(ws: &[W], (s, e): (usize, usize)) -> String {
    ws[s..e].iter().map(|w| w.s).collect::<Vec<_>>().join(" ")
}

fn unit_has(ws: &[W], from: usize, to: usize, flags: u32, kinds: &[PhraseKind]) -> bool {
    ws[from..to]
        .iter()
        .any(|w| w.f & flags != 0 || w.phrase_kind.is_some_and(|k| kinds.contains(&k)))
}

/// Heads that stay anonymous even with "the": "the official" is no more named than
/// "an official".
const ALWAYS_ANONYMOUS: &[&str] = &[
    "official",
    "officials",
    "source",
    "sources",
    "person",
    "people",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "aide",
    "aides",
    "diplomat",
    "insider",
    "analyst",
    "expert",
    "experts",
    "someone",
    "somebody",
    "critics",
    "observers",
    "authorities",
    "residents",
    "witnesses",
    "officer",
    "officers",
    "employee",
    "employees",
    "staffer",
    "staffers",
    "others",
];

/// Flags of the lexicon that already say what a head is: WordNet is asked about the rest.
const LISTED: u32 = ANON_HEAD
    | ROLE
    | ORG_HEAD
    | OUTLET_HEAD
    | DOC_HEAD
    | GIVEN
    | PLACE
    | ORG
    | OUTLET
    | NATIONALITY;

/// Heads that count people: "a further 12 percent agreed".
const QUANTITIES: &[&str] = &[
    "percent",
    "percentage",
    "majority",
    "majorities",
    "minority",
    "plurality",
    "half",
    "third",
    "thirds",
    "quarter",
    "quarters",
    "fifth",
    "fifths",
    "fraction",
    "proportion",
    "share",
    "number",
    "handful",
    "dozen",
    "dozens",
];

/// "women", "congressmen", "children": a plural of people with no final "s" (the plural
/// of a "-man" noun WordNet knows for a person).
pub fn irregular_plural(lower: &str) -> bool {
    matches!(lower, "people" | "children" | "personnel")
        || lower.strip_suffix("men").is_some_and(|stem| {
            !stem.is_empty()
                && super::heads::head_class(&format!("{stem}man")) == Some(HeadClass::Person)
        })
}

/// Does the lowercase head `lower` count people, as polls do ("67 percent", "a
/// majority", "three-quarters")? Such a head takes a plural verb: "half say".
pub fn counts_people(lower: &str) -> bool {
    // "two-thirds", "three-quarters": the count is the last part
    let last = lower.rsplit('-').next().unwrap_or(lower);
    QUANTITIES.contains(&last)
}

/// The kind of a source whose head the lexicon does not list, from WordNet's class of
/// the head noun: "court papers", "a syllabus" and "dashcam footage" are documents,
/// "the agency" an organisation, and "the floods" no one who speaks (read as a
/// document, never as an anonymous person), and so is a head that is no noun. `None`
/// for people and groups of people, which the description rules below decide.
fn wordnet_kind(ws: &[W], np: &Np, lower: &str, class: Option<HeadClass>) -> Option<SourceKind> {
    let head = &ws[np.head];
    // a capitalised head is a name, unless it opens the sentence ("Documents show")
    if head.f & LISTED != 0 || head.phrase_kind.is_some() || head.cap() && np.head != 0 {
        return None;
    }
    // "a number of economists", "a group of protesters": the noun after "of" is who
    // speaks; "Forty percent", "a majority" are people counted (poll respondents)
    let of_phrase = ws.get(np.head + 1).is_some_and(|w| w.s == "of");
    if counts_people(lower) || super::np::is_count(head) {
        return None;
    }
    let Some(class) = class else {
        // no noun at all ("the furious", "officials rejected"): no one who speaks,
        // unless it has the shape of an agent noun newer than WordNet ("podcasters")
        let agent = ["er", "or", "ist", "ers", "ors", "ists"]
            .iter()
            .any(|s| lower.ends_with(s));
        let word = lower.bytes().all(|b| b.is_ascii_lowercase());
        // (in a coordination the parse that found the head is itself in doubt)
        return (word && !agent && !head.cap() && !np.coordinated).then_some(SourceKind::Document);
    };
    match class {
        HeadClass::Document | HeadClass::Artifact => Some(SourceKind::Document),
        HeadClass::Other if !of_phrase => Some(SourceKind::Document),
        HeadClass::Organization | HeadClass::Place if !of_phrase => Some(SourceKind::Organization),
        _ => None,
    }
}

/// "Cruz, a graduate of Harvard Law School who has argued cases before the court": a
/// description set off after the name that opens the sentence is that person's, though
/// the grammar takes the description alone as the subject of its relative clause's verb.
/// Only a person the document knows, named by the sentence's first words (after titles).
fn name_before_description(ws: &[W], np: &Np, people: &People) -> Option<String> {
    let comma = np.start.checked_sub(1)?;
    // the clause runs to the cue ("… who has argued") or follows the phrase
    let relative = [np.source_end, np.end]
        .iter()
        .any(|&j| ws.get(j).is_some_and(|w| w.s == "who"));
    if ws[comma].s != "," || ws[np.head].cap() || np.pronoun || !relative {
        return None;
    }
    let (s, e) = name_in(ws, 0, comma.checked_sub(1)?)?;
    if !ws[..s].iter().all(|w| w.f & TITLE != 0 || w.s == ".") {
        return None;
    }
    people
        .resolve_words(ws[s..e].iter().map(|w| w.s))
        .map(str::to_string)
}

/// "Secretary of State John Kerry", "former secretary of state Hillary Rodham Clinton",
/// "Director of National Intelligence James Clapper": a title whose "of" names an office,
/// with the holder's name last. The name is the longest end of the phrase's last
/// capitalised run that the document knows as a person or that opens with a given name,
/// leaving at least the office's first word after "of" ("the wife of John Smith" is not
/// John Smith).
fn holder_of_office(ws: &[W], np: &Np, people: &People) -> Option<String> {
    let h = &ws[np.head];
    // "master of ceremonies Asab Al-Tabchi", "chief of staff Ann Bell": a head WordNet
    // knows for a person holds an office of common words too (never "the wife of John
    // Smith": its "of" opens a name)
    let person_head = || {
        super::heads::head_class(&crate::text::lowercase(h.s)) == Some(HeadClass::Person)
            && ws
                .get(np.head + 2)
                .is_some_and(|w| !w.cap() && w.f & (DET | FUNCTION) == 0)
    };
    if h.f & (TITLE | ROLE) == 0 && !person_head()
        || ws.get(np.head + 1).is_none_or(|w| w.s != "of")
    {
        return None;
    }
    // the name ends before an appositive that describes ("…, a Syrian engineer"), not
    // one that names ("The leader of the league, Jonathan Greenblatt,")
    let last = np
        .appositive
        .filter(|&(a, _)| !ws[a].cap())
        .map_or(np.source_end, |(a, _)| a.saturating_sub(1))
        .checked_sub(1)?;
    let (run, end) = name_in(ws, np.head + 2, last)?;
    // the office takes its first word ("State", "the Treasury"): the name starts after it
    let office_first = np.head + 2 + usize::from(ws[np.head + 2].s.eq_ignore_ascii_case("the"));
    (run.max(office_first + 1)..end).find_map(|s| {
        // the office is a bare name ("State", "National Intelligence"), not a phrase of
        // its own ("the Union for Reform Judaism")
        if ws[office_first..s]
            .iter()
            .any(|w| w.f & (PREP | FUNCTION | DET) != 0)
        {
            return None;
        }
        let words = ws[s..end].iter().map(|w| w.s);
        if let Some(full) = people.resolve_words(words) {
            // the office's words the document took into the name are the office's ("Chief
            // of Staff Katie Walsh" is Katie Walsh); a name that keeps the office's first
            // word is the office ("a member of the Anti-Defamation League" names no one)
            let office = &ws[office_first..s];
            let name: Vec<&str> = full
                .split(' ')
                .skip_while(|w| office.iter().any(|o| o.s == *w))
                .collect();
            let whole = name.len() == full.split(' ').count();
            if !name.join(" ").contains(ws[office_first].s) && (whole || name.len() >= 2) {
                return Some(name.join(" "));
            }
        }
        (ws[s].f & GIVEN != 0 && end - s >= 2).then(|| name_string(ws, (s, end)))
    })
}

pub fn classify(ws: &[W], np: &Np, people: &People, headline: bool) -> Class {
    if np.pronoun {
        return Class {
            kind: SourceKind::Pronoun,
            speaker: None,
        };
    }
    if let Some(name) =
        name_before_description(ws, np, people).or_else(|| holder_of_office(ws, np, people))
    {
        return Class {
            kind: SourceKind::Person,
            speaker: Some(name),
        };
    }
    let head = &ws[np.head];
    // "Some say", "Many argue": people no one names
    if head.f & DET != 0 {
        return Class {
            kind: SourceKind::Anonymous,
            speaker: None,
        };
    }
    let unit_end = np.head + 1;
    let lower = crate::text::lowercase(head.s);
    // WordNet's class of the head, asked once for the tests below
    let class = super::heads::head_class(&lower);
    let first = &ws[np.start];
    let definite = first.s.eq_ignore_ascii_case("the")
        || ws[np.start..np.head]
            .iter()
            .any(|w| crate::text::possessive::has_s(w.s));
    // "the investigation and Democrats" is plural by its last noun; "the former first lady
    // and U.S. senator" is one person
    let plural = lower.ends_with('s') && !lower.ends_with("ss") || irregular_plural(&lower);
    // "a speech Mrs. Clinton delivered", "a statement from the ministry": the document
    // comes first
    let first_noun = if first.f & DET != 0 {
        np.start + 1
    } else {
        np.start
    };
    // (not a noun compound: "law enforcement authorities" are people)
    let compound = ws.get(first_noun + 1).is_some_and(|n| {
        n.kind == TokenKind::Word && !n.cap() && n.f & (PREP | DET | PRONOUN | FUNCTION) == 0
    });
    if first_noun < np.head
        && ws[first_noun].f & DOC_HEAD != 0
        && !ws[first_noun].cap()
        && !np.coordinated
        && !compound
    {
        return Class {
            kind: SourceKind::Document,
            speaker: None,
        };
    }
    // "the 30 percent", "Two-thirds of farmers": people a poll counts, never the named
    // person a definite description can be
    if counts_people(&lower) && (!head.cap() || np.head == 0) {
        return Class {
            kind: SourceKind::Anonymous,
            speaker: None,
        };
    }
    // a named person, in the phrase or in its appositive
    let person = |from: usize, head: usize| -> Option<String> {
        let h = &ws[head];
        // "Jordan said" after "Nina Jordan", "English said" after "Rosa English", "Day
        // said" after "Kristen Day": a word of a name met in the document names that
        // person, though it is also a place, a nationality or a common word
        if from == head
            && h.cap()
            && let Some(full) = people.resolve_words(std::iter::once(h.s))
        {
            return Some(full.to_string());
        }
        // "Walter Jordan", "Mark Cuban": a given name makes the place or nationality
        // after it a surname
        if h.cap()
            && h.f & (NATIONALITY | PLACE) != 0
            && head > from
            && ws[head - 1].cap()
            && ws[head - 1].f & GIVEN != 0
            && let Some((s, _)) = name_in(ws, from, head - 1)
        {
            let full = people.resolve_words(ws[s..=head].iter().map(|w| w.s));
            return Some(full.map_or_else(|| name_string(ws, (s, head + 1)), str::to_string));
        }
        if h.f & ANON_HEAD != 0 && !people.is_known_word(h.s) {
            return None;
        }
        // "Respondents said", "Demonstrators say": a plural common noun for people,
        // capitalised because it opens the sentence, is no one's name
        if head == 0
            && plural
            && !people.is_known_word(h.s)
            && matches!(class, Some(HeadClass::Person | HeadClass::Group))
        {
            return None;
        }
        let (s, e) = name_in(ws, from, head)?;
        // "The Daily Caller", "the Heritage Foundation Fund": one word after a capitalised
        // institution's word continues that institution's name, unless the story names a
        // person so
        if e - s == 1
            && s > from
            && ws[s - 1].cap()
            && ws[s - 1].f & (OUTLET | OUTLET_HEAD | ORG | ORG_HEAD) != 0
            && ws[s].f & GIVEN == 0
            && !people.is_known_word(ws[s].s)
        {
            return None;
        }
        // the fuller name met elsewhere in the document, else the name as written here
        let full = people.resolve_words(ws[s..e].iter().map(|w| w.s));
        Some(full.map_or_else(|| name_string(ws, (s, e)), str::to_string))
    };
    if outlet_name(ws, np) {
        return Class {
            kind: SourceKind::Outlet,
            speaker: None,
        };
    }
    if institution_by_head(ws, np, class) {
        return Class {
            kind: SourceKind::Organization,
            speaker: None,
        };
    }
    if let Some(name) = person(np.start, np.head) {
        // "Judicial Watch said … Judicial Watch noted": never shortened, an institution
        if people.styled_as_institution(&name) {
            return Class {
                kind: SourceKind::Organization,
                speaker: None,
            };
        }
        return Class {
            kind: SourceKind::Person,
            speaker: Some(name),
        };
    }
    // "many tax experts, including Mr. Goldberg," are still many unnamed experts
    let inclusive = np.appositive.is_some_and(|(a, _)| {
        matches!(
            ws[a].s,
            "including" | "such" | "like" | "among" | "especially"
        )
    });
    if let Some((a, b)) = np.appositive.filter(|_| !inclusive) {
        // "the spokesman, Dmitry Peskov," — find the appositive's head: its last word
        // before any preposition
        let mut h = a;
        while h + 1 < b && ws[h + 1].f & PREP == 0 {
            h += 1;
        }
        // "Tom McCabe MSP", "Ann Lee QC": letters after a name are no part of it
        let mut named = h;
        while named > a && is_acronym(ws[named].s) {
            named -= 1;
        }
        if let Some(name) = person(a, h).or_else(|| (named < h).then(|| person(a, named)).flatten())
        {
            return Class {
                kind: SourceKind::Person,
                speaker: Some(name),
            };
        }
        // "technology analysts, TDG Research,": a description whose appositive is a
        // proper name, and not a person's, names an institution or an outlet
        if ws[a].cap() {
            let outlet = unit_has(
                ws,
                a,
                h + 1,
                OUTLET | OUTLET_HEAD,
                &[PhraseKind::Outlet, PhraseKind::OutletHead],
            );
            let inner = outlet
                || unit_has(
                    ws,
                    a,
                    h + 1,
                    ORG | ORG_HEAD,
                    &[PhraseKind::Organization, PhraseKind::OrgHead],
                );
            // a proper name of more than one word, or an acronym, that is no person's
            let proper = ws[a..=h]
                .iter()
                .all(|w| w.cap() || w.f & (PREP | DET) != 0 && w.f & PRONOUN == 0);
            if proper && (inner || a < h || is_acronym(ws[a].s)) {
                let kind = if outlet {
                    SourceKind::Outlet
                } else {
                    SourceKind::Organization
                };
                return Class {
                    kind,
                    speaker: None,
                };
            }
        }
    }
    // a headline capitalises its words: "Poll: …" is a document as "a poll" is
    let lower_head =
        !head.cap() || np.head == np.start && (head.f & ANON_HEAD != 0 || headline && np.head == 0);
    if head.f & DOC_HEAD != 0 && lower_head || head.phrase_kind == Some(PhraseKind::DocHead) {
        return Class {
            kind: SourceKind::Document,
            speaker: None,
        };
    }
    // "media sources", "network insiders": a modifier naming the press does not make
    // unnamed people an outlet
    let unnamed_head = head.f & ANON_HEAD != 0 && !head.cap() && head.f & OUTLET_HEAD == 0;
    if !unnamed_head
        && unit_has(
            ws,
            np.start,
            unit_end,
            OUTLET | OUTLET_HEAD,
            &[PhraseKind::Outlet, PhraseKind::OutletHead],
        )
    {
        return Class {
            kind: SourceKind::Outlet,
            speaker: None,
        };
    }
    let role = head.f & ROLE != 0 && !head.cap();
    let anonymous_only = ALWAYS_ANONYMOUS.contains(&lower.as_str());
    // "the president", "the Vermont senator", "Pagliano's lawyer": a role the article
    // resolves to a named person; and headline descriptors ("Lawmaker urges …")
    if (definite || headline)
        && !plural
        && (role || head.f & ANON_HEAD != 0)
        && !anonymous_only
        && !people.persons.is_empty()
    {
        return Class {
            kind: SourceKind::Person,
            speaker: None,
        };
    }
    if let Some(kind) = wordnet_kind(ws, np, &lower, class) {
        return Class {
            kind,
            speaker: None,
        };
    }
    if head.f & ANON_HEAD != 0 || role {
        return Class {
            kind: SourceKind::Anonymous,
            speaker: None,
        };
    }
    // a capitalised common plural opening the sentence: "Demonstrators said"
    if head.cap()
        && np.head == np.start
        && np.start == 0
        && plural
        && head.f & (GIVEN | PLACE | ORG | OUTLET) == 0
        && !people.is_known_word(head.s)
    {
        return Class {
            kind: SourceKind::Anonymous,
            speaker: None,
        };
    }
    // "an American", "one New Hampshire Republican", "the Kentucky Republican": a
    // demonym with a determiner is one person, unnamed unless the phrase is definite
    if head.f & NATIONALITY != 0 && head.f & (ORG_HEAD | ORG | PLACE) == 0 && first.f & DET != 0 {
        let kind = if definite {
            SourceKind::Person
        } else {
            SourceKind::Anonymous
        };
        return Class {
            kind,
            speaker: None,
        };
    }
    if head.f & (ORG_HEAD | ORG | PLACE) != 0
        || unit_has(
            ws,
            np.start,
            unit_end,
            ORG | PLACE,
            &[
                PhraseKind::Organization,
                PhraseKind::Place,
                PhraseKind::OrgHead,
            ],
        )
        || head.cap()
    {
        return Class {
            kind: SourceKind::Organization,
            speaker: None,
        };
    }
    // "Clinton camp", "the Sanders delegation": one group of people a proper name
    // modifies is that person's or that body's organisation
    if !plural
        && ws[np.start..np.head]
            .iter()
            .any(|w| w.cap() && w.f & DET == 0)
        && class == Some(HeadClass::Group)
    {
        return Class {
            kind: SourceKind::Organization,
            speaker: None,
        };
    }
    // "the fund", "the billionaire estate mogul": a definite description names someone the
    // article knows; plural or indefinite ones do not
    if definite && !plural {
        let kind = if people.persons.is_empty() {
            SourceKind::Organization
        } else {
            SourceKind::Person
        };
        return Class {
            kind,
            speaker: None,
        };
    }
    Class {
        kind: SourceKind::Anonymous,
        speaker: None,
    }
}
