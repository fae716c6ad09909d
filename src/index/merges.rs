//! When segments are merged: tantivy's log merge policy, with a cap on the articles one merge
//! may combine.
//!
//! Without the cap, a large build ends by merging nearly the whole index into one segment,
//! and every later merge may rewrite most of it again. A merge reads its segments through
//! memory maps, so its size is also the process's peak memory. Capped (as Lucene caps its
//! tiered merges at 5 GB), an index of a million articles settles into a handful of segments
//! of a few hundred thousand each: searching a few segments instead of one costs little, and
//! memory and merge work stay bounded however large the archive grows.

use std::collections::HashMap;

use tantivy::index::SegmentMeta;
use tantivy::indexer::{LogMergePolicy, MergeCandidate, MergePolicy};

/// The most articles (deleted ones included) one merge combines.
pub(crate) const MAX_MERGE_DOCS: u32 = 250_000;

#[derive(Debug, Default)]
pub(crate) struct CappedMerges {
    inner: LogMergePolicy,
}

impl MergePolicy for CappedMerges {
    fn compute_merge_candidates(&self, segments: &[SegmentMeta]) -> Vec<MergeCandidate> {
        let docs: HashMap<_, u32> = segments.iter().map(|s| (s.id(), s.max_doc())).collect();
        let mut out = Vec::new();
        for candidate in self.inner.compute_merge_candidates(segments) {
            // A single segment is proposed to purge its deleted articles: keep that.
            if candidate.0.len() == 1 {
                out.push(candidate);
                continue;
            }
            let mut group = Vec::new();
            let mut group_docs = 0u32;
            for id in candidate.0 {
                let n = docs.get(&id).copied().unwrap_or(0);
                if !group.is_empty() && group_docs.saturating_add(n) > MAX_MERGE_DOCS {
                    if group.len() > 1 {
                        out.push(MergeCandidate(std::mem::take(&mut group)));
                    }
                    group.clear();
                    group_docs = 0;
                }
                group.push(id);
                group_docs = group_docs.saturating_add(n);
            }
            if group.len() > 1 {
                out.push(MergeCandidate(group));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::index::SegmentId;

    fn segments(sizes: &[u32]) -> Vec<SegmentMeta> {
        let index = tantivy::Index::create_in_ram(tantivy::schema::Schema::builder().build());
        sizes
            .iter()
            .map(|&n| index.new_segment_meta(SegmentId::generate_random(), n))
            .collect()
    }

    #[test]
    fn merges_stay_under_the_cap() {
        let metas = segments(&[100_000; 8]);
        let candidates = CappedMerges::default().compute_merge_candidates(&metas);
        assert_eq!(candidates.len(), 4, "{candidates:?}");
        assert!(candidates.iter().all(|c| c.0.len() == 2));
    }

    #[test]
    fn segments_at_the_cap_are_left_alone() {
        let metas = segments(&[MAX_MERGE_DOCS; 8]);
        assert!(
            CappedMerges::default()
                .compute_merge_candidates(&metas)
                .is_empty()
        );
    }

    #[test]
    fn small_segments_merge_as_tantivy_would() {
        let metas = segments(&[20_000; 8]);
        let candidates = CappedMerges::default().compute_merge_candidates(&metas);
        assert_eq!(candidates.len(), 1);
        assert_eq!(candidates[0].0.len(), 8);
    }
}
