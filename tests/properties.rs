//! Properties that hold for any input (proptest): the analyzer never panics and its offsets
//! fall on UTF-8 boundaries inside the text; so does the temporal tagger, for an article of
//! any date; date periods and ranges print back to themselves; whatever is indexed is found
//! again by its id.

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
    fn the_analyzer_never_panics_and_its_offsets_are_char_boundaries(text in texty()) {
        for token in nachlese::analysis::analyze(&text) {
            prop_assert!(token.offset_from <= token.offset_to);
            prop_assert!(token.offset_to <= text.len());
            prop_assert!(text.is_char_boundary(token.offset_from));
            prop_assert!(text.is_char_boundary(token.offset_to));
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
            prop_assert_eq!(&text[t.bytes.clone()], t.text.as_str());
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
