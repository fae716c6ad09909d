//! The German lexicon: Wikidata's German word forms and noun lemmas (CC0), compiled into
//! finite-state maps at build time, and the statistics the compound splitter reads off them.
//! Provenance and licence: `SOURCE.md` in this folder.

pub(crate) mod rules;

use std::sync::LazyLock;

use tantivy_fst::Map;

type Fst = Map<&'static [u8]>;

macro_rules! embedded {
    ($file:literal) => {
        include_bytes!(concat!(env!("OUT_DIR"), "/", $file)).as_slice()
    };
}

/// The lexicon's sets and maps, shared by every thread.
pub(crate) struct Lexicon {
    words: Fst,
    nouns: Fst,
    noun_stems: Fst,
    heads: Fst,
    modifiers: Fst,
}

fn load(bytes: &'static [u8]) -> Fst {
    // The maps were written by build.rs with the same crate: they always parse.
    tantivy_fst::raw::Fst::new(bytes)
        .map(Map::from)
        .expect("lexicon compiled by build.rs")
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon {
    words: load(embedded!("words.fst")),
    nouns: load(embedded!("nouns.fst")),
    noun_stems: load(embedded!("noun_stems.fst")),
    heads: load(embedded!("heads.fst")),
    modifiers: load(embedded!("modifiers.fst")),
});

/// The lexicon (opening it costs nothing: the maps are read in place).
pub(crate) fn lexicon() -> &'static Lexicon {
    &LEXICON
}

impl Lexicon {
    /// Whether `w` (lowercase, `ß` as `ss`) is a German word form.
    pub fn is_word(&self, w: &str) -> bool {
        self.words.contains_key(w)
    }

    /// Whether `w` (lowercase, `ß` as `ss`) is the lemma of a common noun.
    pub fn is_noun(&self, w: &str) -> bool {
        self.nouns.contains_key(w)
    }

    /// Whether `stem` is the stem of a common noun's lemma.
    pub fn is_noun_stem(&self, stem: &str) -> bool {
        self.noun_stems.contains_key(stem)
    }

    /// For a word: how many longer words end in it, and in how many of those a known
    /// modifier comes before it.
    pub fn head_counts(&self, h: &str) -> (u32, u32) {
        let key: Vec<u8> = h.bytes().rev().collect();
        self.heads.get(key).map_or((0, 0), split_counts)
    }

    /// [`head_counts`](Self::head_counts) of every ending of `word` (every `word[i..]` at a
    /// char boundary `i`) that other words end in, by one walk backwards from its end:
    /// `(i, total, as_head)`.
    pub fn head_endings(&self, word: &str) -> Vec<(usize, u32, u32)> {
        let fst = self.heads.as_fst();
        let mut node = fst.root();
        let mut output = tantivy_fst::raw::Output::zero();
        let mut out = Vec::new();
        let bytes = word.as_bytes();
        for i in (0..bytes.len()).rev() {
            let Some(t) = node.find_input(bytes[i]) else {
                break;
            };
            let transition = node.transition(t);
            output = output.cat(transition.out);
            node = fst.node(transition.addr);
            if node.is_final() && word.is_char_boundary(i) {
                let (total, as_head) = split_counts(output.cat(node.final_output()).value());
                out.push((i, total, as_head));
            }
        }
        out
    }

    /// How many compounds begin with this modifier reading.
    pub fn modifier_count(&self, reading: &rules::Reading) -> u64 {
        self.modifiers.get(rules::reading_key(reading)).unwrap_or(0)
    }

    /// Walks the word list along `s`, one byte at a time, for as long as some word begins
    /// with what was read: for each char boundary reached, whether the text up to it is a
    /// word. One pass answers what a lookup per prefix would.
    pub fn walk(&self, s: &str) -> Vec<Step> {
        let fst = self.words.as_fst();
        let mut node = fst.root();
        let mut steps = Vec::new();
        for (i, &b) in s.as_bytes().iter().enumerate() {
            let Some(t) = node.find_input(b) else { break };
            let addr = node.transition_addr(t);
            node = fst.node(addr);
            let end = i + 1;
            if s.is_char_boundary(end) {
                steps.push(Step {
                    end,
                    is_word: node.is_final(),
                    node: addr,
                });
            }
        }
        steps
    }

    /// Whether the text a [`Step`] reached, with `tail` added, is a word.
    pub fn continues_to_word(&self, step: &Step, tail: &str) -> bool {
        let fst = self.words.as_fst();
        let mut node = fst.node(step.node);
        for &b in tail.as_bytes() {
            match node.find_input(b) {
                Some(t) => node = fst.node(node.transition_addr(t)),
                None => return false,
            }
        }
        node.is_final()
    }
}

fn split_counts(v: u64) -> (u32, u32) {
    ((v >> 32) as u32, v as u32)
}

/// One step of [`Lexicon::walk`].

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Step {
    /// Byte offset after the step.
    pub end: usize,
    /// Whether the text up to `end` is a word.
    pub is_word: bool,
    /// Where the walk stands, to go on from.
    node: tantivy_fst::raw::CompiledAddr,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lexicon_knows_german() {
        let l = lexicon();
        for w in [
            "auto",
            "autos",
            "minister",
            "aufklärung",
            "satelliten",
            "strasse",
        ] {
            assert!(l.is_word(w), "{w}");
        }
        assert!(!l.is_word("schoigu"));
        assert!(l.is_noun("kurs") && l.is_noun("haus") && !l.is_noun("autos"));
        assert!(l.is_noun_stem(&crate::analysis::stem("rakete")) && !l.is_noun_stem("putin"));
        let (total, as_head) = l.head_counts("minister");
        assert!(total > 50 && as_head > 40, "{total} {as_head}");
    }
}
