//! Periods: decades, centuries, quarters, halves, and the beginning, middle and end of a
//! period.
//!
//! | expression | value (written 2024-02-20) |
//! |---|---|
//! | `90er-Jahre`, `1990er Jahren`, `neunziger Jahre` | `199` |
//! | `20. Jahrhundert`, `zweiten Jahrtausend` | `19`, `1` |
//! | `zweiten Quartal 2023` | `2023-Q2` |
//! | `ersten Hälfte des Jahres` | `2024-H1` |
//! | `Anfang März`, `Mitte der 90er-Jahre`, `Ende 2023` | `...-03`, `199`, `2023` |

use super::years::date_y;
use super::years::date_ys;
use super::{Match, Parser};
use crate::temporal::lexicon::{Deictic, Lex, Plural, Unit};
use crate::temporal::sem::{Sem, YearSpec};

impl Parser<'_> {
    /// At digits `v` (`d` of them): a year (`2024`), or the decade it begins (`1990er`,
    /// `90er-Jahre`).
    pub(super) fn year_or_decade(&self, i: usize, v: u32, d: u8) -> Match {
        if let Some(y) = self.year_at(i) {
            return self.decade_suffix(i, v).or(Some((i + 1, date_y(y))));
        }
        if d == 2 && v.is_multiple_of(10) {
            return self.decade_suffix(i, v);
        }
        None
    }

    /// `90er`, `1990er Jahre`, `90er-Jahren`.
    pub(super) fn decade_suffix(&self, i: usize, v: u32) -> Match {
        let dec = match self.digits_at(i)? {
            (_, 2) if v.is_multiple_of(10) => 190 + (v / 10) as i32,
            (_, 4) if v.is_multiple_of(10) && (1000..=2090).contains(&v) => (v / 10) as i32,
            _ => return None,
        };
        if !self.attached(i + 1) {
            return None;
        }
        let w = self.lower_word(i + 1);
        let mut e = match w.as_str() {
            "er" | "ern" => i + 2,
            "erjahre" | "erjahren" => return Some((i + 2, Sem::Decade(dec))),
            _ => return None,
        };
        if self.is_punct(e, '-') && self.attached(e) && self.attached(e + 1) {
            if let Lex::Unit(Unit::Year, Plural::Pl | Plural::SgPl) = self.lex(e + 1) {
                e += 2;
            }
        } else if let Lex::Unit(Unit::Year, Plural::Pl | Plural::SgPl) = self.lex(e) {
            e += 1;
        }
        Some((e, Sem::Decade(dec)))
    }

    /// `neunziger Jahre`, `fünfziger Jahren`.
    pub(super) fn decade_word(&self, i: usize, d: u8) -> Match {
        match self.lex(i + 1) {
            Lex::Unit(Unit::Year, Plural::Pl | Plural::SgPl) => {
                Some((i + 2, Sem::Decade(190 + d as i32)))
            }
            _ => None,
        }
    }

    /// `Zwanzigerjahre`, `Achtzigerjahren`: the decade.
    pub(super) fn decade_years(&self, i: usize, d: u8) -> Match {
        Some((i + 1, Sem::Decade(190 + d as i32)))
    }

    pub(super) fn decade_word_or_years(&self, k: usize) -> Match {
        match self.lex(k) {
            Lex::Decade(d) => self.decade_word(k, d),
            Lex::DecadeYears(d) => self.decade_years(k, d),
            _ => None,
        }
    }

    pub(super) fn after_ordinal(&self, i: usize, n: u8) -> Match {
        let j = i + 1;
        if let Some(r) = self.ordinal_holiday(j, n) {
            return Some(r);
        }
        match self.lex(j) {
            Lex::Month(m) if n <= 31 => {
                let (y, e) = self.year_after(j + 1).unwrap_or((YearSpec::Tense, j + 1));
                Some((e, Sem::Date { y, m, d: n }))
            }
            Lex::Unit(Unit::Quarter, Plural::Sg | Plural::Gen) if (1..=4).contains(&n) => {
                let (y, e) = self.year_after(j + 1).unwrap_or((YearSpec::Tense, j + 1));
                Some((e, Sem::Quarter { y, q: n }))
            }
            Lex::Unit(Unit::HalfYear, Plural::Sg | Plural::Gen) | Lex::YearHalf
                if (1..=2).contains(&n) =>
            {
                let (y, e) = self.year_after(j + 1).unwrap_or((YearSpec::Tense, j + 1));
                Some((e, Sem::Half { y, h: n }))
            }
            Lex::Unit(Unit::Century, Plural::Sg | Plural::Gen) => {
                Some((j + 1, Sem::Century(n as i32 - 1)))
            }
            Lex::Unit(Unit::Millennium, Plural::Sg | Plural::Gen) => {
                Some((j + 1, Sem::Millennium(n as i32 - 1)))
            }
            Lex::Half if (1..=2).contains(&n) => {
                // `ersten Hälfte des 15. Jahrhunderts`, `zweiten Hälfte des Jahres`
                if !self.word_in(j + 1, &["des", "der"]) {
                    return None;
                }
                let k = j + 2;
                if let Some((e, sem)) = self.numeric_date(k, self.tok(k).num, self.tok(k).digits)
                    && matches!(sem, Sem::Century(_) | Sem::Millennium(_))
                {
                    return Some((e, sem));
                }
                if let Lex::Decade(_) | Lex::DecadeYears(_) = self.lex(k) {
                    return self.decade_word_or_years(k);
                }
                if self.tok(k).is_num()
                    && let Some((e, sem @ Sem::Decade(_))) = self.decade_suffix(k, self.tok(k).num)
                {
                    return Some((e, sem));
                }
                if let Some((y, e)) = self.year_after(k - 1) {
                    return Some((e, Sem::Half { y, h: n }));
                }
                if let Some(y) = self.year_at(k) {
                    return Some((
                        k + 1,
                        Sem::Half {
                            y: YearSpec::Abs(y),
                            h: n,
                        },
                    ));
                }
                None
            }
            _ => None,
        }
    }

    /// `Anfang März`, `Mitte der 90er-Jahre`, `Ende dieses Jahres`, `Beginn des 19.
    /// Jahrhunderts`, `Anfang 2023`: the value is that of the period.
    pub(super) fn part_of_period(&self, i: usize) -> Match {
        let j = i + 1;
        if let Some(y) = self.year_at(j) {
            return Some((j + 1, date_y(y)));
        }
        if let Some((m, e)) = self.month_name(j)
            && matches!(self.lex(j), Lex::Month(_))
        {
            let (y, e) = self.year_after(e).unwrap_or((YearSpec::Tense, e));
            return Some((e, Sem::Date { y, m, d: 0 }));
        }
        if let Some((y, e)) = self.year_after(j) {
            return Some((e, date_ys(y)));
        }
        let mut k = j;
        let det = matches!(self.lex(k), Lex::Article | Lex::Demonstrative);
        if det {
            k += 1;
        }
        match self.lex(k) {
            Lex::Decade(d) => self.decade_word(k, d),
            Lex::DecadeYears(d) => self.decade_years(k, d),
            Lex::Season(s, _) => {
                let this = self.lex(k - 1) == Lex::Demonstrative;
                let (y, e) = self.year_after(k + 1).unwrap_or((
                    if this {
                        YearSpec::Rel(0)
                    } else {
                        YearSpec::Tense
                    },
                    k + 1,
                ));
                Some((e, Sem::Season { y, s }))
            }
            Lex::Rel(dir) if det || matches!(self.lex(k + 1), Lex::Unit(_, Plural::Gen)) => {
                match self.after_relative(k, dir) {
                    Some((e, s @ Sem::Rel(..))) => Some((e, s)),
                    _ => None,
                }
            }
            Lex::Unit(u @ (Unit::Week | Unit::Month | Unit::Year | Unit::Decade), Plural::Gen)
            | Lex::Unit(u @ Unit::Week, Plural::Sg)
                if det =>
            {
                Some((k + 1, Sem::Rel(u, 0)))
            }
            Lex::Deictic(Deictic::LastYearGen) => Some((k + 1, Sem::Rel(Unit::Year, -1))),
            _ if self.tok(k).is_num() && det => {
                let t = self.tok(k);
                match self.numeric_date(k, t.num, t.digits) {
                    Some((e, s @ (Sem::Century(_) | Sem::Millennium(_)))) => Some((e, s)),
                    _ => self.decade_suffix(k, t.num),
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
    fn periods() {
        check(&[
            ("die 90er-Jahre", &["die 90er-Jahre=199"]),
            ("in den 1990er Jahren", &["den 1990er Jahren=199"]),
            ("in den neunziger Jahren", &["den neunziger Jahren=199"]),
            ("in den Achtzigerjahren", &["den Achtzigerjahren=198"]),
            ("im 20. Jahrhundert", &["20. Jahrhundert=19"]),
            ("im zweiten Jahrtausend", &["zweiten Jahrtausend=1"]),
            ("im zweiten Quartal 2023", &["zweiten Quartal 2023=2023-Q2"]),
            (
                "in der ersten Hälfte des 15. Jahrhunderts",
                &["der ersten Hälfte des 15. Jahrhunderts=14"],
            ),
            ("Anfang März 2023", &["Anfang März 2023=2023-03"]),
            ("Mitte der 90er-Jahre", &["Mitte der 90er-Jahre=199"]),
            ("Ende 2023", &["Ende 2023=2023"]),
            ("Ende dieses Jahres", &["Ende dieses Jahres=2024"]),
        ]);
    }
}
