//! CSV files (`.csv`): a header row naming the columns, then one article per row.
//!
//! The columns are named as the article's fields (`id`, `title`, `date`, `body`, and
//! optionally `source`, `url`, `authors` and `tags` (separated by commas or semicolons) and
//! `language`), or as a [`FieldMap`] says (`body=text,date=published`). Fields are
//! separated by commas and may be quoted (`"..."`, quotes doubled inside) and span lines;
//! the file is UTF-8. A row with more or fewer fields than the header is an error naming
//! its line. The file is streamed, one row at a time; a row is at most
//! [`MAX_ARTICLE_BYTES`](super::MAX_ARTICLE_BYTES) plus a little.

use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use serde_json::{Map, Value};

use super::error::{InputError, InputErrorKind};
use super::fields::FieldMap;
use super::warc::Counting;
use super::{Document, MAX_ARTICLE_BYTES, Origin};

/// The longest row read, in bytes.
const MAX_ROW_BYTES: u64 = MAX_ARTICLE_BYTES as u64 + (1 << 20);

/// A reader that fails when a row grows past [`MAX_ROW_BYTES`]: `read` counts the bytes read
/// so far, `row_start` where the row being read began.
struct RowLimit<R> {
    inner: R,
    read: Arc<AtomicU64>,
    row_start: Arc<AtomicU64>,
}

impl<R: Read> Read for RowLimit<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let since = (self.read.load(Ordering::Relaxed))
            .saturating_sub(self.row_start.load(Ordering::Relaxed));
        if since > MAX_ROW_BYTES {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("a row of more than {:.1} MB", MAX_ROW_BYTES as f64 / 1e6),
            ));
        }
        self.inner.read(buf)
    }
}

/// Reads a CSV file's articles one row at a time.
pub(crate) struct Csv {
    path: PathBuf,
    reader: csv::Reader<Box<dyn Read + Send>>,
    header: Option<Vec<String>>,
    map: Arc<FieldMap>,
    row_start: Arc<AtomicU64>,
    read: Arc<AtomicU64>,
    record: csv::StringRecord,
    done: bool,
}

impl Csv {
    /// Reads `reader` as the CSV file `path`, counting the bytes read into `count`.
    pub(crate) fn new(
        path: PathBuf,
        reader: Box<dyn Read + Send>,
        map: Option<Arc<FieldMap>>,
        count: Arc<AtomicU64>,
    ) -> Csv {
        let row_start = Arc::new(AtomicU64::new(0));
        let limited = RowLimit {
            inner: Counting::new(reader, count.clone()),
            read: count.clone(),
            row_start: row_start.clone(),
        };
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(Box::new(limited) as Box<dyn Read + Send>);
        Csv {
            path,
            reader,
            header: None,
            map: map.unwrap_or_default(),
            row_start,
            read: count,
            record: csv::StringRecord::new(),
            done: false,
        }
    }

    fn error(&self, line: Option<u64>, kind: InputErrorKind) -> InputError {
        InputError::new(&self.path, line.map(|l| l as usize), kind)
    }

    fn row(&mut self) -> Option<Result<Document, InputError>> {
        let line = self.reader.position().line() + 1;
        match self.reader.read_record(&mut self.record) {
            Ok(false) => {
                self.done = true;
                if self.header.is_none() {
                    let kind =
                        InputErrorKind::Csv("the file is empty; expected a header row".into());
                    return Some(Err(self.error(None, kind)));
                }
                return None;
            }
            Ok(true) => {}
            Err(e) => {
                self.done = true;
                let line = e.position().map_or(line, |p| p.line());
                let kind = match e.into_kind() {
                    csv::ErrorKind::Io(e) if e.kind() == io::ErrorKind::InvalidData => {
                        InputErrorKind::TooLarge {
                            bytes: MAX_ROW_BYTES,
                            limit: MAX_ARTICLE_BYTES as u64,
                        }
                    }
                    csv::ErrorKind::Io(e) => InputErrorKind::Io(e),
                    csv::ErrorKind::Utf8 { err, .. } => InputErrorKind::InvalidUtf8 {
                        byte: err.valid_up_to() + 1,
                    },
                    other => InputErrorKind::Csv(format!("{other:?}")),
                };
                return Some(Err(self.error(Some(line), kind)));
            }
        }
        self.row_start
            .store(self.read.load(Ordering::Relaxed), Ordering::Relaxed);
        let line = self.record.position().map_or(line, |p| p.line());
        let Some(header) = &self.header else {
            let mut names: Vec<String> = self.record.iter().map(|h| h.trim().to_string()).collect();
            if let Some(first) = names.first_mut() {
                *first = first.trim_start_matches('\u{feff}').to_string();
            }
            self.header = Some(names);
            return self.row();
        };
        if self.record.len() != header.len() {
            if self.record.len() == 1 && self.record.get(0).is_some_and(|f| f.trim().is_empty()) {
                // A blank line.
                return self.row();
            }
            let kind = InputErrorKind::Csv(format!(
                "this row has {} field(s), the header {}",
                self.record.len(),
                header.len()
            ));
            return Some(Err(self.error(Some(line), kind)));
        }
        let obj: Map<String, Value> = header
            .iter()
            .zip(self.record.iter())
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (k.clone(), Value::String(v.to_string())))
            .collect();
        let article = self
            .map
            .fields(|key| obj.get(key))
            .and_then(|f| f.into_article())
            .map_err(|kind| self.error(Some(line), kind));
        Some(article.map(|article| Document {
            article,
            origin: Origin {
                path: self.path.clone(),
                line: line as usize,
                stamp: 0,
            },
        }))
    }
}

impl Iterator for Csv {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        self.row()
    }
}

/// Opens a CSV file for [`Csv`].
pub(crate) fn open(
    path: &Path,
    map: Option<Arc<FieldMap>>,
    count: Arc<AtomicU64>,
) -> Result<Csv, InputError> {
    let file = std::fs::File::open(path)
        .map_err(|e| InputError::new(path, None, InputErrorKind::Io(e)))?;
    Ok(Csv::new(path.to_path_buf(), Box::new(file), map, count))
}

/// Reads the articles of CSV text from `reader` one row at a time, as from the file `path`
/// (only used in errors and origins), their fields where `map` says.
///
/// ```
/// use std::path::Path;
/// use nachlese::corpus::{FieldMap, read_csv};
///
/// let csv = "link,headline,published,text\n\
///            https://example.org/a,Kim in Moskau,2024-01-16,\"Der Zug, gepanzert.\"\n\
///            https://example.org/b,Zu kurz\n";
/// let map: FieldMap = "id=link,title=headline,date=published,body=text".parse()?;
/// let docs: Vec<_> = read_csv(Path::new("a.csv"), csv.as_bytes(), map).collect();
/// assert_eq!(docs[0].as_ref().unwrap().article.body, "Der Zug, gepanzert.");
/// assert_eq!(
///     docs[1].as_ref().unwrap_err().to_string(),
///     "a.csv:3: malformed CSV: this row has 2 field(s), the header 4"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_csv(
    path: &Path,
    reader: impl Read + Send + 'static,
    map: FieldMap,
) -> impl Iterator<Item = Result<Document, InputError>> + Send {
    Csv::new(
        path.to_path_buf(),
        Box::new(reader),
        Some(Arc::new(map)),
        Arc::new(AtomicU64::new(0)),
    )
}
