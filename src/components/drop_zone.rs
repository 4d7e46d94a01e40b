//! A drop zone: a label around a hidden file input, so a click opens the file
//! chooser and a drop hands over the dropped files; it lights up while files
//! are dragged over it.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::File;

fn files_of(list: Option<web_sys::FileList>) -> Vec<File> {
    list.map(|l| (0..l.length()).filter_map(|i| l.item(i)).collect()).unwrap_or_default()
}

#[component]
pub fn DropZone(
    /// The zone's first line, which also labels the file input.
    #[prop(into)]
    title: String,
    #[prop(into)] hint: String,
    /// The file input's `accept` attribute.
    accept: String,
    #[prop(optional)] multiple: bool,
    /// The compact look, for a form field.
    #[prop(optional)]
    small: bool,
    #[prop(optional, into)] disabled: Signal<bool>,
    /// The chosen or dropped files.
    on_files: Callback<Vec<File>>,
) -> impl IntoView {
    let over = RwSignal::new(false);
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        over.set(false);
        if !disabled.get_untracked() {
            on_files.run(files_of(ev.data_transfer().and_then(|dt| dt.files())));
        }
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        on_files.run(files_of(input.files()));
        // So choosing the same file again is seen as a change.
        input.set_value("");
    };
    view! {
        <label
            class="cm-dropzone"
            class:cm-dropzone--small=small
            class:cm-dropzone--over=move || over.get()
            on:dragover=move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                over.set(true);
            }
            on:dragleave=move |_| over.set(false)
            on:drop=on_drop
        >
            <input type="file" multiple=multiple accept=accept class="cm-visually-hidden" on:change=on_pick disabled=disabled />
            <span class="cm-dropzone__title">{title}</span>
            <span class="cm-dropzone__hint">{hint}</span>
        </label>
    }
}
