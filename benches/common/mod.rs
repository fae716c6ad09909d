//! What the benches share: the corpora, and the raw-tantivy baseline they are measured
//! against in the same run.
//!
//! The baseline is a minimal tantivy program with tantivy's stock German chain
//! (SimpleTokenizer, RemoveLongFilter(40), LowerCaser, StopWordFilter(German),
//! Stemmer(German)), the chain of `../shared/peers/tantivy-ref`. It comes in two schemas:
//! `peers`, exactly tantivy-ref's (the body indexed, not stored), and `stored`, which also
//! stores the body as nachlese must to show snippets and articles.

#![allow(dead_code)]

use std::io::Write;
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::process::Command;

use nachlese::Article;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, QueryParser, RangeQuery};
use tantivy::schema::Value;
use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer,
};
use tantivy::{DateTime, Index, IndexWriter, Order, TantivyDocument, Term};

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

/// tantivy's default chain, which does not stem: SimpleTokenizer, RemoveLongFilter(40),
/// LowerCaser.
pub fn no_stemming() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
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

/// A baseline-shaped index in RAM whose title and body use `analyzer`.
pub fn baseline_with(store_body: bool, analyzer: TextAnalyzer) -> Baseline {
    baseline_in(None, store_body, analyzer)
}

/// A baseline-shaped index in `dir` (in RAM without one) whose title and body use `analyzer`.
pub fn baseline_in(dir: Option<&Path>, store_body: bool, analyzer: TextAnalyzer) -> Baseline {
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
    let index = match dir {
        Some(dir) => Index::create_in_dir(dir, sb.build()).expect("baseline index"),
        None => Index::create_in_ram(sb.build()),
    };
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
    /// The baseline index in `dir`, as `baseline_in` created it with the stock chain.
    pub fn open(dir: &Path) -> tantivy::Result<Baseline> {
        let index = Index::open_in_dir(dir)?;
        index.tokenizers().register("de_stem", stock_german());
        let schema = index.schema();
        let field = |name: &str| schema.get_field(name);
        Ok(Baseline {
            id: field("id")?,
            title: field("title")?,
            body: field("body")?,
            date: field("date")?,
            source: field("source")?,
            url: field("url")?,
            index,
        })
    }

    /// Indexes the articles of a corpus file as it reads them, with `threads` threads, and
    /// commits: for corpora too large to hold in memory.
    pub fn fill_streaming(&self, corpus: &Path, threads: usize) {
        let mut writer: IndexWriter = self
            .index
            .writer_with_num_threads(threads, 256 << 20)
            .expect("writer");
        for doc in nachlese::corpus::Documents::new([corpus.to_path_buf()]).filter_map(Result::ok) {
            self.add(&writer, &doc.article);
        }
        writer.commit().expect("commit");
        writer.wait_merging_threads().expect("merge");
    }

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
    fill_nachlese(
        nachlese::Index::create_in_ram().expect("index"),
        articles,
        threads,
    )
}

/// `index` filled with the articles by `threads` threads.
pub fn fill_nachlese(
    index: nachlese::Index,
    articles: &[Article],
    threads: usize,
) -> nachlese::Index {
    fill_nachlese_with(index, articles, threads, true)
}

/// `index` filled with the articles by `threads` threads, with or without tagging the dates
/// they mention.
pub fn fill_nachlese_with(
    index: nachlese::Index,
    articles: &[Article],
    threads: usize,
    mentions: bool,
) -> nachlese::Index {
    let mut writer = index
        .writer_with(
            nachlese::WriterOptions::default()
                .threads(threads)
                .memory_bytes(256 << 20)
                .mentions(mentions),
        )
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

/// The bytes of the files under `dir`.
pub fn dir_bytes(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// One query of a type: words (may be empty) and a date range (may be open).
#[derive(Clone)]
pub struct Q {
    pub words: &'static str,
    pub from: Option<&'static str>,
    pub to: Option<&'static str>,
}

pub const fn q(words: &'static str) -> Q {
    Q {
        words,
        from: None,
        to: None,
    }
}

/// The baseline's search as tantivy-ref does it: parse the query, count all hits, find the
/// top 10 (by date or score), fetch each hit's stored id and, with `snippets`, a snippet;
/// print them to `out` if there is one.
pub fn baseline_search(
    b: &Baseline,
    searcher: &tantivy::Searcher,
    parser: &QueryParser,
    query: &Q,
    snippets: bool,
    by_date: bool,
    mut out: Option<&mut dyn Write>,
) -> usize {
    let text: Box<dyn Query> = if query.words.is_empty() {
        Box::new(tantivy::query::AllQuery)
    } else {
        parser.parse_query_lenient(query.words).0
    };
    let bound = |d: Option<&str>, end: bool| {
        d.map_or(Bound::Unbounded, |d| {
            let t = nachlese::dates::parse_timestamp(d).expect("date");
            let t = if end { t + time::Duration::DAY } else { t };
            let term = Term::from_field_date_for_search(b.date, DateTime::from_utc(t));
            if end {
                Bound::Excluded(term)
            } else {
                Bound::Included(term)
            }
        })
    };
    let full: Box<dyn Query> = if query.from.is_some() || query.to.is_some() {
        let range = RangeQuery::new(bound(query.from, false), bound(query.to, true));
        Box::new(BooleanQuery::new(vec![
            (Occur::Must, text.box_clone()),
            (Occur::Must, Box::new(BoostQuery::new(Box::new(range), 0.0))),
        ]))
    } else {
        text.box_clone()
    };
    // The total number of hits is part of the answer, as nachlese gives it.
    let (total, addresses): (usize, Vec<_>) = if by_date {
        let top = TopDocs::with_limit(10).order_by_fast_field::<DateTime>("date", Order::Desc);
        let (n, top) = searcher.search(&full, &(Count, top)).expect("search");
        (n, top.into_iter().map(|(_, a)| a).collect())
    } else {
        let (n, top) = searcher
            .search(&full, &(Count, TopDocs::with_limit(10).order_by_score()))
            .expect("search");
        (n, top.into_iter().map(|(_, a)| a).collect())
    };
    let generator =
        snippets.then(|| SnippetGenerator::create(searcher, &*text, b.body).expect("snippets"));
    let mut n = total;
    if let Some(out) = &mut out {
        writeln!(out, "{total} hits").expect("print");
    }
    for (rank, a) in addresses.into_iter().enumerate() {
        let doc: TantivyDocument = searcher.doc(a).expect("doc");
        let id = doc.get_first(b.id).and_then(|v| v.as_str()).unwrap_or("");
        n += id.len();
        let snippet = generator.as_ref().map(|g| g.snippet_from_doc(&doc));
        if let Some(s) = &snippet {
            n += s.fragment().len();
        }
        if let Some(out) = &mut out {
            let title = doc
                .get_first(b.title)
                .and_then(|v| v.as_str())
                .unwrap_or("");
            writeln!(out, "{:>2}. {title} ({id})", rank + 1).expect("print");
            if let Some(s) = &snippet {
                writeln!(out, "    {}", s.to_html()).expect("print");
            }
        }
    }
    n
}

/// The `p` quantile (0 to 1) of sorted durations.
pub fn percentile(sorted: &[std::time::Duration], p: f64) -> std::time::Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}
