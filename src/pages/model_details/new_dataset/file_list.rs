//! The picked files of the New Dataset modal: each with its size, detected
//! type, problems, and once sending, its progress or outcome.

use domain::dataset::{detect_type, FileProblem};
use domain::size::human_size;
use leptos::prelude::*;

use super::queue::{Check, PickedFiles, Sending};

#[component]
pub fn FileList(
    picked: PickedFiles,
    selection: Memo<domain::dataset::Selection>,
    uploading: RwSignal<bool>,
) -> impl IntoView {
    let rows = move || {
        let problems = selection.with(|s| s.problems.clone());
        picked
            .get()
            .into_iter()
            .zip(problems)
            .map(|(f, problems)| {
                let key = f.key;
                let name = f.info.name.clone();
                let mut messages: Vec<String> = problems.iter().map(FileProblem::message).collect();
                if let (true, Check::Failed(reason)) = (problems.is_empty(), &f.check.1) {
                    messages.push(reason.clone());
                }
                let checking = problems.is_empty() && f.check.1 == Check::Pending;
                let percent = f.sent.saturating_mul(100).checked_div(f.info.size).unwrap_or(100).min(100) as u32;
                let invalid = !messages.is_empty();
                let duration = f.duration.and_then(domain::dataset::format_duration);
                let waiting = f.sending == Sending::Waiting;
                view! {
                    <li class="cm-file" class:cm-file--invalid=invalid>
                        <div class="cm-file__row">
                            <span class="cm-file__name">{name.clone()}</span>
                            <span class="cm-file__meta">{human_size(f.info.size)}</span>
                            <span class="cm-file__meta">{format!("Detected: {}", detect_type(&f.info.name).name())}</span>
                            {duration.map(|d| view! { <span class="cm-file__meta">{d}</span> })}
                            {checking.then(|| view! { <span class="cm-file__meta">"Checking…"</span> })}
                            {move || (!uploading.get() && waiting).then(|| view! {
                                <button type="button" class="cm-btn cm-btn--link" aria-label=format!("Remove {}", name)
                                    on:click=move |_| picked.update(|p| p.retain(|x| x.key != key))>"Remove"</button>
                            })}
                        </div>
                        {messages.into_iter().map(|m| view! { <p class="cm-field__error">{m}</p> }).collect_view()}
                        {match &f.sending {
                            Sending::Waiting => None,
                            Sending::Uploading | Sending::Done => Some(view! {
                                <div class="cm-progress">
                                    <progress max="100" value=percent aria-label=format!("Upload of {}", f.info.name)></progress>
                                    <span>{format!("{percent}%")}</span>
                                </div>
                            }.into_any()),
                            Sending::Failed(reason) => Some(view! { <p class="cm-field__error" role="alert">{format!("Upload failed: {reason}")}</p> }.into_any()),
                            Sending::Cancelled => Some(view! { <p class="cm-hint">"Upload cancelled."</p> }.into_any()),
                        }}
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
