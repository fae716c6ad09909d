//! The filters a search puts around its words: the range of publication dates and the range
//! of mentioned dates.
//!
//! The publication range filters the documents the words' query finds, by the date column,
//! instead of being intersected with it as a tantivy `RangeQuery`. The intersection lets the
//! range drive whenever the words are common: it scans the whole date column and seeks the
//! words' union of postings for every article in the range, once for each pass of a search
//! (the page and the count). Checking the words' own documents costs one column read each;
//! for common words a bitset of the articles in the range, built once per segment and shared
//! by the passes, caps that cost at one scan of the column.

use std::ops::Bound;
use std::sync::{Arc, OnceLock};

use tantivy::columnar::{Cardinality, Column};
use tantivy::index::SegmentId;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EnableScoring, Explanation, Occur, Query, RangeQuery,
    Scorer, Weight,
};
use tantivy::schema::Field;
use tantivy::{
    BitSet, DateTime, DocId, DocSet, Score, Searcher, SegmentReader, TERMINATED, TantivyError, Term,
};
use time::OffsetDateTime;

use super::delegate::delegate_doc_set;
use crate::dates::DateRange;
use crate::index::Index;
use crate::index::schema::name;

/// A segment's articles are looked up in the date column one by one until this share of them
/// (one in `LOOKUPS_PER_SCAN`) has been looked up; then a bitset of the segment's articles in
/// the range is built. A lookup costs several times what one article of a full scan costs.
const LOOKUPS_PER_SCAN: u32 = 8;

/// The filters of one search, built once and applied to each of its queries.
pub(crate) struct Filters {
    date: Field,
    range: DateRange,
    published: Option<PublishedIn>,
    mentions: Option<Box<dyn Query>>,
}

impl Filters {
    /// The filters for publication dates in `range` and mentioned dates in `mentions`.
    pub(crate) fn new(
        index: &Index,
        searcher: &Searcher,
        range: &DateRange,
        mentions: &DateRange,
    ) -> Filters {
        Filters {
            date: index.fields().date,
            range: *range,
            published: PublishedIn::new(searcher, range),
            mentions: super::mentions::mention_query(index.fields().mentions, mentions),
        }
    }

    /// The same publication range (sharing its bitsets) with other mentioned dates.
    pub(crate) fn with_mentions(&self, index: &Index, mentions: &DateRange) -> Filters {
        Filters {
            date: self.date,
            range: self.range,
            published: self.published.clone(),
            mentions: super::mentions::mention_query(index.fields().mentions, mentions),
        }
    }

    /// Whether nothing is filtered: then [`Filters::apply`] gives the text's own query.
    pub(crate) fn is_empty(&self) -> bool {
        self.published.is_none() && self.mentions.is_none()
    }

    /// The whole query: `text` (all articles if `None`) within the filters. The filters have
    /// no weight, so they do not change how the words rank the hits.
    pub(crate) fn apply(&self, text: Option<&dyn Query>) -> Box<dyn Query> {
        let text: Option<Box<dyn Query>> = match (text, &self.published) {
            (Some(text), Some(published)) => Some(Box::new(Filtered {
                inner: text.box_clone(),
                published: published.clone(),
            })),
            (Some(text), None) => Some(text.box_clone()),
            // Without words, the range itself finds the articles.
            (None, _) => range_query(self.date, &self.range),
        };
        let mentions = self
            .mentions
            .as_ref()
            .map(|m| Box::new(BoostQuery::new(m.box_clone(), 0.0)) as Box<dyn Query>);
        match (text, mentions) {
            (None, None) => Box::new(AllQuery),
            (Some(q), None) | (None, Some(q)) => q,
            (Some(text), Some(mentions)) => Box::new(BooleanQuery::new(vec![
                (Occur::Must, mentions),
                (Occur::Must, text),
            ])),
        }
    }
}

fn date_term(field: Field, t: OffsetDateTime) -> Term {
    Term::from_field_date_for_search(field, index_date(t))
}

/// `t` as the index stores dates: whole seconds, and dates before 1970 or beyond what tantivy
/// holds clamped to its first or last.
fn index_date(t: OffsetDateTime) -> DateTime {
    DateTime::try_from_utc(t)
        .unwrap_or(if t.year() < 1970 {
            DateTime::MIN
        } else {
            DateTime::MAX
        })
        .truncate(tantivy::schema::DateTimePrecision::Seconds)
}

/// The articles published in `range`, or `None` if the range is unbounded.
fn range_query(field: Field, range: &DateRange) -> Option<Box<dyn Query>> {
    if range.is_unbounded() {
        return None;
    }
    let lower = range
        .start()
        .map_or(Bound::Unbounded, |t| Bound::Included(date_term(field, t)));
    let upper = range
        .end()
        .map_or(Bound::Unbounded, |t| Bound::Excluded(date_term(field, t)));
    Some(Box::new(RangeQuery::new(lower, upper)))
}

/// A bounded publication range, and per segment the bitset of its articles once built.
#[derive(Clone)]
struct PublishedIn {
    /// Inclusive bounds, in the index's precision.
    first: DateTime,
    last: DateTime,
    segments: Arc<[(SegmentId, Arc<OnceLock<BitSet>>)]>,
}

impl std::fmt::Debug for PublishedIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PublishedIn")
            .field("first", &self.first)
            .field("last", &self.last)
            .finish_non_exhaustive()
    }
}

impl PublishedIn {
    fn new(searcher: &Searcher, range: &DateRange) -> Option<PublishedIn> {
        if range.is_unbounded() {
            return None;
        }
        let first = range.start().map_or(DateTime::MIN, index_date);
        // The end is exclusive; the stored dates are whole seconds.
        let last = match range.end().map(index_date) {
            None => DateTime::MAX,
            Some(end) => DateTime::from_timestamp_secs(end.into_timestamp_secs().saturating_sub(1)),
        };
        Some(PublishedIn {
            first,
            last,
            segments: searcher
                .segment_readers()
                .iter()
                .map(|r| (r.segment_id(), Arc::default()))
                .collect(),
        })
    }

    /// The check for one segment's articles.
    fn segment(&self, reader: &SegmentReader) -> tantivy::Result<InRange> {
        let id = reader.segment_id();
        let bits = self
            .segments
            .iter()
            .find(|(s, _)| *s == id)
            .map_or_else(Arc::default, |(_, b)| Arc::clone(b));
        let column = reader.fast_fields().date(name::DATE)?;
        Ok(InRange {
            full: column.get_cardinality() == Cardinality::Full,
            column,
            first: self.first,
            last: self.last,
            lookups: reader.max_doc() / LOOKUPS_PER_SCAN,
            bits,
            max_doc: reader.max_doc(),
        })
    }
}

/// Whether a segment's articles were published in the range.
struct InRange {
    column: Column<DateTime>,
    /// Every article has exactly one date (always so for nachlese's index).
    full: bool,
    first: DateTime,
    last: DateTime,
    /// Lookups left before the bitset is built.
    lookups: u32,
    bits: Arc<OnceLock<BitSet>>,
    max_doc: DocId,
}

impl InRange {
    #[inline]
    fn contains(&mut self, doc: DocId) -> bool {
        if let Some(bits) = self.bits.get() {
            return bits.contains(doc);
        }
        if self.lookups == 0 {
            return self.build().contains(doc);
        }
        self.lookups -= 1;
        let date = if self.full {
            Some(self.column.values.get_val(doc))
        } else {
            self.column.first(doc)
        };
        date.is_some_and(|d| self.first <= d && d <= self.last)
    }

    #[cold]
    fn build(&self) -> &BitSet {
        self.bits.get_or_init(|| {
            let mut bits = BitSet::with_max_value(self.max_doc);
            // The column's scan must be given a range within its values: one ending before
            // them matches their first (tantivy 0.27 shifts the bounds by the smallest value
            // with a saturating subtraction).
            let (min, max) = (self.column.min_value(), self.column.max_value());
            if self.last < min || max < self.first {
                return bits;
            }
            let mut docs = Vec::new();
            self.column.get_docids_for_value_range(
                self.first.max(min)..=self.last.min(max),
                0..self.max_doc,
                &mut docs,
            );
            for doc in docs {
                bits.insert(doc);
            }
            bits
        })
    }
}

/// The documents of `inner` published in the range, scored as `inner` scores them.
#[derive(Debug)]
struct Filtered {
    inner: Box<dyn Query>,
    published: PublishedIn,
}

impl Clone for Filtered {
    fn clone(&self) -> Self {
        Filtered {
            inner: self.inner.box_clone(),
            published: self.published.clone(),
        }
    }
}

impl Query for Filtered {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(FilteredWeight {
            inner: self.inner.weight(enable_scoring)?,
            published: self.published.clone(),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.inner.query_terms(visitor)
    }
}

/// Passes the inner weight's documents through the range check, keeping the inner weight's
/// own ways of visiting them (block-wise unions, block-max pruning for the top hits).
struct FilteredWeight {
    inner: Box<dyn Weight>,
    published: PublishedIn,
}

impl Weight for FilteredWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut scorer = FilteredScorer {
            inner: self.inner.scorer(reader, boost)?,
            in_range: self.published.segment(reader)?,
        };
        let doc = scorer.inner.doc();
        if doc != TERMINATED && !scorer.in_range.contains(doc) {
            scorer.advance();
        }
        Ok(Box::new(scorer))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        if self.published.segment(reader)?.contains(doc) {
            self.inner.explain(reader, doc)
        } else {
            Err(TantivyError::InvalidArgument(format!(
                "document {doc} was not published in the range"
            )))
        }
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        let alive = reader.alive_bitset();
        let mut in_range = self.published.segment(reader)?;
        let mut n = 0;
        self.inner.for_each_no_score(reader, &mut |docs| {
            for &doc in docs {
                if alive.is_none_or(|a| a.is_alive(doc)) && in_range.contains(doc) {
                    n += 1;
                }
            }
        })?;
        Ok(n)
    }

    fn for_each(
        &self,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score),
    ) -> tantivy::Result<()> {
        let mut in_range = self.published.segment(reader)?;
        self.inner.for_each(reader, &mut |doc, score| {
            if in_range.contains(doc) {
                callback(doc, score);
            }
        })
    }

    fn for_each_no_score(
        &self,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(&[DocId]),
    ) -> tantivy::Result<()> {
        let mut in_range = self.published.segment(reader)?;
        let mut kept = Vec::new();
        self.inner.for_each_no_score(reader, &mut |docs| {
            kept.clear();
            kept.extend(docs.iter().copied().filter(|&d| in_range.contains(d)));
            if !kept.is_empty() {
                callback(&kept);
            }
        })
    }

    fn for_each_pruning(
        &self,
        threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        let mut in_range = self.published.segment(reader)?;
        // Only a collected document can raise the bar; a skipped one leaves it where it is.
        let mut bar = threshold;
        self.inner
            .for_each_pruning(threshold, reader, &mut |doc, score| {
                if in_range.contains(doc) {
                    bar = callback(doc, score);
                }
                bar
            })
    }
}

struct FilteredScorer {
    inner: Box<dyn Scorer>,
    in_range: InRange,
}

impl DocSet for FilteredScorer {
    fn advance(&mut self) -> DocId {
        loop {
            let doc = self.inner.advance();
            if doc == TERMINATED || self.in_range.contains(doc) {
                return doc;
            }
        }
    }

    fn seek(&mut self, target: DocId) -> DocId {
        let doc = self.inner.seek(target);
        if doc == TERMINATED || self.in_range.contains(doc) {
            doc
        } else {
            self.advance()
        }
    }

    delegate_doc_set!(inner: doc, size_hint, cost);
}

impl Scorer for FilteredScorer {
    fn score(&mut self) -> Score {
        self.inner.score()
    }
}
