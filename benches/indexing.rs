//! Indexing throughput: nachlese with its full German chain against the raw-tantivy baseline
//! (see `common`), with one and two threads, in one run, on the same articles (parsed
//! beforehand; the timed unit is: create the index, add every article, commit, wait for
//! merges). Prints articles/s, MB/s and the ratios, then the size of each index on disk.
//! `baseline-nostem` is tantivy's default chain, which does not stem; `nachlese-untagged`
//! is nachlese without tagging the dates articles mention.
//!
//! `cargo bench --bench indexing` (corpora: `../shared/data/10kgnad`, and a generated corpus
//! of BENCH_DOCS articles, default 20,000).

mod common;

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput};
use nachlese::Article;

fn group(c: &mut Criterion, name: &str, articles: &[Article]) {
    let mut g = c.benchmark_group(format!("index/{name}"));
    g.sample_size(10)
        .measurement_time(Duration::from_secs(20))
        .warm_up_time(Duration::from_secs(2));
    g.throughput(Throughput::Elements(articles.len() as u64));
    for threads in [1, 2] {
        g.bench_with_input(BenchmarkId::new("nachlese", threads), &threads, |b, &t| {
            b.iter(|| common::nachlese_index(articles, t))
        });
        g.bench_with_input(
            BenchmarkId::new("nachlese-untagged", threads),
            &threads,
            |b, &t| {
                b.iter(|| {
                    let index = nachlese::Index::create_in_ram().expect("index");
                    common::fill_nachlese_with(index, articles, t, false)
                })
            },
        );
        g.bench_with_input(
            BenchmarkId::new("baseline-stored", threads),
            &threads,
            |b, &t| b.iter(|| common::baseline(true).fill(articles, t)),
        );
        g.bench_with_input(
            BenchmarkId::new("baseline-peers", threads),
            &threads,
            |b, &t| b.iter(|| common::baseline(false).fill(articles, t)),
        );
        g.bench_with_input(
            BenchmarkId::new("baseline-nostem", threads),
            &threads,
            |b, &t| b.iter(|| common::baseline_with(true, common::no_stemming()).fill(articles, t)),
        );
        g.bench_with_input(
            BenchmarkId::new("first-chain", threads),
            &threads,
            |b, &t| b.iter(|| common::baseline_with(true, common::first_chain()).fill(articles, t)),
        );
    }
    g.finish();
    report(name, articles);
    sizes(name, articles);
}

const VARIANTS: [&str; 6] = [
    "nachlese",
    "nachlese-untagged",
    "first-chain",
    "baseline-stored",
    "baseline-peers",
    "baseline-nostem",
];

fn report(name: &str, articles: &[Article]) {
    let group = format!("index/{name}");
    let mb = common::text_bytes(articles) as f64 / 1e6;
    println!("\n{name}: {} articles, {mb:.1} MB of text", articles.len());
    println!(
        "{:<18} {:>8} {:>12} {:>8} {:>10} {:>10} {:>10}",
        "variant", "threads", "articles/s", "MB/s", "÷stored", "÷peers", "÷nostem"
    );
    for threads in [1, 2] {
        let get = |f: &str| common::criterion_median(&group, &format!("{f}/{threads}"));
        let (Some(s), Some(p), Some(u)) = (
            get("baseline-stored"),
            get("baseline-peers"),
            get("baseline-nostem"),
        ) else {
            continue;
        };
        for variant in VARIANTS {
            let Some(ns) = get(variant) else {
                continue;
            };
            let secs = ns / 1e9;
            println!(
                "{variant:<18} {threads:>8} {:>12.0} {:>8.1} {:>10.2} {:>10.2} {:>10.2}",
                articles.len() as f64 / secs,
                mb / secs,
                s / ns,
                p / ns,
                u / ns
            );
        }
    }
    println!("(÷X: that baseline's time over this variant's; above 1 is faster than the baseline)");
}

/// Builds each index once on disk (two threads) and compares their sizes.
fn sizes(name: &str, articles: &[Article]) {
    let Ok(tmp) = tempfile::tempdir() else {
        return;
    };
    let dir = |sub: &str| {
        let d = tmp.path().join(sub);
        std::fs::create_dir_all(&d).map(|()| d).ok()
    };
    let (Some(n), Some(s), Some(p)) = (dir("nachlese"), dir("stored"), dir("peers")) else {
        return;
    };
    let Ok(index) = nachlese::Index::create(&n) else {
        return;
    };
    drop(common::fill_nachlese(index, articles, 2));
    common::baseline_in(Some(&s), true, common::stock_german()).fill(articles, 2);
    common::baseline_in(Some(&p), false, common::stock_german()).fill(articles, 2);
    let (n, s, p) = (
        common::dir_bytes(&n),
        common::dir_bytes(&s),
        common::dir_bytes(&p),
    );
    println!(
        "\n{name}: index size nachlese {:.1} MB, baseline-stored {:.1} MB ({:.2}x), \
         baseline-peers {:.1} MB ({:.2}x)",
        n as f64 / 1e6,
        s as f64 / 1e6,
        n as f64 / s as f64,
        p as f64 / 1e6,
        n as f64 / p as f64
    );
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    if let Some(articles) = common::gnad() {
        group(&mut c, "10kgnad", &articles);
    }
    let docs: usize = std::env::var("BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    if let Some((_, articles)) = common::bench_corpus(docs) {
        group(&mut c, &format!("bench-{docs}"), &articles);
    }
    c.final_summary();
}
