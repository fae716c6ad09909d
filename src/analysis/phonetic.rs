//! Sound codes for names: Kölner Phonetik (Hans Joachim Postel, 1969), the phonetic code
//! made for German, so that `Schoigu`, `Shoigu` and `Schojgu`, `Lawrow` and `Lavrov`,
//! `Selenskyj` and `Zelensky` get the same code.

/// The Kölner Phonetik code of a lowercase word: digits, first letter's code kept even if
/// 0, repeated codes collapsed, other 0s dropped. Empty for a word without letters.
///
/// ```
/// use nachlese::analysis::cologne_phonetic;
///
/// assert_eq!(cologne_phonetic("schoigu"), cologne_phonetic("shoigu"));
/// assert_eq!(cologne_phonetic("lawrow"), cologne_phonetic("lavrov"));
/// assert_eq!(cologne_phonetic("selenskyj"), cologne_phonetic("zelensky"));
/// assert_eq!(cologne_phonetic("müller"), "657");
/// ```
pub fn cologne_phonetic(word: &str) -> String {
    let mut out = String::with_capacity(word.len() + 1);
    cologne_phonetic_into(word, &mut out);
    out
}

/// [`cologne_phonetic`], appended to `out`: judging a text's words one after the other
/// then needs no allocation for each.
pub(crate) fn cologne_phonetic_into(word: &str, out: &mut String) {
    let mut letters = word
        .chars()
        .filter_map(|c| match c {
            'ä' => Some('a'),
            'ö' => Some('o'),
            'ü' => Some('u'),
            'ß' => Some('s'),
            c if c.is_ascii_alphabetic() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .peekable();
    let mut prev = None;
    let mut last = None;
    let mut first = true;
    while let Some(c) = letters.next() {
        let next = letters.peek().copied();
        let code: &str = match c {
            'a' | 'e' | 'i' | 'j' | 'o' | 'u' | 'y' => "0",
            'h' => "",
            'b' => "1",
            'p' => {
                if next == Some('h') {
                    "3"
                } else {
                    "1"
                }
            }
            'd' | 't' => {
                if matches!(next, Some('c' | 's' | 'z')) {
                    "8"
                } else {
                    "2"
                }
            }
            'f' | 'v' | 'w' => "3",
            'g' | 'k' | 'q' => "4",
            'c' => {
                let hard = if prev.is_none() {
                    matches!(
                        next,
                        Some('a' | 'h' | 'k' | 'l' | 'o' | 'q' | 'r' | 'u' | 'x')
                    )
                } else {
                    matches!(next, Some('a' | 'h' | 'k' | 'o' | 'q' | 'u' | 'x'))
                        && !matches!(prev, Some('s' | 'z'))
                };
                if hard { "4" } else { "8" }
            }
            'x' => {
                if matches!(prev, Some('c' | 'k' | 'q')) {
                    "8"
                } else {
                    "48"
                }
            }
            'l' => "5",
            'm' | 'n' => "6",
            'r' => "7",
            's' | 'z' => "8",
            _ => "",
        };
        for d in code.chars() {
            if Some(d) != last && (d != '0' || first) {
                out.push(d);
            }
            last = Some(d);
            first = false;
        }
        prev = Some(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_their_spellings_share_a_code() {
        for group in [
            &["schoigu", "shoigu", "schojgu"][..],
            &["lawrow", "lavrov"],
            &["pjöngjang", "pyongyang", "pjongjang"],
            &["selenskyj", "selenski", "zelensky", "selensky"],
            &["naryschkin", "naryshkin"],
            &["koslow", "kozlov"],
        ] {
            let codes: Vec<String> = group.iter().map(|w| cologne_phonetic(w)).collect();
            assert!(
                codes.windows(2).all(|w| w[0] == w[1]),
                "{group:?}: {codes:?}"
            );
        }
    }

    #[test]
    fn reference_codes() {
        // Examples from the published description of the algorithm.
        assert_eq!(cologne_phonetic("wikipedia"), "3412");
        assert_eq!(cologne_phonetic("müller-lüdenscheidt"), "65752682");
        assert_eq!(cologne_phonetic("breschnew"), "17863");
    }
}
