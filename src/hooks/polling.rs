//! Keeps a resource current while the backend works. A poll that fails keeps
//! what is on screen and tries again with backoff, except when the answer says
//! polling is pointless (`401`, `403`, `404`). Polls wait while the tab is hidden
//! and the one that fell due runs when it is shown again, unless the user asked
//! to be notified when a training ends (then the hidden tab must notice it).
//! All stops for good when the owning page is left. While the live-update
//! stream is open there is no polling: the events `about` the resource refetch it.

use std::time::Duration;

use leptos::prelude::*;

use domain::live::LiveEvent;

use crate::api::ApiResult;
use crate::browser::visibility::{is_hidden, on_shown};
use crate::services::expiry::use_expiry;
use crate::services::live_events::use_live_events;
use crate::services::training_watch::use_training_watch;

/// The first wait; each further poll waits 1.5× longer, up to [`LONGEST_MS`].
/// Starting at 2 s keeps a page under 30 requests a minute.
pub const FIRST_MS: u64 = 2_000;
pub const LONGEST_MS: u64 = 10_000;
/// After failures the wait doubles, up to this.
pub const LONGEST_AFTER_FAILURE_MS: u64 = 60_000;

/// What a page shows about its polling.
#[derive(Clone, Copy)]
pub struct Polling {
    /// The last poll failed and another is scheduled.
    pub retrying: Signal<bool>,
    busy: StoredValue<bool>,
}

impl Polling {
    /// Refetches after the user changed something the backend now works on (a
    /// training started): until an answer arrives, failures are retried as while
    /// busy, so a refetch lost to a failing server does not end polling.
    pub fn expect_work(self, refetch: impl FnOnce()) {
        self.busy.set_value(true);
        refetch();
    }
}

pub fn refresh_while<T: 'static>(
    resource: LocalResource<ApiResult<T>>,
    running: impl Fn(&T) -> bool + 'static,
    about: impl Fn(&LiveEvent) -> bool + 'static,
) -> Polling {
    let stream = use_live_events();
    stream.refetch_on(resource, about);
    let delay = StoredValue::new(FIRST_MS);
    let timer = StoredValue::new_local(None::<TimeoutHandle>);
    // Whether the last value that loaded asked for polling: a failure since
    // then does not know, so it keeps polling on that word.
    let busy = StoredValue::new(false);
    let due_while_hidden = StoredValue::new(false);
    let retrying = RwSignal::new(false);
    // An effect's last run or a timer can outlive the page by a tick; after
    // cleanup nothing here touches its (disposed) signals again.
    let alive = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let live = move |alive: &std::sync::atomic::AtomicBool| alive.load(std::sync::atomic::Ordering::Relaxed);
    let stop = move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(None);
    };
    let expiry = use_expiry();
    let watch = use_training_watch();
    let poll_alive = alive.clone();
    let poll = move || {
        // A poll that fell due as the stream opened is not needed: events tell the
        // changes. A retry of a refetch that failed is: no event will repeat it.
        let listening = stream.open.try_get_untracked().unwrap_or(false);
        let retry = retrying.try_get_untracked().unwrap_or(false);
        if !live(&poll_alive) || (listening && !retry) || expiry.expired.try_get_untracked().unwrap_or(true) {
            return;
        }
        if is_hidden() && !watch.waiting() {
            due_while_hidden.set_value(true);
        } else {
            resource.refetch();
        }
    };

    let effect_alive = alive.clone();
    Effect::new(move |_| {
        if !live(&effect_alive) {
            return;
        }
        let outcome = resource.with(|value| {
            value.as_ref().map(|result| match result {
                Ok(value) => Ok(running(value)),
                Err(err) => Err(err.ends_polling()),
            })
        });
        let Some(outcome) = outcome else { return };
        stop();
        // Events say what changed while the stream is open; when it drops, polling
        // resumes from here. A failed refetch is retried either way: the event that
        // asked for it has been heard and will not come again.
        let listening = stream.open.get();
        if listening && outcome.is_ok() {
            retrying.set(false);
            return;
        }
        let wait = match outcome {
            Ok(now_busy) => {
                busy.set_value(now_busy);
                retrying.set(false);
                // Recovered from failures: back to the working pace, not their long waits.
                delay.set_value(if now_busy { delay.get_value().min(LONGEST_MS) } else { FIRST_MS });
                now_busy.then(|| grow(delay, |wait| (wait * 3 / 2).min(LONGEST_MS)))
            }
            Err(ends) => {
                let again = (busy.get_value() || listening) && !ends;
                retrying.set(again);
                again.then(|| grow(delay, |wait| (wait * 2).min(LONGEST_AFTER_FAILURE_MS)))
            }
        };
        if let Some(wait) = wait {
            let poll = poll.clone();
            timer.set_value(set_timeout_with_handle(poll, Duration::from_millis(wait)).ok());
        }
    });
    on_shown(move || {
        if due_while_hidden.get_value() {
            due_while_hidden.set_value(false);
            resource.refetch();
        }
    });
    on_cleanup(move || {
        alive.store(false, std::sync::atomic::Ordering::Relaxed);
        stop();
    });
    Polling { retrying: retrying.into(), busy }
}

/// The wait before this poll; the next one's is `next` of it.
fn grow(delay: StoredValue<u64>, next: fn(u64) -> u64) -> u64 {
    let wait = delay.get_value();
    delay.set_value(next(wait));
    wait
}
