//! What the last commit holds, as a writer needs to know it: whether an article is there
//! and with what content, whether a file is unchanged since it was read, which articles
//! came from a file.

use std::sync::Arc;

use tantivy::columnar::Column;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, DocId, DocSet, Searcher, TERMINATED, TantivyDocument, Term};

use super::schema::{Fields, name};
use crate::Result;

/// A committed state of the index (cheap to clone).
#[derive(Clone)]
pub(crate) struct Committed {
    searcher: Searcher,
    fields: Fields,
    /// Per segment: the articles' content hashes and file stamps.
    columns: Arc<Vec<(Column<u64>, Column<u64>)>>,
}

impl Committed {
    pub(crate) fn new(searcher: Searcher, fields: Fields) -> Result<Committed> {
        let columns = searcher
            .segment_readers()
            .iter()
            .map(|s| {
                let fast = s.fast_fields();
                Ok((fast.u64(name::HASH)?, fast.u64(name::STAMP)?))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Committed {
            searcher,
            fields,
            columns: Arc::new(columns),
        })
    }

    /// The live articles holding `term`, as (segment, document) pairs.
    fn live(&self, term: &Term) -> Result<Vec<(usize, DocId)>> {
        let mut out = Vec::new();
        for (ord, segment) in self.searcher.segment_readers().iter().enumerate() {
            let index = segment.inverted_index(term.field())?;
            let Some(mut postings) = index
                .read_postings(term, IndexRecordOption::Basic)
                .map_err(tantivy::TantivyError::from)?
            else {
                continue;
            };
            let alive = segment.alive_bitset();
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if alive.is_none_or(|a| a.is_alive(doc)) {
                    out.push((ord, doc));
                }
                doc = postings.advance();
            }
        }
        Ok(out)
    }

    /// The content hash of the article with this id, if there is one.
    pub(crate) fn hash_of(&self, id: &str) -> Result<Option<u64>> {
        let term = Term::from_field_text(self.fields.id, id);
        Ok(self
            .live(&term)?
            .first()
            .map(|&(seg, doc)| self.columns[seg].0.first(doc).unwrap_or(0)))
    }

    /// Whether the articles read from the file `origin` (an `origin_key`) carry `stamp`:
    /// the file has not changed since.
    pub(crate) fn file_unchanged(&self, origin: &str, stamp: u64) -> bool {
        let term = Term::from_field_text(self.fields.origin, origin);
        match self.live(&term) {
            Ok(docs) => {
                !docs.is_empty()
                    && docs
                        .iter()
                        .all(|&(seg, doc)| self.columns[seg].1.first(doc) == Some(stamp))
            }
            Err(_) => false,
        }
    }

    /// Every origin recorded for a live article.
    pub(crate) fn origins(&self) -> Result<Vec<String>> {
        let mut out = std::collections::BTreeSet::new();
        for segment in self.searcher.segment_readers() {
            let index = segment.inverted_index(self.fields.origin)?;
            let mut terms = index
                .terms()
                .stream()
                .map_err(tantivy::TantivyError::from)?;
            while terms.advance() {
                if let Ok(key) = std::str::from_utf8(terms.key()) {
                    out.insert(key.to_string());
                }
            }
        }
        let mut live = Vec::new();
        for key in out {
            let term = Term::from_field_text(self.fields.origin, &key);
            if !self.live(&term)?.is_empty() {
                live.push(key);
            }
        }
        Ok(live)
    }

    /// The ids of the live articles read from `origin`.
    pub(crate) fn ids_from(&self, origin: &str) -> Result<Vec<String>> {
        let term = Term::from_field_text(self.fields.origin, origin);
        let mut ids = Vec::new();
        for (seg, doc) in self.live(&term)? {
            let stored: TantivyDocument = self.searcher.doc(DocAddress::new(seg as u32, doc))?;
            if let Some(id) = stored.get_first(self.fields.id).and_then(|v| v.as_str()) {
                ids.push(id.to_string());
            }
        }
        Ok(ids)
    }
}
