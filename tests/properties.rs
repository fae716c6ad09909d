//! Properties that hold for any input (proptest): the analyzer never panics and its offsets
//! fall on UTF-8 boundaries inside the text; so does the temporal tagger, for an article of
//! any date; date periods and ranges print back to themselves; whatever is indexed is found
//! again by its id; a search counts the hits its ranking lists.

use nachlese::dates::{DateRange, Period};
use nachlese::{Article, Index, SearchRequest};
use proptest::prelude::*;

/// Text as news holds it, and worse: German letters, digits, punctuation, combining marks,
/// soft hyphens, emoji, control characters, and any Unicode at all.
fn texty() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-ZäöüÄÖÜß0-9 .,;:!?\"'()\\-–„“\n]{0,200}",
        "[a-zäöüß\u{0301}\u{0308}\u{00ad}\u{200b} -]{0,80}",
        any::<String>(),
        proptest::collection::vec(any::<char>(), 0..100).prop_map(|v| v.into_iter().collect()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn the_analyzer_never_panics_and_its_offsets_are_the_words_characters(text in texty()) {
        let chars: Vec<char> = text.chars().collect();
        for token in nachlese::analysis::analyze(&text) {
            prop_assert!(token.start <= token.end);
            prop_assert!(token.end <= chars.len());
            let word: String = chars[token.start..token.end].iter().collect();
            prop_assert_eq!(&word, &token.text);
            prop_assert!(!token.term.is_empty());
        }
        let _ = nachlese::analysis::word_terms(&text);
    }

    #[test]
    fn periods_print_back_to_themselves(
        year in 1000i32..9999,
        month in 1u8..=12,
        day in 1u8..=28,
        hour in 0u8..24,
        offset_minutes in -(23 * 60 + 59)..=(23 * 60 + 59i32),
        granularity in 0..4,
    ) {
        let sign = if offset_minutes < 0 { '-' } else { '+' };
        let text = match granularity {
            0 => format!("{year:04}"),
            1 => format!("{year:04}-{month:02}"),
            2 => format!("{year:04}-{month:02}-{day:02}"),
            _ => format!(
                "{year:04}-{month:02}-{day:02}T{hour:02}:30:15{sign}{:02}:{:02}",
                offset_minutes.abs() / 60,
                offset_minutes.abs() % 60
            ),
        };
        let Ok(period) = text.parse::<Period>() else {
            // An instant whose UTC time falls outside the years nachlese reads.
            prop_assume!(granularity == 3);
            return Ok(());
        };
        let printed = period.to_string();
        if granularity < 3 {
            prop_assert_eq!(&printed, &text);
        }
        prop_assert_eq!(printed.parse::<Period>(), Ok(period));
    }

    #[test]
    fn date_ranges_print_back_to_themselves(
        a in 1900i32..2100, b in 1900i32..2100, am in 1u8..=12, bm in 1u8..=12,
        open in 0..4,
    ) {
        let from: Period = format!("{a:04}-{am:02}").parse().unwrap();
        let to: Period = format!("{b:04}-{bm:02}").parse().unwrap();
        let (from, to) = match open {
            0 => (Some(from), Some(to)),
            1 => (None, Some(to)),
            2 => (Some(from), None),
            _ => (None, None),
        };
        match DateRange::new(from, to) {
            Ok(range) => {
                let printed = range.to_string();
                prop_assert_eq!(printed.parse::<DateRange>(), Ok(range));
            }
            // Only a start after the end is refused.
            Err(_) => prop_assert!(from.unwrap().start() >= to.unwrap().end()),
        }
    }
}

/// Text full of what the temporal tagger reads: numbers of any size, month and weekday names,
/// units, relative words, holidays, and German around them.
fn temporal_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        (0u64..100_000_000).prop_map(|n| n.to_string()),
        Just("99999".to_string()),
        prop::sample::select(vec![
            "am",
            "im",
            "vor",
            "in",
            "seit",
            "bis",
            "zum",
            "Jahren",
            "Jahre",
            "Jahrhundert",
            "Jahrtausend",
            "Monaten",
            "Wochen",
            "Tagen",
            "Stunden",
            "nächstes",
            "nächsten",
            "vergangenen",
            "letzten",
            "übernächste",
            "Jahr",
            "Woche",
            "Montag",
            "Sonntag",
            "Februar",
            "Dezember",
            "Januar",
            "Ostern",
            "Pfingsten",
            "Weihnachten",
            "Silvester",
            "Anfang",
            "Mitte",
            "Ende",
            "der",
            "90er-Jahre",
            "Jahrzehnt",
            "morgen",
            "gestern",
            "heute",
            "Uhr",
            "Quartal",
            "Hälfte",
            "Herbst",
            "Winter",
            "KW",
            "drei",
            "zwölf",
            "zweitausend",
            "dritten",
            "ersten",
            "war",
            "wird",
            ".",
            ",",
            "/",
            "-",
            "–",
            ":",
            "\n",
            "ẞ",
            "ÄRZ",
        ])
        .prop_map(str::to_string),
        "[a-zA-ZäöüÄÖÜß]{1,12}",
    ];
    proptest::collection::vec((piece, prop::sample::select(vec!["", " ", ". "])), 0..24)
        .prop_map(|v| v.into_iter().map(|(p, gap)| p + gap).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn the_tagger_never_panics_and_its_spans_are_the_text_it_found(
        text in prop_oneof![temporal_text(), texty()],
        // Every day an article may carry, the calendar's ends included.
        day in -1_930_999i32..=5_373_484i32,
        ends in 0..3,
    ) {
        let julian = match ends {
            0 => day,
            1 => time::Date::MIN.to_julian_day(),
            _ => time::Date::MAX.to_julian_day(),
        };
        let Ok(reference) = time::Date::from_julian_day(julian) else {
            return Ok(());
        };
        let chars: Vec<char> = text.chars().collect();
        let mut last_end = 0;
        for t in nachlese::temporal::tag(&text, reference) {
            prop_assert!(t.start < t.end && t.end <= chars.len(), "{t:?}");
            prop_assert!(t.start >= last_end, "overlapping: {t:?}");
            last_end = t.end;
            prop_assert_eq!(chars[t.start..t.end].iter().collect::<String>(), t.text.clone());
            prop_assert!(!t.value.is_empty());
            let _ = t.span();
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn every_indexed_article_is_found_by_its_id(
        articles in proptest::collection::vec(
            ("[a-zA-Z0-9._:/ -]{1,40}", texty(), texty(), 0i64..4_000_000_000),
            1..25,
        )
    ) {
        let index = Index::create_in_ram().unwrap();
        let mut writer = index.writer().unwrap();
        let mut kept = std::collections::BTreeMap::new();
        for (id, title, body, secs) in &articles {
            let date = time::OffsetDateTime::from_unix_timestamp(secs - 2_000_000_000).unwrap();
            // Built valid, then given the generated fields, which may break the rules.
            let mut article = Article::new("x", "x", "2024-01-01", "").unwrap();
            article.id = id.clone();
            article.title = title.clone();
            article.date = date;
            article.body = body.clone();
            // Articles the rules refuse (a blank title, an id with spaces around it) are
            // refused with an error, and only those.
            let valid = article.validate().is_ok();
            match writer.add(&article) {
                Ok(()) => {
                    prop_assert!(valid);
                    kept.insert(id.clone(), article);
                }
                Err(e) => prop_assert!(!valid, "{e}"),
            }
        }
        writer.commit().unwrap();
        prop_assert_eq!(index.len(), kept.len() as u64);
        for (id, article) in &kept {
            // By id, exactly as given (the later of two with one id)...
            let stored = index.get(id).unwrap();
            prop_assert_eq!(stored.map(|s| s.article), Some(article.clone()));
            // ...and through the query language.
            let quoted = format!("id:\"{}\"", id.replace('\\', "\\\\").replace('"', "\\\""));
            let results = index.search(&SearchRequest::new(quoted.clone())).unwrap();
            prop_assert!(
                results.hits.iter().any(|h| &h.id == id),
                "{} found {:?}", quoted, results.hits.iter().map(|h| &h.id).collect::<Vec<_>>()
            );
        }
    }
}

/// Words a small archive of German news holds: compounds and their parts, several spellings
/// of names, near spellings, and stop words.
const VOCABULARY: &[&str] = &[
    "Minister",
    "Verteidigungsminister",
    "Außenminister",
    "Regierung",
    "Bundesregierung",
    "Regierungschef",
    "Schoigu",
    "Shoigu",
    "Schojgu",
    "Selenskyj",
    "Selenski",
    "Putin",
    "Kim",
    "Auto",
    "Autos",
    "Besuch",
    "Gipfel",
    "Grenze",
    "Grenzkontrollen",
    "Flüchtlinge",
    "Waffenruhe",
    "Gaza",
    "Verteidigungsminster",
    "Regirung",
    "Pjöngjang",
    "Pjongjang",
    "der",
    "und",
    "die",
    "traf",
];

/// An article of words from the vocabulary.
fn vocabulary_article() -> impl Strategy<Value = (Vec<&'static str>, Vec<&'static str>, i64)> {
    let word = || prop::sample::select(VOCABULARY);
    (
        proptest::collection::vec(word(), 1..5),
        proptest::collection::vec(word(), 0..30),
        0i64..20,
    )
}

/// A query of the vocabulary's words in the query language: words, quoted words, phrases,
/// exclusions, `OR`, groups and fields.
fn vocabulary_query() -> impl Strategy<Value = String> {
    let word = || prop::sample::select(VOCABULARY);
    let part = prop_oneof![
        4 => word().prop_map(str::to_string),
        1 => word().prop_map(|w| format!("\"{w}\"")),
        1 => (word(), word()).prop_map(|(a, b)| format!("\"{a} {b}\"")),
        1 => word().prop_map(|w| format!("-{w}")),
        1 => (word(), word()).prop_map(|(a, b)| format!("{a} OR {b}")),
        1 => (word(), word()).prop_map(|(a, b)| format!("({a} OR {b})")),
        1 => word().prop_map(|w| format!("title:{w}")),
    ];
    proptest::collection::vec(part, 1..4).prop_map(|parts| parts.join(" "))
}

/// An archive of the vocabulary's words: a title and a text of words, and a day.
fn vocabulary_index(articles: &[(Vec<&str>, Vec<&str>, i64)]) -> Index {
    let index = Index::create_in_ram().unwrap();
    let mut writer = index.writer().unwrap();
    for (i, (title, body, day)) in articles.iter().enumerate() {
        let date = format!("2023-11-{:02}", day + 1);
        let article = Article::new(format!("a{i}"), title.join(" "), &date, body.join(" "));
        writer.add(&article.unwrap()).unwrap();
    }
    writer.commit().unwrap();
    index
}

/// Checks that `request` counts exactly the hits of its full ranking, and that each of its
/// first pages (offsets 0 to 2, one to three hits) is that part of the full ranking. Skips a
/// query the language refuses.
fn pages_agree(index: &Index, request: &SearchRequest) -> Result<(), TestCaseError> {
    let query = &request.query;
    let everything = request.clone().limit(index.len() as usize);
    let all = match index.search(&everything) {
        Ok(all) => all,
        // Only excluded words: refused, whatever the page.
        Err(nachlese::Error::Query { .. }) => return Ok(()),
        Err(e) => panic!("{query}: {e}"),
    };
    prop_assert_eq!(all.total as usize, all.hits.len(), "{}", query);
    // Without a page, only the count runs (its own query).
    let counted = index.search(&request.clone().limit(0)).unwrap().total;
    prop_assert_eq!(counted, all.total, "{}", query);
    let ranking: Vec<&str> = all.hits.iter().map(|h| h.id.as_str()).collect();
    for limit in 1..=3 {
        for offset in 0..3 {
            let page = index
                .search(&request.clone().limit(limit).offset(offset))
                .unwrap();
            prop_assert_eq!(page.total, all.total, "{}", query);
            let ids: Vec<&str> = page.hits.iter().map(|h| h.id.as_str()).collect();
            let end = (offset + limit).min(ranking.len());
            let expected = ranking.get(offset..end).unwrap_or_default();
            prop_assert_eq!(
                ids.as_slice(),
                expected,
                "{} (limit {}, offset {})",
                query,
                limit,
                offset
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// A search counts exactly the hits its full ranking lists (through the ranking query and
    /// through the count query), and with the words only as written any page of it is that
    /// part of the full ranking.
    #[test]
    fn the_count_agrees_with_the_full_ranking(
        articles in proptest::collection::vec(vocabulary_article(), 1..40),
        queries in proptest::collection::vec(vocabulary_query(), 1..8),
        exact in any::<bool>(),
    ) {
        let index = vocabulary_index(&articles);
        for query in &queries {
            if exact {
                let request = SearchRequest::new(query.clone())
                    .snippets(0)
                    .expansions(nachlese::search::Expansions::NONE);
                pages_agree(&index, &request)?;
            } else {
                let request = SearchRequest::new(query.clone()).snippets(0);
                let all = match index.search(&request.clone().limit(articles.len())) {
                    Ok(all) => all,
                    Err(nachlese::Error::Query { .. }) => continue,
                    Err(e) => panic!("{query}: {e}"),
                };
                prop_assert_eq!(all.total as usize, all.hits.len(), "{}", query);
                let counted = index.search(&request.clone().limit(0)).unwrap().total;
                prop_assert_eq!(counted, all.total, "{}", query);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// With the expansions on, a page of words that must all match is first looked for among
    /// the articles holding every word as written; that page is the same part of the full
    /// ranking, which ranks those articles first (see
    /// `a_strong_expanded_match_outranks_a_weak_exact_one`).
    #[test]
    fn every_page_agrees_with_the_full_ranking(
        articles in proptest::collection::vec(vocabulary_article(), 1..40),
        queries in proptest::collection::vec(vocabulary_query(), 1..8),
    ) {
        let index = vocabulary_index(&articles);
        for query in &queries {
            pages_agree(&index, &SearchRequest::new(query.clone()).snippets(0))?;
        }
    }
}

/// The case proptest found: `a1` holds `Shoigu` in its short title and `Selenski` only by
/// sound (`Selenskyj`); `a7` holds all three words as written, in a long text. The full
/// ranking put `a1` second (its title match outweighed the one exact bonus it lacks), but the
/// second page of one hit is looked for among the exact matches first and showed `a7`: page 2
/// repeated or skipped an article. Articles holding every word as written now rank first.
#[test]
fn a_strong_expanded_match_outranks_a_weak_exact_one() {
    let index = vocabulary_index(&[
        (vec!["Minister", "Minister"], vec!["Selenski"], 0),
        (vec!["Selenskyj", "Shoigu"], vec!["traf"], 0),
        (vec!["Schojgu"], vec![], 0),
        (
            vec!["Minister"],
            "Autos Schoigu der Schoigu Flüchtlinge Grenzkontrollen Bundesregierung Kim \
             Verteidigungsminster Flüchtlinge Bundesregierung Minister Schojgu Autos Gaza \
             Außenminister Außenminister Flüchtlinge Shoigu Verteidigungsminster Putin traf \
             Bundesregierung Außenminister Minister Auto Gipfel"
                .split_whitespace()
                .collect(),
            6,
        ),
        (
            vec!["Grenzkontrollen"],
            "Shoigu Regierungschef Selenski Grenze Putin Schojgu Pjöngjang Auto \
             Verteidigungsminster Selenski Grenze traf Autos Minister Regierungschef Regierung \
             Autos Autos Auto Gaza Verteidigungsminister Autos Gaza Regierungschef"
                .split_whitespace()
                .collect(),
            8,
        ),
        (
            vec!["Regirung", "Kim"],
            "Minister Verteidigungsminister Minister Autos und Regirung Selenskyj Grenze Putin \
             Auto Pjöngjang Putin Selenski Regirung Selenski Schojgu und Verteidigungsminster \
             Gipfel Selenskyj Verteidigungsminster die Pjöngjang Bundesregierung Minister der \
             traf"
                .split_whitespace()
                .collect(),
            10,
        ),
        (
            vec!["Selenskyj", "Regirung", "Grenze", "Minister"],
            "Selenski Grenzkontrollen Schoigu Pjöngjang Verteidigungsminster Flüchtlinge \
             Grenze traf Shoigu Schojgu"
                .split_whitespace()
                .collect(),
            17,
        ),
        (
            vec!["Putin", "Pjöngjang"],
            "Außenminister Besuch Shoigu Pjöngjang der Schojgu Gipfel die Schoigu Autos \
             Außenminister Grenze Gaza Kim der Pjongjang traf Kim Selenski Besuch"
                .split_whitespace()
                .collect(),
            18,
        ),
        (
            vec!["der"],
            "Gaza Verteidigungsminister Grenze Selenski Kim Pjöngjang Außenminister Gipfel und \
             Auto Flüchtlinge Kim Schojgu Grenze die Gaza Pjöngjang Regirung der und \
             Grenzkontrollen Minister Minister die Waffenruhe Besuch Putin"
                .split_whitespace()
                .collect(),
            5,
        ),
        (
            vec!["Pjongjang", "Pjongjang", "Selenskyj"],
            "Selenski Auto Pjöngjang Gipfel Schoigu Regirung Auto Flüchtlinge Shoigu \
             Bundesregierung Bundesregierung"
                .split_whitespace()
                .collect(),
            9,
        ),
    ]);
    let request = SearchRequest::new("Selenski Shoigu \"traf\"").snippets(0);
    let ids = |limit, offset| -> Vec<String> {
        let page = index
            .search(&request.clone().limit(limit).offset(offset))
            .unwrap();
        page.hits.into_iter().map(|h| h.id).collect()
    };
    assert_eq!(ids(1, 1), ids(10, 0)[1..2]);
}
