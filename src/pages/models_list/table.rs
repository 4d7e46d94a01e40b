//! The models table: sortable headers, status badges, dates and row menus.

use domain::{CustomModel, ListQuery, SortDir, SortKey};
use leptos::prelude::*;

use crate::components::info_tip::InfoTip;
use crate::components::kebab_menu::{KebabMenu, MenuAction};
use crate::components::status_badge::StatusBadge;
use crate::routes::link;
use crate::time::LocalTime;
use crate::workspace::use_workspace;

pub fn details_href(model_id: &str) -> String {
    format!("/custom-models/{}", js_sys::encode_uri_component(model_id))
}

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
    let row = move |model: CustomModel| {
        let href = details_href(&model.id);
        let code = model.language.clone();
        let language = move || workspace.language_name(&code);
        let row_model = model.clone();
        let actions = move || {
            let mut actions = vec![MenuAction::Link { label: "Edit".into(), href: details_href(&row_model.id) }];
            if can_delete.get() {
                let target = row_model.clone();
                actions.push(MenuAction::Run {
                    label: "Delete".into(),
                    run: Callback::new(move |()| on_delete.run(target.clone())),
                    danger: true,
                });
            }
            view! { <KebabMenu label=format!("Actions for {}", row_model.name) actions /> }
        };
        view! {
            <tr>
                <th scope="row" class="cm-table__name"><a href=link(&href)>{model.name}</a></th>
                <td><StatusBadge status=model.status /></td>
                <td>{language}</td>
                <td>{model.last_modified.map(|at| view! { <LocalTime at /> })}</td>
                <td class="cm-table__actions">{actions}</td>
            </tr>
        }
    };

    view! {
        <table class="cm-table">
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
                // Keyed by everything a row shows, so unchanged rows keep their DOM.
                <For
                    each=move || rows.get()
                    key=|m| (m.id.clone(), m.name.clone(), m.status, m.language.clone(), m.last_modified)
                    children=row
                />
            </tbody>
        </table>
    }
}
