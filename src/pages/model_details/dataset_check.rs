//! A dataset's check by the server: a badge (Checking, Valid, Invalid, or the
//! server's own word), and for an invalid file its problems on demand.

use domain::dataset_check::{CheckStatus, DatasetCheck};
use leptos::prelude::*;

#[component]
pub fn DatasetCheckCell(check: DatasetCheck, name: String) -> impl IntoView {
    let tone = match check.status.known() {
        Some(CheckStatus::Valid) => "green",
        Some(CheckStatus::Invalid) => "red",
        Some(CheckStatus::Validating) => "blue",
        None => "gray",
    };
    let problems = check.problems.clone();
    let count = problems.len();
    view! {
        <span class=format!("cm-badge cm-badge--{tone}")>
            {check.status.known().is_none_or(|s| s == CheckStatus::Validating).then(|| view! { <span class="cm-spinner" aria-hidden="true"></span> })}
            {check.status.label().to_owned()}
        </span>
        {(count > 0).then(|| view! {
            <details class="cm-problems">
                <summary>
                    {if count == 1 { "1 problem".to_owned() } else { format!("{count} problems") }}
                    <span class="cm-visually-hidden">{format!(" in {name}")}</span>
                </summary>
                <ul>{problems.iter().map(|p| view! { <li>{p.text()}</li> }).collect_view()}</ul>
            </details>
        })}
    }
}
