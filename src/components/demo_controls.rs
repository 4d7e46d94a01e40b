//! On the mock only: the demo marker, the "Not saved" notice, and a role
//! switcher so a demo can show what each role sees.

use domain::Role;
use leptos::prelude::*;

use crate::services::workspace::use_workspace;

#[component]
pub fn DemoControls(mock: crate::api::MockApi) -> impl IntoView {
    let workspace = use_workspace();
    let notice = crate::services::storage_notice::use_storage_notice().0;
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
