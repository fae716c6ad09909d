//! Month and season names, and the year that may follow them.
//!
//! | expression | value (written 2024-02-20) |
//! |---|---|
//! | `Juli 2023` | `2023-07` |
//! | `im September` (past tense) | `2023-09` |
//! | `Herbst 2023` | `2023-FA` |
//! | `Sommer dieses Jahres` | `2024-SU` |

use super::{Match, Parser};
use crate::temporal::lexicon::Lex;
use crate::temporal::sem::{Sem, YearSpec};

impl Parser<'_> {
    pub(super) fn month_and_year(&self, i: usize, m: u8) -> Match {
        // `August Müller`: a name, not the month
        if m == 8 && self.tok(i + 1).upper && self.lex(i + 1) == Lex::None {
            return None;
        }
        if let Some((y, e)) = self.year_after(i + 1) {
            return Some((e, Sem::Date { y, m, d: 0 }));
        }
        Some((
            i + 1,
            Sem::Date {
                y: YearSpec::Tense,
                m,
                d: 0,
            },
        ))
    }

    pub(super) fn season_and_year(&self, i: usize, s: u8) -> Match {
        if let Some((y, e)) = self.year_after(i + 1) {
            return Some((e, Sem::Season { y, s }));
        }
        Some((
            i + 1,
            Sem::Season {
                y: YearSpec::Tense,
                s,
            },
        ))
    }
}

pub(crate) fn season_code(s: u8) -> &'static str {
    ["SP", "SU", "FA", "WI"][s as usize % 4]
}

#[cfg(test)]
mod tests {
    use super::super::table::check;

    #[test]
    fn months() {
        check(&[
            ("Im Juli 2023 war es heiß.", &["Juli 2023=2023-07"]),
            (
                "Im September war Kim in Wladiwostok.",
                &["September=2023-09"],
            ),
            ("Im September wird gewählt.", &["September=2024-09"]),
            ("Im Herbst 2023 war es warm.", &["Herbst 2023=2023-FA"]),
            ("im Sommer dieses Jahres", &["Sommer dieses Jahres=2024-SU"]),
            ("August Müller kam.", &[]),
        ]);
    }
}
