//! The `DocSet` methods a wrapping scorer hands on to the scorer or document set it wraps,
//! written once.

/// Implements the named `DocSet` methods (any of `advance`, `seek`, `seek_danger`, `doc`,
/// `size_hint`, `cost`) by calling them on the field `$inner`; the wrapper writes the others.
macro_rules! delegate_doc_set {
    ($inner:ident: $($method:ident),+ $(,)?) => {
        $( $crate::search::delegate::delegate_doc_set!(@ $inner $method); )+
    };
    (@ $inner:ident advance) => {
        fn advance(&mut self) -> tantivy::DocId {
            self.$inner.advance()
        }
    };
    (@ $inner:ident seek) => {
        fn seek(&mut self, target: tantivy::DocId) -> tantivy::DocId {
            self.$inner.seek(target)
        }
    };
    (@ $inner:ident seek_danger) => {
        fn seek_danger(&mut self, target: tantivy::DocId) -> tantivy::SeekDangerResult {
            self.$inner.seek_danger(target)
        }
    };
    (@ $inner:ident doc) => {
        fn doc(&self) -> tantivy::DocId {
            self.$inner.doc()
        }
    };
    (@ $inner:ident size_hint) => {
        fn size_hint(&self) -> u32 {
            self.$inner.size_hint()
        }
    };
    (@ $inner:ident cost) => {
        fn cost(&self) -> u64 {
            self.$inner.cost()
        }
    };
}

pub(crate) use delegate_doc_set;
