//! The temporal tagger: the first two bytes pick the reference date (any day of the calendar
//! `time` knows, its two ends included), the rest is the text. Every expression found must be
//! the text at its offsets, in text order, without overlaps.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((head, rest)) = data.split_first_chunk::<2>() else {
        return;
    };
    let (min, max) = (
        time::Date::MIN.to_julian_day(),
        time::Date::MAX.to_julian_day(),
    );
    let pick = i32::from(u16::from_le_bytes(*head));
    let julian = match pick {
        0 => min,
        0xFFFF => max,
        // Spread over the calendar, densest around today.
        _ => 2_460_000 + (pick - 0x8000) * 97,
    };
    let Ok(reference) = time::Date::from_julian_day(julian.clamp(min, max)) else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let text: &str = &text;
    let chars: Vec<char> = text.chars().collect();
    let mut last_end = 0;
    for t in nachlese::temporal::tag(text, reference) {
        assert!(t.start < t.end && t.end <= chars.len(), "{t:?}");
        assert!(t.start >= last_end, "overlapping or out of order: {t:?}");
        last_end = t.end;
        assert_eq!(
            chars[t.start..t.end].iter().collect::<String>(),
            t.text,
            "char offsets are not the text"
        );
        assert!(!t.value.is_empty(), "{t:?}");
        let _ = t.span();
    }
});
