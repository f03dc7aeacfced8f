#!/usr/bin/env python3
"""Counts the core library's public API: what a user of the `credlint` crate can name.

  RUSTC_BOOTSTRAP=1 cargo rustdoc -p credlint --lib -- -Z unstable-options --output-format json
  scripts/public_api.py target/doc/credlint.json [--list]

(add `--document-hidden-items` to the rustdoc flags to count the doc(hidden) modules too).
Walks rustdoc's JSON from the crate root through public modules and re-exports, and
counts the items reached (functions, types, constants, statics, enum variants, trait
items, and the inherent methods and associated constants of the types reached), and the
public fields of the structs reached. Items that are `pub` inside a private module are
not reachable and not counted; trait implementations are not counted.
"""
import collections
import json
import sys


def main():
    doc = json.load(open(sys.argv[1]))
    index = doc["index"]
    kinds = collections.Counter()
    names = []
    fields = 0
    seen = set()

    def kind(item):
        return next(iter(item["inner"]))

    def inherent(impl_id, owner):
        item = index.get(str(impl_id))
        if item is None:
            return
        impl = item["inner"]["impl"]
        if impl.get("trait") is not None or impl.get("is_synthetic") or impl.get("blanket_impl"):
            return
        for child in impl["items"]:
            c = index.get(str(child))
            if c and c.get("visibility") == "public":
                kinds["inherent " + kind(c)] += 1
                names.append(f"{owner}::{c['name']}")

    def visit(item_id, path):
        nonlocal fields
        if item_id in seen:
            return
        seen.add(item_id)
        item = index.get(str(item_id))
        if item is None or item.get("crate_id", 0) != 0:
            return
        k = kind(item)
        inner = item["inner"][k]
        if k == "use":
            if inner.get("id") is not None:
                visit(inner["id"], path)
            return
        name = f"{path}::{item['name']}" if item.get("name") and path else (item.get("name") or "")
        if k == "module":
            for child in inner["items"]:
                visit(child, name)
            return
        kinds[k] += 1
        names.append(name)
        if k == "struct":
            shape = inner["kind"]
            members = []
            if isinstance(shape, dict) and "plain" in shape:
                members = shape["plain"]["fields"]
            elif isinstance(shape, dict) and "tuple" in shape:
                members = [f for f in shape["tuple"] if f is not None]
            fields += sum(1 for f in members if index.get(str(f), {}).get("visibility") == "public")
            for impl in inner["impls"]:
                inherent(impl, name)
        elif k == "enum":
            kinds["variant"] += len(inner["variants"])
            for impl in inner["impls"]:
                inherent(impl, name)
        elif k == "trait":
            kinds["trait item"] += len(inner["items"])

    visit(doc["root"], "")
    modules = sum(1 for i in seen if "module" in index.get(str(i), {}).get("inner", {}))
    print(f"public items: {sum(kinds.values())}, public fields: {fields}, modules: {modules}")
    for k, v in sorted(kinds.items()):
        print(f"  {k}: {v}")
    if "--list" in sys.argv:
        for n in sorted(names):
            print(n)


if __name__ == "__main__":
    main()
