//! Reading news articles from files.
//!
//! # Formats
//!
//! nachlese reads these formats, chosen by the file's extension:
//!
//! * **`.md`**, the corpus format: one article per file, TOML front matter between two
//!   `+++` lines, then the text.
//!
//!   ```text
//!   +++
//!   id = "2023-09-13-putin-kim-gipfel-wostotschny"
//!   title = "Putin empfängt Kim Jong-un am Weltraumbahnhof Wostotschny"
//!   date = 2023-09-13
//!   source = "nachlese-Redaktion"
//!   url = "https://example.org/..."      # optional
//!   language = "de"                      # optional
//!   authors = ["Anna Roth"]              # optional
//!   tags = ["Russland", "Nordkorea"]     # optional
//!   +++
//!   Der russische Präsident Wladimir Putin hat ...
//!   ```
//!
//! * **`.json`**: one article object, or an array of them.
//! * **`.jsonl`** / **`.ndjson`**: one article object per line, also from any reader
//!   ([`Source::json_lines`], [`read_json_lines`]). Objects have the keys `id`, `title`,
//!   `date`, `body` and optionally `source`, `url`, `authors` and `tags` (arrays of strings,
//!   or one string of items separated by commas or semicolons) and `language`; other keys
//!   are ignored.
//! * **`.csv`**: a header row naming those fields, then one article per row ([`read_csv`]).
//! * **news-please's JSON** (`title`, `maintext`, `date_publish`, `url`, `source_domain`,
//!   ...), in `.json` and `.jsonl` files, is told by its keys (a `maintext` and no `body`)
//!   and read as it is: [`FieldMap::news_please`].
//! * Records of any other shape, in JSON, JSON Lines and CSV, are read with a [`FieldMap`]
//!   naming where each field is ([`Documents::map_fields`]).
//! * **Web pages**, `.html`, `.htm`, `.xhtml`, and gzipped (`.html.gz`): one article each,
//!   read out of the HTML; a page without article text or publication date is an error
//!   ([`page`]).
//! * **Web archives**, `.warc` and `.warc.gz` (WARC 1.0 and 1.1, as Common Crawl's CC-NEWS
//!   writes them): every HTML page fetched is an article, streamed one record at a time
//!   ([`warc`]).
//! * **Feeds**: RSS, Atom (`.rss`, `.atom`, `.xml`) and JSON Feed (`.json` files whose
//!   `version` names jsonfeed.org): one article per item ([`feed`]).
//!
//! `id`, `title`, `date` and `body` are required; `body` may be empty. Dates are RFC 3339
//! (`2024-02-20T07:30:00+09:00`) or `YYYY-MM-DD`; a time without offset is UTC
//! ([`crate::dates::parse_timestamp`]). Files are UTF-8 (a byte order mark is skipped,
//! CRLF line ends are fine), except web pages and feeds, which say their encoding.
//!
//! Every problem is reported as an [`InputError`] naming the file and, where there is one,
//! the line.
//!
//! ```
//! use nachlese::corpus::Documents;
//!
//! let dir = tempfile::tempdir()?;
//! std::fs::write(
//!     dir.path().join("a.jsonl"),
//!     "{\"id\":\"a\",\"title\":\"Kim in Moskau\",\"date\":\"2024-01-16\",\"body\":\"...\"}\n\
//!      {\"id\":\"b\",\"title\":\"Ohne Datum\",\"body\":\"...\"}\n",
//! )?;
//! let results: Vec<_> = Documents::new([dir.path().to_path_buf()]).collect();
//! assert_eq!(results[0].as_ref().unwrap().article.id, "a");
//! let err = results[1].as_ref().unwrap_err();
//! assert!(err.to_string().ends_with("a.jsonl:2: missing required field `date`"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod article;
#[cfg(feature = "bundled")]
pub mod bundled;
mod csv;
mod error;
pub mod feed;
mod fields;
mod files;
pub mod html;
mod http;
mod json;
mod markdown;
pub mod page;
pub mod warc;

use std::fs::File;
use std::io::{self, BufReader};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

pub use article::{Article, MAX_ID_BYTES};

/// The largest article nachlese reads, in bytes (of its JSON line, or of its title and text):
/// far above any news article, and low enough that a runaway input cannot exhaust memory.
pub const MAX_ARTICLE_BYTES: usize = 16 << 20;

/// The largest `.md` or `.json` file nachlese reads (they are read whole; JSON Lines files
/// are streamed and may be of any size).
pub const MAX_FILE_BYTES: u64 = 256 << 20;

/// The largest web page nachlese reads (an `.html` file, unzipped, or a WARC record, and
/// its HTTP body decoded), in bytes.
pub const MAX_PAGE_BYTES: u64 = 32 << 20;
pub use csv::read_csv;
pub use error::{InputError, InputErrorKind};
pub use fields::{FIELDS, FieldMap, FieldMapError};
pub use files::Format;

use files::Files;
use json::JsonLines;

/// An article and where it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Document {
    /// The article.
    pub article: Article,
    /// Where it was read.
    pub origin: Origin,
}

impl Document {
    /// The article a whole file holds (a `.md` file, a web page): line 1, no stamp yet
    /// ([`Documents`] sets it).
    pub(crate) fn whole_file(article: Article, path: &Path) -> Document {
        Document {
            article,
            origin: Origin {
                path: path.to_path_buf(),
                line: 1,
                stamp: 0,
            },
        }
    }
}

/// Where an article was read: the file and the line its record starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Origin {
    /// The file (of a [stream](Source::json_lines): the name it was given).
    pub path: PathBuf,
    /// The 1-based line (of a WARC file: the record's number; of a feed: the item's; of a
    /// web page: 1).
    pub line: usize,
    /// The file's [stamp](file_stamp) when it was read (0 where there is none: a stream,
    /// text parsed from memory).
    pub stamp: u64,
}

impl Origin {
    /// Whether the document was read from a file [`Documents`] stamped: not from a stream,
    /// nor from text parsed from memory.
    pub fn is_file(&self) -> bool {
        self.stamp != 0
    }
}

/// A fingerprint of a file's state: its size, modification time and (on Unix) device and
/// inode, hashed. Re-indexing skips a file whose stamp has not changed, as `make` and
/// `rsync` do; never 0.
pub fn file_stamp(meta: &std::fs::Metadata) -> u64 {
    let mut parts: Vec<u8> = Vec::with_capacity(40);
    parts.extend(meta.len().to_le_bytes());
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    parts.extend(modified.to_le_bytes());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        parts.extend(meta.dev().to_le_bytes());
        parts.extend(meta.ino().to_le_bytes());
    }
    xxhash_rust::xxh3::xxh3_64(&parts).max(1)
}

fn read_whole(
    path: &Path,
    format: Format,
    map: Option<&FieldMap>,
) -> Vec<Result<Document, InputError>> {
    let too_large = |bytes| {
        let kind = InputErrorKind::TooLarge {
            bytes,
            limit: MAX_FILE_BYTES,
        };
        vec![Err(InputError::new(path, None, kind))]
    };
    match std::fs::metadata(path) {
        Ok(m) if m.len() > MAX_FILE_BYTES => return too_large(m.len()),
        _ => {}
    }
    // The size the file system gives is no bound for a pipe or a device: read at most one
    // byte past the limit whatever it is.
    let mut bytes = Vec::new();
    let read = File::open(path).and_then(|f| {
        use std::io::Read;
        f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)
    });
    if let Err(e) = read {
        return vec![Err(InputError::new(path, None, InputErrorKind::Io(e)))];
    }
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return too_large(bytes.len() as u64);
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let bytes = e.as_bytes();
            let bad = e.utf8_error().valid_up_to();
            let line_start = bytes[..bad]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let line = 1 + bytes[..bad].iter().filter(|&&b| b == b'\n').count();
            let kind = InputErrorKind::InvalidUtf8 {
                byte: bad - line_start + 1,
            };
            return vec![Err(InputError::new(path, Some(line), kind))];
        }
    };
    match format {
        Format::Markdown => vec![markdown::parse(path, &text)],
        _ if feed::is_json_feed(&text) => feed::parse(path, text.as_bytes()),
        _ => json::parse_json(path, &text, map),
    }
}

type LineReader = JsonLines<Box<dyn io::BufRead + Send>>;

fn open_lines(path: &Path, map: Option<Arc<FieldMap>>) -> Result<LineReader, InputError> {
    let file = File::open(path).map_err(|e| InputError::new(path, None, InputErrorKind::Io(e)))?;
    let reader: Box<dyn io::BufRead + Send> = Box::new(BufReader::with_capacity(1 << 16, file));
    Ok(JsonLines::new(path.to_path_buf(), reader).with_map(map))
}

/// What [`Documents`] reads: files and folders, or JSON Lines from any reader.
#[non_exhaustive]
pub enum Source {
    /// A file, whose extension names its [`Format`], or a folder, walked recursively.
    Path(PathBuf),
    /// One article object per line, read from a stream (standard input, a pipe, a
    /// decompressor): [`Source::json_lines`].
    JsonLines {
        /// The name errors and [`Origin`]s give the stream.
        name: PathBuf,
        /// The stream.
        reader: Box<dyn io::BufRead + Send>,
    },
}

impl Source {
    /// JSON Lines read from `reader`, named `name` in errors and origins. The articles are
    /// not from a file: re-reading and pruning by file leave them alone
    /// ([`Origin::is_file`]).
    ///
    /// ```
    /// use nachlese::corpus::{Documents, Source};
    ///
    /// let input = "{\"id\":\"a\",\"title\":\"T\",\"date\":\"2024-02-20\",\"body\":\"\"}\n";
    /// let docs: Vec<_> = Documents::new([Source::json_lines("piped", input.as_bytes())]).collect();
    /// let doc = docs[0].as_ref().unwrap();
    /// assert_eq!((doc.article.id.as_str(), doc.origin.is_file()), ("a", false));
    /// ```
    pub fn json_lines(name: impl Into<PathBuf>, reader: impl io::Read + Send + 'static) -> Source {
        Source::JsonLines {
            name: name.into(),
            reader: Box::new(BufReader::with_capacity(1 << 16, reader)),
        }
    }
}

impl std::fmt::Debug for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Path(path) => f.debug_tuple("Path").field(path).finish(),
            Source::JsonLines { name, .. } => f
                .debug_struct("JsonLines")
                .field("name", name)
                .finish_non_exhaustive(),
        }
    }
}

impl From<PathBuf> for Source {
    fn from(path: PathBuf) -> Source {
        Source::Path(path)
    }
}

impl From<&Path> for Source {
    fn from(path: &Path) -> Source {
        Source::Path(path.to_path_buf())
    }
}

/// Parses the text of one corpus-format (`.md`) file; `path` is only used in errors and
/// origins.
pub fn parse_markdown(path: &Path, text: &str) -> Result<Document, InputError> {
    markdown::parse(path, text)
}

/// Parses the text of one `.json` file (an article object or an array of them); `path` is
/// only used in errors and origins.
///
/// ```
/// use std::path::Path;
///
/// let docs = nachlese::corpus::parse_json(
///     Path::new("a.json"),
///     r#"[{"id":"a","title":"T","date":"2024-02-20","body":""}, {"id":"b"}]"#,
/// );
/// assert_eq!(docs[0].as_ref().unwrap().article.id, "a");
/// assert_eq!(docs[1].as_ref().unwrap_err().to_string(), "a.json:1: missing required field `title`");
/// ```
pub fn parse_json(path: &Path, text: &str) -> Vec<Result<Document, InputError>> {
    json::parse_json(path, text, None)
}

/// Reads JSON Lines from `reader` one article at a time, as from a `.jsonl` file named
/// `path` (used only in errors and origins).
///
/// ```
/// use std::path::Path;
///
/// let input = "{\"id\":\"a\",\"title\":\"T\",\"date\":\"2024-02-20\",\"body\":\"\"}\n{oops\n";
/// let docs: Vec<_> = nachlese::corpus::read_json_lines(Path::new("-"), input.as_bytes()).collect();
/// assert!(docs[0].is_ok());
/// assert!(docs[1].as_ref().unwrap_err().to_string().starts_with("-:2: malformed JSON"));
/// ```
pub fn read_json_lines<R: io::BufRead>(
    path: &Path,
    reader: R,
) -> impl Iterator<Item = Result<Document, InputError>> {
    JsonLines::new(path.to_path_buf(), reader)
}

/// Every document in the given files, folders and streams ([`Source`]), in order, one at a
/// time.
///
/// Folders are walked recursively in file-name order, following symlinks and skipping
/// hidden entries and files of other types; a file named directly must be of a known
/// [`Format`]. JSON Lines, CSV and WARC files are streamed, so memory stays bounded whatever
/// their size.
/// Each problem comes as an `Err` item, and reading goes on with the next document or file:
/// the caller decides whether to stop.
pub struct Documents {
    sources: std::collections::VecDeque<Source>,
    /// The files of the path being read.
    files: Option<Files>,
    current: Current,
    /// The current file's stamp.
    stamp: u64,
    /// Bytes of the files finished (or, for JSON Lines, begun) before the current one.
    bytes_before: u64,
    unchanged: Option<Box<UnchangedFn>>,
    skipped: u64,
    map: Option<Arc<FieldMap>>,
}

/// Says whether a file (path, stamp) is unchanged since it was indexed.
type UnchangedFn = dyn FnMut(&Path, u64) -> bool + Send;

enum Current {
    Idle,
    List(std::vec::IntoIter<Result<Document, InputError>>),
    Lines(LineReader),
    /// A file streamed by another reader, with the bytes read from the file so far.
    Stream(Stream, Arc<AtomicU64>),
}

type Stream = Box<dyn Iterator<Item = Result<Document, InputError>> + Send>;

impl Documents {
    /// Reads the given sources: paths (`PathBuf`s) or streams ([`Source::json_lines`]).
    pub fn new(sources: impl IntoIterator<Item = impl Into<Source>>) -> Documents {
        Documents {
            sources: sources.into_iter().map(Into::into).collect(),
            files: None,
            current: Current::Idle,
            stamp: 0,
            bytes_before: 0,
            unchanged: None,
            skipped: 0,
            map: None,
        }
    }

    /// Reads the fields of JSON, JSON Lines and CSV records where `map` says.
    pub fn map_fields(mut self, map: FieldMap) -> Documents {
        self.map = Some(Arc::new(map));
        self
    }

    /// Skips every file for which `unchanged(path, stamp)` says it has not changed since it
    /// was last read (see [`file_stamp`]).
    pub fn skip_unchanged(
        mut self,
        unchanged: impl FnMut(&Path, u64) -> bool + Send + 'static,
    ) -> Documents {
        self.unchanged = Some(Box::new(unchanged));
        self
    }

    /// How many files were skipped as unchanged so far.
    pub fn skipped_files(&self) -> u64 {
        self.skipped
    }

    /// How many bytes of input have been read so far (for progress reports).
    pub fn bytes_read(&self) -> u64 {
        match &self.current {
            Current::Lines(lines) => self.bytes_before + lines.bytes,
            Current::Stream(_, bytes) => self.bytes_before + bytes.load(Ordering::Relaxed),
            _ => self.bytes_before,
        }
    }
}

/// The total size of the files `paths` name and hold, found by walking them as [`Documents`]
/// will; unreadable entries count as 0 (reading reports them).
pub fn input_bytes(paths: impl IntoIterator<Item = PathBuf>) -> u64 {
    Files::new(paths)
        .filter_map(Result::ok)
        .filter_map(|(path, _)| std::fs::metadata(path).ok())
        .map(|m| m.len())
        .sum()
}

impl Iterator for Documents {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let next = match &mut self.current {
                Current::Idle => None,
                Current::List(items) => items.next(),
                Current::Lines(lines) => lines.next(),
                Current::Stream(items, _) => items.next(),
            };
            if let Some(mut next) = next {
                if let Ok(doc) = &mut next {
                    doc.origin.stamp = self.stamp;
                }
                return Some(next);
            }
            match &self.current {
                Current::Lines(lines) => self.bytes_before += lines.bytes,
                Current::Stream(_, bytes) => self.bytes_before += bytes.load(Ordering::Relaxed),
                _ => {}
            }
            self.current = Current::Idle;
            let Some(next_file) = self.files.as_mut().and_then(Iterator::next) else {
                self.files = None;
                match self.sources.pop_front()? {
                    Source::Path(path) => self.files = Some(Files::new([path])),
                    Source::JsonLines { name, reader } => {
                        self.stamp = 0;
                        let lines = JsonLines::new(name, reader).with_map(self.map.clone());
                        self.current = Current::Lines(lines);
                    }
                }
                continue;
            };
            let file = match next_file {
                Ok((path, format)) => {
                    match std::fs::metadata(&path) {
                        Ok(meta) => {
                            self.stamp = file_stamp(&meta);
                            if self
                                .unchanged
                                .as_mut()
                                .is_some_and(|f| f(&path, self.stamp))
                            {
                                self.skipped += 1;
                                self.bytes_before += meta.len();
                                continue;
                            }
                        }
                        Err(_) => self.stamp = 0,
                    }
                    Ok((path, format))
                }
                Err(e) => Err(e),
            };
            self.current = match file {
                Err(e) => return Some(Err(e)),
                Ok((path, Format::JsonLines)) => match open_lines(&path, self.map.clone()) {
                    Ok(lines) => Current::Lines(lines),
                    Err(e) => return Some(Err(e)),
                },
                Ok((path, Format::Csv)) => {
                    let bytes = Arc::new(AtomicU64::new(0));
                    match csv::open(&path, self.map.clone(), bytes.clone()) {
                        Ok(rows) => Current::Stream(Box::new(rows), bytes),
                        Err(e) => return Some(Err(e)),
                    }
                }
                Ok((path, Format::Warc)) => {
                    let bytes = Arc::new(AtomicU64::new(0));
                    match warc::open(&path, bytes.clone()) {
                        Ok(records) => Current::Stream(Box::new(records), bytes),
                        Err(e) => return Some(Err(e)),
                    }
                }
                Ok((path, format)) => {
                    self.bytes_before += std::fs::metadata(&path).map_or(0, |m| m.len());
                    let docs = match format {
                        Format::Html => page::read_file(&path),
                        Format::Feed => feed::read_file(&path),
                        _ => read_whole(&path, format, self.map.as_deref()),
                    };
                    Current::List(docs.into_iter())
                }
            };
        }
    }
}
