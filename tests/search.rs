//! `nachlese search`: the query language, date ranges, order, paging, output and exit status.

use predicates::prelude::*;

use crate::util::{Env, parse_json, record, stderr, stdout};

/// A small archive whose every article is there to prove one point.
fn archive() -> Env {
    let env = Env::new();
    let lines = [
        record(
            "auto",
            "Putin schenkt Kim ein Auto",
            "2024-02-20",
            "Der russische Präsident übergab den Wagen in Pjöngjang.",
        ),
        record(
            "lawrow",
            "Lawrow besucht Pjöngjang",
            "2023-10-19",
            "Der russische Außenminister Sergej Lawrow traf Kim Jong Un.",
        ),
        record(
            "schoigu",
            "Schoigu bei der Parade",
            "2023-07-27T12:00:00Z",
            "Verteidigungsminister Schoigu feierte den Tag des Sieges in Pjöngjang.",
        ),
        record(
            "gipfel",
            "Gipfel am Kosmodrom",
            "2023-09-13",
            "Kim Jong-un und Putin trafen sich. Der Besuch des Verteidigungsministers folgte.",
        ),
        record(
            "sept-end",
            "Ende September",
            "2023-09-30T23:59:59Z",
            "Ein Bericht über Elektroautos.",
        ),
        record(
            "oct-start",
            "Anfang Oktober",
            "2023-10-01T00:00:00Z",
            "Noch ein Bericht über Elektroautos.",
        ),
        record(
            "title-only",
            "Naryschkin kommt",
            "2024-03-25",
            "Der Geheimdienstchef reist nach Pjöngjang.",
        ),
        record(
            "body-only",
            "Geheimdienstchef kommt",
            "2024-03-26",
            "Naryschkin reist nach Pjöngjang.",
        ),
        record(
            "fussball",
            "Leverkusen ist Meister",
            "2024-04-14",
            "Die Mannschaft gewann die Meisterschaft im Fußball.",
        ),
    ];
    env.write("in/archive.jsonl", lines.join("\n"));
    env.index_files(&["in"]);
    env
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn articles_with_every_word_come_first_and_all_keeps_only_them() {
    let env = archive();
    // Few articles hold both words: those holding one of them follow.
    assert_eq!(env.ids(&["Putin Auto"])[0], "auto");
    assert_eq!(env.ids(&["--all", "Putin Auto"]), ["auto"]);
    // Unquoted words on the command line are one query.
    assert_eq!(env.ids(&["--all", "Putin", "Auto"]), ["auto"]);
}

#[test]
fn or_is_explicit() {
    let env = archive();
    assert_eq!(
        sorted(env.ids(&["Lawrow OR Schoigu"])),
        ["lawrow", "schoigu"]
    );
}

#[test]
fn phrases_keep_word_order() {
    let env = archive();
    assert_eq!(env.ids(&["\"Tag des Sieges\""]), ["schoigu"]);
    assert!(env.ids(&["\"Sieges Tag\""]).is_empty());
}

#[test]
fn minus_excludes_a_word() {
    let env = archive();
    let ids = sorted(env.ids(&["Pjöngjang -Lawrow -Naryschkin"]));
    assert_eq!(ids, ["auto", "schoigu"]);
}

#[test]
fn title_field_restricts_and_title_matches_weigh_more() {
    let env = archive();
    assert_eq!(env.ids(&["title:Naryschkin"]), ["title-only"]);
    assert_eq!(env.ids(&["Naryschkin"]), ["title-only", "body-only"]);
}

#[test]
fn inflections_and_spellings_find_each_other() {
    let env = archive();
    // Verteidigungsminister / Verteidigungsministers
    assert_eq!(
        sorted(env.ids(&["Verteidigungsminister"])),
        ["gipfel", "schoigu"]
    );
    assert_eq!(
        sorted(env.ids(&["Verteidigungsministers"])),
        ["gipfel", "schoigu"]
    );
    // Außenminister / Aussenminister
    assert_eq!(env.ids(&["Aussenminister"]), ["lawrow"]);
    assert_eq!(env.ids(&["Außenministers"]), ["lawrow"]);
    // Pjöngjang / Pjoengjang
    assert_eq!(env.ids(&["Pjoengjang"]).len(), 5);
    // Fußball / Fussball
    assert_eq!(env.ids(&["Fussball"]), ["fussball"]);
    // Präsident / Praesidenten
    assert_eq!(env.ids(&["Praesidenten"]), ["auto"]);
}

#[test]
fn syntax_errors_are_clear_and_exit_2() {
    let env = archive();
    for (query, says) in [
        ("\"Putin", "syntax error"),
        ("(Putin", "syntax error"),
        ("ort:Moskau", "there is no field `ort`"),
        ("-Putin", "cannot only exclude"),
    ] {
        let index = env.index();
        env.cmd(&["search", "--index", index.to_str().unwrap(), "--", query])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("invalid query"))
            .stderr(predicate::str::contains(says));
    }
}

#[test]
fn month_ranges_cover_the_whole_month_and_nothing_else() {
    let env = archive();
    let ids = env.ids(&["--from", "2023-09", "--to", "2023-09"]);
    assert_eq!(ids, ["sept-end", "gipfel"]);
}

#[test]
fn every_date_form_means_its_period() {
    let env = archive();
    let count = |args: &[&str]| {
        let mut full = vec!["search"];
        full.extend_from_slice(args);
        env.json(&full)["total"].as_u64().unwrap()
    };
    assert_eq!(count(&["--from", "2023", "--to", "2023"]), 5);
    assert_eq!(count(&["--from", "2024"]), 4);
    assert_eq!(count(&["--to", "2023-09-30"]), 3);
    assert_eq!(count(&["--from", "2023-09-30", "--to", "2023-09-30"]), 1);
    // RFC 3339 instants are exact, to the second, in any offset.
    assert_eq!(
        count(&["--from", "2023-09-13", "--to", "2023-09-30T23:59:58Z"]),
        1
    );
    assert_eq!(
        count(&["--from", "2023-09-13", "--to", "2023-09-30T23:59:59Z"]),
        2
    );
    assert_eq!(
        count(&["--from", "2023-10-01T02:00:00+02:00", "--to", "2023-10-01"]),
        1
    );
    assert_eq!(
        count(&["--from", "2023-10-01T02:00:01+02:00", "--to", "2023-10-01"]),
        0
    );
}

#[test]
fn dates_combine_with_words() {
    let env = archive();
    assert_eq!(
        env.ids(&["Elektroautos", "--from", "2023-10"]),
        ["oct-start"]
    );
    assert_eq!(env.ids(&["Elektroautos", "--to", "2023-09"]), ["sept-end"]);
}

#[test]
fn impossible_dates_and_inverted_ranges_are_errors_naming_the_value() {
    let env = archive();
    for (args, says) in [
        (vec!["--from", "2023-13-01"], "2023-13-01"),
        (vec!["--to", "2023-02-30"], "February 2023 has no day 30"),
        (vec!["--from", "23-1"], "23-1"),
        (
            vec!["--from", "2024", "--to", "2023-12"],
            "--from 2024 is after --to 2023-12",
        ),
    ] {
        let mut full = vec!["search", "Putin"];
        full.extend(args);
        env.on_index(&full)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(says));
    }
}

#[test]
fn sort_orders() {
    let env = archive();
    assert_eq!(
        env.ids(&["Pjöngjang", "--sort", "newest"]),
        ["body-only", "title-only", "auto", "lawrow", "schoigu"]
    );
    assert_eq!(
        env.ids(&["Pjöngjang", "--sort", "oldest"]),
        ["schoigu", "lawrow", "auto", "title-only", "body-only"]
    );
    // A listing without words is newest first unless asked otherwise.
    assert_eq!(env.ids(&["--from", "2024-03"])[0], "fussball");
    assert_eq!(
        env.ids(&["--from", "2024-03", "--sort", "oldest"])[0],
        "title-only"
    );
}

#[test]
fn limit_and_offset_page_through_hits() {
    let env = archive();
    let page = env.json(&[
        "search",
        "Pjöngjang",
        "--sort",
        "oldest",
        "--limit",
        "2",
        "--offset",
        "2",
    ]);
    assert_eq!(page["total"], 5);
    assert_eq!(crate::util::ids_of(&page), ["auto", "title-only"]);
    assert_eq!(page["hits"][0]["rank"], 3);
    let beyond = env.json(&["search", "Pjöngjang", "--offset", "1000000000000"]);
    assert_eq!(beyond["total"], 5);
    assert_eq!(beyond["hits"].as_array().unwrap().len(), 0);
    let huge = env.json(&["search", "Pjöngjang", "--limit", "18446744073709551615"]);
    assert_eq!(huge["hits"].as_array().unwrap().len(), 5);
    let none = env.json(&["search", "Pjöngjang", "--limit", "0"]);
    assert_eq!(
        (
            none["total"].as_u64(),
            none["hits"].as_array().unwrap().len()
        ),
        (Some(5), 0)
    );
}

#[test]
fn json_has_the_documented_shape() {
    let env = archive();
    let v = env.json(&["search", "--all", "Putin Auto"]);
    assert_eq!(v["total"], 1);
    assert_eq!(
        (v["offset"].as_u64(), v["limit"].as_u64()),
        (Some(0), Some(10))
    );
    assert!(v["notes"].as_array().unwrap().is_empty());
    let hit = &v["hits"][0];
    for key in [
        "id", "title", "date", "score", "snippet", "source", "url", "missing",
    ] {
        assert!(hit.get(key).is_some(), "missing {key} in {hit}");
    }
    assert_eq!(hit["id"], "auto");
    assert_eq!(hit["date"], "2024-02-20T00:00:00Z");
    assert!(hit["score"].as_f64().unwrap() > 0.0);
    assert_eq!(hit["source"], serde_json::Value::Null);
    // Highlights are character offsets into the snippet's text.
    let body_marks = marked(&hit["snippet"]["text"], &hit["snippet"]["highlights"]);
    assert!(
        body_marks.is_empty(),
        "the body has neither word: {body_marks:?}"
    );
    let title_marks = marked(&hit["title"], &hit["title_highlights"]);
    assert_eq!(title_marks, ["Putin", "Auto"]);
    // UTC for dates given with an offset.
    let v = env.json(&["search", "Parade"]);
    assert_eq!(v["hits"][0]["date"], "2023-07-27T12:00:00Z");
}

/// The words of `text` that `ranges` (JSON `[start, end]` character offsets) mark.
fn marked(text: &serde_json::Value, ranges: &serde_json::Value) -> Vec<String> {
    let chars: Vec<char> = text.as_str().unwrap().chars().collect();
    ranges
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            chars[r[0].as_u64().unwrap() as usize..r[1].as_u64().unwrap() as usize]
                .iter()
                .collect()
        })
        .collect()
}

#[test]
fn the_cli_prints_the_librarys_own_json() {
    let env = Env::new();
    env.write(
        "a.jsonl",
        record(
            "gruesse",
            "Grüße aus Pjöngjang",
            "2024-02-20",
            "Über Nacht schenkte Putin dem Machthaber in Pjöngjang ein Auto.",
        ),
    );
    env.index_files(&["a.jsonl"]);
    let cli = env.json(&["search", "-n", "3", "Pjöngjang"]);
    let index = nachlese::Index::open(env.index()).unwrap();
    let library = index
        .search(&nachlese::SearchRequest::new("Pjöngjang").limit(3))
        .unwrap();
    assert_eq!(cli, serde_json::to_value(&library).unwrap());
    // Character offsets: after `Über` and `Grüße`, byte offsets would be one or two more.
    let hit = &cli["hits"][0];
    assert_eq!(hit["title_highlights"], serde_json::json!([[10, 19]]));
    assert_eq!(
        marked(&hit["snippet"]["text"], &hit["snippet"]["highlights"]),
        ["Pjöngjang"]
    );
    let tokens = env.json(&["analyze", "Grüße aus Pjöngjang"]);
    let library = nachlese::analysis::analyze("Grüße aus Pjöngjang");
    assert_eq!(tokens, serde_json::to_value(&library).unwrap());
    assert_eq!(
        (tokens[1]["start"].as_u64(), tokens[1]["end"].as_u64()),
        (Some(10), Some(19))
    );
}

#[test]
fn exit_status_is_0_for_hits_1_for_none_2_for_errors() {
    let env = archive();
    env.on_index(&["search", "Putin"]).assert().code(0);
    env.on_index(&["search", "Xylophon"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("0 hits"));
    env.on_index(&["search", "Putin", "--from", "2030"])
        .assert()
        .code(1);
    env.on_index(&["search", "\"Putin"]).assert().code(2);
    env.on_index(&["search", "Putin", "--sort", "random"])
        .assert()
        .code(2);
}

#[test]
fn people_see_rank_date_title_id_and_snippet() {
    let env = archive();
    let out = env.on_index(&["search", "Naryschkin"]).output().unwrap();
    let text = stdout(&out);
    assert!(text.starts_with("2 hits\n"), "{text}");
    assert!(text.contains("1. 2024-03-25  Naryschkin kommt"), "{text}");
    assert!(text.contains("   title-only\n"), "{text}");
    assert!(
        text.contains("2. 2024-03-26  Geheimdienstchef kommt"),
        "{text}"
    );
    assert!(text.contains("Naryschkin reist nach Pjöngjang."), "{text}");
    // Piped: no escape codes.
    assert!(!text.contains('\x1b'), "{text}");
}

#[test]
fn matched_words_are_coloured_on_request_and_never_with_no_color() {
    let env = archive();
    let out = env
        .on_index(&["search", "Naryschkin", "--color", "always"])
        .output()
        .unwrap();
    assert!(
        stdout(&out).contains("\x1b[1;31mNaryschkin\x1b[0m reist"),
        "{}",
        stdout(&out)
    );
    let out = env
        .on_index(&["search", "Naryschkin", "--color", "auto"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!stdout(&out).contains('\x1b'));
    let out = env
        .on_index(&["search", "Naryschkin", "--color", "never"])
        .output()
        .unwrap();
    assert!(!stdout(&out).contains('\x1b'));
}

#[test]
fn snippets_show_the_matching_passage() {
    let env = Env::new();
    let long = format!(
        "{} Am Ende schenkte Putin dem Gast ein Auto. {}",
        "Vorher geschah sehr viel anderes. ".repeat(20),
        "Danach kam noch mehr. ".repeat(20)
    );
    env.write(
        "a.jsonl",
        record("lang", "Ein langer Bericht", "2024-01-01", &long),
    );
    env.index_files(&["a.jsonl"]);
    let v = env.json(&["search", "Putin Auto"]);
    let snippet = v["hits"][0]["snippet"]["text"].as_str().unwrap();
    assert!(snippet.starts_with("…Am Ende schenkte Putin"), "{snippet}");
    assert!(snippet.ends_with('…'), "{snippet}");
    assert!(snippet.chars().count() <= 202, "{snippet}");
}

#[test]
fn show_prints_one_article_and_stats_the_months() {
    let env = archive();
    let out = env.on_index(&["show", "lawrow"]).output().unwrap();
    let text = stdout(&out);
    assert!(
        text.starts_with("Lawrow besucht Pjöngjang\n2023-10-19T00:00:00Z"),
        "{text}"
    );
    assert!(text.contains("Sergej Lawrow traf Kim Jong Un."), "{text}");
    let v = env.json(&["show", "lawrow"]);
    assert_eq!(
        v["body"],
        "Der russische Außenminister Sergej Lawrow traf Kim Jong Un."
    );
    env.on_index(&["show", "nope"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no article with id \"nope\""));

    let out = env.on_index(&["stats"]).output().unwrap();
    let text = stdout(&out);
    assert!(
        text.starts_with("9 articles, published 2023-07-27 to 2024-04-14\n"),
        "{text}"
    );
    assert!(
        text.contains("2023-08  0  \n"),
        "empty months are listed: {text}"
    );
    assert!(
        text.contains("2024-03  2  ████████████████████████████████████████\n"),
        "{text}"
    );
    let v = env.json(&["stats"]);
    assert_eq!(v["documents"], 9);
    assert_eq!(v["months"].as_array().unwrap().len(), 10);
}

/// What the user sees: nothing found (exit status 1, as grep), "0 hits", and a note on
/// standard error that says why; with --json, an empty answer and the same note.
#[test]
fn queries_of_only_stop_words_or_punctuation_find_nothing_without_error() {
    let env = archive();
    for q in ["der die das", "...", "und oder", "Der, die; das!"] {
        let note = format!(
            "nachlese: note: the query {q:?} has only stop words or punctuation, which are \
             not indexed\n"
        );
        let out = env.on_index(&["search", q]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{q}: {}", stderr(&out));
        assert_eq!(stdout(&out), "0 hits\n", "{q}");
        assert_eq!(stderr(&out), note, "{q}");

        let out = env.on_index(&["search", q, "--json"]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{q}: {}", stderr(&out));
        let v = parse_json(&out);
        assert_eq!(v["total"], 0, "{q}: {v}");
        assert_eq!(v["hits"], serde_json::json!([]), "{q}: {v}");
        assert_eq!(v["words"], serde_json::json!([]), "{q}: {v}");
        assert_eq!(v["suggestion"], serde_json::Value::Null, "{q}: {v}");
        assert_eq!(stderr(&out), note, "{q}");
    }
}

/// A blank query is no query: it lists the whole archive, newest first, and finds
/// something (exit status 0), without a note.
#[test]
fn a_blank_query_lists_every_article() {
    let env = archive();
    let out = env.on_index(&["search", "  ", "--json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    let v = parse_json(&out);
    assert_eq!(v["total"], 9, "{v}");
    let ids = crate::util::ids_of(&v);
    assert_eq!(ids.len(), 9, "{ids:?}");
    assert_eq!(ids[0], "fussball", "newest first: {ids:?}");
    let out = env.on_index(&["search", "  "]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("9 hits\n"), "{}", stdout(&out));
}

/// A word in one article's title and body is one article, in totals and in the query plan
/// (the plan once summed the per-field document counts and said "2 articles").
#[test]
fn a_word_in_title_and_body_counts_once() {
    let env = Env::new();
    env.write(
        "a.jsonl",
        record(
            "one",
            "Minister in Moskau",
            "2024-01-01",
            "Der Minister reiste.",
        ),
    );
    env.index_files(&["a.jsonl"]);
    for flags in [&["--exact"][..], &[][..]] {
        let mut args = vec!["search", "Minister", "--limit", "0"];
        args.extend_from_slice(flags);
        let v = env.json(&args);
        assert_eq!(v["total"], 1, "{flags:?}");
        assert_eq!(v["words"][0]["doc_freq"], 1, "{flags:?}");
    }
}

#[test]
fn a_phrase_is_highlighted_only_where_it_stands() {
    let env = Env::new();
    env.write(
        "a.jsonl",
        record(
            "sieg",
            "Parade",
            "2023-07-28",
            "Tags darauf feierten sie den Tag des Sieges.",
        ),
    );
    env.index_files(&["a.jsonl"]);
    let hit = &env.json(&["search", "\"Tag des Sieges\""])["hits"][0];
    let words = marked(&hit["snippet"]["text"], &hit["snippet"]["highlights"]);
    assert_eq!(words, ["Tag", "Sieges"]);
}

#[test]
fn a_snippet_leaves_out_highlights_that_do_not_fit_its_text() {
    // Reversed, overlapping, and past the end: once a panic in `to_html`.
    let reversed = std::ops::Range { start: 4, end: 2 };
    // Its fields can be changed after it was checked.
    let mut snippet = nachlese::Snippet::new("Grüße aus Kiew", vec![]).unwrap();
    snippet.highlights = vec![reversed, 0..3, 2..5, 10..14, 12..20];
    assert_eq!(snippet.to_html(), "<b>Grü</b>ße aus <b>Kiew</b>");
    let checked = nachlese::Snippet::new(snippet.text.clone(), snippet.highlights.clone());
    assert_eq!(checked.unwrap_err().reason, "is reversed");
    let past = nachlese::Snippet::new("Grüße aus Kiew", vec![0..5, 10..15]).unwrap_err();
    assert_eq!((past.reason, past.len), ("reaches past its end", 14));
    // Character offsets: `Kiew` is characters 10..14 (bytes 12..16).
    let ok = nachlese::Snippet::new("Grüße aus Kiew", vec![0..5, 10..14]).unwrap();
    assert_eq!(ok.to_html(), "<b>Grüße</b> aus <b>Kiew</b>");
}

/// An index in memory of articles (id, title, text), all published on one day.
pub(crate) fn index_of(articles: &[(&str, &str, &str)]) -> nachlese::Index {
    let index = nachlese::Index::create_in_ram().unwrap();
    let mut writer = index.writer().unwrap();
    for &(id, title, body) in articles {
        let article = nachlese::Article::new(id, title, "2024-05-01", body).unwrap();
        writer.add(&article).unwrap();
    }
    writer.commit().unwrap();
    index
}

#[test]
fn a_request_carries_its_ranking() {
    let index = index_of(&[
        ("title", "Gipfel in Genf", "Die Delegationen reisten an."),
        (
            "body",
            "Treffen in Genf",
            "Der Gipfel begann, der Gipfel endete spät.",
        ),
    ]);
    let first = |ranking: nachlese::search::Ranking| {
        let request = nachlese::SearchRequest::new("Gipfel").ranking(ranking);
        index.search(&request).unwrap().hits[0].id.clone()
    };
    let default = nachlese::search::Ranking::default();
    assert_eq!(first(default), "title");
    let title_counts_nothing = default.title_boost(0.0);
    assert_eq!(first(title_counts_nothing), "body");
}

#[test]
fn of_equal_answers_the_newer_comes_first_on_every_path() {
    // The same item twice, the older indexed first: as written (the page tantivy prunes),
    // as a phrase, and with the expansions, the newer one is the first hit.
    let env = Env::new();
    let older = record("older", "Hochwasser:", "2024-06-01", "Die Pegel steigen.");
    let newer = record("newer", "Hochwasser:", "2024-06-03", "Die Pegel steigen.");
    let other = record(
        "other",
        "Wetter",
        "2024-06-02",
        "Sonne und Hochwasser im Süden.",
    );
    env.write("old.jsonl", [older, other].join("\n"));
    env.write("new.jsonl", newer);
    env.index_files(&["old.jsonl"]);
    env.index_files(&["new.jsonl"]);
    for args in [
        &["Hochwasser", "--exact", "-n", "1"][..],
        &["\"Pegel steigen\"", "-n", "1"],
        &["Hochwasser", "-n", "1"],
        &["Hochwasser Pegel", "-n", "1"],
    ] {
        assert_eq!(env.ids(args), ["newer"], "{args:?}");
    }
}

#[test]
fn usa_and_the_us_of_compounds_are_one_word() {
    let env = Env::new();
    let lines = [
        record(
            "us",
            "US-Zölle",
            "2025-08-01",
            "Die US-Zölle auf Stahl steigen.",
        ),
        record(
            "usa",
            "Handel",
            "2025-08-02",
            "Die USA erheben Zölle auf Stahl.",
        ),
        record(
            "eu",
            "Handel",
            "2025-08-03",
            "Die EU erhebt Zölle auf Stahl.",
        ),
    ];
    env.write("in.jsonl", lines.join("\n"));
    env.index_files(&["in.jsonl"]);
    assert_eq!(sorted(env.ids(&["USA Zölle", "--all"])), ["us", "usa"]);
    assert_eq!(sorted(env.ids(&["US Zölle", "--all"])), ["us", "usa"]);
}
