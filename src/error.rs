//! The library's error type.

use std::path::PathBuf;

use crate::corpus::InputError;
use crate::dates::{DateError, EmptyRangeError};

/// Everything that can go wrong in nachlese.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An input file or document is unusable (the error names file and line).
    #[error(transparent)]
    Input(#[from] InputError),
    /// An article given through the API breaks a rule (empty id, date out of range, ...).
    #[error("invalid article: {0}")]
    InvalidArticle(String),
    /// A date text that means no date.
    #[error(transparent)]
    InvalidDate(#[from] DateError),
    /// A date range whose start lies after its end.
    #[error(transparent)]
    EmptyRange(#[from] EmptyRangeError),
    /// A query that does not parse.
    #[error("invalid query {query:?}: {message}")]
    Query {
        /// The query text.
        query: String,
        /// What is wrong with it.
        message: String,
    },
    /// No index exists at the path.
    #[error("no index at {}; create one with `nachlese index --index {} PATH...`", .path.display(), .path.display())]
    NoIndex {
        /// Where the index was looked for.
        path: PathBuf,
    },
    /// The folder holds an index nachlese cannot use as it is.
    #[error(
        "the index at {} {reason}; rebuild it: delete the folder and index the documents again",
        .path.display()
    )]
    IncompatibleIndex {
        /// The index folder.
        path: PathBuf,
        /// What does not match.
        reason: String,
    },
    /// The index's files are damaged.
    #[error(
        "the index at {} is damaged ({detail}); `nachlese check` tells more; rebuild it: delete the folder and index the documents again",
        .path.display()
    )]
    Damaged {
        /// The index folder.
        path: PathBuf,
        /// What broke.
        detail: String,
    },
    /// Another process is writing to the index.
    #[error("the index at {} is in use by another process that is writing to it; try again when it has finished", .path.display())]
    IndexLocked {
        /// The index folder.
        path: PathBuf,
    },
    /// A file or folder operation failed.
    #[error("{}: {source}", .path.display())]
    Io {
        /// The path involved.
        path: PathBuf,
        /// The system's error.
        #[source]
        source: std::io::Error,
    },
    /// An error inside the search engine.
    #[error("search engine error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
