//! The Model Details page: cards with rename, the status banner, training, and
//! the model's datasets with uploads.

mod context;
mod dataset_check;
mod datasets;
mod header;
mod new_dataset;
mod new_test;
mod rename_form;
mod status_banner;
mod tests_section;
mod train_button;
mod unfinished_uploads;
mod versions;

use domain::status::announcement;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::use_api;
use crate::components::load_error::LoadError;
use crate::components::refresh_note::RefreshNote;
use crate::hooks::last_good::last_good_then;
use crate::hooks::polling::refresh_while;
use crate::routes::Route;
use crate::services::announcer::use_announcer;
use crate::services::training_watch::use_training_watch;

use context::ModelContext;
use datasets::DatasetsSection;
use header::ModelHeader;
use status_banner::StatusBanner;
use tests_section::TestsSection;
use versions::VersionLinks;

/// What the page shows. It changes only when the phase does, so a poll that
/// brings the same kind of answer never rebuilds the page (and never loses
/// a name being typed).
#[derive(Clone, PartialEq)]
enum Phase {
    Loading,
    Ready,
    NotFound,
    Failed(String),
}

#[component]
pub fn ModelDetailsPage() -> impl IntoView {
    let api = use_api();
    let announcer = use_announcer();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let fetched = LocalResource::new(move || {
        let api = api.clone();
        let id = id.get();
        async move { api.model(&id).await }
    });
    let polling = refresh_while(fetched, |m| m.status.is_in_progress());
    let refresh_failure = Signal::derive(move || match fetched.get() {
        Some(Err(err)) if !err.is_not_found() => Some(err.user_message()),
        _ => None,
    });

    let watch = use_training_watch();
    watch.showing(id.into());
    let model = last_good_then(fetched, move |before, latest| {
        if let Some(before) = before.filter(|b| b.status != latest.status) {
            announcer.say(announcement(&latest.name, latest.status));
            watch.status_changed(before.status, latest);
        }
    });
    // Ready follows the model signal, not the fetch, so the sections render with
    // the model already in hand (the name field starts with the saved name).
    let phase = Memo::new(move |_| match fetched.get() {
        Some(Err(err)) if err.is_not_found() => Phase::NotFound,
        Some(Err(err)) if model.with(Option::is_none) => Phase::Failed(err.user_message()),
        _ if model.with(Option::is_some) => Phase::Ready,
        _ => Phase::Loading,
    });
    let context = ModelContext {
        model,
        reload: Callback::new(move |()| fetched.refetch()),
        datasets_version: RwSignal::new(0),
        dataset_total: RwSignal::new(None),
        datasets: RwSignal::new(Vec::new()),
    };
    provide_context(context);

    view! {
        <section class="cm-page" aria-labelledby="cm-details-title">
            <nav class="cm-breadcrumb" aria-label="Breadcrumb">
                <A href=Route::models().href()>"Custom Models"</A>
                <span aria-hidden="true">" › "</span>
                <span aria-current="page">{move || model.with(|m| m.as_ref().map(|m| m.name.clone()).unwrap_or_default())}</span>
            </nav>
            {move || match phase.get() {
                Phase::Loading => view! { <p class="cm-loading" role="status">"Loading model…"</p> }.into_any(),
                Phase::Ready => view! {
                    <RefreshNote failure=refresh_failure retrying=polling.retrying on_retry=Callback::new(move |()| fetched.refetch()) />
                    <ModelHeader />
                    <VersionLinks />
                    <StatusBanner />
                    <TestsSection />
                    <DatasetsSection model_id=id />
                }.into_any(),
                Phase::NotFound => view! {
                    <div class="cm-empty">
                        <h1 id="cm-details-title">"Model not found"</h1>
                        <p>"There is no custom model with this id. It may have been deleted."</p>
                        <A href=Route::models().href()>"Back to Custom Models"</A>
                    </div>
                }.into_any(),
                Phase::Failed(message) => view! {
                    <LoadError title="The model could not be loaded" message level=1 id="cm-details-title" on_retry=Callback::new(move |()| fetched.refetch()) />
                }.into_any(),
            }}
        </section>
    }
}
