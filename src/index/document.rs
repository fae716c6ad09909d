//! Converting between articles and the documents tantivy stores.

use tantivy::schema::Value;
use tantivy::{DateTime, TantivyDocument};

use super::schema::Fields;
use crate::corpus::Article;

/// The collection name of the bundled corpus's articles.
pub(crate) const BUNDLED: &str = "bundled";

/// Builds the document for `article`; `origin` is the file it came from, if any.
pub(crate) fn to_document(
    f: &Fields,
    article: &Article,
    origin: Option<&str>,
    collection: Option<&str>,
) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    doc.add_text(f.id, &article.id);
    // The same text goes to the word, part and name fields; each field's analyzer keeps its
    // own kind of term, and the words are analysed once (the analysis is cached).
    for field in [f.title, f.title_parts, f.title_names] {
        doc.add_text(field, &article.title);
    }
    for field in [f.body, f.body_parts, f.body_names] {
        doc.add_text(field, &article.body);
    }
    // Validated before: the date fits tantivy's range.
    doc.add_date(f.date, DateTime::from_utc(article.date));
    if let Some(s) = &article.source {
        doc.add_text(f.source, s);
    }
    if let Some(u) = &article.url {
        doc.add_text(f.url, u);
    }
    for t in &article.tags {
        doc.add_text(f.tags, t);
    }
    if let Some(l) = &article.language {
        doc.add_text(f.language, l);
    }
    if let Some(o) = origin {
        doc.add_text(f.origin, o);
    }
    if let Some(c) = collection {
        doc.add_text(f.collection, c);
    }
    doc
}

/// An article as the index stores it, with the file it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredArticle {
    /// The article.
    pub article: Article,
    /// The file it was indexed from (`corpus/...` for the bundled corpus), if known.
    pub origin: Option<String>,
}

fn text(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

/// Rebuilds the article from a stored document.
pub(crate) fn from_document(f: &Fields, doc: &TantivyDocument) -> StoredArticle {
    let date = doc
        .get_first(f.date)
        .and_then(|v| v.as_datetime())
        .map(DateTime::into_utc)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    StoredArticle {
        article: Article {
            id: text(doc, f.id).unwrap_or_default(),
            title: text(doc, f.title).unwrap_or_default(),
            date,
            body: text(doc, f.body).unwrap_or_default(),
            source: text(doc, f.source),
            url: text(doc, f.url),
            tags: doc
                .get_all(f.tags)
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            language: text(doc, f.language),
        },
        origin: text(doc, f.origin),
    }
}
