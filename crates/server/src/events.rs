//! Live updates: `GET /events` streams Server-Sent Events as models, datasets
//! and tests change (`event: model`, `data: {"id":…,"model_id":…,"status":…}`),
//! and a tick moves trainings, tests and checks along while no one asks (and
//! sweeps the chunks of expired uploads).

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::IntoResponse;
use futures_util::stream::{self, Stream};
use tokio::sync::broadcast::error::RecvError;

use crate::extract::Caller;
use crate::state::AppState;
use crate::tickets::TICKET_TTL;

/// How often time moves with no request.
pub const TICK: Duration = Duration::from_secs(1);
/// How often the chunks of expired uploads and the request keys past their
/// window are looked for (at start, then every 10 minutes).
const SWEEP_EVERY_TICKS: u64 = 600;

/// The changes of the caller's organisation, as they happen.
pub async fn stream(
    State(state): State<Arc<AppState>>,
    Caller(user): Caller,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let receiver = state.subscribe();
    let org = user.organization_id;
    let events = stream::unfold((receiver, org), |(mut receiver, org)| async move {
        loop {
            match receiver.recv().await {
                Ok(e) if e.organization_id.is_some() && e.organization_id == org => {
                    return Some((Ok(Event::default().event(e.kind).data(e.data)), (receiver, org)));
                }
                Ok(_) => continue,
                // A slow listener missed some: it still gets the next ones.
                Err(RecvError::Lagged(_)) => continue,
                Err(RecvError::Closed) => return None,
            }
        }
    });
    // `ready` first, so a client knows it is listening before it acts.
    let ready = stream::once(async { Ok(Event::default().event("ready").data("{}")) });
    let until_closed = stream::StreamExt::take_until(stream::StreamExt::chain(ready, events), state.closed());
    Sse::new(until_closed).keep_alive(KeepAlive::default())
}

/// `POST /events/tickets`: a ticket to open `GET /events?ticket=…` with, once, within a minute.
pub async fn ticket(State(state): State<Arc<AppState>>, Caller(user): Caller) -> impl IntoResponse {
    let ticket = state.tickets.issue(user);
    let body = serde_json::json!({ "ticket": ticket, "expires_in": TICKET_TTL.as_secs() });
    (StatusCode::CREATED, [(header::CACHE_CONTROL, "no-store")], axum::Json(body))
}

/// Moves time along every [`TICK`] until the server stops.
pub fn spawn_tick(state: Arc<AppState>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(TICK);
        for ticks in 0u64.. {
            interval.tick().await;
            // A failed save is said by the error itself and tried again next tick.
            let _ = state.tick().await;
            if ticks % SWEEP_EVERY_TICKS == 0 {
                state.sweep_chunks().await;
                // Said by the error itself; tried again at the next sweep.
                let _ = state.forget_old_keys().await;
            }
        }
    })
}
