//! The Custom Models page: the organisation's models, paged by the API, with
//! paging, search and sort kept in the URL.

use domain::pagination::{clamp_page, page_count};
use domain::{CustomModel, ListQuery};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api::ApiResult;
use crate::components::status_badge::StatusBadge;
use crate::time::{local_date, local_timestamp};
use crate::workspace::{use_api, use_workspace};

/// The list URL for a query, with only the non-default parameters.
pub fn list_href(query: &ListQuery) -> String {
    let params = query.to_url_params();
    if params.is_empty() {
        return "/custom-models".into();
    }
    let pairs: Vec<String> = params
        .iter()
        .map(|(k, v)| format!("{k}={}", js_sys::encode_uri_component(v)))
        .collect();
    format!("/custom-models?{}", pairs.join("&"))
}

#[component]
pub fn ModelsListPage() -> impl IntoView {
    let api = use_api();
    let query_map = use_query_map();
    let query = Memo::new(move |_| query_map.with(|q| ListQuery::from_params(|k| q.get(k))));
    let models: LocalResource<ApiResult<domain::Page<CustomModel>>> =
        LocalResource::new(move || {
            let api = api.clone();
            let q = query.get();
            async move { api.list_models(&q).await }
        });

    // A page past the end (a shared link, the last row deleted) moves to the last page.
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(page)) = models.get() {
            let q = query.get_untracked();
            let clamped = clamp_page(q.page, page.total, q.page_size);
            if clamped != q.page {
                let target = ListQuery { page: clamped, ..q };
                navigate(
                    &list_href(&target),
                    NavigateOptions {
                        replace: true,
                        ..Default::default()
                    },
                );
            }
        }
    });

    view! {
        <section class="cm-page" aria-labelledby="cm-list-title">
            <div class="cm-page__head">
                <h1 id="cm-list-title">"Custom Models"</h1>
            </div>
            <Transition fallback=|| view! { <TableSkeleton /> }>
                {move || Suspend::new(async move {
                    match models.await {
                        Ok(page) if page.total == 0 => view! { <EmptyState /> }.into_any(),
                        Ok(page) => view! { <ModelsTable page query /> }.into_any(),
                        Err(err) => view! {
                            <div class="cm-error" role="alert">
                                <h2>"The models could not be loaded"</h2>
                                <p>{err.user_message()}</p>
                                <button class="cm-btn" on:click=move |_| models.refetch()>"Retry"</button>
                            </div>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn ModelsTable(page: domain::Page<CustomModel>, query: Memo<ListQuery>) -> impl IntoView {
    let workspace = use_workspace();
    let rows = page
        .items
        .into_iter()
        .map(|model| {
            let href = format!("/custom-models/{}", js_sys::encode_uri_component(&model.id));
            let status = model.status;
            let language = move || workspace.language_name(&model.language);
            view! {
                <tr>
                    <td><A href=href>{model.name}</A></td>
                    <td><StatusBadge status=status /></td>
                    <td>{language}</td>
                    <td>
                        {model.last_modified.map(|at| view! {
                            <time datetime=at.to_rfc3339() title=local_timestamp(at)>{local_date(at)}</time>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let total = page.total;
    let q = query.get_untracked();
    view! {
        <table class="cm-table">
            <caption class="cm-visually-hidden">"Custom models"</caption>
            <thead>
                <tr>
                    <th scope="col">"Name"</th>
                    <th scope="col">"Training Status"</th>
                    <th scope="col">"Base Language"</th>
                    <th scope="col">"Last Modified"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <p class="cm-pager__range">{domain::pagination::range_label(q.page, q.page_size, total)}</p>
        <p>{format!("Page {} of {}", q.page, page_count(total, q.page_size))}</p>
    }
}

#[component]
fn TableSkeleton() -> impl IntoView {
    view! {
        <div class="cm-skeleton" aria-busy="true" aria-label="Loading models">
            {(0..6).map(|_| view! { <div class="cm-skeleton__row"></div> }).collect_view()}
        </div>
    }
}

#[component]
fn EmptyState() -> impl IntoView {
    view! {
        <div class="cm-empty">
            <h2>"No custom models yet"</h2>
            <p>"Custom models improve transcription accuracy for specialized vocabularies, industry terms, or unique audio conditions."</p>
        </div>
    }
}
