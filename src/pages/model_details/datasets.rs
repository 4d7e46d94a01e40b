//! The model's datasets: a table paged by the API (page and size in the URL),
//! deletion through the row menu, and the New Dataset modal.

use domain::dataset::{format_duration, safe_link};
use domain::pagination::{clamp_page, page_size_or_default};
use domain::Dataset;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use super::new_dataset::NewDatasetModal;
use super::use_model;
use crate::components::announcer::use_announcer;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::kebab_menu::{KebabMenu, MenuAction};
use crate::components::pagination::Pagination;
use crate::routes::with_query;
use crate::time::local_timestamp;
use crate::workspace::use_api;

fn page_href(model_id: &str, page: u32, page_size: u32) -> String {
    let mut params = Vec::new();
    if page > 1 {
        params.push(("page", page.to_string()));
    }
    if page_size != domain::pagination::DEFAULT_PAGE_SIZE {
        params.push(("page_size", page_size.to_string()));
    }
    with_query(&format!("/custom-models/{}", js_sys::encode_uri_component(model_id)), &params)
}

#[component]
pub fn DatasetsSection(model_id: Memo<String>) -> impl IntoView {
    let api = use_api();
    let ctx = use_model();
    let announcer = use_announcer();
    let query_map = use_query_map();
    let paging = Memo::new(move |_| {
        query_map.with(|q| {
            let page = q.get("page").and_then(|p| p.parse().ok()).filter(|p| *p >= 1).unwrap_or(1u32);
            (page, page_size_or_default(q.get("page_size").and_then(|s| s.parse().ok())))
        })
    });
    let list_api = api.clone();
    let datasets = LocalResource::new(move || {
        let api = list_api.clone();
        let (id, (page, size)) = (model_id.get(), paging.get());
        ctx.datasets_version.track();
        async move { api.list_datasets(&id, page, size).await }
    });
    let navigate = use_navigate();
    let go = Callback::new(move |(page, size): (u32, u32)| {
        navigate(
            &page_href(&model_id.get_untracked(), page, size),
            NavigateOptions { scroll: false, replace: true, ..Default::default() },
        );
    });
    Effect::new(move |_| {
        if let Some(Ok(page)) = datasets.get() {
            ctx.dataset_total.set(Some(page.total));
            let (current, size) = paging.get_untracked();
            let clamped = clamp_page(current, page.total, size);
            if clamped != current {
                go.run((clamped, size));
            }
        }
    });

    let upload_open = RwSignal::new(false);
    let on_uploaded = Callback::new(move |count: usize| {
        if count > 0 {
            ctx.datasets_version.update(|v| *v += 1);
            ctx.reload.run(());
        }
    });

    let delete_target = RwSignal::new(None::<Dataset>);
    let delete_open = RwSignal::new(false);
    let delete_error = RwSignal::new(None::<String>);
    let delete = Action::new_local(move |d: &Dataset| {
        let (api, d) = (api.clone(), d.clone());
        async move { api.delete_dataset(&d.model_id, &d.id).await.map(|()| d) }
    });
    Effect::new(move |_| match delete.value().get() {
        Some(Ok(d)) => {
            delete_open.set(false);
            announcer.say(format!("Dataset {} deleted.", d.name));
            ctx.datasets_version.update(|v| *v += 1);
            ctx.reload.run(());
        }
        Some(Err(err)) => delete_error.set(Some(err.user_message())),
        None => {}
    });
    let ask_delete = Callback::new(move |d: Dataset| {
        delete_error.set(None);
        delete_target.set(Some(d));
        delete_open.set(true);
    });
    let target_name = move || delete_target.with(|d| d.as_ref().map(|d| d.name.clone()).unwrap_or_default());

    view! {
        <section class="cm-datasets" aria-labelledby="cm-datasets-title">
            <div class="cm-section-head">
                <h2 id="cm-datasets-title">"Datasets"</h2>
                <button type="button" class="cm-btn cm-btn--primary" on:click=move |_| upload_open.set(true)>"New Dataset"</button>
            </div>
            <Transition fallback=|| view! { <p class="cm-loading" role="status">"Loading datasets…"</p> }>
                {move || Suspend::new(async move {
                    match datasets.await {
                        Ok(page) if page.total == 0 => view! {
                            <div class="cm-empty">
                                <h3>"No datasets yet"</h3>
                                <p>"Upload audio files and/or transcripts with “New Dataset”. The model becomes Ready to Run once it has training data."</p>
                            </div>
                        }.into_any(),
                        Ok(page) => {
                            let (current, size) = paging.get_untracked();
                            let total = page.total;
                            view! {
                                <DatasetsTable items=page.items on_delete=ask_delete />
                                <Pagination
                                    page=current
                                    page_size=size
                                    total
                                    label="Datasets pages"
                                    href=Callback::new(move |n| page_href(&model_id.get(), n, paging.get().1))
                                    on_page_size=Callback::new(move |size| go.run((1, size)))
                                />
                            }.into_any()
                        }
                        Err(err) => view! {
                            <div class="cm-error" role="alert">
                                <h3>"The datasets could not be loaded"</h3>
                                <p>{err.user_message()}</p>
                                <button type="button" class="cm-btn" on:click=move |_| datasets.refetch()>"Retry"</button>
                            </div>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
        <NewDatasetModal open=upload_open model_id on_done=on_uploaded />
        <ConfirmDialog
            open=delete_open
            title="Delete dataset?"
            confirm_label="Delete"
            pending=delete.pending()
            error=delete_error
            on_confirm=Callback::new(move |()| {
                if let Some(d) = delete_target.get_untracked() {
                    delete_error.set(None);
                    delete.dispatch(d);
                }
            })
        >
            <p>"“" <strong>{target_name}</strong> "” will be removed from this model. This cannot be undone."</p>
        </ConfirmDialog>
    }
}

#[component]
fn DatasetsTable(items: Vec<Dataset>, on_delete: Callback<Dataset>) -> impl IntoView {
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
            let actions = vec![MenuAction::Run { label: "Delete".into(), run: Callback::new(move |()| on_delete.run(target.clone())), danger: true }];
            view! {
                <tr>
                    <th scope="row">{d.name.clone()}</th>
                    <td>{d.dataset_type.name()}</td>
                    <td>{d.duration_seconds.and_then(format_duration)}</td>
                    <td>{link}</td>
                    <td>{when(d.started_at)}</td>
                    <td>{when(d.finished_at)}</td>
                    <td class="cm-table__actions"><KebabMenu label=format!("Actions for {}", d.name) actions /></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="cm-table">
            <caption class="cm-visually-hidden">"Datasets"</caption>
            <thead>
                <tr>
                    <th scope="col">"Name"</th>
                    <th scope="col">"Type"</th>
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
