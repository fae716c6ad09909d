//! Scripts and style sheets, emptied before a page is parsed.
//!
//! A third of the bytes of the benchmark's pages are the contents of `<script>` and `<style>`
//! elements, which nothing reads but JSON-LD, and which the HTML tokenizer still steps
//! through character by character. Emptying them first leaves the same tree but for that
//! text. A script ends at the first `</script` whatever it holds, as in HTML's own parsing,
//! so cutting there cuts where the parser would.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

/// The start tag of a script or style element.
static START: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?i)<(script|style)(?:[\s/][^>]*)?>").ok());
static SCRIPT_END: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?i)</script").ok());
static STYLE_END: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?i)</style").ok());

/// `html` with the contents of its scripts (but JSON-LD) and style sheets removed.
pub(crate) fn emptied(html: &str) -> Cow<'_, str> {
    let (Some(start), Some(script_end), Some(style_end)) = (&*START, &*SCRIPT_END, &*STYLE_END)
    else {
        return Cow::Borrowed(html);
    };
    let mut out = String::new();
    let mut copied = 0;
    let mut at = 0;
    while let Some(tag) = start.captures_at(html, at) {
        let (Some(whole), Some(name)) = (tag.get(0), tag.get(1)) else {
            break;
        };
        let is_script = name.as_str().eq_ignore_ascii_case("script");
        let end = if is_script { script_end } else { style_end };
        let Some(close) = end.find_at(html, whole.end()) else {
            break;
        };
        let keep = is_script && whole.as_str().to_ascii_lowercase().contains("ld+json");
        if !keep && close.start() > whole.end() {
            out.push_str(&html[copied..whole.end()]);
            copied = close.start();
        }
        at = close.end();
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::emptied;

    #[test]
    fn scripts_and_styles_are_emptied_json_ld_kept() {
        let page = "<head><SCRIPT src=a.js></SCRIPT><script>var s = '<p>x</p>';</script>\
            <style media=screen>p{color:red}</style>\
            <script type=\"application/ld+json\">{\"datePublished\":\"2024-02-18\"}</script>\
            <scripted>Text</scripted></head><p>Inhalt</p>";
        assert_eq!(
            emptied(page),
            "<head><SCRIPT src=a.js></SCRIPT><script></script>\
            <style media=screen></style>\
            <script type=\"application/ld+json\">{\"datePublished\":\"2024-02-18\"}</script>\
            <scripted>Text</scripted></head><p>Inhalt</p>"
        );
    }

    #[test]
    fn an_unclosed_script_is_left_to_the_parser() {
        assert_eq!(emptied("<p>a</p><script>var x"), "<p>a</p><script>var x");
        assert_eq!(emptied("<p>ohne</p>"), "<p>ohne</p>");
    }
}
