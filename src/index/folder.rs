//! The folder an index lives in, as tantivy reads and writes it.
//!
//! tantivy's memory-mapped folder with two changes, both for an archive that one account
//! writes and others search:
//!
//! - Opening a reader takes tantivy's meta lock, which creates and write-locks a file. A
//!   process that may not write there (another user, a read-only mount) takes a shared lock
//!   on the existing file through a read-only handle instead, which keeps a writer from
//!   removing files while they are opened just as well, or goes on without a lock when
//!   there is no lock file: no writer ever worked there, or none can.
//! - tantivy writes its small files (`meta.json`, `.managed.json`) readable by their owner
//!   only, so every commit would undo a `chmod -R a+rX` and lock the other users out again.
//!   Here they are as readable as the folder they are in.

use std::fs::{File, Permissions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::error::OpenWriteError;
use tantivy::directory::error::{DeleteError, LockError, OpenDirectoryError, OpenReadError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, META_LOCK, MmapDirectory, WatchCallback,
    WatchHandle, WritePtr,
};

/// An index folder: see the module's docs.
#[derive(Debug, Clone)]
pub(crate) struct Folder {
    inner: MmapDirectory,
    path: PathBuf,
}

impl Folder {
    pub(crate) fn open(path: &Path) -> Result<Folder, OpenDirectoryError> {
        Ok(Folder {
            inner: MmapDirectory::open(path)?,
            path: path.to_path_buf(),
        })
    }
}

/// Whether an error says that this process may not write where it tried to.
pub(crate) fn cannot_write(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
    )
}

/// The meta lock for a process that cannot write: a shared lock on the existing file,
/// opened for reading, or none when there is no such file.
fn read_only_meta_lock(path: &Path) -> Result<DirectoryLock, LockError> {
    match File::open(path) {
        Ok(file) => {
            // Blocks while a writer holds it (briefly, to remove files no commit uses).
            fs4::fs_std::FileExt::lock_shared(&file).map_err(LockError::wrap_io_error)?;
            Ok(DirectoryLock::from(Box::new(file)))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(DirectoryLock::from(Box::new(()))),
        Err(e) => Err(LockError::wrap_io_error(e)),
    }
}

/// The permissions for a file written into `folder`: those of the file it replaces, or else
/// the folder's without the right to execute (a folder others may list gives files others
/// may read).
fn permissions_for(target: &Path, folder: &Path) -> Option<Permissions> {
    if let Ok(meta) = std::fs::metadata(target) {
        return Some(meta.permissions());
    }
    let folder = std::fs::metadata(folder).ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Some(Permissions::from_mode(folder.permissions().mode() & 0o666))
    }
    #[cfg(not(unix))]
    Some(folder.permissions())
}

impl Directory for Folder {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    /// As tantivy does it (a temporary file beside the target, synced, renamed over it),
    /// with the permissions of [`permissions_for`].
    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        let target = self.path.join(path);
        let folder = target.parent().unwrap_or(&self.path);
        let mut builder = tempfile::Builder::new();
        if let Some(permissions) = permissions_for(&target, folder) {
            builder.permissions(permissions);
        }
        let mut file = builder.tempfile_in(folder)?;
        file.write_all(data)?;
        file.flush()?;
        file.as_file().sync_data()?;
        file.persist(&target).map_err(|e| e.error)?;
        Ok(())
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        match self.inner.acquire_lock(lock) {
            Err(LockError::IoError(e))
                if lock.filepath == META_LOCK.filepath && cannot_write(&e) =>
            {
                read_only_meta_lock(&self.path.join(&lock.filepath))
            }
            other => other,
        }
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}
