//! Upgrading an index written by another version of nachlese: a new index is built from the
//! articles the old one stores, beside it, and swapped in when it is complete.
//!
//! # A kill at any moment
//!
//! For the index folder `NAME`, an upgrade by process `P`
//!
//! 1. takes `NAME`'s writer lock (no one commits to it meanwhile) and removes what earlier,
//!    killed upgrades left behind (see [`clean_up`]);
//! 2. builds the new index in `.NAME.upgrading-P` and commits it (tantivy syncs its files);
//! 3. renames `NAME` to `.NAME.old-P`;
//! 4. renames `.NAME.upgrading-P` to `NAME`;
//! 5. removes `.NAME.old-P`: its `meta.json` first, so what a kill leaves is no index.
//!
//! A rename is atomic, so a kill leaves one of three states. Before step 3, `NAME` is the old
//! index, untouched; a `.NAME.upgrading-P` is a partial build, never paired with a
//! `.NAME.old-P`. Between steps 3 and 4 `NAME` is missing, and `.NAME.old-P` (the whole old
//! index) and `.NAME.upgrading-P` (the whole new one: `.old-P` exists only once it is
//! committed) lie beside it: [`recover`], which opening the index and upgrading call when
//! `NAME` is missing, renames the new one into place.
//! After step 4 `NAME` is the new index, and `.NAME.old-P` is garbage for the next upgrade.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use tantivy::directory::error::LockError;
use tantivy::directory::{Directory, DirectoryLock, INDEX_WRITER_LOCK, MmapDirectory};
use tantivy::schema::{Field, IndexRecordOption, Schema, Value};
use tantivy::{DateTime, DocAddress, DocId, DocSet, TERMINATED, TantivyDocument, Term};
use time::OffsetDateTime;

use super::document::{Provenance, texts};
use super::meta::{CommitMeta, FORMAT_VERSION};
use super::schema::name;
use super::{Index, WriterOptions, exists, write_error};
use crate::analysis::ANALYZER_VERSION;
use crate::corpus::Article;
use crate::{Error, Result};

/// How far [`Index::upgrade`] has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpgradeProgress {
    /// Articles read from the old index so far (carried over or skipped).
    pub articles: u64,
    /// The articles of the old index.
    pub total: u64,
}

/// What [`Index::upgrade`] did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct UpgradeReport {
    /// The index folder.
    pub path: PathBuf,
    /// Whether the index was rebuilt; `false` when it was current already (then nothing
    /// was changed).
    pub upgraded: bool,
    /// The index format it was written in (0: unknown).
    pub from_format: u32,
    /// The analyzer version it was written with (0: unknown).
    pub from_analyzer: u32,
    /// The articles carried over into the new index.
    pub articles: u64,
    /// The articles that could not be carried over (the stored text breaks a rule of this
    /// version), with the reason.
    pub skipped: Vec<SkippedArticle>,
}

/// An article [`Index::upgrade`] could not carry over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SkippedArticle {
    /// Its id (empty if it had none).
    pub id: String,
    /// Why.
    pub reason: String,
}

/// The start of the reason of an [`Error::IncompatibleIndex`] that an upgrade cannot cure.
pub(crate) const NOT_NACHLESE: &str = "is not a nachlese index";

/// The reason of the [`Error::IncompatibleIndex`] of a folder that holds an index already.
pub(crate) const EXISTS: &str = "already exists";

/// Whether an index refused for `reason` is one of another nachlese version.
pub(crate) fn is_upgradable(reason: &str) -> bool {
    !reason.starts_with(NOT_NACHLESE) && reason != EXISTS
}

/// The message of [`Error::IncompatibleIndex`]: what is wrong, and whether an upgrade cures it.
pub(crate) fn incompatible_message(path: &Path, reason: &str) -> String {
    let path = path.display();
    if reason.starts_with(NOT_NACHLESE) {
        format!("the folder {path} {reason}: nachlese can neither use nor upgrade it")
    } else if is_upgradable(reason) {
        format!(
            "the index at {path} {reason}: an upgrade can rebuild it from the articles it \
             stores"
        )
    } else {
        format!("the index at {path} {reason}")
    }
}

/// The stored fields of an index of any nachlese version, looked up by name.
struct OldFields {
    id: Field,
    title: Option<Field>,
    date: Option<Field>,
    body: Option<Field>,
    source: Option<Field>,
    url: Option<Field>,
    authors: Option<Field>,
    tags: Option<Field>,
    language: Option<Field>,
    origin: Option<Field>,
    collection: Option<Field>,
    stamp: Option<Field>,
}

impl OldFields {
    /// `None` if `schema` is not nachlese's: it has no id, title, date and body.
    fn of(schema: &Schema) -> Option<OldFields> {
        let f = |n: &str| schema.get_field(n).ok();
        let fields = OldFields {
            id: f(name::ID)?,
            title: f(name::TITLE),
            date: f(name::DATE),
            body: f(name::BODY),
            source: f(name::SOURCE),
            url: f(name::URL),
            authors: f(name::AUTHORS),
            tags: f(name::TAGS),
            language: f(name::LANGUAGE),
            origin: f(name::ORIGIN),
            collection: f(name::COLLECTION),
            stamp: f(name::STAMP),
        };
        (fields.title.is_some() && fields.date.is_some() && fields.body.is_some()).then_some(fields)
    }
}

/// An article read from the old index, with where it came from.
struct OldArticle {
    article: Article,
    origin: Option<String>,
    stamp: u64,
    collection: Option<String>,
}

fn text(doc: &TantivyDocument, field: Option<Field>) -> Option<String> {
    doc.get_first(field?)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

/// The date stored in `field`: a date, or (in any other version) seconds or a text.
fn date(doc: &TantivyDocument, field: Option<Field>) -> Option<OffsetDateTime> {
    let value = doc.get_first(field?)?;
    if let Some(d) = value.as_datetime() {
        return Some(DateTime::into_utc(d));
    }
    if let Some(secs) = value.as_i64() {
        return OffsetDateTime::from_unix_timestamp(secs).ok();
    }
    crate::dates::parse_timestamp(value.as_str()?).ok()
}

impl OldArticle {
    /// The article stored as `doc`, or why it cannot be carried over.
    fn read(
        f: &OldFields,
        doc: &TantivyDocument,
        stamp: u64,
        collection: Option<String>,
    ) -> Result<OldArticle, SkippedArticle> {
        let id = text(doc, Some(f.id)).unwrap_or_default();
        let skip = |reason: &str| SkippedArticle {
            id: id.clone(),
            reason: reason.to_string(),
        };
        if id.is_empty() {
            return Err(skip("it has no id"));
        }
        let date = date(doc, f.date).ok_or_else(|| skip("it has no readable date"))?;
        let article = Article {
            id: id.clone(),
            title: text(doc, f.title).unwrap_or_default(),
            date,
            body: text(doc, f.body).unwrap_or_default(),
            source: text(doc, f.source),
            url: text(doc, f.url),
            authors: f.authors.map_or_else(Vec::new, |a| texts(doc, a)),
            tags: f.tags.map_or_else(Vec::new, |t| texts(doc, t)),
            language: text(doc, f.language),
        };
        article.validate().map_err(|e| skip(&e.to_string()))?;
        // A stamp or collection stored rather than indexed (in no version so far) counts too.
        let stamp = f
            .stamp
            .and_then(|s| doc.get_first(s))
            .and_then(|v| v.as_u64())
            .unwrap_or(stamp);
        Ok(OldArticle {
            article,
            origin: text(doc, f.origin),
            stamp,
            collection: text(doc, f.collection).or(collection),
        })
    }
}

/// The old index, opened whatever its version, and locked for writing.
struct Old {
    path: PathBuf,
    searcher: tantivy::Searcher,
    fields: OldFields,
    meta: Option<CommitMeta>,
    /// Held until the swap is done: no one writes to the old index meanwhile.
    _lock: DirectoryLock,
}

impl Old {
    fn open(dir: &Path) -> Result<Old> {
        let lock = lock(dir)?;
        let inner = tantivy::Index::open_in_dir(dir).map_err(|e| match Error::from(e) {
            e @ Error::Storage { .. } => e.in_folder(Some(dir)),
            Error::Tantivy(e) => Error::Damaged {
                path: dir.to_path_buf(),
                detail: format!("it cannot be opened: {e}"),
            },
            e => e,
        })?;
        let fields = OldFields::of(&inner.schema()).ok_or_else(|| Error::IncompatibleIndex {
            path: dir.to_path_buf(),
            reason: format!("{NOT_NACHLESE} (it lacks the fields id, title, date and body)"),
        })?;
        let meta = CommitMeta::parse(inner.load_metas()?.payload.as_deref());
        let reader: tantivy::IndexReader = inner
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::Manual)
            .try_into()?;
        Ok(Old {
            path: dir.to_path_buf(),
            searcher: reader.searcher(),
            fields,
            meta,
            _lock: lock,
        })
    }

    /// Every live article, in index order, or why it cannot be carried over.
    fn articles(
        &self,
        mut each: impl FnMut(Result<OldArticle, SkippedArticle>) -> Result<()>,
    ) -> Result<()> {
        let searcher = &self.searcher;
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            let stamps = self
                .fields
                .stamp
                .and_then(|_| segment.fast_fields().u64(name::STAMP).ok());
            let collections = self.collections(segment)?;
            for doc in segment.doc_ids_alive() {
                let stored: TantivyDocument = searcher.doc(DocAddress::new(ord as u32, doc))?;
                let stamp = stamps.as_ref().and_then(|s| s.first(doc)).unwrap_or(0);
                let collection = collections.get(&doc).cloned();
                each(OldArticle::read(&self.fields, &stored, stamp, collection))?;
            }
        }
        Ok(())
    }

    /// The collection of each article of `segment` that has one (the field is indexed, not
    /// stored).
    fn collections(&self, segment: &tantivy::SegmentReader) -> Result<HashMap<DocId, String>> {
        let mut out = HashMap::new();
        let Some(field) = self.fields.collection else {
            return Ok(out);
        };
        let Ok(index) = segment.inverted_index(field) else {
            return Ok(out);
        };
        let mut names = Vec::new();
        let mut terms = index
            .terms()
            .stream()
            .map_err(tantivy::TantivyError::from)?;
        while terms.advance() {
            if let Ok(name) = std::str::from_utf8(terms.key()) {
                names.push(name.to_string());
            }
        }
        for name in names {
            let term = Term::from_field_text(field, &name);
            let Some(mut postings) = index
                .read_postings(&term, IndexRecordOption::Basic)
                .map_err(tantivy::TantivyError::from)?
            else {
                continue;
            };
            let mut doc = postings.doc();
            while doc != TERMINATED {
                out.insert(doc, name.clone());
                doc = postings.advance();
            }
        }
        Ok(out)
    }
}

/// Takes the writer lock of the index in `dir`, as a writer does.
fn lock(dir: &Path) -> Result<DirectoryLock> {
    let directory = MmapDirectory::open(dir)
        .map_err(|e| Error::from(tantivy::TantivyError::from(e)).in_folder(Some(dir)))?;
    directory
        .acquire_lock(&INDEX_WRITER_LOCK)
        .map_err(|e| match e {
            LockError::LockBusy => Error::IndexLocked {
                path: dir.to_path_buf(),
            },
            e => Error::from(tantivy::TantivyError::LockFailure(e, None)).in_folder(Some(dir)),
        })
}

/// The names of the siblings of `dir` an upgrade uses.
struct Siblings {
    parent: PathBuf,
    name: String,
}

impl Siblings {
    fn of(dir: &Path) -> Siblings {
        let parent = match dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = dir
            .file_name()
            .map_or_else(|| "index".into(), |n| n.to_string_lossy().into_owned());
        Siblings { parent, name }
    }

    fn upgrading(&self, pid: &str) -> PathBuf {
        self.parent.join(format!(".{}.upgrading-{pid}", self.name))
    }

    fn old(&self, pid: &str) -> PathBuf {
        self.parent.join(format!(".{}.old-{pid}", self.name))
    }

    /// The process ids of the `.NAME.upgrading-*` and `.NAME.old-*` siblings.
    fn left_behind(&self) -> (Vec<String>, Vec<String>) {
        let (mut upgrading, mut old) = (Vec::new(), Vec::new());
        let Ok(entries) = std::fs::read_dir(&self.parent) else {
            return (upgrading, old);
        };
        let up = format!(".{}.upgrading-", self.name);
        let ol = format!(".{}.old-", self.name);
        for entry in entries.filter_map(|e| e.ok()) {
            let file = entry.file_name();
            let Some(file) = file.to_str() else {
                continue;
            };
            if let Some(pid) = file.strip_prefix(&up) {
                upgrading.push(pid.to_string());
            } else if let Some(pid) = file.strip_prefix(&ol) {
                old.push(pid.to_string());
            }
        }
        (upgrading, old)
    }

    /// Syncs the parent folder, so the renames in it last (best effort: a kill does not
    /// undo a rename anyway, only a power cut could).
    fn sync(&self) {
        if let Ok(folder) = std::fs::File::open(&self.parent) {
            let _ = folder.sync_all();
        }
    }
}

/// Removes an index folder that is garbage: its `meta.json` first, so that what a kill
/// leaves is no index any more (and is never taken for one by [`recover`]).
fn remove(dir: &Path) {
    let _ = std::fs::remove_file(dir.join("meta.json"));
    let _ = std::fs::remove_dir_all(dir);
}

/// Puts the new index at `dir` when an upgrade was killed between its two renames (see the
/// module's docs), and removes the old one. Does nothing when `dir` exists. Returns whether
/// an index is at `dir` now.
pub(crate) fn recover(dir: &Path) -> bool {
    if std::fs::symlink_metadata(dir).is_ok() {
        return exists(dir);
    }
    let siblings = Siblings::of(dir);
    let (upgrading, old) = siblings.left_behind();
    for pid in old {
        let old = siblings.old(&pid);
        if !exists(&old) {
            continue;
        }
        let new = siblings.upgrading(&pid);
        if !upgrading.contains(&pid) || !exists(&new) {
            // No upgrade leaves this (step 5 removes `meta.json` first): what a user
            // deleted `dir` after is not brought back.
            continue;
        }
        // The new index was complete before the old one was moved (step 2 came first). A
        // rename fails rather than replace a folder that another process put there first.
        let recovered = std::fs::rename(&new, dir).is_ok();
        if recovered {
            siblings.sync();
        }
        if exists(dir) {
            if recovered && exists(&old) {
                remove(&old);
            }
            break;
        }
    }
    exists(dir)
}

/// Removes what killed upgrades of `dir` left: partial builds, and old indexes already
/// replaced. Called with `dir`'s writer lock held, so no other upgrade of it is under way
/// (one between its renames would have left no `dir` to lock). A `.old-P` beside a
/// `.upgrading-P` is an interrupted swap, whose two indexes are both kept.
fn clean_up(dir: &Path) {
    let siblings = Siblings::of(dir);
    let (upgrading, old) = siblings.left_behind();
    let swapping = |pid: &String| exists(&siblings.old(pid)) && upgrading.contains(pid);
    for pid in &upgrading {
        if !swapping(pid) {
            remove(&siblings.upgrading(pid));
        }
    }
    for pid in &old {
        if !swapping(pid) {
            remove(&siblings.old(pid));
        }
    }
}

pub(crate) fn upgrade(
    dir: &Path,
    mut on_progress: impl FnMut(UpgradeProgress),
) -> Result<UpgradeReport> {
    if !recover(dir) {
        return Err(Error::NoIndex {
            path: dir.to_path_buf(),
        });
    }
    let current = UpgradeReport {
        path: dir.to_path_buf(),
        upgraded: false,
        from_format: FORMAT_VERSION,
        from_analyzer: ANALYZER_VERSION,
        articles: 0,
        skipped: Vec::new(),
    };
    // Asked first without the lock, which a writer of a current index holds. What a
    // killed upgrade left behind is removed if no one holds it.
    if Index::open(dir).is_ok() {
        if let Ok(_lock) = lock(dir) {
            clean_up(dir);
        }
        return Ok(current);
    }
    let old = Old::open(dir)?;
    let (from_format, from_analyzer) = old.meta.as_ref().map_or((0, 0), |m| (m.format, m.analyzer));
    let mut report = UpgradeReport {
        path: dir.to_path_buf(),
        upgraded: false,
        from_format,
        from_analyzer,
        articles: 0,
        skipped: Vec::new(),
    };
    // Again with the lock held: an upgrade that finished meanwhile left a current index.
    match Index::open(dir) {
        Ok(_) => return Ok(current),
        Err(Error::IncompatibleIndex { .. }) => {}
        Err(e) => return Err(e),
    }
    clean_up(dir);

    let siblings = Siblings::of(dir);
    // This process's id, made unique should a process of the same id have left an
    // interrupted swap (which `clean_up` keeps).
    let mut pid = std::process::id().to_string();
    for k in 1.. {
        let taken = |p: &str| {
            std::fs::symlink_metadata(siblings.upgrading(p)).is_ok()
                || std::fs::symlink_metadata(siblings.old(p)).is_ok()
        };
        if !taken(&pid) {
            break;
        }
        pid = format!("{}.{k}", std::process::id());
    }
    let new = siblings.upgrading(&pid);
    let built = build(&old, &new, &mut report, &mut on_progress);
    if let Err(e) = built {
        remove(&new);
        return Err(e);
    }

    // The swap (steps 3 to 5 of the module's docs).
    let moved = siblings.old(&pid);
    if let Err(e) = std::fs::rename(dir, &moved) {
        remove(&new);
        return Err(write_error(dir)(e));
    }
    siblings.sync();
    if let Err(e) = std::fs::rename(&new, dir) {
        // Another process may have recovered the new index into place already.
        if !exists(dir) {
            // Put the old one back; it is whole.
            let _ = std::fs::rename(&moved, dir);
            return Err(write_error(dir)(e));
        }
    }
    siblings.sync();
    drop(old);
    remove(&moved);
    report.upgraded = true;
    Ok(report)
}

/// Writes every article of `old` into a new index at `new`, and commits it.
fn build(
    old: &Old,
    new: &Path,
    report: &mut UpgradeReport,
    on_progress: &mut impl FnMut(UpgradeProgress),
) -> Result<()> {
    // The new folder gets the old one's permissions (for an archive others may read), but
    // this process must be able to write it until it is complete.
    let permissions = std::fs::metadata(&old.path).map(|m| m.permissions()).ok();
    std::fs::create_dir_all(new).map_err(write_error(new))?;
    if let Some(p) = &permissions {
        std::fs::set_permissions(new, writable(p.clone())).map_err(write_error(new))?;
    }
    let index = Index::create(new)?;
    // No one else knows the new folder, but a process spawned meanwhile (by another thread
    // of an embedding program) holds the lock of the writer `create` just closed until it
    // starts its program: wait for that.
    let started = std::time::Instant::now();
    let mut writer = loop {
        match index.writer_with(WriterOptions::default()) {
            Err(Error::IndexLocked { .. }) if started.elapsed().as_secs() < 10 => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            other => break other?,
        }
    };
    let total = old.searcher.num_docs();
    let mut read = 0;
    // tantivy trusts its files and may panic on damaged ones.
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        old.articles(|item| {
            match item {
                Ok(a) => {
                    let from = Provenance {
                        origin: a.origin.as_deref(),
                        stamp: a.stamp,
                        collection: a.collection.as_deref(),
                    };
                    writer.put(&a.article, from)?;
                }
                Err(skipped) => report.skipped.push(skipped),
            }
            read += 1;
            on_progress(UpgradeProgress {
                articles: read,
                total,
            });
            Ok(())
        })
    }));
    match read {
        Ok(read) => {
            read?;
        }
        Err(payload) => {
            let detail = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unreadable data".into());
            return Err(Error::Damaged {
                path: old.path.clone(),
                detail,
            });
        }
    }
    writer.set_bundled(old.meta.as_ref().and_then(|m| m.bundled.clone()));
    writer.commit()?;
    report.articles = index.len();
    if let Some(p) = permissions {
        std::fs::set_permissions(new, p).map_err(write_error(new))?;
    }
    Ok(())
}

/// `permissions` with the owner's right to write and enter.
fn writable(permissions: std::fs::Permissions) -> std::fs::Permissions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::Permissions::from_mode(permissions.mode() | 0o700)
    }
    #[cfg(not(unix))]
    {
        let mut permissions = permissions;
        permissions.set_readonly(false);
        permissions
    }
}
