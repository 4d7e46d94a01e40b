//! A test's page (`/custom-models/:id/tests/:test_id`): both models' error
//! rates side by side, their errors by kind, and every utterance with each
//! error marked. Asked about again while the test runs.

mod diff;
mod export;
mod summary;
mod utterances;

use domain::evaluation::Evaluation;
use domain::wer::Scoring;
use leptos::prelude::*;
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

use export::ExportResults;
use summary::Summary;
use utterances::Utterances;

/// The page's parameters (`/custom-models/:id/tests/:test_id`).
#[derive(Params, Clone, PartialEq)]
struct TestParams {
    id: Option<String>,
    test_id: Option<String>,
}

#[component]
pub fn TestDetailsPage() -> impl IntoView {
    let (api, announcer) = (use_api(), use_announcer());
    let params = use_params::<TestParams>();
    let param = move |pick: fn(&TestParams) -> &Option<String>| {
        params.with(|p| p.as_ref().ok().and_then(|p| pick(p).clone()).unwrap_or_default())
    };
    let model_id = Memo::new(move |_| param(|p| &p.id));
    let test_id = Memo::new(move |_| param(|p| &p.test_id));
    let model_api = api.clone();
    let model = LocalResource::new(move || {
        let (api, id) = (model_api.clone(), model_id.get());
        async move { api.model(&id).await }
    });
    let fetched = LocalResource::new(move || {
        let (api, id) = (api.clone(), test_id.get());
        async move { api.evaluation(&id).await }
    });
    let polling = refresh_while(fetched, Evaluation::is_pending, move |e| {
        e.kind == domain::live::LiveKind::Test && e.id == test_id.get_untracked()
    });
    let loaded = load(fetched, move |before, latest: &Evaluation| {
        if before.is_some_and(|b| b.status != latest.status) && !latest.is_pending() {
            announcer.say(format!("Test {} {}.", latest.name, latest.status.label().to_lowercase()));
        }
    });
    let test = loaded.value;
    // A test of another model is not this page's.
    let elsewhere =
        move || test.with(|t| t.as_ref().is_some_and(|t| !t.model_id.is_empty() && t.model_id != model_id.get()));
    let shown = Memo::new(move |_| match loaded.shown.get() {
        Shown::Ready if elsewhere() => Shown::NotFound(String::new()),
        shown => shown,
    });
    let model_name = move || model.get().and_then(Result::ok).map(|m| m.name).unwrap_or_else(|| "Model".into());
    let scoring = Signal::derive(move || {
        model.get().and_then(Result::ok).map_or(Scoring::WORDS, |m| Scoring::for_language(&m.language))
    });
    let test_name = move || test.with(|t| t.as_ref().map(|t| t.name.clone()).unwrap_or_default());
    let has_results =
        Memo::new(move |_| test.with(|t| t.as_ref().is_some_and(|t| !t.is_pending() && t.failure_message().is_none())));

    view! {
        <section class="cm-page" aria-labelledby="cm-test-title">
            <nav class="cm-breadcrumb" aria-label="Breadcrumb">
                <A href=Route::models().href()>"Custom Models"</A>
                <span aria-hidden="true">" › "</span>
                <a href=move || Route::model(&model_id.get()).href()>{model_name}</a>
                <span aria-hidden="true">" › "</span>
                <span aria-current="page">{test_name}</span>
            </nav>
            {move || match shown.get() {
                Shown::Loading => view! { <p class="cm-loading" role="status">"Loading test…"</p> }.into_any(),
                Shown::Ready => view! {
                    <RefreshNote failure=loaded.refresh_failure retrying=polling.retrying on_retry=Callback::new(move |()| fetched.refetch()) />
                    <div class="cm-page__head">
                        <h1 id="cm-test-title">{test_name}</h1>
                        <Show when=move || has_results.get()>
                            <ExportResults test_id name=Signal::derive(test_name) scoring />
                        </Show>
                    </div>
                    <TestBody test scoring model_id test_id />
                }.into_any(),
                Shown::NotFound(_) => view! {
                    <div class="cm-empty">
                        <h1 id="cm-test-title">"Test not found"</h1>
                        <p>"There is no test with this id for this model. It may have been deleted."</p>
                        <a href=move || Route::model(&model_id.get()).href()>"Back to the model"</a>
                    </div>
                }.into_any(),
                Shown::Failed(message) => view! {
                    <LoadError title="The test could not be loaded" message level=1 id="cm-test-title" on_retry=Callback::new(move |()| fetched.refetch()) />
                }.into_any(),
            }}
        </section>
    }
}

/// What the test has to show in its state: progress, why it failed, or results.
#[component]
fn TestBody(
    test: RwSignal<Option<Evaluation>>,
    scoring: Signal<Scoring>,
    model_id: Memo<String>,
    test_id: Memo<String>,
) -> impl IntoView {
    #[derive(Clone, PartialEq)]
    enum State {
        Pending(String),
        Failed(String),
        Done,
    }
    let state = Memo::new(move |_| {
        test.with(|t| match t {
            Some(t) if t.is_pending() => State::Pending(t.status.label().to_owned()),
            Some(t) => match t.failure_message() {
                Some(why) => State::Failed(why),
                None => State::Done,
            },
            None => State::Pending(String::new()),
        })
    });
    let summary = Signal::derive(move || test.with(|t| t.as_ref().and_then(|t| t.summary)));
    let unit = Signal::derive(move || scoring.get().unit);
    move || {
        match state.get() {
        State::Pending(status) => view! {
            <p class="cm-test-pending" role="status">
                <span class="cm-spinner" aria-hidden="true"></span>
                {format!("{status}: both models are transcribing the test audio. Results show here when they finish; you can leave this page meanwhile.")}
            </p>
        }.into_any(),
        State::Failed(why) => view! {
            <div class="cm-error" role="alert">
                <h2>"The test failed"</h2>
                <p>{why}</p>
                <p>{move || test.with(|t| t.as_ref().and_then(|t| t.failure_code.clone()).map(|c| format!("Code: {c}")))}</p>
            </div>
        }.into_any(),
        State::Done => view! {
            <Summary summary unit />
            <Utterances model_id test_id scoring />
        }.into_any(),
    }
    }
}
