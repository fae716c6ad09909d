//! The reference time a text's expressions are resolved against, after HeidelTime's two
//! strategies (Strötgen and Gertz): in news, the document's date; in a narrative, the date
//! the text itself last named. A news article does both: it reports the days around its
//! date, and it tells stories set elsewhere in time (`im März 1992 ... im April`).
//!
//! This module decides what resolution cannot see from one expression alone:
//!
//! - whether `heute` is the day of writing or the present in general ([`today`]): a report
//!   that speaks of the days around its date (`gestern`, `morgen`, a clock time beside
//!   `heute`) means the day; a general statement (`heute noch`, `wie wir heute wissen`,
//!   `früher ... heute`, a subjunctive) means the present, `PRESENT_REF`;
//!
//! The narrative anchor (a named date moving the reference for the weekdays, clock times
//! and months that follow) is kept by [`super::resolve::Ctx`] as it resolves.

use super::lexicon::Unit;
use super::parse::Found;
use super::sem::{DaySpec, Sem};
use super::token::{Kind, Tok};

/// Whether the text speaks, at the grain of days, of the days around its date: `gestern`,
/// `morgen`, `vorgestern`, `gestern Abend`. Then it is a report of those days, and its
/// `heute` is the day of writing (HeidelTime's news strategy).
pub(crate) fn reports_days(found: &[Found]) -> bool {
    found.iter().any(|f| match f.sem {
        Sem::Rel(Unit::Day, off) => off != 0,
        Sem::Part {
            day: DaySpec::Rel(off),
            ..
        }
        | Sem::Time {
            day: DaySpec::Rel(off),
            ..
        } => off != 0,
        _ => false,
    })
}

/// Words next to `heute` that make it the present in general: `heute noch`, `noch heute`,
/// `schon heute`, `von heute` (`der Starke von heute`), `wir heute` (`wie wir heute wissen`).
const GENERAL_NEIGHBOURS: &[&str] = &["noch", "schon", "von", "wir", "mehr"];

/// Words in the sentence that set `heute` against another time, or make the sentence
/// hypothetical: the present in general (`Früher ... heute`, `heute würde er ...`).
const GENERAL_IN_SENTENCE: &[&str] = &[
    "früher",
    "damals",
    "einst",
    "einstmals",
    "seinerzeit",
    "ehemals",
    "längst",
    "zeitalter",
    "würde",
    "würden",
    "wäre",
    "wären",
    "könnte",
    "könnten",
    "immer",
    "mittlerweile",
    "inzwischen",
    "heutzutage",
];

fn word<'a>(toks: &[Tok], text: &'a str, k: usize) -> &'a str {
    match toks.get(k) {
        Some(t) if t.kind == Kind::Word => &text[t.start as usize..t.end as usize],
        _ => "",
    }
}

fn one_of(w: &str, words: &[&str]) -> bool {
    !w.is_empty() && words.iter().any(|x| w.eq_ignore_ascii_case(x))
}

/// What `heute` at token `at` means, in the sentence of tokens `sentence`: the day of
/// writing (`Rel(Day, 0)`) where the text reports the days around it (`days`, see
/// [`reports_days`]) or names a clock time in the same sentence (`Heute Filmclub 20 Uhr`),
/// unless the sentence speaks in general; else the present.
pub(crate) fn today(
    toks: &[Tok],
    text: &str,
    at: usize,
    sentence: (usize, usize),
    days: bool,
    found: &[Found],
) -> Sem {
    let present = Sem::Ref("PRESENT_REF");
    let (s, e) = sentence;
    let near = [at.wrapping_sub(1), at + 1];
    if near
        .iter()
        .any(|&k| one_of(word(toks, text, k), GENERAL_NEIGHBOURS))
    {
        return present;
    }
    if (s..e).any(|k| one_of(word(toks, text, k), GENERAL_IN_SENTENCE)) {
        return present;
    }
    let clock_beside = found.iter().any(|f| {
        (s..e).contains(&f.start)
            && matches!(
                f.sem,
                Sem::Time {
                    day: DaySpec::Context | DaySpec::Rel(0),
                    ..
                }
            )
    });
    if days || clock_beside {
        Sem::Rel(Unit::Day, 0)
    } else {
        present
    }
}
