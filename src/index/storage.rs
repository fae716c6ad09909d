//! File system problems with an index, told in words.
//!
//! tantivy reports them as nested error values whose text is Rust's debug formatting
//! (`IoError(Os { code: 13, ... })`), which says nothing to a person and hides what to do.
//! Here the underlying system error is dug out and described by what it means for an index:
//! who may write, that searching needs no writing, that nothing was changed.

use std::io;
use std::path::{Path, PathBuf};

use tantivy::TantivyError;
use tantivy::directory::error::{LockError, OpenDirectoryError, OpenReadError, OpenWriteError};

use crate::error::Access;

/// `ENOSPC` and `EDQUOT`: the device or the user's quota is full.
const NO_SPACE: [i32; 2] = [28, 122];
/// `EMFILE` and `ENFILE`: the process's or the system's limit of open files.
const TOO_MANY_FILES: [i32; 2] = [24, 23];

/// The system error inside a tantivy error, if it is one, with the file it concerned (relative
/// to the index folder, or empty) and whether it was read or written.
pub(crate) fn io_error_in(e: &TantivyError) -> Option<(Access, PathBuf, io::Error)> {
    let (access, path, error): (Access, &Path, &io::Error) = match e {
        TantivyError::IoError(error) => (Access::Write, Path::new(""), error.as_ref()),
        TantivyError::OpenReadError(OpenReadError::IoError { io_error, filepath }) => {
            (Access::Read, filepath, io_error.as_ref())
        }
        TantivyError::OpenWriteError(OpenWriteError::IoError { io_error, filepath }) => {
            (Access::Write, filepath, io_error.as_ref())
        }
        TantivyError::LockFailure(LockError::IoError(error), _) => {
            (Access::Write, Path::new(""), error.as_ref())
        }
        TantivyError::OpenDirectoryError(OpenDirectoryError::IoError {
            io_error,
            directory_path,
        }) => (Access::Read, directory_path, io_error.as_ref()),
        TantivyError::OpenDirectoryError(OpenDirectoryError::DoesNotExist(path)) => {
            let gone = io::Error::from(io::ErrorKind::NotFound);
            return Some((Access::Read, path.clone(), gone));
        }
        // An indexing thread's failure reaches the writer as text only.
        TantivyError::InternalError(text) | TantivyError::ErrorInThread(text) => {
            let code = os_error_code(text)?;
            let error = io::Error::from_raw_os_error(code);
            return Some((Access::Write, PathBuf::new(), error));
        }
        _ => return None,
    };
    Some((access, path.to_path_buf(), copy(error)))
}

/// The code in the text of a system error, which ends "(os error 28)".
fn os_error_code(text: &str) -> Option<i32> {
    let start = text.rfind("(os error ")? + "(os error ".len();
    let digits = text.get(start..)?.split(')').next()?;
    digits.parse().ok()
}

/// An owned copy of an error tantivy shares: the same code, or the same kind and text.
fn copy(error: &io::Error) -> io::Error {
    match error.raw_os_error() {
        Some(code) => io::Error::from_raw_os_error(code),
        None => io::Error::new(error.kind(), error.to_string()),
    }
}

/// What a failed file operation on an index means, whatever the system called it: the same
/// problem has several codes (a full disk and a full quota, the process's and the system's
/// limit of open files).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum StorageProblem {
    /// The device or the user's quota is full.
    NoSpace,
    /// The limit of open files is too low for the index.
    TooManyFiles,
    /// The file system is mounted read-only.
    ReadOnly,
    /// The user may not read or write (see [`Access`]) the index's files.
    NoPermission(Access),
    /// The index's folder or one of its files was removed or moved while in use.
    Gone,
    /// Any other failure of the file system.
    Other(Access),
}

impl StorageProblem {
    /// The problem a system error on `access` to an index's files is.
    pub(crate) fn of(access: Access, error: &io::Error) -> StorageProblem {
        let code = error.raw_os_error();
        if code.is_some_and(|c| NO_SPACE.contains(&c)) || error.kind() == io::ErrorKind::StorageFull
        {
            return StorageProblem::NoSpace;
        }
        if code.is_some_and(|c| TOO_MANY_FILES.contains(&c)) {
            return StorageProblem::TooManyFiles;
        }
        match error.kind() {
            io::ErrorKind::ReadOnlyFilesystem => StorageProblem::ReadOnly,
            io::ErrorKind::PermissionDenied => StorageProblem::NoPermission(access),
            io::ErrorKind::NotFound => StorageProblem::Gone,
            _ => StorageProblem::Other(access),
        }
    }
}

/// The message of [`Error::Storage`](crate::Error::Storage).
pub(crate) fn describe(path: &Path, access: Access, error: &io::Error) -> String {
    let path = path.display();
    match StorageProblem::of(access, error) {
        StorageProblem::NoSpace => format!(
            "no space left on the device while writing to {path}; free some space and try again"
        ),
        StorageProblem::TooManyFiles => format!(
            "too many open files while opening {path}: the limit of open files is too low for \
             this index; raise it and try again"
        ),
        StorageProblem::ReadOnly => format!(
            "{path} is on a read-only file system: the index can be searched there, but not \
             changed"
        ),
        StorageProblem::NoPermission(Access::Write) => format!(
            "no permission to write to {path}: only a user who may write to the index's folder \
             can change the index (searching it needs read access only)"
        ),
        StorageProblem::NoPermission(Access::Read) => format!(
            "no permission to read {path}: searching needs read access to the index's folder and \
             every file in it, which its owner can grant"
        ),
        StorageProblem::Gone => format!(
            "{path} is gone: the index's folder or one of its files was removed or moved while \
             in use"
        ),
        StorageProblem::Other(Access::Read) => format!("cannot read {path}: {error}"),
        StorageProblem::Other(Access::Write) => format!("cannot write to {path}: {error}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_thread_failure_told_as_text_is_a_storage_problem() {
        let e = TantivyError::InternalError("'No space left on device (os error 28)'".into());
        let (access, _, error) = io_error_in(&e).expect("a system error");
        assert_eq!((access, error.raw_os_error()), (Access::Write, Some(28)));
        let text = describe(Path::new("idx"), access, &error);
        assert!(text.starts_with("no space left on the device while writing to idx"));
        let other = TantivyError::InternalError("a merge went wrong".into());
        assert!(io_error_in(&other).is_none());
    }

    #[test]
    fn no_message_shows_rust_debug_formatting() {
        for code in [1, 2, 5, 13, 23, 24, 28, 30, 122] {
            for access in [Access::Read, Access::Write] {
                let text = describe(
                    Path::new("idx"),
                    access,
                    &io::Error::from_raw_os_error(code),
                );
                assert!(!text.contains("Os {") && !text.contains("kind:"), "{text}");
                assert!(text.contains("idx"), "{text}");
            }
        }
    }

    #[test]
    fn problems_are_classified_and_told_without_shell_commands() {
        let cases = [
            (28, Access::Write, StorageProblem::NoSpace),
            (122, Access::Write, StorageProblem::NoSpace),
            (24, Access::Read, StorageProblem::TooManyFiles),
            (23, Access::Read, StorageProblem::TooManyFiles),
            (30, Access::Write, StorageProblem::ReadOnly),
            (13, Access::Read, StorageProblem::NoPermission(Access::Read)),
            (2, Access::Read, StorageProblem::Gone),
        ];
        for (code, access, problem) in cases {
            let error = io::Error::from_raw_os_error(code);
            assert_eq!(StorageProblem::of(access, &error), problem, "{code}");
            let text = describe(Path::new("idx"), access, &error);
            // The program adds `ulimit` and `chmod`; an embedder's users may have no shell.
            assert!(!text.contains('`'), "{text}");
        }
    }
}
