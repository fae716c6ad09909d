//! The lexicon's words, as data: each table a class of words and what they are to the
//! tagger. [`super::build`] makes the lookup table of them, with the inflected and compound
//! forms it derives (`Dienstagabend`, `vergangenen`, `einundzwanzig`). Two long plain lists
//! are text files beside this one, a word a line.

use super::{Deictic, Dir, Fw, Holiday, Part, Plural, Unit};

/// Month names, January first.
pub(super) const MONTHS: [&str; 12] = [
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

/// Other forms of month names: Austrian (`Jänner`, `Feber`) and genitives.
pub(super) const MONTH_VARIANTS: &[(&str, u8)] = &[
    ("jänner", 1),
    ("januars", 1),
    ("jänners", 1),
    ("februars", 2),
    ("feber", 2),
    ("augusts", 8),
];

/// Weekday names, Monday first.
pub(super) const WEEKDAYS: [&str; 7] = [
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
];

/// Other names of weekdays, with their number (Monday 1).
pub(super) const WEEKDAY_VARIANTS: &[(&str, u8)] = &[("sonnabend", 6)];

/// The parts of the day a weekday is compounded with (`Dienstagabend`, `Sonntagmorgen`).
pub(super) const WEEKDAY_PARTS: &[(&str, Part)] = &[
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

/// Abbreviated month names, read only before a dot or after a day (`Jan.`, `Sept`).
pub(super) const MONTH_ABBREVIATIONS: &[(&str, u8)] = &[
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
];

/// Parts of the day as nouns (`am Abend`).
pub(super) const DAY_PARTS: &[(&str, Part)] = &[
    ("vormittag", Part::Morning),
    ("mittag", Part::Midday),
    ("nachmittag", Part::Afternoon),
    ("abend", Part::Evening),
    ("nacht", Part::Night),
    ("vorabend", Part::Evening),
    ("spätabend", Part::Evening),
];

/// Parts of the day as adverbs (`abends`).
pub(super) const DAY_PART_ADVERBS: &[(&str, Part)] = &[
    ("morgens", Part::Morning),
    ("frühmorgens", Part::Morning),
    ("vormittags", Part::Morning),
    ("mittags", Part::Midday),
    ("nachmittags", Part::Afternoon),
    ("abends", Part::Evening),
    ("spätabends", Part::Evening),
    ("spätnachmittags", Part::Afternoon),
    ("nachts", Part::Night),
];

/// Seasons, 0..4 = spring, summer, autumn, winter.
pub(super) const SEASONS: &[(&str, u8)] = &[
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
];

/// The months of a season (`Sommermonate`).
pub(super) const SEASON_MONTHS: &[(&str, u8)] = &[
    ("frühlingsmonate", 0),
    ("frühlingsmonaten", 0),
    ("sommermonate", 1),
    ("sommermonaten", 1),
    ("herbstmonate", 2),
    ("herbstmonaten", 2),
    ("wintermonate", 3),
    ("wintermonaten", 3),
];

/// Words that may precede a quantity (`gut fünf Jahre`, `rund 200 Stunden`).
pub(super) const APPROX: &[&str] = &[
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
];

/// Words naming a time relative to the moment of writing, or vaguely.
pub(super) const DEICTIC: &[(&str, Deictic)] = &[
    ("heute", Deictic::Today),
    ("gestern", Deictic::Yesterday),
    ("vorgestern", Deictic::DayBeforeYesterday),
    ("morgen", Deictic::Tomorrow),
    ("übermorgen", Deictic::DayAfterTomorrow),
    ("jetzt", Deictic::Now),
    ("derzeit", Deictic::Currently),
    ("zurzeit", Deictic::Currently),
    ("damals", Deictic::Then),
    ("früher", Deictic::Formerly),
    ("einst", Deictic::Once),
    ("einstmals", Deictic::Once),
    ("demnächst", Deictic::Soon),
    ("heuer", Deictic::ThisYear),
    ("vorjahr", Deictic::LastYear),
    ("vorjahres", Deictic::LastYearGen),
    ("vorjahrs", Deictic::LastYearGen),
    ("vormonat", Deictic::LastMonth),
    ("vormonats", Deictic::LastMonth),
    ("vorwoche", Deictic::LastWeek),
    ("vortag", Deictic::DayBefore),
    ("vortages", Deictic::DayBefore),
    ("heutzutage", Deictic::Nowadays),
    ("heutige", Deictic::Todays),
    ("heutigen", Deictic::Todays),
    ("heutiger", Deictic::Todays),
    ("heutiges", Deictic::Todays),
    ("zukunft", Deictic::Future),
    ("zukünftige", Deictic::FutureAdj),
    ("zukünftigen", Deictic::FutureAdj),
    ("künftige", Deictic::FutureAdj),
    ("künftigen", Deictic::FutureAdj),
    ("vergangenheit", Deictic::Past),
    ("gegenwart", Deictic::Present),
    ("kürzlich", Deictic::Recently),
    ("unlängst", Deictic::Recently),
];

/// Stems of frequency adjectives (`täglich`, `jährliche`), inflected with [`ADJECTIVE_ENDINGS_OR_NONE`].
pub(super) const FREQUENCIES: &[(&str, Unit)] = &[
    ("stündlich", Unit::Hour),
    ("täglich", Unit::Day),
    ("alltäglich", Unit::Day),
    ("wöchentlich", Unit::Week),
    ("monatlich", Unit::Month),
    ("vierteljährlich", Unit::Quarter),
    ("halbjährlich", Unit::HalfYear),
    ("jährlich", Unit::Year),
    ("alljährlich", Unit::Year),
];

/// How many times (`zweimal`).
pub(super) const TIMES: &[(&str, u8)] = &[
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
];

/// Stems of words for a lasting time (`jahrelang`, `langjährige`), inflected with [`ADJECTIVE_ENDINGS_OR_NONE`].
pub(super) const LASTING: &[(&str, Unit)] = &[
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
];

/// Holidays by name.
pub(super) const HOLIDAYS: &[(&str, Holiday)] = &[
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
];

/// The function words the rules test for.
pub(super) const FUNCTION_WORDS: &[(&str, Fw)] = &[
    ("bis", Fw::Bis),
    ("und", Fw::Und),
    ("oder", Fw::Oder),
    ("bzw", Fw::Oder),
    ("von", Fw::Von),
    ("vom", Fw::Vom),
    ("zum", Fw::Zum),
    ("zur", Fw::Zur),
    ("seit", Fw::Seit),
    ("vor", Fw::Vor),
    ("nach", Fw::Nach),
    ("im", Fw::Im),
    ("am", Fw::Am),
    ("um", Fw::Um),
    ("ab", Fw::Ab),
    ("gegen", Fw::Gegen),
    ("in", Fw::In),
    ("als", Fw::Als),
    ("mehr", Fw::Mehr),
    ("weniger", Fw::Weniger),
    ("pro", Fw::Pro),
    ("je", Fw::Je),
    ("alt", Fw::Alt),
    ("alte", Fw::Alt),
    ("alter", Fw::Alt),
    ("altes", Fw::Alt),
    ("alten", Fw::Alt),
    ("älter", Fw::Alt),
    ("jünger", Fw::Jung),
    ("lang", Fw::Lang),
    ("lange", Fw::Lange),
    ("langen", Fw::Lange),
    ("zuvor", Fw::Zuvor),
    ("später", Fw::Spaeter),
    ("danach", Fw::Danach),
    ("darauf", Fw::Darauf),
    ("frühen", Fw::Frueh),
    ("späten", Fw::Spaet),
    ("jeweils", Fw::Jeweils),
    ("zwischen", Fw::Zwischen),
    ("über", Fw::Ueber),
    ("für", Fw::Fuer),
    ("paar", Fw::Paar),
    ("halb", Fw::Halb),
    ("viertel", Fw::Viertel),
    ("dreiviertel", Fw::Dreiviertel),
    ("halbes", Fw::Halbe),
    ("halbe", Fw::Halbe),
    ("halben", Fw::Halbe),
    ("alters", Fw::Alter),
    ("innerhalb", Fw::Innerhalb),
    ("binnen", Fw::Binnen),
    ("seitdem", Fw::Seitdem),
    ("gleichen", Fw::Gleich),
    ("selben", Fw::Selb),
    ("tags", Fw::Tags),
    ("heiligen", Fw::Heilig),
    ("heilige", Fw::Heilig),
    ("mit", Fw::Mit),
];

/// Units of time and their forms.
pub(super) const UNITS: &[(Unit, &[(&str, Plural)])] = &[
    (
        Unit::Second,
        &[
            ("sekunde", Plural::Sg),
            ("sekunden", Plural::Pl),
            ("sek", Plural::SgPl),
            ("sec", Plural::SgPl),
        ],
    ),
    (
        Unit::Minute,
        &[
            ("minute", Plural::Sg),
            ("minuten", Plural::Pl),
            ("min", Plural::SgPl),
        ],
    ),
    (
        Unit::Hour,
        &[
            ("stunde", Plural::Sg),
            ("stunden", Plural::Pl),
            ("std", Plural::SgPl),
        ],
    ),
    (
        Unit::Day,
        &[
            ("tag", Plural::Sg),
            ("tage", Plural::Pl),
            ("tagen", Plural::Pl),
            ("tages", Plural::Gen),
            ("werktage", Plural::Pl),
            ("werktagen", Plural::Pl),
            ("arbeitstage", Plural::Pl),
            ("arbeitstagen", Plural::Pl),
        ],
    ),
    (Unit::Week, &[("woche", Plural::Sg), ("wochen", Plural::Pl)]),
    (
        Unit::Weekend,
        &[("wochenende", Plural::Sg), ("wochenenden", Plural::Pl)],
    ),
    (
        Unit::Month,
        &[
            ("monat", Plural::Sg),
            ("monate", Plural::Pl),
            ("monaten", Plural::Pl),
            ("monats", Plural::Gen),
            ("monates", Plural::Gen),
        ],
    ),
    (
        Unit::Quarter,
        &[
            ("quartal", Plural::Sg),
            ("quartale", Plural::Pl),
            ("quartalen", Plural::Pl),
            ("quartals", Plural::Gen),
        ],
    ),
    (
        Unit::HalfYear,
        &[
            ("halbjahr", Plural::Sg),
            ("halbjahre", Plural::Pl),
            ("halbjahren", Plural::Pl),
            ("halbjahres", Plural::Gen),
            ("halbjahrs", Plural::Gen),
        ],
    ),
    (
        Unit::Year,
        &[
            ("jahr", Plural::Sg),
            ("jahre", Plural::SgPl),
            ("jahren", Plural::Pl),
            ("jahres", Plural::Gen),
            ("jahrs", Plural::Gen),
        ],
    ),
    (
        Unit::Decade,
        &[
            ("jahrzehnt", Plural::Sg),
            ("jahrzehnte", Plural::Pl),
            ("jahrzehnten", Plural::Pl),
            ("jahrzehnts", Plural::Gen),
            ("jahrzehntes", Plural::Gen),
        ],
    ),
    (
        Unit::Century,
        &[
            ("jahrhundert", Plural::Sg),
            ("jahrhunderte", Plural::Pl),
            ("jahrhunderten", Plural::Pl),
            ("jahrhunderts", Plural::Gen),
        ],
    ),
    (
        Unit::Millennium,
        &[
            ("jahrtausend", Plural::Sg),
            ("jahrtausende", Plural::Pl),
            ("jahrtausenden", Plural::Pl),
            ("jahrtausends", Plural::Gen),
        ],
    ),
];

/// `Jahreshälfte`: a half of a year, after an ordinal.
pub(super) const YEAR_HALVES: &[&str] = &["jahreshälfte", "jahreshälften"];

/// The ones of number words (`ein` .. `neun`), from which the numbers are composed.
pub(super) const ONES: [&str; 10] = [
    "", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun",
];

/// The tens of number words (`zehn` .. `neunzig`).
pub(super) const TENS: [&str; 10] = [
    "", "zehn", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig",
    "neunzig",
];

/// Number words beyond the composed ones, in tenths (`eine` = 10, `anderthalb` = 15).
pub(super) const NUMBER_WORDS: &[(&str, u32)] = &[
    ("ein", 10),
    ("eine", 10),
    ("einem", 10),
    ("einen", 10),
    ("einer", 10),
    ("eines", 10),
    ("eins", 10),
    ("zwei", 20),
    ("zweier", 20),
    ("beiden", 20),
    ("beide", 20),
    ("dreier", 30),
    ("hundert", 1000),
    ("tausend", 10000),
    ("eineinhalb", 15),
    ("anderthalb", 15),
];

/// Decade adjectives, `zwanziger` (2) to `neunziger` (9).
pub(super) const DECADES: [&str; 8] = [
    "zwanziger",
    "dreißiger",
    "vierziger",
    "fünfziger",
    "sechziger",
    "siebziger",
    "achtziger",
    "neunziger",
];

/// The endings of an inflected adjective.
pub(super) const ADJECTIVE_ENDINGS: [&str; 5] = ["e", "en", "er", "es", "em"];

/// [`ADJECTIVE_ENDINGS`] and the bare stem (`täglich`, `tägliche`).
pub(super) const ADJECTIVE_ENDINGS_OR_NONE: [&str; 6] = ["", "e", "en", "er", "es", "em"];

/// Stems of adjectives that point back, on or to the present (`vergangene`, `nächsten`,
/// `laufenden`), and two units back or on (`vorletzte`, `übernächste`): `true` for two.
pub(super) const RELATIVE_STEMS: &[(&str, Dir, bool)] = &[
    ("vergangen", Dir::Past, false),
    ("letzt", Dir::Past, false),
    ("vorig", Dir::Past, false),
    ("zurückliegend", Dir::Past, false),
    ("verflossen", Dir::Past, false),
    ("nächst", Dir::Next, false),
    ("kommend", Dir::Next, false),
    ("folgend", Dir::Next, false),
    ("darauffolgend", Dir::Next, false),
    ("anstehend", Dir::Next, false),
    ("übernächst", Dir::Next, true),
    ("vorletzt", Dir::Past, true),
    ("vorvorig", Dir::Past, true),
    ("laufend", Dir::This, false),
    ("aktuell", Dir::This, false),
    ("heurig", Dir::This, false),
    ("gegenwärtig", Dir::This, false),
];

/// `frühere`: times past.
pub(super) const EARLIER: &[&str] = &["frühere", "früheren", "früherer", "früheres", "frühen"];

/// The definite article.
pub(super) const ARTICLES: &[&str] = &["der", "die", "das", "dem", "den", "des"];

/// `dieser`.
pub(super) const DEMONSTRATIVES: &[&str] = &["dieser", "diese", "dieses", "diesem", "diesen"];

/// `jeder`.
pub(super) const EVERY: &[&str] = &["jeder", "jede", "jedes", "jedem", "jeden"];

/// Stems of words for an unknown number (`einige`, `mehrere`), with endings `e`, `en`, `er`.
pub(super) const FEW_STEMS: &[&str] = &["einig", "wenig", "mehrer", "viel", "etlich"];

/// The endings of [`FEW_STEMS`].
pub(super) const FEW_ENDINGS: [&str; 3] = ["e", "en", "er"];

/// The beginning, middle and end of a period (`Anfang März`).
pub(super) const PART_OF: &[&str] = &[
    "anfang", "mitte", "ende", "beginn", "anfangs", "endes", "beginns",
];

/// `Advent`, `Adventssonntag`: a Sunday of Advent after an ordinal.
pub(super) const ADVENT: &[&str] = &["advent", "adventssonntag"];

/// `Weihnachtstag`: 25 or 26 December after an ordinal.
pub(super) const CHRISTMAS_DAYS: &[&str] = &["weihnachtstag", "weihnachtsfeiertag"];

/// `Zeit`: a time (`in früheren Zeiten`, `zur Zeit`).
pub(super) const ZEIT: &[&str] = &["zeit", "zeiten"];

/// `Moment`: the present in `im Moment`.
pub(super) const MOMENT: &[&str] = &["moment", "augenblick"];

/// Nouns counted by numbers, after which a four-digit number is no year (`1500 Euro`).
pub(super) const MEASURES: &str = include_str!("measures.txt");

/// Simple-past verb forms (`war`, `sagte`): a sentence about the past.
pub(super) const PAST_FORMS: &str = include_str!("past_forms.txt");

/// Auxiliaries of the perfect (`hat`, `ist`), and of its subjunctive (`wäre ... gesprungen`,
/// `hätte ... gewonnen`): past only with a participle.
pub(super) const PERFECT_AUXILIARIES: &[&str] = &[
    "hat", "haben", "habe", "hast", "habt", "ist", "sind", "bin", "bist", "seid", "wäre", "wären",
    "hätte", "hätten",
];

/// Words of a future or an intention (`wird`, `soll`, `plant`).
pub(super) const FUTURE_WORDS: &[&str] = &[
    "wird", "werden", "werde", "wirst", "werdet", "soll", "sollen", "würde", "würden", "plant",
    "planen", "will", "wollen", "künftig",
];
