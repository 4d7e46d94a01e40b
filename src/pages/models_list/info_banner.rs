//! The information banner of the Custom Models page (spec: Info Banner).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser::storage;
use crate::routes::Route;

const COLLAPSED_KEY: &str = "customModelsInfoBannerCollapsed";

#[component]
pub fn InfoBanner() -> impl IntoView {
    let collapsed = RwSignal::new(storage::get(COLLAPSED_KEY).as_deref() == Some("true"));
    let toggle = move |_| {
        let now = !collapsed.get_untracked();
        collapsed.set(now);
        // Remembered where storage works; elsewhere the banner just starts expanded.
        let _ = storage::set(COLLAPSED_KEY, if now { "true" } else { "false" });
    };
    view! {
        <section class="cm-banner" aria-labelledby="cm-banner-title">
            <div class="cm-banner__head">
                <h2 id="cm-banner-title">"About custom models"</h2>
                <button
                    type="button"
                    class="cm-btn cm-btn--link"
                    aria-expanded=move || (!collapsed.get()).to_string()
                    aria-controls="cm-banner-body"
                    on:click=toggle
                >
                    {move || if collapsed.get() { "Show" } else { "Hide" }}
                </button>
            </div>
            <div id="cm-banner-body" class="cm-banner__body" hidden=move || collapsed.get()>
                <div>
                    <h3>"What are custom models"</h3>
                    <p>"Language models trained on your own audio and transcripts. They improve transcription accuracy for specialized vocabularies, industry terms, or unique audio conditions."</p>
                </div>
                <div>
                    <h3>"Easy setup with training data"</h3>
                    <p>"Create a model on a base language, upload audio files and/or transcripts as datasets, then click “Train the Language”."</p>
                </div>
                <div>
                    <h3>"Only have audio?"</h3>
                    <p>"Use the Force Alignment feature on the " <A href=Route::Home.href()>"Home page"</A> " to create time-synced transcripts you can train with."</p>
                </div>
                <div>
                    <h3>"Improves accuracy"</h3>
                    <p>"Domain-specific data teaches the model your terms and names. Add more data and train a new model as your needs grow."</p>
                </div>
                <div>
                    <h3>"Select after training"</h3>
                    <p>"When training succeeds, pick your model from the custom model list when you start an STT Session."</p>
                </div>
            </div>
        </section>
    }
}
