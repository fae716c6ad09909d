//! nachlese's integration tests: the real binary on real files, and the public library API.
//!
//! One test binary, a module per topic; `util` gives each test fresh folders.

mod util;

mod analysis;
mod archives;
mod compounds;
mod corpus;
mod crash;
mod default_index;
mod duckling;
mod expansions;
mod extract;
mod fuzz_found;
mod hostile_input;
mod indexing;
mod judged;
mod library;
mod mentions;
mod page_dates;
mod properties;
mod quality;
mod read_only;
mod relaxed;
mod robustness;
mod search;
mod snowball;
mod surface;
mod temporal;
mod updates;
mod upgrade;
mod web_pages;
