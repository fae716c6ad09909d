//! `nachlese upgrade` and `Index::upgrade`: an index of another version rebuilt from the
//! articles it stores, with a real index of the previous analyzer version
//! (tests/data/old-index-analyzer3, see its README).

use std::path::{Path, PathBuf};

use nachlese::index::UpgradeProgress;
use nachlese::{Error, Index, WriterOptions};
use predicates::prelude::*;

use crate::util::{Env, ids_of, parse_json, project, record, snapshot, stderr};

/// The ids the old index holds.
const IDS: [&str; 5] = ["alt-1", "alt-2", "alt-3", "alt-4", "alt-5"];

fn fixture() -> PathBuf {
    project().join("tests/data/old-index-analyzer3")
}

/// Copies the folder `from` to `to` (files only, one level: an index folder).
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

/// Puts a copy of the old index at `to`.
fn old_index_at(to: &Path) {
    copy_dir(&fixture().join("index"), to);
}

/// The `show --json` output of each article as the old nachlese printed it.
/// With the one field format 6 added: indexes before it hold no authors.
fn shown_by_old_nachlese() -> Vec<serde_json::Value> {
    std::fs::read_to_string(fixture().join("shown.jsonl"))
        .unwrap()
        .lines()
        .map(|l| {
            let mut shown: serde_json::Value = serde_json::from_str(l).unwrap();
            shown["authors"] = serde_json::json!([]);
            shown
        })
        .collect()
}

/// The siblings an upgrade of `dir` uses (`.NAME.upgrading-*`, `.NAME.old-*`).
fn upgrade_siblings(dir: &Path) -> Vec<String> {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    std::fs::read_dir(dir.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| {
            n.starts_with(&format!(".{name}.upgrading-")) || n.starts_with(&format!(".{name}.old-"))
        })
        .collect()
}

#[test]
fn an_old_index_is_refused_with_a_message_naming_upgrade() {
    let env = Env::new();
    old_index_at(&env.index());
    for args in [&["search", "Bahnhof"][..], &["show", "alt-1"], &["check"]] {
        env.on_index(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "was written in format 5 but this nachlese uses format 6",
            ))
            .stderr(predicate::str::contains(format!(
                "run `nachlese upgrade --index {}`",
                env.index().display()
            )))
            .stderr(predicate::str::contains("delete").not());
    }
}

#[test]
fn upgrade_carries_every_article_over() {
    let env = Env::new();
    old_index_at(&env.index());
    #[cfg(unix)]
    let mode = {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(env.index(), std::fs::Permissions::from_mode(0o750)).unwrap();
        || std::fs::metadata(env.index()).unwrap().permissions().mode() & 0o7777
    };
    let out = env.on_index(&["upgrade"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("from format 5, analyzer version 3: carried over 5 article(s)"),
        "{}",
        stderr(&out)
    );
    // Everything `show` prints, the file each came from included, is as it was.
    for (id, before) in IDS.iter().zip(shown_by_old_nachlese()) {
        assert_eq!(env.json(&["show", id]), before, "{id}");
    }
    // The article deleted from the old index stays deleted.
    env.on_index(&["show", "alt-geloescht"]).assert().code(1);
    assert_eq!(env.json(&["stats"])["documents"], 5);
    // Nothing is left beside the index, and its folder's permissions are as they were.
    assert_eq!(upgrade_siblings(&env.index()), Vec::<String>::new());
    #[cfg(unix)]
    assert_eq!(mode(), 0o750);
}

#[test]
fn an_upgraded_index_is_searched_checked_and_not_upgraded_again() {
    let env = Env::new();
    old_index_at(&env.index());
    let report = env.json(&["upgrade"]);
    assert_eq!(report["upgraded"], true, "{report}");
    assert_eq!(report["from_analyzer"], 3);
    assert_eq!(report["articles"], 5);
    assert_eq!(report["skipped"], serde_json::json!([]));

    // Inflected forms find the articles: analysed with this version's analyzer.
    assert_eq!(env.ids(&["Bahnhof"]), ["alt-1"]);
    assert_eq!(env.ids(&["Bibliothek"]), ["alt-3"]);
    assert_eq!(env.ids(&["Bäckereien"]), ["alt-4"]);
    assert_eq!(env.ids(&["Hochwasser", "--from", "2023-06"]), ["alt-2"]);

    let check = env.json(&["check"]);
    assert_eq!(check["problems"], serde_json::json!([]), "{check}");
    assert_eq!(check["articles"], 5);
    assert_eq!(check["analyzer"], nachlese::analysis::ANALYZER_VERSION);
    env.on_index(&["check"]).assert().success();

    // A second upgrade changes nothing and says so.
    let before = snapshot(&env.index());
    env.on_index(&["upgrade"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "is current already; nothing to do",
        ));
    let again = env.json(&["upgrade"]);
    assert_eq!(again["upgraded"], false, "{again}");
    assert_eq!(snapshot(&env.index()), before);
}

#[test]
fn an_old_default_index_keeps_the_articles_a_user_added() {
    let env = Env::new();
    // An old default index holding only what a user added to it.
    let default = env.cache.path().join("nachlese").join("index");
    old_index_at(&default);
    let out = env
        .cmd(&["search", "--all", "Bahnhof", "Umland", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(ids_of(&parse_json(&out)), ["alt-1"]);
    // The user's articles are there as they were, and the bundled corpus joined them.
    for (id, before) in IDS.iter().zip(shown_by_old_nachlese()) {
        let out = env.cmd(&["show", id, "--json"]).output().unwrap();
        assert_eq!(parse_json(&out), before, "{id}");
    }
    assert_eq!(
        env.json_default(&["search", "Putin Auto"])["hits"][0]["id"],
        "2024-02-20-putin-schenkt-kim-auto"
    );
    env.cmd(&["check"]).assert().success();
    assert_eq!(upgrade_siblings(&default), Vec::<String>::new());
}

#[test]
fn what_is_no_nachlese_index_is_not_upgraded() {
    let env = Env::new();
    // No index at all.
    env.on_index(&["upgrade"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no index at"));
    // An index of another program.
    let mut schema = tantivy::schema::Schema::builder();
    schema.add_text_field("name", tantivy::schema::STRING | tantivy::schema::STORED);
    std::fs::create_dir_all(env.index()).unwrap();
    tantivy::Index::create_in_dir(env.index(), schema.build()).unwrap();
    let before = snapshot(&env.index());
    env.on_index(&["upgrade"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a nachlese index"))
        .stderr(predicate::str::contains(
            "choose another folder with --index DIR",
        ))
        .stderr(predicate::str::contains("nachlese upgrade").not());
    assert_eq!(snapshot(&env.index()), before);
}

#[test]
fn an_upgrade_killed_between_its_renames_is_recovered() {
    // Killed after the old index was moved away and before the new one was moved in: the
    // next command finds the new one.
    let env = Env::new();
    let upgraded = env.join("upgraded");
    old_index_at(&upgraded);
    env.cmd(&["upgrade", "--index"])
        .arg(&upgraded)
        .assert()
        .success();
    std::fs::rename(&upgraded, env.join(".idx.upgrading-4242")).unwrap();
    old_index_at(&env.join(".idx.old-4242"));
    assert!(!env.index().exists());
    assert_eq!(env.ids(&["Bahnhof"]), ["alt-1"]);
    env.on_index(&["check"]).assert().success();
    assert_eq!(upgrade_siblings(&env.index()), Vec::<String>::new());

    // An old index left after the swap (killed while it was removed) is not brought back
    // when the index is gone.
    let env = Env::new();
    old_index_at(&env.join(".idx.old-4243"));
    env.on_index(&["upgrade"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no index at"));
    assert!(!env.index().exists());
}

#[test]
fn what_killed_upgrades_left_is_cleaned_up() {
    let env = Env::new();
    old_index_at(&env.index());
    // A partial build (killed before the swap), and an old index already replaced (killed
    // while it was removed).
    let partial = env.join(".idx.upgrading-4244");
    std::fs::create_dir_all(&partial).unwrap();
    std::fs::write(partial.join("meta.json"), "{}").unwrap();
    old_index_at(&env.join(".idx.old-4245"));
    std::fs::remove_file(env.join(".idx.old-4245").join("meta.json")).unwrap();
    env.on_index(&["upgrade"]).assert().success();
    assert_eq!(upgrade_siblings(&env.index()), Vec::<String>::new());
    assert_eq!(env.json(&["stats"])["documents"], 5);
}

#[test]
fn upgrade_is_refused_while_a_writer_is_open() {
    let env = Env::new();
    old_index_at(&env.index());
    let lock = {
        use tantivy::directory::{Directory, INDEX_WRITER_LOCK, MmapDirectory};
        MmapDirectory::open(env.index())
            .unwrap()
            .acquire_lock(&INDEX_WRITER_LOCK)
            .unwrap()
    };
    env.on_index(&["upgrade"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("in use by another process"));
    drop(lock);
    // A process another test spawns meanwhile inherits the lock until it starts its program.
    for _ in 0..100 {
        if env
            .on_index(&["upgrade"])
            .output()
            .unwrap()
            .status
            .success()
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(env.json(&["upgrade"])["upgraded"], false);
    env.on_index(&["check"]).assert().success();
}

/// Rewrites the nachlese payload of the last commit in meta.json, as an older version wrote
/// it.
fn set_payload(dir: &Path, payload: serde_json::Value) {
    let path = dir.join("meta.json");
    let mut meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    meta["payload"] = payload.to_string().into();
    std::fs::write(&path, meta.to_string()).unwrap();
}

fn payload(dir: &Path) -> serde_json::Value {
    let meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("meta.json")).unwrap()).unwrap();
    serde_json::from_str(meta["payload"].as_str().unwrap()).unwrap()
}

/// A writer; waits while a process spawned by another test inherited the lock of the last
/// one, until it starts its program.
fn open_writer(index: &Index) -> nachlese::Writer {
    for _ in 0..200 {
        match index.writer_with(WriterOptions::default().threads(1)) {
            Err(Error::IndexLocked { .. }) => {
                std::thread::sleep(std::time::Duration::from_millis(20))
            }
            other => return other.unwrap(),
        }
    }
    panic!("the index stays locked");
}

#[test]
fn library_upgrade_keeps_files_skippable_and_prunable() {
    let env = Env::new();
    let dir = env.index();
    let file = env.write(
        "news/a.jsonl",
        [
            record(
                "a1",
                "Neue Bahnhöfe",
                "2024-01-01",
                "Drei Bahnhöfe werden gebaut.",
            ),
            record("a2", "Hochwasser", "2024-01-02", "Die Elbe steigt."),
        ]
        .join("\n"),
    );
    env.write(
        "news/b.jsonl",
        record("b1", "Bibliotheken", "2024-01-03", "Sonntags offen."),
    );
    {
        let index = Index::create(&dir).unwrap();
        let mut writer = open_writer(&index);
        writer.add_paths([env.join("news")], Err).unwrap();
        writer.commit().unwrap();
    }
    set_payload(&dir, serde_json::json!({"format": 5, "analyzer": 3}));
    let err = Index::open(&dir).unwrap_err();
    assert!(matches!(err, Error::IncompatibleIndex { .. }), "{err:?}");
    // The library says what is wrong in its own terms; the command is the CLI's to name.
    assert!(err.needs_upgrade(), "{err:?}");
    assert!(
        err.to_string().contains("an upgrade can rebuild it"),
        "{err}"
    );
    assert!(!err.to_string().contains("nachlese upgrade"), "{err}");

    let mut heard: Vec<UpgradeProgress> = Vec::new();
    let report = Index::upgrade(&dir, |p| heard.push(p)).unwrap();
    assert!(report.upgraded);
    assert_eq!((report.from_format, report.from_analyzer), (5, 3));
    assert_eq!(report.articles, 3);
    assert!(report.skipped.is_empty());
    assert_eq!(heard.len(), 3);
    assert_eq!(heard.last().map(|p| (p.articles, p.total)), Some((3, 3)));

    let index = Index::open(&dir).unwrap();
    let stored = index.get("a1").unwrap().unwrap();
    assert_eq!(
        stored.origin.as_deref().map(Path::new),
        Some(file.canonicalize().unwrap().as_path())
    );
    // The files have not changed: indexing them again reads none.
    let mut writer = open_writer(&index);
    writer.add_paths([env.join("news")], Err).unwrap();
    let stats = writer.commit().unwrap();
    assert_eq!(
        (stats.unchanged_files, stats.added, stats.updated),
        (2, 0, 0)
    );
    // A file gone is still pruned (by the same writer, kept across commits).
    std::fs::remove_file(env.join("news/b.jsonl")).unwrap();
    writer.add_paths([env.join("news")], Err).unwrap();
    writer.prune(&[env.join("news")]).unwrap();
    let stats = writer.commit().unwrap();
    assert_eq!(stats.deleted, 1);
    assert_eq!(index.len(), 2);
    assert!(index.get("b1").unwrap().is_none());
}

#[test]
fn library_upgrade_of_a_default_index_keeps_the_bundled_collection() {
    let env = Env::new();
    let dir = env.index();
    let total = {
        let index = Index::open_bundled(&dir).unwrap();
        let mut writer = open_writer(&index);
        writer
            .add(
                &nachlese::Article::new("mine", "Eigener Artikel", "2025-01-01", "Über Pjöngjang.")
                    .unwrap(),
            )
            .unwrap();
        writer.commit().unwrap();
        index.len()
    };
    let mut old = payload(&dir);
    let fingerprint = old["bundled"].clone();
    old["analyzer"] = 3.into();
    set_payload(&dir, old);

    let index = Index::open_bundled(&dir).unwrap();
    assert_eq!(index.len(), total);
    assert_eq!(
        index.get("mine").unwrap().unwrap().article.title,
        "Eigener Artikel"
    );
    drop(index);
    // The bundled articles are still marked as such (so a new corpus replaces them), and
    // the fingerprint of the corpus they are came along.
    let now = payload(&dir);
    assert_eq!(now["bundled"], fingerprint);
    assert_eq!(now["analyzer"], nachlese::analysis::ANALYZER_VERSION);
    let inner = tantivy::Index::open_in_dir(&dir).unwrap();
    let collection = inner.schema().get_field("collection").unwrap();
    let bundled = inner
        .reader()
        .unwrap()
        .searcher()
        .search(
            &tantivy::query::TermQuery::new(
                tantivy::Term::from_field_text(collection, "bundled"),
                tantivy::schema::IndexRecordOption::Basic,
            ),
            &tantivy::collector::Count,
        )
        .unwrap() as u64;
    assert_eq!(bundled, total - 1);
}

#[test]
fn an_upgrade_killed_at_any_moment_leaves_one_of_the_two_indexes() {
    use std::process::Stdio;
    use std::time::Instant;

    let env = Env::new();
    // How long a whole upgrade takes here.
    old_index_at(&env.index());
    let started = Instant::now();
    env.on_index(&["upgrade"]).assert().success();
    let whole = started.elapsed();
    let titles: Vec<serde_json::Value> = shown_by_old_nachlese()
        .iter()
        .map(|v| v["title"].clone())
        .collect();
    const KILLS: u32 = 8;
    for k in 0..KILLS {
        let dir = env.join(&format!("kill-{k}"));
        old_index_at(&dir);
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_nachlese"))
            .args(["upgrade", "-q", "--index"])
            .arg(&dir)
            .env("XDG_CACHE_HOME", env.cache.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(whole * k / KILLS);
        let _ = child.kill();
        let _ = child.wait();
        // The old index or the new one is there (or comes back on opening).
        match Index::open(&dir) {
            Ok(index) => assert_eq!(index.len(), 5, "kill {k}"),
            Err(Error::IncompatibleIndex { .. }) => {}
            Err(e) => panic!("kill {k}: {e}"),
        }
        Index::upgrade(&dir, |_| {}).unwrap();
        let index = Index::open(&dir).unwrap();
        for (id, title) in IDS.iter().zip(&titles) {
            let stored = index.get(id).unwrap().unwrap();
            assert_eq!(
                &serde_json::Value::from(stored.article.title),
                title,
                "kill {k}"
            );
        }
        assert!(index.check().unwrap().is_sound(), "kill {k}");
        assert_eq!(upgrade_siblings(&dir), Vec::<String>::new(), "kill {k}");
    }
}
