//! The Custom Models page: the organisation's models, paged, searched and
//! sorted by the API, with paging, search and sort kept in the URL; creation,
//! deletion, the info banner and the Getting Started guide.

mod filters;
mod guide;
mod info_banner;
mod live_updates;
mod new_model;
mod search_box;
mod sort_select;
mod states;
mod table;

use domain::pagination::clamp_page;
use domain::{CustomModel, ListQuery, Page};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::{use_api, ApiResult};
use crate::components::confirm_dialog::ConfirmDelete;
use crate::components::load_error::LoadError;
use crate::components::pagination::Pagination;
use crate::components::refresh_note::RefreshNote;
use crate::components::skipped_note::SkippedNote;
use crate::hooks::loaded::load;
use crate::hooks::mutation::DeleteFlow;
use crate::routes::{use_go, Route};
use crate::services::announcer::use_announcer;
use crate::services::workspace::use_workspace;

use filters::Filters;
use guide::{GettingStartedGuide, GuideState};
use info_banner::InfoBanner;
use new_model::NewModelDialog;
use search_box::SearchBox;
use sort_select::SortSelect;
use states::{EmptyState, NewModelButton, NoMatches, TableSkeleton};
use table::ModelsTable;

/// Which view the page shows; it changes only when this does. The list's own
/// reading of `hooks::loaded`: its failure and its refresh note belong to the
/// view (search, filters, page) on screen, not to any list that loaded before.
#[derive(Clone, PartialEq)]
enum Phase {
    Loading,
    Empty,
    NoMatches,
    Table,
    Failed(String),
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

    let go_to = use_go();
    let go = Callback::new(move |(target, replace): (ListQuery, bool)| go_to.run((Route::Models(target), replace)));

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
    let polling = live_updates::refresh_while_running(models, announcer);

    // The last page that loaded stays on screen while the next loads, and a poll
    // that brings the same rows changes nothing on screen (focus and open menus stay).
    // A refresh of the same view that fails keeps its rows, with a note; only a
    // view that never loaded shows the error instead.
    let loaded_for = RwSignal::new(None::<ListQuery>);
    let loaded = load(models, move |_, _| loaded_for.set(Some(query.get_untracked()))).value;
    let shown_view_loaded = move || loaded_for.with(|q| q.as_ref() == Some(&query.get()));
    let refresh_failure = Signal::derive(move || match models.get() {
        Some(Err(err)) if shown_view_loaded() => Some(err.user_message()),
        _ => None,
    });
    let rows = Memo::new(move |_| loaded.with(|p| p.as_ref().map(|p| p.items.clone()).unwrap_or_default()));
    let pager = Memo::new(move |_| {
        let q = query.get();
        (q.page, q.page_size, loaded.with(|p| p.as_ref().map_or(0, |p| p.total)))
    });
    let phase = Memo::new(move |_| match models.get() {
        Some(Err(err)) if !shown_view_loaded() => Phase::Failed(err.user_message()),
        _ => match loaded.with(|p| p.as_ref().map(|p| p.total)) {
            None => Phase::Loading,
            Some(0) if query.with(|q| q.search.is_empty() && !q.has_filters()) => Phase::Empty,
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
    // The `n` shortcut opens the dialog, when creating is allowed.
    let shortcuts = crate::services::shortcuts::use_shortcuts();
    Effect::watch(
        move || shortcuts.new_model.get(),
        move |_, _, _| {
            if create_blocker().is_none() {
                create_open.set(true);
            }
        },
        false,
    );
    let created = RwSignal::new(None::<CustomModel>);
    let events = crate::services::host_events::use_host_events();
    let toasts = crate::services::toasts::use_toasts();
    let on_created = Callback::new(move |model: CustomModel| {
        announcer.say(format!("Custom model “{}” created.", model.name));
        events.model("cm-model-created", &model);
        created.set(Some(model.clone()));
        // The newest model heads the default view; show it there.
        if query.get_untracked() == ListQuery::default() {
            models.refetch();
        } else {
            go.run((ListQuery::default(), false));
        }
    });

    let deletion = DeleteFlow::new(
        move |model: &CustomModel| {
            let (api, id) = (api.clone(), model.id.clone());
            async move { api.delete_model(&id).await }
        },
        move |model| {
            announcer.say(format!("Custom model “{}” deleted.", model.name));
            events.model("cm-model-deleted", &model);
            toasts.success(format!("Custom model “{}” deleted.", model.name), None);
            models.refetch();
        },
    );
    let target_name = deletion.target_name(|m| m.name.clone());

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
                        <a href=Route::model(&model.id).href()>{format!("Open “{}”", model.name)}</a>
                    </p>
                    <button type="button" class="cm-btn cm-btn--link" on:click=move |_| created.set(None)>"Dismiss"</button>
                </div>
            })}
            <InfoBanner />
            <div class="cm-list-tools">
                <SearchBox query go />
                <Filters query go />
                <SortSelect query go />
            </div>
            <RefreshNote failure=refresh_failure retrying=polling.retrying on_retry=Callback::new(move |()| models.refetch()) />
            {move || match phase.get() {
                Phase::Loading => view! { <TableSkeleton /> }.into_any(),
                Phase::Empty => view! { <EmptyState open=create_open blocker=Signal::derive(create_blocker) /> }.into_any(),
                Phase::NoMatches => view! { <NoMatches query go /> }.into_any(),
                Phase::Failed(message) => view! {
                    <LoadError title="The models could not be loaded" message level=2 on_retry=Callback::new(move |()| models.refetch()) />
                }.into_any(),
                Phase::Table => view! {
                    <SkippedNote note=Signal::derive(move || loaded.with(|p| p.as_ref().and_then(Page::skipped_note))) />
                    <ModelsTable rows query go on_delete=deletion.ask() />
                    <Pagination
                        page=Signal::derive(move || pager.get().0)
                        page_size=Signal::derive(move || pager.get().1)
                        total=Signal::derive(move || pager.get().2)
                        label="Models pages"
                        href=Callback::new(move |n| Route::Models(ListQuery { page: n, ..query.get() }))
                        on_page_size=Callback::new(move |page_size| go.run((ListQuery { page: 1, page_size, ..query.get_untracked() }, false)))
                    />
                }.into_any(),
            }}
        </section>
        <NewModelDialog open=create_open on_created />
        <GettingStartedGuide state=guide />
        <ConfirmDelete flow=deletion title="Delete custom model?">
            <p>
                "“" <strong>{target_name}</strong> "” and all its datasets will be permanently deleted. "
                "This cannot be undone."
            </p>
        </ConfirmDelete>
    }
}
