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
        self.heads
            .get(h)
            .map_or((0, 0), |v| ((v >> 32) as u32, v as u32))
    }

    /// How many compounds begin with this modifier reading.
    pub fn modifier_count(&self, reading: &rules::Reading) -> u64 {
        self.modifiers.get(rules::reading_key(reading)).unwrap_or(0)
    }
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
