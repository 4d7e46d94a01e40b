//! A badge of one of the spec's five colours, with a spinner while its work
//! runs. The colour comes from the domain (`badge()` of each status), so every
//! badge of the console means the same thing in both themes.

use domain::status::BadgeColour;
use leptos::prelude::*;

#[component]
pub fn Badge(colour: BadgeColour, #[prop(optional)] busy: bool, children: Children) -> impl IntoView {
    view! {
        <span class=format!("cm-badge cm-badge--{}", colour.css_name())>
            {busy.then(|| view! { <span class="cm-spinner" aria-hidden="true"></span> })}
            {children()}
        </span>
    }
}
