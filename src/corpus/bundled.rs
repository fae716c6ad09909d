//! The corpus that ships with nachlese: German news on Russia and North Korea, 2023-2024.
//!
//! The files of `corpus/` are compiled into the library, so the binary can build its default
//! index from any working directory, and [`fingerprint`] changes whenever any of them does.
//! Feature `bundled` (on by default).

use std::path::PathBuf;

use super::{Document, InputError, markdown};

mod generated {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// The folder the bundled files came from, as it appears in [`Origin`](super::Origin)s.
pub const FOLDER: &str = "corpus";

/// A fingerprint of the bundled files' names and contents.
pub fn fingerprint() -> &'static str {
    generated::FINGERPRINT
}

/// The bundled files: name and text.
pub fn files() -> impl ExactSizeIterator<Item = (&'static str, &'static str)> {
    generated::FILES.iter().copied()
}

/// The bundled articles.
///
/// ```
/// let first = nachlese::corpus::bundled::documents().next().unwrap().unwrap();
/// assert!(first.origin.path.starts_with("corpus"));
/// ```
pub fn documents() -> impl Iterator<Item = Result<Document, InputError>> {
    files().map(|(name, text)| markdown::parse(&PathBuf::from(FOLDER).join(name), text))
}
