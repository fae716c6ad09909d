//! The whole CLI process, as a user at a terminal or a script meets it: `nachlese search
//! QUERY` from exec to exit, hits and snippets printed, page cache warm. Measured against a
//! baseline process in the same run: this bench binary re-executed as a minimal tantivy
//! program (open the index, parse the query, count the hits, find the top 10, fetch and print
//! each with a tantivy snippet) over the stock-chain index of the same corpus (see `common`).
//! A second pair, `nachlese --version` against the baseline exiting at once, shows the cost of
//! starting a process at all, which no search goes below.
//!
//! `cargo bench --bench cli`, on the generated corpus of BENCH_DOCS articles (default
//! 20,000). Both indexes are built once, under `target/bench-data/cli-DOCS/` (nachlese's with
//! the real `nachlese index`); delete that folder to rebuild them.

mod common;

use std::cell::RefCell;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion};
use tantivy::query::QueryParser;

/// Set in the environment of the re-executed bench binary: the baseline index's folder, or
/// `exit` to exit at once. The query is in the arguments.
const BASELINE_ENV: &str = "NACHLESE_BENCH_BASELINE";

const QUERIES: [&str; 4] = [
    "Putin Auto",
    "Regierung",
    "Verteidigungsminister Besuch",
    "\"Europäischen Union\"",
];

fn nachlese_bin() -> &'static str {
    env!("CARGO_BIN_EXE_nachlese")
}

fn main() {
    if let Ok(mode) = std::env::var(BASELINE_ENV) {
        if mode != "exit" {
            let words = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
            baseline_process(Path::new(&mode), words);
        }
        return;
    }
    let docs: usize = std::env::var("BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let Some(corpus) = common::generated_corpus(docs) else {
        return;
    };
    let dir = common::project()
        .join("target/bench-data")
        .join(format!("cli-{docs}"));
    let (ours, base) = indexes(&dir, &corpus);
    let mut c = Criterion::default().configure_from_args();
    let me = std::env::current_exe().expect("the bench binary");

    let start = compare(
        &mut c,
        &format!("cli/bench-{docs}/start"),
        |_| {
            let mut cmd = Command::new(nachlese_bin());
            cmd.arg("--version");
            cmd
        },
        |_| {
            let mut cmd = Command::new(&me);
            cmd.env(BASELINE_ENV, "exit");
            cmd
        },
    );
    let search = compare(
        &mut c,
        &format!("cli/bench-{docs}/search"),
        |q| {
            let mut cmd = Command::new(nachlese_bin());
            cmd.arg("search").arg("--index").arg(&ours).arg(q);
            cmd
        },
        |q| {
            let mut cmd = Command::new(&me);
            cmd.env(BASELINE_ENV, &base).args(q.split(' '));
            cmd
        },
    );
    println!("\nbench-{docs}: {docs} articles; one whole process, exec to exit (ms)");
    println!(
        "{:<26} {:>10} {:>10} {:>10} {:>10} {:>8}",
        "command", "ours p50", "ours p99", "base p50", "base p99", "ratio"
    );
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    for (name, row) in [("start (--version)", start), ("search, snippets", search)] {
        let Some([o50, o99, b50, b99]) = row else {
            continue;
        };
        println!(
            "{name:<26} {:>10.2} {:>10.2} {:>10.2} {:>10.2} {:>8.2}",
            ms(o50),
            ms(o99),
            ms(b50),
            ms(b99),
            ms(o50) / ms(b50)
        );
    }
    println!("(ratio: nachlese's median over the baseline's; below 1 is faster)");
    c.final_summary();
}

/// The two indexes of the corpus in `dir`, each built on first use (a file `NAME.done`
/// beside it says it is complete, and holds the version it was built with: nachlese's index
/// of an older analyzer version is built again, or nachlese would only print its error).
fn indexes(dir: &Path, corpus: &Path) -> (PathBuf, PathBuf) {
    let build = |name: &str, version: &str, fill: &dyn Fn(&Path)| {
        let index = dir.join(name);
        let done = dir.join(format!("{name}.done"));
        if std::fs::read_to_string(&done).ok().as_deref() != Some(version) {
            let _ = std::fs::remove_dir_all(&index);
            std::fs::create_dir_all(&index).expect("bench index folder");
            eprintln!("building {}", index.display());
            fill(&index);
            std::fs::write(&done, version).expect("bench index marker");
        }
        index
    };
    let analyzer = format!("analyzer {}", nachlese::analysis::ANALYZER_VERSION);
    let ours = build("nachlese", &analyzer, &|index| {
        let status = Command::new(nachlese_bin())
            .arg("index")
            .arg("--index")
            .arg(index)
            .arg("-q")
            .arg(corpus)
            .status()
            .expect("nachlese index");
        assert!(status.success(), "nachlese index failed");
    });
    let base = build("baseline", "", &|index| {
        common::baseline_in(Some(index), true, common::stock_german()).fill_streaming(corpus, 2)
    });
    (ours, base)
}

/// Runs nachlese's and the baseline's command alternately, over the queries in turn, and
/// returns the median and p99 of each: `[ours p50, ours p99, base p50, base p99]`.
fn compare(
    c: &mut Criterion,
    group: &str,
    ours: impl Fn(&str) -> Command,
    base: impl Fn(&str) -> Command,
) -> Option<[Duration; 4]> {
    let samples: [RefCell<Vec<Duration>>; 2] = Default::default();
    let mut g = c.benchmark_group(group);
    g.warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    let commands: [&dyn Fn(&str) -> Command; 2] = [&ours, &base];
    for (which, name) in ["nachlese", "baseline"].into_iter().enumerate() {
        g.bench_function(BenchmarkId::from_parameter(name), |b| {
            let mut i = 0;
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    let mut cmd = commands[which](QUERIES[i % QUERIES.len()]);
                    i += 1;
                    let t = Instant::now();
                    let status = cmd
                        .stdout(Stdio::null())
                        .stderr(Stdio::null())
                        .status()
                        .expect("run");
                    let d = t.elapsed();
                    assert!(status.code().is_some_and(|c| c <= 1), "{cmd:?}: {status}");
                    samples[which].borrow_mut().push(d);
                    total += d;
                }
                total
            })
        });
    }
    g.finish();
    let [o, b] = samples.map(|s| {
        let mut v = s.into_inner();
        v.sort();
        v
    });
    (!o.is_empty() && !b.is_empty()).then(|| {
        [
            common::percentile(&o, 0.5),
            common::percentile(&o, 0.99),
            common::percentile(&b, 0.5),
            common::percentile(&b, 0.99),
        ]
    })
}

/// The baseline process: search the stock-chain index in `dir` for `words` and print the
/// hits with snippets.
fn baseline_process(dir: &Path, words: String) {
    let base = common::Baseline::open(dir).expect("baseline index");
    let reader = base
        .index
        .reader_builder()
        .reload_policy(tantivy::ReloadPolicy::Manual)
        .try_into()
        .expect("reader");
    let searcher: tantivy::Searcher = tantivy::IndexReader::searcher(&reader);
    let mut parser = QueryParser::for_index(&base.index, vec![base.title, base.body]);
    parser.set_conjunction_by_default();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    common::baseline_search(
        &base,
        &searcher,
        &parser,
        &common::q(Box::leak(words.into())),
        true,
        false,
        Some(&mut out),
    );
    out.flush().expect("print");
}
