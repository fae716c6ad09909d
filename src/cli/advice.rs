//! What the command line adds to the library's errors: the command or flag that helps. The
//! library says what is wrong in its own terms; only here are its commands and flags known.

use std::path::Path;

use nachlese::index::StorageProblem;
use nachlese::{Access, Error};

/// The error as `nachlese` prints it: the whole chain of messages, then the advice for the
/// library error in it, if any.
pub fn message(e: &anyhow::Error) -> String {
    let text = format!("{e:#}");
    match e
        .chain()
        .find_map(|c| c.downcast_ref::<Error>())
        .and_then(advice)
    {
        Some(advice) => format!("{text}; {advice}"),
        None => text,
    }
}

fn advice(e: &Error) -> Option<String> {
    let index = |path: &Path| path.display().to_string();
    match e.storage_problem() {
        Some(StorageProblem::TooManyFiles) => {
            return Some("the shell's `ulimit -n` sets the limit".into());
        }
        Some(StorageProblem::NoPermission(Access::Read)) => {
            return Some("e.g. with `chmod -R a+rX` on the index's folder".into());
        }
        _ => {}
    }
    Some(match e {
        Error::NotCommitted(inner) | Error::AfterCommit(inner) => return advice(inner),
        Error::NoIndex { path } => format!(
            "create one with `nachlese index --index {} PATH...`",
            index(path)
        ),
        Error::IncompatibleIndex { path, .. } if e.needs_upgrade() => format!(
            "run `nachlese upgrade --index {}` (the old index stays in use until the new one \
             is complete)",
            index(path)
        ),
        Error::IncompatibleIndex { .. } => "choose another folder with --index DIR".into(),
        Error::Damaged { .. } => {
            "`nachlese check` tells whether it is damaged and what to do".into()
        }
        // The query language and the timeline send dates to the date range.
        Error::Query { message, .. } if message.contains("date range") => {
            "set it with --from and --to".into()
        }
        _ => return None,
    })
}
