//! Searching: the query language, date ranges, ordering, paging and snippets.
//!
//! # Query language
//!
//! * `Putin Auto`: articles holding every word (in the title or the text, in any
//!   inflection or spelling the [German analysis](crate::analysis) folds together) first;
//!   when fewer than ten do, articles holding most of the words follow, ranked by score
//!   times the share of the words' weight they hold (rarer words weigh more), each with the
//!   words it lacks ([`Hit::missing`]);
//!   [`SearchRequest::all_words`] keeps only the articles holding every word;
//! * `Putin AND Auto`, `+Putin +Auto`: both words, always;
//! * a question (`Wer hat Kim ein Auto geschenkt?`) is searched for its content words:
//!   interrogatives and question scaffolding need not match, and when few articles hold
//!   every word, those lacking only its lowercase words (`geschenkt`; German capitalises
//!   the nouns and names a question is about) rank with those holding all;
//! * `Putin OR Lawrow`: either word;
//! * `"Tag des Sieges"`: the words in this order;
//! * `Kim -Putin`: articles without `Putin`;
//! * `title:Lawrow`: the word in the title (also `body:`, `authors:`, `tags:`, `source:`,
//!   `id:`);
//! * parentheses group: `Kim (Putin OR Lawrow)`.
//!
//! Title matches count [twice](Ranking::title_boost) as much as matches in the text.
//!
//! # Expansions
//!
//! Beyond its inflections and spellings, each unquoted word also finds (see [`Expansions`]):
//!
//! * compounds that contain it: `Minister` finds `Verteidigungsminister`; and a compound
//!   finds its modifier and head near each other: `Rentenreform` finds "Reform der Rente";
//! * other spellings of a name, by sound: `Schoigu` finds `Shoigu` and `Schojgu`;
//! * if the archive hardly knows the word, words one or two edits away: `Verteidigungsminster`
//!   finds `Verteidigungsminister`.
//!
//! Matches of the word as written always rank first ([`Ranking::exact_bonus`]); a quoted word
//! (`"Minister"`) is matched only as written.
//!
//! # Offsets
//!
//! Where results mark text ([`Snippet::highlights`], [`Hit::title_highlights`],
//! [`Mention`]) they count characters, as every offset of the public API does (see the
//! [crate docs](crate#offsets)).

mod all_words;
mod bonus;
mod by_score;
mod count;
mod coverage;
mod delegate;
mod exclude;
mod filter;
mod fuzzy;
mod lower;
mod mentions;
mod parallel;
mod plan;
mod positions;
mod query;
mod questions;
mod relax;
mod request;
mod results;
mod snippet;
mod suggest;
mod tier;
mod timeline;

use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::Query;
use tantivy::{DateTime, DocAddress, Order, Score, Searcher, TantivyDocument};

pub use mentions::{Mention, mentions_in};
pub use query::{Expansions, MAX_QUERY_WORDS, Ranking, WordPlan};
pub use request::{SearchRequest, Sort};
pub use results::{HighlightError, Hit, Snippet, parts};
pub use timeline::{MAX_TIMELINE_MONTHS, Timeline, TimelineMonth};

pub use results::SearchResults;

use crate::Result;
use crate::index::Index;
use crate::index::schema::name;
use filter::Filters;
use plan::Plan;

impl Index {
    /// What each word of a query looks for (its term, the documents that hold it, compound
    /// parts, sound codes, typo corrections), with exact document counts: why something
    /// matched.
    ///
    /// ```
    /// # let index = nachlese::Index::create_in_ram()?;
    /// let words = index.explain("Minister Schoigu", nachlese::search::Expansions::default())?;
    /// assert_eq!(words[1].code.as_deref(), Some("84"));
    /// # Ok::<(), nachlese::Error>(())
    /// ```
    pub fn explain(&self, query: &str, expansions: Expansions) -> Result<Vec<WordPlan>> {
        self.guarded(|| {
            let searcher = self.searcher();
            let request = SearchRequest::new(query).expansions(expansions);
            Plan::new(self, &searcher, &request)?.explain(&searcher)
        })
    }

    /// The timeline of the articles `request` matches (its query words, publication range
    /// and mentioned-dates range; paging and order are ignored). It spans the months of the
    /// request's publication range where that is bounded, else from the first to the last
    /// month a matching article was published.
    ///
    /// ```
    /// use nachlese::{Index, SearchRequest};
    ///
    /// # #[cfg(feature = "bundled")] {
    /// let dir = tempfile::tempdir()?;
    /// let index = Index::open_bundled(dir.path())?;
    /// let timeline = index.timeline(&SearchRequest::new("Kursk"))?;
    /// let november = timeline.months.iter().find(|m| (m.year, m.month) == (2024, 11)).unwrap();
    /// assert!(november.published > 0);
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn timeline(&self, request: &SearchRequest) -> Result<Timeline> {
        timeline::timeline(self, request)
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
            let searcher = self.searcher();
            let plan = Plan::new(self, &searcher, request)?;
            let filters = Filters::new(self, &searcher, &request.range, &request.mentions);
            let scoring = plan.scoring_query();
            let full = filters.apply(scoring.as_deref());
            let sort = match (request.sort, &scoring) {
                (Sort::Relevance, None) => Sort::Newest,
                (sort, _) => sort,
            };
            // No page can hold more hits than there are documents.
            let room = (searcher.num_docs() as usize).saturating_sub(request.offset);
            let limit = request.limit.min(room);
            // A count that may be followed by a relaxed answer keeps what it read for it.
            let memo = plan.is_loose().then(count::Memo::default);
            let count = || {
                let query = filters.apply(plan.count_query_remembering(memo.as_ref()).as_deref());
                parallel::search(&searcher, &query, &Count)
            };
            // Too few articles hold every word: those holding most of them follow (by
            // relevance; a listing by date only when none holds them all).
            let (counted, cover) =
                relax::relaxation(&searcher, &plan, &filters, sort, &count, memo.as_ref())?;
            let count = || match counted {
                Some(n) => Ok(n),
                None => count(),
            };
            let (total, top) = match &cover {
                Some(coverage) => {
                    let hits = Box::new(coverage.hits(relax::RELAXED_HITS));
                    let relaxed = filters.apply(plan.relaxed_query(hits).as_deref());
                    match sort {
                        _ if limit == 0 => {
                            (parallel::search(&searcher, &relaxed, &Count)?, Vec::new())
                        }
                        Sort::Relevance => relax::covered_top(
                            &searcher,
                            &*relaxed,
                            coverage,
                            limit,
                            request.offset,
                        )?,
                        _ => top_docs(
                            &searcher,
                            &*relaxed,
                            sort,
                            None,
                            false,
                            limit,
                            request.offset,
                        )?,
                    }
                }
                None => {
                    let exact = plan.exact_page();
                    let exact_page = match (&exact, sort, limit) {
                        (Some(exact), Sort::Relevance, 1..) => {
                            let query = filters.apply(Some(exact.query.as_ref()));
                            let page = TopDocs::with_limit(limit).and_offset(request.offset);
                            let top = parallel::search(
                                &searcher,
                                &query,
                                &page.order_by(by_score::ScoreThenDate),
                            )?;
                            // Only a full page of exact matches is the full query's page.
                            (top.len() == limit).then(|| {
                                top.into_iter()
                                    .map(|((s, _), a)| (s + exact.bonus, a))
                                    .collect::<Vec<_>>()
                            })
                        }
                        _ => None,
                    };
                    match exact_page {
                        Some(top) => (count()?, top),
                        None if limit == 0 => (count()?, Vec::new()),
                        None => {
                            let tier = match (&exact, sort) {
                                (Some(exact), Sort::Relevance) => {
                                    Some(tier::Tier::of(&searcher, exact.query.as_ref())?)
                                }
                                _ => None,
                            };
                            let prunes =
                                filters.is_empty() && plan.root.as_ref().is_some_and(lower::prunes);
                            top_docs(&searcher, &*full, sort, tier, prunes, limit, request.offset)?
                        }
                    }
                }
            };
            let marks = (request.snippet_chars > 0 && scoring.is_some()).then(|| plan.highlights());

            let mut hits = Vec::with_capacity(top.len());
            for (i, (score, address)) in top.into_iter().enumerate() {
                let doc: TantivyDocument = searcher.doc(address)?;
                let article = crate::index::from_document(&self.fields(), &doc).article;
                let (snippet, title_highlights) = if request.snippet_chars == 0 {
                    (Snippet::default(), Vec::new())
                } else if let Some(marks) = &marks {
                    let at =
                        |field, marks| positions::word_positions(&searcher, field, address, marks);
                    let body = snippet::matches(
                        &article.body,
                        &marks.body,
                        &at(self.fields().body, &marks.body)?,
                    );
                    let title = snippet::char_ranges(
                        &article.title,
                        &snippet::matches(
                            &article.title,
                            &marks.title,
                            &at(self.fields().title, &marks.title)?,
                        ),
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
                let missing = match &cover {
                    Some(coverage) => coverage.missing(&searcher, address),
                    None => Vec::new(),
                };
                hits.push(Hit {
                    rank: request.offset + i + 1,
                    missing,
                    mentions,
                    title_highlights,
                    id: article.id,
                    title: article.title,
                    date: article.date,
                    score,
                    snippet,
                    source: article.source,
                    authors: article.authors,
                    url: article.url,
                });
            }
            let mut notes = Vec::new();
            let words = plan.words();
            if plan.has_query() && words.is_empty() {
                notes.push(format!(
                    "the query {:?} has only stop words or punctuation, which are not indexed",
                    request.query
                ));
            }
            if !plan.framing.is_empty() {
                notes.push(format!(
                    "searched for the question's content words; these only frame it and were left \
                     out: {}",
                    plan.framing.join(", ")
                ));
            }
            let total = total as u64;
            let suggestion = plan.suggestion(self, &searcher, total)?;
            Ok(SearchResults {
                total,
                offset: request.offset,
                limit: request.limit,
                hits,
                suggestion,
                words,
                notes,
            })
        })
    }
}

type ByDate = SortByStaticFastValue<DateTime>;

fn by_date() -> ByDate {
    SortByStaticFastValue::for_field(name::DATE)
}

/// The total count and the page of (score, address) pairs in the requested order; by
/// relevance with a `tier`, the articles in it first. `prunes`: whether tantivy finds the
/// query's best scores without scoring every match (see [`lower::prunes`]).
fn top_docs(
    searcher: &Searcher,
    query: &dyn Query,
    sort: Sort,
    tier: Option<tier::Tier>,
    prunes: bool,
    limit: usize,
    offset: usize,
) -> Result<(usize, Vec<(Score, DocAddress)>)> {
    let page = TopDocs::with_limit(limit).and_offset(offset);
    Ok(match (sort, tier) {
        (Sort::Relevance, Some(tier)) => {
            let top = page.tweak_score(move |reader: &tantivy::SegmentReader| tier.key(reader));
            let (n, docs) = parallel::search(searcher, query, &(Count, top))?;
            (n, docs.into_iter().map(|((_, s, _), a)| (s, a)).collect())
        }
        (Sort::Relevance, None) => {
            let top = page.order_by(by_score::ScoreThenDate);
            let (n, docs) = if prunes {
                // Counted apart (no scores), the page skips what cannot reach it; counted
                // together, every match would be scored.
                let n = parallel::search(searcher, query, &Count)?;
                (n, parallel::search(searcher, query, &top)?)
            } else {
                parallel::search(searcher, query, &(Count, top))?
            };
            (n, docs.into_iter().map(|((s, _), a)| (s, a)).collect())
        }
        (Sort::Newest | Sort::Oldest, _) => {
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
