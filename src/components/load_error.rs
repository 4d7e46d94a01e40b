//! What a page or section shows when what it shows could not be loaded: a
//! heading naming it, the reason, and Retry. An alert, so it is heard.

use leptos::prelude::*;

/// `level` is the heading's: 1 for a page (its id names the page section), 2 or 3 for a section.
#[component]
pub fn LoadError(
    title: &'static str,
    #[prop(into)] message: String,
    on_retry: Callback<()>,
    #[prop(default = 3)] level: u8,
    /// The heading's id, for a page whose section is labelled by it.
    #[prop(optional)]
    id: Option<&'static str>,
) -> impl IntoView {
    let heading = match level {
        1 => view! { <h1 id=id>{title}</h1> }.into_any(),
        2 => view! { <h2 id=id>{title}</h2> }.into_any(),
        _ => view! { <h3 id=id>{title}</h3> }.into_any(),
    };
    view! {
        <div class="cm-error" role="alert">
            {heading}
            <p>{message}</p>
            <button type="button" class="cm-btn" on:click=move |_| on_retry.run(())>"Retry"</button>
        </div>
    }
}
