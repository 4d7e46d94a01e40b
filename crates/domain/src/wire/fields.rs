//! The pieces every decoder is made of: the error, the JSON parse, pages that
//! leave out (and count) the items they cannot show, and lenient fields.

use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

use crate::query::Page;

/// A response body that does not follow the contract.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError(pub String);

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

pub(super) fn parse(text: &str) -> Result<Value, DecodeError> {
    serde_json::from_str(text).map_err(|e| DecodeError(format!("the server sent something that is not JSON ({e})")))
}

pub(super) fn object<'a>(value: &'a Value, what: &str) -> Result<&'a Map<String, Value>, DecodeError> {
    value.as_object().ok_or_else(|| DecodeError(format!("expected a {what} object")))
}

pub(super) fn page<T>(value: &Value, item: fn(&Value) -> Result<T, DecodeError>) -> Result<Page<T>, DecodeError> {
    let map = object(value, "page")?;
    let raw = map.get("items").and_then(Value::as_array).ok_or_else(|| DecodeError("the list has no items".into()))?;
    let items: Vec<T> = raw.iter().filter_map(|value| item(value).ok()).collect();
    let skipped = u32::try_from(raw.len() - items.len()).unwrap_or(u32::MAX);
    let count = |key| map.get(key).and_then(Value::as_u64);
    Ok(Page {
        skipped,
        total: count("total").unwrap_or(items.len() as u64),
        page: count("page").and_then(|p| u32::try_from(p).ok()).unwrap_or(1),
        page_size: count("page_size").and_then(|p| u32::try_from(p).ok()).unwrap_or(items.len() as u32),
        items,
    })
}

/// Ids are strings in the contract; numeric ids are accepted as their decimal text.
pub(super) fn id(map: &Map<String, Value>, what: &str) -> Result<String, DecodeError> {
    match map.get("id") {
        Some(Value::String(s)) if !s.is_empty() => Ok(s.clone()),
        Some(Value::Number(n)) => Ok(n.to_string()),
        _ => Err(DecodeError(format!("a {what} without an id"))),
    }
}

pub(super) fn opt_str(map: &Map<String, Value>, key: &str) -> Option<String> {
    map.get(key).and_then(Value::as_str).map(str::to_owned)
}

pub(super) fn opt_time(map: &Map<String, Value>, key: &str) -> Option<DateTime<Utc>> {
    let raw = map.get(key).and_then(Value::as_str)?;
    DateTime::parse_from_rfc3339(raw).ok().map(|t| t.with_timezone(&Utc))
}
