//! The toasts on screen. A toast never takes focus and can be dismissed.
//! Successes are polite (`status`), failures assertive (`alert`).

use leptos::prelude::*;

use crate::services::toasts::{Hold, Toasts};

#[component]
pub fn ToastRegion(toasts: Toasts) -> impl IntoView {
    view! {
        <section class="cm-toasts" aria-label="Notifications">
            <For each=move || toasts.shown() key=|t| t.id let:toast>
                <div
                    class="cm-toast"
                    class:cm-toast--failure=toast.failure
                    role=if toast.failure { "alert" } else { "status" }
                    on:mouseenter=move |_| toasts.hold(toast.id, Hold::Hover, true)
                    on:mouseleave=move |_| toasts.hold(toast.id, Hold::Hover, false)
                    on:focusin=move |_| toasts.hold(toast.id, Hold::Focus, true)
                    on:focusout=move |_| toasts.hold(toast.id, Hold::Focus, false)
                >
                    <p>
                        {toast.text.clone()}
                        {toast.link.clone().map(|(label, route)| view! { " " <a href=route.href()>{label}</a> })}
                    </p>
                    <button type="button" class="cm-btn cm-btn--link" aria-label="Dismiss notification" on:click=move |_| toasts.dismiss(toast.id)>"×"</button>
                </div>
            </For>
        </section>
    }
}
