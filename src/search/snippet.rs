//! Snippets: the passage of an article that best shows why it matched.

use std::collections::HashSet;
use std::ops::Range;

use rustc_hash::FxHashSet;

use super::plan::Marks;
use super::results::Snippet;
use tantivy::tokenizer::{TokenStream, Tokenizer};

use crate::analysis::{GermanTokenizer, TermKind, shared_analysis};

const ELLIPSIS: &str = "…";

/// Where the text holds what the query looks for: the words at `positions` (the query's
/// words and phrases, found in the index), and words whose compound parts or sound code the
/// query looks for. Byte ranges of the words, in order.
pub(crate) fn matches(text: &str, marks: &Marks, positions: &FxHashSet<u32>) -> Vec<Range<usize>> {
    let parts: Vec<&str> = marks
        .terms
        .iter()
        .filter(|(k, _)| *k == TermKind::Part)
        .map(|(_, t)| t.as_str())
        .collect();
    let codes: Vec<&str> = marks
        .terms
        .iter()
        .filter(|(k, _)| *k == TermKind::Name)
        .map(|(_, t)| t.as_str())
        .collect();
    let mut out = Vec::new();
    let mut guess = Guesses::default();
    let mut words = GermanTokenizer::default();
    let mut stream = words.token_stream(text);
    while stream.advance() {
        let t = stream.token();
        let word = &text[t.offset_from..t.offset_to];
        let hit = positions.contains(&(t.position as u32))
            || (word.starts_with(char::is_uppercase)
                && ((!parts.is_empty() && guess.may_have_part(word, &parts))
                    || (!codes.is_empty() && guess.may_sound_like(word, &codes)))
                && {
                    // The cheap guesses above let through few words; the analysis decides.
                    let w = shared_analysis(word);
                    w.parts.iter().any(|p| parts.contains(&p.as_str()))
                        || w.code.as_deref().is_some_and(|c| codes.contains(&c))
                });
        if hit {
            out.push(t.offset_from..t.offset_to);
        }
    }
    out
}

const FOLD_UMLAUTS: bool = true;

/// Cheap guesses at a text's capitalised words, which in a long article are many: the
/// buffers are reused from word to word.
#[derive(Default)]
struct Guesses {
    folded: String,
    code: String,
}

impl Guesses {
    /// Whether a word may have a compound part with one of these terms: a part's term is its
    /// stem, which lies in the word once umlauts are folded and `ß` is `ss`.
    fn may_have_part(&mut self, word: &str, parts: &[&str]) -> bool {
        self.fold(word, FOLD_UMLAUTS);
        parts.iter().any(|p| self.folded.contains(p))
    }

    /// Whether `word` may have one of these sound codes. A first letter that Kölner Phonetik
    /// codes (it reads only the letter after it for that) fixes the code's first digit, which
    /// rules out most words before the whole code is computed.
    fn may_sound_like(&mut self, word: &str, codes: &[&str]) -> bool {
        let mut head = word.chars().take(2).flat_map(char::to_lowercase);
        let first = head.next();
        let coded_first =
            first.is_some_and(|c| c != 'h' && (c.is_ascii_alphabetic() || "äöüß".contains(c)));
        if coded_first {
            self.folded.clear();
            self.folded.extend(first.into_iter().chain(head));
            self.code.clear();
            crate::analysis::cologne_phonetic_into(&self.folded, &mut self.code);
            let Some(digit) = self.code.chars().next() else {
                return false;
            };
            if !codes.iter().any(|c| c.starts_with(digit)) {
                return false;
            }
        }
        self.fold(word, !FOLD_UMLAUTS);
        self.code.clear();
        crate::analysis::name_code_into(&self.folded, &mut self.code);
        codes.contains(&self.code.as_str())
    }

    /// `word` in lowercase with `ß` as `ss` into `folded`, and with `ä`, `ö`, `ü` as `a`,
    /// `o`, `u` if `umlauts` is [`FOLD_UMLAUTS`] (stems are written so; sound codes read
    /// umlauts themselves).
    fn fold(&mut self, word: &str, umlauts: bool) {
        self.folded.clear();
        for c in word.chars() {
            // Most letters are ASCII; Unicode's lowercase mapping is for the rest.
            if c.is_ascii() {
                self.folded.push(c.to_ascii_lowercase());
                continue;
            }
            for c in c.to_lowercase() {
                match c {
                    'ä' if umlauts => self.folded.push('a'),
                    'ö' if umlauts => self.folded.push('o'),
                    'ü' if umlauts => self.folded.push('u'),
                    'ß' => self.folded.push_str("ss"),
                    c => self.folded.push(c),
                }
            }
        }
    }
}

/// The passage of at most `max_chars` characters that holds the most different query terms
/// (then the most matches), widened to the start of its sentence when that is near.
pub(crate) fn best_passage(text: &str, found: &[Range<usize>], max_chars: usize) -> Snippet {
    if found.is_empty() {
        return lead(text, max_chars);
    }
    let max_bytes = byte_len_of_chars(text, 0, max_chars).max(1);
    // Each match may open a window; score the windows by the distinct words they hold.
    let mut best: Option<(usize, usize, usize)> = None; // (distinct, count, first match index)
    for (i, first) in found.iter().enumerate() {
        let mut distinct = HashSet::new();
        let mut count = 0;
        for m in &found[i..] {
            if m.end - first.start > max_bytes {
                break;
            }
            distinct.insert(text[m.clone()].to_lowercase());
            count += 1;
        }
        let key = (distinct.len(), count, i);
        if best.is_none_or(|b| (key.0, key.1) > (b.0, b.1)) {
            best = Some(key);
        }
    }
    let first = found[best.map_or(0, |b| b.2)].start;
    // A text that fits is shown whole.
    let start = if max_bytes >= text.len() {
        0
    } else {
        passage_start(text, first, max_bytes / 3)
    };
    let end = passage_end(text, start, max_bytes);
    cut(text, start, end, found)
}

/// The opening of the text, for hits whose query words are not in it.
pub(crate) fn lead(text: &str, max_chars: usize) -> Snippet {
    let end = passage_end(text, 0, byte_len_of_chars(text, 0, max_chars));
    cut(text, 0, end, &[])
}

fn byte_len_of_chars(text: &str, from: usize, chars: usize) -> usize {
    text[from..]
        .char_indices()
        .nth(chars)
        .map_or(text.len() - from, |(i, _)| i)
}

/// Where to start a passage whose first match is at `first`: the sentence start if it lies
/// within `reach` bytes before it, else a word start a few words before it.
fn passage_start(text: &str, first: usize, reach: usize) -> usize {
    let floor = first.saturating_sub(reach);
    let floor = (floor..=first)
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(first);
    let before = &text[floor..first];
    // A sentence ends with . ! ? or a line break followed by space.
    let sentence = before
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            (c == '\n')
                || (matches!(c, '.' | '!' | '?')
                    && before[i + c.len_utf8()..].starts_with(char::is_whitespace))
        })
        .map(|(i, c)| floor + i + c.len_utf8());
    if let Some(s) = sentence {
        return s + text[s..].len() - text[s..].trim_start().len();
    }
    if floor == 0 {
        return 0;
    }
    // Else begin at a word start, at most three words back.
    let words: Vec<usize> = before
        .char_indices()
        .filter(|&(i, c)| c.is_whitespace() && i + 1 < before.len())
        .map(|(i, c)| floor + i + c.len_utf8())
        .collect();
    words
        .len()
        .checked_sub(3)
        .and_then(|k| words.get(k))
        .or(words.first())
        .copied()
        .unwrap_or(first)
}

/// Where to end a passage from `start` of at most `max_bytes`: at a word end.
fn passage_end(text: &str, start: usize, max_bytes: usize) -> usize {
    let limit = (start + max_bytes).min(text.len());
    if limit == text.len() {
        return limit;
    }
    let limit = (start..=limit)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(start);
    text[start..limit]
        .rfind(char::is_whitespace)
        .map_or(limit, |i| start + i)
}

/// Builds the snippet for `text[start..end]`: on one line, each run of white space made one
/// space, with ellipses where the text is cut.
fn cut(text: &str, start: usize, end: usize, found: &[Range<usize>]) -> Snippet {
    let passage = &text[start..end];
    let passage = passage.trim_end();
    let mut out = String::with_capacity(passage.len() + 8);
    if start > 0 {
        out.push_str(ELLIPSIS);
    }
    // Where each byte offset of the text lands in `out`, recorded at char starts.
    let mut map: Vec<(usize, usize)> = Vec::with_capacity(passage.len() + 1);
    let mut in_space = false;
    for (i, c) in passage.char_indices() {
        map.push((start + i, out.len()));
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    let passage_end = start + passage.len();
    map.push((passage_end, out.len()));
    if passage_end < text.trim_end().len() {
        out.push_str(ELLIPSIS);
    }
    let at = |byte: usize| {
        map.binary_search_by_key(&byte, |&(b, _)| b)
            .ok()
            .map(|i| map[i].1)
    };
    let highlights: Vec<Range<usize>> = found
        .iter()
        .filter(|m| m.start >= start && m.end <= passage_end)
        .filter_map(|m| Some(at(m.start)?..at(m.end)?))
        .collect();
    Snippet {
        highlights: char_ranges(&out, &highlights),
        text: out,
    }
}

/// Byte ranges of `text`, in text order, as the character ranges results give.
pub(crate) fn char_ranges(text: &str, ranges: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut chars = crate::chars::CharCounter::new(text);
    ranges.iter().map(|r| chars.range(r)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_reuse_their_buffers_word_after_word() {
        let mut g = Guesses::default();
        // A long word first, then shorter ones: nothing of it may stay in the buffers.
        assert!(g.may_have_part("Straßenbauarbeiten", &["strass"]));
        assert!(g.may_have_part("Übergröße", &["ubergross"]));
        assert!(!g.may_have_part("Bau", &["arbeit"]));
        assert!(g.may_sound_like("Schoigus", &["84"]));
        assert!(g.may_sound_like("Shoigu", &["84"]));
        assert!(g.may_sound_like("Müller", &["657"]));
        assert!(
            !g.may_sound_like("Maler", &["84"]),
            "first digit rules it out"
        );
        assert!(!g.may_sound_like("Mo", &["657"]));
        // `h` has no code, so the first digit is the next letter's; the genitive `s` goes.
        assert!(g.may_sound_like("Hamas", &["06"]));
    }

    /// Where the given words stand in the text.
    fn found(text: &str, words: &[&str]) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = words
            .iter()
            .flat_map(|w| text.match_indices(w).map(|(i, m)| i..i + m.len()))
            .collect();
        out.sort_by_key(|r| r.start);
        out
    }

    #[test]
    fn passage_holds_the_matches_and_marks_them() {
        let text = "Erster Satz ohne Treffer. Dann schenkte Putin dem Machthaber ein Auto. \
                    Danach passierte noch viel anderes, das hier nicht zählt.";
        let s = best_passage(text, &found(text, &["Putin", "Auto"]), 60);
        assert!(s.text.starts_with("…Dann schenkte Putin"), "{}", s.text);
        let marked: Vec<&str> = s.parts().filter(|p| p.1).map(|p| p.0).collect();
        assert_eq!(marked, ["Putin", "Auto"]);
        assert!(s.text.ends_with('…'), "{}", s.text);
    }

    #[test]
    fn without_matches_the_lead_is_shown() {
        let s = best_passage("Kurzer Text.", &[], 60);
        assert_eq!(s.text, "Kurzer Text.");
        assert!(s.highlights.is_empty());
    }

    #[test]
    fn multibyte_text_is_cut_on_char_boundaries() {
        let text = "Ää ".repeat(200) + "Pjöngjang " + &"Öö ".repeat(200);
        let s = best_passage(&text, &found(&text, &["Pjöngjang"]), 50);
        let marked: Vec<&str> = s.parts().filter(|p| p.1).map(|p| p.0).collect();
        assert_eq!(marked, ["Pjöngjang"]);
    }

    #[test]
    fn white_space_runs_become_one_space() {
        let text = "Erster Absatz.\n\n  Putin  reiste\r\nab.";
        let s = best_passage(text, &found(text, &["Putin"]), 200);
        assert_eq!(s.text, "Erster Absatz. Putin reiste ab.");
        assert_eq!(s.highlights.len(), 1);
        assert_eq!(s.highlights[0], 15..20);
    }

    #[test]
    fn parts_and_names_are_found_without_positions() {
        let marks = Marks {
            terms: [
                (TermKind::Part, "minist".to_string()),
                (TermKind::Name, "84".to_string()),
            ]
            .into_iter()
            .collect(),
            phrases: Vec::new(),
        };
        let text = "Der Verteidigungsminister Shoigu traf den Minister und einen Ministranten.";
        let got: Vec<&str> = matches(text, &marks, &FxHashSet::default())
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(got, ["Verteidigungsminister", "Shoigu"]);
    }
}
