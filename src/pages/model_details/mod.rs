//! The Model Details page: cards with rename, the status banner, training, and
//! the model's datasets with uploads.

mod cancel_training;
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
use leptos::Params;
use leptos_router::components::A;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;

use crate::api::use_api;
use crate::components::load_error::LoadError;
use crate::components::refresh_note::RefreshNote;
use crate::hooks::loaded::{load, Shown};
use crate::hooks::polling::refresh_while;
use crate::routes::Route;
use crate::services::announcer::use_announcer;
use crate::services::training_watch::use_training_watch;
use domain::live::LiveKind;

use context::ModelContext;
use datasets::DatasetsSection;
use header::ModelHeader;
use status_banner::StatusBanner;
use tests_section::TestsSection;
use versions::VersionLinks;

/// The page's one parameter, the model's id (`/custom-models/:id`).
#[derive(Params, Clone, PartialEq)]
struct ModelParams {
    id: Option<String>,
}

#[component]
pub fn ModelDetailsPage() -> impl IntoView {
    let api = use_api();
    let announcer = use_announcer();
    let params = use_params::<ModelParams>();
    let id = Memo::new(move |_| params.with(|p| p.as_ref().ok().and_then(|p| p.id.clone()).unwrap_or_default()));
    let fetched = LocalResource::new(move || {
        let api = api.clone();
        let id = id.get();
        async move { api.model(&id).await }
    });
    let polling = refresh_while(
        fetched,
        |m| m.status.is_in_progress(),
        move |e| e.kind == LiveKind::Model && e.id == id.get_untracked(),
    );
    let watch = use_training_watch();
    watch.showing(id.into());
    let loaded = load(fetched, move |before, latest| {
        if let Some(before) = before.filter(|b| b.status != latest.status) {
            announcer.say(announcement(&latest.name, latest.status));
            watch.status_changed(before.status, latest);
        }
    });
    let model = loaded.value;
    let context = ModelContext {
        model,
        // After the user's change (a training started, a dataset added), the
        // refetch is retried until it lands, even while the server is down.
        reload: Callback::new(move |()| polling.expect_work(|| fetched.refetch())),
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
            {move || match loaded.shown.get() {
                Shown::Loading => view! { <p class="cm-loading" role="status">"Loading model…"</p> }.into_any(),
                Shown::Ready => view! {
                    <RefreshNote failure=loaded.refresh_failure retrying=polling.retrying on_retry=Callback::new(move |()| fetched.refetch()) />
                    <ModelHeader />
                    <VersionLinks />
                    <StatusBanner />
                    <TestsSection />
                    <DatasetsSection model_id=id />
                }.into_any(),
                Shown::NotFound(_) => view! {
                    <div class="cm-empty">
                        <h1 id="cm-details-title">"Model not found"</h1>
                        <p>"There is no custom model with this id. It may have been deleted."</p>
                        <A href=Route::models().href()>"Back to Custom Models"</A>
                    </div>
                }.into_any(),
                Shown::Failed(message) => view! {
                    <LoadError title="The model could not be loaded" message level=1 id="cm-details-title" on_retry=Callback::new(move |()| fetched.refetch()) />
                }.into_any(),
            }}
        </section>
    }
}
