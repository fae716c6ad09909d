//! What a user meets first: the README's commands, CI, help and version.

use predicates::prelude::*;

use crate::util::{Env, project};

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
