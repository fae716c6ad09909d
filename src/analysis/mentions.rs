//! The dates a text mentions, as index terms: each date the temporal tagger finds becomes
//! the term `SSSSSSSSEEEEEEEE`, the first and the first-after day of the period it covers
//! (Julian day numbers, shifted positive, in hex), so that the terms sort by start day and
//! a date range of mentions is a range of terms (see `search::mentions`).
//!
//! A document gets its terms when it is built ([`mention_tokens`]). The field's tokenizer makes
//! the same terms of a text value whose first line is the date the text was written
//! (`2024-02-20\n...`), which the tagger needs to resolve `yesterday`.

use tantivy::tokenizer::{PreTokenizedString, Token, TokenStream, Tokenizer};
use time::{Date, OffsetDateTime};

use crate::temporal;

/// The name the mentions analyzer is registered under.
pub const MENTIONS_ANALYZER_NAME: &str = "nachlese_mentions";

/// Shifts Julian day numbers (negative before 4713 BC) above zero.
const DAY_SHIFT: i64 = 1 << 24;

/// The day number of a date in a mention term.
pub fn day_number(date: Date) -> u32 {
    (i64::from(date.to_julian_day()) + DAY_SHIFT) as u32
}

/// The first day after a period that ends (exclusively) at `end`: a period ending at
/// midnight ends the day before; one ending later in the day covers that day too. The one
/// place this rule is written, for mentioned periods and for the ranges searched.
pub fn end_day(end: OffsetDateTime) -> u32 {
    let day = day_number(end.date());
    if end.time() == time::Time::MIDNIGHT {
        day
    } else {
        day + 1
    }
}

/// A day as the start of a mention term: terms sort by it.
pub fn day_key(day: u32) -> String {
    format!("{day:08x}")
}

/// The days a mentioned date covers, `[start, end)` as day numbers: the one form a mention
/// takes between the tagger, the index and search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DaySpan {
    /// The first day.
    pub start: u32,
    /// The first day after it.
    pub end: u32,
}

impl DaySpan {
    /// The days the instants `[start, end)` touch (at least one).
    pub fn of_instants(start: OffsetDateTime, end: OffsetDateTime) -> DaySpan {
        let start = day_number(start.date());
        DaySpan {
            start,
            end: end_day(end).max(start + 1),
        }
    }

    /// The days a tagged expression covers; `None` for durations and sets.
    pub fn of(timex: &temporal::Timex) -> Option<DaySpan> {
        timex.span().map(|(s, e)| DaySpan::of_instants(s, e))
    }

    /// The index term: the first and the first-after day, in hex.
    pub fn term(self) -> String {
        format!("{}{}", day_key(self.start), day_key(self.end))
    }

    /// The span an index term names.
    pub fn from_term(term: &[u8]) -> Option<DaySpan> {
        let text = std::str::from_utf8(term).ok()?;
        if text.len() != 16 {
            return None;
        }
        Some(DaySpan {
            start: u32::from_str_radix(&text[..8], 16).ok()?,
            end: u32::from_str_radix(&text[8..], 16).ok()?,
        })
    }
}

/// The text the tagger reads of an article: title and body as one, so that the body's
/// tense carries on from the title. Mentions found in it are offsets into this text (in
/// characters); the body starts after the title and one more character.
pub fn tagged_text(title: &str, body: &str) -> String {
    let mut text = String::with_capacity(title.len() + 1 + body.len());
    text.push_str(title);
    text.push('\n');
    text.push_str(body);
    text
}

/// The text value the mentions field's tokenizer reads for an article written on
/// `written`: the date, then the [`tagged_text`], one per line.
#[cfg(test)]
fn mentions_text(written: Date, title: &str, body: &str) -> String {
    format!(
        "{}\n{}",
        crate::dates::format_day(written.midnight().assume_utc()),
        tagged_text(title, body)
    )
}

/// The mention terms of a text written on `written`.
pub fn mention_terms(written: Date, text: &str) -> Vec<String> {
    let mut terms: Vec<String> = temporal::tag(text, written)
        .iter()
        .filter_map(DaySpan::of)
        .map(DaySpan::term)
        .collect();
    terms.sort();
    terms.dedup();
    terms
}

/// The mention terms of an article written on `written`, as the tokens of a document's
/// mentions field: what the field's tokenizer makes of the same text, computed where the
/// document is built.
pub fn mention_tokens(written: Date, title: &str, body: &str) -> PreTokenizedString {
    let tokens = mention_terms(written, &tagged_text(title, body))
        .into_iter()
        .enumerate()
        .map(|(position, text)| Token {
            position,
            text,
            ..Token::default()
        })
        .collect();
    PreTokenizedString {
        text: String::new(),
        tokens,
    }
}

/// The tokenizer of the mentions field (see the module docs).
#[derive(Clone, Default)]
pub struct MentionsTokenizer {
    token: Token,
}

/// The mention terms of one text.
pub struct MentionsStream<'a> {
    terms: std::vec::IntoIter<String>,
    token: &'a mut Token,
}

impl Tokenizer for MentionsTokenizer {
    type TokenStream<'a> = MentionsStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> MentionsStream<'a> {
        self.token.reset();
        let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
        let terms = match crate::dates::parse_timestamp(first.trim()) {
            Ok(t) => mention_terms(t.date(), rest),
            // No date line: no reference to resolve against.
            Err(_) => Vec::new(),
        };
        MentionsStream {
            terms: terms.into_iter(),
            token: &mut self.token,
        }
    }
}

impl TokenStream for MentionsStream<'_> {
    fn advance(&mut self) -> bool {
        match self.terms.next() {
            Some(term) => {
                self.token.text = term;
                self.token.position = self.token.position.wrapping_add(1);
                true
            }
            None => false,
        }
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn a_document_gets_the_terms_the_tokenizer_makes() {
        let written = date!(2024 - 02 - 18);
        let (title, body) = (
            "Putin schenkt Kim ein Auto",
            "Am Sonntag, zwei Tage nach dem Treffen vom 16. Februar, meldete KCNA den Empfang.",
        );
        let text = mentions_text(written, title, body);
        let mut tokenizer = MentionsTokenizer::default();
        let mut stream = tokenizer.token_stream(&text);
        let mut from_tokenizer = Vec::new();
        while stream.advance() {
            from_tokenizer.push(stream.token().text.clone());
        }
        let from_document: Vec<String> = mention_tokens(written, title, body)
            .tokens
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(from_document, from_tokenizer);
        assert!(from_document.len() >= 2, "{from_document:?}");
    }

    #[test]
    fn terms_sort_by_start_day_and_read_back() {
        let a = day_number(date!(1950 - 01 - 01));
        let b = day_number(date!(2024 - 02 - 18));
        assert!(a < b);
        let t = DaySpan {
            start: b,
            end: b + 1,
        }
        .term();
        assert_eq!(
            DaySpan::from_term(t.as_bytes()),
            Some(DaySpan {
                start: b,
                end: b + 1
            })
        );
        assert!(DaySpan { start: a, end: b }.term() < t);
        // Before the Christian era too.
        assert!(day_number(date!(-0044 - 03 - 15)) < a);
    }

    #[test]
    fn a_day_span_covers_the_days_touched() {
        let days = |s, e| {
            let span = DaySpan::of_instants(s, e);
            span.end - span.start
        };
        assert_eq!(
            days(
                datetime!(2023-09-01 0:00 UTC),
                datetime!(2023-10-01 0:00 UTC)
            ),
            30
        );
        assert_eq!(
            days(
                datetime!(2024-02-18 14:00 UTC),
                datetime!(2024-02-18 15:00 UTC)
            ),
            1
        );
    }
}
