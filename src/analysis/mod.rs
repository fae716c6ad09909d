//! The German analysis: how text becomes the terms the index stores.
//!
//! Each word is analysed once (and remembered) into three kinds of term ([`TermKind`]),
//! kept in fields of their own so that search can weigh them apart:
//!
//! * the **word**: lowercased, decomposed letters composed and foreign accents folded
//!   (`Citroën` → `citroen`), the Snowball German stop words dropped in any spelling (`fuer`,
//!   `daß`), then the Snowball German stem, which also folds `ä`/`ae`, `ö`/`oe`, `ü`/`ue`,
//!   `ß`/`ss`, corrected with the lexicon for the plural `-s` (`Autos` = `Auto`,
//!   `Nordkoreas` = `Nordkorea`) and for nouns ending in `s` (`Kurs` ≠ `Kur`) ([`stem_word`]);
//! * the **parts** of a compound noun and runs of adjacent parts (`Aufklärungssatelliten` →
//!   `aufklar`, `satellit`) ([`split_compound`]);
//! * the **sound code** of a name (Kölner Phonetik: `Schoigu`, `Shoigu` and `Schojgu` share
//!   `84`) for capitalised words that are not common nouns ([`cologne_phonetic`]).
//!
//! Words are runs of letters and digits ([`GermanTokenizer`]); tokens of
//! [`MAX_TOKEN_BYTES`] or more are dropped.
//!
//! ```
//! use nachlese::analysis::{TermKind, analyze};
//!
//! let terms = |text: &str, kind: TermKind| -> Vec<String> {
//!     analyze(text).into_iter().filter(|t| t.kind == kind).map(|t| t.term).collect()
//! };
//! let text = "Der Außenminister traf Schoigu wegen der Aufklärungssatelliten";
//! assert_eq!(terms(text, TermKind::Word), ["aussenminist", "traf", "schoigu", "weg", "aufklarungssatellit"]);
//! assert_eq!(terms(text, TermKind::Part), ["auss", "minist", "aufklar", "satellit"]);
//! assert_eq!(terms(text, TermKind::Name), ["84"]);
//!
//! // Other spellings give the same words.
//! assert_eq!(terms("Aussenminister Shoigu", TermKind::Word)[0], "aussenminist");
//! assert_eq!(terms("Aussenminister Shoigu", TermKind::Name), ["84"]);
//! ```

mod cache;
mod compound;
mod lexicon;
pub(crate) mod mentions;
mod normalizer;
mod phonetic;
mod stemmer;
mod stopwords;
mod terms;
mod tokenizer;
mod word;

use serde::Serialize;
use tantivy::tokenizer::{TextAnalyzer, TokenizerManager};

pub use compound::split_compound;
pub use phonetic::cologne_phonetic;
pub use stemmer::{stem, stem_word};
pub use stopwords::{canonical_spelling, is_stop_word};
pub use terms::{TermTokenStream, TermTokenizer};
pub use tokenizer::{GermanTokenStream, GermanTokenizer};
pub use word::{
    DEFAULT_WORD_CACHE_WORDS, TermKind, WordTerms, analyze_word, clear_word_caches,
    query_name_codes, set_word_cache_limit, word_cache_len,
};
pub(crate) use word::{compound_halves, guessed_halves};

pub(crate) use phonetic::cologne_phonetic_into;
pub(crate) use word::name_code_into;
pub(crate) use word::shared_analysis;

/// Whether the lexicon knows a lowercase word (any form of any German lexeme).
pub fn is_known_word(word: &str) -> bool {
    lexicon::lexicon().is_word(&word.replace('ß', "ss"))
}

/// The names the analyzers are registered under in an index's tokenizer manager.
pub const ANALYZER_NAME: &str = "nachlese_de";
/// The analyzer that emits compound parts.
pub const PARTS_ANALYZER_NAME: &str = "nachlese_de_parts";
/// The analyzer that emits sound codes of names.
pub const NAMES_ANALYZER_NAME: &str = "nachlese_de_names";

/// The version of the analysis. It changes whenever some text becomes other terms than
/// before, so an index built with another version is rebuilt, not searched with terms it
/// does not contain.
pub const ANALYZER_VERSION: u32 = 6;

/// Tokens this long (in bytes) or longer are dropped: the longest German words in real use
/// stay well below it, while base64 blobs, URLs and garbage do not.
pub const MAX_TOKEN_BYTES: usize = 100;

/// The analyzer for one kind of term.
pub fn analyzer(kind: TermKind) -> TextAnalyzer {
    TextAnalyzer::from(TermTokenizer::new(kind))
}

/// The analyzer for words: what the `title` and `body` fields index.
pub fn german_analyzer() -> TextAnalyzer {
    analyzer(TermKind::Word)
}

/// Registers the analyzers under their names (the three kinds of term, and the dates a text
/// mentions).
///
/// An index stores only the analyzers' names, so this must happen on every open.
pub fn register(manager: &TokenizerManager) {
    manager.register(ANALYZER_NAME, analyzer(TermKind::Word));
    manager.register(PARTS_ANALYZER_NAME, analyzer(TermKind::Part));
    manager.register(NAMES_ANALYZER_NAME, analyzer(TermKind::Name));
    manager.register(
        mentions::MENTIONS_ANALYZER_NAME,
        TextAnalyzer::from(mentions::MentionsTokenizer::default()),
    );
}

/// One term the analyzer produced, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct AnalyzedToken {
    /// The term as the index stores it.
    pub term: String,
    /// What kind of term it is.
    pub kind: TermKind,
    /// The word's position in the text (stop words keep their positions, so there are gaps).
    pub position: usize,
    /// Where the word starts, in characters of the text.
    pub start: usize,
    /// Where it ends (exclusive), in characters.
    pub end: usize,
    /// The word as written in the text.
    pub text: String,
}

/// Every term the index stores for `text`, in text order: for each word its term, then its
/// parts, then its sound code.
pub fn analyze(text: &str) -> Vec<AnalyzedToken> {
    use tantivy::tokenizer::{TokenStream, Tokenizer};
    let mut words = GermanTokenizer::default();
    let mut stream = words.token_stream(text);
    let mut out = Vec::new();
    let mut chars = crate::chars::CharCounter::new(text);
    while stream.advance() {
        let t = stream.token();
        let original = &text[t.offset_from..t.offset_to];
        let span = chars.range(&(t.offset_from..t.offset_to));
        let w = shared_analysis(original);
        for kind in [TermKind::Word, TermKind::Part, TermKind::Name] {
            for term in kind.indexed(&w) {
                out.push(AnalyzedToken {
                    term: term.clone(),
                    kind,
                    position: t.position,
                    start: span.start,
                    end: span.end,
                    text: original.to_string(),
                });
            }
        }
    }
    out
}

/// The word terms of `text` only (what exact search compares).
pub fn word_terms(text: &str) -> Vec<String> {
    analyze(text)
        .into_iter()
        .filter(|t| t.kind == TermKind::Word)
        .map(|t| t.term)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A digest of every term the bundled corpus becomes: words, parts, sound codes and the
    /// dates it mentions.
    #[cfg(feature = "bundled")]
    fn fingerprint() -> u64 {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for doc in crate::corpus::bundled::documents() {
            let Ok(doc) = doc else { continue };
            let a = doc.article;
            let text = mentions::tagged_text(&a.title, &a.body);
            for t in analyze(&text) {
                h.update(t.term.as_bytes());
                h.update(&[t.kind as u8, 0]);
                h.update(&t.position.to_le_bytes());
            }
            for term in mentions::mention_terms(a.date.date(), &text) {
                h.update(term.as_bytes());
            }
        }
        h.digest()
    }

    /// An index holds what analysis made of its text, and is refused when [`ANALYZER_VERSION`]
    /// differs; so whatever changes the terms (the stemmer, the lexicon, the temporal tagger)
    /// must change the version too, or old indexes are searched with terms they lack. When
    /// this fails after such a change: bump ANALYZER_VERSION and put the new digest here.
    #[test]
    #[cfg(feature = "bundled")]
    fn a_change_of_terms_changes_the_analyzer_version() {
        assert_eq!(
            (ANALYZER_VERSION, format!("{:016x}", fingerprint())),
            (6, "6fc8633cb3be7872".to_string())
        );
    }

    #[test]
    fn spellings_of_one_word_meet() {
        for (a, b) in [
            ("Außenminister", "Aussenminister"),
            ("Pjöngjang", "Pjoengjang"),
            ("Verteidigungsministers", "Verteidigungsminister"),
            ("Müller", "Mueller"),
            ("Müller", "Mu\u{308}ller"),
            ("Straße", "Strasse"),
            ("Citroën", "Citroen"),
            ("Autos", "Auto"),
            ("Nordkoreas", "Nordkorea"),
            ("Handys", "Handy"),
        ] {
            assert_eq!(word_terms(a), word_terms(b), "{a} / {b}");
        }
        for (a, b) in [
            ("Kurs", "Kur"),
            ("Glas", "Gas"),
            ("Haus", "Hau"),
            ("Preis", "Prei"),
        ] {
            assert_ne!(word_terms(a), word_terms(b), "{a} / {b}");
        }
    }

    #[test]
    fn positions_and_offsets_point_into_the_text() {
        let text = "Über die Grenze fährt Kims Zug.";
        let chars: Vec<char> = text.chars().collect();
        let got: Vec<(String, usize, String)> = analyze(text)
            .into_iter()
            .filter(|t| t.kind == TermKind::Word)
            .map(|t| (t.term, t.position, chars[t.start..t.end].iter().collect()))
            .collect();
        assert_eq!(
            got,
            [
                ("grenz".to_string(), 2, "Grenze".to_string()),
                ("fahrt".to_string(), 3, "fährt".to_string()),
                ("kim".to_string(), 4, "Kims".to_string()),
                ("zug".to_string(), 5, "Zug".to_string()),
            ]
        );
    }

    #[test]
    fn stop_words_go_in_any_spelling() {
        assert!(word_terms("für fuer über ueber daß dass und").is_empty());
    }

    #[test]
    fn overlong_tokens_are_dropped() {
        let long = "a".repeat(MAX_TOKEN_BYTES);
        assert_eq!(word_terms(&format!("Auto {long} Putin")), ["auto", "putin"]);
    }

    #[test]
    fn the_tantivy_analyzer_emits_the_same_word_terms() {
        let text = "Die Außenministerin reiste mit Autos nach Pjöngjang";
        let mut a = german_analyzer();
        let mut stream = a.token_stream(text);
        let mut terms = Vec::new();
        stream.process(&mut |t| terms.push(t.text.clone()));
        assert_eq!(terms, word_terms(text));
    }
}
