//! Finding the dates a German text talks about (temporal tagging, TimeML TIMEX3).
//!
//! (Work in progress: the tagger is being written; this is its public contract.)

use std::ops::Range;

use time::{Date, OffsetDateTime};

/// The TIMEX3 type of a temporal expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period: `2023-09-13`, `2023-09`, `2023`, `199` (the 1990s).
    Date,
    /// A time of day: `2024-02-18T14:00`.
    Time,
    /// A length of time: `P2Y`.
    Duration,
    /// A recurring time: `XXXX-WXX-1` (every Monday).
    Set,
}

/// One temporal expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Timex {
    /// Where it starts, in characters (Unicode code points) of the text.
    pub start: usize,
    /// Where it ends (exclusive), in characters.
    pub end: usize,
    /// The same span in bytes of the text.
    #[serde(skip)]
    pub bytes: Range<usize>,
    /// The TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// The TIMEX3 value, resolved against the reference date (`2023-07`, `P2Y`, ...).
    pub value: String,
    /// The expression as written.
    pub text: String,
}

impl Timex {
    /// The period of time a `DATE` or `TIME` value covers, as [start, end) in UTC: a month
    /// value covers the month, a decade value the decade. `None` for durations, sets and
    /// values that name no period on the calendar (`PRESENT_REF`, `XXXX-09`).
    pub fn span(&self) -> Option<(OffsetDateTime, OffsetDateTime)> {
        None
    }
}

/// Every temporal expression in `text`, in text order, resolved against `reference` (the
/// date the text was written: a news article's publication date).
pub fn tag(text: &str, reference: Date) -> Vec<Timex> {
    let _ = (text, reference);
    Vec::new()
}
