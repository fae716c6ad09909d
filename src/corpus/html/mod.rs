//! Web pages: the article a page holds, read out of its HTML.
//!
//! What a page declares (JSON-LD `NewsArticle`, OpenGraph, `<meta>`, `<time>`, `<link
//! rel=canonical>`) is read before anything is guessed from the text; the main text is
//! told from navigation, teasers, comments and footers by how pages are built.

mod date;
mod dom;
mod encoding;
mod main_text;
mod metadata;
mod scripts;

use time::OffsetDateTime;

/// What is known about a page besides its bytes.
#[derive(Debug, Clone, Copy, Default)]
#[non_exhaustive]
pub struct Hints<'a> {
    /// The address it was fetched from (a WARC record's target URI, or one the caller knows).
    pub url: Option<&'a str>,
    /// The HTTP `Content-Type` header it was served with (its `charset`).
    pub content_type: Option<&'a str>,
}

impl<'a> Hints<'a> {
    /// Hints with the page's address.
    pub fn url(url: &'a str) -> Hints<'a> {
        Hints {
            url: Some(url),
            content_type: None,
        }
    }
}

/// What [`extract`] read from a page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Page {
    /// The article's headline.
    pub title: Option<String>,
    /// The main text, paragraphs separated by blank lines; `None` when the page holds no
    /// article (an index page, an error page).
    pub body: Option<String>,
    /// The publication date.
    pub date: Option<OffsetDateTime>,
    /// The authors, as the page names them.
    pub authors: Vec<String>,
    /// The site's name.
    pub source: Option<String>,
    /// The canonical address: `<link rel=canonical>`, `og:url`, or the hinted one.
    pub url: Option<String>,
    /// The language (ISO 639-1, `de`).
    pub language: Option<String>,
}

/// An error page ([`metadata`]) with less main text than this holds no article.
const ERROR_PAGE_TEXT: usize = 1000;

/// Reads the article out of a page's bytes, in whatever encoding they are.
///
/// The encoding is the one the byte order mark, `hints.content_type` or the page's `<meta>`
/// names, else the one its bytes suggest. Nothing in the page is run or fetched.
pub fn extract(bytes: &[u8], hints: Hints<'_>) -> Page {
    let text = encoding::decode(bytes, hints.content_type);
    let doc = scraper::Html::parse_document(&scripts::emptied(&text));
    let meta = metadata::metadata(&doc, hints.url);
    // An error page's few lines ("Die Seite gibt es nicht (mehr)") are no article.
    let body = main_text::main_text(&doc)
        .filter(|b| !(meta.error_page && b.chars().count() < ERROR_PAGE_TEXT));
    Page {
        title: meta.title,
        body,
        date: date::publication_date(&doc, hints.url),
        authors: meta.authors,
        source: meta.source,
        url: meta.url,
        language: meta.language,
    }
}
