//! The bundled corpus: the founding article unchanged, and what the corpus must hold.

use std::collections::HashSet;

use nachlese::corpus::bundled;
use sha2::{Digest, Sha256};

use crate::util::{project, shared};

const SEED_ID: &str = "2024-02-20-putin-schenkt-kim-auto";
/// SHA-256 of `../shared/seed/000_f7c7e48114a92a3f.txt`.
const SEED_SHA256: &str = "9bd905fd7487d588e973f36fd6a92ff551f292a286eeb61914e19a06f97c08e5";

fn articles() -> Vec<nachlese::Document> {
    bundled::documents()
        .map(|d| d.unwrap_or_else(|e| panic!("bundled file does not parse: {e}")))
        .collect()
}

fn is_related(a: &nachlese::Article) -> bool {
    let text = format!("{} {}", a.title, a.body);
    ["Nordkorea", "Pjöngjang", "Pyongyang", "Kim Jong"]
        .iter()
        .any(|w| text.contains(w))
}

#[test]
fn the_founding_article_is_unchanged() {
    let seed = articles()
        .into_iter()
        .find(|d| d.article.id == SEED_ID)
        .expect("seed");
    let digest = Sha256::digest(seed.article.body.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hex, SEED_SHA256);
    // The file is its front matter followed by the seed's bytes, untouched.
    let file = std::fs::read(project().join("corpus").join(format!("{SEED_ID}.md"))).unwrap();
    if let Some(path) = shared("seed/000_f7c7e48114a92a3f.txt") {
        let original = std::fs::read(path).unwrap();
        assert!(file.ends_with(&original));
        assert_eq!(seed.article.body.as_bytes(), &original[..]);
    }
    assert_eq!(
        nachlese::dates::format_rfc3339(seed.article.date),
        "2024-02-20T00:00:00Z"
    );
    assert!(seed.article.source.is_some());
    assert_eq!(seed.article.language.as_deref(), Some("de"));
}

#[test]
fn the_corpus_has_enough_related_and_unrelated_items() {
    let docs = articles();
    let related = docs.iter().filter(|d| is_related(&d.article)).count();
    let unrelated = docs.len() - related;
    assert!(related >= 41, "related items (with the seed): {related}");
    assert!(unrelated >= 10, "unrelated items: {unrelated}");
}

#[test]
fn every_item_is_complete_unique_and_of_the_right_length() {
    let mut ids = HashSet::new();
    for d in articles() {
        let a = &d.article;
        assert!(ids.insert(a.id.clone()), "duplicate id {}", a.id);
        let file = d
            .origin
            .path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert_eq!(file, format!("{}.md", a.id), "file name and id differ");
        assert!(
            a.source.is_some() && !a.tags.is_empty(),
            "{}: source and tags",
            a.id
        );
        assert!(matches!(a.date.year(), 2023 | 2024), "{}: {}", a.id, a.date);
        assert!(
            a.id.starts_with(&nachlese::dates::format_day(a.date)),
            "{}: id and date differ",
            a.id
        );
        let words = a.body.split_whitespace().count();
        if a.id != SEED_ID {
            assert!((120..=500).contains(&words), "{}: {words} words", a.id);
        }
    }
}

#[test]
fn names_appear_in_the_spellings_german_media_use() {
    let text: String = articles()
        .iter()
        .map(|d| format!("{} {}\n", d.article.title, d.article.body))
        .collect();
    for spelling in [
        "Pjöngjang",
        "Pyongyang",
        "Schoigu",
        "Shoigu",
        "Lawrow",
        "Kim Jong Un",
        "Kim Jong-un",
        "Selenskyj",
        "Selenski",
        "Wostotschny",
        "Aussenminister",
    ] {
        assert!(text.contains(spelling), "no item writes {spelling}");
    }
}

#[test]
fn the_topics_of_the_brief_are_covered_on_their_dates() {
    let docs = articles();
    let on = |day: &str, word: &str| {
        docs.iter().any(|d| {
            nachlese::dates::format_day(d.article.date) == day
                && format!("{} {}", d.article.title, d.article.body).contains(word)
        })
    };
    for (day, word) in [
        ("2023-07-26", "Schoigu"),
        ("2023-09-13", "Wostotschny"),
        ("2023-10-19", "Lawrow"),
        ("2023-11-22", "Aufklärungssatellit"),
        ("2024-01-16", "Choe Son Hui"),
        ("2024-01-05", "Raketen"),
        ("2024-03-28", "Veto"),
        ("2024-06-19", "Partnerschaft"),
        ("2024-10-29", "Kursk"),
        ("2024-11-12", "ratifiziert"),
    ] {
        assert!(on(day, word), "nothing on {day} about {word}");
    }
}
