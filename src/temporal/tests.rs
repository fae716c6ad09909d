//! The examples, and the shapes of German dates, resolved against 2024-02-20.

use time::macros::{date, datetime};

use super::*;

const REF: Date = date!(2024 - 02 - 20);

/// (text, value, type) of every expression found.
fn found(text: &str) -> Vec<(String, String, TimexType)> {
    tag(text, REF)
        .into_iter()
        .map(|t| (t.text, t.value, t.kind))
        .collect()
}

/// The values found in `text`, as text=value pairs.
fn values(text: &str) -> Vec<String> {
    tag(text, REF)
        .into_iter()
        .map(|t| format!("{}={}", t.text, t.value))
        .collect()
}

#[test]
fn founding_article() {
    assert_eq!(
        values("Am Sonntag, dem 18. Februar, schenkte Putin Kim ein Auto."),
        ["Sonntag, dem 18. Februar=2024-02-18"]
    );
    assert_eq!(
        values("Kim hatte Russland im vergangenen Juli besucht."),
        ["vergangenen Juli=2023-07"]
    );
    assert_eq!(
        values("Im September war Kim in Wladiwostok."),
        ["September=2023-09"]
    );
    assert_eq!(
        values("Im Oktober wurde ein Abkommen unterzeichnet."),
        ["Oktober=2023-10"]
    );
    assert_eq!(
        values("Der Koreakrieg dauerte, bis zwischen 1950 und 1953 gekämpft wurde."),
        ["1950=1950", "1953=1953"]
    );
}

#[test]
fn written_dates() {
    assert_eq!(values("Stand: 18.02.2024"), ["18.02.2024=2024-02-18"]);
    assert_eq!(
        values("am 18. Februar 2024"),
        ["18. Februar 2024=2024-02-18"]
    );
    assert_eq!(values("seit 2024-02-18"), ["2024-02-18=2024-02-18"]);
    assert_eq!(values("im Februar 2024"), ["Februar 2024=2024-02"]);
    assert_eq!(values("am 3.10. wird gefeiert"), ["3.10.=2024-10-03"]);
    assert_eq!(values("Es war am 3.10. schön."), ["3.10.=2023-10-03"]);
    assert_eq!(
        values("am 3., 4. und 5. Oktober 2012"),
        [
            "3.=2012-10-03",
            "4.=2012-10-04",
            "5. Oktober 2012=2012-10-05"
        ]
    );
    assert_eq!(
        values("vom 5. bis zum 9. Juni 2000"),
        ["5.=2000-06-05", "9. Juni 2000=2000-06-09"]
    );
}

#[test]
fn decades_and_centuries() {
    assert_eq!(values("die 90er-Jahre"), ["die 90er-Jahre=199"]);
    assert_eq!(values("in den 1990er Jahren"), ["den 1990er Jahren=199"]);
    assert_eq!(values("Mitte der 90er-Jahre"), ["Mitte der 90er-Jahre=199"]);
    assert_eq!(
        values("in den fünfziger Jahren"),
        ["den fünfziger Jahren=195"]
    );
    assert_eq!(values("das 19. Jahrhundert"), ["das 19. Jahrhundert=18"]);
    assert_eq!(values("des 21. Jahrhunderts"), ["des 21. Jahrhunderts=20"]);
}

#[test]
fn parts_of_the_year() {
    assert_eq!(values("Anfang 2023"), ["Anfang 2023=2023"]);
    assert_eq!(values("Ende Mai war es kalt."), ["Ende Mai=2023-05"]);
    assert_eq!(values("Ende Mai wird es warm."), ["Ende Mai=2024-05"]);
    assert_eq!(values("im Frühjahr 2015"), ["Frühjahr 2015=2015-SP"]);
    assert_eq!(values("Im Herbst hatte es geregnet."), ["Herbst=2023-FA"]);
    assert_eq!(
        values("im dritten Quartal 2014"),
        ["dritten Quartal 2014=2014-Q3"]
    );
    assert_eq!(
        values("in der zweiten Jahreshälfte"),
        ["der zweiten Jahreshälfte=2024-H2"]
    );
}

#[test]
fn relative() {
    assert_eq!(values("gestern"), ["gestern=2024-02-19"]);
    assert_eq!(values("heute"), ["heute=PRESENT_REF"]);
    assert_eq!(values("vergangene Woche"), ["vergangene Woche=2024-W07"]);
    assert_eq!(values("nächstes Jahr"), ["nächstes Jahr=2025"]);
    assert_eq!(values("im Vorjahr"), ["Vorjahr=2023"]);
    assert_eq!(values("heuer"), ["heuer=2024"]);
    assert_eq!(values("Er kam am Freitag."), ["Freitag=2024-02-16"]);
    assert_eq!(values("Er kommt am Freitag."), ["Freitag=2024-02-23"]);
    assert_eq!(values("gestern Abend"), ["gestern Abend=2024-02-19TEV"]);
    assert_eq!(
        values("jetzt und damals"),
        ["jetzt=PRESENT_REF", "damals=PAST_REF"]
    );
    assert_eq!(
        values("in den vergangenen Jahren"),
        ["den vergangenen Jahren=PXY"]
    );
    assert_eq!(values("am Wochenende war"), ["Wochenende=2024-W07-WE"]);
}

#[test]
fn durations() {
    assert_eq!(
        found("vor zwei Jahren"),
        [("zwei Jahren".into(), "P2Y".into(), TimexType::Duration)]
    );
    assert_eq!(values("drei Monate lang"), ["drei Monate lang=P3M"]);
    assert_eq!(values("seit gut fünf Jahren"), ["gut fünf Jahren=P5Y"]);
    assert_eq!(
        values("drei Jahre und vier Monate"),
        ["drei Jahre und vier Monate=P3Y4M"]
    );
    assert_eq!(values("eine halbe Stunde"), ["eine halbe Stunde=PT0.5H"]);
    assert_eq!(
        values("in den letzten zehn Jahren"),
        ["den letzten zehn Jahren=P10Y"]
    );
    assert!(values("Er ist 31 Jahre alt.").is_empty());
    assert!(values("Sie kostet 1500 Euro.").is_empty());
}

#[test]
fn sets_and_times() {
    assert_eq!(
        found("jeden Montag"),
        [("jeden Montag".into(), "XXXX-WXX-1".into(), TimexType::Set)]
    );
    assert_eq!(
        found("jährlich"),
        [("jährlich".into(), "P1Y".into(), TimexType::Set)]
    );
    assert_eq!(values("zweimal wöchentlich"), ["zweimal wöchentlich=P1W"]);
    assert_eq!(
        values("heute um 14.30 Uhr"),
        ["heute=2024-02-20", "14.30 Uhr=2024-02-20T14:30"]
    );
    assert_eq!(
        values("von 10 bis 15 Uhr"),
        ["10=2024-02-20T10:00", "15 Uhr=2024-02-20T15:00"]
    );
}

#[test]
fn holidays() {
    assert_eq!(values("Ostern 2020"), ["Ostern 2020=2020-04-12"]);
    assert_eq!(values("Rosenmontag 2018"), ["Rosenmontag 2018=2018-02-12"]);
    assert_eq!(
        values("am Muttertag im Jahr 2019"),
        ["Muttertag im Jahr 2019=2019-05-12"]
    );
    assert_eq!(values("am 1. Advent 2018"), ["1. Advent 2018=2018-12-02"]);
    assert_eq!(
        values("am vierten Advent 2017"),
        ["vierten Advent 2017=2017-12-24"]
    );
    assert_eq!(
        values("am Buß- und Bettag 2018"),
        ["Buß- und Bettag 2018=2018-11-21"]
    );
    assert_eq!(
        values("an Christi Himmelfahrt 2018"),
        ["Christi Himmelfahrt 2018=2018-05-10"]
    );
    assert_eq!(
        values("zu Mariä Himmelfahrt 2015"),
        ["Mariä Himmelfahrt 2015=2015-08-15"]
    );
    assert_eq!(
        values("am zweiten Weihnachtsfeiertag 2012"),
        ["zweiten Weihnachtsfeiertag 2012=2012-12-26"]
    );
    assert_eq!(
        values("am Tag der Deutschen Einheit 2010"),
        ["Tag der Deutschen Einheit 2010=2010-10-03"]
    );
    // an occasion, not a day
    assert!(values("Sie hielt die Rede zum Tag der Deutschen Einheit.").is_empty());
}

#[test]
fn far_relatives_and_parts_of_the_day() {
    assert_eq!(values("übernächste Woche"), ["übernächste Woche=2024-W10"]);
    assert_eq!(values("vorletztes Jahr"), ["vorletztes Jahr=2022"]);
    assert_eq!(
        values("in der vergangenen Nacht"),
        ["der vergangenen Nacht=2024-02-19TNI"]
    );
    assert_eq!(values("an diesem Abend"), ["diesem Abend=2024-02-20TEV"]);
    assert_eq!(
        values("Am 18. Februar kam er an. Am nächsten Morgen reiste er ab."),
        ["18. Februar=2024-02-18", "nächsten Morgen=2024-02-19TMO"]
    );
    assert_eq!(
        values("nächsten Montag Nachmittag"),
        ["nächsten Montag Nachmittag=2024-02-26TAF"]
    );
    assert_eq!(
        values("in den nächsten Stunden"),
        ["den nächsten Stunden=FUTURE_REF"]
    );
    assert_eq!(values("Sonntags ist zu."), ["Sonntags=XXXX-WXX-7"]);
    assert_eq!(values("den ganzen Tag"), ["den ganzen Tag=P1D"]);
    assert_eq!(values("ein halbes Jahr"), ["ein halbes Jahr=P0.5Y"]);
    assert_eq!(values("halbes Jahr"), ["halbes Jahr=P0.5Y"]);
}

#[test]
fn clock_times() {
    assert_eq!(values("um 8 Uhr abends"), ["8 Uhr=2024-02-20T20:00"]);
    assert_eq!(
        values("heute Abend gegen acht"),
        ["heute Abend=2024-02-20TEV", "acht=2024-02-20T20:00"]
    );
    assert_eq!(values("um halb 8"), ["halb 8=2024-02-20T07:30"]);
    assert_eq!(
        values("um Viertel nach acht"),
        ["Viertel nach acht=2024-02-20T08:15"]
    );
    assert_eq!(values("dreiviertel 8"), ["dreiviertel 8=2024-02-20T07:45"]);
    assert_eq!(values("um Mitternacht"), ["Mitternacht=2024-02-20T24:00"]);
    assert_eq!(
        found("jeden Mittwoch um 16 Uhr"),
        [(
            "jeden Mittwoch um 16 Uhr".into(),
            "XXXX-WXX-3T16:00".into(),
            TimexType::Set
        )]
    );
    assert_eq!(
        values("am Mittwoch 14:30"),
        ["Mittwoch=2024-02-21", "14:30=2024-02-21T14:30"]
    );
}

#[test]
fn other_written_dates() {
    assert_eq!(values("am 21/04/2016"), ["21/04/2016=2016-04-21"]);
    assert_eq!(values("am 5/5/89"), ["5/5/89=1989-05-05"]);
    assert_eq!(values("am 2015/08/12"), ["2015/08/12=2015-08-12"]);
    assert_eq!(values("am 3-7-2017"), ["3-7-2017=2017-07-03"]);
    assert!(values("Es stand 6-4-6.").is_empty());
    assert_eq!(values("im Mai '98"), ["Mai '98=1998-05"]);
}

#[test]
fn not_times() {
    // generic nouns and attributes; weekdays in the plural
    assert!(values("Es geht um die Zukunft ihres Lebens.").is_empty());
    assert!(values("mit seiner künftigen Frau").is_empty());
    assert!(values("an 35 Montagen").is_empty());
    assert!(values("in zwei Reportagen").is_empty());
    assert_eq!(values("in Zukunft"), ["Zukunft=FUTURE_REF"]);
    assert_eq!(
        values("in der Vergangenheit"),
        ["der Vergangenheit=PAST_REF"]
    );
}

#[test]
fn offsets_count_characters() {
    let t = tag("Üble Sache: im März 2020", REF);
    assert_eq!(t[0].start, 15);
    assert_eq!(t[0].end, 24);
    assert_eq!(t[0].bytes, 16..26);
}

#[test]
fn spans() {
    let span = |v: &str| value_span(v);
    assert_eq!(
        span("2023-09-13"),
        Some((
            datetime!(2023-09-13 0:00 UTC),
            datetime!(2023-09-14 0:00 UTC)
        ))
    );
    assert_eq!(
        span("2023-09"),
        Some((
            datetime!(2023-09-01 0:00 UTC),
            datetime!(2023-10-01 0:00 UTC)
        ))
    );
    assert_eq!(
        span("2023"),
        Some((
            datetime!(2023-01-01 0:00 UTC),
            datetime!(2024-01-01 0:00 UTC)
        ))
    );
    assert_eq!(
        span("2023-SU"),
        Some((
            datetime!(2023-06-01 0:00 UTC),
            datetime!(2023-09-01 0:00 UTC)
        ))
    );
    assert_eq!(
        span("2023-WI"),
        Some((
            datetime!(2023-12-01 0:00 UTC),
            datetime!(2024-03-01 0:00 UTC)
        ))
    );
    assert_eq!(
        span("2023-Q1"),
        Some((
            datetime!(2023-01-01 0:00 UTC),
            datetime!(2023-04-01 0:00 UTC)
        ))
    );
    assert_eq!(
        span("2023-H2"),
        Some((
            datetime!(2023-07-01 0:00 UTC),
            datetime!(2024-01-01 0:00 UTC)
        ))
    );
    assert_eq!(
        span("2023-W05"),
        Some((
            datetime!(2023-01-30 0:00 UTC),
            datetime!(2023-02-06 0:00 UTC)
        ))
    );
    assert_eq!(
        span("2023-W05-WE"),
        Some((
            datetime!(2023-02-04 0:00 UTC),
            datetime!(2023-02-06 0:00 UTC)
        ))
    );
    assert_eq!(
        span("199"),
        Some((
            datetime!(1990-01-01 0:00 UTC),
            datetime!(2000-01-01 0:00 UTC)
        ))
    );
    assert_eq!(
        span("19"),
        Some((
            datetime!(1900-01-01 0:00 UTC),
            datetime!(2000-01-01 0:00 UTC)
        ))
    );
    assert_eq!(
        span("2024-02-18T14:00"),
        Some((
            datetime!(2024-02-18 14:00 UTC),
            datetime!(2024-02-18 14:01 UTC)
        ))
    );
    assert_eq!(
        span("2024-02-18T14"),
        Some((
            datetime!(2024-02-18 14:00 UTC),
            datetime!(2024-02-18 15:00 UTC)
        ))
    );
    assert_eq!(
        span("2024-02-18TEV"),
        Some((
            datetime!(2024-02-18 18:00 UTC),
            datetime!(2024-02-19 0:00 UTC)
        ))
    );
    for none in [
        "XXXX-09",
        "PRESENT_REF",
        "PAST_REF",
        "FUTURE_REF",
        "P2Y",
        "2023-XX-13",
    ] {
        assert_eq!(span(none), None, "{none}");
    }
    let set = Timex {
        start: 0,
        end: 1,
        bytes: 0..1,
        kind: TimexType::Set,
        value: "2023".into(),
        text: String::new(),
    };
    assert_eq!(set.span(), None);
}

#[test]
fn empty_and_odd_input() {
    assert!(tag("", REF).is_empty());
    assert!(tag("...", REF).is_empty());
    let _ = tag(
        "9999999999999999999999 Jahre am 99.99.9999 um 99:99 Uhr",
        REF,
    );
    let _ = tag("18.", REF);
    let _ = tag("Jahr", REF);
}

/// `heute` in a report of the days around its date is that day; in a general statement,
/// the present (issue 17).
#[test]
fn heute_in_reports_and_in_general() {
    assert_eq!(
        values("Heute läuft die Frist aus. Bereits gestern gingen zwei Vorschläge ein."),
        ["Heute=2024-02-20", "gestern=2024-02-19"]
    );
    assert_eq!(
        values("Es werden Szenen gezeigt. Heute Filmclub 20 Uhr."),
        ["Heute=2024-02-20", "20 Uhr=2024-02-20T20:00"]
    );
    assert_eq!(
        values("Gestern sprach er. Heute, im Zeitalter des Internets, ist alles anders."),
        ["Gestern=2024-02-19", "Heute=PRESENT_REF"]
    );
    assert_eq!(
        values("Gestern sprach er. Davon zehrt Deutschland auch heute noch."),
        ["Gestern=2024-02-19", "heute=PRESENT_REF"]
    );
    assert_eq!(
        values("Die Holding ist heute vor allem im Dentalvertrieb tätig."),
        ["heute=PRESENT_REF"]
    );
    assert_eq!(
        values("Der Starke von heute kann ja der Schwache von morgen sein."),
        ["heute=PRESENT_REF", "morgen=FUTURE_REF"]
    );
    assert_eq!(
        values("Von morgen an gilt das Gesetz."),
        ["morgen=2024-02-21"]
    );
}

/// The reference time moves to the dates a text names, and the verb's tense does not decide
/// a date close to the day of writing (issue 17).
#[test]
fn reference_time_and_direction() {
    // a day close to the document date: the nearest, whatever the tense
    assert_eq!(
        values("Die Rennen vom 24. Februar wurden kurzfristig verlegt."),
        ["24. Februar=2024-02-24"]
    );
    // a weekday after a named date, in the same sentence: that date's week
    assert_eq!(
        values(
            "Am Donnerstag, 7. März wird ein Riesentorlauf ausgetragen, am Freitag kommt \
             ein Slalom zur Austragung."
        ),
        ["Donnerstag, 7. März=2024-03-07", "Freitag=2024-03-08"]
    );
    // a month without a year after one with a year, as the story moves on
    assert_eq!(
        values("Nachdem die Skulptur im März 1992 ihre Nase verlor, brachte man sie im April weg."),
        ["März 1992=1992-03", "April=1992-04"]
    );
    // ... but not a month before it: that may be any later year
    assert_eq!(
        values("Im November 1998 gründeten sie die Gruppe. Fischer hat im Mai geredet."),
        ["November 1998=1998-11", "Mai=2023-05"]
    );
    // a named date holds for the clock times of its paragraph (a listing), however long
    let filler = "Es spielen die Musikkapelle und der Chor, es sprechen der Bürgermeister, \
                  die Obfrau und der Pfarrer, es gibt Ehrungen, eine Verlosung und Speisen. "
        .repeat(3);
    let listing = format!("Programm am Samstag, 2. März:\n{filler}\nTanz ab 20 Uhr.");
    assert_eq!(
        values(&listing),
        ["Samstag, 2. März=2024-03-02", "20 Uhr=2024-03-02T20:00"]
    );
    // an announcement points forward, even beside a report
    assert_eq!(
        values("Wie der Verein gestern sagte, findet das Fest am Sonntag statt."),
        ["gestern=2024-02-19", "Sonntag=2024-02-25"]
    );
    // a season in the present tense: the nearest one, in February the winter going on
    assert_eq!(values("Der Winter ist mild."), ["Winter=2023-WI"]);
    assert_eq!(
        values("Im Sommer ist das Freibad offen."),
        ["Sommer=2024-SU"]
    );
    // `soll ... haben` reports the past
    assert_eq!(
        values("Am Sonntag soll er dem Opfer aufgelauert haben."),
        ["Sonntag=2024-02-18"]
    );
    // a subjunctive perfect speaks of the past
    assert_eq!(
        values("Wenn er am Samstag weiter gesprungen wäre, hätte Italien gewonnen."),
        ["Samstag=2024-02-17"]
    );
}

/// Sets and durations that are no single date (issue 17).
#[test]
fn sets_and_durations_no_dates() {
    assert_eq!(
        found("Der Treff findet jeden letzten Samstag im Monat statt."),
        [(
            "jeden letzten Samstag im Monat".into(),
            "P1M".into(),
            TimexType::Set
        )]
    );
    assert_eq!(
        values("Wir treffen uns jedem dritten Mittwoch im Monat."),
        ["jedem dritten Mittwoch im Monat=P1M"]
    );
    assert_eq!(
        values("Er kommt jeden zweiten Donnerstag."),
        ["jeden zweiten Donnerstag=P2W"]
    );
    assert_eq!(
        found("Er verbrachte ein Wochenende in Rom."),
        [("ein Wochenende".into(), "P1WE".into(), TimexType::Duration)]
    );
    assert_eq!(
        values("Gestern Morgen brannte es."),
        ["Gestern Morgen=2024-02-19TMO"]
    );
    assert_eq!(
        values("Vorgestern Abend brannte es, übermorgen Vormittag wird geräumt."),
        [
            "Vorgestern Abend=2024-02-18TEV",
            "übermorgen Vormittag=2024-02-22TMO"
        ]
    );
}
