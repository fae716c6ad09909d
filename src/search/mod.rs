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
//!
//! # Expansions
//!
//! Beyond its inflections and spellings, each unquoted word also finds (see [`Expansions`]):
//!
//! * compounds that contain it: `Minister` finds `Verteidigungsminister`;
//! * other spellings of a name, by sound: `Schoigu` finds `Shoigu` and `Schojgu`;
//! * if the archive hardly knows the word, words one or two edits away: `Verteidigungsminster`
//!   finds `Verteidigungsminister`.
//!
//! Matches of the word as written always rank first ([`EXACT_BONUS`]); a quoted word
//! (`"Minister"`) is matched only as written.

mod all_words;
mod bonus;
mod count;
mod exclude;
mod filter;
mod fuzzy;
mod mentions;
mod parallel;
mod positions;
mod query;
mod request;
mod results;
mod snippet;
mod suggest;
mod timeline;

use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::Query;
use tantivy::{DateTime, DocAddress, Order, Score, Searcher, TantivyDocument};

pub use mentions::{Mention, mentions_in};
pub use query::{
    EXACT_BONUS, Expansions, MAX_QUERY_WORDS, NAME_WEIGHT, PART_WEIGHT, TITLE_BOOST,
    TYPO_BELOW_DOCS, TYPO_WEIGHT, WordPlan,
};
pub use request::{SearchRequest, Sort};
pub use results::{Hit, Snippet, parts};
pub use timeline::{MAX_TIMELINE_MONTHS, Timeline, TimelineMonth};

pub use results::SearchResults;

use crate::Result;
use crate::index::Index;
use crate::index::schema::name;
use filter::Filters;

/// Searches finding fewer hits than this get a spelling suggestion, if one is found (as do
/// searches with a word the archive does not know).
const SUGGEST_BELOW: u64 = 3;

impl Index {
    /// What each word of a query looks for (its term, the documents that hold it, compound
    /// parts, sound codes, typo corrections), with exact document counts: what
    /// `nachlese analyze --query` shows.
    ///
    /// ```
    /// # let index = nachlese::Index::create_in_ram()?;
    /// let words = index.explain("Minister Schoigu", nachlese::search::Expansions::default())?;
    /// assert_eq!(words[1].code.as_deref(), Some("84"));
    /// # Ok::<(), nachlese::Error>(())
    /// ```
    pub fn explain(&self, query: &str, expansions: Expansions) -> Result<Vec<WordPlan>> {
        self.guarded(|| {
            let searcher = self.reader.searcher();
            Ok(query::plan(self, &searcher, query, expansions, true)?.words)
        })
    }

    /// Runs a search.
    ///
    /// An archive of 250,000 articles or more, in several segments, is searched on all
    /// cores: the first such search in a process starts a pool of threads, one per core,
    /// that stays for later searches.
    ///
    /// Fails with [`Error::Query`](crate::Error::Query) if the query does not parse.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        self.guarded(|| {
            let searcher = self.reader.searcher();
            let plan = query::plan(self, &searcher, &request.query, request.expansions, false)?;
            let filters = Filters::new(self, &searcher, &request.range, &request.mentions);
            let full = filters.apply(plan.query.as_deref());
            let sort = match (request.sort, &plan.query) {
                (Sort::Relevance, None) => Sort::Newest,
                (sort, _) => sort,
            };
            // No page can hold more hits than there are documents.
            let room = (searcher.num_docs() as usize).saturating_sub(request.offset);
            let limit = request.limit.min(room);
            let exact_page = match (&plan.exact, sort, limit) {
                (Some((exact, bonuses)), Sort::Relevance, 1..) => {
                    let exact = filters.apply(Some(exact.as_ref()));
                    let page = TopDocs::with_limit(limit).and_offset(request.offset);
                    let top = parallel::search(&searcher, &exact, &page.order_by_score())?;
                    // Only a full page of exact matches is the full query's page.
                    (top.len() == limit).then(|| {
                        let bonus = *bonuses as Score * query::EXACT_BONUS;
                        top.into_iter()
                            .map(|(s, a)| (s + bonus, a))
                            .collect::<Vec<_>>()
                    })
                }
                _ => None,
            };
            let count =
                || parallel::search(&searcher, &filters.apply(plan.count.as_deref()), &Count);
            let (total, top) = match exact_page {
                Some(top) => (count()?, top),
                None if limit == 0 => (count()?, Vec::new()),
                None => top_docs(&searcher, &*full, sort, limit, request.offset)?,
            };

            let mut hits = Vec::with_capacity(top.len());
            for (i, (score, address)) in top.into_iter().enumerate() {
                let doc: TantivyDocument = searcher.doc(address)?;
                let article = crate::index::from_document(&self.fields, &doc).article;
                let (snippet, title_highlights) = if request.snippet_chars == 0 {
                    (Snippet::default(), Vec::new())
                } else if plan.query.is_some() {
                    let at =
                        |field, marks| positions::word_positions(&searcher, field, address, marks);
                    let body = snippet::matches(
                        &article.body,
                        &plan.body_marks,
                        &at(self.fields.body, &plan.body_marks)?,
                    );
                    let title = snippet::matches(
                        &article.title,
                        &plan.title_marks,
                        &at(self.fields.title, &plan.title_marks)?,
                    );
                    (
                        snippet::best_passage(&article.body, &body, request.snippet_chars),
                        title,
                    )
                } else {
                    (
                        snippet::lead(&article.body, request.snippet_chars),
                        Vec::new(),
                    )
                };
                let mentions = if request.mentions.is_unbounded() {
                    Vec::new()
                } else {
                    mentions::mentions_in(&article, &request.mentions)
                };
                hits.push(Hit {
                    rank: request.offset + i + 1,
                    mentions,
                    title_highlights,
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
            if request.has_query() && plan.words.is_empty() {
                notes.push(format!(
                    "the query {:?} has only stop words or punctuation, which are not indexed",
                    request.query
                ));
            }
            let total = total as u64;
            // A word read as a typo, or one the archive lacks, is likely misspelt, even if the
            // corrections found hits.
            let misspelt = plan
                .words
                .iter()
                .any(|w| w.terms.len() == 1 && (w.doc_freq == 0 || !w.typos.is_empty()));
            let suggestion = if total < SUGGEST_BELOW || misspelt {
                suggest::correction(self, &searcher, &request.query, &plan.words)?
            } else {
                None
            };
            Ok(SearchResults {
                total,
                hits,
                notes,
                words: plan.words,
                suggestion,
            })
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
        Sort::Relevance => parallel::search(searcher, query, &(Count, page.order_by_score()))?,
        Sort::Newest | Sort::Oldest => {
            let order = if sort == Sort::Newest {
                Order::Desc
            } else {
                Order::Asc
            };
            let top = page.order_by(((by_date(), order), (SortBySimilarityScore, Order::Desc)));
            let (n, docs) = parallel::search(searcher, query, &(Count, top))?;
            (n, docs.into_iter().map(|((_, s), a)| (s, a)).collect())
        }
    })
}
