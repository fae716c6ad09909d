//! Verifying an index: its files are intact and its counts add up.

use std::collections::HashSet;
use std::path::PathBuf;

use serde::Serialize;
use tantivy::{DocSet, TERMINATED};

use super::Index;
use crate::Result;

/// What [`Index::check`] found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CheckReport {
    /// The index folder (`None` in memory).
    pub path: Option<PathBuf>,
    /// Live articles.
    pub articles: u64,
    /// Deleted or replaced articles whose space a merge has yet to reclaim.
    pub deleted: u64,
    /// Segments (tantivy's units of an index).
    pub segments: usize,
    /// The index format and analyzer versions it was written with.
    pub format: u32,
    /// See [`crate::analysis::ANALYZER_VERSION`].
    pub analyzer: u32,
    /// Everything wrong, one sentence each; empty when the index is sound.
    pub problems: Vec<String>,
}

impl CheckReport {
    /// Whether nothing is wrong.
    pub fn is_sound(&self) -> bool {
        self.problems.is_empty()
    }
}

pub(crate) fn check(index: &Index) -> Result<CheckReport> {
    index.reader.reload()?;
    let searcher = index.reader.searcher();
    let meta = index.committed_meta()?;
    let mut problems = Vec::new();

    let mut damaged: Vec<PathBuf> = index.inner.validate_checksum()?.into_iter().collect();
    damaged.sort();
    for file in damaged {
        problems.push(format!(
            "file {} is damaged (its checksum does not match)",
            file.display()
        ));
    }

    // Damaged files cannot be read reliably (tantivy may panic on them).
    if !problems.is_empty() {
        return Ok(CheckReport {
            path: index.path.clone(),
            articles: searcher.num_docs(),
            deleted: 0,
            segments: searcher.segment_readers().len(),
            format: meta.format,
            analyzer: meta.analyzer,
            problems,
        });
    }
    index.guarded(|| check_counts(index, &searcher, meta, problems))
}

fn check_counts(
    index: &Index,
    searcher: &tantivy::Searcher,
    meta: super::meta::CommitMeta,
    mut problems: Vec<String>,
) -> Result<CheckReport> {
    let mut ids_seen: HashSet<u64> = HashSet::new();
    let mut duplicates = 0u64;
    let mut live_ids = 0u64;
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        let max_doc = segment.max_doc();
        let store = segment
            .get_store_reader(0)
            .map_err(tantivy::TantivyError::from)?;
        if max_doc > 0 && store.get_document_bytes(max_doc - 1).is_err() {
            problems.push(format!(
                "segment {ord} stores fewer articles than it indexes ({max_doc})"
            ));
        }
        let dates = segment.fast_fields().date(super::schema::name::DATE)?;
        if dates.num_docs() != max_doc {
            problems.push(format!(
                "segment {ord} has dates for {} of its {max_doc} documents",
                dates.num_docs()
            ));
        }
        let alive = segment.alive_bitset();
        let ids = segment.inverted_index(index.fields.id)?;
        let mut terms = ids.terms().stream().map_err(tantivy::TantivyError::from)?;
        while terms.advance() {
            let mut postings = ids
                .read_postings_from_terminfo(
                    terms.value(),
                    tantivy::schema::IndexRecordOption::Basic,
                )
                .map_err(tantivy::TantivyError::from)?;
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    live_ids += 1;
                    if !ids_seen.insert(xxhash_rust::xxh3::xxh3_64(terms.key())) {
                        duplicates += 1;
                    }
                }
                doc = postings.advance();
            }
        }
    }
    let articles = searcher.num_docs();
    if duplicates > 0 {
        problems.push(format!("{duplicates} article(s) share an id with another"));
    }
    if live_ids != articles {
        problems.push(format!(
            "{articles} articles are live but {live_ids} ids are: some article has no id or several"
        ));
    }
    let deleted = searcher
        .segment_readers()
        .iter()
        .map(|s| u64::from(s.num_deleted_docs()))
        .sum();
    Ok(CheckReport {
        path: index.path.clone(),
        articles,
        deleted,
        segments: searcher.segment_readers().len(),
        format: meta.format,
        analyzer: meta.analyzer,
        problems,
    })
}
