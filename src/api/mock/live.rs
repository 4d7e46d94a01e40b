//! The demo's live updates: the same events as the server's, found by the
//! backend crate's rule ([`LiveChanges`]) after every change the demo makes and
//! on a tick while someone listens, for time moves trainings and tests along
//! with no request (as the server's tick does).

use std::rc::Rc;
use std::sync::{Arc, Mutex};

use backend::live::LiveChanges;
use backend::Store;
use domain::live::{decode_event, StreamNews};
use send_wrapper::SendWrapper;

use super::MockApi;
use crate::api::backend::{EventStream, StreamListener};

/// How often time moves while someone listens (the server's tick).
const TICK_MS: u32 = 1_000;

#[derive(Clone, Default)]
pub struct LiveHub(Arc<Mutex<Hub>>);

#[derive(Default)]
struct Hub {
    changes: Option<LiveChanges>,
    listeners: Vec<(u64, SendWrapper<StreamListener>)>,
    next: u64,
}

impl LiveHub {
    fn hub(&self) -> std::sync::MutexGuard<'_, Hub> {
        self.0.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// What changed in `store` since the last look, for the listeners (none: nothing is looked at).
    pub fn changed(&self, store: &Store) -> Vec<(StreamListener, StreamNews)> {
        let mut hub = self.hub();
        if hub.listeners.is_empty() {
            return Vec::new();
        }
        let events = hub.changes.get_or_insert_with(|| LiveChanges::new(store)).since(store);
        let news: Vec<StreamNews> =
            events.iter().filter_map(|e| decode_event(e.name, &e.data.to_string())).map(StreamNews::Event).collect();
        let listeners: Vec<StreamListener> = hub.listeners.iter().map(|(_, l)| Rc::clone(l)).collect();
        listeners.iter().flat_map(|l| news.iter().map(move |n| (Rc::clone(l), n.clone()))).collect()
    }
}

/// Tells the listeners, with no lock held: what they do may call the demo again.
pub fn tell(news: Vec<(StreamListener, StreamNews)>) {
    for (listener, news) in news {
        listener(news);
    }
}

impl MockApi {
    pub(super) fn event_stream(&self, listener: StreamListener, store: &Store) -> EventStream {
        let id = {
            let mut hub = self.live.hub();
            if hub.listeners.is_empty() {
                hub.changes = Some(LiveChanges::new(store));
            }
            hub.next += 1;
            let id = hub.next;
            hub.listeners.push((id, SendWrapper::new(listener)));
            id
        };
        let api = self.clone();
        let tick = gloo_timers::callback::Interval::new(TICK_MS, move || api.tick());
        let live = self.live.clone();
        EventStream::new(move || {
            drop(tick);
            live.hub().listeners.retain(|(listener, _)| *listener != id);
        })
    }
}
