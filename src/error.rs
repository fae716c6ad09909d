//! The library's error type.

use std::path::PathBuf;

use crate::corpus::InputError;
use crate::dates::{DateError, EmptyRangeError};
use crate::index::storage::{self, StorageProblem};

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
    /// No index exists at the path: [`Index::create`](crate::Index::create) makes one.
    #[error("no index at {}", .path.display())]
    NoIndex {
        /// Where the index was looked for.
        path: PathBuf,
    },
    /// The folder holds an index nachlese cannot use as it is: one of another version, which
    /// [`Index::upgrade`](crate::Index::upgrade) rebuilds from the articles it stores
    /// ([`Error::needs_upgrade`]), or something that is no nachlese index.
    #[error("{}", crate::index::upgrade::incompatible_message(.path, .reason))]
    IncompatibleIndex {
        /// The index folder.
        path: PathBuf,
        /// What does not match.
        reason: String,
    },
    /// The index's files could not be read: [`Index::check`](crate::Index::check) tells
    /// whether they are damaged.
    #[error("the index at {} could not be read ({detail})", .path.display())]
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
    /// The file system refused or failed an operation on the index's files: no permission,
    /// a read-only file system, no space left, too many open files, a folder gone. Nothing
    /// is damaged; the message says what to do.
    #[error("{}", storage::describe(.path, *.access, .error))]
    Storage {
        /// The file or folder involved.
        path: PathBuf,
        /// Whether it was read or written.
        access: Access,
        /// The system's error.
        error: std::io::Error,
    },
    /// A change failed before it was committed: the index holds what it held before.
    #[error("{0}; nothing was committed, the index is unchanged")]
    NotCommitted(Box<Error>),
    /// A change was committed, but what followed failed (reading the index back, say).
    #[error("the change was committed, but then: {0}")]
    AfterCommit(Box<Error>),
    /// A writer whose earlier failure discarded its changes was used again.
    #[error("this index writer failed earlier and discarded its changes; open a new one")]
    WriterFailed,
    /// An error inside the search engine.
    #[error("search engine error: {0}")]
    Tantivy(tantivy::TantivyError),
}

/// Whether a failed file operation read or wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Access {
    /// Reading: opening, searching.
    Read,
    /// Writing: indexing, deleting, committing.
    Write,
}

impl From<tantivy::TantivyError> for Error {
    /// A file system problem becomes [`Error::Storage`], which says what happened in words;
    /// anything else stays the search engine's error.
    fn from(e: tantivy::TantivyError) -> Error {
        match storage::io_error_in(&e) {
            Some((access, path, error)) => Error::Storage {
                path,
                access,
                error,
            },
            None => Error::Tantivy(e),
        }
    }
}

impl Error {
    /// What a file system failure ([`Error::Storage`], also inside
    /// [`Error::NotCommitted`] and [`Error::AfterCommit`]) means for the index; `None` for
    /// any other error. A server maps it to a status, a program to its advice.
    ///
    /// ```
    /// use nachlese::index::StorageProblem;
    /// # let e = nachlese::Error::WriterFailed;
    /// match e.storage_problem() {
    ///     Some(StorageProblem::NoSpace) => eprintln!("the disk is full"),
    ///     _ => eprintln!("{e}"),
    /// }
    /// ```
    pub fn storage_problem(&self) -> Option<StorageProblem> {
        match self {
            Error::Storage { access, error, .. } => Some(StorageProblem::of(*access, error)),
            Error::NotCommitted(inner) | Error::AfterCommit(inner) => inner.storage_problem(),
            _ => None,
        }
    }

    /// The error with a storage problem's path placed in `dir` (tantivy names files relative
    /// to the index folder).
    pub(crate) fn in_folder(self, dir: Option<&std::path::Path>) -> Error {
        match (self, dir) {
            (
                Error::Storage {
                    path,
                    access,
                    error,
                },
                Some(dir),
            ) if path.is_relative() => Error::Storage {
                path: if path.as_os_str().is_empty() {
                    dir.to_path_buf()
                } else {
                    dir.join(path)
                },
                access,
                error,
            },
            (e, _) => e,
        }
    }

    /// Whether the error is an index of another version of nachlese, which
    /// [`Index::upgrade`](crate::Index::upgrade) makes usable (also when a failed change
    /// met it).
    pub fn needs_upgrade(&self) -> bool {
        match self {
            Error::IncompatibleIndex { reason, .. } => crate::index::upgrade::is_upgradable(reason),
            Error::NotCommitted(e) | Error::AfterCommit(e) => e.needs_upgrade(),
            _ => false,
        }
    }

    /// The error marked as one that left the index unchanged.
    pub(crate) fn not_committed(self) -> Error {
        match self {
            e @ Error::NotCommitted(_) => e,
            e => Error::NotCommitted(Box::new(e)),
        }
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
