//! The table the rules' tests are written as: a sentence, and every expression the tagger
//! finds in it with its value, written on one fixed date.

use time::Date;
use time::macros::date;

/// The date every table test is written on: Tuesday, 20 February 2024.
const WRITTEN: Date = date!(2024 - 02 - 20);

/// Asserts, for each sentence, that the tagger finds exactly the `expression=value` pairs
/// given (reporting every sentence that differs, not only the first).
pub(super) fn check(cases: &[(&str, &[&str])]) {
    let wrong: Vec<String> = cases
        .iter()
        .filter_map(|(text, want)| {
            let got: Vec<String> = crate::temporal::tag(text, WRITTEN)
                .into_iter()
                .map(|t| format!("{}={}", t.text, t.value))
                .collect();
            (got != *want).then(|| format!("{text:?}: found {got:?}, expected {want:?}"))
        })
        .collect();
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}
