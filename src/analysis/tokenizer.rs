//! The tokenizer: words are runs of letters and digits.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use unicode_normalization::char::is_combining_mark;

/// Splits text into words: maximal runs of alphanumeric characters.
///
/// Like tantivy's `SimpleTokenizer`, except that combining marks and soft hyphens continue a
/// word. Text copied from some systems spells `ü` as `u` + U+0308 and web text hides soft
/// hyphens (U+00AD) inside long compounds; a plain alphanumeric split would cut those words
/// in two. The normaliser (`analysis::normalizer`) then composes and cleans each word.
#[derive(Clone, Default)]
pub struct GermanTokenizer {
    token: Token,
}

/// The token stream of a [`GermanTokenizer`].
pub struct GermanTokenStream<'a> {
    text: &'a str,
    chars: std::str::CharIndices<'a>,
    token: &'a mut Token,
}

const SOFT_HYPHEN: char = '\u{AD}';

fn continues_word(c: char) -> bool {
    c.is_alphanumeric() || (!c.is_ascii() && (is_combining_mark(c) || c == SOFT_HYPHEN))
}

impl Tokenizer for GermanTokenizer {
    type TokenStream<'a> = GermanTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> GermanTokenStream<'a> {
        self.token.reset();
        GermanTokenStream {
            text,
            chars: text.char_indices(),
            token: &mut self.token,
        }
    }
}

impl TokenStream for GermanTokenStream<'_> {
    fn advance(&mut self) -> bool {
        self.token.text.clear();
        self.token.position = self.token.position.wrapping_add(1);
        while let Some((from, c)) = self.chars.next() {
            if c.is_alphanumeric() {
                let to = self
                    .chars
                    .find(|&(_, c)| !continues_word(c))
                    .map_or(self.text.len(), |(offset, _)| offset);
                self.token.offset_from = from;
                self.token.offset_to = to;
                self.token.text.push_str(&self.text[from..to]);
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<(usize, String, usize, usize)> {
        let mut t = GermanTokenizer::default();
        let mut stream = t.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            let tok = stream.token();
            out.push((
                tok.position,
                tok.text.clone(),
                tok.offset_from,
                tok.offset_to,
            ));
        }
        out
    }

    #[test]
    fn splits_on_punctuation_and_keeps_offsets() {
        assert_eq!(
            tokens("Kim Jong-un, 18. Februar"),
            vec![
                (0, "Kim".into(), 0, 3),
                (1, "Jong".into(), 4, 8),
                (2, "un".into(), 9, 11),
                (3, "18".into(), 13, 15),
                (4, "Februar".into(), 17, 24),
            ]
        );
    }

    #[test]
    fn combining_marks_and_soft_hyphens_stay_inside_words() {
        let text = "Mu\u{308}ller Verteidi\u{AD}gungsminister";
        let toks = tokens(text);
        assert_eq!(toks.len(), 2);
        assert_eq!(toks[0].1, "Mu\u{308}ller");
        assert_eq!(toks[1].1, "Verteidi\u{AD}gungsminister");
        assert_eq!(&text[toks[1].2..toks[1].3], toks[1].1);
    }

    #[test]
    fn a_word_never_starts_with_a_mark() {
        assert!(tokens("\u{308}\u{AD} ").is_empty());
    }
}
