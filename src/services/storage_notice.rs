//! Why the demo's data is not being saved, when it is not: the mock says so
//! once, the demo controls show it.

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct StorageNotice(pub RwSignal<Option<String>>);

impl StorageNotice {
    pub fn new() -> Self {
        StorageNotice(RwSignal::new(None))
    }
}

impl Default for StorageNotice {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_storage_notice() -> StorageNotice {
    expect_context::<StorageNotice>()
}
