//! The article: the unit nachlese indexes, and the rules every input format shares.

use serde::Serialize;
use time::OffsetDateTime;

use super::error::InputErrorKind;
use crate::dates::{self, DateError};

/// A news article.
///
/// `id`, `title` and `date` are required; `body` is required but may be empty (agency
/// headlines have none). Dates are UTC. Built with [`Article::new`] or [`Article::dated`]
/// and the `with_` methods; the fields can be read and changed (checked again when the
/// article is indexed), and more may come.
///
/// Serialised, every field is a key, `null` or `[]`
/// when absent; `date` is RFC 3339.
///
/// ```
/// use nachlese::Article;
///
/// let a = Article::new("demo-1", "Kim reist nach Russland", "2023-09-12", "Der Zug ...")?;
/// assert_eq!(nachlese::dates::format_rfc3339(a.date), "2023-09-12T00:00:00Z");
/// # Ok::<(), nachlese::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Article {
    /// Unique, stable identifier. Indexing an article with a known id replaces the old one.
    pub id: String,
    /// The headline.
    pub title: String,
    /// Publication time, UTC.
    #[serde(with = "time::serde::rfc3339")]
    pub date: OffsetDateTime,
    /// The text.
    pub body: String,
    /// Who published it.
    pub source: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
    /// Who wrote it, as the source names them.
    pub authors: Vec<String>,
    /// Free-form keywords.
    pub tags: Vec<String>,
    /// Language code, e.g. `de`.
    pub language: Option<String>,
}

/// The longest id accepted, in bytes.
pub const MAX_ID_BYTES: usize = 512;

impl Article {
    /// Builds an article from its required fields, checking them as the file readers do.
    ///
    /// `date` is a document date as [`dates::parse_timestamp`] reads it.
    pub fn new(
        id: impl Into<String>,
        title: impl Into<String>,
        date: &str,
        body: impl Into<String>,
    ) -> crate::Result<Article> {
        let article = Fields {
            id: Some(id.into()),
            title: Some(title.into()),
            date: Some(date.to_string()),
            body: Some(body.into()),
            ..Fields::default()
        }
        .into_article()
        .map_err(|kind| crate::Error::InvalidArticle(kind.to_string()))?;
        Ok(article)
    }

    /// Builds an article from its required fields with the date as a `time` value (taken
    /// as UTC), checking them as [`Article::new`] does.
    ///
    /// ```
    /// use nachlese::Article;
    /// use time::macros::datetime;
    ///
    /// let a = Article::dated("demo-2", "Kim in Wladiwostok", datetime!(2023-09-13 06:30 +2), "")?
    ///     .with_source("Agentur")
    ///     .with_authors(["Anna Roth", "Ben Alt"]);
    /// assert_eq!(nachlese::dates::format_rfc3339(a.date), "2023-09-13T04:30:00Z");
    /// assert_eq!(a.authors, ["Anna Roth", "Ben Alt"]);
    /// # Ok::<(), nachlese::Error>(())
    /// ```
    pub fn dated(
        id: impl Into<String>,
        title: impl Into<String>,
        date: OffsetDateTime,
        body: impl Into<String>,
    ) -> crate::Result<Article> {
        let article = Article {
            id: id.into(),
            title: title.into(),
            date: date.to_offset(time::UtcOffset::UTC),
            body: body.into(),
            source: None,
            url: None,
            authors: Vec::new(),
            tags: Vec::new(),
            language: None,
        };
        article
            .validate()
            .map_err(|kind| crate::Error::InvalidArticle(kind.to_string()))?;
        Ok(article)
    }

    /// The article with `source` as who published it.
    pub fn with_source(mut self, source: impl Into<String>) -> Article {
        self.source = Some(source.into());
        self
    }

    /// The article with `url` as where it was published.
    pub fn with_url(mut self, url: impl Into<String>) -> Article {
        self.url = Some(url.into());
        self
    }

    /// The article with these authors.
    pub fn with_authors<S: Into<String>>(
        mut self,
        authors: impl IntoIterator<Item = S>,
    ) -> Article {
        self.authors = authors.into_iter().map(Into::into).collect();
        self
    }

    /// The article with these tags.
    pub fn with_tags<S: Into<String>>(mut self, tags: impl IntoIterator<Item = S>) -> Article {
        self.tags = tags.into_iter().map(Into::into).collect();
        self
    }

    /// The article with `language` as its language code (`de`).
    pub fn with_language(mut self, language: impl Into<String>) -> Article {
        self.language = Some(language.into());
        self
    }

    /// Checks an article built by hand: the same rules the readers apply.
    pub fn validate(&self) -> Result<(), InputErrorKind> {
        check_id(&self.id)?;
        check_title(&self.title)?;
        check_size(&self.title, &self.body)?;
        let secs = self.date.unix_timestamp();
        if !(dates::MIN_TIMESTAMP..=dates::MAX_TIMESTAMP).contains(&secs) {
            return Err(InputErrorKind::InvalidDate(DateError {
                value: dates::format_rfc3339(self.date),
                reason: dates::OUT_OF_RANGE.into(),
            }));
        }
        Ok(())
    }
}

/// The fields of an article as a reader found them, before checking.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub(crate) struct Fields {
    pub id: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub body: Option<String>,
    pub source: Option<String>,
    pub url: Option<String>,
    #[serde(deserialize_with = "one_or_many")]
    pub authors: Option<Vec<String>>,
    #[serde(deserialize_with = "one_or_many")]
    pub tags: Option<Vec<String>>,
    pub language: Option<String>,
}

impl Fields {
    /// Checks the fields and builds the article.
    pub fn into_article(self) -> Result<Article, InputErrorKind> {
        let id = self.id.ok_or(InputErrorKind::MissingField("id"))?;
        check_id(&id)?;
        let title = self.title.ok_or(InputErrorKind::MissingField("title"))?;
        check_title(&title)?;
        let date = self.date.ok_or(InputErrorKind::MissingField("date"))?;
        let date = dates::parse_timestamp(&date).map_err(InputErrorKind::InvalidDate)?;
        let body = self.body.ok_or(InputErrorKind::MissingField("body"))?;
        check_size(&title, &body)?;
        Ok(Article {
            id,
            title,
            date,
            body,
            source: non_empty(self.source),
            url: non_empty(self.url),
            authors: non_empty_items(self.authors),
            tags: non_empty_items(self.tags),
            language: non_empty(self.language),
        })
    }
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.filter(|s| !s.trim().is_empty())
}

/// A list of strings, or one string of items separated by commas or semicolons (`"Anna
/// Roth, Ben Alt"`), as files give authors and tags.
pub(crate) fn one_or_many<'de, D>(deserializer: D) -> Result<Option<Vec<String>>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    struct OneOrMany;
    impl<'de> serde::de::Visitor<'de> for OneOrMany {
        type Value = Option<Vec<String>>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an array of strings or a string")
        }

        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Self::Value, E> {
            Ok(Some(split_list(s)))
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element::<String>()? {
                items.push(item);
            }
            Ok(Some(items))
        }

        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }

        fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_any(OneOrMany)
        }
    }
    deserializer.deserialize_option(OneOrMany)
}

/// The items of one string listing several.
pub(crate) fn split_list(s: &str) -> Vec<String> {
    s.split([',', ';']).map(str::to_string).collect()
}

/// The items of a list that are not blank, trimmed.
fn non_empty_items(items: Option<Vec<String>>) -> Vec<String> {
    items
        .unwrap_or_default()
        .into_iter()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

fn check_id(id: &str) -> Result<(), InputErrorKind> {
    let problem = if id.is_empty() {
        "is empty"
    } else if id.trim() != id {
        "starts or ends with whitespace"
    } else if id.chars().any(char::is_control) {
        "contains control characters"
    } else if id.len() > MAX_ID_BYTES {
        "is longer than 512 bytes"
    } else {
        return Ok(());
    };
    Err(InputErrorKind::InvalidField {
        field: "id",
        problem,
    })
}

fn check_size(title: &str, body: &str) -> Result<(), InputErrorKind> {
    let bytes = title.len() + body.len();
    if bytes > super::MAX_ARTICLE_BYTES {
        return Err(InputErrorKind::TooLarge {
            bytes: bytes as u64,
            limit: super::MAX_ARTICLE_BYTES as u64,
        });
    }
    Ok(())
}

fn check_title(title: &str) -> Result<(), InputErrorKind> {
    if title.trim().is_empty() {
        return Err(InputErrorKind::InvalidField {
            field: "title",
            problem: "is empty",
        });
    }
    Ok(())
}
