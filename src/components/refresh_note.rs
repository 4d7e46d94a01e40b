//! The quiet note a page shows when refreshing what it shows failed: the last
//! good data stays, and the note says whether the console keeps trying or
//! offers Retry (when asking again cannot help by itself, or nothing polls).

use leptos::prelude::*;

#[component]
pub fn RefreshNote(
    /// Why the last refresh failed, when it did.
    #[prop(into)]
    failure: Signal<Option<String>>,
    #[prop(into)] retrying: Signal<bool>,
    on_retry: Callback<()>,
) -> impl IntoView {
    // The live region stays in the page so that what appears in it is announced.
    view! {
        <div class="cm-refresh-note" role="status">
            {move || failure.get().map(|message| if retrying.get() {
                view! { <p class="cm-hint">"Could not refresh — retrying."</p> }.into_any()
            } else {
                view! {
                    <p class="cm-hint">
                        "Could not refresh: " {message} " "
                        <button type="button" class="cm-btn cm-btn--link" on:click=move |_| on_retry.run(())>"Retry"</button>
                    </p>
                }.into_any()
            })}
        </div>
    }
}
