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
//! * **source**, **url**, **language** as the page gives them. The authors the page names
//!   are not kept: an [`Article`] has no field for them.
//!
//! A page is at most [`MAX_PAGE_BYTES`] (unzipped); binary data (an image or a PDF under an
//! `.html` name) is refused.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use time::OffsetDateTime;

use super::error::{InputError, InputErrorKind};
use super::html::{self, Hints, Page};
use super::{Article, Document, MAX_PAGE_BYTES, Origin};

/// Reads a web page file (gzipped or not, whatever its name says: the bytes tell).
pub(crate) fn read_file(path: &Path) -> Vec<Result<Document, InputError>> {
    let err = |kind| vec![Err(InputError::new(path, None, kind))];
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return err(InputErrorKind::Io(e)),
    };
    let mut reader = BufReader::new(file);
    let gzipped = match reader.fill_buf() {
        Ok(b) => b.starts_with(&GZIP_MAGIC),
        Err(e) => return err(InputErrorKind::Io(e)),
    };
    let reader: Box<dyn Read> = if gzipped {
        Box::new(flate2::bufread::MultiGzDecoder::new(reader))
    } else {
        Box::new(reader)
    };
    let bytes = match read_bounded(reader, MAX_PAGE_BYTES, gzipped) {
        Ok(b) => b,
        Err(kind) => return err(kind),
    };
    vec![parse(path, &bytes)]
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
    let fallback_id = format!(
        "file:{}",
        std::path::absolute(path)
            .unwrap_or_else(|_| path.to_path_buf())
            .display()
    );
    let article = check_binary(bytes)
        .and_then(|()| {
            let page = html::extract(bytes, Hints::default());
            page_article(page, &fallback_id, None)
        })
        .map_err(|kind| InputError::new(path, None, kind))?;
    Ok(Document {
        article,
        origin: Origin {
            path: path.to_path_buf(),
            line: 1,
            stamp: 0,
        },
    })
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
    let body = page
        .body
        .filter(|b| !b.trim().is_empty())
        .ok_or(InputErrorKind::NoArticle)?;
    let date = page.date.or(fallback_date).ok_or(InputErrorKind::NoDate)?;
    let title = page
        .title
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| headline_from(&body));
    let url = page.url.filter(|u| !u.trim().is_empty());
    let article = Article {
        id: url.clone().unwrap_or_else(|| fallback_id.to_string()),
        title,
        date,
        body,
        source: page.source.filter(|s| !s.trim().is_empty()),
        url,
        tags: Vec::new(),
        language: page.language.filter(|l| !l.trim().is_empty()),
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
    fn binary_data_is_refused() {
        assert!(check_binary(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").is_err());
        assert!(check_binary(b"<html><p>Text</p></html>").is_ok());
        assert!(check_binary(b"\xff\xfe<\0h\0").is_ok());
    }
}
