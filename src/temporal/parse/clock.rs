//! Clock times and parts of the day.
//!
//! | expression | value (written 2024-02-20) |
//! |---|---|
//! | `14 Uhr`, `um 14.30 Uhr` | `2024-02-20T14:00`, `...T14:30` |
//! | `8 Uhr abends`, `heute Abend um acht` | `...T20:00` |
//! | `halb neun`, `Viertel nach acht` | `...T08:30`, `...T08:15` |
//! | `um Mitternacht` | `...T24:00` |
//! | `am Abend` | `2024-02-20TEV` |

use super::{Match, Parser, Span};
use crate::temporal::lexicon::{Deictic, Fw, Lex, Part};
use crate::temporal::sem::{DaySpec, Sem};

impl Parser<'_> {
    /// `14 Uhr`, `14.30 Uhr`, `14:30 Uhr`; without `Uhr` after `um`, `ab`, `gegen` or before
    /// `bis 18 Uhr`.
    pub(super) fn clock_time(&self, i: usize) -> Match {
        let (h, min, k, sep) = self.clock_reading(i)?;
        let prev = self.lex(i.wrapping_sub(1));
        let before = i > 0
            && matches!(
                prev,
                Lex::Fw(Fw::Um | Fw::Ab | Fw::Gegen | Fw::Bis | Fw::Von | Fw::Zwischen)
            );
        // the part of the day around it: `8 Uhr abends`, `abends um 8 Uhr`, `heute Abend
        // gegen 8` (KRAUTS leaves a following `abends` outside, and untagged)
        let part_before = self.part_before(i);
        let after = if self.lex(k) == Lex::Uhr { k + 1 } else { k };
        let part = match self.lex(after) {
            Lex::DayPartAdv(p) => Some(p),
            _ => part_before,
        };
        let h = part.map_or(h, |p| afternoon(h, p));
        if self.lex(k) == Lex::Uhr {
            let day = DaySpec::Context;
            return Some((k + 1, Sem::Time { day, h, min }));
        }
        // `um 12 nachts`, `heute Morgen um 7`
        if before && part.is_some() && !self.tok(k).is_num() {
            return Some((
                k,
                Sem::Time {
                    day: DaySpec::Context,
                    h,
                    min,
                },
            ));
        }
        let range_sep = self.is_fw(k, Fw::Bis)
            || self.is_fw(k, Fw::Und)
            || self.is_punct(k, '-')
            || self.is_punct(k, '–');
        let range = range_sep
            && self
                .clock_reading(k + 1)
                .is_some_and(|(_, _, k2, _)| self.lex(k2) == Lex::Uhr);
        // `Mittwoch 14:30`, `21.04.2016, 16:00`
        let after_day = i > 0 && {
            let p = if self.is_punct(i - 1, ',') {
                i.wrapping_sub(2)
            } else {
                i - 1
            };
            matches!(self.lex(p), Lex::Weekday(_))
                || (self.digits_at(p).is_some_and(|(_, d)| d == 4)
                    && self.attached(p)
                    && self.is_punct(p.wrapping_sub(1), '.'))
        };
        if range || (sep && (before || after_day) && !self.tok(k).is_num()) {
            return Some((
                k,
                Sem::Time {
                    day: DaySpec::Context,
                    h,
                    min,
                },
            ));
        }
        None
    }

    /// A clock reading at `i`: (hour, minute, end, whether minutes were written).
    pub(super) fn clock_reading(&self, i: usize) -> Option<(u8, u8, usize, bool)> {
        let (h, hd) = self.digits_at(i)?;
        if hd > 2 || h > 24 {
            return None;
        }
        // not the minutes or seconds of `8:00:13`
        if i >= 2 && self.attached(i) && self.is_punct(i - 1, ':') && self.tok(i - 2).is_num() {
            return None;
        }
        if (self.is_punct(i + 1, ':') || self.is_punct(i + 1, '.'))
            && self.attached(i + 1)
            && self.attached(i + 2)
            && let Some((m, 2)) = self.digits_at(i + 2)
            && m < 60
        {
            return Some((h as u8, m as u8, i + 3, true));
        }
        Some((h as u8, 0, i + 1, false))
    }

    /// `halb neun`, `um halb 8` (7:30), `Viertel nach acht` (8:15), `Viertel vor acht`
    /// (7:45), `dreiviertel 8` (7:45), `um viertel 8` (7:15), with `Uhr` and a part of the
    /// day after them.
    pub(super) fn clock_words(&self, i: usize) -> Match {
        let clock_before = i > 0
            && (matches!(
                self.lex(i - 1),
                Lex::Fw(Fw::Um | Fw::Gegen | Fw::Ab | Fw::Bis | Fw::Von)
            ) || self.word_in(i - 1, &["ist", "war"]));
        let before = |h: u8| if h == 1 { 12 } else { h - 1 };
        let (h, min, mut e) = match self.lex(i) {
            Lex::Fw(Fw::Halb) => {
                let h = self.hour_word(i + 1)?;
                // digits need a clock around them: `um halb 8`, `halb 8 Uhr`
                if self.tok(i + 1).is_num() && !clock_before && self.lex(i + 2) != Lex::Uhr {
                    return None;
                }
                (before(h), 30, i + 2)
            }
            Lex::Fw(Fw::Viertel) => {
                if self.is_fw(i + 1, Fw::Nach) {
                    (self.hour_word(i + 2)?, 15, i + 3)
                } else if self.is_fw(i + 1, Fw::Vor) {
                    (before(self.hour_word(i + 2)?), 45, i + 3)
                } else if clock_before {
                    (before(self.hour_word(i + 1)?), 15, i + 2)
                } else {
                    return None;
                }
            }
            Lex::Fw(Fw::Dreiviertel) => (before(self.hour_word(i + 1)?), 45, i + 2),
            _ => return None,
        };
        if self.lex(e) == Lex::Uhr {
            e += 1;
        }
        let h = match self.lex(e) {
            Lex::DayPartAdv(part) => afternoon(h, part),
            _ => h,
        };
        Some((
            e,
            Sem::Time {
                day: DaySpec::Context,
                h,
                min,
            },
        ))
    }

    /// The hour of a clock read in words at `k`: `acht`, `8` (1..=24).
    pub(super) fn hour_word(&self, k: usize) -> Option<u8> {
        match (self.lex(k), self.digits_at(k)) {
            (Lex::Number(n), _) if n % 10 == 0 && (10..=240).contains(&n) => Some((n / 10) as u8),
            (_, Some((v, 1..=2))) if (1..=24).contains(&v) => Some(v as u8),
            _ => None,
        }
    }

    pub(super) fn number_word(&self, i: usize, n: u32) -> Match {
        if n.is_multiple_of(10) && (10..=240).contains(&n) {
            let h = (n / 10) as u8;
            let day = DaySpec::Context;
            // `acht Uhr abends`
            if self.lex(i + 1) == Lex::Uhr {
                let h = match self.lex(i + 2) {
                    Lex::DayPartAdv(part) => afternoon(h, part),
                    _ => h,
                };
                return Some((i + 2, Sem::Time { day, h, min: 0 }));
            }
            // `heute Abend um acht`
            if let Some(part) = self.part_before(i) {
                let h = afternoon(h, part);
                return Some((i + 1, Sem::Time { day, h, min: 0 }));
            }
        }
        self.duration_at(i)
    }

    /// The part of the day before `um` or `gegen` at `i - 1`: `abends um 8`, `heute Abend
    /// gegen 8`, `Sonntagmorgen um 7`.
    pub(super) fn part_before(&self, i: usize) -> Option<Part> {
        if i < 2 || !matches!(self.lex(i - 1), Lex::Fw(Fw::Um | Fw::Gegen)) {
            return None;
        }
        match self.lex(i - 2) {
            Lex::DayPart(p) | Lex::DayPartAdv(p) | Lex::WeekdayPart(_, p) => Some(p),
            Lex::Deictic(Deictic::Tomorrow) if self.tok(i - 2).upper => Some(Part::Morning),
            _ => None,
        }
    }

    /// Whether token `i` follows a clock time: `8 Uhr`, `8:30`, `um 12`.
    pub(super) fn after_clock(&self, i: usize) -> bool {
        if i < 2 {
            return false;
        }
        let p = self.tok(i - 1);
        self.lex(i - 1) == Lex::Uhr
            || (p.is_num()
                && p.digits <= 2
                && ((self.attached(i - 1)
                    && (self.is_punct(i - 2, ':') || self.is_punct(i - 2, '.')))
                    || matches!(
                        self.lex(i - 2),
                        Lex::Fw(Fw::Um | Fw::Gegen | Fw::Ab | Fw::Bis)
                    )))
    }

    /// `am Abend`, `des Abends`, `gegen Mittag`, `zum Abend`: that part of the day spoken of.
    /// Only after such a word (the preposition stays outside); alone, `Abend` is no time.
    pub(super) fn day_part(&self, i: usize, part: Part) -> Span {
        let prev = self.lex(i.wrapping_sub(1));
        let ok = i > 0
            && (matches!(prev, Lex::Fw(Fw::Am | Fw::Gegen) | Lex::Article)
                || (self.is_fw(i - 1, Fw::Zum)));
        ok.then_some((
            i,
            i + 1,
            Sem::Part {
                day: DaySpec::Context,
                part,
            },
        ))
    }

    /// `um Mitternacht`: the end of the day (TIMEX3 `T24:00`).
    pub(super) fn midnight(&self, i: usize) -> Match {
        Some((
            i + 1,
            Sem::Time {
                day: DaySpec::Context,
                h: 24,
                min: 0,
            },
        ))
    }
}

/// The hour `h` of a clock read in part of the day `part`: 8 in the evening is 20.
pub(super) fn afternoon(h: u8, part: Part) -> u8 {
    match (part, h) {
        (Part::Afternoon | Part::Evening, 1..=11)
        | (Part::Night, 6..=11)
        | (Part::Midday, 1..=3) => h + 12,
        (Part::Evening | Part::Night, 12) => 0,
        _ => h,
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::check;

    #[test]
    fn clock() {
        check(&[
            ("Um 14 Uhr beginnt es.", &["14 Uhr=2024-02-20T14:00"]),
            ("um 14.30 Uhr", &["14.30 Uhr=2024-02-20T14:30"]),
            ("Um 8 Uhr abends beginnt es.", &["8 Uhr=2024-02-20T20:00"]),
            (
                "heute Abend um acht",
                &["heute Abend=2024-02-20TEV", "acht=2024-02-20T20:00"],
            ),
            ("um halb neun", &["halb neun=2024-02-20T08:30"]),
            (
                "um Viertel nach acht",
                &["Viertel nach acht=2024-02-20T08:15"],
            ),
            (
                "um Viertel vor acht",
                &["Viertel vor acht=2024-02-20T07:45"],
            ),
            ("um Mitternacht", &["Mitternacht=2024-02-20T24:00"]),
            ("Am Abend regnete es.", &["Abend=2024-02-20TEV"]),
            ("Ein schöner Abend.", &[]),
            ("Es stand 8:00:13.", &[]),
        ]);
    }
}
