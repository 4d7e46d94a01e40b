//! The New Dataset modal: pick 1–10 files by click or drag-and-drop, see each
//! file's detected type and problems (checked in the browser before any byte is
//! sent), then hand them to the console's uploads as one batch and follow each
//! file's state. Closing the dialog does not stop them; Cancel upload does.

mod file_list;
mod selection;

use domain::dataset::{
    accept_attribute, accepted_kinds_text, validate_selection, DatasetType, FileInfo, TypeChoice, MAX_FILES,
    MAX_FILE_SIZE_TEXT,
};
use domain::upload::batch::{primary_action, FileState, Primary};
use leptos::prelude::*;
use web_sys::File;

use crate::components::drop_zone::DropZone;
use crate::components::modal::Modal;
use crate::services::announcer::use_announcer;
use crate::services::uploads::{use_uploads, NewFile};
use file_list::{BatchList, FileList};
use selection::{check_contents, Check, Picked};

#[component]
pub fn NewDatasetModal(open: RwSignal<bool>, model_id: Memo<String>) -> impl IntoView {
    let uploads = use_uploads();
    let announcer = use_announcer();
    let choice = RwSignal::new(TypeChoice::AutoDetect);
    let picked = RwSignal::new_local(Vec::<Picked>::new());
    let next_key = StoredValue::new(0usize);
    // The batch this dialog sent, once it did.
    let batch = RwSignal::new(None::<usize>);
    let primary = Memo::new(move |_| match batch.get() {
        None => Primary::Create,
        Some(b) => primary_action(uploads.batch(b).iter().map(|e| &e.state)),
    });
    let uploading = Signal::derive(move || batch.get().is_some());

    let selection = Memo::new(move |_| {
        let infos: Vec<FileInfo> = picked.with(|p| p.iter().map(|f| f.info.clone()).collect());
        validate_selection(choice.get(), &infos)
    });
    let all_checked = move || {
        let t = selection.with(|s| s.dataset_type);
        picked.with(|p| {
            p.iter()
                .zip(selection.with(|s| s.problems.clone()))
                .all(|(f, problems)| !problems.is_empty() || f.check == (Some(t), Check::Passed))
        })
    };
    let ready = move || batch.get().is_none() && selection.with(|s| s.is_valid()) && all_checked();
    check_contents(picked, selection);

    let add_files = Callback::new(move |files: Vec<File>| {
        if uploading.get_untracked() {
            return;
        }
        picked.update(|p| {
            for file in files {
                let key = next_key.get_value();
                next_key.set_value(key + 1);
                p.push(Picked::new(key, file));
            }
        });
    });
    let reset = move || {
        picked.set(Vec::new());
        choice.set(TypeChoice::AutoDetect);
        batch.set(None);
    };

    let start_upload = move || {
        if !ready() {
            return;
        }
        let dataset_type = selection.with_untracked(|s| s.dataset_type);
        let files = picked
            .get_untracked()
            .into_iter()
            .map(|p| NewFile { file: p.file, size: p.info.size, duration_seconds: p.duration })
            .collect();
        batch.set(Some(uploads.add_batch(&model_id.get_untracked(), dataset_type, files)));
    };
    // When every file ended, say how it went; a batch that all arrived closes the dialog.
    Effect::new(move |_| {
        let (Some(b), Primary::RetryFailed | Primary::Finished) = (batch.get(), primary.get()) else { return };
        let states: Vec<FileState> = untrack(|| uploads.batch(b)).into_iter().map(|e| e.state).collect();
        let done = states.iter().filter(|s| **s == FileState::Done).count();
        let total = states.len();
        if states.contains(&FileState::Cancelled) {
            announcer.say(format!("Upload cancelled. {done} of {total} files were uploaded."));
        } else if done == total {
            announcer.say(format!("{done} {} uploaded.", if done == 1 { "dataset" } else { "datasets" }));
            open.set(false);
            reset();
        } else {
            announcer.say(format!("{} of {total} files could not be uploaded.", total - done));
        }
    });

    let type_options = move || {
        let current = choice.get();
        let mut options = vec![("auto", "Auto-detect".to_owned(), current == TypeChoice::AutoDetect)];
        options.extend(
            DatasetType::ALL.into_iter().map(|t| (t.name(), t.name().to_owned(), current == TypeChoice::Fixed(t))),
        );
        options
            .into_iter()
            .map(|(value, label, selected)| view! { <option value=value selected=selected>{label}</option> })
            .collect_view()
    };
    let on_type = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        choice.set(DatasetType::from_name(&value).map_or(TypeChoice::AutoDetect, TypeChoice::Fixed));
    };
    let type_hint = move || match choice.get() {
        TypeChoice::AutoDetect if !picked.with(Vec::is_empty) => {
            format!("Detected from the first file: {}", selection.with(|s| s.dataset_type.name()))
        }
        TypeChoice::AutoDetect => {
            "The first file’s extension decides the type; unknown extensions count as TRANSCRIPT.".to_owned()
        }
        TypeChoice::Fixed(t) => format!("Accepted: {}", t.extension_list()),
    };
    let drop_hint = format!("1 to {MAX_FILES} files, each at most {MAX_FILE_SIZE_TEXT}: {}", accepted_kinds_text());

    view! {
        <Modal open title="New Dataset" class="cm-dialog--wide">
            <form class="cm-form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); start_upload(); }>
                <div class="cm-field">
                    <label for="cm-dataset-type">"Dataset type"</label>
                    <select id="cm-dataset-type" on:change=on_type disabled=move || uploading.get() aria-describedby="cm-dataset-type-hint">
                        {type_options}
                    </select>
                    <p id="cm-dataset-type-hint" class="cm-hint">{type_hint}</p>
                </div>
                <DropZone
                    title="Drop files here or click to choose"
                    hint=drop_hint.clone()
                    accept=accept_attribute(&DatasetType::ALL)
                    multiple=true
                    disabled=uploading
                    on_files=add_files
                />
                {move || match batch.get() {
                    None => view! { <FileList picked selection /> }.into_any(),
                    Some(b) => view! { <BatchList batch=b /> }.into_any(),
                }}
                <div class="cm-dialog__actions">
                    {move || match (batch.get(), primary.get()) {
                        (Some(b), Primary::Sending) => view! {
                            <button type="button" class="cm-btn" on:click=move |_| uploads.cancel_batch(b)>"Cancel upload"</button>
                            <button type="button" class="cm-btn" on:click=move |_| open.set(false)>"Close"</button>
                        }.into_any(),
                        (Some(_), _) => view! {
                            <button type="button" class="cm-btn" on:click=move |_| { reset(); open.set(false); }>"Close"</button>
                        }.into_any(),
                        (None, _) => view! {
                            <button type="button" class="cm-btn" on:click=move |_| { reset(); open.set(false); }>"Cancel"</button>
                        }.into_any(),
                    }}
                    {move || match (batch.get(), primary.get()) {
                        (Some(b), Primary::RetryFailed) => view! {
                            <button type="button" class="cm-btn cm-btn--primary" on:click=move |_| uploads.retry_failed(b)>"Retry failed"</button>
                        }.into_any(),
                        (Some(_), Primary::Sending) => view! {
                            <button type="submit" class="cm-btn cm-btn--primary" disabled=true>"Uploading…"</button>
                        }.into_any(),
                        (Some(_), _) => ().into_any(),
                        (None, _) => view! {
                            <button type="submit" class="cm-btn cm-btn--primary" disabled=move || !ready()>"Create"</button>
                        }.into_any(),
                    }}
                </div>
            </form>
        </Modal>
    }
}
