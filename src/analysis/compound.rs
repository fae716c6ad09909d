//! Splitting German compounds into their parts: `Aufklärungssatelliten` is
//! `Aufklärung|s|satelliten`, `Panzerabwehrraketen` is `Panzer|abwehr|raketen`.
//!
//! A word is split where every part is a German word of the [lexicon](super::lexicon) and
//! the split is plausible by the lexicon's own statistics: a head (last part) must be one that
//! often ends other words after a modifier (`-minister` does, `-dung` in `Gründung` does
//! not), a modifier reading (word, linking element, elided ending) one that often begins
//! compounds. Among the splits, the one with the highest mean log productivity per part wins,
//! which prefers `Literatur|sprache` to `Literat|ursprache`. Particles and derivational
//! endings are never parts, so particle verbs (`hinein|gehen`) and derivations (`Gründ|ung`)
//! stay whole.

use std::collections::HashMap;

use super::lexicon::rules::{self, PARTICLES, SUFFIX_LIKE, listed};
use super::lexicon::{Lexicon, lexicon};

/// Shorter words are never split.
pub const MIN_COMPOUND_CHARS: usize = 6;
/// Each part has at least this many characters.
const MIN_PART_CHARS: usize = 3;
/// Heads shorter than this must be productive heads; longer known words always qualify.
const LONG_HEAD_CHARS: usize = 7;
/// Modifiers shorter than this must begin a few compounds.
const LONG_MODIFIER_CHARS: usize = 6;
const MIN_HEAD_USES: u32 = 3;
const MIN_HEAD_SHARE: f64 = 0.25;
const MIN_MODIFIER_USES: u64 = 3;
/// Three-letter modifiers (`Aal`, `Eis`, `Zoo`) must be nouns that begin many compounds.
const MIN_SHORT_MODIFIER_USES: u64 = 25;
/// A modifier the lexicon does not know (`Pazifik|flotte`, `Kursk|offensive`) is accepted
/// before a head this long that ends at least this many compounds, at least this share of
/// the words ending in it.
const UNKNOWN_MODIFIER_HEAD_CHARS: usize = 6;
const UNKNOWN_MODIFIER_HEAD_USES: u32 = 20;
const UNKNOWN_MODIFIER_HEAD_SHARE: f64 = 0.5;
const UNKNOWN_MODIFIER_CHARS: usize = 4;

/// The parts of a compound, as byte ranges of the word (linking elements stay with the part
/// before them), or `None` if the word is not a compound.
///
/// `word` is lowercase with `ß` written `ss`, as the lexicon spells it.
///
/// ```
/// use nachlese::analysis::split_compound;
///
/// fn parts(w: &str) -> Option<Vec<&str>> {
///     split_compound(w).map(|p| p.into_iter().map(|r| &w[r]).collect())
/// }
/// assert_eq!(parts("verteidigungsminister").unwrap(), ["verteidigungs", "minister"]);
/// assert_eq!(parts("panzerabwehrraketen").unwrap(), ["panzer", "abwehr", "raketen"]);
/// assert_eq!(parts("gründung"), None);
/// ```
pub fn split_compound(word: &str) -> Option<Vec<std::ops::Range<usize>>> {
    let starts: Vec<usize> = word.char_indices().map(|(i, _)| i).collect();
    if starts.len() < MIN_COMPOUND_CHARS {
        return None;
    }
    let mut splitter = Splitter {
        lex: lexicon(),
        word,
        starts,
        memo: HashMap::new(),
    };
    let best = splitter
        .best(0, true)
        .or_else(|| splitter.unknown_modifier())?;
    // A word the lexicon does not know is often a name that only looks like a compound of
    // short words (`Selen|ski`): it is split only into longer parts.
    if !splitter.lex.is_word(word) {
        let mut from = 0;
        for &end in &best.ends {
            if word[from..end].chars().count() <= MIN_PART_CHARS {
                return None;
            }
            from = end;
        }
    }
    let mut out = Vec::with_capacity(best.ends.len());
    let mut from = 0;
    for &end in &best.ends {
        out.push(from..end);
        from = end;
    }
    Some(out)
}

#[derive(Clone)]
struct Analysis {
    score: f64,
    /// Byte offsets where each part ends.
    ends: Vec<usize>,
}

impl Analysis {
    fn mean(&self) -> f64 {
        self.score / self.ends.len() as f64
    }
}

struct Splitter<'a> {
    lex: &'a Lexicon,
    word: &'a str,
    /// Byte offset of each char, for splitting on char boundaries.
    starts: Vec<usize>,
    memo: HashMap<(usize, bool), Option<Analysis>>,
}

impl Splitter<'_> {
    fn char_len(&self, from: usize, to: usize) -> usize {
        self.word[from..to].chars().count()
    }

    fn head_score(&self, h: &str) -> Option<f64> {
        let n = h.chars().count();
        if n < MIN_PART_CHARS
            || listed(PARTICLES, h)
            || listed(SUFFIX_LIKE, h)
            || !self.lex.is_word(h)
        {
            return None;
        }
        if n == MIN_PART_CHARS && !self.lex.is_noun(h) {
            return None;
        }
        let (total, as_head) = self.lex.head_counts(h);
        if n < LONG_HEAD_CHARS
            && (as_head < MIN_HEAD_USES || f64::from(as_head) < MIN_HEAD_SHARE * f64::from(total))
        {
            return None;
        }
        Some((1.0 + f64::from(as_head)).ln())
    }

    fn modifier_score(&self, surface: &str) -> Option<f64> {
        let n = surface.chars().count();
        if n < MIN_PART_CHARS || listed(PARTICLES, surface) {
            return None;
        }
        if let Some(before) = surface.strip_suffix("zu") {
            if listed(PARTICLES, before) {
                return None;
            }
        }
        let reading = rules::first_reading(surface, &|w| self.lex.is_word(w))?;
        if listed(PARTICLES, &reading.0) {
            return None;
        }
        let uses = self.lex.modifier_count(&reading);
        if reading.0.chars().count() == MIN_PART_CHARS
            && (!self.lex.is_noun(&reading.0) || uses < MIN_SHORT_MODIFIER_USES)
        {
            return None;
        }
        if n < LONG_MODIFIER_CHARS && uses < MIN_MODIFIER_USES {
            return None;
        }
        Some((1.0 + uses as f64).ln())
    }

    /// For a word with no split into known parts: a modifier the lexicon does not know (a
    /// name, a rare word) before a long, very productive head; the longest such head.
    fn unknown_modifier(&mut self) -> Option<Analysis> {
        let end = self.word.len();
        self.starts.clone().into_iter().find_map(|i| {
            let (modifier, head) = (&self.word[..i], &self.word[i..]);
            // Verb forms begin with a particle or prefix (`ange|wiesen`, `auszu|füllen`).
            if modifier.chars().count() < UNKNOWN_MODIFIER_CHARS
                || head.chars().count() < UNKNOWN_MODIFIER_HEAD_CHARS
                || PARTICLES.iter().any(|p| modifier.starts_with(p))
            {
                return None;
            }
            let score = self.head_score(head)?;
            let (total, as_head) = self.lex.head_counts(head);
            (as_head >= UNKNOWN_MODIFIER_HEAD_USES
                && f64::from(as_head) >= UNKNOWN_MODIFIER_HEAD_SHARE * f64::from(total))
            .then(|| Analysis {
                score,
                ends: vec![i, end],
            })
        })
    }

    /// The best analysis of `word[from..]`: a single head, or a modifier and the best
    /// analysis of the rest. At the top (`whole`), a single part does not count.
    fn best(&mut self, from: usize, whole: bool) -> Option<Analysis> {
        if let Some(known) = self.memo.get(&(from, whole)) {
            return known.clone();
        }
        let end = self.word.len();
        let mut best: Option<Analysis> = None;
        let consider = |a: Analysis, best: &mut Option<Analysis>| {
            let better = match best {
                None => true,
                Some(b) => (a.mean(), -(a.ends.len() as i64)) > (b.mean(), -(b.ends.len() as i64)),
            };
            if better {
                *best = Some(a);
            }
        };
        if !whole {
            if let Some(s) = self.head_score(&self.word[from..]) {
                consider(
                    Analysis {
                        score: s,
                        ends: vec![end],
                    },
                    &mut best,
                );
            }
        }
        let splits: Vec<usize> = self
            .starts
            .iter()
            .copied()
            .filter(|&i| {
                i > from
                    && self.char_len(from, i) >= MIN_PART_CHARS
                    && self.char_len(i, end) >= MIN_PART_CHARS
            })
            .collect();
        for i in splits {
            let Some(m) = self.modifier_score(&self.word[from..i]) else {
                continue;
            };
            if let Some(rest) = self.best(i, false) {
                let mut ends = Vec::with_capacity(rest.ends.len() + 1);
                ends.push(i);
                ends.extend(rest.ends);
                consider(
                    Analysis {
                        score: m + rest.score,
                        ends,
                    },
                    &mut best,
                );
            }
        }
        self.memo.insert((from, whole), best.clone());
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(w: &str) -> Vec<&str> {
        split_compound(w).map_or(vec![w], |p| p.into_iter().map(|r| &w[r]).collect())
    }

    #[test]
    fn splits_the_compounds_of_the_news() {
        assert_eq!(parts("aussenministerin"), ["aussen", "ministerin"]);
        assert_eq!(
            parts("aufklärungssatelliten"),
            ["aufklärungs", "satelliten"]
        );
        assert_eq!(parts("dieselfahrzeugen"), ["diesel", "fahrzeugen"]);
        assert_eq!(
            parts("panzerabwehrraketen"),
            ["panzer", "abwehr", "raketen"]
        );
        assert_eq!(parts("literatursprache"), ["literatur", "sprache"]);
        assert_eq!(parts("sonnenfinsternis"), ["sonnen", "finsternis"]);
    }

    #[test]
    fn leaves_simple_words_derivations_and_particle_verbs_whole() {
        for w in [
            "gründung",
            "entwicklung",
            "regierung",
            "versicherung",
            "hineingehen",
            "bestehende",
            "minister",
            "pjöngjang",
            "beinhalten",
        ] {
            assert_eq!(parts(w), [w], "{w}");
        }
    }
}
