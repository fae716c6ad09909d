//! The test harness: fresh folders per test and a command for the built binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use tempfile::TempDir;

/// A test's own world: a working folder, a cache folder (where the default index lives) and
/// an index folder, all deleted afterwards.
pub struct Env {
    pub dir: TempDir,
    pub cache: TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("temp dir"),
            cache: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// The working folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// A path inside the working folder.
    pub fn join(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// The index folder tests use with `--index`.
    pub fn index(&self) -> PathBuf {
        self.join("idx")
    }

    /// Writes a file (creating folders), returns its path.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&path, contents).expect("write");
        path
    }

    /// `nachlese ARGS` in the working folder, with the default index in this test's cache,
    /// no colour forced either way, and no NACHLESE_INDEX from the outside.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("nachlese").expect("binary");
        cmd.current_dir(self.dir.path())
            .env("XDG_CACHE_HOME", self.cache.path())
            .env("HOME", self.cache.path())
            .env_remove("NACHLESE_INDEX")
            .env_remove("NO_COLOR")
            // A panic's trace would show even where nachlese turns it into an error.
            .env_remove("RUST_BACKTRACE")
            .args(args);
        cmd
    }

    /// `nachlese ARGS --index <test index>`.
    pub fn on_index(&self, args: &[&str]) -> Command {
        let mut cmd = self.cmd(args);
        cmd.arg("--index").arg(self.index());
        cmd
    }

    /// Runs `nachlese ARGS --index <test index> --json` and parses standard output.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.on_index(args).arg("--json").output().expect("run");
        parse_json(&out)
    }

    /// Runs `nachlese ARGS --json` on the default index (the bundled corpus) and parses
    /// standard output.
    pub fn json_default(&self, args: &[&str]) -> serde_json::Value {
        let out = self.cmd(args).arg("--json").output().expect("run");
        parse_json(&out)
    }

    /// Indexes files into the test index and asserts success.
    pub fn index_files(&self, paths: &[&str]) {
        let mut args = vec!["index"];
        args.extend_from_slice(paths);
        self.on_index(&args).assert().success();
    }

    /// The ids of `search ARGS --json`, in order.
    pub fn ids(&self, args: &[&str]) -> Vec<String> {
        let mut full = vec!["search"];
        full.extend_from_slice(args);
        let v = self.json(&full);
        ids_of(&v)
    }
}

pub fn parse_json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

pub fn ids_of(v: &serde_json::Value) -> Vec<String> {
    v["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| h["id"].as_str().expect("id").to_string())
        .collect()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// One JSON Lines record.
pub fn record(id: &str, title: &str, date: &str, body: &str) -> String {
    serde_json::json!({"id": id, "title": title, "date": date, "body": body}).to_string()
}

/// The project's folder.
pub fn project() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file or folder of the shared data beside the clone (`../shared/...`), or `None` with a
/// printed note when it is absent (as on a user's fresh clone), so the test can skip.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let path = project().join("..").join("shared").join(rel);
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "note: {} is absent; skipping the part of this test that needs it",
            path.display()
        );
        None
    }
}

/// A snapshot of an index folder: every file's name and a digest of its contents, to prove
/// nothing changed.
pub fn snapshot(dir: &Path) -> Vec<(String, String)> {
    use sha2::{Digest, Sha256};
    let mut files: Vec<(String, String)> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        // The lock files are created and released by every writer.
        .filter(|e| !e.file_name().to_string_lossy().ends_with(".lock"))
        .map(|e| {
            let mut bytes = std::fs::read(e.path()).unwrap();
            // tantivy's list of its files is a set, written in hash order: compare it as one.
            if e.file_name() == ".managed.json" {
                let mut names: Vec<String> = serde_json::from_slice(&bytes).unwrap();
                names.sort();
                bytes = names.join("\n").into_bytes();
            }
            (
                e.path().strip_prefix(dir).unwrap().display().to_string(),
                Sha256::digest(&bytes)
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect(),
            )
        })
        .collect();
    files.sort();
    files
}
