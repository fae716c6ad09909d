//! Ranking the articles that hold every query word as written above all others.
//!
//! A word found as written adds [`Ranking::exact_bonus`](super::Ranking::exact_bonus) to its
//! score, which usually, not always, lifts such articles above those found through a
//! compound part, a name's sound or a typo correction: a short title matching by sound can
//! outscore a long text holding every word. The page of exact matches (`lower::exact_page`)
//! relies on the order, so the full ranking makes it a tier: first whether an article holds
//! every word as written, then its score. Pages then agree with each other.

use std::collections::HashMap;
use std::sync::Arc;

use tantivy::index::SegmentId;
use tantivy::query::{EnableScoring, Query};
use tantivy::{BitSet, DocId, Score, Searcher, SegmentReader};

use super::by_score::SegmentDates;
use crate::Result;

/// The articles of each segment that hold every word as written.
#[derive(Clone)]
pub(crate) struct Tier {
    exact: Arc<HashMap<SegmentId, BitSet>>,
}

impl Tier {
    /// The articles `exact` (the words as written) finds, segment by segment. Called only
    /// when they are fewer than a page reaches, so this reads little.
    pub(crate) fn of(searcher: &Searcher, exact: &dyn Query) -> Result<Tier> {
        let weight = exact.weight(EnableScoring::disabled_from_searcher(searcher))?;
        let mut sets = HashMap::new();
        for reader in searcher.segment_readers() {
            let mut docs = BitSet::with_max_value(reader.max_doc().max(1));
            weight.for_each_no_score(reader, &mut |found| {
                for &doc in found {
                    docs.insert(doc);
                }
            })?;
            sets.insert(reader.segment_id(), docs);
        }
        Ok(Tier {
            exact: Arc::new(sets),
        })
    }

    /// The sort key of a segment's documents: exact first, then by score, then newer first
    /// (as the page of exact matches orders them, see [`super::by_score`]).
    pub(crate) fn key(
        &self,
        reader: &SegmentReader,
    ) -> impl Fn(DocId, Score) -> (bool, Score, i64) + use<> {
        let docs = self.exact.get(&reader.segment_id()).cloned();
        let dates = SegmentDates::of(reader);
        move |doc, score| {
            (
                docs.as_ref().is_some_and(|d| d.contains(doc)),
                score,
                dates.date(doc),
            )
        }
    }
}
