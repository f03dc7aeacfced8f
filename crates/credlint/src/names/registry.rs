//! The names registry a newsroom keeps in `credlint.toml`:
//!
//! ```toml
//! [[names]]
//! canonical = "Liu Pengyu"
//! variants = ["Liu Pengya"]
//! family-name = "Liu"
//! not-same-as = ["Liu Peng"]
//! ```
//! When an entry exists it decides: variants are wrong (and `--fix` rewrites them), and
//! names listed in `not-same-as` are different people, never reported as misspellings.

use rustc_hash::FxHashMap;
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct NameEntry {
    pub canonical: String,
    #[serde(default)]
    pub variants: Vec<String>,
    #[serde(default)]
    pub family_name: Option<String>,
    #[serde(default)]
    pub not_same_as: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct NameRegistry {
    pub entries: Vec<NameEntry>,
    /// lowercased variant -> entry
    variants: FxHashMap<String, usize>,
    /// lowercased canonical -> entry
    canonical: FxHashMap<String, usize>,
}

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl NameRegistry {
    pub fn add(&mut self, e: NameEntry) -> Result<(), String> {
        if e.canonical.trim().is_empty() {
            return Err("a [[names]] entry needs a non-empty `canonical`".into());
        }
        let idx = self.entries.len();
        let key = norm(&e.canonical);
        if let Some(&other) = self.variants.get(&key) {
            return Err(format!(
                "`{}` is listed as a variant of `{}`",
                e.canonical, self.entries[other].canonical
            ));
        }
        self.canonical.insert(key, idx);
        for v in &e.variants {
            let k = norm(v);
            if let Some(&other) = self.canonical.get(&k).filter(|&&o| o != idx) {
                return Err(format!(
                    "variant `{v}` is the canonical form of another entry (`{}`)",
                    self.entries[other].canonical
                ));
            }
            self.variants.insert(k, idx);
        }
        if let Some(f) = &e.family_name
            && !e.canonical.split_whitespace().any(|w| w == f)
        {
            return Err(format!(
                "family-name `{f}` is not part of `{}`",
                e.canonical
            ));
        }
        self.entries.push(e);
        Ok(())
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry for which `name` is a listed variant.
    pub fn variant_of(&self, name: &str) -> Option<&NameEntry> {
        // most projects have no registry: no key to build
        if self.variants.is_empty() {
            return None;
        }
        self.variants.get(&norm(name)).map(|&i| &self.entries[i])
    }

    /// The entry whose canonical form is `name`.
    pub fn entry(&self, name: &str) -> Option<&NameEntry> {
        if self.canonical.is_empty() {
            return None;
        }
        self.canonical.get(&norm(name)).map(|&i| &self.entries[i])
    }

    /// Whether the registry says `a` and `b` are different people.
    pub fn different(&self, a: &str, b: &str) -> bool {
        let listed = |x: &str, y: &str| {
            self.entry(x)
                .or_else(|| self.variant_of(x))
                .is_some_and(|e| e.not_same_as.iter().any(|n| norm(n) == norm(y)))
        };
        listed(a, b) || listed(b, a)
    }

    /// The family name the registry records for the person named `name`.
    pub fn family_name(&self, name: &str) -> Option<&str> {
        self.entry(name)
            .or_else(|| self.variant_of(name))
            .and_then(|e| e.family_name.as_deref())
    }

    /// Every (variant, canonical) pair, for `--fix`.
    pub fn rewrites(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries.iter().flat_map(|e| {
            e.variants
                .iter()
                .map(move |v| (v.as_str(), e.canonical.as_str()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(c: &str, v: &[&str]) -> NameEntry {
        NameEntry {
            canonical: c.into(),
            variants: v.iter().map(|s| s.to_string()).collect(),
            family_name: None,
            not_same_as: vec![],
        }
    }

    #[test]
    fn variants_and_conflicts() {
        let mut r = NameRegistry::default();
        r.add(entry("Liu Pengyu", &["Liu Pengya"])).unwrap();
        assert_eq!(
            r.variant_of("liu  pengya").map(|e| e.canonical.as_str()),
            Some("Liu Pengyu")
        );
        assert!(r.add(entry("Liu Pengya", &[])).is_err());
        let mut bad = entry("Jake Sullivan", &[]);
        bad.family_name = Some("Jake2".into());
        assert!(r.add(bad).is_err());
    }
}
