//! German stop words: the words too frequent to help a search.

/// The Snowball project's German stop word list (BSD-3-Clause, Copyright (c) 2001 Dr Martin
/// Porter; the same list tantivy ships), in the spelling the filter compares: lowercase, `ß`
/// as `ss`, sorted for binary search.
pub(crate) const GERMAN_STOP_WORDS: &[&str] = &[
    "aber",
    "alle",
    "allem",
    "allen",
    "aller",
    "alles",
    "als",
    "also",
    "am",
    "an",
    "ander",
    "andere",
    "anderem",
    "anderen",
    "anderer",
    "anderes",
    "anderm",
    "andern",
    "anderr",
    "anders",
    "auch",
    "auf",
    "aus",
    "bei",
    "bin",
    "bis",
    "bist",
    "da",
    "damit",
    "dann",
    "das",
    "dass",
    "dasselbe",
    "dazu",
    "dein",
    "deine",
    "deinem",
    "deinen",
    "deiner",
    "deines",
    "dem",
    "demselben",
    "den",
    "denn",
    "denselben",
    "der",
    "derer",
    "derselbe",
    "derselben",
    "des",
    "desselben",
    "dessen",
    "dich",
    "die",
    "dies",
    "diese",
    "dieselbe",
    "dieselben",
    "diesem",
    "diesen",
    "dieser",
    "dieses",
    "dir",
    "doch",
    "dort",
    "du",
    "durch",
    "ein",
    "eine",
    "einem",
    "einen",
    "einer",
    "eines",
    "einig",
    "einige",
    "einigem",
    "einigen",
    "einiger",
    "einiges",
    "einmal",
    "er",
    "es",
    "etwas",
    "euch",
    "euer",
    "eure",
    "eurem",
    "euren",
    "eurer",
    "eures",
    "für",
    "gegen",
    "gewesen",
    "hab",
    "habe",
    "haben",
    "hat",
    "hatte",
    "hatten",
    "hier",
    "hin",
    "hinter",
    "ich",
    "ihm",
    "ihn",
    "ihnen",
    "ihr",
    "ihre",
    "ihrem",
    "ihren",
    "ihrer",
    "ihres",
    "im",
    "in",
    "indem",
    "ins",
    "ist",
    "jede",
    "jedem",
    "jeden",
    "jeder",
    "jedes",
    "jene",
    "jenem",
    "jenen",
    "jener",
    "jenes",
    "jetzt",
    "kann",
    "kein",
    "keine",
    "keinem",
    "keinen",
    "keiner",
    "keines",
    "können",
    "könnte",
    "machen",
    "man",
    "manche",
    "manchem",
    "manchen",
    "mancher",
    "manches",
    "mein",
    "meine",
    "meinem",
    "meinen",
    "meiner",
    "meines",
    "mich",
    "mir",
    "mit",
    "muss",
    "musste",
    "nach",
    "nicht",
    "nichts",
    "noch",
    "nun",
    "nur",
    "ob",
    "oder",
    "ohne",
    "sehr",
    "sein",
    "seine",
    "seinem",
    "seinen",
    "seiner",
    "seines",
    "selbst",
    "sich",
    "sie",
    "sind",
    "so",
    "solche",
    "solchem",
    "solchen",
    "solcher",
    "solches",
    "soll",
    "sollte",
    "sondern",
    "sonst",
    "um",
    "und",
    "uns",
    "unse",
    "unsem",
    "unsen",
    "unser",
    "unses",
    "unter",
    "viel",
    "vom",
    "von",
    "vor",
    "war",
    "waren",
    "warst",
    "was",
    "weg",
    "weil",
    "weiter",
    "welche",
    "welchem",
    "welchen",
    "welcher",
    "welches",
    "wenn",
    "werde",
    "werden",
    "wie",
    "wieder",
    "will",
    "wir",
    "wird",
    "wirst",
    "wo",
    "wollen",
    "wollte",
    "während",
    "würde",
    "würden",
    "zu",
    "zum",
    "zur",
    "zwar",
    "zwischen",
    "über",
];

/// Prepositions merged with an article that Snowball's list lacks (it has `am`, `im`, `ins`,
/// `vom`, `zum`, `zur`): as frequent and as empty, and a query such as `Anschlag beim CSD`
/// should not need articles to say `beim`.
const CONTRACTIONS: &[&str] = &[
    "ans", "aufs", "beim", "durchs", "fürs", "hinterm", "hinters", "übers", "überm", "ums",
    "unterm", "unters", "vorm", "vors",
];

/// Longest stop word in bytes: anything longer is not looked up.
const LONGEST: usize = 10;

/// Whether a lowercased word is a German stop word.
pub fn is_stop_word(word: &str) -> bool {
    if word.len() > LONGEST + 2 {
        return false;
    }
    let canonical = canonical_spelling(word);
    GERMAN_STOP_WORDS.binary_search(&canonical.as_ref()).is_ok()
        || CONTRACTIONS.contains(&canonical.as_ref())
}

/// The spelling a lowercased German word has when `ß` is written `ss` and the transcriptions
/// `ae`, `oe`, `ue` are written `ä`, `ö`, `ü`, following the rules of the Snowball German
/// stemmer: not in `qu`, and not where `u` stands between two vowels (`euer`, `Bauer`).
///
/// ```
/// use nachlese::analysis::canonical_spelling;
///
/// assert_eq!(canonical_spelling("fuer"), "für");
/// assert_eq!(canonical_spelling("daß"), "dass");
/// assert_eq!(canonical_spelling("euer"), "euer");
/// assert_eq!(canonical_spelling("quelle"), "quelle");
/// ```
pub fn canonical_spelling(word: &str) -> std::borrow::Cow<'_, str> {
    let b = word.as_bytes();
    let needs = word.contains('ß')
        || b.windows(2)
            .any(|w| w[1] == b'e' && matches!(w[0], b'a' | b'o' | b'u'));
    if !needs {
        return std::borrow::Cow::Borrowed(word);
    }
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::with_capacity(word.len() + 2);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let prev = if i > 0 { Some(chars[i - 1]) } else { None };
        match (c, next) {
            ('ß', _) => out.push_str("ss"),
            ('q', Some('u')) => {
                out.push_str("qu");
                i += 1;
            }
            ('a', Some('e')) => {
                out.push('ä');
                i += 1;
            }
            ('o', Some('e')) => {
                out.push('ö');
                i += 1;
            }
            ('u', Some('e')) if !prev.is_some_and(super::lexicon::rules::is_vowel) => {
                out.push('ü');
                i += 1;
            }
            _ => out.push(c),
        }
        i += 1;
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_and_canonical() {
        assert!(GERMAN_STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        for w in GERMAN_STOP_WORDS.iter().chain(CONTRACTIONS) {
            assert_eq!(canonical_spelling(w), *w, "{w}");
            assert!(w.len() <= LONGEST, "{w}");
        }
    }

    #[test]
    fn transcribed_spellings_are_stop_words_too() {
        for w in [
            "für", "fuer", "über", "ueber", "während", "waehrend", "daß", "dass", "können",
            "koennen", "euer", "würden", "wuerden", "beim", "uebers", "fürs",
        ] {
            assert!(is_stop_word(w), "{w}");
        }
        for w in ["uber", "putin", "auto", "bauer", "kim", "quer"] {
            assert!(!is_stop_word(w), "{w}");
        }
    }
}
