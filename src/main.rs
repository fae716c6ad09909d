//! The `nachlese` command: parses arguments, calls the library, prints.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Args::parse();
    match cli::run(args) {
        Ok(code) => code,
        // The reader went away (`nachlese search ... | head`): not an error.
        Err(e) if cli::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("nachlese: {e:#}");
            ExitCode::from(2)
        }
    }
}
