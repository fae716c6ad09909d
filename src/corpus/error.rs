//! What can be wrong with an input file, and where.

use std::fmt;
use std::io;
use std::path::PathBuf;

use crate::dates::DateError;

/// A file or document that could not be read: which file, which line, and why.
///
/// Displays as `path:line: reason` (like a compiler), or `path: reason` when the problem
/// has no line.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub struct InputError {
    /// The file.
    pub path: PathBuf,
    /// The line (1-based) where the problem is, when there is one.
    pub line: Option<usize>,
    /// What is wrong.
    #[source]
    pub kind: InputErrorKind,
}

impl InputError {
    pub(crate) fn new(path: impl Into<PathBuf>, line: Option<usize>, kind: InputErrorKind) -> Self {
        InputError {
            path: path.into(),
            line,
            kind,
        }
    }
}

/// Serialised as `{"path", "line", "message"}`: the path as text (lossily, where it is not
/// UTF-8), the line or `null`, and what is wrong in words.
impl serde::Serialize for InputError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("InputError", 3)?;
        s.serialize_field("path", &self.path.to_string_lossy())?;
        s.serialize_field("line", &self.line)?;
        s.serialize_field("message", &self.kind.to_string())?;
        s.end()
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}", self.kind)
    }
}

/// The kinds of problem an input file can have.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InputErrorKind {
    /// The file could not be opened or read.
    #[error("cannot read: {0}")]
    Io(#[source] io::Error),
    /// The file's extension names no format nachlese reads.
    #[error(
        "unsupported file type (nachlese reads .md, .json, .jsonl, .ndjson, .csv, .html, .htm, \
         .xhtml, .warc, .rss, .atom, .xml feeds, and gzipped .html.gz and .warc.gz)"
    )]
    UnsupportedFormat,
    /// The bytes are not UTF-8.
    #[error("invalid UTF-8 (byte {byte} of the line); nachlese reads UTF-8 text only")]
    InvalidUtf8 {
        /// 1-based byte column of the first bad byte within its line.
        byte: usize,
    },
    /// JSON that does not parse or has a field of the wrong type.
    #[error("malformed JSON: {0}")]
    Json(String),
    /// A Markdown article without proper `+++` front matter.
    #[error("{0}")]
    FrontMatter(String),
    /// Front matter that is not valid TOML or has a field of the wrong type.
    #[error("malformed front matter: {0}")]
    Toml(String),
    /// A required field is absent.
    #[error("missing required field `{0}`")]
    MissingField(&'static str),
    /// A field is present but unusable.
    #[error("field `{field}` {problem}")]
    InvalidField {
        /// The field's name.
        field: &'static str,
        /// What is wrong with it.
        problem: &'static str,
    },
    /// The date cannot be read or stored.
    #[error("field `date`: {0}")]
    InvalidDate(#[source] DateError),
    /// The folder walk failed: a symlink loop, an unreadable folder.
    #[error("{0}")]
    Walk(String),
    /// An article, or a file read whole, larger than nachlese accepts.
    #[error("{}", too_large(*bytes, *limit))]
    TooLarge {
        /// The size found, in bytes.
        bytes: u64,
        /// The limit, in bytes.
        limit: u64,
    },
    /// A required field is absent under the keys a field map names for it.
    #[error("missing `{keys}` (for the field `{field}`)")]
    MissingKey {
        /// The article's field.
        field: &'static str,
        /// The keys (or columns) looked for.
        keys: String,
    },
    /// A key a field map names holds something unusable.
    #[error("`{key}` (for the field `{field}`) {problem}")]
    InvalidKey {
        /// The article's field.
        field: &'static str,
        /// The key (or column).
        key: String,
        /// What is wrong with it.
        problem: &'static str,
    },
    /// A web page (or a WARC response) in which no article text was found: an index page,
    /// an error page, a page of links.
    #[error("no article found in the page")]
    NoArticle,
    /// A web page or feed item that says nothing about when it was published.
    #[error("no publication date found")]
    NoDate,
    /// A file named as a web page that holds binary data (an image, a PDF).
    #[error("binary data, not an HTML page")]
    Binary,
    /// Compressed data that is corrupt or ends too early.
    #[error("corrupt or truncated gzip data: {0}")]
    Gzip(String),
    /// A WARC file that breaks the format.
    #[error("malformed WARC: {0}")]
    Warc(String),
    /// An HTTP response (in a WARC record) that cannot be read.
    #[error("malformed HTTP response: {0}")]
    Http(String),
    /// A file that should be an RSS, Atom or JSON Feed and is not.
    #[error("not a readable feed (RSS, Atom or JSON Feed): {0}")]
    Feed(String),
    /// A CSV file that does not parse, or a row that does not fit the header.
    #[error("malformed CSV: {0}")]
    Csv(String),
    /// A problem in one record of a WARC file.
    #[error("{}: {problem}", place(format!("record at byte {offset}"), url))]
    InRecord {
        /// Where the record starts in the file, in bytes (for `.warc.gz`, in the compressed
        /// file: where the gzip member holding it starts).
        offset: u64,
        /// The record's target URI, when it has one.
        url: Option<String>,
        /// What is wrong.
        problem: Box<InputErrorKind>,
    },
    /// A problem in one item of a feed.
    #[error("{}: {problem}", place(format!("item {number}"), id))]
    InItem {
        /// The item's position in the feed, 1-based.
        number: usize,
        /// The item's link or id, when it has one.
        id: Option<String>,
        /// What is wrong.
        problem: Box<InputErrorKind>,
    },
}

impl InputErrorKind {
    /// This problem, found in the WARC record that starts at byte `offset` of its file (of
    /// the compressed file for a `.warc.gz`: where its gzip member starts).
    pub(crate) fn in_record(self, offset: u64, url: Option<&str>) -> InputErrorKind {
        InputErrorKind::InRecord {
            offset,
            url: url.map(str::to_string),
            problem: Box::new(self),
        }
    }

    /// This problem, found in the `number`th item (1-based) of a feed.
    pub(crate) fn in_item(self, number: usize, id: Option<&str>) -> InputErrorKind {
        InputErrorKind::InItem {
            number,
            id: id.map(str::to_string),
            problem: Box::new(self),
        }
    }
}

fn place(what: String, name: &Option<String>) -> String {
    match name {
        Some(n) => format!("{what} ({n})"),
        None => what,
    }
}

fn too_large(bytes: u64, limit: u64) -> String {
    let mb = |n: u64| n as f64 / 1e6;
    let size = if format!("{:.1}", mb(bytes)) == format!("{:.1}", mb(limit)) {
        format!("more than {:.1} MB", mb(limit))
    } else {
        format!("{:.1} MB", mb(bytes))
    };
    let what = if limit == super::MAX_FILE_BYTES {
        "per .md or .json file or feed (use JSON Lines for more)"
    } else if limit == super::MAX_PAGE_BYTES {
        "per web page or WARC record"
    } else {
        "per article"
    };
    format!(
        "too large: {size}, where nachlese accepts at most {:.1} MB {what}",
        mb(limit)
    )
}
