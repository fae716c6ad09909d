//! # nachlese
//!
//! Full-text search over German news: a [tantivy] index with a German analysis chain, searched
//! by words and by dates. "Nachlesen" is what its users do: look up what was reported, when,
//! and by whom.
//!
//! The data flows one way:
//!
//! * [`corpus`] reads articles from files (Markdown with front matter, JSON, JSON Lines),
//!   or takes them from the [bundled corpus](corpus::bundled);
//! * [`analysis`] turns German text into terms, folding inflections and spellings;
//! * [`Index`] stores the articles ([`Index::writer`]) and reads them back;
//! * [`search`] answers a [`SearchRequest`] with ranked [`Hit`]s and snippets.
//!
//! ```
//! use nachlese::{DateRange, Index, SearchRequest, Sort};
//!
//! # #[cfg(feature = "bundled")] {
//! // An index holding the bundled corpus (built on first use).
//! let dir = tempfile::tempdir()?;
//! let index = Index::open_bundled(dir.path())?;
//!
//! // Words in any inflection and spelling; articles holding all of them first.
//! let results = index.search(&SearchRequest::new("Putin Auto"))?;
//! assert_eq!(results.hits[0].id, "2024-02-20-putin-schenkt-kim-auto");
//!
//! // Everything published in September 2023, oldest first.
//! let september = DateRange::new(Some("2023-09".parse()?), Some("2023-09".parse()?))?;
//! let results = index.search(&SearchRequest::all().range(september).sort(Sort::Oldest))?;
//! assert!(results.hits.iter().all(|h| h.date.month() == time::Month::September));
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Offsets
//!
//! Every offset in the public API counts characters (Unicode scalar values, Rust's `char`,
//! as Python's `str` indexes), from 0, end exclusive: snippet and title highlights
//! ([`Snippet::highlights`], [`Hit::title_highlights`]), the dates a text mentions
//! ([`temporal::Timex`], [`search::Mention`]) and the analyzer's tokens
//! ([`analysis::AnalyzedToken`]). No range can split a character, and a script in any
//! language can slice the text with them; the JSON output gives ranges as `[start, end]`
//! pairs. [`Snippet::parts`] does the slicing in Rust. The one exception is tantivy's own
//! token type, which the tokenizers nachlese registers with tantivy
//! ([`analysis::GermanTokenizer`]) fill in bytes, as tantivy defines it.
//! (Where an input error names a place in a file, it gives the line, or for a record of a
//! web archive its byte offset in the file, as WARC tools do: positions in files, not in
//! texts.)
//!
//! ```
//! let text = "Grüße aus Pjöngjang";
//! let tokens = nachlese::analysis::analyze(text);
//! let last = tokens.last().ok_or("no tokens")?;
//! assert_eq!((last.start, last.end), (10, 19));
//! let word: String = text.chars().skip(last.start).take(last.end - last.start).collect();
//! assert_eq!(word, "Pjöngjang");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Features
//!
//! Both on by default; a program that embeds the library turns them off
//! (`default-features = false`) and compiles none of their crates.
//!
//! * `bundled`: the [bundled corpus](corpus::bundled) compiled in, and the default index
//!   built from it in the user's cache folder ([`Index::open_bundled`],
//!   [`index::default_dir`]).
//! * `cli`: the `nachlese` program (argument parsing, progress bars, shell completions, the
//!   manual page); it needs `bundled`.
//!
//! [tantivy]: https://docs.rs/tantivy

#![deny(missing_docs)]

pub mod analysis;
mod chars;
pub mod corpus;
pub mod dates;
mod error;
pub mod index;
pub mod search;
pub mod temporal;

pub use corpus::{Article, Document, InputError};
pub use dates::{DateRange, Period};
pub use error::{Access, Error, Result};
pub use index::{CheckReport, Index, StoredArticle, WriteStats, Writer, WriterOptions};
pub use search::{Hit, SearchRequest, SearchResults, Snippet, Sort};
