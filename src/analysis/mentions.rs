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

/// The mention term for the days [start, end).
pub fn mention_term(start: u32, end: u32) -> String {
    format!("{start:08x}{end:08x}")
}

/// The start and end day numbers of a mention term.
pub fn parse_mention_term(term: &[u8]) -> Option<(u32, u32)> {
    let text = std::str::from_utf8(term).ok()?;
    if text.len() != 16 {
        return None;
    }
    let start = u32::from_str_radix(&text[..8], 16).ok()?;
    let end = u32::from_str_radix(&text[8..], 16).ok()?;
    Some((start, end))
}

/// The days [start, end) an instant range touches: a period ending at midnight ends that
/// day; one ending later in the day covers that day too.
pub fn day_span(start: OffsetDateTime, end: OffsetDateTime) -> (u32, u32) {
    let first = day_number(start.date());
    let last = if end.time() == time::Time::MIDNIGHT {
        day_number(end.date())
    } else {
        day_number(end.date()) + 1
    };
    (first, last.max(first + 1))
}

/// The text value the mentions field's tokenizer reads for a text written on `written`, made
/// of `parts` (title and body), one per line.
#[cfg(test)]
fn mentions_text(written: Date, parts: &[&str]) -> String {
    let len = parts.iter().map(|p| p.len() + 1).sum::<usize>();
    let mut out = String::with_capacity(len + 11);
    out.push_str(&crate::dates::format_day(written.midnight().assume_utc()));
    for part in parts {
        out.push('\n');
        out.push_str(part);
    }
    out
}

/// The mention terms of a text written on `written`.
pub fn mention_terms(written: Date, text: &str) -> Vec<String> {
    let mut terms: Vec<String> = temporal::tag(text, written)
        .iter()
        .filter_map(|t| t.span())
        .map(|(s, e)| {
            let (s, e) = day_span(s, e);
            mention_term(s, e)
        })
        .collect();
    terms.sort();
    terms.dedup();
    terms
}

/// The mention terms of a text written on `written`, made of `parts` (title and body), as the
/// tokens of a document's mentions field: what the field's tokenizer makes of the same text,
/// computed where the document is built.
pub fn mention_tokens(written: Date, parts: &[&str]) -> PreTokenizedString {
    let tokens = mention_terms(written, &parts.join("\n"))
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
        let parts = [
            "Putin schenkt Kim ein Auto",
            "Am Sonntag, zwei Tage nach dem Treffen vom 16. Februar, meldete KCNA den Empfang.",
        ];
        let text = mentions_text(written, &parts);
        let mut tokenizer = MentionsTokenizer::default();
        let mut stream = tokenizer.token_stream(&text);
        let mut from_tokenizer = Vec::new();
        while stream.advance() {
            from_tokenizer.push(stream.token().text.clone());
        }
        let from_document: Vec<String> = mention_tokens(written, &parts)
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
        let t = mention_term(b, b + 1);
        assert_eq!(parse_mention_term(t.as_bytes()), Some((b, b + 1)));
        assert!(mention_term(a, b) < t);
        // Before the Christian era too.
        assert!(day_number(date!(-0044 - 03 - 15)) < a);
    }

    #[test]
    fn a_day_span_covers_the_days_touched() {
        let (s, e) = day_span(
            datetime!(2023-09-01 0:00 UTC),
            datetime!(2023-10-01 0:00 UTC),
        );
        assert_eq!(e - s, 30);
        let (s, e) = day_span(
            datetime!(2024-02-18 14:00 UTC),
            datetime!(2024-02-18 15:00 UTC),
        );
        assert_eq!(e - s, 1);
    }
}
