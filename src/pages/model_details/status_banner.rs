//! The training status banner: always visible, expanded by default when the
//! model is trained (Success), collapsed otherwise; a failure's reason and
//! what to do about it are shown whatever the expansion.

use domain::dataset::{DatasetType, MAX_FILES, MAX_FILE_SIZE_TEXT};
use domain::failure::FailedDataset;
use domain::TrainingStatus;
use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

use super::context::use_model;
use super::datasets::dataset_anchor;
use crate::browser::focus::reveal_in_page;
use crate::components::notify_button::NotifyButton;
use crate::components::training_progress::TrainingProgress;
use crate::routes::Route;

#[component]
pub fn StatusBanner() -> impl IntoView {
    let ctx = use_model();
    let status = Memo::new(move |_| ctx.model.with(|m| m.as_ref().map_or(TrainingStatus::NotRunning, |m| m.status)));
    let failure = move || {
        ctx.model.with(|m| m.as_ref().filter(|m| m.status == TrainingStatus::Failed).and_then(|m| m.failure.clone()))
    };
    let expanded = RwSignal::new(false);
    // Each status starts at its default expansion, including when polling brings a new one.
    Effect::new(move |_| expanded.set(status.get() == TrainingStatus::Success));

    view! {
        <section
            class=move || format!("cm-status-banner cm-status-banner--{}", status.get().badge().css_name())
            aria-labelledby="cm-status-title"
        >
            <div class="cm-status-banner__head">
                <h2 id="cm-status-title" tabindex="-1">{move || format!("Training status: {}", status.get().label())}</h2>
                <button
                    type="button"
                    class="cm-btn cm-btn--link"
                    aria-expanded=move || expanded.get().to_string()
                    aria-controls="cm-status-details"
                    on:click=move |_| expanded.update(|e| *e = !*e)
                >
                    {move || if expanded.get() { "Hide details" } else { "Show details" }}
                </button>
            </div>
            <p class="cm-status-banner__summary">{move || status.get().summary()}</p>
            <TrainingProgress model=ctx.model label="Training progress" />
            <Show when=move || status.get() == TrainingStatus::Running>
                <NotifyButton model_id=Signal::derive(move || ctx.model.with(|m| m.as_ref().map(|m| m.id.clone()).unwrap_or_default())) />
            </Show>
            {move || failure().map(|failure| view! {
                <div class="cm-status-banner__failure">
                    <p><strong>"Why it failed: "</strong>{failure.reason()}<span class="cm-code">{format!(" (code: {})", failure.code.code())}</span></p>
                    <FailedDatasets datasets=failure.datasets />
                    <p><strong>"What to do: "</strong>{failure.code.next_step()}</p>
                </div>
            })}
            <div id="cm-status-details" class="cm-status-banner__details" hidden=move || !expanded.get()>
                <ul>{move || status.get().help().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                <p>
                    "Only have audio files? Create transcripts with the Force Alignment feature on the "
                    <A href=Route::Home.href()>"Home page"</A> "."
                </p>
                <p class="cm-hint">
                    {format!(
                        "File requirements: audio {}; transcripts {}; manifests {}. Up to {MAX_FILES} files per upload, each at most {MAX_FILE_SIZE_TEXT}.",
                        DatasetType::Audio.extension_list(),
                        DatasetType::Transcript.extension_list(),
                        DatasetType::Manifest.extension_list(),
                    )}
                </p>
            </div>
        </section>
    }
}

/// The datasets a training failed on, each with what is wrong in it and a link
/// to its row in the Datasets table below.
#[component]
fn FailedDatasets(datasets: Vec<FailedDataset>) -> impl IntoView {
    if datasets.is_empty() {
        return ().into_any();
    }
    let items = datasets
        .into_iter()
        .map(|d| {
            let name = match d.id {
                Some(id) => {
                    let anchor = dataset_anchor(&id);
                    let href = format!("#{anchor}");
                    // The row is found from the link, not the document, so this works inside a
                    // shadow root too; a dataset on another page of the table leaves the default jump.
                    let reveal = move |ev: leptos::ev::MouseEvent| {
                        let link = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                        if link.is_some_and(|link| reveal_in_page(&link, &anchor)) {
                            ev.prevent_default();
                        }
                    };
                    view! { <a href=href on:click=reveal>{d.name}</a> }.into_any()
                }
                None => view! { <span>{d.name}</span> }.into_any(),
            };
            let problems = d.problems.into_iter().map(|p| view! { <li>{p.text()}</li> }).collect_view();
            view! { <li>{name}<ul class="cm-status-banner__problems">{problems}</ul></li> }
        })
        .collect_view();
    view! {
        <p class="cm-status-banner__failed-title"><strong>"Datasets that failed:"</strong></p>
        <ul class="cm-status-banner__datasets">{items}</ul>
    }
    .into_any()
}
