//! Date texts: periods, document timestamps, and ranges built from two periods (the input
//! split at its first newline, or in the middle).
#![no_main]

use libfuzzer_sys::fuzz_target;
use nachlese::{DateRange, Period};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = text.parse::<Period>();
    let _ = nachlese::dates::parse_timestamp(&text);

    let (a, b) = match text.split_once('\n') {
        Some(halves) => halves,
        None => {
            let mut mid = text.len() / 2;
            while !text.is_char_boundary(mid) {
                mid -= 1;
            }
            text.split_at(mid)
        }
    };
    let (pa, pb) = (a.parse::<Period>(), b.parse::<Period>());
    for p in [&pa, &pb].into_iter().flatten() {
        // Display gives back the period in the form it was given.
        let shown = p.to_string();
        assert_eq!(
            shown.parse::<Period>().as_ref(),
            Ok(p),
            "{shown:?} does not parse back"
        );
        let _ = (p.start(), p.end(), p.granularity());
    }
    if let (Ok(from), Ok(to)) = (pa, pb) {
        if let Ok(range) = DateRange::new(Some(from), Some(to)) {
            let _ = range.contains(from.start());
            let _ = range.contains(to.end());
        }
        let _ = DateRange::new(Some(from), None);
        let _ = DateRange::new(None, Some(to));
    }
    if let Ok(t) = nachlese::dates::parse_timestamp(a) {
        let _ = nachlese::dates::format_rfc3339(t);
        let _ = nachlese::dates::format_day(t);
    }
});
