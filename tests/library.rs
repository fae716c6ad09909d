//! The library as other tools embed it: only the public API.

use nachlese::corpus::InputErrorKind;
use nachlese::{Article, DateRange, Error, Index, SearchRequest, Sort, WriterOptions};

fn article(id: &str, title: &str, date: &str, body: &str) -> Article {
    Article::new(id, title, date, body).unwrap()
}

fn archive() -> Index {
    let index = Index::create_in_ram().unwrap();
    let mut w = index.writer().unwrap();
    w.add(&article(
        "a",
        "Lawrow in Pjöngjang",
        "2023-10-19",
        "Der Außenminister traf Kim Jong Un.",
    ))
    .unwrap();
    w.add(&article(
        "b",
        "Gipfel in Wostotschny",
        "2023-09-13",
        "Putin empfing Kim Jong-un am Kosmodrom.",
    ))
    .unwrap();
    w.add(&article(
        "c",
        "Leverkusen ist Meister",
        "2024-04-14",
        "Fußball in Leverkusen.",
    ))
    .unwrap();
    w.commit().unwrap();
    index
}

#[test]
fn search_returns_typed_hits_with_snippets() {
    let index = archive();
    let results = index.search(&SearchRequest::new("Kim")).unwrap();
    assert_eq!(results.total, 2);
    let hit = &results.hits[0];
    assert_eq!(hit.rank, 1);
    assert!(hit.score > 0.0);
    let marked: Vec<&str> = hit.snippet.parts().filter(|p| p.1).map(|p| p.0).collect();
    assert_eq!(marked, ["Kim"]);
    assert!(hit.snippet.to_html().contains("<b>Kim</b>"));
}

#[test]
fn hits_missing_a_word_follow_and_say_which_unless_every_word_is_asked_for() {
    let index = archive();
    // No article holds both words: those holding one of them are the answer.
    let results = index.search(&SearchRequest::new("Kim Leverkusen")).unwrap();
    let mut found: Vec<(&str, Vec<&str>)> = results
        .hits
        .iter()
        .map(|h| {
            (
                h.id.as_str(),
                h.missing.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    // Leverkusen (one article) is rarer than Kim (two): it weighs more.
    assert_eq!(found.remove(0), ("c", vec!["Kim"]));
    found.sort();
    assert_eq!(
        found,
        [("a", vec!["Leverkusen"]), ("b", vec!["Leverkusen"])]
    );
    assert_eq!(results.total, 3);
    let strict = index
        .search(&SearchRequest::new("Kim Leverkusen").all_words(true))
        .unwrap();
    assert_eq!(strict.total, 0);
}

#[test]
fn requests_carry_range_sort_limit_and_offset() {
    let index = archive();
    let range =
        DateRange::new(Some("2023".parse().unwrap()), Some("2023".parse().unwrap())).unwrap();
    let r = index
        .search(&SearchRequest::all().range(range).sort(Sort::Oldest))
        .unwrap();
    let ids: Vec<_> = r.hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["b", "a"]);
    let r = index
        .search(&SearchRequest::all().limit(1).offset(1))
        .unwrap();
    assert_eq!(
        (r.total, r.hits.len(), r.hits[0].id.as_str(), r.hits[0].rank),
        (3, 1, "a", 2)
    );
}

#[test]
fn errors_are_typed() {
    let index = archive();
    assert!(matches!(
        index.search(&SearchRequest::new("\"Kim")),
        Err(Error::Query { .. })
    ));
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        Index::open(dir.path().join("none")),
        Err(Error::NoIndex { .. })
    ));
    assert!(matches!(
        Article::new("", "T", "2024-01-01", ""),
        Err(Error::InvalidArticle(_))
    ));
    assert!(matches!(
        "2023-13".parse::<nachlese::Period>(),
        Err(nachlese::dates::DateError { .. })
    ));

    std::fs::write(dir.path().join("x.jsonl"), "{\"id\":\"a\"}\n").unwrap();
    let mut w = index.writer().unwrap();
    let err = w.add_paths([dir.path().join("x.jsonl")], Err).unwrap_err();
    match err {
        Error::Input(e) => {
            assert_eq!(e.line, Some(1));
            assert!(matches!(e.kind, InputErrorKind::MissingField("title")));
        }
        other => panic!("{other}"),
    }
}

#[test]
fn get_reads_an_article_back_and_delete_removes_it() {
    let index = archive();
    let stored = index.get("a").unwrap().unwrap();
    assert_eq!(stored.article.title, "Lawrow in Pjöngjang");
    assert_eq!(stored.origin, None);
    let mut w = index.writer().unwrap();
    assert!(w.delete("a").unwrap());
    assert!(!w.delete("zzz").unwrap());
    w.commit().unwrap();
    assert!(index.get("a").unwrap().is_none());
    assert_eq!(index.len(), 2);
}

#[test]
fn every_field_of_an_article_built_with_time_values_is_stored() {
    let index = Index::create_in_ram().unwrap();
    let date = time::macros::datetime!(2024-02-18 09:15 +1);
    let built = Article::dated("k", "Kim fährt Aurus", date, "Ein Geschenk aus Moskau.")
        .unwrap()
        .with_source("KCNA")
        .with_url("https://example.org/k")
        .with_authors(["Anna Roth", "Ben Alt"])
        .with_tags(["Nordkorea"])
        .with_language("de");
    let mut w = index.writer().unwrap();
    w.add(&built).unwrap();
    w.commit().unwrap();
    let stored = index.get("k").unwrap().unwrap().article;
    assert_eq!(stored, built);
    assert_eq!(stored.authors, ["Anna Roth", "Ben Alt"]);
    assert_eq!(stored.date, time::macros::datetime!(2024-02-18 08:15 UTC));
    // The rules apply to articles built this way too.
    assert!(matches!(
        Article::dated(" k", "T", date, ""),
        Err(Error::InvalidArticle(_))
    ));
}

#[test]
fn one_writer_is_kept_across_commits_each_visible_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::create(dir.path()).unwrap();
    let mut w = index.writer().unwrap();
    w.add(&article("a", "Kim in Moskau", "2024-01-16", "Ein Besuch."))
        .unwrap();
    let first = w.commit().unwrap();
    assert_eq!((first.added, first.updated), (1, 0));
    // Visible to this index's searches and to another opening, while the writer stays open.
    assert_eq!(
        index.search(&SearchRequest::new("Moskau")).unwrap().total,
        1
    );
    assert_eq!(Index::open(dir.path()).unwrap().len(), 1);

    // The next batch knows what the last commit holds: the same article is unchanged, a
    // changed one an update, and the counts are the batch's own.
    w.add(&article("a", "Kim in Moskau", "2024-01-16", "Ein Besuch."))
        .unwrap();
    w.add(&article(
        "b",
        "Lawrow in Pjöngjang",
        "2024-01-17",
        "Gespräche.",
    ))
    .unwrap();
    let second = w.commit().unwrap();
    assert_eq!((second.added, second.updated, second.unchanged), (1, 0, 1));
    w.add(&article(
        "a",
        "Kim in Moskau",
        "2024-01-16",
        "Ein langer Besuch.",
    ))
    .unwrap();
    assert_eq!(w.commit().unwrap().updated, 1);
    assert_eq!(index.len(), 2);

    // A rolled-back batch is gone, and the writer goes on.
    w.add(&article("c", "Verworfen", "2024-01-18", "")).unwrap();
    w.rollback().unwrap();
    assert_eq!(w.commit().unwrap(), nachlese::WriteStats::default());
    assert!(index.get("c").unwrap().is_none());

    // The writer can be moved to another thread; dropped there without a commit, its last
    // batch is discarded and the lock released.
    let handle = std::thread::spawn(move || {
        w.add(&article("d", "Nie gespeichert", "2024-01-19", ""))
            .unwrap();
    });
    handle.join().unwrap();
    assert!(index.get("d").unwrap().is_none());
    let mut again = index.writer().unwrap();
    assert!(again.delete("b").unwrap());
    again.commit().unwrap();
    assert_eq!(index.len(), 1);
}

#[test]
fn a_second_writer_is_refused_while_one_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::create(dir.path()).unwrap();
    let _first = index.writer().unwrap();
    let other = Index::open(dir.path()).unwrap();
    assert!(matches!(other.writer(), Err(Error::IndexLocked { .. })));
}

#[test]
fn dropping_a_writer_commits_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let index = Index::create(dir.path()).unwrap();
    let before = crate::util::snapshot(dir.path());
    {
        let mut w = index.writer().unwrap();
        w.add(&article("x", "T", "2024-01-01", "")).unwrap();
    }
    assert_eq!(Index::open(dir.path()).unwrap().len(), 0);
    assert_eq!(crate::util::snapshot(dir.path()), before);
}

#[test]
fn stats_count_months() {
    let s = archive().stats().unwrap();
    assert_eq!(s.documents, 3);
    assert_eq!(s.months.len(), 8);
    assert_eq!(
        (s.months[0].year, s.months[0].month, s.months[0].count),
        (2023, 9, 1)
    );
    assert_eq!(s.months.iter().map(|m| m.count).sum::<u64>(), 3);
}

/// 240 articles, one a day from 1 January 2020 at noon, all about the government; every 60th
/// also about a zeppelin.
fn daily_archive() -> Index {
    let index = Index::create_in_ram().unwrap();
    let mut w = index.writer().unwrap();
    let first = time::macros::datetime!(2020-01-01 12:00 UTC);
    for i in 0..240 {
        let date = first + time::Duration::days(i);
        let zeppelin = if i % 60 == 0 {
            " Ein Zeppelin landete."
        } else {
            ""
        };
        let mut a = article(
            &format!("tag-{i}"),
            "Tagesbericht",
            "2020-01-01",
            &format!("Die Regierung berät.{zeppelin}"),
        );
        a.date = date;
        w.add(&a).unwrap();
    }
    w.commit().unwrap();
    index
}

fn between(from: &str, to: &str) -> DateRange {
    let period = |s: &str| (!s.is_empty()).then(|| s.parse().unwrap());
    DateRange::new(period(from), period(to)).unwrap()
}

#[test]
fn a_date_range_filters_rare_and_common_words_exactly() {
    let index = daily_archive();
    let search = |words: &str, range: DateRange| {
        let r = index
            // Every word must match: the counts below are of articles holding them all.
            .search(
                &SearchRequest::new(words)
                    .range(range)
                    .limit(300)
                    .all_words(true),
            )
            .unwrap();
        assert_eq!(
            r.total as usize,
            r.hits.len(),
            "{words}: the count is the page"
        );
        for hit in &r.hits {
            assert!(range.contains(hit.date), "{words}: {} outside", hit.id);
        }
        r.total
    };
    // A word in every article (its documents are checked by a bitset of the range) and one
    // in a few (checked one by one), with the range's ends on an article's day and second.
    assert_eq!(search("Regierung", between("2020-02", "2020-02")), 29);
    assert_eq!(search("Regierung", between("2020-03-01", "")), 180);
    assert_eq!(search("Zeppelin", between("2020-03-01", "2020-06-29")), 3);
    assert_eq!(search("Zeppelin", between("2020-03-01T12:00:01Z", "")), 2);
    assert_eq!(
        search("Zeppelin", between("2020-01-02", "2020-06-29T11:59:59Z")),
        2
    );
    let last_second = between("2020-01-02", "2020-06-29T12:00:00Z");
    assert_eq!(search("Zeppelin", last_second), 3);
    assert_eq!(search("Regierung Zeppelin", between("2020-01-02", "")), 3);

    let newest = index
        .search(
            &SearchRequest::new("Regierung")
                .range(between("2020-02", "2020-02"))
                .sort(Sort::Newest)
                .limit(1),
        )
        .unwrap();
    assert_eq!(newest.hits[0].id, "tag-59");
}

#[test]
fn a_date_range_counts_an_updated_article_once_where_it_now_is() {
    let index = daily_archive();
    let mut w = index.writer().unwrap();
    // Tag 100 (10 April 2020) moves to 2019: its old version stays in the segment, deleted.
    w.add(&article(
        "tag-100",
        "Tagesbericht",
        "2019-04-09",
        "Die Regierung berät.",
    ))
    .unwrap();
    w.commit().unwrap();
    let count = |range: DateRange| {
        index
            .search(&SearchRequest::new("Regierung").range(range).limit(0))
            .unwrap()
            .total
    };
    assert_eq!(count(between("2020-04", "2020-04")), 29);
    assert_eq!(count(between("2019", "2019")), 1);
}

#[test]
fn a_date_range_keeps_out_a_segment_wholly_after_it() {
    // Each commit makes a segment: the second holds only articles after the range. (tantivy's
    // column range scan matched a segment's first date for any range ending before it.)
    let index = Index::create_in_ram().unwrap();
    for (id, date) in [
        ("sept", "2023-09-30"),
        ("oct", "2023-10-01"),
        ("nov", "2023-11-02"),
    ] {
        let mut w = index.writer().unwrap();
        w.add(&article(
            id,
            "Bericht",
            date,
            "Ein Bericht über Elektroautos.",
        ))
        .unwrap();
        w.commit().unwrap();
    }
    let ids = |range: DateRange| -> Vec<String> {
        let r = index
            .search(&SearchRequest::new("Elektroautos").range(range))
            .unwrap();
        r.hits.into_iter().map(|h| h.id).collect()
    };
    assert_eq!(ids(between("", "2023-09")), ["sept"]);
    assert_eq!(ids(between("2023-12", "")), Vec::<String>::new());
    assert_eq!(ids(between("2023-10-01", "2023-10-31")), ["oct"]);
}

#[test]
fn the_count_is_the_number_of_hits_for_every_shape_of_query() {
    let index = Index::create_in_ram().unwrap();
    let mut w = index.writer().unwrap();
    for (id, title, date, body) in [
        (
            "a",
            "Schoigu in Pjöngjang",
            "2023-07-27",
            "Verteidigungsminister Schoigu feierte den Tag des Sieges.",
        ),
        (
            "b",
            "Shoigu besucht Kim",
            "2023-07-28",
            "Der Minister Shoigu traf Kim Jong Un.",
        ),
        (
            "c",
            "Lawrow reist",
            "2023-10-19",
            "Außenminister Lawrow traf Kim in Pjöngjang.",
        ),
        (
            "d",
            "Putin und Kim",
            "2023-09-13",
            "Putin empfing Kim am Kosmodrom. Ein Minister war dabei.",
        ),
        (
            "e",
            "Tag des Sieges",
            "2024-05-09",
            "Putin feierte den Tag des Sieges ohne Minister.",
        ),
        (
            "f",
            "Bundesminister",
            "2024-01-10",
            "Der Bundesminister sprach über Autos.",
        ),
        ("g", "Autos", "2024-02-18", "Putin schenkte Kim ein Auto."),
    ] {
        w.add(&article(id, title, date, body)).unwrap();
    }
    w.commit().unwrap();
    // An update leaves a deleted document behind, which no count may see (the same writer,
    // kept across commits).
    w.add(&article(
        "g",
        "Autos",
        "2024-02-18",
        "Putin schenkte Kim ein russisches Auto.",
    ))
    .unwrap();
    w.commit().unwrap();

    let ranges = [between("", ""), between("2023-07-28", "2024-01")];
    for query in [
        "Minister",
        "Minister Schoigu",
        "Minister -Schoigu",
        "-Schoigu Minister Kim",
        "Kim -Putin -Lawrow",
        "Schoigu OR Lawrow",
        "Minister (Schoigu OR Lawrow)",
        "Kim -(Putin Auto)",
        "\"Tag des Sieges\" Putin",
        "Minister -\"Tag des Sieges\"",
        "title:Minister Kim",
        "Auto Kim Putin",
        "Pjönjang",
    ] {
        for range in ranges {
            let request = SearchRequest::new(query).range(range);
            let all = index.search(&request.clone().limit(100)).unwrap();
            let counted = index.search(&request.clone().limit(0)).unwrap();
            let first = index.search(&request.limit(1)).unwrap();
            assert_eq!(all.total as usize, all.hits.len(), "{query} {range:?}");
            assert_eq!(counted.total, all.total, "{query} {range:?}: count only");
            assert_eq!(first.total, all.total, "{query} {range:?}: first page");
        }
    }
}

#[test]
fn the_first_page_of_several_words_is_the_top_of_the_whole_ranking() {
    // Articles holding the words as written (in title or body, as often as their number
    // says, in texts of several lengths), and some holding them only inside compounds.
    let index = Index::create_in_ram().unwrap();
    let mut w = index.writer().unwrap();
    for i in 0..60u32 {
        let putin = "Putin sprach. ".repeat(1 + (i % 4) as usize);
        let kim = if i % 5 == 0 {
            "Kimchi".to_string()
        } else {
            "Kim nickte. ".repeat(1 + (i % 3) as usize)
        };
        let filler = "Die Delegationen tagten lange. ".repeat((i % 7) as usize);
        let title = if i % 6 == 0 {
            "Kim bei Putin"
        } else {
            "Treffen"
        };
        let date = format!("2024-{:02}-{:02}", 1 + i % 12, 1 + i % 28);
        let other = if i % 8 == 0 { " Lawrow war dabei." } else { "" };
        w.add(&article(
            &format!("n{i}"),
            title,
            &date,
            &format!("{putin}{kim}{filler}{other}"),
        ))
        .unwrap();
    }
    w.commit().unwrap();
    for (query, range) in [
        ("Putin Kim", between("", "")),
        ("Kim Putin", between("2024-03", "2024-09")),
        ("Putin Kim -Lawrow", between("", "")),
        ("title:Kim Putin", between("", "")),
    ] {
        let all = index
            .search(&SearchRequest::new(query).range(range).limit(100))
            .unwrap();
        for k in [1, 5, 10] {
            let page = index
                .search(&SearchRequest::new(query).range(range).limit(k))
                .unwrap();
            assert_eq!(page.total, all.total, "{query}");
            let ids = |r: &nachlese::SearchResults| -> Vec<(String, f32)> {
                r.hits
                    .iter()
                    .take(k)
                    .map(|h| (h.id.clone(), h.score))
                    .collect()
            };
            for ((a, sa), (b, sb)) in ids(&page).iter().zip(ids(&all).iter()) {
                assert_eq!(a, b, "{query}, first {k}");
                assert!((sa - sb).abs() < 1e-4, "{query}: {a} scores {sa} and {sb}");
            }
        }
    }
}

#[test]
fn a_phrase_excluded_from_a_segment_with_candidates_after_its_last_match() {
    // The first segment holds the phrase once, then two more articles with the word: tantivy
    // left the excluded phrase finished and then failed (in debug builds) on the next one.
    let index = Index::create_in_ram().unwrap();
    let one_thread = WriterOptions::default().threads(1);
    for batch in [
        &[
            ("a", "Verteidigungsminister feierte den Tag des Sieges."),
            ("b", "Der Minister traf Kim."),
            ("c", "Ein Minister reiste ab."),
        ][..],
        &[
            ("d", "Kein Minister war dabei."),
            ("e", "Am Tag des Sieges sprach der Minister."),
        ][..],
    ] {
        let mut w = index.writer_with(one_thread).unwrap();
        for (id, body) in batch {
            w.add(&article(id, "Bericht", "2024-05-09", body)).unwrap();
        }
        w.commit().unwrap();
    }
    for limit in [0, 1, 10] {
        let r = index
            .search(&SearchRequest::new("Minister -\"Tag des Sieges\"").limit(limit))
            .unwrap();
        assert_eq!(r.total, 3, "limit {limit}");
    }
}

#[test]
fn an_excluded_word_keeps_out_its_other_spellings_on_every_page() {
    // `-Schoigu` also excludes `Shoigu` (the name's sound); the page of exact matches, which
    // a full first page comes from, must exclude it too.
    let index = Index::create_in_ram().unwrap();
    let mut w = index.writer().unwrap();
    w.add(&article(
        "shoigu",
        "Kim und Shoigu",
        "2024-01-01",
        "Kim Kim Kim traf Shoigu.",
    ))
    .unwrap();
    for i in 0..5 {
        let body = format!("Kim reiste ab. {}", "Die Delegation wartete. ".repeat(i));
        w.add(&article(
            &format!("kim-{i}"),
            "Bericht",
            "2024-01-02",
            &body,
        ))
        .unwrap();
    }
    w.commit().unwrap();
    for query in ["Kim -Schoigu", "Kim Kim -Schoigu"] {
        for limit in [1, 3, 10] {
            let r = index
                .search(&SearchRequest::new(query).limit(limit))
                .unwrap();
            assert_eq!(r.total, 5, "{query}");
            assert!(
                r.hits.iter().all(|h| h.id != "shoigu"),
                "{query}, first {limit}: {:?}",
                r.hits.iter().map(|h| &h.id).collect::<Vec<_>>()
            );
        }
    }
}
