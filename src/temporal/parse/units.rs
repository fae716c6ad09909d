//! Expressions led by a unit word.
//!
//! | expression | value |
//! |---|---|
//! | `Jahr 2014` | `2014` |
//! | `Jahr für Jahr`, `Tag um Tag` | `P1Y`, `P1D` |
//! | `Wochenende` | the weekend spoken of |
//! | `seit Jahren` | `PXY` |
//! | `Tag zuvor` | the day before the one spoken of |

use super::years::date_y;
use super::{Parser, Span};
use crate::temporal::lexicon::{Fw, Lex, Plural, Unit};
use crate::temporal::sem::{Amount, Sem, duration};

impl Parser<'_> {
    /// At a unit word: `Jahr 2014`, `Jahr um Jahr`, `Wochenende`, `seit Jahren`, `Tag zuvor`.
    pub(super) fn at_unit(&self, i: usize, u: Unit, p: Plural, floor: usize) -> Span {
        if u == Unit::Year
            && let Some((v, d)) = self.digits_at(i + 1)
            && (d == 4 && self.year_at(i + 1).is_some() || (d == 3 && p != Plural::Pl))
        {
            return Some((i, i + 2, date_y(v as i32)));
        }
        if matches!(p, Plural::Sg)
            && (self.is_fw(i + 1, Fw::Um) || self.is_fw(i + 1, Fw::Fuer))
            && self.lex(i + 2) == Lex::Unit(u, Plural::Sg)
        {
            return Some((i, i + 3, Sem::Set(duration(&[(Amount::Tenths(10), u)]))));
        }
        if u == Unit::Weekend && p == Plural::Sg {
            return Some((i, i + 1, Sem::Weekend(self.last_after_vom(i))));
        }
        if u == Unit::Day && p == Plural::Sg && self.word_in(i + 1, &["der"]) {
            return self.tag_der(i);
        }
        if u == Unit::Day && p == Plural::Sg {
            let off = match self.lex(i + 1) {
                Lex::Fw(Fw::Zuvor) => -1,
                Lex::Fw(Fw::Danach | Fw::Darauf) => 1,
                _ => return None,
            };
            return Some((i, i + 2, Sem::Anchor(off)));
        }
        if matches!(p, Plural::Pl | Plural::SgPl)
            && u >= Unit::Day
            && i > floor
            && matches!(
                self.lex(i - 1),
                Lex::Fw(Fw::Vor | Fw::Seit | Fw::Nach | Fw::Ueber | Fw::Fuer)
            )
        {
            return Some((i, i + 1, Sem::Duration(duration(&[(Amount::Unknown, u)]))));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::check;

    #[test]
    fn units() {
        check(&[
            ("im Jahr 2014", &["Jahr 2014=2014"]),
            ("Jahr für Jahr", &["Jahr für Jahr=P1Y"]),
            ("seit Jahren", &["Jahren=PXY"]),
            (
                "Am 3. März kam er, am Tag zuvor nicht.",
                &["3. März=2023-03-03", "Tag zuvor=2023-03-02"],
            ),
        ]);
    }
}
