//! Keeps a resource current while the backend works: refetches with backoff
//! while `running` says so, stops as soon as it does not, and stops for good
//! when the owning page is left.

use std::time::Duration;

use leptos::prelude::*;

/// The first wait; each further poll waits 1.5× longer, up to [`LONGEST_MS`].
/// Starting at 2 s keeps a page under 30 requests a minute.
pub const FIRST_MS: u64 = 2_000;
pub const LONGEST_MS: u64 = 10_000;

pub fn refresh_while<T: 'static>(resource: LocalResource<T>, running: impl Fn(&T) -> bool + 'static) {
    let delay = StoredValue::new(FIRST_MS);
    let timer = StoredValue::new_local(None::<TimeoutHandle>);
    let stop = move || {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(None);
    };

    Effect::new(move |_| {
        let busy = resource.with(|value| value.as_ref().is_some_and(&running));
        stop();
        if busy {
            let wait = delay.get_value();
            delay.set_value((wait * 3 / 2).min(LONGEST_MS));
            timer.set_value(set_timeout_with_handle(move || resource.refetch(), Duration::from_millis(wait)).ok());
        } else {
            delay.set_value(FIRST_MS);
        }
    });
    on_cleanup(stop);
}
