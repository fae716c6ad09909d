//! Output for people at a terminal.

use std::io::{self, Write};
use std::ops::Range;

use nachlese::analysis::{AnalyzedToken, TermKind};
use nachlese::corpus::page::Extracted;
use nachlese::dates::{format_day, format_rfc3339};
use nachlese::index::Stats;
use nachlese::search::Timeline;
use nachlese::search::WordPlan;
use nachlese::temporal::Timex;
use nachlese::{CheckReport, SearchResults, StoredArticle, search};

use super::style::Style;

fn marked(style: &Style, text: &str, ranges: &[Range<usize>]) -> String {
    search::parts(text, ranges)
        .map(|(part, hit)| {
            if hit {
                style.matched(part)
            } else {
                part.to_string()
            }
        })
        .collect()
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The hit list: a summary line, then rank, date, title, id and snippet per hit.
pub fn search(out: &mut impl Write, style: &Style, results: &SearchResults) -> io::Result<()> {
    let shown = results.hits.len();
    let mut summary = plural(results.total, "hit", "hits");
    if let (Some(first), Some(last)) = (results.hits.first(), results.hits.last()) {
        if (shown as u64) < results.total {
            summary.push_str(&format!(", showing {}-{}", first.rank, last.rank));
        }
    } else if results.total > 0 {
        summary.push_str(", none on this page (see --offset)");
    }
    writeln!(out, "{}", style.dim(&summary))?;
    let width = results.hits.last().map_or(1, |h| h.rank.to_string().len());
    for hit in &results.hits {
        writeln!(out)?;
        writeln!(
            out,
            "{:>width$}. {}  {}",
            hit.rank,
            format_day(hit.date),
            style.title(&marked(style, &hit.title, &hit.title_highlights)),
        )?;
        let pad = " ".repeat(width + 2);
        let mut meta = hit.id.clone();
        if let Some(source) = &hit.source {
            meta.push_str(" · ");
            meta.push_str(source);
        }
        if !hit.authors.is_empty() {
            meta.push_str(" · by ");
            meta.push_str(&hit.authors.join(", "));
        }
        writeln!(out, "{pad}{}", style.dim(&meta))?;
        if !hit.snippet.text.is_empty() {
            writeln!(
                out,
                "{pad}{}",
                marked(style, &hit.snippet.text, &hit.snippet.highlights)
            )?;
        }
        if !hit.missing.is_empty() {
            writeln!(
                out,
                "{pad}{} {}",
                style.dim("fehlt:"),
                hit.missing.join(", ")
            )?;
        }
        if !hit.mentions.is_empty() {
            let listed: Vec<String> = hit
                .mentions
                .iter()
                .map(|m| format!("{} ({})", style.matched(&m.text), m.value))
                .collect();
            writeln!(out, "{pad}{} {}", style.dim("erwähnt:"), listed.join(", "))?;
        }
    }
    Ok(())
}

/// The temporal expressions of a text, one per line: value, type, offsets and the words.
pub fn timexes(out: &mut impl Write, style: &Style, found: &[Timex]) -> io::Result<()> {
    let width = found.iter().map(|t| t.value.len()).max().unwrap_or(0);
    for t in found {
        writeln!(
            out,
            "{:<width$}  {:<8}  {:>5}-{:<5}  {}",
            t.value,
            format!("{:?}", t.kind).to_uppercase(),
            t.start,
            t.end,
            style.matched(&t.text),
        )?;
    }
    Ok(())
}

/// Two bars per month: articles published then, and articles mentioning the month.
pub fn timeline(out: &mut impl Write, style: &Style, timeline: &Timeline) -> io::Result<()> {
    writeln!(
        out,
        "{}",
        style.dim(&format!(
            "{}; per month: {} published, {} mentioning it",
            plural(timeline.total, "article", "articles"),
            style.title("█"),
            style.matched("▒")
        ))
    )?;
    let max = timeline
        .months
        .iter()
        .map(|m| m.published.max(m.mentioned))
        .max()
        .unwrap_or(0)
        .max(1);
    let digits = max.to_string().len();
    let bar = |n: u64| (n * BAR_WIDTH / 2).div_ceil(max) as usize;
    for m in &timeline.months {
        writeln!(
            out,
            "{:04}-{:02}  {:>digits$} {:<w$}  {:>digits$} {}",
            m.year,
            m.month,
            m.published,
            style.title(&"█".repeat(bar(m.published))),
            m.mentioned,
            style.matched(&"▒".repeat(bar(m.mentioned))),
            w = (BAR_WIDTH / 2) as usize,
        )?;
    }
    Ok(())
}

/// One article in full.
pub fn article(out: &mut impl Write, style: &Style, stored: &StoredArticle) -> io::Result<()> {
    let a = &stored.article;
    writeln!(out, "{}", style.title(&a.title))?;
    let mut line = format_rfc3339(a.date);
    if let Some(source) = &a.source {
        line.push_str(" · ");
        line.push_str(source);
    }
    writeln!(out, "{}", style.dim(&line))?;
    writeln!(out, "{}", style.dim(&format!("id: {}", a.id)))?;
    if !a.authors.is_empty() {
        let authors = format!("authors: {}", a.authors.join(", "));
        writeln!(out, "{}", style.dim(&authors))?;
    }
    if !a.tags.is_empty() {
        writeln!(
            out,
            "{}",
            style.dim(&format!("tags: {}", a.tags.join(", ")))
        )?;
    }
    if let Some(url) = &a.url {
        writeln!(out, "{}", style.dim(&format!("url: {url}")))?;
    }
    if let Some(origin) = &stored.origin {
        writeln!(out, "{}", style.dim(&format!("file: {origin}")))?;
    }
    writeln!(out)?;
    writeln!(out, "{}", a.body)
}

/// What `extract` read from a page: the fields, then the main text.
pub fn extracted(out: &mut impl Write, style: &Style, page: &Extracted) -> io::Result<()> {
    let missing = "(none found)";
    writeln!(
        out,
        "{}",
        style.title(page.title.as_deref().unwrap_or(missing))
    )?;
    let mut line = page
        .date
        .map_or_else(|| "no date found".to_string(), format_rfc3339);
    if let Some(source) = &page.source {
        line.push_str(" · ");
        line.push_str(source);
    }
    writeln!(out, "{}", style.dim(&line))?;
    writeln!(out, "{}", style.dim(&format!("id: {}", page.id)))?;
    if !page.authors.is_empty() {
        let authors = format!("authors: {}", page.authors.join(", "));
        writeln!(out, "{}", style.dim(&authors))?;
    }
    if let Some(language) = &page.language {
        writeln!(out, "{}", style.dim(&format!("language: {language}")))?;
    }
    writeln!(out)?;
    match &page.body {
        Some(body) => writeln!(out, "{body}"),
        None => writeln!(out, "{}", style.dim("(no article found in the page)")),
    }
}

const BAR_WIDTH: u64 = 40;

/// Count, span and a bar per month.
pub fn stats(out: &mut impl Write, style: &Style, stats: &Stats) -> io::Result<()> {
    let docs = plural(stats.documents, "article", "articles");
    match (stats.first, stats.last) {
        (Some(first), Some(last)) => writeln!(
            out,
            "{docs}, published {} to {}",
            format_day(first),
            format_day(last)
        )?,
        _ => return writeln!(out, "{docs}"),
    }
    writeln!(out)?;
    let max = stats
        .months
        .iter()
        .map(|m| m.count)
        .max()
        .unwrap_or(0)
        .max(1);
    let digits = max.to_string().len();
    for m in &stats.months {
        // Round up, so that every month with an article gets at least a sliver.
        let len = (m.count * BAR_WIDTH).div_ceil(max) as usize;
        writeln!(
            out,
            "{:04}-{:02}  {:>digits$}  {}",
            m.year,
            m.month,
            m.count,
            style.title(&"█".repeat(len)),
        )?;
    }
    Ok(())
}

/// The analyzer's terms as a table.
pub fn tokens(out: &mut impl Write, style: &Style, tokens: &[AnalyzedToken]) -> io::Result<()> {
    if tokens.is_empty() {
        return writeln!(
            out,
            "{}",
            style.dim("(no terms: only stop words or punctuation)")
        );
    }
    let w = tokens
        .iter()
        .map(|t| t.term.chars().count())
        .max()
        .unwrap_or(4)
        .max(4);
    writeln!(
        out,
        "{}",
        style.dim(&format!(
            "{:>4}  {:<4}  {:<w$}  word",
            "pos", "kind", "term"
        ))
    )?;
    for t in tokens {
        let kind = match t.kind {
            TermKind::Word => "word",
            TermKind::Part => "part",
            TermKind::Name => "name",
        };
        writeln!(
            out,
            "{:>4}  {kind:<4}  {:<w$}  {}",
            t.position, t.term, t.text
        )?;
    }
    Ok(())
}

/// What each query word looks for.
pub fn plan(out: &mut impl Write, style: &Style, words: &[WordPlan]) -> io::Result<()> {
    if words.is_empty() {
        return writeln!(
            out,
            "{}",
            style.dim("(no words: only stop words or punctuation)")
        );
    }
    for w in words {
        let phrase = w.terms.len() > 1;
        let mut what = vec![if phrase {
            format!("phrase {} (as written)", w.terms.join(" "))
        } else {
            format!(
                "word {} ({})",
                w.terms.join(" "),
                plural(w.doc_freq, "article", "articles")
            )
        }];
        if let Some(field) = &w.field {
            what.push(format!("in {field}"));
        }
        if w.parts {
            what.push("in compounds".into());
        }
        if let Some(code) = &w.code {
            what.push(format!("sounds like {code}"));
        }
        if !w.typos.is_empty() {
            what.push(format!("typo for {}", w.typos.join(", ")));
        }
        writeln!(out, "{}  {}", style.title(&w.word), what.join(" · "))?;
    }
    Ok(())
}

/// The verdict of `check`, and what to do about an unsound index.
pub fn check(out: &mut impl Write, report: &CheckReport) -> io::Result<()> {
    let place = report.path.as_ref().map_or("the index".to_string(), |p| {
        format!("the index at {}", p.display())
    });
    let docs = plural(report.articles, "article", "articles");
    if report.is_sound() {
        writeln!(
            out,
            "{place} is sound: {docs} in {} segment(s), format {}, analyzer {}",
            report.segments, report.format, report.analyzer
        )?;
        if report.deleted > 0 {
            writeln!(
                out,
                "({} replaced or deleted article(s) still take space until segments merge)",
                report.deleted
            )?;
        }
        return Ok(());
    }
    writeln!(out, "{place} is NOT sound ({docs}):")?;
    for p in &report.problems {
        writeln!(out, "  - {p}")?;
    }
    writeln!(
        out,
        "Rebuild it: delete the folder and index your files again (nachlese index --index DIR \
         PATH...). The default index is rebuilt on its next use once deleted."
    )
}
