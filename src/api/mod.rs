//! How the console talks to its backend, in three parts:
//! - [`Backend`] (`backend.rs`): the contract of docs/api.md in code, one async
//!   method per endpoint, implemented by [`HttpApi`] (`http/`) and, in demo
//!   builds, by [`MockApi`] (`mock/`, the in-browser backend).
//! - [`Api`]: the one value the views hold (from context, [`use_api`]). It is an
//!   enum of the two implementations, cheap to clone into context, and
//!   dereferences to `dyn Backend`, so `api.model(id)` calls the contract
//!   directly with no layer in between.
//! - [`ApiError`] (`error.rs`): everything that can go wrong, in the user's words.

mod backend;
mod error;
mod http;
#[cfg(feature = "demo")]
mod mock;

pub use backend::{Backend, ChunkRequest, EventStream, StreamListener};
pub use error::{ApiError, ApiResult};
pub use http::{Answer, HttpApi};
#[cfg(feature = "demo")]
pub use mock::MockApi;

use leptos::prelude::Callback;

use crate::config::{ApiMode, Config};

/// The console's API, from context (`App` provides it), for the calling page
/// or dialog: its requests are aborted when that goes away.
pub fn use_api() -> Api {
    leptos::prelude::expect_context::<Api>().scoped()
}

/// The backend the config chose. Views call the [`Backend`] methods on it.
#[derive(Clone)]
pub enum Api {
    Http(HttpApi),
    #[cfg(feature = "demo")]
    Mock(MockApi),
}

impl std::ops::Deref for Api {
    type Target = dyn Backend;

    fn deref(&self) -> &Self::Target {
        match self {
            Api::Http(http) => http,
            #[cfg(feature = "demo")]
            Api::Mock(mock) => mock,
        }
    }
}

impl Api {
    /// The API `config` asks for, or `None` when it asks for the demo and this
    /// build has none. `notice` hears, once, when the mock cannot save the demo
    /// and keeps it in memory; `on_unauthorized` hears every request the backend
    /// refused for the session.
    pub fn from_config(
        config: &Config,
        notice: Option<Callback<String>>,
        on_unauthorized: Option<Callback<Answer>>,
    ) -> Option<Api> {
        match &config.api {
            ApiMode::Http { base_url, token, token_provider } => Some(Api::Http(
                HttpApi::new(base_url.clone(), token.clone())
                    .with_host(token_provider.clone(), config.user.clone())
                    .with_timeout(config.request_timeout_ms)
                    .with_unauthorized(on_unauthorized),
            )),
            #[cfg(feature = "demo")]
            ApiMode::Mock(options) => Some(Api::Mock(MockApi::load(options, config.user.as_ref(), notice))),
            #[cfg(not(feature = "demo"))]
            ApiMode::Mock(_) => {
                let _ = notice;
                None
            }
        }
    }

    /// A copy whose requests are aborted when the current owner (a page, a
    /// dialog) is cleaned up, so nothing it asked for runs on after it.
    pub fn scoped(&self) -> Api {
        match self {
            Api::Http(http) => {
                let Ok(controller) = web_sys::AbortController::new() else { return self.clone() };
                let scoped = http.scoped(controller.signal());
                let controller = send_wrapper::SendWrapper::new(controller);
                leptos::prelude::on_cleanup(move || controller.abort());
                Api::Http(scoped)
            }
            #[cfg(feature = "demo")]
            Api::Mock(_) => self.clone(),
        }
    }

    /// The mock, for the demo-only controls (role switcher).
    #[cfg(feature = "demo")]
    pub fn as_mock(&self) -> Option<&MockApi> {
        match self {
            Api::Mock(mock) => Some(mock),
            Api::Http(_) => None,
        }
    }
}
