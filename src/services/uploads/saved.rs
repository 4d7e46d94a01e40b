//! The unfinished uploads kept in localStorage, so a reload, a crash or a
//! closed tab can resume them. Storage that is off or full only makes resuming
//! unavailable; uploading itself goes on.

use domain::upload::resume::SavedUploads;

use crate::browser::storage;

const KEY: &str = "customModelsUploads";

pub fn load() -> SavedUploads {
    storage::get(KEY).map(|text| SavedUploads::decode(&text)).unwrap_or_default()
}

/// Writes the list; `false` when the browser would not keep it.
pub fn store(all: &SavedUploads) -> bool {
    if all.0.is_empty() {
        storage::remove(KEY);
        return true;
    }
    storage::set(KEY, &all.encode()).is_ok()
}

/// What the console says, once, when it cannot keep uploads for resuming.
pub const UNAVAILABLE: &str =
    "Uploads cannot be resumed after a reload in this browser (its storage is off or full); they still upload now.";
