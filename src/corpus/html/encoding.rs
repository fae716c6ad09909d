//! A page's bytes as text: the encoding its byte order mark, HTTP header or `<meta>` names,
//! else the one its bytes suggest.
//!
//! Labels are read as the WHATWG Encoding Standard reads them (so `latin-1` and
//! `iso-8859-1` are windows-1252, as browsers decode them). Two declarations are not
//! believed, because German sites get them wrong often: a page declared UTF-8 whose bytes are
//! not UTF-8 is guessed instead, and a page declared in a single-byte encoding whose bytes
//! are valid UTF-8 with non-ASCII in them is read as UTF-8.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};

/// How far into the page a `<meta>` declaration is looked for.
const PRESCAN: usize = 4096;

/// The page's text.
pub(crate) fn decode<'a>(bytes: &'a [u8], content_type: Option<&str>) -> Cow<'a, str> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(bytes.get(bom..).unwrap_or_default())
            .0;
    }
    let declared = content_type
        .and_then(charset_in)
        .or_else(|| meta_charset(bytes.get(..PRESCAN).unwrap_or(bytes)));
    if let Err(invalid) = std::str::from_utf8(bytes) {
        // Mostly UTF-8 with some bytes of another encoding (pasted in, a template's
        // comment): read as UTF-8, those bytes as windows-1252.
        if declared.is_none() || declared == Some(UTF_8) {
            let (good, bad) = utf8_tally(bytes, invalid.valid_up_to());
            if good > bad {
                return Cow::Owned(utf8_mixed(bytes));
            }
        }
    }
    let encoding = match declared {
        Some(e) if e == UTF_8 => {
            if std::str::from_utf8(bytes).is_ok() {
                UTF_8
            } else {
                guess(bytes)
            }
        }
        Some(e)
            if e.is_single_byte() && !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() =>
        {
            UTF_8
        }
        Some(e) => e,
        None => guess(bytes),
    };
    encoding.decode_without_bom_handling(bytes).0
}

/// How many non-ASCII UTF-8 sequences and how many bytes that are not UTF-8 the bytes
/// hold (from `from`, where the first invalid one is).
fn utf8_tally(bytes: &[u8], from: usize) -> (usize, usize) {
    let head = bytes.get(..from).unwrap_or_default();
    let mut good = head.iter().filter(|&&b| b >= 0xc0).count();
    let mut bad = 0;
    let mut rest = bytes.get(from..).unwrap_or_default();
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                good += s.bytes().filter(|&b| b >= 0xc0).count();
                break;
            }
            Err(e) => {
                let valid = rest.get(..e.valid_up_to()).unwrap_or_default();
                good += valid.iter().filter(|&&b| b >= 0xc0).count();
                let skip = e.error_len().unwrap_or(rest.len() - e.valid_up_to());
                bad += 1;
                rest = rest.get(e.valid_up_to() + skip..).unwrap_or_default();
            }
        }
    }
    (good, bad)
}

/// The bytes as UTF-8, with those that are not read as windows-1252.
fn utf8_mixed(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + 64);
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(valid).unwrap_or_default());
                let skip = e.error_len().unwrap_or(after.len()).min(after.len());
                let (invalid, next) = after.split_at(skip);
                out.push_str(
                    &encoding_rs::WINDOWS_1252
                        .decode_without_bom_handling(invalid)
                        .0,
                );
                rest = next;
            }
        }
    }
    out
}

/// The encoding the bytes look like: UTF-8 when they are, else chardetng's guess (tuned
/// for German: a `.de` page's windows-1252 over its look-alikes).
fn guess(bytes: &[u8]) -> &'static Encoding {
    if std::str::from_utf8(bytes).is_ok() {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(Some(b"de"), chardetng::Utf8Detection::Allow)
}

/// The encoding a `charset=` parameter (of a `Content-Type` header or `<meta>`) names.
fn charset_in(text: &str) -> Option<&'static Encoding> {
    charset_after(text.as_bytes())
}

/// The encoding named by the first `charset=` among the bytes, as in `<meta charset=...>` and
/// `<meta http-equiv=Content-Type content="text/html; charset=...">`. UTF-16 named in a page
/// means UTF-8 (the page could not have been read to find it otherwise).
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let mut from = 0;
    while let Some(at) = find_ci(head.get(from..)?, b"<meta") {
        let start = from + at + 5;
        let end = head
            .get(start..)?
            .iter()
            .position(|&b| b == b'>')
            .map_or(head.len(), |e| start + e);
        if let Some(e) = charset_after(head.get(start..end)?) {
            return Some(if e.output_encoding() == UTF_8 {
                UTF_8
            } else {
                e
            });
        }
        from = end;
    }
    None
}

/// The encoding after a `charset` (then `=`, maybe quoted) in the bytes.
fn charset_after(bytes: &[u8]) -> Option<&'static Encoding> {
    let at = find_ci(bytes, b"charset")?;
    let rest = bytes.get(at + 7..)?;
    let rest = rest
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let len = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || b"-_:.".contains(b)))
        .unwrap_or(rest.len());
    Encoding::for_label(rest.get(..len)?)
}

/// Where `needle` (lower-case ASCII) first occurs in `hay`, ignoring ASCII case.
fn find_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_encodings() {
        let cases: &[(&[u8], Option<&str>, &str)] = &[
            // windows-1252, undeclared
            (b"<p>Gr\xfc\xdfe aus M\xfcnchen, sch\xf6ne Stra\xdfe</p>", None, "Grüße aus München, schöne Straße"),
            // latin-1 declared in <meta http-equiv>
            (
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p>\xc4rger</p>",
                None,
                "Ärger",
            ),
            // <meta charset>
            (b"<meta charset='utf-8'><p>\xc3\x84rger</p>", None, "Ärger"),
            // BOM before everything
            (b"\xef\xbb\xbf<p>\xc3\xa4</p>", Some("text/html; charset=iso-8859-1"), "<p>ä</p>"),
            // the HTTP header over the page
            (b"<meta charset=utf-8><p>\xe4</p>", Some("text/html; charset=windows-1252"), "ä"),
            // declared latin-1 but UTF-8
            (b"<meta charset=iso-8859-1><p>\xc3\xa4</p>", None, "<p>ä</p>"),
            // declared UTF-8 but latin-1
            (b"<meta charset=utf-8><p>Stra\xdfe und Gr\xfc\xdfe</p>", None, "Straße und Grüße"),
            // UTF-8 with a stray latin-1 byte
            (b"<meta charset=utf-8><p>Gr\xc3\xbc\xc3\x9fe, M\xe4scot, sch\xc3\xb6n</p>", None, "Grüße, Mäscot, schön"),
        ];
        for (bytes, ct, want) in cases {
            let got = decode(bytes, *ct);
            assert!(got.contains(want), "{got:?} should hold {want:?}");
        }
    }
}
