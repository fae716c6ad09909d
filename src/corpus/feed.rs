//! Feeds: RSS (0.9x, 1.0, 2.0), Atom and JSON Feed, read with `feed-rs`; one article per
//! item.
//!
//! Files: `.rss`, `.atom`, `.xml` (in a folder only those that start like a feed: an
//! `<rss>`, `<feed>` or `<rdf:RDF>` element), and `.json` files that are JSON Feeds (their
//! `version` is `https://jsonfeed.org/version/...`; other `.json` files are articles).
//!
//! * **id**: the item's link (its `alternate` one first), else its guid or id.
//! * **title**: the item's title as text, else the first line of its text.
//! * **date**: when it was published, else when it was updated; an item with neither is
//!   an error ([`InputErrorKind::NoDate`]).
//! * **body**: the item's full content where the feed carries it, else its summary, as
//!   text: HTML is turned into paragraphs separated by blank lines. An item may have none.
//! * **source**: the feed's title; **url**: the link; **tags**: the item's categories;
//!   **authors**: the item's, else the feed's, by name (an RSS `<author>` is an address:
//!   `redaktion@example.de (Anna Roth)` gives `Anna Roth`, a bare address nothing);
//!   **language**: the item's, else the feed's.
//!
//! Errors about an item name its position in the feed (`item 3`) and its link or id.

use std::io::Read;
use std::path::Path;

use time::OffsetDateTime;

use super::error::{InputError, InputErrorKind};
use super::page::headline_from;
use super::{Article, Document, MAX_FILE_BYTES, Origin};

/// Whether the start of a file looks like an XML feed (for `.xml` files in folders).
pub(crate) fn looks_like_feed(path: &Path) -> bool {
    let mut head = Vec::with_capacity(4096);
    let read = std::fs::File::open(path).and_then(|f| f.take(4096).read_to_end(&mut head));
    if read.is_err() {
        // Reading it will say what is wrong.
        return true;
    }
    let head = String::from_utf8_lossy(&head);
    head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:RDF")
}

/// Whether a JSON text is a JSON Feed: an object whose `version` names jsonfeed.org.
pub(crate) fn is_json_feed(text: &str) -> bool {
    #[derive(serde::Deserialize)]
    struct Probe {
        version: Option<serde_json::Value>,
    }
    if !text.trim_start().starts_with('{') || !text.contains("jsonfeed.org") {
        return false;
    }
    serde_json::from_str::<Probe>(text).is_ok_and(|p| {
        p.version
            .as_ref()
            .and_then(serde_json::Value::as_str)
            .is_some_and(|v| v.contains("jsonfeed.org/version"))
    })
}

/// Reads a feed file whole (at most [`MAX_FILE_BYTES`]).
pub(crate) fn read_file(path: &Path) -> Vec<Result<Document, InputError>> {
    let err = |kind| vec![Err(InputError::new(path, None, kind))];
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return err(InputErrorKind::Io(e)),
    };
    match super::page::read_bounded(file, MAX_FILE_BYTES, false) {
        Ok(bytes) => parse(path, &bytes),
        Err(kind) => err(kind),
    }
}

/// Reads the articles of a feed's bytes (RSS, Atom or JSON Feed), as from the file `path`
/// (only used in errors and origins).
///
/// ```
/// use std::path::Path;
///
/// let rss = r#"<rss version="2.0"><channel><title>Tagesblatt</title>
///   <item><title>Kim in Moskau</title><link>https://example.org/kim</link>
///     <pubDate>Tue, 16 Jan 2024 08:00:00 GMT</pubDate>
///     <description>&lt;p&gt;Der Besuch&lt;/p&gt;&lt;p&gt;dauert an.&lt;/p&gt;</description></item>
///   <item><title>Ohne Datum</title><link>https://example.org/x</link></item>
/// </channel></rss>"#;
/// let docs = nachlese::corpus::feed::parse(Path::new("f.rss"), rss.as_bytes());
/// let a = &docs[0].as_ref().unwrap().article;
/// assert_eq!((a.id.as_str(), a.source.as_deref()), ("https://example.org/kim", Some("Tagesblatt")));
/// assert_eq!(a.body, "Der Besuch\n\ndauert an.");
/// assert_eq!(
///     docs[1].as_ref().unwrap_err().to_string(),
///     "f.rss: item 2 (https://example.org/x): no publication date found"
/// );
/// ```
pub fn parse(path: &Path, bytes: &[u8]) -> Vec<Result<Document, InputError>> {
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(f) => f,
        Err(e) => {
            let msg = e.to_string();
            return vec![Err(InputError::new(path, None, InputErrorKind::Feed(msg)))];
        }
    };
    let whole = Feed {
        source: feed
            .title
            .as_ref()
            .map(|t| text_of(&t.content))
            .filter(|t| !t.is_empty()),
        language: feed.language.clone(),
        authors: names(&feed.authors),
    };
    feed.entries
        .into_iter()
        .enumerate()
        .map(|(i, entry)| {
            let link = entry
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or_else(|| entry.links.first())
                .map(|l| l.href.trim().to_string())
                .filter(|l| !l.is_empty());
            let id = link
                .clone()
                .or_else(|| Some(entry.id.trim().to_string()).filter(|i| !i.is_empty()));
            let article = item_article(entry, id.clone(), link, &whole)
                .map_err(|kind| InputError::new(path, None, kind.in_item(i + 1, id.as_deref())))?;
            Ok(Document {
                article,
                origin: Origin {
                    path: path.to_path_buf(),
                    line: i + 1,
                    stamp: 0,
                },
            })
        })
        .collect()
}

/// What a feed says of all its items.
struct Feed {
    source: Option<String>,
    language: Option<String>,
    authors: Vec<String>,
}

/// The names of a feed's or an item's authors. An RSS `<author>` is an address and a name
/// in parentheses (`redaktion@blatt.de (Dora Klein)`), of which feed-rs keeps `(Dora
/// Klein)` as the name; an author given only as an address has none.
fn names(people: &[feed_rs::model::Person]) -> Vec<String> {
    people
        .iter()
        .filter_map(|p| p.name.as_deref())
        .map(|name| {
            let name = name.trim();
            let bare = name.strip_prefix('(').and_then(|n| n.strip_suffix(')'));
            bare.unwrap_or(name).trim()
        })
        .filter(|name| !name.is_empty() && (name.contains(' ') || !name.contains('@')))
        .map(str::to_string)
        .collect()
}

fn item_article(
    entry: feed_rs::model::Entry,
    id: Option<String>,
    link: Option<String>,
    feed: &Feed,
) -> Result<Article, InputErrorKind> {
    let id = id.ok_or(InputErrorKind::MissingField("id"))?;
    let date = entry
        .published
        .or(entry.updated)
        .ok_or(InputErrorKind::NoDate)?;
    let date = OffsetDateTime::from_unix_timestamp(date.timestamp()).map_err(|_| {
        InputErrorKind::InvalidDate(crate::dates::DateError {
            value: date.to_rfc3339(),
            reason: crate::dates::OUT_OF_RANGE.into(),
        })
    })?;
    let body = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .filter(|b| !b.trim().is_empty())
        .or_else(|| entry.summary.as_ref().map(|s| s.content.as_str()))
        .map(text_of)
        .unwrap_or_default();
    let title = entry
        .title
        .as_ref()
        .map(|t| text_of(&t.content))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| headline_from(&body));
    let article = Article {
        id,
        title,
        date,
        body,
        source: feed.source.clone(),
        url: link,
        authors: match names(&entry.authors) {
            none if none.is_empty() => feed.authors.clone(),
            authors => authors,
        },
        tags: entry
            .categories
            .iter()
            .map(|c| c.label.as_deref().unwrap_or(&c.term).trim().to_string())
            .filter(|t| !t.is_empty())
            .collect(),
        language: entry
            .language
            .or_else(|| feed.language.clone())
            .filter(|l| !l.trim().is_empty()),
    };
    article.validate()?;
    Ok(article)
}

/// Block elements: each starts a new paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "tr",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "hr",
    "dl",
    "dt",
    "dd",
    "aside",
];

/// Elements whose text is not text a reader sees.
const HIDDEN: &[&str] = &["script", "style", "noscript", "template", "head"];

/// The text of an HTML fragment (or of plain text, which stays as it is): paragraphs
/// separated by blank lines, spaces inside them collapsed.
pub(crate) fn text_of(html: &str) -> String {
    if !html.contains('<') && !html.contains('&') {
        return paragraphs(html.split("\n\n"));
    }
    let fragment = scraper::Html::parse_fragment(html);
    let mut blocks: Vec<String> = vec![String::new()];
    collect(fragment.root_element(), &mut blocks);
    paragraphs(blocks.iter().map(String::as_str))
}

fn collect(element: scraper::ElementRef<'_>, blocks: &mut Vec<String>) {
    for child in element.children() {
        match child.value() {
            scraper::Node::Text(t) => {
                if let Some(last) = blocks.last_mut() {
                    last.push_str(t);
                }
            }
            scraper::Node::Element(e) => {
                let name = e.name();
                if HIDDEN.contains(&name) {
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    blocks.push(String::new());
                }
                if let Some(child) = scraper::ElementRef::wrap(child) {
                    collect(child, blocks);
                }
                if block {
                    blocks.push(String::new());
                }
            }
            _ => {}
        }
    }
}

fn paragraphs<'a>(blocks: impl Iterator<Item = &'a str>) -> String {
    blocks
        .map(|b| b.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|b| !b.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_paragraphs() {
        let t = text_of(
            "<p>Erster  Absatz &amp; mehr</p><p>Zweiter<br>Teil</p><script>x()</script><img src=x>",
        );
        assert_eq!(t, "Erster Absatz & mehr\n\nZweiter\n\nTeil");
        assert_eq!(text_of("Nur Text"), "Nur Text");
    }

    #[test]
    fn json_feeds_are_told_by_their_version() {
        assert!(is_json_feed(
            r#"{"items":[],"version":"https:\/\/jsonfeed.org\/version\/1.1"}"#
        ));
        assert!(!is_json_feed(
            r#"{"id":"a","title":"jsonfeed.org","version":"1"}"#
        ));
        assert!(!is_json_feed("[]"));
    }
}
