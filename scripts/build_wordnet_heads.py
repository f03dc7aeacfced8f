#!/usr/bin/env python3
"""Compile WordNet's noun hierarchy into rules/wordnet_heads.txt: one noun a line,
"word<TAB>class", sorted by word (byte order), for the source classifier
(src/grammar/heads.rs). Classes:

  p  a person (noun.person)            g  a social group of people, not an organisation
  o  an organisation (under organization.n.01)
  d  a document, communication or record (noun.communication, noun.cognition)
  a  an artifact (noun.artifact)       l  a place (noun.location)
  x  anything else (acts, events, states, attributes, ...)

A noun's class is that of the first of its three most frequent senses that is a person,
group, organisation or document (a sentence's subject that speaks is read in its
speaking sense: "the study found"), else of its most frequent sense. Only lowercase
single words are kept, in their common-noun senses (a capitalised sense is a name, which
the name finder handles). Every such noun is listed, of whatever class, so that a head
the table lacks is known to be no noun at all ("the furious", "officials rejected").
irregular plurals come from WordNet's exception list (noun.exc), regular ones are left
to the reader's lemmatiser.

  scripts/build_wordnet_heads.py [WORDNET_DIR]   (default /usr/share/wordnet,
                                                  Debian's wordnet-base package)
"""
import os
import re
import sys

WN = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rules", "wordnet_heads.txt")
LEXFILE = {18: "p", 14: "g", 10: "d", 9: "d", 6: "a", 15: "l"}
ORGANIZATION = "08008335"  # organization.n.01 in WordNet 3.0
# groups of things, not of people: collection.n.01 ("data"), arrangement.n.02,
# biological_group.n.01, kingdom.n.01, system.n.01, edition.n.01, series.n.03, straggle.n.01
THINGS = {"07951464", "07938773", "07941170", "07940448", "08435388", "07959393", "08458504",
          "07939159"}
SPEAKING = set("pgod")
WORD = re.compile(r"^[a-z]+$")


def read_synsets():
    lexfile, hypernyms, common = {}, {}, {}
    with open(os.path.join(WN, "data.noun"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue  # the licence
            parts = line.split(" | ")[0].split()
            off, lex, nwords = parts[0], int(parts[1]), int(parts[3], 16)
            i = 4 + 2 * nwords
            npointers = int(parts[i])
            ptrs = parts[i + 1:i + 1 + 4 * npointers]
            hypernyms[off] = [ptrs[k + 1] for k in range(0, len(ptrs), 4) if ptrs[k] in ("@", "@i")]
            lexfile[off] = lex
            # the synset's words as written: a capitalised one is a name ("Paris", "Trump")
            common[off] = {w for w in parts[4:i:2] if w == w.lower()}
    return lexfile, hypernyms, common


def synset_class(off, lexfile, hypernyms, memo):
    if lexfile[off] != 14:
        return LEXFILE.get(lexfile[off], "x")
    return {"o": "o", "t": "x", "g": "g"}[group_kind(off, lexfile, hypernyms, memo)]


def group_kind(off, lexfile, hypernyms, memo):
    """o: an organisation; t: a group of things; g: a group of people (or unknown)."""
    if off == ORGANIZATION:
        return "o"
    if off in THINGS:
        return "t"
    if off in memo:
        return memo[off]
    memo[off] = "g"  # cycles: none in WordNet, but never loop
    up = [group_kind(h, lexfile, hypernyms, memo) for h in hypernyms[off] if lexfile[h] == 14]
    memo[off] = "o" if "o" in up else "t" if "t" in up else "g"
    return memo[off]


def main():
    lexfile, hypernyms, common = read_synsets()
    memo = {}
    table = {}
    with open(os.path.join(WN, "index.noun"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            parts = line.split()
            lemma = parts[0]
            if not WORD.match(lemma):
                continue
            nptr = int(parts[3])
            # index.noun is lowercased: keep the senses that write the noun in lowercase
            offsets = [o for o in parts[6 + nptr:] if lemma in common[o]]
            if not offsets:
                continue
            classes = [synset_class(o, lexfile, hypernyms, memo) for o in offsets]
            c = next((c for c in classes[:3] if c in SPEAKING), classes[0])
            table[lemma] = c
    with open(os.path.join(WN, "noun.exc"), encoding="latin-1") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and WORD.match(parts[0]) and parts[1] in table:
                table.setdefault(parts[0], table[parts[1]])
    with open(OUT, "w", encoding="utf-8", newline="\n") as out:
        for word in sorted(table, key=lambda w: w.encode()):
            out.write(f"{word}\t{table[word]}\n")
    print(f"{len(table)} nouns -> {os.path.normpath(OUT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
