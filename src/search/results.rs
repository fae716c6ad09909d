//! What a search returns.

use std::ops::Range;

use serde::Serialize;
use time::OffsetDateTime;

use super::query::WordPlan;

/// The answer to a [`SearchRequest`](super::SearchRequest).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct SearchResults {
    /// How many articles match in all (not only on this page).
    pub total: u64,
    /// How many hits were skipped before this page ([`SearchRequest::offset`]).
    ///
    /// [`SearchRequest::offset`]: super::SearchRequest::offset
    pub offset: usize,
    /// The most hits a page holds ([`SearchRequest::limit`]).
    ///
    /// [`SearchRequest::limit`]: super::SearchRequest::limit
    pub limit: usize,
    /// The requested page of hits, in order.
    pub hits: Vec<Hit>,
    /// A corrected query, when this one found little and some word looks misspelt
    /// ("meinten Sie …").
    pub suggestion: Option<String>,
    /// What each query word looked for: its term, and the expansions used.
    pub words: Vec<WordPlan>,
    /// Remarks on the query for the user, e.g. that it held only stop words.
    pub notes: Vec<String>,
}

/// One matching article.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Hit {
    /// 1-based rank among all hits (offset included).
    pub rank: usize,
    /// The article's id.
    pub id: String,
    /// The headline.
    pub title: String,
    /// Where the query words occur in the title (character ranges of `title`; in JSON,
    /// `[start, end]` pairs).
    #[serde(serialize_with = "crate::chars::serialize_ranges")]
    pub title_highlights: Vec<Range<usize>>,
    /// Publication time, UTC.
    #[serde(with = "time::serde::rfc3339")]
    pub date: OffsetDateTime,
    /// Relevance score (BM25; 1.0 for every hit of a listing without query words). A hit
    /// lacking some query words ([`missing`](Self::missing)) has its score scaled by the
    /// share of the query's weight it holds, and ranks below every hit holding them all.
    pub score: f32,
    /// A passage of the text around the query words.
    pub snippet: Snippet,
    /// Who published it.
    pub source: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
    /// Who wrote it.
    pub authors: Vec<String>,
    /// The query words (as written) this article does not hold, in query order: empty,
    /// unless too few articles hold every word, when articles holding most of them follow
    /// those holding all (see [`SearchRequest::all_words`](super::SearchRequest::all_words)).
    pub missing: Vec<String>,
    /// The dates it mentions in the range asked for with
    /// [`SearchRequest::mentions`](super::SearchRequest::mentions) (none without one).
    pub mentions: Vec<super::Mention>,
}

/// A passage of an article with the matched words marked.
///
/// Its highlights are ranges of characters (Unicode scalar values) of `text`, end exclusive,
/// as every offset of nachlese's public API is: no range can split a character.
/// [`Snippet::new`] checks them; a snippet built field by field may hold ranges that are
/// reversed, overlap or reach past the text, and [`Snippet::parts`] and [`Snippet::to_html`]
/// leave those out instead of failing.
///
/// ```
/// use nachlese::Snippet;
///
/// let s = Snippet::new("Grüße an Putin.", vec![9..14])?;
/// assert_eq!(s.to_html(), "Grüße an <b>Putin</b>.");
/// let parts: Vec<(&str, bool)> = s.parts().collect();
/// assert_eq!(parts, [("Grüße an ", false), ("Putin", true), (".", false)]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[non_exhaustive]
pub struct Snippet {
    /// The passage, on one line; `…` marks text left out at either end.
    pub text: String,
    /// Character ranges of the matched words in `text`, sorted and disjoint (in JSON,
    /// `[start, end]` pairs).
    #[serde(serialize_with = "crate::chars::serialize_ranges")]
    pub highlights: Vec<Range<usize>>,
}

/// Why highlights do not fit a snippet's text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("highlight {start}..{end} of a text of {len} characters {reason}")]
#[non_exhaustive]
pub struct HighlightError {
    /// Where the highlight starts (a character offset).
    pub start: usize,
    /// Where it ends (exclusive).
    pub end: usize,
    /// The length of the text in characters.
    pub len: usize,
    /// What is wrong with it.
    pub reason: &'static str,
}

impl Snippet {
    /// A snippet of `text` with `highlights`, character ranges of `text` that are sorted and
    /// disjoint; else the first that is not.
    ///
    /// ```
    /// use nachlese::Snippet;
    ///
    /// assert!(Snippet::new("Grüße aus Kiew", vec![0..5, 10..14]).is_ok());
    /// // Reversed, and past the end.
    /// assert!(Snippet::new("Grüße aus Kiew", vec![4..2]).is_err());
    /// assert!(Snippet::new("Grüße aus Kiew", vec![10..15]).is_err());
    /// ```
    pub fn new(
        text: impl Into<String>,
        highlights: Vec<Range<usize>>,
    ) -> Result<Snippet, HighlightError> {
        let text = text.into();
        let len = crate::chars::len(&text);
        let mut at = 0;
        for h in &highlights {
            let reason = if h.start > h.end {
                "is reversed"
            } else if h.end > len {
                "reaches past its end"
            } else if h.start < at {
                "overlaps or precedes the one before it"
            } else {
                at = h.end;
                continue;
            };
            return Err(HighlightError {
                start: h.start,
                end: h.end,
                len,
                reason,
            });
        }
        Ok(Snippet { text, highlights })
    }

    /// The passage as alternating plain and highlighted parts.
    pub fn parts(&self) -> impl Iterator<Item = (&str, bool)> {
        parts(&self.text, &self.highlights)
    }

    /// The passage as HTML, matched words in `<b>`.
    pub fn to_html(&self) -> String {
        let mut html = String::with_capacity(self.text.len() + 16);
        for (part, marked) in self.parts() {
            let escaped = part
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            if marked {
                html.push_str("<b>");
                html.push_str(&escaped);
                html.push_str("</b>");
            } else {
                html.push_str(&escaped);
            }
        }
        html
    }
}

/// Splits `text` into alternating plain and highlighted parts; `highlights` are character
/// ranges. Empty parts are skipped, and so are highlights that are reversed, overlap the one
/// before or reach past the text.
///
/// ```
/// let parts: Vec<_> = nachlese::search::parts("Grüße", &[4..2, 0..3, 2..9]).collect();
/// assert_eq!(parts, [("Grü", true), ("ße", false)]);
/// ```
pub fn parts<'a>(
    text: &'a str,
    highlights: &'a [Range<usize>],
) -> impl Iterator<Item = (&'a str, bool)> + 'a {
    let mut out = Vec::with_capacity(highlights.len() * 2 + 1);
    let mut bytes = crate::chars::ByteFinder::new(text);
    let (mut at, mut at_char) = (0, 0);
    for h in highlights {
        if h.start < at_char || h.start > h.end {
            continue;
        }
        let (Some(start), Some(end)) = (bytes.at(h.start), bytes.at(h.end)) else {
            continue;
        };
        if start > at {
            out.push((&text[at..start], false));
        }
        if end > start {
            out.push((&text[start..end], true));
        }
        (at, at_char) = (end, h.end);
    }
    if at < text.len() {
        out.push((&text[at..], false));
    }
    out.into_iter()
}
