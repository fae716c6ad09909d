//! Converting between articles and the documents tantivy stores.

use std::path::{Path, PathBuf};

use tantivy::schema::Value;
use tantivy::{DateTime, TantivyDocument};

use super::schema::Fields;
use crate::corpus::Article;

/// The collection name of the bundled corpus's articles.
#[cfg_attr(not(feature = "bundled"), expect(dead_code))]
pub(crate) const BUNDLED: &str = "bundled";

/// Where an article comes from, as the index records it.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Provenance<'a> {
    /// The file, as an [`origin_key`] (or `corpus/...` for the bundled corpus).
    pub origin: Option<&'a str>,
    /// The file's stamp when read (0: none).
    pub stamp: u64,
    /// The collection (the bundled corpus).
    pub collection: Option<&'a str>,
}

/// How the index records a file: its canonical path (absolute, symlinks resolved, so that a
/// file reached by two paths is one file), or for a path that is not UTF-8, `hex:` and its
/// bytes in hex (no absolute path starts so), so that it can be found again.
pub(crate) fn origin_key(path: &Path) -> String {
    let path = canonical(path);
    match path.to_str() {
        Some(s) => s.to_string(),
        None => {
            let bytes = path.as_os_str().as_encoded_bytes();
            let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            format!("{HEX_PREFIX}{hex}")
        }
    }
}

const HEX_PREFIX: &str = "hex:";

/// `path` with symlinks resolved, or only made absolute when it does not exist (any more).
pub(crate) fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// The file an [`origin_key`] names; `None` for origins that are not files.
pub(crate) fn origin_path(key: &str) -> Option<PathBuf> {
    if let Some(hex) = key.strip_prefix(HEX_PREFIX) {
        let bytes = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
            .collect::<Option<Vec<u8>>>()?;
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStringExt;
            return Some(PathBuf::from(std::ffi::OsString::from_vec(bytes)));
        }
        #[cfg(not(unix))]
        return String::from_utf8(bytes).ok().map(PathBuf::from);
    }
    let path = Path::new(key);
    path.is_absolute().then(|| path.to_path_buf())
}

/// A hash of everything the index stores for an article: equal hashes, nothing to rewrite.
/// The file's stamp is part of it, so that a touched file's articles carry its new stamp
/// and the file is skipped next time.
pub(crate) fn content_hash(article: &Article, from: &Provenance) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let mut field = |bytes: &[u8]| {
        h.update(&(bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    field(article.id.as_bytes());
    field(article.title.as_bytes());
    field(&article.date.unix_timestamp_nanos().to_le_bytes());
    field(article.body.as_bytes());
    for s in [&article.source, &article.url, &article.language] {
        field(s.as_deref().unwrap_or("\0").as_bytes());
    }
    // A list's length first, so that moving an item between lists changes the hash.
    for list in [&article.authors, &article.tags] {
        field(&(list.len() as u64).to_le_bytes());
        for item in list {
            field(item.as_bytes());
        }
    }
    field(from.origin.unwrap_or("\0").as_bytes());
    field(&from.stamp.to_le_bytes());
    field(from.collection.unwrap_or("\0").as_bytes());
    h.digest()
}

/// Builds the document for `article`, whose [`content_hash`] is `hash`; with `mentions`,
/// the dates it mentions are indexed too.
pub(crate) fn to_document(
    f: &Fields,
    article: &Article,
    from: &Provenance,
    hash: u64,
    mentions: bool,
) -> TantivyDocument {
    // Each text goes in three times (below); sized once, the buffer is not copied as it grows.
    let text = article.title.len() + article.body.len();
    let mut doc = TantivyDocument::with_capacity(3 * text + 512);
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
    for a in &article.authors {
        doc.add_text(f.authors, a);
    }
    for t in &article.tags {
        doc.add_text(f.tags, t);
    }
    if let Some(l) = &article.language {
        doc.add_text(f.language, l);
    }
    if let Some(o) = from.origin {
        doc.add_text(f.origin, o);
    }
    if let Some(c) = from.collection {
        doc.add_text(f.collection, c);
    }
    doc.add_u64(f.stamp, from.stamp);
    doc.add_u64(f.hash, hash);
    if mentions {
        // Tagged here, on the thread that feeds the writer, rather than by the field's
        // analyzer on tantivy's indexing threads: the feeding thread mostly waits for them,
        // so tagging runs beside the analysis instead of after it.
        let tokens = crate::analysis::mentions::mention_tokens(
            article.date.date(),
            &article.title,
            &article.body,
        );
        doc.add_pre_tokenized_text(f.mentions, tokens);
    }
    doc
}

/// An article as the index stores it, with the file it was read from.
///
/// Serialised, it is the article's object with one more key, `origin`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct StoredArticle {
    /// The article.
    #[serde(flatten)]
    pub article: Article,
    /// The file it was indexed from (`corpus/...` for the bundled corpus), if known.
    pub origin: Option<String>,
}

fn text(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

/// Every value of a text field, in order.
pub(crate) fn texts(doc: &TantivyDocument, field: tantivy::schema::Field) -> Vec<String> {
    doc.get_all(field)
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect()
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
            authors: texts(doc, f.authors),
            tags: texts(doc, f.tags),
            language: text(doc, f.language),
        },
        origin: text(doc, f.origin).map(|key| match origin_path(&key) {
            Some(path) => path.to_string_lossy().into_owned(),
            None => key,
        }),
    }
}
