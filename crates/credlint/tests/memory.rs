//! Peak heap memory per input byte on floods of quotation marks and other pathological
//! drafts (issue 18): a regression in what the text model keeps a mark would otherwise
//! only show in the benchmark. Counts bytes, never time.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use credlint::{Config, Format, Input};

/// The system allocator, counting the bytes live and their peak since the last reset.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The peak of live heap bytes while `f` runs, above what was live before it.
fn peak_during<T>(f: impl FnOnce() -> T) -> (usize, T) {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let out = f();
    (PEAK.load(Ordering::Relaxed) - before, out)
}

/// `unit` repeated to about `size` bytes.
fn fill(unit: &str, size: usize) -> String {
    unit.repeat((size / unit.len()).max(1))
}

/// The pathological cases of `bench/pathological.py` made of quotation marks, at 256 KB.
fn floods() -> Vec<(&'static str, String)> {
    let size = 256 * 1024;
    vec![
        ("curly", fill("\u{201c}", size)),
        ("straight", fill("\"", size)),
        ("alternating", fill("\u{201c}\u{201d}\"", size)),
        ("lines", fill("\"word\n", size)),
        (
            "paragraphs",
            fill(
                "\"It is fine,\" he said. \"We agree.\" \"No.\" \"Yes.\"\n\n",
                size,
            ),
        ),
        ("backticks", fill("`", size)),
        ("backtick pairs", fill("``", size)),
    ]
}

/// One test (not one a case): the counters are global, and tests run in parallel.
#[test]
fn quote_floods_stay_under_a_bound_per_input_byte() {
    let config = Config::builtin().expect("built-in config");
    let mut report = Vec::new();
    for (name, text) in floods() {
        let (model, ()) = peak_during(|| credlint::devtools::build_text_model(&text));
        let (document, ()) = peak_during(|| {
            let input = Input::new("a.txt", &text, Format::Text, &config);
            drop(input.document(&config));
        });
        let (check, found) = peak_during(|| credlint::check_source("a.txt", &text, &config));
        let findings = found.len();
        drop(found);
        let per_byte = |b: usize| b as f64 / text.len() as f64;
        report.push(format!(
            "{name}: text model {:.1}, document {:.1}, check {:.1} bytes a byte, {findings} findings",
            per_byte(model),
            per_byte(document),
            per_byte(check)
        ));
        assert!(
            per_byte(check) < BOUND,
            "{name}: {:.1} heap bytes a byte of input (bound {BOUND})\n{}",
            per_byte(check),
            report.join("\n")
        );
    }
    println!("{}", report.join("\n"));
}

/// Peak heap bytes a byte of input (the process's peak RSS adds the binary, the input
/// and the allocator's slack; see BENCHMARKS.md). Measured 2026-12-04: 33-88, the most
/// for backticks (a quote and an issue a mark, and the grammar's lists of a paragraph of
/// 256 K tokens).
const BOUND: f64 = 100.0;
