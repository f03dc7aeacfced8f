//! Latency of `credlint lsp` after an edit, as an editor sees it: a workspace of
//! generated drafts (500 by default, about 800 words each) and one 5,000-word draft
//! open; small edits are sent one at a time, and the time from writing a
//! `didChange` to reading the `publishDiagnostics` of that version is recorded. Prints
//! the median, 90th and 99th percentiles and the server's memory (RSS now and at peak).
//!
//! cargo build --release && cargo run --release --example lsp_latency -- [BIN] [DRAFTS] [EDITS]
//!
//! BIN defaults to target/release/credlint. The drafts are generated here (fixed seed),
//! never taken from elsewhere.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const GIVEN: &[&str] = &[
    "Ana", "Tomas", "Mirela", "Kofi", "Ines", "Pavel", "Leila", "Rohan", "Greta", "Dario", "Yuki",
    "Amara", "Bruno", "Selin", "Oskar", "Nadia",
];
const FAMILY: &[&str] = &[
    "Ortiz",
    "Haldane",
    "Varga",
    "Mensah",
    "Lindqvist",
    "Okafor",
    "Brandt",
    "Castell",
    "Moreau",
    "Petrak",
    "Sorensen",
    "Albescu",
    "Quiroga",
    "Tanaka",
    "Whitlock",
    "Zeller",
    "Ferreira",
    "Novak",
    "Iqbal",
    "Rasmussen",
];
const ROLES: &[&str] = &[
    "the city treasurer",
    "a council member",
    "the port director",
    "a union organiser",
    "the school board chair",
];
const NOUNS: &[&str] = &[
    "budget",
    "harbour plan",
    "tram line",
    "housing scheme",
    "water tariff",
    "school merger",
];
const VERBS: &[&str] = &["said", "told reporters", "wrote in a statement", "added"];

/// One paragraph of generated news prose, about `words` words long.
fn paragraph(rng: &mut Rng, words: usize) -> String {
    let mut p = String::new();
    while p.split_whitespace().count() < words {
        let name = format!("{} {}", rng.pick(GIVEN), rng.pick(FAMILY));
        let noun = rng.pick(NOUNS);
        let s = match rng.below(5) {
            0 => format!(
                "{name}, {}, {} the {noun} would cost {} million over {} years. ",
                rng.pick(ROLES),
                rng.pick(VERBS),
                10 + rng.below(90),
                2 + rng.below(8)
            ),
            1 => format!("“We will not accept the {noun} as it stands,” {name} said on Tuesday. "),
            2 => format!(
                "The {noun} was approved after a long debate, according to the council minutes. "
            ),
            3 => format!(
                "A senior official said the {noun} had been delayed twice, but declined to say why. "
            ),
            _ => format!(
                "Residents met in the town hall to discuss the {noun}, and {name} {} the vote was close. ",
                rng.pick(VERBS)
            ),
        };
        p.push_str(&s);
    }
    p.trim_end().to_string()
}

fn draft(rng: &mut Rng, words: usize) -> String {
    let mut d = String::from("# Council report\n\n");
    let mut n = 0;
    while n < words {
        let p = paragraph(rng, 80);
        n += p.split_whitespace().count();
        d.push_str(&p);
        d.push_str("\n\n");
    }
    d
}

fn write_frame(w: &mut ChildStdin, v: &Value) {
    let body = v.to_string();
    write!(w, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
    w.flush().expect("flush");
}

fn reader(out: impl Read + Send + 'static) -> Receiver<(Instant, Value)> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let mut r = BufReader::new(out);
        loop {
            let mut len = 0;
            loop {
                let mut line = String::new();
                if r.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                let line = line.trim_end();
                if line.is_empty() {
                    break;
                }
                if let Some(v) = line.strip_prefix("Content-Length: ") {
                    len = v.parse().unwrap_or(0);
                }
            }
            let mut body = vec![0; len];
            if r.read_exact(&mut body).is_err() {
                return;
            }
            let now = Instant::now();
            let Ok(v) = serde_json::from_slice(&body) else {
                return;
            };
            if tx.send((now, v)).is_err() {
                return;
            }
        }
    });
    rx
}

fn rss_kib(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// The server's CPU time so far (user + system), in milliseconds: unlike the latency,
/// barely moved by other processes competing for the cores.
fn cpu_ms(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // the fields after the command name (which is in parentheses): utime and stime are
    // the 12th and 13th of them, in clock ticks (100 a second on Linux)
    let rest = stat.rsplit_once(')').map_or("", |r| r.1);
    let f: Vec<f64> = rest
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0.0))
        .collect();
    f.get(11)
        .zip(f.get(12))
        .map_or(0.0, |(u, s)| (u + s) * 10.0)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bin = args
        .get(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("target/release/credlint"));
    let drafts: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(500);
    let edits: usize = args.get(3).and_then(|a| a.parse().ok()).unwrap_or(300);

    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().canonicalize().expect("canonical temp dir");
    let mut rng = Rng(20_261_204);
    for i in 0..drafts {
        let mut d = draft(&mut rng, 800);
        // a name three drafts spell one way and the open draft another: its finding tells
        // that the folder's names are in
        if i < 3 {
            d.push_str("Marguerite Oyelaran, the harbour master, said the berth would open.\n");
        }
        std::fs::write(root.join(format!("draft-{i:03}.md")), d).expect("write draft");
    }
    let mut story = draft(&mut rng, 5000);
    story.push_str("Marguerite Oyelaren, the harbour master, said the berth would open.\n");
    let story_path = root.join("story.md");
    std::fs::write(&story_path, &story).expect("write story");
    let words = story.split_whitespace().count();

    let mut child = Command::new(&bin)
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", bin.display()));
    let pid = child.id();
    let mut stdin = child.stdin.take().expect("stdin");
    let rx = reader(child.stdout.take().expect("stdout"));
    let uri = format!("file://{}", story_path.display());
    let root_uri = format!("file://{}", root.display());
    let started = Instant::now();
    write_frame(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "processId": null, "rootUri": root_uri,
            "workspaceFolders": [{"uri": root_uri, "name": "bench"}],
            "capabilities": {}}}),
    );
    write_frame(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
    );
    write_frame(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": uri, "languageId": "markdown", "version": 0, "text": story}}}),
    );
    // wait until the folder's names are in: the open draft's cross-file finding appears
    let wait = |rx: &Receiver<(Instant, Value)>, want: &dyn Fn(&Value) -> bool| loop {
        let (at, m) = rx
            .recv_timeout(Duration::from_secs(300))
            .expect("the server answers");
        if want(&m) {
            return (at, m);
        }
    };
    let indexed = |m: &Value| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["diagnostics"].as_array().is_some_and(|l| {
                l.iter().any(|d| {
                    d["code"] == "name-inconsistency"
                        && d["message"].as_str().unwrap_or("").contains("Oyelaren")
                })
            })
    };
    let (ready, _) = wait(&rx, &indexed);
    let index_time = ready - started;

    // small edits spread over the draft's paragraphs (lines 2, 4, …): a text inserted at
    // a paragraph's start, then taken out again. "Meanwhile " leaves the draft's names as
    // they were (the usual keystroke); a sentence naming someone new changes them, and
    // the folder's names are compared again.
    let paragraphs = (story.lines().count() - 2) / 2;
    let mut version = 0;
    let mut series = |insert: &str, edits: usize, rng: &mut Rng| {
        let mut line = 2;
        let mut latencies = Vec::with_capacity(edits);
        let len = insert.encode_utf16().count();
        for e in 0..edits {
            version += 1;
            let change = if e % 2 == 0 {
                line = 2 + 2 * rng.below(paragraphs) as u32;
                json!({"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "text": insert})
            } else {
                json!({"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": len}}, "text": ""})
            };
            let sent = Instant::now();
            write_frame(
                &mut stdin,
                &json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                    "textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}}),
            );
            let v = version;
            let (at, _) = wait(&rx, &|m: &Value| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == uri
                    && m["params"]["version"] == v
            });
            latencies.push((at - sent).as_secs_f64() * 1000.0);
        }
        latencies.sort_by(f64::total_cmp);
        latencies
    };
    let cpu0 = cpu_ms(pid);
    let same_names = series("Meanwhile ", edits, &mut rng);
    let cpu1 = cpu_ms(pid);
    let new_names = series(
        "Zora Quellin, a ferry captain, said so. ",
        edits / 3,
        &mut rng,
    );
    let cpu2 = cpu_ms(pid);
    let cpu = [
        (cpu1 - cpu0) / same_names.len() as f64,
        (cpu2 - cpu1) / new_names.len() as f64,
    ];
    let (rss, peak) = rss_kib(pid);
    write_frame(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": null}),
    );
    write_frame(
        &mut stdin,
        &json!({"jsonrpc": "2.0", "method": "exit", "params": null}),
    );
    drop(stdin);
    let status = child.wait().expect("server exits");

    println!(
        "workspace: {drafts} drafts + 1 open draft of {words} words; folder indexed {:.0} ms after start",
        index_time.as_secs_f64() * 1000.0
    );
    let runs = [
        ("names unchanged", &same_names),
        ("a name added/removed", &new_names),
    ];
    for ((what, sorted), cpu) in runs.into_iter().zip(cpu) {
        println!(
            "edit -> diagnostics, {what}, {} edits: median {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms; server CPU {cpu:.1} ms an edit",
            sorted.len(),
            percentile(sorted, 0.5),
            percentile(sorted, 0.9),
            percentile(sorted, 0.99),
            sorted[sorted.len() - 1]
        );
    }
    println!(
        "server memory: RSS {:.1} MiB, peak {:.1} MiB; exit status {:?}",
        rss as f64 / 1024.0,
        peak as f64 / 1024.0,
        status.code()
    );
}
