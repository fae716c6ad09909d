//! Turning a [`Sem`] into a TIMEX3 type and value: against the reference date (the day the
//! text was written), the sentence's tense, and the dates the text last named.
//!
//! The reference time is a model of two anchors (see [`super::reftime`]): the document date,
//! which deictic words (`gestern`, `heute`) and, by default, underspecified dates count from;
//! and the narrative anchor a text sets by naming a date. A written date moves the anchor:
//! a weekday in the same sentence belongs to its week (`am Donnerstag, 18. Dezember ...,
//! am Freitag`), a clock time of its paragraph to its day (a listing), and a month without
//! a year that follows a month with one takes that year (`im März 1992 ... im April`,
//! unless the sentence speaks of the future). A day and month without a year within a week
//! of the document date is the one nearest it whatever the tense (`wurden die Rennen vom
//! 18. Dezember verlegt`, written on 16 December): the verb's tense there is the report's,
//! not the date's.

use time::{Date, Duration, Month};

use super::TimexType;
use super::lexicon::{Dir, Holiday, Unit};
use super::parse::season_code;
use super::sem::{DaySpec, Sem, YearSpec};
use super::tense::Tense;

/// Tokens after which a mentioned date no longer anchors a bare time (`20 Uhr`), nor a
/// written year a month without one.
const ANCHOR_REACH: usize = 60;

/// Days from the document date within which a day and month without a year is the nearest
/// such day, whatever the tense.
const NEAR_DAYS: i64 = 7;

/// What resolution needs to know besides the expression.
pub(crate) struct Ctx {
    pub reference: Date,
    /// The last day the text mentioned, and the token where it did.
    pub anchor: Option<(Date, usize)>,
    /// The last day the text named by its date (`18. Dezember`), and the token where it did.
    pub named: Option<(Date, usize)>,
    /// The first token of the paragraph being resolved.
    pub paragraph: usize,
    /// The last year written out with a month or day (`März 1992`): the year, the month
    /// and the token.
    pub year: Option<(i32, u8, usize)>,
}

fn date(y: i32, m: u8, d: u8) -> Option<Date> {
    Date::from_calendar_date(y, Month::try_from(m).ok()?, d).ok()
}

fn fmt_year(y: i32) -> String {
    if y < 0 {
        format!("-{:04}", -y)
    } else {
        format!("{y:04}")
    }
}

fn fmt_date(d: Date) -> String {
    format!(
        "{}-{:02}-{:02}",
        fmt_year(d.year()),
        d.month() as u8,
        d.day()
    )
}

fn fmt_week(d: Date) -> String {
    let (y, w, _) = d.to_iso_week_date();
    format!("{}-W{w:02}", fmt_year(y))
}

/// The year of a month `m` (and day `d`, 0 if none) by `spec`.
fn year_of(spec: YearSpec, m: u8, d: u8, reference: Date, tense: Tense) -> i32 {
    let ry = reference.year();
    let here = (reference.month() as u8, reference.day());
    let at = (m, if d == 0 { here.1 } else { d });
    match spec {
        YearSpec::Abs(y) => y,
        YearSpec::Rel(o) => ry + o,
        YearSpec::Tense if d > 0 && near(m, d, reference).is_some() => {
            near(m, d, reference).unwrap_or(ry)
        }
        YearSpec::Tense => match tense {
            Tense::Past if (d == 0 && m > here.0) || (d > 0 && at > here) => ry - 1,
            Tense::Future if (d == 0 && m < here.0) || (d > 0 && at < here) => ry + 1,
            Tense::Present => {
                // the nearest one
                let day = if d == 0 { 15 } else { d };
                (ry - 1..=ry + 1)
                    .filter_map(|y| {
                        date(y, m, day).map(|x| (y, (x - reference).whole_days().abs()))
                    })
                    .min_by_key(|&(_, dist)| dist)
                    .map_or(ry, |(y, _)| y)
            }
            _ => ry,
        },
        YearSpec::Before => {
            if m < here.0 || (d > 0 && m == here.0 && d < here.1) {
                ry
            } else {
                ry - 1
            }
        }
        YearSpec::After => {
            if m > here.0 || (d > 0 && m == here.0 && d > here.1) {
                ry
            } else {
                ry + 1
            }
        }
    }
}

/// The year in which day `d` of month `m` lies within [`NEAR_DAYS`] of `reference`, if any.
fn near(m: u8, d: u8, reference: Date) -> Option<i32> {
    let ry = reference.year();
    (ry - 1..=ry + 1)
        .find(|&y| date(y, m, d).is_some_and(|x| (x - reference).whole_days().abs() <= NEAR_DAYS))
}

/// Easter Sunday of year `y` (Gregorian, anonymous algorithm).
fn easter(y: i32) -> Option<Date> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    date(y, month as u8, day as u8)
}

/// The date of a movable holiday in year `y`.
fn holiday(h: Holiday, y: i32) -> Option<Date> {
    match h {
        Holiday::Fixed(m, d) => date(y, m, d),
        Holiday::Easter(off) => shift(easter(y)?, off as i64),
        Holiday::Advent(off) => {
            // the fourth Sunday of Advent is the last Sunday before Christmas Day
            let eve = date(y, 12, 24)?;
            let fourth = shift(eve, -(eve.weekday().number_days_from_sunday() as i64))?;
            shift(fourth, off as i64 - 21)
        }
        Holiday::Sunday(m, n) => {
            let first = date(y, m, 1)?;
            let to_sunday = (7 - first.weekday().number_days_from_sunday() as i64) % 7;
            shift(first, to_sunday + 7 * (n as i64 - 1))
        }
    }
}

/// `d` moved by `days`; `None` past either end of the calendar (an article dated 9999-12-31
/// may well say "tomorrow").
fn shift(d: Date, days: i64) -> Option<Date> {
    d.checked_add(Duration::days(days))
}

/// The weekday `wd` (1 = Monday) nearest the reference date in the direction `dir`, or
/// by the sentence's tense.
fn weekday(wd: u8, dir: Option<Dir>, reference: Date, tense: Tense) -> Option<Date> {
    let cur = reference.weekday().number_from_monday() as i64;
    let wd = wd as i64;
    let back = (cur - wd).rem_euclid(7); // days since the last one (0: today)
    let ahead = (wd - cur).rem_euclid(7);
    let days = match dir {
        Some(Dir::Past) => -(if back == 0 { 7 } else { back }),
        Some(Dir::Next) => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        Some(Dir::This) => wd - cur,
        None => match tense {
            Tense::Past => -(if back == 0 { 7 } else { back }),
            _ => {
                if ahead == 0 {
                    0
                } else {
                    ahead
                }
            }
        },
    };
    shift(reference, days)
}

/// The weekday `wd` (1 = Monday) of the ISO week of `d`.
fn in_week_of(wd: u8, d: Date) -> Option<Date> {
    shift(d, wd as i64 - d.weekday().number_from_monday() as i64)
}

impl Ctx {
    /// A context for a text written on `reference`, before it has named any date.
    pub(crate) fn new(reference: Date) -> Self {
        Ctx {
            reference,
            anchor: None,
            named: None,
            paragraph: 0,
            year: None,
        }
    }

    /// The weekday `wd` said at token `at`: in the week of a date named earlier in the same
    /// sentence (which starts at token `sentence`), else by `dir` or the tense from the
    /// document date.
    fn weekday_at(
        &self,
        wd: u8,
        dir: Option<Dir>,
        at: usize,
        sentence: usize,
        tense: Tense,
    ) -> Option<Date> {
        match self.named {
            Some((d, k)) if dir.is_none() && k >= sentence && k < at => in_week_of(wd, d),
            _ => weekday(wd, dir, self.reference, tense),
        }
    }

    fn day(&self, spec: DaySpec, at: usize, sentence: usize, tense: Tense) -> Option<Date> {
        match spec {
            DaySpec::Context => Some(match self.anchor {
                Some((d, k)) if at.saturating_sub(k) <= ANCHOR_REACH || k >= self.paragraph => d,
                _ => self.reference,
            }),
            DaySpec::Rel(o) => shift(self.reference, o as i64),
            DaySpec::Anchor(o) => shift(self.anchor.map_or(self.reference, |(d, _)| d), o as i64),
            DaySpec::Weekday(wd, dir) => self.weekday_at(wd, dir, at, sentence, tense),
            DaySpec::Unknown => None,
        }
    }

    /// The type and value of `sem`, found at token `at`; remembers the days it names.
    pub(crate) fn resolve(
        &mut self,
        sem: &Sem,
        at: usize,
        sentence: usize,
        tense: &mut dyn FnMut() -> Tense,
    ) -> Option<(TimexType, String)> {
        let r = self.reference;
        let ry = r.year();
        let day = |d: Date, ctx: &mut Ctx| {
            ctx.anchor = Some((d, at));
            Some((TimexType::Date, fmt_date(d)))
        };
        match *sem {
            Sem::Date { y, m, d } => {
                if m == 0 {
                    let y = match y {
                        YearSpec::Abs(y) => y,
                        YearSpec::Rel(o) => ry + o,
                        _ => ry,
                    };
                    return Some((TimexType::Date, fmt_year(y)));
                }
                let t = if y == YearSpec::Tense {
                    tense()
                } else {
                    Tense::Present
                };
                let year = match (y, self.year) {
                    (YearSpec::Abs(y), _) => {
                        self.year = Some((y, m, at));
                        y
                    }
                    // the narrative's year, not the document's, as the story moves on
                    // through it (`im März 1992 ... im April`; a month before the one named
                    // may be in any later year)
                    (YearSpec::Tense, Some((y, named, k)))
                        if m >= named && at - k <= ANCHOR_REACH && t != Tense::Future =>
                    {
                        y
                    }
                    _ => year_of(y, m, d, r, t),
                };
                if d == 0 {
                    return Some((TimexType::Date, format!("{}-{m:02}", fmt_year(year))));
                }
                match date(year, m, d) {
                    Some(x) => {
                        self.named = Some((x, at));
                        day(x, self)
                    }
                    None => Some((TimexType::Date, format!("{}-{m:02}-{d:02}", fmt_year(year)))),
                }
            }
            Sem::Movable { y, h } => {
                let t = if y == YearSpec::Tense {
                    tense()
                } else {
                    Tense::Present
                };
                // the year by the holiday's date this year, then the date in that year
                let x = holiday(h, ry)?;
                let year = year_of(y, x.month() as u8, x.day(), r, t);
                day(holiday(h, year)?, self)
            }
            Sem::Weekday { wd, dir } => {
                let t = if dir.is_none() {
                    tense()
                } else {
                    Tense::Present
                };
                day(self.weekday_at(wd, dir, at, sentence, t)?, self)
            }
            Sem::Season { y, s } => {
                let start = [3u8, 6, 9, 12][s as usize % 4];
                let t = if y == YearSpec::Tense {
                    tense()
                } else {
                    Tense::Present
                };
                let m = r.month() as u8;
                let year = match y {
                    YearSpec::Tense => match t {
                        Tense::Past if start > m => ry - 1,
                        Tense::Future if start + 2 < m => ry + 1,
                        // the nearest one: in February, `der Winter` is the one going on
                        Tense::Present => (ry - 1..=ry + 1)
                            .min_by_key(|y| {
                                let middle = y * 12 + start as i32; // its middle month
                                (middle - (ry * 12 + m as i32 - 1)).abs()
                            })
                            .unwrap_or(ry),
                        _ => ry,
                    },
                    YearSpec::Before => {
                        if start + 2 < m {
                            ry
                        } else {
                            ry - 1
                        }
                    }
                    YearSpec::After => {
                        if start > m {
                            ry
                        } else {
                            ry + 1
                        }
                    }
                    y => year_of(y, start, 0, r, t),
                };
                Some((
                    TimexType::Date,
                    format!("{}-{}", fmt_year(year), season_code(s)),
                ))
            }
            Sem::Quarter { y, q } => {
                let t = if y == YearSpec::Tense {
                    tense()
                } else {
                    Tense::Present
                };
                let year = year_of(y, q * 3 - 2, 0, r, t);
                Some((TimexType::Date, format!("{}-Q{q}", fmt_year(year))))
            }
            Sem::Half { y, h } => {
                let t = if y == YearSpec::Tense {
                    tense()
                } else {
                    Tense::Present
                };
                let year = year_of(y, h * 6 - 5, 0, r, t);
                Some((TimexType::Date, format!("{}-H{h}", fmt_year(year))))
            }
            Sem::Rel(unit, off) => {
                let v = match unit {
                    Unit::Day => return day(shift(r, off as i64)?, self),
                    Unit::Week => fmt_week(shift(r, 7 * off as i64)?),
                    Unit::Month => {
                        let k = ry * 12 + r.month() as i32 - 1 + off;
                        format!("{}-{:02}", fmt_year(k.div_euclid(12)), k.rem_euclid(12) + 1)
                    }
                    Unit::Quarter => {
                        let k = ry * 4 + (r.month() as i32 - 1) / 3 + off;
                        format!("{}-Q{}", fmt_year(k.div_euclid(4)), k.rem_euclid(4) + 1)
                    }
                    Unit::HalfYear => {
                        let k = ry * 2 + (r.month() as i32 - 1) / 6 + off;
                        format!("{}-H{}", fmt_year(k.div_euclid(2)), k.rem_euclid(2) + 1)
                    }
                    Unit::Year => fmt_year(ry + off),
                    Unit::Decade => format!("{:03}", ry.div_euclid(10) + off),
                    Unit::Century => format!("{:02}", ry.div_euclid(100) + off),
                    _ => return None,
                };
                Some((TimexType::Date, v))
            }
            Sem::Weekend(dir) => {
                let sat = match dir {
                    Some(Dir::This) => weekday(6, Some(Dir::This), r, Tense::Present)?,
                    Some(Dir::Past) => weekday(6, Some(Dir::Past), r, Tense::Present)?,
                    Some(Dir::Next) => weekday(6, Some(Dir::Next), r, Tense::Present)?,
                    None => match tense() {
                        Tense::Past => {
                            let back = (r.weekday().number_from_monday() as i64 - 6).rem_euclid(7);
                            shift(r, -back)?
                        }
                        _ => weekday(6, None, r, Tense::Future)?,
                    },
                };
                Some((TimexType::Date, format!("{}-WE", fmt_week(sat))))
            }
            Sem::Anchor(off) => {
                let base = self.anchor.map_or(r, |(d, _)| d);
                day(shift(base, off as i64)?, self)
            }
            Sem::Decade(v) => Some((TimexType::Date, format!("{v:03}"))),
            Sem::Century(v) => Some((TimexType::Date, format!("{v:02}"))),
            Sem::Millennium(v) => Some((TimexType::Date, format!("{v}"))),
            Sem::Ref("TENSE_REF") => Some((
                TimexType::Date,
                if tense() == Tense::Past {
                    "PAST_REF"
                } else {
                    "PRESENT_REF"
                }
                .into(),
            )),
            Sem::Ref(s) => Some((TimexType::Date, s.into())),
            // decided before resolution (`reftime::today`); undecided, the present
            Sem::Today => Some((TimexType::Date, "PRESENT_REF".into())),
            Sem::Duration(ref s) => Some((TimexType::Duration, s.clone())),
            Sem::Set(ref s) => Some((TimexType::Set, s.clone())),
            Sem::Time { day: spec, h, min } => {
                if h > 24 {
                    return Some((TimexType::Time, "XXXX-XX-XXTXX:XX".into()));
                }
                let t = if matches!(spec, DaySpec::Weekday(_, None)) {
                    tense()
                } else {
                    Tense::Present
                };
                let v = match self.day(spec, at, sentence, t) {
                    Some(d) => format!("{}T{h:02}:{min:02}", fmt_date(d)),
                    None => format!("XXXX-XX-XXT{h:02}:{min:02}"),
                };
                Some((TimexType::Time, v))
            }
            Sem::Part { day: spec, part } => {
                let t = if matches!(spec, DaySpec::Weekday(_, None)) {
                    tense()
                } else {
                    Tense::Present
                };
                let d = self.day(spec, at, sentence, t);
                if let (Some(d), DaySpec::Weekday(..) | DaySpec::Rel(_) | DaySpec::Anchor(_)) =
                    (d, spec)
                {
                    self.anchor = Some((d, at));
                }
                let v = match d {
                    Some(d) => format!("{}T{}", fmt_date(d), part.code()),
                    None => format!("XXXX-XX-XXT{}", part.code()),
                };
                Some((TimexType::Time, v))
            }
        }
    }
}

/// The weekday of a date, 1 = Monday (for tests).
#[cfg(test)]
pub(crate) fn weekday_number(d: Date) -> u8 {
    d.weekday().number_from_monday()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn easter_sundays() {
        assert_eq!(easter(2024), Some(date!(2024 - 03 - 31)));
        assert_eq!(easter(2019), Some(date!(2019 - 04 - 21)));
        assert_eq!(easter(2000), Some(date!(2000 - 04 - 23)));
    }

    #[test]
    fn movable_holidays() {
        assert_eq!(
            holiday(Holiday::Advent(0), 2018),
            Some(date!(2018 - 12 - 02))
        );
        assert_eq!(
            holiday(Holiday::Advent(21), 2017),
            Some(date!(2017 - 12 - 24))
        );
        assert_eq!(
            holiday(Holiday::Advent(-11), 2018),
            Some(date!(2018 - 11 - 21))
        );
        assert_eq!(
            holiday(Holiday::Sunday(5, 2), 2019),
            Some(date!(2019 - 05 - 12))
        );
        assert_eq!(
            holiday(Holiday::Sunday(10, 1), 2023),
            Some(date!(2023 - 10 - 01))
        );
        assert_eq!(
            holiday(Holiday::Easter(-52), 2019),
            Some(date!(2019 - 02 - 28))
        );
    }

    #[test]
    fn weekdays() {
        let r = date!(2024 - 02 - 20); // a Tuesday
        assert_eq!(weekday_number(r), 2);
        assert_eq!(
            weekday(7, None, r, Tense::Past),
            Some(date!(2024 - 02 - 18))
        );
        assert_eq!(
            weekday(7, None, r, Tense::Future),
            Some(date!(2024 - 02 - 25))
        );
        assert_eq!(
            weekday(2, None, r, Tense::Past),
            Some(date!(2024 - 02 - 13))
        );
        assert_eq!(
            weekday(1, Some(Dir::Next), r, Tense::Past),
            Some(date!(2024 - 02 - 26))
        );
        // Past the calendar's end: no day, no panic.
        assert_eq!(weekday(1, None, Date::MAX, Tense::Future), None);
    }

    #[test]
    fn years_by_tense() {
        let r = date!(2024 - 02 - 20);
        assert_eq!(year_of(YearSpec::Tense, 7, 0, r, Tense::Past), 2023);
        assert_eq!(year_of(YearSpec::Tense, 7, 0, r, Tense::Future), 2024);
        assert_eq!(year_of(YearSpec::Tense, 1, 0, r, Tense::Future), 2025);
        assert_eq!(year_of(YearSpec::Before, 7, 0, r, Tense::Present), 2023);
        assert_eq!(year_of(YearSpec::Before, 1, 0, r, Tense::Present), 2024);
        assert_eq!(year_of(YearSpec::After, 2, 0, r, Tense::Present), 2025);
    }
}
