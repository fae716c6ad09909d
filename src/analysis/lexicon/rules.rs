//! The rules that read compounds and plural endings off the lexicon.
//!
//! Shared, word for word, by `build.rs` (which derives statistics from the lexicon) and the
//! library (which applies them to text), so the two can never disagree. Lookups come in as
//! closures; nothing here depends on the rest of the crate.

/// Linking elements (Fugenelemente) that may join a modifier to the next part, most common
/// readings first: `Staat|s|chef`, `Sonne|n|finsternis`, `Kind|er|garten`.
pub const LINKS: [&str; 9] = ["", "s", "es", "n", "en", "er", "e", "ens", "ns"];

/// Endings a modifier may drop: `Schul|buch` (Schule), `Fahr|zeug` (fahren).
pub const ELISIONS: [&str; 3] = ["e", "en", "n"];

/// How a modifier's surface form reads as a lexicon word: the word, and what was done to it
/// (an index into [`LINKS`], or `LINKS.len() + i` for [`ELISIONS`]`[i]`).
pub type Reading = (String, u8);

/// The most plausible reading of `surface` as a compound modifier, if any: the word itself,
/// else the word plus a linking element, else the word minus an elided ending.
#[cfg_attr(not(test), allow(dead_code))] // the library reads it off a walk (compound.rs)
pub fn first_reading(surface: &str, is_word: &impl Fn(&str) -> bool) -> Option<Reading> {
    for (i, link) in LINKS.iter().enumerate() {
        if let Some(word) = surface.strip_suffix(link)
            && word.chars().count() >= 3
            && is_word(word)
        {
            return Some((word.to_string(), i as u8));
        }
    }
    if surface.chars().count() >= 4 {
        for (i, ending) in ELISIONS.iter().enumerate() {
            let word = format!("{surface}{ending}");
            if is_word(&word) {
                return Some((word, (LINKS.len() + i) as u8));
            }
        }
    }
    None
}

/// The key under which the compound statistics store a reading.
pub fn reading_key(reading: &Reading) -> Vec<u8> {
    let mut key = Vec::with_capacity(reading.0.len() + 2);
    key.extend_from_slice(reading.0.as_bytes());
    key.push(0);
    key.push(reading.1);
    key
}

/// Words that are particles or prefixes, never the modifier or head of a noun compound
/// (sorted, for [`listed`]):
/// `hinein|gehen`, `los|rennen`, `zurück|geben` are particle verbs, not compounds.
pub const PARTICLES: &[&str] = &[
    "ab",
    "abhanden",
    "an",
    "auf",
    "aufeinander",
    "aus",
    "auseinander",
    "be",
    "bei",
    "beisammen",
    "dabei",
    "daher",
    "dahin",
    "dahinter",
    "dar",
    "daran",
    "darauf",
    "darum",
    "darüber",
    "davon",
    "dazu",
    "durch",
    "durcheinander",
    "ein",
    "empor",
    "ent",
    "entgegen",
    "er",
    "fort",
    "ge",
    "gegen",
    "gegenüber",
    "heim",
    "her",
    "herab",
    "heran",
    "herauf",
    "heraus",
    "herein",
    "herum",
    "hervor",
    "herüber",
    "hierher",
    "hin",
    "hinab",
    "hinauf",
    "hinaus",
    "hinein",
    "hinter",
    "hinunter",
    "hinzu",
    "hinüber",
    "inne",
    "los",
    "mehr",
    "miss",
    "mit",
    "miteinander",
    "nach",
    "nicht",
    "nieder",
    "ob",
    "um",
    "umher",
    "un",
    "unter",
    "ur",
    "ver",
    "vor",
    "voran",
    "voraus",
    "vorbei",
    "vorweg",
    "vorüber",
    "weg",
    "weiter",
    "wider",
    "wieder",
    "zer",
    "zu",
    "zurecht",
    "zurück",
    "zusammen",
    "zuvor",
    "über",
    "überein",
];

/// Words that look like heads but are derivational endings (sorted, for [`listed`]): `Gründ|ung` is not `grün|dung`,
/// `bestehende` is not `besteh|ende`, `Nordkoreanischen` is not `Nordkorea|nischen`.
pub const SUFFIX_LIKE: &[&str] = &[
    "bar", "bare", "baren", "barer", "bares", "chen", "eien", "ende", "endem", "enden", "ender",
    "endes", "erei", "ern", "ester", "fach", "fache", "fachen", "facher", "faches", "heit",
    "heiten", "ieren", "iert", "ierte", "ierten", "ierung", "ig", "ige", "igen", "iger", "iges",
    "innen", "isch", "ische", "ischen", "keit", "keiten", "lei", "lein", "lich", "liche", "lichen",
    "licher", "liches", "ling", "linge", "lingen", "lose", "losem", "losen", "loser", "loses",
    "nieren", "nis", "nisch", "nische", "nischem", "nischen", "nischer", "nisches", "nisse", "sam",
    "same", "samen", "samer", "schaft", "schaften", "tieren", "tum", "tümer", "ung", "ungen",
    "zieren",
];

/// Whether a word is in one of the sorted lists above.
pub fn listed(list: &[&str], word: &str) -> bool {
    list.binary_search(&word).is_ok()
}

/// Whether a character is a vowel for the plural rule.
pub fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ä' | 'ö' | 'ü')
}

/// The form of a word to give Snowball, and whether the word is a noun lemma ending in `s`
/// whose `s` Snowball must not cut.
///
/// Snowball German leaves the `-s` of plurals and genitives after a vowel (`Autos`,
/// `Nordkoreas`, `Handys`) and after consonants it does not expect before an `s` (`Pkws`,
/// `Lawrows`), treats some genitives apart from their words (`Bayerns` stems to `bayern`,
/// `Bayern` to `bay`), and cuts the `s` of nouns that end in one (`Kurs` becomes `kur`, like
/// `Kur`). With the lexicon:
///
/// * a noun lemma is stemmed as it is, keeping its final `s` (`Kurs`, `Glas`, `Haus`);
/// * otherwise a final `s` is dropped before stemming when the rest is a known word (`Autos`
///   → `Auto`, `Pkws` → `Pkw`, `Nordkoreas` → `Nordkorea`, `Bayerns` → `Bayern`), or when the
///   word is unknown, as a name's genitive is (`Schoigus`, `Lawrows`).
///
/// `word` is the lowercase word (ß as ss).
pub fn stemming_form<'a>(
    word: &'a str,
    is_word: &impl Fn(&str) -> bool,
    is_noun: &impl Fn(&str) -> bool,
) -> (&'a str, bool) {
    if is_noun(word) {
        return (word, word.ends_with('s'));
    }
    if let Some(base) = word.strip_suffix('s') {
        let chars = base.chars().count();
        let unknown_name = !is_word(word) && (chars >= 4 || base.ends_with(is_vowel));
        if chars >= 2 && !base.ends_with('s') && (is_word(base) || unknown_name) {
            return (base, false);
        }
    }
    (word, false)
}

/// The stem of `word` given Snowball's stem of its [`stemming_form`]: a noun lemma gets back
/// the final `s` Snowball cut (`kurs`, not `kur`).
pub fn restore_s(word: &str, keep_s: bool, stem: String) -> String {
    if keep_s && word.strip_suffix('s') == Some(stem.as_str()) {
        word.to_string()
    } else {
        stem
    }
}
