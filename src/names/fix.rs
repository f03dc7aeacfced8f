//! Registry-driven rewriting for `--fix`: variants become the canonical form.

use super::registry::NameRegistry;

fn boundary(text: &str, s: usize, e: usize) -> bool {
    !text[..s].ends_with(|c: char| c.is_alphanumeric())
        && !text[e..].starts_with(|c: char| c.is_alphanumeric())
}

/// The text with every whole-word variant replaced by its canonical form. Idempotent:
/// an occurrence inside the canonical form itself is left alone.
pub fn rewrite(text: &str, registry: &NameRegistry) -> String {
    let mut edits: Vec<(usize, usize, &str)> = Vec::new();
    for (variant, canonical) in registry.rewrites() {
        if variant.is_empty() || variant == canonical {
            continue;
        }
        let protected: Vec<(usize, usize)> = text
            .match_indices(canonical)
            .map(|(s, m)| (s, s + m.len()))
            .collect();
        for (s, m) in text.match_indices(variant) {
            let e = s + m.len();
            if !boundary(text, s, e) || protected.iter().any(|&(a, b)| a < e && s < b) {
                continue;
            }
            if edits.iter().any(|&(a, b, _)| a < e && s < b) {
                continue;
            }
            edits.push((s, e, canonical));
        }
    }
    if edits.is_empty() {
        return text.to_string();
    }
    edits.sort();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (s, e, c) in edits {
        out.push_str(&text[at..s]);
        out.push_str(c);
        at = e;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::registry::NameEntry;

    #[test]
    fn rewrites_variants_idempotently() {
        let mut r = NameRegistry::default();
        r.add(NameEntry {
            canonical: "Liu Pengyu".into(),
            variants: vec!["Liu Pengya".into(), "Pengyu".into()],
            family_name: Some("Liu".into()),
            not_same_as: vec![],
        })
        .unwrap();
        let once = rewrite(
            "Liu Pengya spoke. Liu Pengyu agreed. Pengyu left. Pengyuan stayed.",
            &r,
        );
        assert_eq!(
            once,
            "Liu Pengyu spoke. Liu Pengyu agreed. Liu Pengyu left. Pengyuan stayed."
        );
        assert_eq!(rewrite(&once, &r), once);
    }
}
