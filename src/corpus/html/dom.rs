//! The parsed page's elements, read without `scraper`'s per-call costs.
//!
//! `scraper`'s `Element::attr` makes an atom of the name it is asked for (hashing it, and
//! taking a global lock for names the parser does not know) and then binary-searches the
//! attributes comparing strings: an eighth of a page's time went there. An element has a
//! handful of attributes; comparing their names in place is cheaper.

use scraper::node::Element;

/// An element's attributes by name.
pub(crate) trait Attributes {
    /// The value of the attribute `name` (outside any namespace), as `Element::attr` finds it.
    fn attribute(&self, name: &str) -> Option<&str>;
}

impl Attributes for Element {
    fn attribute(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(key, _)| &*key.local == name && key.prefix.is_none() && key.ns.is_empty())
            .map(|(_, value)| &**value)
    }
}
