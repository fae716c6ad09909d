//! The German expansions through the CLI: compounds, names in several spellings, typos, the
//! plural -s, and the switches that turn them off.

use predicates::prelude::*;

use crate::util::{Env, record, stderr, stdout};

fn archive() -> Env {
    let env = Env::new();
    let docs = [
        (
            "whole",
            "Minister in Moskau",
            "Der Minister reiste nach Moskau.",
        ),
        (
            "part",
            "Verteidigungsminister reist",
            "Der Verteidigungsminister besuchte die Truppe. Der Verteidigungsminister sprach lange.",
        ),
        (
            "typo",
            "Ein Tippfehler",
            "Der Verteidigungsminster kam spät.",
        ),
        ("schoigu", "Besuch", "Schoigu traf Kim in der Hauptstadt."),
        (
            "shoigu",
            "Besuche",
            "Shoigu traf Kim. Shoigu lobte Kim. Shoigu reiste ab.",
        ),
        ("schojgu", "Reise", "Schojgu landete in Pjöngjang."),
        ("lavrov", "Visit", "Lavrov kam nach Pyongyang."),
        ("selenskyj", "Rede", "Selenskyj sprach im Parlament."),
        ("zelensky", "Interview", "Zelensky gab ein Interview."),
        ("laridschani", "Iran", "Laridschani wurde getötet."),
        (
            "satellit",
            "Raumfahrt",
            "Der Aufklärungssatellit kreist über der Halbinsel.",
        ),
        ("autos", "Messe", "Neue Autos stehen auf der Messe."),
        ("auto", "Unfall", "Ein Auto fuhr gegen die Wand."),
        ("nordkoreas", "Führung", "Nordkoreas Führung schweigt."),
        ("handys", "Schule", "Handys bleiben im Unterricht aus."),
        ("glas", "Getränk", "Ein Glas Wasser bitte."),
        ("gas", "Energie", "Gas wird teurer."),
        ("kurs", "Börse", "Der Kurs der Aktie fiel."),
        ("kur", "Erholung", "Eine Kur im Kurort hilft."),
    ];
    let lines: Vec<String> = docs
        .iter()
        .map(|(id, t, b)| record(id, t, "2024-01-01", b))
        .collect();
    env.write("in.jsonl", lines.join("\n"));
    env.index_files(&["in.jsonl"]);
    env
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn a_word_finds_the_compounds_that_contain_it_whole_word_first() {
    let env = archive();
    assert_eq!(env.ids(&["Minister"]), ["whole", "part"]);
    assert_eq!(env.ids(&["Satellit"]), ["satellit"]);
    assert_eq!(env.ids(&["Aufklärung"]), ["satellit"]);
    // Only as written: with --exact, --no-compounds, or quoted.
    assert_eq!(env.ids(&["Minister", "--exact"]), ["whole"]);
    assert_eq!(env.ids(&["Minister", "--no-compounds"]), ["whole"]);
    assert_eq!(env.ids(&["\"Minister\""]), ["whole"]);
}

#[test]
fn a_name_finds_its_other_spellings_exact_spelling_first() {
    let env = archive();
    let ids = env.ids(&["Schoigu"]);
    assert_eq!(ids[0], "schoigu", "{ids:?}");
    assert_eq!(sorted(ids), ["schoigu", "schojgu", "shoigu"]);
    assert_eq!(env.ids(&["Shoigu"])[0], "shoigu");
    assert_eq!(env.ids(&["Lawrow"]), ["lavrov"]);
    assert_eq!(sorted(env.ids(&["Pjöngjang"])), ["lavrov", "schojgu"]);
    assert_eq!(sorted(env.ids(&["Selenski"])), ["selenskyj", "zelensky"]);
    // English `j` for the German `dsch` of Arabic and Persian names.
    assert_eq!(env.ids(&["Larijani"]), ["laridschani"]);
    assert_eq!(env.ids(&["Schoigu", "--exact"]), ["schoigu"]);
    // Rare names are also corrected as typos; names alone: still all three.
    assert_eq!(
        sorted(env.ids(&["Schoigu", "--no-typos"])),
        ["schoigu", "schojgu", "shoigu"]
    );
    // A common noun is no name: Kurs does not sound-match anything.
    assert_eq!(env.ids(&["Kurs"]), ["kurs"]);
}

#[test]
fn a_typo_still_finds_the_word_and_the_cli_suggests_the_correction() {
    let env = archive();
    let ids = env.ids(&["Verteidigungsminster"]);
    // The article with the very same misspelling first, then the corrections.
    assert_eq!(ids[0], "typo", "{ids:?}");
    assert!(ids.contains(&"part".to_string()), "{ids:?}");
    let out = env
        .on_index(&["search", "Verteidigungsminster"])
        .output()
        .unwrap();
    assert!(
        stderr(&out).contains("meinten Sie: Verteidigungsminister"),
        "{}",
        stderr(&out)
    );
    assert_eq!(sorted(env.ids(&["Pjönjang"])), ["schojgu"]);
    assert_eq!(env.ids(&["Pjönjang", "--no-typos"]), Vec::<String>::new());
    // A word the archive lacks but German knows is not corrected.
    assert_eq!(env.ids(&["Handball"]), Vec::<String>::new());
    let v = env.json(&["search", "Verteidigngsministr"]);
    assert_eq!(v["suggestion"], "Verteidigungsminister");
}

#[test]
fn the_plural_s_is_no_barrier_and_no_false_friend() {
    let env = archive();
    assert_eq!(sorted(env.ids(&["Autos"])), ["auto", "autos"]);
    assert_eq!(sorted(env.ids(&["Auto"])), ["auto", "autos"]);
    assert_eq!(env.ids(&["Nordkorea"]), ["nordkoreas"]);
    assert_eq!(env.ids(&["Handy"]), ["handys"]);
    assert_eq!(env.ids(&["Glas"]), ["glas"]);
    assert_eq!(env.ids(&["Gas"]), ["gas"]);
    assert_eq!(env.ids(&["Kurs"]), ["kurs"]);
    assert_eq!(env.ids(&["Kur"]), ["kur"]);
}

#[test]
fn snippets_highlight_the_part_or_spelling_that_matched() {
    let env = archive();
    let out = env
        .on_index(&["search", "Minister", "--color", "always"])
        .output()
        .unwrap();
    assert!(
        stdout(&out).contains("\x1b[1;31mVerteidigungsminister\x1b[0m besuchte"),
        "{}",
        stdout(&out)
    );
    let out = env
        .on_index(&["search", "Schoigu", "--color", "always"])
        .output()
        .unwrap();
    assert!(
        stdout(&out).contains("\x1b[1;31mShoigu\x1b[0m lobte"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn analyze_shows_parts_codes_and_what_a_query_looks_for() {
    let env = archive();
    env.cmd(&["analyze", "Aufklärungssatelliten über Pjöngjang"])
        .assert()
        .success()
        .stdout(predicate::str::contains("part  satellit"))
        .stdout(predicate::str::contains("name  16464"));
    env.on_index(&[
        "analyze",
        "--query",
        "Minister Schoigu Verteidigungsminster",
    ])
    .assert()
    .success()
    .stdout(predicate::str::contains(
        "Minister  word minist (1 article) · in compounds",
    ))
    .stdout(predicate::str::contains(
        "Schoigu  word schoigu (1 article) · in compounds · sounds like 84",
    ))
    .stdout(predicate::str::contains("typo for verteidigungsminist"));
    let v = env.json(&["search", "Schoigu"]);
    assert_eq!(v["words"][0]["code"], "84");
}

#[test]
fn explaining_a_query_reads_its_typos_as_searching_does() {
    // `Xarbolin` is in one title and two other texts: three articles in all, but in at most
    // two of one field. Searching reads it as rare enough to be a typo of `Xarbolim`; the
    // explanation once counted all three and read it as no typo.
    let index = crate::search::index_of(&[
        ("t", "Xarbolin", "Ein Bericht."),
        ("b1", "Erster", "Es geht um Xarbolin."),
        ("b2", "Zweiter", "Wieder Xarbolin."),
        ("near", "Dritter", "Hier steht Xarbolim."),
    ]);
    let searched = index
        .search(&nachlese::SearchRequest::new("Xarbolin"))
        .unwrap();
    let explained = index
        .explain("Xarbolin", nachlese::search::Expansions::default())
        .unwrap();
    assert!(!searched.words[0].typos.is_empty(), "{:?}", searched.words);
    assert_eq!(explained[0].typos, searched.words[0].typos);
    // The explanation still counts the articles exactly.
    assert_eq!((searched.words[0].doc_freq, explained[0].doc_freq), (2, 3));
}
