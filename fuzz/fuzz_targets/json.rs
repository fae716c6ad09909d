//! One `.json` file: an article object or an array of them.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for doc in nachlese::corpus::parse_json(Path::new("f.json"), &text) {
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
