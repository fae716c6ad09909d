//! Deictic words: times named relative to the moment of writing, or vaguely.
//!
//! | expression | value (written 2024-02-20) |
//! |---|---|
//! | `heute` | `2024-02-20` in a report of the days around it, else `PRESENT_REF` |
//! | `gestern`, `morgen` | `2024-02-19`, `2024-02-21` |
//! | `gestern Abend`, `vorgestern Nachmittag` | `2024-02-19TEV`, `2024-02-18TAF` |
//! | `damals`, `vor kurzem` | `PAST_REF` |
//! | `in Zukunft`, `die Welt von morgen` | `FUTURE_REF` |
//! | `zur Zeit` | `PRESENT_REF` |

use super::{Match, Parser, Span};
use crate::temporal::lexicon::{Deictic, Fw, Lex, Part, Plural, Unit};
use crate::temporal::sem::{DaySpec, Sem};

/// Adjectives between `in` and `Zukunft` or `Vergangenheit`: `in naher Zukunft`.
const NEAR_OR_FAR: &[&str] = &[
    "naher",
    "nächster",
    "ferner",
    "jüngster",
    "jüngerer",
    "absehbarer",
];

impl Parser<'_> {
    pub(super) fn deictic(&self, i: usize, d: Deictic) -> Span {
        use Deictic as D;
        let upper = self.tok(i).upper;
        let one = |s: Sem| Some((i, i + 1, s));
        let day_part = |off: i32| -> Span {
            let part = match self.lex(i + 1) {
                Lex::DayPart(p) => p,
                Lex::DayPartAdv(p) => p,
                Lex::Deictic(D::Tomorrow) if self.tok(i + 1).upper => Part::Morning,
                _ if self.word_in(i + 1, &["früh"]) => Part::Morning,
                _ => return None,
            };
            Some((
                i,
                i + 2,
                Sem::Part {
                    day: DaySpec::Rel(off),
                    part,
                },
            ))
        };
        match d {
            D::Today => day_part(0).or_else(|| one(Sem::Today)),
            D::Yesterday => day_part(-1).or_else(|| one(Sem::Rel(Unit::Day, -1))),
            D::DayBeforeYesterday => day_part(-2).or_else(|| one(Sem::Rel(Unit::Day, -2))),
            D::DayAfterTomorrow => day_part(2).or_else(|| one(Sem::Rel(Unit::Day, 2))),
            D::Tomorrow => {
                // `am morgen`, in any case, is no `tomorrow`
                if !upper && i > 0 && self.is_fw(i - 1, Fw::Am) {
                    return one(Sem::Part {
                        day: DaySpec::Context,
                        part: Part::Morning,
                    });
                }
                if upper && !self.sentence_start(i) {
                    // `am Morgen`, `heute Morgen`: the morning
                    if i > 0 && self.is_fw(i - 1, Fw::Am) {
                        return one(Sem::Part {
                            day: DaySpec::Context,
                            part: Part::Morning,
                        });
                    }
                    return None;
                }
                if let Some(part) = day_part(1) {
                    return Some(part);
                }
                // `die Welt von morgen`, `der Schwache von morgen`: the future in general;
                // `von morgen an`, `von morgen bis Freitag` are days
                if i > 0 && self.is_fw(i - 1, Fw::Von) && !self.word_in(i + 1, &["an", "bis", "ab"])
                {
                    return one(Sem::Ref("FUTURE_REF"));
                }
                one(Sem::Rel(Unit::Day, 1))
            }
            // `Zukunft`, `Vergangenheit`, `Gegenwart` name a time after `in` (`in Zukunft`, `in
            // der Vergangenheit`, `in naher Zukunft`, `zur Gegenwart`); elsewhere mostly an
            // idea (`die Zukunft ihres Lebens`, `NS-Vergangenheit`), not annotated in KRAUTS
            D::Future | D::Past | D::Present if !self.after_in(i) => None,
            // `künftige`, `zukünftigen`: an attribute (`seiner künftigen Schwägerin`)
            D::FutureAdj => None,
            D::Now | D::Currently | D::Nowadays | D::Todays | D::Present => {
                one(Sem::Ref("PRESENT_REF"))
            }
            D::Then | D::Once | D::Past => one(Sem::Ref("PAST_REF")),
            D::Formerly => {
                if self.is_fw(i + 1, Fw::Als) {
                    None
                } else {
                    one(Sem::Ref("PAST_REF"))
                }
            }
            D::Soon | D::Future => one(Sem::Ref("FUTURE_REF")),
            D::ThisYear => one(Sem::Rel(Unit::Year, 0)),
            D::LastYear | D::LastYearGen => one(Sem::Rel(Unit::Year, -1)),
            D::LastMonth => one(Sem::Rel(Unit::Month, -1)),
            D::LastWeek => one(Sem::Rel(Unit::Week, -1)),
            D::DayBefore => one(Sem::Anchor(-1)),
            // `vor kurzem` is read at `vor`; `kürzlich` is rarely annotated
            D::Recently => None,
        }
    }

    /// Whether the noun at `i` follows `in`, `zur` or `in` with an article or an adjective:
    /// `in Zukunft`, `in der Vergangenheit`, `in naher Zukunft`, `zur Vergangenheit`.
    pub(super) fn after_in(&self, i: usize) -> bool {
        let at = |k: usize, f: Fw| i >= k && self.is_fw(i - k, f);
        at(1, Fw::In)
            || at(1, Fw::Zur)
            || (at(2, Fw::In)
                && (self.lex(i - 1) == Lex::Article || self.word_in(i - 1, NEAR_OR_FAR)))
    }

    /// `zur Zeit`, `zur Stunde`: the present.
    pub(super) fn zur_zeit(&self, i: usize) -> Match {
        match self.lex(i + 1) {
            Lex::Zeit if self.word_in(i + 1, &["zeit"]) => Some((i + 2, Sem::Ref("PRESENT_REF"))),
            Lex::Unit(Unit::Hour, Plural::Sg) => Some((i + 2, Sem::Ref("PRESENT_REF"))),
            _ => None,
        }
    }

    /// `vor kurzem`: the past.
    pub(super) fn vor_kurzem(&self, i: usize) -> Span {
        (self.is_fw(i, Fw::Vor) && self.word_in(i + 1, &["kurzem"])).then_some((
            i,
            i + 2,
            Sem::Ref("PAST_REF"),
        ))
    }

    /// `im Moment`, `im Augenblick`: the present (`im` inside).
    ///
    /// Never reached as the lexicon stands: the tagger tries rules only at words that may
    /// begin an expression, and `Moment` is not one ([`Lex::can_start`]). Making it one
    /// changes what is found, which this rule's reorganisation was not to do.
    pub(super) fn im_moment(&self, i: usize, floor: usize) -> Span {
        (i > floor && self.is_fw(i - 1, Fw::Im) && self.tok(i).upper).then_some((
            i - 1,
            i + 1,
            Sem::Ref("PRESENT_REF"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::check;

    #[test]
    fn deictic() {
        check(&[
            ("heute", &["heute=PRESENT_REF"]),
            ("gestern", &["gestern=2024-02-19"]),
            ("Das ist morgen.", &["morgen=2024-02-21"]),
            ("gestern Abend", &["gestern Abend=2024-02-19TEV"]),
            ("damals", &["damals=PAST_REF"]),
            ("vor kurzem", &["vor kurzem=PAST_REF"]),
            ("in Zukunft", &["Zukunft=FUTURE_REF"]),
            ("in naher Zukunft", &["Zukunft=FUTURE_REF"]),
            ("die Zukunft ihres Lebens", &[]),
            ("zur Zeit", &["zur Zeit=PRESENT_REF"]),
            ("früher als gedacht", &[]),
        ]);
    }
}
