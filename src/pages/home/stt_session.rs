//! The STT Session dialog: mode, language, custom model, audio and, for Force
//! Alignment, the existing transcript. Start uploads the audio first (its
//! progress shown under it), then starts the session with that upload; a
//! failure keeps every choice, and Start again resumes where it stopped.

use domain::error_code::ErrorCode;
use domain::stt::{audio_problem, transcript_problem, SessionMode, SessionRequest};
use domain::upload::batch::FileState;
use domain::DatasetType;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::audio_upload::AudioUpload;
use crate::api::{use_api, ApiError};
use crate::components::file_field::{FileField, Picked};
use crate::components::language_options::language_options;
use crate::components::modal::Modal;
use crate::components::model_select::CustomModelSelect;
use crate::components::upload_progress::UploadProgress;
use crate::config::Config;
use crate::hooks::idempotency::IdempotencyKeys;
use crate::services::announcer::use_announcer;
use crate::services::workspace::use_workspace;

#[component]
pub fn SttSessionDialog(open: RwSignal<bool>, on_started: Callback<()>) -> impl IntoView {
    // Kept in a stored value so that `start`, used by the form and by Try again, is `Copy`.
    let api = StoredValue::new_local(use_api());
    let workspace = use_workspace();
    let announcer = use_announcer();
    let timeout_ms = use_context::<Config>().map_or(30_000, |c| c.request_timeout_ms);
    let mode = RwSignal::new(SessionMode::Transcription);
    let language = RwSignal::new(String::new());
    let model = RwSignal::new(None::<String>);
    let audio = RwSignal::new_local(None::<Picked>);
    let transcript = RwSignal::new_local(None::<Picked>);
    let upload = AudioUpload::new();
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);

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
    // Another audio file: what was sent of the last one is no longer wanted.
    let picked_audio = move || audio.with(|a| a.as_ref().map(|a| a.file.clone()));
    Effect::watch(picked_audio, move |file, _, _| upload.pick(&api.get_value(), file.as_ref()), false);
    // Closing the dialog (or leaving the page) stops the transfer; the server keeps
    // what it has for a later Start.
    Effect::watch(
        move || open.get(),
        move |open, _, _| {
            if !*open {
                upload.stop()
            }
        },
        false,
    );
    on_cleanup(move || upload.stop());

    let passed = |p: &Option<Picked>| matches!(p, Some(Picked { verdict: Some(Ok(())), .. }));
    let ready = move || {
        !language.with(String::is_empty)
            && audio.with(passed)
            && (mode.get() == SessionMode::Transcription || transcript.with(passed))
    };
    let keys = IdempotencyKeys::<SessionRequest>::new();
    let start = move || {
        if !ready() || busy.get_untracked() {
            return;
        }
        let Some(file) = picked_audio() else { return };
        let mode = mode.get_untracked();
        let (language, model_id) = (language.get_untracked(), model.get_untracked());
        let transcript_file_name = (mode == SessionMode::ForceAlignment)
            .then(|| transcript.with_untracked(|t| t.as_ref().map(|t| t.file.name())))
            .flatten();
        busy.set(true);
        error.set(None);
        let api = api.get_value();
        spawn_local(async move {
            // The audio first: without it on the server there is no session.
            let Some(sent) = upload.send(api.clone(), file, timeout_ms).await else {
                busy.try_set(false);
                return;
            };
            // The page went away meanwhile: nothing left to start it for.
            if busy.try_get_untracked().is_none() {
                return;
            }
            let request =
                SessionRequest { mode, language, model_id, audio_upload_id: sent.upload_id, transcript_file_name };
            let key = keys.key_for(&request);
            let created = api.create_session(&request, &key).await;
            if busy.try_get_untracked().is_none() {
                return;
            }
            match created {
                Ok(session) => {
                    keys.made();
                    upload.pick(&api, None);
                    audio.try_set(None);
                    transcript.try_set(None);
                    open.try_set(false);
                    announcer.say(format!("{} session started.", session.mode.label()));
                    on_started.run(());
                }
                Err(err) => {
                    if let ApiError::Http { code: Some(ErrorCode::AudioUploadUnknown), .. } = &err {
                        // The server let the audio go (it expired): Start sends it again.
                        upload.pick(&api, None);
                    }
                    error.try_set(Some(err.user_message()));
                }
            }
            busy.try_set(false);
        });
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        start();
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
    let progress = move || {
        let state = upload.state.get()?;
        let (name, size) = audio.with(|a| a.as_ref().map(|a| (a.file.name(), a.file.size().max(0.0) as u64)))?;
        let percent = upload.percent(size);
        let on_try_again = Callback::new(move |()| start());
        Some(view! { <div class="cm-field cm-session-audio"><UploadProgress name percent state on_try_again /></div> })
    };
    let sending = move || matches!(upload.state.get(), Some(FileState::Sending | FileState::Waiting(_)));
    let label = move || match (busy.get(), sending()) {
        (true, true) => "Uploading audio…",
        (true, false) => "Starting…",
        _ => "Start",
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
                {progress}
                <Show when=move || mode.get() == SessionMode::ForceAlignment>
                    <FileField label="Existing transcript" kind=DatasetType::Transcript rule=transcript_problem picked=transcript />
                </Show>
                {move || error.get().map(|m| view! { <p class="cm-form-error" role="alert">{m}</p> })}
                <div class="cm-dialog__actions">
                    <button type="button" class="cm-btn" on:click=move |_| open.set(false)>"Cancel"</button>
                    <button type="submit" class="cm-btn cm-btn--primary" disabled=move || !ready() || busy.get()>
                        {label}
                    </button>
                </div>
            </form>
        </Modal>
    }
}
