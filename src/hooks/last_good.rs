//! The last value a resource loaded, kept on screen while it reloads or after a
//! reload failed, so a poll or a page change never blanks what the user reads.

use leptos::prelude::*;

use crate::api::ApiResult;

/// Follows `resource`'s successful values and keeps the last one. Writable, so a
/// page can put a fresher value in (the answer of a rename, say).
pub fn last_good<T: Clone + Send + Sync + 'static>(resource: LocalResource<ApiResult<T>>) -> RwSignal<Option<T>> {
    last_good_then(resource, |_, _| {})
}

/// [`last_good`], telling `on_new` each new value beside the one it replaces
/// (to announce what changed).
pub fn last_good_then<T: Clone + Send + Sync + 'static>(
    resource: LocalResource<ApiResult<T>>,
    on_new: impl Fn(Option<&T>, &T) + 'static,
) -> RwSignal<Option<T>> {
    let value = RwSignal::new(None::<T>);
    Effect::new(move |_| {
        if let Some(Ok(latest)) = resource.get() {
            value.with_untracked(|before| on_new(before.as_ref(), &latest));
            value.set(Some(latest));
        }
    });
    value
}
