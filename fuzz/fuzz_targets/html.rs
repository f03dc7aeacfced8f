#![no_main]
// the entry point lives in the library so that `tests/fuzz_corpus.rs` replays the corpus
// through the same code on stable
libfuzzer_sys::fuzz_target!(|data: &[u8]| credlint::fuzzing::html(data));
