//! Element ids for `aria-labelledby`, `aria-describedby` and friends.

use std::sync::atomic::{AtomicUsize, Ordering};

/// An id no other element on the page has, even with several consoles mounted.
pub fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}
