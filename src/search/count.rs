//! Counting the documents of words with all their expansions, through bitsets.
//!
//! A search counts every article its words match, expansions included: for each word the
//! union of many terms (the word, its compound parts and sound codes, in title and body).
//! Union scorers hand out one document at a time, and an intersection of unions seeks each
//! of them for every candidate, so counting that way costs several times reading the
//! postings. Here each word's postings are read a block at a time into a bitset of the
//! segment's documents, and the words' bitsets are combined a machine word at a time.
//!
//! A count that may be followed by a relaxed answer keeps the bitset of each common term
//! ([`Memo`]): the relaxed answer then learns which words each article holds from them,
//! without reading the postings of a common word a second time.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use tantivy::index::{InvertedIndexReader, SegmentId};
use tantivy::postings::TermInfo;
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, TantivyError, Term};

/// The documents of each common term a count read, by segment, one bit each (deleted ones
/// too).
#[derive(Debug, Clone, Default)]
pub(crate) struct Memo {
    bits: Arc<Mutex<TermBits>>,
}

type TermBits = HashMap<(SegmentId, Term), Arc<Vec<u64>>>;

impl Memo {
    /// The bits of `term` in `reader`'s segment, if a count read them.
    pub(crate) fn get(&self, reader: &SegmentReader, term: &Term) -> Option<Arc<Vec<u64>>> {
        let bits = self.bits.lock().unwrap_or_else(PoisonError::into_inner);
        bits.get(&(reader.segment_id(), term.clone())).cloned()
    }

    fn keep(&self, reader: &SegmentReader, term: &Term, docs: Vec<u64>) -> Arc<Vec<u64>> {
        let docs = Arc::new(docs);
        let mut bits = self.bits.lock().unwrap_or_else(PoisonError::into_inner);
        bits.insert((reader.segment_id(), term.clone()), Arc::clone(&docs));
        docs
    }
}

/// Sets of terms: each word of a query with its expansions.
#[derive(Debug, Clone, Default)]
pub(crate) struct TermSets {
    /// A document must hold a term of each of these.
    pub all: Vec<Vec<Term>>,
    /// A document must hold no term of any of these.
    pub none: Vec<Vec<Term>>,
}

impl TermSets {
    /// One word: any of its terms.
    pub(crate) fn any(terms: Vec<Term>) -> TermSets {
        TermSets {
            all: vec![terms],
            none: Vec::new(),
        }
    }

    /// The segment's documents that match, deleted ones too, one bit each; each term's
    /// documents kept in `memo`, if given.
    pub(crate) fn docs(
        &self,
        reader: &SegmentReader,
        memo: Option<&Memo>,
    ) -> tantivy::Result<Bits> {
        let words = (reader.max_doc() as usize).div_ceil(64);
        let mut sets = self.all.iter();
        let mut docs = match sets.next() {
            Some(first) => any_of(reader, first, words, memo)?,
            None => vec![0; words],
        };
        for set in sets {
            let other = any_of(reader, set, words, memo)?;
            docs.iter_mut().zip(&other).for_each(|(d, o)| *d &= o);
        }
        for set in &self.none {
            let other = any_of(reader, set, words, None)?;
            docs.iter_mut().zip(&other).for_each(|(d, o)| *d &= !o);
        }
        Ok(Bits::new(docs))
    }
}

/// The documents holding any of `terms`, as `words` machine words of bits.
fn any_of(
    reader: &SegmentReader,
    terms: &[Term],
    words: usize,
    memo: Option<&Memo>,
) -> tantivy::Result<Vec<u64>> {
    let mut bits = vec![0u64; words];
    for term in terms {
        let index = reader.inverted_index(term.field())?;
        let Some(info) = index.get_term_info(term)? else {
            continue;
        };
        match memo {
            // A term of fewer documents than the bitset has machine words is read again
            // faster than its bits are walked.
            Some(memo) if info.doc_freq as usize > words => {
                let mut own = vec![0u64; words];
                read_into(&index, &info, &mut own)?;
                let own = memo.keep(reader, term, own);
                bits.iter_mut().zip(own.iter()).for_each(|(b, o)| *b |= o);
            }
            _ => read_into(&index, &info, &mut bits)?,
        }
    }
    Ok(bits)
}

/// Sets the bit of every document holding the term of `info`.
fn read_into(
    index: &InvertedIndexReader,
    info: &TermInfo,
    bits: &mut [u64],
) -> tantivy::Result<()> {
    let mut postings = index.read_block_postings_from_terminfo(info, IndexRecordOption::Basic)?;
    while !postings.docs().is_empty() {
        for &doc in postings.docs() {
            if let Some(word) = bits.get_mut(doc as usize / 64) {
                *word |= 1 << (doc % 64);
            }
        }
        postings.advance();
    }
    Ok(())
}

/// The documents that match `sets`, unscored (for counting).
#[derive(Debug, Clone)]
pub(crate) struct TermSetsQuery {
    sets: TermSets,
    memo: Option<Memo>,
}

impl TermSetsQuery {
    pub(crate) fn new(sets: TermSets) -> TermSetsQuery {
        TermSetsQuery { sets, memo: None }
    }

    /// Keeps each term's documents in `memo` as they are read.
    pub(crate) fn remembering(mut self, memo: Option<Memo>) -> TermSetsQuery {
        self.memo = memo;
        self
    }

    fn docs(&self, reader: &SegmentReader) -> tantivy::Result<Bits> {
        self.sets.docs(reader, self.memo.as_ref())
    }
}

impl Query for TermSetsQuery {
    fn weight(&self, _: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for term in self.sets.all.iter().chain(&self.sets.none).flatten() {
            visitor(term, false);
        }
    }
}

impl Weight for TermSetsQuery {
    fn scorer(&self, reader: &SegmentReader, _boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(self.docs(reader)?))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        if self.docs(reader)?.seek(doc) == doc {
            Ok(Explanation::new("holds a term of every word", 0.0))
        } else {
            Err(TantivyError::InvalidArgument(format!(
                "document {doc} does not hold a term of every word"
            )))
        }
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        let mut docs = self.docs(reader)?;
        Ok(match reader.alive_bitset() {
            None => docs.len,
            Some(alive) => docs.count(alive),
        })
    }

    fn for_each_no_score(
        &self,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(&[DocId]),
    ) -> tantivy::Result<()> {
        let docs = self.docs(reader)?;
        let mut block = Vec::with_capacity(64);
        for (i, &word) in docs.words.iter().enumerate() {
            let mut bits = word;
            while bits != 0 {
                block.push(i as DocId * 64 + bits.trailing_zeros());
                bits &= bits - 1;
            }
            if block.len() >= 64 {
                callback(&block);
                block.clear();
            }
        }
        if !block.is_empty() {
            callback(&block);
        }
        Ok(())
    }
}

/// A document set of bits, a machine word at a time.
pub(crate) struct Bits {
    words: Vec<u64>,
    /// The current word's index, and its bits not yet handed out.
    at: usize,
    rest: u64,
    doc: DocId,
    len: u32,
}

impl Bits {
    pub(crate) fn new(words: Vec<u64>) -> Bits {
        let len = words.iter().map(|w| w.count_ones()).sum();
        let rest = words.first().copied().unwrap_or(0);
        let mut bits = Bits {
            words,
            at: 0,
            rest,
            doc: 0,
            len,
        };
        bits.next();
        bits
    }

    /// Moves to the next set bit from the current word on.
    fn next(&mut self) -> DocId {
        while self.rest == 0 {
            self.at += 1;
            match self.words.get(self.at) {
                Some(&w) => self.rest = w,
                None => {
                    self.doc = TERMINATED;
                    return TERMINATED;
                }
            }
        }
        self.doc = self.at as DocId * 64 + self.rest.trailing_zeros();
        self.rest &= self.rest - 1;
        self.doc
    }
}

impl DocSet for Bits {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        self.next()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if target <= self.doc {
            return self.doc;
        }
        let at = target as usize / 64;
        let Some(&word) = self.words.get(at) else {
            self.doc = TERMINATED;
            return TERMINATED;
        };
        self.at = at;
        self.rest = word & (u64::MAX << (target % 64));
        self.next()
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.len
    }
}

impl Scorer for Bits {
    fn score(&mut self) -> Score {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bits(docs: &[DocId], max: DocId) -> Bits {
        let mut words = vec![0u64; (max as usize).div_ceil(64)];
        for &d in docs {
            words[d as usize / 64] |= 1 << (d % 64);
        }
        Bits::new(words)
    }

    #[test]
    fn bits_hand_out_their_documents_in_order_and_seek_forward() {
        let docs = [0, 5, 63, 64, 130, 199];
        let mut b = bits(&docs, 200);
        let mut seen = vec![b.doc()];
        while b.advance() != TERMINATED {
            seen.push(b.doc());
        }
        assert_eq!(seen, docs);
        assert_eq!(b.advance(), TERMINATED);

        let mut b = bits(&docs, 200);
        assert_eq!(b.seek(0), 0);
        assert_eq!(b.seek(6), 63);
        assert_eq!(b.seek(63), 63);
        assert_eq!(b.seek(65), 130);
        assert_eq!(b.seek(200), TERMINATED);
        assert_eq!(bits(&[], 100).doc(), TERMINATED);
        assert_eq!(bits(&[], 0).doc(), TERMINATED);
    }
}
