//! The models table: sortable headers, status badges, dates and row menus.

use domain::{CustomModel, ListQuery, SortDir, SortKey, TrainingStatus};
use leptos::prelude::*;

use crate::browser::time::LocalTime;
use crate::components::info_tip::InfoTip;
use crate::components::kebab_menu::{KebabMenu, MenuAction};
use crate::components::status_badge::StatusBadge;
use crate::components::training_progress::TrainingProgress;
use crate::routes::Route;
use crate::services::workspace::use_workspace;

#[component]
pub fn ModelsTable(
    rows: Memo<Vec<CustomModel>>,
    query: Memo<ListQuery>,
    go: Callback<(ListQuery, bool)>,
    on_delete: Callback<CustomModel>,
) -> impl IntoView {
    let workspace = use_workspace();
    let can_delete = Memo::new(move |_| workspace.user.with(|u| matches!(u, Some(Ok(user)) if user.role.can_delete())));
    let sort_header = move |key: SortKey, label: &'static str, tip: Option<&'static str>| {
        let current = move || query.with(|q| (q.sort == key).then_some(q.dir));
        let aria_sort = move || match current() {
            Some(SortDir::Asc) => "ascending",
            Some(SortDir::Desc) => "descending",
            None => "none",
        };
        let icon = move || match current() {
            Some(SortDir::Asc) => "▲",
            Some(SortDir::Desc) => "▼",
            None => "↕",
        };
        let on_click = move |_| {
            let q = query.get_untracked();
            let dir = if q.sort == key { q.dir.flipped() } else { key.natural_dir() };
            go.run((ListQuery { sort: key, dir, page: 1, ..q }, false));
        };
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button type="button" class="cm-sort" on:click=on_click>
                    {label}
                    <span class="cm-sort__icon" aria-hidden="true">{icon}</span>
                </button>
                {tip.map(|text| view! { <InfoTip label=format!("About {label}") text /> })}
            </th>
        }
    };

    // Rows use plain <a>: the router still handles their clicks, without the
    // per-link memo and aria-current tracking of <A> (a cost on every page switch).
    // Each row is a slot showing whichever model is at its position: the next
    // page updates the cells' text and attributes instead of building new rows.
    let row = move |slot: usize| {
        let model = Memo::new(move |_| rows.with(|rows| rows.get(slot).cloned()));
        let field =
            move |read: fn(&CustomModel) -> String| move || model.with(|m| m.as_ref().map(read).unwrap_or_default());
        let href = move || model.with(|m| m.as_ref().map(|m| Route::model(&m.id).href()).unwrap_or_default());
        let status =
            Signal::derive(move || model.with(|m| m.as_ref().map_or(TrainingStatus::NotRunning, |m| m.status)));
        let raw_status = Signal::derive(move || model.with(|m| m.as_ref().and_then(|m| m.status_text.clone())));
        let language =
            move || model.with(|m| m.as_ref().map(|m| workspace.language_name(&m.language)).unwrap_or_default());
        let modified = Memo::new(move |_| model.with(|m| m.as_ref().and_then(|m| m.last_modified)));
        let actions = Signal::derive(move || {
            let Some(target) = model.get() else { return Vec::new() };
            let mut actions = vec![MenuAction::Link { label: "Edit".into(), route: Route::model(&target.id) }];
            if can_delete.get() {
                actions.push(MenuAction::Run {
                    label: "Delete".into(),
                    run: Callback::new(move |()| on_delete.run(target.clone())),
                    danger: true,
                });
            }
            actions
        });
        view! {
            <tr>
                <th scope="row" class="cm-table__name"><a href=href>{field(|m| m.name.clone())}</a></th>
                <td data-label="Training Status">
                    <div class="cm-stack">
                        <StatusBadge status raw=raw_status />
                        <TrainingProgress model label=Signal::derive(move || format!("Training progress of {}", field(|m| m.name.clone())())) />
                    </div>
                </td>
                <td data-label="Base Language">{language}</td>
                <td data-label="Last Modified">
                    <Show when=move || modified.get().is_some()>
                        <LocalTime at=Signal::derive(move || modified.get().unwrap_or_default()) />
                    </Show>
                </td>
                <td class="cm-table__actions">
                    <KebabMenu label=Signal::derive(field(|m| format!("Actions for {}", m.name))) actions />
                </td>
            </tr>
        }
    };

    view! {
        <table class="cm-table cm-table--cards">
            <caption class="cm-visually-hidden">"Custom models"</caption>
            <thead>
                <tr>
                    {sort_header(SortKey::Name, "Name", None)}
                    {sort_header(SortKey::Status, "Training Status", Some("Training progress indicator"))}
                    <th scope="col">
                        "Base Language"
                        <InfoTip label="About Base Language" text="Base language model used" />
                    </th>
                    {sort_header(SortKey::LastModified, "Last Modified", None)}
                    <th scope="col"><span class="cm-visually-hidden">"Actions"</span></th>
                </tr>
            </thead>
            <tbody>
                // Keyed by position: a poll that brings the same rows, or the next
                // page, keeps every row's DOM (and focus, and an open menu).
                <For each=move || 0..rows.with(Vec::len) key=|slot| *slot children=row />
            </tbody>
        </table>
    }
}
