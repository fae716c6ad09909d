//! Weekdays: a weekday, with the date or the part of the day that may follow it.
//!
//! | expression | value (written Tuesday 2024-02-20) |
//! |---|---|
//! | `Sonntag, dem 18. Februar` | `2024-02-18` |
//! | `am Montag` (future) | `2024-02-26` |
//! | `vom Sonntag` | `2024-02-18` |
//! | `Sonntagabend`, `Sonntag Abend` | `...TEV` |
//! | `sonntags` | `XXXX-WXX-7` |

use super::{Match, Parser};
use crate::temporal::lexicon::{Deictic, Dir, Fw, Lex, Part};
use crate::temporal::sem::{DaySpec, Sem};

impl Parser<'_> {
    pub(super) fn weekday_phrase(&self, i: usize, wd: u8) -> Match {
        if i > 0 && self.attached(i) && self.is_punct(i - 1, '-') {
            // `Herz-Jesu-Sonntag`: a name
            return None;
        }
        let w = self.word(i);
        let genitive =
            i > 0 && (self.lex(i - 1) == Lex::Article || self.word_in(i - 1, &["eines"]));
        if w.ends_with('s') && !genitive {
            // `sonntags`, `immer Mittwochs`: every Sunday, every Wednesday (but `des Sonntags`)
            return Some((i + 1, Sem::Set(format!("XXXX-WXX-{wd}"))));
        }
        // `Sonntag, 18. Februar`, `Sonntag, dem 18. Februar 2024`, `Sonntag, 18.2.`
        let mut j = i + 1;
        if self.is_punct(j, ',') {
            j += 1;
        }
        if matches!(self.lex(j), Lex::Article) && self.word_in(j, &["den", "dem", "der"]) {
            j += 1;
        }
        if self.tok(j).is_num()
            && let Some((e, sem @ Sem::Date { d: 1.., .. })) =
                self.numeric_date(j, self.tok(j).num, self.tok(j).digits)
        {
            return Some((e, sem));
        }
        let day = DaySpec::Weekday(wd, None);
        match self.lex(i + 1) {
            Lex::DayPart(part) => return Some((i + 2, Sem::Part { day, part })),
            Lex::Deictic(Deictic::Tomorrow) if self.tok(i + 1).upper => {
                return Some((
                    i + 2,
                    Sem::Part {
                        day,
                        part: Part::Morning,
                    },
                ));
            }
            // `am Sonntag frühmorgens`: that Sunday; `Sonntag abends`: every Sunday evening
            Lex::DayPartAdv(part) if i > 0 && self.is_fw(i - 1, Fw::Am) => {
                return Some((i + 2, Sem::Part { day, part }));
            }
            Lex::DayPartAdv(part) => {
                return Some((i + 2, Sem::Set(format!("XXXX-WXX-{wd}T{}", part.code()))));
            }
            _ => {}
        }
        if self.word_in(i + 1, &["früh"]) {
            return Some((
                i + 2,
                Sem::Part {
                    day,
                    part: Part::Morning,
                },
            ));
        }
        Some((
            i + 1,
            Sem::Weekday {
                wd,
                dir: self.last_after_vom(i),
            },
        ))
    }

    /// `Sonntagmorgen`, `Mittwochabend`, `dienstagsabends`: that part of that weekday.
    pub(super) fn weekday_part(&self, i: usize, wd: u8, part: Part) -> Match {
        Some((
            i + 1,
            Sem::Part {
                day: DaySpec::Weekday(wd, None),
                part,
            },
        ))
    }

    /// `vom Sonntag`, `vom Wochenende` (and not `vom Sonntag bis ...`): the last one.
    pub(super) fn last_after_vom(&self, i: usize) -> Option<Dir> {
        (i > 0 && self.is_fw(i - 1, Fw::Vom) && !self.is_fw(i + 1, Fw::Bis)).then_some(Dir::Past)
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::check;

    #[test]
    fn weekdays() {
        check(&[
            (
                "Am Sonntag, dem 18. Februar, ging es los.",
                &["Sonntag, dem 18. Februar=2024-02-18"],
            ),
            ("Am Montag wird gewählt.", &["Montag=2024-02-26"]),
            ("Am Montag wurde gewählt.", &["Montag=2024-02-19"]),
            ("Das Spiel vom Sonntag", &["Sonntag=2024-02-18"]),
            (
                "Am Sonntagabend wurde gewählt.",
                &["Sonntagabend=2024-02-18TEV"],
            ),
            ("Sonntags ist Ruhe.", &["Sonntags=XXXX-WXX-7"]),
            (
                "Sonntag abends ist Ruhe.",
                &["Sonntag abends=XXXX-WXX-7TEV"],
            ),
            ("am Herz-Jesu-Sonntag", &[]),
        ]);
    }
}
