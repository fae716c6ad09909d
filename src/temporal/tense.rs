//! The tense of the sentence around an expression, from its verbs: simple-past forms
//! (`war`, `wurde`, `sagte`), a perfect (`hat ... gewonnen`, `wäre ... gesprungen`), a
//! report of the past (`soll ... aufgelauert haben`) or a future (`wird`, `werden`, `soll`,
//! and the verbs of an announcement: `findet ... statt`, `beginnt`). The verb nearest to
//! the expression decides; without any, present.

use super::lexicon::{Lex, TenseWord};
use super::token::{Gap, Kind, Tok};

/// The tense of a sentence, as far as resolving dates needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Present,
    Future,
}

/// The markers of the sentence last looked at, so that a sentence is read once.
#[derive(Default)]
pub(crate) struct TenseCache {
    start: usize,
    end: usize,
    markers: Vec<(usize, Tense)>,
}

const ABBREVIATIONS: &[&str] = &[
    "ca", "bzw", "dr", "nr", "st", "vgl", "usw", "etc", "prof", "hl", "abs", "jh", "mio", "mrd",
    "bzgl", "inkl", "evtl", "ggf", "tel", "str", "lt", "sog", "geb", "gest",
];

/// Whether token `k` ends a sentence.
fn ends_sentence(toks: &[Tok], text: &str, k: usize) -> bool {
    match toks[k].kind {
        Kind::Punct('!' | '?' | ';' | ':') => true,
        Kind::Punct('.') => {
            if k == 0 {
                return true;
            }
            let p = &toks[k - 1];
            if p.is_num() && p.digits <= 2 {
                return false;
            }
            if p.is_word() {
                let w = &text[p.start as usize..p.end as usize];
                if w.chars().count() == 1 || ABBREVIATIONS.iter().any(|a| w.eq_ignore_ascii_case(a))
                {
                    return false;
                }
            }
            // `18. februar`, `z. b.`: a lower-case word goes on
            match toks.get(k + 1) {
                Some(n) if n.is_word() && !n.upper && n.gap <= Gap::Space => {
                    let w = &text[n.start as usize..n.end as usize];
                    !w.starts_with(|c: char| c.is_lowercase())
                }
                _ => true,
            }
        }
        _ => false,
    }
}

const NOT_PARTICIPLES: &[&str] = &[
    "gestern",
    "gegen",
    "gegenüber",
    "genau",
    "gerade",
    "gern",
    "gesamt",
    "gemeinsam",
    "genug",
    "gehen",
    "geben",
    "gelten",
    "gehören",
    "gewinnen",
    "genießen",
    "gelingen",
    "geraten",
    "gestalten",
    "gewähren",
    "gewährleisten",
    "genehmigen",
    "gebrauchen",
    "geht",
    "gilt",
    "gibt",
    "gehört",
    "gelangen",
    "gedenken",
    "geschehen",
    "gewöhnen",
    "gestehen",
    "gefährden",
    "gefährdet",
    "geltenden",
    "gesetzt",
];

const PREFIXES: &[&str] = &[
    "an", "auf", "aus", "ab", "bei", "ein", "fest", "mit", "nach", "vor", "weg", "zu", "zurück",
    "her", "hin", "heraus", "hinaus", "vorbei", "statt", "teil", "frei", "los", "um", "dar",
    "fort", "weiter", "wieder", "zusammen", "durch", "über", "vorge", "bekannt", "herum",
];

/// Whether a lower-case word looks like a past participle (`gewonnen`, `eingeführt`,
/// `informiert`).
fn participle(w: &str) -> bool {
    if w.len() < 5 || !(w.ends_with('t') || w.ends_with("en")) {
        return false;
    }
    if w.ends_with("iert") {
        return true;
    }
    if let Some(rest) = w.strip_prefix("ge") {
        return rest.len() >= 3 && !NOT_PARTICIPLES.contains(&w);
    }
    PREFIXES.iter().any(|p| {
        w.strip_prefix(p)
            .and_then(|r| r.strip_prefix("ge"))
            .is_some_and(|r| r.len() >= 3)
    }) || INSEPARABLE
        .iter()
        .any(|p| w.strip_prefix(p).is_some_and(|r| r.len() >= 4))
}

/// Verbs of an announcement, which in news speak of what is to come (`das Fest findet am
/// Sonntag statt`, `die Saison beginnt im März`) even in a sentence that also reports
/// (`wie der Verein mitteilte`).
const ANNOUNCING: &[&str] = &[
    "stattfinden",
    "stattfindet",
    "beginnt",
    "beginnen",
    "startet",
    "starten",
];

/// `findet`, `finden`: an announcement with `statt` later in the sentence.
const FINDET: &[&str] = &["findet", "finden"];

/// Prefixes of verbs whose participle has no `ge-` (`verkauft`, `beschlossen`).
const INSEPARABLE: &[&str] = &["be", "er", "ver", "ent", "zer", "emp", "miss", "über"];

impl TenseCache {
    /// The tense of the sentence around token `i`.
    pub(crate) fn at(&mut self, toks: &[Tok], text: &str, i: usize) -> Tense {
        if toks.is_empty() {
            return Tense::Present;
        }
        let i = i.min(toks.len() - 1);
        if !(self.start <= i && i < self.end) {
            self.read(toks, text, i);
        }
        let mut best: Option<(usize, Tense)> = None;
        for &(k, t) in &self.markers {
            let d = k.abs_diff(i);
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, t));
            }
        }
        best.map_or(Tense::Present, |(_, t)| t)
    }

    /// The sentence around token `i`: its first token and the one after its last.
    pub(crate) fn sentence(&mut self, toks: &[Tok], text: &str, i: usize) -> (usize, usize) {
        if toks.is_empty() {
            return (0, 0);
        }
        let i = i.min(toks.len() - 1);
        if !(self.start <= i && i < self.end) {
            self.read(toks, text, i);
        }
        (self.start, self.end)
    }

    fn read(&mut self, toks: &[Tok], text: &str, i: usize) {
        let mut s = i;
        while s > 0 {
            if toks[s].gap >= Gap::Line || ends_sentence(toks, text, s - 1) {
                break;
            }
            s -= 1;
        }
        let mut e = i + 1;
        while e < toks.len() {
            if toks[e].gap >= Gap::Line || ends_sentence(toks, text, e - 1) {
                break;
            }
            e += 1;
        }
        self.start = s;
        self.end = e;
        self.markers.clear();
        // auxiliaries (position, future?) and participles, to pair them up
        let mut aux: Vec<(usize, bool)> = Vec::new();
        let mut participles: Vec<usize> = Vec::new();
        for (k, t) in toks.iter().enumerate().take(e).skip(s) {
            match t.lex {
                Lex::Tense(TenseWord::Past) => self.markers.push((k, Tense::Past)),
                Lex::Tense(TenseWord::Future) => aux.push((k, true)),
                Lex::Tense(TenseWord::Perfect) => aux.push((k, false)),
                Lex::None if t.is_word() && !t.upper => {
                    let w = &text[t.start as usize..t.end as usize];
                    if participle(w) {
                        participles.push(k);
                    } else if ANNOUNCING.contains(&w)
                        || (FINDET.contains(&w)
                            && (k + 1..e).any(|n| {
                                &text[toks[n].start as usize..toks[n].end as usize] == "statt"
                            }))
                    {
                        self.markers.push((k, Tense::Future));
                    }
                }
                _ => {}
            }
        }
        // A participle next to a perfect auxiliary makes a past (`hat ... gewonnen`); next
        // to `wird` a passive, which in news mostly speaks of the future (`wird eröffnet`).
        for &p in &participles {
            if let Some(&(_, false)) = aux.iter().min_by_key(|(a, _)| a.abs_diff(p)) {
                self.markers.push((p, Tense::Past));
            }
        }
        // `soll ... aufgelauert haben`: a report of the past (a perfect infinitive after
        // `soll`), not a future.
        let perfect_infinitive = participles.iter().any(|&p| {
            toks.get(p + 1).is_some_and(|n| {
                let w = &text[n.start as usize..n.end as usize];
                w == "haben" || w == "sein"
            })
        });
        for &(a, future) in &aux {
            let w = &text[toks[a].start as usize..toks[a].end as usize];
            let reported = perfect_infinitive
                && (w.eq_ignore_ascii_case("soll") || w.eq_ignore_ascii_case("sollen"));
            if future && !reported {
                self.markers.push((a, Tense::Future));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn tense(text: &str, word: &str) -> Tense {
        let mut toks = Vec::new();
        tokenize(text, &mut toks);
        let i = toks
            .iter()
            .position(|t| &text[t.start as usize..t.end as usize] == word)
            .unwrap();
        TenseCache::default().at(&toks, text, i)
    }

    #[test]
    fn tenses() {
        assert_eq!(tense("Im Juli war er in Rom.", "Juli"), Tense::Past);
        assert_eq!(
            tense("Am Sonntag hat die Partei gewonnen.", "Sonntag"),
            Tense::Past
        );
        assert_eq!(
            tense("Im Juli wird das Haus eröffnet.", "Juli"),
            Tense::Future
        );
        assert_eq!(
            tense("Die Wahl findet am Sonntag statt.", "Sonntag"),
            Tense::Future
        );
        assert_eq!(
            tense("Wie er sagte, findet die Wahl am Sonntag statt.", "Sonntag"),
            Tense::Future
        );
        assert_eq!(
            tense("Statt am Sonntag kam er am Montag.", "Sonntag"),
            Tense::Past
        );
        assert_eq!(
            tense("Er war müde. Im Juli wird er gehen.", "Juli"),
            Tense::Future
        );
        assert_eq!(
            tense("Am 18. Februar wurde er gewählt.", "Februar"),
            Tense::Past
        );
    }
}
