//! The files of the New Dataset modal: before sending, each with its size,
//! detected type and problems; once sent, each with its own state — progress,
//! waiting and why, uploaded, failed or cancelled.

use domain::dataset::{detect_type, FileProblem, Selection};
use domain::size::human_size;
use leptos::prelude::*;

use super::selection::{Check, PickedFiles};
use crate::components::upload_progress::UploadProgress;
use crate::services::uploads::{use_uploads, Entry};

#[component]
pub fn FileList(picked: PickedFiles, selection: Memo<Selection>) -> impl IntoView {
    let rows = move || {
        let problems = selection.with(|s| s.problems.clone());
        picked
            .get()
            .into_iter()
            .zip(problems)
            .map(|(f, problems)| {
                let key = f.key;
                let mut messages: Vec<String> = problems.iter().map(FileProblem::message).collect();
                if let (true, Check::Failed(reason)) = (problems.is_empty(), &f.check.1) {
                    messages.push(reason.clone());
                }
                let checking = problems.is_empty() && f.check.1 == Check::Pending;
                let duration = f.duration.and_then(domain::dataset::format_duration);
                let invalid = !messages.is_empty();
                view! {
                    <li class="cm-file" class:cm-file--invalid=invalid>
                        <div class="cm-file__row">
                            <span class="cm-file__name">{f.info.name.clone()}</span>
                            <span class="cm-file__meta">{human_size(f.info.size)}</span>
                            <span class="cm-file__meta">{format!("Detected: {}", detect_type(&f.info.name).name())}</span>
                            {duration.map(|d| view! { <span class="cm-file__meta">{d}</span> })}
                            {checking.then(|| view! { <span class="cm-file__meta">"Checking…"</span> })}
                            <button type="button" class="cm-btn cm-btn--link" aria-label=format!("Remove {}", f.info.name)
                                on:click=move |_| picked.update(|p| p.retain(|x| x.key != key))>"Remove"</button>
                        </div>
                        {messages.into_iter().map(|m| view! { <p class="cm-field__error">{m}</p> }).collect_view()}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || !picked.with(Vec::is_empty)>
            <ul class="cm-files" aria-label="Selected files">{rows}</ul>
        </Show>
    }
}

/// The files of a batch on their way, each with its own state.
#[component]
pub fn BatchList(batch: usize) -> impl IntoView {
    let uploads = use_uploads();
    let rows = move || uploads.batch(batch).into_iter().map(|entry| view! { <BatchRow entry /> }).collect_view();
    view! { <ul class="cm-files" aria-label="Selected files">{rows}</ul> }
}

#[component]
fn BatchRow(entry: Entry) -> impl IntoView {
    let uploads = use_uploads();
    let (key, name, percent) = (entry.key, entry.request.file_name.clone(), entry.percent());
    let removable = entry.state.is_removable().then(|| {
        view! {
            <button type="button" class="cm-btn cm-btn--link" aria-label=format!("Remove {}", entry.request.file_name)
                on:click=move |_| uploads.remove(key)>"Remove"</button>
        }
    });
    let on_try_again = Callback::new(move |()| uploads.try_again(key));
    view! {
        <li class="cm-file">
            <div class="cm-file__row">
                <span class="cm-file__name">{entry.request.file_name.clone()}</span>
                <span class="cm-file__meta">{human_size(entry.request.size)}</span>
                {removable}
            </div>
            <UploadProgress name percent state=entry.state on_try_again />
        </li>
    }
}
