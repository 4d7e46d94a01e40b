//! The model's datasets: a table paged by the API (page and size in the URL),
//! deletion through the row menu, and the New Dataset modal.

use domain::dataset::{format_duration, safe_link};
use domain::pagination::clamp_page;
use domain::query::DatasetQuery;
use domain::Dataset;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::context::use_model;
use super::dataset_check::DatasetCheckCell;
use super::new_dataset::NewDatasetModal;
use super::unfinished_uploads::UnfinishedUploads;
use crate::api::use_api;
use crate::browser::time::local_timestamp;
use crate::components::confirm_dialog::ConfirmDelete;
use crate::components::kebab_menu::{KebabMenu, MenuAction};
use crate::components::load_error::LoadError;
use crate::components::pagination::Pagination;
use crate::components::refresh_note::RefreshNote;
use crate::components::skipped_note::SkippedNote;
use crate::hooks::loaded::{load, Shown};
use crate::hooks::mutation::DeleteFlow;
use crate::routes::{use_go, Route};
use crate::services::announcer::use_announcer;
use crate::services::uploads::use_uploads;

#[component]
pub fn DatasetsSection(model_id: Memo<String>) -> impl IntoView {
    let api = use_api();
    let ctx = use_model();
    let announcer = use_announcer();
    let query_map = use_query_map();
    let paging = Memo::new(move |_| query_map.with(|q| DatasetQuery::from_params(|k| q.get(k))));
    let page_route = move |query: DatasetQuery| Route::Model { id: model_id.get(), query };
    let list_api = api.clone();
    let datasets = LocalResource::new(move || {
        let api = list_api.clone();
        let (id, query) = (model_id.get(), paging.get());
        async move { api.list_datasets(&id, query.page, query.page_size).await }
    });
    // Files being checked by the server are asked about again until they are not.
    let polling = crate::hooks::polling::refresh_while(
        datasets,
        |page| page.items.iter().any(|d| d.check.is_validating()),
        move |e| e.kind == domain::live::LiveKind::Dataset && e.model_id == model_id.get_untracked(),
    );
    let loaded = load(datasets, |_, _| {});
    let go_to = use_go();
    let go = Callback::new(move |query: DatasetQuery| {
        go_to.run((Route::Model { id: model_id.get_untracked(), query }, true));
    });
    Effect::new(move |_| {
        if let Some(Ok(page)) = datasets.get() {
            ctx.dataset_total.set(Some(page.total));
            ctx.datasets.set(page.items.clone());
            let query = paging.get_untracked();
            let clamped = clamp_page(query.page, page.total, query.page_size);
            if clamped != query.page {
                go.run(DatasetQuery { page: clamped, ..query });
            }
        }
    });

    let upload_open = RwSignal::new(false);
    // A file that became a dataset (from this dialog or a resumed upload) shows at once.
    let uploads = use_uploads();
    Effect::watch(
        move || uploads.finished.get(),
        move |_, _, _| {
            datasets.refetch();
            ctx.reload.run(());
        },
        false,
    );

    let toasts = crate::services::toasts::use_toasts();
    let deletion = DeleteFlow::new(
        // The model is the page's, whatever the dataset itself claims.
        move |d: &Dataset| {
            let (api, model_id, id) = (api.clone(), model_id.get_untracked(), d.id.clone());
            async move { api.delete_dataset(&model_id, &id).await }
        },
        move |d| {
            announcer.say(format!("Dataset {} deleted.", d.name));
            toasts.success(format!("Dataset {} deleted.", d.name), None);
            datasets.refetch();
            ctx.reload.run(());
        },
    );
    let target_name = deletion.target_name(|d| d.name.clone());

    view! {
        <section class="cm-datasets" aria-labelledby="cm-datasets-title">
            <div class="cm-section-head">
                <h2 id="cm-datasets-title">"Datasets"</h2>
                <button type="button" class="cm-btn cm-btn--primary" on:click=move |_| upload_open.set(true)>"New Dataset"</button>
            </div>
            {move || match loaded.shown.get() {
                Shown::Loading => view! { <p class="cm-loading" role="status">"Loading datasets…"</p> }.into_any(),
                Shown::Failed(message) | Shown::NotFound(message) => view! {
                    <LoadError title="The datasets could not be loaded" message on_retry=Callback::new(move |()| datasets.refetch()) />
                }.into_any(),
                Shown::Ready => view! {
                    <RefreshNote failure=loaded.refresh_failure retrying=polling.retrying on_retry=Callback::new(move |()| datasets.refetch()) />
                    {move || loaded.value.get().map(|page| if page.total == 0 {
                        view! {
                            <div class="cm-empty">
                                <h3>"No datasets yet"</h3>
                                <p>"Upload audio files and/or transcripts with “New Dataset”. The model becomes Ready to Run once it has training data."</p>
                            </div>
                        }.into_any()
                    } else {
                        let query = paging.get_untracked();
                        let total = page.total;
                        let note = page.skipped_note();
                        view! {
                            <SkippedNote note />
                            <DatasetsTable items=page.items on_delete=deletion.ask() />
                            <Pagination
                                page=query.page
                                page_size=query.page_size
                                total
                                label="Datasets pages"
                                href=Callback::new(move |n| page_route(DatasetQuery { page: n, ..paging.get() }))
                                on_page_size=Callback::new(move |page_size| go.run(DatasetQuery { page: 1, page_size }))
                            />
                        }.into_any()
                    })}
                }.into_any(),
            }}
        </section>
        <NewDatasetModal open=upload_open model_id />
        <UnfinishedUploads model_id />
        <ConfirmDelete flow=deletion title="Delete dataset?">
            <p>"“" <strong>{target_name}</strong> "” will be removed from this model. This cannot be undone."</p>
        </ConfirmDelete>
    }
}

/// The id of a dataset's row header, which links elsewhere on the page point at.
pub fn dataset_anchor(dataset_id: &str) -> String {
    format!("cm-dataset-{dataset_id}")
}

#[component]
fn DatasetsTable(items: Vec<Dataset>, on_delete: Callback<Dataset>) -> impl IntoView {
    let announcer = use_announcer();
    let when = |at: Option<chrono::DateTime<chrono::Utc>>| {
        at.map(|at| view! { <time datetime=at.to_rfc3339()>{local_timestamp(at)}</time> })
    };
    let rows = items
        .into_iter()
        .map(|d| {
            let url = d.url.clone().unwrap_or_default();
            let link = match safe_link(&url) {
                Some(href) => view! { <a href=href.to_owned() target="_blank" rel="noopener noreferrer" class="cm-url">{href.to_owned()}</a> }.into_any(),
                None => view! { <span class="cm-url cm-url--inert">{url.clone()}</span> }.into_any(),
            };
            let target = d.clone();
            let id = d.id.clone();
            let copy_id = Callback::new(move |()| {
                let id = id.clone();
                leptos::task::spawn_local(async move {
                    let said = if crate::browser::clipboard::copy(&id).await {
                        format!("Dataset id {id} copied.")
                    } else {
                        format!("Could not copy. The dataset id is {id}.")
                    };
                    announcer.say(said);
                });
            });
            let actions = vec![
                MenuAction::Run { label: "Copy id".into(), run: copy_id, danger: false },
                MenuAction::Run { label: "Delete".into(), run: Callback::new(move |()| on_delete.run(target.clone())), danger: true },
            ];
            view! {
                <tr>
                    // The anchor a failed training's banner links to (status_banner.rs).
                    <th scope="row" id=dataset_anchor(&d.id) tabindex="-1">{d.name.clone()}</th>
                    <td data-label="Type">{d.dataset_type.label().to_owned()}</td>
                    <td data-label="Check"><DatasetCheckCell check=d.check.clone() name=d.name.clone() /></td>
                    <td data-label="Duration">{d.duration_seconds.and_then(format_duration)}</td>
                    <td data-label="URL">{link}</td>
                    <td data-label="Start Time">{when(d.started_at)}</td>
                    <td data-label="End Time">{when(d.finished_at)}</td>
                    <td class="cm-table__actions"><KebabMenu label=format!("Actions for {}", d.name) actions /></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="cm-table cm-table--cards cm-table--cards-md">
            <caption class="cm-visually-hidden">"Datasets"</caption>
            <thead>
                <tr>
                    <th scope="col">"Name"</th>
                    <th scope="col">"Type"</th>
                    <th scope="col">"Check"</th>
                    <th scope="col">"Duration"</th>
                    <th scope="col">"URL"</th>
                    <th scope="col">"Start Time"</th>
                    <th scope="col">"End Time"</th>
                    <th scope="col"><span class="cm-visually-hidden">"Actions"</span></th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
