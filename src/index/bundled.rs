//! The default index: the bundled corpus, built on first use and kept in step with it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tantivy::collector::Count;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;

use super::document::{BUNDLED, Provenance};
use super::schema::name;
use super::{Index, WriterOptions, exists};
use crate::corpus::bundled;
use crate::{Error, Result};

/// Where the default index lives: `nachlese/index` in the user's cache folder
/// (`$XDG_CACHE_HOME` or `~/.cache` on Linux). Feature `bundled` (on by default).
pub fn default_dir() -> Option<PathBuf> {
    dirs::cache_dir().map(|d| d.join("nachlese").join("index"))
}

/// How long to wait for another process that is updating the default index.
const LOCK_PATIENCE: Duration = Duration::from_secs(60);

pub(crate) fn open_bundled(dir: &Path) -> Result<Index> {
    // An upgrade killed between its renames left the index beside `dir`.
    if !super::upgrade::recover(dir) {
        build_fresh(dir)?;
    }
    let index = match Index::open(dir) {
        Err(Error::IncompatibleIndex { .. }) => {
            match upgrade(dir) {
                Ok(()) => {}
                Err(_) if holds_only_bundled(dir) => {
                    std::fs::remove_dir_all(dir).map_err(super::write_error(dir))?;
                    build_fresh(dir)?;
                }
                Err(e) => return Err(e),
            }
            Index::open(dir)?
        }
        other => other?,
    };
    if index.committed_meta()?.bundled.as_deref() != Some(bundled::fingerprint()) {
        sync(&index)?;
    }
    Ok(index)
}

/// Upgrades the index in `dir`, waiting for another process that is writing to it (or
/// upgrading it too).
fn upgrade(dir: &Path) -> Result<()> {
    let started = Instant::now();
    loop {
        match Index::upgrade(dir, |_| {}) {
            Ok(_) => return Ok(()),
            Err(Error::IndexLocked { .. }) if started.elapsed() < LOCK_PATIENCE => {
                std::thread::sleep(Duration::from_millis(100));
            }
            Err(e) => return Err(e),
        }
    }
}

/// Builds the index beside `dir` and moves it into place, so that no one ever sees a half-built
/// index, and two processes starting at once do not both build into the same folder.
fn build_fresh(dir: &Path) -> Result<()> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |error| Error::Storage {
            path,
            access: crate::Access::Write,
            error,
        }
    };
    let parent = dir.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent).map_err(io(parent))?;
    let name = dir
        .file_name()
        .map_or("index".into(), |n| n.to_string_lossy());
    let tmp = parent.join(format!(".{name}.building-{}", std::process::id()));
    if tmp.exists() {
        std::fs::remove_dir_all(&tmp).map_err(io(&tmp))?;
    }
    let index = Index::create(&tmp)?;
    sync(&index)?;
    drop(index);
    if let Err(e) = std::fs::rename(&tmp, dir) {
        let _ = std::fs::remove_dir_all(&tmp);
        if !exists(dir) {
            return Err(io(dir)(e));
        }
        // Another process finished first: its index is as good as ours.
    }
    Ok(())
}

/// Replaces the bundled articles in `index` by the current bundled corpus.
fn sync(index: &Index) -> Result<()> {
    let started = Instant::now();
    let mut writer = loop {
        match index.writer_with(WriterOptions {
            threads: 1,
            memory_bytes: 64 << 20,
            ..WriterOptions::default()
        }) {
            Ok(w) => break w,
            Err(Error::IndexLocked { .. }) if started.elapsed() < LOCK_PATIENCE => {
                std::thread::sleep(Duration::from_millis(100));
            }
            Err(e) => return Err(e),
        }
    };
    // Someone else may have synced while we waited for the lock.
    if index.committed_meta()?.bundled.as_deref() == Some(bundled::fingerprint()) {
        return Ok(());
    }
    writer.delete_collection(BUNDLED)?;
    for doc in bundled::documents() {
        let doc = doc?;
        let origin = doc.origin.path.to_string_lossy();
        let from = Provenance {
            origin: Some(&origin),
            stamp: 0,
            collection: Some(BUNDLED),
        };
        writer.put(&doc.article, from)?;
    }
    writer.set_bundled(Some(bundled::fingerprint().to_string()));
    writer.commit()?;
    Ok(())
}

/// Whether the (possibly old) index in `dir` holds only bundled articles, so rebuilding it
/// loses nothing.
fn holds_only_bundled(dir: &Path) -> bool {
    let check = || -> Option<bool> {
        let index = tantivy::Index::open_in_dir(dir).ok()?;
        let field = index.schema().get_field(name::COLLECTION).ok()?;
        let searcher = index.reader().ok()?.searcher();
        let query = TermQuery::new(
            tantivy::Term::from_field_text(field, BUNDLED),
            IndexRecordOption::Basic,
        );
        let bundled = searcher.search(&query, &Count).ok()? as u64;
        Some(bundled == searcher.num_docs())
    };
    check().unwrap_or(false)
}
