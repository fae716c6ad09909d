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

/// The term of a lowercased German word: its Snowball [`stem`], with the plural and
/// genitive `-s` dropped first where the lexicon knows the word without it (`Autos` → `auto`
/// like `Auto`, `Nordkoreas` → `nordkorea`, `Lawrows` → `lawrow`) and the `s` kept on nouns
/// that end in one (`Kurs` stays `kurs`, apart from `Kur`). So `Glas`, `Gas`, `Haus` and
/// `Preis` keep their `s`.
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
    let lex = lexicon();
    let lexicon_form = word.replace('ß', "ss");
    let (form, keep_s) =
        rules::stemming_form(&lexicon_form, &|w| lex.is_word(w), &|w| lex.is_noun(w));
    rules::restore_s(&lexicon_form, keep_s, stem(form).into_owned())
}
