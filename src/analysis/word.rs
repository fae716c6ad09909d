//! What one word becomes: its term, its compound parts, its sound code.

use rustc_hash::FxHashMap;

use std::borrow::Cow;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, RwLock};

use super::MAX_TOKEN_BYTES;
use super::compound::split_compound;
use super::lexicon::lexicon;
use super::normalizer::fold;
use super::phonetic::cologne_phonetic_into;
use super::stemmer::stem_word;
use super::stopwords::{canonical_spelling, is_stop_word};

/// The analysis of one word as written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct WordTerms {
    /// The word's term (stem); `None` for a stop word or an overlong token.
    pub term: Option<String>,
    /// The terms of its compound parts, and of runs of adjacent parts, without the whole:
    /// `Panzerabwehrraketen` gives `panz`, `abwehr`, `rak`, `panzerabwehr`, `abwehrrak`.
    /// Only capitalised words (nouns) are split.
    pub parts: Vec<String>,
    /// The Kölner Phonetik code, for words that are not common nouns (names, places).
    pub code: Option<String>,
    /// Whether the word was written with a capital: only then does the index store its parts
    /// and code (a lowercase word is no noun and no name).
    pub capitalized: bool,
}

/// Abbreviations German news writes two ways for one referent, as the one it uses in
/// compounds: `USA` standing alone, `US-` before a noun (`US-Zölle`, `US-Präsident`), so
/// that `USA Zölle` finds the articles about `US-Zölle`. (Not `UNO`/`UN`: `Un` is also the
/// end of `Kim Jong Un`.)
const ONE_REFERENT: &[(&str, &str)] = &[("usa", "us")];

/// `folded` as the spelling [`ONE_REFERENT`] indexes it.
fn one_referent(folded: Cow<'_, str>) -> Cow<'_, str> {
    match ONE_REFERENT.iter().find(|(other, _)| *other == folded) {
        Some((_, one)) => Cow::Borrowed(one),
        None => folded,
    }
}

/// Words shorter than this get no sound code: too many names would share it.
const MIN_CODE_CHARS: usize = 3;

/// Analyses a word as written in the text.
pub fn analyze_word(original: &str) -> WordTerms {
    if original.len() >= MAX_TOKEN_BYTES {
        return WordTerms::default();
    }
    let capitalized = original.chars().next().is_some_and(char::is_uppercase);
    let lower: String = original.chars().flat_map(char::to_lowercase).collect();
    let folded = one_referent(fold(&lower));
    // A word of marks alone (a stray accent, a Sinhala sign) folds to nothing: no term.
    if folded.is_empty() || is_stop_word(&folded) {
        return WordTerms {
            capitalized,
            ..WordTerms::default()
        };
    }
    let term = stem_word(&folded);
    let lexicon_form = folded.replace('ß', "ss");
    let parts = if capitalized {
        part_terms(&lexicon_form, &term)
    } else {
        Vec::new()
    };
    let lex = lexicon();
    // A compound is a common noun, not a name.
    let is_name = parts.is_empty()
        && folded.chars().count() >= MIN_CODE_CHARS
        && folded.chars().any(char::is_alphabetic)
        && !lex.is_noun(&lexicon_form)
        && !lex.is_noun_stem(&term);
    let code = is_name
        .then(|| name_code(&lexicon_form))
        .filter(|c| !c.is_empty());
    WordTerms {
        term: Some(term),
        parts,
        code,
        capitalized,
    }
}

/// The sound code of a name, without its genitive `s` (`Schoigus` sounds like `Schoigu`,
/// `Bayerns` like `Bayern`).
fn name_code(word: &str) -> String {
    let mut code = String::with_capacity(word.len());
    name_code_into(word, &mut code);
    code
}

/// [`name_code`], appended to `out`.
pub(crate) fn name_code_into(word: &str, out: &mut String) {
    let word = match word.strip_suffix('s') {
        Some(base) if base.chars().count() >= MIN_CODE_CHARS && !base.ends_with('s') => base,
        _ => word,
    };
    cologne_phonetic_into(word, out)
}

/// The sound codes a name written in a query may have in the archive: its own, and those of
/// its other transliterations.
///
/// - German writes `tsch` where English writes `ch` (`Wostotschny`, `Vostochny`), and Kölner
///   Phonetik hears them apart.
/// - German writes `sch` for the `š` of Czech, Slovak or Croatian names (`Babisch` for
///   `Babiš`, archived as `Babis` when the accent is dropped). At the end of a name that
///   matters: the archive's code of `Babiš` loses its last `s` as a genitive `s` would.
/// - German writes `dsch` where English writes `j` in Arabic, Persian or Central Asian names
///   (`Laridschani`, `Larijani`); Kölner Phonetik hears the `j` as a vowel.
pub fn query_name_codes(word: &str) -> Vec<String> {
    let lower = fold(&word.to_lowercase()).replace('ß', "ss");
    let other = if lower.contains("tsch") {
        lower.replace("tsch", "ch")
    } else {
        // English `ch` (not German `sch`) for the sound German writes `tsch`.
        let mut out = String::with_capacity(lower.len() + 4);
        let mut prev = ' ';
        let mut chars = lower.chars().peekable();
        while let Some(c) = chars.next() {
            if c == 'c' && chars.peek() == Some(&'h') && prev != 's' {
                out.push_str("tsc");
            } else {
                out.push(c);
            }
            prev = c;
        }
        out
    };
    let hacek = lower
        .strip_suffix("sch")
        .filter(|stem| !stem.ends_with('t'))
        .map(|stem| format!("{stem}s"));
    let dsch = if lower.contains("dsch") {
        Some(lower.replace("dsch", "j"))
    } else {
        english_j_as_dsch(&lower)
    };
    let mut codes: Vec<String> = Vec::new();
    for spelling in [Some(lower.clone()), Some(other), hacek, dsch]
        .into_iter()
        .flatten()
    {
        let code = name_code(&spelling);
        if !code.is_empty() && !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

/// `word` with each `j` between vowels written `dsch`, if it has one: the English
/// transliteration of Arabic, Persian or Central Asian names writes `j` where German writes
/// `dsch` (`Larijani`, `Laridschani`; `Azerbaijan`, `Aserbaidschan`). Only between vowels:
/// at the start of a name (`Johnson`, `Jong-un`) or after a consonant (`Sonja`) German
/// keeps the `j`.
fn english_j_as_dsch(word: &str) -> Option<String> {
    let vowel = |c: Option<&char>| c.is_some_and(|c| "aeiou".contains(*c));
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::with_capacity(word.len() + 6);
    let mut changed = false;
    for (i, c) in chars.iter().enumerate() {
        if *c == 'j' && i > 0 && vowel(chars.get(i - 1)) && vowel(chars.get(i + 1)) {
            out.push_str("dsch");
            changed = true;
        } else {
            out.push(*c);
        }
    }
    changed.then_some(out)
}

/// The terms of the parts of a compound and of runs of adjacent parts.
fn part_terms(word: &str, whole: &str) -> Vec<String> {
    // A transcribed spelling (Aufklaerung) is split in its canonical spelling.
    let canonical = canonical_spelling(word);
    let (word, ranges) = match split_compound(word) {
        Some(r) => (word, r),
        None if canonical != word => match split_compound(&canonical) {
            Some(r) => (canonical.as_ref(), r),
            None => return Vec::new(),
        },
        None => return Vec::new(),
    };
    let mut out: Vec<String> = Vec::new();
    for i in 0..ranges.len() {
        for j in i..ranges.len() {
            if i == 0 && j == ranges.len() - 1 {
                continue;
            }
            let run = &word[ranges[i].start..ranges[j].end];
            let term = stem_word(run);
            if term != whole && !out.contains(&term) {
                out.push(term);
            }
        }
    }
    out
}

/// The kinds of term the analyzer produces; each goes to fields of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TermKind {
    /// The word itself (its stem): what exact search matches.
    Word,
    /// A part of a compound (stored only for capitalised words).
    Part,
    /// The sound code of a name (stored only for capitalised words that are not common
    /// nouns).
    Name,
}

impl TermKind {
    /// The terms of this kind that the index stores for a word.
    pub(crate) fn indexed<'a>(&self, w: &'a WordTerms) -> &'a [String] {
        match self {
            TermKind::Word => w.term.as_slice(),
            TermKind::Part => &w.parts,
            TermKind::Name if w.capitalized => w.code.as_slice(),
            TermKind::Name => &[],
        }
    }
}

/// All threads share the analyses any of them made, up to this many words by default, so
/// that two indexing threads do not analyse the same new word twice (each also keeps its
/// own, see `analysis::cache`).
pub const DEFAULT_WORD_CACHE_WORDS: usize = 1 << 20;

/// The words the shared cache holds at most ([`set_word_cache_limit`]).
static LIMIT: AtomicUsize = AtomicUsize::new(DEFAULT_WORD_CACHE_WORDS);

/// Counts [`clear_word_caches`] and limit changes: a thread whose own table is of an older
/// generation starts it afresh.
static GENERATION: AtomicU64 = AtomicU64::new(0);

/// Bounds the words whose analyses nachlese keeps in memory: at most `words` in the cache
/// all threads share, and at most that many (or the per-thread default, if smaller) in each
/// thread's own table; a full cache empties itself. `0` keeps nothing (every word is
/// analysed anew: slower, not different). The default is [`DEFAULT_WORD_CACHE_WORDS`]; a
/// word's analysis takes about 100 bytes.
///
/// The caches belong to the process, as the analysis is the same for every index.
///
/// ```
/// use nachlese::analysis::{analyze, set_word_cache_limit, word_cache_len};
///
/// set_word_cache_limit(2);
/// analyze("Putin schenkt Kim ein Auto");
/// assert!(word_cache_len() <= 2);
/// # set_word_cache_limit(nachlese::analysis::DEFAULT_WORD_CACHE_WORDS);
/// ```
pub fn set_word_cache_limit(words: usize) {
    LIMIT.store(words, Ordering::Relaxed);
    if let Ok(mut s) = SHARED.write()
        && s.len() > words
    {
        s.clear();
        s.shrink_to_fit();
    }
    GENERATION.fetch_add(1, Ordering::Relaxed);
}

/// Empties the word caches: the shared one now, each thread's own when it next analyses a
/// text. Frees the memory of words an embedder knows it will not see again.
///
/// ```
/// use nachlese::analysis::{analyze, clear_word_caches, word_cache_len};
///
/// analyze("Kim fährt Aurus");
/// clear_word_caches();
/// assert_eq!(word_cache_len(), 0);
/// ```
pub fn clear_word_caches() {
    if let Ok(mut s) = SHARED.write() {
        *s = Cache::default();
    }
    GENERATION.fetch_add(1, Ordering::Relaxed);
}

/// How many words the shared cache holds now.
pub fn word_cache_len() -> usize {
    SHARED.read().map_or(0, |s| s.len())
}

/// The current generation of the caches, and the most words a thread's table may hold.
pub(crate) fn thread_cache(default_words: usize) -> (u64, usize) {
    (
        GENERATION.load(Ordering::Relaxed),
        default_words.min(LIMIT.load(Ordering::Relaxed)),
    )
}

// FxHash: the keys are short words, and SipHash's protection against crafted keys is not
// worth its cost in a cache that is emptied when full.
type Cache = FxHashMap<Box<str>, Arc<WordTerms>>;

static SHARED: LazyLock<RwLock<Cache>> = LazyLock::new(|| RwLock::new(Cache::default()));

/// [`analyze_word`], remembered.
pub(crate) fn shared_analysis(original: &str) -> Arc<WordTerms> {
    if let Some(hit) = SHARED.read().ok().and_then(|s| s.get(original).cloned()) {
        return hit;
    }
    let terms = Arc::new(analyze_word(original));
    let limit = LIMIT.load(Ordering::Relaxed);
    if limit > 0
        && let Ok(mut s) = SHARED.write()
    {
        if s.len() >= limit {
            s.clear();
        }
        s.insert(original.into(), Arc::clone(&terms));
    }
    terms
}

/// The terms of a compound's two halves, as a text writes them apart: its modifier (every
/// part before the head) and its head. `Rentenreform` gives the terms of `Renten` and
/// `reform`, found in "Reform der Rente". `None` for a word that is no compound (in any
/// case: queries are often typed in lowercase).
pub(crate) fn compound_halves(written: &str) -> Option<(String, String)> {
    let lower: String = written.chars().flat_map(char::to_lowercase).collect();
    let form = fold(&lower).replace('ß', "ss");
    let parts = split_compound(&form)?;
    let head = parts.last()?.start;
    let (modifier, head) = (&form[..head], &form[head..]);
    if is_stop_word(modifier) || is_stop_word(head) {
        return None;
    }
    Some((stem_word(modifier), stem_word(head)))
}

/// A word is read as modifier and head by the archive's words only from this length on, and
/// each part then has at least [`MIN_GUESSED_PART_CHARS`].
const MIN_GUESSED_COMPOUND_CHARS: usize = 10;
const MIN_GUESSED_PART_CHARS: usize = 4;

/// Linking elements a modifier may end in (`Arbeit|s|markt`, `Straße|n|bahn`), longest first.
const LINKS: [&str; 5] = ["es", "en", "s", "n", "e"];

/// Every reading of a word the lexicon does not split as modifier and head, as the terms of
/// both (`Cannabislegalisierung`: `cannabis` and `legalisier`, among readings such as
/// `cannabisl` and `egalisier`), each modifier also without a linking element. Which reading
/// holds is for the archive to say: the one whose parts it uses most (Koehn and Knight's
/// frequency-based splitting, 2003).
pub(crate) fn guessed_halves(written: &str) -> Vec<(String, String)> {
    let lower: String = written.chars().flat_map(char::to_lowercase).collect();
    let form = fold(&lower).replace('ß', "ss");
    let chars: Vec<usize> = form.char_indices().map(|(i, _)| i).collect();
    if chars.len() < MIN_GUESSED_COMPOUND_CHARS || !form.chars().all(char::is_alphabetic) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for &at in &chars[MIN_GUESSED_PART_CHARS..=chars.len() - MIN_GUESSED_PART_CHARS] {
        let (modifier, head) = form.split_at(at);
        let bare = LINKS
            .iter()
            .filter_map(|link| modifier.strip_suffix(link))
            .filter(|m| m.chars().count() >= MIN_GUESSED_PART_CHARS);
        for m in std::iter::once(modifier).chain(bare) {
            if !is_stop_word(m) && !is_stop_word(head) {
                out.push((stem_word(m), stem_word(head)));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_word_may_be_read_as_modifier_and_head_at_every_point() {
        let readings = guessed_halves("Cannabislegalisierung");
        assert!(
            readings.contains(&("cannabis".into(), "legalisier".into())),
            "{readings:?}"
        );
        assert!(readings.iter().all(|(m, h)| m.len() >= 4 && h.len() >= 4));
        // The modifier without its linking `s`.
        let readings = guessed_halves("Rettungsschirmdebatte");
        assert!(
            readings.contains(&("rettungsschirm".into(), "debatt".into())),
            "{readings:?}"
        );
        assert!(guessed_halves("Kurzwort").is_empty());
        assert!(guessed_halves("Brosius-Gersdorf").is_empty());
    }

    #[test]
    fn a_compound_noun_gives_its_parts_a_name_its_code() {
        let w = analyze_word("Panzerabwehrraketen");
        assert_eq!(w.term.as_deref(), Some("panzerabwehrrak"));
        assert_eq!(
            w.parts,
            ["panz", "panzerabwehr", "abwehr", "abwehrrak", "rak"]
        );
        assert_eq!(w.code, None, "a common noun has no sound code");
        let w = analyze_word("Schoigus");
        assert_eq!(w.term.as_deref(), Some("schoigu"));
        assert_eq!(w.code.as_deref(), Some("84"));
        assert!(w.parts.is_empty());
        assert_eq!(analyze_word("Bayerns").code, analyze_word("Bayern").code);
    }

    #[test]
    fn usa_is_indexed_as_the_us_of_compounds() {
        assert_eq!(analyze_word("USA").term, analyze_word("US").term);
        assert_eq!(analyze_word("USA").code, None);
        assert_eq!(analyze_word("Usambara").term.as_deref(), Some("usambara"));
    }

    #[test]
    fn a_query_name_sounds_like_both_transliterations() {
        let codes = query_name_codes("Vostochny");
        assert!(
            codes.contains(&analyze_word("Wostotschny").code.unwrap()),
            "{codes:?}"
        );
        let codes = query_name_codes("Wostotschny");
        assert!(
            codes.contains(&analyze_word("Vostochny").code.unwrap()),
            "{codes:?}"
        );
        // Czech `š`, written `sch` in German, with and without its accent in the archive.
        let codes = query_name_codes("Babisch");
        for archived in ["Babiš", "Babis"] {
            assert!(
                codes.contains(&analyze_word(archived).code.unwrap()),
                "{archived}: {codes:?}"
            );
        }
        // English `j`, German `dsch`, both ways; not at the start or after a consonant.
        for (query, archived) in [
            ("Larijani", "Laridschani"),
            ("Laridschani", "Larijani"),
            ("Najib", "Nadschib"),
        ] {
            let codes = query_name_codes(query);
            assert!(
                codes.contains(&analyze_word(archived).code.unwrap()),
                "{query} {archived}: {codes:?}"
            );
        }
        assert_eq!(english_j_as_dsch("johnson"), None);
        assert_eq!(english_j_as_dsch("sonja"), None);
        // A `tsch` at the end is a `č`, which keeps its sound.
        let codes = query_name_codes("Kowatsch");
        assert!(
            codes.contains(&analyze_word("Kovač").code.unwrap()),
            "{codes:?}"
        );
        assert!(
            !codes.contains(&crate::analysis::cologne_phonetic("kowat")),
            "{codes:?}"
        );
    }

    #[test]
    fn lowercase_words_are_not_split() {
        assert!(analyze_word("verteidigungspolitische").parts.is_empty());
        assert!(analyze_word("für").term.is_none());
    }
}
