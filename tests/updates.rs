//! Keeping an index up to date: unchanged files skipped, changed ones updated in place,
//! `delete`, `--prune`, and `check`.

use std::time::{Duration, SystemTime};

use predicates::prelude::*;

use crate::util::{Env, record, snapshot, stderr, stdout};

fn count(env: &Env) -> u64 {
    env.json(&["stats"])["documents"].as_u64().unwrap()
}

fn title(env: &Env, id: &str) -> String {
    env.json(&["show", id])["title"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Sets a file's modification time (tests write files faster than clocks tick).
fn set_mtime(path: &std::path::Path, secs_ago: u64) {
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(SystemTime::now() - Duration::from_secs(secs_ago))
        .unwrap();
}

fn two_files(env: &Env) {
    env.write(
        "in/a.jsonl",
        [
            record("a1", "Erster", "2024-01-01", "eins"),
            record("a2", "Zweiter", "2024-01-02", "zwei"),
        ]
        .join("\n"),
    );
    env.write("in/b.jsonl", record("b1", "Dritter", "2024-01-03", "drei"));
}

#[test]
fn indexing_unchanged_files_again_changes_nothing_at_all() {
    let env = Env::new();
    two_files(&env);
    env.index_files(&["in"]);
    let before = snapshot(&env.index());
    env.on_index(&["index", "in"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "indexed 0 article(s): 0 new, 0 updated; 2 unchanged file(s) skipped; \
             the index holds 3 article(s)",
        ));
    // Not even a commit: the folder is byte for byte the same.
    assert_eq!(snapshot(&env.index()), before);
}

#[test]
fn a_changed_file_is_updated_in_place() {
    let env = Env::new();
    two_files(&env);
    env.index_files(&["in"]);
    env.write(
        "in/a.jsonl",
        [
            record("a1", "Erster", "2024-01-01", "eins"),
            record("a2", "Zweiter, berichtigt", "2024-01-02", "zwei"),
            record("a3", "Vierter", "2024-01-04", "vier"),
        ]
        .join("\n"),
    );
    set_mtime(&env.join("in/a.jsonl"), 0);
    let v = env.json(&["index", "in"]);
    // b.jsonl is skipped; of a.jsonl's articles, one is new and two are rewritten (the
    // file's new stamp goes with them, so that it is skipped next time).
    assert_eq!(v["unchanged_files"], 1, "{v}");
    assert_eq!(
        (v["added"].as_u64(), v["updated"].as_u64()),
        (Some(1), Some(2))
    );
    assert_eq!(count(&env), 4);
    assert_eq!(title(&env, "a2"), "Zweiter, berichtigt");
    assert_eq!(env.json(&["index", "in"])["unchanged_files"], 2);
}

#[test]
fn articles_given_again_unchanged_are_not_rewritten() {
    let env = Env::new();
    let lines = [
        record("s1", "Eins", "2024-01-01", "x"),
        record("s2", "Zwei", "2024-01-02", "y"),
    ]
    .join("\n");
    env.on_index(&["index", "-"])
        .write_stdin(lines.clone())
        .assert()
        .success();
    let before = snapshot(&env.index());
    env.on_index(&["index", "-"])
        .write_stdin(lines)
        .assert()
        .success()
        .stderr(predicate::str::contains("0 new, 0 updated, 2 unchanged"));
    assert_eq!(snapshot(&env.index()), before);
}

#[test]
fn delete_removes_articles_by_id() {
    let env = Env::new();
    two_files(&env);
    env.index_files(&["in"]);
    env.on_index(&["delete", "a1", "b1"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "deleted 2 article(s); the index holds 1 article(s)",
        ));
    assert_eq!(env.ids(&["Erster"]), Vec::<String>::new());
    env.on_index(&["show", "b1"]).assert().code(1);
    // An id that is not there: said, exit 1, the others still deleted.
    let out = env.on_index(&["delete", "a2", "nope"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no article with id \"nope\""));
    assert_eq!(count(&env), 0);
    let v = env.json(&["delete", "nope"]);
    assert_eq!(v["missing"][0], "nope");
    assert_eq!(v["deleted"], 0);
}

#[test]
fn a_deleted_article_comes_back_when_its_file_is_indexed_again_with_force() {
    let env = Env::new();
    two_files(&env);
    env.index_files(&["in"]);
    env.on_index(&["delete", "a1"]).assert().success();
    // The file has not changed: skipped, and a1 stays deleted...
    env.index_files(&["in"]);
    assert_eq!(count(&env), 2);
    // ...until the file is read again.
    env.on_index(&["index", "--force", "in"]).assert().success();
    assert_eq!(count(&env), 3);
}

#[test]
fn prune_removes_articles_whose_file_is_gone_or_no_longer_holds_them() {
    let env = Env::new();
    two_files(&env);
    env.write("other/c.jsonl", record("c1", "Anderswo", "2024-01-05", "x"));
    env.index_files(&["in", "other"]);
    env.on_index(&["index", "-"])
        .write_stdin(record("s1", "Von der Eingabe", "2024-01-06", "x"))
        .assert()
        .success();
    assert_eq!(count(&env), 5);

    // Without --prune nothing is removed.
    std::fs::remove_file(env.join("in/b.jsonl")).unwrap();
    env.index_files(&["in"]);
    assert_eq!(count(&env), 5);

    // a2 leaves a.jsonl, b.jsonl is gone.
    env.write("in/a.jsonl", record("a1", "Erster", "2024-01-01", "eins"));
    set_mtime(&env.join("in/a.jsonl"), 0);
    env.on_index(&["index", "--prune", "in"])
        .assert()
        .success()
        .stderr(predicate::str::contains("removed 2"));
    let mut left: Vec<String> = ["a1", "a2", "b1", "c1", "s1"]
        .iter()
        .filter(|id| {
            env.on_index(&["show", id])
                .output()
                .unwrap()
                .status
                .success()
        })
        .map(|s| s.to_string())
        .collect();
    left.sort();
    // Files elsewhere and standard input are not touched.
    assert_eq!(left, ["a1", "c1", "s1"]);

    // Moving an article to another file under the pruned folder keeps it.
    env.write("in/a.jsonl", "");
    env.write(
        "in/moved.jsonl",
        record("a1", "Erster", "2024-01-01", "eins"),
    );
    env.on_index(&["index", "--prune", "in"]).assert().success();
    assert!(
        env.on_index(&["show", "a1"])
            .output()
            .unwrap()
            .status
            .success()
    );
    assert_eq!(count(&env), 3);
}

#[test]
fn prune_finds_files_again_from_another_working_folder() {
    let env = Env::new();
    two_files(&env);
    env.index_files(&["in"]);
    std::fs::remove_file(env.join("in/b.jsonl")).unwrap();
    let sub = env.join("in");
    let mut cmd = env.on_index(&["index", "--prune", "."]);
    cmd.current_dir(&sub).assert().success();
    assert_eq!(count(&env), 2);
}

#[test]
fn check_says_a_sound_index_is_sound() {
    let env = Env::new();
    two_files(&env);
    env.index_files(&["in"]);
    let out = env.on_index(&["check"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("is sound: 3 articles in "),
        "{}",
        stdout(&out)
    );
    let v = env.json(&["check"]);
    assert_eq!(v["articles"], 3);
    assert_eq!(v["problems"].as_array().unwrap().len(), 0);
}

#[test]
fn check_finds_a_damaged_file_and_says_what_to_do() {
    let env = Env::new();
    two_files(&env);
    env.index_files(&["in"]);
    // Flip a byte in the middle of the stored articles.
    let store = std::fs::read_dir(env.index())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "store"))
        .unwrap();
    let mut bytes = std::fs::read(&store).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    std::fs::write(&store, bytes).unwrap();
    let out = env.on_index(&["check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(text.contains("is NOT sound"), "{text}");
    assert!(text.contains(".store is damaged"), "{text}");
    assert!(text.contains("Rebuild it"), "{text}");
}

#[test]
fn check_on_a_folder_without_an_index_says_so() {
    let env = Env::new();
    std::fs::create_dir_all(env.index()).unwrap();
    env.on_index(&["check"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no index at"));
}
