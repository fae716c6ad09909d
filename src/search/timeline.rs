//! When the matching articles appeared, and which months they talk about: a count per month
//! of articles published, and of articles mentioning that month.

use std::collections::BTreeMap;

use serde::Serialize;
use tantivy::collector::{Collector, Count, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DateTime, DocId, Score, SegmentOrdinal, SegmentReader};
use time::{Date, Month, OffsetDateTime};

use super::filter::Filters;
use super::plan::Plan;
use super::request::SearchRequest;
use crate::dates::{DateRange, Granularity, Period};
use crate::index::Index;
use crate::index::schema::name;
use crate::{Error, Result};

/// One month of a [`Timeline`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct TimelineMonth {
    /// The year.
    pub year: i32,
    /// The month, 1-12.
    pub month: u8,
    /// Matching articles published in the month (UTC).
    pub published: u64,
    /// Matching articles that mention a date within the month (a day of it, or the month).
    pub mentioned: u64,
}

/// Per month, how many matching articles were published and how many mention it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Timeline {
    /// Matching articles in all.
    pub total: u64,
    /// Every month of the span (see [`Index::timeline`]), empty ones included.
    pub months: Vec<TimelineMonth>,
}

/// The most months a timeline shows.
pub const MAX_TIMELINE_MONTHS: i64 = 1200;

fn month_number(year: i32, month: Month) -> i64 {
    i64::from(year) * 12 + i64::from(u8::from(month)) - 1
}

fn month_of(number: i64) -> Option<Date> {
    let month = Month::try_from((number.rem_euclid(12) + 1) as u8).ok()?;
    Date::from_calendar_date(number.div_euclid(12) as i32, month, 1).ok()
}

pub(crate) fn timeline(index: &Index, request: &SearchRequest) -> Result<Timeline> {
    index.guarded(|| {
        let searcher = index.searcher();
        let plan = Plan::new(index, &searcher, request)?;
        let count = plan.count_query();
        let filters = Filters::new(index, &searcher, &request.range, &request.mentions);
        let matching = filters.apply(count.as_deref());
        let published = super::parallel::search(&searcher, &matching, &MonthsCollector)?;
        let total = published.values().sum();
        let lo = request
            .range
            .start()
            .map(|t| month_number(t.year(), t.month()))
            .or_else(|| published.keys().next().copied());
        let hi = request
            .range
            .end()
            .map(|t| {
                let last = t - time::Duration::SECOND;
                month_number(last.year(), last.month())
            })
            .or_else(|| published.keys().next_back().copied());
        let (Some(lo), Some(hi)) = (lo, hi) else {
            return Ok(Timeline {
                total,
                months: Vec::new(),
            });
        };
        if hi - lo >= MAX_TIMELINE_MONTHS {
            return Err(Error::Query {
                query: request.query.clone(),
                message: format!(
                    "the timeline would span {} months; narrow it with a date range \
                     (at most {MAX_TIMELINE_MONTHS})",
                    hi - lo + 1
                ),
            });
        }
        let mut months = Vec::new();
        for number in lo..=hi {
            let Some(first) = month_of(number) else {
                continue;
            };
            let period = Period::containing(first.midnight().assume_utc(), Granularity::Month);
            let in_month = DateRange::new(Some(period), Some(period))?;
            let mentioning = filters
                .with_mentions(index, &intersect(&request.mentions, &in_month))
                .apply(count.as_deref());
            months.push(TimelineMonth {
                year: first.year(),
                month: u8::from(first.month()),
                published: published.get(&number).copied().unwrap_or(0),
                mentioned: super::parallel::search(&searcher, &mentioning, &Count)? as u64,
            });
        }
        Ok(Timeline { total, months })
    })
}

/// The month range `month`, narrowed by `filter` where that is bounded (then a month outside
/// it counts nothing).
fn intersect(filter: &DateRange, month: &DateRange) -> DateRange {
    let (Some(ms), Some(me)) = (month.start(), month.end()) else {
        return *month;
    };
    let start = filter.start().map_or(ms, |s| s.max(ms));
    let end = filter.end().map_or(me, |e| e.min(me));
    if start >= end {
        // Empty: a range no mention fits (one second long, and mentions are days).
        let instant = Period::containing(ms, Granularity::Instant);
        return DateRange::new(Some(instant), Some(instant)).unwrap_or(*month);
    }
    let from = Period::containing(start, Granularity::Instant);
    let to = Period::containing(end - time::Duration::SECOND, Granularity::Instant);
    DateRange::new(Some(from), Some(to)).unwrap_or(*month)
}

/// Counts matching articles per month of publication.
struct MonthsCollector;

struct MonthsSegment {
    dates: Column<DateTime>,
    counts: BTreeMap<i64, u64>,
}

impl Collector for MonthsCollector {
    type Fruit = BTreeMap<i64, u64>;
    type Child = MonthsSegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<MonthsSegment> {
        Ok(MonthsSegment {
            dates: segment.fast_fields().date(name::DATE)?,
            counts: BTreeMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<BTreeMap<i64, u64>>) -> tantivy::Result<BTreeMap<i64, u64>> {
        let mut all = BTreeMap::new();
        for fruit in fruits {
            for (month, n) in fruit {
                *all.entry(month).or_insert(0) += n;
            }
        }
        Ok(all)
    }
}

impl SegmentCollector for MonthsSegment {
    type Fruit = BTreeMap<i64, u64>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(d) = self.dates.first(doc) {
            let t: OffsetDateTime = d.into_utc();
            *self
                .counts
                .entry(month_number(t.year(), t.month()))
                .or_insert(0) += 1;
        }
    }

    fn harvest(self) -> BTreeMap<i64, u64> {
        self.counts
    }
}
