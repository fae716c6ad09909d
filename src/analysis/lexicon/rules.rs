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
pub fn first_reading(surface: &str, is_word: &impl Fn(&str) -> bool) -> Option<Reading> {
    for (i, link) in LINKS.iter().enumerate() {
        if let Some(word) = surface.strip_suffix(link) {
            if word.chars().count() >= 3 && is_word(word) {
                return Some((word.to_string(), i as u8));
            }
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

/// Words that are particles or prefixes, never the modifier or head of a noun compound:
/// `hinein|gehen`, `los|rennen`, `zurück|geben` are particle verbs, not compounds.
pub const PARTICLES: &[&str] = &[
    "ab", "abhanden", "an", "auf", "aufeinander", "aus", "auseinander", "be", "bei", "beisammen",
    "dabei", "daher", "dahin", "dahinter", "dar", "daran", "darauf", "darum", "darüber", "davon",
    "dazu", "durch", "durcheinander", "ein", "empor", "ent", "entgegen", "er", "fort", "ge",
    "gegen", "gegenüber", "heim", "her", "herab", "heran", "herauf", "heraus", "herein",
    "herüber", "herum", "hervor", "hierher", "hin", "hinab", "hinauf", "hinaus", "hinein",
    "hinter", "hinüber", "hinunter", "hinzu", "inne", "los", "mehr", "miss", "mit",
    "miteinander", "nach", "nicht", "nieder", "ob", "über", "überein", "um", "umher", "un",
    "unter", "ur", "ver", "voran", "voraus", "vorbei", "vorüber", "vorweg", "vor", "weg",
    "weiter", "wider", "wieder", "zer", "zu", "zurecht", "zurück", "zusammen", "zuvor",
];

/// Words that look like heads but are derivational endings: `Gründ|ung` is not `grün|dung`,
/// `bestehende` is not `besteh|ende`, `Nordkoreanischen` is not `Nordkorea|nischen`.
pub const SUFFIX_LIKE: &[&str] = &[
    "bar", "bare", "baren", "barer", "bares", "chen", "eien", "ende", "endem", "enden", "ender",
    "endes", "erei", "ern", "ester", "fach", "fache", "fachen", "facher", "faches", "heit",
    "heiten", "ieren", "iert", "ierte", "ierten", "ierung", "ig", "ige", "igen", "iger", "iges",
    "innen", "isch", "ische", "ischen", "keit", "keiten", "lei", "lein", "lich", "liche",
    "lichen", "licher", "liches", "ling", "linge", "lingen", "lose", "losem", "losen", "loser",
    "loses", "nieren", "nis", "nisch", "nische", "nischem", "nischen", "nischer", "nisches", "nisse", "sam", "same", "samen", "samer", "schaft", "schaften",
    "tieren", "tum", "tümer", "ung", "ungen", "zieren",
];

/// Whether a lowercase word is in a small sorted-or-not list.
pub fn listed(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

/// Whether a character is a vowel for the plural rule.
pub fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'ä' | 'ö' | 'ü')
}

/// Snowball German leaves the `-s` of plurals and genitives after a vowel (`Autos`,
/// `Nordkoreas`, `Handys`) and of names after other consonants (`Lawrows`), and it strips
/// the `s` of some nouns that end in it (`Kurs` becomes `kur`, like `Kur`). This corrects its
/// stem with the lexicon:
///
/// * a noun lemma keeps its final `s` (`Kurs`, `Glas`, `Gas`, `Haus`, `Preis`);
/// * otherwise a final `s` after a vowel goes when the word without it is a known word
///   (`Autos` → `Auto`) or the word is unknown (a name's genitive: `Schoigus`);
/// * an unknown word also loses a final `s` after a consonant (`Lawrows` → `Lawrow`).
///
/// `word` is the lowercase word (ß as ss), `stem` what Snowball made of it.
pub fn fix_plural_s(
    word: &str,
    stem: String,
    is_word: &impl Fn(&str) -> bool,
    is_noun: &impl Fn(&str) -> bool,
) -> String {
    let Some(base) = word.strip_suffix('s') else {
        return stem;
    };
    if base.chars().count() < 2 {
        return stem;
    }
    if is_noun(word) {
        // Snowball cut the lemma's own s (kurs -> kur): put it back.
        return if stem == base { word.to_string() } else { stem };
    }
    if stem != word {
        return stem;
    }
    let last = base.chars().last().unwrap_or(' ');
    let known = is_word(word);
    if is_vowel(last) && (is_word(base) || !known) {
        return base.to_string();
    }
    if !known && base.chars().count() >= 4 && !base.ends_with('s') {
        return base.to_string();
    }
    stem
}
