//! The index: creating and opening it, writing to it, and reading articles back.

#[cfg(feature = "bundled")]
mod bundled;
mod check;
mod committed;
mod document;
#[cfg(test)]
mod faults;
mod folder;
mod merges;
mod meta;
pub(crate) mod schema;
mod stats;
pub(crate) mod storage;
pub(crate) mod upgrade;
mod writer;

use std::path::{Path, PathBuf};

use tantivy::collector::TopDocs;
use tantivy::directory::Directory;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{IndexReader, ReloadPolicy, TantivyDocument, Term};

#[cfg(feature = "bundled")]
pub use bundled::default_dir;
pub use check::CheckReport;
pub use document::StoredArticle;
pub(crate) use document::from_document;
pub use stats::{MonthCount, Stats};
pub use storage::StorageProblem;
pub use upgrade::{SkippedArticle, UpgradeProgress, UpgradeReport};
pub use writer::{Progress, WriteStats, Writer, WriterOptions};

use crate::analysis;
use crate::{Error, Result};
use folder::Folder;
use meta::CommitMeta;
use schema::Fields;

/// A nachlese index: German news articles, searchable by words and dates.
///
/// ```
/// use nachlese::{Article, Index, SearchRequest};
///
/// let dir = tempfile::tempdir()?;
/// let index = Index::create(dir.path())?;
/// let mut writer = index.writer()?;
/// writer.add(&Article::new(
///     "auto-1",
///     "Putin schenkt Kim ein Auto",
///     "2024-02-20",
///     "Der russische Präsident schenkte dem nordkoreanischen Machthaber einen Wagen.",
/// )?)?;
/// writer.commit()?;
///
/// // Reopen it, as another process would.
/// let index = Index::open(dir.path())?;
/// let results = index.search(&SearchRequest::new("Präsidenten Auto"))?;
/// assert_eq!(results.hits[0].id, "auto-1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Index {
    inner: tantivy::Index,
    reader: IndexReader,
    fields: Fields,
    path: Option<PathBuf>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index").field("path", &self.path).finish()
    }
}

/// A failed file operation on `path` that wrote (or tried to).
pub(crate) fn write_error(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |error| Error::Storage {
        path: path.to_path_buf(),
        access: crate::Access::Write,
        error,
    }
}

/// Whether a folder holds an index (of any kind).
pub(crate) fn exists(dir: &Path) -> bool {
    dir.join("meta.json").is_file()
}

// Index's methods are written in two places: here what stores and maintains it, delegating to
// the module that does the work (stats, check, upgrade, bundled); in search/mod.rs what
// searches it. Its fields are reached only through this module and its children.
impl Index {
    /// Creates an empty index in `dir`, which is created if needed and must not hold an
    /// index already.
    pub fn create(dir: impl AsRef<Path>) -> Result<Index> {
        let dir = dir.as_ref();
        if exists(dir) {
            return Err(Error::IncompatibleIndex {
                path: dir.to_path_buf(),
                reason: upgrade::EXISTS.into(),
            });
        }
        std::fs::create_dir_all(dir).map_err(write_error(dir))?;
        let folder = Folder::open(dir).map_err(|e| Error::from(tantivy::TantivyError::from(e)))?;
        let inner = builder()
            .open_or_create(folder)
            .map_err(|e| Error::from(e).in_folder(Some(dir)))?;
        Index::initialise(inner, Some(dir.to_path_buf()))
    }

    /// Creates an empty index in memory: for tests and short-lived embedding.
    pub fn create_in_ram() -> Result<Index> {
        Index::initialise(builder().create_in_ram()?, None)
    }

    fn initialise(inner: tantivy::Index, path: Option<PathBuf>) -> Result<Index> {
        let index = Index::wrap(inner, path)?;
        // An empty first commit records the versions, so `open` can check them.
        index
            .writer_with(WriterOptions {
                threads: 1,
                memory_bytes: 0,
                ..WriterOptions::default()
            })?
            .commit()?;
        Ok(index)
    }

    /// Opens the index in `dir`, checking that this version of nachlese can use it.
    ///
    /// Safe while another process writes to the index: the last commit is opened, whole.
    pub fn open(dir: impl AsRef<Path>) -> Result<Index> {
        let dir = dir.as_ref();
        match std::fs::metadata(dir.join("meta.json")) {
            Ok(m) if m.is_file() => {}
            // A folder this user may not enter hides an index as well as holding none.
            Err(error) if error.kind() == std::io::ErrorKind::PermissionDenied => {
                return Err(Error::Storage {
                    path: dir.to_path_buf(),
                    access: crate::Access::Read,
                    error,
                });
            }
            // An upgrade killed between its two renames left the index beside `dir`.
            _ if upgrade::recover(dir) => {}
            _ => {
                return Err(Error::NoIndex {
                    path: dir.to_path_buf(),
                });
            }
        }
        Index::open_in(dir, &|| Ok(Box::new(Folder::open(dir)?)))
    }

    /// [`open`](Index::open) with the index's folder read and written through the
    /// directory `directory` makes (anew for each attempt): tests put faults in it.
    pub(crate) fn open_in(
        dir: &Path,
        directory: &dyn Fn() -> tantivy::Result<Box<dyn Directory>>,
    ) -> Result<Index> {
        let incompatible = |reason: String| Error::IncompatibleIndex {
            path: dir.to_path_buf(),
            reason,
        };
        // A writer in another process may commit and delete the files of the commit being
        // opened (merged into others) between reading meta.json and opening them. On Linux
        // an opened file stays readable, so only this moment can fail: then the newer
        // commit is read.
        let mut attempt = 0;
        let (inner, reader) = loop {
            match open_commit(directory) {
                Ok(opened) => break opened,
                Err(e) if vanished(&e) && attempt < OPEN_ATTEMPTS => {
                    attempt += 1;
                    std::thread::sleep(std::time::Duration::from_millis(5 << attempt));
                }
                Err(e) => {
                    return Err(match Error::from(e) {
                        e @ Error::Storage { .. } => e.in_folder(Some(dir)),
                        Error::Tantivy(e) => incompatible(format!("cannot be opened ({e})")),
                        e => e,
                    });
                }
            }
        };
        // The versions first: they say why the schema differs, where it does.
        if let Some(reason) = committed_meta(&inner, Some(dir))?.incompatibility() {
            return Err(incompatible(reason));
        }
        if inner.schema() != schema::build() {
            return Err(incompatible(
                "has another schema (it was not written by this version of nachlese)".into(),
            ));
        }
        Index::assemble(inner, reader, Some(dir.to_path_buf()))
    }

    /// Opens the index in `dir`, or creates it if there is none.
    pub fn open_or_create(dir: impl AsRef<Path>) -> Result<Index> {
        let dir = dir.as_ref();
        if upgrade::recover(dir) {
            Index::open(dir)
        } else {
            Index::create(dir)
        }
    }

    fn wrap(inner: tantivy::Index, path: Option<PathBuf>) -> Result<Index> {
        analysis::register(inner.tokenizers());
        let reader = reader(&inner)?;
        Index::assemble(inner, reader, path)
    }

    fn assemble(
        inner: tantivy::Index,
        reader: IndexReader,
        path: Option<PathBuf>,
    ) -> Result<Index> {
        let fields = Fields::of(&inner.schema()).ok_or_else(|| Error::IncompatibleIndex {
            path: path.clone().unwrap_or_default(),
            reason: "lacks nachlese's fields".into(),
        })?;
        Ok(Index {
            inner,
            reader,
            fields,
            path,
        })
    }

    pub(crate) fn committed_meta(&self) -> Result<CommitMeta> {
        committed_meta(&self.inner, self.path.as_deref())
    }

    /// Runs `f`, which reads the index's files, turning a panic into an error: tantivy
    /// trusts its files and panics on some kinds of damage (which `check` finds by their
    /// checksums).
    pub(crate) fn guarded<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|payload| {
            let detail = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unreadable data".into());
            Err(Error::Damaged {
                path: self.path.clone().unwrap_or_default(),
                detail,
            })
        })
    }

    /// The folder of the index (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Counts the articles, their date span and how many appeared each month.
    ///
    /// Reads only the date column, not the stored articles: fast on any size.
    pub fn stats(&self) -> Result<Stats> {
        stats::stats(self)
    }

    /// Verifies the index: every file of the last commit is intact (tantivy's checksums),
    /// every live article has exactly one id and no id is live twice, and every segment's
    /// stored articles and dates cover its documents. An index this version cannot use at
    /// all fails to [open](Index::open) already.
    ///
    /// ```
    /// use nachlese::{Article, Index};
    ///
    /// let index = Index::create_in_ram()?;
    /// let mut writer = index.writer()?;
    /// writer.add(&Article::new("a", "Titel", "2024-02-20", "Text")?)?;
    /// writer.commit()?;
    /// let report = index.check()?;
    /// assert!(report.is_sound(), "{:?}", report.problems);
    /// assert_eq!(report.articles, 1);
    /// # Ok::<(), nachlese::Error>(())
    /// ```
    pub fn check(&self) -> Result<CheckReport> {
        check::check(self)
    }

    /// Rebuilds the index in `dir`, written by another version of nachlese (another analyzer
    /// or format, which [`Index::open`] refuses), from the articles it stores: no source file
    /// is needed. Each article keeps its id, text, dates and the file it came from, so
    /// indexing that file again later still skips it while it is unchanged, and pruning
    /// still finds it.
    ///
    /// The new index is built beside the old one and replaces it only once complete: a kill
    /// at any moment leaves one of the two whole (an upgrade or [`Index::open`] puts it
    /// back in place if a kill came between the two renames of the swap). The old index is
    /// locked for writing meanwhile, so this fails with [`Error::IndexLocked`] while a
    /// writer is open.
    ///
    /// `on_progress` hears after every article how far the upgrade has come. An index that
    /// is current already is left alone ([`UpgradeReport::upgraded`] is `false`); a folder
    /// that holds no nachlese index is an error.
    ///
    /// ```
    /// use nachlese::{Article, Index};
    ///
    /// let dir = tempfile::tempdir()?;
    /// let index = Index::create(dir.path())?;
    /// let mut writer = index.writer()?;
    /// writer.add(&Article::new("a", "Kim in Moskau", "2024-01-16", "Choe Son Hui traf Lawrow.")?)?;
    /// writer.commit()?;
    /// drop(index);
    ///
    /// // An index of this version needs no upgrade.
    /// let report = Index::upgrade(dir.path(), |_| {})?;
    /// assert!(!report.upgraded);
    /// assert_eq!(Index::open(dir.path())?.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn upgrade(
        dir: impl AsRef<Path>,
        on_progress: impl FnMut(UpgradeProgress),
    ) -> Result<UpgradeReport> {
        upgrade::upgrade(dir.as_ref(), on_progress)
    }

    /// Opens the index in `dir` that holds the bundled corpus, building it there on first use
    /// and bringing it up to date when the bundled corpus has changed. Feature `bundled` (on
    /// by default).
    ///
    /// Articles added to it with a [`Writer`] stay when the bundled corpus is
    /// refreshed. An index from another version of nachlese is
    /// [upgraded](Index::upgrade), keeping them too; one that cannot be upgraded is rebuilt
    /// if it holds nothing but the bundled corpus.
    #[cfg(feature = "bundled")]
    pub fn open_bundled(dir: impl AsRef<Path>) -> Result<Index> {
        bundled::open_bundled(dir.as_ref())
    }

    /// A searcher over the last commit this index has loaded (search reads through it).
    pub(crate) fn searcher(&self) -> tantivy::Searcher {
        self.reader.searcher()
    }

    /// The schema's fields.
    pub(crate) fn fields(&self) -> Fields {
        self.fields
    }

    /// Opens a writer with the default [`WriterOptions`].
    pub fn writer(&self) -> Result<Writer> {
        self.writer_with(WriterOptions::default())
    }

    /// Opens a writer; fails with [`Error::IndexLocked`] if another one is open.
    pub fn writer_with(&self, options: WriterOptions) -> Result<Writer> {
        Writer::new(self, options)
    }

    /// Picks up commits made since the index was opened (by another process, say).
    pub fn reload(&self) -> Result<()> {
        Ok(self.reader.reload()?)
    }

    /// The number of articles.
    pub fn len(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Whether the index holds no article.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The article with this id, as stored.
    pub fn get(&self, id: &str) -> Result<Option<StoredArticle>> {
        self.guarded(|| {
            let searcher = self.reader.searcher();
            let query = TermQuery::new(
                Term::from_field_text(self.fields.id, id),
                IndexRecordOption::Basic,
            );
            let top = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
            let Some((_, address)) = top.into_iter().next() else {
                return Ok(None);
            };
            let doc: TantivyDocument = searcher.doc(address)?;
            Ok(Some(document::from_document(&self.fields, &doc)))
        })
    }
}

/// How often [`Index::open`] reads a newer commit when the files of the one it was opening
/// vanished.
const OPEN_ATTEMPTS: u32 = 6;

/// Opens the last commit in the folder `directory` makes: the index and a reader of it.
fn open_commit(
    directory: &dyn Fn() -> tantivy::Result<Box<dyn Directory>>,
) -> tantivy::Result<(tantivy::Index, IndexReader)> {
    let inner = tantivy::Index::open(directory()?)?;
    analysis::register(inner.tokenizers());
    let reader = reader(&inner)?;
    Ok((inner, reader))
}

fn reader(inner: &tantivy::Index) -> tantivy::Result<IndexReader> {
    inner
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
}

/// Whether opening failed because a file of the commit is gone.
fn vanished(e: &tantivy::TantivyError) -> bool {
    use tantivy::directory::error::OpenReadError;
    matches!(
        e,
        tantivy::TantivyError::OpenReadError(OpenReadError::FileDoesNotExist(_))
    )
}

/// A new tantivy index with nachlese's schema and settings. The articles' text is stored
/// lz4-compressed, tantivy's default: zstd (level 3) makes the index a fifth smaller, but
/// decompressing the hits' blocks made a whole `nachlese search` process about 0.7 ms
/// (a tenth) slower on 20,000 articles, and every search pays that, while disk is cheap.
fn builder() -> tantivy::IndexBuilder {
    let settings = tantivy::IndexSettings {
        docstore_compression: tantivy::store::Compressor::Lz4,
        ..tantivy::IndexSettings::default()
    };
    tantivy::Index::builder()
        .schema(schema::build())
        .settings(settings)
}

/// What nachlese recorded in the last commit of `inner` (at `path`).
fn committed_meta(inner: &tantivy::Index, path: Option<&Path>) -> Result<CommitMeta> {
    /// The one part of tantivy's meta.json that nachlese writes.
    #[derive(serde::Deserialize)]
    struct Committed {
        payload: Option<String>,
    }
    // Only the payload is read: tantivy's `load_metas` would parse the schema and the
    // segment list a third time in an `open` (a tenth of a millisecond in every search
    // process). A file it cannot read gets tantivy's own error.
    let bytes = inner
        .directory()
        .atomic_read(Path::new("meta.json"))
        .map_err(tantivy::TantivyError::from)?;
    let payload = match serde_json::from_slice::<Committed>(&bytes) {
        Ok(committed) => committed.payload,
        Err(_) => inner.load_metas()?.payload,
    };
    CommitMeta::parse(payload.as_deref()).ok_or_else(|| Error::IncompatibleIndex {
        path: path.map(Path::to_path_buf).unwrap_or_default(),
        reason: "carries no nachlese version information".into(),
    })
}
