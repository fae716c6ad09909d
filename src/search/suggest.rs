//! "Meinten Sie …?": a corrected query when a misspelt word finds little.

use tantivy::collector::TopDocs;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, TantivyDocument, Term};

use super::fuzzy::near_terms;
use super::query::WordPlan;
use crate::Result;
use crate::analysis::{TermKind, analyze};
use crate::index::Index;

/// The query with each word the archive does not know replaced by the most frequent known
/// word a typo away, written as the archive writes it; `None` if no word can be corrected.
pub(crate) fn correction(
    index: &Index,
    searcher: &Searcher,
    query: &str,
    words: &[WordPlan],
) -> Result<Option<String>> {
    let f = index.fields();
    let mut corrected = query.to_string();
    let mut changed = false;
    // Words the archive lacks, or that search read as typos (unknown to the lexicon, rare).
    for w in words.iter().filter(|w| w.looks_misspelt()) {
        let candidates = near_terms(searcher, &[f.title, f.body], &w.terms[0])?;
        // The nearest that the archive uses at least as often as the word itself, then the
        // most frequent.
        let Some(best) = candidates.iter().find(|c| c.doc_freq >= w.doc_freq.max(1)) else {
            continue;
        };

        let Some(written) = written_form(index, searcher, &best.term)? else {
            continue;
        };
        if let Some(at) = corrected.find(&w.word) {
            corrected.replace_range(at..at + w.word.len(), &written);
            changed = true;
        }
    }
    Ok(changed.then_some(corrected))
}

/// How the archive writes a term: the word in the first article that holds it.
fn written_form(index: &Index, searcher: &Searcher, term: &str) -> Result<Option<String>> {
    let f = index.fields();
    for field in [f.title, f.body] {
        let query = TermQuery::new(Term::from_field_text(field, term), IndexRecordOption::Basic);
        let top = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
        let Some((_, address)) = top.first() else {
            continue;
        };
        let doc: TantivyDocument = searcher.doc(*address)?;
        let article = crate::index::from_document(&f, &doc).article;
        let text = if field == f.title {
            &article.title
        } else {
            &article.body
        };
        if let Some(t) = analyze(text)
            .into_iter()
            .find(|t| t.kind == TermKind::Word && t.term == term)
        {
            return Ok(Some(t.text));
        }
    }
    Ok(None)
}
