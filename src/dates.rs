//! Dates: the timestamps of documents and the periods of date-range searches.
//!
//! Two kinds of date text reach nachlese:
//!
//! * **Document dates** ([`parse_timestamp`]): RFC 3339 (`2024-02-20T07:30:00+09:00`), a
//!   date-time without an offset (`2024-02-20T07:30:00`, read as UTC) or a plain day
//!   (`2024-02-20`, midnight UTC).
//! * **Search periods** ([`Period`]): `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or an RFC 3339 instant.
//!   A period has a start and an end, so the range from 2023-09 to 2023-09 covers all of
//!   September 2023: a [`DateRange`] starts where its first period starts and ends where its
//!   last period ends.
//!
//! Everything is UTC and truncated to whole seconds, the precision the index stores.

use std::fmt;
use std::str::FromStr;

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, Duration, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// Why a date text was refused: the text itself and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid date {value:?}: {reason}")]
#[non_exhaustive]
pub struct DateError {
    /// The text as given.
    pub value: String,
    /// What is wrong with it, in words.
    pub reason: String,
}

impl DateError {
    fn new(value: &str, reason: impl Into<String>) -> DateError {
        DateError {
            value: value.to_string(),
            reason: reason.into(),
        }
    }
}

/// The first instant the index can store (tantivy keeps dates as i64 nanoseconds).
pub const MIN_TIMESTAMP: i64 = -9_223_372_036; // 1677-09-21T00:12:44Z
/// The last instant the index can store.
pub const MAX_TIMESTAMP: i64 = 9_223_372_036; // 2262-04-11T23:47:16Z

/// Why a date outside [`MIN_TIMESTAMP`]..=[`MAX_TIMESTAMP`] is refused.
pub const OUT_OF_RANGE: &str =
    "outside the range the index can store (1677-09-21T00:12:44Z to 2262-04-11T23:47:16Z)";

/// Parses the date of a document.
///
/// Accepts RFC 3339 (`2024-02-20T07:30:00Z`, `2024-02-20T07:30:00+09:00`), a date-time
/// without offset (`2024-02-20T07:30:00`, taken as UTC) and a plain day (`2024-02-20`,
/// midnight UTC). The result is in UTC, truncated to seconds, and within the range the
/// index can store ([`MIN_TIMESTAMP`] to [`MAX_TIMESTAMP`]).
///
/// ```
/// use nachlese::dates::parse_timestamp;
///
/// let t = parse_timestamp("2024-02-20T09:00:00+09:00").unwrap();
/// assert_eq!(nachlese::dates::format_rfc3339(t), "2024-02-20T00:00:00Z");
/// assert!(parse_timestamp("2024-02-30").is_err());
/// ```
pub fn parse_timestamp(text: &str) -> Result<OffsetDateTime, DateError> {
    let s = text.trim();
    let t = if s.len() == 10 {
        let date = parse_day(text, s)?;
        date.midnight().assume_utc()
    } else {
        parse_instant(text, s)?
    };
    check_storable(text, t)
}

/// Formats a timestamp as RFC 3339 in UTC, e.g. `2024-02-20T00:00:00Z`.
pub fn format_rfc3339(t: OffsetDateTime) -> String {
    utc(t)
        .format(&Rfc3339)
        .unwrap_or_else(|_| t.unix_timestamp().to_string())
}

/// Formats the day of a timestamp (UTC) as `YYYY-MM-DD`.
pub fn format_day(t: OffsetDateTime) -> String {
    let t = utc(t);
    format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day())
}

fn check_storable(text: &str, t: OffsetDateTime) -> Result<OffsetDateTime, DateError> {
    let secs = t.unix_timestamp();
    if !(MIN_TIMESTAMP..=MAX_TIMESTAMP).contains(&secs) {
        return Err(DateError::new(text, OUT_OF_RANGE));
    }
    Ok(t.replace_nanosecond(0).unwrap_or(t))
}

/// Parses an RFC 3339 instant, or a date-time without offset (taken as UTC).
fn parse_instant(text: &str, s: &str) -> Result<OffsetDateTime, DateError> {
    if let Ok(t) = OffsetDateTime::parse(s, &Rfc3339) {
        // An offset can carry an instant past the calendar's end (9999-12-31T23:00-02:00),
        // or back before year 0000 (0000-01-01T07:30+09:31), which no date text can name.
        return t
            .checked_to_offset(UtcOffset::UTC)
            .filter(|t| t.year() >= 0)
            .ok_or_else(|| DateError::new(text, OUT_OF_RANGE));
    }
    let no_offset = format_description!(
        version = 2,
        "[year]-[month]-[day][first [T] [t] [ ]][hour]:[minute][optional [:[second][optional [.[subsecond]]]]]"
    );
    if let Ok(t) = PrimitiveDateTime::parse(s, &no_offset) {
        return Ok(t.assume_utc());
    }
    // Say which part is wrong where we can: the day part is the usual culprit.
    if s.len() > 10 && s.is_char_boundary(10) {
        parse_day(text, &s[..10])?;
    }
    Err(DateError::new(
        text,
        "expected YYYY-MM-DD or an RFC 3339 date-time such as 2024-02-20T07:30:00Z",
    ))
}

/// Parses `YYYY-MM-DD`, naming the part that is out of range.
fn parse_day(text: &str, s: &str) -> Result<Date, DateError> {
    let (year, rest) = split_year(text, s)?;
    let (month, rest) = split_month(text, rest)?;
    let day = match rest.strip_prefix('-') {
        Some(d) if d.len() == 2 && d.bytes().all(|b| b.is_ascii_digit()) => d.parse::<u8>().ok(),
        _ => None,
    }
    .ok_or_else(|| DateError::new(text, "expected YYYY-MM-DD"))?;
    Date::from_calendar_date(year, month, day).map_err(|_| {
        DateError::new(
            text,
            format!("{} {year} has no day {day}", month_name(month)),
        )
    })
}

fn split_year<'a>(text: &str, s: &'a str) -> Result<(i32, &'a str), DateError> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 4 {
        return Err(DateError::new(
            text,
            "expected a four-digit year (YYYY, YYYY-MM, YYYY-MM-DD or RFC 3339)",
        ));
    }
    let year = s[..4]
        .parse::<i32>()
        .map_err(|_| DateError::new(text, "expected a four-digit year"))?;
    Ok((year, &s[4..]))
}

fn split_month<'a>(text: &str, s: &'a str) -> Result<(Month, &'a str), DateError> {
    let m = match s.strip_prefix('-') {
        Some(rest) if rest.len() >= 2 && rest.as_bytes()[..2].iter().all(u8::is_ascii_digit) => {
            (rest[..2].parse::<u8>().ok(), &rest[2..])
        }
        _ => (None, s),
    };
    match m {
        (Some(n), rest) => Month::try_from(n)
            .map(|month| (month, rest))
            .map_err(|_| DateError::new(text, format!("month {n:02} does not exist (01-12)"))),
        (None, _) => Err(DateError::new(text, "expected YYYY-MM")),
    }
}

fn month_name(m: Month) -> &'static str {
    match m {
        Month::January => "January",
        Month::February => "February",
        Month::March => "March",
        Month::April => "April",
        Month::May => "May",
        Month::June => "June",
        Month::July => "July",
        Month::August => "August",
        Month::September => "September",
        Month::October => "October",
        Month::November => "November",
        Month::December => "December",
    }
}

/// A period of time named by a date text: a year, a month, a day or an instant.
///
/// ```
/// use nachlese::dates::Period;
///
/// let september: Period = "2023-09".parse().unwrap();
/// assert_eq!(nachlese::dates::format_rfc3339(september.start()), "2023-09-01T00:00:00Z");
/// assert_eq!(nachlese::dates::format_rfc3339(september.end()), "2023-10-01T00:00:00Z");
/// assert!("2023-13".parse::<Period>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    start: OffsetDateTime,
    end: OffsetDateTime,
    granularity: Granularity,
}

/// How long a [`Period`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    /// `YYYY`
    Year,
    /// `YYYY-MM`
    Month,
    /// `YYYY-MM-DD`
    Day,
    /// An RFC 3339 instant (one second at the index's precision).
    Instant,
}

impl Period {
    /// The first instant of the period.
    pub fn start(&self) -> OffsetDateTime {
        self.start
    }

    /// The first instant after the period (the end is exclusive).
    pub fn end(&self) -> OffsetDateTime {
        self.end
    }

    /// Whether this is a year, a month, a day or an instant.
    pub fn granularity(&self) -> Granularity {
        self.granularity
    }

    /// The year, month or day that holds `t` (UTC).
    pub fn containing(t: OffsetDateTime, granularity: Granularity) -> Period {
        let t = utc(t);
        let (start, end) = match granularity {
            Granularity::Year => {
                let start = year_start(t.year());
                (start, year_start(t.year() + 1))
            }
            Granularity::Month => {
                let start = month_start(t.year(), t.month());
                (start, next_month(start))
            }
            Granularity::Day => {
                let start = t.date().midnight().assume_utc();
                (start, after(start, Duration::DAY))
            }
            Granularity::Instant => {
                let start = t.replace_nanosecond(0).unwrap_or(t);
                (start, after(start, Duration::SECOND))
            }
        };
        Period {
            start,
            end,
            granularity,
        }
    }
}

/// `t` in UTC; an instant UTC cannot hold (past the calendar's ends) stays as it is.
fn utc(t: OffsetDateTime) -> OffsetDateTime {
    t.checked_to_offset(UtcOffset::UTC).unwrap_or(t)
}

/// `t + d`, or the calendar's last instant: the day after 9999-12-31 does not exist.
fn after(t: OffsetDateTime, d: Duration) -> OffsetDateTime {
    t.checked_add(d)
        .unwrap_or(OffsetDateTime::new_utc(Date::MAX, Time::MAX))
}

fn year_start(year: i32) -> OffsetDateTime {
    month_start(year, Month::January)
}

fn month_start(year: i32, month: Month) -> OffsetDateTime {
    Date::from_calendar_date(year, month, 1)
        .map(|d| d.midnight().assume_utc())
        .unwrap_or(if year < 0 {
            OffsetDateTime::new_utc(Date::MIN, Time::MIDNIGHT)
        } else {
            OffsetDateTime::new_utc(Date::MAX, Time::MIDNIGHT)
        })
}

fn next_month(start: OffsetDateTime) -> OffsetDateTime {
    match start.month() {
        Month::December => year_start(start.year() + 1),
        m => month_start(start.year(), m.next()),
    }
}

impl FromStr for Period {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Period, DateError> {
        let s = text.trim();
        let (year, rest) = split_year(text, s)?;
        if rest.is_empty() {
            return Ok(Period::containing(year_start(year), Granularity::Year));
        }
        if rest.len() == 3 {
            let (month, rest) = split_month(text, rest)?;
            if rest.is_empty() {
                return Ok(Period::containing(
                    month_start(year, month),
                    Granularity::Month,
                ));
            }
        }
        if s.len() == 10 {
            let day = parse_day(text, s)?;
            return Ok(Period::containing(
                day.midnight().assume_utc(),
                Granularity::Day,
            ));
        }
        let t = parse_instant(text, s)?;
        Ok(Period::containing(t, Granularity::Instant))
    }
}

impl fmt::Display for Period {
    /// Prints the period back in the form it was given (`2023`, `2023-09`, `2023-09-13`, or
    /// RFC 3339 in UTC).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.start;
        match self.granularity {
            Granularity::Year => write!(f, "{:04}", s.year()),
            Granularity::Month => write!(f, "{:04}-{:02}", s.year(), u8::from(s.month())),
            Granularity::Day => f.write_str(&format_day(s)),
            Granularity::Instant => f.write_str(&format_rfc3339(s)),
        }
    }
}

/// An inclusive date range for a search: from the start of one period to the end of another.
///
/// ```
/// use nachlese::dates::{DateRange, Period};
///
/// let range = DateRange::new(Some("2023-09".parse()?), Some("2023-09".parse()?))?;
/// assert_eq!(nachlese::dates::format_rfc3339(range.start().unwrap()), "2023-09-01T00:00:00Z");
/// assert_eq!(nachlese::dates::format_rfc3339(range.end().unwrap()), "2023-10-01T00:00:00Z");
///
/// // A start after the end is refused, naming both values.
/// assert!(DateRange::new(Some("2024".parse()?), Some("2023-12".parse()?)).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateRange {
    from: Option<Period>,
    to: Option<Period>,
}

/// A date range whose start lies after its end.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the start {from} is after the end {to}: the range is empty")]
#[non_exhaustive]
pub struct EmptyRangeError {
    /// The `from` period as given.
    pub from: String,
    /// The `to` period as given.
    pub to: String,
}

impl DateRange {
    /// A range from the start of `from` to the end of `to`; either side may be open.
    pub fn new(from: Option<Period>, to: Option<Period>) -> Result<DateRange, EmptyRangeError> {
        if let (Some(f), Some(t)) = (from, to)
            && f.start() >= t.end()
        {
            return Err(EmptyRangeError {
                from: f.to_string(),
                to: t.to_string(),
            });
        }
        Ok(DateRange { from, to })
    }

    /// The range that holds every date.
    pub fn all() -> DateRange {
        DateRange::default()
    }

    /// The days from `first` to `last`, both included.
    ///
    /// ```
    /// use nachlese::dates::{DateRange, format_rfc3339};
    /// use time::macros::date;
    ///
    /// let range = DateRange::days(date!(2023 - 09 - 12), date!(2023 - 09 - 13))?;
    /// assert_eq!(format_rfc3339(range.end().unwrap()), "2023-09-14T00:00:00Z");
    /// assert!(DateRange::days(date!(2023 - 09 - 13), date!(2023 - 09 - 12)).is_err());
    /// # Ok::<(), nachlese::dates::EmptyRangeError>(())
    /// ```
    pub fn days(first: Date, last: Date) -> Result<DateRange, EmptyRangeError> {
        let day = |d: Date| Period::containing(d.midnight().assume_utc(), Granularity::Day);
        DateRange::new(Some(day(first)), Some(day(last)))
    }

    /// The instants from `first` to `last`, both included (to the second, the precision of
    /// the index's dates); either side may be open.
    ///
    /// ```
    /// use nachlese::dates::DateRange;
    /// use time::macros::datetime;
    ///
    /// let evening = DateRange::between(Some(datetime!(2024-02-18 18:00 +1)), None)?;
    /// assert!(evening.contains(datetime!(2024-02-18 17:00 UTC)));
    /// assert!(!evening.contains(datetime!(2024-02-18 16:59:59 UTC)));
    /// # Ok::<(), nachlese::dates::EmptyRangeError>(())
    /// ```
    pub fn between(
        first: Option<OffsetDateTime>,
        last: Option<OffsetDateTime>,
    ) -> Result<DateRange, EmptyRangeError> {
        let instant = |t: OffsetDateTime| Period::containing(t, Granularity::Instant);
        DateRange::new(first.map(instant), last.map(instant))
    }

    /// The first instant in the range, if it is bounded below.
    pub fn start(&self) -> Option<OffsetDateTime> {
        self.from.map(|p| p.start())
    }

    /// The first instant after the range (exclusive), if it is bounded above.
    pub fn end(&self) -> Option<OffsetDateTime> {
        self.to.map(|p| p.end())
    }

    /// Whether the range has no bound at all.
    pub fn is_unbounded(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// Whether `t` lies in the range.
    pub fn contains(&self, t: OffsetDateTime) -> bool {
        self.start().is_none_or(|s| t >= s) && self.end().is_none_or(|e| t < e)
    }
}

impl fmt::Display for DateRange {
    /// `FROM..TO` with the periods as given, either side empty when open (`2023-09..2024`,
    /// `..2024-02-20`, `..`); [`FromStr`] reads it back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(from) = self.from {
            write!(f, "{from}")?;
        }
        f.write_str("..")?;
        if let Some(to) = self.to {
            write!(f, "{to}")?;
        }
        Ok(())
    }
}

/// Why a `FROM..TO` text is no date range.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RangeError {
    /// No `..` between the two sides.
    #[error("{0:?} is not a date range: write FROM..TO (either side may be empty)")]
    Syntax(String),
    /// A side is no date.
    #[error(transparent)]
    Date(#[from] DateError),
    /// The start lies after the end.
    #[error(transparent)]
    Empty(#[from] EmptyRangeError),
}

impl FromStr for DateRange {
    type Err = RangeError;

    /// Reads `FROM..TO` (see [`Display`](fmt::Display)).
    ///
    /// ```
    /// use nachlese::dates::DateRange;
    ///
    /// let range: DateRange = "2023-09..2024".parse()?;
    /// assert_eq!(range.to_string(), "2023-09..2024");
    /// assert!("..".parse::<DateRange>()?.is_unbounded());
    /// assert!("2024..2023".parse::<DateRange>().is_err());
    /// # Ok::<(), nachlese::dates::RangeError>(())
    /// ```
    fn from_str(text: &str) -> Result<DateRange, RangeError> {
        let (from, to) = text
            .split_once("..")
            .ok_or_else(|| RangeError::Syntax(text.to_string()))?;
        let side = |s: &str| -> Result<Option<Period>, DateError> {
            let s = s.trim();
            if s.is_empty() {
                Ok(None)
            } else {
                s.parse().map(Some)
            }
        };
        Ok(DateRange::new(side(from)?, side(to)?)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rfc(t: OffsetDateTime) -> String {
        format_rfc3339(t)
    }

    #[test]
    fn periods_cover_their_whole_span() {
        let y: Period = "2023".parse().unwrap();
        assert_eq!(rfc(y.start()), "2023-01-01T00:00:00Z");
        assert_eq!(rfc(y.end()), "2024-01-01T00:00:00Z");
        let m: Period = "2023-12".parse().unwrap();
        assert_eq!(rfc(m.end()), "2024-01-01T00:00:00Z");
        let d: Period = "2024-02-29".parse().unwrap();
        assert_eq!(rfc(d.end()), "2024-03-01T00:00:00Z");
        let i: Period = "2024-02-20T10:00:00+01:00".parse().unwrap();
        assert_eq!(rfc(i.start()), "2024-02-20T09:00:00Z");
        assert_eq!(rfc(i.end()), "2024-02-20T09:00:01Z");
    }

    #[test]
    fn impossible_dates_name_the_problem() {
        let e = "2023-13-01".parse::<Period>().unwrap_err();
        assert!(e.reason.contains("month 13"), "{e}");
        let e = "2023-02-29".parse::<Period>().unwrap_err();
        assert!(e.reason.contains("February 2023 has no day 29"), "{e}");
        assert!("23-01".parse::<Period>().is_err());
        assert!("2023-1".parse::<Period>().is_err());
        assert!("".parse::<Period>().is_err());
        assert!("2023-09-01T25:00:00Z".parse::<Period>().is_err());
    }

    #[test]
    fn document_dates_are_utc_seconds() {
        assert_eq!(
            rfc(parse_timestamp("2024-02-20").unwrap()),
            "2024-02-20T00:00:00Z"
        );
        assert_eq!(
            rfc(parse_timestamp("2024-02-20T07:30:00").unwrap()),
            "2024-02-20T07:30:00Z"
        );
        assert_eq!(
            rfc(parse_timestamp("2024-02-20T07:30:00.999-02:00").unwrap()),
            "2024-02-20T09:30:00Z"
        );
        assert!(parse_timestamp("2024-02-20T07:30:00Z").is_ok());
        assert!(parse_timestamp("1950-06-25").is_ok());
        assert!(parse_timestamp("1600-01-01").is_err());
        assert!(parse_timestamp("9999-12-31").is_err());
        assert!(parse_timestamp("20.02.2024").is_err());
    }

    #[test]
    fn ranges_are_inclusive_and_never_inverted() {
        let r = DateRange::new(
            Some("2023-09".parse().unwrap()),
            Some("2023-09".parse().unwrap()),
        )
        .unwrap();
        assert!(r.contains(parse_timestamp("2023-09-30T23:59:59Z").unwrap()));
        assert!(!r.contains(parse_timestamp("2023-10-01").unwrap()));
        let e = DateRange::new(
            Some("2024-03".parse().unwrap()),
            Some("2024-01".parse().unwrap()),
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "the start 2024-03 is after the end 2024-01: the range is empty"
        );
    }

    #[test]
    fn periods_print_back_to_themselves() {
        for s in ["2023", "2023-09", "2023-09-13", "2023-09-13T10:11:12Z"] {
            assert_eq!(s.parse::<Period>().unwrap().to_string(), s);
        }
    }
}
