//! Notifications of what finishes while the user is elsewhere in the console:
//! trainings, uploads, deletions. A toast waits while hovered or focused, and at
//! most three show at once. `components::toast_region` shows them.

use std::time::Duration;

use leptos::prelude::*;

use crate::routes::Route;

/// How long a toast stays when nobody is looking at it.
const SHOWN_MS: u64 = 6_000;
const MOST: usize = 3;

#[derive(Clone, PartialEq)]
pub struct Toast {
    pub id: u32,
    pub failure: bool,
    pub text: String,
    pub link: Option<(String, Route)>,
    /// The pointer is on it; the keyboard focus is in it.
    hovered: bool,
    focused: bool,
    /// Bumped each time the toast's countdown starts again: a timer that finds
    /// another generation was superseded, so repeated hovers never stack timers
    /// that end the toast early.
    generation: u32,
}

impl Toast {
    fn paused(&self) -> bool {
        self.hovered || self.focused
    }
}

/// What keeps a toast on screen while it lasts.
#[derive(Clone, Copy)]
pub enum Hold {
    Hover,
    Focus,
}

#[derive(Clone, Copy)]
pub struct Toasts {
    items: RwSignal<Vec<Toast>>,
    next: StoredValue<u32>,
}

impl Toasts {
    pub fn new() -> Self {
        Toasts { items: RwSignal::new(Vec::new()), next: StoredValue::new(0) }
    }

    pub fn success(&self, text: impl Into<String>, link: Option<(String, Route)>) {
        self.push(false, text.into(), link);
    }

    pub fn failure(&self, text: impl Into<String>, link: Option<(String, Route)>) {
        self.push(true, text.into(), link);
    }

    fn push(&self, failure: bool, text: String, link: Option<(String, Route)>) {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        self.items.update(|items| {
            items.push(Toast { id, failure, text, link, hovered: false, focused: false, generation: 0 });
            let extra = items.len().saturating_sub(MOST);
            items.drain(..extra);
        });
        self.expire_later(id);
    }

    /// The toasts on screen, oldest first.
    pub fn shown(&self) -> Vec<Toast> {
        self.items.get()
    }

    pub fn dismiss(&self, id: u32) {
        self.items.try_update(|items| items.retain(|t| t.id != id));
    }

    /// Holds the toast while hovered or focused; once neither, it gets its full time again.
    pub fn hold(&self, id: u32, hold: Hold, on: bool) {
        let mut free = false;
        self.items.update(|items| {
            for toast in items.iter_mut().filter(|t| t.id == id) {
                match hold {
                    Hold::Hover => toast.hovered = on,
                    Hold::Focus => toast.focused = on,
                }
                free = !toast.paused();
            }
        });
        if free {
            self.expire_later(id);
        }
    }

    /// Removes the toast after its time, unless someone is looking at it then or
    /// its countdown started again meanwhile (only the latest timer counts).
    fn expire_later(&self, id: u32) {
        let mut generation = None;
        self.items.update(|items| {
            for toast in items.iter_mut().filter(|t| t.id == id) {
                toast.generation = toast.generation.wrapping_add(1);
                generation = Some(toast.generation);
            }
        });
        let Some(generation) = generation else { return };
        let this = *self;
        set_timeout(
            move || {
                let due = this
                    .items
                    .try_with(|items| items.iter().any(|t| t.id == id && t.generation == generation && !t.paused()));
                if due == Some(true) {
                    this.dismiss(id);
                }
            },
            Duration::from_millis(SHOWN_MS),
        );
    }
}

impl Default for Toasts {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_toasts() -> Toasts {
    expect_context::<Toasts>()
}
