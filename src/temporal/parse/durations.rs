//! Durations: amounts of units of time.
//!
//! | expression | value |
//! |---|---|
//! | `zwei Jahre`, `seit 2 Jahren` | `P2Y` |
//! | `drei Jahre und vier Monate` | `P3Y4M` |
//! | `eineinhalb Stunden`, `1,5 Stunden` | `PT1.5H` |
//! | `gut fünf Jahren`, `mehr als zehn Jahren` | `P5Y`, `P10Y` |
//! | `einigen Jahren`, `jahrelang`, `lange Jahre` | `PXY` |
//! | `ein halbes Jahr` | `P0.5Y` |
//! | `31 Jahre alt` (an age) | none |

use super::{Match, Parser, Span};
use crate::temporal::lexicon::{Deictic, Fw, Lex, Plural, Unit};
use crate::temporal::sem::{Amount, DaySpec, Sem, duration};
use crate::temporal::token::Kind;

/// Words that end like a unit but count no time: weekdays in the plural (`an 35
/// Montagen`), loan words (`Reportagen`), assemblies (`Parteitage`) and anniversaries.
const NOT_TIME: [&str; 24] = [
    "montage",
    "dienstage",
    "mittwoche",
    "donnerstage",
    "freitage",
    "samstage",
    "sonntage",
    "etage",
    "portage",
    "sabotage",
    "courtage",
    "stellage",
    "parteitage",
    "landtage",
    "bundestage",
    "reichstage",
    "kreistage",
    "städtetage",
    "kirchentage",
    "katholikentage",
    "geburtstage",
    "namenstage",
    "jahrestage",
    "gedenktage",
];

/// The plural units a compound may end in (`Arbeitstage`, `Lebensjahre`).
const SUFFIXES: [(&str, Unit); 10] = [
    ("tage", Unit::Day),
    ("tagen", Unit::Day),
    ("jahre", Unit::Year),
    ("jahren", Unit::Year),
    ("wochen", Unit::Week),
    ("monate", Unit::Month),
    ("monaten", Unit::Month),
    ("stunden", Unit::Hour),
    ("minuten", Unit::Minute),
    ("sekunden", Unit::Second),
];

/// Comparatives that make an amount of years an age (`zwei Jahre jüngere`).
const AGE_COMPARATIVES: &[&str] = &["jüngere", "jüngerer", "ältere", "älterer"];

/// `Alter`: `im Alter von 31 Jahren` is an age.
const AGE_NOUN: &[&str] = &["alter", "alters"];

/// `ganze`: `den ganzen Tag` is one day.
const WHOLE: &[&str] = &["ganze", "ganzen", "ganzes"];

impl Parser<'_> {
    /// A duration at `i`: `zwei Jahre`, `drei Jahre und vier Monate`, `sechs Jahre lang`,
    /// `17 lange Jahre`, `zwei Jahre zuvor`; not an age (`31 Jahre alt`).
    pub(super) fn duration_at(&self, i: usize) -> Match {
        let mut parts: Vec<(Amount, Unit)> = Vec::new();
        let mut k = i;
        loop {
            let (amount, mut j) = self.amount(k)?;
            if self.is_fw(j, Fw::Lange) || matches!(self.lex(j), Lex::Approx) {
                j += 1;
            }
            let (u, p) = match self.lex(j) {
                Lex::Unit(u, p) => (u, p),
                Lex::None if self.compound_unit(j).is_some() => {
                    self.compound_unit(j).unwrap_or((Unit::Day, Plural::Pl))
                }
                _ => {
                    // `35-Stunden-Woche`
                    if parts.is_empty()
                        && self.is_punct(j, '-')
                        && self.attached(j)
                        && let Lex::Unit(u, _) = self.lex(j + 1)
                        && self.attached(j + 1)
                        && self.is_punct(j + 2, '-')
                        && self.attached(j + 3)
                        && let Lex::Unit(Unit::Week | Unit::Day | Unit::Month | Unit::Year, _) =
                            self.lex(j + 3)
                    {
                        return Some((j + 4, Sem::Duration(duration(&[(amount, u)]))));
                    }
                    break;
                }
            };
            let singular = matches!(amount, Amount::Tenths(10));
            let ok = match p {
                Plural::Sg => singular || matches!(amount, Amount::Tenths(5)),
                Plural::Gen => singular && i > 0 && self.lex(i - 1) == Lex::Fw(Fw::Innerhalb),
                Plural::Pl | Plural::SgPl => !singular || self.tok(k).is_num(),
            };
            // `ein Wochenende` lasts one (P1WE); `an einem Wochenende` is one, a date
            let a_weekend = u == Unit::Weekend
                && p == Plural::Sg
                && singular
                && parts.is_empty()
                && !self.word_in(i.wrapping_sub(1), &["an", "am"]);
            if !ok || (u == Unit::Weekend && !a_weekend) {
                break;
            }
            if self.attached(j + 1) && self.is_punct(j + 1, '-') {
                // `5-Jahres-Plan`
                return None;
            }
            parts.push((amount, u));
            k = j + 1;
            if (self.is_fw(k, Fw::Und) || self.is_punct(k, ','))
                && let Some((_, j2)) = self.amount(k + 1)
                && let Lex::Unit(u2, _) = self.lex(j2)
                && u2 < u
            {
                k += 1;
                continue;
            }
            break;
        }
        if parts.is_empty() {
            return None;
        }
        // ages
        if matches!(self.lex(k), Lex::Fw(Fw::Alt | Fw::Jung))
            || (self.word_in(k, AGE_COMPARATIVES))
            || (i >= 2 && self.is_fw(i - 1, Fw::Von) && self.word_in(i - 2, AGE_NOUN))
            || (i >= 1
                && self.is_fw(i - 1, Fw::Mit)
                && parts[0].1 == Unit::Year
                && !self.is_fw(k, Fw::Lang))
        {
            return None;
        }
        let mut sem = Sem::Duration(duration(&parts));
        match self.lex(k) {
            Lex::Fw(Fw::Lang) => k += 1,
            Lex::Fw(Fw::Zuvor | Fw::Spaeter | Fw::Danach) | Lex::Deictic(Deictic::Formerly) => {
                if parts.len() == 1 && parts[0].1 <= Unit::Hour {
                    sem = Sem::Time {
                        day: DaySpec::Unknown,
                        h: 99,
                        min: 99,
                    };
                }
                k += 1;
            }
            _ => {}
        }
        Some((k, sem))
    }

    /// An amount at `i`: digits (`12`, `1,5`) or a number word, then maybe `lange`, `halbe`.
    /// (amount, next token)
    pub(super) fn amount(&self, i: usize) -> Option<(Amount, usize)> {
        match self.tok(i).kind {
            Kind::Num => {
                let (v, _) = self.digits_at(i)?;
                // 1,5
                if self.is_punct(i + 1, ',')
                    && self.attached(i + 1)
                    && self.attached(i + 2)
                    && let Some((f, 1)) = self.digits_at(i + 2)
                {
                    return Some((
                        Amount::Tenths(v.saturating_mul(10).saturating_add(f)),
                        i + 3,
                    ));
                }
                // no part of a larger number (`12 050`, `1.500`)
                if self.attached(i)
                    && i > 0
                    && (self.is_punct(i - 1, '.') || self.is_punct(i - 1, ','))
                    && self.tok(i.wrapping_sub(2)).is_num()
                {
                    return None;
                }
                Some((Amount::Tenths(v.saturating_mul(10)), i + 1))
            }
            Kind::Word => match self.lex(i) {
                Lex::Number(n) => {
                    if n == 10 {
                        if self.is_fw(i + 1, Fw::Halbe) {
                            return Some((Amount::Tenths(5), i + 2));
                        }
                        if self.is_fw(i + 1, Fw::Paar) {
                            return Some((Amount::Unknown, i + 2));
                        }
                    }
                    Some((Amount::Tenths(n), i + 1))
                }
                Lex::Few => Some((Amount::Unknown, i + 1)),
                _ => None,
            },
            Kind::Punct(_) => None,
        }
    }

    /// A compound ending in a plural unit (`Arbeitstage`, `Sonnentage`, `Lebensjahre`).
    pub(super) fn compound_unit(&self, j: usize) -> Option<(Unit, Plural)> {
        let t = self.tok(j);
        if !t.is_word() || !t.upper || t.end - t.start < 7 {
            return None;
        }
        let w = self.lower_word(j);
        let stem = w.strip_suffix('n').unwrap_or(&w);
        if NOT_TIME.iter().any(|s| stem.ends_with(s)) {
            return None;
        }
        SUFFIXES
            .iter()
            .find(|(s, _)| w.len() >= s.len() + 3 && w.ends_with(s))
            .map(|&(_, u)| (u, Plural::Pl))
    }

    /// `einigen Jahren`, `wenigen Tagen`, `mehrere Jahre`.
    pub(super) fn some_units(&self, i: usize) -> Match {
        match self.lex(i + 1) {
            Lex::Unit(u, Plural::Pl | Plural::SgPl) if u >= Unit::Minute && u != Unit::Weekend => {
                Some((i + 2, Sem::Duration(duration(&[(Amount::Unknown, u)]))))
            }
            _ => None,
        }
    }

    /// `gut fünf Jahren`, `fast genau drei Jahren`, `rund 200 Stunden`.
    pub(super) fn approximately(&self, i: usize) -> Match {
        // `den ganzen Tag`, `die ganze Woche` (not `das ganze Jahr 2015`)
        if self.word_in(i, WHOLE)
            && let Lex::Unit(u, Plural::Sg) = self.lex(i + 1)
            && u >= Unit::Hour
            && u != Unit::Weekend
            && self.year_at(i + 2).is_none()
        {
            return Some((i + 2, Sem::Duration(duration(&[(Amount::Tenths(10), u)]))));
        }
        let mut j = i + 1;
        if self.lex(j) == Lex::Approx {
            j += 1;
        }
        match self.duration_at(j) {
            Some((e, s @ Sem::Duration(_))) => Some((e, s)),
            _ => None,
        }
    }

    /// `mehr als zehn Jahren`, `weniger als zwei Stunden`: the duration, the words with it.
    pub(super) fn more_or_less_than(&self, i: usize) -> Match {
        if !self.is_fw(i + 1, Fw::Als) {
            return None;
        }
        self.duration_at(i + 2)
    }

    /// `jahrelang`, `tagelang`, `langjährige`: an unknown number of units.
    pub(super) fn lasting(&self, i: usize, u: Unit) -> Match {
        Some((i + 1, Sem::Duration(duration(&[(Amount::Unknown, u)]))))
    }

    /// `halbes Jahr`, `halbe Stunde` (`ein halbes Jahr` goes by the number).
    pub(super) fn half_unit(&self, i: usize) -> Span {
        match self.lex(i + 1) {
            Lex::Unit(u, Plural::Sg) if u != Unit::Weekend => {
                Some((i, i + 2, Sem::Duration(duration(&[(Amount::Tenths(5), u)]))))
            }
            _ => None,
        }
    }

    /// `lange Jahre`, `langen Wochen`: an unknown number of days or longer units.
    pub(super) fn long_units(&self, i: usize) -> Span {
        match self.lex(i + 1) {
            Lex::Unit(u, Plural::Pl | Plural::SgPl) if u >= Unit::Day => {
                Some((i, i + 2, Sem::Duration(duration(&[(Amount::Unknown, u)]))))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::check;

    #[test]
    fn durations() {
        check(&[
            ("seit zwei Jahren", &["zwei Jahren=P2Y"]),
            ("seit 2 Jahren", &["2 Jahren=P2Y"]),
            (
                "drei Jahre und vier Monate lang",
                &["drei Jahre und vier Monate lang=P3Y4M"],
            ),
            ("1,5 Stunden", &["1,5 Stunden=PT1.5H"]),
            ("eineinhalb Stunden", &["eineinhalb Stunden=PT1.5H"]),
            ("vor gut fünf Jahren", &["gut fünf Jahren=P5Y"]),
            ("seit mehr als zehn Jahren", &["mehr als zehn Jahren=P10Y"]),
            ("vor einigen Jahren", &["einigen Jahren=PXY"]),
            ("jahrelang", &["jahrelang=PXY"]),
            ("lange Jahre", &["lange Jahre=PXY"]),
            ("ein halbes Jahr", &["ein halbes Jahr=P0.5Y"]),
            ("Er ist 31 Jahre alt.", &[]),
            ("an 35 Arbeitstagen", &["35 Arbeitstagen=P35D"]),
            ("an 35 Montagen", &[]),
            ("der 5-Jahres-Plan", &[]),
        ]);
    }
}
