//! What a user meets first: the README's commands, CI, help and version.

use predicates::prelude::*;

use crate::util::{Env, project, record};

fn readme() -> String {
    std::fs::read_to_string(project().join("README.md")).expect("README.md")
}

/// The commands in the README's "Set up" section, in order.
fn setup_commands() -> Vec<String> {
    let text = readme();
    let section = text
        .split("## Set up")
        .nth(1)
        .expect("a `## Set up` section");
    let section = section.split("\n## ").next().unwrap();
    section
        .split("```sh\n")
        .skip(1)
        .map(|block| block.split("```").next().unwrap().trim().to_string())
        .collect()
}

#[test]
fn ci_runs_exactly_the_readmes_test_command() {
    let commands = setup_commands();
    assert_eq!(commands.len(), 2, "{commands:?}");
    assert!(
        commands[0].contains("search \"Putin Auto\""),
        "{}",
        commands[0]
    );
    let ci = std::fs::read_to_string(project().join(".ci/run")).expect(".ci/run");
    let ci_commands: Vec<&str> = ci
        .lines()
        .map(str::trim)
        .filter(|l| {
            !l.is_empty() && !l.starts_with('#') && !l.starts_with("set ") && !l.starts_with("cd ")
        })
        .collect();
    // Installing the system packages the tests need may come first; the tests run exactly
    // as the README says, once, at the end.
    assert_eq!(
        ci_commands.last(),
        Some(&commands[1].as_str()),
        "{ci_commands:?}"
    );
    assert_eq!(
        ci_commands.iter().filter(|l| l.contains("cargo")).count(),
        1,
        "{ci_commands:?}"
    );
    assert!(
        ci.contains("set -e"),
        ".ci/run must fail when the command fails"
    );
}

#[test]
fn help_and_version() {
    let env = Env::new();
    env.cmd(&["--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("search").and(predicate::str::contains("index")));
    env.cmd(&["search", "--help"]).assert().success().stdout(
        predicate::str::contains("--from <DATE>").and(predicate::str::contains("--sort <ORDER>")),
    );
    env.cmd(&["--version"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("nachlese "));
    env.cmd(&["frobnicate"]).assert().code(2);
}

#[test]
fn shell_completions_and_the_man_page_come_from_the_binary() {
    let env = Env::new();
    let out = env.cmd(&["completions", "bash"]).output().unwrap();
    assert!(out.status.success());
    let script = String::from_utf8(out.stdout).unwrap();
    for word in ["nachlese", "search", "index", "timeline", "--mentions-from"] {
        assert!(script.contains(word), "{word} missing from the bash script");
    }
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        env.cmd(&["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains("search"));
    }
    env.cmd(&["completions", "tcsh"]).assert().code(2);

    let out = env.cmd(&["man"]).output().unwrap();
    assert!(out.status.success());
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.contains(".TH NACHLESE 1"), "{page}");
    assert!(
        page.contains("upgrade") && page.contains("\\-\\-index"),
        "{page}"
    );
}

/// The crates only the `nachlese` program needs (feature `cli`) or its default index in the
/// cache folder (feature `bundled`).
const PROGRAM_CRATES: [&str; 8] = [
    "anyhow",
    "clap",
    "clap_builder",
    "clap_complete",
    "clap_mangen",
    "indicatif",
    "ctrlc",
    "dirs",
];

/// A crate that depends on nachlese without its default features gets none of the program's
/// crates. Cargo resolves a new crate's dependencies offline (from this one's lock file), so
/// the check costs no build.
#[test]
fn a_library_user_without_default_features_gets_no_program_crates() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = format!(
        "[package]\nname = \"embedder\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n\
         [dependencies]\nnachlese = {{ path = {:?}, default-features = false }}\n",
        project().display().to_string()
    );
    std::fs::write(dir.path().join("Cargo.toml"), manifest).unwrap();
    std::fs::create_dir(dir.path().join("src")).unwrap();
    std::fs::write(dir.path().join("src/lib.rs"), "pub use nachlese::Index;\n").unwrap();
    std::fs::copy(project().join("Cargo.lock"), dir.path().join("Cargo.lock")).unwrap();
    let tree = || -> Vec<String> {
        let out = assert_cmd::Command::new(env!("CARGO"))
            .args(["tree", "--offline", "-e", "normal", "--prefix", "none"])
            .current_dir(dir.path())
            .env_remove("CARGO_TARGET_DIR")
            .assert()
            .success();
        String::from_utf8_lossy(&out.get_output().stdout)
            .lines()
            .filter_map(|l| l.split(' ').next())
            .map(str::to_string)
            .collect()
    };
    let crates = tree();
    assert!(crates.iter().any(|c| c == "tantivy"), "{crates:?}");
    for name in PROGRAM_CRATES {
        assert!(!crates.iter().any(|c| c == name), "{name} in {crates:?}");
    }
    // The check would see them if they were there.
    std::fs::write(
        dir.path().join("Cargo.toml"),
        std::fs::read_to_string(dir.path().join("Cargo.toml"))
            .unwrap()
            .replace("default-features = false", "default-features = true"),
    )
    .unwrap();
    let crates = tree();
    for name in PROGRAM_CRATES {
        assert!(crates.iter().any(|c| c == name), "{name} not in {crates:?}");
    }
}

/// The library knows no command-line conventions: `-` is a file like any other, and standard
/// input (or any stream) is a reader the caller hands over.
#[test]
fn the_library_reads_streams_from_readers_and_dash_is_a_file_name() {
    use nachlese::corpus::{Documents, Source};

    let env = Env::new();
    let dash = env.write("-", "not JSON Lines by its name");
    let items: Vec<_> = Documents::new([dash]).collect();
    assert_eq!(items.len(), 1);
    let err = items[0].as_ref().unwrap_err().to_string();
    assert!(err.contains("unsupported file type"), "{err}");

    let file = env.write(
        "a.jsonl",
        record("a", "Aus der Datei", "2024-01-02", "Text."),
    );
    let piped = format!(
        "{}\n",
        record("p", "Aus der Leitung", "2024-01-03", "Text.")
    );
    let docs: Vec<_> = Documents::new([
        Source::Path(file),
        Source::json_lines("pipe", std::io::Cursor::new(piped)),
    ])
    .map(Result::unwrap)
    .collect();
    let seen: Vec<_> = docs
        .iter()
        .map(|d| (d.article.id.as_str(), d.origin.is_file()))
        .collect();
    assert_eq!(seen, [("a", true), ("p", false)]);
    assert_eq!(docs[1].origin.path, std::path::Path::new("pipe"));
}

/// The library's messages say what is wrong; the program adds the command or flag that helps.
#[test]
fn library_errors_quote_no_commands_and_the_program_adds_them() {
    let env = Env::new();
    let missing = env.join("none");
    let err = nachlese::Index::open(&missing).unwrap_err().to_string();
    assert_eq!(err, format!("no index at {}", missing.display()));
    let err =
        nachlese::DateRange::new(Some("2024".parse().unwrap()), Some("2023".parse().unwrap()))
            .unwrap_err()
            .to_string();
    assert!(!err.contains("--"), "{err}");

    env.cmd(&["--index", missing.to_str().unwrap(), "search", "Putin"])
        .assert()
        .code(2)
        .stderr(format!(
            "nachlese: no index at {0}; create one with `nachlese index --index {0} PATH...`\n",
            missing.display()
        ));
    env.cmd(&[
        "search",
        "Putin",
        "--mentions-from",
        "2024",
        "--mentions-to",
        "2023",
    ])
    .assert()
    .code(2)
    .stderr(predicate::str::contains(
        "--mentions-from 2024 is after --mentions-to 2023: the range is empty",
    ));

    let file = env.write("a.jsonl", record("a", "Putin", "2024-01-02", "Text."));
    env.on_index(&["index", file.to_str().unwrap()])
        .assert()
        .success();
    env.on_index(&["search", "date:[2020 TO 2021]"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "dates are searched with a date range; set it with --from and --to",
        ));
}
