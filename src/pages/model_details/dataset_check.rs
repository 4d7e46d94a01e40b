//! A dataset's check by the server: a badge (Checking, Valid, Invalid, or the
//! server's own word), and for an invalid file its problems on demand.

use domain::dataset_check::DatasetCheck;
use leptos::prelude::*;

use crate::components::badge::Badge;

#[component]
pub fn DatasetCheckCell(check: DatasetCheck, name: String) -> impl IntoView {
    let problems = check.problems.clone();
    let count = problems.len();
    view! {
        <div class="cm-stack">
        <Badge colour=check.badge() busy=check.is_validating()>{check.status.label().to_owned()}</Badge>
        {(count > 0).then(|| view! {
            <details class="cm-problems">
                <summary>
                    {if count == 1 { "1 problem".to_owned() } else { format!("{count} problems") }}
                    <span class="cm-visually-hidden">{format!(" in {name}")}</span>
                </summary>
                <ul>{problems.iter().map(|p| view! { <li>{p.text()}</li> }).collect_view()}</ul>
            </details>
        })}
        </div>
    }
}
