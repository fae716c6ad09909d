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
        Command::from_std(self.std_cmd(args))
    }

    /// What `cmd` runs, as a `std::process::Command`.
    fn std_cmd(&self, args: &[&str]) -> std::process::Command {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_nachlese"));
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

    /// `nachlese ARGS` as `cmd` runs it (same folder, same variables), but as another user:
    /// nobody (uid and gid [`OTHER_USER`], no supplementary groups), for what file
    /// permissions deny. Only root may switch users: elsewhere running it fails.
    ///
    /// The test's working and cache folders (mode 0700, as tempfile makes them) are opened
    /// to others (0755) so that nobody can enter and read them; anything else nobody needs
    /// (writing to an index, reading files made 0600) the test grants itself.
    #[cfg(unix)]
    pub fn as_other_user(&self, args: &[&str]) -> Command {
        use std::os::unix::fs::PermissionsExt;
        use std::os::unix::process::CommandExt;
        for dir in [self.dir.path(), self.cache.path()] {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755))
                .expect("open the test's folder to others");
        }
        let mut cmd = self.std_cmd(args);
        // The group first, then the user (std does it in this order, and drops root's
        // supplementary groups itself when it changes the user).
        cmd.gid(OTHER_USER).uid(OTHER_USER);
        Command::from_std(cmd)
    }

    /// `nachlese ARGS --index <test index>` run so that file permissions apply to it: as
    /// this user where they do, or else (root) as [`Env::as_other_user`], with the test
    /// index handed over to that user so that it may open and write it. `None`, through
    /// [`skip_or_fail`], where neither is possible (permissions do not apply, and the
    /// user cannot be switched).
    #[cfg(unix)]
    pub fn on_index_where_permissions_apply(&self, args: &[&str]) -> Option<Command> {
        if permissions_apply() {
            return Some(self.on_index(args));
        }
        if !can_switch_user() {
            skip_or_fail(
                "file permissions do not apply to this user (root), and it cannot run \
                 nachlese as another user",
            );
            return None;
        }
        if self.index().exists() {
            give_to_other_user(&self.index());
        }
        let mut cmd = self.as_other_user(args);
        cmd.arg("--index").arg(self.index());
        Some(cmd)
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

/// Whether the tests run on CI (`CI=true`), where everything they need is provided.
pub fn on_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v.eq_ignore_ascii_case("true") || v == "1")
}

/// A test that cannot run (part of) itself, for want of `what` (shared data, a tool), calls
/// this and then skips that part. On a user's machine that prints a note; on CI
/// (`CI=true`), where nothing may be missing, it fails the test: a skip there would look
/// like a pass.
#[track_caller]
pub fn skip_or_fail(what: &str) {
    assert!(
        !on_ci(),
        "{what}: on CI (CI=true) this fails instead of skipping"
    );
    eprintln!("note: {what}; skipping the part of this test that needs it");
}

/// A file or folder of the shared data beside the clone (`../shared/...`), or `None` after
/// [`skip_or_fail`] when it is absent (as on a user's fresh clone), so the test can skip.
#[track_caller]
pub fn shared(rel: &str) -> Option<PathBuf> {
    let path = project().join("..").join("shared").join(rel);
    if path.exists() {
        Some(path)
    } else {
        skip_or_fail(&format!("{} is absent", path.display()));
        None
    }
}

/// The user (and group) [`Env::as_other_user`] runs as: nobody.
pub const OTHER_USER: u32 = 65534;

/// Whether file permissions apply to this process: not to root (nor to anyone else with
/// the capability to override them). Tried once on a file of mode 0000.
#[cfg(unix)]
pub fn permissions_apply() -> bool {
    use std::os::unix::fs::PermissionsExt;
    static APPLY: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *APPLY.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("locked");
        std::fs::write(&file, "x").expect("write");
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).expect("chmod");
        std::fs::read(&file).is_err()
    })
}

/// Whether this process can run a program as [`OTHER_USER`] (it must be root to).
#[cfg(unix)]
pub fn can_switch_user() -> bool {
    use std::os::unix::process::CommandExt;
    static CAN: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *CAN.get_or_init(|| {
        std::process::Command::new(env!("CARGO_BIN_EXE_nachlese"))
            .arg("--version")
            .gid(OTHER_USER)
            .uid(OTHER_USER)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    })
}

/// Makes [`OTHER_USER`] the owner of `path` and everything in it (root only).
#[cfg(unix)]
pub fn give_to_other_user(path: &Path) {
    for entry in walkdir::WalkDir::new(path) {
        let entry = entry.expect("walk");
        std::os::unix::fs::lchown(entry.path(), Some(OTHER_USER), Some(OTHER_USER))
            .unwrap_or_else(|e| panic!("chown {}: {e}", entry.path().display()));
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
