//! Which keys of a JSON object or columns of a CSV file hold an article's fields: a
//! [`FieldMap`] (`body=maintext,date=date_publish`), and the one
//! news-please's JSON needs, found by its keys.

use std::fmt;
use std::str::FromStr;

use serde_json::{Map, Value};

use super::article::{Fields, split_list};
use super::error::InputErrorKind;

/// The fields of an article, as a [`FieldMap`] names them.
pub const FIELDS: [&str; 9] = [
    "id", "title", "date", "body", "source", "url", "authors", "tags", "language",
];

/// Where an article's fields are in records of another shape: for each field, the keys (of
/// a JSON object) or columns (of a CSV file's header) that hold it, tried in order. A field
/// not mapped is read from the key of its own name.
///
/// A key with dots (`meta.published`) that is not itself a key reaches into nested objects.
/// `authors` and `tags` may be an array of strings or one string of items separated by
/// commas or semicolons; an `id` or other field that is a number is read as its digits.
///
/// ```
/// use nachlese::corpus::FieldMap;
///
/// let map: FieldMap = "body=maintext,date=date_publish|date_modify,id=link".parse()?;
/// assert_eq!(map.keys("date"), ["date_publish", "date_modify"]);
/// assert_eq!(map.keys("title"), ["title"]);
/// assert!("bdy=maintext".parse::<FieldMap>().is_err());
/// # Ok::<(), nachlese::corpus::FieldMapError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldMap {
    /// (field, keys), fields in [`FIELDS`] order of their first mention.
    pairs: Vec<(&'static str, Vec<String>)>,
}

/// A field map that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct FieldMapError(String);

impl FieldMap {
    /// The map that reads every field from the key of its name.
    pub fn new() -> FieldMap {
        FieldMap::default()
    }

    /// Reads `field` from `keys`, the first present that is not null (replacing what the map
    /// said of it before).
    pub fn map<S: Into<String>>(
        mut self,
        field: &str,
        keys: impl IntoIterator<Item = S>,
    ) -> Result<FieldMap, FieldMapError> {
        let Some(&field) = FIELDS.iter().find(|f| **f == field) else {
            return Err(FieldMapError(format!(
                "unknown field `{field}` (the fields are {})",
                FIELDS.join(", ")
            )));
        };
        let keys: Vec<String> = keys.into_iter().map(Into::into).collect();
        if keys.is_empty() || keys.iter().any(|k| k.trim().is_empty()) {
            return Err(FieldMapError(format!("no key named for `{field}`")));
        }
        self.pairs.retain(|(f, _)| *f != field);
        self.pairs.push((field, keys));
        Ok(self)
    }

    /// The keys `field` is read from, in order.
    pub fn keys<'a>(&'a self, field: &'a str) -> Vec<&'a str> {
        match self.pairs.iter().find(|(f, _)| *f == field) {
            Some((_, keys)) => keys.iter().map(String::as_str).collect(),
            None => vec![field],
        }
    }

    /// The map for news-please's JSON: `body` from `maintext`, `date` from `date_publish`
    /// (else `date_modify`), `id` from `url`, `source` from `source_domain` (`authors` is
    /// news-please's key too).
    pub fn news_please() -> FieldMap {
        let pairs = [
            ("id", vec!["url"]),
            ("title", vec!["title", "title_page", "title_rss"]),
            ("date", vec!["date_publish", "date_modify"]),
            ("body", vec!["maintext"]),
            ("source", vec!["source_domain"]),
        ];
        FieldMap {
            pairs: pairs
                .into_iter()
                .map(|(f, keys)| (f, keys.into_iter().map(String::from).collect()))
                .collect(),
        }
    }

    /// Whether an object is news-please's: a `maintext` key and no `body`.
    pub(crate) fn is_news_please(obj: &Map<String, Value>) -> bool {
        obj.contains_key("maintext") && !obj.contains_key("body")
    }

    /// The article fields of a record: `get(key)` gives a key's value.
    pub(crate) fn fields<'a>(
        &self,
        get: impl Fn(&str) -> Option<&'a Value>,
    ) -> Result<Fields, InputErrorKind> {
        let text = |field: &'static str| -> Result<Option<String>, InputErrorKind> {
            for key in self.keys(field) {
                match get(key) {
                    None | Some(Value::Null) => continue,
                    Some(Value::String(s)) => return Ok(Some(s.clone())),
                    Some(Value::Number(n)) => return Ok(Some(n.to_string())),
                    Some(_) => {
                        return Err(InputErrorKind::InvalidKey {
                            field,
                            key: key.to_string(),
                            problem: "is not a string",
                        });
                    }
                }
            }
            Ok(None)
        };
        let required = |field: &'static str| -> Result<Option<String>, InputErrorKind> {
            match text(field)? {
                Some(v) => Ok(Some(v)),
                None if self.keys(field) == [field] => Err(InputErrorKind::MissingField(field)),
                None => Err(InputErrorKind::MissingKey {
                    field,
                    keys: self.keys(field).join("` or `"),
                }),
            }
        };
        let list = |field: &'static str| -> Result<Option<Vec<String>>, InputErrorKind> {
            let invalid = |key: &str| InputErrorKind::InvalidKey {
                field,
                key: key.to_string(),
                problem: "is not an array of strings",
            };
            for key in self.keys(field) {
                match get(key) {
                    None | Some(Value::Null) => continue,
                    Some(Value::String(s)) => {
                        return Ok(Some(split_list(s)));
                    }
                    Some(Value::Array(items)) => {
                        return items
                            .iter()
                            .map(|item| {
                                item.as_str()
                                    .map(str::to_string)
                                    .ok_or_else(|| invalid(key))
                            })
                            .collect::<Result<Vec<_>, _>>()
                            .map(Some);
                    }
                    Some(_) => return Err(invalid(key)),
                }
            }
            Ok(None)
        };
        Ok(Fields {
            id: required("id")?,
            title: required("title")?,
            date: required("date")?,
            body: required("body")?,
            source: text("source")?,
            url: text("url")?,
            authors: list("authors")?,
            tags: list("tags")?,
            language: text("language")?,
        })
    }
}

/// A key of a JSON object: the key itself, else a dotted path into nested objects.
pub(crate) fn lookup<'a>(obj: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    if let Some(v) = obj.get(key) {
        return Some(v);
    }
    let mut parts = key.split('.');
    let mut value = obj.get(parts.next()?)?;
    for part in parts {
        value = value.as_object()?.get(part)?;
    }
    Some(value)
}

impl FromStr for FieldMap {
    type Err = FieldMapError;

    /// Reads `field=key,field=key|other,...`.
    fn from_str(s: &str) -> Result<FieldMap, FieldMapError> {
        let mut map = FieldMap::new();
        for pair in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((field, keys)) = pair.split_once('=') else {
                return Err(FieldMapError(format!(
                    "`{pair}` is not FIELD=KEY (e.g. body=maintext)"
                )));
            };
            map = map.map(field.trim(), keys.split('|').map(str::trim))?;
        }
        Ok(map)
    }
}

impl fmt::Display for FieldMap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self
            .pairs
            .iter()
            .map(|(field, keys)| format!("{field}={}", keys.join("|")))
            .collect();
        write!(f, "{}", parts.join(","))
    }
}
