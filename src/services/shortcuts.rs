//! What the keyboard shortcuts ask of the pages (`components::shortcut_keys`
//! listens for the keys).

use leptos::prelude::*;

/// What pages do with the shortcuts: the list opens its create dialog when
/// `new_model` is bumped.
#[derive(Clone, Copy)]
pub struct Shortcuts {
    pub new_model: RwSignal<u32>,
}

impl Shortcuts {
    pub fn new() -> Self {
        Shortcuts { new_model: RwSignal::new(0) }
    }
}

impl Default for Shortcuts {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_shortcuts() -> Shortcuts {
    expect_context::<Shortcuts>()
}
