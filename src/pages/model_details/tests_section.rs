//! "Test the model": a trained model's tests against its base model, asked
//! about again while any runs, and "New Test".

use domain::evaluation::Evaluation;
use domain::wer::{change_text, rate_text};
use domain::TrainingStatus;
use leptos::prelude::*;

use super::context::use_model;
use super::new_test::NewTestDialog;
use crate::api::use_api;
use crate::browser::time::LocalTime;
use crate::components::badge::Badge;
use crate::components::confirm_dialog::ConfirmDelete;
use crate::components::load_error::LoadError;
use crate::components::refresh_note::RefreshNote;
use crate::components::skipped_note::SkippedNote;
use crate::hooks::loaded::{load, Shown};
use crate::hooks::mutation::DeleteFlow;
use crate::hooks::polling::refresh_while;
use crate::routes::Route;
use crate::services::announcer::use_announcer;

#[component]
pub fn TestsSection() -> impl IntoView {
    let ctx = use_model();
    let trained = move || ctx.model.with(|m| m.as_ref().is_some_and(|m| m.status == TrainingStatus::Success));
    view! { <Show when=trained><TestsList /></Show> }
}

#[component]
fn TestsList() -> impl IntoView {
    let (ctx, api, announcer) = (use_model(), use_api(), use_announcer());
    let model_id = Memo::new(move |_| ctx.model.with(|m| m.as_ref().map(|m| m.id.clone()).unwrap_or_default()));
    let list_api = api.clone();
    let tests = LocalResource::new(move || {
        let (api, id) = (list_api.clone(), model_id.get());
        async move { api.list_evaluations(&id, 1, 100).await }
    });
    let polling = refresh_while(
        tests,
        |page| page.items.iter().any(Evaluation::is_pending),
        move |e| e.kind == domain::live::LiveKind::Test && e.model_id == model_id.get_untracked(),
    );
    // Say when a test ends, as trainings do.
    let loaded = load(tests, move |before, page| {
        let Some(before) = before else { return };
        for e in &page.items {
            let was = before.items.iter().find(|b| b.id == e.id).map(|b| b.status.label());
            if was.is_some_and(|was| was != e.status.label()) && !e.is_pending() {
                announcer.say(format!("Test {} {}.", e.name, e.status.label().to_lowercase()));
            }
        }
    });
    let open = RwSignal::new(false);
    let deletion = DeleteFlow::new(
        move |e: &Evaluation| {
            let (api, id) = (api.clone(), e.id.clone());
            async move { api.delete_evaluation(&id).await }
        },
        move |e| {
            announcer.say(format!("Test {} deleted.", e.name));
            tests.refetch();
        },
    );
    let target_name = deletion.target_name(|e| e.name.clone());
    let ask = deletion.ask();
    view! {
        <section class="cm-tests" aria-labelledby="cm-tests-title">
            <div class="cm-section-head">
                <h2 id="cm-tests-title">"Test the model"</h2>
                <button type="button" class="cm-btn cm-btn--primary" on:click=move |_| open.set(true)>"New Test"</button>
            </div>
            <p class="cm-hint">"A test compares this model with its base model on TEST datasets (human transcripts): the word error rate (WER) of each, and every utterance side by side. Tests use no training credit."</p>
            {move || match loaded.shown.get() {
                Shown::Loading => view! { <p class="cm-loading" role="status">"Loading tests…"</p> }.into_any(),
                Shown::Failed(message) | Shown::NotFound(message) => view! {
                    <LoadError title="The tests could not be loaded" message on_retry=Callback::new(move |()| tests.refetch()) />
                }.into_any(),
                Shown::Ready => view! {
                    <RefreshNote failure=loaded.refresh_failure retrying=polling.retrying on_retry=Callback::new(move |()| tests.refetch()) />
                    {move || loaded.value.get().map(|page| if page.items.is_empty() {
                        view! {
                            <div class="cm-empty">
                                <h3>"No tests yet"</h3>
                                <p>"Upload a TEST dataset, then choose “New Test” to see how much better this model transcribes than its base."</p>
                            </div>
                        }.into_any()
                    } else {
                        let note = page.skipped_note();
                        view! { <SkippedNote note /> <TestsTable items=page.items model_id=model_id.get_untracked() on_delete=ask /> }.into_any()
                    })}
                }.into_any(),
            }}
        </section>
        <NewTestDialog open on_created=Callback::new(move |_| tests.refetch()) />
        <ConfirmDelete flow=deletion title="Delete test?">
            <p>"The test “" <strong>{target_name}</strong> "” and its results will be removed. The datasets stay."</p>
        </ConfirmDelete>
    }
}

#[component]
fn TestsTable(items: Vec<Evaluation>, model_id: String, on_delete: Callback<Evaluation>) -> impl IntoView {
    let rows = items
        .into_iter()
        .map(|e| {
            let href = Route::test(&model_id, &e.id).href();
            let (base, custom, change) = match e.summary {
                Some(s) => (rate_text(&s.base), rate_text(&s.custom), change_text(&s.base, &s.custom)),
                None => (String::new(), String::new(), None),
            };
            let failure = e.failure_message();
            let target = e.clone();
            let name = e.name.clone();
            view! {
                <tr>
                    <th scope="row"><a href=href>{e.name.clone()}</a></th>
                    <td data-label="Status">
                        <Badge colour=e.badge() busy=e.is_pending()>{e.status.label().to_owned()}</Badge>
                        {failure.map(|f| view! { <p class="cm-hint">{f}</p> })}
                    </td>
                    <td data-label="Base error rate">{base}</td>
                    <td data-label="Custom error rate">{custom}</td>
                    <td data-label="Change">{change}</td>
                    <td data-label="Created">{e.created_at.map(|at| view! { <LocalTime at /> })}</td>
                    <td class="cm-table__actions">
                        <button type="button" class="cm-btn cm-btn--link" aria-label=format!("Delete test {name}") on:click=move |_| on_delete.run(target.clone())>"Delete"</button>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="cm-table cm-table--cards">
            <caption class="cm-visually-hidden">"Tests"</caption>
            <thead>
                <tr>
                    <th scope="col">"Name"</th>
                    <th scope="col">"Status"</th>
                    <th scope="col">"Base error rate"</th>
                    <th scope="col">"Custom error rate"</th>
                    <th scope="col">"Change"</th>
                    <th scope="col">"Created"</th>
                    <th scope="col"><span class="cm-visually-hidden">"Actions"</span></th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
