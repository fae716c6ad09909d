//! Turning a request into a tantivy query: the query language, the German expansions of each
//! word, and the date range.

use std::collections::HashSet;

use serde::Serialize;
use tantivy::collector::Count;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, DisjunctionMaxQuery, EmptyQuery, Occur, PhraseQuery, Query,
    TermQuery,
};
use tantivy::query_grammar::{Delimiter, UserInputAst, UserInputLeaf, UserInputLiteral};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Score, Searcher, Term};

use super::all_words::AllWordsQuery;
use super::bonus::BonusQuery;
use super::count::{TermSets, TermSetsQuery};
use super::exclude::ExcludedQuery;
use super::fuzzy::{self, near_terms};
use crate::analysis::{TermKind, is_known_word, query_name_codes, shared_analysis};
use crate::index::Index;
use crate::index::schema::name;
use crate::{Error, Result};

/// How much more a title match counts than a body match.
pub const TITLE_BOOST: f32 = 2.0;
/// Added to the score of every query word found as written, so that exact matches rank
/// above matches through a compound part, a name's sound or a typo correction.
pub const EXACT_BONUS: f32 = 4.0;
/// Weight of a match on a compound part (`Minister` in `Verteidigungsminister`).
pub const PART_WEIGHT: f32 = 0.6;
/// Weight of a match on a name's sound (`Shoigu` for `Schoigu`).
pub const NAME_WEIGHT: f32 = 0.5;
/// Weight of a match on a near spelling (`Verteidigungsminster`).
pub const TYPO_WEIGHT: f32 = 0.4;
/// A word is read as a possible typo only if it is in fewer documents than this: a word the
/// archive uses often is no typo, and correcting it would only add noise.
pub const TYPO_BELOW_DOCS: u64 = 3;

/// The expansions a search may use beyond the words as written. All on by default.
///
/// ```
/// use nachlese::search::Expansions;
///
/// assert!(Expansions::default().compounds);
/// assert_eq!(Expansions::NONE, Expansions { compounds: false, names: false, typos: false });
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Expansions {
    /// A word also finds compounds that contain it (`Minister` → `Verteidigungsminister`).
    pub compounds: bool,
    /// A name also finds its other spellings by sound (`Schoigu` → `Shoigu`, `Schojgu`).
    pub names: bool,
    /// A word that is no German word known to the lexicon and is found in fewer than
    /// [`TYPO_BELOW_DOCS`] articles also finds words one or two edits away
    /// (`Verteidigungsminster` → `Verteidigungsminister`).
    pub typos: bool,
}

impl Expansions {
    /// Words only as written (in any inflection and spelling the analysis folds).
    pub const NONE: Expansions = Expansions {
        compounds: false,
        names: false,
        typos: false,
    };
}

impl Default for Expansions {
    fn default() -> Self {
        Expansions {
            compounds: true,
            names: true,
            typos: true,
        }
    }
}

/// What one query word looks for: for users who want to know why something matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WordPlan {
    /// The word as written in the query (a phrase for quoted text).
    pub word: String,
    /// The field it is limited to (`title:word`), if any.
    pub field: Option<String>,
    /// Its term(s) as the index stores words (several for a phrase).
    pub terms: Vec<String>,
    /// Documents that hold the term as written (in the searched fields): exact from
    /// [`Index::explain`]; in search results a lower bound, the count of the one field
    /// (title or body) that holds it most. For a phrase, the count of its rarest word (an
    /// upper bound).
    pub doc_freq: u64,

    /// Whether compounds containing it are searched.
    pub parts: bool,
    /// The sound code searched, for a name.
    pub code: Option<String>,
    /// Near terms searched as typo corrections.
    pub typos: Vec<String>,
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

/// A query for ranking and one that only counts: the same documents, but counting needs no
/// scores, so its terms are one flat union (far faster than the ranking query's nested best-of
/// unions).
pub(crate) struct Node {
    pub score: Box<dyn Query>,
    pub count: Box<dyn Query>,
    /// The documents `count` matches as sets of terms, where they are: then an enclosing
    /// clause counts with one query for all its words.
    sets: Option<TermSets>,
    /// For a conjunction of words matched only as written: each word's terms with their
    /// boosts (then its documents can be ranked by [`AllWordsQuery`]).
    scored: Option<Vec<Vec<(Term, Score)>>>,
}

impl Node {
    fn same(query: Box<dyn Query>) -> Node {
        Node {
            count: query.box_clone(),
            score: query,
            sets: None,
            scored: None,
        }
    }

    fn counted_by(score: Box<dyn Query>, sets: TermSets) -> Node {
        Node {
            score,
            count: Box::new(TermSetsQuery::new(sets.clone())),
            sets: Some(sets),
            scored: None,
        }
    }
}

/// The scored terms of clauses that all must or must not match, where those that must are
/// words matched only as written.
fn merged_scored(subs: &[(Occur, Node)]) -> Option<Vec<Vec<(Term, Score)>>> {
    let mut merged = Vec::new();
    for (occur, node) in subs {
        match occur {
            Occur::Must => merged.extend(node.scored.as_ref()?.iter().cloned()),
            Occur::MustNot => {}
            Occur::Should => return None,
        }
    }
    Some(merged)
}

/// The term sets of clauses that all must or must not match, counted as one.
fn merged_sets(subs: &[(Occur, Node)]) -> Option<TermSets> {
    let mut merged = TermSets::default();
    for (occur, node) in subs {
        let sets = node.sets.as_ref()?;
        match occur {
            Occur::Must => {
                merged.all.extend(sets.all.iter().cloned());
                merged.none.extend(sets.none.iter().cloned());
            }
            // Excluding a word: excluding any of its terms. (Excluding a clause of several
            // words is no set of terms.)
            Occur::MustNot if sets.all.len() == 1 && sets.none.is_empty() => {
                merged.none.extend(sets.all.iter().cloned());
            }
            _ => return None,
        }
    }
    Some(merged)
}

/// A parsed query and what it looks for.
pub(crate) struct Plan {
    pub query: Option<Box<dyn Query>>,
    /// Matches the same documents as `query`, cheaper to count.
    pub count: Option<Box<dyn Query>>,
    /// For a query of words that must all match: the same words only as written, and how
    /// many of them there are. Every article it finds has every word's exact bonus, so when it
    /// fills a page of hits, that page is the page of the full query, found much faster (a
    /// plain BM25 query lets tantivy skip whole blocks of postings).
    pub exact: Option<(Box<dyn Query>, usize)>,
    pub words: Vec<WordPlan>,
    pub title_marks: Marks,
    pub body_marks: Marks,
}

/// The most words (not counting stop words) a query may have.
pub const MAX_QUERY_WORDS: usize = 256;

/// The start of a long query, for an error message.
fn abbreviated(text: &str) -> String {
    const SHOWN: usize = 80;
    match text.char_indices().nth(SHOWN) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

/// Builds the plan for the query words of a request.
pub(crate) fn plan(
    index: &Index,
    searcher: &Searcher,
    text: &str,
    expansions: Expansions,
    exact_counts: bool,
) -> Result<Plan> {
    let mut b = Builder::new(index, searcher, expansions, text);
    b.exact_counts = exact_counts;
    if text.trim().is_empty() {
        return Ok(b.plan);
    }
    // Every word costs term lookups and expansions: a runaway query (pasted text, a script's
    // bug) would take seconds or minutes. Stop words cost nothing and do not count.
    let words: usize = text
        .split_whitespace()
        .filter(|w| !matches!(*w, "OR" | "AND"))
        .map(|w| crate::analysis::word_terms(w).len())
        .sum();
    if words > MAX_QUERY_WORDS {
        return Err(Error::Query {
            query: abbreviated(text),
            message: format!(
                "it has {words} words; nachlese searches for at most {MAX_QUERY_WORDS} at once"
            ),
        });
    }
    let parse = || {
        tantivy::query_grammar::parse_query(text).map_err(|_| Error::Query {
            query: abbreviated(text),
            message: "syntax error (check quotes and parentheses; a word with a colon is read \
                      as `field:word`)"
                .into(),
        })
    };
    // Only stop words or punctuation: a valid question without an answer.
    let node = b
        .build(parse()?, true)?
        .unwrap_or_else(|| Node::same(Box::new(EmptyQuery)));
    if b.expanded {
        if b.conjunctive && b.bonuses > 0 {
            let mut exact = Builder::new(index, searcher, Expansions::NONE, text);
            exact.excluding = expansions;
            if let Some(q) = exact.build(parse()?, true)? {
                // Two or more words: find their common documents first, then rank them.
                // (One word's own query is faster: tantivy skips blocks of its postings.)
                let query = match (q.scored, q.sets) {
                    (Some(words), Some(sets)) if words.len() >= 2 => {
                        Box::new(AllWordsQuery::new(words, sets))
                    }
                    _ => q.score,
                };
                b.plan.exact = Some((query, b.bonuses));
            }
        }
        b.plan.query = Some(node.score);
        b.plan.count = Some(node.count);
    } else {
        // Nothing beyond the words as written: no bonus to rank by, one query for all.
        let mut exact = Builder::new(index, searcher, Expansions::NONE, text);
        let q = exact
            .build(parse()?, true)?
            .map_or_else(|| Box::new(EmptyQuery) as Box<dyn Query>, |n| n.score);
        b.plan.count = Some(q.box_clone());
        b.plan.query = Some(q);
    }
    Ok(b.plan)
}

/// Where a literal looks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    TitleAndBody,
    Title,
    Body,
    Tags,
}

struct Builder<'a> {
    index: &'a Index,
    searcher: &'a Searcher,
    expansions: Expansions,
    text: &'a str,
    plan: Plan,
    /// Whether exact matches get [`EXACT_BONUS`] (only needed beside expansions).
    bonus: bool,
    /// Whether every word must match (no `OR`, no boosts).
    conjunctive: bool,
    /// How many words and phrases must match (each adds a bonus to every hit).
    bonuses: usize,
    /// Whether some word looks for more than itself.
    expanded: bool,
    /// Whether to count each word's documents exactly (for explaining a query).
    exact_counts: bool,
    /// The expansions of excluded words (`-Schoigu`): those of the request even where the
    /// words it must find are matched only as written, so that every page of hits leaves
    /// out what the query does (`Shoigu` too).
    excluding: Expansions,
}

impl<'a> Builder<'a> {
    fn new(
        index: &'a Index,
        searcher: &'a Searcher,
        expansions: Expansions,
        text: &'a str,
    ) -> Self {
        Builder {
            index,
            searcher,
            expansions,
            text,
            plan: Plan {
                query: None,
                count: None,
                exact: None,
                words: Vec::new(),
                title_marks: Marks::default(),
                body_marks: Marks::default(),
            },
            bonus: expansions != Expansions::NONE,
            conjunctive: true,
            bonuses: 0,
            expanded: false,
            exact_counts: false,
            excluding: expansions,
        }
    }

    fn error(&self, message: impl Into<String>) -> Error {
        Error::Query {
            query: self.text.to_string(),
            message: message.into(),
        }
    }

    /// The query for `ast`; `must` tells whether every enclosing clause must match.
    fn build(&mut self, ast: UserInputAst, must: bool) -> Result<Option<Node>> {
        match ast {
            UserInputAst::Clause(clauses) => {
                let mut subs: Vec<(Occur, Node)> = Vec::new();
                for (occur, sub) in clauses {
                    let occur = occur.unwrap_or(Occur::Must);
                    self.conjunctive &= occur != Occur::Should;
                    let built = if occur == Occur::MustNot {
                        let own = std::mem::replace(&mut self.expansions, self.excluding);
                        let built = self.build(sub, false);
                        self.expansions = own;
                        built?
                    } else {
                        self.build(sub, must && occur == Occur::Must)?
                    };
                    if let Some(mut q) = built {
                        if occur == Occur::MustNot {
                            q.score = Box::new(ExcludedQuery::new(q.score));
                            q.count = Box::new(ExcludedQuery::new(q.count));
                        }
                        subs.push((occur, q));
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
                let sets = merged_sets(&subs);
                let scored = merged_scored(&subs);
                let (score, count): (Vec<_>, Vec<_>) = subs
                    .into_iter()
                    .map(|(o, n)| ((o, n.score), (o, n.count)))
                    .unzip();
                let score = Box::new(BooleanQuery::new(score));
                Ok(Some(match sets {
                    Some(sets) => Node {
                        scored,
                        ..Node::counted_by(score, sets)
                    },
                    None => Node {
                        score,
                        count: Box::new(BooleanQuery::new(count)),
                        sets: None,
                        scored: None,
                    },
                }))
            }
            UserInputAst::Boost(ast, boost) => {
                self.conjunctive = false;
                Ok(self.build(*ast, must)?.map(|n| Node {
                    score: Box::new(BoostQuery::new(n.score, boost.into_inner() as f32)),
                    ..n
                }))
            }
            UserInputAst::Leaf(leaf) => match *leaf {
                UserInputLeaf::Literal(literal) => {
                    // Words limited to source or id are matched as they are, with no bonus.
                    let raw =
                        matches!(literal.field_name.as_deref(), Some(name::SOURCE | name::ID));
                    let q = self.literal(literal)?;
                    if must && !raw && q.is_some() {
                        self.bonuses += 1;
                    }
                    Ok(q)
                }
                UserInputLeaf::All => Ok(Some(Node::same(Box::new(AllQuery)))),
                _ => Err(self.error(
                    "ranges, sets, regular expressions and field tests are not part of the query \
                     language; dates are searched with a date range",
                )),
            },
        }
    }

    fn literal(&mut self, literal: UserInputLiteral) -> Result<Option<Node>> {
        let f = self.index.fields;
        let scope = match literal.field_name.as_deref() {
            None => Scope::TitleAndBody,
            Some(name::TITLE) => Scope::Title,
            Some(name::BODY) => Scope::Body,
            Some(name::TAGS) => Scope::Tags,
            Some(raw @ (name::SOURCE | name::ID)) => {
                let field = if raw == name::ID { f.id } else { f.source };
                let term = Term::from_field_text(field, &literal.phrase);
                return Ok(Some(Node::same(Box::new(TermQuery::new(
                    term,
                    IndexRecordOption::Basic,
                )))));
            }
            Some(other) => {
                return Err(self.error(format!(
                    "there is no field `{other}` (searchable fields: {}, {}, {}, {}, {})",
                    name::TITLE,
                    name::BODY,
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
        match terms.len() {
            0 => Ok(None),
            // A quoted single word means just that word: no expansions.
            1 if literal.delimiter == Delimiter::None => {
                Ok(Some(self.word(&words[0].0, &terms[0].0, scope, field)))
            }
            _ => Ok(Some(self.phrase(&literal.phrase, &terms, scope, field))),
        }
    }

    /// The fields of a scope for one kind of term, each with its boost.
    fn fields(&self, scope: Scope, kind: TermKind) -> Vec<(Field, f32)> {
        let f = self.index.fields;
        let (title, body) = match kind {
            TermKind::Word => (f.title, f.body),
            TermKind::Part => (f.title_parts, f.body_parts),
            TermKind::Name => (f.title_names, f.body_names),
        };
        match scope {
            Scope::TitleAndBody => vec![(title, TITLE_BOOST), (body, 1.0)],
            Scope::Title => vec![(title, 1.0)],
            Scope::Body => vec![(body, 1.0)],
            Scope::Tags if kind == TermKind::Word => vec![(f.tags, 1.0)],
            Scope::Tags => vec![],
        }
    }

    fn mark(&mut self, scope: Scope, kind: TermKind, term: &str) {
        if matches!(scope, Scope::TitleAndBody | Scope::Title) {
            self.plan.title_marks.terms.insert((kind, term.to_string()));
        }
        if matches!(scope, Scope::TitleAndBody | Scope::Body) {
            self.plan.body_marks.terms.insert((kind, term.to_string()));
        }
    }

    /// A term in several fields, scored by BM25 in each (with the field's boost).
    fn term_query(fields: &[(Field, f32)], term: &str) -> Box<dyn Query> {
        let clauses = fields
            .iter()
            .map(|&(field, boost)| {
                let q: Box<dyn Query> = Box::new(TermQuery::new(
                    Term::from_field_text(field, term),
                    IndexRecordOption::WithFreqs,
                ));
                let q = if boost == 1.0 {
                    q
                } else {
                    Box::new(BoostQuery::new(q, boost))
                };
                (Occur::Should, q)
            })
            .collect();
        Box::new(BooleanQuery::new(clauses))
    }

    /// An exact match scores its BM25 plus [`EXACT_BONUS`] (when there are expansions).
    fn exact(&self, query: Box<dyn Query>) -> Box<dyn Query> {
        if self.bonus {
            Box::new(BonusQuery::new(query, EXACT_BONUS))
        } else {
            query
        }
    }

    /// How many documents hold the term in any of the fields: counted exactly when the plan
    /// is for explaining, else the count of the one field that holds it most (a lower bound;
    /// counting across fields would read all the word's postings once more per search).
    fn doc_freq(&self, fields: &[(Field, f32)], term: &str) -> u64 {
        let most = fields
            .iter()
            .map(|&(f, _)| {
                self.searcher
                    .doc_freq(&Term::from_field_text(f, term))
                    .unwrap_or(0)
            })
            .max()
            .unwrap_or(0);
        if !self.exact_counts || fields.len() < 2 {
            return most;
        }
        let query = Self::term_query(fields, term);
        self.searcher
            .search(&*query, &Count)
            .map_or(most, |n| n as u64)
    }

    /// One word: the best of its exact, part, sound and typo matches.
    fn word(&mut self, original: &str, term: &str, scope: Scope, field: Option<String>) -> Node {
        let word_fields = self.fields(scope, TermKind::Word);
        let doc_freq = self.doc_freq(&word_fields, term);
        let mut branches: Vec<Box<dyn Query>> =
            vec![self.exact(Self::term_query(&word_fields, term))];
        // Every (field, term) the word may match, for counting.
        let mut any: Vec<Term> = Vec::new();
        let mut count = |fields: &[(Field, f32)], term: &str| {
            any.extend(fields.iter().map(|&(f, _)| Term::from_field_text(f, term)));
        };
        count(&word_fields, term);
        self.mark(scope, TermKind::Word, term);
        let mut plan = WordPlan {
            word: original.to_string(),
            field,
            terms: vec![term.to_string()],
            doc_freq,
            parts: false,
            code: None,
            typos: Vec::new(),
        };

        let part_fields = self.fields(scope, TermKind::Part);
        if self.expansions.compounds && !part_fields.is_empty() {
            branches.push(Box::new(BoostQuery::new(
                Self::term_query(&part_fields, term),
                PART_WEIGHT,
            )));
            count(&part_fields, term);
            self.mark(scope, TermKind::Part, term);
            plan.parts = true;
        }
        let name_fields = self.fields(scope, TermKind::Name);
        if self.expansions.names
            && !name_fields.is_empty()
            && shared_analysis(original).code.is_some()
        {
            let codes = query_name_codes(original);
            let clauses = codes
                .iter()
                .map(|c| (Occur::Should, Self::term_query(&name_fields, c)))
                .collect();
            branches.push(Box::new(BoostQuery::new(
                Box::new(BooleanQuery::new(clauses)),
                NAME_WEIGHT,
            )));
            for c in &codes {
                self.mark(scope, TermKind::Name, c);
                count(&name_fields, c);
            }
            plan.code = Some(codes.join(" "));
        }
        // A word the lexicon knows, or that the archive uses (also inside compounds), is no typo.
        let known = is_known_word(&original.to_lowercase())
            || doc_freq + self.doc_freq(&part_fields, term) >= TYPO_BELOW_DOCS;
        if self.expansions.typos && !known && fuzzy::max_distance(term) > 0 {
            let fields: Vec<Field> = word_fields.iter().map(|&(f, _)| f).collect();
            let near = near_terms(self.searcher, &fields, term).unwrap_or_default();
            if !near.is_empty() {
                let clauses = near
                    .iter()
                    .map(|n| (Occur::Should, Self::term_query(&word_fields, &n.term)))
                    .collect();
                branches.push(Box::new(BoostQuery::new(
                    Box::new(BooleanQuery::new(clauses)),
                    TYPO_WEIGHT,
                )));
                for n in &near {
                    self.mark(scope, TermKind::Word, &n.term);
                    plan.typos.push(n.term.clone());
                    count(&word_fields, &n.term);
                }
            }
        }
        self.plan.words.push(plan);
        let sets = TermSets::any(any);
        if branches.len() == 1 {
            let scored = (!self.bonus).then(|| {
                vec![
                    word_fields
                        .iter()
                        .map(|&(f, boost)| (Term::from_field_text(f, term), boost))
                        .collect(),
                ]
            });
            Node {
                scored,
                ..Node::counted_by(branches.remove(0), sets)
            }
        } else {
            self.expanded = true;
            Node::counted_by(Box::new(DisjunctionMaxQuery::new(branches)), sets)
        }
    }

    /// Words in this order (gaps where stop words were), matched exactly.
    fn phrase(
        &mut self,
        original: &str,
        terms: &[(String, usize)],
        scope: Scope,
        field: Option<String>,
    ) -> Node {
        let fields = self.fields(scope, TermKind::Word);
        let first = terms[0].1;
        let clauses = fields
            .iter()
            .map(|&(f, boost)| {
                let q: Box<dyn Query> = if let [(t, _)] = terms {
                    Box::new(TermQuery::new(
                        Term::from_field_text(f, t),
                        IndexRecordOption::WithFreqs,
                    ))
                } else {
                    let positioned = terms
                        .iter()
                        .map(|(t, p)| (p - first, Term::from_field_text(f, t)))
                        .collect();
                    Box::new(PhraseQuery::new_with_offset(positioned))
                };
                (
                    Occur::Should,
                    Box::new(BoostQuery::new(q, boost)) as Box<dyn Query>,
                )
            })
            .collect();
        let phrase: Vec<(usize, String)> =
            terms.iter().map(|(t, p)| (p - first, t.clone())).collect();
        if matches!(scope, Scope::TitleAndBody | Scope::Title) {
            self.plan.title_marks.phrases.push(phrase.clone());
        }
        if matches!(scope, Scope::TitleAndBody | Scope::Body) {
            self.plan.body_marks.phrases.push(phrase);
        }
        let query: Box<dyn Query> = Box::new(BooleanQuery::new(clauses));
        self.plan.words.push(WordPlan {
            word: original.to_string(),
            field,
            terms: terms.iter().map(|(t, _)| t.clone()).collect(),
            // Counting a phrase would evaluate it once more; its rarest word bounds it.
            doc_freq: terms
                .iter()
                .map(|(t, _)| self.doc_freq(&fields, t))
                .min()
                .unwrap_or(0),
            parts: false,
            code: None,
            typos: Vec::new(),
        });
        Node {
            count: query.box_clone(),
            score: self.exact(query),
            sets: None,
            scored: None,
        }
    }
}
