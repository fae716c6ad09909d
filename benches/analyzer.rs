//! Analyzer throughput on real German text: nachlese's chain against tantivy's stock German
//! chain (SimpleTokenizer, RemoveLongFilter, LowerCaser, StopWordFilter, Stemmer), in one run.
//!
//! `cargo bench --bench analyzer`. Text: the bundled corpus, and the derStandard articles of
//! `../shared/data/10kgnad` when present.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer,
};

fn stock_german() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(StopWordFilter::new(Language::German).expect("German stop words"))
        .filter(Stemmer::new(Language::German))
        .build()
}

fn texts() -> Vec<(String, String)> {
    let bundled: String = nachlese::corpus::bundled::documents()
        .filter_map(Result::ok)
        .map(|d| d.article.title + "\n" + &d.article.body + "\n")
        .collect();
    let mut out = vec![("bundled".to_string(), bundled)];
    let gnad = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/10kgnad/articles.jsonl");
    match std::fs::read_to_string(&gnad) {
        Ok(lines) => {
            let text: String = lines
                .lines()
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
                .map(|v| format!("{}\n", v["body"].as_str().unwrap_or("")))
                .collect();
            out.push(("10kgnad".to_string(), text));
        }
        Err(_) => eprintln!(
            "note: {} is absent; benchmarking the bundled corpus only",
            gnad.display()
        ),
    }
    out
}

fn count_tokens(analyzer: &mut TextAnalyzer, text: &str) -> usize {
    let mut stream = analyzer.token_stream(text);
    let mut n = 0;
    while stream.advance() {
        n += 1;
    }
    n
}

fn bench(c: &mut Criterion) {
    for (name, text) in texts() {
        let mut group = c.benchmark_group(format!("analyze/{name}"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        let mut ours = nachlese::analysis::german_analyzer();
        group.bench_function("nachlese", |b| b.iter(|| count_tokens(&mut ours, &text)));
        let mut stock = stock_german();
        group.bench_function("tantivy-stock-german", |b| {
            b.iter(|| count_tokens(&mut stock, &text))
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
