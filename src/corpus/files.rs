//! Finding input files: the paths given, and the files inside given folders.

use std::collections::VecDeque;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::error::{InputError, InputErrorKind};

/// The formats nachlese reads, chosen by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// `.md`: the corpus format, TOML front matter and text.
    Markdown,
    /// `.json`: one article object or an array of them.
    Json,
    /// `.jsonl`, `.ndjson`: one article object per line.
    JsonLines,
    /// `.csv`: a header row naming the fields, then one article per row.
    Csv,
    /// `.html`, `.htm`, `.xhtml`, gzipped or not (`.html.gz`): one web page, one article.
    Html,
    /// `.warc`, `.warc.gz`: a web archive; every HTML response in it is a page.
    Warc,
    /// `.rss`, `.atom`, and `.xml` files that are feeds: one article per item.
    Feed,
}

impl Format {
    /// The format a file's extension names, if any (case-insensitive).
    ///
    /// A `.gz` file is of the format of the name before it (`.html.gz`, `.warc.gz`), for the
    /// formats that may be gzipped: web pages and web archives.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path
            .extension()
            .and_then(OsStr::to_str)?
            .to_ascii_lowercase();
        match ext.as_str() {
            "md" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            "csv" => Some(Format::Csv),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "warc" => Some(Format::Warc),
            "rss" | "atom" | "xml" => Some(Format::Feed),
            "gz" => match Format::of(Path::new(path.file_stem()?))? {
                f @ (Format::Html | Format::Warc) => Some(f),
                _ => None,
            },
            _ => None,
        }
    }
}

/// Walks the given paths in order: a file is read whatever its name (and refused if its
/// extension names no format), a folder is walked recursively in file-name order, following
/// symlinks, skipping hidden entries and files of other types.
type Walk = walkdir::FilterEntry<walkdir::IntoIter, fn(&walkdir::DirEntry) -> bool>;

pub(crate) struct Files {
    roots: VecDeque<PathBuf>,
    walk: Option<Walk>,
}

impl Files {
    pub(crate) fn new(paths: impl IntoIterator<Item = PathBuf>) -> Files {
        Files {
            roots: paths.into_iter().collect(),
            walk: None,
        }
    }
}

fn is_visible(entry: &walkdir::DirEntry) -> bool {
    entry.depth() == 0 || !entry.file_name().as_encoded_bytes().starts_with(b".")
}

impl Iterator for Files {
    type Item = Result<(PathBuf, Format), InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(walk) = &mut self.walk {
                match walk.next() {
                    None => self.walk = None,
                    Some(Err(e)) => return Some(Err(walk_error(e))),
                    Some(Ok(entry)) => {
                        if entry.file_type().is_file()
                            && let Some(format) = Format::of(entry.path())
                        {
                            // A folder's `.xml` files are read only if they are feeds
                            // (not sitemaps, not configuration).
                            if is_xml(entry.path()) && !super::feed::looks_like_feed(entry.path()) {
                                continue;
                            }
                            return Some(Ok((entry.into_path(), format)));
                        }
                    }
                }
                continue;
            }
            let root = self.roots.pop_front()?;
            match std::fs::metadata(&root) {
                Err(e) => return Some(Err(InputError::new(root, None, InputErrorKind::Io(e)))),
                Ok(meta) if meta.is_dir() => {
                    self.walk = Some(
                        WalkDir::new(&root)
                            .follow_links(true)
                            .sort_by_file_name()
                            .into_iter()
                            .filter_entry(is_visible as fn(&walkdir::DirEntry) -> bool),
                    );
                }
                Ok(_) => {
                    return Some(match Format::of(&root) {
                        Some(format) => Ok((root, format)),
                        None => Err(InputError::new(
                            root,
                            None,
                            InputErrorKind::UnsupportedFormat,
                        )),
                    });
                }
            }
        }
    }
}

fn is_xml(path: &Path) -> bool {
    path.extension()
        .and_then(OsStr::to_str)
        .is_some_and(|e| e.eq_ignore_ascii_case("xml"))
}

fn walk_error(e: walkdir::Error) -> InputError {
    let path = e.path().map(Path::to_path_buf).unwrap_or_default();
    if let Some(ancestor) = e.loop_ancestor() {
        let msg = format!(
            "symlink loop: this folder is also {}, which contains it",
            ancestor.display()
        );
        return InputError::new(path, None, InputErrorKind::Walk(msg));
    }
    match e.into_io_error() {
        Some(io) => InputError::new(path, None, InputErrorKind::Io(io)),
        None => InputError::new(path, None, InputErrorKind::Walk("cannot walk".into())),
    }
}
