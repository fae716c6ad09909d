//! HTTP responses as WARC `response` records hold them: the status line, the headers, and
//! the body with its transfer coding (chunked) and content coding (gzip, deflate) undone.
//!
//! Crawlers that store the body already decoded (Common Crawl renames the headers to
//! `X-Crawler-Transfer-Encoding` and `X-Crawler-Content-Encoding`) are read as they are;
//! a body said to be gzipped that does not start like gzip is taken as decoded too. Other
//! codings than gzip, deflate and brotli (`br`) are reported, not guessed at.

use super::error::InputErrorKind;
use super::page::{GZIP_MAGIC, read_bounded};

/// A parsed HTTP response.
#[derive(Debug)]
pub(crate) struct Response {
    /// The status code.
    pub status: u16,
    /// The headers, names as sent.
    headers: Vec<(String, String)>,
    /// The body, decoded.
    pub body: Vec<u8>,
}

impl Response {
    /// The first header of this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn malformed(what: impl Into<String>) -> InputErrorKind {
    InputErrorKind::Http(what.into())
}

/// Parses a response; its decoded body may be at most `limit` bytes.
pub(crate) fn parse(bytes: &[u8], limit: u64) -> Result<Response, InputErrorKind> {
    let (head, body) = split_head(bytes).ok_or_else(|| malformed("no end of the headers"))?;
    let head = String::from_utf8_lossy(head);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or_default();
    let mut parts = status_line.split_whitespace();
    let version = parts.next().unwrap_or_default();
    if !version.starts_with("HTTP/") {
        return Err(malformed(format!(
            "expected a status line `HTTP/1.1 200 OK`, found `{}`",
            shorten(status_line)
        )));
    }
    let status = parts
        .next()
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| malformed(format!("no status code in `{}`", shorten(status_line))))?;
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in lines {
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = headers.last_mut() {
                value.push(' ');
                value.push_str(line.trim());
            }
            continue;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_string(), value.trim().to_string()));
        }
    }
    let mut response = Response {
        status,
        headers,
        body: Vec::new(),
    };
    let chunked = response
        .header("transfer-encoding")
        .is_some_and(|te| te.to_ascii_lowercase().contains("chunked"));
    let body = if chunked {
        dechunk(body, limit)?
    } else {
        body.to_vec()
    };
    response.body = match response.header("content-encoding") {
        None => body,
        Some(coding) => decode(body, &coding.to_ascii_lowercase(), limit)?,
    };
    Ok(response)
}

/// The headers and the body: split at the first blank line.
fn split_head(bytes: &[u8]) -> Option<(&[u8], &[u8])> {
    let crlf = bytes.windows(4).position(|w| w == b"\r\n\r\n");
    let lf = bytes.windows(2).position(|w| w == b"\n\n");
    match (crlf, lf) {
        (Some(c), Some(l)) if l + 1 < c => Some((&bytes[..l], &bytes[l + 2..])),
        (Some(c), _) => Some((&bytes[..c], &bytes[c + 4..])),
        (None, Some(l)) => Some((&bytes[..l], &bytes[l + 2..])),
        // Headers and no body at all.
        (None, None) if bytes.ends_with(b"\r\n") || bytes.ends_with(b"\n") => {
            Some((bytes, &[][..]))
        }
        (None, None) => None,
    }
}

fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

/// Undoes the chunked transfer coding. A body that does not start with a chunk size was
/// stored decoded and is returned as it is.
fn dechunk(mut rest: &[u8], limit: u64) -> Result<Vec<u8>, InputErrorKind> {
    let mut out = Vec::new();
    let mut first = true;
    loop {
        let Some(eol) = rest.iter().position(|&b| b == b'\n') else {
            if first {
                return Ok(rest.to_vec());
            }
            // Some servers end without the last chunk: keep what came.
            if rest.iter().all(u8::is_ascii_whitespace) {
                return Ok(out);
            }
            return Err(malformed("the chunked body ends in a chunk size line"));
        };
        let line = String::from_utf8_lossy(&rest[..eol]);
        let size_text = line.split(';').next().unwrap_or_default().trim();
        let Ok(size) = usize::from_str_radix(size_text, 16) else {
            if first {
                return Ok(rest.to_vec());
            }
            return Err(malformed(format!(
                "bad chunk size `{}` in the chunked body",
                shorten(size_text)
            )));
        };
        first = false;
        rest = &rest[eol + 1..];
        if size == 0 {
            return Ok(out);
        }
        if size > rest.len() {
            return Err(malformed(format!(
                "a chunk of {size} bytes where {} are left",
                rest.len()
            )));
        }
        if (out.len() + size) as u64 > limit {
            return Err(InputErrorKind::TooLarge {
                bytes: (out.len() + size) as u64,
                limit,
            });
        }
        out.extend_from_slice(&rest[..size]);
        rest = &rest[size..];
        rest = rest
            .strip_prefix(b"\r\n")
            .or_else(|| rest.strip_prefix(b"\n"))
            .unwrap_or(rest);
    }
}

/// Undoes a content coding (a list such as `gzip` or `deflate, gzip`, applied in order).
fn decode(mut body: Vec<u8>, codings: &str, limit: u64) -> Result<Vec<u8>, InputErrorKind> {
    for coding in codings.split(',').map(str::trim).rev() {
        body = decode_one(body, coding, limit).map_err(|e| match e {
            InputErrorKind::Gzip(msg) => malformed(format!(
                "the body is not valid `{}` data: {msg}",
                shorten(coding)
            )),
            other => other,
        })?;
    }
    Ok(body)
}

fn decode_one(body: Vec<u8>, coding: &str, limit: u64) -> Result<Vec<u8>, InputErrorKind> {
    let body = match coding {
        "" | "identity" | "none" => body,
        "gzip" | "x-gzip" if body.starts_with(&GZIP_MAGIC) => {
            read_bounded(flate2::read::MultiGzDecoder::new(&body[..]), limit, true)?
        }
        // Stored decoded under the original headers.
        "gzip" | "x-gzip" => body,
        "deflate" => {
            // `deflate` is zlib data, but some servers send raw deflate.
            match read_bounded(flate2::read::ZlibDecoder::new(&body[..]), limit, true) {
                Ok(b) => b,
                Err(InputErrorKind::TooLarge { bytes, limit }) => {
                    return Err(InputErrorKind::TooLarge { bytes, limit });
                }
                Err(_) => read_bounded(flate2::read::DeflateDecoder::new(&body[..]), limit, true)?,
            }
        }
        "br" => read_bounded(
            brotli_decompressor::Decompressor::new(&body[..], 1 << 16),
            limit,
            true,
        )?,
        other => {
            return Err(malformed(format!(
                "content encoding `{}` is not supported (nachlese reads gzip, deflate and br)",
                shorten(other)
            )));
        }
    };
    Ok(body)
}

/// Gzips bytes (for tests).
#[cfg(test)]
fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut enc = flate2::read::GzEncoder::new(bytes, flate2::Compression::default());
    let mut out = Vec::new();
    let _ = enc.read_to_end(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_gzip_bodies_are_decoded() {
        let z = gzip(b"<p>Hallo Welt</p>");
        let (a, b) = z.split_at(5);
        let mut raw = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        raw.extend(format!("{:x}\r\n", a.len()).bytes());
        raw.extend(a);
        raw.extend(format!("\r\n{:x};ext=1\r\n", b.len()).bytes());
        raw.extend(b);
        raw.extend(b"\r\n0\r\n\r\n");
        let r = parse(&raw, 1 << 20).unwrap();
        assert_eq!(r.status, 200);
        assert_eq!(r.header("content-type"), Some("text/html"));
        assert_eq!(r.body, b"<p>Hallo Welt</p>");
    }

    #[test]
    fn brotli_is_decoded() {
        // "<p>Grüße aus Köln</p>", compressed by libbrotlienc 1.0.9 (quality 11).
        let br = b"\x8b\x0b\x80\x3c\x70\x3e\x47\x72\xc3\xbc\xc3\x9f\x65\x20\x61\x75\x73\x20\x4b\xc3\xb6\x6c\x6e\x3c\x2f\x70\x3e\x03";
        let mut raw = b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n".to_vec();
        raw.extend(br);
        let body = parse(&raw, 100).unwrap().body;
        assert_eq!(String::from_utf8(body).unwrap(), "<p>Grüße aus Köln</p>");
    }

    #[test]
    fn deflate_is_zlib_or_raw() {
        use std::io::Read;
        for raw_deflate in [false, true] {
            let mut z = Vec::new();
            let text = &b"<p>Gr\xc3\xbc\xc3\x9fe</p>"[..];
            let _ = if raw_deflate {
                flate2::read::DeflateEncoder::new(text, flate2::Compression::default())
                    .read_to_end(&mut z)
            } else {
                flate2::read::ZlibEncoder::new(text, flate2::Compression::default())
                    .read_to_end(&mut z)
            };
            let mut raw = b"HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n".to_vec();
            raw.extend(&z);
            assert_eq!(parse(&raw, 100).unwrap().body, text, "raw: {raw_deflate}");
        }
    }

    #[test]
    fn decoded_bodies_under_original_headers_are_kept() {
        let raw = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n<p>x</p>";
        assert_eq!(parse(raw, 100).unwrap().body, b"<p>x</p>");
    }

    #[test]
    fn bombs_and_lies_are_errors() {
        let z = gzip(&vec![b'a'; 10_000]);
        let mut raw = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        raw.extend(&z);
        assert!(matches!(
            parse(&raw, 1000),
            Err(InputErrorKind::TooLarge { .. })
        ));
        let raw = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab";
        let e = parse(raw, 100).unwrap_err().to_string();
        assert!(e.contains("a chunk of 5 bytes where 2 are left"), "{e}");
        assert!(parse(b"GET / HTTP/1.1\r\n\r\n", 100).is_err());
        let raw = b"HTTP/1.1 200 OK\r\nContent-Encoding: zstd\r\n\r\nxx";
        assert!(parse(raw, 100).unwrap_err().to_string().contains("`zstd`"));
        let raw = b"HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\nxx";
        let e = parse(raw, 100).unwrap_err().to_string();
        assert!(e.contains("not valid `br` data"), "{e}");
    }
}
