//! Where the time goes: `cargo run --release --example phases DIR` times each phase of
//! linting (text model, lexicon flags, names, grammar, each rule) over every .txt file.
use std::time::{Duration, Instant};

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: phases DIR");
        std::process::exit(2);
    };
    let mut files = Vec::new();
    for e in walkdir::WalkDir::new(&dir).sort_by_file_name() {
        let Ok(e) = e else { continue };
        if e.file_type().is_file()
            && let Ok(t) = std::fs::read_to_string(e.path())
        {
            files.push((e.path().display().to_string(), t));
        }
    }
    let Ok(cfg) = credlint::Config::builtin() else {
        std::process::exit(2)
    };
    let bytes: usize = files.iter().map(|f| f.1.len()).sum();
    let mut t_model = Duration::ZERO;
    let mut t_flags = Duration::ZERO;
    let mut t_people = Duration::ZERO;
    let mut t_grammar = Duration::ZERO;
    let mut t_doc = Duration::ZERO;
    let mut t_rules = vec![Duration::ZERO; cfg.rules.len()];
    let mut t_locate = Duration::ZERO;
    let total = Instant::now();
    for (path, text) in &files {
        let t = Instant::now();
        let tm = credlint::text::TextModel::new(text, false);
        t_model += t.elapsed();
        let t = Instant::now();
        let flags = cfg.lexicon.token_flags(&tm);
        t_flags += t.elapsed();
        let t = Instant::now();
        let people = credlint::names::People::find(&tm, &cfg.lexicon, &flags);
        t_people += t.elapsed();
        let t = Instant::now();
        let ex = credlint::grammar::extract(&tm, &cfg.lexicon, &people, &flags);
        t_grammar += t.elapsed();
        drop(ex);
        drop(tm);
        let t = Instant::now();
        let doc = credlint::Document::new(path, text, &cfg);
        t_doc += t.elapsed();
        let mut out = Vec::new();
        for (i, r) in cfg.rules.iter().enumerate() {
            let t = Instant::now();
            let mut sink = credlint::rules::Sink {
                rule: r.id(),
                severity: r.severity,
                path,
                out: &mut out,
            };
            r.rule.check(&doc, &mut sink);
            t_rules[i] += t.elapsed();
        }
        let t = Instant::now();
        let index = credlint::text::LineIndex::new(text);
        credlint::diagnostic::locate(&mut out, path, text, &index);
        let _n = credlint::names::index::DocNames::from_document(&doc, &index);
        t_locate += t.elapsed();
    }
    let all = total.elapsed();
    let mb = bytes as f64 / 1e6;
    let show = |name: &str, d: Duration| {
        println!(
            "{name:28} {:7.1} ms  {:6.1} MB/s",
            d.as_secs_f64() * 1e3,
            mb / d.as_secs_f64()
        );
    };
    println!("{} files, {:.1} MB", files.len(), mb);
    show("text model", t_model);
    show("lexicon flags", t_flags);
    show("people", t_people);
    show("grammar", t_grammar);
    show("document (model+names+grammar)", t_doc);
    for (i, r) in cfg.rules.iter().enumerate() {
        show(r.id(), t_rules[i]);
    }
    show("locate + name summary", t_locate);
    show("all (document counted twice)", all);
}
