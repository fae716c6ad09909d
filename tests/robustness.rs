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

/// A running `nachlese index -` that holds the writer lock while it waits for input.
fn writer_waiting_for_input(env: &Env) -> std::process::Child {
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("nachlese"))
        .current_dir(env.path())
        .env("XDG_CACHE_HOME", env.cache.path())
        .args(["index", "--index"])
        .arg(env.index())
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // One article, so that it has certainly opened the writer before we go on.
    let stdin = child.stdin.as_mut().unwrap();
    writeln!(stdin, "{}", record("w1", "Wartend", "2024-01-01", "x")).unwrap();
    stdin.flush().unwrap();
    // It opens the writer (taking the lock) before it reads; give it time to start. (No
    // other writer may probe meanwhile: the probe could take the lock first.)
    std::thread::sleep(Duration::from_millis(1500));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the writer ended early"
    );
    child
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
    drop(first.stdin.take());
    assert!(first.wait().unwrap().success());
    assert_eq!(count(&env), 41);
}

#[test]
fn a_killed_writer_does_not_block_the_next_one() {
    let env = Env::new();
    small_index(&env);
    let mut first = writer_waiting_for_input(&env);
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
            r#"{"format":5,"analyzer":1}"#,
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
                .stderr(predicate::str::contains(
                    "rebuild it: delete the folder and index the documents again",
                ));
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
