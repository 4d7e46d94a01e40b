//! The last value a resource loaded: [`load`]'s value alone, for the test page
//! until it shows its test through [`load`] like the other pages.

use leptos::prelude::*;

use super::loaded::load;
use crate::api::ApiResult;

/// Follows `resource`'s successful values and keeps the last one, telling
/// `on_new` each new value beside the one it replaces.
pub fn last_good_then<T: Clone + Send + Sync + 'static>(
    resource: LocalResource<ApiResult<T>>,
    on_new: impl Fn(Option<&T>, &T) + 'static,
) -> RwSignal<Option<T>> {
    load(resource, on_new).value
}
