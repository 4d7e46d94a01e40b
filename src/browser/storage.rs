//! localStorage, treated as fallible at every step: it may be disabled, throw
//! on access (private modes, sandboxed iframes), be full, or hold junk. We do not
//! use `gloo_storage::LocalStorage`, whose every call goes through `raw()`, which
//! panics when storage is unavailable.

use web_sys::Storage;

/// Why a value could not be stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    Unavailable,
    /// Usually the quota.
    WriteFailed,
}

fn local_storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored text, or `None` when absent or storage is unavailable.
pub fn get(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

pub fn set(key: &str, value: &str) -> Result<(), StorageError> {
    local_storage().ok_or(StorageError::Unavailable)?.set_item(key, value).map_err(|_| StorageError::WriteFailed)
}

pub fn remove(key: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(key);
    }
}
