//! Adding, replacing and deleting articles, and committing the change.

use std::collections::HashSet;
use std::hash::{BuildHasher, RandomState};

use tantivy::{IndexWriter, Searcher, TantivyDocument, Term};

use super::Index;
use super::document::to_document;
use super::meta::CommitMeta;
use std::path::PathBuf;

use crate::corpus::{Article, Document, Documents, InputError};
use crate::{Error, Result};

/// How an index writer may use the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WriterOptions {
    /// Indexing threads (at least 1).
    pub threads: usize,
    /// Memory budget for buffered documents, in bytes, shared by the threads; at least
    /// 15 MB per thread.
    pub memory_bytes: usize,
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
        }
    }
}

impl WriterOptions {
    fn normalised(self) -> (usize, usize) {
        let threads = self.threads.max(1);
        let memory = self.memory_bytes.max(threads * MIN_MEMORY_PER_THREAD);
        (threads, memory)
    }
}

/// How far [`Writer::add_paths_with_progress`] has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Documents added so far.
    pub documents: u64,
    /// Bytes of input read so far.
    pub bytes: u64,
}

/// What a writer did, counted per article.

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteStats {
    /// Articles whose id was not in the index.
    pub added: u64,
    /// Articles that replaced one with the same id (also within the same batch).
    pub updated: u64,
    /// Articles deleted.
    pub deleted: u64,
}

/// Changes an index; nothing is visible, to this process or any other, until
/// [`commit`](Writer::commit). Dropping a writer without committing discards every change.
///
/// Only one writer can be open on an index at a time, across processes.
///
/// ```
/// use nachlese::{Article, Index};
///
/// let index = Index::create_in_ram()?;
/// let mut writer = index.writer()?;
/// writer.add(&Article::new("a", "Kim in Moskau", "2024-01-16", "Choe Son Hui traf Lawrow.")?)?;
/// writer.add(&Article::new("a", "Choe Son Hui in Moskau", "2024-01-16", "...")?)?;
/// let stats = writer.commit()?;
/// assert_eq!((stats.added, stats.updated), (1, 1));
/// assert_eq!(index.len(), 1);
/// # Ok::<(), nachlese::Error>(())
/// ```
pub struct Writer<'a> {
    index: &'a Index,
    inner: Option<IndexWriter<TantivyDocument>>,
    committed: Searcher,
    /// Hashes of the ids added in this batch, to count repeats as updates.
    seen: HashSet<u64>,
    hasher: RandomState,
    stats: WriteStats,
    meta: CommitMeta,
}

impl<'a> Writer<'a> {
    pub(crate) fn new(index: &'a Index, options: WriterOptions) -> Result<Writer<'a>> {
        let (threads, memory) = options.normalised();
        let options = tantivy::indexer::IndexWriterOptions::builder()
            .num_worker_threads(threads)
            .memory_budget_per_thread(memory / threads)
            // A merge reads its segments through memory maps, which count as the process's
            // memory: one merge at a time (tantivy's default is four), each of capped size
            // (see `merges`), keeps a large build's peak near the writer's budget plus one
            // merge.
            .num_merge_threads(1)
            .build();
        let inner = index
            .inner
            .writer_with_options(options)
            .map_err(|e| match e {
                tantivy::TantivyError::LockFailure(..) => Error::IndexLocked {
                    path: index.path.clone().unwrap_or_default(),
                },
                e => Error::Tantivy(e),
            })?;
        inner.set_merge_policy(Box::new(super::merges::CappedMerges::default()));
        // Read the committed state only now that we hold the lock: no one can change it.
        index.reader.reload()?;
        // A brand-new index has no metadata yet; its first commit writes it.
        let meta = index
            .committed_meta()
            .unwrap_or_else(|_| CommitMeta::current(None));
        Ok(Writer {
            index,
            inner: Some(inner),
            committed: index.reader.searcher(),
            seen: HashSet::new(),
            hasher: RandomState::new(),
            stats: WriteStats::default(),
            meta,
        })
    }

    fn inner(&self) -> &IndexWriter<TantivyDocument> {
        // Only `commit` and `drop` take it out, and both consume the writer.
        self.inner.as_ref().expect("writer used after commit")
    }

    fn id_term(&self, id: &str) -> Term {
        Term::from_field_text(self.index.fields.id, id)
    }

    fn exists(&mut self, id: &str) -> Result<bool> {
        let in_batch = self.seen.contains(&self.hasher.hash_one(id));
        Ok(in_batch || self.committed.doc_freq(&self.id_term(id))? > 0)
    }

    /// Adds an article, replacing any article with the same id.
    pub fn add(&mut self, article: &Article) -> Result<()> {
        self.put(article, None, None)
    }

    /// Adds a document read from a file, remembering the file (for `--prune`).
    pub fn add_document(&mut self, doc: &Document) -> Result<()> {
        let origin = doc.origin.path.to_string_lossy();
        self.put(&doc.article, Some(&origin), None)
    }

    pub(crate) fn put(
        &mut self,
        article: &Article,
        origin: Option<&str>,
        collection: Option<&str>,
    ) -> Result<()> {
        article
            .validate()
            .map_err(|e| Error::InvalidArticle(format!("{}: {e}", article.id)))?;

        let existed = self.exists(&article.id)?;
        if existed {
            self.stats.updated += 1;
        } else {
            self.stats.added += 1;
        }
        self.seen.insert(self.hasher.hash_one(&article.id));

        let doc = to_document(&self.index.fields, article, origin, collection);
        let writer = self.inner();
        // A new id needs no delete: deletes cost a term lookup in every segment at commit.
        if existed {
            writer.delete_term(self.id_term(&article.id));
        }
        writer.add_document(doc)?;
        Ok(())
    }

    /// Reads every document in `paths` (files and folders, see [`Documents`]) and adds it.
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
        paths: impl IntoIterator<Item = PathBuf>,
        on_error: impl FnMut(InputError) -> Result<(), InputError>,
    ) -> Result<u64> {
        self.add_paths_with_progress(paths, on_error, |_| {})
    }

    /// [`add_paths`](Self::add_paths), telling `on_progress` after every document how far
    /// the reading has come (compare [`Progress::bytes`] with
    /// [`corpus::input_bytes`](crate::corpus::input_bytes) for a share done).
    pub fn add_paths_with_progress(
        &mut self,
        paths: impl IntoIterator<Item = PathBuf>,
        mut on_error: impl FnMut(InputError) -> Result<(), InputError>,
        mut on_progress: impl FnMut(Progress),
    ) -> Result<u64> {
        let mut added = 0;
        let mut documents = Documents::new(paths);
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
        Ok(added)
    }

    /// Deletes the article with this id; returns whether there was one.
    pub fn delete(&mut self, id: &str) -> Result<bool> {
        let existed = self.exists(id)?;
        self.inner().delete_term(self.id_term(id));
        if existed {
            self.stats.deleted += 1;
        }
        Ok(existed)
    }

    /// Deletes every article of a collection (the bundled corpus).
    pub(crate) fn delete_collection(&mut self, collection: &str) {
        let term = Term::from_field_text(self.index.fields.collection, collection);
        self.inner().delete_term(term);
    }

    pub(crate) fn set_bundled(&mut self, fingerprint: Option<String>) {
        self.meta.bundled = fingerprint;
    }

    /// What the writer has done so far.
    pub fn stats(&self) -> WriteStats {
        self.stats
    }

    /// Makes every change visible, atomically, and waits for background merges.
    pub fn commit(mut self) -> Result<WriteStats> {
        let Some(mut inner) = self.inner.take() else {
            return Ok(self.stats);
        };
        let mut prepared = inner.prepare_commit()?;
        prepared.set_payload(&CommitMeta::current(self.meta.bundled.clone()).to_payload());
        prepared.commit()?;
        inner.wait_merging_threads()?;
        self.index.reader.reload()?;
        Ok(self.stats)
    }

    /// Discards every change since the writer was opened (as dropping it does).
    pub fn rollback(mut self) -> Result<()> {
        self.discard()
    }

    fn discard(&mut self) -> Result<()> {
        if let Some(mut inner) = self.inner.take() {
            inner.rollback()?;
            // Segments written before the rollback are garbage now; remove them so the
            // folder holds exactly what it held before.
            let _ = inner.garbage_collect_files().wait();
        }
        Ok(())
    }
}

impl Drop for Writer<'_> {
    fn drop(&mut self) {
        let _ = self.discard();
    }
}
