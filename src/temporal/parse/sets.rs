//! Sets: times that recur.
//!
//! | expression | value |
//! |---|---|
//! | `jeden Montag`, `montags` | `XXXX-WXX-1` |
//! | `jeden letzten Samstag im Monat` | `P1M` |
//! | `jeden Montag um 16 Uhr` | `XXXX-WXX-1T16:00` |
//! | `jedes Jahr`, `pro Jahr`, `jährlich` | `P1Y` |
//! | `alle vier Jahre` | `P4Y` |
//! | `zweimal pro Woche` | `P1W` |
//! | `abends` | `XXXX-XX-XXTEV` |

use super::clock::afternoon;
use super::months::season_code;
use super::{Match, Parser};
use crate::temporal::lexicon::{Deictic, Dir, Fw, Lex, Part, Plural, Unit};
use crate::temporal::sem::{Amount, Sem, duration};

impl Parser<'_> {
    /// `jeden Montag`, `jedes Jahr`, `jeden zweiten Donnerstag` (`P2W`), `jedem Montagabend`,
    /// `jeden letzten Samstag im Monat` (`P1M`).
    pub(super) fn every_one(&self, i: usize) -> Match {
        let mut j = i + 1;
        let mut n = 1u8;
        // `jeden dritten`, `jeden letzten`: the how-manieth of a larger unit
        let mut nth = false;
        let mut last = false;
        match self.lex(j) {
            Lex::Ordinal(k) => {
                n = k;
                nth = true;
                j += 1;
            }
            Lex::Rel(Dir::Past) => {
                nth = true;
                last = true;
                j += 1;
            }
            _ => {}
        }
        // the day of a set a clock time may follow (`jeden Montag um 16 Uhr`)
        let (day, part) = match self.lex(j) {
            Lex::Weekday(wd) => (Some(format!("XXXX-WXX-{wd}")), None),
            Lex::WeekdayPart(wd, part) => (Some(format!("XXXX-WXX-{wd}")), Some(part)),
            Lex::Unit(Unit::Day, Plural::Sg) if n == 1 => (Some("XXXX-XX-XX".into()), None),
            Lex::DayPart(part) => (Some("XXXX-XX-XX".into()), Some(part)),
            _ => (None, None),
        };
        if let Some(day) = day
            && self.is_fw(j + 1, Fw::Um)
            && let Some((h, min, k, sep)) = self.clock_reading(j + 2)
            && (sep || self.lex(k) == Lex::Uhr)
        {
            let e = if self.lex(k) == Lex::Uhr { k + 1 } else { k };
            let h = match (self.lex(e), part) {
                (Lex::DayPartAdv(p), _) | (_, Some(p)) => afternoon(h, p),
                _ => h,
            };
            return Some((e, Sem::Set(format!("{day}T{h:02}:{min:02}"))));
        }
        let (e, v) = match self.lex(j) {
            Lex::Weekday(wd) => (j + 1, format!("XXXX-WXX-{wd}")),
            Lex::WeekdayPart(wd, part) => (j + 1, format!("XXXX-WXX-{wd}T{}", part.code())),
            Lex::Unit(u, Plural::Sg) if u != Unit::Weekend || n == 1 => {
                (j + 1, duration(&[(Amount::Tenths(n as u32 * 10), u)]))
            }
            Lex::DayPart(part) => (j + 1, format!("XXXX-XX-XXT{}", part.code())),
            Lex::Deictic(Deictic::Tomorrow) if self.tok(j).upper => (j + 1, "XXXX-XX-XXTMO".into()),
            Lex::Month(m) => (j + 1, format!("XXXX-{m:02}")),
            Lex::Season(s, false) => (j + 1, format!("XXXX-{}", season_code(s))),
            _ => return None,
        };
        // `jeden dritten Mittwoch im Monat`, `jeden letzten Samstag im Monat`: once a month
        if self.is_fw(e, Fw::Im) && self.lex(e + 1) == Lex::Unit(Unit::Month, Plural::Sg) {
            let v = if nth { "P1M".to_string() } else { v };
            return Some((e + 2, Sem::Set(v)));
        }
        match self.lex(j) {
            // `jeden letzten Samstag` alone is no set we can name
            _ if last => return None,
            // `jeden zweiten Donnerstag`: every other week
            Lex::Weekday(_) if nth => return Some((e, Sem::Set(format!("P{n}W")))),
            _ => {}
        }
        Some((e, Sem::Set(v)))
    }

    /// `alle vier Jahre`, `alle paar Jahre`.
    pub(super) fn every_n(&self, i: usize) -> Match {
        let (amount, j) = match self.lex(i + 1) {
            Lex::Fw(Fw::Paar) => (Amount::Unknown, i + 2),
            _ => self.amount(i + 1)?,
        };
        match self.lex(j) {
            Lex::Unit(u, Plural::Pl | Plural::SgPl) if u >= Unit::Hour && u != Unit::Weekend => {
                Some((j + 1, Sem::Set(duration(&[(amount, u)]))))
            }
            _ => None,
        }
    }

    /// `zweimal wöchentlich`, `einmal im Monat`, `dreimal pro Woche`.
    pub(super) fn times_per(&self, i: usize) -> Match {
        match self.lex(i + 1) {
            Lex::Freq(u) => Some((i + 2, Sem::Set(duration(&[(Amount::Tenths(10), u)])))),
            Lex::Fw(Fw::Im | Fw::Pro | Fw::Am | Fw::Je) => match self.lex(i + 2) {
                Lex::Unit(u, Plural::Sg) if u != Unit::Weekend => {
                    Some((i + 3, Sem::Set(duration(&[(Amount::Tenths(10), u)]))))
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// `pro Jahr`, `je zwei Wochen`, `500 Menschen im Jahr`.
    pub(super) fn per_unit(&self, i: usize) -> Match {
        if self.is_fw(i, Fw::Je) {
            let (amount, j) = self.amount(i + 1)?;
            return match self.lex(j) {
                Lex::Unit(u, _) if u != Unit::Weekend => {
                    Some((j + 1, Sem::Set(duration(&[(amount, u)]))))
                }
                _ => None,
            };
        }
        let u = match self.lex(i + 1) {
            Lex::Unit(u, Plural::Sg) if u >= Unit::Hour && u != Unit::Weekend => u,
            _ => return None,
        };
        if self.is_fw(i, Fw::Im) {
            // only after a quantity: `500 Menschen im Jahr`, `1000 Euro im Monat`
            if !matches!(u, Unit::Year | Unit::Month) {
                return None;
            }
            let q = (i.saturating_sub(3)..i).any(|k| self.tok(k).is_num());
            let next = self.lex(i + 2);
            if !q
                || self.tok(i + 2).is_num()
                || matches!(
                    next,
                    Lex::Article | Lex::Fw(Fw::Zuvor | Fw::Danach | Fw::Darauf)
                )
            {
                return None;
            }
        }
        Some((i + 2, Sem::Set(duration(&[(Amount::Tenths(10), u)]))))
    }

    /// `täglich`, `wöchentlich`, `jährliche`: once a day, week, year.
    pub(super) fn frequency(&self, i: usize, u: Unit) -> Match {
        Some((i + 1, Sem::Set(duration(&[(Amount::Tenths(10), u)]))))
    }

    /// `abends`, `nachts`, `morgens`: every evening, night, morning; but after a clock time
    /// (`8 Uhr abends`) it belongs to the clock time.
    pub(super) fn day_part_adverb(&self, i: usize, part: Part) -> Match {
        if self.after_clock(i) {
            return None;
        }
        Some((i + 1, Sem::Set(format!("XXXX-XX-XXT{}", part.code()))))
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::check;

    #[test]
    fn sets() {
        check(&[
            ("jeden Montag", &["jeden Montag=XXXX-WXX-1"]),
            (
                "jeden Montag um 16 Uhr",
                &["jeden Montag um 16 Uhr=XXXX-WXX-1T16:00"],
            ),
            ("jedes Jahr", &["jedes Jahr=P1Y"]),
            (
                "jeden dritten Mittwoch im Monat",
                &["jeden dritten Mittwoch im Monat=P1M"],
            ),
            ("alle vier Jahre", &["alle vier Jahre=P4Y"]),
            ("zweimal pro Woche", &["zweimal pro Woche=P1W"]),
            ("pro Jahr", &["pro Jahr=P1Y"]),
            ("500 Menschen im Jahr", &["im Jahr=P1Y"]),
            ("im Jahr 2020", &["Jahr 2020=2020"]),
            ("je zwei Wochen", &["je zwei Wochen=P2W"]),
            ("täglich", &["täglich=P1D"]),
            ("abends", &["abends=XXXX-XX-XXTEV"]),
        ]);
    }
}
