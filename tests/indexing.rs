//! `nachlese index`: formats, folders, updates, and bad input that changes nothing.

use std::path::Path;

use predicates::prelude::*;

use crate::util::{Env, record, snapshot, stderr};

const MD: &str = "+++\nid = \"md-1\"\ntitle = \"Schoigu in Pjöngjang\"\ndate = 2023-07-26\nsource = \"Test\"\ntags = [\"Russland\"]\n+++\nDer Verteidigungsminister traf Kim.\n";

fn count(env: &Env) -> u64 {
    env.json(&["stats"])["documents"].as_u64().unwrap()
}

#[test]
fn reads_every_format_and_walks_folders() {
    let env = Env::new();
    env.write("in/a.md", MD);
    env.write(
        "in/sub/b.json",
        format!("{}\n", record("json-1", "Ein Objekt", "2023-01-01", "x")),
    );
    env.write(
        "in/sub/c.json",
        format!(
            "[\n{},\n{}\n]",
            record("arr-1", "Eins", "2023-01-02", "x"),
            record("arr-2", "Zwei", "2023-01-03", "x")
        ),
    );
    env.write(
        "in/d.jsonl",
        format!(
            "{}\n\n{}\n",
            record("l-1", "L1", "2023-01-04", "x"),
            record("l-2", "L2", "2023-01-05", "x")
        ),
    );
    env.write("in/e.NDJSON", record("nd-1", "ND", "2023-01-06", "x"));
    // Not articles: skipped when walking.
    env.write("in/notes.txt", "nichts");
    env.write("in/.hidden/x.jsonl", "kaputt");
    env.write("in/.y.json", "kaputt");
    env.on_index(&["index", "in"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "indexed 7 article(s): 7 new, 0 updated",
        ));
    assert_eq!(count(&env), 7);
    let v = env.json(&["show", "md-1"]);
    assert_eq!(v["tags"][0], "Russland");
    assert_eq!(v["source"], "Test");
    // The file, absolute, so that it can be found again from anywhere.
    let origin = v["origin"].as_str().unwrap();
    assert!(Path::new(origin).is_absolute(), "{origin}");
    assert!(origin.ends_with("in/a.md"), "{origin}");
}

#[test]
fn reads_json_lines_from_standard_input() {
    let env = Env::new();
    env.on_index(&["index", "-"])
        .write_stdin(format!(
            "{}\n{}\n",
            record("s-1", "A", "2024-01-01", "x"),
            record("s-2", "B", "2024-01-01", "x")
        ))
        .assert()
        .success();
    assert_eq!(count(&env), 2);
}

#[test]
fn dates_become_utc() {
    let env = Env::new();
    env.write(
        "a.jsonl",
        [
            record("offset", "A", "2024-02-20T09:00:00+09:00", "x"),
            record("no-offset", "B", "2024-02-20T09:00:00", "x"),
            record("day", "C", "2024-02-20", "x"),
        ]
        .join("\n"),
    );
    env.index_files(&["a.jsonl"]);
    assert_eq!(
        env.json(&["show", "offset"])["date"],
        "2024-02-20T00:00:00Z"
    );
    assert_eq!(
        env.json(&["show", "no-offset"])["date"],
        "2024-02-20T09:00:00Z"
    );
    assert_eq!(env.json(&["show", "day"])["date"], "2024-02-20T00:00:00Z");
}

#[test]
fn same_id_again_is_an_update_never_a_duplicate() {
    let env = Env::new();
    env.write("a.md", MD);
    env.write("b.jsonl", record("l-1", "Alt", "2023-01-01", "x"));
    env.index_files(&["a.md", "b.jsonl"]);
    // Unchanged files are skipped...
    env.on_index(&["index", "a.md", "b.jsonl"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "0 new, 0 updated; 2 unchanged file(s) skipped; the index holds 2 article(s)",
        ));
    // ...and read with --force, which finds the articles as the index holds them.
    env.on_index(&["index", "--force", "a.md", "b.jsonl"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "0 new, 0 updated, 2 unchanged; the index holds 2 article(s)",
        ));
    assert_eq!(count(&env), 2);
    env.write("b.jsonl", record("l-1", "Neu", "2023-01-01", "x"));
    env.index_files(&["b.jsonl"]);
    assert_eq!(count(&env), 2);
    assert_eq!(env.json(&["show", "l-1"])["title"], "Neu");
    assert_eq!(env.ids(&["Alt"]), Vec::<String>::new());
    // Twice in one batch: the later one wins.
    env.write(
        "c.jsonl",
        [
            record("dup", "Erst", "2023-01-01", "x"),
            record("dup", "Dann", "2023-01-01", "x"),
        ]
        .join("\n"),
    );
    env.index_files(&["c.jsonl"]);
    assert_eq!(count(&env), 3);
    assert_eq!(env.json(&["show", "dup"])["title"], "Dann");
}

/// Each bad input: exit 2, a message naming file and line, and the index as it was.
fn rejects(env: &Env, path: &str, says: &str) {
    rejects_by(
        env,
        env.on_index(&["index", "good.jsonl", path]),
        path,
        says,
    );
}

/// As [`rejects`], with `cmd` (`index good.jsonl PATH` on the test index) run as given.
fn rejects_by(env: &Env, mut cmd: assert_cmd::Command, path: &str, says: &str) {
    let before = snapshot(&env.index());
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{path}: {}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains(says), "{path}: expected {says:?} in {err}");
    assert!(
        err.contains("nothing was indexed; the index is unchanged"),
        "{err}"
    );
    assert_eq!(snapshot(&env.index()), before, "{path} changed the index");
    assert_eq!(count(env), 1);
}

fn env_with_one_article() -> Env {
    let env = Env::new();
    env.write("first.jsonl", record("first", "Erster", "2023-01-01", "x"));
    env.index_files(&["first.jsonl"]);
    env.write("good.jsonl", record("good", "Gut", "2023-01-01", "x"));
    env
}

#[test]
fn malformed_json_names_file_and_line() {
    let env = env_with_one_article();
    env.write(
        "bad.jsonl",
        format!(
            "{}\n{{\"id\": \"x\", \"title\": }}\n",
            record("a", "A", "2023-01-01", "x")
        ),
    );
    rejects(&env, "bad.jsonl", "bad.jsonl:2: malformed JSON");
    env.write(
        "bad.json",
        "[\n  {\"id\": \"x\",\n   \"title\": \"T\" \"date\": 1}\n]",
    );
    rejects(&env, "bad.json", "bad.json:3: malformed JSON");
}

#[test]
fn missing_fields_name_the_field_and_line() {
    let env = env_with_one_article();
    env.write(
        "bad.json",
        format!(
            "[\n{},\n{{\"id\": \"x\", \"date\": \"2023-01-01\", \"body\": \"\"}}\n]",
            record("a", "A", "2023-01-01", "x")
        ),
    );
    rejects(
        &env,
        "bad.json",
        "bad.json:3: missing required field `title`",
    );
    env.write("bad.md", "+++\nid = \"x\"\ntitle = \"T\"\n+++\nText");
    rejects(&env, "bad.md", "bad.md:1: missing required field `date`");
    env.write(
        "bad2.jsonl",
        "{\"id\": \"\", \"title\": \"T\", \"date\": \"2023-01-01\", \"body\": \"\"}",
    );
    rejects(&env, "bad2.jsonl", "bad2.jsonl:1: field `id` is empty");
}

#[test]
fn impossible_dates_name_the_value_and_line() {
    let env = env_with_one_article();
    env.write(
        "bad.md",
        "+++\nid = \"x\"\ntitle = \"T\"\nsource = \"S\"\ndate = \"2023-02-29\"\n+++\nText",
    );
    rejects(
        &env,
        "bad.md",
        "bad.md:5: field `date`: invalid date \"2023-02-29\": February 2023 has no day 29",
    );
    env.write("bad.jsonl", record("x", "T", "2023-13-01", "x"));
    rejects(
        &env,
        "bad.jsonl",
        "bad.jsonl:1: field `date`: invalid date \"2023-13-01\"",
    );
    env.write("bad2.jsonl", record("x", "T", "gestern", "x"));
    rejects(
        &env,
        "bad2.jsonl",
        "bad2.jsonl:1: field `date`: invalid date \"gestern\"",
    );
}

#[test]
fn invalid_utf8_names_file_and_line() {
    let env = env_with_one_article();
    let mut bytes = format!(
        "{}\n{}\n",
        record("a", "A", "2023-01-01", "x"),
        record("b", "B", "2023-01-01", "x")
    )
    .into_bytes();
    bytes.extend_from_slice(b"{\"id\": \"c\xff\"}\n");
    env.write("bad.jsonl", &bytes);
    rejects(&env, "bad.jsonl", "bad.jsonl:3: invalid UTF-8");
    env.write(
        "bad.md",
        b"+++\nid = \"x\"\ntitle = \"T\"\ndate = 2023-01-01\n+++\nZeile\nkaputt \xe4 hier\n",
    );
    rejects(&env, "bad.md", "bad.md:7: invalid UTF-8");
}

#[test]
fn unreadable_files_are_named() {
    let env = env_with_one_article();
    rejects(&env, "missing.jsonl", "missing.jsonl: cannot read");
    env.write("notes.txt", "x");
    rejects(&env, "notes.txt", "notes.txt: unsupported file type");
    // A file the walk finds but cannot open: a dangling link (root can read anything else).
    std::fs::create_dir_all(env.join("dir")).unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(env.join("nowhere.jsonl"), env.join("dir/link.jsonl")).unwrap();
        rejects(&env, "dir", "link.jsonl");
        std::fs::remove_file(env.join("dir/link.jsonl")).unwrap();
        // A file without read permission (as another user where permissions do not apply
        // to this one: root).
        use std::os::unix::fs::PermissionsExt;
        let locked = env.write("dir/locked.jsonl", record("l", "L", "2023-01-01", "x"));
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
        let args = ["index", "good.jsonl", "dir"];
        if let Some(cmd) = env.on_index_where_permissions_apply(&args) {
            rejects_by(&env, cmd, "dir", "locked.jsonl: cannot read");
        }
    }
}

#[test]
fn keep_going_indexes_the_good_and_lists_the_bad() {
    let env = env_with_one_article();
    env.write(
        "mixed.jsonl",
        [
            record("ok-1", "Gut", "2023-01-01", "x"),
            "{kaputt".to_string(),
            record("ok-2", "Gut", "2023-01-01", "x"),
            record("bad-date", "T", "2023-02-30", "x"),
        ]
        .join("\n"),
    );
    env.write("broken.json", "[");
    let out = env
        .on_index(&[
            "index",
            "--keep-going",
            "mixed.jsonl",
            "broken.json",
            "good.jsonl",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("skipped mixed.jsonl:2: malformed JSON"),
        "{err}"
    );
    assert!(err.contains("skipped mixed.jsonl:4: field `date`"), "{err}");
    assert!(
        err.contains("skipped broken.json:1: malformed JSON"),
        "{err}"
    );
    assert!(err.contains("skipped 3 bad one(s)"), "{err}");
    assert_eq!(count(&env), 4);

    // Read again (it has not changed, so only with --force): its problems are listed again.
    let v = env.json(&["index", "--keep-going", "mixed.jsonl"]);
    assert_eq!(
        (v["unchanged_files"].as_u64(), v["rejections"].as_u64()),
        (Some(1), Some(0))
    );
    let v = env.json(&["index", "--keep-going", "--force", "mixed.jsonl"]);
    assert_eq!(
        (v["updated"].as_u64(), v["unchanged"].as_u64()),
        (Some(0), Some(2))
    );
    assert_eq!(v["rejected"].as_array().unwrap().len(), 2);
    assert_eq!(v["rejected"][0]["path"], "mixed.jsonl");
    assert_eq!(v["rejected"][0]["line"], 2);
}

#[test]
fn an_index_from_something_else_is_refused() {
    let env = Env::new();
    env.write("idx/meta.json", "{}");
    env.on_index(&["search", "Putin"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("rebuild it"));
    let env = Env::new();
    env.on_index(&["search", "Putin"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no index at"));
}

#[test]
fn threads_and_memory_are_flags_and_pipes_get_no_progress_bar() {
    let env = Env::new();
    env.write(
        "a.jsonl",
        [
            record("a", "A", "2024-01-01", "x"),
            record("b", "B", "2024-01-01", "y"),
        ]
        .join("\n"),
    );
    let out = env
        .on_index(&["index", "a.jsonl", "--threads", "1", "--memory", "15"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains('\x1b') && !stderr(&out).contains('\r'),
        "{}",
        stderr(&out)
    );
    assert_eq!(count(&env), 2);
    env.on_index(&["index", "a.jsonl", "--threads", "0"])
        .assert()
        .code(2);
    env.on_index(&["index", "a.jsonl", "--memory", "1"])
        .assert()
        .code(2);
}
