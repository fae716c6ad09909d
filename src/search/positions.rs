//! Where a document holds the query's words: their positions, read from the index.
//!
//! Highlighting by re-analysing every word of a hit would cost a full German analysis per
//! word (in a fresh process, with a cold cache); the index already knows the positions of the
//! query's word terms, and splitting the text into words is cheap.

use rustc_hash::FxHashSet;
use tantivy::postings::Postings;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocAddress, DocSet, Searcher, Term};

use super::plan::Marks;
use crate::analysis::TermKind;

/// The positions (as the analysis numbers words) of the document's words that the marks'
/// word terms and phrases match in `field`.
pub(crate) fn word_positions(
    searcher: &Searcher,
    field: Field,
    doc: DocAddress,
    marks: &Marks,
) -> tantivy::Result<FxHashSet<u32>> {
    let segment = searcher.segment_reader(doc.segment_ord);
    let inverted = segment.inverted_index(field)?;
    let positions_of = |term: &str| -> tantivy::Result<Vec<u32>> {
        let term = Term::from_field_text(field, term);
        let mut out = Vec::new();
        if let Some(mut postings) =
            inverted.read_postings(&term, IndexRecordOption::WithFreqsAndPositions)?
        {
            // A fresh posting list stands on its first document; seeking backwards is not
            // allowed.
            let at = match postings.doc() {
                d if d < doc.doc_id => postings.seek(doc.doc_id),
                d => d,
            };
            if at == doc.doc_id {
                postings.positions(&mut out);
            }
        }
        Ok(out)
    };
    // Each word of a hit's text is looked up here: a fast hash, as the keys are positions.
    let mut found = FxHashSet::default();
    for (kind, term) in &marks.terms {
        if *kind == TermKind::Word {
            found.extend(positions_of(term)?);
        }
    }
    for phrase in &marks.phrases {
        let lists: Vec<(usize, FxHashSet<u32>)> = phrase
            .iter()
            .map(|(offset, term)| Ok((*offset, positions_of(term)?.into_iter().collect())))
            .collect::<tantivy::Result<_>>()?;
        let Some((_, firsts)) = lists.first() else {
            continue;
        };
        for &start in firsts {
            let at = |offset: usize| start + offset as u32;
            if lists.iter().all(|(offset, set)| set.contains(&at(*offset))) {
                found.extend(lists.iter().map(|(offset, _)| at(*offset)));
            }
        }
    }
    Ok(found)
}
