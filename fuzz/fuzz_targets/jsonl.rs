//! A `.jsonl` stream as raw bytes (invalid UTF-8 included), read to the end.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for doc in nachlese::corpus::read_json_lines(Path::new("f.jsonl"), data) {
        match doc {
            Ok(doc) => {
                let _ = doc.article.validate();
            }
            Err(e) => {
                let _ = e.to_string();
            }
        }
    }
});
