//! Questions typed as questions: "Wie gefährlich ist das Hantavirus?", "Wer hat den
//! Friedensnobelpreis bekommen?". Their interrogatives and light verbs ("wer", "gibt es",
//! "wie viele") are how a question is asked, not what it is about: no article has to hold
//! them. (Many, such as "wie", "was", "ist", are stop words already and never reach here.)

/// Words that make a query a question when it starts with one.
const INTERROGATIVES: &[&str] = &[
    "wer", "wen", "wem", "wessen", "was", "wann", "wo", "woher", "wohin", "wie", "warum",
    "weshalb", "wieso", "weswegen", "wozu", "welche", "welcher", "welches", "welchen", "welchem",
    "gibt", "gab", "ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "hat",
    "haben", "hatte", "kann", "können", "soll", "sollen", "muss", "müssen", "darf", "stimmt",
];

/// Words of a question beyond [`INTERROGATIVES`] that carry no topic: other forms of sein,
/// haben, werden, geben and the modal verbs, and the fillers of spoken questions ("was ist
/// los", "wie viele", "eigentlich").
const SCAFFOLDING: &[&str] = &[
    "viel",
    "viele",
    "vielen",
    "gäbe",
    "geben",
    "gegeben",
    "wäre",
    "geworden",
    "hatten",
    "konnte",
    "sollte",
    "musste",
    "dürfen",
    "los",
    "eigentlich",
    "genau",
    "denn",
    "passiert",
    "bedeutet",
    "heißt",
    "es",
    "man",
];

/// Whether `query` is asked as a question: it ends with `?`, or starts with an interrogative
/// or a verb ("Gibt es …", "Ist …").
pub(crate) fn is_question(query: &str) -> bool {
    let query = query.trim();
    query.ends_with('?')
        || query
            .split_whitespace()
            .next()
            .is_some_and(|first| listed(INTERROGATIVES, first))
}

/// Whether `word` (as written) only frames a question.
pub(crate) fn is_scaffolding(word: &str) -> bool {
    listed(INTERROGATIVES, word) || listed(SCAFFOLDING, word)
}

fn listed(list: &[&str], word: &str) -> bool {
    let word = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    list.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions_are_told_by_their_mark_or_their_first_word() {
        assert!(is_question("Wie gefährlich ist das Hantavirus?"));
        assert!(is_question("Gibt es eine Waffenruhe in Gaza"));
        assert!(is_question("Hantavirus?"));
        assert!(!is_question("Waffenruhe Gaza"));
        assert!(is_scaffolding("Wer") && is_scaffolding("viele") && is_scaffolding("gibt"));
        assert!(!is_scaffolding("Waffenruhe"));
    }
}
