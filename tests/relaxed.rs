//! Thin answers relaxed: when few articles hold every plain query word, those holding most
//! of them follow and say which words they miss; questions are searched for their content
//! words; a compound query word finds its halves near each other.

use crate::util::{Env, record, stderr, stdout};

fn archive() -> Env {
    let env = Env::new();
    let lines = [
        record(
            "all",
            "Hitze in Brandenburg",
            "2025-07-01",
            "Der Wetterdienst gibt eine Warnung heraus.",
        ),
        record(
            "two",
            "Hitze und Warnung",
            "2025-07-02",
            "Der Wetterdienst rechnet mit heißen Tagen.",
        ),
        record(
            "one",
            "Hitze im Süden",
            "2025-07-03",
            "Es wird heiß in Bayern.",
        ),
        record(
            "bb",
            "Brandenburg wählt",
            "2025-07-04",
            "Die Landtagswahl steht an.",
        ),
        record(
            "none",
            "Fußball am Abend",
            "2025-07-05",
            "Leverkusen gewinnt.",
        ),
        record(
            "sa",
            "Wahl in Sachsen-Anhalt",
            "2025-07-09",
            "Die Parteien werben.",
        ),
        record(
            "glatteis",
            "Wie gefährlich ist Glatteis?",
            "2025-01-10",
            "Glatteis ist gefährlich, auf Brücken besonders gefährlich.",
        ),
        record(
            "compound",
            "Die Rentenreform kommt",
            "2025-07-06",
            "Der Bundestag stimmt ab.",
        ),
        record(
            "halves",
            "Beschluss im Bundestag",
            "2025-07-07",
            "Die Reform der Rente ist beschlossen.",
        ),
        record(
            "apart",
            "Haushalt",
            "2025-07-08",
            "Die Rente steigt im Juli. Die Schulen warten dagegen seit Jahren auf eine Reform.",
        ),
    ];
    env.write("in/archive.jsonl", lines.join("\n"));
    env.index_files(&["in"]);
    env
}

/// (id, missing words) of each hit of `search ARGS --json`.
fn hits(env: &Env, args: &[&str]) -> Vec<(String, Vec<String>)> {
    let mut full = vec!["search"];
    full.extend_from_slice(args);
    env.json(&full)["hits"]
        .as_array()
        .expect("hits")
        .iter()
        .map(|h| {
            let missing = h["missing"]
                .as_array()
                .expect("missing")
                .iter()
                .map(|w| w.as_str().expect("word").to_string())
                .collect();
            (h["id"].as_str().expect("id").to_string(), missing)
        })
        .collect()
}

fn owned(pairs: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
    pairs
        .iter()
        .map(|(id, m)| (id.to_string(), m.iter().map(|w| w.to_string()).collect()))
        .collect()
}

#[test]
fn a_thin_query_is_followed_by_articles_with_most_words_naming_what_they_miss() {
    let env = archive();
    assert_eq!(
        hits(&env, &["Hitze Warnung Brandenburg"]),
        owned(&[
            ("all", &[]),
            ("two", &["Brandenburg"]),
            // The rarer word weighs more: Brandenburg (2 articles) before Hitze (3).
            ("bb", &["Hitze", "Warnung"]),
            ("one", &["Warnung", "Brandenburg"]),
        ])
    );
    let out = env
        .on_index(&["search", "Hitze Warnung Brandenburg"])
        .output()
        .expect("run");
    let text = stdout(&out);
    assert!(text.contains("fehlt: Brandenburg"), "{text}");
    assert!(text.contains("fehlt: Warnung, Brandenburg"), "{text}");
}

#[test]
fn all_keeps_every_word_required() {
    let env = archive();
    assert_eq!(
        hits(&env, &["--all", "Hitze Warnung Brandenburg"]),
        owned(&[("all", &[])])
    );
}

#[test]
fn phrases_required_excluded_and_and_words_stay_strict() {
    let env = archive();
    // A required word: every hit holds it; the loose words rank them.
    let required = hits(&env, &["+Brandenburg Hitze Warnung"]);
    assert_eq!(required, owned(&[("all", &[])]));
    // An excluded word stays excluded.
    let ids: Vec<String> = hits(&env, &["Hitze Warnung -Brandenburg"])
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(ids, ["two", "one"]);
    // Words joined by AND must all match.
    assert_eq!(
        hits(&env, &["Hitze AND Warnung AND Brandenburg"]),
        owned(&[("all", &[])])
    );
    // A quoted phrase must match as written, beside one loose word: nothing to relax.
    assert!(hits(&env, &["\"Hitze im Süden\" Brandenburg"]).is_empty());
}

#[test]
fn an_unquoted_hyphenated_word_may_be_missed_as_a_plain_word_may() {
    let env = archive();
    let mut found = hits(&env, &["Sachsen-Anhalt Brandenburg"]);
    found.sort();
    assert_eq!(
        found,
        owned(&[
            ("all", &["Sachsen-Anhalt"]),
            ("bb", &["Sachsen-Anhalt"]),
            ("sa", &["Brandenburg"]),
        ])
    );
    // Quoted, it is a phrase, and strict.
    assert!(hits(&env, &["\"Sachsen-Anhalt\" Brandenburg"]).is_empty());
}

#[test]
fn a_question_is_searched_for_its_content_words() {
    let env = archive();
    let out = env
        .on_index(&["search", "--json", "Gibt es eine Warnung vor der Hitze?"])
        .output()
        .expect("run");
    assert!(stderr(&out).contains("Gibt"), "{}", stderr(&out));
    let found = hits(&env, &["Gibt es eine Warnung vor der Hitze?"]);
    assert_eq!(found[..2], owned(&[("two", &[]), ("all", &[])])[..]);
    // The framing word is not missed: it was never asked for.
    assert!(found.iter().all(|(_, m)| !m.contains(&"Gibt".to_string())));
}

#[test]
fn a_questions_lowercase_words_need_not_match_beside_its_nouns() {
    let env = archive();
    // No article holds both. As keywords, the rarer word weighs more: the one article
    // holding `gefährlich` first.
    let keywords = hits(&env, &["gefährlich Hitze"]);
    assert_eq!(keywords[0], owned(&[("glatteis", &["Hitze"])])[0]);
    // As a question, what it asks about is the noun: every article on the Hitze comes
    // first, still saying it lacks the adjective.
    let question = hits(&env, &["Wie gefährlich ist die Hitze?"]);
    let mut first: Vec<&str> = question[..3].iter().map(|(id, _)| id.as_str()).collect();
    first.sort();
    assert_eq!(first, ["all", "one", "two"], "{question:?}");
    assert!(
        question[..3].iter().all(|(_, m)| m == &["gefährlich"]),
        "{question:?}"
    );
    assert_eq!(question[3], owned(&[("glatteis", &["Hitze"])])[0]);
    // Typed in lowercase, a question says nothing by its case: the rarer word first again.
    let lower = hits(&env, &["wie gefährlich ist die hitze?"]);
    assert_eq!(lower[0].0, "glatteis");
}

#[test]
fn a_rare_compounds_modifier_ranks_the_articles_lacking_it() {
    let env = archive();
    // No article holds `Rentenreform` beside `Juli`; `apart` holds `Rente` (the modifier)
    // beside `Juli`, `july` only `Juli`.
    env.write(
        "in/more.jsonl",
        record(
            "july",
            "Ferien",
            "2025-07-10",
            "Die Ferien beginnen im Juli. Die Schulen warten dagegen seit Jahren auf Lehrer.",
        ),
    );
    env.index_files(&["in"]);
    let found = hits(&env, &["Rentenreform Juli"]);
    let ids: Vec<&str> = found.iter().map(|(id, _)| id.as_str()).collect();
    let at = |id: &str| ids.iter().position(|i| *i == id);
    assert!(at("apart") < at("july"), "{found:?}");
    // The modifier is no query word: it is never named as missing.
    assert!(
        found.iter().all(|(_, m)| m
            .iter()
            .all(|w| ["Rentenreform", "Juli"].contains(&w.as_str()))),
        "{found:?}"
    );
    // An article holding the modifier alone follows those holding a query word, and is
    // told to lack every word.
    let found = hits(&env, &["Rentenreform Leverkusen"]);
    let ids: Vec<&str> = found.iter().map(|(id, _)| id.as_str()).collect();
    assert!(ids.iter().position(|i| *i == "apart") > ids.iter().position(|i| *i == "none"));
    assert!(found.contains(&owned(&[("apart", &["Rentenreform", "Leverkusen"])])[0]));
}

#[test]
fn a_compound_the_lexicon_cannot_split_is_split_by_the_archives_words() {
    let env = archive();
    env.write(
        "in/cannabis.jsonl",
        [
            record(
                "apart-words",
                "Bundestag berät",
                "2025-08-01",
                "Die Legalisierung von Cannabis soll überprüft werden.",
            ),
            record(
                "modifier",
                "Cannabis-Clubs",
                "2025-08-02",
                "Die Vereine ziehen eine gemischte Bilanz.",
            ),
        ]
        .join("\n"),
    );
    env.index_files(&["in"]);
    // `Cannabis` is no word of the lexicon: the archive says where the word splits.
    let ids: Vec<String> = hits(&env, &["Cannabislegalisierung"])
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(ids, ["apart-words"]);
    // Beside another word, its modifier ranks what holds it.
    let found = hits(&env, &["Cannabislegalisierung Bilanz"]);
    assert_eq!(
        found[0],
        owned(&[("modifier", &["Cannabislegalisierung"])])[0]
    );
}

#[test]
fn a_compound_finds_its_halves_near_each_other_below_itself() {
    let env = archive();
    let ids: Vec<String> = hits(&env, &["Rentenreform"])
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(ids, ["compound", "halves"]);
}

#[test]
fn a_merged_preposition_need_not_be_held() {
    // `beim` is `bei dem`: as empty as the stop words `im` and `zum`, so the articles with
    // the other words hold every word, and none lacks `beim`.
    let env = Env::new();
    let lines = [
        record(
            "csd",
            "Anschlag auf den CSD",
            "2026-07-27",
            "Nach dem Anschlag auf den CSD in Berlin ermittelt die Bundesanwaltschaft.",
        ),
        record(
            "zug",
            "Unfall beim Rangieren",
            "2026-07-28",
            "Beim Rangieren entgleiste ein Zug.",
        ),
    ];
    env.write("in.jsonl", lines.join("\n"));
    env.index_files(&["in.jsonl"]);
    assert_eq!(hits(&env, &["Anschlag beim CSD"]), owned(&[("csd", &[])]));
}
