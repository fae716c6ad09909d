//! The analyzer as tantivy sees it: one tokenizer per kind of term, all reading the same
//! cached word analyses, so a text is analysed once however many fields index it.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::tokenizer::GermanTokenizer;
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
    token: Token,
}

impl TermTokenizer {
    /// A tokenizer for `kind`.
    pub fn new(kind: TermKind) -> TermTokenizer {
        TermTokenizer {
            kind,
            token: Token::default(),
        }
    }
}

/// A word of a text: where it is, and its analysis.
struct Word {
    position: usize,
    offset_from: usize,
    offset_to: usize,
    terms: Arc<WordTerms>,
}

/// The words of the text analysed last on this thread. The index gives a text to three
/// fields in a row (words, parts, names; see the schema's field order), so the second and
/// third tokenizers replay the first one's words instead of splitting and looking them up
/// again.
struct Analysed {
    text: String,
    words: Rc<Vec<Word>>,
}

thread_local! {
    static LAST: RefCell<Option<Analysed>> = const { RefCell::new(None) };
}

fn words_of(text: &str) -> Rc<Vec<Word>> {
    LAST.with(|last| {
        if let Some(a) = last.borrow().as_ref() {
            if a.text == text {
                return Rc::clone(&a.words);
            }
        }
        let mut tokenizer = GermanTokenizer::default();
        let mut stream = tokenizer.token_stream(text);
        let mut words = Vec::new();
        while stream.advance() {
            let t = stream.token();
            words.push(Word {
                position: t.position,
                offset_from: t.offset_from,
                offset_to: t.offset_to,
                terms: cached(&text[t.offset_from..t.offset_to]),
            });
        }
        let words = Rc::new(words);
        *last.borrow_mut() = Some(Analysed {
            text: text.to_string(),
            words: Rc::clone(&words),
        });
        words
    })
}

/// The token stream of a [`TermTokenizer`].
pub struct TermTokenStream<'a> {
    kind: TermKind,
    words: Rc<Vec<Word>>,
    next_word: usize,
    next_term: usize,
    token: &'a mut Token,
}

impl Tokenizer for TermTokenizer {
    type TokenStream<'a> = TermTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> TermTokenStream<'a> {
        self.token.reset();
        TermTokenStream {
            kind: self.kind,
            words: words_of(text),
            next_word: 0,
            next_term: 0,
            token: &mut self.token,
        }
    }
}

impl TokenStream for TermTokenStream<'_> {
    fn advance(&mut self) -> bool {
        while let Some(word) = self.words.get(self.next_word) {
            if let Some(term) = self.kind.indexed(&word.terms).get(self.next_term) {
                self.next_term += 1;
                self.token.text.clear();
                self.token.text.push_str(term);
                self.token.position = word.position;
                self.token.offset_from = word.offset_from;
                self.token.offset_to = word.offset_to;
                return true;
            }
            self.next_word += 1;
            self.next_term = 0;
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
