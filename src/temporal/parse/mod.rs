//! The grammar: at a token that can begin an expression, find the longest expression there
//! and what it means.
//!
//! Extents follow the TimeML/TIMEX3 guidelines as KRAUTS applies them to German:
//! prepositions and contracted articles (`am`, `im`, `vor`, `seit`) stay outside, articles and
//! demonstratives of a temporal noun phrase inside (`den vergangenen Jahren`, `dem 20.
//! Jahrhundert`), and so are quantifying words (`gut fünf Jahren`, `mehr als zehn Jahren`).
//! `vor zwei Jahren` is the duration `zwei Jahren` (P2Y), as in KRAUTS.
//!
//! The rules are grouped by what they cover, one module each, every rule a method of
//! [`Parser`] with the expressions it reads in its doc comment and table tests beside it:
//!
//! | module | covers |
//! |---|---|
//! | [`dates`] | written dates: `18.02.2024`, `18. Februar 2024`, `2024-02-18`, `21/04/2016`, `3., 4. und 5. Oktober` |
//! | [`years`] | years and what gives a month its year: `2024`, `Mai '98`, `des Vorjahres` |
//! | [`months`] | month and season names: `Juli 2023`, `im Herbst`, `Sommer dieses Jahres` |
//! | [`weekdays`] | weekdays: `Sonntag, 18. Februar`, `sonntags`, `Dienstagabend` |
//! | [`clock`] | clock times and parts of the day: `14:30 Uhr`, `halb neun`, `am Abend` |
//! | [`durations`] | durations: `zwei Jahre`, `gut fünf Jahren`, `ein halbes Jahr`, `jahrelang` |
//! | [`sets`] | recurring times: `jeden Montag`, `alle vier Jahre`, `zweimal pro Woche`, `abends` |
//! | [`holidays`] | holidays: `Ostern 2020`, `3. Advent`, `Tag der Deutschen Einheit` |
//! | [`relative`] | relative to the reference: `vergangene Woche`, `übernächstes Jahr`, `tags darauf` |
//! | [`deictic`] | deictic words: `heute`, `gestern Abend`, `damals`, `in Zukunft`, `zur Zeit` |
//! | [`periods`] | periods and their parts: `90er-Jahre`, `20. Jahrhundert`, `zweiten Quartal`, `Anfang März` |
//! | [`phrases`] | noun phrases with an article or demonstrative: `den vergangenen Jahren`, `dieses Jahr` |
//! | [`units`] | a unit word leading: `Jahr 2014`, `Jahr für Jahr`, `Wochenende`, `seit Jahren` |
//!
//! [`reading`] holds what every rule reads tokens with.

mod clock;
mod dates;
mod deictic;
mod durations;
mod holidays;
mod months;
mod periods;
mod phrases;
mod reading;
mod relative;
mod sets;
mod units;
mod weekdays;
mod years;

#[cfg(test)]
mod table;

pub(crate) use months::season_code;

use super::lexicon::{Fw, Lex};
use super::sem::Sem;
use super::token::{Kind, Tok};

/// An expression found: tokens `start..end` and their meaning.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
}

/// The tokens of one text, and the rules that read them.
pub(crate) struct Parser<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
}

/// What a rule starting at a known token found: the end of the expression (the index of the
/// token after it) and its meaning.
type Match = Option<(usize, Sem)>;

/// What a rule that may begin before its token found: start, end and meaning.
type Span = Option<(usize, usize, Sem)>;

impl Parser<'_> {
    /// The longest expression at token `i`; it may begin at `i - 1` (a preposition that
    /// belongs to it, as in `vor kurzem`) but not before `floor`.
    pub(crate) fn find(&self, i: usize, floor: usize) -> Option<Found> {
        let t = self.tok(i);
        let r = match t.kind {
            Kind::Num => self.at_digits(i),
            Kind::Word => self.at_word(i, floor),
            Kind::Punct(_) => None,
        };
        r.map(|(start, end, sem)| Found { start, end, sem })
    }

    /// At a digit run: the longest of a written date, a clock time, a year (or decade) and a
    /// duration.
    fn at_digits(&self, i: usize) -> Span {
        let (v, d) = self.digits_at(i)?;
        let mut best: Match = None;
        let mut take = |r: Match| {
            if let Some((e, s)) = r
                && best.as_ref().is_none_or(|(be, _)| e > *be)
            {
                best = Some((e, s));
            }
        };
        take(self.numeric_date(i, v, d));
        take(self.clock_time(i));
        take(self.year_or_decade(i, v, d));
        take(self.duration_at(i));
        best.map(|(e, s)| (i, e, s))
    }

    /// At a word: the rule its kind in the lexicon leads to.
    fn at_word(&self, i: usize, floor: usize) -> Span {
        let at = |r: Match| r.map(|(e, s)| (i, e, s));
        match self.lex(i) {
            Lex::Month(m) => at(self.month_and_year(i, m)),
            Lex::Weekday(wd) => at(self.weekday_phrase(i, wd)),
            Lex::WeekdayPart(wd, part) => at(self.weekday_part(i, wd, part)),
            Lex::DayPart(part) => self.day_part(i, part),
            Lex::DayPartAdv(part) => at(self.day_part_adverb(i, part)),
            Lex::Season(s, _) => at(self.season_and_year(i, s)),
            Lex::Unit(u, p) => self.at_unit(i, u, p, floor),
            Lex::Number(n) => at(self.number_word(i, n)),
            Lex::Ordinal(n) => at(self.after_ordinal(i, n)),
            Lex::Decade(d) => at(self.decade_word(i, d)),
            Lex::DecadeYears(d) => at(self.decade_years(i, d)),
            Lex::Rel(dir) => at(self.after_relative(i, dir)),
            Lex::Far(dir) => at(self.two_on_or_back(i, dir)),
            Lex::Earlier => at(self.earlier_times(i)),
            Lex::Article => at(self.after_article(i)),
            Lex::Demonstrative => at(self.after_demonstrative(i)),
            Lex::Every => at(self.every_one(i)),
            Lex::All => at(self.every_n(i)),
            Lex::Few => at(self.some_units(i)),
            Lex::Approx => at(self.approximately(i)),
            Lex::Fw(Fw::Mehr | Fw::Weniger) => at(self.more_or_less_than(i)),
            Lex::PartOf => at(self.part_of_period(i)),
            Lex::Deictic(d) => self.deictic(i, d),
            Lex::Freq(u) => at(self.frequency(i, u)),
            Lex::Times(_) => at(self.times_per(i)),
            Lex::Lasting(u) => at(self.lasting(i, u)),
            Lex::Holiday(h) => self.holiday_at(i, h, floor),
            Lex::ChristmasDay => at(self.christmas_day(i)),
            Lex::Midnight => at(self.midnight(i)),
            Lex::Fw(Fw::Im | Fw::Pro | Fw::Je) => at(self.per_unit(i)),
            Lex::Fw(Fw::Zur) => at(self.zur_zeit(i)),
            Lex::Fw(Fw::Heilig) => at(self.heilig(i)),
            Lex::Fw(Fw::Halbe) => self.half_unit(i),
            Lex::Fw(Fw::Lange) => self.long_units(i),
            Lex::Fw(Fw::Tags) => self.tags_darauf(i),
            Lex::Fw(Fw::Halb | Fw::Viertel | Fw::Dreiviertel) => at(self.clock_words(i)),
            Lex::Fw(Fw::Vor) => self.vor_kurzem(i),
            Lex::Moment => self.im_moment(i, floor),
            _ => None,
        }
    }
}
