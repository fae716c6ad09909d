//! A plan as tantivy queries: the one that ranks, the one that counts, and the one that finds
//! the page of exact matches first.

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, DisjunctionMaxQuery, EmptyQuery, Occur, PhraseQuery, Query,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Score, Term};

use super::all_words::AllWordsQuery;
use super::bonus::BonusQuery;
use super::count::{Memo, TermSets, TermSetsQuery};
use super::exclude::ExcludedQuery;
use super::plan::{Node, Phrase, Plan, Scope, Word, scope_fields};
use crate::analysis::TermKind;

/// The query that finds the page of exact matches, and the bonus each of its hits has in the
/// full ranking.
pub(crate) struct ExactPage {
    pub query: Box<dyn Query>,
    /// Every hit holds every word as written, so it has every word's exact bonus.
    pub bonus: Score,
}

/// How the words of a part of the plan become queries.
#[derive(Clone, Copy)]
struct Form {
    /// What exact matches add to the score.
    bonus: Option<Score>,
    /// Whether words look for their expansions, or only for themselves.
    expand: bool,
}

impl Form {
    /// The form of an excluded part: it excludes all the query does (`-Schoigu`: `Shoigu`
    /// too), so that every form of the search leaves out the same articles.
    fn excluding(self) -> Form {
        Form {
            expand: true,
            ..self
        }
    }
}

impl Plan {
    /// The query that ranks the hits: `None` for a listing without query words.
    pub(crate) fn scoring_query(&self) -> Option<Box<dyn Query>> {
        if !self.has_query() {
            return None;
        }
        let Some(root) = &self.root else {
            // Only stop words or punctuation: a valid question without an answer.
            return Some(Box::new(EmptyQuery));
        };
        // Beside expansions, matches as written rank first; without them there is nothing
        // to rank above.
        let bonus = self.is_expanded().then_some(self.ranking.exact_bonus);
        Some(self.score(
            root,
            Form {
                bonus,
                expand: true,
            },
        ))
    }

    /// A query matching the same documents as [`Plan::scoring_query`], cheaper to count: it
    /// needs no scores, so each word's terms are one flat union (far faster than the ranking
    /// query's nested best-of unions).
    pub(crate) fn count_query(&self) -> Option<Box<dyn Query>> {
        self.count_query_remembering(None)
    }

    /// [`Plan::count_query`], keeping the documents of each term of its words in `memo`
    /// (for the relaxed answer that may follow, see [`super::coverage`]).
    pub(crate) fn count_query_remembering(&self, memo: Option<&Memo>) -> Option<Box<dyn Query>> {
        match &self.root {
            Some(root) if self.is_expanded() => Some(self.count(root, memo)),
            // Words only as written: tantivy counts their own query fastest.
            _ => self.scoring_query(),
        }
    }

    /// For a query of words that must all match, beside expansions: the same words only as
    /// written. Every article it finds has every word's exact bonus, so when it fills a page
    /// of hits, that page is the page of the full query, found much faster (a plain BM25
    /// query lets tantivy skip whole blocks of postings).
    pub(crate) fn exact_page(&self) -> Option<ExactPage> {
        let root = self.root.as_ref()?;
        let bonuses = must_leaves(root);
        if !self.is_expanded() || !is_conjunctive(root) || bonuses == 0 {
            return None;
        }
        let form = Form {
            bonus: None,
            expand: false,
        };
        let query = match (self.written_words(root), self.sets(root, form)) {
            // Two or more words: find their common documents first, then rank them. (One
            // word's own query is faster: tantivy skips blocks of its postings.)
            (Some(words), Some(sets)) if words.len() >= 2 => {
                Box::new(AllWordsQuery::new(words, sets)) as Box<dyn Query>
            }
            _ => self.score(root, form),
        };
        Some(ExactPage {
            query,
            bonus: bonuses as Score * self.ranking.exact_bonus,
        })
    }

    fn fields(&self, scope: Scope, kind: TermKind) -> Vec<(Field, f32)> {
        scope_fields(&self.fields, &self.ranking, scope, kind)
    }

    fn score(&self, node: &Node, form: Form) -> Box<dyn Query> {
        match node {
            Node::Clause(subs) => Box::new(BooleanQuery::new(
                subs.iter()
                    .map(|(occur, sub)| {
                        let q = if *occur == Occur::MustNot {
                            Box::new(ExcludedQuery::new(self.score(sub, form.excluding())))
                        } else {
                            self.score(sub, form)
                        };
                        (*occur, q)
                    })
                    .collect(),
            )),
            Node::Boost(sub, boost) => Box::new(BoostQuery::new(self.score(sub, form), *boost)),
            Node::Word(word) => self.word(word, form),
            Node::Phrase(phrase) => with_bonus(self.phrase(phrase), form.bonus),
            Node::Raw(term) => Box::new(TermQuery::new(term.clone(), IndexRecordOption::Basic)),
            Node::All => Box::new(AllQuery),
        }
    }

    /// One word: the best of its exact, part, sound and typo matches.
    fn word(&self, word: &Word, form: Form) -> Box<dyn Query> {
        let word_fields = self.fields(word.scope, TermKind::Word);
        let exact = with_bonus(term_query(&word_fields, &word.term), form.bonus);
        if !form.expand || !word.is_expanded() {
            return exact;
        }
        let r = &self.ranking;
        let mut branches = vec![exact];
        if word.parts {
            let parts = term_query(&self.fields(word.scope, TermKind::Part), &word.term);
            branches.push(Box::new(BoostQuery::new(parts, r.part_weight)));
        }
        if let Some(codes) = &word.codes {
            let fields = self.fields(word.scope, TermKind::Name);
            branches.push(Box::new(BoostQuery::new(
                any_term(&fields, codes),
                r.name_weight,
            )));
        }
        if !word.typos.is_empty() {
            let near = any_term(&word_fields, &word.typos);
            branches.push(Box::new(BoostQuery::new(near, r.typo_weight)));
        }
        if let Some(near) = self.halves_query(word) {
            branches.push(Box::new(BoostQuery::new(near, r.part_weight)));
        }
        Box::new(DisjunctionMaxQuery::new(branches))
    }

    /// A compound's modifier and head near each other, in either order, in each field with
    /// its boost: `Rentenreform` finds "Reform der Rente" and "Renten vor der Reform".
    fn halves_query(&self, word: &Word) -> Option<Box<dyn Query>> {
        let (modifier, head) = word.halves.as_ref()?;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (field, boost) in self.fields(word.scope, TermKind::Word) {
            for (a, b) in [(modifier, head), (head, modifier)] {
                let mut q = PhraseQuery::new(vec![
                    Term::from_field_text(field, a),
                    Term::from_field_text(field, b),
                ]);
                q.set_slop(HALVES_WINDOW);
                clauses.push((Occur::Should, Box::new(BoostQuery::new(Box::new(q), boost))));
            }
        }
        Some(Box::new(BooleanQuery::new(clauses)))
    }

    /// Words in this order (gaps where stop words were), in each field with its boost.
    fn phrase(&self, phrase: &Phrase) -> Box<dyn Query> {
        let clauses = self
            .fields(phrase.scope, TermKind::Word)
            .into_iter()
            .map(|(f, boost)| {
                let q: Box<dyn Query> = if let [(_, t)] = phrase.terms.as_slice() {
                    Box::new(TermQuery::new(
                        Term::from_field_text(f, t),
                        IndexRecordOption::WithFreqs,
                    ))
                } else {
                    let positioned = phrase
                        .terms
                        .iter()
                        .map(|(offset, t)| (*offset, Term::from_field_text(f, t)))
                        .collect();
                    Box::new(PhraseQuery::new_with_offset(positioned))
                };
                (
                    Occur::Should,
                    Box::new(BoostQuery::new(q, boost)) as Box<dyn Query>,
                )
            })
            .collect();
        Box::new(BooleanQuery::new(clauses))
    }

    /// Counts the documents of `node` (in the ranking's form).
    fn count(&self, node: &Node, memo: Option<&Memo>) -> Box<dyn Query> {
        let form = Form {
            bonus: None,
            expand: true,
        };
        if let Some(sets) = self.sets(node, form) {
            return Box::new(TermSetsQuery::new(sets).remembering(memo.cloned()));
        }
        match node {
            Node::Clause(subs) => Box::new(BooleanQuery::new(
                subs.iter()
                    .map(|(occur, sub)| {
                        let q = if *occur == Occur::MustNot {
                            Box::new(ExcludedQuery::new(self.count(sub, None)))
                        } else {
                            self.count(sub, memo)
                        };
                        (*occur, q)
                    })
                    .collect(),
            )),
            Node::Boost(sub, _) => self.count(sub, memo),
            Node::Word(_) | Node::Phrase(_) | Node::Raw(_) | Node::All => self.score(node, form),
        }
    }

    /// The documents `node` matches as sets of terms, where they are: then a clause of words
    /// is counted (or its common documents found) with one query for all of them.
    fn sets(&self, node: &Node, form: Form) -> Option<TermSets> {
        match node {
            // Halves near each other are no set of terms.
            Node::Word(word) if form.expand && word.halves.is_some() => None,
            Node::Word(word) => Some(TermSets::any(self.word_terms(word, form.expand))),
            Node::Boost(sub, _) => self.sets(sub, form),
            Node::Clause(subs) => {
                let mut merged = TermSets::default();
                for (occur, sub) in subs {
                    match occur {
                        Occur::Must => {
                            let sets = self.sets(sub, form)?;
                            merged.all.extend(sets.all);
                            merged.none.extend(sets.none);
                        }
                        // Excluding a word: excluding any of its terms. (Excluding a clause
                        // of several words is no set of terms.)
                        Occur::MustNot => match self.sets(sub, form.excluding())? {
                            TermSets { mut all, none } if all.len() == 1 && none.is_empty() => {
                                merged.none.append(&mut all);
                            }
                            _ => return None,
                        },
                        Occur::Should => return None,
                    }
                }
                Some(merged)
            }
            Node::Phrase(_) | Node::Raw(_) | Node::All => None,
        }
    }

    /// Every (field, term) a word may match.
    fn word_terms(&self, word: &Word, expand: bool) -> Vec<Term> {
        let mut terms = Vec::new();
        let mut add = |kind, term: &str| {
            terms.extend(
                self.fields(word.scope, kind)
                    .iter()
                    .map(|&(f, _)| Term::from_field_text(f, term)),
            );
        };
        add(TermKind::Word, &word.term);
        if expand {
            if word.parts {
                add(TermKind::Part, &word.term);
            }
            for code in word.codes.iter().flatten() {
                add(TermKind::Name, code);
            }
            for typo in &word.typos {
                add(TermKind::Word, typo);
            }
        }
        terms
    }

    /// For a conjunction of words (beside exclusions): each word's terms as written, with
    /// their boosts (then its documents can be ranked by [`AllWordsQuery`]).
    fn written_words(&self, node: &Node) -> Option<Vec<Vec<(Term, Score)>>> {
        match node {
            Node::Word(word) => Some(vec![
                self.fields(word.scope, TermKind::Word)
                    .into_iter()
                    .map(|(f, boost)| (Term::from_field_text(f, &word.term), boost))
                    .collect(),
            ]),
            Node::Boost(sub, _) => self.written_words(sub),
            Node::Clause(subs) => {
                let mut merged = Vec::new();
                for (occur, sub) in subs {
                    match occur {
                        Occur::Must => merged.extend(self.written_words(sub)?),
                        Occur::MustNot => {}
                        Occur::Should => return None,
                    }
                }
                Some(merged)
            }
            Node::Phrase(_) | Node::Raw(_) | Node::All => None,
        }
    }
}

/// How many words apart a compound's halves may stand (beyond adjacent), as a phrase's slop:
/// "Reform der gesetzlichen Rente".
const HALVES_WINDOW: u32 = 4;

/// How much a rare compound's modifier alone counts, against a match of its halves near
/// each other.
const MODIFIER_WEIGHT: Score = 0.5;

/// How many words and phrases must match (each adds its exact bonus to every exact hit).
fn must_leaves(node: &Node) -> usize {
    match node {
        Node::Clause(subs) => subs
            .iter()
            .filter(|(occur, _)| *occur == Occur::Must)
            .map(|(_, sub)| must_leaves(sub))
            .sum(),
        Node::Boost(sub, _) => must_leaves(sub),
        Node::Word(_) | Node::Phrase(_) => 1,
        Node::Raw(_) | Node::All => 0,
    }
}

/// Whether tantivy finds the best scores of `node` without scoring every match (block-max
/// WAND): one word, or words joined by `OR`, each a union of its fields' terms.
pub(crate) fn prunes(node: &Node) -> bool {
    match node {
        Node::Word(_) | Node::Raw(_) => true,
        Node::Clause(subs) => match subs.as_slice() {
            [(Occur::Must | Occur::Should, sub)] => prunes(sub),
            _ => subs
                .iter()
                .all(|(occur, sub)| *occur == Occur::Should && prunes(sub)),
        },
        Node::Boost(sub, _) => prunes(sub),
        Node::Phrase(_) | Node::All => false,
    }
}

/// Whether every part must match (or must not): no `OR`, no boosts.
fn is_conjunctive(node: &Node) -> bool {
    match node {
        Node::Clause(subs) => subs
            .iter()
            .all(|(occur, sub)| *occur != Occur::Should && is_conjunctive(sub)),
        Node::Boost(..) => false,
        Node::Word(_) | Node::Phrase(_) | Node::Raw(_) | Node::All => true,
    }
}

/// An exact match scores its BM25 plus the bonus, if there is one.
fn with_bonus(query: Box<dyn Query>, bonus: Option<Score>) -> Box<dyn Query> {
    match bonus {
        Some(bonus) => Box::new(BonusQuery::new(query, bonus)),
        None => query,
    }
}

/// A term in several fields, scored by BM25 in each (with the field's boost).
pub(crate) fn term_query(fields: &[(Field, f32)], term: &str) -> Box<dyn Query> {
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

/// Any of several terms, each in several fields.
fn any_term(fields: &[(Field, f32)], terms: &[String]) -> Box<dyn Query> {
    let clauses = terms
        .iter()
        .map(|t| (Occur::Should, term_query(fields, t)))
        .collect();
    Box::new(BooleanQuery::new(clauses))
}

/// A loose word of a plan: as written, the terms it matches with its expansions, and those
/// it matches as written.
pub(crate) struct LooseWord {
    pub written: String,
    pub terms: Vec<Term>,
    pub exact: Vec<Term>,
    /// What no term set holds: a compound's halves near each other, or the words of an
    /// unquoted hyphenated word (`Brosius-Gersdorf`) in a row.
    pub near: Option<Box<dyn Query>>,
    /// Whether what `near` finds is the word as written (a hyphenated word's).
    pub near_is_exact: bool,
    /// Whether an article lacking it may rank with those holding every word (see
    /// [`Plan::soft`]).
    pub soft: bool,
    /// Whether it is no query word but a rare compound's modifier standing in for it
    /// (`Cannabis` of `Cannabislegalisierung`): it ranks, it is never missed or required.
    pub hint: bool,
}

impl Plan {
    /// Whether the plan has loose words (see [`Plan::loose`]).
    pub(crate) fn is_loose(&self) -> bool {
        !self.loose.is_empty()
    }

    /// The loose words, in query order.
    pub(crate) fn loose_words(&self) -> Vec<LooseWord> {
        let Some(Node::Clause(subs)) = &self.root else {
            return Vec::new();
        };
        self.loose
            .iter()
            .filter_map(|&i| match subs.get(i) {
                Some((_, Node::Word(word))) => Some(LooseWord {
                    written: word.written.clone(),
                    terms: self.word_terms(word, true),
                    exact: self.word_terms(word, false),
                    near: self.halves_query(word),
                    near_is_exact: false,
                    soft: self.soft.contains(&i),
                    hint: false,
                }),
                Some((_, Node::Phrase(phrase))) => Some(LooseWord {
                    written: phrase.written.clone(),
                    terms: Vec::new(),
                    exact: Vec::new(),
                    near: Some(self.phrase(phrase)),
                    near_is_exact: true,
                    soft: self.soft.contains(&i),
                    hint: false,
                }),
                _ => None,
            })
            .chain(self.modifiers().map(|(word, modifier)| LooseWord {
                written: modifier.to_string(),
                terms: self.modifier_terms(word, modifier),
                exact: Vec::new(),
                near: None,
                near_is_exact: false,
                soft: true,
                hint: true,
            }))
            .collect()
    }

    /// The loose words that are rare compounds, with their modifiers.
    fn modifiers(&self) -> impl Iterator<Item = (&Word, &str)> {
        let subs = match &self.root {
            Some(Node::Clause(subs)) => subs.as_slice(),
            _ => &[],
        };
        self.loose.iter().filter_map(|&i| match subs.get(i) {
            Some((_, Node::Word(word))) => word.halves.as_ref().map(|(m, _)| (word, m.as_str())),
            _ => None,
        })
    }

    /// A compound's modifier as a word and as a part of other compounds.
    fn modifier_terms(&self, word: &Word, modifier: &str) -> Vec<Term> {
        [TermKind::Word, TermKind::Part]
            .into_iter()
            .flat_map(|kind| self.fields(word.scope, kind))
            .map(|(f, _)| Term::from_field_text(f, modifier))
            .collect()
    }

    /// The ranking query with the loose words relaxed: an article must be one of `hits`
    /// (hold enough of them) and match all strict parts.
    pub(crate) fn relaxed_query(&self, hits: Box<dyn Query>) -> Option<Box<dyn Query>> {
        let Some(Node::Clause(subs)) = &self.root else {
            return self.scoring_query();
        };
        let form = Form {
            bonus: self.is_expanded().then_some(self.ranking.exact_bonus),
            expand: true,
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = subs
            .iter()
            .enumerate()
            .map(|(i, (occur, sub))| {
                let occur = if self.loose.contains(&i) {
                    Occur::Should
                } else {
                    *occur
                };
                let q = if occur == Occur::MustNot {
                    Box::new(ExcludedQuery::new(self.score(sub, form.excluding())))
                } else {
                    self.score(sub, form)
                };
                (occur, q)
            })
            .collect();
        // A rare compound's modifier alone ranks an article a little.
        for (word, modifier) in self.modifiers() {
            let fields: Vec<(Field, f32)> = [TermKind::Word, TermKind::Part]
                .into_iter()
                .flat_map(|kind| self.fields(word.scope, kind))
                .collect();
            let q = term_query(&fields, modifier);
            let weight = self.ranking.part_weight * MODIFIER_WEIGHT;
            clauses.push((Occur::Should, Box::new(BoostQuery::new(q, weight))));
        }
        clauses.push((Occur::Must, hits));
        Some(Box::new(BooleanQuery::new(clauses)))
    }
}
