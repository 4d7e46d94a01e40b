//! The console's header: product name, navigation and, on the mock, the demo
//! controls.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::routes::Route;

#[component]
pub fn AppHeader() -> impl IntoView {
    #[cfg(feature = "demo")]
    let demo =
        crate::api::use_api().as_mock().cloned().map(|mock| view! { <super::demo_controls::DemoControls mock /> });
    #[cfg(not(feature = "demo"))]
    let demo: Option<()> = None;
    view! {
        <header class="cm-header">
            <A href=Route::Home.href() attr:class="cm-brand">
                <span class="cm-brand__mark" aria-hidden="true">"◆"</span>
                " Speech Workspace"
            </A>
            <nav class="cm-nav" aria-label="Main">
                <A href=Route::Home.href() exact=true>"Home"</A>
                <A href=Route::models().href()>"Custom Models"</A>
            </nav>
            {demo}
        </header>
    }
}
