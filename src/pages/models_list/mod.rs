//! The Custom Models page: the organisation's models, paged, searched and
//! sorted by the API, with paging, search and sort kept in the URL; creation,
//! deletion, the info banner and the Getting Started guide.

mod guide;
mod info_banner;
mod new_model;
mod polling;
mod table;

use domain::pagination::clamp_page;
use domain::{CustomModel, ListQuery, Page};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api::ApiResult;
use crate::components::announcer::use_announcer;
use crate::components::confirm_dialog::ConfirmDialog;
use crate::components::pagination::Pagination;
use crate::routes::{link, with_query};
use crate::workspace::{use_api, use_workspace};

use guide::{GettingStartedGuide, GuideState};
use info_banner::InfoBanner;
use new_model::NewModelDialog;
use table::ModelsTable;

/// Which view the page shows; it changes only when this does.
#[derive(Clone, PartialEq)]
enum Phase {
    Loading,
    Empty,
    NoMatches,
    Table,
    Failed(String),
}

/// The first keystroke (or a paste) searches at once; the keystrokes that follow
/// it within this pause are searched together when typing stops, so a fast
/// typist does not send a request per key.
const SEARCH_PAUSE_MS: u64 = 150;

/// The list URL for a query, with only the non-default parameters.
pub fn list_href(query: &ListQuery) -> String {
    with_query("/custom-models", &query.to_url_params())
}

#[component]
pub fn ModelsListPage() -> impl IntoView {
    let api = use_api();
    let workspace = use_workspace();
    let announcer = use_announcer();
    let query_map = use_query_map();
    let query = Memo::new(move |_| query_map.with(|q| ListQuery::from_params(|k| q.get(k))));
    let list_api = api.clone();
    let models: LocalResource<ApiResult<Page<CustomModel>>> = LocalResource::new(move || {
        let api = list_api.clone();
        let q = query.get();
        async move { api.list_models(&q).await }
    });

    let navigate = use_navigate();
    let go = Callback::new(move |(target, replace): (ListQuery, bool)| {
        navigate(&list_href(&target), NavigateOptions { replace, scroll: false, ..Default::default() });
    });

    // A page past the end (a shared link, the last row deleted) moves to the last page.
    Effect::new(move |_| {
        if let Some(Ok(page)) = models.get() {
            let q = query.get_untracked();
            let clamped = clamp_page(q.page, page.total, q.page_size);
            if clamped != q.page {
                go.run((ListQuery { page: clamped, ..q }, true));
            }
        }
    });
    polling::refresh_while_running(models, announcer);

    // The last page that loaded stays on screen while the next loads, and a poll
    // that brings the same rows changes nothing on screen (focus and open menus stay).
    let loaded = RwSignal::new(None::<Page<CustomModel>>);
    Effect::new(move |_| {
        if let Some(Ok(page)) = models.get() {
            loaded.set(Some(page));
        }
    });
    let rows = Memo::new(move |_| loaded.with(|p| p.as_ref().map(|p| p.items.clone()).unwrap_or_default()));
    let pager = Memo::new(move |_| {
        let q = query.get();
        (q.page, q.page_size, loaded.with(|p| p.as_ref().map_or(0, |p| p.total)))
    });
    let phase = Memo::new(move |_| match models.get() {
        Some(Err(err)) => Phase::Failed(err.user_message()),
        _ => match loaded.with(|p| p.as_ref().map(|p| p.total)) {
            None => Phase::Loading,
            Some(0) if query.with(|q| q.search.is_empty()) => Phase::Empty,
            Some(0) => Phase::NoMatches,
            Some(_) => Phase::Table,
        },
    });

    let guide = GuideState::new();
    let create_open = RwSignal::new(false);
    let create_blocker = move || {
        workspace.user.with(|u| match u {
            Some(Ok(user)) => user.create_blocker(),
            _ => None,
        })
    };
    let created = RwSignal::new(None::<CustomModel>);
    let on_created = Callback::new(move |model: CustomModel| {
        announcer.say(format!("Custom model “{}” created.", model.name));
        created.set(Some(model.clone()));
        // The newest model heads the default view; show it there.
        if query.get_untracked() == ListQuery::default() {
            models.refetch();
        } else {
            go.run((ListQuery::default(), false));
        }
    });

    let delete_target = RwSignal::new(None::<CustomModel>);
    let delete_open = RwSignal::new(false);
    let delete_error = RwSignal::new(None::<String>);
    let delete_api = api.clone();
    let delete = Action::new_local(move |model: &CustomModel| {
        let api = delete_api.clone();
        let model = model.clone();
        async move { api.delete_model(&model.id).await.map(|()| model) }
    });
    Effect::new(move |_| match delete.value().get() {
        Some(Ok(model)) => {
            delete_open.set(false);
            announcer.say(format!("Custom model “{}” deleted.", model.name));
            models.refetch();
        }
        Some(Err(err)) => delete_error.set(Some(err.user_message())),
        None => {}
    });
    let ask_delete = Callback::new(move |model: CustomModel| {
        delete_error.set(None);
        delete_target.set(Some(model));
        delete_open.set(true);
    });
    let target_name = move || delete_target.with(|m| m.as_ref().map(|m| m.name.clone()).unwrap_or_default());

    view! {
        <section class="cm-page" aria-labelledby="cm-list-title">
            <div class="cm-page__head">
                <h1 id="cm-list-title">"Custom Models"</h1>
                <div class="cm-page__actions">
                    <button type="button" class="cm-btn" on:click=move |_| guide.open.set(true)>"Getting Started"</button>
                    <NewModelButton open=create_open blocker=Signal::derive(create_blocker) />
                </div>
            </div>
            {move || created.get().map(|model| view! {
                <div class="cm-success cm-created">
                    <p>
                        "Model created! Now proceed to upload training data and start the training process. "
                        <a href=link(&table::details_href(&model.id))>{format!("Open “{}”", model.name)}</a>
                    </p>
                    <button type="button" class="cm-btn cm-btn--link" on:click=move |_| created.set(None)>"Dismiss"</button>
                </div>
            })}
            <InfoBanner />
            <SearchBox query go />
            {move || match phase.get() {
                Phase::Loading => view! { <TableSkeleton /> }.into_any(),
                Phase::Empty => view! { <EmptyState open=create_open blocker=Signal::derive(create_blocker) /> }.into_any(),
                Phase::NoMatches => view! { <NoMatches query go /> }.into_any(),
                Phase::Failed(message) => view! {
                    <div class="cm-error" role="alert">
                        <h2>"The models could not be loaded"</h2>
                        <p>{message}</p>
                        <button type="button" class="cm-btn" on:click=move |_| models.refetch()>"Retry"</button>
                    </div>
                }.into_any(),
                Phase::Table => view! {
                    <ModelsTable rows query go on_delete=ask_delete />
                    <Pagination
                        page=Signal::derive(move || pager.get().0)
                        page_size=Signal::derive(move || pager.get().1)
                        total=Signal::derive(move || pager.get().2)
                        label="Models pages"
                        href=Callback::new(move |n| list_href(&ListQuery { page: n, ..query.get() }))
                        on_page_size=Callback::new(move |page_size| go.run((ListQuery { page: 1, page_size, ..query.get_untracked() }, false)))
                    />
                }.into_any(),
            }}
        </section>
        <NewModelDialog open=create_open on_created />
        <GettingStartedGuide state=guide />
        <ConfirmDialog
            open=delete_open
            title="Delete custom model?"
            confirm_label="Delete"
            pending=delete.pending()
            error=delete_error
            on_confirm=Callback::new(move |()| {
                if let Some(model) = delete_target.get_untracked() {
                    delete_error.set(None);
                    delete.dispatch(model);
                }
            })
        >
            <p>
                "“" <strong>{target_name}</strong> "” and all its datasets will be permanently deleted. "
                "This cannot be undone."
            </p>
        </ConfirmDialog>
    }
}

/// "New Custom Model", disabled with the reason shown when the user may not create.
#[component]
fn NewModelButton(open: RwSignal<bool>, blocker: Signal<Option<&'static str>>) -> impl IntoView {
    view! {
        <button
            type="button"
            class="cm-btn cm-btn--primary"
            disabled=move || blocker.get().is_some()
            aria-describedby=move || blocker.get().map(|_| "cm-create-blocked")
            on:click=move |_| open.set(true)
        >
            "New Custom Model"
        </button>
        {move || blocker.get().map(|reason| view! { <p id="cm-create-blocked" class="cm-hint">{reason}</p> })}
    }
}

/// The search box: filters by name as the user types, kept in the URL.
#[component]
fn SearchBox(query: Memo<ListQuery>, go: Callback<(ListQuery, bool)>) -> impl IntoView {
    let text = RwSignal::new(query.get_untracked().search);
    // Back/forward and links change the query: show what the list is filtered by.
    Effect::new(move |_| {
        let search = query.with(|q| q.search.clone());
        if text.with_untracked(|t| t.trim() != search) {
            text.set(search);
        }
    });
    let search = move || {
        let search = text.get_untracked().trim().to_owned();
        let q = query.get_untracked();
        if q.search != search {
            go.run((ListQuery { search, page: 1, ..q }, true));
        }
    };
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    let on_input = move |ev: leptos::ev::Event| {
        text.set(event_target_value(&ev));
        let waiting = pending.get_value();
        if let Some(handle) = waiting {
            handle.clear();
        } else {
            search();
        }
        let handle = set_timeout_with_handle(
            move || {
                pending.set_value(None);
                search();
            },
            std::time::Duration::from_millis(SEARCH_PAUSE_MS),
        );
        pending.set_value(handle.ok());
    };
    on_cleanup(move || {
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
    });
    view! {
        <div class="cm-toolbar" role="search">
            <label for="cm-search" class="cm-visually-hidden">"Search models by name"</label>
            <input id="cm-search" type="search" placeholder="Search models by name" prop:value=move || text.get() on:input=on_input />
        </div>
    }
}

#[component]
fn TableSkeleton() -> impl IntoView {
    view! {
        <div class="cm-skeleton" role="status" aria-label="Loading models">
            {(0..6).map(|_| view! { <div class="cm-skeleton__row"></div> }).collect_view()}
        </div>
    }
}

#[component]
fn EmptyState(open: RwSignal<bool>, blocker: Signal<Option<&'static str>>) -> impl IntoView {
    view! {
        <div class="cm-empty">
            <h2>"No custom models yet"</h2>
            <p>
                "Custom models improve transcription accuracy for specialized vocabularies, industry terms, or unique audio conditions. "
                "Create one on a base language, upload your audio and transcripts, and train it."
            </p>
            <button type="button" class="cm-btn cm-btn--primary" disabled=move || blocker.get().is_some() on:click=move |_| open.set(true)>
                "New Custom Model"
            </button>
        </div>
    }
}

#[component]
fn NoMatches(query: Memo<ListQuery>, go: Callback<(ListQuery, bool)>) -> impl IntoView {
    view! {
        <div class="cm-empty">
            <h2>{move || format!("No models match “{}”", query.with(|q| q.search.clone()))}</h2>
            <p>"Check the spelling, or search for part of the name."</p>
            <button type="button" class="cm-btn" on:click=move |_| go.run((ListQuery { search: String::new(), page: 1, ..query.get_untracked() }, false))>
                "Clear search"
            </button>
        </div>
    }
}
