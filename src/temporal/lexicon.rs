//! The words the tagger knows: month and weekday names, units of time, number words, the
//! few function words its rules look at, and the verb forms that tell a sentence's tense.
//!
//! Every word is looked up once, lower-cased, in one hash map built on first use.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

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
    Frueher,
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
                    | Fw::Frueher
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

const MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
];

const WEEKDAYS: [&str; 7] = [
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
];

const ONES: [&str; 10] = [
    "", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
];

const TENS: [&str; 10] = [
    "", "zehn", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig",
    "neunzig",
];

/// Ordinal stems 1..=31 (`erst`, `zweit`, ..., `einunddreißigst`).
fn ordinal_stem(n: u32) -> String {
    match n {
        1 => "erst".into(),
        3 => "dritt".into(),
        7 => "siebt".into(),
        8 => "acht".into(),
        2..=19 => format!("{}t", cardinal(n)),
        _ => format!("{}st", cardinal(n)),
    }
}

fn cardinal(n: u32) -> String {
    match n {
        1 => "eins".into(),
        11 => "elf".into(),
        12 => "zwölf".into(),
        16 => "sechzehn".into(),
        17 => "siebzehn".into(),
        13..=19 => format!("{}zehn", ONES[(n % 10) as usize]),
        _ if n % 10 == 0 => TENS[(n / 10) as usize].into(),
        _ if n < 10 => ONES[n as usize].into(),
        _ => format!("{}und{}", ONES[(n % 10) as usize], TENS[(n / 10) as usize]),
    }
}

fn build() -> FxHashMap<String, Lex> {
    let mut m: FxHashMap<String, Lex> = FxHashMap::default();
    let mut put = |w: &str, l: Lex| {
        m.insert(w.to_string(), l);
    };
    for (i, name) in MONTHS.iter().enumerate() {
        put(name, Lex::Month(i as u8 + 1));
    }
    put("jänner", Lex::Month(1));
    put("januars", Lex::Month(1));
    put("jänners", Lex::Month(1));
    put("februars", Lex::Month(2));
    put("feber", Lex::Month(2));
    put("augusts", Lex::Month(8));
    for (w, i) in [
        ("jan", 1),
        ("feb", 2),
        ("febr", 2),
        ("mär", 3),
        ("mrz", 3),
        ("apr", 4),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("sept", 9),
        ("okt", 10),
        ("nov", 11),
        ("dez", 12),
    ] {
        put(w, Lex::MonthAbbr(i));
    }
    let parts = [
        ("morgen", Part::Morning),
        ("früh", Part::Morning),
        ("frühmorgen", Part::Morning),
        ("vormittag", Part::Morning),
        ("mittag", Part::Midday),
        ("nachmittag", Part::Afternoon),
        ("spätnachmittag", Part::Afternoon),
        ("abend", Part::Evening),
        ("spätabend", Part::Evening),
        ("nacht", Part::Night),
    ];
    let names = WEEKDAYS.iter().enumerate().map(|(i, n)| (i as u8 + 1, *n));
    for (d, name) in names.chain([(6, "sonnabend")]) {
        put(name, Lex::Weekday(d));
        put(&format!("{name}s"), Lex::Weekday(d));
        for (p, part) in parts {
            // `Dienstagabend`, `Dienstagabends`, `dienstagsabends`
            put(&format!("{name}{p}"), Lex::WeekdayPart(d, part));
            put(&format!("{name}{p}s"), Lex::WeekdayPart(d, part));
            put(&format!("{name}s{p}s"), Lex::WeekdayPart(d, part));
        }
    }
    for (w, p) in [
        ("vormittag", Part::Morning),
        ("mittag", Part::Midday),
        ("nachmittag", Part::Afternoon),
        ("abend", Part::Evening),
        ("nacht", Part::Night),
        ("vorabend", Part::Evening),
        ("spätabend", Part::Evening),
    ] {
        put(w, Lex::DayPart(p));
    }
    for (w, p) in [
        ("morgens", Part::Morning),
        ("frühmorgens", Part::Morning),
        ("vormittags", Part::Morning),
        ("mittags", Part::Midday),
        ("nachmittags", Part::Afternoon),
        ("abends", Part::Evening),
        ("spätabends", Part::Evening),
        ("spätnachmittags", Part::Afternoon),
        ("nachts", Part::Night),
    ] {
        put(w, Lex::DayPartAdv(p));
    }
    for (w, s) in [
        ("frühling", 0),
        ("frühlings", 0),
        ("frühjahr", 0),
        ("frühjahrs", 0),
        ("sommer", 1),
        ("sommers", 1),
        ("herbst", 2),
        ("herbstes", 2),
        ("herbsts", 2),
        ("winter", 3),
        ("winters", 3),
    ] {
        put(w, Lex::Season(s, false));
    }
    for (w, s) in [
        ("frühlingsmonate", 0),
        ("frühlingsmonaten", 0),
        ("sommermonate", 1),
        ("sommermonaten", 1),
        ("herbstmonate", 2),
        ("herbstmonaten", 2),
        ("wintermonate", 3),
        ("wintermonaten", 3),
    ] {
        put(w, Lex::Season(s, true));
    }
    use Plural::*;
    let units: [(Unit, &[(&str, Plural)]); 13] = [
        (
            Unit::Second,
            &[
                ("sekunde", Sg),
                ("sekunden", Pl),
                ("sek", SgPl),
                ("sec", SgPl),
            ],
        ),
        (
            Unit::Minute,
            &[("minute", Sg), ("minuten", Pl), ("min", SgPl)],
        ),
        (
            Unit::Hour,
            &[("stunde", Sg), ("stunden", Pl), ("std", SgPl)],
        ),
        (
            Unit::Day,
            &[
                ("tag", Sg),
                ("tage", Pl),
                ("tagen", Pl),
                ("tages", Gen),
                ("werktage", Pl),
                ("werktagen", Pl),
                ("arbeitstage", Pl),
                ("arbeitstagen", Pl),
            ],
        ),
        (Unit::Week, &[("woche", Sg), ("wochen", Pl)]),
        (Unit::Weekend, &[("wochenende", Sg), ("wochenenden", Pl)]),
        (
            Unit::Month,
            &[
                ("monat", Sg),
                ("monate", Pl),
                ("monaten", Pl),
                ("monats", Gen),
                ("monates", Gen),
            ],
        ),
        (
            Unit::Quarter,
            &[
                ("quartal", Sg),
                ("quartale", Pl),
                ("quartalen", Pl),
                ("quartals", Gen),
            ],
        ),
        (
            Unit::HalfYear,
            &[
                ("halbjahr", Sg),
                ("halbjahre", Pl),
                ("halbjahren", Pl),
                ("halbjahres", Gen),
                ("halbjahrs", Gen),
            ],
        ),
        (
            Unit::Year,
            &[
                ("jahr", Sg),
                ("jahre", SgPl),
                ("jahren", Pl),
                ("jahres", Gen),
                ("jahrs", Gen),
            ],
        ),
        (
            Unit::Decade,
            &[
                ("jahrzehnt", Sg),
                ("jahrzehnte", Pl),
                ("jahrzehnten", Pl),
                ("jahrzehnts", Gen),
                ("jahrzehntes", Gen),
            ],
        ),
        (
            Unit::Century,
            &[
                ("jahrhundert", Sg),
                ("jahrhunderte", Pl),
                ("jahrhunderten", Pl),
                ("jahrhunderts", Gen),
            ],
        ),
        (
            Unit::Millennium,
            &[
                ("jahrtausend", Sg),
                ("jahrtausende", Pl),
                ("jahrtausenden", Pl),
                ("jahrtausends", Gen),
            ],
        ),
    ];
    for (u, forms) in units {
        for (w, p) in forms {
            put(w, Lex::Unit(u, *p));
        }
    }
    put("jahreshälfte", Lex::YearHalf);
    put("jahreshälften", Lex::YearHalf);
    for n in 2..=99u32 {
        put(&cardinal(n), Lex::Number(n * 10));
    }
    for w in ["ein", "eine", "einem", "einen", "einer", "eines", "eins"] {
        put(w, Lex::Number(10));
    }
    for w in ["zwei", "zweier", "beiden", "beide"] {
        put(w, Lex::Number(20));
    }
    put("dreier", Lex::Number(30));
    put("hundert", Lex::Number(1000));
    put("tausend", Lex::Number(10000));
    put("eineinhalb", Lex::Number(15));
    put("anderthalb", Lex::Number(15));
    for n in 2..=9u32 {
        put(
            &format!("{}einhalb", ONES[n as usize]),
            Lex::Number(n * 10 + 5),
        );
    }
    for n in 1..=31u32 {
        let stem = ordinal_stem(n);
        for end in ["e", "en", "er", "es", "em"] {
            put(&format!("{stem}{end}"), Lex::Ordinal(n as u8));
        }
    }
    for (i, w) in ["zwanziger", "dreißiger", "vierziger", "fünfziger"]
        .iter()
        .chain(&["sechziger", "siebziger", "achtziger", "neunziger"])
        .enumerate()
    {
        let d = i as u8 + 2;
        put(w, Lex::Decade(d));
        put(&format!("{w}n"), Lex::Decade(d));
        for end in ["jahre", "jahren", "jahr"] {
            put(&format!("{w}{end}"), Lex::DecadeYears(d));
        }
    }
    for stem in ["vergangen", "letzt", "vorig", "zurückliegend", "verflossen"] {
        for end in ["e", "en", "er", "es", "em"] {
            put(&format!("{stem}{end}"), Lex::Rel(Dir::Past));
        }
    }
    for stem in ["nächst", "kommend", "folgend", "darauffolgend", "anstehend"] {
        for end in ["e", "en", "er", "es", "em"] {
            put(&format!("{stem}{end}"), Lex::Rel(Dir::Next));
        }
    }
    for stem in ["übernächst"] {
        for end in ["e", "en", "er", "es", "em"] {
            put(&format!("{stem}{end}"), Lex::Far(Dir::Next));
        }
    }
    for stem in ["vorletzt", "vorvorig"] {
        for end in ["e", "en", "er", "es", "em"] {
            put(&format!("{stem}{end}"), Lex::Far(Dir::Past));
        }
    }
    for stem in ["laufend", "aktuell", "heurig", "gegenwärtig"] {
        for end in ["e", "en", "er", "es", "em"] {
            put(&format!("{stem}{end}"), Lex::Rel(Dir::This));
        }
    }
    for w in ["frühere", "früheren", "früherer", "früheres", "frühen"] {
        put(w, Lex::Earlier);
    }
    for w in ["der", "die", "das", "dem", "den", "des"] {
        put(w, Lex::Article);
    }
    for w in ["dieser", "diese", "dieses", "diesem", "diesen"] {
        put(w, Lex::Demonstrative);
    }
    for w in ["jeder", "jede", "jedes", "jedem", "jeden"] {
        put(w, Lex::Every);
    }
    put("alle", Lex::All);
    for stem in ["einig", "wenig", "mehrer", "viel", "etlich"] {
        for end in ["e", "en", "er"] {
            put(&format!("{stem}{end}"), Lex::Few);
        }
    }
    for w in [
        "gut",
        "gute",
        "guten",
        "knapp",
        "knappe",
        "knappen",
        "knappes",
        "rund",
        "etwa",
        "fast",
        "genau",
        "nur",
        "mindestens",
        "höchstens",
        "ungefähr",
        "circa",
        "ca",
        "zirka",
        "lediglich",
        "beinahe",
        "ganze",
        "ganzen",
        "ganzes",
        "volle",
        "vollen",
    ] {
        put(w, Lex::Approx);
    }
    for w in [
        "anfang", "mitte", "ende", "beginn", "anfangs", "endes", "beginns",
    ] {
        put(w, Lex::PartOf);
    }
    put("hälfte", Lex::Half);
    use Deictic as D;
    for (w, d) in [
        ("heute", D::Today),
        ("gestern", D::Yesterday),
        ("vorgestern", D::DayBeforeYesterday),
        ("morgen", D::Tomorrow),
        ("übermorgen", D::DayAfterTomorrow),
        ("jetzt", D::Now),
        ("derzeit", D::Currently),
        ("zurzeit", D::Currently),
        ("damals", D::Then),
        ("früher", D::Formerly),
        ("einst", D::Once),
        ("einstmals", D::Once),
        ("demnächst", D::Soon),
        ("heuer", D::ThisYear),
        ("vorjahr", D::LastYear),
        ("vorjahres", D::LastYearGen),
        ("vorjahrs", D::LastYearGen),
        ("vormonat", D::LastMonth),
        ("vormonats", D::LastMonth),
        ("vorwoche", D::LastWeek),
        ("vortag", D::DayBefore),
        ("vortages", D::DayBefore),
        ("heutzutage", D::Nowadays),
        ("heutige", D::Todays),
        ("heutigen", D::Todays),
        ("heutiger", D::Todays),
        ("heutiges", D::Todays),
        ("zukunft", D::Future),
        ("zukünftige", D::FutureAdj),
        ("zukünftigen", D::FutureAdj),
        ("künftige", D::FutureAdj),
        ("künftigen", D::FutureAdj),
        ("vergangenheit", D::Past),
        ("gegenwart", D::Present),
        ("kürzlich", D::Recently),
        ("unlängst", D::Recently),
    ] {
        put(w, Lex::Deictic(d));
    }
    put("uhr", Lex::Uhr);
    put("mitternacht", Lex::Midnight);
    for (stem, u) in [
        ("stündlich", Unit::Hour),
        ("täglich", Unit::Day),
        ("alltäglich", Unit::Day),
        ("wöchentlich", Unit::Week),
        ("monatlich", Unit::Month),
        ("vierteljährlich", Unit::Quarter),
        ("halbjährlich", Unit::HalfYear),
        ("jährlich", Unit::Year),
        ("alljährlich", Unit::Year),
    ] {
        for end in ["", "e", "en", "er", "es", "em"] {
            put(&format!("{stem}{end}"), Lex::Freq(u));
        }
    }
    for (w, n) in [
        ("einmal", 1),
        ("zweimal", 2),
        ("dreimal", 3),
        ("viermal", 4),
        ("fünfmal", 5),
        ("sechsmal", 6),
        ("siebenmal", 7),
        ("achtmal", 8),
        ("zehnmal", 10),
        ("mehrmals", 0),
    ] {
        put(w, Lex::Times(n));
    }
    for (stem, u) in [
        ("stundenlang", Unit::Hour),
        ("tagelang", Unit::Day),
        ("wochenlang", Unit::Week),
        ("monatelang", Unit::Month),
        ("jahrelang", Unit::Year),
        ("jahrzehntelang", Unit::Decade),
        ("jahrhundertelang", Unit::Century),
        ("langjährig", Unit::Year),
        ("mehrjährig", Unit::Year),
        ("mehrwöchig", Unit::Week),
        ("mehrtägig", Unit::Day),
        ("mehrmonatig", Unit::Month),
    ] {
        for end in ["", "e", "en", "er", "es", "em"] {
            put(&format!("{stem}{end}"), Lex::Lasting(u));
        }
    }
    for (w, h) in [
        ("neujahr", Holiday::Fixed(1, 1)),
        ("neujahrstag", Holiday::Fixed(1, 1)),
        ("dreikönigstag", Holiday::Fixed(1, 6)),
        ("valentinstag", Holiday::Fixed(2, 14)),
        ("maifeiertag", Holiday::Fixed(5, 1)),
        ("allerheiligen", Holiday::Fixed(11, 1)),
        ("allerseelen", Holiday::Fixed(11, 2)),
        ("nikolaustag", Holiday::Fixed(12, 6)),
        ("heiligabend", Holiday::Fixed(12, 24)),
        ("weihnachten", Holiday::Fixed(12, 25)),
        ("christtag", Holiday::Fixed(12, 25)),
        ("stefanitag", Holiday::Fixed(12, 26)),
        ("stephanstag", Holiday::Fixed(12, 26)),
        ("silvester", Holiday::Fixed(12, 31)),
        ("ostern", Holiday::Easter(0)),
        ("ostersonntag", Holiday::Easter(0)),
        ("ostermontag", Holiday::Easter(1)),
        ("karfreitag", Holiday::Easter(-2)),
        ("gründonnerstag", Holiday::Easter(-3)),
        ("karsamstag", Holiday::Easter(-1)),
        ("palmsonntag", Holiday::Easter(-7)),
        ("aschermittwoch", Holiday::Easter(-46)),
        ("pfingsten", Holiday::Easter(49)),
        ("pfingstsonntag", Holiday::Easter(49)),
        ("pfingstmontag", Holiday::Easter(50)),
        ("fronleichnam", Holiday::Easter(60)),
        ("weiberfastnacht", Holiday::Easter(-52)),
        ("fastnachtssamstag", Holiday::Easter(-50)),
        ("fastnachtssonntag", Holiday::Easter(-49)),
        ("rosenmontag", Holiday::Easter(-48)),
        ("fastnacht", Holiday::Easter(-47)),
        ("fasnacht", Holiday::Easter(-47)),
        ("fastnachtsdienstag", Holiday::Easter(-47)),
        ("faschingsdienstag", Holiday::Easter(-47)),
        ("palmensonntag", Holiday::Easter(-7)),
        ("osterfest", Holiday::Easter(0)),
        ("himmelfahrt", Holiday::Easter(39)),
        ("himmelfahrtstag", Holiday::Easter(39)),
        ("vatertag", Holiday::Easter(39)),
        ("pfingstfest", Holiday::Easter(49)),
        ("volkstrauertag", Holiday::Advent(-14)),
        ("bettag", Holiday::Advent(-11)),
        ("totensonntag", Holiday::Advent(-7)),
        ("ewigkeitssonntag", Holiday::Advent(-7)),
        ("muttertag", Holiday::Sunday(5, 2)),
        ("erntedankfest", Holiday::Sunday(10, 1)),
        ("erntedanksonntag", Holiday::Sunday(10, 1)),
        ("dreikönigsfest", Holiday::Fixed(1, 6)),
        ("epiphanias", Holiday::Fixed(1, 6)),
        ("johannistag", Holiday::Fixed(6, 24)),
        ("reformationstag", Holiday::Fixed(10, 31)),
        ("martinstag", Holiday::Fixed(11, 11)),
        ("barbaratag", Holiday::Fixed(12, 4)),
        ("empfängnis", Holiday::Fixed(12, 8)),
        ("silvestertag", Holiday::Fixed(12, 31)),
    ] {
        put(w, Lex::Holiday(h));
    }
    for w in ["advent", "adventssonntag"] {
        put(w, Lex::Advent);
    }
    for w in ["weihnachtstag", "weihnachtsfeiertag"] {
        put(w, Lex::ChristmasDay);
    }
    put("zeit", Lex::Zeit);
    put("zeiten", Lex::Zeit);
    put("moment", Lex::Moment);
    put("augenblick", Lex::Moment);
    for w in [
        "euro",
        "mark",
        "dm",
        "dollar",
        "franken",
        "lire",
        "schilling",
        "pfund",
        "yen",
        "cent",
        "prozent",
        "meter",
        "metern",
        "kilometer",
        "kilometern",
        "km",
        "zentimeter",
        "quadratmeter",
        "kubikmeter",
        "hektar",
        "grad",
        "tonnen",
        "kilo",
        "kilogramm",
        "gramm",
        "liter",
        "litern",
        "stück",
        "menschen",
        "personen",
        "leute",
        "einwohner",
        "einwohnern",
        "mitarbeiter",
        "mitarbeitern",
        "beschäftigte",
        "beschäftigten",
        "kinder",
        "kindern",
        "schüler",
        "schülern",
        "studenten",
        "teilnehmer",
        "teilnehmern",
        "besucher",
        "besuchern",
        "mitglieder",
        "mitgliedern",
        "fälle",
        "fällen",
        "stimmen",
        "punkte",
        "punkten",
        "seiten",
        "exemplare",
        "wohnungen",
        "häuser",
        "fahrzeuge",
        "autos",
        "betten",
        "plätze",
        "arbeitsplätze",
        "soldaten",
        "tote",
        "toten",
        "opfer",
        "flüchtlinge",
        "flüchtlingen",
        "haushalte",
        "firmen",
        "unternehmen",
        "betriebe",
        "höhenmeter",
        "ps",
        "kw",
        "mw",
        "einheiten",
        "bände",
    ] {
        put(w, Lex::Measure);
    }
    use Fw::*;
    for (w, f) in [
        ("bis", Bis),
        ("und", Und),
        ("oder", Oder),
        ("bzw", Oder),
        ("von", Von),
        ("vom", Vom),
        ("zum", Zum),
        ("zur", Zur),
        ("seit", Seit),
        ("vor", Vor),
        ("nach", Nach),
        ("im", Im),
        ("am", Am),
        ("um", Um),
        ("ab", Ab),
        ("gegen", Gegen),
        ("in", In),
        ("als", Als),
        ("mehr", Mehr),
        ("weniger", Weniger),
        ("pro", Pro),
        ("je", Je),
        ("alt", Alt),
        ("alte", Alt),
        ("alter", Alt),
        ("altes", Alt),
        ("alten", Alt),
        ("älter", Alt),
        ("jünger", Jung),
        ("lang", Lang),
        ("lange", Lange),
        ("langen", Lange),
        ("zuvor", Zuvor),
        ("später", Spaeter),
        ("danach", Danach),
        ("darauf", Darauf),
        ("frühen", Frueh),
        ("späten", Spaet),
        ("jeweils", Jeweils),
        ("zwischen", Zwischen),
        ("über", Ueber),
        ("für", Fuer),
        ("paar", Paar),
        ("halb", Halb),
        ("viertel", Viertel),
        ("dreiviertel", Dreiviertel),
        ("halbes", Halbe),
        ("halbe", Halbe),
        ("halben", Halbe),
        ("alters", Alter),
        ("innerhalb", Innerhalb),
        ("binnen", Binnen),
        ("seitdem", Seitdem),
        ("gleichen", Gleich),
        ("selben", Selb),
        ("tags", Tags),
        ("heiligen", Heilig),
        ("heilige", Heilig),
        ("mit", Mit),
    ] {
        put(w, Lex::Fw(f));
    }
    // "früher" stays deictic; Frueher marks it where the rules need the comparative.
    let _ = Frueher;
    use TenseWord as T;
    for w in [
        "war",
        "waren",
        "warst",
        "wart",
        "wurde",
        "wurden",
        "wurdest",
        "hatte",
        "hatten",
        "hattest",
        "sagte",
        "sagten",
        "erklärte",
        "erklärten",
        "meinte",
        "meinten",
        "betonte",
        "betonten",
        "berichtete",
        "berichteten",
        "teilte",
        "teilten",
        "stellte",
        "stellten",
        "zeigte",
        "zeigten",
        "führte",
        "führten",
        "machte",
        "machten",
        "brachte",
        "brachten",
        "dachte",
        "kannte",
        "nannte",
        "wollte",
        "wollten",
        "konnte",
        "konnten",
        "musste",
        "mussten",
        "mußte",
        "mußten",
        "durfte",
        "durften",
        "sollte",
        "sollten",
        "gab",
        "gaben",
        "kam",
        "kamen",
        "ging",
        "gingen",
        "fand",
        "fanden",
        "stand",
        "standen",
        "lag",
        "lagen",
        "sah",
        "sahen",
        "nahm",
        "nahmen",
        "blieb",
        "blieben",
        "hieß",
        "starb",
        "starben",
        "fiel",
        "fielen",
        "begann",
        "begannen",
        "gewann",
        "gewannen",
        "verlor",
        "verloren",
        "traf",
        "trafen",
        "schrieb",
        "schrieben",
        "sprach",
        "sprachen",
        "rief",
        "riefen",
        "trat",
        "traten",
        "zog",
        "zogen",
        "bat",
        "saß",
        "saßen",
        "lief",
        "liefen",
        "fuhr",
        "fuhren",
        "hielt",
        "hielten",
        "ließ",
        "ließen",
        "erhielt",
        "erhielten",
        "entschied",
        "verließ",
        "geschah",
        "stieg",
        "stiegen",
        "sank",
        "erlitt",
        "fing",
        "wies",
        "kündigte",
        "forderte",
        "kritisierte",
        "fragte",
        "antwortete",
        "erzählte",
        "sprang",
        "gelang",
        "eröffnete",
        "feierte",
        "feierten",
        "besuchte",
        "besuchten",
        "spielte",
        "spielten",
        "lebte",
        "lebten",
        "arbeitete",
        "wohnte",
        "verkaufte",
        "kaufte",
        "erreichte",
        "lud",
        "wählte",
        "wählten",
        "legte",
        "legten",
        "setzte",
        "setzten",
        "wirkte",
        "galt",
        "bot",
        "boten",
        "trug",
        "trugen",
        "schlug",
        "schlugen",
        "gelangte",
    ] {
        put(w, Lex::Tense(T::Past));
    }
    for w in [
        "hat", "haben", "habe", "hast", "habt", "ist", "sind", "bin", "bist", "seid",
    ] {
        put(w, Lex::Tense(T::Perfect));
    }
    for w in [
        "wird", "werden", "werde", "wirst", "werdet", "soll", "sollen", "würde", "würden", "plant",
        "planen", "will", "wollen", "künftig",
    ] {
        put(w, Lex::Tense(T::Future));
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

/// What the tagger knows about `word` (any case, any letters): the path of words with letters
/// beyond Latin-1, whose lowercasing may change their length (ẞ to ß).
pub(crate) fn lookup(word: &str) -> Lex {
    let mut buf = [0u8; MAX_WORD * 2];
    let mut n = 0;
    for c in word.chars() {
        for l in c.to_lowercase() {
            let mut tmp = [0u8; 4];
            let s = l.encode_utf8(&mut tmp);
            if n + s.len() > buf.len() {
                return Lex::None;
            }
            buf[n..n + s.len()].copy_from_slice(s.as_bytes());
            n += s.len();
        }
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
    fn names() {
        assert_eq!(lookup("MÄRZ"), Lex::Month(3));
        assert_eq!(lookup("Jänner"), Lex::Month(1));
        assert_eq!(lookup("Sonntagmorgen"), Lex::WeekdayPart(7, Part::Morning));
        assert_eq!(lookup("neunziger"), Lex::Decade(9));
        assert_eq!(lookup("Achtzigerjahren"), Lex::DecadeYears(8));
        assert_eq!(lookup("Haus"), Lex::None);
    }
}
