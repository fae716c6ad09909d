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

/// The message of [`Error::Storage`](crate::Error::Storage).
pub(crate) fn describe(path: &Path, access: Access, error: &io::Error) -> String {
    let path = path.display();
    let code = error.raw_os_error();
    if code.is_some_and(|c| NO_SPACE.contains(&c)) || error.kind() == io::ErrorKind::StorageFull {
        return format!(
            "no space left on the device while writing to {path}; free some space and try again"
        );
    }
    if code.is_some_and(|c| TOO_MANY_FILES.contains(&c)) {
        return format!(
            "too many open files while opening {path}: the limit of open files is too low for \
             this index; raise it (the shell's `ulimit -n`) and try again"
        );
    }
    match (error.kind(), access) {
        (io::ErrorKind::ReadOnlyFilesystem, _) => format!(
            "{path} is on a read-only file system: the index can be searched there, but not \
             changed"
        ),
        (io::ErrorKind::PermissionDenied, Access::Write) => format!(
            "no permission to write to {path}: only a user who may write to the index's folder \
             can change the index (searching it needs read access only)"
        ),
        (io::ErrorKind::PermissionDenied, Access::Read) => format!(
            "no permission to read {path}: searching needs read access to the index's folder and \
             every file in it, which its owner can grant (`chmod -R a+rX FOLDER`)"
        ),
        (io::ErrorKind::NotFound, _) => format!(
            "{path} is gone: the index's folder or one of its files was removed or moved while \
             in use"
        ),
        (_, Access::Read) => format!("cannot read {path}: {error}"),
        (_, Access::Write) => format!("cannot write to {path}: {error}"),
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
}
