//! The backend over HTTP, as `docs/api.md` describes it: this file is the
//! transport (tokens, time limits, cancellation, errors); `http/endpoints.rs`
//! implements the contract on it.

use domain::upload::retry::parse_retry_after;
use domain::wire::{self, DecodeError};
use domain::User;
use gloo_net::http::{Method, RequestBuilder};
use leptos::prelude::{Callable, Callback};
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

mod endpoints;
mod events;

use super::error::{ApiError, ApiResult};
use crate::config::{HostFunction, TokenProvider, DEFAULT_REQUEST_TIMEOUT_MS};

enum Body<'a> {
    Json(serde_json::Value),
    Bytes(&'a web_sys::Blob),
}

/// What a request carries besides its body: extra headers, the caller's
/// cancellation, and its own time limit when not the default.
#[derive(Default)]
pub struct Extra<'a> {
    pub headers: Vec<(&'static str, String)>,
    pub cancel: Option<&'a web_sys::AbortSignal>,
    pub timeout_ms: Option<u32>,
}

impl Extra<'_> {
    /// A `POST` that creates something: its key makes a retry safe (docs/api.md).
    fn idempotent(key: &str) -> Self {
        Extra { headers: vec![("Idempotency-Key", key.to_owned())], ..Extra::default() }
    }
}

#[derive(Clone, Debug)]
pub struct HttpApi {
    base_url: String,
    token: Option<String>,
    token_provider: Option<TokenProvider>,
    /// The user as the host supplied them, answered instead of `GET /me`.
    user: Option<User>,
    timeout_ms: u32,
    /// Told of each answer: refused for the session (`401`, after a fresh token
    /// when there is a callback) or accepted, and with which token.
    on_unauthorized: Option<Callback<Answer>>,
    /// Aborted when the page or dialog that made this copy goes away (`Api::scoped`).
    scope: Option<SendWrapper<web_sys::AbortSignal>>,
}

impl From<DecodeError> for ApiError {
    fn from(e: DecodeError) -> Self {
        ApiError::Decode(e.0)
    }
}

/// What the backend said of a request's sign-in: refused (`401`) or not, and
/// the bearer token it was sent with.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub unauthorized: bool,
    pub token: Option<String>,
}

/// How long the host's `getToken` may take before the request fails.
const TOKEN_TIMEOUT_MS: u32 = 10_000;

/// What a failed `getToken` becomes: like an expired session, never a request without a token.
fn no_token(why: &str) -> ApiError {
    ApiError::Http {
        status: 401,
        code: None,
        message: Some(format!("The workspace {why}. Sign in again.")),
        retry_after_ms: None,
    }
}

impl HttpApi {
    pub fn new(base_url: String, token: Option<String>) -> Self {
        HttpApi {
            base_url,
            token,
            token_provider: None,
            user: None,
            timeout_ms: DEFAULT_REQUEST_TIMEOUT_MS,
            on_unauthorized: None,
            scope: None,
        }
    }

    /// Who hears that the session has expired.
    pub fn with_unauthorized(mut self, on_unauthorized: Option<Callback<Answer>>) -> Self {
        self.on_unauthorized = on_unauthorized;
        self
    }

    /// A copy whose requests end when `signal` aborts.
    pub fn scoped(&self, signal: web_sys::AbortSignal) -> Self {
        HttpApi { scope: Some(SendWrapper::new(signal)), ..self.clone() }
    }

    /// A host's token callback, asked before every request, and the user it signed in.
    pub fn with_host(mut self, token_provider: Option<TokenProvider>, user: Option<User>) -> Self {
        self.token_provider = token_provider;
        self.user = user;
        self
    }

    /// How long a request may take (each request is aborted after it).
    pub fn with_timeout(mut self, timeout_ms: u32) -> Self {
        self.timeout_ms = timeout_ms;
        self
    }

    /// The bearer token: the host's callback (which may return a promise) wins
    /// over a fixed token. A callback that throws, rejects, hangs or gives no
    /// text is an error: a request never goes out without the token it needs.
    async fn bearer(&self) -> ApiResult<Option<String>> {
        let Some(HostFunction(get)) = &self.token_provider else { return Ok(self.token.clone()) };
        let failed = || no_token("could not provide a sign-in token (getToken failed)");
        let value = get.call0(&wasm_bindgen::JsValue::NULL).map_err(|_| failed())?;
        let value = match value.dyn_into::<js_sys::Promise>() {
            Ok(promise) => {
                let answer = wasm_bindgen_futures::JsFuture::from(promise);
                let late = gloo_timers::future::TimeoutFuture::new(TOKEN_TIMEOUT_MS);
                match futures::future::select(answer, late).await {
                    futures::future::Either::Left((answer, _)) => answer.map_err(|_| failed())?,
                    futures::future::Either::Right(_) => {
                        return Err(no_token("did not provide a sign-in token in time (getToken did not answer)"))
                    }
                }
            }
            Err(value) => value,
        };
        match value.as_string() {
            Some(token) if !token.trim().is_empty() => Ok(Some(token)),
            _ => Err(no_token("gave no usable sign-in token (getToken did not return text)")),
        }
    }

    /// Sends one request and returns the body of a 2xx answer as text; every
    /// other outcome becomes a typed error. A 401 with a host's token callback
    /// is tried once more with a fresh token.
    async fn send(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<serde_json::Value>,
    ) -> ApiResult<String> {
        self.send_body(method, path, query, body.map(Body::Json), Extra::default()).await
    }

    async fn send_body(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<Body<'_>>,
        extra: Extra<'_>,
    ) -> ApiResult<String> {
        let token = std::cell::Cell::new(None);
        let result = self.exchange(method, path, query, body, extra, &token).await;
        let status = match &result {
            Ok(_) => Some(false),
            Err(err) => err.status().map(|s| s == 401),
        };
        if let (Some(unauthorized), Some(heard)) = (status, self.on_unauthorized) {
            heard.try_run(Answer { unauthorized, token: token.take() });
        }
        result
    }

    async fn exchange(
        &self,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        body: Option<Body<'_>>,
        extra: Extra<'_>,
        token: &std::cell::Cell<Option<String>>,
    ) -> ApiResult<String> {
        let mut response = self.attempt(&method, path, query, &body, &extra, token).await?;
        if response.status() == 401 && self.token_provider.is_some() {
            response = self.attempt(&method, path, query, &body, &extra, token).await?;
        }
        let retry_after = response.headers().get("retry-after");
        let text = response.text().await.unwrap_or_default();
        if response.ok() {
            return Ok(text);
        }
        let body = wire::decode_error_body(&text);
        Err(ApiError::Http {
            status: response.status(),
            code: body.as_ref().map(|b| b.code.clone()),
            message: body.and_then(|b| b.message),
            retry_after_ms: retry_after.and_then(|v| parse_retry_after(&v, chrono::Utc::now())),
        })
    }

    /// One try: aborted by the caller's signal or this request's time limit.
    async fn attempt(
        &self,
        method: &Method,
        path: &str,
        query: &[(&str, String)],
        body: &Option<Body<'_>>,
        extra: &Extra<'_>,
        token: &std::cell::Cell<Option<String>>,
    ) -> ApiResult<gloo_net::http::Response> {
        let timeout = web_sys::AbortSignal::timeout_with_u32(extra.timeout_ms.unwrap_or(self.timeout_ms));
        let signals = js_sys::Array::of1(&timeout);
        if let Some(cancel) = extra.cancel {
            signals.push(cancel);
        }
        if let Some(scope) = &self.scope {
            signals.push(scope);
        }
        let signal = web_sys::AbortSignal::any(&signals);
        let mut builder = RequestBuilder::new(&format!("{}{path}", self.base_url))
            .method(method.clone())
            .header("Accept", "application/json")
            .query(query.iter().map(|(k, v)| (*k, v.as_str())))
            .abort_signal(Some(&signal));
        let bearer = self.bearer().await?;
        if let Some(bearer) = &bearer {
            builder = builder.header("Authorization", &format!("Bearer {bearer}"));
        }
        token.set(bearer);
        for (name, value) in &extra.headers {
            builder = builder.header(name, value);
        }
        let request = match body {
            Some(Body::Json(body)) => builder.json(body),
            Some(Body::Bytes(blob)) => builder.header("Content-Type", "application/octet-stream").body((*blob).clone()),
            None => builder.build(),
        }
        .map_err(|e| ApiError::Network(e.to_string()))?;
        request.send().await.map_err(|e| {
            if extra.cancel.is_some_and(|c| c.aborted()) || self.scope.as_ref().is_some_and(|s| s.aborted()) {
                ApiError::Cancelled
            } else if timeout.aborted() {
                ApiError::Timeout
            } else {
                ApiError::Network(e.to_string())
            }
        })
    }

    async fn get(&self, path: &str, query: &[(&str, String)]) -> ApiResult<String> {
        self.send(Method::GET, path, query, None).await
    }
}

fn model_path(id: &str) -> String {
    format!("/custom-models/{}", encode(id))
}

/// Ids come from the server and from the URL bar: encode them as one path segment.
fn encode(segment: &str) -> String {
    String::from(js_sys::encode_uri_component(segment))
}
