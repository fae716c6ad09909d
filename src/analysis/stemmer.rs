//! Stemming: Snowball German, as current upstream Snowball defines it.

use std::borrow::Cow;

use frostem::{Algorithm, Stemmer};

use super::lexicon::{lexicon, rules};

/// Reduces a lowercased German word to its Snowball stem, exactly as current upstream
/// Snowball German does (the analyzer uses [`stem_word`], which corrects it).
///
/// The stemmer also folds `ä`/`ö`/`ü`/`ß` and their transcriptions `ae`/`oe`/`ue`/`ss`, so
/// `Außenminister`, `Aussenminister`, `Pjöngjang` and `Pjoengjang` meet here.
///
/// ```
/// assert_eq!(nachlese::analysis::stem("verteidigungsministers"), "verteidigungsminist");
/// assert_eq!(nachlese::analysis::stem("pjoengjang"), nachlese::analysis::stem("pjöngjang"));
/// ```
pub fn stem(word: &str) -> Cow<'_, str> {
    Stemmer::new(Algorithm::German).stem(word)
}

/// The term of a lowercased German word: its Snowball [`stem`], corrected for the plural
/// and genitive `-s` that Snowball leaves (`Autos` → `auto` like `Auto`, `Nordkoreas` →
/// `nordkorea`, `Lawrows` → `lawrow`) and for the `s` it takes from nouns that end in one
/// (`Kurs` stays `kurs`, apart from `Kur`). The lexicon tells which is which, so `Glas`,
/// `Gas`, `Haus` and `Preis` keep their `s`.
///
/// ```
/// use nachlese::analysis::stem_word;
///
/// assert_eq!(stem_word("autos"), stem_word("auto"));
/// assert_eq!(stem_word("nordkoreas"), stem_word("nordkorea"));
/// assert_ne!(stem_word("kurs"), stem_word("kur"));
/// assert_eq!(stem_word("kurs"), stem_word("kurse"));
/// assert_ne!(stem_word("glas"), stem_word("gas"));
/// ```
pub fn stem_word(word: &str) -> String {
    let snowball = stem(word).into_owned();
    let lex = lexicon();
    let lexicon_form = word.replace('ß', "ss");
    rules::fix_plural_s(
        &lexicon_form,
        snowball,
        &|w| lex.is_word(w),
        &|w| lex.is_noun(w),
    )
}
