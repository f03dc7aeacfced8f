//! Benchmark of the cross-file name index: 100,000 synthetic document summaries with about
//! a million name mentions (names drawn from a pool, a few of them misspelled), indexed and
//! searched for variant pairs. Prints time and peak memory.
//!   cargo run --release --example bench_names [DOCS]

use std::time::Instant;

use credlint::{DocNames, DocPerson, Span};

/// A small deterministic generator (no dependency needed for a benchmark).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn syllable_name(rng: &mut Rng, parts: usize) -> String {
    const S: &[&str] = &[
        "an", "bel", "cor", "da", "el", "fin", "gar", "hol", "is", "jon", "ka", "lin", "mor",
        "nel", "o", "per", "quin", "ros", "sten", "tor", "ul", "ver", "wen", "yar", "zo",
    ];
    let mut s = String::new();
    for _ in 0..parts {
        s.push_str(S[rng.below(S.len())]);
    }
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() {
    let docs_n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let given: Vec<String> = (0..2_000).map(|_| syllable_name(&mut rng, 2)).collect();
    let family: Vec<String> = (0..60_000).map(|_| syllable_name(&mut rng, 3)).collect();
    let t0 = Instant::now();
    let mut docs = Vec::with_capacity(docs_n);
    let mut mentions = 0usize;
    for d in 0..docs_n {
        let mut people = Vec::new();
        for _ in 0..(3 + rng.below(5)) {
            let mut last = family[rng.below(family.len()) % (family.len())].clone();
            if rng.below(200) == 0 && last.len() > 4 {
                // an occasional single-letter misspelling
                let i = 1 + rng.below(last.len() - 2);
                last.replace_range(i..i + 1, "e");
            }
            let full = format!("{} {last}", given[rng.below(given.len())]);
            // the document mentions the person one to three times; its summary keeps
            // one entry per person, as a linted document's does
            mentions += 1 + rng.below(3);
            people.push(DocPerson {
                full: full.into_boxed_str(),
                first: Span::new(0, 1),
                first_position: Default::default(),
            });
        }
        docs.push(DocNames {
            path: format!("doc{d}.txt"),
            people,
            context: Default::default(),
        });
    }
    let generated = t0.elapsed();
    let rss_before = peak_rss_mb();
    let (forms, pairs, built, searched) = credlint::devtools::index_names(&docs);
    println!(
        "documents {docs_n}, mentions {mentions}, distinct names {}, candidate pairs {}; generate {:.2} s, index {:.2} s, pair search {:.2} s; peak RSS {:.0} MB (summaries alone {:.0} MB)",
        forms,
        pairs,
        generated.as_secs_f64(),
        built.as_secs_f64(),
        searched.as_secs_f64(),
        peak_rss_mb(),
        rss_before
    );
}
