//! `nachlese extract`: what nachlese reads from one web page, as a user checks it before
//! indexing a folder of saved pages.

use std::io::Write;

use crate::util::*;

/// A news page as sites build them: declared metadata, navigation, the article, a teaser
/// list and a footer.
const PAGE: &str = r#"<!DOCTYPE html>
<html lang="de-DE"><head><meta charset="utf-8">
<title>Putin schenkt Kim ein Auto | Tagesblatt</title>
<link rel="canonical" href="/politik/putin-kim-auto">
<meta property="og:site_name" content="Tagesblatt">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Putin schenkt Kim ein Auto","datePublished":"2024-02-18T09:15:00+01:00",
 "author":{"@type":"Person","name":"Anna Berger"},"publisher":{"@type":"Organization","name":"Tagesblatt"}}</script>
</head><body>
<nav><a href="/">Start</a> <a href="/politik">Politik</a> <a href="/sport">Sport</a></nav>
<article><h1>Putin schenkt Kim ein Auto</h1>
<p>Der russische Präsident Wladimir Putin hat dem nordkoreanischen Machthaber Kim Jong-un ein in Russland hergestelltes Auto geschenkt. Das meldete die staatliche Nachrichtenagentur KCNA am Sonntag.</p>
<p>Kims Schwester Kim Yo-jong dankte demnach im Namen ihres Bruders für das Geschenk, das die besonderen persönlichen Beziehungen der beiden Staatschefs zeige.</p>
<p>Beobachter sehen in dem Geschenk einen möglichen Verstoß gegen die Sanktionen der Vereinten Nationen, die die Lieferung von Fahrzeugen nach Nordkorea verbieten.</p>
</article>
<aside><h2>Mehr zum Thema</h2><ul><li><a href="/a">Kim besucht Wostotschny</a></li><li><a href="/b">Sanktionen verschärft</a></li></ul></aside>
<footer>© Tagesblatt · Impressum · Datenschutz</footer>
</body></html>"#;

#[test]
fn extract_json_gives_the_article_a_page_holds() {
    let env = Env::new();
    env.write("seite.html", PAGE);
    let out = env
        .cmd(&[
            "extract",
            "seite.html",
            "--json",
            "--url",
            "https://www.tagesblatt.de/x",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = parse_json(&out);
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "id", "title", "date", "body", "source", "url", "authors", "language"
        ]
    );
    // The canonical address, made absolute against the one the page came from.
    assert_eq!(v["id"], "https://www.tagesblatt.de/politik/putin-kim-auto");
    assert_eq!(v["url"], v["id"]);
    assert_eq!(v["title"], "Putin schenkt Kim ein Auto");
    assert_eq!(v["date"], "2024-02-18T09:15:00+01:00");
    assert_eq!(v["source"], "Tagesblatt");
    assert_eq!(v["authors"], serde_json::json!(["Anna Berger"]));
    assert_eq!(v["language"], "de");
    let body = v["body"].as_str().unwrap();
    assert!(
        // The headline is the title; the text starts after it.
        body.starts_with("Der russische Präsident Wladimir Putin"),
        "{body}"
    );
    assert!(body.contains("Geschenk einen möglichen Verstoß"), "{body}");
    // Paragraphs are separated by blank lines; navigation, teasers and footer stay out.
    assert!(body.contains("am Sonntag.\n\nKims Schwester"), "{body}");
    for boilerplate in ["Sport", "Mehr zum Thema", "Wostotschny", "Impressum"] {
        assert!(!body.contains(boilerplate), "{boilerplate} in {body}");
    }
}

#[test]
fn extract_reads_a_gzipped_page_and_prints_it_for_people() {
    let env = Env::new();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(PAGE.as_bytes()).unwrap();
    env.write("seite.html.gz", gz.finish().unwrap());
    let out = env.cmd(&["extract", "seite.html.gz"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        // Dates are printed in UTC, as `show` prints them.
        text.starts_with("Putin schenkt Kim ein Auto\n2024-02-18T08:15:00Z · Tagesblatt\n"),
        "{text}"
    );
    assert!(text.contains("authors: Anna Berger\n"), "{text}");
    assert!(text.contains("\n\nDer russische Präsident"), "{text}");
}

#[test]
fn a_page_without_an_article_exits_1_with_body_null() {
    let env = Env::new();
    env.write(
        "index.html",
        r#"<html><head><title>Tagesblatt – Startseite</title></head><body>
        <nav><a href="/politik">Politik</a> <a href="/sport">Sport</a></nav>
        <ul><li><a href="/a">Kim besucht Wostotschny</a></li><li><a href="/b">Sanktionen</a></li></ul>
        </body></html>"#,
    );
    let out = env
        .cmd(&["extract", "index.html", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v = parse_json(&out);
    assert!(v["body"].is_null(), "{v}");
    assert!(v["date"].is_null(), "{v}");
    assert!(v["id"].as_str().unwrap().starts_with("file:"), "{v}");
}

#[test]
fn a_file_that_is_no_page_is_an_error_naming_it() {
    let env = Env::new();
    env.write("bild.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    let out = env.cmd(&["extract", "bild.html"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bild.html"), "{}", stderr(&out));
    let out = env.cmd(&["extract", "fehlt.html"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("fehlt.html"), "{}", stderr(&out));
}
