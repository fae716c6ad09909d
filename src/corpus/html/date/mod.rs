//! The publication date of a page: declared in its markup first, then read off its address
//! and text, with plausibility checks (htmldate's approach).
//!
//! One walk over the page, in document order, gathers every date it holds with what vouches
//! for it ([`Rank`]): JSON-LD `datePublished`, `<meta>` properties, `itemprop`, `<time>`,
//! elements whose class says date, and dates in the text after words such as
//! "veröffentlicht" or "aktualisiert". Dates outside 1995 to today are dropped, as are those in
//! comments, sidebars and teasers unless nothing else is left. The best-vouched date wins;
//! among equals, the first on the page.

mod parse;

use ego_tree::iter::Edge;
use scraper::node::Element;
use scraper::{ElementRef, Node};
use time::{Date, Duration, OffsetDateTime};

/// What vouches for a date, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    /// JSON-LD `datePublished` of an article (`NewsArticle`, `BlogPosting`, …).
    LdArticle,
    /// `<meta>` naming the publication time (`article:published_time`, …).
    MetaPublished,
    /// `itemprop=datePublished`, `<time pubdate>`, `class=published` in the body.
    ItemPublished,
    /// JSON-LD `datePublished` of something else (`WebPage`), or a plain `<meta name=date>`.
    Declared,
    /// In the text, after "veröffentlicht", "erschienen", "Datum:", ….
    TextPublished,
    /// An element whose class or id says date (`entry-date`, `datum`, `post-meta`).
    DateElement,
    /// A `<time>` element.
    Time,
    /// What the page says it was changed on (`dateModified`, "aktualisiert").
    Modified,
    /// Anywhere in the text.
    Text,
}

/// A date the page holds, with what vouches for it and where.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    date: OffsetDateTime,
    rank: Rank,
    /// In comments, sidebars, teasers, navigation, the page's header and footer.
    boilerplate: bool,
}

/// Where in the page an element is.
#[derive(Debug, Clone, Copy, Default)]
struct Ctx {
    /// Script, style and the like: no visible text.
    skip: bool,
    /// Comments, sidebars, teasers, navigation, the page's footer.
    boilerplate: bool,
    /// Inside `<article>`.
    article: bool,
    /// Text already read as a whole by an enclosing date element.
    read: bool,
}

/// The page's publication date, if it can be told.
pub(crate) fn publication_date(doc: &scraper::Html, url: Option<&str>) -> Option<OffsetDateTime> {
    let mut found = Found::default();
    found.walk(doc);
    let address = url.or(found.canonical.as_deref());
    if let Some(date) = address.and_then(parse::in_url)
        && plausible(date)
    {
        // The address may hold the day only; the markup, the time of day on that day.
        let with_time = found
            .candidates
            .iter()
            .filter(|c| c.rank <= Rank::ItemPublished && c.date.date() == date)
            .map(|c| c.date)
            .next();
        return Some(with_time.unwrap_or_else(|| date.midnight().assume_utc()));
    }
    found.best()
}

/// Between the first year of news on the web and tomorrow (time zones).
fn plausible(date: Date) -> bool {
    let earliest = Date::from_ordinal_date(1995, 1).unwrap_or(Date::MIN);
    let latest = (OffsetDateTime::now_utc() + Duration::days(1)).date();
    (earliest..=latest).contains(&date)
}

/// Words before a date in the text that say it is the publication date.
const PUBLISHED_WORDS: &[&str] = &[
    "veröffentlicht",
    "veroeffentlicht",
    "publiziert",
    "erschienen",
    "erstellt",
    "geschrieben",
    "verfasst",
    "eingestellt",
    "online seit",
    "datum",
    "posted",
    "published",
    "gepostet",
    "created",
];
/// Words before a date that say it is when the page was changed.
const MODIFIED_WORDS: &[&str] = &[
    "aktualisiert",
    "geändert",
    "update",
    "zuletzt",
    "modified",
    "überarbeitet",
    "bearbeitet",
];

/// Class and id words of comments, sidebars, teasers and navigation.
const BOILERPLATE_WORDS: &[&str] = &[
    "comment",
    "kommentar",
    "respond",
    "disqus",
    "sidebar",
    "related",
    "teaser",
    "widget",
    "recommend",
    "empfehl",
    "breadcrumb",
    "newsticker",
    "footer",
    "cookie",
];
/// Class and id words of elements that hold a date.
const DATE_CLASS_WORDS: &[&str] = &[
    "date", "datum", "time", "zeit", "publi", "posted", "veroeff", "byline", "meta", "stand",
    "created", "erstellt",
];

#[derive(Default)]
struct Found {
    candidates: Vec<Candidate>,
    /// `<link rel=canonical>` or `og:url`.
    canonical: Option<String>,
    /// The last characters of text seen, for the words before a date.
    recent: String,
}

impl Found {
    fn push(&mut self, date: Option<OffsetDateTime>, rank: Rank, ctx: Ctx) {
        if let Some(date) = date
            && plausible(date.date())
        {
            self.candidates.push(Candidate {
                date,
                rank,
                boilerplate: ctx.boilerplate,
            });
        }
    }

    /// The best-vouched date outside boilerplate, else in it; among equals the first.
    fn best(&self) -> Option<OffsetDateTime> {
        let key = |c: &Candidate| (c.boilerplate, c.rank);
        let best = self.candidates.iter().map(key).min()?;
        self.candidates
            .iter()
            .find(|c| key(c) == best)
            .map(|c| c.date)
    }

    fn walk(&mut self, doc: &scraper::Html) {
        let mut stack = vec![Ctx::default()];
        for edge in doc.tree.root().traverse() {
            let ctx = stack.last().copied().unwrap_or_default();
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(el) => {
                        let inner = match ElementRef::wrap(node) {
                            Some(e) => self.element(e, el, ctx),
                            None => ctx,
                        };
                        stack.push(inner);
                    }
                    Node::Text(text) if !ctx.skip => self.text(text, ctx),
                    _ => {}
                },
                Edge::Close(node) => {
                    if node.value().is_element() {
                        stack.pop();
                    }
                }
            }
        }
    }

    /// Reads what an element declares; returns the context of its children.
    fn element(&mut self, e: ElementRef<'_>, el: &Element, mut ctx: Ctx) -> Ctx {
        let name = el.name();
        let itemprop = el.attr("itemprop").map(str::to_ascii_lowercase);
        let class_id = format!(
            "{} {}",
            el.attr("class").unwrap_or(""),
            el.attr("id").unwrap_or("")
        )
        .to_lowercase();
        match name {
            "script" => {
                ctx.skip = true;
                if el
                    .attr("type")
                    .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
                {
                    let json: String = e.text().collect();
                    self.json_ld(&json, ctx);
                }
                return ctx;
            }
            "style" | "noscript" | "template" | "svg" | "select" | "textarea" | "iframe" => {
                ctx.skip = true;
                return ctx;
            }
            "meta" => {
                self.meta(el);
                return ctx;
            }
            "link" => {
                if el
                    .attr("rel")
                    .is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
                    && self.canonical.is_none()
                {
                    self.canonical = el.attr("href").map(str::to_string);
                }
                return ctx;
            }
            "article" => ctx.article = true,
            "aside" | "nav" => ctx.boilerplate = true,
            "footer" if !ctx.article => ctx.boilerplate = true,
            // The page's header, unless it is the article's, with its headline.
            "header" if !ctx.article && !holds_headline(e) => ctx.boilerplate = true,
            _ => {}
        }
        if el.attr("itemtype").is_some_and(|t| {
            t.contains("Article") || t.contains("BlogPosting") || t.contains("Report")
        }) {
            ctx.article = true;
        }
        let words_say_boilerplate = BOILERPLATE_WORDS
            .iter()
            .any(|w| class_id.contains(w) && !(ctx.article && *w == "footer"));
        if !matches!(name, "html" | "body" | "main" | "article") && words_say_boilerplate {
            ctx.boilerplate = true;
        }
        let published =
            |s: &str| s.contains("publish") || s.contains("pubdate") || s.contains("entry-date");
        let modified =
            |s: &str| s.contains("modif") || s.contains("updat") || s.contains("aktualisiert");
        // A date the element declares in an attribute.
        let attr_date = el
            .attr("datetime")
            .or_else(|| el.attr("content"))
            .or_else(|| {
                if name == "abbr" {
                    el.attr("title")
                } else {
                    None
                }
            })
            .and_then(parse::machine);
        if let Some(prop) = itemprop.as_deref()
            && matches!(
                prop,
                "datepublished" | "datecreated" | "datemodified" | "uploaddate"
            )
        {
            let date = attr_date.or_else(|| self.short_text(e).and_then(|t| first_date(&t)));
            let rank = if prop == "datemodified" {
                Rank::Modified
            } else {
                Rank::ItemPublished
            };
            self.push(date, rank, ctx);
            ctx.read = true;
            return ctx;
        }
        if name == "time" || (name == "abbr" && attr_date.is_some()) {
            let date = attr_date.or_else(|| self.short_text(e).and_then(|t| first_date(&t)));
            let rank = if el.attr("pubdate").is_some() || published(&class_id) {
                Rank::ItemPublished
            } else if modified(&class_id) {
                Rank::Modified
            } else {
                Rank::Time
            };
            self.push(date, rank, ctx);
            ctx.read = true;
            return ctx;
        }
        if !ctx.read
            && !class_id.trim().is_empty()
            && DATE_CLASS_WORDS.iter().any(|w| class_id.contains(w))
            && let Some(text) = self.short_text(e)
        {
            let rank = if modified(&class_id) {
                Rank::Modified
            } else {
                Rank::DateElement
            };
            self.prose(&text, ctx, rank);
            ctx.read = true;
        }
        ctx
    }

    /// An element's text, when it is short enough to be a date line.
    fn short_text(&self, e: ElementRef<'_>) -> Option<String> {
        let mut text = String::new();
        for t in e.text() {
            text.push_str(t);
            if text.len() > 200 {
                return None;
            }
        }
        Some(text)
    }

    fn text(&mut self, text: &str, ctx: Ctx) {
        if ctx.read {
            return;
        }
        self.prose(text, ctx, Rank::Text);
    }

    /// The dates of a piece of text, ranked by the words before them.
    fn prose(&mut self, text: &str, ctx: Ctx, rank: Rank) {
        let mut from = 0;
        for f in parse::in_text(text) {
            let before = text.get(from..f.start).unwrap_or("");
            let mut window = std::mem::take(&mut self.recent);
            window.push(' ');
            window.push_str(before);
            let rank = match said(&window) {
                Some(Said::Published) => rank.min(Rank::TextPublished),
                Some(Said::Modified) => Rank::Modified,
                None => rank,
            };
            self.push(Some(f.date), rank, ctx);
            from = f.end;
        }
        // Only the text after the last date can speak for the next one.
        let rest = text.get(from..).unwrap_or("");
        if from > 0 {
            self.recent.clear();
        }
        self.recent.push(' ');
        self.recent.push_str(rest.trim());
        if self.recent.len() > 120 {
            let mut cut = self.recent.len() - 80;
            while !self.recent.is_char_boundary(cut) {
                cut += 1;
            }
            self.recent.drain(..cut);
        }
    }

    fn meta(&mut self, el: &Element) {
        let Some(content) = el.attr("content") else {
            return;
        };
        let key = el
            .attr("property")
            .or_else(|| el.attr("name"))
            .or_else(|| el.attr("itemprop"))
            .or_else(|| el.attr("http-equiv"))
            .unwrap_or("")
            .to_ascii_lowercase();
        if key == "og:url" && self.canonical.is_none() {
            self.canonical = Some(content.to_string());
            return;
        }
        let rank = match key.as_str() {
            "article:published_time"
            | "article:published"
            | "og:published_time"
            | "og:article:published_time"
            | "article.published"
            | "published_time"
            | "published-time"
            | "publication_date"
            | "publication-date"
            | "publish_date"
            | "publish-date"
            | "publishdate"
            | "publishing_date"
            | "pubdate"
            | "datepublished"
            | "date_published"
            | "datecreated"
            | "dc.date.issued"
            | "dcterms.issued"
            | "dc.date.created"
            | "dcterms.created"
            | "dc.created"
            | "sailthru.date"
            | "parsely-pub-date"
            | "citation_publication_date"
            | "citation_date"
            | "originalpublicationdate"
            | "article_date_original"
            | "article.created"
            | "cxenseparse:recs:publishtime"
            | "rnews:datepublished"
            | "bt:pubdate"
            | "og:pubdate"
            | "displaydate"
            | "release_date"
            | "creation_date"
            | "prism.publicationdate"
            | "shareaholic:article_published_time" => Rank::MetaPublished,
            "date" | "dc.date" | "dcterms.date" | "created" | "dc.date.available" => Rank::Declared,
            "article:modified_time"
            | "og:updated_time"
            | "og:article:modified_time"
            | "article:updated_time"
            | "last-modified"
            | "lastmod"
            | "dc.date.modified"
            | "dcterms.modified"
            | "datemodified"
            | "modified"
            | "revised" => Rank::Modified,
            _ => return,
        };
        self.push(parse::machine(content), rank, Ctx::default());
    }

    /// JSON-LD: `datePublished` of articles first, in `@graph` too.
    fn json_ld(&mut self, json: &str, ctx: Ctx) {
        match serde_json::from_str::<serde_json::Value>(json.trim()) {
            Ok(value) => self.json_value(&value, ctx, 0),
            Err(_) => {
                // Broken JSON (trailing commas, raw newlines in strings): the keys alone.
                for (key, rank) in [
                    ("\"datePublished\"", Rank::Declared),
                    ("\"dateCreated\"", Rank::Declared),
                    ("\"dateModified\"", Rank::Modified),
                ] {
                    let mut rest = json;
                    while let Some(i) = rest.find(key) {
                        rest = &rest[i + key.len()..];
                        let value = rest
                            .trim_start()
                            .strip_prefix(':')
                            .map(str::trim_start)
                            .and_then(|v| v.strip_prefix('"'))
                            .and_then(|v| v.split('"').next());
                        self.push(value.and_then(parse::machine), rank, ctx);
                    }
                }
            }
        }
    }

    fn json_value(&mut self, v: &serde_json::Value, ctx: Ctx, depth: usize) {
        if depth > 16 {
            return;
        }
        match v {
            serde_json::Value::Array(items) => {
                for item in items {
                    self.json_value(item, ctx, depth + 1);
                }
            }
            serde_json::Value::Object(map) => {
                let types: Vec<&str> = match map.get("@type") {
                    Some(serde_json::Value::String(t)) => vec![t.as_str()],
                    Some(serde_json::Value::Array(ts)) => {
                        ts.iter().filter_map(serde_json::Value::as_str).collect()
                    }
                    _ => Vec::new(),
                };
                let article = types.iter().any(|t| {
                    t.ends_with("Article")
                        || matches!(
                            *t,
                            "BlogPosting"
                                | "Report"
                                | "LiveBlogPosting"
                                | "SocialMediaPosting"
                                | "Blog"
                                | "Review"
                                | "PodcastEpisode"
                                | "Event"
                        )
                });
                let str_of = |k: &str| map.get(k).and_then(serde_json::Value::as_str);
                let published = str_of("datePublished").or_else(|| str_of("dateCreated"));
                let rank = if article {
                    Rank::LdArticle
                } else {
                    Rank::Declared
                };
                self.push(published.and_then(parse::machine), rank, ctx);
                self.push(
                    str_of("dateModified").and_then(parse::machine),
                    Rank::Modified,
                    ctx,
                );
                for (k, value) in map {
                    if matches!(
                        value,
                        serde_json::Value::Object(_) | serde_json::Value::Array(_)
                    ) && k != "publisher"
                        && k != "author"
                    {
                        self.json_value(value, ctx, depth + 1);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Whether an element holds the page's headline (`<h1>`).
fn holds_headline(e: ElementRef<'_>) -> bool {
    e.descendants()
        .filter_map(ElementRef::wrap)
        .any(|d| d.value().name() == "h1")
}

/// The first date of a text.
fn first_date(text: &str) -> Option<OffsetDateTime> {
    parse::in_text(text).first().map(|f| f.date)
}

enum Said {
    Published,
    Modified,
}

/// What the words right before a date say it is: the last such word counts.
fn said(before: &str) -> Option<Said> {
    let start = before.len().saturating_sub(60);
    let mut start = start;
    while !before.is_char_boundary(start) {
        start += 1;
    }
    let window = before[start..].to_lowercase();
    let last = |words: &[&str]| words.iter().filter_map(|w| window.rfind(w)).max();
    match (last(PUBLISHED_WORDS), last(MODIFIED_WORDS)) {
        (Some(p), Some(m)) if m > p => Some(Said::Modified),
        (Some(_), _) => Some(Said::Published),
        (None, Some(_)) => Some(Said::Modified),
        (None, None) => None,
    }
}
