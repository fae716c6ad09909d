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
    /// Where the next word is looked for (a char boundary).
    pos: usize,
    token: &'a mut Token,
}

const SOFT_HYPHEN: char = '\u{AD}';

fn continues_word(c: char) -> bool {
    c.is_alphanumeric() || (!c.is_ascii() && (is_combining_mark(c) || c == SOFT_HYPHEN))
}

/// The end of the run of characters from byte `i` (a char boundary) that `take` accepts.
/// Most German text is ASCII: those bytes are judged without decoding a character.
fn run_end(text: &str, mut i: usize, ascii: fn(u8) -> bool, take: fn(char) -> bool) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if !ascii(b) {
                break;
            }
            i += 1;
        } else {
            match text[i..].chars().next() {
                Some(c) if take(c) => i += c.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

impl Tokenizer for GermanTokenizer {
    type TokenStream<'a> = GermanTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> GermanTokenStream<'a> {
        self.token.reset();
        GermanTokenStream {
            text,
            pos: 0,
            token: &mut self.token,
        }
    }
}

impl TokenStream for GermanTokenStream<'_> {
    fn advance(&mut self) -> bool {
        self.token.text.clear();
        self.token.position = self.token.position.wrapping_add(1);
        // Skip to the next letter or digit, then take the word that starts there.
        let from = run_end(
            self.text,
            self.pos,
            |b| !b.is_ascii_alphanumeric(),
            |c| !c.is_alphanumeric(),
        );
        if from == self.text.len() {
            self.pos = from;
            return false;
        }
        let to = run_end(
            self.text,
            from,
            |b| b.is_ascii_alphanumeric(),
            continues_word,
        );
        self.pos = to;
        self.token.offset_from = from;
        self.token.offset_to = to;
        self.token.text.push_str(&self.text[from..to]);
        true
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

    /// Words by the definition, one character at a time.
    fn reference(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((from, c)) = chars.next() {
            if c.is_alphanumeric() {
                let mut to = from + c.len_utf8();
                while let Some(&(i, c)) = chars.peek() {
                    if !continues_word(c) {
                        break;
                    }
                    to = i + c.len_utf8();
                    chars.next();
                }
                out.push((from, to));
            }
        }
        out
    }

    #[test]
    fn the_fast_path_for_ascii_splits_as_the_definition() {
        let alphabet = [
            'a', 'Z', '5', ' ', '-', '.', 'ü', 'Ö', 'ß', '\u{308}', '\u{AD}', '€', '—', '\n', '日',
            'ǅ', '٣',
        ];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..2000 {
            let len = (seed % 12) as usize;
            let text: String = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    alphabet[(seed % alphabet.len() as u64) as usize]
                })
                .collect();
            let found: Vec<(usize, usize)> = tokens(&text).iter().map(|t| (t.2, t.3)).collect();
            assert_eq!(found, reference(&text), "{text:?}");
        }
    }
}
