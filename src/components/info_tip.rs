//! An "i" button whose tooltip shows on hover and on keyboard focus, and hides on Escape.

use leptos::prelude::*;

use crate::browser::ids::unique_id;

#[component]
pub fn InfoTip(
    /// What the button is about, e.g. "About Training Status".
    #[prop(into)]
    label: String,
    #[prop(into)] text: String,
) -> impl IntoView {
    let id = unique_id("cm-tip");
    let hidden = RwSignal::new(false);
    view! {
        <span class="cm-tip" class:cm-tip--dismissed=move || hidden.get() on:mouseleave=move |_| hidden.set(false)>
            <button
                type="button"
                class="cm-tip__btn"
                aria-label=label
                aria-describedby=id.clone()
                on:focus=move |_| hidden.set(false)
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        hidden.set(true);
                    }
                }
            >
                "i"
            </button>
            <span role="tooltip" id=id class="cm-tip__text">{text}</span>
        </span>
    }
}
