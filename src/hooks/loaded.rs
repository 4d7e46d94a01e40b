//! The one way a page or a section shows what it loads (a model, a list, a
//! test). The last value that loaded stays on screen while the next loads and
//! when a refresh fails (the view shows `RefreshNote` with
//! [`Loaded::refresh_failure`]); only what never loaded shows `LoadError`.
//! [`Loaded::shown`] changes only when the kind of answer does, so a poll that
//! brings the same kind never rebuilds the view (and never loses a name being typed).

use leptos::prelude::*;

use crate::api::ApiResult;

/// What a view of a loaded value shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Shown {
    Loading,
    Ready,
    /// The server says it does not exist (`404`), even if it did a moment ago;
    /// what to tell the user, for a section that says it in a `LoadError`.
    NotFound(String),
    /// It never loaded; why, in the user's words.
    Failed(String),
}

pub struct Loaded<T: Send + Sync + 'static> {
    /// The last good value. Writable, so a page can put a fresher value in
    /// (the answer of a rename, say).
    pub value: RwSignal<Option<T>>,
    pub shown: Memo<Shown>,
    /// Why the last refresh failed while the last good value stays on screen.
    pub refresh_failure: Signal<Option<String>>,
}

impl<T: Send + Sync + 'static> Clone for Loaded<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Loaded<T> {}

/// Follows `resource`, telling `on_new` each new value beside the one it
/// replaces (to announce what changed).
pub fn load<T: Clone + Send + Sync + 'static>(
    resource: LocalResource<ApiResult<T>>,
    on_new: impl Fn(Option<&T>, &T) + 'static,
) -> Loaded<T> {
    let value = RwSignal::new(None::<T>);
    Effect::new(move |_| {
        if let Some(Ok(latest)) = resource.get() {
            value.with_untracked(|before| on_new(before.as_ref(), &latest));
            value.set(Some(latest));
        }
    });
    let has_value = move || value.with(Option::is_some);
    // Ready follows the value, not the fetch, so the view renders with the value in hand.
    let shown = Memo::new(move |_| match resource.get() {
        Some(Err(err)) if err.is_not_found() => Shown::NotFound(err.user_message()),
        Some(Err(err)) if !has_value() => Shown::Failed(err.user_message()),
        _ if has_value() => Shown::Ready,
        _ => Shown::Loading,
    });
    let refresh_failure = Signal::derive(move || match resource.get() {
        Some(Err(err)) if !err.is_not_found() && has_value() => Some(err.user_message()),
        _ => None,
    });
    Loaded { value, shown, refresh_failure }
}
