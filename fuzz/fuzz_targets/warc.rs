//! A WARC stream as raw bytes (gzipped or not, the first bytes tell), read to the end.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let reader = std::io::Cursor::new(data.to_vec());
    for doc in nachlese::corpus::warc::read(Path::new("f.warc"), reader) {
        match doc {
            Ok(doc) => assert!(doc.article.validate().is_ok()),
            Err(e) => {
                let _ = e.to_string();
            }
        }
    }
});
