//! Which of a query's loose words each article holds: for a search whose words are all held
//! by too few articles, so that articles holding most of them follow, ranked by which words
//! they hold (rarer words weigh more), as `minimum_should_match` does in Elasticsearch.
//!
//! The articles holding every word come first. The others rank by their score scaled by the
//! share of the query's weight they hold (each word weighing its inverse document frequency):
//! Lucene's classic coordination factor, with the words weighed rather than counted. An
//! article holding only the rarest word (`Einbürgerung` of `Einbürgerung fünf Jahre`) then
//! ranks above one holding the two common ones, and a word an article mentions many times
//! does not outweigh a second word it lacks.
//!
//! A rare compound's modifier stands in for it as a hint (`Drohne` for `Drohnenabwehr`,
//! which the texts seldom use): an article about drones at an airport then ranks above one
//! about the airport alone, and one on `Cannabis-Teillegalisierung` is found for
//! `Cannabislegalisierung Bilanz`, naming both words as missing. Its weight is its own
//! rarity (a common modifier such as `Sonder-` adds little); it is never named as missing
//! itself.

use std::collections::HashMap;
use std::sync::Arc;

use tantivy::index::SegmentId;
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, DocId, DocSet, Score, Searcher, SegmentReader, TantivyError, Term};

use super::by_score::SegmentDates;
use super::count::{Bits, Memo};

use super::lower::LooseWord;
use super::plan::MAX_LOOSE_WORDS;
use crate::Result;

/// For each article, a bit per loose word it holds (with expansions) and, shifted by
/// [`MAX_LOOSE_WORDS`], a bit per word it holds as written.
#[derive(Clone)]
pub(crate) struct Coverage {
    masks: Arc<HashMap<SegmentId, Vec<u32>>>,
    /// Each word as written.
    words: Arc<Vec<String>>,
    /// Each word's weight: its inverse document frequency, as BM25 computes it.
    weights: Arc<Vec<Score>>,
    /// The bits of the words an article must hold to rank with those holding every word:
    /// all but a question's soft ones.
    required: u32,
    /// The bits of the query's own words (not the hints standing in for them).
    asked: u32,
    /// For each set of words (a mask of the low bits), how many live articles hold exactly
    /// those: the few sets stand for the many articles when choosing which are hits.
    articles_with: Arc<Vec<u64>>,
}

impl Coverage {
    /// Reads each word's postings once (without frequencies) into per-article masks; the
    /// terms a count already read are taken from its `memo`.
    pub(crate) fn of(
        searcher: &Searcher,
        words: &[LooseWord],
        memo: Option<&Memo>,
    ) -> Result<Coverage> {
        let words = &words[..words.len().min(MAX_LOOSE_WORDS)];
        let near = words
            .iter()
            .map(|w| {
                w.near
                    .as_ref()
                    .map(|q| q.weight(EnableScoring::disabled_from_searcher(searcher)))
                    .transpose()
            })
            .collect::<tantivy::Result<Vec<_>>>()?;
        let mut masks = HashMap::new();
        let mut articles_with = vec![0u64; 1 << words.len()];

        for reader in searcher.segment_readers() {
            let mut mask = vec![0u32; reader.max_doc() as usize];
            for (i, word) in words.iter().enumerate() {
                // A term as written is one of the word's terms: each is read once.
                for term in &word.terms {
                    let exact = word.exact.contains(term);
                    let bits = 1 << i | u32::from(exact) << (i + MAX_LOOSE_WORDS);
                    match memo.and_then(|m| m.get(reader, term)) {
                        Some(docs) => mark_remembered(&docs, &mut mask, bits),
                        None => mark(reader, term, &mut mask, bits)?,
                    }
                }
                if let Some(weight) = &near[i] {
                    let exact = u32::from(word.near_is_exact) << (i + MAX_LOOSE_WORDS);
                    weight.for_each_no_score(reader, &mut |docs| {
                        for &doc in docs {
                            if let Some(m) = mask.get_mut(doc as usize) {
                                *m |= 1 << i | exact;
                            }
                        }
                    })?;
                }
            }
            let alive = reader.alive_bitset();
            for (doc, &m) in mask.iter().enumerate() {
                if alive.is_none_or(|a| a.is_alive(doc as DocId)) {
                    articles_with[(m & LOW) as usize] += 1;
                }
            }
            masks.insert(reader.segment_id(), mask);
        }
        let total = searcher.num_docs() as f32;
        let weights: Vec<Score> = (0..words.len())
            .map(|i| {
                let n: u64 = (0..articles_with.len())
                    .filter(|m| m >> i & 1 == 1)
                    .map(|m| articles_with[m])
                    .sum();
                (1.0 + (total - n as f32 + 0.5) / (n as f32 + 0.5)).ln()
            })
            .collect();
        Ok(Coverage {
            masks: Arc::new(masks),
            words: Arc::new(words.iter().map(|w| w.written.clone()).collect()),
            weights: Arc::new(weights),
            required: bits_of(words, |w| !w.soft && !w.hint),
            asked: bits_of(words, |w| !w.hint),
            articles_with: Arc::new(articles_with),
        })
    }

    /// The articles covered well enough to be hits: holding at least as much of the query's
    /// weight as the `enough`-th best covered article (ties with it are hits too), so that at
    /// least `enough` articles are hits where the words are.
    pub(crate) fn hits(&self, enough: usize) -> CoveredQuery {
        // The sets of words some article holds, best covered first.
        let mut sets: Vec<(Score, u64)> = (1..self.articles_with.len())
            .filter(|&m| self.articles_with[m] > 0)
            .map(|m| (weight_of(&self.weights, m as u32), self.articles_with[m]))
            .collect();
        sets.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut seen = 0;
        let least = sets
            .iter()
            .find(|&&(_, n)| {
                seen += n;
                seen >= enough as u64
            })
            .or(sets.last())
            .map_or(Score::INFINITY, |&(c, _)| c);
        let admitted = (0..self.articles_with.len())
            .map(|m| m > 0 && weight_of(&self.weights, m as u32) >= least)
            .collect();
        CoveredQuery {
            coverage: self.clone(),
            least,
            admitted: Arc::new(admitted),
        }
    }

    /// The sort key of a segment's articles: whether it holds every word (but a question's
    /// soft words), then whether it holds them all as written, then its score times the
    /// share of the words' weight it holds (hints included), then its date (newer first
    /// among equals, as every ranking of nachlese: short items often score alike).
    pub(crate) fn key(
        &self,
        reader: &SegmentReader,
    ) -> impl Fn(DocId, Score) -> (bool, bool, Score, i64) + use<> {
        let mask = self.masks.get(&reader.segment_id()).cloned();
        let dates = SegmentDates::of(reader);
        let weights = Arc::clone(&self.weights);
        let required = self.required;
        let exact_all = self.asked << MAX_LOOSE_WORDS;
        let total: Score = weights.iter().sum();
        move |doc, score| {
            let m = mask
                .as_ref()
                .and_then(|m| m.get(doc as usize))
                .copied()
                .unwrap_or(0);
            let date = dates.date(doc);
            let share = if total > 0.0 {
                weight_of(&weights, m) / total
            } else {
                1.0
            };
            (
                m & required == required,
                m & exact_all == exact_all,
                score * share,
                date,
            )
        }
    }

    /// The words (as written) the article at `address` does not hold.
    pub(crate) fn missing(&self, searcher: &Searcher, address: DocAddress) -> Vec<String> {
        let reader = searcher.segment_reader(address.segment_ord);
        let m = self
            .masks
            .get(&reader.segment_id())
            .and_then(|m| m.get(address.doc_id as usize))
            .copied()
            .unwrap_or(0);
        self.words
            .iter()
            .enumerate()
            .filter(|(i, _)| m >> i & 1 == 0 && self.asked >> i & 1 == 1)
            .map(|(_, w)| w.clone())
            .collect()
    }
}

/// A bit for each of `words` that `pick` picks.
fn bits_of(words: &[LooseWord], pick: impl Fn(&LooseWord) -> bool) -> u32 {
    words
        .iter()
        .enumerate()
        .filter(|(_, w)| pick(w))
        .fold(0, |bits, (i, _)| bits | 1 << i)
}

/// The bits of the words found with expansions.
const LOW: u32 = (1 << MAX_LOOSE_WORDS) - 1;

/// The summed weight of the words an article's mask holds.
fn weight_of(weights: &[Score], mask: u32) -> Score {
    weights
        .iter()
        .enumerate()
        .filter(|(i, _)| mask >> i & 1 == 1)
        .map(|(_, w)| w)
        .sum()
}

/// The articles covering the words at least as well as `least`, unscored (a required clause
/// beside the words that score them).
#[derive(Clone)]
pub(crate) struct CoveredQuery {
    coverage: Coverage,
    /// The least weight of words a hit holds.
    least: Score,
    /// Whether articles holding each set of words (a mask of the low bits) are hits.
    admitted: Arc<Vec<bool>>,
}

impl std::fmt::Debug for CoveredQuery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CoveredQuery")
            .field("words", &self.coverage.words)
            .field("least", &self.least)
            .finish()
    }
}

impl Query for CoveredQuery {
    fn weight(&self, _: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl Weight for CoveredQuery {
    fn scorer(&self, reader: &SegmentReader, _boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut words = vec![0u64; (reader.max_doc() as usize).div_ceil(64)];
        if let Some(masks) = self.coverage.masks.get(&reader.segment_id()) {
            for (doc, &m) in masks.iter().enumerate() {
                if self.admitted.get((m & LOW) as usize) == Some(&true) {
                    words[doc / 64] |= 1 << (doc % 64);
                }
            }
        }
        Ok(Box::new(Bits::new(words)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        if self.scorer(reader, 1.0)?.seek(doc) == doc {
            Ok(Explanation::new("holds enough of the words", 0.0))
        } else {
            Err(TantivyError::InvalidArgument(format!(
                "document {doc} holds too few of the words"
            )))
        }
    }
}

/// Sets `bits` in the mask of every article a count found holding a term.
fn mark_remembered(docs: &[u64], mask: &mut [u32], bits: u32) {
    for (i, &word) in docs.iter().enumerate() {
        let mut rest = word;
        while rest != 0 {
            if let Some(m) = mask.get_mut(i * 64 + rest.trailing_zeros() as usize) {
                *m |= bits;
            }
            rest &= rest - 1;
        }
    }
}

/// Sets `bits` in the mask of every article holding `term`.
fn mark(reader: &SegmentReader, term: &Term, mask: &mut [u32], bits: u32) -> tantivy::Result<()> {
    {
        let index = reader.inverted_index(term.field())?;
        let Some(info) = index.get_term_info(term)? else {
            return Ok(());
        };
        let mut postings =
            index.read_block_postings_from_terminfo(&info, IndexRecordOption::Basic)?;
        while !postings.docs().is_empty() {
            for &doc in postings.docs() {
                if let Some(m) = mask.get_mut(doc as usize) {
                    *m |= bits;
                }
            }
            postings.advance();
        }
    }
    Ok(())
}
