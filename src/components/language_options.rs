//! The workspace's languages as `<option>`s, for every language picker.

use domain::Language;
use leptos::prelude::*;

use crate::services::workspace::Workspace;

/// `<option>`s for the workspace's languages that pass `keep`, sorted by display name,
/// with `selected` (a language code) marked.
pub fn language_options(
    workspace: Workspace,
    keep: fn(&Language) -> bool,
    selected: RwSignal<String>,
) -> impl Fn() -> AnyView + Copy + Send + Sync + 'static {
    move || {
        workspace.languages.with(|langs| match langs {
            Some(Ok(langs)) => domain::language::by_name(langs, keep)
                .into_iter()
                .map(|l| {
                    let code = l.code.clone();
                    view! { <option value=l.code.clone() selected=move || selected.with(|v| *v == code)>{l.name.clone()}</option> }
                })
                .collect_view()
                .into_any(),
            _ => ().into_any(),
        })
    }
}
