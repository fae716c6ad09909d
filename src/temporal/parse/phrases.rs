//! Temporal noun phrases led by an article or a demonstrative, which belong to them.
//!
//! | expression | value (written 2024-02-20) |
//! |---|---|
//! | `den vergangenen Jahren` | `PXY` |
//! | `die 90er-Jahre` | `199` |
//! | `dem 20. Jahrhundert` | `19` |
//! | `dieses Jahr`, `diese Woche` | `2024`, `2024-W08` |
//! | `diesen Tagen` | `PRESENT_REF` |

use super::{Match, Parser};
use crate::temporal::lexicon::{Deictic, Dir, Lex, Part, Plural, Unit};
use crate::temporal::sem::{DaySpec, Sem, YearSpec};

impl Parser<'_> {
    /// After an article: the article belongs to a temporal noun phrase.
    pub(super) fn after_article(&self, i: usize) -> Match {
        let j = i + 1;
        match self.lex(j) {
            Lex::Rel(dir) => self.after_relative(j, dir),
            Lex::Far(dir) => self.two_on_or_back(j, dir),
            Lex::Earlier => self.earlier_times(j),
            Lex::Approx => self.approximately(j),
            Lex::Number(_) | Lex::Few => match self.duration_at(j) {
                Some((e, s @ Sem::Duration(_))) => Some((e, s)),
                _ => None,
            },
            Lex::Ordinal(n) => match self.after_ordinal(j, n) {
                Some((e, s @ (Sem::Quarter { .. } | Sem::Half { .. } | Sem::Century(_))))
                | Some((e, s @ (Sem::Millennium(_) | Sem::Movable { .. })))
                | Some((e, s @ Sem::Date { .. })) => Some((e, s)),
                _ => None,
            },
            Lex::Decade(d) => self.decade_word(j, d),
            Lex::DecadeYears(d) => self.decade_years(j, d),
            Lex::Unit(Unit::Year, _) => match self.at_unit(j, Unit::Year, Plural::Sg, j) {
                Some((_, e, s @ Sem::Date { .. })) => Some((e, s)),
                _ => None,
            },
            Lex::Deictic(
                d @ (Deictic::Future | Deictic::Past | Deictic::Present | Deictic::LastYear),
            ) => self.deictic(j, d).map(|(_, e, s)| (e, s)),
            Lex::Deictic(Deictic::LastYearGen) => Some((j + 1, Sem::Rel(Unit::Year, -1))),
            Lex::Season(s, true) => Some((
                j + 1,
                Sem::Season {
                    y: YearSpec::Tense,
                    s,
                },
            )),
            Lex::Month(m) => match self.month_and_year(j, m) {
                Some((e, s)) if e > j + 1 => Some((e, s)),
                _ => None,
            },
            _ if self.tok(j).is_num() => {
                let t = self.tok(j);
                match self.numeric_date(j, t.num, t.digits) {
                    Some((e, s @ (Sem::Century(_) | Sem::Millennium(_)))) => Some((e, s)),
                    Some((e, s @ Sem::Date { d: 1.., .. })) if e > j + 2 => Some((e, s)),
                    _ => match self.decade_suffix(j, t.num) {
                        Some(r) => Some(r),
                        None => match self.duration_at(j) {
                            Some((e, s @ Sem::Duration(_))) => Some((e, s)),
                            _ => None,
                        },
                    },
                }
            }
            _ => None,
        }
    }

    /// After `dieser`, `diese`, `diesem`: this year, this week, these days.
    pub(super) fn after_demonstrative(&self, i: usize) -> Match {
        let mut j = i + 1;
        // `dieser schwierigen Zeit`
        if self.tok(j).is_word()
            && !self.tok(j).upper
            && self.lex(j) == Lex::None
            && self.lex(j + 1) == Lex::Zeit
        {
            j += 1;
        }
        match self.lex(j) {
            Lex::Unit(u, p) => {
                if matches!(p, Plural::Pl) || (p == Plural::SgPl && self.word_in(i, &["diese"])) {
                    return if u == Unit::Day {
                        Some((j + 1, Sem::Ref("PRESENT_REF")))
                    } else {
                        None
                    };
                }
                match u {
                    Unit::Day => Some((j + 1, Sem::Anchor(0))),
                    Unit::Weekend => Some((j + 1, Sem::Weekend(Some(Dir::This)))),
                    Unit::Week
                    | Unit::Month
                    | Unit::Quarter
                    | Unit::HalfYear
                    | Unit::Year
                    | Unit::Decade
                    | Unit::Century => Some((j + 1, Sem::Rel(u, 0))),
                    _ => None,
                }
            }
            Lex::Season(s, _) => Some((
                j + 1,
                Sem::Season {
                    y: YearSpec::Rel(0),
                    s,
                },
            )),
            Lex::Month(m) => Some((
                j + 1,
                Sem::Date {
                    y: YearSpec::Rel(0),
                    m,
                    d: 0,
                },
            )),
            Lex::Weekday(wd) => Some((j + 1, Sem::Weekday { wd, dir: None })),
            Lex::Zeit => Some((j + 1, Sem::Ref("TENSE_REF"))),
            // `diesen Abend`, `an diesem Morgen`: the day spoken of
            Lex::DayPart(part) => Some((
                j + 1,
                Sem::Part {
                    day: DaySpec::Context,
                    part,
                },
            )),
            Lex::Deictic(Deictic::Tomorrow) if self.tok(j).upper => Some((
                j + 1,
                Sem::Part {
                    day: DaySpec::Context,
                    part: Part::Morning,
                },
            )),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::check;

    #[test]
    fn phrases() {
        check(&[
            (
                "seit den letzten zwei Jahren",
                &["den letzten zwei Jahren=P2Y"],
            ),
            ("in dem 20. Jahrhundert", &["dem 20. Jahrhundert=19"]),
            ("dieses Jahr", &["dieses Jahr=2024"]),
            ("diese Woche", &["diese Woche=2024-W08"]),
            ("in diesen Tagen", &["diesen Tagen=PRESENT_REF"]),
            (
                "in dieser schwierigen Zeit",
                &["dieser schwierigen Zeit=PRESENT_REF"],
            ),
            ("das Jahr 2015", &["das Jahr 2015=2015"]),
        ]);
    }
}
