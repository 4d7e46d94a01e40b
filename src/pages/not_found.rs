use crate::routes::Route;
use leptos::prelude::*;
use leptos_router::components::A;

/// Shown for any URL the console does not know.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <section class="cm-page cm-empty" aria-labelledby="cm-nf-title">
            <h1 id="cm-nf-title">"Page not found"</h1>
            <p>"There is nothing at this address. It may have moved, or the link may be mistyped."</p>
            <A href=Route::models().href()>"Go to Custom Models"</A>
        </section>
    }
}
