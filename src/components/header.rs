//! The console's header: product name, navigation and, on the mock, the demo
//! marker with a role switcher so a demo can show what each role sees.

use domain::Role;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::routes::link;
use crate::workspace::{use_api, use_workspace};

#[component]
pub fn AppHeader() -> impl IntoView {
    let api = use_api();
    let demo = api.as_mock().cloned();
    view! {
        <header class="cm-header">
            <A href=link("/") attr:class="cm-brand">
                <span class="cm-brand__mark" aria-hidden="true">"◆"</span>
                " Speech Workspace"
            </A>
            <nav class="cm-nav" aria-label="Main">
                <A href=link("/") exact=true>"Home"</A>
                <A href=link("/custom-models")>"Custom Models"</A>
            </nav>
            {demo.map(|mock| view! { <DemoControls mock /> })}
        </header>
    }
}

#[component]
fn DemoControls(mock: crate::api::MockApi) -> impl IntoView {
    let workspace = use_workspace();
    let notice = expect_context::<crate::StorageNotice>().0;
    let current = move || workspace.user.with(|u| u.as_ref().and_then(|r| r.as_ref().ok()).map(|u| u.role));
    let on_change = move |ev: leptos::ev::Event| {
        let role = Role::from_wire(&event_target_value(&ev));
        mock.set_role(role);
        workspace.user.refetch();
    };
    view! {
        <div class="cm-demo">
            <span class="cm-demo__marker" title="This console is running on built-in demo data, not a real backend">
                "Demo data"
            </span>
            {move || notice.get().map(|text| view! { <span class="cm-demo__notice" title=text.clone()>"Not saved"</span> })}
            <label class="cm-demo__role">
                "Demo role "
                <select on:change=on_change>
                    {Role::ALL
                        .into_iter()
                        .map(|role| {
                            view! {
                                <option value=role.as_wire() selected=move || current() == Some(role)>
                                    {role.label()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
        </div>
    }
}
