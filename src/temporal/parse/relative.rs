//! Expressions relative to the date of writing, or to the date spoken of.
//!
//! | expression | value (written 2024-02-20) |
//! |---|---|
//! | `vergangene Woche` | `2024-W07` |
//! | `nächsten Monat` | `2024-03` |
//! | `vergangenen Juli` | `2023-07` |
//! | `übernächstes Jahr`, `vorletzten Monat` | `2026`, `2023-12` |
//! | `den vergangenen Jahren` | `PXY` |
//! | `in der vergangenen Nacht` | `2024-02-19TNI` |
//! | `tags darauf` | the day after the one spoken of |

use super::{Match, Parser, Span};
use crate::temporal::lexicon::{Deictic, Dir, Fw, Lex, Part, Plural, Unit};
use crate::temporal::sem::{Amount, DaySpec, Sem, YearSpec, duration};

impl Parser<'_> {
    /// After `vergangene`, `letzten`, `nächste`, `kommenden`, `laufenden`.
    pub(super) fn after_relative(&self, i: usize, dir: Dir) -> Match {
        let off = match dir {
            Dir::Past => -1,
            Dir::Next => 1,
            Dir::This => 0,
        };
        let j = i + 1;
        match self.lex(j) {
            Lex::Unit(u, p) => {
                let plural = matches!(p, Plural::Pl)
                    || (p == Plural::SgPl && !self.word_in(i, &["vergangenem", "letztem"]));
                if plural {
                    if u == Unit::Weekend || u < Unit::Hour {
                        return None;
                    }
                    return Some((
                        j + 1,
                        match dir {
                            Dir::Next => Sem::Ref("FUTURE_REF"),
                            _ => Sem::Duration(duration(&[(Amount::Unknown, u)])),
                        },
                    ));
                }
                match u {
                    Unit::Day => {
                        if dir == Dir::Next {
                            Some((j + 1, Sem::Anchor(1)))
                        } else {
                            None
                        }
                    }
                    Unit::Weekend => Some((j + 1, Sem::Weekend(Some(dir)))),
                    Unit::Week
                    | Unit::Month
                    | Unit::Quarter
                    | Unit::HalfYear
                    | Unit::Year
                    | Unit::Decade
                    | Unit::Century => Some((j + 1, Sem::Rel(u, off))),
                    _ => None,
                }
            }
            Lex::Number(_) | Lex::Few => {
                let (e, s) = self.duration_at(j)?;
                Some((e, s))
            }
            _ if self.tok(j).is_num() => {
                let (e, s) = self.duration_at(j)?;
                matches!(s, Sem::Duration(_)).then_some((e, s))
            }
            Lex::Month(m) => Some((
                j + 1,
                Sem::Date {
                    y: match dir {
                        Dir::Past => YearSpec::Before,
                        Dir::Next => YearSpec::After,
                        Dir::This => YearSpec::Rel(0),
                    },
                    m,
                    d: 0,
                },
            )),
            Lex::Weekday(wd) => {
                let day = DaySpec::Weekday(wd, Some(dir));
                match self.lex(j + 1) {
                    // `nächsten Montag Nachmittag`
                    Lex::DayPart(part) => Some((j + 2, Sem::Part { day, part })),
                    _ => Some((j + 1, Sem::Weekday { wd, dir: Some(dir) })),
                }
            }
            // `in der vergangenen Nacht` (last night), `am nächsten Morgen` (the morning
            // after the day spoken of), `in der nächsten Nacht` (that day's night)
            Lex::DayPart(part) => {
                let day = match (dir, part) {
                    (Dir::Past, _) => DaySpec::Rel(-1),
                    (Dir::Next, Part::Night) => DaySpec::Anchor(0),
                    (Dir::Next, _) => DaySpec::Anchor(1),
                    (Dir::This, _) => return None,
                };
                Some((j + 1, Sem::Part { day, part }))
            }
            Lex::Deictic(Deictic::Tomorrow) if self.tok(j).upper && dir == Dir::Next => Some((
                j + 1,
                Sem::Part {
                    day: DaySpec::Anchor(1),
                    part: Part::Morning,
                },
            )),
            // `in den letzten paar Tagen`
            Lex::Fw(Fw::Paar) => match self.lex(j + 1) {
                Lex::Unit(u, Plural::Pl | Plural::SgPl) if u >= Unit::Day && u != Unit::Weekend => {
                    Some((j + 2, Sem::Duration(duration(&[(Amount::Unknown, u)]))))
                }
                _ => None,
            },
            Lex::WeekdayPart(wd, part) => Some((
                j + 1,
                Sem::Part {
                    day: DaySpec::Weekday(wd, Some(dir)),
                    part,
                },
            )),
            Lex::Season(s, false) => Some((
                j + 1,
                Sem::Season {
                    y: match dir {
                        Dir::Past => YearSpec::Before,
                        Dir::Next => YearSpec::After,
                        Dir::This => YearSpec::Rel(0),
                    },
                    s,
                },
            )),
            Lex::Zeit => Some((
                j + 1,
                Sem::Ref(match dir {
                    Dir::Past => "PAST_REF",
                    Dir::Next => "FUTURE_REF",
                    Dir::This => "PRESENT_REF",
                }),
            )),
            _ => None,
        }
    }

    /// After `übernächste`, `vorletzten`: two weeks, months, years on or back.
    pub(super) fn two_on_or_back(&self, i: usize, dir: Dir) -> Match {
        let off = if dir == Dir::Past { -2 } else { 2 };
        match self.lex(i + 1) {
            Lex::Unit(
                u @ (Unit::Week
                | Unit::Month
                | Unit::Quarter
                | Unit::HalfYear
                | Unit::Year
                | Unit::Decade
                | Unit::Century),
                Plural::Sg | Plural::Gen,
            ) => Some((i + 2, Sem::Rel(u, off))),
            _ => None,
        }
    }

    /// `früheren Zeiten`, `am frühen Abend`.
    pub(super) fn earlier_times(&self, i: usize) -> Match {
        match self.lex(i + 1) {
            Lex::Zeit => Some((i + 2, Sem::Ref("PAST_REF"))),
            Lex::DayPart(part) if i > 0 && self.is_fw(i - 1, Fw::Am) => Some((
                i + 2,
                Sem::Part {
                    day: DaySpec::Context,
                    part,
                },
            )),
            _ => None,
        }
    }

    /// `tags darauf`, `tags danach`, `tags zuvor`: the day after (before) the one spoken of.
    pub(super) fn tags_darauf(&self, i: usize) -> Span {
        let off = if self.is_fw(i + 1, Fw::Darauf) || self.is_fw(i + 1, Fw::Danach) {
            1
        } else if self.is_fw(i + 1, Fw::Zuvor) {
            -1
        } else {
            return None;
        };
        Some((i, i + 2, Sem::Anchor(off)))
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::check;

    #[test]
    fn relative() {
        check(&[
            ("vergangene Woche", &["vergangene Woche=2024-W07"]),
            ("nächsten Monat", &["nächsten Monat=2024-03"]),
            ("im vergangenen Juli", &["vergangenen Juli=2023-07"]),
            ("übernächstes Jahr", &["übernächstes Jahr=2026"]),
            ("vorletzten Monat", &["vorletzten Monat=2023-12"]),
            ("in den vergangenen Jahren", &["den vergangenen Jahren=PXY"]),
            (
                "in den nächsten Jahren",
                &["den nächsten Jahren=FUTURE_REF"],
            ),
            (
                "in der vergangenen Nacht",
                &["der vergangenen Nacht=2024-02-19TNI"],
            ),
            ("in früheren Zeiten", &["früheren Zeiten=PAST_REF"]),
            (
                "Am 3. März kam er, tags darauf ging er.",
                &["3. März=2023-03-03", "tags darauf=2023-03-04"],
            ),
        ]);
    }
}
