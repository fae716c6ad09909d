//! The index schema: which fields an article becomes, and how each is indexed.

use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, Field, INDEXED, IndexRecordOption, STORED, STRING,
    Schema, TextFieldIndexing, TextOptions,
};

use crate::analysis::mentions::MENTIONS_ANALYZER_NAME;
use crate::analysis::{ANALYZER_NAME, NAMES_ANALYZER_NAME, PARTS_ANALYZER_NAME};

/// Field names, as they appear in `field:word` queries.
pub(crate) mod name {
    pub const ID: &str = "id";
    pub const TITLE: &str = "title";
    pub const BODY: &str = "body";
    pub const TITLE_PARTS: &str = "title_parts";
    pub const BODY_PARTS: &str = "body_parts";
    pub const TITLE_NAMES: &str = "title_names";
    pub const BODY_NAMES: &str = "body_names";
    pub const DATE: &str = "date";
    pub const SOURCE: &str = "source";
    pub const URL: &str = "url";
    pub const AUTHORS: &str = "authors";
    pub const TAGS: &str = "tags";
    pub const LANGUAGE: &str = "language";
    pub const ORIGIN: &str = "origin";
    pub const COLLECTION: &str = "collection";
    pub const STAMP: &str = "stamp";
    pub const HASH: &str = "hash";
    pub const MENTIONS: &str = "mentions";
}

/// The schema's fields, looked up once.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    pub id: Field,
    pub title: Field,
    pub body: Field,
    /// Compound parts of the title's and the body's nouns.
    pub title_parts: Field,
    pub body_parts: Field,
    /// Sound codes of the names in title and body.
    pub title_names: Field,
    pub body_names: Field,
    pub date: Field,
    pub source: Field,
    pub url: Field,
    /// The authors' names, each a value, searched with the German analysis.
    pub authors: Field,
    pub tags: Field,
    pub language: Field,
    /// The file the article was read from: lets pruning find articles whose file is gone.
    pub origin: Field,
    /// `bundled` for articles of the bundled corpus, so they can be replaced as a whole.
    pub collection: Field,
    /// The origin file's stamp when it was read (`corpus::file_stamp`): an unchanged file
    /// is skipped when indexed again.
    pub stamp: Field,
    /// A hash of everything stored for the article: an unchanged article is not rewritten.
    pub hash: Field,
    /// The dates title and text mention, as periods of days (`analysis::mentions`).
    pub mentions: Field,
}

pub(crate) fn build() -> Schema {
    let german = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(ANALYZER_NAME)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    // Parts and sound codes need no positions (no phrase spans them) and no storing.
    let expansion = |analyzer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(analyzer)
                .set_index_option(IndexRecordOption::WithFreqs),
        )
    };
    let mut b = Schema::builder();
    b.add_text_field(name::ID, STRING | STORED);
    // A text's three fields follow each other: tantivy indexes fields in this order, and the
    // analysis then reads each text once (see analysis/terms.rs).
    b.add_text_field(name::TITLE, german.clone());
    b.add_text_field(name::TITLE_PARTS, expansion(PARTS_ANALYZER_NAME));
    b.add_text_field(name::TITLE_NAMES, expansion(NAMES_ANALYZER_NAME));
    b.add_text_field(name::BODY, german.clone());
    b.add_text_field(name::BODY_PARTS, expansion(PARTS_ANALYZER_NAME));
    b.add_text_field(name::BODY_NAMES, expansion(NAMES_ANALYZER_NAME));
    b.add_date_field(
        name::DATE,
        DateOptions::from(INDEXED)
            .set_stored()
            .set_fast()
            .set_precision(DateTimePrecision::Seconds),
    );
    b.add_text_field(name::SOURCE, STRING | STORED);
    b.add_text_field(name::URL, STORED);
    b.add_text_field(name::AUTHORS, german.clone());
    b.add_text_field(name::TAGS, german);
    b.add_text_field(name::LANGUAGE, STRING | STORED);
    b.add_text_field(name::ORIGIN, STRING | STORED);
    b.add_text_field(name::COLLECTION, STRING);
    b.add_u64_field(name::STAMP, FAST);
    b.add_u64_field(name::HASH, FAST);
    b.add_text_field(
        name::MENTIONS,
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(MENTIONS_ANALYZER_NAME)
                .set_index_option(IndexRecordOption::Basic),
        ),
    );
    b.build()
}

impl Fields {
    /// Looks the fields up in `schema`; `None` if it is not nachlese's schema.
    pub(crate) fn of(schema: &Schema) -> Option<Fields> {
        let f = |n: &str| schema.get_field(n).ok();
        Some(Fields {
            id: f(name::ID)?,
            title: f(name::TITLE)?,
            body: f(name::BODY)?,
            title_parts: f(name::TITLE_PARTS)?,
            body_parts: f(name::BODY_PARTS)?,
            title_names: f(name::TITLE_NAMES)?,
            body_names: f(name::BODY_NAMES)?,
            date: f(name::DATE)?,
            source: f(name::SOURCE)?,
            url: f(name::URL)?,
            authors: f(name::AUTHORS)?,
            tags: f(name::TAGS)?,
            language: f(name::LANGUAGE)?,
            origin: f(name::ORIGIN)?,
            collection: f(name::COLLECTION)?,
            stamp: f(name::STAMP)?,
            hash: f(name::HASH)?,
            mentions: f(name::MENTIONS)?,
        })
    }
}
