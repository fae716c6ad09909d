//! Web archives (`.warc`, `.warc.gz`; WARC/1.0 and 1.1): every HTML page a crawler fetched
//! is an article, read as a [web page file](super::page) is.
//!
//! Each `response` record whose HTTP status is 2xx and whose `Content-Type` is `text/html`
//! or `application/xhtml+xml` is a page, its address the record's `WARC-Target-URI` and its
//! charset the one the HTTP header names; chunked transfer coding and gzip or deflate
//! content coding are undone. A page that gives no publication date is
//! dated by its HTTP `Last-Modified` header, else by the record's `WARC-Date`: **the day it
//! was crawled**, which for news is usually the day it appeared or soon after. Other
//! records (`warcinfo`, `request`, `metadata`, `revisit`, responses that are not HTML pages
//! or not 2xx) are skipped. A page fetched again comes again with the same id (its address):
//! the last one read replaces the earlier ones in the index.
//!
//! The file is streamed one record at a time, whatever its size; a gzipped file may hold
//! one gzip member per record (as Common Crawl's CC-NEWS writes them) or one for all. A
//! record is at most [`MAX_PAGE_BYTES`]: a larger one is skipped with an error. Errors name
//! the byte where the record starts: in the compressed file, where its gzip member starts
//! (the offset CDX indexes give), for a `.warc.gz`. After a record whose `Content-Length`
//! is wrong, reading goes on at the next line that starts a record; corrupt or truncated
//! gzip data ends the file.

use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use time::OffsetDateTime;
use time::format_description::well_known::Rfc2822;

use super::error::{InputError, InputErrorKind};
use super::html::{self, Hints};
use super::page::{GZIP_MAGIC, check_binary, io_error, page_article};
use super::{Document, MAX_PAGE_BYTES, Origin, http};

/// A reader that counts the bytes read through it into a shared counter.
pub(crate) struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R> Counting<R> {
    pub(crate) fn new(inner: R, count: Arc<AtomicU64>) -> Self {
        Counting { inner, count }
    }
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

type Source = BufReader<Counting<Box<dyn Read + Send>>>;

/// Where the next unread byte of `source` is in the file.
fn position(source: &Source) -> u64 {
    source
        .get_ref()
        .count
        .load(Ordering::Relaxed)
        .saturating_sub(source.buffer().len() as u64)
}

/// Concatenated gzip members, decoded, telling where the current one starts.
struct Members {
    state: State,
    member_start: Arc<AtomicU64>,
}

enum State {
    Member(flate2::bufread::GzDecoder<Source>),
    Between(Source),
    Done,
}

impl Read for Members {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            match std::mem::replace(&mut self.state, State::Done) {
                State::Member(mut decoder) => match decoder.read(buf) {
                    Ok(0) if !buf.is_empty() => self.state = State::Between(decoder.into_inner()),
                    Ok(n) => {
                        self.state = State::Member(decoder);
                        return Ok(n);
                    }
                    Err(e) => return Err(e),
                },
                State::Between(mut source) => {
                    if source.fill_buf()?.is_empty() {
                        return Ok(0);
                    }
                    self.member_start
                        .store(position(&source), Ordering::Relaxed);
                    self.state = State::Member(flate2::bufread::GzDecoder::new(source));
                }
                State::Done => return Ok(0),
            }
        }
    }
}

/// The longest header line read, and the most header bytes a record may have.
const MAX_HEADER_BYTES: usize = 1 << 20;

/// Reads a WARC file's pages one record at a time.
pub(crate) struct Warc {
    path: PathBuf,
    reader: BufReader<Box<dyn Read + Send>>,
    gzipped: bool,
    /// For gzip: where the member being decoded starts in the file.
    member_start: Arc<AtomicU64>,
    /// Bytes of the (decoded) WARC consumed so far.
    pos: u64,
    /// A line read ahead: the version line of the next record, found resynchronizing.
    pending: Option<(u64, Vec<u8>)>,
    /// Records seen so far.
    records: usize,
    done: bool,
}

impl Warc {
    /// Reads `reader`, a WARC or gzipped WARC (the first bytes tell), counting the bytes read
    /// from it into `count`.
    pub(crate) fn new(path: PathBuf, reader: Box<dyn Read + Send>, count: Arc<AtomicU64>) -> Self {
        let mut source: Source = BufReader::with_capacity(1 << 16, Counting::new(reader, count));
        let gzipped = source.fill_buf().is_ok_and(|b| b.starts_with(&GZIP_MAGIC));
        let member_start = Arc::new(AtomicU64::new(0));
        let reader: Box<dyn Read + Send> = if gzipped {
            Box::new(Members {
                state: State::Between(source),
                member_start: member_start.clone(),
            })
        } else {
            Box::new(source)
        };
        Warc {
            path,
            reader: BufReader::with_capacity(1 << 16, reader),
            gzipped,
            member_start,
            pos: 0,
            pending: None,
            records: 0,
            done: false,
        }
    }

    /// Where the record whose first byte is the next one to read starts, in the file.
    fn file_offset(&mut self) -> u64 {
        if self.gzipped {
            // Decoding the next byte starts the member it is in.
            let _ = self.reader.fill_buf();
            self.member_start.load(Ordering::Relaxed)
        } else {
            self.pos
        }
    }

    /// Reads a line (at most [`MAX_HEADER_BYTES`]); `None` at the end.
    fn line(&mut self) -> Result<Option<Vec<u8>>, InputErrorKind> {
        let mut buf = Vec::new();
        let n = super::json::read_line(&mut self.reader, &mut buf, MAX_HEADER_BYTES)
            .map_err(|e| io_error(e, self.gzipped))?;
        self.pos += n as u64;
        if n == 0 {
            return Ok(None);
        }
        if n > MAX_HEADER_BYTES {
            return Err(InputErrorKind::Warc(format!("a header line of {n} bytes")));
        }
        Ok(Some(buf))
    }

    fn error(&self, kind: InputErrorKind) -> InputError {
        InputError::new(&self.path, None, kind)
    }

    /// Skips to the next line that starts a record, keeping it for the next call.
    fn resync(&mut self) -> Result<(), InputErrorKind> {
        loop {
            let offset = self.file_offset();
            match self.line()? {
                None => return Ok(()),
                Some(line) if line.starts_with(b"WARC/") => {
                    self.pending = Some((offset, line));
                    return Ok(());
                }
                Some(_) => {}
            }
        }
    }

    /// Reads `len` bytes, dropping them; false if the input ended first.
    fn skip(&mut self, len: u64) -> Result<bool, InputErrorKind> {
        let n = io::copy(&mut (&mut self.reader).take(len), &mut io::sink())
            .map_err(|e| io_error(e, self.gzipped))?;
        self.pos += n;
        Ok(n == len)
    }

    /// The next record that is a page, or a problem; `None` at the end.
    fn next_page(&mut self) -> Option<Result<Document, InputError>> {
        loop {
            if self.done {
                return None;
            }
            match self.record() {
                Ok(Some(doc)) => return Some(Ok(doc)),
                Ok(None) => {}
                Err(Stop::End) => {
                    self.done = true;
                    return None;
                }
                Err(Stop::Fatal(kind)) => {
                    self.done = true;
                    return Some(Err(self.error(kind)));
                }
                Err(Stop::Record(kind)) => return Some(Err(self.error(kind))),
                Err(Stop::Resync(kind)) => {
                    if let Err(e) = self.resync() {
                        self.done = true;
                        return Some(Err(self.error(e)));
                    }
                    return Some(Err(self.error(kind)));
                }
            }
        }
    }

    /// Reads one record: `Ok(Some)` a page, `Ok(None)` a record skipped.
    fn record(&mut self) -> Result<Option<Document>, Stop> {
        // The version line, after any blank lines between records.
        let (offset, version) = loop {
            if let Some((offset, line)) = self.pending.take() {
                break (offset, line);
            }
            let offset = self.file_offset();
            match self.line().map_err(Stop::Fatal)? {
                None => return Err(Stop::End),
                Some(line) if line.iter().all(u8::is_ascii_whitespace) => continue,
                Some(line) => break (offset, line),
            }
        };
        self.records += 1;
        let at = |kind: InputErrorKind, url: Option<&str>| kind.in_record(offset, url);
        if !version.starts_with(b"WARC/") {
            let found = String::from_utf8_lossy(&version);
            let found: String = found.trim().chars().take(40).collect();
            return Err(Stop::Resync(at(
                InputErrorKind::Warc(format!(
                    "expected a record to start with `WARC/1.1` or `WARC/1.0`, found `{found}`"
                )),
                None,
            )));
        }
        // The headers, up to a blank line.
        let mut headers: Vec<(String, String)> = Vec::new();
        let mut header_bytes = 0;
        loop {
            let line = match self.line() {
                Ok(Some(l)) => l,
                Ok(None) => {
                    return Err(Stop::Fatal(at(
                        InputErrorKind::Warc("the file ends in the record's headers".into()),
                        None,
                    )));
                }
                Err(e) => return Err(Stop::Fatal(at(e, None))),
            };
            header_bytes += line.len();
            if header_bytes > MAX_HEADER_BYTES {
                return Err(Stop::Resync(at(
                    InputErrorKind::Warc("more than 1 MB of headers".into()),
                    None,
                )));
            }
            let line = String::from_utf8_lossy(&line);
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() {
                break;
            }
            if line.starts_with([' ', '\t']) {
                if let Some((_, v)) = headers.last_mut() {
                    v.push(' ');
                    v.push_str(line.trim());
                }
            } else if let Some((name, value)) = line.split_once(':') {
                headers.push((name.trim().to_string(), value.trim().to_string()));
            }
        }
        let header = |name: &str| {
            headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.as_str())
        };
        let url = header("WARC-Target-URI")
            .map(|u| u.trim_start_matches('<').trim_end_matches('>').to_string());
        let url = url.as_deref();
        let Some(len) = header("Content-Length").and_then(|l| l.parse::<u64>().ok()) else {
            return Err(Stop::Resync(at(
                InputErrorKind::Warc("no valid `Content-Length` header".into()),
                url,
            )));
        };
        let wanted = header("WARC-Type").is_some_and(|t| t.eq_ignore_ascii_case("response"))
            && url.is_some_and(|u| u.starts_with("http:") || u.starts_with("https:"));
        if !wanted || len > MAX_PAGE_BYTES {
            let whole = self.skip(len).map_err(|e| Stop::Fatal(at(e, url)))?;
            if !whole {
                return Err(Stop::Fatal(at(truncated(len), url)));
            }
            self.end_of_record(len)
                .map_err(|k| Stop::Resync(at(k, url)))?;
            if len > MAX_PAGE_BYTES {
                return Err(Stop::Record(at(
                    InputErrorKind::TooLarge {
                        bytes: len,
                        limit: MAX_PAGE_BYTES,
                    },
                    url,
                )));
            }
            return Ok(None);
        }
        let mut content = Vec::with_capacity(len.min(1 << 20) as usize);
        let n = (&mut self.reader)
            .take(len)
            .read_to_end(&mut content)
            .map_err(|e| Stop::Fatal(at(io_error(e, self.gzipped), url)))?;
        self.pos += n as u64;
        if (n as u64) < len {
            return Err(Stop::Fatal(at(truncated(len), url)));
        }
        self.end_of_record(len)
            .map_err(|k| Stop::Resync(at(k, url)))?;
        let warc_date = header("WARC-Date").and_then(|d| crate::dates::parse_timestamp(d).ok());
        let page = page_of(&content, url.unwrap_or_default(), warc_date)
            .map_err(|k| Stop::Record(at(k, url)))?;
        Ok(page.map(|article| Document {
            article,
            origin: Origin {
                path: self.path.clone(),
                line: self.records,
                stamp: 0,
            },
        }))
    }

    /// Reads the blank line that ends a record's content: if there is none, the content was
    /// not as long as its `Content-Length` says.
    fn end_of_record(&mut self, len: u64) -> Result<(), InputErrorKind> {
        match self.line()? {
            None => Ok(()),
            Some(l) if l.iter().all(u8::is_ascii_whitespace) => Ok(()),
            Some(_) => Err(InputErrorKind::Warc(format!(
                "the record does not end after the {len} bytes its `Content-Length` gives"
            ))),
        }
    }
}

fn truncated(len: u64) -> InputErrorKind {
    InputErrorKind::Warc(format!(
        "the file ends before the {len} bytes of content its `Content-Length` gives"
    ))
}

/// How reading a record ended badly.
enum Stop {
    /// The end of the file.
    End,
    /// A problem after which the file cannot be read on.
    Fatal(InputErrorKind),
    /// A problem with this record only: go on with the next.
    Record(InputErrorKind),
    /// A problem that loses the record boundaries: go on at the next record found.
    Resync(InputErrorKind),
}

/// The article of a `response` record's content (an HTTP response), `None` when it is not
/// an HTML page.
fn page_of(
    content: &[u8],
    url: &str,
    warc_date: Option<OffsetDateTime>,
) -> Result<Option<super::Article>, InputErrorKind> {
    let response = http::parse(content, MAX_PAGE_BYTES)?;
    if !(200..300).contains(&response.status) {
        return Ok(None);
    }
    let content_type = response.header("content-type").unwrap_or_default();
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if mime != "text/html" && mime != "application/xhtml+xml" {
        return Ok(None);
    }
    check_binary(&response.body)?;
    let last_modified = response
        .header("last-modified")
        .and_then(|d| OffsetDateTime::parse(d.trim(), &Rfc2822).ok())
        .filter(|d| {
            (crate::dates::MIN_TIMESTAMP..=crate::dates::MAX_TIMESTAMP)
                .contains(&d.unix_timestamp())
        });
    let hints = Hints {
        url: Some(url),
        content_type: Some(content_type),
    };
    let mut page = html::extract(&response.body, hints);
    if page.source.is_none() {
        page.source = host(url);
    }
    let date = last_modified
        .or(warc_date)
        .map(|d| d.to_offset(time::UtcOffset::UTC));
    page_article(page, url, date).map(Some)
}

/// The host of an address: `www.example.org` of `https://www.example.org/a`.
fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = host.split(':').next()?;
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

impl Iterator for Warc {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_page()
    }
}

/// Reads the pages of a WARC (gzipped or not) from `reader`, one record at a time, as from
/// the file `path` (only used in errors and origins, whose `line` is the record's number).
pub fn read(
    path: &Path,
    reader: impl Read + Send + 'static,
) -> impl Iterator<Item = Result<Document, InputError>> + Send {
    Warc::new(
        path.to_path_buf(),
        Box::new(reader),
        Arc::new(AtomicU64::new(0)),
    )
}

/// Opens a WARC file for [`Warc`], counting the bytes read into `count`.
pub(crate) fn open(path: &Path, count: Arc<AtomicU64>) -> Result<Warc, InputError> {
    let file = std::fs::File::open(path)
        .map_err(|e| InputError::new(path, None, InputErrorKind::Io(e)))?;
    Ok(Warc::new(path.to_path_buf(), Box::new(file), count))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts() {
        assert_eq!(
            host("https://www.Example.org:8080/a?b").as_deref(),
            Some("www.example.org")
        );
        assert_eq!(host("http://u@x.de").as_deref(), Some("x.de"));
        assert_eq!(host("nope"), None);
    }

    #[test]
    fn http_dates() {
        let d = OffsetDateTime::parse("Tue, 16 Jan 2024 08:00:00 GMT", &Rfc2822);
        assert_eq!(d.map(|d| d.unix_timestamp()).ok(), Some(1_705_392_000));
    }
}
