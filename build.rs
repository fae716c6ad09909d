//! Compile-time data, embedded in the library:
//!
//! * with the `bundled` feature, the bundled corpus (`corpus/*.md`) with a fingerprint of
//!   its contents, so the binary finds it from any working directory and notices when it
//!   changes;
//! * the German lexicon (`src/analysis/lexicon/*.txt.gz`) as finite-state sets and maps, with
//!   the compound statistics derived from it (see `src/analysis/lexicon/SOURCE.md`).

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::{env, fs};

#[path = "src/analysis/lexicon/rules.rs"]
#[allow(dead_code)]
mod rules;

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap());
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    if env::var_os("CARGO_FEATURE_BUNDLED").is_some() {
        bundle_corpus(&root.join("corpus"), &out);
    }
    build_lexicon(&root.join("src/analysis/lexicon"), &out);
}

fn bundle_corpus(dir: &Path, out: &Path) {
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(dir)
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
    fs::write(out.join("bundled.rs"), code).unwrap();
}

fn read_gz_lines(path: &Path) -> Vec<String> {
    println!("cargo::rerun-if-changed={}", path.display());
    let mut text = String::new();
    flate2::read::GzDecoder::new(fs::File::open(path).unwrap())
        .read_to_string(&mut text)
        .unwrap();
    text.lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn write_map(path: &Path, mut entries: Vec<(Vec<u8>, u64)>) {
    entries.sort();
    entries.dedup_by(|a, b| a.0 == b.0);
    let mut builder = tantivy_fst::MapBuilder::memory();
    for (k, v) in entries {
        builder.insert(k, v).unwrap();
    }
    fs::write(path, builder.into_inner().unwrap()).unwrap();
}

fn build_lexicon(dir: &Path, out: &Path) {
    println!("cargo::rerun-if-changed={}", dir.join("rules.rs").display());
    let words = read_gz_lines(&dir.join("words.txt.gz"));
    let nouns: Vec<String> = read_gz_lines(&dir.join("nouns.txt.gz"))
        .into_iter()
        .map(|n| n.to_lowercase().replace('ß', "ss"))
        .collect();
    let word_set: HashSet<&str> = words.iter().map(String::as_str).collect();
    let noun_set: HashSet<&str> = nouns.iter().map(String::as_str).collect();
    let is_word = |w: &str| word_set.contains(w);
    let is_noun = |w: &str| noun_set.contains(w);

    // Snowball stems of the noun lemmas, with the plural-s correction, as the analyzer makes them.
    let stemmer = frostem::Stemmer::new(frostem::Algorithm::German);
    let noun_stems: Vec<(Vec<u8>, u64)> = nouns
        .iter()
        .map(|n| {
            let (form, keep_s) = rules::stemming_form(n, &is_word, &is_noun);
            let stem = rules::restore_s(n, keep_s, stemmer.stem(form).into_owned());
            (stem.into_bytes(), 0)
        })
        .collect();

    // Compound statistics: for every word and every split into a known modifier reading and
    // a known head, count the head (and all words ending in it) and the modifier reading.
    let mut ends_with: HashMap<&str, u32> = HashMap::new();
    let mut heads: HashMap<&str, u32> = HashMap::new();
    let mut modifiers: HashMap<Vec<u8>, u64> = HashMap::new();
    for w in &words {
        let starts: Vec<usize> = w.char_indices().map(|(i, _)| i).collect();
        let n = starts.len();
        if n < 6 {
            continue;
        }
        for &i in &starts[3..n - 2] {
            let head = &w[i..];
            let Some(head) = word_set.get(head) else {
                continue;
            };
            *ends_with.entry(head).or_default() += 1;
            if let Some(reading) = rules::first_reading(&w[..i], &is_word) {
                *heads.entry(head).or_default() += 1;
                *modifiers.entry(rules::reading_key(&reading)).or_default() += 1;
            }
        }
    }

    let set = |list: &[String]| list.iter().map(|w| (w.as_bytes().to_vec(), 0)).collect();
    write_map(&out.join("words.fst"), set(&words));
    write_map(&out.join("nouns.fst"), set(&nouns));
    write_map(&out.join("noun_stems.fst"), noun_stems);
    // Keyed by the reversed bytes, so that one walk backwards from a word's end finds every
    // head it ends in.
    write_map(
        &out.join("heads.fst"),
        ends_with
            .iter()
            .map(|(h, &t)| {
                let h_count = heads.get(h).copied().unwrap_or(0);
                let key: Vec<u8> = h.bytes().rev().collect();
                (key, (u64::from(t) << 32) | u64::from(h_count))
            })
            .collect(),
    );

    write_map(&out.join("modifiers.fst"), modifiers.into_iter().collect());
}
