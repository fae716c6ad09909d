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
    let letters: Vec<char> = word
        .chars()
        .flat_map(|c| match c {
            'ä' => vec!['a'],
            'ö' => vec!['o'],
            'ü' => vec!['u'],
            'ß' => vec!['s'],
            c if c.is_ascii_alphabetic() => vec![c.to_ascii_lowercase()],
            _ => vec![],
        })
        .collect();
    let mut raw = String::with_capacity(letters.len() + 1);
    for (i, &c) in letters.iter().enumerate() {
        let prev = if i > 0 { Some(letters[i - 1]) } else { None };
        let next = letters.get(i + 1).copied();
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
                let hard = if i == 0 {
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
        raw.push_str(code);
    }
    let mut out = String::with_capacity(raw.len());
    let mut last = None;
    for (i, d) in raw.chars().enumerate() {
        if Some(d) != last && (d != '0' || i == 0) {
            out.push(d);
        }
        last = Some(d);
    }
    out
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
