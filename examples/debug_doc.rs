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
    print!("{}", credlint::devtools::describe(&path, &text, &cfg));
}
