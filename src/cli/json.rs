//! JSON output for scripts, where it is more than the library's own serde output: the
//! reports of `index` and `delete`, which add what the program decided (what it skipped,
//! what was missing) to the library's [`WriteStats`].

use nachlese::{InputError, WriteStats};
use serde::Serialize;
use serde_json::{Value, json};

/// The outcome of `index`: the writer's counts, then the rejected inputs (`rejected` may
/// list fewer than `rejections`).
pub fn index_report(
    stats: &WriteStats,
    rejected: &[InputError],
    rejections: usize,
    documents: u64,
) -> Value {
    #[derive(Serialize)]
    struct Report<'a> {
        #[serde(flatten)]
        stats: &'a WriteStats,
        rejections: usize,
        rejected: &'a [InputError],
        documents: u64,
    }
    json!(Report {
        stats,
        rejections,
        rejected,
        documents,
    })
}

/// The report of `delete --json`.
pub fn delete_report(deleted: u64, missing: &[&str], documents: u64) -> Value {
    json!({
        "deleted": deleted,
        "missing": missing,
        "documents": documents,
    })
}
