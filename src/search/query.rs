//! What a search may look for beyond the words as written, how it weighs what it finds, and
//! what it reports about each word.

use serde::Serialize;

/// How a search weighs what it finds. [`Ranking::default`] is nachlese's ranking; a
/// [`SearchRequest`](super::SearchRequest) carries one.
///
/// ```
/// use nachlese::search::Ranking;
///
/// let ranking = Ranking::default().title_boost(3.0);
/// assert_eq!(ranking.exact_bonus, Ranking::default().exact_bonus);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Ranking {
    /// How much more a title match counts than a body match (default 2).
    pub title_boost: f32,
    /// Added to the score of every query word found as written, so that exact matches rank
    /// above matches through a compound part, a name's sound or a typo correction (default
    /// 4; only where some word has expansions).
    pub exact_bonus: f32,
    /// Weight of a match on a compound part (`Minister` in `Verteidigungsminister`; default
    /// 0.6).
    pub part_weight: f32,
    /// Weight of a match on a name's sound (`Shoigu` for `Schoigu`; default 0.5).
    pub name_weight: f32,
    /// Weight of a match on a near spelling (`Verteidigungsminster`; default 0.4).
    pub typo_weight: f32,
    /// A word is read as a possible typo only if it is in fewer documents than this (in the
    /// field holding it most, compounds included): a word the archive uses often is no typo,
    /// and correcting it would only add noise (default 3).
    pub typo_below_docs: u64,
}

impl Ranking {
    /// This ranking with `boost` as [`title_boost`](Ranking::title_boost).
    pub fn title_boost(mut self, boost: f32) -> Ranking {
        self.title_boost = boost;
        self
    }

    /// This ranking with `bonus` as [`exact_bonus`](Ranking::exact_bonus).
    pub fn exact_bonus(mut self, bonus: f32) -> Ranking {
        self.exact_bonus = bonus;
        self
    }

    /// This ranking with `weight` as [`part_weight`](Ranking::part_weight).
    pub fn part_weight(mut self, weight: f32) -> Ranking {
        self.part_weight = weight;
        self
    }

    /// This ranking with `weight` as [`name_weight`](Ranking::name_weight).
    pub fn name_weight(mut self, weight: f32) -> Ranking {
        self.name_weight = weight;
        self
    }

    /// This ranking with `weight` as [`typo_weight`](Ranking::typo_weight).
    pub fn typo_weight(mut self, weight: f32) -> Ranking {
        self.typo_weight = weight;
        self
    }

    /// This ranking with `docs` as [`typo_below_docs`](Ranking::typo_below_docs).
    pub fn typo_below_docs(mut self, docs: u64) -> Ranking {
        self.typo_below_docs = docs;
        self
    }
}

impl Default for Ranking {
    fn default() -> Self {
        Ranking {
            title_boost: 2.0,
            exact_bonus: 4.0,
            part_weight: 0.6,
            name_weight: 0.5,
            typo_weight: 0.4,
            typo_below_docs: 3,
        }
    }
}

/// The expansions a search may use beyond the words as written. All on by default.
///
/// ```
/// use nachlese::search::Expansions;
///
/// assert!(Expansions::default().compounds);
/// let names_only = Expansions::NONE.names(true);
/// assert!(names_only.names && !names_only.compounds && !names_only.typos);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Expansions {
    /// A word also finds compounds that contain it (`Minister` → `Verteidigungsminister`),
    /// and a compound its modifier and head near each other (`Rentenreform` → "Reform der
    /// Rente").
    pub compounds: bool,
    /// A name also finds its other spellings by sound (`Schoigu` → `Shoigu`, `Schojgu`).
    pub names: bool,
    /// A word that is no German word known to the lexicon and is found in fewer than
    /// [`Ranking::typo_below_docs`] articles also finds words one or two edits away
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

    /// These expansions with [`compounds`](Expansions::compounds) on or off.
    pub fn compounds(mut self, on: bool) -> Expansions {
        self.compounds = on;
        self
    }

    /// These expansions with [`names`](Expansions::names) on or off.
    pub fn names(mut self, on: bool) -> Expansions {
        self.names = on;
        self
    }

    /// These expansions with [`typos`](Expansions::typos) on or off.
    pub fn typos(mut self, on: bool) -> Expansions {
        self.typos = on;
        self
    }
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
#[non_exhaustive]
pub struct WordPlan {
    /// The word as written in the query (a phrase for quoted text).
    pub word: String,
    /// The field it is limited to (`title:word`), if any.
    pub field: Option<String>,
    /// Its term(s) as the index stores words (several for a phrase).
    pub terms: Vec<String>,
    /// Documents that hold the term as written (in the searched fields): exact from
    /// [`Index::explain`](crate::Index::explain); in search results a lower bound, the count of the one field
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

impl WordPlan {
    /// Whether the word looks misspelt: a single word the archive lacks, or one read as a
    /// typo (unknown to the lexicon, rare), even if its corrections found hits.
    pub(crate) fn looks_misspelt(&self) -> bool {
        self.terms.len() == 1 && (self.doc_freq == 0 || !self.typos.is_empty())
    }
}

/// The most words (not counting stop words) a query may have.
pub const MAX_QUERY_WORDS: usize = 256;
