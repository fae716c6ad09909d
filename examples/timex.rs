//! Tags every TimeML document of a folder with nachlese's German temporal tagger, for
//! scoring against a gold standard (`../shared/tools/timex-score`).
//!
//! `cargo run --release --example timex -- RAW_DIR OUT_DIR`
//!
//! For each `NAME.tml` in RAW_DIR: the text is the character data of its `<TEXT>` element
//! (tags removed, XML character references decoded), the reference date the value of the
//! TIMEX3 with `functionInDocument="CREATION_TIME"`. Writes `OUT_DIR/NAME.json`, a list of
//! `{"start", "end", "type", "value", "text"}` with offsets in characters.

use std::path::Path;
use std::time::Instant;

use anyhow::{Context, Result, bail};

/// Decodes the five named XML entities and numeric character references.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let Some(semi) = rest[..rest.len().min(12)].find(';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..semi];
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ if name.starts_with("#x") || name.starts_with("#X") => {
                u32::from_str_radix(&name[2..], 16)
                    .ok()
                    .and_then(char::from_u32)
            }
            _ if name.starts_with('#') => name[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character data of `xml` with its tags (and comments) removed.
fn strip_tags(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(p) = rest.find('<') {
        out.push_str(&rest[..p]);
        let close = if rest[p..].starts_with("<!--") {
            rest[p..].find("-->").map(|e| p + e + 3)
        } else {
            rest[p..].find('>').map(|e| p + e + 1)
        };
        match close {
            Some(e) => rest = &rest[e..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The body text and reference date of a TimeML document.
fn read_tml(path: &Path) -> Result<(String, time::Date)> {
    let raw = std::fs::read_to_string(path)?.replace("\r\n", "\n");
    let raw = raw.trim_start_matches('\u{feff}');
    let open = raw.find("<TEXT").context("no <TEXT>")?;
    let body_start = open + raw[open..].find('>').context("unclosed <TEXT>")? + 1;
    let body_end = body_start + raw[body_start..].find("</TEXT>").context("no </TEXT>")?;
    let body = unescape(&strip_tags(&raw[body_start..body_end]));
    let dct_at = raw
        .find("CREATION_TIME")
        .context("no CREATION_TIME timex")?;
    let tag_start = raw[..dct_at].rfind('<').context("bad DCT")?;
    let tag_end = dct_at + raw[dct_at..].find('>').context("bad DCT")?;
    let tag = &raw[tag_start..tag_end];
    let v = tag.find("value=\"").context("DCT without value")? + 7;
    let value = &tag[v..v + tag[v..].find('"').context("bad DCT value")?];
    let day = value.get(..10).context("short DCT value")?;
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let date = time::Date::parse(day, &format).with_context(|| format!("DCT {value}"))?;
    Ok((body, date))
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [raw_dir, out_dir] = args.as_slice() else {
        bail!("usage: timex RAW_DIR OUT_DIR");
    };
    std::fs::create_dir_all(out_dir)?;
    let mut files: Vec<_> = std::fs::read_dir(raw_dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "tml"))
        .collect();
    files.sort();
    let (mut bytes, mut found, mut spent) = (0usize, 0usize, std::time::Duration::ZERO);
    for path in &files {
        let (text, reference) =
            read_tml(path).with_context(|| format!("reading {}", path.display()))?;
        let t0 = Instant::now();
        let timexes = nachlese::temporal::tag(&text, reference);
        spent += t0.elapsed();
        bytes += text.len();
        found += timexes.len();
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("doc");
        let out = Path::new(out_dir).join(format!("{stem}.json"));
        std::fs::write(&out, serde_json::to_string_pretty(&timexes)?)?;
    }
    eprintln!(
        "{} documents, {} expressions, {:.1} KB in {:.2} ms",
        files.len(),
        found,
        bytes as f64 / 1e3,
        spent.as_secs_f64() * 1e3
    );
    Ok(())
}
