//! Killing `nachlese index` (SIGKILL) at random moments loses and corrupts nothing: after
//! every kill the index opens, passes `check`, and holds exactly the articles of the last
//! command that completed — none half-added, none lost, none twice. Adds, updates (changed
//! files) and deletes (pruned files) alike.
//!
//! The full run (60 kills) is slow, so it is ignored by default:
//! `cargo test --release --test integration -- --ignored kill_at_random`.
//! A short run (4 kills) is part of the normal suite.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command as StdCommand, Stdio};
use std::time::{Duration, Instant};

use nachlese::{Index, SearchRequest};

use crate::util::Env;

/// A tiny deterministic random number generator (xorshift), so a failing run can be
/// repeated with its seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const SENTENCES: [&str; 8] = [
    "Kim Jong-un empfing den russischen Präsidenten in Pjöngjang.",
    "Die Verteidigungsminister berieten über Munitionslieferungen.",
    "Nordkoreanische Truppen wurden in der Region Kursk gesehen.",
    "Der Aufklärungssatellit erreichte nach zwei Fehlschlägen seine Umlaufbahn.",
    "Lawrow sprach von einer neuen Qualität der Beziehungen.",
    "Die Vereinten Nationen verloren ihr Expertengremium zu den Sanktionen.",
    "Am Weltraumbahnhof Wostotschny zeigte Putin seinem Gast die Raketen.",
    "Der Vertrag über umfassende strategische Partnerschaft wurde ratifiziert.",
];

/// The articles of batch `batch` in version `version`: id → title.
fn batch(batch: usize, version: usize, size: usize) -> BTreeMap<String, String> {
    (0..size)
        .map(|i| {
            (
                format!("b{batch}-{i}"),
                format!("Meldung {i} aus Stapel {batch}, Fassung {version}"),
            )
        })
        .collect()
}

fn write_batch(env: &Env, batch_no: usize, articles: &BTreeMap<String, String>) {
    let mut text = String::new();
    for (n, (id, title)) in articles.iter().enumerate() {
        let body: Vec<&str> = (0..12)
            .map(|k| SENTENCES[(n + k) % SENTENCES.len()])
            .collect();
        let line = serde_json::json!({
            "id": id, "title": title, "date": "2024-06-19", "body": body.join(" ")
        });
        text.push_str(&line.to_string());
        text.push('\n');
    }
    env.write(&format!("in/batch-{batch_no:03}.jsonl"), text);
}

/// What the index holds: id → title, read through the library.
fn holdings(index: &Path) -> BTreeMap<String, String> {
    let index = Index::open(index).expect("the index opens after a kill");
    let results = index
        .search(&SearchRequest::new("").limit(1_000_000).snippets(0))
        .expect("listing");
    assert_eq!(results.total as usize, results.hits.len());
    let mut out = BTreeMap::new();
    for hit in results.hits {
        assert!(
            out.insert(hit.id.clone(), hit.title).is_none(),
            "{} twice",
            hit.id
        );
    }
    out
}

fn nachlese(env: &Env, args: &[&str]) -> StdCommand {
    let mut cmd = StdCommand::new(assert_cmd::cargo::cargo_bin("nachlese"));
    cmd.current_dir(env.path())
        .env("XDG_CACHE_HOME", env.cache.path())
        .arg("--index")
        .arg(env.index())
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

/// Extra rounds, at most, run after the `kills` asked for while no kill has yet hit a
/// running command (each kills earlier in the command's run).
const EXTRA_ROUNDS: usize = 10;

/// Runs `kills` rounds: each changes the files (adds a batch, rewrites one, or removes one
/// and prunes), starts `nachlese index`, kills it after a random delay, and checks the
/// index. If no kill hit a running command (each command finished first), goes on with up to
/// [`EXTRA_ROUNDS`] rounds that kill early in the command's run, until one does. Returns
/// (kills that hit a running command, rounds run).
fn kill_at_random(seed: u64, kills: usize, batch_size: usize) -> (usize, usize) {
    let env = Env::new();
    let mut rng = Rng(seed);
    // The files as they are on disk, and what the index holds.
    let mut files: BTreeMap<usize, (usize, BTreeMap<String, String>)> = BTreeMap::new();
    let mut held: BTreeMap<String, String> = BTreeMap::new();
    let mut next_batch = 0;
    // How long one command takes, learned as we go (to kill it somewhere in the middle).
    let mut typical = Duration::from_millis(500);
    let mut killed_running = 0;

    let mut round = 0;
    while round < kills || (killed_running == 0 && round < kills + EXTRA_ROUNDS) {
        // Change the files.
        let op = if files.len() < 2 { 0 } else { rng.below(3) };
        let mut prune = false;
        match op {
            0 => {
                let arts = batch(next_batch, 0, batch_size);
                write_batch(&env, next_batch, &arts);
                files.insert(next_batch, (0, arts));
                next_batch += 1;
            }
            1 => {
                let keys: Vec<usize> = files.keys().copied().collect();
                let b = keys[rng.below(keys.len() as u64) as usize];
                let version = files[&b].0 + 1;
                let arts = batch(b, version, batch_size);
                write_batch(&env, b, &arts);
                files.insert(b, (version, arts));
            }
            _ => {
                let keys: Vec<usize> = files.keys().copied().collect();
                let b = keys[rng.below(keys.len() as u64) as usize];
                std::fs::remove_file(env.join(&format!("in/batch-{b:03}.jsonl"))).unwrap();
                files.remove(&b);
                prune = true;
            }
        }
        // What the index must hold if this command completes: every file's articles (a
        // command without --prune keeps those of removed files).
        let mut after: BTreeMap<String, String> =
            if prune { BTreeMap::new() } else { held.clone() };
        for (_, arts) in files.values() {
            after.extend(arts.iter().map(|(k, v)| (k.clone(), v.clone())));
        }

        let mut args = vec!["index", "-q", "in"];
        if prune {
            args.push("--prune");
        }
        // Somewhere in the first 130% of a typical run; in an extra round, in its first
        // 20 to 60%.
        let share = if round < kills {
            rng.below(1000) as f64 / 1000.0 * 1.3
        } else {
            0.2 + rng.below(1000) as f64 / 1000.0 * 0.4
        };
        let delay = typical.mul_f64(share);
        let started = Instant::now();
        let mut child = nachlese(&env, &args).spawn().unwrap();
        // Wait for the moment, watching the command: if it finishes first, how long it took
        // is learned (to the few milliseconds of a poll).
        let mut finished = None;
        while finished.is_none() && started.elapsed() < delay {
            std::thread::sleep(
                Duration::from_millis(2).min(delay.saturating_sub(started.elapsed())),
            );
            finished = child.try_wait().unwrap();
        }
        if finished.is_none() {
            child.kill().ok(); // SIGKILL
        }
        let status = child.wait().unwrap();
        match finished {
            // It may still have finished between the last look and the kill.
            None if !status.success() => killed_running += 1,
            None => {}
            Some(_) => typical = started.elapsed().max(Duration::from_millis(50)),
        }

        // The index opens, passes check, and holds the state before or after: whole.
        assert!(
            nachlese(&env, &["check"]).status().unwrap().success(),
            "round {round} (seed {seed}): check failed"
        );
        let now = holdings(&env.index());
        if status.success() {
            assert_eq!(
                now, after,
                "round {round} (seed {seed}): completed, yet not all there"
            );
        } else {
            assert!(
                now == held || now == after,
                "round {round} (seed {seed}): killed after {delay:?}, the index holds {} \
                 articles, neither the {} before nor the {} after",
                now.len(),
                held.len(),
                after.len()
            );
        }
        held = now;
        round += 1;
    }
    // Finally, one command that completes brings the index up to date with the files.
    assert!(
        nachlese(&env, &["index", "-q", "--prune", "in"])
            .status()
            .unwrap()
            .success()
    );
    let mut expected = BTreeMap::new();
    for (_, arts) in files.values() {
        expected.extend(arts.iter().map(|(k, v)| (k.clone(), v.clone())));
    }
    assert_eq!(holdings(&env.index()), expected);
    (killed_running, round)
}

#[test]
fn a_few_kills_lose_nothing() {
    let (killed, rounds) = kill_at_random(0x9e37_79b9_7f4a_7c15, 4, 300);
    eprintln!("{killed} of {rounds} kills hit a running command; nothing was lost");
    assert!(
        killed >= 1,
        "none of {rounds} kills hit a running command: nothing was tested"
    );
}

#[test]
#[ignore = "slow: 60 kills during large indexing runs; \
            cargo test --release --test integration -- --ignored kill_at_random"]
fn kill_at_random_moments_sixty_times() {
    let (killed, rounds) = kill_at_random(0x2545_f491_4f6c_dd1d, 60, 4000);
    eprintln!("{killed} of {rounds} kills hit a running command; nothing was lost");
    assert!(killed >= 50, "only {killed} kills hit a running command");
}

#[test]
fn files_a_killed_writer_left_behind_do_not_stop_the_next_one() {
    let env = Env::new();
    // Only the first article changes: its old version is deleted from a segment that keeps
    // the others, which takes a `.del` file.
    let articles = |title: &str| {
        BTreeMap::from([
            ("k1".to_string(), format!("{title} eins")),
            ("k2".to_string(), "Meldung zwei".to_string()),
            ("k3".to_string(), "Meldung drei".to_string()),
        ])
    };
    write_batch(&env, 0, &articles("Meldung"));
    assert!(
        nachlese(&env, &["index", "-q", "in"])
            .status()
            .unwrap()
            .success()
    );
    write_batch(&env, 0, &articles("Neue Meldung"));

    // A writer killed between writing its deletions (a `.del` file named by the segment and
    // the commit's number) and committing leaves the file behind, listed as tantivy's; the
    // next writer numbers its commit the same. Which number that is: update a copy.
    let copy = env.join("copy");
    std::fs::create_dir(&copy).unwrap();
    for entry in std::fs::read_dir(env.index()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, copy.join(path.file_name().unwrap())).unwrap();
    }
    let mut cmd = StdCommand::new(assert_cmd::cargo::cargo_bin("nachlese"));
    let copied = cmd
        .current_dir(env.path())
        .args(["index", "-q", "--index", "copy", "in"])
        .status()
        .unwrap();
    assert!(copied.success());
    let meta = |dir: &Path| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(dir.join("meta.json")).unwrap()).unwrap()
    };
    let opstamp = meta(&copy)["opstamp"].as_u64().unwrap();
    let segments: Vec<String> = std::fs::read_dir(env.index())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|n| n.strip_suffix(".idx").map(str::to_string))
        .collect();
    let managed = env.index().join(".managed.json");
    let mut listed: Vec<String> =
        serde_json::from_str(&std::fs::read_to_string(&managed).unwrap()).unwrap();
    for segment in segments {
        let left = format!("{segment}.{opstamp}.del");
        std::fs::write(env.index().join(&left), b"half written").unwrap();
        listed.push(left);
    }
    std::fs::write(&managed, serde_json::to_string(&listed).unwrap()).unwrap();

    let out = nachlese(&env, &["index", "-q", "in"])
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(holdings(&env.index()), articles("Neue Meldung"));
    assert!(nachlese(&env, &["check"]).status().unwrap().success());
}
