//! `nachlese analyze` and the German analysis as users meet it.

use crate::util::{Env, parse_json, stdout};

#[test]
fn analyze_prints_the_terms_the_index_stores() {
    let env = Env::new();
    let out = env
        .cmd(&[
            "analyze",
            "Der Außenminister traf den Verteidigungsministers in Pjöngjang.",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        stdout(&out),
        " pos  kind  term                 word\n   \
         1  word  aussenminist         Außenminister\n   \
         1  part  auss                 Außenminister\n   \
         1  part  minist               Außenminister\n   \
         2  word  traf                 traf\n   \
         4  word  verteidigungsminist  Verteidigungsministers\n   \
         4  part  verteid              Verteidigungsministers\n   \
         4  part  minist               Verteidigungsministers\n   \
         6  word  pjongjang            Pjöngjang\n   \
         6  name  16464                Pjöngjang\n"
    );
}

#[test]
fn analyze_json_gives_character_offsets() {
    let env = Env::new();
    let text = "Über Pjoengjang fährt Kims Zug";
    let v = parse_json(&env.cmd(&["analyze", text, "--json"]).output().unwrap());
    let chars: Vec<char> = text.chars().collect();
    let tokens: Vec<&serde_json::Value> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["kind"] == "word")
        .collect();
    assert_eq!(tokens.len(), 4);
    for t in &tokens {
        let (s, e) = (
            t["start"].as_u64().unwrap() as usize,
            t["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            chars[s..e].iter().collect::<String>(),
            t["text"].as_str().unwrap()
        );
    }
    assert_eq!(tokens[0]["term"], "pjongjang");
    assert_eq!(tokens[1]["term"], "fahrt");
}

#[test]
fn spellings_and_inflections_meet_in_one_term() {
    let terms = nachlese::analysis::word_terms;
    for (a, b) in [
        ("Außenminister", "Aussenminister"),
        ("Pjöngjang", "Pjoengjang"),
        ("Verteidigungsministers", "Verteidigungsminister"),
        ("Nordkoreanischen", "nordkoreanische"),
        ("Präsidenten", "Praesident"),
        ("Grüße", "Gruesse"),
    ] {
        assert_eq!(terms(a), terms(b), "{a} / {b}");
    }
    // Stop words go in either spelling; `Uber` is not `über`.
    assert!(terms("für fuer über ueber dass daß").is_empty());
    assert_eq!(terms("Uber"), ["uber"]);
}

#[test]
fn bounding_and_clearing_the_word_caches_changes_no_analysis() {
    use nachlese::analysis::{
        DEFAULT_WORD_CACHE_WORDS, analyze, clear_word_caches, set_word_cache_limit, word_cache_len,
    };
    let text =
        "Verteidigungsminister Schoigu besuchte Pjöngjang; die Verteidigungsminister trafen sich.";
    let before = analyze(text);
    set_word_cache_limit(0);
    assert_eq!(analyze(text), before);
    set_word_cache_limit(3);
    assert_eq!(analyze(text), before);
    assert!(word_cache_len() <= 3, "{}", word_cache_len());
    clear_word_caches();
    assert_eq!(analyze(text), before);
    set_word_cache_limit(DEFAULT_WORD_CACHE_WORDS);
    assert_eq!(analyze(text), before);
}
