//! The core's top-level modules use each other in one direction only: this test reads
//! every source file, collects which top-level modules each one names (`crate::x`, and
//! the crate root's `x::`), and fails on a cycle, printing it with a place of each edge.
//!
//! The layers today, bottom first: `text` (and `json_write`), `lexicon` (words, the
//! WordNet head classes and the built-in lexicon), `names` (the people a document
//! names), `grammar` (attributions; its classifier asks `names` who is a person),
//! `analysis` (the `Document`), `diagnostic`, `extract`, `rules` (each rule and the
//! registry, with the built-in rule table), `suppress`, `config`, and the crate root's
//! API on top, with `editor` (what the language server asks) and `devtools` (the
//! examples' hooks) beside it. Test modules (`#[cfg(test)]`, at the end of a file) may use any layer to
//! build their fixtures, so they are left out.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// The crate root (`lib.rs`) as a node: the public API, above every module it uses.
const ROOT: &str = "(crate root)";

/// The code of a file without its test module and without line comments.
fn code(src: &str) -> String {
    let end = src.find("#[cfg(test)]").unwrap_or(src.len());
    src[..end]
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .map(|l| l.split(" //").next().unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first identifier of each path that follows `prefix` in `code`: `crate::a::b` gives
/// `a`; a group `crate::{a, b::c}` gives `a` and `b`.
fn named_after(code: &str, prefix: &str) -> Vec<(String, usize)> {
    let ident = |s: &str| -> String {
        s.trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = Vec::new();
    for (at, _) in code.match_indices(prefix) {
        // `xcrate::` is not `crate::`
        if code[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_')
        {
            continue;
        }
        let line = code[..at].matches('\n').count() + 1;
        let rest = &code[at + prefix.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.push((ident(&item), line));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 {
                    item.push(c);
                }
            }
            out.push((ident(&item), line));
        } else {
            out.push((ident(rest), line));
        }
    }
    out.retain(|(name, _)| !name.is_empty());
    out
}

/// Edges between top-level modules (and the crate root), each with a place it comes from.
fn edges(src: &Path) -> BTreeMap<(String, String), String> {
    let mut files = Vec::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("source folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    let rel = |p: &Path| p.strip_prefix(src).expect("under src").to_path_buf();
    let module_of = |p: &Path| -> String {
        let rel = rel(p);
        let first = rel.components().next().expect("a file");
        let name = first.as_os_str().to_string_lossy().into_owned();
        match name.strip_suffix(".rs") {
            Some("lib") => ROOT.to_string(),
            Some(stem) => stem.to_string(),
            None => name,
        }
    };
    let modules: BTreeSet<String> = files.iter().map(|p| module_of(p)).collect();
    let mut out = BTreeMap::new();
    for path in &files {
        let from = module_of(path);
        let code = code(&fs::read_to_string(path).expect("source file"));
        let mut named = named_after(&code, "crate::");
        if from == ROOT {
            // the root names its modules without `crate::`
            named.extend(modules.iter().flat_map(|m| {
                named_after(&code, &format!("{m}::"))
                    .into_iter()
                    .map(|(_, line)| (m.clone(), line))
                    .collect::<Vec<_>>()
            }));
        }
        for (name, line) in named {
            // anything else after `crate::` is an item of the root (a re-export too)
            let to = if modules.contains(&name) {
                name
            } else {
                ROOT.to_string()
            };
            if to != from {
                out.entry((from.clone(), to))
                    .or_insert_with(|| format!("{}:{line}", rel(path).display()));
            }
        }
    }
    out
}

/// A cycle of the graph, if there is one (depth-first search).
fn cycle(edges: &BTreeMap<(String, String), String>) -> Option<Vec<String>> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (a, b) in edges.keys() {
        next.entry(a).or_default().push(b);
    }
    // 0: not seen, 1: on the current path, 2: done
    let mut state: BTreeMap<&str, u8> = BTreeMap::new();
    fn visit<'a>(
        n: &'a str,
        next: &BTreeMap<&'a str, Vec<&'a str>>,
        state: &mut BTreeMap<&'a str, u8>,
        path: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        state.insert(n, 1);
        path.push(n);
        for &m in next.get(n).into_iter().flatten() {
            match state.get(m).copied().unwrap_or(0) {
                1 => {
                    let start = path.iter().position(|&p| p == m).expect("on the path");
                    let mut c: Vec<String> = path[start..].iter().map(|s| s.to_string()).collect();
                    c.push(m.to_string());
                    return Some(c);
                }
                0 => {
                    if let Some(c) = visit(m, next, state, path) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        path.pop();
        state.insert(n, 2);
        None
    }
    let nodes: Vec<&str> = next.keys().copied().collect();
    for n in nodes {
        if state.get(n).copied().unwrap_or(0) == 0
            && let Some(c) = visit(n, &next, &mut state, &mut Vec::new())
        {
            return Some(c);
        }
    }
    None
}

#[test]
fn top_level_modules_use_each_other_in_one_direction() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let edges = edges(&src);
    assert!(
        edges.contains_key(&("rules".to_string(), "analysis".to_string())),
        "the scan finds the edges it should: {edges:?}"
    );
    if let Some(c) = cycle(&edges) {
        let steps: Vec<String> = c
            .windows(2)
            .map(|w| {
                let at = &edges[&(w[0].clone(), w[1].clone())];
                format!("  {} -> {} ({at})", w[0], w[1])
            })
            .collect();
        panic!(
            "an import cycle between the core's top-level modules:\n{}",
            steps.join("\n")
        );
    }
}

#[test]
fn the_scan_sees_paths_groups_and_cycles() {
    let src = "use crate::{a::X, b};\nfn f() { crate::c::g(); xcrate::d(); }";
    let names: Vec<String> = named_after(src, "crate::")
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(names, ["a", "b", "c"]);
    let edge = |a: &str, b: &str| ((a.to_string(), b.to_string()), String::new());
    let acyclic: BTreeMap<_, _> = [edge("x", "y"), edge("y", "z"), edge("x", "z")].into();
    assert_eq!(cycle(&acyclic), None);
    let cyclic: BTreeMap<_, _> = [edge("x", "y"), edge("y", "z"), edge("z", "x")].into();
    assert_eq!(
        cycle(&cyclic),
        Some(vec!["x".into(), "y".into(), "z".into(), "x".into()])
    );
    assert_eq!(code("a // b\n// c\nd\n#[cfg(test)]\ne"), "a\nd");
}
