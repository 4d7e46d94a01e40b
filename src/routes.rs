//! Every place in the console, typed: the one way to get a link
//! ([`Route::href`], base path included) or to go somewhere ([`use_go`]).
//! No other file writes a path. A leaf: views import it, it imports no view
//! (the route table that shows the pages is `AppRoutes`, in `lib.rs`).
//!
//! leptos_router 0.8 adds the router's base to paths given to `navigate`, but
//! not to absolute `href`s: so links take [`Route::href`] and navigation takes
//! [`Route::path`].

use domain::evaluation::TestQuery;
use domain::query::DatasetQuery;
use domain::ListQuery;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::config::Config;

#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    /// The workspace's Home page, with the STT Sessions.
    Home,
    /// The Custom Models list, paged, searched and sorted.
    Models(ListQuery),
    /// One model's details, with its datasets' paging.
    Model { id: String, query: DatasetQuery },
    /// One test of a model, with its utterances' table state.
    Test { model_id: String, test_id: String, query: TestQuery },
}

impl Route {
    /// The list as it first opens.
    pub fn models() -> Route {
        Route::Models(ListQuery::default())
    }

    /// A model's page, datasets on their first page.
    pub fn model(id: &str) -> Route {
        Route::Model { id: id.to_owned(), query: DatasetQuery::default() }
    }

    /// A test's page, its table as it first opens.
    pub fn test(model_id: &str, test_id: &str) -> Route {
        Route::Test { model_id: model_id.to_owned(), test_id: test_id.to_owned(), query: TestQuery::default() }
    }

    /// The path inside the console with its query (only non-default parameters).
    pub fn path(&self) -> String {
        match self {
            Route::Home => "/".to_owned(),
            Route::Models(query) => with_query("/custom-models", &query.to_url_params()),
            // Ids come from the server and the URL bar: one encoded path segment.
            Route::Model { id, query } => {
                with_query(&format!("/custom-models/{}", js_sys::encode_uri_component(id)), &query.to_url_params())
            }
            Route::Test { model_id, test_id, query } => with_query(
                &format!(
                    "/custom-models/{}/tests/{}",
                    js_sys::encode_uri_component(model_id),
                    js_sys::encode_uri_component(test_id)
                ),
                &query.to_url_params(),
            ),
        }
    }

    /// The URL for a link: the path under the console's base path.
    pub fn href(&self) -> String {
        let base = use_context::<Config>().map(|c| c.base_path).unwrap_or_default();
        format!("{base}{}", self.path())
    }
}

/// `path` with `params` as its query string (values encoded); no `?` when empty.
fn with_query(path: &str, params: &[(&str, String)]) -> String {
    if params.is_empty() {
        return path.to_owned();
    }
    let pairs: Vec<String> = params.iter().map(|(k, v)| format!("{k}={}", js_sys::encode_uri_component(v))).collect();
    format!("{path}?{}", pairs.join("&"))
}

/// Goes to a route. `replace` keeps the history entry (a page clamped, a search
/// refined); the scroll position stays, as the user is still on the same list.
pub fn use_go() -> Callback<(Route, bool)> {
    let navigate = use_navigate();
    Callback::new(move |(route, replace): (Route, bool)| {
        navigate(&route.path(), NavigateOptions { replace, scroll: false, ..Default::default() });
    })
}
