//! Relaxed answers: whether a search whose words too few articles hold all together lets
//! articles holding most of them follow, and the page of such a search (see [`coverage`]).

use tantivy::collector::{Count, TopDocs};
use tantivy::query::Query;
use tantivy::{DocAddress, Score, Searcher};

use super::count::Memo;
use super::filter::Filters;
use super::plan::Plan;
use super::request::Sort;
use super::{coverage, parallel};
use crate::Result;

/// A search whose words are all held by fewer articles than this lets articles holding most
/// of them follow: then the first page is full where the words are there.
const RELAX_BELOW: u64 = 10;

/// A relaxed search admits at least this many articles where the words are (three pages),
/// the best covered first: ranking puts more words and rarer ones first, so admitting more
/// only lengthens the tail.
pub(super) const RELAXED_HITS: usize = 30;

/// Whether the search is relaxed (see [`coverage`]): the count of the strict query if it was
/// taken in full, and the coverage of the loose words when the answer is relaxed.
///
/// A query with expansions is counted in full (the count is the answer's total), keeping
/// each term's documents in `memo` for the coverage; a query of words only as written is
/// asked only whether it finds enough articles, which stops after a few (its total comes
/// with its hits).
pub(super) fn relaxation(
    searcher: &Searcher,
    plan: &Plan,
    filters: &Filters,
    sort: Sort,
    count: &dyn Fn() -> tantivy::Result<usize>,
    memo: Option<&Memo>,
) -> Result<(Option<usize>, Option<coverage::Coverage>)> {
    if !plan.is_loose() || plan.root.is_none() {
        return Ok((None, None));
    }
    // By relevance, a thin answer is relaxed; by date, only an empty one.
    let enough = if sort == Sort::Relevance {
        RELAX_BELOW
    } else {
        1
    };
    let (counted, found) = if plan.is_expanded() {
        let n = count()?;
        (Some(n), n as u64)
    } else {
        let strict = filters.apply(plan.count_query().as_deref());
        (None, at_least(searcher, &*strict, enough)?)
    };
    let cover = if found < enough {
        Some(coverage::Coverage::of(searcher, &plan.loose_words(), memo)?)
    } else {
        None
    };
    Ok((counted, cover))
}

/// How many articles `query` finds, counting no further than `enough`.
fn at_least(searcher: &Searcher, query: &dyn Query, enough: u64) -> Result<u64> {
    let weight = query.weight(tantivy::query::EnableScoring::disabled_from_searcher(
        searcher,
    ))?;
    let mut found = 0;
    for reader in searcher.segment_readers() {
        let mut scorer = weight.scorer(reader, 1.0)?;
        let alive = reader.alive_bitset();
        let mut doc = scorer.doc();
        while doc != tantivy::TERMINATED {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                found += 1;
                if found >= enough {
                    return Ok(found);
                }
            }
            doc = scorer.advance();
        }
    }
    Ok(found)
}

/// The count and page of `query`'s hits, by the coverage's order: more and rarer words
/// first, then every word as written, then score.
pub(super) fn covered_top(
    searcher: &Searcher,
    query: &dyn Query,
    coverage: &coverage::Coverage,
    limit: usize,
    offset: usize,
) -> Result<(usize, Vec<(Score, DocAddress)>)> {
    let coverage = coverage.clone();
    let page = TopDocs::with_limit(limit)
        .and_offset(offset)
        .tweak_score(move |reader: &tantivy::SegmentReader| coverage.key(reader));
    let (n, docs) = parallel::search(searcher, query, &(Count, page))?;
    Ok((
        n,
        docs.into_iter().map(|((_, _, s, _), a)| (s, a)).collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, Index, SearchRequest};
    use tantivy::DocAddress;

    #[test]
    fn a_relaxed_answer_takes_the_words_the_count_read_from_it() {
        let index = Index::create_in_ram().unwrap();
        for batch in 0..2 {
            let mut w = index
                .writer_with(crate::WriterOptions::default().threads(1))
                .unwrap();
            for (i, body) in [
                "Die Hitze hält an, eine Warnung gilt.",
                "Hitze in Brandenburg.",
                "Brandenburg wählt.",
                "Das Wetter bleibt mild.",
            ]
            .iter()
            .cycle()
            .take(200)
            .enumerate()
            {
                let id = format!("a{batch}-{i}");
                w.add(&Article::new(id, "Wetter", "2025-07-01", *body).unwrap())
                    .unwrap();
            }
            w.commit().unwrap();
        }
        index.reload().unwrap();
        let searcher = index.searcher();
        let request = SearchRequest::new("Hitze Warnung Brandenburg");
        let plan = Plan::new(&index, &searcher, &request).unwrap();
        assert!(plan.is_loose() && plan.is_expanded());
        let filters = Filters::new(&index, &searcher, &request.range, &request.mentions);
        let memo = Memo::default();
        let count = || {
            let query = filters.apply(plan.count_query_remembering(Some(&memo)).as_deref());
            parallel::search(&searcher, &query, &Count)
        };
        let (counted, cover) = relaxation(
            &searcher,
            &plan,
            &filters,
            Sort::Relevance,
            &count,
            Some(&memo),
        )
        .unwrap();
        assert_eq!(counted, Some(0));
        let remembered = cover.expect("a thin answer is relaxed");
        // Every term of every word that the segment holds in more articles than the bitset
        // has machine words was kept: nothing is read again that is not read faster so.
        let mut kept = 0;
        for reader in searcher.segment_readers() {
            for word in plan.loose_words() {
                for term in &word.terms {
                    let held = reader
                        .inverted_index(term.field())
                        .unwrap()
                        .doc_freq(term)
                        .unwrap();
                    let words = reader.max_doc().div_ceil(64);
                    assert_eq!(memo.get(reader, term).is_some(), held > words, "{term:?}");
                    kept += usize::from(held > words);
                }
            }
        }
        assert!(kept >= 6, "{kept}");
        // And the coverage is the one read from the postings.
        let read = coverage::Coverage::of(&searcher, &plan.loose_words(), None).unwrap();
        for (segment_ord, reader) in searcher.segment_readers().iter().enumerate() {
            for doc_id in 0..reader.max_doc() {
                let address = DocAddress::new(segment_ord as u32, doc_id);
                assert_eq!(
                    remembered.missing(&searcher, address),
                    read.missing(&searcher, address)
                );
            }
        }
        let mut seen = Vec::new();
        for (segment_ord, reader) in searcher.segment_readers().iter().enumerate() {
            for doc_id in 0..reader.max_doc() {
                seen.push(read.missing(&searcher, DocAddress::new(segment_ord as u32, doc_id)));
            }
        }
        for lacking in [&["Brandenburg"][..], &["Warnung"], &["Hitze", "Warnung"]] {
            assert!(seen.iter().any(|m| m == lacking), "{lacking:?} in {seen:?}");
        }
    }
}
