//! Inputs the fuzzers in `fuzz/` found crashing, as plain tests of the public API.
//!
//! Each test names the fuzz target and the file under `fuzz/regressions/<target>/` holding
//! the input. A panic is the failure: what an error says is left to the other tests.

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
    // Padded with white space, as the fuzzer found it.
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
