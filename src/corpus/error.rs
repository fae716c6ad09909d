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
    #[error("unsupported file type (nachlese reads .md, .json, .jsonl and .ndjson)")]
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
}

fn too_large(bytes: u64, limit: u64) -> String {
    let mb = |n: u64| n as f64 / 1e6;
    let size = if format!("{:.1}", mb(bytes)) == format!("{:.1}", mb(limit)) {
        format!("more than {:.1} MB", mb(limit))
    } else {
        format!("{:.1} MB", mb(bytes))
    };
    let what = if limit == super::MAX_FILE_BYTES {
        "per .md or .json file (use JSON Lines for more)"
    } else {
        "per article"
    };
    format!(
        "too large: {size}, where nachlese accepts at most {:.1} MB {what}",
        mb(limit)
    )
}
