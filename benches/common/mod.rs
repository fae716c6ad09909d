//! What the benches share: the corpora, and the raw-tantivy baseline they are measured
//! against in the same run.
//!
//! The baseline is a minimal tantivy program with tantivy's stock German chain
//! (SimpleTokenizer, RemoveLongFilter(40), LowerCaser, StopWordFilter(German),
//! Stemmer(German)), the chain of `../shared/peers/tantivy-ref`. It comes in two schemas:
//! `peers`, exactly tantivy-ref's (the body indexed, not stored), and `stored`, which also
//! stores the body as nachlese must to show snippets and articles.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use nachlese::Article;
use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer,
};
use tantivy::{DateTime, Index, IndexWriter, TantivyDocument};

pub fn project() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn shared() -> PathBuf {
    project().join("..").join("shared")
}

/// Reads a JSON Lines corpus with nachlese's reader (outside any timing).
pub fn read_corpus(path: &Path, limit: usize) -> Vec<Article> {
    nachlese::corpus::Documents::new([path.to_path_buf()])
        .filter_map(Result::ok)
        .map(|d| d.article)
        .take(limit)
        .collect()
}

/// The derStandard articles of 10kGNAD (1,028 full articles), if `../shared` is there.
pub fn gnad() -> Option<Vec<Article>> {
    let path = shared().join("data/10kgnad/articles.jsonl");
    if !path.exists() {
        eprintln!("note: {} is absent; skipping that corpus", path.display());
        return None;
    }
    Some(read_corpus(&path, usize::MAX))
}

/// A generated benchmark corpus of `docs` articles (`../shared/tools/make-bench-corpus`,
/// cached under target/bench-data), if the generator is there.
pub fn bench_corpus(docs: usize) -> Option<(PathBuf, Vec<Article>)> {
    let path = generated_corpus(docs)?;
    let articles = read_corpus(&path, usize::MAX);
    Some((path, articles))
}

/// The path of a generated corpus, generating it on first use.
pub fn generated_corpus(docs: usize) -> Option<PathBuf> {
    let dir = project().join("target").join("bench-data");
    let path = dir.join(format!("bench-{docs}.jsonl"));
    if path.exists() {
        return Some(path);
    }
    let tool = shared().join("tools/make-bench-corpus");
    if !tool.exists() {
        eprintln!(
            "note: {} is absent; skipping the generated corpus",
            tool.display()
        );
        return None;
    }
    std::fs::create_dir_all(&dir).ok()?;
    let status = Command::new("python3")
        .arg(&tool)
        .args(["--docs", &docs.to_string(), "--out"])
        .arg(&path)
        .status()
        .ok()?;
    if !status.success() {
        eprintln!("note: make-bench-corpus failed; skipping the generated corpus");
        return None;
    }
    Some(path)
}

pub fn text_bytes(articles: &[Article]) -> u64 {
    articles
        .iter()
        .map(|a| (a.title.len() + a.body.len()) as u64)
        .sum()
}

/// tantivy's stock German chain, as tantivy-ref builds it.
pub fn stock_german() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(StopWordFilter::new(Language::German).expect("German stop words"))
        .filter(Stemmer::new(Language::German))
        .build()
}

/// The baseline's fields.
pub struct Baseline {
    pub index: Index,
    pub id: Field,
    pub title: Field,
    pub body: Field,
    pub date: Field,
    pub source: Field,
    pub url: Field,
}

/// An empty baseline index in RAM; `store_body` decides the schema (see the module docs).
pub fn baseline(store_body: bool) -> Baseline {
    baseline_with(store_body, stock_german())
}

/// The chain of nachlese's first version (before compounds, name sounds and the plural
/// correction): its tokenizer, lowercasing, German stop words, Snowball German.
pub fn first_chain() -> TextAnalyzer {
    TextAnalyzer::builder(nachlese::analysis::GermanTokenizer::default())
        .filter(RemoveLongFilter::limit(nachlese::analysis::MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(StopWordFilter::new(Language::German).expect("German stop words"))
        .filter(Stemmer::new(Language::German))
        .build()
}

/// A baseline-shaped index whose title and body use `analyzer`.
pub fn baseline_with(store_body: bool, analyzer: TextAnalyzer) -> Baseline {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer("de_stem")
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let mut sb = Schema::builder();
    let id = sb.add_text_field("id", STRING | STORED);
    let title = sb.add_text_field(
        "title",
        TextOptions::default()
            .set_indexing_options(indexing.clone())
            .set_stored(),
    );
    let body_options = TextOptions::default().set_indexing_options(indexing);
    let body = sb.add_text_field(
        "body",
        if store_body {
            body_options.set_stored()
        } else {
            body_options
        },
    );
    let date = sb.add_date_field(
        "date",
        DateOptions::from(INDEXED)
            .set_fast()
            .set_stored()
            .set_precision(DateTimePrecision::Seconds),
    );
    let source = sb.add_text_field("source", STORED);
    let url = sb.add_text_field("url", STORED);
    let index = Index::create_in_ram(sb.build());
    index.tokenizers().register("de_stem", analyzer);

    Baseline {
        index,
        id,
        title,
        body,
        date,
        source,
        url,
    }
}

impl Baseline {
    pub fn add(&self, writer: &IndexWriter, a: &Article) {
        let mut doc = TantivyDocument::new();
        doc.add_text(self.id, &a.id);
        doc.add_text(self.title, &a.title);
        doc.add_text(self.body, &a.body);
        doc.add_date(self.date, DateTime::from_utc(a.date));
        if let Some(s) = &a.source {
            doc.add_text(self.source, s);
        }
        if let Some(u) = &a.url {
            doc.add_text(self.url, u);
        }
        writer.add_document(doc).expect("add");
    }

    /// Indexes the articles with `threads` threads and commits.
    pub fn fill(&self, articles: &[Article], threads: usize) {
        let mut writer: IndexWriter = self
            .index
            .writer_with_num_threads(threads, 256 << 20)
            .expect("writer");
        for a in articles {
            self.add(&writer, a);
        }
        writer.commit().expect("commit");
        writer.wait_merging_threads().expect("merge");
    }
}

/// A nachlese index in RAM filled with the articles by `threads` threads.
pub fn nachlese_index(articles: &[Article], threads: usize) -> nachlese::Index {
    let index = nachlese::Index::create_in_ram().expect("index");
    let mut writer = index
        .writer_with(nachlese::WriterOptions {
            threads,
            memory_bytes: 256 << 20,
        })
        .expect("writer");
    for a in articles {
        writer.add(a).expect("add");
    }
    writer.commit().expect("commit");
    index
}

/// The median estimate (ns) criterion saved for a benchmark, if any.
pub fn criterion_median(group: &str, function: &str) -> Option<f64> {
    let path = project()
        .join("target/criterion")
        .join(group.replace('/', "_"))
        .join(function)
        .join("new/estimates.json");
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    v["median"]["point_estimate"].as_f64()
}
