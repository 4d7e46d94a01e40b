//! The Getting Started guide: opens by itself on the first visit, and "Got It"
//! remembers that it was seen (localStorage `customModelsGuideShown`). Where
//! storage is unavailable it simply opens on every visit.

use domain::dataset::{accepted_kinds_text, MAX_FILE_SIZE_TEXT};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser::storage;
use crate::components::modal::Modal;
use crate::routes::Route;

pub const GUIDE_SHOWN_KEY: &str = "customModelsGuideShown";

#[derive(Clone, Copy)]
pub struct GuideState {
    pub open: RwSignal<bool>,
}

impl GuideState {
    pub fn new() -> Self {
        GuideState { open: RwSignal::new(storage::get(GUIDE_SHOWN_KEY).is_none()) }
    }
}

#[component]
pub fn GettingStartedGuide(state: GuideState) -> impl IntoView {
    let open = state.open;
    // However it is closed (Got It or Escape), the user has seen it.
    Effect::new(move |was_open: Option<bool>| {
        let is_open = open.get();
        if was_open == Some(true) && !is_open {
            let _ = storage::set(GUIDE_SHOWN_KEY, "true");
        }
        is_open
    });
    view! {
        <Modal open title="Getting Started with Custom Models" class="cm-dialog--wide">
            <div class="cm-guide">
                <section>
                    <h3>"What are custom models"</h3>
                    <p>"Custom models are language models built on a base language and trained with your own audio and transcripts. They recognise your domain’s terminology, names and audio conditions far better than the base model."</p>
                </section>
                <section>
                    <h3>"What you need"</h3>
                    <ul>
                        <li>"Membership of an organization, a name, and a trainable base language"</li>
                        <li>{format!("Training data: {}, up to {MAX_FILE_SIZE_TEXT} per file", accepted_kinds_text())}</li>
                        <li>"A training credit for each training"</li>
                    </ul>
                </section>
                <section>
                    <h3>"Only have audio files?"</h3>
                    <p>"Use Force Alignment in an STT Session on the " <A href=Route::Home.href()>"Home page"</A> " to turn audio and a rough transcript into time-synced transcripts, then upload those."</p>
                </section>
                <section>
                    <h3>"After training"</h3>
                    <p>"When the status shows Success, start an STT Session, choose the language, and select your model from the custom model list."</p>
                </section>
            </div>
            <div class="cm-dialog__actions">
                <button type="button" class="cm-btn cm-btn--primary" on:click=move |_| open.set(false)>"Got It"</button>
            </div>
        </Modal>
    }
}
