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

use super::lexicon::rules::{self, PARTICLES, SUFFIX_LIKE, listed};
use super::lexicon::{Lexicon, Step, lexicon};

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
    let mut bounds: Vec<usize> = word.char_indices().map(|(i, _)| i).collect();
    let chars = bounds.len();
    if chars < MIN_COMPOUND_CHARS {
        return None;
    }
    bounds.push(word.len());
    let mut splitter = Splitter::new(lexicon(), word, bounds);
    // Every split ends in a head: a word without one (most words) is done with at once.
    if splitter.heads[MIN_PART_CHARS..=chars - MIN_PART_CHARS]
        .iter()
        .all(Option::is_none)
    {
        return None;
    }
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

    fn better_than(&self, other: &Option<Analysis>) -> bool {
        other.as_ref().is_none_or(|b| {
            (self.mean(), -(self.ends.len() as i64)) > (b.mean(), -(b.ends.len() as i64))
        })
    }
}

struct Splitter<'a> {
    lex: &'a Lexicon,
    word: &'a str,
    /// Byte offset of each char, and the word's length at the end.
    bounds: Vec<usize>,
    /// The score of the word's ending from each char on as a head, if it can be one.
    heads: Vec<Option<f64>>,
    /// The best analysis of the rest from each char on (`None`: not computed yet).
    memo: Vec<Option<Option<Analysis>>>,
}

impl<'a> Splitter<'a> {
    fn new(lex: &'a Lexicon, word: &'a str, bounds: Vec<usize>) -> Splitter<'a> {
        let chars = bounds.len() - 1;
        let mut s = Splitter {
            lex,
            word,
            heads: vec![None; chars + 1],
            memo: vec![None; chars + 1],
            bounds,
        };
        for (at, total, as_head) in lex.head_endings(word) {
            let c = s.bounds.partition_point(|&b| b < at);
            s.heads[c] = s.head_score(&word[at..], total, as_head);
        }
        s
    }

    fn chars(&self) -> usize {
        self.bounds.len() - 1
    }

    /// Whether `h`, which `total` longer words end in (`as_head` of them after a known
    /// modifier), may be the head of a compound, and its score.
    fn head_score(&self, h: &str, total: u32, as_head: u32) -> Option<f64> {
        let n = h.chars().count();
        if total == 0 || n < MIN_PART_CHARS || listed(PARTICLES, h) || listed(SUFFIX_LIKE, h) {
            return None;
        }
        if n == MIN_PART_CHARS && !self.lex.is_noun(h) {
            return None;
        }
        if n < LONG_HEAD_CHARS
            && (as_head < MIN_HEAD_USES || f64::from(as_head) < MIN_HEAD_SHARE * f64::from(total))
        {
            return None;
        }
        Some((1.0 + f64::from(as_head)).ln())
    }

    /// The first reading (as [`rules::first_reading`] defines it) of the modifier
    /// `word[from..to]` (char indices), read off a walk of the word list from `from`.
    fn reading(&self, from: usize, to: usize, steps: &[Option<Step>]) -> Option<rules::Reading> {
        let (start, end) = (self.bounds[from], self.bounds[to]);
        let at = |c: usize| steps.get(c - from).copied().flatten();
        if at(to).is_some_and(|s| s.is_word) {
            return Some((self.word[start..end].to_string(), 0));
        }
        for (i, link) in rules::LINKS.iter().enumerate().skip(1) {
            // Links are ASCII: as many chars as bytes.
            let cut = to.checked_sub(link.len())?;
            if cut >= from + MIN_PART_CHARS
                && self.word[start..end].ends_with(link)
                && at(cut).is_some_and(|s| s.is_word)
            {
                return Some((self.word[start..self.bounds[cut]].to_string(), i as u8));
            }
        }
        let step = at(to).filter(|_| to - from >= 4)?;
        let surface = &self.word[start..end];
        let i = rules::ELISIONS
            .iter()
            .position(|e| self.lex.continues_to_word(&step, e))?;
        Some((
            format!("{surface}{}", rules::ELISIONS[i]),
            (rules::LINKS.len() + i) as u8,
        ))
    }

    fn modifier_score(&self, surface: &str, reading: &rules::Reading) -> Option<f64> {
        if listed(PARTICLES, surface) || listed(PARTICLES, &reading.0) {
            return None;
        }
        if surface
            .strip_suffix("zu")
            .is_some_and(|before| listed(PARTICLES, before))
        {
            return None;
        }
        let uses = self.lex.modifier_count(reading);
        if reading.0.chars().count() == MIN_PART_CHARS
            && (!self.lex.is_noun(&reading.0) || uses < MIN_SHORT_MODIFIER_USES)
        {
            return None;
        }
        if surface.chars().count() < LONG_MODIFIER_CHARS && uses < MIN_MODIFIER_USES {
            return None;
        }
        Some((1.0 + uses as f64).ln())
    }

    /// For a word with no split into known parts: a modifier the lexicon does not know (a
    /// name, a rare word) before a long, very productive head; the longest such head.
    fn unknown_modifier(&self) -> Option<Analysis> {
        let end = self.word.len();
        self.bounds[..self.chars()]
            .iter()
            .enumerate()
            .find_map(|(c, &i)| {
                let (modifier, head) = (&self.word[..i], &self.word[i..]);
                // Verb forms begin with a particle or prefix (`ange|wiesen`, `auszu|füllen`).
                if modifier.chars().count() < UNKNOWN_MODIFIER_CHARS
                    || head.chars().count() < UNKNOWN_MODIFIER_HEAD_CHARS
                    || PARTICLES.iter().any(|p| modifier.starts_with(p))
                {
                    return None;
                }
                let score = self.heads[c]?;
                let (total, as_head) = self.lex.head_counts(head);
                (as_head >= UNKNOWN_MODIFIER_HEAD_USES
                    && f64::from(as_head) >= UNKNOWN_MODIFIER_HEAD_SHARE * f64::from(total))
                .then(|| Analysis {
                    score,
                    ends: vec![i, end],
                })
            })
    }

    /// The best analysis of the word from char `from` on: a single head, or a modifier and
    /// the best analysis of the rest. At the top (`whole`), a single part does not count.
    fn best(&mut self, from: usize, whole: bool) -> Option<Analysis> {
        if !whole && let Some(known) = &self.memo[from] {
            return known.clone();
        }
        let end = self.word.len();
        let mut best: Option<Analysis> = None;
        if !whole && let Some(score) = self.heads[from] {
            best = Some(Analysis {
                score,
                ends: vec![end],
            });
        }
        let n = self.chars();
        if n >= from + 2 * MIN_PART_CHARS {
            // One walk of the word list finds every modifier starting here.
            let walk = self.lex.walk(&self.word[self.bounds[from]..]);
            let mut steps: Vec<Option<Step>> = vec![None; n - from + 1];
            for s in walk {
                let c = self
                    .bounds
                    .partition_point(|&b| b < self.bounds[from] + s.end);
                steps[c - from] = Some(s);
            }
            for to in from + MIN_PART_CHARS..=n - MIN_PART_CHARS {
                let Some(reading) = self.reading(from, to, &steps) else {
                    continue;
                };
                let surface = &self.word[self.bounds[from]..self.bounds[to]];
                let Some(m) = self.modifier_score(surface, &reading) else {
                    continue;
                };
                if let Some(rest) = self.best(to, false) {
                    let mut ends = Vec::with_capacity(rest.ends.len() + 1);
                    ends.push(self.bounds[to]);
                    ends.extend(rest.ends);
                    let candidate = Analysis {
                        score: m + rest.score,
                        ends,
                    };
                    if candidate.better_than(&best) {
                        best = Some(candidate);
                    }
                }
            }
        }
        if !whole {
            self.memo[from] = Some(best.clone());
        }
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
    fn readings_from_the_walk_agree_with_the_rule() {
        let lex = lexicon();
        for word in [
            "aufklärungssatelliten",
            "schulbuch",
            "fahrzeughalter",
            "sonnenfinsternis",
            "staatschef",
            "hilfsorganisationen",
            "kinderspielplatz",
            "schneeschuh",
        ] {
            let mut bounds: Vec<usize> = word.char_indices().map(|(i, _)| i).collect();
            let n = bounds.len();
            bounds.push(word.len());
            let s = Splitter::new(lex, word, bounds);
            for from in 0..n {
                let walk = lex.walk(&word[s.bounds[from]..]);
                let mut steps: Vec<Option<Step>> = vec![None; n - from + 1];
                for st in walk {
                    let c = s.bounds.partition_point(|&b| b < s.bounds[from] + st.end);
                    steps[c - from] = Some(st);
                }
                for to in from + MIN_PART_CHARS..=n {
                    let surface = &word[s.bounds[from]..s.bounds[to]];
                    assert_eq!(
                        s.reading(from, to, &steps),
                        rules::first_reading(surface, &|w| lex.is_word(w)),
                        "{surface}"
                    );
                }
            }
        }
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
