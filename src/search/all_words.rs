//! Ranking the articles that hold every one of several words as written: the page of exact
//! matches that a search of several words looks for first.
//!
//! tantivy ranks such a query as an intersection of per-word unions (title and body), which
//! scores every document of every union while it looks for the common ones. Here the common
//! documents are found first, from postings read a block at a time into bitsets (see
//! `count`), and only they are scored: each field's term scorer is moved to them.

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, TermQuery, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, TantivyError, Term};

use super::count::{Bits, TermSets};
use super::delegate::delegate_doc_set;

/// The documents `sets` matches, each scored by BM25 of its words' terms (with their boosts),
/// as a conjunction of boolean queries of the words' fields scores them.
#[derive(Debug, Clone)]
pub(crate) struct AllWordsQuery {
    /// For each word, its terms and their boosts.
    words: Vec<Vec<(Term, Score)>>,
    sets: TermSets,
}

impl AllWordsQuery {
    pub(crate) fn new(words: Vec<Vec<(Term, Score)>>, sets: TermSets) -> AllWordsQuery {
        AllWordsQuery { words, sets }
    }
}

impl Query for AllWordsQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let words = per_term(&self.words, |(term, boost)| {
            let query = TermQuery::new(term.clone(), IndexRecordOption::WithFreqs);
            Ok((query.weight(enable_scoring)?, *boost))
        })?;
        Ok(Box::new(AllWordsWeight {
            words,
            sets: self.sets.clone(),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for (term, _) in self.words.iter().flatten() {
            visitor(term, false);
        }
    }
}

/// `f` of each term of each word, keeping them by word.
fn per_term<A, B>(
    words: &[Vec<A>],
    mut f: impl FnMut(&A) -> tantivy::Result<B>,
) -> tantivy::Result<Vec<Vec<B>>> {
    words
        .iter()
        .map(|terms| terms.iter().map(&mut f).collect())
        .collect()
}

struct AllWordsWeight {
    words: Vec<Vec<(Box<dyn Weight>, Score)>>,
    sets: TermSets,
}

impl Weight for AllWordsWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let words = per_term(&self.words, |(weight, b)| weight.scorer(reader, boost * b))?;
        Ok(Box::new(AllWordsScorer {
            docs: self.sets.docs(reader, None)?,
            words,
        }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!(
                "document {doc} does not hold every word"
            )));
        }
        Ok(Explanation::new("BM25 of every word", scorer.score()))
    }
}

struct AllWordsScorer {
    docs: Bits,
    words: Vec<Vec<Box<dyn Scorer>>>,
}

impl DocSet for AllWordsScorer {
    delegate_doc_set!(docs: advance, seek, doc, size_hint);
}

impl Scorer for AllWordsScorer {
    fn score(&mut self) -> Score {
        let doc = self.docs.doc();
        if doc == TERMINATED {
            return 0.0;
        }
        // Summed word by word, each word over its fields, as the boolean queries sum them.
        let mut total = 0.0;
        for terms in &mut self.words {
            let mut word = 0.0;
            for scorer in terms.iter_mut() {
                if scorer.doc() < doc {
                    scorer.seek(doc);
                }
                if scorer.doc() == doc {
                    word += scorer.score();
                }
            }
            total += word;
        }
        total
    }
}
