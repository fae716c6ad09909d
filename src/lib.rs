//! placeholder
pub mod analysis;
pub mod dates;
