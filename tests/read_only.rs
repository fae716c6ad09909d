//! A shared archive: one account indexes it, everyone else searches it, also where nobody
//! may write (a read-only mount), and a full disk changes nothing. The errors say what
//! happened and never advise deleting the index.

use std::path::Path;
use std::process::Command as StdCommand;

use crate::util::*;

/// An index of two articles, built by this (the owning) user.
fn archive(env: &Env) {
    env.write(
        "a.jsonl",
        format!(
            "{}\n{}\n",
            record(
                "frau-1",
                "Eine Frau im Amt",
                "2024-02-18",
                "Die Frauen führen."
            ),
            record(
                "wagen-1",
                "Putin schenkt Kim ein Auto",
                "2024-02-19",
                "Ein Wagen."
            ),
        ),
    );
    env.index_files(&["a.jsonl"]);
}

/// Every file name in `dir` (lock files too) with its contents' digest.
fn everything(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let name = e.file_name().to_string_lossy().into_owned();
            (name, std::fs::read(e.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// Whether nachlese can be run as another user; if not, a note (a failure on CI).
fn other_user_available() -> bool {
    let can = can_switch_user();
    if !can {
        skip_or_fail("cannot run nachlese as another user (this needs root)");
    }
    can
}

/// What no message about storage may contain: Rust's debug formatting, or the advice to
/// delete an index that is not damaged.
fn assert_plain_words(err: &str) {
    for bad in ["Os {", "kind:", "IoError", "delete the folder", "rebuild"] {
        assert!(!err.contains(bad), "{bad:?} in: {err}");
    }
}

/// The read commands a newsroom's other users run, with what each must print.
const READS: &[(&[&str], &str)] = &[
    (&["search", "Frau", "-n", "1"], "Eine Frau im Amt"),
    (
        &["search", "Autos", "--from", "2024-02"],
        "Putin schenkt Kim ein Auto",
    ),
    (&["show", "wagen-1"], "Ein Wagen."),
    (&["stats"], "2"),
    (&["timeline", "Frau"], "2024-02"),
    (&["check"], "is sound"),
];

#[cfg(unix)]
#[test]
fn another_user_searches_an_archive_without_write_access_and_changes_no_file() {
    let env = Env::new();
    archive(&env);
    if !other_user_available() {
        return;
    }
    let before = everything(&env.index());
    for (args, expected) in READS {
        let mut cmd = env.as_other_user(args);
        let out = cmd.arg("--index").arg(env.index()).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        assert!(
            stdout(&out).contains(expected),
            "{args:?}: {}",
            stdout(&out)
        );
    }
    assert_eq!(
        everything(&env.index()),
        before,
        "a reader created or changed a file"
    );
}

#[cfg(unix)]
#[test]
fn another_user_who_may_not_write_is_told_who_may_and_loses_nothing() {
    let env = Env::new();
    archive(&env);
    if !other_user_available() {
        return;
    }
    env.write("b.jsonl", record("neu-1", "Neu", "2024-03-01", "Neu."));
    let before = snapshot(&env.index());
    for args in [
        &["index", "b.jsonl"][..],
        &["delete", "frau-1"],
        &["index", "--prune", "a.jsonl"],
    ] {
        let mut cmd = env.as_other_user(args);
        let out = cmd.arg("--index").arg(env.index()).output().unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains(&format!(
                "no permission to write to {}: only a user who may write to the index's folder \
                 can change the index (searching it needs read access only)",
                env.index().display()
            )),
            "{args:?}: {err}"
        );
        assert_plain_words(&err);
    }
    assert_eq!(snapshot(&env.index()), before);
    assert_eq!(env.ids(&["Frau"]), ["frau-1"]);
}

#[cfg(unix)]
#[test]
fn an_index_whose_files_another_user_may_not_read_says_so_not_to_rebuild() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    archive(&env);
    if !other_user_available() {
        return;
    }
    let meta = env.index().join("meta.json");
    std::fs::set_permissions(&meta, std::fs::Permissions::from_mode(0o600)).unwrap();
    let mut cmd = env.as_other_user(&["search", "Frau"]);
    let out = cmd.arg("--index").arg(env.index()).output().unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!("no permission to read {}", meta.display())),
        "{err}"
    );
    assert!(err.contains("chmod -R a+rX"), "{err}");
    assert_plain_words(&err);
}

#[test]
fn a_commit_leaves_its_files_as_readable_as_the_folder() {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let env = Env::new();
        std::fs::create_dir(env.index()).unwrap();
        std::fs::set_permissions(env.index(), std::fs::Permissions::from_mode(0o755)).unwrap();
        archive(&env);
        env.write("b.jsonl", record("neu-1", "Neu", "2024-03-01", "Neu."));
        env.index_files(&["b.jsonl"]);
        for entry in std::fs::read_dir(env.index()).unwrap() {
            let entry = entry.unwrap();
            let mode = entry.metadata().unwrap().permissions().mode() & 0o777;
            assert_eq!(mode & 0o044, 0o044, "{:?} is {mode:o}", entry.file_name());
        }
    }
}

/// Runs `script` (sh) in a mount namespace of its own, as root, with `$NACHLESE` the
/// binary; `None` (after [`skip_or_fail`]) where mounts cannot be made.
fn in_own_mounts(env: &Env, script: &str) -> Option<std::process::Output> {
    let probe = StdCommand::new("unshare")
        .args(["-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        skip_or_fail("cannot make mounts here (`unshare -m` and `mount` need root)");
        return None;
    }
    Some(
        StdCommand::new("unshare")
            .args(["-m", "sh", "-c", script])
            .current_dir(env.path())
            .env("NACHLESE", env!("CARGO_BIN_EXE_nachlese"))
            .env("XDG_CACHE_HOME", env.cache.path())
            .env_remove("NACHLESE_INDEX")
            .output()
            .unwrap(),
    )
}

#[test]
fn an_archive_on_a_read_only_mount_is_searched_and_refuses_changes_in_words() {
    let env = Env::new();
    archive(&env);
    env.write("b.jsonl", record("neu-1", "Neu", "2024-03-01", "Neu."));
    let before = everything(&env.index());
    let mut script = String::from("mount --bind -o ro idx idx || exit 99\n");
    for (args, _) in READS {
        script.push_str(&format!(
            "\"$NACHLESE\" {} --index idx || exit 98\n",
            args.join(" ")
        ));
    }
    script.push_str("\"$NACHLESE\" index b.jsonl --index idx\necho \"exit=$?\"\n");
    let Some(out) = in_own_mounts(&env, &script) else {
        return;
    };
    let (text, err) = (stdout(&out), stderr(&out));
    assert_eq!(out.status.code(), Some(0), "{text}\n{err}");
    for (_, expected) in READS {
        assert!(text.contains(expected), "{expected}: {text}");
    }
    assert!(text.ends_with("exit=2\n"), "{text}");
    assert!(
        err.contains(
            "idx is on a read-only file system: the index can be searched there, but not changed"
        ),
        "{err}"
    );
    assert_plain_words(&err);
    assert_eq!(everything(&env.index()), before);
}

#[test]
fn a_full_disk_says_so_and_keeps_the_index_which_takes_the_next_run() {
    let env = Env::new();
    env.write(
        "a.jsonl",
        record("frau-1", "Eine Frau", "2024-02-18", "Text."),
    );
    // Far more than the 400 kB the file system holds.
    let words = ["Regierung", "Haushalt", "Rente", "Klima", "Energie", "Zins"];
    let big: String = (0..2000)
        .map(|i| {
            let body: Vec<String> = (0..120)
                .map(|j| format!("{}{}", words[(i + j) % words.len()], i * 131 + j))
                .collect();
            record(&format!("b{i}"), "Bericht", "2024-01-01", &body.join(" ")) + "\n"
        })
        .collect();
    env.write("big.jsonl", big);
    std::fs::create_dir(env.join("full")).unwrap();
    let script = "mount -t tmpfs -o size=400k tmpfs full || exit 99
\"$NACHLESE\" index -q a.jsonl --index full/idx || exit 98
\"$NACHLESE\" index -q big.jsonl --index full/idx; echo \"exit=$?\"
\"$NACHLESE\" check --index full/idx || exit 97
\"$NACHLESE\" search Frau --index full/idx || exit 96
mount -o remount,size=64m full || exit 95
\"$NACHLESE\" index -q big.jsonl --index full/idx; echo \"exit=$?\"
\"$NACHLESE\" stats --json --index full/idx
";
    let Some(out) = in_own_mounts(&env, script) else {
        return;
    };
    let (text, err) = (stdout(&out), stderr(&out));
    assert_eq!(out.status.code(), Some(0), "{text}\n{err}");
    assert!(text.contains("exit=2\n"), "{text}");
    assert!(
        err.contains(
            "no space left on the device while writing to full/idx; free some space and try \
             again; nothing was committed, the index is unchanged"
        ),
        "{err}"
    );
    assert_plain_words(&err);
    assert!(text.contains("is sound: 1 article"), "{text}");
    assert!(text.contains("Eine Frau"), "{text}");
    // With space again, the same run succeeds.
    assert!(text.contains("exit=0\n"), "{text}\n{err}");
    assert!(text.contains("\"documents\":2001"), "{text}");
}

/// The library's read paths on the folder `NACHLESE_READ_ONLY_INDEX` names, which this
/// process cannot write to; run by the next test (inside a read-only mount, or with
/// permissions that deny writing).
#[test]
#[ignore = "run by the_library_reads_an_index_in_a_folder_it_cannot_write"]
fn library_reads_the_read_only_index() {
    use nachlese::{Access, Error, Index, SearchRequest};
    let Some(dir) = std::env::var_os("NACHLESE_READ_ONLY_INDEX") else {
        return;
    };
    let dir = Path::new(&dir);
    let before = everything(dir);
    let index = Index::open(dir).expect("opens without writing");
    let results = index.search(&SearchRequest::new("Frauen")).unwrap();
    assert_eq!(results.hits[0].id, "frau-1");
    assert_eq!(
        index.get("wagen-1").unwrap().unwrap().article.title,
        "Putin schenkt Kim ein Auto"
    );
    assert_eq!(index.stats().unwrap().documents, 2);
    assert!(index.check().unwrap().is_sound());
    index.reload().unwrap();
    match index.writer() {
        Err(Error::Storage {
            access: Access::Write,
            path,
            ..
        }) => assert_eq!(path, dir),
        other => panic!("expected a storage error, got {other:?}"),
    }
    drop(index);
    assert_eq!(everything(dir), before);
    println!("read-only library checks passed");
}

#[test]
fn the_library_reads_an_index_in_a_folder_it_cannot_write() {
    let env = Env::new();
    archive(&env);
    let dir = env.index();
    if permissions_apply() {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let readable = std::fs::Permissions::from_mode(0o555);
            std::fs::set_permissions(&dir, readable).unwrap();
            let out = StdCommand::new(std::env::current_exe().unwrap())
                .args(["--exact", "read_only::library_reads_the_read_only_index"])
                .args(["--ignored", "--nocapture"])
                .env("NACHLESE_READ_ONLY_INDEX", &dir)
                .output()
                .unwrap();
            std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
            assert!(
                stdout(&out).contains("read-only library checks passed"),
                "{}",
                stderr(&out)
            );
        }
        return;
    }
    let script = "mount --bind -o ro idx idx || exit 99\nexec \"$TESTS\" --exact \
         read_only::library_reads_the_read_only_index --ignored --nocapture";
    let exe = std::env::current_exe().unwrap();
    let probe = StdCommand::new("unshare")
        .args(["-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        skip_or_fail("cannot make mounts here (`unshare -m` and `mount` need root)");
        return;
    }
    let out = StdCommand::new("unshare")
        .args(["-m", "sh", "-c", script])
        .current_dir(env.path())
        .env("TESTS", exe)
        .env("NACHLESE_READ_ONLY_INDEX", &dir)
        .output()
        .unwrap();
    assert!(
        stdout(&out).contains("read-only library checks passed"),
        "{}\n{}",
        stdout(&out),
        stderr(&out)
    );
}

#[cfg(unix)]
#[test]
fn too_many_open_files_is_told_with_what_to_do() {
    let env = Env::new();
    archive(&env);
    // Standard input, output and error take the three descriptors allowed: the index's
    // first file cannot be opened.
    let out = StdCommand::new("sh")
        .args([
            "-c",
            "ulimit -n 3 && exec \"$NACHLESE\" search Frau --index idx",
        ])
        .current_dir(env.path())
        .env("NACHLESE", env!("CARGO_BIN_EXE_nachlese"))
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("too many open files while opening idx/")
            && err.contains("raise it and try again; the shell's `ulimit -n` sets the limit"),
        "{err}"
    );
    assert_plain_words(&err);
}
