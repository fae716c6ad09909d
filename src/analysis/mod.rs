//! The German analysis chain: how text becomes the terms the index stores.
//!
//! Documents and queries go through the same chain, so a query word meets every spelling
//! and inflection of itself that the chain folds together:
//!
//! 1. [`GermanTokenizer`]: words are runs of letters and digits (combining marks and soft
//!    hyphens stay inside a word);
//! 2. tokens of [`MAX_TOKEN_BYTES`] or more are dropped (they are never words);
//! 3. lowercasing;
//! 4. [`GermanNormalizer`]: decomposed letters composed, foreign accents folded;
//! 5. [`GermanStopWords`]: the Snowball German stop words, in any spelling (`fuer`, `daß`);
//! 6. [`GermanStemmer`]: Snowball German, which also folds `ä`/`ae`, `ö`/`oe`, `ü`/`ue` and
//!    `ß`/`ss`.
//!
//! ```
//! use nachlese::analysis::analyze;
//!
//! let terms: Vec<String> = analyze("Der Außenminister traf Verteidigungsministers in Pjöngjang")
//!     .into_iter()
//!     .map(|t| t.term)
//!     .collect();
//! assert_eq!(terms, ["aussenminist", "traf", "verteidigungsminist", "pjongjang"]);
//!
//! // Other spellings of the same words give the same terms.
//! let other: Vec<String> = analyze("Aussenminister Verteidigungsminister Pjoengjang")
//!     .into_iter()
//!     .map(|t| t.term)
//!     .collect();
//! assert_eq!(other, ["aussenminist", "verteidigungsminist", "pjongjang"]);
//! ```

mod normalizer;
mod stemmer;
mod stopwords;
mod tokenizer;

use serde::Serialize;
use tantivy::tokenizer::{LowerCaser, RemoveLongFilter, TextAnalyzer, TokenizerManager};

pub use normalizer::{GermanNormalizer, GermanNormalizerFilter, GermanNormalizerStream};
pub use stemmer::{GermanStemmer, GermanStemmerFilter, GermanStemmerStream, stem};
pub use stopwords::{
    GermanStopWords, GermanStopWordsFilter, GermanStopWordsStream, canonical_spelling, is_stop_word,
};
pub use tokenizer::{GermanTokenStream, GermanTokenizer};

/// The name the analyzer is registered under in an index's tokenizer manager.
pub const ANALYZER_NAME: &str = "nachlese_de";

/// The version of the analysis chain. It changes whenever the chain turns some text into
/// other terms than before, so an index built with another version is rebuilt, not searched
/// with terms it does not contain.
pub const ANALYZER_VERSION: u32 = 1;

/// Tokens this long (in bytes) or longer are dropped: the longest German words in real use
/// stay well below it, while base64 blobs, URLs and garbage do not.
pub const MAX_TOKEN_BYTES: usize = 100;

/// Builds the German analyzer (see the [module documentation](self) for its stages).
pub fn german_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(GermanTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(GermanNormalizer)
        .filter(GermanStopWords)
        .filter(GermanStemmer)
        .build()
}

/// Registers the German analyzer under [`ANALYZER_NAME`].
///
/// An index stores only the analyzer's name, so this must happen on every open.
pub fn register(manager: &TokenizerManager) {
    manager.register(ANALYZER_NAME, german_analyzer());
}

/// One term the analyzer produced, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AnalyzedToken {
    /// The term as the index stores it.
    pub term: String,
    /// The word's position in the text (stop words keep their positions, so there are gaps).
    pub position: usize,
    /// Byte offset of the word's first byte in the text.
    pub offset_from: usize,
    /// Byte offset just past the word.
    pub offset_to: usize,
    /// The word as written in the text.
    pub original: String,
}

/// Runs `text` through the German analyzer and returns the terms an index would store.
pub fn analyze(text: &str) -> Vec<AnalyzedToken> {
    let mut analyzer = german_analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    stream.process(&mut |t| {
        out.push(AnalyzedToken {
            term: t.text.clone(),
            position: t.position,
            offset_from: t.offset_from,
            offset_to: t.offset_to,
            original: text[t.offset_from..t.offset_to].to_string(),
        })
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        analyze(text).into_iter().map(|t| t.term).collect()
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
        ] {
            assert_eq!(terms(a), terms(b), "{a} / {b}");
        }
    }

    #[test]
    fn positions_and_offsets_point_into_the_text() {
        let text = "Über die Grenze fährt Kims Zug.";
        let toks = analyze(text);
        let got: Vec<(&str, usize, &str)> = toks
            .iter()
            .map(|t| {
                (
                    t.term.as_str(),
                    t.position,
                    &text[t.offset_from..t.offset_to],
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("grenz", 2, "Grenze"),
                ("fahrt", 3, "fährt"),
                ("kim", 4, "Kims"),
                ("zug", 5, "Zug"),
            ]
        );
    }

    #[test]
    fn stop_words_go_in_any_spelling() {
        assert!(terms("für fuer über ueber daß dass und").is_empty());
    }

    #[test]
    fn overlong_tokens_are_dropped() {
        let long = "a".repeat(MAX_TOKEN_BYTES);
        assert_eq!(terms(&format!("Auto {long} Putin")), ["auto", "putin"]);
    }
}
