//! Turning a request into a tantivy query.

use std::collections::HashSet;
use std::ops::Bound;

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, Occur, Query, QueryParser, QueryParserError,
    RangeQuery,
};
use tantivy::schema::Field;
use tantivy::{DateTime, Term};
use time::OffsetDateTime;

use crate::dates::DateRange;
use crate::index::Index;
use crate::index::schema::name;
use crate::{Error, Result};

/// How much more a title match counts than a body match.
pub const TITLE_BOOST: f32 = 2.0;

/// The parsed query words, or `None` for a request without any.
pub(crate) fn text_query(index: &Index, text: &str) -> Result<Option<Box<dyn Query>>> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    // Only stop words or punctuation: a valid question with no answer, not a syntax error.
    if crate::analysis::analyze(text).is_empty() {
        return Ok(Some(Box::new(EmptyQuery)));
    }
    let f = &index.fields;
    let mut parser = QueryParser::for_index(&index.inner, vec![f.title, f.body]);
    parser.set_conjunction_by_default();
    parser.set_field_boost(f.title, TITLE_BOOST);
    parser
        .parse_query(text)
        .map(Some)
        .map_err(|e| Error::Query {
            query: text.to_string(),
            message: describe(&e),
        })
}

fn describe(e: &QueryParserError) -> String {
    match e {
        QueryParserError::SyntaxError(_) => {
            "syntax error (check quotes and parentheses; a word with a colon is read as \
             `field:word`)"
                .into()
        }
        QueryParserError::FieldDoesNotExist(field) => format!(
            "there is no field `{field}` (searchable fields: {}, {}, {}, {}, {})",
            name::TITLE,
            name::BODY,
            name::TAGS,
            name::SOURCE,
            name::ID
        ),
        QueryParserError::AllButQueryForbidden => {
            "a query cannot only exclude words; add a word to search for (stop words such as \
             `der` or `und` do not count)"
                .into()
        }
        QueryParserError::FieldNotIndexed(field) => {
            format!("the field `{field}` is not searchable")
        }
        QueryParserError::ExpectedInt(_)
        | QueryParserError::ExpectedFloat(_)
        | QueryParserError::ExpectedBool(_)
        | QueryParserError::DateFormatError(_) => {
            format!("{e}; dates are searched with --from and --to")
        }
        other => other.to_string(),
    }
}

fn date_term(field: Field, t: OffsetDateTime) -> Term {
    let dt = DateTime::try_from_utc(t).unwrap_or(if t.year() < 1970 {
        DateTime::MIN
    } else {
        DateTime::MAX
    });
    Term::from_field_date_for_search(field, dt)
}

/// The date filter, or `None` if the range is unbounded.
fn range_query(field: Field, range: &DateRange) -> Option<Box<dyn Query>> {
    if range.is_unbounded() {
        return None;
    }
    let lower = range
        .start()
        .map_or(Bound::Unbounded, |t| Bound::Included(date_term(field, t)));
    let upper = range
        .end()
        .map_or(Bound::Unbounded, |t| Bound::Excluded(date_term(field, t)));
    Some(Box::new(RangeQuery::new(lower, upper)))
}

/// The whole query: words and dates. The date filter has no weight, so it does not change
/// how the words rank the hits.
pub(crate) fn full_query(
    index: &Index,
    text: Option<&dyn Query>,
    range: &DateRange,
) -> Box<dyn Query> {
    let dates = range_query(index.fields.date, range);
    match (text, dates) {
        (None, None) => Box::new(AllQuery),
        (None, Some(dates)) => dates,
        (Some(text), None) => text.box_clone(),
        (Some(text), Some(dates)) => Box::new(BooleanQuery::new(vec![
            (Occur::Must, text.box_clone()),
            (Occur::Must, Box::new(BoostQuery::new(dates, 0.0))),
        ])),
    }
}

/// The terms a query looks for in one field (what to highlight there).
pub(crate) fn terms_in(query: &dyn Query, field: Field) -> HashSet<String> {
    let mut terms = HashSet::new();
    query.query_terms(&mut |term, _| {
        if term.field() == field {
            if let Some(text) = term.value().as_str() {
                terms.insert(text.to_string());
            }
        }
    });
    terms
}
