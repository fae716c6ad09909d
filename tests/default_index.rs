//! The default index: the bundled corpus, built on first use from any folder, kept current.

use predicates::prelude::*;

use crate::util::{Env, parse_json, record, stderr};

const SEED_ID: &str = "2024-02-20-putin-schenkt-kim-auto";

fn default_index_dir(env: &Env) -> std::path::PathBuf {
    env.cache.path().join("nachlese").join("index")
}

#[test]
fn a_fresh_clone_finds_the_founding_article_first() {
    let env = Env::new();
    assert!(!default_index_dir(&env).exists());
    // From an unrelated working folder, with no index anywhere yet.
    let out = env
        .cmd(&["search", "Putin Auto", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let v = parse_json(&out);
    assert_eq!(v["hits"][0]["id"], SEED_ID);
    assert!(default_index_dir(&env).join("meta.json").is_file());
    // The human output shows it too.
    env.cmd(&["search", "Putin Auto"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "1. 2024-02-20  Putin schenkt Kim Jong-un ein Auto",
        ));
}

#[test]
fn the_second_run_reuses_the_index() {
    let env = Env::new();
    env.cmd(&["stats"]).assert().success();
    let meta = std::fs::read(default_index_dir(&env).join("meta.json")).unwrap();
    env.cmd(&["search", "Lawrow"]).assert().success();
    assert_eq!(
        std::fs::read(default_index_dir(&env).join("meta.json")).unwrap(),
        meta
    );
}

#[test]
fn a_changed_bundled_corpus_is_noticed() {
    let env = Env::new();
    env.cmd(&["stats"]).assert().success();
    let total = parse_json(&env.cmd(&["stats", "--json"]).output().unwrap())["documents"].clone();
    // Make the index look as if it had been built from an older corpus: one article fewer
    // and another fingerprint, as tantivy would have stored it.
    {
        let index = tantivy::Index::open_in_dir(default_index_dir(&env)).unwrap();
        let id = index.schema().get_field("id").unwrap();
        let mut writer: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
        writer.delete_term(tantivy::Term::from_field_text(id, SEED_ID));
        let payload = index.load_metas().unwrap().payload.unwrap();
        let mut meta: serde_json::Value = serde_json::from_str(&payload).unwrap();
        meta["bundled"] = "0000000000000000".into();
        let mut commit = writer.prepare_commit().unwrap();
        commit.set_payload(&meta.to_string());
        commit.commit().unwrap();
    }
    let out = env
        .cmd(&["search", "Putin Auto", "--json"])
        .output()
        .unwrap();
    assert_eq!(
        parse_json(&out)["hits"][0]["id"],
        SEED_ID,
        "{}",
        stderr(&out)
    );
    let again = parse_json(&env.cmd(&["stats", "--json"]).output().unwrap())["documents"].clone();
    assert_eq!(again, total);
}

#[test]
fn articles_added_to_the_default_index_stay() {
    let env = Env::new();
    env.write(
        "mine.jsonl",
        record("mine", "Eigener Artikel", "2025-01-01", "Über Pjöngjang."),
    );
    env.cmd(&["index", "mine.jsonl"]).assert().success();
    let v = parse_json(&env.cmd(&["search", "Eigener", "--json"]).output().unwrap());
    assert_eq!(v["hits"][0]["id"], "mine");
    assert_eq!(
        parse_json(
            &env.cmd(&["search", "Putin Auto", "--json"])
                .output()
                .unwrap()
        )["hits"][0]["id"],
        SEED_ID
    );
}

#[test]
fn index_flag_and_environment_choose_another_index() {
    let env = Env::new();
    env.write(
        "mine.jsonl",
        record("mine", "Kim in Moskau", "2025-01-01", "x"),
    );
    env.on_index(&["index", "mine.jsonl"]).assert().success();
    let idx = env.index();
    let via_env = env
        .cmd(&["search", "Kim", "--json"])
        .env("NACHLESE_INDEX", &idx)
        .output()
        .unwrap();
    assert_eq!(crate::util::ids_of(&parse_json(&via_env)), ["mine"]);
    let via_flag = env
        .cmd(&["search", "Kim", "--json", "--index"])
        .arg(&idx)
        .output()
        .unwrap();
    assert_eq!(crate::util::ids_of(&parse_json(&via_flag)), ["mine"]);
    // The flag wins over the variable.
    env.cmd(&["search", "Kim", "--index"])
        .arg(&idx)
        .env("NACHLESE_INDEX", env.join("elsewhere"))
        .assert()
        .success();
    // And the default index was never built.
    assert!(!default_index_dir(&env).exists());
}
