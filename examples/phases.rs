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
    let total = Instant::now();
    let phases = credlint::devtools::phase_times(&files, &cfg);
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
    for (name, d) in phases {
        show(&name, d);
    }
    show("all (document counted twice)", all);
}
