//! Searching a big archive's segments on all cores.

use std::sync::OnceLock;

use tantivy::collector::Collector;
use tantivy::query::{EnableScoring, Query};
use tantivy::{Executor, Searcher};

/// An archive of at least this many articles, in two or more segments, is searched on all
/// cores, a segment per task: each segment's search is then milliseconds of work (a phrase of
/// common words at a million articles: 8 ms on one core), and handing segments to a pool of
/// threads, made once per process, costs a fraction of that. In smaller archives a whole
/// search takes well under a millisecond, about what waking another thread can cost.
const PARALLEL_FROM_DOCS: u64 = 250_000;

/// `searcher.search`, on all cores for a big archive.
pub(crate) fn search<C: Collector>(
    searcher: &Searcher,
    query: &dyn Query,
    collector: &C,
) -> tantivy::Result<C::Fruit> {
    search_from(searcher, query, collector, PARALLEL_FROM_DOCS)
}

/// [`search`], on all cores from `from_docs` articles on.
fn search_from<C: Collector>(
    searcher: &Searcher,
    query: &dyn Query,
    collector: &C,
    from_docs: u64,
) -> tantivy::Result<C::Fruit> {
    let scoring = if collector.requires_scoring() {
        EnableScoring::enabled_from_searcher(searcher)
    } else {
        EnableScoring::disabled_from_searcher(searcher)
    };
    searcher.search_with_executor(query, collector, executor(searcher, from_docs), scoring)
}

fn executor(searcher: &Searcher, from_docs: u64) -> &'static Executor {
    static SINGLE: Executor = Executor::SingleThread;
    static POOL: OnceLock<Option<Executor>> = OnceLock::new();
    if searcher.num_docs() < from_docs || searcher.segment_readers().len() < 2 {
        return &SINGLE;
    }
    POOL.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        // No pool where there is one core, or none can be made: searching goes on alone.
        (cores > 1)
            .then(|| Executor::multi_thread(cores, "nachlese-search-").ok())
            .flatten()
    })
    .as_ref()
    .unwrap_or(&SINGLE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, Index};
    use tantivy::Term;
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::TermQuery;
    use tantivy::schema::IndexRecordOption;

    #[test]
    fn all_cores_find_what_one_finds() {
        let index = Index::create_in_ram().unwrap();
        for batch in 0..3 {
            let mut w = index.writer().unwrap();
            for i in 0..20 {
                let body = format!("Die Regierung berät {} Mal.", "oft ".repeat(i % 5));
                let a = Article::new(format!("a{batch}-{i}"), "Bericht", "2024-01-01", &body);
                w.add(&a.unwrap()).unwrap();
            }
            w.commit().unwrap();
        }
        index.reload().unwrap();
        let searcher = index.searcher();
        assert!(searcher.segment_readers().len() >= 2);
        let query = TermQuery::new(
            Term::from_field_text(index.fields().body, "regier"),
            IndexRecordOption::WithFreqs,
        );
        let collector = (Count, TopDocs::with_limit(7).order_by_score());
        let one = searcher.search(&query, &collector).unwrap();
        let all = search_from(&searcher, &query, &collector, 0).unwrap();
        assert_eq!(one.0, 60);
        assert_eq!(one, all);
    }
}
