//! No input makes credlint panic: random drafts built from the pieces that stress the
//! text model and the grammar (quotation marks of every kind, multi-byte characters,
//! abbreviations, cue words, names, line endings, Markdown).

mod common;

use credlint_cli::render;

/// A small deterministic generator, so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const PIECES: &[&str] = &[
    "said",
    "says",
    "told",
    "according to",
    "as per",
    "reportedly",
    "it was revealed",
    "is said to",
    "declined to comment",
    "A U.S. official",
    "officials",
    "sources",
    "Liu Pengyu",
    "Pengyu",
    "Mr.",
    "Dr",
    "Jake Sullivan",
    "Sullivan",
    "the White House",
    "CNN",
    "the Financial Times",
    "he",
    "who",
    "they",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "''",
    "``",
    ",",
    ".",
    ":",
    ";",
    "?",
    "!",
    "—",
    "-",
    "(",
    ")",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    " ",
    " ",
    " ",
    "é",
    "日本",
    "🙂",
    "\u{feff}",
    "\u{1b}[31m",
    "TK",
    "lorem ipsum",
    "READ MORE:",
    "#",
    "```",
    "`",
    "*",
    "<b>",
    "</b>",
    "http://x.y/z",
    "$20",
    "40 percent",
    "U.S.",
    "a.m.",
    "J.",
    "Gordon Brown",
    "Mr Brwon",
    "Clintons",
    "per the",
    "saying",
    "and",
    "that",
    "—said",
    "(R-Utah)",
    "speaking to",
    "cited by",
    "familiar with",
    "including",
    "I",
    "interviewed",
];

#[test]
fn random_drafts_never_panic() {
    let cfg = common::config();
    for seed in [
        0x2545_f491_4f6c_dd1d_u64,
        0x9e37_79b9_7f4a_7c15,
        0xdead_beef_cafe_f00d,
    ] {
        drafts_from_seed(&cfg, seed, 2500);
    }
}

fn drafts_from_seed(cfg: &credlint::Config, seed: u64, rounds: usize) {
    let mut rng = Rng(seed);
    for round in 0..rounds {
        let n = (rng.next() % 120) as usize;
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(rng.pick(PIECES));
            if rng.next().is_multiple_of(3) {
                text.push(' ');
            }
        }
        let path = if round % 2 == 0 {
            "draft.txt"
        } else {
            "draft.md"
        };
        let files = vec![
            (path.to_string(), text.clone()),
            ("other.txt".to_string(), text.chars().rev().collect()),
        ];
        let diags = credlint::check_files(&files, cfg);
        for d in &diags {
            let t = if d.path == path {
                &files[0].1
            } else {
                &files[1].1
            };
            assert!(
                d.span.start <= d.span.end && d.span.end <= t.len(),
                "round {round}: {d:?}"
            );
            assert!(
                t.is_char_boundary(d.span.start) && t.is_char_boundary(d.span.end),
                "round {round}: {d:?}"
            );
            for r in &d.related {
                let rp = r.path.as_deref().unwrap_or(&d.path);
                let rt = if rp == path { &files[0].1 } else { &files[1].1 };
                assert!(
                    r.span.end <= rt.len()
                        && rt.is_char_boundary(r.span.start)
                        && rt.is_char_boundary(r.span.end),
                    "round {round}: {r:?}"
                );
            }
        }
        let doc = credlint::Document::new(path, &text, cfg);
        let _ = credlint::extract::extracted(&doc);
        let _ = credlint::extract::ledger(&doc);
        // every renderer copes with whatever the draft holds (rendering is the slow part:
        // one round in 25)
        if round % 25 != 0 {
            continue;
        }
        let rendered = common::render(&files, &diags);
        assert!(
            !rendered.contains('\u{1b}'),
            "round {round}: control characters reach the terminal"
        );
        let mut map = credlint_cli::render::FileMap::default();
        for (p, t) in &files {
            map.insert(p, t);
        }
        let summary = credlint::Summary::new(2, &diags);
        let run = render::Findings {
            groups: &[&diags],
            suppressed: &[],
            summary: &summary,
            files: &map,
        };
        let json: serde_json::Value =
            serde_json::from_str(&render::to_string(&mut render::Json, &run)).expect("JSON");
        assert_eq!(
            json["diagnostics"].as_array().map(Vec::len),
            Some(diags.len())
        );
        let _ = render::to_string(&mut render::Sarif { root: None }, &run);
        for line in render::to_string(&mut render::Github, &run).lines() {
            assert!(line.starts_with("::"), "round {round}: {line}");
        }
    }
}
