//! The temporal tagger (`nachlese::temporal`) against outside gold standards.
//!
//! Both tests read `../shared/data/temporal-gold/` (next to the repository, see its README)
//! and skip with a note when it is absent (on CI, `CI=true`, they fail instead).
//!
//! # Recognizers-Text (`recognizers_text_de`)
//!
//! Microsoft Recognizers-Text's German date-time specs: sentences with a reference date and
//! the expressions expected in them. Their conventions are not TimeML's, so a case is read
//! the way TimeML (as KRAUTS applies it) would read it:
//!
//! - Extents count by overlap: TimeML leaves prepositions outside (`am [2. Oktober]`, `in [3
//!   Wochen]`), Recognizers includes them, and it joins a date and its clock time into one
//!   expression where TimeML may see two.
//! - Values are compared where Recognizers' `timex` is a TIMEX3 value. A year Recognizers
//!   leaves open (`XXXX-10-02`, a bare weekday `XXXX-WXX-5`, a holiday `XXXX`) is taken from
//!   the dates it resolves it to for the past and the future; TimeML resolves against the
//!   reference date, and our tagger picks one of the two by the sentence's tense. A clock
//!   time without a day (`T15`) is compared with the time of day of our value (TimeML puts
//!   the day in); `T08` and `T08:00` are the same.
//! - A range (`(2016-12-04,2016-12-23,P19D)`) has no TIMEX3 value (TimeML tags its two ends
//!   as two dates): found by overlap only.
//! - A date Recognizers reaches from the reference by a duration (`in 3 Wochen`, `3 Wochen
//!   später`) is, in TimeML as KRAUTS applies it, the duration (`vor [zwei Jahren]` is P2Y):
//!   found when a DURATION overlaps it.
//! - A case passes when every expected expression passes. Expressions we find that
//!   Recognizers does not expect are not counted (its specs list only the expressions of the
//!   component they test), except in the end-to-end `DateTimeModel.json`, where a case with
//!   no expected results passes only if we find nothing. In the other files such a case
//!   (`In zwei Wochen fahr ich in den Urlaub.` for the date-period parser, where TimeML has
//!   the duration `zwei Wochen`) is not counted.
//! - Where Recognizers' value is not the TimeML one, the TimeML value counts too: a bare
//!   `heute` is PRESENT_REF in KRAUTS (33 of 45 times), the day in Recognizers; midnight is
//!   `T24:00` in TIMEX3, `T00` in Recognizers; and five cases listed in [`READINGS`], each
//!   with its reason.
//! - `NotSupported`/`NotSupportedByDesign` mark Recognizers' own platforms that fail a case,
//!   not wrong expectations: those cases are included.
//!
//! Files used: the end-to-end `DateTimeModel.json` and every parser spec with values (`Date`,
//! `DatePeriod`, `DateTime`, `DateTimePeriod`, `Duration`, `Holiday`, `Set`, `Merged`
//! parsers); the extractor specs (`Date`, `DatePeriod`, `DateTime`, `DateTimePeriod`,
//! `Duration`, `Holiday`, `Set`, `Merged`, `MergedSkipFromTo` extractors) for extents only,
//! against the reference date 2016-11-07 where they give none (extraction does not depend
//! on it). Not used: `TimeExtractor`, `TimeParser`, `TimePeriodExtractor`,
//! `TimePeriodParser` and `DateTimeModelCalendarMode`, bare clock times with no reference
//! date, whose values leave the day and am/pm open (`halb 8` is `T07:30` or `T19:30`) where a
//! TIMEX3 TIME value has both; and the empty `DateTimeModelSplitDateAndTime`.
//!
//! The test prints the pass rate per file and overall (`TEMPORAL_VERBOSE=1` also prints
//! each failing case) and fails when a rate falls below the one measured when it was
//! written (minus one case per file, two points overall).
//!
//! # KRAUTS (`krauts_beats_heideltime`)
//!
//! Runs the scoring harness (`cargo run --example timex`, the documented command that tags a
//! folder of TimeML documents) over both KRAUTS sets into a temporary folder, scores them
//! with `../shared/tools/timex-score --json`, and asserts that every figure beats
//! HeidelTime's and has not fallen below its measured value (`KRAUTS_FLOORS`). The harness's reading of a TimeML document (`<TEXT>`, entities, the DCT) is
//! not duplicated here, and not made library API: it serves scoring, not the users of a news
//! search library, and running the documented command tests the harness the figures are
//! reported with. Skipped with a note without `python3` or the scorer (on CI: fails).

use std::path::{Path, PathBuf};
use std::process::Command;

use nachlese::temporal::{Timex, TimexType, tag};
use serde_json::Value;
use time::Date;
use time::macros::date;

use crate::util::skip_or_fail;

/// `../shared/data/temporal-gold/SUB`, or `None` (with a note) when it is absent.
pub(crate) fn gold(sub: &str) -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/temporal-gold")
        .join(sub);
    if p.is_dir() {
        Some(p)
    } else {
        skip_or_fail(&format!("{} is absent", p.display()));
        None
    }
}

// ------------------------------------------------------------------ Recognizers-Text

/// How a spec file is read.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// End to end: values, and a case with no results must yield nothing.
    Model,
    /// A parser spec: values.
    Parser,
    /// An extractor spec: extents only.
    Extractor,
}

/// The files used, and the cases each passed when the test was written (its floor).
const FILES: [(&str, Mode, usize); 18] = [
    ("DateTimeModel.json", Mode::Model, 151),
    ("DateParser.json", Mode::Parser, 25),
    ("DatePeriodParser.json", Mode::Parser, 31),
    ("DateTimeParser.json", Mode::Parser, 12),
    ("DateTimePeriodParser.json", Mode::Parser, 20),
    ("DurationParser.json", Mode::Parser, 20),
    ("HolidayParser.json", Mode::Parser, 58),
    ("SetParser.json", Mode::Parser, 5),
    ("MergedParser.json", Mode::Parser, 6),
    ("DateExtractor.json", Mode::Extractor, 25),
    ("DatePeriodExtractor.json", Mode::Extractor, 62),
    ("DateTimeExtractor.json", Mode::Extractor, 12),
    ("DateTimePeriodExtractor.json", Mode::Extractor, 32),
    ("DurationExtractor.json", Mode::Extractor, 16),
    ("HolidayExtractor.json", Mode::Extractor, 56),
    ("SetExtractor.json", Mode::Extractor, 13),
    ("MergedExtractor.json", Mode::Extractor, 25),
    ("MergedExtractorSkipFromTo.json", Mode::Extractor, 12),
];

/// The overall pass rate when the test was written (581 of 698 cases).
const OVERALL_FLOOR: f64 = 0.832;

/// The reference date of extractor specs that give none (Recognizers' usual one).
const DEFAULT_REFERENCE: Date = date!(2016 - 11 - 07);

/// `YYYY-MM-DD` at the start of `s`.
fn day_of(s: &str) -> Option<&str> {
    let d = s.get(..10)?;
    let b = d.as_bytes();
    (b[4] == b'-' && b[7] == b'-' && d.bytes().filter(u8::is_ascii_digit).count() == 8).then_some(d)
}

/// A clock time as TIMEX3 writes it: `08` is `08:00`, `08:00:00` is `08:00`.
fn clock(t: &str) -> String {
    match t.len() {
        2 if t.bytes().all(|b| b.is_ascii_digit()) => format!("{t}:00"),
        8 if t.ends_with(":00") => t[..5].to_string(),
        _ => t.to_string(),
    }
}

/// A Recognizers timex with its clock time written as TIMEX3 writes it.
fn normal(timex: &str) -> String {
    match timex.split_once('T') {
        Some((d, t)) if !t.is_empty() && t.as_bytes()[0].is_ascii_digit() => {
            format!("{d}T{}", clock(t))
        }
        _ => timex.to_string(),
    }
}

/// What an expected result asks of a value.
enum Expect {
    /// Any of these TIMEX3 values.
    Values(Vec<String>),
    /// A range: found by overlap only.
    Range,
}

/// The TIMEX3 values a Recognizers result stands for.
fn expected(result: &Value) -> Expect {
    // (timex, resolution) pairs: parser specs give one timex and a past and a future
    // resolution, model specs a list of values, each with its timex.
    let mut pairs: Vec<(&str, &Value)> = Vec::new();
    if let Some(timex) = result["Value"]["Timex"].as_str() {
        for key in ["FutureResolution", "PastResolution"] {
            pairs.push((timex, &result["Value"][key]));
        }
    }
    for list in [&result["Value"]["values"], &result["Resolution"]["values"]] {
        for v in list.as_array().map_or(&[][..], |l| l.as_slice()) {
            pairs.push((v["timex"].as_str().unwrap_or(""), v));
        }
    }
    let mut out = Vec::new();
    for (timex, res) in pairs {
        if timex.starts_with('(') {
            return Expect::Range;
        }
        let timex = normal(timex);
        if timex.contains('X') {
            // the year or day Recognizers leaves open, as it resolves it
            let time = timex.split_once('T').map(|(_, t)| t.to_string());
            for key in [
                "date",
                "dateTime",
                "value",
                "start",
                "startDate",
                "startDateTime",
            ] {
                if let Some(d) = res[key].as_str().and_then(day_of) {
                    out.push(match &time {
                        Some(t) => format!("{d}T{t}"),
                        None => d.to_string(),
                    });
                    break;
                }
            }
        }
        out.push(timex);
    }
    out.dedup();
    Expect::Values(out)
}

/// Whether our value `ours` is `want`: equal, or the same clock time when `want` has no day
/// (midnight is `T00` in Recognizers, `T24:00`, the end of the day, in TIMEX3).
fn same_value(ours: &str, want: &str) -> bool {
    if ours == want {
        return true;
    }
    match (want.strip_prefix('T'), ours.split_once('T')) {
        (Some(w), Some((_, o))) => o == w || (w == "00:00" && o == "24:00"),
        _ => false,
    }
}

/// Cases where Recognizers' value is not the TimeML value (input, expected text, TimeML
/// value): `letzten September`, said in November 2016, is the last September before that
/// day (as `im vergangenen Juli` in KRAUTS), where Recognizers takes the year before;
/// `kommenden Sonnabendabend`, said on Friday 18 June 2021, is the next day's evening, where
/// Recognizers skips a week; `Himmelfahrt` is Ascension Day (Easter + 39 days, as
/// Recognizers itself has it for `Christi Himmelfahrt 2018`), where its spec gives Maundy
/// Thursday.
const READINGS: [(&str, &str, &str); 5] = [
    (
        "Letzten September war ich nicht hier.",
        "Letzten September",
        "2016-09",
    ),
    (
        "Letzten September war ich im Urlaub.",
        "Letzten September",
        "2016-09",
    ),
    (
        "Damit stehen den Fahrgästen am kommenden Sonnabendabend Züge für die Rückfahrt ab \
         Bremen bis Osnabrück um 20.20 Uhr sowie 22.20 Uhr und 23.23 Uhr.",
        "kommenden sonnabendabend",
        "2021-06-19TEV",
    ),
    (
        "Ich besuche dich an Himmelfahrt",
        "Himmelfahrt",
        "2017-05-25",
    ),
    (
        "Ich besuche dich an Himmelfahrt 2018",
        "Himmelfahrt 2018",
        "2018-05-10",
    ),
];

/// Whether an expected date is reached from the reference by a duration: `in 3 Wochen`,
/// `3 Wochen später`.
pub(crate) fn by_duration(text: &str) -> bool {
    let t = text.to_lowercase();
    t.starts_with("in ")
        || [" später", " früher", " zuvor", " vor"]
            .iter()
            .any(|s| t.ends_with(s))
}

/// One spec case: whether it passes, and why not; `None` if it is not counted.
fn judge(case: &Value, mode: Mode) -> Option<Result<(), String>> {
    let results = case["Results"].as_array().map_or(&[][..], |r| r.as_slice());
    if results.is_empty() && mode != Mode::Model {
        return None;
    }
    Some(check(case, mode, results))
}

fn check(case: &Value, mode: Mode, results: &[Value]) -> Result<(), String> {
    let input = case["Input"].as_str().unwrap_or("");
    let reference = case["Context"]["ReferenceDateTime"]
        .as_str()
        .and_then(day_of)
        .map(|d| {
            Date::parse(d, time::macros::format_description!("[year]-[month]-[day]"))
                .expect("reference date")
        })
        .unwrap_or(DEFAULT_REFERENCE);
    let found = tag(input, reference);
    if results.is_empty() {
        return if found.is_empty() {
            Ok(())
        } else {
            Err(format!("expected nothing, found {}", show(&found)))
        };
    }
    let chars: Vec<char> = input.chars().collect();
    for r in results {
        let text = r["Text"].as_str().unwrap_or("");
        let start = r["Start"].as_u64().unwrap_or(0) as usize;
        let end = match (r["End"].as_u64(), r["Length"].as_u64()) {
            (Some(e), _) => e as usize + 1, // model specs: inclusive
            (None, Some(n)) => start + n as usize,
            _ => start,
        };
        // offsets in chars; the text is lower-cased in model specs
        let slice: String = chars
            .get(start..end.min(chars.len()))
            .unwrap_or(&[])
            .iter()
            .collect();
        let (start, end) = if slice.to_lowercase() == text.to_lowercase() {
            (start, end)
        } else {
            // one extractor case has a wrong length: find the text instead
            let lower: String = input.to_lowercase();
            let at = lower
                .find(&text.to_lowercase())
                .ok_or("result text not in input")?;
            let s = lower[..at].chars().count();
            (s, s + text.chars().count())
        };
        let overlap: Vec<&Timex> = found
            .iter()
            .filter(|t| t.start < end && start < t.end)
            .collect();
        if overlap.is_empty() {
            return Err(format!("missed {text:?}, found {}", show(&found)));
        }
        if mode == Mode::Extractor {
            continue;
        }
        match expected(r) {
            Expect::Range => {}
            Expect::Values(mut want) => {
                // a bare `heute` is PRESENT_REF in KRAUTS (33 of 45), the day in Recognizers
                if text.eq_ignore_ascii_case("heute") {
                    want.push("PRESENT_REF".into());
                }
                for (i, t, v) in READINGS {
                    if i == input && t == text {
                        want.push(v.into());
                    }
                }
                let ok = overlap
                    .iter()
                    .any(|t| want.iter().any(|w| same_value(&t.value, w)))
                    || (by_duration(text) && overlap.iter().any(|t| t.kind == TimexType::Duration));
                if !ok {
                    return Err(format!(
                        "{text:?}: want one of {want:?}, found {}",
                        show(overlap)
                    ));
                }
            }
        }
    }
    Ok(())
}

/// Expressions found, as `["text"=value, ...]`.
fn show<'a>(found: impl IntoIterator<Item = &'a Timex>) -> String {
    let v: Vec<String> = found
        .into_iter()
        .map(|t| format!("{:?}={}", t.text, t.value))
        .collect();
    format!("[{}]", v.join(", "))
}

#[test]
fn recognizers_text_de() {
    let Some(dir) = gold("recognizers-text-de") else {
        return;
    };
    let verbose = std::env::var_os("TEMPORAL_VERBOSE").is_some();
    let (mut all_pass, mut all_cases) = (0usize, 0usize);
    let mut low = Vec::new();
    for (file, mode, floor) in FILES {
        let raw = std::fs::read_to_string(dir.join(file)).expect(file);
        let cases: Vec<Value> =
            serde_json::from_str(raw.trim_start_matches('\u{feff}')).expect(file);
        let (mut pass, mut n) = (0, 0);
        for case in &cases {
            match judge(case, mode) {
                None => continue,
                Some(Ok(())) => pass += 1,
                Some(Err(why)) if verbose => eprintln!("  {file}: {:?}: {why}", case["Input"]),
                Some(Err(_)) => {}
            }
            n += 1;
        }
        eprintln!(
            "{file:<32} {pass:>3}/{n:<3} {:5.1} %",
            100.0 * pass as f64 / n.max(1) as f64
        );
        all_pass += pass;
        all_cases += n;
        if pass + 1 < floor {
            low.push(format!("{file}: {pass} passed, {floor} before"));
        }
    }
    let rate = all_pass as f64 / all_cases as f64;
    eprintln!(
        "{:<32} {all_pass:>3}/{all_cases:<3} {:5.1} %",
        "overall",
        100.0 * rate
    );
    assert!(low.is_empty(), "pass rates fell: {low:?}");
    assert!(
        rate >= OVERALL_FLOOR - 0.02,
        "overall pass rate {rate:.3} fell below {OVERALL_FLOOR}"
    );
}

// ------------------------------------------------------------------ KRAUTS

/// HeidelTime on KRAUTS, by the same scorer: (set, strict F1, relaxed F1, value F1).
const HEIDELTIME: [(&str, f64, f64, f64); 2] = [
    ("KRAUTS_DieZeit", 0.697, 0.793, 0.627),
    ("KRAUTS_Dolomiten-100", 0.714, 0.813, 0.668),
];

/// nachlese's own figures on KRAUTS, as measured (set, strict F1, relaxed F1, value F1):
/// the floors, so that a fall of any of them fails the test.
///
/// Value F1 rose with the reference-time model of issue 17 (DieZeit .8309 -> .8348,
/// Dolomiten-100 .7914 -> .8142), developed across the two sets: rules written from one
/// set's errors, then scored on the other without looking at its errors.
///
/// | rules written from | scored on | value F1 before | after |
/// |---|---|---|---|
/// | Dolomiten-100 (`heute` as the day, nearest day-month, named date's week, narrative year, `soll ... haben`, subjunctive perfect) | Die Zeit | .831 | .829 (all), .833 (without the two rules that cost it one match, `heute` and the narrative year) |
/// | Die Zeit (`von morgen`, the narrative year only forward) | Dolomiten-100 | .814 | .814 |
///
/// With the Die Zeit refinements, the two Dolomiten rules that cost Die Zeit a match no
/// longer do (Die Zeit .835 with or without each); the monthly sets and `ein Wochenende`
/// came from neither set (issue 17's classes) and change neither figure.
const KRAUTS_FLOORS: [(&str, f64, f64, f64); 2] = [
    ("KRAUTS_DieZeit", 0.8739, 0.9130, 0.8348),
    ("KRAUTS_Dolomiten-100", 0.8470, 0.9178, 0.8142),
];

/// The floors are the figures printed to four places: allow their rounding only.
const KRAUTS_ROUNDING: f64 = 0.0005;

#[test]
fn krauts_beats_heideltime() {
    let Some(krauts) = gold("krauts") else {
        return;
    };
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let scorer = manifest.join("../shared/tools/timex-score");
    let python = Command::new("python3").arg("--version").output();
    if !scorer.is_file() || !python.is_ok_and(|o| o.status.success()) {
        skip_or_fail(&format!("this test needs python3 and {}", scorer.display()));
        return;
    }
    let out = tempfile::tempdir().expect("temp dir");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut score = Command::new("python3");
    score.arg(&scorer);
    for (set, ..) in HEIDELTIME {
        let sys = out.path().join(set);
        let mut run = Command::new(&cargo);
        run.current_dir(manifest)
            .args(["run", "--quiet", "--example", "timex"]);
        if !cfg!(debug_assertions) {
            run.arg("--release");
        }
        let done = run
            .arg("--")
            .arg(krauts.join(format!("{set}_raw-text")))
            .arg(&sys)
            .output()
            .expect("cargo run --example timex");
        assert!(
            done.status.success(),
            "the timex example failed on {set}: {}",
            String::from_utf8_lossy(&done.stderr)
        );
        score.arg(krauts.join(set)).arg(&sys);
    }
    let scored = score.arg("--json").output().expect("timex-score");
    assert!(
        scored.status.success(),
        "timex-score: {}",
        String::from_utf8_lossy(&scored.stderr)
    );
    let report: Value = serde_json::from_slice(&scored.stdout).expect("scorer JSON");
    let sets = report["sets"].as_array().expect("sets");
    let mut worse = Vec::new();
    let mut fell = Vec::new();
    for ((set, strict, relaxed, value), (floor_set, strict_floor, relaxed_floor, value_floor)) in
        HEIDELTIME.into_iter().zip(KRAUTS_FLOORS)
    {
        assert_eq!(set, floor_set);
        let s = sets
            .iter()
            .find(|s| s["name"] == set)
            .unwrap_or_else(|| panic!("{set} not scored"));
        let ours = [
            (
                "strict F1",
                s["strict"]["f1"].as_f64(),
                strict,
                strict_floor,
            ),
            (
                "relaxed F1",
                s["relaxed"]["f1"].as_f64(),
                relaxed,
                relaxed_floor,
            ),
            ("value F1", s["value_f1"].as_f64(), value, value_floor),
        ];
        for (what, got, heideltime, floor) in ours {
            let got = got.expect("a figure");
            eprintln!(
                "{set:<22} {what:<10} {got:.4} (floor {floor:.4}, HeidelTime {heideltime:.3})"
            );
            if got <= heideltime {
                worse.push(format!(
                    "{set} {what}: {got:.3} <= HeidelTime's {heideltime:.3}"
                ));
            }
            if got < floor - KRAUTS_ROUNDING {
                fell.push(format!("{set} {what}: {got:.4} < {floor:.4}"));
            }
        }
    }
    assert!(worse.is_empty(), "not better than HeidelTime: {worse:?}");
    assert!(
        fell.is_empty(),
        "KRAUTS figures fell below their floors: {fell:?}"
    );
}
