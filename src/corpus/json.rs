//! JSON input: `.json` files (one object or an array of objects) and JSON Lines.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use serde_json::value::RawValue;

use super::article::Fields;
use super::error::{InputError, InputErrorKind};
use super::fields::{FieldMap, lookup};
use super::{Document, Origin};

/// Reads a `.json` file: one article object, or an array of them.
///
/// A syntax error rejects the whole file; a bad article inside an array rejects only that
/// article, so a caller that skips bad documents can index the rest.
pub(crate) fn parse_json(
    path: &Path,
    text: &str,
    map: Option<&FieldMap>,
) -> Vec<Result<Document, InputError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') {
        match serde_json::from_str::<Vec<&RawValue>>(text) {
            Ok(items) => items
                .into_iter()
                .map(|raw| {
                    // A RawValue borrows from `text`, so its address gives its line.
                    let offset = raw.get().as_ptr() as usize - text.as_ptr() as usize;
                    let line = 1 + text[..offset].matches('\n').count();
                    parse_object(path, line, raw.get(), map)
                })
                .collect(),
            Err(e) => vec![Err(json_error(path, 1, &e))],
        }
    } else if trimmed.is_empty() {
        vec![Err(InputError::new(
            path,
            None,
            InputErrorKind::Json("the file is empty; expected an object or an array".into()),
        ))]
    } else {
        vec![parse_object(path, 1, text, map)]
    }
}

/// Reads one article object whose text starts on `line`: its fields where `map` says, else
/// under their own names (or news-please's).
fn parse_object(
    path: &Path,
    line: usize,
    text: &str,
    map: Option<&FieldMap>,
) -> Result<Document, InputError> {
    if !text.trim_start().starts_with('{') {
        return Err(InputError::new(
            path,
            Some(line + leading_lines(text)),
            InputErrorKind::Json("expected an article object `{...}`".into()),
        ));
    }
    let fields = match map {
        None => {
            let fields: Fields =
                serde_json::from_str(text).map_err(|e| json_error(path, line, &e))?;
            if fields.body.is_none() && fields.id.is_none() && text.contains("\"maintext\"") {
                mapped_fields(path, line, text, None)?
            } else {
                fields
            }
        }
        Some(map) => mapped_fields(path, line, text, Some(map))?,
    };
    let article = fields
        .into_article()
        .map_err(|kind| InputError::new(path, Some(line + leading_lines(text)), kind))?;
    Ok(Document {
        article,
        origin: Origin {
            path: path.to_path_buf(),
            line: line + leading_lines(text),
            stamp: 0,
        },
    })
}

/// The fields of an object where `map` says; without a map, news-please's JSON.
fn mapped_fields(
    path: &Path,
    line: usize,
    text: &str,
    map: Option<&FieldMap>,
) -> Result<Fields, InputError> {
    let obj: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(text).map_err(|e| json_error(path, line, &e))?;
    let news_please;
    let map = match map {
        Some(m) => m,
        None if FieldMap::is_news_please(&obj) => {
            news_please = FieldMap::news_please();
            &news_please
        }
        None => &FieldMap::new(),
    };
    map.fields(|key| lookup(&obj, key))
        .map_err(|kind| InputError::new(path, Some(line + leading_lines(text)), kind))
}

fn leading_lines(text: &str) -> usize {
    let ws = text.len() - text.trim_start().len();
    text[..ws].matches('\n').count()
}

fn json_error(path: &Path, first_line: usize, e: &serde_json::Error) -> InputError {
    let line = (e.line() > 0).then(|| first_line + e.line() - 1);
    // serde_json appends "at line L column C"; the line is ours to report, the column is not.
    let mut msg = e.to_string();
    if let Some(at) = msg.rfind(" at line ") {
        msg.truncate(at);
    }
    if e.column() > 0 {
        msg.push_str(&format!(" (column {})", e.column()));
    }
    InputError::new(path, line, InputErrorKind::Json(msg))
}

/// The longest line (one article) read: longer ones are skipped with an error, without
/// holding them in memory.
pub(crate) const MAX_LINE_BYTES: usize = super::MAX_ARTICLE_BYTES;

/// Reads up to and including the next `\n` into `buf`, keeping at most `max` bytes of it (the
/// rest is read and dropped). Returns how many bytes the line had.
pub(crate) fn read_line(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    max: usize,
) -> std::io::Result<usize> {
    let mut total = 0;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(total);
        }
        let (chunk, done) = match available.iter().position(|&b| b == b'\n') {
            Some(i) => (&available[..=i], true),
            None => (available, false),
        };
        if total + chunk.len() <= max {
            buf.extend_from_slice(chunk);
        } else {
            buf.clear();
        }
        let n = chunk.len();
        total += n;
        reader.consume(n);
        if done {
            return Ok(total);
        }
    }
}

/// Reads JSON Lines: one article object per line, blank lines skipped.
///
/// Streams: only one line is in memory at a time, whatever the file's size, and a line is
/// at most [`MAX_LINE_BYTES`].
pub(crate) struct JsonLines<R> {
    reader: R,
    map: Option<std::sync::Arc<FieldMap>>,
    path: PathBuf,
    line: usize,
    buf: Vec<u8>,
    done: bool,
    /// Bytes read so far.
    pub(crate) bytes: u64,
}

impl<R: BufRead> JsonLines<R> {
    pub(crate) fn new(path: PathBuf, reader: R) -> Self {
        JsonLines {
            reader,
            map: None,
            path,
            line: 0,
            buf: Vec::new(),
            done: false,
            bytes: 0,
        }
    }

    /// Reads the fields where `map` says.
    pub(crate) fn with_map(mut self, map: Option<std::sync::Arc<FieldMap>>) -> Self {
        self.map = map;
        self
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.buf.clear();
            match read_line(&mut self.reader, &mut self.buf, MAX_LINE_BYTES) {
                Ok(0) => self.done = true,
                Ok(n) => {
                    self.line += 1;
                    self.bytes += n as u64;
                    if n > MAX_LINE_BYTES {
                        return Some(Err(InputError::new(
                            &self.path,
                            Some(self.line),
                            InputErrorKind::TooLarge {
                                bytes: n as u64,
                                limit: MAX_LINE_BYTES as u64,
                            },
                        )));
                    }
                    let mut bytes = &self.buf[..];
                    if self.line == 1 {
                        bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
                    }
                    let text = match std::str::from_utf8(bytes) {
                        Ok(t) => t,
                        Err(e) => {
                            return Some(Err(InputError::new(
                                &self.path,
                                Some(self.line),
                                InputErrorKind::InvalidUtf8 {
                                    byte: e.valid_up_to() + 1,
                                },
                            )));
                        }
                    };
                    if text.trim().is_empty() {
                        continue;
                    }
                    return Some(parse_object(
                        &self.path,
                        self.line,
                        text,
                        self.map.as_deref(),
                    ));
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(InputError::new(
                        &self.path,
                        Some(self.line + 1),
                        InputErrorKind::Io(e),
                    )));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OK: &str = r#"{"id":"a","title":"T","date":"2024-02-20","body":"B"}"#;

    #[test]
    fn arrays_report_the_line_of_the_bad_element() {
        let text = format!("[\n  {OK},\n  {{\"id\": \"b\", \"title\": \"T\", \"body\": \"\"}}\n]");
        let docs = parse_json(Path::new("x.json"), &text, None);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].as_ref().unwrap().origin.line, 2);
        let e = docs[1].as_ref().unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(
            e.to_string().contains("missing required field `date`"),
            "{e}"
        );
    }

    #[test]
    fn syntax_errors_give_line_and_column() {
        let docs = parse_json(Path::new("x.json"), "{\n\"id\": \"a\",\n\"title\": }", None);
        let e = docs[0].as_ref().unwrap_err();
        assert_eq!(e.line, Some(3), "{e}");
        assert!(e.to_string().starts_with("x.json:3: malformed JSON"), "{e}");
    }

    #[test]
    fn json_lines_stream_with_line_numbers() {
        let mut bytes = format!("{OK}\r\n\n{{\"id\":\"b\"}}\n").into_bytes();
        bytes.extend_from_slice(b"\xff\n");
        let items: Vec<_> = JsonLines::new("x.jsonl".into(), &bytes[..]).collect();
        assert_eq!(items.len(), 3);
        assert!(items[0].is_ok());
        assert_eq!(items[1].as_ref().unwrap_err().line, Some(3));
        let e = items[2].as_ref().unwrap_err();
        assert_eq!(e.line, Some(4));
        assert!(e.to_string().contains("invalid UTF-8"), "{e}");
    }
}
