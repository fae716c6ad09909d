//! The German analysis chain: every token must point at its own word in the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;
    let chars: Vec<char> = text.chars().collect();
    let mut last_position = 0;
    for t in nachlese::analysis::analyze(text) {
        assert!(
            t.start <= t.end && t.end <= chars.len(),
            "offsets {}..{} outside a text of {} characters: {t:?}",
            t.start,
            t.end,
            chars.len()
        );
        assert_eq!(
            chars[t.start..t.end].iter().collect::<String>(),
            t.text,
            "text is not the text at its offsets"
        );
        assert!(t.position >= last_position, "positions go backwards: {t:?}");
        last_position = t.position;
    }
    let _ = nachlese::analysis::word_terms(text);
});
