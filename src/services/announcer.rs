//! What the console's one polite live region reads out (status changes,
//! creations, deletions), without moving focus. It keeps the last few messages,
//! so one arriving right after another does not erase it.
//! `components::live_region` shows them.

use leptos::prelude::*;

const KEPT: usize = 3;

#[derive(Clone, Copy)]
pub struct Announcer(RwSignal<Vec<(u64, String)>>);

impl Announcer {
    pub fn new() -> Self {
        Announcer(RwSignal::new(Vec::new()))
    }

    pub fn say(&self, message: impl Into<String>) {
        let message = message.into();
        self.0.try_update(|log| {
            let id = log.last().map_or(0, |(id, _)| id + 1);
            log.push((id, message));
            if log.len() > KEPT {
                log.remove(0);
            }
        });
    }
}

impl Announcer {
    /// The last few messages, each with its id.
    pub fn messages(&self) -> Vec<(u64, String)> {
        self.0.get()
    }
}

impl Default for Announcer {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_announcer() -> Announcer {
    expect_context::<Announcer>()
}
