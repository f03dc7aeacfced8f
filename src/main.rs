//! The `credlint` binary: a thin shell over the library.

mod cli;
mod fix;
mod walk;

fn main() -> std::process::ExitCode {
    cli::main()
}
