//! The words the tagger knows: month and weekday names, units of time, number words, the
//! few function words its rules look at, and the verb forms that tell a sentence's tense.
//!
//! Every word is looked up once, lower-cased, in one hash map built on first use from the
//! word tables of [`words`] (data: a table, or a text file, per class of words).

mod words;

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use words::*;

/// A unit of time, as durations and relative expressions count it (shortest first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    HalfYear,
    Year,
    Decade,
    Century,
    Millennium,
}

impl Unit {
    /// The TIMEX3 duration letters (`P2Y`, `PT3H`): whether it needs the `T`, and the code.
    pub(crate) fn code(self) -> (bool, &'static str) {
        match self {
            Unit::Second => (true, "S"),
            Unit::Minute => (true, "M"),
            Unit::Hour => (true, "H"),
            Unit::Day => (false, "D"),
            Unit::Week => (false, "W"),
            Unit::Weekend => (false, "WE"),
            Unit::Month => (false, "M"),
            Unit::Quarter => (false, "Q"),
            Unit::HalfYear => (false, "H"),
            Unit::Year => (false, "Y"),
            Unit::Decade => (false, "DE"),
            Unit::Century => (false, "CE"),
            Unit::Millennium => (false, "ML"),
        }
    }
}

/// Grammatical number of a unit word (`Jahr`/`Jahres` singular, `Jahre`/`Jahren` plural).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Plural {
    Sg,
    /// Genitive singular (`des Jahres`): singular, but also the form after `Ende`, `Anfang`.
    Gen,
    Pl,
    /// `Jahre`: plural, or the old dative singular (`im Jahre 1910`).
    SgPl,
}

/// A part of the day (TIMEX3 `MO`, `MI`, `AF`, `EV`, `NI`, and `DT` for the daytime).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    Morning,
    Midday,
    Afternoon,
    Evening,
    Night,
}

impl Part {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Part::Morning => "MO",
            Part::Midday => "MI",
            Part::Afternoon => "AF",
            Part::Evening => "EV",
            Part::Night => "NI",
        }
    }
}

/// Direction of a relative word: `vergangene`, `nächste`, `diese`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dir {
    Past,
    Next,
    This,
}

/// Words that name a time relative to the moment of writing, or vaguely.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Deictic {
    Today,
    Yesterday,
    DayBeforeYesterday,
    Tomorrow,
    DayAfterTomorrow,
    Now,
    Currently,
    Then,
    Formerly,
    Once,
    Soon,
    ThisYear,
    LastYear,
    LastYearGen,
    LastMonth,
    LastWeek,
    DayBefore,
    Nowadays,
    Todays,
    Future,
    FutureAdj,
    Past,
    Present,
    Recently,
}

/// Small function words and markers the rules test for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fw {
    Bis,
    Und,
    Oder,
    Von,
    Vom,
    Zum,
    Zur,
    Seit,
    Vor,
    Nach,
    Im,
    Am,
    Um,
    Ab,
    Gegen,
    In,
    Als,
    Mehr,
    Weniger,
    Pro,
    Je,
    Alt,
    Lang,
    /// `lange` (`lange Jahre`, `17 lange Jahre`).
    Lange,
    Zuvor,
    Spaeter,
    Danach,
    Darauf,
    Frueh,
    Spaet,
    Jeweils,
    Zwischen,
    Ueber,
    Fuer,
    Paar,
    Halb,
    /// `Viertel` (`Viertel nach acht`).
    Viertel,
    /// `dreiviertel` (`dreiviertel acht`: 7:45).
    Dreiviertel,
    Halbe,
    Alter,
    Jung,
    Innerhalb,
    Binnen,
    Seitdem,
    Gleich,
    Selb,
    Tags,
    Heilig,
    Mit,
}

/// Words that close a sentence's tense: finite forms of the auxiliaries, common past forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TenseWord {
    /// A simple-past form: `war`, `wurde`, `hatte`, `sagte`, `gab`.
    Past,
    /// An auxiliary of the perfect: `hat`, `ist` (past only with a participle).
    Perfect,
    /// A future or intention: `wird`, `werden`, `soll`.
    Future,
}

/// Holidays with a fixed or computable date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holiday {
    Fixed(u8, u8),
    /// Days after Easter Sunday (negative: before).
    Easter(i16),
    /// Days after the first Sunday of Advent (negative: before).
    Advent(i16),
    /// The `n`-th Sunday of a month (month, n): `Muttertag`, `Erntedankfest`.
    Sunday(u8, u8),
}

/// What the tagger knows about a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Lex {
    #[default]
    None,
    Month(u8),
    /// An abbreviated month (`Jan`, `Sept`), only read before a dot or after a day.
    MonthAbbr(u8),
    Weekday(u8),
    /// `Sonntagmorgen`, `Mittwochabend`.
    WeekdayPart(u8, Part),
    /// `Abend`, `Nachmittag`, `Morgen` (the noun).
    DayPart(Part),
    /// `morgens`, `abends`, `nachts`.
    DayPartAdv(Part),
    /// Season 0..4 = spring, summer, autumn, winter; `months` for `Sommermonate`.
    Season(u8, bool),
    Unit(Unit, Plural),
    /// A number word, in tenths (`zwei` = 20, `eineinhalb` = 15).
    Number(u32),
    /// An ordinal word (`ersten`, `dritten`).
    Ordinal(u8),
    /// `zwanziger` .. `neunziger` (the tens digit).
    Decade(u8),
    /// `Zwanzigerjahre`, `Achtzigerjahren` (the tens digit).
    DecadeYears(u8),
    Rel(Dir),
    /// `übernächste`, `vorletzte`: two units on (`Next`) or back (`Past`).
    Far(Dir),
    /// `frühere`, `früheren` (times past).
    Earlier,
    Article,
    Demonstrative,
    /// `jeder`, `jede`, `jedes`, `jedem`, `jeden`.
    Every,
    /// `alle`.
    All,
    /// `einige`, `wenige`, `mehrere`, `viele`: an unknown number.
    Few,
    /// `gut`, `knapp`, `rund`, `etwa`: words that may precede a quantity.
    Approx,
    /// `Anfang`, `Mitte`, `Ende`, `Beginn`.
    PartOf,
    /// `Hälfte`.
    Half,
    /// `Jahreshälfte`.
    YearHalf,
    Deictic(Deictic),
    Uhr,
    /// `Mitternacht`.
    Midnight,
    /// `täglich`, `jährlich` (and their inflections).
    Freq(Unit),
    /// `einmal`, `zweimal` (how many times).
    Times(u8),
    /// `jahrelang`, `tagelang`, `langjährig`.
    Lasting(Unit),
    Holiday(Holiday),
    /// `Advent`, `Adventssonntag`: a Sunday of Advent after an ordinal (`3. Advent`).
    Advent,
    /// `Weihnachtstag`, `Weihnachtsfeiertag`: after an ordinal, 25 or 26 December.
    ChristmasDay,
    /// `Zeit`, `Zeiten`.
    Zeit,
    /// `Zeitpunkt`, `Moment`, `Stunde` (as in `zur Stunde`).
    Moment,
    /// Nouns counted by numbers, after which a four-digit number is no year (`Euro`).
    Measure,
    Fw(Fw),
    Tense(TenseWord),
}

impl Lex {
    /// Whether an expression may begin with a word of this kind.
    pub(crate) fn can_start(self) -> bool {
        !matches!(
            self,
            Lex::None
                | Lex::Measure
                | Lex::Tense(_)
                | Lex::Uhr
                | Lex::Zeit
                | Lex::Moment
                | Lex::Advent
        ) && !matches!(
            self,
            Lex::Fw(
                Fw::Und
                    | Fw::Oder
                    | Fw::Bis
                    | Fw::Von
                    | Fw::Vom
                    | Fw::Zum
                    | Fw::Seit
                    | Fw::Nach
                    | Fw::Um
                    | Fw::Ab
                    | Fw::Gegen
                    | Fw::Als
                    | Fw::Alt
                    | Fw::Lang
                    | Fw::Zuvor
                    | Fw::Spaeter
                    | Fw::Danach
                    | Fw::Darauf
                    | Fw::Frueh
                    | Fw::Spaet
                    | Fw::Jeweils
                    | Fw::Zwischen
                    | Fw::Ueber
                    | Fw::Fuer
                    | Fw::Alter
                    | Fw::Jung
                    | Fw::Innerhalb
                    | Fw::Binnen
                    | Fw::Seitdem
                    | Fw::Gleich
                    | Fw::Selb
                    | Fw::Mit
                    | Fw::Paar
            )
        )
    }
}

/// Ordinal stems that are not the cardinal and `t` (`erst`, not `einst`).
const IRREGULAR_ORDINALS: [(u32, &str); 4] = [(1, "erst"), (3, "dritt"), (7, "siebt"), (8, "acht")];

/// Cardinals that are not composed of [`ONES`] and [`TENS`].
const IRREGULAR_CARDINALS: [(u32, &str); 5] = [
    (1, "eins"),
    (11, "elf"),
    (12, "zwölf"),
    (16, "sechzehn"),
    (17, "siebzehn"),
];

/// Ordinal stems 1..=31 (`erst`, `zweit`, ..., `einunddreißigst`).
fn ordinal_stem(n: u32) -> String {
    if let Some(&(_, stem)) = IRREGULAR_ORDINALS.iter().find(|(k, _)| *k == n) {
        return stem.into();
    }
    match n {
        2..=19 => format!("{}t", cardinal(n)),
        _ => format!("{}st", cardinal(n)),
    }
}

/// The number word of `n` (1..=99).
fn cardinal(n: u32) -> String {
    if let Some(&(_, w)) = IRREGULAR_CARDINALS.iter().find(|(k, _)| *k == n) {
        return w.into();
    }
    match n {
        13..=19 => format!("{}zehn", ONES[(n % 10) as usize]),
        _ if n.is_multiple_of(10) => TENS[(n / 10) as usize].into(),
        _ if n < 10 => ONES[n as usize].into(),
        _ => format!("{}und{}", ONES[(n % 10) as usize], TENS[(n / 10) as usize]),
    }
}

/// The words of a text list: one a line, `#` starting a comment line.
fn listed(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Every word the tagger knows, from the tables in [`words`] and the forms derived from them.
/// A word in two tables takes the meaning of the later one.
fn build() -> FxHashMap<String, Lex> {
    let mut m: FxHashMap<String, Lex> = FxHashMap::default();
    let mut put = |w: &str, l: Lex| {
        m.insert(w.to_string(), l);
    };
    for (i, name) in MONTHS.iter().enumerate() {
        put(name, Lex::Month(i as u8 + 1));
    }
    for &(w, i) in MONTH_VARIANTS {
        put(w, Lex::Month(i));
    }
    for &(w, i) in MONTH_ABBREVIATIONS {
        put(w, Lex::MonthAbbr(i));
    }
    let names = WEEKDAYS.iter().enumerate().map(|(i, n)| (i as u8 + 1, *n));
    for (d, name) in names.chain(WEEKDAY_VARIANTS.iter().map(|&(n, d)| (d, n))) {
        put(name, Lex::Weekday(d));
        put(&format!("{name}s"), Lex::Weekday(d));
        for &(p, part) in WEEKDAY_PARTS {
            // `Dienstagabend`, `Dienstagabends`, `dienstagsabends`
            put(&format!("{name}{p}"), Lex::WeekdayPart(d, part));
            put(&format!("{name}{p}s"), Lex::WeekdayPart(d, part));
            put(&format!("{name}s{p}s"), Lex::WeekdayPart(d, part));
        }
    }
    for &(w, p) in DAY_PARTS {
        put(w, Lex::DayPart(p));
    }
    for &(w, p) in DAY_PART_ADVERBS {
        put(w, Lex::DayPartAdv(p));
    }
    for &(w, s) in SEASONS {
        put(w, Lex::Season(s, false));
    }
    for &(w, s) in SEASON_MONTHS {
        put(w, Lex::Season(s, true));
    }
    for &(u, forms) in UNITS {
        for &(w, p) in forms {
            put(w, Lex::Unit(u, p));
        }
    }
    for w in YEAR_HALVES {
        put(w, Lex::YearHalf);
    }
    for n in 2..=99u32 {
        put(&cardinal(n), Lex::Number(n * 10));
    }
    for &(w, n) in NUMBER_WORDS {
        put(w, Lex::Number(n));
    }
    for n in 2..=9u32 {
        put(
            &format!("{}einhalb", ONES[n as usize]),
            Lex::Number(n * 10 + 5),
        );
    }
    for n in 1..=31u32 {
        let stem = ordinal_stem(n);
        for end in ADJECTIVE_ENDINGS {
            put(&format!("{stem}{end}"), Lex::Ordinal(n as u8));
        }
    }
    for (i, w) in DECADES.iter().enumerate() {
        let d = i as u8 + 2;
        put(w, Lex::Decade(d));
        put(&format!("{w}n"), Lex::Decade(d));
        for end in ["jahre", "jahren", "jahr"] {
            put(&format!("{w}{end}"), Lex::DecadeYears(d));
        }
    }
    for &(stem, dir, two) in RELATIVE_STEMS {
        let lex = if two { Lex::Far(dir) } else { Lex::Rel(dir) };
        for end in ADJECTIVE_ENDINGS {
            put(&format!("{stem}{end}"), lex);
        }
    }
    let classes: [(&[&str], Lex); 4] = [
        (EARLIER, Lex::Earlier),
        (ARTICLES, Lex::Article),
        (DEMONSTRATIVES, Lex::Demonstrative),
        (EVERY, Lex::Every),
    ];
    for (words, lex) in classes {
        for w in words {
            put(w, lex);
        }
    }
    put("alle", Lex::All);
    for stem in FEW_STEMS {
        for end in FEW_ENDINGS {
            put(&format!("{stem}{end}"), Lex::Few);
        }
    }
    for w in APPROX {
        put(w, Lex::Approx);
    }
    for w in PART_OF {
        put(w, Lex::PartOf);
    }
    put("hälfte", Lex::Half);
    for &(w, d) in DEICTIC {
        put(w, Lex::Deictic(d));
    }
    put("uhr", Lex::Uhr);
    put("mitternacht", Lex::Midnight);
    for &(stem, u) in FREQUENCIES {
        for end in ADJECTIVE_ENDINGS_OR_NONE {
            put(&format!("{stem}{end}"), Lex::Freq(u));
        }
    }
    for &(w, n) in TIMES {
        put(w, Lex::Times(n));
    }
    for &(stem, u) in LASTING {
        for end in ADJECTIVE_ENDINGS_OR_NONE {
            put(&format!("{stem}{end}"), Lex::Lasting(u));
        }
    }
    for &(w, h) in HOLIDAYS {
        put(w, Lex::Holiday(h));
    }
    let classes: [(&[&str], Lex); 4] = [
        (ADVENT, Lex::Advent),
        (CHRISTMAS_DAYS, Lex::ChristmasDay),
        (ZEIT, Lex::Zeit),
        (MOMENT, Lex::Moment),
    ];
    for (words, lex) in classes {
        for w in words {
            put(w, lex);
        }
    }
    for w in listed(MEASURES) {
        put(w, Lex::Measure);
    }
    for &(w, f) in FUNCTION_WORDS {
        put(w, Lex::Fw(f));
    }
    for w in listed(PAST_FORMS) {
        put(w, Lex::Tense(TenseWord::Past));
    }
    for w in PERFECT_AUXILIARIES {
        put(w, Lex::Tense(TenseWord::Perfect));
    }
    for w in FUTURE_WORDS {
        put(w, Lex::Tense(TenseWord::Future));
    }
    m
}

/// The lexicon. A third of a German text's words are in it (articles, prepositions, auxiliary
/// verbs), so lookups must be cheap: words of up to 16 bytes, nearly all of them, are keyed by
/// their bytes packed into one `u128`, hashed and compared without following a pointer; and a
/// filter turns most other words away before they are hashed at all (15% faster tagging).
struct Table {
    short: FxHashMap<u128, Lex>,
    long: FxHashMap<Box<[u8]>, Lex>,
    /// One bit per [`filter_bit`] of the lexicon's words: a word whose bit is clear is not in
    /// the lexicon. 8 KB: it stays in the L1 cache.
    filter: Box<[u64; FILTER_WORDS]>,
}

const FILTER_WORDS: usize = 1024;

/// The filter bit of a lowercased word: its length, first two bytes and last byte mixed.
fn filter_bit(lower: &[u8]) -> usize {
    let n = lower.len();
    let (first, second, last) = (lower[0], lower[n.min(2) - 1], lower[n - 1]);
    let k = (n as u32)
        .wrapping_mul(0x9E37_79B9)
        .wrapping_add(u32::from(first) << 16 | u32::from(second) << 8 | u32::from(last))
        .wrapping_mul(0x85EB_CA6B);
    (k >> 16) as usize % (FILTER_WORDS * 64)
}

/// The most bytes a word packed into a `u128` key has.
const SHORT: usize = 16;

/// A lowercased word as a key of the table.
enum Key<'a> {
    /// Its bytes, zero-padded: words are letters only, never NUL, so lengths stay apart.
    Short(u128),
    Long(&'a [u8]),
}

fn key(lower: &[u8]) -> Key<'_> {
    if lower.len() > SHORT {
        return Key::Long(lower);
    }
    let mut b = [0u8; SHORT];
    b[..lower.len()].copy_from_slice(lower);
    Key::Short(u128::from_le_bytes(b))
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Table {
            short: FxHashMap::default(),
            long: FxHashMap::default(),
            filter: Box::new([0; FILTER_WORDS]),
        };
        for (word, lex) in build() {
            if word.is_empty() {
                continue;
            }
            let bit = filter_bit(word.as_bytes());
            table.filter[bit / 64] |= 1 << (bit % 64);
            match key(word.as_bytes()) {
                Key::Short(k) => table.short.insert(k, lex),
                Key::Long(w) => table.long.insert(w.into(), lex),
            };
        }
        table
    })
}

impl Table {
    /// What the lexicon knows about a lowercased word.
    fn get(&self, lower: &[u8]) -> Lex {
        if lower.is_empty() {
            return Lex::None;
        }
        let bit = filter_bit(lower);
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return Lex::None;
        }
        let found = match key(lower) {
            Key::Short(k) => self.short.get(&k),
            Key::Long(w) => self.long.get(w),
        };
        found.copied().unwrap_or(Lex::None)
    }
}

/// The longest word the tokenizer lowercases for the table, in bytes: no word of the table is
/// longer (a test checks), so longer words are not looked up.
pub(crate) const MAX_WORD: usize = 32;

/// What the tagger knows about a word already in lower case (the tokenizer lowercases ASCII
/// and Latin-1 letters as it scans, see [`latin1_lower`]).
pub(crate) fn lookup_lower(lower: &[u8]) -> Lex {
    table().get(lower)
}

/// The lower case of a Latin-1 letter (À to ÿ) from the second byte of its UTF-8 form, the
/// first being 0xC3; `None` for the two signs among them (× and ÷). Upper and lower case both
/// take two bytes: lowercasing them keeps a word's length and offsets.
pub(crate) fn latin1_lower(second: u8) -> Option<u8> {
    match second {
        0x97 | 0xB7 => None,
        // U+00C0..=U+00DE: capitals (U+00DF is ß), lower case 0x20 above.
        0x80..=0x9E => Some(second + 0x20),
        0x9F..=0xBF => Some(second),
        _ => None,
    }
}

/// `word` in lower case, as the lexicon reads every word: each letter's own lower case, so
/// that `Ä`, `Ö`, `Ü` are `ä`, `ö`, `ü` as `A` is `a` (the tokenizer's [`latin1_lower`] is
/// the same for Latin-1, faster). Rules that compare a word with words of their own fold it
/// so too: `MARIÄ` is `mariä`.
pub(crate) fn folded(word: &str) -> impl Iterator<Item = char> + '_ {
    word.chars().flat_map(char::to_lowercase)
}

/// What the tagger knows about `word` (any case, any letters): the path of words with letters
/// beyond Latin-1, whose lowercasing may change their length (ẞ to ß).
pub(crate) fn lookup(word: &str) -> Lex {
    let mut buf = [0u8; MAX_WORD * 2];
    let mut n = 0;
    for l in folded(word) {
        let mut tmp = [0u8; 4];
        let s = l.encode_utf8(&mut tmp);
        if n + s.len() > buf.len() {
            return Lex::None;
        }
        buf[n..n + s.len()].copy_from_slice(s.as_bytes());
        n += s.len();
    }
    lookup_lower(&buf[..n])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_ordinals() {
        assert_eq!(lookup("einundzwanzig"), Lex::Number(210));
        assert_eq!(lookup("Zwölf"), Lex::Number(120));
        assert_eq!(lookup("dreißig"), Lex::Number(300));
        assert_eq!(lookup("ersten"), Lex::Ordinal(1));
        assert_eq!(lookup("dritten"), Lex::Ordinal(3));
        assert_eq!(lookup("neunundzwanzigsten"), Lex::Ordinal(29));
        assert_eq!(lookup("zwanzigsten"), Lex::Ordinal(20));
        assert_eq!(lookup("siebten"), Lex::Ordinal(7));
        assert_eq!(lookup("dreieinhalb"), Lex::Number(35));
    }

    #[test]
    fn every_word_of_the_lexicon_is_found_in_any_case() {
        // Through the tokenizer, which lowercases most words itself, and through `lookup`.
        let tokenized = |text: &str| {
            let mut toks = Vec::new();
            super::super::token::tokenize(text, &mut toks);
            (toks.len() == 1).then(|| toks[0].lex)
        };
        for (word, lex) in build() {
            let upper = word.to_uppercase();
            let capital: String = word
                .chars()
                .take(1)
                .flat_map(char::to_uppercase)
                .chain(word.chars().skip(1))
                .collect();
            for form in [word.clone(), capital, upper] {
                // Except where upper case loses the word (ß to SS).
                if form.to_lowercase() != word {
                    continue;
                }
                assert_eq!(lookup(&form), lex, "{form}");
                if let Some(found) = tokenized(&form) {
                    assert_eq!(found, lex, "{form}, tokenized");
                }
            }
        }
    }

    #[test]
    fn the_word_lists_hold_lower_case_letters_only() {
        // A capital or a stray character in a table or text file would make its word
        // unreachable: lookups are by the lower case of letters.
        for word in build().keys() {
            assert!(
                word.chars().all(|c| c.is_alphabetic() && !c.is_uppercase()),
                "{word:?}"
            );
        }
        assert!(listed(MEASURES).any(|w| w == "euro"));
        assert!(listed(PAST_FORMS).all(|w| !w.starts_with('#')));
    }

    #[test]
    fn names() {
        assert_eq!(lookup("MÄRZ"), Lex::Month(3));
        assert_eq!(lookup("Jänner"), Lex::Month(1));
        assert_eq!(lookup("Sonntagmorgen"), Lex::WeekdayPart(7, Part::Morning));
        assert_eq!(lookup("neunziger"), Lex::Decade(9));
        assert_eq!(lookup("Achtzigerjahren"), Lex::DecadeYears(8));
        assert_eq!(lookup("Haus"), Lex::None);
    }
}
