//! The analyses of the words a thread has indexed, laid out for the indexing loop.
//!
//! Indexing looks up every word of every text, and in a large archive most of that time went
//! to waiting for memory: a general hash map reads its control bytes, its bucket, the key on
//! the heap and the analysis on the heap, one after the other, each likely a cache miss. Here a
//! word is found in one probe of a flat table that holds its hash, length and first bytes, its
//! terms lie packed in one buffer in the order words were first seen (the frequent words
//! early, close together), and a text's words are looked up in a batch, each probe fetched
//! ahead of its turn so that the misses overlap instead of queueing.

use std::sync::Arc;

use super::word::{TermKind, WordTerms};

/// Bytes of a word kept in its slot; longer words keep the rest in [`WordTable::long`].
const INLINE: usize = 16;

/// A slot's `id` when it holds no word.
const EMPTY: u32 = u32::MAX;

/// How many words ahead of the current one a batch fetches.
const AHEAD: usize = 8;

/// The most words looked up in one batch.
const BATCH: usize = 4096;

/// A word's place in the table: 32 bytes, two to a cache line.
#[derive(Clone, Copy)]
#[repr(C)]
struct Slot {
    hash: u64,
    id: u32,
    len: u32,
    key: [u8; INLINE],
}

const FREE: Slot = Slot {
    hash: 0,
    id: EMPTY,
    len: 0,
    key: [0; INLINE],
};

/// Where a word's terms lie in [`WordTable::terms`]: its term, then its sound code, then its
/// parts, whose lengths are in [`WordTable::part_lens`].
#[derive(Clone, Copy)]
struct Entry {
    start: u32,
    /// Where the bytes of a word longer than [`INLINE`] continue in [`WordTable::long`].
    long_at: u32,
    /// Where its parts' lengths start in [`WordTable::part_lens`].
    parts_at: u32,
    parts: u16,
    term_len: u16,
    code_len: u16,
}

/// The terms the index stores for one word (see [`TermKind::indexed`]).
pub(crate) struct WordView<'a> {
    /// The word's term; empty for a stop word.
    pub term: &'a str,
    /// The sound code of a name; empty for other words.
    pub code: &'a str,
    parts: &'a str,
    part_lens: &'a [u16],
}

impl<'a> WordView<'a> {
    /// The terms of the word's compound parts.
    pub(crate) fn parts(&self) -> impl Iterator<Item = &'a str> {
        let mut rest = self.parts;
        self.part_lens.iter().map(move |&len| {
            let (part, after) = rest.split_at(usize::from(len));
            rest = after;
            part
        })
    }
}

/// A thread's analysed words (see the module docs).
pub(crate) struct WordTable {
    slots: Vec<Slot>,
    entries: Vec<Entry>,
    terms: String,
    part_lens: Vec<u16>,
    long: Vec<u8>,
    /// The most words the table holds before it starts afresh.
    capacity: usize,
}

/// One word of a text, shorter than [`MAX_TOKEN_BYTES`](super::MAX_TOKEN_BYTES): where it
/// is and which entry holds its terms.
#[derive(Clone, Copy)]
pub(crate) struct Located {
    pub position: usize,
    pub from: usize,
    pub to: usize,
    pub hash: u64,
    pub id: u32,
}

impl WordTable {
    /// A table that holds up to `capacity` words, then empties itself.
    pub(crate) fn new(capacity: usize) -> WordTable {
        WordTable {
            slots: vec![FREE; 1024],
            entries: Vec::new(),
            terms: String::new(),
            part_lens: Vec::new(),
            long: Vec::new(),
            capacity,
        }
    }

    /// The hash the table files a word under.
    pub(crate) fn hash(word: &str) -> u64 {
        use std::hash::BuildHasher;
        rustc_hash::FxBuildHasher.hash_one(word.as_bytes())
    }

    /// Calls `f` with each of `words` of `text` (their offsets and hashes set) and its terms,
    /// analysing with `analyze` the words the table does not hold yet.
    pub(crate) fn each(
        &mut self,
        text: &str,
        words: &mut [Located],
        mut analyze: impl FnMut(&str) -> Arc<WordTerms>,
        mut f: impl FnMut(&Located, WordView<'_>),
    ) {
        // A batch at a time: the table grows by a batch at most before it empties itself,
        // however long the text, and a batch's terms are read before the next batch may
        // empty it.
        for batch in words.chunks_mut(BATCH) {
            self.look_up(text, batch, &mut analyze);
            self.for_each(batch, &mut f);
        }
    }

    /// Sets the `id` of each word of `text` in `words` (their offsets and hashes set),
    /// analysing with `analyze` the words the table does not hold yet.
    fn look_up(
        &mut self,
        text: &str,
        words: &mut [Located],
        mut analyze: impl FnMut(&str) -> Arc<WordTerms>,
    ) {
        // Growing or emptying the table moves the slots: do it before the batch.
        if self.entries.len() + words.len() > self.capacity {
            self.clear();
        }
        while 2 * (self.entries.len() + words.len()) > self.slots.len() {
            self.grow();
        }
        for i in 0..words.len() {
            if let Some(ahead) = words.get(i + AHEAD) {
                self.prefetch_slot(ahead.hash);
            }
            let w = words[i];
            let word = &text[w.from..w.to];
            words[i].id = match self.find(word, w.hash) {
                Ok(id) => id,
                Err(slot) => self.insert(slot, word, w.hash, &analyze(word)),
            };
        }
    }

    /// Calls `f` with each of `words` (looked up) and its terms, fetching the terms of the
    /// words ahead while `f` runs.
    fn for_each(&self, words: &[Located], mut f: impl FnMut(&Located, WordView<'_>)) {
        for (i, w) in words.iter().enumerate() {
            if let Some(ahead) = words.get(i + 2 * AHEAD) {
                prefetch(&self.entries[ahead.id as usize]);
            }
            if let Some(ahead) = words.get(i + AHEAD) {
                let start = self.entries[ahead.id as usize].start as usize;
                if let Some(b) = self.terms.as_bytes().get(start) {
                    prefetch(b);
                }
            }
            f(w, self.word(w.id));
        }
    }

    /// The terms the index stores for the word with this id.
    pub(crate) fn word(&self, id: u32) -> WordView<'_> {
        let e = self.entries[id as usize];
        let start = e.start as usize;
        let code_at = start + usize::from(e.term_len);
        let parts_at = code_at + usize::from(e.code_len);
        let lens = e.parts_at as usize..e.parts_at as usize + usize::from(e.parts);
        let part_lens = &self.part_lens[lens];
        let parts_len: usize = part_lens.iter().map(|&l| usize::from(l)).sum();
        WordView {
            term: &self.terms[start..code_at],
            code: &self.terms[code_at..parts_at],
            parts: &self.terms[parts_at..parts_at + parts_len],
            part_lens,
        }
    }

    fn slot_of(&self, hash: u64) -> usize {
        // FxHash's `finish` moves its best bits to the bottom, for tables like this one.
        hash as usize & (self.slots.len() - 1)
    }

    fn prefetch_slot(&self, hash: u64) {
        prefetch(&self.slots[self.slot_of(hash)]);
    }

    /// The id of `word`, or the free slot where it belongs.
    fn find(&self, word: &str, hash: u64) -> Result<u32, usize> {
        let mask = self.slots.len() - 1;
        let bytes = word.as_bytes();
        let head = &bytes[..bytes.len().min(INLINE)];
        let mut i = self.slot_of(hash);
        loop {
            let s = &self.slots[i];
            if s.id == EMPTY {
                return Err(i);
            }
            if s.hash == hash && s.len as usize == bytes.len() && s.key[..head.len()] == *head {
                let rest = &bytes[head.len()..];
                let at = self.entries[s.id as usize].long_at as usize;
                if rest.is_empty() || self.long.get(at..at + rest.len()) == Some(rest) {
                    return Ok(s.id);
                }
            }
            i = (i + 1) & mask;
        }
    }

    fn insert(&mut self, slot: usize, word: &str, hash: u64, w: &WordTerms) -> u32 {
        let id = self.entries.len() as u32;
        let bytes = word.as_bytes();
        let head = bytes.len().min(INLINE);
        let mut key = [0; INLINE];
        key[..head].copy_from_slice(&bytes[..head]);
        let long_at = self.long.len() as u32;
        self.long.extend_from_slice(&bytes[head..]);
        self.slots[slot] = Slot {
            hash,
            id,
            len: bytes.len() as u32,
            key,
        };
        let start = self.terms.len() as u32;
        let parts_at = self.part_lens.len() as u32;
        let term = TermKind::Word.indexed(w).first().map_or("", String::as_str);
        let code = TermKind::Name.indexed(w).first().map_or("", String::as_str);
        let parts = TermKind::Part.indexed(w);
        self.terms.push_str(term);
        self.terms.push_str(code);
        for part in parts {
            self.terms.push_str(part);
            // Terms come from words shorter than MAX_TOKEN_BYTES (100 bytes), which no
            // normalisation makes longer than 65,535.
            self.part_lens.push(part.len() as u16);
        }
        self.entries.push(Entry {
            start,
            long_at,
            parts_at,
            parts: parts.len() as u16,
            term_len: term.len() as u16,
            code_len: code.len() as u16,
        });
        id
    }

    fn grow(&mut self) {
        let size = 2 * self.slots.len();
        let old = std::mem::replace(&mut self.slots, vec![FREE; size]);
        let mask = self.slots.len() - 1;
        for s in old.into_iter().filter(|s| s.id != EMPTY) {
            let mut i = self.slot_of(s.hash);
            while self.slots[i].id != EMPTY {
                i = (i + 1) & mask;
            }
            self.slots[i] = s;
        }
    }

    fn clear(&mut self) {
        self.slots.fill(FREE);
        self.entries.clear();
        self.terms.clear();
        self.part_lens.clear();
        self.long.clear();
    }
}

/// Asks the processor to bring `value` into its cache, without waiting for it.
fn prefetch<T>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint: it changes no state a program can see and cannot fault,
    // and the pointer comes from a reference anyway.
    unsafe {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        _mm_prefetch::<_MM_HINT_T0>(std::ptr::from_ref(value).cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze_word;

    fn located(text: &str) -> Vec<Located> {
        let mut out = Vec::new();
        let mut from = None;
        for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
            match (c.is_alphanumeric(), from) {
                (true, None) => from = Some(i),
                (false, Some(f)) => {
                    out.push(Located {
                        position: out.len(),
                        from: f,
                        to: i,
                        hash: WordTable::hash(&text[f..i]),
                        id: 0,
                    });
                    from = None;
                }
                _ => {}
            }
        }
        out
    }

    fn terms(table: &WordTable, id: u32, kind: TermKind) -> Vec<String> {
        let w = table.word(id);
        let single = |s: &str| (!s.is_empty()).then(|| s.to_string());
        match kind {
            TermKind::Word => single(w.term).into_iter().collect(),
            TermKind::Name => single(w.code).into_iter().collect(),
            TermKind::Part => w.parts().map(str::to_string).collect(),
        }
    }

    #[test]
    fn a_word_reads_back_as_analysed_however_the_table_grows_or_empties() {
        let text = "Die Panzerabwehrraketen von Schoigu und die Donaudampfschifffahrtsgesellschaftskapitäne \
                    trafen Schoigu und die Panzerabwehrraketen";
        // Room for a few words only: the table empties itself between batches.
        let mut table = WordTable::new(40);
        for round in 0..60 {
            let filler: String = (0..round).map(|i| format!(" Wort{i}")).collect();
            let text = format!("{text}{filler}");
            let mut words = located(&text);
            let mut analysed = 0;
            table.look_up(&text, &mut words, |w| {
                analysed += 1;
                Arc::new(analyze_word(w))
            });
            for w in &words {
                let word = &text[w.from..w.to];
                let expected = analyze_word(word);
                for kind in [TermKind::Word, TermKind::Part, TermKind::Name] {
                    assert_eq!(
                        terms(&table, w.id, kind),
                        kind.indexed(&expected),
                        "{word} {kind:?}"
                    );
                }
            }
            // Repeated words are analysed once per batch at most.
            assert!(analysed < words.len(), "{analysed} of {}", words.len());
        }
    }

    #[test]
    fn a_long_text_reads_back_as_analysed_in_bounded_memory() {
        // Three batches of words, mostly new, in a table that empties itself within the text.
        let text: String = (0..3 * BATCH)
            .map(|i| format!("Wort{} Haus ", i % 1500))
            .collect();
        let mut words = located(&text);
        let mut table = WordTable::new(1000);
        let mut seen = 0;
        table.each(
            &text,
            &mut words,
            |w| Arc::new(analyze_word(w)),
            |w, view| {
                let word = &text[w.from..w.to];
                let expected = analyze_word(word);
                assert_eq!(Some(view.term), expected.term.as_deref(), "{word}");
                assert_eq!(view.parts().collect::<Vec<_>>(), expected.parts, "{word}");
                seen += 1;
            },
        );
        assert_eq!(seen, 6 * BATCH);
        assert!(table.entries.len() <= 1000 + BATCH);
        assert!(
            table.slots.len() <= 4 * (1000 + BATCH),
            "{}",
            table.slots.len()
        );
    }

    #[test]
    fn words_sharing_their_first_bytes_and_hash_stay_apart() {
        // The same length and the same first 16 bytes: only the rest tells them apart, when
        // their hashes collide (forced here).
        let text = "Bundesverfassungsgericht Bundesverfassungsrichter Bundesverfassungsgericht \
                    Bundesverfassungsrichter";
        let mut table = WordTable::new(1000);
        let mut words = located(text);
        for w in &mut words {
            w.hash = 7;
        }
        table.look_up(text, &mut words, |w| Arc::new(analyze_word(w)));
        assert_ne!(words[0].id, words[1].id);
        assert_eq!(words[0].id, words[2].id);
        assert_eq!(words[1].id, words[3].id);
        assert_eq!(
            terms(&table, words[1].id, TermKind::Word),
            [analyze_word("Bundesverfassungsrichter").term.unwrap()]
        );
    }
}
