//! What a search returns.

use std::ops::Range;

use serde::Serialize;
use time::OffsetDateTime;

use super::query::WordPlan;

/// The answer to a [`SearchRequest`](super::SearchRequest).
#[derive(Debug, Clone, PartialEq, Serialize)]
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
pub struct Hit {
    /// 1-based rank among all hits (offset included).
    pub rank: usize,
    /// The article's id.
    pub id: String,
    /// The headline.
    pub title: String,
    /// Where the query words occur in the title (byte ranges).
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
    /// The dates it mentions in the range asked for with
    /// [`SearchRequest::mentions`](super::SearchRequest::mentions) (none without one).
    pub mentions: Vec<super::Mention>,
}

/// A passage of an article with the matched words marked.
///
/// ```
/// use nachlese::Snippet;
///
/// let s = Snippet { text: "Kim traf Putin.".into(), highlights: vec![9..14] };
/// assert_eq!(s.to_html(), "Kim traf <b>Putin</b>.");
/// let parts: Vec<(&str, bool)> = s.parts().collect();
/// assert_eq!(parts, [("Kim traf ", false), ("Putin", true), (".", false)]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Snippet {
    /// The passage, on one line; `…` marks text left out at either end.
    pub text: String,
    /// Byte ranges of the matched words in `text`, sorted and disjoint.
    pub highlights: Vec<Range<usize>>,
}

impl Snippet {
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

/// Splits `text` into alternating plain and highlighted parts; empty parts are skipped.
pub fn parts<'a>(
    text: &'a str,
    highlights: &'a [Range<usize>],
) -> impl Iterator<Item = (&'a str, bool)> + 'a {
    let mut out = Vec::with_capacity(highlights.len() * 2 + 1);
    let mut at = 0;
    for h in highlights {
        if h.start < at || h.end > text.len() {
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
