//! Adding, replacing and deleting articles, and committing the change.

use std::collections::HashSet;
use std::hash::{BuildHasher, RandomState};
use std::path::PathBuf;

use tantivy::{IndexWriter, TantivyDocument, Term};

use super::Index;
use super::committed::Committed;
use super::document::{Provenance, canonical, content_hash, origin_key, origin_path, to_document};
use super::meta::CommitMeta;
use crate::corpus::{Article, Document, Documents, FieldMap, InputError, Source, file_stamp};
use crate::{Error, Result};

/// How an index writer may use the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct WriterOptions {
    /// Indexing threads (at least 1).
    pub threads: usize,
    /// Memory budget for buffered documents, in bytes, shared by the threads; at least
    /// 15 MB per thread.
    pub memory_bytes: usize,
    /// Whether to index the dates each article mentions (on by default). Off is for
    /// measuring what it costs: articles written so are not found by mentioned dates.
    pub mentions: bool,
}

/// The smallest memory budget tantivy accepts per thread.
const MIN_MEMORY_PER_THREAD: usize = 15_000_000;

impl Default for WriterOptions {
    /// All cores up to four, and 256 MB.
    fn default() -> Self {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        WriterOptions {
            threads,
            memory_bytes: 256 << 20,
            mentions: true,
        }
    }
}

impl WriterOptions {
    /// These options with `threads` indexing threads.
    ///
    /// ```
    /// let options = nachlese::WriterOptions::default().threads(1).memory_bytes(64 << 20);
    /// assert_eq!((options.threads, options.memory_bytes), (1, 64 << 20));
    /// ```
    pub fn threads(mut self, threads: usize) -> WriterOptions {
        self.threads = threads;
        self
    }

    /// These options with a memory budget of `bytes`.
    pub fn memory_bytes(mut self, bytes: usize) -> WriterOptions {
        self.memory_bytes = bytes;
        self
    }

    /// These options with the indexing of mentioned dates on or off.
    pub fn mentions(mut self, mentions: bool) -> WriterOptions {
        self.mentions = mentions;
        self
    }

    fn normalised(self) -> (usize, usize) {
        let threads = self.threads.max(1);
        let memory = self.memory_bytes.max(threads * MIN_MEMORY_PER_THREAD);
        (threads, memory)
    }
}

/// How far [`Writer::add_paths_with_progress`] has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Progress {
    /// Documents added so far.
    pub documents: u64,
    /// Bytes of input read so far.
    pub bytes: u64,
}

/// What a writer did, counted per article.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[non_exhaustive]
pub struct WriteStats {
    /// Articles whose id was not in the index.
    pub added: u64,
    /// Articles that replaced one with the same id (also within the same batch).
    pub updated: u64,
    /// Articles given again exactly as the index holds them: nothing was rewritten.
    pub unchanged: u64,
    /// Articles deleted (also by pruning).
    pub deleted: u64,
    /// Files skipped because they had not changed since they were indexed.
    pub unchanged_files: u64,
}

/// Changes an index; nothing is visible, to this process or any other, until
/// [`commit`](Writer::commit), which makes the changes since the last commit visible at once
/// to searches of every clone of the [`Index`]. A writer can be kept and committed again and
/// again (a long-running program keeps one); dropping it discards what was not committed,
/// then waits for the merges of segments it started.
///
/// Only one writer can be open on an index at a time, across processes. A writer holds a
/// clone of its index (cheap: clones share everything), so it can be moved to another
/// thread or kept in a struct beside the index.
///
/// ```
/// use nachlese::{Article, Index, SearchRequest};
///
/// let index = Index::create_in_ram()?;
/// let mut writer = index.writer()?;
/// writer.add(&Article::new("a", "Kim in Moskau", "2024-01-16", "Choe Son Hui traf Lawrow.")?)?;
/// writer.add(&Article::new("a", "Choe Son Hui in Moskau", "2024-01-16", "...")?)?;
/// let stats = writer.commit()?;
/// assert_eq!((stats.added, stats.updated), (1, 1));
/// assert_eq!(index.len(), 1);
///
/// // The same writer goes on; each commit counts its own changes.
/// writer.add(&Article::new("b", "Lawrow in Pjöngjang", "2024-01-17", "Ein Besuch.")?)?;
/// assert_eq!(writer.commit()?.added, 1);
/// assert_eq!(index.search(&SearchRequest::new("Lawrow"))?.hits[0].id, "b");
/// # Ok::<(), nachlese::Error>(())
/// ```
pub struct Writer {
    index: Index,
    inner: Option<IndexWriter<TantivyDocument>>,
    committed: Committed,
    /// Hashes of the ids put in this batch, to count repeats as updates.
    seen: HashSet<u64>,
    hasher: RandomState,
    stats: WriteStats,
    meta: CommitMeta,
    /// Whether the commit metadata changed (then a commit is due even with no article).
    meta_changed: bool,
    /// The collections deleted in this batch: their articles are all written anew.
    cleared: Vec<String>,
    /// Whether [`add_paths`](Writer::add_paths) skips files unchanged since indexed.
    skip_unchanged: bool,
    /// Whether articles' mentioned dates are indexed.
    mentions: bool,
    /// The file of the last document added, and its [`origin_key`].
    last_origin: Option<(PathBuf, String)>,
    /// Where [`add_paths`](Writer::add_paths) finds the fields of JSON and CSV records.
    field_map: Option<FieldMap>,
}

impl std::fmt::Debug for Writer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Writer")
            .field("index", &self.index)
            .field("stats", &self.stats)
            .finish_non_exhaustive()
    }
}

impl Writer {
    pub(crate) fn new(index: &Index, options: WriterOptions) -> Result<Writer> {
        let (threads, memory) = options.normalised();
        let mentions = options.mentions;
        let options = tantivy::indexer::IndexWriterOptions::builder()
            .num_worker_threads(threads)
            .memory_budget_per_thread(memory / threads)
            // A merge reads its segments through memory maps, which count as the process's
            // memory: one merge at a time (tantivy's default is four), each of capped size
            // (see `merges`), keeps a large build's peak near the writer's budget plus one
            // merge.
            .num_merge_threads(1)
            .build();
        let here = index.path.as_deref();
        let inner = index
            .inner
            .writer_with_options(options)
            .map_err(|e| match e {
                tantivy::TantivyError::LockFailure(
                    tantivy::directory::error::LockError::LockBusy,
                    _,
                ) => Error::IndexLocked {
                    path: index.path.clone().unwrap_or_default(),
                },
                e => Error::from(e).in_folder(here),
            })?;
        inner.set_merge_policy(Box::new(super::merges::CappedMerges::default()));
        // A writer killed before it committed leaves files behind (segments, deletions named
        // by the commit's number), and this writer would number its commit the same and fail
        // to write them: remove what the last commit does not use.
        inner
            .garbage_collect_files()
            .wait()
            .map_err(|e| Error::from(e).in_folder(here))?;
        // Read the committed state only now that we hold the lock: no one can change it.
        index
            .reader
            .reload()
            .map_err(|e| Error::from(e).in_folder(here))?;
        // A brand-new index has no metadata yet; its first commit writes it.
        let (meta, meta_changed) = match index.committed_meta() {
            Ok(meta) => (meta, false),
            Err(_) => (CommitMeta::current(None), true),
        };
        Ok(Writer {
            index: index.clone(),
            inner: Some(inner),
            committed: Committed::new(index.reader.searcher(), index.fields)?,
            seen: HashSet::new(),
            hasher: RandomState::new(),
            stats: WriteStats::default(),
            meta,
            meta_changed,
            cleared: Vec::new(),
            skip_unchanged: true,
            mentions,
            last_origin: None,
            field_map: None,
        })
    }

    /// tantivy's writer; gone once a failure made this one discard its changes.
    fn inner(&self) -> Result<&IndexWriter<TantivyDocument>> {
        self.inner.as_ref().ok_or(Error::WriterFailed)
    }

    /// The error that stopped tantivy's writer, with the index left as it was committed.
    ///
    /// When an indexing thread fails (no space left, say), adding reports only that the
    /// thread is gone; its own error comes with joining the threads, which preparing a commit
    /// does. That commit is never made: the writer is discarded.
    fn failed(&mut self, e: tantivy::TantivyError) -> Error {
        let mut cause = e;
        if let Some(mut inner) = self.inner.take() {
            if let Err(real) = inner.prepare_commit() {
                cause = real;
            }
            // Remove what the failed batch wrote, as dropping a writer does: space is short.
            if inner.rollback().is_ok() {
                let _ = inner.garbage_collect_files().wait();
            }
        }
        Error::from(cause)
            .in_folder(self.index.path.as_deref())
            .not_committed()
    }

    fn id_term(&self, id: &str) -> Term {
        Term::from_field_text(self.index.fields.id, id)
    }

    fn exists(&self, id: &str) -> Result<bool> {
        let in_batch = self.seen.contains(&self.hasher.hash_one(id));
        Ok(in_batch || self.committed.hash_of(id)?.is_some())
    }

    /// Adds an article, replacing any article with the same id.
    pub fn add(&mut self, article: &Article) -> Result<()> {
        self.put(article, Provenance::default())
    }

    /// Adds a document read from a file, remembering the file (for pruning, and to skip it
    /// while it is unchanged).
    pub fn add_document(&mut self, doc: &Document) -> Result<()> {
        let origin = if !doc.origin.is_file() {
            None
        } else {
            // A file's documents come one after the other, and resolving its path asks the
            // file system every time: remember the last file's key.
            if self
                .last_origin
                .as_ref()
                .is_none_or(|(p, _)| *p != doc.origin.path)
            {
                let key = origin_key(&doc.origin.path);
                self.last_origin = Some((doc.origin.path.clone(), key));
            }
            self.last_origin.as_ref().map(|(_, key)| key.clone())
        };
        let from = Provenance {
            origin: origin.as_deref(),
            stamp: doc.origin.stamp,
            collection: None,
        };
        self.put(&doc.article, from)
    }

    pub(crate) fn put(&mut self, article: &Article, from: Provenance) -> Result<()> {
        article
            .validate()
            .map_err(|e| Error::InvalidArticle(format!("{}: {e}", article.id)))?;
        let hash = content_hash(article, &from);
        let id = self.hasher.hash_one(&article.id);
        let in_batch = !self.seen.insert(id);
        let rewrite = from
            .collection
            .is_some_and(|c| self.cleared.iter().any(|x| x == c));
        let existed = if in_batch {
            true
        } else if rewrite {
            self.committed.hash_of(&article.id)?.is_some()
        } else {
            match self.committed.hash_of(&article.id)? {
                Some(h) if h == hash => {
                    self.stats.unchanged += 1;
                    return Ok(());
                }
                Some(_) => true,
                None => false,
            }
        };
        if existed {
            self.stats.updated += 1;
        } else {
            self.stats.added += 1;
        }
        let doc = to_document(&self.index.fields, article, &from, hash, self.mentions);
        let writer = self.inner()?;
        // A new id needs no delete: deletes cost a term lookup in every segment at commit.
        if existed {
            writer.delete_term(self.id_term(&article.id));
        }
        if let Err(e) = writer.add_document(doc) {
            return Err(self.failed(e));
        }
        Ok(())
    }

    /// Makes [`add_paths`](Writer::add_paths) read every file, also those that have not
    /// changed since they were indexed (which it skips by default): to see a file's problems
    /// again, say.
    pub fn read_unchanged_files(&mut self) {
        self.skip_unchanged = false;
    }

    /// Makes [`add_paths`](Writer::add_paths) read the fields of JSON, JSON Lines and CSV
    /// records where `map` says (see [`FieldMap`]).
    pub fn map_fields(&mut self, map: FieldMap) {
        self.field_map = Some(map);
    }

    /// Reads every document in `paths` (files and folders, or streams: see [`Documents`])
    /// and adds it.
    /// A file whose [stamp](crate::corpus::file_stamp) is the one its articles carry in the
    /// index has not changed since and is skipped.
    ///
    /// Each unreadable document or file goes to `on_error`: returning the error stops the
    /// reading with it (the writer is then usually dropped, discarding everything), returning
    /// `Ok(())` skips the document and goes on. Returns how many documents were added.
    ///
    /// ```
    /// use nachlese::Index;
    ///
    /// let dir = tempfile::tempdir()?;
    /// std::fs::write(dir.path().join("a.jsonl"),
    ///     "{\"id\":\"a\",\"title\":\"T\",\"date\":\"2024-01-01\",\"body\":\"\"}\nkaputt\n")?;
    /// let index = Index::create_in_ram()?;
    ///
    /// // Stop at the first problem: nothing is committed.
    /// let mut writer = index.writer()?;
    /// let err = writer.add_paths([dir.path().to_path_buf()], Err).unwrap_err();
    /// assert!(err.to_string().ends_with("a.jsonl:2: malformed JSON: expected an article object `{...}`"));
    /// drop(writer);
    /// assert_eq!(index.len(), 0);
    ///
    /// // Or skip the bad documents and keep the good ones.
    /// let mut writer = index.writer()?;
    /// let mut skipped = Vec::new();
    /// let added = writer.add_paths([dir.path().to_path_buf()], |e| Ok(skipped.push(e)))?;
    /// writer.commit()?;
    /// assert_eq!((added, skipped.len(), index.len()), (1, 1, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_paths(
        &mut self,
        paths: impl IntoIterator<Item = impl Into<Source>>,
        on_error: impl FnMut(InputError) -> Result<(), InputError>,
    ) -> Result<u64> {
        self.add_paths_with_progress(paths, on_error, |_| {})
    }

    /// [`add_paths`](Self::add_paths), telling `on_progress` after every document how far
    /// the reading has come (compare [`Progress::bytes`] with
    /// [`corpus::input_bytes`](crate::corpus::input_bytes) for a share done).
    pub fn add_paths_with_progress(
        &mut self,
        paths: impl IntoIterator<Item = impl Into<Source>>,
        mut on_error: impl FnMut(InputError) -> Result<(), InputError>,
        mut on_progress: impl FnMut(Progress),
    ) -> Result<u64> {
        let mut added = 0;
        let mut documents = Documents::new(paths);
        if let Some(map) = &self.field_map {
            documents = documents.map_fields(map.clone());
        }
        if self.skip_unchanged {
            let committed = self.committed.clone();
            documents = documents.skip_unchanged(move |path, stamp| {
                committed.file_unchanged(&origin_key(path), stamp)
            });
        }
        while let Some(item) = documents.next() {
            match item {
                Ok(doc) => {
                    self.add_document(&doc)?;
                    added += 1;
                }
                Err(e) => on_error(e)?,
            }
            on_progress(Progress {
                documents: added,
                bytes: documents.bytes_read(),
            });
        }
        self.stats.unchanged_files += documents.skipped_files();
        Ok(added)
    }

    /// Deletes the articles read from files under `roots` (files or folders) that are gone,
    /// or that have changed and no longer hold them (call it after reading the files again):
    /// the index then mirrors those files. Articles from other files, from streams or added
    /// directly are kept. Returns how many were deleted.
    pub fn prune(&mut self, roots: &[PathBuf]) -> Result<u64> {
        let roots: Vec<PathBuf> = roots.iter().map(|r| canonical(r)).collect();
        let mut deleted = 0;
        for key in self.committed.origins()? {
            let Some(path) = origin_path(&key) else {
                continue;
            };
            if !roots.iter().any(|r| path.starts_with(r)) {
                continue;
            }
            let unchanged = std::fs::metadata(&path)
                .is_ok_and(|m| m.is_file() && self.committed.file_unchanged(&key, file_stamp(&m)));
            if unchanged {
                continue;
            }
            // The file is gone or was read again: its articles not put in this batch are no
            // longer in it.
            for id in self.committed.ids_from(&key)? {
                if self.seen.insert(self.hasher.hash_one(&id)) {
                    self.inner()?.delete_term(self.id_term(&id));
                    deleted += 1;
                }
            }
        }
        self.stats.deleted += deleted;
        Ok(deleted)
    }

    /// Deletes the article with this id; returns whether there was one.
    pub fn delete(&mut self, id: &str) -> Result<bool> {
        let existed = self.exists(id)?;
        self.inner()?.delete_term(self.id_term(id));
        if existed {
            self.stats.deleted += 1;
        }
        // Whatever happens to this id from now on happens to an article no longer there.
        self.seen.remove(&self.hasher.hash_one(id));
        Ok(existed)
    }

    /// Deletes every article of a collection (the bundled corpus).
    #[cfg_attr(not(feature = "bundled"), expect(dead_code))]
    pub(crate) fn delete_collection(&mut self, collection: &str) -> Result<()> {
        let term = Term::from_field_text(self.index.fields.collection, collection);
        self.inner()?.delete_term(term);
        self.cleared.push(collection.to_string());
        Ok(())
    }

    pub(crate) fn set_bundled(&mut self, fingerprint: Option<String>) {
        self.meta_changed |= self.meta.bundled != fingerprint;
        self.meta.bundled = fingerprint;
    }

    /// What the writer has done so far.
    pub fn stats(&self) -> WriteStats {
        self.stats
    }

    /// Makes every change since the last commit visible, atomically, and returns what they
    /// were. With no change (every article given was there already), the index is left as
    /// it was. The writer stays open for more changes.
    ///
    /// After an error nothing of the batch was committed unless the error is
    /// [`Error::AfterCommit`]; a writer whose indexing failed refuses further changes with
    /// [`Error::WriterFailed`].
    pub fn commit(&mut self) -> Result<WriteStats> {
        let s = self.stats;
        let changed = s.added + s.updated + s.deleted > 0 || self.meta_changed;
        if !changed {
            self.discard()?;
            return Ok(s);
        }
        let here = self.index.path.as_deref();
        let inner = self.inner.as_mut().ok_or(Error::WriterFailed)?;
        let mut prepared = match inner.prepare_commit() {
            Ok(prepared) => prepared,
            Err(e) => return Err(Error::from(e).in_folder(here).not_committed()),
        };
        prepared.set_payload(&CommitMeta::current(self.meta.bundled.clone()).to_payload());
        let opstamp = prepared.opstamp();
        if let Err(e) = prepared.commit() {
            let e = Error::from(e).in_folder(here);
            // The commit may fail after its meta.json was renamed into place (syncing the
            // folder, say): then it is made, if perhaps not yet durable, and saying the
            // index is unchanged would be false.
            let made = self
                .index
                .inner
                .load_metas()
                .is_ok_and(|m| m.opstamp == opstamp);
            // Either way what tantivy's writer holds is no longer what the index holds.
            self.discard_writer();
            return Err(if made {
                Error::AfterCommit(Box::new(e))
            } else {
                e.not_committed()
            });
        }
        // The commit is made: what follows only brings this writer and the index's searches
        // up to it.
        let after =
            |e: tantivy::TantivyError| Error::AfterCommit(Box::new(Error::from(e).in_folder(here)));
        self.index.reader.reload().map_err(after)?;
        self.committed = Committed::new(self.index.reader.searcher(), self.index.fields)
            .map_err(|e| Error::AfterCommit(Box::new(e)))?;
        self.start_batch();
        Ok(s)
    }

    /// Discards every change since the last commit (or since the writer was opened); the
    /// writer stays open.
    pub fn rollback(&mut self) -> Result<()> {
        self.discard()
    }

    fn discard(&mut self) -> Result<()> {
        if let Some(inner) = self.inner.as_mut() {
            inner.rollback()?;
            // Segments written before the rollback are garbage now; remove them so the
            // folder holds exactly what it held before.
            let _ = inner.garbage_collect_files().wait();
        }
        self.start_batch();
        Ok(())
    }

    /// Drops tantivy's writer, which then refuses every change.
    fn discard_writer(&mut self) {
        if let Some(mut inner) = self.inner.take() {
            let _ = inner.rollback();
            let _ = inner.garbage_collect_files().wait();
        }
    }

    /// Forgets the counts and ids of the last batch, committed or discarded.
    fn start_batch(&mut self) {
        self.stats = WriteStats::default();
        self.seen.clear();
        self.cleared.clear();
        self.meta_changed = false;
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        if let Some(mut inner) = self.inner.take() {
            let s = self.stats;
            if s.added + s.updated + s.deleted > 0 || self.meta_changed {
                let _ = inner.rollback();
                let _ = inner.garbage_collect_files().wait();
            }
            // Merges the commits started finish before the program goes on (or ends), so
            // that the index is left in its merged shape.
            let _ = inner.wait_merging_threads();
        }
    }
}
