//! Searching by the dates articles mention: `search --mentions-from/--mentions-to`,
//! `dates`, `timeline`.

use predicates::prelude::*;

use crate::util::{Env, parse_json, record, stdout};

const SEED: &str = "2024-02-20-putin-schenkt-kim-auto";

#[test]
fn the_founding_article_is_found_by_the_september_it_mentions() {
    let env = Env::new();
    let out = env
        .cmd(&[
            "search",
            "--mentions-from",
            "2023-09",
            "--mentions-to",
            "2023-09",
            "--json",
            "--limit",
            "100",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v = parse_json(&out);
    let seed = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["id"] == SEED)
        .expect("the founding article mentions September 2023");
    // Its mention, with the words and where they are in the text (in characters).
    let m = &seed["mentions"][0];
    assert_eq!(m["value"], "2023-09");
    assert_eq!(m["type"], "DATE");
    assert_eq!(m["field"], "body");
    let body = env.json_default(&["show", SEED])["body"]
        .as_str()
        .unwrap()
        .to_string();
    let chars: Vec<char> = body.chars().collect();
    let (start, end) = (
        m["start"].as_u64().unwrap() as usize,
        m["end"].as_u64().unwrap() as usize,
    );
    let text: String = chars[start..end].iter().collect();
    assert_eq!(text, m["text"].as_str().unwrap());
    // Every hit mentions a date in September 2023, whenever it was published.
    for hit in v["hits"].as_array().unwrap() {
        assert!(!hit["mentions"].as_array().unwrap().is_empty(), "{hit}");
        for m in hit["mentions"].as_array().unwrap() {
            assert!(m["value"].as_str().unwrap().starts_with("2023-09"), "{m}");
        }
    }
}

#[test]
fn mentioned_and_published_dates_combine() {
    let env = Env::new();
    env.write(
        "a.jsonl",
        [
            record(
                "rueck",
                "Rückblick",
                "2024-02-20",
                "Im vergangenen Juli besuchte Schoigu Pjöngjang.",
            ),
            record(
                "damals",
                "Damals",
                "2023-07-27",
                "Schoigu kam gestern in Pjöngjang an.",
            ),
            record(
                "anders",
                "Anderes",
                "2024-02-20",
                "Im Oktober reiste Lawrow nach Pjöngjang.",
            ),
        ]
        .join("\n"),
    );
    env.index_files(&["a.jsonl"]);
    let july = ["--mentions-from", "2023-07", "--mentions-to", "2023-07"];
    let mut args = vec!["Pjöngjang"];
    args.extend_from_slice(&july);
    let mut ids = env.ids(&args);
    ids.sort();
    // "im vergangenen Juli" in February 2024 is July 2023; "gestern" on 2023-07-27 is the 26th.
    assert_eq!(ids, ["damals", "rueck"]);
    args.extend_from_slice(&["--from", "2024"]);
    assert_eq!(env.ids(&args), ["rueck"]);
    // A listing without query words works too.
    let mut listing: Vec<&str> = Vec::new();
    listing.extend_from_slice(&july);
    assert_eq!(env.ids(&listing).len(), 2);
    // A bad date names the flag.
    env.on_index(&["search", "--mentions-from", "2023-13"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--mentions-from"));
}

#[test]
fn dates_tags_a_text_against_its_date() {
    let env = Env::new();
    let text = "Am Sonntag, dem 18. Februar, übergab Putin das Auto. Im vergangenen Juli war \
                Schoigu in Pjöngjang.";
    let out = env
        .cmd(&["dates", "--ref", "2024-02-20", "--json"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v = parse_json(&out);
    let found: Vec<(String, String)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["value"].as_str().unwrap().into(),
                t["type"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert!(
        found.contains(&("2024-02-18".into(), "DATE".into())),
        "{found:?}"
    );
    assert!(
        found.contains(&("2023-07".into(), "DATE".into())),
        "{found:?}"
    );
    // Offsets count characters (the ü before them counts one), end exclusive.
    let chars: Vec<char> = text.chars().collect();
    for t in v.as_array().unwrap() {
        let (s, e) = (
            t["start"].as_u64().unwrap() as usize,
            t["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            chars[s..e].iter().collect::<String>(),
            t["text"].as_str().unwrap()
        );
    }
    // From a file, for people.
    env.write("text.txt", text);
    let out = env
        .cmd(&["dates", "text.txt", "--ref", "2024-02-20"])
        .output()
        .unwrap();
    assert!(stdout(&out).contains("2023-07"), "{}", stdout(&out));
    // Nothing found: exit 1; no or a bad reference date: exit 2.
    env.cmd(&["dates", "--ref", "2024-02-20"])
        .write_stdin("Kein Datum hier.")
        .assert()
        .code(1);
    env.cmd(&["dates"]).write_stdin("x").assert().code(2);
    env.cmd(&["dates", "--ref", "2024-02-30"])
        .write_stdin("x")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--ref"));
}

#[test]
fn timeline_counts_published_and_mentioned_months() {
    let env = Env::new();
    let v = env.json_default(&["timeline", "Kim", "--from", "2023-07", "--to", "2023-12"]);
    let months = v["months"].as_array().unwrap();
    assert_eq!(months.len(), 6);
    assert_eq!(
        (months[0]["year"].as_u64(), months[0]["month"].as_u64()),
        (Some(2023), Some(7))
    );
    let sept = &months[2];
    assert!(sept["published"].as_u64().unwrap() > 0);
    assert!(sept["mentioned"].as_u64().unwrap() >= sept["published"].as_u64().unwrap() / 2);
    let out = env
        .cmd(&["timeline", "Kim", "--from", "2023-07", "--to", "2023-12"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(stdout(&out).contains("2023-09"), "{}", stdout(&out));
}
