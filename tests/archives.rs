//! Web pages, web archives (WARC), feeds, news-please JSON and CSV: the real binary on real
//! files, and the library's readers.

use std::io::Write;
use std::path::Path;

use flate2::Compression;
use flate2::write::GzEncoder;

use crate::util::{Env, shared, stderr};

// ---------------------------------------------------------------------------------------
// Building web pages and WARC files.

/// A German news page; `date` goes into its `<meta>` when given.
fn page(title: &str, paragraphs: &[&str]) -> String {
    let ps: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\n\
         <body><article><h1>{title}</h1>\n{ps}</article></body></html>\n"
    )
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// A body in the chunked transfer coding, in chunks of at most 100 bytes.
fn chunked(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for chunk in body.chunks(100) {
        out.extend(format!("{:x}\r\n", chunk.len()).bytes());
        out.extend(chunk);
        out.extend(b"\r\n");
    }
    out.extend(b"0\r\n\r\n");
    out
}

/// An HTTP response with these headers (`Name: value` lines) and this (encoded) body.
fn http(headers: &[&str], body: &[u8]) -> Vec<u8> {
    let mut out = b"HTTP/1.1 200 OK\r\n".to_vec();
    for h in headers {
        out.extend(h.bytes());
        out.extend(b"\r\n");
    }
    out.extend(b"\r\n");
    out.extend(body);
    out
}

/// A WARC/1.1 record (its content, as long as `Content-Length` says unless `length` lies).
fn record(
    kind: &str,
    uri: Option<&str>,
    date: &str,
    content: &[u8],
    length: Option<usize>,
) -> Vec<u8> {
    let mut head = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Date: {date}\r\n\
         WARC-Record-ID: <urn:uuid:{:08x}-0000-0000-0000-000000000000>\r\n",
        content.len()
    );
    if let Some(uri) = uri {
        head.push_str(&format!("WARC-Target-URI: {uri}\r\n"));
    }
    let ctype = match kind {
        "response" | "revisit" => "application/http; msgtype=response",
        "request" => "application/http; msgtype=request",
        _ => "application/warc-fields",
    };
    head.push_str(&format!(
        "Content-Type: {ctype}\r\nContent-Length: {}\r\n\r\n",
        length.unwrap_or(content.len())
    ));
    let mut out = head.into_bytes();
    out.extend(content);
    out.extend(b"\r\n\r\n");
    out
}

const KIM: &str = "https://www.example.de/politik/kim-moskau";
const BAHN: &str = "https://www.example.de/wirtschaft/bahnstreik";
const ARCHIV: &str = "https://www.example.de/archiv";

/// The records of a small CC-NEWS-like crawl: warcinfo, a request, a response with a
/// chunked, gzipped page, a JSON response, a revisit, the same address twice (the second
/// time changed), a redirect and a page that is no article.
fn crawl() -> Vec<Vec<u8>> {
    let kim = page(
        "Kim Jong-un reist mit dem Panzerzug nach Moskau",
        &[
            "Der nordkoreanische Machthaber ist am Dienstag in der russischen Hauptstadt eingetroffen.",
            "Beobachter erwarten Gespräche über Waffenlieferungen und Weltraumtechnik.",
        ],
    );
    let bahn1 = page(
        "Lokführer legen den Bahnverkehr lahm",
        // A page under 100 characters of text holds no article: two sentences.
        &[
            "Die Gewerkschaft ruft zum Warnstreik im Güterverkehr auf.",
            "Der Ausstand soll am Mittwochabend beginnen und bis Freitag dauern.",
        ],
    );
    let bahn2 = page(
        "Lokführer legen den Bahnverkehr lahm (aktualisiert)",
        &[
            "Die Gewerkschaft hat den Streik auf den Personenverkehr ausgeweitet: Fernzüge stehen still.",
        ],
    );
    let archiv = "<html><body><nav><a href=/a>Politik</a></nav></body></html>";
    vec![
        record(
            "warcinfo",
            None,
            "2024-01-16T08:00:00Z",
            b"software: nachlese-test\r\nformat: WARC File Format 1.1\r\n",
            None,
        ),
        record(
            "request",
            Some(KIM),
            "2024-01-16T08:00:00Z",
            b"GET /politik/kim-moskau HTTP/1.1\r\nHost: www.example.de\r\n\r\n",
            None,
        ),
        record(
            "response",
            Some(KIM),
            "2024-01-16T08:00:01Z",
            &http(
                &[
                    "Content-Type: text/html; charset=utf-8",
                    "Transfer-Encoding: chunked",
                    "Content-Encoding: gzip",
                    "Last-Modified: Tue, 16 Jan 2024 07:30:00 GMT",
                ],
                &chunked(&gzip(kim.as_bytes())),
            ),
            None,
        ),
        record(
            "response",
            Some("https://www.example.de/api/wetter.json"),
            "2024-01-16T08:00:02Z",
            &http(&["Content-Type: application/json"], b"{\"Temperatur\": 3}"),
            None,
        ),
        record(
            "response",
            Some(BAHN),
            "2024-01-17T09:00:00Z",
            &http(&["Content-Type: text/html"], bahn1.as_bytes()),
            None,
        ),
        record(
            "revisit",
            Some(KIM),
            "2024-01-17T09:00:01Z",
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n",
            None,
        ),
        record(
            "response",
            Some("https://www.example.de/alt"),
            "2024-01-17T09:00:02Z",
            b"HTTP/1.1 301 Moved Permanently\r\nLocation: /neu\r\nContent-Type: text/html\r\n\r\n<p>Umgezogen</p>",
            None,
        ),
        record(
            "response",
            Some(ARCHIV),
            "2024-01-17T09:00:03Z",
            &http(&["Content-Type: text/html"], archiv.as_bytes()),
            None,
        ),
        record(
            "response",
            Some(BAHN),
            "2024-01-18T10:00:00Z",
            &http(&["Content-Type: application/xhtml+xml"], bahn2.as_bytes()),
            None,
        ),
    ]
}

/// The records gzipped one member each, as CC-NEWS writes them.
fn warc_gz(records: &[Vec<u8>]) -> Vec<u8> {
    records.iter().flat_map(|r| gzip(r)).collect()
}

fn show(env: &Env, id: &str) -> serde_json::Value {
    env.json(&["show", id])
}

fn count(env: &Env) -> u64 {
    env.json(&["stats"])["documents"].as_u64().unwrap()
}

/// `index ARGS` must fail with exit status 2 naming `says`, indexing nothing.
fn refused(env: &Env, args: &[&str], says: &str) {
    let mut full = vec!["index"];
    full.extend_from_slice(args);
    let out = env.on_index(&full).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert!(err.contains(says), "expected {says:?} in {err}");
    assert!(err.contains("nothing was indexed"), "{err}");
}

/// `index --keep-going ARGS` must index the good articles and name `says`: exit status 1.
fn kept_going(env: &Env, args: &[&str], says: &str) -> String {
    let mut full = vec!["index", "--keep-going"];
    full.extend_from_slice(args);
    let out = env.on_index(&full).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
    assert!(err.contains(says), "expected {says:?} in {err}");
    err
}

// ---------------------------------------------------------------------------------------
// WARC.

#[test]
fn archives_warc_gz_pages_are_indexed_searched_and_shown() {
    let env = Env::new();
    env.write("crawl/CC-NEWS-20240116.warc.gz", warc_gz(&crawl()));
    // The archive page has no article: an error unless --keep-going.
    refused(&env, &["crawl"], "record at byte");
    let err = kept_going(&env, &["crawl"], "no article found in the page");
    assert!(err.contains(ARCHIV), "{err}");
    assert_eq!(count(&env), 2, "{err}");

    assert_eq!(env.ids(&["Panzerzug"]), [KIM]);
    let kim = show(&env, KIM);
    assert_eq!(
        kim["title"],
        "Kim Jong-un reist mit dem Panzerzug nach Moskau"
    );
    assert_eq!(kim["url"], KIM);
    assert_eq!(kim["source"], "www.example.de");
    assert!(kim["body"].as_str().unwrap().contains("Weltraumtechnik"));
    // No date in the page: the HTTP Last-Modified header.
    assert_eq!(kim["date"], "2024-01-16T07:30:00Z");

    // The page fetched twice: the later version only.
    assert_eq!(env.ids(&["Fernzüge"]), [BAHN]);
    assert!(env.ids(&["Güterverkehr"]).is_empty());
    let bahn = show(&env, BAHN);
    assert!(bahn["title"].as_str().unwrap().ends_with("(aktualisiert)"));
    // No Last-Modified: the crawl date.
    assert_eq!(bahn["date"], "2024-01-18T10:00:00Z");

    // JSON, redirects, requests and revisits are no articles.
    assert!(env.ids(&["Temperatur"]).is_empty());
    assert!(env.ids(&["Umgezogen"]).is_empty());

    // The same crawl, not compressed, reads the same.
    let plain = Env::new();
    plain.write("crawl.warc", crawl().concat());
    kept_going(&plain, &["crawl.warc"], "no article found in the page");
    assert_eq!(count(&plain), 2);
}

#[test]
fn archives_warc_errors_name_the_record_offset() {
    let env = Env::new();
    let mut records = crawl();
    records.remove(7); // the page without article
    // A Content-Length 10 bytes short: its record is lost, the next is read.
    let bahn = records.remove(4);
    let text = String::from_utf8_lossy(&bahn).into_owned();
    let len: usize = text
        .split("Content-Length: ")
        .nth(1)
        .and_then(|r| r.split("\r\n").next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    let lying = text.replace(
        &format!("Content-Length: {len}"),
        &format!("Content-Length: {}", len - 10),
    );
    records.insert(4, lying.into_bytes());
    let members: Vec<Vec<u8>> = records.iter().map(|r| gzip(r)).collect();
    let offset: usize = members[..4].iter().map(Vec::len).sum();
    env.write("lying.warc.gz", members.concat());
    let says = format!(
        "lying.warc.gz: record at byte {offset} ({BAHN}): malformed WARC: the record does not end after the {} bytes its `Content-Length` gives",
        len - 10
    );
    refused(&env, &["lying.warc.gz"], &says);
    assert!(!env.index().join("meta.json").exists() || count(&env) == 0);
    kept_going(&env, &["lying.warc.gz"], &says);
    // The record after it (the second fetch of the same page) is read.
    assert_eq!(count(&env), 2);

    // Truncated gzip: what came before is indexed with --keep-going.
    let env = Env::new();
    let whole = warc_gz(&crawl()[..3]);
    env.write("cut.warc.gz", &whole[..whole.len() - 30]);
    refused(&env, &["cut.warc.gz"], "corrupt or truncated gzip data");

    // A Content-Length past the end of the file.
    let env = Env::new();
    let mut records = crawl()[..3].to_vec();
    let last = records.pop().unwrap();
    let text = last.clone();
    let head_end = text.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let content_len = text.len() - head_end - 8;
    records.push(record(
        "response",
        Some(KIM),
        "2024-01-16T08:00:01Z",
        &text[head_end + 4..head_end + 4 + content_len],
        Some(content_len + 5000),
    ));
    let offset: usize = records[..2].iter().map(Vec::len).sum();
    env.write("long.warc", records.concat());
    refused(
        &env,
        &["long.warc"],
        &format!(
            "long.warc: record at byte {offset} ({KIM}): malformed WARC: the file ends before"
        ),
    );

    // Not a WARC at all.
    let env = Env::new();
    env.write("x.warc", "Hallo\n");
    refused(
        &env,
        &["x.warc"],
        "x.warc: record at byte 0: malformed WARC: expected a record to start with `WARC/1.1`",
    );
}

// ---------------------------------------------------------------------------------------
// Web page files.

#[test]
fn archives_html_files_are_pages() {
    let env = Env::new();
    let html = page(
        "Ohne Datum",
        &[
            "Ein Absatz über die Bundestagswahl, lang genug für einen Artikel: die Parteien \
           stellen ihre Listen auf, und die Umfragen sehen die Union vorn.",
        ],
    );
    env.write("ohne-datum.html", &html);
    refused(
        &env,
        &["ohne-datum.html"],
        "ohne-datum.html: no publication date found",
    );
    env.write("leer.htm", "<html><body><nav>Menü</nav></body></html>");
    refused(
        &env,
        &["leer.htm"],
        "leer.htm: no article found in the page",
    );
    env.write("bild.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01");
    refused(
        &env,
        &["bild.html"],
        "bild.html: binary data, not an HTML page",
    );
    let big = vec![b' '; (nachlese::corpus::MAX_PAGE_BYTES + 1) as usize];
    env.write("riesig.html.gz", gzip(&big));
    refused(&env, &["riesig.html.gz"], "riesig.html.gz: too large");
    let whole = gzip(html.as_bytes());
    env.write("kaputt.html.gz", &whole[..whole.len() / 2]);
    refused(
        &env,
        &["kaputt.html.gz"],
        "kaputt.html.gz: corrupt or truncated gzip data",
    );

    // A page that gives its date (once page extraction reads dates) is indexed, its id its
    // file's path.
    let dated = html.replace(
        "<meta charset=\"utf-8\">",
        "<meta charset=\"utf-8\"><meta property=\"article:published_time\" content=\"2024-02-20T07:30:00Z\">\
         <meta name=\"author\" content=\"Anna Roth, Ben Alt\">",
    );
    let path = env.write("datiert.html.gz", gzip(dated.as_bytes()));
    let extracted = nachlese::corpus::html::extract(dated.as_bytes(), Default::default());
    if extracted.date.is_some() {
        env.on_index(&["index", "datiert.html.gz"])
            .assert()
            .success();
        let id = format!("file:{}", std::path::absolute(&path).unwrap().display());
        assert_eq!(env.ids(&["Bundestagswahl"]), std::slice::from_ref(&id));
        assert_eq!(show(&env, &id)["title"], "Ohne Datum");
        assert_eq!(
            show(&env, &id)["authors"],
            serde_json::json!(["Anna Roth", "Ben Alt"])
        );
    } else {
        refused(&env, &["datiert.html.gz"], "no publication date found");
    }
}

// ---------------------------------------------------------------------------------------
// Feeds.

#[test]
fn archives_feeds_rss_atom_and_json_feed() {
    let Some(feeds) = shared("data/web-pages/feeds") else {
        return;
    };
    let env = Env::new();
    for f in ["feed1.atom", "feed2.rss", "feed.json"] {
        std::fs::copy(feeds.join(f), env.join(f)).unwrap();
    }
    env.on_index(&["index", "feed1.atom", "feed2.rss", "feed.json"])
        .assert()
        .success();
    let atom = show(&env, "http://example.org/2003/12/13/atom03");
    assert_eq!(atom["title"], "Atom-Powered Robots Run Amok");
    assert_eq!(atom["body"], "Some text.");
    assert_eq!(atom["source"], "Example Feed");
    assert_eq!(atom["date"], "2003-12-13T18:30:02Z");
    // The feed's author stands for items that name none.
    assert_eq!(atom["authors"], serde_json::json!(["John Doe"]));
    let rss = show(&env, "http://www.example.com/blog/post/1");
    assert_eq!(rss["source"], "RSS Title");
    assert_eq!(rss["date"], "2009-09-06T16:20:00Z");
    assert_eq!(
        rss["body"],
        "Here is some text containing an interesting description."
    );
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(feeds.join("feed.json")).unwrap()).unwrap();
    let items = json["items"].as_array().unwrap();
    let first = items[0]["url"].as_str().unwrap();
    let shown = show(&env, first);
    assert_eq!(shown["title"], items[0]["title"]);
    assert_eq!(shown["source"], "Technology");
    assert_eq!(
        shown["authors"],
        serde_json::json!([items[0]["author"]["name"]])
    );
    assert!(!shown["body"].as_str().unwrap().contains('<'));
    assert_eq!(count(&env), 3 + items.len() as u64);
}

#[test]
fn archives_bad_feeds() {
    let env = Env::new();
    env.write("kaputt.rss", "Das ist kein XML.");
    refused(&env, &["kaputt.rss"], "kaputt.rss: not a readable feed");
    // In a folder, an .xml file that is no feed is not read; named, it is refused.
    env.write("in/sitemap.xml", "<?xml version=\"1.0\"?><urlset></urlset>");
    env.write(
        "in/nachrichten.xml",
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Blatt</title>\
         <item><title>Wahl in Hessen</title><link>https://example.de/hessen</link>\
         <pubDate>Sun, 08 Oct 2023 18:00:00 +0200</pubDate>\
         <description>&lt;p&gt;Die Union gewinnt.&lt;/p&gt;</description></item>\
         <item><title>Ohne Datum</title><link>https://example.de/ohne</link></item>\
         </channel></rss>",
    );
    kept_going(
        &env,
        &["in"],
        "nachrichten.xml: item 2 (https://example.de/ohne): no publication date found",
    );
    assert_eq!(env.ids(&["Hessen"]), ["https://example.de/hessen"]);
    refused(
        &env,
        &["in/sitemap.xml"],
        "sitemap.xml: not a readable feed",
    );
}

// ---------------------------------------------------------------------------------------
// The library.

#[test]
fn archives_library_reads_warc_from_any_reader() {
    let bytes = warc_gz(&crawl());
    let docs: Vec<_> =
        nachlese::corpus::warc::read(Path::new("crawl.warc.gz"), std::io::Cursor::new(bytes))
            .collect();
    let ok: Vec<&str> = docs
        .iter()
        .filter_map(|d| d.as_ref().ok())
        .map(|d| d.article.id.as_str())
        .collect();
    assert_eq!(ok, [KIM, BAHN, BAHN]);
    let errs: Vec<String> = docs
        .iter()
        .filter_map(|d| d.as_ref().err())
        .map(ToString::to_string)
        .collect();
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].contains("no article found in the page"));
    // Documents reads them from a folder, telling how far it came.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.warc.gz");
    std::fs::write(&path, warc_gz(&crawl())).unwrap();
    let mut documents = nachlese::corpus::Documents::new([dir.path().to_path_buf()]);
    let n = documents.by_ref().filter(Result::is_ok).count();
    assert_eq!(n, 3);
    assert_eq!(
        documents.bytes_read(),
        std::fs::metadata(&path).unwrap().len()
    );
}

// ---------------------------------------------------------------------------------------
// news-please JSON, CSV and --map.

/// An article as news-please writes it.
fn news_please(
    url: &str,
    title: &str,
    date: Option<&str>,
    text: Option<&str>,
) -> serde_json::Value {
    serde_json::json!({
        "authors": ["Anna Beispiel"],
        "date_download": "2024-03-02 10:00:00",
        "date_modify": null,
        "date_publish": date,
        "description": "Kurzfassung",
        "filename": "x.json",
        "image_url": null,
        "language": "de",
        "localpath": null,
        "maintext": text,
        "source_domain": "www.example.de",
        "title": title,
        "title_page": null,
        "title_rss": null,
        "url": url,
    })
}

#[test]
fn archives_news_please_json_is_read_as_it_is() {
    let env = Env::new();
    let a = news_please(
        "https://www.example.de/a",
        "Tarifeinigung bei der Lufthansa",
        Some("2024-03-01 18:45:00"),
        Some("Die Piloten bekommen mehr Geld.\n\nDer Streik ist abgewendet."),
    );
    env.write("np/a.json", a.to_string());
    let b = news_please("https://www.example.de/b", "Leer", Some("2024-03-01"), None);
    let c = news_please(
        "https://www.example.de/c",
        "Hochwasser an der Ahr",
        None,
        Some("Pegel steigen."),
    );
    env.write("np/bc.jsonl", format!("{b}\n{c}\n"));
    refused(
        &env,
        &["np"],
        "bc.jsonl:1: missing `maintext` (for the field `body`)",
    );
    let err = kept_going(
        &env,
        &["np"],
        "bc.jsonl:2: missing `date_publish` or `date_modify` (for the field `date`)",
    );
    assert_eq!(count(&env), 1, "{err}");
    let shown = show(&env, "https://www.example.de/a");
    assert_eq!(shown["title"], "Tarifeinigung bei der Lufthansa");
    assert_eq!(shown["date"], "2024-03-01T18:45:00Z");
    assert_eq!(shown["source"], "www.example.de");
    assert_eq!(shown["url"], "https://www.example.de/a");
    assert_eq!(shown["language"], "de");
    assert_eq!(shown["authors"], serde_json::json!(["Anna Beispiel"]));
    assert_eq!(env.ids(&["Piloten"]), ["https://www.example.de/a"]);
}

#[test]
fn archives_csv_and_map() {
    let env = Env::new();
    env.write(
        "artikel.csv",
        "link,headline,published,text,rubrik\n\
         https://example.de/1,Die Bahn streikt,2024-01-10,\"Ab Mittwoch stehen die Züge, sagt die GDL.\",\"Verkehr,Arbeit\"\n\
         https://example.de/2,Zu wenig Felder,2024-01-11\n\
         https://example.de/3,Schnee in München,2024-01-12,\"Der Flughafen\nstellt den Betrieb ein.\",Wetter\n",
    );
    // Without a map, the columns are not the article's fields.
    refused(
        &env,
        &["artikel.csv"],
        "artikel.csv:2: missing required field `id`",
    );
    let map = "id=link,title=headline,date=published,body=text,tags=rubrik";
    refused(
        &env,
        &["--map", map, "artikel.csv"],
        "artikel.csv:3: malformed CSV: this row has 3 field(s), the header 5",
    );
    kept_going(&env, &["--map", map, "artikel.csv"], "artikel.csv:3");
    assert_eq!(count(&env), 2);
    let one = show(&env, "https://example.de/1");
    assert_eq!(one["title"], "Die Bahn streikt");
    assert_eq!(one["tags"], serde_json::json!(["Verkehr", "Arbeit"]));
    assert_eq!(env.ids(&["Flughafen"]), ["https://example.de/3"]);

    // The same map reads JSON Lines of that shape, nested keys with dots.
    env.write(
        "feed.jsonl",
        "{\"link\":\"https://example.de/4\",\"headline\":\"Wahl in Thüringen\",\
         \"meta\":{\"published\":\"2024-09-01T18:00:00+02:00\"},\"text\":\"Die Stimmen werden gezählt.\"}\n",
    );
    env.on_index(&[
        "index",
        "--map",
        "id=link,title=headline,date=meta.published,body=text",
        "feed.jsonl",
    ])
    .assert()
    .success();
    assert_eq!(
        show(&env, "https://example.de/4")["date"],
        "2024-09-01T16:00:00Z"
    );

    // A map that names no field is refused before anything is read.
    let out = env
        .on_index(&["index", "--map", "text=body", "feed.jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unknown field `text`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn archives_library_field_maps() {
    let map: nachlese::corpus::FieldMap = "body=maintext,date=date_publish".parse().unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.jsonl"),
        "{\"id\":\"a\",\"title\":\"T\",\"date_publish\":\"2024-01-01\",\"maintext\":\"Text\"}\n",
    )
    .unwrap();
    let docs: Vec<_> = nachlese::corpus::Documents::new([dir.path().to_path_buf()])
        .map_fields(map.clone())
        .collect();
    assert_eq!(docs[0].as_ref().unwrap().article.body, "Text");
    let index = nachlese::Index::create_in_ram().unwrap();
    let mut writer = index.writer().unwrap();
    writer.map_fields(map);
    writer.add_paths([dir.path().to_path_buf()], Err).unwrap();
    writer.commit().unwrap();
    assert_eq!(index.len(), 1);
}

#[test]
fn archives_oversized_warc_records_are_skipped_with_their_offset() {
    let env = Env::new();
    let mut records = crawl()[..3].to_vec();
    let huge = vec![b' '; nachlese::corpus::MAX_PAGE_BYTES as usize + 1];
    records.insert(
        2,
        record(
            "response",
            Some("https://www.example.de/riesig"),
            "2024-01-16T08:00:00Z",
            &http(&["Content-Type: text/html"], &huge),
            None,
        ),
    );
    let members: Vec<Vec<u8>> = records.iter().map(|r| gzip(r)).collect();
    let offset: usize = members[..2].iter().map(Vec::len).sum();
    env.write("gross.warc.gz", members.concat());
    let says = format!(
        "gross.warc.gz: record at byte {offset} (https://www.example.de/riesig): too large"
    );
    refused(&env, &["gross.warc.gz"], &says);
    kept_going(&env, &["gross.warc.gz"], &says);
    assert_eq!(env.ids(&["Panzerzug"]), [KIM]);
}

#[test]
fn archives_formats_by_extension() {
    use nachlese::corpus::Format;
    let of = |p: &str| Format::of(Path::new(p));
    assert_eq!(of("a.HTML"), Some(Format::Html));
    assert_eq!(of("a.xhtml"), Some(Format::Html));
    assert_eq!(of("a.htm.gz"), Some(Format::Html));
    assert_eq!(of("CC-NEWS-20240116.warc.gz"), Some(Format::Warc));
    assert_eq!(of("a.warc"), Some(Format::Warc));
    assert_eq!(of("a.rss"), Some(Format::Feed));
    assert_eq!(of("a.atom"), Some(Format::Feed));
    assert_eq!(of("a.xml"), Some(Format::Feed));
    assert_eq!(of("a.csv"), Some(Format::Csv));
    assert_eq!(of("a.json.gz"), None);
    assert_eq!(of("a.gz"), None);
}

// ---------------------------------------------------------------------------------------
// Authors, from every format that names them.

#[test]
fn archives_authors_are_read_from_every_format_kept_and_updated() {
    let env = Env::new();
    env.write(
        "a.jsonl",
        concat!(
            r#"{"id":"j1","title":"Haushalt","date":"2024-03-01","body":"Text.","authors":["Anna Roth"," "]}"#,
            "\n",
            r#"{"id":"j2","title":"Haushalt","date":"2024-03-01","body":"Text.","authors":"Anna Roth; Ben Alt"}"#,
            "\n",
        ),
    );
    env.write(
        "m.md",
        "+++\nid = \"m1\"\ntitle = \"Haushalt\"\ndate = 2024-03-01\nauthors = [\"Carla Berg\"]\n+++\nText.\n",
    );
    env.write(
        "f.rss",
        r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Blatt</title>
<item><title>Eins</title><link>https://blatt.de/1</link><pubDate>Fri, 01 Mar 2024 10:00:00 GMT</pubDate>
<author>redaktion@blatt.de (Dora Klein)</author><description>Text.</description></item>
<item><title>Zwei</title><link>https://blatt.de/2</link><pubDate>Fri, 01 Mar 2024 10:00:00 GMT</pubDate>
<dc:creator>Emil Weiß</dc:creator><description>Text.</description></item>
<item><title>Drei</title><link>https://blatt.de/3</link><pubDate>Fri, 01 Mar 2024 10:00:00 GMT</pubDate>
<author>redaktion@blatt.de</author><description>Text.</description></item>
</channel></rss>"#,
    );
    env.write(
        "c.csv",
        "id,title,date,body,authors\nc1,Haushalt,2024-03-01,Text.,\"Fritz Lang, Gina Hof\"\n",
    );
    env.on_index(&["index", "a.jsonl", "m.md", "f.rss", "c.csv"])
        .assert()
        .success();
    let authors = |id: &str| show(&env, id)["authors"].clone();
    assert_eq!(authors("j1"), serde_json::json!(["Anna Roth"]));
    assert_eq!(authors("j2"), serde_json::json!(["Anna Roth", "Ben Alt"]));
    assert_eq!(authors("m1"), serde_json::json!(["Carla Berg"]));
    assert_eq!(
        authors("https://blatt.de/1"),
        serde_json::json!(["Dora Klein"])
    );
    assert_eq!(
        authors("https://blatt.de/2"),
        serde_json::json!(["Emil Weiß"])
    );
    // An address alone names nobody.
    assert_eq!(authors("https://blatt.de/3"), serde_json::json!([]));
    assert_eq!(authors("c1"), serde_json::json!(["Fritz Lang", "Gina Hof"]));
    // `show` names them for people too.
    env.on_index(&["show", "j2"])
        .assert()
        .stdout(predicates::str::contains("authors: Anna Roth, Ben Alt"));

    // Authors are part of the article: changing them alone updates it.
    env.write(
        "m.md",
        "+++\nid = \"m1\"\ntitle = \"Haushalt\"\ndate = 2024-03-01\nauthors = [\"Carla Berg\", \"Hans Ott\"]\n+++\nText.\n",
    );
    let report = env.json(&["index", "m.md"]);
    assert_eq!(report["updated"], 1, "{report}");
    assert_eq!(authors("m1"), serde_json::json!(["Carla Berg", "Hans Ott"]));

    // A list of anything but strings is an error naming the file and line.
    env.write(
        "bad.jsonl",
        r#"{"id":"b","title":"T","date":"2024-03-01","body":"","authors":[1]}"#,
    );
    refused(&env, &["bad.jsonl"], "bad.jsonl:1:");
}

#[test]
fn archives_authors_are_searched_with_authors_and_shown_in_hits() {
    let env = Env::new();
    env.write(
        "a.jsonl",
        concat!(
            r#"{"id":"a","title":"Haushalt beschlossen","date":"2024-03-01","body":"Der Bundestag stimmte zu.","authors":["Anna Müller"]}"#,
            "\n",
            r#"{"id":"b","title":"Müller tritt zurück","date":"2024-03-02","body":"Der Minister Müller geht.","authors":["Ben Alt"]}"#,
            "\n",
        ),
    );
    env.on_index(&["index", "a.jsonl"]).assert().success();
    // By whom, in any spelling: `authors:` (or `author:`) looks only at the authors.
    assert_eq!(env.ids(&["authors:Mueller"]), ["a"]);
    assert_eq!(env.ids(&["author:Müller Bundestag"]), ["a"]);
    // About whom: a plain word looks in title and text, not at the authors.
    assert_eq!(env.ids(&["Müller"]), ["b"]);
    let hit = &env.json(&["search", "authors:Müller"])["hits"][0];
    assert_eq!(hit["authors"], serde_json::json!(["Anna Müller"]));
    env.on_index(&["search", "Haushalt"])
        .assert()
        .stdout(predicates::str::contains("a · by Anna Müller"));
}
