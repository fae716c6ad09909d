//! JSON output for scripts. Offsets are in characters (Unicode code points), end exclusive,
//! so that scripts in any language can slice the text with them.

use std::ops::Range;

use nachlese::analysis::AnalyzedToken;
use nachlese::dates::format_rfc3339;
use nachlese::{Hit, InputError, SearchResults, WriteStats};
use serde::Serialize;
use serde_json::{Value, json};

fn char_offset(text: &str, byte: usize) -> usize {
    text.get(..byte).map_or(0, |s| s.chars().count())
}

fn char_ranges(text: &str, ranges: &[Range<usize>]) -> Vec<[usize; 2]> {
    ranges
        .iter()
        .map(|r| [char_offset(text, r.start), char_offset(text, r.end)])
        .collect()
}

fn hit(h: &Hit) -> Value {
    json!({
        "rank": h.rank,
        "id": h.id,
        "title": h.title,
        "title_highlights": char_ranges(&h.title, &h.title_highlights),
        "date": format_rfc3339(h.date),
        "score": h.score,
        "snippet": h.snippet.text,
        "highlights": char_ranges(&h.snippet.text, &h.snippet.highlights),
        "source": h.source,
        "url": h.url,
        "authors": h.authors,
        "mentions": h.mentions,
        "missing": h.missing,
    })
}

/// `{"total": N, "offset": N, "limit": N, "hits": [...]}`
pub fn search(results: &SearchResults, offset: usize, limit: usize) -> Value {
    json!({
        "total": results.total,
        "offset": offset,
        "limit": limit,
        "hits": results.hits.iter().map(hit).collect::<Vec<_>>(),
        "suggestion": results.suggestion,
        "words": results.words,
    })
}

#[derive(Serialize)]
struct Token<'a> {
    term: &'a str,
    kind: nachlese::analysis::TermKind,
    position: usize,
    start: usize,
    end: usize,
    text: &'a str,
}

/// The analyzer's tokens, offsets in characters of `text`.
pub fn tokens(text: &str, tokens: &[AnalyzedToken]) -> Value {
    let list: Vec<Token<'_>> = tokens
        .iter()
        .map(|t| Token {
            term: &t.term,
            kind: t.kind,
            position: t.position,
            start: char_offset(text, t.offset_from),
            end: char_offset(text, t.offset_to),
            text: &t.original,
        })
        .collect();
    json!(list)
}

/// The outcome of `index`: the writer's counts, then the rejected inputs (`rejected` may
/// list fewer than `rejections`).
pub fn index_report(
    stats: &WriteStats,
    rejected: &[InputError],
    rejections: usize,
    documents: u64,
) -> Value {
    #[derive(Serialize)]
    struct Report<'a> {
        #[serde(flatten)]
        stats: &'a WriteStats,
        rejections: usize,
        rejected: &'a [InputError],
        documents: u64,
    }
    json!(Report {
        stats,
        rejections,
        rejected,
        documents,
    })
}

/// The report of `delete --json`.
pub fn delete_report(deleted: u64, missing: &[&str], documents: u64) -> Value {
    json!({
        "deleted": deleted,
        "missing": missing,
        "documents": documents,
    })
}
