//! The corpus file format: Markdown text behind TOML front matter.

use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

use super::Document;
use super::article::{Fields, one_or_many};
use super::error::{InputError, InputErrorKind};

const DELIMITER: &str = "+++";

/// The front matter keys; anything else is ignored.
#[derive(Deserialize)]
struct FrontMatter {
    id: Option<Spanned<String>>,
    title: Option<Spanned<String>>,
    date: Option<Spanned<toml::Value>>,
    source: Option<String>,
    url: Option<String>,
    #[serde(default, deserialize_with = "one_or_many")]
    authors: Option<Vec<String>>,
    #[serde(default, deserialize_with = "one_or_many")]
    tags: Option<Vec<String>>,
    language: Option<String>,
}

/// Reads one article from the text of a corpus file.
pub(crate) fn parse(path: &Path, text: &str) -> Result<Document, InputError> {
    let fail = |line: usize, kind| InputError::new(path, Some(line), kind);
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let is_delimiter = |l: &str| l.trim_end() == DELIMITER;
    if !lines.next().is_some_and(is_delimiter) {
        return Err(fail(
            1,
            InputErrorKind::FrontMatter(
                "expected `+++` on the first line, opening the TOML front matter".into(),
            ),
        ));
    }
    let front_start = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut offset = front_start;
    let mut front_end = None;
    for line in lines {
        if is_delimiter(line) {
            front_end = Some((offset, offset + line.len()));
            break;
        }
        offset += line.len();
    }
    let Some((front_end, body_start)) = front_end else {
        return Err(fail(
            1,
            InputErrorKind::FrontMatter(
                "the front matter opened on line 1 is never closed by a `+++` line".into(),
            ),
        ));
    };
    let front = &text[front_start..front_end];
    // Line numbers inside the front matter start after the opening delimiter.
    let line_of = |byte: usize| 2 + front[..byte.min(front.len())].matches('\n').count();

    let meta: FrontMatter = toml::from_str(front).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(s.start));
        fail(line, InputErrorKind::Toml(e.message().to_string()))
    })?;

    let date_line = meta.date.as_ref().map_or(1, |d| line_of(d.span().start));
    let date = match meta.date.map(Spanned::into_inner) {
        None => None,
        Some(toml::Value::String(s)) => Some(s),
        Some(toml::Value::Datetime(d)) => Some(d.to_string()),
        Some(_) => {
            return Err(fail(
                date_line,
                InputErrorKind::Toml("`date` must be a date (2024-02-20) or a string".into()),
            ));
        }
    };
    let id_line = meta.id.as_ref().map_or(1, |s| line_of(s.span().start));
    let title_line = meta.title.as_ref().map_or(1, |s| line_of(s.span().start));

    let body = text[body_start..].replace("\r\n", "\n");
    let fields = Fields {
        id: meta.id.map(Spanned::into_inner),
        title: meta.title.map(Spanned::into_inner),
        date,
        body: Some(body.trim_matches('\n').to_string()),
        source: meta.source,
        url: meta.url,
        authors: meta.authors,
        tags: meta.tags,
        language: meta.language,
    };
    let article = fields.into_article().map_err(|kind| {
        let line = match &kind {
            InputErrorKind::InvalidDate(_) => date_line,
            InputErrorKind::InvalidField { field: "id", .. } => id_line,
            InputErrorKind::InvalidField { field: "title", .. } => title_line,
            _ => 1,
        };
        fail(line, kind)
    })?;
    Ok(Document::whole_file(article, path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> Result<Document, InputError> {
        parse(Path::new("a.md"), text)
    }

    #[test]
    fn reads_front_matter_and_keeps_the_body_verbatim() {
        let doc = parse_str(
            "+++\r\nid = \"x\"\r\ntitle = \"T\"\r\ndate = 2024-02-20\r\ntags = [\"a\"]\r\n+++\r\nEin Text.\r\nZweite Zeile.",
        )
        .unwrap();
        assert_eq!(doc.article.id, "x");
        assert_eq!(doc.article.body, "Ein Text.\nZweite Zeile.");
        assert_eq!(doc.article.tags, ["a"]);
    }

    #[test]
    fn errors_point_at_the_line() {
        let e =
            parse_str("+++\nid = \"x\"\ntitle = \"T\"\ndate = 2023-13-01\n+++\nText").unwrap_err();
        assert_eq!(e.line, Some(4), "{e}");
        let e =
            parse_str("+++\nid = \"x\"\ntitle = \"T\"\ndate = \"2023-02-30\"\n+++\n").unwrap_err();
        assert_eq!(e.line, Some(4), "{e}");
        assert!(e.to_string().contains("February 2023 has no day 30"), "{e}");
        let e = parse_str("+++\nid = \"x\"\ntitle = T\n+++\n").unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        let e = parse_str("+++\nid = \"x\"\ntitle = \"T\"\n+++\nText").unwrap_err();
        assert!(
            e.to_string().contains("missing required field `date`"),
            "{e}"
        );
        let e = parse_str("id = \"x\"\n").unwrap_err();
        assert_eq!(e.line, Some(1));
        let e = parse_str("+++\nid = \"x\"\n").unwrap_err();
        assert!(e.to_string().contains("never closed"), "{e}");
    }
}
