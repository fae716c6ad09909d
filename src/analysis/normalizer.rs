//! Character normalisation: one spelling for letters that can be written several ways.

use std::borrow::Cow;

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
pub(crate) fn fold(word: &str) -> Cow<'_, str> {
    if word.is_ascii() || !needs_folding(word) {
        return Cow::Borrowed(word);
    }
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    Cow::Owned(out)
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
fn fold_into(text: &str, out: &mut String) {
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
    fn fold(s: &str) -> String {
        super::fold(s).into_owned()
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
