//! How the rules read tokens: by index, where an index past either end reads as a paragraph
//! break, so that a rule may look ahead or behind without checking bounds.

use super::Parser;
use crate::temporal::lexicon::{self, Fw, Lex};
use crate::temporal::token::{Gap, Kind, Tok};

/// What an index outside the text reads as: punctuation after a paragraph break, no word.
const NONE: Tok = Tok {
    start: 0,
    end: 0,
    kind: Kind::Punct('\0'),
    lex: Lex::None,
    num: 0,
    digits: 0,
    gap: Gap::Para,
    upper: false,
};

impl<'a> Parser<'a> {
    /// Token `i`.
    #[inline]
    pub(super) fn tok(&self, i: usize) -> &Tok {
        self.toks.get(i).unwrap_or(&NONE)
    }

    /// What the lexicon knows of token `i`.
    #[inline]
    pub(super) fn lex(&self, i: usize) -> Lex {
        self.tok(i).lex
    }

    /// Whether token `i` is the function word `f`.
    #[inline]
    pub(super) fn is_fw(&self, i: usize, f: Fw) -> bool {
        self.lex(i) == Lex::Fw(f)
    }

    /// Whether token `i` is the punctuation character `c`.
    #[inline]
    pub(super) fn is_punct(&self, i: usize, c: char) -> bool {
        self.tok(i).is_punct(c)
    }

    /// Whether token `i` follows the one before it without white space.
    #[inline]
    pub(super) fn attached(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].gap == Gap::None
    }

    /// The value and digit count of a digit run.
    #[inline]
    pub(super) fn digits_at(&self, i: usize) -> Option<(u32, u8)> {
        let t = self.tok(i);
        t.is_num().then_some((t.num, t.digits))
    }

    /// The text of token `i` if it is a word, else empty.
    #[inline]
    pub(super) fn word(&self, i: usize) -> &'a str {
        let t = self.tok(i);
        if t.is_word() {
            &self.text[t.start as usize..t.end as usize]
        } else {
            ""
        }
    }

    /// The text of token `i` if it is a word, in lower case as the lexicon folds it.
    pub(super) fn lower_word(&self, i: usize) -> String {
        let w = self.word(i);
        if w.is_ascii() {
            return w.to_ascii_lowercase();
        }
        lexicon::folded(w).collect()
    }

    /// Whether token `i` is one of `words` (lower case), in any case, folded as the lexicon
    /// folds it.
    pub(super) fn word_in(&self, i: usize, words: &[&str]) -> bool {
        let w = self.word(i);
        if w.is_ascii() {
            // the same comparison, without decoding letters: most words are ASCII
            return words.iter().any(|x| w.eq_ignore_ascii_case(x));
        }
        words.iter().any(|x| lexicon::folded(w).eq(x.chars()))
    }

    /// Whether token `i` is the first of a sentence.
    pub(super) fn sentence_start(&self, i: usize) -> bool {
        if i == 0 {
            return true;
        }
        let t = self.tok(i);
        if t.gap >= Gap::Line {
            return true;
        }
        let p = self.tok(i - 1);
        matches!(
            p.kind,
            Kind::Punct('.' | '!' | '?' | ':' | '"' | '„' | '“' | '»' | '«' | '(' | '-')
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::table::check;

    /// Words the rules compare with their own lists (`Mariä`, `früh`, `Könige`) were matched
    /// in ASCII case only, so a capital umlaut (a headline in capitals, a sentence start)
    /// missed them where the lexicon's words match: `MARIÄ HIMMELFAHRT` was Christ's
    /// Ascension.
    #[test]
    fn capital_umlauts_fold_as_the_lexicon_folds_them() {
        check(&[
            (
                "AN MARIÄ HIMMELFAHRT 2023 WAR FREI.",
                &["MARIÄ HIMMELFAHRT 2023=2023-08-15"],
            ),
            (
                "AM MONTAG FRÜH GEHT ES LOS.",
                &["MONTAG FRÜH=2024-02-26TMO"],
            ),
            (
                "AN HEILIGE DREI KÖNIGE 2020",
                &["HEILIGE DREI KÖNIGE 2020=2020-01-06"],
            ),
            ("IN JÜNGSTER VERGANGENHEIT", &["VERGANGENHEIT=PAST_REF"]),
        ]);
    }
}
