//! A call that changes something on the server, as every form and dialog runs
//! it: pending while it runs, its error in the user's words, and what to do once
//! it succeeded. Also "confirm, then delete", built on it.

use std::future::Future;

use leptos::prelude::*;

use crate::api::ApiResult;

pub struct Mutation<I: 'static, O: 'static> {
    action: Action<I, ApiResult<O>>,
    /// The last failure, as the user reads it; cleared when the call runs again.
    pub error: RwSignal<Option<String>>,
}

impl<I: 'static, O: 'static> Clone for Mutation<I, O> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I: 'static, O: 'static> Copy for Mutation<I, O> {}

impl<I, O> Mutation<I, O>
where
    I: Send + Sync + 'static,
    O: Clone + Send + Sync + 'static,
{
    /// `run` makes the call; `on_success` hears its result, once.
    pub fn new<F, Fut>(run: F, on_success: impl Fn(O) + 'static) -> Self
    where
        F: Fn(&I) -> Fut + 'static,
        Fut: Future<Output = ApiResult<O>> + 'static,
    {
        let action = Action::new_local(run);
        let error = RwSignal::new(None);
        Effect::new(move |_| {
            let Some(result) = action.value().get() else { return };
            match result {
                Ok(value) => on_success(value),
                Err(err) => error.set(Some(err.user_message())),
            }
            // Handled: a dialog opened again later starts clean.
            action.value().set(None);
        });
        Mutation { action, error }
    }

    pub fn dispatch(&self, input: I) {
        self.error.set(None);
        self.action.dispatch(input);
    }

    pub fn pending(&self) -> Memo<bool> {
        self.action.pending()
    }
}

/// "Confirm, then delete": which item the dialog asks about, whether it is
/// open, and the call, which closes the dialog when it succeeds.
pub struct DeleteFlow<T: Send + Sync + 'static> {
    pub target: RwSignal<Option<T>>,
    pub open: RwSignal<bool>,
    pub delete: Mutation<T, T>,
}

impl<T: Send + Sync + 'static> Clone for DeleteFlow<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for DeleteFlow<T> {}

impl<T: Clone + Send + Sync + 'static> DeleteFlow<T> {
    /// `run` deletes an item; `on_deleted` hears which, after the dialog closed.
    pub fn new<F, Fut>(run: F, on_deleted: impl Fn(T) + 'static) -> Self
    where
        F: Fn(&T) -> Fut + 'static,
        Fut: Future<Output = ApiResult<()>> + 'static,
    {
        let open = RwSignal::new(false);
        let delete = Mutation::new(
            move |item: &T| {
                let (done, item) = (run(item), item.clone());
                async move { done.await.map(|()| item) }
            },
            move |item| {
                open.set(false);
                on_deleted(item);
            },
        );
        DeleteFlow { target: RwSignal::new(None), open, delete }
    }

    /// Opens the confirmation for `item`.
    pub fn ask(&self) -> Callback<T> {
        let this = *self;
        Callback::new(move |item| {
            this.delete.error.set(None);
            this.target.set(Some(item));
            this.open.set(true);
        })
    }

    /// Deletes the item the dialog asks about.
    pub fn confirm(&self) -> Callback<()> {
        let this = *self;
        Callback::new(move |()| {
            if let Some(item) = this.target.get_untracked() {
                this.delete.dispatch(item);
            }
        })
    }

    /// What the dialog names, from the item it asks about.
    pub fn target_name(&self, name: fn(&T) -> String) -> impl Fn() -> String + Copy + Send + Sync + 'static {
        let target = self.target;
        move || target.with(|t| t.as_ref().map(name).unwrap_or_default())
    }
}
