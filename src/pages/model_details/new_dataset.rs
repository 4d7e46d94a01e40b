//! The New Dataset modal: pick 1–10 files by click or drag-and-drop, see each
//! file's detected type and problems (checked in the browser before any byte is
//! sent), then upload them in chunks with a progress bar each, cancellable.

use std::cell::Cell;
use std::rc::Rc;

use domain::content::{self, PREFIX_BYTES};
use domain::dataset::{detect_type, validate_selection, DatasetType, FileInfo, FileProblem, TypeChoice};
use domain::upload::UploadRequest;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::File;

use crate::components::announcer::use_announcer;
use crate::components::modal::Modal;
use crate::files::{audio_duration, human_size, read_prefix};
use crate::upload::{upload_file, CancelFlag, UploadError};
use crate::workspace::use_api;

#[derive(Clone, PartialEq)]
enum Check {
    Pending,
    Passed,
    Failed(String),
}

#[derive(Clone, PartialEq)]
enum Sending {
    Waiting,
    Uploading,
    Done,
    Failed(String),
    Cancelled,
}

#[derive(Clone)]
struct Picked {
    key: usize,
    file: File,
    info: FileInfo,
    /// The content check, and the type it was checked as.
    check: (Option<DatasetType>, Check),
    duration: Option<f64>,
    sent: u64,
    sending: Sending,
}

const ACCEPT: &str = ".wav,.mp3,.m4a,.flac,.vtt,.srt,.txt,.jsonl";

fn files_of(list: Option<web_sys::FileList>) -> Vec<File> {
    list.map(|l| (0..l.length()).filter_map(|i| l.item(i)).collect()).unwrap_or_default()
}

#[component]
pub fn NewDatasetModal(open: RwSignal<bool>, model_id: Memo<String>, on_done: Callback<usize>) -> impl IntoView {
    // Stored, so the handlers that use it stay `Copy` closures.
    let api = StoredValue::new(use_api());
    let announcer = use_announcer();
    let choice = RwSignal::new(TypeChoice::AutoDetect);
    let picked = RwSignal::new_local(Vec::<Picked>::new());
    let next_key = StoredValue::new(0usize);
    let uploading = RwSignal::new(false);
    let drag_over = RwSignal::new(false);
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

    // Content checks and durations, for files whose size and name are fine, under the current type.
    Effect::new(move |_| {
        let (dataset_type, problems) = selection.with(|s| (s.dataset_type, s.problems.clone()));
        let todo: Vec<(usize, File)> = picked.with_untracked(|p| {
            p.iter()
                .zip(&problems)
                .filter(|(f, problems)| problems.is_empty() && f.check.0 != Some(dataset_type))
                .map(|(f, _)| (f.key, f.file.clone()))
                .collect()
        });
        for (key, file) in todo {
            picked.update(|p| {
                p.iter_mut().filter(|f| f.key == key).for_each(|f| f.check = (Some(dataset_type), Check::Pending))
            });
            spawn_local(async move {
                let complete = file.size() as u64 <= PREFIX_BYTES;
                let verdict = match read_prefix(&file, PREFIX_BYTES).await {
                    Ok(bytes) => match content::check(&file.name(), dataset_type, &bytes, complete) {
                        Ok(()) => Check::Passed,
                        Err(problem) => Check::Failed(problem.message()),
                    },
                    Err(reason) => Check::Failed(format!("The file could not be read: {reason}.")),
                };
                let duration = if dataset_type == DatasetType::Audio && verdict == Check::Passed {
                    audio_duration(&file).await
                } else {
                    None
                };
                picked.try_update(|p| {
                    for f in p.iter_mut().filter(|f| f.key == key && f.check.0 == Some(dataset_type)) {
                        f.check = (Some(dataset_type), verdict.clone());
                        f.duration = duration;
                    }
                });
            });
        }
    });

    let add_files = move |files: Vec<File>| {
        if uploading.get_untracked() {
            return;
        }
        picked.update(|p| {
            for file in files {
                let key = next_key.get_value();
                next_key.set_value(key + 1);
                let info = FileInfo { name: file.name(), size: file.size().max(0.0) as u64 };
                p.push(Picked {
                    key,
                    file,
                    info,
                    check: (None, Check::Pending),
                    duration: None,
                    sent: 0,
                    sending: Sending::Waiting,
                });
            }
        });
    };
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
        let jobs = picked.get_untracked();
        let (api, model_id) = (api.get_value(), model_id.get_untracked());
        spawn_local(async move {
            let mut done = 0;
            for job in jobs {
                let key = job.key;
                let set = move |sending: Sending| {
                    picked.try_update(|p| {
                        p.iter_mut().filter(|f| f.key == key).for_each(|f| f.sending = sending.clone())
                    });
                };
                if flag.get() {
                    set(Sending::Cancelled);
                    continue;
                }
                set(Sending::Uploading);
                let request = UploadRequest {
                    file_name: job.info.name.clone(),
                    size: job.info.size,
                    dataset_type,
                    duration_seconds: job.duration,
                };
                let progress = move |sent: u64| {
                    picked.try_update(|p| p.iter_mut().filter(|f| f.key == key).for_each(|f| f.sent = sent));
                };
                match upload_file(&api, &model_id, &job.file, request, &flag, progress).await {
                    Ok(_) => {
                        done += 1;
                        set(Sending::Done);
                    }
                    Err(UploadError::Cancelled) => set(Sending::Cancelled),
                    Err(UploadError::Failed(reason)) => set(Sending::Failed(reason)),
                }
            }
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

    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        drag_over.set(false);
        add_files(files_of(ev.data_transfer().and_then(|dt| dt.files())));
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        add_files(files_of(input.files()));
        // So picking the same file again is seen as a change.
        input.set_value("");
    };

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

    view! {
        <Modal open title="New Dataset" class="cm-dialog--wide">
            <form class="cm-form" novalidate on:submit=move |ev: leptos::ev::SubmitEvent| { ev.prevent_default(); start_upload(); }>
                <div class="cm-field">
                    <label for="cm-dataset-type">"Dataset type"</label>
                    <select id="cm-dataset-type" on:change=on_type disabled=move || uploading.get() aria-describedby="cm-dataset-type-hint">
                        {type_options}
                    </select>
                    <p id="cm-dataset-type-hint" class="cm-hint">
                        {move || match choice.get() {
                            TypeChoice::AutoDetect if !picked.with(Vec::is_empty) => format!("Detected from the first file: {}", selection.with(|s| s.dataset_type.name())),
                            TypeChoice::AutoDetect => "The first file’s extension decides the type; unknown extensions count as TRANSCRIPT.".to_owned(),
                            TypeChoice::Fixed(t) => format!("Accepted: {}", t.extensions().iter().map(|e| format!(".{e}")).collect::<Vec<_>>().join(", ")),
                        }}
                    </p>
                </div>
                <label
                    class="cm-dropzone"
                    class:cm-dropzone--over=move || drag_over.get()
                    on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); drag_over.set(true); }
                    on:dragleave=move |_| drag_over.set(false)
                    on:drop=on_drop
                >
                    <input type="file" multiple accept=ACCEPT class="cm-visually-hidden" on:change=on_pick disabled=move || uploading.get() />
                    <span class="cm-dropzone__title">"Drop files here or click to choose"</span>
                    <span class="cm-dropzone__hint">"1 to 10 files, each at most 10 GB: audio (.wav, .mp3, .m4a, .flac), transcripts (.vtt, .srt, .txt) or manifests (.jsonl)"</span>
                </label>
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

#[component]
fn FileList(
    picked: RwSignal<Vec<Picked>, LocalStorage>,
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
