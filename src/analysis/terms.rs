//! The analyzer as tantivy sees it: one tokenizer per kind of term, all reading the same
//! cached word analyses, so a text is analysed once however many fields index it.

use std::rc::Rc;

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::tokenizer::{GermanTokenStream, GermanTokenizer};
use super::word::{WordTerms, cached};

/// The kinds of term the analyzer produces; each goes to fields of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TermKind {
    /// The word itself (its stem): what exact search matches.
    Word,
    /// A part of a compound (stored only for capitalised words).
    Part,
    /// The sound code of a name (stored only for capitalised words that are not common
    /// nouns).
    Name,
}

impl TermKind {
    /// The terms of this kind that the index stores for a word.
    pub(crate) fn indexed<'a>(&self, w: &'a WordTerms) -> &'a [String] {
        match self {
            TermKind::Word => w.term.as_slice(),
            TermKind::Part => &w.parts,
            TermKind::Name if w.capitalized => w.code.as_slice(),
            TermKind::Name => &[],
        }
    }
}

/// A tantivy tokenizer that emits the terms of one [`TermKind`], each at its word's position.
#[derive(Clone)]
pub struct TermTokenizer {
    kind: TermKind,
    words: GermanTokenizer,
    token: Token,
}

impl TermTokenizer {
    /// A tokenizer for `kind`.
    pub fn new(kind: TermKind) -> TermTokenizer {
        TermTokenizer {
            kind,
            words: GermanTokenizer::default(),
            token: Token::default(),
        }
    }
}

/// The token stream of a [`TermTokenizer`].
pub struct TermTokenStream<'a> {
    kind: TermKind,
    text: &'a str,
    words: GermanTokenStream<'a>,
    current: Option<Rc<WordTerms>>,
    next_term: usize,
    token: &'a mut Token,
}

impl Tokenizer for TermTokenizer {
    type TokenStream<'a> = TermTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> TermTokenStream<'a> {
        self.token.reset();
        TermTokenStream {
            kind: self.kind,
            text,
            words: self.words.token_stream(text),
            current: None,
            next_term: 0,
            token: &mut self.token,
        }
    }
}

impl TokenStream for TermTokenStream<'_> {
    fn advance(&mut self) -> bool {
        loop {
            if let Some(word) = &self.current {
                if let Some(term) = self.kind.indexed(word).get(self.next_term) {
                    self.next_term += 1;
                    let w = self.words.token();
                    self.token.text.clear();
                    self.token.text.push_str(term);
                    self.token.position = w.position;
                    self.token.offset_from = w.offset_from;
                    self.token.offset_to = w.offset_to;
                    return true;
                }
            }
            if !self.words.advance() {
                return false;
            }
            let w = self.words.token();
            self.current = Some(cached(&self.text[w.offset_from..w.offset_to]));
            self.next_term = 0;
        }
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}
