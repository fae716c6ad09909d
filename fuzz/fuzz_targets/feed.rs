//! One feed file's bytes: RSS, Atom or JSON Feed.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for doc in nachlese::corpus::feed::parse(Path::new("f.rss"), data) {
        match doc {
            Ok(doc) => assert!(doc.article.validate().is_ok()),
            Err(e) => {
                let _ = e.to_string();
            }
        }
    }
});
