//! The clauses a query excludes (`-Putin`, `-"Tag des Sieges"`), asked about documents by
//! `seek` only.
//!
//! tantivy asks an excluded clause whether it holds each candidate with `seek_danger`, which
//! may leave the clause past the candidate, even finished. Its phrase scorer then asserts (in
//! debug builds) that the next candidate is not behind it, which it may well be: a phrase
//! excluded from a segment with two more candidates after its last match failed the search.
//! `seek` never moves a clause past a document it was not asked about.

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SeekDangerResult, SegmentReader, Term};

use super::delegate::delegate_doc_set;

/// `inner`, for excluding: its documents, stepped through by `seek`.
#[derive(Debug)]
pub(crate) struct ExcludedQuery {
    inner: Box<dyn Query>,
}

impl ExcludedQuery {
    pub(crate) fn new(inner: Box<dyn Query>) -> ExcludedQuery {
        ExcludedQuery { inner }
    }
}

impl Clone for ExcludedQuery {
    fn clone(&self) -> Self {
        ExcludedQuery::new(self.inner.box_clone())
    }
}

impl Query for ExcludedQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(ExcludedWeight {
            inner: self.inner.weight(enable_scoring)?,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.inner.query_terms(visitor)
    }
}

struct ExcludedWeight {
    inner: Box<dyn Weight>,
}

impl Weight for ExcludedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(ExcludedScorer {
            inner: self.inner.scorer(reader, boost)?,
        }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.inner.explain(reader, doc)
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.inner.count(reader)
    }
}

struct ExcludedScorer {
    inner: Box<dyn Scorer>,
}

impl DocSet for ExcludedScorer {
    delegate_doc_set!(inner: advance, seek, doc, size_hint, cost);

    fn seek_danger(&mut self, target: DocId) -> SeekDangerResult {
        let doc = match self.inner.doc() {
            doc if doc < target => self.inner.seek(target),
            doc => doc,
        };
        if doc == target {
            SeekDangerResult::Found
        } else {
            SeekDangerResult::SeekLowerBound(doc)
        }
    }
}

impl Scorer for ExcludedScorer {
    fn score(&mut self) -> Score {
        self.inner.score()
    }
}
