//! Search latency per query type, in process: nachlese against the raw-tantivy baseline (see
//! `common`; its stored-body schema, which snippets need) on the same articles, in one run,
//! queries alternating between the two. Reports the median and p99 of single queries and the
//! ratio of medians; and nachlese with its expansions off (`--exact`: no compound parts, name
//! sounds or typo corrections), which shows what the German expansions cost.
//!
//! The timed unit, as in `../shared/peers/tantivy-ref`: parse the query, find the top 10,
//! fetch each hit's stored id (nachlese: its stored article); both also count all hits, as a
//! search tool must say how many there are. "with snippets" adds a snippet for each hit (the
//! baseline uses tantivy's `SnippetGenerator`).
//!
//! `cargo bench --bench search` (corpora: `../shared/data/10kgnad`, and a generated corpus of
//! BENCH_DOCS articles, default 20,000).

mod common;

use std::cell::RefCell;
use std::time::{Duration, Instant};

use common::{Q, q};
use criterion::{BenchmarkId, Criterion};
use nachlese::search::Expansions;
use nachlese::{DateRange, SearchRequest, Sort};
use tantivy::query::QueryParser;

fn types() -> Vec<(&'static str, Vec<common::Q>, bool, bool)> {
    // (name, queries, snippets, sort by date)
    vec![
        (
            "single word",
            vec![q("Israel"), q("Regierung"), q("Fußball"), q("Klimawandel")],
            false,
            false,
        ),
        (
            "two or three words",
            vec![
                q("Putin Auto"),
                q("Flüchtlinge Grenze"),
                q("Trump Putin Gipfel"),
                q("Haushalt Schulden"),
            ],
            false,
            false,
        ),
        (
            // Fewer than ten articles of the 100,000 hold both words: nachlese relaxes the
            // answer (the baseline's AND answers with those few).
            "thin two words",
            vec![
                q("Drohnenabwehr Flughafen"),
                q("Cannabislegalisierung Bilanz"),
                q("Krankenkassenbeiträge Anstieg"),
                q("Stromausfall Bundesliga"),
            ],
            false,
            false,
        ),
        (
            "phrase",
            vec![
                q("\"Europäischen Union\""),
                q("\"Vereinigten Staaten\""),
                q("\"im vergangenen Jahr\""),
            ],
            false,
            false,
        ),
        (
            "date range",
            vec![
                Q {
                    words: "Regierung",
                    from: Some("2010-01-01"),
                    to: Some("2012-12-31"),
                },
                Q {
                    words: "Ukraine",
                    from: Some("2020-01-01"),
                    to: Some("2025-12-31"),
                },
            ],
            false,
            false,
        ),
        (
            "date-sorted listing",
            vec![Q {
                words: "",
                from: Some("2015-01-01"),
                to: Some("2016-12-31"),
            }],
            false,
            true,
        ),
        (
            "with snippets",
            vec![
                q("Verteidigungsminister Besuch"),
                q("Merz Zölle"),
                q("Waffenruhe Gaza"),
            ],
            true,
            false,
        ),
    ]
}

fn nachlese_request(query: &Q, snippets: bool, by_date: bool, exact: bool) -> SearchRequest {
    let period = |d: Option<&str>| d.map(|d| d.parse().expect("date"));
    let range = DateRange::new(period(query.from), period(query.to)).expect("range");
    SearchRequest::new(query.words)
        .range(range)
        .limit(10)
        .snippets(if snippets { 200 } else { 0 })
        .sort(if by_date {
            Sort::Newest
        } else {
            Sort::Relevance
        })
        .expansions(if exact {
            Expansions::NONE
        } else {
            Expansions::default()
        })
}

fn corpus(c: &mut Criterion, name: &str, articles: &[nachlese::Article]) {
    let ours = common::nachlese_index(articles, 2);
    let base = common::baseline(true);
    base.fill(articles, 2);
    let searcher = base.index.reader().expect("reader").searcher();
    let mut parser = QueryParser::for_index(&base.index, vec![base.title, base.body]);
    parser.set_conjunction_by_default();

    let mut rows = Vec::new();
    for (ty, queries, snippets, by_date) in types() {
        let samples: [RefCell<Vec<Duration>>; 3] = Default::default();
        let mut g = c.benchmark_group(format!("search/{name}/{ty}"));
        g.warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(3));
        for (k, (variant, exact)) in [("nachlese", false), ("nachlese-exact", true)]
            .into_iter()
            .enumerate()
        {
            let requests: Vec<SearchRequest> = queries
                .iter()
                .map(|q| nachlese_request(q, snippets, by_date, exact))
                .collect();
            g.bench_function(BenchmarkId::from_parameter(variant), |b| {
                let mut i = 0;
                b.iter_custom(|iters| {
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        let r = &requests[i % requests.len()];
                        i += 1;
                        let t = Instant::now();
                        std::hint::black_box(ours.search(r).expect("search"));
                        let d = t.elapsed();
                        samples[k].borrow_mut().push(d);
                        total += d;
                    }
                    total
                })
            });
        }
        g.bench_function(BenchmarkId::from_parameter("baseline"), |b| {
            let mut i = 0;
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let q = &queries[i % queries.len()];
                    i += 1;
                    let t = Instant::now();
                    std::hint::black_box(common::baseline_search(
                        &base, &searcher, &parser, q, snippets, by_date, None,
                    ));
                    let d = t.elapsed();
                    samples[2].borrow_mut().push(d);
                    total += d;
                }
                total
            })
        });
        g.finish();
        let [ours_s, exact_s, base_s] = samples.map(|s| {
            let mut v = s.into_inner();
            v.sort();
            v
        });
        if !ours_s.is_empty() && !exact_s.is_empty() && !base_s.is_empty() {
            rows.push((
                ty,
                common::percentile(&ours_s, 0.5),
                common::percentile(&ours_s, 0.99),
                common::percentile(&exact_s, 0.5),
                common::percentile(&base_s, 0.5),
                common::percentile(&base_s, 0.99),
            ));
        }
    }
    println!(
        "\n{name}: {} articles; latency of one query (µs)",
        articles.len()
    );
    println!(
        "{:<22} {:>10} {:>10} {:>10} {:>10} {:>10} {:>8} {:>8}",
        "query type", "ours p50", "ours p99", "exact p50", "base p50", "base p99", "ratio", "exact"
    );
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    for (ty, o50, o99, e50, b50, b99) in rows {
        println!(
            "{ty:<22} {:>10.1} {:>10.1} {:>10.1} {:>10.1} {:>10.1} {:>8.2} {:>8.2}",
            us(o50),
            us(o99),
            us(e50),
            us(b50),
            us(b99),
            us(o50) / us(b50),
            us(e50) / us(b50)
        );
    }
    println!(
        "(ratio: nachlese's median over the baseline's, below 1 is faster; exact: the same with \
         the expansions off, --exact)"
    );
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    if let Some(articles) = common::gnad() {
        corpus(&mut c, "10kgnad", &articles);
    }
    let docs: usize = std::env::var("BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    if let Some((_, articles)) = common::bench_corpus(docs) {
        corpus(&mut c, &format!("bench-{docs}"), &articles);
    }
    c.final_summary();
}
