//! Trust under stress: damaged files, a second writer, a killed writer's lock, searches
//! while another process indexes, and an index from another version.

use std::io::Write;
use std::process::{Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

use predicates::prelude::*;

use crate::util::{Env, record, snapshot, stderr};

fn count(env: &Env) -> u64 {
    env.json(&["stats"])["documents"].as_u64().unwrap()
}

fn small_index(env: &Env) {
    let lines: Vec<String> = (0..40)
        .map(|i| {
            record(
                &format!("d{i}"),
                &format!("Bericht {i} aus Pjöngjang"),
                "2024-02-20",
                "Kim Jong-un empfing den russischen Verteidigungsminister Schoigu.",
            )
        })
        .collect();
    env.write("in.jsonl", lines.join("\n"));
    env.index_files(&["in.jsonl"]);
}

/// A running `nachlese index -` that holds the writer lock while it waits for input (none
/// sent yet: it writes nothing to the index until some comes).
fn writer_waiting_for_input(env: &Env) -> std::process::Child {
    writer_waiting_for_input_telling(env, Stdio::null())
}

/// [`writer_waiting_for_input`], its standard error going to `stderr`.
fn writer_waiting_for_input_telling(env: &Env, stderr: Stdio) -> std::process::Child {
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("nachlese"))
        .current_dir(env.path())
        .env("XDG_CACHE_HOME", env.cache.path())
        .args(["index", "--index"])
        .arg(env.index())
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(stderr)
        .spawn()
        .unwrap();
    // It opens the writer (taking the lock) before it reads: wait until it holds the lock
    // and waits for input. (Observed from outside: a probe by another writer could take the
    // lock first.)
    wait_until_waiting_with_lock(&mut child, &env.index().join(".tantivy-writer.lock"));
    child
}

/// One article, `w1`, for the waiting writer.
fn feed_w1(writer: &mut std::process::Child) {
    let stdin = writer.stdin.as_mut().unwrap();
    writeln!(stdin, "{}", record("w1", "Wartend", "2024-01-01", "x")).unwrap();
    stdin.flush().unwrap();
}

/// Waits (up to a minute) until `child` holds the writer lock `lock` and is blocked reading
/// its standard input, observed without touching the lock: the child has the file open
/// (`/proc/PID/fd`), the kernel lists a lock on it (`/proc/locks`), and its main thread
/// sleeps in `read(0, ...)` (`/proc/PID/syscall`). Without /proc (off Linux), waits a few
/// seconds instead.
fn wait_until_waiting_with_lock(child: &mut std::process::Child, lock: &std::path::Path) {
    let proc = std::path::PathBuf::from(format!("/proc/{}", child.id()));
    if !proc.join("fd").is_dir() {
        std::thread::sleep(Duration::from_secs(3));
        assert!(
            child.try_wait().unwrap().is_none(),
            "the writer ended early"
        );
        return;
    }
    let started = Instant::now();
    loop {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the writer ended before it waited for input"
        );
        if lock_is_held_by(&proc, lock) && reads_stdin(&proc) {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the writer has not taken the lock and waited for input after {:?}",
            started.elapsed()
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Whether the main thread of process `proc` (`/proc/PID`) is blocked in `read` on its
/// standard input; `true` where the syscall's number is not known here.
fn reads_stdin(proc: &std::path::Path) -> bool {
    // The number of `read`: /proc/PID/syscall gives it, then the arguments in hex.
    let read = if cfg!(target_arch = "x86_64") {
        "0"
    } else if cfg!(target_arch = "aarch64") || cfg!(target_arch = "riscv64") {
        "63"
    } else {
        return true;
    };
    let Ok(syscall) = std::fs::read_to_string(proc.join("syscall")) else {
        return true; // not readable here: the lock alone says it
    };
    let mut fields = syscall.split_whitespace();
    fields.next() == Some(read) && fields.next() == Some("0x0")
}

/// Whether process `proc` (`/proc/PID`) has `lock` open, and the kernel lists a lock on
/// that file (where /proc/locks can be read).
#[cfg(unix)]
fn lock_is_held_by(proc: &std::path::Path, lock: &std::path::Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let Ok(want) = std::fs::metadata(lock) else {
        return false; // not created yet
    };
    let Ok(entries) = std::fs::read_dir(proc.join("fd")) else {
        return false;
    };
    // Each entry is a link to an open file; its metadata is the file's.
    let open = entries.filter_map(Result::ok).any(|fd| {
        std::fs::metadata(fd.path()).is_ok_and(|m| m.dev() == want.dev() && m.ino() == want.ino())
    });
    if !open {
        return false;
    }
    // "1: FLOCK  ADVISORY  WRITE 21141 fe:00:10043441 0 EOF": the file is MAJOR:MINOR:INODE.
    match std::fs::read_to_string("/proc/locks") {
        Ok(locks) => locks.lines().any(|line| {
            line.split_whitespace().any(|field| {
                field.matches(':').count() == 2
                    && field.rsplit(':').next() == Some(want.ino().to_string().as_str())
            })
        }),
        Err(_) => true,
    }
}

#[cfg(not(unix))]
fn lock_is_held_by(_proc: &std::path::Path, _lock: &std::path::Path) -> bool {
    true
}

#[test]
fn a_second_writer_is_refused_at_once_and_changes_nothing() {
    let env = Env::new();
    small_index(&env);
    let mut first = writer_waiting_for_input(&env);
    let before = snapshot(&env.index());
    env.write("more.jsonl", record("m1", "Mehr", "2024-03-01", "x"));
    let started = Instant::now();
    env.on_index(&["index", "more.jsonl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "is in use by another process that is writing to it",
        ));
    assert!(started.elapsed() < Duration::from_secs(5), "not at once");
    assert_eq!(snapshot(&env.index()), before);
    // Searching meanwhile is fine.
    env.on_index(&["search", "Pjöngjang"]).assert().success();
    // The first writer goes on: its article is committed.
    feed_w1(&mut first);
    drop(first.stdin.take());
    assert!(first.wait().unwrap().success());
    assert_eq!(count(&env), 41);
}

#[test]
fn ctrl_c_while_indexing_says_nothing_was_committed_and_exits_130() {
    let env = Env::new();
    small_index(&env);
    let before = snapshot(&env.index());
    let mut child = writer_waiting_for_input_telling(&env, Stdio::piped());
    // An article read and added, then Ctrl-C (SIGINT) before the input ends.
    feed_w1(&mut child);
    std::thread::sleep(Duration::from_millis(200));
    let sent = StdCommand::new("kill")
        .args(["-s", "INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    // Its input stays open: the interruption, not the end of the input, ends it.
    let input = child.stdin.take();
    let out = child.wait_with_output().unwrap();
    drop(input);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(130), "{err}");
    assert!(
        err.ends_with("nachlese: interrupted; nothing was committed\n"),
        "{err:?}"
    );
    let meta = |env: &Env| std::fs::read(env.index().join("meta.json")).unwrap();
    assert_eq!(count(&env), 40);
    env.on_index(&["show", "w1"]).assert().code(1);
    // The commit is the one before; what the writer had begun to write is garbage, which
    // the next writer removes.
    let committed = meta(&env);
    env.index_files(&["in.jsonl"]);
    assert_eq!(meta(&env), committed);
    assert_eq!(snapshot(&env.index()), before);
}

#[test]
fn a_killed_writer_does_not_block_the_next_one() {
    let env = Env::new();
    small_index(&env);
    let mut first = writer_waiting_for_input(&env);
    // An article it may have begun to add, or not: either way it never commits it.
    feed_w1(&mut first);
    first.kill().unwrap(); // SIGKILL: no chance to clean up
    first.wait().unwrap();
    // The lock file is still there, but the lock died with the process.
    assert!(env.index().join(".tantivy-writer.lock").exists());
    env.write("more.jsonl", record("m1", "Mehr", "2024-03-01", "x"));
    env.index_files(&["more.jsonl"]);
    // The killed writer's article was never committed.
    assert_eq!(count(&env), 41);
    env.on_index(&["show", "w1"]).assert().code(1);
}

#[test]
fn searches_while_another_process_indexes_see_whole_commits() {
    let env = Env::new();
    small_index(&env);
    // Forty commits of ten articles each, in another process, while we search.
    for batch in 0..40 {
        let lines: Vec<String> = (0..10)
            .map(|i| {
                record(
                    &format!("b{batch}-{i}"),
                    &format!("Nachtrag {batch} aus Pjöngjang"),
                    "2024-02-21",
                    "Lawrow reiste nach Pjöngjang.",
                )
            })
            .collect();
        env.write(&format!("batches/{batch:02}.jsonl"), lines.join("\n"));
    }
    let index = env.index();
    let dir = env.path().to_path_buf();
    let cache = env.cache.path().to_path_buf();
    let writer = std::thread::spawn(move || {
        for batch in 0..40 {
            let status = StdCommand::new(assert_cmd::cargo::cargo_bin("nachlese"))
                .current_dir(&dir)
                .env("XDG_CACHE_HOME", &cache)
                .args(["index", "-q", "--threads", "1", "--index"])
                .arg(&index)
                .arg(format!("batches/{batch:02}.jsonl"))
                .stderr(Stdio::null())
                .status()
                .unwrap();
            assert!(status.success());
        }
    });
    let mut seen = Vec::new();
    while !writer.is_finished() {
        let out = env
            .on_index(&["search", "Pjöngjang", "--json", "--limit", "1"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        seen.push(v["total"].as_u64().unwrap());
    }
    writer.join().unwrap();
    assert!(
        seen.len() > 5,
        "too few searches to mean anything: {seen:?}"
    );
    // Every answer is a whole commit: 40 plus ten per batch, and never going back.
    assert!(seen.iter().all(|n| (n - 40) % 10 == 0), "{seen:?}");
    assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
    assert_eq!(count(&env), 440);
    env.on_index(&["check"]).assert().success();
}

/// Rewrites the nachlese payload of the last commit in meta.json.
fn set_payload(env: &Env, payload: &str) {
    let path = env.index().join("meta.json");
    let mut meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    meta["payload"] = payload.into();
    std::fs::write(&path, meta.to_string()).unwrap();
}

#[test]
fn an_index_of_another_format_or_analyzer_is_refused_with_how_to_rebuild() {
    let env = Env::new();
    small_index(&env);
    for (payload, says) in [
        (
            r#"{"format":3,"analyzer":3}"#,
            "was written in format 3 but this nachlese uses format",
        ),
        (
            r#"{"format":6,"analyzer":1}"#,
            "was analysed with analyzer version 1",
        ),
    ] {
        set_payload(&env, payload);
        for args in [
            &["search", "Pjöngjang"][..],
            &["index", "in.jsonl"],
            &["check"],
        ] {
            env.on_index(args)
                .assert()
                .code(2)
                .stderr(predicate::str::contains(says))
                .stderr(predicate::str::contains("run `nachlese upgrade --index"))
                .stderr(predicate::str::contains("delete").not());
        }
    }
}

#[test]
fn damaged_files_give_errors_never_a_crash() {
    let env = Env::new();
    small_index(&env);
    let files: Vec<_> = std::fs::read_dir(env.index())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|e| {
                ["store", "idx", "term", "pos", "fast", "fieldnorm"].contains(&e.to_str().unwrap())
            })
        })
        .collect();
    assert!(!files.is_empty());
    let pristine: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap()).collect();
    let mut tries = 0;
    for (file, bytes) in files.iter().zip(&pristine) {
        // Damage the file at six places spread over it, one at a time.
        for k in 0..6 {
            let at = bytes.len() * k / 6;
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x5a;
            std::fs::write(file, &damaged).unwrap();
            for args in [
                &["search", "Pjöngjang Schoigu"][..],
                &["show", "d7"],
                &["stats"],
                &["check"],
            ] {
                let out = env.on_index(args).output().unwrap();
                let code = out.status.code();
                assert!(
                    matches!(code, Some(0..=2)),
                    "{args:?} with {} damaged at {at}: exit {code:?}\n{}",
                    file.display(),
                    stderr(&out)
                );
                assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
                tries += 1;
            }
            // `check` always notices.
            env.on_index(&["check"]).assert().code(2);
        }
        std::fs::write(file, bytes).unwrap();
    }
    assert!(tries > 50);
    env.on_index(&["check"]).assert().success();
}
