//! The New Dataset modal: pick 1–10 files by click or drag-and-drop, see each
//! file's detected type and problems (checked in the browser before any byte is
//! sent), then upload them in chunks with a progress bar each, cancellable.

mod file_list;
mod queue;

use std::cell::Cell;
use std::rc::Rc;

use domain::dataset::{
    accept_attribute, accepted_kinds_text, validate_selection, DatasetType, FileInfo, TypeChoice, MAX_FILES,
    MAX_FILE_SIZE_TEXT,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::File;

use crate::api::upload::CancelFlag;
use crate::api::use_api;
use crate::components::announcer::use_announcer;
use crate::components::drop_zone::DropZone;
use crate::components::modal::Modal;
use file_list::FileList;
use queue::{check_contents, send_all, Check, Picked, Sending};

#[component]
pub fn NewDatasetModal(open: RwSignal<bool>, model_id: Memo<String>, on_done: Callback<usize>) -> impl IntoView {
    // Stored, so the handlers that use it stay `Copy` closures.
    let api = StoredValue::new(use_api());
    let announcer = use_announcer();
    let choice = RwSignal::new(TypeChoice::AutoDetect);
    let picked = RwSignal::new_local(Vec::<Picked>::new());
    let next_key = StoredValue::new(0usize);
    let uploading = RwSignal::new(false);
    let cancel = StoredValue::new_local(Rc::new(Cell::new(false)) as CancelFlag);

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
    let ready = move || !uploading.get() && selection.with(|s| s.is_valid()) && all_checked();
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
    };

    let start_upload = move || {
        if !ready() {
            return;
        }
        let flag: CancelFlag = Rc::new(Cell::new(false));
        cancel.set_value(flag.clone());
        uploading.set(true);
        let dataset_type = selection.with_untracked(|s| s.dataset_type);
        let (api, model_id) = (api.get_value(), model_id.get_untracked());
        spawn_local(async move {
            let done = send_all(api, model_id, dataset_type, picked, flag.clone()).await;
            uploading.try_set(false);
            on_done.run(done);
            let total = picked.try_with_untracked(Vec::len).unwrap_or(0);
            if flag.get() {
                announcer.say(format!("Upload cancelled. {done} of {total} files were uploaded."));
            } else if done == total {
                announcer.say(format!("{done} {} uploaded.", if done == 1 { "dataset" } else { "datasets" }));
                open.try_set(false);
                picked.try_set(Vec::new());
                choice.try_set(TypeChoice::AutoDetect);
            } else {
                announcer.say(format!("{} of {total} files could not be uploaded.", total - done));
            }
        });
    };
    let stop = move || cancel.with_value(|flag| flag.set(true));
    // Closing the dialog (Escape) or leaving the page stops an upload under way.
    Effect::new(move |_| {
        if !open.get() && uploading.get_untracked() {
            stop();
        }
    });
    on_cleanup(stop);

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
                <FileList picked selection uploading />
                <div class="cm-dialog__actions">
                    {move || if uploading.get() {
                        view! { <button type="button" class="cm-btn" on:click=move |_| stop()>"Cancel upload"</button> }.into_any()
                    } else {
                        view! {
                            <button type="button" class="cm-btn" on:click=move |_| { reset(); open.set(false); }>
                                {move || if picked.with(|p| p.iter().any(|f| f.sending != Sending::Waiting)) { "Close" } else { "Cancel" }}
                            </button>
                        }.into_any()
                    }}
                    <button type="submit" class="cm-btn cm-btn--primary" disabled=move || !ready()>
                        {move || if uploading.get() { "Uploading…" } else { "Create" }}
                    </button>
                </div>
            </form>
        </Modal>
    }
}
