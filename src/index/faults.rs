//! Fault injection, as SQLite tests its I/O error handling: an index folder that fails the
//! N-th write, sync, rename or read with a chosen system error, and a test that makes
//! every step of small indexing, deleting and pruning runs fail in turn.
//!
//! After each fault the run must end in an error that says what happened in words (or
//! succeed, where the step was one it can do without); the index must hold exactly what
//! it held before, unless the error says the commit was made; `check` must pass; and the
//! same run must succeed once the fault is gone.
//!
//! `cargo test --lib faults` runs each fault point once, with the three errors in turn;
//! `NACHLESE_FAULTS=all cargo test --release --lib faults -- --nocapture` tries all three
//! errors at every point and prints the tally.

use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    AntiCallToken, Directory, DirectoryLock, FileHandle, Lock, TerminatingWrite, WatchCallback,
    WatchHandle, WritePtr,
};

use super::Index;
use super::folder::Folder;
use crate::{Error, WriterOptions};

/// `ENOSPC`, `EIO`, `EACCES`.
const ERRORS: [i32; 3] = [28, 5, 13];

/// Which operation fails, and how.
#[derive(Debug)]
struct Plan {
    /// The step (counted over writes, syncs, renames and reads) that fails.
    fail_at: u64,
    /// The system error it fails with.
    errno: i32,
    steps: AtomicU64,
}

impl Plan {
    fn step(&self) -> io::Result<()> {
        if self.steps.fetch_add(1, Ordering::SeqCst) == self.fail_at {
            Err(io::Error::from_raw_os_error(self.errno))
        } else {
            Ok(())
        }
    }

    fn fired(&self) -> bool {
        self.steps.load(Ordering::SeqCst) > self.fail_at
    }
}

/// An index folder whose operations follow a [`Plan`].
#[derive(Debug, Clone)]
struct Faulty {
    inner: Folder,
    plan: Arc<Plan>,
}

/// A file being written, each write and sync a step of the plan.
struct FaultyWrite {
    inner: WritePtr,
    plan: Arc<Plan>,
}

impl Write for FaultyWrite {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.plan.step()?;
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.plan.step()?;
        self.inner.flush()
    }
}

impl TerminatingWrite for FaultyWrite {
    fn terminate_ref(&mut self, token: AntiCallToken) -> io::Result<()> {
        self.plan.step()?;
        self.inner.terminate_ref(token)
    }
}

fn read_error(path: &Path, e: io::Error) -> OpenReadError {
    OpenReadError::wrap_io_error(e, path.to_path_buf())
}

impl Directory for Faulty {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        self.plan.step().map_err(|e| read_error(path, e))?;
        self.inner.get_file_handle(path)
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.plan
            .step()
            .map_err(|e| OpenWriteError::wrap_io_error(e, path.to_path_buf()))?;
        let inner = self.inner.open_write(path)?;
        Ok(io::BufWriter::new(Box::new(FaultyWrite {
            inner,
            plan: self.plan.clone(),
        })))
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.plan.step().map_err(|e| read_error(path, e))?;
        self.inner.atomic_read(path)
    }

    /// A write, a sync and a rename: three steps.
    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.plan.step()?;
        self.plan.step()?;
        self.plan.step()?;
        self.inner.atomic_write(path, data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.plan.step()?;
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        self.inner.acquire_lock(lock)
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

/// The articles an index holds: id and body, in id order.
type Holdings = Vec<(String, String)>;

fn holdings(index: &Index, ids: &[String]) -> Holdings {
    ids.iter()
        .filter_map(|id| {
            let stored = index.get(id).expect("read an article")?;
            Some((id.clone(), stored.article.body))
        })
        .collect()
}

fn jsonl(articles: &[(&str, &str)]) -> String {
    articles
        .iter()
        .map(|(id, body)| {
            let record = serde_json::json!({"id": id, "title": "Bericht", "date": "2024-02-18", "body": body});
            format!("{record}\n")
        })
        .collect()
}

fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
    }
}

/// What a run does to the index: the library calls `nachlese index`, `delete` and
/// `index --prune` make.
#[derive(Debug, Clone, Copy)]
enum Run {
    Index,
    Delete,
    Prune,
}

impl Run {
    fn on(self, index: &Index, sources: &Path) -> crate::Result<()> {
        let mut writer = index.writer_with(WriterOptions {
            threads: 1,
            memory_bytes: 0,
            ..WriterOptions::default()
        })?;
        match self {
            Run::Index => {
                writer.add_paths([sources.to_path_buf()], Err)?;
            }
            Run::Delete => {
                writer.delete("b-1")?;
            }
            Run::Prune => {
                writer.add_paths([sources.to_path_buf()], Err)?;
                writer.prune(&[sources.to_path_buf()])?;
            }
        }
        writer.commit()?;
        Ok(())
    }

    /// Changes the source files as the run expects them changed.
    fn change(self, sources: &Path) {
        match self {
            Run::Index => {
                std::fs::write(
                    sources.join("a.jsonl"),
                    jsonl(&[("a-1", "Die Regierung tagte neu."), ("a-3", "Ein drittes.")]),
                )
                .expect("write");
                std::fs::write(sources.join("d.jsonl"), jsonl(&[("d-1", "Neue Datei.")]))
                    .expect("write");
            }
            Run::Delete => {}
            Run::Prune => std::fs::remove_file(sources.join("c.jsonl")).expect("rm"),
        }
    }
}

/// How the runs with a fault ended.
#[derive(Debug, Default)]
struct Tally {
    points: u64,
    /// Failed with a clear error; the index as before.
    unchanged: u64,
    /// Failed after the commit was made, and said so.
    committed: u64,
    /// The faulted step was one the run could do without: it succeeded.
    succeeded: u64,
}

fn ids() -> Vec<String> {
    ["a-1", "a-2", "a-3", "b-1", "b-2", "c-1", "d-1"]
        .map(String::from)
        .to_vec()
}

/// Runs `run` with a fault at every step in turn, from a fresh copy of the same index.
fn every_fault(run: Run, all_errors: bool) -> Tally {
    let tmp = tempfile::tempdir().expect("temp dir");
    let sources = tmp.path().join("in");
    std::fs::create_dir(&sources).expect("mkdir");
    std::fs::write(
        sources.join("a.jsonl"),
        jsonl(&[("a-1", "Die Regierung tagte."), ("a-2", "Der Haushalt.")]),
    )
    .expect("write");
    std::fs::write(
        sources.join("b.jsonl"),
        jsonl(&[("b-1", "Frauen führen."), ("b-2", "Zwei.")]),
    )
    .expect("write");
    std::fs::write(sources.join("c.jsonl"), jsonl(&[("c-1", "Ein Wagen.")])).expect("write");
    let baseline = tmp.path().join("baseline");
    {
        let index = Index::create(&baseline).expect("create");
        Run::Index.on(&index, &sources).expect("first run");
    }
    run.change(&sources);
    let before = holdings(&Index::open(&baseline).expect("open"), &ids());
    let after = {
        let dir = tmp.path().join("expected");
        copy_folder(&baseline, &dir);
        let index = Index::open(&dir).expect("open");
        run.on(&index, &sources).expect("a run without faults");
        holdings(&index, &ids())
    };
    assert_ne!(before, after, "{run:?} changes nothing");

    let mut tally = Tally::default();
    for fail_at in 0.. {
        let errors: &[i32] = if all_errors {
            &ERRORS
        } else {
            std::slice::from_ref(&ERRORS[fail_at as usize % ERRORS.len()])
        };
        let mut fired = false;
        for &errno in errors {
            let dir = tmp.path().join(format!("run-{fail_at}-{errno}"));
            copy_folder(&baseline, &dir);
            let plan = Arc::new(Plan {
                fail_at,
                errno,
                steps: AtomicU64::new(0),
            });
            let faulty = Faulty {
                inner: Folder::open(&dir).expect("folder"),
                plan: plan.clone(),
            };
            let result = Index::open_in(&dir, &|| Ok(Box::new(faulty.clone()))).and_then(|index| {
                let result = run.on(&index, &sources);
                drop(index);
                result
            });
            if !plan.fired() {
                result.unwrap_or_else(|e| panic!("{run:?} failed with no fault: {e}"));
                continue;
            }
            fired = true;
            tally.points += 1;
            let context = format!("{run:?}, step {fail_at} failing with os error {errno}");
            let index = Index::open(&dir).unwrap_or_else(|e| panic!("{context}: reopen: {e}"));
            let held = holdings(&index, &ids());
            match result {
                Ok(()) => {
                    tally.succeeded += 1;
                    assert_eq!(
                        held, after,
                        "{context}: succeeded but holds the wrong articles"
                    );
                }
                Err(e) => {
                    let text = e.to_string();
                    for bad in ["Os {", "IoError", "kind:", "search engine error", "rebuild"] {
                        assert!(!text.contains(bad), "{context}: unclear error: {text}");
                    }
                    let storage = match &e {
                        Error::NotCommitted(inner) | Error::AfterCommit(inner) => &**inner,
                        e => e,
                    };
                    assert!(
                        matches!(storage, Error::Storage { .. }),
                        "{context}: not told as a storage problem: {text}"
                    );
                    if matches!(e, Error::AfterCommit(_)) {
                        tally.committed += 1;
                        assert_eq!(held, after, "{context}: said committed, but: {text}");
                    } else {
                        // Every other failure, opening the index included, changed nothing.
                        tally.unchanged += 1;
                        assert_eq!(held, before, "{context}: changed, but said: {text}");
                    }
                }
            }
            let report = index.check().expect("check");
            assert!(report.is_sound(), "{context}: {:?}", report.problems);
            // The fault is gone: the same run succeeds and the index mirrors the files.
            run.on(&index, &sources)
                .unwrap_or_else(|e| panic!("{context}: the next run failed: {e}"));
            assert_eq!(holdings(&index, &ids()), after, "{context}: the next run");
            drop(index);
            let _ = std::fs::remove_dir_all(&dir);
        }
        if !fired {
            break;
        }
    }
    tally
}

fn all_errors() -> bool {
    std::env::var("NACHLESE_FAULTS").is_ok_and(|v| v == "all")
}

fn report(run: Run, tally: &Tally) {
    println!(
        "{run:?}: {} fault points: {} failed leaving the index unchanged, {} failed after \
         committing, {} succeeded without the faulted step",
        tally.points, tally.unchanged, tally.committed, tally.succeeded
    );
}

#[test]
fn a_fault_at_any_step_of_indexing_is_told_and_loses_nothing() {
    let tally = every_fault(Run::Index, all_errors());
    report(Run::Index, &tally);
    assert!(tally.points > 20, "{tally:?}");
}

#[test]
fn a_fault_at_any_step_of_deleting_is_told_and_loses_nothing() {
    let tally = every_fault(Run::Delete, all_errors());
    report(Run::Delete, &tally);
    assert!(tally.points > 10, "{tally:?}");
}

#[test]
fn a_fault_at_any_step_of_pruning_is_told_and_loses_nothing() {
    let tally = every_fault(Run::Prune, all_errors());
    report(Run::Prune, &tally);
    assert!(tally.points > 20, "{tally:?}");
}
