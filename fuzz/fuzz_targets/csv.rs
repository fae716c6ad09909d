//! A CSV file's bytes, read to the end: with the fields under their own names, and with a
//! field map whose keys are the first line's (so that mapped columns are reached).
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use nachlese::corpus::{FieldMap, read_csv};

fuzz_target!(|data: &[u8]| {
    let first = String::from_utf8_lossy(data.split(|&b| b == b'\n').next().unwrap_or_default());
    let mut map = FieldMap::new();
    for (field, key) in nachlese::corpus::FIELDS.iter().zip(first.split(',')) {
        if let Ok(m) = map.clone().map(field, [key]) {
            map = m;
        }
    }
    for m in [FieldMap::new(), map] {
        for doc in read_csv(Path::new("f.csv"), std::io::Cursor::new(data.to_vec()), m) {
            match doc {
                Ok(doc) => assert!(doc.article.validate().is_ok()),
                Err(e) => {
                    let _ = e.to_string();
                }
            }
        }
    }
});
