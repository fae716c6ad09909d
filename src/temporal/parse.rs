//! The rules: at a token that can begin an expression, find the longest expression there and
//! what it means.
//!
//! Extents follow the TimeML/TIMEX3 guidelines as KRAUTS applies them to German:
//! prepositions and contracted articles (`am`, `im`, `vor`, `seit`) stay outside, articles and
//! demonstratives of a temporal noun phrase inside (`den vergangenen Jahren`, `dem 20.
//! Jahrhundert`), and so are quantifying words (`gut fünf Jahren`, `mehr als zehn Jahren`).
//! `vor zwei Jahren` is the duration `zwei Jahren` (P2Y), as in KRAUTS.

use super::lexicon::{Deictic, Dir, Fw, Holiday, Lex, Part, Plural, Unit};
use super::sem::{Amount, DaySpec, Sem, YearSpec, duration};
use super::token::{Gap, Kind, Tok};

/// An expression found: tokens `start..end` and their meaning.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
}

pub(crate) struct Parser<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
}

const NONE: Tok = Tok {
    start: 0,
    end: 0,
    kind: Kind::Punct('\0'),
    lex: Lex::None,
    num: 0,
    digits: 0,
    gap: Gap::Para,
    upper: false,
};

type R = Option<(usize, Sem)>;

impl<'a> Parser<'a> {
    fn t(&self, i: usize) -> &Tok {
        self.toks.get(i).unwrap_or(&NONE)
    }

    fn lex(&self, i: usize) -> Lex {
        self.t(i).lex
    }

    fn fw(&self, i: usize, f: Fw) -> bool {
        self.lex(i) == Lex::Fw(f)
    }

    fn punct(&self, i: usize, c: char) -> bool {
        self.t(i).is_punct(c)
    }

    fn tight(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].gap == Gap::None
    }

    /// The value and digit count of a digit run.
    fn num(&self, i: usize) -> Option<(u32, u8)> {
        let t = self.t(i);
        t.is_num().then_some((t.num, t.digits))
    }

    fn word(&self, i: usize) -> &'a str {
        let t = self.t(i);
        if t.is_word() {
            &self.text[t.start as usize..t.end as usize]
        } else {
            ""
        }
    }

    fn word_is(&self, i: usize, words: &[&str]) -> bool {
        let w = self.word(i);
        words.iter().any(|x| w.eq_ignore_ascii_case(x))
    }

    /// Whether token `i` is the first of a sentence.
    fn sentence_start(&self, i: usize) -> bool {
        if i == 0 {
            return true;
        }
        let t = self.t(i);
        if t.gap >= Gap::Line {
            return true;
        }
        let p = self.t(i - 1);
        matches!(
            p.kind,
            Kind::Punct('.' | '!' | '?' | ':' | '"' | '„' | '“' | '»' | '«' | '(' | '-')
        )
    }

    /// The longest expression at token `i`; it may begin at `i - 1` (a preposition that
    /// belongs to it, as in `vor kurzem`) but not before `floor`.
    pub(crate) fn find(&self, i: usize, floor: usize) -> Option<Found> {
        let t = self.t(i);
        let r = match t.kind {
            Kind::Num => self.number(i),
            Kind::Word => self.word_rules(i, floor),
            Kind::Punct(_) => None,
        };
        r.map(|(start, end, sem)| Found { start, end, sem })
    }

    fn word_rules(&self, i: usize, floor: usize) -> Option<(usize, usize, Sem)> {
        let at = |r: R| r.map(|(e, s)| (i, e, s));
        match self.lex(i) {
            Lex::Month(m) => at(self.month(i, m)),
            Lex::Weekday(wd) => at(self.weekday(i, wd)),
            Lex::WeekdayPart(wd, part) => at(Some((
                i + 1,
                Sem::Part {
                    day: DaySpec::Weekday(wd, None),
                    part,
                },
            ))),
            Lex::DayPart(part) => {
                // `am Abend`, `des Abends`: the preposition stays outside.
                let prev = self.lex(i.wrapping_sub(1));
                let ok = i > 0
                    && (matches!(prev, Lex::Fw(Fw::Am | Fw::Gegen) | Lex::Article)
                        || (self.fw(i - 1, Fw::Zum)));
                ok.then_some((
                    i,
                    i + 1,
                    Sem::Part {
                        day: DaySpec::Context,
                        part,
                    },
                ))
            }
            // `abends` after `8 Uhr` belongs to the clock time
            Lex::DayPartAdv(_) if self.after_clock(i) => None,
            Lex::DayPartAdv(part) => at(Some((
                i + 1,
                Sem::Set(format!("XXXX-XX-XXT{}", part.code())),
            ))),
            Lex::Season(s, _) => at(self.season(i, s)),
            Lex::Unit(u, p) => self.unit(i, u, p, floor),
            Lex::Number(n) => at(self.number_word(i, n)),
            Lex::Ordinal(n) => at(self.ordinal(i, n)),
            Lex::Decade(d) => at(self.decade_word(i, d)),
            Lex::DecadeYears(d) => at(Some((i + 1, Sem::Decade(190 + d as i32)))),
            Lex::Rel(dir) => at(self.relative(i, dir)),
            Lex::Far(dir) => at(self.far(i, dir)),
            Lex::Earlier => at(self.earlier(i)),
            Lex::Article => at(self.article(i)),
            Lex::Demonstrative => at(self.demonstrative(i)),
            Lex::Every => at(self.every(i)),
            Lex::All => at(self.all(i)),
            Lex::Few => at(self.few(i)),
            Lex::Approx => at(self.approx(i)),
            Lex::Fw(Fw::Mehr | Fw::Weniger) if self.fw(i + 1, Fw::Als) => {
                at(self.duration_at(i + 2))
            }
            Lex::PartOf => at(self.part_of(i)),
            Lex::Deictic(d) => self.deictic(i, d, floor),
            Lex::Freq(u) => at(Some((
                i + 1,
                Sem::Set(duration(&[(Amount::Tenths(10), u)])),
            ))),
            Lex::Times(_) => at(self.times(i)),
            Lex::Lasting(u) => at(Some((
                i + 1,
                Sem::Duration(duration(&[(Amount::Unknown, u)])),
            ))),
            Lex::Holiday(h) => self.holiday_at(i, h, floor),
            Lex::ChristmasDay => at(self.with_year(i + 1, Holiday::Fixed(12, 25))),
            // `um Mitternacht`: the end of the day (TIMEX3 `T24:00`)
            Lex::Midnight => at(Some((
                i + 1,
                Sem::Time {
                    day: DaySpec::Context,
                    h: 24,
                    min: 0,
                },
            ))),
            Lex::Fw(Fw::Im | Fw::Pro | Fw::Je) => at(self.per(i)),
            Lex::Fw(Fw::Zur) => at(self.zur(i)),
            Lex::Fw(Fw::Heilig) if self.t(i).upper => {
                if self.word_is(i + 1, &["abend"]) {
                    return at(self.with_year(i + 2, Holiday::Fixed(12, 24)));
                }
                // `an Heilige Drei Könige`: the feast (not the three kings) after a preposition
                let feast = self.word_is(i + 1, &["drei"])
                    && self.word_is(i + 2, &["könige", "königen"])
                    && self.word_is(
                        i.wrapping_sub(1),
                        &["an", "am", "zu", "bis", "seit", "nach", "vor"],
                    );
                if feast {
                    return at(self.with_year(i + 3, Holiday::Fixed(1, 6)));
                }
                None
            }
            // `halbes Jahr`, `halbe Stunde` (`ein halbes Jahr` goes by the number)
            Lex::Fw(Fw::Halbe) => match self.lex(i + 1) {
                Lex::Unit(u, Plural::Sg) if u != Unit::Weekend => {
                    Some((i, i + 2, Sem::Duration(duration(&[(Amount::Tenths(5), u)]))))
                }
                _ => None,
            },
            Lex::Fw(Fw::Lange) => match self.lex(i + 1) {
                Lex::Unit(u, Plural::Pl | Plural::SgPl) if u >= Unit::Day => {
                    Some((i, i + 2, Sem::Duration(duration(&[(Amount::Unknown, u)]))))
                }
                _ => None,
            },
            Lex::Fw(Fw::Tags) => {
                let off = if self.fw(i + 1, Fw::Darauf) || self.fw(i + 1, Fw::Danach) {
                    1
                } else if self.fw(i + 1, Fw::Zuvor) {
                    -1
                } else {
                    return None;
                };
                Some((i, i + 2, Sem::Anchor(off)))
            }
            // `halb neun`, `um halb 8`: half past seven; `Viertel nach acht`, `dreiviertel 8`
            Lex::Fw(Fw::Halb | Fw::Viertel | Fw::Dreiviertel) => at(self.clock_words(i)),
            Lex::Fw(Fw::Vor) => self
                .vor_kurzem(i)
                .then_some((i, i + 2, Sem::Ref("PAST_REF"))),
            Lex::Moment => {
                // `im Moment`, `im Augenblick`: the present.
                (i > floor && self.fw(i - 1, Fw::Im) && self.t(i).upper).then_some((
                    i - 1,
                    i + 1,
                    Sem::Ref("PRESENT_REF"),
                ))
            }
            _ => None,
        }
    }

    /// A holiday ending at `e`, and its year if one follows (`Ostern 2020`).
    fn with_year(&self, e: usize, h: Holiday) -> R {
        // `Muttertag im Jahr 2019`
        if self.fw(e, Fw::Im)
            && self.lex(e + 1) == Lex::Unit(Unit::Year, Plural::Sg)
            && let Some(y) = self.year_at(e + 2)
        {
            return Some((e + 3, holiday(h, YearSpec::Abs(y))));
        }
        match self.year_after(e) {
            Some((y, e2)) => Some((e2, holiday(h, y))),
            None => Some((e, holiday(h, YearSpec::Tense))),
        }
    }

    /// At a holiday's name, with the words before it that belong to it: `Christi
    /// Himmelfahrt`, `Mariä Himmelfahrt`, `Mariä Empfängnis`, `Buß- und Bettag`.
    fn holiday_at(&self, i: usize, h: Holiday, floor: usize) -> Option<(usize, usize, Sem)> {
        let mut start = i;
        let mut h = h;
        let may = |k: usize| i >= k && i - k >= floor;
        match self.word(i).to_lowercase().as_str() {
            "himmelfahrt" => {
                if may(1) && self.word_is(i - 1, &["christi"]) {
                    start = i - 1;
                } else if may(1) && self.word_is(i - 1, &["mariä", "maria"]) {
                    start = i - 1;
                    h = Holiday::Fixed(8, 15);
                }
            }
            "empfängnis" => {
                if !(may(1) && self.word_is(i - 1, &["mariä", "maria"])) {
                    return None;
                }
                start = i - 1;
            }
            "bettag" => {
                // `Buß- und Bettag`, `Buss- und Bettag`
                if !(may(3)
                    && self.word_is(i - 3, &["buß", "buss"])
                    && self.punct(i - 2, '-')
                    && self.fw(i - 1, Fw::Und))
                {
                    return None;
                }
                start = i - 3;
            }
            _ => {}
        }
        self.with_year(i + 1, h).map(|(e, sem)| (start, e, sem))
    }

    /// `3. Advent`, `ersten Advent`, `zweiten Weihnachtsfeiertag` after ordinal `n` at `j`.
    fn ordinal_holiday(&self, j: usize, n: u8) -> R {
        match self.lex(j) {
            Lex::Advent if (1..=4).contains(&n) => {
                self.with_year(j + 1, Holiday::Advent(7 * (n as i16 - 1)))
            }
            Lex::ChristmasDay if (1..=2).contains(&n) => {
                self.with_year(j + 1, Holiday::Fixed(12, 24 + n))
            }
            _ => None,
        }
    }

    // ---------------------------------------------------------------- numbers

    /// A four-digit year at `i` that is not a quantity (`1500 Euro`, `rund 2000`).
    fn year_at(&self, i: usize) -> Option<i32> {
        let (v, d) = self.num(i)?;
        if d != 4 || !(1000..=2099).contains(&v) {
            return None;
        }
        // Part of a longer number: 1.2014, 2014,5, 2014.5
        if self.tight(i)
            && i >= 2
            && (self.punct(i - 1, '.') || self.punct(i - 1, ','))
            && self.t(i - 2).is_num()
            && self.tight(i - 1)
        {
            return None;
        }
        if self.tight(i + 1)
            && (self.punct(i + 1, '.') || self.punct(i + 1, ','))
            && self.tight(i + 2)
            && self.t(i + 2).is_num()
        {
            return None;
        }
        if self.lex(i + 1) == Lex::Measure {
            return None;
        }
        // `von 1450 bis 1850 Mark`
        if (self.fw(i + 1, Fw::Bis) || self.punct(i + 1, '-') || self.fw(i + 1, Fw::Und))
            && self.t(i + 2).is_num()
            && self.lex(i + 3) == Lex::Measure
        {
            return None;
        }
        if i > 0 {
            match self.lex(i - 1) {
                // `rund 2000 Azubis`, but `etwa 1930 gegenüber ...`
                Lex::Approx if self.t(i + 1).upper || self.t(i + 1).is_num() => return None,
                Lex::Fw(Fw::Als) if matches!(self.lex(i - 2), Lex::Fw(Fw::Mehr | Fw::Weniger)) => {
                    return None;
                }
                _ => {}
            }
        }
        Some(v as i32)
    }

    /// `d.` of a day: a number 1..=31 directly followed by a dot.
    fn day_dot(&self, i: usize) -> Option<u8> {
        let (v, d) = self.num(i)?;
        (d <= 2 && (1..=31).contains(&v) && self.punct(i + 1, '.') && self.tight(i + 1))
            .then_some(v as u8)
    }

    /// A month name, or an abbreviation with its dot, at `i`: (month, end).
    fn month_name(&self, i: usize) -> Option<(u8, usize)> {
        match self.lex(i) {
            Lex::Month(m) => Some((m, i + 1)),
            Lex::MonthAbbr(m) => {
                if self.punct(i + 1, '.') && self.tight(i + 1) {
                    Some((m, i + 2))
                } else {
                    Some((m, i + 1))
                }
            }
            _ => None,
        }
    }

    /// What may follow a month or season to give its year: `2024`, `des Jahres 2001`,
    /// `dieses Jahres`, `des vergangenen Jahres`, `des Vorjahres`. (year, end)
    fn year_after(&self, i: usize) -> Option<(YearSpec, usize)> {
        if let Some(y) = self.year_at(i) {
            return Some((YearSpec::Abs(y), i + 1));
        }
        // `Mai '98`
        if (self.punct(i, '\'') || self.punct(i, '’'))
            && self.tight(i + 1)
            && let Some((y, 2)) = self.num(i + 1)
            && !(self.tight(i + 2) && self.t(i + 2).is_word())
        {
            return Some((YearSpec::Abs(two_digit_year(y)), i + 2));
        }
        let mut j = i;
        let mut off = None;
        match self.lex(j) {
            Lex::Article => j += 1,
            Lex::Demonstrative => {
                off = Some(0);
                j += 1;
            }
            _ => {}
        }
        if let Lex::Rel(dir) = self.lex(j) {
            off = Some(match dir {
                Dir::Past => -1,
                Dir::Next => 1,
                Dir::This => 0,
            });
            j += 1;
        }
        match self.lex(j) {
            Lex::Unit(Unit::Year, Plural::Gen) => {
                if let Some(y) = self.year_at(j + 1) {
                    return Some((YearSpec::Abs(y), j + 2));
                }
                Some((YearSpec::Rel(off?), j + 1))
            }
            Lex::Deictic(Deictic::LastYearGen) if j == i + 1 && off.is_none() => {
                Some((YearSpec::Rel(-1), j + 1))
            }
            _ => None,
        }
    }

    /// Rules at a digit run.
    fn number(&self, i: usize) -> Option<(usize, usize, Sem)> {
        let (v, d) = self.num(i)?;
        let mut best: Option<(usize, Sem)> = None;
        let mut take = |r: R| {
            if let Some((e, s)) = r
                && best.as_ref().is_none_or(|(be, _)| e > *be)
            {
                best = Some((e, s));
            }
        };
        take(self.numeric_date(i, v, d));
        take(self.time(i));
        if let Some(y) = self.year_at(i) {
            take(self.decade_suffix(i, v).or(Some((i + 1, date_y(y)))));
        } else if d == 2 && v % 10 == 0 {
            take(self.decade_suffix(i, v));
        }
        take(self.duration_at(i));
        best.map(|(e, s)| (i, e, s))
    }

    /// `18.02.2024`, `18.2.`, `2024-02-18`, `18. Februar 2024`, `3.` in `am 3., 4. und 5.
    /// Oktober`, `20. Jahrhundert`.
    fn numeric_date(&self, i: usize, v: u32, d: u8) -> R {
        // ISO 8601
        if d == 4
            && self.punct(i + 1, '-')
            && self.tight(i + 1)
            && self.tight(i + 2)
            && self.punct(i + 3, '-')
            && self.tight(i + 3)
            && self.tight(i + 4)
            && let (Some((m, 1..=2)), Some((dd, 1..=2))) = (self.num(i + 2), self.num(i + 4))
            && (1..=12).contains(&m)
            && (1..=31).contains(&dd)
        {
            return Some((
                i + 5,
                Sem::Date {
                    y: YearSpec::Abs(v as i32),
                    m: m as u8,
                    d: dd as u8,
                },
            ));
        }
        if let Some(r) = self.slash_date(i) {
            return Some(r);
        }
        let day = self.day_dot(i)?;
        let j = i + 2;
        // 18.02.2024, 18.2.24, 18.02.
        if self.tight(j)
            && let Some((m, md)) = self.num(j)
            && md <= 2
            && (1..=12).contains(&m)
            && self.punct(j + 1, '.')
            && self.tight(j + 1)
        {
            let m = m as u8;
            if self.tight(j + 2)
                && let Some((y, yd)) = self.num(j + 2)
            {
                if self.punct(j + 3, '.') && self.tight(j + 3) && self.t(j + 4).is_num() {
                    return None;
                }
                let y = match yd {
                    4 => y as i32,
                    2 => two_digit_year(y),
                    _ => return None,
                };
                return Some((
                    j + 3,
                    Sem::Date {
                        y: YearSpec::Abs(y),
                        m,
                        d: day,
                    },
                ));
            }
            if self.t(j + 2).is_num() {
                return None;
            }
            // `18.02. 2024`
            if let Some(y) = self.year_at(j + 2) {
                return Some((
                    j + 3,
                    Sem::Date {
                        y: YearSpec::Abs(y),
                        m,
                        d: day,
                    },
                ));
            }
            return Some((
                j + 2,
                Sem::Date {
                    y: YearSpec::Tense,
                    m,
                    d: day,
                },
            ));
        }
        // 18. Februar [2024]
        if let Some((m, e)) = self.month_name(j) {
            if !matches!(self.lex(j), Lex::Month(_)) && !(self.punct(j + 1, '.')) {
                // a bare abbreviation needs its dot
                return None;
            }
            if let Some((y, e2)) = self.year_after(e) {
                return Some((e2, Sem::Date { y, m, d: day }));
            }
            return Some((
                e,
                Sem::Date {
                    y: YearSpec::Tense,
                    m,
                    d: day,
                },
            ));
        }
        if let Some(r) = self.ordinal_holiday(j, day) {
            return Some(r);
        }
        // 20. Jahrhundert
        match self.lex(j) {
            Lex::Unit(Unit::Century, Plural::Sg | Plural::Gen) => {
                return Some((j + 1, Sem::Century(day as i32 - 1)));
            }
            Lex::Unit(Unit::Millennium, Plural::Sg | Plural::Gen) => {
                return Some((j + 1, Sem::Millennium(day as i32 - 1)));
            }
            _ => {}
        }
        // a list of days before a month: `3., 4. und 5. Oktober`, `vom 5. bis zum 9. Juni`
        let mut k = j;
        for _ in 0..8 {
            // separator
            if self.punct(k, ',')
                || self.punct(k, '-')
                || self.punct(k, '–')
                || self.punct(k, '/')
                || self.fw(k, Fw::Und)
                || self.fw(k, Fw::Oder)
            {
                k += 1;
            } else if self.fw(k, Fw::Bis) {
                k += 1;
                if self.fw(k, Fw::Zum) {
                    k += 1;
                }
            } else {
                return None;
            }
            self.day_dot(k)?;
            k += 2;
            if let Some((m, e)) = self.month_name(k) {
                let y = self.year_after(e).map_or(YearSpec::Tense, |(y, _)| y);
                return Some((j, Sem::Date { y, m, d: day }));
            }
        }
        None
    }

    /// `21/04/2016`, `5/5/89`, `2015/08/12`, `3-7-2017`: a day, month and year joined by
    /// slashes or hyphens (a two-digit year only with slashes: `6-4-6` is a score).
    fn slash_date(&self, i: usize) -> R {
        let sep = match self.t(i + 1).kind {
            Kind::Punct(c @ ('/' | '-')) => c,
            _ => return None,
        };
        let ok = (1..=4).all(|k| self.tight(i + k))
            && self.punct(i + 3, sep)
            && !(self.tight(i + 5) && (self.punct(i + 5, sep) || self.t(i + 5).is_num()));
        if !ok {
            return None;
        }
        let (a, ad) = self.num(i)?;
        let (b, bd) = self.num(i + 2)?;
        let (c, cd) = self.num(i + 4)?;
        let (y, m, d) = match (ad, bd, cd) {
            (4, 1..=2, 1..=2) if sep == '/' => (a as i32, b, c),
            (1..=2, 1..=2, 4) => (c as i32, b, a),
            (1..=2, 1..=2, 2) if sep == '/' => (two_digit_year(c), b, a),
            _ => return None,
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1000..=2099).contains(&y) {
            return None;
        }
        Some((
            i + 5,
            Sem::Date {
                y: YearSpec::Abs(y),
                m: m as u8,
                d: d as u8,
            },
        ))
    }

    /// `14 Uhr`, `14.30 Uhr`, `14:30 Uhr`; without `Uhr` after `um`, `ab`, `gegen` or before
    /// `bis 18 Uhr`.
    fn time(&self, i: usize) -> R {
        let (h, min, k, sep) = self.clock(i)?;
        let prev = self.lex(i.wrapping_sub(1));
        let before = i > 0
            && matches!(
                prev,
                Lex::Fw(Fw::Um | Fw::Ab | Fw::Gegen | Fw::Bis | Fw::Von | Fw::Zwischen)
            );
        // the part of the day around it: `8 Uhr abends`, `abends um 8 Uhr`, `heute Abend
        // gegen 8` (KRAUTS leaves a following `abends` outside, and untagged)
        let part_before = self.part_before(i);
        let after = if self.lex(k) == Lex::Uhr { k + 1 } else { k };
        let part = match self.lex(after) {
            Lex::DayPartAdv(p) => Some(p),
            _ => part_before,
        };
        let h = part.map_or(h, |p| afternoon(h, p));
        if self.lex(k) == Lex::Uhr {
            let day = DaySpec::Context;
            return Some((k + 1, Sem::Time { day, h, min }));
        }
        // `um 12 nachts`, `heute Morgen um 7`
        if before && part.is_some() && !self.t(k).is_num() {
            return Some((
                k,
                Sem::Time {
                    day: DaySpec::Context,
                    h,
                    min,
                },
            ));
        }
        let range_sep =
            self.fw(k, Fw::Bis) || self.fw(k, Fw::Und) || self.punct(k, '-') || self.punct(k, '–');
        let range = range_sep
            && self
                .clock(k + 1)
                .is_some_and(|(_, _, k2, _)| self.lex(k2) == Lex::Uhr);
        // `Mittwoch 14:30`, `21.04.2016, 16:00`
        let after_day = i > 0 && {
            let p = if self.punct(i - 1, ',') {
                i.wrapping_sub(2)
            } else {
                i - 1
            };
            matches!(self.lex(p), Lex::Weekday(_))
                || (self.num(p).is_some_and(|(_, d)| d == 4)
                    && self.tight(p)
                    && self.punct(p.wrapping_sub(1), '.'))
        };
        if range || (sep && (before || after_day) && !self.t(k).is_num()) {
            return Some((
                k,
                Sem::Time {
                    day: DaySpec::Context,
                    h,
                    min,
                },
            ));
        }
        None
    }

    /// Whether token `i` follows a clock time: `8 Uhr`, `8:30`, `um 12`.
    fn after_clock(&self, i: usize) -> bool {
        if i < 2 {
            return false;
        }
        let p = self.t(i - 1);
        self.lex(i - 1) == Lex::Uhr
            || (p.is_num()
                && p.digits <= 2
                && ((self.tight(i - 1) && (self.punct(i - 2, ':') || self.punct(i - 2, '.')))
                    || matches!(
                        self.lex(i - 2),
                        Lex::Fw(Fw::Um | Fw::Gegen | Fw::Ab | Fw::Bis)
                    )))
    }

    /// The hour of a clock read in words at `k`: `acht`, `8` (1..=24).
    fn hour_word(&self, k: usize) -> Option<u8> {
        match (self.lex(k), self.num(k)) {
            (Lex::Number(n), _) if n % 10 == 0 && (10..=240).contains(&n) => Some((n / 10) as u8),
            (_, Some((v, 1..=2))) if (1..=24).contains(&v) => Some(v as u8),
            _ => None,
        }
    }

    /// `halb neun`, `um halb 8` (7:30), `Viertel nach acht` (8:15), `Viertel vor acht`
    /// (7:45), `dreiviertel 8` (7:45), `um viertel 8` (7:15), with `Uhr` and a part of the
    /// day after them.
    fn clock_words(&self, i: usize) -> R {
        let clock_before = i > 0
            && (matches!(
                self.lex(i - 1),
                Lex::Fw(Fw::Um | Fw::Gegen | Fw::Ab | Fw::Bis | Fw::Von)
            ) || self.word_is(i - 1, &["ist", "war"]));
        let before = |h: u8| if h == 1 { 12 } else { h - 1 };
        let (h, min, mut e) = match self.lex(i) {
            Lex::Fw(Fw::Halb) => {
                let h = self.hour_word(i + 1)?;
                // digits need a clock around them: `um halb 8`, `halb 8 Uhr`
                if self.t(i + 1).is_num() && !clock_before && self.lex(i + 2) != Lex::Uhr {
                    return None;
                }
                (before(h), 30, i + 2)
            }
            Lex::Fw(Fw::Viertel) => {
                if self.fw(i + 1, Fw::Nach) {
                    (self.hour_word(i + 2)?, 15, i + 3)
                } else if self.fw(i + 1, Fw::Vor) {
                    (before(self.hour_word(i + 2)?), 45, i + 3)
                } else if clock_before {
                    (before(self.hour_word(i + 1)?), 15, i + 2)
                } else {
                    return None;
                }
            }
            Lex::Fw(Fw::Dreiviertel) => (before(self.hour_word(i + 1)?), 45, i + 2),
            _ => return None,
        };
        if self.lex(e) == Lex::Uhr {
            e += 1;
        }
        let h = match self.lex(e) {
            Lex::DayPartAdv(part) => afternoon(h, part),
            _ => h,
        };
        Some((
            e,
            Sem::Time {
                day: DaySpec::Context,
                h,
                min,
            },
        ))
    }

    /// A clock reading at `i`: (hour, minute, end, whether minutes were written).
    fn clock(&self, i: usize) -> Option<(u8, u8, usize, bool)> {
        let (h, hd) = self.num(i)?;
        if hd > 2 || h > 24 {
            return None;
        }
        // not the minutes or seconds of `8:00:13`
        if i >= 2 && self.tight(i) && self.punct(i - 1, ':') && self.t(i - 2).is_num() {
            return None;
        }
        if (self.punct(i + 1, ':') || self.punct(i + 1, '.'))
            && self.tight(i + 1)
            && self.tight(i + 2)
            && let Some((m, 2)) = self.num(i + 2)
            && m < 60
        {
            return Some((h as u8, m as u8, i + 3, true));
        }
        Some((h as u8, 0, i + 1, false))
    }

    /// `90er`, `1990er Jahre`, `90er-Jahren`.
    fn decade_suffix(&self, i: usize, v: u32) -> R {
        let dec = match self.num(i)? {
            (_, 2) if v % 10 == 0 => 190 + (v / 10) as i32,
            (_, 4) if v % 10 == 0 && (1000..=2090).contains(&v) => (v / 10) as i32,
            _ => return None,
        };
        if !self.tight(i + 1) {
            return None;
        }
        let w = self.word(i + 1).to_lowercase();
        let mut e = match w.as_str() {
            "er" | "ern" => i + 2,
            "erjahre" | "erjahren" => return Some((i + 2, Sem::Decade(dec))),
            _ => return None,
        };
        if self.punct(e, '-') && self.tight(e) && self.tight(e + 1) {
            if let Lex::Unit(Unit::Year, Plural::Pl | Plural::SgPl) = self.lex(e + 1) {
                e += 2;
            }
        } else if let Lex::Unit(Unit::Year, Plural::Pl | Plural::SgPl) = self.lex(e) {
            e += 1;
        }
        Some((e, Sem::Decade(dec)))
    }

    /// An amount at `i`: digits (`12`, `1,5`) or a number word, then maybe `lange`, `halbe`.
    /// (amount, next token)
    fn amount(&self, i: usize) -> Option<(Amount, usize)> {
        match self.t(i).kind {
            Kind::Num => {
                let (v, _) = self.num(i)?;
                // 1,5
                if self.punct(i + 1, ',')
                    && self.tight(i + 1)
                    && self.tight(i + 2)
                    && let Some((f, 1)) = self.num(i + 2)
                {
                    return Some((
                        Amount::Tenths(v.saturating_mul(10).saturating_add(f)),
                        i + 3,
                    ));
                }
                // no part of a larger number (`12 050`, `1.500`)
                if self.tight(i)
                    && i > 0
                    && (self.punct(i - 1, '.') || self.punct(i - 1, ','))
                    && self.t(i.wrapping_sub(2)).is_num()
                {
                    return None;
                }
                Some((Amount::Tenths(v.saturating_mul(10)), i + 1))
            }
            Kind::Word => match self.lex(i) {
                Lex::Number(n) => {
                    if n == 10 {
                        if self.fw(i + 1, Fw::Halbe) {
                            return Some((Amount::Tenths(5), i + 2));
                        }
                        if self.fw(i + 1, Fw::Paar) {
                            return Some((Amount::Unknown, i + 2));
                        }
                    }
                    Some((Amount::Tenths(n), i + 1))
                }
                Lex::Few => Some((Amount::Unknown, i + 1)),
                _ => None,
            },
            Kind::Punct(_) => None,
        }
    }

    /// A duration at `i`: `zwei Jahre`, `drei Jahre und vier Monate`, `sechs Jahre lang`,
    /// `17 lange Jahre`, `zwei Jahre zuvor`; not an age (`31 Jahre alt`).
    fn duration_at(&self, i: usize) -> R {
        let mut parts: Vec<(Amount, Unit)> = Vec::new();
        let mut k = i;
        loop {
            let (amount, mut j) = self.amount(k)?;
            if self.fw(j, Fw::Lange) || matches!(self.lex(j), Lex::Approx) {
                j += 1;
            }
            let (u, p) = match self.lex(j) {
                Lex::Unit(u, p) => (u, p),
                Lex::None if self.compound_unit(j).is_some() => {
                    self.compound_unit(j).unwrap_or((Unit::Day, Plural::Pl))
                }
                _ => {
                    // `35-Stunden-Woche`
                    if parts.is_empty()
                        && self.punct(j, '-')
                        && self.tight(j)
                        && let Lex::Unit(u, _) = self.lex(j + 1)
                        && self.tight(j + 1)
                        && self.punct(j + 2, '-')
                        && self.tight(j + 3)
                        && let Lex::Unit(Unit::Week | Unit::Day | Unit::Month | Unit::Year, _) =
                            self.lex(j + 3)
                    {
                        return Some((j + 4, Sem::Duration(duration(&[(amount, u)]))));
                    }
                    break;
                }
            };
            let singular = matches!(amount, Amount::Tenths(10));
            let ok = match p {
                Plural::Sg => singular || matches!(amount, Amount::Tenths(5)),
                Plural::Gen => singular && i > 0 && self.lex(i - 1) == Lex::Fw(Fw::Innerhalb),
                Plural::Pl | Plural::SgPl => !singular || self.t(k).is_num(),
            };
            if !ok || u == Unit::Weekend {
                break;
            }
            if self.tight(j + 1) && self.punct(j + 1, '-') {
                // `5-Jahres-Plan`
                return None;
            }
            parts.push((amount, u));
            k = j + 1;
            if (self.fw(k, Fw::Und) || self.punct(k, ','))
                && let Some((_, j2)) = self.amount(k + 1)
                && let Lex::Unit(u2, _) = self.lex(j2)
                && u2 < u
            {
                k += 1;
                continue;
            }
            break;
        }
        if parts.is_empty() {
            return None;
        }
        // ages
        if matches!(self.lex(k), Lex::Fw(Fw::Alt | Fw::Jung))
            || (self.word_is(k, &["jüngere", "jüngerer", "ältere", "älterer"]))
            || (i >= 2 && self.fw(i - 1, Fw::Von) && self.word_is(i - 2, &["alter", "alters"]))
            || (i >= 1
                && self.fw(i - 1, Fw::Mit)
                && parts[0].1 == Unit::Year
                && !self.fw(k, Fw::Lang))
        {
            return None;
        }
        let mut sem = Sem::Duration(duration(&parts));
        match self.lex(k) {
            Lex::Fw(Fw::Lang) => k += 1,
            Lex::Fw(Fw::Zuvor | Fw::Spaeter | Fw::Danach) | Lex::Deictic(Deictic::Formerly) => {
                if parts.len() == 1 && parts[0].1 <= Unit::Hour {
                    sem = Sem::Time {
                        day: DaySpec::Unknown,
                        h: 99,
                        min: 99,
                    };
                }
                k += 1;
            }
            _ => {}
        }
        Some((k, sem))
    }

    /// A compound ending in a plural unit (`Arbeitstage`, `Sonnentage`, `Lebensjahre`).
    fn compound_unit(&self, j: usize) -> Option<(Unit, Plural)> {
        let t = self.t(j);
        if !t.is_word() || !t.upper || t.end - t.start < 7 {
            return None;
        }
        let w = self.word(j).to_lowercase();
        // Words that end like a unit but count no time: weekdays in the plural (`an 35
        // Montagen`), loan words (`Reportagen`), assemblies (`Parteitage`) and anniversaries.
        const NOT_TIME: [&str; 24] = [
            "montage",
            "dienstage",
            "mittwoche",
            "donnerstage",
            "freitage",
            "samstage",
            "sonntage",
            "etage",
            "portage",
            "sabotage",
            "courtage",
            "stellage",
            "parteitage",
            "landtage",
            "bundestage",
            "reichstage",
            "kreistage",
            "städtetage",
            "kirchentage",
            "katholikentage",
            "geburtstage",
            "namenstage",
            "jahrestage",
            "gedenktage",
        ];
        let stem = w.strip_suffix('n').unwrap_or(&w);
        if NOT_TIME.iter().any(|s| stem.ends_with(s)) {
            return None;
        }
        const SUFFIXES: [(&str, Unit); 10] = [
            ("tage", Unit::Day),
            ("tagen", Unit::Day),
            ("jahre", Unit::Year),
            ("jahren", Unit::Year),
            ("wochen", Unit::Week),
            ("monate", Unit::Month),
            ("monaten", Unit::Month),
            ("stunden", Unit::Hour),
            ("minuten", Unit::Minute),
            ("sekunden", Unit::Second),
        ];
        SUFFIXES
            .iter()
            .find(|(s, _)| w.len() >= s.len() + 3 && w.ends_with(s))
            .map(|&(_, u)| (u, Plural::Pl))
    }

    // ---------------------------------------------------------------- words

    fn month(&self, i: usize, m: u8) -> R {
        // `August Müller`: a name, not the month
        if m == 8 && self.t(i + 1).upper && self.lex(i + 1) == Lex::None {
            return None;
        }
        if let Some((y, e)) = self.year_after(i + 1) {
            return Some((e, Sem::Date { y, m, d: 0 }));
        }
        Some((
            i + 1,
            Sem::Date {
                y: YearSpec::Tense,
                m,
                d: 0,
            },
        ))
    }

    fn weekday(&self, i: usize, wd: u8) -> R {
        if i > 0 && self.tight(i) && self.punct(i - 1, '-') {
            // `Herz-Jesu-Sonntag`: a name
            return None;
        }
        let w = self.word(i);
        let genitive =
            i > 0 && (self.lex(i - 1) == Lex::Article || self.word_is(i - 1, &["eines"]));
        if w.ends_with('s') && !genitive {
            // `sonntags`, `immer Mittwochs`: every Sunday, every Wednesday (but `des Sonntags`)
            return Some((i + 1, Sem::Set(format!("XXXX-WXX-{wd}"))));
        }
        // `Sonntag, 18. Februar`, `Sonntag, dem 18. Februar 2024`, `Sonntag, 18.2.`
        let mut j = i + 1;
        if self.punct(j, ',') {
            j += 1;
        }
        if matches!(self.lex(j), Lex::Article) && self.word_is(j, &["den", "dem", "der"]) {
            j += 1;
        }
        if self.t(j).is_num()
            && let Some((e, sem @ Sem::Date { d: 1.., .. })) =
                self.numeric_date(j, self.t(j).num, self.t(j).digits)
        {
            return Some((e, sem));
        }
        let day = DaySpec::Weekday(wd, None);
        match self.lex(i + 1) {
            Lex::DayPart(part) => return Some((i + 2, Sem::Part { day, part })),
            Lex::Deictic(Deictic::Tomorrow) if self.t(i + 1).upper => {
                return Some((
                    i + 2,
                    Sem::Part {
                        day,
                        part: Part::Morning,
                    },
                ));
            }
            // `am Sonntag frühmorgens`: that Sunday; `Sonntag abends`: every Sunday evening
            Lex::DayPartAdv(part) if i > 0 && self.fw(i - 1, Fw::Am) => {
                return Some((i + 2, Sem::Part { day, part }));
            }
            Lex::DayPartAdv(part) => {
                return Some((i + 2, Sem::Set(format!("XXXX-WXX-{wd}T{}", part.code()))));
            }
            _ => {}
        }
        if self.word_is(i + 1, &["früh"]) {
            return Some((
                i + 2,
                Sem::Part {
                    day,
                    part: Part::Morning,
                },
            ));
        }
        Some((
            i + 1,
            Sem::Weekday {
                wd,
                dir: self.last_after_vom(i),
            },
        ))
    }

    /// `vom Sonntag`, `vom Wochenende` (and not `vom Sonntag bis ...`): the last one.
    fn last_after_vom(&self, i: usize) -> Option<Dir> {
        (i > 0 && self.fw(i - 1, Fw::Vom) && !self.fw(i + 1, Fw::Bis)).then_some(Dir::Past)
    }

    fn season(&self, i: usize, s: u8) -> R {
        if let Some((y, e)) = self.year_after(i + 1) {
            return Some((e, Sem::Season { y, s }));
        }
        Some((
            i + 1,
            Sem::Season {
                y: YearSpec::Tense,
                s,
            },
        ))
    }

    /// At a unit word: `Jahr 2014`, `Jahr um Jahr`, `Wochenende`, `seit Jahren`, `Tag zuvor`.
    fn unit(&self, i: usize, u: Unit, p: Plural, floor: usize) -> Option<(usize, usize, Sem)> {
        if u == Unit::Year
            && let Some((v, d)) = self.num(i + 1)
            && (d == 4 && self.year_at(i + 1).is_some() || (d == 3 && p != Plural::Pl))
        {
            return Some((i, i + 2, date_y(v as i32)));
        }
        if matches!(p, Plural::Sg)
            && (self.fw(i + 1, Fw::Um) || self.fw(i + 1, Fw::Fuer))
            && self.lex(i + 2) == Lex::Unit(u, Plural::Sg)
        {
            return Some((i, i + 3, Sem::Set(duration(&[(Amount::Tenths(10), u)]))));
        }
        if u == Unit::Weekend && p == Plural::Sg {
            return Some((i, i + 1, Sem::Weekend(self.last_after_vom(i))));
        }
        if u == Unit::Day && p == Plural::Sg && self.word_is(i + 1, &["der"]) {
            // `am Tag der Arbeit`, `bis zum Tag der Deutschen Einheit`; without such a
            // preposition (`die Rede zum Tag der Deutschen Einheit`) the name of an occasion
            let (e, h) = if self.word_is(i + 2, &["arbeit"]) {
                (i + 3, Holiday::Fixed(5, 1))
            } else if self.word_is(i + 2, &["deutschen"]) && self.word_is(i + 3, &["einheit"]) {
                (i + 4, Holiday::Fixed(10, 3))
            } else {
                return None;
            };
            let on = self.word_is(i.wrapping_sub(1), &["am", "vom", "ab"])
                || (self.word_is(i.wrapping_sub(1), &["zum", "dem"])
                    && self.word_is(i.wrapping_sub(2), &["bis", "seit", "vor", "nach"]))
                || self.year_at(e).is_some();
            return if on {
                self.with_year(e, h).map(|(e, s)| (i, e, s))
            } else {
                None
            };
        }
        if u == Unit::Day && p == Plural::Sg {
            let off = match self.lex(i + 1) {
                Lex::Fw(Fw::Zuvor) => -1,
                Lex::Fw(Fw::Danach | Fw::Darauf) => 1,
                _ => return None,
            };
            return Some((i, i + 2, Sem::Anchor(off)));
        }
        if matches!(p, Plural::Pl | Plural::SgPl)
            && u >= Unit::Day
            && i > floor
            && matches!(
                self.lex(i - 1),
                Lex::Fw(Fw::Vor | Fw::Seit | Fw::Nach | Fw::Ueber | Fw::Fuer)
            )
        {
            return Some((i, i + 1, Sem::Duration(duration(&[(Amount::Unknown, u)]))));
        }
        None
    }

    fn number_word(&self, i: usize, n: u32) -> R {
        if n % 10 == 0 && (10..=240).contains(&n) {
            let h = (n / 10) as u8;
            let day = DaySpec::Context;
            // `acht Uhr abends`
            if self.lex(i + 1) == Lex::Uhr {
                let h = match self.lex(i + 2) {
                    Lex::DayPartAdv(part) => afternoon(h, part),
                    _ => h,
                };
                return Some((i + 2, Sem::Time { day, h, min: 0 }));
            }
            // `heute Abend um acht`
            if let Some(part) = self.part_before(i) {
                let h = afternoon(h, part);
                return Some((i + 1, Sem::Time { day, h, min: 0 }));
            }
        }
        self.duration_at(i)
    }

    /// The part of the day before `um` or `gegen` at `i - 1`: `abends um 8`, `heute Abend
    /// gegen 8`, `Sonntagmorgen um 7`.
    fn part_before(&self, i: usize) -> Option<Part> {
        if i < 2 || !matches!(self.lex(i - 1), Lex::Fw(Fw::Um | Fw::Gegen)) {
            return None;
        }
        match self.lex(i - 2) {
            Lex::DayPart(p) | Lex::DayPartAdv(p) | Lex::WeekdayPart(_, p) => Some(p),
            Lex::Deictic(Deictic::Tomorrow) if self.t(i - 2).upper => Some(Part::Morning),
            _ => None,
        }
    }

    fn ordinal(&self, i: usize, n: u8) -> R {
        let j = i + 1;
        if let Some(r) = self.ordinal_holiday(j, n) {
            return Some(r);
        }
        match self.lex(j) {
            Lex::Month(m) if n <= 31 => {
                let (y, e) = self.year_after(j + 1).unwrap_or((YearSpec::Tense, j + 1));
                Some((e, Sem::Date { y, m, d: n }))
            }
            Lex::Unit(Unit::Quarter, Plural::Sg | Plural::Gen) if (1..=4).contains(&n) => {
                let (y, e) = self.year_after(j + 1).unwrap_or((YearSpec::Tense, j + 1));
                Some((e, Sem::Quarter { y, q: n }))
            }
            Lex::Unit(Unit::HalfYear, Plural::Sg | Plural::Gen) | Lex::YearHalf
                if (1..=2).contains(&n) =>
            {
                let (y, e) = self.year_after(j + 1).unwrap_or((YearSpec::Tense, j + 1));
                Some((e, Sem::Half { y, h: n }))
            }
            Lex::Unit(Unit::Century, Plural::Sg | Plural::Gen) => {
                Some((j + 1, Sem::Century(n as i32 - 1)))
            }
            Lex::Unit(Unit::Millennium, Plural::Sg | Plural::Gen) => {
                Some((j + 1, Sem::Millennium(n as i32 - 1)))
            }
            Lex::Half if (1..=2).contains(&n) => {
                // `ersten Hälfte des 15. Jahrhunderts`, `zweiten Hälfte des Jahres`
                if !self.word_is(j + 1, &["des", "der"]) {
                    return None;
                }
                let k = j + 2;
                if let Some((e, sem)) = self.numeric_date(k, self.t(k).num, self.t(k).digits)
                    && matches!(sem, Sem::Century(_) | Sem::Millennium(_))
                {
                    return Some((e, sem));
                }
                if let Lex::Decade(_) | Lex::DecadeYears(_) = self.lex(k) {
                    return self.decade_word_or_years(k);
                }
                if self.t(k).is_num()
                    && let Some((e, sem @ Sem::Decade(_))) = self.decade_suffix(k, self.t(k).num)
                {
                    return Some((e, sem));
                }
                if let Some((y, e)) = self.year_after(k - 1) {
                    return Some((e, Sem::Half { y, h: n }));
                }
                if let Some(y) = self.year_at(k) {
                    return Some((
                        k + 1,
                        Sem::Half {
                            y: YearSpec::Abs(y),
                            h: n,
                        },
                    ));
                }
                None
            }
            _ => None,
        }
    }

    fn decade_word_or_years(&self, k: usize) -> R {
        match self.lex(k) {
            Lex::Decade(d) => self.decade_word(k, d),
            Lex::DecadeYears(d) => Some((k + 1, Sem::Decade(190 + d as i32))),
            _ => None,
        }
    }

    /// `neunziger Jahre`, `fünfziger Jahren`.
    fn decade_word(&self, i: usize, d: u8) -> R {
        match self.lex(i + 1) {
            Lex::Unit(Unit::Year, Plural::Pl | Plural::SgPl) => {
                Some((i + 2, Sem::Decade(190 + d as i32)))
            }
            _ => None,
        }
    }

    /// After `vergangene`, `letzten`, `nächste`, `kommenden`, `laufenden`.
    fn relative(&self, i: usize, dir: Dir) -> R {
        let off = match dir {
            Dir::Past => -1,
            Dir::Next => 1,
            Dir::This => 0,
        };
        let j = i + 1;
        match self.lex(j) {
            Lex::Unit(u, p) => {
                let plural = matches!(p, Plural::Pl)
                    || (p == Plural::SgPl && !self.word_is(i, &["vergangenem", "letztem"]));
                if plural {
                    if u == Unit::Weekend || u < Unit::Hour {
                        return None;
                    }
                    return Some((
                        j + 1,
                        match dir {
                            Dir::Next => Sem::Ref("FUTURE_REF"),
                            _ => Sem::Duration(duration(&[(Amount::Unknown, u)])),
                        },
                    ));
                }
                match u {
                    Unit::Day => {
                        if dir == Dir::Next {
                            Some((j + 1, Sem::Anchor(1)))
                        } else {
                            None
                        }
                    }
                    Unit::Weekend => Some((j + 1, Sem::Weekend(Some(dir)))),
                    Unit::Week
                    | Unit::Month
                    | Unit::Quarter
                    | Unit::HalfYear
                    | Unit::Year
                    | Unit::Decade
                    | Unit::Century => Some((j + 1, Sem::Rel(u, off))),
                    _ => None,
                }
            }
            Lex::Number(_) | Lex::Few => {
                let (e, s) = self.duration_at(j)?;
                Some((e, s))
            }
            _ if self.t(j).is_num() => {
                let (e, s) = self.duration_at(j)?;
                matches!(s, Sem::Duration(_)).then_some((e, s))
            }
            Lex::Month(m) => Some((
                j + 1,
                Sem::Date {
                    y: match dir {
                        Dir::Past => YearSpec::Before,
                        Dir::Next => YearSpec::After,
                        Dir::This => YearSpec::Rel(0),
                    },
                    m,
                    d: 0,
                },
            )),
            Lex::Weekday(wd) => {
                let day = DaySpec::Weekday(wd, Some(dir));
                match self.lex(j + 1) {
                    // `nächsten Montag Nachmittag`
                    Lex::DayPart(part) => Some((j + 2, Sem::Part { day, part })),
                    _ => Some((j + 1, Sem::Weekday { wd, dir: Some(dir) })),
                }
            }
            // `in der vergangenen Nacht` (last night), `am nächsten Morgen` (the morning
            // after the day spoken of), `in der nächsten Nacht` (that day's night)
            Lex::DayPart(part) => {
                let day = match (dir, part) {
                    (Dir::Past, _) => DaySpec::Rel(-1),
                    (Dir::Next, Part::Night) => DaySpec::Anchor(0),
                    (Dir::Next, _) => DaySpec::Anchor(1),
                    (Dir::This, _) => return None,
                };
                Some((j + 1, Sem::Part { day, part }))
            }
            Lex::Deictic(Deictic::Tomorrow) if self.t(j).upper && dir == Dir::Next => Some((
                j + 1,
                Sem::Part {
                    day: DaySpec::Anchor(1),
                    part: Part::Morning,
                },
            )),
            // `in den letzten paar Tagen`
            Lex::Fw(Fw::Paar) => match self.lex(j + 1) {
                Lex::Unit(u, Plural::Pl | Plural::SgPl) if u >= Unit::Day && u != Unit::Weekend => {
                    Some((j + 2, Sem::Duration(duration(&[(Amount::Unknown, u)]))))
                }
                _ => None,
            },
            Lex::WeekdayPart(wd, part) => Some((
                j + 1,
                Sem::Part {
                    day: DaySpec::Weekday(wd, Some(dir)),
                    part,
                },
            )),
            Lex::Season(s, false) => Some((
                j + 1,
                Sem::Season {
                    y: match dir {
                        Dir::Past => YearSpec::Before,
                        Dir::Next => YearSpec::After,
                        Dir::This => YearSpec::Rel(0),
                    },
                    s,
                },
            )),
            Lex::Zeit => Some((
                j + 1,
                Sem::Ref(match dir {
                    Dir::Past => "PAST_REF",
                    Dir::Next => "FUTURE_REF",
                    Dir::This => "PRESENT_REF",
                }),
            )),
            _ => None,
        }
    }

    /// After `übernächste`, `vorletzten`: two weeks, months, years on or back.
    fn far(&self, i: usize, dir: Dir) -> R {
        let off = if dir == Dir::Past { -2 } else { 2 };
        match self.lex(i + 1) {
            Lex::Unit(
                u @ (Unit::Week
                | Unit::Month
                | Unit::Quarter
                | Unit::HalfYear
                | Unit::Year
                | Unit::Decade
                | Unit::Century),
                Plural::Sg | Plural::Gen,
            ) => Some((i + 2, Sem::Rel(u, off))),
            _ => None,
        }
    }

    /// `früheren Zeiten`, `am frühen Abend`.
    fn earlier(&self, i: usize) -> R {
        match self.lex(i + 1) {
            Lex::Zeit => Some((i + 2, Sem::Ref("PAST_REF"))),
            Lex::DayPart(part) if i > 0 && self.fw(i - 1, Fw::Am) => Some((
                i + 2,
                Sem::Part {
                    day: DaySpec::Context,
                    part,
                },
            )),
            _ => None,
        }
    }

    /// After an article: the article belongs to a temporal noun phrase.
    fn article(&self, i: usize) -> R {
        let j = i + 1;
        match self.lex(j) {
            Lex::Rel(dir) => self.relative(j, dir),
            Lex::Far(dir) => self.far(j, dir),
            Lex::Earlier => self.earlier(j),
            Lex::Approx => self.approx(j),
            Lex::Number(_) | Lex::Few => match self.duration_at(j) {
                Some((e, s @ Sem::Duration(_))) => Some((e, s)),
                _ => None,
            },
            Lex::Ordinal(n) => match self.ordinal(j, n) {
                Some((e, s @ (Sem::Quarter { .. } | Sem::Half { .. } | Sem::Century(_))))
                | Some((e, s @ (Sem::Millennium(_) | Sem::Movable { .. })))
                | Some((e, s @ Sem::Date { .. })) => Some((e, s)),
                _ => None,
            },
            Lex::Decade(d) => self.decade_word(j, d),
            Lex::DecadeYears(d) => Some((j + 1, Sem::Decade(190 + d as i32))),
            Lex::Unit(Unit::Year, _) => match self.unit(j, Unit::Year, Plural::Sg, j) {
                Some((_, e, s @ Sem::Date { .. })) => Some((e, s)),
                _ => None,
            },
            Lex::Deictic(
                d @ (Deictic::Future | Deictic::Past | Deictic::Present | Deictic::LastYear),
            ) => self.deictic(j, d, j).map(|(_, e, s)| (e, s)),
            Lex::Deictic(Deictic::LastYearGen) => Some((j + 1, Sem::Rel(Unit::Year, -1))),
            Lex::Season(s, true) => Some((
                j + 1,
                Sem::Season {
                    y: YearSpec::Tense,
                    s,
                },
            )),
            Lex::Month(m) => match self.month(j, m) {
                Some((e, s)) if e > j + 1 => Some((e, s)),
                _ => None,
            },
            _ if self.t(j).is_num() => {
                let t = self.t(j);
                match self.numeric_date(j, t.num, t.digits) {
                    Some((e, s @ (Sem::Century(_) | Sem::Millennium(_)))) => Some((e, s)),
                    Some((e, s @ Sem::Date { d: 1.., .. })) if e > j + 2 => Some((e, s)),
                    _ => match self.decade_suffix(j, t.num) {
                        Some(r) => Some(r),
                        None => match self.duration_at(j) {
                            Some((e, s @ Sem::Duration(_))) => Some((e, s)),
                            _ => None,
                        },
                    },
                }
            }
            _ => None,
        }
    }

    /// After `dieser`, `diese`, `diesem`: this year, this week, these days.
    fn demonstrative(&self, i: usize) -> R {
        let mut j = i + 1;
        // `dieser schwierigen Zeit`
        if self.t(j).is_word()
            && !self.t(j).upper
            && self.lex(j) == Lex::None
            && self.lex(j + 1) == Lex::Zeit
        {
            j += 1;
        }
        match self.lex(j) {
            Lex::Unit(u, p) => {
                if matches!(p, Plural::Pl) || (p == Plural::SgPl && self.word_is(i, &["diese"])) {
                    return if u == Unit::Day {
                        Some((j + 1, Sem::Ref("PRESENT_REF")))
                    } else {
                        None
                    };
                }
                match u {
                    Unit::Day => Some((j + 1, Sem::Anchor(0))),
                    Unit::Weekend => Some((j + 1, Sem::Weekend(Some(Dir::This)))),
                    Unit::Week
                    | Unit::Month
                    | Unit::Quarter
                    | Unit::HalfYear
                    | Unit::Year
                    | Unit::Decade
                    | Unit::Century => Some((j + 1, Sem::Rel(u, 0))),
                    _ => None,
                }
            }
            Lex::Season(s, _) => Some((
                j + 1,
                Sem::Season {
                    y: YearSpec::Rel(0),
                    s,
                },
            )),
            Lex::Month(m) => Some((
                j + 1,
                Sem::Date {
                    y: YearSpec::Rel(0),
                    m,
                    d: 0,
                },
            )),
            Lex::Weekday(wd) => Some((j + 1, Sem::Weekday { wd, dir: None })),
            Lex::Zeit => Some((j + 1, Sem::Ref("TENSE_REF"))),
            // `diesen Abend`, `an diesem Morgen`: the day spoken of
            Lex::DayPart(part) => Some((
                j + 1,
                Sem::Part {
                    day: DaySpec::Context,
                    part,
                },
            )),
            Lex::Deictic(Deictic::Tomorrow) if self.t(j).upper => Some((
                j + 1,
                Sem::Part {
                    day: DaySpec::Context,
                    part: Part::Morning,
                },
            )),
            _ => None,
        }
    }

    /// `jeden Montag`, `jedes Jahr`, `jeden zweiten Donnerstag`, `jedem Montagabend`.
    fn every(&self, i: usize) -> R {
        let mut j = i + 1;
        let mut n = 1u8;
        if let Lex::Ordinal(k) = self.lex(j) {
            n = k;
            j += 1;
        }
        // the day of a set a clock time may follow (`jeden Montag um 16 Uhr`)
        let (day, part) = match self.lex(j) {
            Lex::Weekday(wd) => (Some(format!("XXXX-WXX-{wd}")), None),
            Lex::WeekdayPart(wd, part) => (Some(format!("XXXX-WXX-{wd}")), Some(part)),
            Lex::Unit(Unit::Day, Plural::Sg) if n == 1 => (Some("XXXX-XX-XX".into()), None),
            Lex::DayPart(part) => (Some("XXXX-XX-XX".into()), Some(part)),
            _ => (None, None),
        };
        if let Some(day) = day
            && self.fw(j + 1, Fw::Um)
            && let Some((h, min, k, sep)) = self.clock(j + 2)
            && (sep || self.lex(k) == Lex::Uhr)
        {
            let e = if self.lex(k) == Lex::Uhr { k + 1 } else { k };
            let h = match (self.lex(e), part) {
                (Lex::DayPartAdv(p), _) | (_, Some(p)) => afternoon(h, p),
                _ => h,
            };
            return Some((e, Sem::Set(format!("{day}T{h:02}:{min:02}"))));
        }
        let (e, v) = match self.lex(j) {
            Lex::Weekday(wd) => (j + 1, format!("XXXX-WXX-{wd}")),
            Lex::WeekdayPart(wd, part) => (j + 1, format!("XXXX-WXX-{wd}T{}", part.code())),
            Lex::Unit(u, Plural::Sg) if u != Unit::Weekend || n == 1 => {
                (j + 1, duration(&[(Amount::Tenths(n as u32 * 10), u)]))
            }
            Lex::DayPart(part) => (j + 1, format!("XXXX-XX-XXT{}", part.code())),
            Lex::Deictic(Deictic::Tomorrow) if self.t(j).upper => (j + 1, "XXXX-XX-XXTMO".into()),
            Lex::Month(m) => (j + 1, format!("XXXX-{m:02}")),
            Lex::Season(s, false) => (j + 1, format!("XXXX-{}", season_code(s))),
            _ => return None,
        };
        // `jeden dritten Mittwoch im Monat`
        if self.fw(e, Fw::Im) && self.lex(e + 1) == Lex::Unit(Unit::Month, Plural::Sg) {
            return Some((e + 2, Sem::Set(v)));
        }
        Some((e, Sem::Set(v)))
    }

    /// `alle vier Jahre`, `alle paar Jahre`.
    fn all(&self, i: usize) -> R {
        let (amount, j) = match self.lex(i + 1) {
            Lex::Fw(Fw::Paar) => (Amount::Unknown, i + 2),
            _ => self.amount(i + 1)?,
        };
        match self.lex(j) {
            Lex::Unit(u, Plural::Pl | Plural::SgPl) if u >= Unit::Hour && u != Unit::Weekend => {
                Some((j + 1, Sem::Set(duration(&[(amount, u)]))))
            }
            _ => None,
        }
    }

    /// `einigen Jahren`, `wenigen Tagen`, `mehrere Jahre`.
    fn few(&self, i: usize) -> R {
        match self.lex(i + 1) {
            Lex::Unit(u, Plural::Pl | Plural::SgPl) if u >= Unit::Minute && u != Unit::Weekend => {
                Some((i + 2, Sem::Duration(duration(&[(Amount::Unknown, u)]))))
            }
            _ => None,
        }
    }

    /// `gut fünf Jahren`, `fast genau drei Jahren`, `rund 200 Stunden`.
    fn approx(&self, i: usize) -> R {
        // `den ganzen Tag`, `die ganze Woche` (not `das ganze Jahr 2015`)
        if self.word_is(i, &["ganze", "ganzen", "ganzes"])
            && let Lex::Unit(u, Plural::Sg) = self.lex(i + 1)
            && u >= Unit::Hour
            && u != Unit::Weekend
            && self.year_at(i + 2).is_none()
        {
            return Some((i + 2, Sem::Duration(duration(&[(Amount::Tenths(10), u)]))));
        }
        let mut j = i + 1;
        if self.lex(j) == Lex::Approx {
            j += 1;
        }
        match self.duration_at(j) {
            Some((e, s @ Sem::Duration(_))) => Some((e, s)),
            _ => None,
        }
    }

    /// `Anfang März`, `Mitte der 90er-Jahre`, `Ende dieses Jahres`, `Beginn des 19.
    /// Jahrhunderts`, `Anfang 2023`: the value is that of the period.
    fn part_of(&self, i: usize) -> R {
        let j = i + 1;
        if let Some(y) = self.year_at(j) {
            return Some((j + 1, date_y(y)));
        }
        if let Some((m, e)) = self.month_name(j)
            && matches!(self.lex(j), Lex::Month(_))
        {
            let (y, e) = self.year_after(e).unwrap_or((YearSpec::Tense, e));
            return Some((e, Sem::Date { y, m, d: 0 }));
        }
        if let Some((y, e)) = self.year_after(j) {
            return Some((e, date_ys(y)));
        }
        let mut k = j;
        let det = matches!(self.lex(k), Lex::Article | Lex::Demonstrative);
        if det {
            k += 1;
        }
        match self.lex(k) {
            Lex::Decade(d) => self.decade_word(k, d),
            Lex::DecadeYears(d) => Some((k + 1, Sem::Decade(190 + d as i32))),
            Lex::Season(s, _) => {
                let this = self.lex(k - 1) == Lex::Demonstrative;
                let (y, e) = self.year_after(k + 1).unwrap_or((
                    if this {
                        YearSpec::Rel(0)
                    } else {
                        YearSpec::Tense
                    },
                    k + 1,
                ));
                Some((e, Sem::Season { y, s }))
            }
            Lex::Rel(dir) if det || matches!(self.lex(k + 1), Lex::Unit(_, Plural::Gen)) => {
                match self.relative(k, dir) {
                    Some((e, s @ Sem::Rel(..))) => Some((e, s)),
                    _ => None,
                }
            }
            Lex::Unit(u @ (Unit::Week | Unit::Month | Unit::Year | Unit::Decade), Plural::Gen)
            | Lex::Unit(u @ Unit::Week, Plural::Sg)
                if det =>
            {
                Some((k + 1, Sem::Rel(u, 0)))
            }
            Lex::Deictic(Deictic::LastYearGen) => Some((k + 1, Sem::Rel(Unit::Year, -1))),
            _ if self.t(k).is_num() && det => {
                let t = self.t(k);
                match self.numeric_date(k, t.num, t.digits) {
                    Some((e, s @ (Sem::Century(_) | Sem::Millennium(_)))) => Some((e, s)),
                    _ => self.decade_suffix(k, t.num),
                }
            }
            _ => None,
        }
    }

    fn deictic(&self, i: usize, d: Deictic, floor: usize) -> Option<(usize, usize, Sem)> {
        use Deictic as D;
        let upper = self.t(i).upper;
        let one = |s: Sem| Some((i, i + 1, s));
        let day_part = |off: i32| -> Option<(usize, usize, Sem)> {
            let part = match self.lex(i + 1) {
                Lex::DayPart(p) => p,
                Lex::DayPartAdv(p) => p,
                Lex::Deictic(D::Tomorrow) if self.t(i + 1).upper => Part::Morning,
                _ if self.word_is(i + 1, &["früh"]) => Part::Morning,
                _ => return None,
            };
            Some((
                i,
                i + 2,
                Sem::Part {
                    day: DaySpec::Rel(off),
                    part,
                },
            ))
        };
        match d {
            D::Today => day_part(0).or_else(|| one(Sem::Ref("PRESENT_REF"))),
            D::Yesterday => day_part(-1).or_else(|| one(Sem::Rel(Unit::Day, -1))),
            D::DayBeforeYesterday => one(Sem::Rel(Unit::Day, -2)),
            D::DayAfterTomorrow => one(Sem::Rel(Unit::Day, 2)),
            D::Tomorrow => {
                // `am morgen`, in any case, is no `tomorrow`
                if !upper && i > 0 && self.fw(i - 1, Fw::Am) {
                    return one(Sem::Part {
                        day: DaySpec::Context,
                        part: Part::Morning,
                    });
                }
                if upper && !self.sentence_start(i) {
                    // `am Morgen`, `heute Morgen`: the morning
                    if i > 0 && self.fw(i - 1, Fw::Am) {
                        return one(Sem::Part {
                            day: DaySpec::Context,
                            part: Part::Morning,
                        });
                    }
                    return None;
                }
                day_part(1).or_else(|| one(Sem::Rel(Unit::Day, 1)))
            }
            // `Zukunft`, `Vergangenheit`, `Gegenwart` name a time after `in` (`in Zukunft`, `in
            // der Vergangenheit`, `in naher Zukunft`, `zur Gegenwart`); elsewhere mostly an
            // idea (`die Zukunft ihres Lebens`, `NS-Vergangenheit`), not annotated in KRAUTS
            D::Future | D::Past | D::Present if !self.after_in(i) => None,
            // `künftige`, `zukünftigen`: an attribute (`seiner künftigen Schwägerin`)
            D::FutureAdj => None,
            D::Now | D::Currently | D::Nowadays | D::Todays | D::Present => {
                one(Sem::Ref("PRESENT_REF"))
            }
            D::Then | D::Once | D::Past => one(Sem::Ref("PAST_REF")),
            D::Formerly => {
                if self.fw(i + 1, Fw::Als) {
                    None
                } else {
                    one(Sem::Ref("PAST_REF"))
                }
            }
            D::Soon | D::Future => one(Sem::Ref("FUTURE_REF")),
            D::ThisYear => one(Sem::Rel(Unit::Year, 0)),
            D::LastYear | D::LastYearGen => one(Sem::Rel(Unit::Year, -1)),
            D::LastMonth => one(Sem::Rel(Unit::Month, -1)),
            D::LastWeek => one(Sem::Rel(Unit::Week, -1)),
            D::DayBefore => one(Sem::Anchor(-1)),
            D::Recently => {
                // `vor kurzem` is handled at `kurzem`; `kürzlich` is rarely annotated
                let _ = floor;
                None
            }
        }
    }

    /// Whether the noun at `i` follows `in`, `zur` or `in` with an article or an adjective:
    /// `in Zukunft`, `in der Vergangenheit`, `in naher Zukunft`, `zur Vergangenheit`.
    fn after_in(&self, i: usize) -> bool {
        let at = |k: usize, f: Fw| i >= k && self.fw(i - k, f);
        at(1, Fw::In)
            || at(1, Fw::Zur)
            || (at(2, Fw::In)
                && (self.lex(i - 1) == Lex::Article
                    || self.word_is(
                        i - 1,
                        &[
                            "naher",
                            "nächster",
                            "ferner",
                            "jüngster",
                            "jüngerer",
                            "absehbarer",
                        ],
                    )))
    }

    /// `zweimal wöchentlich`, `einmal im Monat`, `dreimal pro Woche`.
    fn times(&self, i: usize) -> R {
        match self.lex(i + 1) {
            Lex::Freq(u) => Some((i + 2, Sem::Set(duration(&[(Amount::Tenths(10), u)])))),
            Lex::Fw(Fw::Im | Fw::Pro | Fw::Am | Fw::Je) => match self.lex(i + 2) {
                Lex::Unit(u, Plural::Sg) if u != Unit::Weekend => {
                    Some((i + 3, Sem::Set(duration(&[(Amount::Tenths(10), u)]))))
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// `pro Jahr`, `je zwei Wochen`, `500 Menschen im Jahr`.
    fn per(&self, i: usize) -> R {
        if self.fw(i, Fw::Je) {
            let (amount, j) = self.amount(i + 1)?;
            return match self.lex(j) {
                Lex::Unit(u, _) if u != Unit::Weekend => {
                    Some((j + 1, Sem::Set(duration(&[(amount, u)]))))
                }
                _ => None,
            };
        }
        let u = match self.lex(i + 1) {
            Lex::Unit(u, Plural::Sg) if u >= Unit::Hour && u != Unit::Weekend => u,
            _ => return None,
        };
        if self.fw(i, Fw::Im) {
            // only after a quantity: `500 Menschen im Jahr`, `1000 Euro im Monat`
            if !matches!(u, Unit::Year | Unit::Month) {
                return None;
            }
            let q = (i.saturating_sub(3)..i).any(|k| self.t(k).is_num());
            let next = self.lex(i + 2);
            if !q
                || self.t(i + 2).is_num()
                || matches!(
                    next,
                    Lex::Article | Lex::Fw(Fw::Zuvor | Fw::Danach | Fw::Darauf)
                )
            {
                return None;
            }
        }
        Some((i + 2, Sem::Set(duration(&[(Amount::Tenths(10), u)]))))
    }

    /// `zur Zeit`, `zur Stunde`: the present.
    fn zur(&self, i: usize) -> R {
        match self.lex(i + 1) {
            Lex::Zeit if self.word_is(i + 1, &["zeit"]) => Some((i + 2, Sem::Ref("PRESENT_REF"))),
            Lex::Unit(Unit::Hour, Plural::Sg) => Some((i + 2, Sem::Ref("PRESENT_REF"))),
            _ => None,
        }
    }

    /// `vor kurzem`.
    fn vor_kurzem(&self, i: usize) -> bool {
        self.fw(i, Fw::Vor) && self.word_is(i + 1, &["kurzem"])
    }
}

/// The hour `h` of a clock read in part of the day `part`: 8 in the evening is 20.
fn afternoon(h: u8, part: Part) -> u8 {
    match (part, h) {
        (Part::Afternoon | Part::Evening, 1..=11)
        | (Part::Night, 6..=11)
        | (Part::Midday, 1..=3) => h + 12,
        (Part::Evening | Part::Night, 12) => 0,
        _ => h,
    }
}

/// The year of a two-digit year: `24` is 2024, `98` is 1998.
fn two_digit_year(y: u32) -> i32 {
    2000 + y as i32 - if y > 50 { 100 } else { 0 }
}

fn date_y(y: i32) -> Sem {
    Sem::Date {
        y: YearSpec::Abs(y),
        m: 0,
        d: 0,
    }
}

fn date_ys(y: YearSpec) -> Sem {
    match y {
        YearSpec::Rel(off) => Sem::Rel(Unit::Year, off),
        y => Sem::Date { y, m: 0, d: 0 },
    }
}

pub(crate) fn season_code(s: u8) -> &'static str {
    ["SP", "SU", "FA", "WI"][s as usize % 4]
}

fn holiday(h: Holiday, y: YearSpec) -> Sem {
    match h {
        Holiday::Fixed(m, d) => Sem::Date { y, m, d },
        h => Sem::Movable { y, h },
    }
}
