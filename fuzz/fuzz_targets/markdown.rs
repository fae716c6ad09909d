//! One corpus-format `.md` file: TOML front matter between `+++` lines, then the text.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match nachlese::corpus::parse_markdown(Path::new("f.md"), &text) {
        Ok(doc) => {
            let _ = doc.article.validate();
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
