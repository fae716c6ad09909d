//! What nachlese records about an index in each commit.
//!
//! tantivy stores a free-form payload with every commit, atomically with it. nachlese keeps
//! there the versions the index was built with, so an index from an incompatible version is
//! recognised on open instead of answering with wrong results, and the fingerprint of the
//! bundled corpus it holds, so a changed corpus is noticed.

use serde::{Deserialize, Serialize};

use crate::analysis::ANALYZER_VERSION;

/// The version of the schema and of what nachlese stores per article.
pub(crate) const FORMAT_VERSION: u32 = 6;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct CommitMeta {
    pub format: u32,
    pub analyzer: u32,
    /// The fingerprint of the bundled corpus, when the index holds it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bundled: Option<String>,
}

impl CommitMeta {
    pub(crate) fn current(bundled: Option<String>) -> CommitMeta {
        CommitMeta {
            format: FORMAT_VERSION,
            analyzer: ANALYZER_VERSION,
            bundled,
        }
    }

    pub(crate) fn parse(payload: Option<&str>) -> Option<CommitMeta> {
        serde_json::from_str(payload?).ok()
    }

    pub(crate) fn to_payload(&self) -> String {
        // A struct of numbers and strings always serialises.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Why an index with this metadata cannot be used by this version, if it cannot.
    pub(crate) fn incompatibility(&self) -> Option<String> {
        if self.format != FORMAT_VERSION {
            Some(format!(
                "was written in format {} but this nachlese uses format {FORMAT_VERSION}",
                self.format
            ))
        } else if self.analyzer != ANALYZER_VERSION {
            Some(format!(
                "was analysed with analyzer version {} but this nachlese uses version {ANALYZER_VERSION}",
                self.analyzer
            ))
        } else {
            None
        }
    }
}
