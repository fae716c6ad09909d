//! Years, and what gives a month, season or holiday its year.
//!
//! | expression | value (written 2024-02-20) |
//! |---|---|
//! | `2024` | `2024` |
//! | `März '98` | `1998-03` |
//! | `Mai des Jahres 2001` | `2001-05` |
//! | `Juni dieses Jahres` | `2024-06` |
//! | `Herbst des vergangenen Jahres` | `2023-FA` |
//! | `Sommer des Vorjahres` | `2023-SU` |

use super::Parser;
use crate::temporal::lexicon::{Deictic, Dir, Fw, Lex, Plural, Unit};
use crate::temporal::sem::{Sem, YearSpec};

impl Parser<'_> {
    /// A four-digit year at `i` that is not a quantity (`1500 Euro`, `rund 2000`).
    pub(super) fn year_at(&self, i: usize) -> Option<i32> {
        let (v, d) = self.digits_at(i)?;
        if d != 4 || !(1000..=2099).contains(&v) {
            return None;
        }
        // Part of a longer number: 1.2014, 2014,5, 2014.5
        if self.attached(i)
            && i >= 2
            && (self.is_punct(i - 1, '.') || self.is_punct(i - 1, ','))
            && self.tok(i - 2).is_num()
            && self.attached(i - 1)
        {
            return None;
        }
        if self.attached(i + 1)
            && (self.is_punct(i + 1, '.') || self.is_punct(i + 1, ','))
            && self.attached(i + 2)
            && self.tok(i + 2).is_num()
        {
            return None;
        }
        if self.lex(i + 1) == Lex::Measure {
            return None;
        }
        // `von 1450 bis 1850 Mark`
        if (self.is_fw(i + 1, Fw::Bis) || self.is_punct(i + 1, '-') || self.is_fw(i + 1, Fw::Und))
            && self.tok(i + 2).is_num()
            && self.lex(i + 3) == Lex::Measure
        {
            return None;
        }
        if i > 0 {
            match self.lex(i - 1) {
                // `rund 2000 Azubis`, but `etwa 1930 gegenüber ...`
                Lex::Approx if self.tok(i + 1).upper || self.tok(i + 1).is_num() => return None,
                Lex::Fw(Fw::Als) if matches!(self.lex(i - 2), Lex::Fw(Fw::Mehr | Fw::Weniger)) => {
                    return None;
                }
                _ => {}
            }
        }
        Some(v as i32)
    }

    /// What may follow a month or season to give its year: `2024`, `des Jahres 2001`,
    /// `dieses Jahres`, `des vergangenen Jahres`, `des Vorjahres`. (year, end)
    pub(super) fn year_after(&self, i: usize) -> Option<(YearSpec, usize)> {
        if let Some(y) = self.year_at(i) {
            return Some((YearSpec::Abs(y), i + 1));
        }
        // `Mai '98`
        if (self.is_punct(i, '\'') || self.is_punct(i, '’'))
            && self.attached(i + 1)
            && let Some((y, 2)) = self.digits_at(i + 1)
            && !(self.attached(i + 2) && self.tok(i + 2).is_word())
        {
            return Some((YearSpec::Abs(two_digit_year(y)), i + 2));
        }
        let mut j = i;
        let mut off = None;
        match self.lex(j) {
            Lex::Article => j += 1,
            Lex::Demonstrative => {
                off = Some(0);
                j += 1;
            }
            _ => {}
        }
        if let Lex::Rel(dir) = self.lex(j) {
            off = Some(match dir {
                Dir::Past => -1,
                Dir::Next => 1,
                Dir::This => 0,
            });
            j += 1;
        }
        match self.lex(j) {
            Lex::Unit(Unit::Year, Plural::Gen) => {
                if let Some(y) = self.year_at(j + 1) {
                    return Some((YearSpec::Abs(y), j + 2));
                }
                Some((YearSpec::Rel(off?), j + 1))
            }
            Lex::Deictic(Deictic::LastYearGen) if j == i + 1 && off.is_none() => {
                Some((YearSpec::Rel(-1), j + 1))
            }
            _ => None,
        }
    }
}

/// The year of a two-digit year: `24` is 2024, `98` is 1998.
pub(super) fn two_digit_year(y: u32) -> i32 {
    2000 + y as i32 - if y > 50 { 100 } else { 0 }
}

pub(super) fn date_y(y: i32) -> Sem {
    Sem::Date {
        y: YearSpec::Abs(y),
        m: 0,
        d: 0,
    }
}

pub(super) fn date_ys(y: YearSpec) -> Sem {
    match y {
        YearSpec::Rel(off) => Sem::Rel(Unit::Year, off),
        y => Sem::Date { y, m: 0, d: 0 },
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::check;

    #[test]
    fn years() {
        check(&[
            ("Das war 2024.", &["2024=2024"]),
            ("Im Mai '98 war es kalt.", &["Mai '98=1998-05"]),
            ("im Mai des Jahres 2001", &["Mai des Jahres 2001=2001-05"]),
            (
                "Im Juni dieses Jahres wird gewählt.",
                &["Juni dieses Jahres=2024-06"],
            ),
            (
                "im Herbst des vergangenen Jahres",
                &["Herbst des vergangenen Jahres=2023-FA"],
            ),
            ("im Sommer des Vorjahres", &["Sommer des Vorjahres=2023-SU"]),
            ("Sie zahlten 1500 Euro.", &[]),
            ("rund 2000 Azubis", &[]),
            ("mehr als 2000 Menschen", &[]),
            ("von 1450 bis 1850 Mark", &[]),
            ("Der Wert stieg auf 2014,5 Punkte.", &[]),
        ]);
    }
}
