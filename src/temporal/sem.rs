//! What an expression means before it is resolved against the reference date and the
//! sentence's tense: the rules produce a [`Sem`], [`super::resolve`] turns it into a value.

use super::lexicon::{Dir, Holiday, Part, Unit};

/// Which year a month, day or season belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum YearSpec {
    /// Written out: `März 2023`.
    Abs(i32),
    /// Relative to the reference year: `März dieses Jahres` (0), `des Vorjahres` (-1).
    Rel(i32),
    /// Not said: the sentence's tense decides (`im März`).
    Tense,
    /// The last one before the reference date (`im vergangenen März`).
    Before,
    /// The next one after it (`im kommenden März`).
    After,
}

/// The day a time of day or part of the day belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DaySpec {
    /// The date the text last spoke of, or the reference date.
    Context,
    /// Days from the reference date (`gestern Abend`: -1).
    Rel(i32),
    /// Days after the date the text last spoke of (`am nächsten Morgen`: 1).
    Anchor(i32),
    Weekday(u8, Option<Dir>),
    /// No day at all (`XXXX-XX-XX`).
    Unknown,
}

/// The meaning of one expression.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Sem {
    /// A year (`m` = 0), a month (`d` = 0) or a day.
    Date {
        y: YearSpec,
        m: u8,
        d: u8,
    },
    /// A holiday whose date moves from year to year (Easter, Advent, `Muttertag`).
    Movable {
        y: YearSpec,
        h: Holiday,
    },
    Weekday {
        wd: u8,
        dir: Option<Dir>,
    },
    Season {
        y: YearSpec,
        s: u8,
    },
    Quarter {
        y: YearSpec,
        q: u8,
    },
    Half {
        y: YearSpec,
        h: u8,
    },
    /// A calendar unit counted from the reference date: `vergangene Woche` = (Week, -1).
    Rel(Unit, i32),
    Weekend(Option<Dir>),
    /// Days after the date the text last spoke of (`am nächsten Tag`: 1).
    Anchor(i32),
    /// A decade value (`199`).
    Decade(i32),
    /// A century value (`19`: the years 1900-1999).
    Century(i32),
    Millennium(i32),
    Ref(&'static str),
    /// `heute`: the day of writing in a report about the days around it, the present in a
    /// general statement (`heute, im Zeitalter des Internets`); [`super::reftime`] decides.
    Today,
    Duration(String),
    Set(String),
    Time {
        day: DaySpec,
        h: u8,
        min: u8,
    },
    Part {
        day: DaySpec,
        part: Part,
    },
}

/// One amount of a duration: a number (in tenths) or an unknown one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Amount {
    Tenths(u32),
    Unknown,
}

/// A duration value from parts (`P3Y4M`, `PT2H30M`, `PXY`).
pub(crate) fn duration(parts: &[(Amount, Unit)]) -> String {
    let mut date = String::new();
    let mut time = String::new();
    for &(amount, unit) in parts {
        let (is_time, code) = unit.code();
        let s = if is_time { &mut time } else { &mut date };
        match amount {
            Amount::Unknown => s.push('X'),
            Amount::Tenths(t) if t % 10 == 0 => s.push_str(&(t / 10).to_string()),
            Amount::Tenths(t) => s.push_str(&format!("{}.{}", t / 10, t % 10)),
        }
        s.push_str(code);
    }
    let mut out = String::from("P");
    out.push_str(&date);
    if !time.is_empty() {
        out.push('T');
        out.push_str(&time);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(
            duration(&[
                (Amount::Tenths(30), Unit::Year),
                (Amount::Tenths(40), Unit::Month)
            ]),
            "P3Y4M"
        );
        assert_eq!(duration(&[(Amount::Tenths(5), Unit::Hour)]), "PT0.5H");
        assert_eq!(duration(&[(Amount::Unknown, Unit::Year)]), "PXY");
        assert_eq!(duration(&[(Amount::Tenths(50), Unit::Decade)]), "P5DE");
    }
}
