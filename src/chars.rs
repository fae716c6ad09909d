//! Character offsets, the one unit of offsets in the public API, and their byte offsets.
//!
//! Rust strings and tantivy's tokens count bytes; results count characters, so that a
//! script in any language can slice a text with them and no range can split a character.
//! The conversions happen here, at the edge, and nowhere else.

use std::ops::Range;

use serde::Serializer;
use serde::ser::SerializeSeq;

/// Counts characters up to byte offsets of one text. Asked in ascending order (as offsets
/// of words in text order are) it reads the text once; a smaller offset starts over.
pub(crate) struct CharCounter<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCounter<'a> {
    pub(crate) fn new(text: &'a str) -> CharCounter<'a> {
        CharCounter {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The number of characters before byte offset `byte` (a byte inside a character counts
    /// that character as before it; an offset past the end counts them all).
    pub(crate) fn at(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        let mut rest = self.text.get(self.byte..).unwrap_or("").chars();
        while self.byte < byte {
            let Some(c) = rest.next() else { break };
            self.byte += c.len_utf8();
            self.chars += 1;
        }
        self.chars
    }

    /// `range` (bytes) in characters.
    pub(crate) fn range(&mut self, range: &Range<usize>) -> Range<usize> {
        let start = self.at(range.start);
        start..self.at(range.end)
    }
}

/// The byte offsets of character offsets of one text, the other way round.
pub(crate) struct ByteFinder<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> ByteFinder<'a> {
    pub(crate) fn new(text: &'a str) -> ByteFinder<'a> {
        ByteFinder {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The byte offset of character `chars`, or `None` past the end of the text.
    pub(crate) fn at(&mut self, chars: usize) -> Option<usize> {
        if chars < self.chars {
            self.byte = 0;
            self.chars = 0;
        }
        let mut rest = self.text.get(self.byte..).unwrap_or("").chars();
        while self.chars < chars {
            self.byte += rest.next()?.len_utf8();
            self.chars += 1;
        }
        Some(self.byte)
    }
}

/// The number of characters of `text`.
pub(crate) fn len(text: &str) -> usize {
    text.chars().count()
}

/// Ranges as `[start, end]` pairs, the form the JSON output gives them in.
pub(crate) fn serialize_ranges<S: Serializer>(
    ranges: &[Range<usize>],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut seq = serializer.serialize_seq(Some(ranges.len()))?;
    for r in ranges {
        seq.serialize_element(&[r.start, r.end])?;
    }
    seq.end()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_in_any_order() {
        let text = "Grüße aus Kiew";
        let mut c = CharCounter::new(text);
        assert_eq!(c.range(&(0..7)), 0..5);
        assert_eq!(c.range(&(8..11)), 6..9);
        // Backwards starts over; past the end counts everything.
        assert_eq!(c.at(4), 3);
        // A byte inside `ü` counts it as before.
        assert_eq!(c.at(3), 3);
        assert_eq!(c.at(99), 14);
    }

    #[test]
    fn finds_bytes_of_characters() {
        let text = "Grüße aus Kiew";
        let mut b = ByteFinder::new(text);
        assert_eq!(b.at(2), Some(2));
        assert_eq!(b.at(5), Some(7));
        assert_eq!(b.at(14), Some(text.len()));
        assert_eq!(b.at(15), None);
        assert_eq!(b.at(3), Some(4));
    }
}
