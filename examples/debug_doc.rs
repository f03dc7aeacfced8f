//! Prints how credlint segments a file and what it extracts: `cargo run --example debug_doc FILE`.
fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: debug_doc FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let Ok(cfg) = credlint::Config::builtin() else {
        std::process::exit(2)
    };
    let doc = credlint::Document::new(&path, &text, &cfg);
    for (i, s) in doc.text.sentences.iter().enumerate() {
        println!(
            "S{i} p{} {}{:?}",
            s.paragraph,
            if s.headline { "H " } else { "" },
            s.span.text(&text)
        );
    }
    for (i, q) in doc.text.quotes.iter().enumerate() {
        println!(
            "Q{i} {:?} {:?}",
            q.span.text(&text).chars().take(50).collect::<String>(),
            doc.quote_speakers[i]
        );
    }
    for a in &doc.attributions {
        println!(
            "A s{} {:?} {:?} src={:?} {:?} anon={} speaker={:?}",
            a.sentence,
            a.form,
            a.cue.text(&text),
            a.source.map(|s| s.text(&text)),
            a.kind,
            a.anonymous,
            a.speaker
        );
    }
    for m in &doc.people.mentions {
        println!(
            "M {:?} -> {} ev={}",
            m.span.text(&text),
            doc.people.persons[m.person].full,
            m.evidence
        );
    }
}
