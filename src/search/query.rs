//! Turning a request into a tantivy query: the query language, the German expansions of each
//! word, and the date range.

use std::collections::HashSet;
use std::ops::Bound;

use serde::Serialize;
use tantivy::collector::Count;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, DisjunctionMaxQuery, EmptyQuery, Occur, PhraseQuery, Query,
    RangeQuery, TermQuery,
};
use tantivy::query_grammar::{Delimiter, UserInputAst, UserInputLeaf, UserInputLiteral};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DateTime, Searcher, Term};
use time::OffsetDateTime;

use super::bonus::BonusQuery;
use super::fuzzy::{self, near_terms};
use crate::analysis::{TermKind, cached_word, is_known_word, query_name_codes};
use crate::dates::DateRange;
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
/// Below this many documents a word's documents are counted exactly for the query plan.
pub const EXACT_COUNT_BELOW: u64 = 1000;

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
    /// Documents that hold the term as written (in the searched fields); from
    /// [`EXACT_COUNT_BELOW`] on, the count of the one field that holds it most.
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

/// A parsed query and what it looks for.
pub(crate) struct Plan {
    pub query: Option<Box<dyn Query>>,
    pub words: Vec<WordPlan>,
    pub title_marks: Marks,
    pub body_marks: Marks,
}

/// Builds the plan for the query words of a request.
pub(crate) fn plan(
    index: &Index,
    searcher: &Searcher,
    text: &str,
    expansions: Expansions,
) -> Result<Plan> {
    let mut b = Builder {
        index,
        searcher,
        expansions,
        text,
        plan: Plan {
            query: None,
            words: Vec::new(),
            title_marks: Marks::default(),
            body_marks: Marks::default(),
        },
    };
    if !text.trim().is_empty() {
        let ast = tantivy::query_grammar::parse_query(text).map_err(|_| {
            b.error("syntax error (check quotes and parentheses; a word with a colon is read as `field:word`)")
        })?;
        // Only stop words or punctuation: a valid question without an answer.
        b.plan.query = Some(b.build(ast)?.unwrap_or_else(|| Box::new(EmptyQuery)));
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
}

impl Builder<'_> {
    fn error(&self, message: impl Into<String>) -> Error {
        Error::Query {
            query: self.text.to_string(),
            message: message.into(),
        }
    }

    fn build(&mut self, ast: UserInputAst) -> Result<Option<Box<dyn Query>>> {
        match ast {
            UserInputAst::Clause(clauses) => {
                let mut subs: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for (occur, sub) in clauses {
                    if let Some(q) = self.build(sub)? {
                        subs.push((occur.unwrap_or(Occur::Must), q));
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
                Ok(Some(Box::new(BooleanQuery::new(subs))))
            }
            UserInputAst::Boost(ast, boost) => Ok(self.build(*ast)?.map(|q| {
                Box::new(BoostQuery::new(q, boost.into_inner() as f32)) as Box<dyn Query>
            })),
            UserInputAst::Leaf(leaf) => match *leaf {
                UserInputLeaf::Literal(literal) => self.literal(literal),
                UserInputLeaf::All => Ok(Some(Box::new(AllQuery))),
                _ => Err(self.error(
                    "ranges, sets, regular expressions and field tests are not part of the query \
                     language; dates are searched with --from and --to",
                )),
            },
        }
    }

    fn literal(&mut self, literal: UserInputLiteral) -> Result<Option<Box<dyn Query>>> {
        let f = self.index.fields;
        let scope = match literal.field_name.as_deref() {
            None => Scope::TitleAndBody,
            Some(name::TITLE) => Scope::Title,
            Some(name::BODY) => Scope::Body,
            Some(name::TAGS) => Scope::Tags,
            Some(raw @ (name::SOURCE | name::ID)) => {
                let field = if raw == name::ID { f.id } else { f.source };
                let term = Term::from_field_text(field, &literal.phrase);
                return Ok(Some(Box::new(TermQuery::new(
                    term,
                    IndexRecordOption::Basic,
                ))));
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
            .filter_map(|(w, p)| cached_word(w).term.clone().map(|t| (t, *p)))
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

    /// An exact match scores its BM25 plus [`EXACT_BONUS`].
    fn exact(query: Box<dyn Query>) -> Box<dyn Query> {
        Box::new(BonusQuery::new(query, EXACT_BONUS))
    }

    /// How many documents hold the term in any of the fields: counted exactly up to
    /// [`EXACT_COUNT_BELOW`], above that the count of the field that holds it most (counting
    /// a frequent word's documents across fields would read all its postings).
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
        if most >= EXACT_COUNT_BELOW || fields.len() < 2 {
            return most;
        }
        let query = Self::term_query(fields, term);
        self.searcher
            .search(&*query, &Count)
            .map_or(most, |n| n as u64)
    }

    /// One word: the best of its exact, part, sound and typo matches.
    fn word(
        &mut self,
        original: &str,
        term: &str,
        scope: Scope,
        field: Option<String>,
    ) -> Box<dyn Query> {
        let word_fields = self.fields(scope, TermKind::Word);
        let doc_freq = self.doc_freq(&word_fields, term);
        let mut branches: Vec<Box<dyn Query>> =
            vec![Self::exact(Self::term_query(&word_fields, term))];
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
            self.mark(scope, TermKind::Part, term);
            plan.parts = true;
        }
        let name_fields = self.fields(scope, TermKind::Name);
        if self.expansions.names && !name_fields.is_empty() && cached_word(original).code.is_some()
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
                }
            }
        }
        self.plan.words.push(plan);
        if branches.len() == 1 {
            branches.remove(0)
        } else {
            Box::new(DisjunctionMaxQuery::new(branches))
        }
    }

    /// Words in this order (gaps where stop words were), matched exactly.
    fn phrase(
        &mut self,
        original: &str,
        terms: &[(String, usize)],
        scope: Scope,
        field: Option<String>,
    ) -> Box<dyn Query> {
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
            doc_freq: self
                .searcher
                .search(&*query, &Count)
                .map_or(0, |n| n as u64),
            parts: false,
            code: None,
            typos: Vec::new(),
        });
        Self::exact(query)
    }
}

fn date_term(field: Field, t: OffsetDateTime) -> Term {
    let dt = DateTime::try_from_utc(t).unwrap_or(if t.year() < 1970 {
        DateTime::MIN
    } else {
        DateTime::MAX
    });
    Term::from_field_date_for_search(field, dt)
}

/// The date filter, or `None` if the range is unbounded.
fn range_query(field: Field, range: &DateRange) -> Option<Box<dyn Query>> {
    if range.is_unbounded() {
        return None;
    }
    let lower = range
        .start()
        .map_or(Bound::Unbounded, |t| Bound::Included(date_term(field, t)));
    let upper = range
        .end()
        .map_or(Bound::Unbounded, |t| Bound::Excluded(date_term(field, t)));
    Some(Box::new(RangeQuery::new(lower, upper)))
}

/// The whole query: words and dates. The date filter has no weight, so it does not change
/// how the words rank the hits.
pub(crate) fn full_query(
    index: &Index,
    text: Option<&dyn Query>,
    range: &DateRange,
) -> Box<dyn Query> {
    let dates = range_query(index.fields.date, range);
    match (text, dates) {
        (None, None) => Box::new(AllQuery),
        (None, Some(dates)) => dates,
        (Some(text), None) => text.box_clone(),
        (Some(text), Some(dates)) => Box::new(BooleanQuery::new(vec![
            (Occur::Must, text.box_clone()),
            (Occur::Must, Box::new(BoostQuery::new(dates, 0.0))),
        ])),
    }
}
