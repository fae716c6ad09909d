//! Dates as pages write them: machine forms (ISO 8601, RFC 3339, RFC 2822, `20240218`) in
//! attributes and markup, and German and English prose in the text ("18. Februar 2024",
//! "18.02.2024 14:30 Uhr", "Feb. 18, 2024"). Numeric dates in prose are German, day first.

use std::sync::LazyLock;

use regex::Regex;
use time::format_description::well_known::Rfc2822;
use time::{Date, Month, OffsetDateTime, Time, UtcOffset};

/// A date found in a text, and where (byte offsets).
#[derive(Debug, Clone, Copy)]
pub(super) struct Found {
    pub(super) date: OffsetDateTime,
    pub(super) start: usize,
    pub(super) end: usize,
}

fn re(pattern: &str) -> Regex {
    // Word boundaries and digits are ASCII's: Unicode word boundaries keep the regex engine
    // off its fast automaton on text with umlauts, which made reading dates a quarter of the
    // time a page takes. A date's digits and month names are ASCII at their edges anyway.
    let pattern = pattern.replace(r"\b", r"(?-u:\b)").replace(r"\d", "[0-9]");
    // The patterns are constants of this file (a unit test compiles every one).
    Regex::new(&pattern).expect("a valid constant pattern")
}

/// Month names and abbreviations, German (also Austrian) and English, longest first.
const MONTHS: &str = "januar|jänner|jaenner|january|jan|februar|february|feber|febr|feb|märz|maerz|march|mär|mrz|mar|april|apr|mai|may|juni|june|jun|juli|july|jul|august|aug|september|sept|sep|oktober|october|okt|oct|november|nov|dezember|december|dez|dec";

/// A machine-readable date (and time) at the start of a value.
static MACHINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s*(\d{4})[-/.]?(\d{2})[-/.]?(\d{2})(?:(?:T|\s+|T\s*)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?",
    )
});
/// Month/day/year in markup, with a time perhaps: `11/01/2023 12:43:42`.
static MACHINE_SLASHED: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?"));
/// Day. month. year: `18.02.2024`, `18. 2. 2024`, `18.02.24`.
static DMY: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})\b"));
/// Day month-name year: `18. Februar 2024`, `18 Feb. 2024`, `18.Febr.2024`.
static D_MONTH_Y: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b(\d{{1,2}})(?:\.|st|nd|rd|th)?\s*(?:de\s+|of\s+)?({MONTHS})\b\.?,?\s*(\d{{4}})\b"
    ))
});
/// Month-name day, year: `February 18, 2024`, `Feb. 18th 2024`.
static MONTH_D_Y: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b({MONTHS})\b\.?\s+(\d{{1,2}})(?:st|nd|rd|th|\.)?,?\s+(\d{{4}})\b"
    ))
});
/// Year-month-day: `2024-02-18`, `2024/02/18`.
static YMD: LazyLock<Regex> = LazyLock::new(|| re(r"\b(\d{4})[-/](\d{1,2})[-/](\d{1,2})\b"));
/// Day/month/year with slashes: ambiguous, read day first unless that cannot be.
static SLASHED: LazyLock<Regex> = LazyLock::new(|| re(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"));
/// A time right after a date: `, 14:30`, ` um 14:30 Uhr`, ` | 14:30:05`.
static TIME_AFTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"^[\s,|/–-]*(?:um\s+|at\s+|-\s*)?(\d{1,2}):(\d{2})(?::(\d{2}))?"));

/// Every pattern, for the unit test that compiles them.
#[cfg(test)]
pub(super) fn compile_all() {
    for r in [
        &MACHINE,
        &MACHINE_SLASHED,
        &DMY,
        &D_MONTH_Y,
        &MONTH_D_Y,
        &YMD,
        &SLASHED,
        &TIME_AFTER,
    ] {
        LazyLock::force(r);
    }
}

fn num(s: Option<regex::Match<'_>>) -> Option<i32> {
    s?.as_str().parse().ok()
}

/// The month a name or abbreviation stands for.
fn month_name(name: &str) -> Option<u8> {
    let lower = name.to_lowercase();
    let m = match lower.chars().take(3).collect::<String>().as_str() {
        "jan" | "jän" | "jae" => 1,
        "feb" => 2,
        "mär" | "mae" | "mrz" | "mar" => 3,
        "apr" => 4,
        "mai" | "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "okt" | "oct" => 10,
        "nov" => 11,
        "dez" | "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// A calendar date, if it is one.
pub(super) fn ymd(year: i32, month: i32, day: i32) -> Option<Date> {
    let month = Month::try_from(u8::try_from(month).ok()?).ok()?;
    Date::from_calendar_date(year, month, u8::try_from(day).ok()?).ok()
}

/// A two-digit year: this century unless that is in the future.
fn full_year(y: i32, digits: usize) -> i32 {
    if digits != 2 {
        return y;
    }
    let this = OffsetDateTime::now_utc().year() % 100;
    if y <= this { 2000 + y } else { 1900 + y }
}

/// A UTC offset as written after a time: `Z`, `+01:00`, `+0100`, `-05`.
fn offset(s: &str) -> Option<UtcOffset> {
    match s {
        "Z" | "UTC" | "GMT" => return Some(UtcOffset::UTC),
        _ => {}
    }
    let sign: i8 = if s.starts_with('-') { -1 } else { 1 };
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let h: i8 = digits.get(..2)?.parse().ok()?;
    let m: i8 = digits.get(2..4).map_or(Some(0), |m| m.parse().ok())?;
    UtcOffset::from_hms(sign * h, sign * m, 0).ok()
}

fn at(
    date: Date,
    h: Option<i32>,
    m: Option<i32>,
    s: Option<i32>,
    off: UtcOffset,
) -> OffsetDateTime {
    let time = match (h, m) {
        (Some(h), Some(m)) => Time::from_hms(
            u8::try_from(h).unwrap_or(0),
            u8::try_from(m).unwrap_or(0),
            s.and_then(|s| u8::try_from(s).ok()).unwrap_or(0),
        )
        .unwrap_or(Time::MIDNIGHT),
        _ => Time::MIDNIGHT,
    };
    date.with_time(time).assume_offset(off)
}

/// A machine-readable value (a `datetime` or `content` attribute, a JSON-LD string): ISO 8601
/// and its relatives first, then RFC 2822, then whatever date its text holds.
pub(super) fn machine(value: &str) -> Option<OffsetDateTime> {
    let value = value.trim();
    if let Some(c) = MACHINE.captures(value) {
        let end = c.get(0).map_or(0, |m| m.end());
        // Not the start of a longer number (an id).
        let digit_follows = value[end..].starts_with(|ch: char| ch.is_ascii_digit());
        if !digit_follows && let Some(date) = ymd(num(c.get(1))?, num(c.get(2))?, num(c.get(3))?) {
            let off = c
                .get(7)
                .and_then(|o| offset(o.as_str()))
                .unwrap_or(UtcOffset::UTC);
            return Some(at(date, num(c.get(4)), num(c.get(5)), num(c.get(6)), off));
        }
    }
    // Slashed numbers in markup come from software set to American English: month first.
    if let Some(c) = MACHINE_SLASHED.captures(value)
        && let Some(date) = ymd(num(c.get(3))?, num(c.get(1))?, num(c.get(2))?)
    {
        return Some(at(
            date,
            num(c.get(4)),
            num(c.get(5)),
            num(c.get(6)),
            UtcOffset::UTC,
        ));
    }
    if let Ok(d) = OffsetDateTime::parse(value, &Rfc2822) {
        return Some(d);
    }
    in_text(value).first().map(|f| f.date)
}

/// Every date written in a text, in order of where it starts.
pub(super) fn in_text(text: &str) -> Vec<Found> {
    let mut found = Vec::new();
    // Every form has four digits at least (1.2.24); most text has none.
    if text.bytes().filter(u8::is_ascii_digit).take(4).count() < 4 {
        return found;
    }
    let mut push = |m: regex::Match<'_>, date: Option<Date>| {
        if let Some(date) = date {
            let rest = &text[m.end()..];
            let (h, mi, s, end) = match TIME_AFTER.captures(rest) {
                Some(t) => (
                    num(t.get(1)),
                    num(t.get(2)),
                    num(t.get(3)),
                    m.end() + t.get(0).map_or(0, |x| x.end()),
                ),
                None => (None, None, None, m.end()),
            };
            found.push(Found {
                date: at(date, h, mi, s, UtcOffset::UTC),
                start: m.start(),
                end,
            });
        }
    };
    for c in DMY.captures_iter(text) {
        let (Some(all), Some(y)) = (c.get(0), c.get(3)) else {
            continue;
        };
        // Not a version number or a longer numeric run (1.2.10.4).
        let after = &text[all.end()..];
        if after.starts_with('.') && after[1..].starts_with(|ch: char| ch.is_ascii_digit()) {
            continue;
        }
        if all.start() > 0 && text[..all.start()].ends_with('.') {
            continue;
        }
        let year = y.as_str().parse().ok().map(|v| full_year(v, y.len()));
        push(
            all,
            year.and_then(|yy| ymd(yy, num(c.get(2))?, num(c.get(1))?)),
        );
    }
    for c in D_MONTH_Y.captures_iter(text) {
        let Some(all) = c.get(0) else { continue };
        let month = c.get(2).and_then(|m| month_name(m.as_str()));
        push(
            all,
            month.and_then(|mo| ymd(num(c.get(3))?, i32::from(mo), num(c.get(1))?)),
        );
    }
    for c in MONTH_D_Y.captures_iter(text) {
        let Some(all) = c.get(0) else { continue };
        let month = c.get(1).and_then(|m| month_name(m.as_str()));
        push(
            all,
            month.and_then(|mo| ymd(num(c.get(3))?, i32::from(mo), num(c.get(2))?)),
        );
    }
    for c in YMD.captures_iter(text) {
        let Some(all) = c.get(0) else { continue };
        push(
            all,
            ymd(
                num(c.get(1)).unwrap_or(0),
                num(c.get(2)).unwrap_or(0),
                num(c.get(3)).unwrap_or(0),
            ),
        );
    }
    for c in SLASHED.captures_iter(text) {
        let Some(all) = c.get(0) else { continue };
        let (a, b, y) = (
            num(c.get(1)).unwrap_or(0),
            num(c.get(2)).unwrap_or(0),
            num(c.get(3)).unwrap_or(0),
        );
        push(all, ymd(y, b, a).or_else(|| ymd(y, a, b)));
    }
    found.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    // Overlapping matches of different patterns: the first, longest one.
    let mut last_end = 0;
    found.retain(|f| {
        let keep = f.start >= last_end;
        if keep {
            last_end = f.end;
        }
        keep
    });
    found
}

/// URL patterns: `/2024/02/18/`, `/2024-02-18-`, `/20240218/`, `~18-02-2024-`.
static URL_SLASHED: LazyLock<Regex> =
    LazyLock::new(|| re(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:[/#?&]|\.html?|$)"));
static URL_YMD: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|[/_.~=-])((?:19|20)\d{2})[_.-](\d{2})[_.-](\d{2})(?:[/_.#?&-]|$)"));
static URL_COMPACT: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|[/_.~=-])((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.#?&-]|$)"));
static URL_DMY: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|[/_.~=-])(\d{2})[_.-](\d{2})[_.-]((?:19|20)\d{2})(?:[/_.#?&-]|$)"));

/// The date a page's address holds in its path, day included.
pub(super) fn in_url(url: &str) -> Option<Date> {
    // The path: after the host, before the fragment.
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.find('/').map_or("", |i| &path[i..]);
    for pattern in [&URL_SLASHED, &URL_YMD] {
        if let Some(c) = pattern.captures(path)
            && let Some(d) = ymd(num(c.get(1))?, num(c.get(2))?, num(c.get(3))?)
        {
            return Some(d);
        }
    }
    if let Some(c) = URL_YMD.captures(path)
        && let Some(d) = ymd(num(c.get(1))?, num(c.get(2))?, num(c.get(3))?)
    {
        return Some(d);
    }
    if let Some(c) = URL_COMPACT.captures(path)
        && let Some(d) = ymd(num(c.get(1))?, num(c.get(2))?, num(c.get(3))?)
    {
        return Some(d);
    }
    let c = URL_DMY.captures(path)?;
    ymd(num(c.get(3))?, num(c.get(2))?, num(c.get(1))?)
}
