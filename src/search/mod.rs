//! Searching: the query language, date ranges, ordering, paging and snippets.
//!
//! # Query language
//!
//! * `Putin Auto`: every word must occur (in the title or the text), in any inflection
//!   or spelling the [German analysis](crate::analysis) folds together;
//! * `Putin OR Lawrow`: either word;
//! * `"Tag des Sieges"`: the words in this order;
//! * `Kim -Putin`: articles without `Putin`;
//! * `title:Lawrow`: the word in the title (also `body:`, `tags:`, `source:`, `id:`);
//! * parentheses group: `Kim (Putin OR Lawrow)`.
//!
//! Title matches count [twice](TITLE_BOOST) as much as matches in the text.

mod query;
mod request;
mod results;
mod snippet;

use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::Query;
use tantivy::{DateTime, DocAddress, Order, Score, Searcher, TantivyDocument};

pub use query::TITLE_BOOST;
pub use request::{SearchRequest, Sort};
pub use results::{Hit, Snippet, parts};

pub use results::SearchResults;

use crate::Result;
use crate::index::Index;
use crate::index::schema::name;

impl Index {
    /// Runs a search.
    ///
    /// Fails with [`Error::Query`](crate::Error::Query) if the query does not parse.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let searcher = self.reader.searcher();
        let text = query::text_query(self, &request.query)?;
        let full = query::full_query(self, text.as_deref(), &request.range);
        let sort = match (request.sort, &text) {
            (Sort::Relevance, None) => Sort::Newest,
            (sort, _) => sort,
        };
        // No page can hold more hits than there are documents.
        let room = (searcher.num_docs() as usize).saturating_sub(request.offset);
        let limit = request.limit.min(room);
        let (total, top) = if limit == 0 {
            (searcher.search(&full, &Count)?, Vec::new())
        } else {
            top_docs(&searcher, &*full, sort, limit, request.offset)?
        };

        let title_terms = text
            .as_ref()
            .map(|q| query::terms_in(q.as_ref(), self.fields.title))
            .unwrap_or_default();
        let body_terms = text
            .as_ref()
            .map(|q| query::terms_in(q.as_ref(), self.fields.body))
            .unwrap_or_default();
        let mut hits = Vec::with_capacity(top.len());
        for (i, (score, address)) in top.into_iter().enumerate() {
            let doc: TantivyDocument = searcher.doc(address)?;
            let article = crate::index::from_document(&self.fields, &doc).article;
            let snippet = if text.is_some() {
                snippet::best_passage(&article.body, &body_terms, request.snippet_chars)
            } else {
                snippet::lead(&article.body, request.snippet_chars)
            };
            hits.push(Hit {
                rank: request.offset + i + 1,
                title_highlights: snippet::matches(&article.title, &title_terms),
                id: article.id,
                title: article.title,
                date: article.date,
                score,
                snippet,
                source: article.source,
                url: article.url,
            });
        }
        let mut notes = Vec::new();
        if request.has_query() && crate::analysis::analyze(&request.query).is_empty() {
            notes.push(format!(
                "the query {:?} has only stop words or punctuation, which are not indexed",
                request.query
            ));
        }
        Ok(SearchResults {
            total: total as u64,
            hits,
            notes,
        })
    }
}

type ByDate = SortByStaticFastValue<DateTime>;

fn by_date() -> ByDate {
    SortByStaticFastValue::for_field(name::DATE)
}

/// The total count and the page of (score, address) pairs in the requested order.
fn top_docs(
    searcher: &Searcher,
    query: &dyn Query,
    sort: Sort,
    limit: usize,
    offset: usize,
) -> Result<(usize, Vec<(Score, DocAddress)>)> {
    let page = TopDocs::with_limit(limit).and_offset(offset);
    Ok(match sort {
        Sort::Relevance => {
            let top = page.order_by((
                (SortBySimilarityScore, Order::Desc),
                (by_date(), Order::Desc),
            ));
            let (n, docs) = searcher.search(query, &(Count, top))?;
            (n, docs.into_iter().map(|((s, _), a)| (s, a)).collect())
        }
        Sort::Newest | Sort::Oldest => {
            let order = if sort == Sort::Newest {
                Order::Desc
            } else {
                Order::Asc
            };
            let top = page.order_by(((by_date(), order), (SortBySimilarityScore, Order::Desc)));
            let (n, docs) = searcher.search(query, &(Count, top))?;
            (n, docs.into_iter().map(|((_, s), a)| (s, a)).collect())
        }
    })
}
