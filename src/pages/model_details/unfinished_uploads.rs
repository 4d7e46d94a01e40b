//! The model's uploads that a reload, a crash or a closed tab interrupted:
//! "calls.wav · 62 % sent · Resume · Discard". Resume asks for the same file
//! again (a browser cannot reopen it by itself) and sends only what is missing.

use domain::upload::resume::SavedUpload;
use leptos::html::Input;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::services::uploads::use_uploads;

#[component]
pub fn UnfinishedUploads(model_id: Memo<String>) -> impl IntoView {
    let uploads = use_uploads();
    let list = Memo::new(move |_| {
        let id = model_id.get();
        uploads
            .saved
            .with(|all| all.for_model(&id))
            .into_iter()
            .filter(|u| !uploads.is_sending(&u.upload_id))
            .collect::<Vec<_>>()
    });
    let problem = RwSignal::new(None::<String>);
    let resuming = StoredValue::new(None::<SavedUpload>);
    let picker = NodeRef::<Input>::new();
    let choose = move |upload: SavedUpload| {
        problem.set(None);
        resuming.set_value(Some(upload));
        if let Some(input) = picker.get() {
            input.click();
        }
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let file = input.files().and_then(|f| f.item(0));
        input.set_value("");
        if let (Some(file), Some(upload)) = (file, resuming.get_value()) {
            if let Err(reason) = uploads.resume(&upload, file) {
                problem.set(Some(format!("{} was not resumed. {reason}", upload.file_name)));
            }
        }
    };
    let notices = move || {
        uploads.notices.get().into_iter().map(|n| view! { <p class="cm-hint" role="status">{n}</p> }).collect_view()
    };
    view! {
        {notices}
        <Show when=move || !list.with(Vec::is_empty)>
            <section class="cm-unfinished" aria-labelledby="cm-unfinished-title">
                <h3 id="cm-unfinished-title">"Unfinished uploads"</h3>
                <ul>
                    <For each=move || list.get() key=|u| (u.upload_id.clone(), u.sent_bytes) let:upload>
                        <li>
                            <span>{upload.summary()}</span>
                            " "
                            <button type="button" class="cm-btn cm-btn--link" aria-label=format!("Resume {}", upload.file_name)
                                on:click={
                                    let upload = upload.clone();
                                    move |_| choose(upload.clone())
                                }>"Resume"</button>
                            <button type="button" class="cm-btn cm-btn--link" aria-label=format!("Discard {}", upload.file_name)
                                on:click={
                                    let upload = upload.clone();
                                    move |_| uploads.discard(&upload)
                                }>"Discard"</button>
                        </li>
                    </For>
                </ul>
                {move || problem.get().map(|p| view! { <p class="cm-field__error" role="alert">{p}</p> })}
                <input type="file" class="cm-visually-hidden" tabindex="-1" aria-hidden="true" node_ref=picker on:change=on_pick />
            </section>
        </Show>
    }
}
