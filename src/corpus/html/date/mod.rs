//! The publication date of a page: declared in its markup first, then read off its address
//! and text, with plausibility checks (htmldate's approach).
//!
//! One walk over the page, in document order, gathers every date it holds with what vouches
//! for it ([`Rank`]): `<meta>` properties, JSON-LD `datePublished` (in `@graph` too),
//! `itemprop`, `<time>`, `<abbr>`, elements whose class or id says date, and dates in the text,
//! after words such as "veröffentlicht" or "aktualisiert" or anywhere. Dates outside 1995 to
//! today are dropped; those in comments, sidebars, teasers, navigation and the page's header
//! and footer count only when nothing else is left.
//!
//! Then: a full date in the page's address (`/2024/02/18/`) wins outright, as in htmldate.
//! Otherwise the best-vouched date; among equals the first with a time of day, else the
//! first. Where declarations disagree, the one whose date the page also shows wins (a stale
//! `article:published_time` against the date under the headline), and a UTC time the page
//! also gives in its own zone is read in that zone.

mod parse;

use ego_tree::iter::Edge;
use scraper::node::Element;
use scraper::{ElementRef, Node};
use time::{Date, Duration, OffsetDateTime};

use super::dom::Attributes;

/// What vouches for a date, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    /// `<meta>` naming the publication time (`article:published_time`, …).
    MetaPublished,
    /// JSON-LD `datePublished` of an article (`NewsArticle`, `BlogPosting`, …).
    LdArticle,
    /// `itemprop=datePublished`, `<time pubdate>`, `class=published` in the body.
    ItemPublished,
    /// An element whose class or id says date (`entry-date`, `datum`, `post-meta`).
    DateElement,
    /// In the text, after "veröffentlicht", "erschienen", "Datum:", ….
    TextPublished,
    /// A `<time>` element.
    Time,
    /// JSON-LD `datePublished` of something else (`WebPage`), or a plain `<meta name=date>`.
    Declared,
    /// Anywhere in the text.
    Text,
    /// What the page says it was changed on (`dateModified`, "aktualisiert").
    Modified,
}

impl Rank {
    /// Declared in markup for machines, not necessarily shown.
    fn is_declaration(self) -> bool {
        matches!(
            self,
            Rank::MetaPublished | Rank::LdArticle | Rank::ItemPublished | Rank::Declared
        )
    }

    /// Shown to readers as a date of the page.
    fn is_shown(self) -> bool {
        matches!(
            self,
            Rank::DateElement | Rank::TextPublished | Rank::Time | Rank::Text
        )
    }
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
            .filter(|c| c.rank.is_declaration() && !c.boilerplate && c.date.date() == date)
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

/// Class and id words of comments, sidebars, teasers and navigation (and `footer`, which
/// counts only outside the article).
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
    "cookie",
];
/// Class and id words of elements that hold a date.
const DATE_CLASS_WORDS: &[&str] = &[
    "date", "datum", "time", "zeit", "publi", "posted", "veroeff", "byline", "meta", "stand",
    "created", "erstellt",
];

/// An automaton for any of `words`: a `contains` per word and element was a tenth of the time
/// a page takes.
fn any_of(words: &[&str]) -> Option<regex::Regex> {
    regex::Regex::new(&words.join("|")).ok()
}

static BOILERPLATE_MATCHER: std::sync::LazyLock<Option<regex::Regex>> =
    std::sync::LazyLock::new(|| any_of(BOILERPLATE_WORDS));
static DATE_CLASS_MATCHER: std::sync::LazyLock<Option<regex::Regex>> =
    std::sync::LazyLock::new(|| any_of(DATE_CLASS_WORDS));

/// Whether `class_id` holds one of `words`, through `matcher` where it could be built.
fn holds_any(matcher: &Option<regex::Regex>, words: &[&str], class_id: &str) -> bool {
    match matcher {
        Some(m) => m.is_match(class_id),
        None => words.iter().any(|w| class_id.contains(w)),
    }
}

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

    /// The best-vouched date outside boilerplate, else in it; among equals the first with a
    /// time of day, else the first.
    fn best(&self) -> Option<OffsetDateTime> {
        let key = |c: &Candidate| (c.boilerplate, c.rank);
        let best = self.candidates.iter().map(key).min()?;
        // Among equals, the first with a time of day (a timestamp), else the first.
        let mut equals = self.candidates.iter().filter(|c| key(c) == best);
        let first = equals.clone().next()?;
        let mut date = equals
            .find(|c| c.date.time() != time::Time::MIDNIGHT)
            .unwrap_or(first)
            .date;
        // Declarations that disagree: the best one whose date the page also shows.
        if !best.0 && best.1.is_declaration() {
            let shown = |d: OffsetDateTime| {
                self.candidates
                    .iter()
                    .any(|c| !c.boilerplate && c.rank.is_shown() && c.date.date() == d.date())
            };
            if !shown(date)
                && let Some(c) = self
                    .candidates
                    .iter()
                    .filter(|c| !c.boilerplate && c.rank.is_declaration() && shown(c.date))
                    .min_by_key(|c| c.rank)
            {
                date = c.date;
            }
        }
        // A time in UTC that the page also gives in its own zone: the page's date is the
        // local one (22:04 UTC is 00:04 the next day in Vienna).
        if date.offset().is_utc() && date.time() != time::Time::MIDNIGHT {
            let local = self
                .candidates
                .iter()
                .find(|c| !c.date.offset().is_utc() && c.date == date);
            if let Some(local) = local {
                return Some(local.date);
            }
        }
        Some(date)
    }

    fn walk(&mut self, doc: &scraper::Html) {
        let mut stack = vec![Ctx::default()];
        let mut class_id = String::new();
        for edge in doc.tree.root().traverse() {
            let ctx = stack.last().copied().unwrap_or_default();
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(el) => {
                        let inner = match ElementRef::wrap(node) {
                            Some(e) => {
                                class_id_into(el, &mut class_id);
                                self.element(e, el, &class_id, ctx)
                            }
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
    fn element(&mut self, e: ElementRef<'_>, el: &Element, class_id: &str, mut ctx: Ctx) -> Ctx {
        let name = el.name();
        let itemprop = el.attribute("itemprop");
        match name {
            "script" => {
                ctx.skip = true;
                if el
                    .attribute("type")
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
                self.meta(el, ctx);
                return ctx;
            }
            "link" => {
                if el
                    .attribute("rel")
                    .is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
                    && self.canonical.is_none()
                {
                    self.canonical = el.attribute("href").map(str::to_string);
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
        if el.attribute("itemtype").is_some_and(|t| {
            t.contains("Article") || t.contains("BlogPosting") || t.contains("Report")
        }) {
            ctx.article = true;
        }
        // An article's own footer (author, date) is no boilerplate.
        let words_say_boilerplate = !class_id.is_empty()
            && (holds_any(&BOILERPLATE_MATCHER, BOILERPLATE_WORDS, class_id)
                || (!ctx.article && class_id.contains("footer")));
        if !matches!(name, "html" | "body" | "main" | "article") && words_say_boilerplate {
            ctx.boilerplate = true;
        }
        let published =
            |s: &str| s.contains("publish") || s.contains("pubdate") || s.contains("entry-date");
        let modified =
            |s: &str| s.contains("modif") || s.contains("updat") || s.contains("aktualisiert");
        // A date the element declares in an attribute.
        let attr_date = el
            .attribute("datetime")
            .or_else(|| el.attribute("content"))
            .or_else(|| {
                if name == "abbr" {
                    el.attribute("title")
                } else {
                    None
                }
            })
            .and_then(parse::machine);
        if let Some(prop) = itemprop
            && ["datepublished", "datecreated", "datemodified", "uploaddate"]
                .iter()
                .any(|p| prop.eq_ignore_ascii_case(p))
        {
            let date = attr_date.or_else(|| self.short_text(e).and_then(|t| first_date(&t)));
            let rank = if prop.eq_ignore_ascii_case("datemodified") {
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
            let rank = if el.attribute("pubdate").is_some() || published(class_id) {
                Rank::ItemPublished
            } else if modified(class_id) {
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
            && holds_any(&DATE_CLASS_MATCHER, DATE_CLASS_WORDS, class_id)
            && let Some(text) = self.short_text(e)
        {
            let rank = if modified(class_id) {
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
            // Pieces apart ("Erstellt am" "09.02.2022"), whatever their markup.
            text.push_str(t);
            text.push(' ');
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

    fn meta(&mut self, el: &Element, ctx: Ctx) {
        let Some(content) = el.attribute("content") else {
            return;
        };
        let key = el
            .attribute("property")
            .or_else(|| el.attribute("name"))
            .or_else(|| el.attribute("itemprop"))
            .or_else(|| el.attribute("http-equiv"))
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
        self.push(parse::machine(content), rank, ctx);
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

/// An element's `class` and `id`, lower-case, into a buffer kept for the next element:
/// `"{class} {id}"`, or nothing when it has neither.
fn class_id_into(el: &Element, class_id: &mut String) {
    class_id.clear();
    let (class, id) = match (el.attribute("class"), el.attribute("id")) {
        (None, None) => return,
        (class, id) => (class.unwrap_or(""), id.unwrap_or("")),
    };
    if class.is_ascii() && id.is_ascii() {
        class_id.push_str(class);
        class_id.push(' ');
        class_id.push_str(id);
        class_id.make_ascii_lowercase();
    } else {
        class_id.push_str(&format!("{class} {id}").to_lowercase());
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

#[cfg(test)]
mod tests {
    use super::*;

    fn date_of(html: &str, url: Option<&str>) -> Option<String> {
        let doc = scraper::Html::parse_document(html);
        publication_date(&doc, url)
            .map(|d| format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()))
    }

    fn day(html: &str) -> Option<String> {
        date_of(html, None)
    }

    #[test]
    fn every_pattern_compiles() {
        parse::compile_all();
    }

    #[test]
    fn json_ld_date_published_of_an_article() {
        let html = r#"<html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[
              {"@type":"WebPage","datePublished":"2019-01-01T00:00:00+01:00"},
              {"@type":"NewsArticle","headline":"x","dateModified":"2024-02-19T08:00:00+01:00",
               "datePublished":"2024-02-18T14:30:00+01:00"}]}
            </script></head><body><p>Heute ist der 20.02.2024.</p></body></html>"#;
        assert_eq!(day(html).as_deref(), Some("2024-02-18"));
        // The page's own offset is kept.
        let doc = scraper::Html::parse_document(html);
        let d = publication_date(&doc, None).unwrap();
        assert_eq!(d.offset().whole_hours(), 1);
        assert_eq!((d.hour(), d.minute()), (14, 30));
    }

    #[test]
    fn broken_json_ld_still_gives_its_date() {
        let html = r#"<script type="application/ld+json">{"@type":"NewsArticle",
            "datePublished": "2021-05-04T10:00:00Z", }</script><p>1.1.2020</p>"#;
        assert_eq!(day(html).as_deref(), Some("2021-05-04"));
    }

    #[test]
    fn meta_published_time() {
        let html = r#"<html><head>
            <meta property="article:modified_time" content="2023-03-01T10:00:00Z">
            <meta property="article:published_time" content="2023-02-01T10:00:00Z">
            </head><body><p>Stand: 03.03.2023</p></body></html>"#;
        assert_eq!(day(html).as_deref(), Some("2023-02-01"));
        let dc = r#"<meta name="DC.date.issued" content="2015-08-25">"#;
        assert_eq!(day(dc).as_deref(), Some("2015-08-25"));
        let us = r#"<meta name="date" content="11/01/2023 12:43:42">"#;
        assert_eq!(day(us).as_deref(), Some("2023-11-01"));
    }

    #[test]
    fn time_elements_and_itemprop() {
        let html = r#"<article><h1>T</h1>
            <time class="updated" datetime="2020-02-12T09:00:00+01:00">12.02.2020</time>
            <time class="entry-date published" datetime="2020-02-05T09:00:00+01:00">5. Februar 2020</time>
            </article>"#;
        assert_eq!(day(html).as_deref(), Some("2020-02-05"));
        let item = r#"<div><span itemprop="datePublished" content="2017-07-24">24.7.</span></div>"#;
        assert_eq!(day(item).as_deref(), Some("2017-07-24"));
        let plain = r#"<p><time datetime="2018-06-10">10. Juni</time></p>"#;
        assert_eq!(day(plain).as_deref(), Some("2018-06-10"));
    }

    #[test]
    fn the_address() {
        let html = "<p>Kommentar vom 03.01.2020</p>";
        for (url, want) in [
            (
                "https://blog.example.de/2014/05/18/alles-neu/",
                "2014-05-18",
            ),
            (
                "https://example.de/news/2023-10-31-titel.html",
                "2023-10-31",
            ),
            ("https://example.de/a/20191017/titel", "2019-10-17"),
            ("https://example.de/meldung/~02-01-2022-titel", "2022-01-02"),
        ] {
            assert_eq!(date_of(html, Some(url)).as_deref(), Some(want), "{url}");
        }
        // Year and month alone, or a number that only starts like a day, are no date.
        assert_eq!(
            date_of(html, Some("https://example.de/2023/10/3-fragen/")).as_deref(),
            Some("2020-01-03")
        );
        // The canonical address counts where none is given.
        let canonical = r#"<link rel="canonical" href="https://x.de/2012/05/11/paris/"><p>x</p>"#;
        assert_eq!(day(canonical).as_deref(), Some("2012-05-11"));
    }

    #[test]
    fn german_and_english_text() {
        for (text, want) in [
            ("Veröffentlicht am 18. Februar 2024", "2024-02-18"),
            ("Stand: 18.02.2024 14:30 Uhr", "2024-02-18"),
            ("vom 3. Febr. 2011", "2011-02-03"),
            ("18. Jänner 2022", "2022-01-18"),
            ("Posted on February 18, 2024", "2024-02-18"),
            ("am 1.3.2019 um 12:00", "2019-03-01"),
            ("18 Feb. 2024", "2024-02-18"),
        ] {
            let html = format!("<div><h1>T</h1><p>{text}</p></div>");
            assert_eq!(day(&html).as_deref(), Some(want), "{text}");
        }
        // Version numbers are no dates.
        assert_eq!(day("<p>Version 1.2.10.4</p>"), None);
    }

    #[test]
    fn implausible_dates_are_rejected() {
        assert_eq!(day("<p>Gegründet am 12.03.1887</p>"), None);
        assert_eq!(day("<p>Geplant für den 1. Januar 2199</p>"), None);
        assert_eq!(
            day(r#"<meta property="article:published_time" content="0001-01-01">"#),
            None
        );
        assert_eq!(day("<p>31.02.2020</p>"), None);
    }

    #[test]
    fn published_is_preferred_over_modified() {
        let html = "<div><h1>T</h1><p>Aktualisiert am 20.03.2021</p>\
                    <p>Erstellt am 16.03.2021</p></div>";
        assert_eq!(day(html).as_deref(), Some("2021-03-16"));
        let only_modified = r#"<meta name="last-modified" content="2021-03-20"><p>x</p>"#;
        assert_eq!(day(only_modified).as_deref(), Some("2021-03-20"));
    }

    #[test]
    fn of_declarations_that_disagree_the_one_the_page_shows() {
        let html = r#"<head>
            <meta property="article:published_time" content="2021-12-14T15:41:07+01:00">
            <meta name="date" content="2022-02-04T15:33:00+01:00"></head>
            <body><h1>T</h1><p>Von A. Autor, 04.02.2022 15:33</p></body>"#;
        assert_eq!(day(html).as_deref(), Some("2022-02-04"));
        // A UTC time the page also gives in its own zone: that zone's day.
        let zones = r#"<head>
            <meta property="article:published_time" content="2019-10-18T22:04:00Z">
            <meta name="date" content="2019-10-19T00:04:00+02:00"></head><p>x</p>"#;
        assert_eq!(day(zones).as_deref(), Some("2019-10-19"));
    }

    #[test]
    fn a_date_element_read_as_a_whole() {
        let html = r#"<div class="articleCreationDate"><span>Erstellt am</span><span>09.02.2022</span></div>"#;
        assert_eq!(day(html).as_deref(), Some("2022-02-09"));
        let split =
            r#"<p class="post-date"><span>18.</span><span>Februar</span> <span>2024</span></p>"#;
        assert_eq!(day(split).as_deref(), Some("2024-02-18"));
    }

    #[test]
    fn comments_and_sidebars_count_last() {
        let html = r#"<body><div class="sidebar"><p>01.01.2023</p></div>
            <div id="content"><p>Ein Bericht vom 05.01.2023.</p></div>
            <div id="comments"><p>06.01.2023</p></div></body>"#;
        assert_eq!(day(html).as_deref(), Some("2023-01-05"));
        let teaser = r#"<body><aside><div itemscope itemtype="https://schema.org/NewsArticle">
            <meta itemprop="datePublished" content="2023-01-02"></div></aside>
            <div class="post-date">05.01.2023</div></body>"#;
        assert_eq!(day(teaser).as_deref(), Some("2023-01-05"));
        let only = r#"<div class="comment"><p>06.01.2023</p></div>"#;
        assert_eq!(day(only).as_deref(), Some("2023-01-06"));
    }

    #[test]
    fn nothing_from_a_page_panics() {
        for html in [
            "",
            "<meta name=date content=>",
            "<meta name=date content='99/99/9999 99:99'>",
            r#"<script type="application/ld+json">{"datePublished": 5}</script>"#,
            r#"<script type="application/ld+json">{"datePublished": "</script>"#,
            "<time datetime='2020-13-45T25:61:61+99:99'>x</time>",
            "<p>Ä 1.ü.2020 ß 31. Dezember 9999999999 März</p>",
        ] {
            let _ = day(html);
        }
    }
}
