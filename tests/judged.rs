//! Ranking quality on real news: judged queries over `../shared/data/zeitgeist-de` (4,161
//! tagesschau.de/zeit.de teasers), typed as users type them, in six kinds (names in other
//! spellings, typos, ae/oe/ue/ss spellings, compounds, plain keywords, questions).
//!
//! Two sets, each a folder of `tests/data/` (see their README.md): the queries with the
//! information need each was judged against, the graded judgements (0 not relevant, 1 partly,
//! 2 exactly what was asked) of the pooled top 10 of nachlese, Lucene and tantivy (OR and
//! AND), and the stored peer runs (ids and scores only: the texts are the publishers').
//! `judged-zeitgeist` holds 48 queries written and judged by the people who built the
//! ranking; `judged-zeitgeist-blind` 24 written by one who had not seen it and judged by
//! others who saw the pooled articles shuffled, without knowing which engine found which.
//!
//! Each test indexes the corpus, runs every query as `nachlese search -n 10` does (default
//! options), prints nDCG@10, P@10 and MRR per kind for nachlese and the peer runs, lists
//! nachlese's unjudged hits (they count as not relevant: judge them when a ranking change
//! brings new ones), and fails when nachlese's nDCG@10 falls below the floors measured.

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use nachlese::{Index, SearchRequest};

use crate::util::{self, project};

/// A judged set: its folder inside the repository, the stored runs shown beside nachlese's
/// (as `runs/NAME.tsv`) and nachlese's floors.
struct Set {
    dir: &'static str,
    peers: &'static [&'static str],
    floors: &'static [(&'static str, f64)],
}

/// The set judged by the people who built the ranking. Beside the peers it shows nachlese
/// before relaxed answers (`nachlese-strict`: every plain word required, questions and all).
const OWN: Set = Set {
    dir: "tests/data/judged-zeitgeist",
    peers: &[
        "nachlese-strict",
        "lucene-or",
        "lucene-and",
        "tantivy-or",
        "tantivy-and",
    ],
    floors: &FLOORS,
};

/// The set written and judged blind (see the module's documentation). Beside the peers it
/// shows nachlese's run from before its queries were seen (`nachlese-before`, 7930f96).
const BLIND: Set = Set {
    dir: "tests/data/judged-zeitgeist-blind",
    peers: &[
        "nachlese-before",
        "lucene-or",
        "lucene-and",
        "tantivy-or",
        "tantivy-and",
    ],
    floors: &BLIND_FLOORS,
};

/// The kinds, in the order the table shows them.
const KINDS: [&str; 6] = [
    "names",
    "typos",
    "spellings",
    "compounds",
    "keywords",
    "questions",
];

/// nachlese's nDCG@10 per kind and overall ("all") as measured; the test fails below them.
/// Raise them when the ranking gets better.
///
/// Lowered once, on purpose: when the judgements were made (all 0.5282), an article matching
/// a word only by sound or as a compound part could outrank one holding every word as
/// written, so that paging through the hits repeated or skipped articles. Articles holding
/// every word as written now rank first (search/tier.rs), which cost 0.0025 overall.
///
/// Raised with relaxed answers (search/coverage.rs: when fewer than 10 articles hold every
/// word, those holding the most words follow, by score), questions read for their content
/// words (search/questions.rs), unquoted hyphenated words as loose as plain ones, and
/// compounds found by their halves near each other: all 0.521 → 0.841 (names .706 → .843,
/// typos .772 → .961, spellings .808 → .950, compounds .478 → .751, keywords .575 → .854,
/// questions .044 → .785; `nachlese-strict` is the run
/// before, measured against the same judgements), after judging the 114 articles the change
/// brought into the top 10. The corpus is indexed on one thread since, so that hits scoring
/// alike keep their order from run to run.
///
/// Raised again: 0.841 → 0.878. Hits lacking words rank by score times the share of the
/// query's weight they hold, not by how many words (search/coverage.rs); a question's
/// lowercase words need not be held beside its nouns (`Plan::soft`, search/plan.rs); a
/// name's final `sch` also sounds like the `š` of Babiš (analysis/word.rs). Names .843 →
/// .898, spellings .950 → .967, compounds .751 → .766, keywords .854 → .881, questions .785
/// → .872, typos unchanged; one new article judged.
///
/// Raised again: 0.878 → 0.883. A rare compound's modifier stands in for it as a hint
/// (search/coverage.rs): compounds .766 → .783, keywords .881 → .886, questions .872 → .876;
/// seven new articles judged.
///
/// Raised again: 0.883 → 0.889. A long word the lexicon cannot split is split where the
/// archive uses both parts most (search/plan.rs, `archive_halves`), so that
/// `Cannabislegalisierung` finds "Legalisierung von Cannabis" and has a modifier hint; an
/// article holding only a hint is a hit (compounds .783 → .812, keywords .886 → .889).
///
/// Lowered on purpose: questions 0.8763 → 0.8721, all 0.8891 → 0.8883. `beim`, `ans`,
/// `übers` and the other merged prepositions Snowball's list lacks became stop words
/// (analysis/stopwords.rs), so that `Anschlag beim CSD` no longer needs articles saying
/// `beim` (4 articles held all three words, now 16 hold the two). In q9 (`Wie viele Tote gab
/// es beim Erdbeben in Venezuela?`) an article rose to ninth only because it says "beim
/// Spielen"; without it two articles on Colombia's earthquake take ninth and tenth place.
///
/// Lowered again on purpose: questions 0.8721 → 0.8676, all 0.8883 → 0.8874. Of two
/// articles scoring the same, the newer now comes first on every path, as documented
/// (search/by_score.rs; the page of words as written took the one indexed first). In q4 two
/// live-blog items score exactly alike, and the newer of them is the one judged 1.
///
/// Typos lowered on purpose: 0.9608 → 0.9565 (all 0.8874 → 0.8873). `USA` is indexed as
/// the `US` of `US-Soldaten` (analysis/word.rs), so `USA` no longer has a sound code: the
/// names fields hold fewer terms, every score through them moves a little, and in t2 two
/// articles on the Epstein files (judged 2 and 1, blind) took ninth and tenth place from two
/// judged 2.
const FLOORS: [(&str, f64); 7] = [
    ("names", 0.8972),
    ("typos", 0.9560),
    ("spellings", 0.9664),
    ("compounds", 0.8118),
    ("keywords", 0.8885),
    ("questions", 0.8671),
    ("all", 0.8868),
];

/// [`FLOORS`] of the blind set. First measured on 7930f96, before anyone who built the
/// ranking had seen its queries: all 0.923 (names .707, typos .989, spellings .984,
/// compounds .991, keywords .970, questions .898), the best OR peer tantivy's 0.717. Raised
/// to these (less 0.0005) after English `j` between vowels was read as German `dsch` (analysis/word.rs:
/// `Larijani`, archived `Laridschani`, had found nothing; names .707 → .957), with the three
/// articles it brought judged as the others were.
///
/// Raised again with the merged prepositions as stop words (see [`FLOORS`]): in f22 (`Wer
/// war der Täter beim Anschlag auf den CSD in Berlin?`) articles lacking `beim` no longer
/// rank below those holding it by chance (questions .898 → .912, all .965 → .967).
///
/// Compounds lowered with the judgements, not the ranking: `USA` as the `US` of compounds
/// brought a grade-2 article no engine had found into f14's top 10, which raised its ideal
/// (every run's f14 fell: nachlese-before's compounds .991 → .961); nachlese .982, all .966.
const BLIND_FLOORS: [(&str, f64); 7] = [
    ("names", 0.9568),
    ("typos", 0.9888),
    ("spellings", 0.9833),
    ("compounds", 0.9816),
    ("keywords", 0.9691),
    ("questions", 0.9120),
    ("all", 0.9653),
];

/// Room for float rounding in the comparison with the floors.
const TOLERANCE: f64 = 0.0005;

/// How deep every measure looks.
const DEPTH: usize = 10;

struct Query {
    id: String,
    kind: String,
    text: String,
}

/// Rows of a tab-separated file of a set, without its header line.
fn rows(set: &Set, rel: &str) -> Vec<Vec<String>> {
    let path = project().join(set.dir).join(rel);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::to_owned).collect())
        .collect()
}

fn queries(set: &Set) -> Vec<Query> {
    rows(set, "queries.tsv")
        .into_iter()
        .map(|r| {
            assert!(r.len() >= 3, "queries.tsv: short row {r:?}");
            assert!(KINDS.contains(&r[1].as_str()), "unknown kind in {r:?}");
            Query {
                id: r[0].clone(),
                kind: r[1].clone(),
                text: r[2].clone(),
            }
        })
        .collect()
}

/// Query id -> article id -> grade.
type Judgements = HashMap<String, HashMap<String, u8>>;

fn judgements(set: &Set) -> Judgements {
    let mut judged = Judgements::new();
    for r in rows(set, "judgements.tsv") {
        let grade: u8 = r[2]
            .parse()
            .unwrap_or_else(|_| panic!("judgements.tsv: bad grade in {r:?}"));
        assert!(grade <= 2, "judgements.tsv: grade above 2 in {r:?}");
        let old = judged
            .entry(r[0].clone())
            .or_default()
            .insert(r[1].clone(), grade);
        assert!(
            old.is_none(),
            "judgements.tsv: {}/{} judged twice",
            r[0],
            r[1]
        );
    }
    judged
}

/// Query id -> article ids in rank order.
type Run = HashMap<String, Vec<String>>;

fn stored_run(set: &Set, name: &str) -> Run {
    let mut run = Run::new();
    for r in rows(set, &format!("runs/{name}.tsv")) {
        run.entry(r[0].clone()).or_default().push(r[2].clone());
    }
    run
}

/// The corpus indexed once for both sets.
fn corpus_index(corpus: &Path) -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| index_corpus(corpus))
}

/// The corpus in an index in memory, every article added as `nachlese index` adds a JSON
/// Lines file's.
fn index_corpus(corpus: &Path) -> Index {
    let file = std::fs::File::open(corpus).expect("open the corpus");
    let index = Index::create_in_ram().expect("index in RAM");
    // One thread: the articles keep the corpus's order, so that hits scoring alike rank the
    // same in every run (several threads share them out among segments by chance).
    let mut writer = index
        .writer_with(nachlese::WriterOptions::default().threads(1))
        .expect("writer");
    for doc in nachlese::corpus::read_json_lines(corpus, std::io::BufReader::new(file)) {
        writer.add(&doc.expect("corpus line").article).expect("add");
    }
    writer.commit().expect("commit");
    index
}

fn nachlese_run(index: &Index, queries: &[Query]) -> Run {
    queries
        .iter()
        .map(|q| {
            let results = index
                .search(&SearchRequest::new(&q.text).limit(DEPTH))
                .unwrap_or_else(|e| panic!("{}: {e}", q.text));
            let ids = results.hits.into_iter().map(|h| h.id).collect();
            (q.id.clone(), ids)
        })
        .collect()
}

/// One query's measures.
#[derive(Default, Clone, Copy)]
struct Measures {
    ndcg: f64,
    precision: f64,
    reciprocal_rank: f64,
}

/// nDCG@10 with gains 0/1/2 and a log2 discount, the ideal ranking made of all the query's
/// judged grades; P@10 and the reciprocal rank count grade 1 and 2 as relevant. Unjudged
/// ids count as 0.
fn measure(ranked: &[String], grades: &HashMap<String, u8>) -> Measures {
    let discount = |rank: usize| 1.0 / ((rank + 2) as f64).log2();
    let gains: Vec<f64> = ranked
        .iter()
        .take(DEPTH)
        .map(|id| f64::from(grades.get(id).copied().unwrap_or(0)))
        .collect();
    let dcg: f64 = gains.iter().enumerate().map(|(i, g)| g * discount(i)).sum();
    let mut ideal: Vec<f64> = grades.values().map(|&g| f64::from(g)).collect();
    ideal.sort_by(|a, b| b.total_cmp(a));
    let idcg: f64 = ideal
        .iter()
        .take(DEPTH)
        .enumerate()
        .map(|(i, g)| g * discount(i))
        .sum();
    let relevant = gains.iter().filter(|&&g| g >= 1.0).count();
    let first = gains.iter().position(|&g| g >= 1.0);
    Measures {
        // An empty f64 sum is -0.0, which would print as "-0.00".
        ndcg: if dcg > 0.0 { dcg / idcg } else { 0.0 },
        precision: relevant as f64 / DEPTH as f64,
        reciprocal_rank: first.map_or(0.0, |i| 1.0 / (i + 1) as f64),
    }
}

/// Mean measures per kind and over all queries ("all").
fn summarize(queries: &[Query], run: &Run, judged: &Judgements) -> HashMap<String, Measures> {
    let empty = HashMap::new();
    let mut sums: HashMap<String, (Measures, usize)> = HashMap::new();
    for q in queries {
        let ranked = run.get(&q.id).map_or(&[][..], Vec::as_slice);
        let m = measure(ranked, judged.get(&q.id).unwrap_or(&empty));
        for key in [q.kind.as_str(), "all"] {
            let (sum, n) = sums.entry(key.to_owned()).or_default();
            sum.ndcg += m.ndcg;
            sum.precision += m.precision;
            sum.reciprocal_rank += m.reciprocal_rank;
            *n += 1;
        }
    }
    sums.into_iter()
        .map(|(kind, (s, n))| {
            let n = n as f64;
            let mean = Measures {
                ndcg: s.ndcg / n,
                precision: s.precision / n,
                reciprocal_rank: s.reciprocal_rank / n,
            };
            (kind, mean)
        })
        .collect()
}

/// `println!` into a `String`.
macro_rules! say {
    ($out:expr, $($arg:tt)*) => {{
        $out.push_str(&format!($($arg)*));
        $out.push('\n');
    }};
}

/// `print!` into a `String`.
macro_rules! put {
    ($out:expr, $($arg:tt)*) => {
        $out.push_str(&format!($($arg)*))
    };
}

fn print_table(
    out: &mut String,
    queries: &[Query],
    engines: &[(&str, HashMap<String, Measures>)],
    title: &str,
    pick: fn(&Measures) -> f64,
) {
    say!(out, "\n{title}");
    put!(out, "| kind | n |");
    for (name, _) in engines {
        put!(out, " {name} |");
    }
    say!(out, "\n|---|---:|{}", "---:|".repeat(engines.len()));
    for kind in KINDS.iter().copied().chain(["all"]) {
        let n = queries
            .iter()
            .filter(|q| kind == "all" || q.kind == kind)
            .count();
        put!(out, "| {kind} | {n} |");
        for (_, summary) in engines {
            put!(out, " {:.3} |", summary.get(kind).map_or(0.0, pick));
        }
        out.push('\n');
    }
}

#[test]
fn judged_zeitgeist_queries_rank_as_well_as_measured() {
    check(&OWN);
}

#[test]
fn blind_judged_zeitgeist_queries_rank_as_well_as_measured() {
    check(&BLIND);
}

/// Runs a set's queries, prints its tables and checks its floors.
fn check(set: &Set) {
    let Some(dir) = util::shared("data/zeitgeist-de") else {
        return;
    };
    let queries = queries(set);
    let judged = judgements(set);
    for q in &queries {
        assert!(judged.contains_key(&q.id), "{} has no judgements", q.id);
    }
    let index = corpus_index(&dir.join("articles.jsonl"));
    let ours = nachlese_run(index, &queries);

    let mut engines = vec![("nachlese", summarize(&queries, &ours, &judged))];
    for name in set.peers {
        engines.push((name, summarize(&queries, &stored_run(set, name), &judged)));
    }
    // The two sets' tests run side by side: printed at once, a set's tables stay together.
    let mut out = String::new();
    say!(
        out,
        "judged zeitgeist-de queries of {}: P@10 and MRR count grades 1 and 2 as relevant",
        set.dir
    );
    print_table(&mut out, &queries, &engines, "nDCG@10", |m| m.ndcg);
    print_table(&mut out, &queries, &engines, "P@10", |m| m.precision);
    print_table(&mut out, &queries, &engines, "MRR", |m| m.reciprocal_rank);

    // The goal: nDCG@10 at least 1.25 times the best OR peer's, overall and per kind.
    let or_peers = ["lucene-or", "tantivy-or"];
    say!(
        out,
        "\nnDCG@10, nachlese over the best OR peer (goal: 1.25 overall, >= 1 per kind):"
    );
    for kind in KINDS.iter().chain(&["all"]) {
        let best = engines
            .iter()
            .filter(|(name, _)| or_peers.contains(name))
            .map(|(name, s)| (s[*kind].ndcg, *name))
            .fold((0.0, ""), |a, b| if b.0 > a.0 { b } else { a });
        say!(
            out,
            "  {kind:<9} {:.4} / {:.4} ({}) = {:.3}",
            engines[0].1[*kind].ndcg,
            best.0,
            best.1,
            engines[0].1[*kind].ndcg / best.0
        );
    }

    say!(
        out,
        "\nnDCG@10 per query (nachlese, then {}):",
        set.peers.join(", ")
    );
    let peer_runs: Vec<Run> = set.peers.iter().map(|name| stored_run(set, name)).collect();
    let empty = HashMap::new();
    for q in &queries {
        let grades = judged.get(&q.id).unwrap_or(&empty);
        let ndcg = |run: &Run| measure(run.get(&q.id).map_or(&[][..], Vec::as_slice), grades).ndcg;
        let peers: Vec<String> = peer_runs
            .iter()
            .map(|r| format!("{:.2}", ndcg(r)))
            .collect();
        say!(
            out,
            "  {:<4} {:<9} {:.2} | {}  {}",
            q.id,
            q.kind,
            ndcg(&ours),
            peers.join(" "),
            q.text
        );
    }

    // The run the judgements were pooled from; where today's differs, the pool may lack hits.
    let pooled = stored_run(set, "nachlese");
    let changed: Vec<&str> = queries
        .iter()
        .filter(|q| pooled.get(&q.id).map_or(&[][..], Vec::as_slice) != ours[&q.id].as_slice())
        .map(|q| q.id.as_str())
        .collect();
    say!(
        out,
        "\nqueries whose top 10 differs from the pooled run (runs/nachlese.tsv): {}",
        if changed.is_empty() {
            "none".to_owned()
        } else {
            changed.join(", ")
        }
    );

    let unjudged: Vec<String> = queries
        .iter()
        .flat_map(|q| {
            let grades = &judged[&q.id];
            ours[&q.id]
                .iter()
                .filter(|id| !grades.contains_key(*id))
                .map(|id| format!("{} {id}", q.id))
                .collect::<Vec<_>>()
        })
        .collect();
    say!(
        out,
        "nachlese's top 10 has {} unjudged hits (counted as 0; judge them in judgements.tsv): {}",
        unjudged.len(),
        if unjudged.is_empty() {
            "none".to_owned()
        } else {
            unjudged.join(", ")
        }
    );

    print!("{out}");

    let summary = &engines[0].1;
    let dropped: Vec<String> = set
        .floors
        .iter()
        .filter(|(kind, floor)| summary[*kind].ndcg < floor - TOLERANCE)
        .map(|(kind, floor)| format!("{kind}: {:.4} < {floor}", summary[*kind].ndcg))
        .collect();
    assert!(
        dropped.is_empty(),
        "{}: nachlese's nDCG@10 dropped below the measured floors: {}",
        set.dir,
        dropped.join("; ")
    );
}
