//! One web page file's bytes (any encoding, binary data included).
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match nachlese::corpus::page::parse(Path::new("f.html"), data) {
        Ok(doc) => assert!(doc.article.validate().is_ok()),
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
