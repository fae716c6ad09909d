//! What a search asks for.

use std::fmt;
use std::str::FromStr;

use super::query::{Expansions, Ranking};
use crate::dates::DateRange;

/// The order of search results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Best match first (BM25, title matches weigh more); newer first among equals. A search
    /// without query words lists newest first.
    #[default]
    Relevance,
    /// Newest first; better match first among equals.
    Newest,
    /// Oldest first; better match first among equals.
    Oldest,
}

impl FromStr for Sort {
    type Err = String;

    fn from_str(s: &str) -> Result<Sort, String> {
        match s {
            "relevance" => Ok(Sort::Relevance),
            "newest" => Ok(Sort::Newest),
            "oldest" => Ok(Sort::Oldest),
            _ => Err(format!(
                "unknown sort order {s:?} (expected relevance, newest or oldest)"
            )),
        }
    }
}

impl fmt::Display for Sort {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Sort::Relevance => "relevance",
            Sort::Newest => "newest",
            Sort::Oldest => "oldest",
        })
    }
}

/// A search: query words, a date range, an order and a page of results.
///
/// ```
/// use nachlese::{DateRange, SearchRequest, Sort};
///
/// let request = SearchRequest::new("Lawrow Pjöngjang")
///     .range(DateRange::new(Some("2023-10".parse()?), None)?)
///     .sort(Sort::Oldest)
///     .limit(5);
/// assert_eq!(request.limit, 5);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct SearchRequest {
    /// The query in nachlese's query language; empty lists every article in the range.
    pub query: String,
    /// Only articles published in this range.
    pub range: DateRange,
    /// The order of the results.
    pub sort: Sort,
    /// How many hits to return.
    pub limit: usize,
    /// How many hits to skip first (for paging).
    pub offset: usize,
    /// The longest snippet, in characters; 0 for no snippets and no highlights (hits only,
    /// faster).
    pub snippet_chars: usize,
    /// What each query word may also match beyond itself (compounds, name spellings, typos).
    pub expansions: Expansions,
    /// Only articles that mention a date in this range (in their title or text); hits then
    /// list those mentions.
    pub mentions: DateRange,
    /// How matches are weighed.
    pub ranking: Ranking,
    /// Whether every plain query word must match. By default, when fewer than a few
    /// articles hold them all, articles holding most of them follow (see
    /// [`Hit::missing`](super::Hit::missing)).
    pub all_words: bool,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            query: String::new(),
            range: DateRange::all(),
            sort: Sort::Relevance,
            limit: 10,
            offset: 0,
            snippet_chars: 200,
            expansions: Expansions::default(),
            mentions: DateRange::all(),
            ranking: Ranking::default(),
            all_words: false,
        }
    }
}

impl SearchRequest {
    /// A search for `query`, top 10 by relevance, any date.
    pub fn new(query: impl Into<String>) -> SearchRequest {
        SearchRequest {
            query: query.into(),
            ..SearchRequest::default()
        }
    }

    /// A listing of every article (newest first) to narrow with [`range`](Self::range).
    pub fn all() -> SearchRequest {
        SearchRequest::default()
    }

    /// Only articles published in `range`.
    pub fn range(mut self, range: DateRange) -> SearchRequest {
        self.range = range;
        self
    }

    /// Orders the results.
    pub fn sort(mut self, sort: Sort) -> SearchRequest {
        self.sort = sort;
        self
    }

    /// Returns at most `limit` hits.
    pub fn limit(mut self, limit: usize) -> SearchRequest {
        self.limit = limit;
        self
    }

    /// Skips the first `offset` hits.
    pub fn offset(mut self, offset: usize) -> SearchRequest {
        self.offset = offset;
        self
    }

    /// Snippets of at most `chars` characters (0: none, and no highlights).
    pub fn snippets(mut self, chars: usize) -> SearchRequest {
        self.snippet_chars = chars;
        self
    }

    /// Only articles that mention a date in `range`: "what was reported about September
    /// 2023", whenever it was published.
    ///
    /// ```
    /// use nachlese::{DateRange, Index, SearchRequest};
    ///
    /// # #[cfg(feature = "bundled")] {
    /// let dir = tempfile::tempdir()?;
    /// let index = Index::open_bundled(dir.path())?;
    /// let september = DateRange::new(Some("2023-09".parse()?), Some("2023-09".parse()?))?;
    /// let results = index.search(&SearchRequest::new("Auto").mentions(september))?;
    /// let seed = results.hits.iter().find(|h| h.id == "2024-02-20-putin-schenkt-kim-auto");
    /// assert!(seed.is_some_and(|h| !h.mentions.is_empty()));
    /// # }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn mentions(mut self, range: DateRange) -> SearchRequest {
        self.mentions = range;
        self
    }

    /// Chooses the expansions ([`Expansions::NONE`] for words only as written).
    pub fn expansions(mut self, expansions: Expansions) -> SearchRequest {
        self.expansions = expansions;
        self
    }

    /// Weighs matches by `ranking` instead of [`Ranking::default`].
    pub fn ranking(mut self, ranking: Ranking) -> SearchRequest {
        self.ranking = ranking;
        self
    }

    /// Whether every plain word must match (`true`), or articles holding most of them may
    /// follow those holding all when these are few (`false`, the default). Quoted phrases,
    /// `+word`, `-word` and words joined by `AND` are always strict.
    ///
    /// ```
    /// use nachlese::SearchRequest;
    ///
    /// assert!(SearchRequest::new("Hitze Warnung").all_words(true).all_words);
    /// ```
    pub fn all_words(mut self, strict: bool) -> SearchRequest {
        self.all_words = strict;
        self
    }

    /// Whether the request has query words (and not only a date range).
    pub fn has_query(&self) -> bool {
        !self.query.trim().is_empty()
    }
}
