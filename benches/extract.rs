//! Reading articles out of web pages: pages per second of `nachlese::corpus::html::extract`
//! over the 322 real German pages of trafilatura's benchmark (`../shared/data/web-pages`),
//! single-threaded, every page from its bytes (decoding, parsing, metadata, main text).
//! trafilatura 2.3.1 reads the same pages at 22 pages/s.
//!
//! `cargo bench --bench extract`. Skipped with a note when the pages are absent.
//!
//! With `TRAFILATURA_PYTHON` set to a Python that has trafilatura installed (a virtual
//! environment outside the repository: `pip install trafilatura lxml_html_clean`), the bench
//! also times trafilatura on the same pages in the same run (main text and metadata, as the
//! peer script in `shared/peers/web` calls it) and prints the ratio, on the best pass and on
//! the median of criterion's samples.

use std::cell::RefCell;
use std::path::PathBuf;
use std::time::Instant;

use criterion::{Criterion, Throughput};
use nachlese::corpus::html::{Hints, extract};

/// The pages and their addresses, or `None` when the shared data is absent.
fn pages() -> Option<Vec<(String, Vec<u8>)>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/web-pages");
    let annotations: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("trafilatura.json")).ok()?).ok()?;
    let mut pages = Vec::new();
    for page in annotations["pages"].as_array()? {
        let url = page["url"].as_str().unwrap_or_default().to_string();
        let bytes = std::fs::read(dir.join(page["file"].as_str()?)).ok()?;
        pages.push((url, bytes));
    }
    Some(pages)
}

/// Reads every page; what is returned keeps the work from being optimised away.
fn extract_all(pages: &[(String, Vec<u8>)]) -> usize {
    pages
        .iter()
        .map(|(url, bytes)| {
            let page = extract(bytes, Hints::url(url));
            page.body.map_or(0, |b| b.len()) + page.title.map_or(0, |t| t.len())
        })
        .sum()
}

/// Criterion's samples of the whole set of pages (its figures come from these).
const SAMPLES: usize = 10;

fn main() {
    let Some(pages) = pages() else {
        eprintln!("note: ../shared/data/web-pages is absent; skipping the extraction bench");
        return;
    };
    let bytes: usize = pages.iter().map(|(_, b)| b.len()).sum();
    // A plain figure first: the best of five passes.
    let mut best = f64::INFINITY;
    for _ in 0..5 {
        let start = Instant::now();
        std::hint::black_box(extract_all(&pages));
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "extract: {} pages ({:.1} MB) in {:.3} s: {:.0} pages/s, {:.1} MB/s (trafilatura: 22 pages/s)",
        pages.len(),
        bytes as f64 / 1e6,
        best,
        pages.len() as f64 / best,
        bytes as f64 / 1e6 / best
    );
    let theirs = std::env::var_os("TRAFILATURA_PYTHON").and_then(|python| {
        let theirs = trafilatura_pages_per_second(&python, &pages);
        match theirs {
            Some(theirs) => println!(
                "trafilatura, same pages, this run: {theirs:.1} pages/s; nachlese {:.1}x (best pass)",
                pages.len() as f64 / best / theirs
            ),
            None => eprintln!("note: trafilatura could not be run with {python:?}"),
        }
        theirs
    });
    // Every pass criterion times, per pass; its samples are the last ones, after its warm-up.
    let passes = RefCell::new(Vec::new());
    let mut c = Criterion::default()
        .sample_size(SAMPLES)
        .configure_from_args();
    let mut group = c.benchmark_group("web_pages");
    group.throughput(Throughput::Elements(pages.len() as u64));
    group.bench_function("extract", |b| {
        b.iter_custom(|iters| {
            let start = Instant::now();
            for _ in 0..iters {
                std::hint::black_box(extract_all(&pages));
            }
            let elapsed = start.elapsed();
            passes
                .borrow_mut()
                .push(elapsed.as_secs_f64() / iters.max(1) as f64);
            elapsed
        })
    });
    group.finish();
    c.final_summary();
    let passes = passes.into_inner();
    let mut samples = passes[passes.len().saturating_sub(SAMPLES)..].to_vec();
    samples.sort_by(f64::total_cmp);
    let mid = samples.len() / 2;
    let median = match (samples.get(mid.wrapping_sub(1)), samples.get(mid)) {
        (Some(a), Some(b)) if samples.len() % 2 == 0 => Some((a + b) / 2.0),
        (_, b) => b.copied(),
    };
    if let Some(median) = median {
        let ours = pages.len() as f64 / median;
        print!("extract, median of criterion's samples: {ours:.0} pages/s");
        match theirs {
            Some(theirs) => println!("; nachlese {:.1}x trafilatura", ours / theirs),
            None => println!(),
        }
    }
}

/// trafilatura's pages per second over the same pages, run by `python`: one pass reading
/// what nachlese's `extract` reads, the main text (`extract`, comments off and tables on, as
/// in its benchmark) and the metadata with the date (`extract_metadata`), as
/// `shared/peers/web/run-trafilatura.py` does.
fn trafilatura_pages_per_second(
    python: &std::ffi::OsStr,
    pages: &[(String, Vec<u8>)],
) -> Option<f64> {
    let dir = tempfile::tempdir().ok()?;
    for (i, (_, bytes)) in pages.iter().enumerate() {
        std::fs::write(dir.path().join(format!("{i:04}.html")), bytes).ok()?;
    }
    let script = "import sys, glob, time, trafilatura\n\
        files = sorted(glob.glob(sys.argv[1] + '/*.html'))\n\
        raws = [open(f, 'rb').read() for f in files]\n\
        t = time.perf_counter()\n\
        for raw in raws:\n\
        \x20   trafilatura.extract(raw, include_comments=False, include_tables=True)\n\
        \x20   trafilatura.extract_metadata(raw)\n\
        print(len(raws) / (time.perf_counter() - t))\n";
    let out = std::process::Command::new(python)
        .arg("-c")
        .arg(script)
        .arg(dir.path())
        .output()
        .ok()?;
    String::from_utf8_lossy(&out.stdout).trim().parse().ok()
}
