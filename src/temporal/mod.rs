//! Finding the dates a German text talks about (temporal tagging, TimeML TIMEX3).
//!
//! [`tag`] finds dates (`18. Februar 2024`, `im vergangenen Juli`, `die 90er-Jahre`), times
//! (`gestern Abend`, `20 Uhr`), durations (`zwei Jahre`) and sets (`jeden Montag`) in German
//! text and resolves each to a TIMEX3 value, against the date the text was written: `im
//! Juli` in an article of February 2024 is July 2023 when the sentence speaks of the past,
//! July 2024 when it speaks of the future.
//!
//! The tagger follows the TimeML annotation guidelines as the German KRAUTS corpus applies
//! them: prepositions stay outside an expression (`am [Sonntag]`, `vor [zwei Jahren]`),
//! articles of a temporal noun phrase inside (`[den vergangenen Jahren]`); vague references
//! get `PRESENT_REF`, `PAST_REF`, `FUTURE_REF` (`jetzt`, `damals`, `in Zukunft`).
//!
//! It is built for indexing speed: one pass splits the text into tokens and looks each word
//! up in one hash map; rules run only at the few tokens that can begin an expression
//! (digits, month and weekday names, a small set of keywords).

mod lexicon;
mod parse;
mod reftime;
mod resolve;
mod sem;
mod tense;
mod token;

#[cfg(test)]
mod tests;

use std::ops::Range;

use time::{Date, Duration, Month, OffsetDateTime};

/// The TIMEX3 type of a temporal expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period: `2023-09-13`, `2023-09`, `2023`, `199` (the 1990s).
    Date,
    /// A time of day: `2024-02-18T14:00`.
    Time,
    /// A length of time: `P2Y`.
    Duration,
    /// A recurring time: `XXXX-WXX-1` (every Monday).
    Set,
}

/// One temporal expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Timex {
    /// Where it starts, in characters (Unicode code points) of the text.
    pub start: usize,
    /// Where it ends (exclusive), in characters.
    pub end: usize,
    /// The same span in bytes of the text, for the library's own slicing (the public API
    /// counts characters).
    #[serde(skip)]
    pub(crate) bytes: Range<usize>,
    /// The TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// The TIMEX3 value, resolved against the reference date (`2023-07`, `P2Y`, ...).
    pub value: String,
    /// The expression as written.
    pub text: String,
}

impl Timex {
    /// The period of time a `DATE` or `TIME` value covers, as [start, end) in UTC: a month
    /// value covers the month, a decade value the decade. `None` for durations, sets and
    /// values that name no period on the calendar (`PRESENT_REF`, `XXXX-09`).
    ///
    /// | value | period |
    /// |---|---|
    /// | `2023-09-13` | that day |
    /// | `2023-09` | September 2023 |
    /// | `2023` | the year |
    /// | `2023-SP`, `-SU`, `-FA`, `-WI` | the meteorological season: March-May, June-August, September-November, December 2023-February 2024 |
    /// | `2023-Q1` .. `Q4` | the quarter |
    /// | `2023-H1`, `H2` | the half year |
    /// | `2023-W05` | the ISO week, Monday to Sunday |
    /// | `2023-W05-WE` | its weekend, Saturday and Sunday |
    /// | `199` | the decade 1990-1999 |
    /// | `19` | the century 1900-1999 |
    /// | `2` | the millennium 2000-2999 |
    /// | `2024-02-18T14:00` | that minute |
    /// | `2024-02-18T14` | that hour |
    /// | `2024-02-18TMO`, `MI`, `AF`, `EV`, `NI` | morning 06-12, midday 12-14, afternoon 12-18, evening 18-24, night 22-06 |
    ///
    /// ```
    /// use nachlese::temporal::tag;
    /// use time::macros::{date, datetime};
    ///
    /// let found = tag("Im Herbst 2023 war es warm.", date!(2024 - 02 - 20));
    /// assert_eq!(found[0].value, "2023-FA");
    /// assert_eq!(
    ///     found[0].span(),
    ///     Some((datetime!(2023-09-01 0:00 UTC), datetime!(2023-12-01 0:00 UTC)))
    /// );
    /// ```
    pub fn span(&self) -> Option<(OffsetDateTime, OffsetDateTime)> {
        match self.kind {
            TimexType::Date | TimexType::Time => value_span(&self.value),
            TimexType::Duration | TimexType::Set => None,
        }
    }
}

fn midnight(d: Date) -> OffsetDateTime {
    d.midnight().assume_utc()
}

fn first_of(y: i32, m: i32) -> Option<Date> {
    let k = y * 12 + m - 1;
    let month = Month::try_from((k.rem_euclid(12) + 1) as u8).ok()?;
    Date::from_calendar_date(k.div_euclid(12), month, 1).ok()
}

/// The months `from..from + n` of year `y` (months may run past December).
fn months(y: i32, from: i32, n: i32) -> Option<(OffsetDateTime, OffsetDateTime)> {
    Some((
        midnight(first_of(y, from)?),
        midnight(first_of(y, from + n)?),
    ))
}

fn years(from: i32, n: i32) -> Option<(OffsetDateTime, OffsetDateTime)> {
    months(from, 1, 12 * n)
}

fn digits(s: &str) -> Option<i32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// The period a TIMEX3 date or time value covers (see [`Timex::span`]).
fn value_span(v: &str) -> Option<(OffsetDateTime, OffsetDateTime)> {
    if v.contains('X') || v.contains("REF") || v.starts_with('P') {
        return None;
    }
    let (day, time) = match v.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (v, None),
    };
    let parts: Vec<&str> = day.split('-').collect();
    let y = digits(parts[0])?;
    let whole = match (parts[0].len(), parts.len()) {
        (1, 1) => years(y * 1000, 1000),
        (2, 1) => years(y * 100, 100),
        (3, 1) => years(y * 10, 10),
        (4, 1) => years(y, 1),
        (4, 2) => {
            let p = parts[1];
            match p {
                "SP" => months(y, 3, 3),
                "SU" => months(y, 6, 3),
                "FA" => months(y, 9, 3),
                "WI" => months(y, 12, 3),
                _ if p.starts_with('Q') => {
                    let q = digits(&p[1..]).filter(|q| (1..=4).contains(q))?;
                    months(y, q * 3 - 2, 3)
                }
                _ if p.starts_with('H') => {
                    let h = digits(&p[1..]).filter(|h| (1..=2).contains(h))?;
                    months(y, h * 6 - 5, 6)
                }
                _ if p.starts_with('W') => {
                    let w = digits(&p[1..])?;
                    let monday =
                        Date::from_iso_week_date(y, w as u8, time::Weekday::Monday).ok()?;
                    Some((
                        midnight(monday),
                        midnight(monday.checked_add(Duration::weeks(1))?),
                    ))
                }
                _ => {
                    let m = digits(p).filter(|m| (1..=12).contains(m))?;
                    months(y, m, 1)
                }
            }
        }
        (4, 3) if parts[1].starts_with('W') && parts[2] == "WE" => {
            let w = digits(&parts[1][1..])?;
            let sat = Date::from_iso_week_date(y, w as u8, time::Weekday::Saturday).ok()?;
            Some((midnight(sat), midnight(sat.checked_add(Duration::days(2))?)))
        }
        (4, 3) => {
            let m = Month::try_from(digits(parts[1])? as u8).ok()?;
            let d = Date::from_calendar_date(y, m, digits(parts[2])? as u8).ok()?;
            Some((midnight(d), midnight(d.checked_add(Duration::days(1))?)))
        }
        _ => None,
    }?;
    let Some(t) = time else {
        return Some(whole);
    };
    if parts.len() != 3 {
        return None;
    }
    let day_start = whole.0;
    let hours = |from: i64, to: i64| {
        Some((
            day_start.checked_add(Duration::hours(from))?,
            day_start.checked_add(Duration::hours(to))?,
        ))
    };
    match t {
        "MO" => hours(6, 12),
        "MI" => hours(12, 14),
        "AF" => hours(12, 18),
        "EV" => hours(18, 24),
        "NI" => hours(22, 30),
        "DT" => hours(8, 18),
        _ => {
            let (h, m) = match t.split_once(':') {
                Some((h, m)) => (digits(h)?, Some(digits(m)?)),
                None => (digits(t)?, None),
            };
            if h > 24 {
                return None;
            }
            match m {
                Some(m) if m < 60 => {
                    let s = day_start
                        .checked_add(Duration::hours(h as i64) + Duration::minutes(m as i64))?;
                    Some((s, s.checked_add(Duration::minutes(1))?))
                }
                Some(_) => None,
                None => hours(h as i64, h as i64 + 1),
            }
        }
    }
}

/// Every temporal expression in `text`, in text order, resolved against `reference` (the
/// date the text was written: a news article's publication date).
///
/// Underspecified dates take their year from the reference date and the tense of their
/// sentence: in a text of 20 February 2024, `im September` in a sentence about the past is
/// September 2023, in one about the future September 2024; a bare weekday is the last one
/// before the reference date in the past tense, the next one otherwise. The dates a text
/// names move its reference: a weekday after `18. Dezember` in the same sentence is in that
/// week, a clock time in that paragraph on that day, and `heute` is the reference date in a
/// report of the days around it (`gestern`, `morgen`), `PRESENT_REF` in a general statement.
///
/// ```
/// use nachlese::temporal::{tag, TimexType};
/// use time::macros::date;
///
/// let text = "Am Sonntag, dem 18. Februar, ging es los. Im vergangenen Juli war es \
///             ruhig, seit zwei Jahren wird gebaut.";
/// let found = tag(text, date!(2024 - 02 - 20));
/// let values: Vec<_> = found.iter().map(|t| (t.text.as_str(), t.value.as_str())).collect();
/// assert_eq!(
///     values,
///     [
///         ("Sonntag, dem 18. Februar", "2024-02-18"),
///         ("vergangenen Juli", "2023-07"),
///         ("zwei Jahren", "P2Y"),
///     ]
/// );
/// assert_eq!(found[2].kind, TimexType::Duration);
/// // Offsets count characters.
/// assert_eq!((found[0].start, found[0].end), (3, 27));
/// ```
pub fn tag(text: &str, reference: Date) -> Vec<Timex> {
    thread_local! {
        // One token buffer per thread, reused: indexing tags every article, and a buffer
        // that stays in the cache costs less than a fresh one per article.
        static TOKENS: std::cell::RefCell<Vec<token::Tok>> = const {
            std::cell::RefCell::new(Vec::new())
        };
    }
    TOKENS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut toks) => {
            let found = tag_with(text, reference, &mut toks);
            // A huge text leaves no huge buffer behind.
            toks.truncate(0);
            toks.shrink_to(KEPT_TOKENS);
            found
        }
        // Only a re-entrant call finds it taken; the tagger makes none.
        Err(_) => tag_with(text, reference, &mut Vec::new()),
    })
}

/// The most tokens the reused buffer keeps room for between texts (about 1.5 MB).
const KEPT_TOKENS: usize = 1 << 16;

fn tag_with(text: &str, reference: Date, toks: &mut Vec<token::Tok>) -> Vec<Timex> {
    toks.clear();
    token::tokenize(text, toks);
    let toks: &[token::Tok] = toks;
    let parser = parse::Parser { text, toks };
    // First what the expressions mean, then their values: what `heute` means depends on
    // what else the text speaks of (see `reftime`).
    let mut found = Vec::new();
    let mut i = 0;
    let mut floor = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !(t.is_num() || t.lex.can_start()) {
            i += 1;
            continue;
        }
        let Some(f) = parser.find(i, floor) else {
            i += 1;
            continue;
        };
        i = f.end;
        floor = f.end;
        found.push(f);
    }
    let days = reftime::reports_days(&found);
    let mut ctx = resolve::Ctx::new(reference);
    let mut tenses = tense::TenseCache::default();
    let mut out = Vec::with_capacity(found.len());
    let (mut byte_pos, mut char_pos) = (0usize, 0usize);
    let mut scanned = 0;
    for f in &found {
        let at = f.start;
        // the paragraph: a named date holds for the clock times of its paragraph (a listing)
        while scanned <= at {
            if toks[scanned].gap == token::Gap::Para {
                ctx.paragraph = scanned;
            }
            scanned += 1;
        }
        let sentence = tenses.sentence(toks, text, at);
        let today;
        let sem = if f.sem == sem::Sem::Today {
            today = reftime::today(toks, text, at, sentence, days, &found);
            &today
        } else {
            &f.sem
        };
        let mut tense = || tenses.at(toks, text, at);
        if let Some((kind, value)) = ctx.resolve(sem, at, sentence.0, &mut tense) {
            let b0 = toks[f.start].start as usize;
            let b1 = toks[f.end - 1].end as usize;
            char_pos += text[byte_pos..b0].chars().count();
            let start = char_pos;
            let piece = &text[b0..b1];
            char_pos += piece.chars().count();
            byte_pos = b1;
            out.push(Timex {
                start,
                end: char_pos,
                bytes: b0..b1,
                kind,
                value,
                text: piece.to_string(),
            });
        }
    }
    out
}
