//! Indexing throughput: nachlese with its full German chain against the raw-tantivy baseline
//! (see `common`), with one and two threads, in one run, on the same articles (parsed
//! beforehand; the timed unit is: create the index, add every article, commit, wait for
//! merges). Prints articles/s, MB/s and the ratios, then the size of each index on disk.
//! `baseline-nostem` is tantivy's default chain, which does not stem; `nachlese-untagged`
//! is nachlese without tagging the dates articles mention.
//!
//! `cargo bench --bench indexing` (corpora: `../shared/data/10kgnad`, and a generated corpus
//! of BENCH_DOCS articles, default 20,000).
//!
//! With BENCH_PAIRS=N, then N rounds of nachlese, the baseline with a stored body and the
//! non-stemming chain run alternately, with one and with two threads; each round's ratios
//! compare runs a few seconds apart, so a change in the machine's load hits all alike. Prints
//! the medians.
//! `BENCH_DOCS=100000 BENCH_PAIRS=7 cargo bench --bench indexing -- pairs` runs only those
//! (the filter `pairs` matches none of criterion's benchmarks).

mod common;

use std::time::{Duration, Instant};

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
    if let Some(rounds) = std::env::var("BENCH_PAIRS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        pairs(name, articles, rounds);
    }
}

/// Alternating runs of nachlese, the baseline with a stored body and tantivy's chain without
/// stemming (see the module docs).
fn pairs(name: &str, articles: &[Article], rounds: usize) {
    let time = |run: &dyn Fn()| {
        let start = Instant::now();
        run();
        start.elapsed().as_secs_f64()
    };
    let median = |v: &[f64]| {
        let mut v = v.to_vec();
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let rate = |secs: &[f64]| articles.len() as f64 / median(secs);
    let list = |v: &[f64]| {
        v.iter()
            .map(|r| format!("{r:.2}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    println!(
        "\n{name}: {rounds} alternating rounds of nachlese, baseline-stored and baseline-nostem"
    );
    println!(
        "{:>8} {:>12} {:>12} {:>12} {:>10} {:>10}",
        "threads", "nachlese/s", "stored/s", "nostem/s", "÷stored", "÷nostem"
    );
    for threads in [1, 2] {
        let nachlese = || drop(common::nachlese_index(articles, threads));
        let stored = || common::baseline(true).fill(articles, threads);
        let nostem = || common::baseline_with(true, common::no_stemming()).fill(articles, threads);
        // Warm-up: allocator, caches, the word analyses.
        nachlese();
        stored();
        nostem();
        let (mut n, mut s, mut u) = (Vec::new(), Vec::new(), Vec::new());
        let (mut by_stored, mut by_nostem) = (Vec::new(), Vec::new());
        for _ in 0..rounds.max(1) {
            let tn = time(&nachlese);
            let ts = time(&stored);
            let tu = time(&nostem);
            by_stored.push(ts / tn);
            by_nostem.push(tu / tn);
            n.push(tn);
            s.push(ts);
            u.push(tu);
        }
        println!(
            "{threads:>8} {:>12.0} {:>12.0} {:>12.0} {:>10.2} {:>10.2}",
            rate(&n),
            rate(&s),
            rate(&u),
            median(&by_stored),
            median(&by_nostem),
        );
        println!("{:>8} ÷stored by round: {}", "", list(&by_stored));
        println!("{:>8} ÷nostem by round: {}", "", list(&by_nostem));
    }
    println!(
        "(÷X: that baseline's time over nachlese's, each round's runs side by side, median; above 1 is faster than the baseline)"
    );
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
