//! Inputs the fuzzers in `fuzz/` and the property tests found crashing, as plain tests of
//! the public API.
//!
//! Each test names the fuzz target and the file under `fuzz/regressions/<target>/` holding
//! the input, or the property test. A panic is the failure: what an error says is left to the other tests.

use std::path::Path;

use nachlese::dates::parse_timestamp;
use nachlese::{Article, DateRange, Period};

/// The last day the calendar (the `time` crate) knows: its period's end, the day after,
/// does not exist. `fuzz/regressions/dates/period-day-9999-12-31`.
#[test]
fn a_day_period_on_the_last_day_of_the_calendar_does_not_panic() {
    if let Ok(p) = "9999-12-31".parse::<Period>() {
        assert!(p.start() < p.end());
        let _ = DateRange::new(Some(p), Some(p));
    }
    // Padded with white space: the fuzzer first found it as "9999-12-31\n".
    let _ = "9999-12-31\n".parse::<Period>();
    let _ = " 9999-12-31\n".parse::<Period>();
}

/// The last second of the calendar as an instant period: its end, one second later, does
/// not exist. `fuzz/regressions/dates/period-instant-9999-12-31T23-59-59Z`.
#[test]
fn an_instant_period_at_the_last_second_of_the_calendar_does_not_panic() {
    for text in [
        "9999-12-31T23:59:59Z",
        "9999-12-31T23:59:59",
        "9999-12-31 23:59:59",
        "9999-12-31T23:59:59.999999999Z",
    ] {
        if let Ok(p) = text.parse::<Period>() {
            assert!(p.start() < p.end(), "{text}");
        }
    }
}

/// An RFC 3339 time whose UTC instant lies past the end of the calendar (year 10000):
/// converting it to UTC panics. Reached by every reader of document dates, so one such
/// date in a JSON, JSON Lines or Markdown file panics indexing.
/// `fuzz/regressions/dates/timestamp-past-9999-negative-offset`.
#[test]
fn a_timestamp_past_the_calendar_after_its_offset_is_an_error_not_a_panic() {
    for text in [
        "9999-12-31T23:00:00-02:00",
        "9999-12-31T23:59:59-00:01",
        "9999-12-31T23:59:59-23:59",
    ] {
        // Past 2262-04-11, so outside what the index can store either way.
        assert!(parse_timestamp(text).is_err(), "{text}");
        let _ = text.parse::<Period>();
        assert!(Article::new("a", "T", text, "").is_err(), "{text}");
    }
}

/// The same date inside each file format the readers take.
/// `fuzz/regressions/{json,jsonl,markdown}/`.
#[test]
fn a_document_dated_past_the_calendar_is_an_input_error_not_a_panic() {
    let date = "9999-12-31T23:00:00-02:00";
    let json = format!(r#"{{"id":"a","title":"T","date":"{date}","body":""}}"#);

    let docs = nachlese::corpus::parse_json(Path::new("f.json"), &json);
    assert_eq!(docs.len(), 1);
    assert!(docs[0].is_err());

    let docs: Vec<_> =
        nachlese::corpus::read_json_lines(Path::new("f.jsonl"), format!("{json}\n").as_bytes())
            .collect();
    assert_eq!(docs.len(), 1);
    assert!(docs[0].is_err());

    let md = format!("+++\nid = \"a\"\ntitle = \"T\"\ndate = {date}\n+++\nText\n");
    assert!(nachlese::corpus::parse_markdown(Path::new("f.md"), &md).is_err());
}

/// An instant whose offset carries it back before the calendar's year 0000 in UTC
/// (`0000-01-01T07:30:00+09:31` is `-0001-12-31T21:59:00Z`): it parsed as a period, but
/// RFC 3339 has no year -1, so the period printed as a bare Unix timestamp
/// (`-62167226460`) that does not parse back. The mirror of the timestamp past 9999 above.
/// `fuzz/regressions/dates/period-instant-before-0000-positive-offset` (the `dates` target
/// checks that each period it parses prints back; the newline makes the text one period).
#[test]
fn an_instant_before_year_0000_after_its_offset_is_an_error_not_a_period_that_prints_wrong() {
    for text in [
        "0000-01-01T00:00:00+00:01",
        "0000-01-01T07:30:00+09:31",
        "0000-01-01T00:00:00.5+23:59",
    ] {
        // Whatever it becomes, a period must print back to itself.
        if let Ok(p) = text.parse::<Period>() {
            let shown = p.to_string();
            assert_eq!(shown.parse::<Period>(), Ok(p), "{text} printed as {shown}");
        }
        assert!(text.parse::<Period>().is_err(), "{text}");
        // Before 1677-09-21, so outside what the index can store either way.
        assert!(parse_timestamp(text).is_err(), "{text}");
        assert!(Article::new("a", "T", text, "").is_err(), "{text}");
    }
    // The first instant of year 0000 in UTC is still a period, and prints back.
    for text in ["0000-01-01T00:00:00Z", "0000-01-01T00:00:00-00:01", "0000"] {
        let p: Period = text.parse().expect(text);
        assert_eq!(p.to_string().parse::<Period>(), Ok(p), "{text}");
    }
}

/// A text written on the calendar's last (or first) day that names a weekday or says
/// "tomorrow": the day it means lies past the calendar, and `temporal::tag` panicked. Found
/// by the tagger's property test (tests/properties.rs); the CLI and the index only take dates
/// from 1677 to 2262, but the library takes any `Date`. Only such expressions are dropped.
#[test]
fn tagging_a_text_from_the_ends_of_the_calendar_does_not_panic() {
    let text = "Am Montag, morgen und in der nächsten Woche, am Wochenende, zu Ostern und an \
                Weihnachten, im nächsten Jahrhundert, um 23 Uhr, am 31. Dezember.";
    for day in [time::Date::MAX, time::Date::MIN] {
        let found = nachlese::temporal::tag(text, day);
        assert!(!found.is_empty(), "{day}");
        for t in &found {
            let _ = t.span();
        }
    }
    // The first finding, as the property test shrank it.
    let _ = nachlese::temporal::tag("Montag", time::Date::MAX);
}

/// A decimal amount whose whole part is near `u32::MAX` ("3333333330,5 Quartale"): tenths of
/// it overflowed (a panic with overflow checks, a wrong amount without).
/// `fuzz/regressions/temporal/amount-tenths-overflow`.
#[test]
fn a_huge_decimal_amount_does_not_overflow() {
    let reference = time::Date::from_calendar_date(2024, time::Month::February, 20).unwrap();
    for text in [
        "3333333330,5 Quartale",
        "4294967295,9 Jahre",
        "vor 99999999999,5 Jahren",
    ] {
        for t in nachlese::temporal::tag(text, reference) {
            let _ = t.span();
        }
    }
    // The fuzzer's input, as the fuzz target reads it: two bytes of reference date, then text.
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions/temporal/amount-tenths-overflow");
    let data = std::fs::read(path).unwrap();
    let _ = nachlese::temporal::tag(&String::from_utf8_lossy(&data[2..]), reference);
}
