//! The publication date of a page: declared in its markup first, then read off its address
//! and text, with plausibility checks (htmldate's approach).

use time::OffsetDateTime;

/// The page's publication date, if it can be told.
pub(crate) fn publication_date(_doc: &scraper::Html, _url: Option<&str>) -> Option<OffsetDateTime> {
    None
}
