//! Hostile and odd input files for `nachlese index`.
//!
//! Every case ends one of two ways, as the user sees it: a correct index, or a clear error
//! naming the file (and the line, where there is one) with exit status 2 and the last good
//! index exactly as it was (compared with [`snapshot`] before and after).

use std::fs::File;
use std::io::{BufWriter, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::process::{Command as StdCommand, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::util::{Env, record, skip_or_fail, snapshot, stderr, stdout};

// ---------------------------------------------------------------------------------------
// Helpers

/// How many articles the test index holds.
fn count(env: &Env) -> u64 {
    env.json(&["stats"])["documents"].as_u64().unwrap()
}

/// A test whose index holds one good article (the "last good index").
fn with_one_article() -> Env {
    let env = Env::new();
    env.write(
        "first.jsonl",
        record("first", "Erster Bericht", "2023-01-01", "Pjöngjang"),
    );
    env.index_files(&["first.jsonl"]);
    env
}

/// `index ARGS` must be refused: exit status 2, each of `says` in the message, and the
/// index as it was. Returns the message.
fn refused(env: &Env, args: &[&str], says: &[&str]) -> String {
    let mut full = vec!["index"];
    full.extend_from_slice(args);
    refused_by(env, env.on_index(&full), args, says)
}

/// As [`refused`], with `cmd` (`index ARGS` on the test index) run as given.
fn refused_by(env: &Env, mut cmd: assert_cmd::Command, args: &[&str], says: &[&str]) -> String {
    let before = snapshot(&env.index());
    let documents = count(env);
    let out = cmd.output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    for s in says {
        assert!(err.contains(s), "{args:?}: expected {s:?} in {err}");
    }
    assert!(
        err.contains("nothing was indexed; the index is unchanged"),
        "{args:?}: {err}"
    );
    assert_eq!(snapshot(&env.index()), before, "{args:?} changed the index");
    assert_eq!(count(env), documents, "{args:?}");
    err
}

/// `index ARGS` must succeed; returns the message.
fn indexed(env: &Env, args: &[&str]) -> String {
    let mut full = vec!["index"];
    full.extend_from_slice(args);
    let out = env.on_index(&full).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
    err
}

/// `index --keep-going ARGS` must index the good articles and list the bad: exit status 1.
fn kept_going(env: &Env, args: &[&str]) -> String {
    let mut full = vec!["index", "--keep-going"];
    full.extend_from_slice(args);
    kept_going_by(env.on_index(&full), args)
}

/// As [`kept_going`], with `cmd` (`index --keep-going ARGS` on the test index) run as given.
fn kept_going_by(mut cmd: assert_cmd::Command, args: &[&str]) -> String {
    let out = cmd.output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
    err
}

/// `show ID --json`.
fn show(env: &Env, id: &str) -> serde_json::Value {
    env.json(&["show", id])
}

/// The stored UTC date of an article.
fn date_of(env: &Env, id: &str) -> String {
    show(env, id)["date"].as_str().unwrap().to_string()
}

/// The ids `search ARGS` finds.
fn found(env: &Env, args: &[&str]) -> Vec<String> {
    env.ids(args)
}

/// A finished run of the binary: its output, how long it took and its peak resident memory.
struct Run {
    out: Output,
    took: Duration,
    /// Peak RSS in kB, where it could be measured.
    peak_kb: Option<u64>,
}

impl Run {
    fn stderr(&self) -> String {
        stderr(&self.out)
    }

    fn code(&self) -> Option<i32> {
        self.out.status.code()
    }

    /// Asserts the peak RSS (when measured) is below `mb` megabytes.
    fn assert_peak_below(&self, mb: u64, what: &str) {
        match self.peak_kb {
            Some(kb) => assert!(
                kb < mb * 1000,
                "{what}: peak RSS {} MB, expected under {mb} MB",
                kb / 1000
            ),
            None => skip_or_fail(&format!(
                "cannot measure peak memory here (no GNU time, no /proc); {what} unchecked"
            )),
        }
    }
}

/// GNU time, if it is there and takes `-f %M -o FILE`.
fn gnu_time() -> Option<&'static Path> {
    static CHECKED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    let path = Path::new("/usr/bin/time");
    let ok = *CHECKED.get_or_init(|| {
        let Ok(dir) = tempfile::tempdir() else {
            return false;
        };
        let file = dir.path().join("t");
        let status = StdCommand::new(path)
            .args(["-f", "%M", "-o"])
            .arg(&file)
            .arg("true")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        status.is_ok_and(|s| s.success()) && peak_from_time_file(&file).is_some()
    });
    ok.then_some(path)
}

/// The last number in GNU time's output file (it may write "Command exited with non-zero
/// status N" first).
fn peak_from_time_file(file: &Path) -> Option<u64> {
    let text = std::fs::read_to_string(file).ok()?;
    text.lines().rev().find_map(|l| l.trim().parse().ok())
}

/// The peak RSS (VmHWM) of a running process, in kB, from /proc.
fn vm_hwm(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Runs `nachlese ARGS --index <test index>` as `Env::cmd` does, but killed after `limit`
/// (so that a hang fails the test instead of stalling the suite), measuring its peak memory
/// with GNU time where available, or else by watching /proc.
fn run_limited(env: &Env, args: &[&str], limit: Duration) -> Run {
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let n = RUNS.fetch_add(1, Ordering::Relaxed);
    let time_file = env.cache.path().join(format!("time-{n}.txt"));
    let bin = env!("CARGO_BIN_EXE_nachlese");
    let time = gnu_time();
    let mut cmd = match time {
        Some(time) => {
            let mut c = StdCommand::new(time);
            c.args(["-f", "%M", "-o"]).arg(&time_file).arg(bin);
            c
        }
        None => StdCommand::new(bin),
    };
    let mut out_file = tempfile::tempfile().unwrap();
    let mut err_file = tempfile::tempfile().unwrap();
    cmd.current_dir(env.path())
        .env("XDG_CACHE_HOME", env.cache.path())
        .env("HOME", env.cache.path())
        .env_remove("NACHLESE_INDEX")
        .env_remove("NO_COLOR")
        .args(args)
        .arg("--index")
        .arg(env.index())
        .stdin(Stdio::null())
        .stdout(out_file.try_clone().unwrap())
        .stderr(err_file.try_clone().unwrap());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // Its own process group, so that a timeout ends the wrapper and nachlese together.
        cmd.process_group(0);
    }
    let start = Instant::now();
    let mut child = cmd.spawn().expect("spawn nachlese");
    let pid = child.id();
    let mut polled_peak = None;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if time.is_none() {
            polled_peak = vm_hwm(pid).max(polled_peak);
        }
        if start.elapsed() > limit {
            #[cfg(unix)]
            let _ = StdCommand::new("kill")
                .args(["-KILL", "--", &format!("-{pid}")])
                .status();
            let _ = child.kill();
            let _ = child.wait();
            panic!("nachlese {args:?} still running after {limit:?}: killed");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let took = start.elapsed();
    let read = |f: &mut File| {
        let mut bytes = Vec::new();
        f.rewind().unwrap();
        f.read_to_end(&mut bytes).unwrap();
        bytes
    };
    let out = Output {
        status,
        stdout: read(&mut out_file),
        stderr: read(&mut err_file),
    };
    let peak_kb = match time {
        Some(_) => peak_from_time_file(&time_file),
        None => polled_peak,
    };
    Run { out, took, peak_kb }
}

/// Writes a JSON Lines file whose line `big_line` (1-based) holds an article of about
/// `body_bytes` bytes, the other lines small articles `small-N` (about Wladiwostok).
fn write_with_big_line(env: &Env, rel: &str, lines: usize, big_line: usize, body_bytes: usize) {
    let path = env.join(rel);
    let mut w = BufWriter::with_capacity(1 << 20, File::create(path).unwrap());
    for line in 1..=lines {
        if line == big_line {
            write!(
                w,
                r#"{{"id":"big-{line}","title":"Riesig","date":"2023-01-01","body":""#
            )
            .unwrap();
            let chunk = "Wort ".repeat(200_000); // 1 MB
            let mut left = body_bytes;
            while left > 0 {
                let n = left.min(chunk.len());
                w.write_all(&chunk.as_bytes()[..n]).unwrap();
                left -= n;
            }
            writeln!(w, "\"}}").unwrap();
        } else {
            let body = format!("Kleiner Bericht Nummer {line} über Wladiwostok");
            writeln!(
                w,
                "{}",
                record(&format!("small-{line}"), "Klein", "2023-01-01", &body)
            )
            .unwrap();
        }
    }
    w.flush().unwrap();
}

/// Creates a FIFO, or says why not (and the test skips that part).
#[cfg(unix)]
fn mkfifo(path: &Path) -> bool {
    let ok = StdCommand::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        skip_or_fail("mkfifo is not available, or failed");
    }
    ok
}

/// Writes `chunks` into a FIFO from another thread (opening it blocks until the reader
/// comes); returns a function that waits for the writer.
#[cfg(unix)]
fn feed_fifo(path: &Path, chunks: impl Iterator<Item = Vec<u8>> + Send + 'static) -> impl FnOnce() {
    let fifo = path.to_path_buf();
    let handle = std::thread::spawn({
        let fifo = fifo.clone();
        move || {
            let Ok(mut f) = std::fs::OpenOptions::new().write(true).open(&fifo) else {
                return;
            };
            for chunk in chunks {
                // The reader may stop early (an error): then the writes fail, and that is fine.
                if f.write_all(&chunk).is_err() {
                    return;
                }
            }
        }
    });
    move || {
        // If the reader never opened the FIFO, the writer is still waiting to open it:
        // open it for reading once to release it.
        if !handle.is_finished() {
            let _ = File::open(&fifo);
        }
        let _ = handle.join();
    }
}

// ---------------------------------------------------------------------------------------
// Empty files, byte order marks, line ends

#[test]
fn empty_files_index_nothing_or_are_refused_by_name() {
    let env = with_one_article();
    // An empty JSON Lines file holds no articles: nothing to do, the index is untouched.
    env.write("empty.jsonl", "");
    env.write("blank.jsonl", "\n\n   \n\r\n");
    let before = snapshot(&env.index());
    let err = indexed(&env, &["empty.jsonl", "blank.jsonl"]);
    assert!(
        err.contains("indexed 0 article(s): 0 new, 0 updated"),
        "{err}"
    );
    assert_eq!(snapshot(&env.index()), before);
    assert_eq!(count(&env), 1);
    // An empty .json has no object or array: an error naming the file.
    env.write("empty.json", "");
    refused(
        &env,
        &["empty.json"],
        &["empty.json: malformed JSON: the file is empty"],
    );
    env.write("blank.json", " \n\t\n");
    refused(
        &env,
        &["blank.json"],
        &["blank.json: malformed JSON: the file is empty"],
    );
    // An empty .md has no front matter.
    env.write("empty.md", "");
    refused(
        &env,
        &["empty.md"],
        &["empty.md:1: expected `+++` on the first line"],
    );
    // An empty array is no article, and no error.
    env.write("none.json", "[]");
    assert!(indexed(&env, &["none.json"]).contains("indexed 0 article(s)"));
    assert_eq!(snapshot(&env.index()), before);
}

#[test]
fn a_byte_order_mark_is_skipped_in_every_format() {
    const BOM: &str = "\u{feff}";
    let env = with_one_article();
    env.write(
        "bom.jsonl",
        format!(
            "{BOM}{}\n{}\n",
            record("bom-l1", "Mit BOM", "2023-01-01", "Erste Zeile"),
            record("bom-l2", "Mit BOM", "2023-01-01", "Zweite Zeile")
        ),
    );
    env.write(
        "bom.json",
        format!(
            "{BOM}{}",
            record("bom-j", "Mit BOM", "2023-01-01", "Ein Objekt")
        ),
    );
    env.write(
        "bom-array.json",
        format!(
            "{BOM}[\n{}\n]",
            record("bom-a", "Mit BOM", "2023-01-01", "Ein Feld")
        ),
    );
    env.write(
        "bom.md",
        format!("{BOM}+++\nid = \"bom-m\"\ntitle = \"Mit BOM\"\ndate = 2023-01-01\n+++\nText\n"),
    );
    let err = indexed(&env, &["bom.jsonl", "bom.json", "bom-array.json", "bom.md"]);
    assert!(err.contains("5 new, 0 updated"), "{err}");
    for id in ["bom-l1", "bom-l2", "bom-j", "bom-a", "bom-m"] {
        let v = show(&env, id);
        // The mark is not part of anything the user sees.
        assert_eq!(v["id"], id);
        assert_eq!(v["title"], "Mit BOM", "{id}");
    }
    assert_eq!(show(&env, "bom-l1")["body"], "Erste Zeile");

    // Line numbers still count from the first line.
    env.write(
        "bad.json",
        format!(
            "{BOM}[\n{},\n{{\"id\": \"x\", \"title\": \"T\"}}\n]",
            record("a", "A", "2023-01-01", "x")
        ),
    );
    refused(
        &env,
        &["bad.json"],
        &["bad.json:3: missing required field `date`"],
    );
    env.write(
        "bad.md",
        format!("{BOM}+++\nid = \"x\"\ntitle = \"T\"\ndate = \"2023-02-30\"\n+++\nText"),
    );
    refused(&env, &["bad.md"], &["bad.md:4: field `date`"]);
    // A mark only: nothing in a JSON Lines file, no object in a .json, no front matter.
    env.write("only.jsonl", BOM);
    assert!(indexed(&env, &["only.jsonl"]).contains("indexed 0 article(s)"));
    env.write("only.json", BOM);
    refused(&env, &["only.json"], &["only.json: malformed JSON"]);
    env.write("only.md", BOM);
    refused(&env, &["only.md"], &["only.md:1: expected `+++`"]);
    // A mark in the middle (files pasted together) is not skipped there: named by its line.
    env.write(
        "pasted.jsonl",
        format!(
            "{}\n{BOM}{}\n",
            record("p1", "A", "2023-01-01", "x"),
            record("p2", "B", "2023-01-01", "x")
        ),
    );
    refused(&env, &["pasted.jsonl"], &["pasted.jsonl:2: malformed JSON"]);
}

#[test]
fn crlf_line_ends_work_in_every_format() {
    let env = with_one_article();
    env.write(
        "crlf.jsonl",
        format!(
            "{}\r\n\r\n{}\r\n",
            record("crlf-l1", "Windows", "2023-01-01T10:00:00+01:00", "Eins"),
            record("crlf-l2", "Windows", "2023-01-02", "Zwei")
        ),
    );
    env.write(
        "crlf.json",
        format!(
            "[\r\n  {},\r\n  {}\r\n]\r\n",
            record("crlf-j1", "Windows", "2023-01-03", "Drei"),
            record("crlf-j2", "Windows", "2023-01-04", "Vier")
        ),
    );
    env.write(
        "crlf.md",
        "+++\r\nid = \"crlf-m\"\r\ntitle = \"Windows\"\r\ndate = 2023-01-05\r\n\
         tags = [\"Russland\", \"Nordkorea\"]\r\n+++\r\n\r\nZeile eins\r\nZeile zwei\r\n\r\n",
    );
    let err = indexed(&env, &["crlf.jsonl", "crlf.json", "crlf.md"]);
    assert!(err.contains("5 new, 0 updated"), "{err}");
    assert_eq!(date_of(&env, "crlf-l1"), "2023-01-01T09:00:00Z");
    assert_eq!(show(&env, "crlf-l2")["body"], "Zwei");
    assert_eq!(show(&env, "crlf-j2")["title"], "Windows");
    let md = show(&env, "crlf-m");
    // No stray carriage returns in the text, the title or the tags.
    assert_eq!(md["body"], "Zeile eins\nZeile zwei");
    assert_eq!(md["title"], "Windows");
    assert_eq!(md["tags"], serde_json::json!(["Russland", "Nordkorea"]));
    assert_eq!(md["date"], "2023-01-05T00:00:00Z");
    assert_eq!(found(&env, &["Zeile"]), ["crlf-m"]);

    // Errors name the right line with CRLF too.
    env.write(
        "bad.jsonl",
        format!(
            "{}\r\n{{\"id\":\"y\",\"title\":\"T\"}}\r\n",
            record("a", "A", "2023-01-01", "x")
        ),
    );
    refused(
        &env,
        &["bad.jsonl"],
        &["bad.jsonl:2: missing required field `date`"],
    );
    env.write(
        "bad.json",
        format!(
            "[\r\n{},\r\n{{\"id\":\"y\",\"title\":\"T\"}}\r\n]\r\n",
            record("a", "A", "2023-01-01", "x")
        ),
    );
    refused(
        &env,
        &["bad.json"],
        &["bad.json:3: missing required field `date`"],
    );
    env.write(
        "bad.md",
        "+++\r\nid = \"y\"\r\ntitle = \"T\"\r\ndate = \"2023-02-30\"\r\n+++\r\nText\r\n",
    );
    refused(&env, &["bad.md"], &["bad.md:4: field `date`"]);
}

// ---------------------------------------------------------------------------------------
// Bytes that are not text

#[test]
fn invalid_utf8_is_refused_by_file_and_line_in_every_format() {
    let env = with_one_article();
    let mut jsonl = format!("{}\n", record("a", "A", "2023-01-01", "x")).into_bytes();
    jsonl.extend_from_slice(
        b"{\"id\":\"b\",\"title\":\"K\xf6ln\",\"date\":\"2023-01-01\",\"body\":\"\"}\n",
    );
    env.write("bad.jsonl", &jsonl);
    refused(
        &env,
        &["bad.jsonl"],
        &["bad.jsonl:2: invalid UTF-8 (byte 21 of the line)"],
    );
    let mut json = format!("[\n{},\n", record("a", "A", "2023-01-01", "x")).into_bytes();
    json.extend_from_slice(
        b"{\"id\":\"b\",\"title\":\"K\xf6ln\",\"date\":\"2023-01-01\",\"body\":\"\"}\n]",
    );
    env.write("bad.json", &json);
    refused(&env, &["bad.json"], &["bad.json:3: invalid UTF-8"]);
    env.write(
        "front.md",
        b"+++\nid = \"x\"\ntitle = \"K\xf6ln\"\ndate = 2023-01-01\n+++\nText\n",
    );
    refused(&env, &["front.md"], &["front.md:3: invalid UTF-8"]);
    env.write(
        "body.md",
        b"+++\nid = \"x\"\ntitle = \"T\"\ndate = 2023-01-01\n+++\nZeile\n\xc3\x28 kaputt\n",
    );
    refused(
        &env,
        &["body.md"],
        &["body.md:7: invalid UTF-8 (byte 1 of the line)"],
    );
    // A whole file in Latin-1, the usual way to get here.
    let latin1: Vec<u8> = record("l1", "Grüße aus Köln", "2023-01-01", "Straße")
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap())
        .collect();
    env.write("latin1.jsonl", &latin1);
    refused(&env, &["latin1.jsonl"], &["latin1.jsonl:1: invalid UTF-8"]);
    // With --keep-going, the line is skipped and the rest indexed.
    let err = kept_going(&env, &["bad.jsonl"]);
    assert!(err.contains("skipped bad.jsonl:2: invalid UTF-8"), "{err}");
    assert_eq!(show(&env, "a")["title"], "A");
}

#[test]
fn nul_bytes_are_refused_raw_and_kept_escaped() {
    let env = with_one_article();
    // A raw NUL in a JSON Lines record: JSON forbids control characters in strings.
    let mut raw = format!("{}\n", record("ok", "Gut", "2023-01-01", "x")).into_bytes();
    raw.extend_from_slice(
        b"{\"id\":\"n\",\"title\":\"T\",\"date\":\"2023-01-01\",\"body\":\"vor\0nach\"}\n",
    );
    env.write("raw.jsonl", &raw);
    refused(
        &env,
        &["raw.jsonl"],
        &["raw.jsonl:2: malformed JSON: control character"],
    );
    // A raw NUL between tokens.
    let mut between = b"{\"id\":\"n\",\0\"title\":\"T\"}\n".to_vec();
    between.extend_from_slice(record("ok", "Gut", "2023-01-01", "x").as_bytes());
    env.write("between.jsonl", &between);
    refused(
        &env,
        &["between.jsonl"],
        &["between.jsonl:1: malformed JSON"],
    );

    // "\u0000" escaped inside a JSON string is a character like another: indexed, kept as
    // given, and the words around it are found.
    env.write(
        "escaped.jsonl",
        r#"{"id":"nul-esc","title":"Titel\u0000Kopf","date":"2023-01-01","body":"Giraffe\u0000Zebra und Nashorn"}"#,
    );
    env.write(
        "escaped.json",
        r#"[{"id":"nul-json","title":"T","date":"2023-01-01","body":"Okapi\u0000 Tapir"}]"#,
    );
    let err = indexed(&env, &["escaped.jsonl", "escaped.json"]);
    assert!(err.contains("2 new"), "{err}");
    let v = show(&env, "nul-esc");
    assert_eq!(v["body"], "Giraffe\u{0}Zebra und Nashorn");
    assert_eq!(v["title"], "Titel\u{0}Kopf");
    for word in ["Giraffe", "Zebra", "Nashorn"] {
        assert_eq!(found(&env, &[word]), ["nul-esc"], "{word}");
    }
    assert_eq!(found(&env, &["Tapir"]), ["nul-json"]);
    // ...except in an id, which must not hold control characters.
    env.write(
        "id.jsonl",
        r#"{"id":"a\u0000b","title":"T","date":"2023-01-01","body":""}"#,
    );
    refused(
        &env,
        &["id.jsonl"],
        &["id.jsonl:1: field `id` contains control characters"],
    );

    // A NUL in a Markdown body is text too.
    env.write(
        "nul.md",
        b"+++\nid = \"nul-md\"\ntitle = \"T\"\ndate = 2023-01-01\n+++\nvor\0Gurke Melone\n",
    );
    indexed(&env, &["nul.md"]);
    assert_eq!(show(&env, "nul-md")["body"], "vor\u{0}Gurke Melone");
    assert_eq!(found(&env, &["Melone"]), ["nul-md"]);
    // In the TOML front matter it is not allowed.
    env.write(
        "front.md",
        b"+++\nid = \"x\"\ntitle = \"T\0\"\ndate = 2023-01-01\n+++\nText\n",
    );
    refused(&env, &["front.md"], &["front.md:3: malformed front matter"]);
}

// ---------------------------------------------------------------------------------------
// Size

#[test]
fn a_100_mb_article_is_refused_by_line_without_reading_it_into_memory() {
    let env = with_one_article();
    write_with_big_line(&env, "big.jsonl", 3, 2, 100_000_000);
    let before = snapshot(&env.index());
    let run = run_limited(&env, &["index", "big.jsonl"], Duration::from_secs(120));
    let err = run.stderr();
    assert_eq!(run.code(), Some(2), "{err}");
    assert!(
        err.contains("big.jsonl:2: too large: 100.0 MB") && err.contains("per article"),
        "{err}"
    );
    assert!(
        err.contains("nothing was indexed; the index is unchanged"),
        "{err}"
    );
    assert_eq!(snapshot(&env.index()), before);
    // The line is skipped as it streams by: the process never holds it.
    run.assert_peak_below(100, "a 100 MB line");
    assert!(run.took < Duration::from_secs(30), "took {:?}", run.took);

    // With --keep-going the lines before and after it are indexed.
    let err = kept_going(&env, &["big.jsonl"]);
    assert!(err.contains("skipped big.jsonl:2: too large"), "{err}");
    assert!(
        err.contains("2 new, 0 updated; skipped 1 bad one(s)"),
        "{err}"
    );
    assert_eq!(count(&env), 3);
    let mut small = found(&env, &["Wladiwostok"]);
    small.sort();
    assert_eq!(small, ["small-1", "small-3"]);
}

#[test]
fn an_article_over_the_limit_in_a_json_or_markdown_file_is_refused_by_name() {
    let env = with_one_article();
    let body = "Wort ".repeat(3_400_000); // 17 MB: over 16 MiB
    env.write(
        "big.json",
        format!(
            "[\n{},\n{}\n]",
            record("ok", "Gut", "2023-01-01", "x"),
            record("big", "Riesig", "2023-01-01", &body)
        ),
    );
    refused(
        &env,
        &["big.json"],
        &["big.json:3: too large: 17.0 MB", "per article"],
    );
    env.write(
        "big.md",
        format!("+++\nid = \"big\"\ntitle = \"Riesig\"\ndate = 2023-01-01\n+++\n{body}"),
    );
    refused(&env, &["big.md"], &["big.md:1: too large: 17.0 MB"]);
    // With --keep-going the rest of the array is indexed.
    let err = kept_going(&env, &["big.json"]);
    assert!(err.contains("skipped big.json:3: too large"), "{err}");
    assert_eq!(count(&env), 2);
}

#[test]
fn long_lines_with_keep_going_leave_the_next_lines_indexed() {
    let env = with_one_article();
    // Lines 2 and 4 are over the limit (17 MB each); the last one has no line end.
    let path = env.join("long.jsonl");
    let mut w = BufWriter::new(File::create(&path).unwrap());
    let long = format!(
        "{{\"id\":\"long\",\"title\":\"T\",\"date\":\"2023-01-01\",\"body\":\"{}\"}}",
        "x".repeat(17_000_000)
    );
    for line in 1..=6 {
        if line == 2 || line == 4 || line == 6 {
            w.write_all(long.as_bytes()).unwrap();
        } else {
            let body = format!("Zeile {line} über Chabarowsk");
            w.write_all(record(&format!("line-{line}"), "T", "2023-01-01", &body).as_bytes())
                .unwrap();
        }
        if line < 6 {
            w.write_all(b"\n").unwrap();
        }
    }
    w.flush().unwrap();
    drop(w);
    refused(&env, &["long.jsonl"], &["long.jsonl:2: too large: 17.0 MB"]);
    let err = kept_going(&env, &["long.jsonl"]);
    // Each long line is named by its own number: counting goes on after a skipped line.
    for line in [2, 4, 6] {
        assert!(
            err.contains(&format!("skipped long.jsonl:{line}: too large: 17.0 MB")),
            "{err}"
        );
    }
    assert!(
        err.contains("3 new, 0 updated; skipped 3 bad one(s)"),
        "{err}"
    );
    assert_eq!(
        found(&env, &["Chabarowsk", "--sort", "oldest"]).len(),
        3,
        "lines 1, 3 and 5"
    );
    // The origin of an article after a long line still names its line's file.
    assert!(
        show(&env, "line-5")["origin"]
            .as_str()
            .unwrap()
            .ends_with("long.jsonl")
    );
}

#[test]
fn the_size_error_states_a_limit_below_the_size_refused() {
    let env = with_one_article();
    // 16.9 MB: over the 16 MiB limit (16.78 MB).
    env.write(
        "over.jsonl",
        record("over", "T", "2023-01-01", &"a ".repeat(8_450_000)),
    );
    let err = refused(&env, &["over.jsonl"], &["over.jsonl:1: too large: 16.9 MB"]);
    let limit: f64 = err
        .split("accepts at most ")
        .nth(1)
        .and_then(|s| s.split(" MB").next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no limit in {err}"));
    assert!(
        limit < 16.9,
        "the message says the limit ({limit} MB) is above the size refused (16.9 MB): {err}"
    );
}

#[test]
#[ignore = "slow: writes 2 GB; run with cargo test --release -- --ignored two_gb"]
fn two_gb_of_json_lines_stream_with_bounded_memory() {
    let env = Env::new();
    const TARGET: u64 = 2 << 30;
    let body = "Der russische Präsident Wladimir Putin hat dem nordkoreanischen Machthaber \
                Kim Jong-un bei einem Treffen am Weltraumbahnhof Wostotschny weitere \
                Zusammenarbeit zugesagt. Beide Seiten sprachen über Raumfahrt, Landwirtschaft \
                und Verkehr; Einzelheiten wurden nicht bekannt. Beobachter in Seoul und \
                Washington befürchten, dass Pjöngjang Munition liefert und dafür Technik für \
                Satelliten und U-Boote erhält. Der Kreml wies die Vorwürfe zurück und sprach \
                von guter Nachbarschaft. Kim reiste mit seinem gepanzerten Zug an und besuchte \
                anschließend Werke in Komsomolsk am Amur sowie die Pazifikflotte in \
                Wladiwostok, wo ihm Verteidigungsminister Sergej Schoigu Bomber, \
                Hyperschallraketen und eine Fregatte zeigte. Die Vereinten Nationen verbieten \
                jeden Waffenhandel mit Nordkorea; Russland hat die Sanktionen im \
                Sicherheitsrat einst mitgetragen. Analysten sehen in dem Treffen ein Zeichen, \
                dass Moskau wegen des Krieges in der Ukraine auf neue Partner angewiesen ist \
                und dafür auch den Bruch internationaler Regeln in Kauf nimmt. Südkorea kündigte \
                an, seine Zusammenarbeit mit den Vereinigten Staaten und Japan zu verstärken. \
                Nach dem Gipfel veröffentlichten die Staatsmedien beider Länder Bilder von \
                Trinksprüchen, einem Gewehr als Gastgeschenk und einer Besichtigung der \
                Startrampe für die Angara-Rakete. Wenige Wochen später meldete Südkorea, \
                Nordkorea habe Container mit Artilleriegranaten über den Hafen Rason nach \
                Russland verschifft; Satellitenbilder zeigten ungewöhnlich viele Güterzüge \
                an der Grenzbrücke über den Tumen.";
    let line = |i: u64| {
        format!(
            "{}\n",
            record(
                &format!("gb-{i:08}"),
                &format!("Bericht {i:08} über Putin und Kim"),
                "2023-09-13T08:00:00+09:00",
                body
            )
        )
    };
    let per_line = line(0).len() as u64;
    assert!((1500..2000).contains(&per_line), "{per_line}");
    let lines = TARGET.div_ceil(per_line);
    let path = env.join("two-gb.jsonl");
    let started = Instant::now();
    let mut w = BufWriter::with_capacity(4 << 20, File::create(&path).unwrap());
    for i in 0..lines {
        w.write_all(line(i).as_bytes()).unwrap();
    }
    w.flush().unwrap();
    drop(w);
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(size >= TARGET, "{size}");
    eprintln!(
        "wrote {lines} articles, {:.2} GB, in {:?}",
        size as f64 / 1e9,
        started.elapsed()
    );

    let run = run_limited(
        &env,
        &["index", "two-gb.jsonl", "--memory", "64"],
        Duration::from_secs(3 * 3600),
    );
    let err = run.stderr();
    assert_eq!(run.code(), Some(0), "{err}");
    eprintln!(
        "indexed in {:?}, peak RSS {:?} MB: {err}",
        run.took,
        run.peak_kb.map(|kb| kb / 1000)
    );
    assert!(
        err.contains(&format!(
            "indexed {lines} article(s): {lines} new, 0 updated"
        )),
        "{err}"
    );
    run.assert_peak_below(600, "indexing 2 GB");
    assert_eq!(count(&env), lines);
    let last = format!("gb-{:08}", lines - 1);
    assert_eq!(date_of(&env, &last), "2023-09-12T23:00:00Z");
    assert_eq!(
        env.json(&["search", "Wostotschny", "-n", "1"])["total"],
        lines
    );
}

#[test]
fn a_token_of_100000_characters_is_dropped_and_the_rest_is_searchable() {
    let env = with_one_article();
    let ascii = "Ab".repeat(50_000);
    let umlauts = "ä".repeat(100_000);
    env.write(
        "tokens.jsonl",
        format!(
            "{}\n{}\n",
            record(
                "tok",
                "Langes Wort",
                "2023-01-01",
                &format!("Vorher Kaninchen {ascii} nachher Elefant")
            ),
            record(
                "tok-umlaut",
                "Umlaute",
                "2023-01-01",
                &format!("Vorher Giraffe {umlauts} nachher Zebra")
            )
        ),
    );
    env.write(
        "tok.md",
        format!(
            "+++\nid = \"tok-md\"\ntitle = \"{}\"\ndate = 2023-01-01\n+++\nKrokodil {} Nilpferd\n",
            "x".repeat(100_000),
            "y".repeat(100_000)
        ),
    );
    let run = run_limited(
        &env,
        &["index", "tokens.jsonl", "tok.md"],
        Duration::from_secs(60),
    );
    assert_eq!(run.code(), Some(0), "{}", run.stderr());
    assert!(
        run.stderr().contains("3 new, 0 updated"),
        "{}",
        run.stderr()
    );
    for (word, id) in [
        ("Kaninchen", "tok"),
        ("Elefant", "tok"),
        ("Giraffe", "tok-umlaut"),
        ("Zebra", "tok-umlaut"),
        ("Krokodil", "tok-md"),
        ("Nilpferd", "tok-md"),
    ] {
        assert_eq!(found(&env, &[word]), [id], "{word}");
    }
    // The text is stored whole, the long word included.
    let body = show(&env, "tok")["body"].as_str().unwrap().to_string();
    assert!(body.contains(&ascii));
    assert_eq!(
        show(&env, "tok-md")["title"].as_str().unwrap().len(),
        100_000
    );
    // The word itself is not in the index: searching for it finds nothing (exit 1).
    let out = env
        .on_index(&["search", "--json", &ascii])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stdout(&out).contains("\"total\":0"));
    assert_eq!(count(&env), 4);
}

// ---------------------------------------------------------------------------------------
// Structure

#[test]
fn json_nested_10000_deep_is_an_error_or_ignored_never_a_crash() {
    const DEPTH: usize = 10_000;
    let env = with_one_article();
    let arrays = format!("{}{}", "[".repeat(DEPTH), "]".repeat(DEPTH));
    let objects = format!("{}1{}", "{\"a\":".repeat(DEPTH), "}".repeat(DEPTH));
    // As the record itself: not an article object.
    env.write("deep.jsonl", format!("{arrays}\n"));
    refused(
        &env,
        &["deep.jsonl"],
        &["deep.jsonl:1: malformed JSON: expected an article object"],
    );
    env.write("deep.json", &arrays);
    refused(
        &env,
        &["deep.json"],
        &["deep.json:1: malformed JSON: expected an article object"],
    );
    // In a field that must be text.
    env.write(
        "deep-tags.jsonl",
        format!(r#"{{"id":"d","title":"T","date":"2023-01-01","body":"","tags":{arrays}}}"#),
    );
    refused(
        &env,
        &["deep-tags.jsonl"],
        &["deep-tags.jsonl:1: malformed JSON: invalid type"],
    );
    env.write(
        "deep-title.json",
        format!(r#"[{{"id":"d","title":{objects},"date":"2023-01-01","body":""}}]"#),
    );
    refused(
        &env,
        &["deep-title.json"],
        &["deep-title.json:1: malformed JSON: invalid type"],
    );
    // In TOML front matter: the parser's recursion limit, named by line.
    env.write(
        "deep.md",
        format!(
            "+++\nid = \"d\"\ntitle = \"T\"\ndate = 2023-01-01\nextra = {}1{}\n+++\nText\n",
            "[".repeat(DEPTH),
            "]".repeat(DEPTH)
        ),
    );
    refused(
        &env,
        &["deep.md"],
        &["deep.md:5: malformed front matter: cannot recurse further"],
    );
    // In a key nachlese ignores: the article is read, the nesting skipped (without recursion).
    env.write(
        "deep-extra.jsonl",
        format!(
            "{}\n{}\n",
            format_args!(
                r#"{{"id":"deep-1","title":"T","date":"2023-01-01","body":"Tiefsee","extra":{arrays}}}"#
            ),
            format_args!(
                r#"{{"id":"deep-2","title":"T","date":"2023-01-01","body":"Tiefsee","extra":{objects}}}"#
            )
        ),
    );
    env.write(
        "deep-extra.json",
        format!(
            r#"[{{"id":"deep-3","title":"T","date":"2023-01-01","body":"Tiefsee","extra":{objects}}}]"#
        ),
    );
    let err = indexed(&env, &["deep-extra.jsonl", "deep-extra.json"]);
    assert!(err.contains("3 new"), "{err}");
    assert_eq!(found(&env, &["Tiefsee"]).len(), 3);
}

#[test]
fn duplicate_ids_within_one_file_the_later_wins_as_an_update() {
    let env = with_one_article();
    env.write(
        "dup.jsonl",
        [
            record("dup", "Erste Fassung", "2023-01-01", "Frühfassung"),
            record("other", "Anderes", "2023-01-01", "x"),
            record("dup", "Zweite Fassung", "2023-01-02", "Spätfassung"),
        ]
        .join("\n"),
    );
    let v = env.json(&["index", "dup.jsonl"]);
    assert_eq!(
        (v["added"].as_u64(), v["updated"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(v["documents"], 3);
    let dup = show(&env, "dup");
    assert_eq!(dup["title"], "Zweite Fassung");
    assert_eq!(dup["date"], "2023-01-02T00:00:00Z");
    assert_eq!(found(&env, &["Spätfassung"]), ["dup"]);
    assert!(found(&env, &["Frühfassung"]).is_empty());

    // In a .json array, and for an id the index already holds: both count as updates.
    env.write(
        "dup.json",
        format!(
            "[{},{}]",
            record("first", "Neu eins", "2023-01-01", "x"),
            record("first", "Neu zwei", "2023-01-01", "x")
        ),
    );
    let err = indexed(&env, &["dup.json"]);
    assert!(
        err.contains("indexed 2 article(s): 0 new, 2 updated; the index holds 3 article(s)"),
        "{err}"
    );
    assert_eq!(show(&env, "first")["title"], "Neu zwei");
    assert_eq!(found(&env, &["Erster"]), Vec::<String>::new());
}

// ---------------------------------------------------------------------------------------
// Dates

#[test]
fn dates_far_back_far_ahead_and_odd_offsets() {
    let env = with_one_article();
    env.write(
        "dates.jsonl",
        [
            record("y1900", "T", "1900-01-01", "x"),
            record("y1900-offset", "T", "1900-01-01T00:00:00+01:00", "x"),
            record("p14", "T", "2024-01-01T00:00:00+14:00", "x"),
            record("m12", "T", "2024-01-01T00:00:00-12:00", "x"),
            record("p0545", "T", "2024-01-01T00:00:00+05:45", "x"),
            record("p0000", "T", "2024-01-01T12:00:00+00:00", "x"),
            record("z", "T", "2024-01-01T12:00:00Z", "x"),
            record("m0000", "T", "2024-01-01T12:00:00-00:00", "x"),
            record("lower-z", "T", "2024-01-01t12:00:00z", "x"),
            record("fraction", "T", "2024-01-01T12:00:00.999+01:00", "x"),
        ]
        .join("\n"),
    );
    env.write(
        "offset.md",
        "+++\nid = \"md-0545\"\ntitle = \"T\"\ndate = 2024-02-20T07:30:00+05:45\n+++\nx\n",
    );
    indexed(&env, &["dates.jsonl", "offset.md"]);
    // Every article with its stored date, in one listing.
    let listing = env.json(&["search", "--from", "1800", "--to", "2100", "-n", "100"]);
    let dates: std::collections::HashMap<&str, &str> = listing["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["id"].as_str().unwrap(), h["date"].as_str().unwrap()))
        .collect();
    for (id, utc) in [
        ("y1900", "1900-01-01T00:00:00Z"),
        ("y1900-offset", "1899-12-31T23:00:00Z"),
        ("p14", "2023-12-31T10:00:00Z"),
        ("m12", "2024-01-01T12:00:00Z"),
        ("p0545", "2023-12-31T18:15:00Z"),
        ("p0000", "2024-01-01T12:00:00Z"),
        ("z", "2024-01-01T12:00:00Z"),
        ("m0000", "2024-01-01T12:00:00Z"),
        ("lower-z", "2024-01-01T12:00:00Z"),
        ("fraction", "2024-01-01T11:00:00Z"),
        ("md-0545", "2024-02-20T01:45:00Z"),
    ] {
        assert_eq!(dates.get(id).copied(), Some(utc), "{id}");
    }
    // `show` says the same.
    assert_eq!(date_of(&env, "p0545"), "2023-12-31T18:15:00Z");
    // A date before 1970 can be searched for like any other.
    assert_eq!(found(&env, &["--from", "1900", "--to", "1900"]), ["y1900"]);

    // Dates the index cannot store are named, with file and line.
    let bad = [
        ("10000-01-01", "expected a four-digit year"),
        ("+10000-01-01T00:00:00Z", "expected a four-digit year"),
        ("9999-12-31", "outside the range the index can store"),
        ("2263-01-01", "outside the range the index can store"),
        ("1600-01-01", "outside the range the index can store"),
        (
            "2024-01-01T00:00:00+24:00",
            "expected YYYY-MM-DD or an RFC 3339",
        ),
    ];
    let lines: Vec<String> = bad
        .iter()
        .enumerate()
        .map(|(i, (date, _))| record(&format!("bad-{i}"), "T", date, "x"))
        .collect();
    env.write(
        "bad.jsonl",
        format!(
            "{}\n{}",
            record("ok", "T", "2023-01-01", "x"),
            lines.join("\n")
        ),
    );
    refused(
        &env,
        &["bad.jsonl"],
        &["bad.jsonl:2: field `date`: invalid date \"10000-01-01\": expected a four-digit year"],
    );
    // --keep-going lists each one by its line, and indexes the good one.
    let out = env
        .on_index(&["index", "--keep-going", "--json", "bad.jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report = crate::util::parse_json(&out);
    let rejected = report["rejected"].as_array().unwrap();
    assert_eq!(rejected.len(), bad.len(), "{report}");
    for (i, (date, says)) in bad.iter().enumerate() {
        assert_eq!(rejected[i]["line"], i + 2, "{date}");
        let message = rejected[i]["message"].as_str().unwrap();
        assert!(
            message.starts_with(&format!("field `date`: invalid date {date:?}"))
                && message.contains(says),
            "{date}: {message}"
        );
    }
    assert_eq!(report["added"], 1);
    assert_eq!(date_of(&env, "ok"), "2023-01-01T00:00:00Z");
    env.write(
        "far.md",
        "+++\nid = \"far\"\ntitle = \"T\"\n\ndate = 9999-12-31\n+++\nx\n",
    );
    refused(
        &env,
        &["far.md"],
        &[
            "far.md:5: field `date`",
            "outside the range the index can store",
        ],
    );
}

#[test]
fn the_first_instant_the_date_error_names_is_accepted() {
    let env = with_one_article();
    env.write(
        "first.jsonl",
        record("first", "T", "1677-09-21T00:12:44Z", "x"),
    );
    indexed(&env, &["first.jsonl"]);
    assert_eq!(date_of(&env, "first"), "1677-09-21T00:12:44Z");
    // A second earlier is refused, and the message names the first instant that is not.
    env.write(
        "before.jsonl",
        record("before", "T", "1677-09-21T00:12:43Z", "x"),
    );
    refused(
        &env,
        &["before.jsonl"],
        &["before.jsonl:1: field `date`", "(1677-09-21T00:12:44Z to"],
    );
}

// ---------------------------------------------------------------------------------------
// Folders and files that are not plain files

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_named_and_keep_going_indexes_the_rest() {
    let env = with_one_article();
    env.write(
        "in/a/1.jsonl",
        record("loop-a", "T", "2023-01-01", "Sibirien"),
    );
    env.write(
        "in/z.jsonl",
        record("loop-z", "T", "2023-01-01", "Sibirien"),
    );
    // in/a/up -> in: walking in/a/up would walk in again, for ever.
    std::os::unix::fs::symlink("..", env.join("in/a/up")).unwrap();
    let run = run_limited(&env, &["index", "in"], Duration::from_secs(60));
    let err = run.stderr();
    assert_eq!(run.code(), Some(2), "{err}");
    assert!(
        err.contains("in/a/up: symlink loop: this folder is also in, which contains it"),
        "{err}"
    );
    assert_eq!(count(&env), 1);
    let err = kept_going(&env, &["in"]);
    assert!(err.contains("skipped in/a/up: symlink loop"), "{err}");
    assert!(
        err.contains("2 new, 0 updated; skipped 1 bad one(s)"),
        "{err}"
    );
    assert_eq!(found(&env, &["Sibirien"]).len(), 2);

    // A folder that links to itself, and a link to itself.
    env.write("self/x.jsonl", record("self-x", "T", "2023-01-01", "Taiga"));
    std::os::unix::fs::symlink(".", env.join("self/again")).unwrap();
    std::os::unix::fs::symlink("itself", env.join("self/itself")).unwrap();
    refused(
        &env,
        &["self"],
        &["self/again: symlink loop: this folder is also self"],
    );
    let err = kept_going(&env, &["self"]);
    assert!(err.contains("skipped self/again: symlink loop"), "{err}");
    assert!(err.contains("skipped self/itself: cannot read"), "{err}");
    assert_eq!(found(&env, &["Taiga"]), ["self-x"]);
}

#[cfg(unix)]
#[test]
fn a_file_reached_through_two_paths_is_unchanged_on_the_next_run() {
    let env = with_one_article();
    env.write("in/b/x.jsonl", record("twice", "T", "2023-01-01", "x"));
    std::fs::create_dir_all(env.join("in/a")).unwrap();
    std::os::unix::fs::symlink("../b", env.join("in/a/link")).unwrap();
    indexed(&env, &["in"]);
    assert_eq!(count(&env), 2);
    let before = snapshot(&env.index());
    let err = indexed(&env, &["in"]);
    assert!(err.contains("0 new, 0 updated"), "{err}");
    assert_eq!(
        snapshot(&env.index()),
        before,
        "indexing the same folder again changed the index"
    );
}

#[cfg(unix)]
#[test]
fn unreadable_entries_in_a_walked_folder() {
    use std::os::unix::fs::PermissionsExt;

    let env = with_one_article();
    env.write("in/a.jsonl", record("in-a", "T", "2023-01-01", "Steppe"));
    env.write("in/z.jsonl", record("in-z", "T", "2023-01-01", "Steppe"));
    // A dangling link: the walk finds it, reading it fails.
    std::os::unix::fs::symlink(env.join("nowhere.jsonl"), env.join("in/m-link.jsonl")).unwrap();
    refused(&env, &["in"], &["in/m-link.jsonl: cannot read"]);
    let err = kept_going(&env, &["in"]);
    assert!(
        err.contains("skipped in/m-link.jsonl: cannot read"),
        "{err}"
    );
    assert!(err.contains("2 new"), "{err}");
    std::fs::remove_file(env.join("in/m-link.jsonl")).unwrap();

    // A folder named like a file is walked as a folder.
    env.write(
        "in/dir.jsonl/inner.jsonl",
        record("inner", "T", "2023-01-01", "Steppe"),
    );
    env.write(
        "in/dir.md/inner.md",
        "+++\nid = \"inner-md\"\ntitle = \"T\"\ndate = 2023-01-01\n+++\nSteppe\n",
    );
    indexed(&env, &["in"]);
    assert_eq!(found(&env, &["Steppe"]).len(), 4);
    indexed(&env, &["in/dir.jsonl"]);

    // A FIFO named like a JSON Lines file is not a file: the walk passes it by (it would
    // otherwise wait for a writer for ever).
    if mkfifo(&env.join("in/fifo.jsonl")) {
        let run = run_limited(&env, &["index", "in", "--force"], Duration::from_secs(60));
        assert_eq!(run.code(), Some(0), "{}", run.stderr());
        assert_eq!(count(&env), 5);
        std::fs::remove_file(env.join("in/fifo.jsonl")).unwrap();
    }

    // A file without read permission (as another user where permissions do not apply to
    // this one: root).
    let locked = env.write("in/locked.jsonl", record("locked", "T", "2023-01-01", "x"));
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if let Some(cmd) = env.on_index_where_permissions_apply(&["index", "in"]) {
        refused_by(&env, cmd, &["in"], &["in/locked.jsonl: cannot read"]);
    }
    if let Some(cmd) = env.on_index_where_permissions_apply(&["index", "--keep-going", "in"]) {
        let err = kept_going_by(cmd, &["in"]);
        assert!(
            err.contains("skipped in/locked.jsonl: cannot read"),
            "{err}"
        );
        assert!(err.contains("the index holds 5 article(s)"), "{err}");
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644)).unwrap();
    // A folder without read permission.
    env.write(
        "in/closed/x.jsonl",
        record("closed", "T", "2023-01-01", "x"),
    );
    let closed = env.join("in/closed");
    std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o000)).unwrap();
    if let Some(cmd) = env.on_index_where_permissions_apply(&["index", "in"]) {
        refused_by(&env, cmd, &["in"], &["in/closed: cannot read"]);
    }
    std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_fifo_named_on_the_command_line_is_read_like_a_file() {
    let env = with_one_article();
    let fifo = env.join("feed.jsonl");
    if !mkfifo(&fifo) {
        return;
    }
    let text = format!(
        "{}\n{}\n",
        record("fifo-1", "T", "2023-01-01", "Tundra"),
        record("fifo-2", "T", "2023-01-01", "Tundra")
    );
    let done = feed_fifo(&fifo, std::iter::once(text.into_bytes()));
    let run = run_limited(&env, &["index", "feed.jsonl"], Duration::from_secs(60));
    done();
    assert_eq!(run.code(), Some(0), "{}", run.stderr());
    assert!(run.stderr().contains("2 new"), "{}", run.stderr());
    assert_eq!(found(&env, &["Tundra"]).len(), 2);
}

#[cfg(unix)]
#[test]
fn a_json_file_that_is_not_a_regular_file_is_held_to_the_size_limit() {
    let env = with_one_article();
    // 300 MB of blanks before one good article: as a regular file, refused by its size...
    let article = record("late", "T", "2023-01-01", "Permafrost");
    const BLANKS: usize = 300_000_000;
    {
        let mut w = BufWriter::new(File::create(env.join("big.json")).unwrap());
        let chunk = vec![b' '; 1 << 20];
        let mut left = BLANKS;
        while left > 0 {
            let n = left.min(chunk.len());
            w.write_all(&chunk[..n]).unwrap();
            left -= n;
        }
        w.write_all(article.as_bytes()).unwrap();
        w.flush().unwrap();
    }
    refused(
        &env,
        &["big.json"],
        &["big.json: too large: 300.0 MB", "per .md or .json file"],
    );
    std::fs::remove_file(env.join("big.json")).unwrap();
    // ...and the same bytes through a FIFO must be too, without holding them in memory.
    let fifo = env.join("feed.json");
    if !mkfifo(&fifo) {
        return;
    }
    let chunks = (0..BLANKS / (1 << 20))
        .map(|_| vec![b' '; 1 << 20])
        .chain([vec![b' '; BLANKS % (1 << 20)], article.into_bytes()]);
    let done = feed_fifo(&fifo, chunks);
    let before = snapshot(&env.index());
    let run = run_limited(&env, &["index", "feed.json"], Duration::from_secs(120));
    done();
    let err = run.stderr();
    eprintln!(
        "a 300 MB FIFO: exit {:?} after {:?}, peak RSS {:?} kB: {err}",
        run.code(),
        run.took,
        run.peak_kb
    );
    assert_eq!(run.code(), Some(2), "{err}");
    assert!(err.contains("feed.json: too large"), "{err}");
    assert_eq!(snapshot(&env.index()), before);
    run.assert_peak_below(300, "a 300 MB FIFO");
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_are_indexed_and_named() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;

    let env = with_one_article();
    let dir = env.join("names");
    std::fs::create_dir_all(dir.join(OsStr::from_bytes(b"ordner\xff"))).unwrap();
    let at = |name: &[u8]| -> PathBuf { dir.join(OsStr::from_bytes(name)) };
    // Latin-1 names: "bär.jsonl", "mü.md", "ordnerÿ/x.json", and a bad one, "köln.jsonl".
    std::fs::write(
        at(b"b\xe4r.jsonl"),
        record("bear", "T", "2023-01-01", "Braunbär"),
    )
    .unwrap();
    std::fs::write(
        at(b"m\xfc.md"),
        "+++\nid = \"mue\"\ntitle = \"T\"\ndate = 2023-01-01\n+++\nMurmeltier\n",
    )
    .unwrap();
    std::fs::write(
        at(b"ordner\xff/x.json"),
        record("folder", "T", "2023-01-01", "Luchs"),
    )
    .unwrap();
    std::fs::write(at(b"k\xf6ln.jsonl"), "{\"id\":\"koeln\",\"title\":\"T\"}\n").unwrap();

    // The error names the file as well as a terminal can show it (bytes that are not UTF-8
    // as U+FFFD), with its line.
    refused(
        &env,
        &["names"],
        &["names/k\u{fffd}ln.jsonl:1: missing required field `date`"],
    );
    let v = env.json(&["index", "--keep-going", "names"]);
    assert_eq!(v["added"], 3);
    assert_eq!(v["rejections"], 1);
    assert_eq!(v["rejected"][0]["path"], "names/k\u{fffd}ln.jsonl");
    assert_eq!(v["rejected"][0]["line"], 1);
    // Indexed and searchable, the origin naming the file.
    assert_eq!(found(&env, &["Braunbär"]), ["bear"]);
    assert_eq!(found(&env, &["Murmeltier"]), ["mue"]);
    assert_eq!(found(&env, &["Luchs"]), ["folder"]);
    let origin = show(&env, "bear")["origin"].as_str().unwrap().to_string();
    assert!(origin.ends_with("names/b\u{fffd}r.jsonl"), "{origin}");
    let origin = show(&env, "folder")["origin"].as_str().unwrap().to_string();
    assert!(origin.ends_with("names/ordner\u{fffd}/x.json"), "{origin}");
    // The files are recognised again: unchanged ones are skipped...
    std::fs::remove_file(at(b"k\xf6ln.jsonl")).unwrap();
    let before = snapshot(&env.index());
    let err = indexed(&env, &["names"]);
    assert!(err.contains("3 unchanged file(s) skipped"), "{err}");
    assert_eq!(snapshot(&env.index()), before);
    // ...and a deleted one is pruned.
    std::fs::remove_file(at(b"b\xe4r.jsonl")).unwrap();
    let err = indexed(&env, &["names", "--prune"]);
    assert!(err.contains("removed 1"), "{err}");
    assert!(found(&env, &["Braunbär"]).is_empty());
    assert_eq!(count(&env), 3);
}
