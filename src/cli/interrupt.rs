//! Ctrl-C (and SIGTERM, SIGHUP) while a command writes to the index.
//!
//! Nothing a writer did is visible before its commit, and a writer that is killed leaves
//! only files the next one removes, so before the commit the process can simply end: it
//! says so and exits with 130, as shells report an interrupted command. Once the commit has
//! begun it is let finish (it is short, and ending it halfway would leave the question of
//! whether it was made); the interruption is reported after it.

use std::sync::atomic::{AtomicU8, Ordering};

/// Exit status of an interrupted command (128 + SIGINT).
pub const INTERRUPTED: u8 = 130;

const WRITING: u8 = 0;
const ENDING: u8 = 1;
const COMMITTING: u8 = 2;
const INTERRUPTED_IN_COMMIT: u8 = 3;

static STATE: AtomicU8 = AtomicU8::new(WRITING);

fn swap(from: u8, to: u8) -> Result<u8, u8> {
    STATE.compare_exchange(from, to, Ordering::SeqCst, Ordering::SeqCst)
}

/// Ends the process on an interruption until [`committing`] is called. Where the signal
/// cannot be handled (a handler is set already) the system's default applies, which also
/// commits nothing.
pub fn end_before_commit() {
    let _ = ctrlc::set_handler(|| match swap(WRITING, ENDING) {
        Ok(_) => {
            // Clear the progress bar's line on a terminal; harmless elsewhere.
            eprintln!("\r\x1b[2K\rnachlese: interrupted; nothing was committed");
            std::process::exit(i32::from(INTERRUPTED));
        }
        Err(COMMITTING) => STATE.store(INTERRUPTED_IN_COMMIT, Ordering::SeqCst),
        Err(_) => {}
    });
}

/// From now on an interruption waits for the commit. If one has just come, the process is
/// ending without committing: this never returns then.
pub fn committing() {
    if swap(WRITING, COMMITTING) == Err(ENDING) {
        loop {
            std::thread::park();
        }
    }
}

/// Whether an interruption came while committing.
pub fn came_during_commit() -> bool {
    STATE.load(Ordering::SeqCst) == INTERRUPTED_IN_COMMIT
}
