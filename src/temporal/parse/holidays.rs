//! Holidays, fixed and movable, with the year that may follow them.
//!
//! | expression | value (written 2024-02-20) |
//! |---|---|
//! | `Ostern 2020` | `2020-04-12` |
//! | `3. Advent`, `zweiten Weihnachtsfeiertag` | the day |
//! | `Christi Himmelfahrt`, `Buß- und Bettag` | the day |
//! | `am Tag der Deutschen Einheit` | `XXXX-10-03` in the year by tense |

use super::{Match, Parser, Span};
use crate::temporal::lexicon::{Fw, Holiday, Lex, Plural, Unit};
use crate::temporal::sem::{Sem, YearSpec};

/// `Könige` of `Heilige Drei Könige`.
const KOENIGE: &[&str] = &["könige", "königen"];

/// The prepositions after which `Heilige Drei Könige` is the feast.
const BEFORE_FEAST: &[&str] = &["an", "am", "zu", "bis", "seit", "nach", "vor"];

/// `Mariä` of `Mariä Himmelfahrt`, `Mariä Empfängnis`.
const MARIAE: &[&str] = &["mariä", "maria"];

impl Parser<'_> {
    /// At a holiday's name, with the words before it that belong to it: `Christi
    /// Himmelfahrt`, `Mariä Himmelfahrt`, `Mariä Empfängnis`, `Buß- und Bettag`.
    pub(super) fn holiday_at(&self, i: usize, h: Holiday, floor: usize) -> Span {
        let mut start = i;
        let mut h = h;
        let may = |k: usize| i >= k && i - k >= floor;
        match self.lower_word(i).as_str() {
            "himmelfahrt" => {
                if may(1) && self.word_in(i - 1, &["christi"]) {
                    start = i - 1;
                } else if may(1) && self.word_in(i - 1, MARIAE) {
                    start = i - 1;
                    h = Holiday::Fixed(8, 15);
                }
            }
            "empfängnis" => {
                if !(may(1) && self.word_in(i - 1, MARIAE)) {
                    return None;
                }
                start = i - 1;
            }
            "bettag" => {
                // `Buß- und Bettag`, `Buss- und Bettag`
                if !(may(3)
                    && self.word_in(i - 3, &["buß", "buss"])
                    && self.is_punct(i - 2, '-')
                    && self.is_fw(i - 1, Fw::Und))
                {
                    return None;
                }
                start = i - 3;
            }
            _ => {}
        }
        self.holiday_year(i + 1, h).map(|(e, sem)| (start, e, sem))
    }

    /// A holiday ending at `e`, and its year if one follows (`Ostern 2020`).
    pub(super) fn holiday_year(&self, e: usize, h: Holiday) -> Match {
        // `Muttertag im Jahr 2019`
        if self.is_fw(e, Fw::Im)
            && self.lex(e + 1) == Lex::Unit(Unit::Year, Plural::Sg)
            && let Some(y) = self.year_at(e + 2)
        {
            return Some((e + 3, holiday(h, YearSpec::Abs(y))));
        }
        match self.year_after(e) {
            Some((y, e2)) => Some((e2, holiday(h, y))),
            None => Some((e, holiday(h, YearSpec::Tense))),
        }
    }

    /// `3. Advent`, `ersten Advent`, `zweiten Weihnachtsfeiertag` after ordinal `n` at `j`.
    pub(super) fn ordinal_holiday(&self, j: usize, n: u8) -> Match {
        match self.lex(j) {
            Lex::Advent if (1..=4).contains(&n) => {
                self.holiday_year(j + 1, Holiday::Advent(7 * (n as i16 - 1)))
            }
            Lex::ChristmasDay if (1..=2).contains(&n) => {
                self.holiday_year(j + 1, Holiday::Fixed(12, 24 + n))
            }
            _ => None,
        }
    }

    /// `Weihnachtstag`, `Weihnachtsfeiertag` without an ordinal: Christmas Day.
    pub(super) fn christmas_day(&self, i: usize) -> Match {
        self.holiday_year(i + 1, Holiday::Fixed(12, 25))
    }

    /// `Heiliger Abend`, `Heilige Abend`; `an Heilige Drei Könige` (the feast, not the three
    /// kings, after a preposition).
    pub(super) fn heilig(&self, i: usize) -> Match {
        if !self.tok(i).upper {
            return None;
        }
        if self.word_in(i + 1, &["abend"]) {
            return self.holiday_year(i + 2, Holiday::Fixed(12, 24));
        }
        let feast = self.word_in(i + 1, &["drei"])
            && self.word_in(i + 2, KOENIGE)
            && self.word_in(i.wrapping_sub(1), BEFORE_FEAST);
        if feast {
            return self.holiday_year(i + 3, Holiday::Fixed(1, 6));
        }
        None
    }

    /// `am Tag der Arbeit`, `bis zum Tag der Deutschen Einheit` at `Tag`, when a preposition
    /// or a year goes with it; without (`die Rede zum Tag der Deutschen Einheit`) it is the
    /// name of an occasion.
    pub(super) fn tag_der(&self, i: usize) -> Span {
        let (e, h) = if self.word_in(i + 2, &["arbeit"]) {
            (i + 3, Holiday::Fixed(5, 1))
        } else if self.word_in(i + 2, &["deutschen"]) && self.word_in(i + 3, &["einheit"]) {
            (i + 4, Holiday::Fixed(10, 3))
        } else {
            return None;
        };
        let on = self.word_in(i.wrapping_sub(1), &["am", "vom", "ab"])
            || (self.word_in(i.wrapping_sub(1), &["zum", "dem"])
                && self.word_in(i.wrapping_sub(2), &["bis", "seit", "vor", "nach"]))
            || self.year_at(e).is_some();
        if on {
            self.holiday_year(e, h).map(|(e, s)| (i, e, s))
        } else {
            None
        }
    }
}

pub(super) fn holiday(h: Holiday, y: YearSpec) -> Sem {
    match h {
        Holiday::Fixed(m, d) => Sem::Date { y, m, d },
        h => Sem::Movable { y, h },
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::check;

    #[test]
    fn holidays() {
        check(&[
            ("Ostern 2020", &["Ostern 2020=2020-04-12"]),
            ("Weihnachten 2023", &["Weihnachten 2023=2023-12-25"]),
            ("am 3. Advent 2023", &["3. Advent 2023=2023-12-17"]),
            (
                "am zweiten Weihnachtsfeiertag 2023",
                &["zweiten Weihnachtsfeiertag 2023=2023-12-26"],
            ),
            (
                "an Christi Himmelfahrt 2023",
                &["Christi Himmelfahrt 2023=2023-05-18"],
            ),
            (
                "an Mariä Himmelfahrt 2023",
                &["Mariä Himmelfahrt 2023=2023-08-15"],
            ),
            (
                "am Buß- und Bettag 2023",
                &["Buß- und Bettag 2023=2023-11-22"],
            ),
            (
                "am Tag der Deutschen Einheit 2023",
                &["Tag der Deutschen Einheit 2023=2023-10-03"],
            ),
            ("die Rede zum Tag der Deutschen Einheit", &[]),
            (
                "am Heiligen Abend 2023",
                &["Heiligen Abend 2023=2023-12-24"],
            ),
            (
                "an Heilige Drei Könige 2023",
                &["Heilige Drei Könige 2023=2023-01-06"],
            ),
            (
                "Muttertag im Jahr 2019",
                &["Muttertag im Jahr 2019=2019-05-12"],
            ),
        ]);
    }
}
