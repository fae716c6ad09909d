//! The `nachlese` command: parses arguments, calls the library, prints.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    // The library turns a panic inside tantivy (on damaged files) into an error, and any
    // other panic is reported below: the default hook's message would only say it twice.
    if std::env::var_os("RUST_BACKTRACE").is_none() {
        std::panic::set_hook(Box::new(|_| {}));
    }
    let result = std::panic::catch_unwind(|| cli::run(args)).unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(anyhow::anyhow!(
            "internal error ({what}); this is a bug, please report it (RUST_BACKTRACE=1 shows where)"
        ))
    });
    match result {
        Ok(code) => code,
        // The reader went away (`nachlese search ... | head`): not an error.
        Err(e) if cli::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("nachlese: {}", cli::message(&e));
            ExitCode::from(2)
        }
    }
}
