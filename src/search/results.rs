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
    /// The requested page of hits, in order.
    pub hits: Vec<Hit>,
    /// Remarks on the query for the user, e.g. that it held only stop words.
    pub notes: Vec<String>,
    /// What each query word looked for: its term, and the expansions used.
    pub words: Vec<WordPlan>,
    /// A corrected query, when this one found little and some word looks misspelt
    /// ("meinten Sie …").
    pub suggestion: Option<String>,
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
    /// Where the query words occur in the title (byte ranges of `title`).
    pub title_highlights: Vec<Range<usize>>,
    /// Publication time, UTC.
    #[serde(with = "time::serde::rfc3339")]
    pub date: OffsetDateTime,
    /// Relevance score (BM25; 1.0 for every hit of a listing without query words).
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
/// Its highlights are byte ranges of `text`, as every offset of nachlese's search results is
/// (`&text[range]` is the highlighted word). [`Snippet::new`] checks them; a snippet built
/// field by field may hold ranges that are reversed, overlap, reach past the text or split a
/// character, and [`Snippet::parts`] and [`Snippet::to_html`] leave those out instead of
/// failing.
///
/// ```
/// use nachlese::Snippet;
///
/// let s = Snippet::new("Kim traf Putin.", vec![9..14])?;
/// assert_eq!(s.to_html(), "Kim traf <b>Putin</b>.");
/// let parts: Vec<(&str, bool)> = s.parts().collect();
/// assert_eq!(parts, [("Kim traf ", false), ("Putin", true), (".", false)]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[non_exhaustive]
pub struct Snippet {
    /// The passage, on one line; `…` marks text left out at either end.
    pub text: String,
    /// Byte ranges of the matched words in `text`, sorted and disjoint.
    pub highlights: Vec<Range<usize>>,
}

/// Why highlights do not fit a snippet's text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("highlight {start}..{end} of a {len}-byte text {reason}")]
pub struct HighlightError {
    /// Where the highlight starts (a byte offset).
    pub start: usize,
    /// Where it ends (exclusive).
    pub end: usize,
    /// The length of the text in bytes.
    pub len: usize,
    /// What is wrong with it.
    pub reason: &'static str,
}

impl Snippet {
    /// A snippet of `text` with `highlights`, byte ranges of `text` that are sorted, disjoint
    /// and on character boundaries; else the first that is not.
    ///
    /// ```
    /// use nachlese::Snippet;
    ///
    /// assert!(Snippet::new("Grüße aus Kiew", vec![12..16]).is_ok());
    /// // Reversed, and splitting the `ü`.
    /// assert!(Snippet::new("Grüße aus Kiew", vec![4..2]).is_err());
    /// assert!(Snippet::new("Grüße aus Kiew", vec![0..3]).is_err());
    /// ```
    pub fn new(
        text: impl Into<String>,
        highlights: Vec<Range<usize>>,
    ) -> Result<Snippet, HighlightError> {
        let text = text.into();
        let mut at = 0;
        for h in &highlights {
            let reason = if h.start > h.end {
                Some("is reversed")
            } else if h.end > text.len() {
                Some("reaches past its end")
            } else if h.start < at {
                Some("overlaps or precedes the one before it")
            } else if !text.is_char_boundary(h.start) || !text.is_char_boundary(h.end) {
                Some("splits a character")
            } else {
                None
            };
            if let Some(reason) = reason {
                return Err(HighlightError {
                    start: h.start,
                    end: h.end,
                    len: text.len(),
                    reason,
                });
            }
            at = h.end;
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

/// Splits `text` into alternating plain and highlighted parts; empty parts are skipped, and
/// so are highlights (byte ranges) that are reversed, overlap the one before, reach past the
/// text or split a character.
///
/// ```
/// let parts: Vec<_> = nachlese::search::parts("Grüße", &[4..2, 0..3, 0..2]).collect();
/// assert_eq!(parts, [("Gr", true), ("üße", false)]);
/// ```
pub fn parts<'a>(
    text: &'a str,
    highlights: &'a [Range<usize>],
) -> impl Iterator<Item = (&'a str, bool)> + 'a {
    let mut out = Vec::with_capacity(highlights.len() * 2 + 1);
    let mut at = 0;
    for h in highlights {
        let fits = at <= h.start && h.start <= h.end && h.end <= text.len();
        if !fits || !text.is_char_boundary(h.start) || !text.is_char_boundary(h.end) {
            continue;
        }
        if h.start > at {
            out.push((&text[at..h.start], false));
        }
        out.push((&text[h.clone()], true));
        at = h.end;
    }
    if at < text.len() {
        out.push((&text[at..], false));
    }
    out.into_iter()
}
