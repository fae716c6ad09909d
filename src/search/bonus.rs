//! A query that adds a constant to the score of every document another query matches.

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term};

use super::delegate::delegate_doc_set;

/// Scores `inner`'s documents with `inner`'s score plus `bonus`: the exact match of a word
/// always ranks above its expansions. (A `ConstScoreQuery` beside the query would do the same
/// but read the postings twice.)
#[derive(Debug)]
pub(crate) struct BonusQuery {
    inner: Box<dyn Query>,
    bonus: Score,
}

impl BonusQuery {
    pub(crate) fn new(inner: Box<dyn Query>, bonus: Score) -> BonusQuery {
        BonusQuery { inner, bonus }
    }
}

impl Clone for BonusQuery {
    fn clone(&self) -> Self {
        BonusQuery::new(self.inner.box_clone(), self.bonus)
    }
}

impl Query for BonusQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let inner = self.inner.weight(enable_scoring)?;
        if !enable_scoring.is_scoring_enabled() {
            return Ok(inner);
        }
        Ok(Box::new(BonusWeight {
            inner,
            bonus: self.bonus,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.inner.query_terms(visitor)
    }
}

struct BonusWeight {
    inner: Box<dyn Weight>,
    bonus: Score,
}

impl Weight for BonusWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(BonusScorer {
            inner: self.inner.scorer(reader, boost)?,
            bonus: self.bonus * boost,
        }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let inner = self.inner.explain(reader, doc)?;
        let mut e = Explanation::new_with_string(
            format!("exact match: {} plus {}", inner.value(), self.bonus),
            inner.value() + self.bonus,
        );
        e.add_detail(inner);
        Ok(e)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.inner.count(reader)
    }
}

struct BonusScorer {
    inner: Box<dyn Scorer>,
    bonus: Score,
}

impl DocSet for BonusScorer {
    delegate_doc_set!(inner: advance, seek, seek_danger, doc, size_hint, cost);
}

impl Scorer for BonusScorer {
    fn score(&mut self) -> Score {
        self.inner.score() + self.bonus
    }
}
