//! What a page declares about itself: JSON-LD (`NewsArticle` and its kin), OpenGraph and
//! other `<meta>`, `<link rel=canonical>`, `<html lang>`; failing those, what its markup
//! shows (`<h1>`, `<title>`, bylines).

use scraper::{ElementRef, Html, Node};
use serde_json::Value;

use super::dom::Attributes;

/// What the page declares.
#[derive(Debug, Default)]
pub(crate) struct Metadata {
    pub(crate) title: Option<String>,
    pub(crate) authors: Vec<String>,
    pub(crate) source: Option<String>,
    pub(crate) url: Option<String>,
    pub(crate) language: Option<String>,
    /// Whether the page's `<title>` or `<h1>` says it is an error page ("404", "Seite
    /// nicht gefunden").
    pub(crate) error_page: bool,
}

/// What the page's `<head>` and markup hold, gathered in one pass.
#[derive(Debug, Default)]
struct Found {
    meta: Vec<(String, String)>,
    json_ld: Vec<Value>,
    canonical: Option<String>,
    lang: Option<String>,
    title_tag: Option<String>,
    h1: Vec<String>,
    rel_authors: Vec<String>,
    itemprop_authors: Vec<String>,
}

impl Found {
    /// The first non-empty `content` of a `<meta>` with that `property`/`name`/`http-equiv`.
    fn meta(&self, key: &str) -> Option<&str> {
        self.meta
            .iter()
            .find(|(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| v.trim())
    }
}

/// Reads what the page declares; `url` is the address it was fetched from.
pub(crate) fn metadata(doc: &Html, url: Option<&str>) -> Metadata {
    let found = find(doc);
    let article = found.json_ld.iter().find_map(|v| find_article(v, 0));
    let ld = |key: &str| article.and_then(|a| a.get(key));

    let source = found
        .meta("og:site_name")
        .map(str::to_string)
        .or_else(|| ld("publisher").and_then(name_of))
        .or_else(|| found.json_ld.iter().find_map(|v| site_name(v, 0)))
        .map(|s| collapse(&unescape(&s)))
        .filter(|s| !s.is_empty());

    let declared_title = ld("headline")
        .and_then(Value::as_str)
        .map(str::to_string)
        .or_else(|| found.meta("og:title").map(str::to_string))
        .or_else(|| found.meta("twitter:title").map(str::to_string))
        .or_else(|| found.meta("dc.title").map(str::to_string));
    let title = choose_title(&found, declared_title, source.as_deref());

    let mut authors = Vec::new();
    if let Some(a) = ld("author") {
        names_in(a, &mut authors);
    }
    for key in ["author", "article:author", "dc.creator", "sailthru.author"] {
        if let Some(a) = found.meta(key)
            && !a.contains("://")
        {
            authors.extend(a.split([',', ';']).map(str::to_string));
        }
    }
    authors.extend(found.itemprop_authors.iter().cloned());
    authors.extend(found.rel_authors.iter().cloned());
    let authors = clean_authors(authors);

    let page_url = found
        .canonical
        .clone()
        .or_else(|| found.meta("og:url").map(str::to_string))
        .or_else(|| url.map(str::to_string))
        .and_then(|u| absolute(u.trim(), url));

    let language = found
        .lang
        .as_deref()
        .and_then(iso_639_1)
        .or_else(|| found.meta("og:locale").and_then(iso_639_1))
        .or_else(|| found.meta("content-language").and_then(iso_639_1))
        .or_else(|| found.meta("dc.language").and_then(iso_639_1))
        .or_else(|| ld("inLanguage").and_then(Value::as_str).and_then(iso_639_1));

    let error_page = found
        .title_tag
        .iter()
        .chain(found.h1.iter())
        .any(|t| says_error(t));
    Metadata {
        title,
        authors,
        source,
        url: page_url,
        language,
        error_page,
    }
}

/// One pass over the page for what [`metadata`] reads.
fn find(doc: &Html) -> Found {
    let mut found = Found::default();
    for node in doc.tree.root().descendants() {
        let Node::Element(el) = node.value() else {
            continue;
        };
        match el.name() {
            "html" if found.lang.is_none() => {
                found.lang = el
                    .attribute("lang")
                    .or_else(|| el.attribute("xml:lang"))
                    .map(str::to_string);
            }
            "meta" => {
                let key = el
                    .attribute("property")
                    .or_else(|| el.attribute("name"))
                    .or_else(|| el.attribute("http-equiv"))
                    .or_else(|| el.attribute("itemprop"));
                if let (Some(key), Some(content)) = (key, el.attribute("content")) {
                    found
                        .meta
                        .push((key.trim().to_ascii_lowercase(), content.to_string()));
                }
            }
            "link" => {
                let rel = el.attribute("rel").unwrap_or_default();
                if rel
                    .split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
                    && found.canonical.is_none()
                {
                    found.canonical = el.attribute("href").map(str::to_string);
                }
            }
            "script"
                if el
                    .attribute("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                if let Some(e) = ElementRef::wrap(node) {
                    let text: String = e.text().collect();
                    if let Ok(v) = serde_json::from_str::<Value>(text.trim()) {
                        found.json_ld.push(v);
                    }
                }
            }
            "title" if found.title_tag.is_none() => {
                if let Some(e) = ElementRef::wrap(node) {
                    found.title_tag = Some(collapse(&e.text().collect::<String>()));
                }
            }
            "h1" => {
                if let Some(e) = ElementRef::wrap(node) {
                    let t = collapse(&e.text().collect::<String>());
                    if !t.is_empty() {
                        found.h1.push(t);
                    }
                }
            }
            "a" if el.attribute("rel").is_some_and(|r| {
                r.split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("author"))
            }) =>
            {
                if let Some(e) = ElementRef::wrap(node) {
                    found.rel_authors.push(e.text().collect());
                }
            }
            _ => {}
        }
        if el.attribute("itemprop").is_some_and(|p| p == "author")
            && el.name() != "meta"
            && let Some(e) = ElementRef::wrap(node)
        {
            let named = e
                .descendants()
                .filter_map(ElementRef::wrap)
                .find(|d| d.value().attribute("itemprop") == Some("name"));
            let text: String = named.unwrap_or(e).text().collect();
            found.itemprop_authors.push(text);
        }
    }
    found
}

/// The headline: the declared one, else the page's `<h1>`, else its `<title>`; without the
/// site's name the `<title>` usually carries.
fn choose_title(found: &Found, declared: Option<String>, site: Option<&str>) -> Option<String> {
    let declared = declared
        .map(|t| collapse(&unescape(&t)))
        .filter(|t| !t.is_empty());
    // The page's own <h1> is the headline as a reader sees it, when it is the one the
    // page declares (or puts in its <title>) give or take a kicker or a site's name.
    let reference = declared.as_deref().or(found.title_tag.as_deref());
    if let Some(reference) = reference {
        let reference_words = words(reference);
        if let Some(h1) = found.h1.iter().find(|h| {
            let w = words(h);
            !w.is_empty() && {
                let shared = w.iter().filter(|x| reference_words.contains(x)).count();
                shared * 2 >= w.len() && shared * 3 >= reference_words.len()
            }
        }) {
            // A kicker or subtitle in the <h1> beside the declared headline: the
            // declared one, when the <h1> holds it whole.
            for t in [declared.as_deref(), found.title_tag.as_deref()]
                .into_iter()
                .flatten()
            {
                let t = strip_site(t, site);
                if t.len() < h1.len() && words(&t).len() >= 3 && h1.contains(t.as_str()) {
                    return Some(t);
                }
            }
            return Some(h1.clone());
        }
    }
    if let Some(t) = declared {
        return Some(strip_site(&t, site));
    }
    if let Some(t) = found.title_tag.as_deref().filter(|t| !t.is_empty()) {
        return Some(strip_site(t, site));
    }
    found.h1.first().cloned()
}

/// Whether a title names an HTTP error ("404", "Seite nicht gefunden", "Page not found").
fn says_error(title: &str) -> bool {
    let t = title.to_lowercase();
    words(&t)
        .iter()
        .any(|w| matches!(w.as_str(), "404" | "410" | "403" | "500"))
        || [
            "nicht gefunden",
            "not found",
            "existiert nicht",
            "nicht mehr verfügbar",
            "fehlerseite",
        ]
        .iter()
        .any(|p| t.contains(p))
}

/// A title's words, lower-case, without punctuation.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Text with HTML character references resolved (JSON-LD often carries them).
fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(rest.get(..at).unwrap_or_default());
        let after = rest.get(at + 1..).unwrap_or_default();
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = after.get(..e)?;
            let c = if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                char::from_u32(u32::from_str_radix(num, 16).ok()?)?
            } else if let Some(num) = name.strip_prefix('#') {
                char::from_u32(num.parse().ok()?)?
            } else {
                match name {
                    "amp" => '&',
                    "quot" => '"',
                    "apos" => '\'',
                    "lt" => '<',
                    "gt" => '>',
                    "nbsp" => ' ',
                    _ => return None,
                }
            };
            Some((c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = after.get(e + 1..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The title less a ` | Site`-like suffix (or `Site | ` prefix).
fn strip_site(title: &str, site: Option<&str>) -> String {
    const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " // "];
    for sep in SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let site_like = |part: &str| {
                site.is_some_and(|s| {
                    part.eq_ignore_ascii_case(s)
                        || part.to_lowercase().contains(&s.to_lowercase())
                        || s.to_lowercase().contains(&part.to_lowercase())
                })
            };
            if site_like(tail) || tail.chars().count() < head.chars().count() {
                return head.trim().to_string();
            }
            if let Some((first, rest)) = title.split_once(sep)
                && site_like(first)
            {
                return rest.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// The first article-like object of a JSON-LD value (through `@graph` and arrays).
fn find_article(v: &Value, depth: usize) -> Option<&serde_json::Map<String, Value>> {
    if depth > 4 {
        return None;
    }
    match v {
        Value::Array(items) => items.iter().find_map(|i| find_article(i, depth + 1)),
        Value::Object(o) => {
            let article = types_of(o).any(|t| {
                t.ends_with("Article")
                    || matches!(
                        t,
                        "BlogPosting" | "Report" | "LiveBlogPosting" | "SocialMediaPosting"
                    )
            });
            if article {
                return Some(o);
            }
            o.get("@graph")
                .and_then(|g| find_article(g, depth + 1))
                .or_else(|| o.get("mainEntity").and_then(|g| find_article(g, depth + 1)))
        }
        _ => None,
    }
}

/// The name of a JSON-LD `WebSite`/`Organization`/`NewsMediaOrganization`.
fn site_name(v: &Value, depth: usize) -> Option<String> {
    if depth > 4 {
        return None;
    }
    match v {
        Value::Array(items) => items.iter().find_map(|i| site_name(i, depth + 1)),
        Value::Object(o) => {
            if types_of(o).any(|t| matches!(t, "WebSite" | "NewsMediaOrganization"))
                && let Some(n) = o.get("name").and_then(Value::as_str)
            {
                return Some(n.to_string());
            }
            o.get("@graph").and_then(|g| site_name(g, depth + 1))
        }
        _ => None,
    }
}

/// A JSON-LD object's `@type`s.
fn types_of(o: &serde_json::Map<String, Value>) -> impl Iterator<Item = &str> {
    let t = o.get("@type");
    let one = t.and_then(Value::as_str);
    let many = t
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str);
    one.into_iter().chain(many)
}

/// The `name` of a JSON-LD thing (or the thing, if it is a string).
fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("name").and_then(Value::as_str).map(str::to_string),
        Value::Array(items) => items.iter().find_map(name_of),
        _ => None,
    }
}

/// The names in a JSON-LD `author` (a name, a `Person`, or a list of them).
fn names_in(v: &Value, into: &mut Vec<String>) {
    match v {
        Value::String(s) => into.push(s.clone()),
        Value::Object(o) => {
            if let Some(n) = o.get("name").and_then(Value::as_str) {
                into.push(n.to_string());
            }
        }
        Value::Array(items) => {
            for i in items.iter().take(20) {
                names_in(i, into);
            }
        }
        _ => {}
    }
}

/// Authors trimmed, without "Von"/"By", without addresses and duplicates.
fn clean_authors(raw: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in raw {
        let a = collapse(&unescape(&a));
        let a = ["Von ", "von ", "By ", "by "]
            .iter()
            .find_map(|p| a.strip_prefix(p))
            .unwrap_or(&a)
            .trim()
            .to_string();
        if a.is_empty() || a.chars().count() > 80 || a.contains("://") || a.contains('@') {
            continue;
        }
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&a)) {
            out.push(a);
        }
    }
    out
}

/// A language tag (`de-DE`, `de_AT`, `deu`, `German`) as ISO 639-1 (`de`).
fn iso_639_1(tag: &str) -> Option<String> {
    let primary = tag
        .trim()
        .split(['-', '_', ',', ' ', ';'])
        .next()?
        .to_ascii_lowercase();
    let code = match primary.as_str() {
        "deu" | "ger" | "german" | "deutsch" => "de",
        "eng" | "english" => "en",
        "fra" | "fre" | "french" => "fr",
        "ita" | "italian" => "it",
        "spa" | "spanish" => "es",
        "nld" | "dut" | "dutch" => "nl",
        p if p.len() == 2 && p.bytes().all(|b| b.is_ascii_lowercase()) => p,
        _ => return None,
    };
    Some(code.to_string())
}

/// Whitespace collapsed to single spaces, trimmed.
pub(crate) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `href` made absolute against `base` (an absolute `http(s)` address), or `None` when it
/// cannot be.
pub(crate) fn absolute(href: &str, base: Option<&str>) -> Option<String> {
    if href.is_empty() {
        return base.map(str::to_string);
    }
    let lower = href.get(..8).unwrap_or(href).to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return Some(href.to_string());
    }
    let base = base?;
    let (scheme, rest) = base.split_once("://")?;
    if let Some(net) = href.strip_prefix("//") {
        return Some(format!("{scheme}://{net}"));
    }
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let origin = format!("{scheme}://{}", rest.get(..host_end)?);
    if href.starts_with('/') {
        return Some(format!("{origin}{href}"));
    }
    let path = rest.get(host_end..).unwrap_or_default();
    let path = path.split(['?', '#']).next().unwrap_or_default();
    if href.starts_with('?') {
        return Some(format!("{origin}{path}{href}"));
    }
    let dir = path.rsplit_once('/').map_or("", |(d, _)| d);
    let mut segments: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    let (href_path, tail) = match href.find(['?', '#']) {
        Some(i) => href.split_at(i),
        None => (href, ""),
    };
    let parts: Vec<&str> = href_path.split('/').collect();
    let last = parts.len().saturating_sub(1);
    for (i, part) in parts.iter().enumerate() {
        match *part {
            "." => {}
            ".." => {
                segments.pop();
            }
            p if p.is_empty() && i != last => {}
            p => segments.push(p),
        }
    }
    Some(format!("{origin}/{}{tail}", segments.join("/")))
}
