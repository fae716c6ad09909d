//! Embeds the bundled corpus (`corpus/*.md`) in the library, with a fingerprint of its
//! contents, so the binary finds it from any working directory and notices when it changes.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    println!("cargo::rerun-if-changed=corpus");
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("corpus");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();

    // FNV-1a over names and contents: stable across builds and Rust versions.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes.iter().chain(&[0xff]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    let mut code = String::from("pub(crate) const FILES: &[(&str, &str)] = &[\n");
    for path in &files {
        let name = path.file_name().unwrap().to_str().unwrap();
        feed(name.as_bytes());
        feed(&fs::read(path).unwrap());
        writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    writeln!(
        code,
        "pub(crate) const FINGERPRINT: &str = \"{hash:016x}\";"
    )
    .unwrap();
    fs::write(
        Path::new(&env::var("OUT_DIR").unwrap()).join("bundled.rs"),
        code,
    )
    .unwrap();
}
