//! Web pages saved as files (`.html`, `.htm`, `.xhtml`, and gzipped `.html.gz` etc.): one
//! article per page, read out of the HTML by [`html::extract`].
//!
//! * **id**: the page's canonical address ([`Page::url`]), else `file:` and the file's
//!   absolute path.
//! * **title**: the page's headline, else the first line of its text.
//! * **date**: the publication date the page gives. A page that gives none is an error
//!   ([`InputErrorKind::NoDate`]): nachlese does not guess (a WARC record falls back on the
//!   HTTP `Last-Modified` header and the crawl date, see [`super::warc`]).
//! * **body**: the page's main text; a page without one (an index page, an error page) is an
//!   error ([`InputErrorKind::NoArticle`]), never indexed.
//! * **source**, **url**, **authors**, **language** as the page gives them.
//!
//! A page is at most [`MAX_PAGE_BYTES`] (unzipped); binary data (an image or a PDF under an
//! `.html` name) is refused.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use time::OffsetDateTime;

use super::error::{InputError, InputErrorKind};
use super::html::{self, Hints, Page};
use super::{Article, Document, MAX_PAGE_BYTES};

/// Reads a web page file (gzipped or not, whatever its name says: the bytes tell).
pub(crate) fn read_file(path: &Path) -> Vec<Result<Document, InputError>> {
    match read_bytes(path) {
        Ok(bytes) => vec![parse(path, &bytes)],
        Err(kind) => vec![Err(InputError::new(path, None, kind))],
    }
}

/// A page file's bytes, unzipped if they are gzip, at most [`MAX_PAGE_BYTES`].
fn read_bytes(path: &Path) -> Result<Vec<u8>, InputErrorKind> {
    let file = File::open(path).map_err(InputErrorKind::Io)?;
    let mut reader = BufReader::new(file);
    let gzipped = reader
        .fill_buf()
        .map_err(InputErrorKind::Io)?
        .starts_with(&GZIP_MAGIC);
    let reader: Box<dyn Read> = if gzipped {
        Box::new(flate2::bufread::MultiGzDecoder::new(reader))
    } else {
        Box::new(reader)
    };
    read_bounded(reader, MAX_PAGE_BYTES, gzipped)
}

/// What nachlese reads from one web page: the article it would index, with what the page
/// lacks left empty (see [`extract_file`]). Serialised (as the command line's JSON output
/// shows it), `date` is RFC 3339.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct Extracted {
    /// The id it would be indexed under: its canonical address, else `file:` and the path.
    pub id: String,
    /// The headline (else the main text's first line).
    pub title: Option<String>,
    /// The publication date.
    #[serde(with = "time::serde::rfc3339::option")]
    pub date: Option<OffsetDateTime>,
    /// The main text, paragraphs separated by blank lines; `None` when the page holds no
    /// article.
    pub body: Option<String>,
    /// The site's name.
    pub source: Option<String>,
    /// The canonical address.
    pub url: Option<String>,
    /// The authors the page names.
    pub authors: Vec<String>,
    /// The language (ISO 639-1).
    pub language: Option<String>,
}

impl Extracted {
    /// Whether the page holds an article (a main text).
    pub fn is_article(&self) -> bool {
        self.body.is_some()
    }
}

/// Reads one web page file (gzipped or not) as indexing would, but keeps what it found
/// when something is missing: to see what nachlese reads from a page. `url` is the address
/// the page was fetched from, used where the page names no canonical one.
///
/// ```
/// let dir = tempfile::tempdir()?;
/// let path = dir.path().join("seite.html");
/// std::fs::write(&path, "<html lang=de><head><title>Kim in Moskau</title>\
///     <meta property=\"article:published_time\" content=\"2024-01-16T07:30:00+01:00\"></head>\
///     <body><article><p>Nordkoreas Außenministerin Choe Son Hui ist zu Gesprächen in \
///     Moskau eingetroffen, wie die Staatsagentur meldete.</p></article></body></html>")?;
/// let page = nachlese::corpus::page::extract_file(&path, Some("https://example.de/kim"))?;
/// assert_eq!(page.id, "https://example.de/kim");
/// assert_eq!(page.title.as_deref(), Some("Kim in Moskau"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn extract_file(path: &Path, url: Option<&str>) -> Result<Extracted, InputError> {
    let error = |kind| InputError::new(path, None, kind);
    let bytes = read_bytes(path).map_err(error)?;
    check_binary(&bytes).map_err(error)?;
    let hints = url.map_or_else(Hints::default, Hints::url);
    Ok(extracted(html::extract(&bytes, hints), || file_id(path)))
}

/// What a page gives, cleaned as it is indexed: blank fields are none, the headline is the
/// title (else the text's first line) and is not repeated as the text's first paragraph.
fn extracted(page: Page, fallback_id: impl FnOnce() -> String) -> Extracted {
    let title = page
        .title
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty());
    let body = page
        .body
        .filter(|b| !b.trim().is_empty())
        .map(|b| match &title {
            Some(t) => without_headline(b, t),
            None => b,
        });
    let title = title.or_else(|| body.as_deref().map(headline_from));
    let url = page.url.filter(|u| !u.trim().is_empty());
    Extracted {
        id: url.clone().unwrap_or_else(fallback_id),
        title,
        date: page.date,
        body,
        source: page.source.filter(|s| !s.trim().is_empty()),
        url,
        authors: page.authors,
        language: page.language.filter(|l| !l.trim().is_empty()),
    }
}

/// The text without its first paragraph where that is only the headline (pages put the
/// `<h1>` inside the article): it is the title already, and snippets would show it twice.
fn without_headline(body: String, title: &str) -> String {
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let trimmed = body.trim_start();
    let (first, rest) = trimmed.split_once("\n\n").unwrap_or((trimmed, ""));
    if rest.trim().is_empty() || words(first) != words(title) {
        return body;
    }
    rest.trim_start().to_string()
}

/// The id of a page file without an address.
fn file_id(path: &Path) -> String {
    format!(
        "file:{}",
        std::path::absolute(path)
            .unwrap_or_else(|_| path.to_path_buf())
            .display()
    )
}

/// The first bytes of gzip data.
pub(crate) const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Reads everything, refusing more than `limit` bytes; `gzipped` says read errors are
/// corrupt compressed data.
pub(crate) fn read_bounded(
    reader: impl Read,
    limit: u64,
    gzipped: bool,
) -> Result<Vec<u8>, InputErrorKind> {
    let mut bytes = Vec::new();
    if let Err(e) = reader.take(limit + 1).read_to_end(&mut bytes) {
        return Err(io_error(e, gzipped));
    }
    if bytes.len() as u64 > limit {
        return Err(InputErrorKind::TooLarge {
            bytes: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// A read error: of the compressed data when reading gzip, else of the file.
pub(crate) fn io_error(e: std::io::Error, gzipped: bool) -> InputErrorKind {
    use std::io::ErrorKind::{InvalidData, InvalidInput, UnexpectedEof};
    if gzipped && matches!(e.kind(), InvalidData | InvalidInput | UnexpectedEof) {
        InputErrorKind::Gzip(e.to_string())
    } else {
        InputErrorKind::Io(e)
    }
}

/// Reads the article in a web page's bytes (not compressed), as from the file `path` (which
/// is only used for the id of a page without address, in errors and in the origin).
///
/// ```
/// use std::path::Path;
///
/// let err = nachlese::corpus::page::parse(Path::new("leer.html"), b"<html><nav>Start</nav></html>")
///     .unwrap_err();
/// assert_eq!(err.to_string(), "leer.html: no article found in the page");
/// ```
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Document, InputError> {
    let fallback_id = file_id(path);
    let article = check_binary(bytes)
        .and_then(|()| {
            let page = html::extract(bytes, Hints::default());
            page_article(page, &fallback_id, None)
        })
        .map_err(|kind| InputError::new(path, None, kind))?;
    Ok(Document::whole_file(article, path))
}

/// Refuses bytes that are no text: a NUL byte in the first 8000 (as git tells binary files),
/// unless a UTF-16 byte order mark says they are text.
pub(crate) fn check_binary(bytes: &[u8]) -> Result<(), InputErrorKind> {
    let utf16 = bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]);
    if !utf16 && bytes.iter().take(8000).any(|&b| b == 0) {
        return Err(InputErrorKind::Binary);
    }
    Ok(())
}

/// The article of an extracted page: `fallback_id` when it has no address, `fallback_date`
/// when it gives no publication date.
pub(crate) fn page_article(
    page: Page,
    fallback_id: &str,
    fallback_date: Option<OffsetDateTime>,
) -> Result<Article, InputErrorKind> {
    let page = extracted(page, || fallback_id.to_string());
    let body = page.body.ok_or(InputErrorKind::NoArticle)?;
    let date = page.date.or(fallback_date).ok_or(InputErrorKind::NoDate)?;
    let article = Article {
        id: page.id,
        // A page with a text has a title: its own, or the text's first line.
        title: page.title.unwrap_or_default(),
        date,
        body,
        source: page.source,
        url: page.url,
        authors: page.authors,
        tags: Vec::new(),
        language: page.language,
    };
    article.validate()?;
    Ok(article)
}

/// The longest headline made from a text's first line, in characters.
const HEADLINE_CHARS: usize = 120;

/// A headline for an article without one: its first line, cut at a word before
/// [`HEADLINE_CHARS`] characters.
pub(crate) fn headline_from(body: &str) -> String {
    let first = body
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or_default();
    if first.chars().count() <= HEADLINE_CHARS {
        return first.to_string();
    }
    let cut: String = first.chars().take(HEADLINE_CHARS).collect();
    let cut = match cut.rfind(char::is_whitespace) {
        Some(i) if i > 0 => cut[..i].trim_end().to_string(),
        _ => cut,
    };
    format!("{cut} …")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_are_cut_at_a_word() {
        assert_eq!(headline_from("\n  Kurz.\nMehr"), "Kurz.");
        let long = "Wort ".repeat(40);
        let h = headline_from(&long);
        assert!(h.ends_with("Wort …"), "{h}");
        assert!(h.chars().count() <= HEADLINE_CHARS + 2);
    }

    #[test]
    fn the_headline_is_not_repeated_as_the_first_paragraph() {
        let body = "Putin schenkt  Kim ein Auto\n\nDer Präsident schenkte.".to_string();
        assert_eq!(
            without_headline(body, "Putin schenkt Kim ein Auto"),
            "Der Präsident schenkte."
        );
        let other = "Ein Vorspann\n\nText".to_string();
        assert_eq!(without_headline(other.clone(), "Titel"), other);
        // A text that is only its headline keeps it.
        let only = "Titel".to_string();
        assert_eq!(without_headline(only.clone(), "Titel"), only);
    }

    #[test]
    fn binary_data_is_refused() {
        assert!(check_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").is_err());
        assert!(check_binary(b"<html><p>Text</p></html>").is_ok());
        assert!(check_binary(b"\xff\xfe<\0h\0").is_ok());
    }
}
