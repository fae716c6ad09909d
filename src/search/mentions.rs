//! Searching by the dates articles mention: a query over the mention terms (see
//! `analysis::mentions`), and the mentions of a hit that fall in the range asked for.

use serde::Serialize;
use tantivy::query::{
    BitSetDocSet, ConstScorer, EnableScoring, Explanation, Query, Scorer, Weight,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{BitSet, DocId, DocSet, Score, SegmentReader, TantivyError};

use crate::analysis::mentions::{DaySpan, day_key, day_number, end_day, tagged_text};
use crate::corpus::Article;
use crate::dates::DateRange;
use crate::temporal::{self, TimexType};

/// Days [from, to) of a date range; either side open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Days {
    from: Option<u32>,
    to: Option<u32>,
}

impl Days {
    pub(crate) fn of(range: &DateRange) -> Days {
        Days {
            from: range.start().map(|t| day_number(t.date())),
            to: range.end().map(end_day),
        }
    }

    /// Whether the span lies within these days.
    fn holds(&self, span: DaySpan) -> bool {
        self.from.is_none_or(|f| span.start >= f) && self.to.is_none_or(|t| span.end <= t)
    }
}

/// The articles that mention a date lying within the days.
#[derive(Debug, Clone)]
pub(crate) struct MentionQuery {
    field: Field,
    days: Days,
}

impl MentionQuery {
    pub(crate) fn new(field: Field, days: Days) -> MentionQuery {
        MentionQuery { field, days }
    }
}

impl Query for MentionQuery {
    fn weight(&self, _: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl Weight for MentionQuery {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut docs = BitSet::with_max_value(reader.max_doc());
        let index = reader.inverted_index(self.field)?;
        // Terms sort by their start day: the range of terms whose period starts in the days,
        // then those that also end in them.
        let mut range = index.terms().range();
        if let Some(from) = self.days.from {
            range = range.ge(day_key(from).as_bytes());
        }
        if let Some(to) = self.days.to {
            range = range.lt(day_key(to).as_bytes());
        }
        let mut terms = range.into_stream().map_err(TantivyError::from)?;
        while terms.advance() {
            let Some(span) = DaySpan::from_term(terms.key()) else {
                continue;
            };
            if !self.days.holds(span) {
                continue;
            }
            let mut postings = index
                .read_block_postings_from_terminfo(terms.value(), IndexRecordOption::Basic)
                .map_err(TantivyError::from)?;
            while !postings.docs().is_empty() {
                for &doc in postings.docs() {
                    docs.insert(doc);
                }
                postings.advance();
            }
        }
        Ok(Box::new(ConstScorer::new(BitSetDocSet::from(docs), boost)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        if self.scorer(reader, 1.0)?.seek(doc) == doc {
            Ok(Explanation::new("mentions a date in the range", 0.0))
        } else {
            Err(TantivyError::InvalidArgument(format!(
                "document {doc} mentions no date in the range"
            )))
        }
    }
}

/// A date an article mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Mention {
    /// The words that mention it.
    pub text: String,
    /// The TIMEX3 value the tagger gave it, resolved against the article's date.
    pub value: String,
    /// The TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// `title` or `body`.
    pub field: &'static str,
    /// Where it starts in that field, in characters.
    pub start: usize,
    /// Where it ends (exclusive), in characters.
    pub end: usize,
}

/// The dates `article` mentions within `range` (all of them when the range is open), in
/// text order: title first.
pub fn mentions_in(article: &Article, range: &DateRange) -> Vec<Mention> {
    let days = Days::of(range);
    // Tagged as at indexing.
    let text = tagged_text(&article.title, &article.body);
    let title_chars = article.title.chars().count();
    temporal::tag(&text, article.date.date())
        .into_iter()
        .filter(|t| DaySpan::of(t).is_some_and(|span| days.holds(span)))
        .map(|t| {
            let (field, shift) = if t.start < title_chars {
                ("title", 0)
            } else {
                ("body", title_chars + 1)
            };
            Mention {
                start: t.start - shift,
                end: t.end - shift,
                text: t.text,
                value: t.value,
                kind: t.kind,
                field,
            }
        })
        .collect()
}

/// The query for articles mentioning a date in `range`, if the range is bounded.
pub(crate) fn mention_query(field: Field, range: &DateRange) -> Option<Box<dyn Query>> {
    (!range.is_unbounded()).then(|| Box::new(MentionQuery::new(field, Days::of(range))) as _)
}
