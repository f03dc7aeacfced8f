//! The `credlint` binary: a thin shell over the library.

mod baseline;
mod cli;
mod diff;
mod fix;
mod lsp;
mod term;
mod walk;

#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static GLOBAL: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
