//! Live updates for the whole console: one stream (`Backend::open_events`),
//! opened when the console starts. While it is open, pages refetch what an
//! event says changed instead of polling (`hooks::polling::refresh_while` asks
//! [`LiveEvents::open`]); when it cannot open, fails or drops, they poll again,
//! and it reconnects with backoff (a fresh ticket, so a fresh token, each time).
//! A backend without the stream (`404`) is polled for good; an expired session
//! stops it until the page is reloaded.

use std::rc::Rc;
use std::time::Duration;

use domain::live::{LiveEvent, StreamNews};
use leptos::prelude::*;

use crate::api::{Api, ApiResult, EventStream};
use crate::services::expiry::SessionExpiry;

/// The first wait before reconnecting; it doubles after each failure, up to [`LONGEST_MS`].
const FIRST_MS: u64 = 1_000;
const LONGEST_MS: u64 = 60_000;
/// Events in a burst (a training's progress, a test's utterances) make one refetch.
const GATHER_MS: u64 = 500;

#[derive(Clone, Copy)]
pub struct LiveEvents {
    /// The stream is open: changes are told as they happen.
    pub open: Signal<bool>,
    /// Who hears each event as it arrives. Called at once rather than through a
    /// signal: events of one tick arrive together, and an effect would see only the last.
    hearers: Hearers,
    /// How many times the stream opened: a reopening may have missed events.
    openings: ReadSignal<u32>,
}

type Hearer = Rc<dyn Fn(&LiveEvent)>;

#[derive(Clone, Copy)]
struct Hearers(StoredValue<Vec<(u64, Hearer)>, LocalStorage>, StoredValue<u64>);

impl Hearers {
    fn new() -> Self {
        Hearers(StoredValue::new_local(Vec::new()), StoredValue::new(0))
    }

    /// Adds `hearer` until the calling owner is cleaned up.
    fn add(self, hearer: Hearer) {
        let Some(id) = self.1.try_update_value(|n| {
            *n += 1;
            *n
        }) else {
            return;
        };
        self.0.try_update_value(|all| all.push((id, hearer)));
        on_cleanup(move || {
            self.0.try_update_value(|all| all.retain(|(h, _)| *h != id));
        });
    }

    fn tell(self, event: &LiveEvent) {
        // A copy: a hearer may add or remove hearers (a refetch mounts a page).
        let all: Vec<Hearer> =
            self.0.try_with_value(|all| all.iter().map(|(_, h)| h.clone()).collect()).unwrap_or_default();
        for hearer in all {
            hearer(event);
        }
    }
}

struct Link {
    api: Api,
    open: RwSignal<bool>,
    hearers: Hearers,
    openings: RwSignal<u32>,
    stream: StoredValue<Option<EventStream>, LocalStorage>,
    wait: StoredValue<u64>,
    expiry: SessionExpiry,
}

impl LiveEvents {
    pub fn new(api: Api, expiry: SessionExpiry) -> Self {
        let link = Rc::new(Link {
            api,
            open: RwSignal::new(false),
            hearers: Hearers::new(),
            openings: RwSignal::new(0),
            stream: StoredValue::new_local(None),
            wait: StoredValue::new(FIRST_MS),
            expiry,
        });
        let live = LiveEvents { open: link.open.into(), hearers: link.hearers, openings: link.openings.read_only() };
        let stream = link.stream;
        connect(link);
        on_cleanup(move || drop(stream.try_set_value(None)));
        live
    }

    /// Refetches `resource` when an event `about` says concerns it arrives (a
    /// burst makes one refetch), and when the stream opens again after a drop.
    pub fn refetch_on<T: 'static>(
        self,
        resource: LocalResource<ApiResult<T>>,
        about: impl Fn(&LiveEvent) -> bool + 'static,
    ) {
        let pending = StoredValue::new(false);
        let refetch = move || {
            if pending.get_value() {
                return;
            }
            pending.set_value(true);
            let later = move || {
                if pending.try_set_value(false).is_none() {
                    resource.refetch();
                }
            };
            // Only fails without a window, where nothing is shown to refresh.
            let _ = set_timeout_with_handle(later, Duration::from_millis(GATHER_MS));
        };
        self.hearers.add(Rc::new(move |event| {
            if about(event) {
                refetch();
            }
        }));
        // The first opening is the console's start, when pages load anyway.
        Effect::watch(
            move || self.openings.get(),
            move |openings, _, _| {
                if *openings > 1 {
                    refetch();
                }
            },
            false,
        );
    }
}

fn connect(link: Rc<Link>) {
    let heard = link.clone();
    let listener: crate::api::StreamListener = Rc::new(move |news| match news {
        // The console may be gone (a host removed it) when the stream speaks.
        StreamNews::Open => {
            heard.wait.try_set_value(FIRST_MS);
            heard.open.try_set(true);
            heard.openings.try_update(|n| *n += 1);
        }
        StreamNews::Event(event) => heard.hearers.tell(&event),
        StreamNews::Closed => {
            heard.open.try_set(false);
            reconnect_later(heard.clone());
        }
    });
    leptos::task::spawn_local(async move {
        match link.api.open_events(listener).await {
            Ok(stream) => drop(link.stream.try_set_value(Some(stream))),
            Err(err) if err.status() == Some(404) => {}
            Err(_) => reconnect_later(link),
        }
    });
}

/// Tries again after the wait, which doubles each time; never after the session expired.
fn reconnect_later(link: Rc<Link>) {
    let Some(wait) = link.wait.try_get_value() else { return };
    link.wait.try_set_value((wait * 2).min(LONGEST_MS));
    let again = move || {
        // The closed stream is let go here, never inside its own callback.
        if link.stream.try_set_value(None).is_none() && link.expiry.expired.try_get_untracked() == Some(false) {
            connect(link);
        }
    };
    let _ = set_timeout_with_handle(again, Duration::from_millis(wait));
}

pub fn use_live_events() -> LiveEvents {
    expect_context::<LiveEvents>()
}
