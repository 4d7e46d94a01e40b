//! The Home (workspace) page: start an STT Session, with a trained custom
//! model if the user has one, and see the recent sessions.

mod audio_upload;
mod stt_session;

use domain::stt::SttSession;
use domain::Page;
use leptos::prelude::*;

use crate::api::use_api;
use crate::api::ApiResult;
use crate::browser::time::local_timestamp;
use crate::components::load_error::LoadError;
use crate::components::refresh_note::RefreshNote;
use crate::components::skipped_note::SkippedNote;
use crate::hooks::loaded::{load, Shown};
use crate::services::workspace::use_workspace;
use stt_session::SttSessionDialog;

/// How many sessions the Recent sessions list shows.
const RECENT: u32 = 5;

#[component]
pub fn HomePage() -> impl IntoView {
    let api = use_api();
    let sessions: LocalResource<ApiResult<Page<SttSession>>> = LocalResource::new(move || {
        let api = api.clone();
        async move { api.recent_sessions(RECENT).await }
    });
    let loaded = load(sessions, |_, _| {});
    let open = RwSignal::new(false);
    view! {
        <section class="cm-page" aria-labelledby="cm-home-title">
            <div class="cm-page__head">
                <h1 id="cm-home-title">"Workspace"</h1>
                <div class="cm-page__actions">
                    <button type="button" class="cm-btn cm-btn--primary" on:click=move |_| open.set(true)>"STT Session"</button>
                </div>
            </div>
            <p class="cm-lead">
                "Transcribe audio, or align an existing transcript to its audio with Force Alignment. "
                "Pick one of your trained custom models for better accuracy on your domain."
            </p>
            <h2>"Recent sessions"</h2>
            {move || match loaded.shown.get() {
                Shown::Loading => view! { <p class="cm-loading" role="status">"Loading sessions…"</p> }.into_any(),
                Shown::Failed(message) | Shown::NotFound(message) => view! {
                    <LoadError title="The sessions could not be loaded" message on_retry=Callback::new(move |()| sessions.refetch()) />
                }.into_any(),
                Shown::Ready => view! {
                    <RefreshNote failure=loaded.refresh_failure retrying=false on_retry=Callback::new(move |()| sessions.refetch()) />
                    {move || loaded.value.get().map(|list| if list.items.is_empty() && list.skipped == 0 {
                        view! { <p class="cm-hint">"No sessions yet. Start one with “STT Session”."</p> }.into_any()
                    } else {
                        view! { <SkippedNote note=list.skipped_note() /> <SessionsTable list=list.items /> }.into_any()
                    })}
                }.into_any(),
            }}
        </section>
        <SttSessionDialog open on_started=Callback::new(move |()| sessions.refetch()) />
    }
}

#[component]
fn SessionsTable(list: Vec<SttSession>) -> impl IntoView {
    let workspace = use_workspace();
    let rows = list
        .into_iter()
        .map(|s| {
            let language = workspace.language_name(&s.language);
            view! {
                <tr>
                    <th scope="row">{s.mode.label().to_owned()}</th>
                    <td data-label="Language">{language}</td>
                    <td data-label="Model">{s.model_name.unwrap_or_else(|| "Base model".into())}</td>
                    <td data-label="Files">{s.audio_file_name}{s.transcript_file_name.map(|t| format!(" + {t}"))}</td>
                    <td data-label="Status">{s.status.as_wire().to_owned()}</td>
                    <td data-label="Started">{s.created_at.map(local_timestamp)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="cm-table cm-table--cards">
            <caption class="cm-visually-hidden">"Recent sessions"</caption>
            <thead>
                <tr>
                    <th scope="col">"Mode"</th>
                    <th scope="col">"Language"</th>
                    <th scope="col">"Model"</th>
                    <th scope="col">"Files"</th>
                    <th scope="col">"Status"</th>
                    <th scope="col">"Started"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
