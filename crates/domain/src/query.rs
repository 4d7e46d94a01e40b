//! What a list request asks for, and the page it gets back.

use serde::{Deserialize, Serialize};

use crate::pagination::{page_size_or_default, DEFAULT_PAGE_SIZE};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum SortKey {
    Name,
    Status,
    #[default]
    LastModified,
}

impl SortKey {
    pub fn as_param(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Status => "status",
            SortKey::LastModified => "last_modified",
        }
    }

    pub fn from_param(raw: &str) -> Option<Self> {
        [SortKey::Name, SortKey::Status, SortKey::LastModified].into_iter().find(|k| k.as_param() == raw)
    }

    /// The direction a first click on the column sorts in: newest first for dates.
    pub fn natural_dir(self) -> SortDir {
        match self {
            SortKey::LastModified => SortDir::Desc,
            _ => SortDir::Asc,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SortDir {
    Asc,
    Desc,
}

impl SortDir {
    pub fn as_param(self) -> &'static str {
        match self {
            SortDir::Asc => "asc",
            SortDir::Desc => "desc",
        }
    }

    pub fn from_param(raw: &str) -> Option<Self> {
        match raw {
            "asc" => Some(SortDir::Asc),
            "desc" => Some(SortDir::Desc),
            _ => None,
        }
    }

    pub fn flipped(self) -> Self {
        match self {
            SortDir::Asc => SortDir::Desc,
            SortDir::Desc => SortDir::Asc,
        }
    }
}

/// Paging, search and sort of the models list. It lives in the URL query so
/// reloads, back/forward and shared links keep it, and it is sent to the API
/// as request parameters of the same names.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ListQuery {
    /// 1-based.
    pub page: u32,
    pub page_size: u32,
    /// Case-insensitive substring of the name; empty for all.
    pub search: String,
    pub sort: SortKey,
    pub dir: SortDir,
    /// Only models with this status (e.g. Success, for choosing a trained model).
    pub status: Option<crate::TrainingStatus>,
    /// Only models on this base language code.
    pub language: Option<String>,
}

impl Default for ListQuery {
    fn default() -> Self {
        ListQuery {
            page: 1,
            page_size: DEFAULT_PAGE_SIZE,
            search: String::new(),
            sort: SortKey::default(),
            dir: SortKey::default().natural_dir(),
            status: None,
            language: None,
        }
    }
}

impl ListQuery {
    /// Reads a query leniently: anything missing or malformed takes its default.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        let sort = get("sort").and_then(|s| SortKey::from_param(&s)).unwrap_or_default();
        ListQuery {
            page: get("page").and_then(|p| p.trim().parse().ok()).filter(|p| *p >= 1).unwrap_or(1),
            page_size: page_size_or_default(get("page_size").and_then(|s| s.trim().parse().ok())),
            search: get("search").map(|s| s.trim().to_owned()).unwrap_or_default(),
            sort,
            dir: get("order").and_then(|d| SortDir::from_param(&d)).unwrap_or(sort.natural_dir()),
            status: get("status").and_then(|s| s.trim().parse().ok()).and_then(crate::TrainingStatus::from_code),
            language: get("language").map(|l| l.trim().to_owned()).filter(|l| !l.is_empty()),
        }
    }

    /// All parameters, for an API request.
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        let mut params = vec![("page", self.page.to_string()), ("page_size", self.page_size.to_string())];
        if !self.search.is_empty() {
            params.push(("search", self.search.clone()));
        }
        params.push(("sort", self.sort.as_param().to_owned()));
        params.push(("order", self.dir.as_param().to_owned()));
        if let Some(status) = self.status {
            params.push(("status", status.code().to_string()));
        }
        if let Some(language) = &self.language {
            params.push(("language", language.clone()));
        }
        params
    }

    /// The trained models on one language, for choosing a model in an STT Session.
    pub fn trained_on(language: &str) -> ListQuery {
        ListQuery {
            page_size: crate::pagination::PAGE_SIZES[crate::pagination::PAGE_SIZES.len() - 1],
            sort: SortKey::Name,
            dir: SortDir::Asc,
            status: Some(crate::TrainingStatus::Success),
            language: Some(language.to_owned()),
            ..ListQuery::default()
        }
    }

    /// Only the parameters that differ from the defaults, for a tidy URL. The
    /// order is left out when it is the sort's natural one (names A–Z, newest first).
    pub fn to_url_params(&self) -> Vec<(&'static str, String)> {
        let mut params = Vec::new();
        if self.page != 1 {
            params.push(("page", self.page.to_string()));
        }
        if self.page_size != DEFAULT_PAGE_SIZE {
            params.push(("page_size", self.page_size.to_string()));
        }
        if !self.search.is_empty() {
            params.push(("search", self.search.clone()));
        }
        if self.sort != SortKey::default() {
            params.push(("sort", self.sort.as_param().to_owned()));
        }
        if self.dir != self.sort.natural_dir() {
            params.push(("order", self.dir.as_param().to_owned()));
        }
        if let Some(status) = self.status {
            params.push(("status", status.code().to_string()));
        }
        if let Some(language) = &self.language {
            params.push(("language", language.clone()));
        }
        params
    }

    /// Whether the list is narrowed by a status or a language.
    pub fn has_filters(&self) -> bool {
        self.status.is_some() || self.language.is_some()
    }

    /// What a list with nothing to show was narrowed by, in words:
    /// "“call”, status Running, language German".
    pub fn narrowed_by(&self, language_name: impl Fn(&str) -> String) -> String {
        let mut parts = Vec::new();
        if !self.search.is_empty() {
            parts.push(format!("“{}”", self.search));
        }
        if let Some(status) = self.status {
            parts.push(format!("status {}", status.label()));
        }
        if let Some(language) = &self.language {
            parts.push(format!("language {}", language_name(language)));
        }
        parts.join(", ")
    }
}

/// Paging of a model's datasets, kept in the details page's URL like the list's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DatasetQuery {
    /// 1-based.
    pub page: u32,
    pub page_size: u32,
}

impl Default for DatasetQuery {
    fn default() -> Self {
        DatasetQuery { page: 1, page_size: DEFAULT_PAGE_SIZE }
    }
}

impl DatasetQuery {
    /// Reads a query leniently: anything missing or malformed takes its default.
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        let list = ListQuery::from_params(get);
        DatasetQuery { page: list.page, page_size: list.page_size }
    }

    /// All parameters, for an API request.
    pub fn to_params(&self) -> Vec<(&'static str, String)> {
        vec![("page", self.page.to_string()), ("page_size", self.page_size.to_string())]
    }

    /// Only the parameters that differ from the defaults, for a tidy URL.
    pub fn to_url_params(&self) -> Vec<(&'static str, String)> {
        let defaults = ListQuery::default();
        ListQuery { page: self.page, page_size: self.page_size, ..defaults }.to_url_params()
    }
}

/// One page of a list, with the total the pager needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    pub items: Vec<T>,
    pub total: u64,
    pub page: u32,
    pub page_size: u32,
    /// Items the server sent that could not be shown (no id, not an object);
    /// the page says how many rather than failing.
    #[serde(default)]
    pub skipped: u32,
}

impl<T> Page<T> {
    /// "1 item could not be shown" when the server sent items the console had to leave out.
    pub fn skipped_note(&self) -> Option<String> {
        match self.skipped {
            0 => None,
            1 => Some("1 item could not be shown.".into()),
            n => Some(format!("{n} items could not be shown.")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dataset_queries_read_leniently_and_write_only_what_differs() {
        let q = DatasetQuery::from_params(|k| match k {
            "page" => Some("3".into()),
            "page_size" => Some("50".into()),
            _ => None,
        });
        assert_eq!(q, DatasetQuery { page: 3, page_size: 50 });
        assert_eq!(q.to_url_params(), vec![("page", "3".to_owned()), ("page_size", "50".to_owned())]);
        assert_eq!(DatasetQuery::from_params(|_| Some("x".into())), DatasetQuery::default());
        assert!(DatasetQuery::default().to_url_params().is_empty());
        assert_eq!(q.to_params(), vec![("page", "3".to_owned()), ("page_size", "50".to_owned())]);
    }
    use std::collections::HashMap;

    fn parse(pairs: &[(&str, &str)]) -> ListQuery {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        ListQuery::from_params(|k| map.get(k).cloned())
    }

    #[test]
    fn defaults_to_first_page_newest_first() {
        let q = parse(&[]);
        assert_eq!(q, ListQuery::default());
        assert_eq!((q.page, q.page_size, q.sort, q.dir), (1, 25, SortKey::LastModified, SortDir::Desc));
        assert!(q.to_url_params().is_empty());
    }

    #[test]
    fn junk_in_the_url_falls_back_to_defaults() {
        let q = parse(&[("page", "-3"), ("page_size", "33"), ("sort", "evil"), ("order", "sideways")]);
        assert_eq!(q, ListQuery::default());
        assert_eq!(parse(&[("page", "0")]).page, 1);
        assert_eq!(parse(&[("page", "abc")]).page, 1);
    }

    #[test]
    fn round_trips_through_url_params() {
        let q = ListQuery {
            page: 3,
            page_size: 50,
            search: "call".into(),
            sort: SortKey::Name,
            dir: SortDir::Desc,
            ..ListQuery::default()
        };
        let params = q.to_url_params();
        let back = parse(&params.iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>());
        assert_eq!(back, q);
    }

    #[test]
    fn filters_for_trained_models_travel_as_params() {
        let q = ListQuery::trained_on("de-DE");
        let params = q.to_params();
        assert!(params.contains(&("status", "4".to_owned())));
        assert!(params.contains(&("language", "de-DE".to_owned())));
        let back = parse(&params.iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>());
        assert_eq!(back, q);
        assert_eq!(parse(&[("status", "9")]).status, None);
    }

    #[test]
    fn api_params_always_carry_paging_and_sort() {
        let keys: Vec<_> = ListQuery::default().to_params().into_iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["page", "page_size", "sort", "order"]);
    }

    #[test]
    fn left_out_items_are_counted_in_words() {
        let page = |skipped| Page::<u8> { items: vec![], total: 0, page: 1, page_size: 25, skipped };
        assert_eq!(page(0).skipped_note(), None);
        assert_eq!(page(1).skipped_note().as_deref(), Some("1 item could not be shown."));
        assert_eq!(page(3).skipped_note().as_deref(), Some("3 items could not be shown."));
    }

    #[test]
    fn filters_travel_in_the_url_and_are_named_when_nothing_matches() {
        let q = ListQuery {
            status: Some(crate::TrainingStatus::Running),
            language: Some("de-DE".into()),
            search: "call".into(),
            ..ListQuery::default()
        };
        let params = q.to_url_params();
        assert!(params.contains(&("status", "3".into())) && params.contains(&("language", "de-DE".into())));
        let read = ListQuery::from_params(|k| params.iter().find(|(key, _)| *key == k).map(|(_, v)| v.clone()));
        assert_eq!(read, q);
        assert!(q.has_filters() && !ListQuery::default().has_filters());
        assert_eq!(q.narrowed_by(|_| "German".into()), "“call”, status Running, language German");
    }
}
