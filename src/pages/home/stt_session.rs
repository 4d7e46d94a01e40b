//! The STT Session dialog: mode, language, custom model, audio and, for Force
//! Alignment, the existing transcript.

use domain::stt::{audio_problem, transcript_problem, SessionMode, SessionRequest};
use domain::DatasetType;
use leptos::prelude::*;

use crate::api::use_api;
use crate::components::file_field::{FileField, Picked};
use crate::components::language_options::language_options;
use crate::components::modal::Modal;
use crate::components::model_select::CustomModelSelect;
use crate::hooks::idempotency::IdempotencyKeys;
use crate::hooks::mutation::Mutation;
use crate::services::announcer::use_announcer;
use crate::services::workspace::use_workspace;

#[component]
pub fn SttSessionDialog(open: RwSignal<bool>, on_started: Callback<()>) -> impl IntoView {
    let api = use_api();
    let workspace = use_workspace();
    let announcer = use_announcer();
    let mode = RwSignal::new(SessionMode::Transcription);
    let language = RwSignal::new(String::new());
    let model = RwSignal::new(None::<String>);
    let audio = RwSignal::new_local(None::<Picked>);
    let transcript = RwSignal::new_local(None::<Picked>);

    // Start on the first language once they are known.
    Effect::new(move |_| {
        if let Some(Ok(langs)) = workspace.languages.get() {
            if language.with_untracked(String::is_empty) {
                if let Some(first) = langs.first() {
                    language.set(first.code.clone());
                }
            }
        }
    });

    let passed = |p: &Option<Picked>| matches!(p, Some(Picked { verdict: Some(Ok(())), .. }));
    let ready = move || {
        !language.with(String::is_empty)
            && audio.with(passed)
            && (mode.get() == SessionMode::Transcription || transcript.with(passed))
    };
    let keys = IdempotencyKeys::<SessionRequest>::new();
    let start = Mutation::new(
        move |(request, key): &(SessionRequest, String)| {
            let (api, request, key) = (api.clone(), request.clone(), key.clone());
            async move { api.create_session(&request, &key).await }
        },
        move |session| {
            keys.made();
            open.set(false);
            audio.set(None);
            transcript.set(None);
            announcer.say(format!("{} session started.", session.mode.label()));
            on_started.run(());
        },
    );
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if !ready() || start.pending().get_untracked() {
            return;
        }
        let Some(audio_file) = audio.with_untracked(|a| a.as_ref().map(|a| a.file.clone())) else { return };
        let mode = mode.get_untracked();
        let request = SessionRequest {
            mode,
            language: language.get_untracked(),
            model_id: model.get_untracked(),
            audio_file_name: audio_file.name(),
            audio_size: audio_file.size().max(0.0) as u64,
            transcript_file_name: (mode == SessionMode::ForceAlignment)
                .then(|| transcript.with_untracked(|t| t.as_ref().map(|t| t.file.name())))
                .flatten(),
        };
        let key = keys.key_for(&request);
        start.dispatch((request, key));
    };

    let language_options = language_options(workspace, |_| true, language);
    let radio = move |value: SessionMode| {
        view! {
            <label class="cm-radio">
                <input
                    type="radio"
                    name="cm-session-mode"
                    checked=move || mode.get() == value
                    on:change=move |_| mode.set(value)
                />
                {value.label()}
            </label>
        }
    };

    view! {
        <Modal open title="STT Session">
            <form class="cm-form" novalidate on:submit=on_submit>
                <fieldset class="cm-fieldset">
                    <legend>"Mode"</legend>
                    {radio(SessionMode::Transcription)}
                    {radio(SessionMode::ForceAlignment)}
                </fieldset>
                <div class="cm-field">
                    <label for="cm-session-language">"Language"</label>
                    <select id="cm-session-language" on:change=move |ev| language.set(event_target_value(&ev))>
                        {language_options}
                    </select>
                </div>
                <CustomModelSelect language=language value=model />
                <FileField label="Audio file" kind=DatasetType::Audio rule=audio_problem picked=audio />
                <Show when=move || mode.get() == SessionMode::ForceAlignment>
                    <FileField label="Existing transcript" kind=DatasetType::Transcript rule=transcript_problem picked=transcript />
                </Show>
                {move || start.error.get().map(|m| view! { <p class="cm-form-error" role="alert">{m}</p> })}
                <div class="cm-dialog__actions">
                    <button type="button" class="cm-btn" on:click=move |_| open.set(false)>"Cancel"</button>
                    <button type="submit" class="cm-btn cm-btn--primary" disabled=move || !ready() || start.pending().get()>
                        {move || if start.pending().get() { "Starting…" } else { "Start" }}
                    </button>
                </div>
            </form>
        </Modal>
    }
}
