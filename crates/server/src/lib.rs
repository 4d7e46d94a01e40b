//! The reference server: the backend crate's rules (the same the in-browser
//! demo runs) over HTTP as docs/openapi.yaml describes, kept in SQLite, with
//! uploaded files streamed to disk and live updates as Server-Sent Events.
//!
//! - [`config`]: flags and environment.
//! - [`state`]: the backend's store behind one lock; every request is one call.
//! - [`db`]: SQLite, one table per kind of entity, migrations in `migrations/`.
//! - [`files`]: chunks and datasets on disk.
//! - [`extract`]: the caller, bodies, parameters and keys, read at the edge.
//! - [`routes`]: one file per resource; [`events`]: `GET /events` and the tick;
//!   [`tickets`]: how a browser's EventSource signs in to it.
//! - [`error`]: the one error shape.

pub mod config;
pub mod db;
pub mod error;
pub mod events;
pub mod extract;
pub mod files;
pub mod routes;
pub mod state;
pub mod tickets;

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::net::TcpListener;

use crate::config::Config;
use crate::state::AppState;

/// Binds the address and opens the data directory: the address (its port chosen when 0) and the state.
pub async fn bind(config: Config) -> Result<(SocketAddr, Arc<AppState>, TcpListener), String> {
    let listener = TcpListener::bind(config.addr).await.map_err(|e| format!("bind {}: {e}", config.addr))?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    let state = AppState::open(config)?;
    Ok((addr, state, listener))
}

/// Serves until `shutdown` resolves; the tick stops with it.
pub async fn serve(
    state: Arc<AppState>,
    listener: TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), String> {
    let tick = events::spawn_tick(state.clone());
    let closing = state.clone();
    let shutdown = async move {
        shutdown.await;
        closing.close();
    };
    let served = axum::serve(listener, routes::router(state)).with_graceful_shutdown(shutdown).await;
    tick.abort();
    served.map_err(|e| e.to_string())
}
