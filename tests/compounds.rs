//! The compound splitter measured: recall on Wikidata's compounds, and how often it splits
//! words that are not compounds.

use nachlese::analysis::{split_compound, stem};

use crate::util::{project, shared};

/// Affixes, particles and linking elements that Wikidata lists as "parts" of derivations
/// (`Politikerin` = Politiker + in): not the parts of a compound.
const NOT_CONTENT: &[&str] = &[
    "in", "er", "s", "es", "n", "en", "e", "ens", "ns", "chen", "lein", "ung", "heit", "keit",
    "schaft", "ig", "lich", "bar", "isch", "ler", "ner", "ling", "nis", "tum", "sam", "haft",
    "los", "ab", "an", "auf", "aus", "be", "bei", "dar", "durch", "ein", "ent", "ge", "her", "hin",
    "miss", "mit", "nach", "ob", "über", "um", "un", "unter", "ur", "ver", "vor", "weg", "wider",
    "zer", "zu", "zurück", "zusammen", "das", "und", "der", "die", "den", "dem", "des", "ie", "ei",
    "ier", "el",
];

fn lexicon_form(w: &str) -> String {
    w.to_lowercase().replace('ß', "ss")
}

/// The parts nachlese makes of a word: hyphens and spaces split it, then each piece is split
/// as a compound.
fn parts(word: &str) -> Vec<String> {
    lexicon_form(word)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|p| !p.is_empty())
        .flat_map(|piece| match split_compound(piece) {
            Some(ranges) => ranges.into_iter().map(|r| piece[r].to_string()).collect(),
            None => vec![piece.to_string()],
        })
        .collect()
}

/// Whether the split finds every gold part: each must be, after stemming, some run of
/// consecutive parts (so a finer split, `Maß|stab` for `Maßstab`, is still right).
fn finds(parts: &[String], gold: &[String]) -> bool {
    if parts.len() < 2 {
        return false;
    }
    let mut runs = Vec::new();
    for i in 0..parts.len() {
        for j in i + 1..=parts.len() {
            runs.push(stem(&parts[i..j].concat()).into_owned());
        }
    }
    gold.iter()
        .all(|g| runs.contains(&stem(&lexicon_form(g)).into_owned()))
}

struct Rates {
    compounds: usize,
    found: usize,
    simplex: usize,
    wrongly_split: usize,
    labelled_compounds: usize,
    labelled_found: usize,
}

fn measure() -> Option<Rates> {
    let wikidata = shared("data/compound-splitting/wikidata_compounds_de.tsv")?;
    let voc = shared("data/snowball-german/voc.txt")?;
    let mut compounds = 0;
    let mut found = 0;
    for line in std::fs::read_to_string(wikidata).unwrap().lines() {
        let mut cols = line.split('\t');
        let word = cols.next().unwrap();
        let mut gold: Vec<String> = cols
            .filter(|p| !p.starts_with('-') && !p.ends_with('-'))
            .filter(|p| p.chars().count() >= 3 && !NOT_CONTENT.contains(&p.to_lowercase().as_str()))
            .map(str::to_string)
            .collect();
        // Spelling variants of one part (Fußball, Fussball) count once.
        gold.dedup_by(|a, b| stem(&lexicon_form(a)) == stem(&lexicon_form(b)));
        if gold.len() < 2 {
            continue;
        }
        compounds += 1;
        if finds(&parts(word), &gold) {
            found += 1;
        }
    }
    let voc: Vec<String> = std::fs::read_to_string(voc)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    let labels = std::fs::read_to_string(project().join("tests/data/compound_labels.tsv")).unwrap();
    let (mut simplex, mut wrongly_split, mut labelled_compounds, mut labelled_found) = (0, 0, 0, 0);
    for line in labels.lines().filter(|l| !l.starts_with('#')) {
        let (n, label) = line.split_once('\t').unwrap();
        let word = &voc[n.parse::<usize>().unwrap() - 1];
        let split = parts(word).len() > 1;
        if label == "S" {
            simplex += 1;
            wrongly_split += usize::from(split);
        } else {
            labelled_compounds += 1;
            labelled_found += usize::from(split);
        }
    }
    Some(Rates {
        compounds,
        found,
        simplex,
        wrongly_split,
        labelled_compounds,
        labelled_found,
    })
}

#[test]
fn compound_split_rates() {
    let Some(r) = measure() else { return };
    let recall = r.found as f64 / r.compounds as f64;
    let false_splits = r.wrongly_split as f64 / r.simplex as f64;
    println!(
        "Wikidata compounds split into their parts: {}/{} = {:.1}%\n\
         voc.txt sample, not compounds but split: {}/{} = {:.1}%\n\
         voc.txt sample, compounds split: {}/{} = {:.1}%",
        r.found,
        r.compounds,
        100.0 * recall,
        r.wrongly_split,
        r.simplex,
        100.0 * false_splits,
        r.labelled_found,
        r.labelled_compounds,
        100.0 * r.labelled_found as f64 / r.labelled_compounds as f64,
    );
    assert!(recall >= 0.90, "recall {recall:.3}");
    assert!(false_splits <= 0.02, "false splits {false_splits:.3}");
}
