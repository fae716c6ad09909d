//! The analyzer as tantivy sees it: one tokenizer per kind of term, all reading the same
//! cached word analyses, so a text is analysed once however many fields index it.

use std::cell::RefCell;
use std::rc::Rc;

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::MAX_TOKEN_BYTES;
use super::cache::{Located, WordTable};
use super::tokenizer::GermanTokenizer;
use super::word::{TermKind, shared_analysis, thread_cache};

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

/// A term of a text: where its bytes are in [`Analysed::bytes`], and its word's place.
struct TermAt {
    start: usize,
    end: usize,
    position: usize,
    offset_from: usize,
    offset_to: usize,
}

/// The terms of the text analysed last on this thread, by kind. The index gives a text to
/// three fields in a row (words, parts, names; see the schema's field order), so the second
/// and third tokenizers replay what the first one found instead of splitting and looking the
/// words up again.
struct Analysed {
    text: String,
    bytes: String,
    terms: [Vec<TermAt>; 3],
}

impl Analysed {
    fn of(&self, kind: TermKind) -> &[TermAt] {
        &self.terms[kind as usize]
    }
}

/// Most words repeat: each thread keeps the analyses it used, up to this many words.
const THREAD_CACHE_WORDS: usize = 1 << 18;

/// Room for a text's words that a thread keeps between texts.
const KEPT_WORDS: usize = 1 << 16;

/// A thread's table, of the caches' generation it was made in (see
/// [`clear_word_caches`](super::clear_word_caches)).
struct ThreadTable {
    generation: u64,
    table: WordTable,
    words: Vec<Located>,
}

impl ThreadTable {
    fn new() -> ThreadTable {
        let (generation, capacity) = thread_cache(THREAD_CACHE_WORDS);
        ThreadTable {
            generation,
            table: WordTable::new(capacity),
            words: Vec::new(),
        }
    }
}

thread_local! {
    static LAST: RefCell<Option<Rc<Analysed>>> = const { RefCell::new(None) };
    static TABLE: RefCell<ThreadTable> = RefCell::new(ThreadTable::new());
}

fn analysed(text: &str) -> Rc<Analysed> {
    LAST.with(|last| {
        if let Some(a) = last.borrow().as_ref()
            && a.text == text
        {
            return Rc::clone(a);
        }
        let a = Rc::new(TABLE.with(|t| {
            let t = &mut *t.borrow_mut();
            if t.generation != thread_cache(THREAD_CACHE_WORDS).0 {
                *t = ThreadTable::new();
            }
            analyse(&mut t.table, &mut t.words, text)
        }));
        *last.borrow_mut() = Some(Rc::clone(&a));
        a
    })
}

fn analyse(table: &mut WordTable, words: &mut Vec<Located>, text: &str) -> Analysed {
    words.clear();
    let mut tokenizer = GermanTokenizer::default();
    let mut stream = tokenizer.token_stream(text);
    while stream.advance() {
        let t = stream.token();
        // An overlong token has no terms (see `analyze_word`); the table need not hold it.
        if t.text.len() >= MAX_TOKEN_BYTES {
            continue;
        }
        words.push(Located {
            position: t.position,
            from: t.offset_from,
            to: t.offset_to,
            hash: WordTable::hash(&t.text),
            id: 0,
        });
    }
    let mut out = Analysed {
        text: text.to_string(),
        bytes: String::new(),
        terms: Default::default(),
    };
    let mut push = |kind: TermKind, term: &str, w: &Located| {
        let start = out.bytes.len();
        out.bytes.push_str(term);
        out.terms[kind as usize].push(TermAt {
            start,
            end: out.bytes.len(),
            position: w.position,
            offset_from: w.from,
            offset_to: w.to,
        });
    };
    table.each(text, words, shared_analysis, |w, view| {
        if !view.term.is_empty() {
            push(TermKind::Word, view.term, w);
        }
        for part in view.parts() {
            push(TermKind::Part, part, w);
        }
        if !view.code.is_empty() {
            push(TermKind::Name, view.code, w);
        }
    });
    // The buffer is kept for the next text, but not the room a very long one needed.
    words.clear();
    words.shrink_to(KEPT_WORDS);
    out
}

/// The token stream of a [`TermTokenizer`].
pub struct TermTokenStream<'a> {
    kind: TermKind,
    analysed: Rc<Analysed>,
    next: usize,
    token: &'a mut Token,
}

impl Tokenizer for TermTokenizer {
    type TokenStream<'a> = TermTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> TermTokenStream<'a> {
        self.token.reset();
        TermTokenStream {
            kind: self.kind,
            analysed: analysed(text),
            next: 0,
            token: &mut self.token,
        }
    }
}

impl TokenStream for TermTokenStream<'_> {
    fn advance(&mut self) -> bool {
        let Some(t) = self.analysed.of(self.kind).get(self.next) else {
            return false;
        };
        self.next += 1;
        self.token.text.clear();
        self.token
            .text
            .push_str(&self.analysed.bytes[t.start..t.end]);
        self.token.position = t.position;
        self.token.offset_from = t.offset_from;
        self.token.offset_to = t.offset_to;
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}
