//! The main text of a page, told from navigation, teasers, comments and footers by how pages
//! are built (trafilatura's, readability's and jusText's approaches, in one pass over the
//! DOM and some sums):
//!
//! 1. The page's text is cut into blocks: the runs of text between block-level tags
//!    (paragraphs, headings, list items, cells, and text put straight into a `<div>`), each
//!    with how much of it is link text. What no reader sees and what is boilerplate by tag
//!    (`<nav>`, `<footer>`, `<aside>`, `<figure>`, `<time>`, forms, scripts) is left out on
//!    the way; blocks inside elements whose `class`/`id` name boilerplate (menus, comments,
//!    sharing, cookies, newsletters, breadcrumbs, related articles, captions) are marked.
//! 2. Every block of prose (long enough, few links, not marked nearby) votes for the
//!    elements around it, the nearer the more (readability's scoring); an element's votes
//!    are weighed by its link density and by what its `class`/`id`/`itemprop` name it.
//! 3. The best-voted element is widened to hold the article whole: to the nearest element
//!    around it and an almost as good one, to the container named the article's body (or
//!    the `<article>`) around it, and by siblings that hold prose or are built like it.
//!    A lead above it comes in too.
//! 4. Its blocks are the main text, less those that are mostly links, marked as
//!    boilerplate inside it, teasers for other pages, dates and labels, headings over
//!    nothing kept, and short furniture at the end. When that is little beside the prose
//!    the whole page holds, the page's prose is taken instead.
//! 5. Under [`MIN_ARTICLE_CHARS`] characters, the page holds no article.

use ego_tree::NodeId;
use ego_tree::iter::Edge;
use rustc_hash::FxHashMap;
use scraper::{Html, Node};

use super::dom::Attributes;

/// Chosen text shorter than this is checked against all the page's prose.
const FALLBACK_BELOW: usize = 1500;
/// How many times more prose the page must hold for it to be taken instead.
const FALLBACK_RATIO: usize = 2;

/// Fewer characters than this in the chosen text means the page holds no article.
const MIN_ARTICLE_CHARS: usize = 100;

/// A run of text between block-level tags.
#[derive(Debug)]
struct Block {
    /// The element whose text it is.
    owner: NodeId,
    /// The text, whitespace collapsed.
    text: String,
    /// Its characters (not counting spaces).
    chars: usize,
    /// How many of them are inside links.
    link_chars: usize,
    /// Whether the owner is a heading.
    heading: bool,
    /// The innermost element around it (or the owner) whose name says boilerplate, how
    /// many levels above the owner it is, and whether it is named a comment.
    boiler: Option<(NodeId, usize, bool)>,
}

impl Block {
    fn link_density(&self) -> f32 {
        self.link_chars as f32 / self.chars.max(1) as f32
    }
}

/// The main text of the page, paragraphs separated by blank lines, or `None` when it holds
/// no article.
pub(crate) fn main_text(doc: &Html) -> Option<String> {
    let blocks = blocks(doc);
    if blocks.is_empty() {
        return None;
    }
    let (roots, tally) = article_roots(doc, &blocks)?;
    // The blocks of the article, and whether each is kept.
    let mut chosen: Vec<(&Block, bool)> = Vec::new();
    let scope = article_scope(doc, roots.first().copied());
    let mut seen_root = false;
    for block in &blocks {
        if !within(doc, block.owner, &roots) {
            // A lead (or subtitle) above the article's body, in the same <article>.
            let lead = !seen_root
                && !block.heading
                && block.chars >= 50
                && block.link_density() < 0.2
                && block.boiler.is_none()
                && scope.is_some_and(|s| within(doc, block.owner, &[s]));
            if lead {
                chosen.push((block, true));
            }
            continue;
        }
        seen_root = true;
        // Boilerplate by name counts inside the article only: a page's layout may well
        // call the column that holds it `right-sidebar`.
        if let Some((boiler, _, _)) = block.boiler
            && !roots.contains(&boiler)
            && within(doc, boiler, &roots)
        {
            continue;
        }
        let max_links = if block.heading { 0.6 } else { 0.5 };
        let stub = !block.heading && block.chars < STUB;
        let keep = block.link_density() <= max_links
            && !dateline(block)
            && !stub
            && !in_teaser(doc, block, &roots, &tally);
        chosen.push((block, keep));
    }
    // A heading stays only above text that stays ("Mehr zum Thema" over a list of links
    // goes with the list), and a short line ("Lesen Sie auch:") only above what stays.
    for i in 0..chosen.len() {
        let (block, kept) = chosen[i];
        if kept && (block.heading || block.chars < 30) {
            let next = chosen.get(i + 1);
            chosen[i].1 = if block.heading {
                next.is_some_and(|&(b, kept)| kept && !b.heading)
            } else {
                next.is_none_or(|&(_, kept)| kept)
            };
        }
    }
    let mut kept: Vec<&Block> = chosen.iter().filter(|c| c.1).map(|c| c.0).collect();
    // Short lines after the last paragraph are the article's furniture ("Jetzt teilen!",
    // "Titelbild:"), not its text.
    while kept.last().is_some_and(|b| {
        b.chars < 40 && !b.text.ends_with(['.', '!', '?', '"', '“', '”', '«', '»'])
    }) {
        kept.pop();
    }
    let mut chars: usize = kept.iter().map(|b| b.chars).sum();
    // When what was chosen is little beside the prose the whole page holds, the choice
    // went wrong (an article in many unrelated boxes): the page's prose is the article
    // (jusText's approach).
    if chars < FALLBACK_BELOW {
        let prose: Vec<&Block> = blocks
            .iter()
            .filter(|b| {
                !b.heading && b.chars >= 50 && b.link_density() < 0.25 && b.boiler.is_none()
            })
            .collect();
        let prose_chars: usize = prose.iter().map(|b| b.chars).sum();
        if prose_chars > chars * FALLBACK_RATIO {
            kept = prose;
            chars = prose_chars;
        }
    }
    if chars < MIN_ARTICLE_CHARS {
        return None;
    }
    let mut out = String::new();
    for block in kept {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&block.text);
    }
    Some(out)
}

/// How far above the article's body a lead is looked for, without an `<article>`.
const LEAD_LEVELS: usize = 3;

/// The `<article>` (or schema.org `Article`) around the article's body, if near, else
/// the element [`LEAD_LEVELS`] above it.
fn article_scope(doc: &Html, root: Option<NodeId>) -> Option<NodeId> {
    let root = doc.tree.get(root?)?;
    let inner = |a: &ego_tree::NodeRef<'_, Node>| {
        a.value()
            .as_element()
            .is_some_and(|e| !matches!(e.name(), "html" | "body"))
    };
    root.ancestors()
        .take(5)
        .take_while(inner)
        .find(|a| {
            a.value().as_element().is_some_and(|e| {
                e.name() == "article"
                    || e.attribute("itemtype")
                        .is_some_and(|t| t.contains("Article"))
            })
        })
        .or_else(|| root.ancestors().take(LEAD_LEVELS).take_while(inner).last())
        .map(|a| a.id())
}

/// Lines shorter than this, not headings, are labels and buttons ("Kontakt:", "Bild
/// anzeigen"), not text.
const STUB: usize = 10;

/// Whether a block is a short line of mostly digits: a date, a time, a figure's number.
fn dateline(block: &Block) -> bool {
    block.chars < 30 && {
        let letters = block.text.chars().filter(|c| c.is_alphabetic()).count();
        letters * 2 < block.chars
    }
}

/// Whether the node is one of the roots or inside one.
fn within(doc: &Html, node: NodeId, roots: &[NodeId]) -> bool {
    let mut current = doc.tree.get(node);
    while let Some(n) = current {
        if roots.contains(&n.id()) {
            return true;
        }
        current = n.parent();
    }
    false
}

/// What is summed up for an element from the blocks inside it.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    chars: usize,
    link_chars: usize,
    score: f32,
}

/// The elements that hold the article: the best-voted one and its siblings that hold prose.
fn article_roots(doc: &Html, blocks: &[Block]) -> Option<(Vec<NodeId>, Tallies)> {
    let mut tally: FxHashMap<NodeId, Tally> = FxHashMap::default();
    for block in blocks {
        let Some(owner) = doc.tree.get(block.owner) else {
            continue;
        };
        let near_boilerplate = block.boiler.is_some_and(|(_, levels, _)| levels <= 3);
        let prose =
            !block.heading && !near_boilerplate && block.chars >= 25 && block.link_density() < 0.5;
        let score = if prose {
            let commas = block.text.matches([',', '.', ';']).count().min(10);
            1.0 + commas as f32 * 0.5 + (block.chars as f32 / 100.0).min(10.0)
        } else {
            0.0
        };
        // Characters count for the owner and everything around it; votes go to the three
        // elements above the owner.
        for (level, node) in std::iter::once(owner).chain(owner.ancestors()).enumerate() {
            let t = tally.entry(node.id()).or_default();
            t.chars += block.chars;
            t.link_chars += block.link_chars;
            t.score += match level {
                0 => 0.0,
                1 => score,
                2 => score / 2.0,
                3 => score / 3.0,
                _ => 0.0,
            };
        }
    }
    let mut best: Option<(NodeId, f32)> = None;
    let mut weighed: FxHashMap<NodeId, f32> = FxHashMap::default();
    for (&id, t) in &tally {
        if t.score <= 0.0 {
            continue;
        }
        let Some(node) = doc.tree.get(id) else {
            continue;
        };
        let Some(el) = node.value().as_element() else {
            continue;
        };
        if matches!(el.name(), "html" | "body") {
            continue;
        }
        let density = t.link_chars as f32 / t.chars.max(1) as f32;
        let w = t.score * (1.0 + class_weight(el)) * (1.0 - density);
        weighed.insert(id, w);
        if best.is_none_or(|(_, b)| w > b) {
            best = Some((id, w));
        }
    }
    let (mut top, top_score) = best?;
    // Prose split over neighbouring containers (a lead and a body, fields of a CMS): the
    // nearest element holding the top one and another almost as good one, if near enough.
    let ancestors: Vec<NodeId> = doc
        .tree
        .get(top)?
        .ancestors()
        .take(8)
        .filter(|a| {
            a.value()
                .as_element()
                .is_some_and(|e| !matches!(e.name(), "html" | "body"))
        })
        .map(|a| a.id())
        .collect();
    let mut rivals: Vec<(NodeId, f32)> = weighed
        .iter()
        .filter(|&(&id, &w)| id != top && w >= top_score * 0.3)
        .map(|(&id, &w)| (id, w))
        .collect();
    rivals.sort_unstable_by(|a, b| b.1.total_cmp(&a.1));
    for (rival, _) in rivals.into_iter().take(4) {
        let Some(rival_node) = doc.tree.get(rival) else {
            continue;
        };
        // Rivals around the top one hold it already; those inside it are its own prose.
        if ancestors.contains(&rival) || rival_node.ancestors().any(|a| a.id() == top) {
            continue;
        }
        if let Some(common) = rival_node.ancestors().find(|a| ancestors.contains(&a.id())) {
            top = common.id();
            break;
        }
    }
    // A container the page names as the article's body (or an <article>) around the best
    // one holds all of it: page builders cut an article into rows and columns.
    if let Some(named) = doc
        .tree
        .get(top)?
        .ancestors()
        .take_while(|a| {
            a.value()
                .as_element()
                .is_some_and(|e| !matches!(e.name(), "html" | "body"))
        })
        .filter(|a| a.value().as_element().is_some_and(names_article))
        .last()
    {
        top = named.id();
    }
    let named = doc
        .tree
        .get(top)?
        .value()
        .as_element()
        .is_some_and(names_article);
    let top_node = doc.tree.get(top)?;
    let mut roots = vec![top];
    // Siblings that hold prose too (readability's sibling step).
    if let Some(parent) = top_node.parent() {
        let threshold = (top_score * 0.2).max(10.0);
        for sibling in parent.children() {
            if sibling.id() == top {
                continue;
            }
            let id = sibling.id();
            let w = weighed.get(&id).copied().unwrap_or(0.0);
            let t = tally.get(&id).copied().unwrap_or_default();
            let density = t.link_chars as f32 / t.chars.max(1) as f32;
            let lone_paragraph = sibling
                .value()
                .as_element()
                .is_some_and(|e| e.name() == "p")
                && t.chars > 80
                && density < 0.25;
            if w >= threshold || lone_paragraph {
                roots.push(id);
            }
        }
    }
    // Containers built like the best one (or like one around it), beside it, holding prose:
    // the sections a page builder cut the article into.
    if !named {
        let mut node = top_node;
        for _ in 0..3 {
            let Some(parent) = node.parent() else {
                break;
            };
            if parent
                .value()
                .as_element()
                .is_none_or(|e| matches!(e.name(), "html" | "body"))
            {
                break;
            }
            let shape = shape_of(node.value());
            if shape.is_some() {
                for sibling in parent.children() {
                    let id = sibling.id();
                    if id == node.id() || roots.contains(&id) || shape_of(sibling.value()) != shape
                    {
                        continue;
                    }
                    let t = tally.get(&id).copied().unwrap_or_default();
                    let density = t.link_chars as f32 / t.chars.max(1) as f32;
                    if t.score > 0.0 && t.chars >= 100 && density < 0.3 {
                        roots.push(id);
                    }
                }
            }
            node = parent;
        }
    }
    Some((roots, tally))
}

/// What is summed up for each element.
type Tallies = FxHashMap<NodeId, Tally>;

/// Whether a block sits in a teaser for another page: an element named `teaser` (near
/// it, inside the article) that holds a link.
fn in_teaser(doc: &Html, block: &Block, roots: &[NodeId], tally: &Tallies) -> bool {
    let Some(owner) = doc.tree.get(block.owner) else {
        return false;
    };
    for node in std::iter::once(owner).chain(owner.ancestors()).take(4) {
        if roots.contains(&node.id()) {
            return false;
        }
        let Some(el) = node.value().as_element() else {
            continue;
        };
        if el
            .attribute("class")
            .is_some_and(|c| c.to_ascii_lowercase().contains("teaser"))
            && tally.get(&node.id()).is_some_and(|t| t.link_chars > 0)
        {
            return true;
        }
    }
    false
}

/// An element's tag and first class name, when it has a class.
fn shape_of(node: &Node) -> Option<(&str, &str)> {
    let el = node.as_element()?;
    let first = el.attribute("class")?.split_whitespace().next()?;
    Some((el.name(), first))
}

/// Whether an element is named the article's body (or is an `<article>`).
fn names_article(el: &scraper::node::Element) -> bool {
    if el.name() == "article" {
        return true;
    }
    if el
        .attribute("itemprop")
        .is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
    {
        return true;
    }
    let names = names_of(el);
    STRONG.iter().any(|s| names.contains(s))
}

/// Names of the article's body.
const STRONG: &[&str] = &[
    "articlebody",
    "article-body",
    "article_body",
    "article__body",
    "article-text",
    "articletext",
    "article-content",
    "article__content",
    "articlecontent",
    "entry-content",
    "post-content",
    "postcontent",
    "post-body",
    "post-text",
    "story-body",
    "storybody",
    "text-content",
    "body-text",
    "bodytext",
    "artikel",
    "beitrag",
];

/// How an element's `class`, `id` and `itemprop` weigh its votes: a share to add (or take).
fn class_weight(el: &scraper::node::Element) -> f32 {
    let mut w = 0.0;
    if el
        .attribute("itemprop")
        .is_some_and(|p| p.eq_ignore_ascii_case("articleBody"))
    {
        w += 0.6;
    }
    if matches!(el.name(), "article" | "main") {
        w += 0.15;
    }
    let names = names_of(el);
    if names.is_empty() {
        return w;
    }

    const POSITIVE: &[&str] = &[
        "article", "body", "content", "entry", "main", "post", "text", "blog", "story", "inhalt",
    ];
    const NEGATIVE: &[&str] = &[
        "comment",
        "meta",
        "foot",
        "sidebar",
        "teaser",
        "related",
        "sponsor",
        "shout",
        "combx",
        "masthead",
        "promo",
        "scroll",
        "banner",
        "header",
        "infobox",
        "kommentar",
    ];
    if STRONG.iter().any(|s| names.contains(s)) {
        w += 0.5;
    } else if POSITIVE.iter().any(|s| names.contains(s)) {
        w += 0.25;
    }
    if NEGATIVE.iter().any(|s| names.contains(s)) {
        w -= 0.5;
    }
    w
}

/// An element's `class` and `id`, lower-case, space-separated.
fn names_of(el: &scraper::node::Element) -> String {
    let mut names = String::new();
    names_into(el, &mut names);
    names
}

/// [`names_of`] into a buffer kept for the next element (one allocation a page, not one
/// an element).
fn names_into(el: &scraper::node::Element, names: &mut String) {
    names.clear();
    for value in [el.attribute("class"), el.attribute("id")]
        .into_iter()
        .flatten()
    {
        if !names.is_empty() {
            names.push(' ');
        }
        let start = names.len();
        names.push_str(value);
        if let Some(added) = names.get_mut(start..) {
            added.make_ascii_lowercase();
        }
    }
}

/// Whether an element is left out with all it holds: what no reader sees, and boilerplate
/// by tag or by name.
fn pruned(el: &scraper::node::Element) -> bool {
    let name = el.name();
    if matches!(
        name,
        "head"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "nav"
            | "footer"
            | "aside"
            | "menu"
            | "button"
            | "select"
            | "option"
            | "textarea"
            | "input"
            | "label"
            | "iframe"
            | "svg"
            | "canvas"
            | "video"
            | "audio"
            | "object"
            | "embed"
            | "map"
            | "figure"
            | "figcaption"
            | "dialog"
            | "math"
            | "time"
            | "picture"
            | "fieldset"
            | "legend"
            | "datalist"
            | "output"
            | "progress"
            | "marquee"
            | "frameset"
            | "ins"
    ) {
        return true;
    }
    if matches!(name, "html" | "body" | "main") {
        return false;
    }
    if el.attribute("hidden").is_some() || el.attribute("aria-hidden").is_some_and(|v| v == "true")
    {
        return true;
    }
    if let Some(style) = el.attribute("style")
        && (squeezed_contains(style, "display:none")
            || squeezed_contains(style, "visibility:hidden"))
    {
        return true;
    }
    false
}

/// Whether `text`, without its whitespace and in ASCII lower case, holds `needle` (a
/// `style`'s `display: none`), without building that string: most elements with a style
/// hide nothing.
fn squeezed_contains(text: &str, needle: &str) -> bool {
    let mut squeezed = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase());
    loop {
        let mut from_here = squeezed.clone();
        if needle.chars().all(|n| from_here.next() == Some(n)) {
            return true;
        }
        if squeezed.next().is_none() {
            return false;
        }
    }
}

/// Whether an element's `class`/`id` name boilerplate (which counts only inside the
/// article, see [`main_text`]).
fn named_boilerplate(el: &scraper::node::Element, names: &str) -> bool {
    if matches!(el.name(), "html" | "body" | "main") {
        return false;
    }
    !names.is_empty() && boilerplate_name(names)
}

/// Whether a `class` name only files the page (WordPress's `category-*`, `tag-*`), saying
/// nothing of what the element is.
fn filing(name: &str) -> bool {
    ["category-", "tag-", "tags-", "kategorie-", "rubrik-"]
        .iter()
        .any(|p| name.starts_with(p))
}

/// Whether `class`/`id` names (lower-case) name boilerplate.
fn boilerplate_name(names: &str) -> bool {
    /// Found anywhere in the names.
    const ANYWHERE: &[&str] = &[
        "breadcrumb",
        "newsletter",
        "cookie",
        "sidebar",
        "comments",
        "comment-",
        "comment_",
        "commentlist",
        "kommentare",
        "social",
        "sharing",
        "share",
        "related",
        "navigation",
        "navbar",
        "footer",
        "advert",
        "recommend",
        "empfehlung",
        "outbrain",
        "taboola",
        "pagination",
        "skiplink",
        "screen-reader",
        "sr-only",
        "visually-hidden",
        "byline",
        "copyright",
        "caption",
        "credit",
        "bildunterschrift",
        "image",
        "picture",
        "img",
        "legend",
        "infobox",
        "tweet",
        "captcha",
        "citation",
        "snippet",
        "flyout",
        "bildnachweis",
        "subscribe",
        "banner",
    ];
    /// Found as the first or last word of a name (words between `-` and `_`).
    const WORDS: &[&str] = &[
        "nav",
        "menu",
        "ad",
        "ads",
        "tags",
        "meta",
        "print",
        "skip",
        "popup",
        "modal",
        "pager",
        "login",
        "search",
        "suche",
        "anzeige",
        "werbung",
        "sponsored",
        "promo",
        "author",
        "autor",
        "rating",
        "toolbar",
        "comment",
        "kommentar",
        "date",
        "datum",
        "dateline",
        "published",
        "updated",
    ];
    // One automaton for all of them: a contains() per word was a tenth of a page's time.
    static ANYWHERE_MATCHER: std::sync::LazyLock<Option<regex::Regex>> =
        std::sync::LazyLock::new(|| regex::Regex::new(&ANYWHERE.join("|")).ok());
    let anywhere = |name: &str| match &*ANYWHERE_MATCHER {
        Some(matcher) => matcher.is_match(name),
        None => ANYWHERE.iter().any(|w| name.contains(w)),
    };
    names.split_whitespace().filter(|n| !filing(n)).any(|name| {
        if anywhere(name) {
            return true;
        }
        let mut words = name.split(['-', '_']).filter(|w| !w.is_empty());
        let first = words.next();
        let last = words.next_back();
        first.is_some_and(|w| WORDS.contains(&w)) || last.is_some_and(|w| WORDS.contains(&w))
    })
}

/// Whether a tag starts a new block of text.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "blockquote"
            | "body"
            | "center"
            | "dd"
            | "details"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "li"
            | "main"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "ul"
    )
}

/// The text being gathered for the current block.
#[derive(Default)]
struct Run {
    text: String,
    chars: usize,
    link_chars: usize,
    space: bool,
}

impl Run {
    fn push_text(&mut self, text: &str, in_link: bool) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.space = true;
                continue;
            }
            if self.space && !self.text.is_empty() {
                self.text.push(' ');
            }
            self.space = false;
            self.text.push(c);
            self.chars += 1;
            if in_link {
                self.link_chars += 1;
            }
        }
    }

    fn line_break(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.text.push('\n');
        }
        self.space = false;
    }

    fn take(&mut self, owner: &Open, boilers: &[(NodeId, usize, bool)], into: &mut Vec<Block>) {
        let run = std::mem::take(self);
        if run.chars > 0 {
            into.push(Block {
                owner: owner.id,
                text: run.text.trim_end().to_string(),
                chars: run.chars,
                link_chars: run.link_chars,
                heading: owner.heading,
                boiler: boilers
                    .last()
                    .map(|&(id, depth, comment)| (id, owner.depth.saturating_sub(depth), comment)),
            });
        }
    }
}

/// An open block-level element.
struct Open {
    id: NodeId,
    heading: bool,
    depth: usize,
}

/// The page's visible, not boilerplate text, cut into blocks, in document order.
fn blocks(doc: &Html) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut run = Run::default();
    // The open block-level elements, innermost last.
    let mut owners: Vec<Open> = Vec::new();
    // The open elements named boilerplate, and their depths.
    let mut boilers: Vec<(NodeId, usize, bool)> = Vec::new();
    let mut depth = 0usize;
    let mut links = 0usize;
    let mut skip: Option<NodeId> = None;
    let mut names = String::new();
    let root = doc.tree.root();
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => run.push_text(t, links > 0),
                    Node::Element(el) => {
                        if pruned(el) {
                            skip = Some(node.id());
                            continue;
                        }
                        depth += 1;
                        let name = el.name();
                        if is_block(name) {
                            if let Some(owner) = owners.last() {
                                run.take(owner, &boilers, &mut blocks);
                            } else {
                                run = Run::default();
                            }
                            owners.push(Open {
                                id: node.id(),
                                heading: matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6"),
                                depth,
                            });
                        }
                        names_into(el, &mut names);
                        if named_boilerplate(el, &names) {
                            let comment = names.contains("comment")
                                && !names.contains("commentary")
                                || names.contains("kommentare");
                            boilers.push((node.id(), depth, comment));
                        }
                        if name == "a" {
                            links += 1;
                        } else if name == "br" {
                            run.line_break();
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(s) = skip {
                    if s == node.id() {
                        skip = None;
                    }
                    continue;
                }
                if let Node::Element(el) = node.value() {
                    let name = el.name();
                    if is_block(name) {
                        if let Some(owner) = owners.pop() {
                            run.take(&owner, &boilers, &mut blocks);
                        }
                    } else if name == "a" {
                        links = links.saturating_sub(1);
                    }
                    if boilers.last().is_some_and(|&(id, _, _)| id == node.id()) {
                        boilers.pop();
                    }
                    depth = depth.saturating_sub(1);
                }
            }
        }
    }
    unname_prose_holders(&mut blocks);
    blocks
}

/// Forgets a boilerplate name on elements that hold several paragraphs of prose themselves
/// (a theme's `social-sticky` wrapper around the article), unless they are named comments.
fn unname_prose_holders(blocks: &mut [Block]) {
    let mut prose: FxHashMap<NodeId, (usize, usize)> = FxHashMap::default();
    for b in blocks.iter() {
        if let Some((id, _, false)) = b.boiler
            && !b.heading
            && b.chars >= 80
            && b.link_density() < 0.3
        {
            let e = prose.entry(id).or_default();
            e.0 += b.chars;
            e.1 += 1;
        }
    }
    for b in blocks.iter_mut() {
        if let Some((id, _, _)) = b.boiler
            && prose
                .get(&id)
                .is_some_and(|&(chars, n)| chars >= 600 && n >= 3)
        {
            b.boiler = None;
        }
    }
}

#[cfg(test)]
mod diagnose {
    use super::*;

    /// `NACHLESE_DIAGNOSE=../shared/data/web-pages cargo test --lib diagnose -- --nocapture`:
    /// why each missed segment was missed.
    #[test]
    fn diagnose() {
        let Some(dir) = std::env::var_os("NACHLESE_DIAGNOSE").map(std::path::PathBuf::from) else {
            return;
        };
        let ann: serde_json::Value = serde_json::from_slice(
            &std::fs::read(dir.join("trafilatura.json")).unwrap_or_default(),
        )
        .unwrap_or_default();
        let norm = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut counts: FxHashMap<&'static str, usize> = FxHashMap::default();
        for page in ann["pages"].as_array().into_iter().flatten() {
            let file = page["file"].as_str().unwrap_or_default();
            let bytes = std::fs::read(dir.join(file)).unwrap_or_default();
            let text = crate::corpus::html::encoding::decode(&bytes, None);
            let doc = Html::parse_document(&text);
            let body = main_text(&doc).map(|b| norm(&b)).unwrap_or_default();
            let blocks = blocks(&doc);
            let roots = article_roots(&doc, &blocks)
                .map(|r| r.0)
                .unwrap_or_default();
            for (key, want) in [("with", true), ("without", false)] {
                for seg in page[key]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|s| s.as_str())
                {
                    let seg = norm(seg);
                    if body.contains(&seg) == want {
                        continue;
                    }
                    let block = blocks.iter().find(|b| norm(&b.text).contains(&seg));
                    let why = match block {
                        None => "not in one block (pruned, or across blocks)",
                        Some(b) if !within(&doc, b.owner, &roots) => "outside the roots",
                        Some(b) if b.link_density() > 0.5 => "inside, link-dense",
                        Some(b) if b.boiler.is_some() => "inside, named boilerplate",
                        Some(_) => "inside, kept",
                    };
                    let why: &'static str = if want {
                        why
                    } else {
                        ["fp: ", why].concat().leak()
                    };
                    *counts.entry(why).or_default() += 1;
                    let chain: Vec<String> = block
                        .and_then(|b| doc.tree.get(b.owner))
                        .map(|n| {
                            std::iter::once(n)
                                .chain(n.ancestors())
                                .take(4)
                                .filter_map(|a| {
                                    a.value()
                                        .as_element()
                                        .map(|e| format!("{}.{}", e.name(), names_of(e)))
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                    eprintln!("{why:45} {file}: {seg} <- {}", chain.join(" < "));
                }
            }
        }
        eprintln!("{counts:#?}");
    }
}
