//! How the rules read tokens: by index, where an index past either end reads as a paragraph
//! break, so that a rule may look ahead or behind without checking bounds.

use super::Parser;
use crate::temporal::lexicon::{Fw, Lex};
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
    pub(super) fn tok(&self, i: usize) -> &Tok {
        self.toks.get(i).unwrap_or(&NONE)
    }

    /// What the lexicon knows of token `i`.
    pub(super) fn lex(&self, i: usize) -> Lex {
        self.tok(i).lex
    }

    /// Whether token `i` is the function word `f`.
    pub(super) fn is_fw(&self, i: usize, f: Fw) -> bool {
        self.lex(i) == Lex::Fw(f)
    }

    /// Whether token `i` is the punctuation character `c`.
    pub(super) fn is_punct(&self, i: usize, c: char) -> bool {
        self.tok(i).is_punct(c)
    }

    /// Whether token `i` follows the one before it without white space.
    pub(super) fn attached(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].gap == Gap::None
    }

    /// The value and digit count of a digit run.
    pub(super) fn digits_at(&self, i: usize) -> Option<(u32, u8)> {
        let t = self.tok(i);
        t.is_num().then_some((t.num, t.digits))
    }

    /// The text of token `i` if it is a word, else empty.
    pub(super) fn word(&self, i: usize) -> &'a str {
        let t = self.tok(i);
        if t.is_word() {
            &self.text[t.start as usize..t.end as usize]
        } else {
            ""
        }
    }

    /// Whether token `i` is one of `words` (lower case), in any case.
    pub(super) fn word_in(&self, i: usize, words: &[&str]) -> bool {
        let w = self.word(i);
        words.iter().any(|x| w.eq_ignore_ascii_case(x))
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
