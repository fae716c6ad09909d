//! Character normalisation: one spelling for letters that can be written several ways.

use std::mem;

use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folds the spellings of a lowercased word that mean the same letters.
///
/// * Decomposed letters (`u` + U+0308) are composed (`ü`), soft hyphens removed.
/// * Accented letters of other Latin alphabets lose their accents (`é` → `e`, `č` → `c`,
///   `ø` → `o`, `æ` → `ae`), so `Citroën` meets `Citroen` and `Erdoğan` meets `Erdogan`.
/// * German `ä`, `ö`, `ü` and `ß` are kept: the Snowball stemmer folds them, together with
///   their transcriptions `ae`, `oe`, `ue` and `ss`, by its own rules, and the stop word
///   filter needs to see them.
///
/// Pure ASCII words, nearly all words of a German text, pass through untouched.
#[derive(Clone, Copy, Debug, Default)]
pub struct GermanNormalizer;

impl TokenFilter for GermanNormalizer {
    type Tokenizer<T: Tokenizer> = GermanNormalizerFilter<T>;

    fn transform<T: Tokenizer>(self, inner: T) -> GermanNormalizerFilter<T> {
        GermanNormalizerFilter {
            inner,
            buffer: String::new(),
        }
    }
}

/// The tokenizer built by [`GermanNormalizer`].
#[derive(Clone)]
pub struct GermanNormalizerFilter<T> {
    inner: T,
    buffer: String,
}

impl<T: Tokenizer> Tokenizer for GermanNormalizerFilter<T> {
    type TokenStream<'a> = GermanNormalizerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        GermanNormalizerStream {
            tail: self.inner.token_stream(text),
            buffer: &mut self.buffer,
        }
    }
}

/// The token stream of a [`GermanNormalizerFilter`].
pub struct GermanNormalizerStream<'a, T> {
    tail: T,
    buffer: &'a mut String,
}

impl<T: TokenStream> TokenStream for GermanNormalizerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if !token.text.is_ascii() && needs_folding(&token.text) {
            fold_into(&token.text, self.buffer);
            mem::swap(&mut token.text, self.buffer);
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

fn is_german_letter(c: char) -> bool {
    matches!(c, 'ä' | 'ö' | 'ü' | 'ß' | 'Ä' | 'Ö' | 'Ü')
}

/// Latin letters with marks live in these blocks; other scripts are left alone.
fn is_foldable_latin(c: char) -> bool {
    matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') && !is_german_letter(c)
}

fn needs_folding(text: &str) -> bool {
    text.chars()
        .any(|c| is_foldable_latin(c) || is_combining_mark(c) || c == '\u{AD}')
}

/// Writes the folded form of `text` into `out`.
pub(crate) fn fold_into(text: &str, out: &mut String) {
    out.clear();
    // Compose first, so that `u` + U+0308 becomes the German `ü` and stays.
    let composed: String;
    let text = if text.chars().any(is_combining_mark) {
        composed = text.nfc().collect();
        &composed
    } else {
        text
    };
    for c in text.chars() {
        if c == '\u{AD}' || is_combining_mark(c) {
            continue;
        }
        if !is_foldable_latin(c) {
            out.push(c);
            continue;
        }
        match c {
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'ø' => out.push('o'),
            'đ' | 'ð' => out.push('d'),
            'ł' => out.push('l'),
            'þ' => out.push_str("th"),
            'ı' => out.push('i'),
            'ħ' => out.push('h'),
            'ŋ' => out.push('n'),
            _ => {
                let mut base = None;
                decompose_canonical(c, |d| {
                    if base.is_none() {
                        base = Some(d);
                    }
                });
                match base {
                    Some(b) if b.is_ascii_alphabetic() => out.push(b),
                    _ => out.push(c),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(s: &str) -> String {
        let mut out = String::new();
        fold_into(s, &mut out);
        out
    }

    #[test]
    fn foreign_accents_fold_german_letters_stay() {
        assert_eq!(fold("citroën"), "citroen");
        assert_eq!(fold("erdoğan"), "erdogan");
        assert_eq!(fold("café"), "cafe");
        assert_eq!(fold("smørrebrød"), "smorrebrod");
        assert_eq!(fold("łódź"), "lodz");
        assert_eq!(fold("straße"), "straße");
        assert_eq!(fold("pjöngjang"), "pjöngjang");
        assert_eq!(fold("москва"), "москва");
    }

    #[test]
    fn decomposed_umlauts_are_composed() {
        assert_eq!(fold("mu\u{308}ller"), "müller");
        assert_eq!(fold("verteidi\u{AD}gungsminister"), "verteidigungsminister");
    }
}
