//! Live updates over HTTP (docs/api.md, "Live updates"): a browser's EventSource
//! sends no `Authorization`, so each (re)connection first buys a one-use ticket
//! with a fresh token (`POST /events/tickets`, through the ordinary transport:
//! the host's `getToken`, a `401` heard as an expired session), then opens
//! `GET /events?ticket=…`. EventSource's own reconnecting would reuse the spent
//! ticket, so the first error closes it and the caller reconnects.

use domain::live::{decode_event, decode_ticket, StreamNews};
use gloo_net::http::Method;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::{encode, Extra, HttpApi};
use crate::api::backend::{EventStream, StreamListener};
use crate::api::error::{ApiError, ApiResult};

/// The events the console listens for; others (a newer backend's) are ignored.
const NAMES: [&str; 4] = ["ready", "model", "dataset", "test"];

impl HttpApi {
    pub(super) async fn event_stream(&self, listener: StreamListener) -> ApiResult<EventStream> {
        let answer = self.send_body(Method::POST, "/events/tickets", &[], None, Extra::default()).await?;
        let ticket = decode_ticket(&answer).ok_or_else(|| ApiError::Decode("the ticket is not text".into()))?;
        let url = format!("{}/events?ticket={}", self.base_url, encode(&ticket));
        let source = web_sys::EventSource::new(&url).map_err(|_| ApiError::Network("EventSource refused".into()))?;
        let mut heard = Vec::new();
        for name in NAMES {
            let listener = listener.clone();
            let on_event = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                if name == "ready" {
                    listener(StreamNews::Open);
                } else if let Some(event) = e.data().as_string().and_then(|data| decode_event(name, &data)) {
                    listener(StreamNews::Event(event));
                }
            });
            // Only fails for a listener that is not a function, which it is.
            let _ = source.add_event_listener_with_callback(name, on_event.as_ref().unchecked_ref());
            heard.push(on_event);
        }
        let failing = source.clone();
        let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| {
            failing.close();
            listener(StreamNews::Closed);
        });
        source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(EventStream::new(move || {
            source.close();
            source.set_onerror(None);
            drop((heard, on_error));
        }))
    }
}
