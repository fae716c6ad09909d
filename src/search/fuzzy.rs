//! Typos: the index terms near a misspelt query term.

use std::sync::OnceLock;

use levenshtein_automata::{DFA, Distance, LevenshteinAutomatonBuilder, SINK_STATE};
use tantivy::Searcher;
use tantivy::schema::Field;
use tantivy_fst::Automaton;

/// Terms shorter than this are never corrected: at one edit, `kur` is `kurs` and `rat` is
/// `tat`.
pub const MIN_CHARS: usize = 5;
/// Terms of this length and longer may have two edits (`Verteidigungsminster`).
const TWO_EDITS_FROM: usize = 9;
/// At most this many near terms per query term (the most frequent).
const MAX_TERMS: usize = 12;

/// How many edits a term of this length may have.
pub fn max_distance(term: &str) -> u8 {
    let n = term.chars().count();
    if n < MIN_CHARS {
        0
    } else if n < TWO_EDITS_FROM {
        1
    } else {
        2
    }
}

/// The automaton builder for `d` edits (1 or 2), built once: building one takes longer than
/// the whole search it serves.
fn builder(d: u8) -> &'static LevenshteinAutomatonBuilder {
    static BUILDERS: [OnceLock<LevenshteinAutomatonBuilder>; 2] =
        [OnceLock::new(), OnceLock::new()];
    let i = usize::from(d.clamp(1, 2) - 1);
    BUILDERS[i].get_or_init(|| LevenshteinAutomatonBuilder::new(i as u8 + 1, true))
}

struct Dfa<'a>(&'a DFA);

impl Automaton for Dfa<'_> {
    type State = u32;

    fn start(&self) -> u32 {
        self.0.initial_state()
    }

    fn is_match(&self, state: &u32) -> bool {
        matches!(self.0.distance(*state), Distance::Exact(_))
    }

    fn can_match(&self, state: &u32) -> bool {
        *state != SINK_STATE
    }

    fn accept(&self, state: &u32, byte: u8) -> u32 {
        self.0.transition(*state, byte)
    }
}

/// A term near the query term, with the number of documents that hold it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Near {
    /// The index term.
    pub term: String,
    /// Documents holding it (in any of the fields searched).
    pub doc_freq: u64,
    /// Its edit distance to the query term.
    pub distance: u8,
}

/// Longer index terms are compared by their start: a typo can make the stemmer cut a word
/// differently (`Verteidigungsminster` stems to `verteidigungsmin`, three letters short of
/// `verteidigungsminist`), so a term whose start is near the query term also counts, if it is
/// at most this many letters longer.
const MAX_EXTRA_CHARS: usize = 4;

/// The index terms in `fields` near `term`: within [`max_distance`] edits of it, or
/// beginning within that distance of it and at most [`MAX_EXTRA_CHARS`] longer; the query
/// term itself excluded. Nearest first, then most frequent (at most [`MAX_TERMS`]).
pub fn near_terms(searcher: &Searcher, fields: &[Field], term: &str) -> tantivy::Result<Vec<Near>> {
    let d = max_distance(term);
    if d == 0 {
        return Ok(Vec::new());
    }
    let dfa = builder(d).build_prefix_dfa(term);
    let mut found: Vec<Near> = Vec::new();
    for segment in searcher.segment_readers() {
        for &field in fields {
            let inverted = segment.inverted_index(field)?;
            let mut stream = inverted.terms().search(Dfa(&dfa)).into_stream()?;
            while let Some((key, info)) = stream.next() {
                let Ok(text) = std::str::from_utf8(key) else {
                    continue;
                };
                if text == term || text.chars().count() > term.chars().count() + MAX_EXTRA_CHARS {
                    continue;
                }
                match found.iter_mut().find(|n| n.term == text) {
                    Some(n) => n.doc_freq += u64::from(info.doc_freq),
                    None => found.push(Near {
                        term: text.to_string(),
                        doc_freq: u64::from(info.doc_freq),
                        distance: distance(term, text),
                    }),
                }
            }
        }
    }
    found.sort_by(|a, b| {
        (a.distance, std::cmp::Reverse(a.doc_freq), &a.term).cmp(&(
            b.distance,
            std::cmp::Reverse(b.doc_freq),
            &b.term,
        ))
    });
    found.truncate(MAX_TERMS);
    Ok(found)
}

/// Damerau-Levenshtein distance (adjacent transpositions count once), capped at 255.
pub fn distance(a: &str, b: &str) -> u8 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }

    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()].min(255) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("verteidigungsminst", "verteidigungsminist"), 1);
        assert_eq!(distance("pjonjang", "pjongjang"), 1);
        assert_eq!(distance("ab", "ba"), 1);
        assert_eq!(max_distance("kurs"), 0);
        assert_eq!(max_distance("satelit"), 1);
        assert_eq!(max_distance("verteidigungsminst"), 2);
    }
}
