//! Splitting text into the tokens the rules read: words (looked up in the lexicon), digit
//! runs and single punctuation characters, each knowing the white space before it.

use super::lexicon::{self, Lex};

/// What kind of token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Num,
    Punct(char),
}

/// The white space before a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Gap {
    /// Directly attached to the previous token.
    None,
    /// Spaces or tabs.
    Space,
    /// One line break.
    Line,
    /// An empty line (or the start of the text).
    Para,
}

/// One token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    /// Byte offsets in the text.
    pub start: u32,
    pub end: u32,
    pub kind: Kind,
    pub lex: Lex,
    /// The value of a digit run (saturating), or 0.
    pub num: u32,
    /// The number of digits of a digit run, or 0.
    pub digits: u8,
    pub gap: Gap,
    /// Whether a word starts with an upper-case letter.
    pub upper: bool,
}

impl Tok {
    pub(crate) fn is_num(&self) -> bool {
        self.kind == Kind::Num
    }

    pub(crate) fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }

    pub(crate) fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
}

/// Splits `text` into tokens, appending them to `out`.
pub(crate) fn tokenize(text: &str, out: &mut Vec<Tok>) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    let mut gap = Gap::Para;
    let mut lines = 0u8;
    while i < n {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            if b == b'\n' {
                lines = lines.saturating_add(1);
            }
            if gap == Gap::None {
                gap = Gap::Space;
            }
            i += 1;
            continue;
        }
        if lines > 0 {
            gap = gap.max(if lines > 1 { Gap::Para } else { Gap::Line });
        }
        let start = i;
        if b.is_ascii_digit() {
            let mut v: u32 = 0;
            while i < n && bytes[i].is_ascii_digit() {
                v = v
                    .saturating_mul(10)
                    .saturating_add((bytes[i] - b'0') as u32);
                i += 1;
            }
            out.push(Tok {
                start: start as u32,
                end: i as u32,
                kind: Kind::Num,
                lex: Lex::None,
                num: v,
                digits: (i - start).min(255) as u8,
                gap,
                upper: false,
            });
        } else if b.is_ascii_alphabetic() || (b >= 0x80 && char_at(text, i).is_alphabetic()) {
            let upper = if b < 0x80 {
                b.is_ascii_uppercase()
            } else {
                char_at(text, i).is_uppercase()
            };
            // The word is lowercased for the lexicon as it is scanned: one pass over its
            // bytes where most words need no more than ASCII and Latin-1 letters.
            let mut lower = [0u8; lexicon::MAX_WORD];
            let mut folded = true;
            while i < n {
                let c = bytes[i];
                let k = i - start;
                if c.is_ascii_alphabetic() {
                    if k < lower.len() {
                        lower[k] = c.to_ascii_lowercase();
                    }
                    i += 1;
                } else if let Some(l) = (c == 0xC3)
                    .then(|| bytes.get(i + 1).and_then(|&d| lexicon::latin1_lower(d)))
                    .flatten()
                {
                    if k + 1 < lower.len() {
                        lower[k] = c;
                        lower[k + 1] = l;
                    }
                    i += 2;
                } else if c >= 0x80 {
                    let ch = char_at(text, i);
                    if ch.is_alphabetic() {
                        folded = false;
                        i += ch.len_utf8();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            let len = i - start;
            let lex = if len > lower.len() {
                Lex::None
            } else if folded {
                lexicon::lookup_lower(&lower[..len])
            } else {
                lexicon::lookup(&text[start..i])
            };
            out.push(Tok {
                start: start as u32,
                end: i as u32,
                kind: Kind::Word,
                lex,
                num: 0,
                digits: 0,
                gap,
                upper,
            });
        } else {
            let ch = if b < 0x80 {
                b as char
            } else {
                char_at(text, i)
            };
            i += ch.len_utf8();
            if ch.is_whitespace() {
                if gap == Gap::None {
                    gap = Gap::Space;
                }
                continue;
            }
            out.push(Tok {
                start: start as u32,
                end: i as u32,
                kind: Kind::Punct(ch),
                lex: Lex::None,
                num: 0,
                digits: 0,
                gap,
                upper: false,
            });
        }
        gap = Gap::None;
        lines = 0;
    }
}

fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_dates_and_words() {
        let mut t = Vec::new();
        tokenize("Am 18.02.2024 war's  Mitte\nder 90er-Jahre.", &mut t);
        let kinds: Vec<_> = t.iter().map(|t| t.kind).collect();
        assert_eq!(kinds[1], Kind::Num);
        assert_eq!(kinds[2], Kind::Punct('.'));
        assert_eq!(t[1].num, 18);
        assert_eq!(t[5].num, 2024);
        assert_eq!(t[5].digits, 4);
        assert_eq!(t[1].gap, Gap::Space);
        assert_eq!(t[2].gap, Gap::None);
        let der = t.iter().find(|t| t.lex == Lex::Article).unwrap();
        assert_eq!(der.gap, Gap::Line);
        assert_eq!(t[0].gap, Gap::Para);
    }

    #[test]
    fn non_ascii_white_space_and_letters() {
        let mut t = Vec::new();
        tokenize("im\u{a0}März „2024“", &mut t);
        assert_eq!(t.len(), 5);
        assert_eq!(t[1].lex, Lex::Month(3));
        assert_eq!(t[1].gap, Gap::Space);
        assert_eq!(t[2].kind, Kind::Punct('„'));
    }
}
