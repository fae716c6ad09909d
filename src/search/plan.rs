//! A query parsed once and resolved once against a searcher: the plan every form of a search
//! (the ranking, the count, the page of exact matches, the highlights, the explanation, the
//! suggestion) is converted from.
//!
//! Building each form on its own meant parsing and looking up the words again, steered by
//! flags, and the forms could disagree (a word read as a typo when explaining but not when
//! searching). A plan is built once and never changes; the conversions decide nothing about
//! the words, they only write down what the plan says.

use std::collections::HashSet;

use tantivy::collector::Count;
use tantivy::query::Occur;
use tantivy::query_grammar::{Delimiter, UserInputAst, UserInputLeaf, UserInputLiteral};
use tantivy::schema::Field;
use tantivy::{Searcher, Term};

use super::fuzzy::{self, near_terms};
use super::lower;
use super::query::{Expansions, MAX_QUERY_WORDS, Ranking, WordPlan};
use super::request::SearchRequest;
use crate::analysis::{TermKind, is_known_word, query_name_codes, shared_analysis};
use crate::index::Index;
use crate::index::schema::{Fields, name};
use crate::{Error, Result};

/// Searches finding fewer hits than this get a spelling suggestion, if one is found (as do
/// searches with a word the archive does not know).
const SUGGEST_BELOW: u64 = 3;

/// A query, parsed and resolved: what it looks for, and how it ranks.
pub(crate) struct Plan {
    /// The query as written.
    text: String,
    /// What the query looks for: `None` for no query words (a listing), and for a query of
    /// only stop words (which finds nothing, see [`Plan::has_query`]).
    pub(super) root: Option<Node>,
    /// Whether the request had query words at all.
    has_query: bool,
    pub(super) fields: Fields,
    pub(super) ranking: Ranking,
    /// The plain words of the top-level clause (by their place in it) that an article may
    /// lack when too few hold them all: unquoted (a hyphenated word too), without `+`, not
    /// joined by `AND`. Empty
    /// when the request asks for every word ([`SearchRequest::all_words`]).
    pub(super) loose: Vec<usize>,
    /// The loose words (as [`Plan::loose`]) of a question written in lowercase beside a
    /// capitalised one: its verbs and adjectives (`gefährlich` in "Wie gefährlich ist das
    /// Hantavirus?"). German capitalises nouns and names, what a question is about; an
    /// article lacking only these words ranks with those holding every word.
    pub(super) soft: Vec<usize>,
    /// The words of a question that only framed it ("wer", "gibt"), left out.
    pub(super) framing: Vec<String>,
}

/// One part of a query.
#[derive(Debug, Clone)]
pub(crate) enum Node {
    /// Parts combined as the query language combines them: `Must` (plain words, all of
    /// them), `Should` (`OR`), `MustNot` (`-word`). Never empty, never only `MustNot`.
    Clause(Vec<(Occur, Node)>),
    /// A part whose score is multiplied (`word^2`).
    Boost(Box<Node>, f32),
    /// One unquoted word, or a quoted single word (then without expansions).
    Word(Word),
    /// Words in this order, matched as written.
    Phrase(Phrase),
    /// A word limited to `source:` or `id:`, matched exactly as written, with no bonus.
    Raw(Term),
    /// `*`: every article.
    All,
}

/// Where a word looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    TitleAndBody,
    Title,
    Body,
    /// A field of names or keywords: `tags:`, `authors:`.
    List(Field),
}

/// A query word, with everything it looks for.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    /// As written in the query.
    pub written: String,
    /// The field it was limited to (`title:word`), as written.
    pub field: Option<String>,
    pub scope: Scope,
    /// Its term, as the index stores words.
    pub term: String,
    /// Documents holding the term as written: the count of the field holding it most.
    pub doc_freq: u64,
    /// Whether compounds containing it are searched.
    pub parts: bool,
    /// The sound codes searched, for a name.
    pub codes: Option<Vec<String>>,
    /// Near terms searched as typo corrections.
    pub typos: Vec<String>,
    /// For a compound, the terms of its modifier and head, searched near each other
    /// (`Rentenreform`: "Reform der Rente").
    pub halves: Option<(String, String)>,
}

impl Word {
    /// Whether the word looks for more than itself.
    pub fn is_expanded(&self) -> bool {
        self.parts || self.codes.is_some() || !self.typos.is_empty() || self.halves.is_some()
    }
}

/// Quoted words.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    pub written: String,
    pub field: Option<String>,
    pub scope: Scope,
    /// Each word's term with its offset from the first (gaps where stop words were).
    pub terms: Vec<(usize, String)>,
    /// The smallest of its words' document counts (each the count of the field holding it
    /// most): counting the phrase itself would evaluate it once more.
    pub doc_freq: u64,
}

/// What to highlight in one field: terms wherever they occur, and phrases only where their
/// words stand in order.
#[derive(Debug, Default)]
pub(crate) struct Marks {
    /// (kind, term) pairs.
    pub terms: HashSet<(TermKind, String)>,
    /// Word terms with their offsets from the phrase's first word.
    pub phrases: Vec<Vec<(usize, String)>>,
}

/// What to highlight in the title and in the text.
#[derive(Debug, Default)]
pub(crate) struct Highlights {
    pub title: Marks,
    pub body: Marks,
}

impl Highlights {
    /// The marks of the fields `scope` covers.
    fn of(&mut self, scope: Scope) -> impl Iterator<Item = &mut Marks> {
        let title = matches!(scope, Scope::TitleAndBody | Scope::Title);
        let body = matches!(scope, Scope::TitleAndBody | Scope::Body);
        [(title, &mut self.title), (body, &mut self.body)]
            .into_iter()
            .filter_map(|(on, marks)| on.then_some(marks))
    }
}

/// The start of a long query, for an error message.
fn abbreviated(text: &str) -> String {
    const SHOWN: usize = 80;
    match text.char_indices().nth(SHOWN) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

impl Plan {
    /// Parses the request's query and resolves its words against `searcher`: their terms,
    /// document counts, and the expansions they use.
    pub(crate) fn new(index: &Index, searcher: &Searcher, request: &SearchRequest) -> Result<Plan> {
        let (text, expansions, ranking) = (&request.query, request.expansions, request.ranking);
        let mut plan = Plan {
            text: text.to_string(),
            root: None,
            has_query: !text.trim().is_empty(),
            fields: index.fields(),
            ranking,
            loose: Vec::new(),
            soft: Vec::new(),
            framing: Vec::new(),
        };
        if !plan.has_query {
            return Ok(plan);
        }
        // Every word costs term lookups and expansions: a runaway query (pasted text, a
        // script's bug) would take seconds or minutes. Stop words cost nothing and do not count.
        let words: usize = text
            .split_whitespace()
            .filter(|w| !matches!(*w, "OR" | "AND"))
            .map(|w| crate::analysis::word_terms(w).len())
            .sum();
        if words > MAX_QUERY_WORDS {
            return Err(Error::Query {
                query: abbreviated(text),
                message: format!(
                    "it has {words} words; nachlese searches for at most {MAX_QUERY_WORDS} at \
                     once"
                ),
            });
        }
        let ast = tantivy::query_grammar::parse_query(text).map_err(|_| Error::Query {
            query: abbreviated(text),
            message: "syntax error (check quotes and parentheses; a word with a colon is read \
                      as `field:word`)"
                .into(),
        })?;
        let resolver = Resolver {
            fields: index.fields(),
            searcher,
            expansions,
            ranking,
            text,
        };
        let question = super::questions::is_question(text);
        let top = resolver.top(ast, question)?;
        plan.root = top.root;
        plan.framing = top.framing;
        if !request.all_words && top.loose.len() >= 2 {
            plan.loose = top.loose;
            plan.soft = top.soft;
        }
        Ok(plan)
    }

    /// Whether the request has query text (a query of only stop words has text, no words).
    pub(crate) fn has_query(&self) -> bool {
        self.has_query
    }

    /// Every word and phrase of the plan, in query order, excluded ones too.
    fn visit<'a>(&'a self, mut f: impl FnMut(Leaf<'a>)) {
        fn walk<'a>(node: &'a Node, f: &mut impl FnMut(Leaf<'a>)) {
            match node {
                Node::Clause(subs) => subs.iter().for_each(|(_, n)| walk(n, f)),
                Node::Boost(n, _) => walk(n, f),
                Node::Word(w) => f(Leaf::Word(w)),
                Node::Phrase(p) => f(Leaf::Phrase(p)),
                Node::Raw(_) | Node::All => {}
            }
        }
        if let Some(root) = &self.root {
            walk(root, &mut f);
        }
    }

    /// Whether some word looks for more than itself (then exact matches get a bonus).
    pub(crate) fn is_expanded(&self) -> bool {
        let mut expanded = false;
        self.visit(|leaf| expanded |= matches!(leaf, Leaf::Word(w) if w.is_expanded()));
        expanded
    }

    /// What each word and phrase looks for, as search results report it.
    pub(crate) fn words(&self) -> Vec<WordPlan> {
        let mut out = Vec::new();
        self.visit(|leaf| {
            out.push(match leaf {
                Leaf::Word(w) => WordPlan {
                    word: w.written.clone(),
                    field: w.field.clone(),
                    terms: vec![w.term.clone()],
                    doc_freq: w.doc_freq,
                    parts: w.parts,
                    code: w.codes.as_ref().map(|c| c.join(" ")),
                    typos: w.typos.clone(),
                },
                Leaf::Phrase(p) => WordPlan {
                    word: p.written.clone(),
                    field: p.field.clone(),
                    terms: p.terms.iter().map(|(_, t)| t.clone()).collect(),
                    doc_freq: p.doc_freq,
                    parts: false,
                    code: None,
                    typos: Vec::new(),
                },
            })
        });
        out
    }

    /// What each word and phrase looks for, with each word's documents counted exactly
    /// across its fields (a phrase: its rarest word's), as [`Index::explain`] gives it.
    pub(crate) fn explain(&self, searcher: &Searcher) -> Result<Vec<WordPlan>> {
        let mut exact: Vec<(Vec<Field>, Vec<String>)> = Vec::new();
        self.visit(|leaf| {
            exact.push(match leaf {
                Leaf::Word(w) => (self.field_list(w.scope), vec![w.term.clone()]),
                Leaf::Phrase(p) => (
                    self.field_list(p.scope),
                    p.terms.iter().map(|(_, t)| t.clone()).collect(),
                ),
            })
        });
        let mut words = self.words();
        for (word, (fields, terms)) in words.iter_mut().zip(exact) {
            let mut least: Option<u64> = None;
            for term in &terms {
                let n = if fields.len() < 2 {
                    field_doc_freq(searcher, &fields, term)?
                } else {
                    let query = lower::term_query(
                        &fields.iter().map(|&f| (f, 1.0)).collect::<Vec<_>>(),
                        term,
                    );
                    searcher.search(&*query, &Count)? as u64
                };
                least = Some(least.map_or(n, |l| l.min(n)));
            }
            word.doc_freq = least.unwrap_or(0);
        }
        Ok(words)
    }

    fn field_list(&self, scope: Scope) -> Vec<Field> {
        scope_fields(&self.fields, &self.ranking, scope, TermKind::Word)
            .into_iter()
            .map(|(f, _)| f)
            .collect()
    }

    /// What to highlight: every term and phrase the plan looks for, in the fields it looks in.
    pub(crate) fn highlights(&self) -> Highlights {
        let mut marks = Highlights::default();
        self.visit(|leaf| match leaf {
            Leaf::Word(w) => {
                let mut terms = vec![(TermKind::Word, w.term.clone())];
                if w.parts {
                    terms.push((TermKind::Part, w.term.clone()));
                }
                for code in w.codes.iter().flatten() {
                    terms.push((TermKind::Name, code.clone()));
                }
                for typo in &w.typos {
                    terms.push((TermKind::Word, typo.clone()));
                }
                if let Some((modifier, head)) = &w.halves {
                    terms.push((TermKind::Word, modifier.clone()));
                    terms.push((TermKind::Word, head.clone()));
                }
                for m in marks.of(w.scope) {
                    m.terms.extend(terms.iter().cloned());
                }
            }
            Leaf::Phrase(p) => {
                for m in marks.of(p.scope) {
                    m.phrases.push(p.terms.clone());
                }
            }
        });
        marks
    }

    /// "Meinten Sie …": the query with misspelt words corrected, for a search that found
    /// `total` articles; `None` if it found enough and no word looks misspelt, or nothing
    /// could be corrected.
    pub(crate) fn suggestion(
        &self,
        index: &Index,
        searcher: &Searcher,
        total: u64,
    ) -> Result<Option<String>> {
        let words = self.words();
        // A word read as a typo, or one the archive lacks, is likely misspelt, even if the
        // corrections found hits.
        let misspelt = words.iter().any(WordPlan::looks_misspelt);
        if total < SUGGEST_BELOW || misspelt {
            super::suggest::correction(index, searcher, &self.text, &words)
        } else {
            Ok(None)
        }
    }
}

/// A word or a phrase of a plan.
#[derive(Clone, Copy)]
enum Leaf<'a> {
    Word(&'a Word),
    Phrase(&'a Phrase),
}

/// The fields of a scope for one kind of term, each with its boost.
pub(crate) fn scope_fields(
    f: &Fields,
    ranking: &Ranking,
    scope: Scope,
    kind: TermKind,
) -> Vec<(Field, f32)> {
    let (title, body) = match kind {
        TermKind::Word => (f.title, f.body),
        TermKind::Part => (f.title_parts, f.body_parts),
        TermKind::Name => (f.title_names, f.body_names),
    };
    match scope {
        Scope::TitleAndBody => vec![(title, ranking.title_boost), (body, 1.0)],
        Scope::Title => vec![(title, 1.0)],
        Scope::Body => vec![(body, 1.0)],
        Scope::List(field) if kind == TermKind::Word => vec![(field, 1.0)],
        Scope::List(_) => vec![],
    }
}

/// The number of documents holding `term` in the one of `fields` that holds it most: a lower
/// bound of those holding it in any (counting across fields would read all the term's
/// postings once more per search).
fn field_doc_freq(searcher: &Searcher, fields: &[Field], term: &str) -> Result<u64> {
    let mut most = 0;
    for &field in fields {
        most = most.max(searcher.doc_freq(&Term::from_field_text(field, term))?);
    }
    Ok(most)
}

/// Turns the parsed query into a plan, looking each word up once.
struct Resolver<'a> {
    fields: Fields,
    searcher: &'a Searcher,
    expansions: Expansions,
    ranking: Ranking,
    text: &'a str,
}

/// The top-level clause of a query, resolved.
struct Top {
    root: Option<Node>,
    /// See [`Plan::loose`].
    loose: Vec<usize>,
    /// See [`Plan::soft`].
    soft: Vec<usize>,
    framing: Vec<String>,
}

/// A compound held by fewer articles than this (as a word or inside longer compounds) also
/// finds its halves near each other.
const HALVES_BELOW: u64 = 10;

/// A part of a word read as a compound by the archive's words is one at least this many
/// articles hold.
const MIN_HALF_DOCS: u64 = 1;

/// A relaxed query counts the words it found in a machine word: at most this many words are
/// loose, the rest must all match.
pub(crate) const MAX_LOOSE_WORDS: usize = 16;

impl Resolver<'_> {
    /// The plan of the whole query: which of its top-level words are loose, and, for a
    /// question, which words only framed it.
    fn top(&self, ast: UserInputAst, question: bool) -> Result<Top> {
        let clauses = match ast {
            UserInputAst::Clause(clauses) => clauses,
            other => {
                return Ok(Top {
                    root: self.node(other)?,
                    loose: Vec::new(),
                    soft: Vec::new(),
                    framing: Vec::new(),
                });
            }
        };
        let plain_word = |occur: &Option<Occur>, sub: &UserInputAst| match (occur, sub) {
            (None, UserInputAst::Leaf(leaf)) => match leaf.as_ref() {
                UserInputLeaf::Literal(l) if l.delimiter == Delimiter::None => {
                    l.field_name.is_none().then(|| l.phrase.clone())
                }
                _ => None,
            },
            _ => None,
        };
        // A question made only of framing words ("Was ist los?") keeps them.
        let framing_only = clauses.iter().all(|(occur, sub)| {
            plain_word(occur, sub).is_some_and(|w| super::questions::is_scaffolding(&w))
        });
        let mut subs = Vec::new();
        let mut loose = Vec::new();
        let mut lowercase = Vec::new();
        let mut framing = Vec::new();
        for (occur, sub) in clauses {
            let plain = plain_word(&occur, &sub);
            if let Some(word) = &plain
                && question
                && !framing_only
                && super::questions::is_scaffolding(word)
            {
                // Stop words are never searched: the note names only the words left out here.
                let word = word.trim_matches(|c: char| !c.is_alphanumeric());
                if shared_analysis(word).term.is_some() {
                    framing.push(word.to_string());
                }
                continue;
            }
            if let Some(node) = self.node(sub)? {
                if plain.is_some()
                    && matches!(node, Node::Word(_) | Node::Phrase(_))
                    && loose.len() < MAX_LOOSE_WORDS
                {
                    if plain
                        .as_deref()
                        .and_then(|w| w.chars().find(|c| c.is_alphabetic()))
                        .is_some_and(char::is_lowercase)
                    {
                        lowercase.push(subs.len());
                    }
                    loose.push(subs.len());
                }
                subs.push((occur.unwrap_or(Occur::Must), node));
            }
        }
        if subs.is_empty() {
            return Ok(Top {
                root: None,
                loose: Vec::new(),
                soft: Vec::new(),
                framing,
            });
        }
        if subs.iter().all(|(o, _)| *o == Occur::MustNot) {
            return Err(self.error(
                "a query cannot only exclude words; add a word to search for (stop words such \
                 as `der` or `und` do not count)",
            ));
        }
        // One word left is the whole query, as if written alone.
        let root = if subs.len() == 1 && subs[0].0 == Occur::Must {
            subs.pop().map(|(_, n)| n)
        } else {
            Some(Node::Clause(subs))
        };
        // Beside `OR` a loose word would count toward the alternatives.
        let has_or = matches!(&root, Some(Node::Clause(subs)) if subs.iter().any(|(o, _)| *o == Occur::Should));
        let loose = if matches!(root, Some(Node::Clause(_))) && !has_or {
            loose
        } else {
            Vec::new()
        };
        // Only beside a capitalised word: a question typed all in lowercase says nothing
        // by its case.
        let soft = if question && lowercase.len() < loose.len() {
            lowercase
        } else {
            Vec::new()
        };
        Ok(Top {
            root,
            loose,
            soft,
            framing,
        })
    }

    fn error(&self, message: impl Into<String>) -> Error {
        Error::Query {
            query: self.text.to_string(),
            message: message.into(),
        }
    }

    /// The plan of `ast`; `None` if it holds only stop words.
    fn node(&self, ast: UserInputAst) -> Result<Option<Node>> {
        match ast {
            UserInputAst::Clause(clauses) => {
                let mut subs = Vec::new();
                for (occur, sub) in clauses {
                    if let Some(node) = self.node(sub)? {
                        subs.push((occur.unwrap_or(Occur::Must), node));
                    }
                }
                if subs.is_empty() {
                    return Ok(None);
                }
                if subs.iter().all(|(o, _)| *o == Occur::MustNot) {
                    return Err(self.error(
                        "a query cannot only exclude words; add a word to search for (stop words \
                         such as `der` or `und` do not count)",
                    ));
                }
                Ok(Some(Node::Clause(subs)))
            }
            UserInputAst::Boost(ast, boost) => Ok(self
                .node(*ast)?
                .map(|n| Node::Boost(Box::new(n), boost.into_inner() as f32))),
            UserInputAst::Leaf(leaf) => match *leaf {
                UserInputLeaf::Literal(literal) => self.literal(literal),
                UserInputLeaf::All => Ok(Some(Node::All)),
                _ => Err(self.error(
                    "ranges, sets, regular expressions and field tests are not part of the query \
                     language; dates are searched with a date range",
                )),
            },
        }
    }

    fn literal(&self, literal: UserInputLiteral) -> Result<Option<Node>> {
        let f = &self.fields;
        let scope = match literal.field_name.as_deref() {
            None => Scope::TitleAndBody,
            Some(name::TITLE) => Scope::Title,
            Some(name::BODY) => Scope::Body,
            Some(name::TAGS) => Scope::List(f.tags),
            Some(name::AUTHORS | "author") => Scope::List(f.authors),
            Some(raw @ (name::SOURCE | name::ID)) => {
                let field = if raw == name::ID { f.id } else { f.source };
                return Ok(Some(Node::Raw(Term::from_field_text(
                    field,
                    &literal.phrase,
                ))));
            }
            Some(other) => {
                return Err(self.error(format!(
                    "there is no field `{other}` (searchable fields: {}, {}, {}, {}, {}, {})",
                    name::TITLE,
                    name::BODY,
                    name::AUTHORS,
                    name::TAGS,
                    name::SOURCE,
                    name::ID
                )));
            }
        };
        // Every word of the literal, as written, with its position.
        let mut words: Vec<(String, usize)> = Vec::new();
        {
            use tantivy::tokenizer::{TokenStream, Tokenizer};
            let mut tokenizer = crate::analysis::GermanTokenizer::default();
            let mut stream = tokenizer.token_stream(&literal.phrase);
            while stream.advance() {
                let t = stream.token();
                words.push((
                    literal.phrase[t.offset_from..t.offset_to].to_string(),
                    t.position,
                ));
            }
        }
        let terms: Vec<(String, usize)> = words
            .iter()
            .filter_map(|(w, p)| shared_analysis(w).term.clone().map(|t| (t, *p)))
            .collect();
        let field = literal.field_name.clone();
        Ok(match (terms.as_slice(), words.first()) {
            ([], _) | (_, None) => None,
            // A quoted single word means just that word: no expansions.
            ([(term, _)], Some((written, _))) if literal.delimiter == Delimiter::None => {
                Some(Node::Word(self.word(written, term, scope, field)?))
            }
            _ => Some(Node::Phrase(self.phrase(
                &literal.phrase,
                &terms,
                scope,
                field,
            )?)),
        })
    }

    fn fields(&self, scope: Scope, kind: TermKind) -> Vec<Field> {
        scope_fields(&self.fields, &self.ranking, scope, kind)
            .into_iter()
            .map(|(f, _)| f)
            .collect()
    }

    /// One word and the expansions it uses.
    fn word(&self, written: &str, term: &str, scope: Scope, field: Option<String>) -> Result<Word> {
        let word_fields = self.fields(scope, TermKind::Word);
        let part_fields = self.fields(scope, TermKind::Part);
        let name_fields = self.fields(scope, TermKind::Name);
        let doc_freq = field_doc_freq(self.searcher, &word_fields, term)?;
        let parts = self.expansions.compounds && !part_fields.is_empty();
        let codes = (self.expansions.names
            && !name_fields.is_empty()
            && shared_analysis(written).code.is_some())
        .then(|| query_name_codes(written));
        let mut typos = Vec::new();
        if self.expansions.typos && fuzzy::max_distance(term) > 0 {
            // A word the lexicon knows, or that the archive uses (also inside compounds), is
            // no typo.
            let known = is_known_word(&written.to_lowercase())
                || doc_freq + field_doc_freq(self.searcher, &part_fields, term)?
                    >= self.ranking.typo_below_docs;
            if !known {
                typos = near_terms(self.searcher, &word_fields, term)?
                    .into_iter()
                    .map(|n| n.term)
                    .collect();
            }
        }
        // Halves near each other are read position by position: only for a compound that
        // few articles hold, whose own hits do not fill a page.
        let halves = if self.expansions.compounds
            && matches!(scope, Scope::TitleAndBody | Scope::Title | Scope::Body)
            && doc_freq < HALVES_BELOW
        {
            let halves = match crate::analysis::compound_halves(written) {
                Some(halves) => Some(halves),
                None => {
                    let fields: Vec<Field> =
                        word_fields.iter().chain(&part_fields).copied().collect();
                    self.archive_halves(&fields, written)?
                }
            };
            halves
                .filter(|(m, h)| m != term && h != term)
                .map(|halves| {
                    let held = doc_freq + field_doc_freq(self.searcher, &part_fields, term)?;
                    Ok::<_, Error>((held < HALVES_BELOW).then_some(halves))
                })
                .transpose()?
                .flatten()
        } else {
            None
        };
        Ok(Word {
            written: written.to_string(),
            field,
            scope,
            term: term.to_string(),
            doc_freq,
            parts,
            codes,
            typos,
            halves,
        })
    }

    /// The reading of a word the lexicon does not split as modifier and head whose parts the
    /// archive uses most (the geometric mean of their document counts), each part held by at
    /// least [`MIN_HALF_DOCS`] articles (as a word, or inside compounds, in `fields`).
    fn archive_halves(&self, fields: &[Field], written: &str) -> Result<Option<(String, String)>> {
        let mut best = None;
        let mut most = 0;
        for (modifier, head) in crate::analysis::guessed_halves(written) {
            let m = field_doc_freq(self.searcher, fields, &modifier)?;
            if m < MIN_HALF_DOCS {
                continue;
            }
            let h = field_doc_freq(self.searcher, fields, &head)?;
            if h >= MIN_HALF_DOCS && m * h > most {
                most = m * h;
                best = Some((modifier, head));
            }
        }
        Ok(best)
    }

    /// Words in this order, matched exactly.
    fn phrase(
        &self,
        written: &str,
        terms: &[(String, usize)],
        scope: Scope,
        field: Option<String>,
    ) -> Result<Phrase> {
        let fields = self.fields(scope, TermKind::Word);
        let first = terms.first().map_or(0, |(_, p)| *p);
        let mut doc_freq: Option<u64> = None;
        for (t, _) in terms {
            let n = field_doc_freq(self.searcher, &fields, t)?;
            doc_freq = Some(doc_freq.map_or(n, |d| d.min(n)));
        }
        Ok(Phrase {
            written: written.to_string(),
            field,
            scope,
            terms: terms.iter().map(|(t, p)| (p - first, t.clone())).collect(),
            doc_freq: doc_freq.unwrap_or(0),
        })
    }
}
