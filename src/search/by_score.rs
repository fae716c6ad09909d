//! The best-scoring articles, newer first among equal scores, found the way tantivy finds
//! the best scores alone: block-max WAND skips the postings that cannot reach the page.
//!
//! Ordering by the pair (score, date) with tantivy's generic sort keys would score every
//! matching article. tantivy's own top-k by score prunes, but skips a document that only
//! equals the k-th best score, so that ties are decided by document address (the order in
//! which articles were indexed). Short news items score alike often, and a news archive
//! should show the newer of two equal answers first, as its other orders do. So this keeps
//! the pruning and lowers its threshold just below the k-th best score: documents equal to
//! it are still offered, and the newer one wins. Where every match is collected (beside a
//! count), a match's date is read only if its score can still enter the page.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use tantivy::collector::sort_key::{Comparator, NaturalComparator};
use tantivy::collector::{SegmentSortKeyComputer, SortKeyComputer, TopNComputer};
use tantivy::columnar::Column;
use tantivy::query::Weight;
use tantivy::{DateTime, DocAddress, DocId, Score, SegmentReader};

use crate::index::schema::name;

/// The sort key of [`ScoreThenDate`]: the score, then the date in nanoseconds since the
/// epoch (`i64::MIN` for an article without one).
pub(crate) type Key = (Score, i64);

/// Sorts by score, then by date, both greatest first (with `TopDocs`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct ScoreThenDate;

impl SortKeyComputer for ScoreThenDate {
    type SortKey = Key;
    type Child = SegmentDates;
    type Comparator = NaturalComparator;

    fn requires_scoring(&self) -> bool {
        true
    }

    fn segment_sort_key_computer(&self, reader: &SegmentReader) -> tantivy::Result<SegmentDates> {
        Ok(SegmentDates::of(reader))
    }

    fn collect_segment_top_k(
        &self,
        k: usize,
        weight: &dyn Weight,
        reader: &SegmentReader,
        segment_ord: u32,
    ) -> tantivy::Result<Vec<(Key, DocAddress)>> {
        let dates = SegmentDates::of(reader);
        let alive = reader.alive_bitset();
        let mut top = TopK::new(k);
        weight.for_each_pruning(Score::MIN, reader, &mut |doc, score| {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                top.push((score, dates.date(doc)), doc);
            }
            top.threshold()
        })?;
        Ok(top
            .into_vec()
            .into_iter()
            .map(|(key, doc)| (key, DocAddress::new(segment_ord, doc)))
            .collect())
    }
}

/// A segment's dates, as sort keys.
pub(crate) struct SegmentDates {
    column: Option<Column<DateTime>>,
}

impl SegmentDates {
    pub(crate) fn of(reader: &SegmentReader) -> SegmentDates {
        SegmentDates {
            column: reader.fast_fields().date(name::DATE).ok(),
        }
    }

    /// The date in nanoseconds since the epoch, `i64::MIN` without one.
    pub(crate) fn date(&self, doc: DocId) -> i64 {
        self.column
            .as_ref()
            .and_then(|c| c.first(doc))
            .map_or(i64::MIN, |d| d.into_timestamp_nanos())
    }
}

impl SegmentSortKeyComputer for SegmentDates {
    type SortKey = Key;
    type SegmentSortKey = Key;
    type SegmentComparator = NaturalComparator;

    fn segment_sort_key(&mut self, doc: DocId, score: Score) -> Key {
        (score, self.date(doc))
    }

    /// Where every document is collected (beside a count, which prunes nothing): the date is
    /// read only for a score that can enter the page with the best date, not for each match.
    fn compute_sort_key_and_collect<C: Comparator<Key>>(
        &mut self,
        doc: DocId,
        score: Score,
        top: &mut TopNComputer<Key, DocId, C>,
    ) {
        if let Some(threshold) = &top.threshold
            && C::default().compare(&(score, i64::MAX), threshold) != Ordering::Greater
        {
            return;
        }
        top.push((score, self.date(doc)), doc);
    }

    fn convert_segment_sort_key(&self, key: Key) -> Key {
        key
    }
}

/// The `k` greatest keys seen, and the pruning threshold they allow.
struct TopK {
    k: usize,
    /// A min-heap: the least of the kept keys on top.
    heap: BinaryHeap<Reverse<Entry>>,
}

impl TopK {
    fn new(k: usize) -> TopK {
        TopK {
            k,
            heap: BinaryHeap::with_capacity(k + 1),
        }
    }

    fn push(&mut self, key: Key, doc: DocId) {
        if self.k == 0 {
            return;
        }
        let entry = Entry { key, doc };
        if self.heap.len() < self.k {
            self.heap.push(Reverse(entry));
        } else if self.heap.peek().is_some_and(|least| entry > least.0) {
            self.heap.pop();
            self.heap.push(Reverse(entry));
        }
    }

    /// Scores at or below this cannot enter: once `k` are kept, just below the least kept
    /// score, so that a newer article scoring the same is still offered.
    fn threshold(&self) -> Score {
        match self.heap.peek() {
            Some(least) if self.heap.len() >= self.k => least.0.key.0.next_down(),
            _ => Score::MIN,
        }
    }

    fn into_vec(self) -> Vec<(Key, DocId)> {
        self.heap
            .into_iter()
            .map(|Reverse(e)| (e.key, e.doc))
            .collect()
    }
}

/// A kept document: greater key first, then the earlier document (as tantivy keeps it).
struct Entry {
    key: Key,
    doc: DocId,
}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key
            .0
            .total_cmp(&other.key.0)
            .then(self.key.1.cmp(&other.key.1))
            .then(other.doc.cmp(&self.doc))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Entry {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newer_of_equal_scores_is_kept_and_the_threshold_lets_equals_in() {
        let mut top = TopK::new(2);
        assert_eq!(top.threshold(), Score::MIN);
        top.push((2.0, 10), 0);
        top.push((1.0, 10), 1);
        // Full: an equal score must still be offered.
        assert!(top.threshold() < 1.0 && top.threshold() > 0.99);
        top.push((1.0, 20), 2);
        top.push((1.0, 5), 3);
        let mut kept = top.into_vec();
        kept.sort_by_key(|&(_, doc)| doc);
        assert_eq!(kept, [((2.0, 10), 0), ((1.0, 20), 2)]);
    }
}
