//! Analyzer throughput on real German text: nachlese's chain against tantivy's stock German
//! chain (see `common`), in one run. nachlese analyses each text three times when indexing
//! (words, compound parts, name sounds; see `nachlese::analysis::TermKind`), so "all three"
//! is the figure to compare with the stock chain; "words" is the first alone. Prints MB/s and
//! the ratios.
//!
//! `cargo bench --bench analyzer`. Text: the bundled corpus, and the derStandard articles of
//! `../shared/data/10kgnad` when present.

mod common;

use criterion::{Criterion, Throughput};
use nachlese::analysis::TermKind;
use tantivy::tokenizer::TextAnalyzer;

fn texts() -> Vec<(String, String)> {
    let joined = |articles: Vec<nachlese::Article>| -> String {
        articles
            .into_iter()
            .map(|a| a.title + "\n" + &a.body + "\n")
            .collect()
    };
    let bundled = nachlese::corpus::bundled::documents()
        .filter_map(Result::ok)
        .map(|d| d.article)
        .collect();
    let mut out = vec![("bundled".to_string(), joined(bundled))];
    if let Some(articles) = common::gnad() {
        out.push(("10kgnad".to_string(), joined(articles)));
    }
    out
}

fn count_tokens(analyzers: &mut [TextAnalyzer], text: &str) -> usize {
    let mut n = 0;
    for analyzer in analyzers {
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            n += 1;
        }
    }
    n
}

const VARIANTS: [&str; 3] = [
    "nachlese-all-three",
    "nachlese-words",
    "tantivy-stock-german",
];

fn analyzers(variant: &str) -> Vec<TextAnalyzer> {
    match variant {
        "nachlese-all-three" => [TermKind::Word, TermKind::Part, TermKind::Name]
            .map(nachlese::analysis::analyzer)
            .into(),
        "nachlese-words" => vec![nachlese::analysis::analyzer(TermKind::Word)],
        _ => vec![common::stock_german()],
    }
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    let texts = texts();
    for (name, text) in &texts {
        let mut group = c.benchmark_group(format!("analyze/{name}"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        for variant in VARIANTS {
            let mut chain = analyzers(variant);
            group.bench_function(variant, |b| b.iter(|| count_tokens(&mut chain, text)));
        }
        group.finish();
    }
    for (name, text) in &texts {
        let group = format!("analyze/{name}");
        let medians = VARIANTS.map(|v| common::criterion_median(&group, v));
        let [Some(all), Some(words), Some(stock)] = medians else {
            continue;
        };
        println!("\n{name}: {:.1} MB of text", text.len() as f64 / 1e6);
        println!("{:<22} {:>8} {:>8}", "chain", "MB/s", "÷stock");
        for (variant, ns) in VARIANTS.iter().zip([all, words, stock]) {
            println!(
                "{variant:<22} {:>8.1} {:>8.2}",
                text.len() as f64 * 1e3 / ns,
                stock / ns
            );
        }
        println!("(÷stock: the stock chain's time over this chain's; above 1 is faster)");
    }
    c.final_summary();
}
