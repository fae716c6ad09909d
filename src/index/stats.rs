//! What an index holds: document count, date span, articles per month.

use serde::Serialize;
use time::{Month, OffsetDateTime};

use super::Index;
use super::schema::name;
use crate::Result;

/// Articles published in one month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MonthCount {
    /// The year.
    pub year: i32,
    /// The month, 1-12.
    pub month: u8,
    /// Articles dated in that month (UTC).
    pub count: u64,
}

/// A summary of an index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Stats {
    /// Number of articles.
    pub documents: u64,
    /// Date of the oldest article.
    #[serde(with = "time::serde::rfc3339::option")]
    pub first: Option<OffsetDateTime>,
    /// Date of the newest article.
    #[serde(with = "time::serde::rfc3339::option")]
    pub last: Option<OffsetDateTime>,
    /// Every month from the oldest to the newest article, empty months included.
    pub months: Vec<MonthCount>,
}

fn month_index(t: OffsetDateTime) -> i64 {
    i64::from(t.year()) * 12 + i64::from(u8::from(t.month())) - 1
}

pub(crate) fn stats(index: &Index) -> Result<Stats> {
    index.guarded(|| {
        let searcher = index.reader.searcher();
        let mut dates = Vec::with_capacity(searcher.num_docs() as usize);
        for segment in searcher.segment_readers() {
            let column = segment.fast_fields().date(name::DATE)?;
            for doc in segment.doc_ids_alive() {
                dates.extend(column.values_for_doc(doc).map(|d| d.into_utc()));
            }
        }
        let first = dates.iter().min().copied();
        let last = dates.iter().max().copied();
        let months = match (first, last) {
            (Some(f), Some(l)) => {
                let (lo, hi) = (month_index(f), month_index(l));
                let mut counts = vec![0u64; (hi - lo + 1) as usize];
                for d in &dates {
                    counts[(month_index(*d) - lo) as usize] += 1;
                }
                counts
                    .into_iter()
                    .enumerate()
                    .map(|(i, count)| {
                        let m = lo + i as i64;
                        MonthCount {
                            year: m.div_euclid(12) as i32,
                            month: (m.rem_euclid(12) + 1) as u8,
                            count,
                        }
                    })
                    .collect()
            }
            _ => Vec::new(),
        };
        Ok(Stats {
            documents: searcher.num_docs(),
            first,
            last,
            months,
        })
    })
}

impl MonthCount {
    /// The month as a `time::Month`.
    pub fn month(&self) -> Month {
        Month::try_from(self.month).unwrap_or(Month::January)
    }
}
