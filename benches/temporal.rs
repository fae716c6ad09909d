//! The temporal tagger's throughput on real German news, against tantivy's stock German
//! analysis chain (see `common`) over the same text in the same run: the tagger runs once per
//! article when indexing, so its cost is best read as a share of analysis. Prints MB/s and the
//! ratio.
//!
//! Then what tagging adds to indexing: the generated corpus of BENCH_DOCS articles (default
//! 20,000) indexed with one and with two threads, with and without tagging, the two
//! alternating so that a change in the machine's load hits both alike; prints the medians and
//! their ratio.
//!
//! `cargo bench --bench temporal`. Text: the derStandard articles of `../shared/data/10kgnad`,
//! tagged per article against the article's own date, and the generated corpus (see
//! `common`); each skipped with a note when absent.

mod common;

use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use time::Date;

fn tag_all(articles: &[(Date, String)]) -> usize {
    articles
        .iter()
        .map(|(day, text)| nachlese::temporal::tag(text, *day).len())
        .sum()
}

fn analyze_all(
    analyzer: &mut tantivy::tokenizer::TextAnalyzer,
    articles: &[(Date, String)],
) -> usize {
    let mut n = 0;
    for (_, text) in articles {
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            n += 1;
        }
    }
    n
}

const VARIANTS: [&str; 2] = ["nachlese-tagger", "tantivy-stock-german"];

fn main() {
    throughput();
    indexing_cost();
}

/// Runs of each variant in [`indexing_cost`].
const ROUNDS: usize = 11;

fn indexing_cost() {
    let docs = std::env::var("BENCH_DOCS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(20_000);
    let Some((_, articles)) = common::bench_corpus(docs) else {
        return;
    };
    for threads in [1, 2] {
        let time = |mentions: bool| -> Duration {
            let start = Instant::now();
            let index = nachlese::Index::create_in_ram().expect("index");
            common::fill_nachlese_with(index, &articles, threads, mentions);
            start.elapsed()
        };
        time(true); // warm-up: caches, allocator
        let (mut tagged, mut untagged) = (Vec::new(), Vec::new());
        for _ in 0..ROUNDS {
            tagged.push(time(true));
            untagged.push(time(false));
        }
        tagged.sort();
        untagged.sort();
        let (t, u) = (tagged[ROUNDS / 2], untagged[ROUNDS / 2]);
        println!(
            "\nindexing {} generated articles, {threads} thread(s), {ROUNDS} alternating runs \
             each (median):",
            articles.len()
        );
        println!("with tagging    {:>8.2} s", t.as_secs_f64());
        println!("without tagging {:>8.2} s", u.as_secs_f64());
        println!(
            "tagging adds {:.1}% to indexing time",
            (t.as_secs_f64() / u.as_secs_f64() - 1.0) * 100.0
        );
    }
}

fn throughput() {
    let Some(gnad) = common::gnad() else {
        return;
    };
    let articles: Vec<(Date, String)> = gnad
        .into_iter()
        .map(|a| (a.date.date(), a.title + "\n" + &a.body))
        .collect();
    let bytes: usize = articles.iter().map(|(_, t)| t.len()).sum();

    let mut c = Criterion::default().configure_from_args();
    let group_name = "temporal/10kgnad";
    let mut group = c.benchmark_group(group_name);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function(VARIANTS[0], |b| b.iter(|| tag_all(&articles)));
    let mut stock = common::stock_german();
    group.bench_function(VARIANTS[1], |b| {
        b.iter(|| analyze_all(&mut stock, &articles))
    });
    group.finish();

    let medians = VARIANTS.map(|v| common::criterion_median(group_name, v));
    if let [Some(tagger), Some(stock)] = medians {
        println!(
            "\n10kgnad: {} articles, {:.1} MB, {} expressions",
            articles.len(),
            bytes as f64 / 1e6,
            tag_all(&articles)
        );
        println!("{:<22} {:>8}", "", "MB/s");
        for (variant, ns) in VARIANTS.iter().zip([tagger, stock]) {
            println!("{variant:<22} {:>8.1}", bytes as f64 * 1e3 / ns);
        }
        println!(
            "tagging takes {:.2}x the time of the stock German analysis of the same text",
            tagger / stock
        );
    }
    c.final_summary();
}
