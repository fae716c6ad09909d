//! Stemming: Snowball German, as current upstream Snowball defines it.

use std::borrow::Cow;
use std::mem;

use frostem::{Algorithm, Stemmer};
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Reduces a lowercased German word to its Snowball stem.
///
/// The stemmer also folds `ä`/`ö`/`ü`/`ß` and their transcriptions `ae`/`oe`/`ue`/`ss`, so
/// `Außenminister`, `Aussenminister`, `Pjöngjang` and `Pjoengjang` meet here.
///
/// ```
/// assert_eq!(nachlese::analysis::stem("verteidigungsministers"), "verteidigungsminist");
/// assert_eq!(nachlese::analysis::stem("pjoengjang"), nachlese::analysis::stem("pjöngjang"));
/// ```
pub fn stem(word: &str) -> Cow<'_, str> {
    Stemmer::new(Algorithm::German).stem(word)
}

/// The stemming stage of the German analyzer: applies [`stem`] to every token.
#[derive(Clone, Copy, Debug, Default)]
pub struct GermanStemmer;

impl TokenFilter for GermanStemmer {
    type Tokenizer<T: Tokenizer> = GermanStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> GermanStemmerFilter<T> {
        GermanStemmerFilter {
            inner,
            buffer: String::new(),
        }
    }
}

/// The tokenizer built by [`GermanStemmer`].
#[derive(Clone)]
pub struct GermanStemmerFilter<T> {
    inner: T,
    buffer: String,
}

impl<T: Tokenizer> Tokenizer for GermanStemmerFilter<T> {
    type TokenStream<'a> = GermanStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        GermanStemmerStream {
            tail: self.inner.token_stream(text),
            stemmer: Stemmer::new(Algorithm::German),
            buffer: &mut self.buffer,
        }
    }
}

/// The token stream of a [`GermanStemmerFilter`].
pub struct GermanStemmerStream<'a, T> {
    tail: T,
    stemmer: Stemmer,
    buffer: &'a mut String,
}

impl<T: TokenStream> TokenStream for GermanStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        match self.stemmer.stem(&token.text) {
            Cow::Borrowed(_) => {}
            Cow::Owned(stemmed) => {
                self.buffer.clear();
                self.buffer.push_str(&stemmed);
                mem::swap(&mut token.text, self.buffer);
            }
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}
