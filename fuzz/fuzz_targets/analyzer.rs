//! The German analysis chain: every token must point at its own word in the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;
    let mut last_position = 0;
    for t in nachlese::analysis::analyze(text) {
        assert!(
            t.offset_from <= t.offset_to && t.offset_to <= text.len(),
            "offsets {}..{} outside a text of {} bytes: {t:?}",
            t.offset_from,
            t.offset_to,
            text.len()
        );
        assert!(
            text.is_char_boundary(t.offset_from) && text.is_char_boundary(t.offset_to),
            "offsets {}..{} not on char boundaries: {t:?}",
            t.offset_from,
            t.offset_to
        );
        assert_eq!(
            &text[t.offset_from..t.offset_to],
            t.original,
            "original is not the text at its offsets"
        );
        assert!(t.position >= last_position, "positions go backwards: {t:?}");
        last_position = t.position;
    }
    let _ = nachlese::analysis::word_terms(text);
});
